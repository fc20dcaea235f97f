"""From an OJS export to outputs Crossref and DOAJ take: URLs, funding, copyright, languages.

The journal file gives the journal's OJS base URL; landing pages and galley links are built
from it (OJS's own routes, or the journal's patterns), so the sample issue passes the crossref
and doaj profiles and converts to Crossref and DOAJ XML valid against their schemas.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import EXTERNAL, SAMPLES
from converter.readers import ReadContext, read_source

EXPORT = SAMPLES / "ojs" / "2019-1" / "issue.xml"
JOURNAL = SAMPLES / "ojs" / "journal.yaml"
BASE = "https://journal.example.org/index.php/jsr"
XLINK = "{http://www.w3.org/1999/xlink}href"


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("JATSCONV_CROSSREF_SCHEMA", raising=False)
    monkeypatch.delenv("JATSCONV_DOAJ_SCHEMA", raising=False)


def _articles(export: Path = EXPORT, journal: Path | None = None):
    loaded = list(read_source(export, "ojs", ReadContext(journal=journal)))
    for item in loaded:
        assert item.article is not None, item.problems
    return loaded


def _copy_issue(tmp_path: Path, journal_text: str) -> Path:
    folder = tmp_path / "issue"
    folder.mkdir()
    shutil.copy(EXPORT, folder / "issue.xml")
    (folder / "journal.yaml").write_text(journal_text, encoding="utf-8")
    return folder / "issue.xml"


# ------------------------------------------------------------------ URLs


def test_landing_pages_from_url_path_or_submission_id() -> None:
    first, second, third = (item.article for item in _articles())
    assert first.url == f"{BASE}/article/view/jsr-2019-1-7"
    assert second.url == f"{BASE}/article/view/jsr-2019-1-26"
    assert third.url == f"{BASE}/article/view/jsr-2019-1-42"


def test_submission_id_when_there_is_no_url_path(tmp_path: Path) -> None:
    text = EXPORT.read_text(encoding="utf-8").replace('url_path="jsr-2019-1-7"', 'url_path=""')
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "issue.xml").write_text(text, encoding="utf-8")
    first = _articles(folder / "issue.xml", JOURNAL)[0].article
    assert first.url == f"{BASE}/article/view/131"


def test_galleys_become_self_uris() -> None:
    first, second, _ = (item.article for item in _articles())
    assert [(s.type, s.url, s.title) for s in first.self_uri] == [
        ("pdf", f"{BASE}/article/download/131/91", "PDF")
    ]
    # an HTML galley is read on its page; a PDF is fetched from its download address
    assert [(s.type, s.url) for s in second.self_uri] == [
        ("html", f"{BASE}/article/view/138/96"),
        ("pdf", f"{BASE}/article/download/138/97"),
    ]


def test_patterns_in_the_journal_file_override_the_routes(tmp_path: Path) -> None:
    journal = JOURNAL.read_text(encoding="utf-8").replace(
        "url: https://journal.example.org/index.php/jsr",
        "url: https://jsr.example.org\nurls:\n  landing_page: '{url}/articles/{url_path}'\n"
        "  download: '{url}/files/{submission_id}-{galley}.pdf'",
    )
    first = _articles(_copy_issue(tmp_path, journal))[0].article
    assert first.url == "https://jsr.example.org/articles/jsr-2019-1-7"
    assert first.self_uri[0].url == "https://jsr.example.org/files/131-91.pdf"


def test_unknown_pattern_field_is_one_line(tmp_path: Path, run) -> None:
    journal = JOURNAL.read_text(encoding="utf-8") + "urls:\n  landing_page: '{url}/a/{doi}'\n"
    export = _copy_issue(tmp_path, journal)
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 3
    assert "urls.landing_page: unknown field {doi} in the pattern" in result.err
    assert "Traceback" not in result.err


def test_without_a_journal_url_the_reader_says_so(tmp_path: Path) -> None:
    journal = re.sub(r"(?m)^url: .*\n", "", JOURNAL.read_text(encoding="utf-8"))
    loaded = _articles(_copy_issue(tmp_path, journal))
    assert loaded[0].article.url is None
    assert any("the journal file gives no url" in w for w in loaded[0].warnings)


def test_remote_galley_keeps_its_address(tmp_path: Path) -> None:
    text = EXPORT.read_text(encoding="utf-8").replace(
        '<submission_file_ref id="507"/>', '<remote src="https://cdn.example.org/jsr-7.pdf"/>'
    )
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "issue.xml").write_text(text, encoding="utf-8")
    first = _articles(folder / "issue.xml", JOURNAL)[0].article
    assert [s.url for s in first.self_uri] == ["https://cdn.example.org/jsr-7.pdf"]


@pytest.mark.parametrize(
    ("label", "remote", "kind"),
    [
        ("PDF (Русский)", "https://repo.example.org/files/article-200.pdf", "pdf"),
        ("Full text", "https://repo.example.org/files/article-200.pdf", "pdf"),  # its address
        ("Full text (HTML)", "https://repo.example.org/article/200", "html"),
        ("PDF (Русский)", None, "pdf"),  # a galley with no file: the label tells
    ],
)
def test_a_galley_kind_comes_from_its_address_or_a_word_of_its_label(
    tmp_path: Path, label: str, remote: str | None, kind: str
) -> None:
    """A remote galley labelled "PDF (Русский)" was dropped as "not PDF, HTML, XML or EPUB":
    only a label that was the kind and nothing else told it."""
    text = EXPORT.read_text(encoding="utf-8").replace(
        '<name locale="ru_RU">PDF</name>', f'<name locale="ru_RU">{label}</name>', 1
    )
    text = text.replace(
        '<submission_file_ref id="507"/>', f'<remote src="{remote}"/>' if remote else "", 1
    )
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "issue.xml").write_text(text, encoding="utf-8")
    [first, *_] = _articles(folder / "issue.xml", JOURNAL)
    address = remote or f"{BASE}/article/download/131/91"
    assert [(s.type, s.url, s.title) for s in first.article.self_uri] == [(kind, address, label)]
    assert not [w for w in first.warnings if "article_galley" in w]


def test_a_galley_without_an_id_is_said_not_dropped_in_silence(tmp_path: Path) -> None:
    """A galley the export gives no id for (a hand-made export; every OJS 2 one; OJS 3.0's, as
    PKP's own 2016 test issue) has no URL: it was left out without a word, then said as if
    the export were OJS 2's."""
    text = EXPORT.read_text(encoding="utf-8").replace(
        '<id type="internal" advice="ignore">91</id>\n', "", 1
    )
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "issue.xml").write_text(text, encoding="utf-8")
    [first, *_] = _articles(folder / "issue.xml", JOURNAL)
    assert first.article.self_uri == []
    assert [w for w in first.warnings if "article_galley" in w] == [
        "<article_galley> 'PDF': no URL: the export gives no galley id to build it from "
        "(OJS 2 exports and early OJS 3 ones give none)"
    ]


