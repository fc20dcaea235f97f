"""Every field of the model, in every output: written, or said when it is not.

The audit takes an article that gives every field (``data/audit/``) and, field by field, takes
the field away wherever it is given (or changes it, where it holds its default) and renders
each output again: an output that changes writes the field. A field an output does not write
must be listed here, for that output, as one of:

- ``ALTERNATE``: written when the fields it stands in for are not given (the landing page is
  DOAJ's full-text link when there is no HTML or PDF); checked by taking those away first;
- ``SAID``: the output cannot carry it, and a warning names it (checked on the rendering);
- ``NO_PLACE``: the format has no place for it at all, and is not about it (DOAJ and
  references): the README lists these for each output;
- ``SETTINGS``: not a fact of the article but how it is read or deposited (a journal's
  transliteration scheme, its Crossref account).

A field added to the model fails ``test_every_field_is_written_or_listed`` until it is written
or listed, and a listed field that an output comes to write fails it too, so the lists stay
true. (JATS packages are the JATS files zipped; the web app's YAML download is the model as
input, checked by ``test_the_web_apps_yaml_download_keeps_every_field``.)
"""

from __future__ import annotations

import json
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from lxml import etree
from pydantic import BaseModel

from conftest import DATA
from converter import load_article, model
from converter.api import render
from converter.options import Options
from converter.web.workspace import input_data
from converter.writers import same_output
from converter.xsd import schema_problems

FULL = DATA / "audit" / "article.yaml"

OUTPUTS = {
    "jats-1.4": Options(),
    "jats-1.3": Options(version="1.3"),
    "crossref": Options(target="crossref"),
    "doaj": Options(target="doaj"),
    "meta-tags": Options(target="meta-tags"),
}
NAMES = {"crossref": "article.crossref.xml", "doaj": "article.doaj.xml"}

# ------------------------------------------------------------------ the lists

SETTINGS = {
    "Journal.language": "the order of the journal's titles and names, not a fact written",
    "Journal.transliteration": "how Latin forms are made (they are audited as names)",
    "Journal.patronymic_initials": "how Latin forms are made",
    "Journal.in_russ_note": "how Latin reference texts are made",
    "Journal.language_note": "how Latin reference texts are made",
    "Journal.structure_references": "whether reference texts are parsed into parts",
    "Journal.reference_confidence": "how sure a parsed reference must be",
    "Journal.urls": "how an OJS export's addresses are made (they are audited as urls)",
    "ArticleUrls.landing_page": "how an OJS export's addresses are made",
    "ArticleUrls.galley": "how an OJS export's addresses are made",
    "ArticleUrls.download": "how an OJS export's addresses are made",
    "ArticleUrls.issue": "how an OJS export's addresses are made",
    "Journal.crossref": "the Crossref account deposits are made with",
    "Crossref.depositor_name": "the Crossref account deposits are made with",
    "Crossref.depositor_email": "the Crossref account deposits are made with",
    "Crossref.registrant": "the Crossref account deposits are made with",
    "Crossref.crossmark_policy": "the journal's Crossmark policy page",
    "Journal.doaj": "which language DOAJ records give first",
    "Doaj.languages": "which language DOAJ records give first",
}

# field → the fields it stands in for, by output
ALTERNATE: dict[str, dict[str, tuple[str, ...]]] = {
    "crossref": {
        "Article.lpage": ("Article.page_range",),  # else the last page of the first range
        "Article.self_uri": ("Article.url",),  # the HTML full text is the landing page then
        # the one DOI a reference's text holds is its citation's doi when none is given
        "Reference.doi": ("Reference.text",),
    },
    "doaj": {
        "Article.url": ("Article.self_uri",),  # the full-text link: HTML, PDF, landing page
        "Published.print": ("Published.electronic",),  # the publication date
        "Published.collection": ("Published.electronic", "Published.print"),
    },
    "meta-tags": {
        "Published.print": ("Published.electronic",),  # citation_publication_date
        "Published.collection": ("Published.electronic", "Published.print"),
    },
}

