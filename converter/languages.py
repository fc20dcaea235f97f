"""Language and country codes (ISO 639, ISO 3166) backed by pycountry's tables.

A command that converts one article checks one or two codes. Importing pycountry and loading
its ISO 639 table (7,900 languages) cost it ~50 ms, so the few facts needed here — which codes
exist, the ISO 639-1 code of an ISO 639-2 one and of a language's English name, each country's
English name — are read once from pycountry's own data files and kept in the user cache
(``$XDG_CACHE_HOME/jats-converter/tables``), keyed by those files' size and modification time;
the next command reads a small JSON file. Anything else (a country given by name, a language
by its Russian name) asks pycountry itself.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import gettext

from converter.userdirs import user_cache

_TAG_RE = re.compile(r"^([a-z]{2,3})(?:-[A-Za-z0-9]{1,8})*$")
_TABLES = ("iso639-3.json", "iso3166-1.json")
_TABLES_VERSION = 2


def _databases() -> Path | None:
    """pycountry's data folder, found without importing pycountry."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "databases"


def _build(folder: Path) -> dict[str, Any]:
    languages = json.loads((folder / _TABLES[0]).read_text(encoding="utf-8"))["639-3"]
    countries = json.loads((folder / _TABLES[1]).read_text(encoding="utf-8"))["3166-1"]
    with_two = [e for e in languages if "alpha_2" in e]
    return {
        "language_alpha_2": sorted({e["alpha_2"].lower() for e in with_two}),
        "language_alpha_3": sorted({e["alpha_3"].lower() for e in languages}),
        # ISO 639-2 (terminology and bibliographic: rus, deu, ger) → ISO 639-1, and the English
        # names of the languages that have a 639-1 code (those are the ones journals publish in)
        "language_two_of_three": {
            e[key].lower(): e["alpha_2"].lower()
            for e in with_two
            for key in ("alpha_3", "bibliographic")
            if key in e
        },
        "language_name": {
            e[key]: e["alpha_2"].lower()
            for e in with_two
            for key in ("name", "common_name", "inverted_name")
            if key in e
        },
        "country_name": {e["alpha_2"].upper(): e["name"] for e in countries},
        "country_alpha_3": {e["alpha_3"].upper(): e["alpha_2"].upper() for e in countries},
    }


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    """The code tables: from the user cache when they match pycountry's files, else built
    from those files (and cached for the next command; a cache that cannot be written is
    skipped)."""
    folder = _databases()
    if folder is None:  # pragma: no cover - pycountry is a dependency
        raise RuntimeError("pycountry is not installed")
    stats = [os.stat(folder / name) for name in _TABLES]
    key = "-".join(f"{s.st_size}.{s.st_mtime_ns}" for s in stats)
    # (the version names what the tables hold: a cache of an older one is not read)
    path = user_cache("tables") / f"pycountry-{_TABLES_VERSION}-{key}.json"
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = _build(folder)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temp.write_text(json.dumps(data), encoding="utf-8")
            os.replace(temp, path)
        except OSError:
            pass
    data["language_alpha_2"] = frozenset(data["language_alpha_2"])
    data["language_alpha_3"] = frozenset(data["language_alpha_3"])
    data["language_by_name"] = {
        name.casefold(): code for name, code in data["language_name"].items()
    }
    return data


@lru_cache(maxsize=512)
def normalize_language(value: str) -> str:
    """Return a BCP 47 tag whose primary subtag is an ISO 639 code, or raise ``ValueError``.

    OJS-style locales (``ru_RU``) are accepted and become ``ru-RU``. A three-letter code of a
    language that has a two-letter one (ISO 639-2 ``rus``, ``eng``, bibliographic ``ger``)
    becomes that one, as BCP 47 wants: ``language: rus`` with titles keyed ``ru`` had been
    "no title in the article's language (rus)", and ``xml:lang="rus"`` is no tag PMC reads.
    """
    tag = value.strip().replace("_", "-")
    head, _, rest = tag.partition("-")
    tag = head.lower() + ("-" + rest if rest else "")
    match = _TAG_RE.match(tag)
    if not match:
        raise ValueError(f"not a language code (expected e.g. 'en', 'ru'): {value!r}")
    primary = match.group(1)
    tables = _tables()
    two = tables["language_two_of_three"].get(primary) if len(primary) == 3 else None
    if two is not None:
        return two + tag[3:]
    known = tables["language_alpha_2"] if len(primary) == 2 else tables["language_alpha_3"]
    if primary not in known:
        raise ValueError(f"unknown ISO 639 language code: {value!r}")
    return tag


@lru_cache(maxsize=256)
def language_code(value: str) -> str | None:
    """The ISO 639-1 code of a language as pages and records name it: a code (``ru``,
    ``ru_RU``; ISO 639-2 ``rus``, ``ger``), or its English or Russian name (``Russian``,
    ``Русский``, ``русский язык``); a language without a 639-1 code keeps its 639-3 one.
    None when it is none of these."""
    text = " ".join(value.split()).casefold()
    text = re.sub(r"\s+(?:language|язык)$", "", text)
    head = re.split(r"[_-]", text)[0]
    tables = _tables()
    if re.fullmatch(r"[a-z]{2}", head) and head in tables["language_alpha_2"]:
        return head
    if re.fullmatch(r"[a-z]{3}", head):
        found = tables["language_two_of_three"].get(head)
        if found is not None:
            return str(found)
        if head in tables["language_alpha_3"]:
            return head
    found = tables["language_by_name"].get(text) or _russian_language_names().get(text)
    return str(found) if found is not None else None


