"""Validate JATS documents against the DTD their DOCTYPE names, offline.

Documents are parsed with no DTD loading, no entity expansion and no network; the grammar is an
``etree.DTD`` loaded once per process and applied with ``validate`` (parse-time validation fails
on JATS with lxml 6.1.3, which no longer loads external parameter entities by default).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from lxml import etree

from converter import lazy_re
from converter.dtd_sources import missing_dtd_message
from converter.dtd_subset import declaration_message, internal_subset, merged_dtd, refusal
from converter.errors import (
    EXIT_INPUT,
    EXIT_INVALID,
    EXIT_SETUP,
    InputError,
    cannot_read,
    type_named,
)
from converter.grammars import Grammars, GrammarsArg, as_grammars, get_grammars, load_dtd
from converter.input_limit import read_path
from converter.lru import Lru
from converter.messages import article_without_front, dtd_message, syntax_message, what_is

# The DOCTYPE assumed for a file that has none, by its dtd-version attribute.
_FALLBACK_PUBLIC_IDS = {
    "1.4": "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.4 20241031//EN",
    "1.3": "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN",
    "1.2": "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2 20190208//EN",
    "1.1": "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1 20151215//EN",
    "1.0": "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.0 20120330//EN",
    "3.0": "-//NLM//DTD Journal Publishing DTD v3.0 20080202//EN",
    "2.3": "-//NLM//DTD Journal Publishing DTD v2.3 20070202//EN",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: where it is and what is wrong."""

    file: str
    line: int
    column: int
    message: str
    severity: str = "error"
    raw: str | None = None  # the validator's own words, when ``message`` rewrites them

    def __str__(self) -> str:
        """``FILE:LINE:COL: severity: message``; without a place (``FILE: …``) when the
        problem has no line, rather than a made-up ``:0:0``."""
        if self.line <= 0:
            return f"{self.file}: {self.severity}: {self.message}"
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        if self.raw is None:
            del data["raw"]
        return data


def safe_parser(*, drop_layout: bool = False) -> etree.XMLParser:
    """A parser for untrusted XML: no DTD, no entity expansion, no network, no huge trees.

    ``drop_layout`` leaves whitespace-only text between elements out of the tree (libxml2's
    blank-text removal), for a tree that is only validated: the DTD allows such text wherever
    it can be left out (element content, mixed content), keeps it in an element that holds
    nothing else, and never names it in a message, so the problems are the same, found in a
    smaller tree (a JATS article: a quarter of its text nodes).
    """
    return etree.XMLParser(
        load_dtd=False,
        dtd_validation=False,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        remove_comments=False,
        remove_blank_text=drop_layout,
    )


_PARSER = safe_parser()
# libxml2's codes for a DTD's validity errors: some stop even a parse that does not validate (an
# element or a notation declared twice in the DOCTYPE, a second ID attribute), as xmllint says.
_VALIDITY_CODES = frozenset(
    getattr(etree.ErrorTypes, code) for code in dir(etree.ErrorTypes) if code.startswith("DTD_")
)
_PLACE = lazy_re.compile(r", line \d+, column \d+$")


