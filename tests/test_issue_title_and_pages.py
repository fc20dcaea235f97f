"""An issue's title and pages that are not one range, from the article file to every output.

A themed issue's title ("Japan's foreign policy in Asia" / "Внешняя политика Японии в Азии") and
an article printed on pages 110-115 and 120-124 were facts the model could not hold: readers
said they dropped them. Here the article file gives them, and the tests look at what a user
gets: the one-line refusal of a page range that is not one, JATS that xmllint finds valid in
1.3 and 1.4 (both tag sets) and that reads back to the same bytes, a Crossref deposit that
xmllint finds valid against Crossref's schema, and the PMC and RSCI profiles.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import xmllint, xmllint_crossref
from converter import load_article, to_jats
from converter.readers import ReadContext, read_source

EXIT_INPUT = 3
CR = {"c": "http://www.crossref.org/schema/5.3.1"}
ARTICLE = """\
language: ru
title: {ru: Внешняя политика Японии, en: Japan's foreign policy}
doi: 10.5555/test.2020.7
url: https://journal.example.org/article/7
volume: 5
issue: 2
issue_title: {ru: Внешняя политика Японии в Азии, en: "Japan's foreign policy in Asia"}
published: {electronic: 2020-03-04, collection: 2020-03}
authors: [{name: {ru: {surname: Иванова, given: Анна}, en: {surname: Ivanova, given: Anna}}}]
"""
DEPOSITOR = "crossref: {depositor_name: P, depositor_email: d@example.org, registrant: P}\n"


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("JATSCONV_CROSSREF_SCHEMA", raising=False)


# ------------------------------------------------------------------ the article file


@pytest.mark.parametrize(
    "pages",
    [
        "page_range: 110-115, 120-124\n",
        'fpage: "110-115, 120-124"\n',  # typed where the first page goes, as "fpage: 110-119"
        "fpage: 110\nlpage: 124\npage_range: 110-115, 120-124\n",
    ],
)
def test_pages_that_are_not_one_range_are_written_to_jats(
    run, write_article, tmp_path: Path, pages: str
) -> None:
    """fpage is the page the article begins on, lpage the page it ends on and page-range the
    pages as printed, as the JATS Tag Library has them ("8-11, 14-19, 40": fpage 8, lpage
    40); the first and last page are taken from the range when not given."""
    result = run("convert", write_article(ARTICLE + pages), "-o", tmp_path / "out")
    assert result.code == 0, result.err
    jats = (tmp_path / "out" / "article.xml").read_text(encoding="utf-8")
    assert (
        "      <fpage>110</fpage>\n      <lpage>124</lpage>\n"
        "      <page-range>110-115, 120-124</page-range>\n"
    ) in jats


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (
            "page_range: 110-115; 120-124\n",
            "page_range: not pages and page ranges separated by commas: '110-115; 120-124' "
            "(pages as printed: digits, Roman numerals, or digits after a letter as S1 or e12; "
            "e.g. 110-115, 120-124 or S1-S4)",
        ),
        (
            "page_range: 120-110, 130\n",
            "page_range: the range 120-110 in '120-110, 130' ends before it begins",
        ),
        (
            "fpage: 110\nlpage: 115\npage_range: 110-115, 120-124\n",
            "page_range: '110-115, 120-124' ends on page 124, not on lpage 115 (lpage is the "
            "page the article ends on)",
        ),
        (
            "fpage: 111\npage_range: 110-115, 120-124\n",
            "page_range: '110-115, 120-124' begins on page 110, not on fpage 111",
        ),
        (
            "elocation_id: e7\npage_range: 110-115, 120-124\n",
            "page_range: give pages (page_range) or elocation_id, not both",
        ),
    ],
)
def test_a_page_range_that_is_not_the_articles_pages_is_refused_in_one_line(
    run, write_article, pages: str, expected: str
) -> None:
    path = write_article(ARTICLE + pages)
    result = run("convert", path)
    assert result.code == EXIT_INPUT
    assert result.err.splitlines() == [f"{path}: {expected}"]


# Pages as journals print them: a supplement's S pages, e-pages, Roman front matter, a
# section's letter (JATS page-range is text; Crossref's first_page, last_page and other_pages
# are strings).
LETTERED = [
    ("page_range: S1-S4\n", "S1", "S4", "S1-S4", ("S1", "S4", None)),
    ("fpage: S1-S4\n", "S1", "S4", None, ("S1", "S4", None)),
    ("page_range: e12-e15\n", "e12", "e15", "e12-e15", ("e12", "e15", None)),
    ("fpage: iv-x\n", "iv", "x", None, ("iv", "x", None)),
    ("page_range: iv-x, 1-12\n", "iv", "12", "iv-x, 1-12", ("iv", "x", "1-12")),
    ("page_range: A1, A5-A7\n", "A1", "A7", "A1, A5-A7", ("A1", None, "A5-A7")),
    ("page_range: 12a-12c\n", "12a", "12c", "12a-12c", ("12a", "12c", None)),
]


@pytest.mark.parametrize(("pages", "fpage", "lpage", "page_range", "crossref"), LETTERED)
def test_lettered_and_roman_pages_reach_jats_and_crossref(
    run, write_article, journal_file: Path, tmp_path: Path, store, pages, fpage, lpage,
    page_range, crossref
) -> None:  # fmt: skip
    journal_file.write_text(journal_file.read_text(encoding="utf-8") + DEPOSITOR, "utf-8")
    path = write_article(ARTICLE + pages)
    out = tmp_path / "out"
    for target in ("jats", "crossref"):
        result = run("convert", path, "--to", target, "-o", out)
        assert result.code == 0, result.err
    jats = out / "article.xml"
    assert xmllint(jats, store.catalog).returncode == 0
    meta = etree.parse(str(jats)).getroot().find("front/article-meta")
    assert (meta.findtext("fpage"), meta.findtext("lpage")) == (fpage, lpage)
    assert meta.findtext("page-range") == page_range
    deposit = out / "article.crossref.xml"
    check = xmllint_crossref(deposit)
    assert check.returncode == 0, check.stderr
    found = etree.parse(str(deposit)).getroot()
    assert (
        tuple(
            found.findtext(f".//c:journal_article/c:pages/c:{name}", namespaces=CR)
            for name in ("first_page", "last_page", "other_pages")
        )
        == crossref
    )


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ("page_range: S1-4\n", "page_range: the range S1-4 in 'S1-4' goes from one kind of page "
         "to another (write both ends alike: S1-S4, e12-e15, iv-x)"),
        ("fpage: S1-4\n", "fpage: a page range in one page field, of two kinds of page: 'S1-4' "
         "(give fpage and lpage; write both ends alike: S1-S4, e12-e15, iv-x)"),
        ("page_range: x-iv\n", "page_range: the range x-iv in 'x-iv' ends before it begins"),
        ("page_range: S4-S1\n", "page_range: the range S4-S1 in 'S4-S1' ends before it begins"),
        ("fpage: xii\nlpage: iv\n", "lpage: iv comes before fpage xii"),
        ("page_range: passim\n", "page_range: not pages and page ranges separated by commas: "
         "'passim'"),
        ("page_range: pp. 5-9\n", "'pp. 5-9'"),
        # the word for pages typed before an article's page ('С. 110', as in a reference
        # list) went into <fpage> and Crossref's first_page as the page's name
        ("fpage: С. 110\nlpage: 119\n", "fpage: the word for pages is no part of a page: "
         "'С. 110' (write 110 alone)"),
        ("fpage: С. 110–119\n", "fpage: the word for pages is no part of a page: "
         "'С. 110–119' (write fpage: 110 and lpage: 119)"),
        ("fpage: 110\nlpage: pp. 119\n", "lpage: the word for pages is no part of a page"),
        ("page_range: did\n", "'did'"),  # (letters of Roman numerals, in no numeral's order)
        ("page_range: S-1\n", "'S-1'"),
    ],
)  # fmt: skip
def test_what_is_clearly_not_pages_is_refused_in_one_line(
    run, write_article, pages: str, expected: str
) -> None:
    path = write_article(ARTICLE + pages)
    result = run("convert", path)
    assert result.code == EXIT_INPUT
    [line] = result.err.splitlines()
    assert line.startswith(f"{path}: ") and expected in line, line


# ------------------------------------------------------------------ JATS


@pytest.mark.parametrize("version", ["1.4", "1.3"])
@pytest.mark.parametrize("tag_set", ["publishing", "archiving"])
def test_issue_title_and_page_range_are_valid_jats_and_read_back(
    write_article, tmp_path: Path, store, version: str, tag_set: str
) -> None:
    """The issue's title in the article's language, its translation in a trans-title-group
    (issue-title-group, in JATS 1.3 and 1.4 alike), then the pages: valid for xmllint, and
    JATS → model → JATS gives the same bytes."""
    article = load_article(write_article(ARTICLE + "page_range: 110-115, 120-124\n"))
    output = to_jats(article, version=version, tag_set=tag_set, grammars=store)  # type: ignore[arg-type]
    assert output.valid, output.problems
    path = tmp_path / "out.xml"
    path.write_bytes(output.data)
    check = xmllint(path, store.catalog)
    assert check.returncode == 0, check.stderr
    assert (
        "      <issue>2</issue>\n"
        "      <issue-title-group>\n"
        "        <issue-title>Внешняя политика Японии в Азии</issue-title>\n"
        '        <trans-title-group xml:lang="en">\n'
        "          <trans-title>Japan's foreign policy in Asia</trans-title>\n"
        "        </trans-title-group>\n"
        "      </issue-title-group>\n"
        "      <fpage>110</fpage>\n"
    ) in output.data.decode("utf-8")
    [loaded] = list(read_source(path, "jats", ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.warnings == []
    assert loaded.article.issue_title == article.issue_title
    assert loaded.article.page_range == "110-115, 120-124"
    again = to_jats(loaded.article, version=version, tag_set=tag_set)  # type: ignore[arg-type]
    assert again.data == output.data


def test_an_issue_title_in_one_language_is_an_issue_title(write_article, store) -> None:
    """One language: an issue-title alone, with its xml:lang when it is not the article's."""
    text = ARTICLE.replace(
        'issue_title: {ru: Внешняя политика Японии в Азии, en: "Japan\'s foreign policy in Asia"}',
        "issue_title: {en: Arctic studies}",
    )
    output = to_jats(load_article(write_article(text)), grammars=store)
    assert output.valid, output.problems
    assert b'      <issue-title xml:lang="en">Arctic studies</issue-title>\n' in output.data
    assert b"issue-title-group" not in output.data


def test_an_issue_title_is_plain_text(write_article, store) -> None:
    """The Publishing DTD's issue-title takes no markup: tags typed in the title are its text."""
    text = ARTICLE.replace('"Japan\'s foreign policy in Asia"', '"Japan and <i>Asia</i> & more"')
    output = to_jats(load_article(write_article(text)), grammars=store)
    assert output.valid, output.problems
    assert b"<trans-title>Japan and &lt;i&gt;Asia&lt;/i&gt; &amp; more</trans-title>" in (
        output.data
    )


def test_the_profiles_find_nothing_wrong_and_count_only_the_articles_titles(
    run, write_article, tmp_path: Path
) -> None:
    """PMC's form (JATS 1.3, --profile pmc) of an article with an issue title in two languages
    and a page range passes the pmc profile. The issue title's English translation is no
    English title of the article: RSCI still wants one."""
    russian_only = ARTICLE.replace(
        "title: {ru: Внешняя политика Японии, en: Japan's foreign policy}",
        "title: {ru: Внешняя политика Японии}",
    )
    path = write_article(russian_only + "section: {ru: Статьи}\npage_range: 110-115, 120-124\n")
    out = tmp_path / "out"
    result = run("convert", path, "--jats-version", "1.3", "--profile", "pmc", "-o", out)
    assert result.code == 0, result.err
    jats = out / "article.xml"
    report = run("check", "--profile", "pmc", jats)
    assert report.code == 0, report.out
    assert "issue-title" not in report.out and "page-range" not in report.out
    rsci = run("check", "--profile", "rsci", jats)
    assert "[rsci-bilingual] no title in English" in rsci.out


# ------------------------------------------------------------------ Crossref


def test_the_deposit_holds_the_issue_title_and_other_pages(
    run, write_article, journal_file: Path, tmp_path: Path
) -> None:
    """journal_issue takes one title: the journal's language's (Russian here), the other said.
    Crossref wants the first range in first_page and last_page and the rest in other_pages."""
    journal_file.write_text(
        journal_file.read_text(encoding="utf-8") + "language: ru\n" + DEPOSITOR, "utf-8"
    )
    path = write_article(ARTICLE + "page_range: 110-115, 120-124, 130\n")
    out = tmp_path / "out"
    result = run("convert", path, "--to", "crossref", "-o", out)
    assert result.code == 0, result.err
    deposit = out / "article.crossref.xml"
    check = xmllint_crossref(deposit)
    assert check.returncode == 0, check.stderr
    root = etree.parse(str(deposit)).getroot()
    issue = root.xpath("//c:journal_issue", namespaces=CR)[0]
    assert [etree.QName(el).localname for el in issue] == [
        "titles",
        "publication_date",
        "journal_volume",
        "issue",
    ]
    assert issue.xpath("c:titles/c:title/text()", namespaces=CR) == [
        "Внешняя политика Японии в Азии"
    ]
    pages = root.xpath("//c:journal_article/c:pages/*", namespaces=CR)
    assert [(etree.QName(p).localname, p.text) for p in pages] == [
        ("first_page", "110"),
        ("last_page", "115"),
        ("other_pages", "120-124, 130"),
    ]
    assert result.err.splitlines()[0] == (
        f"{deposit}: warning: issue_title: Crossref's journal_issue takes one title: the ru one "
        "is deposited, not en"
    )


def test_what_the_deposit_cannot_hold_is_said(
    run, write_article, journal_file: Path, tmp_path: Path
) -> None:
    """An issue title without a volume or issue number has no journal_issue to go in; other
    pages longer than Crossref's 100 characters are left out: each is said, and the deposit
    stays valid."""
    journal_file.write_text(journal_file.read_text(encoding="utf-8") + DEPOSITOR, "utf-8")
    text = ARTICLE.replace("volume: 5\nissue: 2\n", "").replace(
        'issue_title: {ru: Внешняя политика Японии в Азии, en: "Japan\'s foreign policy in Asia"}',
        "issue_title: {en: Arctic studies}",
    )
    many = ", ".join(f"{page}-{page + 1}" for page in range(120, 220, 4))
    out = tmp_path / "out"
    result = run("convert", write_article(text + f"page_range: 110-115, {many}\n"), "--to",
                 "crossref", "-o", out)  # fmt: skip
    assert result.code == 0, result.err
    deposit = out / "article.crossref.xml"
    assert xmllint_crossref(deposit).returncode == 0
    assert result.err.splitlines()[:2] == [
        f"{deposit}: warning: issue_title: Crossref's journal_issue needs the issue's volume or "
        "number and a date: the issue title is not deposited",
        f"{deposit}: warning: page_range: Crossref's other_pages holds at most 100 characters: "
        "only the first range is deposited",
    ]
    data = deposit.read_bytes()
    assert b"<journal_issue>" not in data and b"other_pages" not in data
    assert b"<first_page>110</first_page>" in data and b"<last_page>115</last_page>" in data


# ------------------------------------------------------------------ meta tags


def test_the_meta_tags_give_the_first_and_last_page_and_invent_no_tag(
    run, write_article, tmp_path: Path
) -> None:
    """Google Scholar's inclusion guidelines list no Highwire tag for an issue's title or a
    page range (their PRISM support is named only by example, prism.title): the page gets
    citation_firstpage and citation_lastpage, the page the article begins and ends on, and
    neither the issue's title nor the other pages under a tag of our making."""
    out = tmp_path / "out"
    path = write_article(ARTICLE + "page_range: 110-115, 120-124\n")
    result = run("convert", path, "--to", "meta-tags", "-o", out)
    assert result.code == 0, result.err
    html = (out / "article.meta.html").read_text(encoding="utf-8")
    tags = lxml.html.fragments_fromstring(html)
    pairs = [(tag.get("name"), tag.get("content")) for tag in tags]
    assert ("citation_firstpage", "110") in pairs and ("citation_lastpage", "124") in pairs
    assert [name for name, _ in pairs if "issue" in name] == ["citation_issue"]
    assert "Азии" not in html and "Asia" not in html and "120-124" not in html


# An abbreviated last page, as NLM and many styles print ranges (1210-19, 25-7), is written in
# full: JATS's lpage and Crossref's last_page want the page's number, and the reference parser
# reads a reference's range so. It is said once, naming the field.
ABBREVIATED = [
    ("fpage: 25\nlpage: 7\n", "25", "27", None, ("25", "27", None)),
    ("fpage: 1210-19\n", "1210", "1219", None, ("1210", "1219", None)),
    ("fpage: S12\nlpage: S3\n", "S12", "S13", None, ("S12", "S13", None)),
    ("page_range: 1210-5, 1220-9\n", "1210", "1229", "1210-5, 1220-9", ("1210", "1215", "1220-9")),
]


@pytest.mark.parametrize(("pages", "fpage", "lpage", "page_range", "crossref"), ABBREVIATED)
def test_an_abbreviated_last_page_is_written_in_full(
    run, write_article, journal_file: Path, tmp_path: Path, pages, fpage, lpage, page_range,
    crossref
) -> None:  # fmt: skip
    journal_file.write_text(journal_file.read_text(encoding="utf-8") + DEPOSITOR, "utf-8")
    path = write_article(ARTICLE + pages)
    out = tmp_path / "out"
    errs = ""
    for target in ("jats", "crossref"):
        result = run("convert", path, "--to", target, "-o", out)
        assert result.code == 0, result.err
        errs = errs or result.err
    meta = etree.parse(str(out / "article.xml")).getroot().find("front/article-meta")
    assert (meta.findtext("fpage"), meta.findtext("lpage")) == (fpage, lpage)
    assert meta.findtext("page-range") == page_range
    found = etree.parse(str(out / "article.crossref.xml")).getroot()
    assert (
        tuple(
            found.findtext(f".//c:journal_article/c:pages/c:{name}", namespaces=CR)
            for name in ("first_page", "last_page", "other_pages")
        )
        == crossref
    )
    said = [line for line in errs.splitlines() if "read as" in line]
    if page_range is None:  # (a page range text is kept as given, its ends read from it)
        assert len(said) == 1, errs
        assert "lpage: " in said[0] and f"read as {lpage}" in said[0]


def test_an_abbreviated_last_page_before_the_first_is_refused_in_one_line(
    run, write_article
) -> None:
    """125-13 read in full is 125-113: it runs backwards, as 130-119 does."""
    path = write_article(ARTICLE + "fpage: 125\nlpage: 13\n")
    result = run("convert", path)
    assert result.code == EXIT_INPUT
    assert result.err.splitlines() == [f"{path}: lpage: 13 (read as 113) comes before fpage 125"]


def test_the_python_api_gives_the_last_page_in_full(write_article) -> None:
    article = load_article(write_article(ARTICLE + "fpage: 25\nlpage: 7\n"))
    assert article.lpage == "27"
    assert b"<lpage>27</lpage>" in to_jats(article).data


def test_an_abbreviated_page_range_reads_back_from_jats(run, write_article, tmp_path: Path) -> None:
    """The JATS written for 'page_range: 1210-5, 1220-9' (lpage 1229) is read back whole: the
    reader took page-range for one ending elsewhere than lpage and left it out."""
    out, again = tmp_path / "out", tmp_path / "again"
    assert (
        run("convert", write_article(ARTICLE + "page_range: 1210-5, 1220-9\n"), "-o", out).code == 0
    )
    result = run("convert", out / "article.xml", "-o", again)
    assert result.code == 0, result.err
    assert "page-range" not in result.err
    meta = etree.parse(str(again / "article.xml")).getroot().find("front/article-meta")
    assert (meta.findtext("lpage"), meta.findtext("page-range")) == ("1229", "1210-5, 1220-9")


@pytest.mark.parametrize(("lpage", "kept"), [("29", True), ("9", False)])
def test_a_jats_lpage_abbreviated_is_matched_with_the_page_range_in_full(
    run, write_article, tmp_path: Path, lpage: str, kept: bool
) -> None:
    """<lpage>29</lpage> after <fpage>1210</fpage> is 1229, page-range 1210-5, 1220-9's end:
    the page-range is kept (it was left out, '29' not being '9'); <lpage>9</lpage> is 1219, not
    its end, and the page-range is said and left out, not the article refused for it."""
    out, again = tmp_path / "out", tmp_path / "again"
    written = run("convert", write_article(ARTICLE + "page_range: 1210-5, 1220-9\n"), "-o", out)
    assert written.code == 0, written.err
    jats = out / "article.xml"
    jats.write_text(jats.read_text("utf-8").replace("<lpage>1229<", f"<lpage>{lpage}<"), "utf-8")
    result = run("convert", jats, "-o", again)
    assert result.code == 0, result.err
    meta = etree.parse(str(again / "article.xml")).getroot().find("front/article-meta")
    if kept:
        assert (meta.findtext("lpage"), meta.findtext("page-range")) == ("1229", "1210-5, 1220-9")
    else:
        assert f"page-range '1210-5, 1220-9' does not end on lpage {lpage}: left out" in result.err
        assert meta.findtext("lpage") == "1219"
