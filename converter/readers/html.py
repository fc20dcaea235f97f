"""Read an article's landing page: Highwire ``citation_*``, PRISM ``prism.*`` and Dublin Core
``DC.*`` meta tags, its schema.org JSON-LD, and the visible abstract, reference list, ISSN lines
and licence link where the page shows them.

This is what OJS and most journal platforms serve for Google Scholar, so a page saved from a
journal site converts with no other input. Journal data the page lacks comes from ``--journal``
or a journal file beside the page. HTML is parsed by lxml's HTML parser with no network access.

A fact the page gives in several sources is read from the first, in this order: Highwire
``citation_*`` (what Google Scholar reads, and what journals check), then PRISM (one tag per
bibliographic fact: ``prism.volume``, ``prism.eIssn``), then Dublin Core (broader: Springer
writes the journal and its year as ``dc.source``, ``DC.date`` may be any date of the
article), then JSON-LD (written for search engines, often by another part of the site). A
later source fills what the earlier ones lack; where it states a fact they state otherwise,
the earlier is kept and the disagreement said in one line.
"""

from __future__ import annotations

import codecs
import contextlib
import copy
import re
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from converter.errors import InputError
from converter.identifiers import is_doi, normalize_pmid, read_doi
from converter.languages import language_code
from converter.licenses import spdx_from_text, spdx_from_url
from converter.messages import ENTITY_BOMB, ENTITY_LOOP, shorten
from converter.misdecoded import ENTITY_TEXT, unescaped
from converter.model import LIST_NUMBER, Article, inverted_pages
from converter.name_case import ordinary_case
from converter.notices import SIMPLIFIED, Notice
from converter.readers import jsonld, native
from converter.readers.base import Loaded, ReadContext
from converter.readers.common import (
    ENGLISH_MONTHS,
    affiliation_from_text,
    build,
    email_or_warn,
    identifier_or_warn,
    journal_for,
    locale_language,
    not_carried,
    orcid_or_warn,
    read_root,
    split_pages,
    unlabelled_pages,
    valid_issn,
)
from converter.readers.crossmark import article_type_named
from converter.readers.email_owner import email_owner
from converter.readers.encoding import is_utf8, looks_cp1251, not_utf8, undecodable_at
from converter.readers.keyword_lists import full_stop_list, stray_comma, without_final_full_stop
from converter.readers.markup import (
    BLOCK_TAGS,
    Collector,
    html_inline,
    html_paragraphs,
    paragraphs,
    remove_keeping_tail,
    tidy,
)
from converter.readers.native import JOURNAL_FILE_PLACES
from converter.readers.person_names import all_capitals as _all_capitals
from converter.readers.person_names import name_suffix as _name_suffix
from converter.readers.person_names import recased as _recased
from converter.readers.person_names import split_name as _split_name
from converter.readers.reference_lists import numbered_from_one, pair_lists
from converter.readers.sniffing import XmlStart, reads_within
from converter.scripts import has_cyrillic, language_by_script
from converter.text import NAME_PARTICLES, is_group_name
from converter.validation import InvalidDocument, parse_untrusted

_ISSN_LINE = re.compile(
    r"(?:ISSN|eISSN|e-ISSN|pISSN|p-ISSN)[\s:]*(\d{4}-?\d{3}[\dXx])\s*\(([^)]{1,40})\)",
    re.IGNORECASE,
)
_ISSN_TYPE_FIRST = re.compile(
    r"\b(print|online|electronic)[\s-]*ISSN[\s:]*(\d{4}-?\d{3}[\dXx])\b", re.IGNORECASE
)
# What the robot checks of Cloudflare, which many publishers' sites use, hold in their script.
_ROBOT_CHECK_MARKS = ("_cf_chl_opt", "/cdn-cgi/challenge-platform/")
_PRINT_WORDS = ("print", "печат", "paper")
_ONLINE_WORDS = ("online", "electronic", "электрон", "онлайн", "web", "internet")
_CC_LINK = re.compile(r"^https?://(www\.)?creativecommons\.org/(licenses|publicdomain)/", re.I)
_CC_IN_TEXT = re.compile(
    r"https?://(?:www\.)?creativecommons\.org/(?:licenses|publicdomain)/[^\s\"'<>()]*[^\s\"'<>().,;]",
    re.I,
)
# A sentence after the copyright holder ('… Laboratory. This pre-print is available under …',
# 'The Author(s). Published by Elsevier Ltd.'): a full stop after a word (not an initial,
# 'D. V. Streltsov') or after 'Author(s)', and before a word.
_NEXT_SENTENCE = re.compile(r"(?:(?<=[^\W\d_]{2})|(?<=\(s\)))\.\s+(?=[^\W\d_]{2,}\s)")
# Elsevier's 'Published by Elsevier B.V.' after the holder, or as the whole line.
_PUBLISHED_BY = re.compile(r"^published by\s+", re.I)
# What a reference list shows beside each reference and is none of its text: the links PLOS,
# Nature and Frontiers add under it (View Article, PubMed, Google Scholar), its number label,
# buttons and icons.
_REF_SKIPPED_TAGS = frozenset(
    {"ul", "ol", "button", "svg", "script", "style", "noscript", "form", "input", "img", "select"}
)
_REF_SKIPPED_CLASS = re.compile(r"(?:^|[-_])(?:links?|reflinks|order|label|counter|actions?)$")
# What a site shows inside a block of text that is none of it (``_without_page_furniture``):
# its controls, figures, and lists of subjects, keywords or sharing links.
_INTERFACE_TAGS = frozenset({"button", "form", "input", "select", "nav", "dialog"})
_FIGURE_TAGS = frozenset({"figure", "img", "svg", "iframe"})
_FURNITURE_CLASS = re.compile(
    r"(?:^|[-_])(?:figures?|keywords?|kwd|subjects?|tags?|tagging|physh|share|downloads?)(?:$|[-_])"
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "header"})
# Blocks named 'abstract' that are other texts: ScienceDirect's highlights and graphical abstract.
_NOT_THE_ABSTRACT = re.compile(r"highlights?|graphical", re.I)
# What a page shows where its reference list is still to be loaded by a script.
_LOADING = re.compile(r"^\W*(?:loading|please wait|загрузка|chargement)\b", re.I)
# A structured citation_reference (PLOS, Nature): "citation_title=…; citation_author=…; …".
_TAGGED_REFERENCE = re.compile(r"^\s*citation_[a-z_]+\s*=", re.I)
_TAGGED_FIELD = re.compile(r";\s*(?=citation_[a-z_]+\s*=)", re.I)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# "Copyright (c) 2018 D. V. Streltsov", "© 2018 The authors", "© Стрельцов Д.В., 2018".
_LETTERS = re.compile(r"[^\W\d_]+")
# What separates the keywords a page shows in one list: ';', ',' or CyberLeninka's ' / '.
_SHOWN_SEPARATOR = re.compile(r"\s*[;,]\s*|\s+/\s+")
# Highwire's tags of works that are no journal articles, and what each tells the work is.
_OTHER_KINDS = (
    ("citation_conference_title", "a conference paper"),
    ("citation_dissertation_institution", "a thesis"),
    ("citation_technical_report_institution", "a report"),
    ("citation_technical_report_number", "a report"),
    ("citation_inbook_title", "a chapter of a book"),
    ("citation_book_title", "a chapter of a book"),
)
# The tags Highwire writes after an author's name for that author, and what each gives.
_AUTHOR_TAGS = {
    "citation_author_institution": "institution", "citation_author_affiliation": "institution",
    "citation_author_orcid": "orcid", "citation_author_email": "email",
}  # fmt: skip
_DETAIL_NAMES = {"orcid": "ORCID iD", "email": "e-mail address"}
# The word OJS writes before a copyright line, in the language of its interface: 'Copyright',
# or its translation before '(c)' ('Авторське право (c) 2021 …', 'Prawa autorskie (c) …': up to
# four words), or one of the translations written without '(c)' ('Derechos de autor 2021 …').
_COPYRIGHT_LABEL = (
    r"(?:copyright\s*|[^\W\d_][\w'’/-]*(?:\s+[^\W\d_][\w'’/-]*){0,3}\s*(?=\(c\))"
    r"|(?:derechos de autor|dereitos de autor(?:/a)?|dreitos d'autor|opphavsrett"
    r"|egile-eskubideak|حق نشر)\s*)"
)
_COPYRIGHT_YEAR_FIRST = re.compile(
    rf"^{_COPYRIGHT_LABEL}?(?:\(c\)|©)?\s*(?P<year>\d{{4}})[,.]?\s+(?P<holder>.+?)\.?$", re.I
)
_COPYRIGHT_YEAR_LAST = re.compile(
    rf"^{_COPYRIGHT_LABEL}?(?:\(c\)|©)\s*(?P<holder>.+?),?\s+(?P<year>\d{{4}})\.?$", re.I
)
# 'All rights reserved' and what follows it (Taylor & Francis: '… Ltd All rights reserved:
# reproduction in whole or part not permitted'), no part of a copyright holder.
_ALL_RIGHTS = re.compile(r"[.,;]?\s*\b(all rights reserved|все права защищены)\b.*$", re.I)
# A holder that ends with an initial ('Стрельцов Д.В.', 'Smith J.', 'Elsevier B.V.'): the full
# stop the copyright line ends with is the initial's, not the sentence's, and stays.
_ENDS_WITH_INITIAL = re.compile(r"(?:^|[\s.])[^\W\d_]$")
# OJS 3.0-3.2's line when the year and holder are empty: 'Copyright (c) ', 'Авторське право (c)'
_EMPTY_COPYRIGHT = re.compile(rf"^\s*{_COPYRIGHT_LABEL}?(?:\(c\)|©)?[\s.,]*$", re.I)
_COPYRIGHT_START = re.compile(
    rf"^\s*(?:copyright\b|©|\(c\)|{_COPYRIGHT_LABEL}(?:\(c\)|\d{{4}}))", re.I
)

# Meta tags this reader carries into the model; other citation_* and DC.* tags are reported.
_CARRIED_META = frozenset(
    {"citation_title", "citation_language", "dc.language", "dc.title", "dc.title.alternative",
     "citation_doi", "dc.identifier.doi", "citation_pmid", "citation_volume", "dc.source.volume",
     "citation_issue", "dc.source.issue", "citation_firstpage", "citation_lastpage",
     "dc.identifier.pagenumber", "citation_publication_date", "citation_date",
     "dc.date.issued", "dc.date.created", "dc.date.datesubmitted", "dc.type.articletype",
     "citation_online_date", "citation_author", "citation_author_institution",
     "citation_author_affiliation",
     "citation_author_orcid", "citation_author_email", "dc.creator.personalname",
     "dc.description", "citation_abstract", "citation_keywords", "dc.subject", "dc.rights",
     "citation_license", "citation_reference", "citation_pdf_url", "citation_fulltext_html_url",
     "citation_abstract_html_url", "dc.identifier.uri", "citation_journal_title", "dc.source",
     "citation_journal_abbrev", "citation_publisher", "dc.publisher", "dc.source.uri",
     "citation_issn", "dc.source.issn", "citation_eissn", "dc.contributor.sponsor",
     "dc.creator", "dc.date", "dc.copyright",
     "prism.publicationname", "prism.issn", "prism.eissn", "prism.volume", "prism.number",
     "prism.startingpage", "prism.endingpage", "prism.pagerange", "prism.doi",
     "prism.publicationdate", "prism.coverdate", "prism.datereceived", "prism.copyright",
     "prism.section", "prism.keyword", "prism.url", "citation_public_url", "citation_section",
     "citation_article_type"}
)  # fmt: skip
# The tags of the publication date, in the order of preference; and the order a full date is
# looked for in when the first gives a year alone (OJS's DC.Date.created is the article's date,
# DC.Date.issued its issue's). PRISM's cover date is the issue's (``_published``).
_DATE_TAGS = (
    "citation_publication_date", "citation_date", "prism.publicationdate", "dc.date.issued",
    "dc.date.created", "dc.date", "json-ld published"
)  # fmt: skip
_FULLER_DATE_TAGS = (
    "citation_publication_date", "citation_date", "prism.publicationdate", "dc.date.created",
    "dc.date.issued", "dc.date", "json-ld published"
)  # fmt: skip
_ISSUE_DATE_TAGS = ("prism.coverdate", "json-ld issue_published")
# Tags that hold no fact of the article (a format, a generic type, the platform's own id, the
# dates its record was made and changed, its length). HighWire's citation_mjid is its journal
# code and citation_id ('biorxiv;2020.01.30.926477v1'); its citation_num_pages the PDF's page
# count, bookkeeping like prism.pageCount (the model holds no page count).
_BOOKKEEPING_META = frozenset(
    {"dc.format", "dc.type", "dc.identifier", "dc.date.modified", "citation_id",
     "citation_fulltext_world_readable", "prism.aggregationtype", "prism.contenttype",
     "prism.creationdate", "prism.modificationdate", "prism.wordcount", "prism.pagecount",
     "prism.versionidentifier", "prism.coverdisplaydate", "prism.publicationdisplaydate",
     "prism.issueidentifier", "citation_mjid", "citation_num_pages"}
)  # fmt: skip
# JSON-LD facts in a language: those written without one go under the language their script
# tells (``_Page``).
_LINKED_TEXTS = frozenset(
    {"json-ld title", "json-ld abstract", "json-ld keyword", "json-ld section",
     "json-ld copyright", "json-ld funder"}
)  # fmt: skip
# JSON-LD texts whose markup is read as HTML inline markup (an abstract's as paragraphs).
_LINKED_INLINE = frozenset({"json-ld title", "json-ld keyword", "json-ld section"})
# The families of meta tags whose every tag is carried, kept as bookkeeping, or said.
_REPORTED_META = ("citation_", "dc.", "prism.")
# Dublin Core terms (``DCTERMS.abstract``, ``dcterms:issued``) under the names of the elements
# they refine, as OJS and Springer write those; other terms keep their own (``dc.<term>``).
_DCTERMS = {
    "abstract": "dc.description", "issued": "dc.date.issued", "created": "dc.date.created",
    "datesubmitted": "dc.date.datesubmitted", "modified": "dc.date.modified",
    "license": "dc.rights",
}  # fmt: skip
# Other names sites give Highwire tags (Inter-Research, SciELO), under the names the reader reads.
_HIGHWIRE_ALIASES = {
    "citation_journal_abbreviation": "citation_journal_abbrev",
    "citation_journal_publisher": "citation_publisher",
    "citation_journal_title_abbrev": "citation_journal_abbrev",  # SciELO's
    # HighWire's own name (bioRxiv, medRxiv and the journals it hosts): the full text's page,
    # said as having no place in the model beside the self_uri html the other name gives
    "citation_full_html_url": "citation_fulltext_html_url",
}
# The Dublin Core names HAL and DSpace repositories give a journal and its volume and issue.
_DSPACE_ALIASES = {
    "dc.relation.ispartof": "dc.source", "dc.citation.volume": "dc.source.volume",
    "dc.citation.issue": "dc.source.issue",
}  # fmt: skip
# A record's address in HAL, the French open archive, or its portals: a HAL id ('hal-01234567',
# 'halshs-…', 'tel-…' with its version, 'v2') as the first part of the path.
_HAL_RECORD = re.compile(
    r"^https?://(?:[\w-]+\.)*(?:hal\.science|archives-ouvertes\.fr|hal\.[\w.-]+|hal-[\w.-]+)"
    r"/[a-z]+-\d{8}(?:v\d+)?(?:[/?#]|$)",
    re.I,
)
# Preprint servers a page names as its journal (bioRxiv's and medRxiv's citation_journal_title,
# over citation_publisher "Cold Spring Harbor Laboratory"): their every article is a preprint.
_PREPRINT_SERVERS = frozenset({"biorxiv", "medrxiv"})
# What a page's Dublin Core type says of a preprint: the word, or the OpenAIRE (DRIVER) term
# repositories write.
# bioRxiv's and medRxiv's id of a preprint since December 2019, the day it was posted and a
# number: '2020.01.30.926477' (older ones, '515643', are known by the DOI's suffix only).
_SERVER_ID = re.compile(r"\d{4}\.\d{2}\.\d{2}\.\d{5,}")
_PREPRINT_TYPES = frozenset({"preprint", "info:eu-repo/semantics/preprint"})
# The name Open Preprint Systems (PKP's OJS for preprint servers) writes in the page's
# generator tag, 'Open Preprint Systems 3.3.0.13': its every page is a preprint's.
_OPS_GENERATOR = re.compile(r"^open preprint systems\b", re.I)
# DC.AccessRights values that say the article is free to read (OpenAIRE's term among them).
_OPEN_ACCESS = frozenset({"open", "openaccess", "free", "infoeureposemanticsopenaccess"})
# A type code some platforms write as the section ('OriginalPaper', 'ReviewPaper'): no heading.
_TYPE_CODE = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")


