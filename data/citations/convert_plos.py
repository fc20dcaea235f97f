"""Convert the tagged reference lists of PLOS articles (JATS ``<mixed-citation>`` with its parts
tagged inside) into labelled rows of this folder's format, for experiments.

    python3 data/citations/convert_plos.py OUT.jsonl ARTICLE.xml [ARTICLE.xml ...]

The source tried was the 122 articles of github.com/PLOS/allofplos, ``allofplos/starter_corpus``
(articles CC BY 4.0 or CC0; the repository MIT): bench/HISTORY.md, "More human-labelled English
references". Nothing it writes is committed.

Each JATS part is given the GROBID tag it stands for and the reference goes through
``convert.grobid_bibl``, so the untagged text between the parts follows the same rules as
GROBID's corpus (data/citations/README.md, "Conversion rules"): ``name``/``collab``/``etal`` →
author, an editor ``person-group`` → editor, ``article-title``/``chapter-title`` → title,
``source`` → source (a book's title when the reference has no article or chapter title),
``year``/``month``/``day`` → year, ``volume``/``issue``/``issue-id``/``fpage``/``lpage``,
``publisher-name``/``publisher-loc``, an ``ext-link`` holding a DOI → doi, any other → url;
a ``comment``'s words are untagged text around its links ("doi:" is the DOI's prefix). A
``name`` is printed surname first, a space before the given names ("Zoller SD"), as PLOS
prints it. ``object-id`` (a PubMed id PLOS links but does not print) is left out. A reference
with no author and no title or source (a plain "other" line) is left out.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("_convert", HERE / "convert.py")
assert _spec and _spec.loader
convert = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(convert)

_DOI = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/)?10\.\d{4,}/\S+\s*$")
_SIMPLE = {
    "collab": ("author", {}),
    "etal": ("author", {}),
    "article-title": ("title", {"level": "a"}),
    "chapter-title": ("title", {"level": "a"}),
    "conf-name": ("title", {"level": "m"}),
    "year": ("date", {}),
    "month": ("date", {}),
    "day": ("date", {}),
    "volume": ("biblScope", {"unit": "volume"}),
    "issue": ("biblScope", {"unit": "issue"}),
    "issue-id": ("biblScope", {"unit": "issue"}),
    "fpage": ("biblScope", {"unit": "pp"}),
    "lpage": ("biblScope", {"unit": "pp"}),
    "publisher-name": ("publisher", {}),
    "publisher-loc": ("pubPlace", {}),
    "edition": ("note", {}),
    "series": ("note", {}),
    "conf-loc": ("note", {}),
}
_TEXT_ONLY = frozenset({"italic", "bold", "sub", "sup", "sc", "inline-formula", "comment"})


def _name(el: etree._Element) -> str:
    surname = "".join(el.find("surname").itertext()) if el.find("surname") is not None else ""
    given = el.find("given-names")
    given_text = "".join(given.itertext()) if given is not None else ""
    return f"{surname} {given_text}".strip()


def _add(bibl: etree._Element, tag: str, text: str, attrs: dict | None = None) -> None:
    child = etree.SubElement(bibl, tag, attrs or {})
    child.text = text


def _tail(bibl: etree._Element, text: str | None) -> None:
    """Untagged text after the last piece (or at the start)."""
    if not text:
        return
    if len(bibl):
        bibl[-1].tail = (bibl[-1].tail or "") + text
    else:
        bibl.text = (bibl.text or "") + text


def _pieces(el: etree._Element, bibl: etree._Element, kind: str, titled: bool) -> None:
    """Append the parts of a JATS element to ``bibl`` as GROBID-tagged pieces."""
    _tail(bibl, el.text)
    for child in el:
        if not isinstance(child.tag, str):
            _tail(bibl, child.tail)
            continue
        tag = etree.QName(child).localname
        text = "".join(child.itertext())
        if tag == "name":
            _add(bibl, "author", _name(child))
        elif tag == "person-group":
            role = "editor" if child.get("person-group-type") == "editor" else "author"
            for person in child:
                if isinstance(person.tag, str):
                    _add(
                        bibl,
                        role,
                        _name(person) if person.tag == "name" else "".join(person.itertext()),
                    )
                _tail(bibl, person.tail)
        elif tag == "source":
            level = "j" if kind == "journal" else "m"
            _add(bibl, "title", text, {"level": level if titled or level == "j" else "m"})
        elif tag in ("ext-link", "uri"):
            if _DOI.match(text):
                _add(bibl, "idno", text, {"type": "DOI"})
            else:
                _add(bibl, "ptr", text)
        elif tag == "object-id":
            pass  # not printed
        elif tag in _TEXT_ONLY:
            _pieces(child, bibl, kind, titled)
        elif tag in _SIMPLE:
            name, attrs = _SIMPLE[tag]
            _add(bibl, name, text, attrs)
        else:
            _tail(bibl, text)
        _tail(bibl, child.tail)


def reference(cit: etree._Element, name: str) -> dict | None:
    """One ``<mixed-citation>`` as a row, or None when it has no author or no title/source."""
    tags = {etree.QName(c).localname for c in cit if isinstance(c.tag, str)}
    if not tags & {"name", "collab", "person-group"}:
        return None
    if not tags & {"article-title", "chapter-title", "source"}:
        return None
    titled = bool(tags & {"article-title", "chapter-title"})
    bibl = etree.Element("bibl")
    _pieces(cit, bibl, cit.get("publication-type") or "", titled)
    row = convert.grobid_bibl(bibl, name)
    if row is None:
        return None
    row["src"] = "plos"
    return row


def main() -> int:
    out_path, *paths = sys.argv[1:]
    rows: list[dict] = []
    seen: set[str] = set()
    for path in paths:
        root = etree.parse(path).getroot()
        for cit in root.iter("{*}mixed-citation", "mixed-citation"):
            row = reference(cit, Path(path).name)
            if row is None:
                continue
            key = "".join(s[1] for s in row["seg"])
            if key not in seen:
                seen.add(key)
                rows.append(row)
    with open(out_path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{out_path}: {len(rows)} references")
    return 0


if __name__ == "__main__":
    sys.exit(main())
