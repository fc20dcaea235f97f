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
