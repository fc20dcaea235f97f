"""Reference lists pasted as one block: headings, and the two lists of Russian journals."""

from __future__ import annotations

import pytest

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
