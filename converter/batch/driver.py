"""The batch driver: lists the sources, feeds chunks of jobs to the workers with a bounded
number in flight, hands results to the books, and writes the reports."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from converter.batch.books import UNREAD, Books
from converter.batch.manifest import Manifest, ManifestError, Record
from converter.batch.reports import write_junit, write_report
from converter.batch.settings import BatchSettings, Job, JobResult, Summary
from converter.batch.sources import iter_jobs, list_sources
from converter.batch.worker import init_worker, work
from converter.naming import NamePattern


def remove_stray_temps(out_dir: Path, token: str) -> None:
    """Temporary files of this run a killed worker may have left (never another run's)."""
    for root, _dirs, files in os.walk(out_dir):
        for name in files:
            if name.startswith(".") and name.endswith(f".{token}.tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(root, name))


def chunks(
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
    books = Books(settings, manifest)
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
            books.accept(result, progress.problem, previous if job.seq == result.seq else UNREAD)
            progress.advance(len(result.entries))

    progress.start(len(files) + len(problems))
    try:
        if workers == 1:
            init_worker(settings, token, in_process=True)
            for chunk in chunks(jobs(), settings.chunk_size, manifest):
                handle(work(chunk), chunk)
        else:
            pool = ProcessPoolExecutor(workers, initializer=init_worker, initargs=(settings, token))
            limit = workers * 4
            for chunk in chunks(jobs(), settings.chunk_size, manifest):
                while len(pending) >= limit:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        handle(future.result(), pending.pop(future))
                pending[pool.submit(work, chunk)] = chunk
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    handle(future.result(), pending.pop(future))
    except KeyboardInterrupt:
        books.summary.interrupted = True
        stop_pool(pool)
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
        remove_stray_temps(out_dir, token)
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


def stop_pool(pool: ProcessPoolExecutor | None) -> None:
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
