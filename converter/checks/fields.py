"""From a JATS element back to the input field it was written from (``authors[0].orcid``).

The mapping follows what ``converter/templates/jats/`` writes; for JATS the converter did not
write it still gives a sensible field name, or ``None``.
"""

from __future__ import annotations

from lxml import etree

from converter.checks.base import Doc
from converter.xmlns import XML_LANG, local_name, statement_field

_ARTICLE_META_FIELDS = {
    "volume": "volume",
    "issue": "issue",
    "fpage": "fpage",
    "lpage": "lpage",
    "elocation-id": "elocation_id",
    "page-range": "page_range",
    "issue-title": "issue_title",
    "issue-title-group": "issue_title",
    "article-categories": "section",
    "permissions": "license",
    "license": "license",
    "copyright-statement": "copyright.statement",
    "copyright-year": "copyright.year",
    "copyright-holder": "copyright.holder",
    "funding-group": "funding",
    "custom-meta-group": "custom_meta",
}
_PUB_ID_FIELDS = {"doi": "doi", "publisher-id": "ids.publisher_id", "pmid": "ids.pmid"}
_ISSUE_ID_FIELDS = {"doi": "issue_doi", "publisher-id": "issue_ids.publisher_id"}


def _chain(el: etree._Element) -> list[etree._Element]:
    """The element and its ancestors, outermost first."""
    out = []
    node: etree._Element | None = el
    while node is not None:
        out.append(node)
        node = node.getparent()
    return list(reversed(out))


def _find(chain: list[etree._Element], name: str) -> etree._Element | None:
    return next((n for n in chain if local_name(n) == name), None)


def _either(*elements: etree._Element | None) -> etree._Element | None:
    """The first element that exists (lxml elements without children are falsy: no ``or``)."""
    return next((el for el in elements if el is not None), None)


def _lang_suffix(doc: Doc, el: etree._Element) -> str:
    return "." + doc.lang_of(el)


def _statement_field(doc: Doc, chain: list[etree._Element]) -> str | None:
    """``acknowledgements.LANG`` for an element in an ``<ack>``, ``data_availability.LANG`` in
    a data-availability section, ``competing_interests.LANG`` in a competing-interests
    footnote; ``None`` elsewhere."""
    for node in chain:
        tag = local_name(node)
        name = "acknowledgements" if tag == "ack" else None
        if tag in ("fn", "sec", "notes"):
            name = statement_field(node)
        if name:
            return name + _lang_suffix(doc, node)
    return None


def field_for(doc: Doc, el: etree._Element) -> str | None:
    """The input field for ``el``, or ``None`` when it maps to none."""
    chain = _chain(el)
    names = [local_name(n) for n in chain]
    if "journal-meta" in names:
        return _journal_field(doc, el, names)
    statement = _statement_field(doc, chain)
    if statement:
        return statement
    if "ref" in names:
        ref = _find(chain, "ref")
        assert ref is not None
        refs = [r for r in doc.root.iter("ref")]
        return f"references[{refs.index(ref)}]"
    if "article-meta" not in names:
        return None
    contrib = _find(chain, "contrib")
    if contrib is not None:
        base = f"authors[{doc.contributor_index(contrib)}]"
        leaf = names[-1]
        if leaf == "contrib-id":
            return base + ".orcid"
        if "name" in names or "name-alternatives" in names:
            name = _find(chain, "name")
            return base + ".name" + (_lang_suffix(doc, name) if name is not None else "")
        if leaf == "xref":
            return base + ".affiliations"
        if leaf in ("email", "bio", "collab"):
            return f"{base}.{leaf}"
        return base
    aff = _either(_find(chain, "aff-alternatives"), _find(chain, "aff"))
    if aff is not None:
        affs = [a for a in doc.meta if local_name(a) in ("aff", "aff-alternatives")]
        base = f"affiliations[{affs.index(aff)}]" if aff in affs else "affiliations"
        if names[-1] == "institution-id":
            return base + ".ror"
        return base
    leaf = names[-1]
    if leaf == "article-id":
        kind = el.get("pub-id-type", "")
        if kind == "custom" and el.get("custom-type") == "edn":
            return "ids.edn"
        return _PUB_ID_FIELDS.get(kind, "ids.other")
    if leaf == "issue-id":
        return _ISSUE_ID_FIELDS.get(el.get("pub-id-type", ""))
    if "title-group" in names:
        node = _either(_find(chain, "trans-title-group"), el)
        assert node is not None
        key = "subtitle" if leaf in ("subtitle", "trans-subtitle") else "title"
        return key + "." + (node.get(XML_LANG) or doc.lang_of(el))
    if "pub-date" in names:
        date = _find(chain, "pub-date")
        assert date is not None
        if date.get("date-type") == "collection" or date.get("pub-type") == "collection":
            return "published.collection"
        fmt = date.get("publication-format") or date.get("pub-type") or ""
        return "published.print" if fmt in ("print", "ppub") else "published.electronic"
    if "history" in names:
        date = _find(chain, "date")
        kind = date.get("date-type") if date is not None else None
        return {"rev-recd": "history.revised"}.get(
            kind or "", f"history.{kind}" if kind else "history"
        )
    if "abstract" in names or "trans-abstract" in names:
        node = _either(_find(chain, "abstract"), _find(chain, "trans-abstract"))
        return "abstract" + _lang_suffix(doc, node if node is not None else el)
    if "kwd-group" in names:
        node = _find(chain, "kwd-group")
        return "keywords" + _lang_suffix(doc, node if node is not None else el)
    if leaf == "self-uri":
        return "url" if el.get("content-type") == "landing-page" else "self_uri"
    if leaf == "funding-statement":
        return "funding_statement" + _lang_suffix(doc, el)
    if leaf == "article-version":  # written for a preprint (or a published-article link)
        return "preprint"
    related = _find(chain, "related-article")
    if related is not None:
        return f"related_articles[{list(doc.meta.iter('related-article')).index(related)}]"
    for name in reversed(names):
        if name in _ARTICLE_META_FIELDS:
            return _ARTICLE_META_FIELDS[name]
    return None


def _journal_field(doc: Doc, el: etree._Element, names: list[str]) -> str | None:
    leaf = names[-1]
    if leaf == "issn":
        fmt = el.get("publication-format") or el.get("pub-type") or ""
        kind = "print" if fmt in ("print", "ppub") else "electronic"
        return f"journal.issn.{kind}"
    if leaf == "issn-l":
        return "journal.issn.linking"
    if "journal-title-group" in names:
        return "journal.abbrev_title" if leaf == "abbrev-journal-title" else "journal.title"
    if "publisher" in names:
        return "journal.publisher"
    if leaf == "journal-id":
        return "journal.ids"
    if leaf == "self-uri":
        return "journal.url"
    return "journal"
