"""Benchmark the start-up of short ``jatsconv`` commands against importing lxml.

A user who validates files one at a time in a shell loop or a CI step pays the command's
start-up on every call. This runs each command several times in a fresh interpreter and prints
the median CPU time (user + system, of the child process: steadier than wall time on a shared
machine) and its ratio to ``python3 -c "import lxml.etree"`` measured the same way, with the
targets:

* ``jatsconv --help``, ``jatsconv --version`` and ``jatsconv validate one.xml``: ≤ 4×;
* ``jatsconv convert one.yaml``: ≤ 8×.

The commands run this checkout's code (``python3 -m converter``, the same code path as the
installed ``jatsconv`` script), on the seed sample and its committed JATS output. The package
is byte-compiled first, as pip leaves an installed one: otherwise a shell with
``PYTHONDONTWRITEBYTECODE=1`` would compile every recently changed module again on each call
(about 35 ms of ``convert``'s CPU, measured).

Usage::

    python3 bench/bench_startup.py [-r 15]
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "russian-japanology-review" / "2018-1" / "streltsov-110.yaml"
SEED_XML = SEED.with_suffix(".xml")


def cpu_once(command: list[str]) -> float:
    """CPU seconds (user + system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command, cwd=ROOT, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(
            f"{shlex.join(command)} failed (exit {result.returncode}): "
            f"{result.stderr.decode('utf-8', 'replace')[-500:]}"
        )
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def medians(commands: list[list[str]], runs: int) -> list[float]:
    """Median CPU seconds of each command. The commands take turns, round after round, so
    that a change in the machine's load falls on all of them alike (the ratios stay fair)."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            times[index].append(cpu_once(command))
    return [sorted(t)[len(t) // 2] for t in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-r", "--runs", type=int, default=15, help="runs per command (median)")
    args = parser.parse_args()
    python = sys.executable
    out = Path(tempfile.mkdtemp(prefix="jatsconv-startup-"))
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "converter")], check=True)
    jatsconv = [python, "-m", "converter"]
    cases = [
        ("jatsconv --help", [*jatsconv, "--help"], 4),
        ("jatsconv --version", [*jatsconv, "--version"], 4),
        ("jatsconv validate one.xml", [*jatsconv, "validate", str(SEED_XML)], 4),
        ("jatsconv convert one.yaml", [*jatsconv, "convert", str(SEED), "-o", str(out)], 8),
    ]
    bare, baseline, *results = medians(
        [[python, "-c", "pass"], [python, "-c", "import lxml.etree"]]
        + [command for _, command, _ in cases],
        args.runs,
    )
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f'python3 -c "pass":              {bare * 1000:6.1f} ms CPU (median of {args.runs})')
    print(f'python3 -c "import lxml.etree": {baseline * 1000:6.1f} ms CPU  (the 1× of the ratios)')
    met_all = True
    for (label, _command, target), seconds in zip(cases, results, strict=True):
        ratio = seconds / baseline
        met = ratio <= target
        met_all &= met
        verdict = "met" if met else "NOT met"
        print(
            f"{label:27} {seconds * 1000:6.1f} ms CPU  {ratio:4.1f}×  "
            f"(target ≤ {target}×: {verdict})"
        )
    print(f"all targets {'met' if met_all else 'NOT met'}")
    argv = ["python3", "bench/bench_startup.py"]
    if args.runs != 15:
        argv += ["-r", str(args.runs)]
    print(f"command: {shlex.join(argv)}")


if __name__ == "__main__":
    main()
