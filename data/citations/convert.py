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


# A connector before a container or an editor statement: 'In', 'In:', 'in:', 'dans', 'En:'.
_CONNECTOR = re.compile(r"(?:in|en|im|dans)(?:\s*:\s*|\s+)(?=\S)", re.I)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text)


# AnyStyle labels whitespace-separated words, so '137(3):322–331.' is one 'volume' word; the
# pages after the colon are split off as such.
_PAGES_IN_VOLUME = re.compile(r":\s*[A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?\s*[.,;)]*\s*$")
# Vancouver's '1999;50:194' is one word too: the year before the semicolon is split off.
_YEAR_IN_VOLUME = re.compile(r"^(?:1[5-9]|20)\d\d[a-z]?;\s*")


def _split_volume(text: str) -> list[list[str]]:
    year = _YEAR_IN_VOLUME.match(text)
    if year:
        rest = _split_volume(text[year.end() :])
        return [["year", year.group()], *rest] if rest else [["year", text]]
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
            if label == "volume":
                parts = _split_volume(text)
            elif label in ("source", "editor") and (lead := _CONNECTOR.match(text)):
                # 'In Proceedings of …', 'In: J. Smith (ed.)': the connector is a note, as in
                # the GROBID rows, never a part of the source or the editor statement
                parts = [["note", lead.group()], [label, text[lead.end() :]]]
            else:
                parts = [[label, text]]
            if seg:
                seg[-1][1] += " "
            seg.extend(parts)
        if seg:
            rows.append({"src": "anystyle-core", "seg": seg})
    return rows


def _grobid_label(el: etree._Element, levels: set[str]) -> str | None:
    """Our label for one tagged GROBID piece; ``levels``: the title levels of its <bibl>."""
    tag = etree.QName(el).localname
    if tag == "title":
        level = _level(el)
        if level == "a":
            return "title"
        if level == "j":
            return "source"
        if level == "m":
            return "source" if "a" in levels else "title"
        if level == "s" and "a" in levels and not levels & {"j", "m"}:
            return "source"  # a series holding the part directly: 'Lecture Notes in …, Vol. 424'
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


def _level(title: etree._Element) -> str:
    return title.get("level") or title.get("type") or title.get("leve") or ""


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


# Untagged words between GROBID's pieces (see the README's "Conversion rules"):
# - before a volume, issue, pages, DOI or URL they are its prefix ('Vol.', 'pp.', 'doi:');
NUMBERED = frozenset({"volume", "issue", "pages", "doi", "url"})
# - an editor statement next to an editor piece is part of it ('(eds.)', ', editors,');
_EDITOR_MARK = re.compile(
    r"^[\W_]*(?:(?:eds?|edd|editors?|hgg?|hrsg|dirs?|coords?|comps?|trans|transl|tr|red)\.?|"
    r"edited\s+by|ed\.\s*by|translated\s+by|herausgegeben\s+von)[\W_]*$",
    re.I,
)
# - a unit after a number is the number's ('400 pp.', '3 호', '12 页');
_UNIT = re.compile(r"^[\W_]*(?:[권호쪽页期卷号집]|pp?|с|S|pages?|Seiten)[\W_]*$", re.I)
# - a letter after a year ('2005 (a)') is the year's;
_YEAR_LETTER = re.compile(r"^[\W_]*[a-z][\W_]*$")
# - 'accessed', 'retrieved' before a date make the date an access date;
_ACCESSED = re.compile(
    r"^[\W_]*(?:last\s+)?(?:accessed|retrieved|cited|viewed|consulted|consultado|access(?:ed)?"
    r"\s+(?:on|date)|date\s+of\s+access)\b",
    re.I,
)
# - between two author pieces ('and'), or two notes, they are of that label;
SAME_BOTH_SIDES = frozenset({"author", "editor", "note"})
# - anything else ('In', 'in:', 'dans', 'presented at', 'of', 'published by') is a note: such
#   connectors are never inside a title or a source.
_OPENING = '([«"“'
_CITATION_NUMBER = re.compile(r"[\[(]?\s*\w{0,4}\s*[\].)]?")


