"""The worker side of a batch: each worker process converts jobs through the library's pipeline
(``converter.api.render``) and writes each output to a temporary file beside its target; the
main process renames it into place (``converter.batch.books``)."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import signal
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from converter.api import placed_problems, prepare, refusals, render
from converter.atomic import write_temp_data
from converter.batch.manifest import code_stamp
from converter.batch.settings import NOT_ARTICLE, UNWRITTEN, BatchSettings, Entry, Job, JobResult
from converter.errors import EXIT_INTERRUPTED, OUTPUT_ERRNOS, output_error
from converter.input_limit import read_path
from converter.naming import NamePattern
from converter.readers import Loaded, ReadContext, read_native, read_source
from converter.readers.native import JournalCache, find_journal_file
from converter.readers.spreadsheet import loaded_from_row
from converter.writers import SUFFIXES


class RecordingCache(JournalCache):
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
        self.folders: dict[str, Path] = {}

    def resolve(self, path: Path) -> Path:
        key = str(path)
        found = self.resolved.get(key)
        if found is None:
            found = self.resolved[key] = super().resolve(path)
        return found

    def load(self, path: Path, name: str | None = None) -> Any:
        self.used.add(os.path.abspath(path))
        return super().load(path, name)

    def find_beside(self, folder: Path) -> Path | None:
        key = str(folder)
        if key not in self.beside:
            self.beside[key] = super().find_beside(folder)
        return self.beside[key]

    def folder_of(self, source: Path) -> Path:
        """The article's real folder, resolved once per folder: ``Path.resolve`` looks at
        every component of the path (five system calls and ~25 µs an article). An article
        file that is itself a symbolic link is resolved on its own, as before."""
        if os.path.islink(source):
            return super().folder_of(source)
        key = os.path.dirname(os.path.abspath(source))
        found = self.folders.get(key)
        if found is None:
            found = self.folders[key] = Path(key).resolve()
        return found


@dataclass(slots=True)
class WorkerState:
    settings: BatchSettings
    pattern: NamePattern
    suffix: str
    cache: RecordingCache
    token: str  # in temporary file names: which run wrote them
    collect: bool = False  # collect cycles now and then (``work``): automatic collection is off
    since_collect: int = 0  # articles converted since the last collection
    unusual: bool = False  # an article since the last collection was not converted cleanly
    cyclic: bool = False  # an article since the last collection was read from XML or a page
    digests: dict[tuple[str, int, int], str] = field(default_factory=dict)
    # Journal file found per folder; looked up once per run (one found later counts next run).
    found: dict[str, str] = field(default_factory=dict)
    folders: set[str] = field(default_factory=set)  # output folders known to exist
    out_name: str = ""  # the output folder as text (``_convert_one`` joins names to it)
    stamp_key: str = ""  # ``settings.stamp_key()``, the same for every article of the run


_STATE: WorkerState | None = None
# Set (to 1) by the parent to stop: ``work`` then returns what it has done of its chunk at once,
# and the chunks still queued come back empty (a byte of shared memory, read per article).
_STOP: Any = None
# The job each worker of the pool is on (its ``seq``; ``IDLE`` between chunks), one slot per
# worker, in shared memory: when a worker dies, the parent knows which articles were in
# progress (``driver.WorkerPool``). This worker's slot, or None outside a pool.
IDLE = -1
_RUNNING: Any = None
_SLOT = 0


def _set_input_limit(value: str | None) -> None:
    """The run's input size limit in this worker (``BatchSettings.input_limit``)."""
    from converter.input_limit import ENV

    if value is None:
        os.environ.pop(ENV, None)
    else:
        os.environ[ENV] = value


