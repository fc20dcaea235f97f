"""OJS articles not yet published.

An article queued or scheduled for an issue (publication ``status`` 1 or 5), or in an issue with
``published="0"``, converts to JATS with a warning naming its status and the mark
``publication-status`` in custom-meta; Crossref and DOAJ deposits (convert, batch, the web app's
download) refuse it unless ``--include-unpublished``; ``check --profile crossref/doaj`` warns;
``--strict`` refuses it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import EXTERNAL, SAMPLES, xmllint, xmllint_crossref

EXPORT = SAMPLES / "ojs" / "2019-1" / "issue.xml"
JOURNAL = SAMPLES / "ojs" / "journal.yaml"
FIRST_PUBLICATION = 'version="1" status="3" primary_contact_id="301"'


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("JATSCONV_CROSSREF_SCHEMA", str(EXTERNAL / "crossref-5.3.1"))
    monkeypatch.setenv("JATSCONV_DOAJ_SCHEMA", str(EXTERNAL / "doaj"))


def _export(tmp_path: Path, *swaps: tuple[str, str]) -> Path:
    text = EXPORT.read_text(encoding="utf-8")
    for old, new in swaps:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "in" / "issue.xml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return path


def _scheduled_first(tmp_path: Path) -> Path:
    return _export(tmp_path, (FIRST_PUBLICATION, FIRST_PUBLICATION.replace('"3"', '"5"')))


def _lines(text: str, needle: str) -> list[str]:
    return [line for line in text.splitlines() if needle in line]


def test_scheduled_article_converts_with_its_status_said_and_marked(
    run, tmp_path: Path, store
) -> None:
    export = _scheduled_first(tmp_path)
    result = run("convert", export, "--journal", JOURNAL, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert _lines(result.err, "not yet published") == [
        f'{export}#1: warning (data dropped): not yet published: status="5" (scheduled): '
        "converted with the dates it plans (electronic 2019-03-29, collection 2019), marked "
        "publication-status 'scheduled' (custom-meta); --to crossref and --to doaj refuse it "
        "unless --include-unpublished"
    ]
    first = tmp_path / "out" / "issue-1.xml"
    assert xmllint(first, store.catalog).returncode == 0
    tree = etree.parse(str(first))
    assert tree.xpath("//custom-meta[meta-name='publication-status']/meta-value/text()") == [
        "scheduled"
    ]
    assert not etree.parse(str(tmp_path / "out" / "issue-2.xml")).xpath("//custom-meta")


def test_articles_of_an_unpublished_issue_are_scheduled(run, tmp_path: Path) -> None:
    export = _export(tmp_path, ('published="1" current="0"', 'published="0" current="0"'))
    result = run("convert", export, "--journal", JOURNAL, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    said = _lines(result.err, "not yet published")
    assert len(said) == 3
    assert all('its issue is not published (published="0")' in line for line in said)


def test_crossref_and_doaj_refuse_an_unpublished_article(run, tmp_path: Path) -> None:
    export = _scheduled_first(tmp_path)
    for target, service, suffix in (("crossref", "Crossref", "crossref"), ("doaj", "DOAJ", "doaj")):
        out = tmp_path / target
        result = run("convert", export, "--journal", JOURNAL, "-o", out, "--to", target)
        assert result.code == 3, result.err
        assert f"{export}#1: not yet published (publication-status 'scheduled'): a {service} " in (
            result.err
        )
        assert "--include-unpublished to deposit it ahead of publication day" in result.err
        assert "2 converted, 0 invalid output, 1 bad input" in result.err
        assert sorted(p.name for p in out.iterdir()) == [
            f"issue-2.{suffix}.xml",
            f"issue-3.{suffix}.xml",
        ]


def test_include_unpublished_deposits_it_ahead_of_publication_day(run, tmp_path: Path) -> None:
    export = _scheduled_first(tmp_path)
    out = tmp_path / "out"
    result = run(
        "convert", export, "--journal", JOURNAL, "-o", out, "--to", "crossref",
        "--include-unpublished",
    )  # fmt: skip
    assert result.code == 0, result.err
    deposit = out / "issue-1.crossref.xml"
    check = xmllint_crossref(deposit)
    assert check.returncode == 0, check.stderr
    ns = {"c": "http://www.crossref.org/schema/5.3.1"}
    tree = etree.parse(str(deposit))
    assert tree.findtext(".//c:journal_article/c:publication_date/c:year", namespaces=ns) == "2019"


def test_strict_refuses_an_unpublished_article(run, tmp_path: Path) -> None:
    export = _scheduled_first(tmp_path)
    result = run("convert", export, "--journal", JOURNAL, "-o", tmp_path / "out", "--strict")
    assert result.code == 3
    assert f"{export}#1: data dropped (--strict makes this an error): not yet published" in (
        result.err
    )
    assert "2 converted, 0 invalid output, 1 bad input" in result.err


def test_the_mark_travels_with_the_jats(run, tmp_path: Path) -> None:
    export = _scheduled_first(tmp_path)
    assert run("convert", export, "--journal", JOURNAL, "-o", tmp_path / "jats").code == 0
    jats = tmp_path / "jats" / "issue-1.xml"
    result = run("check", "--profile", "crossref", "--profile", "doaj", jats)
    assert result.code == 0, result.out + result.err  # a warning: editors check ahead of time
    assert "warning: [deposit-unpublished] not yet published (publication-status 'scheduled')" in (
        result.out + result.err
    )
    result = run("convert", jats, "-o", tmp_path / "again", "--to", "crossref")
    assert result.code == 3
    assert "not yet published (publication-status 'scheduled')" in result.err


def test_batch_refuses_it_too_and_takes_the_flag(run, tmp_path: Path) -> None:
    export = _scheduled_first(tmp_path)
    out = tmp_path / "out"
    args = ("batch", export, "-o", out, "-j", "1", "--journal", JOURNAL, "--to", "crossref")
    result = run(*args)
    assert result.code == 3, result.err
    assert "not yet published (publication-status 'scheduled')" in result.err
    assert sorted(p.name for p in out.glob("*.crossref.xml")) == [
        "jsr-3-1-26.crossref.xml",
        "jsr-3-1-42.crossref.xml",
    ]
    result = run(*args, "--include-unpublished")  # another option: the run converts it now
    assert result.code == 0, result.err
    assert (out / "jsr-3-1-7.crossref.xml").is_file()
