"""Markup found in sources (HTML in OJS abstracts and web pages, JATS in Crossref records and old
JATS/NLM files) turned into the model's inline tags: ``<i> <b> <sub> <sup> <sc> <u>``.

What JATS inline text cannot hold (links, spans, images, formulas …) loses its tags but keeps its
text, and each kind of dropped tag is reported once as a warning: markup never survives as
escaped tags in the output text.
"""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Iterable

from lxml import etree
from lxml import html as lxml_html

from converter import lazy_re
from converter.notices import DROPPED, SIMPLIFIED, Kind, Notice
from converter.xmlns import local_name

# Source tag (HTML or JATS, lower case, no namespace) → the model's inline tag.
INLINE_TAGS = {
    "i": "i",
    "em": "i",
    "italic": "i",
    "b": "b",
    "strong": "b",
    "bold": "b",
    "sub": "sub",
    "sup": "sup",
    "sc": "sc",
    "u": "u",
    "underline": "u",
}
# Elements that end a paragraph: their content becomes paragraphs of its own.
BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "section",
        "article", "table", "tr", "td", "th", "dl", "dt", "dd", "pre", "br", "hr", "sec",
        "list", "list-item", "disp-quote", "body",
    }
)  # fmt: skip
# Elements that only carry layout: unwrapped without a warning.
_SILENT = frozenset({"span", "font", "abstract", "html", "body", "title-group", "named-content"})
# Elements whose content is not text at all: dropped with what they hold.
_DROP_ALL = frozenset({"script", "style", "head", "img", "object", "iframe", "svg", "math"})
# Of those, the ones that hold no fact of the article (a page's scripts and styles).
_NOT_FACTS = frozenset({"script", "style", "head"})
# (HTML's ``header`` is a section's heading: eLife sets its abstract's 'Abstract' in one)
_HEADINGS = frozenset({"title", "label", "h1", "h2", "h3", "h4", "h5", "h6", "header"})
_SPACES = lazy_re.compile(r"\s+")
_EMPTY_TAG = lazy_re.compile(r"<(i|b|sub|sup|sc|u)>\s*</\1>")
_OPEN_SPACE = lazy_re.compile(r"(<(?:i|b|sub|sup|sc|u)>) ")
_SPACE_CLOSE = lazy_re.compile(r" (</(?:i|b|sub|sup|sc|u)>)")


class Collector:
    """Warnings of one article, each said once, each with its kind (``converter.notices``):
    ``DROPPED`` (the default: a fact of the input is not in the output), ``SIMPLIFIED`` (only
    markup lost) or ``OUT_OF_SCOPE`` (a part never read, said once per run)."""

    def __init__(self) -> None:
        self.warnings: list[Notice] = []

    def warn(self, message: str, kind: Kind = DROPPED) -> None:
        if message not in self.warnings:
            self.warnings.append(Notice(message, kind))


def escape_angle(text: str) -> str:
    """Literal text that looks like one of the model's tags must not turn into markup."""
    return text.replace("<", "\u2039") if re.search(r"</?(i|b|sub|sup|sc|u)>", text) else text


def _entity_text(node: etree._Entity, where: str, log: Collector) -> str:
    """An entity a DTD would have defined (``&ndash;`` in NLM files): the character, if known."""
    char = html.unescape(f"&{node.name};")
    if char == f"&{node.name};":
        log.warn(f"{where}: unknown entity &{node.name}; dropped")
        return ""
    return char


def inline_text(element: etree._Element, where: str, log: Collector) -> str:
    """The content of ``element`` as model text: allowed styles as tags, everything else as text."""
    parts: list[str] = [escape_angle(element.text or "")]
    for child in element:
        parts.append(_node_text(child, where, log))
        parts.append(escape_angle(child.tail or ""))
    return tidy("".join(parts))


def _node_text(node: etree._Element, where: str, log: Collector) -> str:
    if isinstance(node, etree._Entity):
        return _entity_text(node, where, log)
    name = local_name(node, lower=True)
    if not name:  # comment or processing instruction
        return ""
    if name == "math":
        log.warn(f"{where}: <math> (MathML) kept as its text", SIMPLIFIED)
        return math_text(node, styled=True)
    if name == "alternatives":  # the same content several ways: the first that holds text
        chosen = _alternative(node)
        return _node_text(chosen, where, log) if chosen is not None else ""
    if name in _DROP_ALL:
        kind = SIMPLIFIED if name in _NOT_FACTS else DROPPED
        log.warn(f"{where}: <{name}> cannot be held in JATS text: dropped with its content", kind)
        return ""
    inner = [escape_angle(node.text or "")]
    for child in node:
        inner.append(_node_text(child, where, log))
        inner.append(escape_angle(child.tail or ""))
    content = "".join(inner)
    if name in INLINE_TAGS:
        tag = INLINE_TAGS[name]
        return f"<{tag}>{content}</{tag}>"
    if name == "br":
        return " "
    if name not in _SILENT and name not in BLOCK_TAGS:
        log.warn(
            f"{where}: <{name}> markup is not kept (JATS text here takes i b sub sup sc u)",
            SIMPLIFIED,
        )
    return content


def _alternative(node: etree._Element) -> etree._Element | None:
    """Of ``<alternatives>`` (MathML, TeX, an image …), the form whose text to keep: MathML,
    else the first that is not an image."""
    forms = [child for child in node if local_name(child, lower=True)]
    for wanted in ("math", "tex-math"):
        for form in forms:
            if local_name(form, lower=True) == wanted:
                return form
    return next(
        (f for f in forms if local_name(f, lower=True) not in ("graphic", "inline-graphic")), None
    )


