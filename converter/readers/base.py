"""What every reader shares: the context it reads in and what it yields (``Loaded``).

Kept apart from the registry in ``converter/readers/__init__.py`` so that the readers import
these without importing the registry that lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from converter.notices import Notice, notice

if TYPE_CHECKING:  # not imported at run time: the registry lists readers without the model
    from converter.model import Article
    from converter.readers.native import JournalCache, JournalSource


def _journal_cache() -> JournalCache:
    from converter.readers.native import JournalCache

    return JournalCache()


@dataclass(slots=True)
class ReadContext:
    """What every reader may use: a journal that overrides the source's, the journal cache,
    for CSV the text encoding and column separator the user chose (None: detected), and
    whether the source was found (a batch's folder or glob) rather than named: a YAML/JSON
    file found that is plainly not an article (or, read as JATS, an XML file plainly not JATS)
    is then skipped, not refused."""

    journal: JournalSource | None = None
    cache: Any = field(default_factory=_journal_cache)  # a readers.native.JournalCache
    encoding: str | None = None
    delimiter: str | None = None
    found: bool = False


@dataclass(slots=True)
class Loaded:
    """One article read from a source, or the problems that kept it from being read.

    ``name`` names it in messages (``issue.xml#3``); ``stem`` is the default output file stem.
    ``warnings`` are the reader's non-fatal remarks (markup the output cannot hold, a guessed
    ISSN type), each a ``Notice``: its message, a ``str``, with a ``kind`` ("data dropped",
    "markup simplified", "out of scope"; see ``converter.notices``).
    """

    name: str
    stem: str
    article: Article | None = None
    problems: list[str] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    # A file found (``ReadContext.found``) that is not an article: skipped, ``problems`` says why.
    not_article: bool = False
    # The spreadsheet column each input field came from (``authors[0].orcid`` →
    # ``author1.orcid``), so a finding on the output can name the cell (``with_column``).
    columns: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A plain message counts as data dropped (``notice``): every warning has its kind.
        self.warnings = [notice(w) for w in self.warnings]


Reader = Callable[[Path, ReadContext], Iterator[Loaded]]

# The Crossref REST API the crossref reader asks (``convert --doi``, ``init``) unless told
# otherwise; here so that a command can show it as its default without importing the reader.
DEFAULT_CROSSREF_API = "https://api.crossref.org"


def column_of(path: str, columns: Mapping[str, str]) -> str | None:
    """The spreadsheet column an input field path came from: the path's own, else its
    nearest parent's (``authors[0].name.en.given`` → the column of ``authors[0].name.en``)."""
    probe = path
    while probe:
        column = columns.get(probe) or columns.get(re.sub(r"\[\d+\]$", "", probe))
        if column:
            return column
        probe = probe.rpartition(".")[0] if "." in probe else ""
    return None


_INPUT_FIELD = re.compile(r"\(input field ([^()\s]+)\)$")


def with_column(message: str, columns: Mapping[str, str]) -> str:
    """A finding's message ending ``(input field references[0].text.en)`` with the column that
    field came from, ``(input field references[0].text.en, column references:en)``: a
    spreadsheet's editor finds the cell by it, not by the field path."""
    found = _INPUT_FIELD.search(message) if columns else None
    column = field_column(found[1], columns) if found else None
    if not found or not column:
        return message
    return f"{message[: found.start()]}(input field {found[1]}, {column})"


def field_column(path: str, columns: Mapping[str, str]) -> str | None:
    """The words naming the column an input field came from, 'column authors:en' ('columns …'
    for a value read from several), or None: no column, one named as the field is, or one of
    another language (the field's own language was not given)."""
    column = column_of(path, columns) if columns else None
    if not column or column == path:
        return None
    # (a field's language follows a named part, 'abstract.en', 'name.en': a part after an
    # item, 'references[0].doi', is a field, even when its name looks like a language's)
    parts = path.split(".")
    steps = {
        part for before, part in pairwise(parts)
        if not before.endswith("]") and re.fullmatch(r"[a-z]{2,3}(?:-\w+)*", part)
    }  # fmt: skip
    langs = set(re.findall(r":([A-Za-z]{2,3}(?:-\w+)*)\b", column))
    if langs and steps and not langs & steps:
        return None
    word = "columns" if " and " in column else "column"
    return f"{word} {column}"