def init_worker(
    settings: BatchSettings,
    token: str,
    in_process: bool = False,
    stop: Any = None,
    running: tuple[Any, Any] | None = None,
) -> None:
    """Pool initializer: load the grammar and templates once; Ctrl-C is the parent's to handle.

    A worker then makes ~100,000 short-lived objects per bilingual article and no reference
    cycles at all (``gc.collect()`` after a run of articles finds nothing to free); what
    survives an article is what the caches keep (citation labeller, journal files). So the
    long-lived objects (modules, grammar, templates) are moved out of the collector's sight and
    automatic collection is off: it only ever walked the cache entries, at 0.2–0.3 ms per
    bilingual article (3 %). A full collection (``work``) still frees any cycle an unusual
    article makes (an internal error's traceback): every ``COLLECT_EVERY`` articles once one
    was not converted cleanly, else every ``COLLECT_EVERY_CLEAN``. A collection walks every
    cache entry made since the one before (30–100 ms after 1,000 articles: 0.04 ms per seed
    article, 0.06–0.1 ms per bilingual one), and converted articles, or ones refused as bad
    input, leave no cycle to free (``gc.collect()`` after 1,000 to 3,000 of them frees none).
    That holds for articles read from YAML, JSON and spreadsheets; ones read from XML or web
    pages leave cycles, and are collected every ``COLLECT_EVERY_CYCLIC``.
    """
    global _STATE, _STOP, _RUNNING, _SLOT
    _STOP = stop
    if running is not None:  # (the pool's slots, and the count of workers that took one)
        _RUNNING, taken = running
        with taken.get_lock():
            _SLOT = taken.value % len(_RUNNING)
            taken.value += 1
    if not in_process:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # (not the main process's SIGTERM handler, which a forked worker inherits: the pool
        # ends a worker with SIGTERM, and the main process stops the run, ``stop_pool``)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _exit_with_parent(os.getppid())
        _set_input_limit(settings.input_limit)
    prepare(settings.options)
    if not in_process:
        gc.freeze()
        gc.disable()
    _STATE = WorkerState(
        settings,
        NamePattern.parse(settings.pattern),
        SUFFIXES.get(settings.options.target, ".xml"),
        RecordingCache(),
        token,
        collect=not in_process,
        out_name=str(settings.out_dir),
        stamp_key=settings.stamp_key(),
    )