def sniff(path: Path, head: bytes, start: XmlStart | None = None) -> str | None:
    """An HTML page: the .html/.htm extension, an ``<html>`` root (as the parser finds it,
    ``start``, however far into the file: XHTML, or HTML well-formed up to it), an HTML
    doctype, or citation meta tags."""
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        return "html"
    if start is not None and start.root.lower() == "html":
        return "html"
    text = head.decode("utf-8", "replace").lower()
    if "<!doctype html" in text or re.search(r"<html[\s>]", text) or "citation_title" in text:
        return "html"
    if head.lstrip().startswith(b"<") and _citation_meta_within(path):
        return "html"  # (a page without <html>, its head's scripts longer than the head read)
    return None


_CITATION_META = re.compile(rb"<meta\s[^>]*name\s*=\s*[\"']?citation_", re.IGNORECASE)


def _citation_meta_within(path: Path) -> bool:
    """Whether a ``<meta name="citation_…">`` tag comes in the file's first ``LIMIT`` bytes:
    read only for markup no other sniffer claimed."""
    try:
        with path.open("rb") as stream:
            return reads_within(stream, _CITATION_META)
    except OSError:
        return False


def read(path: Path, context: ReadContext) -> Iterator[Loaded]:
    """The one article a landing page describes."""
    log = Collector()
    page = read_root(path, lambda data, name: _parse(data, name, log))
    if isinstance(page, Loaded):
        yield page
        return
    reader = _Page(page, log)
    data, journal = reader.read(journal_given=context.journal is not None)
    if not data.get("title") and _robot_check(page):
        # (a page fetched by a script, not a browser: ACS, APS, T&F and Annual Reviews serve
        # it; "names no article title" sent the user to save the same page again)
        yield Loaded(
            str(path),
            path.stem,
            problems=[
                f"{path}: the page is the site's check against robots ('Just a moment...'), not "
                "the article's: open the article in a browser and save its page from there"
            ],
            warnings=log.warnings,
        )
        return
    if not data.get("title"):
        # (a journal's home page, an issue's table of contents, a full-text page without
        # tags: "title: required field is missing" did not say where a title was looked for)
        yield Loaded(
            str(path),
            path.stem,
            problems=[
                f"{path}: citation_title: the page names no article title (no citation_title, "
                "DC.Title or JSON-LD headline): save the article's landing page, whose head "
                "holds them"
            ],
            warnings=log.warnings,
        )
        return
    first, last = data.get("fpage"), data.get("lpage")
    if inverted_pages(first, last):  # (the model would name its own fpage and lpage)
        problem = (
            f"{path}: {reader.pages_from}: the last page {last!r} comes before the first {first!r}"
        )
        yield Loaded(str(path), path.stem, problems=[problem], warnings=log.warnings)
        return
    if not journal.get("title") and journal_for(path, context) is None:
        # (a magazine's or a preprint server's page names none: "journal.title: required field
        # is missing" sent the user looking in the page for a title it does not hold)
        yield Loaded(
            str(path),
            path.stem,
            problems=[
                f"{path}: citation_journal_title: the page names no journal (no "
                "citation_journal_title, prism.publicationName, DC.Source or JSON-LD isPartOf)"
                + (
                    reader.other_kind()
                    or f": give it with --journal FILE or a journal.yaml {JOURNAL_FILE_PLACES}"
                )
            ],
            warnings=log.warnings,
        )
        return
    yield build(
        data,
        path=path,
        name=str(path),
        stem=path.stem,
        context=context,
        source_journal=journal,
        warnings=log.warnings,
    )


def _robot_check(page: etree._Element) -> bool:
    """Whether a page is the check against robots a site serves instead of the article
    (Cloudflare's 'Just a moment...', its challenge script)."""
    scripts = " ".join(text for script in page.iter("script") for text in script.itertext())
    return any(mark in scripts for mark in _ROBOT_CHECK_MARKS)


_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml\b[^>]*\?>")


def _parse(data: bytes, name: str, log: Collector | None = None) -> etree._Element:
    if not data.strip():
        raise InputError(name, ["empty file: not an HTML page"])
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, huge_tree=False)
    text, note = _decode(data, name)
    if note and log is not None:
        log.warn(note, note.kind)
    # an XHTML page's XML declaration: lxml refuses text that declares its encoding, and the
    # page is already decoded ("Unicode strings with encoding declaration are not supported")
    text = _XML_DECLARATION.sub("", text, count=1)
    if (refused := _declared_entities(data, text)) is not None:
        raise InputError(name, [refused])
    try:
        page = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(name, [f"not an HTML page: {exc}"]) from None
    if (too_long := _too_long_value(page)) is not None:
        raise InputError(name, [too_long])
    # JSON-LD alone is an article page too (the README: "only JSON-LD converts alone"); a
    # page of nothing but its script was refused as holding no meta tags and no text
    if (
        not page.xpath("//meta[@name]")
        and not page.xpath("//body//text()[normalize-space()]")
        and not page.xpath("//script[@type='application/ld+json'][normalize-space()]")
    ):
        raise InputError(name, ["no meta tags and no text: not an article page"])
    return page


_SUBSET_ENTITY = re.compile(r"<!DOCTYPE[^\[>]*\[.*?<!ENTITY\b", re.IGNORECASE | re.DOTALL)
_HTML_START = re.compile(r"<html[\s>]", re.IGNORECASE)


def _declared_entities(data: bytes, text: str) -> str | None:
    """The line refusing an XHTML page whose DOCTYPE's entities are a bomb (nested, or one
    used thousands of times), in the words the XML readers refuse one with, else None. The
    HTML parser expands no entity, so a bomb costs nothing, but a page that is one is no
    landing page (an entity declared once stays inert: '&xxe;' is left as text and said)."""
    start = _HTML_START.search(text)
    if not _SUBSET_ENTITY.search(text, 0, start.start() if start else len(text)):
        return None
    try:
        parse_untrusted(data, "")
    except InvalidDocument as exc:
        said = exc.problems[0]
        if said.message in (ENTITY_BOMB, ENTITY_LOOP):
            return f"line {said.line}: {said.message}" if said.line else said.message
    return None


# A meta tag's content, or text outside what is no field (scripts, styles: a site's bundle or
# its data for the browser can be megabytes; JSON-LD is read as JSON), longer than a field may
# hold (``native._MAX_FIELD``), as XPath so that libxml2 measures it: the first in the page.
_TOO_LONG = etree.XPath(
    f"(//meta/@content[string-length(.) > {native._MAX_FIELD}]"
    f" | //text()[string-length(.) > {native._MAX_FIELD}]"
    "[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)])[1]"
)


def _too_long_value(page: etree._Element) -> str | None:
    """The line refusing a page one of whose meta tags or texts is longer than the 1,000,000
    characters a YAML, JSON or CSV field may hold (a 5 MB citation_title went into every
    output), naming the tag, else None."""
    found = _TOO_LONG(page)
    if not found:
        return None
    value = found[0]
    element = value.getparent()
    if getattr(value, "is_attribute", False):
        named = element.get("name") or element.get("property") or element.get("itemprop")
        where = f'<meta name="{shorten(named, 60)}">' if named else "<meta content>"
    else:
        if getattr(value, "is_tail", False) and element.getparent() is not None:
            element = element.getparent()
        where = f"<{element.tag}>"
        if (parent := element.getparent()) is not None:
            where += f" in <{parent.tag}>"
    line = f"line {element.sourceline}: " if element.sourceline else ""
    return f"{line}{where}: {native.too_long(str(value))}: refused"


_DECLARED = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""")
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _decode(data: bytes, name: str) -> tuple[str, Notice | None]:
    """The page's text, and a notice when it was not read as the page declares.

    A byte-order mark decides; else the declared charset, else UTF-8 (the parser's own default
    is Latin-1). Text is read as meant, and said so: UTF-8 bytes under a single-byte charset (a
    page saved from Windows-1251 and converted, its meta tag left) as UTF-8, Windows-1251
    bytes under UTF-8 as Windows-1251; a few stray bytes (a description cut inside a letter)
    as U+FFFD, said as data dropped. Anything else is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), None
            except UnicodeDecodeError as exc:
                raise InputError(
                    name, [f"not {encoding} after its byte-order mark: {exc}"]
                ) from None
    if data.startswith(b"%PDF-"):
        raise InputError(name, ["a PDF file, not an HTML page"])
    if b"\x00" in data[:64]:  # UTF-16 without its mark: ASCII letters come with a zero byte
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(encoding), None
        except UnicodeDecodeError:
            raise InputError(name, ["zero bytes in its first line: not an HTML page"]) from None
    found = _DECLARED.search(data[:4096])
    label = found.group(1).decode("ascii") if found else None
    try:
        declared = codecs.lookup(label).name if label else None
    except LookupError:
        declared = None
    said = f"the page declares charset {label}" if declared else "no charset is declared"
    if declared and declared != "utf-8":
        if not data.isascii() and is_utf8(data):
            return data.decode("utf-8"), Notice(
                f"{said} but its text is UTF-8: read as UTF-8", SIMPLIFIED
            )
        try:
            return data.decode(declared), None
        except UnicodeDecodeError as exc:
            raise InputError(name, [f"not {label} text, as the page declares: {exc}"]) from None
    if label and not declared:
        said = f"the page's charset {label!r} is no known encoding"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        if looks_cp1251(data):
            # (the test lets a few bytes Windows-1251 lacks pass, 0x98 among them: UTF-8 'И'
            # is D0 98; such text is not Windows-1251 after all, and is judged as UTF-8 below)
            with contextlib.suppress(UnicodeDecodeError):
                return data.decode("cp1251"), Notice(
                    f"{said} but its text is Windows-1251: read as Windows-1251", SIMPLIFIED
                )
        text = data.decode("utf-8", "replace")
        if text.count("\ufffd") > _STRAY_BYTES:
            raise InputError(name, [f"{said}, and {not_utf8(data, exc)}"]) from None
        return text, Notice(
            f"bytes that are not UTF-8 ({undecodable_at(data, error=exc)}): read as U+FFFD"
        )


# Bytes that are not UTF-8 in a UTF-8 page read as U+FFFD rather than refusing the page: a meta
# description cut inside a letter leaves one.
_STRAY_BYTES = 3


def _is_url(text: str) -> bool:
    return re.match(r"^https?://", text.strip()) is not None


def _cc_license(value: str) -> str | None:
    """A Creative Commons licence URL as written, or the SPDX id of one named in words."""
    text = value.strip()
    if _is_url(text):
        return text if _CC_LINK.match(text) else None
    return spdx_from_text(text) if text else None


def _spdx(license_: str) -> str:
    """The SPDX id of a licence ``_cc_license`` gives (a URL of a version it does not know:
    the URL), to tell two spellings of one licence from two licences."""
    return (spdx_from_url(license_) or license_) if _is_url(license_) else license_


def _joined(parts: tuple[str, str | None, str | None]) -> str:
    """A date's year, month and day as the model writes it: '2018', '2018-05', '2018-05-01'."""
    return "-".join(part for part in parts if part)


def _language(value: str | None) -> str | None:
    """The language code of a locale (``ru_RU``, ``sr_RS@latin``: ``locale_language``), an
    ISO 639-2 code or a language's English or Russian name (``rus``, ``Russian``,
    ``Русский``: pages write them in ``citation_language`` and ``DC.Language``) as ISO 639-1
    where there is one; None when it is none of these."""
    if not value or not value.strip():
        return None
    code = locale_language(value, None)
    if code is None:
        return language_code(value)
    primary, _, script = code.partition("-")
    return (language_code(primary) or primary) + (f"-{script}" if script else "")


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").lower().split()


