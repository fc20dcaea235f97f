"""Ukrainian references (DSTU 8302:2015, DSTU GOST 7.1:2006): read by the parser trained on
Russian lists, with Ukrainian's letters, fixed words and abbreviated places."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from conftest import DATA, xmllint
from converter import load_article, to_jats
from converter.citations.evaluate import FIELDS, evaluate, load_labelled
from converter.citations.parse import parse_reference

LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_the_ukrainian_labelled_set() -> None:
    """The self-written Ukrainian set (tests/data/references-uk): most references structured,
    and what is written is right (a chapter in a collection written without '//' may read as
    a book: GOST's lists mark the part, DSTU 8302's do not)."""
    items = load_labelled(DATA / "references-uk")
    assert len(items) >= 30
    score = evaluate(items)
    assert score.structured / score.references >= 0.85, score.errors
    for name in FIELDS:
        precision = score.precision(name)
        assert precision is None or precision >= 0.95, (name, precision, score.errors)


def _parts(run, *texts: str) -> list[dict[str, object]]:
    result = run("references", "--json", *texts)
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines()]


def test_ukrainian_initials_et_al_and_language(run) -> None:
    """'Євтушенко Р. І.' is an author (І. an initial), 'та ін.' is et al., and the work's
    language is Ukrainian, not Russian."""
    first, second = _parts(
        run,
        "Євтушенко Р. І. Мовна політика незалежної України. Український історичний журнал. "
        "2018. № 4. С. 112–128.",
        "Марченко Т. В., Їжак О. П. та ін. Біохімічні показники крові при гіпоксії. "
        "Фізіологічний журнал. 2016. Т. 62, № 1. С. 27–35.",
    )
    assert first["structured"] and second["structured"]
    assert first["parts_written"]["authors"] == ["Євтушенко, Р. І."]
    assert first["parts_written"]["lang"] == "uk"
    assert second["parts_written"]["authors"] == ["Марченко, Т. В.", "Їжак, О. П."]
    assert second["parts_written"]["etal"] is True
    assert second["parts_written"]["title"] == "Біохімічні показники крові при гіпоксії"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Онищенко С. О. Нариси з історії Галичини. Л. : Світ, 1999. 120 с.", "Львів"),
        ("Савчук Б. П. Історія Прикарпаття. Х. : Основа, 2003. 210 с.", "Харків"),
        ("Бондаренко В. Д. Основи філософії. К. : Вища шк., 2005. 432 с.", "Київ"),
        ("Петренко І. В. Історія Причорномор'я. О. : Астропринт, 2010. 300 с.", "Одеса"),
        # a Russian book's Л. is Leningrad still
        ("Иванов И. И. Очерки истории города. Л. : Наука, 1975. 200 с.", "Ленинград"),
    ],
    ids=["Lviv", "Kharkiv", "Kyiv", "Odesa", "Leningrad"],
)
def test_abbreviated_places_of_ukrainian_lists(run, text: str, place: str) -> None:
    """DSTU GOST 7.1's К., Х., О., Л. are Kyiv, Kharkiv, Odesa and Lviv in a Ukrainian
    reference: the place written is the city (GOST's Л. is Leningrad in a Russian one; О.
    stayed 'О', as the References form wrote Odesa)."""
    (found,) = _parts(run, text)
    assert found["structured"], found
    assert found["parts_written"]["place"] == place


def test_an_odesa_book_is_read_as_sure_as_a_kyiv_one(run) -> None:
    """DSTU GOST 7.1's 'О. :' (Odesa) is shown to the labeller as a place, as 'К. :' is: asked
    for a confidence of 0.9 (a journal's reference_confidence), the book is structured with its
    place Одеса, as sure as with К.; it was read at 0.54 and kept as text."""
    text = "Шевчук Ї. Ї. Степи півдня. {} : Астропринт, 2004. 96 с."
    result = run(
        "references", "--json", "--confidence", "0.9", text.format("О."), text.format("К.")
    )
    assert result.code == 0, result.err
    odesa, kyiv = (json.loads(line) for line in result.out.splitlines())
    assert odesa["structured"], odesa
    assert odesa["parts_written"]["place"] == "Одеса"
    assert odesa["confidence"] == kyiv["confidence"]


def test_a_ukrainian_reference_in_jats(tmp_path: Path, journal_file: Path, store) -> None:
    """Converted, a Ukrainian reference is structured with its own letters, its language
    said as uk and its place written out; the JATS is valid against the DTD."""
    article = tmp_path / "article.yaml"
    article.write_text(
        "title: {en: T}\nlanguage: en\npublished: {electronic: 2021-05-01}\nreferences:\n"
        "  - 'Федорів Т. М. Галицькі читальні «Просвіти». Л. : Літопис, 2003. 178 с.'\n",
        encoding="utf-8",
    )
    output = to_jats(load_article(article), grammars=store)
    assert output.valid, output.problems
    out = tmp_path / "article.xml"
    out.write_bytes(output.data)
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    citation = etree.fromstring(output.data).find(".//element-citation")
    assert citation is not None
    assert citation.get(LANG) == "uk"
    assert citation.findtext("source") == "Галицькі читальні «Просвіти»"
    assert citation.findtext("publisher-loc") == "Львів"
    assert citation.findtext("person-group/name/surname") == "Федорів"


def test_a_reference_said_to_be_in_russian_stays_russian() -> None:
    """A transliterated reference marked '(in Russian)' whose Latin text holds a Cyrillic
    look-alike 'і' (a Ukrainian journal's name typed so, from GROBID's data) was filed as
    Ukrainian: the marker says the work's language."""
    text = (
        "Borisenko V. I. What must be determined: the period or the reactivity of the reactor? "
        "Problemy bezpeki atomnykh elektrostantsyj і Chornobylya. 2010, iss. 13, pp. 8-18 "
        "(in Russian)."
    )
    found = parse_reference(text)
    assert found is not None and found.lang == "ru"
