"""Landing pages: the seed article's page converts alone, with the same facts as its YAML."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
import yaml
from lxml import etree

from conftest import DATA, SAMPLES, SEED, xmllint
from converter.notices import DROPPED, SIMPLIFIED
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
    # in Latin letters in a Russian article: English (OJS 2 writes it in the interface's language)
    assert aff.country == "RU" and aff.institution == {"en": "MGIMO University, Moscow"}
    assert article.published.electronic == "2020-03-05"
    assert (article.fpage, article.lpage) == ("5", "9")
    assert article.abstract == {"ru": ["Один <i>абзац</i>."], "en": ["One paragraph."]}
    assert article.keywords == {"en": ["one", "two"]}
    # a reference in Latin letters only in a Russian article: English, as OJS citations are
    assert [r.text for r in article.references] == [{"en": "First reference."}]
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


def _read_page(tmp_path: Path, head: str, body: str = "") -> tuple[object, list[str]]:
    """A page written for the test: ``head`` meta tags, ``body`` markup."""
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head>{head}</head><body>{body or '<p>Text.</p>'}</body></html>", encoding="utf-8"
    )
    [loaded] = list(read_source(page, "html", ReadContext()))
    assert loaded.article is not None, loaded.problems
    return loaded.article, [str(w) for w in loaded.warnings]


TITLE = '<meta name="citation_title" content="T"><meta name="citation_journal_title" content="J">'


def test_references_ojs_prints_unparsed_are_one_a_line(tmp_path: Path) -> None:
    """OJS shows citations it has not parsed as one text with <br> between them (nl2br), as many
    Russian journals on OJS 3.1-3.3 do: each line is a reference, the heading none."""
    article, _ = _read_page(
        tmp_path,
        TITLE,
        '<div class="item references"><h3 class="label">References</h3><div class="value">'
        "Ivanov I. I. First book. Moscow, 2018. 200 p.<br />\n"
        "Petrov P. Second paper // Journal. 2019. No. 2. P. 5-9.<br />\n"
        "Smith J. (2020). Third. Publisher.</div></div>",
    )
    assert [r.text for r in article.references] == [
        {"en": "Ivanov I. I. First book. Moscow, 2018. 200 p."},
        {"en": "Petrov P. Second paper // Journal. 2019. No. 2. P. 5-9."},
        {"en": "Smith J. (2020). Third. Publisher."},
    ]


def test_references_ojs_prints_with_the_russian_list_and_its_references_list(
    tmp_path: Path,
) -> None:
    """A Russian journal's citations box printed as typed: the heading lines between the two
    lists are no references, and each reference has its Russian and Latin-script forms."""
    article, warnings = _read_page(
        tmp_path,
        TITLE,
        '<div class="item references"><h3 class="label">References</h3><div class="value">'
        "Список литературы<br />\n"
        "Иванов И. И. Первая книга. М., 2018. 200 с.<br />\n"
        "Smith J. (2020). Third. Publisher.<br />\n"
        "References<br />\n"
        "Ivanov I. I. Pervaya kniga [First book]. Moscow, 2018. 200 p.<br />\n"
        "Smith J. (2020). Third. Publisher.</div></div>",
    )
    assert [r.text for r in article.references] == [
        {
            "ru": "Иванов И. И. Первая книга. М., 2018. 200 с.",
            "en": "Ivanov I. I. Pervaya kniga [First book]. Moscow, 2018. 200 p.",
        },
        {"en": "Smith J. (2020). Third. Publisher."},
    ]
    assert any("references: the headings 'Список литературы', 'References'" in w for w in warnings)


def test_typed_list_numbers_become_labels_when_they_run_from_one(tmp_path: Path) -> None:
    """Numbers typed in the lines of a printed citations box are the list's when they run 1,
    2, 3 …: kept as the references' labels (as the OJS export's are), in both lists of a box
    numbered from 1 each too; numbers that do not are taken out of the text, as before."""

    def page(*lines: str) -> tuple[object, list[str]]:
        body = "<br />\n".join(lines)
        return _read_page(
            tmp_path, TITLE, f'<div class="item references"><div class="value">{body}</div></div>'
        )

    article, _ = page("1. Smith J. First. Publisher, 2018.", "2. Brown K. Second. Press, 2019.")
    assert [(r.label, r.text) for r in article.references] == [
        ("1.", {"en": "Smith J. First. Publisher, 2018."}),
        ("2.", {"en": "Brown K. Second. Press, 2019."}),
    ]
    article, warnings = page(
        "1. Иванов И. И. Первая книга. М., 2018. 200 с.",
        "2. Smith J. (2020). Third. Publisher.",
        "1. Ivanov I. I. Pervaya kniga [First book]. Moscow, 2018. 200 p.",
        "2. Smith J. (2020). Third. Publisher.",
    )
    assert [(r.label, r.text) for r in article.references] == [
        (
            "1.",
            {
                "ru": "Иванов И. И. Первая книга. М., 2018. 200 с.",
                "en": "Ivanov I. I. Pervaya kniga [First book]. Moscow, 2018. 200 p.",
            },
        ),
        ("2.", {"en": "Smith J. (2020). Third. Publisher."}),
    ]
    assert any("two lists numbered from 1" in w for w in warnings)
    article, _ = page("3. Smith J. First. Publisher, 2018.", "7. Brown K. Second. Press, 2019.")
    assert [(r.label, r.text) for r in article.references] == [
        (None, {"en": "Smith J. First. Publisher, 2018."}),
        (None, {"en": "Brown K. Second. Press, 2019."}),
    ]


def test_citation_reference_tags_of_an_ojs_citations_box_with_both_lists(tmp_path: Path) -> None:
    """OJS's Google Scholar plugin writes a citation_reference tag for each line of the
    citations box: headings and both lists of a Russian journal too. Read as the visible list
    is: the headings left out, the two lists one list in two forms, the numbers labels."""
    lines = [
        "Список литературы",
        "1. Иванов И. И. Первая книга. М., 2018. 200 с.",
        "2. Smith J. (2020). Third. Publisher.",
        "References",
        "1. Ivanov I. I. Pervaya kniga [First book]. Moscow, 2018. 200 p.",
        "2. Smith J. (2020). Third. Publisher.",
    ]
    tags = "".join(f'<meta name="citation_reference" content="{line}">' for line in lines)
    article, warnings = _read_page(tmp_path, TITLE + tags)
    assert [(r.label, r.text) for r in article.references] == [
        (
            "1.",
            {
                "ru": "Иванов И. И. Первая книга. М., 2018. 200 с.",
                "en": "Ivanov I. I. Pervaya kniga [First book]. Moscow, 2018. 200 p.",
            },
        ),
        ("2.", {"en": "Smith J. (2020). Third. Publisher."}),
    ]
    assert any(
        w.startswith("citation_reference: the headings 'Список литературы', 'References'")
        for w in warnings
    )


def test_citation_reference_tags_of_a_ukrainian_citations_box(tmp_path: Path) -> None:
    """A Ukrainian journal's box (its DSTU list, then its Russian-style "References"), a tag a
    line: one list in two forms, the Ukrainian one under uk, the numbers labels."""
    lists = yaml.safe_load((DATA / "ukrainian-reference-lists.yaml").read_text(encoding="utf-8"))
    lines = ["Список літератури", *lists["dstu"], "References", *lists["russian-style"]]
    tags = "".join(f'<meta name="citation_reference" content="{escape(line)}">' for line in lines)
    article, warnings = _read_page(tmp_path, TITLE + tags)
    assert [r.label for r in article.references] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert article.references[3].text == {
        "uk": lists["dstu"][3][3:],
        "en": lists["russian-style"][3][3:],
    }
    assert article.references[5].text == {"en": lists["dstu"][5][3:]}
    assert any("forms of 6 references" in w for w in warnings)


RUSSIAN_PAGE = (
    '<html lang="ru"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    '<meta name="citation_title" content="Российско-японские отношения">'
    '<meta name="citation_journal_title" content="J"></head><body><p>Текст.</p></body></html>'
)


@pytest.mark.parametrize(
    ("charset", "encoding", "said"),
    [
        ("windows-1251", "cp1251", None),
        # converted to UTF-8 (as the README asks of YAML files), the meta tag left as it was
        ("windows-1251", "utf-8", "the page declares charset windows-1251 but its text is UTF-8"),
        ("utf-8", "cp1251", "the page declares charset utf-8 but its text is Windows-1251"),
        ("win-1251", "cp1251", "the page's charset 'win-1251' is no known encoding but its text"),
        ("utf-8", "utf-16", None),  # with its byte-order mark
        ("utf-8", "utf-16-le", None),  # without
    ],
)
def test_a_page_is_read_in_the_encoding_its_text_is_in(
    tmp_path: Path, charset: str, encoding: str, said: str | None
) -> None:
    """A page whose bytes are not in the charset it declares is read as meant and said so,
    never as mojibake ("Р РѕСЃСЃРёР№…") or U+FFFD."""
    page = tmp_path / "page.html"
    page.write_bytes(RUSSIAN_PAGE.format(charset=charset).encode(encoding))
    [loaded] = list(read_source(page, "html", ReadContext()))
    assert loaded.article.title == {"ru": "Российско-японские отношения"}
    notes = [w for w in loaded.warnings if "charset" in w]
    assert len(notes) == (1 if said else 0)
    assert all(w.startswith(said) for w in notes)
    assert all(w.kind == SIMPLIFIED for w in notes)


def test_a_page_that_is_no_text_is_refused_in_one_line(run, tmp_path: Path) -> None:
    """A PDF saved under an .html name, and a UTF-8 page with many bytes that are not UTF-8,
    are refused by name; one stray byte (a description cut inside a letter) is read as
    U+FFFD and said as data dropped."""
    pdf = tmp_path / "article.html"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n")
    result = run("convert", pdf, "-o", tmp_path / "out")
    assert (result.code, result.err.strip()) == (3, f"{pdf}: a PDF file, not an HTML page")
    page = tmp_path / "page.html"
    body = f'<html><head><meta charset="utf-8">{TITLE}'
    page.write_bytes(body.encode() + b'<meta name="description" content="Cut \xc3"></head></html>')
    [loaded] = list(read_source(page, "html", ReadContext()))
    assert loaded.article is not None
    [stray] = [w for w in loaded.warnings if "not UTF-8" in w]
    assert stray.startswith("bytes that are not UTF-8 (line 1, byte ") and stray.kind == DROPPED
    page.write_bytes(body.encode() + b"\x81\x82\x83\x84 \x85 \x86</head></html>")
    [refused] = list(read_source(page, "html", ReadContext()))
    assert refused.problems[0].startswith(f"{page}: the page declares charset utf-8, and not UTF-8")


def test_a_page_that_reads_as_windows_1251_but_has_a_byte_it_lacks_is_no_crash(
    run, tmp_path: Path
) -> None:
    """A UTF-8 page with one stray byte whose Cyrillic letters make it look like Windows-1251
    (a long run of 'Ж' is D0 96 D0 96…, 'Р–Р–' there) but holds a byte no Windows-1251
    character is (0x98, of 'И' = D0 98), and a Windows-1251 page with that byte, once ended in
    an internal error (exit 70): the first is read as UTF-8 with the stray byte as U+FFFD, said
    as data dropped; the second is refused in one line naming the file."""
    head = f"<html><head>{TITLE}".encode()
    page = tmp_path / "page.html"
    page.write_bytes(head + ("<p>" + "Ж" * 50 + "И").encode() + b"\xff" + b"</p></head></html>")
    [loaded] = list(read_source(page, "html", ReadContext()))
    assert loaded.article is not None
    [stray] = [w for w in loaded.warnings if "not UTF-8" in w]
    assert stray.startswith("bytes that are not UTF-8 (line 1, byte ") and stray.kind == DROPPED
    russian = "<p>Российско-японские отношения: новые возможности</p>".encode("cp1251")
    page.write_bytes(head + russian.replace(b" ", b"\x98", 1) + b"</head></html>")
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 3
    [line] = result.err.strip().splitlines()
    assert line.startswith(f"{page}: no charset is declared, and not UTF-8 text (line 1, byte ")
    assert "reads as Windows-1251" in line


def test_reference_list_items_without_the_links_beside_them(tmp_path: Path) -> None:
    """PLOS and Nature show links under each reference (View Article, PubMed, Google Scholar;
    Article, CAS) and a number label; ScienceDirect sets a reference's title as <h3>. One
    reference per list item, its text only (they were references of their own)."""
    article, _ = _read_page(
        tmp_path,
        TITLE,
        '<h2>References</h2><ol class="references">'
        '<li id="ref1"><span class="order">1. </span><a class="link-target"></a>'
        "Roe A (2006) A paper. J Test 5: 1-9. "
        '<ul class="reflinks"><li><a href="#">View Article</a></li>'
        '<li><a href="#">Google Scholar</a></li></ul></li>'
        '<li><p class="c-article-references__text">Doe, B. Another. <i>Nat</i>. 9, 6 (2020).</p>'
        '<p class="c-article-references__links"><a href="#">Article</a> <a href="#">CAS</a></p>'
        "</li>"
        '<li class="bib-reference"><span class="author">Poe C.</span><h3>A titled one</h3>'
        '<span class="host">Biol. Cons. (2005)</span><button>Show</button></li></ol>',
    )
    assert [r.text["en"] for r in article.references] == [
        "Roe A (2006) A paper. J Test 5: 1-9.",
        "Doe, B. Another. Nat. 9, 6 (2020).",
        "Poe C. A titled one Biol. Cons. (2005)",
    ]


def test_structured_citation_reference_tags_are_written_out(tmp_path: Path) -> None:
    """PLOS and Nature write citation_reference as 'citation_title=…; citation_author=…': it is
    written out as a reference, not kept as key=value text. The tags are read when they hold more
    references than the page shows, which is said."""
    article, warnings = _read_page(
        tmp_path,
        TITLE
        + '<meta name="citation_reference" content="citation_title=A paper;citation_author=A Roe;'
        "citation_author=B Doe;citation_journal_title=J Test;citation_volume=5;citation_issue=2;"
        'citation_first_page=1;citation_last_page=9;citation_publication_date=2006;">'
        '<meta name="citation_reference" content="citation_journal_title=Nat.; citation_title='
        "Another; citation_author=B Doe; citation_volume=9; citation_publication_date=2020; "
        'citation_pages=6; citation_doi=10.5555/x.1;">',
        '<ol class="references"><li>Roe A (2006) A paper.</li></ol>',
    )
    assert [r.text["en"] for r in article.references] == [
        "A Roe, B Doe (2006). A paper. J Test, 5(2), 1–9.",
        "B Doe (2020). Another. Nat., 9, 6. doi:10.5555/x.1.",
    ]
    assert any(
        "the page shows 1 references and its citation_reference tags 2: the tags are read" in w
        for w in warnings
    ), warnings


def test_keywords_of_other_languages_come_from_dc_subject(tmp_path: Path) -> None:
    """OJS 3.1-3.3 writes citation_keywords in the reader's interface language only and every
    language's keywords as DC.Subject: a Russian article saved in the English interface keeps
    its Russian keywords (they were dropped)."""
    article, _ = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_language" content="ru">'
        '<meta name="citation_keywords" xml:lang="en" content="Japan">'
        '<meta name="citation_keywords" xml:lang="en" content="economy">'
        '<meta name="DC.Subject" xml:lang="ru" content="Япония">'
        '<meta name="DC.Subject" xml:lang="ru" content="экономика">'
        '<meta name="DC.Subject" xml:lang="en" content="Japan">'
        '<meta name="DC.Subject" xml:lang="en" content="economy">',
    )
    assert article.keywords == {"en": ["Japan", "economy"], "ru": ["Япония", "экономика"]}


def test_dates_as_platforms_write_them(tmp_path: Path) -> None:
    """PLOS writes 'Apr 22, 2019' (it was left out); Nature's citation_online_date is the online
    publication and its citation_publication_date the issue's month (the online date was
    dropped)."""
    article, warnings = _read_page(
        tmp_path, TITLE + '<meta name="citation_date" content="Apr 22, 2019">'
    )
    assert article.published.electronic == "2019-04-22", warnings
    article, _ = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_publication_date" content="2021/08">'
        '<meta name="citation_online_date" content="2021/07/15">',
    )
    assert (article.published.electronic, article.published.collection) == ("2021-07-15", "2021-08")
    article, _ = _read_page(tmp_path, TITLE + '<meta name="citation_date" content="22 May 2020">')
    assert article.published.electronic == "2020-05-22"
    _, warnings = _read_page(tmp_path, TITLE + '<meta name="citation_date" content="Spring">')
    assert any("publication date 'Spring' not understood" in w for w in warnings)


def test_emails_and_abbreviations_someone_else_wrote(tmp_path: Path) -> None:
    """bioRxiv writes 'name{at}host' (the article was refused: not an e-mail address); a wrong
    e-mail is said and left out. OJS 3.1-3.2 wrote citation_journal_abbrev '1': left out."""
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_journal_abbrev" content="1">'
        '<meta name="citation_author" content="Roe, Ann">'
        '<meta name="citation_author_email" content="ann.roe{at}example.edu">'
        '<meta name="citation_author" content="Doe, Bob">'
        '<meta name="citation_author_email" content="bob at example">',
    )
    assert [a.email for a in article.authors] == ["ann.roe@example.edu", None]
    assert any("citation_author_email 'bob at example': not an e-mail" in w for w in warnings)
    assert article.journal.abbrev_title is None
    assert any("citation_journal_abbrev '1': not an abbreviation" in w for w in warnings)


def test_a_doi_without_prefix_and_ojs_empty_copyright(tmp_path: Path) -> None:
    """Project Euclid writes citation_doi without its prefix and the DOI in DC.Identifier
    scheme="doi": that one is taken, the other said (the article was refused). A page whose DOIs
    are all wrong converts without one. OJS 3.0-3.2 writes DC.Rights 'Copyright (c)' with an
    empty year and holder: no copyright statement is made of it."""
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_doi" content="ade/1391109086">'
        '<meta name="dc.Identifier" content="10.5555/ade/1391109086" scheme="doi">'
        '<meta name="DC.Rights" content="Copyright (c)  ">',
    )
    assert article.doi == "10.5555/ade/1391109086"
    assert any(
        "citation_doi: not a DOI" in w and "the DOI 10.5555/ade/1391109086 of dc.Identifier" in w
        for w in warnings
    ), warnings
    assert article.copyright is None or not article.copyright.statement
    article, warnings = _read_page(tmp_path, TITLE + '<meta name="citation_doi" content="n/a">')
    assert article.doi is None
    assert any("citation_doi: not a DOI" in w and w.endswith("left out") for w in warnings)


def test_texts_in_the_language_of_the_interface_the_page_was_saved_in(tmp_path: Path) -> None:
    """OJS 2 writes citation_title and DC.Title, and OJS 3 shows the abstract, in the language
    of the interface the page was saved in; the other languages' titles and abstracts are
    tagged. A Russian article saved in English had its English title and abstract under
    Russian, and its Russian abstract was dropped."""
    article, _ = _read_page(
        tmp_path,
        '<meta name="citation_journal_title" content="J">'
        '<meta name="citation_language" content="ru">'
        '<meta name="citation_title" content="The economy of Japan">'
        '<meta name="DC.Title" content="The economy of Japan">'
        '<meta name="DC.Title.Alternative" xml:lang="ru" content="Экономика Японии">'
        '<meta name="DC.Description" xml:lang="ru" content="Русский текст.">'
        '<meta name="DC.Description" xml:lang="en" content="English text.">',
        '<div id="articleAbstract"><h4>Abstract</h4><div>English <em>text</em>.</div></div>',
    )
    assert article.title == {"en": "The economy of Japan", "ru": "Экономика Японии"}
    assert article.abstract == {"en": ["English <i>text</i>."], "ru": ["Русский текст."]}
    # the article's own title, untagged, stays the article's (OJS 3.3+ writes it so)
    article, _ = _read_page(
        tmp_path,
        '<meta name="citation_journal_title" content="J">'
        '<meta name="citation_language" content="ru">'
        '<meta name="citation_title" content="Экономика Японии">'
        '<meta name="DC.Title.Alternative" xml:lang="en" content="The economy of Japan">',
    )
    assert article.title == {"ru": "Экономика Японии", "en": "The economy of Japan"}
    # a Latin-script title of a Russian article with no other title is the article's
    article, _ = _read_page(
        tmp_path,
        '<meta name="citation_journal_title" content="J"><meta name="citation_language" '
        'content="ru"><meta name="citation_title" content="Homo economicus">',
    )
    assert article.title == {"ru": "Homo economicus"}


def test_one_keyword_list_and_one_untagged_title_per_language(tmp_path: Path) -> None:
    """Sites that are not OJS write the keywords as one ','-separated list (they were one
    keyword) and a title per language without xml:lang (the second was dropped)."""
    article, _ = _read_page(
        tmp_path,
        '<meta name="citation_journal_title" content="J">'
        '<meta name="citation_language" content="ru">'
        '<meta name="citation_title" content="Экономика Японии">'
        '<meta name="citation_title" content="The economy of Japan">'
        '<meta name="citation_keywords" content="Япония, экономика, рост">',
    )
    assert article.title == {"ru": "Экономика Японии", "en": "The economy of Japan"}
    assert article.keywords == {"ru": ["Япония", "экономика", "рост"]}
    # one keyword per tag: a comma stays inside its keyword
    article, _ = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_keywords" content="Japan, economy of">'
        '<meta name="citation_keywords" content="growth">',
    )
    assert article.keywords == {"en": ["Japan, economy of", "growth"]}


def test_keywords_separated_by_full_stops_and_subjects_with_commas(tmp_path: Path) -> None:
    """Russian journals type their keyword list with full stops between the keywords, in one
    tag (it was one keyword): split per language where a full stop ends a word and a word
    follows, said; an abbreviation's full stop ('U.S.', 'им.') splits nothing, and a final
    full stop is no part of the last keyword. A DC.Subject is one subject (Springer's
    'Physics, general' became the keywords 'Physics' and 'general'), and JSON-LD's keywords
    that are its text split otherwise are no other keywords."""
    article, warnings = _read_page(
        tmp_path,
        RU + '<meta name="citation_keywords" xml:lang="ru" '
        'content="Япония. Экономика. МГУ им. Ломоносова.">'
        '<meta name="citation_keywords" xml:lang="en" content="Japan. U.S. economy. Growth">',
    )
    assert article.keywords == {
        "ru": ["Япония", "Экономика", "МГУ им. Ломоносова"],
        "en": ["Japan", "U.S. economy", "Growth"],
    }
    assert (
        "citation_keywords[ru] 'Япония. Экономика. МГУ им. Ломоносова.': keywords separated by "
        "full stops: read as 3 keywords" in warnings
    )
    # one keyword a tag: a full stop stays inside its keyword
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_keywords" content="Culture. Science. Education">'
        '<meta name="citation_keywords" content="growth.">',
    )
    assert article.keywords == {"en": ["Culture. Science. Education", "growth"]}
    assert not any("full stops" in w for w in warnings)
    # Springer's JSON-LD gives it as a ','-separated string: the same text, nothing said
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="dc.subject" content="Physics, general">'
        '<script type="application/ld+json">{"@type": "ScholarlyArticle", "headline": "T", '
        '"keywords": "Physics, general"}</script>',
    )
    assert article.keywords == {"en": ["Physics, general"]}
    assert not any(w.startswith("keywords[en]") for w in warnings), warnings


def test_copyright_holders_as_publishers_write_them(tmp_path: Path) -> None:
    """Taylor & Francis writes 'All rights reserved' inside its DC.Rights line, Elsevier
    'Published by …' after the holder or as the line: they were part of the holder ('Informa
    UK Ltd All rights reserved: reproduction in whole or part not permitted', 'The Author(s).
    Published by Elsevier Ltd', 'Published by Elsevier B.V')."""
    holders = []
    for line in (
        "© 2008 Informa UK Ltd All rights reserved: reproduction in whole or part not permitted",
        "© 2023 The Author(s). Published by Elsevier Ltd.",
        "Copyright © 1997 Published by Elsevier B.V.",
    ):
        article, _ = _read_page(tmp_path, TITLE + f'<meta name="dc.Rights" content="{line}">')
        holders.append((article.copyright.year, article.copyright.holder["en"]))
        assert article.copyright.statement == {"en": line}
    assert holders == [(2008, "Informa UK Ltd"), (2023, "The Author(s)"), (1997, "Elsevier B.V.")]


def test_plain_dublin_core_creator_date_and_copyright(tmp_path: Path) -> None:
    """Nature's news pages name their author in dc.creator and their date in dc.date only
    (both were dropped); dc.rights is the statement before dc.copyright, and 'All Rights
    Reserved' is no part of the holder. A dc.creator that is a link is said and left out."""
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="dc.date" content="2020-09-10">'
        '<meta name="dc.creator" content="Ann Roe">'
        '<meta name="dc.creator" content="https://example.org/roe">'
        '<meta name="dc.copyright" content="2020 Nature">'
        '<meta name="dc.rights" content="©2020 Example Publishers Limited. All Rights Reserved.">',
    )
    assert [(a.name["en"].surname, a.name["en"].given) for a in article.authors] == [("Roe", "Ann")]
    assert article.published.electronic == "2020-09-10"
    assert article.copyright.year == 2020
    assert article.copyright.holder == {"en": "Example Publishers Limited"}
    assert article.copyright.statement == {
        "en": "©2020 Example Publishers Limited. All Rights Reserved."
    }
    assert any("a link, not a name: left out" in w for w in warnings)
    assert not any("dc.creator" in w and "not carried" in w for w in warnings)


