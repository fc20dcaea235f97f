"""Crossref: REST API work records, deposit XML 5.x, and --doi against a local server only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from lxml import etree

from conftest import SAMPLES, local_server, xmllint, xmllint_crossref
from converter import to_jats
from converter.notices import SIMPLIFIED
from converter.readers import ReadContext, detect_format, read_source
from converter.readers.crossref import doi_stem, work_url

WORK = SAMPLES / "crossref" / "2018-3" / "streltsov-6.json"
NS = {"xlink": "http://www.w3.org/1999/xlink"}


def _text(tree: etree._ElementTree, xpath: str) -> list[str]:
    return [
        "".join(node.itertext()) if isinstance(node, etree._Element) else str(node)
        for node in tree.xpath(xpath, namespaces=NS)
    ]


def test_work_record_converts_with_the_journal_it_carries(run, tmp_path: Path, store) -> None:
    assert detect_format(WORK) == "crossref"
    result = run("convert", WORK, "-o", tmp_path)
    assert result.code == 0, result.err
    out = tmp_path / "streltsov-6.xml"
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    tree = etree.parse(str(out))
    assert _text(tree, "//journal-title") == ["Japanese Studies in Russia"]
    assert _text(tree, "//abbrev-journal-title") == ["Jpn. Stud. Russ."]
    assert _text(tree, "//issn[@publication-format='print']") == ["2500-2872"]
    assert _text(tree, "//issn[@publication-format='electronic']") == ["2687-1440"]
    assert _text(tree, "//publisher-name") == ["Association of Japanologists"]
    assert _text(tree, "//article-id[@pub-id-type='doi']") == ["10.5555/jsr.2018.3.6"]
    assert _text(tree, "//contrib//surname") == ["Streltsov"]
    assert _text(tree, "//aff/country/@country") == ["RU"]
    assert _text(tree, "//aff//institution") == ["MGIMO University, Moscow"]
    dates = {
        (d.get("date-type"), d.get("publication-format")): d.get("iso-8601-date")
        for d in tree.xpath("//pub-date")
    }
    assert dates == {
        ("pub", "electronic"): "2018-09-28",
        ("pub", "print"): "2018-09-30",
        ("collection", "print"): "2018-09",
    }
    assert _text(tree, "//article-meta/fpage") == ["6"]
    assert _text(tree, "//article-meta/lpage") == ["20"]
    # the licence URL as the record writes it
    assert _text(tree, "//license/@xlink:href") == ["https://creativecommons.org/licenses/by/4.0"]
    assert len(tree.xpath("//abstract/p")) == 2  # the jats:title "Abstract" is not a paragraph
    assert _text(tree, "//abstract//italic") == ["Western sanctions front"]
    assert len(tree.xpath("//ref")) == 6
    assert _text(tree, "//self-uri[@content-type='landing-page']/@xlink:href") == [
        "https://www.japanreview.ru/jour/article/view/6"
    ]


RICH_WORK = {
    "message-type": "work",
    "message": {
        "DOI": "10.5555/rich.1",
        "type": "journal-article",
        "language": "en",
        "title": ["A <i>rich</i> record"],
        "subtitle": ["with everything"],
        "container-title": ["Test Journal"],
        "ISSN": ["2658-6444"],
        "publisher": "Test Publisher",
        "volume": "4",
        "article-number": "e12",
        "issued": {"date-parts": [[2021, 7]]},
        "author": [
            {
                "given": "Josiah",
                "family": "Carberry",
                "ORCID": "http://orcid.org/0000-0002-1825-0097",
                "affiliation": [
                    {
                        "name": "Brown University",
                        "id": [{"id": "https://ror.org/05gq02987", "id-type": "ROR"}],
                    }
                ],
            },
            {"name": "The Consortium", "sequence": "additional"},
        ],
        "editor": [{"given": "Ed", "family": "Itor"}],
        "abstract": "<jats:p>Formula <jats:inline-formula>x</jats:inline-formula> and "
        "H<jats:sub>2</jats:sub>O.</jats:p>",
        "license": [
            {"URL": "https://example.org/tdm", "content-version": "tdm"},
            {"URL": "http://creativecommons.org/licenses/by-nc/4.0/", "content-version": "vor"},
        ],
        "funder": [
            {
                "name": "Russian Science Foundation",
                "DOI": "10.13039/501100006769",
                "award": ["18-18-00063"],
            }
        ],
        "reference": [
            {"key": "r1", "DOI": "10.1000/xyz123"},
            {"key": "r2", "journal-title": "J Test", "author": "Smith", "year": "2020"},
            {"key": "r3", "unstructured": "Plain text reference."},
            {"key": "r4"},
        ],
    },
}


def test_rich_work_record(tmp_path: Path, store) -> None:
    source = tmp_path / "rich.json"
    source.write_text(json.dumps(RICH_WORK), encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.title == {"en": "A <i>rich</i> record"}
    assert article.subtitle == {"en": "with everything"}
    assert article.elocation_id == "e12" and article.fpage is None
    assert article.published.collection == "2021-07"
    carberry, group, editor = article.authors
    assert carberry.orcid == "https://orcid.org/0000-0002-1825-0097"
    assert article.affiliations[0].ror == "https://ror.org/05gq02987"
    assert group.collab == {"en": "The Consortium"}
    assert editor.role == "editor"
    assert article.abstract == {"en": ["Formula x and H<sub>2</sub>O."]}
    assert any("inline-formula" in w for w in loaded.warnings)
    assert article.license.spdx == "CC-BY-NC-4.0"
    assert article.funding[0].funder_id == "10.13039/501100006769"
    assert article.funding[0].awards == ["18-18-00063"]
    assert article.references[0].text == {"en": "doi:10.1000/xyz123"}
    assert article.references[1].source == "J Test" and article.references[1].type == "journal"
    assert len(article.references) == 3  # the empty r4 is left out
    assert article.journal.issn.print == "2658-6444"


DEPOSIT = """\
<?xml version="1.0" encoding="UTF-8"?>
<doi_batch xmlns="http://www.crossref.org/schema/5.3.1" xmlns:jats="http://www.ncbi.nlm.nih.gov/JATS1"
  xmlns:fr="http://www.crossref.org/fundref.xsd" xmlns:ai="http://www.crossref.org/AccessIndicators.xsd"
  version="5.3.1">
  <head><doi_batch_id>b1</doi_batch_id><timestamp>20190329000000</timestamp>
    <depositor><depositor_name>Test</depositor_name><email_address>t@example.org</email_address>
    </depositor><registrant>Test</registrant></head>
  <body>
    <journal>
      <journal_metadata language="ru">
        <full_title>Японские исследования</full_title>
        <abbrev_title>Jpn. Stud. Russ.</abbrev_title>
        <issn media_type="print">2500-2872</issn>
        <issn media_type="electronic">2687-1440</issn>
      </journal_metadata>
      <journal_issue>
        <publication_date media_type="print"><month>03</month><year>2019</year></publication_date>
        <journal_volume><volume>3</volume></journal_volume>
        <issue>1</issue>
      </journal_issue>
      <journal_article publication_type="full_text" language="ru">
        <titles>
          <title>Японская политика в Арктике</title>
          <original_language_title language="en">Japan's Arctic policy</original_language_title>
        </titles>
        <contributors>
          <person_name sequence="first" contributor_role="author">
            <given_name>Анна</given_name><surname>Иванова</surname>
            <affiliations><institution><institution_name>MGIMO University</institution_name>
              <institution_id type="ror">https://ror.org/05qrfxd25</institution_id>
              <institution_place>Moscow, Russia</institution_place></institution></affiliations>
            <ORCID>https://orcid.org/0000-0002-1825-0097</ORCID>
          </person_name>
        </contributors>
        <jats:abstract xml:lang="ru"><jats:p>Аннотация.</jats:p></jats:abstract>
        <jats:abstract xml:lang="en"><jats:p>An <jats:italic>abstract</jats:italic>.</jats:p>
        </jats:abstract>
        <publication_date media_type="online"><month>03</month><day>29</day><year>2019</year>
        </publication_date>
        <pages><first_page>7</first_page><last_page>25</last_page></pages>
        <fr:program name="fundref">
          <fr:assertion name="fundgroup">
            <fr:assertion name="funder_name">Russian Science Foundation
              <fr:assertion name="funder_identifier">https://doi.org/10.13039/501100006769</fr:assertion>
            </fr:assertion>
            <fr:assertion name="award_number">18-18-00063</fr:assertion>
          </fr:assertion>
        </fr:program>
        <ai:program name="AccessIndicators">
          <ai:license_ref applies_to="vor">https://creativecommons.org/licenses/by/4.0/</ai:license_ref>
        </ai:program>
        <doi_data><doi>10.5555/jsr.2019.1.7</doi>
          <resource>https://www.example.org/jsr/article/view/7</resource></doi_data>
        <citation_list>
          <citation key="ref1"><unstructured_citation>A reference.</unstructured_citation>
          </citation>
          <citation key="ref2"><journal_title>J Test</journal_title><author>Smith</author>
            <cYear>2020</cYear><doi>10.1000/xyz123</doi></citation>
        </citation_list>
      </journal_article>
      <journal_article publication_type="full_text" language="en">
        <titles><title>Second article</title></titles>
        <contributors>
          <organization sequence="first" contributor_role="author">A group</organization>
        </contributors>
        <publication_date media_type="print"><year>2019</year></publication_date>
        <doi_data><doi>10.5555/jsr.2019.1.26</doi><resource>https://www.example.org/26</resource>
        </doi_data>
      </journal_article>
    </journal>
  </body>
