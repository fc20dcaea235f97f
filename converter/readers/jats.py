"""Read JATS (1.0–1.4) and NLM (2.3, 3.0) XML: front matter and references into the model.

An old file read here and written again comes out as JATS 1.4. For the elements the model covers
the reading is the exact inverse of ``converter/writers/jats.py``: JATS → model → JATS gives the
same bytes. What the model does not cover (the body, floats, author notes other than the
competing-interests statement …) is left out and named in a warning.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

from lxml import etree
from pydantic import ValidationError

from converter import alphabets, identifiers, model, relations, scripts
from converter.affiliation_kinds import is_department
from converter.countries import localized_country_name
from converter.languages import country_named_in_any_language, normalize_language
from converter.licenses import licence_statement, licence_use, resolve_license, spdx_from_url
from converter.messages import article_without_front, shorten, what_is
from converter.notices import DROPPED, OUT_OF_SCOPE, SIMPLIFIED, Kind
from converter.readers.base import Loaded, ReadContext
from converter.readers.common import (
    ADDRESS,
    EMAIL,
    add_funder,
    build,
    country_code,
    email_or_warn,
    identifier_or_warn,
    issue_doi_or_warn,
    orcid_or_warn,
    read_root,
    real_date,
    unlabelled_pages,
    valid_issn,
)
from converter.readers.crossmark import ARTICLE_TYPES, article_type_named
from converter.readers.email_owner import email_owner
from converter.readers.markup import (
    Collector,
    inline_text,
    paragraphs,
    plain_text,
    remove_keeping_tail,
)
from converter.readers.native import validation_problems
from converter.readers.reference_dois import dois_set_right, reference_doi
from converter.readers.sniffing import XmlStart
from converter.xmlns import (
    ALI_LICENSE_REFS,
    XLINK_HREF,
    XML_LANG,
    local_name,
    root_name,
    statement_field,
)

_RELATED_TYPES = frozenset(get_args(model.RelatedArticleType))
_ROLES = frozenset({"author", "editor", "translator", "reviewer", "compiler"})
_REF_TYPE_NAMES = get_args(get_args(model.Reference.model_fields["type"].annotation)[0])
_REF_TYPES = {
    **{name: name for name in _REF_TYPE_NAMES},
    "confproc": "conference",
    "conf-proc": "conference",
    "webpage": "web",
    "website": "web",
    "dataset": "data",
    "preprint": "other",
    "standard": "other",
}
# pub-date types that are not the article's publication (PMC's release, a correction)
_NOT_PUBLICATION = frozenset(
    {"pmc-release", "nihms-submitted", "manuscript", "ecorrected", "pcorrected", "retracted",
     "preprint", "accepted", "received", "rev-recd", "epreprint", "ppreprint", "eretracted",
     "pretracted", "corrected", "rev-request", "hwp-received", "hwp-created"}
)  # fmt: skip
# history date types that date the article's publication (Hindawi: pub)
_PUBLISHED = frozenset({"pub", "published", "publication", "epub"})
# pub-date types (pub-type, date-type, publication-format) that name the electronic publication
_ELECTRONIC = frozenset({"epub", "pub", "electronic", "online"})
# self-uri content-types (a MIME type's subtype: text/plain is "plain") by the model's type
_SELF_URI_TYPES = {"pdf": "pdf", "html": "html", "xml": "xml", "epub": "epub", "text": "text",
                   "plain": "text", "txt": "text", "unspecified": "unspecified"}  # fmt: skip
_XML_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# abstract-type values that name the article's own abstract, not a summary of another kind
# ext-link-type values of a related-article linked by its PubMed id (PMC's Style Checker takes
# both)
_PUBMED_LINKS = frozenset({"pubmed", "pmid"})
_MAIN_ABSTRACT = frozenset({"", "abstract", "main", "standard"})
# kwd-group-type values that name the authors' keywords (JATS4R: author; PMC, eLife, bioRxiv
# write the others); a group of another type is another vocabulary, unless it is the only one
_AUTHOR_KEYWORDS = frozenset(
    {"", "author", "author-keywords", "author-generated", "author-keyword", "keywords", "keyword"}
)
# journal-meta children the reader takes (NLM 2.3 gives the titles in journal-meta itself); any
# other (the editors' contrib-group, notes, an ISBN) is named in a warning: it was left out in
# silence
# CRediT as publishers mark it: JATS 1.2+ vocab-term-identifier; PLOS and PMC write the
# term's address in content-type (credit.niso.org) or only the vocabulary's
# (credit.casrai.org) with the role's label as text.
_CREDIT_LABELS = {
    re.sub(r"[\s\-\u2010-\u2015]+", " ", label).casefold(): term
    for term, label in model.CREDIT_ROLES.items()
}


def _credit_term(role: etree._Element, text: str) -> str | None:
    """The CRediT term a <role> names, or None when it names none."""
    for attr in ("vocab-term-identifier", "content-type"):
        term = (role.get(attr) or "").rstrip("/").rsplit("/", 1)[-1]
        if term in model.CREDIT_ROLES:
            return term
    marks = " ".join(role.get(a) or "" for a in ("vocab", "vocab-identifier", "content-type"))
    if "credit" not in marks.casefold():
        return None
    return _CREDIT_LABELS.get(re.sub(r"[\s\-\u2010-\u2015]+", " ", text.strip()).casefold())


_KNOWN_JOURNAL_META = frozenset(
    {"journal-id", "journal-title-group", "journal-title", "journal-subtitle", "trans-title",
     "trans-subtitle", "trans-title-group", "abbrev-journal-title", "issn", "issn-l",
     "publisher", "self-uri"}
)  # fmt: skip
# article-meta children the reader takes; any other is named in a warning (volume-id too: the
# model has no place for it, and it was left out in silence)
_KNOWN_META = frozenset(
    {
        "article-id", "article-categories", "title-group", "contrib-group", "aff",
        "aff-alternatives", "pub-date", "volume", "issue", "fpage", "lpage", "elocation-id",
        "history", "permissions", "self-uri", "related-article", "abstract", "trans-abstract",
        "kwd-group", "funding-group", "custom-meta-group", "copyright-statement",
        "copyright-year", "copyright-holder", "page-range", "issue-id", "issue-title",
        "issue-title-group", "counts", "author-notes", "article-version",
        "article-version-alternatives",
    }
)  # fmt: skip
# contrib-group children read (contributors, affiliations); any other is said. <x> is the
# punctuation a publisher puts between contributors (', ', ' and '), generated text and no
# fact, as a contrib's own <x> is: it was said as data dropped (refused under --strict)
_CONTRIB_GROUP_READ = frozenset({"contrib", "aff", "aff-alternatives", "x"})
# title-group and permissions children the reader takes; any other is named in a warning
_KNOWN_TITLE_GROUP = frozenset(
    {"", "article-title", "subtitle", "trans-title-group", "trans-title", "trans-subtitle"}
)
_KNOWN_PERMISSIONS = frozenset(
    {"", "copyright-statement", "copyright-year", "copyright-holder", "license"}
)

_DATA_AVAILABILITY_NAME = re.compile(r"\s*data\s+availability(\s+statement)?\s*$", re.I)
# the headings of untyped back sections that are the article's statements
_STATEMENT_HEADINGS = {
    "acknowledgements": re.compile(r"acknowledge?ments?\s*:?", re.I),
    "competing_interests": re.compile(
        r"(declarations?\s+of\s+)?(competing|conflicts?\s+of)\s+interests?(\s+statement)?\s*:?",
        re.I,
    ),
    # "Data and code availability" (eLife), "Availability of data and materials" (BMC)
    "data_availability": re.compile(
        r"(data(\s+and\s+(code|software|materials?))?\s+availability(\s+statement)?"
        r"|availability\s+of\s+(the\s+)?data(\s+and\s+materials?)?)\s*:?",
        re.I,
    ),
    # bioRxiv's "Funding", and "Funding statement", "Funding information", "Sources of funding"
    "funding_statement": re.compile(
        r"(funding(\s+(statement|information|sources?))?|sources?\s+of\s+funding)\s*:?", re.I
    ),
}
_STATEMENT_NAMES = {
    "acknowledgements": "acknowledgements",
    "competing_interests": "competing-interests statement",
    "data_availability": "data availability statement",
    "funding_statement": "funding statement",
}


def _with_count(name: str, count: int, what: str) -> str:
    """'contrib-group (1 contributor)', 'contrib-group (4 contributors)'."""
    return f"{name} ({count} {what}{'' if count == 1 else 's'})"


def _heading(element: etree._Element) -> str:
    """The text of an element's own ``<title>``, its spacing made single ("" without one)."""
    title = _child(element, "title")
    return " ".join("".join(title.itertext()).split()) if title is not None else ""


def _named(element: etree._Element) -> str:
    """An element as a warning names it: ``fn of type 'other'``, ``sec 'Video Legends'``,
    ``glossary 'Abbreviations'``, ``app-group``."""
    name = local_name(element, lower=True)
    kind = "".join(
        (element.get(f"{name}-type") or element.get("content-type") or "").split()
    )  # fn-type, sec-type, notes-type …
    if kind:
        return f"{name} of type {kind!r}"
    heading = _heading(element)
    if heading:
        return f"{name} {shorten(heading, 60)!r}"
    return f"untyped {name}" if name in ("fn", "sec", "notes") else name


def _titled_statement(sec: etree._Element) -> str | None:
    """The statement an untyped back section is by its heading ("Acknowledgements",
    "Competing interests", "CONFLICT OF INTEREST", "Data availability", bioRxiv's "Funding"),
    as PMC's BMC, SciELO and bioRxiv files give them; None for any other."""
    if (sec.get("sec-type") or "").strip():
        return None
    heading = _heading(sec)
    for field, pattern in _STATEMENT_HEADINGS.items():
        if pattern.fullmatch(heading):
            return field
    return None


def _statement_place(sec: etree._Element, back: etree._Element | None) -> bool:
    """Whether an untyped section headed as a statement is read as one where it stands:
    directly in ``<back>``, or in a back section of type "additional-information", where eLife
    nests its "Funding" section beside its competing-interests footnotes (it was named as left
    out). Deeper, a heading is a sub-section's of some other text."""
    parent = sec.getparent()
    if back is None or parent is None:
        return False
    if parent is back:
        return True
    return (
        local_name(parent, lower=True) == "sec"
        and (parent.get("sec-type") or "").strip().casefold() == "additional-information"
        and parent.getparent() is back
    )


def _text_beside_heading(element: etree._Element) -> bool:
    """The element holds text outside its ``label`` and ``title``."""
    own = (element.text or "").strip()
    return bool(own) or any(
        "".join(child.itertext()).strip() or (child.tail or "").strip()
        for child in element
        if local_name(child, lower=True) not in ("label", "title")
    )


def _page_span(fpage: str | None, lpage: str | None) -> str | None:
    """How many pages 'fpage'-'lpage' span (110-119: '10'), when both are numbers."""
    if fpage and lpage and fpage.isdecimal() and lpage.isdecimal() and int(lpage) >= int(fpage):
        return str(int(lpage) - int(fpage) + 1)
    return None


def _title_lang(article: etree._Element) -> str | None:
    """The xml:lang of the article's title, which is in the article's language: the language
    of an article that states none (SciELO's classic export states it on each title alone;
    the article was read as English and refused for having no English title)."""
    group = _child(_child(_child(article, "front"), "article-meta"), "title-group")
    title = _child(group, "article-title")
    return title.get(XML_LANG) if title is not None else None


def _pmid_pub_ids(element: etree._Element) -> list[etree._Element]:
    """The ``pub-id`` elements of type pmid inside ``element``."""
    return [el for el in element.iter("{*}pub-id", "pub-id") if el.get("pub-id-type") == "pmid"]


def sniff(path: Path, head: bytes, start: XmlStart | None = None) -> str | None:
    """JATS or NLM: an ``<article>`` root (as the parser finds it, ``start``, however far into
    the file), a JATS/NLM DOCTYPE or a ``dtd-version``. (An OJS export's ``<article>`` in the
    PKP namespace is claimed by the OJS sniffer, tried first.)"""
    if start is not None and start.root == "article":
        return "jats"
    text = head.decode("utf-8", "replace")
    if (
        re.search(r"<!DOCTYPE\s+article\b", text)
        or re.search(r"<article\b[^>]*(dtd-version|xmlns:xlink)", text)
        or (start is None and root_name(text) == "article")
    ):
        return "jats"
    return None


def read(path: Path, context: ReadContext) -> Iterator[Loaded]:
    """Every article of a JATS/NLM file (one, or several in a wrapper such as an article set)."""
    root = read_root(path)
    if isinstance(root, Loaded):
        yield root
        return
    if local_name(root, lower=True) == "article":
        articles = [root]
    else:
        articles = [
            el
            for el in root.iter("{*}article", "article")
            if not any(local_name(a, lower=True) == "article" for a in el.iterancestors())
        ]
    if context.found and (other := _plainly_not_jats(root, articles, path)) is not None:
        yield Loaded(str(path), path.stem, problems=[f"{path}: {other}"], not_article=True)
        return
    if not articles:
        yield Loaded(str(path), path.stem, problems=[f"{path}: no <article> element: not JATS"])
        return
    many = len(articles) > 1
    base = output_stem(path)
    for index, element in enumerate(articles, start=1):
        name = f"{path}#{index}" if many else str(path)
        stem = f"{base}-{index}" if many else base
        if (problem := article_without_front(element)) is not None:
            yield Loaded(name, stem, problems=[f"{name}: {problem}"])
            continue
        log = Collector()
        # the file's journal-meta is not read when --journal gives the journal: what it holds
        # that the model has not would be said of a journal that is not used
        data, journal = ArticleReader(element, name, log).read(context.journal is None)
        yield build(
            data,
            path=path,
            name=name,
            stem=stem,
            context=context,
            source_journal=journal,
            warnings=log.warnings,
            dois_set_right=True,  # (the references' texts, naming each as the source does)
        )


_XSLT_NS = "http://www.w3.org/1999/XSL/Transform"


def _plainly_not_jats(
    root: etree._Element, articles: list[etree._Element], path: Path
) -> str | None:
    """What a file that a folder scan or a glob found (``--from jats``) is, when it is plainly
    not JATS, to be skipped as the YAML/JSON files found that are not articles are: a sitemap,
    an XSLT stylesheet (whose templates may hold literal ``<article>`` elements), a Crossref
    deposit, an OJS export (its ``<article>`` elements in the PKP namespace). None when it may
    be JATS, to be read and refused as bad input if broken: an ``<article>`` in no namespace,
    as JATS's and NLM's are, or one with its ``<front>`` (a wrapper such as an OAI-PMH reply's)."""
    if etree.QName(root).namespace != _XSLT_NS and any(
        etree.QName(article).namespace is None or article_without_front(article) is None
        for article in articles
    ):
        return None
    return what_is(b"", str(path), root.tag) or "no <article> element: not JATS"


def output_stem(path: Path) -> str:
    """'a.nlm.xml' → 'a' (so the JATS 1.4 output 'a.xml' sits beside its NLM source)."""
    stem = path.stem
    for marker in (".nlm", ".jats"):
        if stem.lower().endswith(marker) and len(stem) > len(marker):
            return stem[: -len(marker)]
    return stem


def _child(element: etree._Element | None, *names: str) -> etree._Element | None:
    if element is None:
        return None
    for child in element:
        if local_name(child, lower=True) in names:
            return child
    return None


def _children(element: etree._Element | None, *names: str) -> list[etree._Element]:
    if element is None:
        return []
    return [child for child in element if local_name(child, lower=True) in names]


_INSTITUTION_WORDS = re.compile(
    r"univ|inst|dep|dept|facult|hospital|college|school|cent(er|re)|lab|academ|foundation|"
    r"museum|ministry|agency|council|company|corporation|\binc\b|\bltd\b|gmbh|clinic|unit|"
    r"division|program|station|service|office|society|trust|group|research",
    re.IGNORECASE,
)


def _clean_aff_text(text: str) -> str:
    # no space before a comma: the parts of a line are joined with one ('University , Moscow')
    text = re.sub(r"\s+(?=[,;])", "", " ".join(text.split()))
    return re.sub(r"^[\s,;.]+|[\s,;]+$", "", text)


def _place_name(text: str) -> bool:
    """A plausible city: a few words, no digits, no word of an institution's name."""
    return (
        0 < len(text.split()) <= 3
        and not re.search(r"\d", text)
        and not _INSTITUTION_WORDS.search(text)
    )


