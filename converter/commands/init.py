"""``jatsconv init``: write a commented starter journal file, filled from what is known.

Values come from flags, from a Crossref journal record (``--issn``: the only network use, and
only when asked), from an OJS export (``--from-ojs``) and, on a terminal, from prompts that
offer what was found as the default. The library does the work (``converter.journal_init``);
this module only asks and writes.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, get_args

import click

from converter import journal_init
from converter.cli_options import ExistingFile, command_exit_help
from converter.errors import EXIT_INPUT, EXIT_OK, InputError
from converter.identifiers import read_issn
from converter.languages import normalize_language
from converter.model import Journal
from converter.readers.crossref import DEFAULT_API
from converter.readers.native import journal_from_data, parse_data, too_long
from converter.text import check_xml_text

_SCHEMES = [
    str(name) for name in get_args(get_args(Journal.model_fields["transliteration"].annotation)[0])
]
_LANG_PREFIX = re.compile(r"^([a-z]{2,3}(?:-[A-Za-z]{4})?)=(.*)$", re.S)


@click.command("init", epilog=command_exit_help("init"))
@click.option(
    "-o",
    "--output",
    default="journal.yaml",
    show_default=True,
    metavar="FILE|-",
    help="File to write, or '-' for standard output.",
)
@click.option(
    "--issn",
    "lookup_issn",
    metavar="ISSN",
    help="Fill title, ISSNs and publisher from the journal's Crossref record (network).",
)
@click.option(
    "--crossref-api",
    default=DEFAULT_API,
    show_default=True,
    metavar="URL",
    help="Base URL of the Crossref REST API used by --issn.",
)
@click.option(
    "--from-ojs",
    "ojs_export",
    type=ExistingFile(),
    metavar="EXPORT",
    help="Fill languages (and the base URL, where it shows) from an OJS native export.",
)
@click.option(
    "--language", metavar="LANG", help="Main language of the journal's metadata (ru, en …)."
)
@click.option(
    "--title",
    "titles",
    multiple=True,
    metavar="[LANG=]TEXT",
    help='Journal title, e.g. --title "ru=Японские исследования" (repeatable; without '
    "LANG= the language is told by the script).",
)
@click.option("--abbrev-title", help="Abbreviated title (ISO 4).")
@click.option("--print-issn", metavar="ISSN", help="Print ISSN.")
@click.option("--electronic-issn", metavar="ISSN", help="Electronic ISSN.")
@click.option("--publisher", metavar="NAME", help="Publisher name (in the main language).")
@click.option("--url", metavar="URL", help="Journal home page; for OJS its base URL.")
@click.option("--depositor-name", metavar="NAME", help="Crossref depositor name.")
@click.option(
    "--depositor-email", metavar="EMAIL", help="E-mail Crossref sends deposit results to."
)
@click.option("--registrant", metavar="NAME", help="Organisation that owns the DOIs (Crossref).")
@click.option(
    "--doaj-language",
    "doaj_languages",
    multiple=True,
    metavar="LANG",
    help="A language declared to DOAJ (repeatable, in order).",
)
@click.option(
    "-s",
    "--scheme",
    "--transliteration",
    "transliteration",
    type=click.Choice(_SCHEMES),
    help="Transliteration scheme (the journal file's transliteration).",
)
@click.option(
    "--prompt/--no-prompt",
    "prompt",
    default=None,
    help="Ask for each value (default: only when standard input is a terminal).",
)
@click.option("--force", is_flag=True, help="Replace an existing file.")
def init(
    output: str,
    lookup_issn: str | None,
    crossref_api: str,
    ojs_export: Path | None,
    language: str | None,
    titles: tuple[str, ...],
    abbrev_title: str | None,
    print_issn: str | None,
    electronic_issn: str | None,
    publisher: str | None,
    url: str | None,
    depositor_name: str | None,
    depositor_email: str | None,
    registrant: str | None,
    doaj_languages: tuple[str, ...],
    transliteration: str | None,
    prompt: bool | None,
    force: bool,
) -> None:
    """Write a commented starter journal file (journal.yaml), filled from what is known.

    Every field is written with a comment saying what it is for; known values are filled in,
    the rest left commented out. --issn looks the journal up at Crossref (the only network
    use); --from-ojs reads an OJS export's languages and base URL; flags give the rest. On a
    terminal each value is asked for, with what was found as the default.
    """
    target = None if output == "-" else Path(output)
    if target is not None and target.exists() and not force:
        _refuse([f"{target}: exists (give --force to replace it)"])
    try:
        main = _language(language, "--language") if language else None
        found: list[journal_init.Draft] = []
        if ojs_export is not None:
            found.append(journal_init.from_ojs(ojs_export))
        if lookup_issn:
            lang = main or journal_init.merge(*found).get("language")
            found.append(journal_init.from_crossref(lookup_issn, crossref_api, lang))
        given = _flags(
            main,
            titles,
            abbrev_title,
            print_issn,
            electronic_issn,
            publisher,
            url,
            (depositor_name, depositor_email, registrant),
            doaj_languages,
            transliteration,
        )
    except InputError as exc:
        _refuse(exc.lines())
    draft = journal_init.merge(*found, given)
    if prompt if prompt is not None else sys.stdin.isatty():
        draft = _ask(draft)
    text = journal_init.render(draft)
    name = str(target or "<stdout>")
    lacks = journal_init.missing(draft)
    try:
        data = parse_data(text, name)
        if not lacks:
            journal_from_data(data, name)
    except InputError as exc:
        _refuse(exc.lines())
    if target is None:
        click.echo(text, nl=False)
    else:
        from converter.api import write_output

        write_output(target, text.encode("utf-8"))
        click.echo(f"{target}: written", err=True)
    if lacks:
        click.echo(f"{name}: still to fill in: {', '.join(lacks)}", err=True)
    sys.exit(EXIT_OK)


def _refuse(lines: list[str]) -> NoReturn:
    """Bad input: one line per problem, naming the file or flag; exit 3, nothing written."""
    for line in lines:
        click.echo(line, err=True)
    sys.exit(EXIT_INPUT)


def _flags(
    language: str | None,
    titles: tuple[str, ...],
    abbrev_title: str | None,
    print_issn: str | None,
    electronic_issn: str | None,
    publisher: str | None,
    url: str | None,
    crossref: tuple[str | None, str | None, str | None],
    doaj_languages: tuple[str, ...],
    transliteration: str | None,
) -> journal_init.Draft:
    """The values given as flags, checked (an ISSN's check digit, a language tag)."""
    draft: journal_init.Draft = {"language": language}
    draft["title"] = {}
    for value in titles:
        lang, text = _title(_flag_text(value, "--title"), language or "en")
        draft["title"][lang] = text
    if draft["title"] and not language:
        draft["language"] = next(iter(draft["title"]))
    abbrev_title, publisher, url = (
        _flag_text(value, f"--{name}")
        for value, name in ((abbrev_title, "abbrev-title"), (publisher, "publisher"), (url, "url"))
    )
    crossref = tuple(
        _flag_text(value, f"--{name}")
        for value, name in zip(
            crossref, ("depositor-name", "depositor-email", "registrant"), strict=True
        )
    )
    draft["abbrev_title"] = abbrev_title
    draft["issn"] = {
        kind: _issn(value, f"--{kind}-issn")
        for kind, value in (("print", print_issn), ("electronic", electronic_issn))
        if value
    }
    if publisher:
        draft["publisher"] = {"name": {draft["language"] or "en": publisher}}
    draft["url"] = url
    keys = ("depositor_name", "depositor_email", "registrant")
    draft["crossref"] = {key: value for key, value in zip(keys, crossref, strict=True) if value}
    draft["doaj"] = {"languages": [_language(x, "--doaj-language") for x in doaj_languages]}
    draft["transliteration"] = transliteration
    return draft


def _title(value: str, main: str) -> tuple[str, str]:
    """``ru=Японские исследования`` → (ru, text); a title without ``LANG=`` gets the language
    its script tells (``main`` when it cannot tell)."""
    found = _LANG_PREFIX.match(value.strip())
    if found:
        try:
            return normalize_language(found.group(1)), found.group(2).strip()
        except ValueError:
            pass  # not a language: '=' belongs to the title
    from converter import scripts

    text = value.strip()
    return scripts.language_by_script(text, main) or main, text


def _flag_text(value: str | None, where: str) -> str | None:
    """A flag's text, bounded as a prompt's answer is (``_answer``); ``InputError`` naming the
    flag if it cannot be a field's value."""
    if value is None:
        return None
    try:
        return _answer(value)
    except ValueError as exc:
        raise InputError(where, [str(exc)]) from None


def _answer(value: str) -> str:
    """A text typed at a prompt (or given as a flag), bounded as the model bounds a field: no
    control character (an escape sequence a terminal pasted, a DEL), which the model refuses
    or the journal file would carry as an escape; one line, a tab or a run of spaces one
    space; no longer than a field may be; in Unicode NFC. ``ValueError`` says why not."""
    control = next(
        (c for c in value if unicodedata.category(c) == "Cc" and c not in "\t\r\n"), None
    )
    if control is not None:
        raise ValueError(f"contains U+{ord(control):04X}, a control character no field may hold")
    text = " ".join(value.split())
    if (why := too_long(text)) is not None:
        raise ValueError(why)
    return check_xml_text(text)


def _checked(read: Callable[[str], Any]) -> Callable[[str], Any]:
    """A prompt's check of an answer: what ``read`` refuses (``ValueError``: not a language
    code, an ISSN whose check digit fails, a control character) is said and asked again,
    where it ended the command as an internal error."""

    def check(value: str) -> Any:
        try:
            return read(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None

    return check


def _languages(value: str) -> list[str]:
    """Language codes typed with commas or spaces between them."""
    return [normalize_language(code) for code in value.replace(",", " ").split()]


def _language(value: str, where: str) -> str:
    try:
        return normalize_language(value)
    except ValueError as exc:
        raise InputError(where, [str(exc)]) from None


def _issn(value: str, where: str) -> str:
    try:
        return read_issn(value)
    except ValueError as exc:
        raise InputError(where, [str(exc)]) from None


def _ask(draft: journal_init.Draft) -> journal_init.Draft:
    """Ask for each value on the terminal, offering what is known as the default; an empty
    answer keeps the default (or leaves the field out). An answer that cannot be the field's
    value is said and asked again (``_checked``). The questions go to standard error, as every
    message does: with ``-o -`` standard output is the file."""
    text = _checked(_answer)
    out: dict[str, Any] = dict(draft)
    out["language"] = _prompt(
        "Main language of the metadata",
        default=draft.get("language") or "en",
        value_proc=_checked(normalize_language),
    )
    titles = dict(draft.get("title") or {})
    asked: set[str] = set()
    langs = [out["language"], *titles, *((draft.get("doaj") or {}).get("languages") or [])]
    _ask_titles(langs, titles, asked, text)
    out["title"] = titles
    issn = dict(draft.get("issn") or {})
    for kind in ("print", "electronic"):
        answer = _prompt(
            f"{kind.capitalize()} ISSN",
            default=issn.get(kind, ""),
            show_default=bool(issn.get(kind)),
            value_proc=_checked(lambda v: read_issn(v) if v.strip() else ""),
        )
        if answer:
            issn[kind] = answer
    out["issn"] = issn
    name = ((draft.get("publisher") or {}).get("name") or {}).get(out["language"], "")
    answer = _prompt("Publisher", default=name, show_default=bool(name), value_proc=text)
    if answer:
        out["publisher"] = {"name": {out["language"]: answer}}
    answer = _prompt(
        "Home page (for OJS, the journal's base URL)",
        default=draft.get("url") or "",
        show_default=bool(draft.get("url")),
        value_proc=text,
    )
    out["url"] = answer or None
    crossref = dict(draft.get("crossref") or {})
    for key, label in (
        ("depositor_name", "Crossref depositor name (empty: none)"),
        ("depositor_email", "Crossref depositor e-mail"),
        ("registrant", "Crossref registrant"),
    ):
        if key != "depositor_name" and not crossref.get("depositor_name"):
            break
        answer = _prompt(
            label,
            default=crossref.get(key, ""),
            show_default=bool(crossref.get(key)),
            value_proc=text,
        )
        if answer:
            crossref[key] = answer
    out["crossref"] = crossref
    declared = ", ".join((draft.get("doaj") or {}).get("languages") or [])
    out["doaj"] = {
        "languages": _prompt(
            "Languages declared to DOAJ (comma-separated, empty: none)",
            default=declared,
            show_default=bool(declared),
            value_proc=_checked(_languages),
        )
    }
    # A bilingual journal declares its second language here: its title in it is asked for
    # too (only the main language's was, and the second title was never asked).
    _ask_titles(out["doaj"]["languages"], titles, asked, text)
    return out


def _prompt(question: str, **options: Any) -> Any:
    """One question of ``_ask``, on standard error."""
    return click.prompt(question, err=True, **options)


def _ask_titles(
    langs: list[str], titles: dict[str, str], asked: set[str], text: Callable[[str], Any]
) -> None:
    """Ask the journal's title in each of ``langs`` not in ``asked`` yet, offering the one
    given or found; ``titles`` takes the answers (an empty one leaves the language out)."""
    for lang in dict.fromkeys(langs):
        if lang in asked:
            continue
        asked.add(lang)
        answer = _prompt(
            f"Journal title in {lang}",
            default=titles.get(lang, ""),
            show_default=bool(titles.get(lang)),
            value_proc=text,
        )
        if answer:
            titles[lang] = answer
