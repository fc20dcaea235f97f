"""The rules. Each is a small function over a ``Doc`` registered with a stable id and severity.

Identifier rules reuse ``converter.identifiers`` so that input validation and checks agree on
what a valid ISSN, ORCID, DOI or ROR id is.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterator

from lxml import etree

from converter import (
    future_dates,
    identifiers,
    misdecoded,
    model,
    publication_status,
    relations,
    scripts,
)
from converter.alphabets import reads_as_russian
from converter.checks.base import Doc, Hit
from converter.checks.registry import rule
from converter.inline import without_addresses
from converter.languages import normalize_language
from converter.licenses import licence_use, spdx_from_url
from converter.messages import shorten
from converter.xmlns import ALI_LICENSE_REFS, XLINK_HREF, XML_LANG, local_name

_ISSN_FORMATS = {
    "print": "print",
    "ppub": "print",
    "electronic": "electronic",
    "epub": "electronic",
}
_ORCID_URL = re.compile(r"^https://orcid\.org/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
_CC_URL = re.compile(r"https?://(?:www\.)?creativecommons\.org/\S+", re.IGNORECASE)


# ------------------------------------------------------------------ identifiers


def _wrong(kind: str, value: str, exc: ValueError) -> str:
    """A finding such as "ORCID iD '…' is wrong: checksum fails". The identifier checks end
    their messages with the value, which the finding has named already."""
    return f"{kind} {value!r} is wrong: {str(exc).removesuffix(f': {value!r}')}"


@rule("issn-check-digit", "error", "ISSNs have the form NNNN-NNNC and a correct check digit")
def issn_check_digit(doc: Doc) -> Iterator[Hit]:
    journal = doc.journal_meta()
    if journal is None:
        return
    for el in [*journal.iter("issn"), *journal.iter("issn-l")]:
        value = doc.text(el)
        try:
            identifiers.normalize_issn(value)
        except ValueError as exc:
            yield Hit(el, _wrong("ISSN", value, exc))


@rule("issn-typing", "error", "each ISSN says whether it is print or electronic, once each")
def issn_typing(doc: Doc) -> Iterator[Hit]:
    journal = doc.journal_meta()
    if journal is None:
        return
    seen: dict[str, str] = {}
    for el in journal.iter("issn"):
        value = doc.text(el)
        given = el.get("publication-format") or el.get("pub-type")
        kind = _ISSN_FORMATS.get(given or "")
        if kind is None:
            shown = f"{given!r}" if given else "nothing"
            yield Hit(
                el,
                f'ISSN {value} is typed as {shown}: say publication-format="print" or "electronic"',
            )
            continue
        if kind in seen:
            yield Hit(el, f"two {kind} ISSNs ({seen[kind]} and {value}): a journal has one each")
        elif value in seen.values():
            yield Hit(el, f"ISSN {value} is given as both print and electronic")
        seen[kind] = value


@rule("orcid-checksum", "error", "ORCID iDs pass the ISO 7064 MOD 11-2 checksum")
def orcid_checksum(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("contrib-id"):
        if el.get("contrib-id-type") != "orcid" and "orcid.org" not in doc.text(el):
            continue
        value = doc.text(el)
        try:
            identifiers.normalize_orcid(value)
        except ValueError as exc:
            yield Hit(el, _wrong("ORCID iD", value, exc))


@rule("orcid-form", "warning", "ORCID iDs are written as https://orcid.org/NNNN-NNNN-NNNN-NNNC")
def orcid_form(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("contrib-id"):
        if el.get("contrib-id-type") != "orcid":
            continue
        value = doc.text(el)
        if _ORCID_URL.match(value):
            continue
        try:
            canonical = identifiers.normalize_orcid(value)
        except ValueError:
            continue  # orcid-checksum reports it
        yield Hit(el, f"write the ORCID iD as {canonical}, not {value!r}")


@rule("ror-form", "error", "ROR ids are written as https://ror.org/0xxxxxxNN")
def ror_form(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("institution-id"):
        if el.get("institution-id-type") != "ror":
            continue
        value = doc.text(el)
        try:
            canonical = identifiers.normalize_ror(value)
        except ValueError as exc:
            yield Hit(el, _wrong("ROR id", value, exc))
            continue
        if canonical != value:
            yield Hit(el, f"write the ROR id as {canonical}, not {value!r}")


def _doi_elements(doc: Doc) -> Iterator[etree._Element]:
    for el in doc.elements():
        name = local_name(el)
        is_id = (
            name in ("article-id", "pub-id", "object-id", "issue-id")
            and el.get("pub-id-type") == "doi"
        )
        if is_id or (name == "ext-link" and el.get("ext-link-type") == "doi"):
            yield el


@rule("doi-syntax", "error", "DOIs are bare 10.NNNN/suffix in ASCII (no look-alike hyphens)")
def doi_syntax(doc: Doc) -> Iterator[Hit]:
    for el in _doi_elements(doc):
        value = (
            doc.text(el) if local_name(el) != "ext-link" else (el.get(XLINK_HREF) or doc.text(el))
        )
        try:
            bare = identifiers.normalize_doi(value)
        except ValueError as exc:
            yield Hit(el, _wrong("DOI", value, exc))
            continue
        if bare != value and local_name(el) != "ext-link":
            yield Hit(el, f"write the bare DOI {bare}, not {value!r}")


# ------------------------------------------------------------------ dates

_Parts = tuple[int, int | None, int | None]


def _date_of(doc: Doc, el: etree._Element) -> tuple[_Parts | None, str | None]:
    """``((year, month, day), None)`` for a JATS date element, or ``(None, why it is wrong)``."""
    year_text = doc.text(el.find("year"))
    month_text = doc.text(el.find("month"))
    day_text = doc.text(el.find("day"))
    iso = el.get("iso-8601-date")
    if not year_text and iso:
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso.strip())
        if not match:
            return None, f"iso-8601-date {iso!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
        year_text, month_text, day_text = (g or "" for g in match.groups())
    if not year_text:
        return None, "the date has no year"
    if not re.fullmatch(r"\d{4}", year_text):
        return None, f"year {year_text!r} is not four digits"
    year = int(year_text)
    month = day = None
    if month_text:
        if not month_text.isdigit() or not 1 <= int(month_text) <= 12:
            return None, f"month {month_text!r} does not exist"
        month = int(month_text)
    if day_text:
        if month is None:
            return None, "the date has a day but no month"
        last = calendar.monthrange(year, month)[1]
        if not day_text.isdigit() or not 1 <= int(day_text) <= last:
            return None, f"{year}-{month:02d} has no day {day_text}"
        day = int(day_text)
    if iso and el.find("year") is not None:
        parts = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
        # a season stands where a month would: the iso-8601-date may name the month it means
        seasonal = el.find("season") is not None and not month_text
        if iso.strip() != parts and not (seasonal and iso.strip().startswith(f"{parts}-")):
            return None, f"iso-8601-date {iso!r} disagrees with the date's parts ({parts})"
    return (year, month, day), None


def _all_dates(doc: Doc) -> Iterator[etree._Element]:
    yield from doc.meta.iter("pub-date")
    history = doc.meta.find("history")
    if history is not None:
        yield from history.iter("date")


@rule("date-real", "error", "dates exist on the calendar and agree with their iso-8601-date")
def date_real(doc: Doc) -> Iterator[Hit]:
    for el in _all_dates(doc):
        _, problem = _date_of(doc, el)
        if problem:
            yield Hit(el, f"impossible date: {problem}")


def _compare(a: _Parts, b: _Parts) -> int:
    """Compare two partial dates at the precision both have (2018-09 vs 2018-09-30 are equal)."""
    for x, y in zip(a, b, strict=True):
        if x is None or y is None:
            return 0
        if x != y:
            return -1 if x < y else 1
    return 0


_show = future_dates.show


def _is_publication(el: etree._Element) -> bool:
    kind = el.get("date-type") or el.get("pub-type") or "pub"
    return kind in ("pub", "epub", "ppub", "epub-ppub", "epreprint")


@rule("date-order", "error", "received ≤ revised ≤ accepted ≤ published")
def date_order(doc: Doc) -> Iterator[Hit]:
    events: dict[str, list[tuple[etree._Element, _Parts]]] = {}
    history = doc.meta.find("history")
    for el in history.iter("date") if history is not None else []:
        parts, _ = _date_of(doc, el)
        if parts:
            events.setdefault(el.get("date-type") or "", []).append((el, parts))
    for el in doc.meta.iter("pub-date"):
        parts, _ = _date_of(doc, el)
        if parts and _is_publication(el):
            events.setdefault("published", []).append((el, parts))
    order = ["received", "rev-recd", "accepted", "published"]
    names = {"rev-recd": "revised", "published": "published"}
    for i, earlier in enumerate(order):
        for later in order[i + 1 :]:
            for _, first in events.get(earlier, []):
                for el, second in events.get(later, []):
                    if _compare(first, second) > 0:
                        yield Hit(
                            el,
                            f"{names.get(later, later)} {_show(second)} is before "
                            f"{names.get(earlier, earlier)} {_show(first)}",
                        )


@rule("date-future", "error", "no date lies in the future")
def date_future(doc: Doc) -> Iterator[Hit]:
    # (the deposit writers warn in the same words: one rule, in future_dates)
    for el in _all_dates(doc):
        parts, _ = _date_of(doc, el)
        why = future_dates.future(parts, doc.today) if parts else None
        if why:
            yield Hit(el, why)


# ------------------------------------------------------------------ licences


def _license_urls(el: etree._Element) -> tuple[str | None, str | None]:
    href = el.get(XLINK_HREF)
    # (either spelling of the ALI namespace: many publishers' files leave off its final slash)
    ref = next((r for r in el if r.tag in ALI_LICENSE_REFS), None)
    ref_text = " ".join("".join(ref.itertext()).split()) if ref is not None else None
    return href, ref_text


@rule("license-recognised", "warning", "the licence URL is a Creative Commons licence")
def license_recognised(doc: Doc) -> Iterator[Hit]:
    for el in doc.meta.iter("license"):
        if licence_use(el):
            continue  # a licence for text mining …: a publisher's terms, no CC licence to expect
        href, ref = _license_urls(el)
        url = ref or href
        if not url:
            yield Hit(el, "the licence gives no URL (xlink:href or ali:license_ref)")
        elif spdx_from_url(url) is None:
            yield Hit(el, f"licence URL {url} is not a Creative Commons licence URL services know")


@rule("license-ref-match", "error", "license/@xlink:href and ali:license_ref are identical")
def license_ref_match(doc: Doc) -> Iterator[Hit]:
    for el in doc.meta.iter("license"):
        href, ref = _license_urls(el)
        if href and ref and href != ref:
            yield Hit(
                el, f"xlink:href {href} and ali:license_ref {ref} differ: make them identical"
            )


# ------------------------------------------------------------------ languages


@rule("lang-valid", "error", "xml:lang values are ISO 639 language codes")
def lang_valid(doc: Doc) -> Iterator[Hit]:
    for el in doc.elements():
        value = el.get(XML_LANG)
        if value is None:
            continue
        try:
            normalize_language(value)
        except ValueError:
            yield Hit(el, f"xml:lang {value!r} is not a language code (use e.g. 'en', 'ru')")


_TRANS = ("trans-title-group", "trans-abstract")


@rule("trans-lang", "error", "trans-* elements have an xml:lang other than the original's")
def trans_lang(doc: Doc) -> Iterator[Hit]:
    for el in doc.elements():
        name = local_name(el)
        if name not in _TRANS:
            continue
        parent = el.getparent()
        if name == "trans-abstract":
            original = doc.meta.find("abstract")
            main = doc.lang_of(original) if original is not None else doc.lang
        else:
            title = next(
                (
                    c
                    for c in parent
                    if local_name(c) in ("article-title", "journal-title", "issue-title")
                ),
                None,
            )
            main = doc.lang_of(title) if title is not None else doc.lang
        lang = el.get(XML_LANG)
        if not lang:
            yield Hit(el, f"<{name}> needs xml:lang naming the language it translates into")
        elif scripts.primary(lang) == scripts.primary(main):
            yield Hit(
                el, f"<{name}> is in {lang}, the language of the original: it translates nothing"
            )


@rule("lang-unique", "error", "abstracts, keyword groups and translated titles: one per language")
def lang_unique(doc: Doc) -> Iterator[Hit]:
    groups = {
        "abstract": [a for a in doc.meta if local_name(a) in ("abstract", "trans-abstract")],
        "kwd-group": list(doc.meta.iter("kwd-group")),
        "trans-title-group": [t for g in doc.meta.iter("title-group") for t in g
                              if local_name(t) == "trans-title-group"],
    }  # fmt: skip
    for name, elements in groups.items():
        seen: set[str] = set()
        for el in elements:
            if name == "abstract" and el.get("abstract-type"):
                continue  # a graphical or plain-language abstract is another kind
            if name == "kwd-group" and el.get("kwd-group-type", "author") != "author":
                continue
            lang = doc.lang_of(el)
            if lang in seen:
                yield Hit(el, f"a second <{local_name(el)}> in {lang}: give one per language")
            seen.add(lang)


_ALTERNATIVES = ("name-alternatives", "aff-alternatives", "collab-alternatives",
                 "citation-alternatives")  # fmt: skip


@rule("alternatives-lang", "error", "the forms inside *-alternatives are in different languages")
def alternatives_lang(doc: Doc) -> Iterator[Hit]:
    for el in doc.elements():
        if local_name(el) not in _ALTERNATIVES:
            continue
        seen: Counter[tuple[str, str]] = Counter()
        for child in el:
            if not isinstance(child.tag, str):
                continue
            key = (local_name(child), doc.lang_of(child))
            seen[key] += 1
            if seen[key] == 2:
                yield Hit(
                    child,
                    f"two <{key[0]}> in {key[1]} inside <{local_name(el)}>: tag each form with its "
                    "own xml:lang",
                )


# ------------------------------------------------------------------ ids and links


@rule("id-unique", "error", "every @id is unique")
def id_unique(doc: Doc) -> Iterator[Hit]:
    seen: set[str] = set()
    for el in doc.elements():
        value = el.get("id")
        if value is None:
            continue
        if value in seen:
            yield Hit(el, f"id {value!r} is used twice")
        seen.add(value)


@rule("xref-resolves", "error", "every xref/@rid names an existing id")
def xref_resolves(doc: Doc) -> Iterator[Hit]:
    ids = {el.get("id") for el in doc.elements() if el.get("id")}
    for el in doc.root.iter("xref"):
        rids = (el.get("rid") or "").split()
        if not rids:
            yield Hit(el, "<xref> has no rid: it points nowhere")
        for rid in rids:
            if rid not in ids:
                yield Hit(el, f"<xref> points to {rid!r}, which no element has as its id")


@rule(
    "text-misdecoded",
    "error",
    "no text decoded wrongly before (mojibake: a wrong encoding; HTML entities left as text)",
)
def text_misdecoded(doc: Doc) -> Iterator[Hit]:
    for el in doc.elements():
        if local_name(el) in _SKIP_SCRIPT:
            continue
        found = misdecoded.misreadings(_direct_text(el))
        if found and not _literal(el):
            shown = "; ".join(str(one) for one in found[:5])
            yield Hit(el, f"mis-decoded text: {shown}")


# Text kept character for character: code, TeX and MathML may write "&amp;" or "Ã" on purpose.
_LITERAL = frozenset({"code", "preformat", "tex-math", "math"})


def _literal(el: etree._Element) -> bool:
    """Whether ``el`` is, or is inside, an element whose text is literal (``_LITERAL``)."""
    return any(local_name(node) in _LITERAL for node in (el, *el.iterancestors()))


# ------------------------------------------------------------------ required elements


def _missing(doc: Doc, xpath: str) -> bool:
    return not doc.root.xpath(xpath)


def _a(what: str) -> str:
    """'an ISSN', 'an article title', 'a DOI': the messages said 'a ISSN', 'a article title'."""
    return f"{'an' if what[:1] in 'AEIOUaeiou' else 'a'} {what}"


_GENERAL_REQUIRED = [
    # NLM 2.3's journal-title stands in journal-meta itself (PMC's older files)
    (
        "front/journal-meta/journal-title-group/journal-title | front/journal-meta/journal-title",
        "journal title",
        "journal.title",
    ),
    ("front/article-meta/title-group/article-title", "article title", "title"),
    ("front/article-meta/pub-date[year or @iso-8601-date]", "publication date", "published"),
]


@rule(
    "general-required",
    "error",
    "journal title, article title and a publication date; an ISSN or journal-id, but of a "
    "preprint (its server is named by its title)",
)
def general_required(doc: Doc) -> Iterator[Hit]:
    for xpath, what, field in _GENERAL_REQUIRED:
        if _missing(doc, xpath):
            yield Hit(None, f"no {what}", field)
    # A preprint server has no ISSN (convert writes one with --tag-set archiving) and is named
    # by its title, as its Crossref deposit names it (institution): asking it for an ISSN or a
    # journal-id refused every preprint convert writes for a server without ids.
    if _missing(doc, "front/journal-meta/issn | front/journal-meta/journal-id") and not (
        doc.is_preprint() and not _missing(doc, _GENERAL_REQUIRED[0][0])
    ):
        yield Hit(None, "no ISSN and no journal-id: the journal cannot be identified", "journal")


@rule("general-recommended", "warning", "an abstract and a licence (JATS4R)")
def general_recommended(doc: Doc) -> Iterator[Hit]:
    if _missing(doc, "front/article-meta/abstract | front/article-meta/trans-abstract"):
        yield Hit(None, "no abstract", "abstract")
    if _missing(doc, "front/article-meta/permissions/license"):
        yield Hit(
            None, "no licence: readers and services cannot tell what reuse is allowed", "license"
        )


@rule("page-range-full", "warning", "an lpage is written in full (27 after 25, not 7)")
def page_range_full(doc: Doc) -> Iterator[Hit]:
    """An abbreviated last page (25 then 7, 1210 then 19, as NLM and many styles print
    ranges) is page 7 to a service that reads lpage: a range that runs backwards. Convert
    writes it in full and says so (``model.full_last_page``); a foreign file is told alike."""
    for fpage in doc.meta.findall("fpage"):
        lpage = next(fpage.itersiblings("lpage"), None)
        first, last = doc.text(fpage), doc.text(lpage)
        full = model.full_last_page(first, last)
        if lpage is not None and full != last:
            yield Hit(
                lpage,
                f"lpage {last} after fpage {first} is abbreviated: services read it as page "
                f"{last}; write it in full, {full}",
                "lpage",
            )


def _has_web_link(doc: Doc, *, landing_page: bool) -> bool:
    """A self-uri with an http(s) address; ``landing_page`` excludes links typed as files."""
    for el in doc.meta:
        if local_name(el) != "self-uri" or not re.match(r"^https?://", el.get(XLINK_HREF) or ""):
            continue
        if not landing_page or el.get("content-type") in (None, "landing-page", "html"):
            return True
    return False


_CROSSREF_REQUIRED = [
    ("front/article-meta/article-id[@pub-id-type='doi']", "DOI", "doi"),
    # NLM 2.3's journal-title stands in journal-meta itself (PMC's older files)
    (
        "front/journal-meta/journal-title-group/journal-title | front/journal-meta/journal-title",
        "journal title",
        "journal.title",
    ),
    ("front/journal-meta/issn", "ISSN", "journal.issn"),
    ("front/article-meta/title-group/article-title", "article title", "title"),
    ("front/article-meta/pub-date[year or @iso-8601-date]", "publication date", "published"),
]


@rule(
    "crossref-required",
    "error",
    "Crossref: DOI, landing page, ISSN, titles, date, surnames",
    source="Crossref deposit schema 5.3.1 and its documentation",
    basis="reading",
)
def crossref_required(doc: Doc) -> Iterator[Hit]:
    # a preprint is deposited as posted content, which names no journal by its ISSN
    preprint = doc.is_preprint()
    for xpath, what, field in _CROSSREF_REQUIRED:
        if preprint and field == "journal.issn":
            continue
        if _missing(doc, xpath):
            yield Hit(None, f"Crossref requires {_a(what)}", field)
    if not _has_web_link(doc, landing_page=True):
        yield Hit(None, "Crossref requires the article's landing page URL (self-uri)", "url")
    for name in doc.meta.iter("name"):
        if name.find("surname") is None and name.getparent().tag != "name-alternatives":
            if name.get("name-style") == "given-only" and name.find("given-names") is not None:
                continue  # a mononym: the deposit gives it as the surname (OJS's export too)
            yield Hit(name, "Crossref requires a surname for every person")


# The related-article type each notice's article type names the article it updates by.
_NOTICE_TARGETS = {notice: related for related, notice in relations.NOTICE_TYPES.items()}


@rule(
    "crossref-notice-link",
    "warning",
    "Crossref: a correction, retraction, expression of concern or addendum names the article it "
    "updates by DOI",
    source="Crossref documentation (Crossmark: registering updates)",
    basis="reading",
)
def crossref_notice_link(doc: Doc) -> Iterator[Hit]:
    kind = " ".join((doc.root.get("article-type") or "").split())
    wanted = _NOTICE_TARGETS.get(kind)
    if wanted is None:
        return
    linked = [
        el
        for el in doc.meta.iter("related-article")
        if el.get("related-article-type") == wanted
        and el.get("ext-link-type") == "doi"
        and el.get(XLINK_HREF)
    ]
    if not linked:
        yield Hit(
            doc.root,
            f"Crossref registers a {kind} as an update of the article it names, by DOI: add "
            f"`related_articles` with type {wanted} and the article's doi",
            "related_articles",
        )


@rule(
    "crossref-issue-doi",
    "warning",
    "Crossref: an issue's DOI (issue-id) goes into the deposit with the issue's landing page "
    "(its xlink:href) and a volume or issue number",
    source="Crossref deposit schema 5.3.1 (journal_issue, doi_data)",
    basis="reading",
)
def crossref_issue_doi(doc: Doc) -> Iterator[Hit]:
    """Crossref registers an issue's DOI in ``journal_issue/doi_data``, whose ``resource`` (the
    issue's page) is required, and writes a ``journal_issue`` only for a volume or issue: an
    issue DOI without either is left out of ``convert --to crossref``'s deposit, which says so
    too."""
    for el in doc.meta.iter("issue-id"):
        if el.get("pub-id-type") != "doi" or not doc.text(el):
            continue
        if _missing(doc, "front/article-meta/volume | front/article-meta/issue"):
            why, field = "the deposit's journal_issue needs a volume or issue number", "volume"
        elif not (el.get(XLINK_HREF) or "").strip():
            why = (
                "Crossref registers it with the issue's landing page, and the issue-id links to "
                "none (xlink:href; issue_url in the input)"
            )
            field = "issue_url"
        else:
            continue
        yield Hit(el, f"the issue's DOI {doc.text(el)!r} is not deposited: {why}", field)
        return


@rule(
    "deposit-unpublished",
    "warning",
    "Crossref, DOAJ: an article marked as not yet published (custom-meta publication-status)",
    source="this project's publication-status mark (custom-meta), set by the OJS reader",
    basis="reading",
)
def deposit_unpublished(doc: Doc) -> Iterator[Hit]:
    """A warning, not an error: editors check an article's deposit before publication day, and
    ``convert --profile crossref`` must still write the JATS of a scheduled article; it is
    ``convert --to crossref`` / ``--to doaj`` that refuse it without --include-unpublished."""
    for item in doc.meta.iter("custom-meta"):
        name, value = item.find("meta-name"), item.find("meta-value")
        if name is None or value is None or doc.text(name) != publication_status.META_NAME:
            continue
        status = doc.text(value)
        if publication_status.says_unpublished(status):
            yield Hit(
                item,
                f"not yet published ({publication_status.META_NAME} {status!r}): a Crossref "
                "or DOAJ deposit says the article is out; `convert --to crossref` and `--to "
                "doaj` refuse it unless --include-unpublished",
                "custom_meta",
            )


_DOAJ_REQUIRED = [
    # NLM 2.3's journal-title stands in journal-meta itself (PMC's older files)
    (
        "front/journal-meta/journal-title-group/journal-title | front/journal-meta/journal-title",
        "journal title",
        "journal.title",
    ),
    ("front/journal-meta/issn", "print or electronic ISSN", "journal.issn"),
    ("front/article-meta/title-group/article-title", "article title", "title"),
    ("front/article-meta/pub-date[year or @iso-8601-date]", "publication date", "published"),
]


@rule(
    "doaj-required",
    "error",
    "DOAJ: journal title, ISSN, title, date and a full-text URL",
    source="DOAJ article XML schema and API documentation",
    basis="reading",
)
def doaj_required(doc: Doc) -> Iterator[Hit]:
    for xpath, what, field in _DOAJ_REQUIRED:
        if _missing(doc, xpath):
            yield Hit(None, f"DOAJ requires {_a(what)}", field)
    if not _has_web_link(doc, landing_page=False):
        yield Hit(None, "DOAJ requires a full-text URL (self-uri with http/https)", "self_uri")


# ------------------------------------------------------------------ Russian indexing (RSCI)

_RSCI_LANGS = ("ru", "en")
RSCI = "RSCI / eLibrary requirements for journals (and NEICON's JATS practice)"


def _langs(doc: Doc, elements: list[etree._Element]) -> set[str]:
    return {scripts.primary(doc.lang_of(el)) for el in elements if doc.text(el)}


@rule(
    "rsci-bilingual",
    "error",
    "RSCI: title, abstract and keywords in Russian and English",
    source=RSCI,
    basis="reading",
)
def rsci_bilingual(doc: Doc) -> Iterator[Hit]:
    # the article's titles: not the issue's (issue-title-group holds trans-titles too)
    titles = [
        t for g in doc.meta.iter("title-group") for t in g.iter("article-title", "trans-title")
    ]
    abstracts = [a for a in doc.meta if local_name(a) in ("abstract", "trans-abstract")]
    keywords = list(doc.meta.iter("kwd-group"))
    for what, elements, field in (
        ("title", titles, "title"),
        ("abstract", abstracts, "abstract"),
        ("keywords", keywords, "keywords"),
    ):
        found = _langs(doc, elements)
        for lang in _RSCI_LANGS:
            if lang not in found:
                yield Hit(None, f"no {what} in {'Russian' if lang == 'ru' else 'English'}",
                          f"{field}.{lang}")  # fmt: skip


# The converter derives Latin forms only for a journal file that names a scheme, and `init`
# leaves it unnamed unless asked: the way to them is said where they are missed.
_DERIVED = (
    ", or name a transliteration scheme in journal.yaml (transliteration: bsi) and convert "
    "again to have it derived"
)


@rule(
    "rsci-names",
    "error",
    "RSCI: every person's name in Cyrillic and in Latin script",
    source=RSCI,
    basis="reading",
)
def rsci_names(doc: Doc) -> Iterator[Hit]:
    for contrib in doc.meta.iter("contrib"):
        names = list(contrib.iter("name"))
        if not names:
            continue
        texts = [doc.text(n) for n in names]
        if not any(scripts.has_cyrillic(t) for t in texts):
            yield Hit(contrib, "the name is given in Latin script only: add the Russian form")
        if not any(not scripts.has_cyrillic(t) for t in texts):
            yield Hit(
                contrib, f"the name is given in Cyrillic only: add the Latin-script form{_DERIVED}"
            )


@rule(
    "rsci-affiliations",
    "warning",
    "RSCI: affiliations in Russian and English",
    source=RSCI,
    basis="reading",
)
def rsci_affiliations(doc: Doc) -> Iterator[Hit]:
    for el in doc.meta:
        if local_name(el) == "aff-alternatives":
            langs = {scripts.primary(doc.lang_of(a)) for a in el}
        elif local_name(el) == "aff":
            langs = {scripts.primary(doc.lang_of(el))}
        else:
            continue
        missing = [lang for lang in _RSCI_LANGS if lang not in langs]
        if missing:
            yield Hit(el, f"the affiliation is not given in {' and '.join(missing)}")


@rule(
    "aff-institution",
    "warning",
    "every affiliation names its institution: a place alone is taken for an institution's name "
    "(Crossref's institution_name, DOAJ's affiliationName), so the deposits leave it out",
    source="Crossref deposit schema 5.3.1 (institution); DOAJ article XML (affiliationName)",
    basis="reading",
)
def aff_institution(doc: Doc) -> Iterator[Hit]:
    """An affiliation without an institution (one that is no department) or a line of text in
    any of its forms: ``convert --to crossref`` (unless a ROR id names it) and ``--to doaj``
    leave it out, saying so; this says it before, in every profile."""
    affiliations = [el for el in doc.meta if local_name(el) in ("aff", "aff-alternatives")]
    for index, el in enumerate(affiliations):  # (counted as the input's, as ``field_for`` does)
        forms = [el] if local_name(el) == "aff" else [f for f in el if local_name(f) == "aff"]
        if any(_names_institution(form) for form in forms):
            continue
        place = shorten(_shown(forms[0]) if forms else "", 60)
        ror = el.find(".//institution-id[@institution-id-type='ror']") is not None
        left_out = (
            "DOAJ's record leaves it out (it has no place for the ROR id)"
            if ror
            else "Crossref's deposit and DOAJ's record leave it out"
        )
        yield Hit(
            el,
            f"the affiliation names no institution, only {place!r}: a place is no institution's "
            f"name, and {left_out}: give institution: (the organisation's name)",
            f"affiliations[{index}]",
        )


def _shown(form: etree._Element) -> str:
    """An affiliation's text as a reader sees it, without its label and ids."""
    parts = [form.text or ""]
    for child in form:
        if local_name(child) not in ("label", "institution-id"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split()).strip(" ,;")


