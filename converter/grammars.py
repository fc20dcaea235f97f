"""Where the JATS DTDs live on this machine, how they get there, and loading them once.

The DTDs are never part of the repository. ``install`` takes them from the registry package
``@jats4r/dtds`` (pinned version, published integrity hash verified) through the npm client, or
from a folder, zip or tarball the user names. They are stored in a user cache directory
(``$JATSCONV_SCHEMA_DIR``, else ``$XDG_CACHE_HOME/jats-converter/dtds``), with one XML catalog,
``catalog.xml``, mapping every public id to its file: xmllint can use the same catalog.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from converter.archives import extract
from converter.errors import SetupError

PACKAGE = "@jats4r/dtds"
PACKAGE_VERSION = "0.0.10"
# Published by the registry for @jats4r/dtds@0.0.10 (dist.integrity); checked on every install.
PACKAGE_INTEGRITY = (
    "sha512-PtN1KLAuHEGEI6Ur6GBBv3oTXAgl9zW87eLktPAObsOeKlxLG08slUL1UPnPfQ8W"
    "y4J7eqTcOBKB74liQAlWWw=="
)
ENV_VAR = "JATSCONV_SCHEMA_DIR"
CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
_SOURCE_FILE = "jats-converter-source.json"
_PUBLIC_IN_DTD = re.compile(r'"(-//NLM//DTD (?:JATS|Journal|Archiving|Article)[^"]*//EN)"')


def default_dir() -> Path:
    """The grammar folder: ``$JATSCONV_SCHEMA_DIR`` or the user cache directory."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "jats-converter" / "dtds"


@dataclass(frozen=True)
class Grammars:
    """An installed set of DTDs: a folder holding ``catalog.xml``."""

    root: Path

    @property
    def catalog(self) -> Path:
        return self.root / "catalog.xml"

    def installed(self) -> bool:
        return self.catalog.is_file()

    def require(self) -> Grammars:
        if not self.installed():
            raise SetupError(
                f"the JATS DTDs are not installed in {self.root}: run 'jatsconv schemas install' "
                f"(or set {ENV_VAR} / --schema-dir to a folder that holds them)"
            )
        return self

    def public_ids(self) -> dict[str, Path]:
        """Every public id the catalog knows, mapped to its DTD file."""
        return _read_catalog(str(self.require().catalog))

    def source(self) -> dict[str, str]:
        path = self.root / _SOURCE_FILE
        return json.loads(path.read_text()) if path.is_file() else {}

    def path_for(self, public_id: str | None, system_id: str | None = None) -> Path | None:
        """The DTD file for a DOCTYPE: by public id, else by the system id's file name."""
        table = self.public_ids()
        if public_id and public_id in table:
            return table[public_id]
        if system_id:
            name = system_id.rsplit("/", 1)[-1]
            matches = {path for path in table.values() if path.name == name}
            if len(matches) == 1:
                return matches.pop()
        return None

    def dtd(self, public_id: str, system_id: str | None = None) -> etree.DTD:
        """The parsed DTD for a public id, loaded once per process."""
        path = self.path_for(public_id, system_id)
        if path is None:
            raise SetupError(f"no DTD installed for {public_id!r} (see 'jatsconv schemas list')")
        return load_dtd(str(path))


@lru_cache(maxsize=64)
def load_dtd(path: str) -> etree.DTD:
    """Parse a DTD file once per process (about 25 ms for JATS; validation then takes µs)."""
    try:
        return etree.DTD(path)
    except (etree.DTDParseError, OSError) as exc:
        raise SetupError(f"{path}: cannot load DTD: {exc}") from None


@lru_cache(maxsize=8)
def _read_catalog(catalog: str) -> dict[str, Path]:
    base = Path(catalog).parent
    tree = etree.parse(catalog, etree.XMLParser(resolve_entities=False, no_network=True))
    table = {}
    for entry in tree.iter(f"{{{CATALOG_NS}}}public"):
        table[entry.get("publicId", "")] = (base / entry.get("uri", "")).resolve()
    return table


def get_grammars(schema_dir: str | os.PathLike[str] | None = None) -> Grammars:
    """The grammar store named by ``schema_dir`` or the default one."""
    return Grammars(Path(schema_dir).expanduser() if schema_dir else default_dir())


# ------------------------------------------------------------------------- installing


