"""``jatsconv batch``: many articles, one bad; names and collisions; reports; resuming; Ctrl-C."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from lxml import etree

from conftest import BILINGUAL, ROOT, SAMPLES, SEED, xmllint
from converter import batch as batch_module
from converter.atomic import is_temp
from converter.batch import MANIFEST_NAME, BatchSettings, run_batch, sources, worker
from converter.batch.books import Books
from converter.errors import ConverterError
from converter.naming import DEFAULT_PATTERN, NamePattern, PatternError
from converter.options import Options
from converter.readers.native import load_article

SEED_JOURNAL = SEED.parent.parent / "journal.yaml"
BAD_ORCID = "0000-0002-1825-0098"  # the check digit of 0000-0002-1825-0097, off by one


def make_folder(folder: Path, count: int, *, broken: int | None = None, sub: int = 500) -> Path:
    """``count`` seed-size articles (pages varied) in sub-folders; ``broken`` has a bad ORCID."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    text = SEED.read_text(encoding="utf-8")
    for i in range(count):
        body = text.replace("fpage: 110", f"fpage: {110 + 10 * i}").replace(
            "lpage: 119", f"lpage: {119 + 10 * i}"
        )
        if i == broken:
            body = body.replace(
                "  - name: {surname: Streltsov, given: D. V.}\n",
                f"  - name: {{surname: Streltsov, given: D. V.}}\n    orcid: {BAD_ORCID}\n",
            )
        part = folder / f"part{i // sub}"
        part.mkdir(exist_ok=True)
        (part / f"a{i:05d}.yaml").write_text(body, encoding="utf-8")
    return folder


def outputs(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.xml"))


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if is_temp(p.name) or p.name.endswith(".tmp")]


# ---------------------------------------------------------------------- the done-when case


def test_two_thousand_articles_one_broken(run, tmp_path: Path, store) -> None:
    source = make_folder(tmp_path / "in", 2001, broken=1234)
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    junit = tmp_path / "junit.xml"
    result = run("batch", source, "-o", out, "-j", "2", "--report", report, "--junit", junit)
    assert result.code == 3, result.err  # bad input wins
    written = outputs(out)
    assert len(written) == 2000
    assert leftovers(out) == []
    broken = source / "part2" / "a01234.yaml"
    lines = [line for line in result.err.splitlines() if "a01234" in line]
    # One line naming the file and the field.
    assert len(lines) == 1 and lines[0].startswith(f"{broken}: authors[0].orcid: "), lines
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"]["converted"] == 2000
    assert data["summary"]["bad-input"] == 1
    assert len(data["articles"]) == 2001
    statuses = {a["source"]: a["status"] for a in data["articles"]}
    assert statuses[str(broken)] == "bad-input"
    assert sum(s == "converted" for s in statuses.values()) == 2000
    # Names follow the default pattern: journal-volume-firstpage.
    assert (out / "rjr-1-1-110.xml").is_file()
    assert (out / f"rjr-1-1-{110 + 10 * 2000}.xml").is_file()
    # JUnit: one case per article, the bad one an error.
    suite = etree.parse(str(junit)).getroot()[0]
    assert suite.get("tests") == "2001" and suite.get("errors") == "1"
    assert len(suite.findall("testcase/error")) == 1
    # The independent check on a few outputs.
    for path in (written[0], written[999], written[-1]):
        checked = xmllint(path, store.catalog)
        assert checked.returncode == 0, checked.stderr
    # A rerun converts nothing: everything is up to date but the broken one.
    again = run("batch", source, "-o", out, "-j", "2", "--report", report)
    assert again.code == 3
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    assert summary["skipped"] == 2000 and summary["converted"] == 0
    assert summary["bad-input"] == 1


# ---------------------------------------------------------------------- up to date


def _summary(report: Path) -> dict[str, int]:
    return json.loads(report.read_text(encoding="utf-8"))["summary"]


def test_rerun_converts_only_what_changed(run, tmp_path: Path, store) -> None:
    source = make_folder(tmp_path / "in", 6)
    out, report = tmp_path / "out", tmp_path / "r.json"
    assert run("batch", source, "-o", out, "-j", "1", "--report", report).code == 0
    assert _summary(report)["converted"] == 6
    assert (out / MANIFEST_NAME).is_file()
    # Change one article, delete one output.
    changed = source / "part0" / "a00002.yaml"
    changed.write_text(changed.read_text().replace("issue: 1", "issue: 2"))
    (out / "rjr-1-1-150.xml").unlink()
    rerun = run("batch", source, "-o", out, "-j", "1", "--report", report)
    assert rerun.code == 0
    summary = _summary(report)
    assert (summary["converted"], summary["skipped"]) == (2, 4)
    assert "a00002.yaml: written to rjr-1-2-130.xml; earlier output removed: rjr-1-1-130.xml" in (
        rerun.err + rerun.out
    )
    # its issue is in its name: the output moves, and the one of issue 1 is gone
    assert b"<issue>2</issue>" in (out / "rjr-1-2-130.xml").read_bytes()
    assert not (out / "rjr-1-1-130.xml").exists()
    # A change to the journal file makes every article out of date.
    journal = source / "journal.yaml"
    journal.write_text(journal.read_text().replace("Association", "The Association"))
    assert run("batch", source, "-o", out, "-j", "1", "--report", report).code == 0
    assert _summary(report)["converted"] == 6
    # Other options, other stamps.
    assert run("batch", source, "-o", out, "--jats-version", "1.3", "--report", report).code == 0
    assert _summary(report)["converted"] == 6
    # --force converts everything again.
    assert run("batch", source, "-o", out, "--jats-version", "1.3", "--report", report).code == 0
    assert _summary(report)["skipped"] == 6
    assert (
        run("batch", source, "-o", out, "--jats-version", "1.3", "--force", "--report", report).code
        == 0
    )
    assert _summary(report)["converted"] == 6


