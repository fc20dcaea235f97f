"""No litter: every temporary file has one recognisable name, and the temporary files a killed run
leaves are removed by the next ``convert`` or ``batch`` writing to the same folder.

The done-when case: ``kill -9`` in the middle of a 2,000-article batch, then a rerun; the
output folder then holds exactly the 2,000 outputs and the manifest, nothing else.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from lxml import etree
from test_batch import make_folder, start_batch

from conftest import ROOT, SEED
from converter import atomic
from converter.atomic import TEMP_SUFFIX, is_stale, is_temp, run_token, sweep_stale, write_temp
from converter.batch import MANIFEST_NAME


def _dead_pid() -> int:
    """The pid of a process that has finished (and been reaped)."""
    done = subprocess.Popen([sys.executable, "-c", "pass"])
    done.wait()
    return done.pid


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux ``/proc``)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found += [int(child) for child in text.split()]
    return found


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (not gone, not a zombie)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _planted(folder: Path, name: str, owner: str, age: float = 0.0) -> Path:
    path = folder / f".{name}.abcd1234.{owner}{TEMP_SUFFIX}"
    path.write_text("half an output")
    if age:
        then = time.time() - age
        os.utime(path, (then, then))
    return path


def _host() -> str:
    return run_token().split("-")[0]


def test_one_recognisable_temporary_name(tmp_path: Path) -> None:
    temp = Path(write_temp(tmp_path / "rjr-1-110.xml", lambda stream: stream.write(b"x")))
    assert temp.name.startswith(".rjr-1-110.xml.")
    assert temp.name.endswith(f".{run_token()}{TEMP_SUFFIX}")
    assert is_temp(temp.name)
    assert not is_stale(temp)  # this process is alive: never another run's to remove


def test_what_counts_as_left_over(tmp_path: Path) -> None:
    dead = _planted(tmp_path, "a.xml", f"{_host()}-{_dead_pid()}-1")
    alive = _planted(tmp_path, "b.xml", f"{_host()}-{os.getppid()}-1")
    elsewhere = _planted(tmp_path, "c.xml", "0ther0st-123-1")
    elsewhere_old = _planted(tmp_path, "d.xml", "0ther0st-123-1", age=atomic.STALE_AGE + 60)
    user_file = tmp_path / ".notes.tmp"
    user_file.write_text("not ours")
    assert sweep_stale([tmp_path]) == 2
    assert not dead.exists() and not elsewhere_old.exists()
    assert alive.exists() and elsewhere.exists() and user_file.exists()


def test_convert_removes_a_killed_runs_temporary_files(run, tmp_path: Path, store) -> None:
    out = tmp_path / "out"
    out.mkdir()
    left = _planted(out, "streltsov-110.xml", f"{_host()}-{_dead_pid()}-1")
    result = run("convert", SEED, "-o", out)
    assert result.code == 0, result.err
    assert not left.exists()
    assert sorted(p.name for p in out.iterdir()) == ["streltsov-110.xml"]


def test_kill_9_mid_batch_then_rerun_leaves_exactly_the_outputs(tmp_path: Path, store) -> None:
    source = make_folder(tmp_path / "in", 2000)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "converter", "batch", str(source), "-o", str(out), "-j", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = start_batch(command, env, out, 200, stderr=subprocess.DEVNULL)
    workers = _children(process.pid)
    assert workers, "no worker processes found"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    try:  # the workers notice their main process is gone and end, rather than wait forever
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(_running(pid) for pid in workers):
            time.sleep(0.1)
        assert not [pid for pid in workers if _running(pid)], "orphaned workers still running"
    finally:
        for pid in workers:  # never leave this test's processes behind, even when it fails
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
    # What a killed run may leave, whatever the timing: one of its workers' temporary files.
    _planted(out, "rjr-1-99990.xml", f"{_host()}-{process.pid}-1")
    assert len(list(out.glob("*.xml"))) < 2000

    rerun = subprocess.run([*command, "-q"], capture_output=True, env=env, check=False)
    assert rerun.returncode == 0, rerun.stderr.decode()
    left = sorted(str(p.relative_to(out)) for p in out.rglob("*") if not p.name.endswith(".xml"))
    assert left == [MANIFEST_NAME]
    outputs = sorted(out.rglob("*.xml"))
    assert len(outputs) == 2000
    for path in outputs[::97]:
        etree.parse(str(path))  # complete, well-formed
