"""Hostile archives given to ``jatsconv schemas install --from``: refused with one line and exit 4,
the same way on every Python from 3.11.0 (tarfile's ``filter=`` exists only from 3.11.4)."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from converter.grammars import Grammars, install

DTD = b'<!-- "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.4 20241031//EN" -->\n'


def _tgz(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for info, data in members:
            if data is not None:
                info.size = len(data)
            archive.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def _member(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    return info


def _good() -> tuple[tarfile.TarInfo, bytes]:
    return _member("package/jats.dtd"), DTD


HOSTILE = {
    "dot-dot": [_good(), (_member("package/../../escaped.dtd"), DTD)],
    "absolute": [_good(), (_member("/tmp/jatsconv-absolute.dtd"), DTD)],
    "absolute-symlink": [_good(), (_member("package/etc", tarfile.SYMTYPE, "/etc"), None)],
    "outside-symlink": [_good(), (_member("package/up", tarfile.SYMTYPE, "../../.."), None)],
    "symlink-chain": [
        _good(),
        (_member("package/a/b/s", tarfile.SYMTYPE, "../../.."), None),
        (_member("package/t", tarfile.SYMTYPE, "a/b/s/../x"), None),
    ],
    "symlink-loop": [_good(), (_member("package/loop", tarfile.SYMTYPE, "loop"), None)],
    "hardlink": [_good(), (_member("package/passwd", tarfile.LNKTYPE, "/etc/passwd"), None)],
    "inside-hardlink": [
        _good(),
        (_member("package/copy", tarfile.LNKTYPE, "package/jats.dtd"), None),
    ],
    "char-device": [_good(), (_member("package/null", tarfile.CHRTYPE), None)],
    "block-device": [_good(), (_member("package/sda", tarfile.BLKTYPE), None)],
    "fifo": [_good(), (_member("package/pipe", tarfile.FIFOTYPE), None)],
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_tarball_is_refused_with_one_line(run, tmp_path: Path, case: str) -> None:
    archive = _tgz(tmp_path / f"{case}.tgz", HOSTILE[case])
    target = tmp_path / "store"
    target.mkdir()
    (target / "catalog.xml").write_text("<keep/>")
    result = run("schemas", "install", "--from", archive, "--schema-dir", target)
    assert result.code == 4, result.err
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "unsafe archive member" in lines[0]
    assert "nothing installed" in lines[0]
    assert "Traceback" not in result.err
    assert (target / "catalog.xml").read_text() == "<keep/>"  # the old store is kept
    assert not (tmp_path / "escaped.dtd").exists()
    assert not Path("/tmp/jatsconv-absolute.dtd").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".install-")] == []


def test_dot_dot_in_a_zip_is_refused_too(run, tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("package/jats.dtd", DTD)
        handle.writestr("../escaped.dtd", DTD)
    result = run("schemas", "install", "--from", archive, "--schema-dir", tmp_path / "store")
    assert result.code == 4
    assert len(result.err.strip().splitlines()) == 1
    assert "unsafe archive member '../escaped.dtd'" in result.err
    assert not (tmp_path / "escaped.dtd").exists()


def test_a_safe_tarball_installs_without_tarfile_filter(
    tmp_path: Path, store: Grammars, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real DTD package as a .tgz, with an inside symlink, installs on any 3.11.x: the
    extraction never calls ``extractall`` (whose ``filter=`` 3.11.0-3.11.3 lack)."""

    def no_extractall(*args: object, **kwargs: object) -> None:
        raise TypeError("TarFile.extractall() got an unexpected keyword argument 'filter'")

    monkeypatch.setattr(tarfile.TarFile, "extractall", no_extractall)
    archive = tmp_path / "dtds.tgz"
    with tarfile.open(archive, "w:gz") as handle:
        handle.add(store.root / "package" / "schema" / "1.4", arcname="package/schema/1.4")
        handle.add(store.root / "package" / "schema" / "catalog.xml", "package/schema/catalog.xml")
        link = _member("package/latest", tarfile.SYMTYPE, "schema/1.4")
        handle.addfile(link)
    target = Grammars(tmp_path / "from-tgz")
    origin = install(target, archive)
    assert origin["integrity"].startswith("sha512-")
    assert "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.4 20241031//EN" in (
        target.public_ids()
    )


def test_a_broken_tarball_is_one_line(run, tmp_path: Path) -> None:
    archive = tmp_path / "cut.tgz"
    whole = _tgz(tmp_path / "whole.tgz", [_good()] * 3).read_bytes()
    archive.write_bytes(whole[: len(whole) // 2])
    result = run("schemas", "install", "--from", archive, "--schema-dir", tmp_path / "store")
    assert result.code == 4, result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err


def test_a_long_unsafe_member_name_is_cut_with_an_ellipsis(run, tmp_path: Path) -> None:
    """A refused member's name longer than the message shows ended in ASCII '...', which
    reads as part of the name; it ends in '…' as every other cut value in messages."""
    archive = tmp_path / "evil.zip"
    name = "../" + "x" * 200 + ".dtd"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("package/jats.dtd", DTD)
        handle.writestr(name, DTD)
    result = run("schemas", "install", "--from", archive, "--schema-dir", tmp_path / "store")
    assert result.code == 4
    assert f"unsafe archive member '{name[:119]}…'" in result.err
    assert "..." not in result.err.replace("'../", "'")