def test_manifest_rows_are_committed_during_the_run(tmp_path: Path, store) -> None:
    """Rows are committed while the run goes on: a run that dies without closing (here: a second
    connection reads the file mid-run) already sees earlier articles as up to date."""
    source = make_folder(tmp_path / "in", 12)
    out = tmp_path / "out"
    settings = BatchSettings(out_dir=out, options=Options(grammars=store), jobs=1, chunk_size=2)
    seen: list[int] = []

    class Watch(batch_module.Progress):
        def advance(self, count: int) -> None:
            with contextlib.closing(sqlite3.connect(out / MANIFEST_NAME, timeout=0)) as db:
                seen.append(db.execute("SELECT count(*) FROM entries").fetchone()[0])

    original = batch_module.Manifest.COMMIT_EVERY
    batch_module.Manifest.COMMIT_EVERY = 0.0  # commit after every row
    try:
        assert run_batch([str(source)], settings, Watch()).counts["converted"] == 12
    finally:
        batch_module.Manifest.COMMIT_EVERY = original
    assert seen == list(range(1, 13))  # readable from outside while the run holds it
    again = run_batch([str(source)], BatchSettings(out_dir=out, options=Options(grammars=store)))
    assert again.counts["skipped"] == 12


def test_damaged_manifest_means_everything_is_converted_again(run, tmp_path: Path, store) -> None:
    source = make_folder(tmp_path / "in", 3)
    out, report = tmp_path / "out", tmp_path / "r.json"
    assert run("batch", source, "-o", out, "-j", "1").code == 0
    (out / MANIFEST_NAME).write_bytes(b"not a database" * 100)
    # The outputs are byte for byte what this run writes, so they are not foreign files.
    assert run("batch", source, "-o", out, "-j", "1", "--report", report).code == 0
    assert _summary(report)["converted"] == 3
    assert run("batch", source, "-o", out, "-j", "1", "--report", report).code == 0
    assert _summary(report)["skipped"] == 3


def test_a_second_batch_into_the_same_folder_is_refused(run, tmp_path: Path, store) -> None:
    source = make_folder(tmp_path / "in", 1)
    out = tmp_path / "out"
    out.mkdir()
    holder = batch_module.Manifest(out)
    original = batch_module.Manifest.LOCK_WAIT
    batch_module.Manifest.LOCK_WAIT = 0.1
    try:
        result = run("batch", source, "-o", out, "-j", "1")
    finally:
        batch_module.Manifest.LOCK_WAIT = original
        holder.close()
    # One line naming the folder and what to do, not SQLite's "database is locked"; no report.
    assert result.code == 2
    assert result.err.splitlines() == [
        f"jatsconv: {out}: another batch is writing into this output folder (its manifest "
        f"{MANIFEST_NAME} is locked): wait until it ends, or give another -o folder"
    ]
    assert outputs(out) == []
    assert run("batch", source, "-o", out, "-j", "1").code == 0


def test_a_refused_batch_still_writes_its_report(run, tmp_path: Path, store) -> None:
    """A batch refused before it starts (another batch writing into the folder, exit 2) wrote
    no ``--report``: CI had nothing to parse. Now the report is written, elsewhere than -o, its
    counts zeros and ``error`` the line; ``-o`` the same, and ``--per-issue`` too."""
    source = make_folder(tmp_path / "in", 1)
    out, report = tmp_path / "out", tmp_path / "r.json"
    out.mkdir()
    junit = tmp_path / "j.xml"
    holder = batch_module.Manifest(out)
    original = batch_module.Manifest.LOCK_WAIT
    batch_module.Manifest.LOCK_WAIT = 0.1
    try:
        result = run("batch", source, "-o", out, "-j", "1", "--report", report, "--junit", junit)
    finally:
        batch_module.Manifest.LOCK_WAIT = original
        holder.close()
    assert result.code == 2
    line = f"{out}: another batch is writing into this output folder"
    assert result.err.startswith(f"jatsconv: {line}") and len(result.err.splitlines()) == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["error"].startswith(line)
    assert (data["summary"]["total"], data["summary"]["converted"], data["articles"]) == (0, 0, [])
    assert outputs(out) == []
    # and its --junit, one test case in error, the line its text (CI's step had no file)
    (case,) = etree.parse(str(junit)).iter("testcase")
    assert case.find("error").text == data["error"]
    # the same report's shape when the run ends as asked: error null
    assert run("batch", source, "-o", out, "-j", "1", "--report", report).code == 0
    assert json.loads(report.read_text(encoding="utf-8"))["error"] is None


