"""The citation parser: identifiers and access dates first, then one anchored grammar per style.

Authors come out as ``"Surname, Given"`` (``"Иванов, И. И."``, ``"Smith, J. A."``), the form the
JATS writer splits into ``surname`` and ``given-names``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from converter.identifiers import normalize_doi
from converter.scripts import has_cyrillic

# ------------------------------------------------------------------ result


@dataclass(slots=True)
class Citation:
    """The parts of one parsed reference (the names follow ``converter.model.Reference``)."""

    style: str
    type: str | None = None
    authors: list[str] = field(default_factory=list)
    year: str | None = None
    title: str | None = None
    title_en: str | None = None
    source: str | None = None
    volume: str | None = None
    issue: str | None = None
    fpage: str | None = None
    lpage: str | None = None
    doi: str | None = None
    url: str | None = None
    accessed: str | None = None
    lang: str | None = None

    def fields(self) -> dict[str, object]:
        """The parts that are set, without the style name."""
        return {k: v for k, v in asdict(self).items() if v not in (None, []) and k != "style"}


# ------------------------------------------------------------------ building blocks

_UP = "A-ZА-ЯЁÀ-ÖØ-Þ"
_LO = "a-zа-яёß-öø-ÿ"
_PARTICLE = r"(?:van|von|der|den|de|da|di|du|la|le|ter|ten|al|el|bin|ibn)"
# A surname: capitalised word(s), hyphens and apostrophes inside (Ter-Minasova, O'Brien, McLean).
_MARK = "'’ʹʺʼˮ`\""  # apostrophes and the signs transliteration writes for ь and ъ
SURNAME = (
    rf"(?:{_PARTICLE}\s)*[{_UP}](?:[{_LO}]|[{_MARK}][{_UP}{_LO}]|[{_UP}](?=[{_LO}]))+"
    rf"(?:-[{_UP}]?(?:[{_LO}]|[{_MARK}][{_LO}])+)*"
)
# An initial: a capital and at most one small letter (И., Дж., Yu., Zh.) or Shch., hyphenated
# (J.-P.); a longer word with a full stop is a name (John.), not an initial.
INITIAL = rf"[{_UP}](?:[{_LO}]|hch)?\."
INITIALS = rf"{INITIAL}(?:\s?-?{INITIAL}){{0,2}}"
_GIVEN_WORD = rf"(?:{INITIAL}|[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?)"
GIVEN_FULL = rf"{_GIVEN_WORD}(?:\s{_GIVEN_WORD}){{0,2}}"
YEAR = r"(?:1[6-9]|20)\d{2}"
PAGES = r"(?P<fpage>[A-Za-z]?\d+)(?:\s?[–—-]\s?(?P<lpage>[A-Za-z]?\d+))?"
_DASH = "–—-"

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}  # fmt: skip
_MONTH = r"(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.UNICODE)


def _cs(pattern: str) -> re.Pattern[str]:
    """Case-sensitive: capitals tell surnames and initials from words."""
    return re.compile(pattern, re.UNICODE)


# ------------------------------------------------------------------ identifiers and dates

# Identifiers and access dates are searched without the separators before them (a pattern
# that starts with optional spaces is tried at every position); ``_cut`` removes those.
_DOI = _c(r"(?:\b(?:doi|DOI)\s?:?\s?|https?://(?:dx\.)?doi\.org/)(?P<doi>10\.\d{4,9}/[^\s\"<>]+)")
_URL = _c(
    r"(?:(?:\bURL|Режим доступа|Available at|Available from|Retrieved from|Accessed from)"
    r"\s?:?\s*)?(?P<url>(?:https?|ftp)://[^\s\"<>]+)"
)
_ACCESSED = [
    _c(
        r"[\(\[]\s*(?:accessed|дата обращения|date of access|retrieved|cited)"
        r"\s*:?\s*(?P<date>[^)\]]+?)\s*[\)\]]\.?"
    ),
    _c(r"\b(?:accessed|retrieved)\s*:?\s*(?P<date>[^.()]+?\d{4})(?:,\s*from)?\.?(?=\s|$)"),
]
_ACCESS_WORDS = ("ccess", "обращения", "etrieved", "cited")
_DATE_FORMS = [
    (_c(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$"), "dmy"),
    (_c(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$"), "ymd"),
    (_c(rf"^(?P<d>\d{{1,2}})\s(?P<mn>{_MONTH})\s(?P<y>\d{{4}})(?:\s?г\.)?$"), "dMy"),
    (_c(rf"^(?P<mn>{_MONTH})\s(?P<d>\d{{1,2}}),?\s(?P<y>\d{{4}})$"), "Mdy"),
    (_c(rf"^(?P<y>\d{{4}})\s(?P<mn>{_MONTH})\s(?P<d>\d{{1,2}})$"), "yMd"),
]


def parse_date(text: str) -> str | None:
    """'21.07.2018', '21 July 2018', 'July 21, 2018', '2018 Jul 21', '21 июля 2018' → ISO."""
    text = text.strip().rstrip(".")
    for pattern, _ in _DATE_FORMS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        month = (
            _MONTHS.get(groups["mn"].lower().rstrip(".")) if groups.get("mn") else int(groups["m"])
        )
        day, year = int(groups["d"]), int(groups["y"])
        try:
            return dt.date(year, month or 0, day).isoformat()
        except ValueError:
            return None  # 30.02.2018 is no date: the parse is not confident
    return None


def _trim_identifier(value: str) -> str:
    value = value.rstrip(".,;:")
    while value.endswith(")") and value.count("(") < value.count(")"):
        value = value[:-1]
    return value.rstrip(".,;:")


# ------------------------------------------------------------------ authors


def _initials(text: str) -> str:
    """'И.И.' / 'И. И.' / 'JA' → 'И. И.' / 'J. A.'."""
    text = text.strip()
    if "." not in text:
        return " ".join(f"{ch}." for ch in text)
    parts = _INITIAL_RE.findall(text)
    out = ""
    for part in parts:
        out += part if part.startswith("-") or not out else " " + part
    return out


_GOST_AUTHOR = rf"(?P<s>{SURNAME}),?\s?(?P<i>{INITIALS})"
_GOST_AUTHOR_RE = _cs(_GOST_AUTHOR)
_ETAL = r"(?:,?\s?\[?(?:и др|et al)\.\]?)"
GOST_AUTHORS = rf"{_GOST_AUTHOR}(?:,\s?{_GOST_AUTHOR})*{_ETAL}?".replace("?P<s>", "").replace(
    "?P<i>", ""
)
# 'И. И. Иванов, П. П. Петров' (GOST's statement of responsibility, after ' / ').
_RESP_AUTHOR = rf"(?P<i>{INITIALS})\s?(?P<s>{SURNAME})"
_RESP_AUTHOR_RE = _cs(_RESP_AUTHOR)
RESP_AUTHORS = rf"{_RESP_AUTHOR}(?:,\s{_RESP_AUTHOR})*{_ETAL}?".replace("?P<s>", "").replace(
    "?P<i>", ""
)
_APA_AUTHOR = rf"{SURNAME},\s{INITIALS}"
APA_AUTHORS = (
    rf"{_APA_AUTHOR}(?:(?:,\s{_APA_AUTHOR})*,?\s(?:&|and)\s{_APA_AUTHOR})?"
    rf"(?:,\s{_APA_AUTHOR})*(?:,?\set\sal\.)?"
)
_VAN_AUTHOR = rf"{SURNAME}\s[{_UP}]{{1,3}}"
_VAN_AUTHOR_RE = _cs(rf"(?P<s>{SURNAME})\s(?P<i>[{_UP}]{{1,3}})")
VAN_AUTHORS = rf"{_VAN_AUTHOR}(?:,\s{_VAN_AUTHOR})*(?:,\set\sal)?"
_CHI_FIRST = rf"{SURNAME},\s{GIVEN_FULL}"
_CHI_OTHER = rf"{GIVEN_FULL}\s{SURNAME}"
CHI_AUTHORS = rf"{_CHI_FIRST}(?:(?:,\s{_CHI_OTHER})*,?\sand\s{_CHI_OTHER})?(?:,\set\sal\.)?"
_INITIAL_RE = _cs(rf"-?{INITIAL}")
_ETAL_END = _cs(_ETAL + "$")
_RESP_AUTHORS_RE = _cs(rf"^{RESP_AUTHORS}$")
_APA_ETAL = _cs(r",?\set\sal\.$")
_APA_AND = _cs(r",?\s(?:&|and)\s")
_VAN_ETAL = _cs(r",\set\sal$")
_CHI_ETAL = _cs(r",\set\sal\.$")
_CHI_FIRST_RE = _cs(rf"^(?P<s>{SURNAME}),\s(?P<g>{GIVEN_FULL})")
_CHI_OTHER_RE = _cs(rf"(?:,\s|,?\sand\s)(?:and\s)?(?P<g>{GIVEN_FULL})\s(?P<s>{SURNAME})")
_FOUR_DIGITS = _cs(r"\b\d{4}\b")
_IMPRINT = _cs(r"\s?:\s?[^:]+,\s" + YEAR)
_ASCII_LETTER = _cs("[A-Za-z]")


def _split_gost(text: str) -> list[str]:
    return [
        f"{m['s']}, {_initials(m['i'])}" for m in _GOST_AUTHOR_RE.finditer(_ETAL_END.sub("", text))
    ]


def _split_resp(text: str) -> list[str]:
    return [
        f"{m['s']}, {_initials(m['i'])}" for m in _RESP_AUTHOR_RE.finditer(_ETAL_END.sub("", text))
    ]


def _split_apa(text: str) -> list[str]:
    text = _APA_ETAL.sub("", text)
    text = _APA_AND.sub(", ", text)
    parts = [p.strip() for p in text.split(",")]
    if len(parts) % 2:
        return []
    return [f"{parts[i]}, {_initials(parts[i + 1])}" for i in range(0, len(parts), 2)]


def _split_vancouver(text: str) -> list[str]:
    text = _VAN_ETAL.sub("", text)
    return [f"{m['s']}, {_initials(m['i'])}" for m in _VAN_AUTHOR_RE.finditer(text)]


def _split_chicago(text: str) -> list[str]:
    text = _CHI_ETAL.sub("", text)
    first = _CHI_FIRST_RE.match(text)
    if not first:
        return []
    out = [f"{first['s']}, {first['g']}"]
    rest = text[first.end() :]
    for match in _CHI_OTHER_RE.finditer(rest):
        out.append(f"{match['s']}, {match['g']}")
    return out


# ------------------------------------------------------------------ clean-up


_WHITESPACE = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _strip_end(text: str) -> str:
    return text.strip().rstrip(f" .,;:{_DASH}/").strip()


_LEADING_NUMBER = _cs(r"^(?:\[\d{1,4}\]|\d{1,4}\.(?!\d))\s*")
_GOST_MEDIUM = _c(r"\s*[.]?\s*[–—-]\s*Текст\s*:\s*(?:электронный|непосредственный)\s*")
_RUSS = _c(r"\s*\(In (?:Russ|Russian|Japanese|Jpn|Chinese|Ukr|Ukrainian)\.?\)\s*\.?")
_MEDIUM = _c(r"\s?\[(?:Электронный ресурс|Electronic resource|Internet|Текст|Text)\]")


# ------------------------------------------------------------------ the styles

_PIECES = [
    ("volume", _c(r"(?:Т|Том|Vol|V|Bd)\.?\s?(?P<v>\d+[A-Za-z]?)")),
    ("issue", _c(r"(?:№|No\.?|N|Вып\.?|Iss\.|Issue)\s?(?P<n>\d+(?:[/–-]\d+)?)(?:\s?\(\d+\))?")),
    ("pages", _c(rf"(?:С|P|pp|p|S)\.\s?{PAGES}")),
    ("date", _c(rf"\d{{1,2}}\s{_MONTH}")),
    ("series", _c(r"(?:Сер|Ser)\.\s?\d{1,3}")),
    ("count", _c(r"\d+\s?(?:с|p|pp|S)\.?(?=\s|$)")),
    ("isbn", _c(r"ISBN\s?[\dXx-]{10,17}")),
]
_LEAD_SEPARATORS = _c(rf"^[\s.,;{_DASH}]+")
_PIECE_END = _c(rf"\s*(?:[.,;]\s*(?:[{_DASH}]\s*)?|[–—]\s*|$)")


def _details(text: str, cit: Citation, *, allow_date: bool = True) -> bool:
    """Read 'Т. 5, № 2. С. 10–20', 'vol. 5, no. 2, pp. 10–20', '6 сентября', … into ``cit``;
    False when a piece is not recognised (then the parse is not confident)."""
    text = _strip_end(_LEAD_SEPARATORS.sub("", text))
    pos = 0
    while pos < len(text):
        for kind, pattern in _PIECES:
            m = pattern.match(text, pos)
            if not m:
                continue
            end = _PIECE_END.match(text, m.end())
            if end is None:
                continue
            if kind == "volume" and not cit.volume:
                cit.volume = m["v"]
            elif kind == "issue" and not cit.issue:
                cit.issue = m["n"]
            elif kind == "pages" and not cit.fpage:
                cit.fpage, cit.lpage = m["fpage"], m["lpage"]
            elif kind == "date" and allow_date:
                cit.type = cit.type or "newspaper"
            elif kind not in ("series", "count", "isbn"):
                return False
            pos = end.end()
            break
        else:
            return False
    return True


# 'City: Publisher' (a book's imprint) is not a source.
_PUBLISHER = _c(
    r"(?:^(?:М|Л|СПб|St|Moscow|Leningrad|London|New York)\.?\s?:|:\s?.*(?:Publ|Press|Изд|изд))"
)
_PAGE_COUNT_END = _c(r"\d+\s?(?:с|p|pp|S)\.?\s*$")
_SOURCE_YEAR = _cs(
    rf"^(?P<source>.+?)\s?[.,]\s(?:[{_DASH}]\s)?(?P<year>{YEAR})(?P<rest>(?:[.,]\s.*)?)$"
)


def _source_part(text: str, cit: Citation) -> bool:
    """'Журнал. 2019. Т. 5, № 2. С. 10–20' → source, year and details."""
    text = _strip_end(text)
    m = _SOURCE_YEAR.match(text)
    if not m:
        return False
    source = _strip_end(m["source"])
    if not source or _FOUR_DIGITS.search(source) or len(source) < 2 or _PUBLISHER.search(source):
        return False
    if _PAGE_COUNT_END.search(m["rest"]):
        return False  # 'Moscow, 1994. 591 p.': a book's imprint, not a source
    cit.source, cit.year = source, m["year"]
    return _details(m["rest"], cit)


# GOST 7.0.5 / 7.0.100: 'Authors Title // Source. Year. Vol., No. Pages.'
_GOST_HEAD = _cs(rf"^(?P<authors>{GOST_AUTHORS})\s(?P<title>\S.*)$")
_GOST_BOOK_TAIL = _cs(
    rf"^(?P<title>.+?)\.\s(?:[{_DASH}]\s)?(?P<city>[{_UP}][{_LO}]*\.?(?:\s[{_UP}][{_LO}]*\.?)?)\s?:\s?"
    rf"(?P<pub>[^:/]{{2,80}}?),\s(?P<year>{YEAR})(?P<rest>(?:\.\s.*)?)$"
)


# Anything that begins like 'Word I.' or 'Word, I.' is an author list the grammar could not read.
_AUTHOR_START = _cs(rf"^(?:[^\s,]+,?\s){{1,4}}[{_UP}][{_LO}]?\.")
_ABBREVIATION_END = _cs(rf"(?:^|\s)[{_LO}]{{1,3}}\.$")


_SENTENCE_BREAK = _cs(rf"[.?!]\s[{_UP}]")


def _split_is_unique(title: str) -> bool:
    """'Title. Source' splits in one place only when the title has no sentence break inside;
    with one ('… века. Япония. Ежегодник') the source may start at either, so no guess."""
    return _SENTENCE_BREAK.search(title.rstrip(".?! ")) is None


def _title_end(text: str) -> str:
    """A title without its closing full stop, unless the stop ends an abbreviation (1904 гг.)."""
    text = text.strip()
    if _ABBREVIATION_END.search(text):
        return text
    return _strip_end(text)


def _gost_head(head: str, cit: Citation) -> bool:
    """Authors and title before '//' (or of a book), with a ' / И. И. Иванов' statement."""
    head = head.strip()
    title, _, resp = head.partition(" / ")
    resp_authors: list[str] = []
    if resp:
        resp = _strip_end(resp)
        if not _RESP_AUTHORS_RE.match(resp):
            return False
        resp_authors = _split_resp(resp)
    m = _GOST_HEAD.match(title)
    if m:
        cit.authors = _split_gost(m["authors"])
        title = m["title"]
        if resp_authors:
            if cit.authors and resp_authors[0].split(",")[0] != cit.authors[0].split(",")[0]:
                return False
            cit.authors = resp_authors
    elif resp_authors:
        cit.authors = resp_authors
    elif _AUTHOR_START.match(title):
        return False  # it starts like an author the grammar could not read: no guessing
    title = _title_end(title)
    if len(title) < 3 or "//" in title:
        return False
    cit.title = title
    return True


# A chapter or paper in a book: '// Book title / под ред. … М.: Publisher, 2010. С. 15–40'.
_GOST_IN_BOOK = _cs(
    rf"^(?P<book>[^/]+?)\s?(?:/\s[^/]+?)?\.\s(?:[{_DASH}]\s)?"
    rf"(?P<city>[{_UP}][\w-]*\.?(?:\s[{_UP}][\w-]*\.?)?)\s?:\s?(?P<pub>[^,:/]{{2,80}}),\s"
    rf"(?P<year>{YEAR})(?P<rest>(?:[.,]\s.*)?)$"
)
_PROCEEDINGS = _c(r"(?:материалы|труды|тезисы|конференц|proceedings|conference|symposium)")


def _in_book(tail: str, cit: Citation) -> bool:
    m = _GOST_IN_BOOK.match(_strip_end(tail))
    if not m or not _details(m["rest"], cit, allow_date=False):
        return False
    book = _title_end(m["book"])
    if len(book) < 3:
        return False
    cit.source, cit.year = book, m["year"]
    cit.type = "conference" if _PROCEEDINGS.search(book) else "chapter"
    return True


def parse_gost(core: str) -> Citation | None:
    cit = Citation("gost")
    if core.count("//") == 1:
        head, _, tail = core.partition("//")
        if not _gost_head(head, cit):
            return None
        if " / " in tail or _IMPRINT.search(tail):
            return cit if _in_book(tail, cit) else None
        if not _source_part(tail, cit):
            return None
        cit.type = cit.type or ("journal" if (cit.volume or cit.issue or cit.fpage) else None)
        if cit.type is None:
            return None
        return cit
    if "//" in core or ":" not in core:
        return None
    # A book: 'Authors Title. City: Publisher, Year. 250 с.'
    m = _GOST_BOOK_TAIL.match(_strip_end(core))
    if not m:
        return None
    if not _gost_head(m["title"], cit):
        return None
    if not _details(m["rest"], cit, allow_date=False):
        return None
    if cit.volume or cit.issue or cit.fpage:
        return None
    cit.type, cit.source, cit.title, cit.year = "book", cit.title, None, m["year"]
    return cit


# The transliterated "References" style: 'Ivanov I.I., Petrov P.P. Title [Title]. Source, 2019,
# vol. 5, no. 2, pp. 10–20. (In Russ.)', and the seed's 'Author (2017) Title [Title]. 6 September
# // Source.'
_REF_HEAD = _cs(
    rf"^(?:(?P<authors>{GOST_AUTHORS})\s)?(?:\((?P<year>{YEAR})\)\.?\s)?(?P<title>[^\[\]]+?)"
    rf"\s?\[(?P<title_en>[^\[\]]+)\]\.?(?P<rest>(?:\s.*)?)$"
)
_REF_SOURCE = _cs(rf"^(?P<source>[^,\d][^,]*?),\s(?P<year>{YEAR})(?P<rest>(?:,\s.*)?)$")
_REF_BOOK = _cs(
    rf"^(?P<city>[{_UP}][\w'.-]*(?:\s[{_UP}][\w'-]*)?)(?:\s?:|,(?=[^,]+\b(?:Publ|Press)\b))\s?(?P<pub>[^,]{{2,80}}),\s(?P<year>{YEAR})"
    rf"(?P<rest>(?:\.\s.*)?)$"
)
_DATE_YEAR = _c(rf"^(?:\d{{1,2}}\s{_MONTH}\s)?(?P<year>{YEAR})$")
_SEED_REST = _cs(
    rf"^(?:(?P<date>\d{{1,2}}\s{_MONTH}(?:\s(?P<year>{YEAR}))?)\.?\s?)?"
    rf"(?://\s?(?P<source>[^/]*?))?\.?$"
)
_SEED_SOURCE_FIRST = _cs(
    rf"^(?P<source>[^/\d.][^/.]*?)\.\s(?P<date>\d{{1,2}}\s{_MONTH}\s(?P<year>{YEAR}))\.?$"
)


def parse_references_style(core: str) -> Citation | None:
    m = _REF_HEAD.match(core)
    if not m or has_cyrillic(m["title_en"]) or not _ASCII_LETTER.search(m["title_en"]):
        return None  # the brackets hold no English title ('[и др.]', '[Электронный ресурс]')
    cit = Citation("translit")
    if m["authors"]:
        cit.authors = _split_gost(m["authors"])
    elif _AUTHOR_START.match(m["title"]):
        return None
    title = _title_end(m["title"])
    if len(title) < 3 or "//" in title:
        return None
    cit.title, cit.title_en = title, _strip_end(m["title_en"])
    rest = _strip_end(m["rest"] or "")
    if m["year"]:
        # The seed's form: the year after the authors, the date and '// Source' after the title.
        cit.year = m["year"]
        sm = _SEED_REST.match(rest)
        if not sm:
            return None
        if sm["year"] and sm["year"] != cit.year:
            return None
        source = _strip_end(sm["source"] or "")
        cit.source = source or None
        cit.type = "newspaper" if sm["date"] else ("web" if not source else None)
        if cit.type is None:
            return None
        return cit
    if (sm := _SEED_SOURCE_FIRST.match(rest)) or ((sm := _SEED_REST.match(rest)) and sm["year"]):
        cit.year = sm["year"]
        cit.source = _strip_end(sm["source"] or "") or None
        cit.type = "newspaper"
        return cit if cit.year else None
    if (bm := _REF_BOOK.match(rest)) is not None:
        if not _details(bm["rest"], cit, allow_date=False):
            return None
        cit.type, cit.source, cit.year = "book", cit.title, bm["year"]
        cit.title = None
        return cit
    sm = _REF_SOURCE.match(rest)
    if sm:
        # 'Yaponskie issledovaniya [Japanese Studies in Russia]': the transliterated name is
        # the source; its English name in brackets is not part of it.
        source = _SOURCE_EN.sub("", _strip_end(sm["source"]))
        cit.source, cit.year = source, sm["year"]
        if not _details(sm["rest"], cit):
            return None
        if cit.volume or cit.issue or cit.fpage:
            cit.type = "journal"
        return cit if cit.type else None
    if _source_part(rest, cit):
        if cit.type is None and (cit.volume or cit.issue or cit.fpage):
            cit.type = "journal"
        return cit
    ym = _YEAR_FIRST.match(rest)
    if ym and _details(ym["rest"], cit):
        cit.year = ym["year"]
        return cit
    return None


_SOURCE_EN = _cs(r"\s?\[[A-Za-z][^\[\]]*\]$")
_YEAR_FIRST = _cs(rf"^(?P<year>{YEAR})(?P<rest>(?:\.\s.*)?)$")


# The same style without a bracketed translation: 'Ivanov I.I. Title. Source, 2019, vol. 5, …'
_REF_PLAIN = _cs(
    rf"^(?P<authors>{GOST_AUTHORS})\s(?P<title>[^\[\]]+?[.?!])\s(?P<source>[^.,\d][^.,]*?),\s"
    rf"(?P<year>{YEAR})(?P<rest>,\s.*)$"
)


def parse_references_plain(core: str) -> Citation | None:
    m = _REF_PLAIN.match(_strip_end(core))
    if not m:
        return None
    if not _split_is_unique(m["title"]):
        return None
    cit = Citation("translit", authors=_split_gost(m["authors"]))
    cit.title, cit.source, cit.year = _title_end(m["title"]), _strip_end(m["source"]), m["year"]
    if not _details(m["rest"], cit, allow_date=False):
        return None
    if not (cit.volume or cit.issue) or not cit.fpage:
        return None
    cit.type = "journal"
    return cit


# APA: 'Smith, J. A., & Brown, B. (2020). Title. Journal, 12(3), 45–67.'
_APA = _cs(
    rf"^(?P<authors>{APA_AUTHORS})\s\((?P<year>{YEAR})[a-z]?(?:,\s(?P<date>[^)]+))?\)\.\s"
    rf"(?P<rest>.+)$"
)
_APA_JOURNAL = _cs(
    rf"^(?P<title>.+?[.?!])\s(?P<source>[{_UP}][^.?!]*?),\s(?P<volume>\d+)"
    rf"(?:\((?P<issue>[^)]+)\))?(?:,\s{PAGES}|,\sArticle\s[\w.-]+)?\.?$"
)
_APA_BOOK = _cs(
    rf"^(?P<title>[^.?!]+?[?!]?)(?:\s\((?:\d+(?:st|nd|rd|th)\sed\.|Vol\.\s\d+)\))?\.\s"
    rf"(?P<publisher>[{_UP}][^.\d]{{1,80}})\.?$"
)
_APA_WEB = _cs(rf"^(?P<title>[^.?!]+?[?!]?)\.\s(?P<source>[{_UP}][^.]{{1,80}})\.?$")


def parse_apa(core: str, has_url: bool) -> Citation | None:
    m = _APA.match(core)
    if not m:
        return None
    cit = Citation("apa", authors=_split_apa(m["authors"]), year=m["year"])
    if not cit.authors:
        return None
    rest = m["rest"].strip()
    if m["date"]:
        if not has_url:
            return None
        wm = _APA_WEB.match(rest)
        if not wm:
            return None
        cit.title, cit.source, cit.type = _strip_end(wm["title"]), _strip_end(wm["source"]), "web"
        return cit
    jm = _APA_JOURNAL.match(rest)
    if jm and _split_is_unique(jm["title"]):
        title = jm["title"]
        cit.title = title[:-1] if title.endswith(".") else title
        cit.source, cit.volume, cit.issue = jm["source"], jm["volume"], jm["issue"]
        cit.fpage, cit.lpage = jm["fpage"], jm["lpage"]
        cit.type = "journal"
        return cit
    bm = _APA_BOOK.match(rest)
    if bm and not has_url:
        cit.source, cit.type = _strip_end(bm["title"]), "book"
        return cit
    return None


# Vancouver: 'Smith JA, Brown B. Title. J Name. 2020;12(3):45-67.'
_VANCOUVER = _cs(
    rf"^(?P<authors>{VAN_AUTHORS})\.\s(?P<title>.+?[.?!])\s(?P<source>[{_UP}][^.;]*?)\.\s"
    rf"(?P<year>{YEAR})(?:\s[A-Z][a-z]{{2}}(?:\s\d{{1,2}})?)?;\s?(?P<volume>\d+)"
    rf"(?:\((?P<issue>[^)]+)\))?(?::\s?{PAGES})?\.?$"
)
_VANCOUVER_BOOK = _cs(
    rf"^(?P<authors>{VAN_AUTHORS})\.\s(?P<title>[^.]+?)\.\s(?:(?P<ed>\d+(?:st|nd|rd|th)\sed)\.\s)?"
    rf"(?P<city>[{_UP}][^:;.]{{1,40}}):\s(?P<pub>[^;]{{2,80}});\s(?P<year>{YEAR})\.?$"
)


def _expand_lpage(fpage: str | None, lpage: str | None) -> str | None:
    """NLM abbreviates the last page (123-9 is 123-129)."""
    if fpage and lpage and fpage.isdigit() and lpage.isdigit() and len(lpage) < len(fpage):
        return fpage[: len(fpage) - len(lpage)] + lpage
    return lpage


def parse_vancouver(core: str) -> Citation | None:
    m = _VANCOUVER.match(core)
    if m and _split_is_unique(m["title"]):
        cit = Citation("vancouver", authors=_split_vancouver(m["authors"]), year=m["year"])
        title = m["title"]
        cit.title = title[:-1] if title.endswith(".") else title
        cit.source, cit.volume, cit.issue = m["source"], m["volume"], m["issue"]
        cit.fpage, cit.lpage = m["fpage"], _expand_lpage(m["fpage"], m["lpage"])
        cit.type = "journal"
        return cit
    m = _VANCOUVER_BOOK.match(core)
    if m:
        return Citation(
            "vancouver",
            type="book",
            authors=_split_vancouver(m["authors"]),
            year=m["year"],
            source=m["title"],
        )
    return None


# Chicago author-date: 'Smith, John A., and Bob Brown. 2020. "Title." Journal 12 (3): 45–67.'
_CHICAGO = _cs(
    rf"^(?P<authors>{CHI_AUTHORS})\.?\s(?P<year>{YEAR})[a-z]?\.\s[“\"](?P<title>[^”\"]+?)[.,]?[”\"]"
    rf"\s(?P<source>[{_UP}][^\d“”\"]*?)\s(?P<volume>\d+)"
    rf"(?:,?\s(?:\((?P<issue>[^)]+)\)|no\.\s(?P<issue2>\d+)))?(?::\s?{PAGES})?\.?$"
)
_CHICAGO_BOOK = _cs(
    rf"^(?P<authors>{CHI_AUTHORS})\.?\s(?P<year>{YEAR})[a-z]?\.\s(?P<title>[^“”\"]+?[^.])\.\s"
    rf"(?P<city>[{_UP}][^:.]{{1,40}}):\s(?P<pub>[^.:]{{2,80}})\.?$"
)


def parse_chicago(core: str) -> Citation | None:
    m = _CHICAGO.match(core)
    if m:
        cit = Citation("chicago", authors=_split_chicago(m["authors"]), year=m["year"])
        cit.title, cit.source = (
            _strip_end(m["title"]).rstrip("?")
            + ("?" if m["title"].rstrip(".,").endswith("?") else ""),
            m["source"].rstrip(","),
        )
        cit.volume, cit.issue = m["volume"], m["issue"] or m["issue2"]
        cit.fpage, cit.lpage = m["fpage"], _expand_lpage(m["fpage"], m["lpage"])
        cit.type = "journal"
        return cit if cit.authors else None
    m = _CHICAGO_BOOK.match(core)
    if m:
        authors = _split_chicago(m["authors"])
        if not authors:
            return None
        return Citation("chicago", type="book", authors=authors, year=m["year"], source=m["title"])
    return None


# ------------------------------------------------------------------ entry point


def _cut(text: str, start: int, end: int) -> str:
    """``text`` without [start:end] and the separators just before it."""
    return text[:start].rstrip(" .,;" + _DASH) + " " + text[end:]


_TRAILING_DOTS = re.compile(r"\s*\.\s*\.$")
_TRAILING_DASH = re.compile(rf"\s[{_DASH}]\s?$")
_EMPTY_URL = re.compile(r"(?:\s|^)URL\s?:\s*")


def _extract(text: str) -> tuple[str, str | None, str | None, str | None, bool]:
    """Take DOI, URL and access date out of the text; return what is left and them."""
    doi = url = accessed = None
    in_russ = False
    if "10." in text and (m := _DOI.search(text)):
        doi = _trim_identifier(m["doi"])
        text = _cut(text, m.start(), m.start() + len(m.group(0)))
    lowered = text.lower()
    if any(word in lowered for word in _ACCESS_WORDS):
        for pattern in _ACCESSED:
            m = pattern.search(text)
            if m:
                accessed = parse_date(m["date"])
                if accessed is None:
                    return text, doi, url, None, False
                text = _cut(text, m.start(), m.end())
                break
    if "://" in text and (m := _URL.search(text)):
        url = _trim_identifier(m["url"])
        text = _cut(text, m.start(), m.start() + len(m.group(0)))
    if "(In" in text and _RUSS.search(text):
        in_russ = True
        text = _RUSS.sub(" ", text)
    if "Текст" in text:
        text = _GOST_MEDIUM.sub(". ", text)
    if "[" in text:
        text = _MEDIUM.sub("", text)
    text = _clean(text) if "  " in text or text[:1] == " " else text.strip()
    text = _TRAILING_DOTS.sub(".", text)
    text = _TRAILING_DASH.sub("", text).rstrip()
    if "URL" in text:
        # 'URL:' whose address was left out (as in the seed) leaves nothing behind.
        text = _clean(_EMPTY_URL.sub(" ", text))
    return text, doi, url, accessed, in_russ


@lru_cache(maxsize=4096)
def parse_reference(text: str) -> Citation | None:
    """The structured parts of one reference, or None when no style parses it with confidence."""
    raw = _clean(text)
    if raw[:1].isdigit() or raw[:1] == "[":
        raw = _LEADING_NUMBER.sub("", raw)
    if not raw or len(raw) > 2000:
        return None
    core, doi, url, accessed, _ = _extract(raw)
    if not core:
        return None
    core = core if core.endswith((".", "?", "!")) else core + "."
    candidates: list[Citation] = []
    if "//" in core or has_cyrillic(core):
        found = parse_gost(core)
        if found:
            candidates.append(found)
    if "[" in core:
        found = parse_references_style(core)
        if found:
            candidates.append(found)
    if not candidates:
        for parser in (
            lambda c: parse_apa(c, url is not None),
            parse_vancouver,
            parse_chicago,
            parse_references_plain,
            parse_gost,
        ):
            found = parser(core)
            if found:
                candidates.append(found)
    if len(candidates) != 1:
        return None  # no style, or two styles reading it differently: not confident
    cit = candidates[0]
    if doi is not None:
        try:
            doi = normalize_doi(doi)
        except ValueError:
            return None  # a DOI with a typographic dash or other damage: leave it as text
    cit.doi, cit.url, cit.accessed = doi, url, accessed
    if not _plausible(cit):
        return None
    if cit.type == "newspaper" and not cit.source:
        cit.type = None  # a dated item without a source may be a web page as well
    if cit.type is None and url and not cit.source:
        cit.type = "web"
    lang_text = " ".join(filter(None, [cit.title, cit.source]))
    cit.lang = "ru" if has_cyrillic(lang_text) else None
    return cit


# Pieces that show a 'source' swallowed a book's editor, imprint or a bracketed note.
_NOT_A_SOURCE = _c(r"[\[\]]|^(?:In|В|Там же)\s?:|\((?:ed|eds|red|отв)\.?\)|\bPubl\b|под ред\.")


# Places of publication a wrong split could take for a source.
_CITIES = frozenset(
    {"moscow", "москва", "м", "спб", "st. petersburg", "saint petersburg", "санкт-петербург",
     "leningrad", "ленинград", "л", "novosibirsk", "новосибирск", "london", "new york", "tokyo",
     "oxford", "cambridge", "berlin", "paris", "kyiv", "kiev", "киев", "minsk", "минск"}
)  # fmt: skip


def _plausible(cit: Citation) -> bool:
    """Sanity checks that catch a grammar matching the wrong thing."""
    if cit.year and not 1600 <= int(cit.year) <= 2100:
        return False
    pages = (cit.fpage or "", cit.lpage or "")
    if all(p.isdigit() for p in pages) and int(pages[1]) < int(pages[0]):
        return False
    for part in (cit.title, cit.source):
        if part is not None and (len(part) < 2 or part.count("(") != part.count(")")):
            return False
    if cit.source is not None and (
        _NOT_A_SOURCE.search(cit.source) or cit.source.lower().rstrip(". ") in _CITIES
    ):
        return False
    if not cit.authors and cit.title and _AUTHOR_START.match(cit.title):
        return False  # 'Автор 0 А. Б. Title': an author list the grammar could not read
    if not cit.authors and cit.title and cit.year and cit.year in _FOUR_DIGITS.findall(cit.title):
        # 'Surname Given 2019 Title': an author and year the grammar could not read, taken
        # into a title-first entry's title. A title naming its own year is rarer than that.
        return False
    return bool(cit.title or cit.source)
