"""``jatsconv translit`` (Cyrillic → Latin by a scheme, for editors) and ``jatsconv consistency``
(scripts and transliteration scheme of articles' Latin-script fields)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from converter.cli import EXIT_HELP, json_option, quiet_option
from converter.errors import EXIT_INPUT, EXIT_INVALID, EXIT_OK
from converter.translit import SCHEMES, transliterate, transliterate_name


@click.command("translit", epilog=EXIT_HELP)
@click.argument("texts", nargs=-1)
@click.option(
    "-s",
    "--scheme",
    type=click.Choice(SCHEMES),
    default="bsi",
    show_default=True,
    help="Transliteration scheme.",
)
@click.option("--all", "all_schemes", is_flag=True, help="Show the text in every scheme.")
@click.option(
    "--name",
    "as_name",
    is_flag=True,
    help="Read each text as a name 'Surname Given Patronymic' (or 'Surname, Given').",
)
@click.option(
    "--patronymic-initials",
    is_flag=True,
    help="With --name: write the patronymic as an initial (Dmitrii V.).",
)
def translit(
    texts: tuple[str, ...],
    scheme: str,
    all_schemes: bool,
    as_name: bool,
    patronymic_initials: bool,
) -> None:
    """Write Russian Cyrillic TEXTS in Latin script (one result a line; standard input when no
    TEXTS are given). Schemes: bsi (BS 2979, the "References" BSI table), bgn-pcgn,
    gost-7.79-b (GOST 7.79-2000 System B), iso-9 (= GOST 7.79 System A), ala-lc.
    """
    lines = list(texts) or [line.rstrip("\n") for line in sys.stdin]
    for line in lines:
        if all_schemes:
            for name in SCHEMES:
                click.echo(f"{name:12} {_one(line, name, as_name, patronymic_initials)}")
        else:
            click.echo(_one(line, scheme, as_name, patronymic_initials))
    sys.exit(EXIT_OK)


def _one(text: str, scheme: str, as_name: bool, patronymic_initials: bool) -> str:
    if not as_name:
        return transliterate(text, scheme)
    if "," in text:
        surname, _, given = text.partition(",")
    else:
        surname, _, given = text.strip().partition(" ")
    latin_surname, latin_given = transliterate_name(
        surname.strip() or None, given.strip() or None, scheme, patronymic_initials
    )
    return ", ".join(part for part in (latin_surname, latin_given) if part)


@click.command("consistency", epilog=EXIT_HELP)
@click.argument("files", nargs=-1, required=True)
@click.option(
    "-s",
    "--scheme",
    type=click.Choice(SCHEMES),
    default=None,
    help="Scheme to hold the articles to (default: the journal's 'transliteration').",
)
@json_option
@quiet_option
def consistency(files: tuple[str, ...], scheme: str | None, as_json: bool, quiet: bool) -> None:
    """Check the Latin-script fields of article inputs (YAML/JSON or any format --from reads).

    Errors: Cyrillic letters in a Latin-script field, words mixing Latin and Cyrillic letters.
    Warnings: transliterations that do not follow the journal's scheme (each word with the
    schemes it fits), or, when the journal names none, a letter written two ways in one article.
    Exit 1 when an error is found (warnings alone pass), 3 when an input cannot be read.
    """
    from converter.consistency import check_article
    from converter.readers import ReadContext, read_source

    context = ReadContext()
    report: list[dict[str, object]] = []
    bad_input = False
    errors = False
    for name in files:
        for loaded in read_source(Path(name), None, context):
            if loaded.article is None:
                bad_input = True
                for line in loaded.problems:
                    click.echo(line, err=True)
                continue
            findings = check_article(loaded.article, scheme)
            errors = errors or any(f.severity == "error" for f in findings)
            report.append({"file": loaded.name, "findings": [asdict(f) for f in findings]})
            if not as_json:
                for finding in findings:
                    click.echo(f"{loaded.name}: {finding}")
                if not findings and not quiet:
                    click.echo(f"{loaded.name}: consistent", err=True)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    if bad_input:
        sys.exit(EXIT_INPUT)
    sys.exit(EXIT_INVALID if errors else EXIT_OK)
