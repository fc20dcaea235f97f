"""``jatsconv references`` and ``converter.citations.explain``: the parser's decision on a
reference with its grounds, for an editor checking a list before a deposit."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from converter.citations import explain, parse_reference
from converter.citations.corpus import load
from converter.citations.evaluate import load_labelled

ROOT = Path(__file__).resolve().parents[1]
STRUCTURED = "Smith J. A title of a paper. J Things. 2020;1:1-2."
VETOED = (
    "Министерство образования и науки РФ и др. Российские школьники — лучшие читатели в мире! "
    "М., 2017."
)


def test_explain_decides_as_parse_reference() -> None:
    """On the self-written regression set and every fifth dev reference, a reference is
    structured by ``explain`` exactly when ``parse_reference`` returns its citation, with the
    same parts; at a journal's higher confidence too."""
    texts = [row["text"] for row in load_labelled(ROOT / "tests" / "data" / "references")]
    texts += [item.text for item in load() if item.split == "dev"][::5]
    assert len(texts) > 500
    for least in (None, 0.95):
        for text in texts:
            reading, parsed = explain(text, least), parse_reference(text, least)
            assert reading.structured == (parsed is not None), text
            if parsed is not None:
                assert reading.citation == parsed, text
                assert reading.confidence >= reading.threshold


def test_a_structured_reference_shows_its_parts(run) -> None:
    result = run("references", STRUCTURED)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == STRUCTURED
    assert lines[1].startswith("  structured (confidence 0.9")
    assert "threshold 0.775 for English and other languages" in lines[1]
    assert "    source: J Things" in lines and "    authors: Smith, J." in lines


def test_a_reference_kept_as_text_says_why_and_what_was_read(run) -> None:
    result = run("references", VETOED)
    assert result.code == 0, result.err
    assert "  text: 'и др.' or 'et al.' inside the title or source" in result.out
    assert "for Russian works)" in result.out
    assert "  the parts read, not written:" in result.out
    assert "    title: Министерство образования и науки РФ и др" in result.out


def test_references_from_standard_input_as_json_at_a_journals_confidence(
    run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One JSON object a line of input (blank lines skipped); ``--confidence`` is the journal
    file's ``reference_confidence``: a reference sure at 0.987 stays text at 0.99."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{STRUCTURED}\n\n{VETOED}\n"))
    result = run("references", "--json", "--confidence", "0.99")
    assert result.code == 0, result.err
    first, second = (json.loads(line) for line in result.out.splitlines())
    assert (first["structured"], first["threshold"], first["group"]) == (False, 0.99, "en")
    assert first["reason"].startswith("not sure enough: confidence 0.987")
    assert first["parts"]["source"] == "J Things"
    assert (second["structured"], second["group"]) == (False, "ru")
    assert run("references", "--json", STRUCTURED).out.count('"structured": true') == 1


def test_a_confidence_out_of_range_is_one_line(run) -> None:
    result = run("references", "--confidence", "1.5", STRUCTURED)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert "--confidence" in result.err
