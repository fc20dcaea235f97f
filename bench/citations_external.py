"""The reference parser against reference lists that someone else structured (independent check).

    python3 bench/citations_external.py DIR [DIR ...] [--dump FILE] [--show N]

Reads every ``*.xml`` and ``*.tokens`` file under the folders (none of them is committed: the
folders are third-party material the user names, as ``bench/citations.py --anystyle DIR``), pairs
each reference's printed text with the structure its publisher (or annotator) gave it, runs
``parse_reference`` on the text and prints per-field precision and recall and the share of
references structured, by script: ``ru`` (Cyrillic), ``ru-Latn`` (Russian works in Latin
script: "(In Russ.)" and the like) and ``en`` (every other), as ``language()`` decides it.

Formats read:

- **JATS** ``<ref>``: a ``<mixed-citation>`` (alone, or one of a ``<citation-alternatives>``)
  paired with an ``<element-citation>`` of the same ``xml:lang`` (or, when the element has none,
  of the same script); or a ``<mixed-citation>`` whose parts are tagged inside it (its text is
  the printed reference, its ``person-group``/``article-title``/``source``/... the structure).
- **Crossref** deposit ``<citation>`` holding both ``<unstructured_citation>`` and structured
  children (``journal_title``/``volume_title``, ``author``, ``cYear``, ``article_title``,
  ``volume``, ``issue``, ``first_page``, ``doi``). Crossref names only the first author: the
  authors are judged on that author's surname alone.
- **Labelled tokens** (``*.tokens``: one reference a line, ``word LABEL`` pairs, labels
  ``T_AUTHOR``, ``T_TITLE``, ``T_JOURNAL``, ``T_YEAR``, ``T_VOLUME`` (volume and/or issue),
  ``T_PAGES``, ...; the format of the pybico_crf annotations).

**How a field counts** (the fair comparison; the strict one, the project's ``_norm`` as the
held-out measurement uses it, is printed beside it): both sides lose a "(In Russ.)",
"[Электронный ресурс]"/"[Electronic resource]" and similar tails, case, "ё", quotes, spaces and
punctuation; authors compare as (surname, initials) in order, whatever the spacing of
"И.И."/"И. И." and whether the given names are written out; volume and issue lose their label
words ("Vol.", "Т.", "№", "No.", "вып."); a DOI loses its resolver prefix and case. Precision
counts only fields the publisher's structure also has (a field the publisher left out cannot be
judged, and is reported as "unjudged"); recall counts every field the structure has.
``--dump FILE`` writes every disagreement (JSON lines) for reading by eye.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout's code and model, not an installed copy

from converter.citations.evaluate import _norm  # noqa: E402
from converter.citations.fields import Citation, language  # noqa: E402
from converter.citations.names import has_russian_letters, split_people  # noqa: E402
from converter.citations.parse import normalize, parse_reference  # noqa: E402

FIELDS = ("authors", "year", "title", "source", "volume", "issue", "fpage", "lpage", "doi")
GROUPS = ("ru", "ru-Latn", "en")


@dataclass(slots=True)
class Pair:
    """A reference's printed text and the structure someone else gave it."""

    text: str
    gold: Citation | None  # None: a reference list without structure ('*.refs.txt')
    origin: str  # file and reference id
    kind: str  # 'jats-element', 'jats-inline', 'crossref', 'tokens', 'text'
    first_author_only: bool = False  # Crossref names the first author alone
    group: str = field(default="")

    def __post_init__(self) -> None:
        self.group = self.group or language(self.text)


# ------------------------------------------------------------------ reading the structures


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el if _local(c) in names]


def _descendants(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el.iter() if _local(c) in names]


