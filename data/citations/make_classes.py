"""Word classes for the reference labeller, learned from unlabelled reference strings: an
experiment, tried on 4 December 2026 and not kept (bench/HISTORY.md, "Word classes from
unlabelled reference strings"); nothing it writes is committed or read by training.

    python3 data/citations/make_classes.py PLOS_CHECKOUT OUT.tsv [--journals JABREF_CHECKOUT]
        [--exclude-fresh]

A word the labelled rows never had ("Hydrobiologia", "Birkhäuser", a title's rare noun) gives
the CRF nothing but its shape and suffixes; a class shared with words it has seen would give it
their weights (the semi-supervised word-class features of Turian et al. 2010). The classes are
read from where words stand in reference strings, not from their labels:

- the texts: the ``train`` split of ``data/citations/`` (never dev or test, and never AnyStyle's
  gold/good/ugly/bad files) and the ``mixed-citation``s of the 122 articles of
  github.com/PLOS/allofplos, ``allofplos/starter_corpus`` (articles CC BY 4.0 or CC0; the
  repository MIT); with ``--journals``, also the full titles and abbreviations of JabRef's
  journal lists (github.com/JabRef/abbrv.jabref.org, ``journals/*.csv``, CC0 1.0), one a line;
  whitespace collapsed, sorted and deduplicated;
- a word is a token's lower-case core (``features.tokenize``, its punctuation stripped, as the
  features' 'w=' attribute) with a letter and no digit, seen at least ``MIN_COUNT`` times;
- each word is counted with the two tokens on either side (each a frequent token as written,
  lower case, or else its shape) and with its own ending punctuation and capital: positive PMI
  (context counts smoothed to the power 0.75), its top ``DIMS`` singular directions (an
  eigendecomposition of the columns' Gram matrix), rows of unit length;
- k-means (k-means++ from a fixed seed, a fixed number of rounds, weighted by the words' counts)
  cuts them into ``COARSE`` and ``FINE`` classes.

Same inputs, same table: sorted inputs, a fixed seed, one BLAS thread. ``--exclude-fresh`` also
leaves out ``bench/citations_fresh.py``'s fresh slice and left-out journals (the table that
bench's candidate is trained with, so those sets stay unread). Writes word, coarse class, fine
class, a line each (about two minutes of CPU; 0.5 GB of memory with the journal lists; numpy,
not a dependency of the project).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # (one thread: the same sums every run)
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from converter.citations.corpus import load  # noqa: E402
from converter.citations.features import _PUNCT, tokenize  # noqa: E402

MIN_COUNT = 3
CONTEXT_WORDS = 500  # the most frequent tokens, as written; the others by their shape
DIMS = 64
COARSE, FINE = 64, 256
SEED = 12
ROUNDS = 40
_WORD = re.compile(r"^[^\W\d_][^\W\d]*$")
_SHAPE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    "abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя0123456789",
    "X" * 59 + "x" * 59 + "d" * 10,
)
_RUNS = re.compile(r"(.)\1+")


def plos_texts(checkout: Path) -> list[str]:
    """The text of every ``mixed-citation`` of the PLOS starter corpus."""
    out = []
    for path in sorted((checkout / "allofplos" / "starter_corpus").glob("*.xml")):
        root = etree.parse(str(path)).getroot()
        for cit in root.iter("{*}mixed-citation", "mixed-citation"):
            text = " ".join("".join(cit.itertext()).split())
            if text:
                out.append(text)
    return out


def journal_texts(checkout: Path) -> list[str]:
    """The full titles and abbreviations (first two columns) of JabRef's journal lists."""
    out = []
    for path in sorted((checkout / "journals").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as rows:
            for row in csv.reader(rows):
                for cell in row[:2]:
                    text = " ".join(cell.split())
                    if text and len(text) < 200:
                        out.append(text)
    return out


def corpus_texts(exclude_fresh: bool) -> list[str]:
    """The training split's texts (less the fresh bench's unread sets with ``exclude_fresh``)."""
    items = [i for i in load() if i.split == "train"]
    if exclude_fresh:
        from citations_fresh import fresh, journals_out_texts

        out = journals_out_texts()
        items = [i for i in items if not fresh(i.text) and i.text not in out]
    return [i.text for i in items]


def core(token: str) -> str:
    low = token.lower()
    return low.strip(_PUNCT) or low


def shape(token: str) -> str:
    return "S:" + _RUNS.sub(r"\1", token.translate(_SHAPE))[:6]


def classes(texts: list[str]) -> dict[str, tuple[int, int]]:
    """Word → (coarse class, fine class) for the words of ``texts`` (see the module's doc)."""
    sequences = [[m.group() for m in tokenize(text)] for text in texts]
    words = Counter(core(t) for seq in sequences for t in seq)
    vocab = sorted(w for w, n in words.items() if n >= MIN_COUNT and _WORD.match(w))
    row = {w: k for k, w in enumerate(vocab)}
    frequent = Counter(t.lower() for seq in sequences for t in seq)
    top = {t for t, _ in sorted(frequent.items(), key=lambda x: (-x[1], x[0]))[:CONTEXT_WORDS]}
    columns: dict[str, int] = {}
    counts: Counter[tuple[int, int]] = Counter()
    for seq in sequences:
        seen = [t.lower() if t.lower() in top else shape(t) for t in seq]
        padded = ["<s>", "<s>", *seen, "</s>", "</s>"]
        for k, token in enumerate(seq):
            r = row.get(core(token))
            if r is None:
                continue
            end = token[-1] if not token[-1].isalnum() else ""
            for name in (
                "L2:" + padded[k], "L1:" + padded[k + 1], "R1:" + padded[k + 3],
                "R2:" + padded[k + 4], "E:" + end, "C:" + str(token[0].isupper()),
            ):  # fmt: skip
                c = columns.setdefault(name, len(columns))
                counts[r, c] += 1
    m = np.zeros((len(vocab), len(columns)), dtype=np.float32)
    for (r, c), n in sorted(counts.items()):
        m[r, c] = n
    total = m.sum()
    col = m.sum(axis=0) ** 0.75
    col /= col.sum()
    rows = m.sum(axis=1, keepdims=True) / total
    with np.errstate(divide="ignore"):
        pmi = np.log(m / total / rows / col)
    m = np.maximum(pmi, 0.0)
    values, vectors = np.linalg.eigh(m.T @ m)
    top_dirs = vectors[:, np.argsort(values)[::-1][:DIMS]]
    emb = m @ top_dirs
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    counts_ = np.array([words[w] for w in vocab], dtype=float)
    coarse = kmeans(emb, COARSE, counts_)
    fine = kmeans(emb, FINE, counts_)
    return {w: (int(coarse[k]), int(fine[k])) for k, w in enumerate(vocab)}


def kmeans(points: np.ndarray, k: int, weights: np.ndarray) -> np.ndarray:
    """Each point's cluster: k-means++ seeded by ``SEED``, ``ROUNDS`` rounds, weighted by the
    words' counts (a frequent word's place matters more); classes numbered by their first word
    in sorted order, so the ids do not depend on the seed's draws."""
    rng = np.random.default_rng(SEED)
    centres = [points[rng.choice(len(points), p=weights / weights.sum())]]
    near = ((points - centres[0]) ** 2).sum(axis=1)
    for _ in range(k - 1):
        p = near * weights
        centres.append(points[rng.choice(len(points), p=p / p.sum())])
        near = np.minimum(near, ((points - centres[-1]) ** 2).sum(axis=1))
    c = np.array(centres)
    for _ in range(ROUNDS):
        assign = np.argmax(points @ c.T, axis=1)  # unit rows: nearest = largest dot product
        for j in range(k):
            members = assign == j
            if members.any():
                centre = (points[members] * weights[members, None]).sum(axis=0)
                c[j] = centre / max(np.linalg.norm(centre), 1e-12)
    assign = np.argmax(points @ c.T, axis=1)
    order: dict[int, int] = {}
    for a in assign:
        order.setdefault(int(a), len(order))
    return np.array([order[int(a)] for a in assign])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plos", type=Path, help="a checkout of github.com/PLOS/allofplos")
    parser.add_argument("out", type=Path, help="the table to write")
    parser.add_argument("--journals", type=Path, help="a checkout of JabRef/abbrv.jabref.org")
    parser.add_argument("--exclude-fresh", action="store_true")
    args = parser.parse_args()
    texts = set(corpus_texts(args.exclude_fresh)) | set(plos_texts(args.plos))
    if args.journals:
        texts |= set(journal_texts(args.journals))
    texts = sorted(texts)
    table = classes(texts)
    lines = [f"{w}\t{a}\t{b}\n" for w, (a, b) in sorted(table.items())]
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(texts)} texts, {len(table)} words → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
