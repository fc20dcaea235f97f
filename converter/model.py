"""The article model: the one place that says what an article is.

Readers build it, writers and checks read it. Every field carries a description: the input
JSON Schema in ``schemas/`` is generated from this module (``jatsconv schemas input``).

Multilingual values are mappings from a language code to text (``{en: ..., ru: ...}``); a plain
string stands for the article's main language (the journal's ``language`` in a journal file).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import string
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from converter import alphabets, identifiers, lazy_re, licenses, relations
from converter.languages import normalize_country, normalize_language
from converter.text import check_xml_text

# ---------------------------------------------------------------- scalar types

Text = Annotated[str, AfterValidator(check_xml_text)]
"""Any text value: Unicode NFC, no character XML 1.0 forbids."""

LangCode = Annotated[str, AfterValidator(normalize_language)]


def _scalar_to_text(value: Any) -> Any:
    """YAML reads ``volume: 1`` as an int and ``2018`` as a year: accept numbers as text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    return value


# (the JSON Schema takes the numbers too: an editor checking ``volume: 2`` by it sees no error)
_NUMBER_AS_TEXT = str | int | float
ShortText = Annotated[
    Text, BeforeValidator(_scalar_to_text, json_schema_input_type=_NUMBER_AS_TEXT)
]

# A page as journals print it: digits (110), a Roman numeral in one case (iv, XII: front
# matter), or digits with one or two letters before them (S12 in a supplement, e1001, A5, R12)
# or one after (12a). Anything else in a page field (a word, "p. 5", "110-115; 120") is no page.
_ROMAN = r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_PAGE = (
    rf"(?:\d+|[A-Za-z]{{1,2}}\d+|\d+[A-Za-z]|(?=[IVXLCDM]){_ROMAN}|(?=[ivxlcdm]){_ROMAN.lower()})"
)
_DASH = r"[-\u2010-\u2015\u2212]"
PAGE_RANGE = lazy_re.compile(rf"\s*({_PAGE})\s*{_DASH}\s*({_PAGE})\s*")
"""A range of pages typed in one field ('110-119', 'S1-S4', 'iv-x'): its first and last page."""
_PAGE_ITEM = lazy_re.compile(rf"\s*({_PAGE})(?:\s*{_DASH}\s*({_PAGE}))?\s*")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _page_kind(page: str) -> tuple[str, int]:
    """What kind of page ``page`` is and its number, for comparing the two ends of a range:
    ('', 110), ('s', 12) for S12, ('+', 1297) for 12a, ('roman', 4) for iv; ('?', 0) for
    what is no page."""
    if page.isdecimal():
        return "", int(page)
    found = re.fullmatch(r"([A-Za-z]{1,2})(\d+)|(\d+)([A-Za-z])", page)
    if found and found[1]:
        return found[1].lower(), int(found[2])
    if found:  # 12a-12c: the letter counts after the number
        return "+", int(found[3]) * 100 + ord(found[4].lower())
    if re.fullmatch(f"(?=[IVXLCDM]){_ROMAN}|(?=[ivxlcdm]){_ROMAN.lower()}", page):
        values = [_ROMAN_VALUES[c] for c in page.lower()]
        after = [*values[1:], 0]
        return "roman", sum(-v if v < w else v for v, w in zip(values, after, strict=True))
    return "?", 0


MIXED = "mixed"
BACKWARDS = "backwards"
_ALIKE = "write both ends alike: S1-S4, e12-e15, iv-x"


def full_last_page(first: str | None, last: str | None) -> str | None:
    """The last page of the range ``first``-``last`` written in full: a last page with fewer
    digits than the first is abbreviated, as NLM and many styles print ranges (1210-19 ends on
    1219, 25-7 on 27, S12-S3 on S13), and takes the first page's leading digits, as the
    reference parser reads them; any other last page (Roman, 12a-12c, two kinds) is as given.
    JATS's lpage and Crossref's last_page want the full number."""
    if not first or not last:
        return last
    kind, last_kind = _page_kind(first)[0], _page_kind(last)[0]
    if kind != last_kind or kind in ("roman", "+", "?"):
        return last
    digits, last_digits = re.sub(r"\D", "", first), re.sub(r"\D", "", last)
    if len(last_digits) >= len(digits) or not last.endswith(last_digits):
        return last
    return last[: -len(last_digits)] + digits[: -len(last_digits)] + last_digits


def range_problem(first: str, last: str | None) -> str | None:
    """What is wrong with the range ``first``-``last`` of pages, or None: ``MIXED``, its ends
    are pages of two kinds ('S1-4', 'xii-3': which pages are meant cannot be told), or
    ``BACKWARDS`` (130-119, S4-S1, x-iv; an abbreviated range read in full, 125-13 as
    125-113). An abbreviated range that runs forwards (1210-19, 25-7) is no problem: its last
    page is written in full (``full_last_page``)."""
    if not last:
        return None
    (kind, begins), (last_kind, _) = _page_kind(first), _page_kind(last)
    if kind != last_kind:
        return MIXED
    if _page_kind(full_last_page(first, last) or last)[1] < begins:
        return BACKWARDS
    return None


def one_range(text: str) -> re.Match[str] | None:
    """A range typed in one field ('110-119', 'S1-S4'), its first page and last page as
    groups 1 and 2, or None when ``text`` is no range of pages of one kind."""
    found = PAGE_RANGE.fullmatch(text)
    if found is None or range_problem(found[1], found[2]) == MIXED:
        return None
    return found


def _split_page_range(data: Any) -> Any:
    """A page range written as the first page ('fpage: 110-119', as sources and editors often
    give it) is that first and last page, when no last page is given or the one given is the
    range's own."""
    if isinstance(data, dict) and isinstance(data.get("fpage"), str):
        found = one_range(data["fpage"])
        if found and str(data.get("lpage") or found[2]).strip() == found[2]:
            return {**data, "fpage": found[1], "lpage": found[2]}
    return data


def _one_page(value: str) -> str:
    """A first or last page is one page: a range left in it ('110-119' with a last page given
    too) would be carried as the page's name into JATS and Crossref; a negative number is no
    page."""
    found = PAGE_RANGE.fullmatch(value)
    if found and range_problem(found[1], found[2]) == MIXED:
        raise ValueError(f"a page range in one page field, of two kinds of page: {value!r} "
                         f"(give fpage and lpage; {_ALIKE})")  # fmt: skip
    if found:
        raise ValueError(
            f"a page range in one page field: {value!r} (write fpage: {found[1]} and "
            f"lpage: {found[2]})"
        )
    if value.strip().startswith("-") and value.strip()[1:].isdecimal():
        raise ValueError(f"not a page number: {value!r}")
    return value


Page = Annotated[ShortText, AfterValidator(_one_page)]

# A word for "pages" before the numbers, with its period or a space: pp. 12-20, p. 5, S. 3,
# С. 7–25, стр. 5, págs. 1-9. A letter joined to the number (S12, e101) is part of the page.
PAGE_LABEL = lazy_re.compile(
    r"^(?:pp|p|pgs?|pages?|ss?|str|стр|сс?|págs?|pag)(?:\.\s*|\s+)(?=[\dIVXLCDMivxlcdm])",
    re.IGNORECASE,
)


def _no_page_word(value: str) -> str:
    """An article's page typed with the word for pages ('С. 110', as Russian editors write
    'С. 110–119'; 'pp. 110') would be the page's name in JATS and Crossref's first_page."""
    found = PAGE_LABEL.match(value.strip())
    if found is None:
        return value
    rest = value.strip()[found.end() :].rstrip(". ")
    pair = one_range(rest)
    fix = f"fpage: {pair[1]} and lpage: {pair[2]}" if pair else f"{rest} alone"
    raise ValueError(f"the word for pages is no part of a page: {value!r} (write {fix})")


ArticlePage = Annotated[ShortText, AfterValidator(_one_page), AfterValidator(_no_page_word)]


def page_list(text: str) -> list[tuple[str, str | None]] | None:
    """The pages and ranges of a page range text (pages as ``_PAGE`` has them, separated by
    commas: "110-115, 120-124", "i-iv, 1-12, 20", "S1-S4", "A1, A5-A7"), in order, as (first,
    last or None); None when the text is not pages and ranges separated by commas."""
    items = []
    for part in text.split(","):
        found = _PAGE_ITEM.fullmatch(part)
        if found is None:
            return None
        items.append((found[1], found[2]))
    return items


def page_range_ends(text: str) -> tuple[str, str] | None:
    """The page a page range text begins on and the page it ends on ("110-115, 120-124": 110
    and 124; "1210-19": 1219, in full), which are the article's fpage and lpage; None when it
    is no page range."""
    items = page_list(text)
    if not items:
        return None
    first, last = items[-1]  # (its end in full: "1210-5, 1220-9" ends on 1229)
    return items[0][0], full_last_page(first, last) or first


