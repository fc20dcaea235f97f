"""DOAJ article XML (``doajArticles.xsd``) for one article.

DOAJ names languages with ISO 639-2/B codes (``rus``, ``ger``), taken from pycountry's tables;
ORCID iDs go in as https URLs; each author points to an entry of the affiliations list. The
full-text link is required: an HTML full text, else the PDF, else the landing page, the first
whose address DOAJ's schema takes. A record without a publication date is refused: the schema
needs one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import pycountry

from converter import future_dates, model
from converter.inline import plain_text
from converter.languages import country_name
from converter.options import Options, Output
from converter.validation import Problem
from converter.writers.common import (
    environment,
    not_carried,
    ordered,
    serialize_xml,
    warnings,
    xsd_problems,
)
from converter.writers.crossref_limits import institution_place

# DOAJ's schema makes both optional, but DOAJ matches an uploaded article to a journal of the
# account by its ISSNs (its upload status names failures by ISSN) and refuses one with none.
NO_ISSN = (
    "journal.issn: DOAJ needs the journal's print or electronic ISSN, and the journal file "
    "gives none"
)


# DOAJ's fullUrl (doajArticles.xsd): http or https, a host name with a dot and two to ten
# letters after it, or an IPv4 address, then an optional port and anything. (XSD's \p{L} is
# Python's [^\W\d_]; its '.' any character but a line end.) An ftp:// address, or a host
# without a dot (http://intranet/), fails it: and with it the whole file.
_FULL_URL = re.compile(
    r"https?://(?:[^/:]+\.[^\W\d_]{2,10}|(?:[0-9]{1,3}\.){3}[0-9]{1,3})(?::[0-9]+)?[^\n\r]*"
)
FULL_URL_RULE = "DOAJ takes only an http(s) address whose host has a dot (or is an IP address)"
NO_FULL_TEXT = "self_uri: DOAJ output needs a full-text URL (self_uri or url)"
NO_DATE = "published: DOAJ needs the article's publication date (electronic, print or collection)"

# What an article may give that DOAJ's schema has no place for, said in a warning when given
# (``not_carried``); the fields DOAJ is not about (references, funding …) are listed in the
# README instead, see tests/test_output_audit.py.
NOT_CARRIED = {
    "issue_title": "DOAJ's article XML has no place for an issue's title",
    "page_range": "DOAJ's article XML has no place for pages of several ranges (startPage and "
    "endPage are the first and last page)",
    "related_articles": "DOAJ's article XML has no place for related articles",
    "preprint": "DOAJ's article XML has no place for an article's version (a preprint)",
}


@lru_cache(maxsize=256)
def iso639_2b(tag: str) -> str | None:
    """The ISO 639-2/B code of a language tag (``de`` → ``ger``), or None when there is none."""
    primary = tag.lower().split("-")[0]
    found = (
        pycountry.languages.get(alpha_2=primary)
        if len(primary) == 2
        else pycountry.languages.get(alpha_3=primary)
    )
    # DOAJ's list (iso_639-2b.xsd) holds the languages that have a two-letter code too.
    if found is None or getattr(found, "alpha_2", None) is None:
        return None
    return getattr(found, "bibliographic", None) or getattr(found, "alpha_3", None)


def _latin_first(langs: dict[str, Any], main: str) -> Any:
    return langs["en"] if "en" in langs else ordered(langs, main)[0][1]


def _person_name(name: model.PersonName) -> str:
    if name.style == "eastern":
        return " ".join(p for p in (name.surname, name.given) if p)
    return " ".join(p for p in (name.given, name.surname) if p)


def first_language(article: model.Article, chosen: str | None = None) -> str:
    """The language whose title and abstract a DOAJ record gives first (DOAJ shows only the
    first): ``chosen`` (``--doaj-language``), else the first language the journal declares to
    DOAJ (``doaj.languages`` in the journal file) that the article has a title in, else the
    article's own language. A chosen language the article has no title in is passed over."""
    journal = article.journal
    declared = journal.doaj.languages if isinstance(journal, model.Journal) and journal.doaj else []
    for lang in [*([chosen] if chosen else []), *declared]:
        if lang in article.title:
            return lang
    return article.language


