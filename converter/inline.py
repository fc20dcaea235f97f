"""Inline markup of text fields, parsed into nodes the templates render (never raw markup).

Editors mark style with a few HTML tags: ``<i>``/``<em>``, ``<b>``/``<strong>``, ``<sub>``,
``<sup>``, ``<sc>``, ``<u>``. Anything else, unbalanced tags included, stays literal text and
is escaped on output. Reference text also gets its DOIs, URLs and e-mail addresses as links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter import lazy_re

_TAGS = {
    "i": "italic",
    "em": "italic",
    "b": "bold",
    "strong": "bold",
    "sub": "sub",
    "sup": "sup",
    "sc": "sc",
    "u": "underline",
}
_TAG_RE = lazy_re.compile(r"<(/?)(i|em|b|strong|sub|sup|sc|u)>", re.IGNORECASE)
# A DOI may hold a "<…>" part: an old SICI DOI, "10.1175/1520-0469(1979)036<0099:TRITAS>2.0.CO;2"
# (the link stopped at its "<", naming another DOI); a "<" with no ">" after it ends the DOI.
_LINK_RE = lazy_re.compile(
    r"(?P<doi>\b10\.\d{4,9}/(?:[^\s\"<>]|<[^\s\"<>]*>)+)|(?P<url>\b(?:https?|ftp)://[^\s\"<>]+)",
    re.IGNORECASE,
)
_TRAILING = ".,;:)]}»"


# An e-mail address, which a reference may give ('Contact: иван@почта.рф'): written as an
# ``email`` element, in any script, and kept as written in a reference's Latin form.
_EMAIL_RE = lazy_re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A ``mailto:`` link's scheme before an address ('(mailto:j.smith@example.org)'): no part of
# the address, which is all JATS's ``<email>`` holds.
MAILTO = lazy_re.compile(r"\bmailto:(?=([\w.+-]+@[\w-]+(?:\.[\w-]+)+))", re.IGNORECASE)


def link_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each DOI and web address in ``text`` as the writers link it (its
    trailing full stop or bracket left out) and of each e-mail address: the parts of a
    reference that are written as given in any script, an internationalized domain's
    Cyrillic (http://президент.рф/…) as much as a DOI's."""
    spans: list[tuple[int, int]] = []
    if "/" in text:
        for match in _LINK_RE.finditer(text):
            spans.append((match.start(), match.start() + len(_linked(match))))
    if "@" in text:
        for match in _EMAIL_RE.finditer(text):
            if not any(start <= match.start() < end for start, end in spans):
                spans.append(match.span())
    return sorted(spans)


def without_addresses(text: str) -> str:
    """``text`` with each link (``link_spans``, e-mail addresses too) put as a space: what a
    reference's script is judged by, its addresses being in any script."""
    if "/" not in text and "@" not in text:
        return text
    out: list[str] = []
    pos = 0
    for start, end in link_spans(text):
        out.append(text[pos:start])
        out.append(" ")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def without_links(text: str) -> str:
    """``text`` with each DOI and web address the writers link (``ext-link``) put as a space:
    an address is kept as written, so its words are neither English text nor a transliteration
    (the consistency check reads what is left, as ``check`` reads a JATS file's text outside
    its links)."""
    return _LINK_RE.sub(" ", text) if "/" in text else text


MAX_DEPTH = 32
"""Style tags nested deeper than this are refused (``depth``): real text needs three or four,
and rendering nested markup recurses, so 5,000 nested ``<i>`` would exhaust Python's stack."""


def depth(text: str) -> int:
    """How deeply the style tags in ``text`` nest (0 for plain text), counting opening tags
    not yet closed; it stops counting once past ``MAX_DEPTH``."""
    if "<" not in text:
        return 0
    level = deepest = 0
    for match in _TAG_RE.finditer(text):
        level = max(level - 1, 0) if match.group(1) else level + 1
        if level > deepest:
            deepest = level
            if deepest > MAX_DEPTH:
                break
    return deepest


@dataclass(slots=True)
class Node:
    """An element in inline content: ``tag`` is the JATS name, ``attrs`` its attributes."""

    tag: str
    children: list[Node | str] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)


Inline = list["Node | str"]


