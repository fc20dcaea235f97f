"""``jatsconv consistency``: mis-decoded text in any field, and the scripts and transliteration
scheme of articles' Latin-script fields (see ``converter.consistency``)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from converter.cli_options import (
    command_exit_help,
    from_option,
    journal_once,
    journal_option,
    json_option,
    quiet_option,
    scheme_option,
    text_file_names,
)
from converter.errors import EXIT_INPUT, EXIT_INVALID, EXIT_OK


@click.command("consistency", epilog=command_exit_help("consistency"))
@click.argument("files", nargs=-1, required=True, callback=text_file_names)
@scheme_option("Scheme to hold the articles to (default: the journal's 'transliteration').")
@from_option("Input format (default: detected from the file name and content).")
@journal_option("Journal file to use instead of the one the article names or sits beside.")
@json_option
@quiet_option
def consistency(
    files: tuple[str, ...],
    scheme: str | None,
    fmt: str | None,
    journal: Path | None,
    as_json: bool,
    quiet: bool,
) -> None:
    """Check the texts of article inputs (YAML/JSON or any format --from reads).

    Errors: mis-decoded text in any field ('SchÃ¼hlen' is 'Schühlen', '&amp;' is '&');
    Cyrillic letters in a Latin-script field, words mixing Latin and Cyrillic letters.
    Warnings: transliterations that do not follow the journal's scheme (each word with the
    schemes it fits), or, when the journal names none, a letter written two ways in one article.
    Exit 1 when an error is found (warnings alone pass), 3 when an input cannot be read.
    '-' reads standard input.
    """
    from converter.consistency import check_article
    from converter.readers import ReadContext, read_source, read_stdin
    from converter.readers.base import with_column

    context = ReadContext(journal=journal_once(journal, files))
    report: list[dict[str, object]] = []
    bad_input = False
    errors = False
    for name in files:
        sources = read_stdin(fmt, context) if name == "-" else read_source(Path(name), fmt, context)
        for loaded in sources:
            if loaded.article is None:
                bad_input = True
                report.append({"file": loaded.name, "findings": [], "problems": loaded.problems})
                if not as_json:
                    for line in loaded.problems:
                        click.echo(line, err=True)
                continue
            findings = check_article(loaded.article, scheme)
            errors = errors or any(f.severity == "error" for f in findings)
            report.append(
                {"file": loaded.name, "findings": [asdict(f) for f in findings], "problems": []}
            )
            if not as_json:
                for finding in findings:
                    click.echo(f"{loaded.name}: {with_column(str(finding), loaded.columns)}")
                if not findings and not quiet:
                    click.echo(f"{loaded.name}: consistent", err=True)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    if bad_input:
        sys.exit(EXIT_INPUT)
    sys.exit(EXIT_INVALID if errors else EXIT_OK)
