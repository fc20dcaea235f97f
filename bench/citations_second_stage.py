"""A learned second stage for abstention, measured on references whose errors nobody has read.

    python3 bench/citations_second_stage.py [--model PATH] [--cache PATH]
        [--target all|ts] [--features all|small] [--l2 X] [--fit all|en]

Today a reference is structured when the CRF's probability of its whole labelling clears its
language group's threshold. This bench asks whether a small logistic regression over features
of the labelling (the whole-labelling probability, each written field's least sure token, the
spans' number and lengths, the style's marks, the share of words training never had, …),
trained to predict "every written field of this reference is right", ranks references better:
at the same share structured, fewer wrong titles and sources.

Protocol (``bench/citations_fresh.py``'s model and sets; the test split is never read):

- the CRF is trained on the training split less the fresh slice and the two left-out journals
  (``--model``: kept there and reused when it exists; about 4–7 minutes of CPU);
- the second stage is fitted on the dev split's references as that model labels them; the dev
  figures are its five-fold cross-validated scores (folds by a hash of the text), and the
  unread sets (fresh slice, English and Russian; left-out journals, Cyrillic and Latin script)
  are scored by the stage fitted on the whole dev split;
- for each set and share structured (70 / 75 / 78 / 80 / 83 %; vetoed references are never
  structured), the wrong titles + sources among the surest references by the CRF probability
  and by the learned score, and the largest share at which title and source precision are
  both ≥ 0.97 (among shares from 30 %).

Variants: ``--target ts`` learns "title and source right" instead of every written field;
``--features small`` keeps the probability and the title's, source's, authors' and year's
least sure token, absence and span count; ``--fit en`` fits English references only (the
Russian dev rows are generated and nearly all right: nothing to learn there) and leaves the
Russian ones ranked by the CRF; ``--l2`` the penalty. ``--cache`` keeps the labelled sets
(pickled) so that variants take seconds.

The features are computed by labelling each reference again with every token's marginal: the
parser asks for marginals only where the probability alone does not settle the threshold, so
a shipped second stage would cost a backward pass on every reference (not measured here).

numpy only: no new dependency. bench/HISTORY.md, "A learned second stage for abstention",
has the figures and the decision.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import pickle
import re
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout's code, not an installed copy
sys.path.insert(0, str(ROOT / "bench"))

from citations_fresh import fresh, journals_out_texts  # noqa: E402

from converter.citations.corpus import load  # noqa: E402
from converter.citations.evaluate import (  # noqa: E402
    Prediction,
    _counts,
    _same,
    choose_thresholds,
    predict_all,
    written_fields,
)
from converter.citations.features import sequence_features  # noqa: E402
from converter.citations.model import _LABEL_OF, _PIECES, _tags_of  # noqa: E402
from converter.citations.train import PARAMS, train  # noqa: E402
from converter.citations.ukrainian import as_russian, is_ukrainian  # noqa: E402

SHARES = (0.70, 0.75, 0.78, 0.80, 0.83)
TARGET = 0.97
# the fields whose least sure token is a feature ('pages' stands for fpage and lpage)
MARGINAL_FIELDS = ("author", "title", "source", "year", "volume", "issue", "pages")
# --features small: the whole labelling's probability and the title's, source's, authors' and
# year's least sure token, whether each is missing and in how many spans
SMALL = ("conf", "title", "source", "author", "year", "n_spans", "ru")
FOLDS = 5
L2 = 1.0  # ridge penalty on the standardized weights (the intercept is free)


@dataclass(slots=True)
class Case:
    """One reference as the fresh model reads it: the prediction and the stage's features."""

    pred: Prediction
    features: dict[str, float]
    right: bool  # every written field emitted is the one labelled
    wrong_ts: int  # wrong titles + sources among those emitted
    title: tuple[int, int]  # (emitted, right)
    source: tuple[int, int]


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


