"""JATS writer: the article model rendered by a Jinja2 template (autoescaped), in DTD order.

Python decides (which languages, which elements, which ids) and prepares every value before
rendering (``prepare``: plain records, text already escaped the way XML is serialized); the
template ``converter/templates/jats/article.xml.j2`` holds the markup and writes the final
layout, two spaces per level, so the rendered text is the file: it is parsed once, to validate
it against the DTD, and written as rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from lxml import etree
from markupsafe import Markup

from converter import identifiers, inline, model
from converter.countries import localized_country_name
from converter.grammars import Grammars
from converter.licenses import LICENCE_USES, licence_statement
from converter.options import JatsVersion, Options, Output, TagSet
from converter.text import split_reference_author
from converter.validation import dtd_problems, safe_parser
from converter.writers.common import (
    environment,
    iso_date_parts,
    markup_of_nodes,
    ordered,
    xml_attr,
    xml_text,
)


@dataclass(frozen=True, slots=True)
class Doctype:
    """The DOCTYPE of one JATS version and tag set."""

    public_id: str
    system_id: str
    version: str


_DATES = {"1.4": "20241031", "1.3": "20210610"}
_TAG_SETS = {
    "publishing": ("Journal Publishing DTD", "publishing", "JATS-journalpublishing{}.dtd"),
    "archiving": (
        "Journal Archiving and Interchange DTD",
        "archiving",
        "JATS-archivearticle{}.dtd",
    ),
}


def doctype(version: JatsVersion = "1.4", tag_set: TagSet = "publishing") -> Doctype:
    """Return the exact public and system ids NISO publishes for a version and tag set."""
    if version not in _DATES:
        raise ValueError(f"unsupported JATS version {version!r} (use '1.4' or '1.3', as text)")
    if tag_set not in _TAG_SETS:
        raise ValueError(f"unsupported tag set {tag_set!r} (use 'publishing' or 'archiving')")
    title, folder, filename = _TAG_SETS[tag_set]
    suffix = version.replace(".", "-")
    return Doctype(
        public_id=f"-//NLM//DTD JATS (Z39.96) {title} v{version} {_DATES[version]}//EN",
        system_id=f"https://jats.nlm.nih.gov/{folder}/{version}/{filename.format(suffix)}",
        version=version,
    )


_REF_LIST_TITLES = {"en": "References", "ru": "Список литературы", "uk": "Список літератури"}
# The headings of the statements in back matter, in the statement's language; an <ack> in
# another language is written without one (an English heading would mislabel it), but a <sec>
# must have a title or a label (the Publishing DTD), so a data availability statement in
# another language is headed in English.
_ACK_TITLES = {"en": "Acknowledgements", "ru": "Благодарности", "uk": "Подяки"}
_DATA_AVAILABILITY_TITLES = {
    "en": "Data availability",
    "ru": "Доступность данных",
    "uk": "Доступність даних",
}


# What the template gets: records with attributes (``Row``), never the model itself. Every text
# is either ``Markup`` already escaped as XML is serialized (``xml_text``/``xml_attr``), which
# autoescaping passes through unchanged, or a plain ``str`` that holds nothing any escaping
# would change (``_t``/``_a``), which autoescaping leaves as it is.
Row = SimpleNamespace
_EMPTY = Markup("")


def _t(value: Any) -> str | None:
    """A text value escaped for element content (None stays None: the template tests it).

    Text with none of ``& < > " '`` and no carriage return stays a plain ``str``: escaping
    changes nothing in it, neither ``xml_text`` nor autoescaping, which still sees it as
    unescaped text. Autoescaping a plain string costs less than passing a ``Markup`` through
    (one Python call instead of three), and most values of an article are such text.
    """
    if value is None:
        return None
    text = str(value)
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text or "\r" in text:
        return xml_text(text)
    return text


def _a(value: Any) -> str | None:
    """A value escaped for an attribute (None stays None); a plain ``str`` when escaping
    changes nothing in it (see ``_t``)."""
    if value is None:
        return None
    text = str(value)
    if (
        "&" in text
        or "<" in text
        or ">" in text
        or '"' in text
        or "'" in text
        or "\n" in text
        or "\t" in text
        or "\r" in text
    ):
        return xml_attr(text)
    return text


def _lang(code: str | None, main: str | None) -> str | None:
    """The ``xml:lang`` of an element in another language than ``main`` (escaped), else None:
    the template writes the attribute only then (a test costs less than escaping an empty
    ``Markup`` for every element in the main language)."""
    if code and code != main:
        return _a(code)
    return None


def nodes_markup(items: inline.Inline) -> Markup:
    """Inline nodes (from ``inline.parse_inline`` or ``inline.link_identifiers``) as markup.

    The element names and attributes come from ``converter.inline`` (a fixed set), not from the
    input; every text and attribute value is escaped, so the input can never inject markup.
    """
    return markup_of_nodes(items, xml_text, xml_attr, close_empty=True)


def _inline(text: str) -> str:
    if "<" not in text:  # no markup: the text itself (``parse_inline`` gives ``[text]``)
        return _t(text) or _EMPTY
    return nodes_markup(inline.parse_inline(text))


def _linked(text: str) -> str:
    if not inline.may_link(text):  # no identifier (``link_identifiers``)
        return _t(text) or _EMPTY
    return nodes_markup(inline.link_identifiers(text))


@lru_cache(maxsize=1024)
def _date(value: str, kind: str | None = None, fmt: str | None = None) -> Row:
    """A date's row, with its ``date-type`` (``kind``) and ``publication-format`` (``fmt``)
    when given.

    Cached: the same few dates recur in every reference of an archive (the day its URLs were
    accessed) and in every article of an issue. The row is shared, like every row of ``prepare``
    it is only ever read."""
    parts = iso_date_parts(value)
    row = Row(
        iso=_a(parts["iso"]),
        year=_t(parts["year"]),
        month=_t(parts["month"]),
        day=_t(parts["day"]),
    )
    if kind is not None:
        row.type = _a(kind)
    if fmt is not None:
        row.format = _a(fmt)
    return row


def _split_author(text: str, group: bool = False) -> Row:
    """A reference author's row: surname and given names, a group (<collab>: one the reference
    lists among its ``groups``, or not a person whose surname is 'collaboration'), or the text
    as one string (``split_reference_author``)."""
    parts = split_reference_author(text, group=group)
    return Row(
        surname=_t(parts.surname),
        given=_t(parts.given),
        string=_t(parts.string),
        collab=_t(parts.collab),
    )


def _pick(values: dict[str, str] | None, lang: str) -> str | None:
    """The value in ``lang``, else the first one given (an institution may have one name)."""
    if not values:
        return None
    return values.get(lang) or next(iter(values.values()))


def _texts(values: dict[str, str] | None, main: str) -> list[Row]:
    """Per-language texts in input order, each with its ``xml:lang`` (unless ``main``)."""
    return [Row(lang=_lang(code, main), text=_t(text)) for code, text in (values or {}).items()]


def prepare(
    article: model.Article,
    version: JatsVersion = "1.4",
    tag_set: TagSet = "publishing",
    pmc: bool = False,
) -> Row:
    """Everything the template writes, decided and escaped here, before rendering.

    ``pmc`` gives the form PubMed Central's Style Checker accepts where plain JATS allows more
    (no journal ``trans-title`` in the article's own language; translated abstracts typed).
    """
    journal = article.journal
    assert isinstance(journal, model.Journal), "article.journal must be resolved"
    main = article.language
    public_id, system_id, version_attr = _doctype_attrs(version, tag_set)
    return Row(
        public_id=public_id,
        system_id=system_id,
        version=version_attr,
        article_type=_a(article.article_type),
        lang=_a(main),
        journal=_journal(journal, main, pmc),
        ids=_article_ids(article),
        # a preprint says so as JATS4R and PMC's Style Checker ask: article-version, type status
        preprint=article.is_preprint(),
        categories=_categories(article, main),
        title=_inline(article.title[main]),
        subtitle=_inline(article.subtitle[main]) if article.subtitle.get(main) else None,
        trans_titles=_trans_titles(article, main),
        contrib_groups=_contributors(article, main),
        affiliations=_affiliations(article, main),
        pub_dates=_pub_dates(article, journal),
        volume=_t(article.volume) if article.volume else None,
        issue=_t(article.issue) if article.issue else None,
        issue_ids=_issue_ids(article),
        issue_title=_issue_title(article, main),
        fpage=_t(article.fpage) if article.fpage else None,
        lpage=_t(article.lpage) if article.fpage and article.lpage else None,
        page_range=_t(article.page_range) if article.fpage and article.page_range else None,
        elocation_id=_t(article.elocation_id)
        if not article.fpage and article.elocation_id
        else None,
        history=_history(article),
        permissions=_permissions(article, main),
        landing_page=_a(article.url) if article.url else None,
        self_uris=[
            Row(type=_a(link.type), url=_a(link.url), title=_t(link.title) if link.title else None)
            for link in article.self_uri
        ],
        related_articles=[_related_article(item) for item in article.related_articles],
        abstracts=_abstracts(article, main, version, pmc),
        keyword_groups=_keywords(article, main),
        funding=_funding(article, main),
        custom_meta=[Row(name=_t(i.name), value=_t(i.value)) for i in article.custom_meta],
        competing_interests=_statements(article.competing_interests, main),
        acknowledgements=_statements(article.acknowledgements, main, _ACK_TITLES),
        data_availability=_statements(
            article.data_availability, main, _DATA_AVAILABILITY_TITLES, required=True
        ),
        ref_list_title=_t(_REF_LIST_TITLES.get(main.split("-")[0], "References")),
        references=_references(article, main),
    )


@lru_cache(maxsize=16)
def _doctype_attrs(version: JatsVersion, tag_set: TagSet) -> tuple[str | None, ...]:
    """The DOCTYPE's public and system ids and the dtd-version, escaped: the same for every
    article of a run (``doctype`` builds them anew each time)."""
    dt = doctype(version, tag_set)
    return _a(dt.public_id), _a(dt.system_id), _a(version)


def _journal(journal: model.Journal, main: str, pmc: bool) -> Row:
    # The Publishing DTD needs a journal-id: without one given, the ISSN stands in. Archiving
    # needs none, and a journal without an ISSN, converted with it, gets no empty journal-id.
    issn = journal.issn.electronic or journal.issn.print
    fallback = [("issn", issn)] if issn else []
    ids = list(journal.ids.items()) if journal.ids else fallback
    titles = ordered(journal.title, journal.language)
    trans = titles[1:]
    if pmc:  # PMC rejects a journal trans-title in the article's own language
        trans = [(code, title) for code, title in trans if code != main]
    publisher = journal.publisher
    return Row(
        ids=[Row(type=_a(kind), value=_t(value)) for kind, value in ids],
        title=Row(lang=_lang(titles[0][0], main), text=_t(titles[0][1])) if titles else None,
        trans_titles=[Row(lang=_a(code), text=_t(title)) for code, title in trans],
        abbrev_title=_t(journal.abbrev_title) if journal.abbrev_title else None,
        issn_print=_t(journal.issn.print_apart) if journal.issn.print_apart else None,
        issn_electronic=_t(journal.issn.electronic) if journal.issn.electronic else None,
        issn_linking=_t(journal.issn.linking) if journal.issn.linking else None,
        publishers=(
            [
                Row(lang=_lang(code, main), name=_t(name))
                for code, name in ordered(publisher.name, journal.language)
            ]
            if publisher
            else None
        ),
        publisher_loc=_t(publisher.location) if publisher and publisher.location else None,
        url=_a(journal.url) if journal.url else None,
    )


def _article_ids(article: model.Article) -> list[Row]:
    ids = article.ids
    rows = []
    if ids.publisher_id:
        rows.append(Row(type=_a("publisher-id"), custom=None, value=_t(ids.publisher_id)))
    if article.doi:
        rows.append(Row(type=_a("doi"), custom=None, value=_t(article.doi)))
    if ids.pmid:
        rows.append(Row(type=_a("pmid"), custom=None, value=_t(ids.pmid)))
    if ids.pmcid:
        rows.append(Row(type=_a("pmcid"), custom=None, value=_t(ids.pmcid)))
    if ids.edn:
        rows.append(Row(type=_a("custom"), custom=_a("edn"), value=_t(ids.edn)))
    for kind, value in ids.other.items():
        rows.append(Row(type=_a("custom"), custom=_a(kind), value=_t(value)))
    return rows


def _categories(article: model.Article, main: str) -> Row | None:
    if not (article.section or article.subjects):
        return None
    return Row(
        headings=[
            Row(lang=_lang(code, main), subject=_t(subject))
            for code, subject in ordered(article.section or {}, main)
        ],
        subjects=[
            Row(lang=_lang(code, main), terms=[_t(term) for term in terms])
            for code, terms in ordered(article.subjects, main)
        ],
    )


def _trans_titles(article: model.Article, main: str) -> list[Row]:
    langs = [lang for lang in article.title if lang != main]
    langs += [lang for lang in article.subtitle if lang != main and lang not in article.title]
    rows = []
    for lang in langs:
        title, subtitle = article.title.get(lang), article.subtitle.get(lang)
        rows.append(
            Row(
                lang=_a(lang),
                title=_inline(title) if title else None,
                subtitle=_inline(subtitle) if subtitle else None,
            )
        )
    return rows


def _issue_ids(article: model.Article) -> list[Row]:
    """The issue's ``issue-id``s, in the order of the article's ids: its publisher's id, then
    its DOI, linked to the issue's landing page (``issue_url``: where the DOI resolves to, the
    resource Crossref registers it with)."""
    rows = []
    if article.issue_ids.publisher_id:
        rows.append(
            Row(type=_a("publisher-id"), value=_t(article.issue_ids.publisher_id), href=None)
        )
    if article.issue_doi:
        href = _a(article.issue_url) if article.issue_url else None
        rows.append(Row(type=_a("doi"), value=_t(article.issue_doi), href=href))
    return rows


def _issue_title(article: model.Article, main: str) -> Row | None:
    """The issue's title in the article's language (else the first given) and its
    translations: one language is an ``issue-title``, several an ``issue-title-group`` whose
    ``trans-title-group``s are never in the article's language (which PMC refuses). Plain
    text: the Publishing DTD's issue-title takes no markup."""
    titles = ordered(article.issue_title, main)
    if not titles:
        return None
    (lang, text), *others = titles
    return Row(
        lang=_lang(lang, main),
        text=_t(text),
        trans=[Row(lang=_a(code), text=_t(title)) for code, title in others],
    )


