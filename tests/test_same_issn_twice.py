"""A journal file giving one ISSN as both print and electronic: said in one line naming the
field, and kept once, as electronic: as the JATS reader reads one ISSN typed both ways (PMC's
online journals do so), so the two readers agree.

Until 4 December 2026 it was accepted without a word; Crossref output then wrote only the
print one, and JATS output wrote it both ways (the ``general`` profile's ``issn-typing``).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from converter import load_article, to_jats
from converter.notices import SIMPLIFIED, Notice

ARTICLE = "title: {en: An article}\npublished: {electronic: 2020-01-02}\n"


def test_one_issn_as_both_print_and_electronic_is_said_and_kept_once(tmp_path: Path, store) -> None:
    (tmp_path / "journal.yaml").write_text(
        "title: {en: Test Journal}\nissn: {print: 2658-6444, electronic: 2658-6444}\n",
        encoding="utf-8",
    )
    source = tmp_path / "article.yaml"
    source.write_text(ARTICLE, encoding="utf-8")
    said: list[Notice] = []
    article = load_article(source, said=said)
    assert said == [
        "journal.issn: 2658-6444 given as both print and electronic ISSN: kept once, as electronic"
    ]
    assert said[0].kind == SIMPLIFIED  # (nothing lost: the one number is kept)
    assert article.journal.issn.print is None and article.journal.issn.electronic == "2658-6444"
    output = to_jats(article, grammars=store)
    assert output.valid, output.problems
    written = [(e.get("pub-type"), e.text) for e in etree.fromstring(output.data).iter("issn")]
    assert written == [("epub", "2658-6444")]


def test_two_issns_say_nothing(tmp_path: Path, journal_file: Path) -> None:
    source = tmp_path / "article.yaml"
    source.write_text(ARTICLE, encoding="utf-8")
    said: list[Notice] = []
    article = load_article(source, said=said)
    assert said == [] and article.journal.issn.electronic == "2658-6789"


def test_a_model_built_in_python_with_one_issn_twice_writes_it_once_as_electronic() -> None:
    """The Python API skips the journal file's reading: each writer keeps the one ISSN once, as
    electronic as the readers do, so an article's JATS, Crossref and DOAJ agree (JATS wrote it
    both ways, failing ``issn-typing``; Crossref and DOAJ wrote it as print)."""
    from converter.api import render
    from converter.model import Article
    from converter.options import Options

    article = Article.model_validate(
        {
            "title": {"en": "An article"},
            "published": {"electronic": "2020-01-02", "collection": "2020"},
            "doi": "10.1234/abc.1",
            "url": "https://example.org/a/1",
            "journal": {
                "title": {"en": "Test Journal"},
                "issn": {"print": "2658-6444", "electronic": "2658-6444"},
                "publisher": {"name": {"en": "Publisher"}},
                "crossref": {
                    "depositor_name": "Publisher",
                    "depositor_email": "deposits@example.org",
                    "registrant": "Publisher",
                },
            },
        }
    )
    jats = etree.fromstring(to_jats(article).data)
    assert [(e.get("pub-type"), e.text) for e in jats.iter("issn")] == [("epub", "2658-6444")]
    assert jats.xpath("//pub-date[@date-type='collection']/@publication-format") == ["electronic"]
    deposit = render(article, Options(target="crossref"), "a")
    assert deposit.valid, deposit.problems
    crossref = etree.fromstring(deposit.data)
    issns = [(e.get("media_type"), e.text) for e in crossref.iter("{*}issn")]
    assert issns == [("electronic", "2658-6444")]
    doaj = etree.fromstring(render(article, Options(target="doaj"), "a").data)
    assert (doaj.find("record/issn"), doaj.findtext("record/eissn")) == (None, "2658-6444")


def test_a_collection_date_alone_is_online_when_the_one_issn_is_kept_as_electronic(
    crossref_xsd: etree.XMLSchema,
) -> None:
    """An article with only a collection date: its Crossref publication date's media type
    follows the ISSN as kept, so one ISSN given both ways (kept as electronic) gives an online
    date, as the issue's date already did (it gave a print date no ISSN backed)."""
    from converter.api import render
    from converter.model import Article
    from converter.options import Options
    from converter.xsd import schema_problems

    article = Article.model_validate(
        {
            "title": {"en": "An article"},
            "published": {"collection": "2020"},
            "doi": "10.1234/abc.1",
            "url": "https://example.org/a/1",
            "journal": {
                "title": {"en": "Test Journal"},
                "issn": {"print": "2658-6444", "electronic": "2658-6444"},
                "publisher": {"name": {"en": "Publisher"}},
                "crossref": {
                    "depositor_name": "Publisher",
                    "depositor_email": "deposits@example.org",
                    "registrant": "Publisher",
                },
            },
        }
    )
    deposit = render(article, Options(target="crossref"), "a")
    assert deposit.valid, deposit.problems
    assert schema_problems(crossref_xsd, deposit.data, "a") == []
    crossref = etree.fromstring(deposit.data)
    dates = crossref.findall(".//{*}journal_article/{*}publication_date")
    assert [d.get("media_type") for d in dates] == ["online"]