_QUOTES = re.compile(r"[\"“”«»„]")
_IN = re.compile(r"(?:^|[\s.,])(?:In|В|в)\s?:|\bIn\s+[A-Z]")
_YEAR_PAREN = re.compile(r"\((?:19|20)\d\d[a-z]?\)")


def features_of(p: Prediction, tagger: Any, seen: set[str]) -> dict[str, float]:
    """The labelling's features (labelled again here to ask for every token's marginal)."""
    shown = as_russian(p.text) if is_ukrainian(p.text) else p.text
    tokens = _PIECES.split(shown)[1::2]
    n = max(len(tokens), 1)
    tagger.set(sequence_features(tokens))
    tags = tagger.tag()
    labels = [_LABEL_OF[t] for t in tags]
    tags_of = _tags_of(tagger)
    marg = [sum(tagger.marginal(t, k) for t in tags_of[lab]) for k, lab in enumerate(labels)]
    spans: list[tuple[str, int, int]] = []
    for k, lab in enumerate(labels):
        if spans and spans[-1][0] == lab:
            spans[-1] = (lab, spans[-1][1], k + 1)
        else:
            spans.append((lab, k, k + 1))
    f: dict[str, float] = {}
    f["logit_conf"] = _logit(p.confidence)
    f["conf"] = p.confidence
    f["ru"] = float(p.group == "ru")
    f["ru_x_logit_conf"] = f["ru"] * f["logit_conf"]
    f["logit_min_marg"] = _logit(min(marg, default=1.0))
    f["mean_log_marg"] = sum(math.log(max(m, 1e-6)) for m in marg) / n
    f["n_below_90"] = sum(m < 0.9 for m in marg) / n
    for name in MARGINAL_FIELDS:
        mine = [m for m, lab in zip(marg, labels, strict=True) if lab == name]
        f[f"missing_{name}"] = float(not mine)
        f[f"logit_min_{name}"] = _logit(min(mine)) if mine else _logit(1.0)
        count = sum(1 for lab, _, _ in spans if lab == name)
        f[f"spans_{name}"] = float(count)
        f[f"len_{name}"] = math.log1p(sum(e - s for lab, s, e in spans if lab == name))
    f["n_spans"] = float(len(spans))
    f["log_tokens"] = math.log(n)
    f["other_note"] = sum(lab in ("other", "note") for lab in labels) / n
    f["has_slashes"] = float("//" in p.text)
    f["has_quotes"] = float(bool(_QUOTES.search(p.text)))
    f["has_in"] = float(bool(_IN.search(p.text)))
    f["year_paren"] = float(bool(_YEAR_PAREN.search(p.text)))
    years = [s for lab, s, _ in spans if lab == "year"]
    f["year_position"] = years[0] / n if years else 1.0
    cit = p.found
    for kind in ("book", "chapter", "article"):
        f[f"type_{kind}"] = float(cit.type == kind)
    f["fpage_no_lpage"] = float(bool(cit.fpage) and not cit.lpage)
    f["has_doi"] = float(bool(cit.doi))
    f["has_url"] = float(bool(cit.url))
    words = [t.casefold() for t in tokens if any(c.isalpha() for c in t)]
    f["unseen"] = sum(w not in seen for w in words) / len(words) if words else 0.0
    return f


def judged(p: Prediction, tagger: Any, seen: set[str]) -> Case:
    wrong = 0
    right = True
    counts = {"title": [0, 0], "source": [0, 0]}
    for name in written_fields(p.group):
        got, want = getattr(p.found, name), getattr(p.gold, name)
        if got in (None, []):
            continue
        ok = want not in (None, []) and _same(name, got, want)
        right &= ok
        if name in counts:
            counts[name][0] += 1
            counts[name][1] += ok
            wrong += not ok
    return Case(
        p,
        features_of(p, tagger, seen),
        right,
        wrong,
        (counts["title"][0], counts["title"][1]),
        (counts["source"][0], counts["source"][1]),
    )