def is_page_range(text: str) -> bool:
    """Whether ``text`` is a page range the model takes (``page_list``, each range forwards
    between pages of one kind): for readers, which leave out, naming it, what the model would
    refuse the article for."""
    items = page_list(text)
    return bool(items) and not any(range_problem(first, last) for first, last in items or [])


def _page_range(value: str) -> str:
    """A page range text (``page_list``) whose ranges each run forwards between pages of one
    kind."""
    items = page_list(value)
    if items is None:
        raise ValueError(
            f"not pages and page ranges separated by commas: {value!r} (pages as printed: "
            "digits, Roman numerals, or digits after a letter as S1 or e12; e.g. 110-115, "
            "120-124 or S1-S4)"
        )
    for first, last in items:
        problem = range_problem(first, last)
        if problem == BACKWARDS:
            raise ValueError(f"the range {first}-{last} in {value!r} ends before it begins")
        if problem == MIXED:
            raise ValueError(
                f"the range {first}-{last} in {value!r} goes from one kind of page to another "
                f"({_ALIKE})"
            )
    return value


PageRange = Annotated[ShortText, AfterValidator(_page_range)]


def _pages_of_range(data: Any) -> Any:
    """An article's pages given as a page range text: in ``page_range``, or in ``fpage`` as
    editors type them ("fpage: 110-115, 120-124"). Its first and last page are the article's
    fpage and lpage when those are not given, as JATS has them: the page it begins on and the
    page it ends on (Crossref's first range is taken from the text when writing)."""
    if not isinstance(data, dict):
        return data
    text = _scalar_to_text(data.get("page_range"))  # (``page_range: 11``: page 11)
    fpage = data.get("fpage")
    if text is None and isinstance(fpage, str) and "," in fpage and page_list(fpage):
        data = {**data, "page_range": fpage, "fpage": None}
        text = fpage
    ends = page_range_ends(text) if isinstance(text, str) else None
    if ends is None or data.get("elocation_id"):
        return data
    first, last = ends
    derived = {}
    if data.get("fpage") in (None, ""):
        derived["fpage"] = first
    if data.get("lpage") in (None, "") and last != first:
        derived["lpage"] = last
    return {**data, **derived} if derived else data


def _lang_map(value: Any, info: ValidationInfo) -> Any:
    """A plain string means 'in the main language' (given by the loader's context)."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        lang = (info.context or {}).get("language", "en")
        return {lang: str(value)}
    _comma_in_braces(value)
    return value


def _is_language(key: Any) -> bool:
    try:
        return isinstance(key, str) and bool(normalize_language(key))
    except ValueError:
        return False


def _comma_in_braces(value: Any) -> None:
    """Refuse, saying why, a text cut at its commas by YAML: inside braces a comma ends a
    value, so ``keywords: {en: Japan, Russia}`` is ``en: Japan`` and a key ``Russia`` with no
    value (said otherwise as an unknown language and a null). Quoted, the text is whole (and
    keywords are split at its commas, as typed)."""
    if not isinstance(value, dict) or None not in value.values():
        return
    items = list(value.items())
    for at, (lang, text) in enumerate(items):
        cut = []
        for key, rest in items[at + 1 :]:
            if rest is not None or not isinstance(key, str) or _is_language(key):
                break
            cut.append(key)
        if isinstance(text, str) and cut:
            parts = ", ".join([text, *cut])
            keys = f"a key {cut[0]!r}" if len(cut) == 1 else f"keys {', '.join(map(repr, cut))}"
            raise ValueError(
                f"{{{lang}: {parts}}} is read as {lang}: {text!r} and {keys} with no value "
                f'(in braces a comma ends a value): quote the text, {lang}: "{parts}"'
            )


def _without_empty(value: dict[str, str]) -> dict[str, str]:
    """A language whose text is empty (or held only spaces and invisible characters) has none:
    an empty title is then a missing one, said as such, never an empty <article-title>."""
    return {lang: kept for lang, text in value.items() if (kept := text.strip())}


def _without_blank(value: list[str]) -> list[str]:
    """An item of a list left empty, or holding only spaces and invisible characters (a
    keyword "", " " or a zero-width space, an award ""), is no item, as an empty text is no
    text (``_without_empty``): never an empty <kwd>, <award-id> or <p>."""
    return [kept for item in value if (kept := item.strip())]


def _without_empty_lists(value: dict[str, list[str]]) -> dict[str, list[str]]:
    """A language whose list is empty (``keywords: {en: []}``, or blank items only) has none:
    never a <kwd-group> without a <kwd>, which the DTD refuses, or an empty <abstract>."""
    return {lang: items for lang, items in value.items() if items}


LangMap = Annotated[
    dict[LangCode, Text],
    BeforeValidator(_lang_map, json_schema_input_type=str | dict[str, str]),
    AfterValidator(_without_empty),
]
"""Text per language: ``{en: ..., ru: ...}``, or a string in the main language."""


def _date(value: Any) -> str:
    """Accept YYYY, YYYY-MM, YYYY-MM-DD (string, int or YAML date) and check the calendar."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):  # (a mapping {year: 2018}, a list, true)
        given = str(value).lower() if isinstance(value, bool) else repr(value)
        raise ValueError(
            f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD (2018-09-30), not {given}"
        )
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not match:
        hint = ""
        dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", value.strip())
        if dotted and 1 <= int(dotted[1]) <= 31 and 1 <= int(dotted[2]) <= 12:
            # day.month.year, as Russian and other European editors write dates: never guessed
            iso = f"{dotted[3]}-{int(dotted[2]):02d}-{int(dotted[1]):02d}"
            hint = f" (if it is day.month.year, write {iso})"
        raise ValueError(f"not a date (expected YYYY, YYYY-MM or YYYY-MM-DD): {value!r}{hint}")
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"impossible date, no month {month}: {value!r}")
    if day is not None and month is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"impossible date, {year}-{month:02d} has {last} days: {value!r}")
    return value.strip()


check_date = _date  # for readers: the same calendar check, before a value enters the model
PartialDate = Annotated[str, BeforeValidator(_date, json_schema_input_type=str | int)]
"""A date as YYYY, YYYY-MM or YYYY-MM-DD."""

Issn = Annotated[
    str,
    BeforeValidator(_scalar_to_text, json_schema_input_type=_NUMBER_AS_TEXT),
    AfterValidator(identifiers.read_issn),
]
Orcid = Annotated[str, AfterValidator(identifiers.read_orcid)]
Doi = Annotated[str, AfterValidator(identifiers.read_doi)]


def _quoted_identifier(value: Any) -> Any:
    """An identifier given as a number is refused: a number cell of a spreadsheet (or a float
    from the Python API) holds arXiv 2001.01230 as 2001.0123, its last zero lost. (The YAML
    and JSON readers keep a decimal as its text; a plain integer stays a number.)"""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(f"write it in quotes: unquoted, YAML reads it as the number {value}")
    return value


def _isbn_from_number(value: Any) -> Any:
    """An ISBN without hyphens typed unquoted (``isbn: 9780486672601``) is a whole number to
    YAML and JSON: its digits are the ISBN, nothing lost (an ISBN-10 ending in X is never a
    number; one beginning with 0 stays text in YAML and is no JSON number). Its digits are then
    checked as any ISBN (10 or 13 of them, the check digit). A float is refused, as for every
    identifier."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _quoted_identifier(value)


ArxivId = Annotated[
    str,
    # (a file's unquoted 2001.01230 is read as its text, so the schema takes the number)
    BeforeValidator(_quoted_identifier, json_schema_input_type=str | float),
    AfterValidator(identifiers.normalize_arxiv),
]
Isbn = Annotated[
    str,
    BeforeValidator(_isbn_from_number, json_schema_input_type=str | int),
    AfterValidator(identifiers.normalize_isbn),
]
Pmid = Annotated[
    str,
    BeforeValidator(_scalar_to_text, json_schema_input_type=_NUMBER_AS_TEXT),
    AfterValidator(identifiers.normalize_pmid),
]
Pmcid = Annotated[
    str,
    BeforeValidator(_scalar_to_text, json_schema_input_type=_NUMBER_AS_TEXT),
    AfterValidator(identifiers.normalize_pmcid),
]
Ror = Annotated[str, AfterValidator(identifiers.normalize_ror)]
Edn = Annotated[str, AfterValidator(identifiers.normalize_edn)]
FunderId = Annotated[str, AfterValidator(identifiers.normalize_funder_id)]
Country = Annotated[str, AfterValidator(normalize_country)]
XmlId = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_.-]*$")]
# What the model takes as an address; the readers test text against it before they give it.
URL_PATTERN = r"^(https?|ftp)://\S+$"
Url = Annotated[Text, Field(pattern=URL_PATTERN)]


def _keywords(value: Any) -> Any:
    """Keywords may be one string separated by semicolons, or by commas when it has none (as
    journals print them: "Japan, Russia, investment"; a keyword with a comma in it needs the
    semicolons or a list)."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(";" if ";" in value else ",") if part.strip()]
    return value


