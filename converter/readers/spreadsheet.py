"""Read articles from a spreadsheet (CSV or XLSX): one row per article, the first row names columns.

Column names
------------
A column is named ``FIELD``, ``FIELD:LANG`` (a value in one language: ``title:ru``), ``FIELDN``
(the N-th of a repeated item: ``keyword3:en``, ``reference12:ru``) or ``FIELDN.PART[:LANG]``
(a part of the N-th item: ``author2.surname:en``, ``author2.orcid``). Names are case-insensitive;
a column whose name starts with ``#`` is a note and ignored; an unknown column is an error. A
per-language field without ``:LANG`` is in the article's main language (``language``).

Article
    ``journal`` (path of the journal file, relative to the spreadsheet; by default
    ``journal.yaml`` beside it), ``article_type``, ``preprint`` (yes: the article is a
    preprint), ``language``, ``doi``, ``volume``,
    ``issue``, ``issue_doi``, ``issue_url`` (the issue's landing page, with its DOI),
    ``issue_publisher_id``, ``fpage``, ``lpage`` (or ``pages``: ``110-119``, ``110``, ``e1001``,
    ``110-115, 120-124``), ``page_range`` (pages that are not one range), ``elocation_id``,
    ``license``, ``publisher_id``, ``edn``, ``pmid``, ``pmcid``, ``published.electronic``,
    ``published.print``, ``published.collection``, ``history.received``,
    ``history.revised``, ``history.accepted``, ``copyright.year``, ``url`` (the landing
    page), ``self_uri.pdf``, ``self_uri.html``.
Per language
    ``title``, ``subtitle``, ``issue_title``, ``section``, ``abstract`` (paragraphs at blank
    lines), ``keywords``, ``funding_statement``, ``acknowledgements``,
    ``competing_interests``, ``data_availability`` (these three, paragraphs at blank lines),
    ``copyright.statement``, ``copyright.holder``.
Repeated items, numbered from 1 (gaps allowed, kept in number order)
    ``keywordN:LANG``; ``referenceN:LANG`` (the reference text in that language) and
    ``referenceN.PART`` for a structured reference (``type``, ``lang``, ``authors``, ``year``,
    ``title``, ``source``, ``volume``, ``issue``, ``fpage``, ``lpage``, ``elocation_id`` (the
    cited article's number, instead of pages), ``doi``, ``arxiv``, ``isbn``, ``issn``,
    ``pmid``, ``pmcid``, ``url``, ``accessed``, ``title_en``, ``source_en``, ``publisher``,
    ``publisher_loc``, ``edition``, ``etal`` (yes: the authors listed are not all), ``groups``
    (which of the ``authors`` are groups or bodies, each as written there));
    ``authorN.PART`` with the name parts
    ``surname``, ``given``, ``prefix``, ``suffix``, ``style`` per language, ``orcid``,
    ``email``, ``corresponding`` (yes/true/1/x), ``role``, ``credit``, ``affiliations`` (ids
    such as ``aff1``), and one affiliation inline: ``institution``, ``department``, ``city``,
    ``state`` per language, ``postal_code``, ``country``, ``ror``; ``affN.PART`` for
    affiliations that authors name by id ``affN`` or its number, ``1`` (same parts);
    ``funderN:LANG`` with ``funderN.id`` and ``funderN.awards``;
    ``relatedN.PART`` for the N-th related article (the article a correction corrects …):
    ``type`` (``corrected-article`` …), ``doi``, ``pmid`` and/or ``citation``, ``volume``,
    ``issue``, ``fpage``, ``elocation_id`` — one article each (a cell holding several DOIs is
    refused: give the next one ``related2.…`` columns).
Several items in one cell
    ``keywords:LANG``, ``authors:LANG`` and ``references:LANG`` hold a whole list in one cell:
    **one item per line** (a line break inside the cell); keywords and authors may instead be
    separated by **semicolons** (references never are: they contain semicolons). An author in
    ``authors:LANG`` is written ``Surname, Given names`` (or ``Иванов И. И.``, ``I. I. Ivanov``:
    the initials are the given names); the N-th author of ``authors:ru`` and
    of ``authors:en`` is the same person, and ``authorN.PART`` columns other than names
    (``author1.orcid``) add to the N-th author of the cell; likewise ``referenceN.PART`` adds
    the parts of the N-th reference of ``references:LANG``. Cells of one list in two
    languages must list as many items (a line missing would pair every later one wrongly).
    A reference list pasted with its heading ("Список литературы", "References") loses the
    heading; one ``references:LANG`` cell holding both lists of a Russian article (the
    references as written, then their Latin-script "References") is read as one list in two
    forms, as from OJS. Lists inside a numbered column's part (``credit``, ``awards``,
    ``affiliations``, ``history.revised``, a reference's ``authors`` and ``groups``) are
    separated by semicolons too.

A row is named ``FILE#N`` in messages, N being the row number the spreadsheet shows (the header
is row 1); a problem names the field and its column: ``issue.csv#4: authors[0].orcid (column
author1.orcid): checksum fails``.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import itertools
import re
import warnings
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from converter import alphabets, lazy_re
from converter.errors import InputError, cannot_read
from converter.input_limit import check_size, max_input_bytes, too_large
from converter.model import list_number
from converter.name_case import has_small_letters, in_capitals, ordinary_case
from converter.notices import OUT_OF_SCOPE, SIMPLIFIED, Notice
from converter.readers import native
from converter.readers.base import Loaded, ReadContext, column_of
from converter.readers.common import split_pages
from converter.readers.encoding import (
    cyrillic_encoding,
    marked_encoding,
    undecodable_at,
    utf16_order,
)
from converter.readers.keyword_lists import full_stop_list, stray_comma, without_final_full_stop
from converter.readers.pasted_references import reference_lines
from converter.readers.reference_lists import headings_left_out, pair_lists
from converter.readers.sniffing import XmlStart
from converter.scripts import unmixed

# A line break inside a cell: Excel's LF, CRLF, a lone CR (old Mac files), a vertical tab or
# U+2028 (pasted from Word and web pages).
_BREAK = r"(?:\r\n|[\r\n\v\u2028\u2029\x85])"
_MULTI_SPLIT = lazy_re.compile(rf"\s*(?:;|{_BREAK})\s*")
_LINE_SPLIT = lazy_re.compile(rf"\s*{_BREAK}\s*")
_SEMI_SPLIT = lazy_re.compile(r"\s*;\s*")
_COLUMN = lazy_re.compile(
    r"^(?P<base>[a-z_]+(?:\.[a-z_]+)?)(?P<num>[0-9]+)?(?:\.(?P<part>[a-z_]+))?(?::(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*))?$"
)

# Article fields read from one column each: column → path in the article data.
_SCALARS: dict[str, tuple[str, ...]] = {
    "journal": ("journal",),
    "article_type": ("article_type",),
    "preprint": ("preprint",),
    "language": ("language",),
    "doi": ("doi",),
    "volume": ("volume",),
    "issue": ("issue",),
    "issue_doi": ("issue_doi",),
    "issue_url": ("issue_url",),
    "issue_publisher_id": ("issue_ids", "publisher_id"),
    "fpage": ("fpage",),
    "lpage": ("lpage",),
    "page_range": ("page_range",),
    "elocation_id": ("elocation_id",),
    "license": ("license",),
    "publisher_id": ("ids", "publisher_id"),
    "edn": ("ids", "edn"),
    "pmid": ("ids", "pmid"),
    "pmcid": ("ids", "pmcid"),
    "published.electronic": ("published", "electronic"),
    "published.print": ("published", "print"),
    "published.collection": ("published", "collection"),
    "history.received": ("history", "received"),
    "history.revised": ("history", "revised"),
    "history.accepted": ("history", "accepted"),
    "copyright.year": ("copyright", "year"),
    "url": ("url",),
}
_SELF_URI = {"self_uri.pdf": "pdf", "self_uri.html": "html"}
# Per-language article fields: column base → path (the language is the last key).
_PER_LANG: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "subtitle": ("subtitle",),
    "issue_title": ("issue_title",),
    "section": ("section",),
    "abstract": ("abstract",),
    "keywords": ("keywords",),
    "funding_statement": ("funding_statement",),
    "acknowledgements": ("acknowledgements",),
    "competing_interests": ("competing_interests",),
    "data_availability": ("data_availability",),
    "copyright.statement": ("copyright", "statement"),
    "copyright.holder": ("copyright", "holder"),
}
# Fields of one line: a line break typed in the cell (Alt+Enter, to wrap a long title) is a
# space, not a break the JATS title, Crossref's title and the citation_title tag kept.
_ONE_LINE = frozenset({"title", "subtitle", "issue_title", "section"})
_NAME_PARTS = frozenset({"surname", "given", "prefix", "suffix", "style"})
_AFF_LANG_PARTS = frozenset({"institution", "department", "city", "state", "country_name"})
# one value for every language: a postal code is not translated (a number cell is its digits)
_AFF_PARTS = frozenset({"postal_code", "country", "ror"})
_AUTHOR_PARTS = frozenset({"orcid", "email", "corresponding", "role", "credit", "affiliations"})
_REF_PARTS = frozenset(
    {
        "type", "lang", "authors", "year", "title", "source", "volume", "issue", "fpage",
        "lpage", "elocation_id", "doi", "arxiv", "isbn", "issn", "pmid", "pmcid", "url",
        "accessed", "title_en", "source_en", "publisher", "publisher_loc", "edition", "etal",
        "groups",
    }
)  # fmt: skip
# identifiers a workbook may store as numbers: an ISBN or PMID is its digits again, an arXiv
# identifier has lost its last zeros (2001.01230 → 2001.0123) and cannot be told back
_DIGIT_IDS = frozenset({"isbn", "pmid"})
# A related article's parts (``related1.type``, ``related1.doi`` …): the model's fields.
_RELATED_PARTS = frozenset(
    {"type", "doi", "pmid", "citation", "volume", "issue", "fpage", "elocation_id"}
)
_LISTS = frozenset({"credit", "affiliations", "awards", "authors", "groups", "history.revised"})
_TRUE = frozenset({"yes", "true", "1", "x", "y"})
_FALSE = frozenset({"no", "false", "0", "n"})


class _Column:
    """One parsed column header."""

    __slots__ = ("base", "header", "lang", "num", "part")

    def __init__(self, header: str, base: str, num: int | None, part: str | None, lang: str):
        self.header, self.base, self.num, self.part, self.lang = header, base, num, part, lang


def _known_column(base: str, number: int | None, part: str | None, lang: str) -> bool:
    """Whether a parsed column name (``author1.given:en`` as base, number, part, language)
    is a documented one."""
    ok = False
    if number is None and part is None:
        if base in _SCALARS or base in _SELF_URI or base == "pages":
            ok = not lang
        else:
            ok = base in _PER_LANG or base in ("authors", "references")
    elif number is not None and number > 0:
        if base == "keyword":
            ok = part is None
        elif base == "reference":
            ok = (part is None) or (part in _REF_PARTS and not lang)
        elif base == "author":
            ok = part is not None and (
                part in _NAME_PARTS
                or part in _AFF_LANG_PARTS
                or (not lang and (part in _AUTHOR_PARTS or part in _AFF_PARTS))
            )
        elif base == "aff":
            ok = part is not None and (part in _AFF_LANG_PARTS or (not lang and part in _AFF_PARTS))
        elif base == "funder":
            ok = (part is None) or (part in ("id", "awards") and not lang)
        elif base == "related":
            ok = part in _RELATED_PARTS and not lang
    return ok


def _parse_header(header: str) -> _Column | None:
    """Parse and check one header; ``None`` for a note column; ``ValueError`` when unknown."""
    text = header.strip()
    if not text or text.startswith("#"):
        return None
    match = _COLUMN.match(text.lower() if ":" not in text else _lower_name(text))
    if not match:
        latin = unmixed(text)
        if latin is not None and _COLUMN.match(
            latin.lower() if ":" not in latin else _lower_name(latin)
        ):
            raise ValueError(
                f"column {header!r}: typed with Cyrillic letters that look Latin: retype it as "
                f"{latin!r}"
            )
        raise ValueError(f"column {header!r}: not a column name (see the documented columns)")
    base, num, part, lang = match["base"], match["num"], match["part"], match["lang"] or ""
    number = int(num) if num else None
    ok = _known_column(base, number, part, lang)
    if not ok and lang and number and base in ("aff", "author") and part in _AFF_PARTS:
        # a documented column with a language it has none in: say so, not "unknown column"
        said = {"postal_code": "a postal code", "ror": "a ROR id"}.get(part, "a country")
        said += " has no language"
        if part == "country":  # (its name is per language, in a column of its own)
            said += f" (its name per language is {base}{number}.country_name:{lang})"
        raise ValueError(f"column {header!r}: {said}: write the column {base}{number}.{part}")
    if not ok and lang and _known_column(base, number, part, ""):
        # any other column that has no language ('doi:en' was told 'did you mean doi:en?')
        plain = text.rsplit(":", 1)[0]
        raise ValueError(f"column {header!r}: {plain} has no language: write the column {plain}")
    if not ok:
        meant = _column_meant(base, number, part)
        if meant and lang and " " not in meant:
            meant += f":{lang}"
        hint = f"did you mean {meant}?" if meant else "see the documented columns"
        raise ValueError(f"column {header!r}: unknown column ({hint})")
    return _Column(text, base, number, part, lang.replace("_", "-"))


_NUMBERED_PARTS = {
    "author": _NAME_PARTS | _AFF_LANG_PARTS | _AUTHOR_PARTS | _AFF_PARTS,
    "aff": _AFF_LANG_PARTS | _AFF_PARTS,
    "reference": _REF_PARTS,
    "funder": frozenset({"id", "awards"}),
    "keyword": frozenset(),
    "related": _RELATED_PARTS,
}
_COLUMN_SYNONYMS = {
    "licence": "license",
    "date": "published.electronic",
    "published": "published.electronic",
    "publication_date": "published.electronic",
    "pub_date": "published.electronic",
    "received": "history.received",
    "accepted": "history.accepted",
    "first_page": "fpage",
    "last_page": "lpage",
    "related": "related1.type and related1.doi",
    "related_articles": "related1.type and related1.doi",
    "related_type": "related1.type",
    "related_doi": "related1.doi",
    "related_citation": "related1.citation",
}
_NUMBERED_SYNONYMS = {"related_article": "related"}


def _column_meant(base: str, number: int | None, part: str | None) -> str | None:
    """The column an unknown one probably meant (a close spelling), for its message."""
    close = native.closest
    if number is None and part is None:
        plain = {*_SCALARS, *_SELF_URI, *_PER_LANG, "authors", "references", "pages"}
        return _COLUMN_SYNONYMS.get(base) or close(base, plain)
    numbered = (
        base
        if base in _NUMBERED_PARTS
        else _NUMBERED_SYNONYMS.get(base) or close(base, _NUMBERED_PARTS)
    )
    if numbered is None or number is None:
        return None
    if part is None:
        return f"{numbered}{number}" if numbered != base else None
    fixed = part if part in _NUMBERED_PARTS[numbered] else close(part, _NUMBERED_PARTS[numbered])
    if fixed is None or (numbered, fixed) == (base, part):
        return None
    return f"{numbered}{number}.{fixed}"


def _lower_name(text: str) -> str:
    """Lower-case the field name but keep the language tag as written (``title:pt-BR``)."""
    name, _, lang = text.partition(":")
    return f"{name.lower()}:{lang}"


def _cell(value: Any) -> Any:
    """A cell's value as the model expects it: text, a whole number, or an ISO date."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, MonthDate):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _clock(value: dt.time | dt.timedelta) -> str:
    """A time cell as the sheet shows it: 12:30, 08:15:05; a duration in hours, 30:00."""
    if isinstance(value, dt.timedelta):
        minutes, seconds = divmod(int(value.total_seconds()), 60)
        hours, minutes = divmod(minutes, 60)
    else:
        hours, minutes, seconds = value.hour, value.minute, value.second
    return f"{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


