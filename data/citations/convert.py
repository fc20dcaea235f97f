"""Convert openly licensed labelled reference corpora into the compact format the trainer reads.

    python3 data/citations/convert.py ANYSTYLE_CHECKOUT GROBID_CHECKOUT

Reads AnyStyle's ``res/parser/core.xml`` (BSD-2-Clause) and GROBID's
``grobid-trainer/resources/dataset/citation/corpus/*.xml`` (Apache-2.0) and writes
``anystyle-core.jsonl`` and ``grobid-citation.jsonl`` beside this file: one reference a line,
``{"src": corpus, "seg": [[label, text], ...]}``, where the texts joined give the reference
exactly and the labels are ours (``converter.citations.labels``). The corpora's own labels are
mapped once here, so the trainer never sees two vocabularies. AnyStyle's other files
(gold/good/ugly/bad) are never read: they are the independent check.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent

ANYSTYLE = {
    "author": "author", "editor": "editor", "translator": "editor", "director": "author",
    "producer": "author", "date": "year", "title": "title", "container-title": "source",
    "journal": "source", "volume": "volume", "pages": "pages", "publisher": "publisher",
    "location": "place", "doi": "doi", "url": "url", "note": "note", "genre": "note",
    "edition": "note", "collection-title": "note", "isbn": "note", "medium": "note",
    "source": "note", "citation-number": "other",
}  # fmt: skip

_SPACE = re.compile(r"\s+")
# Inside an AnyStyle 'volume' span the issue is written '(3)' or after 'no.' / 'issue' / '№'.
_ISSUE_IN_VOLUME = re.compile(
    r"\(\s*[\w–—/-]+\s*\)|(?:\b(?:no|nos|iss|issue|n°|nr|heft)\.?|№)\s*[\w–—/-]+", re.I
)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text)


# AnyStyle labels whitespace-separated words, so '137(3):322–331.' is one 'volume' word; the
# pages after the colon are split off as such.
_PAGES_IN_VOLUME = re.compile(r":\s*[A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?[.,;)]*\s*$")


def _split_volume(text: str) -> list[list[str]]:
    pages = _PAGES_IN_VOLUME.search(text)
    tail = [["pages", text[pages.start() :]]] if pages else []
    if pages:
        text = text[: pages.start()]
    match = _ISSUE_IN_VOLUME.search(text)
    if not match:
        return ([["volume", text]] if text else []) + tail
    out = []
    if match.start():
        out.append(["volume", text[: match.start()]])
    out.append(["issue", text[match.start() :]])
    return out + tail


def anystyle(path: Path) -> list[dict]:
    rows = []
    tree = etree.parse(str(path))
    for seq in tree.getroot().iter("sequence"):
        seg: list[list[str]] = []
        for child in seq:
            text = _norm(child.text or "").strip()
            if not text:
                continue
            label = ANYSTYLE.get(child.tag, "note")
            parts = _split_volume(text) if label == "volume" else [[label, text]]
            if seg:
                seg[-1][1] += " "
            seg.extend(parts)
        if seg:
            rows.append({"src": "anystyle-core", "seg": seg})
    return rows


def _grobid_label(el: etree._Element, has_article_title: bool) -> str | None:
    tag = etree.QName(el).localname
    if tag == "title":
        level = el.get("level") or el.get("type") or el.get("leve") or ""
        if level == "a":
            return "title"
        if level == "j":
            return "source"
        if level == "m":
            return "source" if has_article_title else "title"
        return "note"
    if tag == "biblScope":
        unit = el.get("unit") or el.get("type") or ""
        return {"volume": "volume", "vol": "volume", "issue": "issue", "pp": "pages",
                "page": "pages"}.get(unit, "note")  # fmt: skip
    if tag == "orgName":
        return "author" if el.get("type") == "collaboration" else "publisher"
    if tag == "idno":
        return "doi" if (el.get("type") or "").lower() == "doi" else "note"
    if tag == "ptr":
        return "url"
    return _GROBID_TAGS.get(tag, "note")


_GROBID_TAGS = {
    "author": "author", "editor": "editor", "date": "year", "pubPlace": "place",
    "pubplace": "place", "publisher": "publisher", "note": "note",
}  # fmt: skip


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def grobid_bibl(bibl: etree._Element, name: str) -> dict | None:
    """One <bibl>: tagged pieces keep their label; untagged words go to the next piece (prefixes
    such as 'Vol.' or 'In:'), untagged punctuation to the previous one."""
    has_a = any(
        etree.QName(t).localname == "title" and t.get("level") == "a"
        for t in bibl.iter("{*}title", "title")
    )
    pieces: list[list] = []  # [label or None, text]
    if bibl.text:
        pieces.append([None, bibl.text])
    for child in bibl:
        if not isinstance(child.tag, str):
            if child.tail:
                pieces.append([None, child.tail])
            continue
        local = etree.QName(child).localname
        if local == "lb":
            pieces.append([None, " "])
        else:
            text = "".join(child.itertext())
            if local == "ptr" and not text.strip():
                text = child.get("target") or ""
            pieces.append([_grobid_label(child, has_a), text])
        if child.tail:
            pieces.append([None, child.tail])
    text = "".join(p[1] for p in pieces)
    if not _has_words(text) or not any(p[0] for p in pieces):
        return None
    seg: list[list[str]] = []
    pending = ""  # untagged words waiting for the next labelled piece
    for label, piece in pieces:
        piece = _norm(piece)
        if label is None:
            if _has_words(piece) or pending or not seg:
                pending += piece
            else:
                # punctuation closes the previous piece; an opening bracket opens the next
                cut = min((piece.find(ch) for ch in '([«"“' if ch in piece), default=-1)
                if cut < 0:
                    seg[-1][1] += piece
                else:
                    seg[-1][1] += piece[:cut]
                    pending += piece[cut:]
            continue
        if pending:
            if not seg:
                # words before the first piece: a citation number, or a stray prefix
                lead = pending.strip()
                if lead:
                    seg.append(
                        [
                            "other" if re.fullmatch(r"[\[(]?\w{0,4}[\].)]?", lead) else "note",
                            pending,
                        ]
                    )
                pending = ""
            else:
                piece = pending + piece
                pending = ""
        if seg and seg[-1][0] == label and label != "author":
            seg[-1][1] += piece
        else:
            seg.append([label, piece])
    if pending:
        seg[-1][1] += pending
    # the texts joined must be the reference: trim the outer whitespace, collapse doubles
    joined = _norm("".join(s[1] for s in seg))
    out: list[list[str]] = []
    for label, piece in seg:
        if out and out[-1][1].endswith(" ") and piece.startswith(" "):
            piece = piece.lstrip(" ")
        if not out:
            piece = piece.lstrip()
        if piece:
            out.append([label, piece])
    if out:
        out[-1][1] = out[-1][1].rstrip()
    assert _norm("".join(s[1] for s in out)).strip() == joined.strip(), (name, out)
    return {"src": "grobid-citation", "seg": out} if out else None


def grobid(folder: Path) -> list[dict]:
    rows = []
    parser = etree.XMLParser(recover=True)
    for path in sorted(folder.glob("*.xml")):
        root = etree.parse(str(path), parser).getroot()
        if root is None:
            continue
        for bibl in root.iter("{*}bibl", "bibl"):
            row = grobid_bibl(bibl, path.name)
            if row:
                rows.append(row)
    return rows


def write(rows: list[dict], name: str) -> None:
    seen = set()
    with (HERE / name).open("w", encoding="utf-8") as out:
        for row in rows:
            key = "".join(s[1] for s in row["seg"])
            if key in seen:
                continue
            seen.add(key)
            out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{name}: {len(seen)} references")


def main() -> int:
    anystyle_dir, grobid_dir = (Path(a) for a in sys.argv[1:3])
    write(anystyle(anystyle_dir / "res" / "parser" / "core.xml"), "anystyle-core.jsonl")
    write(
        grobid(grobid_dir / "grobid-trainer" / "resources" / "dataset" / "citation" / "corpus"),
        "grobid-citation.jsonl",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
