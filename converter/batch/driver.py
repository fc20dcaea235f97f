"""The batch driver: lists the sources, feeds chunks of jobs to the workers with a bounded
number in flight, hands results to the books, and writes the reports."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import stat
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from converter.api import prepare
from converter.atomic import run_token, sweep_stale, write_atomic, write_temp
from converter.batch.books import UNREAD, Books
from converter.batch.manifest import Manifest, ManifestError, Record
from converter.batch.pool import WorkerPool
from converter.batch.reports import not_started, write_junit, write_report
from converter.batch.settings import BatchSettings, Job, JobResult, Summary
from converter.batch.sources import iter_jobs, list_sources
from converter.batch.worker import init_worker, work
from converter.errors import InputError, OutputError, cannot_read, output_error
from converter.input_limit import read_path
from converter.naming import NamePattern
from converter.readers.native import journal_from_data, read_data


class _Stopped(Exception):
    """An output could not be written (disk full, read-only): the run stops."""


def ready_output_folder(out_dir: Path) -> None:
    """Create the output folder and prove a file can be written in it, before any work: a
    read-only or uncreatable folder is one line (``OutputError``), not a failure per article."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(out_dir, exc, "create the output folder") from None
    try:
        os.unlink(write_temp(out_dir / ".jatsconv-probe", lambda stream: None))
    except OSError as exc:
        raise output_error(out_dir, exc, "write into the output folder") from None


# The largest chunk handed to a worker process, and how many chunks per worker the jobs still
# to queue are split into at least (see ``chunks``). 128 rather than 64: the main process's
# CPU after its first worker 60.0 -> 56.4 us per seed article; the last chunks are as small
# as before.
LARGEST_CHUNK = 128
CHUNKS_PER_WORKER = 4
# About how long a worker spends on one chunk (see ``Pace``). A chunk's outputs are renamed
# into place only when its results come back: an interruption loses what the chunks then in
# progress had done, and their temporary files are what a nearly full disk holds at once.
# Sized by count alone, 128 JATS articles (~30 ms each) were ~4 s of a worker's time.
CHUNK_SECONDS = 1.0


class Pace:
    """A worker's seconds per article, measured on the results taken in so far in this run
    (they differ ~100-fold between YAML and JATS articles, and with the machine's load)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.articles = 0

    def took(self, results: list[JobResult]) -> None:
        """Count a chunk's results in."""
        self.seconds += sum(result.seconds for result in results)
        self.articles += len(results)

    def chunk(self, smallest: int) -> int:
        """The chunk size that keeps a worker about ``CHUNK_SECONDS`` on it: ``smallest`` until
        a result has come back."""
        if not self.articles:
            return smallest
        if self.seconds <= 0:
            return LARGEST_CHUNK
        return max(1, int(CHUNK_SECONDS * self.articles / self.seconds))


def chunks(
    jobs: Iterator[Job],
    size: int,
    manifest: Manifest | dict[str, Record],
    total: int = 0,
    workers: int = 1,
    pace: Pace | None = None,
) -> Iterator[list[tuple[Job, Any]]]:
    """The jobs in chunks of ``size``, each with its manifest row; with ``total`` (the jobs
    expected) and worker processes, larger chunks first.

    Handing a chunk to a worker process and taking its result back costs the main process
    ~0.2-0.7 ms whatever the chunk's size (the pool's queues, threads and wake-ups): 0.03-0.05
    ms per seed article in chunks of 16. So while many jobs remain, a chunk holds up to
    ``LARGEST_CHUNK`` of them; chunks shrink as the remaining jobs shrink (to ``size`` at the
    end, "guided" scheduling), so that no worker is left with a long last chunk while the
    others sit idle. With ``pace`` (updated by the caller as results come back), a chunk also
    holds no more than about ``CHUNK_SECONDS`` of a worker's time, and ``size`` until the
    first results are in: what an interruption loses is bounded by time, not by count.
    """
    chunk: list[tuple[Job, Any]] = []
    queued = 0
    limit = _chunk_size(size, total, workers, pace)
    for job in jobs:
        chunk.append((job, manifest.get(job.key)))
        if len(chunk) >= limit:
            queued += len(chunk)
            yield chunk
            chunk = []
            limit = _chunk_size(size, total - queued, workers, pace)
    if chunk:
        yield chunk


def _chunk_size(smallest: int, remaining: int, workers: int, pace: Pace | None = None) -> int:
    if workers <= 1:
        return smallest
    timed = LARGEST_CHUNK if pace is None else pace.chunk(smallest)
    # (``smallest`` is the floor of the guided shrinking, not of the time bound: articles of a
    # second each go out one at a time)
    guided = remaining // (workers * CHUNKS_PER_WORKER)
    return max(min(smallest, timed), min(LARGEST_CHUNK, timed, guided))


