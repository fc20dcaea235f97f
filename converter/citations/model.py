"""The trained reference labeller: loaded once per process, on the first reference parsed.

``jatsconv --help`` and every command that parses no reference never open the model file.
The tagger object of python-crfsuite is not safe to share between threads, so a lock keeps
one reference at a time inside it.

Training also writes the model's attributes (the features it has weights for) beside it,
``citations.attributes.gz``: the labeller hands CRFsuite only those (``features.TokenCache``),
since building and passing the others costs time and changes nothing. The file names the
model it was written from (size and CRC-32); for any other model it is not used.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
import zlib
from functools import cache
from importlib import resources
from itertools import compress
from operator import ne
from pathlib import Path
from typing import Any

from converter.citations.features import TOKEN, TokenCache, sequence_features

# Training gives the first token of every span its label's begin tag ('B-title', then
# 'title'): the labeller learns where a title or a source starts apart from how it goes on, as
# GROBID's citation model does. The last token of a span of text, two tokens long or more, has
# its label's last tag ('L-title'): most wrong readings are a title, source or author list run
# into its neighbour, and the tag lets the labeller learn how such a field ends. The tags are
# read back as labels here (``label``).
BEGIN = "B-"
LAST = "L-"
# The labels whose spans get a last tag: those of text, whose end is a judgement. (Last tags
# for every label were better on the left-out journals' Cyrillic lines, worse on the fresh
# slice's Russian ones, and cost a third more training time: bench/HISTORY.md, "Last tags".)
_ENDED = frozenset(("author", "editor", "title", "source", "publisher", "place"))
MODEL_NAME = "citations.crfsuite"
META_NAME = "citations.json"
ATTRIBUTES_NAME = "citations.attributes.gz"
_LOCK = threading.Lock()

# The text cut into its tokens and what lies between them ('', ' '): gap, token, gap, …, gap.
# One split gives the tokens (pieces[1::2]) and each span's text (the pieces from its first
# token to its last, joined: the same characters as the slice of the text between them), in
# three quarters of the time of finditer's match objects and their group() (bilingual
# benchmark: 7.9 against 9.0-10.5 µs a reference).
_PIECES = re.compile(f"({TOKEN.pattern})")


def model_dir() -> Path:
    return Path(str(resources.files("converter") / "data"))


@cache
def _tagger() -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_dir() / MODEL_NAME))
    return tagger


def _model_stamp(model: Path) -> str:
    data = model.read_bytes()
    return f"{len(data)} {zlib.crc32(data):08x}"


def training_tags(labels: list[str]) -> list[str]:
    """The tags a reference's labels are trained as: a span's first token ``BEGIN`` + label;
    the last token of a text span (``_ENDED``) of two tokens or more ``LAST`` + label."""
    n = len(labels)
    return [
        BEGIN + label
        if k == 0 or labels[k - 1] != label
        else LAST + label
        if label in _ENDED and (k + 1 == n or labels[k + 1] != label)
        else label
        for k, label in enumerate(labels)
    ]


class _LabelOf(dict[str, str]):
    """A tag's label ('B-title', 'L-title' → 'title'), found once per tag name."""

    def __missing__(self, tag: str) -> str:
        found = self[tag] = tag.removeprefix(BEGIN).removeprefix(LAST)
        return found


_LABEL_OF = _LabelOf()


@cache
def _tags_of(tagger: Any) -> dict[str, tuple[str, ...]]:
    """Each label's tags among a tagger's tag names (a model without begin or last tags: the
    label), kept per tagger (asking CRFsuite for its names costs ~4 µs)."""
    out: dict[str, list[str]] = {}
    for tag in tagger.labels():
        out.setdefault(_LABEL_OF[tag], []).append(tag)
    return {label: tuple(tags) for label, tags in out.items()}