class _View:
    def __init__(self, article: model.Article, chosen: str | None = None):
        journal = article.journal
        assert isinstance(journal, model.Journal), "article.journal must be resolved"
        self.a = article
        self.j = journal
        self.lang = first_language(article, chosen)

    def language(self) -> str | None:
        return iso639_2b(self.a.language)  # the language of the full text

    def publisher(self) -> str | None:
        p = self.j.publisher
        return ordered(p.name, self.j.language)[0][1] if p else None

    def journal_title(self) -> str:
        return ordered(self.j.title, self.j.language)[0][1]

    def publication_date(self) -> str | None:
        p = self.a.published
        return p.electronic or p.print or p.collection

    def titles(self) -> list[tuple[str | None, str]]:
        return [(iso639_2b(lang), plain_text(t)) for lang, t in ordered(self.a.title, self.lang)]

    def affiliations(self) -> list[dict[str, str]]:
        """The affiliations list: of the authors the record names, and any no one points to;
        not one only a translator or editor holds, whom the record leaves out (until 4
        December 2026 it was listed, an institution of no author of the record); not one that
        names no institution (``unnamed``)."""
        listed = [aff for aff, _ in self.unnamed(named=True)]
        out = []
        for number, aff in enumerate(listed):
            # An affiliation kept as one line of text: the text names the institution, as in
            # Crossref's deposit (a postal code or a country beside it lost it until 4 December);
            # beside an institution it follows it, as JATS writes the line (it was dropped).
            named = (aff.department, aff.institution, aff.text)
            parts = [_latin_first(v, self.lang) for v in named if v]
            city, state = (_latin_first(v, self.lang) if v else None for v in (aff.city, aff.state))
            country = country_name(aff.country) if aff.country else None
            # 'Boston, MA 02115, United States': the place as the JATS line and Crossref give it
            place = institution_place(city, state, aff.postal_code, country)
            if place:
                parts.append(place)
            out.append({"id": str(number), "key": aff.id or "", "name": ", ".join(parts)})
        return out

    def unnamed(self, named: bool = False) -> list[tuple[model.Affiliation, int]]:
        """The affiliations the record would list (of the authors it names, and any no one
        points to: not one only a translator or editor holds), with their index, that name
        no institution (no name, no line of text) — or, ``named``, those that do. DOAJ's
        affiliationName is the institution's name (its documentation's example: "University of
        A"), and DOAJ keeps an author's first affiliation only: a place alone (Moscow, Russian
        Federation) was listed as one until 4 December 2026, and could hide the institution
        after it. DOAJ's record has no place for a ROR id, so one does not name it here."""
        others = {a for p in self.a.authors if p.role != "author" for a in model.affiliation_ids(p)}
        authors = {
            a for p in self.a.authors if p.role == "author" for a in model.affiliation_ids(p)
        }
        return [
            (aff, index)
            for index, aff in enumerate(self.a.affiliations)
            if (aff.id in authors or aff.id not in others)
            and bool(aff.institution or aff.text) == named
        ]

    def authors(self) -> list[dict[str, Any]]:
        numbers = {aff["key"]: aff["id"] for aff in self.affiliations()}
        out = []
        for person in self.a.authors:
            if person.role != "author":
                continue
            if person.collab:
                name = _latin_first(person.collab, self.lang)
            else:
                name = _person_name(_latin_first(person.name or {}, self.lang))
            out.append(
                {
                    "name": name,
                    "email": person.email,
                    "affiliations": [
                        numbers[a] for a in model.affiliation_ids(person) if a in numbers
                    ],
                    "orcid": person.orcid,
                }
            )
        return out

    def abstracts(self) -> list[tuple[str | None, str]]:
        return [
            (iso639_2b(lang), "\n\n".join(plain_text(p) for p in paragraphs))
            for lang, paragraphs in ordered(self.a.abstract, self.lang)
        ]

    def keywords(self) -> list[tuple[str | None, list[str]]]:
        return [
            (iso639_2b(lang), [plain_text(w) for w in words])
            for lang, words in ordered(self.a.keywords, self.lang)
        ]

    def full_text_candidates(self) -> list[dict[str, str]]:
        """The addresses the full-text URL may be, best first: the HTML full text, the PDF,
        the landing page; each with its field and format."""
        out = []
        for kind in ("html", "pdf"):
            found = next((i for i, s in enumerate(self.a.self_uri) if s.type == kind), None)
            if found is not None:
                url = self.a.self_uri[found].url
                out.append({"field": f"self_uri[{found}].url", "url": url, "format": kind})
        if self.a.url:
            out.append({"field": "url", "url": self.a.url, "format": "html"})
        return out

    def full_text(self) -> dict[str, str] | None:
        """The first candidate DOAJ's schema takes (``_FULL_URL``), or None."""
        fitting = (c for c in self.full_text_candidates() if _FULL_URL.fullmatch(c["url"]))
        return next(fitting, None)


