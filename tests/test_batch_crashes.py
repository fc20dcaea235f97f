"""``jatsconv batch`` when processes die under it: a worker killed (out of memory, ``kill -9``,
a crash in a library), the batch ended with SIGTERM (``systemctl stop``, ``docker stop``) or
killed outright. Nothing half written, nothing lost: the run (or the next one) finishes the
rest, and the report and the manifest say what happened to every article."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_batch import _ended, leftovers, make_folder, outputs, start_batch

from conftest import BILINGUAL, ROOT
from converter.batch import MANIFEST_NAME, driver
from converter.batch import worker as batch_worker
from converter.batch.driver import worker_context
from converter.batch.settings import JobResult


def test_a_worker_already_reaped_counts_as_stopped(monkeypatch) -> None:
    """The pool's own thread reaps a worker that ends as the batch stops; the batch then found
    it "alive" (its exit status already taken) and said ``1 worker(s) had not stopped 5 s after
    the stop and were ended`` at once, 1 run in 3 after a full disk, and sent a signal to a
    process id that was no longer its worker's."""
    reader, writer = os.pipe()
    os.close(writer)  # a sentinel that is ready: the process has ended
    ended: list[str] = []

    class Gone:
        sentinel = reader

        def is_alive(self) -> bool:
            return True  # what multiprocessing says of a child another thread has reaped

        def join(self, timeout: float | None = None) -> None:
            pass

        def terminate(self) -> None:
            ended.append("terminate")

        def kill(self) -> None:
            ended.append("kill")

    class Pool:
        def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
            pass

    monkeypatch.setattr(driver.multiprocessing, "active_children", lambda: [Gone()])
    try:
        started = time.monotonic()
        assert driver.stop_pool(Pool(), None, set()) == 0  # type: ignore[arg-type]
        assert time.monotonic() - started < 1
        assert ended == []
    finally:
        os.close(reader)


