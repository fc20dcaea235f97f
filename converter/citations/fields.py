"""Labelled spans of a reference → the parts of a ``Citation``, and the checks that veto them.

The same function reads the labeller's spans and the hand labels of the measuring sets, so a
field is "right" when the model put the same words under the same label as the annotator did.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from functools import cache

from converter import lazy_re
from converter.citations.lexicon import PLACES
from converter.citations.names import Memo, ends_with_etal, has_russian_letters, split_people
from converter.citations.ukrainian import is_ukrainian
from converter.identifiers import ARXIV_ID, normalize_isbn
from converter.inline import without_addresses


@dataclass(slots=True)
class Citation:
    """The parts of one parsed reference (the names follow ``converter.model.Reference``)."""

    style: str = "crf"
    type: str | None = None
    authors: list[str] = field(default_factory=list)
    etal: bool | None = None  # True: the author list closes with 'et al.' (None, not False:
    # ``fields()`` lists only what is set)
    editors: list[str] = field(default_factory=list)
    year: str | None = None
    title: str | None = None
    title_en: str | None = None
    source: str | None = None
    volume: str | None = None
    issue: str | None = None
    fpage: str | None = None
    lpage: str | None = None
    publisher: str | None = None
    place: str | None = None
    doi: str | None = None
    arxiv: str | None = None
    isbn: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None
    accessed: str | None = None
    lang: str | None = None

    def fields(self) -> dict[str, object]:
        """The parts that are set, without the style name."""
        return {k: v for k, v in asdict(self).items() if v not in (None, []) and k != "style"}

    def copy(self) -> Citation:
        """A copy of its own, lists too: what ``parse_reference`` gives from its cache, so a
        caller who changes it changes no later answer. Written out field by field: 0.8 µs,
        where ``dataclasses.replace`` takes 7 µs and a hit of the cache 0.3 µs (a test holds
        it to every field)."""
        new = object.__new__(Citation)
        new.style = self.style
        new.type = self.type
        new.authors = self.authors[:]
        new.etal = self.etal
        new.editors = self.editors[:]
        new.year = self.year
        new.title = self.title
        new.title_en = self.title_en
        new.source = self.source
        new.volume = self.volume
        new.issue = self.issue
        new.fpage = self.fpage
        new.lpage = self.lpage
        new.publisher = self.publisher
        new.place = self.place
        new.doi = self.doi
        new.arxiv = self.arxiv
        new.isbn = self.isbn
        new.pmid = self.pmid
        new.pmcid = self.pmcid
        new.url = self.url
        new.accessed = self.accessed
        new.lang = self.lang
        return new


Span = tuple[str, str, float]  # label, text, confidence (the lowest token marginal)


def language(text: str) -> str:
    """'ru' (Cyrillic), 'ru-Latn' (a Russian or Ukrainian work in Latin script: "(In Russ.)",
    "[in Ukrainian]" and the like) or 'en' (English and every other language)."""
    if has_russian_letters(text):
        return "ru"
    if _RUSS.search(text):
        return "ru-Latn"
    return "en"


def threshold_group(text: str) -> str:
    """Which abstention threshold applies: 'ru' for Russian works in either script, 'en'."""
    return "en" if language(text) == "en" else "ru"


# The language groups whose publisher and place are written into an element-citation. For
# Russian works they are read at 0.98–0.99 precision on the unread sets (the fresh slice, the
# left-out journals; place 0.962 on the latter), but not for English ones: 0.91–0.94 on the dev
# split and the fresh slice. The English labels of publishers and conference places disagree too
# often to write them.
IMPRINT_GROUPS = frozenset({"ru"})
# GOST R 7.0.12's abbreviated places of publication: the only cities it shortens
_PLACE_ABBREVIATIONS = {
    "М": "Москва",
    "СПб": "Санкт-Петербург",
    "Л": "Ленинград",
    "Н. Новгород": "Нижний Новгород",
    "Ростов н/Д": "Ростов-на-Дону",
}
# ... and those of Ukrainian lists (DSTU GOST 7.1:2006, before DSTU 8302:2015 wrote every place
# out): К. is Kyiv, Х. Kharkiv, О. Odesa, and Л. Lviv, not Leningrad (the places the References
# form writes out, ``enrich``); Moscow's and St Petersburg's stay
_UKRAINIAN_PLACE_ABBREVIATIONS = {
    "К": "Київ",
    "Х": "Харків",
    "О": "Одеса",
    "Л": "Львів",
    "М": "Москва",
    "СПб": "Санкт-Петербург",
}


# The mark the "References" style puts after a Russian publisher's transliterated name
# ("Moscow, Nauka Publ., 1988"), or before it ("Kazan', Publ. Kazan university"): it says the
# words are a publisher's, and is not part of the name. ("Publ. House of …", "Publ. of KSU" and
# "Publ. center …" are names that begin with the word.)
_PUBL_MARK = lazy_re.compile(r"(?<=\S)\s+Publ\.?$|^Publ\.\s+(?!House\b)(?=[A-ZА-ЯЁІЇЄҐ«\"“])")


def written_imprint(citation: Citation, group: str) -> tuple[str | None, str | None]:
    """The publisher and place a structured reference of ``group`` is written with: none
    outside ``IMPRINT_GROUPS``, GOST's (or, in a Ukrainian reference, DSTU's) abbreviated
    places written out, and the publisher's name without the "References" style's "Publ."
    mark (``publisher_name``)."""
    if group not in IMPRINT_GROUPS:
        return None, None
    publisher = publisher_name(citation.publisher) if citation.publisher else None
    place = place_name(citation.place, citation.lang) if citation.place else None
    return publisher, place


def publisher_name(publisher: str) -> str:
    """A publisher as the name JATS's ``publisher-name`` takes: without the "References"
    style's "Publ." mark ('Nauka Publ.' → 'Nauka')."""
    return _PUBL_MARK.sub("", publisher)


# What the parser reads that no element-citation gets: a reference has no editors (``Reference``)
_NEVER_WRITTEN = ("editors",)


def written_parts(citation: Citation, group: str) -> tuple[dict[str, object], dict[str, object]]:
    """The parts of ``citation`` a structured reference of ``group`` is written with, as they
    are written (``written_imprint``), and the parts read but not written: editors, and the
    publisher and place outside ``IMPRINT_GROUPS``."""
    written = citation.fields()
    unwritten = {name: written.pop(name) for name in _NEVER_WRITTEN if name in written}
    imprint = dict(zip(("publisher", "place"), written_imprint(citation, group), strict=True))
    for name, value in imprint.items():
        if name in written and value is None:
            unwritten[name] = written.pop(name)
        elif value is not None:
            written[name] = value
    return written, unwritten


def place_name(place: str, lang: str | None = None) -> str:
    """A place of publication as the name JATS's ``publisher-loc`` takes: GOST's abbreviations
    written out ('М.; Л.' → 'Москва; Ленинград'), in a Ukrainian reference (``lang`` uk)
    DSTU's ('К.' → 'Київ', 'О.' → 'Одеса', 'Л.' → 'Львів'), other places as they are."""
    table = _UKRAINIAN_PLACE_ABBREVIATIONS if lang == "uk" else _PLACE_ABBREVIATIONS
    parts = (part.strip().rstrip(".").strip() for part in place.split(";"))
    return "; ".join(table.get(part, part) for part in parts if part)


_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    # (abbreviated as access dates are: '11 апр. 2017')
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8,
    "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
    # (and in the nominative, as some access dates have it: '[Дата обращения: 15 март 2016]')
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
    "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}  # fmt: skip
_MONTH = r"(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_FORMS = [
    # ('05.03. 2019', '15.01 2019': a space the PDF or the typist put in)
    lazy_re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})(?:\.\s?|\s)(?P<y>\d{4})(?:\s?г)?$"),
    lazy_re.compile(r"^(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})$"),  # '01-04-2024'
    # ('15 3 2016', '2016 03 15': the parts of a date typed apart)
    lazy_re.compile(r"^(?P<d>\d{1,2})\s(?P<m>\d{1,2})\s(?P<y>\d{4})$"),
    lazy_re.compile(r"^(?P<y>\d{4})\s(?P<m>\d{2})\s(?P<d>\d{2})$"),
    lazy_re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$"),
    lazy_re.compile(rf"^(?P<d>\d{{1,2}})\s(?P<mn>{_MONTH})\s(?P<y>\d{{4}})(?:\s?г\.?)?$"),
    # ('Mar.15, 2024': no space after the month's full stop)
    lazy_re.compile(rf"^(?P<mn>{_MONTH})\s?(?P<d>\d{{1,2}})(?:,\s?|\s)(?P<y>\d{{4}})$"),
    lazy_re.compile(rf"^(?P<y>\d{{4}})\s(?P<mn>{_MONTH})\s(?P<d>\d{{1,2}})$"),
    lazy_re.compile(rf"^(?P<d>\d{{1,2}})-(?P<mn>{_MONTH})-(?P<y>\d{{4}})$"),  # '12-November-2015'
]


def parse_date(text: str) -> str | None:
    """'21.07.2018', '21 July 2018', 'July 21, 2018', '2018 Jul 21', '21 июля 2018' → ISO."""
    text = _SPACES.sub(" ", text.strip().rstrip("."))
    for pattern in _DATE_FORMS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        month = (
            _MONTHS.get(groups["mn"].lower().rstrip(".")) if groups.get("mn") else int(groups["m"])
        )
        try:
            return dt.date(int(groups["y"]), month or 0, int(groups["d"])).isoformat()
        except ValueError:
            return None
    return None