def test_the_section_is_in_the_journals_language(tmp_path: Path) -> None:
    """OJS writes DC.Type.articleType in the journal's primary language, untagged: a Russian
    journal's English article had 'Статьи' as its English section."""
    article, _ = _read_page(tmp_path, TITLE + '<meta name="DC.Type.articleType" content="Статьи">')
    assert article.section == {"ru": "Статьи"}
    article, _ = _read_page(
        tmp_path, TITLE + '<meta name="DC.Type.articleType" content="Articles">'
    )
    assert article.section == {"en": "Articles"}


def test_orcid_links_shown_beside_the_authors(tmp_path: Path) -> None:
    """OJS writes no citation_author_orcid; its page shows each author's ORCID link in
    ul.authors (they were dropped). Read by position when the counts agree."""
    head = (
        TITLE + '<meta name="citation_author" content="Ivanov, Ivan">'
        '<meta name="citation_author" content="Roe, Ann">'
    )
    authors = (
        '<section class="item authors"><ul class="authors">'
        '<li><span class="name">Ivan Ivanov</span></li>'
        '<li><span class="name">Ann Roe</span><span class="orcid">'
        '<a href="https://orcid.org/0000-0002-1825-0097">https://orcid.org/0000-0002-1825-0097</a>'
        "</span></li>{extra}</ul></section>"
    )
    article, _ = _read_page(tmp_path, head, authors.format(extra=""))
    assert [a.orcid for a in article.authors] == [None, "https://orcid.org/0000-0002-1825-0097"]
    article, warnings = _read_page(
        tmp_path, head, authors.format(extra='<li><span class="name">Bob Doe</span></li>')
    )
    assert [a.orcid for a in article.authors] == [None, None]
    assert any("the page lists 3 authors and its citation_author tags 2" in w for w in warnings)