def _names_institution(form: etree._Element) -> bool:
    """Whether an affiliation's form names an institution: an ``institution`` that is no
    department, or a line of text outside its parts (the affiliation given as one line)."""
    from converter.affiliation_kinds import is_department

    for inst in form.iter("institution"):
        if not is_department(inst.get("content-type")) and "".join(inst.itertext()).strip():
            return True
    loose = "".join([form.text or "", *(child.tail or "" for child in form)])
    return bool(loose.strip(" ,;\n\t"))


@rule(
    "rsci-latin-references",
    "error",
    "RSCI: every reference has a Latin-script form",
    source=RSCI,
    basis="reading",
)
def rsci_latin_references(doc: Doc) -> Iterator[Hit]:
    # The reference is named as rsci-translit-scheme names it, "reference N" (the nth ``ref``:
    # the input's nth reference), with its first words: the input field alone,
    # references[0], said nothing to one who converted an OJS export or a JATS file.
    for number, ref in enumerate(doc.root.iter("{*}ref"), 1):
        forms = [c for c in ref.iter("{*}mixed-citation", "{*}element-citation")]
        if forms and all(_cyrillic_text(_words_outside_links(f)) for f in forms):
            words = shorten(" ".join(doc.text(forms[0]).split()), 60, trim=True)
            yield Hit(
                ref,
                f"reference {number} ({words!r}) has no Latin-script form: add its "
                f"transliterated/English version{_DERIVED}",
            )


