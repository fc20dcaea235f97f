"""What rules work on and give: the document wrapper (``Doc``), ``Hit`` and ``Finding``.

A rule yields ``Hit``s: the element the finding is about (or ``None`` when something is missing:
the finding then points at the nearest parent that exists), the message, and optionally the
input field it comes from. ``converter.checks.registry`` registers rules and turns their hits
into findings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from converter import relations
from converter.xmlns import XML_LANG, lang_in_effect, local_name

Severity = Literal["error", "warning"]
# Where a rule comes from: the service's own tool ("service": PMC's Style Checker, JATS4R's
# Schematron), our reading of a service's documentation ("reading"), or this project's own bar
# ("ours": identifier standards, calendars, JATS4R-style good practice).
Basis = Literal["service", "reading", "ours"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding of one rule: what, how bad, and where (element path, line, input field)."""

    rule: str
    severity: Severity
    message: str
    path: str
    line: int
    field: str | None = None

    def __str__(self) -> str:
        place = f"input field {self.field}" if self.field else self.path
        return f"{self.severity}: [{self.rule}] {self.message} ({place})"


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule function yields; ``Rule.run`` turns it into a ``Finding``."""

    element: etree._Element | None
    message: str
    field: str | None = None
    # A rule that runs a service's own rule set (the JATS4R Schematron) reports each of that
    # set's rules under its own id and severity.
    rule: str | None = None
    severity: Severity | None = None


class Doc:
    """A parsed JATS document and the lookups rules need."""

    def __init__(
        self,
        tree: etree._ElementTree,
        today: dt.date | None = None,
        scheme: str | None = None,
        contributors: Sequence[int] | None = None,
    ):
        self.tree = tree
        # The input index (``authors[N]``) of each contributor in the order the file lists
        # them, when the caller knows the article the file was written from: the JATS writer
        # groups contributors by role (authors, then editors …), so with roles interleaved
        # in the input the file's second contributor may be the input's third. None: the
        # file's own order (the input's, for a JATS file read back).
        self._contributor_order = contributors
        self._contributors: list[etree._Element] | None = None
        self._positions: dict[int, int] = {}  # id of each of them -> its place in the file
        # The journal's transliteration scheme, when known (from the journal file on convert,
        # ``check --scheme`` on JATS): a JATS file does not say which scheme it follows.
        self.scheme = scheme
        self.root = tree.getroot()
        self.lang = (self.root.get(XML_LANG) or "en").lower()
        self.today = today or dt.datetime.now(dt.UTC).date()
        self._meta = self.root.find("front/article-meta")
        self._elements: tuple[etree._Element, ...] | None = None
        self._stream: str | None = None
        self._preprint: bool | None = None

    @property
    def meta(self) -> etree._Element:
        """``article-meta`` (the root when missing, so lookups simply find nothing)."""
        return self._meta if self._meta is not None else self.root

    def contributors(self) -> list[etree._Element]:
        """The contributors of article-meta in file order; a group's members listed inside
        it (PLOS) are none of their own (the converter reads the group alone)."""
        if self._contributors is None:
            members = {id(el) for c in self.meta.iter("collab") for el in c.iter("contrib")}
            # (kept in the list, the elements keep their ids while the Doc lives)
            self._contributors = [c for c in self.meta.iter("contrib") if id(c) not in members]
            self._positions = {id(c): n for n, c in enumerate(self._contributors)}
        return self._contributors

    def contributor_index(self, contrib: etree._Element) -> int:
        """The input index (``authors[N]``) of ``contrib``, one of ``contributors()``."""
        self.contributors()
        index = self._positions.get(id(contrib), 0)
        order = self._contributor_order
        return order[index] if order is not None and index < len(order) else index

    def journal_meta(self) -> etree._Element | None:
        return self.root.find("front/journal-meta")

    def elements(self) -> tuple[etree._Element, ...]:
        """Every element in document order (comments and processing instructions skipped).

        The tree is walked once and the list shared: some fourteen rules of the pmc profile
        read every element, and each walked the whole tree again (a walk costs ~6x a pass over
        the list). Rules only read the tree, so the list stays true while they run."""
        if self._elements is None:
            self._elements = tuple(el for el in self.root.iter() if isinstance(el.tag, str))
        return self._elements

    def stream(self) -> str:
        """The PMC Style Checker's stream: 'manuscript' (an NIHMS processing instruction),
        'rrn' (a Rapid Research Note, said in the properties instruction) or 'article'. Read
        once: three pmc rules ask, and each asking searched the whole tree twice."""
        if self._stream is None:
            tree = self.tree
            if tree.xpath("//processing-instruction('nihms')"):
                self._stream = "manuscript"
            else:
                properties = tree.xpath("//processing-instruction('properties')")
                rrn = properties and "RRN" in (properties[0].text or "")
                self._stream = "rrn" if rrn else "article"
        return self._stream

    def is_preprint(self) -> bool:
        """Whether the article is a preprint, as ``convert`` tells one
        (``converter.relations.is_preprint``): an ``article-version`` of type status says
        ``preprint``, or a ``related-article`` of type ``published-article`` names the article
        it became. Its Crossref deposit is then posted content (no ISSN, no issue, no pages).
        Read once: the crossref and general rules ask it several times a document."""
        if self._preprint is None:
            self._preprint = self._says_preprint()
        return self._preprint

    def _says_preprint(self) -> bool:
        meta = self.meta
        stated = any(
            relations.says_preprint(el.get("article-version-type"), self.text(el))
            for child in meta
            if isinstance(child.tag, str)
            and local_name(child) in ("article-version", "article-version-alternatives")
            for el in child.iter("{*}article-version")
        )
        return relations.is_preprint(
            (el.get("related-article-type") or "" for el in meta.iter("related-article")), stated
        )

    def lang_of(self, el: etree._Element) -> str:
        """The language in effect at ``el``: its own or an ancestor's ``xml:lang``."""
        return lang_in_effect(el, self.lang)

    def text(self, el: etree._Element | None) -> str:
        """All text of an element, whitespace collapsed."""
        if el is None:
            return ""
        return " ".join("".join(el.itertext()).split())

    def path(self, el: etree._Element) -> str:
        """A readable element path: ``/article/front/article-meta/contrib-group[1]/contrib[2]``."""
        parts = []
        node: etree._Element | None = el
        while node is not None:
            tag = local_name(node) or "?"
            parent = node.getparent()
            if parent is not None:
                same = [c for c in parent if c.tag == node.tag]
                if len(same) > 1:
                    tag += f"[{same.index(node) + 1}]"
            parts.append(tag)
            node = parent
        return "/" + "/".join(reversed(parts))
