"""Country names in the language of an affiliation, from pycountry's ISO 3166 translations."""

from __future__ import annotations

import gettext
from functools import lru_cache

from converter.languages import country_name


@lru_cache(maxsize=64)
def translations(lang: str) -> gettext.NullTranslations:
    """pycountry's ISO 3166 names in ``lang`` (English where it has none)."""
    import pycountry  # its translations folder; imported only when a name is translated

    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[lang.split("-")[0]], fallback=True
    )


@lru_cache(maxsize=2048)
def localized_country_name(code: str, lang: str) -> str:
    """The country's ISO name in ``lang`` when a translation exists, else in English."""
    english = country_name(code)
    if lang.split("-")[0] == "en":
        return english
    return translations(lang).gettext(english)
