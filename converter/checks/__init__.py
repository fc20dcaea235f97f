"""Profile checks: what indexing services reject although the JATS DTD accepts it.

Every rule is a small function over a parsed JATS document with a stable id (``orcid-checksum``)
and a fixed severity. A *profile* (``general``, ``pmc``, ``crossref``, ``doaj``, ``rsci``) is a
list of rule ids; ``check_tree`` runs the rules of the profiles asked for and returns findings
with the element path and line (and, for documents the converter wrote, the input field).

Rules work on JATS rather than on the model so that ``jatsconv check`` judges any JATS file,
whoever wrote it, and ``jatsconv convert --profile`` judges exactly what is written.

The package's names are imported on first use (PEP 562): listing the profiles (``PROFILES``,
for ``--profile`` choices) loads no rule, no lxml and no Schematron; the rules register when a
profile is first run (``profiles.rules_for``) or ``RULES`` is asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from converter.checks.base import Finding
    from converter.checks.profiles import PROFILES
    from converter.checks.registry import RULES, Rule
    from converter.checks.run import (
        CheckReport,
        check_bytes,
        check_file,
        check_tree,
        findings_to_problems,
        profile_problems,
    )

_LAZY = {
    "CheckReport": "converter.checks.run",
    "Finding": "converter.checks.base",
    "PROFILES": "converter.checks.profiles",
    "Rule": "converter.checks.registry",
    "check_bytes": "converter.checks.run",
    "check_file": "converter.checks.run",
    "check_tree": "converter.checks.run",
    "findings_to_problems": "converter.checks.run",
    "profile_problems": "converter.checks.run",
}

__all__ = [
    "PROFILES",
    "RULES",
    "CheckReport",
    "Finding",
    "Rule",
    "check_bytes",
    "check_file",
    "check_tree",
    "findings_to_problems",
    "profile_problems",
]


def __getattr__(name: str) -> Any:
    if name == "RULES":
        from converter.checks.profiles import all_rules

        return all_rules()
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'converter.checks' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
