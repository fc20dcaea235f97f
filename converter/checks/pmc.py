"""PubMed Central's rules: the errors PMC's own Style Checker (NLM's XSLT, v5.31) reports, and,
as warnings, what we read in PMC's documentation that the Style Checker does not check.

Each error rule does what the Style Checker's test of the same meaning does (its name is in the
summary), so that a ``pmc`` error means "PMC's tool rejects this". The committed corpus in
``tests/data/pmc-stylechecker/`` holds the Style Checker's recorded verdicts and the tests hold
the profile to them. Missing data is reported with the input field to add.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from importlib import resources

from lxml import etree

from converter.checks.base import Doc, Hit
from converter.checks.registry import rule
from converter.checks.rules import _missing
from converter.licenses import LICENSES, spdx_from_url
from converter.options import PMC_TAKES
from converter.xmlns import ALI, XLINK_HREF, XML_LANG, local_name

MML = "http://www.w3.org/1998/Math/MathML"

STYLE_CHECKER = "PMC Style Checker 5.31"
TAGGING = "PMC Tagging Guidelines"
MINIMUM = "PMC minimum requirements"
_ISSN = re.compile(r"^\d{4}-\d{3}[\dX]$")
# The journal-id-type values its journal-id-check takes: its message names twelve, its list has
# NLM's catalogue id and PubMed's journal id too, as Europe PMC's files give them.
_JOURNAL_ID_TYPES = frozenset(
    ("archive", "aggregator", "coden", "doi", "hwp", "index", "iso-abbrev", "issn",
     "nlm-journal-id", "nlm-ta", "pmc", "pubmed-jr-id", "publisher-id", "sc")
)  # fmt: skip


def _art_lang(doc: Doc) -> str:
    """The article language as the Style Checker reads it: ``article/@xml:lang`` lower-cased,
    ``en`` when absent."""
    return (doc.root.get(XML_LANG) or "en").lower()


# ------------------------------------------------------------------ errors: the Style Checker's


_REQUIRED = [
    ("front/article-meta/fpage | front/article-meta/elocation-id",
     "fpage-elocation check: either <fpage> or <elocation-id> must be present", "fpage"),
    ("front/article-meta/article-categories",
     "required child: <article-meta> must have a child <article-categories>", "section"),
]  # fmt: skip


@rule(
    "pmc-required",
    "error",
    "required: ISSN, fpage or elocation-id, article-categories, typed journal-id",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_required(doc: Doc) -> Iterator[Hit]:
    journal = doc.journal_meta()
    # journal-meta-check asks a journal-meta for an issn or an issn-l, either with text
    if journal is not None and not journal.xpath(
        "issn[normalize-space()] | issn-l[normalize-space()]"
    ):
        yield Hit(None, "journal-meta-check: issn is required (add `journal.issn`)", "journal.issn")
    for xpath, message, field in _REQUIRED:
        if _missing(doc, xpath):
            yield Hit(None, f"{message} (add `{field}`)", field)
    for el in journal.iter("journal-id") if journal is not None else []:
        kind = el.get("journal-id-type")
        if not _normalize_space("".join(el.itertext())):
            yield Hit(el, "journal-meta-check: journal-id element cannot be empty")
        if not kind:
            yield Hit(el, "journal-meta-check: journal-id must have a journal-id-type attribute")
        elif kind not in _JOURNAL_ID_TYPES:
            allowed = ", ".join(sorted(_JOURNAL_ID_TYPES))
            yield Hit(el, f"journal-meta-check: journal-id-type {kind!r} is not one of {allowed}")


@rule(
    "pmc-lpage",
    "error",
    "lpage checking: an fpage in article-meta has its lpage (a one-page article gives lpage "
    "equal to fpage)",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_lpage(doc: Doc) -> Iterator[Hit]:
    for el in doc.meta.findall("fpage"):
        if next(el.itersiblings("lpage"), None) is None:
            message = (
                "lpage checking: fpage found with no lpage after it: PMC requires lpage (for a "
                "one-page article, give lpage equal to fpage)"
            )
            yield Hit(el, message, "lpage")


@rule(
    "pmc-issn-format",
    "error",
    "journal-meta-check: issn matches \\d{4}-\\d{3}(\\d|X)",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_issn_format(doc: Doc) -> Iterator[Hit]:
    journal = doc.journal_meta()
    for el in journal.iter("issn") if journal is not None else []:
        value = " ".join((el.text or "").split())
        if value != "1873-781" and not _ISSN.match(value):
            yield Hit(el, f"journal-meta-check: PMC needs the ISSN as NNNN-NNNC, not {value!r}")


@rule(
    "pmc-issn-pub-type",
    "error",
    "journal-meta-check: issn has @pub-type (ppub/epub)",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_issn_pub_type(doc: Doc) -> Iterator[Hit]:
    journal = doc.journal_meta()
    for el in journal.iter("issn") if journal is not None else []:
        if el.get("pub-type") is None:
            fmt = el.get("publication-format")
            hint = {"print": ' (pub-type="ppub")', "electronic": ' (pub-type="epub")'}
            shown = hint.get(fmt or "", "")
            yield Hit(el, f"journal-meta-check: issn must have a pub-type attribute{shown}")


@rule(
    "pmc-abstract-type",
    "error",
    "abstract type check: every abstract but one has @abstract-type",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_abstract_type(doc: Doc) -> Iterator[Hit]:
    untyped = [
        el for el in doc.meta if local_name(el) == "abstract" and not el.get("abstract-type")
    ]
    for el in untyped[1:]:
        yield Hit(
            el,
            "abstract type check: abstract requires an abstract-type attribute to distinguish it "
            "from the other abstracts (convert with --jats-version 1.3 for trans-abstract, or "
            "with --profile pmc)",
        )


@rule(
    "pmc-trans-lang",
    "error",
    "trans-title / trans-abstract language check: @xml:lang differs from the article's; "
    "trans-abstract and trans-source have one",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_trans_lang(doc: Doc) -> Iterator[Hit]:
    art = _art_lang(doc)
    title_lang = "none"
    for el in doc.elements():
        name = local_name(el)
        if name == "article-title" and el.get(XML_LANG) and title_lang == "none":
            title_lang = el.get(XML_LANG, "").lower()
        if name == "trans-title":
            group = el.getparent()
            lang = group.get(XML_LANG) if local_name(group) == "trans-title-group" else None
            lang = (lang or el.get(XML_LANG) or "").lower()
            in_ref = any(local_name(a) == "ref" for a in el.iterancestors())
            if lang == art and not in_ref and title_lang in (art, "none"):
                yield Hit(
                    el,
                    f"trans-title language check: the <trans-title> is in {lang}, the article's "
                    "language; PMC wants translations into other languages only",
                )
        elif name in ("trans-abstract", "trans-source") and el.get(XML_LANG) is None:
            yield Hit(el, f"{name} language attribute check: {name} must include the xml:lang "
                          "attribute")  # fmt: skip
        elif name == "trans-abstract" and (el.get(XML_LANG) or "").lower() == art:
            yield Hit(
                el,
                f"trans-abstract language check: the <trans-abstract> is in {art}, the "
                "article's language",
            )


@rule(
    "pmc-copyright-year",
    "error",
    "copyright-year check: a year between 1700 and 2100",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_copyright_year(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("copyright-year"):
        value = " ".join("".join(el.itertext()).split())
        try:
            year = float(value)
        except ValueError:
            year = None
        if year is None or year != year or not 1700 <= year <= 2100:
            yield Hit(el, f"copyright-year check: {value!r} is not a valid year")


def _dates(doc: Doc, **attrs: str) -> list[etree._Element]:
    return [d for d in doc.meta.findall("pub-date")
            if all(d.get(k.replace("_", "-")) == v for k, v in attrs.items())]  # fmt: skip


def _has_day_month(dates: list[etree._Element]) -> bool:
    return any(d.find("day") is not None for d in dates) and any(
        d.find("month") is not None for d in dates
    )


@rule(
    "pmc-collection-epub",
    "error",
    "pub-date check: a collection date needs an e-pub date with day and month",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_collection_epub(doc: Doc) -> Iterator[Hit]:
    collections = _dates(doc, pub_type="collection") or _dates(
        doc, date_type="collection", publication_format="electronic"
    )
    if not collections:
        return
    epub = _dates(doc, pub_type="epub")
    electronic = _dates(doc, date_type="pub", publication_format="electronic")
    if epub and _has_day_month(epub):
        return
    if not epub and not electronic:
        yield Hit(
            collections[0],
            "pub-date check: an article with a collection date must also have an e-pub date "
            "(add `published.electronic`)",
            "published.electronic",
        )
    elif not _has_day_month(epub) and not _has_day_month(electronic):
        yield Hit(
            collections[0],
            "pub-date check: the e-pub date a collection date needs must have day and month "
            "(give `published.electronic` as a full date)",
            "published.electronic",
        )


_DATE_TYPES = frozenset(("collection", "corrected", "preprint", "pub", "retracted", "update"))
_PUBLICATION_FORMATS = frozenset(("electronic", "print", "electronic-print", "collection"))
# pub-date-check: a date of one of these pub-types alone is no publication date
_NOT_PUBLICATION = ("nihms-submitted", "pmc-release")


@rule(
    "pmc-pub-date-values",
    "error",
    "pub-date check / pub-date/@date-type check: article-meta has a real publication date "
    "(a pub-type, or a date-type and a publication-format); date-type and publication-format "
    "from the Style Checker's lists",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_pub_date_values(doc: Doc) -> Iterator[Hit]:
    dates = doc.meta.findall("pub-date")
    typed = [d for d in dates if d.get("pub-type") is not None]
    real = (typed and any(d.get("pub-type") not in _NOT_PUBLICATION for d in typed)) or any(
        d.get("date-type") is not None and d.get("publication-format") is not None for d in dates
    )
    collection = _dates(doc, pub_type="collection") or _dates(
        doc, date_type="collection", publication_format="electronic"
    )
    if dates and not real and not collection:
        yield Hit(
            dates[0],
            "pub-date check: article-meta must contain a real publication date: a pub-date "
            'with a pub-type, or with a date-type ("pub") and a publication-format '
            '("electronic" or "print")',
        )
    for el in doc.root.iter("pub-date"):
        date_type, fmt = el.get("date-type"), el.get("publication-format")
        if el.get("pub-type") is not None or date_type is None or fmt is None:
            continue
        if date_type and date_type not in _DATE_TYPES:
            yield Hit(el, "pub-date/@date-type check: @date-type on [pub-date] must be an "
                          f"accepted value: {', '.join(sorted(_DATE_TYPES))}; not "
                          f"{date_type!r}")  # fmt: skip
        if fmt and fmt not in _PUBLICATION_FORMATS:
            yield Hit(el, "pub-date/@date-type check: @publication-format on [pub-date] must be "
                          "an accepted value: print, electronic, electronic-print; not "
                          f"{fmt!r}")  # fmt: skip


def _kind(el: etree._Element) -> str | None:
    """print / collection for a pub-date, as the Style Checker's conflict test reads them."""
    if el.get("pub-type"):
        return {"ppub": "print", "collection": "collection"}.get(el.get("pub-type", ""))
    if el.get("date-type") == "pub":
        return {"print": "print", "collection": "collection"}.get(el.get("publication-format", ""))
    return None


