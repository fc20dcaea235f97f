"""Profiles: which rules each service's check runs. Every profile builds on ``general``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from converter.checks.base import Severity
    from converter.checks.registry import Rule

GENERAL = (
    "general-required",
    "general-recommended",
    "issn-check-digit",
    "issn-typing",
    "orcid-checksum",
    "orcid-form",
    "ror-form",
    "doi-syntax",
    "date-real",
    "date-order",
    "date-future",
    "license-recognised",
    "license-ref-match",
    "lang-valid",
    "trans-lang",
    "lang-unique",
    "alternatives-lang",
    "id-unique",
    "xref-resolves",
    "text-misdecoded",
    "page-range-full",
    "aff-institution",
)

PROFILES: dict[str, tuple[str, ...]] = {
    "general": GENERAL,
    "pmc": (
        *GENERAL,
        "pmc-required",
        "pmc-subject-heading",
        "pmc-article-type",
        "pmc-correction-content",
        "pmc-related-article",
        "pmc-related-object",
        "pmc-related-expected",
        "pmc-related-self",
        "pmc-issn-format",
        "pmc-issn-pub-type",
        "pmc-abstract-type",
        "pmc-abstract-content",
        "pmc-trans-lang",
        "pmc-copyright-year",
        "pmc-pub-date-attrs",
        "pmc-pub-date-values",
        "pmc-collection-epub",
        "pmc-print-collection",
        "pmc-contrib-id-type",
        "pmc-one-name",
        "pmc-alternatives-main",
        "pmc-recommended",
        "pmc-dtd-version",
        "pmc-license-one-uri",
        "pmc-license-cc-url",
        "pmc-orcid-form",
        "pmc-doi-format",
        "pmc-lpage",
        "pmc-empty-element",
        "pmc-contrib-content",
        "pmc-one-date-each",
        "pmc-attribute-values",
        "pmc-pub-id-type",
        "pmc-pmid-format",
        "pmc-season",
        "pmc-ref-id",
        "pmc-xref-rid",
        "pmc-ext-link-type",
    ),
    "jats4r": (*GENERAL, "jats4r"),
    "crossref": (
        *GENERAL,
        "crossref-required",
        "crossref-notice-link",
        "crossref-issue-doi",
        "crossref-limits",
        "crossref-left-out",
        "crossref-funder-id",
        "deposit-unpublished",
    ),
    "doaj": (*GENERAL, "doaj-required", "deposit-unpublished"),
    "rsci": (
        *GENERAL,
        "rsci-bilingual",
        "rsci-names",
        "rsci-affiliations",
        "rsci-latin-references",
        "script-latin-fields",
        "script-mixed-words",
        "rsci-translit-scheme",
    ),
}

PROFILE_HELP = {
    "general": "JATS4R-style good practice: identifiers, dates, licences, languages, links",
    "pmc": "PubMed Central: the Style Checker's (5.31) errors; our reading of PMC's documents as "
    "warnings",
    "jats4r": "the official JATS4R Schematron rules (@jats4r/schematrons, installed with "
    "'jatsconv schemas install-jats4r')",
    "crossref": "Crossref deposit: DOI, landing page, ISSN, titles, dates, surnames; values past "
    "the limits of Crossref's schema; an article not yet published",
    "doaj": "DOAJ: journal title, ISSN, title, date, full-text URL; an article not yet published",
    "rsci": (
        "Russian indexing: Russian and English metadata, Latin-script references, scripts, "
        "one transliteration scheme"
    ),
}


# Within a profile a rule may count for less than its own severity. ``pmc`` errors are what PMC's
# Style Checker rejects, so the general rules it has no counterpart for are warnings there (the
# variants "variant-general-*" in tests/data/pmc-stylechecker show the Style Checker accepting
# each); asked for together with another profile, a rule keeps the strictest severity.
PROFILE_SEVERITY: dict[str, dict[str, Severity]] = {
    "pmc": dict.fromkeys(
        ("issn-check-digit", "issn-typing", "orcid-checksum", "ror-form", "doi-syntax",
         "date-order", "date-future", "license-ref-match", "lang-valid", "trans-lang",
         "lang-unique", "id-unique", "xref-resolves", "text-misdecoded"),
        "warning",
    ),
}  # fmt: skip


def _in_profiles(item: Rule, profiles: tuple[str, ...] | list[str]) -> Rule:
    """The rule at the severity the asked profiles give it."""
    asked = [name for name in profiles if item.id in PROFILES[name]]
    given = [PROFILE_SEVERITY.get(name, {}).get(item.id, item.severity) for name in asked]
    severity: Severity = "error" if "error" in given else "warning"
    if severity == item.severity:
        return item
    lowered = [name for name in asked if name in PROFILE_SEVERITY]
    note = f" (a warning in {', '.join(lowered)}: that service's own checker does not check it)"
    return replace(item, severity=severity, summary=item.summary + note)


def rules_for(profiles: tuple[str, ...] | list[str]) -> list[Rule]:
    """The rules of the named profiles, each once, in profile order, at the severity those
    profiles give them; unknown names raise."""
    ids: dict[str, None] = {}
    if isinstance(profiles, str):  # its letters would be taken as names: "unknown profile 'p'"
        from converter.options import one_text_for_profiles

        raise ValueError(one_text_for_profiles(profiles))
    if not isinstance(profiles, Iterable):
        from converter.options import not_profiles

        raise TypeError(not_profiles(profiles))
    for name in profiles:
        if name not in PROFILES:
            known = ", ".join(PROFILES)
            raise ValueError(f"unknown profile {name!r} (known: {known})")
        ids.update(dict.fromkeys(PROFILES[name]))
    rules = all_rules()
    return [_in_profiles(rules[rule_id], profiles) for rule_id in ids]


def all_rules() -> dict[str, Rule]:
    """Every registered rule by id. The rule modules register on import; they are imported
    here, when rules are first needed, so that the profile table above stays cheap to read."""
    from converter.checks import crossref, jats4r, pmc, rules  # noqa: F401  (register their rules)
    from converter.checks.registry import RULES

    return RULES