def _text(el: etree._Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _script(el: etree._Element) -> str:
    return "cyr" if has_russian_letters(_text(el)) else "lat"


def _given_initials(given: str) -> str:
    """'Евгений Георгиевич' / 'Е.Г.' / 'E. G.' / 'J.-P.' → 'Е. Г.' (as the project writes them)."""
    parts = [p for p in re.split(r"[\s.]+", given) if p]
    out = []
    for part in parts:
        pieces = [q for q in part.split("-") if q]
        out.append("-".join(q[0] + "." for q in pieces))
    return " ".join(out)


def _person(el: etree._Element) -> str | None:
    surname = _children(el, "surname")
    given = _children(el, "given-names")
    if surname:
        name = _text(surname[0])
        return f"{name}, {_given_initials(_text(given[0]))}" if given else name
    people = split_people(_text(el))  # a <string-name> without parts
    return people[0] if people and len(people) == 1 else None


def _authors(cit: etree._Element) -> list[str] | None:
    """The authors in order; None when they cannot be compared (a collaboration, a name that
    cannot be read, no author at all)."""
    groups = _children(cit, "person-group")
    authors = [g for g in groups if g.get("person-group-type") in (None, "author")]
    holder = authors[0] if authors else (None if groups else cit)
    if holder is None:
        return None
    names = _children(holder, "name", "string-name", "collab")
    if not names or any(_local(n) == "collab" for n in names):
        return None
    people = [_person(n) for n in names]
    return None if any(p is None for p in people) else [p for p in people if p]


_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_DOI = re.compile(r"10\.\d{4,9}/\S+")


def _first(cit: etree._Element, *names: str, script: str | None = None) -> str | None:
    found = _children(cit, *names)
    if script and len(found) > 1:
        same = [f for f in found if _script(f) == script]
        found = same or found
    return (_text(found[0]) or None) if found else None


def _jats_gold(cit: etree._Element, script: str) -> Citation:
    gold = Citation()
    gold.authors = _authors(cit) or []
    year = _first(cit, "year")
    found = _YEAR.search(year or "")
    gold.year = found.group(1) if found else None
    gold.title = _first(cit, "article-title", "chapter-title", "part-title", script=script)
    gold.source = _first(cit, "source", script=script)
    if gold.title is None:
        gold.type = "book"  # (a whole book: its title is the <source>, as the project writes it)
    gold.volume = _first(cit, "volume")
    gold.issue = _first(cit, "issue")
    gold.fpage = _first(cit, "fpage")
    gold.lpage = _first(cit, "lpage")
    pages = _first(cit, "page-range")
    if pages and not gold.fpage:
        ends = re.split(r"\s*[-–—]\s*", pages)
        gold.fpage, gold.lpage = ends[0] or None, (ends[1] if len(ends) > 1 else None)
    for pid in _children(cit, "pub-id", "ext-link", "uri"):
        value = _DOI.search(_text(pid) or pid.get("{http://www.w3.org/1999/xlink}href", ""))
        if value and (_local(pid) != "pub-id" or pid.get("pub-id-type") == "doi"):
            gold.doi = value.group()
            break
    return gold


_PARTS = ("person-group", "string-name", "name", "article-title", "source", "year", "volume",
          "fpage")  # fmt: skip


def _jats_pairs(root: etree._Element, origin: str) -> Iterator[Pair]:
    for ref in _descendants(root, "ref"):
        rid = f"{origin}#{ref.get('id', '?')}"
        holders = [ref, *_children(ref, "citation-alternatives")]
        mixed = [m for h in holders for m in _children(h, "mixed-citation")]
        elements = [e for h in holders for e in _children(h, "element-citation", "nlm-citation")]
        for m in mixed:
            text = _text(m)
            if not text:
                continue
            script = _script(m)
            if any(_local(c) in _PARTS for c in m):  # tagged inline: its own structure
                yield Pair(text, _jats_gold(m, script), rid, "jats-inline")
                continue
            lang = m.get(_LANG)
            same = [e for e in elements if lang and e.get(_LANG) == lang]
            if not same:
                same = [e for e in elements if e.get(_LANG) is None and _script(e) == script]
            if len(same) == 1:
                yield Pair(text, _jats_gold(same[0], script), rid, "jats-element")


def _crossref_pairs(root: etree._Element, origin: str) -> Iterator[Pair]:
    for cit in _descendants(root, "citation"):
        text = _first(cit, "unstructured_citation")
        if not text:
            continue
        gold = Citation()
        author = _first(cit, "author")
        gold.authors = [author] if author else []
        gold.source = _first(cit, "journal_title", "volume_title", "series_title")
        gold.title = _first(cit, "article_title")
        if gold.title is None and _children(cit, "volume_title"):
            gold.type = "book"
        found = _YEAR.search(_first(cit, "cYear") or "")
        gold.year = found.group(1) if found else None
        gold.volume = _first(cit, "volume")
        gold.issue = _first(cit, "issue")
        gold.fpage = _first(cit, "first_page")
        gold.doi = _first(cit, "doi")
        if any(getattr(gold, f) for f in FIELDS):
            yield Pair(text, gold, f"{origin}#{cit.get('key', '?')}", "crossref", True)


_VOLUME_IN = re.compile(r"(?:vol\.?|т\.|том|volume|часть|part)\s*(\w+(?:[-–]\w+)?)", re.I)
_ISSUE_IN = re.compile(
    r"(?:№|no\.?|issue|iss\.?|вып\.?|n)\s*(\d+\w*(?:\s*[-–]\s*\d+)?(?:\s*\(\d+\))?)", re.I
)
_NUMBER = re.compile(r"\d+\w*(?:\s*\(\d+\))?")


def _token_pairs(path: Path, origin: str) -> Iterator[Pair]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        items = line.split()
        if len(items) < 4 or len(items) % 2:
            continue
        words, labels = items[0::2], items[1::2]
        if not all(lab.startswith("T_") for lab in labels):
            continue
        spans: dict[str, list[str]] = {}
        for word, lab in zip(words, labels, strict=True):
            spans.setdefault(lab, []).append(word)
        journal = [k for k, lab in enumerate(labels) if lab == "T_JOURNAL"]
        if journal:
            # the source runs from its first word to its last: a year inside a conference's
            # name ('информатика–2016', labelled T_YEAR) is part of it
            spans["T_JOURNAL"] = words[journal[0] : journal[-1] + 1]
        gold = Citation()
        if "T_AUTHOR" in spans:
            gold.authors = split_people(" ".join(spans["T_AUTHOR"])) or []
        for lab, name in (("T_TITLE", "title"), ("T_JOURNAL", "source")):
            if lab in spans:
                setattr(gold, name, " ".join(spans[lab]).strip(" .,;:–-") or None)
        found = _YEAR.search(" ".join(spans.get("T_YEAR", [])))
        gold.year = found.group(1) if found else None
        if "T_VOLUME" in spans:
            numbers = " ".join(spans["T_VOLUME"])
            vol, iss = _VOLUME_IN.search(numbers), _ISSUE_IN.search(numbers)
            gold.volume = vol.group(1) if vol else None
            gold.issue = iss.group(1) if iss else None
            if not vol and not iss and (bare := _NUMBER.search(numbers)):
                gold.volume = bare.group()  # a bare number: read as the volume
        if "T_PAGES" in spans:
            pages = re.sub(r"^\D*", "", " ".join(spans["T_PAGES"]))
            ends = [e for e in re.split(r"\s*[-–—]\s*", pages.strip(" .")) if e]
            gold.fpage = ends[0] if ends else None
            gold.lpage = ends[1] if len(ends) > 1 else None
        yield Pair(" ".join(words), gold, f"{origin}:{n}", "tokens")


_XML = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)