_SPACES = lazy_re.compile(r"\s+")
_NEXT_YEAR = dt.date.today().year + 1  # read once per process (a cost per reference otherwise)
_YEAR = lazy_re.compile(r"(?<!\d)(\d{4})(?!\d)")
_NUMBER = lazy_re.compile(r"[0-9]+[A-Za-zА-Яа-я]?(?:\s?[-–—/]\s?[0-9]+)?|\b[IVXLC]+\b")
_PAGES = lazy_re.compile(
    r"(?<![\w.])([A-Za-z]?\d+[A-Za-z]?)(?:\s?(?:[-‐‑–—−]+|\s(?:to|-)\s)\s?([A-Za-z]?\d+[A-Za-z]?))?"
)
# ACM's pages numbered within the article: 'P. 21:1–21:11' (the first page is '21:1', not 21)
_NUMBERED_PAGES = lazy_re.compile(r"(?<![\w.:])(\d+:\d+)\s?[-‐‑–—−]+\s?(\d+:\d+)(?![\w:])")
# ('– 416с.': GOST's dash before the page count is no page)
_PAGE_COUNT = lazy_re.compile(r"^[\s–—-]*\d+\s*(?:с|p|pp|S|стр|pages|Seiten|l)\.?\s*$", re.I)
# A book's page count before the pages cited in it, in one span ('581 с. – С.172–216.',
# '320 p. P. 45–50'): the count is no page
_COUNT_THEN_PAGES = lazy_re.compile(
    r"^[\s–—-]*\d+\s*(?:с|стр|p|pp)\.\s*[–—-]?\s*(?=(?:С|C|P|Pp|pp|стр)\.?\s?\d)", re.I
)
_DOI = lazy_re.compile(r"10\.\d{4,9}/[^\s\"<>]+")
_DOI_REST = lazy_re.compile(r"\s([\w.()/;:-]+)")
# an address written without 'http://' or 'www.' after GOST's 'URL:' or 'Режим доступа:'
# ('Режим доступа: vestnik.uapa.ru/issue/2009/04/06/'), read only in a span labelled url
_BARE_ADDRESS = lazy_re.compile(
    r"(?:(?<=:)|(?<=^))\s*((?:[a-z0-9-]+\.)+(?:ru|com|org|net|edu|gov|uk|de|kg|by|kz|ua|info|"
    r"su|рф)/[^\s\"<>]*)",
    re.I,
)
# what continues an address after a space the PDF put in it ('http://www. ntv.ru/',
# 'https://piter.tv/event/ Zasluzhennij_…', '…Schlangenbader _Stra%C3%9Fe'): the part before
# ends in, or the part after holds, what words never do
_URL_BREAK_BEFORE = frozenset("/:_-=?&%#")
_URL_START = lazy_re.compile(r"(?:https?|ftp)://|www\.", re.I)
_URL_END = lazy_re.compile(r"[\"<>]")
_URL_MATERIAL = lazy_re.compile(r"[/=%?&_#]|\.\w")
_BRACKETED = lazy_re.compile(r"\[([^\[\]]+)\]")
# a bracketed translation closing a title: two words or more, the first capitalised ('[Binary
# relations]'); not '[in Chinese]', '[selections]', '[J]'
_TITLE_TRANSLATION = lazy_re.compile(r"(?<=\S)\s*\[([A-ZА-ЯЁІЇЄҐ][^\[\]\s]*\s[^\[\]]+)\]$")
# what a bracket after a title says of the medium, not of the title: no translation of it
# ('[Elektronnyj resurs]', GOST's '[Электронный ресурс]' transliterated in a References list)
_MEDIUM = lazy_re.compile(
    r"\s*(?:электронный ресурс|електронний ресурс|electronic resource|elektronn\w{1,3} resurs|"
    r"текст|text|internet)"
    r"\s*",
    re.I,
)
_ISSUE_TAIL = lazy_re.compile(
    r"(?<=\S)(?:[.,]?\s*[–—-]?\s*(№\s*\d+[\w()–-]*)|[.,]\s*[–—-]?\s*(No\.?\s?\d+[\w()–-]*))$"
)
_YEAR_VOLUME = lazy_re.compile(r"(?<=\S)[.,]\s*((?:1[5-9]|20)\d\d)[.,]?\s*(?:V|Т|T)$")
# GOST's statement of responsibility after a title: 'Title / А.В. Анисимов // Source'
_STATEMENT = lazy_re.compile(r"\s/\s*([^/]+)$")
_EMPTY_STATEMENT = lazy_re.compile(r"\s/\s*[.,;:]")
# a thesis's note read with its title: 'Title : дис. … канд. наук', 'Title. Дисс… кандидата',
# 'Title: Автореферат дисс. …', 'Title : диссертация кандидата архитектуры', and transliterated:
# 'Title: dis. … kand. arh.' (not 'Neurobiol. Dis.', a journal)
_THESIS_TAIL = lazy_re.compile(
    r"\s*[:.]\s*(?:(?:автореф|avtoref)(?:\.|erat|ерат)\s*)?"
    r"(?:дисс?(?:\.|…|$)|дисс?ертац|dissertac|dissertats|diss?\.\s*(?:…|\.\.\.)?\s*(?:kand|dokt))"
    r"|\s*[:.]\s*(?:автореф|avtoref)(?:\.|ерат|erat)",
    re.I,
)
# GOST's "other title information" naming the kind of work, after a colon: 'Title : монография',
# 'Title: учебник для вузов', 'Title : Tolkovyj slovar''. Not part of the title proper (the
# real lists' labels leave it out, as a note); the generated rows had it inside the title.
_GENRE_TAIL = lazy_re.compile(
    r"\s*:\s*(?:коллективная\s)?(?:монография|учебник|учеб(?:ное|но-методическое|\.-метод\.|\.)\s?"
    r"(?:пособие|для)|(?:справочное|методическое)\sпособие|справочные\sматериалы|пособие|"
    r"кн\.\sдля|книга\sдля|(?:толковый\s)?словарь|справочник|бюллетень|практикум|хрестоматия|курс\sлекций|"
    r"сборник|сб\.\s?(?:ст|науч|тр|матер)|monografiya|uchebnik|ucheb(?:noe|\.)\s?(?:posobie|dlya)|"
    r"posobie|kn\.\sdlya|(?:tolkovyj\s)?slovar|spravochnik|sbornik|"
    # (Ukrainian: 'навч. посіб.', 'монографія', 'підручник', 'зб. наук. пр.')
    r"монографія|підручник|навч(?:альний|\.)\s?посіб(?:ник|\.)?|посібник|довідник|"
    r"(?:тлумачний\s)?словник|хрестоматія|курс\sлекцій|збірник|зб\.\s?(?:ст|наук|пр|матер))"
    r"(?![а-яёіїєґa-z]).*$",
    re.I | re.S,
)
# A reference's note that the work is Russian or Ukrainian, as transliterated lists write it:
# '(In Russ.)', '(in Russian)', '[in Russian]' (physics journals, Ukrainian lists), RSCI's
# '(In Russ., abstr. in Engl.)'; '(In Ukrainian)', '[in Ukrainian]'.
_RUSS = lazy_re.compile(
    r"[(\[](?:in\s+)?(?P<ukr>ukr|russ)(?:\.|ainian|ian)?(?:,[^)\]]{0,40})?[)\]]", re.I
)
_OUTER = " \t.,;:/–—-"
# The words before an access date, in every pattern that reads one
_ACCESS_WORDS = (
    r"accessed|retrieved|date of access|дата (?:обращения|доступа|просмотра|звернення)|urldate"
)
_ACCESS_WORD = lazy_re.compile(rf"{_ACCESS_WORDS}|access date", re.I)
_TITLE_TAIL = lazy_re.compile(
    r"\s*(?:\[(?:Электронный ресурс|Електронний ресурс|Electronic resource|"
    r"Elektronn\w{1,3} resurs|Текст|Text|"
    r"Internet)\]|"
    r"[.:]?\s*[–—-]\s*Текст\s*:\s*(?:электронный|непосредственный))\s*$",
    re.I,
)
# A work's state of publication read with its journal: 'Aust. J. Chem. Soumis', '… Вестник
# МГУ. В печати' (the model reads 'In press', 'submitted' apart; these it runs into the source).
_STATUS_TAIL = lazy_re.compile(
    r"(?:[.,;]\s*\(?|\s*\()(?:soumis|sous\s+presse|в\s+печати|принят[оа]?\s+(?:к|в)\s+печат\w*|"
    r"im\s+druck|in\s+press|submitted|accepted|forthcoming|to\s+appear)\)?\.?\s*$",
    re.I,
)
_STATUS_HINT = lazy_re.compile(r"(?i)(?:mis|sse|ати|ать|uck|ess|ted|ing|ear)\W*$")
SOURCE_LEAD = lazy_re.compile(
    r"^\s*(?://|in\s*:|in\s+|в\s*:|в\s+(?:кн|сб)\.\s*:|//\s*in:?|в\s+(?:книге|сборнике)\s*:|"
    # GOST's 'В кн.' and 'В сб.' typed without their colon before the name ('В сб. «Нейтронная
    # физика»', 'В сб. Исследования по теории пластин'; not 'В сб. докладов …', whose words
    # are the name's)
    r"в\s+(?:кн|сб)\.\s*(?=(?-i:[«\"“A-ZА-ЯЁ])))\s*",
    re.I,
)
# The word that joins a part to the work it is in: 'In', 'in:', 'In:', 'dans', 'В кн.:', '//'.
CONNECTOR = lazy_re.compile(
    r"^[\s.,;:]*(?:in|en|im|dans|в(?:\s+(?:кн|сб)\.)?|//)(?:\s*:)?[\s.,;:]*$", re.I
)
# A place after the name of a journal or book: '…, Paris', '… вестник. Уфа', '…, New York, NY'.
# (GOST 7.1's dash may stand before it: '… журнал. МАНПО. – М')
# ... or after GOST's dash alone: '… в космос — СПб' (a country so joined is a name's part:
# 'Seminar Euroatom – Russia – USA')
_PLACE_TAIL = lazy_re.compile(
    r"(?:[.,]\s+(?:[–—]\s*)?|(?P<dash>\s[–—]\s*))((?:[\w-]+\.?,?\s?){1,3})$"
)
_QUOTES = "\"“”«»„'‘’"
# A number at the end of a source, not a year nor a series' or part's: 'Phys .Scr .T52'.
_VOLUME_TAIL = lazy_re.compile(
    r"(?:(?<=\s)|(?<=[.,]))(?!(?:1[5-9]|20)\d\d\b)([A-Z]?\d{1,4}[A-Z]?)$"
)
_ISSUE_IN_YEAR = lazy_re.compile(r"(?:№|\b[Nn]o\.)\s*(\d+[A-Za-zА-Яа-я]?(?:\s?[-–/]\s?\d+)?)")
_TRANSLATION = lazy_re.compile(r"^\s*\[[^\[\]]+\][\s.,;:]*$")  # a source that is only '[English]'
_TRANSLATED_TAIL = lazy_re.compile(r"(?<=\S)\s*\[[^\[\]]+\]\s*$")
# The word of a volume or issue, when it ends a source: 'Arhitekturnoe nasledstvo. Vyp'
_NUMBER_WORD_TAIL = lazy_re.compile(r"(?<=\S)[.,]\s*(?:vyp|вып|т|том|tom|vol|no|nr|iss|№)$", re.I)
_NUMBER_WORD_ENDS = frozenset("pPтТмМmMlLoOrRsS№")
_MONTH_LATIN = r"(?:yanvar|fevral|mart|aprel|ma|iyun|iyul|avgust|sentyabr|oktyabr|noyabr|dekabr)\w*"
# A conference's dates closing the name of its proceedings, with its place before them in
# brackets: '… «Медицинская физика 2010» 21-25 июня 2010 г', '… (Киев, 17-21 ноября, 1987 г.)'
_MEETING_DATES = lazy_re.compile(
    r"[\s.,;:–—-]*(?:\((?:[^()\d]+,\s*)?|(?:,\s(?:г\.\s?)?[A-ZА-ЯЁІЇЄҐ][\w-]+,\s)?(?<=[\s»”\"]))"
    rf"(?:\d{{1,2}}\s(?:{_MONTH}|{_MONTH_LATIN})\s?[-–—]\s?)?\d{{1,2}}(?:\s?[-–—]\s?\d{{1,2}})?\s"
    rf"(?:{_MONTH}|{_MONTH_LATIN}),?\s(?:1[89]|20)\d\d\s?(?:г|g|goda|года)?\.?\)?$"
)
_YEAR_AFTER_TITLE = lazy_re.compile(r"\.\s+((?:1[5-9]|20)\d\d)$")
_TRANSLATED_LEAD = lazy_re.compile(r"^\[([^\[\]]+)\][.,;:]\s*(?=\S)")
_SERIES_WORD = lazy_re.compile(
    r"\b(?:series|serie|seriya|seriia|ser|серия|сер|part|pt|sect|section|часть|ч|no|nr|vol|т|№)[.\s]*$",
    re.I,
)
# a volume closing a book's title: 'Функции. Т.2', 'Materials Science. Vol. 6'
_VOLUME_WORDS = r"(?<=[.,])\s*(?:т|том|vol|tom|t)"
_BOOK_VOLUME = lazy_re.compile(rf"{_VOLUME_WORDS}\.?\s?(\d{{1,3}})\.?$", re.I)
# ... and closing a collection's or journal's name: the word spelt out ('Phys. Scr. T52' is
# Physica Scripta's topical volume T52)
_SOURCE_VOLUME = lazy_re.compile(rf"{_VOLUME_WORDS}(?:\.\s?|\s)(\d{{1,3}})\.?$", re.I)
_VOLUME_WORD = lazy_re.compile(r"^(?:т|том|vol|volume|vols|v|bd|tom|t)\.?\s*", re.I)
# a series' number read as a volume: 'сер.1', 'Ser. 2' ('Вестник СПбГУ, сер.1, вып.3')
_SERIES_NUMBER = lazy_re.compile(r"^\s*(?:сер|серия|ser|seriya)\.?\s*\d{1,2}[.,;]?\s*$", re.I)
# an issue's word opening a volume span ('Вып.1'), and a number in brackets alone, GOST's count
# of the journal's issues since its first ('Вып. 1 (66)', '№ 2 (26)')
_ISSUE_LEAD = lazy_re.compile(r"^\s*(?:вып|vyp)\.", re.I)
_RUNNING_NUMBER = lazy_re.compile(r"^\s*\(\d+\)[\s.,;:–—-]*$")
_SUPPLEMENT = lazy_re.compile(r"(?i)\bsuppl|(?<=\d)suppl")
_ISSUE_WORD = lazy_re.compile(r"^(?:№|no|nos|nr|n°|iss|issue|вып|heft|num|number|n)\.?\s*", re.I)
# (a page word is followed by its full stop or a space: the 'S' of 'S12–S15' is a supplement's
# page; only GOST's 'С' — or the Latin 'C' typed for it — is also glued: '– C314–315.', and a
# small 'p': 'p176-201')
# ('Р.', 'рр.', 'pр.': a Cyrillic 'р' typed for the Latin 'p')
_PAGE_WORD_OF = r"^(?:(?:с|c|[pр][pр]|[pр]|s|стр|pages|page)(?:\.\s*|\s+)|(?:{}|(?-i:p))(?=\d))"
_PAGE_WORD = lazy_re.compile(_PAGE_WORD_OF.format("[сc]"), re.I)
# ... but in a reference without Cyrillic a glued 'C' is the page's own: 'C1880–C1888' (Am J
# Physiol Cell Physiol), 'C03011' (JINST)
_PAGE_WORD_LATIN = lazy_re.compile(_PAGE_WORD_OF.format("с"), re.I)
_LETTER_PAGE = lazy_re.compile(r"^([A-Za-z])\d+$")
# Compiled once here rather than by re.sub/re.search at each call (re's cache look-up costs
# about 1 µs a call, 7 calls a reference).
_PLACE_WORD = lazy_re.compile(r"[\w-]+")
_ACCESS_LEAD = lazy_re.compile(
    # ('accessed date' before 'accessed'; 'аccessed' with a Cyrillic 'а')
    # ('[Online; accessed …]', '(доступ 12.06.2016)', BibTeX's 'urldate = "18.05.2016"' as printed)
    rf"(?i)^[\s(\[/.]*(?:online;\s*)?"
    rf"(?:[aа]ccessed\s+date|аccessed|{_ACCESS_WORDS}|cited|access(?:\s+date)?|доступ)"
    r"(?:\s+on)?\s*[:=]?\s*"
)
# '(accessed: 21 July 2018)', '(retrieved 3 March 2020).': an access word, then a whole date
_ACCESS_SPLIT = lazy_re.compile(
    rf"(?i)^[\s(\[]*(?:{_ACCESS_WORDS})(?:\s+on)?\s*:?\s*"
    r"\d{1,2}\.?\s+\w+\.?,?\s+\d{4}\s*[)\]]?[.,;]?$"
)
_IN_LEAD = lazy_re.compile(r"\s*(?:in\b|в\s*:)", re.I)
_URL_IN = lazy_re.compile(r"\burl\b|https?://|www\.")
_EDITOR_IN = lazy_re.compile(r"(?:^|\s)(?:eds?\.|\(eds?\.?\)|под ред|/\s)")
# (not a series named by an adjective: 'Вестник … университета. Естественнонаучная серия')
_SERIES_END = lazy_re.compile(r"(?<!ая )(?<!aya )(?<!aia )\b(?:seriya|seriia|серия|сер)\.?$")
_SHORT = lazy_re.compile(r"[\w\s.'`ʹʼ’-]{1,20}")  # (a soft sign transliterated: "Kazan'")