_HELD_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM held off while the books take a chunk's results in, and delivered as
    that ends. One that landed half-way through an article's books (its output renamed into
    place and its manifest row written, but not yet counted or in the report) left the report
    saying one article fewer than the rerun skipped, or an article both converted and not
    reached. The Python handlers are swapped for one that notes the signal: a signal mask
    would not do, as the kernel then hands the signal to another thread (the pool's), and
    Python runs its handler in this one all the same. A signal already caught when the hold
    begins stops the run at its first line, before anything is taken in."""
    if threading.current_thread() is not threading.main_thread():
        yield  # (signal handlers can only be set, and only run, in the main thread)
        return
    caught: list[int] = []

    def later(signum: int, frame: object) -> None:
        caught.append(signum)

    previous = {
        number: signal.signal(number, later)
        for number in _HELD_SIGNALS
        if signal.getsignal(number) is not None  # (None: set outside Python, left alone)
    }
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if caught:
            handler = previous[caught[0]]
            if callable(handler):
                handler(caught[0], None)  # (the batch's: raises KeyboardInterrupt)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(caught[0])


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


def worker_context() -> multiprocessing.context.BaseContext:
    """How the workers start: the platform's way, except that a process already running other
    threads is never forked. A fork copies none of them: a Saxon processor made before the
    batch (a ``jats4r`` check in the same process) then crashes the worker that uses it, and a
    lock another thread held (a library caller's: a notebook, a web server) stays held in the
    worker for ever. Such a process starts its workers from a fresh server process instead."""
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork" and _thread_count() > 1:
        return multiprocessing.get_context("forkserver")
    return context


def _thread_count() -> int:
    """This process's threads, native ones (Saxon's) too where the system lists them."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def run_batch(
    sources: Iterable[str],
    settings: BatchSettings,
    progress: Progress | None = None,
    report_path: Path | None = None,
    junit_path: Path | None = None,
    outcomes: list[dict[str, Any]] | None = None,
) -> Summary:
    """Convert every article of ``sources`` into ``settings.out_dir``; return the counts.
    ``outcomes``, when given, gets every article's item of the JSON report, in source order
    (the Python API's ``run_batch`` hands them back; the command leaves them on disk).

    One bad article never stops the others. On KeyboardInterrupt the workers are stopped,
    no temporary file is left, what was written is recorded in the manifest, and the summary
    says ``interrupted``. ``summary.workers_ended`` counts the workers that had to be
    terminated; when it is not 0, the interpreter may hang as it exits (see ``stop_pool``), and
    a program that ends then does better with ``os._exit`` once its output is flushed.
    """
    progress = progress or Progress()
    start = time.perf_counter()
    out_dir = settings.out_dir
    NamePattern.parse(settings.pattern)  # a bad pattern is a usage error, before any work
    try:
        ready_output_folder(out_dir)
        sweep_stale([out_dir], recursive=True)  # temporary files of runs killed earlier
        manifest = Manifest(out_dir)  # (first: what earlier runs wrote is never a source)
    except (OutputError, ManifestError) as exc:
        # (a run that cannot start still writes its report, for CI to parse: ``not_started``)
        raise not_started(exc, settings, report_path, junit_path, sources) from None
    real_out = out_dir.resolve()
    notes: list[str] = []  # folders given with no file to convert: said, not bad input
    try:
        try:
            settings = _journal_kept(settings)
        except InputError as exc:  # (--journal <(…) that is no journal: the run cannot start)
            raise not_started(exc, settings, report_path, junit_path, sources) from None
        files, problems = list_sources(
            sources,
            skip=real_out,
            fmt=settings.fmt,
            ignore=[p for p in (report_path, junit_path) if p is not None],
            earlier=lambda: {os.path.join(real_out, name) for name in manifest.outputs()},
            notes=notes,
        )
    except BaseException:
        manifest.close()
        raise
    books = Books(settings, manifest)
    # The rows jobs are queued with (``chunks``). An empty manifest has none for any job of this
    # run, since a job's row is written only once its results are in and no job is queued
    # twice: its rows are not looked up one by one (~3 us of the main process per article).
    rows: Manifest | dict[str, Record] = {} if manifest.is_empty() else manifest
    token = run_token()  # in the names of this run's temporary files, the workers' too

    # Per spreadsheet whose rows were queued: [first row's seq, last row's seq, read to its
    # end]. A run stopped early names a sheet not all of whose rows it reached (``not_reached``).
    sheets: dict[str, list[Any]] = {}

    def jobs() -> Iterator[Job]:
        sheet = None
        for job in iter_jobs(files, settings, problems):
            if job.values is not None and job.path == sheet:
                progress.grow(1)
                sheets[sheet][1] = job.seq
            elif sheet is not None:
                sheets[sheet][2] = True  # (its rows are contiguous: a new job ends it)
                sheet = None
            if job.values is not None and sheet is None:
                sheet = job.path
                sheets[sheet] = [job.seq, job.seq, False]
            yield job
        if sheet is not None:
            sheets[sheet][2] = True

    workers = settings.jobs or os.cpu_count() or 1
    pool: WorkerPool | None = None
    stop: Any = None  # the workers' stop flag (see ``stop_pool``)
    others: set[Any] = set()  # child processes that are not the pool's
    frozen = False

    pace = Pace()

    def handle(results: list[JobResult], chunk: list[tuple[Job, Any]]) -> None:
        pace.took(results)
        with signals_held():
            take(results, chunk)

    def take(results: list[JobResult], chunk: list[tuple[Job, Any]]) -> None:
        # One result per job, in the chunk's order; the manifest row read for the job's
        # queueing is handed on rather than read again.
        # (a chunk stopped on its way gives the results of its first jobs only)
        for result, (job, previous) in zip(results, chunk[: len(results)], strict=True):
            for entry in result.entries:
                if entry.temp:
                    books.temps.add(entry.temp)
            try:
                books.accept(
                    result, progress.problem, previous if job.seq == result.seq else UNREAD
                )
            except OutputError as exc:  # the manifest could not be written
                books.summary.stopped = books.summary.stopped or str(exc)
            progress.advance(len(result.entries))
            if books.summary.stopped:
                raise _Stopped

    progress.start(len(files) + len(problems))
    try:
        if workers == 1:
            init_worker(settings, token, in_process=True)
            for chunk in chunks(jobs(), settings.chunk_size, rows):
                handle(work(chunk), chunk)
        else:
            context = worker_context()
            # What is alive now and what ``prepare`` loads (modules, grammar, templates,
            # labeller: ~70 MB of objects) lives as long as the run: no collection is worth
            # making while it loads (the ~30 it set off took ~8 ms of the serial start-up,
            # before any worker runs), and it is then put out of the collector's sight, so
            # that the full collections this process makes while it takes results in do not
            # walk it all.
            collecting = gc.isenabled()
            gc.disable()
            try:
                if context.get_start_method() == "fork":
                    prepare(settings.options)  # once here: the forked workers share it
            finally:
                # Given back at the end only when nothing was frozen before: ``gc.unfreeze``
                # gives back everything frozen, a library caller's own objects too (the
                # CLI's frozen imports: ``jatsconv batch`` leaves all frozen as it exits).
                frozen = gc.get_freeze_count() == 0
                gc.freeze()
                if collecting:
                    gc.enable()
            stop = context.RawValue("b", 0)
            others = set(multiprocessing.active_children())  # a library caller's own
            pool = WorkerPool(
                context, workers, (settings, token, False, stop), handle, progress.problem
            )
            limit = workers * 4
            total = len(files) + len(problems)
            for chunk in chunks(jobs(), settings.chunk_size, rows, total, workers, pace):
                pool.wait_below(limit)
                pool.submit(chunk)
            pool.wait_below(0)
        # (the run ended as asked: each of its sources reached, each output name claimed)
        try:
            books.note_gone_sources()
        except OutputError as exc:  # the manifest could not be written
            books.summary.stopped = books.summary.stopped or str(exc)
    except (KeyboardInterrupt, _Stopped) as exc:
        books.summary.interrupted = isinstance(exc, KeyboardInterrupt)
        pending = pool.pending if pool is not None else {}
        books.summary.workers_ended = stop_pool(pool and pool.executor, stop, others)
        pool = None
        # Results that arrived but were not taken: after Ctrl-C their temporary files go;
        # when the disk filled up they are complete, and renaming takes no space: kept.
        for future, chunk in pending.items():
            if future.done() and not future.cancelled() and future.exception() is None:
                if books.summary.stopped:
                    with contextlib.suppress(_Stopped):
                        handle(future.result(), chunk)
                    continue
                for result in future.result():
                    for entry in result.entries:
                        if entry.temp:
                            books.temps.add(entry.temp)
    finally:
        if pool is not None:
            pool.executor.shutdown(wait=True)
        if frozen:
            gc.unfreeze()  # a library caller's later objects are collected as usual
        books.cleanup()
        if settings.journal is not None and settings.journal.name.startswith(JOURNAL_COPY):
            settings.journal.unlink(missing_ok=True)
        sweep_stale([out_dir], recursive=True, finished=token)  # a killed worker's, too
        manifest.close()
        if books.summary.interrupted or books.summary.stopped:
            partly = [
                path
                for path, (first, last, ended) in sheets.items()
                if not ended or not books.reached_all(first, last)
            ]
            books.note_not_reached(files, partly)
        files.close()
        books.summary.seconds = time.perf_counter() - start
        for line in books.cap.summary():
            progress.problem(line)
        for line in (*notes, books.code_line(), books.not_article_line(), books.gone_line()):
            if line is not None:
                progress.problem(line)
        for line in books.run_notices.lines():
            progress.problem(f"jatsconv: {line}")
        progress.stop()
    if outcomes is not None:
        outcomes.extend(books.entries_in_order())
    for path, write in ((report_path, write_report), (junit_path, write_junit)):
        if path is None:
            continue
        try:
            write(path, books, settings)
        except OSError as exc:
            error = output_error(path, exc)
            if books.summary.stopped is None:
                books.close()
                raise error from None
            books.summary.stopped += f"; {error}"
    books.close()
    return books.summary