# field → the start of the warning that says it is not in the output
SAID: dict[str, dict[str, str]] = {
    "doaj": {
        "Article.issue_title": "issue_title: DOAJ's article XML has no place",
        "Article.page_range": "page_range: DOAJ's article XML has no place",
        "Article.related_articles": "related_articles: DOAJ's article XML has no place",
        "Article.preprint": "preprint: DOAJ's article XML has no place",
    },
    "meta-tags": {
        "Article.issue_title": "issue_title: Google Scholar's meta tags have no tag",
        "Article.page_range": "page_range: Google Scholar's meta tags have no tag",
        "Article.related_articles": "related_articles: Google Scholar's meta tags have no tag",
        "Article.preprint": "preprint: Google Scholar's meta tags have no tag",
    },
}

# What each format has no place for, and is not about: the README names these. A field of a
# model held only by listed fields (a reference's volume in DOAJ) needs no line of its own.
_CROSSREF_PERSON = "Crossref's person_name holds the name, affiliations and ORCID iD"
_CROSSREF_JOURNAL = "Crossref's journal_metadata holds the journal's titles and ISSNs"
_CROSSREF_CITATION = "Crossref's citation has no element for it (its text holds it)"
# (a publisher's Crossmark assertions may state it: deposits carry Crossmark's facts, not these)
_CROSSREF_STATEMENT = "Crossref's journal_article has no element for the statement"
_DOAJ_JOURNAL = "DOAJ's record names the journal by title, ISSNs and publisher"
_DOAJ_PERSON = "DOAJ's author is a name, e-mail, affiliations and ORCID iD"
_DOAJ_ISSUE = "DOAJ's record names the issue by volume and number"
_SCHOLAR_JOURNAL = "Scholar's tags name the journal by title, ISSNs and publisher"
_SCHOLAR_PERSON = "Scholar's tags give an author's name, institution, ORCID iD and e-mail"
NO_PLACE: dict[str, dict[str, str]] = {
    "crossref": {
        "Article.article_type": "Crossref's journal_article has no type",
        # (Crossref's publisher_item could take the publisher's id: not written, README says)
        "Article.ids": "the deposit registers the DOI",
        "Article.issue_ids": "Crossref's journal_issue registers the issue's DOI only",
        "Article.section": "Crossref's journal_article has no section (a preprint's has)",
        "Article.subjects": "Crossref has no subjects",
        "Article.keywords": "Crossref has no keywords",
        "Article.funding_statement": "Crossref's funding is funders and awards, not a text",
        "Article.acknowledgements": "Crossref's journal_article has no acknowledgements",
        "Article.competing_interests": _CROSSREF_STATEMENT,
        "Article.data_availability": _CROSSREF_STATEMENT,
        "Article.copyright": "Crossref has no copyright statement",
        "Article.custom_meta": "Crossref has no custom metadata",
        "History.received": "Crossref takes the acceptance date only",
        "History.revised": "Crossref takes the acceptance date only",
        "Journal.ids": _CROSSREF_JOURNAL,
        "Journal.publisher": _CROSSREF_JOURNAL + " (the registrant stands for the publisher)",
        "Journal.url": _CROSSREF_JOURNAL,
        "Issns.linking": _CROSSREF_JOURNAL,
        "Contributor.email": _CROSSREF_PERSON,
        "Contributor.corresponding": _CROSSREF_PERSON,
        "Contributor.credit": _CROSSREF_PERSON,
        "Contributor.bio": _CROSSREF_PERSON,
        "PersonName.prefix": _CROSSREF_PERSON,
        "Affiliation.country_name": "the place names the country by its code's English name",
        "License.type": "Crossref's license_ref is the licence's URL",
        "License.text": "Crossref's license_ref is the licence's URL",
        # (doi_data/collection could take full-text links, for text mining: not written)
        "SelfUri.url": "the deposit's resource is the landing page (url)",
        "SelfUri.type": "the deposit's resource is the landing page (url)",
        "SelfUri.title": "the deposit's resource is the landing page (url)",
        "RelatedArticle.id": "Crossref ties works by DOI",
        "RelatedArticle.citation": "Crossref ties works by DOI",
        "RelatedArticle.volume": "Crossref ties works by DOI",
        "RelatedArticle.issue": "Crossref ties works by DOI",
        "RelatedArticle.fpage": "Crossref ties works by DOI",
        "RelatedArticle.elocation_id": "Crossref ties works by DOI",
        "Reference.label": _CROSSREF_CITATION,
        "Reference.lang": _CROSSREF_CITATION,
        "Reference.etal": _CROSSREF_CITATION,
        "Reference.lpage": _CROSSREF_CITATION,
        "Reference.arxiv": _CROSSREF_CITATION,
        "Reference.pmid": _CROSSREF_CITATION,
        "Reference.pmcid": _CROSSREF_CITATION,
        "Reference.url": _CROSSREF_CITATION,
        "Reference.accessed": _CROSSREF_CITATION,
    },
    "doaj": {
        "Article.subtitle": "DOAJ's title is the title alone",
        "Article.issue_doi": _DOAJ_ISSUE,
        "Article.issue_url": _DOAJ_ISSUE,
        "Article.issue_ids": _DOAJ_ISSUE,
        "Article.section": "DOAJ has no section",
        "Article.subjects": "DOAJ has no subjects (the journal's are DOAJ's)",
        "Article.history": "DOAJ takes the publication date only",
        "Article.funding": "DOAJ has no funding",
        "Article.funding_statement": "DOAJ has no funding",
        "Article.acknowledgements": "DOAJ has no acknowledgements",
        "Article.competing_interests": "DOAJ has no statements of the article",
        "Article.data_availability": "DOAJ has no statements of the article",
        "Article.license": "DOAJ holds the licence of the journal, not of an article",
        "Article.other_licenses": "DOAJ holds the licence of the journal, not of an article",
        "Article.copyright": "DOAJ has no copyright statement",
        "Article.custom_meta": "DOAJ has no custom metadata",
        "Article.references": "DOAJ has no references",
        "Journal.abbrev_title": _DOAJ_JOURNAL,
        "Journal.ids": _DOAJ_JOURNAL,
        "Journal.url": _DOAJ_JOURNAL,
        "Issns.linking": _DOAJ_JOURNAL,
        "Publisher.location": _DOAJ_JOURNAL,
        "ArticleIds.edn": "DOAJ takes the DOI and the publisher's id",
        "ArticleIds.pmid": "DOAJ takes the DOI and the publisher's id",
        "ArticleIds.pmcid": "DOAJ takes the DOI and the publisher's id",
        "ArticleIds.other": "DOAJ takes the DOI and the publisher's id",
        "Contributor.orcid_authenticated": _DOAJ_PERSON,
        "Contributor.corresponding": _DOAJ_PERSON,
        "Contributor.credit": _DOAJ_PERSON,
        "Contributor.bio": _DOAJ_PERSON,
        "PersonName.prefix": _DOAJ_PERSON + " (given names and surname)",
        "PersonName.suffix": _DOAJ_PERSON + " (given names and surname)",
        "PersonName.style": _DOAJ_PERSON + " (given names and surname)",
        "Affiliation.country_name": "the affiliation names the country by its code's English name",
        "Affiliation.ror": "DOAJ's affiliation is a name",
        "SelfUri.title": "DOAJ's fullTextUrl is an address and a format",
    },
    "meta-tags": {
        "Article.article_type": "Scholar's guidelines list no tag for it",
        "Article.subtitle": "Scholar's citation_title is the title alone",
        "Article.ids": "Scholar's guidelines list a tag for the DOI only",
        "Article.issue_doi": "Scholar's guidelines list the article's DOI only",
        "Article.issue_url": "Scholar's guidelines list the article's addresses only",
        "Article.issue_ids": "Scholar's guidelines list the article's DOI only",
        "Article.section": "Scholar's guidelines list no tag for it",
        "Article.subjects": "Scholar's guidelines list no tag for it",
        "Article.history": "Scholar's guidelines list the publication dates only",
        "Article.abstract": "Scholar's guidelines list no tag for it",
        "Article.funding": "Scholar's guidelines list no tag for it",
        "Article.funding_statement": "Scholar's guidelines list no tag for it",
        "Article.acknowledgements": "Scholar's guidelines list no tag for it",
        "Article.competing_interests": "Scholar's guidelines list no tag for it",
        "Article.data_availability": "Scholar's guidelines list no tag for it",
        "Article.other_licenses": "Scholar's citation_license is the article's licence",
        "Article.copyright": "Scholar's guidelines list no tag for it",
        "Article.custom_meta": "Scholar's guidelines list no tag for it",
        "Journal.ids": _SCHOLAR_JOURNAL,
        "Journal.url": _SCHOLAR_JOURNAL,
        "Issns.linking": _SCHOLAR_JOURNAL,
        "Publisher.location": _SCHOLAR_JOURNAL,
        "Contributor.orcid_authenticated": _SCHOLAR_PERSON,
        "Contributor.corresponding": _SCHOLAR_PERSON,
        "Contributor.credit": _SCHOLAR_PERSON,
        "Contributor.bio": _SCHOLAR_PERSON,
        "PersonName.prefix": _SCHOLAR_PERSON + " ('Surname, Given')",
        "PersonName.suffix": _SCHOLAR_PERSON + " ('Surname, Given')",
        "PersonName.style": _SCHOLAR_PERSON + " ('Surname, Given')",
        "Affiliation.department": "citation_author_institution names the institution",
        "Affiliation.city": "citation_author_institution names the institution",
        "Affiliation.state": "citation_author_institution names the institution",
        "Affiliation.postal_code": "citation_author_institution names the institution",
        "Affiliation.country": "citation_author_institution names the institution",
        "Affiliation.country_name": "citation_author_institution names the institution",
        "Affiliation.ror": "citation_author_institution names the institution",
        "License.type": "citation_license is the licence's URL",
        "License.text": "citation_license is the licence's URL",
        "License.start_date": "citation_license is the licence's URL",
        "License.applies_to": "citation_license is the licence's URL",
        "SelfUri.title": "citation_pdf_url and citation_fulltext_html_url are addresses",
        "Reference.id": "citation_reference is the reference as one text",
        "Reference.label": "citation_reference is the reference as one text",
        "Reference.type": "citation_reference is the reference as one text",
        "Reference.lang": "citation_reference is the reference as one text",
        "Reference.etal": "citation_reference is the reference as one text",
        "Reference.groups": "citation_reference is the reference as one text",
        "Reference.volume": "citation_reference is the reference as one text",
        "Reference.issue": "citation_reference is the reference as one text",
        "Reference.fpage": "citation_reference is the reference as one text",
        "Reference.lpage": "citation_reference is the reference as one text",
        "Reference.elocation_id": "citation_reference is the reference as one text",
        "Reference.doi": "citation_reference is the reference as one text",
        "Reference.arxiv": "citation_reference is the reference as one text",
        "Reference.isbn": "citation_reference is the reference as one text",
        "Reference.issn": "citation_reference is the reference as one text",
        "Reference.pmid": "citation_reference is the reference as one text",
        "Reference.pmcid": "citation_reference is the reference as one text",
        "Reference.url": "citation_reference is the reference as one text",
        "Reference.accessed": "citation_reference is the reference as one text",
        "Reference.title_en": "citation_reference is the reference as one text",
        "Reference.source_en": "citation_reference is the reference as one text",
        "Reference.edition": "citation_reference is the reference as one text",
    },
}


