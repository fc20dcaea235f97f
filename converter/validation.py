"""Validate JATS documents against the DTD their DOCTYPE names, offline.

Documents are parsed with no DTD loading, no entity expansion and no network; the grammar is an
``etree.DTD`` loaded once per process and applied with ``validate`` (parse-time validation fails
on JATS with lxml 6.1.3, which no longer loads external parameter entities by default).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path

from lxml import etree

from converter.errors import InputError
from converter.grammars import Grammars

# The DOCTYPE assumed for a file that has none, by its dtd-version attribute.
_FALLBACK_PUBLIC_IDS = {
    "1.4": "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.4 20241031//EN",
    "1.3": "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN",
    "1.2": "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2 20190208//EN",
    "1.1": "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1 20151215//EN",
    "1.0": "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.0 20120330//EN",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: where it is and what is wrong."""

    file: str
    line: int
    column: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def safe_parser() -> etree.XMLParser:
    """A parser for untrusted XML: no DTD, no entity expansion, no network, no huge trees."""
    return etree.XMLParser(
        load_dtd=False,
        dtd_validation=False,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        remove_comments=False,
    )


_PARSER = safe_parser()


def parse_untrusted(data: bytes, name: str) -> etree._ElementTree:
    """Parse bytes safely; raise ``InvalidDocument`` with the parser's line and column."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno or 0, 0)
        message = f"not well-formed: {exc.msg}"
        if "amplification" in exc.msg or "entity" in exc.msg.lower():
            message = f"entity expansion refused: {exc.msg}"
        raise InvalidDocument([Problem(name, line or 0, column, message)]) from None
    tree = root.getroottree()
    internal = tree.docinfo.internalDTD
    if internal is not None and any(True for _ in internal.iterentities()):
        raise InvalidDocument(
            [
                Problem(
                    name,
                    1,
                    1,
                    "the DOCTYPE declares entities: refused (external entities "
                    "and entity expansion are never processed)",
                )
            ]
        )
    return tree


class InvalidDocument(Exception):
    """A document that cannot be parsed or is refused; carries its problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def dtd_problems(tree: etree._ElementTree, dtd: etree.DTD, name: str) -> list[Problem]:
    """Validate a parsed tree against a loaded DTD; one ``Problem`` per DTD error."""
    if dtd.validate(tree):
        return []
    return [
        Problem(name, entry.line, entry.column, entry.message)
        for entry in dtd.error_log.filter_from_errors()
    ]


def dtd_for_tree(tree: etree._ElementTree, store: Grammars, name: str) -> etree.DTD:
    """The DTD a document's DOCTYPE names (or, lacking one, its dtd-version's Publishing DTD)."""
    info = tree.docinfo
    public_id, system_id = info.public_id, info.system_url
    if not public_id and not system_id:
        version = tree.getroot().get("dtd-version", "")
        public_id = _FALLBACK_PUBLIC_IDS.get(version)
        if public_id is None:
            raise InvalidDocument(
                [Problem(name, 1, 1, "no DOCTYPE and no known dtd-version: cannot choose a DTD")]
            )
    known = store.public_ids()
    if public_id and public_id not in known:
        hint = ""
        guess = store.path_for(None, system_id)
        if guess is not None:
            hint = next(
                (f"; the system id names {pid!r}" for pid, p in known.items() if p == guess), ""
            )
        raise InvalidDocument(
            [
                Problem(
                    name, 1, 1, f"unknown DOCTYPE public id {public_id!r}: no such JATS DTD{hint}"
                )
            ]
        )
    if store.path_for(public_id, system_id) is None:
        raise InvalidDocument(
            [Problem(name, 1, 1, f"unknown DOCTYPE system id {system_id!r}: no such JATS DTD")]
        )
    return store.dtd(public_id or "", system_id)


def validate_bytes(data: bytes, name: str, store: Grammars) -> list[Problem]:
    """All problems of one JATS document given as bytes (empty when valid)."""
    try:
        tree = parse_untrusted(data, name)
        dtd = dtd_for_tree(tree, store, name)
    except InvalidDocument as exc:
        return exc.problems
    return dtd_problems(tree, dtd, name)


def validate_file(path: str | os.PathLike[str], store: Grammars) -> list[Problem]:
    """All problems of one JATS file (empty when valid)."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(name, [f"cannot read: {exc.strerror}"]) from None
    return validate_bytes(data, name, store)
