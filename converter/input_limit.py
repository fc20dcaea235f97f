"""How large one input may be.

Every command reads an input whole before parsing it (an OJS export: all of it but the
content of its embedded files), so an endless stream (``jatsconv convert /dev/zero``, ``cat
/dev/urandom | jatsconv convert -``) or a huge file named ``article.yaml`` took memory until
the system killed the run. Past ``max_input_bytes()`` an input is refused in one line
(``InputTooLarge``, exit 3), before its size is read when the file system tells it, else as
soon as the limit is passed; a batch goes on with the other inputs.

The limit, 512 MB, is far above any real input: an article file is kilobytes (the largest of
the corpus, 114 KB of JATS); an OJS export's metadata is some 10-60 KB an article, so a whole
archive of 5,000 articles stays under 300 MB (its embedded galleys, often gigabytes, are
skipped while reading and do not count); a spreadsheet of a journal's archive is megabytes.
``JATSCONV_MAX_INPUT_MB`` raises (or lowers) it.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from converter.errors import EXIT_USAGE, ConverterError, InputError, InputTooLarge, cannot_read

ENV = "JATSCONV_MAX_INPUT_MB"
DEFAULT_MB = 512
_MB = 1024 * 1024
_CHUNK = 1024 * 1024


class LimitSettingError(ConverterError):
    """``JATSCONV_MAX_INPUT_MB`` is no number of megabytes: said once, as a usage error."""

    exit_code = EXIT_USAGE


def max_input_bytes() -> int:
    """The most bytes one input may be: ``JATSCONV_MAX_INPUT_MB`` megabytes, else 512 MB."""
    return int(_megabytes() * _MB)


def _megabytes() -> float:
    text = os.environ.get(ENV, "").strip()
    if not text:
        return DEFAULT_MB
    try:
        megabytes = float(text)
    except ValueError:
        megabytes = 0
    if not 0 < megabytes < float("inf"):
        raise LimitSettingError(
            f"{ENV}: {text!r} is not a number of megabytes (e.g. {ENV}={DEFAULT_MB * 4})"
        )
    return megabytes


def too_large(size: int | None = None) -> InputTooLarge:
    """The error for an input of ``size`` bytes (None: not known, an endless stream)."""
    what = f"{size:,} bytes, more than" if size is not None else "more than"
    return InputTooLarge(
        f"{what} the {_megabytes():g} MB one input may be: refused (set {ENV} to raise the limit)"
    )


def check_size(size: int) -> None:
    """Refuse an input of ``size`` bytes past the limit (``InputTooLarge``)."""
    if size > max_input_bytes():
        raise too_large(size)


def read_stream(stream: BinaryIO) -> bytes:
    """All of ``stream`` (standard input, a pipe), read in chunks and refused as soon as it
    passes the limit: never more than the limit and a chunk in memory."""
    limit = max_input_bytes()
    parts: list[bytes] = []
    total = 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if total > limit:
            raise too_large()
        parts.append(chunk)
    return b"".join(parts)


def read_path(path: str | os.PathLike[str]) -> bytes:
    """A file's bytes, or ``InputTooLarge`` for one past the limit: a regular file by its size
    before reading it (and read in one call: open, fstat, read, the read that finds the end,
    close), a named pipe or a device (``/dev/zero``) in chunks, refused once past the limit.
    Other ``OSError``s (no such file, a folder) are the caller's to say
    (``errors.cannot_read``)."""
    limit = max_input_bytes()
    handle = os.open(path, _READ)
    try:
        found = os.fstat(handle)
        regular = stat.S_ISREG(found.st_mode)
        if regular:
            check_size(found.st_size)
        parts = [os.read(handle, found.st_size + 1 if regular else _CHUNK)]
        total = len(parts[0])
        while parts[-1]:
            if total > limit:  # (a file that grew while read, or an endless device)
                raise too_large()
            parts.append(os.read(handle, _CHUNK))
            total += len(parts[-1])
        return parts[0] if len(parts) == 2 else b"".join(parts)
    finally:
        os.close(handle)


_READ = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)


def read_stdin() -> bytes:
    """Standard input's bytes (``read_stream``), or ``InputError`` naming ``<stdin>``."""
    import sys

    try:
        return read_stream(sys.stdin.buffer)
    except OSError as exc:
        raise InputError("<stdin>", [cannot_read(exc)]) from None


def read_stdin_lines() -> list[str]:
    """Standard input's lines of text, without their line ends (``translit``, ``references``
    read texts a line each), at most the limit in characters, else ``InputError``."""
    import sys

    limit = max_input_bytes()
    text = sys.stdin.read(limit + 1)
    if len(text) > limit:
        raise InputError("<stdin>", [cannot_read(too_large())])
    lines = text.split("\n")
    return lines[:-1] if lines[-1] == "" else lines
