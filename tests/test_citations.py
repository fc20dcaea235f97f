"""The citation parser: per style, conservative on what it cannot read, measured on the set."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import DATA
from converter import load_article, to_jats
from converter.citations import parse_reference
from converter.citations.evaluate import FIELDS, evaluate, load_labelled

LABELLED = DATA / "references"


def test_labelled_set_meets_the_targets() -> None:
    items = load_labelled(LABELLED)
    assert len(items) >= 200
    styles = {item["style"] for item in items}
    assert {
        "gost-7.0.5-2008",
        "gost-7.0.100-2018",
        "apa",
        "vancouver",
        "chicago-author-date",
        "references-translit",
        "seed-translit",
    } <= styles
    score = evaluate(items)
    for name in FIELDS:
        precision = score.precision(name)
        assert precision is None or precision >= 0.97, (name, precision, score.errors)
    for name in ("authors", "year", "title", "source"):
        assert (score.recall(name) or 0) >= 0.85, (name, score.recall(name))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Иванов И. И., Петров П. П. Название статьи // Вопросы истории. 2019. Т. 5, № 2. "
            "С. 10–20. DOI: 10.1000/abc.1",
            {
                "type": "journal",
                "authors": ["Иванов, И. И.", "Петров, П. П."],
                "title": "Название статьи",
                "source": "Вопросы истории",
                "year": "2019",
                "volume": "5",
                "issue": "2",
                "fpage": "10",
                "lpage": "20",
                "doi": "10.1000/abc.1",
                "lang": "ru",
            },
        ),
        (
            "Иванов, И. И. Название : подзаголовок / И. И. Иванов, П. П. Петров. – Текст : "
            "непосредственный // Журнал. – 2019. – Т. 5, № 2. – С. 10–20.",
            {"authors": ["Иванов, И. И.", "Петров, П. П."], "title": "Название : подзаголовок"},
        ),
        (
            "Smith, J. A., & Brown, B. (2020). Title of the article. Journal of Things, 12(3), "
            "45–67. https://doi.org/10.1000/xyz",
            {"authors": ["Smith, J. A.", "Brown, B."], "source": "Journal of Things", "issue": "3"},
        ),
        (
            "Smith JA, Brown B. Title of the article. J Things. 2020;12(3):45-7.",
            {"authors": ["Smith, J. A.", "Brown, B."], "fpage": "45", "lpage": "47"},
        ),
        (
            'Smith, John A., and Bob Brown. 2020. "Title of the Article." Journal of Things 12 '
            "(3): 45–67.",
            {"authors": ["Smith, John A.", "Brown, Bob"], "title": "Title of the Article"},
        ),
        (
            "Ivanov I.I. Nazvanie [Title]. Voprosy istorii, 2019, vol. 5, no. 2, pp. 10–20. "
            "(In Russ.)",
            {"title": "Nazvanie", "title_en": "Title", "source": "Voprosy istorii"},
        ),
        (
            "Batin Yu. (2017) Rossiya predlozhila Yaponii postroity Most Hokkaido-Sakhalin "
            "[Russia offers Japan to build Hokkaido-Sakhalin bridge]. 6 September //Rossiyskaya "
            "Gazeta. URL: (accessed: 21 July 2018)",
            {
                "authors": ["Batin, Yu."],
                "year": "2017",
                "source": "Rossiyskaya Gazeta",
                "accessed": "2018-07-21",
                "type": "newspaper",
            },
        ),
    ],
)
def test_styles(text: str, expected: dict[str, object]) -> None:
    found = parse_reference(text)
    assert found is not None
    fields = found.fields()
    for name, value in expected.items():
        assert fields.get(name) == value, (name, fields)


@pytest.mark.parametrize(
    "text",
    [
        "ГАРФ. Ф. Р-5446. Оп. 1. Д. 20. Л. 1–5.",
        "Interview with a Ministry of Foreign Affairs official, Tokyo, March 2019.",
        # 'Title. Source' could split at either full stop: no guess
        "Сенаторов, А. И. (2010). Внешняя политика Японии. Япония. Ежегодник, 39, 40–58.",
        # an author list the grammar cannot read is never taken for a title
        "Ivanov I I 2019 Some title Journal 5 10-20",
        "Strel'tsov Dmitrii 2019 Title [Translation]. Journal, 2019, vol. 1, pp. 1-2.",
        "Автор 0 А. Б. Название источника номер 0 // Журнал исследований. 1990. № 1. С. 1–9.",
        "",
    ],
)
def test_unreadable_references_stay_text(text: str) -> None:
    assert parse_reference(text) is None


def test_parsed_reference_becomes_element_citation(write_article, tmp_path: Path, store) -> None:
    path = write_article(
        """\
title: {en: Parsed}
references:
  - "Smith JA, Brown B. Title of the article. J Things. 2020;12(3):45-7. doi:10.1000/xyz1"
  - "Notes from the project's archive, https://example.org/archive, box 3."
"""
    )
    output = to_jats(load_article(path), grammars=store)
    assert output.valid, output.problems
    tree = etree.fromstring(output.data).getroottree()
    first = tree.xpath("//ref[@id='ref1']/citation-alternatives")[0]
    assert [child.tag for child in first] == ["mixed-citation", "element-citation"]
    element = first.find("element-citation")
    assert element.get("publication-type") == "journal"
    assert element.xpath("person-group/name/surname/text()") == ["Smith", "Brown"]
    assert element.findtext("pub-id") == "10.1000/xyz1"
    assert first.xpath("mixed-citation/pub-id/text()") == ["10.1000/xyz1"]
    second = tree.xpath("//ref[@id='ref2']")[0]
    assert second.find("citation-alternatives") is None
    assert second.xpath(
        "mixed-citation/ext-link/@xlink:href", namespaces={"xlink": "http://www.w3.org/1999/xlink"}
    ) == ["https://example.org/archive"]


def test_structuring_can_be_turned_off(tmp_path: Path, store) -> None:
    (tmp_path / "journal.yaml").write_text(
        "title: {en: J}\nissn: {print: 2658-6444}\nstructure_references: false\n",
        encoding="utf-8",
    )
    path = tmp_path / "a.yaml"
    path.write_text(
        'title: {en: Off}\nreferences:\n  - "Smith JA. Title. J Things. 2020;12(3):45-7."\n',
        encoding="utf-8",
    )
    output = to_jats(load_article(path), grammars=store)
    assert b"element-citation" not in output.data
