"""Two articles of one run that share a DOI, said as a warning naming both files.

Within one issue's ``--per-issue`` deposit a repeated DOI is refused (``per_issue``); across
issues, in per-article deposits, or a preprint beside the article it became, each output is
valid on its own, yet Crossref keeps one record per DOI: the later deposit replaces the
earlier with no word. A file copied for the next article and its DOI not changed is the usual
cause, so the run says it once per later file, and still writes both.
"""

from __future__ import annotations


class SharedDois:
    """The first source seen with each DOI (case-folded: DOIs compare without case)."""

    def __init__(self) -> None:
        self._first: dict[str, str] = {}

    def warning(self, source: str, doi: str | None) -> str | None:
        """The warning line for ``source`` when an earlier source of the run has ``doi``."""
        if not doi:
            return None
        first = self._first.setdefault(doi.casefold(), source)
        if first == source:
            return None
        return (
            f"{source}: warning: doi: {doi} is the DOI of {first} too: Crossref keeps one record "
            "per DOI, the later deposited replacing the earlier (give each article its own DOI)"
        )
