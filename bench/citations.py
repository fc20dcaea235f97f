"""Field-level precision and recall of the citation parser on the labelled set.

    python3 bench/citations.py [-v]

Targets (issue 6): precision ≥ 0.97 on every field the parser emits; recall ≥ 0.85 on authors,
year, title and source. ``-v`` lists every wrong field.
"""

from __future__ import annotations

import sys
from pathlib import Path

from converter.citations.evaluate import FIELDS, evaluate, load_labelled

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "references"


def main() -> int:
    items = load_labelled(DATA)
    score = evaluate(items)
    print(f"command: python3 bench/citations.py   ({score.references} labelled references)")
    print(f"structured: {score.structured} of {score.references}")
    print(
        f"{'field':<10}{'emitted':>9}{'correct':>9}{'expected':>10}{'precision':>11}{'recall':>8}"
    )
    ok = True
    for name in FIELDS:
        p, r = score.precision(name), score.recall(name)
        print(
            f"{name:<10}{score.emitted[name]:>9}{score.correct[name]:>9}{score.expected[name]:>10}"
            f"{'' if p is None else f'{p:.3f}':>11}{'' if r is None else f'{r:.3f}':>8}"
        )
        if p is not None and p < 0.97:
            ok = False
        if name in ("authors", "year", "title", "source") and (r or 0) < 0.85:
            ok = False
    print("targets met" if ok else "targets NOT met")
    if "-v" in sys.argv:
        for line in score.errors:
            print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
