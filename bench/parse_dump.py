"""What the reference parser makes of every reference it is benched on, written to one file:
for speed work, whose outputs must stay byte-identical (``cmp`` the files of two checkouts).

    python3 bench/parse_dump.py OUT [--features N]

Each line is one reference as JSON: where it comes from (corpus file and split, or the
regression set), ``parse_reference``'s answer (the decision and every field of the citation, or
null: kept as text) and ``explain``'s (the citation read, its confidence, the threshold, the
language group and the reason it is not structured). The committed corpora hold the held-out
split (``bench/citations.py``), the dev split and the fresh slice (``bench/citations_fresh.py``:
a tenth of the training rows); ``tests/data/references`` is the regression set.

``--features N``: also the feature sequences handed to CRFsuite (``model.label``'s path, the
packaged model's attributes) of every N-th reference, as they are, bytes shown as text: the
model's inputs, which a speed change must not change either.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's code and model, not an installed copy

from converter.citations import model  # noqa: E402
from converter.citations.corpus import load  # noqa: E402
from converter.citations.evaluate import load_labelled  # noqa: E402
from converter.citations.features import sequence_features  # noqa: E402
from converter.citations.parse import explain, parse_reference, spelled  # noqa: E402

REGRESSION = ROOT / "tests" / "data" / "references"


def features(text: str) -> list[list[str]]:
    """The feature sequence ``model.label`` hands CRFsuite for ``text`` (as parse_reference
    reads it), each attribute as text."""
    tokens = model._PIECES.split(spelled(text))[1::2]
    cache = model.token_features()
    xseq = sequence_features(tokens) if cache is None else sequence_features(tokens, cache)
    return [[name.decode("utf-8") for name in item] for item in xseq]


def main() -> int:
    parser = argparse.ArgumentParser(description="dump the reference parser's outputs")
    parser.add_argument("out", type=Path, help="the file to write (JSON lines)")
    parser.add_argument("--features", type=int, default=0, metavar="N", help="every N-th")
    args = parser.parse_args()
    sources = [(f"{i.src}:{i.style}:{i.split}", i.text) for i in load()]
    sources += [("regression:" + str(i.get("style")), i["text"]) for i in load_labelled(REGRESSION)]
    with args.out.open("w", encoding="utf-8") as out:
        for k, (where, text) in enumerate(sources):
            found = parse_reference.__wrapped__(text)  # (no cache: every reference is read)
            reading = explain(text)
            row = {
                "where": where,
                "text": text,
                "structured": found is not None,
                "fields": found.fields() if found is not None else None,
                "explain": {
                    "citation": reading.citation.fields() if reading.citation else None,
                    "confidence": reading.confidence,
                    "threshold": reading.threshold,
                    "group": reading.group,
                    "reason": reading.reason,
                },
            }
            if args.features and k % args.features == 0:
                row["features"] = features(text)
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(sources)} references written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
