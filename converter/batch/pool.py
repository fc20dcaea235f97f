"""The worker processes of a batch, started again when one of them dies.

A worker process that dies — the system's out-of-memory killer, ``kill -9``, a crash in a
library's C code — breaks a ``ProcessPoolExecutor`` for good: every chunk still out fails with
``BrokenProcessPool``. The batch then ended as an internal error, with no report, its other
articles never converted. ``WorkerPool`` takes in the results that had come, starts a new pool,
and tries the articles that were in progress (each worker notes the job it is on in shared
memory, ``worker.work``) again one at a time, alone in the pool: an article whose worker dies
again is an internal error of its own, and the rest of the chunks go out again.
"""

from __future__ import annotations

import multiprocessing.context
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from converter.batch.settings import BatchSettings, Entry, Job, JobResult
from converter.batch.worker import IDLE, init_worker, work

Chunk = list[tuple[Job, Any]]  # jobs with the manifest rows they were queued with

# Pools broken in a row with no article in progress (a worker that cannot even start) after
# which the run gives up: no article is to blame, and starting again would not help.
IDLE_BREAKS = 3


class WorkerPool:
    """A pool of ``workers`` processes and the chunks out with it; ``handle`` takes each
    chunk's results (in the main process), ``say`` a line for the user."""

    def __init__(
        self,
        context: multiprocessing.context.BaseContext,
        workers: int,
        initargs: tuple[BatchSettings, str, bool, Any],
        handle: Callable[[list[JobResult], Chunk], None],
        say: Callable[[str], None],
    ) -> None:
        self.context = context
        self.workers = workers
        self.initargs = initargs
        self.handle = handle
        self.say = say
        self.pending: dict[Future[list[JobResult]], Chunk] = {}
        self.idle_breaks = 0
        self.executor, self.running = self._start()

    def _start(self) -> tuple[ProcessPoolExecutor, Any]:
        running = self.context.RawArray("q", [IDLE] * self.workers)
        taken = self.context.Value("i", 0)  # slots given out (``worker.init_worker``)
        executor = ProcessPoolExecutor(
            self.workers,
            mp_context=self.context,
            initializer=init_worker,
            initargs=(*self.initargs, (running, taken)),
        )
        return executor, running

    def submit(self, chunk: Chunk) -> None:
        try:
            self.pending[self.executor.submit(work, chunk)] = chunk
        except BrokenProcessPool:  # (it broke since the last results came in)
            self._recover([chunk])

    def wait_below(self, limit: int) -> None:
        """Take results in until fewer than ``limit`` chunks are out (0: until none is)."""
        while len(self.pending) >= max(limit, 1):
            done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
            failed = self._take(done)
            if failed:
                self._recover(failed)

    def _take(self, done: Iterable[Future[list[JobResult]]]) -> list[Chunk]:
        """Hand the results of finished chunks on; the chunks that failed with the pool."""
        failed = []
        for future in done:
            chunk = self.pending.pop(future)
            try:
                results = future.result()
            except BrokenProcessPool:
                failed.append(chunk)
                continue
            self.handle(results, chunk)
        return failed

    def _recover(self, failed: list[Chunk]) -> None:
        """The pool broke: take what finished before, start a new pool, try the articles that
        were in progress alone, and send the rest of the failed chunks out again."""
        wait(self.pending)  # every chunk still out has finished, or failed with the pool
        failed += self._take(list(self.pending))
        # The workers are gone (the pool ends them all when one dies): what their slots hold
        # is what they were on, the one that died among them.
        suspects = {seq for seq in self.running if seq != IDLE}
        self.executor.shutdown(wait=True)
        if suspects:
            self.idle_breaks = 0
        else:
            self.idle_breaks += 1
            if self.idle_breaks >= IDLE_BREAKS:
                raise BrokenProcessPool("the worker processes end before they convert anything")
        self.say(
            "jatsconv: a worker process ended abruptly (killed, or out of memory?); "
            "its articles are converted again"
        )
        self.executor, self.running = self._start()
        failed.sort(key=lambda chunk: chunk[0][0].seq)
        for chunk in failed:
            for item in chunk:
                if item[0].seq in suspects:
                    self._alone(item)
        for chunk in failed:
            rest = [item for item in chunk if item[0].seq not in suspects]
            if rest:
                self.submit(rest)

    def _alone(self, item: tuple[Job, Any]) -> None:
        """Convert one article that was in progress when the pool broke, with nothing else
        out: if its worker dies again, the article is to blame."""
        try:
            results = self.executor.submit(work, [item]).result()
        except BrokenProcessPool:
            self.executor.shutdown(wait=True)
            self.executor, self.running = self._start()
            job = item[0]
            message = (
                f"{job.name}: internal error: the worker process converting it ended "
                "abruptly, twice (a crash in a library, or out of memory?); please report it"
            )
            entry = Entry(job.name, "error", None, [message])
            results = [JobResult(job.seq, job.key, [entry], None)]
        self.handle(results, [item])
