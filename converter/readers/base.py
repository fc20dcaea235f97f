"""What every reader shares: the context it reads in and what it yields (``Loaded``).

Kept apart from the registry in ``converter/readers/__init__.py`` so that the readers import
these without importing the registry that lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
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

    def __post_init__(self) -> None:
        # A plain message counts as data dropped (``notice``): every warning has its kind.
        self.warnings = [notice(w) for w in self.warnings]


Reader = Callable[[Path, ReadContext], Iterator[Loaded]]

# The Crossref REST API the crossref reader asks (``convert --doi``, ``init``) unless told
# otherwise; here so that a command can show it as its default without importing the reader.
DEFAULT_CROSSREF_API = "https://api.crossref.org"