def parse_untrusted(data: bytes, name: str) -> etree._ElementTree:
    """Parse bytes safely; raise ``InvalidDocument`` with the parser's line and column."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno or 0, 0)
        if exc.code in _VALIDITY_CODES:  # well-formed; a DOCTYPE's declaration breaks validity
            said = _PLACE.sub("", exc.msg)
            problem = Problem(name, line or 0, column, declaration_message(said), raw=said)
            raise InvalidDeclarations([problem]) from None
        message = syntax_message(_PLACE.sub("", exc.msg))  # the place is the Problem's
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


class InvalidDeclarations(InvalidDocument):
    """A well-formed document whose DOCTYPE's own declarations break a rule of validity that
    libxml2 applies while reading them (an element declared twice): invalid, as xmllint says."""


def _undeclared_entities(tree: etree._ElementTree, dtd: etree.DTD, name: str) -> list[Problem]:
    """Entity references the DTD does not declare (a typo such as ``&ndahs;``): the tree keeps
    them unexpanded (entities are never expanded here), and the DTD's validation does not see
    them, so they are looked up, as xmllint does."""
    refs = list(tree.iter(etree.Entity))
    if not refs:
        return []
    declared = _declared_entities.get(id(dtd))
    if declared is None or declared[0] is not dtd:
        declared = (dtd, frozenset(entity.name for entity in dtd.iterentities()))
        _declared_entities.put(id(dtd), declared)
    return [
        Problem(name, ref.sourceline or 0, 0, f"entity &{ref.name}; is not declared in the DTD")
        for ref in refs
        if ref.name not in declared[1]
    ]


# id of a loaded DTD → (the DTD, the names of the general entities it declares), for the DTDs
# used last: a DTD merged with a document's own declarations is one per distinct DOCTYPE.
_declared_entities: Lru[int, tuple[etree.DTD, frozenset[str]]] = Lru(64)


def dtd_problems(tree: etree._ElementTree, dtd: etree.DTD, name: str) -> list[Problem]:
    """Validate a parsed tree against a loaded DTD; one ``Problem`` per DTD error, and one per
    entity reference the DTD does not declare."""
    undeclared = _undeclared_entities(tree, dtd, name)
    if dtd.validate(tree):
        return undeclared
    problems = undeclared
    for entry in dtd.error_log.filter_from_errors():
        friendly = dtd_message(entry.message)
        if friendly is None:
            problems.append(Problem(name, entry.line, entry.column, entry.message))
        else:
            problems.append(Problem(name, entry.line, entry.column, friendly, raw=entry.message))
    return problems


class DtdMissing(InvalidDocument):
    """The DOCTYPE names a known NLM/JATS DTD that is not installed: the problem says how to
    install it. The document is not checked (exit 4, like any missing grammar)."""


class UnknownDoctype(InvalidDocument):
    """The DOCTYPE names no NLM/JATS DTD: the document is not checked (bad input, exit 3)."""


def dtd_path_for_tree(tree: etree._ElementTree, store: Grammars, name: str) -> Path:
    """The DTD file a document's DOCTYPE names (or, lacking one, its dtd-version's Publishing
    DTD).

    Raises ``DtdMissing`` for a known public id whose DTD is not installed, ``UnknownDoctype``
    for a public id of no NLM/JATS DTD.
    """
    info = tree.docinfo
    public_id, system_id = info.public_id, info.system_url
    if not public_id and not system_id:
        version = tree.getroot().get("dtd-version", "")
        public_id = _FALLBACK_PUBLIC_IDS.get(version)
        if public_id is None:
            raise UnknownDoctype(
                [Problem(name, 1, 1, "no DOCTYPE and no known dtd-version: cannot choose a DTD")]
            )
    known = store.public_ids()
    if public_id and public_id not in known:
        instruction = missing_dtd_message(public_id, known, command=store.command)
        if instruction is not None:
            raise DtdMissing([Problem(name, 1, 1, f"not checked: {instruction}")])
        hint = ""
        guess = store.path_for(None, system_id)
        if guess is not None:
            hint = next(
                (f"; the system id names {pid!r}" for pid, p in known.items() if p == guess), ""
            )
        raise UnknownDoctype(
            [
                Problem(
                    name,
                    1,
                    1,
                    f"unknown DOCTYPE public id {public_id!r}: not an NLM or JATS DTD, "
                    f"not checked{hint}",
                )
            ]
        )
    path = store.path_for(public_id, system_id)
    if path is None:
        raise UnknownDoctype(
            [Problem(name, 1, 1, f"unknown DOCTYPE system id {system_id!r}: no such JATS DTD")]
        )
    return path


def dtd_with_subset(
    data: bytes, tree: etree._ElementTree, path: Path, name: str
) -> tuple[etree.DTD, list[Problem]]:
    """The DTD to validate a document against, and what is wrong with its DOCTYPE's own
    declarations: the DTD file alone, or, when the DOCTYPE declares attributes, elements or
    notations, those declarations read before the DTD's, as xmllint reads them (see
    ``converter.dtd_subset``). Raises ``InvalidDocument`` for a subset that is not read: too
    large to read in bounded time, or not loadable with the DTD."""
    try:
        subset = internal_subset(data, tree)
    except ValueError as exc:
        raise InvalidDocument([Problem(name, 1, 1, str(exc))]) from None
    if subset is None:
        return load_dtd(str(path)), []
    refused = refusal(subset)
    if refused is not None:
        raise InvalidDocument([Problem(name, subset.line, 0, refused)])
    try:
        merged = merged_dtd(subset, tree.docinfo.root_name or "", str(path))
    except etree.DTDParseError as exc:
        said = f"the DOCTYPE's declarations cannot be read with the DTD: {exc}; not checked"
        raise InvalidDocument([Problem(name, subset.line, 0, said)]) from None
    problems = [
        Problem(name, subset.line + finding.line - 1, 0, finding.message, raw=finding.raw)
        for finding in merged.findings
    ]
    return merged.dtd, problems


Status = Literal["valid", "invalid", "not checked"]


@dataclass(frozen=True, slots=True)
class Verdict:
    """What ``validate`` says of one file: ``valid``, ``invalid`` (the DTD rejects it: exit 1)
    or ``not checked`` (not well-formed, unreadable, not a JATS or NLM article, an unknown
    DOCTYPE: exit 3; its DTD not installed, one the store lacks: exit 4). ``problems`` say
    why when not valid; ``exit_code`` is the code ``jatsconv validate`` exits with for this
    file alone. A store with no DTDs at all is no verdict: ``verdict_file`` and
    ``verdict_bytes`` raise ``SetupError``, as ``validate`` exits 4 before reading a file."""

    status: Status
    problems: list[Problem]
    exit_code: int

    def as_dict(self, name: str) -> dict[str, object]:
        """One item of ``jatsconv validate --json``, for the file ``name``."""
        return {
            "file": name,
            "status": self.status,
            "valid": {"valid": True, "invalid": False}.get(self.status),
            "problems": [p.as_dict() for p in self.problems],
        }


def _installed(store: GrammarsArg) -> Grammars:
    """The DTD store a caller named (a ``Grammars`` or its folder), else the installed one;
    ``SetupError`` when it holds no DTDs, as ``jatsconv validate`` exits 4 before reading."""
    return (as_grammars(store, "store") or get_grammars()).require()


def document_bytes(data: object, function: str, from_file: str = "validate_file") -> bytes:
    """``data`` when it is the document's bytes; else a ``TypeError`` saying what is taken
    (``function``, and ``from_file`` that reads the file). Text was taken when it had no XML
    declaration and refused by lxml's own ``ValueError`` when it had one: a document's bytes
    carry the encoding its declaration names, text does not. ``check_bytes`` asks the same."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    hint = (
        f": give its bytes as read from the file (Path(...).read_bytes()), or use {from_file}"
        if isinstance(data, str)
        else ""
    )
    raise TypeError(f"{function}: data is the document's bytes, not {type_named(data)}{hint}")


