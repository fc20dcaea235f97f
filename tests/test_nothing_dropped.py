"""Facts that used to vanish on the way through a reader or a template (issue 11, point 7).

Each test names a fact a real-shaped source carries and checks that it reaches the outputs, or
that the reader says in one line that it could not carry it.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from lxml import etree

from conftest import SAMPLES
from converter.api import render
from converter.model import Crossref
from converter.options import Options
from converter.readers import ReadContext, read_source

WORK = SAMPLES / "crossref" / "2018-3" / "streltsov-6.json"
CR = {
    "c": "http://www.crossref.org/schema/5.3.1",
    "ai": "http://www.crossref.org/AccessIndicators.xsd",
}
JATS_NS = {
    "ali": "http://www.niso.org/schemas/ali/1.0/",
    "xlink": "http://www.w3.org/1999/xlink",
}
CROSSREF_JOURNAL = (
    "crossref:\n  depositor_name: Test Press\n  depositor_email: doi@example.org\n"
    "  registrant: Test Press\n"
)


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("JATSCONV_CROSSREF_SCHEMA", raising=False)
    monkeypatch.delenv("JATSCONV_DOAJ_SCHEMA", raising=False)


def _work() -> dict:
    return json.loads(WORK.read_text(encoding="utf-8"))


def _read_json(tmp_path: Path, record: dict):
    source = tmp_path / "work.json"
    source.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    return loaded


def _jats(article) -> etree._Element:
    output = render(article, Options(), "a.xml")
    assert output.valid, output.problems
    return etree.fromstring(output.data)


# ------------------------------------------------------------------ Crossref titles


def test_every_title_of_a_crossref_record_keeps_its_language(tmp_path: Path) -> None:
    loaded = _read_json(tmp_path, _work())  # the sample: an English and a Russian title
    article = loaded.article
    assert article.title["en"].startswith("Russian-Japanese relations")
    assert article.title["ru"].startswith("Российско-японские отношения")
    root = _jats(article)
    assert root.xpath("//trans-title-group[@xml:lang='ru']/trans-title/text()") == [
        "Российско-японские отношения: системный кризис или новые возможности?"
    ]


def test_original_title_is_read_under_the_language_of_its_script(tmp_path: Path) -> None:
    record = _work()
    message = record["message"]
    message["title"] = [message["title"][0]]
    message["original-title"] = ["Российско-японские отношения"]
    article = _read_json(tmp_path, record).article
    assert article.title["ru"] == "Российско-японские отношения"


def test_a_title_whose_language_cannot_be_told_is_reported(tmp_path: Path) -> None:
    record = _work()
    record["message"]["title"].append("日露関係")
    loaded = _read_json(tmp_path, record)
    assert set(loaded.article.title) == {"en", "ru"}
    assert any(w.startswith("title[2]:") and "language" in w for w in loaded.warnings)


def test_deposit_titles_take_their_language_from_script_or_attribute(tmp_path: Path) -> None:
    deposit = tmp_path / "d.xml"
    deposit.write_text(
        """<doi_batch xmlns="http://www.crossref.org/schema/5.3.1" version="5.3.1">
