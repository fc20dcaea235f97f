"""Read DOAJ article XML (``doajArticles.xsd``): ``<records>`` of ``<record>``, one per article.

What journals upload to DOAJ, what OJS's DOAJ export plugin and ``--to doaj`` write, and what
aggregators receive. A record names its journal (title, ISSNs, publisher), so it converts with
no journal file; ``--journal`` or a journal file beside it still wins. Languages are ISO 639-2/B
codes (``rus``, ``ger``), read as the model's; an author's name is one text, split by the rule
the landing-page reader uses (``person_names``). Each element the schema has is read or said:
what the model cannot hold is a warning, never lost without a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from converter import scripts
from converter.errors import InputError
from converter.messages import shorten
from converter.notices import SIMPLIFIED
from converter.readers.base import Loaded, ReadContext
from converter.readers.common import (
    ADDRESS,
    BOTH_TYPES,
    affiliation_from_text,
    build,
    email_or_warn,
    orcid_or_warn,
    parse_xml,
    read_bytes,
    split_pages,
    valid_issn,
)
from converter.readers.crossmark import article_type_named
from converter.readers.doaj_json import NO_DATE, is_bibjson, language_of, read_json
from converter.readers.markup import Collector, escape_angle, html_inline, inline_text, tidy
from converter.readers.person_names import split_name
from converter.readers.sniffing import XmlStart
from converter.text import is_group_name
from converter.xmlns import local_name

# The record's elements in the schema's order, each read below; any other is said.
_RECORD_ELEMENTS = frozenset(
    {"language", "publisher", "journalTitle", "issn", "eissn", "publicationDate", "volume",
     "issue", "startPage", "endPage", "doi", "publisherRecordId", "documentType", "title",
     "authors", "affiliationsList", "abstract", "fullTextUrl", "keywords"}
)  # fmt: skip
_AUTHOR_ELEMENTS = frozenset({"name", "email", "affiliationId", "orcid_id"})
# fullTextUrl's format: the landing page for html (what OJS's plugin and ``--to doaj`` write
# there), else a link to the full text of that kind; a format the model has no kind for is an
# address of unstated format, said. No format (DOAJ's own upload examples): the address's
# ending names the kind (.pdf), else it is the landing page, so --to doaj can write it back.
_FULL_TEXT_KINDS = {"pdf": "pdf", "xml": "xml", "epub": "epub", "text": "text", "txt": "text"}
# An HTML tag in a text (OJS writes a title's HTML escaped).
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
# A blank line between paragraphs of an abstract (how ``--to doaj`` writes several).
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# The record's elements of the values the model may still refuse (``named_as_source``).
_SOURCE_NAMES = {
    "published.electronic": "<publicationDate>",
    "doi": "<doi>",
    "volume": "<volume>",
    "issue": "<issue>",
    "fpage": "<startPage>",
    "lpage": "<endPage>",
    "elocation_id": "<startPage>",
    "ids.publisher_id": "<publisherRecordId>",
    "journal.title": "<journalTitle>",
    "title": "<title>",
}


# The root's start tag, unprefixed ``<records …>``, and a ``<record>`` start tag in it.
_RECORDS_ROOT = re.compile(r"<records(\s[^>]*)?>")
_RECORD_TAG = re.compile(r"<record[\s/>]")


def sniff(path: Path, head: bytes, start: XmlStart | None = None) -> str | None:
    """DOAJ article XML: the root ``<records>`` in no namespace (DOAJ's schema has none)
    holding a ``<record>``, as the parser finds them (``start``), however far into the file;
    or DOAJ's API article JSON (``bibjson``). Web of Science's ``<records xmlns="…">`` of
    ``<REC>`` is no DOAJ file."""
    from converter.xmlns import root_name

    if start is not None and (start.root != "records" or start.namespace):
        return None
    if start is not None and start.child is not None:
        return "doaj" if (start.child, start.child_namespace) == ("record", "") else None
    text = head.decode("utf-8", "replace")  # (no first child before an error: its first bytes)
    if root_name(text) == "records":
        root = _RECORDS_ROOT.search(text)
        unbound = root is not None and "xmlns=" not in (root.group(1) or "").replace(" ", "")
        return "doaj" if unbound and _RECORD_TAG.search(text, root.end()) else None
    return "doaj" if is_bibjson(text) else None


def read(path: Path, context: ReadContext) -> Iterator[Loaded]:
    """Every record of a DOAJ file: one ``Loaded`` each (``records.xml#2``, stem
    ``records-2``), in document order; a bad record is refused alone."""
    try:
        data = read_bytes(path)
        if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):  # DOAJ's API JSON
            yield from read_json(data, path, context, _stem(path))
            return
        root = parse_xml(data, str(path))
    except InputError as exc:
        yield Loaded(str(path), path.stem, problems=exc.lines())
        return
    if local_name(root) != "records":
        problem = (
            f"{path}: the root element is <{local_name(root)}>, where DOAJ article XML has "
            "<records>: not DOAJ article XML"
        )
        yield Loaded(str(path), path.stem, problems=[problem])
        return
    records = [child for child in root if isinstance(child.tag, str)]
    kept = [child for child in records if local_name(child) == "record"]
    if not kept:
        yield Loaded(str(path), path.stem, problems=[f"{path}: <records> holds no <record>"])
        return
    others = sorted({local_name(child) for child in records} - {"record"})
    for index, record in enumerate(kept, start=1):
        log = Collector()
        for other in others:  # (said with every article: each output lacks it)
            log.warn(f"<records/{other}>: not DOAJ article XML: not read")
        name, stem = f"{path}#{index}", f"{_stem(path)}-{index}"
        article, journal = _Record(record, log).read()
        yield build(
            article,
            path=path,
            name=name,
            stem=stem,
            context=context,
            source_journal=journal,
            warnings=log.warnings,
            source_names=_SOURCE_NAMES,
        )


class _Record:
    """One ``<record>`` read into the native format's mapping and its journal's."""

    def __init__(self, record: etree._Element, log: Collector) -> None:
        self.record = record
        self.log = log
        self.children = [child for child in record if isinstance(child.tag, str)]
        self.lang = self._main_language()

    # ---------------------------------------------------------------- helpers

    def _all(self, name: str) -> list[etree._Element]:
        return [child for child in self.children if local_name(child) == name]

    def _text(self, name: str) -> str:
        """The text of the record's first ``name``; a further one is said as not carried."""
        found = self._all(name)
        for extra in found[1:]:
            self._not_carried(f"<{name}> {shorten(tidy(extra.text or ''), 60)!r}", "a second one")
        return tidy("".join(found[0].itertext())) if found else ""

    def _not_carried(self, what: str, why: str) -> None:
        self.log.warn(f"{what}: {why}: not carried (the article model has no place for it)")

    def _language(self, element: etree._Element, where: str) -> str:
        """The language of a title, abstract or keyword list: its ``language`` attribute, else
        the script's language against the record's (a Latin title in a Russian record is the
        English one), else the record's."""
        code = element.get("language")
        found = language_of(code)
        if code and found is None:
            self.log.warn(
                f"<{where} language={code!r}>: no ISO 639-2 language code: read as the "
                f"record's language ({self.lang})"
            )
        text = tidy("".join(element.itertext()))
        return found or scripts.language_by_script(text, self.lang) or self.lang

    def _main_language(self) -> str:
        """The record's ``<language>`` (the full text's), else its first title's, else 'en'."""
        code = self._text("language")
        found = language_of(code)
        if code and found is None:
            self.log.warn(f"<language> {code!r}: no ISO 639-2 language code: left out")
        if found:
            return found
        titles = self._all("title")
        first = language_of(titles[0].get("language")) if titles else None
        text = tidy("".join(titles[0].itertext())) if titles else ""
        return first or scripts.language_by_script(text, "en") or "en"

    # ---------------------------------------------------------------- the record

    def read(self) -> tuple[dict[str, Any], dict[str, Any]]:
        for child in self.children:
            if local_name(child) not in _RECORD_ELEMENTS:
                self.log.warn(
                    f"<{local_name(child)}>: not an element of DOAJ's article schema: not read"
                )
        data: dict[str, Any] = {
            "language": self.lang,
            "title": self._per_language("title"),
            "published": {"electronic": self._published()},
            "volume": self._text("volume"),
            "issue": self._text("issue"),
            "doi": self._text("doi"),
            "ids": {"publisher_id": self._text("publisherRecordId")},
            **self._pages(),
            **self._document_type(),
            **self._people(),
            "abstract": self._abstracts(),
            "keywords": self._keywords(),
            **self._full_text(),
        }
        return data, self._journal()

    def _published(self) -> str:
        """The publicationDate; a record without one converts, said: the JATS then has no
        pub-date, which indexing services (PMC, DOAJ, Crossref) need to list the article."""
        date = self._text("publicationDate")
        if not date:
            self.log.warn(f"no <publicationDate>: {NO_DATE}")
        return date

    def _journal(self) -> dict[str, Any]:
        journal: dict[str, Any] = {"language": self.lang, "title": {}, "issn": {}}
        title = self._text("journalTitle")
        if title:
            journal["title"][scripts.language_by_script(title, self.lang) or self.lang] = title
        for tag, key in (("issn", "print"), ("eissn", "electronic")):
            value = self._text(tag)
            number = valid_issn(value)
            if value and number is None:
                self.log.warn(f"<{tag}> {value!r}: not an ISSN (its check digit fails): left out")
            elif number:
                journal["issn"][key] = number
        issn = journal["issn"]
        if issn.get("print") and issn.get("print") == issn.get("electronic"):
            # One ISSN, as DOAJ itself refuses two identical: kept as electronic, as every other
            # reader keeps one typed both ways (it was kept as print, unsaid).
            self.log.warn(f"<issn> and <eissn> {issn.pop('print')}: {BOTH_TYPES}", SIMPLIFIED)
        publisher = self._text("publisher")
        if publisher:
            lang = scripts.language_by_script(publisher, self.lang) or self.lang
            journal["publisher"] = {"name": {lang: publisher}}
        return journal

    def _per_language(self, tag: str) -> dict[str, str]:
        """Titles (or abstracts' texts) by language; a second one in a language is said."""
        out: dict[str, str] = {}
        for element in self._all(tag):
            text = self._title_text(element, tag)
            if not text:
                continue
            lang = self._language(element, tag)
            if lang in out:
                self._not_carried(f"<{tag}> {shorten(text, 60)!r}", f"a second one in {lang}")
                continue
            out[lang] = text
        return out

    def _title_text(self, element: etree._Element, tag: str) -> str:
        """A title as model text. OJS's plugin writes a title's HTML escaped ('&lt;i&gt;in
        vitro&lt;/i&gt;'): its italics are the title's, read as the OJS reader reads them, what
        the model has no tag for said; text with no tag in it stays text ('p < 0.05')."""
        text = inline_text(element, f"<{tag}>", self.log)
        raw = "".join(element.itertext())
        if len(element) or not _HTML_TAG.search(raw):
            return text
        return html_inline(raw, f"<{tag}>", self.log)

    def _abstracts(self) -> dict[str, list[str]]:
        """Abstracts by language, each split into paragraphs at its blank lines."""
        out: dict[str, list[str]] = {}
        for element in self._all("abstract"):
            text = "".join(element.itertext())
            paragraphs = [tidy(p) for p in _PARAGRAPH_BREAK.split(text) if tidy(p)]
            if not paragraphs:
                continue
            lang = self._language(element, "abstract")
            if lang in out:
                said = shorten(paragraphs[0], 60)
                self._not_carried(f"<abstract> {said!r}", f"a second one in {lang}")
                continue
            out[lang] = [escape_angle(p) for p in paragraphs]
        return out

    def _keywords(self) -> dict[str, list[str]]:
        """Keywords by language; two lists of one language are one."""
        out: dict[str, list[str]] = {}
        for element in self._all("keywords"):
            words = []
            for child in element:
                if not isinstance(child.tag, str):
                    continue
                if local_name(child) != "keyword":
                    self.log.warn(f"<keywords/{local_name(child)}>: not DOAJ's: not read")
                    continue
                word = tidy("".join(child.itertext()))
                if word:
                    words.append(escape_angle(word))
            if words:
                lang = self._language(element, "keywords")
                known = out.setdefault(lang, [])
                known += [word for word in words if word not in known]
        return out

    def _pages(self) -> dict[str, str]:
        start, end = self._text("startPage"), self._text("endPage")
        pages = split_pages(start) if start else {}
        if end and "elocation_id" in pages:
            # ('e123' is an article number, not a first page: there is no range to end)
            self._not_carried(f"<endPage> {end!r}", f"the first page {start!r} is no page")
        elif end and end != pages.get("fpage"):
            pages["lpage"] = end
        elif end and not start:
            self._not_carried(f"<endPage> {end!r}", "no startPage")
        return pages

    def _document_type(self) -> dict[str, str]:
        words = self._text("documentType")
        if not words:
            return {}
        found = article_type_named(words)
        if found is None:
            self.log.warn(
                f"<documentType> {words!r}: no JATS article type: read as research-article"
            )
            return {}
        return {"article_type": found}

    def _full_text(self) -> dict[str, Any]:
        """fullTextUrl: the landing page (``format="html"`` or none) or a link to the full text."""
        out: dict[str, Any] = {}
        for element in self._all("fullTextUrl"):
            url = tidy(element.text or "")
            if not url:
                continue
            if not ADDRESS.match(url):
                self.log.warn(
                    f"<fullTextUrl> {url!r}: no URL (http://, https:// or ftp://): left out"
                )
                continue
            given = (element.get("format") or "").strip()
            kind = given.lower().rpartition("/")[2]  # ('application/pdf' as some write it)
            if not given:  # DOAJ's own examples: by the address, as the JATS reader's self-uri
                ending = url.lower().rsplit("?", 1)[0].rsplit("/", 1)[-1].rpartition(".")[2]
                kind = ending if ending in _FULL_TEXT_KINDS else "html"
            if kind == "html" and "url" not in out:
                out["url"] = url
                continue
            if kind in _FULL_TEXT_KINDS:
                out.setdefault("self_uri", []).append({"url": url, "type": _FULL_TEXT_KINDS[kind]})
                continue
            if given:
                self.log.warn(
                    f"<fullTextUrl format={given!r}>: a format the model has no kind for: "
                    "read as a full text of unstated format"
                )
            out.setdefault("self_uri", []).append({"url": url, "type": "unspecified"})
        return out

    def _people(self) -> dict[str, Any]:
        """Authors and the affiliations they point to (DOAJ's ids become aff1, aff2 …)."""
        names: dict[str, str] = {}  # DOAJ's affiliationId -> the model's id
        empty: set[str] = set()  # the ids of empty affiliationNames
        affiliations: list[dict[str, Any]] = []
        for holder in self._all("affiliationsList"):
            for item in holder:
                if not isinstance(item.tag, str):
                    continue
                text = tidy("".join(item.itertext()))
                if local_name(item) != "affiliationName":
                    self.log.warn(f"<affiliationsList/{local_name(item)}>: not DOAJ's: not read")
                    continue
                key = (item.get("affiliationId") or "").strip()
                if not text:
                    empty.add(key)  # (OJS writes one for authors with no affiliation)
                    continue
                if key in names:
                    self._not_carried(f"<affiliationName affiliationId={key!r}>", "a second one")
                    continue
                ident = f"aff{len(affiliations) + 1}"
                names[key] = ident
                lang = scripts.language_by_script(text, self.lang) or self.lang
                affiliations.append({"id": ident, **affiliation_from_text(text, lang)})
        authors = []
        for holder in self._all("authors"):
            for index, element in enumerate((e for e in holder if isinstance(e.tag, str)), start=1):
                person = self._author(element, index, names, empty)
                if person:
                    authors.append(person)
        return {"authors": authors, "affiliations": affiliations}

    def _author(
        self,
        element: etree._Element,
        index: int,
        affiliations: dict[str, str],
        empty: set[str],
    ) -> dict[str, Any] | None:
        where = f"<author> {index}"
        if local_name(element) != "author":
            self.log.warn(f"<authors/{local_name(element)}>: not DOAJ's: not read")
            return None
        fields: dict[str, list[str]] = {}
        for child in element:
            if not isinstance(child.tag, str):
                continue
            tag = local_name(child)
            if tag not in _AUTHOR_ELEMENTS:
                self.log.warn(f"{where} <{tag}>: not an element of DOAJ's author: not read")
                continue
            fields.setdefault(tag, []).append(tidy("".join(child.itertext())))
        name = (fields.get("name") or [""])[0]
        if not name:
            self.log.warn(f"{where}: no name: the author is left out")
            return None
        where = f"<author> {name!r}"
        lang = scripts.language_by_script(name, self.lang) or self.lang
        person: dict[str, Any] = (
            {"collab": {lang: name}} if is_group_name(name) else {"name": {lang: split_name(name)}}
        )
        for tag in ("name", "email", "orcid_id"):
            for extra in (fields.get(tag) or [])[1:]:
                self._not_carried(f"{where} <{tag}> {extra!r}", "a second one")
        email = (fields.get("email") or [None])[0]
        person["email"] = email_or_warn(email, self.log.warn, f"{where} <email>")
        orcid = (fields.get("orcid_id") or [None])[0]
        person["orcid"] = orcid_or_warn(orcid, self.log.warn, f"{where} <orcid_id>")
        refs = []
        for key in fields.get("affiliationId") or []:
            ident = affiliations.get(key)
            if ident is None and (not key or key in empty):
                continue  # (an empty id or affiliationName, as OJS writes: nothing to carry)
            if ident is None:
                self.log.warn(
                    f"{where} <affiliationId> {key!r}: no affiliationName of that id: left out"
                )
            elif ident not in refs:
                refs.append(ident)
        person["affiliations"] = refs
        return person


def _stem(path: Path) -> str:
    """'a.doaj.xml' → 'a': the records ``convert --to doaj`` wrote convert to 'a-1.xml', not
    'a.doaj-1.xml'."""
    stem = path.stem
    marker = ".doaj"
    if stem.lower().endswith(marker) and len(stem) > len(marker):
        return stem[: -len(marker)]
    return stem