_SKIP_SCRIPT = frozenset({"email", "uri", "self-uri", "ext-link", "pub-id", "article-id",
                          "contrib-id", "institution-id", "object-id"})  # fmt: skip


def _words_outside_links(el: etree._Element) -> str:
    """The text of ``el`` without its links (ext-link, uri, pub-id, email; an e-mail address
    in its text too): the address of a Latin-script reference, http://президент.рф/…, is
    written as given, and tells no script (it was called a reference with no Latin form)."""
    parts = [el.text or ""]
    for child in el:
        if local_name(child) not in _SKIP_SCRIPT:
            parts.append(_words_outside_links(child))
        parts.append(child.tail or "")
    return without_addresses("".join(parts))


def _cyrillic_text(words: str) -> bool:
    """Whether a text's words are Cyrillic: a Latin-script reference that only quotes Cyrillic
    (``scripts.quotes_cyrillic``: 'Smith J. The «перестройка» years.') is not, as convert
    files it English (it was called a reference with no Latin-script form)."""
    return scripts.has_cyrillic(words) and not scripts.quotes_cyrillic(words)


_CITATION_FORMS = frozenset({"mixed-citation", "element-citation"})


def _in_latin_citation_quoting(el: etree._Element) -> bool:
    """Whether ``el`` is (in) a Latin-script citation that only quotes Cyrillic: judged by the
    whole citation's words, so its source, 'The «перестройка» years', is not judged alone."""
    node: etree._Element | None = el
    while node is not None and local_name(node) not in _CITATION_FORMS:
        node = node.getparent()
    return node is not None and scripts.quotes_cyrillic(_words_outside_links(node))


