"""The ``pmc`` profile agrees with PMC's own Style Checker (NLM's XSLT, v5.31).

``tests/data/pmc-stylechecker/`` holds our outputs for every sample (JATS 1.4, and 1.3 with
``--profile pmc``) and variants each breaking one PMC rule; ``verdicts.json`` there is what the
Style Checker said about each, recorded with ``scripts/pmc-stylechecker DIR --record``. The
profile must flag a file exactly when the Style Checker reports an error on it, and give the
Style Checker's warnings it takes over exactly where the Style Checker gives them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import BILINGUAL, DATA, ROOT, xmllint
from converter.checks import check_file
from converter.checks.profiles import PROFILES, rules_for
from converter.readers import ReadContext, read_source
from converter.writers.jats import render_jats

CORPUS = DATA / "pmc-stylechecker"
VERDICTS = json.loads((CORPUS / "verdicts.json").read_text(encoding="utf-8"))
# The Style Checker's warnings the profile gives too: the rule giving each, and the names of
# the Style Checker's tests, which begin its messages and ours.
SHARED_WARNINGS = {
    "pmc-related-expected": (
        "letter reply related article check",
        "article commentary related article check",
        "in-brief article related article check",
    ),
    "pmc-related-self": ("related-article letter reply check",),
}


def test_the_corpus_and_its_verdicts_match() -> None:
    assert "5.31" in VERDICTS["stylechecker"]
    files = {p.name for p in CORPUS.glob("*.xml")}
    assert files == set(VERDICTS["files"])
    assert sum(name.startswith("variant-") for name in files) >= 20
    # the corpus shows both verdicts, and every sample's PMC form is accepted by PMC's tool
    assert any(v["errors"] for v in VERDICTS["files"].values())
    bilingual = [n for n in files if n.startswith("pmc13-") and "crossref" not in n]
    assert bilingual and all(not VERDICTS["files"][n]["errors"] for n in bilingual)


@pytest.mark.parametrize("name", sorted(VERDICTS["files"]))
def test_pmc_profile_flags_exactly_what_the_style_checker_rejects(name: str) -> None:
    verdict = VERDICTS["files"][name]
    report = check_file(CORPUS / name, ["pmc"])
    errors = [f"[{f.rule}] {f.message}" for f in report.findings if f.severity == "error"]
    if verdict["errors"]:
        assert errors, f"the Style Checker rejects {name} ({verdict['errors']}); we pass it"
    else:
        assert not errors, f"the Style Checker accepts {name}; we report {errors}"


@pytest.mark.parametrize("name", sorted(VERDICTS["files"]))
def test_pmc_profile_warns_where_the_style_checker_warns(name: str) -> None:
    warnings = VERDICTS["files"][name]["warnings"]
    report = check_file(CORPUS / name, ["pmc"])
    for rule_id, tests in SHARED_WARNINGS.items():
        theirs = [m for m in warnings if m.startswith(tests)]
        ours = [f for f in report.findings if f.rule == rule_id]
        assert len(ours) == len(theirs), f"{name}: the Style Checker warns {theirs}; we {ours}"
        assert all(f.severity == "warning" and f.message.startswith(tests) for f in ours)


def test_each_shared_warning_is_in_the_corpus() -> None:
    """Each Style Checker warning the profile gives is given on some file, so that the test
    above holds the profile to it."""
    warned = [m for v in VERDICTS["files"].values() for m in v["warnings"]]
    for tests in SHARED_WARNINGS.values():
        for test in tests:
            assert any(m.startswith(test) for m in warned), test


def test_the_pmc_error_rules_are_the_style_checkers() -> None:
    for item in rules_for(["pmc"]):
        if item.id.startswith("pmc-"):
            if item.severity == "error" or item.id in SHARED_WARNINGS:
                assert (item.basis, item.source) == ("service", "PMC Style Checker 5.31")
            else:
                assert item.basis == "reading", item.id
    assert "pmc-recommended" in PROFILES["pmc"]


def test_convert_for_pmc_gives_what_the_style_checker_accepts(tmp_path: Path, run) -> None:
    """The bilingual samples converted for PMC pass, and the written JATS has PMC's forms."""
    ojs = ROOT / "samples" / "ojs" / "2019-1" / "issue.xml"
    result = run(
        "convert", BILINGUAL, ojs, "-o", tmp_path, "--jats-version", "1.3", "--profile", "pmc"
    )
    assert result.code == 0, result.err
    assert " error: " not in result.err
    text = (tmp_path / "streltsov-6.xml").read_text(encoding="utf-8")
    assert '<issn pub-type="ppub" publication-format="print">' in text
    assert '<trans-abstract xml:lang="en">' in text
    assert "<article-categories>" in text
    # an English article of a Russian journal: no journal trans-title in English for PMC
    english = (tmp_path / "issue-2.xml").read_text(encoding="utf-8")
    assert 'xml:lang="en"' in english.split("<article ", 1)[1].split(">", 1)[0]
    assert "<trans-title-group" not in english.split("</journal-meta>")[0]


