"""``jatsconv package``: PMC-style zips of JATS + PDF (+ figures) (see ``converter.package``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from converter.cli_options import command_exit_help, json_option, quiet_option, text_file_names
from converter.errors import EXIT_INPUT, EXIT_OK
from converter.package import build_packages


@click.command(epilog=command_exit_help("package"))
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path), callback=text_file_names
)
@click.option(
    "-o",
    "--output",
    "output",
    # (not file_okay=False: a file there is an output that cannot be written, exit 73, as for
    # convert and batch, not a usage error)
    type=click.Path(path_type=Path),
    default=None,
    metavar="DIR",
    help="Folder for the zips (default: beside the first file).",
)
@click.option("--per-issue", is_flag=True, help="One zip per issue (jour-vol-iss.zip).")
@click.option(
    "--journal-code",
    default=None,
    metavar="CODE",
    help="PMC's journal code for file names (default: journal-id nlm-ta/publisher-id or ISSN).",
)
@click.option(
    "--name-with-issue",
    is_flag=True,
    help="Name files jour-vol-iss-pg (PMC's current rule; pages that start again in each issue "
    "need it). Choose once for a journal: a replacement must keep its name.",
)
@json_option
@quiet_option
def package(
    files: tuple[Path, ...],
    output: Path | None,
    per_issue: bool,
    journal_code: str | None,
    name_with_issue: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """Build PMC delivery zips from JATS files, each with its PDF and figures.

    Files inside are named jour-vol-pg.xml / .pdf (jour-vol-iss-pg with --name-with-issue).
    The PDF is ARTICLE.pdf beside the XML or the file its self-uri content-type="pdf" names.
    A package with a missing file or a name PMC rejects is not written (exit 3); the others
    are. A JATS version PMC does not take (1.4) is
    said in a warning, the zip still written.
    """
    from converter.api import check_output_folder

    out_dir = output or files[0].parent
    check_output_folder(out_dir)
    results = build_packages(
        list(files),
        out_dir,
        per_issue=per_issue,
        journal=journal_code,
        name_with_issue=name_with_issue,
    )
    if as_json:
        payload = [
            {
                "package": r.name,
                "written": str(r.path) if r.path else None,
                "articles": [str(a.source) for a in r.articles],
                "files": sorted(name for a in r.articles for name in a.files),
                "problems": r.problems,
                "warnings": r.warnings,
            }
            for r in results
        ]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for r in results:
            for line in r.warnings:
                click.echo(line, err=True)
            for line in r.problems:
                click.echo(line, err=True)
            if r.path and not quiet:
                count = sum(len(a.files) for a in r.articles)
                click.echo(f"{r.path} ({count} files)", err=True)
            elif not r.path:
                click.echo(f"{r.name}: not written", err=True)
    sys.exit(EXIT_INPUT if any(r.problems for r in results) else EXIT_OK)
