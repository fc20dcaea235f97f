"""Creative Commons licences: SPDX ids, canonical URLs and their English names."""

from __future__ import annotations

import re

_CC_KINDS = {
    "BY": "Attribution",
    "BY-SA": "Attribution-ShareAlike",
    "BY-ND": "Attribution-NoDerivatives",
    "BY-NC": "Attribution-NonCommercial",
    "BY-NC-SA": "Attribution-NonCommercial-ShareAlike",
    "BY-NC-ND": "Attribution-NonCommercial-NoDerivatives",
}
_CC_VERSIONS = ("2.0", "2.5", "3.0", "4.0")
_CC_URL_RE = re.compile(
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


def spdx_from_url(url: str) -> str | None:
    """Return the SPDX id of a Creative Commons URL in any common spelling, or None."""
    match = _CC_URL_RE.match(url.strip())
    if not match:
        return None
    canonical = "https://creativecommons.org/" + match.group(1).lower() + "/"
    return _BY_URL.get(canonical)


def resolve_license(value: str) -> tuple[str | None, str]:
    """Return ``(spdx_id or None, url)`` for an SPDX id or a licence URL; raise ``ValueError``.

    A URL is kept exactly as written (``http://creativecommons.org/…`` stays ``http``: an
    archive's licence reference is a fact of the record); an SPDX id gives the canonical URL.
    """
    text = value.strip()
    spdx = _BY_UPPER.get(text.upper())
    if spdx:
        return spdx, LICENSES[spdx][0]
    if re.match(r"^https?://\S+$", text):
        return spdx_from_url(text), text
    raise ValueError(f"unknown licence (use an SPDX id such as 'CC-BY-4.0' or a URL): {value!r}")


def license_sentence(spdx: str) -> str:
    """Return the English licence statement for a known SPDX id."""
    return f"This work is licensed under a {LICENSES[spdx][1]}."
