"""``--write-invalid`` writes an invalid output to look at — never an empty file.

A Crossref or DOAJ output refused before it was built (no landing-page URL, no ISSN) has no
document: until 4 December 2026 ``--write-invalid`` wrote it as a 0-byte file and said "output
rejected (written to …)", a file to open that held nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import BILINGUAL, EXTERNAL


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("JATSCONV_CROSSREF_SCHEMA", str(EXTERNAL / "crossref-5.3.1"))


def _without_url(tmp_path: Path) -> Path:
    folder = tmp_path / "issue"
    folder.mkdir()
    shutil.copy(BILINGUAL.parent.parent / "journal.yaml", tmp_path / "journal.yaml")
    lines = BILINGUAL.read_text("utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith("url:")]
    assert len(kept) == len(lines) - 1
    article = folder / "a.yaml"
    article.write_text("".join(kept), encoding="utf-8")
    return article


@pytest.mark.parametrize("command", ["convert", "batch"])
def test_an_output_refused_before_it_was_built_is_not_written_empty(
    tmp_path: Path, run, command: str
) -> None:
    article = _without_url(tmp_path)
    out = tmp_path / "out"
    result = run(command, article, "--to", "crossref", "--write-invalid", "-o", out)
    assert result.code == 1, result.err
    assert "landing page URL" in result.err
    assert not list(out.glob("*.xml")), [p.stat().st_size for p in out.glob("*.xml")]
    assert "written to" not in result.err
    # (a DTD-invalid document is still written to be looked at: tests/test_cli.py)
