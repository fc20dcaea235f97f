"""The project's own YAML/JSON files: values read as typed, and hostile files refused in one line
(deep nesting, alias and size bombs), with what the bytes are when they are not UTF-8."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.errors import EXIT_INPUT
from converter.model import Journal
from converter.readers import native

GOOD = """\
title: {en: A title}
authors:
  - name: {surname: Ivanova, given: Anna}
"""


def _single_line_error(result, expected: str) -> None:
    """Exit 3, one line (the first) holding ``expected``, no traceback."""
    assert result.code == EXIT_INPUT, result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert expected in lines[0], lines
    assert "Traceback" not in result.err


# ---------------------------------------------------------------- numbers as typed


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("12", 12), ("-3", -3), ("0", 0),
        ("010", "010"), ("0123", "0123"), ("1:30", "1:30"), ("0x1F", "0x1F"), ("0o17", "0o17"),
        ("1_0", "1_0"), ("+1", "+1"), ("-0", "-0"), ("2.10", "2.10"), ("3.0", "3.0"),
        ("1e3", "1e3"), (".5", ".5"), (".nan", ".nan"), (".inf", ".inf"), ("-.inf", "-.inf"),
        ("=", "="), ("12:30:00", "12:30:00"), ("yes", "yes"), ("true", True),
    ],
)  # fmt: skip
def test_a_plain_value_is_the_text_typed_unless_a_plain_integer(typed: str, read) -> None:
    """YAML 1.1 reads 010 as 8, 1:30 as 90, 0x1F as 31, 1_0 as 10 and 2.10 as 2.1: only a
    plain decimal integer (and true/false, null) is read as anything but the text typed."""
    data = native.parse_data(f"a: {typed}\nb: [{typed}]\n", "x.yaml")
    assert data == {"a": read, "b": [read]}
    assert type(data["a"]) is type(read)


def test_json_numbers_keep_the_text_typed() -> None:
    data = native.parse_data('{"volume": 2.10, "issue": 3, "x": 1e3, "y": NaN}', "x.json")
    assert data == {"volume": "2.10", "issue": 3, "x": "1e3", "y": "NaN"}


def test_numbers_with_leading_zeros_reach_the_jats_as_typed(run, write_article, tmp_path) -> None:
    article = write_article(
        GOOD + "volume: 2.10\nissue: 010\nelocation_id: 0123\nids: {publisher_id: 0x1F}\n"
        "funding:\n  - funder: {en: Fund}\n    awards: [0012, 1_0, 1:30]\n"
    )
    result = run("convert", article, "-o", tmp_path / "o")
    assert result.code == 0, result.err
    xml = (tmp_path / "o" / "article.xml").read_text(encoding="utf-8")
    for element in (
        "<volume>2.10</volume>",
        "<issue>010</issue>",
        "<elocation-id>0123</elocation-id>",
        '<article-id pub-id-type="publisher-id">0x1F</article-id>',
        "<award-id>0012</award-id>",
        "<award-id>1_0</award-id>",
        "<award-id>1:30</award-id>",
    ):
        assert element in xml


@pytest.mark.parametrize("name", ["journal.yaml", "journal.json"])
def test_a_float_field_reads_its_number_from_the_text(tmp_path: Path, name: str) -> None:
    """Numbers stay text, and the float field (reference_confidence) reads its number from it:
    the models are not strict. A value out of range is still refused by name."""
    text = "title: {en: J}\nreference_confidence: 0.9\n"
    if name.endswith(".json"):
        text = '{"title": {"en": "J"}, "reference_confidence": 0.9}'
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    journal = native.JournalCache().load(path)
    assert isinstance(journal, Journal)
    assert journal.reference_confidence == 0.9
    bad = native.parse_data("title: {en: J}\nreference_confidence: 1.5\n", "journal.yaml")
    with pytest.raises(native.InputError) as refused:
        native.journal_from_data(bad, "journal.yaml")
    assert refused.value.lines() == [
        "journal.yaml: reference_confidence: Input should be less than or equal to 0.995"
    ]


def test_an_unquoted_arxiv_id_keeps_its_last_zero(run, write_article, tmp_path) -> None:
    """YAML 1.1 read ``arxiv: 2001.01230`` as the number 2001.0123 (refused, to be quoted): the
    text typed is now the value."""
    article = write_article(GOOD + "references:\n  - {text: Smith J. 2020., arxiv: 2001.01230}\n")
    result = run("convert", article, "-o", tmp_path / "o")
    assert result.code == 0, result.err
    xml = (tmp_path / "o" / "article.xml").read_text(encoding="utf-8")
    assert '<pub-id pub-id-type="arxiv">2001.01230</pub-id>' in xml