def _name(name: model.PersonName, lang: str | None) -> Row:
    return Row(
        style=_a(name.style),
        lang=lang,
        surname=_t(name.surname) if name.surname else None,
        given=_t(name.given) if name.given else None,
        prefix=_t(name.prefix) if name.prefix else None,
        suffix=_t(name.suffix) if name.suffix else None,
    )


def contributor_order(article: model.Article) -> list[int]:
    """The index in ``authors`` of each contributor in the order the JATS lists them: one
    ``contrib-group`` per role, the roles in the order they first come, each role's people
    in input order (``[author, editor, author]`` is written authors 0 and 2, then editor 1).
    The profile checks name a contributor's input field by it."""
    groups: dict[str, list[int]] = {}
    for index, person in enumerate(article.authors):
        groups.setdefault(person.role, []).append(index)
    return [index for indexes in groups.values() for index in indexes]


def _contributors(article: model.Article, main: str) -> list[Row]:
    labels = _aff_labels(article)
    groups: dict[str, list[model.Contributor]] = {}
    for index in contributor_order(article):
        person = article.authors[index]
        groups.setdefault(person.role, []).append(person)
    out = []
    for role, people in groups.items():
        rows = []
        for p in people:
            names = ordered(p.name or {}, main)
            collabs = ordered(p.collab or {}, main)
            authenticated = None
            if p.orcid_authenticated is not None:
                authenticated = _a("true" if p.orcid_authenticated else "false")
            rows.append(
                Row(
                    corresp=p.corresponding,
                    orcid=_t(p.orcid) if p.orcid else None,
                    orcid_authenticated=authenticated,
                    # one name: xml:lang unless the main language; several: each tagged
                    names=[
                        _name(n, _lang(code, None if len(names) > 1 else main)) for code, n in names
                    ],
                    collabs=[
                        Row(
                            lang=_lang(code, None if len(collabs) > 1 else main),
                            text=_t(text),
                        )
                        for code, text in collabs
                    ],
                    credit=[
                        Row(
                            term=_a(term),
                            label_attr=_a(model.CREDIT_ROLES[term]),
                            label=_t(model.CREDIT_ROLES[term]),
                        )
                        for term in p.credit
                    ],
                    email=_t(p.email) if p.email else None,
                    xrefs=[
                        Row(rid=_a(aff_id), label=_t(labels.get(aff_id)))
                        for aff_id in p.affiliations
                    ],
                    bios=[
                        Row(lang=_lang(code, main), text=_inline(text))
                        for code, text in (p.bio or {}).items()
                    ],
                )
            )
        out.append(Row(role=_a(role), people=rows))
    return out


