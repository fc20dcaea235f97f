"""Where the JATS4R Schematron rules live on this machine and how they get there.

Like the DTDs (``converter.grammars``), the rules are never part of the repository:
``install`` takes them from the registry package ``@jats4r/schematrons`` (pinned version,
published integrity hash verified) through the npm client, or from a tarball or folder the user
names, into the user cache (``$JATSCONV_SCHEMATRON_DIR``, else
``$XDG_CACHE_HOME/jats-converter/schematrons``). The package's sources need two fixes to run
and to match the JATS DTDs' namespaces; they are applied to the installed copy as documented
patches (``PATCHES``), never to what a rule means, and recorded beside the files. A copy
installed with another set of patches than this version's counts as not installed, so that
``scripts/setup`` (and the error message) reinstall it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from converter.archives import extract
from converter.errors import SetupError, writing_into
from converter.npm_packages import npm_pack, sri_digest
from converter.userdirs import user_cache

PACKAGE = "@jats4r/schematrons"
PACKAGE_VERSION = "0.0.6"
# Published by the registry for @jats4r/schematrons@0.0.6 (dist.integrity); checked on install.
PACKAGE_INTEGRITY = (
    "sha512-LHbiFKI4++eH8IJxmC30bxtF15ChfqGOKLdl+rU+anWq9/"
    "5oE+z9y3kYniLUrm+DySe/OAf4VddzWaaOqLk81A=="
)
ENV_VAR = "JATSCONV_SCHEMATRON_DIR"
MAIN = "jats4r.sch"
_SOURCE_FILE = "jats-converter-source.json"
_ALI_SHIPPED = 'uri="http://www.niso.org/schemas/ali/1.0"'
_ALI_DTD = 'uri="http://www.niso.org/schemas/ali/1.0/"'


@dataclass(frozen=True, slots=True)
class Patch:
    """A documented fix applied to the installed copy: what, why, and the edit."""

    id: str
    file: str
    what: str
    why: str
    apply: Callable[[str], str]


def _ali_namespace(text: str) -> str:
    if _ALI_SHIPPED + "/>" not in text.replace(" />", "/>"):
        raise ValueError("the ali namespace declaration is not the one 0.0.6 ships")
    return text.replace(_ALI_SHIPPED, _ALI_DTD)


def _xsd_prefix(text: str) -> str:
    anchor = '<ns prefix="j4r"'
    if anchor not in text or 'prefix="xsd"' in text:
        raise ValueError("no place to declare the xsd prefix, or it is declared already")
    return text.replace(
        anchor, '<ns prefix="xsd" uri="http://www.w3.org/2001/XMLSchema"/>\n  ' + anchor, 1
    )


# The JATS DTDs type exactly these attributes IDREF or IDREFS, whatever the element, and type
# only ``id`` attributes ID (every JATS 1.x release; tests/test_jats4r.py reads the installed
# DTDs to hold us to it). XPath's id() and idref() see those types only in a document parsed
# with its DTD, and documents reach Saxon without it (nothing is fetched), so the two calls the
# rules make are spelled out over the same document instead. (One flavour nuance: the
# "-mathml3" DTDs type MathML's @xref CDATA; the default ones, which our outputs name, IDREF.)
IDREF_ATTRIBUTES = (
    "rid",
    "continued-from",
    "xref",
    "headers",
    "glyph-data",
    "pointer-to-question",
    "pointer-to-explained",
    "lang-group",
    "alternate-form-of",
)
_AFF_FILE = "auths-affs-errors.sch"
_ID_SHIPPED = "xref[name(id(@rid))='aff']"
# id(@rid): for each whitespace-separated token of @rid, the first element (document order)
# whose @id, whitespace-collapsed as a DTD collapses an ID, is that token; sorted and
# deduplicated by "/.". As shipped, name() of two or more elements is a type error, and a
# pattern whose evaluation errs matches nothing (with a warning from Saxon per xref); joining
# the names matches exactly the same xrefs (one element, an aff) without the error.
_ID_NODES = (
    "(for $t in tokenize(normalize-space(@rid), ' ') return (//*[normalize-space(@id) = $t])[1])/."
)
_ID_SPELLED = f"xref[string-join(for $e in {_ID_NODES} return name($e), ' ') = 'aff']"
_IDREF_SHIPPED = "idref(@id)"
# idref(@id): the IDREF/IDREFS attributes of the document one of whose tokens is this @id.
_IDREF_SPELLED = (
    "(for $v in @id return ("
    + " | ".join(f"//@{name}" for name in IDREF_ATTRIBUTES)
    + ")[tokenize(normalize-space(.), ' ') = normalize-space($v)])"
)
_ID_CALL = re.compile(r"(?<![\w:-])(id|idref)\s*\(")


def _id_without_dtd(text: str) -> str:
    if text.count(_ID_SHIPPED) != 1:
        raise ValueError(f"expected one rule context {_ID_SHIPPED}")
    text = text.replace(_ID_SHIPPED, _ID_SPELLED)
    if text.count(_IDREF_SHIPPED) != 2:
        raise ValueError(f"expected two {_IDREF_SHIPPED} in the aff reports")
    text = text.replace(_IDREF_SHIPPED, _IDREF_SPELLED)
    if _ID_CALL.search(text):
        raise ValueError("an id() or idref() call is left that this patch does not know")
    return text


PATCHES = (
    Patch(
        "ali-namespace",
        MAIN,
        'ns prefix "ali" bound to http://www.niso.org/schemas/ali/1.0/ (with the final slash)',
        "the JATS DTDs (and every JATS file that validates) use the namespace with the slash; "
        "as shipped, the licence rules never match a real file",
        _ali_namespace,
    ),
    Patch(
        "xsd-prefix",
        MAIN,
        'ns prefix "xsd" declared as http://www.w3.org/2001/XMLSchema',
        "the xsl:functions are typed as xsd:boolean but the schema never declares the xsd "
        "prefix: an XSLT 2+ processor refuses to compile them",
        _xsd_prefix,
    ),
    Patch(
        "id-without-dtd",
        _AFF_FILE,
        "id(@rid) and idref(@id) spelled out as the elements whose @id is a token of @rid, and "
        "the IDREF/IDREFS attributes (" + ", ".join(IDREF_ATTRIBUTES) + ") holding @id",
        "XPath's id() and idref() need the DTD's ID types, and documents are checked without "
        "their DTD: as shipped, the rule 'xref to aff must have @ref-type=\"aff\"' never "
        "fires and the unreferenced-aff reports fire on every aff with an id",
        _id_without_dtd,
    ),
)


def default_dir() -> Path:
    """The rules folder: ``$JATSCONV_SCHEMATRON_DIR`` or the user cache directory."""
    return user_cache("schematrons", ENV_VAR)


@dataclass(frozen=True)
class Store:
    """An installed copy of the JATS4R rules: a folder holding ``jats4r.sch``."""

    root: Path

    @property
    def main(self) -> Path:
        return self.root / MAIN

    def installed(self) -> bool:
        """Installed, and patched as this version patches them."""
        return self.main.is_file() and self.current()

    def current(self) -> bool:
        """The copy carries exactly this version's patches (an older install may lack one)."""
        recorded = self.source().get("patches")
        if not isinstance(recorded, list):
            return False
        return [p.get("id") for p in recorded if isinstance(p, dict)] == [p.id for p in PATCHES]

    def require(self, *, command: bool = False) -> Store:
        """This copy, or ``SetupError`` when it is not installed (or not patched as this
        version patches). A command's line (``command``: the CLI's, asked before it reads a
        file) is what it was; the library's says how a Python caller gives another folder,
        the variable, set in ``os.environ`` too, since no argument names it: it was told only
        of commands, as the DTDs' line was (``Grammars.require``)."""
        if command:
            missing, stale = f" (or set {ENV_VAR})", ""
        else:
            variable = (
                ", in os.environ too: check_file, check_bytes and Options(profiles=...) take no "
                "argument for it)"
            )
            missing = f" (or set {ENV_VAR} to a folder that holds them{variable}"
            stale = f" (or set {ENV_VAR} to a folder this version installed them into{variable}"
        if not self.main.is_file():
            raise SetupError(
                f"the JATS4R Schematron rules are not installed in {self.root}: run "
                f"'jatsconv schemas install-jats4r'{missing}"
            )
        if not self.current():
            raise SetupError(
                f"the JATS4R Schematron rules in {self.root} were installed with other patches "
                f"than this version applies: run 'jatsconv schemas install-jats4r' again{stale}"
            )
        return self

    def source(self) -> dict[str, object]:
        path = self.root / _SOURCE_FILE
        return json.loads(path.read_text()) if path.is_file() else {}


