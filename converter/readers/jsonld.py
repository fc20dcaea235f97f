"""The article a landing page's schema.org JSON-LD describes, as facts for the HTML reader.

Publisher platforms describe an article for search engines in ``<script
type="application/ld+json">``: a ``ScholarlyArticle`` (or ``Article``) alone, in a list, in an
``@graph`` (nodes that refer to each other by ``@id``, as WordPress writes them) or as a
``WebPage``'s ``mainEntity`` (Springer Nature), with its authors (``Person``: ``givenName``,
``familyName`` or ``name``, an ORCID iD in ``identifier``, ``sameAs`` or ``url``,
``affiliation``), its journal (``isPartOf``: a ``PublicationIssue`` in a ``PublicationVolume``
in a ``Periodical`` with ``name`` and ``issn``), pages, DOI, licence and cited works.

This module only reads the script: what each fact is, and the property it came from; the HTML
reader decides what a fact of this source is worth beside the page's meta tags. The script is
someone else's and is read as such: one too large, that is not JSON, nests too deeply or holds
no object is said in one line and left out, never a traceback; a property of a type the
reader does not expect (a number for a title, an object for a page) is read as far as it
holds text, else not at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from converter.identifiers import is_doi, read_doi
from converter.readers.markup import Collector

# What one script, and all of a page's scripts together, may hold. A publisher's article script
# is tens of kilobytes (Springer Nature's, with every author's affiliation, under 100 kB).
MAX_SCRIPT_CHARS = 2_000_000
MAX_PAGE_CHARS = 4_000_000
# Items of one property read (authors, cited works, keywords): more is no article's.
MAX_ITEMS = 5_000
# Levels of isPartOf read from the article: issue, volume, periodical (and one spare).
_PART_LEVELS = 4
# Types of the node read as the article, in the order of preference.
_SCHOLARLY = frozenset({"scholarlyarticle", "medicalscholarlyarticle"})
_ARTICLES = _SCHOLARLY | {"article", "report", "techarticle"}
# What XHTML pages wrap a script's text in: '<!--' … '-->', '//<![CDATA[' … '//]]>'.
_OPENING = re.compile(r"(?://\s*)?(?:<!--|<!\[CDATA\[)")

# Properties of the article this reader carries, and those that hold no fact of it (the page's
# images, its dates of change, paywall marks): any other is said as not carried.
_CARRIED = frozenset(
    {"headline", "name", "inLanguage", "identifier", "sameAs", "url", "datePublished",
     "isPartOf", "volumeNumber", "issueNumber", "pageStart", "pageEnd", "pagination",
     "license", "abstract", "description", "keywords", "articleSection", "publisher",
     "copyrightHolder", "copyrightYear", "copyrightNotice", "funder", "author", "creator",
     "citation", "creativeWorkStatus"}
)  # fmt: skip
_BOOKKEEPING = frozenset(
    {"@context", "@id", "@type", "image", "thumbnailUrl", "thumbnail", "dateModified",
     "dateCreated", "mainEntityOfPage", "isAccessibleForFree", "hasPart", "potentialAction",
     "breadcrumb", "wordCount", "commentCount", "discussionUrl", "speakable", "accessMode",
     "accessModeSufficient", "accessibilityFeature", "accessibilityHazard",
     "accessibilitySummary", "interactionStatistic", "isFamilyFriendly", "sdPublisher",
     "sdDatePublished", "sdLicense", "encodingFormat", "genre", "position", "mainEntity"}
)  # fmt: skip
_PERSON_READ = frozenset(
    {"@context", "@type", "@id", "image", "name", "givenName", "familyName", "additionalName",
     "identifier", "sameAs", "url", "affiliation", "email"}
)  # fmt: skip
_PEOPLE = frozenset({"person"})
_ORGANISATIONS = frozenset(
    {"organization", "collegeoruniversity", "researchorganization", "governmentorganization",
     "educationalorganization", "ngo", "corporation", "researchproject"}
)  # fmt: skip
_ORCID_LIKE = re.compile(r"(?:orcid\.org/|^)\d{4}-\d{4}-\d{4}-\d{3}[\dX]/?$", re.I)


@dataclass(slots=True)
class Fact:
    """One fact of the article: what the HTML reader reads it as (``title``, ``doi``,
    ``volume`` …), its text, the property it came from as the script names it
    (``isPartOf.volumeNumber``), and its language when the script tags it (``@language``)."""

    key: str
    text: str
    where: str
    lang: str | None = None


@dataclass(slots=True)
class Person:
    """An author as the script gives it: a person's names, or an organisation's (``collab``)."""

    where: str
    given: str | None = None
    family: str | None = None
    full: str | None = None
    collab: str | None = None
    orcid: str | None = None
    affiliations: list[str] = field(default_factory=list)
    email: str | None = None


@dataclass(slots=True)
class LinkedArticle:
    """What a page's JSON-LD says of its article. A cited work is its text, or the fields of
    one given as an object, by the names of Highwire's structured ``citation_reference``
    (``citation_title``, ``citation_author`` …), for the HTML reader to write out alike."""

    facts: list[Fact] = field(default_factory=list)
    authors: list[Person] = field(default_factory=list)
    citations: list[str | dict[str, list[str]]] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)


def read(page: etree._Element, log: Collector) -> LinkedArticle | None:
    """The article the page's JSON-LD scripts describe, or None when it has no such script or
    they describe no article (a site's ``WebSite`` and ``Organization`` alone)."""
    scripts = [
        script
        for script in page.iter("script")
        if (script.get("type") or "").split(";")[0].strip().lower() == "application/ld+json"
    ]
    if not scripts:
        return None
    nodes: list[dict[str, Any]] = []
    budget = MAX_PAGE_CHARS
    for script in scripts:
        where = f"the JSON-LD script on line {script.sourceline}"
        text = _unwrapped(script.text or "")
        if len(text) > min(MAX_SCRIPT_CHARS, budget):
            log.warn(
                f"{where}: {len(text):,} characters, more than the "
                f"{min(MAX_SCRIPT_CHARS, budget):,} read: left out"
            )
            continue
        budget -= len(text)
        nodes.extend(_top_nodes(_parsed(text, where, log), where, log))
    index = {node["@id"]: node for node in reversed(nodes) if isinstance(node.get("@id"), str)}
    found = _articles(nodes, index)
    if not found:
        return None
    chosen, others = found[0], found[1:]
    title = _text(chosen.get("headline") or chosen.get("name"))
    for other in others:
        other_title = _text(other.get("headline") or other.get("name"))
        if other_title != title:
            named = repr(other_title) if other_title else "without a title"  # (not "None")
            log.warn(f"JSON-LD: another article, {named}, is described too: left out")
            break
    return _Reader(index).article(chosen)


def _unwrapped(text: str) -> str:
    """A script's text without the comment or CDATA marks around it."""
    text = text.strip()
    opening = _OPENING.match(text)
    if opening:
        text = text[opening.end() :]
    for closing in ("-->", "]]>"):
        if text.endswith(closing):
            text = text.removesuffix(closing).rstrip().removesuffix("//")
    return text.strip()


def _parsed(text: str, where: str, log: Collector) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except RecursionError:
        log.warn(f"{where}: nested too deeply to be read: left out")
    except json.JSONDecodeError as exc:
        log.warn(f"{where}: not JSON ({exc.msg}, line {exc.lineno} column {exc.colno}): left out")
    except ValueError as exc:  # (a number too long to be converted)
        log.warn(f"{where}: not JSON ({exc}): left out")
    return None


def _top_nodes(data: Any, where: str, log: Collector) -> list[dict[str, Any]]:
    """The objects of a script: itself, the items of a list, and their ``@graph`` nodes."""
    if data is None:
        return []
    items = data if isinstance(data, list) else [data]
    objects = [item for item in items[:MAX_ITEMS] if isinstance(item, dict)]
    if not objects:
        kind = "a list without an object" if isinstance(data, list) else _json_kind(data)
        log.warn(f"{where}: {kind}, not a JSON-LD object: left out")
        return []
    nodes: list[dict[str, Any]] = []
    for item in objects:
        graph = item.get("@graph")
        if isinstance(graph, dict):
            graph = [graph]
        if isinstance(graph, list):
            nodes.extend(node for node in graph[:MAX_ITEMS] if isinstance(node, dict))
        nodes.append(item)
    return nodes


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, str):
        return "a string"
    return "a number" if isinstance(value, int | float) else "null"


