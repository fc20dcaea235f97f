"""XML namespaces the converter reads and writes, and ``local_name``: defined once here rather
than in each reader, writer and check that needs them."""

from __future__ import annotations

import re
from typing import Any

from converter import lazy_re

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
_NOT_ELEMENTS = lazy_re.compile(r"<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.S)
_START_TAG = lazy_re.compile(r"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def root_name(head: str) -> str | None:
    """The local name of the first element of an XML text's beginning (``None`` if none is
    there): for telling what a file is before parsing it. The XML declaration and processing
    instructions start with '<?', never with a name."""
    match = _START_TAG.search(_NOT_ELEMENTS.sub("", head))
    return match.group(1) if match else None


# The statements the model keeps, by the type JATS gives their element (fn-type, sec-type,
# notes-type; compared in lower case: PMC writes COI-statement): JATS 1.2+'s coi-statement,
# the older conflict, and the data availability section of JATS4R.
STATEMENT_TYPES = {
    "coi-statement": "competing_interests",
    "conflict": "competing_interests",
    "conflict-of-interest": "competing_interests",
    "competing-interests": "competing_interests",
    "competing-interest": "competing_interests",
    "competing-interest-statement": "competing_interests",
    "conflict-of-interests": "competing_interests",
    "conflict-of-interest-statement": "competing_interests",
    "conflict-statement": "competing_interests",
    "data-availability": "data_availability",
}


def statement_field(element: Any) -> str | None:
    """The model's field for a JATS footnote, section or note typed as one of the article's
    statements (``competing_interests``, ``data_availability``); None for any other."""
    kind = element.get("fn-type") or element.get("sec-type") or element.get("notes-type") or ""
    return STATEMENT_TYPES.get(kind.strip().lower().replace("_", "-"))
