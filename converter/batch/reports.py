"""The reports of a finished run: JSON (every article with its status) and JUnit XML for CI."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from converter import lazy_re
from converter.atomic import write_atomic_stream
from converter.batch.books import ITEM_SEPARATOR
from converter.batch.settings import NOT_ARTICLE, BatchSettings, Summary
from converter.errors import ConverterError, InputError, output_error
from converter.redaction import redacting
from converter.version import __version__

if TYPE_CHECKING:
    from converter.batch.books import Books


def write_report(path: Path, books: Books, settings: BatchSettings) -> None:
    """The JSON report: options, counts, and every article with its status and problems."""
    summary = books.summary

    def write(stream: IO[str]) -> None:
        head = {
            "converter": __version__,
            "output_dir": str(settings.out_dir),
            "options": settings.stamp_key(),
            "interrupted": summary.interrupted,
            "stopped": summary.stopped,
            "workers_ended": summary.workers_ended,
            "error": None,
            "summary": {
                **summary.counts,
                "total": summary.total,
                "not_reached": summary.not_reached,
                "sources_gone": summary.sources_gone,
                "converter_changed": summary.converter_changed,
                "seconds": round(summary.seconds, 3),
                "articles_per_second": round(summary.rate, 1),
            },
        }
        text = json.dumps(head, ensure_ascii=False, indent=2)
        stream.write(text[:-2] + ',\n  "articles": [')
        # Each job's entries come encoded as they are written here (``Books._spool``); a few
        # hundred jobs' worth at a time, so that the stream is written to, and redacted, in
        # large pieces.
        separator = "\n    "
        batch: list[str] = []
        for items in books.report_items():
            batch.append(items)
            if len(batch) >= 500:
                stream.write(separator + ITEM_SEPARATOR.join(batch))
                separator, batch = ITEM_SEPARATOR, []
        if batch:
            stream.write(separator + ITEM_SEPARATOR.join(batch))
        stream.write("\n  ]")
        # The sources a run stopped early did not reach (the next run converts them), and
        # those gone since an earlier run whose outputs are kept: after the articles, so that
        # no list is held in memory; [] when there are none.
        _write_list(stream, "not_reached", books.not_reached())
        _write_list(stream, "sources_gone", books.gone_sources())
        stream.write("\n}\n")

    write_out(path, write)


def not_started(
    error: ConverterError,
    settings: BatchSettings,
    path: Path | None,
    junit_path: Path | None = None,
    sources: Iterable[str] = (),
) -> ConverterError:
    """The reports of a run that could not start (``-o`` read-only or not creatable, another
    batch writing into it, a ``--journal`` that cannot be read), written where they can be, so
    that CI has a file to parse: the JSON report in the shape of every report, its counts zeros
    but ``not_reached``, every source given (``sources``: it was empty, as if none had been
    left), and ``error`` the line saying why; the JUnit file one test case in error, the line
    its text (CI's test-report step found no file and failed on that instead). Returns the
    error to raise: the same, or, when a report cannot be written either, its line saying so
    too (the one line the run prints)."""
    failed: list[str] = []
    if path is not None:
        try:
            _not_started_report(path, error, settings, [str(source) for source in sources])
        except OSError as exc:
            failed.append(f"no report either: {output_error(path, exc)}")
    if junit_path is not None:
        try:
            _not_started_junit(junit_path, error)
        except OSError as exc:
            failed.append(f"no JUnit file either: {output_error(junit_path, exc)}")
    if not failed:
        return error
    said = "; ".join(failed)
    if isinstance(error, InputError):  # (its message is made of its problems)
        return InputError(error.source, [*error.problems[:-1], f"{error.problems[-1]}; {said}"])
    return type(error)(f"{error}; {said}")


def _not_started_report(
    path: Path, error: ConverterError, settings: BatchSettings, sources: list[str]
) -> None:
    head = _empty_report(
        sources,
        str(settings.out_dir),
        options=settings.stamp_key(),
        interrupted=False,
        error=str(error),
    )
    text = json.dumps(head, ensure_ascii=False, indent=2) + "\n"
    write_out(path, lambda stream: stream.write(text))


def _empty_report(
    sources: list[str],
    out_dir: str | None,
    *,
    options: object,
    interrupted: bool,
    error: str | None,
) -> dict[str, object]:
    """The report of a run that read no article (it could not start, or was stopped while
    starting), in the shape of every report: counts zero, every source given not reached."""
    return {
        "converter": __version__,
        "output_dir": out_dir,
        "options": options,
        "interrupted": interrupted,
        "stopped": None,
        "workers_ended": 0,
        "error": error,
        "summary": {
            **Summary().counts,
            "total": 0,
            "not_reached": len(sources),
            "sources_gone": 0,
            "converter_changed": 0,
            "seconds": 0.0,
            "articles_per_second": 0.0,
        },
        "articles": [],
        "not_reached": sources,
        "sources_gone": [],
    }


def interrupted_at_start(
    sources: list[str], out_dir: Path | None, path: Path | None, junit_path: Path | None
) -> list[str]:
    """The reports of a run interrupted (Ctrl-C, SIGTERM: a CI job cancelled as it starts)
    before it read any article, the grammar still loading: in the shape of every report,
    ``"interrupted": true``, and every source given not reached, as a run stopped later
    lists the sources it did not reach (JUnit: each a test case skipped); ``"options"`` is
    null, not read yet. Returns the lines for reports that could not be written."""
    from xml.sax.saxutils import quoteattr

    failed: list[str] = []
    if path is not None:
        head = _empty_report(
            sources,
            str(out_dir) if out_dir is not None else None,
            options=None,
            interrupted=True,
            error=None,
        )
        text = json.dumps(head, ensure_ascii=False, indent=2) + "\n"
        try:
            write_out(path, lambda stream: stream.write(text))
        except OSError as exc:
            failed.append(f"no report: {output_error(path, exc)}")
    if junit_path is not None:
        count = len(sources)
        attrs = (
            f'name="jatsconv batch" tests="{count}" failures="0" errors="0" '
            f'skipped="{count}" time="0.000"'
        )
        cases = "".join(
            f'    <testcase classname="jatsconv.batch" name={quoteattr(source)}>\n'
            '      <skipped message="not reached: the run was interrupted"/>\n'
            "    </testcase>\n"
            for source in sources
        )
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<testsuites {attrs}>\n  <testsuite {attrs}>\n{cases}"
            "  </testsuite>\n</testsuites>\n"
        )
        try:
            write_out(junit_path, lambda stream: stream.write(xml))
        except OSError as exc:
            failed.append(f"no JUnit file: {output_error(junit_path, exc)}")
    return failed


def _not_started_junit(path: Path, error: ConverterError) -> None:
    from xml.sax.saxutils import quoteattr

    attrs = 'name="jatsconv batch" tests="1" failures="0" errors="1" skipped="0" time="0.000"'
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<testsuites {attrs}>\n  <testsuite {attrs}>\n"
        f'    <testcase classname="jatsconv.batch" name="the run">\n'
        f"      <error message={quoteattr('not started')}>{_xml_text(str(error))}</error>\n"
        "    </testcase>\n  </testsuite>\n</testsuites>\n"
    )
    write_out(path, lambda stream: stream.write(text))


def _write_list(stream: IO[str], name: str, items: Iterable[object]) -> None:
    """``,\n  "name": [...]``, one item a line, written as they come."""
    stream.write(f',\n  "{name}": [')
    separator = "\n    "
    for item in items:
        stream.write(separator + json.dumps(item, ensure_ascii=False))
        separator = ",\n    "
    stream.write("\n  ]" if separator != "\n    " else "]")


def write_junit(path: Path, books: Books, settings: BatchSettings | None = None) -> None:
    """JUnit XML for CI: one test case per article; invalid is a failure, bad input an error."""
    counts, summary = books.summary.counts, books.summary
    _write_junit(
        path,
        books.entries_in_order(),
        tests=summary.total + summary.not_reached,
        failures=counts["invalid"],
        errors=counts["bad-input"] + counts["error"] + counts["unwritten"],
        skipped=counts["skipped"] + counts[NOT_ARTICLE] + summary.not_reached,
        seconds=summary.seconds,
        not_reached=books.not_reached(),
        why="interrupted" if summary.interrupted else "stopped",
    )


def write_per_issue_junit(
    path: Path,
    articles: list[dict[str, Any]],
    not_articles: list[str],
    not_reached: list[str],
    *,
    interrupted: bool,
    seconds: float,
    error: str | None = None,
    started: bool = False,
) -> None:
    """``batch --per-issue --junit``: the JUnit XML a batch writes, one test case per article
    (``articles``, as the report lists them: invalid a failure, bad input an error), each file
    that is no article skipped, each source not reached skipped; ``error``, the line of a run
    stopped before any article (a ``--journal`` that is no journal, ``-o`` not writable): one
    test case, ``the run``, in error, as a batch's that could not start (``not_started``);
    of a run ``started`` (its articles read, the deposit not written), ``the run`` in error,
    stopped, beside its cases: it was one case 'not started', the sources not named."""
    if error is not None and not (articles or not_articles or started):
        _not_started_junit(path, ConverterError(error))
        return
    entries: list[dict[str, Any]] = [
        *articles,
        *({"source": source, "status": NOT_ARTICLE, "problems": []} for source in not_articles),
    ]
    if error is not None:
        entries.append({"source": "the run", "status": "stopped", "problems": [error]})
    statuses = [str(entry["status"]) for entry in entries]
    failing = sum(status not in ("converted", "invalid", "skipped", NOT_ARTICLE)
                  for status in statuses)  # fmt: skip
    _write_junit(
        path,
        entries,
        tests=len(entries) + len(not_reached),
        failures=statuses.count("invalid"),
        errors=failing,
        skipped=statuses.count("skipped") + statuses.count(NOT_ARTICLE) + len(not_reached),
        seconds=seconds,
        not_reached=not_reached,
        why="interrupted" if interrupted else "stopped",
    )


def _write_junit(
    path: Path,
    entries: Iterable[dict[str, Any]],
    *,
    tests: int,
    failures: int,
    errors: int,
    skipped: int,
    seconds: float,
    not_reached: Iterable[str],
    why: str,
) -> None:
    """The JUnit XML of a run's entries (each a report's article: ``source``, ``status``,
    ``problems``), written as they come (a batch reads them from its books, not a list held
    in memory), then its sources not reached."""
    # Imported here: ``xml.sax.saxutils`` brings ``urllib.request`` (3 ms of the batch's serial
    # start-up, before any worker runs) and only this report needs it.
    from xml.sax.saxutils import quoteattr

    def write(stream: IO[str]) -> None:
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        attrs = (
            f'name="jatsconv batch" tests="{tests}" failures="{failures}" errors="{errors}" '
            f'skipped="{skipped}" time="{seconds:.3f}"'
        )
        stream.write(f"<testsuites {attrs}>\n  <testsuite {attrs}>\n")
        for item in entries:
            name = quoteattr(item["source"])
            stream.write(f'    <testcase classname="jatsconv.batch" name={name}')
            status = item["status"]
            message = "\n".join(item["problems"])
            if status in ("converted",):
                if message:  # its warnings (two articles with one DOI …): passed, and said
                    stream.write(f">\n      <system-out>{_xml_text(message)}</system-out>\n")
                    stream.write("    </testcase>\n")
                else:
                    stream.write("/>\n")
                continue
            stream.write(">\n")
            if status in ("skipped", NOT_ARTICLE):
                reason = "up to date" if status == "skipped" else "not an article"
                stream.write(f'      <skipped message="{reason}"/>\n')
            else:
                tag = "failure" if status == "invalid" else "error"
                kind = {
                    "invalid": "output invalid",
                    "unwritten": "not written",
                    "error": "internal error",
                    "stopped": "stopped",  # (a --per-issue run's, ``write_per_issue_junit``)
                }.get(status, "bad input")
                stream.write(
                    f"      <{tag} message={quoteattr(kind)}>{_xml_text(message)}</{tag}>\n"
                )
            stream.write("    </testcase>\n")
        for source in not_reached:  # (a rerun converts them)
            stream.write(f'    <testcase classname="jatsconv.batch" name={quoteattr(source)}>\n')
            stream.write(f'      <skipped message="not reached: the run was {why}"/>\n')
            stream.write("    </testcase>\n")
        stream.write("  </testsuite>\n</testsuites>\n")

    write_out(path, write)


STDOUT = "-"  # a report path meaning standard output (``convert -o -``)


def write_out(path: Path, write: Callable[[IO[str]], object]) -> None:
    """A report into ``path`` (written whole or not at all), or onto standard output for
    ``-``: the batch writes nothing else there. Either way through redaction."""
    if str(path) == STDOUT:
        write(redacting(sys.stdout))
        sys.stdout.flush()
        return
    write_atomic_stream(path, lambda stream: write(redacting(stream)), encoding="utf-8")


def _xml_text(text: str) -> str:
    from xml.sax.saxutils import escape

    cleaned = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
    # a lone surrogate or U+FFFE a line quotes from its input (a JSON "\\ud800"): XML holds
    # neither, and UTF-8 no surrogate (it stopped the batch with an internal error): written
    # as the terminal shows it, \ud800
    cleaned = _UNWRITABLE.sub(lambda found: f"\\u{ord(found[0]):04x}", cleaned)
    return escape(cleaned)


_UNWRITABLE = lazy_re.compile("[\ud800-\udfff\ufffe\uffff]")
