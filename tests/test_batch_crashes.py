"""``jatsconv batch`` when processes die under it: a worker killed (out of memory, ``kill -9``,
a crash in a library), the batch ended with SIGTERM (``systemctl stop``, ``docker stop``) or
killed outright. Nothing half written, nothing lost: the run (or the next one) finishes the
rest, and the report and the manifest say what happened to every article."""

from __future__ import annotations

import os
import time

from converter.batch import driver


def test_a_worker_already_reaped_counts_as_stopped(monkeypatch) -> None:
    """The pool's own thread reaps a worker that ends as the batch stops; the batch then found
    it "alive" (its exit status already taken) and said ``1 worker(s) had not stopped 5 s after
    the stop and were ended`` at once, 1 run in 3 after a full disk, and sent a signal to a
    process id that was no longer its worker's."""
    reader, writer = os.pipe()
    os.close(writer)  # a sentinel that is ready: the process has ended
    ended: list[str] = []

    class Gone:
        sentinel = reader

        def is_alive(self) -> bool:
            return True  # what multiprocessing says of a child another thread has reaped

        def join(self, timeout: float | None = None) -> None:
            pass

        def terminate(self) -> None:
            ended.append("terminate")

        def kill(self) -> None:
            ended.append("kill")

    class Pool:
        def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
            pass

    monkeypatch.setattr(driver.multiprocessing, "active_children", lambda: [Gone()])
    try:
        started = time.monotonic()
        assert driver.stop_pool(Pool(), None, set()) == 0  # type: ignore[arg-type]
        assert time.monotonic() - started < 1
        assert ended == []
    finally:
        os.close(reader)
