"""Third-party XML Schemas (Crossref 5.3.1, DOAJ articles) the user keeps: located, loaded once.

The schemas are not part of the project: the user points the tool at a folder holding them
(``--crossref-schema DIR`` / ``$JATSCONV_CROSSREF_SCHEMA``, ``--doaj-schema DIR`` /
``$JATSCONV_DOAJ_SCHEMA``, or ``[schemas]`` in the config file). Each folder has the main XSD
and a ``catalog.xml`` mapping the absolute locations the XSD imports to local files.

The catalog is applied through an lxml resolver rather than ``XML_CATALOG_FILES``: libxml2 reads
that variable once, when it first needs a catalog, so setting it after the JATS DTDs were loaded
would silently do nothing. Loading Crossref's schema takes 2–3 s, so each is loaded once per
process; validating a document afterwards takes microseconds.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from lxml import etree

from converter.errors import SetupError
from converter.validation import Problem

SCHEMAS = {
    "crossref": ("crossref5.3.1.xsd", "JATSCONV_CROSSREF_SCHEMA"),
    "doaj": ("doajArticles.xsd", "JATSCONV_DOAJ_SCHEMA"),
}
_CATALOG_NS = "{urn:oasis:names:tc:entity:xmlns:xml:catalog}"


def schema_folder(kind: str, folder: str | os.PathLike[str] | None = None) -> Path | None:
    """The folder the user named for ``kind`` (option, environment, config file), or None."""
    if folder:
        return Path(folder).expanduser()
    _, env = SCHEMAS[kind]
    if os.environ.get(env):
        return Path(os.environ[env]).expanduser()
    from converter.config import load_config

    configured = load_config().get("schemas", {}).get(kind)
    return Path(str(configured)).expanduser() if configured else None


class _CatalogResolver(etree.Resolver):
    """Resolve the absolute URLs an XSD imports to the files its catalog names; nothing else."""

    def __init__(self, mapping: dict[str, Path]):
        super().__init__()
        self.mapping = mapping

    def resolve(self, system_url, public_id, context):  # type: ignore[no-untyped-def]
        target = self.mapping.get(system_url or "")
        return self.resolve_filename(str(target), context) if target else None


def _catalog(folder: Path) -> dict[str, Path]:
    path = folder / "catalog.xml"
    if not path.is_file():
        return {}
    root = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False))
    mapping = {}
    for entry in root.getroot():
        key = entry.get("name") or entry.get("systemId")
        if key and entry.get("uri") and entry.tag in (f"{_CATALOG_NS}uri", f"{_CATALOG_NS}system"):
            mapping[key] = (path.parent / entry.get("uri")).resolve()
    return mapping


@lru_cache(maxsize=4)
def _load(kind: str, folder: str) -> etree.XMLSchema:
    main, env = SCHEMAS[kind]
    path = Path(folder) / main
    if not path.is_file():
        raise SetupError(f"{kind} schema: no {main} in {folder} (set {env} to its folder)")
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_CatalogResolver(_catalog(Path(folder))))
    try:
        return etree.XMLSchema(etree.parse(str(path), parser))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        raise SetupError(f"{kind} schema in {folder} could not be loaded: {exc}") from None


def load_schema(kind: str, folder: str | os.PathLike[str] | None = None) -> etree.XMLSchema | None:
    """The loaded schema of ``kind`` from the folder the user named; None when none is named."""
    found = schema_folder(kind, folder)
    return _load(kind, str(found.resolve())) if found else None


def schema_problems(schema: etree.XMLSchema, data: bytes, name: str) -> list[Problem]:
    """Validate a document (bytes) against a loaded schema; one ``Problem`` per error."""
    from converter.validation import parse_untrusted

    tree = parse_untrusted(data, name)
    if schema.validate(tree):
        return []
    return [
        Problem(name, entry.line, entry.column, _explained(entry.message))
        for entry in schema.error_log.filter_from_errors()
    ]


_STALE_FUNDREF = (
    "The value 'ror' is not an element of the set",
    "funding: a funder's ROR id is deposited as <fr:assertion name=\"ror\">, which Crossref's "
    "fundref.xsd has taken since October 2024; the configured copy is older: update it from "
    "https://www.crossref.org/schemas/fundref.xsd",
)


def _explained(message: str) -> str:
    """A schema message with what to do when it comes from an outdated copy of the schema."""
    if _STALE_FUNDREF[0] in message and "fundref.xsd}assertion" in message:
        return _STALE_FUNDREF[1]
    return message
