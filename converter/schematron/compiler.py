"""ISO Schematron (queryBinding xslt2/xslt3) to an XSLT 3.0 stylesheet that writes SVRL.

No standard Schematron compiler for XSLT 2+ (SchXslt, the ISO skeleton for XSLT 2) is published
in a registry this project installs from, so this module compiles the ISO Schematron the JATS4R
rules use, with ISO's semantics:

- ``include`` is replaced by the document element of the file it names;
- ``ns`` declares prefixes for every XPath; ``xsl:function``s (and top-level ``let``) are
  available to every rule, wherever the schema declares them;
- within one ``pattern`` a node is matched by the first ``rule`` whose context fits (one XSLT
  mode per pattern, priority by rule order); every pattern sees every node;
- ``assert`` reports when its test is false, ``report`` when it is true; ``value-of`` and
  ``name`` in messages are evaluated at the context node; ``let`` becomes a variable.

The stylesheet writes standard SVRL (``failed-assert`` / ``successful-report`` with ``id``,
``role``, ``location`` and ``svrl:text``); ``location`` is a path with prefixed names and
positions that lxml can resolve, so findings get line numbers. XPath is left to the XSLT
processor (Saxon), which implements XPath 3.1.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
SVRL = "http://purl.oclc.org/dsdl/svrl"
XS = "http://www.w3.org/2001/XMLSchema"
HELPER = "urn:jats-converter:schematron"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class SchematronError(ValueError):
    """The schema cannot be compiled (a file missing, an element in the wrong place)."""


@dataclass(frozen=True, slots=True)
class Assertion:
    """One assert or report: its id, the pattern it belongs to, its kind and its message."""

    id: str
    pattern: str
    kind: str  # "assert" | "report"
    context: str
    test: str
    message: str  # the text with value-of / name shown as {…}


def _sch(name: str) -> str:
    return f"{{{SCH}}}{name}"


def load(path: Path) -> etree._Element:
    """The schema with its ``include``s resolved (recursively, relative to each file)."""
    try:
        root = etree.parse(str(path), _PARSER).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise SchematronError(f"{path}: cannot read: {exc}") from None
    for include in list(root.iter(_sch("include"))):
        href = include.get("href") or ""
        included = load(path.parent / href)
        parent = include.getparent()
        included.tail = include.tail
        parent.replace(include, included)
    return root


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if c.tag == _sch(name)]


def namespaces(schema: etree._Element) -> dict[str, str]:
    return {ns.get("prefix", ""): ns.get("uri", "") for ns in schema.iter(_sch("ns"))}


def patterns(schema: etree._Element, phase: str | None = None) -> list[etree._Element]:
    """The patterns active in ``phase`` (all of them for ``None`` or ``#ALL``)."""
    found = [p for p in schema.iter(_sch("pattern")) if p.get("abstract") != "true"]
    if phase in (None, "#ALL"):
        return found
    phases = {p.get("id"): p for p in schema.iter(_sch("phase"))}
    if phase not in phases:
        raise SchematronError(f"no phase {phase!r} (phases: {', '.join(phases)})")
    active = {a.get("pattern") for a in _children(phases[phase], "active")}
    return [p for p in found if p.get("id") in active]


def phase_of(schema: etree._Element) -> dict[str, str]:
    """pattern id -> the (first) phase that activates it."""
    out: dict[str, str] = {}
    for phase in schema.iter(_sch("phase")):
        for active in _children(phase, "active"):
            out.setdefault(active.get("pattern", ""), phase.get("id", ""))
    return out


def assertions(schema: etree._Element) -> list[Assertion]:
    """Every assert and report, with the id the compiled stylesheet gives it."""
    out = []
    for pattern in patterns(schema):
        for number, (rule, test) in enumerate(_tests(pattern), start=1):
            out.append(
                Assertion(
                    id=test.get("id") or f"{pattern.get('id')}-{number}",
                    pattern=pattern.get("id", ""),
                    kind=etree.QName(test).localname,
                    context=rule.get("context", ""),
                    test=" ".join((test.get("test") or "").split()),
                    message=_plain_message(test),
                )
            )
    return out


def _tests(pattern: etree._Element) -> list[tuple[etree._Element, etree._Element]]:
    return [
        (rule, test)
        for rule in _children(pattern, "rule")
        for test in rule
        if test.tag in (_sch("assert"), _sch("report"))
    ]


def _plain_message(test: etree._Element) -> str:
    parts = [test.text or ""]
    for child in test:
        if isinstance(child.tag, str):
            name = etree.QName(child).localname
            if name == "value-of":
                parts.append("{" + (child.get("select") or "") + "}")
            elif name == "name":
                parts.append("{name(" + (child.get("path") or ".") + ")}")
            else:
                parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _xsl(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{XSL}}}{tag}")
    for key, value in attrs.items():
        el.set(key.replace("_", "-"), value)
    return el


