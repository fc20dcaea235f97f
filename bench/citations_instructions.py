"""Work for counting the reference parser's instructions per reference under valgrind.

CPU time on a shared machine varies by ±3 % between runs; valgrind's count of instructions
does not. This parses each reference once with ``parse_reference``'s cache bypassed (every
word new to the labeller's caches, as in a batch of new articles), or with ``load`` only loads
the model and the texts; the difference of the two counts, divided by the number of references
it prints, is the parser's cost per reference::

    for mode in load parse; do
      PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python3 bench/citations_instructions.py $mode held 2>&1 | grep -E "I +refs|references"
    done

``held``: the held-out (test) split of ``data/citations/``; ``bench``: the references of the
first 100 articles (after the first) of ``bench_batch.py --kind bilingual -n 2000``'s work folder
(run that once first), as ``labeller_split.py`` reads them. (valgrind follows no ``exec``: run
the interpreter itself, not a shim that starts it.)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's code and model
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["load", "parse"])
    parser.add_argument("kind", choices=["held", "bench"])
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "jatsconv-bench"
    )
    args = parser.parse_args()
    from converter.citations import parse
    from converter.citations.model import label

    if args.kind == "held":
        from converter.citations.corpus import load

        texts = [parse.normalize(item.text) for item in load() if item.split == "test"]
    else:
        from labeller_split import references

        texts = references(args.workdir / "bilingual-2000", 100)
    label("Smith J. Title. Journal. 2001;3:4-5.")  # loads the model
    if args.mode == "parse":
        uncached = parse.parse_reference.__wrapped__
        for text in texts:
            uncached(text)
    print(f"{len(texts)} references ({args.kind})", file=sys.stderr)


if __name__ == "__main__":
    main()
