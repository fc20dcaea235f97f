"""``jatsconv batch``: convert whole issues and archives in parallel (see ``converter.batch``)."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from converter.batch import BatchSettings, Progress, Summary, driver, run_batch
from converter.batch.books import not_article_line
from converter.batch.reports import STDOUT, not_started, write_out, write_per_issue_junit
from converter.cli_options import (
    ExistingFile,
    command_exit_help,
    conversion_options,
    conversion_run,
    csv_options,
    fail,
    journal_name,
    journal_path,
    quiet_option,
    schema_dir_option,
)
from converter.early_stop import holding, raise_held
from converter.errors import ConverterError, InputError, OutputError, output_error
from converter.grammars import get_grammars
from converter.naming import DEFAULT_PATTERN, NamePattern, PatternError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import TaskID

    from converter.api import Conversion

# rich (the progress bar and the summary table) is imported only when the run shows them: a
# quiet run (--quiet, CI, scripts) does not pay its ~25 ms of imports.


class _Bar(Progress):
    """A rich progress bar on standard error (counts, rate, time left), redrawn ≤ 10×/s.

    It refreshes from the driver's own loop, not from a thread, so the worker pool is never
    forked while a display thread runs.
    """

    def __init__(self, console: Console):
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        self.console = console
        self.bar = RichProgress(
            TextColumn("[bold]converting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} articles/s"),
            TextColumn("elapsed"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=console,
            auto_refresh=False,
            transient=True,
        )
        self.task: TaskID | None = None
        self.done = 0
        self.start_time = time.perf_counter()
        self.last = 0.0

    def start(self, total: int) -> None:
        self.bar.start()
        self.start_time = time.perf_counter()
        self.task = self.bar.add_task("batch", total=total, rate="–")

    def grow(self, count: int) -> None:
        if self.task is not None:
            total = self.bar.tasks[0].total or 0
            self.bar.update(self.task, total=total + count)

    def advance(self, count: int) -> None:
        self.done += count
        now = time.perf_counter()
        if self.task is not None and now - self.last >= 0.1:
            rate = self.done / (now - self.start_time) if now > self.start_time else 0
            self.bar.update(self.task, completed=self.done, rate=f"{rate:,.0f}")
            self.bar.refresh()
            self.last = now

    def problem(self, line: str) -> None:
        self.console.print(line, markup=False, highlight=False, soft_wrap=True)

    def stop(self) -> None:
        self.bar.stop()


class _Lines(Progress):
    """Without a terminal (or with --quiet): only the problem lines."""

    def problem(self, line: str) -> None:
        click.echo(line, err=True)


def _summary_table(summary: Summary, console: Console) -> None:
    from rich.table import Table

    title = "batch interrupted" if summary.interrupted else "batch"
    table = Table("result", "articles", title=title, title_justify="left")
    table.add_row("converted", str(summary.counts["converted"]))
    table.add_row("invalid output", str(summary.counts["invalid"]))
    table.add_row("bad input", str(summary.counts["bad-input"]))
    table.add_row("skipped (up to date)", str(summary.counts["skipped"]))
    if summary.counts["error"]:
        table.add_row("internal error", str(summary.counts["error"]))
    if summary.counts["unwritten"]:
        table.add_row("not written (output failed)", str(summary.counts["unwritten"]))
    if summary.counts["not-article"]:
        table.add_row("skipped (not an article)", str(summary.counts["not-article"]))
    if summary.not_reached:
        table.add_row("sources not reached", str(summary.not_reached))
    table.add_section()
    table.add_row("time", f"{summary.seconds:.2f} s")
    table.add_row("articles per second", f"{summary.rate:,.0f}")
    console.print(table)


@click.command(epilog=command_exit_help("batch"))
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    # (not file_okay=False: a file there is an output that cannot be written, exit 73, as for
    # convert, not a usage error; run_batch says so as it creates the folder)
    type=click.Path(path_type=Path),
    metavar="DIR",
    help="Output folder (created when missing); holds the up-to-date manifest.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE|-",
    help="Write a JSON report listing every article with its status and problems ('-': "
    "standard output).",
)
@click.option(
    "--junit",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE|-",
    help="Write JUnit XML (one test case per article) for CI systems ('-': standard output).",
)
@click.option(
    "--name",
    "pattern",
    default=DEFAULT_PATTERN,
    show_default=True,
    metavar="PATTERN",
    help="Output name pattern: {journal} {issn} {volume} {issue} {fpage} {lpage} {elocation} "
    "{year} {doi} {id} {stem}; {a|b} takes the first with a value.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Worker processes (default: one per core; 1: no pool).",
)
@click.option("--force", is_flag=True, help="Convert everything again; overwrite existing files.")
@conversion_options(
    from_help="Input format of every source (default: detected per file).",
    journal_help="Journal file for every article (instead of the one beside each).",
    no_validate=False,
    journal_checked=False,  # (checked in the command, once it can write its reports)
)
@click.option(
    "--per-issue",
    is_flag=True,
    help="With --to crossref: one deposit per issue (ISSN-vVOL-nISSUE.crossref.xml); read in "
    "one process, without --name or resuming.",
)
@csv_options
@schema_dir_option
@quiet_option
def batch(
    sources: tuple[str, ...],
    output: Path,
    report: Path | None,
    junit: Path | None,
    pattern: str,
    jobs: int,
    force: bool,
    fmt: str | None,
    target: str,
    journal: Path | None,
    jats_version: str,
    tag_set: str,
    write_invalid: bool,
    profiles: tuple[str, ...],
    strict: bool,
    include_unpublished: bool,
    doaj_language: str | None,
    per_issue: bool,
    encoding: str | None,
    delimiter: str | None,
    schema_dir: Path | None,
    quiet: bool,
) -> None:
    """Convert whole issues and archives in parallel: folders, globs, issue files, spreadsheets.

    SOURCE is a folder (searched recursively for article YAML/JSON files and CSV/TSV/XLSX
    spreadsheets, or with --from for files of that format; journal.yaml found beside the
    articles), a glob, an issue file
    (issue.yaml or NAME.issue.yaml listing article files), a spreadsheet, or an article
    file. Outputs are named by --name and validated before they are written; one bad article
    never stops the others. A rerun skips articles whose output is up to date unless --force.
    """
    try:
        NamePattern.parse(pattern)
    except PatternError as exc:
        raise click.BadParameter(str(exc), param_hint="--name") from None
    if report is not None and junit is not None and str(report) == str(junit) == STDOUT:
        fail("--report and --junit cannot both be '-' (standard output): name a file", 2)
    # SIGTERM stops it as Ctrl-C does (exit 130, not 143), from before the grammar is loaded:
    # one that came while it loaded (a CI job cancelled as it started) still ended the run
    # with 143, and ``--per-issue`` wrote no report.
    with _stopped_once():
        try:
            raise_held()  # (a SIGTERM that came while the command loaded: stopped now, in order)
            store = get_grammars(schema_dir).require(command=True)
            options = conversion_run(store)
            given = journal_path(journal, sources)
            settings = BatchSettings(
                out_dir=output,
                options=options,
                fmt=fmt,
                journal=given,
                journal_name=journal_name(journal, given),
                pattern=pattern,
                jobs=jobs or (os.cpu_count() or 1),
                force=force,
                encoding=encoding,
                delimiter=delimiter,
            )
            _journal_checked(settings, report, junit, per_issue, list(sources))
        except KeyboardInterrupt:
            if per_issue:  # (nothing read yet: every source given is not reached)
                _per_issue_interrupted(report, junit, [], [], list(sources), 0.0)
            _interrupted_at_start(list(sources), output, report, junit)
        if per_issue:
            _per_issue(sources, settings, report, junit, quiet)
        console: Console | None = None
        progress: Progress = _Lines()
        if not quiet:
            from rich.console import Console

            console = Console(stderr=True)
            if console.is_terminal:
                progress = _Bar(console)
        summary = run_batch(sources, settings, progress, report_path=report, junit_path=junit)
    if console is not None:
        _summary_table(summary, console)
    if summary.total == 0 and not (summary.interrupted or summary.stopped):
        # (a cron run over a journal with no new articles: nothing to do is no failure, exit 0)
        click.echo("jatsconv: 0 articles: the sources given hold no file to convert", err=True)
    if summary.workers_ended:
        click.echo(
            f"jatsconv: {summary.workers_ended} worker(s) had not stopped "
            f"{driver.STOP_GRACE:g} s after the stop and were ended",
            err=True,
        )
    where = ("the report" if str(report) == STDOUT else str(report)) if report else None
    if summary.interrupted:
        click.echo(
            f"jatsconv: interrupted; files already written are complete{_rest(summary, where)}",
            err=True,
        )
    elif summary.stopped:
        done = summary.counts["converted"] + summary.counts["invalid"]
        listed = f", listed in {where}" if where else ""
        click.echo(
            f"jatsconv: {summary.stopped}; the run stopped: the {done} outputs written before "
            f"are complete{listed}{_rest(summary, where)}",
            err=True,
        )
    # The process ends here, and what is alive stays so until it does (~70 MB of objects:
    # modules, grammar, templates, labeller). ``run_batch`` gave them back to the collector for
    # a library caller; put out of its sight again, they are not walked by the collection the
    # interpreter makes as it exits: 82-85 -> 24-34 ms between the batch's last line and its
    # exit, with every core idle.
    gc.freeze()
    if summary.workers_ended:
        # Every file is closed and every line printed; the interpreter's own exit would wait
        # for the executor's thread, which a worker ended half-way through writing its result
        # can leave waiting for ever (``driver.stop_pool``).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(summary.exit_code())
    sys.exit(summary.exit_code())


def _journal_checked(
    settings: BatchSettings,
    report: Path | None,
    junit: Path | None,
    per_issue: bool,
    sources: list[str],
) -> None:
    """``--journal`` that cannot be read stops the run before it starts, as a usage error
    (exit 2), in ``convert``'s words; its ``--report`` and ``--junit`` are written first, as
    any run's that cannot start (``not_started``), so that CI has files to parse (a
    ``--per-issue`` one listing every source given as not reached: no issue file written)."""
    try:
        ExistingFile.check(settings.journal, "journal")
    except click.BadParameter as exc:
        error = ConverterError(exc.format_message())
        if per_issue:
            said = _per_issue_not_started(report, junit, error, sources)
        else:
            said = not_started(error, settings, report, junit, sources)
        exc.message += str(said).removeprefix(str(error))  # (a report not written either)
        raise


def _per_issue_not_started(
    report: Path | None, junit: Path | None, error: ConverterError, sources: list[str]
) -> ConverterError:
    """``not_started`` for a ``--per-issue`` run, whose report has its own shape: every
    source given not reached, as when it stops before any article for another reason."""
    failed = _per_issue_reports(report, junit, [], [], sources, False, 0.0, str(error))
    return ConverterError(f"{error}; {failed}") if failed else error


def _rest(summary: Summary, report: str | None) -> str:
    """What a run stopped early says of the sources it did not reach: how many, where they
    are listed, and that the same command converts them (skipping what is done)."""
    if not summary.not_reached:
        return ""
    sources = "source" if summary.not_reached == 1 else "sources"
    listed = f", listed in {report}" if report else ""
    return (
        f"; {summary.not_reached:,} {sources} not reached{listed}: the same command again "
        "converts them and skips what is done"
    )


@contextlib.contextmanager
def _stopped_once() -> Iterator[None]:
    """Ctrl-C (SIGINT) and SIGTERM (``kill``, ``systemctl stop``, ``docker stop``) stop the
    run in order: the workers stopped, the files written complete, the manifest and the
    report written, exit 130. The first of them raises ``KeyboardInterrupt``; the ones after
    it are let go while the run stops (a few seconds at most: ``driver.STOP_GRACE``).

    By default SIGTERM ended the process at once, leaving temporary files, no report, and
    outputs the manifest did not record; and a second, impatient Ctrl-C landed in the stopping
    itself (``internal error: RuntimeError: release unlocked lock``, temporary files left). A
    signal the caller ignores (a batch started in the background by a shell) stays ignored;
    the workers keep SIGTERM's default (``worker.init_worker``). Once one came, the rest are
    let go until the command has exited."""
    met: list[int] = []

    def interrupt(signum: int, frame: object) -> None:
        if not met:
            met.append(signum)
            raise KeyboardInterrupt

    previous = {
        number: signal.signal(number, interrupt)
        for number in (signal.SIGINT, signal.SIGTERM)
        if signal.getsignal(number) is not signal.SIG_IGN
    }
    try:
        yield
    finally:
        for number, handler in previous.items():
            # (once stopped, the command only prints its last lines and exits: still let go)
            # (the entry point's hold, ``early_stop``, gives way to the default it stood for)
            handler = signal.SIG_DFL if holding(handler) else handler
            signal.signal(number, signal.SIG_IGN if met else handler)


def _per_issue(
    sources: tuple[str, ...],
    settings: BatchSettings,
    report: Path | None,
    junit: Path | None,
    quiet: bool,
) -> None:
    """``--per-issue``: one Crossref deposit per issue; print, report, exit."""
    from converter.batch.issue_books import gone_line
    from converter.batch.issues import run_per_issue
    from converter.batch.manifest import ManifestError
    from converter.commands.convert import _exit_code, _report
    from converter.per_issue import pending

    if settings.options.target != "crossref":
        fail("--per-issue makes Crossref deposits: use it with --to crossref", 2)
    started = time.perf_counter()
    ignore = [path for path in (report, junit) if path is not None]
    not_articles: list[str] = []
    notes: list[str] = []
    results: list[Conversion] = []
    not_reached: list[str] = []
    gone: list[dict[str, object]] = []
    try:
        run_per_issue(sources, settings, ignore, not_articles, notes, results, not_reached, gone)
    except KeyboardInterrupt:
        done = [r for r in results if not pending(r)]
        seconds = time.perf_counter() - started
        _per_issue_interrupted(report, junit, done, not_articles, not_reached, seconds)
    except (OutputError, InputError, ManifestError) as exc:
        # (-o read-only or not creatable, a full disk, a --journal that is no journal, another
        # batch writing into -o: a report all the same, for CI to parse)
        done = [r for r in results if not pending(r)]
        seconds = time.perf_counter() - started
        failed = _per_issue_reports(report, junit, done, not_articles, not_reached, False,
                                    seconds, str(exc), started=bool(results))  # fmt: skip
        if failed:
            raise OutputError(f"{exc}; {failed}") from None
        raise
    _report(results, False, quiet)
    for line in notes:
        click.echo(line, err=True)
    if (line := not_article_line(len(not_articles), not_articles)) is not None:
        click.echo(line, err=True)
    if (line := gone_line(settings.out_dir, gone)) is not None:
        click.echo(line, err=True)
    if not results and not not_articles:
        click.echo("jatsconv: 0 articles: the sources given hold no file to convert", err=True)
    # (a --report or --junit that cannot be written is one line and exit 73, as a batch's:
    # it was an internal error; the other is written all the same)
    failed: list[str] = []
    if report is not None:
        try:
            _per_issue_report(report, results, not_articles, [], interrupted=False, gone=gone)
        except OSError as exc:
            failed.append(str(output_error(report, exc)))
    if junit is not None:
        try:
            articles = [r.as_dict() for r in results]
            seconds = time.perf_counter() - started
            write_per_issue_junit(junit, articles, not_articles, [], interrupted=False,
                                  seconds=seconds)  # fmt: skip
        except OSError as exc:
            failed.append(str(output_error(junit, exc)))
    if failed:
        raise OutputError("; ".join(failed))
    sys.exit(_exit_code(results))


def _per_issue_reports(
    report: Path | None,
    junit: Path | None,
    done: list[Conversion],
    not_articles: list[str],
    not_reached: list[str],
    interrupted: bool,
    seconds: float,
    error: str | None = None,
    *,
    started: bool = False,
) -> str:
    """A ``--per-issue`` run's ``--report`` and ``--junit`` when it stops (interrupted, an
    output that cannot be written, a run that cannot start), for CI to parse; what could not
    be written, in words (``no report either: …``), or ""."""
    failed = []
    if report is not None:
        try:
            _per_issue_report(report, done, not_articles, not_reached, interrupted, error)
        except OSError as exc:
            failed.append(f"no report either: {output_error(report, exc)}")
    if junit is not None:
        try:
            articles = [r.as_dict() for r in done]
            write_per_issue_junit(
                junit,
                articles,
                not_articles,
                not_reached,
                interrupted=interrupted,
                seconds=seconds,
                error=error,
                started=started,
            )
        except OSError as exc:
            failed.append(f"no JUnit file either: {output_error(junit, exc)}")
    return "; ".join(failed)


def _interrupted_at_start(
    sources: list[str], out_dir: Path | None, report: Path | None, junit: Path | None
) -> NoReturn:
    """Ctrl-C or SIGTERM before a batch read any article (the grammar loading): its report
    and JUnit file are written all the same, every source given not reached, as a run stopped
    later writes them (there were none: CI found no file to parse); the line says so; 130."""
    from converter.batch.reports import interrupted_at_start
    from converter.errors import EXIT_INTERRUPTED

    for line in interrupted_at_start(sources, out_dir, report, junit):
        click.echo(f"jatsconv: {line}", err=True)
    summary = Summary()
    summary.not_reached = len(sources)
    where = ("the report" if str(report) == STDOUT else str(report)) if report else None
    click.echo(
        f"jatsconv: interrupted; files already written are complete{_rest(summary, where)}",
        err=True,
    )
    sys.exit(EXIT_INTERRUPTED)


def _per_issue_interrupted(
    report: Path | None,
    junit: Path | None,
    done: list[Conversion],
    not_articles: list[str],
    not_reached: list[str],
    seconds: float,
) -> NoReturn:
    """Ctrl-C or SIGTERM in a ``--per-issue`` run: what was done is reported, as a batch's
    interrupted run is (the issue files written, the sources not reached: the README promised
    the report on interrupt; none came); the line says so; exit 130."""
    from converter.errors import EXIT_INTERRUPTED

    where = None
    if report is not None:
        try:
            _per_issue_report(report, done, not_articles, not_reached, interrupted=True)
            where = "the report" if str(report) == STDOUT else str(report)
        except OSError as exc:
            click.echo(f"jatsconv: {output_error(report, exc)}", err=True)
    if junit is not None:
        try:
            write_per_issue_junit(junit, [r.as_dict() for r in done], not_articles, not_reached,
                                  interrupted=True, seconds=seconds)  # fmt: skip
        except OSError as exc:
            click.echo(f"jatsconv: {output_error(junit, exc)}", err=True)
    rest = ""
    if not_reached:
        sources_word = "source" if len(not_reached) == 1 else "sources"
        listed = f", listed in {where}" if where else ""
        rest = (
            f"; {len(not_reached):,} {sources_word} not reached{listed}: the same command "
            "again converts them"
        )
    click.echo(f"jatsconv: interrupted; files already written are complete{rest}", err=True)
    sys.exit(EXIT_INTERRUPTED)


def _per_issue_report(
    report: Path,
    results: list[Conversion],
    not_articles: list[str],
    not_reached: list[str],
    interrupted: bool,
    error: str | None = None,
    gone: list[dict[str, object]] | None = None,
) -> None:
    """The ``--per-issue --report`` file (written whole or not at all, as every report): the
    articles done, their counts, and, as a batch's, whether the run was interrupted and the
    sources it did not reach; ``error``, the line of an output that could not be written;
    ``gone``, the issue files kept whose articles are gone (``"sources_gone"``, as a batch's
    report names the sources gone: each with ``issue``, ``articles`` and ``outputs``)."""
    articles = [r.as_dict() for r in results]
    summary = _per_issue_summary(articles, len(not_articles))
    payload: dict[str, object] = {
        "per_issue": True,
        "interrupted": interrupted,
        "error": error,
        "summary": {**summary, "not_reached": len(not_reached)},
        "articles": articles,
        "not_articles": not_articles,
        "not_reached": not_reached,
        "sources_gone": gone or [],
    }
    text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    write_out(report, lambda stream: stream.write(text))


def _per_issue_summary(articles: list[dict[str, object]], not_articles: int) -> dict[str, int]:
    """The counts a batch report's ``summary`` gives, so that a CI script reading
    ``summary["bad-input"]`` reads a --per-issue report too (it had no counts at all)."""
    counts = {key: 0 for key in ("converted", "invalid", "bad-input", "skipped", "error")}
    for article in articles:
        status = str(article["status"])
        counts[status] = counts.get(status, 0) + 1
    return {**counts, "not-article": not_articles, "total": len(articles) + not_articles}