def _message(target: etree._Element, test: etree._Element) -> None:
    """Copy an assertion's message into ``svrl:text``, evaluating value-of and name."""
    text = etree.SubElement(target, f"{{{SVRL}}}text")
    if test.text:
        _xsl(text, "text").text = test.text
    for child in test:
        if isinstance(child.tag, str):
            name = etree.QName(child).localname
            if name == "value-of":
                _xsl(text, "value-of", select=child.get("select") or ".")
            elif name == "name":
                _xsl(text, "value-of", select=f"name({child.get('path') or '.'})")
            else:
                _xsl(text, "value-of", select=f"'{''.join(child.itertext())}'")
        if child.tail:
            _xsl(text, "text").text = child.tail


def _location_function(stylesheet: etree._Element) -> None:
    func = _xsl(stylesheet, "function", name="jcs:location", **{"as": "xs:string"})
    _xsl(func, "param", name="node", **{"as": "node()"})
    steps = (
        "for $a in $node/ancestor-or-self::* return concat('/', name($a), '[', "
        "count($a/preceding-sibling::*[node-name(.) = node-name($a)]) + 1, ']')"
    )
    _xsl(
        func,
        "sequence",
        select=f"string-join(({steps}, if ($node instance of attribute()) "
        "then concat('/@', name($node)) else ()), '')",
    )


def compile_schema(schema: etree._Element, phase: str | None = None) -> bytes:
    """The XSLT 3.0 stylesheet (bytes) that validates documents against ``schema``."""
    if (schema.get("queryBinding") or "xslt").lower() not in ("xslt2", "xslt3"):
        raise SchematronError(
            f"queryBinding {schema.get('queryBinding')!r}: this compiler is for xslt2/xslt3"
        )
    nsmap = {"xsl": XSL, "svrl": SVRL, "xs": XS, "jcs": HELPER}
    for prefix, uri in namespaces(schema).items():
        nsmap.setdefault(prefix, uri)
    stylesheet = etree.Element(f"{{{XSL}}}stylesheet", nsmap=nsmap)
    stylesheet.set("version", "3.0")
    stylesheet.set("exclude-result-prefixes", "#all")
    _xsl(stylesheet, "output", method="xml", indent="no")
    for function in schema.iter(f"{{{XSL}}}function"):
        stylesheet.append(copy.deepcopy(function))
    for let in _children(schema, "let"):
        _xsl(stylesheet, "variable", name=let.get("name", ""), select=let.get("value", "."))
    _location_function(stylesheet)
    roles = phase_of(schema)
    active = patterns(schema, phase)
    root = _xsl(stylesheet, "template", match="/")
    output = etree.SubElement(root, f"{{{SVRL}}}schematron-output")
    output.set("phase", phase or "#ALL")
    for index, pattern in enumerate(active):
        mode = f"p{index}"
        marker = etree.SubElement(output, f"{{{SVRL}}}active-pattern")
        marker.set("id", pattern.get("id", mode))
        _xsl(output, "apply-templates", select=".", mode=mode)
        _xsl(stylesheet, "mode", name=mode, on_no_match="shallow-skip")
        number = 0
        rules = _children(pattern, "rule")
        for order, rule in enumerate(rules):
            template = _xsl(
                stylesheet,
                "template",
                match=rule.get("context", "."),
                mode=mode,
                priority=str(len(rules) - order),
            )
            for let in _children(rule, "let"):
                _xsl(template, "variable", name=let.get("name", ""), select=let.get("value", "."))
            for test in rule:
                if test.tag not in (_sch("assert"), _sch("report")):
                    continue
                number += 1
                is_assert = test.tag == _sch("assert")
                condition = test.get("test", "true()")
                check = _xsl(template, "if", test=f"not({condition})" if is_assert else condition)
                kind = "failed-assert" if is_assert else "successful-report"
                result = etree.SubElement(check, f"{{{SVRL}}}{kind}")
                result.set("id", test.get("id") or f"{pattern.get('id')}-{number}")
                result.set("role", test.get("role") or roles.get(pattern.get("id", ""), ""))
                result.set("test", condition)
                result.set("location", "{jcs:location(.)}")
                _message(result, test)
            _xsl(template, "apply-templates", select="@*|node()", mode=mode)
    return etree.tostring(stylesheet, xml_declaration=True, encoding="UTF-8")
