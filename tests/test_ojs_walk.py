"""An OJS issue taken from its export to its deposits, as a bilingual journal's technical
editor does (``tests/data/ojs-walk/issue.xml``): what each deposit carries of the export, and
what is said of what it does not."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from converter.xsd import schema_problems

EXPORT = Path(__file__).resolve().parent / "data" / "ojs-walk"


def _converted(tmp_path: Path, run, *args: str) -> tuple[Path, str]:
    shutil.copytree(EXPORT, tmp_path / "in")
    result = run("convert", tmp_path / "in" / "issue.xml", "-o", tmp_path / "out", *args)
    return tmp_path / "out", result.err


def _citations(deposit: Path) -> list[dict[str, str]]:
    tree = etree.parse(str(deposit))
    return [
        {etree.QName(part).localname: part.text or "" for part in cite}
        for cite in tree.xpath("//*[local-name()='citation']")
    ]


def test_a_references_doi_reaches_crossref_when_its_parts_were_not_read(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema
) -> None:
    """A foreign work cited by GOST's '//' with its DOI as an address: the parser is not sure
    of its parts, yet the DOI the JATS tags in its text is the citation's ``doi``, by which
    Crossref matches it."""
    out, _ = _converted(tmp_path, run, "--to", "crossref")
    deposit = out / "issue-1.crossref.xml"
    first = _citations(deposit)[0]
    assert "Arctic shipping" in first["unstructured_citation"]
    assert first["doi"] == "10.23865/arctic.v10.1374"
    assert schema_problems(crossref_xsd, deposit.read_bytes(), "x") == []


def test_a_first_author_written_without_the_mark_of_soft_sign_is_deposited(
    tmp_path: Path, run
) -> None:
    """Стрельцов, whose References text writes him Streltsov (his own spelling, not BSI's
    Strel'tsov): the citation's author is the name as the text writes it."""
    out, _ = _converted(tmp_path, run, "--to", "crossref")
    second = _citations(out / "issue-1.crossref.xml")[1]
    assert second["unstructured_citation"].startswith("Streltsov D.V.")
    assert second["author"] == "Streltsov"
    assert second["journal_title"] == "Yaponskie issledovaniya"


def test_a_foreign_works_second_form_is_said_as_left_out(tmp_path: Path, run) -> None:
    """The foreign work is in both lists, in each list's style: the reference keeps the
    first list's text, and the warning says the References list's is left out."""
    out, err = _converted(tmp_path, run)
    assert "forms of 2 references; reference 1, in Latin script in both lists" in err
    assert "(the second's left out)" in err
    jats = (out / "issue-1.xml").read_text(encoding="utf-8")
    assert "Arctic Review on Law and Politics. 2019. Vol. 10." in jats


def test_doaj_lists_no_affiliation_of_the_translator_it_leaves_out(
    tmp_path: Path, run, doaj_xsd: etree.XMLSchema
) -> None:
    """DOAJ's record names the authors only: the translator's institution is no author's and
    is not in its affiliations list."""
    out, _ = _converted(tmp_path, run, "--to", "doaj")
    record = (out / "issue-1.doaj.xml").read_text(encoding="utf-8")
    assert "Kyoto University" in record
    assert "Smirnov" not in record
    assert "HSE University" not in record
    assert schema_problems(doaj_xsd, record.encode(), "x") == []


def test_package_says_an_article_not_yet_published(tmp_path: Path, run) -> None:
    """The scheduled article's PMC package is written, with a warning that PMC publishes what
    it is sent; the published one's without."""
    out, _ = _converted(tmp_path, run, "--profile", "pmc")
    for name in ("issue-1", "issue-2"):
        (out / f"{name}.pdf").write_bytes(b"%PDF-1.4\n")
    result = run("package", out / "issue-1.xml", out / "issue-2.xml", "-o", tmp_path / "pkg")
    assert result.code == 0, result.err
    assert sorted(p.name for p in (tmp_path / "pkg").iterdir()) == ["jsr-8-7.zip", "jsr-8-89.zip"]
    said = [line for line in result.err.splitlines() if "not yet published" in line]
    assert len(said) == 1 and "issue-2.xml" in said[0], result.err
    assert "publication-status 'scheduled'" in said[0]
    assert "after publication day" in said[0]


def _deposited_with_agency(tmp_path: Path, run, russian: str, english: str) -> Any:
    """The sample export's funder typed as ``russian`` and ``english``, converted to Crossref
    into tmp_path/out."""
    shutil.copytree(EXPORT, tmp_path / "in")
    issue = tmp_path / "in" / "issue.xml"
    text = issue.read_text(encoding="utf-8")
    text = text.replace("Российский научный фонд, грант № 23-28-01234", russian)
    text = text.replace("Russian Science Foundation, grant No. 23-28-01234", english)
    issue.write_text(text, encoding="utf-8")
    return run("convert", issue, "-o", tmp_path / "out", "--to", "crossref")


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        (
            "Российский научный фонд, грант № 23-28-01234",
            "Russian Science Foundation, grant No. 23-28-01234",
        ),
        # 'Project' capitalised, as a programme's name holds it (5-100), before a grant's number
        (
            "Российский научный фонд Проект 23-28-01234",
            "Russian Science Foundation Project 23-28-01234",
        ),
        # ... after a comma too: a grant's number, five digits or more, is the award
        (
            "Российский научный фонд, Проект 23-28-01234",
            "Russian Science Foundation, Project 23-28-01234",
        ),
    ],
)
def test_an_agencys_grant_number_is_the_funders_award(
    tmp_path: Path, run, russian: str, english: str
) -> None:
    """'Russian Science Foundation, grant No. 23-28-01234' (and its Russian name so typed):
    the funder is deposited by its name, which Crossref can match, with the number as its
    award; the reading is said. So with 'Project 23-28-01234', capitalised as a programme's
    name writes it ('Project 5-100'), which was deposited whole as the funder's name."""
    result = _deposited_with_agency(tmp_path, run, russian, english)
    out, err = tmp_path / "out", result.err
    assert "the grant number 23-28-01234 is read as the funder's award" in err
    tree = etree.parse(str(out / "issue-1.crossref.xml"))
    assertions = {
        a.get("name"): a.text for a in tree.xpath("//*[local-name()='assertion'][not(*)]")
    }
    assert assertions == {
        "funder_name": "Russian Science Foundation",
        "award_number": "23-28-01234",
    }