def read_pairs(folders: Iterable[Path]) -> list[Pair]:
    """Every pair of the JATS, Crossref and token files under the folders, in path order, and
    every line of the ``*.refs.txt`` lists (a reference a line, no structure: only the share
    structured is measured, and the structured ones can be read by eye, ``--review``)."""
    pairs: list[Pair] = []
    for folder in folders:
        files = [folder] if folder.is_file() else sorted(folder.rglob("*"))
        for path in files:
            origin = str(path)
            if path.suffix == ".tokens":
                pairs.extend(_token_pairs(path, origin))
                continue
            if path.name.endswith(".refs.txt"):
                lines = path.read_text(encoding="utf-8").splitlines()
                pairs.extend(
                    Pair(line.strip(), None, f"{origin}:{n}", "text")
                    for n, line in enumerate(lines, 1)
                    if line.strip()
                )
                continue
            if path.suffix != ".xml":
                continue
            try:
                root = etree.parse(str(path), _XML).getroot()
            except (etree.XMLSyntaxError, OSError):
                continue
            if root is None:
                continue
            if _local(root) == "doi_batch" or _descendants(root, "citation_list"):
                pairs.extend(_crossref_pairs(root, origin))
            else:
                pairs.extend(_jats_pairs(root, origin))
    return pairs


