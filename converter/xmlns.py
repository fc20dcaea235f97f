"""XML namespaces the converter reads and writes, and ``local_name``: defined once here rather
than in each reader, writer and check that needs them."""

from __future__ import annotations

import re
from typing import Any

XML = "http://www.w3.org/XML/1998/namespace"
XLINK = "http://www.w3.org/1999/xlink"
MML = "http://www.w3.org/1998/Math/MathML"
ALI = "http://www.niso.org/schemas/ali/1.0/"
# The NISO standard writes the namespace with its final slash; many publishers' files bind the
# prefix without it (a different namespace to XML), meaning the same.
ALI_NO_SLASH = ALI.rstrip("/")

# Clark names ({namespace}local) of the attributes looked up most.
XML_LANG = f"{{{XML}}}lang"
XLINK_HREF = f"{{{XLINK}}}href"
ALI_LICENSE_REF = f"{{{ALI}}}license_ref"
ALI_LICENSE_REFS = (ALI_LICENSE_REF, f"{{{ALI_NO_SLASH}}}license_ref")  # either spelling


def local_name(element: Any, *, lower: bool = False) -> str:
    """The tag of an lxml element without its namespace ('' for comments and processing
    instructions, whose tag is not a string); ``lower``: in lower case (HTML, NLM sources)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    name = tag.rpartition("}")[2]
    return name.lower() if lower else name


def lang_in_effect(element: Any, default: str) -> str:
    """The language in effect at ``element``, lower-cased: its own ``xml:lang`` or its nearest
    ancestor's, else ``default``."""
    node = element
    while node is not None:
        value = node.get(XML_LANG)
        if value:
            return value.lower()
        node = node.getparent()
    return default


# What precedes the root element and can hold a '<' followed by a name: comments, and a
# DOCTYPE's internal subset (entity values).
_NOT_ELEMENTS = re.compile(r"<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.S)
_START_TAG = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def root_name(head: str) -> str | None:
    """The local name of the first element of an XML text's beginning (``None`` if none is
    there): for telling what a file is before parsing it. The XML declaration and processing
    instructions start with '<?', never with a name."""
    match = _START_TAG.search(_NOT_ELEMENTS.sub("", head))
    return match.group(1) if match else None