# ------------------------------------------------------------------ the model's fields


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for part in typing.get_args(annotation):
        yield from _models_in(part)


def model_classes() -> list[type[BaseModel]]:
    """The article's model and every model it holds, each once."""
    found: list[type[BaseModel]] = []

    def visit(cls: type[BaseModel]) -> None:
        if cls not in found:
            found.append(cls)
            for info in cls.model_fields.values():
                for inner in _models_in(info.annotation):
                    visit(inner)

    visit(model.Article)
    return found


FIELDS = [
    f"{cls.__name__}.{name}"
    for cls in model_classes()
    for name in cls.model_fields
    # the journal's own fields are audited; a field read from others (``exclude=True``, the
    # licence's SPDX id and URL) is no input: the fields it is read from are audited
    if (cls, name) != (model.Article, "journal") and not cls.model_fields[name].exclude
]
CLASSES = {cls.__name__: cls for cls in model_classes()}


def holders(class_name: str) -> list[str]:
    """The fields that hold a model's instances ('Article.references' for 'Reference')."""
    return [
        f"{cls.__name__}.{name}"
        for cls in model_classes()
        for name, info in cls.model_fields.items()
        if any(inner.__name__ == class_name for inner in _models_in(info.annotation))
        and (cls, name) != (model.Article, "journal")
    ]


