"""Train the reference labeller on the committed corpora: ``python -m converter.citations.train``.

Trains a linear-chain CRF (python-crfsuite, L-BFGS, fixed parameters and data order, so the
same data gives the same model) on the ``train`` split of ``data/citations/``, chooses the
abstention threshold on the ``dev`` split, measures the ``test`` split, and writes
``converter/data/citations.crfsuite`` and ``citations.json`` (threshold and figures).

    python -m converter.citations.train [--out DIR] [--quick] [--no-test]

``--quick`` trains on a fixed fifth of the training split with fewer iterations: the test
suite uses it to check that training still works and gives the figures recorded for it.
``--no-test`` leaves the test split unread and prints the dev split's figures instead: for
experiments, which are decided on the dev split and ``bench/citations_fresh.py`` (a test
figure read at every try stops being a held-out one). The packaged model is trained without
it: its ``citations.json`` holds the test figures the README quotes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from converter.citations.corpus import Labelled, load
from converter.citations.evaluate import choose_thresholds, predict_all, score
from converter.citations.features import sequence_features
from converter.citations.model import (
    ATTRIBUTES_NAME,
    META_NAME,
    MODEL_NAME,
    model_dir,
    training_tags,
    write_attributes,
)

# possible_states off: weights only for label/attribute pairs seen together in training. On it
# (weights for every pair, so that an attribute can speak against a label) training took twice
# as long, and with 150 iterations instead of 100 a third longer again; with today's data
# neither read better (2 December: on it, 150 iterations, 820 s CPU, dev 67.4 % structured;
# off, 100, 291 s, 70.8 %; on the fresh bench's left-out journals 49.6 % against 49.9 %,
# title / source precision 0.933 / 0.952 against 0.939 / 0.948). Other c1/c2 (0.05–0.3 /
# 0.01–0.2) and attributes seen once left out moved the dev figures within their noise.
# The labels are trained as begin tags and, for text, last tags (``model.training_tags``): 442 s
# of CPU instead of 263 for the begin tags, the largest gain of any change (bench/HISTORY.md,
# "Begin tags"); the last tags took the English dev share at equal precision up again ("Last
# tags").
PARAMS = {
    "c1": 0.1,
    "c2": 0.05,
    "max_iterations": 100,
    "feature.possible_transitions": True,
    "feature.possible_states": False,
}
QUICK = {"every": 5, "max_iterations": 60}
RUSSIAN_WEIGHT = 2  # the Russian rows are few beside ~8000 English ones: each is seen twice
RUSSIAN_SOURCES = frozenset({"russian", "russian-real"})  # the generated rows and the real lists


def train(items: list[Labelled], path: Path, params: dict) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for item in items:
        xseq = sequence_features(item.tokens)
        for _ in range(RUSSIAN_WEIGHT if item.src in RUSSIAN_SOURCES else 1):
            trainer.append(xseq, training_tags(item.labels))
    trainer.set_params(params)
    trainer.train(str(path))


def run(out: Path, quick: bool = False, test: bool = True) -> dict:
    import pycrfsuite

    started = time.process_time()
    items = list(load())
    training = [i for i in items if i.split == "train"]
    params = dict(PARAMS)
    if quick:
        training = training[:: QUICK["every"]]
        params["max_iterations"] = QUICK["max_iterations"]
    out.mkdir(parents=True, exist_ok=True)
    model_path = out / MODEL_NAME
    train(training, model_path, params)
    write_attributes(model_path, out / ATTRIBUTES_NAME)  # what the labeller hands over
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    dev = predict_all([i for i in items if i.split == "dev"], tagger)
    thresholds = choose_thresholds(dev)
    figures = None
    if test:
        figures = score(predict_all([i for i in items if i.split == "test"], tagger), thresholds)
    meta = {
        "thresholds": thresholds,
        "quick": quick,
        "params": params,
        "russian_weight": RUSSIAN_WEIGHT,
        "trained_on": len(training),
        "test": figures,
        "cpu_seconds": round(time.process_time() - started, 1),
    }
    if not test:
        meta["dev"] = score(dev, thresholds)  # (the packaged model's file keeps its keys)
    (out / META_NAME).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=model_dir(), help="folder for the model")
    parser.add_argument("--quick", action="store_true", help="fixed fifth, fewer iterations")
    parser.add_argument(
        "--no-test", action="store_true", help="leave the test split unread; print dev figures"
    )
    args = parser.parse_args(argv)
    if args.no_test and args.out.resolve() == model_dir().resolve():
        parser.error("--no-test writes no test figures: give --out a folder of its own")
    meta = run(args.out, args.quick, test=not args.no_test)
    split = "dev" if args.no_test else "test"
    overall = meta[split]["all"]
    print(
        f"trained on {meta['trained_on']} references in {meta['cpu_seconds']} s CPU; "
        f"thresholds {meta['thresholds']}; {split}: {overall['structured']:.1%} structured, "
        f"micro precision {overall['micro_precision']:.3f}, recall {overall['micro_recall']:.3f}"
    )
    print(f"wrote {args.out / MODEL_NAME}, {args.out / ATTRIBUTES_NAME} and {args.out / META_NAME}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
