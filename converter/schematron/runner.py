"""Running a compiled Schematron with Saxon (``saxonche``): compiled once per process.

Documents are handed to Saxon as text without their DOCTYPE (nothing is fetched, no entity is
expanded); SVRL results come back as ``Result``s whose ``location`` is a path lxml can resolve
on the same document, which gives each finding its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from converter.errors import SetupError
from converter.schematron.compiler import (
    SVRL,
    Assertion,
    SchematronError,
    assertions,
    compile_schema,
    load,
    namespaces,
)

_SVRL_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True, slots=True)
class Result:
    """One failed assert or successful report, as SVRL gives it."""

    id: str
    role: str
    location: str
    text: str


class Validator:
    """A Schematron compiled to XSLT and loaded into Saxon, ready for many documents."""

    def __init__(self, main: Path):
        try:
            from saxonche import PySaxonProcessor
        except ImportError:  # pragma: no cover - a dependency of the package
            raise SetupError("the Python package saxonche is needed for Schematron") from None
        try:
            schema = load(main)
            stylesheet = compile_schema(schema)
        except SchematronError as exc:
            raise SetupError(str(exc)) from None
        self.assertions: dict[str, Assertion] = {a.id: a for a in assertions(schema)}
        self.namespaces = {k: v for k, v in namespaces(schema).items() if k}
        self._processor = PySaxonProcessor(license=False)
        compiler = self._processor.new_xslt30_processor()
        try:
            self._executable = compiler.compile_stylesheet(stylesheet_text=stylesheet.decode())
        except Exception as exc:  # saxonche raises PySaxonApiError, a plain Exception
            raise SetupError(f"{main}: the Schematron does not compile: {exc}") from None

    def run(self, root: etree._Element) -> list[Result]:
        """Validate one document (its root element); results in document order."""
        text = etree.tostring(root, encoding="unicode")
        node = self._processor.parse_xml(xml_text=text)
        svrl = self._executable.transform_to_string(xdm_node=node)
        out = etree.fromstring(svrl.encode("utf-8"), _SVRL_PARSER)
        results = []
        for el in out:
            if el.tag not in (f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"):
                continue
            message = el.find(f"{{{SVRL}}}text")
            text = "".join(message.itertext()) if message is not None else ""
            results.append(
                Result(
                    id=el.get("id", ""),
                    role=el.get("role", ""),
                    location=el.get("location", ""),
                    text=" ".join("".join(message.itertext()).split())
                    if message is not None
                    else "",
                )
            )
        return results

    def element(self, tree: etree._ElementTree, location: str) -> etree._Element | None:
        """The element (or an attribute's parent) a result's location names."""
        path = location.split("/@", 1)[0] or "/*"
        try:
            found = tree.xpath(path, namespaces=self.namespaces)
        except etree.XPathError:
            return None
        return found[0] if isinstance(found, list) and found else None


@lru_cache(maxsize=4)
def validator(main: str) -> Validator:
    """The compiled Schematron for a main file, once per process."""
    return Validator(Path(main))
