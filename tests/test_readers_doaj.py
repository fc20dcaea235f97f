"""DOAJ article XML as input (``--from doaj``, sniffed from ``<records>``): our own ``--to doaj``
output reads back with the same facts, an OJS-style export converts one article per record,
bad records are refused alone in one line, hostile XML is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SAMPLES
from converter.api import render
from converter.enrich import enriched
from converter.errors import EXIT_INPUT
from converter.inline import plain_text
from converter.model import Article, Journal, affiliation_ids
from converter.notices import DROPPED, SIMPLIFIED
from converter.options import Options
from converter.readers import ReadContext, detect_format, read_source

SOURCES = [
    SAMPLES / "japanese-studies-in-russia" / "2018-3" / "streltsov-6.yaml",
    SAMPLES / "japanese-studies-in-russia" / "2018-3" / "shchukin-21.yaml",
    SAMPLES / "crossref" / "2018-3" / "streltsov-6.json",
    SAMPLES / "ojs" / "2019-1" / "issue.xml",
]


def _articles(path: Path, fmt: str | None = None) -> list[Article]:
    loaded = list(read_source(path, fmt, ReadContext()))
    assert all(item.article is not None for item in loaded), [i.problems for i in loaded]
    return [item.article for item in loaded if item.article is not None]


def _facts(article: Article) -> dict:
    """What a DOAJ record carries of an article, as a reader of it would compare."""
    journal = article.journal
    assert isinstance(journal, Journal)
    people = [p for p in article.authors if p.role == "author"]
    forms = [p.name.get("en") or next(iter(p.name.values())) for p in people if p.name]
    return {
        "title": {lang: plain_text(text) for lang, text in article.title.items()},
        "authors": [(f.given, f.surname) for f in forms],
        "orcid": [p.orcid for p in people],
        "email": [p.email for p in people],
        "affiliations": [len(affiliation_ids(p)) for p in people],
        "doi": article.doi,
        "pages": (article.fpage, article.lpage, article.elocation_id),
        "volume": (article.volume, article.issue),
        "date": article.published.electronic or article.published.print
        or article.published.collection,
        "keywords": {lang: [plain_text(w) for w in ws] for lang, ws in article.keywords.items()},
        "abstract": {lang: [plain_text(p) for p in ps] for lang, ps in article.abstract.items()},
        "issn": (journal.issn.print, journal.issn.electronic),
        "publisher_id": article.ids.publisher_id,
        "language": article.language,
    }  # fmt: skip


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_our_doaj_output_reads_back_with_the_same_facts(tmp_path: Path, source: Path) -> None:
    for index, article in enumerate(_articles(source), start=1):
        output = render(article, Options(target="doaj"), "a.doaj.xml")
        assert output.data, output.problems
        records = tmp_path / f"records-{index}.doaj.xml"
        records.write_bytes(output.data)
        assert detect_format(records) == "doaj"
        loaded = list(read_source(records, None, ReadContext()))
        assert [item.stem for item in loaded] == [f"records-{index}-1"]
        assert loaded[0].warnings == [], loaded[0].warnings
        back = loaded[0].article
        assert back is not None, loaded[0].problems
        assert _facts(back) == _facts(enriched(article).article)


OJS_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<records xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
 xsi:noNamespaceSchemaLocation="http://doaj.org/static/doaj/doajArticles.xsd">
  <record>
    <language>eng</language>
    <publisher>Test University Press</publisher>
    <journalTitle>Journal of Tests</journalTitle>
    <issn>2500-2872</issn>
    <eissn>2687-1440</eissn>
    <publicationDate>2021-03-15</publicationDate>
    <volume>4</volume>
    <issue>2</issue>
    <startPage>11</startPage>
    <endPage/>
    <doi>10.5555/jt.2021.2.11</doi>
    <publisherRecordId>123</publisherRecordId>
    <documentType>Article</documentType>
    <title language="eng">Testing &lt;i&gt;in vitro&lt;/i&gt; records</title>
    <title language="rus">Проверка записей</title>
    <authors>
      <author>
        <name>Julie M. van der Hoop</name>
        <affiliationId>0</affiliationId>
        <orcid_id>https://orcid.org/0000-0002-1825-0097</orcid_id>
      </author>
      <author>
        <name>Ivan Petrov</name>
        <affiliationId>1</affiliationId>
      </author>
    </authors>
    <affiliationsList>
      <affiliationName affiliationId="0">Woods Hole Oceanographic Institution, USA</affiliationName>
      <affiliationName affiliationId="1"></affiliationName>
    </affiliationsList>
    <abstract language="eng">An abstract, as OJS writes it: HTML made text.</abstract>
    <fullTextUrl format="html">https://journal.example.org/article/view/123</fullTextUrl>
    <keywords language="eng">
      <keyword>testing</keyword>
      <keyword>records</keyword>
    </keywords>
    <keywords language="rus"/>
  </record>
  <record>
    <language>ger</language>
    <journalTitle>Journal of Tests</journalTitle>
    <eissn>2687-1440</eissn>
    <publicationDate>2021</publicationDate>
    <title language="ger">Zweiter Artikel</title>
    <authors><author><name>Müller, Hans</name><email>hans@example.org</email></author></authors>
    <fullTextUrl format="pdf">https://journal.example.org/article/download/124/88</fullTextUrl>
    <fullTextUrl format="pdf">https://mirror.example.org/124.pdf</fullTextUrl>
    <funding>Not in DOAJ's schema</funding>
  </record>
</records>
"""