def listed(output: str) -> dict[str, str]:
    """What the lists say of each field not written to the output: field → which list."""
    kind = "jats" if output.startswith("jats") else output
    found = {
        **{field: "a setting" for field in SETTINGS},
        **{field: "alternate" for field in ALTERNATE.get(kind, {})},
        **{field: "said" for field in SAID.get(kind, {})},
        **{field: "no place" for field in NO_PLACE.get(kind, {})},
    }

    def covered(field: str) -> bool:
        """Held only where the output has no place for it, or says it is left out."""
        holding = holders(field.split(".")[0])
        return bool(holding) and all(
            found.get(holder) in ("said", "no place") or covered(holder) for holder in holding
        )

    for field in FIELDS:
        if field not in found and covered(field):
            found[field] = "held by a field said or of no place"
    return found


def _instances(value: Any, cls: type[BaseModel]) -> Iterator[BaseModel]:
    if isinstance(value, cls):
        yield value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _instances(getattr(value, name), cls)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _instances(item, cls)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _instances(item, cls)


def _choices(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) is Literal:
        return typing.get_args(annotation)
    for part in typing.get_args(annotation):
        if found := _choices(part):
            return found
    return ()


def _changed(value: Any, annotation: Any = None) -> Any:
    """Another value of the same shape: a flag turned, another choice, a text marked."""
    if isinstance(value, bool):
        return not value
    choices = _choices(annotation)
    if value in choices:
        return next(choice for choice in choices if choice != value)
    if isinstance(value, str):
        return value + "Q"
    if isinstance(value, dict):
        return {key: _changed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_changed(item) for item in value]
    if isinstance(value, float):
        return value / 2
    if isinstance(value, int):
        return value + 1
    return value  # a model: its own fields are audited


