"""How a related article (its JATS ``related-article-type``) is told to Crossref, and read back.

Crossref has two places for it (deposit schema 5.3.1). A notice's tie to the article it
corrects, retracts or voices concern about is a Crossmark update (``crossmark/updates/update``,
typed, dated with the notice's publication), which Crossref turns into the other article's
``updated-by``. A commentary, a preprint (and, from the preprint, the article it became), a
work referred to are relations (``rel:program/related_item``, relations.xsd). What has neither
is not in a deposit, and the writer says so (``converter.writers.crossref.crossref_warnings``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The Crossmark update a notice registers on the article it names (update/@type).
CROSSMARK_UPDATES: dict[str, str] = {
    "corrected-article": "correction",
    "retracted-article": "retraction",
    "partial-retraction": "partial_retraction",
    "object-of-concern": "expression_of_concern",
    "addended-article": "addendum",
}

# The JATS article-type of a notice by the article it names: a Crossref record states no article
# type, but one that updates another as a correction is a correction.
NOTICE_TYPES: dict[str, str] = {
    "corrected-article": "correction",
    "retracted-article": "retraction",
    "partial-retraction": "partial-retraction",
    "object-of-concern": "expression-of-concern",
    "addended-article": "addendum",
}

# A Crossmark update read from a notice's record (update-to, crossmark/updates): the article it
# names. Crossref's corrigendum and erratum are kinds of correction; a clarification, a new
# version or edition, a withdrawal or removal have no JATS type.
UPDATE_TARGETS: dict[str, str] = {
    **{update: related for related, update in CROSSMARK_UPDATES.items()},
    "corrigendum": "corrected-article",
    "erratum": "corrected-article",
}

# An update read from the updated article's record (the REST API's updated-by): the notice,
# a later article about this one.
UPDATED_BY: dict[str, str] = {
    "correction": "correction-forward",
    "corrigendum": "correction-forward",
    "erratum": "correction-forward",
    "retraction": "retraction-forward",
    "addendum": "addendum",
}

# Crossref relations by JATS type: the element (inter_work_relation between two works,
# intra_work_relation between forms of one) and its relationship-type.
RELATIONS: dict[str, tuple[str, str]] = {
    "commentary-article": ("inter_work_relation", "isCommentOn"),
    "commentary": ("inter_work_relation", "hasComment"),
    "article-reference": ("inter_work_relation", "references"),
    "preprint": ("intra_work_relation", "hasPreprint"),
    "published-article": ("intra_work_relation", "isPreprintOf"),
    # a published peer review (PeerJ's, Wiley's review reports and decision letters, which
    # Crossref ties to the article as has-review) and, from the review, the article it reviews:
    # PMC's Style Checker takes these two related-article-types
    "peer-review": ("inter_work_relation", "hasReview"),
    "peer-reviewed-article": ("inter_work_relation", "isReviewOf"),
}
RELATION_TARGETS: dict[str, str] = {kind: related for related, (_, kind) in RELATIONS.items()}

# The JATS types that name a later article about this one: Crossref records the tie on that
# article's own deposit (its update or relation), not on this one's.
FORWARD = frozenset({"correction-forward", "retraction-forward", "addendum"})


def is_preprint(related_types: Iterable[str], stated: bool = False) -> bool:
    """Whether an article is a preprint: it says so (the model's ``preprint``, JATS's
    ``article-version`` of type status, Crossref's posted content typed preprint: ``stated``), or
    it names the article it became (a related article of type ``published-article``), which
    only a preprint does. The one test the writers, the readers and the checks share: JATS then
    says so with an article-version; Crossref registers it as posted content
    (``posted_content type="preprint"``), not as a journal article."""
    return stated or "published-article" in related_types


# JATS's statement that an article is a preprint (JATS 1.2 and later, JATS4R, PMC):
# ``<article-version article-version-type="status">preprint</article-version>``
PREPRINT_VERSION = ("status", "preprint")


def says_preprint(version_type: str | None, text: str) -> bool:
    """Whether an ``article-version`` of this type and text says the article is a preprint
    (space around either, and the case of the text, do not matter)."""
    return ((version_type or "").strip(), text.strip().lower()) == PREPRINT_VERSION


def update_type(value: str) -> str:
    """A Crossmark update type as the deposit schema spells it ('expression-of-concern' and
    'Expression of concern' are 'expression_of_concern')."""
    return re.sub(r"[\s-]+", "_", value.strip().lower())


def relation_type(value: str) -> str:
    """A relationship-type as the deposit schema spells it: the REST API writes 'is-comment-on'
    for 'isCommentOn'."""
    head, *rest = value.strip().split("-")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)
