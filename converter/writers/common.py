"""What the writers share: the one Jinja2 environment with its filters, and small helpers for
languages, dates and (for Crossref, DOAJ, meta tags) deterministic XML serialization."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from lxml import etree
from markupsafe import Markup, escape

from converter import inline
from converter.model import page_list
from converter.options import Options
from converter.userdirs import user_cache
from converter.validation import Problem, safe_parser
from converter.version import __version__
from converter.xmlns import local_name
from converter.xsd import load_schema, schema_problems

if TYPE_CHECKING:
    from jinja2.bccache import Bucket

    from converter.model import Article

_new_str = str.__new__
_TEXT_SPECIAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "\n"})
_ATTR_SPECIAL = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": " ", "\n": " ", "\r": " "}
)


def xml_text(value: str) -> Markup:
    """``value`` escaped for element content exactly as XML serializers write it (lxml,
    libxml2) after parsing: ``& < >`` as entities, a line end as ``\\n`` (a parser reads
    ``\\r\\n`` and ``\\r`` as one), quotes as they are.

    The JATS writer escapes its text with this before rendering, so that the rendered file is
    the serialized one byte for byte; autoescaping then passes the ``Markup`` through.
    """
    if "&" in value or "<" in value or ">" in value or "\r" in value:
        value = value.replace("\r\n", "\n").translate(_TEXT_SPECIAL)
    return _new_str(Markup, value)  # type: ignore[no-any-return]


def xml_attr(value: str) -> Markup:
    """``value`` escaped for a double-quoted attribute: ``& < > "`` as entities; tabs and line
    ends become spaces, as a parser normalizes them in an attribute value anyway."""
    if (
        "&" in value
        or "<" in value
        or ">" in value
        or '"' in value
        or "\n" in value
        or "\t" in value
        or "\r" in value
    ):
        value = value.replace("\r\n", " ").translate(_ATTR_SPECIAL)
    return _new_str(Markup, value)  # type: ignore[no-any-return]


class _BytecodeCache(FileSystemBytecodeCache):
    """Compiled templates kept between runs in the user cache
    (``$XDG_CACHE_HOME/jats-converter/templates``): compiling the JATS template costs a short
    command ~30 ms, loading it ~1 ms. Jinja checks each entry against the template's source and
    the Python version. A cache that cannot be read or written is simply not used."""

    def __init__(self) -> None:
        super().__init__(str(user_cache("templates") / __version__))

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError, ValueError, EOFError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one environment of every writer: templates in ``converter/templates/``, every output
    autoescaped, an undefined name an error, and all the writers' filters."""
    env = Environment(
        loader=PackageLoader("converter", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        auto_reload=False,  # templates are package data: no stat() per render (batch hot path)
        bytecode_cache=_BytecodeCache(),
    )
    env.filters["inline"] = inline.parse_inline
    env.filters["plain"] = inline.plain_text
    env.filters["linked"] = inline.link_identifiers
    env.filters["nodes"] = nodes_markup
    env.filters["xml_lang"] = xml_lang
    return env


_EMPTY = Markup("")


def xml_lang(code: str | None, main: str | None) -> Markup:
    """`` xml:lang="code"`` for an element in another language than ``main``, else nothing.

    A filter rather than a macro: it is used for every name, affiliation and title (~20 times
    per article) and a Jinja macro call costs ten times a function call. The code is escaped
    (``markupsafe.escape``); ``Markup.format``, which did the same, cost 3 µs a call.
    """
    if code and code != main:
        return Markup(f' xml:lang="{escape(code)}"')
    return _EMPTY


def nodes_markup(items: inline.Inline) -> Markup:
    """Inline nodes (``text|inline`` or ``text|linked``) as escaped markup, for ``{{ …|nodes }}``.

    This is the one place markup is written outside the templates, and on purpose: a Jinja
    macro recursing over the nodes cost a macro call per title, paragraph, keyword and
    reference (a third of the rendering time of a 30-reference article). The element names and
    attributes come from ``converter.inline`` (a fixed set), not from the input; every text and
    every attribute value still goes through ``markupsafe.escape``, exactly as autoescaping
    would, so the input can never inject markup.
    """
    return markup_of_nodes(items, escape, escape, close_empty=False)


def markup_of_nodes(
    items: inline.Inline,
    text: Callable[[str], Markup],
    attr: Callable[[str], Markup],
    *,
    close_empty: bool,
) -> Markup:
    """Inline nodes as markup, each text escaped with ``text`` and each attribute name and value
    with ``attr``; an element with no content as ``<tag/>`` when ``close_empty`` (as XML
    serializes it: the JATS writer's bytes are the serialized file's), else ``<tag></tag>``."""
    if len(items) == 1 and type(items[0]) is str:  # plain text, the common case (references)
        return text(items[0])  # what the join below gives for one escaped string
    out: list[str] = []
    _emit_nodes(items, out, text, attr, close_empty)
    return Markup("".join(out))


def _emit_nodes(
    items: inline.Inline,
    out: list[str],
    text: Callable[[str], Markup],
    attr: Callable[[str], Markup],
    close_empty: bool,
) -> None:
    for item in items:
        if isinstance(item, str):
            out.append(text(item))
            continue
        tag = attr(item.tag)
        out.append(f"<{tag}")
        for key, value in item.attrs.items():
            out.append(f' {attr(key)}="{attr(value)}"')
        if close_empty and not item.children:
            out.append("/>")
            continue
        out.append(">")
        _emit_nodes(item.children, out, text, attr, close_empty)
        out.append(f"</{tag}>")


def first_language(tag: str) -> str:
    """The primary subtag of a language tag (``ru-RU`` → ``ru``)."""
    return tag.lower().split("-")[0]


def ordered(langs: dict[str, Any], main: str) -> list[tuple[str, Any]]:
    """Items of a per-language mapping, the main language first, then input order."""
    if main not in langs or next(iter(langs)) == main:
        return list(langs.items())  # already in that order (most mappings: one language)
    return [(main, langs[main]), *((lang, v) for lang, v in langs.items() if lang != main)]


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
    if local_name(element) in _MIXED:
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


def xsd_problems(kind: str, data: bytes, name: str, options: Options) -> list[Problem]:
    """What the service's XSD (``kind``: crossref, doaj) finds wrong with ``data``, checked when
    the options validate (``options.grammars``) and an XSD folder is configured."""
    if options.grammars is None:
        return []
    schema = load_schema(kind)
    return [] if schema is None else schema_problems(schema, data, name)


def has_pages_after_first_range(page_range: str | None) -> bool:
    """Whether a page range holds more than one range ('110-115, 120-124'): the pages a
    format with only a first and a last page (DOAJ, the meta tags) cannot say."""
    return len(page_list(page_range or "") or []) > 1


def not_carried(article: Article, fields: dict[str, str], where: str) -> list[str]:
    """The lines that say which of ``fields`` (field → why the format has no place for it)
    the article gives, in the words of the Crossref writer's warnings: 'related_articles:
    DOAJ's article XML has no place for related articles: not in the record' (``where``:
    'the record')."""
    return [
        f"{field}: {why}: not in {where}" for field, why in fields.items() if _given(article, field)
    ]


def warnings(name: str, lines: list[str]) -> list[Problem]:
    """Lines said of the output ``name`` as its warnings."""
    return [Problem(name, 0, 0, line, severity="warning") for line in lines]


def _given(article: Article, field: str) -> bool:
    """Whether the article gives ``field``: a value, or for ``page_range`` pages after the
    first range (a single range is all the first and last page say)."""
    if field == "page_range":
        return has_pages_after_first_range(article.page_range)
    return bool(getattr(article, field))
