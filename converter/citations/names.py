"""An author or editor span → a list of ``"Surname, Given"`` (or None when it cannot be read).

The span is what the labeller marked, in any of the orders reference styles use: "Иванов И. И.,
Петров П. П.", "Smith, J. A., & Brown, B.", "Smith JA, Brown B", "J. P. Collman, J. P. Brauman
et J. L. Sessler", "Smith, John A., and Bob Brown", "Derrida, Jacques", "Иванов И.И. Петров П.П."
(no commas). A word that is neither a name nor an initial (a lower-case word that is no particle,
a number) makes the whole span unreadable: the caller then leaves the reference unstructured
rather than write a wrong person.
"""

from __future__ import annotations

import re
from functools import lru_cache

_UP = "A-ZА-ЯЁÀ-ÖØ-ÞĀ-ſ"
_LO = "a-zа-яёß-öø-ÿĀ-ſ\u0300-\u036f"  # with combining marks: ALA-LC's 'T͡s', 'I͡u'
# one to three initials: 'И.', 'И.И.', 'Yu.', 'J.-P.', 'Ал.Б.', 'Shch.' (Щ transliterated)
_INITIALS = re.compile(rf"^(?:[{_UP}][{_LO}]{{0,2}}\.\s?-?|Shch\.\s?){{1,3}}$")
# Vancouver's undotted initials after a surname: 'JA', 'B', and transliterated Russian ones
# whose letters are digraphs ('YuA', 'ZhK', 'EYu'; at least two initials, so that a name such
# as 'Yu' stays a name)
_BARE_PIECE = r"Shch|[ZKCS]h|Ts|Y[aeou]"
_BARE_INITIALS = re.compile(
    rf"^(?:[{_UP}]{{1,3}}|(?=\S*(?:{_BARE_PIECE}))(?:{_BARE_PIECE}|[{_UP}]){{2,3}})$"
)
_BARE_LETTERS = re.compile(rf"{_BARE_PIECE}|[{_UP}]")
_NAME_WORD = re.compile(
    rf"^(?:[{_UP}][{_UP}{_LO}'’ʹʼ]*[{_LO}]|[{_UP}]{{2,}}|[{_UP}]['’][{_UP}][{_UP}{_LO}]*)"
    rf"(?:[-'’][{_UP}{_LO}][{_UP}{_LO}'’ʹʼ]*)*\.?$"
    r"|^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,}$"  # CJK and Hangul names, whole
)
_PARTICLES = frozenset(
    ("van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "ter", "ten", "al", "el",
     "bin", "ibn", "dos", "das", "del", "della", "y")
)  # fmt: skip
_ETAL = re.compile(
    r"(?:,?\s*(?:\[\s*и\s+др\.?\s*\]|и\s+др\.?|et\s+al\.?|and\s+others|u\.\s?a\.)|\s*\.\.\.)[\s.]*$",
    re.I,
)
_LEAD = re.compile(r"^\s*(?:/|by\s|von\s|авт\.?:?)\s*", re.I)
_EDITOR_WORDS = re.compile(
    r"\((?:eds?|edd|hrsg|hgg?|éds?|dirs?|coords?|comps?|compilador(?:es)?|red|ред|отв\.\s*ред|"
    r"сост)\.?\)|"
    r"(?<![\w'’ʼʹ-])(?:ed\.\s+by|eds?\.|eds(?=,|$)|edd\.|edited\s+by|editors?|hrsg\.|hgg?\.|"
    r"éds?\.|dir\.|trans\.|transl\.|translated\s+by|"
    r"под\s+(?:общ\.\s+|науч\.\s+|общей\s+|научной\s+)?ред(?:\.|акцией)|отв\.\s*ред\.|"
    r"сост\.|проф\.|акад\.|in:?)(?=\s|$|[,.;:])|^\s*(?:in|в)\s*:",
    re.I,
)
_CJK = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,}$")
_WORDS = re.compile(r"\s+|(?<=\.)(?=[^\s.,-])")
_LEADING_AND = re.compile(r"^(?:and|&|и|et|und|y)\s+", re.I)
_AND = re.compile(r"\s+(?:and|AND|&|и|et|und|y)\s+|\s*;\s*|\s*&\s*")


_ITEMS = re.compile(r"\s*,\s*|" + _AND.pattern)
_CYRILLIC = re.compile("[А-Яа-яЁё]")
_DOT_GLUED = re.compile(r"\.(?=[^\s.-])")  # compiled once: re's cache costs ~1 µs a call
_SHORT_SURNAME = re.compile(rf"[{_UP}][{_LO}]{{2,}}\.")


@lru_cache(maxsize=16384)
def _is_initials(word: str) -> bool:
    return bool(_INITIALS.match(word))


def _given_out(words: list[str]) -> str:
    out = []
    for word in words:
        if _BARE_INITIALS.match(word):
            out.extend(f"{ch}." for ch in _BARE_LETTERS.findall(word))
        else:
            # 'И.И.' → 'И. И.'; 'J.-P.' stays
            out.append(_DOT_GLUED.sub(". ", word))
    return " ".join(out)