_CITED_PAGES = lazy_re.compile(r"^[\s–—-]*(?:С|C|P|Pp|pp|S)\.\s?\d")
_SHORT_YEAR_DATE = lazy_re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2})$")


def _access_date(text: str) -> str | None:
    """An access date; also with the year in two digits ('20.04.19'), which can only be this
    century's: a page is not visited in the future."""
    if found := parse_date(text):
        return found if int(found[:4]) <= _NEXT_YEAR else None
    if short := _SHORT_YEAR_DATE.match(text):
        day, month, year = (int(part) for part in short.groups())
        if 2000 + year < _NEXT_YEAR:
            return parse_date(f"{day}.{month}.{2000 + year}")
    return None


def _address(span: str) -> str | None:
    """The address in a span labelled url, joined again where a space was put inside it."""
    found = _URL_START.search(span)
    if found:
        start = found.start()
    elif bare := _BARE_ADDRESS.search(span):
        start = bare.start(1)
    else:
        return None
    parts = span[start:].split()
    url = parts[0]
    for part in parts[1:]:
        if part[0] in "([" or not (url[-1] in _URL_BREAK_BEFORE or _URL_MATERIAL.search(part)):
            break
        url += part
    # (GOST's dashes after the address are no part of it: 'https://boinc.berkeley.edu/.––')
    url = _URL_END.split(url, 1)[0].rstrip(".,;)–—")
    return url if len(url) > len(found.group() if found else "") else None


def _clean(text: str) -> str:
    """``text`` with whitespace made single spaces, without outer punctuation or an unmatched
    bracket at either end. (Cleaning it again changes nothing: what is left at each end
    is neither punctuation nor a bracket that would be cut.)"""
    if not text.isprintable() or "  " in text:  # else no whitespace but single spaces (fast)
        text = _SPACES.sub(" ", text)
    text = text.strip(_OUTER)
    while text and text[0] in "([" and text.count(text[0]) > text.count(")]"["([".index(text[0])]):
        text = text[1:].strip(_OUTER)
    while (
        text and text[-1] in ")]" and text.count(text[-1]) > text.count("(["[")]".index(text[-1])])
    ):
        text = text[:-1].strip(_OUTER)
    return text


def _without_responsibility(title: str) -> str:
    """The title without GOST's statement of responsibility after it ('… / А.В. Анисимов',
    '… / И. И. Иванов, П. П. Петров'): when what follows the '/' reads as people, and in a
    Cyrillic title whatever it holds ('… / Работы Ленинградского отделения ГИПРОНИИ', '… /
    Справочник средств измерений': the labels never keep ' / ' in a Cyrillic title; a Latin
    one may hold it: 'PSG2 / SERPENT – A … Code')."""
    tail = _STATEMENT.search(title)
    if tail is None or not title[: tail.start()].strip():
        return title
    if " / " in title and (has_russian_letters(title) or _EMPTY_STATEMENT.search(title)):
        # (and an empty statement: 'Title / . Other title // Journal', as printed)
        return title[: title.index(" / ")].rstrip(_OUTER) or title
    people = split_people(tail.group(1))
    if not people or not all("," in person for person in people):
        return title  # ('… / пер. с англ.', a group's name: not read as people)
    return title[: tail.start()].rstrip(_OUTER) or title


def _without_thesis(title: str) -> str | None:
    """The title without a thesis's note read with it ('Title : дис. … канд. наук', 'Title:
    dis. … kand. arh.'); None when the note is all there is."""
    low = title.lower()
    if "дис" in low or "втореф" in low or "dis" in low or "vtoref" in low:
        # (the letters every such note holds: a cheap test before the search)
        note = _THESIS_TAIL.search(title)
        if note and note.start():
            return title[: note.start()].rstrip(_OUTER) or None
    return title


def _without_genre(title: str) -> str:
    """The title (or a container's) without GOST's other title information naming the kind of
    work (``_GENRE_TAIL``); the whole title when that is all there is."""
    genre = _GENRE_TAIL.search(title)
    return (title[: genre.start()].rstrip(_OUTER) or title) if genre else title


# A translation's note closing a title: 'Title : пер. с англ.', 'Title, перевод с английского',
# 'Title. Пер. с нем. А. А. Иванова' (GOST's other title information; no labelled title or
# source keeps it)
_TRANSLATED_FROM = lazy_re.compile(
    r"\s*[:,.;]\s*(?:пер\.|перевод)\s*с\s+(?:англ|нем|франц|фр|итал|исп|япон|кит|польск|лат|греч"
    r"|швед|чеш|венг|болг|укр)[а-яё]*\.?(?:\s.*)?$",
    re.I,
)


def _without_translation_note(title: str) -> str:
    """The title (or a container's) without a translation's note after it (``_TRANSLATED_FROM``);
    the whole title when that is all there is."""
    note = _TRANSLATED_FROM.search(title)
    return (title[: note.start()].rstrip(_OUTER) or title) if note else title


def _cut_title_tail(text: str) -> str:
    """``text`` without a '[Электронный ресурс]' or '– Текст : электронный' at its end. Every
    such tail ends with ']' or 'й' (any case) before trailing space: other texts skip the scan."""
    if text.rstrip()[-1:] in ("]", "й", "Й"):
        return _TITLE_TAIL.sub("", text)
    return text


def _strip_place(source: str) -> str:
    """The source without a place written after it: JATS has <publisher-loc> for that."""
    if "." not in source and "," not in source and "—" not in source and "–" not in source:
        return source  # (no place can follow: a cheap test before the search)
    tail = _PLACE_TAIL.search(source, len(source) - 100)  # (three words at most)
    if tail and source[: tail.start()].strip():
        words = _PLACE_WORD.findall(tail.group(2).lower())
        if (
            words
            and all(w in PLACES for w in words)
            and not (tail.group("dash") and any(w in _COUNTRIES for w in words))
        ):
            return source[: tail.start()].rstrip(_OUTER)
    return source


