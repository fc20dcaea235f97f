"""A document's internal DTD subset, read as ``xmllint --valid`` reads it: before the DTD.

A publisher's file may declare in its DOCTYPE what the DTD lacks: an attribute of its own
(``<!ATTLIST article pub-extra CDATA #IMPLIED>``), an element, a notation. xmllint reads those
declarations first and the DTD's after them: the first declaration of an attribute wins, and an
element declared twice (in the DOCTYPE and by the DTD) is a validity error. Here the same
happens offline: the subset's text, followed by a parameter-entity reference to the installed
DTD file, is loaded as one DTD; and the declarations themselves are checked by libxml2's own
validating parser, on a document that holds only that DOCTYPE, so an element declared twice, a
default value outside its list or a second ID attribute is told as xmllint tells it.

Subsets that declare entities never come here (``parse_untrusted`` refuses them: no entity is
ever expanded), so loading a subset reads only the installed DTD files. A subset is bounded
(``refusal``): libxml2's time to compile an element's content model grows with the cube of its
size (a 7 KB model of 1,000 names takes 9 s, in xmllint too), and a publisher's additions are a
few lines.
"""

from __future__ import annotations

import io
import re
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from converter import lazy_re

MAX_SUBSET = 64 * 1024  # characters
MAX_CONTENT_NAMES = 512  # names in all the content models the subset declares (0.2 s at most)

# The document's start up to its subset's "[" (when it has one): the XML declaration, comments,
# PIs, then the DOCTYPE's name and external id. The document is known to be well-formed.
_BEFORE_SUBSET = lazy_re.compile(
    r"""\ufeff?(?:\s+|<\?.*?\?>|<!--.*?-->)*<!DOCTYPE\s+[^\s\[>]+"""
    r"""(?:\s+(?:SYSTEM|PUBLIC))?(?:\s*(?:"[^"]*"|'[^']*'))*\s*(?P<subset>\[)?""",
    re.S,
)
# The subset's text up to its closing "]": a "]" inside a comment, a PI or a quoted value
# does not end it.
_SUBSET_TEXT = lazy_re.compile(r"""(?:[^\]"'<]+|<!--.*?-->|<\?.*?\?>|"[^"]*"|'[^']*'|<)*""", re.S)
_NO_DECLARATION = lazy_re.compile(r"\s+|<!--.*?-->|<\?.*?\?>", re.S)
_ELEMENT_DECLARATION = lazy_re.compile(r"<!ELEMENT\s([^>]*)>")  # no ">" in a content model
_NAME = lazy_re.compile(r"[^\s()|,?*+]+")
# The root of the probe document: a name no DTD declares, so its errors are told apart.
_PROBE_ROOT = "jatsconv-subset-probe"


@dataclass(frozen=True, slots=True)
class Subset:
    """The text between a DOCTYPE's ``[`` and ``]``, and the line its first character is on."""

    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Finding:
    """A declaration xmllint would call invalid: its line in the document, the message, and
    libxml2's own words when the message rewrites them."""

    line: int
    message: str
    raw: str | None = None


def internal_subset(data: bytes, tree: etree._ElementTree) -> Subset | None:
    """The internal subset of a parsed document, when it declares anything (a subset of
    comments alone changes nothing: None). Raises ``ValueError`` when it cannot be found."""
    if tree.docinfo.internalDTD is None:
        return None
    encoding = tree.docinfo.encoding or "utf-8"
    try:
        text = data.decode(encoding, errors="replace")
    except LookupError:  # an encoding libxml2 knows under a name Python does not
        text = data.decode("utf-8", errors="replace")
    opening = _BEFORE_SUBSET.match(text)
    if opening is None:  # libxml2 read a DOCTYPE this reading misses: never judge without it
        raise ValueError("the DOCTYPE's declarations could not be read: not checked")
    if opening["subset"] is None:
        return None
    body = _SUBSET_TEXT.match(text, opening.end())
    assert body is not None  # the pattern matches the empty text
    subset = body.group()
    if not _NO_DECLARATION.sub("", subset):
        return None
    return Subset(subset, text.count("\n", 0, opening.end()) + 1)