def _direct_text(el: etree._Element) -> str:
    parts = [el.text or ""] + [child.tail or "" for child in el]
    return "".join(parts)


def _latin_script_texts(doc: Doc) -> Iterator[tuple[etree._Element, str, str]]:
    """(element, language, own text) of every element in a Latin-script language that holds
    text: what ``script-latin-fields`` and ``rsci-translit-scheme`` read."""
    for el in doc.elements():
        if local_name(el) in _SKIP_SCRIPT:
            continue
        text = _direct_text(el)
        if not text.strip():
            continue
        lang = doc.lang_of(el)
        if scripts.is_latin_language(lang):
            yield el, lang, text


@rule("script-latin-fields", "error", "no Cyrillic letters in Latin-script (e.g. English) fields")
def script_latin_fields(doc: Doc) -> Iterator[Hit]:
    for el, lang, text in _latin_script_texts(doc):
        # (an address not linked, an e-mail one, is kept as written in any script: convert
        # writes 'Pis'mo v redaktsiyu: иван@почта.рф', and this called it Cyrillic text)
        words = without_addresses(text)
        # (nor is a word an English reference quotes, 'The «перестройка» years', as convert
        # files such a reference English)
        if scripts.has_cyrillic(words) and not _in_latin_citation_quoting(el):
            letters = "".join(scripts.cyrillic_letters(words))
            shown = shorten(text.strip(), 60)
            yield Hit(el, f"Cyrillic letters ({letters}) in a field in {lang}: {shown!r}")


