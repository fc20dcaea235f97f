"""Two articles of one run that share a DOI, said as a warning naming both files.

Within one issue's ``--per-issue`` deposit a repeated DOI is refused (``per_issue``); across
issues, in per-article deposits, or a preprint beside the article it became, each output is
valid on its own, yet Crossref keeps one record per DOI: the later deposited replaces the
earlier with no word. A file copied for the next article and its DOI not changed is the usual
cause, so the run says it once per later file, and still writes both.

"Later" is the run's order of its sources, not the order their results come in: ``batch -j 2``
takes a chunk's results as its worker ends it, so the copy could be taken in before its
original, and the warning was put on the original (another file with ``-j 1``).
"""

from __future__ import annotations

from typing import Any


class SharedDois:
    """The first source of the run's order seen with each DOI (case-folded: DOIs compare
    without case)."""

    def __init__(self) -> None:
        # DOI case-folded -> (its place in the run's order, the source, the DOI as written)
        self._first: dict[str, tuple[Any, str, str]] = {}
        self._given = 0  # sources given to ``warning``, their order

    def warning(self, source: str, doi: str | None) -> str | None:
        """The warning line for ``source`` when an earlier source of the run has ``doi``
        (sources given in the run's order)."""
        self._given += 1
        found = self.shared(source, doi, self._given)
        return found[1] if found else None

    def shared(self, source: str, doi: str | None, order: Any) -> tuple[Any, str] | None:
        """For ``source`` at ``order`` in the run (sources given in any order): the place of
        the later of it and the earlier source with ``doi``, and that later one's warning line;
        None when no other source seen has ``doi``."""
        if not doi:
            return None
        key = doi.casefold()
        held = self._first.setdefault(key, (order, source, doi))
        if held[1] == source:
            return None
        if order < held[0]:  # (the earlier one came in after the later: it is the first)
            self._first[key] = (order, source, doi)
            return held[0], _line(held[1], held[2], source)
        return order, _line(source, doi, held[1])


def _line(later: str, doi: str, first: str) -> str:
    return (
        f"{later}: warning: doi: {doi} is the DOI of {first} too: Crossref keeps one record "
        "per DOI, the later deposited replacing the earlier (give each article its own DOI)"
    )