def parse_inline(text: str) -> Inline:
    """Parse style tags into nodes; fall back to plain text when tags do not balance."""
    if "<" not in text:
        return [text] if text else []
    if depth(text) > MAX_DEPTH:  # the model refuses such text; never recurse into it here
        return [text]
    root = Node("root")
    stack = [root]
    pos = 0
    for match in _TAG_RE.finditer(text):
        if match.start() > pos:
            stack[-1].children.append(text[pos : match.start()])
        closing, name = match.group(1), _TAGS[match.group(2).lower()]
        if not closing:
            node = Node(name)
            stack[-1].children.append(node)
            stack.append(node)
        elif len(stack) > 1 and stack[-1].tag == name:
            stack.pop()
        else:
            return [text]
        pos = match.end()
    if len(stack) != 1:
        return [text]
    if pos < len(text):
        root.children.append(text[pos:])
    return root.children


def plain_text(text: str) -> str:
    """The text without style tags (for titles in places that take no markup)."""
    return "".join(_flatten(parse_inline(text)))


def _flatten(nodes: Inline) -> list[str]:
    out: list[str] = []
    for node in nodes:
        out.extend([node] if isinstance(node, str) else _flatten(node.children))
    return out


def may_link(text: str) -> bool:
    """Whether ``text`` can hold a DOI, URL or e-mail address that ``link_identifiers`` links.
    False is exact: then neither alternative of ``_LINK_RE`` can match, nor ``_EMAIL_RE``
    (an address has "@"; a URL has "://"; a DOI starts "10."
    and four digits, which ``_DOI_START`` finds by its literal prefix, where ``_LINK_RE``'s
    scan tries every position: ~3 µs a reference text, and most Russian references hold
    "10." in a year or a number, "2010." or "№ 10.")."""
    return "://" in text or "@" in text or ("10." in text and _DOI_START.search(text) is not None)


_DOI_START = lazy_re.compile(r"10\.\d{4}")
_DOI_URL = lazy_re.compile(
    r"(?P<resolver>https?://(?:dx\.)?doi\.org/)(?P<doi>10\.\d{4,9}/\S+)$", re.IGNORECASE
)


def link_identifiers(text: str) -> Inline:
    """Split citation text so DOIs become ``pub-id``, URLs ``ext-link`` and e-mail addresses
    ``email`` nodes: a Cyrillic address (иван@почта.рф) as a Latin one (neither was marked)."""
    if not may_link(text):
        return [text] if text else []
    if "@" not in text:
        return _doi_and_url_nodes(text)
    nodes: Inline = []
    for node in _doi_and_url_nodes(text):
        nodes.extend(_email_nodes(node) if isinstance(node, str) else [node])
    return nodes


def _email_nodes(text: str) -> Inline:
    """``text`` (outside a link) with its e-mail addresses as ``email`` nodes. A ``mailto:``
    before one is left out, as the readers leave it out of the text: ``<email>`` holds the
    address alone, and a model built in Python was written ``mailto:<email>…</email>``."""
    nodes: Inline = []
    pos = 0
    for match in _EMAIL_RE.finditer(text):
        before = text[pos : match.start()]
        if before[-len("mailto:") :].casefold() == "mailto:":
            before = before[: -len("mailto:")]
        if before:
            nodes.append(before)
        nodes.append(Node("email", [match.group()]))
        pos = match.end()
    if pos < len(text):
        nodes.append(text[pos:])
    return nodes


def _doi_and_url_nodes(text: str) -> Inline:
    """``text`` with its DOIs as ``pub-id`` and its web addresses as ``ext-link`` nodes."""
    if not may_link(text):
        return [text] if text else []
    nodes: Inline = []
    pos = 0
    for match in _LINK_RE.finditer(text):
        value = _linked(match)
        start = match.start()
        if start > pos:
            nodes.append(text[pos:start])
        doi_in_url = _DOI_URL.match(value)
        if match.group("doi"):
            nodes.append(Node("pub-id", [value], {"pub-id-type": "doi"}))
        elif doi_in_url:
            # (a resolver address alone, 'https://doi.org/ 10.1111/…' with the DOI after a
            # space, or a DOI with its '/' percent-encoded is a plain link)
            nodes.append(doi_in_url["resolver"])
            nodes.append(Node("pub-id", [doi_in_url["doi"]], {"pub-id-type": "doi"}))
        else:
            nodes.append(Node("ext-link", [value], {"ext-link-type": "uri", "xlink:href": value}))
        pos = start + len(value)
    if pos < len(text):
        nodes.append(text[pos:])
    return nodes


def _linked(match: re.Match[str]) -> str:
    """The identifier a match of ``_LINK_RE`` links: without the full stop or bracket after
    it, but with a closing bracket that belongs to it, e.g. 10.1002/(SICI)…"""
    value = match.group().rstrip(_TRAILING)
    while value.count("(") > value.count(")") and match.group()[len(value) :][:1] == ")":
        value += ")"
    return value
