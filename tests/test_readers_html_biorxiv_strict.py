"""The rest of what bioRxiv's landing pages write (as real pages do: contentmine's ami3 quotes
one, 10.1101/2020.01.30.926477), so that ``convert --strict`` refuses such a page only for what
is really lost: the year's first day it writes as ``citation_publication_date`` (a placeholder
beside the posted day), the corresponding author's ``name{at}host`` after all the names,
HighWire's ``citation_mjid`` and ``citation_num_pages`` (bookkeeping, as ``citation_id`` and
``prism.pageCount``), ``DC.Contributor`` (the authors again) and ``DC.AccessRights``. And the
same preprint's type by either route: its page's "Article" and its JATS's
``article-type="article"`` are both a research article."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from conftest import DATA, page_with_head, read_article
from converter.notices import DROPPED, SIMPLIFIED, kind_of

PAGE = DATA / "pages" / "biorxiv-preprint.html"
_HEAD = (
    '<meta name="citation_title" content="T">'
    '<meta name="citation_author" content="Ann Roe">'
    '<meta name="citation_author" content="Bob Doe">'
    '<meta name="citation_publication_date" content="2020/02/05">'
)


def _read(page: Path, kind: str = "html") -> tuple[object, list[str]]:
    return read_article(page, kind)


def _page(tmp_path: Path, head: str, journal: str = "Journal of Tests") -> Path:
    title = f'<meta name="citation_journal_title" content="{journal}">'
    return page_with_head(tmp_path, title + _HEAD + head, body="")


def _contributors(*names: str) -> str:
    return "".join(f'<meta name="DC.Contributor" content="{name}">' for name in names)


def test_a_biorxiv_page_loses_only_what_the_model_cannot_hold(run, tmp_path: Path) -> None:
    """Dated by the day it was posted (citation_date, DC.Date), no issue year; Bob Doe's
    e-mail decoded and his; the tags kept as bookkeeping or carried not said as dropped."""
    article, warnings = _read(PAGE)
    assert article.published.model_dump(exclude_none=True) == {"electronic": "2020-02-05"}
    assert [a.email for a in article.authors] == [None, "bob.doe@example.edu"]
    dropped = [w for w in warnings if kind_of(w) == DROPPED]
    assert dropped == [
        "DC.AccessRights 'restricted': the page's licence, "
        "http://creativecommons.org/licenses/by/4.0/, lets anyone read the article; the output "
        "holds that licence: left out"
    ]
    placeholder = next(w for w in warnings if "citation_publication_date" in w)
    assert kind_of(placeholder) == SIMPLIFIED
    assert "bioRxiv's placeholder for the year" in placeholder
    email = next(w for w in warnings if "citation_author_email" in w)
    assert kind_of(email) == SIMPLIFIED and "given to Bob Doe" in email
    result = run("convert", PAGE, "-o", tmp_path, "--tag-set", "archiving", "--strict")
    refused = [line for line in result.err.splitlines() if "--strict makes this" in line]
    assert len(refused) == 1 and "DC.AccessRights" in refused[0], result.err


def test_a_journal_s_first_day_of_the_year_still_stands_for_its_year(tmp_path: Path) -> None:
    """Off a preprint server the year's first day may be an issue's: read as the year, said."""
    page = _page(tmp_path, '<meta name="citation_date" content="2020-02-05">')
    page.write_text(page.read_text("utf-8").replace("2020/02/05", "2020/01/01"), "utf-8")
    article, warnings = _read(page)
    assert article.published.model_dump(exclude_none=True) == {
        "electronic": "2020-02-05", "collection": "2020"
    }  # fmt: skip
    said = next(w for w in warnings if "citation_publication_date" in w)
    assert kind_of(said) == DROPPED and "read as the year 2020" in said


def test_mjid_and_page_count_are_bookkeeping(tmp_path: Path) -> None:
    head = (
        '<meta name="citation_mjid" content="biorxiv;2020.01.30.926477v1">'
        '<meta name="citation_num_pages" content="17">'
        '<meta name="prism.pageCount" content="17">'
    )
    _, warnings = _read(_page(tmp_path, head))
    assert not [w for w in warnings if "mjid" in w or "num_pages" in w or "pageCount" in w]


def test_contributors_that_are_the_authors_are_carried(tmp_path: Path) -> None:
    head = _contributors("Ann Roe", "Bob Doe")
    _, warnings = _read(_page(tmp_path, head))
    assert not [w for w in warnings if "contributor" in w.lower()], warnings


def test_contributors_that_differ_are_said_once(tmp_path: Path) -> None:
    head = _contributors("Ann Roe", "Cy Poe")
    _, warnings = _read(_page(tmp_path, head))
    said = [w for w in warnings if "contributor" in w.lower()]
    assert said == [
        "authors: DC.Contributor 'Cy Poe' is not citation_author 'Bob Doe': those of "
        "DC.Contributor are left out"
    ]


def test_open_access_rights_are_carried_by_the_licence(tmp_path: Path) -> None:
    licence = '<meta name="DC.Rights" content="http://creativecommons.org/licenses/by/4.0/">'
    head = licence + '<meta name="DC.AccessRights" content="info:eu-repo/semantics/openAccess">'
    article, warnings = _read(_page(tmp_path, head))
    assert article.license is not None
    assert not [w for w in warnings if "AccessRights" in w], warnings
    _, warnings = _read(_page(tmp_path, '<meta name="DC.AccessRights" content="open">'))
    assert [w for w in warnings if "AccessRights" in w] == [
        "DC.AccessRights 'open': no Creative Commons licence on the page carries it: left out"
    ]


def test_the_same_preprint_has_one_type_by_either_route(run, tmp_path: Path) -> None:
    """bioRxiv's own JATS (article-type="article") and its page ("Article"): research-article
    both; a JATS value of JATS's own list is kept as written, other words still 'other'."""
    jats = DATA / "corpus" / "biorxiv-498369.xml"
    article, warnings = _read(jats, "jats")
    page_article, _ = _read(PAGE)
    assert article.article_type == page_article.article_type == "research-article"
    said = next(w for w in warnings if "article-type" in w)
    assert said == (
        "article-type 'article' is not a JATS 1.4 value: read as 'research-article', as its "
        "words name"
    )
    assert kind_of(said) == SIMPLIFIED
    source = jats.read_text("utf-8")
    for value, expected in (("letter", "letter"), ("New Results", "other")):
        other = tmp_path / f"{expected}.xml"
        other.write_text(source.replace('article-type="article"', f'article-type="{value}"', 1))
        assert _read(other, "jats")[0].article_type == expected
    result = run("convert", jats, "-o", tmp_path, "--tag-set", "archiving")
    assert result.code == 0, result.err
    root = etree.parse(str(tmp_path / "biorxiv-498369.xml")).getroot()
    assert root.get("article-type") == "research-article"
