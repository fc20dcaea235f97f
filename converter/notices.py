"""Reader warnings with a kind, so that the ones that matter are not buried among the others.

A reader's warning is a ``Notice``: a ``str`` (its message, so code that prints or compares
warnings keeps working) with a ``kind``:

- ``DROPPED`` ("data dropped"): a fact of the input is not in the output — an affiliation, a
  licence, a reference, a date left out. ``--strict`` turns these into errors, for archive
  migrations that must be lossless. A warning given without a kind is taken as this one, so a
  loss is never hidden by forgetting to classify it.
- ``SIMPLIFIED`` ("markup simplified"): every fact is kept, only its markup is not (an
  ``<inline-formula>`` reduced to its text, a ``<span>`` unwrapped).
- ``OUT_OF_SCOPE`` ("out of scope"): a part of the input the converter never reads (the body of
  a JATS article). It holds on nearly every file, so a run says it once, not once per file.

Readers give them with ``Collector.warn(message, kind)`` (``converter.readers.markup``); the CLI
prints the per-file ones, then ``summary(...)`` ("2 data dropped, 5 markup simplified"), and
the out-of-scope ones once at the end of the run (``RunNotices``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final, Literal

Kind = Literal["data dropped", "markup simplified", "out of scope"]
DROPPED: Final = "data dropped"
SIMPLIFIED: Final = "markup simplified"
OUT_OF_SCOPE: Final = "out of scope"
KINDS: Final[tuple[Kind, ...]] = (DROPPED, SIMPLIFIED, OUT_OF_SCOPE)


class Notice(str):
    """A warning's message (the ``str`` itself) and its ``kind``."""

    kind: Kind

    def __new__(cls, message: str, kind: Kind = DROPPED) -> Notice:
        if kind not in KINDS:
            raise ValueError(f"unknown notice kind {kind!r}")
        notice = super().__new__(cls, message)
        notice.kind = kind
        return notice

    def __reduce__(self) -> tuple[Any, ...]:  # batch workers send notices between processes
        return (Notice, (str(self), self.kind))

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "message": str(self)}


def notice(value: str | dict[str, Any]) -> Notice:
    """A ``Notice`` from a message (an unclassified one counts as data dropped) or from its
    ``as_dict`` form (as stored in a batch's run state)."""
    if isinstance(value, Notice):
        return value
    if isinstance(value, dict):
        return Notice(str(value.get("message", "")), value.get("kind", DROPPED))
    return Notice(value)


def kind_of(warning: str) -> Kind:
    return getattr(warning, "kind", DROPPED)


def counts(warnings: Iterable[str]) -> dict[Kind, int]:
    """How many warnings of each per-file kind (out-of-scope notices are not counted)."""
    found: dict[Kind, int] = {DROPPED: 0, SIMPLIFIED: 0}
    for warning in warnings:
        kind = kind_of(warning)
        if kind in found:
            found[kind] += 1
    return found


def summary(warnings: Iterable[str]) -> str | None:
    """'2 data dropped, 5 markup simplified', or None when the file has neither."""
    found = counts(warnings)
    if not any(found.values()):
        return None
    return ", ".join(f"{n} {kind}" for kind, n in found.items())


def per_file(warnings: Iterable[str]) -> list[Notice]:
    """The warnings said for each file: data dropped first, then markup simplified."""
    items = [notice(w) for w in warnings]
    order = {DROPPED: 0, SIMPLIFIED: 1}
    return sorted((w for w in items if w.kind in order), key=lambda w: order[w.kind])


def report_lines(source: str, warnings: Iterable[str], *, quiet: bool = False) -> list[str]:
    """What the CLI prints for one file: each warning as ``SOURCE: warning (KIND): message``,
    data dropped first (``quiet`` leaves out markup simplified), then the summary line
    ``SOURCE: warnings: 2 data dropped, 5 markup simplified``."""
    items = per_file(warnings)
    lines = [
        f"{source}: warning ({w.kind}): {w}" for w in items if not (quiet and w.kind == SIMPLIFIED)
    ]
    line = summary(items)
    if line:
        lines.append(f"{source}: warnings: {line}")
    return lines


def strict_problems(source: str, warnings: Iterable[str]) -> list[str]:
    """Under ``--strict``: each data-dropped warning as a problem line that fails the article."""
    return [
        f"{source}: data dropped (--strict makes this an error): {w}"
        for w in warnings
        if kind_of(w) == DROPPED
    ]


def rejected_line(source: str, output: str | None, removed: str = "") -> str:
    """The line that closes a rejected article's problems, in the same words in ``convert``
    and ``batch``: whether its output was written anyway (``--write-invalid``) and the earlier
    output removed. The problems above it say why: the DTD, a profile's error, or what a
    ``--to`` service needs (a DOI, the depositor), which "DTD/schema/profile" misnamed."""
    note = f"written to {output}" if output else "not written"
    if removed:
        note += f"; earlier output removed: {removed}"
    return f"{source}: output rejected ({note})"


class RunNotices:
    """The out-of-scope notices of a run, each said once with what it holds for: the number of
    files, or of articles and the files they are in where a file holds several (a spreadsheet's
    rows, an OJS issue's articles: '(6 articles of 1 file)'); each article was counted as a file
    ('issue.csv: read as Windows-1251 … (6 files)')."""

    def __init__(self) -> None:
        self.articles: dict[str, int] = {}
        self.sources: dict[str, set[str]] = {}

    def add(self, warnings: Iterable[str], source: str = "") -> None:
        """The notices of one article, read from ``source`` (its name: ``issue.csv#2`` for a
        file's second article, as the readers name it)."""
        for message in {str(w) for w in warnings if kind_of(w) == OUT_OF_SCOPE}:
            count = self.articles[message] = self.articles.get(message, 0) + 1
            files = self.sources.setdefault(message, set())
            # an article given no name is its own file, as each was counted before
            files.add(_file_of(source) if source else f"#{count}")

    def lines(self) -> list[str]:
        return [f"note: {message} ({self._held(message)})" for message in self.articles]

    def _held(self, message: str) -> str:
        articles, files = self.articles[message], len(self.sources[message])
        said = f"{files} file{'s' if files != 1 else ''}"
        if articles == files:
            return said
        return f"{articles} articles of {said}"


def _file_of(source: str) -> str:
    """The file an article's name says it was read from: ``issue.csv`` of ``issue.csv#2``."""
    path, mark, index = source.rpartition("#")
    return path if mark and index.isdigit() else source
