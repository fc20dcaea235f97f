"""The Python API the CLI is a thin layer over: article → JATS bytes → validated file."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from lxml import etree

from converter.atomic import write_atomic
from converter.errors import InputError
from converter.grammars import Grammars
from converter.model import Article, Journal
from converter.readers.native import JournalCache, load_article
from converter.validation import Problem, dtd_problems, safe_parser
from converter.writers.jats import JatsVersion, TagSet, doctype, render_jats

# Elements whose content mixes text and markup: their whitespace is content, never re-indented.
_MIXED = frozenset(
    {
        "article-title",
        "subtitle",
        "trans-title",
        "trans-subtitle",
        "p",
        "license-p",
        "mixed-citation",
        "kwd",
        "funding-statement",
        "aff",
        "institution",
        "collab",
        "title",
        "source",
        "chapter-title",
        "copyright-statement",
        "copyright-holder",
        "subject",
        "string-name",
        "bold",
        "italic",
        "sub",
        "sup",
        "sc",
        "underline",
        "ext-link",
        "xref",
        "self-uri",
        "publisher-name",
        "journal-title",
        "abbrev-journal-title",
        "meta-value",
        "funding-source",
        "element-citation",
        "comment",
        "role",
        "bio",
    }
)
_PARSER = safe_parser()
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def indent(element: etree._Element, level: int = 0) -> None:
    """Indent element-only content by two spaces per level; leave mixed content untouched."""
    children = list(element)
    if not children or element.tag in _MIXED:
        return
    if (element.text and element.text.strip()) or any(
        child.tail and child.tail.strip() for child in children
    ):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        child.tail = pad
        indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level


@dataclass(slots=True)
class Output:
    """A rendered document and what the DTD said of it."""

    data: bytes
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems


def to_jats(
    article: Article,
    *,
    version: JatsVersion = "1.4",
    tag_set: TagSet = "publishing",
    grammars: Grammars | None = None,
    name: str = "output.xml",
) -> Output:
    """Render, indent and (when ``grammars`` is given) DTD-validate one article.

    The bytes are deterministic: the same article and options give the same file.
    Problems carry line and column in the returned bytes.
    """
    text = render_jats(article, version, tag_set)
    root = etree.fromstring(text.lstrip().encode("utf-8"), _PARSER)
    indent(root)
    data = _DECLARATION + etree.tostring(root.getroottree(), encoding="UTF-8") + b"\n"
    if grammars is None:
        return Output(data)
    tree = etree.fromstring(data, _PARSER).getroottree()
    dt = doctype(version, tag_set)
    return Output(data, dtd_problems(tree, grammars.dtd(dt.public_id, dt.system_id), name))


Status = Literal["converted", "invalid", "bad-input"]


@dataclass(slots=True)
class Conversion:
    """What happened to one input file."""

    source: str
    status: Status
    output: str | None = None
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "status": self.status,
            "output": self.output,
            "problems": self.problems,
        }


def output_path(source: Path, out_dir: Path | None) -> Path:
    """``article.yaml`` → ``OUT/article.xml`` (beside the input when no folder is given)."""
    return (out_dir or source.parent) / (source.stem + ".xml")


def convert_file(
    source: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    version: JatsVersion = "1.4",
    tag_set: TagSet = "publishing",
    grammars: Grammars | None = None,
    journal: Journal | Path | None = None,
    write_invalid: bool = False,
    cache: JournalCache | None = None,
) -> Conversion:
    """Convert one article file to a JATS file, validated when ``grammars`` is given.

    An invalid result is not written unless ``write_invalid``. Input problems are reported in
    the returned ``Conversion``, never raised.
    """
    path = Path(source)
    try:
        article = load_article(path, journal=journal, cache=cache)
    except InputError as exc:
        return Conversion(str(path), "bad-input", problems=exc.lines())
    target = output_path(path, Path(out_dir) if out_dir is not None else None)
    result = to_jats(article, version=version, tag_set=tag_set, grammars=grammars, name=str(target))
    status: Status = "converted" if result.valid else "invalid"
    written = None
    if result.valid or write_invalid:
        write_atomic(target, result.data)
        written = str(target)
    return Conversion(str(path), status, written, [str(p) for p in result.problems])