@rule(
    "pmc-print-collection",
    "error",
    "pub-date check: not both a print date and a collection date",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_print_collection(doc: Doc) -> Iterator[Hit]:
    dates = doc.meta.findall("pub-date")
    for i, el in enumerate(dates):
        kind = _kind(el)
        if kind is None:
            continue
        other = "collection" if kind == "print" else "print"
        if any(_kind(later) == other for later in dates[i + 1 :]):
            yield Hit(el, "pub-date check: articles must not contain both print and collection "
                          "dates")  # fmt: skip


@rule(
    "pmc-pub-date-attrs",
    "error",
    "pub-date check: not @pub-type with @publication-format",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_pub_date_attrs(doc: Doc) -> Iterator[Hit]:
    for el in doc.meta.iter("pub-date"):
        if el.get("pub-type") is not None and el.get("publication-format") is not None:
            yield Hit(el, "pub-date check: [pub-date] must have either [@pub-type] or [@date-type "
                          "+ @publication-format]; do not use @pub-type with "
                          "@publication-format")  # fmt: skip


@rule(
    "pmc-contrib-id-type",
    "error",
    "contrib-id check: contrib-id has @contrib-id-type",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_contrib_id_type(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("contrib-id"):
        if not el.get("contrib-id-type"):
            yield Hit(el, "contrib-id check: <contrib-id> needs @contrib-id-type (e.g. orcid)")


@rule(
    "pmc-one-name",
    "error",
    "contrib content check: one name per contrib; more go in name-alternatives",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_one_name(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("contrib"):
        names = [c for c in el if local_name(c) == "name"]
        if len(names) > 1:
            yield Hit(names[1], "contrib content check: a second <name> in one <contrib>: wrap "
                                "them in <name-alternatives>")  # fmt: skip


def _alternative_sets(el: etree._Element) -> Iterator[list[etree._Element]]:
    """The children the Style Checker's alternatives language test counts, per kind."""
    name = local_name(el)
    if name == "name-alternatives":
        names = [c for c in el if local_name(c) == "name"]
        if any(c.get(XML_LANG) for c in names):
            yield [c for c in names if c.get("content-type") != "index"]
    elif name in ("aff-alternatives", "collab-alternatives"):
        kind = name.split("-")[0]
        forms = [c for c in el if local_name(c) == kind]
        if any(c.get(XML_LANG) for c in forms):
            yield forms
    elif name == "citation-alternatives":
        for kind in ("element-citation", "mixed-citation"):
            forms = [c for c in el if local_name(c) == kind]
            if len(forms) > 1 and any(c.get(XML_LANG) for c in forms):
                yield forms


@rule(
    "pmc-alternatives-main",
    "error",
    "alternatives check: exactly one form inside *-alternatives is in the article's language",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_alternatives_main(doc: Doc) -> Iterator[Hit]:
    art = _art_lang(doc)
    for el in doc.elements():
        for forms in _alternative_sets(el):
            main = [c for c in forms if c.get(XML_LANG) in (None, art)]
            if len(main) != 1:
                yield Hit(
                    el,
                    f"{local_name(el)} check: exactly one <{local_name(forms[0])}> must have the "
                    f"article's xml:lang ({art}); {len(main)} have",
                )


@rule(
    "pmc-subject-heading",
    "error",
    "subject-group check / subj-group check: article-categories has a heading subj-group (or a "
    "part one, or one untyped); a heading subj-group holds one subject, no compound-subject",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_subject_heading(doc: Doc) -> Iterator[Hit]:
    article_stream = doc.stream() == "article"
    for el in doc.root.iter("article-categories"):
        kinds = [g.get("subj-group-type") for g in el if local_name(g) == "subj-group"]
        if article_stream and not {"heading", "part", None} & set(kinds):
            yield Hit(
                el,
                "subject-group check: <article-categories> must contain a <subj-group> with "
                "subj-group-type attribute 'heading' (the article's section: add `section`)",
                "section",
            )
    for el in doc.root.iter("subj-group"):
        if el.get("subj-group-type") != "heading":
            continue
        if len(el.findall("subject")) > 1:
            yield Hit(el, 'subj-group check: subj-group with subj-group-type attribute set to '
                          '"heading" can only contain a single subject element')  # fmt: skip
        if el.find("compound-subject") is not None:
            yield Hit(el, 'subj-group check: subj-group with subj-group-type="heading" must not '
                          "contain compound-subject")  # fmt: skip
        pictured = [s for s in el.findall("subject") if s.find("inline-graphic") is not None]
        if pictured and not _normalize_space("".join(pictured[0].itertext())):
            yield Hit(el, 'subj-group check: subj-group with subj-group-type="heading" must not '
                          "contain inline-graphics")  # fmt: skip


# The article-type values the Style Checker knows (its article-type-content-check).
_ARTICLE_TYPES = frozenset(
    ("abstract", "addendum", "admin", "advert", "announcement", "article-commentary",
     "book-review", "books-received", "brief-report", "calendar", "case-report", "collection",
     "correction", "cover", "data-paper", "discussion", "editorial", "expression-of-concern",
     "filler", "in-brief", "index", "introduction", "letter", "meeting-report",
     "methods-article", "news", "obituary", "oration", "product-review", "protocol",
     "rapid-communication", "reply", "report", "research-article", "retraction",
     "review-article", "systematic-review", "toc", "tutorial", "chapter-article", "other")
)  # fmt: skip
# The value to give instead, for the article types of our model the Style Checker does not know.
_ARTICLE_TYPE_HINTS = {
    "review": "review-article",
    "partial-retraction": "retraction",
    "interview": "other",
    "dissertation": "other",
}
# The article types the Style Checker rejects without a link to the article they are about
# (its article-type-to-related-article-check): the related-article-type (or related-object
# link-type) each needs.
_NEEDS_RELATED = {
    "correction": ("corrected-article",),
    "retraction": ("retracted-article", "retracted-republished-article"),
    "expression-of-concern": ("object-of-concern",),
}
_NOTICES = frozenset(_NEEDS_RELATED)


def _link_types(root: etree._Element) -> list[str]:
    """The related-article-type of every related-article and the link-type of every
    related-object in the document, sub-articles' too (missing ones as empty)."""
    return [
        (el.get("related-article-type") if local_name(el) == "related-article"
         else el.get("link-type")) or ""
        for el in root.iter("related-article", "related-object")
    ]  # fmt: skip


@rule(
    "pmc-article-type",
    "error",
    "article-type attribute (value) check: a known article-type; a correction, retraction or "
    "expression of concern links the article it is about",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_article_type(doc: Doc) -> Iterator[Hit]:
    root = doc.root
    value = " ".join((root.get("article-type") or "").split())
    if root.get("article-type") is None:
        yield Hit(root, "article-type attribute check: article-type attribute is required "
                        "(add `article_type`)", "article_type")  # fmt: skip
    elif not value:
        yield Hit(root, "article-type attribute check: article-type attribute must have a value "
                        "(add `article_type`)", "article_type")  # fmt: skip
    elif value not in _ARTICLE_TYPES:
        hint = _ARTICLE_TYPE_HINTS.get(value, "other")
        yield Hit(
            root,
            f"article-type attribute value check: Unknown article-type value {value!r}: not "
            f"one of the Style Checker's article types (give `article_type: {hint}`)",
            "article_type",
        )
    if value in _NEEDS_RELATED:
        kinds = _NEEDS_RELATED[value]
        if not set(kinds) & set(_link_types(root)):
            yield Hit(
                root,
                f"{value} related article check: a {value} must have a <related-article "
                f'related-article-type="{kinds[0]}"> (or related-object link-type) naming the '
                f"article it is about: add `related_articles` with type {kinds[0]} and the "
                "article's doi",
                "related_articles",
            )
    art_lang = root.get(XML_LANG)
    for el in root.iter("sub-article", "response"):
        kind = el.get("response-type" if local_name(el) == "response" else "article-type")
        kind = " ".join((kind or "").split())
        if kind not in _NOTICES:
            continue
        # a translation of a notice (its own language) is one
        lang = el.get(XML_LANG)
        if (
            local_name(el) == "sub-article"
            and kind == root.get("article-type")
            and (art_lang is not None and lang is not None and lang != art_lang)
        ):
            continue
        yield Hit(el, f"article-type attribute value check: {local_name(el)} should not have an "
                      f"article-type value of {kind!r}")  # fmt: skip


@rule(
    "pmc-abstract-content",
    "error",
    "abstract content check: an abstract in sections has more than one, or paragraphs before",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_abstract_content(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("abstract"):
        sections = el.findall("sec")
        if len(sections) == 1 and next(sections[0].itersiblings("p", preceding=True), None) is None:
            yield Hit(el, "abstract content check: Only use sec if abstract must be divided into "
                          "multiple sections; otherwise, simply tag with p elements")  # fmt: skip


@rule(
    "pmc-correction-content",
    "error",
    "correction content check: a correction's text is in the body, not an abstract",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_correction_content(doc: Doc) -> Iterator[Hit]:
    root = doc.root
    front = root.find("front")
    abstract = next(front.iter("abstract"), None) if front is not None else None
    if (
        root.get("article-type") == "correction"
        and root.find("body") is None
        and abstract is not None
    ):
        yield Hit(
            abstract,
            "correction content check: Correction content must be in article body, not "
            "abstract (the converter writes no body: leave `abstract` out and add the "
            "notice's text to the JATS body)",
            "abstract",
        )


# related-article-type values the Style Checker takes (its related-article-check), its "secret"
# ones after them.
_RELATED_TYPES = (
    "addendum addended-article alt-language article-reference article-response commentary "
    "commentary-article companion concurrent-pub continued-by continues corrected-article "
    "correction-forward data-paper data-paper-referrer editor-report letter letter-reply "
    "object-of-concern preprint published-article reprint reprinted-article repub-note "
    "repub-note-target republication republished-article retracted-article retraction-forward "
    "retraction-republication retracted-republished-article reviewed-article update-in "
    "update-of updated-article update "
)
_SECRET_RELATED_TYPES = "peer-review peer-reviewed-article "
_RELATED_LINK_TYPES = (
    "aoi doi ec email ftp gen genpept highwire pdb pgr pir pirdb pmc pmcid pmid pubmed sprot uri "
)
# The article types a related-article-type says the article is (related-article-to-article-
# type-attribute), and the word its message uses.
_RELATED_ARTICLE_TYPES = {
    "addended-article": (("addendum",), "addends"),
    "commentary-article": (
        ("editorial", "letter", "discussion", "expression-of-concern", "article-commentary"),
        "comments on",
    ),
    "corrected-article": (("correction",), "corrects"),
    "retracted-article": (("retraction",), "retracts"),
    "retracted-republished-article": (("retraction",), "retracts"),
}
# Types for which a link to the article itself is right (related-article-self-test).
_SELF_TYPES = frozenset(
    ("peer-reviewed-article", "reviewed-article", "editor-report", "referee-report")
)


def _in_list(words: str, token: str) -> bool:
    """The Style Checker's is-in-list, case-sensitive: ``token`` between spaces in ``words``
    (which ends with a space, so an empty or missing value is in it)."""
    padded = ("" if token[:1] == " " else " ") + token + ("" if token[-1:] == " " else " ")
    return padded in f" {words} "


def _related_self(doc: Doc, el: etree._Element) -> tuple[str, bool] | None:
    """What makes a related-article point to its own article (related-article-self-test): its
    DOI, or its volume and page, those of the article; None when it does not, or may (a
    review's link to the article it reviews, by DOI). The flag says the Style Checker only
    warns: in a letter or reply, or for a link to the article in another language."""
    meta = doc.meta
    kind = el.get("related-article-type")
    warned = doc.root.get("article-type") in ("letter", "reply") or kind == "alt-language"
    if el.get("ext-link-type") == "doi":
        own = {"".join(x.itertext()) for x in meta.findall("article-id[@pub-id-type='doi']")}
        if el.get(XLINK_HREF) in own and kind not in _SELF_TYPES:
            return "DOI is the same as the article DOI", warned
    elif el.get("page") is not None and el.get("vol") is not None and el.get("journal-id") is None:
        elocation, fpage = meta.find("elocation-id"), meta.find("fpage")
        page = "".join(elocation.itertext()) if elocation is not None else ""
        if elocation is None and fpage is not None:
            page = "".join(fpage.itertext()) + (fpage.get("seq") or "")
        volumes = {"".join(x.itertext()) for x in meta.findall("volume")}
        if el.get("page") == page and el.get("vol") in volumes:
            return "volume and page point to the containing article", warned
    return None


@rule(
    "pmc-related-article",
    "error",
    "related-article check: an id, a known related-article-type and ext-link-type, a DOI link "
    "typed doi, not the article itself, a type that fits the article-type",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_related_article(doc: Doc) -> Iterator[Hit]:
    art_type = " ".join((doc.root.get("article-type") or "").split())
    for el in doc.root.iter("related-article", "related-object"):
        if local_name(el) == "related-article":
            for message in _related_article_problems(doc, el, art_type):
                yield Hit(el, f"related-article check: {message}")
        # the type tests run on a related-object too when it names an article
        elif el.get("document-type") == "article":
            for message in _type_fit_problems(el, el.get("link-type"), art_type):
                yield Hit(el, f"related-object check: {message}")


def _is_preprint(el: etree._Element) -> bool:
    """What related-article-to-article-type-attribute asks of an article linking the article it
    became: an article-version of type status, 'preprint', in the article-meta of the link."""
    meta = next((a for a in el.iterancestors() if local_name(a) == "article-meta"), None)
    return meta is not None and any(
        v.get("article-version-type") == "status" and "".join(v.itertext()) == "preprint"
        for v in meta.iter("article-version")
    )


def _type_fit_problems(el: etree._Element, kind: str | None, art_type: str) -> Iterator[str]:
    """related-article-to-article-type-attribute: the article type a link's type says the
    article is (a related-article's related-article-type, a related-object's link-type)."""
    if kind == "published-article":
        if not _is_preprint(el):
            yield (
                f"a {local_name(el)} of type 'published-article' says this article is a "
                "preprint, and PMC wants a preprint to say so: <article-version "
                'article-version-type="status">preprint</article-version> in article-meta '
                "(the converter writes it beside such a link)"
            )
        return
    wanted, verb = _RELATED_ARTICLE_TYPES.get(kind or "", ((), ""))
    if art_type and wanted and art_type not in wanted:
        yield (
            f"a {local_name(el)} of type {kind!r} says this article {verb} it, but its "
            f"article-type is {art_type!r}, not {' or '.join(repr(w) for w in wanted)}"
        )


def _related_article_problems(doc: Doc, el: etree._Element, art_type: str) -> Iterator[str]:
    """What the Style Checker's related-article tests find wrong with one related-article."""
    kind = el.get("related-article-type")
    link = el.get("ext-link-type")
    href = el.get(XLINK_HREF)
    if link == "pmc":
        if not (el.get("id") and kind and el.get("vol")) or not (
            el.get("page") or el.get("elocation-id")
        ):
            yield "a link to PMC (ext-link-type='pmc') needs id, vol and page or elocation-id"
    elif kind is None:
        yield "related-article element is missing related-article-type attribute"
    elif el.get("id") is None:
        yield "related-article element is missing an id attribute"
    if kind is not None and not _in_list(_RELATED_TYPES + _SECRET_RELATED_TYPES, kind):
        hint = " (for a partial retraction: retracted-article)" if "retract" in kind else ""
        yield f"related-article-type {kind!r} is not one of the Style Checker's{hint}"
    if not _in_list(_RELATED_LINK_TYPES, link or ""):
        yield f"ext-link-type {link!r} is not one of {_RELATED_LINK_TYPES.strip()}"
    if href is not None and link is None:
        yield "related-article element must have @ext-link-type to classify @xlink:href"
    # (an ext-link-type that is missing compares with nothing in the Style Checker's XPath)
    is_doi = (href or "").startswith("10.") and _style_checker_doi_ok(href or "")
    if is_doi and link is not None and link not in ("doi", "DOI"):
        yield f"xlink:href is a DOI but the ext-link-type is {link!r}"
    self_link = _related_self(doc, el)
    if self_link is not None and not self_link[1]:
        yield f"<related-article> {self_link[0]}"
    yield from _type_fit_problems(el, kind, art_type)


# link-type values its related-object-check takes for a related-object naming an article
_OBJECT_LINK_TYPES = (
    "addendum addended-article alt-language article-reference article-response commentary "
    "commentary-article companion concurrent-pub continued-by continues corrected-article "
    "correction-forward letter letter-reply object-of-concern repub-note repub-note-target "
    "republication republished-article retracted-article retraction-forward "
    "retraction-republication retracted-republished-article update-in update-of updated-article "
    "update peer-review peer-reviewed-article "
)


@rule(
    "pmc-related-object",
    "error",
    "related-object check: an id, a target id with its id-type; naming an article, a "
    "document-id typed doi, pmcid or pmid and a known link-type",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_related_object(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("related-object"):
        for message in _related_object_problems(el):
            yield Hit(el, f"related-object check: {message}")


def _related_object_problems(el: etree._Element) -> Iterator[str]:
    if el.get("id") is None:
        yield "<related-object> requires an @id"
    targets = ("source", "document", "object")
    if any(el.get(f"{t}-id") is not None and el.get(f"{t}-id-type") is None for t in targets):
        yield (
            "every target id attribute (@source-id, @document-id, @object-id) requires its "
            "id-type attribute (@source-id-type, @document-id-type, @object-id-type)"
        )
    if all(el.get(f"{t}-id") is None for t in targets):
        yield (
            "<related-object> must describe a link to something: a work, a document in a "
            "work, or an object in a document in a work (give @source-id, @document-id or "
            "@object-id)"
        )
    if el.get("document-type") != "article":
        return
    kind = el.get("document-id-type")
    if kind not in ("doi", "pmcid", "pmid"):
        yield (
            '<related-object> with document-type="article" must have document-id-type of '
            f"doi, pmcid or pmid, not {kind!r}"
        )
    if el.get("document-id") is None:
        yield '<related-object> with document-type="article" must have a document-id'
    if not _in_list(_OBJECT_LINK_TYPES, el.get("link-type") or ""):
        yield (
            f"link-type {el.get('link-type')!r} is not one of the Style Checker's for a "
            "related-object naming an article"
        )


# The article types the Style Checker warns about when none of their links names the article
# they answer (article-type-to-related-article-check): the related-article-type (or
# related-object link-type) it looks for, what the article is, and what it links.
_EXPECTS_RELATED = {
    "reply": ("letter", "letter reply related article check: a reply", "the letter it answers"),
    "article-commentary": (
        "commentary-article",
        "article commentary related article check: a commentary",
        "the article it discusses",
    ),
}
_SCANNED = "//processing-instruction('properties')[contains(., 'scanned_data')]"


@rule(
    "pmc-related-expected",
    "warning",
    "letter reply / article commentary / in-brief article related article check: a reply "
    "links the letter, a commentary the article it discusses, an in-brief's links include an "
    "article-reference",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_related_expected(doc: Doc) -> Iterator[Hit]:
    root = doc.root
    art_type = root.get("article-type")
    kinds = _link_types(root)
    if art_type == "in-brief":
        if kinds and "article-reference" not in kinds:
            yield Hit(
                root,
                "in-brief article related article check: an in-brief's related-article should "
                "be of type article-reference, not " + ", ".join(repr(k) for k in kinds),
                "related_articles",
            )
    elif art_type in _EXPECTS_RELATED:
        wanted, what, target = _EXPECTS_RELATED[art_type]
        if wanted not in kinds and not doc.tree.xpath(_SCANNED):
            yield Hit(
                root,
                f'{what} should have a <related-article related-article-type="{wanted}"> '
                f"naming {target}: add `related_articles` with type {wanted} and its doi",
                "related_articles",
            )


@rule(
    "pmc-related-self",
    "warning",
    "related-article letter reply check: a letter's or reply's related-article (or an "
    "alt-language one) points to the article itself by DOI or by volume and page",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_related_self(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("related-article"):
        self_link = _related_self(doc, el)
        if self_link is not None and self_link[1]:
            yield Hit(el, f"related-article letter reply check: <related-article> {self_link[0]}")


def _standard_license_url(href: str) -> str:
    """The Style Checker's standardize-license-url: no scheme, no www., no final slash,
    'licences' spelt 'licenses', CC0's 'share-your-work' page as CC0."""
    url = " ".join(href.split())
    if url.startswith(("http://www.", "https://www.", "www.")):
        url = url.split("www.", 1)[1]
    elif url.startswith(("http://", "https://")):
        url = url.split("://", 1)[1]
    if url.endswith("/"):
        url = url[:-1]
    if "/licences/" in url:
        before, after = url.split("/licences/", 1)
        return f"{before}/licenses/{after}"
    if url == "creativecommons.org/share-your-work/public-domain/cc0":
        return "creativecommons.org/publicdomain/zero/1.0"
    return url


@functools.cache
def _canonical_cc_urls() -> str:
    """The Style Checker's list of canonical CC licence URLs, as it searches it: each preceded
    by a space, and a space at the end."""
    text = (resources.files("converter") / "data" / "pmc-cc-licenses.txt").read_text("utf-8")
    urls = [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]
    return "".join(f" {url}" for url in urls) + " "


def _license_urls_checked(doc: Doc) -> Iterator[tuple[etree._Element, str]]:
    """Where the Style Checker's license cc url check looks: license/@xlink:href,
    ali:license_ref, and the @xlink:href of an ext-link inside a licence."""
    for el in doc.elements():
        name = local_name(el)
        if name == "license":
            yield el, el.get(XLINK_HREF, "")
        elif el.tag == f"{{{ALI}}}license_ref":
            yield el, "".join(el.itertext())
        elif name == "ext-link" and any(local_name(a) == "license" for a in el.iterancestors()):
            yield el, el.get(XLINK_HREF, "")


@rule(
    "pmc-license-cc-url",
    "error",
    "license cc url check: a Creative Commons URL is one of CC's canonical licence URLs "
    "(no legalcode, no deed.xx)",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_license_cc_url(doc: Doc) -> Iterator[Hit]:
    for el, href in _license_urls_checked(doc):
        url = " ".join(href.split())
        if "creative" not in url or "commons" not in url or "us.sagepub.com" in url:
            continue
        if f" {_standard_license_url(url)} " not in _canonical_cc_urls():
            canonical = spdx_from_url(url)
            hint = f": write {LICENSES[canonical][0]}" if canonical else ""
            yield Hit(
                el,
                "license cc url check: the Creative Commons license URL does not point to a "
                f"standard machine-readable Creative Commons license ({url}); give the licence "
                f"without extra terms such as legalcode or deed.en after the version{hint}",
                "license",
            )


_ORCID_PREFIXES = ("orcid.org", "http://orcid.org", "https://orcid.org", "ORCID.org",
                   "http://ORCID.org", "https://ORCID.org")  # fmt: skip


@rule(
    "pmc-orcid-form",
    "error",
    "ORCID (contrib-id) check: an ORCID iD starts with https://orcid.org/ (or http://, or "
    "orcid.org)",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_orcid_form(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("contrib-id", "uri"):
        kind = "contrib-id-type" if local_name(el) == "contrib-id" else "content-type"
        if el.get(kind) != "orcid":
            continue
        value = "".join(el.itertext())
        if not value.startswith(_ORCID_PREFIXES):
            yield Hit(el, f"ORCID check: ORCID values must start with 'https://orcid.org/' or "
                          f"'http://orcid.org/', not {value.strip()!r}")  # fmt: skip


def _style_checker_doi_ok(value: str) -> bool:
    """The Style Checker's doi-format-test."""
    doi = " ".join(value.split())
    return bool(
        doi
        and " " not in doi
        and doi.startswith("10.")
        and doi[3:4] != "/"
        and "/" in doi[3:]
        and doi.split("/", 1)[1]
        and not doi.startswith("10..")
    )


@rule(
    "pmc-doi-format",
    "error",
    "doi format check: a DOI (article-id, pub-id, object-id, issue-id, DOI ext-link or "
    "related-article) is bare 10.prefix/suffix with no space",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_doi_format(doc: Doc) -> Iterator[Hit]:
    for el in doc.elements():
        name = local_name(el)
        if name in ("article-id", "pub-id", "object-id", "issue-id"):
            if el.get("pub-id-type") != "doi":
                continue
            value = "".join(el.itertext())
        elif name in ("ext-link", "related-article") and el.get("ext-link-type") == "doi":
            value = el.get(XLINK_HREF, "")
        else:
            continue
        if not _style_checker_doi_ok(value):
            yield Hit(el, f"doi format check: Malformed doi value: {value!r} (PMC takes the bare "
                          "DOI, 10.prefix/suffix, with no https://doi.org/ or doi:)")  # fmt: skip


def _normalize_space(text: str) -> str:
    """XPath's normalize-space: runs of space, tab, CR and LF made one space, ends trimmed."""
    return " ".join(re.split(r"[ \t\r\n]+", text)).strip(" ")


# The elements the Style Checker's empty element check (strict) runs on, each wherever it is;
# ``x`` is checked loosely (any text will do) and ``supplement`` not in article-meta/front-stub.
_NOT_EMPTY = frozenset(
    re.findall(
        r"\S+",
        "abbrev abstract ack address app app-group article-categories article-meta award-desc "
        "award-group award-id award-name back bio body book book-app book-app-group book-back "
        "book-body book-id book-part book-part-id book-part-wrapper book-title book-volume-id "
        "book-volume-number boxed-text caption chapter-title colgroup collab collection-id "
        "collection-meta compound-kwd-part conference contrib contrib-group contrib-id counts "
        "date date-in-citation dedication def-item def-list disp-quote element-citation "
        "elocation-id fig fig-group foreword fpage front-matter front-matter-part funding-group "
        "funding-source funding-statement gloss-group glossary index issue issue-part "
        "issue-sponsor journal-meta license-p lpage mixed-citation monospace month name "
        "named-book-part-body named-content note notes object-id open-access overline p "
        "page-range patent person-group phone preface prefix preformat principal-award-recipient "
        "principal-investigator private-char product pub-date pub-id publisher publisher-loc "
        "publisher-name question ref ref-list response sub-article roman sc season sec series "
        "series-text series-title source speaker speech statement std strike string-date "
        "string-name sub subj-group subject subtitle suffix sup supplement surname table "
        "table-wrap table-wrap-foot table-wrap-group tbody term term-head tex-math textual-form "
        "tfoot thead time-stamp title-group toc-entry tr trans-abstract trans-source "
        "trans-subtitle trans-title underline verse-group verse-line volume volume-id "
        "volume-in-collection volume-number volume-series year",
    )
)


def _own_text(el: etree._Element) -> list[str]:
    """The text nodes that are the element's children (not its descendants')."""
    return [el.text or ""] + [c.tail or "" for c in el]


@rule(
    "pmc-empty-element",
    "error",
    "empty element check: surname, volume, funding-group, article-categories, contrib, p … are "
    "not empty",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_empty_element(doc: Doc) -> Iterator[Hit]:
    for el in doc.elements():
        if el.tag == "x":
            if not any(_own_text(el)) and not any(isinstance(c.tag, str) for c in el):
                yield Hit(el, "empty element check: x should not be empty")
            continue
        parent = el.getparent()
        # a title is checked too, but not a section's or an appendix's
        titled = el.tag == "title" and parent is not None and parent.tag not in ("sec", "app")
        if not isinstance(el.tag, str) or (el.tag not in _NOT_EMPTY and not titled):
            continue
        if (
            el.tag == "supplement"
            and parent is not None
            and parent.tag
            in (
                "article-meta",
                "front-stub",
            )
        ):
            continue
        if any(isinstance(c.tag, str) for c in el):
            continue
        if not any(_normalize_space(t) for t in _own_text(el)):
            yield Hit(el, f"empty element check: {el.tag} should not be empty")


@rule(
    "pmc-contrib-content",
    "error",
    "contrib content check / name check: a contrib has a name, collab or anonymous; a name "
    "without surname says name-style='given-only'",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_contrib_content(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("contrib"):
        kids = {c.tag for c in el if isinstance(c.tag, str)}
        named = {"collab", "collab-alternatives", "name", "name-alternatives", "anonymous"}
        if not kids & named:
            yield Hit(el, "contrib content check: <contrib> must have one of the following: "
                          "[collab, collab-alternatives, name, name-alternatives, anonymous] "
                          "(give the person's name)")  # fmt: skip
        elif {"name", "collab"} <= kids:
            yield Hit(el, "contrib content check: <contrib> cannot contain a <collab> and a "
                          "<name>")  # fmt: skip
        elif {"name", "name-alternatives"} <= kids:
            yield Hit(el, "contrib content check: <contrib> cannot contain a <name> and "
                          "<name-alternatives>")  # fmt: skip
        if {"collab", "contrib-id"} <= kids:
            yield Hit(el, "contrib content check: contrib with collab must not include "
                          "contrib-id")  # fmt: skip
    for el in doc.root.iter("name"):
        if el.find("surname") is None and el.get("name-style") != "given-only":
            yield Hit(el, 'name check: when name only contains given-names, it must specify '
                          '@name-style="given-only" (give the surname)')  # fmt: skip


_PUB_DATE_KINDS = (
    ("print", "ppub", ("pub", "print")),
    ("electronic", "epub", ("pub", "electronic")),
    ("collection", "collection", ("collection", "electronic")),
)


def _pub_date_kind(el: etree._Element) -> str | None:
    """print / electronic / collection as the Style Checker's dup-pub-date-check reads them."""
    for kind, pub_type, (date_type, fmt) in _PUB_DATE_KINDS:
        if el.get("pub-type") == pub_type or (
            el.get("publication-format") == fmt and el.get("date-type") == date_type
        ):
            return kind
    return None


def _matches(el: etree._Element, kind: str) -> bool:
    pub_type, (date_type, fmt) = next((p, d) for k, p, d in _PUB_DATE_KINDS if k == kind)
    return el.get("pub-type") == pub_type or (
        el.get("date-type") == date_type and el.get("publication-format") == fmt
    )


@rule(
    "pmc-one-date-each",
    "error",
    "pub-date checking / duplicate pub-id-type check: one print, one electronic and one "
    "collection date; one article-id of each pub-id-type",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_one_date_each(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("pub-date"):
        kind = _pub_date_kind(el)
        before = [s for s in el.itersiblings(preceding=True) if s.tag == "pub-date"]
        if kind and any(_matches(s, kind) for s in before):
            what = "collection date" if kind == "collection" else f"{kind} publication date"
            yield Hit(el, f"pub-date checking: article-meta should only contain one {what}")
    for el in doc.root.iter("article-id"):
        kind = el.get("pub-id-type")
        if kind is None or kind in ("other", "publisher-id", "publisher-manuscript", "custom"):
            continue
        before = [s for s in el.itersiblings(preceding=True) if s.tag == "article-id"]
        if any(s.get("pub-id-type") == kind for s in before):
            yield Hit(el, "duplicate pub-id-type check: metadata should contain only one "
                          f'<article-id> with @pub-id-type="{kind}"')  # fmt: skip


_HREF_CHECKED = frozenset(
    re.findall(
        r"\S+",
        "abbrev bio chem-struct citation collab collab-alternatives element-citation email "
        "ext-link funding-source funding-statement graphic inline-graphic "
        "inline-supplementary-material institution license media mixed-citation named-content "
        "product related-article self-uri supplementary-material uri",
    )
)
_CITATIONS = ("product", "citation", "element-citation", "mixed-citation", "nlm-citation")


@rule(
    "pmc-attribute-values",
    "error",
    "xlink:href checking, issn pub-type check, mathml id check: no empty or space-padded "
    "xlink:href, issn pub-type ppub or epub, mml:math with an id",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_attribute_values(doc: Doc) -> Iterator[Hit]:
    for el in doc.elements():
        name = el.tag
        href = el.get(XLINK_HREF)
        if name in _HREF_CHECKED and href is not None:
            if not _normalize_space(href):
                yield Hit(el, f"xlink:href checking: xlink:href attribute cannot be empty "
                              f"(<{name}>)")  # fmt: skip
            elif _normalize_space(href) != href:
                yield Hit(el, f"xlink:href checking: xlink:href should not contain leading or "
                              f"trailing spaces: {href!r}")  # fmt: skip
        if (
            name == "issn"
            and el.get("pub-type") not in (None, "ppub", "epub")
            and not any(a.tag in _CITATIONS for a in el.iterancestors())
        ):
            yield Hit(el, "pub-type attribute check: @pub-type may only be set to ppub or "
                              f"epub on element issn, not {el.get('pub-type')!r}")  # fmt: skip
        if el.tag == f"{{{MML}}}math" and el.get("id") is None:
            yield Hit(el, "mathml id check: mml:math elements must have an id attribute")


# The pub-id-type values of its pub-id-check and (outside NIHMS manuscripts and Rapid
# Research Notes) pub-id-type-check: its pub-id-type-values parameter, spaces at both ends
# as there, so that is-in-list finds a missing or spaced value in it.
_PUB_ID_TYPES = (
    " accession aggregator archive art-access-id arxiv coden custom doaj doi index isbn "
    "manuscript medline other pii pmc pmc-scan pmcid pmid publisher-id publisher-manuscript "
    "sici std-designation "
)
_ARTICLE_ID_TYPES = {
    "manuscript": "manuscript other publisher-id doi",
    "rrn": "knolid other publisher-id doi art-access-id pmid",
}


@rule(
    "pmc-pub-id-type",
    "error",
    "pub-id-type attribute check / article-id check / pub-id check: an article-id has a "
    "pub-id-type, and an article-id's or pub-id's pub-id-type is from the Style Checker's list",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_pub_id_type(doc: Doc) -> Iterator[Hit]:
    article_types = _ARTICLE_ID_TYPES.get(doc.stream(), _PUB_ID_TYPES)
    for el in doc.root.iter("article-id", "pub-id"):
        kind = el.get("pub-id-type")
        if el.tag == "article-id":
            if kind is None:
                yield Hit(el, "pub-id-type attribute check: pub-id-type attribute is required")
            elif not _normalize_space(kind):
                yield Hit(el, "pub-id-type attribute check: pub-id-type attribute must have a "
                              "value")  # fmt: skip
            if kind == "" or not _in_list(article_types, kind or ""):
                yield Hit(el, "article-id check: article-id must contain a recognized "
                              f"pub-id-type attribute value (not {kind or ''!r})")  # fmt: skip
        # a pub-id without the attribute passes its pub-id-check: "" is in its list
        elif kind == "" or not _in_list(_PUB_ID_TYPES, kind or ""):
            yield Hit(el, f"pub-id check: pub-id-type is {kind!r}, but must be one of "
                          f"[{_PUB_ID_TYPES.strip()}]")  # fmt: skip


@rule(
    "pmc-pmid-format",
    "error",
    "PMID format check: a pub-id typed pmid is digits only, not beginning with a zero",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_pmid_format(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("pub-id"):
        if el.get("pub-id-type") != "pmid":
            continue
        pmid = _normalize_space("".join(el.itertext()))
        if pmid.startswith("0"):
            yield Hit(el, f"PMID format check: PMID must not begin with a zero: {pmid!r}")
        if pmid and not re.fullmatch("[0-9]+", pmid):
            yield Hit(el, f"PMID format check: PMID must contain only numbers: {pmid!r}")


_SEASONS = frozenset(
    ("SPRING", "SUMMER", "AUTUMN", "FALL", "WINTER", "FIRST QUARTER", "1ST QUARTER",
     "SECOND QUARTER", "2ND QUARTER", "THIRD QUARTER", "3RD QUARTER", "FOURTH QUARTER",
     "4TH QUARTER")
)  # fmt: skip
# The sequences its test-month-range finds a range in, first before second.
_RANGES = (
    "JAN-FEB-MAR-APR-MAY-JUN-JUL-AUG-SEP-OCT-NOV-DEC-",
    "JANUARY-FEBRUARY-MARCH-APRIL-MAY-JUNE-JULY-AUGUST-SEPTEMBER-OCTOBER-NOVEMBER-DECEMBER-",
    "JAN-FEB-MARCH-APRIL-MAY-JUNE-JULY-AUG-SEP-SEPT-OCT-NOV-DEC-",
    "SPRING-SUMMER-FALL-WINTER-SPRING-",
    "SPRING-SUMMER-AUTUMN-WINTER-SPRING-",
)
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _in_range_order(value: str, names: str) -> bool:
    """test-month-range: ``value`` is two names joined by one hyphen (an en dash, a Unicode
    hyphen or a slash, the first of them, stands for it), the second later in ``names``."""
    for dash in ("\u2013", "\u2010", "/"):
        if dash in value:
            value = value.replace(dash, "-", 1)
            break
    first, hyphen, second = value.partition("-")
    if not hyphen or "-" in second or not first or not second:
        return False
    wanted = [_normalize_space(first), _normalize_space(second)]
    rest = names
    while rest:
        if rest.startswith(wanted[0] + "-"):
            if len(wanted) == 1 or not wanted[1]:
                return True
            wanted.pop(0)
        rest = rest.partition("-")[2]
    return False


def _xpath_number_true(text: str) -> bool:
    """XPath's boolean(number(text)): a number, and not zero."""
    match = re.fullmatch(r"\s*(-?(?:\d+(?:\.\d*)?|\.\d+))\s*", text)
    return bool(match) and float(match.group(1)) != 0


def _full_iso_date(el: etree._Element) -> bool:
    """is-season's has-ok-iso-8601-date: the season's pub-date has an iso-8601-date of ten
    characters, year, month and day numbers."""
    parent = el.getparent()
    date = parent.get("iso-8601-date", "") if parent is not None else ""
    if parent is None or parent.tag != "pub-date" or len(date) != 10:
        return False
    year, _, rest = date.partition("-")
    month, _, day = rest.partition("-")
    if "-" not in rest:
        month = ""
    parts = ((year, 4), (month, 2), (day, 2))
    return all(len(part) == size and _xpath_number_true(part) for part, size in parts)


def _is_season(el: etree._Element) -> bool:
    """is-season: a named season or quarter, a month or season range, in any case; or any
    text in a pub-date with a full iso-8601-date."""
    text = "".join(el.itertext())
    value = _normalize_space(text).translate(_ASCII_UPPER)
    if not value:
        return False
    if value in _SEASONS or any(_in_range_order(value, names) for names in _RANGES):
        return True
    return _full_iso_date(el)


@rule(
    "pmc-season",
    "error",
    "season checking: a season outside references is a named season or quarter, a month range "
    "(Jan-Feb) or a season range (Spring-Summer)",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_season(doc: Doc) -> Iterator[Hit]:
    cited = ("citation", "nlm-citation", "element-citation", "mixed-citation")
    for el in doc.root.iter("season"):
        if any(a.tag in cited for a in el.iterancestors()) or _is_season(el):
            continue
        yield Hit(
            el,
            "season checking: season should only contain a named season (Spring, Summer, Fall, "
            "Autumn, Winter), a month range (Jan-Feb or January-February), or a named season "
            f"range (Spring-Summer), not {''.join(el.itertext())!r}",
        )


@rule(
    "pmc-ref-id",
    "error",
    "ref checking: a ref has a non-empty id",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_ref_id(doc: Doc) -> Iterator[Hit]:
    for el in doc.root.iter("ref"):
        if not _normalize_space(el.get("id") or ""):
            yield Hit(el, "ref checking: ref element must have a non-empty id attribute")


@rule(
    "pmc-xref-rid",
    "error",
    "xref check: an xref with a ref-type has a rid (not asked of a Rapid Research Note)",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_xref_rid(doc: Doc) -> Iterator[Hit]:
    if doc.stream() == "rrn":
        return
    for el in doc.root.iter("xref"):
        if el.get("ref-type") is not None and el.get("rid") is None:
            yield Hit(el, "xref check: xref element has ref-type attribute but no rid attribute")


# The ext-link-type values its ext-link-attribute-check takes, in any case: those its message
# names (documented in PMC's Tagging Guidelines) and those it takes without naming them.
_EXT_LINK_TYPES_NAMED = (
    "ANZCTR bmrb ChiCTR ClinicalTrials.gov CRiS CTRI DDBJ/EMBL/GenBank doi DRKS "
    "EBI:arrayexpress EBI:emdb EBI:ena emblalign EU-CTR EudraCT ftp geneweaver:geneset IRCT "
    "ISRCTN JapicCTI JMACCT JPRN NCBI:gene NCBI:geo NCBI:nucleotide NCBI:protein "
    "NCBI:pubchem-substance NCBI:pubchem-bioassay NCBI:pubchem-compound NCBI:refseq "
    "NCBI:reseq_gene NCBI:sra NCBI:structure NCBI:taxonomy NTR Omim PACTR PDB ReBec sasbdb "
    "SLCTR SwissProt TCTR UMINCTR UniProt uri url"
)
_EXT_LINK_TYPES_UNNAMED = (
    "aoi arrayexpress biomodels bsh cdd clone ec ensembl fmridc gen genbank gene genpept geo "
    "highwire hmh mgi mmdb nuccore pgr pir pirdb pmc pmcid pmid pride pubchem pubmed "
    "pcsubstance sgd snp sprot tax wbase dare webcite"
)


@rule(
    "pmc-ext-link-type",
    "error",
    "ext-link check: an ext-link has an xlink:href and an ext-link-type from the Style "
    "Checker's list, in any case (not email: an e-mail address is an email element)",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_ext_link_type(doc: Doc) -> Iterator[Hit]:
    known = f"{_EXT_LINK_TYPES_NAMED} {_EXT_LINK_TYPES_UNNAMED}".translate(_ASCII_UPPER)
    for el in doc.root.iter("ext-link"):
        kind = el.get("ext-link-type")
        if el.get(XLINK_HREF) is None:
            yield Hit(el, "ext-link check: ext-link must have an xlink:href attribute")
        if kind is None:
            yield Hit(el, "ext-link check: ext-link must have an ext-link-type attribute")
        elif kind == "email":
            yield Hit(el, "ext-link check: ext-link type email must be element email")
        elif not kind or not _in_list(known, kind.translate(_ASCII_UPPER)):
            named = ", ".join(_EXT_LINK_TYPES_NAMED.split())
            yield Hit(el, "ext-link check: ext-link-type attribute value restricted to one of "
                          f"[{named}], not {kind!r}")  # fmt: skip


# ------------------------------------------------------------------ warnings: our reading

_RECOMMENDED = [
    ("front/journal-meta/publisher/publisher-name", "publisher name", "journal.publisher"),
    ("front/article-meta/volume", "volume", "volume"),
    ("front/article-meta/issue", "issue", "issue"),
    ("front/article-meta/permissions/copyright-statement", "copyright statement",
     "copyright.statement"),
    ("front/article-meta/permissions/license", "licence", "license"),
]  # fmt: skip


@rule(
    "pmc-recommended",
    "warning",
    "our reading of PMC's minimum requirements: publisher, volume, issue, copyright, licence",
    source=MINIMUM,
    basis="reading",
)
def pmc_recommended(doc: Doc) -> Iterator[Hit]:
    for xpath, what, field in _RECOMMENDED:
        if _missing(doc, xpath):
            yield Hit(
                None,
                f"PMC's minimum requirements list a {what} (our reading; the Style Checker does "
                f"not check it): add `{field}`",
                field,
            )


@rule(
    "pmc-dtd-version",
    "warning",
    "our reading of PMC's guidelines: JATS 1.0–1.3 (and NLM 2.3/3.0)",
    source=TAGGING,
    basis="reading",
)
def pmc_dtd_version(doc: Doc) -> Iterator[Hit]:
    version = doc.root.get("dtd-version") or ""
    if not version.startswith(PMC_TAKES):
        yield Hit(
            doc.root,
            f"PMC takes JATS 1.0–1.3, this is {version or 'an unstated version'}: convert with "
            "--jats-version 1.3 for PMC",
        )


def _cc_form(url: str) -> str:
    """A licence URL without the differences the Style Checker forgives (scheme, www, final /)."""
    url = " ".join(url.split())
    url = re.sub(r"^(?:https?://)?(?:www\.)?", "", url)
    return url.rstrip("/")


def _cc_path(url: str) -> str:
    """What the Style Checker compares two CC links by: the path after 'licenses', no legalcode."""
    tail = url.split("licenses", 1)[1] if "licenses" in url else ""
    return tail.split("legalcode", 1)[0].replace("/", "")


@rule(
    "pmc-license-one-uri",
    "error",
    "license check: one Creative Commons licence, the same URI in @xlink:href, "
    "ali:license_ref and the links inside",
    source=STYLE_CHECKER,
    basis="service",
)
def pmc_license_one_uri(doc: Doc) -> Iterator[Hit]:
    for el in doc.meta.iter("license"):
        links = [x.get(XLINK_HREF, "") for x in el.iter("ext-link")]
        cc_links = [u for u in links if "creativecommons.org/" in u]
        refs = [" ".join("".join(r.itertext()).split()) for r in el.iter(f"{{{ALI}}}license_ref")]
        cc_refs = [r for r in refs if "creativecommons.org/" in r]
        href = el.get(XLINK_HREF, "")
        if "creativecommons.org/" in href and cc_links and _cc_form(href) != _cc_form(cc_links[0]):
            yield Hit(el, f"license check: @xlink:href {href} and the link inside, {cc_links[0]}, "
                          "must be identical")  # fmt: skip
        if cc_refs and cc_links and _cc_form(cc_refs[0]) != _cc_form(cc_links[0]):
            yield Hit(el, f"license check: ali:license_ref {cc_refs[0]} and the link inside, "
                          f"{cc_links[0]}, must be identical")  # fmt: skip
        paths = [_cc_path(u) for u in links if "creativecommons.org/licenses" in u]
        if len(links) > 1 and len(set(paths)) > 1:
            yield Hit(el, "Creative Commons license check: the licence links name different "
                          f"Creative Commons licences: {sorted(set(cc_links))}")  # fmt: skip
        if len(cc_refs) > 1:
            yield Hit(el, "cc license_ref check: a licence may not have more than one "
                          "ali:license_ref with a Creative Commons URL")  # fmt: skip
