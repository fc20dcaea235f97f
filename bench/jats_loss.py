"""Measure what JATS → JATS loses outside the body, and whether each loss is said.

For each input file, ``python3 -m converter convert FILE -o DIR`` is run as a user would run it
(Archiving and Interchange, which does not refuse a preprint for having no ISSN);
the element paths (local names, ``back/app-group/app``) under ``front`` and ``back`` of the
input that the output does not have are set against the warnings and notes printed for that
file. A lost path is *said* when a warning names one of its elements (from the child of
``article-meta``, ``journal-meta`` or ``back`` down to the first element the output lacks,
as ``<name>`` or as a word); else it is *silent*. The check reads the outputs, never the
reader's code, so it finds what the reader forgot to say.

    python3 bench/jats_loss.py FILE_OR_DIR... [--show N]

Prints per silent path the number of files and one file, then the totals. Some paths are
renamed by the writer, not lost (NLM ``trans-abstract`` → ``abstract``; a ``pub-date``'s
parts); those are listed in ``RENAMED`` and counted apart, as is a lost path whose every
element's text (three characters or more) the output holds elsewhere (a ``mixed-citation``'s
parts kept as its text, an ``addr-line`` split into ``institution`` and ``country``). A
reference's part is looked for in the output's reference of the same id, short pieces too (a
volume ``34``), as the output writes it (``citation-alternatives``, an ``element-citation``).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from lxml import etree

# containers whose name says nothing of what was lost: a warning naming them does not cover
_CONTAINERS = frozenset({"front", "back", "article-meta", "journal-meta"})
# last elements a JATS 1.4 output writes under another name or place, not losses
RENAMED = frozenset(
    {
        "trans-abstract",  # a repeated abstract
        "copyright-statement",  # NLM 2.3's in article-meta: moved into permissions
        "copyright-year",
        "copyright-holder",
        "string-date",  # read as the date's parts
        "season",  # said by the reader when dropped
    }
)
_WARNING = re.compile(r"^(?P<file>[^:]+): (warning|note)")


def local(element: etree._Element) -> str:
    """The element's name without namespace; '' for comments and processing instructions."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def paths(root: etree._Element) -> set[tuple[str, ...]]:
    """Every element path under the article's front and back (sub-articles left aside)."""
    found: set[tuple[str, ...]] = set()

    def walk(element: etree._Element, prefix: tuple[str, ...]) -> None:
        for child in element:
            name = local(child)
            if name:
                path = (*prefix, name)
                found.add(path)
                walk(child, path)

    for part in root:
        if local(part) in ("front", "back"):
            found.add((local(part),))
            walk(part, (local(part),))
    return found


def _words(text: str) -> str:
    return " ".join(text.split())


def texts(root: etree._Element) -> str:
    """The front's and back's text and attribute values, spaces made one."""
    parts: list[str] = []
    for part in root:
        if local(part) in ("front", "back"):
            parts.append(" ".join(part.itertext()))
            parts += [v for el in part.iter() for v in el.attrib.values()]
    return _words(" ".join(parts))


# an element's text but its headings' and labels'
_TEXT_BUT_HEADING = ".//text()[not(ancestor::*[local-name()='title' or local-name()='label'])]"


def carried(
    root: etree._Element,
    path: tuple[str, ...],
    output: str,
    refs: dict[str | None, str] | None = None,
) -> bool:
    """Every piece of text of every element at the path (three characters or more), or its
    link, is in the output's text, case aside, headings and labels aside (unless it is one): it is
    written elsewhere or otherwise, not lost (PLOS's data availability custom-meta, written as
    a back section; bioRxiv's competing-interests notes, written as a footnote under no
    heading). A reference's part is looked for in ``refs``, the output's reference of its id."""
    found = root.xpath("/*/" + "/".join(f"*[local-name()='{name}']" for name in path))
    output = output.casefold()
    for element in found:
        within = refs.get(_ref_id(element)) if refs else None
        if within is not None:
            if not in_reference(element, within):
                return False
            continue
        pieces = [_words(str(t)) for t in element.xpath(_TEXT_BUT_HEADING)]
        pieces = [t.casefold() for t in pieces if len(t) >= 3] or [
            _words(str(t)).casefold() for t in element.xpath(".//text()") if len(t.strip()) >= 3
        ]  # a heading alone is its own text
        if not pieces:
            pieces = [v for k, v in element.attrib.items() if k.endswith("href")]
        if not pieces or any(t not in output for t in pieces):
            return False
    return bool(found)


def _ref_id(element: etree._Element) -> str | None:
    """The id of the reference the element is part of; None outside a reference."""
    for above in element.iterancestors():
        if local(above) == "ref":
            return above.get("id")
    return None


# a reference's empty elements that say something (the authors listed are not all)
_FACTS = frozenset({"etal"})
# inline markup, whose short text is part of a word ('2<sup>nd</sup>', a formula's letters)
_INLINE = frozenset({"sup", "sub", "italic", "bold", "sc", "inline-formula", "math"})


