"""Output folders that cannot be written: read-only, missing, full. One line, exit 73, output
written earlier kept, and for a full disk the articles done so far listed in the report.

The conditions are real where the machine allows: a small tmpfs (full) or one remounted
read-only, mounted by root. Elsewhere the same OS errors are raised at the point where the
converter creates its temporary files (one worker, in-process), which is where the system would
raise them.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from test_batch import make_folder

from conftest import SEED
from converter import atomic
from converter.atomic import TEMP_SUFFIX
from converter.errors import EXIT_CODES, EXIT_OUTPUT

SEED_JOURNAL = SEED.parent.parent / "journal.yaml"


def _mount(path: Path, options: str) -> bool:
    if os.geteuid() != 0 or os.environ.get("JATSCONV_TEST_NO_MOUNT"):  # the latter: simulate
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "jatsconv-test", str(path)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


@contextlib.contextmanager
def _folder(path: Path, condition: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[bool]:
    """``path`` made ``condition`` ("full" after about 300 KB, or "read-only" holding one file
    ``earlier.xml``). Yields whether the condition is real (else simulated in-process)."""
    path.mkdir()
    real = _mount(path, "size=300k" if condition == "full" else "size=1m")
    try:
        if condition == "read-only":
            (path / "earlier.xml").write_text("<earlier/>")
            if real:
                real = _mount(path, "remount,ro")
        if not real:
            code = errno.ENOSPC if condition == "full" else errno.EROFS
            limit = 20 if condition == "full" else 0
            calls = {"n": 0}
            original = atomic.create_temp

            def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
                folder = Path(args[0]).parent  # create_temp(target, owner)
                if folder.resolve().is_relative_to(path.resolve()):
                    calls["n"] += 1
                    if calls["n"] > limit:
                        raise OSError(code, os.strerror(code))
                return original(*args, **kwargs)

            monkeypatch.setattr(atomic, "create_temp", failing)
        yield real
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


def _one_line(result) -> str:  # type: ignore[no-untyped-def]
    assert result.code == EXIT_OUTPUT, result.err
    assert EXIT_OUTPUT in EXIT_CODES
    assert "Traceback" not in result.err and "internal error" not in result.err
    lines = [line for line in result.err.strip().splitlines() if line.strip()]
    assert len(lines) == 1, result.err
    return lines[0]


def _temps(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith((TEMP_SUFFIX, ".tmp"))]


# ------------------------------------------------------------------ read-only and missing


@pytest.mark.parametrize("command", ["convert", "batch"])
def test_read_only_output_folder(run, tmp_path: Path, command: str, monkeypatch, store) -> None:
    out = tmp_path / "ro"
    with _folder(out, "read-only", monkeypatch) as real:
        jobs = ["-q", "-j", "2" if real else "1"] if command == "batch" else []
        line = _one_line(run(command, SEED, "-o", out, *jobs))
        assert "read-only" in line.lower() or "permission denied" in line.lower(), line
        assert str(out) in line
        assert (out / "earlier.xml").read_text() == "<earlier/>"
        assert sorted(p.name for p in out.iterdir()) == ["earlier.xml"]


@pytest.mark.parametrize("per_issue", [False, True], ids=["batch", "per-issue"])
def test_a_batch_into_a_read_only_folder_still_writes_its_report(
    run, tmp_path: Path, monkeypatch, store, per_issue: bool
) -> None:
    """``batch -o READ-ONLY --report r.json`` (exit 73) wrote no report, so CI had nothing to
    parse. Now the report is written where it can be (elsewhere than -o): counts zeros,
    ``error`` the line. A report inside the read-only folder cannot be: the line says so."""
    out, report = tmp_path / "ro", tmp_path / "r.json"
    mode = ["--to", "crossref", "--per-issue"] if per_issue else ["-j", "1"]
    with _folder(out, "read-only", monkeypatch):
        line = _one_line(run("batch", SEED, "-o", out, "-q", *mode, "--report", report))
        data = json.loads(report.read_text(encoding="utf-8"))
        assert f"jatsconv: {data['error']}" == line
        assert str(out) in data["error"]
        assert (data["summary"]["total"], data["articles"]) == (0, [])
        inside = out / "r.json"
        line = _one_line(run("batch", SEED, "-o", out, "-q", *mode, "--report", inside))
        assert line.startswith(f"jatsconv: {out}: cannot ") and str(out) in line
        assert f"; no report either: {inside}: cannot " in line, line
        assert sorted(p.name for p in out.iterdir()) == ["earlier.xml"]


def test_a_batch_into_a_read_only_folder_still_writes_its_junit_file(
    run, tmp_path: Path, monkeypatch, store
) -> None:
    """``batch -o READ-ONLY --junit j.xml`` (exit 73) wrote its --report but no JUnit file, so
    CI's test-report step found none. Now it holds one test case in error, the line its text;
    one that cannot be written either is said in the same line."""
    out, junit = tmp_path / "ro", tmp_path / "j.xml"
    with _folder(out, "read-only", monkeypatch):
        line = _one_line(run("batch", SEED, "-o", out, "-q", "-j", "1", "--junit", junit))
        suite = etree.parse(str(junit)).getroot()[0]
        assert (suite.get("tests"), suite.get("errors"), suite.get("failures")) == ("1", "1", "0")
        (error,) = suite.iter("error")
        assert f"jatsconv: {error.text}" == line and str(out) in line
        inside = out / "j.xml"
        line = _one_line(run("batch", SEED, "-o", out, "-q", "-j", "1", "--junit", inside))
        assert f"; no JUnit file either: {inside}: cannot " in line, line
        assert sorted(p.name for p in out.iterdir()) == ["earlier.xml"]


@pytest.mark.parametrize("command", ["convert", "batch"])
def test_output_folder_that_cannot_be_made(run, tmp_path: Path, command: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = blocker / "out"
    line = _one_line(run(command, SEED, "-o", out, *(["-q"] if command == "batch" else [])))
    assert "cannot create" in line and str(out) in line, line


@pytest.mark.parametrize("command", ["convert", "batch"])
@pytest.mark.parametrize("article", ["good", "bad"])
def test_an_output_folder_that_is_a_file(run, tmp_path: Path, command: str, article: str) -> None:
    """-o naming a file: the same line and exit code from both commands, whatever the articles
    (batch said it as a usage error, exit 2; convert of rejected articles only, an internal
    error)."""
    source = SEED
    if article == "bad":
        source = tmp_path / "bad.yaml"
        source.write_text("title: {en: T}\nauthors: 3\n", encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    journal = ("--journal", SEED_JOURNAL)
    line = _one_line(run(command, source, "-o", blocker, *journal, "-q"))
    assert line == f"jatsconv: {blocker}: cannot create the output folder: file exists"
    assert blocker.read_text() == "not a folder"
    line = _one_line(run(command, source, "-o", blocker / "out", *journal, "-q"))
    assert line == f"jatsconv: {blocker / 'out'}: cannot create the output folder: not a directory"


# ------------------------------------------------------------------ full disk


def test_full_disk_in_a_batch(run, tmp_path: Path, monkeypatch, store) -> None:
    source = make_folder(tmp_path / "in", 200)
    out = tmp_path / "full"
    report = tmp_path / "report.json"
    with _folder(out, "full", monkeypatch):
        result = run("batch", source, "-o", out, "-q", "-j", "1", "--report", report)
        line = _one_line(result)
        assert "disk full" in line.lower() or "no space left" in line.lower(), line
        assert str(report) in line
        data = json.loads(report.read_text(encoding="utf-8"))
        done = [a for a in data["articles"] if a["status"] == "converted"]
        assert 0 < len(done) < 200
        assert data["stopped"]
        # The sources not reached are counted on the line and listed: the rerun converts them.
        left = 200 - len(data["articles"])
        assert data["summary"]["not_reached"] == len(data["not_reached"]) == left > 0
        assert f"; {left:,} sources not reached, listed in {report}: the same command" in line
        for article in done:  # every output listed as done is there, complete and valid
            etree.parse(str(out / article["output"]))
        assert _temps(out) == []


def test_full_disk_in_convert(run, tmp_path: Path, monkeypatch, store) -> None:
    source = make_folder(tmp_path / "in", 60)
    files = sorted(source.rglob("*.yaml"))
    files = [f for f in files if f.name != "journal.yaml"]
    out = tmp_path / "full"
    with _folder(out, "full", monkeypatch):
        line = _one_line(run("convert", *files, "-o", out, "-q"))
        assert "disk full" in line.lower() or "no space left" in line.lower(), line
        written = [p for p in out.iterdir() if p.suffix == ".xml"]
        assert 0 < len(written) < len(files)
        for path in written:
            etree.parse(str(path))
        assert _temps(out) == []


def test_the_summary_table_counts_the_article_not_written(run, tmp_path: Path, monkeypatch, store):
    """The table at the end of a run that hit a full disk counted the articles converted but
    not the one that was not written: its rows did not add up to the articles met."""
    source = make_folder(tmp_path / "in", 60)
    out = tmp_path / "full"
    with _folder(out, "full", monkeypatch):
        result = run("batch", source, "-o", out, "-j", "1")
    assert result.code == EXIT_OUTPUT
    rows = {
        cells[0]: cells[1]
        for line in result.err.splitlines()
        if len(cells := [c.strip() for c in line.strip("│┃ ").split("│") if c.strip()]) == 2
    }
    assert rows["not written (output failed)"] == "1", result.err


def test_a_full_disk_when_a_killed_runs_outputs_are_recorded(run, tmp_path: Path, store):
    """The next run records the outputs a killed run noted (``.jatsconv-manifest.pending``);
    on a disk too full for that commit it ended in an internal error (exit 70). One line, 73."""
    from converter.batch.manifest import MANIFEST_NAME, PENDING_NAME, Manifest

    out = tmp_path / "full"
    out.mkdir()
    if not _mount(out, "size=400k"):
        pytest.skip("needs root to mount a small tmpfs")
    try:
        Manifest(out).close()
        notes = [json.dumps([f"/in/{i:04d}-{'x' * 100}.yaml", f"r-{i}.xml"]) for i in range(300)]
        (out / PENDING_NAME).write_text("\n".join(notes) + "\n")
        filler = out / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as stream:
            while True:
                stream.write(b"x" * 4096)
                stream.flush()
        # room for SQLite's journal, not for the manifest's new pages
        os.truncate(filler, filler.stat().st_size - 12288)
        line = _one_line(run("batch", SEED, "-o", out, "-q", "-j", "1"))
        assert line == f"jatsconv: {out / MANIFEST_NAME}: cannot write: disk full", line
    finally:
        subprocess.run(["umount", "-l", str(out)], capture_output=True, check=False)
