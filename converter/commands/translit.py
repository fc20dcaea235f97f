"""``jatsconv translit``: Russian Cyrillic → Latin script by a scheme, for editors."""

from __future__ import annotations

import sys

import click

from converter.cli_options import EXIT_HELP
from converter.errors import EXIT_OK
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