def test_a_short_project_number_after_a_funders_name_and_a_comma_is_its_award(
    tmp_path: Path, run
) -> None:
    """'Wellcome Trust, Project 1234': a number after the funder's name and a comma is its
    award, however short, unless it is written as a programme's is, 5-100: it was deposited
    whole as the funder's name, which Crossref cannot match, with no award."""
    result = _deposited_with_agency(
        tmp_path, run, "Фонд Уэллкома, Проект 1234", "Wellcome Trust, Project 1234"
    )
    assert "the grant number 1234 is read as the funder's award" in result.err
    tree = etree.parse(str(tmp_path / "out" / "issue-1.crossref.xml"))
    assertions = {
        a.get("name"): a.text for a in tree.xpath("//*[local-name()='assertion'][not(*)]")
    }
    assert assertions == {"funder_name": "Wellcome Trust", "award_number": "1234"}


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        # a programme whose name holds 'Project' and a number
        (
            "Программа повышения конкурентоспособности Проект 5-100",
            "Russian Academic Excellence Project 5-100",
        ),
        # ... after the funder's name and a comma (it gave award 5-100)
        ("Министерство науки, Проект 5-100", "Ministry of Science, Project 5-100"),
        # two funders typed in one field, each with its grant
        (
            "РНФ, грант № 23-28-01234, РФФИ, грант № 18-011-00123",
            "RSF, grant No. 23-28-01234, RFBR, grant No. 18-011-00123",
        ),
    ],
)
def test_a_name_that_is_more_than_an_agency_and_its_grant_is_kept_whole(
    tmp_path: Path, run, russian: str, english: str
) -> None:
    """An agency's name the grant rule cannot split in two — a programme named 'Project
    5-100', two funders and their grants in one field — is deposited as typed, not said to
    hold an award: the number was cut off a programme's name ('Russian Academic Excellence',
    award 5-100), and the first funder and its grant made the second's name ('RSF, grant No.
    23-28-01234, RFBR', award 18-011-00123)."""
    result = _deposited_with_agency(tmp_path, run, russian, english)
    assert "read as the funder's award" not in result.err
    tree = etree.parse(str(tmp_path / "out" / "issue-1.crossref.xml"))
    assertions = [
        (a.get("name"), a.text) for a in tree.xpath("//*[local-name()='assertion'][not(*)]")
    ]
    assert assertions == [("funder_name", english)]
