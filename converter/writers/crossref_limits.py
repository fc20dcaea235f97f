"""The limits Crossref's deposit schema (5.3.1: ``crossref5.3.1.xsd``, ``common5.3.1.xsd``)
sets on the values a deposit holds, and what becomes of a value past one.

One value the schema refuses fails the whole deposit file, every DOI in it, so each limit that
real metadata can pass is checked before the file is written. A value past its limit is:

- in a citation (volume, issue, first page, edition, DOI): left out of that citation, whose
  other parts and unstructured text stay, with a warning naming the reference
  (``references[4].volume: longer than Crossref's 32 characters, left out of the deposit``);
  an ISBN hyphenated past the 17 characters Crossref takes is written as its digits alone;
- the pages after the first range (``other_pages``, 100 characters): left out, with a warning
  (``crossref.other_pages``);
- an optional detail of the journal or an affiliation (abbreviated title, department, place):
  left out, with the same kind of warning;
- any other part of the article or journal (volume, issue, pages, article number, DOI, landing
  page, names, journal titles, depositor, a publication year): an error naming the field, since
  the deposit cannot be right without it.

Not checked here, since no value the model accepts can pass them: ISSNs, ORCID iDs, ROR ids
and licence URLs (their forms are checked on input), months and days, the batch id and the
timestamp (made by the writer) and citation years (only ``YYYY`` is written). A citation's
key, the reference's id, is cut to 128 characters and kept unique (``citation_keys``). Article
titles, abstracts, and a citation's author, journal, article and book titles, funders and
awards have no limit in the schema.

The ``crossref`` profile of ``jatsconv check`` (``converter.checks.crossref``) reads the same
limits from a JATS file, so a journal learns of a value past one before it deposits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from converter.messages import shorten

_T = TypeVar("_T")

# The endings of the two kinds of message: a value the deposit cannot do without, and one it
# leaves out.
REFUSED = "Crossref's schema would refuse the whole deposit"
LEFT_OUT = "left out of the deposit"


@dataclass(frozen=True, slots=True)
class Limit:
    """One element's facets: at least ``least`` and at most ``most`` characters and, with a
    ``pattern``, the form the schema asks for (``form`` says in words what it refuses)."""

    most: int
    least: int = 1
    pattern: re.Pattern[str] | None = None
    form: str = ""

    def breach(self, value: str) -> str | None:
        """What keeps ``value`` out of the element, in words, or None when it fits. (The
        schema counts characters, as ``len`` does.)"""
        return self.length_breach(value) or self.form_breach(value)

    def breach_shown(self, value: str) -> str | None:
        """``breach`` with the value shown (its first 39 characters and '…' past 40), to follow
        the value's name: "longer than Crossref's 32 characters (it has 40: 'Volume 12 …')",
        "'?????' is not a name Crossref's schema takes (…)"."""
        short = shorten(value, 40)
        if why := self.length_breach(value):
            return f"{why} (it has {len(value)}: {short!r})"
        if why := self.form_breach(value):
            return f"{short!r} is {why}"
        return None

    def length_breach(self, value: str) -> str | None:
        if len(value) > self.most:
            return f"longer than Crossref's {self.most} characters"
        if len(value) < self.least:
            return f"shorter than the {self.least} characters Crossref takes at least"
        return None

    def form_breach(self, value: str) -> str | None:
        """``form`` when the value has not the form asked; it reads after the value ('X is
        …') and alone ('references[2].doi: …')."""
        if self.pattern is not None and not self.pattern.fullmatch(value):
            return self.form
        return None


# XSD's \s is these four characters only (Python's takes in more); \d is Unicode's digits in
# both. surname and given_name: [^\d\?]*[^\?\s]+[^\d]* (crossref5.3.1.xsd).
_NAME_FORM = re.compile(r"[^\d?]*[^?\x20\t\n\r]+[^\d]*")
# doi_t: 10\.[0-9]{4,9}/.{1,200}, where XSD's '.' is any character but a line end.
_DOI_FORM = re.compile(r"10\.[0-9]{4,9}/[^\n\r]{1,200}")

NAME = Limit(
    60,
    pattern=_NAME_FORM,
    form="not a name Crossref's schema takes (it needs a character other than '?' and "
    "spaces, and digits, if any, within one word)",
)
SUFFIX = Limit(10)
ORGANIZATION = Limit(511)  # a group author
INSTITUTION_NAME = Limit(1024)
INSTITUTION_PLACE = Limit(255, least=2)
INSTITUTION_DEPARTMENT = Limit(255, least=2)
VOLUME = Limit(32)
ISSUE = Limit(32)
PAGE = Limit(32)  # first_page, last_page
ITEM_NUMBER = Limit(32)
DOI = Limit(
    2048, least=6, pattern=_DOI_FORM, form="a DOI whose suffix (after the '/') is longer "
    "than Crossref's 200 characters"
)  # fmt: skip
RESOURCE = Limit(2048)
FULL_TITLE = Limit(255)
GROUP_TITLE = Limit(1024)  # a preprint's group (posted_content)
ABBREV_TITLE = Limit(150)
DEPOSITOR_NAME = Limit(130)
EMAIL_ADDRESS = Limit(200, least=6)
REGISTRANT = Limit(255)
ISBN = Limit(17)
EDITION = Limit(15)  # a citation's edition_number
OTHER_PAGES = Limit(100)  # the pages after the first range
KEY = Limit(128)  # a citation's key
# xrefYear: a publication, issue or acceptance date's year
YEARS = range(1400, 2201)


def year_breach(date: str) -> str | None:
    """What keeps a date's year out of Crossref's ``year`` (1400–2200), or None."""
    year = int(date[:4])
    if year in YEARS:
        return None
    return f"the year {date[:4]} is outside the years Crossref takes (1400–2200)"


def citation_isbn(isbn: str) -> str:
    """A cited ISBN as Crossref takes it: as written, or its digits alone when its hyphens make
    it longer than the schema's 17 characters ('5-0-2-0-4-0-1-2-3-X' → '502040123X')."""
    return isbn if ISBN.breach(isbn) is None else isbn.replace("-", "")


# The parts of a citation that are left out when past their limit, by model field.
CITATION_PARTS = {"volume": VOLUME, "issue": ISSUE, "fpage": PAGE, "edition": EDITION, "doi": DOI}


def pages_after_first(page_range: str) -> str:
    """What a page range holds after its first page or range ('120-124' of '110-115,
    120-124'): Crossref's other_pages, left out past ``OTHER_PAGES``; empty when nothing."""
    return page_range.split(",", 1)[1].strip() if "," in page_range else ""


def institution_place(
    city: str | None, state: str | None, postal_code: str | None, country: str | None
) -> str | None:
    """An affiliation's ``institution_place`` as an address writes it and the JATS output
    reads: 'Boston, MA 02115, United States', 'Moscow 119991, Russia' (the postal code after
    the state or city it belongs to, as US, UK and many journals' lines put it)."""
    parts = [p for p in (city, state) if p]
    if postal_code:
        parts[-1:] = [" ".join([*parts[-1:], postal_code])]
    return ", ".join(p for p in (*parts, country) if p) or None


def in_deposit_order(langs: Mapping[str, _T], main: str) -> list[tuple[str, _T]]:
    """The forms of a value by language as the deposit takes them: English first (Crossref's
    readers are international), then the article's language ``main``, then the rest in their
    order. Where the deposit holds one form (a group's name, a department, a city, a state),
    it is the first, and so the one whose limit counts."""
    first = ("en", main)
    return sorted(langs.items(), key=lambda item: first.index(item[0]) if item[0] in first else 2)


def citation_keys(ids: list[str]) -> list[str]:
    """The citations' keys, from the references' ids: each cut to Crossref's 128 characters and
    unique, since Crossref refuses a deposit whose citation list repeats a key. An id longer
    than 128 whose first 128 characters another id shares ends in '-2', '-3' … instead.
    (The ids are unique: two can agree only in the part that is cut.)"""
    cut = [key[: KEY.most] for key in ids]
    taken = set(cut)
    seen: set[str] = set()
    out = []
    for key in cut:
        if key in seen:
            number = 2
            while (fresh := f"{key[: KEY.most - len(f'-{number}')]}-{number}") in taken:
                number += 1
            key = fresh
            taken.add(key)
        seen.add(key)
        out.append(key)
    return out