@pytest.mark.parametrize("bad", ["missing", "not a journal"])
def test_a_bad_journal_still_writes_the_reports(run, tmp_path: Path, store, bad: str) -> None:
    """``--journal`` that cannot be read (no such file: a usage error, exit 2) or read as a
    journal (given as a pipe, read once by the run: bad input, exit 3) stops the run before it
    starts: it wrote neither --report nor --junit, so CI had nothing to parse. Both are
    written, ``error`` and the JUnit case's text the line printed; --per-issue's report too."""
    out, report, junit = tmp_path / "out", tmp_path / "r.json", tmp_path / "j.xml"
    journal = tmp_path / "nothere.yaml"
    if bad == "not a journal":
        journal = tmp_path / "journal.fifo"
        os.mkfifo(journal)
        writer = threading.Thread(target=journal.write_text, args=("title: [\n",), daemon=True)
        writer.start()
    args = ["batch", SEED, "-o", out, "-j", "1", "-q", "--journal", journal]
    result = run(*args, "--report", report, "--junit", junit)
    if bad == "not a journal":
        writer.join(timeout=10)
        assert result.code == 3
        line = result.err.strip().removeprefix("jatsconv: ")
        assert line.startswith(f"{journal}: line 2: malformed YAML")
    else:
        assert result.code == 2
        line = f"Invalid value for '--journal': {journal}: cannot read: no such file"
        assert result.err.strip().endswith(f"Error: {line}")
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["error"] == line
    # every source given is not reached, as --per-issue says it (it was [])
    assert (data["not_reached"], data["summary"]["not_reached"]) == ([str(SEED)], 1)
    (case,) = etree.parse(str(junit)).iter("testcase")
    assert case.find("error").text == line
    # --per-issue's report lists every source given as not reached (no issue file written),
    # as a batch stopped before any article does: it had "error" set, "not_reached" empty
    if bad == "not a journal":
        writer = threading.Thread(target=journal.write_text, args=("title: [\n",), daemon=True)
        writer.start()
    result = run(*args, "--to", "crossref", "--per-issue", "--report", report)
    if bad == "not a journal":
        writer.join(timeout=10)
    assert result.code == (3 if bad == "not a journal" else 2)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert (data["per_issue"], data["error"], data["articles"]) == (True, line, [])
    assert (data["not_reached"], data["summary"]["not_reached"]) == ([str(SEED)], 1)


def test_a_batch_whose_output_cannot_be_made_lists_every_source_not_reached(
    run, tmp_path: Path, store
) -> None:
    """-o naming a file (exit 73): the report of a plain batch said "error" and
    "not_reached": [], as if no source had been left; --per-issue's listed them."""
    out, report = tmp_path / "out", tmp_path / "r.json"
    out.write_text("a file\n", encoding="utf-8")
    result = run("batch", SEED, BILINGUAL, "-o", out, "-j", "1", "-q", "--report", report)
    assert result.code == 73, result.err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["error"] and data["articles"] == []
    assert data["not_reached"] == [str(SEED), str(BILINGUAL)]
    assert data["summary"]["not_reached"] == 2


def test_the_api_s_batch_that_cannot_start_lists_path_sources_in_its_report(
    tmp_path: Path, store
) -> None:
    """run_batch given its sources as Path objects, as a Python caller may: the report of a run
    that cannot start names them as text (json.dumps met a Path and raised TypeError)."""
    out, report = tmp_path / "out", tmp_path / "r.json"
    out.write_text("a file\n", encoding="utf-8")
    settings = BatchSettings(out_dir=out, options=Options(grammars=store), jobs=1)
    with pytest.raises(ConverterError):
        run_batch([SEED, BILINGUAL], settings, report_path=report)  # type: ignore[list-item]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["not_reached"] == [str(SEED), str(BILINGUAL)]


# ---------------------------------------------------------------------- names and collisions


def test_default_name_pattern() -> None:
    article = load_article(SEED)
    pattern = NamePattern.parse(DEFAULT_PATTERN)
    assert pattern.name(article, "streltsov-110") == "rjr-1-1-110.xml"
    bilingual = load_article(BILINGUAL)
    assert pattern.name(bilingual, "x") == "jsr-2-3-6.xml"
    # the issue may be empty, and the separator before it goes with it
    no_issue = bilingual.model_copy(update={"issue": None})
    assert pattern.name(no_issue, "x") == "jsr-2-6.xml"
    assert NamePattern.parse("{journal}_{issue?}_{fpage}").name(no_issue, "x") == "jsr_6.xml"
    with pytest.raises(PatternError, match=r"has no \{field\} that is always there"):
        NamePattern.parse("{issue?}")
    custom = NamePattern.parse("{issn}/{year}/{doi|stem}")
    assert custom.name(bilingual, "x", ".xml") == "2687-1440/2018/jsr.2018.3.6.xml"
    assert custom.name(article, "streltsov-110", ".xml") == "2658-6789/2018/streltsov-110.xml"


def test_name_pattern_needs_a_value_and_names_the_field() -> None:
    article = load_article(SEED)
    with pytest.raises(ValueError, match=r"^doi: needed by the output name pattern"):
        NamePattern.parse("{journal}-{doi}").name(article, "x")


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("{nope}", "unknown field {nope}"),
        ("fixed", "has no {field}"),
        ("../{journal}", "without '..'"),
        ("/abs/{journal}", "only relative"),
        ("{journal:>5}", "no format specs"),
        ("{journal", "name pattern"),
    ],
)
def test_bad_name_patterns(pattern: str, message: str) -> None:
    with pytest.raises(PatternError, match=message.replace("{", r"\{").replace("(", r"\(")):
        NamePattern.parse(pattern)


