"""Language and country codes (ISO 639, ISO 3166) backed by pycountry's tables."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

_TAG_RE = re.compile(r"^([a-z]{2,3})(?:-[A-Za-z0-9]{1,8})*$")


@lru_cache(maxsize=512)
def normalize_language(value: str) -> str:
    """Return a BCP 47 tag whose primary subtag is an ISO 639 code, or raise ``ValueError``.

    OJS-style locales (``ru_RU``) are accepted and become ``ru-RU``.
    """
    tag = value.strip().replace("_", "-")
    head, _, rest = tag.partition("-")
    tag = head.lower() + ("-" + rest if rest else "")
    match = _TAG_RE.match(tag)
    if not match:
        raise ValueError(f"not a language code (expected e.g. 'en', 'ru'): {value!r}")
    primary = match.group(1)
    found = (
        pycountry.languages.get(alpha_2=primary)
        if len(primary) == 2
        else pycountry.languages.get(alpha_3=primary)
    )
    if found is None:
        raise ValueError(f"unknown ISO 639 language code: {value!r}")
    return tag


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """Return the ISO 3166 short English name of an alpha-2 code (``RU`` → Russian Federation)."""
    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        raise ValueError(f"unknown ISO 3166 country code: {code!r}")
    return found.name


@lru_cache(maxsize=512)
def normalize_country(value: str) -> str:
    """Return the ISO 3166-1 alpha-2 code for a code or English country name."""
    text = value.strip()
    if len(text) == 2 and text.isalpha():
        code = text.upper()
        country_name(code)
        return code
    if len(text) == 3 and text.isalpha() and text.isupper():
        found = pycountry.countries.get(alpha_3=text)
        if found is not None:
            return found.alpha_2
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        raise ValueError(
            f"unknown country (use an ISO 3166 code such as 'RU'): {value!r}"
        ) from None
