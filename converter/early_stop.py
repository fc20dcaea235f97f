"""A stop asked while the command is still loading, held until it can stop in order.

``jatsconv batch`` stops on SIGTERM as on Ctrl-C (its files complete, its report written, exit
130), but its handler is installed only once its modules are loaded: a SIGTERM in the first
0.6-1.4 s (a CI job cancelled as it starts) ended the process with 143 and no report. The
entry point (``converter.__main__``) calls ``hold`` before importing anything heavy: for the
commands that stop in order, a SIGTERM that comes is noted, and the command raises it again
(``raise_held``) once its own handler is in place. A SIGTERM the caller ignores (a batch
started in the background) stays ignored; every other command keeps the default (143).

This module imports nothing of the converter's: it must load in a few milliseconds.
"""

from __future__ import annotations

import signal
from collections.abc import Sequence
from types import FrameType

# The commands that install a SIGTERM handler of their own and stop in order.
HOLDING = frozenset({"batch"})

_held: list[int] = []


def _hold(signum: int, frame: FrameType | None) -> None:
    _held.append(signum)


def hold(argv: Sequence[str]) -> None:
    """Hold SIGTERM when the command ``argv`` names (its first word that is no option) is one
    of ``HOLDING``."""
    command = next((word for word in argv[1:] if not word.startswith("-")), None)
    if command not in HOLDING or signal.getsignal(signal.SIGTERM) is signal.SIG_IGN:
        return
    signal.signal(signal.SIGTERM, _hold)


def holding(handler: object) -> bool:
    """Whether ``handler`` (what ``signal.signal`` gave back) is the one ``hold`` installed:
    a command restores the default in its place, as a process without it had."""
    return handler is _hold


def raise_held() -> None:
    """A SIGTERM held while loading, raised again now that the command's handler is in place
    (which runs it at once: ``KeyboardInterrupt``, for a batch)."""
    if _held:
        _held.clear()
        signal.raise_signal(signal.SIGTERM)
