"""What the readers of other formats share: safe parsing, locales, and building the article.

Every reader builds the plain mapping the native YAML format takes and validates it here through
the model, so the rules (and the one-line messages) are the same whatever the source.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from converter import lazy_re
from converter.errors import InputError, cannot_read
from converter.identifiers import (
    DASHES,
    normalize_issn,
    read_doi,
    read_orcid,
)
from converter.input_limit import read_path
from converter.languages import normalize_country, normalize_language
from converter.model import PAGE_LABEL, URL_PATTERN, Journal, check_date, page_range_ends
from converter.notices import DROPPED, Notice
from converter.readers import native
from converter.readers.base import Loaded, ReadContext
from converter.validation import InvalidDocument, parse_untrusted


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or ``InputError`` with one line (one past the size an input may be,
    ``converter.input_limit``, too)."""
    try:
        return read_path(path)
    except OSError as exc:
        raise InputError(str(path), [cannot_read(exc)]) from None


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse untrusted XML: no DTD, no entities, no network; one-line ``InputError`` otherwise
    (UTF-16 without its byte-order mark or a declaration, which XML cannot tell, named so with
    the command that makes it UTF-8, not as the zero byte the parser stops at; UTF-8 under a
    declaration of ISO-8859-1 refused, not read as mojibake)."""
    try:
        tree = parse_untrusted(data, name)
    except InvalidDocument as exc:
        from converter.readers.encoding import (
            declared_encoding,
            marked_encoding,
            utf8_declared_otherwise,
            utf16_help,
            utf16_order,
        )

        order = None if marked_encoding(data) else utf16_order(data)
        if order is not None:
            said = "not UTF-8 text: it looks like UTF-16 without a byte-order mark"
            raise InputError(name, [f"{said}: save it as UTF-8 {utf16_help(order)}"]) from None
        # (UTF-8 under windows-1251 fails at a byte it lacks: the declaration is what is wrong)
        if (line := utf8_declared_otherwise(data, declared_encoding(data))) is not None:
            raise InputError(name, [line]) from None
        problem = exc.problems[0]
        where = f"line {problem.line}: " if problem.line else ""
        raise InputError(name, [f"{where}{problem.message}"]) from None
    from converter.readers.encoding import utf8_declared_otherwise

    if (problem_line := utf8_declared_otherwise(data, tree.docinfo.encoding)) is not None:
        raise InputError(name, [problem_line])
    if _may_hold_long_text(data) and (too_long := too_long_field(tree.getroot())) is not None:
        raise InputError(name, [too_long])
    return tree.getroot()


# Text or an attribute value longer than a field may hold (``native.too_long``), in XPath so
# that libxml2 measures it, not a walk of every node in Python: the first, in document order.
# Embedded files (an OJS export's ``<embed>``, whose content is skipped while reading; JATS's
# ``<binary-data>``) are base64, no field.
_TOO_LONG = etree.XPath(
    f"(//text()[string-length(.) > {native._MAX_FIELD}]"
    "[not(ancestor::*[local-name() = 'embed' or local-name() = 'binary-data'])]"
    f" | //@*[string-length(.) > {native._MAX_FIELD}])[1]"
)


def _may_hold_long_text(data: bytes) -> bool:
    """Whether ``data`` may hold a text or attribute value longer than a field may: some run of
    more than ``native._MAX_FIELD`` bytes without a '<' (none can be in either), or a CDATA
    section (where it can). A few steps a megabyte, where XPath on an OJS export of 50 MB takes
    seconds; the window's last '<' is where the next one begins."""
    if b"<![CDATA[" in data:
        return True
    size = native._MAX_FIELD
    start = 0
    while start + size < len(data):
        last = data.rfind(b"<", start, start + size + 1)
        if last < 0:
            return True
        start = last + 1
    return False


def too_long_field(root: etree._Element) -> str | None:
    """The line refusing an XML file one of whose texts or attribute values is longer than the
    1,000,000 characters a YAML, JSON or CSV field may hold, naming the element (a 5 MB
    abstract went into every output), else None."""
    found = _TOO_LONG(root)
    if not found:
        return None
    value = found[0]
    element = value.getparent()
    if getattr(value, "is_tail", False):
        element = element.getparent() if element.getparent() is not None else element
    where = f"<{etree.QName(element).localname}>"
    if getattr(value, "is_attribute", False):
        where = f"<{etree.QName(element).localname} {etree.QName(value.attrname).localname}>"
    parent = element.getparent()
    if parent is not None:  # ('<p> in <abstract>': a <p> alone could be anywhere)
        where += f" in <{etree.QName(parent).localname}>"
    line = f"line {element.sourceline}: " if element.sourceline else ""
    return f"{line}{where}: {native.too_long(str(value))}: refused"


