"""Landing pages of journal platforms read by Russian, Ukrainian and Latin American editors
(OJS 3 in Russian with English translations, SciELO, CyberLeninka), written for these tests
in the shape each platform serves: the tags it writes, their spelling and the blocks it shows."""

from __future__ import annotations

from pathlib import Path

from conftest import xmllint
from converter.readers import ReadContext, read_source


def _read_page(tmp_path: Path, head: str, body: str = "<p>Text.</p>") -> tuple[object, list[str]]:
    page = tmp_path / "page.html"
    page.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    [loaded] = list(read_source(page, "html", ReadContext()))
    assert loaded.article is not None, loaded.problems
    return loaded.article, [str(w) for w in loaded.warnings]


SCIELO_HEAD = (
    '<meta name="citation_journal_title" content="Revista Brasileira de Ensaios"/>'
    '<meta name="citation_journal_title_abbrev" content="Rev Bras Ens"/>'
    '<meta name="citation_publisher" content="Sociedade Brasileira de Ensaios"/>'
    '<meta name="citation_title" content="Arritmias induzidas em corações isolados"/>'
    '<meta name="citation_date" content="01/2013"/>'
    '<meta name="citation_volume" content="46"/><meta name="citation_issue" content="1"/>'
    '<meta name="citation_issn" content="1414-431X"/>'
    '<meta name="citation_doi" content="10.5555/1414-431X20122409"/>'
    '<meta name="citation_pdf_url" content=""/>'
    '<meta name="citation_author" content="Rodríguez-Angulo, H."/>'
    '<meta name="citation_firstpage" content="58"/><meta name="citation_lastpage" content="64"/>'
    '<meta name="citation_id" content="10.5555/1414-431X20122409"/>'
)


def test_scielo_month_and_year_abbreviation_and_id(run, store, tmp_path: Path) -> None:
    """SciELO writes the issue's date as citation_date '01/2013' (month/year): the article
    had no date ('not understood'); its abbreviation as citation_journal_title_abbrev and its
    own id as citation_id, both said as not carried. The date is January 2013, the
    abbreviation the journal's, the id the platform's bookkeeping; the output is valid."""
    article, warnings = _read_page(tmp_path, SCIELO_HEAD)
    assert article.published.collection == "2013-01"
    assert article.journal.abbrev_title == "Rev Bras Ens"
    assert not any("not understood" in w or "not carried" in w for w in warnings), warnings
    page = tmp_path / "scielo.html"
    page.write_text(f"<html lang='pt'><head>{SCIELO_HEAD}</head><body></body></html>", "utf-8")
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    written = tmp_path / "out" / "scielo.xml"
    assert 'iso-8601-date="2013-01"' in written.read_text(encoding="utf-8")
    assert xmllint(written, store.catalog).returncode == 0


CYBERLENINKA_HEAD = (
    '<meta name="citation_title" content="Российско-японские отношения: системный кризис?">'
    '<meta name="citation_author" content="Стрельцов Дмитрий Викторович">'
    '<meta name="citation_publication_date" content="2018">'
    '<meta name="citation_journal_title" content="Российское японоведение">'
    '<meta name="citation_language" content="ru">'
)
CYBERLENINKA_BODY = (
    '<div class="infoblock"><h2 class="right-title"><span>Ключевые слова</span></h2>'
    '<div class="full keywords"><i itemprop="keywords"><span class="hl to-search">Россия</span>'
    ' / <span class="hl to-search">санкции</span> / <span class="hl to-search">Russia</span> / '
    '<span class="hl to-search">sanctions</span></i></div></div>'
    '<div class="infoblock"><h2 class="right-title"><span>Аннотация научной статьи по '
    "политологическим наукам, автор научной работы — Стрельцов Дмитрий Викторович</span></h2>"
    '<div class="full abstract"><p itemprop="description">Кремль видел в Японии средство.</p>'
    '</div></div><div class="infoblock"><h2 class="right-title"><span>Похожие темы</span></h2>'
    '<ul class="list"><li><div class="abstract">Japan and the West, a survey.</div></li></ul>'
    '</div><div class="infoblock"><h2 class="right-title"><span>Russian-Japanese relations'
    '</span></h2><div class="full abstract"><p itemprop="description">The Kremlin regarded '
    "Japan as a means.</p></div></div>"
)


