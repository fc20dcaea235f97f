"""The labelled references the labeller is trained and measured on, and how they are split.

``data/citations/*.jsonl`` (see the README there) hold one reference a line as labelled pieces.
Each reference belongs to exactly one split, fixed by its text, never by chance:

- ``test``: held out; never trained on and never used to choose anything. For the Russian set,
  the rows its generator wrote from held-out facts and template variants; for the other
  corpora, one reference in ten (by a hash of its text).
- ``dev``: chooses the abstention thresholds; not trained on. For the Russian set, rows from
  a third pool of facts; for the others, another one in ten by the hash.
- ``train``: everything else.

Copies of one reference (the same letters and digits, whatever the spacing, case and
punctuation) share the split of the first of them, so no test row has a training copy.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from converter.citations.features import tokenize
from converter.citations.fields import language

LABELS = (
    "author", "editor", "year", "title", "title_en", "source", "volume", "issue", "pages",
    "publisher", "place", "doi", "url", "accessed", "note", "other",
)  # fmt: skip

DATA = Path(__file__).resolve().parents[2] / "data" / "citations"
FILES = ("anystyle-core.jsonl", "grobid-citation.jsonl", "russian.jsonl", "russian-real.jsonl")


@dataclass(slots=True)
class Labelled:
    """One labelled reference: its text, its tokens and their labels, and where it came from."""

    text: str
    tokens: list[str]
    labels: list[str]
    src: str
    lang: str
    style: str
    split: str


def _bucket(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16) % 10


def from_row(row: dict) -> Labelled:
    """Tokens and labels of one row: a token takes the label of the piece its first letter or
    digit is in (of the piece it starts in when it has none). A token can straddle two pieces
    where the text has no space between them ("(2011). 'Analysis", "Press ,Oxford"): its
    opening quote or comma then does not decide its label."""
    text = "".join(piece for _, piece in row["seg"])
    bounds: list[tuple[int, str]] = []
    at = 0
    for label, piece in row["seg"]:
        bounds.append((at + len(piece), label))
        at += len(piece)
    tokens: list[str] = []
    labels: list[str] = []
    for match in tokenize(text):
        token = match.group()
        inner = next((i for i, ch in enumerate(token) if ch.isalnum()), 0)
        at = match.start() + inner
        tokens.append(token)
        labels.append(next(label for end, label in bounds if at < end))
    if "split" in row:
        split = row["split"]
    else:
        bucket = _bucket(text)
        split = "test" if bucket == 0 else "dev" if bucket == 1 else "train"
    return Labelled(
        text=text,
        tokens=tokens,
        labels=labels,
        src=row["src"],
        lang=row.get("lang") or language(text),
        style=row.get("style") or row["src"],
        split=split,
    )


def copy_key(text: str) -> str:
    """What two copies of one reference share: its letters and digits, lowercased."""
    return re.sub(r"[\W_]+", "", text.lower())


def load(folder: Path = DATA, files: tuple[str, ...] = FILES) -> Iterator[Labelled]:
    """Every labelled reference of the committed corpora, in file order; a copy of an earlier
    reference takes that reference's split (the corpora repeat some references, a few of
    them across files, and a test row with a training copy would be measured on training)."""
    first_split: dict[str, str] = {}
    for name in files:
        with (folder / name).open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    item = from_row(json.loads(line))
                    item.split = first_split.setdefault(copy_key(item.text), item.split)
                    yield item


def real_journals(folder: Path = DATA) -> dict[str, str]:
    """The journal or proceedings each real reference list line comes from (its ``layout`` in
    ``russian-real.jsonl``, 'journal=cegr'), by the line's text."""
    out = {}
    with (folder / "russian-real.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                out.setdefault(from_row(row).text, row["layout"])  # (a copy: the first)
    return out


def load_anystyle_xml(path: Path) -> Iterator[Labelled]:
    """An AnyStyle XML file (gold.xml and the like) as test references, with our labels.

    Used only to measure: these files are never committed, trained on or tuned on."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_convert", DATA / "convert.py")
    assert spec and spec.loader
    convert = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(convert)
    for row in convert.anystyle(path):
        item = from_row({**row, "src": path.stem})
        item.split = "test"
        yield item