def write_attributes(model: Path, out: Path) -> int:
    """Write the attributes ``model`` has weights for, one a line after the model's stamp
    (gzip without a time stamp: the same model gives the same bytes). Returns their count."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    names = sorted(tagger.info().attributes)  # public API; 0.2 s, too slow at every load
    tagger.close()
    text = "\n".join([_model_stamp(model), *names]) + "\n"
    out.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    return len(names)


def _attribute_lines(model: Path, attributes: Path) -> bytes | None:
    """The attributes file's text after its stamp line, or None when the file is missing or
    was written for another model."""
    try:
        data = gzip.decompress(attributes.read_bytes())
    except OSError:
        return None
    stamp, _, names = data.partition(b"\n")
    return names if stamp.decode() == _model_stamp(model) else None


def attribute_names(model: Path, attributes: Path) -> dict[str, bytes] | None:
    """The attributes written for ``model``, by their text (what ``features.TokenCache`` looks
    names up by), or None when the file is missing or was written for another model (then
    every feature is handed over: slower, same results). (The text is decoded and split once,
    and the pairs made in C: 3–4 ms.)"""
    names = _attribute_lines(model, attributes)
    if names is None:
        return None
    texts = names.decode("utf-8").split("\n")[:-1]
    return dict(zip(texts, names.split(b"\n")[:-1], strict=True))


@cache
def token_features() -> TokenCache | None:
    """The token features cache for the packaged model (see the module's docstring)."""
    folder = model_dir()
    names = attribute_names(folder / MODEL_NAME, folder / ATTRIBUTES_NAME)
    return None if names is None else TokenCache(names)


@cache
def meta() -> dict[str, Any]:
    """What training recorded beside the model: the abstention threshold and the figures."""
    return json.loads((model_dir() / META_NAME).read_text(encoding="utf-8"))


def threshold(group: str) -> float:
    """The abstention threshold of a language group ('en', 'ru'), chosen on the dev split."""
    return float(meta()["thresholds"][group])


def load() -> None:
    """Load the packaged model, its attributes and thresholds now, not on the first reference:
    a batch does it in its main process before its workers fork, and they share them."""
    _tagger()
    token_features()
    meta()


# A token of these characters only is cut off every field's edges when the field is read: the
# label it takes where two spans meet changes no field.
_EDGE_ONLY = frozenset(" .,;:–—-")


def label(
    text: str, tagger: Any = None, enough: float | None = None
) -> list[tuple[str, str, float]]:
    """(label, text, confidence) for each span of ``text``; the confidence is the model's
    probability of its whole labelling (the same for every span), which decides whether the
    reference is structured.

    Why the whole labelling, not the least sure token (as before): ranked by it, the English
    dev references can be structured more widely at the same share entirely right (at 95 %:
    65 % of them against 64 % with the previous model, 69 % against 66 % with the block
    features): several half-sure tokens are more often wrong together than one alone. It is
    also cheaper: marginals are asked only where two spans meet.

    A punctuation token where two different spans meet ("2019 ) . Title", "Title , Journal")
    counts as sure as the labels of both sides together: whichever side it joins, the fields
    read are the same. The probability is scaled by that sum over the token's own marginal
    (without it such commas and full stops abstained on references labelled right).

    ``enough``: a confidence that suffices (``parse_reference``'s threshold). The scaling can
    only raise the probability, so when the probability alone reaches it the marginals are not
    asked (they cost CRFsuite a backward pass; 70-80 % of references): the spans then carry
    that probability, which is on the same side of the threshold as the scaled one."""
    pieces = _PIECES.split(text)
    tokens = pieces[1::2]
    if not tokens:
        return []
    if tagger is None:  # the packaged model: only the attributes it knows
        tagger = _tagger()
        restricted = token_features()
        # ('is None': an empty cache is falsy but is the one to fill)
        xseq = (
            sequence_features(tokens)
            if restricted is None
            else sequence_features(tokens, restricted)
        )
    else:
        xseq = sequence_features(tokens)
    n = len(tokens)
    with _LOCK:
        tagger.set(xseq)
        tags = tagger.tag()
        labels = [*map(_LABEL_OF.__getitem__, tags)]
        joint = tagger.probability(tags)
        # the spans as [start, end): where the label changes (compress, map: no Python step
        # per token)
        cuts = [*compress(range(1, n), map(ne, labels, labels[1:]))]
        if enough is None or joint < enough:  # (else the scaling cannot change the answer)
            # a label's marginal: the sum of its tags' ('B-title', 'title', 'L-title')
            tags_of = _tags_of(tagger)
            tag_marginal = tagger.marginal

            def marginal(label: str, t: int) -> float:
                return sum(tag_marginal(tag, t) for tag in tags_of.get(label, ()))

            # only a token at a span's edge can stand where two spans meet
            edge_only = _EDGE_ONLY.issuperset
            for t in sorted({0, n - 1, *cuts, *[c - 1 for c in cuts]}):
                if not edge_only(tokens[t]):
                    continue  # (most edges are words: the cheap test first)
                left = labels[t - 1] if t else None
                right = labels[t + 1] if t + 1 < n else None
                if left != right:
                    own = labels[t]
                    before = marginal(own, t)
                    sure = before + sum(
                        marginal(side, t)
                        for side in (left, right)
                        if side is not None and side != own
                    )
                    joint *= sure / before
    confidence = min(joint, 1.0)
    return [
        (labels[start], "".join(pieces[2 * start + 1 : 2 * end]), confidence)
        for start, end in zip([0, *cuts], [*cuts, n], strict=True)
    ]
