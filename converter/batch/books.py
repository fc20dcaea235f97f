"""The main process's books: output names claimed once per run, temporary files renamed into
place (or refused), counts, the report rows, and the manifest rows of finished sources."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from converter.batch.manifest import ISSUE_KEY, Manifest, Record, by_other_code
from converter.batch.scratch import scratch_db
from converter.batch.settings import (
    NOT_ARTICLE,
    UNWRITTEN,
    BatchSettings,
    Entry,
    JobResult,
    Summary,
)
from converter.errors import OUTPUT_ERRNOS, output_error
from converter.floods import Cap
from converter.notices import RunNotices, notice, rejected_line, report_lines
from converter.shared_dois import SharedDois
from converter.writers import SUFFIXES, same_output

# The manifest row of a source whose earlier outputs were removed because it was rejected: no
# stamp matches it, so the next run converts the source again.
REJECTED_STAMP = "rejected: earlier output removed"
# A spreadsheet row is known by its number. The outputs of a row removed since an earlier run
# (the number gone, or taken by the row below it, moved up) are kept under the row's key with
# this suffix, a source that is never there: said as gone on every run, as a deleted file's,
# and the number is free for another row without that row's taking them for its own.
REMOVED_ROW = " (row removed)"
REMOVED_ROW_STAMP = "row removed since an earlier run"
UNREAD = object()  # ``Books.accept``: the manifest row was not read when the job was queued
NOT_ARTICLES_NAMED = 3  # files named in the line for those skipped as not articles
GONE_NAMED = 3  # outputs named in the line for those of sources gone
# Between two entries of the JSON report's "articles" list (see ``converter.batch.reports``).
ITEM_SEPARATOR = ",\n    "
# ``json.dumps(item, ensure_ascii=False)``, as the report was written, without an encoder made
# per call (``json.dumps`` keeps one only for its default settings).
_plain = json.JSONEncoder(ensure_ascii=False).encode


def _encode(item: object) -> str:
    """``item`` as JSON text that UTF-8 can hold: a lone surrogate a line quotes (a JSON input's
    "\\ud800", valid JSON but no text) is kept as JSON's own escape of it; written raw, it
    stopped the batch with an internal error (UnicodeEncodeError) at the report's row."""
    text = _plain(item)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


