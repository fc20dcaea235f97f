"""Read an article's landing page: Highwire ``citation_*`` and Dublin Core ``DC.*`` meta tags, and
the visible abstract, reference list, ISSN lines and licence link where the page shows them.

This is what OJS and most journal platforms serve for Google Scholar, so a page saved from a
journal site converts with no other input. Journal data the page lacks comes from ``--journal``
or a journal file beside the page. HTML is parsed by lxml's HTML parser with no network access.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from converter import inline
from converter.errors import InputError
from converter.model import Article
from converter.readers.base import Loaded, ReadContext
from converter.readers.common import (
    affiliation_from_text,
    build,
    locale_language,
    not_carried,
    orcid_or_warn,
    read_root,
    split_pages,
    valid_issn,
)
from converter.readers.markup import Collector, html_paragraphs, paragraphs, tidy

_ISSN_LINE = re.compile(
    r"(?:ISSN|eISSN|e-ISSN|pISSN|p-ISSN)[\s:]*(\d{4}-?\d{3}[\dXx])\s*\(([^)]{1,40})\)",
    re.IGNORECASE,
)
_PRINT_WORDS = ("print", "печат", "paper")
_ONLINE_WORDS = ("online", "electronic", "электрон", "онлайн", "web", "internet")
_CC_LINK = re.compile(r"^https?://(www\.)?creativecommons\.org/(licenses|publicdomain)/", re.I)
_NUMBERED = re.compile(r"^\[?\d{1,3}[.)\]]\s+")
_INITIALS_LAST = re.compile(r"^(?P<surname>\S+)\s+(?P<given>(?:\w{1,2}\.\s*-?)+)$")
# "Copyright (c) 2018 D. V. Streltsov", "© 2018 The authors", "© Стрельцов Д.В., 2018".
_COPYRIGHT_YEAR_FIRST = re.compile(
    r"^(?:copyright\s*)?(?:\(c\)|©)?\s*(?P<year>\d{4})[,.]?\s+(?P<holder>.+?)\.?$", re.I
)
_COPYRIGHT_YEAR_LAST = re.compile(
    r"^(?:copyright\s*)?(?:\(c\)|©)\s*(?P<holder>.+?),?\s+(?P<year>\d{4})\.?$", re.I
)
_COPYRIGHT_START = re.compile(r"^\s*(copyright\b|©|\(c\))", re.I)

# Meta tags this reader carries into the model; other citation_* and DC.* tags are reported.
_CARRIED_META = frozenset(
    {"citation_title", "citation_language", "dc.language", "dc.title", "dc.title.alternative",
     "citation_doi", "dc.identifier.doi", "citation_volume", "dc.source.volume",
     "citation_issue", "dc.source.issue", "citation_firstpage", "citation_lastpage",
     "dc.identifier.pagenumber", "citation_publication_date", "citation_date",
     "dc.date.issued", "dc.date.created", "dc.date.datesubmitted", "dc.type.articletype",
     "citation_author", "citation_author_institution", "citation_author_affiliation",
     "citation_author_orcid", "citation_author_email", "dc.creator.personalname",
     "dc.description", "citation_abstract", "citation_keywords", "dc.subject", "dc.rights",
     "citation_license", "citation_reference", "citation_pdf_url", "citation_fulltext_html_url",
     "citation_abstract_html_url", "dc.identifier.uri", "citation_journal_title", "dc.source",
     "citation_journal_abbrev", "citation_publisher", "dc.publisher", "dc.source.uri",
     "citation_issn", "dc.source.issn", "citation_eissn", "dc.contributor.sponsor"}
)  # fmt: skip
# Tags that hold no fact of the article (a format, a generic type, the platform's own id).
_BOOKKEEPING_META = frozenset(
    {"dc.format", "dc.type", "dc.identifier", "dc.date.modified",
     "citation_fulltext_world_readable"}
)  # fmt: skip


def sniff(path: Path, head: bytes) -> str | None:
    """An HTML page: the .html/.htm extension, an HTML doctype, or citation meta tags."""
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        return "html"
    text = head.decode("utf-8", "replace").lower()
    if "<!doctype html" in text or re.search(r"<html[\s>]", text) or "citation_title" in text:
        return "html"
    return None


def read(path: Path, context: ReadContext) -> Iterator[Loaded]:
    """The one article a landing page describes."""
    page = read_root(path, _parse)
    if isinstance(page, Loaded):
        yield page
        return
    log = Collector()
    reader = _Page(page, log)
    data, journal = reader.read()
    yield build(
        data,
        path=path,
        name=str(path),
        stem=path.stem,
        context=context,
        source_journal=journal,
        warnings=log.warnings,
    )


def _parse(data: bytes, name: str) -> etree._Element:
    if not data.strip():
        raise InputError(name, ["empty file: not an HTML page"])
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, huge_tree=False)
    try:
        page = lxml_html.document_fromstring(_decode(data, name), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(name, [f"not an HTML page: {exc}"]) from None
    if not page.xpath("//meta[@name]") and not page.xpath("//body//text()[normalize-space()]"):
        raise InputError(name, ["no meta tags and no text: not an article page"])
    return page


def _decode(data: bytes, name: str) -> str:
    """The page's text: its declared charset, else UTF-8 (the parser's own default is Latin-1)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    declared = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), "replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(name, [f"not UTF-8 and no charset declared (byte {exc.start})"]) from None


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").lower().split()


