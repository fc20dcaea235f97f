"""Benchmark ``check --profile jats4r``: compiling the JATS4R Schematron once, checking articles.

It prints the one-off cost of compiling the rules (Schematron to XSLT, XSLT into Saxon), then
the CPU time per article of the Schematron alone and of the whole ``jats4r`` profile (the
``general`` rules too), over every sample output checked ``--rounds`` times in one process,
and the exact command. CPU time (``time.process_time``: Saxon runs in-process) is steadier
than wall time on a shared machine; the Schematron's wall time is printed beside it. Nothing
here is asserted: the figures are for the README.

Usage::

    python3 bench/jats4r.py [--rounds 50]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.checks import check_tree  # noqa: E402
from converter.schematron.runner import validator  # noqa: E402
from converter.schematron.store import get_store  # noqa: E402
from converter.validation import parse_untrusted  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    files = sorted(
        p for p in (ROOT / "samples").glob("*/*/*.xml")
        if not p.name.endswith(".nlm.xml") and p.name != "issue.xml"
    )  # fmt: skip
    trees = [parse_untrusted(p.read_bytes(), str(p)) for p in files]
    main_file = str(get_store().require().main)

    start = time.process_time()
    checker = validator(main_file)
    compile_cpu = time.process_time() - start

    checker.run(trees[0].getroot())  # warm up
    start, wall = time.process_time(), time.perf_counter()
    for _ in range(args.rounds):
        for tree in trees:
            checker.run(tree.getroot())
    schematron = (time.process_time() - start) / (args.rounds * len(trees))
    schematron_wall = (time.perf_counter() - wall) / (args.rounds * len(trees))

    start = time.process_time()
    for _ in range(args.rounds):
        for tree in trees:
            check_tree(tree, ["jats4r"])
    profile = (time.process_time() - start) / (args.rounds * len(trees))

    size = sum(len(etree.tostring(t)) for t in trees) / len(trees)
    print(f"compile once per process: {compile_cpu * 1000:.0f} ms CPU")
    print(f"{len(trees)} sample outputs (mean {size / 1000:.1f} kB) x {args.rounds} rounds")
    print(
        f"Schematron only:          {schematron * 1000:.2f} ms CPU per article "
        f"({schematron_wall * 1000:.2f} ms wall)"
    )
    print(f"whole jats4r profile:     {profile * 1000:.2f} ms CPU per article")
    print(f"command: python3 bench/jats4r.py --rounds {args.rounds}")


if __name__ == "__main__":
    main()