def test_an_ojs_style_export_gives_one_article_per_record(run, tmp_path: Path) -> None:
    source = tmp_path / "records.xml"
    source.write_text(OJS_STYLE, encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")  # detected from <records>
    assert result.code == 0, result.err
    assert sorted(p.name for p in (tmp_path / "out").glob("*.xml")) == [
        "records-1.xml",
        "records-2.xml",
    ]
    first, second = _articles(source, "doaj")
    assert first.language == "en"
    assert first.title == {"en": "Testing <i>in vitro</i> records", "ru": "Проверка записей"}
    names = [p.name["en"] for p in first.authors if p.name]
    assert [(n.given, n.surname) for n in names] == [
        ("Julie M.", "van der Hoop"),  # the landing-page reader's rule, particles and all
        ("Ivan", "Petrov"),
    ]
    assert first.authors[0].orcid == "https://orcid.org/0000-0002-1825-0097"
    assert first.affiliations[0].country == "US"
    assert affiliation_ids(first.authors[1]) == []  # (OJS's empty affiliationName)
    assert (first.fpage, first.lpage, first.volume, first.issue) == ("11", None, "4", "2")
    assert first.ids.publisher_id == "123" and first.article_type == "research-article"
    assert first.url == "https://journal.example.org/article/view/123"
    assert first.published.electronic == "2021-03-15"
    assert first.keywords == {"en": ["testing", "records"]}
    journal = first.journal
    assert isinstance(journal, Journal)
    assert (journal.issn.print, journal.issn.electronic) == ("2500-2872", "2687-1440")
    assert journal.publisher is not None and journal.publisher.name == {
        "en": "Test University Press"
    }
    assert second.language == "de"
    assert second.authors[0].name is not None
    assert second.authors[0].name["de"].surname == "Müller"
    assert second.authors[0].email == "hans@example.org"
    assert [(s.type, s.url) for s in second.self_uri] == [
        ("pdf", "https://journal.example.org/article/download/124/88"),
        ("pdf", "https://mirror.example.org/124.pdf"),
    ]
    # what the model cannot hold is said, each in one line with the record's name
    assert f"{source}#2: warning (data dropped): <funding>: not an element of DOAJ's" in result.err


def _record(**changes: str) -> str:
    fields = {
        "journalTitle": "Journal of Tests",
        "eissn": "2687-1440",
        "publicationDate": "2018-01-01",
        "title": "A title",
    }
    fields.update(changes)
    body = "".join(f"<{k}>{v}</{k}>" for k, v in fields.items())
    return f"<record>{body}<fullTextUrl>https://example.org/a</fullTextUrl></record>"


def test_a_bad_record_is_one_line_and_the_others_convert(run, tmp_path: Path) -> None:
    source = tmp_path / "records.xml"
    source.write_text(
        "<records>"
        + _record()
        + _record(publicationDate="2018-13-01")
        + _record(doi="not a doi")
        + "</records>",
        encoding="utf-8",
    )
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == EXIT_INPUT
    assert (
        f"{source}#2: <publicationDate> '2018-13-01': impossible date, no month 13"
        in result.err.splitlines()
    )
    assert f"{source}#3: <doi>" in result.err
    assert "Traceback" not in result.err
    assert [p.name for p in (tmp_path / "out").glob("*.xml")] == ["records-1.xml"]


def test_what_the_model_cannot_hold_is_said(tmp_path: Path) -> None:
    source = tmp_path / "records.xml"
    source.write_text(
        "<records>"
        + _record(
            language="xx1",
            issn="1111-1111",
            documentType="Obituary of a sort",
            title='Title</title><title language="eng">Second English title',
        ).replace("<fullTextUrl>", '<fullTextUrl format="docx">')
        + "</records>",
        encoding="utf-8",
    )
    (loaded,) = read_source(source, "doaj", ReadContext())
    assert loaded.article is not None, loaded.problems
    said = [str(w) for w in loaded.warnings]
    assert all(w.kind == DROPPED for w in loaded.warnings)
    assert "<language> 'xx1': no ISO 639-2 language code: left out" in said
    assert "<issn> '1111-1111': not an ISSN (its check digit fails): left out" in said
    assert any(s.startswith("<documentType> 'Obituary of a sort'") for s in said)
    assert any(s.startswith("<title> 'Second English title': a second one in en") for s in said)
    assert any(s.startswith("<fullTextUrl format='docx'>") for s in said)
    assert [s.type for s in loaded.article.self_uri] == ["unspecified"]


HOSTILE = {
    "external-entity": ('<!ENTITY x SYSTEM "file:///etc/passwd">', "&x;"),
    "entity-bomb": (
        '<!ENTITY l0 "lol">'
        + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)),
        "&l9;",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_entities_are_refused(run, tmp_path: Path, case: str) -> None:
    dtd, use = HOSTILE[case]
    source = tmp_path / "records.xml"
    source.write_text(
        f"<!DOCTYPE records [{dtd}]><records>{_record(title=use)}</records>", encoding="utf-8"
    )
    result = run("convert", source, "-o", tmp_path / "out", "--from", "doaj")
    assert result.code == EXIT_INPUT
    assert "Traceback" not in result.err and "root:" not in result.err + result.out
    assert f"{source}:" in result.err and "entities" in result.err
    assert not list(tmp_path.glob("out/*.xml"))


def test_batch_reads_a_folder_of_doaj_files(run, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "records.xml").write_text(OJS_STYLE, encoding="utf-8")
    result = run("batch", tmp_path / "in", "-o", tmp_path / "out", "--from", "doaj", "-q")
    assert result.code == 0, result.err
    # (named by batch's rule: ISSN, volume, issue and first page, else year and record)
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.xml")) == [
        "2687-1440-2021-records-2.xml",
        "2687-1440-4-2-11.xml",
    ]