def test_citation_eissn_is_the_electronic_issn_without_a_guess(tmp_path: Path) -> None:
    """Highwire's citation_eissn names the online ISSN; it went through the guess for untyped
    ISSNs ("the page does not say which ISSN … is") and could be taken as the print one."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head>"
        '<meta name="citation_title" content="A title"/>'
        '<meta name="citation_author" content="Ivanova, Anna"/>'
        '<meta name="citation_journal_title" content="Russian Japanology Review"/>'
        '<meta name="citation_eissn" content="2658-6789"/>'
        '<meta name="citation_issn" content="2658-6444"/>'
        '<meta name="citation_publication_date" content="2018/09/28"/>'
        "</head><body></body></html>",
        encoding="utf-8",
    )
    [loaded] = list(read_source(page, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    issn = loaded.article.journal.issn
    assert (issn.electronic, issn.print) == ("2658-6789", "2658-6444")
    assert not any("2658-6789" in str(w) for w in loaded.warnings), loaded.warnings


def test_russian_names_written_surname_first(tmp_path: Path) -> None:
    """Russian sites write citation_author surname first without a comma: 'Стрельцов Дмитрий
    Викторович' had the patronymic as its surname, 'Стрельцов Д.В' (no last full stop) the
    initials. Given names first, and names of other kinds, stay as they were read."""
    names = [
        "Стрельцов Дмитрий Викторович",
        "Дмитрий Викторович Стрельцов",
        "Иванов-Петров Иван Иванович",
        "Шостакович Дмитрий Дмитриевич",
        "Дмитрий Дмитриевич Шостакович",
        "Стрельцов Д.В",
        "Стрельцов Д. В.",
        "Smith JA",
        "Streltsov Dmitry V.",
        "Стрельцов Дмитрий",
        "Дмитрий Стрельцов",
        "Anna Li",
        "Yoko Martin",
    ]
    article, _ = _read_page(
        tmp_path, TITLE + "".join(f'<meta name="citation_author" content="{n}">' for n in names)
    )
    read = [next(iter(a.name.values())) for a in article.authors]
    assert [(name.surname, name.given) for name in read] == [
        ("Стрельцов", "Дмитрий Викторович"),
        ("Стрельцов", "Дмитрий Викторович"),
        ("Иванов-Петров", "Иван Иванович"),
        ("Шостакович", "Дмитрий Дмитриевич"),
        ("Шостакович", "Дмитрий Дмитриевич"),
        ("Стрельцов", "Д.В."),
        ("Стрельцов", "Д. В."),
        ("Smith", "JA"),
        ("Streltsov", "Dmitry V."),
        ("Стрельцов", "Дмитрий"),
        ("Стрельцов", "Дмитрий"),
        ("Li", "Anna"),
        ("Martin", "Yoko"),
    ]


@pytest.mark.parametrize(
    ("tag", "value"),
    [
        ("citation_language", "Russian"),
        ("citation_language", "Русский"),
        ("DC.Language", "rus"),
        ("DC.Language", "RU"),
        ("citation_language", "ru_RU"),
    ],
)
def test_a_language_named_or_given_by_its_three_letter_code(
    tmp_path: Path, tag: str, value: str
) -> None:
    """Sites write citation_language and DC.Language as a name or an ISO 639-2 code: 'Russian'
    made an English article, 'rus' an article in 'rus' with no title in its language."""
    article, warnings = _read_page(
        tmp_path,
        TITLE.replace('content="T"', 'content="Заглавие"')
        + f'<meta name="{tag}" content="{value}">'
        '<meta name="DC.Title.Alternative" xml:lang="en" content="The title">',
    )
    assert article.language == "ru"
    assert article.title == {"ru": "Заглавие", "en": "The title"}
    assert not any("language" in w for w in warnings), warnings


def test_a_language_that_is_none_is_said(tmp_path: Path) -> None:
    """A citation_language the reader cannot read was taken as English without a word; the
    page's own lang is read next, and the value is said."""
    page = tmp_path / "page.html"
    page.write_text(
        '<html lang="ru"><head><meta name="citation_title" content="Заглавие">'
        '<meta name="citation_journal_title" content="J">'
        '<meta name="citation_language" content="Russisch-ish"></head><body></body></html>',
        encoding="utf-8",
    )
    [loaded] = list(read_source(page, "html", ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.language == "ru"
    assert [str(w) for w in loaded.warnings] == [
        "citation_language 'Russisch-ish': not a language code or name: the article is taken as ru"
    ]


def test_pages_as_ojs_writes_its_pages_field(tmp_path: Path) -> None:
    """OJS writes its free-text pages field as citation_firstpage: '110-119' beside a
    citation_lastpage '119' refused the article ('a page range in one page field: 119-119'),
    'С. 110' was the first page. The word for pages goes, a range is read, and a last page
    that disagrees with it is said."""

    def pages(head: str) -> tuple[tuple[str | None, str | None], list[str]]:
        article, warnings = _read_page(tmp_path, TITLE + head)
        return (article.fpage, article.lpage), warnings

    first, last = (
        '<meta name="citation_firstpage" content="{}">',
        ('<meta name="citation_lastpage" content="{}">'),
    )
    assert pages(first.format("110-119") + last.format("119")) == (("110", "119"), [])
    assert pages(first.format("С. 110") + last.format("119")) == (("110", "119"), [])
    assert pages(first.format("pp. 110–119.")) == (("110", "119"), [])
    assert pages('<meta name="DC.Identifier.pageNumber" content="P. 5-9">')[0] == ("5", "9")
    (read, warnings) = pages(first.format("110-119") + last.format("120"))
    assert read == ("110", "119")
    assert warnings == [
        "citation_lastpage '120' is not the last page of citation_firstpage '110-119': left out"
    ]
    assert pages(last.format("119")) == (
        (None, None),
        ["citation_lastpage '119' without citation_firstpage: left out"],
    )
    # pages that are not one range (they gave lpage '115, 120-124'): the page range, from
    # its first page to its last
    article, warnings = _read_page(
        tmp_path, TITLE + first.format("110-115, 120-124") + last.format("124")
    )
    assert (article.fpage, article.lpage, article.page_range) == ("110", "124", "110-115, 120-124")
    assert warnings == []


def test_dates_ojs_3_1_writes_and_dates_left_out_are_said(tmp_path: Path) -> None:
    """OJS 3.0-3.1 writes the issue's year as citation_date and the full dates in Dublin Core
    only: the full date was lost without a word. A full date of the same year is the online
    publication, another is said; DC.Date.dateSubmitted '2018/02/11' was dropped silently."""
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="DC.Date.created" content="2017-12-20">'
        '<meta name="DC.Date.dateSubmitted" content="2017/09/01">'
        '<meta name="DC.Date.issued" content="2018-01-15">'
        '<meta name="citation_date" content="2018">',
    )
    assert (article.published.electronic, article.published.collection) == ("2018-01-15", "2018")
    assert article.history.received == "2017-09-01"
    assert warnings == [
        "DC.Date.created '2017-12-20': the article is dated electronic 2018-01-15, collection "
        "2018: left out"
    ]
    # the article's date before the issue's when both are of the issue's year
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="DC.Date.created" content="2018-01-10">'
        '<meta name="DC.Date.issued" content="2018-01-15">'
        '<meta name="citation_date" content="2018">',
    )
    assert (article.published.electronic, article.published.collection) == ("2018-01-10", "2018")
    assert any(w.startswith("DC.Date.issued '2018-01-15'") for w in warnings), warnings
    # a date not understood gives way to the next tag; one submitted after publication is none
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_date" content="Spring">'
        '<meta name="DC.Date.issued" content="2019-04-22">'
        '<meta name="DC.Date.dateSubmitted" content="2020-01-01">',
    )
    assert article.published.electronic == "2019-04-22"
    assert article.history is None or article.history.received is None
    assert any("publication date 'Spring' not understood" in w for w in warnings)
    assert any("DC.Date.dateSubmitted '2020-01-01': after the publication" in w for w in warnings)