# ------------------------------------------------------------------ comparing fairly

_TAILS = re.compile(
    r"\((?:in\s+)?russ(?:\.|ian)?\)|\[(?:in\s+russian|электронный ресурс|electronic resource|"
    r"текст|text|internet)\]|[.:]?\s*[–—-]\s*текст\s*:\s*(?:электронный|непосредственный)",
    re.I,
)
_RUNNING = re.compile(r"(?<=\w)\s*\(\d+\)$")
_PAGE_MARK = re.compile(r"(?<=\d)\s*(?:с|c|p|pp|s|стр)\.?$", re.I)
_LABEL_WORDS = re.compile(
    r"^(?:(?:vol(?:ume)?|т(?:ом)?|no|nos|nr|iss(?:ue)?|вып(?:уск)?|n|t|pp?|с|стр)\b\.?|№)\s*", re.I
)


def _plain(text: str) -> str:
    text = _TAILS.sub(" ", unicodedata.normalize("NFKC", text)).casefold().replace("ё", "е")
    return "".join(ch for ch in text if ch.isalnum())


def _person_key(person: str, surname_only: bool) -> tuple[str, str]:
    surname, _, given = person.partition(",")
    initials = "".join(w[0] for w in re.split(r"[\s.\-]+", given) if w)
    return _plain(surname), "" if surname_only else _plain(initials)


def fair(name: str, value: object, surname_only: bool = False) -> object:
    """A field's value as the fair comparison sees it (both sides go through this)."""
    if value in (None, [], ""):
        return None
    if name == "authors":
        assert isinstance(value, list)
        return [_person_key(p, surname_only) for p in value]
    text = str(value)
    if name == "doi":
        return re.sub(
            r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", text.strip(), flags=re.I
        ).lower()
    if name == "year":
        found = _YEAR.search(text)
        return found.group(1) if found else _plain(text)
    if name in ("volume", "issue"):
        text = _LABEL_WORDS.sub("", text.strip())
        # '№ 2 (16)': the running number of the issue in brackets is not the issue
        text = _RUNNING.sub("", text)
    elif name in ("fpage", "lpage"):
        text = _PAGE_MARK.sub("", text.strip())  # '52с', '336 с.': the page word after it
    return _plain(text) or None


def agree(name: str, got: object, want: object, first_author_only: bool = False) -> bool:
    if name == "authors" and first_author_only:
        g, w = fair(name, got, True), fair(name, want, True)
        return bool(g and w and g[0] == w[0])  # type: ignore[index]
    return fair(name, got) == fair(name, want)


@dataclass(slots=True)
class Counts:
    references: int = 0
    structured: int = 0
    emitted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    judged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    strict: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))