def _stopped(command: list[str], out: Path, how: signal.Signals) -> tuple[int, str]:
    """Run ``command`` (a batch into ``out``) and send it ``how`` once 100 outputs are in; its
    exit code and stderr. A starved machine may send it when the batch has done all its work:
    then again, anew."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _attempt in range(3):
        process = start_batch(command, env, out, 100, stderr=subprocess.PIPE)
        process.send_signal(how)
        err = _ended(process).decode()
        if process.returncode != 0 or len(outputs(out)) < 2000:
            break
        shutil.rmtree(out)
    return process.returncode, err


def test_sigterm_stops_a_batch_as_ctrl_c_does(tmp_path: Path) -> None:
    """``systemctl stop``, ``docker stop`` and ``kill`` send SIGTERM. The batch died at once:
    temporary files left behind (115 of them), no report, and the outputs renamed since the
    manifest's last commit unrecorded. Now it stops as on Ctrl-C: exit 130, complete files
    only, the report written, and a rerun converts the rest."""
    source = make_folder(tmp_path / "in", 2000)
    out, report = tmp_path / "out", tmp_path / "r.json"
    command = [sys.executable, "-m", "converter", "batch", str(source), "-o", str(out), "-j", "2"]
    code, err = _stopped([*command, "--report", str(report)], out, signal.SIGTERM)
    assert code == 130, err
    assert "interrupted" in err
    assert leftovers(out) == []
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["interrupted"] is True
    done = data["summary"]["converted"]
    assert 0 < done < 2000
    # What was not reached is counted and listed, with what to do about it.
    assert data["summary"]["not_reached"] == len(data["not_reached"]) == 2000 - done
    assert (
        f"; {2000 - done:,} sources not reached, listed in {report}: the same command again "
        "converts them and skips what is done"
    ) in err
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rerun = subprocess.run(
        [*command, "--report", str(report)], capture_output=True, env=env, check=False
    )
    assert rerun.returncode == 0, rerun.stderr.decode()
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    assert (summary["skipped"], summary["converted"]) == (done, 2000 - done)


def _sizes(total: int, pace: driver.Pace | None) -> list[int]:
    """The chunk sizes ``driver.chunks`` hands two workers for ``total`` jobs, ``pace`` as is."""
    from types import SimpleNamespace

    jobs = iter([SimpleNamespace(key=str(i)) for i in range(total)])
    return [len(chunk) for chunk in driver.chunks(jobs, 16, {}, total, 2, pace)]  # type: ignore[arg-type]


def _pace(seconds_per_article: float, articles: int = 16) -> driver.Pace:
    pace = driver.Pace()
    pace.took([JobResult(i, str(i), [], None, seconds_per_article) for i in range(articles)])
    return pace


def test_chunks_hold_about_a_second_of_a_workers_time() -> None:
    """Chunks of up to 128 articles, whatever they cost: 128 JATS articles (~30 ms each) were
    ~4 s of a worker's time, all lost to an interruption (a SIGTERM at 13.7 s of a 16 s run over
    1,008 JATS files kept no output). Now a chunk holds about a second's work at the pace of the
    results in so far, starting small; fast articles still go out 128 at a time, and the last
    chunks still shrink."""
    assert _sizes(1008, None)[:2] == [126, 110]  # (no pace: by count, as before)
    assert _sizes(1008, driver.Pace())[:3] == [16, 16, 16]  # nothing measured yet
    jats = _sizes(1008, _pace(0.030))
    assert jats[0] == 33 and max(jats) == 33 and sum(jats) == 1008
    assert jats[-2] == 16  # (the guided end, as before)
    yaml = _sizes(5000, _pace(0.0003))
    assert yaml[:3] == [128, 128, 128] and sum(yaml) == 5000
    assert _sizes(100, _pace(2.0)) == [1] * 100  # (slower than a second: one at a time)


def test_sigterm_keeps_the_outputs_of_slow_articles_finished_before_it(tmp_path: Path) -> None:
    """Articles of 40 ms each (a worker's pace on JATS under load), 1,100 of them, SIGTERM 3 s
    after the first one started: every output was discarded (the first chunks of 128, 5 s of
    work each, had not come back), all 1,100 not reached. Now the chunks that came back in
    those 3 s are kept, renamed into place and in the report, and the rerun skips them."""
    source = make_folder(tmp_path / "in", 1100, sub=1100)
    out, report, started = tmp_path / "out", tmp_path / "r.json", tmp_path / "started"
    args = ["batch", str(source), "-o", str(out), "-j", "2", "--report", str(report)]
    slow = (
        "import time, converter.batch.worker as w\n"
        "real = w.convert_job\n"
        "def slow(job, previous):\n"
        f"    open({str(started)!r}, 'a').close()\n"
        "    time.sleep(0.04)\n"
        "    return real(job, previous)\n"
        "w.convert_job = slow\n"
        f"from converter.cli import main; main({args!r})"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = start_batch([sys.executable, "-c", slow], env, out, 0, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not started.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if not started.exists():
        process.kill()
        pytest.skip("the workers are not forked: the slow conversion did not reach them")
    time.sleep(3)
    process.send_signal(signal.SIGTERM)
    err = _ended(process).decode()
    assert process.returncode == 130, err
    assert leftovers(out) == []
    data = json.loads(report.read_text(encoding="utf-8"))
    kept = data["summary"]["converted"]
    # 2 workers × ~2 s of 40 ms articles came back well before the signal (before: 0)
    assert kept == len(outputs(out)) >= 32, err
    assert data["summary"]["not_reached"] == 1100 - kept


def _killing(monkeypatch, victim: str, once: Path | None = None) -> None:
    """Workers forked from now on die (SIGKILL, as the out-of-memory killer sends) when they
    start on the article ``victim``: every time, or with ``once``, the first time only."""
    if worker_context().get_start_method() != "fork":
        pytest.skip("the workers are not forked from this process: they would not die")
    convert = batch_worker.convert_job

    def dying(job, previous):  # type: ignore[no-untyped-def]
        if job.path.endswith(victim) and not (once and once.exists()):
            if once:
                once.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return convert(job, previous)

    monkeypatch.setattr(batch_worker, "convert_job", dying)


def test_an_article_that_kills_its_worker_is_an_error_and_the_others_are_converted(
    run, tmp_path: Path, monkeypatch, store
) -> None:
    """A worker that died took the whole batch with it: ``internal error: BrokenProcessPool``,
    exit 70, no report, no summary, the other articles of the run never converted. Now the
    pool is started again, the articles in progress are tried again one at a time, and the one
    whose worker dies again is an internal error of its own."""
    source = make_folder(tmp_path / "in", 40)
    _killing(monkeypatch, "a00013.yaml")
    out, report, junit = tmp_path / "out", tmp_path / "r.json", tmp_path / "junit.xml"
    result = run("batch", source, "-o", out, "-j", "2", "--report", report, "--junit", junit)
    assert result.code == 70, result.err
    victim = source / "part0" / "a00013.yaml"
    assert (
        f"{victim}: internal error: the worker process converting it ended abruptly" in result.err
    )
    assert "BrokenProcessPool" not in result.err
    assert len(outputs(out)) == 39
    assert leftovers(out) == []
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"]["converted"] == 39 and data["summary"]["error"] == 1
    sources = [item["source"] for item in data["articles"]]
    assert sorted(sources) == sorted(str(p) for p in source.rglob("a*.yaml"))  # each once
    assert [item["status"] for item in data["articles"] if item["source"] == str(victim)] == [
        "error"
    ]
    assert 'errors="1"' in junit.read_text(encoding="utf-8")


def test_a_worker_killed_once_loses_no_article(run, tmp_path: Path, monkeypatch, store) -> None:
    """A worker killed from outside (``kill -9``, the out-of-memory killer): its articles are
    converted again by the new workers, and the run ends as if nothing happened, but a line."""
    source = make_folder(tmp_path / "in", 40)
    _killing(monkeypatch, "a00013.yaml", once=tmp_path / "killed")
    out, report = tmp_path / "out", tmp_path / "r.json"
    result = run("batch", source, "-o", out, "-j", "2", "--report", report)
    assert result.code == 0, result.err
    assert "a worker process ended abruptly" in result.err
    assert len(outputs(out)) == 40
    assert leftovers(out) == []
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"]["converted"] == 40 and len(data["articles"]) == 40
    again = run("batch", source, "-o", out, "-j", "2", "--report", report)
    assert again.code == 0
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["skipped"] == 40


def deposit_folder(folder: Path, count: int) -> Path:
    """``count`` bilingual articles whose Crossref deposits differ from run to run (a
    timestamp and a batch id in each), beside their journal file; each has a DOI of its own,
    as one issue's deposit takes a DOI once."""
    folder.mkdir()
    (folder / "journal.yaml").write_bytes((BILINGUAL.parent.parent / "journal.yaml").read_bytes())
    text = BILINGUAL.read_text(encoding="utf-8")
    for i in range(count):
        body = text.replace("fpage: 6\n", f"fpage: {1000 + i}\n").replace(
            "lpage: 20\n", f"lpage: {1000 + i}\n"
        )
        body = body.replace("doi: 10.5555/jsr.2018.3.6\n", f"doi: 10.5555/jsr.2018.3.{1000 + i}\n")
        (folder / f"a{i:04d}.yaml").write_text(body, encoding="utf-8")
    return folder


def test_a_batch_killed_outright_leaves_its_outputs_its_own(tmp_path: Path) -> None:
    """``kill -9`` (or a power cut of the process: the out-of-memory killer) of the batch
    itself: the outputs renamed into place after the manifest's last commit were, to the next
    run, files it had not written; Crossref and DOAJ outputs differ from run to run, so the
    rerun refused each as ``exists and was not written for this source`` (exit 3). Now the
    rerun knows them as its own and converts them again."""
    source = deposit_folder(tmp_path / "in", 300)
    out, report = tmp_path / "out", tmp_path / "r.json"
    args = ["batch", str(source), "-o", str(out), "-j", "1", "--to", "crossref"]
    never = (  # no commit before the kill: every output so far is one it did not record
        "import converter.batch.manifest as m; m.Manifest.COMMIT_EVERY = 1e9\n"
        f"from converter.cli import main; main({args!r})"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = start_batch([sys.executable, "-c", never], env, out, 20)
    process.kill()
    process.wait()
    written = len(outputs(out))
    assert 20 <= written < 300
    rerun = subprocess.run(
        [sys.executable, "-m", "converter", *args, "--report", str(report)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert "was not written for this source" not in rerun.stderr
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["converted"] == 300
    assert len(outputs(out)) == 300
    assert leftovers(out) == []
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [MANIFEST_NAME]


def test_ctrl_c_pressed_twice_still_stops_in_order(tmp_path: Path) -> None:
    """An impatient second Ctrl-C landed in the stopping itself, 1 run in 6: ``internal error:
    RuntimeError: release unlocked lock`` (exit 70), or temporary files left behind. The stop
    takes a few seconds at most; the signals after the first are let go meanwhile."""
    source = make_folder(tmp_path / "in", 2000)
    out, report = tmp_path / "out", tmp_path / "r.json"
    command = [sys.executable, "-m", "converter", "batch", str(source), "-o", str(out), "-j", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for gap in (0.0, 0.002, 0.005, 0.01, 0.02, 0.04):  # (two at once are one to Python)
        process = start_batch(
            [*command, "--report", str(report)], env, out, 100, stderr=subprocess.PIPE
        )
        process.send_signal(signal.SIGINT)
        time.sleep(gap)
        process.send_signal(signal.SIGINT)
        err = _ended(process).decode()
        if process.returncode == 0 and len(outputs(out)) == 2000:
            continue  # (a starved machine: the batch was done before the signals came)
        assert process.returncode == 130, err
        assert "internal error" not in err
        assert json.loads(report.read_text(encoding="utf-8"))["interrupted"] is True
        assert leftovers(out) == []
        shutil.rmtree(out)
        report.unlink()


def test_a_worker_reading_xml_collects_its_cycles_every_hundred_articles(
    tmp_path: Path, monkeypatch
) -> None:
    """A worker turns automatic garbage collection off, collecting every 10,000 articles that
    converted cleanly: articles read from YAML leave no reference cycle. Articles read from JATS
    (and other XML) do: with -j 2 each worker of a 1,008-article JATS archive grew to 238 MB
    (93 MB with -j 1, where collection is on; 124-130 MB collecting every 100 articles), about
    0.25 MB an article until the 10,000th, gigabytes for an aggregator's archive."""
    import gc

    from converter.batch import worker
    from converter.batch.settings import BatchSettings, Entry, Job, JobResult
    from converter.batch.worker import RecordingCache, WorkerState, work
    from converter.naming import NamePattern
    from converter.options import Options

    collected = []
    monkeypatch.setattr(gc, "collect", lambda *args: collected.append(1) or 0)

    def clean(job, previous):
        return JobResult(job.seq, job.key, [Entry(job.name, "converted", "a.xml")], None)

    monkeypatch.setattr(worker, "convert_job", clean)
    # (detected per file, as `jatsconv batch archive/` runs, JATS files are collected for too)
    for fmt, suffix, expected in (("jats", "", 2), (None, ".xml", 2), (None, ".yaml", 0)):
        collected.clear()
        settings = BatchSettings(out_dir=tmp_path, options=Options(), fmt=fmt)
        state = WorkerState(
            settings, NamePattern.parse(settings.pattern), ".xml", RecordingCache(), "t", True
        )
        monkeypatch.setattr(worker, "_STATE", state)
        for start in range(0, 200, 20):
            chunk = [
                (Job(n, f"/a{n}{suffix}", f"/a{n}{suffix}", fmt), None)
                for n in range(start, start + 20)
            ]
            work(chunk)
        assert len(collected) == expected, fmt