@lru_cache(maxsize=1)
def _russian_language_names() -> dict[str, str]:
    """The names pycountry gives in Russian ("русский", "немецкий") of the languages with an
    ISO 639-1 code, casefolded, to that code: Russian pages name languages so."""
    import gettext

    import pycountry

    russian = gettext.translation(
        "iso639-3", pycountry.LOCALES_DIR, languages=["ru"], fallback=True
    )
    names: dict[str, str] = {}
    for english, code in _tables()["language_name"].items():
        translated = russian.gettext(english)
        if translated != english:
            names.setdefault(translated.casefold(), code)
    return names


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """Return the ISO 3166 short English name of an alpha-2 code (``RU`` → Russian Federation)."""
    found = _tables()["country_name"].get(code.upper())
    if found is None:
        raise ValueError(f"unknown ISO 3166 country code: {code!r}")
    return str(found)


@lru_cache(maxsize=512)
def normalize_country(value: str) -> str:
    """Return the ISO 3166-1 alpha-2 code for a code or English country name."""
    text = value.strip()
    if len(text) == 2 and text.isascii() and text.isalpha():
        code = text.upper()
        if code == "UK":  # reserved by ISO 3166 for the United Kingdom, whose code is GB
            return "GB"
        country_name(code)
        return code
    if len(text) == 3 and text.isascii() and text.isalpha() and text.isupper():
        found = _tables()["country_alpha_3"].get(text)
        if found is not None:
            return str(found)
    import pycountry  # a name: pycountry's fuzzy lookup

    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        pass
    key = " ".join(text.replace(".", "").split()).casefold()
    found = _COMMON_COUNTRY_NAMES.get(key) or _russian_country_names().get(key)
    if found is None:
        raise ValueError(f"unknown country (use an ISO 3166 code such as 'RU'): {value!r}")
    return found


# Names editors write that ISO 3166 (and pycountry's common names) do not give, full stops and
# case aside: "Russia" is "Russian Federation" there, "Turkey" "Türkiye", "UK" nothing.
_COMMON_COUNTRY_NAMES = {
    "russia": "RU", "turkey": "TR", "uk": "GB", "great britain": "GB", "britain": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB", "korea": "KR",
    "republic of korea": "KR", "macedonia": "MK", "ivory coast": "CI", "holland": "NL",
    "the netherlands": "NL", "palestine": "PS", "brunei": "BN", "cape verde": "CV",
    "swaziland": "SZ", "burma": "MM", "vatican": "VA", "micronesia": "FM", "dr congo": "CD",
    "drc": "CD", "czech republic": "CZ", "the united states": "US", "usa": "US",
    "россия": "RU", "рф": "RU", "сша": "US", "великобритания": "GB", "англия": "GB",
    "южная корея": "KR", "корея": "KR", "северная корея": "KP", "кндр": "KP", "кнр": "CN",
    "молдова": "MD", "молдавия": "MD", "сирия": "SY", "венесуэла": "VE", "лаос": "LA",
    "македония": "MK", "тайвань": "TW", "кыргызстан": "KG", "белоруссия": "BY",
}  # fmt: skip


@lru_cache(maxsize=64)
def country_translations(lang: str) -> gettext.NullTranslations:
    """pycountry's ISO 3166 names in ``lang`` (English where it has none): what country names
    are written in (``converter.countries``) and read from (Russian ones, above)."""
    import gettext  # (both imported only when a name is translated or read)

    import pycountry  # its translations folder

    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[lang.split("-")[0]], fallback=True
    )


@lru_cache(maxsize=1)
def _russian_country_names() -> dict[str, str]:
    """ISO 3166 names as pycountry translates them into Russian ("Япония", "Республика
    Казахстан"), casefolded, to their alpha-2 codes: Russian journals write countries so."""
    return _translated_country_names("ru")


@lru_cache(maxsize=16)
def _translated_country_names(lang: str) -> dict[str, str]:
    """ISO 3166 names as pycountry translates them into ``lang``, casefolded, to their codes."""
    import pycountry

    translated = country_translations(lang)
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            english = getattr(country, attribute, None)
            if english:
                names.setdefault(translated.gettext(english).casefold(), country.alpha_2)
    return names


# Languages a country element is written in beside English and Russian (SciELO's "Brasil",
# "España"; Ukrainian, French, German and Italian journals' own names), in the order tried.
_COUNTRY_ELEMENT_LANGUAGES = ("es", "pt", "fr", "de", "it", "uk")


def country_named_in_any_language(value: str) -> str | None:
    """The ISO code of a country named in one of the journal languages above, or None. Only
    for text that is a country (JATS ``<country>``): in a free affiliation line a city would
    be read as a country (Spanish "Granada" is Grenada)."""
    key = " ".join(value.replace(".", "").split()).casefold()
    for lang in _COUNTRY_ELEMENT_LANGUAGES:
        found = _translated_country_names(lang).get(key)
        if found is not None:
            return found
    return None