def test_a_comma_inside_a_keyword_of_a_semicolon_list_is_said(tmp_path: Path) -> None:
    """A citation_keywords list separated by ';' with a comma inside a keyword ('Япония;
    Россия, санкции', mixed separators) keeps it as typed, said as the spreadsheet reader
    says it; a DC.Subject is one subject, commas and all ('Physics, general'), unsaid."""
    article, warnings = _read_page(
        tmp_path,
        RU + '<meta name="citation_keywords" xml:lang="ru" content="Япония; Россия, санкции">'
        '<meta name="dc.subject" xml:lang="en" content="Physics, general; Japan">',
    )
    assert article.keywords["ru"] == ["Япония", "Россия, санкции"]
    assert (
        "citation_keywords[ru] 'Япония; Россия, санкции': keyword 'Россия, санкции' holds a "
        "comma in a list separated by ';': kept as typed"
    ) in warnings
    assert not any("Physics, general" in w and "comma" in w for w in warnings)


def test_keywords_with_html_entities_left_as_text(tmp_path: Path) -> None:
    """A page that escapes twice writes '&amp;laquo;мягкая сила&amp;raquo;': the entity's
    ';' split the keyword into '&laquo' and 'мягкая сила&raquo'. It is no separator, and the
    entity is read as its character, said; 'AT&T' (no entity) stays."""
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_keywords" '
        'content="&amp;laquo;мягкая сила&amp;raquo;; санкции; R&amp;amp;D; AT&amp;T">',
    )
    assert article.keywords == {"en": ["«мягкая сила»", "санкции", "R&D", "AT&T"]}
    assert (
        "citation_keywords[en] '&laquo;мягкая сила&raquo;': HTML entities written as text: read "
        "as the characters they stand for" in warnings
    )
    # a ','-separated list: the entity's ';' does not make it a ';'-separated one
    article, _ = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_keywords" content="&amp;laquo;Abe&amp;raquo;, sanctions">',
    )
    assert article.keywords == {"en": ["«Abe»", "sanctions"]}