def _aff_labels(article: model.Article) -> dict[str, str]:
    """Affiliation labels (1, 2 …), given only when there are two or more."""
    affs = article.affiliations
    if len(affs) < 2:
        return {}
    labels: dict[str, str] = {}
    for index, aff in enumerate(affs, start=1):
        labels.setdefault(aff.id or "", str(index))
    return labels


def _affiliations(article: model.Article, main: str) -> list[Row]:
    labels = _aff_labels(article)
    out = []
    for aff in article.affiliations:
        given = [*(aff.institution or {}), *(aff.department or {}), *(aff.city or {})]
        given += [*(aff.state or {})]
        given += [*(aff.text or {})]
        langs = [lang for lang, _ in ordered(dict.fromkeys(given or [main]), main)]
        several = len(langs) > 1
        forms = []
        for lang in langs:
            country = None
            if aff.country:
                names = aff.country_name or {}
                country = names.get(lang) or localized_country_name(aff.country, lang)
            institution = _pick(aff.institution, lang)
            city = _pick(aff.city, lang)
            state = _pick(aff.state, lang)
            text = _pick(aff.text, lang)  # the line kept whole (JATS aff text)
            forms.append(
                Row(
                    lang=_lang(lang, None if several else main),
                    institution=_t(institution) if institution else None,
                    department=_t(_pick(aff.department, lang)),
                    city=_t(city) if city else None,
                    state=_t(state) if state else None,
                    country=_t(country) if country else None,
                    text=_t(text) if text else None,
                )
            )
        label = labels.get(aff.id or "")
        out.append(
            Row(
                alternatives=several,
                id=_a(aff.id),
                label=_t(label) if label else None,
                ror=_t(aff.ror) if aff.ror else None,
                # one code in every language form, after the state ('Boston, MA 02115')
                postal_code=_t(aff.postal_code) if aff.postal_code else None,
                country_code=_a(aff.country),
                forms=forms,
            )
        )
    return out


