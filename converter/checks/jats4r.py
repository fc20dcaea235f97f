"""The ``jats4r`` profile: the official JATS4R Schematron rules, run as their authors wrote them.

The rules come from the registry package ``@jats4r/schematrons`` (see
``converter.schematron.store``), compiled once per process and run by Saxon. Each assertion is
reported under its own id (``jats4r-permissions-errors-4``), with its own message, the JATS4R
recommendation it belongs to, and the line of the element it is about. Assertions of the
package's ``errors`` phase are errors, those of its ``warnings`` phase warnings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from converter.checks.base import Doc, Hit, Severity
from converter.checks.registry import rule
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
            summary=a.message if len(a.message) <= 160 else a.message[:157] + "...",
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
        yield Hit(
            element,
            f"{result.text} (JATS4R recommendation: {recommendation(pattern)})",
            rule=f"jats4r-{result.id}",
            severity=_severity(result.role, pattern),
        )
