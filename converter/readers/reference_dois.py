"""Reference DOIs typed with hyphen look-alikes or spaces, set right and said: one rule for
every way an article is built (each reader, ``load_article`` and ``article_from_data``, the
web app's edit form), so that a reference reads the same from any source.

Publishers typeset DOIs with en dashes (PMC's '10.1007/s00338–011–0800–0') and editors paste
them so from word processors; written as they came they are ``pub-id``s no registry holds.
"""

from __future__ import annotations

import re
from typing import Any

from converter.identifiers import DASHES, is_doi, normalize_doi
from converter.inline import MAILTO, link_identifiers
from converter.model import Article
from converter.notices import SIMPLIFIED, Notice
from converter.readers.markup import Collector


def reference_doi(value: Any, where: str, log: Collector) -> str | None:
    """A reference's DOI as the model takes it, else None with a warning.

    Registries and publishers keep DOIs as typed or typeset: a hyphen look-alike (U+2010, an
    en dash in PMC's files: '10.1007/s00338–011–0800–0') or a space inside
    ('10.1126/science. 1109070'), or with a label before a resolver address
    ('doi:http://dx.doi.org/…'). One such reference must not refuse the whole article, nor
    be written as a DOI no registry holds: dashes and spaces are set right (said), anything
    else that is not a DOI is left out of the reference (said), the reference itself kept.
    The Crossref and JATS readers read every reference DOI with this one rule.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return normalize_doi(value)
    except ValueError:
        pass
    repaired = re.sub(r"\s+", "", "".join("-" if c in DASHES else c for c in value))
    # SciELO's files write the "doi:" label before a resolver address
    # ('doi:http://dx.doi.org/10.1007/…'): the DOI was left out of the reference
    repaired = re.sub(r"^doi:(?=https?://)", "", repaired, flags=re.IGNORECASE)
    try:
        doi = normalize_doi(repaired)
    except ValueError as exc:
        log.warn(f"{where}: DOI left out: {exc}")
        return None
    log.warn(f"{where}: DOI {value!r} read as {doi!r}", SIMPLIFIED)
    return doi


def dois_set_right(text: str, where: str, log: Collector) -> str:
    """A reference's text with each DOI in it that holds a hyphen look-alike set right, said
    by ``reference_doi`` under ``where``. Publishers typeset DOIs with en dashes (PMC's
    '10.1007/s00338\u2013011\u20130800\u20130') and editors paste them so from word
    processors; the JATS writer links every DOI of a reference's text as a ``pub-id``, and
    such a DOI was written as one no registry holds (the ``doi-syntax`` rule named it). Which
    DOIs the text holds is the writer's own reading (``link_identifiers``): dashes that are
    no part of a DOI (years, page ranges, an address) stay as written. A reader that also
    reads a DOI field of the reference names both by one ``where``, so that a DOI given twice
    is said once. A ``mailto:`` before an e-mail address is left out too (``_without_mailto``).
    """
    if "mailto:" in text.casefold():
        text = _without_mailto(text, where, log)
    if text.isascii():
        return text  # (every look-alike is non-ASCII: nearly every text skips the scan)
    parts: list[str] = []
    for node in link_identifiers(text):
        if isinstance(node, str):
            parts.append(node)
            continue
        value = "".join(str(child) for child in node.children)
        candidate = "".join("-" if char in DASHES else char for char in value)
        if node.tag == "pub-id" and candidate != value and is_doi(candidate):
            value = reference_doi(value, where, log) or value
        parts.append(value)
    return "".join(parts)


def reference_texts_set_right(article: Article) -> list[Notice]:
    """Set right the DOIs typed with hyphen look-alikes in the texts of ``article``'s
    references (``dois_set_right``), each said once per reference under its field
    (``references[2]: DOI '…' read as '…'``): what every way of building an article does
    (``native.article_from_data``), so that a reference reads the same from any source. The
    article is the one just built: its references are changed in place."""
    log = Collector()
    for index, ref in enumerate(article.references):
        if ref.text and not all(map(_nothing_to_set_right, ref.text.values())):
            where = f"references[{index}]"
            ref.text = {lang: dois_set_right(text, where, log) for lang, text in ref.text.items()}
    return log.warnings


def _nothing_to_set_right(text: str) -> bool:
    """True when ``dois_set_right`` would leave ``text`` as it is, told without scanning it
    (nearly every reference): no hyphen look-alike (all are non-ASCII) and no ``mailto:``."""
    return text.isascii() and "mailto:" not in text.casefold()


def _without_mailto(text: str, where: str, log: Collector) -> str:
    """``text`` with the ``mailto:`` of a link to an e-mail address left out, said: the JATS
    writer marks the address as ``<email>``, which holds the address alone, and the scheme
    left before it read ``mailto:<email>…</email>`` (until 4 December 2026). Left out of the
    text itself, not only of the JATS, the reference reads back from the JATS as it is."""
    for found in MAILTO.finditer(text):
        log.warn(f"{where}: {found[0] + found[1]!r} read as the e-mail address {found[1]!r}",
                 SIMPLIFIED)  # fmt: skip
    return MAILTO.sub("", text)
