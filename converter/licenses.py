"""Creative Commons licences: SPDX ids, canonical URLs and their English names."""

from __future__ import annotations

import re
from typing import Any

from converter import lazy_re
from converter.xmlns import ALI_LICENSE_REFS

_CC_KINDS = {
    "BY": "Attribution",
    "BY-SA": "Attribution-ShareAlike",
    "BY-ND": "Attribution-NoDerivatives",
    "BY-NC": "Attribution-NonCommercial",
    "BY-NC-SA": "Attribution-NonCommercial-ShareAlike",
    "BY-NC-ND": "Attribution-NonCommercial-NoDerivatives",
}
_CC_VERSIONS = ("2.0", "2.5", "3.0", "4.0")
_CC_URL_RE = lazy_re.compile(
    r"^https?://(?:www\.)?creativecommons\.org/(licenses/([a-z-]+)/(\d\.\d)|publicdomain/zero/1\.0)/?",
    re.IGNORECASE,
)


def _build_table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {
        "CC0-1.0": (
            "https://creativecommons.org/publicdomain/zero/1.0/",
            "Creative Commons CC0 1.0 Universal Public Domain Dedication",
        )
    }
    for kind, name in _CC_KINDS.items():
        for version in _CC_VERSIONS:
            suffix = " International" if version == "4.0" else ""
            table[f"CC-{kind}-{version}"] = (
                f"https://creativecommons.org/licenses/{kind.lower()}/{version}/",
                f"Creative Commons {name} {version}{suffix} License",
            )
    return table


LICENSES: dict[str, tuple[str, str]] = _build_table()
_BY_URL = {url: spdx for spdx, (url, _) in LICENSES.items()}
_BY_UPPER = {spdx.upper(): spdx for spdx in LICENSES}


# A CC licence's legal code or its deed in one language ("…/by/4.0/legalcode.ru", "…/deed.ru"):
# pages of the licence, not its URL. PMC's Style Checker rejects them.
_CC_PAGE_RE = lazy_re.compile(
    r"^https?://(?:www\.)?creativecommons\.org/(?:licenses/[a-z-]+/\d\.\d|publicdomain/zero/1\.0)"
    r"/(?:legalcode|deed)(?:\.[a-z]{2,3}(?:[-_][a-z0-9]+)*)?/?$",
    re.IGNORECASE,
)


def spdx_from_url(url: str) -> str | None:
    """Return the SPDX id of a Creative Commons URL in any common spelling, or None."""
    match = _CC_URL_RE.match(url.strip())
    if not match:
        return None
    canonical = "https://creativecommons.org/" + match.group(1).lower() + "/"
    return _BY_URL.get(canonical)


# The licence elements of a Creative Commons name, in SPDX order ("Attribution-NonCommercial-
# ShareAlike" → BY-NC-SA), as the English names and their older spellings write them.
_CC_ELEMENTS = {
    "ATTRIBUTION": "BY",
    "NONCOMMERCIAL": "NC",
    "SHAREALIKE": "SA",
    "NODERIVATIVES": "ND",
    "NODERIVS": "ND",
}
_ELEMENT = r"(?:NON[\s-]?COMMERCIAL|SHARE[\s-]?ALIKE|NO[\s-]?DERIV(?:ATIVE)?S)"
_CC_NAME_RE = lazy_re.compile(
    rf"^(?:THE\s+|ЛИЦЕНЗИЯ\s+)?CREATIVE\s+COMMONS\s+(ATTRIBUTION(?:[\s-]+{_ELEMENT})*)"
    r"[\s,]+(?:VERSION\s+)?(\d\.\d)\b"
)
_TAIL_RE = lazy_re.compile(
    r"(?:[-\s]+(?:INTERNATIONAL|UNIVERSAL|UNPORTED|GENERIC|PUBLIC|LICENSE|LICENCE|DEED))+$"
)


