"""``run_batch``: ``jatsconv batch`` for a Python caller — the same driver
(``converter.batch.driver.run_batch``, which the command calls too), its per-article outcomes and
the lines the command prints handed back as data, nothing printed, no exit."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from converter.api_args import (
    count_arg,
    delimiter_arg,
    format_arg,
    options_arg,
    path_arg,
    paths_arg,
    text_arg,
)
from converter.batch.driver import Progress
from converter.batch.driver import run_batch as drive
from converter.batch.settings import BatchSettings, Summary
from converter.errors import SetupError
from converter.grammars import get_grammars
from converter.naming import DEFAULT_PATTERN
from converter.notices import Notice, notice
from converter.options import Options

__all__ = ["BatchArticle", "BatchInterrupted", "BatchResult", "run_batch"]


@dataclass(slots=True)
class BatchArticle:
    """What a batch did with one article: ``status`` is one of ``converted``, ``invalid``,
    ``bad-input``, ``skipped`` (its output up to date), ``not-article`` (a file a folder scan
    found that is no article), ``unwritten`` (its output could not be written: the run
    stopped) or ``error`` (an internal error); ``output`` the file written, ``problems`` the
    lines ``jatsconv batch`` prints for it, ``warnings`` the reader's, ``removed`` an earlier
    run's outputs of it removed as stale. One item of ``batch --report``'s ``articles``."""

    source: str
    status: str
    output: str | None = None
    problems: list[str] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @classmethod
    def from_report(cls, item: dict[str, Any]) -> BatchArticle:
        """From an item of the report's ``articles`` list (the driver keeps them so)."""
        return cls(
            source=str(item["source"]),
            status=str(item["status"]),
            output=item.get("output"),
            problems=list(item.get("problems", [])),
            warnings=[notice(w) for w in item.get("warnings", [])],
            removed=list(item.get("earlier_output_removed", [])),
        )


@dataclass(slots=True)
class BatchResult:
    """A whole run: ``articles`` in source order, ``counts`` per status (the summary table's),
    ``lines`` everything the command prints on standard error while it runs (each article's
    problems and warnings, the notes at the end), and how it ended: ``interrupted`` (Ctrl-C),
    ``stopped`` (why an output could not be written: the run stopped early), ``not_reached``
    (sources a run stopped early did not reach), ``exit_code`` (what ``batch`` exits with)."""

    articles: list[BatchArticle]
    counts: dict[str, int]
    lines: list[str]
    seconds: float = 0.0
    interrupted: bool = False
    stopped: str | None = None
    not_reached: int = 0
    exit_code: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


# What a caller whose workers die at their start is told: Python's multiprocessing rule.
_GUARD = (
    "with jobs other than 1 the worker processes import the calling script, which must keep "
    "its work under 'if __name__ == \"__main__\":' (else each worker runs it again)"
)


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped ``run_batch``. Raised once the run has cleaned up (no
    temporary file left; every output written is in place and recorded, so a rerun goes on
    from there), so that a script stops as Ctrl-C stops it rather than going on to package or
    deposit a part of the batch; ``result`` is the ``BatchResult`` of what was done
    (``interrupted`` true, ``exit_code`` 130). A ``KeyboardInterrupt``: a script that does not
    catch it stops, with its traceback, but with status 1, not Ctrl-C's (130 in a shell, which
    stops a shell's loop): Python gives that only to a ``KeyboardInterrupt`` itself, never to
    a subclass. A script run in a loop catches it and exits with ``result.exit_code``."""

    def __init__(self, result: BatchResult) -> None:
        done = sum(1 for article in result.articles if article.status == "converted")
        super().__init__(f"batch interrupted: {done} converted, {result.not_reached} not reached")
        self.result = result


class _Lines(Progress):
    """The lines the command would print, kept."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def problem(self, line: str) -> None:
        self.lines.append(line)