def test_bad_pattern_is_a_usage_error(run, tmp_path: Path) -> None:
    result = run("batch", SEED, "-o", tmp_path, "--name", "{nope}")
    assert result.code == 2
    assert "unknown field {nope}" in result.err


def test_collisions_are_reported_never_overwritten(run, tmp_path: Path, store) -> None:
    source = make_folder(tmp_path / "in", 3)
    # a00002 now has the pages of a00000: same name as the first article.
    clash = source / "part0" / "a00002.yaml"
    clash.write_text(clash.read_text().replace("fpage: 130", "fpage: 110"))
    out, report = tmp_path / "out", tmp_path / "r.json"
    result = run("batch", source, "-o", out, "-j", "2", "--report", report)
    assert result.code == 3
    assert f"{clash}: the output name rjr-1-1-110.xml is already taken by " in result.err
    assert sorted(p.name for p in outputs(out)) == ["rjr-1-1-110.xml", "rjr-1-1-120.xml"]
    # The first article in source order keeps the name (deterministic), whatever finished first.
    first = (out / "rjr-1-1-110.xml").read_bytes()
    assert b"<lpage>119</lpage>" in first
    data = json.loads(report.read_text())
    assert [a["status"] for a in data["articles"]] == ["converted", "converted", "bad-input"]


def test_later_article_finishing_first_still_loses_the_name(tmp_path: Path, store) -> None:
    """Results arrive out of order in a pool: the earlier source in the batch keeps the name."""
    source = make_folder(tmp_path / "in", 2)
    clash = source / "part0" / "a00001.yaml"
    clash.write_text(clash.read_text().replace("fpage: 120", "fpage: 110"))
    settings = BatchSettings(out_dir=tmp_path / "out", options=Options(grammars=store), jobs=1)
    worker.init_worker(settings, "t", in_process=True)
    files, _ = sources.list_sources([str(source)])
    jobs = list(sources.iter_jobs(files, settings))
    results = [worker.convert_job(job, None) for job in jobs]
    books = Books(settings, {})
    seen: list[str] = []
    for result in reversed(results):  # the later job arrives first
        for entry in result.entries:
            if entry.temp:
                books.temps.add(entry.temp)
        books.accept(result, seen.append)
    assert books.summary.counts["converted"] == 1 and books.summary.counts["bad-input"] == 1
    assert b"<lpage>119</lpage>" in (tmp_path / "out" / "rjr-1-1-110.xml").read_bytes()
    entries = list(books.entries_in_order())
    assert [e["status"] for e in entries] == ["converted", "bad-input"]
    assert "is also that of" in entries[1]["problems"][0]
    assert leftovers(tmp_path / "out") == []


def test_existing_foreign_file_is_kept_unless_force(run, tmp_path: Path, store) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "rjr-1-1-110.xml").write_text("<mine/>")
    result = run("batch", SEED, "-o", out)
    assert result.code == 3
    assert "exists and was not written for this source" in result.err
    assert (out / "rjr-1-1-110.xml").read_text() == "<mine/>"
    assert run("batch", SEED, "-o", out, "--force").code == 0
    assert (out / "rjr-1-1-110.xml").read_bytes() == SEED.with_suffix(".xml").read_bytes()


# ---------------------------------------------------------------------- sources


def test_issue_file_glob_and_missing_source(run, tmp_path: Path, store) -> None:
    source = make_folder(tmp_path / "in", 3)
    elsewhere = tmp_path / "issue"
    elsewhere.mkdir()
    (elsewhere / "issue.yaml").write_text(
        "journal: ../in/journal.yaml\narticles:\n  - ../in/part0/a00000.yaml\n"
        "  - ../in/part0/a0000[12].yaml\n"
    )
    out, report = tmp_path / "out", tmp_path / "r.json"
    assert run("batch", elsewhere / "issue.yaml", "-o", out, "--report", report).code == 0
    assert _summary(report)["converted"] == 3
    result = run(
        "batch",
        str(source / "part0" / "a0000*.yaml"),
        tmp_path / "nothing",
        "-o",
        out,
        "--report",
        report,
    )
    assert result.code == 3
    assert f"{tmp_path / 'nothing'}: no such file or folder" in result.err
    summary = _summary(report)
    assert (summary["skipped"], summary["bad-input"]) == (3, 1)
    bad = elsewhere / "bad.issue.yaml"
    bad.write_text("articles:\n  - missing.yaml\n")
    result = run("batch", bad, "-o", out)
    assert result.code == 3
    assert f"{bad}: articles[0]: missing.yaml: no such file" in result.err


def test_an_issue_file_is_read_as_article_files_are(run, tmp_path: Path) -> None:
    """Issue files were read by PyYAML's plain loader: a second ``articles:`` key silently
    replaced the first list, and an error said "cannot read issue file" with PyYAML's
    several-line text. They are read as article files are: one line naming the file and line."""
    twice = tmp_path / "twice.issue.yaml"
    twice.write_text("articles:\n  - a.yaml\narticles:\n  - b.yaml\n", encoding="utf-8")
    result = run("batch", twice, "-o", tmp_path / "out")
    assert result.code == 3
    assert f"{twice}: malformed input: line 3: key 'articles' given twice" in result.err
    broken = tmp_path / "broken.issue.yaml"
    broken.write_text("articles:\n  - [a.yaml\n", encoding="utf-8")
    result = run("batch", broken, "-o", tmp_path / "out")
    assert result.code == 3
    assert f"{broken}: line 3: malformed YAML: did not find expected ',' or ']'" in result.err
    assert "cannot read issue file" not in result.err