# An imprint read as one span, place and publisher together: 'Москва, Физматлит', 'Kazan,
# Feng' (the place, a comma, the publisher: older GOST and some journals write no colon), or the
# publisher, then GOST's abbreviated place ('Изд-во «Мир» М.', 'Изд-во СПбГУ СПб.'). The
# labels part them (no labelled place or publisher is a known city, a comma and a name).
_IMPRINT_COMMA = lazy_re.compile(r"^([^,]+),\s+([^,]+)$")
_PUBLISHER_THEN_PLACE = lazy_re.compile(r"^(.+\S)\s+(М|СПб|Л)\.?$")
_PLACE_PUBL = lazy_re.compile(r"[,\s]+Publ$")
# What follows a city after a comma when it is no publisher: a country ('Vienna, Austria',
# 'Санкт-Петербург, Россия', as conferences' places are written)
_COUNTRIES = frozenset(
    {"россия", "russia", "рф", "ссср", "ussr", "сша", "usa", "us", "u.s.a", "uk", "england",
     "великобритания", "germany", "deutschland", "германия", "гдр", "фрг", "france", "франция",
     "austria", "австрия", "china", "китай", "canada", "канада", "belgium", "бельгия",
     "bulgaria", "болгария", "japan", "япония", "italy", "италия", "spain", "испания",
     "switzerland", "швейцария", "netherlands", "нидерланды", "poland", "польша", "czech republic",
     "чехия", "india", "индия", "korea", "корея", "republic of korea", "israel", "израиль",
     "ukraine", "украина", "belarus", "беларусь", "kazakhstan", "казахстан", "uzbekistan",
     "узбекистан", "kyrgyzstan", "кыргызстан", "киргизия", "armenia", "армения", "georgia",
     "грузия", "azerbaijan", "азербайджан", "finland", "финляндия", "sweden", "швеция", "norway",
     "норвегия", "denmark", "дания", "australia", "австралия", "brazil", "бразилия",
     "argentina", "аргентина", "mexico", "мексика", "turkey", "турция", "iran", "иран",
     "egypt", "египет", "portugal", "greece", "греция", "hungary", "венгрия", "romania",
     "румыния", "serbia", "сербия", "latvia", "латвия", "lithuania", "литва", "estonia",
     "эстония", "moldova", "молдова", "tajikistan", "таджикистан", "vietnam", "вьетнам",
     "scotland", "ireland", "slovakia", "slovenia", "croatia", "singapore", "russian federation",
     "российская федерация", "the netherlands", "czech rep"}
)  # fmt: skip


def _a_city(word: str) -> bool:
    """Whether ``word`` names a city of publication (``PLACES``, ``city_sources``, GOST's 'М.')."""
    low = word.strip(" .").lower()
    return low in PLACES or low in city_sources()


def _a_publishers_name(words: str) -> bool:
    """Whether what follows a city after a comma reads as a publisher's name: a capital or a
    quote first, no digit, no place or country."""
    words = words.strip(" .")
    return (
        bool(words)
        and (words[0].isupper() or words[0] in _QUOTES)
        and not any(ch.isdigit() for ch in words)
        and words.count(" ") < 6
        and not _a_city(words)
        and words.lower() not in _COUNTRIES
        and not (len(words) == 2 and words.isascii() and words.isupper())  # 'CA', 'NY'
    )


def _parted_imprint(
    place: str | None, publisher: str | None, first: dict[str, str], text: str
) -> tuple[str | None, str | None]:
    """The place and publisher of an imprint the labeller read as one span
    (``_IMPRINT_COMMA``, ``_PUBLISHER_THEN_PLACE``), in a Russian reference; the two as read
    otherwise. (An English conference's place is 'Boston, Massachusetts', and a place in
    brackets, '(Москва, НИКИЭТ. 21–24 июня 2006 г.)', is where a meeting was held.)"""
    if threshold_group(text) != "ru" or first.get("place", "").lstrip().startswith("("):
        return place, publisher
    whole = place or publisher or ""
    if "," in whole and (parts := _IMPRINT_COMMA.match(whole)):
        city, name = parts.groups()
        if _a_city(city) and _a_publishers_name(name):
            return city, name
    elif publisher and (glued := _PUBLISHER_THEN_PLACE.match(publisher)):
        return glued.group(2), glued.group(1)
    return place, publisher


_PAIRS = {"«": "»", "“": "”", "„": "“"}


def _unquote(text: str) -> str:
    """Quotes around the whole text go; a quote that closes one opened inside stays: 'Закон
    «Об охране озера Байкал»', 'СПС «Гарант»'."""
    text = text.strip()
    if len(text) > 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        closing = _PAIRS.get(text[0])
        # the first quote closes at the end ('«A» and «B»' is two quotes, kept)
        if (closing is None and text.count(text[0]) == 2) or (
            closing is not None and text.find(closing, 1) == len(text) - 1
        ):
            return text[1:-1].strip(_OUTER)
    text = text.strip(_OUTER)
    while text and text[0] in _QUOTES and not _closed_inside(text, 0):
        text = text[1:].strip(_OUTER)
    while text and text[-1] in _QUOTES and not _closed_inside(text, len(text) - 1):
        text = text[:-1].strip(_OUTER)
    return text


def _closed_inside(text: str, at: int) -> bool:
    """Whether the quote at an end of the text pairs with one inside it."""
    mark = text[at]
    if mark not in _PAIRS and mark not in _PAIRS.values():
        return text.count(mark) > 1  # '"', "'": another one inside pairs with it
    if at == 0:
        closing = _PAIRS.get(mark)
        return closing is not None and closing in text[1:]
    opening = [o for o, c in _PAIRS.items() if c == mark]
    return any(o in text[:-1] for o in opening)


def _number(text: str, word: lazy_re.Pattern[str]) -> str | None:
    text = word.sub("", _clean(text).lstrip("(").strip())
    match = _NUMBER.search(text)
    return match.group().replace(" ", "") if match else None


def _volume(piece: str) -> tuple[str | None, str | None, str | None]:
    """A volume span's number, the letter of a journal's section before it ('B364'), and an
    issue number written before the volume in the same span ('N9. Т. 11.')."""
    if lead := _ISSUE_THEN_VOLUME.match(piece):
        return _number(piece[lead.end() :], _VOLUME_WORD), None, lead.group(1)
    section = _SECTION_VOLUME.match(_clean(piece))
    return _number(piece, _VOLUME_WORD), section.group(1) if section else None, None


def _issue(piece: str) -> str | None:
    number = _number(piece, _ISSUE_WORD)
    if ("uppl" in piece or "UPPL" in piece) and (supplement := _SUPPLEMENT.search(piece)):
        # '58(suppl.16)' is volume 58's sixteenth supplement, not its issue 16: 'Suppl 16', as
        # PubMed writes it ('(2suppl)': '2 Suppl')
        if number is None:
            return "Suppl"
        at = piece.find(number)
        if at + len(number) - 1 == supplement.start():
            number = number[:-1]  # ('2s' of '2suppl': the number took the word's first letter)
        return f"{number} Suppl" if at < supplement.start() else f"Suppl {number}"
    return number


def _page_range(piece: str, cyrillic: bool = True) -> tuple[str | None, str | None]:
    """A pages span's first and last page ('123-9' is 123-129); none for a page count.
    ``cyrillic``: the reference has Cyrillic letters, so a glued 'C' may be GOST's 'С'."""
    if _PAGE_COUNT.match(piece):
        return None, None
    if count := _COUNT_THEN_PAGES.match(piece):
        piece = piece[count.end() :]
    bare = (_PAGE_WORD if cyrillic else _PAGE_WORD_LATIN).sub("", _clean(piece))
    if ":" in bare and (numbered := _NUMBERED_PAGES.search(bare)):
        return numbered.group(1), numbered.group(2)
    match = _PAGES.search(bare)
    if not match:
        return None, None
    return match.group(1), _expand_lpage(match.group(1), match.group(2)) if match.group(2) else None


# The readings of the volume and issue spans by their text: the same 'Vol. 3', '№ 3.' recur
# (70-80 % of them had been seen before among the 22,642 references of
# bench/labeller_identical.py), and a memo's hit is one look-up in C where a reading costs
# 0.6-0.8 µs. (Page ranges recur too seldom: 7 %.)
_volumes = Memo(_volume).__getitem__
_issues = Memo(_issue).__getitem__


def _year(piece: str) -> str:
    """A year span's year, or '?' where it holds none (or is an access date's)."""
    match = _YEAR.search(piece)
    # an access date's year is not the year of the work: '(accessed 17 February 2018)'
    return match.group(1) if match and not _ACCESS_WORD.search(piece) else "?"


def _issue_in_year(piece: str) -> str | None:
    number = _ISSUE_IN_YEAR.search(piece)
    return number.group(1) if number else None


# ... and the year spans, more often still: '2019.', '(2020)' are the same in new references
# (85 % of the year spans of the held-out split and the batch bench's references together)
_years = Memo(_year).__getitem__
_issues_in_year = Memo(_issue_in_year).__getitem__


def _expand_lpage(fpage: str, lpage: str) -> str:
    """NLM abbreviates the last page (123-9 is 123-129, C1-9 is C1-C9)."""
    if lpage.isdigit() and not fpage.isdigit() and (letter := _LETTER_PAGE.match(fpage)):
        return letter.group(1) + _expand_lpage(fpage[1:], lpage)
    if fpage.isdigit() and lpage.isdigit() and len(lpage) < len(fpage):
        return fpage[: len(fpage) - len(lpage)] + lpage
    return lpage


def _container_title(spans: list[Span]) -> int | None:
    """The index of a second title span that names the work the first one is in: 'Chapter.
    In: J. Smith (ed.), Book' labelled title … title, with a connector ('In', 'in:', '//') or
    an editor statement between them and no source span but a bracketed translation."""
    titles = [k for k, (label, _, _) in enumerate(spans) if label == "title"]
    if len(titles) < 2:
        return None  # (nearly every reference: the cheap test first)
    if any(label == "source" and not _TRANSLATION.match(piece) for label, piece, _ in spans):
        return None
    between = spans[titles[0] + 1 : titles[1]]
    if any(
        label == "editor" or (label == "note" and CONNECTOR.match(piece))
        for label, piece, _ in between
    ):
        return titles[1]
    return None


# Whether a place span after the source is part of the journal's name: a bracket ('J. Phys. |
# (Paris)', 'Bioinformatics | (Oxford, England)'), a word glued to the name ('Proc Natl Acad Sci
# | USA | 1996;'), or a word after the name's full stop right before its volume ('C. R. Acad.
# Sci. | Paris | 239'). A place after a full stop, comma or dash that the year follows, or one
# that starts with punctuation or holds a comma, is where a conference met or a book was
# printed ('Proceedings of the 6th Distributed Memory Computing Conference, | Portland, OR, |
# April 1991', '// … исследования. | Свердловск, | 1995', '// Alatoo Academic Studies | – Б., |
# 2018'): read into the source, it made the source wrong (the labels of the real lists and of
# AnyStyle's and GROBID's corpora hold 173 such places, of 255 the old rule glued). A name that
# closes with '!' or '?' is whole too ('… лучшие читатели в мире! | М., | 2017').
_AREA_END = frozenset(".,;:–—-!?")
_BRACKETED_PLACE = lazy_re.compile(r"^\([^()]+\)[.,;:]?$")
_ONE_PLACE = lazy_re.compile(r"^[^\W\d_][^,]*?[.,;:]?$")