RU = (
    '<meta name="citation_journal_title" content="J"><meta name="citation_language" content="ru">'
    '<meta name="citation_title" content="Заглавие">'
)


def test_abstracts_and_keywords_one_untagged_tag_per_language(tmp_path: Path) -> None:
    """Sites write one citation_abstract and one citation_keywords tag per language without
    xml:lang, as they do titles: the English abstract was dropped and the English keywords
    merged into the Russian group. They go under the language their script tells."""
    article, warnings = _read_page(
        tmp_path,
        RU + '<meta name="citation_abstract" content="Русская аннотация о санкциях.">'
        '<meta name="citation_abstract" content="English abstract on sanctions.">'
        '<meta name="citation_keywords" content="санкции; инвестиции">'
        '<meta name="citation_keywords" content="sanctions; investment">',
    )
    assert article.abstract == {
        "ru": ["Русская аннотация о санкциях."],
        "en": ["English abstract on sanctions."],
    }
    assert article.keywords == {"ru": ["санкции", "инвестиции"], "en": ["sanctions", "investment"]}
    assert warnings == []
    # one keyword a tag, three in each language
    article, _ = _read_page(
        tmp_path,
        RU
        + "".join(
            f'<meta name="citation_keywords" content="{word}">'
            for word in ("Япония", "санкции", "АСЕАН", "Japan", "sanctions", "ASEAN")
        ),
    )
    assert article.keywords == {
        "ru": ["Япония", "санкции", "АСЕАН"],
        "en": ["Japan", "sanctions", "ASEAN"],
    }
    # a Russian list that holds Latin-script keywords stays one list
    article, _ = _read_page(
        tmp_path,
        RU
        + "".join(
            f'<meta name="citation_keywords" content="{word}">'
            for word in ("Япония", "санкции", "АСЕАН", "G7")
        ),
    )
    assert article.keywords == {"ru": ["Япония", "санкции", "АСЕАН", "G7"]}
    # two abstracts in one script: the first is read, the other said
    _, warnings = _read_page(
        tmp_path,
        RU + '<meta name="citation_abstract" content="Первая аннотация.">'
        '<meta name="citation_abstract" content="Вторая аннотация.">',
    )
    assert warnings == ["citation_abstract: 2 abstracts in ru: the first is read"]