def test_cyberleninka_english_abstract_and_the_keywords_it_shows(
    run, store, tmp_path: Path
) -> None:
    """CyberLeninka shows the Russian abstract, then the English one in a block of the same
    kind, neither with a language, and its Russian and English keywords in one list
    ('Россия / санкции / Russia / sanctions') that no tag gives: the English abstract and all
    the keywords were lost unsaid. Both are read, said; a related article's abstract shown
    in another kind of block is not. Its references are only in the article's text it shows
    (itemprop=articleBody): that none is read is said."""
    text = (
        '<div class="ocr" itemprop="articleBody"><p>Текст статьи.</p><p>ЛИТЕРАТУРА</p>'
        "<p>1. Батин Ю. Мост Хоккайдо–Сахалин // Российская газета. 2017.</p></div>"
    )
    article, warnings = _read_page(tmp_path, CYBERLENINKA_HEAD, CYBERLENINKA_BODY + text)
    assert article.references == []
    assert (
        'the page shows the article\'s full text (itemprop="articleBody") and no reference list '
        "or citation_reference tags: its references are not read" in warnings
    )
    assert article.abstract == {
        "ru": ["Кремль видел в Японии средство."],
        "en": ["The Kremlin regarded Japan as a means."],
    }
    assert article.keywords == {"ru": ["Россия", "санкции"], "en": ["Russia", "sanctions"]}
    assert (
        "a later abstract without a language ('The Kremlin regarded Japan as a means.'), shown "
        "as the first is, in another script: read as the en abstract" in warnings
    )
    assert (
        "the page's tags give no keywords: those its keyword list shows are read (ru 2, en 2: "
        "'Россия / санкции / Russia / sanctions'); check them" in warnings
    )
    page = tmp_path / "cyberleninka.html"
    issn = '<meta name="citation_issn" content="2658-6444">'
    page.write_text(
        f"<html><head>{CYBERLENINKA_HEAD}{issn}</head><body>{CYBERLENINKA_BODY}</body></html>",
        encoding="utf-8",
    )
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    written = tmp_path / "out" / "cyberleninka.xml"
    assert '<kwd-group kwd-group-type="author" xml:lang="en">' in written.read_text("utf-8")
    assert xmllint(written, store.catalog).returncode == 0


def test_shown_keywords_and_later_abstracts_only_where_the_tags_say_nothing(
    tmp_path: Path,
) -> None:
    """The keywords a page shows are read only when no tag gives any (OJS shows those its
    tags give); OJS's 'Keywords:' label is no keyword. A later abstract block in the first
    one's script, or in a language a tag gives, stays unread."""
    ojs_keywords = (
        '<section class="item keywords"><h2 class="label">Keywords:</h2>'
        '<span class="value">Russia, Japan, sanctions</span></section>'
    )
    article, _ = _read_page(tmp_path, CYBERLENINKA_HEAD, ojs_keywords)
    assert article.keywords == {"en": ["Russia", "Japan", "sanctions"]}, article.keywords
    tagged = CYBERLENINKA_HEAD + '<meta name="citation_keywords" content="Россия; Япония">'
    article, warnings = _read_page(tmp_path, tagged, ojs_keywords)
    assert article.keywords == {"ru": ["Россия", "Япония"]}
    assert not any("keyword list shows" in w for w in warnings), warnings
    english = '<meta name="DC.Description" xml:lang="en" content="Tagged English abstract.">'
    article, warnings = _read_page(tmp_path, CYBERLENINKA_HEAD + english, CYBERLENINKA_BODY)
    assert article.abstract["en"] == ["Tagged English abstract."]
    same_script = CYBERLENINKA_BODY.replace("The Kremlin regarded Japan as a means.", "Другой.")
    article, _ = _read_page(tmp_path, CYBERLENINKA_HEAD, same_script)
    assert article.abstract == {"ru": ["Кремль видел в Японии средство."]}


def test_ojs_copyright_line_in_the_interface_language(tmp_path: Path) -> None:
    """OJS writes its copyright line (DC.Rights, and on the page) in the language of the
    interface: Ukrainian 'Авторське право (c) 2021 Олена Петренко', Polish 'Prawa autorskie
    (c) …', Spanish 'Derechos de autor 2021 …'. Only the English 'Copyright (c)' gave a year and
    a holder; the empty Ukrainian line of OJS 3.0-3.2 ('Авторське право (c)') was a statement."""
    head = CYBERLENINKA_HEAD + '<meta name="DC.Rights" content="{}">'
    for line, year, holder in (
        ("Авторське право (c) 2021 Олена Петренко", 2021, "Олена Петренко"),
        ("Prawa autorskie (c) 2020 Jan Kowalski", 2020, "Jan Kowalski"),
        ("Derechos de autor 2019 Ana Pérez", 2019, "Ana Pérez"),
    ):
        article, _ = _read_page(tmp_path, head.format(line))
        assert article.copyright.year == year, line
        assert list(article.copyright.holder.values()) == [holder], line
    article, _ = _read_page(tmp_path, head.format("Авторське право (c) "))
    assert article.copyright is None or not article.copyright.statement
    article, _ = _read_page(
        tmp_path,
        CYBERLENINKA_HEAD,
        '<div class="item copyright"><p>Авторське право (c) 2021 Олена Петренко</p></div>',
    )
    assert article.copyright.year == 2021


