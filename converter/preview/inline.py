"""JATS inline content as safe HTML: known styles become HTML tags, everything else its text.

The HTML is built from escaped text and a fixed list of tags, never from the document's own
markup, so a metadata value such as ``<script>alert(1)</script>`` (which XML holds as text)
shows as text. Links are made only for ``http``, ``https``, ``ftp`` and ``mailto`` addresses.
"""

from __future__ import annotations

import html
import re

from lxml import etree
from markupsafe import Markup, escape

from converter.xmlns import XLINK_HREF, local_name

# JATS inline element → (HTML tag, class); the content is rendered inside.
_STYLES: dict[str, tuple[str, str | None]] = {
    "italic": ("i", None),
    "bold": ("b", None),
    "sup": ("sup", None),
    "sub": ("sub", None),
    "underline": ("u", None),
    "monospace": ("code", None),
    "sc": ("span", "sc"),
    "overline": ("span", "overline"),
    "strike": ("s", None),
    "roman": ("span", "roman"),
    "sans-serif": ("span", "sans"),
}
_DROP = frozenset({"label", "fn", "alt-text", "long-desc", "object-id"})
_SAFE_URL = re.compile(r"^(https?|ftp)://[^\s<>\"']+$|^mailto:[^\s<>\"']+$", re.IGNORECASE)
_DOI = re.compile(r"10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;:)\]]")
_URL = re.compile(r"https?://[^\s\"<>]+[^\s\"<>.,;:)\]]")
_LINKABLE = re.compile(f"(?:doi:\\s?|https?://(?:dx\\.)?doi\\.org/)?{_DOI.pattern}|{_URL.pattern}")


def safe_url(url: str | None) -> str | None:
    """The address when it is one a page may link to, else None (no ``javascript:``)."""
    if not url:
        return None
    url = url.strip()
    return url if _SAFE_URL.match(url) else None


def doi_url(doi: str) -> str | None:
    """``https://doi.org/…`` for a DOI written bare, with ``doi:`` or as a doi.org URL."""
    match = _DOI.search(doi)
    return f"https://doi.org/{match.group(0)}" if match else None


def link(url: str | None, text: str | Markup) -> Markup:
    """An ``<a>`` to ``url`` when it is safe, else just the (escaped) text."""
    target = safe_url(url)
    if target is None:
        return escape(text)
    return Markup('<a href="{}" rel="noopener">{}</a>').format(target, text)


def linkify(text: str) -> Markup:
    """Escaped text with its DOIs and web addresses made links."""
    out: list[Markup] = []
    position = 0
    for match in _LINKABLE.finditer(text):
        out.append(escape(text[position : match.start()]))
        found = match.group(0)
        lower = found.lower()
        if lower.startswith(("http://", "https://")) and "doi.org/" not in lower:
            target: str | None = found
        else:
            target = doi_url(found)
        out.append(link(target, found))
        position = match.end()
    out.append(escape(text[position:]))
    return Markup("").join(out)


def _text(value: str | None, links: bool) -> Markup:
    if not value:
        return Markup("")
    return linkify(value) if links else escape(value)


def render_inline(
    element: etree._Element | None, *, links: bool = False, skip: frozenset[str] = frozenset()
) -> Markup:
    """The content of ``element`` (its text and children, not the element itself) as HTML.

    ``links``: make DOIs and URLs found in plain text links (reference lists); ``skip``: child
    elements left out (the member list inside a group author's ``collab``).
    """
    if element is None:
        return Markup("")
    parts = [_text(element.text, links)]
    for child in element:
        if local_name(child) not in skip:
            parts.append(_node(child, links))
        parts.append(_text(child.tail, links))
    return Markup("").join(parts)


def _node(node: etree._Element, links: bool) -> Markup:
    if isinstance(node, etree._Entity):  # an entity a DTD would define (&ndash; in NLM files)
        char = html.unescape(f"&{node.name};")
        return escape("" if char.startswith("&") else char)
    name = local_name(node)
    if not name or name in _DROP:
        return Markup("")
    if name in _STYLES:
        tag, css = _STYLES[name]
        inner = render_inline(node, links=links)
        if css:
            return Markup('<{0} class="{1}">{2}</{0}>').format(Markup(tag), css, inner)
        return Markup("<{0}>{1}</{0}>").format(Markup(tag), inner)
    if name in ("ext-link", "uri", "self-uri"):
        text = "".join(node.itertext()).strip()
        href = node.get(XLINK_HREF) or text
        return link(href, render_inline(node) if text else href)
    if name == "email":
        address = "".join(node.itertext()).strip()
        return link(f"mailto:{address}", address)
    if name == "pub-id" and (node.get("pub-id-type") or "").lower() == "doi":
        value = "".join(node.itertext()).strip()
        return link(doi_url(value), value)
    if name == "break":
        return Markup("<br>")
    if name in ("xref",):
        return Markup("<sup>{}</sup>").format(render_inline(node)) if node.text else Markup("")
    return render_inline(node, links=links)


def plain(element: etree._Element | None) -> str:
    """All text of an element, white space collapsed."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())