def _meta_key(name: str) -> str:
    """A meta tag's name as this reader looks it up: lower case, ``prism:volume`` and
    ``dc:title`` as ``prism.volume`` and ``dc.title``, a Dublin Core term as its element
    (``_DCTERMS``), another name for a Highwire tag as the tag (``_HIGHWIRE_ALIASES``)."""
    key = re.sub(r"^(prism|dc|dcterms):", r"\1.", name.lower())
    key = _HIGHWIRE_ALIASES.get(key, _DSPACE_ALIASES.get(key, key))
    if key.startswith("dcterms."):
        term = key.removeprefix("dcterms.")
        return _DCTERMS.get(term, f"dc.{term}")
    if key.startswith("dc.") and key.removeprefix("dc.") in _DCTERMS:  # HAL's 'DC.issued'
        return _DCTERMS[key.removeprefix("dc.")]
    return key


def _same_number(one: str, other: str) -> bool:
    """Whether two volumes or issues are one ('5', 'Vol. 5', '05')."""

    def bare(text: str) -> str:
        text = re.sub(r"^(?:vol(?:ume)?|no|issue|n|№|т|вып)\.?\s*", "", text.strip(), flags=re.I)
        return text.lstrip("0").casefold() or text

    return bare(one) == bare(other)


def _same_text(one: str, other: str) -> bool:
    """Whether two titles or names are one: the same words without markup and punctuation,
    or one the start of the other ('Journal of Happiness Studies 2022', as Springer writes
    ``dc.source``; a title with its subtitle; 'Springer' of 'Springer Netherlands')."""
    first, second = _comparable(one), _comparable(other)
    return not first or not second or first.startswith(second) or second.startswith(first)


def _same_page(one: str, other: str) -> bool:
    """Whether two addresses are one landing page: the same address, or HighWire's abstract
    view of it (bioRxiv's '…/2020.01.28.923011v1.abstract' of '…/2020.01.28.923011v1')."""

    def bare(address: str) -> str:
        return address.strip().rstrip("/").removesuffix(".abstract")

    return bare(one) == bare(other)


def _page_text(pages: dict[str, str]) -> str:
    """Pages as one text: '110-119', '110', 'e123'."""
    if "elocation_id" in pages:
        return pages["elocation_id"]
    return "-".join(pages[key] for key in ("fpage", "lpage") if key in pages)


def _same_pages(one: dict[str, str], other: dict[str, str]) -> bool:
    """Whether two sources give the same pages: the same first page (or e-location), and the
    same last page where both give one."""
    if one.get("fpage") != other.get("fpage") or one.get("elocation_id") != other.get(
        "elocation_id"
    ):
        return False
    return not (one.get("lpage") and other.get("lpage")) or one["lpage"] == other["lpage"]