def _pub_dates(article: model.Article, journal: model.Journal) -> list[Row]:
    p = article.published
    collection_format = "print" if journal.issn.print_apart else "electronic"
    rows = [
        ("pub", "electronic", p.electronic),
        ("pub", "print", p.print),
        ("collection", collection_format, p.collection),
    ]
    return [_date(value, kind, fmt) for kind, fmt, value in rows if value]


def _history(article: model.Article) -> list[Row]:
    h = article.history
    rows = [("received", h.received)]
    rows += [("rev-recd", value) for value in h.revised]
    rows += [("accepted", h.accepted)]
    return [_date(value, kind) for kind, value in rows if value]


def _permissions(article: model.Article, main: str) -> Row | None:
    copyright = article.copyright
    # the article's licence, then the others (CC0 for data beside CC BY, text-mining terms …);
    # a record may give only the latter (Elsevier's and Wiley's: no licence of the article)
    every = [*([article.license] if article.license else []), *article.other_licenses]
    if not every and copyright is None:
        return None
    licenses = []
    for lic in every:
        if lic.text:
            paragraphs = ordered(lic.text, main)
        else:
            paragraphs = [("en", licence_statement(lic.spdx, lic.url, lic.applies_to))]
        kind = lic.type or ("open-access" if lic.spdx else None)
        use = LICENCE_USES[lic.applies_to][0] if lic.applies_to else None
        # one license per language, as JATS4R recommends (license-p has no xml:lang in 1.3)
        licenses += [
            Row(
                kind=_a(kind) if kind else None,
                url=_a(lic.url) if lic.url else None,
                url_text=_t(lic.url) if lic.url else None,
                start_date=_a(lic.start_date) if lic.start_date else None,
                use=use,
                lang=_lang(code, main),
                text=_inline(text),
            )
            for code, text in paragraphs
        ]
    return Row(
        statements=_texts(copyright.statement, main) if copyright else [],
        year=_t(copyright.year) if copyright and copyright.year else None,
        holders=_texts(copyright.holder, main) if copyright else [],
        licenses=licenses,
    )