def test_convert_for_pmc_in_jats_14_types_the_translated_abstracts(tmp_path: Path, run) -> None:
    result = run("convert", BILINGUAL, "-o", tmp_path, "--profile", "pmc", "--jats-version", "1.4")
    text = (tmp_path / "streltsov-6.xml").read_text(encoding="utf-8")
    assert '<abstract abstract-type="translation" xml:lang="en">' in text
    assert "[pmc-abstract-type]" not in result.err


def test_missing_data_is_named_in_input_terms(tmp_path: Path, run) -> None:
    """A Crossref record has no section: the finding says which input field to add."""
    record = ROOT / "samples" / "crossref" / "2018-3" / "streltsov-6.json"
    result = run("convert", record, "-o", tmp_path, "--jats-version", "1.3", "--profile", "pmc")
    assert result.code == 1
    assert "error: [pmc-required]" in result.err
    assert "add `section`" in result.err and "(input field section)" in result.err
    variant = check_file(CORPUS / "variant-collection-without-epub.xml", ["pmc"])
    (finding,) = [f for f in variant.findings if f.rule == "pmc-collection-epub"]
    assert "add `published.electronic`" in finding.message
    assert finding.field == "published.electronic"


def test_general_rules_pmc_does_not_check_are_warnings_in_pmc_only() -> None:
    variant = CORPUS / "variant-general-date-future.xml"
    assert not VERDICTS["files"][variant.name]["errors"]  # PMC's tool accepts it
    pmc = check_file(variant, ["pmc"], today=dt.date(2026, 11, 30))
    assert {f.severity for f in pmc.findings if f.rule == "date-future"} == {"warning"}
    both = check_file(variant, ["general", "pmc"], today=dt.date(2026, 11, 30))
    assert {f.severity for f in both.findings if f.rule == "date-future"} == {"error"}
    # a general rule whose breakage PMC's tool rejects stays an error in pmc
    real = check_file(CORPUS / "variant-general-date-real.xml", ["pmc"])
    assert "error" in [f.severity for f in real.findings if f.rule == "date-real"]


@pytest.mark.parametrize(
    ("article_type", "says"),
    [
        ("review", "Unknown article-type value 'review'"),
        ("dissertation", "Unknown article-type value 'dissertation'"),
        ("correction", "add `related_articles` with type corrected-article"),
        ("retraction", 'related-article-type="retracted-article"'),
    ],
)
def test_an_article_type_pmc_rejects_fails_convert_for_pmc(
    tmp_path: Path, run, article_type: str, says: str
) -> None:
    """Our model allows article types the Style Checker rejects (and notices without the
    related-article it requires, which the input then lacks): converting for PMC fails and
    says which field to add."""
    text = BILINGUAL.read_text(encoding="utf-8")
    assert "article_type: research-article\n" in text
    article = tmp_path / "article.yaml"
    article.write_text(text.replace("research-article", article_type, 1), encoding="utf-8")
    for name in ("journal.yaml",):
        (tmp_path / name).write_text((BILINGUAL.parents[1] / name).read_text(encoding="utf-8"))
    result = run(
        "convert", article, "-o", tmp_path / "out", "--jats-version", "1.3", "--profile", "pmc"
    )
    assert result.code == 1
    assert "error: [pmc-article-type]" in result.err and says in result.err