def test_samples_folder_outputs_match_committed(run, tmp_path: Path, store) -> None:
    """The batch writes the same bytes as ``convert``: the committed sample outputs."""
    result = run("batch", SEED.parent, BILINGUAL.parent, "-o", tmp_path)
    assert result.code == 0, result.err
    assert (tmp_path / "rjr-1-1-110.xml").read_bytes() == SEED.with_suffix(".xml").read_bytes()
    assert (tmp_path / "jsr-2-3-6.xml").read_bytes() == BILINGUAL.with_suffix(".xml").read_bytes()


# ---------------------------------------------------------------------- interruption


def test_interruption_in_process_leaves_no_partial_file(tmp_path: Path, store, monkeypatch) -> None:
    """Ctrl-C arriving while the tenth article is being written: nothing half-written remains,
    and the rerun converts exactly the articles that were not finished."""
    source = make_folder(tmp_path / "in", 30)
    out = tmp_path / "out"
    settings = BatchSettings(out_dir=out, options=Options(grammars=store), jobs=1, chunk_size=4)
    real_write = os.write
    calls = {"n": 0}

    def interrupted_write(fd: int, data) -> int:  # type: ignore[no-untyped-def]
        if bytes(data[:5]) == b"<?xml":  # an output being written (atomic.write_temp_data)
            calls["n"] += 1
            if calls["n"] == 10:
                real_write(fd, b"<article")  # half a file, then Ctrl-C
                raise KeyboardInterrupt
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", interrupted_write)
    summary = run_batch([str(source)], settings)
    monkeypatch.undo()
    assert summary.interrupted and summary.exit_code() == 130
    assert leftovers(out) == []
    done = outputs(out)
    assert 0 < len(done) < 30
    dtd = store.dtd("-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.4 20241031//EN")
    for path in done:
        assert dtd.validate(etree.parse(str(path)))  # every file there is complete and valid
    again = run_batch(
        [str(source)], BatchSettings(out_dir=out, options=Options(grammars=store), jobs=1)
    )
    assert again.counts["skipped"] == len(done)
    assert again.counts["converted"] == 30 - len(done)
    assert len(outputs(out)) == 30


def _default_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_batch(
    command: list[str], env: dict[str, str], out: Path, count: int, stderr: int | None = None
) -> subprocess.Popen[bytes]:
    """A running ``jatsconv batch`` (``command``) once ``count`` outputs are in ``out``.

    The batch gets Ctrl-C's default disposition whatever this test run has: a process started
    in the background by a non-interactive shell (``(pytest &)``) ignores SIGINT, Python then
    installs no KeyboardInterrupt handler, and a batch so started rightly runs on through
    Ctrl-C (a fresh clone's suite run that way failed both Ctrl-C tests, 3 December)."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        env=env,
        preexec_fn=_default_ctrl_c,  # (between fork and exec: one signal call, no lock)
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if out.is_dir() and len(list(out.glob("*.xml"))) >= count:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the batch finished before the test could stop it"
    return process


def _dumping(command: list[str]) -> list[str]:
    """``command`` (``python -m converter ...``) run so that SIGUSR1 prints every thread's stack."""
    code = (
        "import faulthandler, signal; faulthandler.register(signal.SIGUSR1, all_threads=True)"
        f"; from converter.cli import main; main({command[3:]!r})"
    )
    return [command[0], "-c", code]


def _ended(process: subprocess.Popen[bytes], timeout: float = 60) -> bytes:
    """The stderr of ``process`` once it has ended; if it has not within ``timeout`` seconds,
    fail with its threads' stacks (a hang is then diagnosed from the test's output alone)."""
    try:
        return process.communicate(timeout=timeout)[1]
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGUSR1)
        time.sleep(2)
        process.kill()
        err = process.communicate()[1]
        stacks = err.decode()[-8000:]
        pytest.fail(f"still running {timeout:g} s after Ctrl-C; its threads:\n{stacks}")


def test_ctrl_c_on_a_running_batch(tmp_path: Path, store) -> None:
    """SIGINT to a real ``jatsconv batch`` with workers: exit 130, complete files only, and a
    rerun that converts what is missing."""
    source = make_folder(tmp_path / "in", 2000)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "converter", "batch", str(source), "-o", str(out), "-j", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _attempt in range(3):
        process = start_batch(_dumping(command), env, out, 100, stderr=subprocess.PIPE)
        process.send_signal(signal.SIGINT)
        err = _ended(process)
        if process.returncode == 0 and len(outputs(out)) == 2000:
            # On a starved machine this test may first look when the batch is already exiting,
            # its work all done: a Ctrl-C then has nothing to stop. Run it again, anew.
            shutil.rmtree(out)
            continue
        break
    assert process.returncode == 130, err.decode()
    assert b"interrupted" in err
    assert leftovers(out) == []
    done = outputs(out)
    assert 0 < len(done) < 2000
    for path in done[-20:]:
        etree.parse(str(path))  # complete, well-formed files only
    with contextlib.closing(sqlite3.connect(out / MANIFEST_NAME)) as manifest:
        recorded = manifest.execute("SELECT count(*) FROM entries").fetchone()[0]
    assert not (out / f"{MANIFEST_NAME}-journal").exists()  # committed, not half-written
    report = tmp_path / "r.json"
    rerun = subprocess.run(
        [*command, "--report", str(report)], capture_output=True, env=env, check=False
    )
    assert rerun.returncode == 0, rerun.stderr.decode()
    summary = _summary(report)
    assert summary["skipped"] == recorded
    assert summary["converted"] == 2000 - recorded
    assert len(outputs(out)) == 2000


