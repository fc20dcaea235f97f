"""A person's name written whole, 'D. V. Streltsov', 'Streltsov, D. V.' or 'Стрельцов Дмитрий
Викторович', split into surname and given names.

The rule is the one the HTML reader reads a page's author tags with; kept here so that every
reader given a name as one text (landing pages, DOAJ article XML and API JSON) splits it the same
way.
"""

from __future__ import annotations

import re

from converter.name_case import has_small_letters, in_capitals, ordinary_case
from converter.readers.markup import tidy
from converter.scripts import has_cyrillic
from converter.text import NAME_PARTICLES, NAME_SUFFIXES
from converter.translit import is_patronymic

# A surname and initials after it: 'Streltsov D. V.', 'Стрельцов Д.В' (the last full stop left
# off), 'Smith JA' (Vancouver style, capitals without full stops: ``split_name`` checks).
_INITIALS_LAST = re.compile(
    r"^(?P<surname>\S+)\s+(?P<given>(?:[^\W\d_]{1,2}\.\s*-?)*[^\W\d_]{1,2}\.?)$"
)
_LETTERS = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiouyáéíóúàèìòùäëïöüâêîôûåæøœаеёиоуыэюяіїє")
# A name in Chinese, Japanese or Korean script, written surname first ('山田 太郎').
_EAST_ASIAN_NAME = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]+$")


def split_name(text: str) -> dict[str, str]:
    """'Streltsov, D. V.', 'Streltsov D.V.' or 'D. V. Streltsov' → surname and given names.

    Russian sites also write the surname first without a comma: 'Стрельцов Дмитрий
    Викторович' (the last word a patronymic, the middle one not: 'Дмитрий Викторович
    Стрельцов' stays given names first), 'Стрельцов Д.В' (the initials' last full stop left
    off), 'Стрельцов Дмитрий' (a given name of the project's list after a word that is none;
    Cyrillic only: Latin surnames such as Martin or Thomas are given names too)."""
    text = tidy(text)
    text, suffix = name_suffix(text)
    return {**_split_unsuffixed(text), **({"suffix": suffix} if suffix else {})}


def name_suffix(text: str) -> tuple[str, str | None]:
    """'Richard M. Pace III' → ('Richard M. Pace', 'III'); 'Pace, Richard M., Jr.' likewise."""
    head, _, last = text.rpartition(" ")
    if head and last in NAME_SUFFIXES and len(head.split()) > 1:
        return head.rstrip(" ,"), last
    return text, None


def _split_unsuffixed(text: str) -> dict[str, str]:
    """``split_name`` for a name without its suffix."""
    in_capitals = _capitals_name(text)
    if in_capitals is not None:
        return in_capitals
    words = text.split(" ")
    if len(words) == 2 and all(_EAST_ASIAN_NAME.match(word) for word in words):
        return {"surname": words[0], "given": words[1], "style": "eastern"}
    if "," in text:
        surname, _, given = text.partition(",")
        return (
            {"surname": surname.strip(), "given": given.strip()}
            if given.strip()
            else {"surname": surname.strip()}
        )
    match = _INITIALS_LAST.match(text)
    # ('R. K. Li': an initial is no surname, and 'Li' no initial)
    initials = match and ("." in match["given"] or match["given"].replace("-", "").isupper())
    if match and initials and not match["surname"].endswith("."):
        given = match["given"].strip()
        if "." in given and not given.endswith("."):
            given += "."  # 'Д.В' is 'Д.В.' with its last full stop left off
        return {"surname": match["surname"], "given": given}
    words = text.split(" ")
    if len(words) > 1 and _surname_first(words):
        return {"surname": words[0], "given": " ".join(words[1:])}
    # the lower-case particles before the last word are the surname's: 'Julie M. van der Hoop'
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in NAME_PARTICLES and words[cut - 1] != "y":
        cut -= 1
    given, surname = " ".join(words[:cut]), " ".join(words[cut:])
    return {"surname": surname, "given": given} if given else {"given": surname}


def _capitals_name(text: str) -> dict[str, str] | None:
    """A name written in capitals, whole ('SMITH, JOHN', 'IVANOV I. I.') or its surname alone
    ('IVANOV Ivan', 'Jean DUPONT', 'Maria DE LA CRUZ'), split and in ordinary case
    (``converter.name_case``); None for a name written otherwise.

    The words in capitals at the start or the end of a name otherwise written small are its
    surname, whichever its order (with one of three letters or more and a vowel: 'LI Wei' and
    'JA Smith' cannot be told apart, nor 'JRR Tolkien' be a surname, and are read as any name
    is). A name in capitals whole is split as
    written small, but for Vancouver initials ('SMITH JA', which written small would be a
    given name, 'Ja')."""
    words = text.split(" ")
    if any(char.isdigit() for char in text) or not any(in_capitals(word) for word in words):
        return None
    if not has_small_letters(text):
        match = _INITIALS_LAST.match(text)
        if match and "." not in match["given"] and not match["surname"].endswith("."):
            return {"surname": ordinary_case(match["surname"]), "given": match["given"]}
        return _split_unsuffixed(ordinary_case(text))
    if "," in text:
        surname, _, given = text.partition(",")
        if all_capitals(surname) and given.strip():
            return {"surname": ordinary_case(surname.strip()), "given": given.strip()}
        return None
    capitals = [in_capitals(word) or word.lower() in NAME_PARTICLES for word in words]
    lead = next((i for i, upper in enumerate(capitals) if not upper), len(words))
    tail = next((i for i, upper in enumerate(reversed(capitals)) if not upper), len(words))
    for run, rest in (
        (words[:lead], words[lead:]),
        (words[len(words) - tail :], words[: -tail or None]),
    ):
        if run and rest and any(_capitals_surname(word) for word in run):
            return {"surname": ordinary_case(" ".join(run)), "given": " ".join(rest)}
    return None


def recased(text: str, name: dict[str, str]) -> bool:
    """Whether ``split_name`` wrote a word of the name ``text`` in another case."""
    written = set(_LETTERS.findall(text))
    read = _LETTERS.findall(" ".join(name.get(key, "") for key in ("surname", "given")))
    return any(word not in written for word in read)


def _capitals_surname(word: str) -> bool:
    """Whether a word in capitals can be a surname: three letters or more, a vowel among them
    ('LIU', 'IVANOV'; 'JRR' in 'JRR Tolkien' is initials)."""
    return len(word) >= 3 and in_capitals(word) and any(c in _VOWELS for c in word.lower())


def all_capitals(text: str) -> bool:
    """Whether every word of a name part is in capitals (a particle may be small: 'de GAULLE')."""
    words = text.split()
    return (
        bool(words)
        and all(in_capitals(w) or w.lower() in NAME_PARTICLES for w in words)
        and any(in_capitals(w) for w in words)
    )


def _surname_first(words: list[str]) -> bool:
    """Whether a name written without a comma starts with its surname: it ends in an initial
    ('Streltsov Dmitry V.'), or in Cyrillic in a patronymic after a word that is none, or in
    a listed given name after a word that is none."""
    last = words[-1]
    if last.endswith(".") and len(last.rstrip(".")) <= 2:
        return True
    if not all(has_cyrillic(word) for word in words):
        return False
    if len(words) == 3:
        return is_patronymic(last) and not is_patronymic(words[1])
    if len(words) == 2:
        # (imported here: the citations package costs a tenth of a second to import, and
        # only a name of two Cyrillic words asks)
        from converter.citations.lexicon import GIVEN_NAMES

        return last.lower() in GIVEN_NAMES and words[0].lower() not in GIVEN_NAMES
    return False
