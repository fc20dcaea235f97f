"""How long ``jatsconv serve`` takes to answer its first page: wall and CPU time.

Starts ``python -m converter serve --port 0`` N times, waits for the URL it prints, fetches
the main page, and reads the server's own CPU time (user + system, from /proc) at that moment,
so a loaded machine shows up as wall time, not as CPU time. Prints the command and the figures.

    python3 bench/serve_startup.py [-n 5]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def once() -> tuple[float, float]:
    start = time.monotonic()
    command = [sys.executable, "-m", "converter", "serve", "--port", "0"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)  # fmt: skip
    try:
        url = re.search(r"http://\S+/", process.stdout.readline()).group(0)
        urllib.request.urlopen(url, timeout=30).read()
        wall = time.monotonic() - start
        cpu = _cpu_seconds(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5, help="runs (default 5)")
    runs = [once() for _ in range(parser.parse_args().n)]
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    print(f"command: {sys.executable} -m converter serve --port 0; first page fetched")
    print(f"runs: {len(runs)}; load average: {os.getloadavg()[0]:.1f}")
    for name, values in (("wall", walls), ("cpu", cpus)):
        low, mid, high = min(values), statistics.median(values), max(values)
        print(f"{name}: median {mid:.2f} s (min {low:.2f}, max {high:.2f})")


if __name__ == "__main__":
    main()
