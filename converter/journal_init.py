"""A starter ``journal.yaml``: what ``jatsconv init`` writes, and where its values come from.

A new user's first obstacle is the journal file: which fields exist, which are required, how a
title in two languages is written. ``render`` writes every field with a comment saying what it
is for, filled where a value is known and commented out where it is not, so the file documents
itself and still loads. Values come from the caller (prompts or flags), from a Crossref journal
record found by ISSN (``from_crossref`` — the only network use, and only when asked), and from
an OJS export (``from_ojs``: its languages, and the journal's base URL where an address in it
shows one). ``merge`` lays them over each other, the caller's values winning.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections import Counter
from pathlib import Path
from typing import Any

from lxml import etree

from converter import scripts
from converter.errors import InputError
from converter.identifiers import normalize_issn, read_issn
from converter.readers.common import locale_language, parse_xml
from converter.readers.crossref import DEFAULT_API, fetch_record
from converter.readers.ojs import export_bytes, native_root, root_problem

Draft = dict[str, Any]
"""Journal fields as the journal file takes them (``title: {ru: …}``, ``issn: {print: …}``)."""

_OJS_ROUTE = re.compile(r"^(https?://[^\s\"'<>]+?)/(?:article|issue)/(?:view|download)/")


WITHOUT_LOOKUP = (
    "give the journal's fields with --title, --print-issn, --electronic-issn and --publisher "
    "instead of --issn"
)


def journal_url(issn: str, api: str = DEFAULT_API) -> str:
    """The REST API address of a journal: ``{api}/journals/{issn}``."""
    return f"{api.rstrip('/')}/journals/{urllib.parse.quote(issn, safe='-')}"


def from_crossref(issn: str, api: str = DEFAULT_API, language: str | None = None) -> Draft:
    """The journal Crossref knows by ``issn``: its title (under the language its script
    tells, ``language`` or English for Latin script), ISSNs with their type, publisher.
    Network: only called when the user asks (``jatsconv init --issn``)."""
    try:
        number = read_issn(issn)
    except ValueError as exc:
        raise InputError(f"--issn {issn}", [str(exc)]) from None
    url = journal_url(number, api)
    try:
        body = fetch_record(url, "no journal with this ISSN at Crossref")
    except InputError as exc:
        # Crossref not reached, or a journal it does not know yet (one that has deposited
        # nothing): the flags make the same file, so the line says them.
        raise InputError(exc.source, [f"{p}: {WITHOUT_LOOKUP}" for p in exc.problems]) from None
    try:
        record = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(url, ["the answer is not a JSON record"]) from None
    message = record.get("message") if isinstance(record, dict) else None
    if not isinstance(message, dict) or record.get("message-type", "journal") != "journal":
        raise InputError(url, ["the answer is not a Crossref journal record"])
    return _journal_record(message, language)


def _journal_record(message: dict[str, Any], language: str | None) -> Draft:
    draft: Draft = {}
    title = message.get("title")
    if isinstance(title, str) and title.strip():
        title = " ".join(title.split())
        lang = scripts.language_by_script(title, language or "en") or language or "en"
        draft["title"] = {lang: title}
        draft.setdefault("language", lang)
    issn: dict[str, str] = {}
    for item in message.get("issn-type") or []:
        if isinstance(item, dict) and item.get("type") in ("print", "electronic"):
            number = _issn_or_none(item.get("value"))
            if number:
                issn.setdefault(item["type"], number)
    for value in message.get("ISSN") or []:  # untyped: print first, as Crossref lists them
        number = _issn_or_none(value)
        if number and number not in issn.values():
            issn.setdefault("print" if "print" not in issn else "electronic", number)
    if issn:
        draft["issn"] = issn
    publisher = message.get("publisher")
    if isinstance(publisher, str) and publisher.strip():
        draft["publisher"] = {"name": {draft.get("language", "en"): " ".join(publisher.split())}}
    return draft


def _issn_or_none(value: Any) -> str | None:
    try:
        return normalize_issn(str(value)) if value else None
    except ValueError:
        return None


def from_ojs(path: Path) -> Draft:
    """What an OJS native export tells about its journal: the main language (the locale most
    of its articles are in), every locale used (the languages to declare to DOAJ, most used
    first) and the journal's base URL when an address in the export shows OJS's routes (a
    remote galley's). An export holds no journal title or ISSN."""
    root = parse_xml(export_bytes(path), str(path))  # embedded files skipped: any size
    problem = root_problem(root)  # not in the PKP namespace, or another PKP export (users)
    if problem:
        raise InputError(str(path), [problem])
    root = native_root(root)  # an OJS 2.x export as the OJS 3.0 one
    main: Counter[str] = Counter()  # the locale of each article (its publications in 3.2+)
    used: Counter[str] = Counter()  # every locale any element is given in
    url = None
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        lang = locale_language(element.get("locale"))
        name = etree.QName(element).localname
        if lang and (
            name == "publication" or (name == "article" and not _has_publication(element))
        ):
            main[lang] += 1
        if lang:
            used[lang] += 1
        for value in (element.get("src"), element.get("href"), element.text):
            found = _OJS_ROUTE.match((value or "").strip())
            if found and url is None:
                url = found.group(1)
    draft: Draft = {}
    if main:
        draft["language"] = main.most_common(1)[0][0]
    if used:
        draft["doaj"] = {"languages": [lang for lang, _ in used.most_common()]}
    if url:
        draft["url"] = url
    return draft


def _has_publication(article: etree._Element) -> bool:
    return any(
        isinstance(child.tag, str) and etree.QName(child).localname == "publication"
        for child in article
    )


def merge(*drafts: Draft) -> Draft:
    """Later drafts win field by field; mappings (titles, ISSNs) merge key by key."""
    out: Draft = {}
    for draft in drafts:
        for key, value in draft.items():
            if value in (None, "", [], {}):
                continue
            if isinstance(value, dict) and isinstance(out.get(key), dict):
                out[key] = merge(out[key], value)
            else:
                out[key] = value
    return out


def missing(draft: Draft) -> list[str]:
    """The required fields the draft still lacks (the file is written with them commented)."""
    lacks = []
    if not draft.get("title"):
        lacks.append("title")
    if not (draft.get("issn") or {}).get("print") and not (draft.get("issn") or {}).get(
        "electronic"
    ):
        lacks.append("issn")
    crossref = draft.get("crossref") or {}
    if crossref:
        for key in ("depositor_name", "depositor_email", "registrant"):
            if not crossref.get(key):
                lacks.append(f"crossref.{key}")
    return lacks


def _q(value: Any) -> str:
    """A YAML scalar: JSON's quoted string is valid YAML and escapes everything that matters."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def _mapping(values: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{key}: {_q(value)}" for key, value in values.items()) + "}"


def _field(name: str, value: Any, example: str, required: bool = False) -> str:
    """``name: value`` when known; else the line commented out with an example value."""
    if value in (None, "", [], {}):
        note = "   # required" if required else ""
        return f"# {name}: {example}{note}"
    if isinstance(value, dict):
        return f"{name}: {_mapping(value)}"
    if isinstance(value, list):
        return f"{name}: [{', '.join(_q(item) for item in value)}]"
    return f"{name}: {_q(value)}"


def render(draft: Draft) -> str:
    """The starter journal file: every field with a comment, known values filled in."""
    publisher = draft.get("publisher") or {}
    crossref = draft.get("crossref") or {}
    doaj = draft.get("doaj") or {}
    lines = [
        "# Journal metadata for jats-converter (jatsconv). Articles find this file beside them",
        "# or in up to three parent folders; --journal FILE names another. Unknown fields are",
        "# errors. The full format: schemas/journal.schema.json (jatsconv schemas input).",
        "",
        "# Main language of the journal's metadata (ISO 639-1: ru, en, de …).",
        _field("language", draft.get("language") or "en", "en"),
        "",
        "# Journal title, per language: {ru: Японские исследования, en: Japanese Studies}.",
        _field("title", draft.get("title"), "{en: Journal Title}", required=True),
        "# Abbreviated title (ISO 4), e.g. Jpn. Stud. Russ.",
        _field("abbrev_title", draft.get("abbrev_title"), "Abbrev. Title"),
        "",
        "# ISSNs (check digits are verified): print and/or electronic.",
        _field("issn", draft.get("issn"), "{print: 0000-0000, electronic: 0000-0000}", True),
        "",
        "# Typed journal ids written as journal-id: publisher-id, nlm-ta …",
        _field("ids", draft.get("ids"), "{publisher-id: abbr}"),
        "",
        "# Publisher: name per language, and location.",
        "publisher:" if publisher.get("name") else "# publisher:",
        "  " + _field("name", publisher.get("name"), "{en: Publisher Name}"),
        "  " + _field("location", publisher.get("location"), "City, Country"),
        "",
        "# The journal's home page; for OJS its base URL, from which landing pages and galley",
        "# links of an OJS export are built ({url}/article/view/{url_path or submission id}).",
        _field("url", draft.get("url"), "https://journal.example.org/index.php/abbr"),
        "# For sites not on OJS's default routes (fields: {url} {article} {url_path}",
        "# {submission_id} {galley} {galley_id}):",
        "# urls:",
        '#   landing_page: "{url}/article/view/{article}"',
        '#   galley: "{url}/article/view/{submission_id}/{galley_id}"',
        '#   download: "{url}/article/download/{submission_id}/{galley_id}"',
        "",
        "# Transliteration scheme for Latin forms of Cyrillic names and references:",
        "# bsi, bgn-pcgn, gost-7.79-b, iso-9 or ala-lc; kmu-2010 for a Ukrainian journal",
        "# (Ukrainian text is always written by kmu-2010, Ukraine's national system).",
        _field(
            "transliteration",
            draft.get("transliteration"),
            "kmu-2010" if draft.get("language") == "uk" else "bsi",
        ),
        "# patronymic_initials: true   # Дмитрий Викторович → Dmitrii V.",
        "# in_russ_note: true          # Latin forms end (In Russ.), (In Ukrainian)",
        "# language_note: square       # ... or [in Russian], [in Ukrainian] (Ukrainian style)",
        "",
        "# Reference text is parsed into its parts (element-citation) when the parser is sure",
        "# of them. reference_confidence asks for more than its own thresholds (0.5-0.995):",
        "# more references stay text, fewer parts are wrong (README: 'How sure').",
        "# structure_references: false  # keep every reference as text",
        "# reference_confidence: 0.9",
        "",
        "# Crossref depositor (needed for --to crossref; or the [crossref] section of the",
        "# config file).",
        "crossref:" if crossref else "# crossref:",
        "  " + _field("depositor_name", crossref.get("depositor_name"), "Publisher Name"),
        "  " + _field("depositor_email", crossref.get("depositor_email"), "doi@example.org"),
        "  " + _field("registrant", crossref.get("registrant"), "Publisher Name"),
        "  # DOI of the Crossmark policy page, for a journal taking part in Crossmark:",
        "  " + _field("crossmark_policy", crossref.get("crossmark_policy"), "10.0000/crossmark"),
        "",
        "# Languages declared to DOAJ, in order: DOAJ shows a record's first title and",
        "# abstract, so the first of these the article has comes first.",
        "doaj:" if doaj.get("languages") else "# doaj:",
        "  " + _field("languages", doaj.get("languages"), "[en]"),
    ]
    return "\n".join(lines) + "\n"
