"""The parallel batch driver: many sources in, one validated output per article, resumable.

It knows nothing about JATS: it finds sources, hands them to worker processes that call the
library (read, name, render, validate), and keeps the books — names claimed, files renamed into
place, up-to-date stamps, the report. Design points:

* Workers load the grammar and templates once (pool initializer) and receive work in chunks with
  a bounded number in flight, so memory stays flat however many articles there are.
* A worker writes each output to a temporary file beside its target; only this (main) process
  renames it into place, after checking the name is not claimed by another article of the run or
  by a file it did not write. A rename is atomic: an interrupted batch leaves complete files and,
  after clean-up, no temporary ones.
* Up-to-date check: a manifest in the output folder stores, per source (file, or spreadsheet
  row), a stamp of its input bytes, the journal files it used, the converter version and the
  options. A source whose stamp matches and whose outputs exist is skipped, without parsing.
* Nothing per article stays on the main process's heap: the manifest is an SQLite database in
  the output folder, and the run's source list, claimed names and report rows live in a private
  temporary SQLite database (deleted when the run ends). Memory is the same for 1,000 articles
  as for 100,000; SQLite keeps a few MB of pages cached.
"""

from __future__ import annotations

import contextlib
import fnmatch
import gc
import glob
import hashlib
import json
import os
import signal
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import quoteattr

import yaml

from converter import __version__
from converter.api import prepare
from converter.atomic import write_atomic_stream, write_temp
from converter.errors import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    ConverterError,
    InputError,
)
from converter.naming import DEFAULT_PATTERN, NamePattern
from converter.notices import RunNotices, notice, report_lines, strict_problems
from converter.options import Options
from converter.readers import Loaded, ReadContext, read_source
from converter.readers.native import JOURNAL_FILE_NAMES, JournalCache, find_journal_file
from converter.readers.spreadsheet import iter_rows, loaded_from_row
from converter.writers import SUFFIXES, render

MANIFEST_NAME = ".jatsconv-manifest.sqlite"
LEGACY_MANIFEST_NAME = ".jatsconv-manifest.json"  # earlier versions: imported once, removed
ISSUE_FILE_NAMES = ("issue.yaml", "issue.yml")
ISSUE_FILE_SUFFIXES = (".issue.yaml", ".issue.yml")
# What a folder scan picks up: the project's own article files and spreadsheets. Other formats
# (XML exports, HTML) are taken when named or globbed, never from a folder that may hold outputs.
FOLDER_SUFFIXES = (".yaml", ".yml", ".json", ".csv", ".xlsx")
# With --from, a folder scan takes the files of that format instead.
FORMAT_SUFFIXES = {
    "yaml": (".yaml", ".yml"),
    "json": (".json",),
    "csv": (".csv",),
    "xlsx": (".xlsx", ".xlsm"),
    "ojs": (".xml",),
    "jats": (".xml",),
    "crossref": (".xml", ".json"),
    "html": (".html", ".htm"),
}
SPREADSHEET_FORMATS = ("csv", "xlsx")
STATUSES = ("converted", "invalid", "bad-input", "skipped", "error")  # error: a bug (exit 70)


# ------------------------------------------------------------------------ settings and jobs


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """Everything a batch run is asked to do (the same for every article)."""

    out_dir: Path
    options: Options
    fmt: str | None = None  # reader for every source; None: detected per file
    journal: Path | None = None  # journal file for every article (--journal)
    pattern: str = DEFAULT_PATTERN
    jobs: int = 0  # worker processes; 0: one per core; 1: in this process
    force: bool = False
    chunk_size: int = 16

    def stamp_key(self) -> str:
        """What, besides the input, decides an output: version, options, journal, pattern."""
        return "|".join([__version__, self.options.key(), str(self.journal or ""), self.pattern])


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


@dataclass(slots=True)
class Entry:
    """What happened to one article (a job may hold several)."""

    source: str
    status: str
    output: str | None = None  # output path relative to the output folder
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    temp: str | None = None  # the worker's temporary file, until renamed into place

    def as_dict(self, out_dir: Path) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "status": self.status,
            "output": str(out_dir / self.output) if self.output else None,
            "problems": self.problems,
        }
        if self.warnings:
            data["warnings"] = [notice(w).as_dict() for w in self.warnings]
        return data


@dataclass(slots=True)
class JobResult:
    seq: int
    key: str
    entries: list[Entry]
    record: tuple[str, tuple[str, ...], str, tuple[str, ...]] | None  # for the manifest