def _person(words: list[str], latin_order: bool) -> str | None:
    """One person from its words (a surname and initials or given names, either order)."""
    inits = [w for w in words if _is_initials(w)]
    names = [w.rstrip(".") for w in words if not _is_initials(w)]
    if not names:
        return None
    if inits:
        # initials before or after the surname; the surname is the name words
        surname = " ".join(names)
        return f"{surname}, {_given_out(inits)}"
    if len(names) >= 2 and _BARE_INITIALS.match(names[-1]) and len(names[-1]) <= 3:
        # Vancouver: 'Smith JA'
        if sum(n.lower() not in _PARTICLES for n in names) > 2:
            return None
        return f"{' '.join(names[:-1])}, {_given_out(names[-1:])}"
    if len(names) == 1:
        return names[0]  # a surname alone (its given names may follow after a comma)
    if all(n.lower() in _PARTICLES for n in names[:-1]):
        return " ".join(names)  # 'van der Mast': one surname, its given names follow
    if latin_order:
        particles = 0
        while len(names) - particles - 2 >= 0 and names[-2 - particles].lower() in _PARTICLES:
            particles += 1
        cut = len(names) - 1 - particles
        return f"{' '.join(names[cut:])}, {' '.join(names[:cut])}"
    return f"{names[0]}, {' '.join(names[1:])}"


@lru_cache(maxsize=16384)
def _word_ok(word: str) -> bool:
    return bool(
        _is_initials(word)
        or _NAME_WORD.match(word)
        or word.lower() in _PARTICLES
        or _BARE_INITIALS.match(word)
    )


def _full_stop_after_name(text: str) -> bool:
    """Whether the final full stop ends a name: 'Smith J. A. Brown.', 'С. Х. Пак.', 'and
    Soo-Jin Kim.' (a short surname after initials or a given name, which alone would look like
    an initial), not 'Smith J. A.'."""
    words = text.split()
    last = words[-1].lstrip(",")
    if not _is_initials(last):
        return True
    return (
        len(words) > 1
        and _SHORT_SURNAME.fullmatch(last) is not None
        and (_is_initials(words[-2].rstrip(",")) or not words[-2].endswith(","))
    )


def split_people(span: str) -> list[str] | None:
    """``"Surname, Given"`` for each person of an author or editor span; None if unreadable."""
    text = _LEAD.sub("", span)
    text = _EDITOR_WORDS.sub(" ", text)
    text = text.replace("[", " ").replace("]", " ")
    text = _ETAL.sub("", text.strip(" ,;:()–—")).strip(" ,;:")
    if text.endswith(".") and _full_stop_after_name(text):
        text = text[:-1]  # a full stop after a name, not an initial's
    if not text:
        return None
    cyrillic = bool(_CYRILLIC.search(text))
    items = [_LEADING_AND.sub("", i.strip()) for i in _ITEMS.split(text) if i and i.strip()]
    people: list[str] = []
    pending: str | None = None  # a surname alone, waiting for its given names
    for item in items:
        if _CJK.match(item):
            if pending is not None:
                people.append(pending)
                pending = None
            people.append(item)  # CJK and Hangul names are written whole
            continue
        words = [w for w in _WORDS.split(item) if w]
        words = [w.rstrip(",") for w in words if w not in (",",)]
        if not words or not all(_word_ok(w) for w in words):
            return None
        all_given = all(_is_initials(w) for w in words) or (
            pending is not None
            and all(_is_initials(w) or _NAME_WORD.match(w) for w in words)
            and len(words) <= 3
            and not any(w.isupper() and len(w) > 3 for w in words)
        )
        if pending is not None and all_given:
            people.append(f"{pending}, {_given_out(words)}")
            pending = None
            continue
        if pending is not None:
            people.append(pending)
            pending = None
        if (
            not cyrillic
            and len(words) == 3
            and not _is_initials(words[0])
            and _is_initials(words[1])
            and not _is_initials(words[2])
        ):
            # 'and Peter J. Clark': one person, given names first (Chicago, MLA)
            people.append(f"{words[2].rstrip('.')}, {words[0]} {_given_out(words[1:2])}")
            continue
        # one item may hold several people when commas are missing: 'Иванов И.И. Петров П.П.'
        group: list[str] = []
        seen_name = seen_init = False
        for word in words:
            is_init = _is_initials(word)
            if group and not is_init and seen_name and seen_init:
                one = _person(group, not cyrillic)
                if one is None:
                    return None
                people.append(one)
                group, seen_name, seen_init = [], False, False
            elif group and is_init and seen_name and seen_init and not _is_initials(group[-1]):
                # 'J. P. Collman J. R. Budge': initials after a finished 'I. Surname'
                one = _person(group, not cyrillic)
                if one is None:
                    return None
                people.append(one)
                group, seen_name, seen_init = [], False, False
            group.append(word)
            seen_name = seen_name or (not is_init and word.lower() not in _PARTICLES)
            seen_init = seen_init or is_init
        one = _person(group, not cyrillic)
        if one is None:
            return None
        if "," not in one:
            pending = one
        else:
            people.append(one)
    if pending is not None:
        people.append(pending)
    return people or None
