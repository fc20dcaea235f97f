"""Plain-text rules shared by model and writers: XML 1.0 characters, Unicode form, how deep
inline style tags may nest.

Which script a text is in is decided in ``converter.scripts``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from converter import inline, lazy_re

# Characters XML 1.0 forbids anywhere in a document (C0 controls but tab/LF/CR, surrogates,
# U+FFFE/U+FFFF); a value holding one would make the output malformed.
_FORBIDDEN_XML = lazy_re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Invisible characters text pasted from word processors and PDFs carries, that hold no content:
# a soft hyphen (a hyphenation hint: "classi\u00adfication"), a zero-width space and a word
# joiner (line-break hints), a byte order mark inside text. Kept, they reach the output and a
# registry's matching and search read the word with a soft hyphen as another word.
# (Zero-width joiners and non-joiners stay: some scripts and emoji need them.)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))
# ... except a soft hyphen after "Ã" or "Г": that is the second byte of a UTF-8 "í" read as
# Windows-1252 or -1251 ("MartÃ\u00adnez"), which the mis-decoded text check names and the
# reference parser repairs (``converter.misdecoded``); taken out, the word is lost to both.
_INVISIBLE_BUT_MISREAD = lazy_re.compile("(?<![ÃГ])\u00ad|[\u200b\u2060\ufeff]")


def check_xml_text(value: str) -> str:
    """Return ``value`` in Unicode NFC without the invisible characters ``_INVISIBLE`` names,
    or raise ``ValueError`` naming a character XML forbids.

    Every character XML forbids is one ``str.isprintable`` refuses (a control, a surrogate, a
    noncharacter; checked over all of Unicode), so a printable text, as most titles, names and
    references are, needs no search: the test reads it ~5x faster than the search would (the
    model checks ~110 texts of a bilingual article this way)."""
    if not value.isprintable():
        bad = _FORBIDDEN_XML.search(value)
        if bad is not None:
            raise ValueError(
                f"contains U+{ord(bad.group()):04X}, a character XML 1.0 does not allow "
                f"(at position {bad.start() + 1})"
            )
        if "Ã\u00ad" in value or "Г\u00ad" in value:
            value = _INVISIBLE_BUT_MISREAD.sub("", value)
        else:
            value = value.translate(_INVISIBLE)
    if "<" in value and inline.depth(value) > inline.MAX_DEPTH:
        raise ValueError(
            f"style tags (<i>, <b> …) nested more than {inline.MAX_DEPTH} deep; no text needs "
            "that many"
        )
    return unicodedata.normalize("NFC", value)


# The words that name a group or a body, not a person: 'LHCb collaboration', 'CKMfitter
# group', 'WHO Study Group', 'Consortium of Everything', 'World Health Organization'. A
# reference author with one of them and no comma (a person is 'Surname, Given') is written as
# a <collab>, never as a person's name; 'Bureau Y.' (a surname and initials) stays a person.
# (the body words in English: the reference parser's name reading uses them too)
BODY_WORDS = (
    "organi[sz]ations?|associations?|commission|foundation|ministry|institute|university|"
    "agency|council|society|bureau|administration|corporation|academy|federation|department|"
    "office"
)
# Lower-case words that belong to the surname after them ('Julie M. van der Hoop'), and the
# generational suffixes written after a name ('Richard M. Pace III'): the page reader and the
# reference parser's name reading both tell a name's parts by them.
NAME_PARTICLES = frozenset(
    ("van", "von", "der", "den", "de", "da", "di", "do", "du", "la", "le", "ter", "ten", "al",
     "el", "bin", "ibn", "dos", "das", "del", "della", "dalla", "delle", "degli", "y", "vander",
     "vanden")
)  # fmt: skip
NAME_SUFFIXES = frozenset(("Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "2nd", "3rd", "JR.", "SR."))
_GROUP_WORD = lazy_re.compile(
    r"(?<![\w-])(?:collaborations?|consorti(?:um|a)|group|team|investigators|committee|"
    rf"task\s+force|{BODY_WORDS}|коллаборация|консорциум|группа|министерство|институт|"
    r"университет|агентство|комиссия|ассоциация|общество|академия|служба)(?![\w-])",
    re.I,
)
_SURNAME_INITIALS = lazy_re.compile(r"^\S+\s+(?:[A-ZА-ЯЁ](?:[a-zа-яё]\.|\.)?[\s-]*){1,3}$")


def is_group_name(name: str) -> bool:
    """Whether an author as written names a group (a collaboration, consortium, study group)
    or a body (an organisation, ministry, university)."""
    return (
        "," not in name
        and len(name.split()) > 1
        and _GROUP_WORD.search(name) is not None
        and not _SURNAME_INITIALS.match(name)
    )


# 'Surname I. O.': a surname of one or more words (particles and all: 'van der Waals J. D.',
# 'Ван дер Ваальс Я. Д.', 'Mac Lane S.') and one to several initials after it.
_AUTHOR_INITIALS = lazy_re.compile(
    r"^(?P<surname>[^\s,]+(?:[-\s][^\s,.]+)*?)\s+(?P<given>(?:\w{1,2}\.\s*)+)$"
)


class ReferenceAuthor(NamedTuple):
    """A reference author as written, read into its parts: a person's ``surname`` and
    ``given`` names, a group's name (``collab``), or, when neither can be told, the text
    whole (``string``). Exactly one of surname, collab and string is set."""

    surname: str | None
    given: str | None
    collab: str | None
    string: str | None


def split_reference_author(text: str, *, group: bool = False) -> ReferenceAuthor:
    """'Ivanov I. I.' or 'Ivanov, I.' → surname and given names; 'LHCb collaboration' → a
    group (not a person whose surname is 'collaboration'); else the text kept whole. ``group``:
    the reference says the author is a group (its ``groups``; a JATS ``<collab>``), whatever
    its words ('WHO'; 'Ministry of Health, National Malaria Control Centre' is no person).

    The model keeps reference authors as written ('Surname I. O.', 'Surname, Given'; the
    reference parser writes the second form); JATS and Crossref read them with this one rule."""
    if group:
        return ReferenceAuthor(None, None, text.strip(), None)
    if "," in text:
        surname, _, given = text.partition(",")
        if surname.strip() and given.strip() and "," not in given:
            return ReferenceAuthor(surname.strip(), given.strip(), None, None)
    elif is_group_name(text):
        return ReferenceAuthor(None, None, text.strip(), None)
    match = _AUTHOR_INITIALS.match(text.strip())
    if match:
        return ReferenceAuthor(match["surname"], match["given"].strip(), None, None)
    return ReferenceAuthor(None, None, None, text)
