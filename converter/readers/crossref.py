"""Read Crossref metadata: a REST API work record (JSON) or a deposit file (XML, schema 4.x/5.x).

Both carry the journal (title, ISSNs with their media type, publisher), so a record converts with
no journal file. ``fetch_work`` gets a record by DOI over HTTPS; it runs only when asked
(``jatsconv convert --doi``), never on its own.
"""

from __future__ import annotations

import codecs
import copy
import html
import json
import re
import urllib.error
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from converter import alphabets, relations, scripts
from converter.errors import InputError
from converter.identifiers import (
    ChecksumError,
    normalize_doi,
    normalize_funder_id,
    normalize_isbn,
    normalize_issn,
    normalize_pmid,
    normalize_ror,
)
from converter.licenses import LICENCE_USES
from converter.messages import shorten
from converter.misdecoded import ENTITY_TEXT, unescaped
from converter.model import inverted_pages, is_page_range
from converter.notices import OUT_OF_SCOPE, SIMPLIFIED
from converter.readers import crossmark
from converter.readers.base import DEFAULT_CROSSREF_API, Loaded, ReadContext
from converter.readers.common import (
    add_funder,
    affiliation_from_text,
    build,
    email_or_warn,
    identifier_or_warn,
    issue_doi_or_warn,
    journal_for,
    locale_language,
    not_carried,
    orcid_or_warn,
    parse_json,
    parse_xml,
    read_bytes,
    real_date,
    split_pages,
    valid_issn,
)
from converter.readers.json_head import top_level_keys
from converter.readers.markup import (
    Collector,
    inline_text,
    paragraphs,
    plain_text,
    remove_keeping_tail,
    tidy,
)
from converter.readers.native import JOURNAL_FILE_PLACES
from converter.readers.reference_dois import dois_set_right, reference_doi
from converter.readers.sniffing import XmlStart
from converter.version import __version__
from converter.xmlns import XML_LANG, local_name

DEFAULT_API = DEFAULT_CROSSREF_API
_CROSSREF_NS = "http://www.crossref.org/schema/"
_FUNDREF_NS = "http://www.crossref.org/fundref.xsd"
_AI_NS = "http://www.crossref.org/AccessIndicators.xsd"
_RELATIONS_NS = "http://www.crossref.org/relations.xsd"
_JATS_WRAPPER = (
    '<abstract xmlns:jats="http://www.ncbi.nlm.nih.gov/JATS1" '
    'xmlns:mml="http://www.w3.org/1998/Math/MathML" '
    'xmlns:xlink="http://www.w3.org/1999/xlink">{}</abstract>'
)
_ROLES = {"author": "author", "editor": "editor", "translator": "translator"}
_MAX_RESPONSE = 20 * 1024 * 1024


# Keys only a Crossref work record has (the registry's own counts and dates), one of which
# comes early in it: a bare work (the REST API's `message` saved alone, or the CSL JSON that
# doi.org answers with) has "container-title" after its reference list, beyond the bytes
# sniffed, and was read as an article file ("journal: no journal metadata").
# They, `DOI` and `message-type` count as keys of the top-level object only: a keyword
# "message-type" of the project's own JSON article made it a Crossref file, refused.
_WORK_MARKERS = frozenset(("container-title", "reference-count", "is-referenced-by-count",
                           "content-domain", "indexed", "deposited"))  # fmt: skip


def sniff(path: Path, head: bytes, start: XmlStart | None = None) -> str | None:
    """A Crossref work (JSON with message-type, or DOI with a key only Crossref records have)
    or a deposit file: its root as the parser finds it (``start``), however far into the file,
    else its first bytes."""
    if start is not None and (
        (start.root == "doi_batch" and start.namespace.startswith(_CROSSREF_NS))
        or (
            start.root in ("doi_records", "crossref_result")  # (unixref has no namespace)
            and (not start.namespace or start.namespace.startswith("http://www.crossref.org/"))
        )
    ):
        return "crossref"
    if start is not None and start.root != "doi_batch":
        # the root decides: the first bytes' tags may be a comment's (a JATS file noting the
        # deposit it was made from was read as one); a doi_batch in no namespace is still
        # taken by them, so the reader says what it lacks
        return None
    text = head.decode("utf-8", "replace")
    if text.lstrip("\ufeff \t\r\n").startswith("{"):  # (Notepad's byte-order mark first)
        keys = top_level_keys(text)
        if "message-type" in keys or ("DOI" in keys and keys & _WORK_MARKERS):
            return "crossref"
        return None
    if "<doi_batch" in text and _CROSSREF_NS in text:
        return "crossref"
    if ("<doi_records" in text or "<crossref_result" in text) and "<crossref" in text:
        return "crossref"
    return None


def read(path: Path, context: ReadContext) -> Iterator[Loaded]:
    """Every work of a Crossref file: a JSON work (or work list) or a deposit's articles."""
    try:
        data = read_bytes(path)
    except InputError as exc:
        yield Loaded(str(path), path.stem, problems=exc.lines())
        return
    if data.removeprefix(codecs.BOM_UTF8).lstrip()[:1] in (b"{", b"["):  # (as sniff)
        yield from read_json(data, str(path), path, context)
    else:
        yield from _read_deposit(data, path, context)


# --------------------------------------------------------------------------- REST API JSON


def read_json(
    data: bytes, name: str, path: Path, context: ReadContext, stem: str | None = None
) -> Iterator[Loaded]:
    """Works of a REST API response (``message`` a work, or a work list's ``items``)."""
    stem = stem or path.stem
    try:
        record = parse_json(data, name)
    except InputError as exc:
        yield Loaded(name, stem, problems=exc.lines())
        return
    message = record.get("message", record) if isinstance(record, dict) else None
    works = message.get("items") if isinstance(message, dict) else None
    if isinstance(message, dict) and works is None:
        works = [message]
    if works == []:
        # a query that found nothing (rows=0, a filter that matches no work) is a work list
        # all the same: "not a Crossref work record" sent the user looking for a wrong file
        yield Loaded(name, stem, problems=[f"{name}: message.items: the work list holds no work"])
        return
    if not isinstance(works, list) or not all(isinstance(w, dict) for w in works):
        yield Loaded(name, stem, problems=[f"{name}: message: not a Crossref work record"])
        return
    many = len(works) > 1
    for index, work in enumerate(works, start=1):
        item = f"{name}#{index}" if many else name
        refusal = _not_an_article(work.get("type"))
        if refusal:
            yield Loaded(item, f"{stem}-{index}" if many else stem, problems=[f"{item}: {refusal}"])
            continue
        log = _Log()
        article, journal = _work(work, log)
        decode_entities({"": article, "journal": journal}, log)
        if not any(journal["title"].values()) and journal_for(path, context) is None:
            # a preprint (posted-content) or a record fetched with select= names no journal:
            # it was refused as "journal.title: required field is missing", which sent the user
            # to look for a journal title in a record that has none
            log.problems.append(
                "container-title: the record names no journal (a preprint's or a partial "
                "record's has none): give it with --journal FILE or a journal.yaml "
                f"{JOURNAL_FILE_PLACES}"
            )
        if log.problems:
            yield Loaded(
                item,
                f"{stem}-{index}" if many else stem,
                problems=[f"{item}: {problem}" for problem in log.problems],
                warnings=log.warnings,
            )
            continue
        yield build(
            article,
            path=path,
            name=item,
            stem=f"{stem}-{index}" if many else stem,
            context=context,
            source_journal=journal,
            warnings=log.warnings,
            dois_set_right=True,  # (the references' texts, naming each as the source does)
            source_names=_WORK_NAMES,
        )


# A work's JSON keys of the values the model may still refuse (``named_as_source``).
_WORK_NAMES = {"doi": "DOI"}


# Crossref work types that are not journal articles, with what they are: a book chapter with
# its book's title as "journal" would be a wrong JATS article, not a degraded one, so these are
# refused in one line. Other types (posted-content, peer-review, other) are read as articles
# with a warning, as a journal may register its own items that way.
_NOT_ARTICLES = {
    "book": "a book", "edited-book": "a book", "monograph": "a book",
    "reference-book": "a book", "book-set": "a set of books", "book-series": "a book series",
    "book-chapter": "a chapter of a book", "book-part": "a part of a book",
    "book-section": "a section of a book", "book-track": "a track of a book",
    "reference-entry": "an entry of a reference work", "proceedings": "conference proceedings",
    "proceedings-article": "a paper in conference proceedings",
    "proceedings-series": "a series of proceedings", "journal": "a journal's own record",
    "journal-issue": "a journal issue's record", "journal-volume": "a journal volume's record",
    "report": "a report", "report-component": "a part of a report",
    "report-series": "a report series", "standard": "a standard",
    "standard-series": "a standard series", "dataset": "a dataset", "database": "a database",
    "dissertation": "a dissertation", "component": "a component of another work",
    "grant": "a grant",
}  # fmt: skip


def _not_an_article(kind: Any) -> str | None:
    """The one-line refusal of a work that is not a journal article, else None."""
    what = _NOT_ARTICLES.get(str(kind)) if kind else None
    if what is None:
        return None
    return f"type: {kind!r} ({what}) is not a journal article: jatsconv converts journal articles"


def decode_entities(fields: dict[str, Any], log: Collector) -> None:
    """Decode, in place, the HTML entities the registry keeps as text in what was read.

    Crossref's JSON holds the XML-escaped text of deposits ("Health &amp; Social Care" as a
    journal title, "Shannon&#x2019;s" in a cited title) and deposits escape twice
    ("Huntington&amp;apos;s"): written to JATS as they came, the entities were text a reader
    sees ("&amp;"), and ``jatsconv check`` refused the output (text-misdecoded). The model's
    text holds characters, so each such field is read as the characters meant, said once
    (markup simplified) with the fields it concerns. ``fields``: the objects read, by the
    path their fields are named under ('' for the article's own)."""
    changed: list[str] = []
    example = ""

    def walk(value: Any, path: str) -> Any:
        nonlocal example
        if isinstance(value, dict):
            return {
                key: walk(item, f"{path}.{key}" if path else str(key))
                for key, item in value.items()
            }
        if isinstance(value, list):
            return [walk(item, f"{path}[{index}]") for index, item in enumerate(value)]
        if isinstance(value, str) and "&" in value:
            meant = unescaped(value)
            if meant is not None:
                changed.append(path)
                if not example:
                    word = re.search(rf"\S*{ENTITY_TEXT.pattern}\S*", value)
                    shown = word.group() if word else value
                    example = f"{shown!r} as {unescaped(shown) or shown!r}"
                return tidy(meant)
        return value

    for path, obj in fields.items():
        obj.update(walk(obj, path))
    if changed:
        shown = ", ".join(changed[:5]) + (", …" if len(changed) > 5 else "")
        log.warn(
            f"HTML entities written as text, read as the characters they stand for ({example}): "
            f"{shown} ({len(changed)})",
            SIMPLIFIED,
        )


# --------------------------------------------------------------------------- typed fields