def test_a_batch_after_a_jats4r_check_in_the_same_process(tmp_path: Path, store) -> None:
    """A program that runs a jats4r check (Saxon, which starts a thread of its own) and then a
    batch with workers: every article is converted and checked. Forked workers crashed on the
    Saxon processor they had inherited (internal error, exit 70, the other articles lost)."""
    source = make_folder(tmp_path / "in", 60)
    out = tmp_path / "out"
    one = tmp_path / "one"
    script = f"""
import os
from pathlib import Path
from converter.cli import main

def run(*args):
    try:
        main(list(args))
    except SystemExit as exc:
        return exc.code
    return 0

run("convert", {str(SEED)!r}, "-o", {str(one)!r}, "-q")
run("check", "--profile", "jats4r", "-q", *map(str, Path({str(one)!r}).glob("*.xml")))
print(len(os.listdir("/proc/self/task")))
print(run("batch", {str(source)!r}, "-o", {str(out)!r}, "-j", "2", "--profile", "jats4r", "-q"))
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300
    )
    # (the check's findings come first: the seed's affiliation is a country alone)
    threads, code = done.stdout.splitlines()[-2:]
    assert int(threads) > 1, "Saxon started no thread: this test no longer tests a fork"
    assert code == "0", done.stderr
    assert len(outputs(out)) == 60


def test_workers_of_a_process_with_threads_are_not_forked() -> None:
    import multiprocessing
    import threading

    from converter.batch.driver import worker_context

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("this platform does not fork its workers anyway")
    alive = threading.Event()
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if not others and len(os.listdir("/proc/self/task")) == 1:
        assert worker_context().get_start_method() == "fork"
    thread = threading.Thread(target=alive.wait)
    thread.start()
    try:
        assert worker_context().get_start_method() == "forkserver"
    finally:
        alive.set()
        thread.join()


def test_stop_pool_ends_a_stuck_worker_and_spares_the_callers_processes(monkeypatch) -> None:
    """After Ctrl-C, a worker still busy after the grace period is terminated, so the batch
    returns; a process the library caller started before the batch keeps running."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from converter.batch import driver

    monkeypatch.setattr(driver, "STOP_GRACE", 0.3)
    context = multiprocessing.get_context()
    callers = context.Process(target=time.sleep, args=(30,))
    callers.start()
    try:
        others = set(multiprocessing.active_children())
        pool = ProcessPoolExecutor(1, mp_context=context)
        future = pool.submit(time.sleep, 60)  # a worker that never looks at the stop flag
        deadline = time.monotonic() + 30
        while not future.running() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.2)
        started = time.monotonic()
        driver.stop_pool(pool, None, others)
        assert time.monotonic() - started < 10
        # (the worker sleeps 60 s: gone within seconds means it was ended; on a loaded
        # machine the system may take a moment to report a terminated child as gone)
        left = [p for p in multiprocessing.active_children() if p not in others]
        while left and time.monotonic() - started < 15:
            time.sleep(0.1)
            left = [p for p in multiprocessing.active_children() if p not in others]
        assert left == [], [(p.pid, p.name, p.is_alive(), p.exitcode) for p in left]
        assert callers.is_alive()
    finally:
        callers.terminate()
        callers.join()