def run_batch(
    sources: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    options: Options | None = None,
    jobs: int = 1,
    force: bool = False,
    fmt: str | None = None,
    journal: str | os.PathLike[str] | None = None,
    pattern: str = DEFAULT_PATTERN,
    encoding: str | None = None,
    delimiter: str | None = None,
    report: str | os.PathLike[str] | None = None,
    junit: str | os.PathLike[str] | None = None,
) -> BatchResult:
    """``jatsconv batch SOURCES -o OUT_DIR``: convert every article of ``sources`` (folders,
    globs, issue files, spreadsheets, article files) into ``out_dir``, each output validated
    before it is written; one bad article never stops the others, and a rerun skips the
    articles whose output is up to date unless ``force``.

    ``options``: what each article is converted to, as ``convert_file`` takes it; without it,
    JATS 1.4 Publishing validated against the installed DTDs (``get_grammars()``; another
    folder: ``Options(grammars=get_grammars(folder))`` or ``Options(grammars=folder)``).
    ``jobs``: worker processes (1: in this process, 0: one per core). ``fmt``, ``journal``,
    ``pattern`` (``--name``), ``encoding``, ``delimiter``, ``report`` and ``junit`` (files for
    the JSON and JUnit reports) are the command's options.

    Raises ``SetupError`` (no DTDs installed), ``OutputError`` (``out_dir`` cannot be created
    or written), ``InputError`` (a ``journal`` that cannot be read), ``ConverterError`` (another
    batch writes into ``out_dir``), ``ValueError`` (a bad ``pattern``, an unknown ``fmt``,
    ``jobs`` below 0, ``-`` as a report), ``SetupError`` (the worker processes ended before
    they converted anything: a script without ``if __name__ == "__main__":``), ``TypeError``
    (one path given as ``sources`` rather than a list of them, None or an ``Article`` for a
    path), ``BatchInterrupted`` (a ``KeyboardInterrupt``: Ctrl-C or SIGTERM stopped the run,
    after it cleaned up; its ``result`` is what was done; SIGTERM when it has its default
    handler, which the run replaces while it lasts); every article's problem is in its
    ``BatchArticle``. Never prints, never exits.
    """
    if jobs != 1 and _importing_script_in_worker():
        # A script without the guard ran its batch again in every worker, each finding the
        # folder locked, until the pool gave up.
        raise SetupError(f"run_batch called in a worker process importing the script: {_GUARD}")
    # Every argument checked before the DTDs are looked for or a file is read.
    names = [os.fspath(source) for source in paths_arg(sources, "sources")]
    folder = path_arg(out_dir, "out_dir")
    options_arg(options)
    workers = count_arg(jobs, "jobs", 0)
    fmt = format_arg(fmt)
    journal_path = path_arg(journal, "journal") if journal is not None else None
    pattern = cast(str, text_arg(pattern, "pattern"))
    encoding = text_arg(encoding, "encoding", optional=True)
    delimiter = delimiter_arg(delimiter)
    reports = {key: _report_path(value, key) for key, value in (("report", report),
                                                                 ("junit", junit))}  # fmt: skip
    options = options or Options(grammars=get_grammars().require())
    settings = BatchSettings(
        out_dir=folder,
        options=options,
        fmt=fmt,
        journal=journal_path,
        pattern=pattern,
        jobs=workers or (os.cpu_count() or 1),
        force=force,
        encoding=encoding,
        delimiter=delimiter,
    )
    progress = _Lines()
    items: list[dict[str, Any]] = []
    try:
        with _sigterm_stops():
            summary: Summary = drive(
                names,
                settings,
                progress,
                report_path=reports["report"],
                junit_path=reports["junit"],
                outcomes=items,
            )
    except BrokenProcessPool as exc:  # (the driver's own words, then the likely cause)
        raise SetupError(f"{out_dir}: {exc}: {_GUARD}") from None
    result = BatchResult(
        articles=[BatchArticle.from_report(item) for item in items],
        counts=dict(summary.counts),
        lines=progress.lines,
        seconds=summary.seconds,
        interrupted=summary.interrupted,
        stopped=summary.stopped,
        not_reached=summary.not_reached,
        exit_code=summary.exit_code(),
    )
    if result.interrupted:
        raise BatchInterrupted(result)
    return result


@contextlib.contextmanager
def _sigterm_stops() -> Iterator[None]:
    """SIGTERM (``kill``, ``systemctl stop``, a CI job cancelled) stops the run as Ctrl-C
    does, for the run's length. By default it ended the calling process at once: temporary
    files and a pending manifest left in ``out_dir``, no report, no ``BatchInterrupted``. A
    handler the caller set, or SIGTERM ignored, is left alone; so is a thread other than the
    main one (only it can set handlers). Once one came, the ones after it are let go while the
    run stops, as the command does."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return
    met: list[int] = []

    def interrupt(signum: int, frame: object) -> None:
        if not met:
            met.append(signum)
            raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _importing_script_in_worker() -> bool:
    """Whether this is a worker process of ours importing the caller's script: the workers
    (forkserver or spawn) run it under the name ``__mp_main__`` (``runpy`` puts a module of
    that name in ``sys.modules`` while it runs) before they are bootstrapped, while
    ``__main__`` is still their own start-up module. Everywhere else the two names are one
    module: ``multiprocessing`` makes them so in the main process when imported, and a worker
    once the script is imported (a worker function of the caller's may run a batch); a shell
    that puts a ``__main__`` of its own in place (IPython) leaves the first, named
    ``__main__``, as ``__mp_main__``. Not
    ``parent_process()``: a worker learns its parent only after importing the script, so that
    guard never fired and each worker ran the batch again (three 'another batch is writing
    into this output folder' tracebacks)."""
    imported = sys.modules.get("__mp_main__")
    return (
        getattr(imported, "__name__", None) == "__mp_main__"  # (IPython's own ``__main__``
        and imported is not sys.modules.get("__main__")  # leaves the first one here)
    )


def _report_path(value: object, name: str) -> Path | None:
    """A report file, or None; ``-`` (the command's standard output) is refused: the library
    never prints, and the ``BatchResult`` holds what the report would."""
    if value is None:
        return None
    path = path_arg(value, name)
    if os.fspath(value) == "-":
        raise ValueError(f"{name}: '-' is the command's standard output; give a file (the "
                         "BatchResult holds the articles)")  # fmt: skip
    return path