def _names_the_journal(source: str, place: str, after: str) -> bool:
    place = place.strip()
    if _BRACKETED_PLACE.match(place):
        return True
    if not _ONE_PLACE.match(place):
        return False
    return source.rstrip()[-1:] not in _AREA_END or after in ("volume", "issue", "pages")


def _place_in_source(spans: list[Span]) -> int | None:
    """The index of a place span that is part of a journal's name: right after the source,
    right before its numbers, in a reference without a publisher ('Proc Natl Acad Sci U S A
    88:…', 'Arch Pharm (Weinheim) 316:…'). A known city there is not ('… вестник. Уфа. 2015'):
    it stays the place, and a source that ends with it loses it (``_strip_place``)."""
    labels = [label for label, _, _ in spans]
    if "place" not in labels or "publisher" in labels:
        return None  # (no place: nearly every reference, a cheap test)
    for k in range(1, len(spans) - 1):
        if spans[k][0] == "place" and spans[k - 1][0] == "source":
            if spans[k + 1][0] not in ("volume", "issue", "pages", "year"):
                return None
            if any(label == "source" for label, _, _ in spans[: k - 1]):
                return None
            if not _names_the_journal(spans[k - 1][1], spans[k][1], spans[k + 1][0]):
                return None  # a place of its own: 'Proceedings of …, | Portland, OR, | 1990'
            joined = spans[k - 1][1] + " " + spans[k][1]
            return k if _strip_place(_clean(joined)) == _clean(joined) else None
    return None


def _rejoin_access_date(spans: list[Span]) -> list[Span]:
    """An access date the labeller split into a note and a year ('(accessed: 21' | 'July
    2018)', seen where no URL comes before it) made whole again: its month and year are not
    the work's year, and the date would be lost."""
    for k in range(1, len(spans)):
        label, piece, sure = spans[k]
        before = spans[k - 1]
        if label == "year" and before[0] == "note" and _ACCESS_WORD.search(before[1]):
            joined = before[1] + " " + piece
            if _ACCESS_SPLIT.match(joined):
                whole = ("accessed", joined, min(sure, before[2]))
                return [*spans[: k - 1], whole, *spans[k + 1 :]]
    return spans


def _rejoin_glued_scheme(spans: list[Span]) -> list[Span]:
    """An address glued to the word before it ('… smart contracts.https://github.com/…'): the
    token 'contracts.https' keeps the scheme in the title and the address starts at '://'.
    The scheme goes back to the address."""
    for k in range(1, len(spans)):
        label, piece, sure = spans[k]
        if label == "url" and piece.startswith("://"):
            before, text, before_sure = spans[k - 1]
            if scheme := _GLUED_SCHEME.search(text):
                head = text[: scheme.start()]
                rest = [(before, head, before_sure)] if head.strip(" .,;:") else []
                url = ("url", scheme.group(1) + piece, sure)
                return [*spans[: k - 1], *rest, url, *spans[k + 1 :]]
    return spans


_GLUED_SCHEME = lazy_re.compile(r"(?<=[^\s/])(https?|ftp)$", re.I)


# The first words of a title read with the author before it: GOST's name is a surname and at
# most two initials, so what follows them is the title's: a word, or two initials written
# apart ('Щербо, Г.М. | В.Г. Шухов и …' but 'Гегель Г.В.Ф.', 'Гегель Г. В. Ф.'),
# 'Галкина, Ю. | Шум, ветер, песок …', 'Бердяев Н.А. | Судьба России. Опыты …').
_TITLE_IN_AUTHOR = lazy_re.compile(
    r"^(?P<name>[А-ЯЁІЇЄҐ][а-яёіїєґ'-]+,?\s(?:(?:[А-ЯЁІЇЄҐ]\.){1,2}\s(?=[А-ЯЁІЇЄҐ]\.[А-ЯЁІЇЄҐ]\.$)"
    r"|(?:[А-ЯЁІЇЄҐ]\.\s?){1,2}(?=[А-ЯЁІЇЄҐ][а-яёіїєґ])))"
    r"(?P<title>[А-ЯЁІЇЄҐ]\.[А-ЯЁІЇЄҐ]\.|[А-ЯЁІЇЄҐ][а-яёіїєґ-]+(?:\s[а-яёіїєґА-ЯЁІЇЄҐ-]+){0,2}[.,]?)$"
)


def _marked_russian(text: str) -> str | None:
    """'ru' or 'uk' when the reference says it is a Russian or Ukrainian work ('(In Russ.)',
    '[in Ukrainian]': ``_RUSS``), else None."""
    # (the cheap tests first: every such note holds 'russ' or 'ukr')
    lower = text.lower()
    if "russ" not in lower and "ukr" not in lower:
        return None
    found = _RUSS.search(text)
    if found is None:
        return None
    return "uk" if found.group("ukr").lower() == "ukr" else "ru"


# The same in a Russian References list's transliteration ('Inozemtsev V. | Kitai — glavnaya
# ugroza …', "(In Russ.)" at its end): the name is a surname and at most two initials there
# too, of up to four letters ('Yu.', 'Shch.': never the title word), and the first title word
# may keep the dash after it.
_TITLE_IN_TRANSLITERATED_AUTHOR = lazy_re.compile(
    r"^(?P<name>[A-Z][a-z'’-]+,?\s(?:[A-Z][a-z]{0,3}\.\s?){1,2}(?=[A-Z][a-z]))"
    r"(?![A-Z][a-z]{0,3}\.)(?P<title>[A-Z][a-z'’-]+(?:\s[A-Za-z'’-]+){0,2}[.,]?(?:\s[—–])?)$"
)


def _title_in_author(spans: list[Span], text: str) -> list[Span]:
    """The title's first words given back when the labeller read them with a single author
    written in Cyrillic (``_TITLE_IN_AUTHOR``), or transliterated in a reference marked as
    Russian (``_TITLE_IN_TRANSLITERATED_AUTHOR``)."""
    label, piece, sure = spans[0]
    found = _TITLE_IN_AUTHOR.match(piece.strip())
    if found is None and _marked_russian(text):
        found = _TITLE_IN_TRANSLITERATED_AUTHOR.match(piece.strip())
    if found is None:
        return spans
    title = found.group("title") + " " + spans[1][1]
    return [
        (label, found.group("name"), sure),
        ("title", title, min(sure, spans[1][2])),
        *spans[2:],
    ]


# The last author read with the title: Vancouver's 'Surname AB' (with its suffix) that an older
# medical style closes with a colon ('Koelle MR: A new family of …', 'O'Leary MR, Smith MS,
# O'Leary DS: Application of …'); and a suffix after the last author's initials ('Eger EI
# 2nd. | Effect of age …', right after the initials). Only where the title opens the reference
# or follows an author span that ends in a comma (the list goes on): 'Smith AB. Vitamin D: a
# review' keeps its title.
_SUFFIX = r"(?:Jr|Sr|2nd|3rd|[4-9]th|II|III|IV)"
_VANCOUVER_IN_TITLE = lazy_re.compile(
    rf"^(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?\s[A-Z]{{1,3}}(?:\s{_SUFFIX})?)\s?:\s+"
    r"(?P<title>\S.*)$"
)
# (not 'II.', 'III.': a title may open with its part's number, 'West A. II. Intestinal …')
_SUFFIX_IN_TITLE = lazy_re.compile(r"^(?P<name>Jr|Sr|2nd|3rd|[4-9]th)\.?\s+(?P<title>\S.*)$")


def _author_in_title(spans: list[Span], at: int) -> list[Span]:
    """The last author given back from the title at ``at`` (``_VANCOUVER_IN_TITLE``)."""
    label, piece, sure = spans[at]
    before = spans[at - 1] if at else None
    ends = before[1].rstrip()[-1:] if before else ""
    lead = _VANCOUVER_IN_TITLE.match(piece.strip())
    if lead is not None and ends not in ("", ","):
        return spans
    if lead is None:
        # ('REID. | 5th Symp. …', '(SIMBA), | 7th Workshop …': the title's own number)
        lead = _SUFFIX_IN_TITLE.match(piece.strip()) if ends.isalpha() else None
        if lead is None:
            return spans
    name = (before[1].rstrip() + " " if before else "") + lead.group("name")
    author = ("author", name, min(sure, before[2]) if before else sure)
    return [*spans[: max(at - 1, 0)], author, (label, lead.group("title"), sure), *spans[at + 1 :]]


