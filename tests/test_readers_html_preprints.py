"""Landing pages of preprints: the page itself says its article is a preprint (a preprint
server named as its journal, Open Preprint Systems' generator tag, JSON-LD's
``creativeWorkStatus``, a Dublin Core type), and the article is read as one (``preprint:
true``), said; the site's address alone says nothing. Until 4 December 2026 a landing page was
always read as a journal article."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import DATA, page_with_head, read_article, xmllint
from converter.readers import ReadContext, read_source

PAGES = DATA / "pages"
PREPRINT = "string(//article-meta/article-version[@article-version-type='status'])"
_JOURNAL = '<meta name="citation_journal_title" content="Journal of Tests">'


def _read(page: Path) -> tuple[object, list[str]]:
    return read_article(page)


def _page(tmp_path: Path, head: str) -> Path:
    return page_with_head(tmp_path, head)


@pytest.mark.parametrize(
    ("name", "said", "journal"),
    [
        (
            "biorxiv-preprint",
            "citation_journal_title 'bioRxiv', a preprint server: the article is read as a "
            "preprint",
            "bioRxiv",
        ),
        (
            "ops-preprint",
            "the page's generator 'Open Preprint Systems 3.3.0.13': the article is read as a "
            "preprint",
            "Test Preprint Server",
        ),
        (
            "jsonld-preprint",
            "JSON-LD creativeWorkStatus 'Preprint': the article is read as a preprint",
            "Test Preprints",
        ),
    ],
)
def test_a_preprint_server_s_page_is_a_preprint(
    run, store, tmp_path: Path, name: str, said: str, journal: str
) -> None:
    """bioRxiv names itself as the journal; Open Preprint Systems names the server only as
    citation_publisher and says it is OPS in its generator tag; a page's JSON-LD says
    creativeWorkStatus 'Preprint'. Each converts (with the Archiving tag set: a preprint
    server has no ISSN) to JATS that says the article is a preprint, and says why."""
    page = PAGES / f"{name}.html"
    article, warnings = _read(page)
    assert article.preprint is True
    assert said in warnings
    assert article.journal.title == {"en": journal}
    result = run("convert", page, "-o", tmp_path, "--tag-set", "archiving")
    assert result.code == 0, result.err
    assert f"{page}: warning (markup simplified): {said}" in result.err
    written = tmp_path / f"{name}.xml"
    assert xmllint(written, store.catalog).returncode == 0
    assert etree.parse(str(written)).xpath(PREPRINT) == "preprint"


def test_a_server_named_by_its_publisher_tag_only_is_said_as_the_journal(tmp_path: Path) -> None:
    """Open Preprint Systems writes the server's name as citation_publisher and no journal
    title: the page was refused as naming no journal. A preprint's server is its journal,
    said (not with --journal, which replaces it); a journal article's page that names no
    journal is still refused."""
    _, warnings = _read(PAGES / "ops-preprint.html")
    assert (
        "citation_publisher 'Test Preprint Server': the preprint names no journal: the server "
        "that publishes it is read as its journal"
    ) in warnings
    journal = tmp_path / "given" / "journal.yaml"  # (not beside, nor above, the page below)
    journal.parent.mkdir()
    journal.write_text("title: {en: Test Journal}\nissn: {electronic: 2658-6789}\n", "utf-8")
    given = ReadContext(journal=journal)
    [loaded] = list(read_source(PAGES / "ops-preprint.html", "html", given))
    assert loaded.article is not None and loaded.article.preprint is True
    assert not [w for w in loaded.warnings if "read as its journal" in w]  # (--journal's)
    page = _page(
        tmp_path,
        '<meta name="citation_title" content="T">'
        '<meta name="citation_publisher" content="Test Press">',
    )
    [loaded] = list(read_source(page, "html", ReadContext()))
    assert loaded.article is None
    assert "the page names no journal" in loaded.problems[0]


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="DC.Type" content="Preprint">',
        '<meta name="dc.type" content="info:eu-repo/semantics/preprint">',
        '<meta name="citation_journal_title" content="medRxiv">',
    ],
)
def test_a_dublin_core_type_or_medrxiv_says_preprint(tmp_path: Path, head: str) -> None:
    article, warnings = _read(
        _page(tmp_path, '<meta name="citation_title" content="T">' + head + _JOURNAL)
    )
    assert article.preprint is True
    assert any(w.endswith("the article is read as a preprint") for w in warnings), warnings


def test_a_journal_article_s_page_is_no_preprint(tmp_path: Path) -> None:
    """Nothing else makes a preprint: a journal's page on any host, OJS's DC.Type
    'Text.Serial.Journal', a journal whose name holds the word, another generator. JSON-LD's
    creativeWorkStatus of another value is said as not carried, as before."""
    head = (
        '<meta name="citation_title" content="T">'
        '<meta name="citation_journal_title" content="Preprint Studies Quarterly">'
        '<meta name="DC.Type" content="Text.Serial.Journal">'
        '<meta name="generator" content="Open Journal Systems 3.3.0.13">'
        '<meta name="citation_abstract_html_url" '
        'content="https://www.biorxiv.org/content/10.1101/2020.01.01.000001v1">'
        '<script type="application/ld+json">{"@type": "ScholarlyArticle", "headline": "T", '
        '"creativeWorkStatus": "Published"}</script>'
    )
    article, warnings = _read(_page(tmp_path, head))
    assert article.preprint is False
    assert not [w for w in warnings if w.endswith("read as a preprint")], warnings
    assert (
        "JSON-LD creativeWorkStatus 'Published': not carried (the article model has no place "
        "for it)" in warnings
    )


@pytest.mark.parametrize(
    ("head", "server_id"),
    [
        ("", "2020.02.03.123456"),
        (
            '<meta name="citation_title" content="T">'
            '<meta name="citation_journal_title" content="bioRxiv">'
            '<meta name="citation_doi" content="10.1101/515643">'
            '<meta name="citation_firstpage" content="515643">',
            "515643",
        ),
    ],
)
def test_a_preprint_s_id_as_its_first_page_is_its_publisher_id(
    run, tmp_path: Path, head: str, server_id: str
) -> None:
    """bioRxiv writes the preprint's own id as citation_firstpage ('2020.02.03.123456'; an
    older preprint's, '515643', is its DOI's suffix): it was written as the article's
    elocation-id (or first page), an article number a preprint has not. It is the article's
    publisher-id now, said."""
    page = _page(tmp_path, head) if head else PAGES / "biorxiv-preprint.html"
    article, warnings = _read(page)
    assert article.ids.publisher_id == server_id
    assert article.elocation_id is None and article.fpage is None
    said = (
        f"citation_firstpage {server_id!r} is the preprint's id on its server, no page or "
        "article number: written as its publisher-id"
    )
    assert said in warnings
    out = tmp_path / "out"
    result = run("convert", page, "-o", out, "--tag-set", "archiving")
    assert result.code == 0, result.err
    written = etree.parse(str(next(out.glob("*.xml"))))
    assert written.xpath("string(//article-meta/article-id[@pub-id-type='publisher-id'])") == (
        server_id
    )
    assert not written.xpath("//article-meta/elocation-id | //article-meta/fpage")


def test_a_journal_article_s_first_page_is_still_its_number(tmp_path: Path) -> None:
    """A journal's article whose first page looks like a server's id keeps it as before."""
    head = (
        '<meta name="citation_title" content="T">' + _JOURNAL
        + '<meta name="citation_firstpage" content="2020.02.03.123456">'
    )  # fmt: skip
    article, warnings = _read(_page(tmp_path, head))
    assert article.elocation_id == "2020.02.03.123456"
    assert article.ids.publisher_id is None
    assert not [w for w in warnings if "publisher-id" in w]


def test_a_page_of_json_ld_alone_is_read(tmp_path: Path, run) -> None:
    """A page whose head holds JSON-LD and nothing else (no meta tag, no visible text), as a
    script saves a preprint server's record: read from its JSON-LD, as the README says a page
    of JSON-LD alone is; it was refused as 'no meta tags and no text'. A page holding nothing
    at all still is."""
    record = (
        '{"@context": "https://schema.org", "@type": "ScholarlyArticle", "headline": "A JSON-LD '
        'preprint", "author": [{"@type": "Person", "givenName": "Ann", "familyName": "Roe"}], '
        '"datePublished": "2026-11-20", "creativeWorkStatus": "Preprint", "publisher": '
        '{"@type": "Organization", "name": "Test Preprint Server"}}'
    )
    page = tmp_path / "page.html"
    page.write_text(
        f'<html><head><script type="application/ld+json">{record}</script></head>'
        "<body></body></html>",
        "utf-8",
    )
    article, warnings = _read(page)
    assert article.preprint is True
    assert article.title == {"en": "A JSON-LD preprint"}
    assert "JSON-LD creativeWorkStatus 'Preprint': the article is read as a preprint" in warnings
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head></head><body></body></html>", "utf-8")
    result = run("convert", empty, "--from", "html")
    assert result.code == 3
    assert result.err.strip() == f"{empty}: no meta tags and no text: not an article page"


def test_highwire_s_full_text_tag_is_the_html_version(tmp_path: Path) -> None:
    """bioRxiv (HighWire) names its full-text page citation_full_html_url: it is the article's
    HTML version, as citation_fulltext_html_url is, not said as having no place in the model."""
    article, warnings = _read(PAGES / "biorxiv-preprint.html")
    assert [(link.type, link.url) for link in article.self_uri if link.type == "html"] == [
        ("html", "https://preprints.example.org/content/10.5555/2020.02.03.123456v1.full")
    ]
    assert not [w for w in warnings if "citation_full_html_url" in w]
