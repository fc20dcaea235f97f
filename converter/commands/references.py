"""``jatsconv references``: what the reference parser makes of reference texts, and why a
reference is structured or stays text, for editors checking a list before a deposit."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from converter.cli_options import (
    STDIN,
    command_exit_help,
    fail,
    from_option,
    journal_name,
    journal_once,
    journal_option,
    journal_path,
)
from converter.errors import EXIT_INPUT, EXIT_OK, EXIT_USAGE
from converter.input_limit import read_stdin_lines

if TYPE_CHECKING:
    from converter.citations import Reading
    from converter.enrich import ReferenceReading


@click.command("references", epilog=command_exit_help("references"))
@click.argument("texts", nargs=-1)
@click.option(
    "--article",
    "articles",
    multiple=True,
    metavar="FILE",
    help="Read the references of this article file ('-': standard input), as convert would "
    "(repeatable).",
)
@from_option("With --article: the input format (default: detected from the file).")
@journal_option(
    "Journal file to answer for (its reference_confidence); with --article, instead of the "
    "one the article names."
)
@click.option(
    "--confidence",
    "least",
    type=click.FloatRange(0.5, 0.995),
    default=None,
    metavar="X",
    help="The confidence to ask for, as a journal's reference_confidence (0.5–0.995).",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print results as JSON: one object a line, a reference each.",
)
def references(
    texts: tuple[str, ...],
    articles: tuple[str, ...],
    fmt: str | None,
    journal: Path | None,
    least: float | None,
    as_json: bool,
) -> None:
    """Show what the reference parser reads in reference TEXTS: structured or kept as text,
    and why.

    For each reference (one a line from standard input when no TEXTS are given; each of an
    article's with --article): the labelling's confidence against the threshold that applies,
    the reason it stays text, and the parts read, as convert would write them."""
    if articles:
        if texts:
            fail("give reference TEXTS or --article FILE, not both", EXIT_USAGE)
        sys.exit(_articles(articles, fmt, journal, least, as_json))
    if fmt:
        fail("--from goes with --article FILE", EXIT_USAGE)
    if journal is not None and least is None:
        path = journal_path(journal, texts or (STDIN,)) or journal
        least = _journal_confidence(path, journal_name(journal, path))
    from converter.citations import explain
    from converter.enrich import short_reason

    lines = list(texts) or [line for line in read_stdin_lines() if line.strip()]
    for line in lines:
        reading = explain(line, least)
        if as_json:
            click.echo(json.dumps(_record(reading, reading.reason), ensure_ascii=False))
        else:
            _show(reading.text, reading, short_reason(reading.reason))
    sys.exit(EXIT_OK)


def _journal_confidence(path: Path, name: str | None) -> float | None:
    """The journal file's ``reference_confidence``; a file that cannot be read is one line and
    exit 3 (naming it ``name``, else by its path)."""
    from converter.errors import InputError
    from converter.readers.native import JournalCache

    try:
        return JournalCache().load(path, name).reference_confidence
    except InputError as exc:
        fail(exc.lines()[0], EXIT_INPUT)


def _articles(
    names: tuple[str, ...],
    fmt: str | None,
    journal: Path | None,
    least: float | None,
    as_json: bool,
) -> int:
    """Each article's references as convert treats them; an article that cannot be read is
    said in one line on standard error (exit 3) and the others are still shown."""
    from converter.enrich import readings_summary, reference_readings
    from converter.readers import ReadContext, read_source, read_stdin

    context = ReadContext(journal=journal_once(journal, names))
    code = EXIT_OK
    for name in names:
        sources = read_stdin(fmt, context) if name == "-" else read_source(Path(name), fmt, context)
        for loaded in sources:
            if loaded.article is None:
                for problem in loaded.problems:
                    click.echo(f"jatsconv: {problem}", err=True)
                code = EXIT_INPUT
                continue
            readings = reference_readings(loaded.article, least)
            if as_json:
                for one in readings:
                    record = {"article": loaded.name, "number": one.number, **_given_record(one)}
                    click.echo(json.dumps(record, ensure_ascii=False))
                continue
            click.echo(f"{loaded.name}: {readings_summary(readings)}")
            for one in readings:
                head = f"[{one.number}] {one.written}"
                if one.text != one.written:
                    head += f"\n  read with the parts of the reference before: {one.text}"
                _show(head, one.reading, one.why, one.given, one.parts())
    return code


def _show(
    head: str,
    reading: Reading | None,
    reason: str | None,
    given: bool = False,
    parts: tuple[dict[str, object], dict[str, object]] | None = None,
) -> None:
    """The reference, the verdict with its grounds, and the parts read: ``parts`` as
    ``ReferenceReading.parts`` gives them for an article's reference, else the reading's."""
    from converter.enrich import GROUP_WORDS

    click.echo(head)
    if given:
        click.echo("  given with its parts in the article: not parsed")
        return
    verdict = "structured" if reason is None else f"text: {reason}"
    if reading is not None and reading.repaired:
        shown = ", ".join(f"{typed!r} as {meant!r}" for typed, meant in reading.repaired.items())
        click.echo(f"  read with mis-decoded words as meant: {shown}")
    if reading is not None and reading.spelled:
        shown = ", ".join(f"{typed!r} as {meant!r}" for typed, meant in reading.spelled.items())
        click.echo(f"  read with look-alike letters spelled as meant: {shown}")
    if reading is None:
        click.echo(f"  {verdict}")
        return
    click.echo(
        f"  {verdict} (confidence {reading.confidence:.3f}, threshold {reading.threshold:g}"
        f" for {GROUP_WORDS[reading.group]})"
    )
    # (the set parts, in the order ``Citation`` declares them)
    written, unwritten = reading.parts() if parts is None else parts
    _show_parts(written)
    if unwritten:
        click.echo("  the parts read, not written:")
    _show_parts(unwritten)


def _show_parts(parts: dict[str, object]) -> None:
    for name, value in parts.items():
        shown = "; ".join(value) if isinstance(value, list) else value
        click.echo(f"    {name}: {shown}")


def _record(
    reading: Reading, reason: str | None, written: dict[str, object] | None = None
) -> dict[str, Any]:
    return {
        "text": reading.text,
        "structured": reason is None,
        "confidence": round(reading.confidence, 4),
        "threshold": reading.threshold,
        "group": reading.group,
        "reason": reason,
        # mis-decoded words → as read ("SchÃ¼hlen" → "Schühlen", "&amp;" → "&")
        "repaired": reading.repaired,
        # words typed with the other script's look-alikes → as read ("Мoscow" → "Moscow")
        "spelled": reading.spelled,
        "parts": reading.citation.fields() if reading.citation else {},
        # (the text is "written", with --article)
        "parts_written": reading.parts()[0] if written is None else written,
    }


def _given_record(one: ReferenceReading) -> dict[str, Any]:
    """An article's reference as JSON: ``_record``'s keys, and whether the editor gave its
    parts (then nothing was parsed: confidence, threshold and group are null)."""
    if one.reading is not None:
        record = _record(one.reading, one.reason, one.parts()[0])
        return {**record, "written": one.written, "given": False}
    return {
        "text": one.text,
        "written": one.written,
        "structured": one.structured,
        "confidence": None,
        "threshold": None,
        "group": None,
        "reason": one.reason,
        "repaired": {},
        "spelled": {},
        "parts": {},
        "parts_written": {},
        "given": one.given,
    }
