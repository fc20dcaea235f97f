"""What an XML file begins with (its root element, the root's first child, its DOCTYPE), found
by parsing its start rather than by searching a fixed window of its first bytes.

A root element after a long comment, a DOCTYPE's internal subset or many namespace declarations
lies past any such window (a DOAJ file whose ``<record>`` began after 4 KB was taken for XML no
reader claims), and a tag written inside a comment is no element. The parser is the one every
reader parses untrusted XML with: no DTD, no entity expansion, no network; and it stops at the
root's first child, so a large export is not read whole to be told apart.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from converter.readers.encoding import marked_encoding, utf16_order

# How far into a file its root and the root's first child are looked for: comments or a
# DOCTYPE's declarations longer than this before them are no metadata file's. The first bytes
# the sniffers read (``head``) start past comments and processing instructions up to it too.
LIMIT = _LIMIT = 1 << 20
LIMIT_SAID = "1 MB"
_HEAD = 4096
# What may come before a document's first tag or DOCTYPE: blanks, comments and processing
# instructions (the XML declaration among them).
_PRELUDE = re.compile(rb"(?:\s+|<!--.*?-->|<\?.*?\?>)*", re.DOTALL)
_CHUNK = 1 << 16
_BOMS = {"utf-16le": codecs.BOM_UTF16_LE, "utf-16be": codecs.BOM_UTF16_BE}


@dataclass(frozen=True, slots=True)
class XmlStart:
    """The start of an XML file: local names and namespaces ('' for none) of its root element
    and of the root's first child element (None: the root holds none, or none before the
    file's first error), the root's attributes, and the DOCTYPE's public and system ids."""

    root: str
    namespace: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    child: str | None = None
    child_namespace: str = ""
    public_id: str | None = None
    system_url: str | None = None


def xml_start(path: Path) -> XmlStart | None:
    """The start of the XML file ``path``, or None when it does not begin as XML (YAML, JSON,
    HTML whose prolog XML refuses, a declaration or comment that is malformed) or cannot be
    read. UTF-16 is read with or without its byte-order mark."""
    try:
        with path.open("rb") as stream:
            return _start(stream)
    except OSError:
        return None


def _start(stream: BinaryIO) -> XmlStart | None:
    parser = etree.XMLPullParser(
        events=("start",),
        load_dtd=False,
        dtd_validation=False,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
    )
    found: list[etree._Element] = []
    read = 0
    while len(found) < 2 and read < _LIMIT:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        if read == 0 and marked_encoding(chunk) is None and (order := utf16_order(chunk)):
            # (libxml2 tells UTF-16 without its mark only when an XML declaration begins it)
            chunk = _BOMS[order] + chunk
        read += len(chunk)
        try:
            parser.feed(chunk)
        except etree.XMLSyntaxError:
            found += [element for _event, element in parser.read_events()]
            break
        found += [element for _event, element in parser.read_events()]
    if not found:
        return None
    root = found[0]
    info = root.getroottree().docinfo
    namespace, name = _split(root.tag)
    child_namespace, child = _split(found[1].tag) if len(found) > 1 else ("", None)
    return XmlStart(
        root=name,
        namespace=namespace,
        attributes={str(key): str(value) for key, value in root.attrib.items()},
        child=child,
        child_namespace=child_namespace,
        public_id=info.public_id,
        system_url=info.system_url,
    )


def first_bytes(stream: BinaryIO, size: int = _HEAD) -> bytes:
    """The first ``size`` bytes of a UTF-8 file past its opening blanks, comments and processing
    instructions, when they fill that window (looked for within ``LIMIT``): a page that begins
    with a 10 KB licence comment before its ``<!doctype html>`` (which XML refuses, so the
    parser finds no root) was 'XML with no element in its start', and one after 5,000 blanks
    was read as YAML. Otherwise its first ``size`` bytes, as they are."""
    head = stream.read(size)
    skipped = _PRELUDE.match(head, 3 if head.startswith(codecs.BOM_UTF8) else 0)
    if skipped is None or skipped.end() < size - 64:  # (what follows is in the window)
        return head
    data = head + stream.read(_LIMIT - len(head))
    start = _PRELUDE.match(data, skipped.start()).end()  # (type checkers: a match always)
    return data[start : start + size] if start < len(data) else head


def reads_within(stream: BinaryIO, pattern: re.Pattern[bytes]) -> bool:
    """Whether ``pattern`` occurs in the stream's first ``LIMIT`` bytes (read in chunks, a
    match across two of them found too)."""
    tail = b""
    read = 0
    while read < _LIMIT:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return False
        read += len(chunk)
        if pattern.search(tail + chunk):
            return True
        tail = chunk[-512:]
    return False


def _split(tag: str) -> tuple[str, str]:
    """(namespace, local name) of a Clark name ('{ns}name', or 'name' in no namespace)."""
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag
