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
    local = _ascii_letters(email.partition("@")[0])
    owners = set()
    for index, forms in enumerate(people):
        for surname, given in forms:
            for family, first in _latin_spellings(surname, given):
                whole = bool(family and first) and (
                    first + family in local or family + first in local
                )
                if whole or (len(family) >= 3 and family in local):
                    owners.add(index)
    return owners.pop() if len(owners) == 1 else None


def _latin_spellings(surname: str, given: str) -> list[tuple[str, str]]:
    """A surname and first given name in ASCII letters, small; a Cyrillic name in the
    transliterations e-mail addresses are written in."""
    first = given.split(" ")[0] if given else ""
    if not has_cyrillic(surname + first):
        return [(_ascii_letters(surname), _ascii_letters(first))]
    return [
        (
            _ascii_letters(transliterate(surname, scheme)),
            _ascii_letters(transliterate(first, scheme)),
        )
        for scheme in ("bgn-pcgn", "gost-7.79-b")
    ]


def _ascii_letters(text: str) -> str:
    """A text's ASCII letters, small, accents taken off ('Pazarçeviren' → 'pazarceviren')."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if char.isascii() and char.isalpha()).lower()
