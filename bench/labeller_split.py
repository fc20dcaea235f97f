"""Where the citation labeller's time goes, per reference: CPU of each step of
``parse_reference`` on the references of ``bench_batch.py``'s generated articles.

The batch spends half or more of its CPU in the labeller (``bench_batch.py --stages``:
"enrich"); this splits that figure into the steps of one parse, in the order they run:

* tokenize: the token regex over the text;
* features: ``sequence_features`` (each distinct token's features are cached, as in a batch,
  and only the attributes the model knows are kept, as ``model.label`` does);
* set: handing the feature strings to CRFsuite (``Tagger.set``: UTF-8 encoding, attribute
  look-ups in the model, the state scores);
* viterbi, marginals: the best labels and each token's marginal probability;
* spans: labels grouped into spans with their confidence;
* build, veto: the spans made into a ``Citation`` and the sanity rules applied.

Every reference is parsed once, in article order, so the token cache fills as in a batch
(made-up words never repeat across articles; "С.", years and journal words do).

Usage::

    python3 bench/labeller_split.py --kind bilingual -n 200
    python3 bench/labeller_split.py --kind seed -n 300

The articles are read from ``bench_batch.py``'s work folder (``--workdir``, run it once with
the same kind first). Nothing here is asserted: the figures are for the README.
"""

from __future__ import annotations

import argparse
import gc
import os
import shlex
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STEPS = ("tokenize", "features", "set", "viterbi", "marginals", "spans", "build", "veto")


def references(folder: Path, count: int) -> list[str]:
    """The main-language reference texts of the first ``count`` articles (after the first)."""
    from converter.citations.parse import normalize
    from converter.readers.native import parse_data

    texts = []
    for path in sorted(folder.rglob("article-*.yaml"))[1 : count + 1]:
        data = parse_data(path.read_text(encoding="utf-8"), str(path))
        lang = data.get("language", "en")
        for ref in data.get("references", []):
            text = ref if isinstance(ref, str) else ref["text"]
            if isinstance(text, dict):
                text = text.get(lang) or next(iter(text.values()))
            texts.append(normalize(text))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", choices=["bilingual", "seed"], default="bilingual")
    parser.add_argument("-n", type=int, default=200, help="articles read (default 200)")
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "jatsconv-bench"
    )
    args = parser.parse_args()
    folders = sorted(f for f in args.workdir.glob(f"{args.kind}-*") if (f / ".complete").is_file())
    if not folders:
        raise SystemExit(f"no {args.kind} articles in {args.workdir}: run bench_batch.py first")

    import pycrfsuite

    from converter.citations.features import sequence_features, tokenize
    from converter.citations.fields import build, veto
    from converter.citations.model import MODEL_NAME, meta, model_dir, token_features

    texts = references(folders[0], args.n)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_dir() / MODEL_NAME))
    meta()
    known = token_features()
    gc.freeze()  # as a batch worker does
    gc.disable()
    clock = time.process_time
    totals = dict.fromkeys(STEPS, 0.0)
    tokens_seen = 0
    for text in texts:
        t0 = clock()
        matches = tokenize(text)
        tokens = [m.group() for m in matches]
        t1 = clock()
        xseq = sequence_features(tokens) if known is None else sequence_features(tokens, known)
        t2 = clock()
        tagger.set(xseq)
        t3 = clock()
        labels = tagger.tag()
        t4 = clock()
        marginal = tagger.marginal
        probs = [marginal(y, t) for t, y in enumerate(labels)]
        t5 = clock()
        spans = []
        start = 0
        for t in range(1, len(labels) + 1):
            if t == len(labels) or labels[t] != labels[start]:
                piece = text[matches[start].start() : matches[t - 1].end()]
                spans.append((labels[start], piece, min(probs[start:t])))
                start = t
        t6 = clock()
        citation = build(spans, text)
        t7 = clock()
        veto(citation)
        t8 = clock()
        tokens_seen += len(tokens)
        for key, begin, end in zip(
            STEPS, (t0, t1, t2, t3, t4, t5, t6, t7), (t1, t2, t3, t4, t5, t6, t7, t8), strict=True
        ):
            totals[key] += end - begin
    n = len(texts)
    print(
        f"{n} {args.kind} references from {folders[0]} "
        f"({tokens_seen / n:.1f} tokens each), CPU per reference:"
    )
    for key, seconds in totals.items():
        print(f"  {key:10} {seconds / n * 1000:6.4f} ms")
    print(f"  {'total':10} {sum(totals.values()) / n * 1000:6.4f} ms")
    print(f"machine load: {os.getloadavg()[0]:.1f}")
    argv = ["python3", "bench/labeller_split.py", "--kind", args.kind, "-n", str(args.n)]
    print(f"command:      {shlex.join(argv)}")


if __name__ == "__main__":
    main()