def read_root(
    path: Path, parse: Callable[[bytes, str], etree._Element] = parse_xml
) -> etree._Element | Loaded:
    """The root element of a source file read and parsed by ``parse`` (untrusted XML by
    default), or a ``Loaded`` naming why the file cannot be read or parsed."""
    try:
        return parse(read_bytes(path), str(path))
    except InputError as exc:
        return Loaded(str(path), path.stem, problems=exc.lines())


# English month names and abbreviations, lower-case, by number: how landing pages, Crossmark
# assertions and DOAJ's JSON write a month ('Sept', 'September'). One table for the readers.
ENGLISH_MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for name in names
}  # fmt: skip


def parse_json(data: bytes, name: str) -> Any:
    """A JSON record someone else wrote (Crossref's, DOAJ's), or ``InputError`` with one line:
    not UTF-8, malformed, or nested deeper than Python's parser goes (that was 'internal
    error: RecursionError')."""
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        from converter.readers.encoding import not_utf8

        raise InputError(name, [not_utf8(data, exc)]) from None
    except json.JSONDecodeError as exc:
        raise InputError(name, [f"line {exc.lineno}: malformed JSON: {exc.msg}"]) from None
    except RecursionError:
        problem = "lists or mappings nested too deep for a JSON parser: refused"
        raise InputError(name, [problem]) from None


def locale_language(value: str | None, default: str | None = None) -> str | None:
    """An OJS or HTML locale as a language code: ``ru_RU`` → ``ru``, ``sr_RS@latin`` → ``sr-Latn``,
    ``sr_Latn`` → ``sr-Latn``.

    The region is dropped (journals mean the language, not its national variant); the script is
    kept, whether an OJS ≤ 3.3 modifier (``@latin``) or, as OJS 3.4+ and BCP 47 write it, a
    four-letter subtag (``sr_Cyrl``, ``zh_Hant``): a journal gives titles in both scripts of
    Serbian, and one code for both would keep only one of them. Unknown codes give ``default``.
    """
    if not value or not value.strip():
        return default
    text = value.strip()
    base, _, modifier = text.partition("@")
    parts = re.split(r"[_-]", base)
    primary = parts[0].lower()
    script = {"latin": "-Latn", "cyrillic": "-Cyrl"}.get(modifier.lower(), "")
    if not script and len(parts) > 1 and re.fullmatch(r"[A-Za-z]{4}", parts[1]):
        script = "-" + parts[1].title()
    try:
        return normalize_language(primary + script)
    except ValueError:
        return default


# What a reader says of one ISSN given as both print and electronic, kept once as electronic
# (as the native and Crossref readers word it; the JATS reader says it of a typed <issn>).
BOTH_TYPES = "given as both print and electronic ISSN: kept once, as electronic"


def valid_issn(value: str | None) -> str | None:
    """The ISSN if its check digit holds, else None (pages carry many number-like strings)."""
    if not value:
        return None
    try:
        return normalize_issn(value)
    except ValueError:
        return None


# The word for pages typed after them ('15–20 с.', '15-20 pp.'): a Cyrillic one may follow the
# number directly ('20с.'), as no page ends in a Cyrillic letter; a Latin one after a space,
# and so the Latin 'c' typed for 'с' with the keyboard left in English ('15–20 c.': same key).
_PAGE_WORD_AFTER = re.compile(
    r"(?:(?<=\d)\s*(?:с|сс|стр)|(?<=\d)\s+c|(?<=[\dIVXLCDMivxlcdm])\s+(?:pp|p|pgs?|pages?))"
    r"\.?$",
    re.IGNORECASE,
)


def without_page_word(text: str) -> str:
    """Pages without the word for pages typed after them ('15–20 с.' → '15–20')."""
    return _PAGE_WORD_AFTER.sub("", text.strip()) or text