# An abstract pasted as HTML paragraphs (from OJS or a web page): only <p>, <br> and the
# inline tags the model keeps, so that reading it as paragraphs loses nothing.
_HTML_PARAGRAPHS = lazy_re.compile(r"^\s*<p(?:\s[^<>]*)?>.*</p>\s*$", re.DOTALL | re.IGNORECASE)
_OTHER_TAG = lazy_re.compile(
    r"</?(?!(?:p|br|i|em|b|strong|sub|sup|sc|u)\b)[a-z][^<>]*>", re.IGNORECASE
)
_PARAGRAPH_BREAK = lazy_re.compile(r"\s*</p>\s*(?:<p(?:\s[^<>]*)?>)?\s*|\s*<br\s*/?>\s*", re.I)
_FIRST_OPENING = lazy_re.compile(r"^\s*<p(?:\s[^<>]*)?>", re.IGNORECASE)


def _paragraphs(value: Any) -> Any:
    """An abstract is a string (paragraphs split at blank lines) or a list of paragraphs; a
    string of HTML paragraphs (``<p>…</p><p>…</p>``, with ``<br>`` and inline tags only) is
    its paragraphs, not text showing the tags."""
    if isinstance(value, str) and _HTML_PARAGRAPHS.match(value) and not _OTHER_TAG.search(value):
        value = _PARAGRAPH_BREAK.split(_FIRST_OPENING.sub("", value, count=1))
    elif isinstance(value, str):
        value = re.split(r"\n\s*\n", value)
    if isinstance(value, list):
        return [" ".join(p.split()) if isinstance(p, str) else p for p in value if p]
    return value


Keywords = Annotated[
    list[Text],
    BeforeValidator(_keywords, json_schema_input_type=str | list[str]),
    AfterValidator(_without_blank),
]
Paragraphs = Annotated[
    list[Text],
    BeforeValidator(_paragraphs, json_schema_input_type=str | list[str]),
    AfterValidator(_without_blank),
]


def _lang_lists(value: Any, info: ValidationInfo) -> Any:
    """Lists per language (abstract, keywords, subjects) given without a language: a string or a
    list is in the main language, as a plain string is for a text (``_lang_map``)."""
    if isinstance(value, str | list):
        lang = (info.context or {}).get("language", "en")
        return {lang: value}
    if isinstance(value, int | float) and not isinstance(value, bool):
        lang = (info.context or {}).get("language", "en")  # a keyword "2018", as a title
        return {lang: str(value)}
    _comma_in_braces(value)
    return value


TEXT_OR_MAPPING = (_lang_map, _lang_lists)
"""The readers of mapping fields that also take one text: for the wrong-type message."""

LangLists = Annotated[
    dict[LangCode, Keywords],
    BeforeValidator(_lang_lists),  # (the schema keeps the mapping: the web form is built from it)
    AfterValidator(_without_empty_lists),
]
"""Keywords or subjects per language: ``{en: [...], ru: "...; ..."}``, or one list or string in
the main language."""
LangParagraphs = Annotated[
    dict[LangCode, Paragraphs],
    BeforeValidator(_lang_lists),  # (the schema keeps the mapping: the web form is built from it)
    AfterValidator(_without_empty_lists),
]
"""Paragraphs per language (an abstract): ``{en: ..., ru: ...}``, or text in the main language."""


@functools.cache
def defaulted_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of ``model`` that have a default: a null given for one is no value."""
    return frozenset(name for name, info in model.model_fields.items() if not info.is_required())


class Strict(BaseModel):
    """Base of every model: unknown fields are errors, so a typo never vanishes silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_is_absent(cls, data: Any) -> Any:
        """A key left empty (``subtitle:``, ``orcid: ~``, JSON ``"funding": null``) is not
        given: editors fill templates and leave what they lack empty. A field that has a
        default then takes it, as if the key were absent; a required field keeps its null and
        is refused as required and empty (``readers.wrong_type``). Each model applies this to
        its own keys, so it holds at every level (an author's, an affiliation's, the journal's).
        The input JSON Schema says the same (``converter.schema``)."""
        if isinstance(data, dict) and None in data.values():
            defaulted = defaulted_fields(cls)
            return {
                key: value
                for key, value in data.items()
                if value is not None or key not in defaulted
            }
        return data


# ---------------------------------------------------------------- journal


class Issns(Strict):
    """The journal's ISSNs; check digits are verified."""

    print: Issn | None = Field(None, description="Print ISSN (NNNN-NNNC).")
    electronic: Issn | None = Field(None, description="Electronic (online) ISSN (NNNN-NNNC).")
    linking: Issn | None = Field(None, description="ISSN-L, the linking ISSN, if any.")

    def any(self) -> bool:
        """True when a print or an electronic ISSN is given: the Journal Publishing tag set (and
        Crossref, DOAJ) need one; Archiving and Interchange does not (preprint servers)."""
        return bool(self.print or self.electronic)

    @property
    def print_apart(self) -> str | None:
        """The print ISSN, unless it is the electronic one too: one ISSN given both ways (a model
        built in Python; the readers keep it once, as electronic) is written once, as electronic
        (JATS's ``issn-typing`` and DOAJ refuse it twice)."""
        return self.print if self.print != self.electronic else None


class Publisher(Strict):
    """The publisher named in ``journal-meta``."""

    name: LangMap = Field(description="Publisher name per language.")
    location: Text | None = Field(None, description="Publisher location, e.g. 'Moscow, Russia'.")

    @field_validator("name")
    @classmethod
    def _named(cls, value: dict[str, str]) -> dict[str, str]:
        """A publisher left blank ('', {}, ' ') has no name, as one not given: said by its
        field (it crashed the DOAJ writer, and JATS output failed the DTD for <publisher>)."""
        if not value:
            raise ValueError("the publisher's name is empty: give it, or leave the publisher out")
        return value


class Crossref(Strict):
    """Who deposits with Crossref for this journal (used by Crossref output)."""

    depositor_name: Text = Field(description="Name of the depositing organisation or person.")
    depositor_email: Text = Field(description="E-mail Crossref writes deposit results to.")
    registrant: Text = Field(description="Organisation that owns the DOIs.")
    crossmark_policy: Doi | None = Field(
        None,
        description=(
            "DOI of the journal's Crossmark policy page, for journals taking part in "
            "Crossmark: deposits then carry Crossmark metadata, and a correction, retraction "
            "or expression of concern registers its update of the article it names."
        ),
    )


URL_FIELDS = frozenset({"url", "article", "submission_id", "url_path", "galley", "galley_id"})
ISSUE_URL_FIELDS = frozenset({"url", "issue", "issue_id"})


