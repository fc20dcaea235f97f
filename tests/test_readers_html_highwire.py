"""HighWire's own tags on the pages it serves (bioRxiv, medRxiv, society journals' sites):
``citation_public_url`` (the article's public address), ``citation_section`` (the journal's
heading, bioRxiv's "New Results") and ``citation_article_type`` (the type in the publisher's
words, bioRxiv's "Article"). Until 4 December 2026 each was said as having no place in the
model, so that ``convert --strict`` refused every bioRxiv page; they are the article's landing
page, section and JATS article-type now, and what the model cannot hold of them is said."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import DATA, page_with_head, read_article, xmllint

PAGES = DATA / "pages"
_TAGS = ("citation_public_url", "citation_section", "citation_article_type")
_HEAD = (
    '<meta name="citation_title" content="T">'
    '<meta name="citation_journal_title" content="Journal of Tests">'
)


def _read(page: Path) -> tuple[object, list[str]]:
    return read_article(page)


def _page(tmp_path: Path, head: str) -> Path:
    return page_with_head(tmp_path, _HEAD + head)


@pytest.mark.parametrize(
    ("name", "landing", "section", "article_type"),
    [
        (
            "biorxiv-preprint",
            "https://preprints.example.org/content/10.5555/2020.02.03.123456v1.abstract",
            "New Results",
            "research-article",
        ),
        (
            "highwire-journal",
            "https://journal.example.org/content/4/1/23.abstract",
            "Reviews",
            "review-article",
        ),
    ],
)
def test_highwire_s_address_section_and_type_are_carried(
    run, store, tmp_path: Path, name: str, landing: str, section: str, article_type: str
) -> None:
    """A bioRxiv page and a HighWire journal's: the public address, whose abstract view
    (``….abstract``) is the landing page read, adds nothing and is not said; the section is
    the JATS heading; bioRxiv's "Article" is a research article (as the Crossmark reader
    reads the word) and "Review Article" a review-article. ``--strict`` names none of the
    three tags."""
    page = PAGES / f"{name}.html"
    article, warnings = _read(page)
    assert article.url == landing
    assert article.section == {"en": section}
    assert article.article_type == article_type
    assert not [w for w in warnings if any(tag in w for tag in _TAGS)], warnings
    result = run("convert", page, "-o", tmp_path, "--tag-set", "archiving", "--strict")
    assert not [line for line in result.err.splitlines() if any(t in line for t in _TAGS)]
    result = run("convert", page, "-o", tmp_path, "--tag-set", "archiving")
    assert result.code == 0, result.err
    written = tmp_path / f"{name}.xml"
    assert xmllint(written, store.catalog).returncode == 0
    root = etree.parse(str(written)).getroot()
    assert root.get("article-type") == article_type
    heading = "string(//article-categories/subj-group[@subj-group-type='heading']/subject)"
    assert root.xpath(heading) == section
    assert root.xpath("string(//self-uri[@content-type='landing-page']/@xlink:href)",
                      namespaces={"xlink": "http://www.w3.org/1999/xlink"}) == landing  # fmt: skip


def test_a_public_address_alone_is_the_landing_page(tmp_path: Path) -> None:
    """A page whose only address of the article is citation_public_url: its landing page."""
    url = "https://journal.example.org/content/4/1/23"
    article, warnings = _read(_page(tmp_path, f'<meta name="citation_public_url" content="{url}">'))
    assert article.url == url
    assert not [w for w in warnings if "citation_public_url" in w], warnings


def test_a_public_address_that_is_another_page_is_said(tmp_path: Path) -> None:
    """A public address that is not the landing page read (nor its abstract view) is said,
    naming the one kept."""
    head = (
        '<meta name="citation_abstract_html_url" content="https://a.example.org/article/7">'
        '<meta name="citation_public_url" content="https://b.example.org/content/7">'
    )
    article, warnings = _read(_page(tmp_path, head))
    assert article.url == "https://a.example.org/article/7"
    assert (
        "url: citation_abstract_html_url 'https://a.example.org/article/7' is read; "
        "citation_public_url 'https://b.example.org/content/7' says otherwise: left out"
    ) in warnings


def test_a_section_stated_otherwise_is_said(tmp_path: Path) -> None:
    """citation_section fills a section no other tag gives; one that states another section
    than the one read (prism.section) is said, and the one read kept."""
    head = (
        '<meta name="prism.section" content="Original Articles">'
        '<meta name="citation_section" content="New Results">'
    )
    article, warnings = _read(_page(tmp_path, head))
    assert article.section == {"en": "Original Articles"}
    assert (
        "section[en]: prism.section 'Original Articles' is read; citation_section 'New Results' "
        "says otherwise: left out"
    ) in warnings
    same = '<meta name="prism.section" content="New Results">'
    _, warnings = _read(
        _page(tmp_path, same + '<meta name="citation_section" content="New Results">')
    )
    assert not [w for w in warnings if "section" in w], warnings


@pytest.mark.parametrize(
    ("words", "article_type"),
    [
        ("Article", "research-article"),
        ("Research Article", "research-article"),
        ("Review Article", "review-article"),
        ("Review", "review"),
        ("Case Report", "case-report"),
        ("Letter", "letter"),
        ("Editorial", "editorial"),
        ("correction", "correction"),
    ],
)
def test_an_article_type_in_words_is_its_jats_type(
    tmp_path: Path, words: str, article_type: str
) -> None:
    """A JATS suggested value in any case, spaces for its hyphens (the Tag Library asks for
    case-insensitive matching), or the words the Crossmark reader reads as a type."""
    page = _page(tmp_path, f'<meta name="citation_article_type" content="{words}">')
    article, warnings = _read(page)
    assert article.article_type == article_type
    assert not [w for w in warnings if "citation_article_type" in w], warnings


@pytest.mark.parametrize("words", ["New Results", "Confirmatory Results", "Contradictory Results"])
def test_an_article_type_that_names_no_jats_type_is_said(tmp_path: Path, words: str) -> None:
    """bioRxiv's categories of results name no JATS article-type: said, not guessed."""
    article, warnings = _read(
        _page(tmp_path, f'<meta name="citation_article_type" content="{words}">')
    )
    assert article.article_type == "research-article"
    assert (
        f"citation_article_type {words!r}: no JATS article-type: left out (the article is "
        "written as research-article)"
    ) in warnings


def test_a_second_article_type_stated_otherwise_is_said(tmp_path: Path) -> None:
    head = (
        '<meta name="citation_article_type" content="Review Article">'
        '<meta name="citation_article_type" content="Editorial">'
    )
    article, warnings = _read(_page(tmp_path, head))
    assert article.article_type == "review-article"
    assert (
        "article type: citation_article_type 'Review Article' (review-article) is read; "
        "citation_article_type 'Editorial' says otherwise: left out"
    ) in warnings


def test_an_article_type_naming_none_beside_one_that_names_a_type_names_that_type(
    tmp_path: Path,
) -> None:
    """'New Results' beside 'Review Article': the line said the article was written as
    research-article; it is written as review-article."""
    head = (
        '<meta name="citation_article_type" content="Review Article">'
        '<meta name="citation_article_type" content="New Results">'
    )
    article, warnings = _read(_page(tmp_path, head))
    assert article.article_type == "review-article"
    said = [w for w in warnings if "'New Results'" in w]
    assert said == [
        "citation_article_type 'New Results': no JATS article-type: left out (the article is "
        "written as review-article)"
    ]