def test_a_second_visible_abstract_in_its_own_language(tmp_path: Path) -> None:
    """A page that shows both abstracts, the second with lang="en": it was not read. A later
    block without a language (related articles' abstracts) is still not read."""
    article, _ = _read_page(
        tmp_path,
        RU,
        '<div class="abstract"><p>Русская аннотация о санкциях.</p></div>'
        '<div class="abstract" lang="en"><h2>Abstract</h2><p>English abstract.</p></div>'
        '<div class="related"><div class="abstract"><p>Another article.</p></div></div>',
    )
    assert article.abstract == {
        "ru": ["Русская аннотация о санкциях."],
        "en": ["English abstract."],
    }


def test_licences_named_in_words_and_licences_that_are_no_cc_one(tmp_path: Path) -> None:
    """DC.Rights 'Creative Commons Attribution 4.0 International (CC BY 4.0)' became a
    copyright statement and the article had no licence; a citation_license that is no
    Creative Commons one (Elsevier's text-mining licence) was dropped without a word."""
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="DC.Rights" content="Creative Commons Attribution 4.0 International '
        '(CC BY 4.0)"><meta name="DC.Rights" content="Copyright (c) 2018 D. V. Streltsov">',
    )
    assert article.license.spdx == "CC-BY-4.0"
    assert article.copyright.statement == {"en": "Copyright (c) 2018 D. V. Streltsov"}
    assert warnings == []
    article, warnings = _read_page(
        tmp_path,
        TITLE
        + '<meta name="citation_license" content="https://www.elsevier.com/tdm/userlicense/1.0/">',
    )
    assert article.license is None
    assert warnings == [
        "citation_license 'https://www.elsevier.com/tdm/userlicense/1.0/': not a Creative "
        "Commons licence: left out"
    ]
    # two licences: the first declared is read, the other said
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<link rel="license" href="http://creativecommons.org/licenses/by/4.0/">'
        '<meta name="citation_license" content="CC BY-NC 4.0">'
        '<meta name="DC.Rights" content="https://creativecommons.org/licenses/by/4.0/">',
    )
    assert article.license.spdx == "CC-BY-4.0"
    assert warnings == [
        "citation_license 'CC BY-NC 4.0': another licence than "
        "http://creativecommons.org/licenses/by/4.0/: left out"
    ]