def build(spans: list[Span], text: str) -> Citation:
    """The citation the spans describe (the first span of a label wins, except authors)."""
    # (each of the three helpers below only where its labels are there: a cheap test first)
    labels = [label for label, _, _ in spans]
    if "note" in labels and "year" in labels:
        spans = _rejoin_access_date(spans)
        labels = [label for label, _, _ in spans]
    if "url" in labels and "://" in text:
        spans = _rejoin_glued_scheme(spans)
        labels = [label for label, _, _ in spans]
    if len(spans) > 1 and labels[0] == "author" and labels[1] == "title":
        spans = _title_in_author(spans, text)
    if labels[0] == "title" or (len(spans) > 1 and labels[0] == "author" and labels[1] == "title"):
        spans = _author_in_title(spans, labels.index("title"))
    cit = Citation()
    first: dict[str, str] = {}
    authors: list[str] = []
    container = _container_title(spans) if labels.count("title") > 1 else None
    glued = _place_in_source(spans) if "place" in labels else None
    connector = False  # an 'In'/'in:' note just before the source: the work is a chapter
    thesis = False  # a thesis's note was read with the title (and cut from it)
    cut_issue = None  # an issue read with the source (and cut from it)
    part_of = False  # an 'In'/'in:' note after the title: the title is of a part, not a book
    for k, (label, piece, _) in enumerate(spans):
        if k == container:
            label = "source"
        if k == glued or (
            label == "volume"
            and "source" in first
            and spans[k - 1][0] == "source"
            and _SERIES_NUMBER.match(piece)
        ):
            # (and 'Вестник СПбГУ, | сер.1, | вып.3': a series' number names the journal)
            first["source"] += " " + piece
            continue
        if label == "note" and "title" in first and CONNECTOR.match(piece):
            part_of = True
        if label == "author":
            authors.append(piece)
        elif label not in first or (
            label == "year" and ")" in first["year"] and _CLOSING.match(first["year"])
        ):
            # (a year span that only closes a bracket, '),' after '(Wien', is the labeller's
            # slip at a boundary: the year is the next year span's)
            first[label] = piece
            if label == "source" and k and spans[k - 1][0] == "note":
                connector = bool(CONNECTOR.match(spans[k - 1][1]))
    if authors:
        # GOST 7.0.100 repeats the authors after ' / ': that statement is the full list
        resp = [a for a in authors if a.lstrip().startswith("/")]
        listed = resp[0] if resp else authors[0]
        people = split_people(listed)
        if (
            resp
            and people is not None
            and authors[0] is not resp[0]
            and split_people(authors[0]) is None
        ):
            # 'В.Г. | Шухов: нижегородские проекты … / С.В. Зеленова, …': the title's first
            # words read as a heading that names no one
            people = None
        cit.authors = people if people is not None else ["?"]
        if people and ends_with_etal(listed):
            cit.etal = True
    if "editor" in first:
        people = split_people(first["editor"])
        cit.editors = people if people is not None else ["?"]
    if "year" in first:
        cit.year = _years(first["year"])
    if "title" in first:
        # '[Электронный ресурс]' goes also when the title's full stop follows it
        cleaned = _clean(first["title"])
        title = _cut_title_tail(cleaned)
        # (cleaned again only where a tail went: _clean(_clean(x)) is _clean(x))
        cit.title = _unquote(title if title is cleaned else _clean(title)) or None
        if cit.title and "/" in cit.title:
            # ('«Title» / А.Б. Автор': the quotes around the title proper go once the
            # statement is cut)
            cit.title = _unquote(_without_responsibility(cit.title)) or None
        if cit.title and (head := _without_thesis(cit.title)) != cit.title:
            cit.title, thesis = head, True
        if (
            cit.title
            and cit.title[-1] == "]"
            and (tr := _TITLE_TRANSLATION.search(cit.title))
            and not _MEDIUM.fullmatch(tr.group(1))
        ):
            # 'Binarnye otnosheniya [Binary relations]': the translation read with the title
            # (the hand labels never keep it there: 1,500 such titles have it as title_en)
            cit.title = cit.title[: tr.start()].rstrip(_OUTER) or None
            if "title_en" not in first:
                cit.title_en = _clean(tr.group(1)) or None
        if cit.title and ":" in cit.title:
            cit.title = _without_genre(cit.title)
        if cit.title and "ер" in cit.title:
            cit.title = _without_translation_note(cit.title)
        # 'Title of the Clusters. 2000 In Proc. …': the year after the title's full stop read
        # with the title, when no year was read apart
        if (
            cit.title
            and cit.year is None
            and cit.title[-1].isdigit()
            and (end := _YEAR_AFTER_TITLE.search(cit.title))
            and end.start()
        ):
            cit.title, cit.year = cit.title[: end.start()], end.group(1)
    if "title_en" in first:
        brackets = _BRACKETED.findall(first["title_en"])
        # the first bracket that translates the title, not one naming the medium ('[Elektronnyj
        # resurs] [The government gave …]'); a medium note alone is vetoed (``veto``)
        found = next((b for b in brackets if not _MEDIUM.fullmatch(b)), None)
        found = found or (brackets[0] if brackets else None)
        cit.title_en = _clean(found if found else first["title_en"]) or None
    if "source" in first:
        cleaned = _clean(first["source"])
        source = _cut_title_tail(SOURCE_LEAD.sub("", cleaned))
        if _STATUS_HINT.search(source):  # (the endings every status word has: a cheap test)
            source = _STATUS_TAIL.sub("", source)
        # 'Ekonomika regionov [Regional economics]': the bracketed English is a translation
        if _TRANSLATION.match(source):
            source = ""
        elif source.startswith("[") and (lead := _TRANSLATED_LEAD.match(source)):
            # '[Economic ties …]. International Trends': the title's translation read with the
            # source, which starts after it
            source = source[lead.end() :]
            if cit.title_en is None and not _MEDIUM.fullmatch(lead.group(1)):
                cit.title_en = _clean(lead.group(1)) or None
        elif source.rstrip().endswith("]"):
            source = _TRANSLATED_TAIL.sub("", source)
        cleaned = source if source is cleaned else _clean(source)  # (as for the title)
        cit.source = _unquote(_strip_place(cleaned)) or None
        if cit.source and ":" in cit.source:
            # (as for the title: 'Наука о науке : сборник статей', and the bracketed English
            # before it goes as above: 'V fokuse naslediya [Heritage Focus] : sbornik statej')
            head = _without_genre(cit.source)
            if head != cit.source and head.endswith("]"):
                head = _TRANSLATED_TAIL.sub("", head) or head
            cit.source = head
        if cit.source and "ер" in cit.source:
            cit.source = _without_translation_note(cit.source)
        if cit.source and cit.source[-1] in "гg.)" and (dates := _MEETING_DATES.search(cit.source)):
            # (JATS has <conf-date> for them; the title of the proceedings ends before)
            cit.source = cit.source[: dates.start()].rstrip(_OUTER) or cit.source
        # the thesis's title read as a source with its note: 'Title: dis. … kand. arh.'
        if (
            cit.source
            and "title" not in first
            and (head := _without_thesis(cit.source))
            and head != cit.source
        ):
            cit.source, thesis = head, True
        if (
            cit.source
            and ("№" in cit.source or ("No" in cit.source and has_russian_letters(cit.source)))
            and (tail := _ISSUE_TAIL.search(cit.source))
        ):
            # '// Наука 21 века: вопросы, гипотезы, ответы. – №3(16), 2016.', '// Компьютерные
            # инструменты в образовании. No4. 2010.': the issue read with the source (no
            # journal's name ends with its issue)
            cit.source = cit.source[: tail.start()].rstrip(_OUTER) or None
            cut_issue = tail.group(1) or tail.group(2)
        if cit.source and cit.source[-1] in "VТT" and (tail := _YEAR_VOLUME.search(cit.source)):
            # 'Authors // Ann. Med. 2006. V. 38. № 8. P. 530–544.' (Russian journals' style for
            # works in English, no title): the year and the volume's word read with the source
            cit.source = cit.source[: tail.start()].rstrip(_OUTER) or None
            cit.year = cit.year or tail.group(1)
    lead_issue = None  # an issue number the volume span began with
    if "volume" in first:
        cit.volume, section, lead_issue = _volumes(first["volume"])
        if section and cit.source and first["source"].rstrip(" ,;:").endswith("."):
            # 'Nucl. Phys. | B364': the letter names the journal's section ('Nucl. Phys. B',
            # not the other journal 'Nucl. Phys.'), the number is the volume
            cit.source = f"{cit.source}. {section}"
    elif (
        cit.source
        and (tail := _VOLUME_TAIL.search(cit.source, len(cit.source) - 8))  # (6 at most)
        and not _SERIES_WORD.search(cit.source[: tail.start()])
    ):
        # 'Int. J. Mod. Phys. A16 (2001)', 'Advances in Neural Information Processing Systems
        # 6': the number closing a source with no volume of its own is the volume; a letter
        # before it names the journal's section and stays with it, as above
        section = _SECTION_VOLUME.match(tail.group(1))
        head = cit.source[: tail.start()]
        cit.source = head.rstrip(_OUTER) or None
        if section and cit.source and head.rstrip().endswith("."):
            cit.source = f"{cit.source}. {section.group(1)}"
        cit.volume = _number(tail.group(1), _VOLUME_WORD)
    if (
        cit.source
        and cit.volume is None
        and cit.source[-1].isdigit()
        and (tail := _SOURCE_VOLUME.search(cit.source))
    ):
        # '… конференции. Т.1 |, с. 9-16', '// Полн. собр. соч. Т.3.': the volume's word and
        # number read with the source of a collection or journal (a book's title is moved to
        # its source below, and loses its volume there)
        cit.source = cit.source[: tail.start()].rstrip(_OUTER) or None
        cit.volume = tail.group(1)
    # 'Arhitekturnoe nasledstvo. Vyp. 69', '… вестник. Т. | 5': the number's word read with the
    # source
    if (
        cit.source
        and cit.source[-1] in _NUMBER_WORD_ENDS
        and (cit.volume or "issue" in first)
        and (tail := _NUMBER_WORD_TAIL.search(cit.source))
    ):
        cit.source = cit.source[: tail.start()].rstrip(_OUTER) or None
    if (
        cit.volume
        and cit.source
        and "volume" in first
        and _ISSUE_LEAD.match(first["volume"])
        and ("issue" not in first or _RUNNING_NUMBER.match(first["issue"]))
    ):
        # '// ВАНТ. – 2006. – | Вып.1 | (66).': a journal's issue read as the volume, and the
        # number the issue has in the journal's whole run (a book's 'Вып. 2' stays its volume)
        cit.volume, cit.issue = None, _issues(first["volume"])
    elif "issue" in first:
        cit.issue = _issues(first["issue"])
    elif "year" in first:
        cit.issue = _issues_in_year(first["year"])  # '2016. – №10. –' read as one year span
    if cut_issue and cit.issue is None:
        cit.issue = _issues(cut_issue)
    if lead_issue and cit.issue is None:
        cit.issue = lead_issue
    if "pages" in first:
        cit.fpage, cit.lpage = _page_range(first["pages"], has_russian_letters(text))
    if "publisher" in first:
        cit.publisher = _clean(first["publisher"]) or None
    if "place" in first:
        cit.place = _clean(first["place"]) or None
    if cit.place and cit.place[-1] == "l" and (mark := _PLACE_PUBL.search(cit.place)):
        # "Kazan', Publ. | Institut istorii …": the "References" style's mark opens the
        # publisher's name
        cit.place = cit.place[: mark.start()] or cit.place
    if (cit.place is None) != (cit.publisher is None) and (
        "," in (cit.place or cit.publisher or "")
        or _PUBLISHER_THEN_PLACE.match(cit.publisher or "")
    ):
        # (one of the two read, and a comma or a place after the publisher: cheap tests first)
        cit.place, cit.publisher = _parted_imprint(cit.place, cit.publisher, first, text)
    for label in ("doi", "url"):
        if label in first:
            found = _DOI.search(first[label])
            if found and not cit.doi:
                # a DOI runs to the next space: one the span cuts ('doi.10.1093/cid/' |
                # 'ciy936.') is read whole from the text
                at = text.find(found.group())
                whole = _DOI.match(text, at) if at >= 0 else None
                doi = (whole or found).group().rstrip(".,;)")
                # a DOI the line broke after its '/' or '-' ('10.1007/978-3- 319-24277-4')
                if whole and doi[-1] in "/-" and (rest := _DOI_REST.match(text, whole.end())):
                    doi += rest.group(1).rstrip(".,;)")
                cit.doi = doi
    if "url" in first:
        url = _address(first["url"])
        if url and "doi.org/" not in url:
            cit.url = url
    if "accessed" in first:
        inner = _ACCESS_LEAD.sub("", first["accessed"])
        cit.accessed = _access_date(inner.strip(' ()[]."'))  # (a date alone: "(07.12. 2014 г.)")
    cit.arxiv = _arxiv(text)
    if "ISBN" in text or "isbn" in text:
        cit.isbn = _isbn(text)
    if "PM" in text:  # (every match holds it: a cheap test first)
        pmid = _PMID.search(text)
        cit.pmid = pmid.group(1) if pmid else None
        pmcid = _PMCID.search(text)
        cit.pmcid = pmcid.group(1) if pmcid else None
    cit.type = _type(cit, first, connector)
    if thesis and cit.type in (None, "book"):
        cit.type = "thesis"
    if cit.type == "book" and part_of:
        cit.type = "chapter"  # 'Title. In: Editors (eds), …' without a labelled book title
    if cit.type in ("book", "thesis") and cit.source is None:
        # JATS puts the title of a whole book in <source>; article-title is for a part of one
        cit.source, cit.title = cit.title, None
        if cit.source and cit.volume is None and (tail := _BOOK_VOLUME.search(cit.source)):
            # 'Высшие трансцендентные функции. Т.2': the volume of a book in several, glued to
            # its title ('Т. 2' apart is labelled a volume)
            cit.source = cit.source[: tail.start()].rstrip(_OUTER) or None
            cit.volume = tail.group(1)
    russ = _marked_russian(text)
    if russ or has_russian_letters((cit.title or "") + (cit.source or "")):
        # a work the reference says is Russian is Russian, whatever look-alike letter its
        # transliteration holds ('… elektrostantsyj і Chornobylya … (in Russian)')
        # (told without its addresses: a Ukrainian work citing http://новини-былые.рф was
        # told Russian by the address's ы, and its parts written by the Russian scheme)
        cit.lang = russ or ("uk" if is_ukrainian(without_addresses(text)) else "ru")
    if russ and cit.title_en is None and "title" in first:
        cit.title_en = _translation_in_note(spans)
    return cit