def _related_article(item: model.RelatedArticle) -> Row:
    """A related-article: typed, linked by its DOI (``ext-link-type="doi"``, the bare DOI as
    PMC's Style Checker wants it) or else by its PubMed id (``ext-link-type="pubmed"``, as
    JATS4R and PMC tag a correction of a PubMed-indexed article), with the citation facts JATS
    gives attributes for and its text as content; a PubMed id beside a DOI is a ``pub-id`` in
    the content, the link holding one id. Every one has an id: PMC's Style Checker requires it."""
    if item.doi:
        link, href = "doi", item.doi
    elif item.pmid:
        link, href = "pubmed", item.pmid
    else:
        link = href = None
    return Row(
        id=_a(item.id),
        type=_a(item.type),
        link=link,
        href=_a(href) if href else None,
        pmid=_t(item.pmid) if item.pmid and item.doi else None,
        volume=_a(item.volume) if item.volume else None,
        issue=_a(item.issue) if item.issue else None,
        page=_a(item.fpage) if item.fpage else None,
        elocation_id=_a(item.elocation_id) if item.elocation_id else None,
        citation=_inline(item.citation) if item.citation else None,
    )


def _abstracts(article: model.Article, main: str, version: str, pmc: bool) -> list[Row]:
    abstracts = ordered(article.abstract, main)
    tagged = len(abstracts) > 1
    rows = []
    for code, paragraphs in abstracts:
        kind = None
        if pmc and version != "1.3" and code != main:  # PMC wants translations typed
            kind = _a("translation")
        rows.append(
            Row(
                tag="trans-abstract" if (version == "1.3" and code != main) else "abstract",
                type=kind,
                lang=_a(code) if tagged or code != main else None,
                paragraphs=[_inline(para) for para in paragraphs],
            )
        )
    return rows


