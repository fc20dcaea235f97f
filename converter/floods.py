"""Keep a flood of one kind of message from burying everything else: 20 lines, then a count.

A 100,000-column spreadsheet with unknown columns, or an archive of 50,000 articles lacking the
same field, would otherwise print 100,000 near-identical lines. Messages are grouped by *kind*:
the text with its quoted values and numbers blanked out, so "column 'x1': unknown column" and
"column 'x2': unknown column" are one kind. The first ``LIMIT`` lines of a kind are shown; the
rest are counted and summed up in one line per kind.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from converter import lazy_re

LIMIT = 20

_VARIABLE = lazy_re.compile(r"'[^']*'|\"[^\"]*\"|«[^»]*»|\d+(?:[.,]\d+)*")


def kind_of(message: str) -> str:
    """The message with what varies between repeats (quoted values, numbers) blanked out."""
    return _VARIABLE.sub("…", message)


class Cap:
    """Decides which messages to show: ``admit`` says yes for the first ``limit`` of each kind;
    ``summary`` gives one line per kind that was held back."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.seen: Counter[str] = Counter()
        self.example: dict[str, str] = {}

    def admit(self, message: str, text: str | None = None) -> bool:
        """Whether to show ``message``; its kind is judged on ``text`` when given (the message
        without the file name it starts with, which differs on every line)."""
        kind = kind_of(message if text is None else text)
        self.seen[kind] += 1
        self.example.setdefault(kind, message)
        return self.seen[kind] <= self.limit

    def held_back(self) -> int:
        return sum(max(count - self.limit, 0) for count in self.seen.values())

    def summary(self) -> list[str]:
        return [
            f"… and {count - self.limit:,} more like: {self.example[kind]}"
            for kind, count in self.seen.items()
            if count > self.limit
        ]


def capped(messages: Iterable[str], limit: int = LIMIT) -> list[str]:
    """``messages`` with at most ``limit`` of each kind, then one counting line per kind."""
    cap = Cap(limit)
    shown = [m for m in messages if cap.admit(m)]
    return shown + cap.summary()