def spdx_from_text(text: str) -> str | None:
    """The SPDX id of a Creative Commons licence as editors write it, or None: the id in any
    case and spacing ("CC BY 4.0", "cc-by-nc-sa 4.0", "CC0"), the English name ("Creative
    Commons Attribution 4.0 International License"), or either with the other in brackets."""
    upper = " ".join(re.sub(r"[«»\"“”„]", "", text.upper()).split())
    bracketed = re.search(r"\(([^()]*)\)", upper)
    if bracketed:  # "Name (CC BY 4.0)" or "CC BY 4.0 (Name)": the two must agree
        inner = spdx_from_text(bracketed.group(1))
        outer = spdx_from_text(upper[: bracketed.start()] + upper[bracketed.end() :])
        return None if inner and outer and inner != outer else inner or outer
    named = _CC_NAME_RE.match(upper)
    if named:
        words = re.split(r"[\s-]+", re.sub(r"\b(NON|SHARE|NO)[\s-]", r"\1", named.group(1)))
        codes = {_CC_ELEMENTS[word] for word in words}
        kind = "-".join(code for code in ("BY", "NC", "SA", "ND") if code in codes)
        return _BY_UPPER.get(f"CC-{kind}-{named.group(2)}")
    compact = _TAIL_RE.sub("", re.sub(r"[\s_]+", "-", upper.strip(" .")))
    compact = re.sub(r"-V?(\d)$", r"-\1.0", re.sub(r"-V(\d\.\d)$", r"-\1", compact))
    if compact in ("CC0", "CC-0", "CC-ZERO"):
        return "CC0-1.0"
    return _BY_UPPER.get(compact.replace("CC-0-", "CC0-"))


def resolve_license(value: str) -> tuple[str | None, str]:
    """Return ``(spdx_id or None, url)`` for a licence URL, an SPDX id or a Creative Commons
    licence as editors write it (``spdx_from_text``); raise ``ValueError``.

    A URL is kept exactly as written (``http://creativecommons.org/…`` stays ``http``: an
    archive's licence reference is a fact of the record), but for the address of a known CC
    licence's legal code or deed (``…/by/4.0/legalcode``, ``…/by/4.0/deed.ru``), which is written
    as the licence's canonical URL: services (PMC's Style Checker) take only that. An SPDX id
    gives the canonical URL.
    """
    text = value.strip()
    spdx = _BY_UPPER.get(text.upper())
    if spdx:
        return spdx, LICENSES[spdx][0]
    if re.match(r"^https?://\S+$", text):
        spdx = spdx_from_url(text)
        if spdx and _CC_PAGE_RE.match(text):
            return spdx, LICENSES[spdx][0]
        return spdx, text
    spdx = spdx_from_text(text)
    if spdx:
        return spdx, LICENSES[spdx][0]
    raise ValueError(f"unknown licence (use an SPDX id such as 'CC-BY-4.0' or a URL): {value!r}")


# What a licence other than the article's governs (``License.applies_to``, Crossref's words):
# the JATS ali:license_ref/@specific-use it is written with ("textmining" as PMC and JATS4R
# tag a text-mining licence) and what its statement says it licenses.
LICENCE_USES: dict[str, tuple[str, str]] = {
    "tdm": ("textmining", "Text and data mining of this work"),
    "am": ("am", "The accepted manuscript of this work"),
    "stm-asf": ("stm-asf", "Sharing of this work under the STM Article Sharing Framework"),
}


# The marks a JATS file gives a licence for another use than the article: the JATS writer's
# (``LICENCE_USES``), Crossref's own words (JATS 1.4's @applies_to), "text-mining".
_USE_MARKS = {
    **{mark: use for use, (mark, _) in LICENCE_USES.items()},
    **{use: use for use in LICENCE_USES},
    "text-mining": "tdm",
}


def licence_use(license_el: Any) -> str | None:
    """What a JATS ``<license>`` (an lxml element) governs when it is marked for another use than
    the article — "tdm", "am" or "stm-asf" (``License.applies_to``) —, else None: the
    @specific-use (PMC's and JATS4R's "textmining" …) or @applies_to of its ali:license_ref,
    else its own @specific-use."""
    ref = next(iter(license_el.iter(*ALI_LICENSE_REFS)), None)
    for element in (ref, license_el):
        for attribute in ("specific-use", "applies_to"):
            mark = (element.get(attribute) or "").strip().lower() if element is not None else ""
            if mark in _USE_MARKS:
                return _USE_MARKS[mark]
    return None


def licence_statement(spdx: str | None, url: str | None, applies_to: str | None = None) -> str:
    """The English statement written for a licence given without one: what it licenses (the
    work, or what ``applies_to`` names) and under what (a Creative Commons licence's name,
    else its URL)."""
    subject = LICENCE_USES[applies_to][1] if applies_to else "This work"
    if spdx:
        return f"{subject} is licensed under a {LICENSES[spdx][1]}."
    return f"{subject} is licensed under the licence at {url}."
