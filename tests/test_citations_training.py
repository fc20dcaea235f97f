"""Issue 12's reproducibility promise: a fresh clone retrains the shipped model with one command
and gets the figures recorded beside it, ±0.01.

A full training run (about a minute of CPU) into a temporary folder, compared field by field,
per language, with ``converter/data/citations.json``: the committed model is what the
committed data and code make, not a file nobody can rebuild.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "converter" / "data" / "citations.json"
GROUPS = ("all", "lang:en", "lang:ru", "lang:ru-Latn")
TOLERANCE = 0.01


def _figures(meta: dict, group: str) -> dict[str, float]:
    counts = meta["test"][group]
    out = {
        "structured": counts["structured"],
        "micro_precision": counts["micro_precision"],
        "micro_recall": counts["micro_recall"],
    }
    for name, field in counts["fields"].items():
        for key in ("precision", "recall"):
            if field[key] is not None and field["expected"] >= 20:
                out[f"{name}.{key}"] = field[key]
    return out


def test_full_training_run_reproduces_the_shipped_model_figures(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "converter.citations.train", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    fresh = json.loads((tmp_path / "citations.json").read_text(encoding="utf-8"))
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert fresh["quick"] is False
    assert fresh["thresholds"] == shipped["thresholds"]
    differences = []
    for group in GROUPS:
        want, got = _figures(shipped, group), _figures(fresh, group)
        assert want.keys() == got.keys(), group
        differences += [
            f"{group} {key}: shipped {want[key]}, retrained {got[key]}"
            for key in want
            if abs(want[key] - got[key]) > TOLERANCE
        ]
    assert not differences, "\n".join(differences)
