"""Landing pages: the seed article's page converts alone, with the same facts as its YAML."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from conftest import SAMPLES, SEED, xmllint
from converter.readers import ReadContext, detect_format, read_source

PAGE = SAMPLES / "html" / "2018-1" / "streltsov-110.html"
NS = {"xlink": "http://www.w3.org/1999/xlink", "ali": "http://www.niso.org/schemas/ali/1.0/"}

# What the seed page and the YAML sample both state, as XPath into the JATS output.
FACTS = [
    "//journal-meta//journal-title",
    "//issn[@publication-format='print']",
    "//issn[@publication-format='electronic']",
    "//title-group/article-title",
    "//contrib[@contrib-type='author']//surname",
    "//contrib[@contrib-type='author']//given-names",
    "//aff/country/@country",
    "//article-meta/volume",
    "//article-meta/issue",
    "//article-meta/fpage",
    "//article-meta/lpage",
    "//article-meta/pub-date/year",
    "//license/@xlink:href",
    "//license/ali:license_ref",
    "//article-meta/abstract/p",
    "//ref-list/ref/@id",
    "//ref-list/ref//mixed-citation",
    "//subj-group/subject",
    "//kwd-group/kwd",
    "//abbrev-journal-title",
]


def _values(tree: etree._ElementTree, xpath: str) -> list[str]:
    return [
        "".join(node.itertext()) if isinstance(node, etree._Element) else str(node)
        for node in tree.xpath(xpath, namespaces=NS)
    ]


def test_seed_page_converts_alone_with_the_facts_of_the_yaml_sample(
    run, tmp_path: Path, store
) -> None:
    assert detect_format(PAGE) == "html"
    page_out, yaml_out = tmp_path / "page", tmp_path / "yaml"
    result = run("convert", PAGE, "-o", page_out)
    assert result.code == 0, result.err
    assert "warning" not in result.err  # the page states which ISSN is which
    assert run("convert", SEED, "-o", yaml_out).code == 0
    page = etree.parse(str(page_out / "streltsov-110.xml"))
    seed = etree.parse(str(yaml_out / "streltsov-110.xml"))
    check = xmllint(page_out / "streltsov-110.xml", store.catalog)
    assert check.returncode == 0, check.stderr
    for xpath in FACTS:
        assert _values(page, xpath), xpath
        assert _values(page, xpath) == _values(seed, xpath), xpath
    assert len(page.xpath("//ref-list/ref")) == 6
    assert _values(page, "//issn") == ["2658-6444", "2658-6789"]
    assert _values(page, "//aff/country") == ["Russian Federation"]
    assert "Attribution 4.0" in _values(page, "//license-p")[0]


def test_meta_tags_alone_suffice(tmp_path: Path, journal_file: Path) -> None:
    """A page without visible abstract or references: DC.Description and citation_reference."""
    page = tmp_path / "page.html"
    page.write_text(
        """<html lang="ru"><head>
<meta name="citation_title" content="Заглавие">
<meta name="DC.Title.Alternative" xml:lang="en" content="The title">
<meta name="citation_author" content="Иванов, Иван Иванович">
<meta name="citation_author_institution" content="MGIMO University, Moscow, Russia">
<meta name="citation_author_orcid" content="https://orcid.org/0000-0002-1825-0097">
<meta name="citation_author" content="Smith J.">
<meta name="citation_publication_date" content="2020/03/05">
<meta name="citation_doi" content="10.5555/test.2020.1">
<meta name="DC.Identifier.pageNumber" content="5-9">
<meta name="DC.Description" xml:lang="ru"
 content="&lt;p&gt;Один &lt;em&gt;абзац&lt;/em&gt;.&lt;/p&gt;">