</doi_batch>
"""


def test_deposit_xml_gives_one_jats_per_article(run, tmp_path: Path, store) -> None:
    source = tmp_path / "deposit.xml"
    source.write_text(DEPOSIT, encoding="utf-8")
    assert detect_format(source) == "crossref"
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    outputs = sorted((tmp_path / "out").glob("*.xml"))
    assert [p.name for p in outputs] == ["deposit-1.xml", "deposit-2.xml"]
    for path in outputs:
        assert xmllint(path, store.catalog).returncode == 0
    [first, second] = [loaded.article for loaded in read_source(source, None, ReadContext())]
    assert first.language == "ru"
    assert first.title == {"ru": "Японская политика в Арктике", "en": "Japan's Arctic policy"}
    assert first.journal.title == {"ru": "Японские исследования"}
    assert first.journal.issn.electronic == "2687-1440"
    assert (first.volume, first.issue, first.fpage, first.lpage) == ("3", "1", "7", "25")
    assert first.published.electronic == "2019-03-29"
    assert first.published.collection == "2019-03"
    aff = first.affiliations[0]
    assert (aff.ror, aff.country, aff.institution) == (
        "https://ror.org/05qrfxd25",
        "RU",
        {"en": "MGIMO University, Moscow"},  # English by its script, in a Russian article
    )
    assert first.abstract == {"ru": ["Аннотация."], "en": ["An <i>abstract</i>."]}
    # its name is English, as its script tells, though the article is Russian
    assert first.funding[0].funder == {"en": "Russian Science Foundation"}
    assert first.funding[0].funder_id == "10.13039/501100006769"
    assert first.license.spdx == "CC-BY-4.0"
    assert first.references[1].doi == "10.1000/xyz123"
    assert str(first.url) == "https://www.example.org/jsr/article/view/7"  # the landing page
    assert second.authors[0].collab == {"en": "A group"}
    assert second.published.print == "2019"


def test_pages_that_run_backwards_are_named_as_the_record_writes_them(
    run, tmp_path: Path, store
) -> None:
    """A deposit whose last_page comes before its first_page was refused as
    'lpage: 17 comes before fpage 25', the model's names, which the deposit holds nowhere; the
    article after it in the deposit is still written."""
    source = tmp_path / "deposit.xml"
    source.write_text(
        DEPOSIT.replace(
            "<first_page>7</first_page><last_page>25</last_page>",
            "<first_page>25</first_page><last_page>17</last_page>",
        ),
        encoding="utf-8",
    )
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 3
    assert f"{source}#1: <pages>: last_page '17' comes before first_page '25'" in result.err
    assert "lpage" not in result.err
    [written] = sorted((tmp_path / "out").glob("*.xml"))
    assert written.name == "deposit-2.xml"
    assert xmllint(written, store.catalog).returncode == 0
    # a REST API work's page is named as the record writes it
    work = tmp_path / "work.json"
    work.write_text(json.dumps(_work(page="25-17")), encoding="utf-8")
    result = run("convert", work, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip() == f"{work}: page '25-17': the last page comes before the first"


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            "<doi>10.5555/jsr.2019.1.7</doi>",
            "<doi>jsr.2019.1.7</doi>",
            "<doi_data/doi> 'jsr.2019.1.7': not a DOI (expected 10.NNNN/suffix)",
        ),
        (
            ">https://creativecommons.org/licenses/by/4.0/</ai:license_ref>",
            ">CC BY</ai:license_ref>",
            "<license_ref> 'CC BY': unknown licence (use an SPDX id such as 'CC-BY-4.0' or a URL)",
        ),
    ],
)
def test_deposit_value_the_model_refuses_is_named_as_the_deposit_writes_it(
    run, tmp_path: Path, store, old: str, new: str, line: str
) -> None:
    """'doi: not a DOI …' or 'license: unknown licence …' named the model's fields, which a
    deposit holds nowhere; now its elements, and the deposit's next article is written."""
    source = tmp_path / "deposit.xml"
    assert DEPOSIT.count(old) == 1, old
    source.write_text(DEPOSIT.replace(old, new), encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 3
    assert f"{source}#1: {line}\n" in result.err
    assert "doi:" not in result.err and "license:" not in result.err
    [written] = sorted((tmp_path / "out").glob("*.xml"))
    assert written.name == "deposit-2.xml"
    assert xmllint(written, store.catalog).returncode == 0


def test_a_deposit_date_whose_year_or_month_is_no_number_is_said(tmp_path: Path) -> None:
    """A <year> of two digits left the date out, and a month in words left it a year, both
    without a word."""
    old = '<publication_date media_type="print"><month>03</month><year>2019</year>'
    new = '<publication_date media_type="print"><month>March</month><year>2019</year>'
    assert DEPOSIT.count(old) == 1
    text = DEPOSIT.replace(old, new).replace(
        '<publication_date media_type="print"><year>2019</year>',
        '<publication_date media_type="print"><year>19</year>',
    )
    source = tmp_path / "deposit.xml"
    source.write_text(text, encoding="utf-8")
    first, second = list(read_source(source, None, ReadContext()))
    assert first.article is not None and second.article is not None
    assert first.article.published.collection == "2019"  # (the issue's date)
    assert "<publication_date>: month 'March' is not a number: read as 2019" in first.warnings
    assert second.article.published.print is None
    assert (
        "<publication_date>: year '19' is not a year of four digits: the date is left out"
        in second.warnings
    )


def test_work_doi_the_model_refuses_is_named_by_its_key(run, tmp_path: Path) -> None:
    """A REST API work's DOI that is none was named 'doi', the model's field; the work has
    'DOI'."""
    work = json.loads(WORK.read_text(encoding="utf-8"))
    work["message"]["DOI"] = "jsr.2018.3.6"
    source = tmp_path / "w.json"
    source.write_text(json.dumps(work), encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err == f"{source}: DOI 'jsr.2018.3.6': not a DOI (expected 10.NNNN/suffix)\n"


def test_hostile_and_malformed_input(run, tmp_path: Path) -> None:
    hostile = tmp_path / "deposit.xml"
    hostile.write_text(
        '<?xml version="1.0"?><!DOCTYPE doi_batch [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<doi_batch xmlns="http://www.crossref.org/schema/5.3.1">&x;</doi_batch>',
        encoding="utf-8",
    )
    result = run("convert", hostile, "--from", "crossref", "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip().endswith(
        "the DOCTYPE declares entities: refused (external "
        "entities and entity expansion are never processed)"
    )
    broken = tmp_path / "broken.json"
    broken.write_text('{"message-type": "work", "message": {', encoding="utf-8")
    result = run("convert", broken, "--from", "crossref", "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip().startswith(f"{broken}: line 1: malformed JSON:")
    assert result.err.count("\n") == 1
    other = tmp_path / "other.json"
    other.write_text('{"message": ["not a work"]}', encoding="utf-8")
    result = run("convert", other, "--from", "crossref", "-o", tmp_path / "out")
    assert result.err.strip() == f"{other}: message: not a Crossref work record"
    # a query that found nothing is a work list all the same, said as such
    empty = tmp_path / "empty.json"
    empty.write_text(
        '{"status": "ok", "message-type": "work-list", "message": {"items": []}}', encoding="utf-8"
    )
    result = run("convert", empty, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip() == f"{empty}: message.items: the work list holds no work"


class _Crossref(BaseHTTPRequestHandler):
    """A stand-in for the Crossref REST API: the sample work under its DOI, 404 otherwise."""

    seen: list[str] = []  # noqa: RUF012  (the test reads the paths asked for)

    def do_GET(self) -> None:
        self.seen.append(self.path)
        if self.path == "/works/10.5555%2Fjsr.2018.3.6":
            body = WORK.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404, "Resource not found.")

    def log_message(self, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def crossref_api() -> Iterator[str]:
    _Crossref.seen = []
    with local_server(_Crossref) as base:
        yield base


def test_doi_fetches_the_record_from_the_api(run, tmp_path: Path, store, crossref_api) -> None:
    result = run(
        "convert", "--doi", "https://doi.org/10.5555/jsr.2018.3.6", "--crossref-api",
        crossref_api, "-o", tmp_path,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert _Crossref.seen == ["/works/10.5555%2Fjsr.2018.3.6"]
    out = tmp_path / "10.5555_jsr.2018.3.6.xml"
    assert out.read_bytes() == WORK.with_suffix(".xml").read_bytes()


def test_doi_errors_are_one_line(run, tmp_path: Path, crossref_api) -> None:
    result = run("convert", "--doi", "10.5555/missing", "--crossref-api", crossref_api,
                 "-o", tmp_path, "--no-validate")  # fmt: skip
    assert result.code == 3
    assert result.err.strip() == f"{crossref_api}/works/10.5555%2Fmissing: no such DOI at Crossref"
    result = run("convert", "--doi", "not-a-doi", "--crossref-api", crossref_api,
                 "-o", tmp_path, "--no-validate")  # fmt: skip
    assert result.code == 3
    assert result.err.strip().startswith("--doi not-a-doi: not a DOI")
    closed = "http://127.0.0.1:9"  # the discard port: nothing listens there
    result = run("convert", "--doi", "10.5555/x", "--crossref-api", closed,
                 "-o", tmp_path, "--no-validate")  # fmt: skip
    assert result.code == 3
    assert result.err.strip() == (  # (was Python's "[Errno 111] Connection refused")
        f"{closed}/works/10.5555%2Fx: cannot fetch: 127.0.0.1:9 refused the connection "
        "(nothing answers there)"
    )
    assert result.err.count("\n") == 1
    assert run("convert", "--doi", "10.5555/x", "-o", "-", "--no-validate").code == 2


def test_doi_helpers() -> None:
    assert work_url("10.5555/a b", "https://api.example.org/") == (
        "https://api.example.org/works/10.5555%2Fa%20b"
    )
    assert doi_stem("10.5555/jsr.2018.3.6") == "10.5555_jsr.2018.3.6"


# Shapes of real records that this project did not write (Crossref REST API responses recorded
# in client libraries' test fixtures, Crossref's and DOAJ's example deposits): each fixture
# below is written for this project and reproduces only the structure that broke the reader.


def _work(**fields: object) -> dict[str, object]:
    message = {
        "DOI": "10.5555/shape.1",
        "type": "journal-article",
        "title": ["A record as the registry keeps it"],
        "container-title": ["Test Journal"],
        "ISSN": ["2658-6444"],
        "issued": {"date-parts": [[2019]]},
        "author": [{"given": "Anna", "family": "Smith", "sequence": "first"}],
    }
    message.update(fields)
    return {"message-type": "work", "message": message}


def _read_one(tmp_path: Path, record: object, name: str = "work.json"):
    source = tmp_path / name
    source.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    return source, loaded


def test_works_that_are_not_journal_articles_are_refused_in_one_line(run, tmp_path: Path) -> None:
    # a book chapter carries its book's title as container-title and no ISSN: it was read as a
    # journal article and failed with "journal.issn: no ISSN" (or, from a book series with an
    # ISSN, became a JATS article in a "journal" named after the book)
    source, loaded = _read_one(tmp_path, _work(type="book-chapter"))
    assert loaded.article is None
    assert loaded.problems == [
        f"{source}: type: 'book-chapter' (a chapter of a book) is not a journal article: "
        "jatsconv converts journal articles"
    ]
    listing = {
        "message-type": "work-list",
        "message": {
            "items": [
                _work(type="proceedings-article")["message"],
                _work(DOI="10.5555/shape.2")["message"],
            ]
        },
    }
    source = tmp_path / "list.json"
    source.write_text(json.dumps(listing), encoding="utf-8")
    first, second = read_source(source, None, ReadContext())
    assert first.problems[0].startswith(f"{source}#1: type: 'proceedings-article' (a paper in")
    assert second.article is not None and second.article.doi == "10.5555/shape.2"
    result = run("convert", tmp_path / "work.json", "-o", tmp_path / "out")
    assert result.code == 3 and "type: 'book-chapter'" in result.err
    # a type the reader cannot rule out is still read, with the warning it had
    _, loaded = _read_one(tmp_path, _work(type="posted-content"))
    assert loaded.article is not None
    assert any("type 'posted-content': read as a journal article" in w for w in loaded.warnings)


def test_registry_quirks_of_a_work_do_not_refuse_the_article(tmp_path: Path) -> None:
    record = _work(
        # a reference DOI as the publisher typed it: a U+2010 hyphen, a space after the dot
        reference=[
            {"key": "r1", "DOI": "10.1049/ip\u2010gtd:20010431", "unstructured": "One."},
            {"key": "r2", "DOI": "10.1126/science. 1109070", "article-title": "Two"},
            {"key": "r3", "DOI": "see the journal site", "unstructured": "Three."},
        ],
        # a funder entry with only an award number (the deposit named no funder)
        funder=[
            {"name": "Czech Science Foundation", "DOI": "10.13039/501100001824"},
            {"award": ["LM2015047"]},
        ],
        accepted={"date-parts": [[2019, 4, 4]]},
        # original-title repeating the title
        **{"original-title": ["A record as the registry keeps it"]},
        **{"issn-type": [{"type": "print", "value": "1234-5678"}]},
    )
    _, loaded = _read_one(tmp_path, record)
    article = loaded.article
    assert article is not None, loaded.problems
    assert [ref.doi for ref in article.references] == [
        "10.1049/ip-gtd:20010431",
        "10.1126/science.1109070",
        None,
    ]
    assert article.references[2].text == {"en": "Three."}
    assert [f.funder for f in article.funding] == [{"en": "Czech Science Foundation"}]
    assert article.history.accepted == "2019-04-04"
    assert article.journal.issn.print == "2658-6444"
    warnings = [str(w) for w in loaded.warnings]
    assert "reference[0]: DOI '10.1049/ip\u2010gtd:20010431' read as '10.1049/ip-gtd:20010431'" in (
        warnings
    )
    assert any(w.startswith("reference[2]: DOI left out: not a DOI") for w in warnings)
    assert "funder[1]: no funder name (award LM2015047): left out" in warnings
    assert "issn-type '1234-5678': not a valid ISSN (its check digit fails): left out" in warnings
    assert not any("original-title" in w for w in warnings)  # the same title: nothing lost
    # one ISSN given as both types: kept once, as electronic, and said
    both = [{"type": "electronic", "value": "2658-6444"}, {"type": "print", "value": "2658-6444"}]
    _, loaded = _read_one(tmp_path, _work(**{"issn-type": both}))
    issn = loaded.article.journal.issn
    assert (issn.print, issn.electronic) == (None, "2658-6444")
    assert (
        "issn-type 2658-6444: given as both electronic and print ISSN: kept once, as electronic"
    ) in loaded.warnings
    # stated print first (as Crossref mostly writes it), the same: as the other readers keep it
    _, loaded = _read_one(tmp_path, _work(**{"issn-type": both[::-1]}))
    issn = loaded.article.journal.issn
    assert (issn.print, issn.electronic) == (None, "2658-6444")
    assert (
        "issn-type 2658-6444: given as both print and electronic ISSN: kept once, as electronic"
    ) in loaded.warnings
    # nothing is lost, so it is markup simplified (as the native, JATS and DOAJ readers say it)
    # and --strict does not refuse the record over it
    (both_said,) = [w for w in loaded.warnings if "given as both" in w]
    assert both_said.kind == SIMPLIFIED
    # an alternative id that repeats the DOI is no publisher id; a second distinct one is said
    _, loaded = _read_one(tmp_path, _work(**{"alternative-id": ["10.5555/SHAPE.1"]}))
    assert loaded.article.ids.publisher_id is None
    ids = ["S0000000000000001", "10.5555/shape.1", "S0000000000000001", "0000-0000(2001)1:1"]
    _, loaded = _read_one(tmp_path, _work(**{"alternative-id": ids}))
    assert loaded.article.ids.publisher_id == "S0000000000000001"
    assert any(w.startswith("alternative-id '0000-0000(2001)1:1': not") for w in loaded.warnings)
    # 5.4+ roles as the REST API lists them: the corresponding author is read, nothing said
    roles = [{"role": "author", "vocabulary": "crossref"},
             {"role": "corresponding-author", "vocabulary": "crossref"}]  # fmt: skip
    _, loaded = _read_one(tmp_path, _work(author=[{"family": "Smith", "role": roles}]))
    assert loaded.article.authors[0].corresponding is True
    assert not any("role" in w for w in loaded.warnings)


SHAPES_DEPOSIT = """\
<?xml version="1.0" encoding="UTF-8"?>
<doi_batch xmlns="http://www.crossref.org/schema/5.3.1" xmlns:jats="http://www.ncbi.nlm.nih.gov/JATS1"
  xmlns:fr="http://www.crossref.org/fundref.xsd" version="5.3.1">
  <head><doi_batch_id>b2</doi_batch_id><timestamp>20210707000000</timestamp>
    <depositor><depositor_name>Test</depositor_name><email_address>t@example.org</email_address>
    </depositor><registrant>Test</registrant></head>
  <body>
    <journal>
      <journal_metadata language="en">
        <full_title>Test Journal</full_title>
        <issn media_type="print">2222-2222</issn>
        <issn media_type="electronic">2658-6444</issn>
      </journal_metadata>
      <journal_article publication_type="full_text">
        <titles><title>Shapes of a 5.3 deposit</title></titles>
        <contributors>
          <person_name sequence="first" contributor_role="author">
            <given_name>Josiah</given_name><surname>Carberry</surname>
            <affiliations><institution>
              <institution_id type="ror">https://ror.org/05gq02987</institution_id>
            </institution></affiliations>
          </person_name>
          <anonymous sequence="additional" contributor_role="author"/>
        </contributors>
        <jats:abstract><jats:p xml:lang="fr">Un résumé.</jats:p></jats:abstract>
        <jats:abstract><jats:p xml:lang="en">An abstract.</jats:p></jats:abstract>
        <publication_date media_type="online"><year>2021</year></publication_date>
        <fr:program name="fundref">
          <fr:assertion name="fundgroup">
            <fr:assertion name="funder_name">National Science Foundation
              <fr:assertion name="funder_identifier">100000001</fr:assertion>
            </fr:assertion>
          </fr:assertion>
        </fr:program>
        <doi_data><doi>10.5555/shape.531</doi><resource>https://example.org/531</resource>
        </doi_data>
        <citation_list>
          <citation key="c1"><doi>10.1049/ip\u2010gtd:20010431</doi></citation>
        </citation_list>
      </journal_article>
    </journal>
  </body>
</doi_batch>
"""


def test_deposit_shapes_of_schema_5_3(tmp_path: Path) -> None:
    source = tmp_path / "shapes.xml"
    source.write_text(SHAPES_DEPOSIT, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    # xml:lang on jats:p, as Crossref's 5.3.1 example writes it: both abstracts kept
    assert article.abstract == {"fr": ["Un résumé."], "en": ["An abstract."]}
    # a bare Funder Registry number is the DOI under 10.13039
    assert article.funding[0].funder_id == "10.13039/100000001"
    assert article.references[0].doi == "10.1049/ip-gtd:20010431"
    assert article.journal.issn.electronic == "2658-6444" and article.journal.issn.print is None
    assert [a.name["en"].surname for a in article.authors] == ["Carberry"]
    warnings = [str(w) for w in loaded.warnings]
    assert (
        "<institution> https://ror.org/05gq02987: an id without a name: left out "
        "(the article model needs the institution's name)"
    ) in warnings
    assert any(w.startswith("<contributors/anonymous>: not carried") for w in warnings)
    assert "<issn> '2222-2222': not a valid ISSN (its check digit fails): left out" in warnings
    # the same abstract language twice is said, not silently lost
    twice = SHAPES_DEPOSIT.replace('xml:lang="fr">Un résumé.', 'xml:lang="en">Again.')
    source.write_text(twice, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert loaded.article.abstract == {"en": ["Again."]}
    assert "<abstract> 2: a second abstract in 'en': left out" in loaded.warnings


def test_a_deposits_issue_title_and_other_pages_are_read(tmp_path: Path, store) -> None:
    """journal_issue's titles (a themed issue's) and pages/other_pages were lost: the first
    reported as not carried, the second in silence. The issue's title is read under the
    language its script tells, and the pages are the article's page range, from its first
    page to its last, written back as JATS page-range."""
    deposit = SHAPES_DEPOSIT.replace(
        "      <journal_article",
        "      <journal_issue><titles><title>Арктика</title><subtitle>Спецвыпуск</subtitle>"
        '</titles><publication_date media_type="online"><year>2021</year></publication_date>'
        "<issue>4</issue></journal_issue>\n      <journal_article",
    ).replace(
        "<doi_data>",
        "<pages><first_page>110</first_page><last_page>115</last_page>"
        "<other_pages>120-124</other_pages></pages><doi_data>",
    )
    source = tmp_path / "issue.xml"
    source.write_text(deposit, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.issue_title == {"ru": "Арктика"}
    assert (article.fpage, article.lpage, article.page_range) == ("110", "124", "110-115, 120-124")
    assert [w for w in loaded.warnings if "journal_issue" in w or "pages" in w] == [
        "<journal_issue/titles/subtitle> 'Спецвыпуск': not carried (the article model has no "
        "place for it)"
    ]
    output = to_jats(article, grammars=store)
    assert output.valid, output.problems
    assert '<issue-title xml:lang="ru">Арктика</issue-title>' in output.data.decode("utf-8")
    assert b"<page-range>110-115, 120-124</page-range>" in output.data

    other = deposit.replace("120-124", "see the supplement")
    source.write_text(other, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert (loaded.article.fpage, loaded.article.lpage) == ("110", "115")
    assert loaded.article.page_range is None
    assert "<other_pages> 'see the supplement': no pages or page ranges: left out" in (
        loaded.warnings
    )


def test_a_works_page_of_several_ranges_is_its_page_range(tmp_path: Path) -> None:
    """A work's "page" of pages that are not one range gave lpage "115, 120-124"."""
    _, loaded = _read_one(tmp_path, _work(page="110-115, 120-124"))
    article = loaded.article
    assert (article.fpage, article.lpage, article.page_range) == ("110", "124", "110-115, 120-124")


def test_deposits_without_article_metadata_say_what_they_hold(run, tmp_path: Path) -> None:
    resources = tmp_path / "resources.xml"
    resources.write_text(
        '<doi_batch xmlns="http://www.crossref.org/doi_resources_schema/4.3.2" version="4.3.2" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation='
        '"http://www.crossref.org/doi_resources_schema/4.3.2 '
        'http://www.crossref.org/schema/deposit/doi_resources4.3.2.xsd"><head/><body>'
        "<fundref_data><doi>10.5555/12345678</doi></fundref_data></body></doi_batch>",
        encoding="utf-8",
    )
    result = run("convert", resources, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip() == (
        f"{resources}: doi_batch: a Crossref resource-only deposit (doi_resources), which adds "
        "data to registered DOIs and has no article metadata to convert"
    )
    book = tmp_path / "book.xml"
    book.write_text(
        '<doi_batch xmlns="http://www.crossref.org/schema/4.4.2" version="4.4.2"><head/><body>'
        '<book book_type="edited_book"/></body></doi_batch>',
        encoding="utf-8",
    )
    result = run("convert", book, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip() == (
        f"{book}: body: no journal_article in the deposit (it holds <book>): "
        "jatsconv converts journal articles"
    )


def _deposit_with_citations(tmp_path: Path, citations: str):
    """The shapes deposit read with ``citations`` before its own first citation."""
    source = tmp_path / "deposit.xml"
    source.write_text(
        SHAPES_DEPOSIT.replace('<citation key="c1">', citations + '<citation key="c1">'),
        encoding="utf-8",
    )
    [loaded] = list(read_source(source, None, ReadContext()))
    return loaded


def test_partial_references_and_article_numbers_as_registries_keep_them(tmp_path: Path) -> None:
    record = _work(
        page="108871",
        **{"article-number": "108871"},  # the article number repeated as "page"
        reference=[
            {"key": "b1", "series-title": "Mathematical Statistics", "author": "Wilks",
             "year": "1962"},
            {"key": "b2", "author": "Dyck"},
            {"key": "b3", "year": "2006"},
            {"key": "b4", "unstructured": " "},
        ],
    )  # fmt: skip
    _, loaded = _read_one(tmp_path, record)
    article = loaded.article
    assert article is not None, loaded.problems
    assert (article.elocation_id, article.fpage) == ("108871", None)
    [book] = article.references
    assert (book.source, book.type, book.year) == ("Mathematical Statistics", "book", "1962")
    assert (
        "reference 1, 2: only an author, year, volume or page (no text, title, source or DOI): "
        "left out (2)"
    ) in loaded.warnings
    loaded = _deposit_with_citations(
        tmp_path,
        '<citation key="c0"><series_title>Lecture Notes</series_title><cYear>1999</cYear>'
        '</citation><citation key="c2"><author>Smith</author><cYear>2001</cYear></citation>',
    )
    assert [r.source for r in loaded.article.references] == ["Lecture Notes", None]
    assert any(w.startswith("<citation> key c2: only an author") for w in loaded.warnings)
    # with page and article number both given and different, the pages are kept (the
    # number is said: test_what_an_ojs_3_5_deposit_adds_is_read_or_said)
    _, loaded = _read_one(tmp_path, _work(page="295-310", **{"article-number": "e7"}))
    assert (loaded.article.fpage, loaded.article.lpage) == ("295", "310")


def test_deposit_roles_as_elements_emails_and_a_wrong_orcid(tmp_path: Path) -> None:
    # schema 5.4+ as eLife deposits it: <role type="..."/> children, no contributor_role
    person = (
        '<person_name sequence="first"><given_name>Ada</given_name><surname>Byron</surname>'
        '<role type="author" vocab="crossref"/><role type="corresponding-author" '
        'vocab="crossref"/><email>ada@example.org</email>'
        "<ORCID>https://orcid.org/0000-1002-4932-938X</ORCID></person_name>"
        '<person_name sequence="additional"><given_name>Ed</given_name><surname>Itor</surname>'
        '<role type="editor" vocab="crossref"/><email>not an address</email></person_name>'
    )
    deposit = SHAPES_DEPOSIT.replace(
        '<anonymous sequence="additional" contributor_role="author"/>', person
    )
    source = tmp_path / "roles.xml"
    source.write_text(deposit, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems  # the wrong ORCID no longer refuses it
    _, ada, ed = article.authors
    assert (ada.role, ada.corresponding, ada.email, ada.orcid) == (
        "author",
        True,
        "ada@example.org",
        None,
    )
    assert (ed.role, ed.corresponding, ed.email) == ("editor", False, None)
    warnings = [str(w) for w in loaded.warnings]
    assert "<ORCID>: checksum fails: 'https://orcid.org/0000-1002-4932-938X': left out" in (
        warnings
    )
    assert "<email> 'not an address': not an e-mail address: left out" in warnings
    assert not any("role" in w for w in warnings)


def test_reference_texts_lose_printed_html_tags_and_keep_their_own_language(
    tmp_path: Path,
) -> None:
    # references deposited as a journal system prints them: HTML tags as text, and Russian
    # references in an English article
    record = _work(
        language="en",
        reference=[
            {"key": "1", "unstructured": "Ivanov I.I. (1990). <i>Landscapes of Meshchera</i>. "
             "Moscow: MSU Press. 246 p."},
            {"key": "2", "unstructured": "Иванов И.И. (1990). <i>Ландшафты Мещеры</i>. М.: "
             "Изд-во МГУ. 246 с."},
        ],
    )  # fmt: skip
    _, loaded = _read_one(tmp_path, record)
    first, second = loaded.article.references
    assert first.text == {"en": "Ivanov I.I. (1990). Landscapes of Meshchera. Moscow: MSU "
                          "Press. 246 p."}  # fmt: skip
    assert second.text == {"ru": "Иванов И.И. (1990). Ландшафты Мещеры. М.: Изд-во МГУ. 246 с."}
    assert "reference text: HTML tags (<i>, <b>, <sup> …) removed, text kept" in (loaded.warnings)
    # in a Russian deposit, a reference with no Cyrillic letter is an English one
    deposit = (
        SHAPES_DEPOSIT.replace(
            '<journal_article publication_type="full_text">',
            '<journal_article publication_type="full_text" language="ru">',
        )
        .replace(
            "<title>Shapes of a 5.3 deposit</title>",
            "<title>Формы депозита</title>",
        )
        .replace(
            '<citation key="c1">',
            '<citation key="c0"><unstructured_citation>Smith J. (2001). &lt;i&gt;Arctic&lt;/i&gt;.'
            '</unstructured_citation></citation><citation key="c3"><unstructured_citation>'
            'Петров П. (2001). Арктика.</unstructured_citation></citation><citation key="c1">',
        )
    )
    source = tmp_path / "ru.xml"
    source.write_text(deposit, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    texts = [r.text for r in loaded.article.references[:2]]
    assert texts == [{"en": "Smith J. (2001). Arctic."}, {"ru": "Петров П. (2001). Арктика."}]


def test_deposit_full_text_links_become_self_uris(tmp_path: Path) -> None:
    # doi_data/collection items, as Crossref's examples and eLife's deposits give them; the
    # JSON reader already took the same links from "link"
    collections = (
        '<collection property="text-mining">'
        '<item><resource mime_type="application/pdf">https://example.org/531.pdf</resource>'
        "</item>"
        '<item><resource content_version="am">https://example.org/am/531</resource></item>'
        "</collection>"
        '<collection property="crawler-based"><item crawler="iParadigms">'
        "<resource>https://example.org/531</resource></item>"
        '<item crawler="iParadigms"><resource>https://example.org/crawl/531</resource></item>'
        "</collection>"
    )
    deposit = SHAPES_DEPOSIT.replace(
        "<resource>https://example.org/531</resource>",
        f"<resource>https://example.org/531</resource>{collections}",
    )
    source = tmp_path / "links.xml"
    source.write_text(deposit, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    links = [(link.type, link.url) for link in loaded.article.self_uri]
    assert ("pdf", "https://example.org/531.pdf") in links
    # the similarity-check crawler's addresses are instructions to Crossref, no article fact:
    # said of every such record, they made --strict refuse most real deposits
    assert not any("crawler" in w for w in loaded.warnings)
    # an item without mime_type in a text-mining collection: a full text of unspecified
    # format, as the REST API lists it (it was said as data dropped)
    assert ("unspecified", "https://example.org/am/531") in links
    assert not any("am/531" in w for w in loaded.warnings), loaded.warnings


def test_crossmark_assertions_give_history_and_copyright(tmp_path: Path) -> None:
    # received/accepted dates and the copyright line as publishers deposit them in Crossmark
    # assertions: ISO dates in one group, "22 April 2019" in another
    assertion = [
        {"name": "received", "label": "Received", "value": "3 November 2020",
         "group": {"name": "ArticleHistory", "label": "Article History"}},
        {"name": "revised", "value": "2021-01-15", "group": {"name": "publication_history"}},
        {"name": "date_accepted", "value": "2021-02-01", "group": {"name": "publication_dates"}},
        {"name": "copyright", "label": "Copyright", "value": "© 2021 Test Press."},
        {"name": "peer_review_method", "value": "Single-blind"},
        {"name": "first_online", "value": "sometime in spring"},
    ]  # fmt: skip
    _, loaded = _read_one(tmp_path, _work(assertion=assertion))
    article = loaded.article
    assert article is not None, loaded.problems
    assert (article.history.received, article.history.revised, article.history.accepted) == (
        "2020-11-03",
        ["2021-01-15"],
        "2021-02-01",
    )
    assert article.copyright.statement == {"en": "© 2021 Test Press."}
    # the journal's review policy is out of scope; a date that is none is said
    assert any(
        w.startswith("assertion (first_online): not carried") and w.kind == "data dropped"
        for w in loaded.warnings
    )
    assert any(
        w.startswith("assertion: the journal's peer-review and plagiarism-screening policy")
        and w.kind == "out of scope"
        for w in loaded.warnings
    )


def test_deposit_crossmark_assertions_give_history(tmp_path: Path) -> None:
    crossmark = (
        "<crossmark><crossmark_version>1</crossmark_version>"
        "<crossmark_policy>10.5555/policy</crossmark_policy><custom_metadata>"
        '<assertion name="received" label="Received" group_name="publication_history">'
        "2020-11-03</assertion>"
        '<assertion name="peer_review_method" label="Peer review">Single-blind</assertion>'
        '<assertion name="conflict_of_interest">The authors declare none.</assertion>'
        '<assertion name="Ethics" label="Конфликт интересов">Конфликта интересов нет.</assertion>'
        '<assertion name="Ethics" label="Ethics approval">Approved.</assertion>'
        '<assertion name="data_availability" label="Data availability">Data are in the '
        "archive.</assertion>"
        '<assertion name="Acknowledgements">We thank the reviewers.</assertion>'
        "</custom_metadata></crossmark>"
    )
    deposit = SHAPES_DEPOSIT.replace("<doi_data>", f"{crossmark}<doi_data>")
    source = tmp_path / "crossmark.xml"
    source.write_text(deposit, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert loaded.article.history.received == "2020-11-03"
    # a competing-interests statement, by its name or its label, under its script's language;
    # another ethics statement is said
    assert loaded.article.competing_interests == {
        "en": ["The authors declare none."],
        "ru": ["Конфликта интересов нет."],
    }
    # a data availability statement and acknowledgements, by their names
    assert loaded.article.data_availability == {"en": ["Data are in the archive."]}
    assert loaded.article.acknowledgements == {"en": ["We thank the reviewers."]}
    assert any(w.startswith("assertion (Ethics): not") for w in loaded.warnings)
    assert any(w.startswith("assertion: the journal's peer-review") for w in loaded.warnings)
    assert not any("crossmark" in w for w in loaded.warnings)  # settings: not article facts


def test_a_bare_work_and_doi_org_csl_json_are_recognised(tmp_path: Path) -> None:
    # the REST API's message saved alone, or doi.org's CSL JSON answer: strings for title and
    # container-title, "container-title-short", the registry's keys first and container-title
    # after a long reference list (beyond the bytes a format is sniffed from)
    work = {
        "indexed": {"date-parts": [[2024, 2, 6]]},
        "reference-count": 60,
        "DOI": "10.5555/csl.1",
        "type": "journal-article",
        "title": "Ordinary water, again",
        "author": [{"given": "Henry", "family": "Frank", "sequence": "first"}],
        "issued": {"date-parts": [[1970, 8, 14]]},
        "reference": [
            {"key": f"r{n}", "unstructured": f"Author {n}. A reference of some length. 1964."}
            for n in range(60)
        ],
        "container-title": "Test Journal",
        "container-title-short": "Test J.",
        "ISSN": ["2658-6444"],
    }
    source = tmp_path / "work.json"
    source.write_text(json.dumps(work), encoding="utf-8")
    assert source.read_bytes().find(b'"container-title"') > 4096
    assert detect_format(source) == "crossref"
    [loaded] = list(read_source(source, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.title == {"en": "Ordinary water, again"}
    assert (article.journal.title, article.journal.abbrev_title) == (
        {"en": "Test Journal"},
        "Test J.",
    )
    assert not any("container-title-short" in w for w in loaded.warnings)
    # an article file of this project is not taken for one
    native = tmp_path / "article.json"
    native.write_text(json.dumps({"title": "T", "doi": "10.5555/x.1"}), encoding="utf-8")
    assert detect_format(native) == "json"


def test_unixref_and_unixsd_records_of_a_doi_are_read(tmp_path: Path) -> None:
    # what doi.org answers for application/vnd.crossref.unixref+xml (no namespace) and the
    # query API's unixsd (crossref_result): a <crossref> per record, holding a deposit's body
    journal = (
        '<journal><journal_metadata language="en"><full_title>Test Journal</full_title>'
        '<issn media_type="print">2658-6444</issn></journal_metadata>'
        '<journal_issue><publication_date media_type="print"><year>1970</year>'
        "</publication_date><journal_volume><volume>169</volume></journal_volume>"
        '</journal_issue><journal_article publication_type="full_text"><titles>'
        "<title>Ordinary water</title></titles><contributors><person_name "
        'contributor_role="author" sequence="first"><surname>Frank</surname></person_name>'
        "</contributors><pages><first_page>635</first_page><last_page>641</last_page></pages>"
        "<doi_data><doi>10.5555/ux.1</doi><resource>https://example.org/ux/1</resource>"
        "</doi_data></journal_article></journal>"
    )
    unixref = tmp_path / "unixref.xml"
    unixref.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<doi_records><doi_record owner="10.5555">'
        f"<crossref>{journal}</crossref></doi_record></doi_records>",
        encoding="utf-8",
    )
    unixsd = tmp_path / "unixsd.xml"
    unixsd.write_text(
        '<crossref_result xmlns="http://www.crossref.org/qrschema/3.0" version="3.0">'
        '<query_result><body><query status="resolved"><doi_record>'
        f'<crossref xmlns="http://www.crossref.org/xschema/1.1">{journal}</crossref>'
        "</doi_record></query></body></query_result></crossref_result>",
        encoding="utf-8",
    )
    for source in (unixref, unixsd):
        assert detect_format(source) == "crossref"
        [loaded] = list(read_source(source, None, ReadContext()))
        article = loaded.article
        assert article is not None, loaded.problems
        assert (article.doi, article.fpage, article.volume) == ("10.5555/ux.1", "635", "169")
        assert article.journal.issn.print == "2658-6444"
    book = tmp_path / "book.xml"
    book.write_text(
        "<doi_records><doi_record><crossref><book/></crossref></doi_record></doi_records>",
        encoding="utf-8",
    )
    [loaded] = list(read_source(book, None, ReadContext()))
    assert loaded.problems == [
        f"{book}: crossref: no journal_article in the record (it holds <book>): "
        "jatsconv converts journal articles"
    ]


def test_text_mining_and_manuscript_licences_are_not_the_articles(tmp_path: Path) -> None:
    # a publisher's text-and-data-mining terms alone (166 of 1,055 recorded works): not the
    # article's licence, which JATS and the Crossref deposit (as "vor") would state, but
    # licences of their own for what they govern (tests/test_crossref_strict.py: the outputs)
    tdm_only = [
        {"URL": "https://publisher.example/tdm/userlicense/1.0/", "content-version": "tdm",
         "start": {"date-parts": [[2019, 1, 1]]}},
        {"URL": "https://publisher.example/open-access/userlicense/1.0/",
         "content-version": "am"},
    ]  # fmt: skip
    _, loaded = _read_one(tmp_path, _work(license=tdm_only))
    assert loaded.article.license is None
    assert [(lic.id, lic.applies_to, lic.start_date) for lic in loaded.article.other_licenses] == [
        ("https://publisher.example/tdm/userlicense/1.0/", "tdm", "2019-01-01"),
        ("https://publisher.example/open-access/userlicense/1.0/", "am", None),
    ]
    assert not [w for w in loaded.warnings if "licen" in w]
    both = [*tdm_only, {"URL": "https://creativecommons.org/licenses/by/4.0/",
                        "content-version": "vor"}]  # fmt: skip
    _, loaded = _read_one(tmp_path, _work(license=both))
    assert loaded.article.license.spdx == "CC-BY-4.0"
    deposit = SHAPES_DEPOSIT.replace(
        "<doi_data>",
        '<ai:program xmlns:ai="http://www.crossref.org/AccessIndicators.xsd" '
        'name="AccessIndicators"><ai:license_ref applies_to="tdm">'
        "https://publisher.example/tdm/userlicense/1.0/</ai:license_ref></ai:program><doi_data>",
    )
    source = tmp_path / "tdm.xml"
    source.write_text(deposit, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert loaded.article.license is None
    assert [(lic.id, lic.applies_to) for lic in loaded.article.other_licenses] == [
        ("https://publisher.example/tdm/userlicense/1.0/", "tdm")
    ]
    assert not [w for w in loaded.warnings if "license_ref" in w]


def test_a_vor_licence_at_a_text_mining_address_is_the_articles_as_stated(
    tmp_path: Path, store
) -> None:
    """Springer's works give their text-mining page as both the "vor" and the "tdm" licence
    (a hunt over abbotsbury's test works): the record states it as the version of record's,
    so it is the article's, once, and JATS states it with the sentence the README names;
    a "tdm" one alone is never the article's (above)."""
    springer = [
        {"URL": "http://www.springer.com/tdm", "content-version": "tdm",
         "start": {"date-parts": [[2021, 4, 8]]}},
        {"URL": "http://www.springer.com/tdm", "content-version": "vor",
         "start": {"date-parts": [[2021, 4, 8]]}},
    ]  # fmt: skip
    _, loaded = _read_one(tmp_path, _work(license=springer))
    assert loaded.article.license.url == "http://www.springer.com/tdm"
    assert loaded.article.other_licenses == []
    output = to_jats(loaded.article, grammars=store)
    assert output.valid, output.problems
    tree = etree.fromstring(output.data)
    assert tree.xpath("//license-p/text()") == [
        "This work is licensed under the licence at http://www.springer.com/tdm."
    ]
    assert not tree.xpath("//*[@specific-use='textmining']")


def test_titles_keep_their_markup_beside_an_ampersand_or_a_less_than_sign(
    tmp_path: Path,
) -> None:
    """Crossref keeps titles with their face markup as text ('<i>…</i>'); one bare '&' ("R&D")
    made the whole title unparsable, its italics were stripped in silence and the warning
    spoke of the abstract. A '<' of 'p < 0.05' is kept as text when the markup cannot be
    read. A deposit that escapes the markup a second time ('&lt;i&gt;') gets it read too."""
    _, loaded = _read_one(tmp_path, _work(title=["Effects of <i>E. coli</i> on R&D"]))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.title["en"] == "Effects of <i>E. coli</i> on R&D"
    _, loaded = _read_one(tmp_path, _work(title=["Survival when p < 0.05 and <i>n</i> > 3"]))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.title["en"] == "Survival when p < 0.05 and n > 3"
    assert any("title: its markup is not well-formed" in str(w) for w in loaded.warnings)
    deposit = tmp_path / "deposit.xml"
    deposit.write_text(
        DEPOSIT.replace(
            "<title>Японская политика в Арктике</title>",
            "<title>Японская политика: &lt;i&gt;Arctic&lt;/i&gt;</title>",
        ),
        encoding="utf-8",
    )
    first = next(iter(read_source(deposit, None, ReadContext()))).article
    assert first is not None
    assert first.title["ru"] == "Японская политика: <i>Arctic</i>"


def test_a_japanese_or_korean_title_in_a_record_said_english_is_kept(tmp_path: Path) -> None:
    """Japanese journals deposit their Japanese titles with "language": "en": the title's
    language could not be told, it was left out and the article refused for want of a title.
    Kana are Japanese's alone and Hangul Korean's; a title of Chinese characters only is
    still not guessed."""
    title = "ロシアと日本の関係：危機か好機か"
    _, loaded = _read_one(tmp_path, _work(title=[title], language="en"))
    assert loaded.article is not None, loaded.problems
    assert (loaded.article.language, loaded.article.title) == ("ja", {"ja": title})
    _, loaded = _read_one(tmp_path, _work(title=["한국의 경제 정책"], language="en"))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.title == {"ko": "한국의 경제 정책"}
    _, loaded = _read_one(tmp_path, _work(title=["中国经济"], language="en"))
    assert loaded.article is None


def test_a_cited_books_isbn_is_read_from_the_registry(tmp_path: Path) -> None:
    """Crossref's JSON gives a cited book's ISBN as 'http://id.crossref.org/isbn/…', a deposit
    as <isbn>: the reference's ISBN; a book named by nothing but its ISBN is kept with it as
    its text; one whose check digit fails is left out of the reference, said."""
    record = _work(
        reference=[
            {"key": "b1", "ISBN": "http://id.crossref.org/isbn/9780486672601",
             "volume-title": "Finite Difference Equations", "year": "1992"},
            {"key": "b2", "ISBN": "9780486672601"},
            {"key": "b3", "ISBN": "9780486672602", "volume-title": "Another Book"},
        ],
    )  # fmt: skip
    _, loaded = _read_one(tmp_path, record)
    first, second, third = loaded.article.references
    assert (first.isbn, first.source) == ("9780486672601", "Finite Difference Equations")
    assert (second.isbn, second.text) == ("9780486672601", {"en": "ISBN 9780486672601"})
    assert third.isbn is None and third.source == "Another Book"
    assert any("reference[2]: ISBN left out: check digit fails" in w for w in loaded.warnings)
    loaded = _deposit_with_citations(
        tmp_path,
        '<citation key="c0"><isbn>978-0-486-67260-1</isbn><volume_title>Finite Difference '
        "Equations</volume_title></citation>",
    )
    assert loaded.article.references[0].isbn == "978-0-486-67260-1"


# A field of the wrong JSON type: (fields to set, the problem line after the file's name).
MISTYPED = [
    ({"language": 5}, "language: expected a string, found a number (5)"),
    (
        {"resource": "https://example.org/a/1"},
        'resource: expected an object, found a string ("https://example.org/a/1")',
    ),
    (
        {"author": [{"given": "Anna", "family": ["Smith"]}]},
        'author[0].family: expected a string, found a list (["Smith"])',
    ),
    (
        {"reference": [{"key": "r1", "unstructured": 1998}]},
        "reference[0].unstructured: expected a string, found a number (1998)",
    ),
    (
        {"license": {"URL": "https://creativecommons.org/licenses/by/4.0/"}},
        "license: expected a list of objects, found an object "
        '({"URL": "https://creativecommons.org/li…)',
    ),
    (
        {"published-print": {"date-parts": "2019-02-03"}},
        "published-print.date-parts: expected a list holding one [year, month, day] list, "
        'found a string ("2019-02-03")',
    ),
    (
        {"author": [{"family": "Smith", "affiliation": ["Brown University"]}]},
        'author[0].affiliation[0]: expected an object, found a string ("Brown University")',
    ),
    (
        {"author": [{"family": "Smith", "ORCID": "https://orcid.org/0000-0002-1825-0097",
                     "authenticated-orcid": "yes"}]},
        'author[0].authenticated-orcid: expected true or false, found a string ("yes")',
    ),
    (
        {"title": ["A title", {"en": "Another"}]},
        'title[1]: expected a string, found an object ({"en": "Another"})',
    ),
    (
        {"funder": [{"name": "Test Foundation", "award": [12345]}]},
        "funder[0].award[0]: expected a string, found a number (12345)",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("fields", "problem"), MISTYPED)
def test_a_field_of_the_wrong_json_type_is_refused_in_one_line_naming_it(
    run, tmp_path: Path, fields: dict[str, object], problem: str
) -> None:
    """A record edited by hand or written by another tool: a number for "language", a string
    for "resource", a list for a family name ended in exit 70, "internal error", naming
    neither the file nor the field."""
    source = tmp_path / "work.json"
    source.write_text(json.dumps(_work(**fields)), encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out", "--no-validate")
    assert result.code == 3
    assert result.err == f"{source}: {problem}\n"


def test_a_works_landing_page_is_its_url(tmp_path: Path) -> None:
    record = _work(resource={"primary": {"URL": "https://www.example.org/article/7"}})
    _, loaded = _read_one(tmp_path, record)
    assert str(loaded.article.url) == "https://www.example.org/article/7"


def test_numbers_where_the_registry_writes_strings_are_read(tmp_path: Path) -> None:
    # a volume, year or page as a number says what it means: read as its digits
    record = _work(volume=12, page=7, reference=[{"key": "r1", "journal-title": "J", "year": 2001}])
    _, loaded = _read_one(tmp_path, record)
    article = loaded.article
    assert article is not None, loaded.problems
    assert (article.volume, article.fpage, article.references[0].year) == ("12", "7", "2001")


def test_a_wrong_orcid_is_said_and_left_out(run, tmp_path: Path) -> None:
    """README: "an iD whose checksum fails is said and left out"; in a REST API record it
    refused the whole article (authors[0].orcid: checksum fails)."""
    bad = "http://orcid.org/0000-0002-1825-0098"
    record = _work(author=[{"given": "Anna", "family": "Smith", "ORCID": bad,
                            "authenticated-orcid": True}])  # fmt: skip
    source, loaded = _read_one(tmp_path, record)
    assert loaded.article is not None, loaded.problems
    person = loaded.article.authors[0]
    assert (person.name["en"].surname, person.orcid, person.orcid_authenticated) == (
        "Smith",
        None,
        None,
    )
    [warning] = loaded.warnings
    assert warning == f"author[0].ORCID: checksum fails: {bad!r}: left out"
    assert warning.kind == "data dropped"
    result = run("convert", source, "-o", tmp_path / "out", "--no-validate")
    assert result.code == 0
    assert f"{source}: warning (data dropped): author[0].ORCID: checksum fails" in result.err


def test_an_impossible_date_keeps_its_year_and_month(run, tmp_path: Path) -> None:
    """30 February refused the whole article; the JATS reader keeps what is real of such a
    date (the year and month) and says so: so does this one, for every date it reads."""
    record = _work(
        **{"published-print": {"date-parts": [[2019, 2, 30]]}},
        accepted={"date-parts": [[2019, 13, 1]]},
        assertion=[{"name": "received", "value": "30 February 2018"}],
        license=[{"URL": "https://creativecommons.org/licenses/by/4.0/",
                  "content-version": "vor", "start": {"date-parts": [[2019, 4, 31]]}}],
    )  # fmt: skip
    source, loaded = _read_one(tmp_path, record)
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.published.print == "2019-02"
    assert (article.history.received, article.history.accepted) == ("2018-02", "2019")
    assert article.license.start_date == "2019-04"
    assert (
        "published-print: impossible date, 2019-02 has 28 days: '2019-02-30': read as '2019-02'"
    ) in loaded.warnings
    assert "accepted: impossible date, no month 13: '2019-13-01': read as '2019'" in (
        loaded.warnings
    )
    assert sum("month 13" in w for w in loaded.warnings) == 1  # said once, not per step
    assert any(w.startswith("assertion 'received': impossible date") for w in loaded.warnings)
    assert all(w.kind == "data dropped" for w in loaded.warnings)
    result = run("convert", source, "-o", tmp_path / "out", "--no-validate")
    assert result.code == 0, result.err
    # a deposit's date likewise
    deposit = tmp_path / "deposit.xml"
    deposit.write_text(
        SHAPES_DEPOSIT.replace(
            '<publication_date media_type="online"><year>2021</year>',
            '<publication_date media_type="online"><month>02</month><day>30</day><year>2021</year>',
        ),
        encoding="utf-8",
    )
    [loaded] = list(read_source(deposit, None, ReadContext()))
    assert loaded.article.published.electronic == "2021-02"
    assert (
        "<publication_date>: impossible date, 2021-02 has 28 days: '2021-02-30': read as '2021-02'"
    ) in loaded.warnings


def test_a_deposit_month_13_is_said_once(run, tmp_path: Path) -> None:
    """A month 13 with a day was said twice, first as 'read as 2019-13', a value kept nowhere,
    then as 'read as 2019': one line now, naming the date as written and what is kept."""
    old = '<publication_date media_type="online"><month>03</month><day>29</day>'
    assert DEPOSIT.count(old) == 1
    source = tmp_path / "deposit.xml"
    source.write_text(DEPOSIT.replace(old, old.replace("03", "13")), encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out", "--no-validate")
    assert result.code == 0, result.err
    lines = [line for line in result.err.splitlines() if "month 13" in line]
    assert lines == [
        f"{source}#1: warning (data dropped): <publication_date>: impossible date, no month 13:"
        " '2019-13-29': read as '2019'"
    ]


def test_each_abstract_is_read_under_its_own_language(tmp_path: Path) -> None:
    """The registry keeps a deposit's abstracts as one string: a Russian abstract tagged on
    its jats:p came out as the English one, and two jats:abstract elements were glued into
    one paragraph of the record's language."""
    cases = [
        ('<jats:p xml:lang="ru">Русская аннотация.</jats:p>', {"ru": ["Русская аннотация."]}),
        (
            '<jats:abstract xml:lang="ru"><jats:p>Аннотация.</jats:p></jats:abstract>'
            '<jats:abstract><jats:p xml:lang="en">An abstract.</jats:p></jats:abstract>',
            {"ru": ["Аннотация."], "en": ["An abstract."]},
        ),
        # no xml:lang anywhere: the script tells, as for titles
        (
            "<jats:abstract><jats:p>Аннотация.</jats:p></jats:abstract>"
            "<jats:abstract><jats:title>Abstract</jats:title><jats:p>An abstract.</jats:p>"
            "</jats:abstract>",
            {"ru": ["Аннотация."], "en": ["An abstract."]},
        ),
        # paragraphs of two languages in one abstract
        (
            '<jats:title>Abstract</jats:title><jats:p xml:lang="en">One.</jats:p>'
            '<jats:p>Two.</jats:p><jats:p xml:lang="ru">Один.</jats:p>',
            {"en": ["One.", "Two."], "ru": ["Один."]},
        ),
        ("<jats:p>One.</jats:p><jats:p>Two.</jats:p>", {"en": ["One.", "Two."]}),
    ]
    for abstract, expected in cases:
        _, loaded = _read_one(tmp_path, _work(language="en", abstract=abstract))
        assert loaded.article is not None, loaded.problems
        assert loaded.article.abstract == expected, abstract
        assert not loaded.warnings
    twice = (
        '<jats:abstract xml:lang="en"><jats:p>One.</jats:p></jats:abstract>'
        '<jats:abstract xml:lang="en"><jats:p>Two.</jats:p></jats:abstract>'
    )
    _, loaded = _read_one(tmp_path, _work(abstract=twice))
    assert loaded.article.abstract == {"en": ["One."]}
    assert loaded.warnings == ["abstract 2: a second abstract in 'en': left out"]


def test_affiliations_take_the_language_of_their_script(tmp_path: Path) -> None:
    """A Russian record lists a university's English form beside its Russian one: both were
    Russian affiliations, 'Lomonosov Moscow State University' among them."""
    record = _work(
        language="ru",
        title=["Заглавие", "A title"],
        author=[{"given": "Анна", "family": "Смирнова", "affiliation": [
            {"name": "Lomonosov Moscow State University, Moscow, Russia"},
            {"name": "МГУ имени М.В. Ломоносова, Москва, Россия"},
        ]}],
    )  # fmt: skip
    _, loaded = _read_one(tmp_path, record)
    english, russian = loaded.article.affiliations
    assert english.institution == {"en": "Lomonosov Moscow State University, Moscow"}
    assert russian.institution == {"ru": "МГУ имени М.В. Ломоносова, Москва"}
    assert english.country == russian.country == "RU"


def test_funder_names_take_the_language_of_their_script(tmp_path: Path) -> None:
    """A Russian record names its funder in English: "Russian Science Foundation" was tagged
    Russian (the JATS written said <funding-source xml:lang="ru">); a Cyrillic name stays
    Russian. The affiliations' rule, one helper."""
    record = _work(
        language="ru",
        title=["Заглавие"],
        funder=[
            {"name": "Russian Science Foundation", "DOI": "10.13039/501100006769"},
            {"name": "Российский фонд фундаментальных исследований", "award": ["19-1"]},
        ],
    )
    _, loaded = _read_one(tmp_path, record)
    assert [f.funder for f in loaded.article.funding] == [
        {"en": "Russian Science Foundation"},
        {"ru": "Российский фонд фундаментальных исследований"},
    ]


def test_affiliation_parts_are_carried_or_said(tmp_path: Path) -> None:
    """An affiliation's department and place were lost in silence, and one given by its ROR
    id alone vanished: the department and place (with the country it names) are carried,
    what the model has no place for (no name, an acronym, an ISNI) is said."""
    record = _work(
        author=[{"given": "Anna", "family": "Smith", "affiliation": [
            {"id": [{"id": "https://ror.org/052gg0110", "id-type": "ROR",
                     "asserted-by": "publisher"}]},
            {"name": "Department of Physics", "department": ["Theory Group"],
             "place": ["Oxford, UK"], "acronym": ["DoP"],
             "id": [{"id": "https://ror.org/052gg0110", "id-type": "ROR"},
                    {"id": "0000000121885934", "id-type": "ISNI"}]},
        ]}],
    )  # fmt: skip
    _, loaded = _read_one(tmp_path, record)
    [aff] = loaded.article.affiliations
    assert (aff.institution, aff.department, aff.country, aff.ror) == (
        {"en": "Department of Physics, Oxford"},
        {"en": "Theory Group"},
        "GB",
        "https://ror.org/052gg0110",
    )
    assert [(w.kind, str(w)) for w in loaded.warnings] == [
        (
            "data dropped",
            "author[0].affiliation[0] https://ror.org/052gg0110: no institution name: left out "
            "(the article model needs the institution's name)",
        ),
        (
            "data dropped",
            "author[0].affiliation[1].acronym 'DoP': not carried (the article model has no "
            "place for it)",
        ),
        (
            "data dropped",
            "author[0].affiliation[1].id ISNI 0000000121885934: not carried (the article model "
            "has no place for it)",
        ),
    ]


def test_licences_references_and_subtitles_are_carried_or_said(run, tmp_path: Path) -> None:
    """What was lost in silence: a second licence of the version of record and one stated for
    every version; a reference to a standard; a reference's edition, component and ISSN; a
    subtitle in a language with no title. What the model holds is carried (a cited journal's
    ISSN and a cited book's edition too, now), the rest said."""
    record = _work(
        license=[
            {"URL": "https://creativecommons.org/licenses/by/4.0/", "content-version": "vor"},
            {"URL": "https://creativecommons.org/publicdomain/zero/1.0/",
             "content-version": "vor"},
            {"URL": "https://example.org/terms", "content-version": "unspecified"},
            {"URL": "https://creativecommons.org/licenses/by/4.0/", "content-version": "tdm"},
        ],
        reference=[
            {"key": "s1", "standards-body": "International Organization for Standardization",
             "standard-designator": "ISO 690:2021"},
            {"key": "s2", "volume-title": "Handbook of Tests", "edition": "3rd",
             "component": "10.5555/comp", "author": "Brown", "year": "2001"},
            {"key": "s3", "journal-title": "J Test", "ISSN": "http://id.crossref.org/issn/0004-637X",
             "issn-type": "print", "article-title": "Thing"},
            {"key": "s4", "unstructured": "Brown A. Handbook of Tests. 3rd ed. 2001.",
             "edition": "3rd", "doi-asserted-by": "publisher"},
        ],
        subtitle=["Результаты исследования"],
    )  # fmt: skip
    source, loaded = _read_one(tmp_path, record)
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.license.spdx == "CC-BY-4.0"
    assert [lic.id for lic in article.other_licenses] == [
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "https://example.org/terms",
    ]
    standard = article.references[0]
    assert standard.text == {"en": "International Organization for Standardization. ISO 690:2021"}
    assert (standard.source, standard.publisher) == (
        "ISO 690:2021",
        "International Organization for Standardization",
    )
    assert len(article.references) == 4
    assert article.references[2].issn == "0004-637X"
    assert [ref.edition for ref in article.references] == [None, "3rd", None, "3rd"]
    assert article.subtitle == {}
    dropped = [str(w) for w in loaded.warnings if w.kind == "data dropped"]
    assert dropped == [
        "subtitle 'Результаты исследования': no title in 'ru' to go with it: left out",
        "reference[1] component '10.5555/comp': not carried (the article model has no place "
        "for it)",
    ]
    result = run("convert", source, "-o", tmp_path / "out", "--no-validate", "--strict")
    assert result.code == 3
    assert f"{source}: data dropped (--strict makes this an error): reference[1] component" in (
        result.err
    )


def test_a_ukrainian_reference_in_an_english_record_is_filed_as_ukrainian(
    run, tmp_path: Path, store
) -> None:
    """A registry's reference carries no language: a Cyrillic one in an English record whose
    letters are Ukrainian (є, і) is Ukrainian, not Russian (as the YAML path and the OJS reader
    file it), in a REST record and a deposit alike; the JATS written says xml:lang="uk", and
    "ru" for a Russian one beside it, valid against the DTD."""
    ukrainian = (
        "Євтушенко Р. І. Мовна політика незалежної України. Український історичний журнал. "
        "2018. № 4. С. 112–128."
    )
    russian = "Иванов И. И. Первая книга. М., 2018. 200 с."
    record = _work(
        language="en",
        reference=[{"key": "1", "unstructured": ukrainian}, {"key": "2", "unstructured": russian}],
    )
    work = tmp_path / "work.json"
    work.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    deposit = tmp_path / "deposit.xml"
    deposit.write_text(
        SHAPES_DEPOSIT.replace(
            '<citation key="c1">',
            f'<citation key="c0"><unstructured_citation>{ukrainian}</unstructured_citation>'
            f'</citation><citation key="c3"><unstructured_citation>{russian}'
            '</unstructured_citation></citation><citation key="c1">',
        ),
        encoding="utf-8",
    )
    for source in (work, deposit):
        out = tmp_path / source.stem
        result = run("convert", source, "-o", out)
        assert result.code == 0, result.err
        [written] = out.glob("*.xml")
        check = xmllint(written, store.catalog)
        assert check.returncode == 0, check.stderr
        tree = etree.parse(str(written))
        cited = {
            "".join(m.itertext()): m.get("{http://www.w3.org/XML/1998/namespace}lang")
            for m in tree.xpath("//ref-list//mixed-citation")
        }
        assert cited[ukrainian] == "uk", source.name
        assert cited[russian] == "ru", source.name


# Records as other publishers deposit them, met in a hunt over Crossref records we did not
# write (the test data of other metadata tools); each fixture is ours, minimal, of that shape.

FUNDREF_DEPOSIT = SHAPES_DEPOSIT.replace(
    """          <fr:assertion name="fundgroup">
            <fr:assertion name="funder_name">National Science Foundation
              <fr:assertion name="funder_identifier">100000001</fr:assertion>
            </fr:assertion>
          </fr:assertion>""",
    """          <fr:assertion name="fundgroup">
            <fr:assertion name="funder_name">
              <fr:assertion name="funder_identifier">https://doi.org/10.13039/100000002</fr:assertion>
              NIH
            </fr:assertion>
            <fr:assertion name="award_number">R01 NS089482</fr:assertion>
          </fr:assertion>
          <fr:assertion name="fundgroup">
            <fr:assertion name="funder_name">Some Foundation
              <fr:assertion name="ror">https://ror.org/05gq02987</fr:assertion>
            </fr:assertion>
          </fr:assertion>
          <fr:assertion name="fundgroup">
            <fr:assertion name="funder_name"/>
            <fr:assertion name="award_number">UID/MULTI/04046/2019</fr:assertion>
          </fr:assertion>""",
)


def test_a_funder_name_after_its_nested_identifier_is_read(run, tmp_path: Path, store) -> None:
    """Elsevier's deposits write the funder's name after the funder_identifier nested in
    funder_name: the name was read as empty and the article refused ("funding[0].funder:
    required field is missing", exit 3). A ROR id given as the "ror" assertion was lost in
    silence, and a group without a name refused the article too: now said and left out."""
    source = tmp_path / "fundref.xml"
    source.write_text(FUNDREF_DEPOSIT, encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    out = tmp_path / "out" / "fundref.xml"
    assert xmllint(out, store.catalog).returncode == 0
    tree = etree.parse(str(out))
    assert _text(tree, "//funding-source/institution-wrap/institution") == [
        "NIH",
        "Some Foundation",
    ]
    assert _text(tree, "//funding-source//institution-id") == [
        "10.13039/100000002",
        "https://ror.org/05gq02987",
    ]
    assert _text(tree, "//award-group/award-id") == ["R01 NS089482"]
    assert "a funder group (award UID/MULTI/04046/2019): no funder name: left out" in result.err


def test_a_funders_second_id_in_a_fundgroup_is_said(tmp_path: Path) -> None:
    """A fundgroup may give both the Funder Registry DOI and a ROR id (eLife's generator
    writes the ror assertion): the model holds one id of a funder, and the second was lost
    in silence; now said, as the JATS reader says a second institution-id. The same id twice
    is no second."""
    both = SHAPES_DEPOSIT.replace(
        '<fr:assertion name="funder_identifier">100000001</fr:assertion>',
        '<fr:assertion name="funder_identifier">100000001</fr:assertion>'
        '<fr:assertion name="ror">https://ror.org/021nxhr62</fr:assertion>'
        '<fr:assertion name="funder_identifier">https://doi.org/10.13039/100000001</fr:assertion>',
    )
    source = tmp_path / "both.xml"
    source.write_text(both, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert [f.funder_id for f in loaded.article.funding] == ["10.13039/100000001"]
    assert [w for w in loaded.warnings if "funder" in w] == [
        "funder 'National Science Foundation': a second funder id "
        "'https://ror.org/021nxhr62' is left out"
    ]


def test_a_works_second_funder_id_is_said_as_the_deposits_is(tmp_path: Path) -> None:
    """A work's funder with its Funder Registry DOI and a ROR id: the REST reader said
    "funder[0].id[1] ROR …: not carried", the deposit and JATS readers "funder 'X': a second
    funder id '…' is left out"; one wording now. The DOI repeated in ``id`` is no second."""
    funder = {
        "name": "National Science Foundation",
        "DOI": "10.13039/100000001",
        "id": [
            {"id": "10.13039/100000001", "id-type": "DOI"},
            {"id": "https://ror.org/021nxhr62", "id-type": "ROR"},
        ],
    }
    _, loaded = _read_one(tmp_path, _work(funder=[funder]))
    assert [f.funder_id for f in loaded.article.funding] == ["10.13039/100000001"]
    assert [w for w in loaded.warnings if "funder" in w] == [
        "funder 'National Science Foundation': a second funder id "
        "'https://ror.org/021nxhr62' is left out"
    ]


def test_a_funders_second_id_written_two_ways_is_said_once(tmp_path: Path) -> None:
    """The ROR id beside a funder's Funder Registry DOI, given as the address and as the bare
    id (a deposit's ror assertion and a second funder_identifier; a work's id list): one
    second id, said once (it was said once per way of writing it)."""
    both = SHAPES_DEPOSIT.replace(
        '<fr:assertion name="funder_identifier">100000001</fr:assertion>',
        '<fr:assertion name="funder_identifier">100000001</fr:assertion>'
        '<fr:assertion name="ror">https://ror.org/021nxhr62</fr:assertion>'
        '<fr:assertion name="funder_identifier">021nxhr62</fr:assertion>',
    )
    source = tmp_path / "both.xml"
    source.write_text(both, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    said = (
        "funder 'National Science Foundation': a second funder id "
        "'https://ror.org/021nxhr62' is left out"
    )
    assert [f.funder_id for f in loaded.article.funding] == ["10.13039/100000001"]
    assert [w for w in loaded.warnings if "funder" in w] == [said]
    funder = {
        "name": "National Science Foundation",
        "DOI": "10.13039/100000001",
        "id": [
            {"id": "https://ror.org/021nxhr62", "id-type": "ROR"},
            {"id": "021NXHR62", "id-type": "ROR"},
            {"id": "https://doi.org/10.13039/100000001", "id-type": "DOI"},
        ],
    }
    _, loaded = _read_one(tmp_path, _work(funder=[funder]))
    assert [f.funder_id for f in loaded.article.funding] == ["10.13039/100000001"]
    assert [w for w in loaded.warnings if "funder" in w] == [said]


def test_funders_of_a_fundref_program_without_its_name_are_read(tmp_path: Path) -> None:
    """fundref.xsd fixes the program's name to "fundref" and does not require it: PeerJ's
    deposits leave it out, and their funders were lost in silence."""
    source = tmp_path / "unnamed.xml"
    unnamed = SHAPES_DEPOSIT.replace('<fr:program name="fundref">', "<fr:program>")
    source.write_text(unnamed, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert [f.funder for f in loaded.article.funding] == [{"en": "National Science Foundation"}]


def test_funders_of_every_fundref_program_are_read_once(run, tmp_path: Path) -> None:
    """Deposits give a FundRef program beside the article and a copy in its Crossmark
    metadata (Wiley's): only the first was read, so a funder named only in the copy was lost
    in silence. Each funder is read once, the copy's way of writing the same id
    ('http://dx.doi.org/…') and award (an ASCII hyphen for U+2010) no second funder."""
    copy = """<crossmark><crossmark_version>1</crossmark_version>
          <crossmark_policy>10.5555/policy</crossmark_policy><custom_metadata>
          <fr:program name="fundref">
          <fr:assertion name="fundgroup">
            <fr:assertion name="funder_name">National Science Foundation
              <fr:assertion name="funder_identifier">http://dx.doi.org/10.13039/100000001</fr:assertion>
            </fr:assertion>
            <fr:assertion name="award_number">DI 1794/3-1</fr:assertion>
          </fr:assertion>
          <fr:assertion name="fundgroup">
            <fr:assertion name="funder_name">Virtual Irish Centre for Crop Improvement
            </fr:assertion>
            <fr:assertion name="award_number">14/S/819</fr:assertion>
          </fr:assertion>
          </fr:program></custom_metadata></crossmark>
        <doi_data>"""
    first = '<fr:assertion name="funder_identifier">100000001</fr:assertion>\n' + " " * 12
    first += "</fr:assertion>"
    award = '<fr:assertion name="award_number">DI 1794/3\u20101</fr:assertion>'
    deposit = SHAPES_DEPOSIT.replace(first, first + award).replace("<doi_data>", copy, 1)
    source = tmp_path / "two-programs.xml"
    source.write_text(deposit, encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    tree = etree.parse(str(tmp_path / "out" / "two-programs.xml"))
    assert _text(tree, "//funding-source/institution-wrap/institution") == [
        "National Science Foundation",
        "Virtual Irish Centre for Crop Improvement",
    ]
    assert _text(tree, "//award-group/award-id") == ["DI 1794/3\u20101", "14/S/819"]


def test_award_numbers_in_award_info_are_read_and_not_reported(run, tmp_path: Path) -> None:
    """Newer records repeat a funder's award numbers in "award-info": it was reported as data
    dropped for every funded record, so --strict refused them all. Its award numbers are read
    (one given only there is kept), anything else in it is still said."""
    funders = [
        {
            "name": "Space Lasers and Co",
            "award": ["NCC-1701"],
            "award-info": [{"award-number": ["NCC-1701"]}, {"award-number": ["NCC-1701-D"]}],
        }
    ]
    source, _ = _read_one(tmp_path, _work(funder=funders))
    result = run("convert", source, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    assert "award-info" not in result.err
    tree = etree.parse(str(tmp_path / "out" / "work.xml"))
    assert _text(tree, "//award-group/award-id") == ["NCC-1701", "NCC-1701-D"]
    funders[0]["award-info"] = [{"award-number": ["X-1"], "award-title": "A grant"}]
    source, _ = _read_one(tmp_path, _work(funder=funders))
    result = run("convert", source, "-o", tmp_path / "out")
    assert "funder[0].award-info[0].award-title: not carried" in result.err


def test_html_entities_the_registry_keeps_as_text_are_read_as_characters(
    run, tmp_path: Path
) -> None:
    """The REST API gives deposits' text XML-escaped ("Health &amp; Social Care"), titles
    escaped twice ("&amp;nbsp;"), references' "&#x2019;" and SICI DOIs' "&lt;": written as
    they came, the JATS said "&amp;" to its readers and `jatsconv check` refused it
    (text-misdecoded). The characters meant are read, said once as markup simplified."""
    record = _work(
        title=["Risk Analysis&amp;nbsp;"],
        **{"container-title": ["Health &amp; Social Care in the Community"]},
        reference=[
            {"key": "r1", "article-title": "Shannon&#x2019;s main theorem", "year": "1963",
             "journal-title": "Amer Math Soc Transl"},
            {"key": "r2", "DOI": "10.1175/1520-0469(1979)036&lt;0099:TRITAS&gt;2.0.CO;2"},
        ],
    )  # fmt: skip
    source, _ = _read_one(tmp_path, record)
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    out = tmp_path / "out" / "work.xml"
    tree = etree.parse(str(out))
    assert _text(tree, "//journal-title") == ["Health & Social Care in the Community"]
    assert _text(tree, "//article-meta//article-title") == ["Risk Analysis"]
    assert _text(tree, "//ref//article-title") == ["Shannon\u2019s main theorem"]
    # the SICI DOI whole, in the reference's text too (its link stopped at the "<")
    assert set(_text(tree, "//ref//pub-id[@pub-id-type='doi']")) == {
        "10.1175/1520-0469(1979)036<0099:TRITAS>2.0.CO;2"
    }
    assert "HTML entities written as text, read as the characters they stand for" in result.err
    checked = run("check", out)
    assert checked.code == 0, checked.out
    assert "text-misdecoded" not in checked.out
    # a deposit escapes twice: "&amp;apos;" in the XML is "&apos;" in the text
    source = tmp_path / "twice.xml"
    source.write_text(
        SHAPES_DEPOSIT.replace(
            '<citation key="c1">',
            '<citation key="c0"><article_title>Huntington&amp;apos;s disease</article_title>'
            "<journal_title>J Test</journal_title></citation>\n          "
            '<citation key="c1">',
        ),
        encoding="utf-8",
    )
    [loaded] = list(read_source(source, None, ReadContext()))
    assert loaded.article.references[0].title == "Huntington's disease"


def test_a_title_without_letters_takes_the_records_language(run, tmp_path: Path) -> None:
    """A title of digits and signs alone (the registry keeps a deleted DOI's record with the
    DOI as its title; a novel's "1984") has no script to tell its language: it was left out
    and the article refused ("title: required field is missing"). Nothing says otherwise, so
    it is in the record's language."""
    source, _ = _read_one(tmp_path, _work(title=["10.31030/2559175"], language="en"))
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    tree = etree.parse(str(tmp_path / "out" / "work.xml"))
    assert _text(tree, "//article-meta//article-title") == ["10.31030/2559175"]


def test_an_empty_title_element_is_no_title_left_out(run, tmp_path: Path) -> None:
    """KISTI's and JaLC's records carry an empty <original_language_title/> (or <title/>)
    beside the real title: it was reported as data dropped ("its language cannot be told"),
    and --strict refused the article for a title that held nothing."""
    source = tmp_path / "empty-title.xml"
    source.write_text(
        SHAPES_DEPOSIT.replace(
            "<titles><title>Shapes of a 5.3 deposit</title></titles>",
            "<titles><title>Shapes of a 5.3 deposit</title><original_language_title/></titles>",
        ),
        encoding="utf-8",
    )
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert "original_language_title" not in result.err


def test_a_record_that_names_no_journal_asks_for_one(run, tmp_path: Path) -> None:
    """A preprint (posted-content) or a record fetched with select= has no container-title:
    it was refused as "journal.title: required field is missing", sending the user to look
    for a title the record does not hold. The line now says what to give; given, the record
    converts."""
    record = _work(type="posted-content")
    del record["message"]["container-title"]
    source, _ = _read_one(tmp_path, record)
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 3
    assert (
        f"{source}: container-title: the record names no journal (a preprint's or a partial "
        "record's has none): give it with --journal FILE or a journal.yaml beside the "
        "article or up to three folders above it"
    ) in result.err
    journal = tmp_path / "journal.yaml"
    journal.write_text(
        "title: {en: Test Journal}\nissn: {electronic: 2658-6444}\n", encoding="utf-8"
    )
    result = run("convert", source, "--journal", journal, "-o", tmp_path / "out")
    assert result.code == 0, result.err


def test_a_records_similarity_check_link_is_no_article_fact(tmp_path: Path) -> None:
    """Most registered works give their full text once more for Crossref's similarity-check
    crawler (``intended-application: similarity-checking``, content type "unspecified"): it
    was said as data dropped, so --strict refused the article; it is passed over, and a link
    of an unknown type for another use is still said."""
    links = [
        {"URL": "https://example.org/531.pdf", "content-type": "application/pdf",
         "intended-application": "text-mining"},
        {"URL": "https://example.org/531", "content-type": "unspecified",
         "intended-application": "similarity-checking"},
        {"URL": "https://example.org/531.zip", "content-type": "application/zip",
         "intended-application": "text-mining"},
    ]  # fmt: skip
    _, loaded = _read_one(tmp_path, _work(link=links))
    assert loaded.article is not None, loaded.problems
    assert [(u.type, u.url) for u in loaded.article.self_uri] == [
        ("pdf", "https://example.org/531.pdf")
    ]
    said = [w for w in loaded.warnings if w.startswith("link[")]
    assert len(said) == 1 and "application/zip" in said[0], loaded.warnings


def test_a_deposits_special_numbering_and_archives(tmp_path: Path) -> None:
    """A deposit's journal_issue/special_numbering (a supplement's) is the issue it gives no
    number for; its archive_locations, the journal's preservation arrangement, is out of scope
    (it was data dropped); Elsevier's "C" for a volume without issues is no issue."""
    issue = (
        '<journal_issue><publication_date media_type="print"><year>2003</year>'
        "</publication_date><journal_volume><volume>24</volume></journal_volume>"
        "<special_numbering>{}</special_numbering></journal_issue>"
    )
    archives = '<archive_locations><archive name="Portico"/></archive_locations>'
    for numbering, kept in (("S4", "S4"), ("C", None)):
        deposit = SHAPES_DEPOSIT.replace(
            "<journal_article", issue.format(numbering) + "<journal_article"
        ).replace("<doi_data>", f"{archives}<doi_data>")
        source = tmp_path / f"{numbering}.xml"
        source.write_text(deposit, encoding="utf-8")
        [loaded] = list(read_source(source, None, ReadContext()))
        assert loaded.article is not None, loaded.problems
        assert loaded.article.issue == kept
        notes = [w for w in loaded.warnings if w.kind == "out of scope"]
        assert any(w.startswith("<archive_locations>: the archives") for w in notes)
        assert ("<special_numbering> 'C'" in " ".join(notes)) == (numbering == "C")
        assert not any("archive" in w or "numbering" in w for w in loaded.warnings
                       if w.kind == "data dropped")  # fmt: skip


def test_every_child_of_a_deposits_citation_is_carried_or_said(tmp_path: Path) -> None:
    """A <citation>'s elocation_id and component_number were lost without a word, and a
    standard cited by std_designator and standards_body alone vanished. Read as the
    registry's JSON gives the same parts: the article number is the reference's, the
    standard a text reference; what the model has no place for (component_number) is said
    under the element's name, unless the reference's text holds it."""
    loaded = _deposit_with_citations(
        tmp_path,
        '<citation key="e1"><journal_title>Phys Rev D</journal_title><author>Doe</author>'
        "<volume>101</volume><elocation_id>012345</elocation_id><cYear>2020</cYear>"
        '</citation><citation key="e2"><volume_title>Handbook of Tests</volume_title>'
        "<component_number>Chapter 3</component_number><cYear>2010</cYear></citation>"
        '<citation key="e3"><std_designator>ISO 690:2021</std_designator><standards_body>'
        "<standards_body_name>International Organization for Standardization"
        "</standards_body_name><standards_body_acronym>ISO</standards_body_acronym>"
        '</standards_body></citation><citation key="e4"><unstructured_citation>Smith A. '
        "Handbook of Tests, chapter 4 (2010).</unstructured_citation><component_number>"
        "chapter 4</component_number></citation>",
    )
    article = loaded.article
    assert article is not None, loaded.problems
    journal, book, standard, text, _ = article.references
    assert (journal.source, journal.volume, journal.elocation_id, journal.fpage) == (
        "Phys Rev D",
        "101",
        "012345",
        None,
    )
    assert (book.source, book.type) == ("Handbook of Tests", "book")
    assert standard.text == {"en": "International Organization for Standardization. ISO 690:2021"}
    assert (standard.source, standard.publisher) == (
        "ISO 690:2021",
        "International Organization for Standardization",
    )
    assert text.text == {"en": "Smith A. Handbook of Tests, chapter 4 (2010)."}
    dropped = [str(w) for w in loaded.warnings if w.kind == "data dropped"]
    assert [w for w in dropped if "citation" in w] == [
        "<citation key='e2'> component_number 'Chapter 3': not carried (the article model has "
        "no place for it)",
    ]  # e4's chapter is in its text: nothing lost, nothing said


def test_a_cited_articles_number_goes_both_ways(
    run, tmp_path: Path, store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cited article numbered instead of paged (eLife's, PLOS's 'e1002012'), deposited as
    its citation's elocation_id, is the JATS element-citation's <elocation-id> and the
    Crossref citation's <elocation_id>, read back from either."""
    config = tmp_path / "config.toml"
    config.write_text(
        '[crossref]\ndepositor_name = "Test"\ndepositor_email = "t@example.org"\n'
        'registrant = "Test"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("JATSCONV_CONFIG", str(config))
    source = tmp_path / "numbered.xml"
    source.write_text(
        SHAPES_DEPOSIT.replace(
            '<citation key="c1">',
            '<citation key="b1"><journal_title>PLOS Biology</journal_title><author>Doe</author>'
            "<volume>9</volume><elocation_id>e1002012</elocation_id><cYear>2011</cYear>"
            '</citation><citation key="c1">',
        ),
        encoding="utf-8",
    )
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    jats = tmp_path / "out" / "numbered.xml"
    check = xmllint(jats, store.catalog)
    assert check.returncode == 0, check.stderr
    assert _text(etree.parse(str(jats)), "//element-citation/elocation-id") == ["e1002012"]
    [back] = list(read_source(jats, "jats", ReadContext()))
    assert back.article is not None, back.problems
    assert back.article.references[0].elocation_id == "e1002012"
    assert not [w for w in back.warnings if "elocation" in w]

    result = run("convert", source, "-o", tmp_path / "out", "--to", "crossref")
    assert result.code == 0, result.err
    deposit = tmp_path / "out" / "numbered.crossref.xml"
    check = xmllint_crossref(deposit)
    assert check.returncode == 0, check.stderr
    cited = etree.parse(str(deposit)).xpath(
        "//c:citation/c:elocation_id/text()",
        namespaces={"c": "http://www.crossref.org/schema/5.3.1"},
    )
    assert cited == ["e1002012"]
    [again] = list(read_source(deposit, None, ReadContext()))
    assert again.article is not None, again.problems
    assert again.article.references[0].elocation_id == "e1002012"


def test_what_an_ojs_3_5_deposit_adds_is_read_or_said(tmp_path: Path) -> None:
    """Shapes of OJS 3.5's Crossref export lost without a word: an article number beside the
    pages, an award's DOI (grant_doi, the award number nested in it); and a title per
    language in <titles> blocks that state none, a second Latin-script one said without
    naming it."""
    deposit = (
        SHAPES_DEPOSIT.replace(
            "<titles><title>Shapes of a 5.3 deposit</title></titles>",
            "<titles><title>Shapes of a 5.3 deposit</title></titles>"
            "<titles><title>Formes d'un dépôt</title><subtitle>essai</subtitle></titles>",
        )
        .replace(
            "<doi_data>",
            "<pages><first_page>45</first_page><last_page>67</last_page></pages>"
            '<publisher_item><item_number item_number_type="article_number">e1204'
            "</item_number></publisher_item><doi_data>",
            1,
        )
        .replace(
            "</fr:assertion>\n          </fr:assertion>",
            '</fr:assertion>\n<fr:assertion name="grant_doi">10.5555/grant.1<fr:assertion '
            'name="award_number">ANR-24-001</fr:assertion></fr:assertion></fr:assertion>',
        )
    )
    source = tmp_path / "ojs.xml"
    source.write_text(deposit, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.title == {"en": "Shapes of a 5.3 deposit"}
    assert (article.fpage, article.lpage, article.elocation_id) == ("45", "67", None)
    assert article.funding[0].awards == ["ANR-24-001"]
    warnings = [str(w) for w in loaded.warnings if w.kind == "data dropped"]
    for said in (
        "<title> \"Formes d'un dépôt\": a second title in 'en' (no language stated; told by its "
        "script): left out",
        "<item_number> 'e1204': the article's number beside its pages (45-67): left out (the "
        "article model holds pages or an article number, not both)",
        "<fr:assertion name='grant_doi'> '10.5555/grant.1': not carried (the article model has "
        "no place for it)",
    ):
        assert said in warnings
    # the registry's JSON: an article number beside pages is said alike
    _, loaded = _read_one(tmp_path, _work(page="295-310", **{"article-number": "e7"}))
    assert "article-number 'e7': the article's number beside its pages (295-310): left out " in (
        " ".join(str(w) for w in loaded.warnings)
    )


def test_an_issues_deposit_and_free_reading_without_a_licence_are_said(run, tmp_path: Path) -> None:
    """A deposit of an issue's own DOI was refused as holding "<journal>", as if its
    articles had been missed; an ai:free_to_read without a licence, or with the date free
    reading starts, was passed over in silence."""
    issue = tmp_path / "issue.xml"
    issue.write_text(
        '<doi_batch xmlns="http://www.crossref.org/schema/5.3.1" version="5.3.1"><head/><body>'
        "<journal><journal_metadata><full_title>J</full_title></journal_metadata>"
        "<journal_issue><issue>2</issue><doi_data><doi>10.5555/j.2</doi><resource>"
        "https://example.org/2</resource></doi_data></journal_issue></journal></body>"
        "</doi_batch>",
        encoding="utf-8",
    )
    result = run("convert", issue, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip() == (
        f"{issue}: body: no journal_article in the deposit (its <journal> holds only "
        "<journal_issue>: the DOI of an issue, not of an article): jatsconv converts journal "
        "articles"
    )
    free = SHAPES_DEPOSIT.replace(
        "<doi_data>",
        '<ai:program xmlns:ai="http://www.crossref.org/AccessIndicators.xsd" '
        'name="AccessIndicators"><ai:free_to_read start_date="2022-01-01"/></ai:program>'
        "<doi_data>",
        1,
    )
    source = tmp_path / "free.xml"
    source.write_text(free, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert (
        "<ai:free_to_read> (start_date='2022-01-01'): not carried (the article model has no "
        "place for it)"
    ) in [str(w) for w in loaded.warnings if w.kind == "data dropped"]


def test_a_deposits_publisher_id_and_trial_numbers_are_read_or_said(tmp_path: Path) -> None:
    """publisher_item/identifier (a PII; eLife's repeats the DOI) and a clinical trial's
    registration number (ct:program in the Crossmark metadata, as eLife deposits it) were
    passed over in silence. The first is the publisher's id, as the REST API's alternative-id
    that Crossref makes of it; the second is said."""
    deposit = SHAPES_DEPOSIT.replace(
        "<doi_data>",
        '<publisher_item><identifier id_type="doi">10.5555/shape.531</identifier>'
        '<identifier id_type="pii">S0000-0000(21)00001-2</identifier></publisher_item>'
        "<crossmark><crossmark_policy>10.5555/policy</crossmark_policy><custom_metadata>"
        "<ct:program "
        'xmlns:ct="http://www.crossref.org/clinicaltrials.xsd"><ct:clinical-trial-number '
        'registry="10.18810/clinical-trials-gov">NCT02909218</ct:clinical-trial-number>'
        "</ct:program></custom_metadata></crossmark><doi_data>",
        1,
    )
    source = tmp_path / "ids.xml"
    source.write_text(deposit, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.ids.publisher_id == "S0000-0000(21)00001-2"
    dropped = [str(w) for w in loaded.warnings if w.kind == "data dropped"]
    assert (
        "<clinical-trial-number> 'NCT02909218': not carried (the article model has no place for it)"
    ) in dropped
    assert not [w for w in dropped if "identifier" in w or "10.5555/shape.531" in w]


def test_a_deposit_saved_as_utf16_is_read(run, tmp_path: Path, store) -> None:
    """A deposit (or JATS file) saved as UTF-16 with its byte-order mark, as Windows tools
    save XML, was read as YAML ("malformed YAML: mapping values are not allowed"): the
    sniffers looked for its tags as UTF-8 bytes."""
    source = tmp_path / "utf16.xml"
    source.write_text(SHAPES_DEPOSIT.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf-16")
    assert source.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert detect_format(source) == "crossref"
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    jats = tmp_path / "out" / "utf16.xml"
    assert xmllint(jats, store.catalog).returncode == 0
    again = tmp_path / "again.xml"
    again.write_text(
        jats.read_text("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf-16"
    )
    assert detect_format(again) == "jats"


def test_an_institutions_acronym_and_other_ids_are_said(tmp_path: Path) -> None:
    """A deposit institution's ISNI beside its ROR id, and its acronym, were lost without a
    word (the registry's JSON reader says them); its ROR id, place and department are read."""
    deposit = SHAPES_DEPOSIT.replace(
        '<institution_id type="ror">https://ror.org/05gq02987</institution_id>',
        "<institution_name>Test Institute of Physics</institution_name>"
        '<institution_id type="ror">https://ror.org/05gq02987</institution_id>'
        '<institution_id type="isni">0000000121885934</institution_id>'
        "<institution_acronym>TIP</institution_acronym>"
        "<institution_department>Theory group</institution_department>",
    )
    source = tmp_path / "aff.xml"
    source.write_text(deposit, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    [aff] = article.affiliations
    assert (aff.ror, aff.institution, aff.department) == (
        "https://ror.org/05gq02987",
        {"en": "Test Institute of Physics"},
        {"en": "Theory group"},
    )
    dropped = [str(w) for w in loaded.warnings if w.kind == "data dropped"]
    for said in (
        "<institution_id type='isni'> 0000000121885934: not carried (the article model has no "
        "place for it)",
        "<institution_acronym> 'TIP': not carried (the article model has no place for it)",
    ):
        assert said in dropped


def test_a_journals_title_in_another_language_is_read(tmp_path: Path, store) -> None:
    """journal_metadata may give up to ten full_title (a Russian journal's English title
    beside its own): only the first was read, the others lost without a word. A further
    title is read under the language its script tells (JATS trans-title); a second
    abbreviated title, which the model has no place for, is said."""
    deposit = DEPOSIT.replace(
        "<full_title>Японские исследования</full_title>",
        "<full_title>Японские исследования</full_title><full_title>Japanese Studies in Russia"
        "</full_title>",
    ).replace(
        "<abbrev_title>Jpn. Stud. Russ.</abbrev_title>",
        "<abbrev_title>Jpn. Stud. Russ.</abbrev_title><abbrev_title>Япон. исслед.</abbrev_title>",
    )
    source = tmp_path / "journal.xml"
    source.write_text(deposit, encoding="utf-8")
    first, _ = read_source(source, None, ReadContext())
    assert first.article is not None, first.problems
    assert first.article.journal.title == {
        "ru": "Японские исследования",
        "en": "Japanese Studies in Russia",
    }
    assert first.article.journal.abbrev_title == "Jpn. Stud. Russ."
    assert (
        "<journal_metadata/abbrev_title> 'Япон. исслед.': not carried (the article model has no "
        "place for it)"
    ) in [str(w) for w in first.warnings]
    output = to_jats(first.article, grammars=store)
    assert output.valid, output.problems
    assert b"<trans-title>Japanese Studies in Russia</trans-title>" in output.data


def test_a_volumes_own_doi_is_said(tmp_path: Path) -> None:
    """journal_volume/doi_data (a volume's own DOI) was lost without a word."""
    deposit = DEPOSIT.replace(
        "<journal_volume><volume>3</volume></journal_volume>",
        "<journal_volume><volume>3</volume><doi_data><doi>10.5555/jsr.v3</doi><resource>"
        "https://www.example.org/jsr/v3</resource></doi_data></journal_volume>",
    )
    source = tmp_path / "volume.xml"
    source.write_text(deposit, encoding="utf-8")
    first, _ = read_source(source, None, ReadContext())
    assert first.article is not None, first.problems
    assert first.article.volume == "3"
    assert ("<journal_volume/doi_data>: not carried (the article model has no place for it)") in [
        str(w) for w in first.warnings if w.kind == "data dropped"
    ]


def test_deposit_funder_id_that_is_no_id_is_said_and_the_funder_kept(tmp_path: Path) -> None:
    """eLife's deposit generator writes <fr:assertion name="ror"> with a placeholder: the whole
    article was refused as "funding[0].funder_id: not a DOI", a field the deposit has not."""
    source = tmp_path / "deposit.xml"
    source.write_text(
        DEPOSIT.replace(
            '<fr:assertion name="funder_identifier">https://doi.org/10.13039/501100006769',
            '<fr:assertion name="ror">example_ror_id',
        ),
        encoding="utf-8",
    )
    first, _ = read_source(source, "crossref", ReadContext())
    assert first.problems == []
    [funder] = first.article.funding
    assert (list(funder.funder.values()), funder.funder_id, funder.awards) == (
        ["Russian Science Foundation"],
        None,
        ["18-18-00063"],
    )
    assert (
        "<fr:assertion name='ror'> 'example_ror_id': not a Funder Registry DOI or ROR id: "
        "left out" in first.warnings
    )


def test_a_ror_id_whose_check_digits_fail_is_said_and_the_work_kept(tmp_path: Path) -> None:
    """ROR ids are now checked (mod 97-10): a registry record's funder or affiliation with a
    wrong one keeps the funder and the work, the id said and left out — the funder's refused
    the whole work as 'funding[0].funder_id', a field the record has not."""
    bad = "https://ror.org/05gq02988"
    record = _work(
        author=[
            {
                "given": "Anna",
                "family": "Smith",
                "affiliation": [{"name": "Uni X", "id": [{"id": bad, "id-type": "ROR"}]}],
            }
        ],
        funder=[{"name": "Fund F", "id": [{"id": bad, "id-type": "ROR"}]}],
    )
    _, loaded = _read_one(tmp_path, record)
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.funding[0].funder == {"en": "Fund F"}
    assert article.funding[0].funder_id is None
    said = [str(w) for w in loaded.warnings]
    assert any("funder 'Fund F': ROR id checksum fails" in w for w in said), said


def test_a_deposit_institutions_ror_id_whose_check_digits_fail_is_said(tmp_path: Path) -> None:
    deposit = SHAPES_DEPOSIT.replace(
        '<institution_id type="ror">https://ror.org/05gq02987</institution_id>',
        "<institution_name>Test Institute of Physics</institution_name>"
        '<institution_id type="ror">https://ror.org/05gq02988</institution_id>',
    )
    source = tmp_path / "aff.xml"
    source.write_text(deposit, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    [aff] = loaded.article.affiliations
    assert (aff.institution, aff.ror) == ({"en": "Test Institute of Physics"}, None)
    assert any("ROR id checksum fails" in str(w) for w in loaded.warnings)


def test_a_deposit_funders_mistyped_ror_ids_are_said_not_an_internal_error(
    tmp_path: Path,
) -> None:
    """A funder group whose ids after the first include one that is no id (a ROR id whose
    check digits fail) and then another: each second id said once (the third was 'internal
    error: ValueError'); a first ROR id that fails its check digits is said as mistyped,
    not as 'not a Funder Registry DOI or ROR id'."""
    seconds = SHAPES_DEPOSIT.replace(
        '<fr:assertion name="funder_identifier">100000001</fr:assertion>',
        '<fr:assertion name="funder_identifier">100000001</fr:assertion>'
        '<fr:assertion name="ror">https://ror.org/021nxhr63</fr:assertion>'
        '<fr:assertion name="ror">https://ror.org/021nxhr62</fr:assertion>',
    )
    source = tmp_path / "seconds.xml"
    source.write_text(seconds, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert [f.funder_id for f in loaded.article.funding] == ["10.13039/100000001"]
    assert [w for w in loaded.warnings if "second funder id" in w] == [
        "funder 'National Science Foundation': a second funder id "
        "'https://ror.org/021nxhr63' is left out",
        "funder 'National Science Foundation': a second funder id "
        "'https://ror.org/021nxhr62' is left out",
    ]
    first = SHAPES_DEPOSIT.replace(
        '<fr:assertion name="funder_identifier">100000001</fr:assertion>',
        '<fr:assertion name="ror">https://ror.org/021nxhr63</fr:assertion>',
    )
    source.write_text(first, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert (
        "<fr:assertion name='ror'> 'https://ror.org/021nxhr63': ROR id checksum fails (a "
        "mistyped id): left out"
    ) in loaded.warnings


def test_an_article_json_naming_message_type_is_read_as_an_article(
    run, tmp_path: Path, journal_file: Path
) -> None:
    """The project's own JSON article whose keyword is "message-type" is no Crossref record
    (it was taken for one, and refused as naming no journal): only a key of the top-level
    object decides, as for DOAJ's "bibjson"."""
    article = {
        "title": {"en": "What a Crossref record holds"},
        "language": "en",
        "keywords": {"en": ["message-type", "DOI", "indexed"]},
        "abstract": {"en": 'Its "message-type": "work" says what the record is.'},
        "published": {"electronic": "2020-05-01"},
    }
    source = tmp_path / "article.json"
    source.write_text(json.dumps(article), encoding="utf-8")
    assert detect_format(source) == "json"
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (tmp_path / "out" / "article.xml").exists()
    # a record saved with the key in its top level, after other keys, still is one
    record = {"status": "ok", "message-type": "work", "message": {"DOI": "10.5555/x.1"}}
    source.write_text(json.dumps(record, indent=2), encoding="utf-8")
    assert detect_format(source) == "crossref"


def test_a_work_record_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """A REST API record saved by Windows Notepad starts with UTF-8's byte-order mark: it is
    read as the Crossref work it is (it was taken for the project's own JSON article, 'not
    an article: … found: status, message-type …', and --from crossref called it 'not
    well-formed: Start tag expected')."""
    source = tmp_path / "work.json"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps(_work()).encode("utf-8"))
    assert detect_format(source) == "crossref"
    for fmt in (None, "crossref"):
        [loaded] = list(read_source(source, fmt, ReadContext()))
        assert loaded.article is not None, loaded.problems
        assert str(loaded.article.doi) == "10.5555/shape.1"
