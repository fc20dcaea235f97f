"""The ``jats4r`` profile: the official JATS4R Schematron rules, run as their authors wrote them.

The rules come from the registry package ``@jats4r/schematrons`` (see
``converter.schematron.store``), compiled once per process and run by Saxon. Each assertion is
reported under its own id (``jats4r-permissions-errors-4``), with its own message, the JATS4R
recommendation it belongs to, and the line of the element it is about. Assertions of the
package's ``errors`` phase are errors, those of its ``warnings`` phase warnings — but one, whose
recommendation changed after the package (``_COI_ASSERTION``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from converter.checks.base import Doc, Hit, Severity
from converter.checks.registry import rule
from converter.messages import shorten
from converter.schematron.runner import validator
from converter.schematron.store import PACKAGE, PACKAGE_VERSION, get_store

SOURCE = f"JATS4R Schematron ({PACKAGE} {PACKAGE_VERSION})"
# The JATS4R recommendation each pattern of the package implements (by the pattern id's stem).
RECOMMENDATIONS = {
    "auths-aff": "Authors and affiliations",
    "coi": "Conflict of interest statements",
    "data-availability": "Data availability statements",
    "data-citations": "Data citations",
    "kwd": "Keywords",
    "math": "Mathematical content",
    "permissions": "Permissions",
    "preprint-citations": "Preprint citations",
    "subj": "Subject and article-type metadata",
}


# The 0.0.6 rules check the fn-type of version 1.0 of JATS4R's conflict-of-interest
# recommendation, "COI-statement", which the Publishing DTD's list of fn-type values refuses;
# version 1.1 of the recommendation changed it to "coi-statement", JATS 1.3's value, which the
# converter writes. Their assertion on such a footnote in the author notes is kept, as a
# warning that says so, not as an error the recommendation no longer makes.
_COI_ASSERTION = "coi-errors-2"
_COI_NOTE = (
    " — this footnote follows version 1.1 of the recommendation (fn-type 'coi-statement', "
    "JATS 1.3's value; 'COI-statement' is not valid in the Publishing DTD): warning only"
)


def _recommended_coi(element: etree._Element | None) -> bool:
    """A coi-statement footnote in the author notes, as recommendation 1.1 wants it."""
    if element is None or element.get("fn-type") != "coi-statement":
        return False
    parent = element.getparent()
    return parent is not None and parent.tag == "author-notes"


def recommendation(pattern: str) -> str:
    stem = pattern.removesuffix("-errors").removesuffix("-warnings")
    return RECOMMENDATIONS.get(stem, stem)


def _severity(role: str, pattern: str) -> Severity:
    return "warning" if role == "warnings" or pattern.endswith("-warnings") else "error"


@dataclass(frozen=True, slots=True)
class Listed:
    """One JATS4R assertion as ``check --list-rules`` shows it."""

    id: str
    severity: Severity
    source: str
    basis: str
    summary: str


def listed() -> list[Listed]:
    """Every assertion of the installed rules (SetupError when they are not installed)."""
    checker = validator(str(get_store().require().main))
    return [
        Listed(
            id=f"jats4r-{a.id}",
            severity=_severity("", a.pattern),
            source=f"{SOURCE}, recommendation: {recommendation(a.pattern)}",
            basis="service",
            summary=shorten(a.message, 160),
        )
        for a in checker.assertions.values()
    ]


@rule(
    "jats4r",
    "error",
    "the official JATS4R Schematron rules (each reported under its own id)",
    source=SOURCE,
    basis="service",
)
def jats4r(doc: Doc) -> Iterator[Hit]:
    checker = validator(str(get_store().require().main))
    for result in checker.run(doc.root):
        assertion = checker.assertions.get(result.id)
        pattern = assertion.pattern if assertion else ""
        element = checker.element(doc.tree, result.location)
        severity = _severity(result.role, pattern)
        note = ""
        if result.id == _COI_ASSERTION and _recommended_coi(element):
            severity, note = "warning", _COI_NOTE
        yield Hit(
            element,
            f"{result.text} (JATS4R recommendation: {recommendation(pattern)}){note}",
            rule=f"jats4r-{result.id}",
            severity=severity,
        )
