"""Reference lists pasted as one block: headings, and the two lists of Russian and Ukrainian
journals."""

from __future__ import annotations

import pytest
import yaml

from conftest import DATA
from converter.readers.reference_lists import is_heading, pair_lists


@pytest.mark.parametrize(
    "line", ["Список литературы", "СПИСОК ЛИТЕРАТУРЫ:", "References", "REFERENCES.", "Литература"]
)
def test_headings(line: str) -> None:
    assert is_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "Литература и общество // Вопросы литературы. 2001. № 2.",  # a work whose title starts so
        "References to be checked, a report. Moscow, 2019.",
        "Smith J. References. 2001.",
    ],
)
def test_references_are_no_headings(line: str) -> None:
    assert not is_heading(line)


def test_a_list_without_headings_or_renumbering_is_as_it_was() -> None:
    lines = ["1. Иванов И.И. Книга. М., 2001.", "2. Smith J. Book. London, 2002."]
    assert pair_lists(lines, "ru") == (lines, None)


def test_a_reference_in_both_lists_the_same_is_one_text() -> None:
    """A foreign work is written alike in both lists: it stays one text; a Russian one gets
    its two forms, under the Cyrillic language given."""
    lines = [
        "Литература",
        "Иванов И.И. Книга. М., 2001.",
        "Smith J. Book. London, 2002.",
        "References",
        "Ivanov I.I. Kniga [A book]. Moscow, 2001.",
        "Smith J. Book. London, 2002.",
    ]
    pairs, said = pair_lists(lines, "uk")
    assert pairs == [
        {
            "text": {
                "uk": "Иванов И.И. Книга. М., 2001.",
                "en": "Ivanov I.I. Kniga [A book]. Moscow, 2001.",
            }
        },
        "Smith J. Book. London, 2002.",
    ]
    assert said is not None and "forms of 2 references" in said


UKRAINIAN = yaml.safe_load((DATA / "ukrainian-reference-lists.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "line",
    [
        "Список використаних джерел",
        "СПИСОК ВИКОРИСТАНОЇ ЛІТЕРАТУРИ:",
        "Література",
        "Перелік посилань",
        "Бібліографія.",
    ],
)
def test_ukrainian_headings(line: str) -> None:
    assert is_heading(line)


@pytest.mark.parametrize("latin", ["kmu-2010", "russian-style"])
@pytest.mark.parametrize("lang", ["uk", "en", "ru"])
def test_a_ukrainian_list_and_its_references_list_are_one_list(latin: str, lang: str) -> None:
    """A Ukrainian journal's list (DSTU 8302) and its "References" list, written by the
    national system or in the Russian style: one list in two forms, each Ukrainian reference
    under uk whatever the article's language; the foreign work one text."""
    lines = ["Список використаних джерел", *UKRAINIAN["dstu"], "References", *UKRAINIAN[latin]]
    pairs, said = pair_lists(lines, lang)
    assert pairs == [
        {"text": {"uk": one, "en": other}}
        for one, other in zip(UKRAINIAN["dstu"][:5], UKRAINIAN[latin][:5], strict=True)
    ] + [UKRAINIAN["dstu"][5]]
    assert said == (
        "citations: the headings 'Список використаних джерел', 'References' are no "
        "references; the two lists under them are read as the original and Latin-script "
        "forms of 6 references"
    )
    # without the headings, numbered from 1 each: the same
    pairs, said = pair_lists([*UKRAINIAN["dstu"], *UKRAINIAN[latin]], lang)
    assert len(pairs) == 6 and pairs[1]["text"]["uk"].startswith("2. Євтушенко")
    assert said is not None and "two lists numbered from 1" in said


def test_a_ukrainian_list_beside_other_works_is_not_paired() -> None:
    """The Latin list of other works, as long, does not open as the Ukrainian one
    transliterated: both are kept, one after the other."""
    other = [f"{k}. Brown K. Work {k}. Oxford, 2001." for k in range(1, 7)]
    lines = ["Список літератури", *UKRAINIAN["dstu"], "References", *other]
    pairs, said = pair_lists(lines, "uk")
    assert pairs == [*UKRAINIAN["dstu"], *other]
    assert said is not None and "lists of 6 and 6 references: not one list in two forms" in said