def test_a_licence_given_as_its_legal_code_converts_to_what_pmc_accepts(
    tmp_path: Path, run
) -> None:
    text = BILINGUAL.read_text(encoding="utf-8")
    assert "license: CC-BY-4.0\n" in text
    article = tmp_path / "article.yaml"
    legalcode = "https://creativecommons.org/licenses/by/4.0/legalcode.ru"
    article.write_text(text.replace("CC-BY-4.0", legalcode, 1), encoding="utf-8")
    (tmp_path / "journal.yaml").write_text(
        (BILINGUAL.parents[1] / "journal.yaml").read_text(encoding="utf-8")
    )
    result = run(
        "convert", article, "-o", tmp_path / "out", "--jats-version", "1.3", "--profile", "pmc"
    )
    assert result.code == 0, result.err
    written = (tmp_path / "out" / "article.xml").read_text(encoding="utf-8")
    assert "legalcode" not in written
    assert 'xlink:href="https://creativecommons.org/licenses/by/4.0/"' in written


def test_a_reply_without_its_letter_converts_for_pmc_with_a_warning(tmp_path: Path, run) -> None:
    """The Style Checker accepts a reply that links no letter, with a warning: so does convert,
    naming the field to add."""
    text = BILINGUAL.read_text(encoding="utf-8")
    article = tmp_path / "article.yaml"
    article.write_text(text.replace("research-article", "reply", 1), encoding="utf-8")
    (tmp_path / "journal.yaml").write_text(
        (BILINGUAL.parents[1] / "journal.yaml").read_text(encoding="utf-8")
    )
    result = run(
        "convert", article, "-o", tmp_path / "out", "--jats-version", "1.3", "--profile", "pmc"
    )
    assert result.code == 0, result.err
    assert "warning: [pmc-related-expected] letter reply related article check" in result.err
    assert "add `related_articles` with type letter" in result.err


def test_a_link_to_the_published_article_makes_the_output_a_preprint_pmc_accepts(
    tmp_path: Path, run, store
) -> None:
    """A link of type published-article says the article is a preprint; PMC's tool wants a
    preprint to say so in an article-version of type status, which the converter writes, and
    which reads back as the link alone."""
    text = BILINGUAL.read_text(encoding="utf-8")
    link = "related_articles:\n  - {type: published-article, doi: 10.5555/jsr.2019.1.5}\n"
    article = tmp_path / "article.yaml"
    article.write_text(text + link, encoding="utf-8")
    (tmp_path / "journal.yaml").write_text(
        (BILINGUAL.parents[1] / "journal.yaml").read_text(encoding="utf-8")
    )
    result = run(
        "convert", article, "-o", tmp_path / "out", "--jats-version", "1.3", "--profile", "pmc"
    )
    assert result.code == 0, result.err
    assert "pmc-related-article" not in result.err
    [written] = (tmp_path / "out").glob("*.xml")
    xml = written.read_text(encoding="utf-8")
    assert '<article-version article-version-type="status">preprint</article-version>' in xml
    assert xml.index("<article-version") < xml.index("<article-categories")
    check = xmllint(written, store.catalog)
    assert check.returncode == 0, check.stderr
    [loaded] = list(read_source(written, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert not [w for w in loaded.warnings if "article-version" in w]
    assert render_jats(loaded.article, "1.3", pmc=True).encode() == written.read_bytes()
