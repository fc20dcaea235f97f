"""The ``jats4r`` profile runs the official JATS4R Schematron (``@jats4r/schematrons``).

The rules are installed by ``scripts/setup`` (``jatsconv schemas install-jats4r``) into the user
cache; these tests use that copy and never touch the network.
"""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import SAMPLES
from converter.checks import check_bytes, check_file
from converter.errors import SetupError
from converter.schematron.runner import validator
from converter.schematron.store import PATCHES, Store, get_store, install

SAMPLE_OUTPUTS = sorted(
    p
    for p in SAMPLES.glob("*/*/*.xml")
    if not p.name.endswith(".nlm.xml") and p.name != "issue.xml"
)
BILINGUAL_XML = SAMPLES / "japanese-studies-in-russia" / "2018-3" / "streltsov-6.xml"


@pytest.fixture(scope="session")
def rules() -> Store:
    store = get_store()
    if not store.installed():
        pytest.fail("JATS4R rules not installed: run ./scripts/setup (schemas install-jats4r)")
    return store


def _errors(report) -> list:
    return [f for f in report.findings if f.severity == "error"]


@pytest.mark.parametrize("sample", SAMPLE_OUTPUTS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_sample_output_passes_jats4r(rules: Store, sample: Path) -> None:
    report = check_file(sample, ["jats4r"])
    assert not _errors(report), [str(f) for f in _errors(report)]


def _broken(old: str, new: str) -> tuple[bytes, int]:
    text = BILINGUAL_XML.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    return text.replace(old, new, 1).encode("utf-8"), line


def test_a_licence_whose_two_uris_differ_is_flagged(rules: Store) -> None:
    data, _ = _broken(
        "<ali:license_ref>https://creativecommons.org/licenses/by/4.0/",
        "<ali:license_ref>https://creativecommons.org/licenses/by-nc/4.0/",
    )
    text = data.decode()
    license_line = text[: text.index("<license ")].count("\n") + 1
    report = check_bytes(data, "a.xml", ["jats4r"])
    (finding,) = [f for f in _errors(report) if f.rule.startswith("jats4r-")]
    assert "must match exactly" in finding.message
    assert "JATS4R recommendation: Permissions" in finding.message
    assert finding.line == license_line
    assert finding.path.endswith("/permissions/license")


def test_a_non_numeric_copyright_year_is_flagged(rules: Store) -> None:
    data, line = _broken(
        "<copyright-year>2018</copyright-year>", "<copyright-year>abc</copyright-year>"
    )
    report = check_bytes(data, "a.xml", ["jats4r"])
    (finding,) = [f for f in _errors(report) if f.rule.startswith("jats4r-")]
    assert finding.rule == "jats4r-permissions-errors-4"
    assert '<copyright-year> must be a 4-digit year, not "abc"' in finding.message
    assert finding.line == line


def test_warnings_phase_rules_are_warnings(rules: Store) -> None:
    report = check_file(BILINGUAL_XML, ["jats4r"])
    kinds = {f.rule: f.severity for f in report.findings}
    assert kinds.get("jats4r-kwd-warnings-2") == "warning"


def test_compiled_once_per_process(rules: Store) -> None:
    assert validator(str(rules.main)) is validator(str(rules.main))


def test_check_command_and_list_rules(rules: Store, run) -> None:
    result = run("check", "--profile", "jats4r", BILINGUAL_XML)
    assert result.code == 0, result.out + result.err
    listed = run("check", "--list-rules", "--profile", "jats4r", "--json")
    payload = json.loads(listed.out)
    ids = {row["id"]: row for row in payload["rules"]}
    assert "jats4r-permissions-errors-4" in ids and "general-required" in ids
    row = ids["jats4r-permissions-errors-5"]
    assert (row["severity"], row["basis"]) == ("error", "service")
    assert "@jats4r/schematrons 0.0.6" in row["source"] and "Permissions" in row["source"]
    assert len([i for i in ids if i.startswith("jats4r-")]) >= 55
    notes = "\n".join(payload["notes"])
    assert all(f"install-time patch {p.id}" in notes for p in PATCHES)


def _shipped_copy(rules: Store, folder: Path) -> Path:
    """The package's files as shipped: the installed copy with the patches undone."""
    folder.mkdir()
    for sch in rules.root.glob("*.sch"):
        text = sch.read_text(encoding="utf-8")
        text = text.replace(
            'uri="http://www.niso.org/schemas/ali/1.0/"',
            'uri="http://www.niso.org/schemas/ali/1.0"',
        )
        text = text.replace('<ns prefix="xsd" uri="http://www.w3.org/2001/XMLSchema"/>\n  ', "")
        (folder / sch.name).write_text(text, encoding="utf-8")
    return folder


def test_install_applies_and_records_the_patches(rules: Store, tmp_path: Path) -> None:
    shipped = _shipped_copy(rules, tmp_path / "package")
    assert 'prefix="xsd"' not in (shipped / "jats4r.sch").read_text()
    target = Store(tmp_path / "store")
    origin = install(target, shipped)
    assert [p["id"] for p in origin["patches"]] == ["ali-namespace", "xsd-prefix"]
    for sch in rules.root.glob("*.sch"):
        assert (target.root / sch.name).read_text() == sch.read_text()
    assert target.source()["patches"] == origin["patches"]


def test_install_refuses_a_tampered_package(rules: Store, tmp_path: Path) -> None:
    shipped = _shipped_copy(rules, tmp_path / "package")
    tarball = tmp_path / "schematrons-0.0.6.tgz"
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(shipped, arcname="package/schematrons/1.0")
    target = Store(tmp_path / "store")
    with pytest.raises(SetupError, match="integrity check failed"):
        install(target, tarball)
    assert not target.installed()


def test_missing_rules_are_a_setup_error(tmp_path: Path, run, monkeypatch) -> None:
    monkeypatch.setenv("JATSCONV_SCHEMATRON_DIR", str(tmp_path / "none"))
    result = run("check", "--profile", "jats4r", BILINGUAL_XML)
    assert result.code == 4
    assert "schemas install-jats4r" in result.err


def test_the_document_given_to_saxon_has_no_doctype(rules: Store) -> None:
    """Nothing is fetched: the DOCTYPE (and any entity) never reaches Saxon."""
    hostile = (
        b'<?xml version="1.0"?>\n<!DOCTYPE article SYSTEM "http://127.0.0.1:9/x.dtd">\n'
        b"<article><front><article-meta><permissions><copyright-year>abc</copyright-year>"
        b"</permissions></article-meta></front></article>"
    )
    report = check_bytes(hostile, "h.xml", ["jats4r"])
    assert any(f.rule == "jats4r-permissions-errors-4" for f in report.findings)
    assert etree.fromstring(hostile).tag == "article"