@rule("script-mixed-words", "error", "no word mixes Cyrillic and Latin letters")
def script_mixed_words(doc: Doc) -> Iterator[Hit]:
    for el in doc.elements():
        if local_name(el) in _SKIP_SCRIPT:
            continue
        words = scripts.mixed_script_words(_direct_text(el))
        if words:
            shown = ", ".join(_with_spelling(w) for w in words[:5])
            yield Hit(el, f"words mixing Cyrillic and Latin letters (look-alikes?): {shown}")


def _with_spelling(word: str) -> str:
    """A mixed-script word, with its spelling in one script when the letters tell it."""
    meant = scripts.unmixed(word)
    return f"{word!r} ({meant!r} in one script)" if meant else repr(word)


# Names (Latin forms of people's names) and the Latin forms of Russian references hold
# transliterations; English prose (titles, abstracts) does not, and an English word that spells
# a Russian one ("state" as статье) would be misread as one. Translated titles are English.
_NAME_PARTS = frozenset({"name", "string-name"})
_CITATIONS = frozenset({"mixed-citation", "element-citation"})
_TRANSLATIONS = frozenset({"trans-title", "trans-source"})


def _is_transliteration(doc: Doc, el: etree._Element) -> bool:
    """True when ``el`` (in a Latin-script language) holds a transliteration of Russian: part of
    a name, or of a reference that has a Cyrillic form or marks itself as transliterated, unless
    the Cyrillic forms beside it are in another language (Ukrainian)."""
    from converter.consistency import russian_transliteration

    node: etree._Element | None = el
    citation: etree._Element | None = None
    while node is not None:
        tag = local_name(node)
        if tag in _TRANSLATIONS:
            return False
        if tag in _NAME_PARTS:
            alternatives = node.getparent()
            if alternatives is None or local_name(alternatives) != "name-alternatives":
                return True
            return reads_as_russian(_forms(doc, alternatives.iterchildren(*_NAME_PARTS)))
        if tag in _CITATIONS and citation is None:
            citation = node
        if tag == "ref":
            break
        node = node.getparent()
    if citation is None or node is None:
        return False
    forms = _forms(doc, node.iter(*_CITATIONS))
    if any(scripts.has_cyrillic(text) for _, text in forms):
        return reads_as_russian(forms)  # (a Ukrainian reference's Latin form is not Russian's)
    # (a Latin form alone: Russian unless its note, or the reference's xml:lang, says Ukrainian)
    return russian_transliteration(doc.text(citation), node.get(XML_LANG))


