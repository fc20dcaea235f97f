"""The ``crossref`` profile's rules on the limits of Crossref's deposit schema, read from JATS.

``convert --to crossref`` refuses an article holding a value past a limit of Crossref's schema
that the deposit cannot do without, and leaves out, with a warning, an optional one
(``converter.writers.crossref_limits``, whose definitions these rules use). These rules read
the same values from the JATS elements the converter writes them to, so that a journal that
checks its JATS learns before the deposit what the deposit would refuse: ``crossref-limits``
(an error for each value the deposit cannot do without) and ``crossref-left-out`` (a warning
for each it would leave out). Each finding names the input field as the Crossref writer does
(``authors[0].name.en.surname``).

The values are read as the deposit takes them: the first form in ``in_deposit_order`` where it
holds one (a group's name, a department, a city), every form where it holds them all (names),
and only the affiliations of named contributors (a group's ``organization`` holds none). A
part of an affiliation given in one language is written by the JATS writer into the form of
each language, so its field is named after the form the deposit takes (English).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from converter import funder_names, identifiers
from converter.affiliation_kinds import is_department
from converter.checks.base import Doc, Hit
from converter.checks.registry import rule
from converter.writers import crossref_limits as limits
from converter.writers.crossref_limits import Limit
from converter.xmlns import XLINK_HREF, local_name

# A value to judge: the element holding it, the value as the deposit would take it, its limit
# and the input field it comes from, named as the Crossref writer names it.
_Value = tuple[etree._Element, str, Limit, str]

_SOURCE = "Crossref deposit schema 5.3.1 (crossref5.3.1.xsd, common5.3.1.xsd)"
_CITATIONS = frozenset({"element-citation", "nlm-citation"})


@rule(
    "crossref-limits",
    "error",
    "Crossref: no value past a limit of Crossref's schema that the deposit cannot do without "
    "(volume, issue, pages, article number, DOI, landing page, journal titles, names, groups, "
    "institutions, years)",
    source=_SOURCE,
    basis="reading",
)
def crossref_limits(doc: Doc) -> Iterator[Hit]:
    for el, value, limit, field in _required_values(doc):
        if why := limit.breach_shown(value):
            yield Hit(el, f"{_named(el)}: {why}: {limits.REFUSED}", field)
    for el in _deposited_dates(doc):
        year = _year(doc, el)
        if year and (why := limits.year_breach(year)):
            yield Hit(el, f"{_named(el)}: {why}: {limits.REFUSED}")


@rule(
    "crossref-left-out",
    "warning",
    "Crossref: what the deposit leaves out past a limit of Crossref's schema (a citation's "
    "volume, issue, first page or DOI; the abbreviated journal title; an affiliation's "
    "department or place; the pages after the first range), and what a preprint's deposit "
    "(posted_content) has no place for (the issue, the pages, a further title or section)",
    source=_SOURCE,
    basis="reading",
)
def crossref_left_out(doc: Doc) -> Iterator[Hit]:
    if doc.is_preprint():
        yield from _not_posted(doc)
    for el, value, limit, field in _optional_values(doc):
        if why := limit.breach(value):
            yield Hit(el, f"{_named(el)}: {why}, {limits.LEFT_OUT}", field)
    page_range = doc.meta.find("page-range")
    rest = limits.pages_after_first(doc.text(page_range)) if page_range is not None else ""
    if rest and not doc.is_preprint() and (why := limits.OTHER_PAGES.breach(rest)):
        yield Hit(
            page_range,
            f"<page-range>: the pages after its first range (Crossref's other_pages) are {why}: "
            f"they are {limits.LEFT_OUT}, which gives the first range alone",
            "page_range",
        )


@rule(
    "crossref-funder-id",
    "warning",
    "Crossref: a funder without a Funder Registry id is named so that Crossref can match it "
    "(not in Cyrillic or other non-Latin letters alone, nor by an acronym alone)",
    source="Crossref's Funder Registry: funding is matched by the funder's id or name",
    basis="reading",
)
def crossref_funder_id(doc: Doc) -> Iterator[Hit]:
    """The funder of each award group as the deposit names it (its English form first, as
    ``convert --to crossref`` takes it), in the words ``convert --to crossref`` says it with."""
    groups = doc.meta.iterfind("funding-group/award-group")
    for index, group in enumerate(groups):
        for named in _funders(doc, group):
            if any(_has_funder_id(el) for el in named.values()):
                continue
            lang, el = limits.in_deposit_order(named, doc.lang)[0]
            institution = el.find(".//institution")
            name = doc.text(institution if institution is not None else el)
            if why := funder_names.why_unmatched(name):
                yield Hit(el, f"{_named(el)}: {why}", f"funding[{index}].funder.{lang}")


def _funders(doc: Doc, group: etree._Element) -> list[dict[str, etree._Element]]:
    """The funders of an award group, each its funding-sources by language, as the JATS reader
    (and so ``convert --to crossref``) takes them: a language named again starts another
    funder (a publisher's group naming 'RSF' and 'Russian Foundation for Basic Research')."""
    funders: list[dict[str, etree._Element]] = []
    for el in group.findall("funding-source"):
        if not doc.text(el):
            continue
        lang = doc.lang_of(el)
        if not funders or lang in funders[-1]:
            funders.append({})
        funders[-1][lang] = el
    return funders


def _has_funder_id(source: etree._Element) -> bool:
    """Whether a funding-source gives its funder's id as the JATS reader takes one: an
    institution-id, a funder-id named-content or its own xlink:href."""
    if (source.get(XLINK_HREF) or "").strip() or source.find(".//institution-id") is not None:
        return True
    return any(
        "fund" in (part.get("content-type") or "").lower()
        for part in source.iterfind(".//named-content")
    )


_POSTED = "a preprint is deposited as Crossref's posted_content"


def _not_posted(doc: Doc) -> Iterator[Hit]:
    """What a preprint's deposit leaves out, as ``convert --to crossref`` says it: the issue
    and the pages (posted_content has none), a title or a section in a further language (it
    takes one title and one group_title)."""
    for tag, field in (
        ("volume", "volume"),
        ("issue", "issue"),
        ("issue-title", "issue_title"),
        ("issue-id", "issue_doi"),
        ("fpage", "fpage"),
        ("page-range", "page_range"),
    ):
        el = doc.meta.find(tag)
        if el is not None and doc.text(el):
            yield Hit(
                el, f"<{tag}>: {_POSTED}, which has no issue nor pages: {limits.LEFT_OUT}", field
            )
    for el in doc.meta.iterfind("title-group/trans-title-group"):
        lang = doc.lang_of(el)
        yield Hit(
            el,
            f"<trans-title-group>: {_POSTED}, which takes one title: {limits.LEFT_OUT}",
            f"title.{lang}",
        )
    # the section deposited as group_title is the heading in the article's language, else the
    # first (as the writer orders them); a heading in any other language is left out
    headings = [
        (doc.lang_of(el), el)
        for el in doc.meta.iterfind("article-categories/subj-group[@subj-group-type='heading']")
        if any(doc.text(subject) for subject in el.iterfind("subject"))
    ]
    deposited = next((el for lang, el in headings if lang == doc.lang), None)
    for lang, el in headings:
        if el is not (deposited if deposited is not None else headings[0][1]):
            yield Hit(
                el,
                f"<subj-group> heading {lang!r}: {_POSTED}, which takes one group_title (the "
                f"section): {limits.LEFT_OUT}",
                f"section.{lang}",
            )


# The attributes that say what an element holds (a department's institution, a DOI's pub-id).
_TYPING = ("content-type", "pub-id-type", "date-type")


def _named(el: etree._Element) -> str:
    """The element as messages name it: its tag with the attributes that type it
    (``<institution content-type="orgdiv1">``)."""
    typed = [f'{name}="{el.get(name)}"' for name in _TYPING if el.get(name)]
    return "<" + " ".join([local_name(el) or "?", *typed]) + ">"


# ------------------------------------------------------------------ what the deposit needs


def _required_values(doc: Doc) -> Iterator[_Value]:
    meta = doc.meta
    # a preprint's deposit (posted_content) has no issue, pages nor journal title
    journal_article = not doc.is_preprint()
    for tag, field, limit in (
        ("volume", "volume", limits.VOLUME),
        ("issue", "issue", limits.ISSUE),
        ("elocation-id", "elocation_id", limits.ITEM_NUMBER),
    ):
        el = meta.find(tag)
        if el is not None and doc.text(el) and (journal_article or tag == "elocation-id"):
            yield el, doc.text(el), limit, field
    if journal_article:
        yield from _pages(doc)
    article_doi = meta.find("article-id[@pub-id-type='doi']")
    if article_doi is not None and (doi := _doi(doc, article_doi)):
        yield article_doi, doi, limits.DOI, "doi"
    if landing := _landing_page(doc):
        yield landing
    if journal_article:
        yield from _issue_doi(doc)
        yield from _journal_titles(doc)
    yield from _contributor_names(doc)
    for _aff, index, forms in _deposited_affiliations(doc):
        if named := _institution_name(doc, forms):
            el, kind, lang, name = named
            yield el, name, limits.INSTITUTION_NAME, f"affiliations[{index}].{kind}.{lang}"
        # (one that names no institution is left out of the deposit: ``aff-institution``)


def _pages(doc: Doc) -> Iterator[_Value]:
    """first_page and last_page as the deposit gives them: of a page range of several ranges,
    the last page is the first range's (``110-115, 120-124``: 115, from ``page_range``)."""
    meta = doc.meta
    fpage = meta.find("fpage")
    if fpage is None or not doc.text(fpage):
        return  # the deposit gives pages only from a first page
    yield fpage, doc.text(fpage), limits.PAGE, "fpage"
    page_range = meta.find("page-range")
    text = doc.text(page_range) if page_range is not None else ""
    if page_range is not None and "," in text:
        # Imported here: the model (pydantic) is needed only for a range of several.
        from converter.model import page_list

        items = page_list(text)
        if items and len(items) > 1:
            if items[0][1]:
                yield page_range, items[0][1], limits.PAGE, "page_range"
            return
    lpage = meta.find("lpage")
    if lpage is not None and doc.text(lpage):
        yield lpage, doc.text(lpage), limits.PAGE, "lpage"


def _doi(doc: Doc, el: etree._Element) -> str | None:
    """A DOI as the converter reads it (``doi:`` and the resolver taken off), or None for one
    that is no DOI at all, which ``doi-syntax`` reports (and the deposit never gets)."""
    try:
        return identifiers.normalize_doi(doc.text(el))
    except ValueError:
        return None


def _landing_page(doc: Doc) -> _Value | None:
    """The deposit's ``resource``: the landing page (a self-uri typed so, or untyped), else
    the first HTML version (``self_uri[N]``, counted among the links that are no landing
    page)."""
    links = [el for el in doc.meta if local_name(el) == "self-uri" and el.get(XLINK_HREF)]
    for el in links:
        if el.get("content-type") in (None, "landing-page"):
            return el, el.get(XLINK_HREF, ""), limits.RESOURCE, "url"
    for index, el in enumerate(links):
        if el.get("content-type") == "html":
            return el, el.get(XLINK_HREF, ""), limits.RESOURCE, f"self_uri[{index}].url"
    return None


def _issue_doi(doc: Doc) -> Iterator[_Value]:
    """The issue's DOI and its landing page, when the deposit gives them: an ``issue-id``
    typed doi linking to the page, beside a volume or issue (``crossref-issue-doi`` says it
    otherwise)."""
    meta = doc.meta
    if meta.find("volume") is None and meta.find("issue") is None:
        return
    for el in meta.iter("issue-id"):
        href = (el.get(XLINK_HREF) or "").strip()
        if el.get("pub-id-type") == "doi" and href and (doi := _doi(doc, el)):
            yield el, doi, limits.DOI, "issue_doi"
            yield el, href, limits.RESOURCE, "issue_url"
            return


def _journal_titles(doc: Doc) -> Iterator[_Value]:
    """The journal's titles (the deposit takes ten ``full_title``s)."""
    group = doc.root.find("front/journal-meta/journal-title-group")
    if group is None:
        return
    titles = [el for el in group.iter("journal-title", "trans-title") if doc.text(el)]
    for el in titles[:10]:
        yield el, doc.text(el), limits.FULL_TITLE, f"journal.title.{doc.lang_of(el)}"


# What some files nest inside a group author's name (PLOS: its members): no part of the name.
_GROUP_MEMBERS = frozenset({"contrib-group", "contrib", "address", "aff"})


def _contributors(doc: Doc) -> Iterator[tuple[int, etree._Element]]:
    """Each contributor with its index (``authors[N]``); a group's members listed inside it
    are none (the converter reads the group alone)."""
    for contrib in doc.contributors():
        yield doc.contributor_index(contrib), contrib


def _groups(contrib: etree._Element) -> list[etree._Element]:
    """A group author's names (``collab``, one per language in ``collab-alternatives``)."""
    return [*contrib.iterfind("collab"), *contrib.iterfind("collab-alternatives/collab")]


def _group_name(collab: etree._Element) -> str:
    """A group author's name: its text without the members nested inside it."""
    parts = [collab.text or ""]
    for child in collab:
        if local_name(child) not in _GROUP_MEMBERS:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _by_language(doc: Doc, elements: list[etree._Element]) -> dict[str, etree._Element]:
    """Elements by the language they are in, in their order (the first of a language kept)."""
    found: dict[str, etree._Element] = {}
    for el in elements:
        found.setdefault(doc.lang_of(el), el)
    return found


def _contributor_names(doc: Doc) -> Iterator[_Value]:
    """Every form of every person's name (the deposit gives them all: one as the name, the
    others as ``alt-name``) and a group's name (the deposit gives one)."""
    for index, contrib in _contributors(doc):
        groups = _by_language(doc, [el for el in _groups(contrib) if _group_name(el)])
        if groups:
            lang, el = limits.in_deposit_order(groups, doc.lang)[0]
            yield el, _group_name(el), limits.ORGANIZATION, f"authors[{index}].collab.{lang}"
            continue
        for name in [*contrib.iterfind("name"), *contrib.iterfind("name-alternatives/name")]:
            base = f"authors[{index}].name.{doc.lang_of(name)}"
            for tag, key, limit in (
                ("surname", "surname", limits.NAME),
                ("given-names", "given", limits.NAME),
                ("suffix", "suffix", limits.SUFFIX),
            ):
                part = name.find(tag)
                if part is not None and doc.text(part):
                    yield part, doc.text(part), limit, f"{base}.{key}"


def _year(doc: Doc, date: etree._Element) -> str | None:
    """A date's year, when written as four digits (``date-real`` reports any other)."""
    year = doc.text(date.find("year")) or (date.get("iso-8601-date") or "")[:4]
    return year if len(year) == 4 and year.isdigit() else None


# The pub-dates the deposit gives: the article's publication, online or in print, and the
# issue's (JATS 1.1+ date-type, or NLM's pub-type); not a retraction's or a correction's date.
_PUBLICATION = frozenset({"pub", "collection", "epub", "ppub", "epub-ppub"})


def _deposited_dates(doc: Doc) -> Iterator[etree._Element]:
    """The dates the deposit gives with a year: the publication dates, and the acceptance date
    when it is a full date (the deposit takes no other)."""
    for date in doc.meta.iter("pub-date"):
        if (date.get("date-type") or date.get("pub-type") or "pub") in _PUBLICATION:
            yield date
    for date in doc.meta.iterfind("history/date[@date-type='accepted']"):
        if date.find("day") is not None or len(date.get("iso-8601-date") or "") == 10:
            yield date


# ------------------------------------------------------------------ affiliations

_Forms = dict[str, etree._Element]  # an affiliation's forms by language


def _deposited_affiliations(doc: Doc) -> Iterator[tuple[etree._Element, int, _Forms]]:
    """Each affiliation of a named contributor (the deposit's ``institution``s), with its index
    as ``field_for`` counts them (``affiliations[N]``) and its forms by language."""
    cited = {
        rid
        for _, contrib in _contributors(doc)
        if not _groups(contrib)
        for xref in contrib.iterfind("xref")
        if xref.get("ref-type") == "aff"
        for rid in (xref.get("rid") or "").split()
    }
    affiliations = [el for el in doc.meta if local_name(el) in ("aff", "aff-alternatives")]
    for index, aff in enumerate(affiliations):
        if aff.get("id") not in cited:
            continue
        forms = [aff] if local_name(aff) == "aff" else [f for f in aff if local_name(f) == "aff"]
        yield aff, index, _by_language(doc, forms)


def _institution_parts(form: etree._Element, department: bool) -> list[etree._Element]:
    """A form's institutions that name the body (``department``: False) or a department."""
    return [
        el
        for el in form.iter("institution")
        if is_department(el.get("content-type")) == department and "".join(el.itertext()).strip()
    ]


def _loose_text(form: etree._Element) -> str:
    """An affiliation form's text outside its parts: the affiliation given as one line."""
    text = "".join([form.text or "", *(child.tail or "" for child in form)])
    return " ".join(text.split()).strip(" ,;")


def _institution_name(doc: Doc, forms: _Forms) -> tuple[etree._Element, str, str, str] | None:
    """The name the deposit gives the institution (its name in any language, else the one line
    of text): the element, 'institution' or 'text', the language and the name."""
    named = {
        lang: parts for lang, form in forms.items() if (parts := _institution_parts(form, False))
    }
    if named:
        lang, parts = limits.in_deposit_order(named, doc.lang)[0]
        return parts[0], "institution", lang, ", ".join(doc.text(el) for el in parts)
    lines = {lang: form for lang, form in forms.items() if _loose_text(form)}
    if lines:
        lang, form = limits.in_deposit_order(lines, doc.lang)[0]
        return form, "text", lang, _loose_text(form)
    return None


def _has_ror(aff: etree._Element) -> bool:
    """Whether the affiliation has a ROR id, which names its institution in the deposit."""
    return aff.find(".//institution-id[@institution-id-type='ror']") is not None


def _place(doc: Doc, forms: _Forms) -> tuple[etree._Element, str] | None:
    """The deposit's ``institution_place``: the city, the state, the postal code and the
    country's English name, as the writer joins them."""
    from converter.languages import country_name, normalize_country

    cities = {lang: el for lang, form in forms.items() if (el := form.find(".//city")) is not None}
    city = limits.in_deposit_order(cities, doc.lang)[0][1] if cities else None
    states = {lang: el for lang, form in forms.items() if (el := form.find(".//state")) is not None}
    state = limits.in_deposit_order(states, doc.lang)[0][1] if states else None
    postal_code = next((el for form in forms.values() for el in form.iter("postal-code")), None)
    country = next((el for form in forms.values() for el in form.iter("country")), None)
    name = None
    if country is not None:
        try:
            name = country_name(normalize_country(country.get("country") or doc.text(country)))
        except ValueError:
            name = None  # a country ISO 3166 does not know: the converter does not read it
    texts = [doc.text(el) if el is not None else None for el in (city, state, postal_code)]
    place = limits.institution_place(*texts, name) or ""
    where = next((el for el in (city, state, postal_code) if el is not None), country)
    return (where, place) if where is not None and place else None


def _optional_values(doc: Doc) -> Iterator[_Value]:
    abbrev = doc.root.find("front/journal-meta/journal-title-group/abbrev-journal-title")
    if abbrev is not None and doc.text(abbrev):
        yield abbrev, doc.text(abbrev), limits.ABBREV_TITLE, "journal.abbrev_title"
    for aff, index, forms in _deposited_affiliations(doc):
        departments = {
            lang: parts for lang, form in forms.items() if (parts := _institution_parts(form, True))
        }
        if departments:
            lang, parts = limits.in_deposit_order(departments, doc.lang)[0]
            department = ", ".join(doc.text(el) for el in parts)
            field = f"affiliations[{index}].department.{lang}"
            yield parts[0], department, limits.INSTITUTION_DEPARTMENT, field
        place = _place(doc, forms)
        # Without a name or an id, the affiliation is left out of the deposit, its place too.
        if place and (_institution_name(doc, forms) or _has_ror(aff)):
            yield place[0], place[1], limits.INSTITUTION_PLACE, f"affiliations[{index}].city"
    yield from _citation_parts(doc)


def _citation_parts(doc: Doc) -> Iterator[_Value]:
    """A citation's volume, issue, first page, edition and DOI, from the reference's structured
    form."""
    for index, ref in enumerate(doc.root.iter("ref")):
        said: set[str] = set()
        for cite in ref.iter(*_CITATIONS):
            for key, limit in limits.CITATION_PARTS.items():
                found = _citation_part(doc, cite, key)
                if found is not None and key not in said:
                    said.add(key)
                    yield found[0], found[1], limit, f"references[{index}].{key}"


def _citation_part(doc: Doc, cite: etree._Element, key: str) -> tuple[etree._Element, str] | None:
    if key == "doi":
        el = cite.find("pub-id[@pub-id-type='doi']")
        value = _doi(doc, el) if el is not None else None
    else:
        el = cite.find(key)
        value = doc.text(el) if el is not None else None
    return (el, value) if el is not None and value else None