# ------------------------------------------------------------------ the second stage


class Stage:
    """Ridge-penalized logistic regression on standardized features (Newton's method)."""

    def __init__(self, names: list[str], l2: float = L2, target: str = "all") -> None:
        self.names = names
        self.l2 = l2
        self.target = target  # 'all': every written field right; 'ts': title and source
        self.mean = np.zeros(len(names))
        self.scale = np.ones(len(names))
        self.w = np.zeros(len(names) + 1)

    def _x(self, cases: list[Case]) -> np.ndarray:
        raw = np.array([[c.features[n] for n in self.names] for c in cases], dtype=float)
        return np.hstack([np.ones((len(cases), 1)), (raw - self.mean) / self.scale])

    def fit(self, cases: list[Case]) -> Stage:
        raw = np.array([[c.features[n] for n in self.names] for c in cases], dtype=float)
        self.mean = raw.mean(axis=0)
        self.scale = np.where(raw.std(axis=0) > 0, raw.std(axis=0), 1.0)
        x = self._x(cases)
        if self.target == "all":
            y = np.array([c.right for c in cases], dtype=float)
        else:
            y = np.array([c.wrong_ts == 0 for c in cases], dtype=float)
        penalty = np.full(len(self.w), self.l2)
        penalty[0] = 0.0
        w = np.zeros(x.shape[1])
        for _ in range(50):
            p = 1 / (1 + np.exp(-(x @ w)))
            grad = x.T @ (p - y) + penalty * w
            hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(len(w))
            step = np.linalg.solve(hess, grad)
            w -= step
            if np.abs(step).max() < 1e-8:
                break
        self.w = w
        return self

    def score(self, cases: list[Case]) -> np.ndarray:
        return 1 / (1 + np.exp(-(self._x(cases) @ self.w)))