def _forms(doc: Doc, elements: Iterator[etree._Element]) -> list[tuple[str, str]]:
    """(language, text) of each form of a name or a reference."""
    return [(doc.lang_of(one), doc.text(one)) for one in elements]


def _item_place(el: etree._Element, refs: dict[int, int]) -> str:
    """The reference or person ``el`` is in, in words, as a message names it: "reference 5"
    (the nth ``ref`` of the article: the input's nth reference), a person by role and name
    ("editor Olga Iakovleva"); "" when in neither. A person was "author N", N counting every
    ``contrib`` (editors, translators) as the writer groups them by role: not the input's
    authors[N-1], nor an author at all when an editor."""
    for node in el.iterancestors():
        if id(node) in refs:
            return f"reference {refs[id(node)]}"
        if local_name(node) == "contrib":
            return f"{node.get('contrib-type') or 'author'} {_person(node, el)}".strip()
    return ""


def _person(contrib: etree._Element, el: etree._Element) -> str:
    """The name a person goes by in the file: the form ``el`` is in (its Latin one, where the
    word is), else the first; given names first, as they read in a byline."""
    name = next((n for n in el.iterancestors() if local_name(n) in _NAME_TAGS), None)
    if name is None:
        name = next((n for n in contrib.iter() if local_name(n) in _NAME_TAGS), None)
    if name is None:
        return ""
    if local_name(name) != "name":  # string-name, collab: as written
        return " ".join("".join(name.itertext()).split())
    parts = [name.findtext("{*}given-names"), name.findtext("{*}surname")]
    return " ".join(" ".join(p.split()) for p in parts if p and p.strip())


_NAME_TAGS = frozenset({"name", "string-name", "collab"})


@rule(
    "rsci-translit-scheme",
    "warning",
    "RSCI: transliterations (Latin names, references) follow one scheme, the journal's",
    source=RSCI,
    basis="reading",
)
def rsci_translit_scheme(doc: Doc) -> Iterator[Hit]:
    elements: dict[str, etree._Element] = {}
    texts: list[tuple[str, str]] = []
    places: dict[str, str] = {}
    refs = {id(ref): n for n, ref in enumerate(doc.root.iter("{*}ref"), 1)}
    for el, _, text in _latin_script_texts(doc):
        if _is_transliteration(doc, el):
            path = doc.path(el)
            elements[path] = el
            texts.append((path, text))
            place = _item_place(el, refs)
            if place:
                places[path] = place
    if not texts:
        return
    # Imported here: the consistency check loads a Russian dictionary (pymorphy3), which only
    # this rule, in the rsci profile, needs.
    from converter.consistency import scheme_findings

    for finding in scheme_findings(texts, doc.scheme, places):
        yield Hit(elements[finding.field], finding.message)