# The name, in the output folder, of a journal file given as a named pipe, kept for the run.
JOURNAL_COPY = ".jatsconv-journal"


def _journal_kept(settings: BatchSettings) -> BatchSettings:
    """``--journal <(…)``: a named pipe (or a device) can be read once, and every worker reads
    the journal file. It is read and checked here (an error names it as the user gave it), and
    kept for the run in the output folder under one name, so that a rerun given the same
    journal finds its outputs up to date (the stamp holds the file's path and its digest)."""
    journal = settings.journal
    if journal is None:
        return settings
    name = settings.journal_name or str(journal)  # (``<stdin>`` for ``--journal -``)
    try:
        if stat.S_ISREG(journal.stat().st_mode):
            return settings
        data = read_path(journal)
    except OSError as exc:
        reason = cannot_read(exc).removeprefix("cannot read: ")
        raise InputError(name, [f"cannot read journal file: {reason}"]) from None
    journal_from_data(read_data(journal, data, name), name)
    suffix = journal.suffix if journal.suffix in (".yaml", ".yml", ".json") else ".yaml"
    copy = write_atomic(settings.out_dir / f"{JOURNAL_COPY}{suffix}", data)
    return dataclasses.replace(settings, journal=copy)


def stop_pool(
    pool: ProcessPoolExecutor | None, stop: Any = None, others: set[Any] | None = None
) -> int:
    """Stop at once: drop queued work, tell the workers to stop (they ignore Ctrl-C), and
    terminate any still running after ``STOP_GRACE`` seconds; return how many were terminated.

    The workers are told first, not terminated at once, so that they still read the chunks
    already queued to them (each comes back at once, empty): a worker killed while the pool's
    feeder thread was writing a chunk to it left that thread blocked for ever, and Debian 12's
    Python 3.11.2 (not 3.11.7) then hung at exit joining it (``jatsconv batch`` never returned
    after Ctrl-C).

    The pool's workers are this process's children that were not alive before the pool
    (``others``): the executor has no public list of them.

    A worker terminated while it was writing a result leaves half a message in the result
    pipe; the executor's thread then waits for the rest for ever, and the interpreter waits
    for that thread at exit (CPython 3.11 and later; 1 run in 8-40 with no grace). The count
    returned lets a program that is about to end skip that wait (``jatsconv batch`` does).
    """
    if pool is None:
        return 0
    processes = [p for p in multiprocessing.active_children() if p not in (others or set())]
    if stop is not None:
        stop.value = 1
    pool.shutdown(wait=False, cancel_futures=True)
    stuck = _running_after(processes, STOP_GRACE)
    for process in stuck:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)
    return len(stuck)


# Seconds the workers have to finish the article they are on after Ctrl-C.
STOP_GRACE = 5.0


def _running_after(processes: list[Any], seconds: float) -> list[Any]:
    """The processes that have not ended within ``seconds``.

    An ended process is told by its sentinel, which closes as it ends, not by ``is_alive``:
    the pool's own thread reaps workers too, and a worker it reaped a moment before is
    "alive" to the batch's thread (its exit status is gone), which counted it as stuck and
    said so (1 run in 3 after a full disk)."""
    waiting = {}
    for process in processes:
        with contextlib.suppress(ValueError):  # (a process object already closed)
            waiting[process.sentinel] = process
    deadline = time.monotonic() + seconds
    while waiting and (remaining := deadline - time.monotonic()) > 0:
        for ready in multiprocessing.connection.wait(list(waiting), timeout=remaining):
            waiting.pop(ready)
    return list(waiting.values())