class Books:
    """The main process's bookkeeping: names claimed, renames, counts, the report rows.

    ``manifest`` is a ``Manifest`` (or any mapping with ``get`` and ``pop``). Claimed names and
    report rows are in a scratch database (``scratch_db``), not on the heap.
    """

    def __init__(self, settings: BatchSettings, manifest: Manifest | dict[str, Record]):
        self.settings = settings
        self.out_dir = settings.out_dir
        self.out_name = str(settings.out_dir)  # os.path.join on it: no Path per rename
        self.suffix = _kind("x" + SUFFIXES.get(settings.options.target, ".xml"))
        self.manifest = manifest
        # Each output noted as the source's before it is renamed into place, so that a run
        # killed before its next commit leaves it owned (``Manifest.will_write``).
        self._will_write: Callable[[str, str], None] = (
            manifest.will_write if isinstance(manifest, Manifest) else _no_note
        )
        self.summary = Summary()
        self.run_notices = RunNotices()  # said once, at the end of the run
        self.shared_dois = SharedDois()  # two articles of the run with one DOI: a warning
        # Lives as long as the run; run_batch closes it (after writing the reports).
        self.db = scratch_db()
        # claims: output name → seq of the job that holds it.
        self.db.execute("CREATE TABLE claims (name TEXT PRIMARY KEY, seq INTEGER) WITHOUT ROWID")
        # rows: each job's key and its report entries, as the JSON report writes them.
        self.db.execute(
            "CREATE TABLE rows (seq INTEGER PRIMARY KEY, key TEXT NOT NULL, items TEXT NOT NULL)"
        )
        self.temps: set[str] = set()  # only those of results in hand: bounded by the chunks
        self.cap = Cap()  # 20 problem lines of one kind, then a count at the end of the run
        # The first files skipped as not articles, named in one line at the end of the run.
        self.not_articles: list[str] = []

    def close(self) -> None:
        self.db.close()

    # -- claimed names
    def _holder(self, name: str) -> int | None:
        row = self.db.execute("SELECT seq FROM claims WHERE name = ?", (name,)).fetchone()
        return None if row is None else int(row[0])

    def _claim(self, name: str, seq: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO claims VALUES (?, ?)", (name, seq))

    def _claim_new(self, name: str, seq: int) -> bool:
        """Claim a name nobody holds yet; False (and nothing changed) if somebody does. Nearly
        every name is new: one statement instead of a look-up and then a claim."""
        cursor = self.db.execute("INSERT OR IGNORE INTO claims VALUES (?, ?)", (name, seq))
        return cursor.rowcount == 1

    def _unclaim(self, name: str) -> None:
        self.db.execute("DELETE FROM claims WHERE name = ?", (name,))

    # -- report rows
    def _spool(self, seq: int, key: str, entries: list[Entry]) -> None:
        """Keep a job's report entries as the JSON report writes them (``ITEM_SEPARATOR``
        between two): written out as they are when the run ends, not read back and encoded
        again (5,000 articles: the report took 23 ms, with every core but one idle)."""
        out_dir = self.settings.out_dir
        items = ITEM_SEPARATOR.join([_encode(e.as_dict(out_dir)) for e in entries])
        self.db.execute("INSERT OR REPLACE INTO rows VALUES (?, ?, ?)", (seq, key, items))

    def _add_problem(self, seq: int, index: int, line: str) -> str:
        """Add ``line`` to the problems of a job's entry already spooled (its report row and
        --junit case hold it as if it had been said when the job was taken in); its source."""
        (text,) = self.db.execute("SELECT items FROM rows WHERE seq = ?", (seq,)).fetchone()
        items = json.loads(f"[{text}]")
        items[index]["problems"] = [*items[index]["problems"], line]
        joined = ITEM_SEPARATOR.join([_encode(item) for item in items])
        self.db.execute("UPDATE rows SET items = ? WHERE seq = ?", (joined, seq))
        return str(items[index]["source"])

    def report_items(self) -> Iterator[str]:
        """Each job's report entries, in order, as ``_spool`` keeps them (none left out)."""
        for (items,) in self.db.cursor().execute("SELECT items FROM rows ORDER BY seq"):
            if items:
                yield items

    def entries_in_order(self) -> Iterator[dict[str, Any]]:
        for items in self.report_items():
            yield from json.loads(f"[{items}]")

    def job_entries(self, seq: int) -> tuple[str, list[Entry]]:
        key, text = self.db.execute("SELECT key, items FROM rows WHERE seq = ?", (seq,)).fetchone()
        items = json.loads(f"[{text}]")
        out_dir = self.settings.out_dir
        entries = []
        for item in items:
            output = item["output"]
            rel = str(Path(output).relative_to(out_dir)) if output else None
            entries.append(
                Entry(
                    item["source"],
                    item["status"],
                    rel,
                    item["problems"],
                    [notice(w) for w in item.get("warnings", [])],
                )
            )
        return key, entries

    # -- results
    def accept(
        self, result: JobResult, report: Callable[[str], None], previous: Any = UNREAD
    ) -> None:
        """Rename a job's outputs into place (or refuse a clashing name) and count them.

        ``previous`` is the job's manifest row as it was read when the job was queued (only
        this method writes that row, so it is unchanged); without it the row is read again.
        """
        settings = self.settings
        if previous is UNREAD:
            previous = self.manifest.get(result.key)
        owned = set(previous[3]) if previous else set()
        # Outputs of another --to (a DOAJ record beside the JATS file, in one folder) are the
        # source's too, but no earlier copy of what this run writes: kept, never removed.
        others = {name for name in owned if _kind(name) != self.suffix}
        ours = owned - others
        moved = False  # an output this source writes was another source's: it moved here
        for entry in result.entries:
            if entry.output is None:
                continue
            claimed = self._claim_new(entry.output, result.seq)
            holder = None if claimed else self._holder(entry.output)
            if holder is not None:
                # Names are claimed once per run; the same job twice means two of its articles.
                if holder <= result.seq:
                    first = self._source_of(holder, result, entry.output)
                    self._refuse(
                        entry,
                        f"the output name {entry.output} is already taken by {first} "
                        "(give distinct metadata or another --name pattern)",
                    )
                    continue
                self._demote(holder, entry, result)
            elif (
                holder is None
                and entry.status != "skipped"
                and entry.output not in owned
                and os.path.exists(os.path.join(self.out_name, entry.output))
            ):
                if _same_output(self.out_dir / entry.output, entry.temp):
                    moved = True
                elif not settings.force:
                    if claimed:
                        self._unclaim(entry.output)
                    self._refuse(entry, self._taken_line(entry.output, result.key))
                    continue
            if not claimed:
                self._claim(entry.output, result.seq)
            if entry.temp:
                target = os.path.join(self.out_name, entry.output)
                try:
                    self._will_write(result.key, entry.output)
                    os.replace(entry.temp, target)
                except OSError as exc:
                    if exc.errno not in OUTPUT_ERRNOS:
                        raise
                    entry.status, entry.output = UNWRITTEN, None
                    entry.problems = [*entry.problems, str(output_error(target, exc))]
                    continue
                finally:
                    if entry.status == UNWRITTEN:
                        with contextlib.suppress(OSError):
                            os.unlink(entry.temp)
                self.temps.discard(entry.temp)
                entry.temp = None
        if self._vanished(result, ours):
            # Listed, then gone before it was read (deleted mid-run, its share unmounted): its
            # outputs are kept and its manifest row left as it was, as for a source gone
            # between runs (an unreachable disk looks the same as a deleted file); the next
            # run says them as a source gone's, or finds the source back and up to date.
            for entry in result.entries:
                entry.problems = [*entry.problems, self._kept_line(entry.source, ours)]
            self._count_and_say(result, report)
            return
        removed = self._remove_stale(result, ours, moved)
        if previous and not settings.force and by_other_code(previous[0], settings.code):
            # (said once for the run: ``code_line``)
            self.summary.converter_changed += sum(e.status == "converted" for e in result.entries)
        record = result.record
        kept = tuple(sorted(n for n in others if os.path.exists(os.path.join(self.out_name, n))))
        if record is not None and all(e.status in ("converted", "skipped") for e in result.entries):
            if kept:
                record = (*record[:3], (*record[3], *kept), record[4])
            self.manifest[result.key] = record
        elif removed or kept:  # the row says why the source has no output now (out of date)
            self.manifest[result.key] = (REJECTED_STAMP, (), "", kept, ())
        else:
            self.manifest.pop(result.key, None)
        self._count_and_say(result, report)

    def _vanished(self, result: JobResult, ours: set[str]) -> bool:
        """Whether a source with outputs of an earlier run is gone now, none of its articles
        converted (it could not be read): listed by this run, then deleted or out of reach."""
        return (
            bool(ours)
            and all(e.status == "bad-input" for e in result.entries)
            and not os.path.exists(_source_path(result.key))
        )

    def _kept_line(self, source: str, ours: set[str]) -> str:
        """The line of a vanished source (``_vanished``) naming the outputs kept for it."""
        names = ", ".join(sorted(n for n in ours if os.path.exists(os.path.join(self.out_name, n))))
        return (
            f"{source}: not converted; earlier output kept: {names} (the source is gone since "
            "the run listed it: deleted, or its disk or share out of reach; remove the output "
            "if withdrawn)"
        )

    def _count_and_say(self, result: JobResult, report: Callable[[str], None]) -> None:
        """Count a job's articles, print their lines and spool their report rows."""
        for index, entry in enumerate(result.entries):
            self.summary.counts[entry.status] += 1
            if entry.status == NOT_ARTICLE:  # (said once for them all: ``not_article_line``)
                if len(self.not_articles) < NOT_ARTICLES_NAMED:
                    self.not_articles.append(entry.source)
                if entry.removed:  # an article file overwritten since: its output is stale
                    gone = ", ".join(entry.removed)
                    report(f"{entry.source}: not converted; earlier output removed: {gone}")
                continue
            if entry.status == UNWRITTEN:
                # Not this article's fault: the run stops and says so in one line.
                self.summary.stopped = self.summary.stopped or entry.problems[-1]
                continue
            shared = self.shared_dois.shared(entry.source, entry.doi, (result.seq, index))
            if shared and shared[0] == (result.seq, index):
                # (before the entry is spooled: the report and --junit hold it too)
                entry.problems = [*entry.problems, shared[1]]
            elif shared:  # the later source's results came in first (-j 2): said on it
                later = self._add_problem(*shared[0], shared[1])
                if self.cap.admit(shared[1], shared[1].removeprefix(f"{later}: ")):
                    report(shared[1])
            prefix = f"{entry.source}: "
            if entry.warnings:
                for line in report_lines(entry.source, entry.warnings):
                    if self.cap.admit(line, line.removeprefix(prefix)):
                        report(line)
                self.run_notices.add(entry.warnings, entry.source)
            for line in entry.problems:
                if self.cap.admit(line, line.removeprefix(prefix)):
                    report(line)
            gone = ", ".join(entry.removed)
            if entry.status == "invalid":
                line = rejected_line(entry.source, entry.output, gone)
                if self.cap.admit(line, line.removeprefix(prefix)):
                    report(line)
            elif gone and entry.status in ("converted", "skipped"):
                report(f"{prefix}written to {entry.output}; earlier output removed: {gone}")
            elif gone:
                report(f"{prefix}not converted; earlier output removed: {gone}")
        self._spool(result.seq, result.key, result.entries)

    # -- a run stopped early
    def reached_all(self, first: int, last: int) -> bool:
        """Whether every job from ``first`` to ``last`` (a spreadsheet's rows) was reached."""
        query = "SELECT count(*) FROM rows WHERE seq BETWEEN ? AND ?"
        return int(self.db.execute(query, (first, last)).fetchone()[0]) == last - first + 1

    def note_not_reached(
        self, files: Iterable[tuple[str, str, str | None, bool]], partly: Iterable[str]
    ) -> None:
        """Keep, in order, the sources of ``files`` a run stopped early did not reach — no
        article of them in the report — and the spreadsheets of ``partly`` (some rows not
        reached, or not read to the end), for the reports and ``summary.not_reached``.

        Looked up by source, a spreadsheet's rows as ``KEY#N`` (keys from ``KEY#`` to
        ``KEY$``, '$' following '#'), through an index made only now: the rows of a run that
        ends as asked are never indexed by key."""
        sheets = set(partly)
        self.db.execute("CREATE INDEX IF NOT EXISTS rows_by_key ON rows (key)")
        self.db.execute("CREATE TABLE IF NOT EXISTS not_reached (path TEXT NOT NULL)")
        query = "SELECT 1 FROM rows WHERE key = ? OR (key >= ? AND key < ?) LIMIT 1"
        for key, path, _journal, _found in files:
            if (
                path in sheets
                or self.db.execute(query, (key, f"{key}#", f"{key}$")).fetchone() is None
            ):
                self.db.execute("INSERT INTO not_reached VALUES (?)", (path,))
                self.summary.not_reached += 1

    def not_reached(self) -> Iterator[str]:
        """The sources a run stopped early did not reach (``note_not_reached``), in order."""
        if not self.summary.not_reached:
            return
        for (path,) in self.db.cursor().execute("SELECT path FROM not_reached ORDER BY rowid"):
            yield path

    # -- sources gone since an earlier run
    def note_gone_sources(self) -> None:
        """Look for manifest rows of sources that are gone (deleted, renamed or moved since an
        earlier run into this folder), once a run has ended as asked.

        A row whose outputs are all gone, or all claimed by this run (a renamed source wrote
        them again under its new name), is forgotten without a word. A row with an output
        still in the folder that no source of this run claims is kept, and the output too: it
        is said at the end of every run (``gone_line``) and listed in the report until the
        source is back or the output removed. Never removed by the batch: a source out of
        reach (an unmounted disk, a network share not mounted) looks the same as one deleted.
        A spreadsheet row is gone when this run read its spreadsheet to the end and found no
        row of that number (removed, or cleared): its row is kept as a removed row's
        (``REMOVED_ROW``), and said the same way; a spreadsheet not read to the end (it could
        not be read, or was not a source of this run) keeps its rows."""
        manifest = self.manifest
        keys = manifest.source_keys() if isinstance(manifest, Manifest) else list(manifest)
        gone: list[str] = []
        rows: list[tuple[str, str]] = []  # (row key, its spreadsheet) of spreadsheets there
        for key in keys:
            if key.startswith(ISSUE_KEY):  # (an issue file of ``--per-issue``: not a source)
                continue
            source = _source_path(key)
            if not os.path.exists(source):
                gone.append(key)
            elif source != key:
                rows.append((key, source))
        for key in self._rows_gone(rows):
            row = self.manifest.get(key)
            self._keep_removed_row(key, row[3] if row is not None else ())
            self.manifest.pop(key, None)
            gone.append(key + REMOVED_ROW)
        if not gone:
            return
        self.db.execute("CREATE TABLE IF NOT EXISTS gone (source TEXT, outputs TEXT)")
        for key in dict.fromkeys(gone):
            row = self.manifest.get(key)
            outputs = row[3] if row is not None else ()
            kept = [
                name
                for name in outputs
                if self._holder(name) is None and os.path.exists(os.path.join(self.out_name, name))
            ]
            if not kept:
                self.manifest.pop(key, None)
                continue
            self.summary.sources_gone += 1
            self.summary.outputs_of_gone += len(kept)
            paths = [os.path.join(self.out_name, name) for name in kept]
            self.db.execute("INSERT INTO gone VALUES (?, ?)", (key, json.dumps(paths)))

    def _rows_gone(self, rows: list[tuple[str, str]]) -> list[str]:
        """Of spreadsheet rows (key, spreadsheet) of earlier runs, those whose spreadsheet this
        run read to the end (rows of it reached, no problem of the whole file) without a row
        of that number. Looked up among the run's report rows by key, through an index made
        only when there are such rows to look for."""
        if not rows:
            return []
        self.db.execute("CREATE INDEX IF NOT EXISTS rows_by_key ON rows (key)")
        has = "SELECT 1 FROM rows WHERE key = ? LIMIT 1"
        has_rows = "SELECT 1 FROM rows WHERE key >= ? AND key < ? LIMIT 1"
        read: dict[str, bool] = {}
        found = []
        for key, sheet in rows:
            if sheet not in read:
                read[sheet] = (
                    self.db.execute(has_rows, (f"{sheet}#", f"{sheet}$")).fetchone() is not None
                    and self.db.execute(has, (sheet,)).fetchone() is None
                )
            if read[sheet] and self.db.execute(has, (key,)).fetchone() is None:
                found.append(key)
        return found

    def _keep_removed_row(self, key: str, names: Iterable[str]) -> None:
        """Keep ``names``, outputs of the spreadsheet row ``key`` as an earlier run read it, as
        a removed row's (``REMOVED_ROW``), beside any kept before for that number."""
        alias = key + REMOVED_ROW
        row = self.manifest.get(alias)
        outputs = tuple(dict.fromkeys([*(row[3] if row is not None else ()), *names]))
        if outputs:
            self.manifest[alias] = (REMOVED_ROW_STAMP, (), "", outputs, ())

    def gone_sources(self) -> Iterator[dict[str, Any]]:
        """The sources gone whose outputs are kept (``note_gone_sources``), for the report."""
        if not self.summary.sources_gone:
            return
        for source, outputs in self.db.cursor().execute("SELECT source, outputs FROM gone"):
            yield {"source": source, "outputs": json.loads(outputs)}

    def gone_line(self) -> str | None:
        """The run's one line for the outputs kept of sources gone since an earlier run."""
        count = self.summary.outputs_of_gone
        if not count:
            return None
        names: list[str] = []
        for item in self.gone_sources():
            names += [os.path.relpath(p, self.out_name) for p in item["outputs"]]
            if len(names) >= GONE_NAMED:
                break
        shown = ", ".join(names[:GONE_NAMED])
        if count > GONE_NAMED:
            shown += f" and {count - GONE_NAMED:,} more"
        outputs, them = ("output", "it") if count == 1 else ("outputs", "them")
        sources = "source" if self.summary.sources_gone == 1 else "sources"
        whose = "its source" if count == 1 else "their sources"
        return (
            f"jatsconv: {self.out_dir}: {count:,} {outputs} of {self.summary.sources_gone:,} "
            f"{sources} gone since an earlier run (deleted, renamed or moved): {shown}; kept "
            f"(remove {them} if withdrawn; --report names {whose})"
        )

    def code_line(self) -> str | None:
        """The run's one line for the articles converted again because their outputs were
        written by another converter (code changed under the same version, or an upgrade)."""
        count = self.summary.converter_changed
        if not count:
            return None
        articles = "article" if count == 1 else "articles"
        return (
            f"jatsconv: {self.out_dir}: {count:,} {articles} converted again: the converter "
            "changed since an earlier run wrote their outputs"
        )

    def not_article_line(self) -> str | None:
        """The run's one line for the YAML/JSON files found that are not articles."""
        return not_article_line(self.summary.counts[NOT_ARTICLE], self.not_articles)

    def _remove_stale(self, result: JobResult, ours: set[str], moved: bool = False) -> list[str]:
        """Outputs an earlier run wrote for this source that no article of it has now, because
        an article was rejected (bad input, invalid output) or is named otherwise now (its
        issue or first page changed): removed, so that nobody deposits them as current. Only
        names this source wrote (the manifest says so) and that no other article of this run
        claims. Returns the names removed, also set on the source's entries (``earlier output
        removed`` in the report).

        A spreadsheet row that ``moved`` (its output was written for another row: a row above
        it was removed) is another article than the one its number had: that one's outputs
        are not this row's to remove, and are kept as a removed row's (``REMOVED_ROW``)."""
        if not ours or any(e.status == UNWRITTEN for e in result.entries):
            return []
        kept = {e.output for e in result.entries if e.output}
        if not ours - kept:
            return []
        if moved and _source_path(result.key) != result.key:
            self._keep_removed_row(result.key, sorted(ours - kept))
            return []
        removed = []
        for name in sorted(ours - kept):
            if self._holder(name) is not None:
                continue
            try:
                (self.out_dir / name).unlink()
            except FileNotFoundError:
                continue
            except OSError:
                continue  # left in place; the manifest no longer lists it as current
            removed.append(name)
        rejected = [e for e in result.entries if e.status in ("invalid", "bad-input", NOT_ARTICLE)]
        for entry in rejected or [e for e in result.entries if e.output]:
            entry.removed = removed
        return removed

    def _taken_line(self, name: str, key: str) -> str:
        """Why a file in place is not replaced. One an earlier run wrote for another source
        is that source's (a rerun with -j 2 meets it before the source, up to date, claims
        it again): named as taken by it, as a run that converts both says; --force would
        not give this source the name. Any other file is one the batch did not write."""
        other = self._writer_of(name, key)
        if other is not None:
            return (
                f"the output name {name} is already taken by {other} (written by an earlier "
                "run; give distinct metadata or another --name pattern)"
            )
        return (
            f"{self.out_dir / name} exists and was not written for this source: not "
            "overwritten (use --force, or another --name pattern)"
        )

    def _writer_of(self, name: str, key: str) -> str | None:
        """The source, other than ``key`` and still there, whose manifest row lists the output
        ``name`` (a scan of the rows: only for a name refused, never per article converted).
        A source gone since is none: its output is a file the batch no longer writes."""
        if isinstance(self.manifest, Manifest):
            rows = self.manifest.rows_naming(name)
        else:
            rows = ((k, r[3]) for k, r in self.manifest.items())
        return next(
            (k for k, names in rows if k != key and name in names and _source_there(k)), None
        )

    def _source_of(self, holder: int, result: JobResult, name: str) -> str:
        """The source that claimed ``name``: from this job's entries, else from the spool."""
        entries = result.entries if holder == result.seq else self.job_entries(holder)[1]
        return next((e.source for e in entries if e.output == name), entries[0].source)

    def _refuse(self, entry: Entry, message: str) -> None:
        if entry.temp:
            with contextlib.suppress(OSError):
                os.unlink(entry.temp)
            self.temps.discard(entry.temp)
        entry.temp = None
        entry.output = None
        entry.status = "bad-input"
        entry.problems = [*entry.problems, f"{entry.source}: {message}"]

    def _demote(self, holder: int, winner: Entry, result: JobResult) -> None:
        """An earlier article claims a name a later one took: the later one is refused."""
        key, entries = self.job_entries(holder)
        for entry in entries:
            if entry.output == winner.output:
                self.summary.counts[entry.status] -= 1
                self._refuse(
                    entry,
                    f"the output name {winner.output} is also that of "
                    f"{winner.source}, earlier in the batch (give distinct metadata "
                    "or another --name pattern)",
                )
                self.summary.counts[entry.status] += 1
        self.manifest.pop(key, None)
        self._spool(holder, key, entries)

    def cleanup(self) -> None:
        for temp in list(self.temps):
            with contextlib.suppress(OSError):
                os.unlink(temp)
        self.temps.clear()


def not_article_line(count: int, names: list[str]) -> str | None:
    """One line for the ``count`` files found that are not articles (a site's settings,
    ``package.json``; with ``--from jats`` a sitemap, an OJS export): counted, the first
    ``NOT_ARTICLES_NAMED`` of ``names`` named, never a problem line each (they are no fault of
    the user's)."""
    if not count:
        return None
    shown = names[:NOT_ARTICLES_NAMED]
    listed = ", ".join(shown)
    if count > len(shown):
        listed += f" and {count - len(shown):,} more: --report lists them with why"
    files = "file" if count == 1 else "files"
    return f"jatsconv: skipped: not an article: {count:,} {files} found ({listed})"


def _source_path(key: str) -> str:
    """The file of a manifest key: the key, or for a spreadsheet row (``KEY#N``) its sheet."""
    head, sep, row = key.rpartition("#")
    if sep and row.isdigit() and not os.path.exists(key):
        return head
    return key


def _kind(name: str) -> str:
    """Which --to wrote an output, by its suffix (``.doaj.xml`` before ``.xml``)."""
    return next((suffix for suffix in _KINDS if name.endswith(suffix)), "")


_KINDS = sorted(SUFFIXES.values(), key=len, reverse=True)


def _source_there(key: str) -> bool:
    """Whether a manifest key's file (a spreadsheet row's: its sheet) is still there."""
    return os.path.exists(_source_path(key))


def _no_note(key: str, name: str) -> None:
    """``Books._will_write`` for books kept without a manifest file: nothing outlives them."""


def _same_output(target: Path, temp: str | None) -> bool:
    """Whether the file in place says what the new output says: then it is this article's,
    written by an earlier run under another source name (a file renamed or moved, a
    spreadsheet row moved down) or by a run killed before it recorded it."""
    if temp is None:
        return False
    try:
        return same_output(target.name, target.read_bytes(), Path(temp).read_bytes())
    except OSError:
        return False
