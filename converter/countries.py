"""Country names in the language of an affiliation, from pycountry's ISO 3166 translations."""

from __future__ import annotations

from functools import lru_cache

from converter.languages import country_name, country_translations


@lru_cache(maxsize=2048)
def localized_country_name(code: str, lang: str) -> str:
    """The country's ISO name in ``lang`` when a translation exists, else in English."""
    english = country_name(code)
    if lang.split("-")[0] == "en":
        return english
    return country_translations(lang).gettext(english)