def _pattern_of(value: str, fields: frozenset[str]) -> str:
    """A URL pattern may name only the fields an OJS export gives for it, in braces."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError as exc:
        raise ValueError(f"not a URL pattern: {exc}") from None
    unknown = sorted(names - fields)
    if unknown:
        known = ", ".join("{" + name + "}" for name in sorted(fields))
        raise ValueError(f"unknown field {{{unknown[0]}}} in the pattern (known: {known})")
    return value


def _url_pattern(value: str) -> str:
    return _pattern_of(value, URL_FIELDS)


def _issue_url_pattern(value: str) -> str:
    return _pattern_of(value, ISSUE_URL_FIELDS)


UrlPattern = Annotated[Text, AfterValidator(_url_pattern)]
IssueUrlPattern = Annotated[Text, AfterValidator(_issue_url_pattern)]


class ArticleUrls(Strict):
    """How an article's addresses, and its issue's, are built from an OJS export and the
    journal's ``url``.

    The defaults are OJS 3's own routes. ``{url}`` is the journal's ``url``; ``{article}`` the
    publication's URL path, else the submission id; ``{submission_id}`` and ``{url_path}`` those
    alone; ``{galley}`` a galley's URL path, else its id; ``{galley_id}`` its id. In the issue's
    pattern, ``{issue}`` is the issue's URL path, else its id, and ``{issue_id}`` its id.
    """

    landing_page: UrlPattern = Field(
        "{url}/article/view/{article}", description="The article's landing page."
    )
    galley: UrlPattern = Field(
        "{url}/article/view/{submission_id}/{galley_id}",
        description="A galley's page (written as the self-uri of an HTML galley).",
    )
    download: UrlPattern = Field(
        "{url}/article/download/{submission_id}/{galley_id}",
        description="A galley's file (written as the self-uri of a PDF, XML or EPUB galley).",
    )
    issue: IssueUrlPattern = Field(
        "{url}/issue/view/{issue}",
        description=(
            "The issue's page (its table of contents): the issue_url of an issue with a DOI, "
            "which Crossref registers the issue's DOI with."
        ),
    )


class Doaj(Strict):
    """What the journal declared to DOAJ."""

    languages: list[LangCode] = Field(
        default_factory=list,
        description=(
            "The languages the journal declares to DOAJ, in its order. DOAJ shows a record's "
            "first title and abstract: DOAJ output puts the first of these that the article "
            "has first (--doaj-language overrides)."
        ),
    )


class Journal(Strict):
    """Journal-level metadata, usually in ``journal.yaml`` beside the articles."""

    language: LangCode = Field("en", description="Main language of the journal's metadata.")
    title: LangMap = Field(
        description=(
            "Journal title per language. Crossref deposits give them in this order: the first "
            "must be the title Crossref holds for the journal's ISSN."
        )
    )
    abbrev_title: Text | None = Field(
        None, description="Abbreviated title (ISO 4 / NLM style), e.g. 'Russ. Jpn. Rev.'."
    )
    ids: Annotated[
        dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")], ShortText],
        AfterValidator(_without_empty),
    ] = Field(
        default_factory=dict,
        description="Typed journal ids for journal-id: {publisher-id: rjr, nlm-ta: ...}.",
    )
    issn: Issns = Field(
        default_factory=Issns,
        description=(
            "Print and/or electronic ISSN; needed for Journal Publishing output (convert a "
            "preprint server's articles with --tag-set archiving)."
        ),
    )
    publisher: Publisher | None = Field(None, description="Publisher name and location.")
    transliteration: (
        Literal["bsi", "bgn-pcgn", "gost-7.79-b", "iso-9", "ala-lc", "kmu-2010"] | None
    ) = Field(
        None,
        description=(
            "Scheme the journal uses to write Cyrillic in Latin script; naming one derives the "
            "Latin names and references the input lacks. Ukrainian text is always written by "
            "kmu-2010, Ukraine's national system: a Ukrainian journal names kmu-2010 (its "
            "Russian text is then written by bsi)."
        ),
    )
    patronymic_initials: bool = Field(
        False,
        description=(
            "Write patronymics as initials in Latin names derived from Cyrillic ones "
            "(Дмитрий Викторович → Dmitrii V.)."
        ),
    )
    in_russ_note: bool = Field(
        False,
        description=(
            "End Latin-script forms derived from Russian and Ukrainian references with a note "
            "of their language: '(In Russ.)' and '(In Ukrainian)', or in the form "
            "language_note names."
        ),
    )
    language_note: Literal["round", "square"] = Field(
        "round",
        description=(
            "The form of in_russ_note's note: round, '(In Russ.)' and '(In Ukrainian)', as "
            "Russian journals write it; square, '[in Russian]' and '[in Ukrainian]', as "
            "Ukrainian journals write it."
        ),
    )
    structure_references: bool = Field(
        True,
        description=(
            "Parse reference text into structured parts (element-citation) when the parse is "
            "confident; false keeps unstructured references as text only."
        ),
    )
    reference_confidence: float | None = Field(
        None,
        ge=0.5,
        le=0.995,
        examples=[0.9],
        description=(
            "The confidence a parsed reference needs before its parts are written "
            "(element-citation), where it is to be higher than the parser's own threshold for "
            "the reference's language (chosen on its dev split; README, 'References'): more "
            "references stay text, and fewer parts are wrong. A value below that threshold "
            "changes nothing."
        ),
    )
    crossref: Crossref | None = Field(None, description="Crossref depositor and registrant.")
    url: Url | None = Field(
        None,
        description=(
            "Journal home page; for OJS, the journal's base URL "
            "(https://journal.example.org/index.php/ejr), from which an OJS export's landing "
            "page and galley URLs are built."
        ),
    )
    urls: ArticleUrls = Field(
        default_factory=ArticleUrls,
        description="Patterns of article and galley URLs, for sites not on OJS's routes.",
    )
    doaj: Doaj | None = Field(None, description="What the journal declared to DOAJ.")

    @field_validator("title")
    @classmethod
    def _titled(cls, value: dict[str, str]) -> dict[str, str]:
        """A journal title left blank ('', {}, ' ') is none, as one not given: said by its field
        (it crashed the DOAJ writer; JATS and Crossref output went out with no journal title)."""
        if not value:
            raise ValueError(
                "the journal's title is empty: give it, or one per language "
                "(title: {en: ..., ru: ...})"
            )
        return value

    @property
    def russian_scheme(self) -> str | None:
        """The scheme the journal names for Russian text: ``transliteration`` unless it is
        Ukraine's kmu-2010 (a Ukrainian journal names no Russian one: its Russian text is
        written by bsi, and judged only for writing a letter two ways). What the consistency
        check and ``rsci-translit-scheme`` hold Latin forms to."""
        return None if self.transliteration in (None, "kmu-2010") else self.transliteration


# ---------------------------------------------------------------- people and places


class PersonName(Strict):
    """One form of a person's name (one script/language)."""

    surname: Text | None = Field(None, description="Family name. Omit for a given-name-only name.")
    given: Text | None = Field(None, description="Given names (and patronymic), or initials.")
    prefix: Text | None = Field(None, description="Honorific or prefix, e.g. 'Dr'.")
    suffix: Text | None = Field(None, description="Suffix, e.g. 'Jr'.")
    style: Literal["western", "eastern", "islensk", "given-only"] | None = Field(
        None,
        description="JATS name-style; default 'western' ('given-only' when there is no surname).",
    )

    @model_validator(mode="after")
    def _need_a_name(self) -> PersonName:
        if not (self.surname or self.given):
            raise ValueError("a name needs a surname or given names")
        if self.style is None:
            self.style = "western" if self.surname else "given-only"
        return self


def _names(value: Any, info: ValidationInfo) -> Any:
    """One name form (a mapping with surname/given) stands for the main language."""
    if isinstance(value, dict) and ({"surname", "given"} & value.keys()):
        return {(info.context or {}).get("language", "en"): value}
    return value


Names = Annotated[
    dict[LangCode, PersonName],
    BeforeValidator(_names, json_schema_input_type=PersonName | dict[str, PersonName]),
]

CREDIT_ROLES: dict[str, str] = {
    "conceptualization": "Conceptualization",
    "data-curation": "Data curation",
    "formal-analysis": "Formal analysis",
    "funding-acquisition": "Funding acquisition",
    "investigation": "Investigation",
    "methodology": "Methodology",
    "project-administration": "Project administration",
    "resources": "Resources",
    "software": "Software",
    "supervision": "Supervision",
    "validation": "Validation",
    "visualization": "Visualization",
    "writing-original-draft": "Writing – original draft",
    "writing-review-editing": "Writing – review & editing",
}

CreditRole = Literal[
    "conceptualization",
    "data-curation",
    "formal-analysis",
    "funding-acquisition",
    "investigation",
    "methodology",
    "project-administration",
    "resources",
    "software",
    "supervision",
    "validation",
    "visualization",
    "writing-original-draft",
    "writing-review-editing",
]


class Affiliation(Strict):
    """An institution a contributor belongs to."""

    id: XmlId | None = Field(None, description="Id authors refer to (aff1, aff2 … when omitted).")
    institution: LangMap | None = Field(None, description="Institution name per language.")
    department: LangMap | None = Field(None, description="Department per language.")
    city: LangMap | None = Field(None, description="City per language.")
    state: LangMap | None = Field(
        None,
        description="State, province or region per language, as the address writes it "
        "(MA, Minas Gerais, Ontario); JATS <state>.",
    )
    # One text, not one per language: a postal code is not translated (the same in every
    # language form of the affiliation, as the country's code is). Numbers are text (YAML
    # 'postal_code: 119991').
    postal_code: ShortText | None = Field(
        None,
        description="Postal code as the address writes it (02115, 90650-001, 119991, "
        "WC1E 6BT); JATS <postal-code>, after the city and state.",
    )
    country: Country | None = Field(
        None,
        description="ISO 3166 code (RU, RUS), or the country's name in English or Russian "
        "(Russia, Россия).",
    )
    country_name: LangMap | None = Field(
        None, description="Country name per language; English from ISO 3166 when omitted."
    )
    ror: Ror | None = Field(None, description="ROR id, e.g. https://ror.org/05qrfxd25.")
    text: LangMap | None = Field(
        None,
        description=(
            "The affiliation as one line of text per language, when it was given that way and "
            "cannot be split into institution, city and country without guessing (JATS "
            "'<aff>Institute, Street 1, City, Country</aff>'); written back as it came."
        ),
    )

    @model_validator(mode="after")
    def _something_known(self) -> Affiliation:
        if not (self.institution or self.country or self.city or self.state or self.text):
            raise ValueError(
                "an affiliation needs an institution, a city, a state, a country or a text"
            )
        return self


def _affiliation_refs(value: Any) -> Any:
    if isinstance(value, str | dict):
        return [value]
    return value


