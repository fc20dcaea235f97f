"""The ``jats4r`` profile runs the official JATS4R Schematron (``@jats4r/schematrons``).

The rules are installed by ``scripts/setup`` (``jatsconv schemas install-jats4r``) into the user
cache; these tests use that copy and never touch the network.
"""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import pytest
from jats4r_variants import variant
from lxml import etree

from conftest import SAMPLES
from converter.checks import check_bytes, check_file
from converter.errors import SetupError
from converter.schematron import store as rules_store
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
    # a long assertion is cut with '…' as every cut value in messages, not ASCII '...'
    summaries = [row["summary"] for i, row in ids.items() if i.startswith("jats4r-")]
    assert all(len(s) <= 160 and not s.endswith("...") for s in summaries)
    assert any(s.endswith("…") for s in summaries)


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
        text = text.replace(rules_store._ID_SPELLED, rules_store._ID_SHIPPED)
        text = text.replace(rules_store._IDREF_SPELLED, rules_store._IDREF_SHIPPED)
        (folder / sch.name).write_text(text, encoding="utf-8")
    return folder


def test_install_applies_and_records_the_patches(rules: Store, tmp_path: Path) -> None:
    shipped = _shipped_copy(rules, tmp_path / "package")
    assert 'prefix="xsd"' not in (shipped / "jats4r.sch").read_text()
    target = Store(tmp_path / "store")
    origin = install(target, shipped)
    assert [p["id"] for p in origin["patches"]] == ["ali-namespace", "xsd-prefix", "id-without-dtd"]
    assert "idref(@id)" in (shipped / "auths-affs-errors.sch").read_text()
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


def test_an_xref_to_an_aff_without_ref_type_aff_is_flagged(rules: Store) -> None:
    """JATS4R's rule on xref[id(@rid) is an aff] fires, on the xref's line (it needs the
    id-without-dtd patch: without the DTD, id() finds nothing)."""
    data, sample = variant("xref-to-aff-typed-bibr")
    text = data.decode()
    line = text[: text.index('<xref ref-type="bibr" rid="aff1"/>')].count("\n") + 1
    report = check_bytes(data, "a.xml", ["jats4r"])
    hits = [f for f in report.findings if f.rule == "jats4r-auths-aff-errors-4"]
    assert [(f.severity, f.line) for f in hits] == [("error", line)]
    assert 'must have @ref-type="aff"' in hits[0].message
    assert not check_file(sample, ["jats4r"]).findings


@pytest.mark.parametrize("sample", SAMPLE_OUTPUTS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_the_id_rules_do_not_fire_on_our_outputs(rules: Store, sample: Path) -> None:
    report = check_file(sample, ["jats4r"])
    assert not [f for f in report.findings if f.rule.startswith("jats4r-auths-aff-errors-")]


def test_unreferenced_affs_are_found_by_the_spelled_out_idref(rules: Store) -> None:
    unreferenced = check_bytes(variant("unreferenced-aff-before-aff")[0], "a.xml", ["jats4r"])
    referenced = check_bytes(variant("referenced-aff-before-aff")[0], "a.xml", ["jats4r"])
    assert [f.rule for f in unreferenced.findings] == ["jats4r-auths-aff-errors-1"]
    assert not referenced.findings


def test_the_spelled_out_forms_mean_what_id_and_idref_mean() -> None:
    """On a document whose internal DTD subset types @id as ID and @rid as IDREFS, Saxon's own
    id()/idref() and the patch's spelled-out forms (evaluated on the same document) agree
    node for node, errors included."""
    from saxonche import PySaxonProcessor

    doc = (
        "<!DOCTYPE article [<!ATTLIST aff id ID #IMPLIED> <!ATTLIST aff-alternatives id ID "
        "#IMPLIED> <!ATTLIST fn id ID #IMPLIED> <!ATTLIST xref rid IDREFS #IMPLIED> "
        "<!ATTLIST fn rid IDREFS #IMPLIED> <!ATTLIST td headers IDREFS #IMPLIED>]>"
        '<article><aff id=" a1 "/><aff-alternatives id="a2"/><fn id="f1" rid="a1"/>'
        '<td headers="f1 a2"/><xref rid="a1"/><xref rid="a2"/><xref rid="a1 f1"/>'
        '<xref rid="a1 a1"/><xref rid="zz"/><xref rid=""/><xref/><xref rid=" a1  "/></article>'
    )
    processor = PySaxonProcessor(license=False)
    xpath = processor.new_xpath_processor()
    xpath.set_context(xdm_item=processor.parse_xml(xml_text=doc))

    def value(expr: str) -> str:
        try:
            return str(xpath.evaluate(f"string-join({expr}, ',')"))
        except Exception:  # saxonche's PySaxonApiError: a type error, as with name() of two
            return "error"

    where = "concat(name(), '#', count(preceding::*))"
    condition = rules_store._ID_SPELLED.removeprefix("xref[").removesuffix("]")
    for i in range(1, 9):
        xref = f"(//xref)[{i}]"
        nodes = value(f"{xref}/id(@rid)/{where}")
        assert value(f"{xref}/{rules_store._ID_NODES}/{where}") == nodes
        shipped = value(f"{xref}/string(name(id(@rid)) = 'aff')")  # "error": matches nothing
        expected = "true" if shipped == "true" else "false"
        assert value(f"{xref}/string({condition})") == expected, (i, nodes)
    for who in ("aff", "aff-alternatives", "fn"):
        shipped = value(f"(//{who})[1]/idref(@id)/concat(name(..), '@', name())")
        spelled = value(f"(//{who})[1]/{rules_store._IDREF_SPELLED}/concat(name(..), '@', name())")
        assert spelled == shipped and shipped != ""


def test_the_dtds_type_ids_as_the_patch_assumes(store) -> None:
    """The patch spells id()/idref() with @id as the only ID attribute and IDREF_ATTRIBUTES as
    the IDREF(S) ones: true of every JATS 1.x DTD installed (any element, any flavour)."""
    dtds = sorted(store.root.glob("package/schema/*/JATS-*.dtd"))
    assert len(dtds) > 20
    for path in dtds:
        if "/1.1d1/" in path.as_posix():  # a draft that typed one id CDATA; never emitted
            continue
        dtd = etree.DTD(str(path))
        for element in dtd.iterelements():
            for attribute in element.iterattributes():
                if attribute.type == "id":
                    assert (attribute.prefix, attribute.name) == (None, "id"), path
                if attribute.name == "id":
                    assert attribute.type == "id", (path, element.name)
                if attribute.type in ("idref", "idrefs"):
                    assert attribute.name in rules_store.IDREF_ATTRIBUTES, (path, attribute.name)
                elif attribute.prefix is None and not (
                    attribute.name == "xref" and "-mathml3" in path.name
                ):  # MathML 3 types mml:*/@xref CDATA; the DTDs our outputs name, IDREF
                    assert attribute.name not in rules_store.IDREF_ATTRIBUTES, (
                        path,
                        element.name,
                        attribute.name,
                    )


def test_an_install_with_older_patches_asks_to_reinstall(rules: Store, tmp_path: Path) -> None:
    target = Store(tmp_path / "old")
    install(target, _shipped_copy(rules, tmp_path / "package"))
    source = json.loads((target.root / "jats-converter-source.json").read_text())
    source["patches"] = source["patches"][:2]
    (target.root / "jats-converter-source.json").write_text(json.dumps(source))
    assert not target.installed()
    with pytest.raises(SetupError, match="install-jats4r"):
        target.require()