def math_text(node: etree._Element, *, styled: bool = False) -> str:
    """The text a MathML formula shows: CO<sub>2</sub> for ``<msub><mi>CO</mi><mn>2</mn>``
    (``styled``), or just CO2. Annotations (TeX source kept inside the formula) are skipped."""
    name = local_name(node, lower=True)
    if name in ("annotation", "annotation-xml"):
        return ""
    children = [child for child in node if local_name(child, lower=True)]
    if name == "semantics" and children:
        return math_text(children[0], styled=styled)
    if name in ("msub", "msup") and len(children) == 2:
        base = math_text(children[0], styled=styled)
        script = math_text(children[1], styled=styled)
        tag = "sub" if name == "msub" else "sup"
        return f"{base}<{tag}>{script}</{tag}>" if styled else base + script
    if name == "msubsup" and len(children) == 3:
        base, low, high = (math_text(c, styled=styled) for c in children)
        return f"{base}<sub>{low}</sub><sup>{high}</sup>" if styled else base + low + high
    if not children:
        text = (node.text or "").strip()
        return escape_angle(text) if styled else text
    return "".join(math_text(child, styled=styled) for child in children)


def remove_keeping_tail(child: etree._Element) -> None:
    """Take ``child`` out of its parent, the text after it (its tail) staying where it stood."""
    parent = child.getparent()
    if parent is None:
        return
    if child.tail:
        before = child.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def tidy(text: str) -> str:
    """Collapse white space, drop empty style tags, and put the space at the edge of a style
    outside it (Pensoft: ``<kwd><italic>⏎ Harmonia manillana⏎</italic></kwd>``)."""
    text = _SPACES.sub(" ", text).strip()
    previous = None
    while previous != text:
        previous, text = text, _EMPTY_TAG.sub("", text)
        text = _OPEN_SPACE.sub(r" \1", _SPACE_CLOSE.sub(r"\1 ", text))
    return _SPACES.sub(" ", text).strip()


def paragraphs(element: etree._Element, where: str, log: Collector) -> list[str]:
    """Split an element holding blocks (``<p>``, ``<div>``, ``<sec>`` …) into paragraphs.

    Inline content between blocks forms a paragraph of its own; a section title becomes a bold
    paragraph, since the model's abstract is a list of paragraphs.
    """
    out: list[str] = []
    loose: list[str] = [escape_angle(element.text or "")]

    def flush() -> None:
        text = tidy("".join(loose))
        if text:
            out.append(text)
        loose.clear()

    for child in element:
        name = local_name(child, lower=True)
        first = not out and not tidy("".join(loose))  # (PLOS puts an anchor before it)
        if (
            name in _HEADINGS
            and first
            and all(
                local_name(before, lower=True) not in _HEADINGS
                for before in child.itersiblings(preceding=True)
            )
        ):
            # the heading of an abstract ("Abstract") is not its text; a section's is kept
            title = inline_text(child, where, log)
            if local_name(element, lower=True) == "sec" and title:
                out.append(f"<b>{title}</b>")
        elif name in ("p", "li", "list-item", "blockquote", "disp-quote", "pre", "dd", "dt"):
            flush()
            if any(local_name(c, lower=True) in BLOCK_TAGS - {"br"} for c in child):
                out.extend(paragraphs(child, where, log))
            else:
                text = inline_text(child, where, log)
                if text:
                    out.append(text)
        elif name in BLOCK_TAGS and name != "br":
            flush()
            out.extend(paragraphs(child, where, log))
        else:
            loose.append(_node_text(child, where, log))
        loose.append(escape_angle(child.tail or ""))
    flush()
    return out


def html_fragment(markup: str) -> etree._Element:
    """Parse an HTML fragment (as OJS stores abstracts) into a ``<div>``; no network, no DTD."""
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, huge_tree=False)
    wrapper = lxml_html.fragment_fromstring(markup, create_parent="div", parser=parser)
    return wrapper


def html_paragraphs(markup: str, where: str, log: Collector) -> list[str]:
    """HTML (``<p>…</p><p>…</p>`` or plain text) → paragraphs of model inline text.

    Plain text with blank lines between paragraphs is split there, as in the YAML format.
    """
    if "<" not in markup:
        return [tidy(part) for part in re.split(r"\n\s*\n", html.unescape(markup)) if part.strip()]
    return paragraphs(html_fragment(markup), where, log)


def html_inline(markup: str, where: str, log: Collector) -> str:
    """HTML inline text (a title with ``<em>``) → one line of model inline text."""
    if "<" not in markup:
        return tidy(html.unescape(markup))
    return inline_text(html_fragment(markup), where, log)


def join_texts(values: Iterable[str]) -> str:
    """Texts joined by a space, white space collapsed."""
    return tidy(" ".join(values))


def plain_text(element: etree._Element, where: str, log: Collector) -> str:
    """The element's text with every tag removed (for fields JATS writes without markup)."""
    return tidy(_plain(element, where, log))


def _plain(element: etree._Element, where: str, log: Collector) -> str:
    """``plain_text`` before its white space is tidied: a space at the edge of a part is kept,
    as it keeps the part from the text beside it ('<source>Biologia </source><volume>66'
    is 'Biologia 66', not 'Biologia66')."""
    parts: list[str] = [element.text or ""]
    for child in element:
        name = local_name(child, lower=True)
        if isinstance(child, etree._Entity):
            parts.append(_entity_text(child, where, log))
        elif name == "math":
            parts.append(math_text(child))
        elif name == "alternatives":
            chosen = _alternative(child)
            if chosen is not None:
                wrapper = etree.Element("x")
                wrapper.append(copy.deepcopy(chosen))
                parts.append(_plain(wrapper, where, log))
        elif name not in _DROP_ALL and name:
            parts.append(_plain(child, where, log))
        parts.append(child.tail or "")
    return "".join(parts)