<meta name="DC.Description" xml:lang="en" content="One paragraph.">
<meta name="citation_keywords" xml:lang="en" content="one; two">
<meta name="citation_reference" content="First reference.">
<meta name="citation_pdf_url" content="https://example.org/a.pdf">
</head><body><p>No article text here.</p></body></html>""",
        encoding="utf-8",
    )
    [loaded] = list(read_source(page, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.language == "ru"
    assert article.title == {"ru": "Заглавие", "en": "The title"}
    assert article.journal.title == {"en": "Test Journal"}  # from the journal file beside it
    first, second = article.authors
    assert first.name["ru"].surname == "Иванов" and first.name["ru"].given == "Иван Иванович"
    assert first.orcid == "https://orcid.org/0000-0002-1825-0097"
    assert second.name["ru"].surname == "Smith" and second.name["ru"].given == "J."
    aff = article.affiliations[0]
    assert aff.country == "RU" and aff.institution == {"ru": "MGIMO University, Moscow"}
    assert article.published.electronic == "2020-03-05"
    assert (article.fpage, article.lpage) == ("5", "9")
    assert article.abstract == {"ru": ["Один <i>абзац</i>."], "en": ["One paragraph."]}
    assert article.keywords == {"en": ["one", "two"]}
    assert [r.text for r in article.references] == [{"ru": "First reference."}]
    assert article.self_uri[0].url == "https://example.org/a.pdf"


def test_missing_journal_data_is_one_line_per_field(run, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta name="citation_title" content="T">'
        '<meta name="citation_journal_title" content="J"></head><body></body></html>',
        encoding="utf-8",
    )
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 3
    # the ISSN is required by the output's tag set (Journal Publishing), not by the model
    assert result.err.strip().startswith(f"{page}: journal.issn: no ISSN, which the JATS Journal")
    assert "--tag-set archiving" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_untyped_issns_are_reported(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta name="citation_title" content="T">'
        '<meta name="citation_journal_title" content="J">'
        '<meta name="citation_issn" content="2658-6444"></head><body></body></html>',
        encoding="utf-8",
    )
    [loaded] = list(read_source(page, "html", ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.journal.issn.electronic == "2658-6444"
    assert loaded.warnings == ["the page does not say which ISSN 2658-6444 is: taken as electronic"]


def test_entities_and_scripts_in_a_page_are_inert(tmp_path: Path, journal_file: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<html><head><meta name="citation_title" content="T &xxe;">'
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body>'
        '<section class="item abstract"><h2>Abstract</h2><p>Safe &xxe; text'
        "<script>document.write(1)</script></p></section></body></html>",
        encoding="utf-8",
    )
    [loaded] = list(read_source(page, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    text = loaded.article.title["en"] + " ".join(loaded.article.abstract["en"])
    assert "root:" not in text
    assert "document.write" not in text
    assert any("<script>" in w for w in loaded.warnings)


def test_empty_or_textless_page_is_one_line(run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = run("convert", empty, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip() == f"{empty}: empty file: not an HTML page"
    bare = tmp_path / "bare.html"
    bare.write_text("<html><body></body></html>", encoding="utf-8")
    result = run("convert", bare, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip() == f"{bare}: no meta tags and no text: not an article page"


def test_a_wrong_orcid_on_a_page_is_left_out_not_the_article(tmp_path: Path) -> None:
    """A landing page someone else keeps may carry an ORCID iD whose checksum fails: the
    article converts without it, and the line says which and why (it was refused whole)."""
    page = tmp_path / "page.html"
    text = (SAMPLES / "html" / "2018-1" / "streltsov-110.html").read_text(encoding="utf-8")
    text = text.replace(
        '<meta name="citation_author" content="D. V. Streltsov"/>',
        '<meta name="citation_author" content="D. V. Streltsov"/>\n'
        '\t<meta name="citation_author_orcid" content="0000-0002-1825-0098"/>',
    )
    page.write_text(text, encoding="utf-8")
    journal = SAMPLES / "russian-japanology-review" / "journal.yaml"
    (tmp_path / "journal.yaml").write_text(journal.read_text(encoding="utf-8"), encoding="utf-8")
    [loaded] = list(read_source(page, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.authors[0].orcid is None
    assert any(
        "citation_author_orcid: checksum fails" in str(w) and "left out" in str(w)
        for w in loaded.warnings
    ), loaded.warnings