def sri_digest(path: Path) -> str:
    """Subresource-integrity string (``sha512-<base64>``) of a file, as the registry publishes."""
    digest = hashlib.sha512()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return "sha512-" + base64.b64encode(digest.digest()).decode()


def fetch_package(workdir: Path) -> Path:
    """Download the pinned package tarball with ``npm pack`` and verify its integrity."""
    npm = shutil.which("npm")
    if npm is None:
        raise SetupError(
            "npm is not installed: install Node.js/npm, or pass --from with a folder, zip or "
            "tarball holding the JATS DTDs"
        )
    spec = f"{PACKAGE}@{PACKAGE_VERSION}"
    result = subprocess.run(
        [npm, "pack", spec, "--pack-destination", str(workdir), "--silent"],
        capture_output=True,
        text=True,
        cwd=workdir,
        check=False,
        timeout=600,
    )
    tarballs = sorted(workdir.glob("*.tgz"))
    if result.returncode != 0 or not tarballs:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise SetupError(f"npm pack {spec} failed: {detail[-1] if detail else 'no tarball'}")
    tarball = tarballs[0]
    found = sri_digest(tarball)
    if found != PACKAGE_INTEGRITY:
        raise SetupError(f"{spec}: integrity check failed (got {found}); nothing installed")
    return tarball


def _extract(source: Path, workdir: Path) -> Path:
    """Unpack a zip or tarball safely (see ``converter.archives``) and return the folder."""
    target = workdir / "unpacked"
    target.mkdir()
    return extract(source, target)


def _catalog_entries(folder: Path) -> dict[str, Path]:
    """Public ids found in the folder's XML catalogs, else in the DTD files' own headers."""
    entries: dict[str, Path] = {}
    for catalog in sorted(folder.rglob("catalog*.xml")):
        try:
            for public_id, path in _read_catalog(str(catalog)).items():
                if path.is_file():
                    entries.setdefault(public_id, path)
        except etree.XMLSyntaxError:
            continue
    if not entries:
        for dtd in sorted(folder.rglob("*.dtd")):
            head = dtd.read_text(encoding="utf-8", errors="replace")[:6000]
            match = _PUBLIC_IN_DTD.search(head)
            if match:
                entries.setdefault(match.group(1), dtd.resolve())
    return entries


def _write_catalog(entries: dict[str, Path], root: Path) -> None:
    catalog = etree.Element(f"{{{CATALOG_NS}}}catalog", nsmap={None: CATALOG_NS})
    catalog.set("prefer", "public")
    for public_id in sorted(entries):
        item = etree.SubElement(catalog, f"{{{CATALOG_NS}}}public")
        item.set("publicId", public_id)
        item.set("uri", entries[public_id].relative_to(root).as_posix())
    etree.ElementTree(catalog).write(
        str(root / "catalog.xml"), pretty_print=True, xml_declaration=True, encoding="UTF-8"
    )


def install(target: Grammars, source: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """Install the DTDs into ``target`` from the pinned package or from ``source``.

    The new set is assembled beside the target and swapped in by rename, so a failed or
    interrupted install leaves the previous one intact. Returns what was recorded.
    """
    target.root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.root.parent, prefix=".install-") as tmp:
        workdir = Path(tmp)
        if source is None:
            folder = _extract(fetch_package(workdir), workdir)
            origin = {"source": f"{PACKAGE}@{PACKAGE_VERSION}", "integrity": PACKAGE_INTEGRITY}
        else:
            path = Path(source).expanduser()
            if not path.exists():
                raise SetupError(f"{path}: no such file or folder")
            folder = path if path.is_dir() else _extract(path, workdir)
            origin = {"source": str(path.resolve())}
            if path.is_file():
                origin["integrity"] = sri_digest(path)
        staging = workdir / "staging"
        shutil.copytree(folder, staging, symlinks=False)
        staging = staging.resolve()
        entries = _catalog_entries(staging)
        if not entries:
            raise SetupError(f"{source or PACKAGE}: no JATS DTD found (no catalog, no public ids)")
        _write_catalog(entries, staging)
        origin["public_ids"] = str(len(entries))
        (staging / _SOURCE_FILE).write_text(json.dumps(origin, indent=2) + "\n")
        old = workdir / "previous"
        if target.root.exists():
            target.root.rename(old)
        staging.rename(target.root)
    _read_catalog.cache_clear()
    load_dtd.cache_clear()
    return origin