def _exit_with_parent(parent: int) -> None:
    """End this worker once the main process is gone (``kill -9``, a crash): a pool worker
    would otherwise wait for work forever, holding its memory. The temporary file it may leave
    is removed by the next run (``atomic.sweep_stale``)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK)
        os._exit(EXIT_INTERRUPTED)

    threading.Thread(target=watch, name="jatsconv-parent-watch", daemon=True).start()


PARENT_CHECK = 0.5  # seconds between looks at the main process


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _file_digest(state: WorkerState, path: str) -> str:
    """Digest of a (journal) file, cached by path, size and modification time."""
    try:
        info = os.stat(path)
    except OSError:
        return "missing"
    key = (path, info.st_mtime_ns, info.st_size)
    found = state.digests.get(key)
    if found is None:
        try:
            found = _digest(read_path(path))
        except OSError:
            found = "missing"
        state.digests[key] = found
    return found


def _stamp(state: WorkerState, input_digest: str, journals: Iterable[str], found: str) -> str:
    parts = [state.stamp_key, input_digest, found]
    parts += [f"{j}={_file_digest(state, j)}" for j in sorted(journals)]
    return code_stamp(state.settings.code, _digest("\n".join(parts).encode()))


def _found_journal(state: WorkerState, job: Job) -> str:
    """The journal file the reader would find for this job (a new one closer invalidates)."""
    if job.journal:
        return job.journal
    folder = os.path.dirname(os.path.abspath(job.path))
    found = state.found.get(folder)
    if found is None:
        path = find_journal_file(Path(job.path))
        found = state.found[folder] = str(path) if path else ""
    return found


_NATIVE_SUFFIXES = (".yaml", ".yml")


def _input(job: Job) -> tuple[str, bytes | None]:
    """The job's input stamp and, for an article file of the project's own format, its bytes:
    read once, for the stamp and for parsing."""
    if job.values is not None:
        return _digest(json.dumps(job.values, sort_keys=True, default=str).encode()), None
    try:
        raw = read_path(job.path)
    except OSError:
        return "unreadable", None
    native = job.fmt in ("yaml", "json") or (
        job.fmt is None and job.path.lower().endswith(_NATIVE_SUFFIXES)
    )
    return _digest(raw), raw if native else None


def convert_job(job: Job, previous: Any) -> JobResult:
    """Read, name, render and validate the articles of one job; write each to a temp file."""
    state = _STATE
    assert state is not None, "worker not initialised"
    if job.problems:
        entry = Entry(job.path, "bad-input", problems=list(job.problems))
        return JobResult(job.seq, job.key, [entry], None)
    settings = state.settings
    input_digest, raw = _input(job)
    found = _found_journal(state, job)
    if previous is not None and not settings.force:
        stamp, journals, _found, outputs, names = previous
        if (
            outputs
            and _stamp(state, input_digest, journals, found) == stamp
            and all((settings.out_dir / name).is_file() for name in outputs)
        ):
            # (each article named as when it was converted: ``FILE#2`` of a file of several)
            named = names if len(names) == len(outputs) else ("",) * len(outputs)
            entries = [
                Entry(_article_name(job, n), "skipped", name)
                for n, name in zip(named, outputs, strict=True)
            ]
            return JobResult(job.seq, job.key, entries, tuple(previous))  # type: ignore[arg-type]
    state.cache.used.clear()
    context = ReadContext(
        journal=Path(job.journal) if job.journal else None,
        cache=state.cache,
        encoding=state.settings.encoding,
        delimiter=state.settings.delimiter,
        found=job.found,
    )
    if job.values is not None:
        loaded = [loaded_from_row(Path(job.path), job.row, job.values, context, job.fmt)]
    elif raw is not None:  # YAML/JSON article: parsed from the bytes already read
        loaded = list(read_native(Path(job.path), context, raw))
    else:
        loaded = list(read_source(Path(job.path), job.fmt, context))
    entries = [_convert_one(state, item) for item in loaded]
    record = None
    if entries and all(e.status == "converted" for e in entries):
        journals = tuple(sorted(state.cache.used))
        names = tuple(_name_part(job, e.source) for e in entries)
        record = (
            _stamp(state, input_digest, journals, found),
            journals,
            found,
            tuple(e.output for e in entries if e.output),
            names if any(names) else (),
        )
    return JobResult(job.seq, job.key, entries, record)


def _name_part(job: Job, name: str) -> str:
    """What the manifest keeps of an article's name: '' for the source's own, ``#2`` for the
    second article of a file of several (the source may be named otherwise on the next run)."""
    if name == job.name:
        return ""
    return name[len(job.name) :] if name.startswith(f"{job.name}#") else name


def _article_name(job: Job, part: str) -> str:
    """An article's name from what ``_name_part`` kept."""
    return f"{job.name}{part}" if not part or part.startswith("#") else part


