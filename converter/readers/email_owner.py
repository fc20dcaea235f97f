"""Whose e-mail address it is, by the author name its letters hold: shared by the readers that
find an address no markup ties to an author (a page's e-mail tag after the wrong name, a JATS
``<corresp>`` note that points to no contributor), so that they give it to the same author."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from converter.scripts import has_cyrillic
from converter.translit import transliterate


def email_owner(email: str, people: Sequence[Sequence[tuple[str, str]]]) -> int | None:
    """The index of the one author whose name an e-mail address holds ('mmoore@…' Michael J.
    Moore's, 'yang_zhenlin@…' Zhenlin Yang's, 'yanlingwu@…' Yanling Wu's), or None: a surname
    of three letters or more, or a shorter one with the given name, in the address's letters
    before the @ (a Cyrillic name transliterated). Each author is given as the (surname,
    given names) of each of its name forms (a JATS author's Russian and English names)."""
    written = email.partition("@")[0]
    local = _ascii_letters(written)
    # the address's words (between dots, dashes, digits …), so that a surname is found whole
    # at a word's edge: 'psmithers@' is no Smith's, 'jsmith@' and 'smith.j@' are
    words = _words("".join(c if c.isalpha() else " " for c in written))
    owners = set()
    for index, forms in enumerate(people):
        for surname, given in forms:
            for family, givens in _latin_spellings(surname, given):
                first = givens[0] if givens else ""
                whole = bool(family and first) and (
                    first + family in local or family + first in local
                )
                if whole or (len(family) >= 3 and any(_holds(w, family, givens) for w in words)):
                    owners.add(index)
    return owners.pop() if len(owners) == 1 else None


def _holds(word: str, family: str, givens: list[str]) -> bool:
    """Whether a word of an address is the surname with, on one side, at most two letters or
    the given names' starts in order ('mmoore', 'moorem', 'liviamsantiago' Lívia Maria
    Santiago's, 'celpcaldas' Célia Pereira Caldas's): 'psmithers' is not Jane Smith's."""
    if family not in word:
        return False
    before, _, after = word.partition(family)
    beside = [part for part in (before, after) if part]
    return len(beside) <= 1 and all(
        len(part) <= 2 or _of_given_names(part, givens) for part in beside
    )


def _of_given_names(part: str, givens: list[str]) -> bool:
    """Whether ``part`` is the start of one or more given names, in order ('soraiaap': Soraia
    Aparecida)."""
    if not part:
        return True
    return any(
        part.startswith(name[:length]) and _of_given_names(part[length:], givens[i + 1 :])
        for i, name in enumerate(givens)
        for length in range(len(name), 0, -1)
    )


def _latin_spellings(surname: str, given: str) -> list[tuple[str, list[str]]]:
    """A surname and the given names in ASCII letters, small; a Cyrillic name in the
    transliterations e-mail addresses are written in."""
    if not has_cyrillic(surname + given):
        return [(_ascii_letters(surname), _words(given))]
    return [
        (_ascii_letters(transliterate(surname, scheme)), _words(transliterate(given, scheme)))
        for scheme in ("bgn-pcgn", "gost-7.79-b")
    ]


def _words(text: str) -> list[str]:
    """A text's words in ASCII letters, small ('Lívia Maria' → ['livia', 'maria'])."""
    return [w for w in (_ascii_letters(w) for w in text.replace("-", " ").split()) if w]


def _ascii_letters(text: str) -> str:
    """A text's ASCII letters, small, accents taken off ('Pazarçeviren' → 'pazarceviren')."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if char.isascii() and char.isalpha()).lower()
