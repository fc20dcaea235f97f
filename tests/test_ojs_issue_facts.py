"""What an OJS issue holds of itself, not of an article: its description, cover image and
galleys have no place in JATS article metadata, its identifiers but its DOI and public id none in
the article model; they are said once a run (out of scope; an identifier once for each issue), not
on each of the issue's articles; ``--strict`` does not refuse for them. Its DOI is carried, with
the issue's page, by each of its articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SAMPLES, xmllint_crossref

EXPORT = SAMPLES / "ojs" / "2019-1" / "issue.xml"
JOURNAL = SAMPLES / "ojs" / "journal.yaml"
COVER = (
    '<covers><cover locale="en_US"><cover_image>cover_issue_9_en_US.jpg</cover_image>'
    '<cover_image_alt_text/><embed encoding="base64">iVBORw0KGgo=</embed></cover></covers>'
)
ISSUE_NOTE = (
    "note: an OJS issue's own <description>, <covers>: not read (JATS article metadata has no "
    "place for an issue's description, cover or galleys) (3 articles of 1 file)"
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
        "no place for an issue's description, cover or galleys) (3 articles of 1 file)"
    ]


def _issues_export(tmp_path: Path, ids: str = '<id type="doi">10.5555/jsr.2019.{n}</id>') -> Path:
    """The sample issue twice in one ``<issues>`` export (OJS's export of several issues), each
    with identifiers of its own (``ids``, ``{n}`` the issue's number), in a folder of its own
    (journal file beside it)."""
    text = EXPORT.read_text(encoding="utf-8")
    body = text[text.index("<issue ") : text.index("</issue>") + len("</issue>")]
    internal = '<id type="internal" advice="ignore">14</id>'
    issues = [
        body.replace(internal, f"{internal}\n  {ids}".replace("{n}", str(n)), 1)
        .replace(internal, internal.replace("14", f"{13 + n}"), 1)
        .replace("<number>1</number>", f"<number>{n}</number>", 1)
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


def _issue_ids(path: Path) -> list[str]:
    """The ``issue-id`` elements of a JATS output, as written."""
    text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if "<issue-id" in line]


def test_an_issue_doi_is_carried_with_each_of_its_articles(run, tmp_path: Path) -> None:
    """An issue's DOI was said with each of its articles, as data dropped (and --strict refused
    every article of an issue with a DOI), then said once for each issue as having no place; it
    is now each article's ``issue_doi``, linked to the issue's page built from the journal's
    url as OJS routes it (``{url}/issue/view/{issue id}``), and nothing is said of it."""
    export = _issues_export(tmp_path)
    result = run("convert", export, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    assert "<id type='doi'>" not in result.err
    assert "6 converted, 0 invalid output, 0 bad input" in result.err
    base = "https://journal.example.org/index.php/jsr/issue/view"
    assert _issue_ids(tmp_path / "out" / "issues-1.xml") == [
        f'<issue-id pub-id-type="doi" xlink:href="{base}/14">10.5555/jsr.2019.1</issue-id>'
    ]
    assert _issue_ids(tmp_path / "out" / "issues-6.xml") == [
        f'<issue-id pub-id-type="doi" xlink:href="{base}/15">10.5555/jsr.2019.2</issue-id>'
    ]


def test_an_issue_url_path_and_public_id(run, tmp_path: Path) -> None:
    """An issue with a URL path is at ``{url}/issue/view/{url_path}``, as OJS shows it; its
    public id (the pub-id plugin's) is its publisher-id."""
    export = _issues_export(
        tmp_path, '<id type="doi">10.5555/jsr.2019.{n}</id><id type="public">jsr-2019-{n}</id>'
    )
    export.write_text(
        export.read_text(encoding="utf-8").replace('url_path=""', 'url_path="2019-n1"', 1),
        encoding="utf-8",
    )
    result = run("convert", export, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    assert "<id type='public'>" not in result.err
    base = "https://journal.example.org/index.php/jsr/issue/view"
    assert _issue_ids(tmp_path / "out" / "issues-1.xml") == [
        '<issue-id pub-id-type="publisher-id">jsr-2019-1</issue-id>',
        f'<issue-id pub-id-type="doi" xlink:href="{base}/2019-n1">10.5555/jsr.2019.1</issue-id>',
    ]


def test_without_the_journal_url_an_issue_doi_has_no_page(run, tmp_path: Path) -> None:
    """The export holds no address: without the journal's url the issue's page is not made up;
    the DOI is carried alone, and Crossref's deposit says it leaves it out."""
    export = _issues_export(tmp_path)
    journal = export.parent / "journal.yaml"
    journal.write_text(re.sub(r"(?m)^url: .*\n", "", journal.read_text(encoding="utf-8")))
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert _issue_ids(tmp_path / "out" / "issues-1.xml") == [
        '<issue-id pub-id-type="doi">10.5555/jsr.2019.1</issue-id>'
    ]


def _id_note(kind: str, value: str) -> str:
    return (
        f"jatsconv: note: an OJS issue's own <id type='{kind}'> '{value}': not carried (the "
        "article model has no place for an issue's identifiers) (3 articles of 1 file)"
    )


def test_another_issue_id_is_said_once_for_each_issue_of_a_run(run, tmp_path: Path) -> None:
    """An issue's identifier of another type (a URN of the pub-id plugin) is the issue's, with
    no place in the model: said once for each issue, and --strict does not refuse for it."""
    export = _issues_export(tmp_path, '<id type="other::urn">urn:nbn:de:jsr-2019-{n}</id>')
    result = run("convert", export, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    assert _lines(result.err, "<id type=") == [
        _id_note("other::urn", "urn:nbn:de:jsr-2019-1"),
        _id_note("other::urn", "urn:nbn:de:jsr-2019-2"),
    ]
    assert "6 converted, 0 invalid output, 0 bad input" in result.err
    batch = run("batch", export.parent, "--from", "ojs", "-o", tmp_path / "batch", "-j", "1")
    assert batch.code == 0, batch.err
    assert _lines(batch.err, "<id type=") == [
        _id_note("other::urn", "urn:nbn:de:jsr-2019-1"),
        _id_note("other::urn", "urn:nbn:de:jsr-2019-2"),
    ]


def test_the_journals_pattern_builds_the_issue_page(run, tmp_path: Path) -> None:
    """A site off OJS's routes gives its pattern (``urls.issue``); a field the issue does not
    have is refused in one line, as in the article's patterns."""
    export = _issues_export(tmp_path)
    journal = export.parent / "journal.yaml"
    text = journal.read_text(encoding="utf-8")
    journal.write_text(text + "urls:\n  issue: '{url}/issues/{issue_id}'\n", encoding="utf-8")
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    base = "https://journal.example.org/index.php/jsr/issues"
    assert _issue_ids(tmp_path / "out" / "issues-1.xml") == [
        f'<issue-id pub-id-type="doi" xlink:href="{base}/14">10.5555/jsr.2019.1</issue-id>'
    ]
    journal.write_text(text + "urls:\n  issue: '{url}/issues/{article}'\n", encoding="utf-8")
    refused = run("convert", export, "-o", tmp_path / "refused")
    assert refused.code == 3
    assert (
        "urls.issue: unknown field {article} in the pattern (known: {issue}, {issue_id}, {url})"
    ) in refused.err
    assert "Traceback" not in refused.err


def test_an_issue_deposit_from_an_export_registers_each_issues_doi(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--to crossref --per-issue: a deposit per issue, its journal_issue registering the issue's
    DOI with its page; valid against Crossref's schema."""
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("JATSCONV_CROSSREF_SCHEMA", raising=False)
    export = _issues_export(tmp_path)
    out = tmp_path / "out"
    result = run("convert", export, "--to", "crossref", "--per-issue", "-o", out)
    assert result.code == 0, result.err
    deposits = sorted(out.iterdir())
    assert [path.name for path in deposits] == [
        "2687-1440-v3-n1.crossref.xml",
        "2687-1440-v3-n2.crossref.xml",
    ]
    base = "https://journal.example.org/index.php/jsr/issue/view"
    for number, deposit in enumerate(deposits, start=1):
        check = xmllint_crossref(deposit)
        assert check.returncode == 0, check.stderr
        text = deposit.read_text(encoding="utf-8")
        issue = text[text.index("<journal_issue>") : text.index("</journal_issue>")]
        assert (
            f"<doi_data>\n          <doi>10.5555/jsr.2019.{number}</doi>\n"
            f"          <resource>{base}/{13 + number}</resource>\n        </doi_data>"
        ) in issue


def test_an_issue_doi_that_is_none_is_said_with_each_article(run, tmp_path: Path) -> None:
    """An issue DOI that is no DOI does not refuse the issue's articles: each converts, says it
    leaves it out (data dropped: the article's JATS would have carried it), and has no
    issue-id."""
    export = _issues_export(tmp_path, '<id type="doi">jsr.2019.{n}</id>')
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (
        f"{export}#1: warning (data dropped): <issue> DOI: not a DOI (expected 10.NNNN/suffix): "
        "'jsr.2019.1': left out"
    ) in result.err.splitlines()
    assert "6 converted, 0 invalid output, 0 bad input" in result.err
    assert _issue_ids(tmp_path / "out" / "issues-1.xml") == []
