"""Russian Cyrillic → Latin script by a named scheme, for names and reference lists.

The tables come from the maintained ``iuliia`` package; each was checked letter by letter
against its standard, and where iuliia's table or engine departs from the standard the
correction is made here, with the rule it follows (see ``_CORRECTIONS`` and ``_case``). The
schemes a journal can name (``Journal.transliteration``):

``bsi``          BS 2979:1958 without diacritics, the "BSI" table of the Russian "References"
                 guides (й → i, ь → ', я → ya, ю → yu, х → kh, ц → ts, щ → shch)
``bgn-pcgn``     BGN/PCGN 1947 (й → y, е → ye initially and after vowels, ь → ʼ)
``gost-7.79-b``  GOST 7.79-2000 System B (й → j, х → x, ц → cz/c, щ → shh, ь → `)
``iso-9``        ISO 9:1995 = GOST 7.79-2000 System A (one letter per letter: ж → ž, щ → ŝ)
``ala-lc``       ALA-LC (Library of Congress), with its ligature ties (ц → t͡s, я → i͡a)

Ukrainian text has one scheme whatever the journal's: ``kmu-2010``, the national system of
the Cabinet of Ministers of Ukraine (Resolution No. 55 of 27 January 2010), which BGN/PCGN
adopted in 2019 (``UKRAINIAN``; its table is ``_UKRAINIAN_TABLE``, written from the resolution).
Which text is Ukrainian, and which is in an alphabet no scheme here writes (Belarusian,
Kazakh, Serbian …), ``converter.alphabets`` tells; ``scheme_for`` picks the scheme or raises
``NoScheme``.

Schema objects are built once per process (``scheme()`` is cached): transliteration runs for
every Cyrillic name and reference of a batch.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from typing import Literal, get_args

from iuliia.repo import SCHEMA_DIR
from iuliia.schema import TranslitSchema

from converter import lazy_re
from converter.alphabets import reading
from converter.scripts import has_cyrillic

SchemeName = Literal["bsi", "bgn-pcgn", "gost-7.79-b", "iso-9", "ala-lc"]
SCHEMES: tuple[str, ...] = get_args(SchemeName)  # the schemes for Russian text
UKRAINIAN = "kmu-2010"  # the scheme for Ukrainian text

# Our name → the iuliia table it starts from.
_BASE = {
    "bsi": "bs_2979_alt",
    "bgn-pcgn": "bgn_pcgn",
    "gost-7.79-b": "gost_779_alt",
    "iso-9": "gost_779",
    "ala-lc": "ala_lc",
}

_E_DIAERESIS = "\u00eb"  # ë, LATIN SMALL LETTER E WITH DIAERESIS

# Where iuliia 0.13's tables differ from the standards. Keys are the mapping kind of the
# iuliia JSON table ("mapping", "prev_mapping", ...); None deletes a rule.
_CORRECTIONS: dict[str, dict[str, dict[str, str | None]]] = {
    "bsi": {
        # The BSI table of the "References" guides writes every й as i, endings included
        # (Российский → Rossiiskii, учений → uchenii); iuliia's alt table adds the Oxford-style
        # ending rule -ий/-ый → -y, which is not part of BS 2979.
        "ending_mapping": {"ий": None, "ый": None},
    },
    "bgn-pcgn": {
        # BGN/PCGN 1947: ё is ë (yë initially and after vowels, й, ъ, ь); iuliia writes the
        # Cyrillic letter ё itself, which would leave Cyrillic in a Latin field.
        "mapping": {
            "ё": _E_DIAERESIS,
            # BGN/PCGN: ъ is ˮ (U+02EE MODIFIER LETTER DOUBLE APOSTROPHE) and ь is ʼ (U+02BC
            # MODIFIER LETTER APOSTROPHE); iuliia uses the quotation marks ” and ’.
            "ъ": "\u02ee",
            "ь": "\u02bc",
        },
        "prev_mapping": {
            f"{v}ё": "y" + _E_DIAERESIS
            for v in ("", "а", "е", "ё", "и", "й", "о", "у", "ъ", "ы", "ь", "э", "ю", "я")
        },
    },
    "iso-9": {
        # ISO 9:1995 / GOST 7.79-2000 System A: ё is ë (Latin); iuliia has the Cyrillic ё.
        "mapping": {"ё": _E_DIAERESIS},
    },
    "ala-lc": {
        # ALA-LC: ё is ë (Latin); iuliia has the Cyrillic ё.
        "mapping": {"ё": _E_DIAERESIS},
    },
}


# Cabinet of Ministers of Ukraine, Resolution No. 55 of 27 January 2010, table and notes: є ї й
# ю я are ye yi y yu ya at the start of a word and ie i i iu ia elsewhere; зг is zgh (Згорани →
# Zghorany), not zh (ж); ь and the apostrophe are not written (the apostrophe is taken out
# before the table runs, so that Знам'янка's я is not word-initial: Znamianka).
_UKRAINIAN_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia",
}  # fmt: skip
_UKRAINIAN_TABLE: dict[str, dict[str, str]] = {
    "mapping": _UKRAINIAN_LETTERS,
    # a key of one letter is the letter at the start of a word (iuliia reads the word's start
    # as an empty previous letter); "зг" writes г after з as gh
    "prev_mapping": {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya", "зг": "gh"},
    "next_mapping": {},
    "ending_mapping": {},
}
# The apostrophe of Ukrainian spelling (Знам'янка, Короп'є) as it is typed: ' ’ ʼ ‘ ` ′.
_APOSTROPHE = lazy_re.compile("(?<=[\u0400-\u04ff])['\u2019\u02bc\u2018`\u2032](?=[\u0400-\u04ff])")


def _definition(name: str) -> dict[str, dict[str, str]]:
    if name == UKRAINIAN:
        return _UKRAINIAN_TABLE
    with open(SCHEMA_DIR / f"{_BASE[name]}.json", encoding="utf-8") as file:
        data = json.load(file)
    tables = {
        kind: dict(data.get(kind) or {})
        for kind in ("mapping", "prev_mapping", "next_mapping", "ending_mapping")
    }
    if name == "bgn-pcgn":
        # BGN/PCGN: the middle dot that may separate т·с, ш·ч, й·а, ·э … is optional; it is
        # left out, as in the system's usual (and the indexing services') practice. Without
        # the context rule the plain letter value applies, which is the same letter undotted.
        for kind in ("prev_mapping", "next_mapping"):
            tables[kind] = {k: v for k, v in tables[kind].items() if "·" not in v}
    for kind, changes in _CORRECTIONS.get(name, {}).items():
        table = tables[kind]
        for key, value in changes.items():
            if value is None:
                table.pop(key, None)
            else:
                table[key] = value
    return tables


@cache
def scheme(name: str) -> TranslitSchema:
    """The (corrected) iuliia schema of one of ``SCHEMES`` or of ``UKRAINIAN``; built once per
    process."""
    if name not in _BASE and name != UKRAINIAN:
        raise ValueError(
            f"unknown transliteration scheme {name!r} ({', '.join((*SCHEMES, UKRAINIAN))})"
        )
    tables = _definition(name)
    return TranslitSchema(
        name=name,
        mapping=tables["mapping"],
        prev_mapping=tables["prev_mapping"] or None,
        next_mapping=tables["next_mapping"] or None,
        ending_mapping=tables["ending_mapping"] or None,
    )


_CYRILLIC_WORD = lazy_re.compile(r"[\u0400-\u04ff]+")


def _case(match: re.Match[str], schema: TranslitSchema) -> str:
    """Transliterate one Cyrillic word and give it the case of the original.

    iuliia capitalises the Latin for a capital letter ("Щ" → "Shch"), which is right in a
    capitalised word but wrong in one written in capitals: every scheme writes "ЩИ" as
    "SHCHI", not "ShchI". A word of two or more capitals is therefore upper-cased whole.
    """
    word = match.group()
    latin = schema.translate(word)
    if len(word) > 1 and word.isupper():
        return latin.upper()
    return latin


def transliterate(text: str, name: str) -> str:
    """``text`` with its Cyrillic words in Latin script by scheme ``name``; the rest untouched."""
    if not has_cyrillic(text):
        return text
    schema = scheme(name)
    if name == UKRAINIAN:
        text = _APOSTROPHE.sub("", text)
    # iuliia writes some letters decomposed (z + combining caron for ž); the model keeps all
    # text in NFC, so derived text is composed too.
    return unicodedata.normalize("NFC", _CYRILLIC_WORD.sub(lambda m: _case(m, schema), text))


class NoScheme(ValueError):
    """Cyrillic text in an alphabet no scheme here writes; the message names it by its letters
    ('Kazakh letters (ә, қ)') or its declared language ('Bulgarian (bg)')."""


def scheme_for(text: str, russian: str, declared: str | None = None) -> str:
    """The scheme ``text`` is written in Latin script by: ``UKRAINIAN`` for Ukrainian text,
    ``russian`` (the journal's) for Russian text; ``declared`` is the language the text is
    given in, when known (``converter.alphabets.reading``). Any other alphabet raises
    ``NoScheme``: no Latin form is better than one half in Cyrillic or spelled by another
    language's rules."""
    found = reading(text, declared)
    if found.language == "uk":
        return UKRAINIAN
    if found.language == "ru":
        return russian
    raise NoScheme(found.describe())


# ------------------------------------------------------------------------------- names


def _given_parts(given: str) -> list[str]:
    """Split given names into words, keeping initials (И.В. → И., В.)."""
    return given.replace(".", ". ").split()


def initial(word: str, name: str) -> str:
    """The Latin initial of a (Cyrillic or Latin) given name: Юрий → Yu., Щукин → Shch."""
    core = word.rstrip(".")
    if not core:
        return word
    # A hyphenated name keeps both initials: Анна-Мария → A.-M.
    if "-" in core:
        return "-".join(initial(part, name) for part in core.split("-") if part)
    if word.endswith(".") and len(core) == 2 and has_cyrillic(core):
        # A two-letter initial (Дж. for Джон) is written out whole: Dzh.
        latin = transliterate(core[0].upper() + core[1:].lower(), name)
        return latin[:1].upper() + latin[1:] + "."
    first = core[0]
    if has_cyrillic(first):
        # The initial of a Cyrillic letter is its whole Latin value (Ж → Zh., Ю → Yu.), as the
        # first letter of a word (BGN/PCGN: Е → Ye.).
        letter = transliterate(first.upper() + "а", name)[:-1] or first
        return letter[0].upper() + letter[1:] + "."
    return first.upper() + "."


def transliterate_given(given: str, name: str, patronymic_initials: bool = False) -> str:
    """Given names in Latin script; with ``patronymic_initials`` the patronymic becomes an
    initial (Дмитрий Викторович → Dmitrii V.). Names already written as initials stay initials.
    """
    parts = _given_parts(given)
    out: list[str] = []
    for index, part in enumerate(parts):
        is_initial = part.endswith(".") and len(part.rstrip(".")) <= 2
        if is_initial or (patronymic_initials and index > 0 and is_patronymic(part)):
            out.append(initial(part, name))
        else:
            out.append(transliterate(part, name))
    return " ".join(out)


_PATRONYMIC = lazy_re.compile(
    r"(?:ович|евич|ьич|ич|овна|евна|ична|инична|івна|ївна)$", re.IGNORECASE
)


def is_patronymic(word: str) -> bool:
    """Russian patronymics end in -ович/-евич/-ич or -овна/-евна/-ична/-инична, Ukrainian ones
    in -ович/-йович or -івна/-ївна (so do some surnames, Шостакович: a caller tells them apart
    by where the word stands)."""
    return _PATRONYMIC.search(word) is not None


def transliterate_name(
    surname: str | None,
    given: str | None,
    name: str,
    patronymic_initials: bool = False,
) -> tuple[str | None, str | None]:
    """Surname and given names of one person in Latin script by scheme ``name``."""
    latin_surname = transliterate(surname, name) if surname else None
    latin_given = transliterate_given(given, name, patronymic_initials) if given else None
    return latin_surname, latin_given
