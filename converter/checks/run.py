"""Running the profiles on JATS: ``check_tree`` on a parsed document, ``check_bytes`` and
``check_file`` on untrusted input, and the findings as ``Problem`` lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from lxml import etree

from converter.checks.base import Doc, Finding
from converter.checks.profiles import rules_for
from converter.errors import InputError, cannot_read
from converter.input_limit import read_path
from converter.messages import article_without_front, what_is
from converter.validation import InvalidDocument, Problem, document_bytes, parse_untrusted

__all__ = [
    "CheckReport",
    "check_bytes",
    "check_file",
    "check_tree",
    "findings_to_problems",
    "profile_problems",
]


def check_tree(
    tree: etree._ElementTree,
    profiles: tuple[str, ...] | list[str] = ("general",),
    *,
    today: dt.date | None = None,
    scheme: str | None = None,
    contributors: Sequence[int] | None = None,
) -> list[Finding]:
    """Run the rules of ``profiles`` on a parsed JATS document; findings in document order.

    ``scheme`` is the transliteration scheme the journal uses (``rsci-translit-scheme`` reports
    deviations from it); without one, only a letter transliterated two ways is reported.
    ``contributors``: the input index of each contributor in file order, for a document
    written from an article (``contributor_order``), so that findings name its ``authors[N]``.
    """
    if scheme is not None:
        from converter.translit import SCHEMES

        if scheme not in SCHEMES:
            raise ValueError(f"unknown transliteration scheme {scheme!r} ({', '.join(SCHEMES)})")
    doc = Doc(tree, today=today, scheme=scheme, contributors=contributors)
    findings: list[Finding] = []
    for rule in rules_for(profiles):
        findings.extend(rule.run(doc))
    findings.sort(key=lambda f: (f.line, f.rule))
    return findings


@dataclass(slots=True)
class CheckReport:
    """The findings on one file, or the problems that kept it from being checked."""

    file: str
    findings: list[Finding]
    unreadable: list[Problem]

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings) + len(self.unreadable)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "passed": self.errors == 0,
            "findings": [asdict(f) for f in self.findings],
            "problems": [p.as_dict() for p in self.unreadable],
        }


def check_bytes(
    data: bytes,
    name: str,
    profiles: tuple[str, ...] | list[str] = ("general",),
    *,
    today: dt.date | None = None,
    scheme: str | None = None,
    contributors: Sequence[int] | None = None,
) -> CheckReport:
    """Parse (safely: no DTD, no entities, no network) and check one JATS document.
    ``data`` that is not bytes is a ``TypeError`` saying so, as ``validate_bytes`` says it."""
    data = document_bytes(data, "check_bytes", "check_file")
    try:
        tree = parse_untrusted(data, name)
    except InvalidDocument as exc:
        note = what_is(data, name, None)  # YAML, a spreadsheet … named, not "not well-formed"
        return CheckReport(name, [], [Problem(name, 0, 0, note)] if note else exc.problems)
    note = what_is(data, name, tree.getroot().tag)  # a Crossref or DOAJ file, a web page …
    note = note or article_without_front(tree.getroot())  # RSC's, IOP's own <article>
    if note:
        return CheckReport(name, [], [Problem(name, 0, 0, note)])
    findings = check_tree(tree, profiles, today=today, scheme=scheme, contributors=contributors)
    return CheckReport(name, findings, [])


def check_file(
    path: str | Path,
    profiles: tuple[str, ...] | list[str] = ("general",),
    *,
    today: dt.date | None = None,
    scheme: str | None = None,
) -> CheckReport:
    """Check one JATS file; an unreadable file raises ``InputError`` (exit code 3)."""
    try:
        data = read_path(path)
    except OSError as exc:
        raise InputError(str(path), [cannot_read(exc)]) from None
    return check_bytes(data, str(path), profiles, today=today, scheme=scheme)


def findings_to_problems(findings: list[Finding], name: str) -> list[Problem]:
    """Findings as ``Problem`` lines: ``FILE:LINE:0: error: [rule] message (input field …)``."""
    problems = []
    for f in findings:
        place = f"input field {f.field}" if f.field else f.path
        problems.append(Problem(name, f.line, 0, f"[{f.rule}] {f.message} ({place})", f.severity))
    return problems


def profile_problems(
    data: bytes,
    profiles: tuple[str, ...],
    name: str,
    scheme: str | None = None,
    contributors: Sequence[int] | None = None,
) -> list[Problem]:
    """Check JATS bytes the converter wrote against ``profiles``; findings name input fields
    (``contributors``: see ``check_tree``)."""
    report = check_bytes(data, name, profiles, scheme=scheme, contributors=contributors)
    return report.unreadable + findings_to_problems(report.findings, name)
