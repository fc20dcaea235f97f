"""OJS 2.x's "Articles & Issues XML" export (``native.dtd``, no namespace), rewritten as the
OJS 3.0 native export it corresponds to, so that one reader reads both.

OJS 2 nests articles in their section (``issue/section/article``), writes an issue's volume,
number and year on the issue itself, its keywords as one ``indexing/subject`` text (``;``
between them, as the article form asks), its licence under ``permissions`` and the submission's
public id as an attribute. OJS 3.0 writes the same facts as ``sections`` with ``section_ref``,
``issue_identification``, ``keywords/keyword``, ``licenseUrl``/``copyrightHolder``/
``copyrightYear`` and ``<id type="public">``; the rest (authors with ``firstname``/
``lastname``, titles, abstracts, pages, DOIs) has the same names. What has no counterpart —
covers, supplementary files, coverage, an author's competing interests (the article's
statement when every author gives the same) — is kept under its own name, so that the reader
names it as not carried, as it does any element it cannot hold; a
galley becomes an ``article_galley`` without an id, whose address the reader says it cannot
build (an OJS 2 export holds no galley id).
"""

from __future__ import annotations

import re

from lxml import etree

PKP_NS = "http://pkp.sfu.ca"

# indexing/<2.x name> -> (3.0 list, 3.0 item): OJS 2's "Keywords" field is ``subject``, its
# "Subject classification" ``subject_class``, its "Academic discipline" ``discipline``.
_VOCABULARIES = {
    "subject": ("keywords", "keyword"),
    "discipline": ("disciplines", "discipline"),
    "subject_class": ("subjects", "subject"),
}
_PERMISSIONS = {
    "license_url": "licenseUrl",
    "copyright_holder": "copyrightHolder",
    "copyright_year": "copyrightYear",
}
# What an OJS 2 issue or article holds of the reader's bookkeeping, not of the article: its
# access settings (``open_access``, ``access_date``).
_ACCESS = frozenset({"open_access", "access_date"})


def is_ojs2(root: etree._Element) -> bool:
    """OJS 2.x's export: no namespace, and the DOCTYPE of its "Articles and Issues XML" DTD
    (``-//PKP//OJS Articles and Issues XML//EN``, ``…/ojs/dtds/2.4.8/native.dtd``), or without
    one an issue holding sections that hold articles, as only 2.x wrote."""
    if etree.QName(root).namespace is not None:
        return False
    info = root.getroottree().docinfo
    doctype = f"{info.public_id or ''} {info.system_url or ''}"
    if "OJS Articles and Issues XML" in doctype or "native.dtd" in doctype:
        return True
    issues = [root] if root.tag == "issue" else root.findall("issue")
    return any(issue.find("section/article") is not None for issue in issues)


def as_ojs3(root: etree._Element) -> etree._Element:
    """The OJS 3.0 native export that holds what the OJS 2 export ``root`` holds."""
    if root.tag == "articles":
        out = _pkp("articles")
        out.extend(_article(article, None) for article in root.findall("article"))
        return out
    if root.tag == "article":
        return _article(root, None)
    if root.tag == "issue":
        return _issue(root)
    out = _pkp("issues")
    out.extend(_issue(issue) for issue in root.findall("issue"))
    return out


def _pkp(name: str, text: str | None = None, **attrib: str) -> etree._Element:
    element = etree.Element(f"{{{PKP_NS}}}{name}", nsmap={None: PKP_NS})
    for key, value in attrib.items():
        element.set(key, value)
    element.text = text
    return element


def _copy(element: etree._Element, name: str | None = None) -> etree._Element:
    """The element (its text, attributes and children, with the text after each: HTML written
    as elements, ``<p>a <i>b</i>.</p>``) in the PKP namespace; comments are left out. An
    element of another namespace (MathML in an abstract) keeps its local name."""
    out = _pkp(name or etree.QName(element).localname, element.text)
    for key, value in element.attrib.items():
        out.set(key, value)
    for child in element:
        if isinstance(child.tag, str):
            out.append(_copy(child))
            out[-1].tail = child.tail
        elif len(out):
            out[-1].tail = (out[-1].tail or "") + (child.tail or "")
        else:
            out.text = (out.text or "") + (child.tail or "")
    return out


def _ids(holder: etree._Element) -> list[etree._Element]:
    """The holder's ``public_id`` as OJS 3's ``<id type="public">``, and its own ids (a DOI,
    a URN of the pub-id plugins). An id without a type (OJS 2's own test files) is the
    exporting site's bookkeeping, as OJS 3's ``internal`` one is, and no address's part."""
    out = []
    public = (holder.get("public_id") or "").strip()
    if public:
        out.append(_pkp("id", public, type="public"))
    for element in holder.findall("id"):
        kind = (element.get("type") or "").strip()
        if kind:
            out.append(_pkp("id", element.text, type=kind))
    return out