def _types(node: dict[str, Any]) -> set[str]:
    """A node's ``@type``s, lower case, without a prefix (``schema:ScholarlyArticle``,
    ``http://schema.org/ScholarlyArticle``)."""
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {re.split(r"[/:#]", item)[-1].lower() for item in values[:20] if isinstance(item, str)}


def _articles(nodes: list[dict[str, Any]], index: dict[str, Any]) -> list[dict[str, Any]]:
    """The article nodes among the scripts' objects and their pages' ``mainEntity``, scholarly
    ones first, each once."""
    found: list[dict[str, Any]] = []
    for node in nodes:
        entity = node.get("mainEntity")
        entities = entity if isinstance(entity, list) else [entity]
        for candidate in [node, *(_resolved(e, index) for e in entities[:MAX_ITEMS])]:
            if (
                isinstance(candidate, dict)
                and _types(candidate) & _ARTICLES
                and not any(candidate is seen for seen in found)
            ):
                found.append(candidate)
    return sorted(found, key=lambda node: not _types(node) & _SCHOLARLY)


def _resolved(value: Any, index: dict[str, Any]) -> Any:
    """A reference to another node (``{"@id": "#author-1"}``) as that node; else the value."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
        key = value.get("@id")
        target = index.get(key) if isinstance(key, str) else None
        return target if isinstance(target, dict) else value
    return value


def _items(value: Any) -> list[Any]:
    return (value if isinstance(value, list) else [value])[:MAX_ITEMS]


def _texts(value: Any) -> Iterator[tuple[str, str | None]]:
    """The texts a property holds, each with its ``@language`` if tagged: a string, a number, a
    ``{"@value": …}`` object, or a list of them. Anything else holds none."""
    for item in _items(value):
        lang = None
        if isinstance(item, dict) and "@value" in item:
            lang = item.get("@language") if isinstance(item.get("@language"), str) else None
            item = item["@value"]
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            continue
        text = str(int(item)) if isinstance(item, float) and item.is_integer() else str(item)
        if text.strip():
            yield " ".join(text.split()), lang


def _text(value: Any) -> str | None:
    return next((text for text, _ in _texts(value)), None)


class _Reader:
    """Reads one article node, references to other nodes resolved through ``index``."""

    def __init__(self, index: dict[str, Any]) -> None:
        self.index = index
        self.out = LinkedArticle()

    def add(self, key: str, value: Any, where: str) -> None:
        for text, lang in _texts(value):
            self.out.facts.append(Fact(key, text, where, lang))

    def name(self, value: Any) -> str | None:
        """The name of a thing given by name or as an object (an organisation, a language)."""
        for item in _items(value):
            item = _resolved(item, self.index)
            text = _text(item.get("name")) if isinstance(item, dict) else _text(item)
            if text:
                return text
        return None

    def article(self, node: dict[str, Any]) -> LinkedArticle:
        self.add(
            "title", node.get("headline") or node.get("name"), _first_key(node, "headline", "name")
        )
        language = node.get("inLanguage")
        for item in _items(language):
            item = _resolved(item, self.index)
            if isinstance(item, dict):  # a Language: {"name": "English", "alternateName": "en"}
                self.add("language", item.get("alternateName") or item.get("name"), "inLanguage")
            else:
                self.add("language", item, "inLanguage")
        self.add("published", node.get("datePublished"), "datePublished")
        self.dois(node)
        self.add("volume", node.get("volumeNumber"), "volumeNumber")
        self.add("issue", node.get("issueNumber"), "issueNumber")
        self.journal(node)
        self.add("fpage", node.get("pageStart"), "pageStart")
        self.add("lpage", node.get("pageEnd"), "pageEnd")
        self.add("pages", node.get("pagination"), "pagination")
        for item in _items(node.get("license")):
            item = _resolved(item, self.index)
            if isinstance(item, dict):  # a CreativeWork: its address, else its name
                address = _text(item.get("url")) or _text(item.get("@id")) or ""
                item = address if address.startswith("http") else item.get("name")
            self.add("license", item, "license")
        if "abstract" in node:
            self.add("abstract", node.get("abstract"), "abstract")
        elif _types(node) & _SCHOLARLY:  # (on other pages, the snippet search engines show)
            self.add("abstract", node.get("description"), "description")
        for item in _items(node.get("keywords")):
            item = _resolved(item, self.index)
            self.add("keyword", item.get("name") if isinstance(item, dict) else item, "keywords")
        self.add("section", node.get("articleSection"), "articleSection")
        self.add("publisher", self.name(node.get("publisher")), "publisher")
        self.add("copyright", node.get("copyrightNotice"), "copyrightNotice")
        self.add("copyright_holder", self.name(node.get("copyrightHolder")), "copyrightHolder")
        self.add("copyright_year", node.get("copyrightYear"), "copyrightYear")
        for item in _items(node.get("funder")):
            self.add("funder", self.name(item), "funder")
        # 'Preprint': the HTML reader reads the article as one; any other is said
        self.add("status", node.get("creativeWorkStatus"), "creativeWorkStatus")
        key = _first_key(node, "author", "creator")
        for number, item in enumerate(_items(node.get(key))):
            person = self.person(_resolved(item, self.index), f"{key}[{number}]")
            if person is not None:
                self.out.authors.append(person)
        for item in _items(node.get("citation")):
            item = _resolved(item, self.index)
            cited = self.citation(item) if item is not node else None  # (not itself)
            if cited:
                self.out.citations.append(cited)
        self.out.unread = [
            str(key) for key in node if key not in _CARRIED and key not in _BOOKKEEPING
        ][:50]
        return self.out

    def dois(self, node: dict[str, Any]) -> None:
        """DOIs among ``identifier`` (a ``PropertyValue`` whose ``propertyID`` is DOI, or a
        text that is one), and ``sameAs``, ``url`` and ``@id`` that are doi.org addresses."""
        for item in _items(node.get("identifier")):
            item = _resolved(item, self.index)
            if isinstance(item, dict):
                kind = (_text(item.get("propertyID")) or "").lower()
                value = _text(item.get("value"))
                if value and (kind == "doi" or is_doi(value)):
                    self.add("doi", value, "identifier")
            elif (text := _text(item)) and is_doi(text):
                self.add("doi", text, "identifier")
        for key in ("sameAs", "url", "@id"):
            for text, _ in _texts(node.get(key)):
                if is_doi(text):
                    self.add("doi", text, key)

    def journal(self, node: dict[str, Any]) -> None:
        """The issue, volume and journal the article ``isPartOf``, however many of them a site
        writes and in whichever order (Springer Nature types one node both ``Periodical`` and
        ``PublicationVolume``)."""
        part, path = node.get("isPartOf"), "isPartOf"
        for _ in range(_PART_LEVELS):
            part = _resolved(part[0] if isinstance(part, list) and part else part, self.index)
            if not isinstance(part, dict):
                return
            types = _types(part)
            self.add("issue", part.get("issueNumber"), f"{path}.issueNumber")
            if "publicationissue" in types:
                self.add("issue_published", part.get("datePublished"), f"{path}.datePublished")
            self.add("volume", part.get("volumeNumber"), f"{path}.volumeNumber")
            self.add("issn", part.get("issn"), f"{path}.issn")
            if types & {"periodical", "publication"} or "issn" in part:
                self.add("journal", part.get("name"), f"{path}.name")
                self.add("publisher", self.name(part.get("publisher")), f"{path}.publisher")
            part, path = part.get("isPartOf"), f"{path}.isPartOf"

    def person(self, value: Any, where: str) -> Person | None:
        """An author given as a ``Person`` or an organisation, or by its name alone; a value
        of another kind (a number, an article) is none."""
        if not isinstance(value, dict):
            return Person(where, full=" ".join(value.split())) if isinstance(value, str) else None
        types = _types(value)
        if types and not types & (_PEOPLE | _ORGANISATIONS):
            return None
        person = Person(where)
        name = _text(value.get("name"))
        if types & _ORGANISATIONS:
            person.collab = name
            return person if name else None
        person.given = (
            " ".join(
                text for key in ("givenName", "additionalName") if (text := _text(value.get(key)))
            )
            or None
        )
        person.family = _text(value.get("familyName"))
        person.full = name
        for key in ("identifier", "sameAs", "url", "@id"):
            for item in _items(value.get(key)):
                if isinstance(item, dict):
                    if (_text(item.get("propertyID")) or "").lower() != "orcid":
                        continue
                    item = item.get("value")
                text = _text(item)
                if text and _ORCID_LIKE.search(text):
                    person.orcid = person.orcid or text
        for item in _items(value.get("affiliation")):
            text = self.affiliation(_resolved(item, self.index))
            if text:
                person.affiliations.append(text)
        person.email = _text(value.get("email"))
        self.out.unread += [f"{where}.{key}" for key in value if key not in _PERSON_READ][:50]
        if not (person.given or person.family or person.full):
            return None
        return person

    def affiliation(self, value: Any) -> str | None:
        """An affiliation line: Springer Nature writes the whole line as the address's
        ``name`` ('Faculty of Geography, Bucharest University, Bucharest, Romania'), others a
        name and a ``PostalAddress`` ('addressLocality', 'addressRegion', 'postalCode',
        'addressCountry': 'Boston, MA 02115, USA', the region and the postal code kept in the
        line as the city is, the code after the region or city as the JATS line writes it)."""
        if not isinstance(value, dict):
            return _text(value)
        name = _text(value.get("name"))
        address = _resolved(value.get("address"), self.index)
        if isinstance(address, dict):
            line = _text(address.get("name"))
            if line and (not name or name.lower() in line.lower()):
                return line
            keys = ("addressLocality", "addressRegion")
            places = [place for key in keys if (place := self.name(address.get(key)))]
            code = self.name(address.get("postalCode"))
            if code:
                places[-1:] = [" ".join([*places[-1:], code])]
            country = self.name(address.get("addressCountry"))
            return ", ".join(part for part in (name, *places, country) if part) or None
        return name or _text(address)

    def citation(self, value: Any) -> str | dict[str, list[str]] | None:
        """A cited work: its text, or its fields when given as an object."""
        if not isinstance(value, dict):
            return _text(value)
        if not _types(value) - {"creativework"} and set(value) <= {"@type", "@id", "name"}:
            return _text(value.get("name"))  # a reference given as its text alone
        fields: dict[str, list[str]] = {}

        def put(name: str, text: str | None) -> None:
            if text:
                fields.setdefault(name, []).append(text)

        for item in _items(value.get("author") or value.get("creator")):
            item = _resolved(item, self.index)
            if isinstance(item, dict):
                family, given = _text(item.get("familyName")), _text(item.get("givenName"))
                put("citation_author", f"{family} {given}" if family and given else None)
                if not (family and given):
                    put("citation_author", _text(item.get("name")) or family)
            elif isinstance(item, str):
                put("citation_author", _text(item))
        put("citation_title", _text(value.get("headline") or value.get("name")))
        put("citation_publication_date", _text(value.get("datePublished")))
        part = _resolved(value.get("isPartOf"), self.index)
        for _ in range(_PART_LEVELS):
            if not isinstance(part, dict):
                break
            put("citation_volume", _text(part.get("volumeNumber")))
            put("citation_issue", _text(part.get("issueNumber")))
            if _types(part) & {"periodical", "book", "publication"}:
                put("citation_journal_title", _text(part.get("name")))
            part = _resolved(part.get("isPartOf"), self.index)
        put("citation_firstpage", _text(value.get("pageStart")))
        put("citation_lastpage", _text(value.get("pageEnd")))
        put("citation_pages", _text(value.get("pagination")))
        put("citation_publisher", self.name(value.get("publisher")))
        for key in ("identifier", "sameAs", "url", "@id"):
            for item in _items(value.get(key)):
                item = _resolved(item, self.index)
                text = _text(item.get("value") if isinstance(item, dict) else item)
                if text and is_doi(text) and "citation_doi" not in fields:
                    put("citation_doi", read_doi(text))
        return fields or None


def _first_key(node: dict[str, Any], *keys: str) -> str:
    """The first of ``keys`` the node has a value for (the first, when it has none)."""
    return next((key for key in keys if node.get(key)), keys[0])
