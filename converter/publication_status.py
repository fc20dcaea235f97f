"""Whether an article is out yet: the mark a reader puts on an article its source says is not
published (an OJS article queued or scheduled for an issue, or in an issue not yet published),
and what a deposit makes of it.

Editors prepare an issue's metadata before publication day, so such an article still converts
to JATS, with the dates its source plans, and carries the mark as ``custom-meta``
(``<meta-name>publication-status</meta-name><meta-value>scheduled</meta-value>``), which JATS
holds and the JATS reader reads back. A Crossref or DOAJ deposit says the article is out (a DOI
registered, an article listed), so ``--to crossref`` and ``--to doaj`` refuse it unless asked
with ``--include-unpublished``, and ``check --profile crossref/doaj`` reports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from converter.model import Article

META_NAME: Final = "publication-status"
PUBLISHED: Final = "published"
# The services whose deposit says an article is published.
DEPOSIT_TARGETS: Final = {"crossref": "Crossref", "doaj": "DOAJ"}


def mark(status: str) -> dict[str, str]:
    """The ``custom_meta`` item that marks an article with ``status`` ("scheduled", "queued" …)."""
    return {"name": META_NAME, "value": status}


def says_unpublished(status: str) -> bool:
    """Whether a ``publication-status`` value marks an article as not yet published (the model's
    ``custom_meta`` and a JATS file's ``custom-meta`` alike)."""
    return status.strip().lower() != PUBLISHED


def not_published(article: Article) -> str | None:
    """The status of an article marked as not yet published, else None."""
    for item in article.custom_meta:
        if item.name.strip() == META_NAME and says_unpublished(item.value):
            return item.value.strip()
    return None


def deposit_refusal(name: str, article: Article, target: str) -> str | None:
    """The problem line that keeps an article marked as not yet published out of a ``target``
    deposit, or None."""
    status = not_published(article)
    service = DEPOSIT_TARGETS.get(target)
    if status is None or service is None:
        return None
    return (
        f"{name}: not yet published ({META_NAME} {status!r}): a {service} deposit says the "
        f"article is out; convert it with --include-unpublished to deposit it ahead of "
        "publication day"
    )