def test_other_xml_is_still_named_with_the_formats_read(run, tmp_path: Path) -> None:
    source = tmp_path / "other.xml"
    source.write_text("<collection><record/></collection>", encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")
    assert "DOAJ article XML <records>" in result.err


def test_names_are_split_as_the_landing_page_reader_splits_them(tmp_path: Path) -> None:
    source = tmp_path / "records.xml"
    people = (
        "<authors><author><name>Иванов Иван Иванович</name><email>E-mail</email></author>"
        "<author><name>The PREDICT Consortium</name></author><author><name/></author></authors>"
    )
    source.write_text(
        "<records>" + _record(title="Заглавие").replace("</record>", people + "</record>")
        + "</records>",
        encoding="utf-8",
    )  # fmt: skip
    (loaded,) = read_source(source, None, ReadContext())
    article = loaded.article
    assert article is not None, loaded.problems
    first, group = article.authors
    assert first.name is not None
    assert (first.name["ru"].surname, first.name["ru"].given) == ("Иванов", "Иван Иванович")
    assert group.collab == {"en": "The PREDICT Consortium"}
    said = [str(w) for w in loaded.warnings]
    email = "<author> 'Иванов Иван Иванович' <email> 'E-mail': not an e-mail address: left out"
    assert email in said
    assert "<author> 3: no name: the author is left out" in said


# DOAJ's API article JSON (``bibjson``), shaped as DOAJ's own test fixture of it
BIBJSON = {
    "id": "abcdefghijk_article",
    "admin": {"in_doaj": True, "publisher_record_id": "jsr-2018-3-6"},
    "bibjson": {
        "title": "Russian-Japanese relations",
        "identifier": [
            {"type": "doi", "id": "10.5555/jsr.2018.3.6"},
            {"type": "pissn", "id": "2500-2872"},
            {"type": "eissn", "id": "2687-1440"},
        ],
        "journal": {
            "volume": "2",
            "number": "3",
            "publisher": "Association of Japanologists",
            "title": "Japanese Studies in Russia",
            "language": ["EN", "RU"],
            "country": "RU",
        },
        "year": "2018",
        "month": "September",
        "start_page": "6",
        "end_page": "20",
        "link": [
            {"url": "https://example.org/article/6", "type": "fulltext", "content_type": "HTML"},
            {"url": "https://example.org/article/6.pdf", "type": "fulltext", "content_type": "PDF"},
        ],
        "abstract": "First paragraph.\n\nSecond paragraph.",
        "author": [
            {
                "name": "Dmitry V. Streltsov",
                "affiliation": "MGIMO University, Moscow, Russia",
                "orcid_id": "https://orcid.org/0000-0002-1825-0097",
            }
        ],
        "keywords": ["sanctions", "investment"],
        "subject": [{"scheme": "LCC", "term": "Political science", "code": "J"}],
    },
    "created_date": "2018-10-01T00:00:00Z",
}


def test_doaj_api_json_is_read_as_doaj(tmp_path: Path) -> None:
    import json

    source = tmp_path / "article.json"
    source.write_text(json.dumps(BIBJSON), encoding="utf-8")
    assert detect_format(source) == "doaj"
    (loaded,) = read_source(source, None, ReadContext())
    article = loaded.article
    assert article is not None, loaded.problems
    assert loaded.stem == "article"
    assert article.title == {"en": "Russian-Japanese relations"}
    assert article.doi == "10.5555/jsr.2018.3.6"
    assert article.published.electronic == "2018-09"
    assert (article.volume, article.issue, article.fpage, article.lpage) == ("2", "3", "6", "20")
    assert article.abstract == {"en": ["First paragraph.", "Second paragraph."]}
    assert article.keywords == {"en": ["sanctions", "investment"]}
    assert article.subjects == {"en": ["Political science"]}
    assert article.url == "https://example.org/article/6"
    assert [(s.type, s.url) for s in article.self_uri] == [
        ("pdf", "https://example.org/article/6.pdf")
    ]
    (person,) = article.authors
    assert person.name is not None
    assert (person.name["en"].given, person.name["en"].surname) == ("Dmitry V.", "Streltsov")
    assert person.orcid == "https://orcid.org/0000-0002-1825-0097"
    assert article.affiliations[0].country == "RU"
    assert article.ids.publisher_id == "jsr-2018-3-6"
    journal = article.journal
    assert isinstance(journal, Journal)
    assert (journal.issn.print, journal.issn.electronic) == ("2500-2872", "2687-1440")
    said = [str(w) for w in loaded.warnings]
    assert any(s.startswith("bibjson.journal.country 'RU'") for s in said)
    assert any(s.startswith("bibjson.subject: the classification codes (LCC J)") for s in said)


def test_a_doaj_search_page_gives_one_article_per_result(run, tmp_path: Path) -> None:
    import json

    bad = {**BIBJSON, "bibjson": {**BIBJSON["bibjson"], "year": "2018", "month": "13"}}
    worse = {**BIBJSON, "bibjson": {**BIBJSON["bibjson"], "title": ""}}
    source = tmp_path / "search.json"
    source.write_text(json.dumps({"total": 3, "results": [BIBJSON, bad, worse]}))
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == EXIT_INPUT
    assert f"{source}#2: warning (data dropped): bibjson.month '13': no month: left out" in (
        result.err
    )
    assert f"{source}#3: bibjson.title: required field is missing" in result.err.splitlines()
    assert sorted(p.name for p in (tmp_path / "out").glob("*.xml")) == [
        "search-1.xml",
        "search-2.xml",
    ]


def test_from_doaj_on_another_format_says_what_it_reads_as(run, tmp_path: Path) -> None:
    export = SAMPLES / "ojs" / "2019-1" / "issue.xml"
    result = run("convert", export, "--from", "doaj", "-o", tmp_path)
    assert result.code == EXIT_INPUT
    assert result.err.strip() == (
        f"{export}: the root element is <issue>, where DOAJ article XML has <records>: not DOAJ "
        "article XML (the file reads as 'ojs': convert it without --from, or with --from ojs)"
    )


def test_another_formats_records_root_is_not_taken_for_doaj(run, tmp_path: Path) -> None:
    """A <records> root in a namespace (Web of Science's full records) or holding no <record>
    is not DOAJ article XML: it is named as XML no reader claims ('<records> holds no <record>'
    sent the user looking for records that were never DOAJ's)."""
    wos = tmp_path / "wos.xml"
    wos.write_text(
        '<?xml version="1.0"?>\n<records xmlns="http://scientific.thomsonreuters.com/schema/'
        'wok5.4/public/FullRecord"><REC><UID>WOS:1</UID></REC></records>',
        encoding="utf-8",
    )
    other = tmp_path / "other.xml"
    other.write_text("<records><item>1</item></records>", encoding="utf-8")
    for source in (wos, other):
        assert detect_format(source) != "doaj"
        result = run("convert", source, "-o", tmp_path / "out")
        assert result.code == EXIT_INPUT
        assert "XML whose root element is <records>: not a format jatsconv reads" in result.err
    doaj = tmp_path / "records.xml"
    doaj.write_text(f"<records>\n  {_record()}</records>", encoding="utf-8")
    assert detect_format(doaj) == "doaj"


def test_a_doaj_journal_record_is_named_as_no_article(run, tmp_path: Path) -> None:
    """DOAJ's journal JSON has a bibjson too: it is named as a journal's record, not read as an
    article whose 'bibjson.journal.title' is missing."""
    import json

    journal = {
        "id": "abc",
        "bibjson": {
            "title": "Japanese Studies in Russia",
            "eissn": "2687-1440",
            "pissn": "2500-2872",
            "publisher": {"name": "Institute of Oriental Studies"},
            "language": ["RU", "EN"],
            "apc": {"has_apc": False},
        },
        "admin": {},
    }
    source = tmp_path / "journal.json"
    source.write_text(json.dumps(journal), encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == EXIT_INPUT
    assert result.err.strip() == (
        f"{source}: a DOAJ journal record (its bibjson describes a journal, with no article's "
        "'journal' in it): jatsconv reads DOAJ's article JSON"
    )


@pytest.mark.parametrize("key", ["author", "identifier", "keywords", "link", "subject", "admin"])
@pytest.mark.parametrize("value", [1, "sanctions"])
def test_a_bibjson_value_of_the_wrong_kind_is_said(tmp_path: Path, key: str, value) -> None:
    """A list (or admin's object) written as a number or a text is said and left out, the
    article kept; a number was a traceback (internal error), a text read letter by letter."""
    import json

    record = {**BIBJSON, "bibjson": dict(BIBJSON["bibjson"])}
    if key == "admin":
        record["admin"] = value
    else:
        record["bibjson"][key] = value
    source = tmp_path / "article.json"
    source.write_text(json.dumps(record), encoding="utf-8")
    (loaded,) = read_source(source, None, ReadContext())
    assert loaded.article is not None, loaded.problems
    where = key if key == "admin" else f"bibjson.{key}"
    kind = "an object" if key == "admin" else "a list"
    assert f"{where} {value!r}: not {kind}: not read" in [str(w) for w in loaded.warnings]


def test_an_empty_affiliation_id_is_no_affiliation(tmp_path: Path) -> None:
    """OJS writes an empty <affiliationId/> for an author with no affiliation: nothing to say
    (it was said as "<affiliationId> '': no affiliationName of that id")."""
    source = tmp_path / "records.xml"
    people = "<authors><author><name>John Smith</name><affiliationId/></author></authors>"
    source.write_text(
        "<records>" + _record().replace("</record>", people + "</record>") + "</records>",
        encoding="utf-8",
    )
    (loaded,) = read_source(source, None, ReadContext())
    assert loaded.article is not None, loaded.problems
    assert loaded.article.authors[0].affiliations == []
    assert loaded.warnings == []


def test_json_nested_past_the_parser_is_one_line(run, tmp_path: Path) -> None:
    """JSON nested deeper than Python's parser goes is refused in one line naming the file (it
    was 'internal error: RecursionError'), for DOAJ's JSON as for Crossref's."""
    for head in ('{"bibjson": ', '{"message-type": "work", "message": '):
        source = tmp_path / "deep.json"
        source.write_text(head + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
        result = run("convert", source, "-o", tmp_path / "out")
        assert result.code == EXIT_INPUT, result.err
        assert result.err.strip() == (
            f"{source}: lists or mappings nested too deep for a JSON parser: refused"
        )


def test_batch_from_doaj_takes_a_folders_api_json_too(run, tmp_path: Path) -> None:
    """``batch DIR --from doaj`` converts DOAJ's API JSON beside its XML (the .json files were
    passed over without a word)."""
    import json

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "records.xml").write_text(OJS_STYLE, encoding="utf-8")
    (tmp_path / "in" / "article.json").write_text(json.dumps(BIBJSON), encoding="utf-8")
    result = run("batch", tmp_path / "in", "-o", tmp_path / "out", "--from", "doaj", "-q")
    assert result.code == 0, result.err
    assert len(list((tmp_path / "out").rglob("*.xml"))) == 3


def test_an_article_json_naming_bibjson_is_read_as_an_article(tmp_path: Path) -> None:
    """The project's own JSON article whose keyword is "bibjson" is no DOAJ file (it was taken
    for one, and refused as 'not a DOAJ article (no bibjson)'): only the key decides."""
    import json

    source = tmp_path / "article.json"
    article = {"title": {"en": "Bibliographic JSON"}, "keywords": {"en": ["bibjson", "DOAJ"]}}
    source.write_text(json.dumps(article), encoding="utf-8")
    assert detect_format(source) == "json"
    source.write_text(json.dumps(BIBJSON, indent=2), encoding="utf-8")
    assert detect_format(source) == "doaj"


def test_a_full_text_url_of_no_format_is_kept_for_doaj(run, tmp_path: Path) -> None:
    """DOAJ's own upload examples write <fullTextUrl> with no format: the address is read
    as the landing page, a .pdf one as the PDF, so --to doaj writes it back (it was a full
    text of unstated format, which DOAJ output could not use: 'needs a full-text URL')."""
    source = tmp_path / "records.xml"
    pdf = _record(doi="10.1234/2").replace("https://example.org/a", "https://example.org/b.pdf")
    source.write_text("<records>" + _record(doi="10.1234/1") + pdf + "</records>", "utf-8")
    first, second = (item.article for item in read_source(source, None, ReadContext()))
    assert first is not None and second is not None
    assert (first.url, first.self_uri) == ("https://example.org/a", [])
    assert [(s.type, s.url) for s in second.self_uri] == [("pdf", "https://example.org/b.pdf")]
    result = run("convert", source, "--to", "doaj", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    written = sorted((tmp_path / "out").glob("*.xml"))
    assert len(written) == 2
    assert '<fullTextUrl format="html">https://example.org/a<' in written[0].read_text()
    assert '<fullTextUrl format="pdf">https://example.org/b.pdf<' in written[1].read_text()


def test_doaj_api_json_saved_with_a_byte_order_mark_is_read_as_doaj(tmp_path: Path) -> None:
    """DOAJ's API JSON saved by Windows Notepad (UTF-8's byte-order mark first) is read as
    DOAJ's (it was taken for an article's JSON: 'not an article', its fields unknown)."""
    import json

    source = tmp_path / "article.json"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps(BIBJSON).encode("utf-8"))
    assert detect_format(source) == "doaj"
    (loaded,) = read_source(source, None, ReadContext())
    assert loaded.article is not None, loaded.problems
    assert loaded.article.doi == "10.5555/jsr.2018.3.6"


def test_a_record_after_many_namespace_declarations_is_told_as_doaj(run, tmp_path: Path):
    """A <records> start tag declaring namespaces past the first 4 KB (as tools that merge
    schemas write it): the file was 'XML whose root element is <records>: not a format
    jatsconv reads' unless named with --from doaj."""
    declared = " ".join(f'xmlns:ns{i}="https://example.org/schema/{i}"' for i in range(150))
    source = tmp_path / "records.xml"
    source.write_text(f"<records {declared}>\n  {_record()}</records>", encoding="utf-8")
    assert source.read_text(encoding="utf-8").index("<record>") > 4096
    assert detect_format(source) == "doaj"
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert [p.name for p in (tmp_path / "out").glob("*.xml")] == ["records-1.xml"]


@pytest.mark.parametrize("date", [None, ""])
def test_a_record_without_a_publication_date_is_said(run, tmp_path: Path, date) -> None:
    """A record with no publicationDate (or an empty one) converts, said naming the record:
    the JATS has no pub-date, which indexing services need; it converted without a word."""
    record = _record(publicationDate="")
    if date is None:
        record = record.replace("<publicationDate></publicationDate>", "")
    source = tmp_path / "records.xml"
    source.write_text(f"<records>{_record()}{record}</records>", encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    said = [line for line in result.err.splitlines() if "publicationDate" in line]
    assert said == [
        f"{source}#2: warning (data dropped): no <publicationDate>: converted with no publication "
        "date (no <pub-date>), which indexing services need; --to doaj and --to crossref refuse it"
    ]
    assert "<pub-date" not in (tmp_path / "out" / "records-2.xml").read_text(encoding="utf-8")


def test_doaj_api_json_without_a_year_is_said(run, tmp_path: Path) -> None:
    """DOAJ's API JSON with no bibjson.year converts, said as a record without its
    publicationDate is (it converted without a word)."""
    import json

    bib = {key: value for key, value in BIBJSON["bibjson"].items() if key not in ("year", "month")}
    source = tmp_path / "article.json"
    source.write_text(json.dumps({**BIBJSON, "bibjson": bib}), encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (
        f"{source}: warning (data dropped): no bibjson.year: converted with no publication date "
        "(no <pub-date>), which indexing services need" in result.err
    )


@pytest.mark.parametrize("first", ["issn", "eissn"])
def test_one_issn_as_both_print_and_electronic_is_kept_as_electronic_and_said(
    tmp_path: Path, first: str
) -> None:
    """A record whose <issn> and <eissn> are one number: kept once, as electronic, and said, as
    every other reader keeps it (it was kept as print, unsaid: the JATS then typed an online
    journal's ISSN print, and the Crossref deposit gave it a print date)."""
    second = "eissn" if first == "issn" else "issn"
    source = tmp_path / "records.xml"
    record = _record(**{first: "2687-1440", second: "2687-1440"})
    source.write_text(f"<records>{record}</records>", encoding="utf-8")
    (loaded,) = read_source(source, "doaj", ReadContext())
    assert loaded.article is not None, loaded.problems
    journal = loaded.article.journal
    assert isinstance(journal, Journal)
    assert (journal.issn.print, journal.issn.electronic) == (None, "2687-1440")
    said = [w for w in loaded.warnings if "2687-1440" in str(w)]
    assert [str(w) for w in said] == [
        "<issn> and <eissn> 2687-1440: given as both print and electronic ISSN: kept once, as "
        "electronic"
    ]
    assert said[0].kind == SIMPLIFIED  # (nothing lost: the one number is kept)


def test_doaj_api_json_with_one_issn_as_both_keeps_it_as_electronic(tmp_path: Path) -> None:
    """The API's JSON likewise: a pissn and an eissn of one number, kept once as electronic."""
    import json

    record = json.loads(json.dumps(BIBJSON))
    record["bibjson"]["identifier"][1]["id"] = "2687-1440"
    source = tmp_path / "article.json"
    source.write_text(json.dumps(record), encoding="utf-8")
    (loaded,) = read_source(source, None, ReadContext())
    assert loaded.article is not None, loaded.problems
    journal = loaded.article.journal
    assert isinstance(journal, Journal)
    assert (journal.issn.print, journal.issn.electronic) == (None, "2687-1440")
    said = [w for w in loaded.warnings if "2687-1440" in str(w)]
    assert [str(w) for w in said] == [
        "bibjson.identifier pissn and eissn 2687-1440: given as both print and electronic "
        "ISSN: kept once, as electronic"
    ]
    assert said[0].kind == SIMPLIFIED
