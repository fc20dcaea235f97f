"""An affiliation that names no institution, only a place (a city and a country): JATS writes
its address, but Crossref's ``institution_name`` and DOAJ's ``affiliationName`` would take the
place for an institution's name; the deposits leave it out, said, and ``check`` warns of it in
every profile (``aff-institution``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from converter.xsd import schema_problems

CR = "{http://www.crossref.org/schema/5.3.1}"
ARTICLE = """\
language: en
title: {en: A title}
doi: 10.5555/test.2020.9
url: https://journal.example.org/article/9
volume: 3
fpage: 1
section: {en: Articles}
published: {electronic: 2020-03-04}
authors:
  - name: {surname: Smith, given: Jane}
    affiliations: [aff1, aff2]
  - name: {surname: Doe, given: John}
    affiliations: [aff1]
affiliations:
  - id: aff1
    city: {en: Moscow}
    country: RU
  - id: aff2
    institution: {en: Example University}
    city: {en: Moscow}
    country: RU
"""
WARNED = "affiliations[0]: no institution: left out of the"


@pytest.fixture
def article(write_article, journal_file: Path) -> Path:
    journal_file.write_text(
        journal_file.read_text(encoding="utf-8")
        + "crossref:\n  depositor_name: Test Press\n  depositor_email: doi@example.org\n"
        "  registrant: Test Press\n",
        encoding="utf-8",
    )
    return write_article(ARTICLE)


def test_crossref_leaves_a_place_alone_out_and_says_so_once(
    article: Path, tmp_path: Path, run, crossref_xsd: etree.XMLSchema
) -> None:
    result = run("convert", article, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert result.err.count(WARNED + " Crossref deposit") == 1  # two authors, said once
    data = (tmp_path / "out" / "article.crossref.xml").read_bytes()
    assert schema_problems(crossref_xsd, data, "deposit") == []
    root = etree.fromstring(data)
    names = [el.text for el in root.iter(f"{CR}institution_name")]
    assert names == ["Example University"]  # not 'Moscow, Russian Federation'
    people = root.findall(f".//{CR}person_name")
    assert people[1].find(f"{CR}affiliations") is None  # Doe's only one: none left


def test_crossref_keeps_a_place_named_by_its_ror_id(
    article: Path, tmp_path: Path, run, crossref_xsd: etree.XMLSchema
) -> None:
    article.write_text(
        ARTICLE.replace("    city: {en: Moscow}\n", "    city: {en: Moscow}\n"
                        "    ror: https://ror.org/05qrfxd25\n", 1),
        encoding="utf-8",
    )  # fmt: skip
    result = run("convert", article, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert WARNED not in result.err
    data = (tmp_path / "out" / "article.crossref.xml").read_bytes()
    assert schema_problems(crossref_xsd, data, "deposit") == []
    ids = [el.text for el in etree.fromstring(data).iter(f"{CR}institution_id")]
    assert ids == ["https://ror.org/05qrfxd25", "https://ror.org/05qrfxd25"]
    assert b"<institution_name>Moscow" not in data


def test_doaj_leaves_a_place_alone_out_and_says_so(
    article: Path, tmp_path: Path, run, doaj_xsd: etree.XMLSchema
) -> None:
    result = run("convert", article, "--to", "doaj", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert result.err.count(WARNED + " DOAJ record") == 1
    data = (tmp_path / "out" / "article.doaj.xml").read_bytes()
    assert schema_problems(doaj_xsd, data, "record") == []
    root = etree.fromstring(data)
    names = {el.get("affiliationId"): el.text for el in root.iter("affiliationName")}
    assert list(names.values()) == ["Example University, Moscow, Russian Federation"]
    smith, doe = root.iter("author")
    assert [names[el.text] for el in smith.iter("affiliationId")] == list(names.values())
    assert doe.find("affiliationId") is None


def test_jats_keeps_the_address(article: Path, tmp_path: Path, run) -> None:
    result = run("convert", article, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    root = etree.parse(tmp_path / "out" / "article.xml").getroot()
    first = root.find(".//aff[@id='aff1']")
    assert first.find(".//city").text == "Moscow" and first.find("institution") is None


@pytest.mark.parametrize("profile", ["general", "crossref", "doaj", "pmc", "rsci"])
def test_check_warns_in_every_profile(article: Path, tmp_path: Path, run, profile: str) -> None:
    assert run("convert", article, "-o", tmp_path / "out").code == 0
    result = run("check", "--profile", profile, tmp_path / "out" / "article.xml")
    lines = [line for line in result.out.splitlines() if "[aff-institution]" in line]
    assert len(lines) == 1, result.out  # the place alone; not the university
    assert "names no institution, only 'Moscow, Russian Federation'" in lines[0]
    assert "give institution:" in lines[0] and "aff[1]" in lines[0]


def test_convert_profile_names_the_field(article: Path, tmp_path: Path, run) -> None:
    result = run("convert", article, "--profile", "doaj", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    said = [line for line in result.err.splitlines() if "[aff-institution]" in line]
    assert len(said) == 1 and said[0].endswith("(input field affiliations[0])"), result.err