def refusal(subset: Subset) -> str | None:
    """Why a subset is not read (too large to read in bounded time), or None."""
    if len(subset.text) > MAX_SUBSET:
        return f"the DOCTYPE's declarations are over {MAX_SUBSET // 1024} KiB: refused, not checked"
    names = sum(
        len(_NAME.findall(declaration)) - 1  # not the declared element's own name
        for declaration in _ELEMENT_DECLARATION.findall(subset.text)
    )
    if names > MAX_CONTENT_NAMES:
        return (
            f"the DOCTYPE's element declarations name {names:,} elements in their content "
            f"models, over {MAX_CONTENT_NAMES}: refused, not checked"
        )
    return None


@dataclass(frozen=True, slots=True)
class Merged:
    """The DTD a document with an internal subset is validated against, and what is wrong with
    the subset's declarations (lines counted from the subset's first line, 1)."""

    dtd: etree.DTD
    findings: tuple[Finding, ...]


def merged_dtd(subset: Subset, root_name: str, dtd_path: str) -> Merged:
    """The subset's declarations, then the DTD at ``dtd_path``'s, as one DTD. Kept for the next
    file with the same subset (files of one publisher share it) unless the subset declares
    elements: libxml2 says an element's content model is not deterministic only the first
    time it validates that element with a DTD. Raises ``etree.DTDParseError`` when the
    declarations do not load."""
    if _ELEMENT_DECLARATION.search(subset.text):
        return _merged(subset.text, root_name, dtd_path)
    return _merged_kept(subset.text, root_name, dtd_path)


def _merged(subset: str, root_name: str, dtd_path: str) -> Merged:
    reference = Path(dtd_path).as_uri()
    text = f'{subset}\n<!ENTITY % jatsconv-dtd SYSTEM "{reference}">\n%jatsconv-dtd;\n'
    dtd = etree.DTD(io.BytesIO(text.encode("utf-8")))
    return Merged(dtd, _declaration_findings(subset, root_name, reference))


_merged_kept = lru_cache(maxsize=16)(_merged)


def _declaration_findings(subset: str, root_name: str, reference: str) -> tuple[Finding, ...]:
    """What libxml2's validating parser says of the declarations, as xmllint reads them: the
    DOCTYPE with its subset, then a root element no DTD declares (its own errors are left out)."""
    probe = f'<!DOCTYPE {root_name} SYSTEM "{reference}" [{subset}]>\n<{_PROBE_ROOT}/>'
    parser = etree.XMLParser(
        load_dtd=True,
        dtd_validation=True,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
    )
    with suppress(etree.XMLSyntaxError):  # the probe's root is invalid by design
        etree.fromstring(probe.encode("utf-8"), parser)
    findings: list[Finding] = []
    for entry in parser.error_log.filter_from_errors():
        if _PROBE_ROOT in entry.message:
            continue
        if entry.filename == "<string>":
            findings.append(Finding(entry.line, declaration_message(entry.message)))
            continue
        where = f"{Path(entry.filename).name}:{entry.line}"
        findings.append(Finding(1, declaration_message(entry.message, where), raw=entry.message))
    return tuple(dict.fromkeys(findings))


_REDEFINED = lazy_re.compile(r"Redefinition of element (?P<name>\S+)")


def declaration_message(message: str, where: str | None = None) -> str:
    """libxml2's finding on a DOCTYPE's declaration, said of the DOCTYPE; ``where`` is the place
    in a DTD file libxml2 gives when the finding is made there (the DTD's own declaration)."""
    match = _REDEFINED.match(message)
    if match and where:
        return (
            f"<{match['name']}> is declared in the DOCTYPE and again by the DTD ({where}): "
            "an element may be declared once"
        )
    if match:
        return (
            f"<{match['name']}> is declared twice in the DOCTYPE: an element may be declared once"
        )
    if where:
        return f"{message} (the DTD's {where}, given the DOCTYPE's declarations)"
    return message
