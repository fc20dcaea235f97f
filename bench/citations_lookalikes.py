"""How the reference parser reads references typed with the other script's look-alike letters.

    python3 bench/citations_lookalikes.py [--seed N]

Real lists hold words such as "Мoscow" (a Cyrillic "М"), "Cерия" (a Latin "C") or
"СyberLeninkа": 162 of the 8,759 lines of ``data/citations/russian-real.jsonl``. Each dev and
test reference of the corpora (labelled by others and by this project's helpers) gets one
letter of up to two of its words (runs of three or more letters) swapped for its look-alike in
the other script, drawn at random with a fixed seed; the parser then reads both texts. It
prints the share whose labels, and whose ``parse_reference`` result, are those of the clean
text, and the share structured of each. The parser spells such words as meant before it reads
(``converter.citations.parse.spelled``); run from a checkout without that to see what it
changes.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's code

# the look-alike letters swapped (both ways)
_CYRILLIC, _LATIN = "АВЕКМНОРСТХаеорсх", "ABEKMHOPCTXaeopcx"
SWAP = {**dict(zip(_CYRILLIC, _LATIN, strict=True)), **dict(zip(_LATIN, _CYRILLIC, strict=True))}
WORD = re.compile(r"[^\W\d_]{3,}")


def with_look_alikes(text: str, rng: random.Random) -> str:
    """``text`` with one letter of up to two of its words swapped for its look-alike."""
    words = [m for m in WORD.finditer(text) if set(m.group()) & SWAP.keys()]
    for m in rng.sample(words, min(2, len(words))):
        at = rng.choice([m.start() + i for i, ch in enumerate(m.group()) if ch in SWAP])
        text = text[:at] + SWAP[text[at]] + text[at + 1 :]
    return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    from converter.citations.corpus import load
    from converter.citations.model import label
    from converter.citations.parse import parse_reference

    rng = random.Random(args.seed)
    n = same_labels = same_result = clean = typed_structured = 0
    for item in load():
        if item.split not in ("dev", "test"):
            continue
        typed = with_look_alikes(item.text, rng)
        if typed == item.text:
            continue
        n += 1
        labels = [lab for lab, _, _ in label(typed)]
        same_labels += labels == [lab for lab, _, _ in label(item.text)]
        found, meant = parse_reference(typed), parse_reference(item.text)
        same_result += found == meant
        clean += meant is not None
        typed_structured += found is not None
    print(f"python3 bench/citations_lookalikes.py --seed {args.seed}")
    print(f"{n} dev and test references with look-alikes put in")
    print(f"  labels as the clean text's (the labeller alone, unspelled): {same_labels / n:.1%}")
    print(f"  parse_reference's result as the clean text's: {same_result / n:.1%}")
    print(f"  structured: clean {clean / n:.1%}, with look-alikes {typed_structured / n:.1%}")


if __name__ == "__main__":
    main()
