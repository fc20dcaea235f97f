"""The rule registry: ``@rule(id, severity, summary)`` registers a rule function under a
stable id; ``Rule.run`` turns its ``Hit``s into ``Finding``s with path, line and input field."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from converter.checks.base import Basis, Doc, Finding, Hit, Severity
from converter.checks.fields import field_for

RuleFunc = Callable[[Doc], Iterator[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named check with a stable id and a fixed severity."""

    id: str
    severity: Severity
    summary: str
    func: RuleFunc
    source: str = "jats-converter"
    basis: Basis = "ours"

    def run(self, doc: Doc) -> Iterator[Finding]:
        for hit in self.func(doc):
            el = hit.element if hit.element is not None else doc.meta
            yield Finding(
                rule=hit.rule or self.id,
                severity=hit.severity or self.severity,
                message=hit.message,
                path=doc.path(el),
                line=el.sourceline or 0,
                field=hit.field or (field_for(doc, el) if hit.element is not None else None),
            )


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str,
    severity: Severity,
    summary: str,
    *,
    source: str = "jats-converter",
    basis: Basis = "ours",
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under a stable id; ``source`` names the document or tool it
    follows and ``basis`` says whether it is that tool's own rule or our reading of it."""

    def register(func: RuleFunc) -> RuleFunc:
        if rule_id in RULES:
            raise ValueError(f"rule id {rule_id!r} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, summary, func, source, basis)
        return func

    return register