class _Page:
    """The meta tags of one page, in document order, with their languages; and its JSON-LD
    facts after them, as tags named ``json-ld <fact>`` (``jsonld.Fact``)."""

    def __init__(self, page: etree._Element, log: Collector):
        self.page = page
        self.log = log
        self.meta: list[tuple[str, str, str | None]] = []
        self.spelled: dict[str, str] = {}  # a tag's name as the page writes it, for messages
        self.pages_from = ""  # the tags the pages are read from, for a refusal to name them
        self.read_instead: set[str] = set()  # tags read only for want of the usual ones
        self.recased: dict[str, list[str]] = {}  # names written in capitals, by tag, as read
        for element in page.iter("meta"):
            name = (element.get("name") or element.get("property") or "").strip()
            content = (element.get("content") or "").strip()
            if name and content:
                lang = element.get("xml:lang") or element.get("lang")
                key = _meta_key(name)
                self.spelled.setdefault(key, name)
                self.meta.append((key, content, lang))
        # (parsed only when the page has such a script)
        self.linked = jsonld.read(page, log) or jsonld.LinkedArticle()
        self.spelled.update(
            {"json-ld author": "JSON-LD author", "json-ld citation": "JSON-LD citation"}
        )
        for fact in self.linked.facts:
            key, text = f"json-ld {fact.key}", fact.text
            self.spelled.setdefault(key, f"JSON-LD {fact.where}")
            if key in _LINKED_INLINE and "<" in text:  # OUP: '<italic>Clethrionomys</italic>'
                text = html_inline(text, f"JSON-LD {fact.where}", log)
            self.meta.append((key, text, fact.lang))
        self.lang = self._article_language()
        # JSON-LD tags one language for the whole article, if any: a text in another script
        # (the English headline of a Russian article) is in the language its script tells
        self.meta = [
            (key, text, lang or language_by_script(re.sub(r"<[^>]+>", "", text), self.lang))
            if key in _LINKED_TEXTS
            else (key, text, lang)
            for key, text, lang in self.meta
        ]

    def other_kind(self) -> str:
        """What else than a journal article the page describes, and what to do, said after
        'names no journal' (ACL's and USENIX's conference papers, HAL's theses, NBER's working
        papers, which --journal would convert as a journal's articles); '' for none."""
        for tag, kind in _OTHER_KINDS:
            value = self.first(tag)
            if value:
                return (
                    f"; it describes {kind} ({self._shown(tag)} {value!r}), not a journal "
                    "article: give the journal it is published in with --journal FILE or a "
                    f"journal.yaml {JOURNAL_FILE_PLACES}"
                )
        return ""

    def _shown(self, name: str) -> str:
        """A tag's name as the page writes it ('prism.publicationName', 'JSON-LD headline')."""
        return self.spelled.get(name, name)

    def _article_language(self) -> str:
        """``citation_language``, else ``DC.Language``, else JSON-LD's ``inLanguage``, else the
        page's ``lang``, else English. A value that is no language (a code or name
        ``_language`` does not know) is said and the next is read; one that names another
        language than the one read is said."""
        unknown: list[str] = []
        known: list[tuple[str, str]] = []
        for name in ("citation_language", "dc.language", "json-ld language"):
            for value in self.all(name):
                if _language(value):
                    known.append((name, value))
                else:
                    unknown.append(f"{self._shown(name)} {value!r}")
        code = _language(known[0][1]) if known else None
        code = code or _language(self.page.get("lang") or self.page.get("xml:lang")) or "en"
        for what in unknown:
            self.log.warn(f"{what}: not a language code or name: the article is taken as {code}")
        self._disagreement("language", known, lambda one, other: _language(one) == _language(other))
        return code

    def _settled(
        self, fact: str, names: tuple[str, ...], same: Callable[[str, str], bool] = _same_number
    ) -> str | None:
        """The value of the first of ``names`` the page gives (their order is the order of
        precedence); the values of the others that are not ``same`` as it are said in one
        line."""
        found = [(name, value) for name in names for value in self.all(name)]
        self._disagreement(fact, found, same)
        return found[0][1] if found else None

    def _disagreement(
        self, fact: str, found: list[tuple[str, str]], same: Callable[[str, str], bool]
    ) -> None:
        """One line naming the values in ``found`` (tag, value) that state ``fact`` otherwise
        than the first, which is read."""
        if not found:
            return
        (name, kept), others = found[0], found[1:]
        differ = list(dict.fromkeys((n, v) for n, v in others if not same(kept, v)))
        if differ:
            said = ", ".join(f"{self._shown(n)} {v!r}" for n, v in differ)
            verb = "says" if len(differ) == 1 else "say"
            self.log.warn(
                f"{fact}: {self._shown(name)} {kept!r} is read; {said} {verb} otherwise: left out"
            )

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
                out.setdefault(_language(lang) or self.lang, []).append(content)
        return out

    def by_script(self, name: str, *, halves: bool = False) -> dict[str, list[str]]:
        """``by_lang`` for one tag, its values written without a language under the language
        their script tells when there are several in more than one script: sites write one
        untagged tag per language (the second abstract was dropped, the second keyword list
        merged into the first). With ``halves`` (keywords, where a Russian list holds 'G7' or
        'ASEAN') only when the values are two runs of as many tags each: 'санкции; …' then
        'sanctions; …', or three Russian keywords then three English ones."""
        untagged = [
            content for tag, content, lang in self.meta if tag == name and not _language(lang)
        ]
        scripts = [language_by_script(re.sub(r"<[^>]+>", "", text), self.lang) for text in untagged]
        sorted_ = len(set(scripts)) > 1 and None not in scripts
        if sorted_ and halves:
            turns = sum(1 for a, b in pairwise(scripts) if a != b)
            sorted_ = turns == 1 and scripts.count(scripts[0]) * 2 == len(scripts)
        languages = iter(scripts if sorted_ else [self.lang] * len(untagged))
        out: dict[str, list[str]] = {}
        for tag, content, lang in self.meta:
            if tag == name:
                out.setdefault(_language(lang) or str(next(languages)), []).append(content)
        return out

    # ------------------------------------------------------------------------------
    def read(self, *, journal_given: bool = False) -> tuple[dict[str, Any], dict[str, Any]]:
        """The article's data and the page's journal; with ``journal_given`` (``--journal``,
        which replaces the page's journal whole) a preprint's server is not taken for one."""
        data: dict[str, Any] = {"language": self.lang}
        data["title"] = {lang: tidy(text) for lang, text in self._titles().items()}
        data["doi"] = self._doi()
        pmid = identifier_or_warn(
            self.first("citation_pmid"), normalize_pmid, self.log.warn, "citation_pmid"
        )
        if pmid:
            data["ids"] = {"pmid": pmid}
        data["volume"] = self._settled(
            "volume", ("citation_volume", "prism.volume", "dc.source.volume", "json-ld volume")
        )
        data["issue"] = self._settled(
            "issue", ("citation_issue", "prism.number", "dc.source.issue", "json-ld issue")
        )
        data.update(self._pages())
        data["published"] = self._published()
        data["section"] = self._section()
        data["authors"] = self._authors()
        data["abstract"] = self._abstracts()
        texts = {lang: [text] for lang, text in data["title"].items()}
        for lang, paras in data["abstract"].items():
            texts.setdefault(lang, []).extend(paras)
        data["keywords"] = self._keywords({lang: " ".join(t) for lang, t in texts.items()})
        data["license"] = self._license()
        self._access_rights(data["license"])
        data["copyright"] = self._copyright()
        data["references"] = self._references()
        body = self.page.xpath("//*[@itemprop='articleBody']")
        if not data["references"] and body and "".join(body[0].itertext()).strip():
            # (CyberLeninka shows the article's text, read from its PDF, reference list and all)
            self.log.warn(
                'the page shows the article\'s full text (itemprop="articleBody") and no '
                "reference list or citation_reference tags: its references are not read"
            )
        links = []
        for name, kind in (("citation_fulltext_html_url", "html"), ("citation_pdf_url", "pdf")):
            url = self.first(name)
            if url:
                links.append({"url": url, "type": kind})
        data["self_uri"] = links
        landing = self._landing()
        if landing and "url" in Article.model_fields:
            data["url"] = landing
        article_type = self._article_type()
        if article_type:
            data["article_type"] = article_type
        data["history"] = self._history(min(data["published"].values(), default=None))
        funders = self.by_lang("dc.contributor.sponsor") or self.by_lang("json-ld funder")
        data["funding"] = [
            {"funder": {lang: tidy(value)}} for lang, values in funders.items() for value in values
        ]
        evidence = self._preprint()
        if evidence:
            data["preprint"] = True
            self._server_id(data)
        self._report_unread()
        return data, self._journal(server_as_journal=bool(evidence) and not journal_given)

    def _landing(self) -> str | None:
        """The article's landing page: ``citation_abstract_html_url``, else
        ``DC.Identifier.URI``, else ``prism.url``, else HighWire's ``citation_public_url``
        (bioRxiv, medRxiv and the journals HighWire hosts: the article's public address). A
        public address that is not the one read is said; HighWire's abstract view of it
        (bioRxiv's '…v1.abstract' beside '…v1') is the same page."""
        names = ("citation_abstract_html_url", "dc.identifier.uri", "prism.url")
        read = next(((name, self.all(name)[0]) for name in names if self.all(name)), None)
        public = [("citation_public_url", value) for value in self.all("citation_public_url")]
        if read is None:
            if not public:
                return None
            read, public = public[0], public[1:]
        self._disagreement("url", [read, *public], _same_page)
        return read[1]

    def _article_type(self) -> str | None:
        """HighWire's ``citation_article_type`` as the JATS article-type it names: a JATS 1.4
        suggested value in any case, with spaces for its hyphens ('Research Article'; the
        Tag Library asks for case-insensitive matching), or the publisher's words the Crossmark
        reader reads ('Article', 'Review Article', 'Letter'). Others — bioRxiv's 'New Results',
        'Confirmatory Results', 'Contradictory Results' — name no JATS type: said, and the
        article stays a research article."""
        found = self.all("citation_article_type")
        kinds = [(value, article_type_named(value)) for value in found]
        named = [(value, kind) for value, kind in kinds if kind]
        # (the type written: the one another citation_article_type names, if any; it said
        # research-article beside a 'Review Article' read as review-article)
        written = named[0][1] if named else "research-article"
        for value, kind in kinds:
            if kind is None:
                self.log.warn(
                    f"citation_article_type {value!r}: no JATS article-type: left out (the "
                    f"article is written as {written})"
                )
        if not named:
            return None
        (_, kept), others = named[0], named[1:]
        differ = [value for value, kind in others if kind != kept]
        if differ:
            said = ", ".join(f"citation_article_type {value!r}" for value in differ)
            verb = "says" if len(differ) == 1 else "say"
            self.log.warn(
                f"article type: citation_article_type {named[0][0]!r} ({kept}) is read; "
                f"{said} {verb} otherwise: left out"
            )
        return kept

    def _preprint(self) -> str:
        """What in the page says its article is a preprint ('' for nothing), said when read:
        JSON-LD's ``creativeWorkStatus`` 'Preprint', a ``DC.Type`` 'Preprint', the
        generator tag of Open Preprint Systems (whose Google Scholar tags say nothing of it),
        or a journal title that is a preprint server's name (bioRxiv, medRxiv). Never the
        site's address: a journal's own site may host its preprints beside its articles."""
        found = ""
        for value in self.all("json-ld status"):
            if value.strip().casefold() == "preprint":
                found = found or f"{self._shown('json-ld status')} {value!r}"
            else:
                not_carried(self.log, f"{self._shown('json-ld status')} {value!r}")
        for value in self.all("dc.type"):
            if value.strip().casefold() in _PREPRINT_TYPES:
                found = found or f"{self._shown('dc.type')} {value!r}"
        generator = self.first("generator") or ""
        if not found and _OPS_GENERATOR.match(generator):
            found = f"the page's generator {generator!r}"
        names = ("citation_journal_title", "prism.publicationname", "dc.source", "json-ld journal")
        for name in names:
            value = self.first(name) or ""
            if not found and _comparable(value) in _PREPRINT_SERVERS:
                found = f"{self._shown(name)} {value!r}, a preprint server"
        if found:
            self.log.warn(f"{found}: the article is read as a preprint", SIMPLIFIED)
        return found

    def _server_id(self, data: dict[str, Any]) -> None:
        """A preprint's "first page" that is its id on the server: bioRxiv and medRxiv write
        '2020.01.30.926477' (their DOI's suffix) as ``citation_firstpage``, which was read as
        the article's elocation-id, an article number it has not. Kept as the article's
        publisher-id instead (the server's own id of it), said."""
        first = (self.first("citation_firstpage") or "").strip()
        if not first or first not in (data.get("elocation_id"), data.get("fpage")):
            return
        suffix = (data.get("doi") or "").partition("/")[2]
        if not (_SERVER_ID.fullmatch(first) or first.casefold() == suffix.casefold()):
            return
        for key in ("fpage", "lpage", "elocation_id"):
            data.pop(key, None)
        # (no other tag gives the article a publisher-id — citation_id is the platform's own
        # id, bookkeeping —, so this one overwrites none)
        data.setdefault("ids", {})["publisher_id"] = first
        self.log.warn(
            f"citation_firstpage {first!r} is the preprint's id on its server, no page or "
            "article number: written as its publisher-id",
            SIMPLIFIED,
        )

    def _pages(self) -> dict[str, str]:
        """``citation_firstpage`` and ``citation_lastpage``, else PRISM's starting and ending
        page (or page range), else ``DC.Identifier.pageNumber``, else JSON-LD's ``pageStart``
        and ``pageEnd`` (or ``pagination``), without the word for pages editors type before
        them ("С. 110", as the OJS reader reads its pages field). Pages a later source gives
        otherwise are said."""
        found: list[tuple[str, str]] = []
        highwire = self._highwire_pages()
        if highwire:
            last = "citation_lastpage" if self.first("citation_lastpage") else ""
            found.append((self._pair("citation_firstpage", last), _page_text(highwire)))
        for first, last, whole in (
            ("prism.startingpage", "prism.endingpage", "prism.pagerange"),
            ("", "", "dc.identifier.pagenumber"),
            ("json-ld fpage", "json-ld lpage", "json-ld pages"),
        ):
            opening = self.first(first) if first else None
            closing = self.first(last) if last else None
            if opening:
                pair = self._pair(first, last if closing else "")
                found.append((pair, f"{opening}-{closing}" if closing else opening))
            elif self.first(whole):
                found.append((whole, self.first(whole) or ""))
        found = [(name, unlabelled_pages(text)) for name, text in found]
        self._disagreement(
            "pages", found, lambda one, other: _same_pages(split_pages(one), split_pages(other))
        )
        pages = highwire or (split_pages(found[0][1]) if found else {})
        if found:
            self.pages_from = self.spelled.get(found[0][0], found[0][0])
        if "fpage" in pages and "lpage" not in pages:  # a later source's last page of it
            later = (split_pages(text) for _, text in found[1:])
            last = next(
                (p["lpage"] for p in later if p.get("fpage") == pages["fpage"] and p.get("lpage")),
                None,
            )
            if last:
                pages = {**pages, "lpage": last}
        return pages

    def _pair(self, first: str, last: str) -> str:
        """The name of a first-page tag, or of it and its last-page tag ('prism.startingPage/
        prism.endingPage'), for the pages they give together."""
        if not last:
            return first
        pair = f"{first}/{last}"
        self.spelled.setdefault(pair, f"{self._shown(first)}/{self._shown(last)}")
        return pair

    def _highwire_pages(self) -> dict[str, str]:
        """``citation_firstpage`` and ``citation_lastpage``. OJS writes its whole pages field
        as citation_firstpage: a range there is read, and a citation_lastpage that disagrees
        with it is said."""
        first, last = self.first("citation_firstpage"), self.first("citation_lastpage")
        if not first:
            if last:
                self.log.warn(f"citation_lastpage {last!r} without citation_firstpage: left out")
            return {}
        opening = unlabelled_pages(first)
        closing = unlabelled_pages(last) if last else ""
        if not closing:
            return split_pages(opening)
        if re.search(r"[-\u2013\u2014]", opening):
            pages = split_pages(opening)
            if closing != pages.get("lpage", pages.get("fpage")):
                self.log.warn(
                    f"citation_lastpage {last!r} is not the last page of citation_firstpage "
                    f"{first!r}: left out"
                )
            return pages
        return split_pages(f"{opening}-{closing}")

    def _section(self) -> dict[str, str]:
        """``DC.Type.articleType``, else ``prism.section``, else JSON-LD's ``articleSection``,
        else HighWire's ``citation_section`` (bioRxiv's 'New Results'); one that states another
        section in the same language than the one read is said.
        OJS writes the section's name in the journal's primary language with no ``xml:lang``:
        a Russian journal's English article had 'Статьи' as its English section. Untagged, the
        script tells the language. A type code in its place (Springer's ``prism.section``
        'OriginalPaper') is no heading: said and left out."""
        section: dict[str, str] = {}
        found: dict[str, list[tuple[str, str]]] = {}
        names = ("dc.type.articletype", "prism.section", "json-ld section", "citation_section")
        for wanted in names:
            for name, content, lang in self.meta:
                if name != wanted:
                    continue
                if _TYPE_CODE.match(content):
                    self.log.warn(
                        f"{self._shown(name)} {content!r}: a type code, not a section heading: "
                        "left out"
                    )
                    continue
                code = _language(lang)
                code = code or language_by_script(content, self.lang) or self.lang
                section.setdefault(code, tidy(content))
                found.setdefault(code, []).append((name, tidy(content)))
        for code, values in found.items():
            self._disagreement(f"section[{code}]", values, _same_text)
        return section

    def _titles(self) -> dict[str, str]:
        """``citation_title`` (else ``DC.Title``) and ``DC.Title.Alternative`` per language.

        The title written without a language is not always in the article's: OJS 2 writes it,
        and OJS 3.0-3.2 its ``DC.Title``, in the language of the interface the page was saved
        in, with the other languages' titles as alternatives. A Russian article saved in English
        had its English title under Russian."""
        alternatives: dict[str, str] = {}
        for lang, values in self.by_lang("dc.title.alternative").items():
            alternatives.setdefault(lang, values[0])
        found: dict[str, list[tuple[str, str]]] = {}
        for name in ("citation_title", "dc.title", "json-ld title"):
            untagged = [content for tag, content, lang in self.meta if tag == name and not lang]
            for tag, content, lang in self.meta:
                if tag != name:
                    continue
                code = _language(lang)
                if not code and len(untagged) > 1:
                    # one untagged title per language, as some sites write them: the script's
                    code = language_by_script(content, self.lang)
                code = code or self._language_of(content, alternatives)
                found.setdefault(code, []).append((name, content))
        titles = {lang: values[0][1] for lang, values in found.items()}
        for lang, values in found.items():
            self._disagreement(f"title[{lang}]", values, _same_text)
        for lang, text in alternatives.items():
            titles.setdefault(lang, text)
        return titles

    def _language_of(self, text: str, tagged: dict[str, str]) -> str:
        """The language of a text the page gives without one (the main title, the visible
        abstract): that of the tagged text it repeats (an alternative title, a DC.Description),
        else the one its script tells when the article's own language has a text of its own
        among the tagged ones and the script's has none, else the article's."""
        key = _comparable(text)
        for lang, other in tagged.items():
            if key and _comparable(other) == key:
                return lang
        by_script = language_by_script(re.sub(r"<[^>]+>", "", text), self.lang)
        if by_script and by_script != self.lang and self.lang in tagged and by_script not in tagged:
            return by_script
        return self.lang

    def _report_unread(self) -> None:
        """One line for each citation_*, prism.* or DC.* tag with content the model has no
        place for, and each JSON-LD property of the article (or of an author) likewise."""
        for name, _, _ in self.meta:
            if not name.startswith(_REPORTED_META):
                continue
            if name not in (*_CARRIED_META, *_BOOKKEEPING_META, *self.read_instead):
                not_carried(self.log, f'<meta name="{name}">')
        for path in self.linked.unread:
            not_carried(self.log, f"JSON-LD {path}")

    def _copyright(self) -> dict[str, Any]:
        """Year, holder and statement from ``DC.Rights`` tags that are not a licence URL (else
        ``dc.copyright``, ``prism.copyright``, JSON-LD's ``copyrightNotice``), else from the
        page's visible copyright block ("Copyright (c) 2018 D. V. Streltsov"); the year and
        holder the statement does not give from JSON-LD's ``copyrightYear`` and
        ``copyrightHolder``."""
        statements: dict[str, str] = {}
        rights = [
            item
            for name in ("dc.rights", "dc.copyright", "prism.copyright", "json-ld copyright")
            for item in self.by_lang(name).items()
        ]
        for lang, values in rights:  # Nature's dc.copyright ('2021 The Author(s)') after
            for value in values:
                # OJS 3.0-3.2 writes 'Copyright (c)  ' when the year and holder are empty
                empty = _EMPTY_COPYRIGHT.match(value) is not None
                # (a licence named in DC.Rights is the licence, ``_license``)
                if not _is_url(value) and not empty and not spdx_from_text(value):
                    statements.setdefault(lang, tidy(value))
        if not statements:
            block = self._block("copyright")
            for line in block.itertext() if block is not None else []:
                text = tidy(line)
                if _COPYRIGHT_START.match(text):
                    lang = _language(block.get("lang")) or self.lang
                    statements.setdefault(lang, text)
        out: dict[str, Any] = {"statement": statements} if statements else {}
        main = statements.get(self.lang) or next(iter(statements.values()), "")
        match = _COPYRIGHT_YEAR_FIRST.match(main) or _COPYRIGHT_YEAR_LAST.match(main)
        if match:
            out["year"] = int(match["year"])
            lang = next(code for code, text in statements.items() if text == main)
            # '©2020 Macmillan Publishers Limited. All Rights Reserved.': the holder is the first
            holder = _NEXT_SENTENCE.split(_ALL_RIGHTS.sub("", match["holder"]).strip())[0]
            holder = _PUBLISHED_BY.sub("", holder)
            if _ENDS_WITH_INITIAL.search(holder) and main.endswith(f"{holder}."):
                holder += "."
            out["holder"] = {lang: holder}
        year, holder = self.first("json-ld copyright_year"), self.first("json-ld copyright_holder")
        if year and "year" not in out and re.fullmatch(r"\d{4}", year):
            out["year"] = int(year)
        if holder and "holder" not in out:
            out["holder"] = {self.lang: tidy(holder)}
        return out

    def _doi(self) -> str | None:
        """The first DOI among ``citation_doi``, ``prism.doi``, ``DC.Identifier.DOI``,
        ``DC.Identifier`` with ``scheme="doi"`` or without a scheme when it is a DOI
        (Springer: 'doi:10.1007/…'; OJS writes its own id there), and JSON-LD's. Project
        Euclid writes citation_doi without its prefix ('ade/1391109086') and the whole DOI in
        DC.Identifier; one that is no DOI is said and left out (it refused the whole article),
        and so is another DOI than the one read."""
        found = [(name, value) for name in ("citation_doi", "prism.doi", "dc.identifier.doi")
                 for value in self.all(name)]  # fmt: skip
        schemed = [
            str(value)
            for value in self.page.xpath(
                "//meta[translate(@name, 'DCIDENTFR', 'dcidentfr') = 'dc.identifier'"
                " and translate(@scheme, 'DOI', 'doi') = 'doi']/@content"
            )
        ]
        found += [("dc.identifier", value) for value in schemed]
        found += [
            ("dc.identifier", value)
            for value in self.all("dc.identifier")
            if value not in schemed and is_doi(value)
        ]
        found += [("json-ld doi", value) for value in self.all("json-ld doi")]
        wrong: list[str] = []
        read: list[tuple[str, str]] = []
        for name, value in found:
            try:
                read_doi(value)
            except ValueError as exc:
                wrong.append(f"{self._shown(name)}: {exc}")
                continue
            read.append((name, value))
        if not read:
            for line in wrong[:1]:
                self.log.warn(f"{line}: left out")
            return None
        name, value = read[0]
        doi = read_doi(value)
        for line in wrong:
            self.log.warn(f"{line}: the DOI {doi} of {self._shown(name)} is taken")
        self._disagreement(
            "DOI", read, lambda one, other: read_doi(one).lower() == read_doi(other).lower()
        )
        return doi

    def _published(self) -> dict[str, str]:
        """A full date is the online publication; a year (or year-month) is the issue's date.

        ``citation_online_date`` (Springer, Nature, Frontiers) is the online publication when the
        page gives it; the publication date is then the issue's. Dates are read as the platforms
        write them: '2019/04/22', '2019-04-22', '2019', 'Apr 22, 2019' (PLOS), '22 April 2019'.
        OJS 3.0-3.1 writes the issue's year as citation_date and the full dates in Dublin Core
        only (``DC.Date.created`` the article's, ``DC.Date.issued`` the issue's): a full date
        of the same year is the online publication. The issue's date where no other tag gives
        one: PRISM's ``prism.coverDate``, JSON-LD's ``PublicationIssue`` ``datePublished``. A
        date tag the output does not hold is said.
        """
        read: dict[tuple[str, str], tuple[str, str | None, str | None]] = {}
        online_tag = "citation_online_date"
        if self._archive_record() and self.all(online_tag):
            # HAL writes the day the record was deposited (its 'Submitted on') there, years
            # after the journal's publication or before it (a preprint): no date of the article
            online_tag = ""
            for value in self.all("citation_online_date"):
                self.log.warn(
                    f"citation_online_date {value!r}: on a HAL record, the day it was deposited "
                    "in the archive, not the article's online publication: left out"
                )
        for name in (*_DATE_TAGS, online_tag, *_ISSUE_DATE_TAGS):
            for value in self.all(name):
                parts = self._date(value)
                if parts:
                    read[(name, value)] = parts
        out: dict[str, str] = {}
        online = next(
            (p for (n, _), p in read.items() if n == "citation_online_date" and p[2]), None
        )
        if online:
            out["electronic"] = _joined(online)
        parts = next((p for (n, _), p in read.items() if n in _DATE_TAGS), None)
        # bioRxiv writes its year's first day as citation_publication_date, the day the preprint
        # was posted as citation_date and DC.Date: a year's first day beside another full date
        # of that year stands for the year
        first_day = parts if parts and parts[1:] == ("01", "01") else None
        if first_day and any(p[0] == first_day[0] and p[2] and p != first_day
                             for p in read.values()):  # fmt: skip
            # on a preprint server's page it is a placeholder (a real page: '2020/01/01' for a
            # preprint posted 2020-01-30, as its citation_date, DC.Date and
            # article:published_time say): no fact, and a preprint has no issue to date
            server = self.first("citation_journal_title") or ""
            placeholder = _comparable(server) in _PREPRINT_SERVERS
            parts = None if placeholder else (first_day[0], None, None)
            for name, value in [key for key, p in read.items() if p == first_day]:
                del read[(name, value)]
                if placeholder:
                    self.log.warn(
                        f"{self._shown(name)} {value!r}: {server}'s placeholder for the year, "
                        "beside the day the preprint was posted: the article is dated by that day",
                        SIMPLIFIED,
                    )
                else:
                    self.log.warn(
                        f"{self._shown(name)} {value!r}: the first day of the year, beside "
                        f"another day of it: read as the year {first_day[0]}"
                    )
            if parts is None:
                parts = next((p for (n, _), p in read.items() if n in _DATE_TAGS), None)
        if parts:
            if not parts[2] and "electronic" not in out:
                fuller = (
                    p
                    for name in _FULLER_DATE_TAGS
                    for (n, _), p in read.items()
                    if n == name and p[2] and p[0] == parts[0] and parts[1] in (None, p[1])
                )
                found = next(fuller, None)
                if found:
                    out["electronic"] = _joined(found)
            date = _joined(parts)
            if parts[2] and "electronic" not in out:
                out["electronic"] = date
            elif date != out.get("electronic"):
                out["collection"] = date
        # OJS writes the issue's date as DC.Date.issued beside the article's DC.Date.created
        issue_tags = _ISSUE_DATE_TAGS
        if self.all("dc.date.created"):
            issue_tags = (*issue_tags, "dc.date.issued")
        cover = next((p for tag in issue_tags for (n, _), p in read.items() if n == tag), None)
        if cover and "collection" not in out and _joined(cover) != out.get("electronic"):
            out["collection"] = _joined(cover)
        said = ", ".join(f"{kind} {date}" for kind, date in out.items())
        for (name, value), parts in read.items():
            date = _joined(parts)
            if any(k == date or k.startswith(f"{date}-") for k in out.values()):
                continue  # (a year the full date read holds says nothing more)
            reason = f"the article is dated {said}" if said else "not a full date"
            self.log.warn(f"{self._shown(name)} {value!r}: {reason}: left out")
        return out

    def _access_rights(self, license_: str | None) -> None:
        """``DC.AccessRights``: open access is carried by a Creative Commons licence (written
        with license-type 'open-access'); without one, and any other access, is said. HighWire
        writes 'restricted' on bioRxiv's pages under CC BY too: the licence read says
        otherwise, and that is said."""
        for value in self.all("dc.accessrights"):
            said = f"{self._shown('dc.accessrights')} {value!r}"
            if _comparable(value) in _OPEN_ACCESS and license_:
                continue  # (the licence's license-type 'open-access' says it)
            if _comparable(value) in _OPEN_ACCESS:
                self.log.warn(
                    f"{said}: no Creative Commons licence on the page carries it: left out"
                )
            elif license_:
                self.log.warn(
                    f"{said}: the page's licence, {license_}, lets anyone read the article; "
                    "the output holds that licence: left out"
                )
            else:
                self.log.warn(f"{said}: the article model has no place for it: left out")
        self.read_instead.add("dc.accessrights")

    def _archive_record(self) -> bool:
        """Whether the page is a record of HAL, the French open archive (hal.science, its
        portals on archives-ouvertes.fr and institutions' own): its landing page, PDF or
        identifier tag names a HAL id ('hal-01234567', 'tel-…', 'halshs-…') on such a host."""
        names = ("citation_abstract_html_url", "citation_pdf_url", "dc.identifier",
                 "dc.identifier.uri", "og:url")  # fmt: skip
        return any(_HAL_RECORD.match(value) for value in self.all(*names))

    def _history(self, published: str | None) -> dict[str, str]:
        """``DC.Date.dateSubmitted`` as the received date ('2018-02-11', '2018/02/11'). One
        after the publication date is the day a back issue's article was entered into OJS,
        not its received date (as the OJS reader reads it): said and left out."""
        name = next((n for n in ("dc.date.datesubmitted", "prism.datereceived") if self.all(n)), "")
        value = self.first(name) if name else None
        what = "DC.Date.dateSubmitted" if name == "dc.date.datesubmitted" else self._shown(name)
        parts = self._date(value, what) if value else None
        if not parts:
            return {}
        received = _joined(parts)
        # (against an issue's year alone, '2018', by its year)
        if published and parts[2] and received[: len(published)] > published:
            self.log.warn(
                f"{what} {value!r}: after the publication date {published}, so "
                "not the date the article was received: left out"
            )
            return {}
        return {"received": received}

    def _date(
        self, value: str, what: str = "publication date"
    ) -> tuple[str, str | None, str | None] | None:
        """Year, month and day of a date a page writes, or None with a line saying so."""
        text = value.strip()
        match = re.match(r"^(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?(?!\d)", text)
        year_last = re.match(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$", text)
        # SciELO writes the issue's month and year as citation_date, '01/2013'
        month_year = re.match(r"^(\d{1,2})[/.](\d{4})$", text)
        if match:
            year, month, day = match.groups()
        elif month_year:
            (month, year), day = month_year.groups(), None
        elif year_last:
            # OJS 2 writes citation_date day first, '19/03/2009'; HighWire's Oxford journals
            # month first, '03/20/1983': a number over 12 tells which is the day
            first, second, year = year_last.groups()
            day, month = (first, second) if int(first) > 12 else (second, first)
            if int(first) <= 12 and int(second) <= 12 and first != second:
                self.log.warn(
                    f"{what} {value!r}: the day and the month cannot be told apart: "
                    "the year alone is read"
                )
                day, month = None, None
        else:
            words = re.findall(r"[^\W\d_]+|\d+", text.lower())
            months = [ENGLISH_MONTHS[w] for w in words if w in ENGLISH_MONTHS]
            years = [w for w in words if re.fullmatch(r"\d{4}", w)]
            days = [w for w in words if re.fullmatch(r"\d{1,2}", w)]
            if len(months) != 1 or len(years) != 1 or len(days) > 1:
                self.log.warn(f"{what} {value!r} not understood: left out")
                return None
            year, month, day = years[0], str(months[0]), days[0] if days else None
        month = f"{int(month):02d}" if month else None
        day = f"{int(day):02d}" if day and month else None
        if (month and not 1 <= int(month) <= 12) or (day and not 1 <= int(day) <= 31):
            self.log.warn(f"{what} {value!r} not understood: left out")
            return None
        return year, month, day

    def _authors(self) -> list[dict[str, Any]]:
        """Highwire authors, else Dublin Core's creators, else JSON-LD's authors, else Dublin
        Core's contributors (said). A later source that names as many authors, with the same
        family names, gives them the ORCID iD, affiliations and e-mail the earlier lacks
        (Springer Nature's JSON-LD holds ORCID iDs its tags do not); one that names other
        authors is said."""
        people, source = self._highwire_authors(), "citation_author"
        taken = {"citation_author", "citation_authors"}  # the tags the authors are read from
        # OJS's DC.Creator.PersonalName, else the plain DC.creator of other sites (Nature's
        # news pages name their author there only)
        creator = "dc.creator.personalname" if self.all("dc.creator.personalname") else "dc.creator"
        if not people:
            for name in self.all(creator):
                if re.match(r"^https?://", name):
                    self.log.warn(f"DC.creator {name!r}: a link, not a name: left out")
                else:
                    people.append(self._person(name, creator))
            source, taken = creator, {creator}
        else:
            creators = [{"name": _split_name(name)} for name in self.all(creator)
                        if not re.match(r"^https?://", name)]  # fmt: skip
            self._same_authors(people, source, creators, creator)
        linked = self._linked_authors()
        if not people:
            people, taken = linked, {"json-ld author"}
        if not people and self.all("dc.contributor"):
            # eLife names its authors as DC contributors and nowhere else in the head
            people = [self._person(name, "dc.contributor")
                      for name in self.all("dc.contributor")]  # fmt: skip
            self.read_instead.add("dc.contributor")
            taken = {"dc.contributor"}
            self.log.warn(
                f"{self._shown('dc.contributor')}: the page names no author otherwise: its "
                f"{len(people)} contributors taken as the authors"
            )
        elif self._same_authors(people, source, linked, "json-ld author"):
            for person, other in zip(people, linked, strict=True):
                for key in ("orcid", "affiliations", "email"):
                    if not person.get(key) and other.get(key):
                        person[key] = other[key]
        if people and "dc.contributor" not in taken and self.all("dc.contributor"):
            # HighWire (bioRxiv, medRxiv) repeats the authors as DC contributors: carried when
            # they are the same authors, else the difference is said (``_same_authors``)
            contributors = [{"name": _split_name(name)} for name in self.all("dc.contributor")]
            self._same_authors(people, source, contributors, "dc.contributor")
            self.read_instead.add("dc.contributor")
        self._shown_orcids(people)
        shown = self._block("author-group", "authors", "author-list") if not people else None
        if shown is not None:
            people = self._shown_authors(shown)
        for tag, names in self.recased.items():
            if tag not in taken:
                continue
            # (only the letters' case changes: said as markup simplified)
            self.log.warn(
                f"{self._shown(tag)}: written in capitals, read in ordinary case: "
                + "; ".join(names),
                SIMPLIFIED,
            )
        return people

    def _shown_authors(self, shown: etree._Element) -> list[dict[str, Any]]:
        """The authors a page shows and names in no tag (ScienceDirect's, shown by script), read
        from the parts its list marks up (``_marked_names``), with the affiliations shown
        under the letters after each name; said, as read from the page. A list that marks up
        no parts is said and not read: its names cannot be split reliably."""
        marked = _marked_names(shown)
        text = tidy(" ".join(shown.itertext()))
        if marked is None:
            self.log.warn(
                f"the page names no author in its tags; those it shows ({shorten(text, 80)!r}) are "
                "not read: give them in the output"
            )
            return []
        places = _shown_affiliations(self.page)
        people: list[dict[str, Any]] = []
        for name, labels in marked:
            person: dict[str, Any] = {"name": name}
            # (one affiliation and no letters: ScienceDirect marks none when all share it)
            texts = [places[label] for label in labels if label in places] or (
                list(places.values())
                if len(places) == 1 and not any(labels for _, labels in marked)
                else []
            )
            if texts:
                person["affiliations"] = [
                    affiliation_from_text(t, language_by_script(t, self.lang) or self.lang)
                    for t in texts
                ]
            people.append(person)
        names = ", ".join(_person_text(person) for person in people)
        self.log.warn(
            f"the page names no author in its tags: the {len(people)} its author list shows "
            f"by given name and surname are read ({names}); check them"
        )
        return people

    def _same_authors(
        self,
        people: list[dict[str, Any]],
        source: str,
        others: list[dict[str, Any]],
        other_source: str,
    ) -> bool:
        """Whether a later source names the same authors (as many, each with the family name
        of the one in its place: names in another script are not compared); else said."""
        if not others:
            return False
        shown, other_shown = self._shown(source), self._shown(other_source)
        if len(others) != len(people):
            self.log.warn(
                f"authors: {shown} names {len(people)}, {other_shown} {len(others)}: those of "
                f"{other_shown} are left out"
            )
            return False
        for person, other in zip(people, others, strict=True):
            one, two = _person_text(person), _person_text(other)
            if has_cyrillic(one) != has_cyrillic(two):
                continue
            key_one, key_two = _comparable(_family(person)), _comparable(_family(other))
            if key_one not in _comparable(two) and key_two not in _comparable(one):
                self.log.warn(
                    f"authors: {other_shown} {two!r} is not {shown} {one!r}: those of "
                    f"{other_shown} are left out"
                )
                return False
        return True

    def _linked_authors(self) -> list[dict[str, Any]]:
        """JSON-LD's authors: a person's ``familyName`` and ``givenName``, else its ``name``
        read as ``citation_author`` is; an organisation as a group author (collab)."""
        people: list[dict[str, Any]] = []
        for person in self.linked.authors:
            where = f"JSON-LD {person.where}"
            if person.collab:
                people.append({"collab": tidy(person.collab)})
                continue
            if person.family:
                name = {"surname": person.family}
                if person.given:
                    name["given"] = person.given
                written = " ".join(filter(None, (person.family, person.given)))
                if _all_capitals(person.family):
                    name = {key: ordinary_case(part) if _all_capitals(part) else part
                            for key, part in name.items()}  # fmt: skip
                    shown = ", ".join(f"{key} {part!r}" for key, part in name.items())
                    self.recased.setdefault("json-ld author", []).append(f"{written!r} as {shown}")
            else:
                name = self._creator_name(person.full or person.given or "", "json-ld author")
            entry: dict[str, Any] = {"name": name}
            if person.orcid:
                entry["orcid"] = orcid_or_warn(person.orcid, self.log.warn, f"{where} ORCID")
            affiliations = [
                affiliation_from_text(text, language_by_script(text, self.lang) or self.lang)
                for text in person.affiliations
            ]
            if affiliations:
                entry["affiliations"] = affiliations
            if person.email:
                entry["email"] = email_or_warn(person.email, self.log.warn, f"{where}.email")
            people.append(entry)
        return people

    def _person(self, text: str, tag: str) -> dict[str, Any]:
        """An author tag's person: a group's name ('The PREDICT Consortium') as a group
        author, which was read as a person whose surname was 'Consortium'; a name marked with
        an asterisk ('R. Vijay*', as pages mark the corresponding author) as that author's,
        without the asterisk, which was part of the surname."""
        text = tidy(text)
        marked = text.rstrip("*").rstrip() if text.endswith("*") else None
        if marked is None and is_group_name(text):
            return {"collab": text}
        person: dict[str, Any] = {"name": self._creator_name(marked or text, tag)}
        if marked:
            person["corresponding"] = True
        return person

    def _creator_name(self, text: str, tag: str) -> dict[str, str]:
        """An author tag's name. 'Andy Powell, UKOLN, University of Bath' (a name written given
        names first, then where the person works or their degrees, as Dublin Core's own pages
        write a creator) is the name before the first comma, the rest said and left out; it
        is no 'Surname, Given names'."""
        first, _, rest = tidy(text).partition(",")
        words = first.split()
        if (
            "," in rest
            and len(words) > 1
            and words[0] not in NAME_PARTICLES
            and _name_suffix(tidy(text))[1] is None
        ):
            self.log.warn(
                f"{self._shown(tag)} {text!r}: the name read as {first!r}; "
                f"{rest.strip()!r} left out"
            )
            text = first
        name = _split_name(text)
        if _recased(text, name):
            shown = ", ".join(f"{key} {name[key]!r}" for key in ("surname", "given") if key in name)
            self.recased.setdefault(tag, []).append(f"{text!r} as {shown}")
        return name

    def _highwire_authors(self) -> list[dict[str, Any]]:
        """Highwire authors, each given the institution, ORCID and e-mail tags that follow its
        name (Highwire's rule); OJS 2's one ``citation_authors`` tag where there is no
        ``citation_author``. A tag whose place does not tell whose it is goes to no one and is
        said (``_placed_details``), but an e-mail address that holds one author's name."""
        people: list[dict[str, Any]] = []
        blocks: list[list[tuple[str, str]]] = []  # each author's own tags, in page order
        apart: list[tuple[str, str]] = []  # author tags that follow no author's name and tags
        # OJS 2.0-2.2 wrote them all in one tag, 'Braga, Gilda Maria; Roe, Ann'
        joined = "" if self.all("citation_author") else "citation_authors"
        following = False  # whether the tags since the last name are all its author's
        for name, content, _ in self.meta:
            if name == "citation_author":
                people.append(self._person(content, name))
                blocks.append([])
                following = True
            elif name == joined:
                self.read_instead.add(name)
                names = [one for one in content.split(";") if one.strip()]
                people.extend(self._person(one, name) for one in names)
                blocks.extend([] for _ in names)
                following = len(names) == 1  # (tags after several names follow none of them)
            elif name in _AUTHOR_TAGS:
                (blocks[-1] if people and following else apart).append((name, content))
            elif name.startswith("citation_") and not name.startswith("citation_author"):
                following = False
        placed, unplaced = _placed_details(blocks, apart)
        for person, tags in zip(people, placed, strict=True):
            for name, content in tags:
                self._author_detail(person, name, content)
        for name, content in unplaced:
            self._unplaced_detail(people, name, content, trailing=(name, content) not in apart)
        return people

    def _author_detail(self, person: dict[str, Any], name: str, content: str) -> None:
        """An institution, ORCID or e-mail tag of ``person``. A second ORCID iD or e-mail (the
        model holds one) is said and left out."""
        if _AUTHOR_TAGS[name] == "institution":
            # OJS 2 writes it in the interface's language: the script tells which
            lang = language_by_script(content, self.lang) or self.lang
            person.setdefault("affiliations", []).append(affiliation_from_text(content, lang))
            return
        key = _AUTHOR_TAGS[name]
        value = (
            orcid_or_warn(content, self.log.warn, name)
            if key == "orcid"
            else self._email(name, content)
        )
        if value and person.get(key) and person[key] != value:
            self.log.warn(
                f"{name} {content!r}: a second {_DETAIL_NAMES[key]} of {_person_text(person)}, "
                f"beside "
                f"{person[key]}: left out"
            )
        elif value:
            person[key] = value

    def _email(self, name: str, content: str) -> str | None:
        """An e-mail tag's address; one that is none is said and left out."""
        # HighWire pages (bioRxiv) write 'name{at}host.edu' against harvesters
        email = re.sub(r"\s*[{\[(]at[}\])]\s*", "@", content.strip(), flags=re.I)
        if _EMAIL.match(email):
            return email
        self.log.warn(f"{name} {content!r}: not an e-mail address: left out")
        return None

    def _unplaced_detail(
        self, people: list[dict[str, Any]], name: str, content: str, *, trailing: bool
    ) -> None:
        """An author tag whose place does not tell whose it is: said and left out, but an
        e-mail address that holds the name of one author without one, given to that author."""
        where = "the last author's tags" if trailing else "other tags than an author's"
        said = f"{name} {content!r}: its place, after {where}, does not tell whose it is"
        if _AUTHOR_TAGS[name] != "email":
            self.log.warn(f"{said}: left out")
            return
        email = self._email(name, content)
        if email is None:
            return
        owner = email_owner(email, [[_name_form(person)] for person in people])
        if owner is None:
            self.log.warn(f"{said}, nor does the address name one author: left out")
            return
        if people[owner].get("email"):
            self.log.warn(
                f"{said}: it holds the name of {_person_text(people[owner])}, whose e-mail is "
                f"{people[owner]['email']}: left out"
            )
            return
        people[owner]["email"] = email
        # (carried, on the author it names: nothing is lost)
        self.log.warn(
            f"{said}: given to {_person_text(people[owner])}, whose name it holds", SIMPLIFIED
        )

    def _shown_orcids(self, people: list[dict[str, Any]]) -> None:
        """The ORCID iDs the page shows beside its authors, for authors without one in the tags.

        OJS's Google Scholar plugin writes no ORCID; its article page shows each author's ORCID
        link under the name (``ul.authors > li``): they were dropped. Read by position, only
        when the page lists as many authors as its tags name (else said)."""
        lists = [ul for ul in self.page.iter("ul", "ol") if "authors" in _classes(ul)]
        if not people or not lists:
            return
        items = [item for item in lists[0] if item.tag == "li"]
        shown: dict[int, str] = {}
        for index, item in enumerate(items):
            for link in item.iter("a"):
                href = link.get("href") or ""
                if "orcid.org/" in href:
                    shown.setdefault(index, href)
        if not shown:
            return
        if len(items) != len(people):
            self.log.warn(
                f"the page lists {len(items)} authors and its citation_author tags "
                f"{len(people)}: the ORCID iDs shown beside them are left out"
            )
            return
        for index, href in shown.items():
            if not people[index].get("orcid"):
                people[index]["orcid"] = orcid_or_warn(href, self.log.warn, "ORCID link")

    def _abstracts(self) -> dict[str, list[str]]:
        """The visible abstract, and ``DC.Description`` and ``citation_abstract`` for the
        languages it is not in. A later visible abstract with its own ``lang`` (a page showing
        both languages) is read too; later ones without (lists of related articles) are not."""
        tags = {
            name: self.by_script(name)
            for name in ("dc.description", "citation_abstract", "json-ld abstract")
        }
        # OJS shows the abstract in the language of the interface the page was saved in
        tagged = {
            lang: values[0]
            for name in ("citation_abstract", "dc.description", "json-ld abstract")
            for lang, values in tags[name].items()
        }
        abstracts: dict[str, list[str]] = {}
        # (ScienceDirect's 'abstract author-highlights' and graphical abstract are none)
        blocks = [
            b
            for b in self._blocks("abstract")
            if not _NOT_THE_ABSTRACT.search(b.get("class") or "")
        ]
        declared = [_language(block.get("lang")) for block in blocks]
        for index, block in enumerate(blocks):
            translated = None  # the language of a later block shown as the first is
            if index and not declared[index]:
                translated = self._translated_abstract(block, blocks[0], abstracts, tagged)
                if translated is None:
                    continue
            text = _without_page_furniture(block, "abstract", self.log)
            paras = paragraphs(text, "abstract", self.log)
            if not paras:
                continue
            text = " ".join(paras)
            lang = translated or declared[index] or self._language_of(text, tagged)
            if not declared[index] and lang in declared[1:]:
                lang = language_by_script(re.sub(r"<[^>]+>", "", text), self.lang) or lang
            if lang not in abstracts:
                abstracts[lang] = paras
            elif _comparable(text) != _comparable(" ".join(abstracts[lang])):
                self.log.warn(f"a second visible abstract in {lang}: left out")
        for name, values_by_lang in tags.items():
            for lang, values in values_by_lang.items():
                where = f"{self._shown(name)}[{lang}]"
                if lang not in abstracts:
                    abstracts[lang] = _description(values[0], where, self.log)
                elif name == "json-ld abstract" and not _same_text(
                    values[0], " ".join(abstracts[lang])
                ):
                    self.log.warn(f"{where}: another abstract than the one read: left out")
                if any(_comparable(value) != _comparable(values[0]) for value in values[1:]):
                    self.log.warn(
                        f"{self._shown(name)}: {len(values)} abstracts in {lang}: the first is read"
                    )
        return abstracts

    def _translated_abstract(
        self,
        block: etree._Element,
        first: etree._Element,
        read: dict[str, list[str]],
        tagged: dict[str, str],
    ) -> str | None:
        """The language of a later abstract block without its own ``lang`` that is the
        article's abstract in another language, else None (a list of related articles'
        abstracts is none). CyberLeninka shows the English abstract after the Russian one, in
        a block of the same kind, and tags neither: it was lost unsaid. It is taken when it is
        the same element with the same class as the first abstract and in the script of a
        language no abstract read or tagged is in; said."""
        if block.tag != first.tag or _classes(block) != _classes(first):
            return None
        text = tidy(" ".join(block.itertext()))
        lang = language_by_script(text, self.lang)
        if lang is None or lang in read or lang in tagged:
            return None
        self.log.warn(
            f"a later abstract without a language ({shorten(text, 60)!r}), shown as the first is, "
            f"in another script: read as the {lang} abstract"
        )
        return lang

    def _keywords(self, texts: dict[str, str]) -> dict[str, list[str]]:
        """``citation_keywords`` per language, and ``prism.keyword``, ``DC.Subject`` and JSON-LD's
        ``keywords`` for the languages they lack.

        OJS writes ``citation_keywords`` in one language only (the article's since 3.4, the
        reader's interface language before) and every language's keywords as ``DC.Subject``: a
        Russian article's English keywords are only there. Keywords a later source adds to a
        language already read are said. Lists without a language in one script are sorted by
        their words (``_lists_by_words``; ``texts`` the title and abstracts per language)."""
        out: dict[str, list[str]] = {}
        read_from: dict[str, str] = {}
        for name in ("citation_keywords", "prism.keyword", "dc.subject", "json-ld keyword"):
            found: dict[str, list[str]] = {}
            grouped = self._lists_by_words(name, self.by_script(name, halves=True), texts)
            for lang, values in grouped.items():
                for value in values:
                    found.setdefault(lang, []).extend(self._keyword_list(value, name, lang, values))
            for lang, words in found.items():
                if lang not in out:
                    out[lang], read_from[lang] = words, name
                    continue
                known = {_comparable(word) for word in out[lang]}
                more = [word for word in words if _comparable(word) not in known]
                # (the same text split otherwise: Springer's JSON-LD 'Physics, general' is
                # the subject its dc.subject gives whole)
                if more and _comparable("".join(words)) != _comparable("".join(out[lang])):
                    self.log.warn(
                        f"keywords[{lang}]: those of {self._shown(read_from[lang])} are read; "
                        f"{self._shown(name)} has others ({', '.join(map(repr, more[:5]))}"
                        f"{', …' if len(more) > 5 else ''}): left out"
                    )
        return out or self._shown_keywords()

    def _shown_keywords(self) -> dict[str, list[str]]:
        """The keywords a page shows and names in no tag (CyberLeninka shows its Russian and
        English keywords in one list, ``Россия / Япония / Russia / Japan``; they were lost
        unsaid): its block named keywords, without its heading, one keyword per item it marks
        (a link or span each) or else split at ';', ',' or ' / '; each under the language its
        script tells. Said, as read from the page."""
        block = self._block("keywords", "kwd")
        if block is None:
            return {}
        shown = copy.deepcopy(block)
        for element in list(shown.iter()):
            if element is shown or not isinstance(element.tag, str):
                continue
            if element.tag in _HEADING_TAGS or "label" in _classes(element):
                remove_keeping_tail(element)
        text = tidy(" ".join(shown.itertext()))
        items = [
            tidy("".join(el.itertext()))
            for el in shown.iter("a", "span", "li")
            if not any(c.tag in ("a", "span", "li") for c in el.iterdescendants())
        ]
        items = [item for item in items if item]
        split = [part for part in (tidy(p) for p in _SHOWN_SEPARATOR.split(text)) if part]
        marked = len(items) > 1 and _comparable("".join(items)) == _comparable("".join(split))
        words = [without_final_full_stop(word) for word in (items if marked else split)]
        out: dict[str, list[str]] = {}
        for word in words:
            out.setdefault(language_by_script(word, self.lang) or self.lang, []).append(word)
        if out:
            counts = ", ".join(f"{lang} {len(found)}" for lang, found in out.items())
            self.log.warn(
                f"the page's tags give no keywords: those its keyword list shows are read "
                f"({counts}: {shorten(text, 80)!r}); check them"
            )
        return out

    def _lists_by_words(
        self, name: str, grouped: dict[str, list[str]], texts: dict[str, str]
    ) -> dict[str, list[str]]:
        """Keyword lists a page writes without a language, one tag per language in one script
        (HAL: an English list and a French one), under the language whose title and abstract
        hold their words: each list's words found in one language's texts, at least twice as
        many as in any other's, each list in another language. They were read as one list
        of the article's language. Lists whose words do not tell: the first is read in the
        article's language, the others said and left out."""
        untagged = [
            content for tag, content, lang in self.meta if tag == name and not _language(lang)
        ]
        separator = r"[;,]" if name != "dc.subject" else r";"
        lists = [v for v in untagged if len(re.split(separator, ENTITY_TEXT.sub("", v))) > 1]
        lists = list(dict.fromkeys(lists))  # (the same list written twice is one)
        scripts = {language_by_script(re.sub(r"<[^>]+>", "", v), self.lang) for v in untagged}
        if len(lists) < 2 or len(lists) != len(set(untagged)) or len(scripts) != 1:
            return grouped
        bucket = next(lang for lang, values in grouped.items() if untagged[0] in values)
        rest = [v for v in grouped[bucket] if v not in untagged]
        words = {lang: _words(text) for lang, text in texts.items()}
        placed: dict[str, str] = {}
        for value in lists:
            own = _words(value)
            scores = sorted(
                ((len(own & known), lang) for lang, known in words.items()), reverse=True
            )
            best, lang = scores[0] if scores else (0, "")
            second = scores[1][0] if len(scores) > 1 else 0
            if best == 0 or best < 2 * second or lang in placed.values():
                placed = {}
                break
            placed[value] = lang
        out = {lang: list(values) for lang, values in grouped.items() if lang != bucket}
        if rest:
            out[bucket] = rest
        shown = self._shown(name)
        if placed:
            for value in lists:
                out.setdefault(placed[value], []).append(value)
            self.log.warn(
                f"{shown}: {len(lists)} lists without a language, in one script: each read in "
                f"the language whose title and abstract hold its words ("
                + ", ".join(placed[value] for value in lists)
                + ")"
            )
            return out
        # (the one list whose words the article's own texts hold, where one does)
        in_bucket = [len(_words(value) & words.get(bucket, set())) for value in lists]
        best = max(in_bucket)
        told = best > 0 and in_bucket.count(best) == 1
        kept = lists[in_bucket.index(best)] if told else lists[0]
        out.setdefault(bucket, []).append(kept)
        which = f"the one whose words its {bucket} title and abstract hold" if told else "the first"
        self.log.warn(
            f"{shown}: {len(lists)} lists without a language, in one script, whose words do not "
            f"tell all their languages: {which} is read as {bucket}; "
            + "; ".join(repr(value) for value in lists if value is not kept)
            + " left out"
        )
        return out

    def _keyword_list(self, value: str, name: str, lang: str, values: list[str]) -> list[str]:
        """The keywords of one tag: one tag per keyword, or one tag (of its language) with a
        list: ';'-separated as Google Scholar asks, else ','-separated as many sites write it,
        else separated by full stops ('Япония. Экономика. Рост', said). A ``DC.Subject`` is
        one subject (Springer's 'Physics, general'): it is split at ';' only. An HTML entity
        left as text (a page that escapes twice: '&amp;laquo;мягкая сила&amp;raquo;') is no
        separator: it is read as the character it stands for, and said. A keyword's final
        full stop (after a word, not an abbreviation) is no part of it."""
        bare = [ENTITY_TEXT.sub("", text) for text in values]
        one_list = len(values) == 1 and ";" not in bare[0]
        separator = ",;" if one_list and name != "dc.subject" else ";"
        parts = re.findall(rf"(?:{ENTITY_TEXT.pattern}|[^{separator}])+", value)
        if one_list and len(parts) == 1 and name != "dc.subject":
            parts = full_stop_list(value)
            if len(parts) > 1:
                self.log.warn(
                    f"{self._shown(name)}[{lang}] {value!r}: keywords separated by full stops: "
                    f"read as {len(parts)} keywords",
                    SIMPLIFIED,
                )
        words = []
        for part in parts:
            meant = unescaped(part)
            if meant is not None:
                self.log.warn(
                    f"{name}[{lang}] {part.strip()!r}: HTML entities written as text: read as "
                    "the characters they stand for",
                    SIMPLIFIED,
                )
            if (meant or part).strip():
                words.append(without_final_full_stop(tidy(meant or part)))
        # a list separated by ';' with a comma inside a keyword (mixed separators, 'Япония;
        # Россия, санкции'): kept as typed, said, as the spreadsheet reader does
        mixed = [word for word in words if stray_comma(word)] if ";" in value else []
        if mixed and name != "dc.subject":
            listed = ", ".join(repr(word) for word in mixed)
            self.log.warn(
                f"{self._shown(name)}[{lang}] {value!r}: keyword{'s' if len(mixed) > 1 else ''} "
                f"{listed} {'hold commas' if len(mixed) > 1 else 'holds a comma'} in a list "
                "separated by ';': kept as typed",
                SIMPLIFIED,
            )
        return words

    def _license(self) -> str | None:
        """The first Creative Commons licence the page declares — a ``rel="license"`` link,
        ``DC.Rights``, ``citation_license`` or JSON-LD's ``license``, as a URL or by name
        ('Creative Commons Attribution 4.0 International (CC BY 4.0)':
        ``licenses.spdx_from_text``) — else the first it links to. A declared licence that is
        no Creative Commons one (Elsevier's text-mining licence, which its Crossref records
        give for that use only), or another than the one read, is said: a page does not say
        which use or version it covers."""
        rel = [el for el in self.page.xpath("//*[@rel]")
               if "license" in (el.get("rel") or "").lower().split()]  # fmt: skip
        declared = [("the licence link", el.get("href") or "") for el in rel]
        declared += [("DC.Rights", value) for value in self.all("dc.rights")]
        # bioRxiv's DC.Rights is a copyright line that names its licence's URL in a sentence
        declared += [("DC.Rights", url) for value in self.all("dc.rights") if not _is_url(value)
                     for url in _CC_IN_TEXT.findall(value)]  # fmt: skip
        declared += [("citation_license", value) for value in self.all("citation_license")]
        declared += [("JSON-LD license", value) for value in self.all("json-ld license")]
        chosen = next((lic for _, value in declared if (lic := _cc_license(value))), None)
        if chosen is None:
            links = (_cc_license(a.get("href") or "") for a in self.page.iter("a"))
            chosen = next((lic for lic in links if lic and _is_url(lic)), None)
        for where, value in declared:
            text = value.strip()
            lic = _cc_license(text)
            if not text or (lic is None and where == "DC.Rights" and not _is_url(text)):
                continue  # a copyright statement (``_copyright``)
            if lic is None:
                self.log.warn(f"{where} {text!r}: not a Creative Commons licence: left out")
            elif chosen and _spdx(lic) != _spdx(chosen):
                self.log.warn(f"{where} {text!r}: another licence than {chosen}: left out")
        return chosen

    def _references(self) -> list[Any]:
        """The visible reference list when the page shows one, else the citation_reference tags.

        The tags are read instead when they hold more references than the page shows (a page
        that shows the first few, or was saved before the list was loaded); that is said. A
        visible list holding the Russian list and its "References" list, each under its
        heading line (OJS prints its citations box as typed) or numbered from 1 each, is one
        list in two forms (``reference_lists.pair_lists``). Numbers typed at the head of the
        references that run 1, 2, 3 … become their labels; others are taken out. Without
        citation_reference tags, JSON-LD's ``citation`` list stands for them."""
        unread: list[str] = []  # the fields of structured tags no reference text holds
        tags = [_tagged_reference(item, unread) for item in self.all("citation_reference")]
        tags = [item for item in tags if item]
        where, what = "citation_reference", "its citation_reference tags {}: the tags are"
        if not tags:
            tags = [
                tidy(item) if isinstance(item, str) else _written_reference(item)
                for item in self.linked.citations
            ]
            tags = [item for item in tags if item]
            where, what = "JSON-LD citation", "its JSON-LD citation list {}: that list is"
        block = self._block("references", "citations", "bibliography")
        visible = _reference_texts(block) if block is not None else []
        visible = [item for item in visible if item]
        if visible and all(_LOADING.match(item) for item in visible):
            # (HAL's 'Loading...', IOP's 'Please wait… references are loading.')
            if not tags:
                self.log.warn(
                    f"the page was saved before its reference list had loaded ({visible[0]!r}) "
                    "and names its references nowhere else: no reference is read"
                )
            visible = []
        if visible and len(visible) >= len(tags):
            return self._one_list(visible, "references", keep_numbers=False)
        if visible:
            self.log.warn(
                f"the page shows {len(visible)} references and {what.format(len(tags))} read"
            )
        for field, count in Counter(unread).items():
            self.log.warn(f"citation_reference: the field {field} ({count} of them): not carried")
        # OJS writes a tag for each line of its citations box, headings and both lists too
        return self._one_list(tags, where, keep_numbers=True)

    def _one_list(self, lines: list[str], where: str, *, keep_numbers: bool) -> list[Any]:
        """``lines`` as one reference list: headings out, the Russian list and its
        "References" paired (``reference_lists.pair_lists``), numbers typed at the head of
        the references kept (as labels, by the model) when they run 1, 2, 3 …; otherwise a
        visible list's are taken out, as its own number labels are, and tags' stay."""
        references, said = pair_lists(lines, self.lang, where)
        if not keep_numbers and not numbered_from_one(references):
            unnumbered = [LIST_NUMBER.sub("", item, count=1) for item in lines]
            references, said = pair_lists([item for item in unnumbered if item], self.lang, where)
        if said:
            self.log.warn(said, SIMPLIFIED)
        return references

    def _block(self, *words: str) -> etree._Element | None:
        """The first element whose class or id names one of ``words`` and that holds text."""
        return next(iter(self._blocks(*words)), None)

    def _blocks(self, *words: str) -> list[etree._Element]:
        """The elements whose class or id names one of ``words`` (``_names_block``) and that
        hold text, in page order, without those inside another; a block whose parts in each
        language match too and state their ``lang`` gives those parts instead (HAL shows
        ``div.abstract`` with its language buttons and a ``div.abstract-content`` per
        language). Links and buttons that name one ('Abstract', a jump link APS shows above
        the abstract) are none, nor is what a site's own footer or menu holds (the site's
        '© 2026 Project Euclid' is no article's copyright)."""
        candidates = [
            element
            for element in self.page.iter()
            if isinstance(element.tag, str)
            and element.tag not in ("meta", "head", "html", "a", "button")
            and _names_block(element, words)
            and "".join(element.itertext()).strip()
            and not _in_site_frame(element)
        ]
        found: list[etree._Element] = []
        for element in candidates:
            if any(_within(element, block) for block in found):
                continue
            if any(
                other is not element
                and (other.get("lang") or _names_block(other, words, text_part=True))
                and _within(other, element)
                for other in candidates
            ):
                continue  # its text's part (or each language's) is read instead
            found.append(element)
        return found

    # the journal -----------------------------------------------------------------
    def _journal(self, *, server_as_journal: bool = False) -> dict[str, Any]:
        """The journal the page names. A preprint's page that names none (Open Preprint
        Systems writes the server's name as ``citation_publisher`` alone, a page of JSON-LD
        alone as its ``publisher``) has its publisher, the server, as its journal, said, as
        the Crossref reader takes a preprint's server."""
        journal: dict[str, Any] = {"language": self.lang}
        title = self._settled(
            "journal title",
            ("citation_journal_title", "prism.publicationname", "dc.source", "json-ld journal"),
            _same_text,
        )
        if title and _is_url(title):  # (a DC.Source that is the article's or journal's URL)
            self.log.warn(f"journal title {title!r}: a link, not a title: left out")
            title = None
        publishers = ("citation_publisher", "dc.publisher", "json-ld publisher")
        name = next((n for n in publishers if self.first(n)), "") if server_as_journal else ""
        server = self.first(name) if name else None
        if not title and server:
            title = server
            self.log.warn(
                f"{self._shown(name)} {server!r}: the preprint names no journal: the server "
                "that publishes it is read as its journal",
                SIMPLIFIED,
            )
        if title:
            journal["title"] = {self.lang: title}
        abbrev = self._settled("journal abbreviation", ("citation_journal_abbrev",), _same_text)
        if abbrev and not re.search(r"[^\W\d_]", abbrev):
            # OJS 3.1-3.2 wrote '1' here (a PHP precedence slip: the test's truth, not its value)
            self.log.warn(f"citation_journal_abbrev {abbrev!r}: not an abbreviation: left out")
            abbrev = None
        journal["abbrev_title"] = abbrev
        journal["issn"] = self._issns()
        publisher = self._settled(
            "publisher", ("citation_publisher", "dc.publisher", "json-ld publisher"), _same_text
        )
        if publisher:
            journal["publisher"] = {"name": {self.lang: publisher}}
        url = self.first("dc.source.uri")
        if url and re.match(r"^https?://\S+$", url):
            journal["url"] = url
        return journal

    def _issns(self) -> dict[str, str]:
        """ISSNs typed by the page's visible 'ISSN … (Print)' and 'Print ISSN : …' lines and
        J-STAGE's ``print_issn`` and ``online_issn`` tags, ``citation_eissn`` and
        ``prism.eIssn`` as the electronic one; other tags do not say which is which (Springer
        writes its online ISSN as ``prism.issn``, which PRISM means for the print one), nor
        does JSON-LD: a guess, said. A third ISSN is said and left out."""
        typed: dict[str, str] = {}
        text = " ".join(self.page.xpath("//body//text()"))
        # (J-STAGE's 'Print ISSN : 0021-4914', its type before it)
        found = _ISSN_LINE.findall(text) + [(n, k) for k, n in _ISSN_TYPE_FIRST.findall(text)]
        # J-STAGE's own tags name the type as well
        found += [(value, "print") for value in self.all("print_issn")]
        found += [(value, "online") for value in self.all("online_issn")]
        for number, kind in found:
            issn = valid_issn(number)
            label = kind.lower()
            if issn and any(word in label for word in _PRINT_WORDS):
                typed.setdefault("print", issn)
            elif issn and any(word in label for word in _ONLINE_WORDS):
                typed.setdefault("electronic", issn)
        for value in self.all("citation_eissn", "prism.eissn"):  # (the online one, by name)
            issn = valid_issn(value)
            if issn and issn not in typed.values():
                typed.setdefault("electronic", issn)
        untyped = [
            (name, value)
            for name in ("citation_issn", "prism.issn", "dc.source.issn", "json-ld issn")
            for value in self.all(name)
        ]
        for name, value in untyped:
            issn = valid_issn(value)
            if issn is None or issn in typed.values():
                continue
            slot = "electronic" if "electronic" not in typed else "print"
            if slot in typed:
                self.log.warn(
                    f"{self._shown(name)} {value!r}: a third ISSN, beside {typed['print']} and "
                    f"{typed['electronic']}: left out"
                )
                continue
            typed[slot] = issn
            self.log.warn(f"the page does not say which ISSN {issn} is: taken as {slot}")
        return typed


def _names_block(
    element: etree._Element, words: tuple[str, ...], *, text_part: bool = False
) -> bool:
    """Whether an element's class or id names one of ``words``: the word itself, or with
    'article' before it ('articleAbstract', as OJS 2 writes it), or at the end of a longer name
    ('item-abstract', 'wd-jnl-art-abstract'), or at its start before 'section', 'content',
    'text' or 'body' ('abstract-section', 'abstract-section-content' as APS writes them).
    With ``text_part``, only a name that ends in 'content', 'text' or 'body' (the part of a
    block that holds its text, without its heading, buttons and figures)."""
    tokens = {*_classes(element), (element.get("id") or "").lower()}
    part = r"(?:[-_](?:section|content|text|body))*[-_](?:content|text|body)"
    if text_part:
        return any(re.fullmatch(rf"{word}{part}", token) for token in tokens for word in words)
    return any(
        token in (word, f"article{word}")
        or token.endswith((f"-{word}", f"_{word}"))
        or re.fullmatch(rf"{word}(?:[-_](?:section|content|text|body))+", token) is not None
        for token in tokens
        for word in words
    )


def _marked_names(block: etree._Element) -> list[tuple[dict[str, str], list[str]]] | None:
    """The names a visible author list marks up by part — ScienceDirect's ``span.given-name``
    and ``span.surname`` beside each other in each author's button or link — with the letters
    of the affiliations shown after each (``span.author-ref``); None when the list marks up no
    surname, or a surname beside two of either part (whose given names are then unsure)."""
    found: list[tuple[dict[str, str], list[str]]] = []
    for element in block.iter():
        if not isinstance(element.tag, str) or "surname" not in _classes(element):
            continue
        parent = element.getparent()
        siblings = [el for el in parent if isinstance(el.tag, str)] if parent is not None else []
        givens = [el for el in siblings if "given-name" in _classes(el)]
        if len(givens) > 1 or sum("surname" in _classes(el) for el in siblings) > 1:
            return None
        name = {"surname": tidy("".join(element.itertext()))}
        if givens and tidy("".join(givens[0].itertext())):
            name["given"] = tidy("".join(givens[0].itertext()))
        holder = next(
            (a for a in element.iterancestors() if a.tag in ("a", "button")), element.getparent()
        )
        labels = [
            tidy("".join(ref.itertext()))
            for ref in holder.iter()
            if isinstance(ref.tag, str) and "author-ref" in _classes(ref)
        ]
        found.append((name, [label for label in labels if label]))
    return found or None


def _shown_affiliations(page: etree._Element) -> dict[str, str]:
    """The affiliations a page shows by letter (ScienceDirect's ``dl.affiliation`` in the
    panel its author list opens: the letter in ``dt``, the institution in ``dd``; one without
    a letter under '')."""
    places: dict[str, str] = {}
    for entry in page.iter("dl"):
        if "affiliation" not in _classes(entry):
            continue
        label = next((tidy("".join(dt.itertext())) for dt in entry.iter("dt")), "")
        text = next((tidy("".join(dd.itertext())) for dd in entry.iter("dd")), "")
        if text:
            places.setdefault(label, text)
    return places


def _without_page_furniture(block: etree._Element, where: str, log: Collector) -> etree._Element:
    """A copy of a block of the page without what a site shows in it beside its text: buttons
    and forms (HAL's language buttons became a paragraph 'fr') and dialogs, left out unsaid;
    figures (the link texts of ScienceDirect's graphical abstract became a paragraph) and the
    lists of subjects or keywords some sites show with an abstract (APS's PhySH headings
    became paragraphs of it), left out and said."""
    copied = copy.deepcopy(block)
    waiting = list(copied)
    while waiting:
        element = waiting.pop(0)
        if not isinstance(element.tag, str):
            continue
        furniture = [t for t in _classes(element) if _FURNITURE_CLASS.search(t)]
        shown = tidy(" ".join(element.itertext()))
        if element.tag in _FIGURE_TAGS:
            log.warn(
                f"{where}: <{element.tag}> cannot be held in JATS text: dropped with its content"
            )
        elif furniture and shown and element.tag not in _INTERFACE_TAGS:
            log.warn(
                f"{where}: {shorten(shown, 80)!r}, shown with it ({element.tag} class "
                f"{furniture[0]!r}), is no part of its text: left out"
            )
        elif element.tag not in _INTERFACE_TAGS and not furniture:
            waiting.extend(element)  # (what it holds is looked at in turn)
            continue
        remove_keeping_tail(element)
    return copied


def _in_site_frame(element: etree._Element) -> bool:
    """Whether an element is in the site's own footer or menu (a ``footer`` that is not an
    ``article``'s, a ``nav``), not in the article's part of the page."""
    ancestors = list(element.iterancestors())
    in_article = any(a.tag == "article" for a in ancestors)
    return any(a.tag == "nav" or (a.tag == "footer" and not in_article) for a in ancestors)


def _reference_texts(block: etree._Element) -> list[str]:
    """One text per reference of a page's visible list.

    A list (``ol``/``ul``, the one with most items) gives one reference per item, without the
    links, number label and buttons platforms show beside it. Without a list each paragraph or
    line is one: OJS prints references it has not parsed as one text with ``<br>`` between
    them, and parsed ones as one ``<p>`` each. Headings ("References") are not references."""
    lists = [
        element
        for element in block.iter("ol", "ul")
        if not any(a.tag == "li" for a in element.iterancestors() if _within(a, block))
    ]
    best = max(lists, key=lambda e: len(e.findall("li")), default=None)
    if best is not None and (len(best.findall("li")) > 1 or _cites(best)):
        return [tidy(_ref_text(item, " ", in_item=True)) for item in best.findall("li")]
    return [tidy(line) for line in _ref_text(block, "\n").split("\n") if line.strip()]


def _cites(one_item_list: etree._Element) -> bool:
    """Whether a list of one item is a reference list of one reference (Nature's news): its
    item says more than its links and buttons do, unlike a list of 'Download' links."""
    item = one_item_list.find("li")
    if item is None:
        return False
    links = "".join(text for a in item.iter("a", "button") for text in a.itertext())
    return len(tidy("".join(item.itertext()))) > len(tidy(links))


def _within(element: etree._Element, block: etree._Element) -> bool:
    """Whether ``element`` is ``block`` or inside it."""
    return element is block or any(a is block for a in element.iterancestors())


def _ref_text(element: etree._Element, between_blocks: str, *, in_item: bool = False) -> str:
    """The text of a reference list or item, ``between_blocks`` where a block or line ends.
    Inside one item a heading is part of the reference (ScienceDirect sets titles as ``h3``);
    in a list of lines it is the list's own ("References")."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        tag = child.tag.lower()
        skipped = tag in _REF_SKIPPED_TAGS or (tag in _HEADING_TAGS and not in_item)
        if skipped or any(_REF_SKIPPED_CLASS.search(token) for token in _classes(child)):
            parts.append(" " if tag != "br" else between_blocks)
        elif tag == "br":
            parts.append(between_blocks)
        elif tag in BLOCK_TAGS:
            inner = _ref_text(child, between_blocks, in_item=in_item)
            parts.extend((between_blocks, inner, between_blocks))
        else:
            parts.append(_ref_text(child, between_blocks, in_item=in_item))
        parts.append(child.tail or "")
    return "".join(parts)


# The fields of a structured citation_reference a reference's text is written from (Distill
# writes the issue as citation_number), and Springer's own id of the reference (no fact of it).
_REFERENCE_FIELDS = frozenset(
    {"citation_author", "citation_authors", "citation_publication_date", "citation_date",
     "citation_year", "citation_pages", "citation_firstpage", "citation_lastpage",
     "citation_last_page", "citation_volume", "citation_issue", "citation_number",
     "citation_journal_title", "citation_inbook_title", "citation_book_title",
     "citation_conference_title", "citation_series_title", "citation_title",
     "citation_publisher", "citation_doi", "citation_pmid", "citation_isbn",
     "citation_arxiv_id", "citation_id"}
)  # fmt: skip


def _tagged_reference(value: str, unread: list[str]) -> str:
    """A citation_reference as text. A structured one ('citation_title=…; citation_author=…',
    as PLOS and Nature write them) is written out as a reference: authors (year) title. source,
    volume(issue), pages. publisher. DOI, PMID, ISBN, arXiv id — the reference parser reads it
    so. The names of its fields no reference text holds are added to ``unread``."""
    if not _TAGGED_REFERENCE.match(value):
        return tidy(value)
    fields: dict[str, list[str]] = {}
    for part in _TAGGED_FIELD.split(value):
        key, _, text = part.partition("=")
        text = tidy(text).rstrip(";").strip()
        if text:
            fields.setdefault(key.strip().lower().replace("first_page", "firstpage"), []).append(
                text
            )
    unread.extend(key for key in fields if key not in _REFERENCE_FIELDS)
    return _written_reference(fields)


def _written_reference(fields: dict[str, list[str]]) -> str:
    """A reference written out from its fields, named as Highwire's structured
    citation_reference names them (``citation_title``, ``citation_author`` …; JSON-LD's cited
    works are given so too): authors (year) title. source, volume(issue), pages. publisher.
    DOI, PMID, ISBN."""

    def one(*keys: str) -> str:
        return next((fields[key][0] for key in keys if key in fields), "")

    authors = ", ".join(fields.get("citation_author", []) + fields.get("citation_authors", []))
    date = one("citation_publication_date", "citation_date", "citation_year")
    year = re.search(r"\d{4}", date)
    pages = one("citation_pages")
    first, last = one("citation_firstpage"), one("citation_lastpage", "citation_last_page")
    if not pages and first:
        pages = f"{first}–{last}" if last else first
    volume, issue = one("citation_volume"), one("citation_issue", "citation_number")
    issue_part = (
        f"{volume}({issue})" if volume and issue else volume or (f"({issue})" if issue else "")
    )
    source = one(
        "citation_journal_title", "citation_inbook_title", "citation_book_title",
        "citation_conference_title", "citation_series_title",
    )  # fmt: skip
    head = (
        f"{authors} ({year.group()})"
        if authors and year
        else authors or (f"({year.group()})" if year else "")
    )
    pieces = [
        head,
        one("citation_title").rstrip("."),
        ", ".join(p for p in (source, issue_part, pages) if p),
        one("citation_publisher"),
        f"doi:{one('citation_doi')}" if "citation_doi" in fields else "",
        f"PMID: {one('citation_pmid')}" if "citation_pmid" in fields else "",
        f"ISBN {one('citation_isbn')}" if "citation_isbn" in fields else "",
        f"arXiv:{one('citation_arxiv_id')}" if "citation_arxiv_id" in fields else "",
    ]
    return tidy(". ".join(piece for piece in pieces if piece) + ".") if any(pieces) else ""


def _comparable(text: str) -> str:
    """A text without its markup, spacing and punctuation, to tell two copies of it apart from
    two texts (OJS strips an abstract's tags in DC.Description)."""
    return re.sub(r"\W+", "", re.sub(r"<[^>]+>", "", text)).lower()[:400]


def _description(value: str, where: str, log: Collector) -> list[str]:
    """A description tag's paragraphs. OJS writes ``DC.Description`` with the abstract's tags
    stripped, so its paragraphs are left separated by newlines: each line is a paragraph.
    Content with HTML markup is read as HTML."""
    if "<" in value:
        return html_paragraphs(value, where, log)
    return [tidy(line) for line in re.split(r"\s*\n\s*", value) if line.strip()]


def _person_text(person: dict[str, Any]) -> str:
    """An author's name as one text ('D. V. Streltsov'), or a group author's."""
    if person.get("collab"):
        return str(person["collab"])
    name = person.get("name") or {}
    return " ".join(name[key] for key in ("given", "surname") if name.get(key))


def _family(person: dict[str, Any]) -> str:
    """An author's family name (its given name when it has none), or a group author's."""
    name = person.get("name") or {}
    return str(person.get("collab") or name.get("surname") or name.get("given") or "")


def _words(text: str) -> set[str]:
    """The words of a text in small letters, without markup and HTML entities left as text."""
    return set(_LETTERS.findall(ENTITY_TEXT.sub(" ", re.sub(r"<[^>]+>", " ", text)).lower()))


def _placed_details(
    blocks: list[list[tuple[str, str]]], apart: list[tuple[str, str]]
) -> tuple[list[list[tuple[str, str]]], list[tuple[str, str]]]:
    """Each author's institution, ORCID and e-mail tags (``blocks``: those after its name, up
    to the next name), and the tags whose place does not tell whose they are.

    Highwire's rule gives a tag to the author whose name it follows. Some pages write tags
    after all the names instead — bioRxiv and Inter-Research the corresponding authors'
    e-mails, WordPress journal sites every e-mail, some sites every institution — so a tag
    after the last author's name may be any author's. It is the last author's when the page
    gives the others their tags in their own place: for an institution or ORCID iD, any tag
    (IOP writes the last author's ORCID iD after her institutions, the others' institutions
    after their names); for an e-mail, which pages that keep Highwire's rule for the rest
    still write apart, one of its kind, or one written after it in the last author's tags
    ('name, e-mail, institution', as Janeway writes each author). Else, and for tags after
    other tags than an author's (``apart``), it is unplaced. With one author every tag is
    that author's."""
    if len(blocks) == 1:
        return [blocks[0] + apart], []
    if not blocks:
        return [], apart
    elsewhere = {_AUTHOR_TAGS[name] for block in blocks[:-1] for name, _ in block}
    last, kept, unplaced = blocks[-1], [], list(apart)
    for index, tag in enumerate(last):
        kind = _AUTHOR_TAGS[tag[0]]
        later = {_AUTHOR_TAGS[name] for name, _ in last[index + 1 :]} - {kind}
        in_place = kind in elsewhere or bool(later & elsewhere)
        if kind != "email" and elsewhere:
            in_place = True
        (kept if in_place else unplaced).append(tag)
    return [*blocks[:-1], kept], unplaced


def _name_form(person: dict[str, Any]) -> tuple[str, str]:
    """An author's (surname, given names), as ``email_owner`` compares them."""
    name = person.get("name") or {}
    return name.get("surname") or "", name.get("given") or ""