def test_ctrl_c_with_no_grace_ends_the_workers_and_the_batch_returns(tmp_path: Path) -> None:
    """Workers given no time to stop are terminated; ``jatsconv batch`` says so, writes it in
    the report, and exits 130 at once. Before, a worker ended half-way through writing its
    result left the executor's thread waiting for ever, and the process hung at exit (1 run
    in 8-40)."""
    source = make_folder(tmp_path / "in", 2000)
    out, report = tmp_path / "out", tmp_path / "r.json"
    code = (
        "import converter.batch.driver as driver; driver.STOP_GRACE = 0.0\n"
        "from converter.cli import main\n"
        f"main(['batch', {str(source)!r}, '-o', {str(out)!r}, '-j', '2', "
        f"'--report', {str(report)!r}])"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _attempt in range(3):
        process = start_batch([sys.executable, "-c", code], env, out, 100, stderr=subprocess.PIPE)
        process.send_signal(signal.SIGINT)
        err = _ended(process)
        if process.returncode == 0:  # it had finished its work (a starved machine): again
            shutil.rmtree(out)
            continue
        break
    assert process.returncode == 130, err.decode()
    assert b"had not stopped 0 s after the stop and were ended" in err, err.decode()
    assert json.loads(report.read_text(encoding="utf-8"))["workers_ended"] >= 1
    assert leftovers(out) == []
    for path in outputs(out)[-20:]:
        etree.parse(str(path))  # complete, well-formed files only


@pytest.mark.parametrize("ended", [0, 2])
def test_the_cli_skips_the_exit_wait_only_when_workers_were_ended(
    run, tmp_path: Path, monkeypatch, ended: int
) -> None:
    """After workers were terminated the command ends with ``os._exit`` (its lines printed
    first); otherwise with the ordinary exit, which a library caller's program keeps."""
    from converter.batch.settings import Summary
    from converter.commands import batch as command

    ends: list[int] = []

    class Ended(BaseException):  # (the CLI turns an Exception into exit 70)
        pass

    def fake_exit(code: int) -> None:
        ends.append(code)
        raise Ended

    summary = Summary(interrupted=True, workers_ended=ended)
    monkeypatch.setattr(command, "run_batch", lambda *args, **kwargs: summary)
    monkeypatch.setattr(command.os, "_exit", fake_exit)
    (tmp_path / "in").mkdir()
    if ended:
        with pytest.raises(Ended):
            run("batch", tmp_path / "in", "-o", tmp_path / "out", "-q")
        assert ends == [130]
    else:
        assert run("batch", tmp_path / "in", "-o", tmp_path / "out", "-q").code == 130
        assert ends == []


def test_worker_collects_cycles_often_only_after_an_unusual_article(monkeypatch, tmp_path):
    """A worker's garbage collection (automatic collection is off in workers) runs every
    ``COLLECT_EVERY`` articles once one was not converted cleanly (an error's traceback can
    make cycles), and ten times less often while every article converts."""
    from converter.batch.settings import Entry, Job, JobResult

    collections: list[int] = []
    monkeypatch.setattr(worker.gc, "collect", lambda: collections.append(seen[0]))
    monkeypatch.setattr(worker, "COLLECT_EVERY", 2)
    monkeypatch.setattr(worker, "COLLECT_EVERY_CLEAN", 20)
    settings = BatchSettings(out_dir=tmp_path, options=Options())
    worker.init_worker(settings, "t", in_process=True)
    assert worker._STATE is not None
    worker._STATE.collect = True  # as in a pool worker
    seen = [0]

    def fake(job: Job, previous: object) -> JobResult:
        status = "bad-input" if job.problems else "converted"
        return JobResult(job.seq, job.key, [Entry(job.path, status)], None)

    monkeypatch.setattr(worker, "convert_job", fake)
    for seq in range(60):
        seen[0] = seq + 1
        problems = ("bad",) if seq == 25 else ()
        worker.work([(Job(seq, f"k{seq}", f"a{seq}.yaml", problems=problems), None)])
    # clean: every 20 articles; the bad 26th brings the next one to 2 articles after the last
    # (the 20th), so it runs at once; then clean again: 20 articles later
    assert collections == [20, 26, 46]


def test_a_library_callers_frozen_objects_stay_frozen(tmp_path: Path, store) -> None:
    """run_batch with workers freezes what it loads and gives it back to the collector after;
    objects a library caller froze before the call are not given back with them."""
    import gc

    source = make_folder(tmp_path / "in", 6)
    mine = [[] for _ in range(1000)]  # the caller's long-lived objects
    gc.freeze()
    try:
        settings = BatchSettings(out_dir=tmp_path / "out", options=Options(grammars=store), jobs=2)
        assert run_batch([str(source)], settings).counts["converted"] == 6
        seen = {id(o) for o in gc.get_objects()}  # what the collector sees (not the frozen)
        assert id(mine) not in seen and id(mine[0]) not in seen
    finally:
        gc.unfreeze()
    assert mine
    gc.collect()
    settings = BatchSettings(out_dir=tmp_path / "out2", options=Options(grammars=store), jobs=2)
    assert run_batch([str(source)], settings).counts["converted"] == 6
    assert gc.get_freeze_count() == 0  # what the run froze is given back


# Found running batch over PMC samples (titipata/pubmed_parser, kermitt2/Pub2TEI): PMC's Open
# Access files are named .nxml, and `--from jats` on their folder skipped every one in silence.
def test_from_jats_scans_pmc_nxml_files(run, tmp_path: Path, store) -> None:
    nlm = SAMPLES / "nlm" / "2018-1" / "streltsov-110.nlm.xml"
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(nlm, source / "PMC0001.nxml")
    shutil.copy(nlm, source / "PMC0002.xml")
    out = tmp_path / "out"
    result = run("batch", source, "--from", "jats", "-o", out, "-j", "1", "--name", "{stem}")
    assert result.code == 0, result.err
    assert [p.name for p in outputs(out)] == ["PMC0001.xml", "PMC0002.xml"]


# ---------------------------------------------------------------------- what lines name


def test_problems_of_an_output_not_written_name_the_source(run, tmp_path: Path, store) -> None:
    """A rejected output is not written: its problems named ``out/rjr-1-1-110.crossref.xml``,
    a file that does not exist, where ``convert`` names the source (README, Commands)."""
    out, report = tmp_path / "out", tmp_path / "r.json"
    result = run("batch", SEED, "-o", out, "--to", "crossref", "--report", report)
    assert result.code == 1, result.err
    assert f"{SEED}: error: doi: Crossref output needs the article's DOI" in result.err
    # in convert's words (batch said 'output invalid', convert 'output rejected (DTD/schema/…')
    assert f"{SEED}: output rejected (not written)" in result.err.splitlines()
    assert str(out / "rjr-1-1-110.crossref.xml") not in result.err
    (item,) = json.loads(report.read_text(encoding="utf-8"))["articles"]
    assert item["output"] is None
    assert all(line.startswith(f"{SEED}: ") for line in item["problems"]), item["problems"]


def test_reports_to_standard_output(run, tmp_path: Path, monkeypatch, store) -> None:
    """``--report -`` wrote a file named ``-`` in the current folder; ``-`` is standard output,
    as ``convert -o -`` has it (the batch prints nothing else there)."""
    monkeypatch.chdir(tmp_path)
    result = run("batch", SEED, "-o", tmp_path / "out", "--report", "-", "-q")
    assert result.code == 0, result.err
    assert [a["status"] for a in json.loads(result.out)["articles"]] == ["converted"]
    result = run("batch", SEED, "-o", tmp_path / "out", "--junit", "-", "-q")
    assert result.code == 0, result.err
    assert etree.fromstring(result.out.encode())[0].get("skipped") == "1"
    result = run("batch", SEED, "-o", tmp_path / "out", "--report", "-", "--junit", "-")
    assert result.code == 2
    assert "--report and --junit cannot both be '-'" in result.err
    assert not (tmp_path / "-").exists()


def test_a_rerun_names_each_article_of_a_many_article_file_as_the_first_run(
    run, tmp_path: Path, store
) -> None:
    """An OJS export holds an issue's articles: reported as ``issue.xml#1`` … when converted,
    but as ``issue.xml`` three times once up to date, so the JUnit report of a rerun had three
    test cases of one name (which CI merges into one)."""
    source = SAMPLES / "ojs" / "2019-1" / "issue.xml"
    out, report, junit = tmp_path / "out", tmp_path / "r.json", tmp_path / "junit.xml"
    names = []
    for _run in range(2):
        result = run("batch", source, "-o", out, "--report", report, "--junit", junit)
        assert result.code == 0, result.err
        names.append([a["source"] for a in json.loads(report.read_text())["articles"]])
        cases = [case.get("name") for case in etree.parse(str(junit)).iter("testcase")]
        assert cases == names[-1]
    assert names[0] == names[1] == [f"{source}#{i}" for i in (1, 2, 3)]
    assert _summary(report)["skipped"] == 3


def test_rerun_meeting_a_name_an_earlier_run_wrote_names_its_source(tmp_path: Path, store) -> None:
    """A rerun with -j 2 may take in a source whose name clashes before the source that holds
    the name, up to date, claims it again: the file is that source's, not a stranger's, and
    the line says so instead of asking for --force."""
    source = make_folder(tmp_path / "in", 2)
    clash = source / "part0" / "a00001.yaml"
    clash.write_text(clash.read_text().replace("fpage: 120", "fpage: 110"))
    out = tmp_path / "out"
    settings = BatchSettings(out_dir=out, options=Options(grammars=store), jobs=1)
    worker.init_worker(settings, "t", in_process=True)
    files, _ = sources.list_sources([str(source)])
    first, second = [worker.convert_job(job, None) for job in sources.iter_jobs(files, settings)]
    (out / "rjr-1-1-110.xml").write_bytes(b"<article/>")  # what the earlier run wrote
    assert first.entries[0].temp is not None
    os.unlink(first.entries[0].temp)
    books = Books(settings, {first.key: ("stamp", (), "", ("rjr-1-1-110.xml",), ())})
    seen: list[str] = []
    books.temps.update(e.temp for e in second.entries if e.temp)
    books.accept(second, seen.append)
    (problem,) = next(books.entries_in_order())["problems"]
    assert problem == (
        f"{clash}: the output name rjr-1-1-110.xml is already taken by {first.key} (written by"
        " an earlier run; give distinct metadata or another --name pattern)"
    )
    assert "--force" not in problem
    assert (out / "rjr-1-1-110.xml").read_bytes() == b"<article/>"
    assert leftovers(out) == []


def test_a_batch_of_another_to_keeps_the_outputs_of_the_first(run, tmp_path: Path, store) -> None:
    """An aggregator writes JATS and DOAJ records of one archive into one folder: the DOAJ
    batch removed every JATS file as an earlier output of its source. Each --to's outputs
    are kept now, and each is still replaced when its article's name changes."""
    source = make_folder(tmp_path / "in", 2)
    for i, article in enumerate(sorted(source.rglob("a*.yaml"))):  # DOAJ needs the page
        article.write_text(article.read_text() + f"url: https://journal.example.org/a{i}\n")
    out = tmp_path / "out"
    for target in ("jats", "doaj", "jats"):
        result = run("batch", source, "-o", out, "--to", target, "-j", "1")
        assert result.code == 0, result.err
        assert "earlier output removed" not in result.err
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == [
        f"rjr-1-1-{page}{suffix}" for page in (110, 120) for suffix in (".doaj.xml", ".xml")
    ]
    first = source / "part0" / "a00000.yaml"
    first.write_text(first.read_text().replace("fpage: 110", "fpage: 111"))
    result = run("batch", source, "-o", out, "--to", "doaj", "-j", "1")
    assert f"{first}: written to rjr-1-1-111.doaj.xml; earlier output removed: " in result.err
    assert not (out / "rjr-1-1-110.doaj.xml").exists()
    assert (out / "rjr-1-1-110.xml").exists()  # the JATS run replaces its own
    result = run("batch", source, "-o", out, "--to", "jats", "-j", "1")
    assert result.code == 0, result.err
    assert f"{first}: written to rjr-1-1-111.xml; earlier output removed: rjr-1-1-110.xml" in (
        result.err
    )
    assert (out / "rjr-1-1-111.doaj.xml").exists()
