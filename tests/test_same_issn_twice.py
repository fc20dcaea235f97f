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
