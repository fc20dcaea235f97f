"""The checks of the Python API's arguments that its functions share: a caller's slip (one path
where a list of them belongs, None, an ``Article`` where a file belongs, a number where a count
belongs) is one ``TypeError`` or ``ValueError`` naming the argument, before anything is read,
written or sent. Python's own words ("'NoneType' object is not iterable") named none, and a
``str`` given as ``sources`` was iterated letter by letter: ``"/"`` first, the whole disk."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from converter.errors import type_named

__all__ = [
    "count_arg",
    "delimiter_arg",
    "format_arg",
    "options_arg",
    "path_arg",
    "paths_arg",
    "text_arg",
]


def path_arg(value: object, name: str) -> Path:
    """One path argument (``str`` or any ``os.PathLike``) as a ``Path``; else ``TypeError``."""
    if isinstance(value, str | os.PathLike):
        try:
            return Path(value)
        except TypeError:  # (an os.PathLike of bytes)
            pass
    hint = ""
    if type(value).__name__ == "Article":
        hint = " (an Article: render converts it in memory; this argument takes files)"
    raise TypeError(f"{name}: a path (str or os.PathLike), not {type_named(value)}{hint}")


def paths_arg(value: object, name: str) -> list[Path]:
    """A list-of-paths argument as ``Path``s: one path given alone is a ``TypeError`` saying
    to put it in a list (its letters are no paths), as is None; each item as ``path_arg``."""
    if isinstance(value, str | os.PathLike | bytes):
        raise TypeError(
            f"{name}: a list of paths, [{os.fspath(value)!r}], not one {type_named(value)}"
        )
    if not isinstance(value, Iterable):
        raise TypeError(f"{name}: a list of paths (str or os.PathLike), not {type_named(value)}")
    return [path_arg(item, f"{name}[{index}]") for index, item in enumerate(value)]


def count_arg(value: object, name: str, least: int) -> int:
    """A whole-number argument of at least ``least``: else ``TypeError`` or ``ValueError``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name}: a whole number (int), not {type_named(value)}")
    if value < least:
        raise ValueError(f"{name}: {value} is less than {least}")
    return value


def text_arg(value: object, name: str, optional: bool = False) -> str | None:
    """A text argument (``pattern``, ``encoding``), or None where ``optional``: else
    ``TypeError`` (``run_batch(pattern=None)`` was an AttributeError, ``encoding=1`` Python's
    words from the CSV reader, naming neither)."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        kind = "text (str) or None" if optional else "text (str)"
        raise TypeError(f"{name}: {kind}, not {type_named(value)}")
    if "\0" in value:
        raise ValueError(f"{name}: {value!r} holds a NUL character")
    return value


def delimiter_arg(value: object) -> str | None:
    """``delimiter``: one character, as ``--delimiter`` takes it (``"tab"`` a tab), or None."""
    text = text_arg(value, "delimiter", optional=True)
    if text in ("tab", "\\t"):
        return "\t"
    if text is not None and len(text) != 1:
        raise ValueError(f"delimiter: {text!r}: give one character (',' ';' '|'), or 'tab'")
    return text


def format_arg(fmt: object, name: str = "fmt") -> str | None:
    """An input format's name (``--from``'s choices) or None; else ``ValueError`` before any
    file is read (each article of a batch said it alone, and an up-to-date one not at all)."""
    from converter.readers import READERS

    if fmt is None:
        return None
    if not isinstance(fmt, str):
        raise TypeError(f"{name}: an input format's name (str), not {type_named(fmt)}")
    if fmt not in READERS:
        known = ", ".join(sorted(READERS))
        raise ValueError(f"{name}: unknown input format {fmt!r} (use one of {known})")
    return fmt


def options_arg(options: object) -> None:
    """``options`` an ``Options`` or None: a dict of them is a ``TypeError`` saying so, an
    unknown ``target`` the ``ValueError`` ``render`` gives (a batch said it of each article as
    an internal error)."""
    from converter.options import Options
    from converter.writers import WRITERS

    if options is None:
        return
    if not isinstance(options, Options):
        raise TypeError(
            f"options: an Options (Options(target='crossref')), not {type_named(options)}"
        )
    if options.target not in WRITERS:
        known = ", ".join(repr(target) for target in WRITERS)
        raise ValueError(f"options: unknown output format {options.target!r} (use one of {known})")