class Contributor(Strict):
    """A person (``name``) or a group (``collab``) who contributed to the article."""

    role: Literal["author", "editor", "translator", "reviewer", "compiler"] = Field(
        "author", description="JATS contrib-type."
    )
    name: Names | None = Field(
        None,
        description="Name, or names per language: {ru: {surname, given}, en: {surname, given}}.",
    )
    collab: LangMap | None = Field(None, description="Group author name per language.")
    orcid: Orcid | None = Field(None, description="ORCID iD (checksum verified).")
    orcid_authenticated: bool | None = Field(
        None,
        description=(
            "Whether the ORCID iD was authenticated by the person (OAuth): true or false as the "
            "source states it; omitted when unknown, and then no claim is written."
        ),
    )
    email: Annotated[Text, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = Field(
        None, description="E-mail address."
    )
    corresponding: bool = Field(False, description="True for the corresponding author.")
    credit: list[CreditRole] = Field(
        default_factory=list, description="CRediT roles, e.g. [conceptualization, methodology]."
    )
    affiliations: Annotated[
        list[XmlId | Affiliation],
        BeforeValidator(
            _affiliation_refs,
            json_schema_input_type=list[XmlId | Affiliation] | XmlId | Affiliation,
        ),
    ] = Field(
        default_factory=list,
        description="Affiliation ids from the article's affiliations, or affiliations inline.",
    )
    bio: LangMap | None = Field(None, description="Short biography per language.")

    @field_validator("collab")
    @classmethod
    def _group_named(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        """A group left blank ('', ' ') has no name: said by its field (it crashed the Crossref
        and DOAJ writers, and the JATS had an empty <collab>)."""
        if value is not None and not value:
            raise ValueError("the group's name is empty: give it, or leave the contributor out")
        return value

    @field_validator("name")
    @classmethod
    def _person_named(cls, value: dict[str, PersonName] | None) -> dict[str, PersonName] | None:
        """A name given as an empty mapping ({}) is none: said by its field, as a blank group."""
        if value is not None and not value:
            raise ValueError(
                "the name is empty: give surname and given, or leave the contributor out"
            )
        return value

    @model_validator(mode="after")
    def _person_or_group(self) -> Contributor:
        if (self.name is None) == (self.collab is None):
            raise ValueError("give either name (a person) or collab (a group)")
        return self


# ---------------------------------------------------------------- article parts


class Published(Strict):
    """Publication dates."""

    electronic: PartialDate | None = Field(None, description="Online publication date.")
    print: PartialDate | None = Field(None, description="Print publication date.")
    collection: PartialDate | None = Field(
        None, description="Date of the issue (collection) the article belongs to."
    )


def _revised(value: Any) -> Any:
    if value is None or isinstance(value, list):
        return value
    return [value]


class History(Strict):
    """Editorial history."""

    received: PartialDate | None = Field(None, description="Date the manuscript was received.")
    revised: Annotated[
        list[PartialDate],
        BeforeValidator(_revised, json_schema_input_type=list[PartialDate] | PartialDate),
    ] = Field(default_factory=list, description="Date(s) revised versions were received.")
    accepted: PartialDate | None = Field(None, description="Date of acceptance.")


class ArticleIds(Strict):
    """Identifiers of the article other than its DOI."""

    publisher_id: ShortText | None = Field(None, description="The publisher's own id.")
    edn: Edn | None = Field(None, description="eLibrary EDN (Russian Science Citation Index).")
    pmid: Pmid | None = Field(
        None, description="PubMed id: a number of at most 8 digits ('PMID:' is taken off)."
    )
    pmcid: Pmcid | None = Field(
        None,
        description="PubMed Central id, 'PMC' and digits ('pmc123' and 'PMCID: PMC123' are "
        "written PMC123; digits alone are refused: they could be a PMID).",
    )
    other: Annotated[
        dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")], ShortText],
        AfterValidator(_without_empty),
    ] = Field(default_factory=dict, description="Other ids by type: {elpub: '1234'}.")


class IssueIds(Strict):
    """Identifiers of the issue the article is in, other than its DOI (``issue_doi``)."""

    publisher_id: ShortText | None = Field(
        None,
        description="The publisher's own id of the issue (JATS issue-id pub-id-type="
        "'publisher-id'; OJS's public id of the issue).",
    )


def _license(value: Any) -> Any:
    return {"id": value} if isinstance(value, str) else value


LicenseUse = Literal["tdm", "am", "stm-asf"]
"""What a licence other than the article's governs (Crossref's license content-version /
applies_to): text and data mining, the accepted manuscript, STM article sharing."""


class License(Strict):
    """The article's licence: an SPDX id (CC-BY-4.0) or a URL, and its statement. A licence
    given only as a statement (JATS ``<license><license-p>…``) has a text and no id."""

    id: Text | None = Field(
        None,
        description="SPDX id such as CC-BY-4.0, a Creative Commons licence as editors write it "
        "('CC BY 4.0', 'Creative Commons Attribution 4.0 International'), or the licence URL "
        "exactly as written.",
    )
    type: ShortText | None = Field(
        None,
        description="JATS license-type as given, e.g. 'open-access' ('open-access' is written "
        "for a Creative Commons licence when omitted).",
    )
    text: LangMap | None = Field(
        None, description="Licence statement; the Creative Commons sentence when omitted."
    )
    start_date: PartialDate | None = Field(
        None,
        description=(
            "Date from which the licence applies (ali:license_ref/@start_date, Crossref "
            "start_date); when omitted Crossref output uses the publication date (for the "
            "article's licence) or gives none (for one that applies_to names)."
        ),
    )
    applies_to: LicenseUse | None = Field(
        None,
        description=(
            "What the licence governs when it is not the article as published, in Crossref's "
            "words: 'tdm', text and data mining; 'am', the accepted manuscript; 'stm-asf', "
            "sharing under the STM Article Sharing Framework. Only in other_licenses (the "
            "article's own licence governs the article). JATS ali:license_ref/@specific-use "
            "(textmining, am, stm-asf); Crossref license_ref/@applies_to (tdm, am)."
        ),
    )
    spdx: str | None = Field(None, exclude=True, description="Derived SPDX id (not input).")
    url: str | None = Field(None, exclude=True, description="Derived licence URL (not input).")

    @model_validator(mode="after")
    def _resolve(self) -> License:
        if self.id is None:
            if not self.text:
                raise ValueError("a licence needs an id (SPDX id or URL) or a text")
            return self
        self.spdx, self.url = licenses.resolve_license(self.id)
        return self


class Copyright(Strict):
    """Copyright statement, year and holder."""

    statement: LangMap | None = Field(None, description="Copyright statement per language.")
    year: Annotated[int, Field(ge=1000, le=9999)] | None = Field(
        None, description="Year.", examples=[2018]
    )
    holder: LangMap | None = Field(None, description="Copyright holder per language.")


class Funding(Strict):
    """One funder and the awards it made."""

    funder: LangMap = Field(description="Funder name per language.")
    funder_id: FunderId | None = Field(
        None, description="Funder Registry DOI (10.13039/…) or ROR id of the funder."
    )
    awards: Annotated[
        list[ShortText],
        BeforeValidator(_affiliation_refs, json_schema_input_type=list[ShortText] | ShortText),
        AfterValidator(_without_blank),
    ] = Field(default_factory=list, description="Award (grant) numbers.")

    @field_validator("funder")
    @classmethod
    def _named(cls, value: dict[str, str]) -> dict[str, str]:
        """A funder left blank (an empty cell, ' ') has no name, as one not given: said by its
        field (it crashed the Crossref writer and left an empty <award-group>)."""
        if not value:
            raise ValueError("the funder's name is empty: give it, or leave the funding out")
        return value


class SelfUri(Strict):
    """A link to a version of the article itself (PDF, HTML)."""

    url: Url = Field(description="Address of the file or page.")
    type: Literal["pdf", "html", "xml", "epub", "text", "unspecified"] = Field(
        "pdf",
        description="Kind of version: pdf, html, xml, epub, text (plain text), or unspecified "
        "(a full-text address whose format its source does not state).",
    )
    title: Text | None = Field(None, description="Link text.")


class CustomMeta(Strict):
    """A name/value pair for custom-meta."""

    name: Text = Field(description="Meta name.")
    value: Text = Field(description="Meta value.")


# JATS related-article-type values: what the other article is to this one. Those PMC's Style
# Checker (5.31) accepts and the notices it requires them of, JATS's partial-retraction beside.
RelatedArticleType = Literal[
    "corrected-article",
    "correction-forward",
    "retracted-article",
    "partial-retraction",
    "retraction-forward",
    "object-of-concern",
    "addended-article",
    "addendum",
    "commentary-article",
    "commentary",
    "letter",
    "companion",
    "article-reference",
    "republished-article",
    "preprint",
    "published-article",
    "peer-review",
    "peer-reviewed-article",
]


def _first_page(value: str) -> str:
    """JATS gives a related article one page, its first: a range would be carried as a page's
    name."""
    found = PAGE_RANGE.fullmatch(value)
    if found:
        raise ValueError(f"a page range: {value!r} (give the first page only: {found[1]})")
    return value


class RelatedArticle(Strict):
    """Another article this one is tied to: the article a correction corrects, a retraction
    retracts, a commentary discusses (JATS ``related-article``; Crossref relations and Crossmark
    updates)."""

    type: RelatedArticleType = Field(
        description=(
            "What the other article is to this one (JATS related-article-type): "
            "corrected-article, retracted-article, partial-retraction, object-of-concern (of "
            "an expression of concern), addended-article, commentary-article (the one this "
            "comments on) name the article a notice or commentary is about; "
            "correction-forward, retraction-forward, addendum, commentary name a later one "
            "about this article; letter, companion, article-reference, republished-article, "
            "preprint (this article's preprint), published-article (the article a preprint "
            "became), peer-review (a review of this article), peer-reviewed-article (in a "
            "review: the article it reviews)."
        )
    )
    id: XmlId | None = Field(
        None, description="Id of the related-article element (ra1, ra2 … when omitted)."
    )
    doi: Doi | None = Field(None, description="DOI of the other article.")
    pmid: Pmid | None = Field(
        None,
        description=(
            "PubMed id of the other article ('12345678'; a 'PMID:' label is taken off): the "
            "link (ext-link-type pubmed) when there is no DOI, a pub-id beside the DOI's."
        ),
    )
    citation: Text | None = Field(
        None,
        description=(
            "The other article as a line of text (authors, title, journal, year, volume, "
            "pages), written as the element's content; <i>, <b>, <sub>, <sup> mark inline "
            "style. Needed when there is neither a DOI nor a PubMed id."
        ),
    )
    volume: ShortText | None = Field(None, description="Its volume (related-article/@vol).")
    issue: ShortText | None = Field(None, description="Its issue.")
    fpage: Annotated[ShortText, AfterValidator(_first_page)] | None = Field(
        None, description="Its first page (related-article/@page)."
    )
    elocation_id: ShortText | None = Field(
        None,
        description="Its article number, when it has one instead of pages "
        "(related-article/@elocation-id).",
    )

    @model_validator(mode="after")
    def _identified(self) -> RelatedArticle:
        if not (self.doi or self.pmid or self.citation):
            raise ValueError("a related article needs its doi, pmid or a citation naming it")
        if self.fpage and self.elocation_id:
            raise ValueError("give fpage or elocation_id, not both")
        return self


class Reference(Strict):
    """One entry of the reference list: its text per language and, optionally, its parts."""

    @model_validator(mode="before")
    @classmethod
    def _pages_in_one(cls, data: Any) -> Any:
        return _split_page_range(data)

    @model_validator(mode="before")
    @classmethod
    def _text_filed_by_script(cls, data: Any, info: ValidationInfo) -> Any:
        """A text given with no language (``- "Calder K. E. Pacific Alliance …"`` in a Russian
        article) is filed under the language its script tells, as the OJS, JATS and Crossref
        readers file a citation (``alphabets.reference_language``): an English work in a
        Russian list is English, not Russian with no Latin-script form."""
        if isinstance(data, dict) and isinstance(text := data.get("text"), str):
            main = (info.context or {}).get("language", "en")
            data = {**data, "text": {alphabets.reference_language(text, main): text}}
        return data

    id: XmlId | None = Field(None, description="Id (ref1, ref2 … when omitted).")
    label: ShortText | None = Field(
        None,
        description="Its number as the list shows it ('1.', '[12]'), written as <label>. A "
        "list number typed at the head of every reference's text ('1. Smith J…', '2. …') is "
        "moved here.",
    )
    text: LangMap | None = Field(
        None,
        description="Reference as written, per language: {ru: original, en: transliterated}.",
    )
    type: (
        Literal[
            "journal",
            "book",
            "chapter",
            "conference",
            "thesis",
            "report",
            "newspaper",
            "web",
            "data",
            "patent",
            "software",
            "other",
        ]
        | None
    ) = Field(None, description="JATS publication-type of the structured citation.")
    lang: LangCode | None = Field(None, description="Language of the structured fields.")
    authors: Annotated[list[Text], AfterValidator(_without_blank)] = Field(
        default_factory=list, description="Authors as written, 'Surname I. O.' or 'Surname, I.'."
    )
    etal: bool = Field(
        False,
        description="The authors listed are not all of them ('et al.', 'и др.'): <etal/> "
        "closes the list.",
    )
    groups: Annotated[list[Text], AfterValidator(_without_blank)] = Field(
        default_factory=list,
        description="Which of the authors are groups or bodies, each as written in authors "
        "('World Health Organization', 'WHO', 'R Core Team'): written as <collab>, never as a "
        "person's name. A name whose words say it is a group ('LHCb collaboration', '… "
        "Consortium', '… Ministry of Health') is written so without being listed here.",
    )
    year: ShortText | None = Field(None, description="Year of publication.")
    title: Text | None = Field(None, description="Title of the article, chapter or page.")
    source: Text | None = Field(None, description="Journal, book, newspaper or site name.")
    volume: ShortText | None = Field(None, description="Volume.")
    issue: ShortText | None = Field(None, description="Issue.")
    fpage: Page | None = Field(None, description="First page.")
    lpage: Page | None = Field(None, description="Last page.")
    elocation_id: ShortText | None = Field(
        None,
        description="Article number of the cited work, which has it instead of pages "
        "('e1002012', '108871'): <elocation-id>, Crossref's elocation_id.",
    )
    doi: Doi | None = Field(None, description="DOI of the cited work.")
    arxiv: ArxivId | None = Field(
        None,
        description="arXiv identifier of the cited work ('2101.01234', 'hep-th/9901001'; an "
        "'arXiv:' label is taken off).",
    )
    isbn: Isbn | None = Field(
        None,
        description="ISBN of the cited book ('978-5-02-040123-5'; the check digit is checked).",
    )
    issn: Issn | None = Field(
        None,
        description="ISSN of the cited journal or series ('0004-637X'; the check digit is "
        "checked).",
    )
    pmid: Pmid | None = Field(
        None, description="PubMed id of the cited work ('12345678'; a 'PMID:' label is taken off)."
    )
    pmcid: Pmcid | None = Field(
        None, description="PubMed Central id of the cited work ('PMC1234567')."
    )
    url: Url | None = Field(None, description="URL of the cited work.")
    accessed: PartialDate | None = Field(None, description="Date the URL was accessed.")
    title_en: Text | None = Field(
        None,
        description=(
            "English translation of the title, given in square brackets in the Latin-script "
            "form of a Russian or Ukrainian reference (never machine-made)."
        ),
    )
    source_en: Text | None = Field(
        None,
        description="Official English name of the source, used instead of its transliteration.",
    )
    publisher: Text | None = Field(
        None, description="Publisher of the cited book, report or thesis ('Наука', 'Springer')."
    )
    publisher_loc: Text | None = Field(
        None,
        description="Place of publication ('Москва', 'Berlin'; GOST's 'М.' and 'СПб.' are "
        "written out when read from a reference's text).",
    )
    edition: ShortText | None = Field(
        None,
        description="Edition of the cited work as its source gives it ('2', '3rd ed.'; a "
        "software version, '1.1-7', as Crossref keeps it): <edition>, Crossref's "
        "edition_number.",
    )

    @property
    def structured(self) -> bool:
        """True when any part beyond the text is given: the reference has an element-citation
        to hold it. (``type``, ``lang``, ``etal``, ``title_en`` and ``source_en`` say how other
        parts are written; alone, they are not parts.)"""
        return bool(
            self.title
            or self.source
            or self.authors
            or self.year
            or self.volume
            or self.issue
            or self.fpage
            or self.lpage
            or self.elocation_id
            or self.publisher
            or self.publisher_loc
            or self.edition
            or self.doi
            or self.arxiv
            or self.isbn
            or self.issn
            or self.pmid
            or self.pmcid
            or self.url
            or self.accessed
        )

    @model_validator(mode="after")
    def _need_content(self) -> Reference:
        if not self.text and not (self.title or self.source):
            raise ValueError("a reference needs text or at least a title or source")
        return self

    @model_validator(mode="after")
    def _groups_among_authors(self) -> Reference:
        strays = [group for group in self.groups if group not in self.authors]
        if strays:
            raise ValueError(f"groups: {strays[0]!r} is not one of the authors")
        return self


def _references(value: Any) -> Any:
    if isinstance(value, list):
        return [{"text": item} if isinstance(item, str) else item for item in value]
    return value


TEXT_FOR_ENTRY = (_references, _license)
"""The readers of lists whose entry may be one text (a reference, a licence's id): the
wrong-type message then shows no mapping for an entry."""


# A list number typed at the head of a reference: "1. ", "12) ", "[3] " (at most three digits:
# a year opening a reference, "2019. Title", is no number of the list).
LIST_NUMBER = lazy_re.compile(r"^(\[(\d{1,3})\]|(\d{1,3})[.)])\s+(?=\S)")


def list_number(text: str) -> tuple[str, int] | None:
    """The list number ``text`` opens with ("1. Smith …", "[3] …"): as typed, and its value."""
    match = LIST_NUMBER.match(text)
    return None if match is None else (match[1], int(match[2] or match[3]))


def _list_number(ref: Reference) -> tuple[str, int] | None:
    """The list number every text of ``ref`` opens with: as its first text types it ('1.',
    '[1]'), and its value. None when a text has none, or two texts have different ones."""
    if ref.label or not ref.text:
        return None
    found: list[tuple[str, int]] = []
    for text in ref.text.values():
        number = list_number(text)
        if number is None:
            return None
        found.append(number)
    return found[0] if len({value for _, value in found}) == 1 else None


def take_list_numbers(refs: list[Reference]) -> bool:
    """Move the list numbers typed at the head of the references' texts to their labels;
    True when it did.

    Only a list numbered throughout from 1, in order, one by one ("1.", "2.", …), each text of
    a reference with the same number, no reference with a label of its own: then the numbers
    are the list's, not the works' ("3) Smith …" or "100. Jahre …" alone could be either).
    Pasted lists (Word, OJS's citations box) come numbered; a number left in the text reaches
    the mixed-citation and a registry's unstructured citation, and the parser reads it with
    the author list."""
    numbers: list[tuple[str, int]] = []
    for ref in refs:
        found = _list_number(ref)
        if found is None:
            return False
        numbers.append(found)
    if [value for _, value in numbers] != list(range(1, len(numbers) + 1)):
        return False
    for ref, (typed, _) in zip(refs, numbers, strict=True):
        ref.label = typed
        ref.text = {
            lang: LIST_NUMBER.sub("", text, count=1) for lang, text in (ref.text or {}).items()
        }
    return True


# ---------------------------------------------------------------- the article

ArticleType = Literal[
    "research-article",
    "review-article",
    "article-commentary",
    "book-review",
    "brief-report",
    "case-report",
    "correction",
    "editorial",
    "letter",
    "meeting-report",
    "obituary",
    "other",
    "product-review",
    "rapid-communication",
    "reply",
    "retraction",
    "discussion",
    "abstract",
    "announcement",
    "calendar",
    "news",
    "oration",
    "partial-retraction",
    "expression-of-concern",
    "systematic-review",
    "data-paper",
    "methods-article",
    "introduction",
    "interview",
    "report",
    "review",
    "addendum",
    "books-received",
    "collection",
    "dissertation",
]


class Article(Strict):
    """One article's front matter and reference list."""

    @model_validator(mode="before")
    @classmethod
    def _pages_in_one(cls, data: Any) -> Any:
        return _pages_of_range(_split_page_range(data))

    journal: Journal | Text | None = Field(
        None,
        description=(
            "The journal: inline, or a path to its file relative to this one. When omitted, "
            "journal.yaml (or .yml/.json) is looked for beside the article and in parent folders."
        ),
    )
    article_type: ArticleType = Field("research-article", description="JATS article-type.")
    preprint: bool = Field(
        False,
        description=(
            "True for a preprint: a version posted before (or without) a journal's peer review "
            "and publication. JATS <article-version article-version-type='status'>preprint"
            "</article-version>; Crossref posted_content type='preprint' instead of a "
            "journal_article. An article naming the article it became (related_articles type "
            "published-article) is a preprint without it."
        ),
    )
    language: LangCode = Field("en", description="Main language of the article (xml:lang).")
    title: LangMap = Field(description="Title per language; the main language is required.")
    subtitle: LangMap = Field(default_factory=dict, description="Subtitle per language.")
    doi: Doi | None = Field(None, description="DOI, e.g. 10.55105/2658-6444-2018-1-110-119.")
    ids: ArticleIds = Field(default_factory=ArticleIds, description="Other identifiers.")
    section: LangMap | None = Field(None, description="Journal section (heading) per language.")
    subjects: LangLists = Field(
        default_factory=dict,
        description=(
            "Subject terms per language (OJS subjects and disciplines), written as "
            "subj-group subj-group-type='subject'; a list, or one string with ';'."
        ),
    )
    volume: ShortText | None = Field(None, description="Volume.")
    issue: ShortText | None = Field(None, description="Issue number.")
    issue_title: LangMap = Field(
        default_factory=dict,
        description=(
            "Title of the issue per language, for a themed or special issue "
            "({en: Japan's foreign policy in Asia, ru: Внешняя политика Японии в Азии}): JATS "
            "issue-title, Crossref's journal_issue title. Plain text: JATS Publishing's "
            "issue-title takes no markup."
        ),
    )
    issue_doi: Doi | None = Field(
        None,
        description=(
            "DOI of the issue the article is in, e.g. 10.55105/2658-6444-2018-1 (JATS issue-id "
            "pub-id-type='doi'; with issue_url, Crossref's journal_issue doi_data)."
        ),
    )
    issue_url: Url | None = Field(
        None,
        description=(
            "The issue's landing page (its table of contents), where issue_doi resolves to: "
            "Crossref's journal_issue doi_data/resource, written as the xlink:href of the "
            "issue's DOI in JATS. Only with issue_doi."
        ),
    )
    issue_ids: IssueIds = Field(
        default_factory=IssueIds, description="Other identifiers of the issue."
    )
    fpage: ArticlePage | None = Field(None, description="First page.")
    lpage: ArticlePage | None = Field(
        None,
        description=(
            "Last page (of pages that are not one range, the page it ends on); one abbreviated "
            "as some styles print it (fpage 1210, lpage 19) is written in full (1219)."
        ),
    )
    page_range: PageRange | None = Field(
        None,
        description=(
            "The pages when they are not one range, as printed: pages (digits, Roman numerals, "
            "digits after a letter or two: S1, e12) and ranges separated by commas, "
            "'110-115, 120-124', 'S1-S4', 'iv-x, 1-12'. fpage and lpage are its first "
            "and last page (taken from it when omitted). JATS page-range; Crossref's first "
            "range and other_pages."
        ),
    )
    elocation_id: ShortText | None = Field(
        None,
        description="Article number, for an article numbered instead of paged ('e1002012'): "
        "<elocation-id>.",
    )
    published: Published = Field(
        default_factory=Published, description="Dates published: electronic, print, collection."
    )
    history: History = Field(default_factory=History, description="Received/revised/accepted.")
    authors: list[Contributor] = Field(
        default_factory=list, description="Contributors in order (authors, editors, …)."
    )
    affiliations: list[Affiliation] = Field(
        default_factory=list, description="Affiliations that contributors refer to by id."
    )
    abstract: LangParagraphs = Field(
        default_factory=dict,
        description=(
            "Abstract per language: paragraphs separated by blank lines; <i>, <b>, <sub>, <sup> "
            "and <sc> mark inline style."
        ),
    )
    keywords: LangLists = Field(
        default_factory=dict,
        description="Keywords per language: a list, or one string separated by ';' (by ',' when "
        "it has no ';').",
    )
    funding: list[Funding] = Field(default_factory=list, description="Funders and awards.")
    funding_statement: LangMap | None = Field(None, description="Funding statement per language.")
    acknowledgements: LangParagraphs = Field(
        default_factory=dict,
        description=(
            "Acknowledgements per language (Благодарности), paragraphs separated by blank "
            "lines: JATS <ack> in <back>, one per language."
        ),
    )
    competing_interests: LangParagraphs = Field(
        default_factory=dict,
        description=(
            "Competing interests (conflict of interest) statement per language, also when there "
            "are none ('The authors declare no competing interests.'): JATS <fn "
            "fn-type='coi-statement'> in <author-notes>, one per language."
        ),
    )
    data_availability: LangParagraphs = Field(
        default_factory=dict,
        description=(
            "Data availability statement per language: where the data the article rests on "
            "can be found. JATS <sec sec-type='data-availability'> in <back>, one per language."
        ),
    )
    license: (
        Annotated[License, BeforeValidator(_license, json_schema_input_type=License | str)] | None
    ) = Field(None, description="Licence: an SPDX id (CC-BY-4.0), a URL, or {id, text}.")
    other_licenses: list[
        Annotated[License, BeforeValidator(_license, json_schema_input_type=License | str)]
    ] = Field(
        default_factory=list,
        description=(
            "Further licences beside `license`, e.g. CC0 for the data beside CC BY for the "
            "text, or the publisher's text-mining terms (applies_to: tdm): each is written as "
            "a <license> of its own."
        ),
    )
    copyright: Copyright | None = Field(None, description="Copyright statement, year, holder.")
    self_uri: list[SelfUri] = Field(default_factory=list, description="Links to PDF/HTML.")
    url: Url | None = Field(
        None,
        description=(
            "The article's landing page (its web page): Crossref's doi_data/resource, DOAJ's "
            "full-text link, citation_abstract_html_url; written as self-uri "
            "content-type='landing-page'."
        ),
    )
    related_articles: list[RelatedArticle] = Field(
        default_factory=list,
        description=(
            "Articles this one corrects, retracts, comments on or is otherwise tied to: each "
            "a type and the other article's DOI or citation (JATS related-article; Crossref "
            "relations and Crossmark updates)."
        ),
    )
    custom_meta: list[CustomMeta] = Field(default_factory=list, description="Custom metadata.")
    references: Annotated[
        list[Reference], BeforeValidator(_references, json_schema_input_type=list[Reference | str])
    ] = Field(
        default_factory=list,
        description="Reference list; an item is a string, or a mapping with text and parts.",
    )

    _lpage_as_given: str | None = PrivateAttr(None)
    """The last page as given when it was abbreviated and is written in full (lpage 7 after
    fpage 25: 27), for the readers to say once (``lpage_expanded``)."""

    def lpage_expanded(self) -> str | None:
        """The line saying that the last page was read in full, or None."""
        if self._lpage_as_given is None:
            return None
        return (
            f"lpage: {self._lpage_as_given} after fpage {self.fpage} read as {self.lpage} "
            "(an abbreviated last page; JATS and Crossref want it in full)"
        )

    @model_validator(mode="after")
    def _link_and_number(self) -> Article:
        if self.language not in self.title:
            raise ValueError(f"title: no title in the article's language ({self.language})")
        for lang in self.subtitle:  # JATS writes a subtitle inside its title's group
            if lang not in self.title:
                raise ValueError(f"subtitle: no title in its language ({lang})")
        if self.elocation_id and self.fpage:
            raise ValueError("give fpage/lpage or elocation_id, not both")
        if self.lpage and not self.fpage:
            raise ValueError("lpage: given without fpage")
        if inverted_pages(self.fpage, self.lpage):
            full = full_last_page(self.fpage, self.lpage)
            read = f" (read as {full})" if full != self.lpage else ""
            raise ValueError(f"lpage: {self.lpage}{read} comes before fpage {self.fpage}")
        if (full := full_last_page(self.fpage, self.lpage)) != self.lpage:
            self._lpage_as_given, self.lpage = self.lpage, full
        self._check_page_range()
        if self.license is not None and self.license.applies_to is not None:
            raise ValueError(
                f"license.applies_to: {self.license.applies_to!r}: the article's licence governs "
                "the article itself; give a licence for text mining (tdm), the accepted "
                "manuscript (am) or article sharing (stm-asf) in other_licenses"
            )
        self._check_issue_doi()
        for index, related in enumerate(self.related_articles):
            if related.doi and self.doi and related.doi.lower() == self.doi.lower():
                raise ValueError(
                    f"related_articles[{index}].doi: {related.doi} is this article's own DOI"
                )
            if related.pmid and related.pmid == identifiers.pmid_or_none(self.ids.pmid):
                raise ValueError(
                    f"related_articles[{index}].pmid: {related.pmid} is this article's own "
                    "PubMed id"
                )
        self._check_given_ids()
        self._resolve_affiliations()
        take_list_numbers(self.references)
        # A number skips every id already taken in the article (a reference given 'ref2', an
        # affiliation given 'ref1'): two elements with one id make the output invalid.
        taken = {aff.id for aff in self.affiliations} | {ref.id for ref in self.references}
        taken |= {related.id for related in self.related_articles}
        for prefix, items in (("ref", self.references), ("ra", self.related_articles)):
            for number, item in enumerate(items, start=1):
                if item.id is None:
                    while f"{prefix}{number}" in taken:
                        number += 1
                    item.id = f"{prefix}{number}"
                    taken.add(item.id)
        return self

    def _check_page_range(self) -> None:
        """A page range is the article's pages: it begins on fpage and ends on lpage (JATS
        writes all three, and a reader of one must not find other pages in another)."""
        if not self.page_range:
            return
        if self.elocation_id:
            raise ValueError("page_range: give pages (page_range) or elocation_id, not both")
        first, last = page_range_ends(self.page_range) or ("", "")
        if self.fpage != first:
            raise ValueError(
                f"page_range: {self.page_range!r} begins on page {first}, not on fpage {self.fpage}"
            )
        if (self.lpage or self.fpage) != last:
            raise ValueError(
                f"page_range: {self.page_range!r} ends on page {last}, not on lpage "
                f"{self.lpage or self.fpage} (lpage is the page the article ends on)"
            )

    def _check_issue_doi(self) -> None:
        """The issue's landing page is where its DOI resolves to (Crossref registers the two
        together, JATS links the DOI to it): without the DOI it has no place. An issue DOI that
        is the article's own is a DOI typed in the wrong field."""
        if self.issue_url and not self.issue_doi:
            raise ValueError(
                "issue_url: given without issue_doi (it is the page the issue's DOI resolves to)"
            )
        if self.issue_doi and self.doi and self.issue_doi.lower() == self.doi.lower():
            raise ValueError(f"issue_doi: {self.issue_doi} is the article's own DOI (doi)")

    def _check_given_ids(self) -> None:
        """An id the input gives to two affiliations, or to an affiliation and a reference or a
        related article, is refused naming the second: which one an author's 'aff1' means
        cannot be told, and the output would be invalid. (An inline affiliation is given a new
        id instead, as ``_resolve_affiliations`` says.)"""
        first: dict[str, str] = {}
        given: list[tuple[str, list[Any]]] = [
            ("affiliations", self.affiliations),
            ("references", self.references),
            ("related_articles", self.related_articles),
        ]
        for field, items in given:
            for index, item in enumerate(items):
                if item.id is None:
                    continue
                place = f"{field}[{index}].id"
                if item.id in first:
                    raise ValueError(
                        f"{place}: {item.id!r} is used twice ({first[item.id]} has it too): give "
                        "each its own id"
                    )
                first[item.id] = place

    def _resolve_affiliations(self) -> None:
        """Number affiliations, move inline ones to the list, check every reference to one.

        A number given to an affiliation without id skips every id a file states, in the list
        or inside a contributor (eLife: an editor's ``<aff>`` without id, then another editor's
        ``<aff id="aff7">``), and an inline one whose id another affiliation already holds gets
        a new one: two ``aff7`` would make the output invalid and send both editors to one.
        References' and related articles' given ids are taken too (an inline affiliation 'ref1'
        is renumbered)."""
        others = {item.id for item in [*self.references, *self.related_articles] if item.id}
        stated = (
            {aff.id for aff in self.affiliations if aff.id}
            | {
                item.id
                for person in self.authors
                for item in person.affiliations
                if isinstance(item, Affiliation) and item.id
            }
            | others
        )

        def number_from(start: int) -> str:
            while f"aff{start}" in stated:
                start += 1
            stated.add(f"aff{start}")
            return f"aff{start}"

        for number, aff in enumerate(self.affiliations, start=1):
            aff.id = aff.id or number_from(number)
        known = {aff.id for aff in self.affiliations}
        for index, person in enumerate(self.authors):
            ids: list[str | Affiliation] = []
            for pos, item in enumerate(person.affiliations):
                if isinstance(item, Affiliation):
                    same = next((a for a in self.affiliations if _same_aff(a, item)), None)
                    if same is None:
                        if not item.id or item.id in known or item.id in others:
                            item.id = number_from(len(self.affiliations) + 1)
                        self.affiliations.append(item)
                        known.add(item.id)
                        same = item
                    ids.append(same.id or "")
                elif item not in known:
                    raise ValueError(
                        f"authors[{index}].affiliations[{pos}]: no affiliation with id {item!r}"
                    )
                else:
                    ids.append(item)
            person.affiliations = ids

    def main_title(self) -> str:
        return self.title[self.language]

    def is_preprint(self) -> bool:
        """Whether the article is a preprint: ``preprint`` given, or a related article of type
        published-article (``relations.is_preprint``, the test the readers and checks share)."""
        return relations.is_preprint((item.type for item in self.related_articles), self.preprint)


def inverted_pages(fpage: str | None, lpage: str | None) -> bool:
    """A last page before the first (130–119, S4–S1, x–iv, 125–13 read as 125–113) of one
    kind (``range_problem``): "1210–19", an abbreviated range as some styles print, runs
    forwards (its last page is written in full, ``full_last_page``), and pages of two kinds
    (a first page "iv" and a last page "12") are left as given."""
    return bool(fpage) and range_problem(fpage or "", lpage) == BACKWARDS


def _same_aff(a: Affiliation, b: Affiliation) -> bool:
    return a.model_dump(exclude={"id"}) == b.model_dump(exclude={"id"})


def affiliation_ids(person: Contributor) -> list[str]:
    """The affiliation ids of a contributor (all strings once the article is validated)."""
    return [item for item in person.affiliations if isinstance(item, str)]