class _Log(Collector):
    """The warnings of one work and its problems: fields whose JSON type is not the one
    Crossref gives them (a number for ``language``, a string for ``resource``, a list for a
    ``family`` name). Such a record was edited by hand or written by another tool; read as
    it came, it ended in "internal error" naming neither the file nor the field. Each is now
    one problem naming the field's JSON path, and the work is refused (exit 3)."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def wrong(self, path: str, value: Any, expected: str) -> None:
        self.problems.append(f"{path}: expected {expected}, found {_described(value)}")


def _described(value: Any) -> str:
    """A JSON value as a problem line names it: its JSON type and, shortened, itself."""
    if isinstance(value, bool):
        kind = "true or false"
    elif isinstance(value, int | float):
        kind = "a number"
    elif isinstance(value, str):
        kind = "a string"
    elif isinstance(value, list):
        kind = "a list"
    else:
        kind = "an object"
    shown = json.dumps(value, ensure_ascii=False)
    return f"{kind} ({shorten(shown, 40)})"


def _at(path: str, key: str) -> str:
    """The JSON path of ``key`` in the object at ``path`` ('' for the work itself)."""
    return f"{path}.{key}" if path else key


def _string(obj: dict[str, Any], key: str, path: str, log: _Log, *, number: bool = False) -> str:
    """A string field ('' when absent or null). ``number``: a number is taken as its digits
    too (a volume, a year): what it means is plain, and the model keeps it as text."""
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value or ""
    if number and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    log.wrong(_at(path, key), value, "a string")
    return ""


def _strings(obj: dict[str, Any], key: str, path: str, log: _Log) -> list[str]:
    """The non-empty strings of a field that is a string or a list of them (``title``,
    ``ISSN``, an affiliation's ``department``), tidied."""
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        if not isinstance(value, str):
            log.wrong(_at(path, key), value, "a string or a list of strings")
            return []
        value = [value]
    out = []
    for index, item in enumerate(value):
        if isinstance(item, str):
            if item.strip():
                out.append(tidy(item))
        elif item is not None:
            log.wrong(f"{_at(path, key)}[{index}]", item, "a string")
    return out


def _object(obj: dict[str, Any], key: str, path: str, log: _Log) -> dict[str, Any]:
    """An object field ({} when absent or null)."""
    value = obj.get(key)
    if value is None or isinstance(value, dict):
        return value or {}
    log.wrong(_at(path, key), value, "an object")
    return {}


def _objects(
    obj: dict[str, Any], key: str, path: str, log: _Log
) -> list[tuple[str, dict[str, Any]]]:
    """The objects of a list field (``author``, ``reference`` …), each with its JSON path."""
    value = obj.get(key)
    if value is None:
        return []
    where = _at(path, key)
    if not isinstance(value, list):
        log.wrong(where, value, "a list of objects")
        return []
    out = []
    for index, item in enumerate(value):
        if isinstance(item, dict):
            out.append((f"{where}[{index}]", item))
        elif item is not None:
            log.wrong(f"{where}[{index}]", item, "an object")
    return out


def _boolean(obj: dict[str, Any], key: str, path: str, log: _Log) -> bool | None:
    value = obj.get(key)
    if value is None or isinstance(value, bool):
        return value
    log.wrong(_at(path, key), value, "true or false")
    return None


def _date(obj: dict[str, Any], key: str, path: str, log: _Log) -> str | None:
    """A date object's ``date-parts`` as YYYY[-MM[-DD]], as far as it is a real date: a day
    its month has not (30 February) refused the whole article; the month (else the year) is
    now kept and the rest said as left out, as the JATS reader does. ``[[null]]`` (the
    registry's "no date") is no date."""
    date = _object(obj, key, path, log)
    if "date-parts" not in date or date["date-parts"] in (None, [], [[]], [[None]]):
        return None
    where = f"{_at(path, key)}.date-parts"
    parts = date["date-parts"]
    if not (isinstance(parts, list) and isinstance(parts[0], list)):
        log.wrong(where, parts, "a list holding one [year, month, day] list")
        return None
    numbers: list[int] = []
    for index, part in enumerate(parts[0][:3]):
        if part is None:
            break
        if isinstance(part, str) and part.strip().isdigit():
            part = int(part)
        if not isinstance(part, int) or isinstance(part, bool):
            log.wrong(f"{where}[0][{index}]", part, "a number")
            return None
        numbers.append(part)
    if not numbers:
        return None
    value = "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])
    return real_date(value, _at(path, key), log.warn)


# The out-of-scope line for the archives preserving the journal's content (``_JOURNAL_LEVEL``),
# by the name the source gives them.
ARCHIVES_NOTE = (
    "{}: the archives that preserve the journal's content (Portico, CLOCKSS …), an arrangement "
    "of the journal its records repeat, not a fact of the article: not read"
)
# Elsevier's records give a volume published without issues the special numbering "C" (its
# ScienceDirect address ends 'suppl/C'): no issue number, which an issue "C" would invent.
CONTINUOUS_VOLUME_NOTE = (
    "{} 'C': the mark Elsevier's records give a volume published without issues, no issue "
    "number: not read"
)


def publisher_id(given: list[str], doi: str, where: str, log: Collector) -> dict[str, Any]:
    """The publisher's own id (the REST API's ``alternative-id``, a deposit's
    ``publisher_item/identifier``: Elsevier's PII, eLife's article id) as ``ids``: one that
    repeats the DOI (116 of 1,055 recorded works, every eLife deposit) is no second id, and
    repeats ('614179' twice) are one; a second id is said."""
    alternative = [a for a in dict.fromkeys(given) if a and a.lower() != doi.lower()]
    for other in alternative[1:]:
        not_carried(log, f"{where} {other!r}")
    return {"ids": {"publisher_id": alternative[0]}} if alternative else {}


def article_number(number: str, data: dict[str, Any], where: str, log: Collector) -> None:
    """The article's number as its elocation-id, unless it has pages: the model (as JATS
    Publishing's checks and Crossref's display) holds pages or an article number, not both.
    Beside pages it was lost without a word (OJS deposits both when the journal numbers its
    articles and gives their pages); now it is said."""
    if not number:
        return
    if "fpage" not in data:
        data["elocation_id"] = number
    elif number != data["fpage"]:
        pages = "-".join(p for p in (data["fpage"], data.get("lpage")) if p)
        log.warn(
            f"{where} {number!r}: the article's number beside its pages ({pages}): left out "
            "(the article model holds pages or an article number, not both)"
        )


def special_numbering(value: str, data: dict[str, Any], where: str, log: Collector) -> None:
    """The issue's special numbering (a supplement's 'S4', a part's 'PA': deposit schema 5.3.1's
    ``special_numbering``, "issue level numbering for supplements or special issues") as the
    article's issue when the record gives no issue number; it was said as not carried. The same
    as the issue adds nothing; beside another issue number it is said; Elsevier's "C" is no
    issue (``CONTINUOUS_VOLUME_NOTE``)."""
    if not value or value == data.get("issue"):
        return
    if value == "C":
        log.warn(CONTINUOUS_VOLUME_NOTE.format(where), OUT_OF_SCOPE)
    elif not data.get("issue"):
        data["issue"] = value
    else:
        not_carried(log, f"{where} {value!r} beside issue {data['issue']!r}")


# Keys of a work record that are the registry's bookkeeping, not facts about the article.
_BOOKKEEPING = frozenset(
    {"indexed", "created", "deposited", "member", "prefix", "score", "source", "URL",
     "reference-count", "references-count", "is-referenced-by-count", "content-domain",
     "update-policy", "message-type"}
)  # fmt: skip
# Keys that hold facts of the journal, not of the article, with the line that says so once a
# run ("out of scope": --strict does not refuse for them). ``subject`` is the journal's subject
# areas (Scopus's ASJC), which the registry looks up by ISSN and repeats in each of its works;
# JATS's subj-group is the article's own subjects, and the model has no journal subjects.
# ``archive`` names the archives that preserve the journal's content (Portico, CLOCKSS): an
# arrangement the journal makes for all its content (DOAJ records it per journal), which its
# records repeat; JATS's article metadata has no place for it.
_JOURNAL_LEVEL = {
    "subject": "subject: the journal's subject areas (Crossref repeats them in each of its "
    "works), not the article's subjects: not read",
    "archive": ARCHIVES_NOTE.format("archive"),
}
# Keys this reader carries into the model.
_CARRIED = frozenset(
    {"DOI", "type", "language", "title", "original-title", "subtitle", "volume", "issue",
     "page", "article-number", "published-print", "published-online", "journal-issue",
     "issued", "published", "accepted", "author", "editor", "translator", "abstract", "license",
     "funder", "reference", "resource", "link", "alternative-id", "container-title",
     "short-container-title", "container-title-short", "ISSN", "issn-type", "publisher",
     "assertion", "update-to", "updated-by", "relation", "special_numbering", "group-title",
     "institution", "posted"}
)  # fmt: skip


def _work(work: dict[str, Any], log: _Log) -> tuple[dict[str, Any], dict[str, Any]]:
    titles = _strings(work, "title", "", log)
    stated = locale_language(_string(work, "language", "", log))
    lang = stated or (scripts.language_by_script(titles[0], "en") if titles else None) or "en"
    kind = _string(work, "type", "", log)
    doi = _string(work, "DOI", "", log)
    data: dict[str, Any] = {"language": lang, "doi": doi}
    data["title"] = _titles(
        [("title", titles), ("original-title", _strings(work, "original-title", "", log))],
        lang,
        log,
    )
    if data["title"] and lang not in data["title"]:
        found = next(iter(data["title"]))
        log.warn(f"language {lang!r}: no title in it; the article's language is taken as {found}")
        data["language"] = lang = found
    subtitles = _titles([("subtitle", _strings(work, "subtitle", "", log))], lang, log)
    data["subtitle"] = {}
    for code, text in subtitles.items():
        if code in data["title"]:
            data["subtitle"][code] = text
        else:
            # a subtitle goes with the title in its language; there is none to hold it
            log.warn(f"subtitle {text!r}: no title in {code!r} to go with it: left out")
    issue = _object(work, "journal-issue", "", log)
    data["volume"] = tidy(_string(work, "volume", "", log, number=True))
    data["issue"] = tidy(
        _string(work, "issue", "", log, number=True)
        or _string(issue, "issue", "journal-issue", log, number=True)
    )
    special = tidy(_string(work, "special_numbering", "", log, number=True))
    special_numbering(special, data, "special_numbering", log)
    number = tidy(_string(work, "article-number", "", log, number=True))
    page = tidy(_string(work, "page", "", log, number=True))
    if number and page == number:
        # Elsevier and others repeat the article number as "page" ('108871'): an
        # elocation-id, not a first page (JATS fpage 108871 misreads it)
        data["elocation_id"] = number
    else:
        data.update(split_pages(page))
        if inverted_pages(data.get("fpage"), data.get("lpage")):  # (not the model's "lpage")
            log.problems.append(f"page {page!r}: the last page comes before the first")
        article_number(number, data, "article-number", log)
    # (a preprint's "posted": the day it went online, as a deposit's posted_date; beside
    # another online date, the model's one online date is published-online's and it is said)
    online = _date(work, "published-online", "", log)
    posted = _date(work, "posted", "", log)
    if online and posted and posted != online:
        not_carried(log, f"posted {posted!r} beside published-online {online!r}")
    published = {
        "print": _date(work, "published-print", "", log),
        "electronic": online or posted,
        "collection": _date(issue, "published-print", "journal-issue", log)
        or _date(issue, "published-online", "journal-issue", log),
    }
    if not any(published.values()):
        published["collection"] = _date(work, "issued", "", log) or _date(
            work, "published", "", log
        )
    data["published"] = published
    history, copyright_line, assertions = _assertions(_objects(work, "assertion", "", log), log)
    accepted = _date(work, "accepted", "", log)
    if accepted:
        history["accepted"] = accepted
    if history:
        data["history"] = history
    if copyright_line:
        data["copyright"] = {"statement": {lang: copyright_line}}
    people = []
    for key in ("author", "editor", "translator"):
        for where, person in _objects(work, key, "", log):
            found = _person(person, where, key, lang, log)
            if found is not None:
                people.append(found)
    data["authors"] = people
    abstract = _string(work, "abstract", "", log)
    if abstract.strip():
        data["abstract"] = _abstracts(abstract, lang, log)
    data["license"], data["other_licenses"] = _license(_objects(work, "license", "", log), log)
    data["funding"] = _funders(_objects(work, "funder", "", log), lang, log)
    fragments: list[str] = []
    data["references"] = [
        ref
        for ref in (
            _reference(r, where, lang, log, fragments)
            for where, r in _objects(work, "reference", "", log)
        )
        if ref
    ]
    said_left_out(fragments, "reference", log)
    resource = _object(work, "resource", "", log)
    landing = _string(_object(resource, "primary", "resource", log), "URL", "resource.primary", log)
    if landing:
        data["url"] = landing
    for key in resource:
        if key != "primary" and resource[key] not in (None, "", [], {}):
            # mirrors of the landing page ("secondary"): the model has one landing page
            not_carried(log, f"resource.{key}")
    data["self_uri"] = _links(_objects(work, "link", "", log), landing, log)
    data.update(publisher_id(_strings(work, "alternative-id", "", log), doi, "alternative-id", log))
    data["related_articles"] = _related(work, doi, log)
    data["article_type"] = notice_type(data["related_articles"])
    if kind == "posted-content" and work.get("subtype") == "preprint":
        data["preprint"] = True  # (as a deposit's posted_content type="preprint")
    preprint = relations.is_preprint(
        (item["type"] for item in data["related_articles"]), data.get("preprint", False)
    )
    if kind and kind != "journal-article" and not (kind == "posted-content" and preprint):
        # (posted content typed preprint, or naming the article it became, is a preprint)
        log.warn(f"type {kind!r}: read as a journal article")
    # a preprint's group (posted-content: its server's subject area), as the deposit's
    # group_title is read
    group = tidy(_string(work, "group-title", "", log))
    if group:
        data["section"] = {lang: group}
    for key, value in work.items():
        if value in (None, "", [], {}) or key in _CARRIED or key in _BOOKKEEPING:
            continue
        if key == "subtype" and value == "preprint" and preprint:
            continue  # (what the model holds: a preprint)
        if key in _JOURNAL_LEVEL:
            log.warn(_JOURNAL_LEVEL[key], OUT_OF_SCOPE)
        else:
            not_carried(log, key)
    journal = _journal(work, lang, log)
    crossmark.other_assertions(assertions, data, journal, log)
    return data, journal


def _related(work: dict[str, Any], doi: str, log: _Log) -> list[dict[str, Any]]:
    """The articles a work record ties this one to: those a notice updates (``update-to``: the
    article a correction corrects), the notices that update it (``updated-by``), and its
    relations whose other side is a DOI or a PubMed id (``relation``: the article a commentary
    is on, a preprint). A tie the model has no type for (a withdrawal, a translation) is named."""
    found: list[dict[str, Any]] = []
    dropped: list[str] = []
    for key, types in (
        ("update-to", relations.UPDATE_TARGETS),
        ("updated-by", relations.UPDATED_BY),
    ):
        for where, item in _objects(work, key, "", log):
            kind = relations.update_type(_string(item, "type", where, log))
            target = _string(item, "DOI", where, log)
            if kind in types:
                add_related(found, types[kind], target, where, doi, log)
            elif target:
                dropped.append(f"{key} ({kind or 'untyped'}) {target}")
    for name, items in _object(work, "relation", "", log).items():
        where = f"relation.{name}"
        kind = relations.RELATION_TARGETS.get(relations.relation_type(name))
        for item_where, item in _objects({name: items}, name, "relation", log):
            target = _string(item, "id", item_where, log)
            id_type = _string(item, "id-type", item_where, log).lower()
            if kind and id_type in ("doi", "pmid"):
                add_related(found, kind, target, item_where, doi, log, id_type)
            elif target:
                dropped.append(f"{where} {target}")
    if dropped:
        not_carried(log, "; ".join(dropped))
    return found


def notice_type(related: list[dict[str, Any]]) -> str | None:
    """The article type of a record that updates another (a correction of the article it
    corrects …): Crossref states no article type, and a correction read as a research article
    would have PMC refuse its link to the corrected article. None for any other record."""
    kinds = [relations.NOTICE_TYPES.get(item["type"]) for item in related]
    return next((kind for kind in kinds if kind), None)


def add_related(
    found: list[dict[str, Any]],
    kind: str,
    target: str,
    where: str,
    own: str,
    log: Collector,
    id_type: str = "doi",
) -> None:
    """Add the related article of type ``kind`` whose DOI (or, ``id_type`` pmid, PubMed id) is
    ``target`` (set right, as a reference's DOI is, or left out, said); one naming the article
    itself, or given twice (an update that is also a relation), is not added again."""
    if id_type == "pmid":
        try:
            pmid = normalize_pmid(target)
        except ValueError as exc:
            log.warn(f"{where}: {exc}: left out")
            return
        if not any(item["type"] == kind and item.get("pmid") == pmid for item in found):
            found.append({"type": kind, "pmid": pmid})
        return
    doi = reference_doi(target, where, log)
    if doi is None:
        return
    if doi.lower() == own.strip().lower():
        log.warn(f"{where}: {doi} is the article's own DOI: left out")
    elif not any(
        item["type"] == kind and (item.get("doi") or "").lower() == doi.lower() for item in found
    ):
        found.append({"type": kind, "doi": doi})


# Crossmark assertions that hold facts of the model, by the names publishers give them
# (Springer "ArticleHistory", Wiley/RSC "publication_history", IOP "publication_dates").
_HISTORY_ASSERTIONS = {
    "received": "received", "date_received": "received", "revised": "revised",
    "date_revised": "revised", "accepted": "accepted", "date_accepted": "accepted",
}  # fmt: skip
_COPYRIGHT_ASSERTIONS = frozenset({"copyright", "copyright_information"})


def _assertions(
    assertions: list[tuple[str, dict[str, Any]]], log: _Log
) -> tuple[dict[str, Any], str | None, list[dict[str, Any]]]:
    """Editorial history and copyright line from a record's Crossmark assertions, each given
    with its JSON path (``assertion[2]``, or the deposit's ``<assertion>``), and the other
    assertions that hold a value or a link, for ``crossmark.other_assertions`` to read once
    the article's other fields are read.

    Publishers deposit the received/revised/accepted dates and the copyright line there
    (Springer, Elsevier, IOP, Wiley): "assertion: not carried" lost facts the model holds.
    An impossible date ('30 February 2019') keeps its month, said, as the JATS reader does.
    """
    history: dict[str, Any] = {}
    copyright_line = None
    others: list[dict[str, Any]] = []
    for where, item in assertions:
        name = _string(item, "name", where, log)
        value = _string(item, "value", where, log)
        url = _string(item, "URL", where, log)
        kind = _HISTORY_ASSERTIONS.get(name)
        date = crossmark.assertion_date(value) if kind and value else None
        if date:
            date = real_date(date, f"assertion {name!r}", log.warn)
        if date and kind == "revised":
            history.setdefault("revised", []).append(date)
        elif date and kind and history.setdefault(kind, date) == date:
            pass
        elif name in _COPYRIGHT_ASSERTIONS and value.strip() and copyright_line is None:
            copyright_line = tidy(value)
        elif value.strip() or url:
            explanation = item.get("explanation")
            link = explanation.get("URL") if isinstance(explanation, dict) else None
            label = _string(item, "label", where, log)
            others.append(
                {"name": name, "label": label, "value": value, "URL": url, "explanation": link}
            )
    return history, copyright_line, others


def _titles(groups: list[tuple[str, list[str]]], lang: str, log: Collector) -> dict[str, str]:
    """Every title of a record under the language its script tells (``scripts.language_by_
    script``); a title whose language cannot be told, or a second one in a language already
    seen, is reported, never silently lost."""
    out: dict[str, str] = {}
    for key, values in groups:
        for index, raw in enumerate(values):
            text = _jats_inline(raw, key, log)
            code = scripts.language_by_script(_TAG.sub("", text), lang)
            if code is not None and out.get(code) == text:
                continue  # the same title given again (original-title = title): nothing lost
            if code is None:
                log.warn(f"{key}[{index}]: its language cannot be told from its script: left out")
            elif code in out:
                log.warn(f"{key}[{index}]: a second {key} in {code!r}: left out")
            else:
                out[code] = text
    return out


_LINK_TYPES = {"application/pdf": "pdf", "text/html": "html", "application/xml": "xml",
               "text/xml": "xml", "application/epub+zip": "epub", "text/plain": "text"}  # fmt: skip
# Collections of a deposit whose items are the article's full text (for text miners, for
# syndication partners, or for no use stated), as the REST API's ``link`` lists them; the others
# are the landing page's mirrors (list-based, country-based: multiple resolution) and the
# similarity-check crawler's addresses (crawler-based).
_FULL_TEXT_COLLECTIONS = frozenset({"text-mining", "syndication", "unspecified"})


def _links(
    links: list[tuple[str, dict[str, Any]]], landing: str, log: _Log
) -> list[dict[str, str]]:
    """Full-text links of the record (``link``) as self-uri: PDF, HTML, XML, EPUB and plain-text
    versions (Elsevier's text-mining API gives its plain text as ``text/plain``), and those whose
    format the record does not state (``unspecified``: Wiley's text-mining API, APS's
    syndication address), typed so. Both were reported as data dropped, so --strict refused
    Elsevier's and Wiley's records; a link of another type is still said. An unspecified link
    to the landing page itself adds nothing."""
    out: list[dict[str, str]] = []
    for where, link in links:
        url = _string(link, "URL", where, log)
        content_type = _string(link, "content-type", where, log).strip().lower()
        if not url or link.get("intended-application") == "similarity-checking":
            continue  # (the address Crossref's similarity-check crawler reads: no article fact)
        kind = _LINK_TYPES.get(content_type)
        if kind is None and content_type in ("", "unspecified"):
            if url == landing:
                continue
            kind = "unspecified"
        if kind is None:
            not_carried(log, f"{where} of type {link.get('content-type')!r}")
        elif all(item["url"] != url for item in out):
            out.append({"url": url, "type": kind})
    return out


# Keys of a contributor in a work record that this reader carries (or that only order them).
_PERSON_KEYS = frozenset(
    {"given", "family", "suffix", "prefix", "name", "ORCID", "authenticated-orcid",
     "affiliation", "sequence"}
)  # fmt: skip


def name_language(parts: list[str | None], lang: str) -> str:
    """The language of a name form, told by its script (a Latin name in a Russian record is
    its English form); the record's language when the script does not tell."""
    text = " ".join(part for part in parts if part)
    return scripts.language_by_script(text, lang) or lang


def _person(
    person: dict[str, Any], where: str, role: str, lang: str, log: _Log
) -> dict[str, Any] | None:
    """A contributor of the record (``where`` is its JSON path, ``author[0]``); None, said,
    when it has no name at all (the model needs one)."""
    out: dict[str, Any] = {"role": role}
    parts = {
        "surname": tidy(_string(person, "family", where, log)),
        "given": tidy(_string(person, "given", where, log)),
        "suffix": tidy(_string(person, "suffix", where, log)),
        "prefix": tidy(_string(person, "prefix", where, log)),
    }
    collab = tidy(_string(person, "name", where, log))
    if parts["surname"] or parts["given"]:
        out["name"] = {name_language([parts["surname"], parts["given"]], lang): parts}
        if collab:
            not_carried(log, f"{where}.name {collab!r} beside a family or given name")
    elif collab:
        out["collab"] = {name_language([collab], lang): collab}
    # records deposited with 5.4+ roles list them ([{"role": "author", "vocabulary":
    # "crossref"}]): the key (author/editor) already says the role; a corresponding author is
    # the one fact they add
    roles = [_string(r, "role", w, log) for w, r in _objects(person, "role", where, log)]
    if "corresponding-author" in roles:
        out["corresponding"] = True
    for key, value in person.items():
        if key == "role" and all(r in (role, "corresponding-author") for r in roles):
            continue
        if key not in _PERSON_KEYS and value not in (None, "", [], {}):
            not_carried(log, f"{role} {key}")
    # an iD whose checksum fails is said and left out: one wrong iD in a record someone
    # else deposited must not refuse the whole article (the deposit reader does the same)
    out["orcid"] = orcid_or_warn(_string(person, "ORCID", where, log), log.warn, f"{where}.ORCID")
    authenticated = _boolean(person, "authenticated-orcid", where, log)
    if out["orcid"] and authenticated is not None:
        out["orcid_authenticated"] = authenticated
    out["affiliations"] = [
        aff
        for aff in (
            _affiliation(a, w, lang, log) for w, a in _objects(person, "affiliation", where, log)
        )
        if aff is not None
    ]
    if "name" not in out and "collab" not in out:
        log.warn(f"{where}: no name (family, given or name): left out")
        return None
    return out


_AFFILIATION_KEYS = frozenset({"name", "id", "department", "place", "acronym"})


def _affiliation(aff: dict[str, Any], where: str, lang: str, log: _Log) -> dict[str, Any] | None:
    """An affiliation of the record: its name (with its ``place``, whose last part may name
    the country) under the language its script tells, not the record's (a Russian record
    lists the English form of a university beside the Russian one); its ``department`` and
    ROR id. The model needs the institution's name: one given by its id alone is said and
    left out, as are an acronym and other ids (ISNI, GRID), which the model has no place for."""
    name = tidy(_string(aff, "name", where, log))
    places = _strings(aff, "place", where, log)
    departments = _strings(aff, "department", where, log)
    acronyms = _strings(aff, "acronym", where, log)
    ror = None
    others: list[str] = []
    for at, ident in _objects(aff, "id", where, log):
        value = tidy(_string(ident, "id", at, log))
        kind = tidy(_string(ident, "id-type", at, log))
        if not value:
            continue
        if kind.upper() == "ROR" and ror is None:
            try:
                ror = normalize_ror(value)
            except ValueError as exc:
                log.warn(f"{at}: {exc}: left out")
        else:
            others.append(f"{kind or 'id'} {value}")
    for key, value in aff.items():
        if key not in _AFFILIATION_KEYS and value not in (None, "", [], {}):
            not_carried(log, f"{where}.{key}")
    if not name:
        given = [*([ror] if ror else []), *others, *departments, *places, *acronyms]
        if given:
            log.warn(
                f"{where} {', '.join(given)}: no institution name: left out (the article model "
                "needs the institution's name)"
            )
        return None
    aff_lang = name_language([name], lang)
    entry = affiliation_from_text(", ".join([name, *places]), aff_lang)
    if departments:
        entry["department"] = {aff_lang: ", ".join(departments)}
    if ror:
        entry["ror"] = ror
    if acronyms:
        not_carried(log, f"{where}.acronym {', '.join(acronyms)!r}")
    for other in others:
        not_carried(log, f"{where}.id {other}")
    return entry


# Licence versions that are the article's: of the version of record, or stated for every
# version. Text-and-data-mining terms ("tdm", Elsevier's and Wiley's user licences), the
# accepted manuscript's ("am") and STM sharing policies ("stm-asf") are not: they are other
# licences, each with what it governs (``License.applies_to``).
_ARTICLE_LICENCE = {"vor": 0, "unspecified": 1, "": 1}


def licences_by_version(
    given: list[tuple[str, str, str | None]], said: Callable[[str, str], str], log: Collector
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The article's licence and its other licences from a record's (URL, version, start date):
    the version of record's first, else one stated for every version; a second one of these
    (CC0 for data beside CC BY) is another of the article's licences, and one for text mining,
    the accepted manuscript or STM sharing another licence with what it governs
    (``applies_to``), unless the article's licence has its URL (it says no more then). A
    version the model has no place for is said (``said``: its name in the line, from the URL
    and the version).

    Such licences were reported as data dropped, so --strict refused most publishers'
    records, and alone one must never be taken for the article's: JATS would say "This work is
    licensed under ... /tdm/userlicense" and the Crossref deposit give it as the VoR licence."""
    ranked = sorted(
        (g for g in given if g[1] in _ARTICLE_LICENCE), key=lambda g: _ARTICLE_LICENCE[g[1]]
    )
    chosen: list[dict[str, Any]] = []
    for url, _, start in ranked:
        if all(item["id"] != url for item in chosen):
            chosen.append({"id": url, "start_date": start})
    others: list[dict[str, Any]] = []
    for url, version, start in given:
        if version in _ARTICLE_LICENCE or any(item["id"] == url for item in chosen):
            continue
        if version not in LICENCE_USES:
            not_carried(log, said(url, version))
        elif all((item["id"], item["applies_to"]) != (url, version) for item in others):
            others.append({"id": url, "start_date": start, "applies_to": version})
    return (chosen[0] if chosen else None), [*chosen[1:], *others]


def _license(
    licenses: list[tuple[str, dict[str, Any]]], log: _Log
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The licences of a record (``licences_by_version``), each with its start date."""
    given = []
    for where, lic in licenses:
        url = tidy(_string(lic, "URL", where, log))
        version = _string(lic, "content-version", where, log)
        start = _date(lic, "start", where, log)
        if url:
            given.append((url, version, start))
    return licences_by_version(given, lambda url, version: f"license ({version}) {url}", log)


# Keys of a funder this reader reads, or that only say who asserted it or repeat its DOI.
_FUNDER_KEYS = frozenset(
    {"name", "DOI", "award", "award-info", "id", "doi-asserted-by", "asserted-by"}
)


def _same_funder_id(one: str, other: str) -> bool:
    """Whether two funder ids are one, however written (``https://doi.org/10.13039/…`` and
    ``10.13039/…``): the record repeats its DOI in ``id``, which is no second id."""
    if one == other:
        return True
    try:
        return normalize_funder_id(one) == normalize_funder_id(other)
    except ValueError:
        return False


def _funders(
    funders: list[tuple[str, dict[str, Any]]], lang: str, log: _Log
) -> list[dict[str, Any]]:
    """The funders of a record. Crossref keeps an entry with only an award number (the funder
    was not named in the deposit): the model needs a funder's name, so such an entry is
    reported and left out rather than failing the whole article. A funder identified by its
    ROR id (``id``) alone, as newer deposits give it, keeps that id. A funder listed once per
    award (Crossref keeps deposits that repeat the funder for each grant) is one funder with
    all its awards (``add_funder``), as JATS, Crossref and the Funder Registry count them."""
    out: list[dict[str, Any]] = []
    for where, funder in funders:
        awards = _strings(funder, "award", where, log)
        for at, info in _objects(funder, "award-info", where, log):
            # the registry's newer form of the award numbers, given beside "award" (it was
            # reported as data dropped in every funded record, and --strict refused them)
            for number in _strings(info, "award-number", at, log):
                if number not in awards:
                    awards.append(number)
            for key, value in info.items():
                if key != "award-number" and value not in (None, "", [], {}):
                    not_carried(log, f"{at}.{key}")
        name = tidy(_string(funder, "name", where, log))
        funder_id = tidy(_string(funder, "DOI", where, log))
        seconds: list[str] = []  # ids beside the one kept: the model holds one per funder
        for at, ident in _objects(funder, "id", where, log):
            value = tidy(_string(ident, "id", at, log))
            kind = tidy(_string(ident, "id-type", at, log)).upper()
            if value and not funder_id and kind in ("DOI", "ROR"):
                funder_id = value
            elif value and funder_id and name and not _same_funder_id(value, funder_id):
                # said below as the deposit and JATS readers say it; once, however often the
                # record writes it ('https://ror.org/…' and the bare id were said twice)
                if not any(_same_funder_id(value, said) for said in seconds):
                    seconds.append(value)
            elif value and not _same_funder_id(value, funder_id):
                not_carried(log, f"{at} {kind or 'id'} {value}")
        for second in seconds:
            log.warn(f"funder {name!r}: a second funder id {second!r} is left out")
        for key, value in funder.items():
            if key not in _FUNDER_KEYS and value not in (None, "", [], {}):
                not_carried(log, f"{where}.{key}")
        index = where.removeprefix("funder")
        if not name:
            said = f" (award {', '.join(awards)})" if awards else ""
            log.warn(f"funder{index}: no funder name{said}: left out")
            continue
        # under the language its script tells, as an affiliation's: "Russian Science
        # Foundation" in a Russian record is English, not Russian
        entry = {"funder": {name_language([name], lang): name}, "awards": awards}
        if funder_id:
            # an id the model refuses (a ROR id whose check digits fail, a DOI outside the
            # Funder Registry) is said and left out, the funder kept, as the deposit reader
            # does: it refused the whole work as 'funding[0].funder_id', a field it has not
            try:
                entry["funder_id"] = normalize_funder_id(funder_id)
            except ValueError as error:
                log.warn(f"{where}: funder {name!r}: {error}: its id is left out")
        add_funder(out, entry)
    return out


def reference_isbn(value: Any, where: str, log: Collector) -> str | None:
    """A cited book's ISBN as the model takes it ('http://id.crossref.org/isbn/…', as the
    registry's JSON gives it, read as the bare number), else None with a warning: one that
    fails its check digit is left out of the reference, the reference kept."""
    return _cited_id(value, "isbn", normalize_isbn, where, log)


def reference_issn(value: Any, where: str, log: Collector) -> str | None:
    """A cited journal's ISSN as the model takes it ('http://id.crossref.org/issn/0004-637X',
    as the registry's JSON gives it, read as the bare number), else None with a warning, as
    for an ISBN (``reference_isbn``)."""
    return _cited_id(value, "issn", normalize_issn, where, log)


def _cited_id(
    value: Any, kind: str, read: Callable[[str], str], where: str, log: Collector
) -> str | None:
    """An ISBN or ISSN (``kind``) of a cited work, without the registry's address before it."""
    text = re.sub(rf"^https?://id\.crossref\.org/{kind}/", "", str(value or "").strip())
    if not text:
        return None
    try:
        return read(text)
    except ValueError as exc:
        log.warn(f"{where}: {kind.upper()} left out: {exc}")
        return None


# Keys of a cited work that only say who asserted what, or which kind of ISBN/ISSN it is.
_REFERENCE_BOOKKEEPING = frozenset({"key", "doi-asserted-by", "isbn-type", "issn-type"})
# Keys of a cited work this reader carries.
_REFERENCE_CARRIED = frozenset(
    {"author", "article-title", "journal-title", "volume-title", "series-title", "year",
     "volume", "issue", "first-page", "elocation-id", "edition", "DOI", "ISBN", "ISSN",
     "unstructured"}
)  # fmt: skip


def _reference(
    ref: dict[str, Any],
    where: str,
    lang: str,
    log: _Log,
    fragments: list[str],
    *,
    index: str | None = None,
    named: dict[str, str] | None = None,
) -> dict[str, Any] | None:
    """A cited work of the record (or of a deposit's ``<citation>``, its children under these
    keys: ``_citation_fields``; ``index`` is then its key, and ``named`` gives the names a
    message shows). One cited by its standard alone (``standards-body``,
    ``standard-designator``, as ISO and IEEE standards are deposited) vanished, with no word:
    it is now a text reference ('International Organization for Standardization. ISO
    690:2021'). A cited book's ``edition`` is the reference's (it was said as not carried,
    and --strict refused the record). What the model has no place for (``component`` …) is
    said, unless the reference's text holds it."""

    def text(key: str, *, number: bool = False) -> str:
        return tidy(_string(ref, key, where, log, number=number))

    if index is None:
        index = where.removeprefix("reference[").removesuffix("]")
    author = text("author")
    journal, book, series = text("journal-title"), text("volume-title"), text("series-title")
    raw = text("unstructured")
    body, designator = text("standards-body"), text("standard-designator")
    standard = ". ".join(p for p in (body, designator) if p)
    entry: dict[str, Any] = {
        "authors": [author] if author else [],
        "title": text("article-title"),
        "source": journal or book,
        "year": text("year", number=True),
        "volume": text("volume", number=True),
        "issue": text("issue", number=True),
        "fpage": text("first-page", number=True),
        "elocation_id": text("elocation-id", number=True),
        "edition": text("edition", number=True),
        "doi": reference_doi(text("DOI"), where, log),
        "isbn": reference_isbn(text("ISBN"), where, log),
        "issn": reference_issn(text("ISSN"), where, log),
    }
    if journal:
        entry["type"] = "journal"
    elif book:
        entry["type"] = "book"
    elif standard and not (entry["title"] or entry["source"]):
        # the standard's designator as the source, its body as the publisher: what a
        # reference parser would guess from the text alone is worse ('International
        # Organization for Standardization' as an article title)
        entry.update(type="other", source=designator or None, publisher=body or None)
    text = reference_text(raw or standard, lang, log, where)
    kept = finish_reference(entry, text, series)
    if kept is None and any(entry[k] for k in ("authors", "year", "volume", "fpage")):
        fragments.append(index)
    said = raw or standard
    unread = {
        key: value
        for key, value in ref.items()
        if key not in _REFERENCE_CARRIED and key not in _REFERENCE_BOOKKEEPING
    }
    if not raw:
        unread.pop("standards-body", None)
        unread.pop("standard-designator", None)
    if journal and book:
        unread["volume-title"] = book  # a journal's and a book's title: one source
    if series and entry["source"] != series:
        unread["series-title"] = series  # the model has one source
    for key, value in unread.items():
        if value in (None, "", [], {}):
            continue
        if isinstance(value, str | int) and str(value).strip().casefold() in said.casefold():
            continue  # the text says it: nothing lost
        shown = f" {value!r}" if isinstance(value, str | int) else ""
        not_carried(log, f"{where} {(named or {}).get(key, key)}{shown}")
    return kept


_HTML_INLINE = re.compile(r"</?(?:i|b|em|strong|sup|sub|u|sc)\s*>", re.IGNORECASE)


def reference_text(raw: str, lang: str, log: Collector, where: str) -> str | dict[str, str]:
    """A reference's text as the model holds it: plain text, under its own language, its
    DOIs typed with hyphen look-alikes set right (``dois_set_right``, said under ``where``,
    as its DOI field is: a DOI in both is said once).

    Publishers deposit references as OJS and other systems print them, HTML tags and all
    ('<i>Journal</i>', as text): the model's reference text has no markup, and the tags
    came out as literal '&lt;i&gt;' in JATS and Crossref. They are removed, their text kept
    (said once, as markup simplified). A reference in Cyrillic in an English article (or a
    Latin one in a Russian article) is put under the language its script and alphabet tell
    (``alphabets.reference_language``: ``uk`` for Ukrainian letters), not labelled with the
    article's.
    """
    text = tidy(raw or "")
    if _HTML_INLINE.search(text):
        text = tidy(_HTML_INLINE.sub("", text))
        log.warn("reference text: HTML tags (<i>, <b>, <sup> …) removed, text kept", SIMPLIFIED)
    if not text:
        return ""
    text = dois_set_right(text, where, log)
    code = alphabets.reference_language(text, lang)
    return text if code == lang else {code: text}


def finish_reference(
    entry: dict[str, Any], text: str | dict[str, str], series: str
) -> dict[str, Any] | None:
    """A reference entry the model can hold, or None when it has no text, title, source or DOI.

    A book in a series often comes with only its series title (Crossref's ``series-title`` /
    ``<series_title>``, about one reference in six of some publishers' records): that is its
    source, and the reference a book, rather than a reference lost.
    """
    if not entry["source"] and series:
        entry["source"] = series
        entry.setdefault("type", "book")
    if text:
        entry["text"] = text
    elif not (entry["title"] or entry["source"]):
        if entry["doi"]:
            entry["text"] = f"doi:{entry['doi']}"
        elif entry.get("isbn"):
            entry["text"] = f"ISBN {entry['isbn']}"
        else:
            return None
    return entry


def said_left_out(fragments: list[str], what: str, log: Collector) -> None:
    """One line for the references that had only an author, year, volume or page (registries
    keep such fragments): the model needs a text, title or source, so they are left out, said
    rather than silently, in one line rather than one per reference."""
    if fragments:
        log.warn(
            f"{what} {', '.join(fragments)}: only an author, year, volume or page (no text, "
            f"title, source or DOI): left out ({len(fragments)})"
        )


def checked_issn(value: Any, where: str, log: Collector) -> str | None:
    """An ISSN of the record, or None with a warning when its check digit fails: else the
    journal seems to have no ISSN and the error later ("no ISSN") hides the real fault."""
    if not isinstance(value, str) or not value.strip():
        return None
    number = valid_issn(value)
    if number is None:
        log.warn(f"{where} {value.strip()!r}: not a valid ISSN (its check digit fails): left out")
    return number


def _one_issn(
    issn: dict[str, str | None], key: str, number: str, where: str, log: Collector
) -> None:
    """Put ``number`` as the journal's ``key`` ISSN unless it is there already under the other
    type. Crossref keeps records that give one ISSN as both print and electronic; carried
    twice, DOAJ refuses the article ("identical pISSN and eISSN"), so it is kept once, and
    said: as electronic, as the JATS and native readers keep such an ISSN (unless another
    electronic ISSN is there already)."""
    if number in issn.values():
        kept = next(k for k, v in issn.items() if v == number)
        if kept != key:
            if kept == "print" and "electronic" not in issn:
                del issn["print"]
                issn["electronic"] = number
            once = "electronic" if issn.get("electronic") == number else kept
            log.warn(
                f"{where} {number}: given as both {kept} and {key} ISSN: kept once, as {once}",
                SIMPLIFIED,  # nothing is lost: --strict converts it, as from the other readers
            )
        return
    issn.setdefault(key, number)


def funder_doi(value: str) -> str:
    """A deposit's ``funder_identifier`` as the Funder Registry DOI: deposits (Crossref's own
    examples among them) often give only the registry number ('100000001'), which is the DOI
    suffix under 10.13039; a DOI or URL is left as written."""
    return f"10.13039/{value}" if re.fullmatch(r"\d{6,}", value) else value


def _journal(work: dict[str, Any], lang: str, log: _Log) -> dict[str, Any]:
    issn: dict[str, str | None] = {}
    stated: list[str] = []
    for where, item in _objects(work, "issn-type", "", log):
        value = _string(item, "value", where, log)
        key = {"print": "print", "electronic": "electronic"}.get(_string(item, "type", where, log))
        stated.append(value.strip())
        number = checked_issn(value, "issn-type", log) if key else None
        if key and number:  # a failed one must not take the slot of a good untyped one
            _one_issn(issn, key, number, "issn-type", log)
    for value in _strings(work, "ISSN", "", log):
        number = valid_issn(value)
        if number in issn.values():
            continue
        if number is None:
            if value not in stated:  # an issn-type entry said it already
                log.warn(f"ISSN {value!r}: not a valid ISSN (its check digit fails): left out")
        elif "print" not in issn or "electronic" not in issn:
            issn["print" if "print" not in issn else "electronic"] = number
        else:
            log.warn(f"ISSN {number}: a third ISSN of the journal: left out")
    titles = _strings(work, "container-title", "", log)
    for other in titles[1:]:
        not_carried(log, f"container-title {other!r}")
    hosts = _hosts(work, log)
    if not titles and hosts:
        # a preprint names no journal: the server that hosts it (its first institution) is
        # its journal, as the deposit's institution is read
        titles = hosts[:1]
    else:
        for host in hosts[:1]:  # (a further one is said by _hosts)
            not_carried(log, f"institution {host!r}")
    short = _strings(work, "short-container-title", "", log) or _strings(
        work, "container-title-short", "", log
    )
    for other in short[1:]:
        not_carried(log, f"short-container-title {other!r}")
    journal: dict[str, Any] = {
        "language": lang,
        "title": {lang: titles[0] if titles else None},
        "abbrev_title": short[0] if short else None,
        "issn": issn,
    }
    publisher = tidy(_string(work, "publisher", "", log))
    if publisher:
        journal["publisher"] = {"name": {lang: publisher}}
    return journal


def _hosts(work: dict[str, Any], log: _Log) -> list[str]:
    """The names of a work's institutions (a preprint's server: "bioRxiv"); their other parts
    (acronym, place, department, ids) and a further institution are said."""
    names = []
    for where, item in _objects(work, "institution", "", log):
        name = tidy(_string(item, "name", where, log))
        if name:
            names.append(name)
        for key, value in item.items():
            if key != "name" and value not in (None, "", [], {}):
                not_carried(log, f"{where}.{key}")
    for name in names[1:]:
        not_carried(log, f"institution {name!r}")
    return names


_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})


def _html_entities(text: str) -> str:
    """HTML entities (``&nbsp;``) that deposited abstracts carry, as characters; XML's stay."""
    return _NAMED_ENTITY.sub(
        lambda m: m.group(0) if m.group(1) in _XML_ENTITIES else html.unescape(m.group(0)), text
    )


# An ampersand that starts no entity: "R&D", "Q&A", "Johnson & Johnson" in titles as the
# registry keeps them beside their <i>…</i>; XML would refuse the whole text for it.
_BARE_AMPERSAND = re.compile(r"&(?!#\d+;|#x[0-9A-Fa-f]+;|[A-Za-z][A-Za-z0-9]*;)")
# Face markup written as text in a deposit ('&lt;i&gt;' in the XML): what Crossref's titles allow.
_ESCAPED_FACE = re.compile(r"</?(?:i|b|u|sub|sup|em|strong|scp|ovl)>")
# A tag, for taking the markup out of a text that does not parse: not a "<" of "p < 0.05".
_TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")


def _jats_fragment(text: str, where: str, log: Collector) -> etree._Element | None:
    """Parse JATS markup as Crossref stores it in JSON (``<jats:p>…``), safely."""
    try:
        wrapped = _JATS_WRAPPER.format(_html_entities(_BARE_AMPERSAND.sub("&amp;", text)))
        return parse_xml(wrapped.encode("utf-8"), where)
    except InputError:
        log.warn(f"{where}: its markup is not well-formed: tags removed")
        return None


def _abstracts(text: str, lang: str, log: Collector) -> dict[str, list[str]]:
    """The abstracts a record's ``abstract`` holds, each under its own language.

    The registry keeps a deposit's abstracts as one string of JATS: ``<jats:p>``s, or several
    ``<jats:abstract>``s (a Russian and an English one), the language stated by ``xml:lang``
    on the abstract or on its paragraphs, or not at all. All of it was read as one abstract
    in the record's language: a Russian abstract came out as the English one, and two
    abstracts as one paragraph glued together. Each is now read on its own, under the
    language it states, else the one its script tells (as titles are); a second abstract in a
    language already read is said and left out.
    """
    fragment = _jats_fragment(text, "abstract", log)
    if fragment is None:
        plain = tidy(html.unescape(_TAG.sub(" ", text)))
        units = [(None, [plain])] if plain else []
    else:
        units = [
            (stated, paragraphs(unit, "abstract", log))
            for stated, unit in _abstract_units(fragment)
        ]
    out: dict[str, list[str]] = {}
    for index, (stated, paras) in enumerate([u for u in units if u[1]]):
        code = _abstract_language(stated, paras, lang)
        if code in out:
            log.warn(f"abstract {index + 1}: a second abstract in {code!r}: left out")
            continue
        out[code] = paras
    return out


def _abstract_language(stated: str | None, paras: list[str], lang: str) -> str:
    """An abstract's language: the one it states, else the one its script tells against the
    record's language (a Cyrillic abstract of an English record is Russian), else that."""
    by_script = scripts.language_by_script(_TAG.sub("", " ".join(paras)), lang)
    return locale_language(stated) or by_script or lang


def _abstract_units(element: etree._Element) -> list[tuple[str | None, etree._Element]]:
    """The abstracts ``element`` holds, each with the ``xml:lang`` it states (None when it
    states none): each ``jats:abstract`` inside it apart (what is outside them apart too),
    else ``element`` itself, split where its paragraphs state different languages."""
    nested = [c for c in element if local_name(c, lower=True) == "abstract"]
    if not nested:
        return _by_language(element)
    rest = copy.deepcopy(element)
    for child in [c for c in rest if local_name(c, lower=True) == "abstract"]:
        remove_keeping_tail(child)
    units = _by_language(rest)
    for child in nested:
        units.extend(_by_language(child))
    return units


def _by_language(element: etree._Element) -> list[tuple[str | None, etree._Element]]:
    """``element`` with the language it states: its own ``xml:lang``, else the one its
    paragraphs state (Crossref's 5.3.1 example puts it on ``jats:p``). Paragraphs stating
    different languages are abstracts of their own, each in a copy; an untagged block goes
    with the tagged one before it (a heading before the first, with the first)."""
    if element.get(XML_LANG):
        return [(element.get(XML_LANG), element)]
    blocks = [c for c in element if isinstance(c.tag, str)]
    stated = list(dict.fromkeys(c.get(XML_LANG) for c in blocks if c.get(XML_LANG)))
    if len(stated) <= 1:
        return [(stated[0] if stated else None, element)]
    groups: dict[str, etree._Element] = {}
    current = stated[0]
    for child in element:
        if isinstance(child.tag, str):
            current = child.get(XML_LANG) or current
        groups.setdefault(current, etree.Element("abstract")).append(copy.deepcopy(child))
    groups[stated[0]].text = element.text
    return list(groups.items())


def _jats_inline(text: str, where: str, log: Collector) -> str:
    if "<" not in text:
        return tidy(html.unescape(text))
    fragment = _jats_fragment(text, where, log)
    if fragment is None:
        return tidy(html.unescape(_TAG.sub("", text)))
    return inline_text(fragment, where, log)


# --------------------------------------------------------------------------- deposit XML


def _children(element: etree._Element | None, name: str) -> list[etree._Element]:
    if element is None:
        return []
    return [c for c in element if isinstance(c.tag, str) and etree.QName(c).localname == name]


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
    found = _children(element, name)
    return found[0] if found else None


# Roots of Crossref's metadata records of registered DOIs: unixref (doi.org content
# negotiation, application/vnd.crossref.unixref+xml) and unixsd (the query API's result).
_RECORD_ROOTS = frozenset({"doi_records", "crossref_result"})


def _what_it_holds(bodies: list[etree._Element]) -> str:
    """What a deposit (or record) without a journal article holds, for the line refusing it:
    ' (it holds <book>)'. A journal's or an issue's own DOI deposited alone holds a
    <journal> too, and "it holds <journal>" read as if its articles had been missed."""
    held = sorted({local_name(c) for b in bodies for c in b if isinstance(c.tag, str)})
    if held != ["journal"]:
        return f" (it holds {', '.join(f'<{h}>' for h in held)})" if held else ""
    parts = {
        local_name(c)
        for b in bodies
        for journal in _children(b, "journal")
        for c in journal
        if isinstance(c.tag, str)
    } - {"journal_metadata"}
    if not parts:
        return " (its <journal> holds only the journal's metadata: the journal's own DOI)"
    if parts == {"journal_issue"}:
        return " (its <journal> holds only <journal_issue>: the DOI of an issue, not of an article)"
    return f" (its <journal> holds {', '.join(f'<{h}>' for h in sorted(parts))})"


def _deposit_stem(path: Path) -> str:
    """'a.crossref.xml' → 'a': the JATS of a deposit ``convert --to crossref`` wrote is 'a.xml'
    beside it, not a JATS file named as a deposit, which 'deposit crossref *.crossref.xml'
    would send (and which was written only with -o, the deposit's own name being taken)."""
    stem = path.stem
    marker = ".crossref"
    if stem.lower().endswith(marker) and len(stem) > len(marker):
        return stem[: -len(marker)]
    return stem


def _read_deposit(data: bytes, path: Path, context: ReadContext) -> Iterator[Loaded]:
    try:
        root = parse_xml(data, str(path))
    except InputError as exc:
        yield Loaded(str(path), path.stem, problems=exc.lines())
        return
    namespace = etree.QName(root).namespace or ""
    if local_name(root, lower=True) == "doi_batch" and "/doi_resources_schema/" in namespace:
        # a resource-only deposit adds funders, licences or links to DOIs already registered:
        # it has no article metadata to convert, which "not a Crossref deposit" did not say.
        problem = (
            f"{path}: doi_batch: a Crossref resource-only deposit (doi_resources), which adds "
            "data to registered DOIs and has no article metadata to convert"
        )
        yield Loaded(str(path), path.stem, problems=[problem])
        return
    if local_name(root, lower=True) in _RECORD_ROOTS:
        # what doi.org and Crossref's query API give for a DOI (unixref, unixsd): each
        # record's <crossref> holds what a deposit's <body> holds
        bodies = [e for e in root.iter() if isinstance(e.tag, str) and local_name(e) == "crossref"]
        where = "crossref"
    elif local_name(root, lower=True) != "doi_batch" or not namespace.startswith(_CROSSREF_NS):
        yield Loaded(str(path), path.stem, problems=[f"{path}: not a Crossref deposit file"])
        return
    else:
        bodies, where = [b for b in [_child(root, "body")] if b is not None], "body"
    articles: list[tuple[etree._Element | None, etree._Element]] = []
    for body in bodies:
        for journal in _children(body, "journal"):
            for article in _children(journal, "journal_article"):
                articles.append((journal, article))
        # a preprint (posted_content): no journal, its server named as its institution
        articles.extend((None, posted) for posted in _children(body, "posted_content"))
    if not articles:
        said = _what_it_holds(bodies)
        kind = "deposit" if where == "body" else "record"
        problem = (
            f"{path}: {where}: no journal_article in the {kind}{said}: "
            "jatsconv converts journal articles"
        )
        yield Loaded(str(path), path.stem, problems=[problem])
        return
    many = len(articles) > 1
    for index, (journal, article) in enumerate(articles, start=1):
        log = _Log()
        base = _deposit_stem(path)
        name, stem = (f"{path}#{index}", f"{base}-{index}") if many else (str(path), base)
        reader = _DepositArticle if journal is not None else _DepositPosted
        try:
            data, journal_data = reader(journal, article, log).read()
        except InputError as exc:  # a value the model would refuse, named as the deposit has it
            problems = InputError(name, exc.problems).lines()
            yield Loaded(name, stem, problems=problems, warnings=log.warnings)
            continue
        decode_entities({"": data, "journal": journal_data}, log)
        if not any(journal_data["title"].values()) and journal_for(path, context) is None:
            # a preprint whose deposit names no server (institution): as the JSON reader says
            problem = (
                "<institution>: the preprint's deposit names no server (posted_content names "
                "no journal): give it with --journal FILE or a journal.yaml "
                f"{JOURNAL_FILE_PLACES}"
            )
            yield Loaded(name, stem, problems=[f"{name}: {problem}"], warnings=log.warnings)
            continue
        yield build(
            data,
            path=path,
            name=name,
            stem=stem,
            context=context,
            source_journal=journal_data,
            warnings=log.warnings,
            dois_set_right=True,  # (the references' texts, naming each as the source does)
            source_names=_DEPOSIT_NAMES,
        )


# The deposit's elements of the values the model may still refuse (``named_as_source``): its
# dates, ORCID iDs, ISSNs and references' DOIs are checked as they are read, and left out, said.
_DEPOSIT_NAMES = {"doi": "<doi_data/doi>", "license": "<license_ref>"}


def _stated_role(item: etree._Element) -> tuple[str, bool]:
    """A contributor's role and whether it is the corresponding author.

    Schema 5.4+ may state roles as ``<role type="author"/>`` children instead of the
    ``contributor_role`` attribute (eLife's deposits do, with ``corresponding-author`` beside
    it); read as "author" and reported as dropped before, the role is now read from them."""
    roles = [(r.get("type") or "").strip() for r in _children(item, "role")]
    named = item.get("contributor_role") or next(
        (r for r in roles if r and r != "corresponding-author"), "author"
    )
    return named, "corresponding-author" in roles


def _own_text(element: etree._Element) -> str:
    """The text of ``element`` itself, not of its children: a FundRef ``funder_name`` holds its
    ``funder_identifier`` and the name may come before or after it (Elsevier's deposits put it
    after: read as ``.text`` alone, the name was empty and the article refused)."""
    parts = [element.text or "", *(child.tail or "" for child in element)]
    return tidy(" ".join(parts))


def _xml_date(element: etree._Element, log: Collector) -> str | None:
    """A deposit's date as far as it is real: a day its month has not keeps the month, said
    (it refused the whole article), as the JSON reader and the JATS reader do."""
    name = f"<{local_name(element, lower=True)}>"
    found_year = _child(element, "year")
    year = tidy("".join(found_year.itertext())) if found_year is not None else ""
    if not re.fullmatch(r"\d{4}", year):
        log.warn(f"{name}: year {year!r} is not a year of four digits: the date is left out")
        return None
    parts = [year]
    for tag in ("month", "day"):
        found = _child(element, tag)
        value = tidy("".join(found.itertext())) if found is not None else ""
        if not value.isdigit():
            if value:
                log.warn(f"{name}: {tag} {value!r} is not a number: read as {'-'.join(parts)}")
            break
        parts.append(f"{int(value):02d}")
    return real_date("-".join(parts), name, log.warn)


# The children of a deposit's <citation> (Crossref 5.3.1's citation_t, all of them) by the
# key the registry's JSON gives the same part, so that one reader (``_reference``) reads both.
_CITATION_KEYS = {
    "issn": "ISSN", "journal_title": "journal-title", "author": "author", "volume": "volume",
    "issue": "issue", "first_page": "first-page", "elocation_id": "elocation-id",
    "cYear": "year", "doi": "DOI", "isbn": "ISBN", "series_title": "series-title",
    "volume_title": "volume-title", "edition_number": "edition",
    "component_number": "component", "article_title": "article-title",
    "std_designator": "standard-designator", "standards_body": "standards-body",
    "unstructured_citation": "unstructured",
}  # fmt: skip
# The element's name, for the messages about it.
_CITATION_NAMES = {key: name for name, key in _CITATION_KEYS.items()}


# The programs whose content this reader reads (funders, licences, relations).
_READ_PROGRAMS = frozenset({_FUNDREF_NS, _AI_NS, _RELATIONS_NS})
# The FundRef assertions a funder group is read from (``_DepositArticle._funder``).
_FUNDREF_READ = frozenset({"fundgroup", "funder_name", "funder_identifier", "ror", "award_number"})


class _DepositArticle:
    def __init__(self, journal: etree._Element | None, article: etree._Element, log: _Log):
        self.journal = journal
        self.article = article
        self.log = log
        meta = _child(journal, "journal_metadata")
        self.journal_lang = locale_language(meta.get("language") if meta is not None else None)
        self.lang = (
            locale_language(article.get("language"), self.journal_lang or "en")
            or self.journal_lang
            or "en"
        )

    def text(self, element: etree._Element | None) -> str:
        return plain_text(element, "text", self.log) if element is not None else ""

    def read(self) -> tuple[dict[str, Any], dict[str, Any]]:
        art = self.article
        data: dict[str, Any] = {"language": self.lang}
        self._titles(list(_children(art, "titles")), data)
        data["authors"] = self._contributors(_child(art, "contributors"))
        data["abstract"] = self._abstracts()
        published: dict[str, str | None] = {}
        for date in _children(art, "publication_date"):
            key = "print" if date.get("media_type") == "print" else "electronic"
            published.setdefault(key, _xml_date(date, self.log))
        issue = _child(self.journal, "journal_issue")
        for date in _children(issue, "publication_date"):
            published.setdefault("collection", _xml_date(date, self.log))
        data["published"] = published
        volume = _child(_child(issue, "journal_volume"), "volume")
        data["volume"] = self.text(volume)
        data["issue"] = self.text(_child(issue, "issue"))
        special = self.text(_child(issue, "special_numbering"))
        special_numbering(special, data, "<special_numbering>", self.log)
        data["issue_title"] = self._issue_title(issue)
        pages = _child(art, "pages")
        first, last = self.text(_child(pages, "first_page")), self.text(_child(pages, "last_page"))
        if first:
            if inverted_pages(first, last):  # (named as the model's "lpage: … before fpage")
                raise InputError(
                    "", [f"<pages>: last_page {last!r} comes before first_page {first!r}"]
                )
            first_range = f"{first}-{last}" if last else first
            data.update(split_pages(first_range))
            self._other_pages(first_range, pages, data)
        for item in _children(_child(art, "publisher_item"), "item_number"):
            if item.get("item_number_type") == "article_number":
                article_number(self.text(item), data, "<item_number>", self.log)
        doi_data = _child(art, "doi_data")
        data["doi"] = self.text(_child(doi_data, "doi"))
        # (lost without a word: a PII, the publisher's id; eLife's repeats the DOI)
        given = [self.text(i) for i in _children(_child(art, "publisher_item"), "identifier")]
        data.update(publisher_id(given, data["doi"], "<publisher_item/identifier>", self.log))
        # the issue's DOI and the landing page it is registered with
        issue_doi = _child(issue, "doi_data")
        data.update(
            issue_doi_or_warn(
                self.text(_child(issue_doi, "doi")),
                self.text(_child(issue_doi, "resource")),
                data["doi"],
                self.log.warn,
                "journal_issue/doi_data",
            )
        )
        self._record_parts(doi_data, data)
        history, copyright_line, assertions = self._crossmark(_child(art, "crossmark"))
        self._other_programs()
        data["related_articles"] = self._related(_child(art, "crossmark"), data["doi"])
        data["article_type"] = notice_type(data["related_articles"])
        accepted = _child(art, "acceptance_date")
        if accepted is not None:
            history["accepted"] = _xml_date(accepted, self.log)
        if history:
            data["history"] = history
        if copyright_line:
            data["copyright"] = {"statement": {self.lang: copyright_line}}
        for child in art:
            name = local_name(child, lower=True) if isinstance(child.tag, str) else None
            if name == "archive_locations":
                self.log.warn(ARCHIVES_NOTE.format("<archive_locations>"), OUT_OF_SCOPE)
            elif name and name not in self._CARRIED:
                not_carried(self.log, f"<{name}>")
        for parent, carried in (
            (_child(self.journal, "journal_metadata"), {"full_title", "abbrev_title", "issn"}),
            # (a volume's own DOI: lost without a word)
            (_child(issue, "journal_volume"), {"volume"}),
            (
                issue,
                {
                    "titles",
                    "publication_date",
                    "journal_volume",
                    "issue",
                    "special_numbering",
                    "doi_data",
                },
            ),
        ):
            for child in parent if parent is not None else []:
                name = local_name(child, lower=True) if isinstance(child.tag, str) else None
                if name == "archive_locations":
                    self.log.warn(ARCHIVES_NOTE.format("<archive_locations>"), OUT_OF_SCOPE)
                elif name and name not in carried:
                    not_carried(self.log, f"<{local_name(parent)}/{name}>")
        journal = self._journal_data()
        crossmark.other_assertions(assertions, data, journal, self.log)
        return data, journal

    def _abstracts(self) -> dict[str, list[str]]:
        """Each abstract under its language; a second one in a language is said."""
        found: dict[str, list[str]] = {}
        for index, abstract in enumerate(_children(self.article, "abstract")):
            for stated, unit in _by_language(abstract):
                paras = paragraphs(unit, "abstract", self.log)
                if not paras:
                    continue
                lang = _abstract_language(stated, paras, self.lang)
                if lang in found:
                    kind = abstract.get("abstract-type")
                    said = f' abstract-type="{kind}"' if kind else ""
                    self.log.warn(
                        f"<abstract{said}> {index + 1}: a second abstract in {lang!r}: left out"
                    )
                    continue
                found[lang] = paras
        return found

    # Children of journal_article this reader carries into the model (programs by their name).
    _CARRIED = frozenset(
        {"titles", "contributors", "abstract", "publication_date", "acceptance_date", "pages",
         "publisher_item", "doi_data", "citation_list", "program", "crossmark"}
    )  # fmt: skip

    # Crossmark's service settings: the journal's policy page and domains, not article facts.
    _CROSSMARK_SETTINGS = frozenset(
        {"crossmark_version", "crossmark_policy", "crossmark_domains",
         "crossmark_domain_exclusive", "custom_metadata"}
    )  # fmt: skip

    def _record_parts(self, doi_data: etree._Element | None, data: dict[str, Any]) -> None:
        """What a journal article's and a preprint's records hold alike: the landing page and
        other links, the licences, the funding and the citations."""
        resource = self.text(_child(doi_data, "resource"))
        if resource:
            data["url"] = resource
        data["self_uri"] = self._links(doi_data, resource)
        data["license"], data["other_licenses"] = self._license()
        data["funding"] = self._funding()
        data["references"] = self._citations()

    def _other_programs(self) -> None:
        """A program of another kind than FundRef, AccessIndicators and relations, beside the
        article or in its Crossmark metadata: a clinical trial's registration number
        (``ct:program``, eLife's deposits) was passed over in silence; now it is said."""
        places = [self.article, _child(_child(self.article, "crossmark"), "custom_metadata")]
        for parent in (p for p in places if p is not None):
            for program in _children(parent, "program"):
                if etree.QName(program).namespace in _READ_PROGRAMS:
                    continue
                parts = [
                    f"<{local_name(c)}> {self.text(c)!r}"
                    for c in program
                    if isinstance(c.tag, str) and self.text(c)
                ]
                not_carried(self.log, "; ".join(parts) or f"<program name={program.get('name')!r}>")

    def _crossmark(
        self, element: etree._Element | None
    ) -> tuple[dict[str, Any], str | None, list[dict[str, Any]]]:
        """History dates and copyright line from ``crossmark/custom_metadata/assertion``, as
        the JSON reader takes them from ``assertion``, and the other assertions (for
        ``crossmark.other_assertions``); its funders and licence are read with the article's.
        Reported as a whole before, so the dates were lost with the policy settings; now an
        update notice (``<updates>``: a correction, a retraction) and the assertions the model
        has no place for are named, the settings are not."""
        if element is None:
            return {}, None, []
        items = [
            (
                "<assertion>",
                {
                    "name": a.get("name"),
                    "label": a.get("label"),
                    "value": self.text(a),
                    "URL": a.get("href"),
                    "explanation": {"URL": a.get("explanation")},
                },
            )
            for a in _children(_child(element, "custom_metadata"), "assertion")
        ]
        for child in element:
            name = local_name(child, lower=True) if isinstance(child.tag, str) else None
            if name and name not in self._CROSSMARK_SETTINGS and name != "updates":
                not_carried(self.log, f"<crossmark/{name}>")
        return _assertions(items, self.log)

    def _issue_title(self, issue: etree._Element | None) -> dict[str, str]:
        """The issue's title (``journal_issue/titles``: a themed or special issue's), each
        title under its language as the article's are, as plain text (JATS Publishing's
        issue-title takes no markup); an issue subtitle, which the model has no place for, is
        said."""
        blocks = list(_children(issue, "titles"))
        titles, subtitles = self._titled(blocks, "journal_issue/", self.text)
        for text in subtitles.values():
            not_carried(self.log, f"<journal_issue/titles/subtitle> {text!r}")
        return titles

    def _other_pages(
        self, first_range: str, pages: etree._Element | None, data: dict[str, Any]
    ) -> None:
        """``other_pages``: the pages after the first range of pages that are not one range;
        with it they are the article's page range, from its first page to its last. Text that
        is no pages or page ranges is said and left out."""
        other = self.text(_child(pages, "other_pages"))
        if not other:
            return
        whole = f"{first_range}, {other}"
        if is_page_range(whole):
            data.update(split_pages(whole))
        else:
            self.log.warn(f"<other_pages> {other!r}: no pages or page ranges: left out")

    def _related(self, crossmark: etree._Element | None, doi: str) -> list[dict[str, Any]]:
        """The articles this one is tied to: those a notice updates (``crossmark/updates``:
        the article a correction corrects) and its relations to a DOI or a PubMed id
        (``rel:program/related_item``: the article a commentary is on, a preprint), as the
        JSON reader takes them from ``update-to`` and ``relation``; a tie the model has no type
        for is named."""
        found: list[dict[str, Any]] = []
        dropped: list[str] = []
        for update in _children(_child(crossmark, "updates"), "update"):
            kind = relations.update_type(update.get("type") or "")
            target = self.text(update)
            related = relations.UPDATE_TARGETS.get(kind)
            if related:
                add_related(found, related, target, "<update>", doi, self.log)
            else:
                dropped.append(f"<update type={kind!r}> {target}")
        programs = [p for p in self.article if p.tag == f"{{{_RELATIONS_NS}}}program"]
        for item in (i for p in programs for i in _children(p, "related_item")):
            for link in item:
                if not isinstance(link.tag, str) or local_name(link) == "description":
                    continue
                name = link.get("relationship-type") or ""
                kind = relations.RELATION_TARGETS.get(name)
                target = self.text(link)
                id_type = link.get("identifier-type") or ""
                if kind and id_type in ("doi", "pmid"):
                    where = f"<{local_name(link)}>"
                    add_related(found, kind, target, where, doi, self.log, id_type)
                else:
                    dropped.append(f"<{local_name(link)} relationship-type={name!r}> {target}")
        if dropped:
            not_carried(self.log, "; ".join(dropped))
        return found

    def _titles(self, blocks: list[etree._Element], data: dict[str, Any]) -> None:
        """Every title of every ``titles`` (one per language, as Crossref advises for an
        article with titles in several languages), each under its language (``_titled``)."""
        data["title"], data["subtitle"] = self._titled(blocks)
        if data["title"] and self.lang not in data["title"]:
            found = next(iter(data["title"]))
            self.log.warn(
                f"language {self.lang!r}: no title in it; the article's language is taken as "
                f"{found}"
            )
            data["language"] = self.lang = found

    def _titled(
        self,
        blocks: list[etree._Element],
        where: str = "",
        read: Callable[[etree._Element], str] | None = None,
    ) -> tuple[dict[str, str], dict[str, str]]:
        """The titles and subtitles of ``titles`` blocks by language: ``original_language_title``
        under the one it states, ``title`` under the one its script tells (a deposit's ``title``
        is often the English one of a Russian article); what cannot be told is reported and left
        out. ``where``: the path before the element in messages (``journal_issue/``); ``read``
        gives a title's text (its face markup as the model's inline tags, by default)."""
        read = read or self._inline
        titles: dict[str, str] = {}
        subtitles: dict[str, str] = {}
        pending: list[tuple[etree._Element, etree._Element | None]] = []
        for child in (child for block in blocks for child in block):
            if not isinstance(child.tag, str):
                continue
            name = local_name(child, lower=True)
            if name in ("title", "original_language_title"):
                pending.append((child, None))
            elif name == "subtitle" and pending:
                pending[-1] = (pending[-1][0], child)
        for title, subtitle in pending:
            text = read(title)
            if not text:
                continue  # an empty <title/> beside the real one (KISTI's, JaLC's): no title
            lang = locale_language(title.get("language"))
            if lang is None:
                lang = scripts.language_by_script(_TAG.sub("", text), self.lang)
            tag = where + local_name(title, lower=True)
            if lang is None:
                self.log.warn(f"<{tag}>: its language cannot be told from its script: left out")
                continue
            if lang in titles:
                # OJS 3.4+ deposits one <titles> per language and states none: a second
                # Latin-script title cannot be told from the first by its script
                why = "" if title.get("language") else " (no language stated; told by its script)"
                shown = _TAG.sub("", text)
                self.log.warn(f"<{tag}> {shown!r}: a second title in {lang!r}{why}: left out")
                continue
            titles[lang] = text
            if subtitle is not None:
                subtitles[lang] = read(subtitle)
        return titles, subtitles

    def _inline(self, element: etree._Element) -> str:
        """A title's text with its face markup. Some deposits escape that markup a second
        time (``&lt;i&gt;E. coli&lt;/i&gt;``, as older OJS Crossref plugins wrote it): a text
        without elements that holds such tags is read as the markup it was meant to be."""
        where = local_name(element, lower=True)
        text = element.text or ""
        if len(element) == 0 and "<" in text and _ESCAPED_FACE.search(text):
            return _jats_inline(text, where, self.log)
        return inline_text(element, where, self.log)

    def _contributors(self, contributors: etree._Element | None) -> list[dict[str, Any]]:
        people = []
        for item in contributors if contributors is not None else []:
            if not isinstance(item.tag, str):
                continue
            kind = local_name(item, lower=True)
            named, corresponding = _stated_role(item)
            role = _ROLES.get(named)
            if role is None:
                self.log.warn(f"contributor role {named!r}: left out")
                continue
            person: dict[str, Any] = {"role": role}
            if corresponding:
                person["corresponding"] = True
            if kind == "person_name":
                person["name"] = self._names(item)
                orcid = _child(item, "ORCID")
                person["orcid"] = self._orcid(orcid)
                stated = (orcid.get("authenticated") if orcid is not None else None) or ""
                if person["orcid"] and stated.strip() in ("true", "false"):
                    person["orcid_authenticated"] = stated.strip() == "true"
                email = email_or_warn(self.text(_child(item, "email")), self.log.warn, "<email>")
                if email:
                    person["email"] = email
                person["affiliations"] = self._affiliations(item)
            elif kind == "organization":
                person["collab"] = {self.lang: self.text(item)}
            else:
                not_carried(self.log, f"<contributors/{kind}>")
                continue
            people.append(person)
        return people

    def _links(self, doi_data: etree._Element | None, landing: str) -> list[dict[str, str]]:
        """Full-text links of ``doi_data/collection`` items (text-mining PDF, XML, HTML, plain
        text) as self-uri, as the JSON reader takes the same links from ``link``: they were
        silently lost from deposits. An item without ``mime_type`` in a full-text collection
        (``_FULL_TEXT_COLLECTIONS``) is a link of unspecified format, as the REST API gives it.
        The ``crawler-based`` collection (the similarity-check crawler's addresses) is no
        article fact and is passed over; another item with no known ``mime_type`` is reported
        unless it is the landing page itself."""
        out: list[dict[str, str]] = []
        for collection in _children(doi_data, "collection"):
            prop = collection.get("property") or "?"
            if prop == "crawler-based":
                continue  # (the similarity-check crawler's addresses: no article fact)
            for item in _children(collection, "item"):
                for resource in _children(item, "resource"):
                    url = self.text(resource)
                    mime = (resource.get("mime_type") or "").strip().lower()
                    kind = _LINK_TYPES.get(mime)
                    if kind is None and not mime and prop in _FULL_TEXT_COLLECTIONS:
                        kind = "unspecified"
                    if not url or (url == landing and kind in (None, "unspecified")):
                        continue
                    if kind is None:
                        not_carried(self.log, f"<collection property={prop!r}> {url}")
                    elif all(link["url"] != url for link in out):
                        out.append({"url": url, "type": kind})
        return out

    def _orcid(self, element: etree._Element | None) -> str | None:
        """The ORCID iD, or None with a warning when its checksum fails: one wrong iD in a
        deposit someone else wrote must not refuse the whole article."""
        return orcid_or_warn(self.text(element), self.log.warn, "<ORCID>")

    # Children of person_name this reader carries (role: 5.4+, read by _stated_role).
    _PERSON_CHILDREN = frozenset(
        {"given_name", "surname", "suffix", "affiliation", "affiliations", "ORCID", "alt-name",
         "role", "email"}
    )  # fmt: skip

    def _names(self, item: etree._Element) -> dict[str, Any]:
        """The name and its other forms (``alt-name``, 5.3+), each under the language its
        script tells: a deposit gives the Latin form first and the Cyrillic one as alt-name."""
        forms = [item, *_children(_child(item, "alt-name"), "name")]
        names: dict[str, Any] = {}
        for index, form in enumerate(forms):
            parts = {
                "surname": self.text(_child(form, "surname")),
                "given": self.text(_child(form, "given_name")),
                "suffix": self.text(_child(form, "suffix")),
            }
            if not (parts["surname"] or parts["given"]):
                continue
            style = form.get("name-style")
            if style in ("western", "eastern", "islensk", "given-only"):
                parts["style"] = style
            lang = name_language([parts["surname"], parts["given"]], self.lang)
            if lang in names:
                self.log.warn(f"<alt-name> {index}: a second name form in {lang!r}: left out")
                continue
            names[lang] = parts
        for child in item:
            if isinstance(child.tag, str) and local_name(child) not in self._PERSON_CHILDREN:
                not_carried(self.log, f"<person_name/{local_name(child)}>")
        return names

    def _affiliations(self, person: etree._Element) -> list[dict[str, Any]]:
        # each under the language its script tells, not the article's: a Russian deposit
        # gives the English form of a university beside the Russian one
        affs = [
            affiliation_from_text(text, name_language([text], self.lang))
            for text in (self.text(a) for a in _children(person, "affiliation"))
            if text
        ]
        for institution in _children(_child(person, "affiliations"), "institution"):
            name = self.text(_child(institution, "institution_name"))
            place = self.text(_child(institution, "institution_place"))
            lang = name_language([name], self.lang)
            aff = affiliation_from_text(f"{name}, {place}" if place else name, lang)
            department = self.text(_child(institution, "institution_department"))
            if department:
                aff["department"] = {lang: department}
            ids = [self.text(i) for i in _children(institution, "institution_id")]
            for ident in _children(institution, "institution_id"):
                if ident.get("type") == "ror" and "ror" not in aff:
                    ror = identifier_or_warn(
                        self.text(ident),
                        normalize_ror,
                        self.log.warn,
                        "<institution_id type='ror'>",
                    )
                    if ror:
                        aff["ror"] = ror
                elif self.text(ident) and name:
                    # an ISNI, a Wikidata id beside the ROR id: lost without a word, as
                    # the registry's JSON reader says them
                    kind = ident.get("type") or "id"
                    not_carried(self.log, f"<institution_id type={kind!r}> {self.text(ident)}")
            for acronym in _children(institution, "institution_acronym"):
                if self.text(acronym) and name:
                    not_carried(self.log, f"<institution_acronym> {self.text(acronym)!r}")
            if name:
                affs.append(aff)
            elif any(ids):
                # 5.x allows an institution given by its id alone; the model needs a name
                # (every output writes one), so it is said, not a failed article.
                self.log.warn(
                    f"<institution> {', '.join(i for i in ids if i)}: an id without a name: "
                    "left out (the article model needs the institution's name)"
                )
        return affs

    def _license(self) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """The licences of the deposit's ``license_ref``s, each with its start date, as the
        JSON reader takes them (``licences_by_version``): ``applies_to`` "vor" or none for the
        article's, "tdm", "am" (and 5.4's "stm-asf") for the others."""
        given = []
        for ref in self.article.iter(f"{{{_AI_NS}}}license_ref"):
            url = self.text(ref)
            if url:
                start = real_date(
                    (ref.get("start_date") or "").strip(), "<license_ref>", self.log.warn
                )
                given.append((url, (ref.get("applies_to") or "").strip(), start))
        found = licences_by_version(
            given, lambda _, version: f"<license_ref applies_to={version!r}>", self.log
        )
        self._free_to_read(found[0] is not None)
        return found

    def _free_to_read(self, licensed: bool) -> None:
        """``ai:free_to_read``: an article under an open licence is free to read, and the
        Crossref writer says so again from the licence; without a licence, or with the dates
        free reading starts or ends (an embargo), the model has no place for it: said (it was
        passed over in silence)."""
        for free in self.article.iter(f"{{{_AI_NS}}}free_to_read"):
            dates = [f"{k}={free.get(k)!r}" for k in ("start_date", "end_date") if free.get(k)]
            if dates or not licensed:
                shown = f" ({', '.join(dates)})" if dates else ""
                not_carried(self.log, f"<ai:free_to_read>{shown}")
                return

    def _funding(self) -> list[dict[str, Any]]:
        """The funders of every FundRef program: deposits give one beside the article and a
        copy in its Crossmark metadata, which may name a funder the first lacks (only the
        first program was read, and such a funder lost in silence). A funder given twice
        (the same name or Funder Registry id) is one, with the awards of both."""
        out: list[dict[str, Any]] = []
        programs = [
            p
            for p in self.article.iter(f"{{{_FUNDREF_NS}}}program")
            # fundref.xsd fixes the name to "fundref" and does not require it: PeerJ's
            # deposits leave it out, and their funders were lost in silence
            if p.get("name") in ("fundref", None)
        ]
        for program in programs:
            groups = _children(program, "assertion")
            if any(group.get("name") != "fundgroup" for group in groups):
                groups = [program]  # a single funder written without a fundgroup
            for group in groups:
                entry = self._funder(group)
                if entry is not None:
                    add_funder(out, entry)
        return out

    def _funder(self, group: etree._Element) -> dict[str, Any] | None:
        """The funder of one FundRef group; None (said) when it names no funder."""
        entry: dict[str, Any] = {"awards": []}
        name_given = False
        # a group may give the Funder Registry DOI and a ROR id: the model holds one id of a
        # funder, so the second is said, as the JATS reader says one (it was lost unsaid)
        seconds: list[str] = []
        for assertion in group.iter(f"{{{_FUNDREF_NS}}}assertion"):
            name = assertion.get("name")
            own = _own_text(assertion)
            if name == "funder_name":
                name_given = True
                if own:
                    entry["funder"] = {name_language([own], self.lang): own}
            elif name in ("funder_identifier", "ror") and own and "funder_id" not in entry:
                # as the JATS reader: an id that is neither a Funder Registry DOI nor a ROR
                # id is said and left out, the funder kept (it refused the whole article
                # as "funding[0].funder_id: not a DOI", a field the deposit has not)
                try:
                    entry["funder_id"] = normalize_funder_id(funder_doi(own))
                except ChecksumError:
                    self.log.warn(
                        f"<fr:assertion name={name!r}> {own!r}: ROR id checksum fails (a "
                        "mistyped id): left out"
                    )
                except ValueError:
                    self.log.warn(
                        f"<fr:assertion name={name!r}> {own!r}: not a Funder Registry DOI or "
                        "ROR id: left out"
                    )
            elif name in ("funder_identifier", "ror") and own:
                # once, however the group writes it ('https://ror.org/…' and the bare id
                # were said as two second ids); one that is no id is said too (a third id
                # after it was 'internal error: ValueError')
                known = [*seconds, *([entry["funder_id"]] if "funder_id" in entry else [])]
                if not any(_same_funder_id(funder_doi(own), funder_doi(o)) for o in known):
                    seconds.append(own)
            elif name == "award_number" and own:
                entry["awards"].append(own)
            elif name not in _FUNDREF_READ and own:
                # an award's DOI (OJS 3.5 nests the award number in "grant_doi"), a
                # program's own assertions: no place in the model, said
                not_carried(self.log, f"<fr:assertion name={name!r}> {own!r}")
        if entry.get("funder"):
            named = next(iter(entry["funder"].values()))
            for own in seconds:
                self.log.warn(f"funder {named!r}: a second funder id {own!r} is left out")
            return entry
        if name_given or entry.get("funder_id") or entry["awards"]:
            # as the JSON reader does: a funder the model cannot hold is said, the
            # article kept (it was refused: "funding[0].funder: required field is missing")
            said = [entry.get("funder_id") or "", *(f"award {a}" for a in entry["awards"])]
            shown = f" ({', '.join(s for s in said if s)})" if any(said) else ""
            self.log.warn(f"a funder group{shown}: no funder name: left out")
        return None

    def _citations(self) -> list[dict[str, Any]]:
        """The cited works, read as the registry's JSON gives the same parts (``_reference``):
        what the model has no place for (``elocation_id``, ``component_number``) was lost
        without a word, and a standard cited by ``std_designator`` and ``standards_body``
        alone vanished; now the one is said unless the reference's text holds it, the other
        is a text reference."""
        out: list[dict[str, Any]] = []
        fragments: list[str] = []
        for index, citation in enumerate(
            _children(_child(self.article, "citation_list"), "citation")
        ):
            key = citation.get("key") or str(index)
            fields = self._citation_fields(citation)
            kept = _reference(
                fields,
                f"<citation key={key!r}>",
                self.lang,
                self.log,
                fragments,
                index=key,
                named=_CITATION_NAMES,
            )
            if kept is not None:
                out.append(kept)
        said_left_out(fragments, "<citation> key", self.log)
        return out

    def _citation_fields(self, citation: etree._Element) -> dict[str, str]:
        """A ``<citation>``'s children under the keys of the registry's JSON (an element the
        5.3.1 schema does not name keeps its own name, to be said as not carried)."""
        fields: dict[str, str] = {}
        for child in citation:
            if not isinstance(child.tag, str):
                continue
            name = local_name(child)
            if name == "standards_body":
                # its name, else its acronym (the schema requires both; some give one)
                value = self.text(_child(child, "standards_body_name")) or self.text(
                    _child(child, "standards_body_acronym")
                )
            else:
                value = self.text(child)
            fields.setdefault(_CITATION_KEYS.get(name, name), value)
        return fields

    def _journal_data(self) -> dict[str, Any]:
        meta = _child(self.journal, "journal_metadata")
        lang = self.journal_lang or self.lang
        issn: dict[str, str | None] = {}
        for item in _children(meta, "issn"):
            key = "electronic" if item.get("media_type") == "electronic" else "print"
            number = checked_issn(self.text(item), "<issn>", self.log)
            if number:
                _one_issn(issn, key, number, "<issn>", self.log)
        return {
            "language": lang,
            "title": self._journal_titles(meta, lang),
            "abbrev_title": self._journal_titles(meta, lang, "abbrev_title").get(lang, ""),
            "issn": issn,
        }

    def _journal_titles(
        self, meta: etree._Element | None, lang: str, tag: str = "full_title"
    ) -> dict[str, str]:
        """The journal's titles: the first under the journal's language, as before; a further
        one (the schema allows ten: a Russian journal's English title) under the language its
        script tells, which was lost without a word. One in a language already given is said;
        so is every further abbreviated title (the model has one)."""
        titles: dict[str, str] = {}
        for index, item in enumerate(t for t in _children(meta, tag) if self.text(t)):
            text = self.text(item)
            code = lang if index == 0 else name_language([text], lang)
            if code in titles or (tag == "abbrev_title" and index):
                not_carried(self.log, f"<journal_metadata/{tag}> {text!r}")
            else:
                titles[code] = text
        return titles or {lang: ""}


class _DepositPosted(_DepositArticle):
    """A ``posted_content`` record (Crossref's preprints), read as the Crossref writer deposits
    a preprint: its posting date as the publication, its group as the section, its server
    (``institution``) as the journal's title, its relations (``isPreprintOf``: the article it
    became) as a journal article's; typed preprint, it is a preprint in the model
    (``preprint``), published as a journal article or not."""

    _CARRIED = frozenset(
        {"group_title", "contributors", "titles", "posted_date", "acceptance_date",
         "institution", "item_number", "abstract", "program", "doi_data", "citation_list"}
    )  # fmt: skip

    def read(self) -> tuple[dict[str, Any], dict[str, Any]]:
        art = self.article
        data: dict[str, Any] = {"language": self.lang}
        self._titles(list(_children(art, "titles")), data)
        data["authors"] = self._contributors(_child(art, "contributors"))
        data["abstract"] = self._abstracts()
        posted = _child(art, "posted_date")
        data["published"] = {
            "electronic": _xml_date(posted, self.log) if posted is not None else None
        }
        group = self.text(_child(art, "group_title"))
        if group:
            data["section"] = {self.lang: group}
        for item in _children(art, "item_number"):
            if item.get("item_number_type") == "article_number":
                article_number(self.text(item), data, "<item_number>", self.log)
            else:
                not_carried(self.log, f"<item_number> {self.text(item)!r}")
        doi_data = _child(art, "doi_data")
        data["doi"] = self.text(_child(doi_data, "doi"))
        self._record_parts(doi_data, data)
        self._other_programs()
        data["related_articles"] = self._related(None, data["doi"])
        data["article_type"] = notice_type(data["related_articles"])
        accepted = _child(art, "acceptance_date")
        if accepted is not None:
            data["history"] = {"accepted": _xml_date(accepted, self.log)}
        kind = art.get("type") or "preprint"
        if kind == "preprint":
            data["preprint"] = True  # (published as a journal article or not)
        else:
            # the model has no other kind of posted content (a working paper, a report): one
            # naming the article it became is a preprint, else written back a journal article
            became = relations.is_preprint(item["type"] for item in data["related_articles"])
            read_as = "a preprint" if became else "a journal article"
            self.log.warn(
                f"<posted_content type={kind!r}>: no such type in JATS: read as {read_as}"
            )
        for child in art:
            name = local_name(child, lower=True) if isinstance(child.tag, str) else None
            if name and name not in self._CARRIED:
                not_carried(self.log, f"<{name}>")
        return data, self._host()

    def _host(self) -> dict[str, Any]:
        """The journal: the server that hosts the preprint, its first ``institution``'s name
        (further institutions, and an institution's id, place or department, are said)."""
        title = ""
        for institution in _children(self.article, "institution"):
            name = self.text(_child(institution, "institution_name"))
            if name and not title:
                title = name
            elif name:
                not_carried(self.log, f"<institution> {name!r}")
            for child in institution:
                part = local_name(child) if isinstance(child.tag, str) else None
                if part and part != "institution_name":
                    not_carried(self.log, f"<institution/{part}> {self.text(child)!r}")
        return {"language": self.lang, "title": {self.lang: title}, "issn": {}}


# --------------------------------------------------------------------------- fetch by DOI


def work_url(doi: str, api: str = DEFAULT_API) -> str:
    """The REST API address of a work: ``{api}/works/{doi}`` with the DOI escaped."""
    return f"{api.rstrip('/')}/works/{urllib.parse.quote(doi.strip(), safe='')}"


def fetch_work(doi: str, api: str = DEFAULT_API, timeout: float = 30.0) -> bytes:
    """The REST API record of one DOI, fetched over HTTP(S); ``InputError`` with one line else.

    Only called for ``--doi``: reading files never touches the network.
    """
    try:
        bare = normalize_doi(doi)
    except ValueError as exc:
        raise InputError(f"--doi {doi}", [str(exc)]) from None
    return fetch_record(work_url(bare, api), "no such DOI at Crossref", timeout)


def fetch_record(url: str, not_found: str, timeout: float = 30.0) -> bytes:
    """GET one Crossref REST API record (a work, a journal) over HTTP(S): its bytes, or
    ``InputError`` with one line (``not_found`` for a 404). Explicit service actions only."""
    if not re.match(r"^https?://", url):
        raise InputError(url, ["the Crossref API address must be an http(s) URL"])
    import urllib.request  # only when a record is fetched: the module pulls in http, ssl

    request = urllib.request.Request(
        url,
        headers={"User-Agent": f"jats-converter/{__version__}", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(_MAX_RESPONSE + 1)
    except urllib.error.HTTPError as exc:
        reason = not_found if exc.code == 404 else f"HTTP {exc.code} {exc.reason}"
        raise InputError(url, [reason]) from None
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        from converter.network_words import unreachable  # (error path only)

        reason = getattr(exc, "reason", exc)
        raise InputError(url, [f"cannot fetch: {unreachable(reason, url)}"]) from None
    if len(body) > _MAX_RESPONSE:
        raise InputError(url, ["response too large: refused"])
    return body


def doi_stem(doi: str) -> str:
    """A file stem for a DOI: '10.5555/jsr.2018.3.6' → '10.5555_jsr.2018.3.6'."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", doi.strip()).strip("_") or "work"


def read_doi(doi: str, context: ReadContext, api: str = DEFAULT_API) -> list[Loaded]:
    """The work a DOI names, fetched from the Crossref REST API (explicit network use)."""
    try:
        stem = doi_stem(normalize_doi(doi))
    except ValueError:
        stem = doi_stem(doi)
    try:
        body = fetch_work(doi, api)
    except InputError as exc:
        return [Loaded(f"doi:{doi}", stem, problems=exc.lines())]
    return list(read_json(body, f"doi:{doi}", Path.cwd() / f"{stem}.json", context, stem))