def _given(value: Any) -> bool:
    return value not in (None, [], {})


def without(article: model.Article, *fields: str) -> model.Article | None:
    """A copy of the article with each field taken away (set to its default) wherever it is
    given, or changed where it holds its default or has none; None when the article gives
    none of them. Fields read from another (a licence's URL from its id) are read anew."""
    copy = article.model_copy(deep=True)
    touched = False
    for key in fields:
        class_name, name = key.split(".")
        cls = CLASSES[class_name]
        info = cls.model_fields[name]
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        given = [item for item in _instances(copy, cls) if _given(getattr(item, name))]
        if cls is model.Article:
            given = [copy] if _given(getattr(copy, name)) else []
        differing = [
            item for item in given if not info.is_required() and getattr(item, name) != default
        ]
        for item in differing or given:
            new = default if differing else _changed(getattr(item, name), info.annotation)
            object.__setattr__(item, name, new)
            _read_anew(item)
            touched = True
    return copy if touched else None


def _read_anew(item: BaseModel) -> None:
    """Set the fields a model reads from its others (``exclude=True``: not input) anew."""
    derived = [name for name, info in type(item).model_fields.items() if info.exclude]
    if not derived:
        return
    try:
        fresh = type(item).model_validate(item.model_dump())
    except ValueError:
        return
    for name in derived:
        object.__setattr__(item, name, getattr(fresh, name))


# ------------------------------------------------------------------ rendering


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("JATSCONV_CROSSREF_SCHEMA", raising=False)
    monkeypatch.delenv("JATSCONV_DOAJ_SCHEMA", raising=False)