def in_reference(element: etree._Element, within: str) -> bool:
    """A reference's part is in ``within``, the output's reference of the same id: each piece
    of its text there, punctuation and spaces aside ('doi:10.1/x' written 'doi: 10.1/x', a
    page range '119–121' read as its pages), a short one (a volume '34', initials 'MR') as a
    word (beside the whole output's text a piece under three characters says nothing); an
    empty element is nothing lost unless it says something (``<etal/>``, kept as one) or its
    attributes do (a ``page-count``'s count)."""
    pieces = [_words(str(t)).casefold() for t in element.xpath(".//text()")]
    pieces = [t for t in pieces if t]
    if not pieces:
        pieces = [v.casefold() for v in element.attrib.values() if v.strip()]
        if not pieces:
            return local(element) not in _FACTS or f"<{local(element)}>" in within
    inline = any(local(e) in _INLINE for e in [*element.iter(), *element.iterancestors()])
    bare = re.sub(r"\W", "", within)
    for piece in pieces:
        plain = re.sub(r"\W", "", piece)
        if len(plain) >= 3 or (plain and inline):
            if plain not in bare:
                return False
        elif not _has_words(within, piece):
            return False
    return True


def _has_words(text: str, piece: str) -> bool:
    """The piece is in the text, not inside a longer word ('34' is not in '1934'); a
    separator ('–', '), ') is in it anywhere."""
    before = r"(?<!\w)" if re.match(r"\w", piece) else ""
    after = r"(?!\w)" if re.search(r"\w$", piece) else ""
    return re.search(before + re.escape(piece) + after, text) is not None


def reference_texts(root: etree._Element) -> dict[str | None, str]:
    """Each reference's text, attribute values and element names (as ``<etal>``) by its id,
    spaces made one, case aside."""
    return {
        ref.get("id"): _words(
            " ".join(
                [
                    *ref.itertext(),
                    *(v for el in ref.iter() for v in el.attrib.values()),
                    *(f"<{local(el)}>" for el in ref.iter() if local(el)),
                ]
            )
        ).casefold()
        for ref in root.xpath("/*/*[local-name()='back']//*[local-name()='ref'][@id]")
    }


def empty(root: etree._Element, path: tuple[str, ...]) -> bool:
    """Each element at the path holds white space alone, or elements that hold nothing: no
    text, no attribute (an ``<ali:free_to_read/>``, written so, is a fact, and not empty)."""
    return all(
        element.text is not None and not "".join(element.itertext()).strip()
        and not any(item.attrib for item in element.iter())
        for element in root.xpath("/*/" + "/".join(f"*[local-name()='{n}']" for n in path))
    )  # fmt: skip


def said(path: tuple[str, ...], got: set[tuple[str, ...]], text: str) -> bool:
    """A warning names one of the path's elements below its containers, down to the first the
    output lacks (a lost ``app`` is not said by a warning about some other ``title``)."""
    top = next(i for i in range(1, len(path) + 1) if path[:i] not in got)
    for name in path[1:top]:
        if name in _CONTAINERS:
            continue
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            return True
    return False


def measure(
    files: list[Path],
) -> tuple[Counter[str], dict[str, str], Counter[str], Counter[str], int]:
    silent: Counter[str] = Counter()
    example: dict[str, str] = {}
    covered: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    converted = 0
    with tempfile.TemporaryDirectory() as out:
        for path in files:
            try:
                tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False))
            except etree.XMLSyntaxError:
                continue
            root = tree.getroot()
            if local(root) != "article":
                continue
            run = subprocess.run(
                [sys.executable, "-m", "converter", "convert", str(path), "-o", out,
                 "--from", "jats", "--write-invalid", "--tag-set", "archiving"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            written = sorted(Path(out).glob("*.xml"))
            if not written:
                lines = [line for line in run.stderr.splitlines() if "warning" not in line]
                why = [line for line in lines if not line.startswith("jatsconv: note")][-1:]
                why = why or ["(nothing said)"]
                print(f"{path.name}: not converted: {why[0][:200]}", file=sys.stderr)
                continue
            converted += 1
            output = etree.parse(str(written[0])).getroot()
            got, text, refs = paths(output), texts(output), reference_texts(output)
            for item in written:
                item.unlink()
            here: set[tuple[str, ...]] = set()
            for lost in sorted(paths(root) - got):
                shown = "/".join(lost)
                if empty(root, lost):
                    continue  # an fn-group of white space alone loses nothing
                if lost[-1] in RENAMED or said(lost, got, run.stderr):
                    covered[shown] += 1
                elif carried(root, lost, text, refs):
                    kept[shown] += 1
                elif not any(lost[:i] in here for i in range(2, len(lost))):
                    # a silent path's descendants are counted once, as the path
                    here.add(lost)
                    silent[shown] += 1
                    example.setdefault(shown, path.name)
    return silent, example, covered, kept, converted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--show", type=int, default=200)
    args = parser.parse_args()
    files = [f for p in args.inputs for f in (sorted(p.glob("*ml")) if p.is_dir() else [p])]
    silent, example, covered, kept, converted = measure(files)
    for shown, count in silent.most_common(args.show):
        print(f"{count:4d}  {shown}  (e.g. {example[shown]})")
    print(
        f"files converted: {converted}; silent lost paths: {len(silent)} kinds, "
        f"{sum(silent.values())} occurrences; said or renamed: {len(covered)} kinds, "
        f"{sum(covered.values())} occurrences; text written elsewhere: {len(kept)} kinds, "
        f"{sum(kept.values())} occurrences"
    )
    # the reference list is the reference reader's (a mixed-citation's parts kept as its
    # text); the rest is what this measurement was written for
    for label, inside in (("in back/ref-list", True), ("elsewhere", False)):
        part = {k: v for k, v in silent.items() if k.startswith("back/ref-list") == inside}
        print(f"silent {label}: {len(part)} kinds, {sum(part.values())} occurrences")


if __name__ == "__main__":
    main()
