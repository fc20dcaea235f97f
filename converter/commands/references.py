"""``jatsconv references``: what the reference parser makes of reference texts, and why a
reference is structured or stays text, for editors checking a list before a deposit."""

from __future__ import annotations

import json
import sys

import click

from converter.cli_options import EXIT_HELP
from converter.errors import EXIT_OK

_GROUPS = {"en": "English and other languages", "ru": "Russian works"}


@click.command("references", epilog=EXIT_HELP)
@click.argument("texts", nargs=-1)
@click.option(
    "--confidence",
    "least",
    type=click.FloatRange(0.5, 0.995),
    default=None,
    help="The confidence to ask for, as a journal's reference_confidence (0.5–0.995).",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object a reference.")
def references(texts: tuple[str, ...], least: float | None, as_json: bool) -> None:
    """Show what the reference parser reads in reference TEXTS: structured or kept as text,
    and why.

    For each reference (one a line from standard input when no TEXTS are given): the
    labelling's confidence against the threshold that applies, the reason it stays text, and
    the parts read, as convert would write them."""
    from converter.citations import explain

    lines = list(texts) or [line.rstrip("\n") for line in sys.stdin if line.strip()]
    for line in lines:
        reading = explain(line, least)
        # (the set parts, in the order ``Citation`` declares them)
        parts = reading.citation.fields() if reading.citation else {}
        if as_json:
            record = {
                "text": reading.text,
                "structured": reading.structured,
                "confidence": round(reading.confidence, 4),
                "threshold": reading.threshold,
                "group": reading.group,
                "reason": reading.reason,
                "parts": parts,
            }
            click.echo(json.dumps(record, ensure_ascii=False))
            continue
        verdict = "structured" if reading.structured else f"text: {reading.reason}"
        click.echo(reading.text)
        click.echo(
            f"  {verdict} (confidence {reading.confidence:.3f}, threshold {reading.threshold:g}"
            f" for {_GROUPS[reading.group]})"
        )
        if parts and not reading.structured:
            click.echo("  the parts read, not written:")
        for name, value in parts.items():
            shown = "; ".join(value) if isinstance(value, list) else value
            click.echo(f"    {name}: {shown}")
    sys.exit(EXIT_OK)