def test_copyright_holder_ending_with_an_initial_keeps_its_full_stop(
    run, store, tmp_path: Path
) -> None:
    """A copyright line whose holder ends with an initial ('Авторське право (c) 2009
    Стрельцов Д.В.', 'Copyright (c) 2018 Smith J.') gave the holder without the initial's full
    stop ('Стрельцов Д.В'), taken for the sentence's; a holder ending with a word still loses
    the sentence's full stop."""
    head = (
        CYBERLENINKA_HEAD
        + '<meta name="citation_issn" content="2500-2872"><meta name="DC.Rights" content="{}">'
    )
    for line, holder in (
        ("Авторське право (c) 2009 Стрельцов Д.В.", "Стрельцов Д.В."),
        ("Copyright (c) 2018 Smith J.", "Smith J."),
        ("Copyright (c) 2018 Elsevier B.V.", "Elsevier B.V."),
        ("Copyright (c) 2018 The Authors.", "The Authors"),
    ):
        page = tmp_path / "page.html"
        page.write_text(f"<html><head>{head.format(line)}</head><body></body></html>", "utf-8")
        result = run("convert", page, "-o", tmp_path / "out")
        assert result.code == 0, result.err
        written = tmp_path / "out" / "page.xml"
        assert f"<copyright-holder>{holder}</copyright-holder>" in written.read_text("utf-8"), line
        assert xmllint(written, store.catalog).returncode == 0


def test_jstage_typed_issns_and_japanese_keywords_with_latin_letters(tmp_path: Path) -> None:
    """J-STAGE types its ISSNs in tags of its own (print_issn, online_issn) and shows them as
    'Print ISSN : 0021-4914': a page with no citation_issn was refused for want of an ISSN.
    Its keyword 'iPS細胞' (Latin letters in a Japanese keyword) was filed as English beside
    '創薬' as Japanese: one Japanese list split in two languages."""
    head = (
        '<meta name="citation_title" content="iPS細胞研究の進展">'
        '<meta name="citation_journal_title" content="日本応用動物昆虫学会誌">'
        '<meta name="citation_author" content="山中 伸弥">'
        '<meta name="citation_language" content="ja">'
        '<meta name="citation_keywords" content="iPS細胞">'
        '<meta name="citation_keywords" content="創薬">'
    )
    article, warnings = _read_page(
        tmp_path,
        head + '<meta name="print_issn" content="0021-4914">'
        '<meta name="online_issn" content="1347-6068">',
    )
    assert (article.journal.issn.print, article.journal.issn.electronic) == (
        "0021-4914",
        "1347-6068",
    )
    assert not any("does not say which ISSN" in w for w in warnings), warnings
    assert article.keywords == {"ja": ["iPS細胞", "創薬"]}
    article, _ = _read_page(
        tmp_path, head, "<div class='journal'>Print ISSN : 0021-4914 Online ISSN : 1347-6068</div>"
    )
    assert article.journal.issn.electronic == "1347-6068"
    assert article.journal.issn.print == "0021-4914"


def test_an_xhtml_page_with_its_xml_declaration_is_read(run, store, tmp_path: Path) -> None:
    """A landing page saved as XHTML opens with an XML declaration naming its encoding; it was
    refused as 'not an HTML page: Unicode strings with encoding declaration are not
    supported', the parser's words."""
    page = tmp_path / "xhtml.html"
    page.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head>'
        '<meta name="citation_title" content="Walking in XHTML"/>'
        '<meta name="citation_journal_title" content="Journal of Walking"/>'
        '<meta name="citation_issn" content="2687-1440"/>'
        '<meta name="citation_author" content="Smith, John"/>'
        '<meta name="citation_date" content="2020-01-02"/></head><body><p>x</p></body></html>\n',
        encoding="utf-8",
    )
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    written = tmp_path / "out" / "xhtml.xml"
    assert "<article-title>Walking in XHTML</article-title>" in written.read_text("utf-8")
    assert xmllint(written, store.catalog).returncode == 0


def test_pages_that_run_backwards_are_named_by_the_tags_that_give_them(run, tmp_path: Path) -> None:
    """A page whose last page comes before its first was refused as 'lpage: 10 comes before
    fpage 20', the model's names, which the page holds nowhere; the line names its tags."""
    page = tmp_path / "page.html"
    head = SCIELO_HEAD.split('<meta name="citation_firstpage"')[0]  # (no pages of its own)
    for tags, said in (
        (
            '<meta name="citation_firstpage" content="20">'
            '<meta name="citation_lastpage" content="10">',
            "citation_firstpage/citation_lastpage: the last page '10' comes before the first '20'",
        ),
        (
            '<meta name="citation_firstpage" content="С. 20-10">',
            "citation_firstpage: the last page '10' comes before the first '20'",
        ),
        (
            '<meta name="prism.startingPage" content="30"><meta name="prism.endingPage" '
            'content="12">',
            "prism.startingPage/prism.endingPage: the last page '12' comes before the first '30'",
        ),
    ):
        page.write_text(
            f"<html><head>{head}{tags}</head><body></body></html>",
            encoding="utf-8",
        )
        result = run("convert", page, "-o", tmp_path / "out")
        assert result.code == 3
        assert result.err.splitlines()[-1] == f"{page}: {said}", result.err
