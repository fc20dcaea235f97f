"""The country read from an affiliation written as one line: shared by the readers of JATS,
Crossref records and web pages (``readers.common.country_code``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from converter.readers import ReadContext, read_source
from converter.readers.common import affiliation_from_text

JATS = """\
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"
  dtd-version="1.2" xml:lang="en"><front><journal-meta>
<journal-title-group><journal-title>Test Journal</journal-title></journal-title-group>
<issn pub-type="ppub">2658-6444</issn>
<publisher><publisher-name>Test Press</publisher-name></publisher></journal-meta>
<article-meta><article-id pub-id-type="doi">10.5555/aff.1</article-id>
<title-group><article-title>A title</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Smith</surname>
<given-names>Anna</given-names></name><xref ref-type="aff" rid="a1"/></contrib></contrib-group>
<aff id="a1">{aff}</aff>
<pub-date pub-type="epub"><year>2020</year></pub-date></article-meta></front></article>
"""

# (the line, the country it names: None when it names none)
LINES = [
    ("Emory University, Atlanta, Georgia", None),  # the US state, not the Caucasus
    ("University of Georgia, Athens, Georgia", None),
    ("Emory University, Atlanta 30322, Georgia", None),
    ("Emory University, Atlanta, Georgia, USA", "US"),
    ("Tbilisi State University, Tbilisi, Georgia", "GE"),
    ("Ilia State University, Georgia", "GE"),
]


@pytest.mark.parametrize(("line", "country"), LINES)
def test_georgia_after_a_us_city_is_not_the_country(line: str, country: str | None) -> None:
    aff = affiliation_from_text(line, "en")
    assert aff.get("country") == country
    if country is None:
        assert aff["institution"] == {"en": line}  # the whole line kept: nothing lost


@pytest.mark.parametrize(("line", "country"), LINES)
def test_jats_reader_reads_georgia_by_its_city(
    tmp_path: Path, line: str, country: str | None
) -> None:
    source = tmp_path / "a.xml"
    source.write_text(JATS.format(aff=line), encoding="utf-8")
    [loaded] = list(read_source(source, "jats", ReadContext()))
    assert loaded.article is not None, loaded.problems
    [aff] = loaded.article.affiliations
    if country == "GE":
        assert aff.country == "GE"
    else:  # the JATS reader keeps a line of four parts whole, without a country
        assert aff.country in (None, country)
        assert aff.text == {"en": line} or aff.institution == {"en": line}


def test_crossref_reader_reads_georgia_by_its_city(run, tmp_path: Path) -> None:
    record = {
        "message-type": "work",
        "message": {
            "DOI": "10.5555/aff.1",
            "type": "journal-article",
            "title": ["A title"],
            "container-title": ["Test Journal"],
            "ISSN": ["2658-6444"],
            "issued": {"date-parts": [[2020]]},
            "author": [
                {"given": "Anna", "family": "Smith",
                 "affiliation": [{"name": "Emory University, Atlanta, Georgia"}]},
                {"given": "Nino", "family": "Beridze",
                 "affiliation": [{"name": "Tbilisi State University, Tbilisi, Georgia"}]},
            ],
        },
    }  # fmt: skip
    source = tmp_path / "work.json"
    source.write_text(json.dumps(record), encoding="utf-8")
    result = run("convert", source, "-o", "-", "--no-validate")
    assert result.code == 0, result.err
    assert '<country country="GE">Georgia</country>' in result.out  # Tbilisi's
    assert result.out.count('country="GE"') == 1
    assert ">Emory University, Atlanta, Georgia</institution>" in result.out