def _full_text_problems(view: _View, name: str) -> list[Problem]:
    """No full-text URL is an error, and so is one DOAJ's schema refuses when no other
    candidate is taken; a refused one passed over for the next is a warning."""
    candidates = view.full_text_candidates()
    if not candidates:
        return [Problem(name, 0, 0, NO_FULL_TEXT)]
    chosen = view.full_text()
    first = candidates[0]
    if chosen == first:
        return []
    said = f"{first['field']}: {FULL_URL_RULE} as the full text, not {first['url']!r}"
    if chosen is None:
        return [Problem(name, 0, 0, f"{said}: DOAJ output needs a full-text URL it takes")]
    instead = f"the {chosen['format'].upper()} at {chosen['url']} ({chosen['field']})"
    return [Problem(name, 0, 0, f"{said}: {instead} is given instead", severity="warning")]


def _unnamed_lines(view: _View) -> list[str]:
    """Each affiliation that names no institution, said once: left out of the record."""
    lines = []
    for aff, index in view.unnamed():
        city, state = (_latin_first(v, view.lang) if v else None for v in (aff.city, aff.state))
        country = country_name(aff.country) if aff.country else None
        place = institution_place(city, state, aff.postal_code, country)
        shown = f" ({place})" if place else ""
        lines.append(
            f"affiliations[{index}]: no institution: left out of the DOAJ record, whose "
            f"affiliationName would take its place{shown} as an institution's name (give "
            "institution:)"
        )
    return lines


def render_doaj(article: model.Article, chosen: str | None = None) -> str:
    """The record as text; ``chosen`` is the language to put first (see ``first_language``)."""
    view = _View(article, chosen)
    return environment().get_template("doaj/records.xml.j2").render(v=view, a=article)


def write_doaj(article: model.Article, options: Options, name: str = "output.xml") -> Output:
    """DOAJ article XML; a missing full-text URL or ISSN is a problem; XSD-checked when
    configured."""
    problems = []
    journal = article.journal
    assert isinstance(journal, model.Journal), "article.journal must be resolved"
    if not (journal.issn.print or journal.issn.electronic):
        problems.append(Problem(name, 0, 0, NO_ISSN))
    if _View(article).publication_date() is None:
        problems.append(Problem(name, 0, 0, NO_DATE))
    problems.extend(_full_text_problems(_View(article), name))
    if any(p.severity == "error" for p in problems):
        return Output(b"", problems, suffix=".doaj.xml")
    data = serialize_xml(render_doaj(article, options.doaj_language))
    langs = [article.language, *article.title, *article.abstract, *article.keywords]
    missing = sorted({lang for lang in langs if iso639_2b(lang) is None})
    if missing:
        problems.append(
            Problem(
                name, 0, 0,
                f"language: DOAJ's language codes (ISO 639-2/B) have none for "
                f"{', '.join(map(repr, missing))}: left out of the record's language fields",
                severity="warning",
            )
        )  # fmt: skip
    problems.extend(warnings(name, _unnamed_lines(_View(article))))
    problems.extend(warnings(name, future_dates.in_article(article)))
    problems.extend(warnings(name, not_carried(article, NOT_CARRIED, "the record")))
    problems.extend(xsd_problems("doaj", data, name, options))
    return Output(data, problems, suffix=".doaj.xml")