def get_store(folder: str | os.PathLike[str] | None = None) -> Store:
    return Store(Path(folder).expanduser() if folder else default_dir())


def _rules_folder(folder: Path) -> Path:
    found = sorted(folder.rglob(MAIN))
    if not found:
        raise SetupError(f"{folder}: no {MAIN} inside")
    return found[0].parent


def install(target: Store, source: str | os.PathLike[str] | None = None) -> dict[str, object]:
    """Install the rules into ``target`` from the pinned package (or the tarball/folder named),
    patched as ``PATCHES`` say. A failed install leaves the previous one in place; a folder
    that cannot be written (read-only, not creatable, a full disk) is ``OutputError``."""
    with writing_into(target.root, "install the JATS4R rules"):
        return _install(target, source)


def _install(target: Store, source: str | os.PathLike[str] | None) -> dict[str, object]:
    target.root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.root.parent, prefix=".install-") as tmp:
        workdir = Path(tmp)
        path = (
            Path(source).expanduser()
            if source is not None
            else npm_pack(
                f"{PACKAGE}@{PACKAGE_VERSION}",
                workdir,
                without_npm="pass --from with the package tarball",
            )
        )
        if not path.exists():
            raise SetupError(f"{path}: no such file or folder")
        origin: dict[str, object] = {"source": f"{PACKAGE}@{PACKAGE_VERSION}"}
        if path.is_file():
            found = sri_digest(path)
            if found != PACKAGE_INTEGRITY:
                raise SetupError(
                    f"{path}: integrity check failed for {PACKAGE}@{PACKAGE_VERSION} "
                    f"(got {found}); nothing installed"
                )
            origin["integrity"] = found
            unpacked = workdir / "unpacked"
            unpacked.mkdir()
            folder = _rules_folder(extract(path, unpacked))
        else:
            folder = _rules_folder(path)
            origin["source"] = str(path.resolve())
        staging = workdir / "staging"
        staging.mkdir()
        for sch in sorted(folder.glob("*.sch")):
            shutil.copy(sch, staging / sch.name)
        applied = []
        for patch in PATCHES:
            file = staging / patch.file
            try:
                file.write_text(patch.apply(file.read_text(encoding="utf-8")), encoding="utf-8")
            except ValueError as exc:
                raise SetupError(f"{patch.file}: patch {patch.id} does not apply: {exc}") from None
            applied.append(
                {"id": patch.id, "file": patch.file, "what": patch.what, "why": patch.why}
            )
        origin["patches"] = applied
        (staging / _SOURCE_FILE).write_text(json.dumps(origin, indent=2) + "\n")
        old = workdir / "previous"
        if target.root.exists():
            target.root.rename(old)
        staging.rename(target.root)
    return origin