<body><journal><journal_metadata language="ru"><full_title>Японские исследования</full_title>
<issn media_type="print">2500-2872</issn><coden>JSRUA</coden></journal_metadata>
<journal_article language="ru"><titles><title>Japan's Arctic policy</title>
<original_language_title language="ru">Арктическая политика Японии</original_language_title>
</titles>
<contributors><person_name sequence="first" contributor_role="author">
<surname>Ivanova</surname><ORCID authenticated="true">https://orcid.org/0000-0002-1825-0097</ORCID>
</person_name></contributors>
<publication_date media_type="online"><year>2019</year></publication_date>
<ai:program xmlns:ai="http://www.crossref.org/AccessIndicators.xsd" name="AccessIndicators">
<ai:license_ref applies_to="vor" start_date="2019-04-01">https://creativecommons.org/licenses/by/4.0/</ai:license_ref>
</ai:program>
<crossmark><crossmark_version>1</crossmark_version><updates>
<update type="correction" date="2019-05-01">10.5555/jsr.2019.1.1</update></updates></crossmark>
<doi_data><doi>10.5555/jsr.2019.1.7</doi><resource>https://example.org/a</resource></doi_data>
</journal_article></journal></body></doi_batch>""",
        encoding="utf-8",
    )
    [loaded] = list(read_source(deposit, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.title == {"en": "Japan's Arctic policy", "ru": "Арктическая политика Японии"}
    assert article.language == "ru"
    assert article.authors[0].orcid_authenticated is True
    assert article.license.start_date == "2019-04-01"
    # Crossmark's settings are not article facts; an update notice is: the article it corrects
    assert [(r.type, r.doi) for r in article.related_articles] == [
        ("corrected-article", "10.5555/jsr.2019.1.1")
    ]
    assert article.article_type == "correction"
    assert not any(w.startswith("<crossmark") for w in loaded.warnings)
    assert any(w.startswith("<journal_metadata/coden>: not carried") for w in loaded.warnings)


# ------------------------------------------------------------------ ORCID authentication


def test_orcid_authentication_is_carried_when_the_source_states_it(tmp_path: Path) -> None:
    article = _read_json(tmp_path, _work()).article  # "authenticated-orcid": true
    assert article.authors[0].orcid_authenticated is True
    root = _jats(article)
    assert root.xpath("//contrib-id[@contrib-id-type='orcid']/@authenticated") == ["true"]


def test_orcid_authentication_false_is_carried_too(tmp_path: Path) -> None:
    record = _work()
    record["message"]["author"][0]["authenticated-orcid"] = False
    root = _jats(_read_json(tmp_path, record).article)
    assert root.xpath("//contrib-id[@contrib-id-type='orcid']/@authenticated") == ["false"]


def test_orcid_without_a_statement_claims_nothing(tmp_path: Path, journal_file: Path) -> None:
    record = _work()
    del record["message"]["author"][0]["authenticated-orcid"]
    article = _read_json(tmp_path, record).article
    assert article.authors[0].orcid_authenticated is None
    root = _jats(article)
    assert root.xpath("//contrib-id[@contrib-id-type='orcid']/@authenticated") == []
    journal_file.write_text(journal_file.read_text(encoding="utf-8") + CROSSREF_JOURNAL)
    article.journal = article.journal.model_copy(
        update={"crossref": _read_crossref_section(journal_file)}
    )
    output = render(article, Options(target="crossref"), "a.xml")
    assert output.valid, output.problems
    orcid = etree.fromstring(output.data).find(".//c:ORCID", CR)
    assert orcid is not None and "authenticated" not in orcid.attrib


def test_stated_orcid_authentication_reaches_crossref(tmp_path: Path, journal_file: Path) -> None:
    article = _read_json(tmp_path, _work()).article
    journal_file.write_text(journal_file.read_text(encoding="utf-8") + CROSSREF_JOURNAL)
    article.journal = article.journal.model_copy(
        update={"crossref": _read_crossref_section(journal_file)}
    )
    output = render(article, Options(target="crossref"), "a.xml")
    assert output.valid, output.problems
    root = etree.fromstring(output.data)
    assert root.find(".//c:ORCID", CR).get("authenticated") == "true"
    # the licence start date of the record, not the publication date
    assert root.find(".//ai:license_ref", CR).get("start_date") == "2018-09-28"


def _read_crossref_section(journal_file: Path):
    from converter.readers.native import JournalCache

    return JournalCache().load(journal_file).crossref


def test_no_template_hard_codes_orcid_authentication() -> None:
    templates = Path(__file__).resolve().parent.parent / "converter" / "templates"
    for path in templates.rglob("*.j2"):
        text = path.read_text(encoding="utf-8")
        assert 'authenticated="false"' not in text, path
        assert 'authenticated="true"' not in text, path


# ------------------------------------------------------------------ licence start date


def test_licence_start_date_reaches_jats_and_back(tmp_path: Path) -> None:
    article = _read_json(tmp_path, _work()).article
    assert article.license.start_date == "2018-09-28"
    root = _jats(article)
    assert root.xpath("//ali:license_ref/@start_date", namespaces=JATS_NS) == ["2018-09-28"]
    jats = tmp_path / "a.xml"
    jats.write_bytes(etree.tostring(root))
    [again] = list(read_source(jats, "jats", ReadContext()))
    assert again.article is not None, again.problems
    assert again.article.license.start_date == "2018-09-28"
    assert again.article.authors[0].orcid_authenticated is True


def test_licence_start_date_from_yaml(write_article) -> None:
    from converter.readers.native import load_article

    path = write_article(
        "title: T\nlicense: {id: CC-BY-4.0, start_date: 2020-02-01}\n"
        "published: {electronic: 2020-01-15}\n"
    )
    root = _jats(load_article(path))
    assert root.xpath("//ali:license_ref/@start_date", namespaces=JATS_NS) == ["2020-02-01"]


# ------------------------------------------------------------------ what is not carried


def test_crossref_fields_without_a_place_are_reported(tmp_path: Path) -> None:
    record = copy.deepcopy(_work())
    record["message"]["short-title"] = ["R-J relations"]
    record["message"]["subject"] = ["Political Science and International Relations"]
    loaded = _read_json(tmp_path, record)
    assert any(w.startswith("short-title:") and "not carried" in w for w in loaded.warnings)
    # the journal's subject areas, which the registry repeats in each work: no article fact,
    # said once a run (out of scope), never a reason for --strict to refuse
    [subject] = [w for w in loaded.warnings if w.startswith("subject:")]
    assert subject.kind == "out of scope"
    assert not any(w.startswith(("indexed", "score", "member")) for w in loaded.warnings)


# ------------------------------------------------------------------ landing pages

PAGE = SAMPLES / "html" / "2018-1" / "streltsov-110.html"


def _page(tmp_path: Path, head: str, body: str = "<p>No article text here.</p>"):
    page = tmp_path / "page.html"
    page.write_text(
        f'<html lang="ru"><head>\n<meta name="citation_title" content="Заглавие">\n{head}'
        f"</head><body>{body}</body></html>",
        encoding="utf-8",
    )
    [loaded] = list(read_source(page, "html", ReadContext()))
    assert loaded.article is not None, loaded.problems
    return loaded


def test_copyright_of_the_sample_page(tmp_path: Path) -> None:
    [loaded] = list(read_source(PAGE, None, ReadContext()))
    copyright_ = loaded.article.copyright
    assert copyright_.statement == {"en": "Copyright (c) 2018 D. V. Streltsov"}
    assert copyright_.year == 2018
    assert copyright_.holder == {"en": "D. V. Streltsov"}
    root = _jats(loaded.article)
    assert root.xpath("//copyright-year/text()") == ["2018"]
    assert root.xpath("//copyright-holder/text()") == ["D. V. Streltsov"]


def test_copyright_from_the_visible_block_alone(tmp_path: Path, journal_file: Path) -> None:
    loaded = _page(
        tmp_path,
        "",
        '<div class="item copyright"><h2>Лицензия</h2><p>© Иванов И.И., 2020</p>'
        '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></div>',
    )
    copyright_ = loaded.article.copyright
    assert copyright_.statement == {"ru": "© Иванов И.И., 2020"}
    assert (copyright_.year, copyright_.holder) == (2020, {"ru": "Иванов И.И."})
    assert loaded.article.license.spdx == "CC-BY-4.0"


def test_dc_description_paragraphs_are_split_on_newlines(tmp_path: Path, journal_file) -> None:
    loaded = _page(
        tmp_path,
        '<meta name="DC.Description" xml:lang="en" content="First paragraph.\n'
        'Second paragraph.\r\n\r\nThird one.">\n',
    )
    assert loaded.article.abstract["en"] == ["First paragraph.", "Second paragraph.", "Third one."]
    root = _jats(loaded.article)
    assert len(root.xpath("//abstract[@xml:lang='en']/p")) == 3


def test_page_tags_without_a_place_are_reported(tmp_path: Path, journal_file: Path) -> None:
    loaded = _page(
        tmp_path,
        '<meta name="DC.Coverage" content="Arctic">\n'
        '<meta name="citation_conference_title" content="A Conference">\n'
        '<meta name="DC.Format" content="application/pdf">\n'
        '<meta name="DC.Contributor.Sponsor" xml:lang="en" content="Russian Science Foundation">\n'
        '<meta name="DC.Date.dateSubmitted" content="2019-11-02">\n',
    )
    warnings = loaded.warnings
    assert '<meta name="dc.coverage">: not carried (the article model has no place for it)' in (
        warnings
    )
    assert any(w.startswith('<meta name="citation_conference_title">') for w in warnings)
    assert not any("dc.format" in w for w in warnings)
    assert loaded.article.funding[0].funder == {"en": "Russian Science Foundation"}
    assert loaded.article.history.received == "2019-11-02"


# ------------------------------------------------------------------ Crossref names


def test_own_crossref_deposit_reads_back_both_titles_and_name_forms(tmp_path: Path) -> None:
    from conftest import BILINGUAL
    from converter.readers.native import load_article

    article = load_article(BILINGUAL)
    who = Crossref(depositor_name="P", depositor_email="d@example.org", registrant="P")
    article.journal = article.journal.model_copy(update={"crossref": who})
    output = render(article, Options(target="crossref"), "a.xml")
    assert output.valid, output.problems
    deposit = tmp_path / "a.crossref.xml"
    deposit.write_bytes(output.data)
    [loaded] = list(read_source(deposit, None, ReadContext()))
    again = loaded.article
    assert again is not None, loaded.problems
    assert loaded.warnings == []
    assert again.title == article.title
    first = again.authors[0].name
    assert set(first) == {"en", "ru"}
    assert first["ru"].surname == article.authors[0].name["ru"].surname
    assert first["ru"].style == "eastern"


def test_latin_names_of_a_russian_record_are_the_english_form(tmp_path: Path) -> None:
    record = _work()
    record["message"]["language"] = "ru"
    record["message"]["author"][0]["suffix"] = "Jr."
    record["message"]["author"][0]["role"] = [{"role": "lead", "vocabulary": "crossref"}]
    loaded = _read_json(tmp_path, record)
    name = loaded.article.authors[0].name
    assert set(name) == {"en"} and name["en"].suffix == "Jr."
    assert any(w.startswith("author role:") and "not carried" in w for w in loaded.warnings)
