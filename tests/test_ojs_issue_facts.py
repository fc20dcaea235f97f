"""What an OJS issue holds of itself, not of an article: its description, cover image and
galleys have no place in JATS article metadata, and are said once a run (out of scope), not on
each of the issue's articles; ``--strict`` does not refuse for them."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLES

EXPORT = SAMPLES / "ojs" / "2019-1" / "issue.xml"
JOURNAL = SAMPLES / "ojs" / "journal.yaml"
COVER = (
    '<covers><cover locale="en_US"><cover_image>cover_issue_9_en_US.jpg</cover_image>'
    '<cover_image_alt_text/><embed encoding="base64">iVBORw0KGgo=</embed></cover></covers>'
)
ISSUE_NOTE = (
    "note: an OJS issue's own <description>, <covers>: not read (JATS article metadata has no "
    "place for an issue's description, cover or galleys) (3 files)"
)


def _lines(text: str, needle: str) -> list[str]:
    return [line for line in text.splitlines() if needle in line]


def _export(tmp_path: Path, old: str, new: str) -> Path:
    text = EXPORT.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "in" / "issue.xml"
    path.parent.mkdir()
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_issue_description_and_cover_said_once_a_run(run, tmp_path: Path) -> None:
    export = _export(tmp_path, "<sections>", f"{COVER}<sections>")
    result = run("convert", export, "--journal", JOURNAL, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    assert _lines(result.err, "issue's own") == [f"jatsconv: {ISSUE_NOTE}"]
    assert "<covers>" not in result.err.replace(ISSUE_NOTE, "")
    assert "3 converted, 0 invalid output, 0 bad input" in result.err


def test_the_sample_issue_says_its_description_once(run, tmp_path: Path) -> None:
    result = run("convert", EXPORT, "-o", tmp_path, "--strict")
    assert result.code == 0, result.err
    assert "not yet published" not in result.err
    assert _lines(result.err, "issue's own") == [
        "jatsconv: note: an OJS issue's own <description>: not read (JATS article metadata has "
        "no place for an issue's description, cover or galleys) (3 files)"
    ]