@dataclass(slots=True)
class Summary:
    """Counts and timing of a finished (or interrupted) run."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def rate(self) -> float:
        return self.total / self.seconds if self.seconds > 0 else 0.0

    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        if self.counts["error"]:
            return EXIT_INTERNAL
        if self.counts["bad-input"]:
            return EXIT_INPUT
        if self.counts["invalid"]:
            return EXIT_INVALID
        return EXIT_OK


# ------------------------------------------------------------------------ finding sources


def _is_issue_file(path: Path) -> bool:
    name = path.name.lower()
    return name in ISSUE_FILE_NAMES or name.endswith(ISSUE_FILE_SUFFIXES)


def _scan_folder(folder: Path, skip: Path | None, fmt: str | None = None) -> Iterator[str]:
    """Article files and spreadsheets under a folder, sorted, hidden ones and outputs skipped."""
    suffixes = FORMAT_SUFFIXES.get(fmt or "", FOLDER_SUFFIXES)
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and (skip is None or Path(os.path.join(root, d)).resolve() != skip)
        )
        for name in sorted(files):
            lower = name.lower()
            if (
                name.startswith(".")
                or not lower.endswith(suffixes)
                or lower in JOURNAL_FILE_NAMES
                or _is_issue_file(Path(name))
            ):
                continue
            yield os.path.join(root, name)


def _issue_file(path: Path) -> tuple[list[Path], str | None, list[str]]:
    """An issue file: ``articles:`` (paths or globs, relative to it) and an optional journal."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return [], None, [f"{path}: cannot read issue file: {exc}"]
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        return [], None, [f"{path}: articles: an issue file needs a list of article files"]
    unknown = sorted(set(data) - {"articles", "journal"})
    if unknown:
        return (
            [],
            None,
            [f"{path}: {unknown[0]}: unknown field (an issue file has articles, journal)"],
        )
    journal = data.get("journal")
    if journal is not None and not isinstance(journal, str):
        return [], None, [f"{path}: journal: expected the path of a journal file"]
    base = path.parent
    found: list[Path] = []
    problems = []
    for index, item in enumerate(data["articles"]):
        if not isinstance(item, str) or not item.strip():
            problems.append(f"{path}: articles[{index}]: expected a file name or a glob")
            continue
        if glob.has_magic(item):
            matches = sorted(Path(p) for p in glob.glob(str(base / item), recursive=True))
            if not matches:
                problems.append(f"{path}: articles[{index}]: {item!r} matches no file")
            found.extend(matches)
        else:
            target = base / item
            if not target.is_file():
                problems.append(f"{path}: articles[{index}]: {item}: no such file")
            else:
                found.append(target)
    journal_path = str((base / journal).resolve()) if journal else None
    return found, journal_path, problems


# SQLite's page cache per connection (KB). Its default, 2 MB, fills as the tables grow: three
# connections made 6 MB more at 100,000 articles than at 1,000. Pages not cached come back from
# the operating system's file cache, at a few microseconds each.
_CACHE_KB = 512