def verdict_bytes(data: bytes, name: str = "<bytes>", store: GrammarsArg = None) -> Verdict:
    """The verdict on one document given as bytes, against the DTD its DOCTYPE names in
    ``store`` (the installed DTDs when None); ``name`` names it in the problems. A file that
    is not a JATS or NLM article (YAML, a Crossref or DOAJ file, a web page …) is named, with
    the command that takes it. ``data`` that is not bytes is a ``TypeError`` saying so; a
    store that holds no DTDs at all a ``SetupError`` (a DTD it lacks: ``not checked``, 4)."""
    data = document_bytes(data, "verdict_bytes")
    store = _installed(store)
    try:
        tree = parse_untrusted(data, name)
    except InvalidDeclarations as exc:
        return Verdict("invalid", exc.problems, EXIT_INVALID)
    except InvalidDocument as exc:
        note = what_is(data, name, None)
        problems = [Problem(name, 0, 0, note)] if note else exc.problems
        return Verdict("not checked", problems, EXIT_INPUT)
    note = what_is(data, name, tree.getroot().tag)
    if not note and not (tree.docinfo.public_id or tree.docinfo.system_url):
        note = article_without_front(tree.getroot())  # no DOCTYPE: RSC's, IOP's own <article>
    if note:
        return Verdict("not checked", [Problem(name, 0, 0, note)], EXIT_INPUT)
    try:
        dtd, problems = dtd_with_subset(data, tree, dtd_path_for_tree(tree, store, name), name)
    except DtdMissing as exc:
        return Verdict("not checked", exc.problems, EXIT_SETUP)
    except InvalidDocument as exc:
        return Verdict("not checked", exc.problems, EXIT_INPUT)
    problems += dtd_problems(tree, dtd, name)
    return Verdict("invalid", problems, EXIT_INVALID) if problems else Verdict("valid", [], 0)


def verdict_file(path: str | os.PathLike[str], store: GrammarsArg = None) -> Verdict:
    """The verdict on one file, as ``jatsconv validate`` gives it (``validate --json``'s
    ``status``); an unreadable file is not checked (exit 3). A store that holds no DTDs at
    all raises ``SetupError`` before the file is read, as ``validate`` exits 4 first."""
    name = str(path)
    store = _installed(store)
    try:
        data = read_path(path)
    except OSError as exc:
        return Verdict("not checked", [Problem(name, 0, 0, cannot_read(exc))], EXIT_INPUT)
    return verdict_bytes(data, name, store)


def validate_bytes(data: bytes, name: str = "<bytes>", store: GrammarsArg = None) -> list[Problem]:
    """All problems of one JATS document given as bytes (empty when valid), against the DTD
    its DOCTYPE names in ``store`` (the installed DTDs when None); ``name`` names it in them.
    A document that could not be checked has problems too (saying why): ``verdict_bytes``
    tells "invalid" from "not checked". ``data`` that is not bytes is a ``TypeError``."""
    return verdict_bytes(document_bytes(data, "validate_bytes"), name, store).problems


def validate_file(path: str | os.PathLike[str], store: GrammarsArg = None) -> list[Problem]:
    """All problems of one JATS file (empty when valid), as ``jatsconv validate`` finds them.
    A file that cannot be read raises ``InputError``; a store with no DTDs ``SetupError``. A
    file that could not be checked has problems too: ``verdict_file`` tells which it was."""
    name = str(path)
    store = _installed(store)
    try:
        data = read_path(path)
    except OSError as exc:
        raise InputError(name, [cannot_read(exc)]) from None
    return validate_bytes(data, name, store)