def variants() -> list[model.Article]:
    """The article with pages of several ranges, with one range, and with an article number
    instead (a page range and an article number exclude each other)."""
    full = load_article(FULL)
    one_range = full.model_copy(update={"page_range": None})
    numbered = full.model_copy(
        update={"fpage": None, "lpage": None, "page_range": None, "elocation_id": "e1001"}
    )
    return [full, one_range, numbered]


def _render(article: model.Article, output: str) -> tuple[bytes, list[str]]:
    result = render(article, OUTPUTS[output], NAMES.get(output, "article.xml"))
    assert result.valid, result.problems
    return result.data, [str(p) for p in result.problems]


def _changes(output: str, article: model.Article, other: model.Article) -> bool:
    """Whether ``other`` gives another output than ``article``: other bytes, or none at all
    (the output refuses an article without the field: its DOI for Crossref, or the writer
    fails on it, an affiliation's id its authors point to gone)."""
    name = NAMES.get(output, "article.xml")
    try:
        result = render(other, OUTPUTS[output], name)
    except Exception:  # (the copy is unchecked: the model's own rules would refuse it)
        return True
    return not result.valid or not same_output(name, _render(article, output)[0], result.data)


def writes(output: str, field: str, articles: list[model.Article]) -> bool | None:
    """Whether the output changes when the field is taken away; None when no article gives
    it."""
    given = False
    for article in articles:
        other = without(article, field)
        if other is None:
            continue
        given = True
        if _changes(output, article, other):
            return True
    return False if given else None


# ------------------------------------------------------------------ the tests


@pytest.fixture(scope="module")
def articles() -> list[model.Article]:
    return variants()


def test_the_audited_article_gives_every_field(articles: list[model.Article]) -> None:
    missing = [field for field in FIELDS if all(without(a, field) is None for a in articles)]
    assert missing == [], f"give these in {FULL.relative_to(DATA.parent)}: {missing}"


@pytest.mark.parametrize("output", list(OUTPUTS))
def test_every_field_is_written_or_listed(output: str, articles: list[model.Article]) -> None:
    lists = listed(output)
    unlisted, stale = [], []
    for field in FIELDS:
        written = writes(output, field, articles)
        if not written and field not in lists:
            unlisted.append(field)
        elif written and lists.get(field, "a setting") not in ("a setting", "alternate"):
            stale.append(f"{field} (listed as {lists[field]})")  # (a setting may change it)
    assert unlisted == [], f"{output} neither writes nor says: {unlisted}"
    assert stale == [], f"{output} writes these after all: {stale}"


@pytest.mark.parametrize(
    ("output", "field"),
    [(output, field) for output, fields in ALTERNATE.items() for field in fields],
)
def test_an_alternate_is_written_in_place_of_what_it_stands_in_for(
    output: str, field: str, articles: list[model.Article]
) -> None:
    stands_for = ALTERNATE[output][field]
    without_them = [other for a in articles if (other := without(a, *stands_for)) is not None]
    assert writes(output, field, without_them)


@pytest.mark.parametrize(
    ("output", "field"), [(output, field) for output, fields in SAID.items() for field in fields]
)
def test_a_field_left_out_is_said(output: str, field: str, articles: list[model.Article]) -> None:
    start = SAID[output][field]
    article = articles[0]
    class_name, key = field.split(".")
    if class_name == "Article" and getattr(article, key) is False:
        # a yes/no the audited article leaves unset (preprint: its Crossref deposit would be
        # another record, posted content), set here
        article = article.model_copy(update={key: True})
    said = [line for line in _render(article, output)[1] if start in line]
    name = NAMES.get(output, "article.xml")
    assert len(said) == 1 and said[0].startswith(f"{name}: warning: {start}"), said
    gone = without(article, field)
    assert gone is not None
    assert not any(start in line for line in _render(gone, output)[1])


# ------------------------------------------------------------------ what a user sees


def _copy_fixture(folder: Path) -> Path:
    folder.mkdir()
    for name in ("article.yaml", "journal.yaml"):
        (folder / name).write_bytes((FULL.parent / name).read_bytes())
    return folder / "article.yaml"


