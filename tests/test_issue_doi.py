"""An issue's DOI (and its landing page and publisher's id), from every source to every output.

Journals register a DOI for each issue. The model had no place for it: the OJS reader said it
once a run, the JATS reader dropped ``issue-id``. Here the article file gives ``issue_doi``
(read as the article's ``doi`` is), ``issue_url`` (the page the DOI resolves to) and
``issue_ids.publisher_id``, and the tests look at what a user gets: one-line refusals, JATS that
xmllint finds valid with ``issue-id`` after ``issue`` and that reads back to the same bytes, a
Crossref deposit whose ``journal_issue`` registers the DOI with its page (xmllint against
Crossref's schema) or says why it does not, the readers of Crossref deposits and spreadsheets,
and the profiles' rules on ``issue-id``.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import xmllint, xmllint_crossref
from converter import load_article, to_jats
from converter.checks import check_bytes
from converter.readers import ReadContext, read_source

EXIT_INPUT = 3
CR = {"c": "http://www.crossref.org/schema/5.3.1"}
ISSUE_PAGE = "https://journal.example.org/index.php/jsr/issue/view/14"
ARTICLE = f"""\
language: ru
title: {{ru: Японская политика в Арктике, en: Japan's Arctic policy}}
doi: 10.5555/jsr.2019.1.7
url: https://journal.example.org/index.php/jsr/article/view/7
volume: 3
issue: 1
issue_doi: https://doi.org/10.5555/JSR.2019.1
issue_url: {ISSUE_PAGE}
issue_ids: {{publisher_id: jsr-2019-1}}
published: {{electronic: 2019-03-29, collection: 2019}}
authors:
  - name: {{ru: {{surname: Иванова, given: Анна}}, en: {{surname: Ivanova, given: Anna}}}}
"""
DEPOSITOR = "crossref: {depositor_name: P, depositor_email: d@example.org, registrant: P}\n"


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("JATSCONV_CROSSREF_SCHEMA", raising=False)


def _without(text: str, *keys: str) -> str:
    return "".join(line + "\n" for line in text.splitlines() if line.split(":")[0] not in keys)


# ------------------------------------------------------------------ the article file


def test_the_issue_doi_is_read_as_the_articles_doi_is(write_article) -> None:
    """A resolver address or a "DOI" label is taken off, as for ``doi``; the case is kept."""
    article = load_article(write_article(ARTICLE.replace("https://doi.org/", "DOI ")))
    assert article.issue_doi == "10.5555/JSR.2019.1"
    assert article.issue_url == ISSUE_PAGE
    assert article.issue_ids.publisher_id == "jsr-2019-1"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("issue_doi: https://doi.org/10.5555/JSR.2019.1", "issue_doi: 10.5555/JSR\u20102019.1"),
         "issue_doi: contains a non-ASCII dash U+2010; use '-': '10.5555/JSR\u20102019.1'"),
        (("issue_doi: https://doi.org/10.5555/JSR.2019.1", "issue_doi: JSR.2019.1"),
         "issue_doi: not a DOI (expected 10.NNNN/suffix): 'JSR.2019.1'"),
        (("issue_doi: https://doi.org/10.5555/JSR.2019.1\n", ""),
         "issue_url: given without issue_doi (it is the page the issue's DOI resolves to)"),
        (("issue_doi: https://doi.org/10.5555/JSR.2019.1", "issue_doi: 10.5555/JSR.2019.1.7"),
         "issue_doi: 10.5555/JSR.2019.1.7 is the article's own DOI (doi)"),
        ((f"issue_url: {ISSUE_PAGE}", "issue_url: journal.example.org/issue/14"),
         "issue_url: not a URL (expected http://, https:// or ftp:// and no spaces): "
         "'journal.example.org/issue/14'"),
        (("{publisher_id: jsr-2019-1}", "{publisher_id: jsr-2019-1, edn: ABCDEF}"),
         "issue_ids.edn: unknown field (check the spelling against the input format)"),
    ],
)  # fmt: skip
def test_a_wrong_issue_identifier_is_refused_in_one_line(
    run, write_article, change: tuple[str, str], expected: str
) -> None:
    old, new = change
    assert old in ARTICLE
    path = write_article(ARTICLE.replace(old, new))
    result = run("convert", path)
    assert result.code == EXIT_INPUT
    assert result.err.splitlines() == [f"{path}: {expected}"]


# ------------------------------------------------------------------ JATS

ISSUE_IDS = (
    "      <issue>1</issue>\n"
    '      <issue-id pub-id-type="publisher-id">jsr-2019-1</issue-id>\n'
    f'      <issue-id pub-id-type="doi" xlink:href="{ISSUE_PAGE}">10.5555/JSR.2019.1</issue-id>\n'
)


@pytest.mark.parametrize("version", ["1.4", "1.3"])
@pytest.mark.parametrize("tag_set", ["publishing", "archiving"])
def test_issue_ids_are_valid_jats_and_read_back(
    write_article, tmp_path: Path, store, version: str, tag_set: str
) -> None:
    """``issue-id`` follows ``issue`` (and comes before ``issue-title``), as the DTDs order
    article-meta; the DOI links to the issue's page. JATS → model → JATS gives the same bytes."""
    text = ARTICLE + "issue_title: {ru: Арктика}\n"
    article = load_article(write_article(text))
    output = to_jats(article, version=version, tag_set=tag_set, grammars=store)  # type: ignore[arg-type]
    assert output.valid, output.problems
    path = tmp_path / "out.xml"
    path.write_bytes(output.data)
    check = xmllint(path, store.catalog)
    assert check.returncode == 0, check.stderr
    assert ISSUE_IDS + "      <issue-title>Арктика</issue-title>\n" in output.data.decode()
    [loaded] = list(read_source(path, "jats", ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.warnings == []
    assert (loaded.article.issue_doi, loaded.article.issue_url) == (
        "10.5555/JSR.2019.1",
        ISSUE_PAGE,
    )
    assert loaded.article.issue_ids.publisher_id == "jsr-2019-1"
    again = to_jats(loaded.article, version=version, tag_set=tag_set)  # type: ignore[arg-type]
    assert again.data == output.data


def test_an_issue_doi_without_its_page_is_an_issue_id_alone(write_article, store) -> None:
    text = _without(ARTICLE, "issue_url", "issue_ids")
    output = to_jats(load_article(write_article(text)), grammars=store)
    assert output.valid, output.problems
    assert (
        b'      <issue>1</issue>\n      <issue-id pub-id-type="doi">10.5555/JSR.2019.1</issue-id>\n'
    ) in output.data


def _jats_with(tmp_path: Path, issue_ids: str, doi: str = "10.5555/jsr.2019.1.7") -> Path:
    """A JATS file from elsewhere whose article-meta holds ``issue_ids`` after its issue."""
    path = tmp_path / "other.xml"
    path.write_text(
        '<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article" '
        'xml:lang="en"><front><journal-meta><journal-title-group><journal-title>J'
        '</journal-title></journal-title-group><issn pub-type="epub">2687-1440</issn>'
        f'</journal-meta><article-meta><article-id pub-id-type="doi">{doi}</article-id>'
        "<title-group><article-title>T</article-title></title-group>"
        f"<volume>3</volume><issue>1</issue>{issue_ids}</article-meta></front></article>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("issue_ids", "doi", "url", "publisher_id", "said"),
    [
        # PMC's records repeat ids; one of another type is named
        ('<issue-id pub-id-type="doi">10.5555/jsr.2019.1</issue-id>'
         '<issue-id pub-id-type="doi">10.5555/jsr.2019.1</issue-id>'
         '<issue-id pub-id-type="other">v3n1</issue-id>',
         "10.5555/jsr.2019.1", None, None,
         ["issue-id 'v3n1' (pub-id-type 'other') is not in the model: left out"]),
        ('<issue-id pub-id-type="doi">10.5555/jsr.2019.1</issue-id>'
         '<issue-id pub-id-type="doi">10.5555/jsr.2019.2</issue-id>',
         "10.5555/jsr.2019.1", None, None,
         ["issue-id '10.5555/jsr.2019.2' (pub-id-type 'doi') is not in the model: left out"]),
        # no DOI: said and left out, and the page with it; the article converts
        ('<issue-id pub-id-type="doi" xlink:href="https://j.example.org/i/1">jsr.2019.1'
         "</issue-id>",
         None, None, None,
         ["issue-id DOI: not a DOI (expected 10.NNNN/suffix): 'jsr.2019.1': left out",
          "issue-id landing page 'https://j.example.org/i/1': no issue DOI to go with: left "
          "out"]),
        ('<issue-id pub-id-type="doi">10.5555/jsr.2019.1.7</issue-id>',
         None, None, None,
         ["issue-id DOI '10.5555/jsr.2019.1.7' is the article's own DOI: left out as the "
          "issue's"]),
        ('<issue-id pub-id-type="doi" xlink:href="issue/14">10.5555/jsr.2019.1</issue-id>',
         "10.5555/jsr.2019.1", None, None,
         ["issue-id landing page 'issue/14': no URL (http://, https:// or ftp://): left out"]),
        ('<issue-id pub-id-type="publisher-id" xlink:href="https://j.example.org/i/1">v3n1'
         "</issue-id>",
         None, None, "v3n1",
         ["issue-id 'v3n1': its link 'https://j.example.org/i/1' is not in the model: left out"]),
    ],
)  # fmt: skip
def test_the_jats_reader_reads_issue_ids_and_names_what_it_leaves_out(
    tmp_path: Path, issue_ids: str, doi, url, publisher_id, said: list[str]
) -> None:
    [loaded] = list(read_source(_jats_with(tmp_path, issue_ids), "jats", ReadContext()))
    assert loaded.article is not None, loaded.problems
    article = loaded.article
    assert (article.issue_doi, article.issue_url, article.issue_ids.publisher_id) == (
        doi,
        url,
        publisher_id,
    )
    assert [str(w) for w in loaded.warnings] == said
    assert all(w.kind == "data dropped" for w in loaded.warnings)


# ------------------------------------------------------------------ Crossref


def _deposit(run, path: Path, out: Path, *more: str):
    result = run("convert", path, "--to", "crossref", "-o", out, *more)
    assert result.code == 0, result.err
    return result


def _issue_children(deposit: Path) -> list[str]:
    issue = etree.parse(str(deposit)).getroot().xpath("//c:journal_issue", namespaces=CR)[0]
    return [etree.QName(el).localname for el in issue]


def test_the_deposit_registers_the_issue_doi_with_its_page(
    run, write_article, journal_file: Path, tmp_path: Path
) -> None:
    journal_file.write_text(journal_file.read_text(encoding="utf-8") + DEPOSITOR, "utf-8")
    result = _deposit(run, write_article(ARTICLE), tmp_path / "out")
    deposit = tmp_path / "out" / "article.crossref.xml"
    check = xmllint_crossref(deposit)
    assert check.returncode == 0, check.stderr
    assert "issue_doi" not in result.err and "issue_ids" not in result.err
    assert _issue_children(deposit) == ["publication_date", "journal_volume", "issue", "doi_data"]
    root = etree.parse(str(deposit)).getroot()
    assert root.xpath("//c:journal_issue/c:doi_data/*/text()", namespaces=CR) == [
        "10.5555/JSR.2019.1",
        ISSUE_PAGE,
    ]
    # the article's own doi_data is untouched
    assert root.xpath("//c:journal_article/c:doi_data/c:doi/text()", namespaces=CR) == [
        "10.5555/jsr.2019.1.7"
    ]
    # read back from the deposit, as a Crossref deposit file
    [loaded] = list(read_source(deposit, "crossref", ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert (loaded.article.issue_doi, loaded.article.issue_url) == (
        "10.5555/JSR.2019.1",
        ISSUE_PAGE,
    )
    assert not [w for w in loaded.warnings if "journal_issue" in w]


@pytest.mark.parametrize(
    ("keys", "said"),
    [
        (("issue_url",), "issue_doi: Crossref registers an issue's DOI with the issue's landing "
         "page (issue_url), and none is given: the issue's DOI is not in the deposit"),
        (("volume", "issue"), "issue_doi: Crossref's journal_issue needs the issue's volume or "
         "number and a date: the issue's DOI is not in the deposit"),
    ],
)  # fmt: skip
def test_an_issue_doi_the_deposit_cannot_register_is_said(
    run, write_article, journal_file: Path, tmp_path: Path, keys: tuple[str, ...], said: str
) -> None:
    """Crossref takes an issue's DOI with its page (doi_data needs both) in a journal_issue:
    without either, the deposit holds no issue DOI, no page is made up, and a warning says so."""
    journal_file.write_text(journal_file.read_text(encoding="utf-8") + DEPOSITOR, "utf-8")
    result = _deposit(run, write_article(_without(ARTICLE, *keys)), tmp_path / "out")
    deposit = tmp_path / "out" / "article.crossref.xml"
    assert xmllint_crossref(deposit).returncode == 0
    assert f"{deposit}: warning: {said}" in result.err.splitlines()
    data = deposit.read_bytes()
    assert b"JSR.2019.1<" not in data and b"issue/view" not in data


def test_an_issue_page_past_crossrefs_limit_refuses_the_deposit(
    run, write_article, journal_file: Path, tmp_path: Path
) -> None:
    journal_file.write_text(journal_file.read_text(encoding="utf-8") + DEPOSITOR, "utf-8")
    long_page = ISSUE_PAGE + "/" + "x" * 2048
    path = write_article(ARTICLE.replace(f"issue_url: {ISSUE_PAGE}", f"issue_url: {long_page}"))
    result = run("convert", path, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 1
    assert (
        f"{path}: error: issue_url: longer than Crossref's 2048 characters (it has 2104: "
        "'https://journal.example.org/index.php/j…'): Crossref's schema would refuse the whole "
        "deposit"
    ) in result.err.splitlines()
    assert not (tmp_path / "out" / "article.crossref.xml").exists()


def test_an_issue_deposit_registers_the_issue_doi_once(
    run, write_article, journal_file: Path, tmp_path: Path
) -> None:
    """--per-issue: one journal_issue for the issue's articles, its DOI once; an article that
    gives no issue DOI takes the issue's. Articles that give two DOIs, or one DOI with two
    pages, are reported, not merged."""
    journal_file.write_text(journal_file.read_text(encoding="utf-8") + DEPOSITOR, "utf-8")
    write_article(ARTICLE, "a.yaml")
    second = (
        _without(ARTICLE, "issue_doi", "issue_url")
        .replace("1.7", "1.8")
        .replace("view/7", "view/8")
    )
    write_article(second, "b.yaml")
    out = tmp_path / "out"
    result = run("convert", tmp_path / "a.yaml", tmp_path / "b.yaml", "--to", "crossref",
                 "--per-issue", "-o", out)  # fmt: skip
    assert result.code == 0, result.err
    [deposit] = list(out.iterdir())
    assert xmllint_crossref(deposit).returncode == 0
    root = etree.parse(str(deposit)).getroot()
    assert root.xpath("//c:doi_data/c:doi/text()", namespaces=CR) == [
        "10.5555/JSR.2019.1",
        "10.5555/jsr.2019.1.7",
        "10.5555/jsr.2019.1.8",
    ]
    other = ARTICLE.replace("1.7", "1.8").replace("view/7", "view/8")
    write_article(other.replace(ISSUE_PAGE, ISSUE_PAGE + "0"), "b.yaml")
    refused = run("convert", tmp_path / "a.yaml", tmp_path / "b.yaml", "--to", "crossref",
                  "--per-issue", "-o", tmp_path / "refused")  # fmt: skip
    assert refused.code == 1, refused.err
    assert (
        "the issue's DOI or landing page differs between 10.5555/jsr.2019.1.7 "
        f"(10.5555/JSR.2019.1, {ISSUE_PAGE}) and 10.5555/jsr.2019.1.8 (10.5555/JSR.2019.1, "
        f"{ISSUE_PAGE}0): give the articles one issue_doi and issue_url"
    ) in refused.err


# ------------------------------------------------------------------ spreadsheets


def test_spreadsheet_columns(run, journal_file: Path, tmp_path: Path, store) -> None:
    sheet = tmp_path / "issue.csv"
    sheet.write_text(
        "title,doi,volume,issue,issue_doi,issue_url,issue_publisher_id,published.electronic\n"
        f"T,10.5555/jsr.2019.1.7,3,1,10.5555/jsr.2019.1,{ISSUE_PAGE},jsr-2019-1,2019-03-29\n"
        f"U,10.5555/jsr.2019.1.8,3,1,,{ISSUE_PAGE},,2019-03-29\n",
        encoding="utf-8",
    )
    result = run("convert", sheet, "-o", tmp_path / "out")
    assert result.code == EXIT_INPUT
    assert (
        f"{sheet}#3: issue_url: given without issue_doi (it is the page the issue's DOI "
        "resolves to)"
    ) in result.err.splitlines()
    jats = tmp_path / "out" / "issue-row2.xml"
    assert xmllint(jats, store.catalog).returncode == 0
    assert (
        '<issue-id pub-id-type="publisher-id">jsr-2019-1</issue-id>\n'
        f'      <issue-id pub-id-type="doi" xlink:href="{ISSUE_PAGE}">10.5555/jsr.2019.1'
        "</issue-id>"
    ) in jats.read_text(encoding="utf-8")


# ------------------------------------------------------------------ profiles


def _findings(data: bytes, profile: str) -> list[tuple[str, str, str | None]]:
    report = check_bytes(data, "doc.xml", (profile,))
    return [(f.rule, f.message, f.field) for f in report.findings if "issue" in f.path]


def test_the_profiles_judge_issue_ids(write_article, store) -> None:
    """Our issue-id passes PMC's and Crossref's rules; a DOI written with its resolver fails
    doi-syntax and PMC's doi format check; Crossref's profile says an issue DOI without its
    page will not be deposited, and holds its page to Crossref's limit."""
    data = to_jats(load_article(write_article(ARTICLE)), grammars=store).data
    assert _findings(data, "pmc") == []
    assert _findings(data, "crossref") == []
    resolver = data.replace(b">10.5555/JSR.2019.1<", b">https://doi.org/10.5555/JSR.2019.1<")
    assert [rule for rule, _, _ in _findings(resolver, "pmc")] == ["doi-syntax", "pmc-doi-format"]
    no_page = data.replace(f' xlink:href="{ISSUE_PAGE}"'.encode(), b"")
    assert _findings(no_page, "crossref") == [
        (
            "crossref-issue-doi",
            "the issue's DOI '10.5555/JSR.2019.1' is not deposited: Crossref registers it with "
            "the issue's landing page, and the issue-id links to none (xlink:href; issue_url in "
            "the input)",
            "issue_url",
        )
    ]
    long_page = data.replace(ISSUE_PAGE.encode(), ISSUE_PAGE.encode() + b"/" + b"x" * 2048)
    [(rule, message, field)] = _findings(long_page, "crossref")
    assert (rule, field) == ("crossref-limits", "issue_url")
    assert message.startswith('<issue-id pub-id-type="doi">: longer than Crossref\'s 2048')


# ------------------------------------------------------------------ preview


def test_the_preview_shows_the_issue_doi_and_page(run, write_article, tmp_path: Path) -> None:
    result = run("preview", write_article(ARTICLE), "-o", tmp_path / "out")
    assert result.code == 0, result.err
    page = lxml.html.fromstring((tmp_path / "out" / "article.preview.html").read_bytes())
    rows = {
        tr.find("th").text_content(): tr.find("td") for tr in page.find_class("facts")[0].iter("tr")
    }
    assert rows["Issue publisher-id"].text_content() == "jsr-2019-1"
    assert [a.get("href") for a in rows["Issue DOI"].iter("a")] == [
        "https://doi.org/10.5555/JSR.2019.1"
    ]
    assert [a.get("href") for a in rows["Issue page"].iter("a")] == [ISSUE_PAGE]