def test_author_names_with_particles_and_generational_suffixes(run, tmp_path: Path, store) -> None:
    """Inter-Research writes 'Richard M. Pace III' and 'Julie M. van der Hoop' as
    citation_author: the suffix is the name's suffix and the particles the surname's (they
    were read as the surname 'III' and the given names 'Julie M. van der')."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head>" + TITLE + '<meta name="citation_issn" content="2345-6787">'
        '<meta name="citation_author" content="Richard M. Pace III">'
        '<meta name="citation_author" content="Julie M. van der Hoop">'
        '<meta name="citation_author" content="Doe, John, Jr.">'
        "</head><body><p>Text.</p></body></html>",
        encoding="utf-8",
    )
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    written = tmp_path / "out" / "page.xml"
    assert xmllint(written, store.catalog).returncode == 0
    tree = etree.parse(str(written))
    names = [
        [part.tag + "=" + (part.text or "") for part in name]
        for name in tree.iterfind(".//contrib/name")
    ]
    assert names == [
        ["surname=Pace", "given-names=Richard M.", "suffix=III"],
        ["surname=van der Hoop", "given-names=Julie M."],
        ["surname=Doe", "given-names=John", "suffix=Jr."],
    ]


def test_a_creator_written_with_where_the_person_works(tmp_path: Path) -> None:
    """Dublin Core's own pages write 'Andy Powell, UKOLN, University of Bath' as DC.creator:
    the name is the part before the first comma (it was read as the surname 'Andy Powell'
    and the given names 'UKOLN, University of Bath'); the rest is said and left out."""
    article, warnings = _read_page(
        tmp_path, TITLE + '<meta name="DC.creator" content="Jane Roe, Test Lab, Test University">'
    )
    [author] = article.authors
    assert (author.name["en"].surname, author.name["en"].given) == ("Roe", "Jane")
    assert (
        "DC.creator 'Jane Roe, Test Lab, Test University': the name read as 'Jane Roe'; "
        "'Test Lab, Test University' left out"
    ) in warnings


def test_a_reference_list_of_one_reference(tmp_path: Path) -> None:
    """Nature's news pages list one reference in an <ol> and put a 'Download references' link
    under the list: the one reference is read, not the link (a list of one item was taken
    for no list, and its text was skipped)."""
    article, _ = _read_page(
        tmp_path,
        TITLE,
        '<div id="references"><h2>References</h2><ol class="references-list">'
        '<li><span class="counter">1.</span><p>Roe, A. Preprint at '
        '<a href="https://example.org/x">https://example.org/x</a> (2020).</p>'
        '<ul class="js-ref-links"><li></li></ul></li></ol>'
        '<p><a href="/refs.ris">Download references</a></p></div>',
    )
    assert [r.text["en"] for r in article.references] == [
        "Roe, A. Preprint at https://example.org/x (2020)."
    ]


def test_a_list_of_one_link_is_no_reference_list(tmp_path: Path) -> None:
    """A list whose one item is a link ('Download citation') holds no reference."""
    article, _ = _read_page(
        tmp_path,
        TITLE,
        '<div class="references"><ul><li><a href="/c.ris">Download citation</a></li></ul></div>',
    )
    assert article.references == []


def test_a_page_that_names_no_article_title_says_where_it_looked(run, tmp_path: Path) -> None:
    """D-Lib's and Genders' pages, and a full-text page saved instead of the landing page,
    name no title in their head: the line says which tags were looked for (it said "title:
    required field is missing", sending the user to look for a field in a page)."""
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta name="citation_journal_title" content="J">'
        '<meta name="citation_author" content="Jane Roe"></head><body><p>Text</p></body></html>',
        encoding="utf-8",
    )
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip().splitlines()[-1] == (
        f"{page}: citation_title: the page names no article title (no citation_title, DC.Title "
        "or JSON-LD headline): save the article's landing page, whose head holds them"
    )
    assert "required field" not in result.err


def test_a_page_that_names_no_journal_asks_for_one(run, tmp_path: Path, store) -> None:
    """eLife's and D-Lib's pages name no journal in their head: the line says so and what
    to give (it said "journal.title: required field is missing", sending the user to look for
    a title the page does not hold); with a journal file beside it the page converts."""
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta name="citation_title" content="T">'
        '<meta name="citation_author" content="Jane Roe"></head><body></body></html>',
        encoding="utf-8",
    )
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip() == (
        f"{page}: citation_journal_title: the page names no journal (no citation_journal_title, "
        "prism.publicationName, DC.Source or JSON-LD isPartOf): give it with --journal FILE "
        "or a journal.yaml beside the article or up to three folders above it"
    )
    (tmp_path / "journal.yaml").write_text(
        "title: {en: Test Journal}\nissn: {electronic: 2658-6789}\n", encoding="utf-8"
    )
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert xmllint(tmp_path / "out" / "page.xml", store.catalog).returncode == 0


def test_dc_contributors_are_the_authors_of_a_page_that_names_no_other(tmp_path: Path) -> None:
    """eLife names its authors as dc.contributor only: they were left out as "not carried"
    and the article had no author. They are taken as the authors, said; where the page names
    its authors otherwise, contributors that are not those authors are said as such (until
    4 December 2026 as "not carried", even when they were the same authors)."""
    contributors = (
        '<meta name="dc.contributor" content="Jane Roe">'
        '<meta name="dc.contributor" content="John Doe">'
    )
    article, warnings = _read_page(tmp_path, TITLE + contributors)
    assert [a.name["en"].surname for a in article.authors] == ["Roe", "Doe"]
    assert warnings == [
        "dc.contributor: the page names no author otherwise: its 2 contributors taken as the "
        "authors"
    ]
    article, warnings = _read_page(
        tmp_path, TITLE + '<meta name="citation_author" content="Ann Poe">' + contributors
    )
    assert [a.name["en"].surname for a in article.authors] == ["Poe"]
    assert warnings == [
        "authors: citation_author names 1, dc.contributor 2: those of dc.contributor are left out"
    ]


def test_dates_ojs_2_writes_and_the_issue_date_beside_the_articles(tmp_path: Path) -> None:
    """OJS 2 writes citation_date day first, '19/03/2009' (it was not understood), and, beside
    the article's DC.Date.created, the issue's date as DC.Date.issued (First Monday's October
    issue; a 1977 back issue entered in 2009): it is the issue's date (it was left out, or
    taken for the online publication when citation_date was not understood). A received date
    after the issue's date is the back issue's entry into OJS: said and left out."""
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="DC.Date.created" content="2009-03-19">'
        '<meta name="DC.Date.dateSubmitted" content="2009-03-19">'
        '<meta name="DC.Date.issued" content="1977-12-30">'
        '<meta name="citation_date" content="19/03/2009">',
    )
    published = article.published
    assert (published.electronic, published.collection) == ("2009-03-19", "1977-12-30")
    assert article.history is None or article.history.received is None
    assert warnings == [
        "DC.Date.dateSubmitted '2009-03-19': after the publication date 1977-12-30, so not the "
        "date the article was received: left out"
    ]
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="DC.Date.created" content="2020-09-10">'
        '<meta name="DC.Date.issued" content="2020-10-01">'
        '<meta name="citation_date" content="2020/09/10">',
    )
    published = article.published
    assert (published.electronic, published.collection) == ("2020-09-10", "2020-10-01")
    assert warnings == []
    # a received date of the issue's year, the issue dated by its year alone, is kept
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_publication_date" content="2018">'
        '<meta name="citation_online_date" content="2018/01/15">'
        '<meta name="DC.Date.dateSubmitted" content="2018-01-10">',
    )
    assert article.history.received == "2018-01-10"
    assert warnings == []


