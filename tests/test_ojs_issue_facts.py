"""What an OJS issue holds of itself, not of an article: its description, cover image and
galleys have no place in JATS article metadata, its DOI none in the article model; they are said
once a run (out of scope; the DOI once for each issue), not on each of the issue's articles;
``--strict`` does not refuse for them."""

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


def _issues_export(tmp_path: Path) -> Path:
    """The sample issue twice in one ``<issues>`` export (OJS's export of several issues), each
    with a DOI of its own, in a folder of its own (journal file beside it)."""
    text = EXPORT.read_text(encoding="utf-8")
    body = text[text.index("<issue ") : text.index("</issue>") + len("</issue>")]
    internal = '<id type="internal" advice="ignore">14</id>'
    issues = [
        body.replace(
            internal, f'{internal}\n  <id type="doi">10.5555/jsr.2019.{n}</id>', 1
        ).replace("<number>1</number>", f"<number>{n}</number>", 1)
        for n in (1, 2)
    ]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "journal.yaml").write_bytes(JOURNAL.read_bytes())
    path = folder / "issues.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<issues xmlns="http://pkp.sfu.ca">\n'
        + "\n".join(issues)
        + "\n</issues>\n",
        encoding="utf-8",
    )
    return path


def _doi_note(doi: str) -> str:
    return (
        f"jatsconv: note: an OJS issue's own <id type='doi'> '{doi}': not carried (the article "
        "model has no place for an issue's identifiers) (3 files)"
    )


def test_an_issue_doi_is_said_once_for_each_issue_of_a_run(run, tmp_path: Path) -> None:
    """An issue's DOI was said with each of its articles, as data dropped (and --strict refused
    every article of an issue with a DOI); it is the issue's, said once for each issue."""
    export = _issues_export(tmp_path)
    result = run("convert", export, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    assert _lines(result.err, "<id type='doi'>") == [
        _doi_note("10.5555/jsr.2019.1"),
        _doi_note("10.5555/jsr.2019.2"),
    ]
    assert "6 converted, 0 invalid output, 0 bad input" in result.err
    batch = run("batch", export.parent, "--from", "ojs", "-o", tmp_path / "batch", "-j", "1")
    assert batch.code == 0, batch.err
    assert _lines(batch.err, "<id type='doi'>") == [
        _doi_note("10.5555/jsr.2019.1"),
        _doi_note("10.5555/jsr.2019.2"),
    ]