class _Page:
    """The meta tags of one page, in document order, with their languages."""

    def __init__(self, page: etree._Element, log: Collector):
        self.page = page
        self.log = log
        self.meta: list[tuple[str, str, str | None]] = []
        for element in page.iter("meta"):
            name = (element.get("name") or element.get("property") or "").strip()
            content = (element.get("content") or "").strip()
            if name and content:
                lang = element.get("xml:lang") or element.get("lang")
                self.meta.append((name.lower(), content, lang))
        lang = (
            self.first("citation_language", "dc.language")
            or page.get("lang")
            or page.get("xml:lang")
        )
        self.lang = locale_language(lang, "en") or "en"

    def all(self, *names: str) -> list[str]:
        return [content for name, content, _ in self.meta if name in names]

    def first(self, *names: str) -> str | None:
        for name in names:  # the order of names is the order of preference
            found = self.all(name)
            if found:
                return found[0]
        return None

    def by_lang(self, *names: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for name, content, lang in self.meta:
            if name in names:
                out.setdefault(locale_language(lang, self.lang) or self.lang, []).append(content)
        return out

    # ------------------------------------------------------------------------------
    def read(self) -> tuple[dict[str, Any], dict[str, Any]]:
        data: dict[str, Any] = {"language": self.lang}
        titles = {lang: values[0] for lang, values in self.by_lang("dc.title").items()}
        main = self.first("citation_title")
        if main:
            titles[self.lang] = main
        for lang, values in self.by_lang("dc.title.alternative").items():
            titles.setdefault(lang, values[0])
        data["title"] = {lang: tidy(text) for lang, text in titles.items()}
        data["doi"] = self.first("citation_doi", "dc.identifier.doi")
        data["volume"] = self.first("citation_volume", "dc.source.volume")
        data["issue"] = self.first("citation_issue", "dc.source.issue")
        first, last = self.first("citation_firstpage"), self.first("citation_lastpage")
        if first:
            data.update(split_pages(f"{first}-{last}" if last else first))
        else:
            data.update(split_pages(self.first("dc.identifier.pagenumber")))
        data["published"] = self._published()
        data["section"] = {
            lang: values[0] for lang, values in self.by_lang("dc.type.articletype").items()
        }
        data["authors"] = self._authors()
        data["abstract"] = self._abstracts()
        data["keywords"] = self._keywords()
        data["license"] = self._license()
        data["copyright"] = self._copyright()
        data["references"] = self._references()
        links = []
        for name, kind in (("citation_fulltext_html_url", "html"), ("citation_pdf_url", "pdf")):
            url = self.first(name)
            if url:
                links.append({"url": url, "type": kind})
        data["self_uri"] = links
        landing = self.first("citation_abstract_html_url", "dc.identifier.uri")
        if landing and "url" in Article.model_fields:
            data["url"] = landing
        received = self.first("dc.date.datesubmitted")
        if received and re.match(r"^\d{4}-\d{2}-\d{2}", received):
            data["history"] = {"received": received[:10]}
        data["funding"] = [
            {"funder": {lang: tidy(value)}}
            for lang, values in self.by_lang("dc.contributor.sponsor").items()
            for value in values
        ]
        self._report_unread()
        return data, self._journal()

    def _report_unread(self) -> None:
        """One line for each citation_* or DC.* tag with content the model has no place for."""
        for name, _, _ in self.meta:
            if not name.startswith(("citation_", "dc.")):
                continue
            if name not in _CARRIED_META and name not in _BOOKKEEPING_META:
                not_carried(self.log, f'<meta name="{name}">')

    def _copyright(self) -> dict[str, Any]:
        """Year, holder and statement from ``DC.Rights`` tags that are not a licence URL, else
        from the page's visible copyright block ("Copyright (c) 2018 D. V. Streltsov")."""
        statements: dict[str, str] = {}
        for lang, values in self.by_lang("dc.rights").items():
            for value in values:
                if not re.match(r"^https?://", value.strip()) and lang not in statements:
                    statements[lang] = tidy(value)
        if not statements:
            block = self._block("copyright")
            for line in block.itertext() if block is not None else []:
                text = tidy(line)
                if _COPYRIGHT_START.match(text):
                    lang = locale_language(block.get("lang"), self.lang) or self.lang
                    statements.setdefault(lang, text)
        if not statements:
            return {}
        out: dict[str, Any] = {"statement": statements}
        main = statements.get(self.lang) or next(iter(statements.values()))
        match = _COPYRIGHT_YEAR_FIRST.match(main) or _COPYRIGHT_YEAR_LAST.match(main)
        if match:
            out["year"] = int(match["year"])
            lang = next(code for code, text in statements.items() if text == main)
            out["holder"] = {lang: match["holder"].strip()}
        return out

    def _published(self) -> dict[str, str]:
        """A full date is the online publication; a year (or year-month) is the issue's date."""
        value = self.first(
            "citation_publication_date", "citation_date", "dc.date.issued", "dc.date.created"
        )
        if not value:
            return {}
        text = value.strip().replace("/", "-")[:10]
        match = re.match(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
        if not match:
            self.log.warn(f"publication date {value!r} not understood: left out")
            return {}
        year, month, day = match.groups()
        if day:
            return {"electronic": f"{year}-{int(month):02d}-{int(day):02d}"}
        return {"collection": f"{year}-{int(month):02d}" if month else year}

    def _authors(self) -> list[dict[str, Any]]:
        """Highwire authors, each followed by its own institution, ORCID and e-mail tags."""
        people: list[dict[str, Any]] = []
        for name, content, _ in self.meta:
            if name == "citation_author":
                people.append({"name": _split_name(content)})
            elif not people:
                continue
            elif name in ("citation_author_institution", "citation_author_affiliation"):
                people[-1].setdefault("affiliations", []).append(
                    affiliation_from_text(content, self.lang)
                )
            elif name == "citation_author_orcid":
                people[-1]["orcid"] = orcid_or_warn(content, self.log.warn, name)
            elif name == "citation_author_email":
                people[-1]["email"] = content
        if not people:
            people = [{"name": _split_name(c)} for c in self.all("dc.creator.personalname")]
        return people

    def _abstracts(self) -> dict[str, list[str]]:
        abstracts: dict[str, list[str]] = {}
        visible = self._block("abstract")
        if visible is not None:
            paras = paragraphs(visible, "abstract", self.log)
            if paras:
                lang = locale_language(visible.get("lang"), self.lang) or self.lang
                abstracts[lang] = paras
        for name in ("dc.description", "citation_abstract"):
            for lang, values in self.by_lang(name).items():
                if lang not in abstracts:
                    abstracts[lang] = _description(values[0], f"{name}[{lang}]", self.log)
        return abstracts

    def _keywords(self) -> dict[str, list[str]]:
        found = self.by_lang("citation_keywords") or self.by_lang("dc.subject")
        out: dict[str, list[str]] = {}
        for lang, values in found.items():
            for value in values:  # one tag per keyword, or one tag with a ';'-separated list
                out.setdefault(lang, []).extend(
                    tidy(part) for part in re.split(r"[;]", value) if part.strip()
                )
        return out

    def _license(self) -> str | None:
        candidates = [el.get("href") or "" for el in self.page.xpath("//*[@rel]")
                      if "license" in (el.get("rel") or "").lower().split()]  # fmt: skip
        candidates += self.all("dc.rights", "citation_license")
        candidates += [a.get("href") or "" for a in self.page.iter("a")]
        for candidate in candidates:
            if _CC_LINK.match(candidate.strip()):
                return candidate.strip()
        return None

    def _references(self) -> list[str]:
        """The visible reference list when the page shows one, else the citation_reference tags."""
        block = self._block("references", "citations", "bibliography")
        if block is not None:
            items = [inline.plain_text(p) for p in paragraphs(block, "references", self.log)]
            items = [_NUMBERED.sub("", item) for item in items if item]
            if items:
                return items
        return [tidy(item) for item in self.all("citation_reference")]

    def _block(self, *words: str) -> etree._Element | None:
        """The first element whose class or id names one of ``words`` and that holds text."""
        for element in self.page.iter():
            if not isinstance(element.tag, str) or element.tag in ("meta", "head", "html"):
                continue
            tokens = {*_classes(element), (element.get("id") or "").lower()}
            if (
                any(
                    token in (word, f"article{word}") or token.endswith((f"-{word}", f"_{word}"))
                    for token in tokens
                    for word in words
                )
                and "".join(element.itertext()).strip()
            ):
                return element
        return None

    # the journal -----------------------------------------------------------------
    def _journal(self) -> dict[str, Any]:
        journal: dict[str, Any] = {"language": self.lang}
        title = self.first("citation_journal_title", "dc.source")
        if title:
            journal["title"] = {self.lang: title}
        journal["abbrev_title"] = self.first("citation_journal_abbrev")
        journal["issn"] = self._issns()
        publisher = self.first("citation_publisher", "dc.publisher")
        if publisher:
            journal["publisher"] = {"name": {self.lang: publisher}}
        url = self.first("dc.source.uri")
        if url and re.match(r"^https?://\S+$", url):
            journal["url"] = url
        return journal

    def _issns(self) -> dict[str, str]:
        """ISSNs typed by the page's visible 'ISSN … (Print)' lines; meta tags do not say."""
        typed: dict[str, str] = {}
        text = " ".join(self.page.xpath("//body//text()"))
        for number, kind in _ISSN_LINE.findall(text):
            issn = valid_issn(number)
            label = kind.lower()
            if issn and any(word in label for word in _PRINT_WORDS):
                typed.setdefault("print", issn)
            elif issn and any(word in label for word in _ONLINE_WORDS):
                typed.setdefault("electronic", issn)
        for value in self.all("citation_issn", "dc.source.issn", "citation_eissn"):
            issn = valid_issn(value)
            if issn is None or issn in typed.values():
                continue
            slot = "electronic" if "electronic" not in typed else "print"
            if slot in typed:
                continue
            typed[slot] = issn
            self.log.warn(f"the page does not say which ISSN {issn} is: taken as {slot}")
        return typed


def _description(value: str, where: str, log: Collector) -> list[str]:
    """A description tag's paragraphs. OJS writes ``DC.Description`` with the abstract's tags
    stripped, so its paragraphs are left separated by newlines: each line is a paragraph.
    Content with HTML markup is read as HTML."""
    if "<" in value:
        return html_paragraphs(value, where, log)
    return [tidy(line) for line in re.split(r"\s*\n\s*", value) if line.strip()]


def _split_name(text: str) -> dict[str, str]:
    """'Streltsov, D. V.', 'Streltsov D.V.' or 'D. V. Streltsov' → surname and given names."""
    text = tidy(text)
    if "," in text:
        surname, _, given = text.partition(",")
        return (
            {"surname": surname.strip(), "given": given.strip()}
            if given.strip()
            else {"surname": surname.strip()}
        )
    match = _INITIALS_LAST.match(text)
    if match:
        return {"surname": match["surname"], "given": match["given"].strip()}
    given, _, surname = text.rpartition(" ")
    return {"surname": surname, "given": given} if given else {"given": surname}