# An arXiv identifier ('arXiv:1704.07356', 'arXiv preprint arXiv:…', 'arxiv.org/abs/…'), or
# an old one that names its archive ('[hep-th/0602031]'): one pattern reads it from the text
# (the labeller leaves it in a note, as GROBID's corpus labels it), whatever span holds it
_ARXIV_NAMED = lazy_re.compile(
    rf"(?:arxiv\s*:?\s*(?:e-?prints?\s*:?\s*)?|arxiv\.org/(?:abs|pdf)/)({ARXIV_ID})(?![\w/])",
    re.I,
)
_SLASH_SEVEN_DIGITS = lazy_re.compile(r"/\d{7}")
_ARXIV_OLD = lazy_re.compile(
    r"(?<![\w/.-])((?:hep-(?:th|ph|ex|lat)|astro-ph|gr-qc|cond-mat|quant-ph|math-ph|"
    r"nucl-(?:th|ex)|nlin|physics|math)(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)(?![\w/])"
)


def _arxiv(text: str) -> str | None:
    """The text's arXiv identifier, if it names one (cheap tests first: 2 % of references name
    an e-print; the patterns cost 1.5-4 µs)."""
    found = None
    if "rXiv" in text or "rxiv" in text or "RXIV" in text:
        found = _ARXIV_NAMED.search(text)
    if found is None and "/" in text and _SLASH_SEVEN_DIGITS.search(text):
        found = _ARXIV_OLD.search(text)
    return found.group(1) if found is not None else None


# 'ISBN 978-5-905163-48-7', 'ISBN: 0-486-67260-3', 'ISBN 0486653633' (GOST and most styles
# write it last; GROBID's corpus labels it a note)
_ISBN_IN_TEXT = lazy_re.compile(
    r"\bISBN(?:-1[03])?\s*:?\s*(97[89][\d\s‐–-]{10,14}|\d[\d\s‐–-]{8,11}[\dXx])", re.I
)


# 'PMID: 12345678', 'PMID 12345678' (at most 8 digits, as the model takes a PMID; the labeller
# leaves it in a note, as it does an arXiv identifier or an ISBN); 'PMCID: PMC1234567',
# 'PMC1234567' (also in a PMC address)
_PMID = lazy_re.compile(r"(?<![\w-])PMID\s*:?\s*([1-9]\d{0,7})(?!\d)")
_PMCID = lazy_re.compile(r"(?<![A-Za-z])(PMC[1-9]\d{3,8})(?!\d)")


def _isbn(text: str) -> str | None:
    """The first ISBN of the text whose check digit holds (a book may name several: its
    volumes' or editions'); one that fails is no ISBN to write."""
    for found in _ISBN_IN_TEXT.finditer(text):
        try:
            return normalize_isbn(found.group(1).strip(" -‐–"))
        except ValueError:
            continue
    return None


def _translation_in_note(spans: list[Span]) -> str | None:
    """The bracketed English after the title of a Russian work in Latin script, when the
    labeller took it for a note ('Nazvanie [Title]. Voprosy …, (In Russ.)'): in that style the
    bracket after the title is its translation, unless it names the medium."""
    for k in range(1, len(spans)):
        if spans[k][0] == "note" and spans[k - 1][0] == "title":
            found = _TRANSLATION.match(spans[k][1]) and _BRACKETED.search(spans[k][1])
            inner = found.group(1) if found else ""
            if inner and not _MEDIUM.fullmatch(inner) and not has_russian_letters(inner):
                return _clean(inner) or None
            return None
    return None


# ('Дисс.', 'Автореф. дисс.', the transliterated 'avtoref. dis.': real lists' spellings)
_THESIS = lazy_re.compile(
    r"дисс?(?:\.|…)|диссертац|автореф|avtoref|thesis|dissertat|\bdiss?\.|ph\.?\s?d|"
    # a student's graduation or course work ('Дипломная работа', 'Выпускная квалификационная
    # работа', 'ВКР', 'Курсовая работа', 'Бакалаврская работа')
    r"(?:дипломн|курсов|бакалаврск|магистерск)\w*\s+(?:работа|проект)|квалификационн\w*\s+работ|"
    r"\bвкр\b",
    re.I,
)
_CONFERENCE = lazy_re.compile(
    r"proceedings|\bproc\.|conference|\bconf\.|symposium|workshop|материалы|конф\.|конференц|"
    r"тезисы|congress|конгресс",
    re.I,
)


# every match of _CONFERENCE holds one of these once casefolded (casefold, not lower: the
# pattern's ignored case reads 'ſ' as 's' and the Kelvin sign as 'k'; no 'i' here, which it
# matches as 'ı' and 'İ' too)
_CONFERENCE_HINTS = ("proc", "conf", "sympos", "workshop", "материалы", "конф", "тезисы",
                     "congress", "конгресс")  # fmt: skip


# (the hints as one pattern: a search in C, where a loop over them took 0.3 µs more)
_CONFERENCE_HINT = lazy_re.compile("|".join(_CONFERENCE_HINTS))


def _conference(source: str) -> bool:
    """Whether the source names a conference (a cheap test of its words before the regex)."""
    return bool(_CONFERENCE_HINT.search(source.casefold()) and _CONFERENCE.search(source))


def _type(cit: Citation, first: dict[str, str], connector: bool) -> str | None:
    note = first.get("note", "")
    if _THESIS.search(note):
        return "thesis"
    # (the source as labelled: the reading may have cut ': материалы конф.' or a conference's
    # dates from it)
    if cit.source and _conference(first.get("source", cit.source)):
        return "conference"
    if cit.title and cit.source:
        if cit.editors or cit.publisher or connector or _IN_LEAD.match(first["source"]):
            return "chapter"
        if cit.volume or cit.issue or cit.fpage:
            return "journal"
        return None
    if cit.title and not cit.source and (cit.publisher or cit.place):
        # a whole book has no issue and no page range: 'Title. Blood Press 1996;5:360-362'
        # is an article whose journal was not labelled, and its title stays a title
        # ... unless the range is named as the pages cited ('М.: Наука, 2005. С. 45–50.')
        cited = cit.lpage and _CITED_PAGES.match(first.get("pages", ""))
        return None if cit.issue or (cit.lpage and not cited) else "book"
    if cit.url and not cit.source:
        return "web"
    if cit.source and (cit.volume or cit.issue) and not cit.title:
        return "journal"
    return None


_ETAL_IN = lazy_re.compile(r"(?i)(?<!\w)(?:и\s+др(?:\.|$)|та\s+ін(?:\.|$)|et\s+al\.?)(?!\w)")


