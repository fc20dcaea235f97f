"""``jatsconv preview``: any JATS file (or any input the converter reads) as an HTML page."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click

from converter.cli_options import (
    command_exit_help,
    from_option,
    jats4r_rules_required,
    journal_once,
    journal_option,
    json_option,
    profile_option,
    quiet_option,
    scheme_option,
    text_file_names,
)
from converter.errors import EXIT_INPUT, EXIT_INVALID, EXIT_OK, InputError

if TYPE_CHECKING:
    from converter.checks.base import Finding
    from converter.preview import Page


@click.command(epilog=command_exit_help("preview"))
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path), callback=text_file_names
)
@click.option(
    "-o",
    "--output",
    # (not file_okay=False: a file there is an output that cannot be written, exit 73, as for
    # convert and batch, not a usage error)
    type=click.Path(path_type=Path),
    default=None,
    metavar="DIR",
    help="Folder for the pages (default: beside each file). Each FILE gives FILE.preview.html.",
)
@profile_option("Check against this profile and show each finding beside its element.")
@from_option("Input format (default: detected). Non-JATS input is converted to JATS 1.4 first.")
@journal_option(
    "Journal file to use instead of the one the article names or sits beside (inputs "
    "converted first: YAML, OJS exports …)."
)
@scheme_option(
    "Transliteration scheme the journal uses: rsci-translit-scheme reports each word that "
    "departs from it (default: the journal file's, for inputs converted first; else only a "
    "letter transliterated two ways in one file)."
)
@json_option
@quiet_option
def preview(
    files: tuple[Path, ...],
    output: Path | None,
    profiles: tuple[str, ...],
    fmt: str | None,
    journal: Path | None,
    scheme: str | None,
    as_json: bool,
    quiet: bool,
) -> None:
    """Render articles as self-contained HTML pages (inline CSS, no scripts, no network).

    JATS 1.0–1.4 and NLM files are shown as they are; other inputs (YAML, OJS, HTML, Crossref,
    spreadsheets) are converted to JATS first. Exit 3 when a file cannot be read, 1 when a
    --profile finds an error (the page is still written), else 0.
    """
    from converter.api import check_output_folder
    from converter.preview import preview_source
    from converter.preview.files import SUFFIX, write_page

    if output is not None:
        check_output_folder(output)
    jats4r_rules_required(profiles)
    bad_input = failed = False
    report: list[dict[str, object]] = []  # --json: an item per page, or per input not read

    def unread(source: str, problems: list[str]) -> None:
        report.append({"source": source, "output": None, "findings": [], "problems": problems})
        if not as_json:
            for line in problems:
                click.echo(line, err=True)

    given = journal_once(journal, files)  # (a pipe, '-' too, read once for every file)
    for path in files:
        try:
            pages = preview_source(path, profiles, fmt=fmt, journal=given, scheme=scheme)
        except InputError as exc:
            unread(str(path), exc.lines())
            bad_input = True
            continue
        for stem, page in pages:
            if page.problems:
                unread(page.source or str(path), page.problems)
                bad_input = True
                continue
            failed = failed or any(f.severity == "error" for f in page.findings)
            target = (output or path.parent) / (stem + SUFFIX)
            write_page(page, target)
            report.append(
                {
                    "source": page.source or str(path),
                    "output": str(target),
                    "findings": [_finding_json(finding, page) for finding in page.findings],
                    "problems": [],
                }
            )
            if as_json:
                continue
            for finding in page.findings:
                # A finding with an input field is on JATS rendered from that input: its line
                # would point into the rendition, not the file, so the field places it.
                where = page.source if finding.field else f"{page.source}:{finding.line}:0"
                place = f"input field {finding.field}" if finding.field else finding.path
                column = page.column(finding)  # (a spreadsheet row's: its cell, as convert says)
                place = f"{place}, {column}" if column else place
                click.echo(
                    f"{where}: {finding.severity}: [{finding.rule}] {finding.message} ({place})",
                    err=True,
                )
            if not quiet:  # an export's article by its number, ``issue.xml#2``, as convert names it
                click.echo(f"{page.source or path} -> {target}", err=True)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    sys.exit(EXIT_INPUT if bad_input else EXIT_INVALID if failed else EXIT_OK)


def _finding_json(finding: Finding, page: Page) -> dict[str, object]:
    """A finding as --json gives it; on a spreadsheet row's field, with its ``column`` (the
    column's name, as ``convert --profile`` names it in its line)."""
    out = asdict(finding)
    column = page.column(finding)
    if column:
        out["column"] = column.split(" ", 1)[1]
    return out