def _fold(text: str) -> int:
    return int(hashlib.sha1(("stage:" + text).encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def cross_validated(cases: list[Case], make: Any) -> np.ndarray:
    out = np.zeros(len(cases))
    folds = np.array([_fold(c.pred.text) for c in cases])
    for k in range(FOLDS):
        train_cases = [c for c, f in zip(cases, folds, strict=True) if f != k]
        held = [i for i, f in enumerate(folds) if f == k]
        stage = make().fit(train_cases)
        out[held] = stage.score([cases[i] for i in held])
    return out


# ------------------------------------------------------------------ the measurement


def _order(cases: list[Case], scores: np.ndarray) -> list[int]:
    """Non-vetoed references, surest first (ties by a hash of the text: the same for both)."""
    keyed = [
        (-float(scores[i]), hashlib.sha1(c.pred.text.encode()).hexdigest(), i)
        for i, c in enumerate(cases)
        if c.pred.veto is None
    ]
    return [i for _, _, i in sorted(keyed)]


def at_share(cases: list[Case], scores: np.ndarray, share: float) -> tuple[int, float, float]:
    """Wrong titles + sources, title and source precision among the surest ``share``."""
    order = _order(cases, scores)[: round(share * len(cases))]
    wrong = sum(cases[i].wrong_ts for i in order)
    t = [sum(cases[i].title[j] for i in order) for j in (0, 1)]
    s = [sum(cases[i].source[j] for i in order) for j in (0, 1)]
    return wrong, t[1] / max(t[0], 1), s[1] / max(s[0], 1)


def widest(cases: list[Case], scores: np.ndarray) -> float:
    """The largest share (from 30 %) structured with title and source precision ≥ 0.97."""
    order = _order(cases, scores)
    best = 0.0
    te = tr = se = sr = 0
    for k, i in enumerate(order, 1):
        c = cases[i]
        te, tr = te + c.title[0], tr + c.title[1]
        se, sr = se + c.source[0], sr + c.source[1]
        share = k / len(cases)
        if share >= 0.30 and tr >= TARGET * te and sr >= TARGET * se:
            best = share
    return best


def stays(cases: list[Case], scores: np.ndarray) -> float:
    """The largest share up to which title and source precision stay ≥ 0.97 at every share
    from 50 % (0 when they are below it at 50 %)."""
    order = _order(cases, scores)
    best = 0.0
    te = tr = se = sr = 0
    for k, i in enumerate(order, 1):
        c = cases[i]
        te, tr = te + c.title[0], tr + c.title[1]
        se, sr = se + c.source[0], sr + c.source[1]
        share = k / len(cases)
        if share < 0.50:
            continue
        if tr < TARGET * te or sr < TARGET * se:
            break
        best = share
    return best


def report(name: str, cases: list[Case], crf: np.ndarray, learned: np.ndarray) -> None:
    cells = []
    for scores in (crf, learned):
        counts = [at_share(cases, scores, s) for s in SHARES]
        cells.append("/".join(str(w) for w, _, _ in counts))
        cells.append(f"{widest(cases, scores):.1%}, {stays(cases, scores):.1%}")
    free = sum(c.pred.veto is None for c in cases) / len(cases)
    print(
        f"| {name} ({len(cases)}; {free:.1%} not vetoed) | {cells[0]} | {cells[2]} | "
        f"{cells[1]} | {cells[3]} |"
    )


def paired_bootstrap(
    cases: list[Case], crf: np.ndarray, learned: np.ndarray, share: float, rounds: int = 300
) -> tuple[float, float]:
    """5th and 95th percentile of (CRF − learned) wrong titles + sources at ``share`` over
    references resampled with replacement: how much of a difference one set's luck makes."""
    rng = np.random.default_rng(12)
    diffs = []
    for _ in range(rounds):
        pick = rng.integers(0, len(cases), len(cases))
        sample = [cases[i] for i in pick]
        diffs.append(
            at_share(sample, crf[pick], share)[0] - at_share(sample, learned[pick], share)[0]
        )
    return float(np.percentile(diffs, 5)), float(np.percentile(diffs, 95))


def build_cases(model: Path) -> dict[str, list[Case]]:
    import pycrfsuite

    items = list(load())
    out_texts = journals_out_texts()
    training = [i for i in items if i.split == "train" and i.text not in out_texts]
    left_out = [i for i in items if i.split == "train" and i.text in out_texts]
    kept = [i for i in training if not fresh(i.text)]
    slice_ = [i for i in training if fresh(i.text)]
    if not model.exists():
        started = time.process_time()
        model.parent.mkdir(parents=True, exist_ok=True)
        partial = model.with_suffix(".partial")  # (an interrupted training is not reused)
        train(kept, partial, dict(PARAMS))
        partial.rename(model)
        print(f"trained {model} in {time.process_time() - started:.0f} s CPU")
    seen = {t.casefold() for i in kept for t in i.tokens}
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    sets = {
        "dev": predict_all([i for i in items if i.split == "dev"], tagger),
        "fresh": predict_all(slice_, tagger),
        "left_out": predict_all(left_out, tagger),
    }
    return {key: [judged(p, tagger, seen) for p in preds] for key, preds in sets.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=Path("/tmp/m/fresh.crfsuite"))
    parser.add_argument("--cache", type=Path, help="keep / reuse the labelled sets here")
    parser.add_argument("--target", choices=("all", "ts"), default="all")
    parser.add_argument("--features", choices=("all", "small"), default="all")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--fit", choices=("all", "en"), default="all", help="groups fitted")
    args = parser.parse_args()
    print("command: python3 bench/citations_second_stage.py " + " ".join(sys.argv[1:]))
    if args.cache and args.cache.exists():
        sets = pickle.loads(args.cache.read_bytes())
    else:
        sets = build_cases(args.model)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(sets))
    dev = sets["dev"]
    names = sorted(dev[0].features)
    if args.features == "small":
        names = [n for n in names if n.split("_")[-1] in SMALL or n in SMALL]
    print(f"features: {len(names)}; target {args.target}; l2 {args.l2}; fit on {args.fit}")
    fitted = [c for c in dev if args.fit == "all" or c.pred.group == args.fit]
    cv = np.array([c.pred.confidence for c in dev])
    cv[[i for i, c in enumerate(dev) if c in fitted]] = cross_validated(
        fitted, lambda: Stage(names, args.l2, args.target)
    )
    stage = Stage(names, args.l2, args.target).fit(fitted)

    def scored(cases: list[Case]) -> np.ndarray:
        """The stage's score for the groups it is fitted on, the CRF's for the others."""
        out = np.array([c.pred.confidence for c in cases])
        mine = [i for i, c in enumerate(cases) if args.fit == "all" or c.pred.group == args.fit]
        out[mine] = stage.score([cases[i] for i in mine])
        return out

    print("weights (standardized):")
    for n, w in sorted(zip(names, stage.w[1:], strict=True), key=lambda x: -abs(x[1])):
        print(f"  {n:<22}{w:+.3f}")
    groups = {
        "dev English": (dev, cv, "en"),
        "dev Russian": (dev, cv, "ru"),
    }
    fresh_scores, out_scores = scored(sets["fresh"]), scored(sets["left_out"])
    groups["fresh slice English"] = (sets["fresh"], fresh_scores, "en")
    groups["fresh slice Russian"] = (sets["fresh"], fresh_scores, "ru")
    groups["left-out Cyrillic"] = (sets["left_out"], out_scores, "ru")
    groups["left-out Latin script"] = (sets["left_out"], out_scores, "en")
    shares = " / ".join(f"{s:.0%}" for s in SHARES)
    print(f"wrong titles + sources among the surest {shares}; widest share at ≥ {TARGET}:")
    print("(widest: the largest share at ≥ 0.97; stays: ≥ 0.97 at every share from 50 % up to it)")
    print("| set | CRF probability | learned | CRF widest, stays | learned widest, stays |")
    print("|---|---|---|---|---|")
    for name, (cases, scores, group) in groups.items():
        pick = [i for i, c in enumerate(cases) if c.pred.group == group]
        sub = [cases[i] for i in pick]
        crf = np.array([c.pred.confidence for c in sub])
        report(name, sub, crf, scores[pick])
    print("thresholds chosen on dev as choose_thresholds does (the learned: on its CV scores):")
    dev_crf = [c.pred for c in dev]
    dev_learned = [replace(c.pred, confidence=float(x)) for c, x in zip(dev, cv, strict=True)]
    chosen = {"CRF": choose_thresholds(dev_crf), "learned": choose_thresholds(dev_learned)}
    print(f"  {chosen}")
    for name, (cases, scores, group) in groups.items():
        sub = [(c, x) for c, x in zip(cases, scores, strict=True) if c.pred.group == group]
        cells = []
        for kind, thresholds in chosen.items():
            preds = [
                c.pred if kind == "CRF" else replace(c.pred, confidence=float(x)) for c, x in sub
            ]
            counts = _counts(preds, thresholds)
            t, so = counts["fields"]["title"], counts["fields"]["source"]
            cells.append(
                f"{kind} {counts['structured']:.1%}; {t['precision'] or 0:.3f} / "
                f"{so['precision'] or 0:.3f}"
            )
        print(f"  {name}: " + "   ".join(cells))
    print("paired bootstrap, CRF − learned wrong titles + sources (5th, 95th percentile):")
    for name, (cases, scores, group) in groups.items():
        pick = [i for i, c in enumerate(cases) if c.pred.group == group]
        sub = [cases[i] for i in pick]
        crf = np.array([c.pred.confidence for c in sub])
        for share in (0.75, 0.80):
            lo, hi = paired_bootstrap(sub, crf, scores[pick], share)
            print(f"  {name} at {share:.0%}: {lo:+.0f} … {hi:+.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