def column_letter(index: int) -> str:
    """The spreadsheet's name of the column at 0-based ``index``: A … Z, AA …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# Columns whose cells may be dates: publication and history dates, a cited page's access
# date, and the copyright year (its year is taken).
_DATE_COLUMN = lazy_re.compile(r"^(?:published|history)\.|^copyright\.year$|\.accessed$")


def _takes_dates(header: str) -> bool:
    return bool(_DATE_COLUMN.search(header.strip().lower().split(":", 1)[0]))


def _split(value: Any, pattern: lazy_re.Pattern[str]) -> list[str]:
    return [item for item in pattern.split(str(value)) if item]


# ------------------------------------------------------------------ reading rows


_ENCODING_NAMES = {
    "utf-8-sig": "UTF-8",
    "utf-8": "UTF-8",
    "utf8": "UTF-8",
    "cp1251": "Windows-1251",
    "windows-1251": "Windows-1251",
    "koi8-r": "KOI8-R",
    "utf-16": "UTF-16",
    "utf-16le": "UTF-16 (little-endian, without its byte-order mark)",
    "utf-16be": "UTF-16 (big-endian, without its byte-order mark)",
    "utf-32": "UTF-32",
}
_DELIMITER_NAMES = {",": "','", ";": "';'", "\t": "tabs"}
_SAMPLE = 65536
# Text spreadsheets: tab-separated ones too (LibreOffice's and Google Sheets' "TSV").
CSV_SUFFIXES = (".csv", ".tsv")


@dataclass(frozen=True, slots=True)
class CsvDialect:
    """How a CSV file is read: its text encoding and column separator, and the line that says
    so when either is not the default (UTF-8, comma) or was chosen by the user."""

    encoding: str
    delimiter: str
    note: str | None = None


@lru_cache(maxsize=32)
def _dialect(path: str, mtime: float, encoding: str | None, delimiter: str | None) -> CsvDialect:
    try:
        with open(path, "rb") as handle:
            sample = handle.read(_SAMPLE)
    except OSError as exc:
        raise InputError(path, [cannot_read(exc)]) from None
    chosen = encoding
    detected = []
    if chosen is None and (order := utf16_order(sample)) is not None:
        # UTF-16 without its mark is UTF-8 to a decoder (a zero byte is U+0000): its header
        # was read as 't\x00i\x00t\x00l\x00e\x00' and every column was unknown
        chosen = order
        detected.append("encoding")
    if chosen is None:
        try:
            sample.decode("utf-8")
            chosen = "utf-8-sig"
        except UnicodeDecodeError as exc:
            if len(sample) == _SAMPLE and exc.start >= _SAMPLE - 3:  # cut inside a character
                chosen = "utf-8-sig"
            elif marked := marked_encoding(sample):  # Excel's "Unicode Text" is UTF-16
                chosen = marked
                detected.append("encoding")
            elif cyrillic := cyrillic_encoding(sample):  # Windows-1251, or KOI8-R
                chosen = cyrillic
                detected.append("encoding")
            else:
                raise InputError(
                    path,
                    [
                        f"not UTF-8 text (byte {exc.start}): save it as UTF-8 CSV, or give its "
                        "encoding with --encoding (e.g. --encoding cp1251 for Windows-1251)"
                    ],
                ) from None
    try:
        text = sample.decode(chosen, errors="ignore")
    except LookupError:
        raise InputError(path, [f"--encoding {chosen}: no such text encoding"]) from None
    sep = delimiter if delimiter is not None else _delimiter(text)
    if delimiter is None and sep != ",":
        detected.append("separator")
    note = None
    if detected or encoding is not None or delimiter is not None:
        how = "detected" if detected else "as chosen"
        if detected and (encoding is not None or delimiter is not None):
            how = "detected and chosen"
        enc_name = _ENCODING_NAMES.get(chosen.lower(), chosen)
        sep_name = _DELIMITER_NAMES.get(sep, repr(sep))
        note = (
            f"{path}: read as {enc_name} text with columns separated by {sep_name} ({how}; "
            "--encoding and --delimiter choose)"
        )
    return CsvDialect(chosen, sep, note)


def csv_dialect(
    path: Path, encoding: str | None = None, delimiter: str | None = None
) -> CsvDialect:
    """The encoding (UTF-8, else Windows-1251 when the bytes read as Russian in it) and the
    separator (comma, semicolon or tab, by the header row) of a CSV file, unless given."""
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise InputError(str(path), [cannot_read(exc)]) from None
    return _dialect(str(path), mtime, encoding, delimiter)


def _csv_rows(
    path: Path, encoding: str | None = None, delimiter: str | None = None
) -> Iterator[tuple[int, list[Any]]]:
    dialect = csv_dialect(path, encoding, delimiter)
    number = 0
    # The csv module's own limit (131,072 characters a cell) refused an abstract a YAML file
    # may hold, in its words and without a line: a cell may hold what a YAML field may
    # (native._MAX_FIELD characters), and a longer one is refused by its line in those words.
    csv.field_size_limit(max(csv.field_size_limit(), native._MAX_FIELD))
    reader = None
    try:
        with path.open(encoding=dialect.encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=dialect.delimiter)
            for number, values in enumerate(reader, start=1):
                yield number, list(values)
    except UnicodeDecodeError:
        name = _ENCODING_NAMES.get(dialect.encoding.lower(), dialect.encoding)
        # (read again whole: the error of a decoding stream counts from its last chunk)
        place = undecodable_at(path.read_bytes(), dialect.encoding) or "a byte"
        where = f"not {name} text ({place})"
        if encoding is None and number:
            # the first rows read as UTF-8: the file mixes encodings, and any --encoding for
            # the whole file would garble the rows that are right
            raise InputError(
                str(path),
                [f"{where}, though the lines before are: the file mixes encodings (a row pasted "
                 "from another file?); retype that row and save the file as UTF-8"],
            ) from None  # fmt: skip
        raise InputError(
            str(path),
            [f"{where}: give its encoding with --encoding (e.g. cp1251 for Windows-1251)"],
        ) from None
    except csv.Error as exc:
        if reader is not None and "field larger than field limit" in str(exc):
            limit = f"more than the {native._MAX_FIELD:,} characters a field may hold"
            raise InputError(
                str(path), [f"line {reader.line_num}: a cell of {limit}: refused"]
            ) from None
        raise InputError(str(path), [f"malformed CSV: {exc}"]) from None
    except OSError as exc:
        raise InputError(str(path), [cannot_read(exc)]) from None


def _delimiter(sample: str) -> str:
    """Comma, or the semicolon/tab spreadsheet programs write in many locales."""
    first = sample.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


_DTD_MARK = lazy_re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT_START = lazy_re.compile(rb"<[A-Za-z_]")


def _refuse_dtds(path: Path) -> None:
    """Refuse a workbook any of whose XML parts declares a DTD or entities, or that unpacks
    to more than one input may be (``converter.input_limit``).

    Office files never carry one; a part that does is hostile (an entity bomb, or an external
    entity reading local files), and the XML parser openpyxl uses would either expand it or
    fail mid-read. A DTD can only stand before the root element, so each part's head suffices.
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > max_input_bytes():  # a zip bomb: small, and gigabytes unpacked
                said = too_large(unpacked).strerror
                raise InputError(str(path), [f"unpacked, {said}"])
            for info in archive.infolist():
                if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    continue
                with archive.open(info) as part:
                    head = part.read(65536)
                if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
                    head = head.decode("utf-16", errors="replace").encode()
                root = _ROOT_START.search(head)
                if _DTD_MARK.search(head, 0, root.start() if root else len(head)):
                    raise InputError(
                        str(path),
                        [
                            f"{info.filename}: declares a DTD or entities, which no XLSX file "
                            "does; not read"
                        ],
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as exc:
        raise InputError(str(path), [f"not a readable XLSX workbook: {exc}"]) from None


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """Rows of the sheet named 'articles', else of the first sheet (read-only, streamed)."""
    import zipfile
    from xml.etree.ElementTree import ParseError

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    broken = (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, ParseError,
              SyntaxError, EOFError, zlib.error)  # fmt: skip
    handle = None
    try:
        _refuse_dtds(path)
        # opened here, so that a workbook under another extension (--from xlsx) is read too
        handle = path.open("rb")
        with warnings.catch_warnings():  # openpyxl's warnings are about its reading, not ours
            warnings.simplefilter("ignore")
            book = load_workbook(handle, read_only=True, data_only=True)
    except broken as exc:
        if handle is not None:
            handle.close()
        raise InputError(str(path), [f"not a readable XLSX workbook: {exc}"]) from None
    except OSError as exc:
        if handle is not None:
            handle.close()
        raise InputError(str(path), [cannot_read(exc)]) from None
    try:
        names = {name.lower(): name for name in book.sheetnames}
        if not book.worksheets:
            raise InputError(str(path), ["no worksheet in this workbook"])
        sheet = book[names["articles"]] if "articles" in names else book.worksheets[0]
        if not hasattr(sheet, "iter_rows"):  # a chart sheet
            raise InputError(str(path), [f"sheet {sheet.title!r} holds no cells"])
        # The used range a workbook records is wrong in some programs' files (rows and columns
        # past it were never read): read every row there is instead.
        sheet.reset_dimensions()
        part = _sheet_part(path, sheet.title)
        merged = _MergedCells(_merged_ranges(part))
        formulas = _formula_cells(path, sheet.title) if _FORMULA.search(part) else {}
        # a workbook asking to be recalculated on opening holds no result worth reading
        recalculated = bool(formulas) and _recalculated_on_opening(path)
        rows = sheet.iter_rows()
        number = 0
        while True:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    cells = next(rows)
            except StopIteration:
                break
            except broken as exc:
                raise InputError(
                    str(path), [f"row {number + 1}: not readable XLSX data: {exc}"]
                ) from None
            number += 1
            values = [_xlsx_value(cell) for cell in cells]
            for index in formulas.get(number, ()):
                if index < len(cells) and (recalculated or _unsaved(cells[index])):
                    values[index] = UnsavedFormula(f"{column_letter(index)}{number}")
            yield number, merged.filled(number, values)
    finally:
        book.close()
        handle.close()


# A formula element in a sheet's XML (<f>, or <x:f> under a prefix).
_FORMULA = lazy_re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")


def _formula_cells(path: Path, title: str) -> dict[int, list[int]]:
    """Row number → the column indexes of sheet ``title``'s formula cells. The workbook is read
    a second time, for its formulas rather than their saved results (only when the sheet holds
    a formula); a part it cannot read is left to the first reading to report."""
    import zipfile
    from xml.etree.ElementTree import ParseError

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    found: dict[int, list[int]] = {}
    with path.open("rb") as handle, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book = load_workbook(handle, read_only=True, data_only=False)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, ParseError):
            return found
        try:
            sheet = book[title]
            sheet.reset_dimensions()
            for number, cells in enumerate(sheet.iter_rows(), 1):
                columns = [i for i, cell in enumerate(cells) if cell.data_type == "f"]
                if columns:
                    found[number] = columns
        except (KeyError, ValueError, ParseError, SyntaxError, EOFError, zlib.error):
            pass
        finally:
            book.close()
    return found


