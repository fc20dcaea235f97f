"""A reference list pasted into one ``references:`` entry of a YAML or JSON article: read as
its references, as the web form reads one pasted into a reference's box.

Until 4 December 2026 such an entry ("Список литературы", the Russian list, "References", its
Latin-script form) was converted as ONE reference holding both lists and their headings, with
no warning.
"""

from __future__ import annotations

import json

import pytest

from converter.errors import InputError
from converter.notices import SIMPLIFIED, Notice
from converter.readers.native import load_article

RUSSIAN = [
    "1. Стрельцов Д.В. Российско-японские отношения // Японские исследования. 2018. № 3. С. 6–20.",
    "2. Иванов И.И., Петров П.П. Экономика Японии. М.: Наука, 2015. 320 с.",
]
LATIN = [
    "1. Streltsov D.V. Rossiisko-yaponskie otnosheniya [Russian-Japanese relations]. Yaponskie "
    "issledovaniya [Japanese Studies in Russia]. 2018. No. 3. Pp. 6–20. (In Russ.)",
    "2. Ivanov I.I., Petrov P.P. Ekonomika Yaponii [Economy of Japan]. Moscow: Nauka, 2015. "
    "320 p. (In Russ.)",
]
PASTED = "\n".join(["Список литературы", *RUSSIAN, "References", *LATIN])


def _article(write_article, references: list[object], name: str = "article.json"):
    data = {"language": "ru", "title": {"ru": "Статья", "en": "Article"}, "references": references}
    said: list[Notice] = []
    article = load_article(write_article(json.dumps(data, ensure_ascii=False), name), said=said)
    return article, said


def test_a_pasted_list_in_one_entry_is_its_references_in_two_forms(write_article) -> None:
    article, said = _article(write_article, [PASTED])
    refs = article.references
    assert len(refs) == 2
    assert refs[0].text["ru"].startswith("Стрельцов")
    assert refs[0].text["en"].startswith("Streltsov")
    assert refs[1].text["en"].startswith("Ivanov")
    [note] = [line for line in said if "references[0]" in line]
    assert note.kind == SIMPLIFIED  # (a note: nothing is lost)
    assert "'Список литературы', 'References'" in note


def test_a_numbered_list_without_headings_is_read_as_references(write_article) -> None:
    lines = ["1. Smith J. A book. London, 2001.", "2. Brown K. Another. Oxford, 2002."]
    article, said = _article(write_article, [{"text": {"en": "\n".join(lines)}}])
    assert [ref.text["en"] for ref in article.references] == [
        "Smith J. A book. London, 2001.",
        "Brown K. Another. Oxford, 2002.",
    ]
    assert any("2 lines pasted: read as 2 references" in line for line in said)


def test_a_numbered_list_copied_from_a_pdf_keeps_its_wrapped_lines_in_their_reference(
    write_article,
) -> None:
    """A numbered list copied from a PDF has references wrapped in lines: a line with no
    number, or one opening with a year ('2015. 200 с.'), goes on the reference before; each
    was a reference of its own ('Japan. London, 2015.')."""
    lines = [
        "1. Smith J. The economy of",
        "Japan. London, 2015.",
        "2. Иванов И.И. Экономика Японии. М.: Наука,",
        "2015. 200 с.",
        "3. Brown K. Another. Oxford, 2002.",
    ]
    article, said = _article(write_article, ["\n".join(lines)])
    assert [next(iter(ref.text.values())) for ref in article.references] == [
        "Smith J. The economy of Japan. London, 2015.",
        "Иванов И.И. Экономика Японии. М.: Наука, 2015. 200 с.",
        "Brown K. Another. Oxford, 2002.",
    ]
    assert any("5 lines pasted: read as 3 references" in line for line in said)


def test_a_reference_with_a_stray_line_break_stays_one_reference(write_article) -> None:
    text = "Smith J. A very long title of a book\ncopied from a PDF. London, 2001."
    article, said = _article(write_article, [text, "Brown K. Another. Oxford, 2002."])
    assert len(article.references) == 2
    assert article.references[0].text["en"].startswith("Smith J. A very long title")
    assert not any("pasted" in line or "headings" in line for line in said)


def test_a_reference_kept_whole_keeps_no_line_break(write_article) -> None:
    """Three lines of one reference that are no list (not numbered, no heading) are written
    on one line, as the web form's one-line box kept them: no line break in the citation."""
    text = "Smith J. A study\nJournal of Things. 2020;5(2):10-20.\nLondon: Press"
    article, _ = _article(write_article, [text])
    [ref] = article.references
    assert ref.text["en"] == "Smith J. A study Journal of Things. 2020;5(2):10-20. London: Press"


def test_a_pasted_list_in_an_entry_with_parts_is_refused_naming_it(write_article) -> None:
    entry = {"text": {"ru": PASTED}, "title": "Российско-японские отношения"}
    with pytest.raises(InputError) as raised:
        _article(write_article, [entry], "article.yaml")
    assert "references[0].text: several lines in a reference given with its parts" in str(
        raised.value
    )
