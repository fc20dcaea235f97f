"""Read DOAJ's API article JSON: an article (``{"id", "bibjson", …}``), a search's results
(``{"results": [...]}``) or a list of articles, as DOAJ's API gives and takes them.

``bibjson`` names its journal (title, ISSNs as identifiers, publisher), so it converts with no
journal file. It gives no article language: the title's script against the journal's first
language tells it. Every key is read or said; DOAJ's own record keeping (its id, dates, the
``admin`` block) is said as out of scope.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from converter import scripts
from converter.errors import InputError
from converter.languages import normalize_language
from converter.messages import shorten
from converter.notices import OUT_OF_SCOPE, SIMPLIFIED
from converter.readers.base import Loaded, ReadContext
from converter.readers.common import (
    ADDRESS,
    BOTH_TYPES,
    ENGLISH_MONTHS,
    affiliation_from_text,
    build,
    orcid_or_warn,
    parse_json,
    valid_issn,
)
from converter.readers.markup import Collector, escape_angle, tidy
from converter.readers.person_names import split_name
from converter.text import is_group_name

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BIBJSON_KEYS = frozenset(
    {"title", "year", "month", "start_page", "end_page", "abstract", "identifier", "link",
     "author", "keywords", "subject", "journal"}
)  # fmt: skip
_JOURNAL_KEYS = frozenset(
    {"title", "volume", "number", "publisher", "country", "language", "issns", "start_page",
     "end_page"}
)  # fmt: skip

# What a DOAJ record (XML or JSON) without its publication date is said with: it converts, but
# its JATS has no pub-date, which indexing services (PMC, DOAJ, Crossref) need to list it.
NO_DATE = (
    "converted with no publication date (no <pub-date>), which indexing services need; "
    "--to doaj and --to crossref refuse it"
)

# DOAJ's record keeping, no fact of the article.
_RECORD_KEEPING = frozenset({"id", "created_date", "last_updated", "es_type", "admin"})
_SOURCE_NAMES = {
    "published.electronic": "bibjson.year/month",
    "doi": "bibjson.identifier doi",
    "title": "bibjson.title",
    "journal.title": "bibjson.journal.title",
    "fpage": "bibjson.start_page",
    "lpage": "bibjson.end_page",
}


def language_of(code: str | None) -> str | None:
    """The model's code of a DOAJ language code (ISO 639-2/B in its XML, ``rus`` → ``ru``; ISO
    639-1 in capitals in its JSON, ``EN`` → ``en``); None when it is none."""
    if not code or not code.strip():
        return None
    try:
        return normalize_language(code.strip())
    except ValueError:
        return None


# "bibjson" as a key, not a value (an article's keyword "bibjson" is no DOAJ file)
_BIBJSON_KEY = re.compile(r'"bibjson"\s*:')


def is_bibjson(head: str) -> bool:
    """Whether JSON text's beginning is DOAJ's article JSON."""
    opening = head.lstrip("\ufeff \t\r\n")  # (Notepad's byte-order mark first, as read)
    return opening.startswith(("{", "[")) and bool(_BIBJSON_KEY.search(head))


def read_json(data: bytes, path: Path, context: ReadContext, stem: str) -> Iterator[Loaded]:
    """Every article of DOAJ API JSON: ``file.json#2`` (stem ``file-2``) when there are several."""
    name = str(path)
    try:
        value = parse_json(data, name)
    except InputError as exc:
        yield Loaded(name, stem, problems=exc.lines())
        return
    if isinstance(value, dict) and isinstance(value.get("results"), list):
        value = value["results"]  # (a search's page: its total and paging are no article)
    records = value if isinstance(value, list) else [value]
    if not records or not all(isinstance(r, dict) and "bibjson" in r for r in records):
        yield Loaded(name, stem, problems=[f"{name}: not a DOAJ article (no bibjson)"])
        return
    if any(_is_journal(record["bibjson"]) for record in records):
        problem = (
            f"{name}: a DOAJ journal record (its bibjson describes a journal, with no "
            "article's 'journal' in it): jatsconv reads DOAJ's article JSON"
        )
        yield Loaded(name, stem, problems=[problem])
        return
    many = len(records) > 1
    for index, record in enumerate(records, start=1):
        item, item_stem = (f"{name}#{index}", f"{stem}-{index}") if many else (name, stem)
        log = Collector()
        article, journal = _Record(record, log).read()
        yield build(
            article,
            path=path,
            name=item,
            stem=item_stem,
            context=context,
            source_journal=journal,
            warnings=log.warnings,
            source_names=_SOURCE_NAMES,
        )


# Keys only DOAJ's journal JSON gives its bibjson (an article's names its journal under
# ``journal``): such a file has a bibjson too, and was read as an article with no journal title.
_JOURNAL_RECORD_KEYS = frozenset({"eissn", "pissn", "apc", "editorial", "publication_time_weeks"})


def _is_journal(bib: Any) -> bool:
    return isinstance(bib, dict) and "journal" not in bib and bool(_JOURNAL_RECORD_KEYS & set(bib))