def _issue(issue: etree._Element) -> etree._Element:
    out = _pkp("issue")
    if issue.get("published") is not None:  # "true"/"false", as the reader names it to the user
        out.set("published", issue.get("published", ""))
    out.extend(_ids(issue))
    ident = _pkp("issue_identification")
    for name in ("volume", "number", "year"):
        found = issue.find(name)
        if found is not None:
            ident.append(_copy(found))
    ident.extend(_copy(title) for title in issue.findall("title"))
    out.append(ident)
    for name in ("date_published", "description"):
        out.extend(_copy(found) for found in issue.findall(name))
    covers = issue.findall("cover")
    if covers:
        out.append(_pkp("covers"))
        out[-1].extend(_copy(cover) for cover in covers)
    sections, articles = _pkp("sections"), _pkp("articles")
    refs: set[str] = set()
    for number, section in enumerate(issue.findall("section"), start=1):
        # its abbreviation, unless another section of the issue has it (or none): its place
        abbrevs = [(a.text or "").strip() for a in section.findall("abbrev")]
        ref = next((a for a in abbrevs if a), "")
        ref = ref if ref and ref not in refs else f"section-{number}"
        refs.add(ref)
        held = _pkp("section", ref=ref)
        held.extend(_copy(e) for e in section if e.tag in ("abbrev", "title"))
        sections.append(held)
        articles.extend(_article(article, ref) for article in section.findall("article"))
    out.extend([sections, articles])
    return out


def _article(article: etree._Element, section_ref: str | None) -> etree._Element:
    """An OJS 2 article as an OJS 3.0 one (no ``publication``: 3.0 wrote the metadata in the
    article). Its ``locale`` is the submission's; ``language`` is its two-letter code; an
    article with neither (OJS 2.2 wrote none) is in the locale of its first title."""
    titles = [(t.get("locale") or "").strip() for t in article.findall("title")]
    locale = (
        article.get("locale") or article.get("language") or next(filter(None, titles), "")
    ).strip()
    out = _pkp("article", status="3")
    if locale:
        out.set("locale", locale)
    if section_ref:
        out.set("section_ref", section_ref)
    date = article.find("date_published")
    if date is not None and (date.text or "").strip():
        out.set("date_published", date.text.strip())
    out.extend(_ids(article))
    authors = _pkp("authors")
    for child in article:
        if not isinstance(child.tag, str) or child.tag in ("id", "date_published", *_ACCESS):
            continue
        if child.tag == "author":
            authors.append(_copy(child))
        elif child.tag == "indexing":
            out.extend(_indexing(child))
        elif child.tag == "sponsor":
            out.extend(_list("agencies", "agency", child, split=False))
        elif child.tag == "permissions":
            out.extend(_copy(e, _PERMISSIONS.get(e.tag)) for e in child if isinstance(e.tag, str))
        elif child.tag in ("galley", "htmlgalley"):
            out.append(_galley(child))
        else:
            out.append(_copy(child))
    out.append(authors)
    return out


def _galley(galley: etree._Element) -> etree._Element:
    """A galley as OJS 3's ``article_galley``: its label as its name, its ids (a DOI). OJS 2
    exports no galley id (the file itself is embedded, or named for the import to fetch), so
    the reader has no address for it and says so."""
    out = _pkp("article_galley")
    if galley.get("locale"):
        out.set("locale", galley.get("locale", ""))
    out.extend(_ids(galley))
    label = galley.find("label")
    if label is not None:
        out.append(_pkp("name", label.text))
    return out


def _indexing(indexing: etree._Element) -> list[etree._Element]:
    out = []
    for child in indexing:
        if not isinstance(child.tag, str):
            continue
        if child.tag in _VOCABULARIES:
            out.extend(_list(*_VOCABULARIES[child.tag], child, split=True))
        else:  # type (the method or approach), coverage: no place in the model, said
            out.append(_copy(child))
    return out


def _list(name: str, item: str, element: etree._Element, *, split: bool) -> list[etree._Element]:
    """One localised text as an OJS 3 list (``keywords``/``keyword`` …): OJS 2's form asked for
    keywords, subjects and disciplines separated by semicolons."""
    text = (element.text or "").strip()
    if not text:
        return []
    out = _pkp(name)
    if element.get("locale"):
        out.set("locale", element.get("locale", ""))
    # a label or stray separator typed before the list (": a; b", "Keywords: a; b" less its
    # word, as some exports have it) is no part of the first term
    terms = re.split(r"\s*;\s*", text) if split else [text]
    terms = [term.strip(" :;,") for term in terms]
    out.extend(_pkp(item, term) for term in terms if term)
    return [out]