def _split_affiliation(text: str, lang: str, *, place_only: bool = False) -> dict[str, Any] | None:
    """An affiliation written as one line, split only where no guess is needed:
    'Institution', 'Institution, Country', 'Institution, City, Country' (``place_only``, for
    an ``addr-line`` beside tagged parts: 'City', 'City, Country', 'Country'). None otherwise:
    the caller keeps the line whole."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return None
    country = country_code(parts[-1], parts[:-1])
    head = parts[:-1] if country else parts
    found: dict[str, Any] = {"country": country} if country else {}
    if country and parts[-1] != localized_country_name(country, lang):
        found["country_name"] = {lang: parts[-1]}  # as the source names it
    if place_only:
        if len(head) == 1 and _place_name(head[0]):
            found["city"] = {lang: head[0]}
        elif head:
            return None
        return found
    if len(head) == 1 and (country or ";" not in head[0]):
        found["institution"] = {lang: head[0]}
    elif len(head) == 2 and country and _place_name(head[1]) and not _place_name(head[0]):
        found["institution"] = {lang: head[0]}
        found["city"] = {lang: head[1]}
    elif head:
        return None
    return found


# the children of a contrib the reader takes (an address only for its e-mail)
_CONTRIB_READ = frozenset(
    {"contrib-id", "name", "name-alternatives", "string-name", "collab", "collab-alternatives",
     "role", "email", "address", "xref", "aff", "aff-alternatives", "bio", "anonymous", "label"}
)  # fmt: skip


def _role(stated: str, group_type: str) -> str | None:
    """The model's role for a contrib-type as publishers write it: in any case ('Author'), an
    author by another name ('co-author': the DAI's journals), or, for a type that names no role
    ('person': Texture), the role its contrib-group's content-type names ('authors': Pensoft).
    None for a role the model has not (the contributor is then named as left out)."""
    value = stated.lower()
    if value in _ROLES:
        return value
    if re.fullmatch(r"(co|first|last|senior|corresponding|principal)[-_ ]?author", value):
        return "author"
    if re.fullmatch(r"(senior|reviewing|academic|handling|section|associate)[-_ ]?editor", value):
        return "editor"  # eLife: contrib-type="senior_editor"
    group = group_type.strip().lower().removesuffix("s")
    return group if value in ("person", "individual") and group in _ROLES else None


# eLife's contrib-type of a group author's members, listed beside the byline
_NON_BYLINE = re.compile(r"\bnon[- ]?byline\b", re.IGNORECASE)
_PEOPLE = frozenset({"name", "string-name", "collab", "etal"})
_DATE_PARTS = frozenset({"day", "month", "season", "year"})
# parts of a structured citation the model's reference fields hold (see ``_structured``)
_CARRIED = frozenset(
    {"article-title", "chapter-title", "data-title", "part-title", "source", "year", "volume",
     "issue", "fpage", "lpage", "ext-link", "uri", "trans-title", "trans-source", "label",
     "isbn", "issn", "publisher-name", "publisher-loc", "edition", "elocation-id"}
)  # fmt: skip


def _pmc_text_mining_licence(entries: list[dict[str, Any]]) -> None:
    """A Creative Commons licence marked "textmining" in a file that gives no licence for the
    article is the article's own: PMC marks so the licence of an open-access article, the one
    text mining may use (a publisher's text-mining terms alone are never a CC licence, and stay
    a licence for text mining)."""
    if any(not entry.get("applies_to") for entry in entries):
        return
    for entry in entries:
        if entry.get("applies_to") == "tdm" and spdx_from_url(entry.get("id") or ""):
            del entry["applies_to"]
            return


# the reference fields read from a citation's parts (not its text, id, label or type)
_PART_FIELDS = frozenset(model.Reference.model_fields) - {"id", "label", "text", "type"}


# the pub-id types a reference's fields hold, each with the field and what reads it (PMC's own
# files type a PMCID "pmc", JATS 1.2 and later "pmcid")
_CARRIED_IDS = {
    "doi": ("doi", identifiers.normalize_doi),
    "arxiv": ("arxiv", identifiers.normalize_arxiv),
    "pmid": ("pmid", identifiers.normalize_pmid),
    "pmcid": ("pmcid", identifiers.pmcid_from_jats),
    "pmc": ("pmcid", identifiers.pmcid_from_jats),
    "isbn": ("isbn", identifiers.normalize_isbn),  # eLife: a book's ISBN as a pub-id
}


# the article-id types of PubMed's ids (the ArticleIds fields are named as a reference's)
_ARTICLE_PMIDS = {kind: _CARRIED_IDS[kind] for kind in ("pmid", "pmcid", "pmc")}


def _uncarried(cite: etree._Element) -> bool:
    """Whether a structured citation holds a part the reference fields have no place for
    (editors, a comment): then its text is kept beside them."""
    authors = _leading_people(cite)
    for child in cite:
        name = local_name(child, lower=True)
        if not name or name in _CARRIED or child in authors:
            continue
        if name == "person-group" and (child.get("person-group-type") or "author") == "author":
            continue
        if name == "pub-id" and (child.get("pub-id-type") or "").lower() in _CARRIED_IDS:
            continue
        if name == "date" and _year_only(child):
            continue
        if name == "date-in-citation" and (child.get("content-type") or "access-date") == (
            "access-date"
        ):
            continue
        if "".join(child.itertext()).strip() or name == "etal":
            return name != "etal"
    return False


# a citation's parts that say their value in an attribute alone, which neither the fields nor
# the reference's text hold (PLOS's NLM 2.3 ``<page-count count="191"/>``)
_UNHELD = frozenset({"page-count"})


def _unheld(ref: etree._Element) -> set[str]:
    """The names of the reference's parts no field and no text holds."""
    return {
        name
        for cite in ref.iter()
        if isinstance(cite.tag, str)
        for child in cite
        if (name := local_name(child, lower=True)) in _UNHELD
        and not "".join(child.itertext()).strip()
        and any(value.strip() for value in child.attrib.values())
    }


def _year_only(date: etree._Element) -> bool:
    """A citation's ``<date>`` that holds its year alone (SciELO), which is the year field."""
    return {local_name(part, lower=True) for part in date if "".join(part.itertext()).strip()} == {
        "year"
    }


def _element_only(cite: etree._Element) -> bool:
    """An NLM 2.3 ``<citation>`` that is structured — elements with nothing but white space
    between them (PLOS, BMC, Springer in PMC) — not mixed: its text would run the parts
    together ('McSheaDW1996Metazoan complexity…'), so it is read as an element citation."""
    if (cite.text or "").strip() or not len(cite):
        return False
    return not any((child.tail or "").strip() for child in cite)


_TITLES = ("article-title", "chapter-title", "data-title", "part-title")
# what opens a pub-id's value in a citation's text, by its type, and what says it is named
_ID_LABELS = {
    "doi": ("doi: ", re.compile(r"doi", re.IGNORECASE)),
    "pmid": ("PMID: ", re.compile(r"pmid|pubmed", re.IGNORECASE)),
    "pmcid": ("PMCID: ", re.compile(r"pmc", re.IGNORECASE)),
    "pmc": ("PMCID: ", re.compile(r"pmc", re.IGNORECASE)),
}


def _leading_people(cite: etree._Element) -> list[etree._Element]:
    """The names, group authors and etal a citation holds outside any person-group before its
    title or source (NLM 2.3, PLOS, BMC): its authors. Names after them are editors ('In:
    <name>…</name>, editor.') or the authors of another work, not its authors."""
    found = []
    for child in cite:
        name = local_name(child, lower=True)
        if name in (*_TITLES, "source"):
            break
        if name in _PEOPLE:
            found.append(child)
    return found


def _untyped_journal_id(value: str) -> tuple[str, str] | None:
    """The type and value of a journal-id given without a type when the value itself says
    which it is: an ISSN written as one (NNNN-NNNC, its check digit holding: eight digits
    alone may be a publisher's code) is one of type 'issn', a DOI one of type 'doi' (JATS's
    suggested type for a journal's DOI); None for any other value."""
    if re.fullmatch(r"\d{4}-\d{3}[\dXx]", value.strip()):
        issn = valid_issn(value)
        return ("issn", issn) if issn else None
    try:
        return "doi", identifiers.read_doi(value)
    except ValueError:
        return None


def _tagged_parts(cite: etree._Element) -> bool:
    """Whether a mixed citation tags its people and its title or source (PMC, PLOS, eLife),
    or tags its title or source and is a work without authors (``_without_authors``): its
    parts are then the reference's fields, read as an element citation's."""
    names = {local_name(child, lower=True) for child in cite}
    if not names & {*_TITLES, "source"}:
        return False
    return bool(names & (_PEOPLE | {"person-group"})) or _without_authors(cite)


def _without_authors(cite: etree._Element) -> bool:
    """Whether a mixed citation that tags no people is certain to have none: no word stands
    before its first tagged part ('<source>Global tuberculosis report</source>. <year>2019
    </year>', a report, a law, a web page). With a word there ('World Health Organization.
    <source>…', 'Smith J. <source>…') its authors are written but untagged: its tagged year
    and source alone would be a structure that says the work has no authors, and the parser
    would not read them from the text; it keeps its text alone, which the parser reads."""
    return not re.search(r"\w", cite.text or "")


def _spaced(cite: etree._Element) -> etree._Element:
    """A copy of a mixed citation whose tagged parts are kept apart in its text. JATS puts
    every space and mark in the text, but PMC's and PLOS's files often leave none between
    two parts ('<surname>Paupy</surname><given-names>C</given-names>', '<source>Microbes
    Infect</source><volume>11</volume>', '<lpage>1185</lpage><pub-id …>19450706</pub-id>'),
    and the text ran them together ('PaupyC', 'Infect11', '118519450706'). Where nothing
    separates two parts, names get a comma (also where a space alone does: Frontiers), a
    first and last page a dash, other parts a space; a pub-id its text does not name is
    named ('PMID: 19450706'), an empty <etal/> written 'et al.'."""
    spaced = copy.deepcopy(cite)
    for holder in spaced.iter():
        if holder is not spaced and local_name(holder, lower=True) not in (
            "person-group", "name", "string-name"
        ):  # fmt: skip
            continue
        parts = [child for child in holder if local_name(child)]
        for part in parts:
            if local_name(part, lower=True) == "etal" and not "".join(part.itertext()).strip():
                after = part.tail or (holder.tail if part is parts[-1] else "") or ""
                part.text = "et al" if after.startswith(".") else "et al."
        for before, part in itertools.pairwise(parts):
            name, kind = local_name(part, lower=True), (part.get("pub-id-type") or "").lower()
            pair = {local_name(before, lower=True), name}
            # what stands between the two: the tails of the part before and of what follows it
            # (a processing instruction: PMC's <?supplied-pmid …?>)
            gap = [before]
            for sibling in before.itersiblings():
                if sibling is part:
                    break
                gap.append(sibling)
            between, node = "".join(n.tail or "" for n in gap), gap[-1]
            said = ("".join(before.itertext()) + between)[-12:]
            if name == "pub-id" and kind in _ID_LABELS and not _ID_LABELS[kind][1].search(said):
                part.text = _ID_LABELS[kind][0] + (part.text or "").lstrip()
                if between and not between[-1].isspace():
                    node.tail = (node.tail or "") + " "
                    continue
            end, start = "".join(before.itertext())[-1:], "".join(part.itertext())[:1]
            if between.strip():
                continue
            if pair <= _PEOPLE and "etal" not in pair:
                node.tail = ", "  # (Frontiers: names apart by a space alone)
            elif between:
                continue
            elif (local_name(before, lower=True), name) == ("fpage", "lpage"):
                node.tail = "–"
            elif start.isalnum() and (end.isalnum() or end in ".,;:)]"):
                node.tail = " "
    return spaced


def _sup_label(part: etree._Element) -> bool:
    """A ``<sup>1</sup>`` that opens an affiliation is its label (Hindawi and PMC files:
    ``<aff id="I1"><sup>1</sup>Department of …</aff>``), not a word of it."""
    if local_name(part, lower=True) != "sup":
        return False
    parent = part.getparent()
    before = (parent.text or "") if parent is not None else ""
    for sibling in part.itersiblings(preceding=True):
        before += (sibling.tail or "") + ("x" if local_name(sibling, lower=True) != "label" else "")
    text = "".join(part.itertext()).strip()
    return not before.strip() and 0 < len(text) <= 3


# how SciELO and others type a postal code written as named-content or addr-line
_POSTAL_KINDS = ("zipcode", "zip", "postal-code", "postal_code", "postalcode", "postcode")
# Wiley's <named-content content-type="country-part">NSW</named-content>: the part of the
# country the address names, a state (as SciELO's content-type="state")
_STATE_KINDS = ("state", "country-part")
_ADDRESS_KINDS = ("city", *_STATE_KINDS, *_POSTAL_KINDS)
# an affiliation's tagged parts (and a named-content of an address kind: a typed part too)
_AFF_PARTS = ("institution", "city", "country", "addr-line", "state", "postal-code")


def _one_place(aff: dict[str, Any], key: str, lang: str, text: str) -> bool:
    """Put a city or state (``key``) of one language form into ``aff``; False when the form
    already names another (``<city>`` and a named-content city beside it: two places, which
    only the affiliation's line holds; the second replaced the first, unsaid)."""
    places = aff.setdefault(key, {})
    if text and places.get(lang) not in (None, "", text):
        return False
    if text or lang not in places:
        places[lang] = text
    return True


def _tagged_address(line: etree._Element) -> bool:
    """An ``addr-line`` made of tagged parts (city, state, postal code), not of free text."""
    names = {local_name(part, lower=True) for part in line} - {""}
    return bool(names) and names <= {"city", "state", "postal-code", "country", "named-content"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _texts(parts: dict[str, Any], lang: str) -> Iterator[str]:
    """Every text an affiliation's parts hold (the country by its code's names too)."""
    for key, value in parts.items():
        if isinstance(value, dict):
            yield from value.values()
        elif key == "postal_code" and isinstance(value, str):
            yield value
        elif key == "country" and isinstance(value, str):
            yield value
            yield localized_country_name(value, lang) or ""
            yield localized_country_name(value, "en") or ""


def _abstract_rank(kind: str | None) -> int:
    """0 for the article's own abstract (untyped, or typed as the main one), 1 for a summary of
    another kind (graphical, author summary, key points, teaser, table of contents …)."""
    return 0 if (kind or "").strip().lower() in _MAIN_ABSTRACT else 1


_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
# a date written out (string-date): 'December 1, 2019', '1 December 2019', '2019 Dec 1',
# 'December 2019' (English month names, as JATS files give them)
_WRITTEN_DATES = (
    re.compile(r"(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)\.?,?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4})\s+(?P<month>[^\W\d_]+)\.?(?:\s+(?P<day>\d{1,2}))?"),
    re.compile(r"(?P<month>[^\W\d_]+)\.?,?\s+(?P<year>\d{4})"),
)


def _month_number(text: str) -> int | None:
    """A month as files write it: '3', '03', or its English name or abbreviation ('Mar',
    'Mar.', 'March', 'Sept'); None for anything else ('Spring', 'Mar-Apr')."""
    word = text.strip().rstrip(".").lower()
    if word.isdigit():
        return int(word)  # an impossible one (13) is said when the date is checked
    if len(word) >= 3:
        for number, name in enumerate(_MONTH_NAMES, start=1):
            if name.startswith(word):
                return number
    return None


def _ymd(year: str, month: int | None, day: str | None) -> str:
    if month is None:
        return year
    return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def _written_date(text: str) -> tuple[str | None, str]:
    """A ``<string-date>`` as YYYY[-MM[-DD]] where it is written unambiguously, else its year
    when it names one ('Spring 2020'); with what was not read ('' when all was)."""
    text = " ".join(text.split())
    if _DATE.fullmatch(text):
        return text, ""
    for pattern in _WRITTEN_DATES:
        found = pattern.fullmatch(text)
        if found and (month := _month_number(found["month"])) is not None:
            return _ymd(found["year"], month, found.groupdict().get("day")), ""
    years = set(re.findall(r"(?<!\d)\d{4}(?!\d)", text))
    if len(years) == 1:
        return years.pop(), f"string-date {text!r} says more than its year"
    return None, f"string-date {text!r} is not a date that can be read"


def _read_date(element: etree._Element) -> tuple[str | None, str]:
    """A JATS date element as YYYY[-MM[-DD]] (the iso-8601-date attribute when it is one), and
    what of it could not be read ('' when all was): a month by its English name is read, a
    year of two digits or a month that is none ('Spring') is not guessed at."""
    iso = (element.get("iso-8601-date") or "").strip()
    if _DATE.match(iso):
        return iso, ""
    # the text of each part, not only what stands before a comment in it
    parts = {
        local_name(c, lower=True): "".join(c.itertext()).strip()
        for c in element
        if isinstance(c.tag, str)
    }
    year = parts.get("year", "")
    if not year:
        if parts.get("string-date"):
            return _written_date(parts["string-date"])
        return None, "no year"
    if not re.fullmatch(r"\d{4}", year):
        return None, f"year {year!r} is not a year of four digits"
    month, day = parts.get("month", ""), parts.get("day", "")
    if not month:
        return year, f"day {day!r} without a month" if day else ""
    number = _month_number(month)
    if number is None:
        return year, f"month {month!r} is not a month"
    if day and not day.isdigit():
        return _ymd(year, number, None), f"day {day!r} is not a day"
    return _ymd(year, number, day or None), ""


def _date_of(element: etree._Element) -> str | None:
    """A JATS date element as YYYY[-MM[-DD]], as far as it can be read (see ``_read_date``)."""
    return _read_date(element)[0]


def _without(element: etree._Element, part: etree._Element) -> etree._Element:
    """A copy of ``element`` without its child ``part``, whose tail text stays."""
    shallow = copy.deepcopy(element)
    remove_keeping_tail(shallow[element.index(part)])
    return shallow


def _without_ids(element: etree._Element) -> etree._Element:
    """A copy of ``element`` without the ``institution-id``s in it (Ringgold's '64935' is no
    word of an institution's name)."""
    shallow = copy.deepcopy(element)
    for found in list(shallow.iter("{*}institution-id", "institution-id")):
        remove_keeping_tail(found)
    return shallow


def _footnote_text(note: etree._Element) -> str:
    """A footnote's text without its label (SciELO repeats the mark as a ``<sup>`` too)."""
    shallow = copy.deepcopy(note)
    marks = []
    for label in list(shallow.iter("{*}label", "label")):
        marks.append(" ".join("".join(label.itertext()).split()))
        remove_keeping_tail(label)
    text = " ".join("".join(shallow.itertext()).split())
    if marks and marks[0] and text.startswith(marks[0]):
        text = text[len(marks[0]) :].strip()
    return text


# a funding-source's <named-content> holding its funder id (eLife, Crossref's pattern:
# content-type="funder-id"), not a word of its name
_FUNDER_ID_CONTENT = re.compile(r"fund(er|ref)[-_ ]?id|fundref", re.IGNORECASE)
_AWARD_READ = frozenset({"funding-source", "award-id", "funding-statement"})


class ArticleReader:
    """Reads one ``<article>`` element into the native data mapping and its journal."""

    def __init__(self, element: etree._Element, name: str, log: Collector):
        self.root = element
        self.name = name
        self.log = log
        self.lang = (element.get(XML_LANG) or _title_lang(element) or "en").strip() or "en"
        self.corresp_emails: dict[str, str] = {}  # see _corresp_emails
        self.footnotes: dict[str, etree._Element] | None = None  # see _footnotes

    # helpers ---------------------------------------------------------------------
    def lang_of(self, element: etree._Element, default: str | None = None) -> str:
        return (element.get(XML_LANG) or "").strip() or default or self.lang

    def known_lang(self, lang: str, what: str) -> bool:
        """False, with a "data dropped" line, for an xml:lang that is no ISO 639 code (Pensoft:
        a Spanish abstract as ``xml:lang="sp"``): texts are kept by language, and the model
        would refuse the whole article for it; which language was meant is a guess."""
        try:
            normalize_language(lang)
        except ValueError as exc:
            self.warn(f"{what} in xml:lang {lang!r}: {exc}: left out")
            return False
        return True

    def form_langs(
        self, forms: list[etree._Element], texts: list[str], what: str
    ) -> list[str | None]:
        """The language of each form of one thing given in several (the names of
        name-alternatives, the forms of aff-alternatives): its xml:lang; a form that states none
        takes the language its script tells against the article's (``language_by_script``:
        Cyrillic → the article's Cyrillic language or ru, Latin → its Latin one or en), a lone
        form the article's. None, said, for a form whose language its script does not tell, or
        tells one another form states (before, every untagged form took the article's language
        and all but the first were lost in silence); if no form can be placed, the first takes
        the article's language."""
        stated = [(form.get(XML_LANG) or "").strip() for form in forms]
        if len(forms) == 1:
            return [stated[0] or self.lang]
        held = {lang for lang in stated if lang}
        found: list[str | None] = []
        problems: list[str] = []
        for lang, text in zip(stated, texts, strict=True):
            told = lang or scripts.language_by_script(text, self.lang)
            if lang or (told and told not in held):
                held.add(told or "")
                found.append(told)
                problems.append("")
            else:
                found.append(None)
                problems.append(
                    f"its script tells {told!r}, which another form states"
                    if told
                    else "its script does not tell its language"
                )
        if not any(found) and found:
            found[0], problems[0] = self.lang, ""
        for text, problem in zip(texts, problems, strict=True):
            if problem:
                self.warn(f"{what} {text!r} states no xml:lang and {problem}: left out")
        return found

    def translated_lang(
        self, text: str, stated: str, held: dict[str, str], what: str, main: str | None = None
    ) -> str | None:
        """The language of a translated title (trans-title, trans-subtitle): as stated, else the
        one its script tells against ``main`` (the article's language); None, said, when it
        cannot be told or is one the titles already hold with another text (a trans-title-group
        without xml:lang was put under the article's language and lost in silence)."""
        letters = re.sub(r"</?(?:i|b|sub|sup|sc|u)>", "", text)  # the model's inline tags
        lang = stated or scripts.language_by_script(letters, main or self.lang)
        if lang is None:
            self.warn(
                f"{what} {text!r} states no xml:lang and its script does not tell its language: "
                "left out"
            )
        elif held.get(lang, text) != text:
            told = "in" if stated else "states no xml:lang and its script tells"
            self.warn(f"{what} {text!r} {told} {lang!r}, as another title: left out")
            return None
        return lang

    def inline(self, element: etree._Element) -> str:
        return inline_text(element, local_name(element, lower=True), self.log)

    def title_text(self, element: etree._Element) -> str:
        """A title's inline text without its footnote markers (SciELO: ``<article-title>…
        <xref ref-type="fn" rid="fn1"><sup>1</sup></xref></article-title>``), which left a
        stray '1' at its end. The footnote, which the model has no place for, is named as left
        out."""
        marks = [xref for xref in element.iter("{*}xref", "xref") if self._footnote_mark(xref)]
        if not marks:
            return self.inline(element)
        where = local_name(element)
        shallow = copy.deepcopy(element)
        for xref in [x for x in shallow.iter("{*}xref", "xref") if self._footnote_mark(x)]:
            mark = " ".join("".join(xref.itertext()).split())
            remove_keeping_tail(xref)
            for rid in (xref.get("rid") or "").split():
                note = self._footnotes().get(rid)
                text = _footnote_text(note) if note is not None else ""
                if text:
                    shown = shorten(text, 80, trim=True)
                    self.warn(f"{where}: footnote {rid} is not in the model: left out ({shown})")
                elif mark:
                    self.warn(f"{where}: the footnote marker {mark!r} is left out", SIMPLIFIED)
        return inline_text(shallow, where, self.log)

    def _footnote_mark(self, xref: etree._Element) -> bool:
        """An xref to a footnote: typed so, or pointing to an ``<fn>``."""
        if (xref.get("ref-type") or "").lower() in ("fn", "table-fn"):
            return True
        return any(rid in self._footnotes() for rid in (xref.get("rid") or "").split())

    def _footnotes(self) -> dict[str, etree._Element]:
        """The article's ``<fn>`` elements by id (read once)."""
        if self.footnotes is None:
            self.footnotes = {
                fn.get("id", ""): fn for fn in self.root.iter("{*}fn", "fn") if fn.get("id")
            }
        return self.footnotes

    def plain(self, element: etree._Element) -> str:
        return plain_text(element, local_name(element, lower=True), self.log)

    def warn(self, message: str, kind: Kind = DROPPED) -> None:
        self.log.warn(message, kind)

    # the article -----------------------------------------------------------------
    def read(self, with_journal: bool = True) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """The article's data, and its journal from ``journal-meta`` (None without
        ``with_journal``)."""
        front = _child(self.root, "front")
        meta = _child(front, "article-meta")
        if meta is None:
            self.warn("no front/article-meta: nothing to read")
            return {}, None  # the model then names the missing title
        data: dict[str, Any] = {"language": self.lang}
        article_type = (self.root.get("article-type") or "").strip()
        if article_type in ARTICLE_TYPES:
            data["article_type"] = article_type
        elif article_type and article_type_named(article_type):
            # bioRxiv's own JATS writes 'article': read as the landing-page reader reads its
            # page's 'Article', so that one preprint gets one type by either route
            data["article_type"] = article_type_named(article_type)
            self.warn(
                f"article-type {article_type!r} is not a JATS 1.4 value: read as "
                f"{data['article_type']!r}, as its words name",
                SIMPLIFIED,
            )
        elif article_type:
            data["article_type"] = "other"
            self.warn(f"article-type {article_type!r} is not a JATS 1.4 value: read as 'other'")
        read = {"numero"} if _child(meta, "issue") is None else set()  # (read as the issue)
        unknown = sorted({local_name(c, lower=True) for c in meta} - _KNOWN_META - read - {""})
        if unknown:
            self.warn("not in the model, left out: " + ", ".join(unknown))
        if _child(self.root, "body") is not None:
            self.warn("the body is not read (front matter and references only)", OUT_OF_SCOPE)
        self._ids(meta, data)
        self._categories(meta, data)
        self._titles(meta, data)
        self._contributors(meta, data)
        self._dates(meta, data)
        for tag in ("volume", "issue", "fpage", "lpage", "elocation-id"):
            found = _child(meta, tag)
            if tag == "issue" and found is None:
                found = _child(meta, "numero")  # SciELO's classic export names the issue so
            if found is not None and self.plain(found):
                data[tag.replace("-", "_")] = self.plain(found)
            if tag in ("fpage", "lpage") and data.get(tag):
                # the word for pages typed in the element ('<fpage>pp. 110</fpage>') is no part
                # of the page, which refuses it: left off, as the other readers leave it off
                bare = unlabelled_pages(data[tag]) or data[tag]
                if bare != data[tag]:
                    self.warn(f"<{tag}> {data[tag]!r} is the page {bare!r}", SIMPLIFIED)
                    data[tag] = bare
        self._page_range(meta, data)
        self._issue_ids(meta, data)
        self._issue_titles(meta, data)
        if data.get("fpage") and data.get("elocation_id"):
            self.warn("both fpage and elocation-id: elocation-id left out")
            del data["elocation_id"]
        self._permissions(meta, data)
        self._self_uris(meta, data)
        self._related_articles(meta, data)
        self._article_versions(meta, data)
        self._abstracts(meta, data)
        self._keywords(meta, data)
        self._funding(meta, data)
        self._statements(meta, data)
        self._custom_meta(meta, data)
        self._references(data)
        self._counts(meta, data)
        self._sub_articles(data)
        return data, self._journal(_child(front, "journal-meta")) if with_journal else None

    def _counts(self, meta: etree._Element, data: dict[str, Any]) -> None:
        """``counts`` (PMC: 162 of 339 files), which the model has no place for, said: a
        page-count the pages give and a ref-count of the references read are carried; the
        counts of the body's figures, tables, equations and words are out of scope as the body
        is; any other (a page-count an elocation-id stands for) is named as left out."""
        body: list[str] = []
        for item in _children(meta, "counts"):
            for count in item:
                name = local_name(count, lower=True)
                value = " ".join(((count.get("count") or "") or self.plain(count)).split())
                if not name or not value:
                    continue
                if value == {
                    "page-count": _page_span(data.get("fpage"), data.get("lpage")),
                    "ref-count": str(len(data.get("references", []))),
                }.get(name):
                    continue
                shown = f"{name} {value}"
                if name in ("fig-count", "table-count", "equation-count", "word-count"):
                    body.append(shown)
                else:
                    self.warn(f"counts: {shown} is not in the model: left out")
        if body:
            self.warn("counts of the body are not read: " + ", ".join(body), OUT_OF_SCOPE)

    def _page_range(self, meta: etree._Element, data: dict[str, Any]) -> None:
        """``page-range``: the article's pages when they are not one range ("8-11, 14-19,
        40"), beginning on fpage and ending on lpage, as the Tag Library has them. One that is
        no list of pages, or begins or ends elsewhere (a last page written as the first
        range's end), is named as left out: the model would refuse the article for it."""
        found = _child(meta, "page-range")
        text = " ".join(self.plain(found).split()) if found is not None else ""
        if not text:
            return
        ends = model.page_range_ends(text)
        fpage, lpage = data.get("fpage"), data.get("lpage")
        if ends is None or not model.is_page_range(text):
            problem = "is no list of pages and page ranges"
        elif data.get("elocation_id") and not fpage:
            problem = "is beside an elocation-id"
        elif fpage and fpage != ends[0]:
            problem = f"does not begin on fpage {fpage}"
        elif lpage and model.full_last_page(fpage, lpage) != ends[1]:  # (1219 or 19: 1210-19)
            problem = f"does not end on lpage {lpage}"
        else:
            data["page_range"] = text
            return
        self.warn(f"page-range {text!r} {problem}: left out")

    def _issue_ids(self, meta: etree._Element, data: dict[str, Any]) -> None:
        """The issue's identifiers: its DOI, with the issue's landing page it links to
        (``xlink:href``, as this converter writes it), and its publisher's id. An ``issue-id``
        of another type, or a second one of a type, and a publisher's id's link are named as
        left out; the same id twice is read once."""
        read: set[tuple[str, str]] = set()
        for item in _children(meta, "issue-id"):
            kind, value = (item.get("pub-id-type") or "").strip(), self.plain(item)
            if not value or (kind, value) in read:
                continue
            read.add((kind, value))
            if kind == "doi" and "issue_doi" not in data:
                href = item.get(XLINK_HREF)
                data.update(issue_doi_or_warn(value, href, data.get("doi"), self.warn, "issue-id"))
            elif kind == "publisher-id" and "issue_ids" not in data:
                data["issue_ids"] = {"publisher_id": value}
                if href := (item.get(XLINK_HREF) or "").strip():
                    self.warn(
                        f"issue-id {value!r}: its link {href!r} is not in the model: left out"
                    )
            else:
                typed = f"pub-id-type {kind!r}" if kind else "no pub-id-type"
                self.warn(f"issue-id {value!r} ({typed}) is not in the model: left out")

    def _issue_titles(self, meta: etree._Element, data: dict[str, Any]) -> None:
        """The issue's title per language, as plain text (the Publishing DTD's issue-title
        takes no markup): each ``issue-title`` (several without xml:lang take the language
        their script tells, as other forms do) and each ``issue-title-group``'s issue-title and
        translated titles. A second title in one language (an article in two issues) and an
        ``issue-subtitle`` are named as left out."""
        titles: dict[str, str] = {}

        def add(text: str, lang: str | None, what: str) -> None:
            if not text or lang is None or not self.known_lang(lang, what):
                return
            if titles.setdefault(lang, text) != text:
                self.warn(f"{what} {text!r}: a second issue title in {lang!r}: left out")

        singles = _children(meta, "issue-title")
        texts = [self.plain(title) for title in singles]
        for text, lang in zip(texts, self.form_langs(singles, texts, "issue-title"), strict=True):
            add(text, lang, "issue-title")
        for group in _children(meta, "issue-title-group"):
            main = _child(group, "issue-title")
            if main is not None:
                add(self.plain(main), self.lang_of(main, self.lang_of(group)), "issue-title")
            for trans in _children(group, "trans-title-group"):
                stated = (trans.get(XML_LANG) or "").strip()
                for item in _children(trans, "trans-title"):
                    text = self.plain(item)
                    own = (item.get(XML_LANG) or "").strip() or stated
                    if text:
                        add(
                            text,
                            self.translated_lang(text, own, titles, "trans-title"),
                            "trans-title",
                        )
            for sub in group.iter(
                "{*}issue-subtitle", "issue-subtitle", "{*}trans-subtitle", "trans-subtitle"
            ):
                self.warn(f"{local_name(sub)} {self.plain(sub)!r} is not in the model: left out")
        if titles:
            data["issue_title"] = titles

    # sub-articles ------------------------------------------------------------------
    def _sub_articles(self, data: dict[str, Any]) -> None:
        """A translation of the article (SciELO: ``<sub-article article-type="translation"
        xml:lang="pt">``) gives its title, abstract, keywords and section heading in that
        language; any other sub-article (a peer review, a reply, a decision letter) is named
        as left out, with its id and type."""
        others: list[str] = []
        for sub in self.root.iter("{*}sub-article", "sub-article"):
            kind = (sub.get("article-type") or "").strip()
            lang = (sub.get(XML_LANG) or "").strip()
            nested = any(local_name(a, lower=True) == "sub-article" for a in sub.iterancestors())
            if kind == "translation" and lang and not nested:
                self._translation(sub, lang, data)
            else:
                others.append(f"{sub.get('id') or '(no id)'} ({kind or 'untyped'})")
        if others:
            self.warn("sub-article not in the model, left out: " + ", ".join(others))

    def _translation(self, sub: etree._Element, lang: str, data: dict[str, Any]) -> None:
        stub = _child(sub, "front-stub")
        if stub is None:
            stub = _child(_child(sub, "front"), "article-meta")
        where = f"translation sub-article {sub.get('id') or ''} ({lang})".replace("  ", " ")
        if stub is None:
            self.warn(f"{where}: no front-stub: left out")
            return
        taken = {"title-group", "abstract", "trans-abstract", "kwd-group", "article-categories"}
        group = _child(stub, "title-group")
        for tag, key in (("article-title", "title"), ("subtitle", "subtitle")):
            found = _child(group, tag)
            text = self.title_text(found) if found is not None else ""
            if not text:
                continue
            known = data.setdefault(key, {})
            title_lang = self.lang_of(found, lang)
            if known.setdefault(title_lang, text) != text:
                self.warn(f"{where}: a second {tag} in {title_lang!r} is left out")
        for heading in _children(_child(stub, "article-categories"), "subj-group"):
            terms = [self.plain(s) for s in _children(heading, "subject")]
            if heading.get("subj-group-type") == "heading" and terms and terms[0]:
                data.setdefault("section", {}).setdefault(self.lang_of(heading, lang), terms[0])
        self._abstracts(stub, data, lang)
        self._keywords(stub, data, lang)
        left = sorted({local_name(c, lower=True) for c in stub} - taken - {""})
        if left:
            self.warn(f"{where}: not in the model, left out: " + ", ".join(left))
        if _child(sub, "body") is not None:
            self.warn("the body is not read (front matter and references only)", OUT_OF_SCOPE)

    def _ids(self, meta: etree._Element, data: dict[str, Any]) -> None:
        ids: dict[str, Any] = {}
        other: dict[str, str] = {}
        for item in _children(meta, "article-id"):
            kind = (item.get("pub-id-type") or "").strip()
            value = self.plain(item)
            if not value or value in (data.get("doi"), *ids.values(), *other.values()):
                continue  # the same id twice (PMC's OAI records)
            if kind == "doi" and "doi" not in data:
                data["doi"] = value
            elif kind == "publisher-id" and "publisher_id" not in ids:
                ids["publisher_id"] = value
            elif kind in _ARTICLE_PMIDS and _ARTICLE_PMIDS[kind][0] not in ids:
                field, read = _ARTICLE_PMIDS[kind]
                found = identifier_or_warn(value, read, self.warn, f"article-id {kind}")
                if found:
                    ids[field] = found
            elif kind == "custom" and (item.get("custom-type") or "") == "edn" and "edn" not in ids:
                ids["edn"] = value
            else:
                # SciELO gives three publisher-ids, told apart by specific-use (scielo-v2 …)
                key = self._id_key(item, kind, other)
                if key is None:
                    self.warn(f"a second article-id of type {kind!r} ({value!r}) is left out")
                else:
                    other[key] = value
        if other:
            ids["other"] = other
        if ids:
            data["ids"] = ids

    def _id_key(self, item: etree._Element, kind: str, taken: dict[str, str]) -> str | None:
        """The key of an article id the model keeps among its other ids: its custom-type or
        pub-id-type, or, for a second one of a type, that and its specific-use."""
        base = (item.get("custom-type") if kind == "custom" else kind) or "other"
        use = item.get("specific-use") or ""
        for raw in (base, f"{base}-{use}" if use else "", *(f"{base}-{n}" for n in range(2, 9))):
            if not raw:
                continue
            key = re.sub(r"[^a-z0-9-]+", "-", raw.lower()).strip("-") or "other"
            key = key if key[0].isalpha() else f"id-{key}"
            if key not in taken and key not in ("doi", "publisher-id", "pmid", "pmcid", "edn"):
                return key
        return None

    def _categories(self, meta: etree._Element, data: dict[str, Any]) -> None:
        section: dict[str, str] = {}
        subjects: dict[str, list[str]] = {}
        for group in _children(_child(meta, "article-categories"), "subj-group"):
            kind = group.get("subj-group-type") or ""
            terms = [self.plain(s) for s in _children(group, "subject")]
            # a subject group nested in one read (Oxford's sub-heading "Cancer Prevention"
            # under "Original Articles") has no place, and was left out in silence; one nested
            # in a group left out (PLOS's Discipline-v2 tree) is said with it
            read = kind in ("heading", "subject", "discipline", "keywords") and terms
            nested = [
                repr(self.plain(s))
                for sub in group.iter("{*}subj-group", "subj-group")
                if sub is not group
                for s in _children(sub, "subject")
                if self.plain(s)
            ]
            if read and nested:
                self.warn(
                    f"subj-group {', '.join(dict.fromkeys(nested))} inside another is not in the "
                    "model: left out"
                )
            if kind == "heading" and terms:
                lang = self.lang_of(group)
                section.setdefault(lang, terms[0])
                extra = [repr(t) for t in dict.fromkeys(terms) if t and t != section[lang]]
                if extra:
                    self.warn(
                        f"subj-group heading: a second heading in {lang!r} ({', '.join(extra)}) "
                        "is left out"
                    )
            elif kind in ("subject", "discipline", "keywords") and terms:
                subjects.setdefault(self.lang_of(group), []).extend(t for t in terms if t)
            elif kind:
                self.warn(f"subj-group of type {kind!r} is not in the model: left out")
            else:
                # said in words, with what it held ("of type '(none)'" read as a type's name)
                shown = ", ".join(repr(t) for t in dict.fromkeys(terms) if t)
                self.warn(
                    f"subj-group without a type{f' ({shown})' if shown else ''} is not in the "
                    "model: left out"
                )
        if section:
            data["section"] = section
        if subjects:
            data["subjects"] = subjects

    def _titles(self, meta: etree._Element, data: dict[str, Any]) -> None:
        group = _child(meta, "title-group")
        title: dict[str, str] = {}
        subtitle: dict[str, str] = {}
        mains = _children(group, "article-title")
        if mains:
            title[self.lang_of(mains[0])] = self.title_text(mains[0])
        for other in mains[1:]:  # SciELO's classic export: one article-title per language
            text = self.title_text(other)
            own = (other.get(XML_LANG) or "").strip()
            lang = self.translated_lang(text, own, title, "article-title") if text else None
            if lang is not None:
                title.setdefault(lang, text)
        sub = _child(group, "subtitle")
        if sub is not None:
            subtitle[self.lang_of(sub)] = self.title_text(sub)
        # NLM 2.3 puts trans-title and trans-subtitle in title-group itself
        for trans in [*_children(group, "trans-title-group"), group]:
            if trans is None:
                continue
            stated = (trans.get(XML_LANG) or "").strip() if trans is not group else ""
            for tag, found in (("trans-title", title), ("trans-subtitle", subtitle)):
                for item in _children(trans, tag):
                    text = self.title_text(item)
                    if not text:
                        continue
                    own = (item.get(XML_LANG) or "").strip() or stated
                    lang = self.translated_lang(text, own, found, tag)
                    if lang is not None:
                        found.setdefault(lang, text)
                        # a trans-subtitle beside it is in the trans-title's language
                        stated = stated or (lang if trans is not group else "")
        data["title"] = title
        if subtitle:
            data["subtitle"] = subtitle
        # a running head (PLOS's alt-title), a note on the title (F1000's fn-group): no place
        children = [] if group is None else list(group)  # (no title-group: said as no title)
        left = [_named(child) for child in children if local_name(child) not in _KNOWN_TITLE_GROUP]
        if left:
            self.warn("title-group: not in the model, left out: " + ", ".join(left))

    # contributors and affiliations -------------------------------------------------
    def _contributors(self, meta: etree._Element, data: dict[str, Any]) -> None:
        affiliations: list[dict[str, Any]] = []
        shared: dict[int, list[str]] = {}  # contrib-group → ids of the affs it holds
        for element in meta.iter("{*}aff", "aff", "{*}aff-alternatives", "aff-alternatives"):
            parent = element.getparent()
            if (
                local_name(element, lower=True) == "aff"
                and parent is not None
                and (local_name(parent, lower=True) in ("aff-alternatives", "contrib"))
            ):
                continue
            if (
                local_name(element, lower=True) == "aff-alternatives"
                and local_name(parent, lower=True) == "contrib"
            ):
                continue
            aff = self._affiliation(element)
            if aff:
                if aff.get("id") and aff["id"] in {a.get("id") for a in affiliations}:
                    aff["id"] = self._fresh_id(aff["id"], {a.get("id") for a in affiliations})
                if parent is not None and local_name(parent, lower=True) == "contrib-group":
                    aff.setdefault("id", f"aff-group-{len(affiliations) + 1}")
                    shared.setdefault(id(parent), []).append(aff["id"])
                affiliations.append(aff)
        known = {aff["id"] for aff in affiliations if aff.get("id")}
        self.corresp_emails = self._corresp_emails(meta)
        authors = []
        members: list[etree._Element] = []  # of group authors, beside the byline (eLife)
        for group in _children(meta, "contrib-group"):
            contribs = _children(group, "contrib")
            self._group_extras(group)
            members += [c for c in contribs if _NON_BYLINE.search(c.get("contrib-type") or "")]
            people = [
                self._contributor(c, known, group.get("content-type") or "")
                for c in contribs
                if c not in members
            ]
            people = [person for person in people if person]
            # An aff in a contrib-group that no contrib points to is the whole group's (JATS).
            group_affs = shared.get(id(group), [])
            linked = {
                rid for p in people for rid in p.get("affiliations", []) if isinstance(rid, str)
            }
            if group_affs and not linked & set(group_affs):
                for person in people:
                    if not person.get("affiliations") and not person.get("collab"):
                        person["affiliations"] = list(group_affs)
            authors.extend(people)
        if members:
            self._non_byline_members(meta, members)
        self._unlinked_corresp_emails(meta, authors)
        if authors:
            data["authors"] = authors
        if affiliations:
            data["affiliations"] = affiliations

    def _group_extras(self, group: etree._Element) -> None:
        """Say what a contrib-group holds beside its contributors and affiliations: an
        ``on-behalf-of`` (eLife), a group's ``role`` or ``bio``, were lost without a word."""
        for child in group:
            name = local_name(child, lower=True)
            if name and name not in _CONTRIB_GROUP_READ:
                text = shorten(self.plain(child), 60)
                shown = f" {text!r}" if text else ""
                self.warn(f"contrib-group: <{name}>{shown} is not in the model: left out")

    def _contributor(
        self, contrib: etree._Element, known: set[str], group_type: str = ""
    ) -> dict[str, Any] | None:
        stated = (contrib.get("contrib-type") or "author").strip()
        role = _role(stated, group_type)
        if role is None:
            self.warn(f"contrib-type {stated!r} is not in the model: contributor left out")
            return None
        if role != stated.lower():
            self.warn(f"contrib-type {stated!r} is read as {role!r}", SIMPLIFIED)
        person: dict[str, Any] = {"role": role}
        if contrib.get("corresp") == "yes":
            person["corresponding"] = True
        other_ids: list[str] = []  # Scopus, ResearcherID, SPIN …: the model holds the ORCID only
        for item in _children(contrib, "contrib-id"):
            kind = (item.get("contrib-id-type") or "").strip()
            value = self.plain(item).strip()
            # in any case ('ORCID', 'Orcid'); untyped, an orcid.org address says what it is
            if kind.lower() == "orcid" or (not kind and "orcid.org/" in value.lower()):
                orcid = orcid_or_warn(value, self.warn, "<contrib-id>")
                if person.get("orcid") and orcid != person["orcid"]:
                    if orcid:
                        other_ids.append(f"a second ORCID iD {value!r}")
                    continue
                person["orcid"] = orcid
                stated = (item.get("authenticated") or "").strip()
                if stated in ("true", "false"):
                    person["orcid_authenticated"] = stated == "true"
            elif value and kind.lower() != "group-author-key":
                # (eLife's group-author-key only ties a group to its members, said with them)
                other_ids.append(f"{kind or 'untyped'} {value!r}")
        # Pensoft writes the iD as <uri content-type="orcid">, older eLife as
        # <ext-link ext-link-type="orcid">: the same fact, not a link to leave out.
        carried: set[etree._Element] = set()
        for item in _children(contrib, "uri", "ext-link"):
            if (item.get("content-type") or item.get("ext-link-type") or "").lower() == "orcid":
                carried.add(item)
                if "orcid" not in person:
                    given = (item.get(XLINK_HREF) or "").strip() or self.plain(item)
                    person["orcid"] = orcid_or_warn(given, self.warn, f"<{local_name(item)}>")
        names: dict[str, Any] = {}
        alternatives = _child(contrib, "name-alternatives")
        untagged: list[str] = []  # <string-name>Jane Smith</string-name>: no parts to read
        forms: list[tuple[etree._Element, dict[str, Any]]] = []
        for name in [
            *_children(contrib, "name", "string-name"),
            *_children(alternatives, "name", "string-name"),
        ]:
            parts = self._name(name)
            if parts:
                forms.append((name, parts))
            elif self.plain(name):
                untagged.append(self.plain(name))
        shown = [" ".join(filter(None, (p.get("given"), p.get("surname")))) for _, p in forms]
        langs = self.form_langs([name for name, _ in forms], shown, "the name")
        for (_, parts), lang, text in zip(forms, langs, shown, strict=True):
            if lang is not None and names.setdefault(lang, parts) != parts:
                self.warn(f"the name {text!r}: a second name in {lang!r} is left out")
        if names:
            person["name"] = names
        collabs: dict[str, str] = {}
        groups = [
            *_children(contrib, "collab"),
            *_children(_child(contrib, "collab-alternatives"), "collab"),
        ]
        group_names = [self._collab_name(collab) for collab in groups]
        group_langs = self.form_langs(groups, group_names, "the group author name")
        for text, lang in zip(group_names, group_langs, strict=True):
            if lang is not None and collabs.setdefault(lang, text) != text:
                self.warn(f"the group author name {text!r}: a second in {lang!r} is left out")
        if collabs:
            person["collab"] = collabs
        if not names and not collabs:
            if untagged:
                self.warn(
                    f"contributor {untagged[0]!r}: a name without <surname> or <given-names> "
                    "cannot be split without guessing: contributor left out"
                )
            elif _child(contrib, "anonymous") is not None:
                self.warn("an anonymous contributor is left out")
            else:
                self.warn("a contributor without name or collab is left out")
            return None
        for text in untagged:  # beside a tagged form (name-alternatives with a CJK string-name)
            self.warn(
                f"the name {text!r} has no <surname> or <given-names>: left out (the "
                "contributor is kept with its other name)"
            )
        credit = []
        for role_el in _children(contrib, "role"):
            term = _credit_term(role_el, self.plain(role_el))
            if term is not None:
                credit.append(term)
            else:
                self.warn(f"role {self.plain(role_el)!r} is not a CRediT role: left out")
        if credit:
            person["credit"] = credit
        email = _child(contrib, "email")
        if email is None:
            email = _child(_child(contrib, "address"), "email")
        if email is not None and email_or_warn(self.plain(email), self.warn, "<email>"):
            person["email"] = self.plain(email).strip()
        affs: list[Any] = []
        for xref in _children(contrib, "xref"):
            kind = xref.get("ref-type")
            if kind == "corresp":
                person["corresponding"] = True
                for rid in (xref.get("rid") or "").split():
                    if "email" not in person and rid in self.corresp_emails:
                        person["email"] = self.corresp_emails[rid]
                continue
            # JATS does not require ref-type: an xref whose rid names an affiliation links
            # to it, typed or not (<xref rid="aff1"><sup>1</sup></xref>)
            for rid in (xref.get("rid") or "").split():
                if rid in known:
                    affs.append(rid)
                elif kind == "aff":
                    self.warn(
                        f"xref to affiliation {rid!r} that does not exist: left out", SIMPLIFIED
                    )
        for inline_aff in _children(contrib, "aff", "aff-alternatives"):
            found = _child(inline_aff, "email")
            if found is not None and "email" not in person:
                # older eLife: <contrib>…<aff><email>…</email></aff>, the contributor's address
                if email_or_warn(self.plain(found), self.warn, "<email>"):
                    person["email"] = self.plain(found).strip()
                inline_aff = _without(inline_aff, found)
                if not "".join(inline_aff.itertext()).strip():
                    continue
            aff = self._affiliation(inline_aff)
            if aff:
                affs.append(aff)
        if affs:
            person["affiliations"] = affs
        bio: dict[str, str] = {}
        for item in _children(contrib, "bio"):
            paras = paragraphs(item, local_name(item, lower=True), self.log)
            if paras:
                bio.setdefault(self.lang_of(item), " ".join(paras))
        if bio:
            person["bio"] = bio
        # <x> is generated text between the parts (eLife: "<x>is in the</x>"), not a fact
        left = {local_name(c, lower=True) for c in contrib if c not in carried}
        left -= _CONTRIB_READ | {"", "x"}
        address = _child(contrib, "address")
        left |= (
            {local_name(c, lower=True) for c in address if local_name(c)} - {"email"}
            if (address is not None)
            else set()
        )
        who = next(iter(names.values()), {}).get("surname") or next(iter(collabs.values()), "")
        if left:
            self.warn(
                f"contributor {who!r}: not in the model, left out: " + ", ".join(sorted(left))
            )
        if other_ids:
            self.warn(
                f"contributor {who!r}: contrib-id not in the model, left out: "
                + ", ".join(other_ids)
            )
        return person

    def _corresp_emails(self, meta: etree._Element) -> dict[str, str]:
        """The e-mail of a ``<corresp id>`` in the author notes that one contributor alone
        points to and that holds one address (PLOS: ``<xref ref-type="corresp" rid="cor1">``,
        ``<corresp id="cor1">* E-mail: <email>…</email></corresp>``): that contributor's, read
        by the link, not guessed. A note two contributors share, or with two addresses, is
        not split."""
        pointing: dict[str, int] = {}
        for contrib in meta.iter("{*}contrib", "contrib"):
            for xref in _children(contrib, "xref"):
                if xref.get("ref-type") == "corresp":
                    for rid in (xref.get("rid") or "").split():
                        pointing[rid] = pointing.get(rid, 0) + 1
        found: dict[str, str] = {}
        for notes in _children(meta, "author-notes"):
            for corresp in _children(notes, "corresp"):
                rid = corresp.get("id") or ""
                emails = [self.plain(e).strip() for e in corresp.iter("{*}email", "email")]
                if pointing.get(rid) == 1 and len(emails) == 1 and EMAIL.match(emails[0]):
                    found[rid] = emails[0]
        return found

    def _unlinked_corresp_emails(self, meta: etree._Element, people: list[dict[str, Any]]) -> None:
        """The e-mail of a ``<corresp>`` no contributor points to (SciELO: no id, no xref;
        ``Correspondence: Raquel … E-mail: <email>quelfmg@gmail.com</email>``), holding one
        address whose letters hold the name of one author alone (the HTML reader's rule,
        ``email_owner``): that author's, and the corresponding one. Any other such note stays
        named as left out with the author notes."""
        pointed = {
            rid
            for contrib in meta.iter("{*}contrib", "contrib")
            for xref in _children(contrib, "xref")
            if xref.get("ref-type") == "corresp"
            for rid in (xref.get("rid") or "").split()
        }
        authors = [p for p in people if p.get("role") == "author" and p.get("name")]
        forms = [
            [(name.get("surname") or "", name.get("given") or "") for name in p["name"].values()]
            for p in authors
        ]
        for notes in _children(meta, "author-notes"):
            for corresp in _children(notes, "corresp"):
                if corresp.get("id") and corresp.get("id") in pointed:
                    continue
                emails = [self.plain(e).strip() for e in corresp.iter("{*}email", "email")]
                if len(emails) != 1 or not EMAIL.match(emails[0]):
                    continue
                owner = email_owner(emails[0], forms)
                if owner is None:
                    continue
                person = authors[owner]
                first = next(iter(person["name"].values()))  # its first form, as written
                shown = " ".join(first[k] for k in ("given", "surname") if first.get(k))
                if person.get("email") and person["email"] != emails[0]:
                    self.warn(
                        f"corresp: the e-mail {emails[0]!r} holds the name of {shown}, whose "
                        f"e-mail is {person['email']}: left out"
                    )
                    continue
                person["email"] = emails[0]
                person["corresponding"] = True
                # (carried, on the author it names: nothing is lost)
                self.warn(
                    f"corresp: the e-mail {emails[0]!r}, linked to no contributor, is given to "
                    f"{shown}, whose name it holds, as the corresponding author",
                    SIMPLIFIED,
                )

    def _fresh_id(self, taken: str, used: set[Any]) -> str:
        """A second element with an id already given (two ``<aff id="aff1">``: invalid, and
        the output would be rejected) gets a new one; links to the id keep the first."""
        number = 2
        while f"{taken}-{number}" in used:
            number += 1
        fresh = f"{taken}-{number}"
        self.warn(
            f"id {taken!r} is given twice: the second is read as {fresh!r}, and what points "
            f"to {taken!r} points to the first"
        )
        return fresh

    def _collab_name(self, collab: etree._Element, say_members: bool = True) -> str:
        """A group author's name: its text without the members some files nest inside it
        (PLOS, eLife: ``<collab>Group<contrib-group>…</contrib-group></collab>``), which the
        model has no place for: named, with their number (``say_members``)."""
        shallow = etree.Element("collab")
        shallow.text = collab.text
        members = 0
        for child in collab:
            if local_name(child, lower=True) in ("contrib-group", "contrib", "address", "aff"):
                if local_name(child, lower=True) == "contrib-group":
                    members += len(_children(child, "contrib"))
                tail = etree.SubElement(shallow, "x")
                tail.tail = child.tail
            else:
                shallow.append(copy.deepcopy(child))
        name = self.plain(shallow)
        if members and say_members:
            self._members_left_out(name, members, "listed inside it")
        return name

    def _members_left_out(self, group: str, count: int, how: str) -> None:
        """Say that a group author's members are left out: a Contributor is one of the byline
        (a person or a group), and a group has no members in the model. Written as authors,
        they would be credited as authors of the article (793 in one eLife article)."""
        who = f"group author {group!r}" if group else "a group author"
        self.warn(f"{who}: its members ({count}, {how}) are not in the model: left out")

    def _non_byline_members(self, meta: etree._Element, members: list[etree._Element]) -> None:
        """Say the members of group authors that eLife lists beside the byline
        (``contrib-type="author non-byline"``), by group: each is tied to its group by a
        ``contrib-id`` of type ``group-author-key`` that the group's own contrib gives too
        (one line for all of them was said before, naming neither group nor number)."""
        names: dict[str, str] = {}
        for contrib in meta.iter("{*}contrib", "contrib"):
            collab = _child(contrib, "collab")
            key = self._group_key(contrib)
            if collab is not None and key:
                names.setdefault(key, self._collab_name(collab, say_members=False))
        counts: dict[str, int] = {}
        for member in members:
            key = self._group_key(member)
            counts[key] = counts.get(key, 0) + 1
        for key, count in counts.items():
            how = f"contrib-type {members[0].get('contrib-type')!r}"
            self._members_left_out(names.get(key, ""), count, how)

    def _group_key(self, contrib: etree._Element) -> str:
        """The ``group-author-key`` contrib-id of a contrib (eLife), or ''."""
        for item in _children(contrib, "contrib-id"):
            if (item.get("contrib-id-type") or "").strip().lower() == "group-author-key":
                return self.plain(item).strip()
        return ""

    def _name(self, name: etree._Element) -> dict[str, Any]:
        parts: dict[str, Any] = {}
        for tag, key in (
            ("surname", "surname"),
            ("given-names", "given"),
            ("prefix", "prefix"),
            ("suffix", "suffix"),
        ):
            found = _child(name, tag)
            if found is not None and self.plain(found):
                parts[key] = self.plain(found)
        style = name.get("name-style")
        if parts and style in ("western", "eastern", "islensk", "given-only"):
            parts["style"] = style
        return parts

    def _affiliation(self, element: etree._Element) -> dict[str, Any]:
        forms = (
            _children(element, "aff")
            if local_name(element, lower=True) == "aff-alternatives"
            else []
        )
        aff: dict[str, Any] = {}
        if element.get("id") and _XML_ID.match(element.get("id", "")):
            aff["id"] = element.get("id")
        if forms:
            texts = [" ".join("".join(form.itertext()).split()) for form in forms]
            where = f"affiliation {aff.get('id', '')!r}: the form"
            langs = self.form_langs(forms, texts, where)
        else:
            forms, langs = [element], [self.lang_of(element)]
        read: list[tuple[str, dict[str, Any], etree._Element]] = []
        for form, lang in zip(forms, langs, strict=True):
            if lang is None:
                continue
            if lang in {held for held, _, _ in read}:
                self.warn(
                    f"affiliation {aff.get('id', '')!r}: a second form in {lang!r} is left out"
                )
                continue
            found: dict[str, Any] = {}
            self._aff_form(form, lang, found)
            read.append((lang, found, form))
        as_text = [lang for lang, found, _ in read if "text" in found]
        if as_text and len(as_text) < len(read):
            # One form free text, another tagged (aff-alternatives with a Russian form in tags
            # and an English line): the model's parts are the affiliation's, not a form's, so
            # the English form would be written with the Russian institution. Each form is
            # kept as its line instead.
            tagged = [lang for lang, found, _ in read if "text" not in found]
            self.warn(
                f"affiliation {aff.get('id', '')!r}: its {'/'.join(as_text)} form is a line of "
                f"text, so its {'/'.join(tagged)} form is kept as its line too, without its tags",
                SIMPLIFIED,
            )
            for lang, found, form in read:
                line = found["text"][lang] if "text" in found else self._aff_line(form)
                aff.setdefault("text", {})[lang] = line
                if found.get("ror"):
                    aff["ror"] = found["ror"]
        else:
            for lang, found, _ in read:
                for key, value in found.items():
                    if isinstance(value, dict):
                        aff.setdefault(key, {}).update(value)
                    elif key == "postal_code" and aff.setdefault(key, value) != value:
                        # the model holds one code for all forms
                        self.warn(
                            f"affiliation {aff.get('id', '')!r}: its {lang} form's postal code "
                            f"{value!r} is not the other form's {aff[key]!r}: left out",
                        )
                    else:
                        aff[key] = value
        label = _child(element, "label")
        text = " ".join(self.plain(label).split()) if label is not None else ""
        if not any(aff.get(k) for k in ("institution", "city", "state", "country", "text")) and (
            len(text) > 12 and " " in text and re.search(r"[^\W\d_]{3}", text)
        ):
            # early PhytoKeys: <aff id="A1"><label>Institute of …, New Zealand</label></aff> —
            # the whole affiliation in the label (a real label is a mark: '1', 'a', '†')
            aff["text"] = {self.lang_of(element): text}
            self.warn(
                f"affiliation {aff.get('id', '')!r} is written in its <label>: read as its text",
                SIMPLIFIED,
            )
        if not any(aff.get(k) for k in ("institution", "city", "state", "country", "text")):
            self.warn(f"affiliation {aff.get('id', '')!r} is empty: left out")
            return {}
        return aff

    def _aff_form(self, form: etree._Element, lang: str, aff: dict[str, Any]) -> None:
        """One language form of an affiliation: its tagged parts, or, when it is (partly)
        free text (``addr-line``, text directly in ``aff``), split where that is unambiguous
        and kept whole as ``text`` otherwise."""
        parts: dict[str, Any] = {}
        institutions: list[str] = []
        loose: list[str] = [form.text or ""]
        original: list[str] = []  # SciELO's line as published, beside its tagged parts
        untyped = False  # free text the tags do not place
        # where the loose text after a tagged state or postal code begins: a place written
        # there ('<state>MA</state>, Texas') is not the city the writers put before them
        after_place: int | None = None
        for child in form:
            name = local_name(child, lower=True)
            kind = (child.get("content-type") or "").lower()
            if name == "institution-wrap":
                for part in child:
                    if not self._aff_variant(part, original):
                        self._aff_part(part, lang, parts, institutions)
            elif self._aff_variant(child, original):
                pass
            elif name == "institution-id":
                self._aff_part(child, lang, parts, institutions)
            elif name == "addr-line" and kind not in _ADDRESS_KINDS and _tagged_address(child):
                # SciELO: <addr-line><state>CE</state><city>Fortaleza</city></addr-line>
                for part in child:
                    if local_name(part) and not self._aff_part(part, lang, parts, institutions):
                        untyped = True
                    loose.append(" , " + (part.tail or "") + " , ")
                loose.append(" , " + (child.text or "") + " , ")
            elif name == "addr-line" and kind not in _ADDRESS_KINDS:
                loose.append(" , " + self.plain(child) + " , ")  # placed below, with the text
            elif name in _AFF_PARTS or (name == "named-content" and kind in _ADDRESS_KINDS):
                if not self._aff_part(child, lang, parts, institutions):
                    untyped = True
            elif name == "label" or not name or _sup_label(child):
                pass
            elif name in ("email", "ext-link", "uri", "phone", "fax"):
                self.warn(f"<{name}> in an affiliation is not in the model: left out")
            else:
                loose.append(self.plain(child))
            tail = child.tail or ""
            if after_place is None and (parts.get("state") or parts.get("postal_code")):
                after_place = len(loose)
                own, comma, rest = tail.partition(",")
                if not parts.get("state") and own.strip():
                    # '<postal-code>69120</postal-code> Heidelberg', a city right after its
                    # code (no comma: the European order) is the code's city, not a place
                    # after it (such affiliations were kept as a line of text, untagged)
                    loose.append(own)
                    after_place, tail = len(loose), comma + rest
            loose.append(tail)
        text = self._aff_line(form)  # its parts apart: "Survey, Cambridge, UK"
        leftover = re.sub(r"\s*,[\s,]*", ", ", _clean_aff_text(" ".join(loose)))
        leftover = _clean_aff_text(leftover)
        line = _clean_aff_text(" ".join(original))
        if line and not (parts or institutions or leftover):
            leftover, text, line = line, line, ""  # the original line is all there is
        if leftover and not (parts or institutions):
            parts = _split_affiliation(leftover, lang) or {}
            if not parts:
                untyped = True
        elif leftover:
            place = _split_affiliation(leftover, lang, place_only=True)
            # a place the tags hold already ('<city>Boston</city>, Cambridge'): the line is
            # kept, as for a second country (the text's city replaced the tagged one, unsaid);
            # so is a city written after a tagged state or postal code ('<state>MA</state>,
            # Texas'), which the writers would move before it, the line changed unsaid
            city = (place or {}).get("city", {}).get(lang, "")
            later = " ".join(loose[after_place:]) if after_place is not None else ""
            # (a city written before them too is that city, the text after them the country
            # named as it is: 'Singapore, <postal-code>117543</postal-code>, Singapore')
            earlier = " ".join(loose[:after_place]) if after_place is not None else ""
            if (
                place is None
                or any(parts.get(key) for key in place)
                or (
                    city and city in _clean_aff_text(later) and city not in _clean_aff_text(earlier)
                )
            ):
                untyped = True
            else:
                parts.update(place)
        departments = parts.pop("departments", None)
        if departments and not institutions and not parts.get("institution"):
            institutions, departments = departments, None  # the only body named (JATSParser)
        if institutions:
            parts.setdefault("institution", {})[lang] = ", ".join(institutions)
        if departments:
            parts["department"] = {lang: ", ".join(departments)}
        if line and (untyped or not _words(line) <= _words(" ".join(_texts(parts, lang)))):
            untyped, text = True, line  # the published line says more than the tags place
        if untyped:
            aff.setdefault("text", {})[lang] = text
            if parts.get("ror"):
                aff["ror"] = parts["ror"]
            return
        for key, value in parts.items():
            if isinstance(value, dict):
                aff.setdefault(key, {}).update(value)
            else:
                aff[key] = value

    def _aff_line(self, form: etree._Element) -> str:
        """A tagged affiliation form as one line: its parts in their order, a comma between two
        that nothing separates; no label, id, e-mail or link. SciELO's published line, if the
        form has one, is that line."""
        original = [
            self.plain(part)
            for part in form.iter("{*}institution", "institution")
            if (part.get("content-type") or "").lower() == "original"
        ]
        if original:
            return _clean_aff_text(original[0])
        line = form.text or ""
        before = ""  # the part before this one
        for child in form:
            name = local_name(child, lower=True)
            kind = (child.get("content-type") or "").lower()
            skip = name in ("label", "institution-id", "email", "ext-link", "uri", "phone", "fax")
            if name and not skip and not _sup_label(child) and kind != "normalized":
                text = self._aff_line(child) if len(child) else self.plain(child)
                # a postal code a space sets after its city or state stays so ('MA 02138')
                spaced = name == "postal-code" and before in ("city", "state") and line[-1:] == " "
                if text and line.strip() and not spaced and not re.search(r"[,;:(\[–—-]\s*$", line):
                    line += ", "
                line += text
                before = name
            line += child.tail or ""
        return _clean_aff_text(line)

    def _aff_part(
        self, part: etree._Element, lang: str, aff: dict[str, Any], institutions: list[str]
    ) -> bool:
        """Put one tagged part into ``aff``; False when it is free text the model cannot place
        (an untyped ``addr-line``, a country that is not ISO 3166)."""
        name = local_name(part, lower=True)
        text = self.plain(part)
        kind = (part.get("content-type") or "").lower()
        if name == "institution-id":
            kind = (part.get("institution-id-type") or "").strip()
            if kind.lower() == "ror" or (not kind and "ror.org/" in text):
                # one whose check digits fail is said and left out, the affiliation kept
                ror = identifier_or_warn(
                    text, identifiers.normalize_ror, self.warn, "institution-id ror"
                )
                if ror:
                    aff["ror"] = ror
            elif text:
                self.warn(
                    f"an affiliation's institution-id of type {kind or 'untyped'!r} ({text}) is "
                    "not in the model: left out"
                )
        elif name == "institution" and text:
            # orgdiv1, orgdiv2 … in order; 'org-division' and 'division' were a second
            # institution until 4 December 2026 ('Department of Physics, Harvard University')
            if is_department(kind):
                aff.setdefault("departments", []).append(text)
            else:
                institutions.append(text)
        elif name == "named-content" and is_department(kind) and text:
            # eLife: <addr-line><named-content content-type="department">…</named-content>
            aff.setdefault("departments", []).append(text)
        elif name == "city" or (name in ("addr-line", "named-content") and kind == "city"):
            # a second, other city in the form (<city> and a named-content beside it): one
            # place only the line holds, so the line is kept (the second replaced the first)
            return _one_place(aff, "city", lang, text)
        elif name == "state" or (name in ("addr-line", "named-content") and kind in _STATE_KINDS):
            # US 'MA', SciELO's <named-content content-type="state">MG</named-content>, Wiley's
            # content-type="country-part" (a second, other state: the line is kept, as above)
            return _one_place(aff, "state", lang, text)
        elif name == "postal-code" or (
            name in ("addr-line", "named-content") and kind in _POSTAL_KINDS
        ):
            # <postal-code>02115</postal-code>, SciELO's content-type="zipcode": one code, the
            # same in every language form (a second one in the form: its line is kept)
            if text and aff.setdefault("postal_code", text) != text:
                return False
        elif name == "country":
            stated = (part.get("country") or "").strip() or text
            # (the element is a country: its name in a journal's language is read too, Brasil)
            code = country_code(stated) or country_named_in_any_language(stated)
            if code is None:
                return False
            aff["country"] = code
            if text and text != localized_country_name(code, lang):
                aff.setdefault("country_name", {})[lang] = text
        elif text:
            return False  # an untyped addr-line: free text
        return True

    def _aff_variant(self, part: etree._Element, original: list[str]) -> bool:
        """SciELO writes an affiliation twice: tagged, and as an ``<institution
        content-type="original">`` line (kept aside in ``original``: it is not one more
        institution), often with a ``normalized`` name, which the model has no place for."""
        if local_name(part, lower=True) != "institution":
            return False
        kind = (part.get("content-type") or "").lower()
        if kind == "original":
            original.append(self.plain(part))
        elif kind == "normalized":
            self.warn(
                f"the normalized institution name {self.plain(part)!r} is not in the model: "
                "left out (the name as published is kept)"
            )
        else:
            return False
        return True

    # dates -------------------------------------------------------------------------
    def _dates(self, meta: etree._Element, data: dict[str, Any]) -> None:
        found: list[tuple[int, str, str, str]] = []  # (rank, key, date, type) of each pub-date
        for item in _children(meta, "pub-date"):
            date_type = item.get("date-type") or ""
            pub_format = item.get("publication-format") or ""
            pub_type = item.get("pub-type") or ""
            if pub_type in _NOT_PUBLICATION or date_type in _NOT_PUBLICATION:
                kind, value = pub_type or date_type, _date_of(item)
                shown = f"pub-date {value} ({kind})" if value else f"pub-date ({kind})"
                self.warn(f"{shown} is not a publication date the model holds")
                continue
            stated = pub_type or date_type or pub_format or "untyped"
            value = self._real_date(self._date_read(item, f"pub-date ({stated})"), "pub-date")
            if value is None:
                continue
            season = _child(item, "season")
            if season is not None and self.plain(season) and len(value) == 4:
                self.warn(
                    f"pub-date {value}: season {self.plain(season)!r} is not in the model: left "
                    "out (the year is kept)"
                )
            rank = 0
            if date_type == "collection" or pub_type in ("collection", "publication-year"):
                key = "collection"  # (Hindawi's publication-year: its volume's year)
            elif pub_format == "print" or pub_type in ("ppub", "epub-ppub"):
                key = "print"
            else:
                key = "electronic"
                # A date of a type that names no publication (PMC's epreprint, once) is taken
                # as the electronic one only when no pub-date says it is that one.
                rank = 0 if {pub_type, date_type, pub_format.lower()} & _ELECTRONIC else 1
            found.append((rank, key, value, date_type or pub_type or pub_format or "untyped"))
        published: dict[str, str] = {}
        for rank, key, value, kind in sorted(found, key=lambda entry: entry[0]):
            if published.setdefault(key, value) != value:  # PMC's pmc-release, a second epub
                self.warn(f"pub-date {value} ({kind}): a second {key} date is not in the model")
            elif rank and kind != "untyped":
                self.warn(
                    f"pub-date {value} of type {kind!r} is read as the electronic publication date",
                    SIMPLIFIED,
                )
        if published:
            data["published"] = published
        history: dict[str, Any] = {}
        for item in _children(_child(meta, "history"), "date"):
            kind = item.get("date-type") or ""
            what = f"history date {kind!r}"
            value = self._real_date(self._date_read(item, what), what)
            if value is None:
                continue
            if kind == "received":
                history.setdefault("received", value)
            elif kind in ("rev-recd", "revised"):
                history.setdefault("revised", []).append(value)
            elif kind == "accepted":
                history.setdefault("accepted", value)
            elif kind in _PUBLISHED and published.get("electronic", value) == value:
                # Hindawi dates the publication in the history: the electronic date, unless
                # a pub-date gives it
                if "electronic" not in published:
                    published["electronic"] = value
                    data["published"] = published
                    self.warn(
                        f"history date {value} of type {kind!r} is read as the electronic "
                        "publication date",
                        SIMPLIFIED,
                    )
            else:
                self.warn(f"history date of type {kind!r} is not in the model: left out")
        if history:
            data["history"] = history

    def _date_read(self, item: etree._Element, what: str) -> str | None:
        """A date element read as far as it can be, what could not be read said ("data
        dropped"): a ``<string-date>`` alone, a year of two digits, a month that is none."""
        value, lost = _read_date(item)
        if lost:
            self.warn(f"{what}: {lost}: " + (f"read as {value!r}" if value else "left out"))
        return value

    def _real_date(self, value: str | None, what: str) -> str | None:
        """A date of the article as far as it is real: a day its month has not (ZooKeys:
        ``<day>41</day><month>6</month>``) is a typo the model would refuse the whole article
        for; the month (else the year) is kept and said in one line, as for Crossref records."""
        return real_date(value, what, self.warn)

    # permissions -------------------------------------------------------------------
    def _permissions(self, meta: etree._Element, data: dict[str, Any]) -> None:
        holders = [meta, *_children(meta, "permissions")]
        copyright_: dict[str, Any] = {}
        for holder in holders:
            for item in _children(holder, "copyright-statement"):
                copyright_.setdefault("statement", {}).setdefault(
                    self.lang_of(item), self.plain(item)
                )
            for item in _children(holder, "copyright-holder"):
                copyright_.setdefault("holder", {}).setdefault(self.lang_of(item), self.plain(item))
            year = _child(holder, "copyright-year")
            if year is not None and self.plain(year).isdigit():
                copyright_["year"] = int(self.plain(year))
        if copyright_:
            data["copyright"] = copyright_
        # ALI's free_to_read (PMC, JATS4R) and the like: the model holds licences only
        left = [
            _named(child)
            for permissions in _children(meta, "permissions")
            for child in permissions
            if local_name(child) not in _KNOWN_PERMISSIONS
        ]
        if left:
            self.warn("permissions: not in the model, left out: " + ", ".join(left))
        # Every licence is kept: grouped by URL and what it governs (one per language is one
        # licence), a licence without a URL by its license-type; the URL exactly as written.
        groups: dict[tuple[str | None, str | None, str | None], dict[str, Any]] = {}
        for lic in (lic for holder in holders for lic in _children(holder, "license")):
            url = self._license_url(lic)
            kind = (lic.get("license-type") or "").strip() or None
            kind = None if kind and ADDRESS.match(kind) else kind
            text = " ".join(self.inline(p) for p in _children(lic, "license-p", "p")).strip()
            if not url and not text:
                self.warn("a licence with neither a URL nor a statement: left out")
                continue
            start = next(iter(lic.iter(*ALI_LICENSE_REFS)), None)
            use = licence_use(lic)
            entry = groups.setdefault((url, None if url else kind, use), {"texts": {}})
            if url:
                entry["id"] = url
            if kind:
                entry.setdefault("type", kind)
            if start is not None and _DATE.match(start.get("start_date") or ""):
                entry.setdefault("start_date", start.get("start_date"))
            if use:
                entry["applies_to"] = use
            if text:
                lang = self.lang_of(lic)
                if lang in entry["texts"] and entry["texts"][lang] != text:
                    entry["texts"][lang] += " " + text
                else:
                    entry["texts"][lang] = text
        entries = list(groups.values())
        _pmc_text_mining_licence(entries)
        found = []
        for entry in entries:
            texts = entry.pop("texts")
            if entry.get("id"):
                spdx, url = resolve_license(entry["id"])
                written = licence_statement(spdx, url, entry.get("applies_to"))
                if list(texts.items()) == [("en", written)]:
                    texts = {}  # the writer's own sentence: leave it to the writer
                if spdx and entry.get("type") == "open-access":
                    del entry["type"]  # what the writer writes for a CC licence anyway
            if texts:
                entry["text"] = texts
            found.append(entry if len(entry) > 1 or "id" not in entry else entry["id"])
        # the article's licence is one that governs the article (no applies_to); a file may
        # give only licences for other uses (a record with only text-mining terms)
        own = [item for item in found if not (isinstance(item, dict) and item.get("applies_to"))]
        if own:
            data["license"] = own[0]
        others = [item for item in found if not own or item is not own[0]]
        if others:
            data["other_licenses"] = others

    def _license_url(self, lic: etree._Element) -> str | None:
        candidates = [lic.get(XLINK_HREF) or ""]
        candidates += [self.plain(ref) for ref in lic.iter(*ALI_LICENSE_REFS)]
        candidates += [link.get(XLINK_HREF) or "" for link in lic.iter("{*}ext-link", "ext-link")]
        candidates += [lic.get("license-type") or ""]  # some archives put the URL there
        for candidate in candidates:
            candidate = candidate.strip()
            if ADDRESS.match(candidate):
                return candidate
        # BMC and Springer in PMC: 'the Creative Commons Attribution 4.0 International License
        # (http://creativecommons.org/licenses/by/4.0/)' in the text, with no link
        for found in re.findall(r"https?://[^\s()<>\[\]]+", "".join(lic.itertext())):
            if spdx_from_url(found.rstrip(".,;:")):
                return found.rstrip(".,;:")
        return None

    def _self_uris(self, meta: etree._Element, data: dict[str, Any]) -> None:
        """Links to versions of the article (PDF, HTML …) and its landing page. The address
        may be the element's text (Pensoft); a link of another kind (Pensoft's ZooBank
        registration) is named as left out, not taken for a PDF."""
        links = []
        for item in _children(meta, "self-uri"):
            title = self.plain(item)
            url = (item.get(XLINK_HREF) or "").strip() or title
            stated = (item.get("content-type") or "").strip()
            kind = stated.lower().removeprefix("application/").removeprefix("text/")
            if not kind:  # by the address: OJS's untyped self-uri is the article's page
                ending = url.lower().rsplit("?", 1)[0].rsplit(".", 1)[-1]
                kind = ending if ending in _SELF_URI_TYPES else "landing-page"
            if not ADDRESS.match(url):
                if url:
                    self.warn(f"self-uri {url!r} is not an http(s) address: left out")
                continue
            if kind == "landing-page" and "url" not in data:
                data["url"] = url
                continue
            kind = "html" if kind == "landing-page" else kind  # a second page of the article
            if kind not in _SELF_URI_TYPES:
                self.warn(f"self-uri of type {stated!r} ({url}) is not in the model: left out")
                continue
            link: dict[str, Any] = {"url": url, "type": _SELF_URI_TYPES[kind]}
            if title and title != url:
                link["title"] = title
            links.append(link)
        if links:
            data["self_uri"] = links

    def _related_articles(self, meta: etree._Element, data: dict[str, Any]) -> None:
        """The articles this one is tied to (``related-article``: the article a correction
        corrects …), by their DOI, PubMed id (the link, or a ``pub-id`` in the text) and text.
        What the model cannot hold is named: a type it does not know, a link of another kind
        than a DOI or PubMed id, a journal-id; one that keeps neither a DOI, a PubMed id nor a
        text, or points to the article itself, is left out, said."""
        found: list[dict[str, Any]] = []
        for index, item in enumerate(_children(meta, "related-article"), start=1):
            kind = (item.get("related-article-type") or "").strip()
            where = f"related-article {item.get('id') or index}"
            if kind not in _RELATED_TYPES:
                self.warn(f"{where}: related-article-type {kind!r} is not in the model: left out")
                continue
            entry: dict[str, Any] = {"type": kind}
            if _XML_ID.match(item.get("id") or ""):
                entry["id"] = item.get("id")
            entry["doi"] = self._related_doi(item, where)
            entry["pmid"], text = self._related_pmid(item, where)
            entry["citation"] = self.inline(text)
            for attribute, key in (("vol", "volume"), ("issue", "issue"), ("page", "fpage"),
                                   ("elocation-id", "elocation_id")):  # fmt: skip
                value = " ".join((item.get(attribute) or "").split())
                if value:
                    entry[key] = value
            pages = model.PAGE_RANGE.fullmatch(entry.get("fpage", ""))
            if pages:
                self.warn(f"{where}: page {entry['fpage']!r} read as its first page", SIMPLIFIED)
                entry["fpage"] = pages[1]
            if entry.get("fpage") and entry.pop("elocation_id", None):
                self.warn(f"{where}: both page and elocation-id: elocation-id left out")
            if item.get("journal-id"):
                self.warn(f"{where}: journal-id {item.get('journal-id')!r} is not in the model: "
                          "left out")  # fmt: skip
            own = (data.get("doi") or "").lower()
            own_pmid = identifiers.pmid_or_none(data.get("ids", {}).get("pmid"))
            if entry["doi"] and entry["doi"].lower() == own:
                self.warn(f"{where}: it names the article itself ({entry['doi']}): left out")
            elif entry["pmid"] and entry["pmid"] == own_pmid:
                self.warn(f"{where}: it names the article itself (PMID {own_pmid}): left out")
            elif not (entry["doi"] or entry["pmid"] or entry["citation"]):
                self.warn(f"{where}: neither a DOI, a PubMed id nor a text names the article: "
                          "left out")  # fmt: skip
            else:
                found.append({key: value for key, value in entry.items() if value})
        if found:
            data["related_articles"] = found

    def _article_versions(self, meta: etree._Element, data: dict[str, Any]) -> None:
        """``article-version``: status ``preprint`` (as the writer writes a preprint, JATS4R
        and PMC tag one) is the model's ``preprint``; any other version is said."""
        versions = [
            version
            for child in meta
            if local_name(child) in ("article-version", "article-version-alternatives")
            for version in child.iter("{*}article-version")
        ]
        for version in versions:
            kind = (version.get("article-version-type") or "").strip()
            text = self.plain(version)
            if relations.says_preprint(kind, text):
                data["preprint"] = True
                continue
            typed = f" ({kind})" if kind else ""
            self.warn(f"article-version {text!r}{typed} is not in the model: left out")

    def _related_doi(self, item: etree._Element, where: str) -> str | None:
        """The DOI a related-article links to: its ``xlink:href`` when the link is a DOI
        (``ext-link-type="doi"``, or none stated and the address reads as one)."""
        href = (item.get(XLINK_HREF) or "").strip()
        link = (item.get("ext-link-type") or "").strip()
        if not href:
            return None
        if link.lower() in ("doi", ""):
            try:
                return identifiers.normalize_doi(href)
            except ValueError as exc:
                if link:
                    self.warn(f"{where}: DOI {exc}: left out")
                    return None
        if link.lower() in _PUBMED_LINKS:
            return None  # read by _related_pmid
        self.warn(f"{where}: its {link or 'untyped'} link {href!r} is not in the model: left out")
        return None

    def _related_pmid(self, item: etree._Element, where: str) -> tuple[str | None, etree._Element]:
        """The PubMed id of a related-article — its link when typed ``pubmed`` or ``pmid``, else
        a ``pub-id pub-id-type="pmid"`` in its text — and the element without that pub-id,
        whose text is the citation. A malformed one is said and left out."""
        values: list[str] = []
        if (item.get("ext-link-type") or "").strip().lower() in _PUBMED_LINKS:
            values.append((item.get(XLINK_HREF) or "").strip())
        text = item
        if _pmid_pub_ids(item):
            values += [" ".join("".join(el.itertext()).split()) for el in _pmid_pub_ids(item)]
            text = copy.deepcopy(item)
            for el in _pmid_pub_ids(text):
                remove_keeping_tail(el)
        for value in values:
            try:
                return identifiers.normalize_pmid(value), text
            except ValueError as exc:
                self.warn(f"{where}: {exc}: left out")
        return None, text

    # abstracts, keywords, funding ------------------------------------------------
    def _abstracts(
        self, meta: etree._Element, data: dict[str, Any], default: str | None = None
    ) -> None:
        """One abstract per language: the untyped one (the article's abstract) before any
        typed one, wherever it stands — PMC files from Elsevier put the graphical abstract
        first, PLOS the author summary second. (``default``: a translation's language.)"""
        abstracts: dict[str, list[str]] = data.get("abstract", {})
        items = _children(meta, "abstract", "trans-abstract")
        items.sort(key=lambda item: _abstract_rank(item.get("abstract-type")))
        for item in items:
            lang = self.lang_of(item, default)
            kind = item.get("abstract-type")
            if not self.known_lang(lang, f"{local_name(item)} ({kind or 'untyped'})"):
                continue
            if lang in abstracts:
                self.warn(f"a second abstract in {lang!r} ({kind or 'untyped'}) is left out")
                continue
            paras = paragraphs(item, local_name(item, lower=True), self.log)
            if paras:
                abstracts[lang] = paras
        if abstracts:
            data["abstract"] = abstracts

    def _keywords(
        self, meta: etree._Element, data: dict[str, Any], default: str | None = None
    ) -> None:
        keywords: dict[str, list[str]] = {}
        inherited = default or self.lang
        groups = _children(meta, "kwd-group")
        if len(groups) > 1:
            groups = [group for group in groups if self._authors_keywords(group)]
        read: list[tuple[str | None, list[str]]] = []
        for group in groups:
            words = [w for w in (self.inline(k) for k in _children(group, "kwd")) if w]
            lang = (group.get(XML_LANG) or "").strip()
            if not lang and len(groups) > 1:
                # an untagged group beside others (an English one in a Russian article) is in
                # the language its script tells, not merged into the article's
                letters = " ".join("".join(k.itertext()) for k in _children(group, "kwd"))
                lang = scripts.language_by_script(letters, inherited) or ""
            read.append((lang or (None if len(groups) > 1 else inherited), words))
        held = {lang for lang, _ in read if lang}
        for lang, words in read:
            if lang is None and inherited in held:
                shown = ", ".join(words[:3]) + (" …" if len(words) > 3 else "")
                self.warn(
                    f"a keyword group without xml:lang whose script does not tell its language "
                    f"is left out ({shown})"
                )
                continue
            held.add(lang or inherited)
            keywords.setdefault(lang or inherited, []).extend(words)
        found: dict[str, list[str]] = data.get("keywords", {})
        for lang, words in keywords.items():
            if not words or not self.known_lang(lang, "a keyword group"):
                continue
            if found.get(lang, words) != words:
                self.warn(f"a second keyword group in {lang!r} is left out")
                continue
            found[lang] = words
        if found:
            data["keywords"] = found

    def _authors_keywords(self, group: etree._Element) -> bool:
        """Whether a kwd-group beside others holds the article's keywords: untyped, or typed
        as the authors' (``author``, ``author-keywords`` …). One of another kind (eLife's
        ``research-organism``, ``msc`` codes, ``osf-badges``, ``abbreviations``) is named as
        left out: merged, it made 'Mouse' and '32A99' keywords."""
        kind = (group.get("kwd-group-type") or "").strip()
        if kind.lower() in _AUTHOR_KEYWORDS:
            return True
        words = [w for w in (self.plain(k) for k in _children(group, "kwd")) if w]
        shown = ", ".join(words[:3]) + (" …" if len(words) > 3 else "")
        self.warn(f"kwd-group of type {kind!r} is not in the model: left out ({shown})")
        return False

    def _funding(self, meta: etree._Element, data: dict[str, Any]) -> None:
        """Every funding-group (SciELO writes one per funder, and all but the first were lost).
        A funder given in several award-groups, one per grant (eLife), is one funder with all
        its awards, by the Crossref reader's rule (``add_funder``): it was read as so many
        funders."""
        groups = _children(meta, "funding-group")
        if not groups:
            return
        funding: list[dict[str, Any]] = []
        for award in (award for group in groups for award in _children(group, "award-group")):
            # Several funding-sources in one award-group are several funders (SciELO:
            # CAPES and CNPq), unless they name one funder in several languages.
            funders: list[tuple[dict[str, str], str | None]] = []
            for source in _children(award, "funding-source"):
                name, funder_id = self._funding_source(source)
                if not name:
                    continue
                lang = self.lang_of(source)
                if not funders or lang in funders[-1][0]:
                    funders.append(({}, None))
                names, known_id = funders[-1]
                names[lang] = name
                funders[-1] = (names, known_id or funder_id)
            left = {local_name(c, lower=True) for c in award} - _AWARD_READ - {""}
            if left and funders:
                self.warn("award-group: not in the model, left out: " + ", ".join(sorted(left)))
            if not funders:
                self.warn("an award-group without funding-source is left out")
                continue
            awards = [a for a in (self.plain(a) for a in _children(award, "award-id")) if a]
            for funder, funder_id in funders:
                entry: dict[str, Any] = {"funder": funder, "awards": list(awards)}
                if funder_id:
                    entry["funder_id"] = funder_id
                add_funder(funding, entry)
        if funding:
            data["funding"] = funding
        statements: dict[str, str] = {}
        found = [item for group in groups for item in _children(group, "funding-statement")]
        # eLife's production export puts it inside an award-group (not where JATS has it)
        found += [
            item
            for group in groups
            for award in _children(group, "award-group")
            for item in _children(award, "funding-statement")
        ]
        for item in found:
            lang, text = self.lang_of(item), self.inline(item)
            if text and statements.setdefault(lang, text) != text:
                self.warn(f"a second funding statement in {lang!r} is left out")
        if statements:
            data["funding_statement"] = statements

    def _statements(self, meta: etree._Element, data: dict[str, Any]) -> None:
        """Acknowledgements (``<ack>`` in ``<back>``), the competing-interests statement (a
        ``coi-statement`` or ``conflict`` footnote in ``<author-notes>`` or in the back
        matter's ``<fn-group>``, or a back section or note of that type) and the data
        availability statement (``<sec sec-type="data-availability">`` or such ``<notes>`` in
        ``<back>``; an untyped back section headed as one), each per language; an untyped back
        section headed "Funding" as the funding statement (``_funding_section``); a section so
        headed in an "additional-information" one too (``_statement_place``). What else the
        author notes, the back matter and the front matter's notes hold (``<corresp>``, other
        footnotes, a glossary, appendices) is named as left out."""
        found: dict[str, list[etree._Element]] = {}
        left: list[str] = []
        for notes in _children(meta, "author-notes"):
            for child in notes:
                name = local_name(child, lower=True)
                field = statement_field(child) if name == "fn" else None
                if field:
                    found.setdefault(field, []).append(child)
                elif name == "fn":
                    kind = (child.get("fn-type") or "").strip()
                    left.append(f"fn of type {kind!r}" if kind else "untyped fn")
                elif name not in ("label", "title", ""):
                    left.append(name)
        if left:
            self.warn("author-notes: not in the model, left out: " + ", ".join(dict.fromkeys(left)))
        back = _child(self.root, "back")
        # the back matter, and the notes of the front matter (bioRxiv's competing interests)
        places = [*_children(_child(self.root, "front"), "notes"), back]
        taken: list[etree._Element] = []
        for item in (i for place in places if place is not None for i in place.iter("{*}*", "*")):
            name = local_name(item, lower=True)
            if name == "ack" and item.getparent() is back:
                field: str | None = "acknowledgements"
            elif name in ("fn", "sec", "notes"):
                # wherever the back matter nests it: eLife's COI footnote in a fn-group of an
                # "additional information" section, its data section in the supplementary one
                field = statement_field(item)
                if field is None and name == "sec" and _statement_place(item, back):
                    field = _titled_statement(item)  # PMC's BMC: <sec><title>Competing …
            else:
                continue
            if field and not any(item in t.iter() for t in taken):
                taken.append(item)
                found.setdefault(field, []).append(item)
        for field, elements in found.items():
            sources: dict[str, list[etree._Element]] = {}
            texts = self._statement_texts(elements, _STATEMENT_NAMES[field], sources)
            if texts and field == "funding_statement":
                self._funding_section(sources, texts, data)
            elif texts:
                data[field] = texts
            elif any("".join(e.itertext()).strip() for e in elements) and not any(
                _text_beside_heading(e) for e in elements
            ):
                # a heading alone (SciELO's "Data Availability Statement" with no paragraph)
                shown = ", ".join(_named(e) for e in elements)
                self.warn(
                    f"{shown}: a {_STATEMENT_NAMES[field]} with a heading and no text: left out"
                )
        self._linked_statements(meta, found.get("competing_interests", []))
        # the references are read wherever the back matter nests its ref-list
        read = [*taken, *(back.iter("{*}ref", "ref") if back is not None else [])]
        for place in places:
            if place is not None:
                self._left_out(place, read)

    def _left_out(self, place: etree._Element, read: list[etree._Element]) -> None:
        """Said: what the back matter (or a ``<notes>`` of the front matter) holds beside the
        references and statements read — an appendix, a glossary, a footnote or section of
        another type, a biography —, which the model has no place for and which was left out
        in silence. A container of something read (eLife's "additional information" section
        around its competing-interests footnote) is looked into; an empty one loses nothing."""
        left: list[str] = []
        taken = set(read)

        def look(holder: etree._Element, where: str) -> None:
            for child in holder:
                name = local_name(child, lower=True)
                if not name or name in ("label", "title") or child in taken:
                    continue
                if not "".join(child.itertext()).strip():
                    continue
                named = _named(child)
                shown = where + named
                # a footnote group of no type or heading is said by its footnotes; a ref-list
                # by what it holds beside its references (a heading alone loses nothing)
                if (
                    named == "fn-group"
                    or name == "ref-list"
                    or any(child in item.iterancestors() for item in read)
                ):
                    look(child, shown + " > ")
                else:
                    left.append(shown)

        look(place, "")
        if left:
            what = "back" if local_name(place, lower=True) == "back" else "front notes"
            self.warn(f"{what}: not in the model, left out: " + ", ".join(dict.fromkeys(left)))

    def _funding_section(
        self,
        sources: dict[str, list[etree._Element]],
        texts: dict[str, list[str]],
        data: dict[str, Any],
    ) -> None:
        """A back section headed "Funding" (bioRxiv's, untyped) as the funding statement, one
        text per language (the model's, as ``<funding-statement>`` holds it: paragraphs joined,
        said). Where ``funding-group`` gave one in that language, that one is kept and the
        section said as a second one. Each line names the section(s) of its language only
        (``sources``): naming every Funding section sent readers to the wrong one."""
        statements: dict[str, str] = dict(data.get("funding_statement") or {})
        for lang, paras in texts.items():
            shown = ", ".join(_named(e) for e in sources.get(lang, []))
            if statements.get(lang) == " ".join(paras):
                continue  # (the same words twice lose nothing)
            if lang in statements:
                self.warn(
                    f"{shown}: a second funding statement in {lang!r}, beside funding-group's "
                    "funding-statement: left out"
                )
                continue
            statements[lang] = " ".join(paras)
            if len(paras) > 1:
                self.warn(
                    f"{shown}: {len(paras)} paragraphs read as one funding statement in "
                    f"{lang!r} (funding-statement holds no paragraphs)",
                    SIMPLIFIED,
                )
        if statements:
            data["funding_statement"] = statements

    def _linked_statements(self, meta: etree._Element, notes: list[etree._Element]) -> None:
        """Said: competing-interests footnotes that contributors point to (eLife: one per
        author, ``<xref ref-type="fn" rid="conf1">``) are read as the article's one statement,
        and which author each was is not kept."""
        ids = {note.get("id") for note in notes if note.get("id")}
        linked = [
            rid
            for contrib in meta.iter("{*}contrib", "contrib")
            for xref in _children(contrib, "xref")
            for rid in (xref.get("rid") or "").split()
            if rid in ids
        ]
        if linked:
            self.warn(
                "competing-interests footnotes that contributors point to ("
                + ", ".join(dict.fromkeys(linked))
                + ") are read as the article's statement, without the contributor each is of",
                SIMPLIFIED,
            )

    def _statement_texts(
        self,
        elements: list[etree._Element],
        what: str,
        sources: dict[str, list[etree._Element]] | None = None,
    ) -> dict[str, list[str]]:
        """The paragraphs of a statement's elements by language: its ``xml:lang``, else (beside
        others of the kind) the one its script tells; two in one language are one statement.
        The element's own label and heading are not its text. ``sources`` gets the elements
        read under each language, for a message to name only those."""
        texts: dict[str, list[str]] = {}
        for element in elements:
            shallow = copy.deepcopy(element)
            for child in list(shallow):
                if local_name(child, lower=True) not in ("label", "title"):
                    break
                remove_keeping_tail(child)
            paras = paragraphs(shallow, local_name(element, lower=True), self.log)
            if not paras:
                continue
            lang = (element.get(XML_LANG) or "").strip()
            if not lang and len(elements) > 1:
                lang = scripts.language_by_script(" ".join(paras), self.lang) or ""
            lang = lang or self.lang
            if self.known_lang(lang, f"a {what}"):
                held = texts.setdefault(lang, [])  # (one author's "None declared" as another's)
                if sources is not None:
                    sources.setdefault(lang, []).append(element)
                held.extend(para for para in paras if para not in held)
        return texts

    def _funding_source(self, source: etree._Element) -> tuple[str, str | None]:
        """A funding-source's name and funder id (a Funder Registry DOI or a ROR id). The id
        may be an ``institution-id`` in its ``institution-wrap`` (PLOS, eLife), a ``<named-content
        content-type="funder-id">`` after the name (Crossref's pattern), or its ``xlink:href``;
        none of it is a word of the name. An id of another kind (Ringgold), or a second one,
        is named as left out."""
        found: list[tuple[str, str]] = []  # (what it is, its value)
        href = (source.get(XLINK_HREF) or "").strip()
        if href:
            found.append(("xlink:href", href))
        shallow = copy.deepcopy(source)
        for part in list(shallow.iter()):
            name = local_name(part, lower=True)
            kind = (part.get("institution-id-type") or part.get("content-type") or "").strip()
            if name == "institution-id" or (
                name == "named-content" and _FUNDER_ID_CONTENT.search(kind)
            ):
                found.append((f"{name} of type {kind!r}" if kind else name, self.plain(part)))
                remove_keeping_tail(part)
            elif name == "ext-link" and "fundref" in (part.get(XLINK_HREF) or "").lower():
                # older eLife: 'FundRef identification ID:' linked, before the id
                remove_keeping_tail(part)
        wrap = _child(shallow, "institution-wrap")
        if wrap is not None:
            name_el = _child(wrap, "institution")
            name = self.plain(name_el) if name_el is not None else ""
        else:
            name = self.plain(shallow)
        funder_id: str | None = None
        seconds: set[str] = set()  # a second id written twice (href and institution-id): once
        for what, value in found:
            candidate = value.strip()
            # PLOS: 'dx.doi.org/10.13039/…', a resolver address without its scheme
            if re.match(r"(?:dx\.)?doi\.org/", candidate, re.IGNORECASE):
                candidate = "https://" + candidate
            try:
                read = identifiers.normalize_funder_id(candidate)
            except identifiers.ChecksumError:
                # (a ROR id of the right form, mistyped: said so, not as no ROR id at all)
                self.warn(
                    f"funder {name!r}: {what} {value!r}: ROR id checksum fails (a mistyped id): "
                    "left out"
                )
                continue
            except ValueError:
                self.warn(
                    f"funder {name!r}: {what} {value!r} is not a Funder Registry DOI or ROR id: "
                    "left out"
                )
                continue
            if funder_id is None:
                funder_id = read
            elif read != funder_id and read not in seconds:
                seconds.add(read)
                self.warn(f"funder {name!r}: a second funder id {value!r} is left out")
        return name, funder_id

    def _custom_meta(self, meta: etree._Element, data: dict[str, Any]) -> None:
        """Custom metadata, but PLOS's data availability statement (``<custom-meta
        id="data-availability">``, named "Data Availability"), which is the article's
        ``data_availability`` when the back matter gives none."""
        items = []
        for group in _children(meta, "custom-meta-group"):
            for item in _children(group, "custom-meta"):
                name, value = _child(item, "meta-name"), _child(item, "meta-value")
                if name is None or value is None:
                    continue
                named = self.plain(name)
                statement = (
                    _DATA_AVAILABILITY_NAME.match(named) or item.get("id") == "data-availability"
                )
                if statement and "data_availability" not in data:  # (else kept as it is)
                    texts = self._statement_texts([value], _STATEMENT_NAMES["data_availability"])
                    if texts:
                        data["data_availability"] = texts
                    else:
                        self.warn(f"custom-meta {named!r}: empty, left out")
                    continue
                items.append({"name": named, "value": self.plain(value)})
        if items:
            data["custom_meta"] = items

    # references ------------------------------------------------------------------
    def _references(self, data: dict[str, Any]) -> None:
        back = _child(self.root, "back")
        if back is None:
            return
        refs: list[dict[str, Any]] = []
        unheld: Counter[str] = Counter()  # parts no field or text holds, by the references
        for ref in back.iter("{*}ref", "ref"):
            unheld.update(_unheld(ref))
            parsed = self._reference(ref)
            if parsed:
                if parsed.get("id") and parsed["id"] in {r.get("id") for r in refs}:
                    parsed["id"] = self._fresh_id(parsed["id"], {r.get("id") for r in refs})
                refs.append(parsed)
        if refs:
            data["references"] = refs
        if unheld:
            shown = [
                f"{name} ({count} reference{'s' if count > 1 else ''})"
                for name, count in sorted(unheld.items())
            ]
            self.warn("ref-list: not in the model, left out: " + ", ".join(shown))

    def _reference(self, ref: etree._Element) -> dict[str, Any] | None:
        citations = []
        entry: dict[str, Any] = {}
        for child in ref:
            name = local_name(child, lower=True)
            if name == "citation-alternatives":
                citations.extend(child)
            elif name == "label":
                label = " ".join(self.plain(child).split())
                if label:
                    entry["label"] = label
            else:
                citations.append(child)
        ref_id = ref.get("id") or ""
        if _XML_ID.match(ref_id):
            entry["id"] = ref_id
        where = f"reference {ref_id}"  # (its DOIs set right are said so, once: reference_doi)
        texts: dict[str, str] = {}
        fallback: dict[str, str] = {}  # an element-citation's content as text
        uncarried = False  # a part the structured fields have no place for (a PMID, editors)
        parts_from = ""  # the kind of citation the fields were read from: mixed, element
        for cite in citations:
            name = local_name(cite, lower=True)
            kind = cite.get("publication-type") or cite.get("citation-type")
            if kind and "type" not in entry:
                if kind in _REF_TYPES:
                    entry["type"] = _REF_TYPES[kind]
                else:
                    self.warn(
                        f"reference type {kind!r} is not in the model: read as 'other'", SIMPLIFIED
                    )
                    entry["type"] = "other"
            mixed = name == "mixed-citation" or name == "citation"
            if mixed and not _element_only(cite):
                # PMC's and PLOS's mixed citations tag every part, often without the spaces
                # between them ('PaupyC', 'Microbes Infect11'): the parts are kept apart in
                # the text, and read as the fields when no element citation gives them
                text = dois_set_right(self._mixed_text(_spaced(cite)), where, self.log)
                if not text:
                    continue
                if not parts_from and _tagged_parts(cite):
                    parts_from = "mixed"
                    self._structured(cite, entry, ref_id)
                # a citation that states no language is in the article's unless its script
                # says plainly otherwise (a Russian one in an English article) or its
                # alphabet does (a Ukrainian one), as OJS's and Crossref's references are read
                stated = (cite.get(XML_LANG) or ref.get(XML_LANG) or "").strip()
                lang = stated or alphabets.reference_language(text, self.lang)
                if lang in texts:
                    self.warn(f"reference {ref_id}: a second {name} in {lang!r} is left out")
                    continue
                texts[lang] = text
            elif name in ("element-citation", "nlm-citation") or mixed:
                if parts_from == "mixed":  # an element citation's parts win over a mixed one's
                    entry = {k: v for k, v in entry.items() if k in ("id", "label", "type")}
                parts_from = "element"
                dropped = self._structured(cite, entry, ref_id)
                uncarried = uncarried or dropped or _uncarried(cite)
                text = dois_set_right(self._element_text(cite), where, self.log)
                if text:  # (its language as a mixed citation's, when it states none)
                    stated = (cite.get(XML_LANG) or ref.get(XML_LANG) or "").strip()
                    lang = stated or alphabets.reference_language(text, self.lang)
                    fallback.setdefault(lang, text)
        if (
            not texts
            and fallback
            and (uncarried or not (entry.get("title") or entry.get("source")))
        ):
            # software, web pages, data: a comment and a link, a collab, a pub-id only; or a
            # PMID, editors, a publisher the fields have no place for: kept as the text
            texts = fallback
        if texts:
            entry["text"] = texts
        if not texts and not (entry.get("title") or entry.get("source")):
            self.warn(f"reference {ref_id or '(no id)'}: empty: left out")
            return None
        return self._fields_taken(entry, ref_id or "(no id)", fallback)

    def _fields_taken(
        self, entry: dict[str, Any], ref_id: str, fallback: dict[str, str]
    ) -> dict[str, Any]:
        """The reference without the fields the model refuses (MDPI's '<fpage>S7-16</fpage>',
        a supplement page and a plain one), each named, its text kept: one reference's odd
        field refused the whole article before."""
        try:
            model.Reference.model_validate(entry)
            return entry
        except ValidationError as exc:
            refused = {str(e["loc"][0]) for e in exc.errors() if e["loc"]} & _PART_FIELDS
            if not refused:
                return entry  # the model says what is wrong with the article
            for line in validation_problems(exc, f"reference {ref_id}", model.Reference):
                self.warn(f"{line}: left out of the fields, kept in the text")
        kept = {key: value for key, value in entry.items() if key not in refused}
        if not kept.get("text") and fallback:
            kept["text"] = fallback
        return kept

    def _mixed_text(self, cite: etree._Element) -> str:
        """A mixed citation's text; a link whose address its text does not show gets it added
        (the writer turns addresses in reference text back into links)."""
        text = self.plain(cite)
        for link in cite.iter("{*}ext-link", "ext-link", "{*}uri", "uri"):
            href = (link.get(XLINK_HREF) or "").strip()
            if ADDRESS.match(href) and href not in text:
                text = f"{text} {href}".strip()
        return text

    def _element_text(self, cite: etree._Element) -> str:
        """An element citation's parts as one line of text, in their order: people by
        'Surname Given', editors marked, pages as a range, identifiers named."""
        parts: list[str] = []
        previous = ""
        for child in cite:
            name = local_name(child, lower=True)
            if name == "person-group":
                # (BMC: editors as the group's text alone, 'Hendrix RW,Roberts JW')
                people = ", ".join(p for p in map(self._person_text, child) if p) or (
                    self.plain(child) if not len(child) else ""
                )
                if people and (child.get("person-group-type") or "author") == "editor":
                    people += " (eds)"
                parts.append(people)
            elif name in _PEOPLE and previous in _PEOPLE and parts:
                parts[-1] += ", " + self._person_text(child)  # NLM 2.3: names without a group
            elif name in _PEOPLE:
                parts.append(self._person_text(child))
            elif name == "lpage" and previous == "fpage" and parts:
                parts[-1] += "–" + self.plain(child)
            elif name in _DATE_PARTS and previous in _DATE_PARTS and parts:
                parts[-1] += " " + self.plain(child)  # 7 September 2016
            elif name == "pub-id":
                kind = (child.get("pub-id-type") or "").lower()
                value = self.plain(child)
                if kind == "doi":
                    parts.append(f"doi:{value}")
                elif kind == "arxiv":
                    parts.append(value if value.lower().startswith("arxiv") else f"arXiv:{value}")
                else:
                    parts.append(f"{kind.upper()}: {value}")
            elif name in ("isbn", "issn"):
                value, label = self.plain(child), name.upper()
                parts.append(value if value.upper().startswith(label) else f"{label} {value}")
            elif name in ("ext-link", "uri"):
                href = (child.get(XLINK_HREF) or "").strip()
                label = self.plain(child)
                parts.append(label if not href or href == label else f"{label} {href}".strip())
            elif name:
                parts.append(self.plain(child))
            previous = name or previous
        kept = [p.rstrip(". ") for p in parts if p.strip(" .")]
        line = "".join(f"{p} " if p.endswith(("?", "!")) else f"{p}. " for p in kept)
        return line.strip()

    def _person_text(self, person: etree._Element) -> str:
        kind = local_name(person, lower=True)
        if kind == "name":
            found = self._name(person)
            kept = [found.get(key) for key in ("prefix", "surname", "given", "suffix")]
            return " ".join(filter(None, kept))
        if kind == "etal":
            return "et al."
        return self.plain(person) if kind else ""

    def _structured(self, cite: etree._Element, entry: dict[str, Any], ref_id: str) -> bool:
        """Read an element citation's parts into ``entry``; True when one was left out (the
        reference then keeps its text, so nothing of it is lost)."""
        if cite.get(XML_LANG):
            entry["lang"] = cite.get(XML_LANG)
        authors: list[str] = []
        groups: list[str] = []  # those of the authors that are group authors (<collab>)
        etal = False
        honours = False
        people = [
            person
            for group in _children(cite, "person-group")
            if (group.get("person-group-type") or "author") == "author"
            for person in group
        ]
        for person in [*people, *_leading_people(cite)]:
            kind = local_name(person, lower=True)
            if kind in ("name", "string-name") and (parts := self._name(person)):
                surname, given = parts.get("surname"), parts.get("given")
                # an author's 'Jr', 'III' or 'Sir' has no place in the author's one line: the
                # reference keeps its text, which has it
                honours = honours or bool(parts.get("suffix") or parts.get("prefix"))
                if surname:
                    authors.append(f"{surname}, {given}" if given else surname)
            elif kind == "string-name":
                authors.append(self.plain(person))
            elif kind == "collab" and self.plain(person):
                # a group author is kept as one ('WHO' was written as a string-name, and
                # 'Ministry of Health, National Malaria Control Centre' as a person's name)
                authors.append(self.plain(person))
                groups.append(self.plain(person))
            elif kind == "etal":
                etal = True
        if authors:
            entry["authors"] = [a for a in authors if a]
            if groups:
                entry["groups"] = groups
            if etal:
                entry["etal"] = True
        for tag in ("article-title", "chapter-title", "data-title", "part-title"):
            found = _child(cite, tag)
            if found is not None:
                entry["title"] = self.inline(found)
                break
        source = _child(cite, "source")
        if source is not None:
            entry["source"] = self.inline(source)
        # the English title of a Russian work: trans-title of a part, trans-source of a book
        translated = _child(cite, "trans-title" if "title" in entry else "trans-source")
        if translated is not None and self.inline(translated):
            entry["title_en"] = self.inline(translated)
        for tag in ("year", "volume", "issue", "fpage", "lpage"):
            found = _child(cite, tag)
            if tag == "year" and found is None:  # SciELO: <date><year>1992</year></date>
                found = _child(_child(cite, "date"), "year")
            if found is not None and self.plain(found):
                entry[tag] = self.plain(found)
        for tag, key in (
            ("publisher-name", "publisher"),
            ("publisher-loc", "publisher_loc"),
            ("edition", "edition"),
            ("elocation-id", "elocation_id"),
        ):
            found = _child(cite, tag)
            if found is not None and self.plain(found):
                entry[key] = self.plain(found)
        dropped = self._range_in_page(entry, ref_id) or honours
        for pub_id in _children(cite, "pub-id"):
            kind = (pub_id.get("pub-id-type") or "").lower()
            if kind == "doi":
                # an en dash typeset for a hyphen (PMC) is set right, said, as Crossref's are
                doi = reference_doi(self.plain(pub_id), f"reference {ref_id}", self.log)
                if doi is None:
                    dropped = True  # (said: the reference keeps its text)
                else:
                    entry["doi"] = doi
            elif (carried := _CARRIED_IDS.get(kind)) is not None:
                field, read = carried
                try:
                    entry[field] = read(self.plain(pub_id))
                except ValueError as exc:
                    self.warn(
                        f"reference {ref_id}: {exc}: left out of the fields, kept in the text"
                    )
                    dropped = True
        for tag, read in (("isbn", identifiers.normalize_isbn), ("issn", identifiers.read_issn)):
            found = _child(cite, tag)
            if found is not None and self.plain(found):
                try:
                    entry[tag] = read(self.plain(found))
                except ValueError as exc:
                    self.warn(f"reference {ref_id}: {tag.upper()} {exc}: left out")
                    dropped = True
        for link in _children(cite, "ext-link", "uri"):
            url = (link.get(XLINK_HREF) or self.plain(link)).strip()
            if ADDRESS.match(url):
                entry.setdefault("url", url)
            elif url:
                dropped = True  # no address (eLife: 'Open access available http//cran …'): text
        for when in _children(cite, "date-in-citation"):
            value = _date_of(when)
            if value and (when.get("content-type") or "access-date") == "access-date":
                try:
                    entry["accessed"] = model.check_date(value)
                except ValueError:
                    self.warn(
                        f"reference {ref_id}: access date {value!r} is not a real date: "
                        "left out (the reference is kept)"
                    )
        return dropped

    def _range_in_page(self, entry: dict[str, Any], ref_id: str) -> bool:
        """A page range in one page field of a reference (Pensoft: ``<fpage>211</fpage>
        <lpage>49–70</lpage>``) is refused by the model, which would carry it as one page's
        name, and a whole article would be refused for it. Alone, the range is the first and
        last page; beside the other page, which to believe is a guess: the field is left out,
        said, and the reference keeps its text. True when one was left out."""
        for tag, other in (("fpage", "lpage"), ("lpage", "fpage")):
            found = model.one_range(entry.get(tag) or "")
            if not found:
                continue
            if not entry.get(other):
                entry["fpage"], entry["lpage"] = found[1], found[2]
                return False
            self.warn(
                f"reference {ref_id}: {tag} {entry[tag]!r} is a page range beside {other} "
                f"{entry[other]!r}: left out (the reference keeps its text)"
            )
            del entry[tag]
            return True
        return False

    # the journal -----------------------------------------------------------------
    def _journal(self, meta: etree._Element | None) -> dict[str, Any] | None:
        """The journal of ``journal-meta``: its ids, titles, ISSNs, publisher and home page.
        What the journal model has no place for is named, not dropped in silence (its
        subtitle, a second abbreviated title, the editors' contrib-group, notes …)."""
        if meta is None:
            return None
        journal: dict[str, Any] = {}
        ids = self._journal_ids(meta)
        if ids:
            journal["ids"] = ids
        title = self._journal_titles(meta, journal)
        if not any(title.values()):
            # PLOS and PMC files may name the journal only by an abbreviation or an NLM id.
            fallback = journal.get("abbrev_title")
            source = "abbrev-journal-title"
            if not fallback:
                kinds = ("nlm-ta", "iso-abbrev", "pubmed", "publisher-id", "publisher")
                source = next((f"journal-id of type {k!r}" for k in kinds if ids.get(k)), "")
                fallback = ids.get(source.split("'")[1]) if source else None
            if fallback:
                title = {self.lang: fallback}
                self.warn(
                    f"no journal-title: the journal's title is taken from its {source} "
                    f"({fallback!r})",
                    SIMPLIFIED,
                )
        journal["title"] = title
        journal["issn"] = self._journal_issns(meta)
        publisher = self._journal_publisher(_children(meta, "publisher"))
        if publisher:
            journal["publisher"] = publisher
        for link in _children(meta, "self-uri"):
            url = (link.get(XLINK_HREF) or "").strip() or self.plain(link).strip()
            if "url" not in journal and ADDRESS.match(url):
                journal["url"] = url
            elif url and url != journal.get("url"):
                self.warn(f"journal-meta: self-uri {url!r} is not in the model: left out")
        left = [
            _with_count(name, len(_children(child, "contrib")), "contributor")
            if name == "contrib-group"
            else name
            for child in meta
            if (name := local_name(child, lower=True)) and name not in _KNOWN_JOURNAL_META
        ]
        if left:
            self.warn("journal-meta: not in the model, left out: " + ", ".join(dict.fromkeys(left)))
        return journal

    def _journal_ids(self, meta: etree._Element) -> dict[str, str]:
        """The journal's ids by type; a second of a type is named. One without a type is
        carried when its value says its type (``_untyped_journal_id``) or when the file gives
        it typed too; else it is named: the model keeps ids by type, and a type guessed
        ('publisher-id' for 'Test J', an NLM abbreviation) would mislabel it, and would name
        PMC packages after it."""
        ids: dict[str, str] = {}
        untyped: list[tuple[str, str]] = []
        for item in _children(meta, "journal-id"):
            value = self.plain(item)
            kind = re.sub(r"[^a-z0-9-]+", "-", (item.get("journal-id-type") or "").lower())
            if not value:
                continue
            if not (kind and kind[0].isalpha()):
                untyped.append((value, item.get("journal-id-type") or ""))
            elif ids.setdefault(kind, value) != value:
                self.warn(
                    f"journal-meta: a second journal-id of type {kind!r} ({value!r}) is left out"
                )
        for value, stated in untyped:  # (after the typed ones, wherever the file puts them)
            if value in ids.values():
                continue  # given typed too: carried under that type
            read = None if stated.strip() else _untyped_journal_id(value)
            if read is not None and ids.setdefault(read[0], read[1]) == read[1]:
                continue
            said = f"of type {stated!r}" if stated.strip() else "without a type"
            self.warn(f"journal-meta: journal-id {value!r} {said} is not in the model: left out")
        return ids

    def _journal_titles(self, meta: etree._Element, journal: dict[str, Any]) -> dict[str, str]:
        """The journal's title per language, from every journal-title-group (a journal titled
        in two languages may give one group per language: all but the first were lost in
        silence) or, in NLM 2.3, from journal-meta itself; its abbreviated title (the first
        one: the model holds one). A second abbreviation, a subtitle and a second title in one
        language are named as left out. Sets ``language`` and ``abbrev_title`` in
        ``journal``."""
        title: dict[str, str] = {}
        holders = _children(meta, "journal-title-group") or [meta]
        for holder in holders:
            stated = (holder.get(XML_LANG) or "").strip() if holder is not meta else ""
            for main in _children(holder, "journal-title"):
                text = self.plain(main)
                own = (main.get(XML_LANG) or "").strip() or stated
                if not text:
                    continue
                if "language" not in journal:
                    journal["language"] = own or self.lang
                    title[journal["language"]] = text
                    continue
                lang = self.translated_lang(text, own, title, "journal-title", journal["language"])
                if lang is not None:
                    title.setdefault(lang, text)
            for trans in [*_children(holder, "trans-title-group"), holder]:
                group_lang = (trans.get(XML_LANG) or "").strip() if trans is not holder else ""
                for item in _children(trans, "trans-title"):
                    text = self.plain(item)
                    if not text:
                        continue
                    own = (item.get(XML_LANG) or "").strip() or group_lang
                    main_lang = journal.get("language")
                    lang = self.translated_lang(text, own, title, "journal trans-title", main_lang)
                    if lang is not None:
                        title.setdefault(lang, text)
                for sub in _children(trans, "journal-subtitle", "trans-subtitle"):
                    if self.plain(sub):
                        self.warn(
                            f"journal-meta: {local_name(sub)} {self.plain(sub)!r} is not in the "
                            "model: left out"
                        )
            for abbrev in _children(holder, "abbrev-journal-title"):
                text = self.plain(abbrev)
                kind = (abbrev.get("abbrev-type") or "").strip() or "untyped"
                if text and journal.setdefault("abbrev_title", text) != text:
                    self.warn(
                        f"journal-meta: abbrev-journal-title {text!r} ({kind}): the model holds "
                        f"one abbreviated title ({journal['abbrev_title']!r}): left out"
                    )
        return title

    def _journal_issns(self, meta: etree._Element) -> dict[str, str]:
        """The print, electronic and linking ISSN. An untyped one is the print ISSN, then the
        electronic; one typed both ways (PMC) is the electronic one; a further one is named."""
        issn: dict[str, str] = {}
        for item in _children(meta, "issn"):
            value = self.plain(item)
            kind = item.get("publication-format") or item.get("pub-type") or ""
            key = {"print": "print", "ppub": "print", "electronic": "electronic"}.get(kind)
            key = key or ("electronic" if kind in ("epub", "online") else None)
            key = key or ("print" if "print" not in issn else "electronic")
            if value and issn.setdefault(key, value) != value:
                self.warn(f"journal-meta: a second {key} ISSN {value!r} is left out")
        if issn.get("print") and issn.get("print") == issn.get("electronic"):
            # PMC types an online journal's one ISSN both ways; no ISSN is both (issn-typing)
            self.warn(
                f"ISSN {issn.pop('print')} is typed both print and electronic: read as the "
                "electronic ISSN",
                SIMPLIFIED,
            )
        linking = _child(meta, "issn-l")
        if linking is not None:
            issn["linking"] = self.plain(linking)
        return issn

    def _journal_publisher(self, publishers: list[etree._Element]) -> dict[str, Any]:
        """The publisher's name per language and its place (the model holds one place); a
        second name in one language, a second place, or a place without a name is named."""
        names: dict[str, str] = {}
        places: list[str] = []
        for publisher in publishers:
            for item in _children(publisher, "publisher-name"):
                lang, text = self.lang_of(item), self.plain(item)
                if text and names.setdefault(lang, text) != text:
                    self.warn(
                        f"journal-meta: a second publisher-name in {lang!r} ({text!r}) is left out"
                    )
            places += [p for p in map(self.plain, _children(publisher, "publisher-loc")) if p]
        if not names:
            for place in places:
                self.warn(
                    f"journal-meta: publisher-loc {place!r} without a publisher-name: left out"
                )
            return {}
        found: dict[str, Any] = {"name": names}
        for place in dict.fromkeys(places):
            if found.setdefault("location", place) != place:
                self.warn(f"journal-meta: a second publisher-loc {place!r} is left out")
        return found