def _convert_one(state: WorkerState, item: Loaded) -> Entry:
    if item.not_article:
        return Entry(item.name, NOT_ARTICLE, problems=item.problems)
    warnings = list(getattr(item, "warnings", []) or [])
    refused = refusals(item, state.settings.options)
    if item.article is None or refused:
        problems = [*item.problems, *refused]
        return Entry(item.name, "bad-input", problems=problems, warnings=warnings)
    try:
        name = state.pattern.name(item.article, item.stem, state.suffix)
    except ValueError as exc:
        return Entry(item.name, "bad-input", problems=[f"{item.name}: {exc}"], warnings=warnings)
    settings = state.settings
    # Paths as strings: a ``Path`` per article and per operation on it cost more than the
    # join itself (the target is named in problems and given to the temp file as text).
    target = os.path.join(state.out_name, name)
    result = render(item.article, settings.options, target)
    status = "converted" if result.valid else "invalid"
    temp = None
    if result.to_write(settings.options.write_invalid):
        try:
            folder = os.path.dirname(target)
            if folder not in state.folders:
                os.makedirs(folder, exist_ok=True)
                state.folders.add(folder)
            temp = write_temp_data(target, result.data, owner=state.token)
        except OSError as exc:
            if exc.errno not in OUTPUT_ERRNOS:
                raise
            # The output place, not the article, is at fault (disk full, read-only): the
            # driver stops the run on this entry rather than fail every article after it.
            problem = str(output_error(target, exc))
            return Entry(item.name, UNWRITTEN, None, [problem], warnings)
    written = name if temp else None
    # (a problem of an output not written names the source: there is no file to open)
    problems = placed_problems(result.problems, item.name, target, temp is not None, item.columns)
    doi = str(item.article.doi) if item.article.doi else None
    return Entry(item.name, status, written, problems, warnings, temp, doi=doi)


def _leaves_cycles(job: Job) -> bool:
    """Whether a job's articles are read by a reader that leaves reference cycles: one of
    ``CYCLIC_FORMATS`` named with --from, or any file but the project's own YAML and a
    spreadsheet's row when detected per file (``jatsconv batch archive/``, the usual run: a
    JATS archive's workers grew as with --from jats). A native JSON file detected so is
    collected for too: a few ms every 100 articles."""
    if job.fmt is not None:
        return job.fmt in CYCLIC_FORMATS
    return job.values is None and not job.path.lower().endswith(_NATIVE_SUFFIXES)


def work(chunk: list[tuple[Job, Any]]) -> list[JobResult]:
    """Convert a chunk of jobs. A bug hit by one job is reported for it; the others go on.
    Once the parent says stop, the results so far: one per job from the chunk's start."""
    results = []
    stop = _STOP
    running = _RUNNING
    for job, previous in chunk:
        if stop is not None and stop.value:
            break
        if running is not None:
            running[_SLOT] = job.seq
        began = time.perf_counter()
        try:
            results.append(convert_job(job, previous))
        except Exception as exc:
            if os.environ.get("JATSCONV_DEBUG"):
                raise
            message = (
                f"{job.name}: internal error: {type(exc).__name__}: {exc} "
                "(set JATSCONV_DEBUG=1 for details)"
            )
            results.append(
                JobResult(job.seq, job.key, [Entry(job.name, "error", None, [message])], None)
            )
        results[-1].seconds = time.perf_counter() - began
    if running is not None:
        running[_SLOT] = IDLE
    state = _STATE
    if state is not None and state.collect:
        state.since_collect += len(chunk)
        state.unusual = state.unusual or any(
            entry.status not in _CLEAN for result in results for entry in result.entries
        )
        state.cyclic = state.cyclic or any(_leaves_cycles(job) for job, _ in chunk)
        if state.cyclic:
            every = COLLECT_EVERY_CYCLIC
        else:
            every = COLLECT_EVERY if state.unusual else COLLECT_EVERY_CLEAN
        if state.since_collect >= every:
            state.since_collect = 0
            state.unusual = state.cyclic = False
            gc.collect()
    return results


# Articles between a worker's garbage collections (see ``init_worker``): once an article since
# the last one was not converted cleanly, and when all were.
COLLECT_EVERY = 1000
COLLECT_EVERY_CLEAN = 10_000
# Articles read from XML and web pages do leave cycles (a JATS archive's workers grew by about
# 0.25 MB an article, to 238 MB each at 500 articles, where YAML's stay flat): collected every
# 100 of them (124-130 MB; a collection costs a few ms against ~30 ms an XML article's path).
COLLECT_EVERY_CYCLIC = 100
CYCLIC_FORMATS = frozenset({"jats", "ojs", "crossref", "doaj", "html"})
_CLEAN = frozenset({"converted", "skipped"})