def split_pages(value: str | None) -> dict[str, str]:
    """'110-119' → fpage/lpage; 'e123' → elocation_id; '110' → fpage; pages that are not one
    range, '110-115, 120-124', → that page_range, beginning on fpage and ending on lpage."""
    if not value or not value.strip():
        return {}
    # the word for pages ('С. 110–119', 'pp. 5'), in a spreadsheet's pages column or a
    # record's page, is no part of the page (an article's page refuses it)
    value = unlabelled_pages(value) or value
    # (and typed after them, '15–20 с.': the last page was '20 с', unsaid)
    value = without_page_word(value)
    ends = page_range_ends(value) if "," in value else None
    if ends:
        first, last = ends
        pages = {"fpage": first, "page_range": " ".join(value.split())}
        return {**pages, "lpage": last} if last != first else pages
    text = value.strip().replace("\u2013", "-").replace("\u2014", "-")
    first, sep, last = text.partition("-")
    first, last = first.strip(), last.strip()
    if not sep and not first.isdigit() and not re.fullmatch(r"[ivxlcdm]+", first, re.I):
        return {"elocation_id": first}
    pages = {"fpage": first}
    if last and last != first:
        pages["lpage"] = last
    return pages


def unlabelled_pages(text: str) -> str:
    """Pages as editors type them ("pp. 12-20.", "С. 110") without the word for pages and the
    final period, which are no part of the first and last page."""
    return PAGE_LABEL.sub("", text.strip()).rstrip(". ")


def prune(value: Any) -> Any:
    """Drop empty values recursively, so the model sees only what the source carries."""
    if isinstance(value, dict):
        pruned = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [item for item in (prune(v) for v in value) if item not in (None, "", [], {})]
    return value


def build(
    data: dict[str, Any],
    *,
    path: Path,
    name: str,
    stem: str,
    context: ReadContext,
    source_journal: dict[str, Any] | None = None,
    warnings: list[str] | None = None,
    dois_set_right: bool = False,
    source_names: Mapping[str, str] | None = None,
) -> Loaded:
    """Validate one article's data into a ``Loaded``; never raises for bad input.

    The journal is ``--journal`` when given, else the one the source carries (when complete),
    else a journal file beside the source. The references' DOIs typed with hyphen look-alikes
    are set right and said (``native.article_from_data``) unless the reader says it has done
    so itself (``dois_set_right``: the JATS and Crossref readers, naming them their way).
    A value the model refuses is named as the source names it when the reader gives that name
    in ``source_names`` (``named_as_source``).
    """
    warnings = list(warnings or [])
    said: list[Notice] = []
    try:
        journal = _journal(path, name, context, source_journal)
        folder = path.resolve().parent
        if dois_set_right:
            article = native.validated_article(
                prune(data), name, base_dir=folder, journal=journal, cache=context.cache
            )
            said.extend(native.pages_said(article))
        else:
            article = native.article_from_data(
                prune(data), name, base_dir=folder, journal=journal, cache=context.cache, said=said
            )
    except InputError as exc:
        problems = named_as_source(exc.problems, source_names or {})
        return Loaded(
            name, stem, problems=InputError(exc.source, problems).lines(), warnings=warnings
        )
    return Loaded(name, stem, article, warnings=warnings + said)


# A problem line's value, as the model's messages end: ``…: '2018-13-01'`` (or "…'…").
_QUOTED_VALUE = lazy_re.compile(r": ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")$")


def named_as_source(problems: Sequence[str], names: Mapping[str, str]) -> list[str]:
    """The model's problem lines with each field a reader took from its source named as the
    source names it (``names``: the model's field path -> the source's element), the value
    beside it as the readers' own lines have it: ``published.electronic: impossible date, no
    month 13: '2018-13-01'`` becomes ``<date_published> '2018-13-01': impossible date, no month
    13``. The model's field is nowhere in an OJS export or a Crossref deposit, so a user could
    not find what to correct; lines about other fields are kept as they are."""
    out = []
    for line in problems:
        field, sep, message = line.partition(": ")
        element = names.get(field) if sep else None
        if element is None:
            out.append(line)
            continue
        value = _QUOTED_VALUE.search(message)
        if value:
            out.append(f"{element} {value.group(1)}: {message[: value.start()]}")
        else:
            out.append(f"{element}: {message}")
    return out


def journal_for(path: Path, context: ReadContext) -> Journal | None:
    """The journal the articles of ``path`` will get: ``--journal``, else a journal file beside
    the source; None when there is none or it cannot be read (``build`` then reports why).

    A reader that needs journal settings to build article data (an OJS export's URLs are built
    from the journal's ``url``) asks here; the cache makes the second load free.
    """
    try:
        if isinstance(context.journal, Journal):
            return context.journal
        if context.journal is not None:
            return context.cache.load(context.journal)
        found = context.cache.find_beside(path.resolve().parent)
        return context.cache.load(found) if found is not None else None
    except InputError:
        return None


