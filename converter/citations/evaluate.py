"""Field precision and recall of the reference parser (bench, training and tests share it).

Two measurements:

- **Held-out** (``predict_all`` / ``score``): labelled references the model was never trained
  on. The hand labels and the model's labels go through the same span → field reading, so a
  field is right when the model gave it the annotator's words. A reference counts as
  structured when the parser would write an ``element-citation`` for it (every used span above
  the threshold, no veto); only structured references emit fields, and recall counts every
  labelled field, structured or not.
- **Regression** (``load_labelled`` / ``evaluate``): the project's self-written YAML set in
  ``tests/data/references`` with the parts a cataloguer gives, compared to ``parse_reference``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from converter.citations.corpus import Labelled
from converter.citations.fields import (
    IMPRINT_GROUPS,
    Citation,
    build,
    place_name,
    publisher_name,
    threshold_group,
)
from converter.citations.parse import (
    parse_reference,
    read,
    spans_from_labels,
    spelled,
)
from converter.misdecoded import repaired
from converter.scripts import unmixed

FIELDS = (
    "authors", "year", "title", "source", "volume", "issue", "fpage", "lpage", "doi", "url",
    "accessed", "type",
)  # fmt: skip
# Fields of the held-out measurement (the type is not labelled in the corpora).
HELD_FIELDS = (
    "authors", "editors", "year", "title", "title_en", "source", "volume", "issue", "fpage",
    "lpage", "publisher", "place", "doi", "url", "accessed",
)  # fmt: skip
CORE = ("authors", "year", "title", "source")
# Fields the element-citation is written with: the precision target and the threshold are theirs.
WRITTEN = (
    "authors", "year", "title", "title_en", "source", "volume", "issue", "fpage", "lpage",
    "doi", "url", "accessed",
)  # fmt: skip
# … and, for the groups whose imprint is written (``fields.IMPRINT_GROUPS``), these
IMPRINT = ("publisher", "place")
PRECISION_TARGET = 0.97
MIN_SUPPORT = 15  # a field emitted fewer times on the dev split does not steer the threshold


def written_fields(group: str) -> tuple[str, ...]:
    """The fields an element-citation of a language group ('en', 'ru') is written with."""
    return WRITTEN + IMPRINT if group in IMPRINT_GROUPS else WRITTEN


# The imprint is compared as it is written (``fields.written_imprint``): the labels' "Nauka
# Publ." and a reading's "Nauka", GOST's "М." and "Москва", are one name in publisher-name.
_AS_WRITTEN = {"publisher": publisher_name, "place": place_name}


def _same(name: str, got: Any, want: Any) -> bool:
    """Whether a field read is the field labelled (``_AS_WRITTEN``'s fields as written)."""
    written = _AS_WRITTEN.get(name)
    if written is not None:
        got, want = written(got), written(want)
    return _norm(got) == _norm(want)


def _norm(value: Any) -> Any:
    if isinstance(value, list):
        return [_norm(v) for v in value]
    text = re.sub(r"\s+", " ", str(value)).strip().rstrip(".")
    return re.sub(r"\.\s(?=\S\.|\S{2}\.)", ".", text)


# ------------------------------------------------------------------ held-out measurement


@dataclass(slots=True)
class Prediction:
    lang: str
    style: str
    gold: Citation
    found: Citation
    confidence: float
    veto: str | None
    text: str
    group: str  # the threshold that applies ('en', 'ru'), as parse_reference decides it


def predict_all(items: Iterable[Labelled], tagger: Any = None) -> list[Prediction]:
    out = []
    for item in items:
        # read as parse_reference reads it (``parse.spelled``), and the hand labels over the
        # same meant words: a gold "Мoscow" is the Moscow the parser writes (spelling keeps
        # each letter's place), a gold "SchÃ¼hlen" the Schühlen (a repair does not: each
        # labelled part is repaired)
        meant = unmixed(item.text) or item.text
        text = spelled(item.text)
        spans = spans_from_labels(meant, item.labels)
        as_meant = repaired(meant)
        if as_meant is not None:
            spans = [(label, repaired(piece) or piece, sure) for label, piece, sure in spans]
        gold = build(spans, as_meant or meant)
        found, confidence, problem = read(text, tagger)
        out.append(
            Prediction(
                item.lang, item.style, gold, found, confidence, problem, text, threshold_group(text)
            )
        )
    return out


def _counts(preds: list[Prediction], thresholds: dict[str, float]) -> dict[str, Any]:
    emitted = dict.fromkeys(HELD_FIELDS, 0)
    correct = dict.fromkeys(HELD_FIELDS, 0)
    expected = dict.fromkeys(HELD_FIELDS, 0)
    structured = 0
    for p in preds:
        ok = p.veto is None and p.confidence >= thresholds[p.group]
        structured += ok
        for name in HELD_FIELDS:
            want = getattr(p.gold, name)
            if want not in (None, []):
                expected[name] += 1
            got = getattr(p.found, name)
            if not ok or got in (None, []):
                continue
            emitted[name] += 1
            if want not in (None, []) and _same(name, got, want):
                correct[name] += 1
    fields = {}
    for name in HELD_FIELDS:
        fields[name] = {
            "emitted": emitted[name],
            "correct": correct[name],
            "expected": expected[name],
            "precision": round(correct[name] / emitted[name], 4) if emitted[name] else None,
            "recall": round(correct[name] / expected[name], 4) if expected[name] else None,
        }
    total_emitted, total_correct = sum(emitted.values()), sum(correct.values())
    return {
        "references": len(preds),
        "structured": round(structured / len(preds), 4) if preds else 0.0,
        "micro_precision": round(total_correct / total_emitted, 4) if total_emitted else 0.0,
        "micro_recall": round(total_correct / max(1, sum(expected.values())), 4),
        "fields": fields,
    }


def score(preds: list[Prediction], thresholds: dict[str, float]) -> dict[str, Any]:
    """Figures for all references, per language ('en', 'ru', 'ru-Latn') and per style."""
    out = {"all": _counts(preds, thresholds)}
    for key in sorted({p.lang for p in preds}):
        out[f"lang:{key}"] = _counts([p for p in preds if p.lang == key], thresholds)
    for key in sorted({p.style for p in preds}):
        out[f"style:{key}"] = _counts([p for p in preds if p.style == key], thresholds)
    return out


MARGIN = 0.005  # dev precision must clear the 0.97 target by this much


def choose_thresholds(dev: list[Prediction]) -> dict[str, float]:
    """Per language group ('en', 'ru'): the lowest threshold from which on every written field
    emitted often enough on the dev split keeps precision ≥ 0.975 at that threshold and at
    every higher one; the most precise threshold if none does.

    "From which on": precision does not rise steadily with the threshold, and the first
    threshold that happens to reach the target on the dev split can sit in a lucky dip of the
    errors, which the test split does not share. Never below 0.5: a span the labeller thinks
    more likely wrong than right is not written, however clean the dev rows (the generated
    Russian rows allowed 0.3, and real lists then gave "RNT." as a publisher and the article
    title as a book).

    Each group's threshold is its own: the Russian dev rows, like the test rows, are written
    from facts and layout variants the training rows never use (``make_russian.py``), so they
    show the errors unseen layouts cause."""
    out = {}
    for group in ("en", "ru"):
        preds = [p for p in dev if p.group == group]
        written = written_fields(group)
        best, best_precision = 0.995, -1.0
        for step in range(199, 99, -1):  # 0.995 down to 0.50: never below even odds
            t = step / 200
            fields = _counts(preds, {group: t})["fields"]
            worst = min(
                (f["precision"] for name, f in fields.items()
                 if name in written and f["emitted"] >= MIN_SUPPORT
                 and f["precision"] is not None),
                default=1.0,
            )  # fmt: skip
            if worst >= PRECISION_TARGET + MARGIN:
                best, best_precision = t, 2.0
            elif best_precision > 1.0:
                break  # the first threshold below the stable range
            elif worst > best_precision:
                best, best_precision = t, worst
        out[group] = best
    return out


# ------------------------------------------------------------------ regression set


@dataclass(slots=True)
class Score:
    """Counts per field: emitted, correct, expected; and the wrong emissions, for reading."""

    emitted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    references: int = 0
    structured: int = 0
    errors: list[str] = field(default_factory=list)

    def precision(self, name: str) -> float | None:
        return self.correct[name] / self.emitted[name] if self.emitted[name] else None

    def recall(self, name: str) -> float | None:
        return self.correct[name] / self.expected[name] if self.expected[name] else None


def load_labelled(folder: Path) -> list[dict[str, Any]]:
    """Every labelled reference in the YAML files of ``folder`` (the project's own data: read
    with libyaml's loader; an error names the file and line)."""
    items: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.yaml")):
        with path.open("rb") as handle:
            items.extend(yaml.load(handle, Loader=_YAML_LOADER) or [])
    return items


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def evaluate(items: Iterable[dict[str, Any]]) -> Score:
    score = Score()
    for item in items:
        score.references += 1
        expected = item.get("expected") or {}
        found = parse_reference(item["text"])
        got = found.fields() if found else {}
        if found:
            score.structured += 1
        for name in FIELDS:
            if expected.get(name) not in (None, []):
                score.expected[name] += 1
            if got.get(name) in (None, []):
                continue
            score.emitted[name] += 1
            if expected.get(name) is not None and _norm(got[name]) == _norm(expected[name]):
                score.correct[name] += 1
            else:
                score.errors.append(
                    f"{name}: got {got[name]!r}, expected {expected.get(name)!r} in {item['text']}"
                )
    return score
