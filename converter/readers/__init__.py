"""Input formats. Each reader turns one source file into articles of the model.

A reader is ``read(path, context) -> Iterator[Loaded]``: a source may hold one article (a YAML
file) or many (an OJS export). A bad article is yielded with its problems, never raised, so the
others still convert. ``READERS`` maps the name given to ``--from`` to the reader;
``detect_format`` picks one from the file's name and content when ``--from`` is not given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from converter.errors import InputError
from converter.model import Article, Journal
from converter.readers import native


@dataclass(slots=True)
class ReadContext:
    """What every reader may use: a journal that overrides the source's, and the journal cache."""

    journal: Journal | Path | None = None
    cache: native.JournalCache = field(default_factory=native.JournalCache)


@dataclass(slots=True)
class Loaded:
    """One article read from a source, or the problems that kept it from being read.

    ``name`` names it in messages (``issue.xml#3``); ``stem`` is the default output file stem.
    ``warnings`` are non-fatal remarks (markup the output cannot hold, a guessed ISSN type).
    """

    name: str
    stem: str
    article: Article | None = None
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # non-fatal: markup dropped, data guessed


Reader = Callable[[Path, ReadContext], Iterator[Loaded]]


def read_native(path: Path, context: ReadContext) -> Iterator[Loaded]:
    """The project's own YAML/JSON article file: one article."""
    try:
        article = native.load_article(path, journal=context.journal, cache=context.cache)
    except InputError as exc:
        yield Loaded(str(path), path.stem, problems=exc.lines())
        return
    yield Loaded(str(path), path.stem, article)


READERS: dict[str, Reader] = {
    "yaml": read_native,
    "json": read_native,
}

# Content sniffers, tried in order for files whose extension does not decide the format.
SNIFFERS: list[Callable[[Path, bytes], str | None]] = []

# Spreadsheets (one row per article), recognised by their extension.
from converter.readers import spreadsheet  # noqa: E402  (needs ReadContext and Loaded above)

READERS.update(csv=spreadsheet.read_spreadsheet, xlsx=spreadsheet.read_spreadsheet)
SNIFFERS.append(spreadsheet.sniff)

# Where journals already keep metadata: OJS exports, landing pages, Crossref, older JATS/NLM.
from converter.readers import crossref, html, jats, ojs  # noqa: E402  (same reason)

READERS.update(ojs=ojs.read, html=html.read, crossref=crossref.read, jats=jats.read)
SNIFFERS.extend([ojs.sniff, crossref.sniff, jats.sniff, html.sniff])


def detect_format(path: Path) -> str:
    """The reader for a file: by extension for YAML/JSON, else by sniffing its first bytes."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    default = "json" if suffix == ".json" else "yaml"
    try:
        head = path.read_bytes()[:4096]
    except OSError:
        return default
    for sniff in SNIFFERS:
        found = sniff(path, head)
        if found:
            return found
    return default


def read_source(path: Path, fmt: str | None, context: ReadContext) -> Iterator[Loaded]:
    """Every article of one source file in format ``fmt`` (detected when None)."""
    name = fmt or detect_format(path)
    reader = READERS.get(name)
    if reader is None:
        known = ", ".join(sorted(READERS))
        yield Loaded(str(path), path.stem, problems=[f"{path}: unknown format {name!r} ({known})"])
        return
    if path.is_dir():
        problem = f"{path}: is a folder (convert takes files; 'jatsconv batch' takes folders)"
        yield Loaded(str(path), path.stem, problems=[problem])
        return
    if not path.is_file():
        yield Loaded(str(path), path.stem, problems=[f"{path}: cannot read: no such file"])
        return
    yield from reader(path, context)