def _journal(
    path: Path, name: str, context: ReadContext, source_journal: dict[str, Any] | None
) -> Any:
    if context.journal is not None:
        return context.journal
    if not source_journal:
        return None  # the article reader looks for a journal file beside the source
    try:
        return native.journal_from_data(prune(source_journal), name, prefix="journal")
    except InputError:
        found = native.find_journal_file(path)
        if found is not None:
            return context.cache.load(found)
        raise


def orcid_or_warn(text: str | None, warn: Callable[[str], None], where: str) -> str | None:
    """The ORCID iD of a record someone else may have written (a publisher's JATS, a Crossref
    deposit, a landing page), or None with a "data dropped" line when it is none (a checksum
    that fails, "0000-0000-XXXX-…"): one wrong iD there must not refuse the whole article. So
    for an OJS export, whose ORCID field OJS does not check. The journal's own files (YAML,
    JSON, a spreadsheet) are refused instead, naming the field, to be corrected there."""
    return identifier_or_warn(text, read_orcid, warn, where)


def identifier_or_warn(
    text: str | None, read: Callable[[str], str], warn: Callable[[str], None], where: str
) -> str | None:
    """An identifier of a record someone else wrote, as ``read`` gives it, or None with a
    "data dropped" line when ``read`` refuses it (as ``orcid_or_warn`` says)."""
    if not text or not text.strip():
        return None
    try:
        return read(text)
    except ValueError as exc:
        warn(f"{where}: {exc}: left out")
        return None


ADDRESS = lazy_re.compile(URL_PATTERN)  # an address as the model takes it (`model.Url`)


def issue_doi_or_warn(
    doi: str | None,
    url: str | None,
    article_doi: str | None,
    warn: Callable[[str], None],
    where: str,
) -> dict[str, str]:
    """The issue's DOI and landing page a source gives (``issue_doi``, ``issue_url``), as the
    model takes them. As for an ORCID iD, one such value must not refuse the whole article: a
    DOI that is none, or is the article's own, is said and left out, and so is a landing page
    that is no address or has no DOI to go with (it is the page the DOI resolves to). ``where``
    names the element in the lines ("issue-id", "journal_issue/doi_data")."""
    out: dict[str, str] = {}
    found = identifier_or_warn(doi, read_doi, warn, f"{where} DOI")
    own = identifier_or_warn(article_doi, read_doi, lambda _: None, "")
    if found and own and found.lower() == own.lower():
        warn(f"{where} DOI {doi!r} is the article's own DOI: left out as the issue's")
        found = None
    if found:
        out["issue_doi"] = found
    page = (url or "").strip()
    if page and not found:
        warn(f"{where} landing page {page!r}: no issue DOI to go with: left out")
    elif page and not ADDRESS.match(page):
        warn(f"{where} landing page {page!r}: no URL (http://, https:// or ftp://): left out")
    elif page:
        out["issue_url"] = page
    return out


EMAIL = lazy_re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email_or_warn(text: str | None, warn: Callable[[str], None], where: str) -> str | None:
    """The e-mail address in a record someone else wrote, or None with a "data dropped" line
    when it is none (a template's placeholder "E-Mail"): as for an ORCID iD, one such value
    must not refuse the whole article."""
    if not text or not text.strip():
        return None
    if EMAIL.match(text.strip()):
        return text.strip()
    warn(f"{where} {text.strip()!r}: not an e-mail address: left out")
    return None


# "Georgia" names a country and a US state. Written after a city of the state ("Emory
# University, Atlanta, Georgia") or beside a US ZIP code, it is the state, and the line names
# no country: read as the country, US affiliations were put in the Caucasus (GE). Without such
# a sign ("Tbilisi State University, Tbilisi, Georgia", "Ilia State University, Georgia") it
# stays the country. No city of the country Georgia has the name of one below.
_GEORGIA_US_CITIES = frozenset(
    {"atlanta", "athens", "augusta", "savannah", "macon", "columbus", "albany", "rome",
     "decatur", "marietta", "kennesaw", "valdosta", "statesboro", "carrollton", "milledgeville",
     "dahlonega", "americus", "gainesville", "morrow", "fort valley", "tifton", "brunswick",
     "thomasville", "waycross", "lawrenceville", "duluth", "alpharetta", "roswell",
     "sandy springs", "smyrna", "norcross", "warner robins", "dalton", "oxford", "mount berry",
     "demorest", "clarkston", "stone mountain", "tucker", "lithonia", "conyers", "covington",
     "newnan", "lagrange", "griffin", "douglasville", "snellville", "barnesville", "cochran",
     "peachtree city", "east point", "college park", "chamblee", "dunwoody", "johns creek",
     "fort benning", "fort gordon", "fort stewart", "hinesville", "st. simons island"}
)  # fmt: skip
_US_ZIP = lazy_re.compile(r"\b(?:GA\.?\s*)?\d{5}(?:-\d{4})?$")