def _untagged(piece: str, prev: str | None, nxt: str | None) -> list[list]:
    """Where an untagged piece goes: [[label, text], ...], the label '<' for 'with the piece
    before', '>' for 'with the piece after'."""
    if not _has_words(piece) and prev is None and piece.strip(" " + _OPENING):
        return [["note", piece]]  # a stray mark before the first piece: '(/)', '(¿?)'
    if not _has_words(piece):
        # punctuation closes the previous piece; an opening bracket opens the next
        cut = min((piece.find(ch) for ch in _OPENING if ch in piece), default=-1)
        if cut < 0:
            return [["<", piece]]
        return [["<", piece[:cut]], [">", piece[cut:]]]
    chunks = re.findall(r"\s+|\S+\s*", piece)
    words = [i for i, c in enumerate(chunks) if _has_words(c)]
    first, last = words[0], words[-1]
    lead, core, trail = "".join(chunks[:first]), "".join(chunks[first : last + 1]), ""
    for chunk in chunks[last + 1 :]:
        if trail or chunk.lstrip()[:1] in tuple(_OPENING):
            trail += chunk
        else:
            core += chunk
    if prev is None and nxt not in NUMBERED and core.strip() != "(":
        # words before the first piece: a citation number, or a stray prefix
        label = "other" if _CITATION_NUMBER.fullmatch(core.strip()) else "note"
    elif _EDITOR_MARK.match(core) and "editor" in (prev, nxt):
        label = "editor"
    elif nxt in NUMBERED or prev is None:
        label = ">"
    elif _ACCESSED.match(core) and nxt == "year":
        label = "accessed"
    elif (prev in ("volume", "issue", "pages") and _UNIT.match(core)) or (
        prev == "year" and _YEAR_LETTER.match(core)
    ):
        label = "<"
    elif prev == nxt and prev in SAME_BOTH_SIDES:
        label = prev
    else:
        label = "note"
    out = [["<", lead]] if lead else []
    out.append([label, core])
    if trail:
        out.append([">", trail])
    return out


def grobid_bibl(bibl: etree._Element, name: str) -> dict | None:
    """One <bibl> as labelled pieces: tagged pieces keep their label (mapped to ours), untagged
    text goes where ``_untagged`` says."""
    levels = {_level(t) for t in bibl.iter("{*}title", "title")}
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
            pieces.append([_grobid_label(child, levels), text])
        if child.tail:
            pieces.append([None, child.tail])
    text = "".join(p[1] for p in pieces)
    if not _has_words(text) or not any(p[0] for p in pieces):
        return None
    tagged = [i for i, p in enumerate(pieces) if p[0]]
    placed: list[list] = []
    for i, (label, piece) in enumerate(pieces):
        piece = _norm(piece)
        if label is not None:
            placed.append([label, piece])
            continue
        prev = next((pieces[j][0] for j in reversed(tagged) if j < i), None)
        nxt = next((pieces[j][0] for j in tagged if j > i), None)
        parts = _untagged(piece, prev, nxt)
        if any(lab == "accessed" for lab, _ in parts):
            pieces[next(j for j in tagged if j > i)][0] = "accessed"  # the date after it
        placed.extend(parts)
    # '>' takes the label of the piece after it, '<' of the piece before (else the other way)
    for k in range(len(placed) - 1, -1, -1):
        if placed[k][0] == ">":
            placed[k][0] = placed[k + 1][0] if k + 1 < len(placed) else "<"
    for k, part in enumerate(placed):
        if part[0] == "<":
            part[0] = placed[k - 1][0] if k else next(p[0] for p in placed if p[0] not in "<>")
    seg: list[list[str]] = []
    for label, piece in placed:
        if not piece:
            continue
        if seg and seg[-1][0] == label:
            seg[-1][1] = _norm(seg[-1][1] + piece)
        else:
            seg.append([label, piece])
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