def test_ojs_2_writes_every_author_in_one_citation_authors_tag(tmp_path: Path) -> None:
    """OJS 2.0-2.2 wrote 'citation_authors' (all authors, ';' between them), not one
    citation_author each: it was reported as not carried. It is read when the page has no
    citation_author tag."""
    article, warnings = _read_page(
        tmp_path, TITLE + '<meta name="citation_authors" content="Roe, Ann Maria; Doe, John">'
    )
    assert [(a.name["en"].surname, a.name["en"].given) for a in article.authors] == [
        ("Roe", "Ann Maria"),
        ("Doe", "John"),
    ]
    assert warnings == []


def test_other_names_for_the_journal_abbreviation_and_publisher(tmp_path: Path) -> None:
    """Inter-Research writes citation_journal_abbreviation (twice) and
    citation_journal_publisher: they were reported as not carried. They are read as
    citation_journal_abbrev and citation_publisher; a second abbreviation is said, not
    dropped without a word as a second citation_journal_abbrev was."""
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_journal_abbreviation" content="J Test Stud">'
        '<meta name="citation_journal_abbreviation" content="JTS">'
        '<meta name="citation_journal_publisher" content="Test Press">',
    )
    assert article.journal.abbrev_title == "J Test Stud"
    assert article.journal.publisher.name == {"en": "Test Press"}
    assert warnings == [
        "journal abbreviation: citation_journal_abbreviation 'J Test Stud' is read; "
        "citation_journal_abbreviation 'JTS' says otherwise: left out"
    ]


def test_a_date_written_month_first_and_one_that_cannot_be_told(tmp_path: Path) -> None:
    """HighWire's Oxford journals write citation_date month first, '03/20/1983' (it was not
    understood): the number over 12 is the day. '03/04/1983' may be either: its year is read,
    said."""
    article, warnings = _read_page(
        tmp_path, TITLE + '<meta name="citation_date" content="03/20/1983">'
    )
    assert article.published.electronic == "1983-03-20"
    assert warnings == []
    article, warnings = _read_page(
        tmp_path, TITLE + '<meta name="citation_date" content="03/04/1983">'
    )
    assert article.published.electronic is None and article.published.collection == "1983"
    assert warnings == [
        "publication date '03/04/1983': the day and the month cannot be told apart: the year "
        "alone is read"
    ]


def test_a_preprint_dated_by_its_years_first_day(tmp_path: Path) -> None:
    """bioRxiv writes citation_publication_date '2020/01/01' and the day the preprint was
    posted as citation_date and DC.Date: the article was dated 1 January, the posting day
    said and left out. The first day of the year stands for the year, said."""
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_publication_date" content="2020/01/01">'
        '<meta name="citation_date" content="2020-02-05">'
        '<meta name="DC.Date" content="2020-02-05">',
    )
    published = article.published
    assert (published.electronic, published.collection) == ("2020-02-05", "2020")
    assert warnings == [
        "citation_publication_date '2020/01/01': the first day of the year, beside another day "
        "of it: read as the year 2020"
    ]
    # alone, the first of January is a day like another
    article, _ = _read_page(
        tmp_path, TITLE + '<meta name="citation_publication_date" content="2020/01/01">'
    )
    assert article.published.electronic == "2020-01-01"


def test_a_copyright_line_that_names_its_licence_in_a_sentence(run, tmp_path: Path, store) -> None:
    """bioRxiv's DC.Rights: '© 2020, Posted by … Laboratory. This pre-print is available under
    a Creative Commons License …, as described at http://creativecommons.org/licenses/by-nc/4.0/':
    the licence was lost and the holder was the whole text. The licence URL in the sentence is
    the licence; the holder ends with its sentence (initials, 'D. V. Roe', do not end it)."""
    page = tmp_path / "page.html"
    rights = (
        "© 2020, Posted by Test Laboratory. This pre-print is available under a Creative "
        "Commons License (Attribution-NonCommercial 4.0 International), CC BY-NC 4.0, as "
        "described at http://creativecommons.org/licenses/by-nc/4.0/"
    )
    page.write_text(
        f'<html><head>{TITLE}<meta name="citation_issn" content="2345-6787">'
        f'<meta name="DC.Rights" content="{rights}"></head><body></body></html>',
        encoding="utf-8",
    )
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    written = tmp_path / "out" / "page.xml"
    assert xmllint(written, store.catalog).returncode == 0
    tree = etree.parse(str(written))
    assert _values(tree, "//license/@xlink:href") == [
        "http://creativecommons.org/licenses/by-nc/4.0/"
    ]
    assert _values(tree, "//copyright-holder") == ["Posted by Test Laboratory"]
    assert _values(tree, "//copyright-statement") == [rights]
    article, _ = _read_page(tmp_path, TITLE + '<meta name="DC.Rights" content="© 2019 D. V. Roe">')
    assert article.copyright.holder == {"en": "D. V. Roe"}


def test_fields_of_structured_reference_tags_none_was_written_from(tmp_path: Path) -> None:
    """Distill's structured citation_reference tags give the issue as citation_number and an
    arXiv id as citation_arxiv_id: both were dropped without a word. They are written out; a
    field no reference text holds is said."""
    article, warnings = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_reference" content="citation_title=A paper;'
        "citation_author=Ann Roe;citation_publication_date=1987;citation_journal_title=J Test;"
        'citation_volume=7;citation_number=11;">'
        '<meta name="citation_reference" content="citation_title=A preprint;'
        'citation_author=Bob Doe;citation_publication_date=2013;citation_arxiv_id=1312.6034;">'
        '<meta name="citation_reference" content="citation_title=A page;citation_author=Cy Poe;'
        'citation_url=https://example.org/p;">',
    )
    assert [r.text["en"] for r in article.references] == [
        "Ann Roe (1987). A paper. J Test, 7(11).",
        "Bob Doe (2013). A preprint. arXiv:1312.6034.",
        "Cy Poe. A page.",
    ]
    assert warnings == ["citation_reference: the field citation_url (1 of them): not carried"]


def test_a_second_json_ld_article_without_a_title_is_said_in_words(tmp_path: Path) -> None:
    """A page whose JSON-LD describes a second article with no headline or name said it as
    "another article, None, is described too": Python's word for nothing, not the user's."""
    _, warnings = _read_page(
        tmp_path,
        TITLE + '<script type="application/ld+json">[{"@type": "ScholarlyArticle", '
        '"headline": "T"}, {"@type": "ScholarlyArticle", "author": "A. Roe"}]</script>',
    )
    [said] = [w for w in warnings if "another article" in w]
    assert said == "JSON-LD: another article, without a title, is described too: left out"
