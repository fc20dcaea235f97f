"""``batch --to crossref --per-issue``: the sources of a batch as one Crossref deposit per issue.

An issue deposit needs every article of the issue at once, so this path does not use the worker
pool or the output name pattern: it lists the sources as a batch does (folders, globs, issue
files, spreadsheets), reads every article in this process, and hands them to
``converter.per_issue``, which checks each article, groups them by journal, volume and issue,
and writes ``ISSN-vVOL-nISSUE.crossref.xml`` into the output folder (removing an earlier one
when the issue file is rejected). The batch's manifest records the issue files written
(``issue_books``): a file there that this mode did not write for the issue is kept.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from converter.api import Conversion
from converter.batch.driver import ready_output_folder
from converter.batch.issue_books import IssueBooks
from converter.batch.manifest import Manifest, ManifestError
from converter.batch.settings import BatchSettings
from converter.batch.sources import iter_jobs, list_sources
from converter.errors import InputError, OutputError
from converter.per_issue import convert_per_issue, pending
from converter.readers import Loaded, ReadContext, read_source
from converter.readers.native import JournalCache
from converter.readers.spreadsheet import loaded_from_row


def run_per_issue(
    sources: Iterable[str],
    settings: BatchSettings,
    ignore: Iterable[Path] = (),
    not_articles: list[str] | None = None,
    notes: list[str] | None = None,
    results: list[Conversion] | None = None,
    not_reached: list[str] | None = None,
    gone: list[dict[str, Any]] | None = None,
) -> list[Conversion]:
    """Read every article of ``sources``; write one Crossref deposit per issue. The YAML/JSON
    files a folder or glob found that are not articles are left out, their names appended to
    ``not_articles`` (as a batch's ``not-article``); a folder given with no file to convert is
    a line appended to ``notes`` (as a batch's, not bad input).

    ``results``, when given, is filled as articles are done; on Ctrl-C (KeyboardInterrupt,
    raised again) or an issue file that cannot be written (``OutputError``, raised again)
    ``not_reached`` gets the sources, in order, not all of whose articles are
    done (not read yet, or their issue file not written), for the report to list. A
    ``--journal`` pipe that is no journal raises ``InputError`` before any article, and an
    output folder that cannot be made ``OutputError``: ``not_reached`` then gets every
    source given, as a batch's report stopped before any article lists them (it was left
    empty beside the report's ``error``). Another batch writing into the folder raises
    ``ManifestError`` (exit 2), before any article too.

    ``gone``, when given, gets the issue files of earlier runs whose articles are all gone
    (``IssueBooks.gone``), once the run has ended as asked."""
    results = [] if results is None else results
    read: dict[str, list[str]] = {}  # a source read -> the names of its articles
    out_dir = settings.out_dir
    cache = JournalCache()
    try:
        # (a file there, a read-only parent or folder: one line, exit 73, before any article)
        ready_output_folder(out_dir)
        # ``--journal`` given as a pipe (``--journal /dev/stdin``, ``<(…)``) is read once,
        # before any article: each article read it again by its real path
        # (``/proc/…/pipe:[…]``) and every one was refused, 'cannot read journal file'.
        given = cache.once(settings.journal, settings.journal_name)
        manifest = Manifest(out_dir)  # (last: one batch at a time writes into the folder)
    except (OutputError, InputError, ManifestError):
        if not_reached is not None:
            not_reached.extend(sources)
        raise
    try:
        files, problems = list_sources(
            sources, skip=out_dir.resolve(), fmt=settings.fmt, ignore=ignore, notes=notes
        )
    except BaseException:
        manifest.close()
        raise
    books = IssueBooks(out_dir, manifest, settings.force)
    items: list[tuple[Loaded, Path]] = []
    try:
        for job in iter_jobs(files, settings, problems):
            if job.problems:
                loaded = Loaded(job.path, Path(job.path).stem, problems=list(job.problems))
                items.append((loaded, out_dir))
                read.setdefault(job.path, []).append(loaded.name)
                continue
            context = ReadContext(
                journal=given if given is not None else Path(job.journal) if job.journal else None,
                cache=cache,
                encoding=settings.encoding,
                delimiter=settings.delimiter,
                found=job.found,
            )
            if job.values is not None:
                found = [loaded_from_row(Path(job.path), job.row, job.values, context, job.fmt)]
            else:
                found = list(read_source(Path(job.path), job.fmt, context))
            # (the source counts as read once all its articles are: a Ctrl-C half-way leaves
            # it out, to be listed as not reached)
            names = read.setdefault(job.path, [])
            for item in found:
                if item.not_article:
                    if not_articles is not None:
                        not_articles.append(item.name)
                    continue
                items.append((item, out_dir))
                names.append(item.name)
        books.given = {os.path.abspath(item.name) for item, _ in items}
        convert_per_issue(items, settings.options, results, books)
        books.remove_moved(results)  # (the run ended as asked: every article of it read)
        if gone is not None:
            gone.extend(books.gone())
        return results
    except (KeyboardInterrupt, OutputError):
        if not_reached is not None:
            done = {r.source for r in results if not pending(r)}
            for _key, path, _journal, _found in files:
                if path not in read or any(name not in done for name in read[path]):
                    not_reached.append(path)
        raise
    finally:
        files.close()
        manifest.close()