@pytest.mark.parametrize(
    ("target", "suffix", "lines"),
    [
        (
            "doaj",
            "doaj.xml",
            [
                "issue_title: DOAJ's article XML has no place for an issue's title: not in the "
                "record",
                "page_range: DOAJ's article XML has no place for pages of several ranges "
                "(startPage and endPage are the first and last page): not in the record",
                "related_articles: DOAJ's article XML has no place for related articles: not in "
                "the record",
            ],
        ),
        (
            "meta-tags",
            "meta.html",
            [
                "issue_title: Google Scholar's meta tags have no tag for an issue's title: not "
                "in the tags",
                "page_range: Google Scholar's meta tags have no tag for pages of several ranges "
                "(citation_firstpage and citation_lastpage are the first and last page): not in "
                "the tags",
                "related_articles: Google Scholar's meta tags have no tag for related articles: "
                "not in the tags",
            ],
        ),
    ],
)
def test_doaj_and_meta_tags_name_what_they_leave_out(
    tmp_path: Path, run, doaj_xsd: etree.XMLSchema, target: str, suffix: str, lines: list[str]
) -> None:  # fmt: skip
    source = _copy_fixture(tmp_path / "in")
    out = tmp_path / "out"
    result = run("convert", source, "--to", target, "-o", out)
    assert result.code == 0, result.err
    said = [f"{out / f'article.{suffix}'}: warning: {line}" for line in lines]
    assert [line for line in result.err.splitlines() if ": warning: " in line] == said
    if target == "doaj":  # still what DOAJ's schema takes
        assert schema_problems(doaj_xsd, (out / "article.doaj.xml").read_bytes(), "x") == []

    result = run("convert", source, "--to", target, "-o", out, "--json")
    assert result.code == 0, result.err
    [item] = json.loads(result.out)
    assert item["status"] == "converted" and item["problems"] == said


def test_crossref_names_a_group_authors_affiliations(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema
) -> None:
    source = _copy_fixture(tmp_path / "in")
    out = tmp_path / "out"
    result = run("convert", source, "--to", "crossref", "-o", out, "--json")
    assert result.code == 0, result.err
    [item] = json.loads(result.out)
    deposit = out / "article.crossref.xml"
    # authors[1] is The Audit Consortium, at the Second Institute
    assert (
        f"{deposit}: warning: authors[1].affiliations: Crossref's organization (a group author) "
        "holds no affiliations: not in the deposit"
    ) in item["problems"]
    # other_licenses[0] is CC BY-NC beside the article's CC BY; [1], text-mining terms, is in it
    assert (
        f"{deposit}: warning: other_licenses[0]: the deposit gives the article's licence "
        "(license) and those for text mining and the accepted manuscript only: not in the deposit"
    ) in item["problems"]
    assert not any("other_licenses[1]" in line for line in item["problems"])
    data = deposit.read_bytes()
    assert b"Second Institute" not in data and b"Third Institute" in data
    assert schema_problems(crossref_xsd, data, "x") == []


def test_the_batch_report_names_what_doaj_leaves_out(tmp_path: Path, run) -> None:
    source = _copy_fixture(tmp_path / "in")
    out, report = tmp_path / "out", tmp_path / "report.json"
    result = run("batch", source.parent, "--to", "doaj", "-o", out, "--report", report, "-j", "1")
    assert result.code == 0, result.err
    [item] = json.loads(report.read_text(encoding="utf-8"))["articles"]
    assert [line.split(": warning: ")[1].split(":")[0] for line in item["problems"]] == [
        "issue_title",
        "page_range",
        "related_articles",
    ]
    assert all(line.startswith(f"{item['output']}: warning: ") for line in item["problems"])


def test_the_web_apps_yaml_download_keeps_every_field(articles: list[model.Article]) -> None:
    """The app's download of an edited article is the model as input: read again, it is the
    same article (so it drops nothing)."""
    article = articles[0]
    data = input_data(article)
    again = model.Article.model_validate({**data, "journal": article.journal})
    assert again == article
