"""What the non-JATS writers (Crossref, DOAJ, meta tags) share: the Jinja2 environment and
small helpers for languages, dates and deterministic XML serialization."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from lxml import etree

from converter import inline
from converter.validation import safe_parser


@lru_cache(maxsize=1)
def environment() -> Environment:
    """Templates in ``converter/templates/``; every output autoescaped."""
    env = Environment(
        loader=PackageLoader("converter", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters["inline"] = inline.parse_inline
    env.filters["plain"] = inline.plain_text
    return env


def first_language(tag: str) -> str:
    """The primary subtag of a language tag (``ru-RU`` → ``ru``)."""
    return tag.lower().split("-")[0]


def ordered(langs: dict[str, Any], main: str) -> list[tuple[str, Any]]:
    """Items of a per-language mapping, the main language first, then input order."""
    items = [(main, langs[main])] if main in langs else []
    return items + [(lang, value) for lang, value in langs.items() if lang != main]


def iso_date_parts(value: str) -> dict[str, str | None]:
    parts = value.split("-")
    return {
        "iso": value,
        "year": parts[0],
        "month": parts[1] if len(parts) > 1 else None,
        "day": parts[2] if len(parts) > 2 else None,
    }


_PARSER = safe_parser()
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


# Elements whose content is text with inline markup: never re-indented, even when they hold
# markup only (``<title><i>…</i></title>``), since added whitespace would become content.
_MIXED = frozenset(
    {"title", "subtitle", "original_language_title", "p", "unstructured_citation",
     "article_title", "italic", "bold", "sub", "sup", "sc", "underline"}
)  # fmt: skip


def _indent(element: etree._Element, level: int = 0) -> None:
    """Indent element-only content; leave any element holding text (mixed content) untouched."""
    children = [c for c in element if isinstance(c.tag, str)]
    if not children or len(children) != len(element):
        return
    if etree.QName(element).localname in _MIXED:
        return
    if (element.text and element.text.strip()) or any(
        child.tail and child.tail.strip() for child in children
    ):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        child.tail = pad
        _indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level


def serialize_xml(text: str) -> bytes:
    """Parse rendered XML text, indent it and serialize it deterministically (UTF-8)."""
    root = etree.fromstring(text.lstrip().encode("utf-8"), _PARSER)
    _indent(root)
    return _DECLARATION + etree.tostring(root, encoding="UTF-8") + b"\n"
