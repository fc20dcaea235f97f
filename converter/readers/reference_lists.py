"""A reference list pasted as one block of lines: its headings, and two lists in one.

Russian and Ukrainian journals keep two lists: the references as written ("Список
литературы", "Список використаних джерел") and their Latin-script "References" form for Scopus
and the indexes, one for one in the same order. Pasted into one box (OJS's citations field),
the block holds both lists, each under its heading, and a reader taking a line for a reference
would make the headings references and every work two. ``pair_lists`` takes the headings out
and, when the block is two such lists (under headings, or numbered from 1 each), gives each
reference its two forms; otherwise the lines stay references one after the other.
"""

from __future__ import annotations

from typing import Any

from converter import alphabets, lazy_re, scripts, translit
from converter.model import LIST_NUMBER, list_number

# Headings of reference lists as Russian, Ukrainian and English journals print them (compared
# casefolded, without a closing colon or full stop and a number before).
HEADINGS = frozenset(
    {
        "список литературы",
        "литература",
        "список использованной литературы",
        "список использованных источников",
        "список источников",
        "библиографический список",
        "библиография",
        "источники",
        "источники и литература",
        "список літератури",
        "література",
        "використана література",
        "список використаної літератури",
        "список використаних джерел",
        "список використаних літературних джерел",
        "список джерел",
        "перелік посилань",
        "бібліографічний список",
        "бібліографія",
        "джерела",
        "джерела та література",
        "references",
        "reference list",
        "references (transliterated)",
        "references in roman script",
        "bibliography",
        "literature",
        "literature cited",
        "works cited",
    }
)
_DECORATION = lazy_re.compile(r"^[\s\d.)]*|[\s:.]*$")


def is_heading(line: str) -> bool:
    """True when ``line`` is a reference list's heading ("Список литературы:", "REFERENCES")."""
    return len(line) < 60 and _DECORATION.sub("", line).casefold() in HEADINGS


def _runs(lines: list[str]) -> tuple[list[list[str]], list[str]]:
    """The lines cut at the headings (the runs between them, empty ones left out), and the
    headings."""
    runs: list[list[str]] = [[]]
    headings: list[str] = []
    for line in lines:
        if is_heading(line):
            headings.append(line)
            runs.append([])
        else:
            runs[-1].append(line)
    return [run for run in runs if run], headings


def headings_left_out(lines: list[str], where: str) -> tuple[list[str], str | None]:
    """The ``lines`` that are no list headings, and a sentence naming the headings left out
    (``where``: the input's name for the list), or None when there were none: for a list in
    one form, such as one language's column of a spreadsheet."""
    runs, headings = _runs(lines)
    kept = [line for run in runs for line in run]
    if not headings:
        return kept, None
    said = ", ".join(repr(h) for h in headings)
    return kept, f"{where}: the headings {said} are no references: left out"


def _is_cyrillic(text: str) -> bool:
    return scripts.cyrillic_share(text) > 0.5


# (a word may hold an apostrophe: Ukrainian Дем'янчук, its Latin form Dem'ianchuk)
_FIRST_WORD = lazy_re.compile(r"\W*([^\W\d_]+(?:['’ʼ`][^\W\d_]+)*)")
_NOT_LETTER = lazy_re.compile(r"[\W\d_]+")
# Ukrainian letters Russian lacks → the Russian letters a Russian-style transliteration of
# Ukrainian writes them as (Іваненко → Ivanenko, Євтушенко → Evtushenko, Ґудзь → Gudz)
_RUSSIAN_STYLE = str.maketrans({"і": "и", "ї": "йи", "є": "е", "ґ": "г",
                                "І": "И", "Ї": "Йи", "Є": "Е", "Ґ": "Г"})  # fmt: skip


def _first_word(text: str) -> str:
    """The first word of a reference after its list number: its first author or title word."""
    found = _FIRST_WORD.match(LIST_NUMBER.sub("", text, count=1))
    return found[1] if found else ""


def _latin_words(word: str, language: str) -> set[str]:
    """The ways ``word``, of a reference in ``language`` ("ru", "uk" …), is written in a
    Latin-script list, casefolded and letters only: Russian by any Russian scheme; Ukrainian
    by its national system (kmu-2010, "Гончаренко" → "honcharenko") or in the Russian style
    its lists were long written in ("goncharenko")."""
    schemes = translit.SCHEMES
    forms = {translit.transliterate(word, name) for name in schemes}
    if language == "uk":
        forms.add(translit.transliterate(word, translit.UKRAINIAN))
        russian_style = word.translate(_RUSSIAN_STYLE)
        forms.update(translit.transliterate(russian_style, name) for name in schemes)
    return {_NOT_LETTER.sub("", form).casefold() for form in forms}


def _same_work(cyrillic: str, language: str, latin: str) -> bool:
    """Whether ``latin`` opens as ``cyrillic`` (in ``language``) transliterated: the same
    first author or title word, "Стрельцов Д.В. …" and "Streltsov D.V. …", "Гончаренко О. М.
    …" and "Honcharenko O. M. …"."""
    word, other = _first_word(cyrillic), _NOT_LETTER.sub("", _first_word(latin)).casefold()
    return bool(word and other) and other in _latin_words(word, language)