def _georgia_the_state(name: str, before: Sequence[str]) -> bool:
    """Whether "Georgia", last in an affiliation after the parts ``before``, is the US state."""
    if name.casefold() != "georgia" or not before:
        return False
    place = before[-1].strip().casefold()
    return (
        _US_ZIP.search(before[-1].strip()) is not None
        or place == "ga"
        or _US_ZIP.sub("", place).strip(" ,.") in _GEORGIA_US_CITIES
    )


def country_code(text: str, before: Sequence[str] = ()) -> str | None:
    """The ISO 3166 alpha-2 code of a country named in a source, or None. ``before``: the
    parts of the affiliation line before it, which tell the US state Georgia from the
    country ('Atlanta, Georgia' names no country)."""
    name = " ".join(text.split()).strip(" .")
    if not name:
        return None
    try:
        code = normalize_country(name)
    except ValueError:
        return None
    return None if code == "GE" and _georgia_the_state(name, before) else code


def affiliation_from_text(text: str, lang: str) -> dict[str, Any]:
    """An affiliation given as one line; a country named alone, or last after a comma, becomes
    the ISO code (pages and Crossref records often write 'University, City, Country')."""
    text = " ".join(text.split())
    head, _, tail = text.rpartition(",")
    for institution, country, before in ((None, text, []), (head, tail, head.split(","))):
        code = country_code(country, before)
        if code is None:
            continue
        aff: dict[str, Any] = {"country": code}
        if institution and institution.strip():
            aff["institution"] = {lang: institution.strip()}
        return aff
    return {"institution": {lang: text}}


def real_date(value: str | None, where: str, warn: Callable[[str], None]) -> str | None:
    """A date of a record someone else wrote (YYYY[-MM[-DD]]), as far as it is real: a day its
    month has not (30 February) or a month 13 is a typo the model would refuse the whole
    article for. The month (else the year) is kept and the rest said as left out, as the JATS
    reader keeps its dates. One line says it, naming what is finally kept: a month 13 with a
    day fails twice on the way to the year, and two lines ('read as 2019-13', then 'read as
    2019') named a value that is kept nowhere."""
    first: ValueError | None = None
    while value and "-" in value:
        try:
            value = check_date(value)
            break
        except ValueError as exc:
            first = first or exc
            value = value.rsplit("-", 1)[0]
    if first is not None:
        warn(f"{where}: {first}: read as {value!r}")
    return value


def not_carried(log: Any, what: str) -> None:
    """Say, in one line, that ``what`` (an element or field of the source) was seen but has no
    place in the article model, so it is not in any output ("data dropped": never silent).

    ``log`` is the article's warning collector; the line is printed after the article's name.
    """
    log.warn(f"{what}: not carried (the article model has no place for it)", DROPPED)


def funder_key(value: str) -> str:
    """A funder's name, id or award as compared when a record gives it twice: a Crossmark
    copy writes 'http://dx.doi.org/10.13039/…' for 'https://doi.org/10.13039/…' and a hyphen
    where the other has U+2010."""
    text = re.sub(r"^https?://(dx\.)?doi\.org/", "", value.strip(), flags=re.IGNORECASE)
    return "".join("-" if char in DASHES else char for char in text).casefold()


def add_funder(out: list[dict[str, Any]], entry: dict[str, Any]) -> None:
    """Add a record's funder (``funder``, ``awards`` and maybe ``funder_id``) to ``out``, or
    its awards to the same funder given before: one of the same name whose id, if both give
    one, is the same. A funder listed once per award (a Crossref record, a JATS file with one
    ``award-group`` per grant) is so one funder with all its awards, each once, as JATS,
    Crossref and the Funder Registry count them. (Two funders of one name and two ids, the US
    and another National Science Foundation, stay two; so do two names under one id, which
    would lose one: a registry id stands for a funder whose publishers name divisions of it.)"""
    names = {funder_key(name) for name in entry["funder"].values()}
    ident = funder_key(entry.get("funder_id") or "")
    for known in out:
        known_id = funder_key(known.get("funder_id") or "")
        if (not ident or not known_id or ident == known_id) and names & {
            funder_key(name) for name in known["funder"].values()
        }:
            awards = {funder_key(award) for award in known["awards"]}
            known["awards"] += [a for a in entry["awards"] if funder_key(a) not in awards]
            if entry.get("funder_id"):
                known.setdefault("funder_id", entry["funder_id"])
            return
    out.append(entry)