def _unsaved(cell: Any) -> bool:
    """Whether a formula cell holds no saved result: a workbook written by a library (not by a
    spreadsheet program) stores the formula alone. An empty text result is saved as such
    (type ``str``) by Excel and LibreOffice, so it is not one."""
    return cell.value is None and cell.data_type != "str"


def _recalculated_on_opening(path: Path) -> bool:
    """Whether the workbook asks to be recalculated when opened (``fullCalcOnLoad``): libraries
    write that, with a placeholder for each formula's result (XlsxWriter a 0, so "=A2&B2"
    would read as the title "0"); Excel and LibreOffice do not, as they save real results."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            book = etree.fromstring(archive.read("xl/workbook.xml"), _PARSER)
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError):
        return False
    calc = book.find(f"{{{_MAIN_NS}}}calcPr")
    return calc is not None and calc.get("fullCalcOnLoad") in ("1", "true")


_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _sheet_part(path: Path, title: str) -> bytes:
    """The XML of sheet ``title``, as the workbook's own part (empty when it cannot be found).
    (The parts were checked for DTDs before, by ``_refuse_dtds``.)"""
    import posixpath
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            book = etree.fromstring(archive.read("xl/workbook.xml"), _PARSER)
            rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"), _PARSER)
            rid = next(
                (sheet.get(f"{{{_REL_NS}}}id") for sheet in book.iter(f"{{{_MAIN_NS}}}sheet")
                 if sheet.get("name") == title),
                None,
            )  # fmt: skip
            target = next(
                (rel.get("Target", "") for rel in rels.iter(f"{{{_PACKAGE_REL_NS}}}Relationship")
                 if rel.get("Id") == rid),
                "",
            )  # fmt: skip
            part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            return archive.read(posixpath.normpath(part))
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError):
        return b""


def _merged_ranges(part: bytes) -> list[tuple[int, int, int, int]]:
    """The merged cells of a sheet's part as (first column, first row, last column, last row):
    read-only workbooks do not give them."""
    from openpyxl.utils.cell import range_boundaries

    if b"mergeCell" not in part:
        return []
    sheet = etree.fromstring(part, _PARSER)
    ranges = []
    for cell in sheet.iter(f"{{{_MAIN_NS}}}mergeCell"):
        try:
            ranges.append(range_boundaries(cell.get("ref", "")))
        except (TypeError, ValueError):
            continue
    return [r for r in ranges if None not in r]


class _MergedCells:
    """Merged cells read as their value in every row and column they cover: an editor who
    merges the volume of an issue's rows means that volume for each of them (openpyxl gives
    the value to the first cell only)."""

    def __init__(self, ranges: list[tuple[int, int, int, int]]) -> None:
        # row → (column, the range's first cell) for every cell a merged range covers
        self.by_row: dict[int, list[tuple[int, tuple[int, int]]]] = {}
        for first_col, first_row, last_col, last_row in ranges:
            for row in range(first_row, last_row + 1):
                cells = self.by_row.setdefault(row, [])
                cells.extend(
                    (col, (first_row, first_col)) for col in range(first_col, last_col + 1)
                )
        self.values: dict[tuple[int, int], Any] = {}

    def filled(self, row: int, values: list[Any]) -> list[Any]:
        for col, anchor in self.by_row.get(row, ()):
            while len(values) < col:
                values.append(None)
            if anchor == (row, col):
                self.values[anchor] = values[col - 1]
            else:
                values[col - 1] = self.values.get(anchor)
        return values


# What a formula that failed leaves in a cell (shown as typed in Excel, in every language).
_EXCEL_ERRORS = frozenset(
    {"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#GETTING_DATA",
     "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CellError:
    """An Excel error value (``#N/A``) in a cell: refused where it stands, never taken as text;
    ``why`` the cause when it is known."""

    code: str
    why: str = "a formula that failed"


@dataclass(frozen=True, slots=True)
class UnsavedFormula:
    """A formula cell whose result was never saved (``cell``: its reference, ``C3``): openpyxl
    reads it as empty, so a title made by ``=A3&" "&B3`` would be missing without a word."""

    cell: str


_UNSAVED = "a formula with no saved result; open and save the file in Excel or LibreOffice"


@dataclass(frozen=True, slots=True)
class MonthDate:
    """A date cell shown without its day ("сентябрь 2018", format ``mmmm yyyy``): the month is
    what the editor gave, not its first day."""

    year: int
    month: int


def _xlsx_value(cell: Any) -> Any:
    """A cell's value, with what its type and format say that the value alone does not."""
    value = cell.value
    if isinstance(value, str):
        if cell.data_type == "e" or value.strip() in _EXCEL_ERRORS:
            if value == "#VALUE!" and "y" in _shown(cell):  # openpyxl's reading of a number
                why = "a number in a cell formatted as a date, too large for one"  # past dates
                return CellError(value, why)
            return CellError(value.strip())
    elif isinstance(value, dt.date) and "d" not in (shown := _shown(cell)) and "y" in shown:
        return MonthDate(value.year, value.month)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        return _zero_padded(value, getattr(cell, "number_format", "") or "") or value
    return value


# A format of zeros alone, or in groups ("00000", Excel's Zip Code; "00000\-0000", ZIP+4).
_ZEROS = lazy_re.compile(r"0+(?:[- ]0+)*")


def _zero_padded(value: float, number_format: str) -> str | None:
    """A whole number as a zero-padded format shows it: Excel keeps a ZIP code typed 02115 as
    2115, shown as 02115 by the cell's format (read as 2115, 'Boston, MA 2115', until
    4 December 2026). None for any other number or format."""
    if not float(value).is_integer() or value < 0:
        return None
    written = re.sub(r"\[[^\]]*\]", "", number_format)  # ([$-409], [Red]: no characters shown)
    written = re.sub(r"\\([- ])", r"\1", written)  # (Excel writes ZIP+4 as 00000\-0000)
    digits = str(int(value))
    zeros = written.count("0")
    if not _ZEROS.fullmatch(written) or len(digits) > zeros:
        return None
    fill = iter(digits.rjust(zeros, "0"))
    shown = "".join(next(fill) if char == "0" else char for char in written)
    return shown if shown != digits else None  # (a number "0" shows as it is stays one)


def _shown(cell: Any) -> str:
    """A cell's number format without its literal text ("г.", [$-419]), lower-cased."""
    return re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", getattr(cell, "number_format", "") or "").lower()


def _names_columns(values: list[Any]) -> bool:
    """Whether a row's cells are column names: one at least, and no text that names none."""
    names = [str(v).strip() for v in values if v is not None and str(v).strip()]
    try:
        return any(_parse_header(name) for name in names)
    except ValueError:
        return False


def _header_below(
    number: int, header: list[str], rows: Iterator[tuple[int, list[Any]]]
) -> list[str]:
    """The one problem of a sheet whose first row names no column and a row below it does (a
    title, 'Японоведение в России, 2018, т. 1, № 1', or group headings merged above the column
    names, as editors lay a sheet out), where each of row 1's texts was 'not a column name'
    and a merged one 'given twice'; none when no row a little below names the columns."""
    texts = [name.strip() for name in header if name.strip()]
    if not texts or any(_known(name) for name in texts):
        return []
    for below, values in itertools.islice(rows, 5):
        if _names_columns(values):
            return [
                f"row {number} names no column ({texts[0]!r}), row {below} does: the first "
                f"row names the columns, so delete the row{'s' if below - number > 1 else ''} "
                f"above row {below} (a title or headings over the column names)"
            ]
    return []


def _known(name: str) -> bool:
    try:
        return _parse_header(name) is not None
    except ValueError:
        return False


def iter_rows(
    path: Path,
    encoding: str | None = None,
    delimiter: str | None = None,
    kind: str | None = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number, {column: value}) for every non-empty row; header problems, and a sheet
    with no rows, raise InputError.

    The values are plain (picklable) data, so a batch can hand rows to worker processes.
    ``encoding`` and ``delimiter`` apply to CSV (None: detected, see ``csv_dialect``);
    ``kind`` (``csv`` or ``xlsx``, as ``--from`` says) wins over the file's extension.
    """
    try:  # (read as a stream, but a batch keeps every row's values: the same limit holds)
        check_size(path.stat().st_size)
    except OSError as exc:
        raise InputError(str(path), [cannot_read(exc)]) from None
    if kind == "xlsx" or (kind != "csv" and path.suffix.lower() in (".xlsx", ".xlsm")):
        rows = _xlsx_rows(path)
    else:
        rows = _csv_rows(path, encoding, delimiter)
    header: list[str] | None = None
    given = 0
    for number, values in rows:
        if header is None:
            unsaved = [v.cell for v in values if isinstance(v, UnsavedFormula)]
            problems = [f"row 1 ({cell}): the column's name is {_UNSAVED}" for cell in unsaved]
            header = ["" if v is None or isinstance(v, UnsavedFormula) else str(v) for v in values]
            for name in header:
                try:
                    _parse_header(name)
                except ValueError as exc:
                    problems.append(str(exc))
            seen: set[str] = set()
            for name in header:
                key = name.strip().lower()
                if key and not key.startswith("#") and key in seen:
                    problems.append(f"column {name!r}: given twice")
                seen.add(key)
            if not any(h.strip() for h in header):
                problems.append("row 1: no column names (the first row names the columns)")
            if problems:
                raise InputError(str(path), _header_below(number, header, rows) or problems)
            continue
        row: dict[str, Any] = {}
        unnamed: list[str] = []
        problems = []
        for index, value in enumerate(values):
            name = header[index].strip() if index < len(header) else ""
            if name.startswith("#") or _cell(value) is None:
                continue
            if not name:
                unnamed.append(column_letter(index))
            elif isinstance(value, UnsavedFormula):
                problems.append(f"column {name} ({value.cell}): {_UNSAVED}")
            elif isinstance(value, CellError):
                problems.append(
                    f"column {name}: the cell holds Excel's error {value.code} ({value.why}): "
                    "correct it or clear the cell"
                )
            elif isinstance(value, dt.time | dt.timedelta):  # (no field holds a time)
                problems.append(
                    f"column {name}: the cell holds a time ({_clock(value)}), as spreadsheet "
                    "programs make of '12:30': format the cell as text and type it again"
                )
            elif isinstance(value, dt.date | MonthDate) and not _takes_dates(name):
                problems.append(
                    f"column {name}: the cell holds a date ({_cell(value)}), as spreadsheet "
                    "programs make of '3-4' or '1/2': format the cell as text and type it again"
                )
            else:
                row[name] = _cell(value)
        if unnamed:
            problems.append(
                f"values in columns that have no name ({', '.join(unnamed)}): name them in "
                "the first row, or start the name with '#' to leave the column out"
            )
        if problems:
            row["#problems"] = problems
        if row:
            given += 1
            yield number, row
    if header is None:
        raise InputError(str(path), ["empty spreadsheet: no header row"])
    if not given:
        raise InputError(str(path), ["no rows under the header row"])


# ------------------------------------------------------------------ rows → article data


# The label a keyword list or an abstract is pasted with from the manuscript ('Ключевые слова:
# Япония; …', 'Аннотация. В статье …', or the label on a line of its own, as a heading is
# pasted): no keyword, no part of the abstract.
_KEYWORDS_LABEL = lazy_re.compile(
    r"^\s*(?:ключевые\s+слова|ключові\s+слова|key\s*words|index\s+terms)"
    r"(?:\s*[:.]|\s+[—–-]|[ \t]*(?=[\r\n]))\s*",
    re.IGNORECASE,
)
_ABSTRACT_LABEL = lazy_re.compile(
    r"^\s*(?:аннотация|резюме|анотація|abstract|summary)(?:\s*[:.]|\s+[—–-]|[ \t]*(?=[\r\n]))"
    r"\s*(?=\S)",
    re.IGNORECASE,
)


def _unlabelled(
    text: str, label: lazy_re.LazyPattern[str], header: str, notices: list[Notice]
) -> str:
    """``text`` without the label it was pasted with, said (it was the first keyword,
    'Ключевые слова: Япония', or the abstract's first words)."""
    found = label.match(text)
    if not found:
        return text
    notices.append(
        Notice(f"column {header}: {found.group().strip()!r} is a label: left out", SIMPLIFIED)
    )
    return text[found.end() :]


def _set(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def row_to_data(row: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str], list[Notice]]:
    """The article data of one row, the column each field path came from (for messages), and
    what reading it changed (a list heading left out of a ``references:LANG`` cell)."""
    if "#problems" in row:
        raise InputError("", row["#problems"])
    columns = [(_parse_header(header), value) for header, value in row.items()]
    main = next(
        (str(v).replace("_", "-") for c, v in columns if c and c.base == "language" and not c.num),
        "en",
    )
    data: dict[str, Any] = {}
    origin: dict[str, str] = {}
    notices: list[Notice] = []
    numbered: dict[str, dict[int, _Item]] = {}
    one_cell: dict[str, dict[str, str]] = {}
    given = _Given(main, has_language=any(c and c.base == "language" for c, _ in columns))
    dotted: list[str] = []
    example: tuple[str, str] | None = None
    for column, value in columns:
        if column is None:
            continue
        header = column.header
        lang = column.lang or main
        base, part = column.base, column.part
        given.claim(column, lang)
        if (
            isinstance(value, int | str)
            and _takes_dates(header)
            and _DAY_NUMBER.fullmatch(str(value))
        ):
            raise InputError("", [_day_number(header, int(value))])
        if isinstance(value, str) and _takes_dates(header):
            _refuse_impossible_dotted(value, header)
            read = _dotted_read(value, base in _LISTS)
            if read != value:
                dotted.append(header)
                example = example or (value, read)
                value = read
        if column.num is None:
            if base in _SCALARS:
                path = _SCALARS[base]
                if base in _LISTS:
                    value = _split(value, _SEMI_SPLIT)
                elif base == "copyright.year":
                    value = _year_of(value)
                elif base == "preprint":  # yes/no, as an author's corresponding
                    value = _flag(value, header)
                _set(data, path, value)
                origin[".".join(path)] = header
            elif base in _SELF_URI:
                data.setdefault("self_uri", []).append({"url": value, "type": _SELF_URI[base]})
            elif base == "pages":  # '110-119', '110', 'e1001', '1-5, 9': as editors keep them
                for name, page in split_pages(str(value)).items():
                    data[name] = page
                    origin[name] = header
            elif base == "keywords":
                text = _unlabelled(str(value), _KEYWORDS_LABEL, header, notices)
                # with neither ';' nor a line break, the model splits at commas, as in YAML;
                # with none of those either, at full stops, as Russian journals type a list
                # ('Япония. Экономика. Рост') and a landing page's tag is read
                listed = _split(text, _MULTI_SPLIT) if _MULTI_SPLIT.search(text) else text
                if isinstance(listed, str) and "," not in listed:
                    parts = full_stop_list(listed)
                    if len(parts) > 1:
                        listed = [without_final_full_stop(part.strip()) for part in parts]
                        notices.append(
                            Notice(
                                f"column {header}: keywords separated by full stops: read as "
                                f"{len(listed)} keywords",
                                SIMPLIFIED,
                            )
                        )
                if ";" in text:  # (a comma is then no separator: one kept inside a keyword is said)
                    mixed = [word for word in listed if stray_comma(word)]
                    if mixed:
                        notices.append(
                            Notice(
                                f"column {header}: {_keywords_with_commas(mixed)} in a list "
                                "separated by ';': kept as typed (if it is several keywords, "
                                "separate them by ';')",
                                SIMPLIFIED,
                            )
                        )
                data.setdefault("keywords", {})[lang] = listed
                origin[f"keywords.{lang}"] = header
            elif base in ("authors", "references"):
                one_cell.setdefault(base, {})[lang] = value
                origin[base] = header
            else:
                path = (*_PER_LANG[base], lang)
                text = str(value)  # a title typed as a number (1968) is its text
                if base == "abstract":
                    text = _unlabelled(text, _ABSTRACT_LABEL, header, notices)
                if base in _ONE_LINE and _LINE_SPLIT.search(text):
                    text = _LINE_SPLIT.sub(" ", text)
                    notices.append(
                        Notice(f"column {header}: a line break in a title is a space", SIMPLIFIED)
                    )
                _set(data, path, text)
                origin[".".join(path[:-1])] = header
                origin[".".join(path)] = header  # (a finding names the language's: abstract.en)
            continue
        item = numbered.setdefault(base, {}).setdefault(column.num, {})
        key = (part or "", lang)
        if part in _LISTS:
            value = _split(value, _SEMI_SPLIT)
        elif base == "keyword" and not part:
            value = str(value)
        item[key] = (value, header)
    given.check()
    _authors(data, numbered.get("author", {}), one_cell.get("authors", {}), main, origin, notices)
    _affiliations(data, numbered.get("aff", {}), main, origin)
    _references(
        data, numbered.get("reference", {}), one_cell.get("references", {}), origin, notices
    )
    _keywords(data, numbered.get("keyword", {}), origin)
    _funders(data, numbered.get("funder", {}), origin)
    _related(data, numbered.get("related", {}), origin)
    if dotted and example:
        notices.append(
            Notice(
                f"{_columns(dotted)}: dates typed day.month.year, as Russian and other "
                f"European spreadsheets save them: {example[0]!r} read as {example[1]}",
                SIMPLIFIED,
            )
        )
    return data, origin, notices


# A date as Russian, German … Excel shows and saves it in a CSV file, day.month.year
# ('20.12.2018', '1.9.2018'): in a date column nothing else writes a year last after dots
# (a month-first date is written with slashes), so it is read, not refused as a YAML date
# typed so is (there nothing says the text came from such a program).
_DOTTED_DATE = lazy_re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")


# 'г.' (год, year) typed after a date, '04.12.2018 г.', as Russian documents write dates.
_YEAR_WORD = lazy_re.compile(r"(?<=\d)\s*г(?:\.|ода?\b)?(?=\s*(?:;|$))")
_ISO_DATES = lazy_re.compile(r"\d{4}(?:-\d{2}){0,2}(?:\s*;\s*\d{4}(?:-\d{2}){0,2})*")


def _dotted_read(value: str, several: bool) -> str:
    """A date cell's day.month.year dates as ISO dates ('04.12.2018 г.' → '2018-12-04'); a
    cell that is then no list of dates stays as typed, for the refusal to name it as the
    sheet shows it (it named '2018-12-04 г.', a text nobody typed), and so does one of several
    dates in a column that takes one (``several`` false: it named '2018-12-04; 2018-12-05')."""
    read = _DOTTED_DATE.sub(_iso_date, value)
    if read == value:
        return value
    read = _YEAR_WORD.sub("", read).strip()
    if not several and ";" in read:
        return value
    return read if _ISO_DATES.fullmatch(read) else value


def _iso_date(match: re.Match[str]) -> str:
    """``20.12.2018`` as ``2018-12-20`` (an impossible day, 31.02.2018, and a month over 12,
    12.20.2018, are refused before, as typed: ``_refuse_impossible_dotted``)."""
    if not 1 <= int(match[2]) <= 12:
        return match[0]
    return f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"


def _refuse_impossible_dotted(value: str, header: str) -> None:
    """Refuse a date typed day.month.year that is no date, naming it as the cell shows it
    ('31.02.2018'), where the model named the ISO form it was read as ('2018-02-31'), which
    the spreadsheet does not show; a month over 12 says the day and month may be swapped."""
    for match in _DOTTED_DATE.finditer(value):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        if 1 <= month <= 12:
            last = calendar.monthrange(year, month)[1] if year else 31
            if not 1 <= day <= last:
                raise InputError(
                    "",
                    [f"column {header}: {match[0]!r} is no date: "
                     + (f"{year}-{month:02d} has {last} days" if day else "no day 0")],
                )  # fmt: skip
        elif 1 <= day <= 12 and 12 < month <= 31:
            raise InputError(
                "",
                [f"column {header}: {match[0]!r} has no month {month}: a date is typed "
                 f"day.month.year, {month:02d}.{day:02d}.{year} (or {year}-{day:02d}-"
                 f"{month:02d}) if month.day.year was typed"],
            )  # fmt: skip


# The number a spreadsheet keeps a day of 1927–2173 as (days since 1899-12-30).
_DAY_NUMBER = lazy_re.compile(r"[1-9]\d{4}")


def _day_number(header: str, value: int) -> str:
    """A date cell whose format was lost (pasted as values, or set to General) shows the
    number a spreadsheet keeps a day as, 43454: the date it stands for is said, not read (a
    number in a date column may be anything typed there)."""
    day = dt.date(1899, 12, 30) + dt.timedelta(days=value)
    return (
        f"column {header}: {value} is a number, not a date: a spreadsheet keeps "
        f"{day.isoformat()} as {value}, so the cell lost its date format; format it as a date, "
        f"or type the date ({day.isoformat()})"
    )


def _columns(headers: list[str]) -> str:
    return ("column " if len(headers) == 1 else "columns ") + ", ".join(headers)


_Item = dict[tuple[str, str], tuple[Any, str]]
# One field of the article data a column gives: two columns giving one are refused.
_FIELD_OF_PAGES = {"pages": ("fpage", "lpage", "page_range")}


class _Given:
    """Which column gives each field of a row, so that two columns giving one field are
    refused instead of the later silently replacing the earlier: ``title`` and ``title:en``
    in a row without a ``language`` column (columns without ``:LANG`` are then in English),
    ``pages`` and ``fpage``, ``author01.orcid`` and ``author1.orcid``."""

    def __init__(self, main: str, *, has_language: bool) -> None:
        self.main = main
        self.has_language = has_language
        self.by_field: dict[tuple[Any, ...], str] = {}
        self.problems: list[str] = []

    def claim(self, column: _Column, lang: str) -> None:
        for field in self._fields(column, lang):
            first = self.by_field.setdefault(field, column.header)
            if first != column.header:
                self.problems.append(self._clash(first, column.header))
                return

    def _fields(self, column: _Column, lang: str) -> list[tuple[Any, ...]]:
        base = column.base
        if column.num is not None:
            return [(base, column.num, column.part or "", lang)]
        if base in _FIELD_OF_PAGES:
            return [(name,) for name in _FIELD_OF_PAGES[base]]
        if base in _SCALARS or base in _SELF_URI:
            return [(base,)]
        return [(base, lang)]

    def _clash(self, first: str, second: str) -> str:
        said = f"columns {first} and {second} give the same field: keep one"
        if ":" in first + second and not (":" in first and ":" in second):
            where = "" if self.has_language else ", as the row has no language column"
            said += f" (a column without ':LANG' is in the article's language, {self.main}{where})"
        return said

    def check(self) -> None:
        if self.problems:
            raise InputError("", self.problems)


def _year_of(value: Any) -> Any:
    """A copyright year given as a date cell (2018-09-01, or 2018-09) is its year."""
    if isinstance(value, str) and (found := re.fullmatch(r"(\d{4})-\d\d(?:-\d\d)?", value)):
        return int(found[1])
    return value


def _numbered(
    listed: list[dict[str, Any]],
    items: dict[int, _Item],
    number: int,
    position: int,
    cells: dict[str, str],
    column: str,
) -> tuple[int, dict[str, Any]]:
    """The index and entry the columns of item ``number`` fill: with the entries given in one
    cell (``column:…``), the ``number``-th of those in ``listed``; else a new entry appended."""
    if cells:
        index = number - 1
        if index >= len(listed):
            header = next(iter(items[number].values()))[1]
            raise InputError(
                "", [f"column {header}: {column}:… in one cell lists only {len(listed)}"]
            )
        return index, listed[index]
    entry: dict[str, Any] = {}
    listed.append(entry)
    return position, entry


def _authors(
    data: dict[str, Any],
    items: dict[int, _Item],
    cells: dict[str, str],
    main: str,
    origin: dict[str, str],
    notices: list[Notice],
) -> None:
    authors: list[dict[str, Any]] = []
    if cells:
        per_lang = {lang: _split(text, _MULTI_SPLIT) for lang, text in cells.items()}
        for lang, names in per_lang.items():
            _one_name_each(names, f"authors:{lang}")
        _same_count(per_lang, "authors", "names", "the N-th name of each is the same person's")
        count = max(len(names) for names in per_lang.values())
        cased: list[str] = []  # (the cells whose capitals were said)
        for index in range(count):
            names = {}
            for lang, listed in per_lang.items():
                if index < len(listed):
                    _no_marks(listed[index], f"authors:{lang}", index + 1)
                    names[lang] = _name_form(listed[index])
                    if _capitals_cased(names[lang]) and lang not in cased:
                        cased.append(lang)
                        notices.append(
                            Notice(
                                f"column authors:{lang}: surnames in capitals, as a title page "
                                "prints them, written in ordinary case "
                                f"({listed[index]!r}: {names[lang]['surname']!r})",
                                SIMPLIFIED,
                            )
                        )
                    origin[f"authors[{index}].name.{lang}"] = f"authors:{lang}"
            authors.append({"name": names})
            origin[f"authors[{index}]"] = f"authors:{next(iter(cells))}"
    for position, number in enumerate(sorted(items)):
        # With the names in one cell, authorN.PART columns add to the N-th of them.
        index, person = _numbered(authors, items, number, position, cells, "authors")
        aff: dict[str, Any] = {}
        for (part, lang), (value, header) in items[number].items():
            if part in _NAME_PARTS and cells:
                raise InputError(
                    "", [f"column {header}: names are given in one cell (authors:…): use one way"]
                )
            if part in _NAME_PARTS:
                person.setdefault("name", {}).setdefault(lang, {})[part] = value
                origin[f"authors[{index}].name.{lang}.{part}"] = header
            elif part in _AFF_LANG_PARTS:
                aff.setdefault(part, {})[lang] = value
                origin[f"authors[{index}].affiliations[0].{part}"] = header
            elif part in _AFF_PARTS:
                aff[part] = value
                origin[f"authors[{index}].affiliations[0].{part}"] = header
            elif part == "corresponding":
                person[part] = _flag(value, header)
            elif part == "affiliations":
                person[part] = _affiliation_ids(value, header)
                origin[f"authors[{index}].{part}"] = header
            else:
                person[part] = value
                origin[f"authors[{index}].{part}"] = header
        if aff:
            person["affiliations"] = [*person.get("affiliations", []), aff]
        _numbered_capitals_cased(person, items[number], notices)
        origin.setdefault(f"authors[{index}]", f"author{number}")
    if authors:
        data["authors"] = authors


# A name with its initials in one piece, "Иванов И.И." or "I. I. Ivanov": two of them between
# commas are several names ("Иванов И.И., Петров П.П."), not "Surname, Given names".
_NAME_WITH_INITIALS = lazy_re.compile(
    r"^(?:[^\W\d_][\w'’-]+\s+(?:[^\W\d_]{1,2}\.\s*){1,3}|(?:[^\W\d_]{1,2}\.\s*){1,3}[^\W\d_][\w'’-]+)$"
)


_INITIALS = lazy_re.compile(r"(?:[^\W\d_]{1,2}\.\s*){1,3}")


def _name_form(item: str) -> dict[str, str]:
    """One name of an ``authors:LANG`` cell: 'Surname, Given names', or a name with its initials
    in one piece as Russian journals list authors ('Иванов И. И.', 'I. I. Ivanov'), whose
    initials are the given names (read whole, it was a surname 'Иванов И. И.', unsaid)."""
    surname, comma, given = item.partition(",")
    text = item.strip()
    if not comma and _NAME_WITH_INITIALS.match(text):
        lead = _INITIALS.match(text)
        if lead:  # 'I. I. Ivanov'
            surname, given = text[lead.end() :], lead.group()
        else:  # 'Иванов И. И.'
            surname, _, given = text.partition(" ")
    form = {"surname": surname.strip()} if surname.strip() else {}
    if given.strip():
        form["given"] = given.strip()
    return form


# Affiliation marks typed after a name, as the article's title page prints them ('Иванов,
# Иван Иванович1,2', 'Ivanov I.¹', 'Petrov P.*'): digits, superscript digits, '*', after a letter
# or a full stop.
_MARKS_AFTER = lazy_re.compile(r"(?<=[^\W\d_.]|\.)\s*([\d¹²³⁴-⁹*†]+(?:\s*,\s*[\d¹²³⁴-⁹*†]+)*)$")


def _no_marks(name: str, column: str, number: int) -> None:
    """Refuse a name that ends in the marks of its affiliations ('Олегович1,2'): they stood
    in the given names (<given-names>Валерий Олегович1,2</given-names>, and in Crossref's
    deposit), unsaid; the row says where the affiliations go."""
    found = _MARKS_AFTER.search(name)
    # (a number after a space in a name with neither a comma nor initials ends a group's
    # name, 'Consortium 2020', 'Группа исследователей 2': no person's name, no marks)
    if found and found.start() != found.start(1) and found[1].isascii():
        found = found if "," in name[: found.start()] or "." in name else None
    if found:
        raise InputError(
            "",
            [f"{column}: {name!r} ends in marks ({found[1]}), as a title page prints them: "
             f"leave them out of the name, and give the affiliations in author{number}."
             "affiliations (1, 2 for the aff1, aff2 columns; a corresponding author in "
             f"author{number}.corresponding)"],
        )  # fmt: skip


# The suffixes of a name that are Roman numerals ('Pace III'), as ``converter.text`` lists them.
_ROMAN = frozenset({"II", "III", "IV"})


def _capitals_cased(form: dict[str, str]) -> bool:
    """Write a surname typed in capitals ('СТРЕЛЬЦОВ Д. В.', 'IVANOV, Ivan'; given names in
    capitals too when the whole name is, 'SMITH, JOHN') in ordinary case, as the readers of
    landing pages do (``converter.name_case``); whether it was (it went into the JATS and
    Crossref's deposit in capitals)."""
    surname, given = form.get("surname", ""), form.get("given")
    # (a name with no given names is a group's or a body's as often as a person's, 'WHO',
    # 'ООО «НПП»': its capitals are kept, as typed; a number a spreadsheet keeps in a name's
    # cell is left to the model, which names its field)
    if not surname or not given or not isinstance(surname, str) or not isinstance(given, str):
        return False
    if not all(in_capitals(word) for word in surname.split()):
        return False
    # (a suffix after the surname, 'SMITH III', keeps its capitals: it was 'Smith Iii')
    head, _, last = surname.rpartition(" ")
    kept = bool(head) and last in _ROMAN
    form["surname"] = f"{ordinary_case(head)} {last}" if kept else ordinary_case(surname)
    if not has_small_letters(given):
        form["given"] = ordinary_case(given)
    return True


def _keywords_with_commas(words: list[str]) -> str:
    """'keyword 'Россия, санкции' holds a comma', or 'keywords 'a, b', 'c, d' hold commas'."""
    listed = ", ".join(repr(word) for word in words)
    return (
        f"keyword {listed} holds a comma" if len(words) == 1 else f"keywords {listed} hold commas"
    )


def _numbered_capitals_cased(person: dict[str, Any], cells: _Item, notices: list[Notice]) -> None:
    """A surname typed in capitals in an ``authorN.surname`` column is written in ordinary
    case, said naming the column, as one in an ``authors:LANG`` cell is (until 4 December 2026
    it kept its capitals there, unsaid)."""
    for lang, form in person.get("name", {}).items():
        typed = form.get("surname", "")
        if _capitals_cased(form):
            header = cells.get(("surname", lang), ("", "surname"))[1]
            notices.append(
                Notice(
                    f"column {header}: a surname in capitals, as a title page prints it, "
                    f"written in ordinary case ({typed!r}: {form['surname']!r})",
                    SIMPLIFIED,
                )
            )


def _one_name_each(names: list[str], column: str) -> None:
    """Refuse a cell item holding several names separated by commas, the way Russian papers
    list authors ("Иванов И.И., Петров П.П."): read as "Surname, Given names" it was one
    person with the surname "Иванов И.И."."""
    for name in names:
        parts = [part.strip() for part in name.split(",")]
        if sum(bool(_NAME_WITH_INITIALS.match(part)) for part in parts) > 1:
            raise InputError(
                "",
                [f"{column}: {name!r} holds several names: write one a line (or separate them "
                 "with ';'), each as 'Surname, Given names'"],
            )  # fmt: skip


# An author's affiliations as editors number them: '1', '1, 2', 'aff1, aff2'.
_DECIMAL = lazy_re.compile(r"\d+\.\d+")
_AFF_NUMBERS = lazy_re.compile(r"(?:aff)?\d+(?:\s*,\s*(?:aff)?\d+)*", re.IGNORECASE)


def _affiliation_ids(value: Any, header: str) -> Any:
    """The ``affN`` ids an ``authorN.affiliations`` cell names: '1' is ``aff1`` (the column
    ``aff1.…``), and ids may be separated by commas too ('1, 2'), as editors number an
    author's affiliations; until 4 December 2026 both refused the row as 'not an id'."""
    if not isinstance(value, list):
        return value
    ids: list[str] = []
    for item in value:
        if _DECIMAL.fullmatch(item.strip()):
            # (a spreadsheet set to a decimal comma keeps '1,2' typed in a cell as the number
            # 1.2, and '1,10' as 1.1: which affiliations were meant is lost)
            raise InputError(
                "",
                [f"column {header}: {item.strip()!r} is a number: a spreadsheet with a decimal "
                 "comma reads '1,2' as one number, so type the affiliations as '1; 2' or "
                 "'1, 2' (with a space), or format the cell as text"],
            )  # fmt: skip
        if _AFF_NUMBERS.fullmatch(item.strip()):
            pieces = [piece.strip() for piece in item.split(",")]
            ids += [f"aff{p}" if p.isdigit() else p.lower() for p in pieces]
        else:
            ids.append(item)
    return ids


def _flag(value: Any, header: str) -> bool:
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError("", [f"column {header}: expected yes or no, got {value!r}"])


def _affiliations(
    data: dict[str, Any], items: dict[int, _Item], main: str, origin: dict[str, str]
) -> None:
    affs = []
    for index, number in enumerate(sorted(items)):
        aff: dict[str, Any] = {"id": f"aff{number}"}
        for (part, lang), (value, header) in items[number].items():
            if part in _AFF_LANG_PARTS:
                aff.setdefault(part, {})[lang] = value
            else:
                aff[part] = value
            origin[f"affiliations[{index}].{part}"] = header
        origin.setdefault(f"affiliations[{index}]", f"aff{number}")
        affs.append(aff)
    if affs:
        data["affiliations"] = affs


def _references_in_cells(cells: dict[str, str], notices: list[Notice]) -> list[dict[str, Any]]:
    """The references of ``references:LANG`` cells, one a line: list headings pasted with them
    ("Список литературы", "References") left out; one cell holding both lists of a Russian
    article (the references as written, then their Latin-script form) read as one list in two
    forms; two cells paired line by line, so they must list as many references."""
    if len(cells) == 1:
        [(lang, text)] = cells.items()
        listed, said = pair_lists(_cell_lines(text, lang, notices), lang, f"references:{lang}")
        if said:
            notices.append(Notice(said, SIMPLIFIED))
        return [ref if isinstance(ref, dict) else _filed(ref, lang) for ref in listed]
    per_lang: dict[str, list[str]] = {}
    for lang, text in cells.items():
        lines = _cell_lines(text, lang, notices)
        per_lang[lang], said = headings_left_out(lines, f"references:{lang}")
        if said:
            notices.append(Notice(said, SIMPLIFIED))
    _same_count(
        per_lang, "references", "references", "the N-th line of each is one reference in two forms"
    )
    _same_numbers(per_lang)
    count = len(next(iter(per_lang.values())))
    refs: list[dict[str, Any]] = []
    for i in range(count):
        texts = {lang: lines[i] for lang, lines in per_lang.items()}
        (lang, text), *_ = texts.items()
        refs.append(_filed(text, lang) if len(set(texts.values())) == 1 else {"text": texts})
    return refs


def _cell_lines(text: Any, lang: str, notices: list[Notice]) -> list[str]:
    """The references of a ``references:LANG`` cell, one a line, as the web form's reference
    box reads them (``reference_lines``): a line that goes on from the one before — no number
    under a numbered list, or after a line ending '… //' or a comma — is part of that reference,
    a line break pasted inside it (until 4 December 2026 it was a reference of its own, and two
    cells of one list were refused as listing different numbers of references)."""
    found = _split(text, _LINE_SPLIT)
    lines = reference_lines(str(text))
    if len(lines) < len(found):
        joined = len(found) - len(lines)
        notices.append(
            Notice(
                f"column references:{lang}: {joined} line{'s' if joined > 1 else ''} read as "
                "going on from the line before (a line break inside a reference): joined to it",
                SIMPLIFIED,
            )
        )
    return lines


def _filed(text: str, lang: str) -> dict[str, Any]:
    """A reference of one text, under the language its script tells against the cell's
    (``alphabets.reference_language``), as OJS citations are filed: an English work in a
    Russian list (``references:ru``), or the same line in both cells, is English."""
    return {"text": {alphabets.reference_language(text, lang): text}}


def _same_numbers(per_lang: dict[str, list[str]]) -> None:
    """Refuse reference cells numbered throughout whose numbers differ line by line (1, 2, 3
    against 1, 3, 4): a reference is missing from one, and pairing by line would pair the
    wrong ones."""
    numbers = {
        lang: [found[1] if (found := list_number(line)) else None for line in lines]
        for lang, lines in per_lang.items()
    }
    if any(None in listed for listed in numbers.values()):
        return
    (lang, listed), *others = numbers.items()
    for other, theirs in others:
        if theirs != listed:
            line = next(i for i, (a, b) in enumerate(zip(listed, theirs, strict=True), 1) if a != b)
            raise InputError(
                "",
                [f"references: line {line} of references:{lang} is numbered {listed[line - 1]} "
                 f"and of references:{other} {theirs[line - 1]}: the N-th line of each is one "
                 "reference in two forms, so give every one in each cell, in the same order"],
            )  # fmt: skip


def _same_count(per_lang: dict[str, list[str]], column: str, things: str, pairing: str) -> None:
    """Refuse cells of a list in several languages that list different numbers of items: the
    N-th line of each is the same item, so one line missing pairs every later one wrongly."""
    counts = {lang: len(items) for lang, items in per_lang.items()}
    if len(set(counts.values())) > 1:
        listed = " and ".join(f"{column}:{lang} {n}" for lang, n in counts.items())
        raise InputError(
            "",
            [f"{column}: the cells list different numbers of {things} ({listed}): {pairing}, "
             "so give every one in each cell, in the same order"],
        )  # fmt: skip


def _references(
    data: dict[str, Any],
    items: dict[int, _Item],
    cells: dict[str, str],
    origin: dict[str, str],
    notices: list[Notice],
) -> None:
    refs: list[dict[str, Any]] = []
    if cells:
        refs = _references_in_cells(cells, notices)
        for index in range(len(refs)):
            origin[f"references[{index}]"] = f"references:{next(iter(cells))}"
            for lang in cells:
                origin[f"references[{index}].text.{lang}"] = f"references:{lang}"
    for position, number in enumerate(sorted(items)):
        # With the texts in one cell, referenceN.PART columns add to the N-th of them.
        index, ref = _numbered(refs, items, number, position, cells, "references")
        for (part, lang), (value, header) in items[number].items():
            if not part and cells:
                raise InputError(
                    "",
                    [f"column {header}: texts are given in one cell (references:…): use one way"],
                )
            if part:
                if part == "arxiv" and isinstance(value, int | float):
                    raise InputError(
                        "",
                        [f"column {header}: the arXiv identifier is stored as a number ({value}): "
                         "format the cell as text and type it again"],
                    )  # fmt: skip
                if part in _DIGIT_IDS and isinstance(value, int):
                    value = str(value)
                ref[part] = _flag(value, header) if part == "etal" else value
                origin[f"references[{index}].{part}"] = header
            else:
                ref.setdefault("text", {})[lang] = value
                origin[f"references[{index}].text"] = header
        origin.setdefault(f"references[{index}]", f"reference{number}")
    if refs:
        data["references"] = refs


def _keywords(data: dict[str, Any], items: dict[int, _Item], origin: dict[str, str]) -> None:
    in_one_cell = set(data.get("keywords", {}))
    for number in sorted(items):
        for (_part, lang), (value, header) in items[number].items():
            if lang in in_one_cell:
                raise InputError(
                    "", [f"keywords:{lang}: given in one cell and in numbered columns: use one way"]
                )
            data.setdefault("keywords", {}).setdefault(lang, []).append(value)
            origin[f"keywords.{lang}"] = header


def _funders(data: dict[str, Any], items: dict[int, _Item], origin: dict[str, str]) -> None:
    funding = []
    for index, number in enumerate(sorted(items)):
        funder: dict[str, Any] = {}
        for (part, lang), (value, header) in items[number].items():
            if part == "id":
                funder["funder_id"] = value
            elif part == "awards":
                funder["awards"] = value
            else:
                funder.setdefault("funder", {})[lang] = value
            origin[f"funding[{index}].{part or 'funder'}"] = header
        origin.setdefault(f"funding[{index}]", f"funder{number}")
        funding.append(funder)
    if funding:
        data["funding"] = funding


# The start of a DOI in a cell, as the model takes one (bare, doi:…, a doi.org address).
_DOI_START = lazy_re.compile(r"(?:doi:|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/", re.IGNORECASE)


def _related(data: dict[str, Any], items: dict[int, _Item], origin: dict[str, str]) -> None:
    """The related articles of ``relatedN.PART`` columns, one article per number. A DOI cell
    holding several DOIs is refused rather than read as one (a ';' may stand inside a DOI,
    so it is the DOIs that are counted), and a related article without its type is named."""
    related: list[dict[str, Any]] = []
    for index, number in enumerate(sorted(items)):
        entry: dict[str, Any] = {}
        for (part, _lang), (value, header) in items[number].items():
            if part == "doi":
                found = [p for p in re.split(r"[;\s]+", str(value)) if _DOI_START.match(p)]
                if len(found) > 1:
                    raise InputError(
                        "",
                        [f"column {header}: holds {len(found)} DOIs: give each related article "
                         f"its own columns (related{number}.doi, related{number + 1}.doi …, "
                         "each with its type)"],
                    )  # fmt: skip
            entry[part] = value
            origin[f"related_articles[{index}].{part}"] = header
        if "type" not in entry:
            given = next(iter(items[number].values()))[1]
            raise InputError(
                "",
                [f"column related{number}.type: missing ({given} is given): say what the other "
                 "article is to this one, e.g. corrected-article in a correction"],
            )  # fmt: skip
        origin.setdefault(f"related_articles[{index}]", f"related{number}")
        related.append(entry)
    if related:
        data["related_articles"] = related


def _with_columns(problems: list[str], origin: dict[str, str]) -> list[str]:
    """Add the column a problem's field came from: ``authors[0].orcid (column author1.orcid)``."""
    out = []
    for line in problems:
        path, sep, message = line.partition(": ")
        column = column_of(path, _finding_columns(origin)) if sep else None
        if column and column != path:
            out.append(f"{path} (column {column}): {message}")
        else:
            out.append(line)
    return out


# ------------------------------------------------------------------ the reader


def loaded_from_row(
    path: Path, number: int, row: dict[str, Any], context: ReadContext, kind: str | None = None
) -> Loaded:
    """One row as a ``Loaded`` article (or its problems): the unit a batch worker converts;
    ``kind`` as ``iter_rows`` takes it."""
    name = f"{path}#{number}"
    stem = f"{path.stem}-row{number}"
    loaded = _loaded_from_row(path, name, stem, row, context)
    if kind == "csv" or (kind != "xlsx" and path.suffix.lower() not in (".xlsx", ".xlsm")):
        note = csv_dialect(path, context.encoding, context.delimiter).note
        if note:  # said once per run (an out-of-scope notice), not once per row
            loaded.warnings.append(Notice(note, OUT_OF_SCOPE))
    return loaded


def _loaded_from_row(
    path: Path, name: str, stem: str, row: dict[str, Any], context: ReadContext
) -> Loaded:
    try:
        data, origin, notices = row_to_data(row)
    except InputError as exc:
        return Loaded(name, stem, problems=[f"{name}: {p}" for p in exc.problems])
    set_right: list[Notice] = []
    try:
        article = native.article_from_data(
            data,
            name,
            base_dir=path.resolve().parent,
            journal=context.journal,
            cache=context.cache,
            said=set_right,
        )
    except InputError as exc:
        if exc.source != name:
            return Loaded(name, stem, problems=exc.lines())
        return Loaded(
            name, stem, problems=[f"{name}: {p}" for p in _with_columns(exc.problems, origin)]
        )
    # (DOIs set right in the references' texts: said naming the cell, as problems are)
    named = _with_columns(set_right, origin)
    notices += [Notice(line, said.kind) for line, said in zip(named, set_right, strict=True)]
    return Loaded(name, stem, article, warnings=list(notices), columns=_finding_columns(origin))


_LANG_TAIL = lazy_re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*")
_IN_LIST_CELL = lazy_re.compile(r"(.+)\.(?:name|text)\.[^.]+")


def _finding_columns(origin: dict[str, str]) -> dict[str, str]:
    """The columns a finding on the output names: ``origin``, but an item of lists given in
    one cell per language, named without its language (``references[0]``, as the RSCI rules
    name a reference), is in each of those cells (``references:ru and references:en``), and
    a field per language (``abstract``) is named by its language's key only, so a finding on
    a language not given (``abstract.en``) names no column, not the other language's."""
    columns = dict(origin)
    in_cells: dict[str, list[str]] = {}
    for key, column in origin.items():
        parent, dot, tail = key.rpartition(".")
        if dot and origin.get(parent) == column and _LANG_TAIL.fullmatch(tail):
            columns.pop(parent, None)  # (abstract, beside abstract.ru from the same column)
        found = _IN_LIST_CELL.fullmatch(key)
        if found:
            in_cells.setdefault(found[1], []).append(column)
    for key, listed in in_cells.items():
        if key in columns and len(set(listed)) > 1:
            columns[key] = " and ".join(dict.fromkeys(listed))
    return columns


def read_spreadsheet(path: Path, context: ReadContext, kind: str | None = None) -> Iterator[Loaded]:
    """Every row of a CSV or XLSX file as an article; ``kind`` as ``iter_rows`` takes it."""
    try:
        for number, row in iter_rows(path, context.encoding, context.delimiter, kind):
            yield loaded_from_row(path, number, row, context, kind)
    except InputError as exc:
        yield Loaded(str(path), path.stem, problems=exc.lines())


def read_csv(path: Path, context: ReadContext) -> Iterator[Loaded]:
    """The ``csv`` reader: a CSV file whatever its extension (``--from csv``)."""
    return read_spreadsheet(path, context, "csv")


def read_xlsx(path: Path, context: ReadContext) -> Iterator[Loaded]:
    """The ``xlsx`` reader: a workbook whatever its extension (``--from xlsx``)."""
    return read_spreadsheet(path, context, "xlsx")


# Spreadsheet files the reader does not read, and what to save them as instead.
UNREAD_SHEETS = {
    ".xls": "an Excel 97-2003 workbook",
    ".xlsb": "an Excel binary workbook",
    ".ods": "an OpenDocument spreadsheet",
    ".numbers": "a Numbers spreadsheet",
}


def unread_sheet(path: Path) -> str | None:
    """The problem line for a spreadsheet in a format not read (by its extension), or None."""
    kind = UNREAD_SHEETS.get(path.suffix.lower())
    if kind is None:
        return None
    return f"{path}: {kind}, which is not read: save it as .xlsx (Excel Workbook) or as CSV"


def sniff(path: Path, head: bytes, start: XmlStart | None = None) -> str | None:
    """The reader's name when ``path`` is a spreadsheet (``sheet_format``), else None (what an
    XML file begins with, ``start``, tells no spreadsheet)."""
    return sheet_format(path, head)


def sheet_format(path: Path, head: bytes | None = None) -> str | None:
    """``csv`` or ``xlsx`` when ``path`` is a spreadsheet by its extension, else None; the
    separator is detected when reading. Excel saves "Unicode Text" and "Text (Tab delimited)"
    as ``.txt``: such a file is a CSV when its first line holds tab-separated cells (``head``,
    its first bytes, is read when not given)."""
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"  # (a file that is no workbook is told so by the reader)
    if suffix != ".txt":
        return None
    if head is None:
        try:
            with path.open("rb") as handle:
                head = handle.read(4096)
        except OSError:
            return None
    return "csv" if _tab_separated(head) else None


def _tab_separated(head: bytes) -> bool:
    """A first line of at least two tab-separated cells, none of them empty (a header row)."""
    encoding = marked_encoding(head) or utf16_order(head) or "utf-8"
    text = head.decode(encoding, "replace").lstrip("\ufeff")
    cells = text.split("\n", 1)[0].rstrip("\r").split("\t")
    return len(cells) >= 2 and all(cell.strip() for cell in cells)