def _keywords(article: model.Article, main: str) -> list[Row]:
    tagged = len(article.keywords) > 1
    return [
        Row(
            lang=_a(code) if tagged or code != main else None,
            words=[_inline(word) for word in words],
        )
        for code, words in ordered(article.keywords, main)
    ]


def _funding(article: model.Article, main: str) -> Row | None:
    if not (article.funding or article.funding_statement):
        return None
    awards = []
    for f in article.funding:
        funder_id = None
        if f.funder_id:
            funder_id = Row(type=_a(identifiers.funder_id_type(f.funder_id)), value=_t(f.funder_id))
        awards.append(
            Row(
                sources=[
                    Row(lang=_lang(code, main), name=_t(name))
                    for code, name in ordered(f.funder, main)
                ],
                funder_id=funder_id,
                awards=[_t(award) for award in f.awards],
            )
        )
    statements = [
        Row(lang=_lang(code, main), text=_inline(text))
        for code, text in ordered(article.funding_statement or {}, main)
    ]
    return Row(awards=awards, statements=statements)


def _statements(
    statements: dict[str, list[str]],
    main: str,
    titles: dict[str, str] | None = None,
    required: bool = False,
) -> list[Row]:
    """One element per language (``<ack>``, ``<fn>``, ``<sec>``: each takes ``xml:lang``), the
    main language first, with its heading in that language when ``titles`` has one, else
    (``required``: the element must have one) the English heading."""
    rows = []
    for code, paragraphs in ordered(statements, main):
        title = (titles or {}).get(code.split("-")[0])
        if title is None and required and titles:
            title = titles["en"]
        rows.append(
            Row(
                lang=_lang(code, main),
                title=_t(title) if title else None,
                paragraphs=[_inline(para) for para in paragraphs],
            )
        )
    return rows


