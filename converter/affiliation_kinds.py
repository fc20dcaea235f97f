"""Which ``<institution content-type>`` of a JATS affiliation names a department, not the body
itself: the reader takes it as the affiliation's department, and ``check --profile crossref``
judges it as the deposit's ``institution_department``, so both ask here."""

from __future__ import annotations

# JATS4R's 'dept', SciELO's 'orgdiv1'/'orgdiv2', and what other publishers write:
# 'department', 'org-division', 'division' (each also with a number: 'division2')
DEPARTMENT_KINDS = ("orgdiv", "org-div", "dept", "department", "division")


def is_department(content_type: str | None) -> bool:
    """Whether a ``content-type`` names a department (any case, spaces around it ignored)."""
    return (content_type or "").strip().lower().startswith(DEPARTMENT_KINDS)
