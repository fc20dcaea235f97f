"""``jatsconv batch``: an output written by other code of the converter (a git checkout, an
editable install, an upgrade under the same version) is out of date, said once per run."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from test_batch import make_folder

from converter.batch import MANIFEST_NAME, fingerprint


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A copy of a few of the converter's files standing for the package: the fingerprint is
    taken of it (each run's, as a new process would)."""
    root = tmp_path / "converter"
    shutil.copytree(
        Path(fingerprint.PACKAGE) / "templates",
        root / "templates",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy2(Path(fingerprint.PACKAGE) / "model.py", root / "model.py")
    (root / "__pycache__").mkdir()
    monkeypatch.setattr(fingerprint, "PACKAGE", str(root))
    fingerprint.code_fingerprint.cache_clear()
    yield root
    fingerprint.code_fingerprint.cache_clear()


def _batch(run, source: Path, out: Path, report: Path):
    fingerprint.code_fingerprint.cache_clear()  # (a new process each run)
    result = run("batch", source, "-o", out, "-j", "1", "--report", report)
    return result, json.loads(report.read_text(encoding="utf-8"))["summary"]


LINE = "converted again: the converter changed"


def test_a_rerun_with_no_change_skips_everything(run, tmp_path: Path, package: Path) -> None:
    source = make_folder(tmp_path / "in", 3)
    out, report = tmp_path / "out", tmp_path / "r.json"
    first, summary = _batch(run, source, out, report)
    assert first.code == 0 and summary["converted"] == 3
    (package / "__pycache__" / "model.cpython-312.pyc").write_bytes(b"compiled")  # not code
    again, summary = _batch(run, source, out, report)
    assert again.code == 0, again.err
    assert (summary["skipped"], summary["converted"], summary["converter_changed"]) == (3, 0, 0)
    assert LINE not in again.err


def test_a_touched_converter_file_converts_again(run, tmp_path: Path, package: Path) -> None:
    source = make_folder(tmp_path / "in", 3)
    out, report = tmp_path / "out", tmp_path / "r.json"
    assert _batch(run, source, out, report)[1]["converted"] == 3
    model = package / "model.py"
    info = model.stat()
    os.utime(model, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    again, summary = _batch(run, source, out, report)
    assert again.code == 0, again.err
    assert (summary["converted"], summary["skipped"], summary["converter_changed"]) == (3, 0, 3)
    # once for the run, not per article
    lines = [line for line in again.err.splitlines() if LINE in line]
    assert lines == [f"jatsconv: {out}: 3 articles {LINE} since an earlier run wrote their outputs"]
    # and the run after is up to date again
    third, summary = _batch(run, source, out, report)
    assert (summary["skipped"], summary["converter_changed"]) == (3, 0)
    assert LINE not in third.err


def test_an_old_manifest_converts_everything_again(run, tmp_path: Path, package: Path) -> None:
    """A manifest of a version that kept no fingerprint (its stamps digests alone): read with
    no error, every output converted again, said once."""
    source = make_folder(tmp_path / "in", 3)
    out, report = tmp_path / "out", tmp_path / "r.json"
    assert _batch(run, source, out, report)[1]["converted"] == 3
    db = sqlite3.connect(out / MANIFEST_NAME)
    with db:
        db.execute("UPDATE entries SET stamp = substr(stamp, instr(stamp, '/') + 1)")
    db.close()
    again, summary = _batch(run, source, out, report)
    assert again.code == 0, again.err
    assert (summary["converted"], summary["skipped"], summary["converter_changed"]) == (3, 0, 3)
    assert sum(LINE in line for line in again.err.splitlines()) == 1
    assert "Traceback" not in again.err


def test_force_is_its_own_reason(run, tmp_path: Path, package: Path) -> None:
    source = make_folder(tmp_path / "in", 2)
    out, report = tmp_path / "out", tmp_path / "r.json"
    assert _batch(run, source, out, report)[1]["converted"] == 2
    (package / "templates" / "new.j2").write_text("x")
    fingerprint.code_fingerprint.cache_clear()
    again = run("batch", source, "-o", out, "-j", "1", "--force", "--report", report)
    assert again.code == 0 and LINE not in again.err
