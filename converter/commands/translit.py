"""``jatsconv translit``: Russian and Ukrainian Cyrillic → Latin script, for editors."""

from __future__ import annotations

import sys

import click

from converter.cli_options import command_exit_help, fail, scheme_option
from converter.errors import EXIT_INPUT, EXIT_OK
from converter.input_limit import read_stdin_lines
from converter.translit import (
    SCHEMES,
    UKRAINIAN,
    NoScheme,
    scheme_for,
    transliterate,
    transliterate_name,
)


@click.command("translit", epilog=command_exit_help("translit"))
@click.argument("texts", nargs=-1)
@scheme_option(
    "Scheme for Russian text (Ukrainian text is always written by kmu-2010).", default="bsi"
)
@click.option(
    "-l",
    "--lang",
    metavar="LANG",
    help="Language of the texts (ru, uk …); default: told by their letters.",
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
    lang: str | None,
    all_schemes: bool,
    as_name: bool,
    patronymic_initials: bool,
) -> None:
    """Write Russian or Ukrainian Cyrillic TEXTS in Latin script (one result a line; standard
    input when no TEXTS are given). Russian schemes: bsi (BS 2979, the "References" BSI table),
    bgn-pcgn, gost-7.79-b (GOST 7.79-2000 System B), iso-9 (= GOST 7.79 System A), ala-lc.
    Ukrainian text (by --lang uk, or by its letters і ї є ґ) is written by Ukraine's national
    system, kmu-2010 (Cabinet of Ministers Resolution No. 55, 2010), whatever --scheme says.
    Text in another Cyrillic alphabet (Belarusian ў, Kazakh ә қ, Serbian ј љ …) has no scheme
    here: nothing is written, each such text is named on standard error, and the exit code is 3.
    """
    lines = list(texts) or read_stdin_lines()
    schemes: list[str] = []
    refused: list[str] = []
    for line in lines:
        try:
            schemes.append(scheme_for(line, scheme, lang))
        except NoScheme as reason:
            refused.append(f"{line!r}: {reason}: no transliteration scheme")
    if refused:  # (nothing is written: a result per line, or none)
        fail("\njatsconv: ".join(refused), EXIT_INPUT)
    for line, chosen in zip(lines, schemes, strict=True):
        if all_schemes:
            for name in SCHEMES if chosen != UKRAINIAN else (UKRAINIAN,):
                click.echo(f"{name:12} {_one(line, name, as_name, patronymic_initials)}")
        else:
            click.echo(_one(line, chosen, as_name, patronymic_initials))
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