def _pairs(first: list[str], second: list[str], cyrillic_lang: str) -> list[Any] | None:
    """``first`` and ``second`` as one list in two forms, or None when they are not: the same
    length, Cyrillic references in the first and none in the second, and four in five of the
    Cyrillic ones opening as their Latin partner does once transliterated (two lists of
    different works, "Литература на русском языке" and "… на иностранных языках", can have
    the same length). A Ukrainian reference is filed under ``uk`` (whatever the article's
    language) and compared through Ukrainian's transliterations too."""
    if len(first) != len(second):
        return None
    if not any(map(_is_cyrillic, first)) or any(map(_is_cyrillic, second)):
        return None
    languages = [
        alphabets.filed_language(one, cyrillic_lang) if _is_cyrillic(one) else None for one in first
    ]
    cyrillic = [
        (one, language, other)
        for one, language, other in zip(first, languages, second, strict=True)
        if language is not None
    ]
    if sum(_same_work(*one) for one in cyrillic) < 0.8 * len(cyrillic):
        return None
    return [
        {"text": {language: one, "en": other}} if language is not None and one != other else one
        for one, language, other in zip(first, languages, second, strict=True)
    ]


def _second_forms_left_out(first: list[str], second: list[str]) -> str:
    """What a pairing leaves out, to be said with it: the second list's form of a work in
    Latin script in both lists but written otherwise there (a foreign work cited by GOST's
    "//" in the Russian list and in the journal's References style after it): the model holds
    one English text a reference, the first list's (until 4 December 2026 the other was left
    out unsaid)."""
    numbers = [
        str(k)
        for k, (one, other) in enumerate(zip(first, second, strict=True), 1)
        if not _is_cyrillic(one) and one != other
    ]
    if not numbers:
        return ""
    which = f"reference {numbers[0]}" if len(numbers) == 1 else f"references {', '.join(numbers)}"
    return (
        f"; {which}, in Latin script in both lists but written otherwise in the second, "
        "kept in the first list's form (the second's left out)"
    )


def _renumbered_pair(
    lines: list[str], cyrillic_lang: str, where: str
) -> tuple[list[Any], str | None]:
    """Two numbered lists without headings ("1. …", "2. …", then "1. …", "2. …" again): one
    list in two forms when ``_pairs`` says so; else the lines as they are."""
    numbers = [found[1] if (found := list_number(line)) else None for line in lines]
    restart = next((k for k in range(1, len(numbers)) if numbers[k] == 1), 0)
    first, second = list(range(1, restart + 1)), list(range(1, len(lines) - restart + 1))
    if not restart or numbers != first + second:
        return list(lines), None
    pairs = _pairs(lines[:restart], lines[restart:], cyrillic_lang)
    if pairs is None:
        return list(lines), (
            f"{where}: two lists numbered from 1 (of {len(first)} and {len(second)} "
            "references) are not one list in two forms: kept one after the other"
        )
    return pairs, (
        f"{where}: two lists numbered from 1 are read as the original and Latin-script forms "
        f"of {len(pairs)} references" + _second_forms_left_out(lines[:restart], lines[restart:])
    )


def pair_lists(
    lines: list[str], lang: str, where: str = "citations"
) -> tuple[list[Any], str | None]:
    """The references of a pasted block of ``lines`` (each a reference or a heading) of an
    article in ``lang``, and a sentence saying what was done with headings (``where``: the
    input's name for the list), or None when the block had none.

    Two lists under headings, the same length, the first with Cyrillic references and the
    second with none, are one list in two forms: each reference is then ``{"text":
    {cyrillic_lang: first, "en": second}}`` (``uk`` for a Ukrainian reference, else the
    article's language when it is written in Cyrillic, else ``ru``), or the first list's text
    alone where both are the same (a foreign work, the same in both lists) or the first is not
    Cyrillic. Without
    headings, two such lists numbered from 1 each ("1. …", "2. …", "1. …", "2. …") are one
    too. Anything else keeps every line but the headings, in order."""
    cyrillic_lang = lang if scripts.is_cyrillic_language(lang) else "ru"
    runs, headings = _runs(lines)
    if not headings:
        return _renumbered_pair(lines, cyrillic_lang, where)
    said = ", ".join(repr(h) for h in headings)
    if len(runs) == 2:
        pairs = _pairs(runs[0], runs[1], cyrillic_lang)
        if pairs is not None:
            return pairs, (
                f"{where}: the headings {said} are no references; the two lists under them "
                f"are read as the original and Latin-script forms of {len(pairs)} references"
                + _second_forms_left_out(runs[0], runs[1])
            )
    kept = [line for run in runs for line in run]
    sizes = " and ".join(str(len(run)) for run in runs)
    why = (
        f" (lists of {sizes} references: not one list in two forms, kept one after the other)"
        if len(runs) > 1
        else ""
    )
    return kept, f"{where}: the headings {said} are no references: left out{why}"


def numbered_from_one(references: list[Any]) -> bool:
    """Whether ``references`` (texts, or ``{"text": {lang: text}}`` as ``pair_lists`` gives
    them) open with list numbers 1, 2, 3 … in order, each form of a reference with its own:
    the numbers the model keeps as labels (``model.take_list_numbers``)."""
    for expected, ref in enumerate(references, 1):
        texts = list(ref["text"].values()) if isinstance(ref, dict) else [ref]
        if any((found := list_number(text)) is None or found[1] != expected for text in texts):
            return False
    return bool(references)