def test_a_remote_galley_whose_address_is_no_url_is_said(tmp_path: Path) -> None:
    """It refused the article as "self_uri[0].url: not a URL", a field the export has not."""
    text = EXPORT.read_text(encoding="utf-8").replace(
        '<submission_file_ref id="507"/>', '<remote src="ftp://x y/z.pdf"/>', 1
    )
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "issue.xml").write_text(text, encoding="utf-8")
    [first, *_] = _articles(folder / "issue.xml", JOURNAL)
    assert first.article.self_uri == []
    assert [w for w in first.warnings if "article_galley" in w] == [
        "<article_galley> 'PDF': <remote src='ftp://x y/z.pdf'> is no URL "
        "(http://, https:// or ftp://, no spaces): not carried"
    ]


def test_sample_issue_passes_the_crossref_and_doaj_profiles(run, tmp_path: Path, store) -> None:
    result = run("convert", EXPORT, "-o", tmp_path, "--profile", "crossref", "--profile", "doaj")
    assert result.code == 0, result.err
    outputs = sorted(tmp_path.glob("issue-*.xml"))
    assert len(outputs) == 3
    result = run("check", "--profile", "crossref", "--profile", "doaj", *outputs)
    assert result.code == 0, result.out + result.err
    assert (result.out + result.err).count("passes crossref+doaj (0 errors") == 3


def test_sample_issue_to_crossref_and_doaj_valid_against_their_schemas(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JATSCONV_CROSSREF_SCHEMA", str(EXTERNAL / "crossref-5.3.1"))
    monkeypatch.setenv("JATSCONV_DOAJ_SCHEMA", str(EXTERNAL / "doaj"))
    for target in ("crossref", "doaj"):
        result = run("convert", EXPORT, "-o", tmp_path, "--to", target)
        assert result.code == 0, result.err
    crossref = etree.parse(str(tmp_path / "issue-1.crossref.xml"))
    ns = {"c": "http://www.crossref.org/schema/5.3.1"}
    assert crossref.findtext(".//c:doi_data/c:resource", namespaces=ns) == (
        f"{BASE}/article/view/jsr-2019-1-7"
    )
    doaj = etree.parse(str(tmp_path / "issue-2.doaj.xml"))
    assert doaj.find(".//fullTextUrl").get("format") == "html"
    assert doaj.findtext(".//fullTextUrl") == f"{BASE}/article/view/138/96"


def test_committed_jats_carries_landing_page_and_galleys() -> None:
    tree = etree.parse(str(EXPORT.with_name("issue-2.xml")))
    links = {(s.get("content-type"), s.get(XLINK)) for s in tree.iter("self-uri")}
    assert ("landing-page", f"{BASE}/article/view/jsr-2019-1-26") in links
    assert ("html", f"{BASE}/article/view/138/96") in links


# ------------------------------------------------------------------ funding and copyright


def test_agencies_become_funders_named_in_each_language() -> None:
    first = _articles()[0].article
    assert [f.funder for f in first.funding] == [
        {"ru": "Российский научный фонд", "en": "Russian Science Foundation"}
    ]
    tree = etree.parse(str(EXPORT.with_name("issue-1.xml")))
    sources = tree.xpath("//funding-group/award-group/funding-source//institution/text()")
    assert sources == ["Российский научный фонд", "Russian Science Foundation"]


def test_agencies_of_unequal_lists_are_each_kept(tmp_path: Path) -> None:
    text = EXPORT.read_text(encoding="utf-8").replace(
        "<agency>Russian Science Foundation</agency>",
        "<agency>Russian Science Foundation</agency><agency>MGIMO University</agency>",
    )
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "issue.xml").write_text(text, encoding="utf-8")
    loaded = _articles(folder / "issue.xml", JOURNAL)[0]
    assert len(loaded.article.funding) == 3
    assert any(w.startswith("agencies:") for w in loaded.warnings)


