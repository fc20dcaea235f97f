"""A second, standard Schematron compiler to hold ``converter.schematron.compiler`` to.

Our compiler is our own code, so it is measured against one we did not write: the ISO
Schematron reference implementation (the "skeleton" by Rick Jelliffe et al.), in the edition
``lxml`` ships as ``lxml.isoschematron`` (stages ``iso_dsdl_include``, ``iso_abstract_expand``,
``iso_svrl_for_xslt1``). No registry this project installs from (PyPI, npm, Debian) carries
SchXslt or the skeleton's XSLT 2 edition; lxml carries the XSLT 1 edition, which compiles
Schematron to XSLT the same way (one mode per pattern, the first matching rule of a pattern
wins, asserts and reports as ``xsl:if``) but refuses ``queryBinding="xslt2"`` and writes an
XSLT 1.0 stylesheet. So, and only so, it is used here on a working copy:

- the expanded schema's ``queryBinding`` is set to ``xslt`` so that the skeleton accepts it;
- ``allow-foreign`` is on, so the schema's ``xsl:function``s are copied into the stylesheet;
- the stylesheet's ``version`` is set to ``2.0`` so that Saxon evaluates the rules' XPath 2.0
  as XPath 2.0, not in XSLT 1.0 backwards-compatible mode.

The skeleton files are checked against the SHA-256 digests recorded below (the 2010 ISO
skeleton lxml has shipped unchanged for years), so a comparison always names what it compared
with. Findings are compared as (assertion id, line): the skeleton's SVRL names an assertion by
its pattern and test, mapped here to our ids.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree, isoschematron

from converter.schematron.compiler import SCH, SVRL, assertions, load

SKELETON_DIR = Path(isoschematron.__file__).parent / "resources" / "xsl" / "iso-schematron-xslt1"
SKELETON_SHA256 = {
    "iso_dsdl_include.xsl": "c78d9027e771435c1a3f3c9db02a109e9d978f5e72e779d6e373bb06ea034479",
    "iso_abstract_expand.xsl": "c5267f124abf23eeb6669884e40a98607c055bfaa1f39e73b7d578feceeb6e46",
    "iso_svrl_for_xslt1.xsl": "04101db154a2e730337867a9b8dea04b5b1a408343a884d72a99669a3e1d4d68",
    "iso_schematron_skeleton_for_xslt1.xsl": (
        "b9ef2affcf17e1efe3b098b3a37d4644d07136177190413d7d8db4a2ad08ab09"
    ),
}

Finding = tuple[str, int | None]  # (assertion id, line of the element it is about)


class ReferenceError(RuntimeError):
    """The reference compiler is not the one recorded, or does not compile the schema."""


def _plain(test: str) -> str:
    """A test as both SVRLs can spell it: the skeleton writes @test through an attribute value
    template, so ``\\d{4}`` comes back as ``\\d4``."""
    return " ".join(test.replace("{", "").replace("}", "").split())


def verify_skeleton() -> None:
    """Refuse to compare against a skeleton whose files are not the recorded ones."""
    for name, digest in SKELETON_SHA256.items():
        path = SKELETON_DIR / name
        found = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
        if found != digest:
            raise ReferenceError(
                f"lxml's ISO Schematron skeleton {name} is not the recorded one "
                f"({found}); review it and update SKELETON_SHA256"
            )


def compile_reference(main: Path) -> bytes:
    """``main`` compiled by the ISO skeleton (lxml's edition), adapted as the module says."""
    verify_skeleton()
    schema = etree.parse(str(main))
    included = isoschematron.iso_dsdl_include(schema)
    expanded = isoschematron.iso_abstract_expand(included)
    expanded.getroot().set("queryBinding", "xslt")
    stylesheet = isoschematron.iso_svrl_for_xslt1(expanded, **{"allow-foreign": "'true'"})
    if stylesheet.getroot() is None:
        raise ReferenceError(f"{main}: the ISO skeleton produced no stylesheet")
    stylesheet.getroot().set("version", "2.0")
    return etree.tostring(stylesheet, xml_declaration=True, encoding="UTF-8")


@dataclass
class Reference:
    """The JATS4R rules compiled by the reference compiler, loaded into Saxon."""

    main: Path

    def __post_init__(self) -> None:
        from saxonche import PySaxonProcessor

        schema = load(self.main)
        self._ids = {(a.pattern, _plain(a.test)): a.id for a in assertions(schema)}
        self._namespaces = {
            ns.get("prefix", ""): ns.get("uri", "")
            for ns in schema.iter(f"{{{SCH}}}ns")
            if ns.get("prefix")
        }
        self._processor = PySaxonProcessor(license=False)
        compiler = self._processor.new_xslt30_processor()
        text = compile_reference(self.main).decode("utf-8")
        self._executable = compiler.compile_stylesheet(stylesheet_text=text)

    def findings(self, tree: etree._ElementTree) -> set[Finding]:
        """(assertion id, line) of every failed assert and successful report on ``tree``."""
        text = etree.tostring(tree.getroot(), encoding="unicode")
        node = self._processor.parse_xml(xml_text=text)
        svrl = etree.fromstring(self._executable.transform_to_string(xdm_node=node).encode())
        pattern, out = "", set()
        for el in svrl:
            if el.tag == f"{{{SVRL}}}active-pattern":
                pattern = el.get("id", "")
            elif el.tag in (f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"):
                test = _plain(el.get("test") or "")
                key = self._ids.get((pattern, test), f"{pattern}: {test}")
                found = tree.xpath(el.get("location") or "/*", namespaces=self._namespaces)
                line = found[0].sourceline if isinstance(found, list) and found else None
                out.add((key, line))
        return out


def ours(tree: etree._ElementTree, main: Path) -> set[Finding]:
    """The same (assertion id, line) set from our compiler, as the jats4r profile runs it."""
    from converter.schematron.runner import validator

    checker = validator(str(main))
    out = set()
    for result in checker.run(tree.getroot()):
        element = checker.element(tree, result.location)
        out.add((result.id, element.sourceline if element is not None else None))
    return out
