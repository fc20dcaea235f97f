"""Write files so that a reader never sees half of one: temporary file, then rename.

``write_atomic`` does both steps. They are also available apart, for a writer that leaves the
rename to someone else (a batch worker writes the temporary file, the main process renames it):
``write_temp`` writes a complete temporary file beside its target, ``commit`` renames it into
place.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any


def write_temp(
    target: Path,
    write: Callable[[IO[Any]], object],
    *,
    encoding: str | None = None,
    suffix: str = ".tmp",
) -> str:
    """Write a new temporary file beside ``target`` (``.NAME.*SUFFIX``, mode 0644) and return
    its path; ``write`` gets the open stream, binary unless ``encoding`` is given.

    The folder must exist. On failure the temporary file is removed and the error re-raised.
    """
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=suffix)
    try:
        stream = (
            os.fdopen(handle, "wb")
            if encoding is None
            else os.fdopen(handle, "w", encoding=encoding)
        )
        with stream:
            write(stream)
        os.chmod(temp, 0o644)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def commit(temp: str, target: Path) -> None:
    """Rename a temporary file of ``write_temp`` into place (atomic); remove it on failure."""
    try:
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_atomic_stream(
    path: str | os.PathLike[str],
    write: Callable[[IO[Any]], object],
    *,
    encoding: str | None = None,
) -> Path:
    """Like ``write_atomic``, the content written by ``write`` to the open stream (binary unless
    ``encoding`` is given)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    commit(write_temp(target, write, encoding=encoding), target)
    return target


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    An interruption leaves either the old file or the new one, never a partial file; the
    temporary file is removed on failure.
    """
    return write_atomic_stream(path, lambda stream: stream.write(data))
