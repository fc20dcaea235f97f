"""What a batch run is asked to do and what it gives back: settings, jobs, entries, counts."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from converter.batch.fingerprint import code_fingerprint
from converter.errors import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_OUTPUT,
)
from converter.input_limit import ENV as INPUT_LIMIT_ENV
from converter.naming import DEFAULT_PATTERN
from converter.notices import notice
from converter.options import Options
from converter.version import __version__

# error: a bug (exit 70); unwritten: the output place failed (disk full, read-only), which stops
# the run (exit 73); not-article: a YAML/JSON file a folder or glob found that is some other
# file (a site's settings, package.json), or with --from jats an XML file plainly not JATS (a
# sitemap, an OJS export), skipped with one line for them all, exit unchanged
UNWRITTEN = "unwritten"
NOT_ARTICLE = "not-article"
STATUSES = ("converted", "invalid", "bad-input", "skipped", "error", UNWRITTEN, NOT_ARTICLE)


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """Everything a batch run is asked to do (the same for every article)."""

    out_dir: Path
    options: Options
    fmt: str | None = None  # reader for every source; None: detected per file
    journal: Path | None = None  # journal file for every article (--journal)
    journal_name: str | None = None  # how messages name it: ``<stdin>`` for ``--journal -``
    pattern: str = DEFAULT_PATTERN
    jobs: int = 0  # worker processes; 0: one per core; 1: in this process
    force: bool = False
    chunk_size: int = 16
    encoding: str | None = None  # CSV text encoding (None: detected)
    delimiter: str | None = None  # CSV column separator (None: detected)
    # the run's JATSCONV_MAX_INPUT_MB, as it is when the run is asked for: workers started
    # from a server process (``driver.worker_context``) have that server's environment
    input_limit: str | None = field(default_factory=lambda: os.environ.get(INPUT_LIMIT_ENV))
    # the fingerprint of the converter's own files (``fingerprint``), taken once in the main
    # process: every stamp of the run holds the same one, whatever a worker started later sees
    code: str = field(default_factory=code_fingerprint)

    def stamp_key(self) -> str:
        """What, besides the input, decides an output: version, options, journal, pattern."""
        parts = [__version__, self.options.key(), str(self.journal or ""), self.pattern]
        if self.encoding or self.delimiter:
            parts.append(f"{self.encoding or ''}/{self.delimiter or ''}")
        return "|".join(parts)


@dataclass(slots=True)
class Job:
    """One unit of work: an article file (or a multi-article file), or one spreadsheet row."""

    seq: int
    key: str  # identity in the manifest: the resolved path, plus '#N' for a row
    path: str
    fmt: str | None = None
    row: int = 0  # spreadsheet row number (0: the whole file)
    values: dict[str, Any] | None = None  # the row's cells
    journal: str | None = None  # journal file for this job (from an issue file or --journal)
    problems: tuple[str, ...] = ()  # found while listing sources (bad issue file, no such file)
    found: bool = False  # found by a folder scan or a glob, not named (``ReadContext.found``)

    @property
    def name(self) -> str:
        """The source as lines and reports name it: the file, ``FILE#N`` for row N."""
        return f"{self.path}#{self.row}" if self.values is not None else self.path


@dataclass(slots=True)
class Entry:
    """What happened to one article (a job may hold several)."""

    source: str
    status: str
    output: str | None = None  # output path relative to the output folder
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    temp: str | None = None  # the worker's temporary file, until renamed into place
    removed: list[str] = field(default_factory=list)  # an earlier run's outputs, now stale
    doi: str | None = None  # the article's, to say two of a run that share one (shared_dois)

    def as_dict(self, out_dir: Path) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "status": self.status,
            "output": os.path.join(out_dir, self.output) if self.output else None,
            "problems": self.problems,
        }
        if self.removed:
            data["earlier_output_removed"] = [str(out_dir / name) for name in self.removed]
        if self.warnings:
            data["warnings"] = [notice(w).as_dict() for w in self.warnings]
        return data


@dataclass(slots=True)
class JobResult:
    seq: int
    key: str
    entries: list[Entry]
    # for the manifest (``manifest.Record``)
    record: tuple[str, tuple[str, ...], str, tuple[str, ...], tuple[str, ...]] | None
    # the worker's time on the job, which sizes the chunks still to go (``driver.Pace``)
    seconds: float = 0.0


@dataclass(slots=True)
class Summary:
    """Counts and timing of a finished (or interrupted) run."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    seconds: float = 0.0
    interrupted: bool = False
    stopped: str | None = None  # why the run stopped early: an output could not be written
    # workers that had not stopped STOP_GRACE seconds after a stop and were terminated (see
    # ``driver.stop_pool``: the interpreter may then hang as it exits)
    workers_ended: int = 0
    # sources a run stopped early (interrupted, or an output that could not be written) did not
    # reach: the next run converts them (``Books.not_reached`` lists them)
    not_reached: int = 0
    # sources an earlier run converted that are gone now (deleted, renamed, moved), with
    # outputs still in the folder that no source of this run claims: kept, and said
    sources_gone: int = 0
    outputs_of_gone: int = 0
    # articles converted again because an earlier converter (other code under the same version
    # or another) wrote their outputs: said once per run (``Books.code_line``)
    converter_changed: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def rate(self) -> float:
        return self.total / self.seconds if self.seconds > 0 else 0.0

    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        if self.stopped:
            return EXIT_OUTPUT
        if self.counts["error"]:
            return EXIT_INTERNAL
        if self.counts["bad-input"]:
            return EXIT_INPUT
        if self.counts["invalid"]:
            return EXIT_INVALID
        return EXIT_OK