def measure(
    pairs: list[Pair], dump: list[dict] | None = None, review: list[dict] | None = None
) -> dict[str, Counts]:
    """Counts for all pairs and per script group; disagreements go to ``dump``, the structured
    readings of the references without structure to ``review``."""
    out = {"all": Counts(), **{g: Counts() for g in GROUPS}}
    for pair in pairs:
        found = parse_reference(normalize(pair.text))
        for key in ("all", pair.group):
            c = out[key]
            c.references += 1
            c.structured += found is not None
        if pair.gold is None:
            if review is not None and found is not None:
                review.append(
                    {"text": pair.text, "origin": pair.origin, "group": pair.group,
                     "found": found.fields()}
                )  # fmt: skip
            continue
        for name in FIELDS:
            want = getattr(pair.gold, name)
            if name == "authors" and pair.first_author_only and want:
                want = want[:1]
            got = getattr(found, name) if found is not None else None
            has_want, has_got = want not in (None, []), got not in (None, [])
            ok = has_want and has_got and agree(name, got, want, pair.first_author_only)
            strict = has_want and has_got and _norm(got) == _norm(want)
            for key in ("all", pair.group):
                c = out[key]
                c.expected[name] += has_want
                c.emitted[name] += has_got
                c.judged[name] += has_got and has_want
                c.correct[name] += ok
                c.strict[name] += bool(strict)
            if dump is not None and has_got and has_want and not ok:
                dump.append(
                    {"field": name, "got": got, "want": want, "text": pair.text,
                     "origin": pair.origin, "kind": pair.kind, "group": pair.group}
                )  # fmt: skip
    return out


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else ""


def table(title: str, c: Counts) -> None:
    share = c.structured / c.references if c.references else 0.0
    print(f"\n{title}: {c.references} references, {share:.1%} structured")
    print(
        f"  {'field':<8}{'emitted':>8}{'judged':>7}{'correct':>8}{'labelled':>9}"
        f"{'precision':>10}{'recall':>8}{'strict p.':>10}"
    )
    for name in FIELDS:
        if not (c.emitted[name] or c.expected[name]):
            continue
        print(
            f"  {name:<8}{c.emitted[name]:>8}{c.judged[name]:>7}{c.correct[name]:>8}"
            f"{c.expected[name]:>9}{_ratio(c.correct[name], c.judged[name]):>10}"
            f"{_ratio(c.correct[name], c.expected[name]):>8}"
            f"{_ratio(c.strict[name], c.judged[name]):>10}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description="reference parser on third-party structures")
    parser.add_argument("folders", nargs="+", type=Path, help="folders (or files) to read")
    parser.add_argument("--dump", type=Path, help="write every disagreement (JSON lines)")
    parser.add_argument("--show", type=int, default=0, help="print N disagreements")
    parser.add_argument(
        "--review", type=Path, help="write the readings of '*.refs.txt' lines (JSON lines)"
    )
    args = parser.parse_args()
    print("command: python3 bench/citations_external.py " + " ".join(sys.argv[1:]))
    pairs = read_pairs(args.folders)
    kinds: dict[str, int] = {}
    for p in pairs:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    print(f"pairs read: {len(pairs)} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    names = {"ru": "Russian, Cyrillic", "ru-Latn": "Russian works in Latin script",
             "en": "other (English and others)"}  # fmt: skip
    dump: list[dict] = []
    structured = [p for p in pairs if p.gold is not None]
    if structured:
        counts = measure(structured, dump)
        table("with a structure: all", counts["all"])
        for group in GROUPS:
            if counts[group].references:
                table(f"with a structure: {names[group]}", counts[group])
    plain = [p for p in pairs if p.gold is None]
    review: list[dict] = []
    if plain:
        counts = measure(plain, review=review)
        print("\nlists without a structure (share structured only):")
        for group in ("all", *GROUPS):
            c = counts[group]
            if c.references:
                print(
                    f"  {names.get(group, 'all'):<32}{c.references:>6} references"
                    f"{c.structured / c.references:>8.1%} structured"
                )
    if args.review:
        with args.review.open("w", encoding="utf-8") as out:
            for row in review:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"\n{len(review)} structured readings written to {args.review}")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for row in dump:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"\n{len(dump)} disagreements written to {args.dump}")
    for row in dump[: args.show]:
        print(f"\n[{row['group']}] {row['field']}: got {row['got']!r}, publisher {row['want']!r}")
        print(f"  {row['text']}\n  ({row['origin']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