def test_copyright_holder_year_and_statement() -> None:
    first = _articles()[0].article
    assert first.copyright.year == 2019
    assert first.copyright.holder == {"ru": "Иванова А.П.", "en": "Ivanova A.P."}
    assert first.copyright.statement["en"] == "Copyright (c) 2019 Ivanova A.P."


def test_rights_statement_wins(tmp_path: Path) -> None:
    text = EXPORT.read_text(encoding="utf-8").replace(
        "<copyrightYear>2019</copyrightYear>",
        '<copyrightYear>2019</copyrightYear><rights locale="en_US">© 2019 The author. '
        "Published by the Association of Japanologists.</rights>",
        1,
    )
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "issue.xml").write_text(text, encoding="utf-8")
    first = _articles(folder / "issue.xml", JOURNAL)[0].article
    assert first.copyright.statement == {
        "en": "© 2019 The author. Published by the Association of Japanologists."
    }


# ------------------------------------------------------------------ what is not carried


def test_elements_without_a_place_are_reported_one_line_each(tmp_path: Path) -> None:
    text = EXPORT.read_text(encoding="utf-8").replace(
        "<pages>7-25</pages>",
        '<pages>7-25</pages><coverage locale="en_US">Arctic</coverage><id type="public">jsr.7</id>',
    )
    text = text.replace(
        "<email>a.ivanova@example.org</email>",
        "<email>a.ivanova@example.org</email><url>https://example.org/ivanova</url>",
    )
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "issue.xml").write_text(text, encoding="utf-8")
    loaded = _articles(folder / "issue.xml", JOURNAL)
    warnings = loaded[0].warnings
    assert "<coverage>: not carried (the article model has no place for it)" in warnings
    assert not any("type='public'" in w for w in warnings)  # the publisher-id: carried
    assert loaded[0].article is not None and loaded[0].article.ids.publisher_id == "jsr.7"
    assert any(w.startswith("<author/url>: not carried") for w in warnings)
    assert all(w.kind == "data dropped" for w in warnings if "not carried" in w)
    assert not any("not carried" in w for w in loaded[1].warnings)


def test_the_sample_reports_nothing_dropped(run, tmp_path: Path) -> None:
    result = run("convert", EXPORT, "-o", tmp_path)
    assert result.code == 0
    assert "not carried" not in result.err


# ------------------------------------------------------------------ DOAJ language order


def _doaj_titles(path: Path) -> list[str | None]:
    tree = etree.parse(str(path))
    return [t.get("language") for t in tree.iter("title")]


def test_doaj_puts_the_language_the_journal_declares_first(run, tmp_path: Path) -> None:
    # the first article is Russian; the journal declares [en, ru] to DOAJ
    assert run("convert", EXPORT, "-o", tmp_path, "--to", "doaj").code == 0
    record = tmp_path / "issue-1.doaj.xml"
    assert _doaj_titles(record) == ["eng", "rus"]
    abstracts = [a.get("language") for a in etree.parse(str(record)).iter("abstract")]
    assert abstracts == ["eng", "rus"]
    assert etree.parse(str(record)).findtext("record/language") == "rus"  # of the full text


def test_doaj_language_option_wins(run, tmp_path: Path) -> None:
    result = run("convert", EXPORT, "-o", tmp_path, "--to", "doaj", "--doaj-language", "ru")
    assert result.code == 0, result.err
    assert _doaj_titles(tmp_path / "issue-2.doaj.xml") == ["rus", "eng"]


def test_doaj_language_defaults_to_the_article_language(run, tmp_path: Path) -> None:
    journal = re.sub(r"(?ms)^doaj:\n.*", "", JOURNAL.read_text(encoding="utf-8"))
    export = _copy_issue(tmp_path, journal)
    assert run("convert", export, "-o", tmp_path / "out", "--to", "doaj").code == 0
    assert _doaj_titles(tmp_path / "out" / "issue-1.doaj.xml") == ["rus", "eng"]


def test_doaj_language_option_is_checked(run, tmp_path: Path) -> None:
    result = run("convert", EXPORT, "-o", tmp_path, "--to", "doaj", "--doaj-language", "xx-!!")
    assert result.code == 2
    assert "--doaj-language" in result.err
