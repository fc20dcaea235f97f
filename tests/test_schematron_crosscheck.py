"""Our Schematron compiler against a standard one, on the JATS4R rules.

``converter.schematron.reference`` compiles the installed JATS4R rules with the ISO Schematron
reference implementation (lxml's edition of the skeleton; see that module for why that one and
how it is used). Both stylesheets run under Saxon on every sample output, every JATS4R test
variant (tests/jats4r_variants.py) and every file of the real-world corpus (tests/data/corpus);
the failures they report, as (assertion id, line), must be the same sets.
``scripts/schematron-crosscheck`` prints the same comparison.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jats4r_variants import VARIANTS, corpus, sample_outputs, variant

from converter.schematron.reference import Reference, ours, verify_skeleton
from converter.schematron.store import Store, get_store
from converter.validation import parse_untrusted

CASES = (
    [(p.relative_to(p.parents[2]).as_posix(), p) for p in sample_outputs()]
    + [(name, name) for name in VARIANTS]
    + [(f"corpus/{p.name}", p) for p in corpus()]
)


@pytest.fixture(scope="module")
def rules() -> Store:
    store = get_store()
    if not store.installed():
        pytest.fail("JATS4R rules not installed: run ./scripts/setup (schemas install-jats4r)")
    return store


@pytest.fixture(scope="module")
def reference(rules: Store) -> Reference:
    return Reference(rules.main)


def _tree(case: Path | str):
    data = case.read_bytes() if isinstance(case, Path) else variant(case)[0]
    return parse_untrusted(data, str(case))


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[n for n, _ in CASES])
def test_our_compiler_reports_what_the_iso_skeleton_reports(
    rules: Store, reference: Reference, case: Path | str
) -> None:
    tree = _tree(case)
    assert ours(tree, rules.main) == reference.findings(tree)


def test_the_variants_exercise_most_assertions(rules: Store, reference: Reference) -> None:
    """The comparison is not vacuous: the variants make 35+ different assertions fire."""
    fired = set()
    for name in VARIANTS:
        fired |= {aid for aid, _ in reference.findings(_tree(name))}
    assert len(fired) >= 35, sorted(fired)


def test_the_corpus_is_not_vacuous_either(rules: Store, reference: Reference) -> None:
    """Publishers' files break JATS4R rules too: the comparison sees 100+ findings there."""
    assert sum(len(reference.findings(_tree(p))) for p in corpus()) >= 100


def test_the_skeleton_is_the_recorded_one() -> None:
    verify_skeleton()