def _references(article: model.Article, main: str) -> list[Row]:
    out = []
    for ref in article.references:
        texts = ordered(ref.text or {}, main)
        element = None
        if ref.structured:
            element = Row(
                lang=_a(ref.lang) if ref.lang else None,
                authors=[_split_author(a, a in ref.groups) for a in ref.authors],
                etal=ref.etal and bool(ref.authors),
                chapter=ref.type == "chapter",  # chapter-title, else article-title
                title=_inline(ref.title) if ref.title else None,
                source=_inline(ref.source) if ref.source else None,
                # the English title in brackets: of a part (trans-title) or of a book
                title_en=_inline(ref.title_en) if ref.title_en else None,
                edition=_t(ref.edition) if ref.edition else None,
                publisher_loc=_t(ref.publisher_loc) if ref.publisher_loc else None,
                publisher=_t(ref.publisher) if ref.publisher else None,
                year=_t(ref.year) if ref.year else None,
                volume=_t(ref.volume) if ref.volume else None,
                issue=_t(ref.issue) if ref.issue else None,
                fpage=_t(ref.fpage) if ref.fpage else None,
                lpage=_t(ref.lpage) if ref.lpage else None,
                elocation_id=_t(ref.elocation_id) if ref.elocation_id else None,
                doi=_t(ref.doi) if ref.doi else None,
                arxiv=_t(ref.arxiv) if ref.arxiv else None,
                isbn=_t(ref.isbn) if ref.isbn else None,
                issn=_t(ref.issn) if ref.issn else None,
                pmid=_t(ref.pmid) if ref.pmid else None,
                pmcid=_t(ref.pmcid) if ref.pmcid else None,
                url=Row(attr=_a(ref.url), text=_t(ref.url)) if ref.url else None,
                accessed=_date(ref.accessed) if ref.accessed else None,
            )
        alternatives = len(texts) + (1 if element else 0) > 1
        out.append(
            Row(
                id=_a(ref.id),
                label=_t(ref.label) if ref.label else None,
                type=_a(ref.type) if ref.type else None,
                texts=[
                    Row(
                        lang=_a(code) if alternatives or code != main else None,
                        text=_linked(text),
                    )
                    for code, text in texts
                ],
                element=element,
                alternatives=alternatives,
            )
        )
    return out


def render_jats(
    article: model.Article,
    version: JatsVersion = "1.4",
    tag_set: TagSet = "publishing",
    pmc: bool = False,
) -> str:
    """The article as the text of its JATS file: final layout, not yet validated."""
    return _template().render(v=prepare(article, version, tag_set, pmc))


@lru_cache(maxsize=1)
def _template() -> Any:
    return environment().get_template("jats/article.xml.j2")


# Parses what the writer validates, never what it writes: the layout need not be in the tree.
_PARSER = safe_parser(drop_layout=True)


@lru_cache(maxsize=16)
def _dtd(grammars: Grammars, version: JatsVersion, tag_set: TagSet) -> etree.DTD:
    """The DTD for a version and tag set, looked up once (no catalog stat per article)."""
    dt = doctype(version, tag_set)
    return grammars.dtd(dt.public_id, dt.system_id)


def warm_up(options: Options) -> None:
    """Compile the template and load the DTD now (once per process), not on the first article."""
    _template()
    if options.grammars is not None:
        _dtd(options.grammars, options.version, options.tag_set)


def write_jats(article: model.Article, options: Options, name: str = "output.xml") -> Output:
    """Render one article and (when ``options.grammars`` is set) DTD-validate it.

    The rendered text is the file (the template writes its final layout): it is encoded,
    parsed once for the DTD, and returned as it is; problems carry the file's lines.
    """
    text = render_jats(article, options.version, options.tag_set, "pmc" in options.profiles)
    data = text.encode("utf-8")
    if options.grammars is None:
        return Output(data)
    tree = etree.fromstring(data, _PARSER).getroottree()
    dtd = _dtd(options.grammars, options.version, options.tag_set)
    return Output(data, dtd_problems(tree, dtd, name))
