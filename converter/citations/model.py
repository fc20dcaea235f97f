"""The trained reference labeller: loaded once per process, on the first reference parsed.

``jatsconv --help`` and every command that parses no reference never open the model file.
The tagger object of python-crfsuite is not safe to share between threads, so a lock keeps
one reference at a time inside it.
"""

from __future__ import annotations

import json
import threading
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from converter.citations.features import sequence_features, tokenize

MODEL_NAME = "citations.crfsuite"
META_NAME = "citations.json"
_LOCK = threading.Lock()


def model_dir() -> Path:
    return Path(str(resources.files("converter") / "data"))


@cache
def _tagger() -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_dir() / MODEL_NAME))
    return tagger


@cache
def meta() -> dict[str, Any]:
    """What training recorded beside the model: the abstention threshold and the figures."""
    return json.loads((model_dir() / META_NAME).read_text(encoding="utf-8"))


def threshold(group: str) -> float:
    """The abstention threshold of a language group ('en', 'ru'), chosen on the dev split."""
    return float(meta()["thresholds"][group])


# A token of these characters only is cut off every field's edges when the field is read: the
# label it takes where two spans meet changes no field.
_EDGE_ONLY = frozenset(" .,;:–—-")


def label(text: str, tagger: Any = None) -> list[tuple[str, str, float]]:
    """(label, text, confidence) for each span of ``text``; the confidence of a span is the
    lowest marginal probability the model gives any of its tokens.

    A punctuation token where two different spans meet ("2019 ) . Title", "Title , Journal")
    counts as sure as the labels of both sides together: whichever side it joins, the fields
    read are the same. Counting only its own label made such commas and full stops the least
    sure token of most references and abstained on references labelled right."""
    matches = tokenize(text)
    if not matches:
        return []
    tokens = [m.group() for m in matches]
    xseq = sequence_features(tokens)
    tagger = tagger or _tagger()
    with _LOCK:
        tagger.set(xseq)
        labels = tagger.tag()
        marginal = tagger.marginal
        probs = [marginal(y, t) for t, y in enumerate(labels)]
        edges = [None, *labels, None]
        for t, token in enumerate(tokens):
            left, own, right = edges[t], edges[t + 1], edges[t + 2]
            if left != right and _EDGE_ONLY.issuperset(token):
                for side in (left, right):
                    if side is not None and side != own:
                        probs[t] += marginal(side, t)
    spans: list[tuple[str, str, float]] = []
    start = 0
    for t in range(1, len(labels) + 1):
        if t == len(labels) or labels[t] != labels[start]:
            spans.append(
                (labels[start], text[matches[start].start() : matches[t - 1].end()],
                 min(probs[start:t]))
            )  # fmt: skip
            start = t
    return spans