def _scratch_db() -> sqlite3.Connection:
    """A private temporary SQLite database: on disk, deleted when closed, never committed.

    The run's per-article state lives here rather than in dicts and lists, which grew the main
    process by ~1 KB per article (226 MB at 100,000 articles against 107 MB at 1,000).
    """
    db = sqlite3.connect("", isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute(f"PRAGMA cache_size=-{_CACHE_KB}")  # pages beyond it are read back from the OS
    db.execute("BEGIN")  # one transaction for the whole run: no journal, no sync per row
    return db


class SourceList:
    """The files of a run, in order, each once, with the journal file an issue file names for
    some of them; kept in a scratch database (see ``_scratch_db``), not in memory."""

    def __init__(self) -> None:
        self.db = _scratch_db()
        self.db.execute(
            "CREATE TABLE files (seq INTEGER PRIMARY KEY, path TEXT NOT NULL, journal TEXT)"
        )
        self.db.execute("CREATE TABLE seen (key TEXT PRIMARY KEY) WITHOUT ROWID")
        self.count = 0

    def mark_seen(self, key: str) -> bool:
        """Note ``key`` (an absolute path); False when it was noted before."""
        return self.db.execute("INSERT OR IGNORE INTO seen VALUES (?)", (key,)).rowcount == 1

    def append(self, path: str, journal: str | None) -> None:
        self.db.execute("INSERT INTO files VALUES (?, ?, ?)", (self.count, path, journal))
        self.count += 1

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[tuple[str, str | None]]:
        # A cursor of its own: the rows come from disk as they are needed.
        yield from self.db.cursor().execute("SELECT path, journal FROM files ORDER BY seq")

    def close(self) -> None:
        self.db.close()


def list_sources(
    sources: Iterable[str],
    skip: Path | None = None,
    fmt: str | None = None,
    ignore: Iterable[Path] = (),
) -> tuple[SourceList, list[str]]:
    """Expand folders, globs and issue files into files (with a journal override), in order.

    ``skip`` is a folder never scanned (the output folder), ``ignore`` files never taken (the
    report). Returns the files (each once) and problems (a source that does not exist …).
    """
    files = SourceList()
    problems: list[str] = []
    for path in ignore:
        files.mark_seen(os.path.abspath(path))

    def add(path: str | Path, journal: str | None = None) -> None:
        if files.mark_seen(os.path.abspath(path)):
            files.append(str(path), journal)

    for source in sources:
        path = Path(source)
        if path.is_dir():
            for item in _scan_folder(path, skip, fmt):
                add(item)
        elif path.is_file():
            if _is_issue_file(path):
                listed, journal, issue_problems = _issue_file(path)
                problems.extend(issue_problems)
                for item in listed:
                    add(item, journal)
            else:
                add(path)
        elif glob.has_magic(source):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                problems.append(f"{source}: matches no file")
            for match in matches:
                item = Path(match)
                if item.is_dir():
                    for found in _scan_folder(item, skip, fmt):
                        add(found)
                elif item.is_file() and not fnmatch.fnmatch(item.name, ".*"):
                    add(item)
        else:
            problems.append(f"{source}: no such file or folder")
    return files, problems


def _format_of(path: str, fmt: str | None) -> str | None:
    if fmt:
        return fmt
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    return None


def iter_jobs(
    files: Iterable[tuple[str, str | None]], settings: BatchSettings, problems: Iterable[str] = ()
) -> Iterator[Job]:
    """One job per article file; a spreadsheet is read here and gives one job per row.

    Sources that could not be listed come first, as jobs that only report their problem.
    """
    seq = 0
    for line in problems:
        source = line.split(": ", 1)[0]
        yield Job(seq, f"?{source}", source, problems=(line,))
        seq += 1
    override = str(settings.journal.resolve()) if settings.journal else None
    for path, journal in files:
        fmt = _format_of(path, settings.fmt)
        key = os.path.abspath(path)
        if fmt in SPREADSHEET_FORMATS:
            try:
                for number, values in iter_rows(Path(path)):
                    yield Job(
                        seq, f"{key}#{number}", path, fmt, number, values, override or journal
                    )
                    seq += 1
            except InputError as exc:
                yield Job(seq, key, path, fmt, problems=tuple(exc.lines()))
                seq += 1
            continue
        yield Job(seq, key, path, fmt, journal=override or journal)
        seq += 1


# ------------------------------------------------------------------------ the worker side


class _RecordingCache(JournalCache):
    """The journal cache, noting which journal files the current article used.

    The journal file beside a folder's articles is looked up once per folder and run (as
    ``_found_journal`` does for the stamps), and a journal path resolved once per run (its
    modification time is still checked for every article): ~15 file-system calls saved per
    article.
    """

    def __init__(self) -> None:
        super().__init__()
        self.used: set[str] = set()
        self.beside: dict[str, Path | None] = {}
        self.resolved: dict[str, Path] = {}

    def resolve(self, path: Path) -> Path:
        key = str(path)
        found = self.resolved.get(key)
        if found is None:
            found = self.resolved[key] = super().resolve(path)
        return found

    def load(self, path: Path) -> Any:
        self.used.add(os.path.abspath(path))
        return super().load(path)

    def find_beside(self, folder: Path) -> Path | None:
        key = str(folder)
        if key not in self.beside:
            self.beside[key] = super().find_beside(folder)
        return self.beside[key]


@dataclass(slots=True)
class _WorkerState:
    settings: BatchSettings
    pattern: NamePattern
    suffix: str
    cache: _RecordingCache
    token: str  # in temporary file names: which run wrote them
    digests: dict[tuple[str, int, int], str] = field(default_factory=dict)
    # Journal file found per folder; looked up once per run (one found later counts next run).
    found: dict[str, str] = field(default_factory=dict)
    folders: set[Path] = field(default_factory=set)  # output folders known to exist


_STATE: _WorkerState | None = None


def _init_worker(settings: BatchSettings, token: str, in_process: bool = False) -> None:
    """Pool initializer: load the grammar and templates once; Ctrl-C is the parent's to handle.

    A worker then only makes short-lived objects (~100,000 per bilingual article, hardly any
    cycles): the long-lived ones (modules, grammar, templates) are moved out of the collector's
    sight and the youngest generation is collected less often, which saves ~5 % of its time.
    """
    global _STATE
    if not in_process:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    prepare(settings.options)
    if not in_process:
        gc.freeze()
        gc.set_threshold(20_000, 20, 20)
    _STATE = _WorkerState(
        settings,
        NamePattern.parse(settings.pattern),
        SUFFIXES.get(settings.options.target, ".xml"),
        _RecordingCache(),
        token,
    )


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _file_digest(state: _WorkerState, path: str) -> str:
    """Digest of a (journal) file, cached by path, size and modification time."""
    try:
        info = os.stat(path)
    except OSError:
        return "missing"
    key = (path, info.st_mtime_ns, info.st_size)
    found = state.digests.get(key)
    if found is None:
        try:
            found = _digest(Path(path).read_bytes())
        except OSError:
            found = "missing"
        state.digests[key] = found
    return found


def _stamp(state: _WorkerState, input_digest: str, journals: Iterable[str], found: str) -> str:
    parts = [state.settings.stamp_key(), input_digest, found]
    parts += [f"{j}={_file_digest(state, j)}" for j in sorted(journals)]
    return _digest("\n".join(parts).encode())


def _found_journal(state: _WorkerState, job: Job) -> str:
    """The journal file the reader would find for this job (a new one closer invalidates)."""
    if job.journal:
        return job.journal
    folder = os.path.dirname(os.path.abspath(job.path))
    found = state.found.get(folder)
    if found is None:
        path = find_journal_file(Path(job.path))
        found = state.found[folder] = str(path) if path else ""
    return found


def _input_digest(job: Job) -> str:
    if job.values is not None:
        return _digest(json.dumps(job.values, sort_keys=True, default=str).encode())
    try:
        return _digest(Path(job.path).read_bytes())
    except OSError:
        return "unreadable"


def _convert_job(job: Job, previous: Any) -> JobResult:
    """Read, name, render and validate the articles of one job; write each to a temp file."""
    state = _STATE
    assert state is not None, "worker not initialised"
    if job.problems:
        entry = Entry(job.path, "bad-input", problems=list(job.problems))
        return JobResult(job.seq, job.key, [entry], None)
    settings = state.settings
    input_digest = _input_digest(job)
    found = _found_journal(state, job)
    if previous is not None and not settings.force:
        stamp, journals, _found, outputs = previous
        if (
            outputs
            and _stamp(state, input_digest, journals, found) == stamp
            and all((settings.out_dir / name).is_file() for name in outputs)
        ):
            entries = [Entry(_source_name(job), "skipped", name) for name in outputs]
            return JobResult(job.seq, job.key, entries, tuple(previous))  # type: ignore[arg-type]
    state.cache.used.clear()
    context = ReadContext(journal=Path(job.journal) if job.journal else None, cache=state.cache)
    if job.values is not None:
        loaded = [loaded_from_row(Path(job.path), job.row, job.values, context)]
    else:
        loaded = list(read_source(Path(job.path), job.fmt, context))
    entries = [_convert_one(state, item) for item in loaded]
    record = None
    if entries and all(e.status == "converted" for e in entries):
        journals = tuple(sorted(state.cache.used))
        record = (
            _stamp(state, input_digest, journals, found),
            journals,
            found,
            tuple(e.output for e in entries if e.output),
        )
    return JobResult(job.seq, job.key, entries, record)


def _source_name(job: Job) -> str:
    return f"{job.path}#{job.row}" if job.values is not None else job.path


def _convert_one(state: _WorkerState, item: Loaded) -> Entry:
    warnings = list(getattr(item, "warnings", []) or [])
    refused = strict_problems(item.name, warnings) if state.settings.options.strict else []
    if item.article is None or refused:
        problems = [*item.problems, *refused]
        return Entry(item.name, "bad-input", problems=problems, warnings=warnings)
    try:
        name = state.pattern.name(item.article, item.stem, state.suffix)
    except ValueError as exc:
        return Entry(item.name, "bad-input", problems=[f"{item.name}: {exc}"], warnings=warnings)
    settings = state.settings
    target = settings.out_dir / name
    result = render(item.article, settings.options, str(target))
    problems = [str(p) for p in result.problems]
    status = "converted" if result.valid else "invalid"
    temp = None
    if result.valid or settings.options.write_invalid:
        if target.parent not in state.folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            state.folders.add(target.parent)
        data = result.data
        temp = write_temp(target, lambda stream: stream.write(data), suffix=f".{state.token}.tmp")
    written = name if temp else None
    return Entry(item.name, status, written, problems, warnings, temp)


def _work(chunk: list[tuple[Job, Any]]) -> list[JobResult]:
    """Convert a chunk of jobs. A bug hit by one job is reported for it; the others go on."""
    results = []
    for job, previous in chunk:
        try:
            results.append(_convert_job(job, previous))
        except Exception as exc:
            if os.environ.get("JATSCONV_DEBUG"):
                raise
            message = (
                f"{job.path}: internal error: {type(exc).__name__}: {exc} "
                "(set JATSCONV_DEBUG=1 for details)"
            )
            results.append(
                JobResult(job.seq, job.key, [Entry(job.path, "error", None, [message])], None)
            )
    return results


# ------------------------------------------------------------------------ the manifest


Record = tuple[str, tuple[str, ...], str, tuple[str, ...]]


class ManifestError(ConverterError):
    """The manifest cannot be opened for writing: another batch holds it, or no permission."""

    exit_code = EXIT_USAGE


class Manifest:
    """The up-to-date stamps of an output folder: ``MANIFEST_NAME``, an SQLite database.

    One row per source (file, or spreadsheet row): stamp, journal files used, journal file
    found, outputs. A row is read when its job is queued and written once the job's outputs are
    renamed into place, so a row never names a file that is not complete. Writes go into a
    transaction committed every ``COMMIT_EVERY`` seconds and when the run ends (Ctrl-C included):
    a killed run leaves the manifest of its last commit — consistent, and at worst some finished
    articles are converted again. A file SQLite cannot read is replaced (everything is then out
    of date). The JSON manifest of earlier versions is imported once, then removed.
    """

    COMMIT_EVERY = 2.0  # seconds
    LOCK_WAIT = 10.0  # seconds to wait for another batch writing into the same folder

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST_NAME
        try:
            try:
                self.db = self._open()
            except sqlite3.OperationalError:
                raise  # locked or unwritable: never a reason to throw the stamps away
            except sqlite3.DatabaseError:  # not a database (damaged): start afresh
                with contextlib.suppress(OSError):
                    self.path.unlink()
                self.db = self._open()
        except sqlite3.OperationalError as exc:
            raise ManifestError(f"{self.path}: {exc} (is another batch writing here?)") from None
        self.last_commit = time.monotonic()
        self._import_legacy(out_dir / LEGACY_MANIFEST_NAME)

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.LOCK_WAIT, isolation_level=None)
        try:
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(f"PRAGMA cache_size=-{_CACHE_KB}")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, stamp TEXT NOT NULL,"
                " journals TEXT NOT NULL, found TEXT NOT NULL, outputs TEXT NOT NULL)"
                " WITHOUT ROWID"
            )
            db.execute("BEGIN IMMEDIATE")  # one writer per output folder at a time
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _import_legacy(self, path: Path) -> None:
        if not path.is_file():
            return
        for key, record in _legacy_entries(path):
            self[key] = record
        self.commit()
        with contextlib.suppress(OSError):
            path.unlink()

    def get(self, key: str) -> Record | None:
        row = self.db.execute(
            "SELECT stamp, journals, found, outputs FROM entries WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        stamp, journals, found, outputs = row
        return stamp, tuple(json.loads(journals)), found, tuple(json.loads(outputs))

    def __setitem__(self, key: str, record: Record) -> None:
        stamp, journals, found, outputs = record
        self.db.execute(
            "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)",
            (key, stamp, json.dumps(list(journals)), found, json.dumps(list(outputs))),
        )
        self._maybe_commit()

    def pop(self, key: str, default: None = None) -> None:
        self.db.execute("DELETE FROM entries WHERE key = ?", (key,))
        self._maybe_commit()
        return default

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM entries").fetchone()[0])

    def _maybe_commit(self) -> None:
        if time.monotonic() - self.last_commit >= self.COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        """Make what was recorded durable and start the next transaction."""
        self.db.execute("COMMIT")
        self.db.execute("BEGIN IMMEDIATE")
        self.last_commit = time.monotonic()

    def close(self) -> None:
        """Commit and close (the run is over, or was interrupted)."""
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("COMMIT")
        self.db.close()


def _legacy_entries(path: Path) -> Iterator[tuple[str, Record]]:
    """The entries of a JSON manifest of earlier versions, streamed (one entry per line)."""

    def record(value: dict[str, Any]) -> Record:
        return (
            value["stamp"],
            tuple(value["journals"]),
            value["found"],
            tuple(value["outputs"]),
        )

    try:
        with path.open(encoding="utf-8") as stream:
            head = stream.readline()
            if not head.rstrip().endswith('"entries": {'):
                stream.seek(0)
                data = json.load(stream)
                items = [(key, record(value)) for key, value in data["entries"].items()]
                yield from items
                return
            for line in stream:
                line = line.rstrip().removesuffix(",")
                if line in ("}}", "}"):
                    break
                ((key, value),) = json.loads("{" + line + "}").items()
                yield key, record(value)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return


# ------------------------------------------------------------------------ the driver


_UNREAD = object()  # ``_Books.accept``: the manifest row was not read when the job was queued


class _Books:
    """The main process's bookkeeping: names claimed, renames, counts, the report rows.

    ``manifest`` is a ``Manifest`` (or any mapping with ``get`` and ``pop``). Claimed names and
    report rows are in a scratch database (``_scratch_db``), not on the heap.
    """

    def __init__(self, settings: BatchSettings, manifest: Manifest | dict[str, Record]):
        self.settings = settings
        self.out_dir = settings.out_dir
        self.out_name = str(settings.out_dir)  # os.path.join on it: no Path per rename
        self.manifest = manifest
        self.summary = Summary()
        self.run_notices = RunNotices()  # said once, at the end of the run
        # Lives as long as the run; run_batch closes it (after writing the reports).
        self.db = _scratch_db()
        # claims: output name → seq of the job that holds it; rows: each job's report row.
        self.db.execute("CREATE TABLE claims (name TEXT PRIMARY KEY, seq INTEGER) WITHOUT ROWID")
        self.db.execute("CREATE TABLE rows (seq INTEGER PRIMARY KEY, line TEXT NOT NULL)")
        self.temps: set[str] = set()  # only those of results in hand: bounded by the chunks

    def close(self) -> None:
        self.db.close()

    # -- claimed names
    def _holder(self, name: str) -> int | None:
        row = self.db.execute("SELECT seq FROM claims WHERE name = ?", (name,)).fetchone()
        return None if row is None else int(row[0])

    def _claim(self, name: str, seq: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO claims VALUES (?, ?)", (name, seq))

    # -- report rows
    def _spool(self, seq: int, key: str, entries: list[Entry]) -> None:
        line = json.dumps([key, [e.as_dict(self.settings.out_dir) for e in entries]])
        self.db.execute("INSERT OR REPLACE INTO rows VALUES (?, ?)", (seq, line))

    def entries_in_order(self) -> Iterator[dict[str, Any]]:
        for (line,) in self.db.cursor().execute("SELECT line FROM rows ORDER BY seq"):
            yield from json.loads(line)[1]

    def job_entries(self, seq: int) -> tuple[str, list[Entry]]:
        (line,) = self.db.execute("SELECT line FROM rows WHERE seq = ?", (seq,)).fetchone()
        key, items = json.loads(line)
        out_dir = self.settings.out_dir
        entries = []
        for item in items:
            output = item["output"]
            rel = str(Path(output).relative_to(out_dir)) if output else None
            entries.append(
                Entry(
                    item["source"],
                    item["status"],
                    rel,
                    item["problems"],
                    [notice(w) for w in item.get("warnings", [])],
                )
            )
        return key, entries

    # -- results
    def accept(
        self, result: JobResult, report: Callable[[str], None], previous: Any = _UNREAD
    ) -> None:
        """Rename a job's outputs into place (or refuse a clashing name) and count them.

        ``previous`` is the job's manifest row as it was read when the job was queued (only
        this method writes that row, so it is unchanged); without it the row is read again.
        """
        settings = self.settings
        if previous is _UNREAD:
            previous = self.manifest.get(result.key)
        ours = set(previous[3]) if previous else set()
        for entry in result.entries:
            if entry.output is None:
                continue
            holder = self._holder(entry.output)
            if holder is not None:
                # Names are claimed once per run; the same job twice means two of its articles.
                if holder <= result.seq:
                    first = self._source_of(holder, result, entry.output)
                    self._refuse(
                        entry,
                        f"the output name {entry.output} is already taken by {first} "
                        "(give distinct metadata or another --name pattern)",
                    )
                    continue
                self._demote(holder, entry, result)
            elif holder is None and entry.status != "skipped" and not settings.force:
                target = self.out_dir / entry.output
                if (
                    entry.output not in ours
                    and target.exists()
                    and not _same_bytes(target, entry.temp)
                ):
                    self._refuse(
                        entry,
                        f"{target} exists and was not written for this source: "
                        "not overwritten (use --force, or another --name pattern)",
                    )
                    continue
            self._claim(entry.output, result.seq)
            if entry.temp:
                os.replace(entry.temp, os.path.join(self.out_name, entry.output))
                self.temps.discard(entry.temp)
                entry.temp = None
        record = result.record
        if record is not None and all(e.status in ("converted", "skipped") for e in result.entries):
            self.manifest[result.key] = record
        else:
            self.manifest.pop(result.key, None)
        for entry in result.entries:
            self.summary.counts[entry.status] += 1
            for line in report_lines(entry.source, entry.warnings):
                report(line)
            self.run_notices.add(entry.warnings)
            for line in entry.problems:
                report(line)
            if entry.status == "invalid":
                note = f"written to {entry.output}" if entry.output else "not written"
                report(f"{entry.source}: output invalid ({note})")
        self._spool(result.seq, result.key, result.entries)

    def _source_of(self, holder: int, result: JobResult, name: str) -> str:
        """The source that claimed ``name``: from this job's entries, else from the spool."""
        entries = result.entries if holder == result.seq else self.job_entries(holder)[1]
        return next((e.source for e in entries if e.output == name), entries[0].source)

    def _refuse(self, entry: Entry, message: str) -> None:
        if entry.temp:
            with contextlib.suppress(OSError):
                os.unlink(entry.temp)
            self.temps.discard(entry.temp)
        entry.temp = None
        entry.output = None
        entry.status = "bad-input"
        entry.problems = [*entry.problems, f"{entry.source}: {message}"]

    def _demote(self, holder: int, winner: Entry, result: JobResult) -> None:
        """An earlier article claims a name a later one took: the later one is refused."""
        key, entries = self.job_entries(holder)
        for entry in entries:
            if entry.output == winner.output:
                self.summary.counts[entry.status] -= 1
                self._refuse(
                    entry,
                    f"the output name {winner.output} is also that of "
                    f"{winner.source}, earlier in the batch (give distinct metadata "
                    "or another --name pattern)",
                )
                self.summary.counts[entry.status] += 1
        self.manifest.pop(key, None)
        self._spool(holder, key, entries)

    def cleanup(self) -> None:
        for temp in list(self.temps):
            with contextlib.suppress(OSError):
                os.unlink(temp)
        self.temps.clear()


def _same_bytes(target: Path, temp: str | None) -> bool:
    if temp is None:
        return False
    try:
        return target.read_bytes() == Path(temp).read_bytes()
    except OSError:
        return False


def _remove_stray_temps(out_dir: Path, token: str) -> None:
    """Temporary files of this run a killed worker may have left (never another run's)."""
    for root, _dirs, files in os.walk(out_dir):
        for name in files:
            if name.startswith(".") and name.endswith(f".{token}.tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(root, name))


def _chunks(
    jobs: Iterator[Job], size: int, manifest: Manifest | dict[str, Record]
) -> Iterator[list[tuple[Job, Any]]]:
    chunk: list[tuple[Job, Any]] = []
    for job in jobs:
        chunk.append((job, manifest.get(job.key)))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Progress:
    """What the driver tells the outside world; the CLI supplies a rich progress bar."""

    def start(self, total: int) -> None:
        """Work is about to begin; ``total`` articles are known so far."""

    def grow(self, count: int) -> None:
        """``count`` more articles were found (the rows of a spreadsheet beyond its first)."""

    def advance(self, count: int) -> None:
        """``count`` more articles are done."""

    def problem(self, line: str) -> None:
        """A problem line to show (one per bad article)."""

    def stop(self) -> None:
        """The run is over."""


def run_batch(
    sources: Iterable[str],
    settings: BatchSettings,
    progress: Progress | None = None,
    report_path: Path | None = None,
    junit_path: Path | None = None,
) -> Summary:
    """Convert every article of ``sources`` into ``settings.out_dir``; return the counts.

    One bad article never stops the others. On KeyboardInterrupt the workers are stopped,
    no temporary file is left, what was written is recorded in the manifest, and the summary
    says ``interrupted``.
    """
    progress = progress or Progress()
    start = time.perf_counter()
    out_dir = settings.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    NamePattern.parse(settings.pattern)  # a bad pattern is a usage error, before any work
    files, problems = list_sources(
        sources,
        skip=out_dir.resolve(),
        fmt=settings.fmt,
        ignore=[p for p in (report_path, junit_path) if p is not None],
    )
    try:
        manifest = Manifest(out_dir)
    except ManifestError:
        files.close()
        raise
    books = _Books(settings, manifest)
    token = f"{os.getpid()}x{int(time.time() * 1000) % 10**8}"

    def jobs() -> Iterator[Job]:
        sheet = None
        for job in iter_jobs(files, settings, problems):
            if job.values is not None:
                if job.path == sheet:
                    progress.grow(1)
                sheet = job.path
            yield job

    workers = settings.jobs or os.cpu_count() or 1
    pending: dict[Future[list[JobResult]], list[tuple[Job, Any]]] = {}
    pool: ProcessPoolExecutor | None = None

    def handle(results: list[JobResult], chunk: list[tuple[Job, Any]]) -> None:
        # One result per job, in the chunk's order; the manifest row read for the job's
        # queueing is handed on rather than read again.
        for result, (job, previous) in zip(results, chunk, strict=True):
            for entry in result.entries:
                if entry.temp:
                    books.temps.add(entry.temp)
            books.accept(result, progress.problem, previous if job.seq == result.seq else _UNREAD)
            progress.advance(len(result.entries))

    progress.start(len(files) + len(problems))
    try:
        if workers == 1:
            _init_worker(settings, token, in_process=True)
            for chunk in _chunks(jobs(), settings.chunk_size, manifest):
                handle(_work(chunk), chunk)
        else:
            pool = ProcessPoolExecutor(
                workers, initializer=_init_worker, initargs=(settings, token)
            )
            limit = workers * 4
            for chunk in _chunks(jobs(), settings.chunk_size, manifest):
                while len(pending) >= limit:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        handle(future.result(), pending.pop(future))
                pending[pool.submit(_work, chunk)] = chunk
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    handle(future.result(), pending.pop(future))
    except KeyboardInterrupt:
        books.summary.interrupted = True
        _stop_pool(pool)
        pool = None
        # Results that arrived but were not taken: their temporary files go.
        for future in pending:
            if future.done() and not future.cancelled() and future.exception() is None:
                for result in future.result():
                    for entry in result.entries:
                        if entry.temp:
                            books.temps.add(entry.temp)
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
        books.cleanup()
        _remove_stray_temps(out_dir, token)
        manifest.close()
        files.close()
        books.summary.seconds = time.perf_counter() - start
        for line in books.run_notices.lines():
            progress.problem(f"jatsconv: {line}")
        progress.stop()
    if report_path is not None:
        write_report(report_path, books, settings)
    if junit_path is not None:
        write_junit(junit_path, books)
    books.close()
    return books.summary


def _stop_pool(pool: ProcessPoolExecutor | None) -> None:
    """Stop at once: drop queued work and terminate the workers (they ignore Ctrl-C)."""
    if pool is None:
        return
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)


# ------------------------------------------------------------------------ reports


def write_report(path: Path, books: _Books, settings: BatchSettings) -> None:
    """The JSON report: options, counts, and every article with its status and problems."""
    summary = books.summary

    def write(stream: IO[str]) -> None:
        head = {
            "converter": __version__,
            "output_dir": str(settings.out_dir),
            "options": settings.stamp_key(),
            "interrupted": summary.interrupted,
            "summary": {
                **summary.counts,
                "total": summary.total,
                "seconds": round(summary.seconds, 3),
                "articles_per_second": round(summary.rate, 1),
            },
        }
        text = json.dumps(head, ensure_ascii=False, indent=2)
        stream.write(text[:-2] + ',\n  "articles": [')
        first = True
        for item in books.entries_in_order():
            stream.write(("\n    " if first else ",\n    ") + json.dumps(item, ensure_ascii=False))
            first = False
        stream.write("\n  ]\n}\n")

    write_atomic_stream(path, write, encoding="utf-8")


def write_junit(path: Path, books: _Books) -> None:
    """JUnit XML for CI: one test case per article; invalid is a failure, bad input an error."""
    counts = books.summary.counts

    def write(stream: IO[str]) -> None:
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        attrs = (
            f'name="jatsconv batch" tests="{books.summary.total}" '
            f'failures="{counts["invalid"]}" errors="{counts["bad-input"]}" '
            f'skipped="{counts["skipped"]}" time="{books.summary.seconds:.3f}"'
        )
        stream.write(f"<testsuites {attrs}>\n  <testsuite {attrs}>\n")
        for item in books.entries_in_order():
            name = quoteattr(item["source"])
            stream.write(f'    <testcase classname="jatsconv.batch" name={name}')
            status = item["status"]
            message = "\n".join(item["problems"])
            if status in ("converted",):
                stream.write("/>\n")
                continue
            stream.write(">\n")
            if status == "skipped":
                stream.write('      <skipped message="up to date"/>\n')
            else:
                tag = "failure" if status == "invalid" else "error"
                kind = "output invalid" if status == "invalid" else "bad input"
                stream.write(
                    f"      <{tag} message={quoteattr(kind)}>{_xml_text(message)}</{tag}>\n"
                )
            stream.write("    </testcase>\n")
        stream.write("  </testsuite>\n</testsuites>\n")

    write_atomic_stream(path, write, encoding="utf-8")


def _xml_text(text: str) -> str:
    from xml.sax.saxutils import escape

    cleaned = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
    return escape(cleaned)
