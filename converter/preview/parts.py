"""Parts of a JATS article rendered for the preview: dates, abstract blocks, names,
affiliations and the structured fields of a citation. Each works on any JATS 1.0–1.4 element."""

from __future__ import annotations

from lxml import etree
from markupsafe import Markup, escape

from converter.preview.inline import doi_url, link, plain, render_inline
from converter.preview.model import Block
from converter.xmlns import XLINK_HREF, local_name

_FIELD_LABELS = {
    "article-title": "Title",
    "chapter-title": "Chapter",
    "part-title": "Part",
    "trans-title": "Title (translated)",
    "trans-source": "Source (translated)",
    "source": "Source",
    "year": "Year",
    "volume": "Volume",
    "issue": "Issue",
    "edition": "Edition",
    "elocation-id": "Article number",
    "page-range": "Pages",
    "size": "Size",
    "publisher-name": "Publisher",
    "publisher-loc": "Place",
    "conf-name": "Conference",
    "conf-loc": "Conference place",
    "conf-date": "Conference date",
    "collab": "Group author",
    "comment": "Comment",
    "isbn": "ISBN",
    "issn": "ISSN",
    "patent": "Patent",
    "series": "Series",
    "institution": "Institution",
    "date": "Date",
    "data-title": "Data title",
    "version": "Version",
}


def date_text(el: etree._Element) -> str:
    iso = el.get("iso-8601-date")
    if iso:
        return iso
    parts = {local_name(child): plain(child) for child in el}
    if "string-date" in parts:
        return parts["string-date"]
    year, month, day = parts.get("year", ""), parts.get("month", ""), parts.get("day", "")
    if month.isdigit():
        month = f"{int(month):02d}"
    if day.isdigit():
        day = f"{int(day):02d}"
    if parts.get("season"):
        return f"{parts['season']} {year}".strip()
    return "-".join(p for p in (year, month, day) if p) or "(no date)"


def blocks(el: etree._Element) -> list[Block]:
    """An abstract as headings and paragraphs; sections and lists flattened in order."""
    found: list[Block] = []
    for child in el:
        name = local_name(child)
        if name == "title":
            found.append(Block("h", render_inline(child)))
        elif name == "p":
            found.append(Block("p", render_inline(child)))
        elif name == "sec":
            found.extend(blocks(child))
        elif name in ("list",):
            for item in child.iter("{*}list-item", "list-item"):
                found.append(Block("p", Markup("• ") + Markup(" ").join(
                    render_inline(p) for p in item if local_name(p) == "p"
                )))  # fmt: skip
    if not found and plain(el):  # text straight in the abstract (NLM 2.3 files seen in the wild)
        found.append(Block("p", render_inline(el)))
    return found


def person_name(name: etree._Element) -> str:
    if local_name(name) == "string-name" and not any(local_name(c) == "surname" for c in name):
        return plain(name)
    parts = {local_name(c): plain(c) for c in name}
    surname, given = parts.get("surname", ""), parts.get("given-names", "")
    style = (name.get("name-style") or "western").lower()
    ordered = [surname, given] if style == "eastern" else [given, surname]
    text = " ".join(p for p in [parts.get("prefix", ""), *ordered, parts.get("suffix", "")] if p)
    return text or plain(name)


def aff_html(aff: etree._Element) -> Markup:
    """An affiliation's line as PMC and JATS renderers show it: its text as it stands, no label
    and no ``institution-id`` (an id can hold no punctuation apart from the name in its
    ``institution-wrap``, so it is no part of the line; ``aff_ids`` shows it beside). No comma
    is added between parts: one the file lacks shows here as it would there."""
    parts: list[Markup] = [escape(aff.text or "")]
    for child in aff:
        name = local_name(child)
        if name == "label":
            pass
        elif name == "institution-wrap":
            for inner in child:
                if local_name(inner) == "institution":
                    parts.append(render_inline(inner))
                parts.append(escape(inner.tail or ""))  # a space between its parts, if any
        elif name == "institution-id":
            pass
        else:
            parts.append(
                render_inline(child) if name not in ("addr-line",) else escape(plain(child))
            )
        parts.append(escape(child.tail or ""))
    html = Markup("").join(parts)
    return Markup(" ".join(str(html).split()))


def aff_ids(aff: etree._Element) -> list[Markup]:
    """An affiliation's institution ids (a ROR id a link named ROR), shown after its line."""
    found: list[Markup] = []
    for el in aff.iter("{*}institution-id", "institution-id"):
        value = plain(el)
        kind = (el.get("institution-id-type") or "id").upper()
        found.append(link(value, kind) if value.startswith("http") else escape(value))
    return [item for item in found if item]


def citation_fields(el: etree._Element) -> list[tuple[str, Markup]]:
    """The structured parts of a citation as (label, value) pairs, in the order written."""
    fields: list[tuple[str, Markup]] = []
    first = last = None
    for child in el:
        name = local_name(child)
        if not name:
            continue
        if name == "person-group":
            kind = (child.get("person-group-type") or "author").lower()
            people = []
            for person in child:
                pname = local_name(person)
                if pname in ("name", "string-name"):
                    parts = {local_name(c): plain(c) for c in person}
                    people.append(
                        " ".join(p for p in (parts.get("surname"), parts.get("given-names")) if p)
                        or plain(person)
                    )
                elif pname == "collab":
                    people.append(plain(person))
                elif pname == "etal":
                    people.append("et al.")
            label = {"author": "Authors", "editor": "Editors", "translator": "Translators"}.get(
                kind, kind.capitalize()
            )
            fields.append((label, escape(", ".join(people))))
        elif name in ("name", "string-name"):
            fields.append(("Author", escape(person_name(child))))
        elif name == "fpage":
            first = plain(child)
        elif name == "lpage":
            last = plain(child)
        elif name == "pub-id":
            kind = (child.get("pub-id-type") or "id").lower()
            value = plain(child)
            if kind == "doi":
                fields.append(("DOI", link(doi_url(value), value)))
            else:
                fields.append((kind.upper(), escape(value)))
        elif name in ("ext-link", "uri"):
            url = child.get(XLINK_HREF) or plain(child)
            fields.append(("URL", link(url, plain(child) or url)))
        elif name == "date-in-citation":
            kind = (child.get("content-type") or "").lower()
            label = "Accessed" if "access" in kind else "Date"
            fields.append((label, escape(child.get("iso-8601-date") or plain(child))))
        elif name in _FIELD_LABELS:
            fields.append((_FIELD_LABELS[name], render_inline(child)))
        elif name not in ("label", "x", "comment") and plain(child):
            fields.append((name.replace("-", " ").capitalize(), render_inline(child)))
    if first:
        fields.append(("Pages", escape(f"{first}–{last}" if last and last != first else first)))
    return fields