def _text(value: Any) -> str:
    return tidy(str(value)) if isinstance(value, str | int | float) else ""


class _Record:
    """One DOAJ article's ``bibjson`` read into the native format's mapping and its journal's."""

    def __init__(self, record: dict[str, Any], log: Collector) -> None:
        self.record = record
        self.log = log
        bib = record.get("bibjson")
        self.bib: dict[str, Any] = bib if isinstance(bib, dict) else {}
        journal = self.bib.get("journal")
        self.journal: dict[str, Any] = journal if isinstance(journal, dict) else {}
        self.lang = self._main_language()

    def _main_language(self) -> str:
        """The title's language, told by its script against the journal's first language."""
        languages = self.journal.get("language")
        first = languages[0] if isinstance(languages, list) and languages else None
        main = language_of(first if isinstance(first, str) else None) or "en"
        return scripts.language_by_script(_text(self.bib.get("title")), main) or main

    def read(self) -> tuple[dict[str, Any], dict[str, Any]]:
        self._say_unread()
        title = _text(self.bib.get("title"))
        article: dict[str, Any] = {
            "language": self.lang,
            "title": {self.lang: escape_angle(title)} if title else {},
            "published": {"electronic": self._date()},
            "volume": _text(self.journal.get("volume")),
            "issue": _text(self.journal.get("number")),
            "fpage": _text(self.bib.get("start_page") or self.journal.get("start_page")),
            "lpage": _text(self.bib.get("end_page") or self.journal.get("end_page")),
            "abstract": self._abstract(),
            "keywords": self._terms("keywords"),
            "subjects": self._subjects(),
            "ids": {"publisher_id": _text(self._admin().get("publisher_record_id"))},
            **self._people(),
            **self._links(),
        }  # fmt: skip
        journal, doi = self._identifiers()
        article["doi"] = doi
        return article, journal

    def _wrong_kind(self, where: str, value: Any, kind: str) -> None:
        said = shorten(value, 60) if isinstance(value, str) else value
        self.log.warn(f"{where} {said!r}: not {kind}: not read")

    def _list(self, key: str) -> list[Any]:
        """``bibjson``'s list ``key``; one written as a number or a text is said, not read (a
        number was a traceback, a text read letter by letter)."""
        value = self.bib.get(key)
        if value is None or isinstance(value, list):
            return value or []
        self._wrong_kind(f"bibjson.{key}", value, "a list")
        return []

    def _admin(self) -> dict[str, Any]:
        value = self.record.get("admin")
        if value is None or isinstance(value, dict):
            return value or {}
        self._wrong_kind("admin", value, "an object")
        return {}

    def _say_unread(self) -> None:
        keeping = sorted(set(self.record) & _RECORD_KEEPING)
        if keeping:
            said = ", ".join(keeping)
            self.log.warn(f"{said}: DOAJ's own record keeping: not read", OUT_OF_SCOPE)
        for key in sorted(set(self.record) - _RECORD_KEEPING - {"bibjson"}):
            self.log.warn(f"{key}: not a key of DOAJ's article JSON: not read")
        for key in sorted(set(self.bib) - _BIBJSON_KEYS):
            self.log.warn(f"bibjson.{key}: not a key of DOAJ's article JSON: not read")
        for key in sorted(set(self.journal) - _JOURNAL_KEYS):
            self.log.warn(f"bibjson.journal.{key}: not a key of DOAJ's article JSON: not read")
        country = _text(self.journal.get("country"))
        if country:
            self.log.warn(
                f"bibjson.journal.country {country!r}: the journal's country: not carried "
                "(the article model has no place for it)"
            )
        languages = self.journal.get("language")
        if isinstance(languages, list) and len(languages) > 1:
            rest = ", ".join(_text(lang) for lang in languages[1:])
            self.log.warn(
                f"bibjson.journal.language: the journal's further languages ({rest}): not "
                "carried (the article model has one language for the journal)"
            )

    def _date(self) -> str:
        """year and month: 'YYYY-MM' (a month by number or English name), else the year."""
        year, month = _text(self.bib.get("year")), _text(self.bib.get("month"))
        if not year:
            self.log.warn(f"no bibjson.year: {NO_DATE}")
        if not month:
            return year
        number = int(month) if month.isdigit() else ENGLISH_MONTHS.get(month.lower().rstrip("."))
        if number is None or not 1 <= number <= 12 or not year:
            self.log.warn(f"bibjson.month {month!r}: no month: left out")
            return year
        return f"{year}-{number:02d}"

    def _abstract(self) -> dict[str, list[str]]:
        text = self.bib.get("abstract")
        if not isinstance(text, str):
            return {}
        paragraphs = [escape_angle(tidy(p)) for p in _PARAGRAPH_BREAK.split(text) if tidy(p)]
        return {self.lang: paragraphs} if paragraphs else {}

    def _terms(self, key: str) -> dict[str, list[str]]:
        words = [escape_angle(_text(v)) for v in self._list(key) if _text(v)]
        return {self.lang: words} if words else {}

    def _subjects(self) -> dict[str, list[str]]:
        """DOAJ's subjects are Library of Congress Classification terms, in English; their
        codes have no place in the model and are said."""
        terms, codes = [], []
        for subject in self._list("subject"):
            if not isinstance(subject, dict):
                continue
            term, code = _text(subject.get("term")), _text(subject.get("code"))
            if term and term not in terms:
                terms.append(escape_angle(term))
            if code:
                codes.append(f"{_text(subject.get('scheme')) or 'scheme'} {code}")
        if codes:
            self.log.warn(
                f"bibjson.subject: the classification codes ({', '.join(codes)}): not carried "
                "(the terms are the article's subjects)"
            )
        return {"en": terms} if terms else {}

    def _identifiers(self) -> tuple[dict[str, Any], str]:
        journal: dict[str, Any] = {"language": self.lang, "title": {}, "issn": {}}
        title = _text(self.journal.get("title"))
        if title:
            journal["title"][scripts.language_by_script(title, self.lang) or self.lang] = title
        publisher = _text(self.journal.get("publisher"))
        if publisher:
            lang = scripts.language_by_script(publisher, self.lang) or self.lang
            journal["publisher"] = {"name": {lang: publisher}}
        doi = ""
        keys = {"pissn": "print", "eissn": "electronic"}
        for ident in self._list("identifier"):
            kind = _text(ident.get("type")).lower() if isinstance(ident, dict) else ""
            value = _text(ident.get("id")) if isinstance(ident, dict) else ""
            where = f"bibjson.identifier {kind or '?'} {value!r}"
            if kind == "doi" and not doi:
                doi = value
            elif kind in keys and keys[kind] not in journal["issn"]:
                number = valid_issn(value)
                if number is None:
                    self.log.warn(f"{where}: not an ISSN (its check digit fails): left out")
                else:
                    journal["issn"][keys[kind]] = number
            elif value:
                self.log.warn(f"{where}: not carried (the article model has no place for it)")
        issn = journal["issn"]
        if issn.get("print") and issn.get("print") == issn.get("electronic"):
            # One ISSN, as DOAJ itself refuses two identical: kept as electronic, as every other
            # reader keeps one typed both ways (it was kept as print, unsaid).
            where = f"bibjson.identifier pissn and eissn {issn.pop('print')}"
            self.log.warn(f"{where}: {BOTH_TYPES}", SIMPLIFIED)
        for issn in self.journal.get("issns") or []:
            number = valid_issn(_text(issn))
            if number is not None and number not in journal["issn"].values():
                self.log.warn(
                    f"bibjson.journal.issns {number!r}: of no type (print or electronic): not "
                    "carried"
                )
        return journal, doi

    def _people(self) -> dict[str, Any]:
        authors: list[dict[str, Any]] = []
        affiliations: list[dict[str, Any]] = []
        ids: dict[str, str] = {}
        for index, author in enumerate(self._list("author"), start=1):
            name = _text(author.get("name")) if isinstance(author, dict) else ""
            if not name:
                self.log.warn(f"bibjson.author[{index - 1}]: no name: the author is left out")
                continue
            where = f"bibjson.author {name!r}"
            lang = scripts.language_by_script(name, self.lang) or self.lang
            person: dict[str, Any] = (
                {"collab": {lang: name}}
                if is_group_name(name)
                else {"name": {lang: split_name(name)}}
            )
            person["orcid"] = orcid_or_warn(_text(author.get("orcid_id")), self.log.warn, where)
            text = _text(author.get("affiliation"))
            if text:
                if text not in ids:
                    ids[text] = f"aff{len(ids) + 1}"
                    aff_lang = scripts.language_by_script(text, self.lang) or self.lang
                    affiliations.append({"id": ids[text], **affiliation_from_text(text, aff_lang)})
                person["affiliations"] = [ids[text]]
            for key in sorted(set(author) - {"name", "orcid_id", "affiliation"}):
                self.log.warn(f"{where} {key}: not a key of DOAJ's author: not read")
            authors.append(person)
        return {"authors": authors, "affiliations": affiliations}

    def _links(self) -> dict[str, Any]:
        """A fulltext link: HTML the landing page, PDF the PDF, another type its kind."""
        out: dict[str, Any] = {}
        for link in self._list("link"):
            if not isinstance(link, dict):
                continue
            url, kind = _text(link.get("url")), _text(link.get("content_type")).lower()
            if not url:
                continue
            if not ADDRESS.match(url):
                self.log.warn(
                    f"bibjson.link {url!r}: no URL (http://, https:// or ftp://): left out"
                )
                continue
            if _text(link.get("type")).lower() not in ("", "fulltext"):
                self.log.warn(f"bibjson.link {url!r}: not a full-text link: not carried")
                continue
            if kind == "html" and "url" not in out:
                out["url"] = url
            else:
                known = kind if kind in ("pdf", "xml", "epub", "html") else "unspecified"
                if kind and known == "unspecified":
                    self.log.warn(
                        f"bibjson.link {url!r} content_type {kind!r}: a type the model has no "
                        "kind for: read as a full text of unstated format"
                    )
                out.setdefault("self_uri", []).append({"url": url, "type": known})
        return out
