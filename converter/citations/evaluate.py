"""Field-level precision and recall of the parser on a labelled set (bench and tests share it).

A field the parser emits counts as correct when it equals the label after whitespace and the
spacing of initials are normalised ("И.И." and "И. И." are the same initials); an emitted field
the label does not have counts against precision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from converter.citations.parse import parse_reference

FIELDS = (
    "authors", "year", "title", "source", "volume", "issue", "fpage", "lpage", "doi", "url",
    "accessed", "type",
)  # fmt: skip


def _norm(value: Any) -> Any:
    if isinstance(value, list):
        return [_norm(v) for v in value]
    text = re.sub(r"\s+", " ", str(value)).strip()
    return re.sub(r"\.\s(?=\S\.|\S{2}\.)", ".", text)


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
    """Every labelled reference in the YAML files of ``folder``."""
    items: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.yaml")):
        items.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return items


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