def veto(cit: Citation) -> str | None:
    """Why a citation cannot be right, or None: impossible values a wrong labelling shows."""
    if "?" in cit.authors:
        return "author list not readable"
    if (cit.title and _ETAL_IN.search(cit.title)) or (cit.source and _ETAL_IN.search(cit.source)):
        # 'Министерство образования и науки РФ и др. Российские школьники…' read as the
        # title: no labelled title or source of the corpora holds one (nor Ukrainian 'та ін.')
        return "'и др.' or 'et al.' inside the title or source: the author list runs into it"
    if cit.title_en and has_russian_letters(cit.title_en):
        # '[Электронный ресурс]' read as the bracketed English title: no translation of it
        return "a Cyrillic text read as the English title"
    if cit.title and _MEDIUM.fullmatch(cit.title):
        # 'Grooflab [Elektronnyy resurs].': the site's name read as its author
        return "a medium note read as the title"
    if cit.title_en and _MEDIUM.fullmatch(cit.title_en):
        # '[Elektronnyj resurs]', GOST's medium note transliterated in a References list
        return "a medium note read as the English title"
    if cit.title_en and _RUSS.fullmatch(f"[{cit.title_en.strip()}]"):
        # '… Mechanics of Turbulence [in Russian], Vol. 1, Nauka': the work's language
        return "a language note ('[in Russian]') read as the English title"
    if len(cit.authors) > 1 and any("," in a for a in cit.authors):
        for person in cit.authors:
            if "," not in person and has_russian_letters(person):
                # 'Сорокин П. А. Человек. Цивилизация…': a title word read as a second author
                return "a Cyrillic author without initials among authors with them"
    if cit.lang in ("ru", "uk"):
        for person in cit.authors:
            given = person.partition(", ")[2].split()
            if len(given) > 1 and _SURNAME.match(given[0]) and _INITIAL.match(given[-1]):
                # 'Inozemtsev V. Kitai — glavnaya ugroza…' read as 'Kitai, Inozemtsev V.': a
                # Russian (or Ukrainian) name never has a full name before the initials, a
                # title word does
                return "a title word read as the surname of a Russian author"
    if cit.year is not None:
        if cit.year == "?":
            return "no year in the year span"
        if not 1500 <= int(cit.year) <= _NEXT_YEAR:
            return "year outside 1500..next year"
    if not (cit.title or cit.source) and not (
        cit.arxiv and cit.authors and not (cit.volume or cit.issue or cit.fpage)
    ):
        # ('Wagman M.L., Savage M.J. (2017), arXiv:1704.07356': an e-print named by its arXiv
        # identifier alone is linked by it)
        return "neither title nor source"
    if (
        cit.title
        and "a" <= cit.title[-1] <= "z"
        and not cit.title[-7:].islower()  # (a capital among the last letters: a cheap test)
        and _GLUED_END.search(cit.title, len(cit.title) - 8)
        and cit.title.count(" ") > 1  # (a name of one or two words is a product's: 'NumPy')
    ):
        # '… superheavy isotopesBraz' | 'J .Phys': the text ran the title into the (short,
        # abbreviated) first word of the journal's name, and the labeller cut it there
        return "the title ends in two words run together"
    if not (cit.authors or cit.title or cit.volume or cit.issue or cit.fpage or cit.publisher):
        return "a source alone: nothing to link it by"
    if not (cit.authors or cit.year or cit.source or cit.url or cit.doi or cit.publisher):
        return "a title alone: nothing to link it by"  # 'Archive of the project, box 3.'
    if cit.title and not cit.source and (cit.volume or cit.issue or cit.fpage):
        # 'Title. Journal. 2016. № 10. С. 5–9.' read with the journal inside the title; pages
        # alone (a report's) too: on the dev split such readings are too often wrong
        return "volume, issue or pages without the source they belong to"
    if cit.title_en and cit.authors:
        lead = cit.title_en.split()[0].strip(":,.").lower()
        if any(person.split(",")[0].lower() == lead for person in cit.authors):
            # 'Putin: Rossiya … [Putin: Russia …]': the title's first word read as its author
            return "the translated title begins with the author"
    pages = (cit.fpage or "", cit.lpage or "")
    if pages[0].isdigit() and pages[1].isdigit() and int(pages[1]) < int(pages[0]):
        return "last page before first page"
    for part in (cit.title, cit.source):
        if part is not None and (
            len(part) < 2
            or part.count("(") != part.count(")")
            or part.count("[") != part.count("]")
        ):
            return "unbalanced or empty title/source"
        if (
            part is not None
            and cit.year
            and part.endswith(cit.year)
            and len(part) > 5
            # (a meeting's name holds its year: 'NDTCS-2015', 'Список-2016')
            and not (part[-5] == "-" and part[-6].isalpha())
        ):
            return "the year read into the title or source"  # '… feature maps 1992 IEEE Trans…'
        if (
            part is not None
            and ("trans" in part or "by" in part or "radu" in part or "setzt" in part
                 or "пер." in part)
            and _RESPONSIBILITY.search(part)
        ):  # fmt: skip
            return "a translator or editor statement in the title or source"  # 'Mein Kampf, trans.
    if cit.source:
        low = cit.source.lower()
        # (each regex below only where the words it needs are there: a cheap test first)
        if ("url" in low or "http" in low or "www." in low) and _URL_IN.search(low):
            return "source contains a URL"  # 'Rossiyskaya Gazeta. URL
        words = None  # the source's words, read only for a surname found in its text
        for person in cit.authors:
            surname = person.split(",")[0].lower()
            if len(surname) > 2 and surname in low:
                if words is None:
                    words = set(_WORD.findall(low))
                if surname in words:
                    return "source contains the author list"
        if ("ed" in low or "под ред" in low or "/" in low) and _EDITOR_IN.search(low):
            return "source contains an editor statement"
        if ("ser" in low[-8:] or "сер" in low[-8:]) and _SERIES_END.search(low):
            # 'Vestnik … Seriya | 6 |: Ekonomika' (English 'Ser.' ends journal names: 'J. Phys.
            # Conf. Ser.', 'Mar Ecol Prog Ser')
            return "source cut after its series word"
        if ("ed" in low or "изд" in low or "вид" in low) and _EDITION.search(low):
            return "source contains an edition statement"  # '… регулирования. 4-е изд
        if low[:1] == "[" and _CROSS_REFERENCE.match(low):
            return "source is a reference to another entry"  # 'In [24], chapter 7'
        if low.strip(". ") in city_sources() and _SHORT.fullmatch(low):  # (the set first)
            return "source is a city"
        # (the last word, after '.' or ',': a source without either skips the search)
        tail = _SOURCE_TAIL.search(low, len(low) - 60) if "." in low or "," in low else None
        if tail and tail.group(1) in PLACES and not low.endswith(_PNAS_ENDS):
            return "a city at the end of the source"  # '… вестник. Уфа', 'J. Chem. London'
    return None


_WORD = lazy_re.compile(r"[\w'’-]+")
# a journal section's letter before the volume: 'B364', 'A16' ('V69' is 'Vol. 69')
# an issue's number, then the volume's, in one span: 'N9. Т. 11.', '№ 3, Vol. 5'
_ISSUE_THEN_VOLUME = lazy_re.compile(
    r"^[\s(]*(?:№|N|No\.?)\s*(\d+[a-zа-я]?)[.,;]?\s+(?=(?:т|том|vol|v)\.\s*\d)", re.I
)
# (not 'N': 'N9' is an issue's number, as '№9'; nor 'V': 'V5' is a volume's)
_SECTION_VOLUME = lazy_re.compile(r"^([A-MO-UW-Z])\s?\d{1,4}\b")
_CLOSING = lazy_re.compile(r"^\s*\)[\s.,;:]*$")
# 'isotopesBraz', not 'EinsteinCondensates'
_GLUED_END = lazy_re.compile(r"[a-z]{2}[A-Z][a-z]{1,4}$")
# 'Mein Kampf, trans. James Vincent Murphy', '…, edited by …': never part of a title or source
# (a capital 'Trans.' is a journal's: 'IEEE Trans. Inf. Theory').
_RESPONSIBILITY = lazy_re.compile(
    r",\s+trans\.\s|\((?:trans|transl)\.\)|\b(?i:translated|edited)\s+by\b|\b[Ee]d\.\s+by\b"
    r"|\b(?i:traduction\s+de|traduit\s+(?:de\s+\S+\s+)?par|übersetzt\s+von|пер\.\s+с\s)"
)
_SURNAME = lazy_re.compile(r"^[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'ʼ-]{2,}$")
_INITIAL = lazy_re.compile(r"^(?:[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]{0,2}\.-?)+$")
_EDITION = lazy_re.compile(
    r"\b\d+-?е\s+изд\b|\bизд\.\s+\d|\b\d+(?:st|nd|rd|th)\s+(?:ed|edn|edition)\b|\brev\.\s+ed\b"
    r"|\b\d+-?(?:тє|ге|е)\s+вид\b"  # (Ukrainian: '3-тє вид.', '2-ге вид.')
)
_CROSS_REFERENCE = lazy_re.compile(r"\[\d+(?:[,–-]\s*\d+)*\]")
_SOURCE_TAIL = lazy_re.compile(r"[.,]\s+([\w-]+)\.?$")
# 'Proc. Natl. Acad. Sci. USA' names its country, not a city of publication
_PNAS_ENDS = ("sci. usa", "sci. usa.", "sci usa")
_CITY_SOURCES = frozenset(
    {"moscow", "москва", "м", "спб", "st. petersburg", "saint petersburg", "санкт-петербург",
     "leningrad", "ленинград", "л", "novosibirsk", "новосибирск", "london", "new york", "tokyo",
     "oxford", "cambridge", "berlin", "paris", "kyiv", "kiev", "киев", "minsk", "минск", "уфа",
     # where Russian-language books are printed, as real lists write the place alone ("Курс
     # фразеологии … Дубна, 2005.", "Конституция … Бишкек, 2016 г." read the city as the source)
     "ташкент", "tashkent", "бишкек", "bishkek", "алматы", "almaty", "алма-ата", "астана",
     "astana", "ереван", "yerevan", "тбилиси", "tbilisi", "баку", "baku", "кишинев",
     "кишинёв", "chisinau", "рига", "riga", "вильнюс", "vilnius", "таллин", "tallinn",
     "душанбе", "dushanbe", "харьков", "kharkov", "kharkiv", "одесса", "odessa", "львов",
     "lviv", "гомель", "gomel", "казань", "kazan", "екатеринбург", "yekaterinburg",
     "ekaterinburg", "свердловск", "sverdlovsk", "томск", "tomsk", "омск", "omsk", "пермь",
     "perm", "самара", "samara", "куйбышев", "саратов", "saratov", "воронеж", "voronezh",
     "волгоград", "volgograd", "краснодар", "krasnodar", "красноярск", "krasnoyarsk",
     "иркутск", "irkutsk", "владивосток", "vladivostok", "хабаровск", "khabarovsk",
     "челябинск", "chelyabinsk", "тюмень", "tyumen", "барнаул", "barnaul", "кемерово",
     "kemerovo", "ярославль", "yaroslavl", "иваново", "ivanovo", "тверь", "tver", "тула",
     "tula", "калуга", "kaluga", "рязань", "ryazan", "курск", "kursk", "белгород", "belgorod",
     "пенза", "penza", "ульяновск", "ulyanovsk", "ижевск", "izhevsk", "киров", "kirov",
     "сыктывкар", "syktyvkar", "петрозаводск", "petrozavodsk", "мурманск", "murmansk",
     "калининград", "kaliningrad", "архангельск", "arkhangelsk", "вологда", "vologda",
     "смоленск", "smolensk", "брянск", "bryansk", "липецк", "lipetsk", "тамбов", "tambov",
     "оренбург", "orenburg", "астрахань", "astrakhan", "ставрополь", "stavropol",
     "махачкала", "makhachkala", "нальчик", "nalchik", "владикавказ", "vladikavkaz",
     "якутск", "yakutsk", "чита", "chita", "улан-удэ", "ulan-ude", "благовещенск",
     "blagoveshchensk", "магадан", "magadan", "севастополь", "sevastopol", "симферополь",
     "simferopol", "ростов н", "ростов-на-дону", "rostov-on-don", "нижний новгород",
     "nizhny novgorod", "горький", "gorky", "новгород", "великий новгород", "псков", "pskov",
     "чебоксары", "cheboksary", "саранск", "saransk", "йошкар-ола", "сургут", "surgut",
     "дубна", "dubna", "обнинск", "obninsk", "пущино", "pushchino", "черноголовка",
     "долгопрудный", "новокузнецк", "владимир", "vladimir", "кострома", "kostroma"}
)  # fmt: skip
# Ukrainian cities as Ukrainian lists write them ("Чорновол І. П. Польсько-українська угода …
# Львів, 2000."); their Latin forms by kmu-2010 are added in ``city_sources``
_UKRAINIAN_CITY_SOURCES = frozenset(
    {"київ", "харків", "львів", "одеса", "дніпро", "дніпропетровськ", "запоріжжя", "вінниця",
     "полтава", "чернівці", "тернопіль", "луцьк", "рівне", "житомир", "черкаси", "чернігів",
     "суми", "ужгород", "івано-франківськ", "миколаїв", "херсон", "кропивницький",
     "хмельницький", "кривий ріг", "ніжин", "острог", "дрогобич", "кам'янець-подільський",
     "біла церква", "маріуполь", "донецьк", "луганськ", "ірпінь", "переяслав"}
)  # fmt: skip


@cache
def city_sources() -> frozenset[str]:
    """``_CITY_SOURCES`` with each Russian city also in every transliteration scheme of
    ``converter.translit`` ("Habarovsk", "Kazan'", "Nizhnij Novgorod"), and each Ukrainian one
    by Ukraine's national system ("kyiv", "ivano-frankivsk"): a book's place alone is read as
    its source in the Latin-script "References" form too. (Built on the first veto: 8 ms,
    which a command that parses no reference never pays.)"""
    from converter.translit import SCHEMES, UKRAINIAN, transliterate

    latin = {
        transliterate(city, scheme)
        for city in _CITY_SOURCES
        if len(city) > 2 and has_russian_letters(city)
        for scheme in SCHEMES
    }
    ukrainian = {transliterate(city, UKRAINIAN) for city in _UKRAINIAN_CITY_SOURCES}
    return _CITY_SOURCES | _UKRAINIAN_CITY_SOURCES | latin | ukrainian
