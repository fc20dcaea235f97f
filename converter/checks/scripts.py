"""Which script a text is written in: Cyrillic letters in Latin-script fields, mixed-script words.

Kept to what the ``rsci`` profile needs. A word such as ``Mоscow`` with a Cyrillic "о" looks
right on screen but breaks search and citation matching; Russian indexing rejects it.
"""

from __future__ import annotations

import re

_CYRILLIC = re.compile(r"[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_WORD = re.compile(r"\w+")

# Languages written in Cyrillic (primary subtags), and in Latin script, as journals use them.
CYRILLIC_LANGS = frozenset(
    {"ru", "uk", "be", "bg", "mk", "kk", "ky", "tg", "mn", "ba", "tt", "cv", "ce", "os", "sah",
     "udm", "ab", "av", "kv", "mhr", "myv", "mdf"}
)  # fmt: skip
LATIN_LANGS = frozenset(
    {"en", "de", "fr", "es", "it", "pt", "pl", "cs", "sk", "sl", "hr", "bs", "nl", "sv", "da",
     "no", "nb", "nn", "fi", "et", "lv", "lt", "hu", "ro", "tr", "az", "uz", "id", "ms", "vi",
     "la", "ca", "eu", "gl", "ga", "cy", "is", "sq", "mt", "af", "sw", "tk", "eo"}
)  # fmt: skip


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def cyrillic_letters(text: str) -> list[str]:
    """The Cyrillic letters in ``text``, in order, each once."""
    return list(dict.fromkeys(_CYRILLIC.findall(text)))


def mixed_script_words(text: str) -> list[str]:
    """Words holding both Cyrillic and Latin letters (``Mоscow`` with a Cyrillic о)."""
    return [
        word
        for word in _WORD.findall(text)
        if _CYRILLIC.search(word) is not None and _LATIN.search(word) is not None
    ]


def primary(lang: str) -> str:
    return lang.lower().split("-")[0]


def is_latin_language(lang: str) -> bool:
    """True for a language written in Latin script (``en``, ``de`` …, ``sr-Latn``)."""
    lowered = lang.lower()
    return primary(lowered) in LATIN_LANGS or "-latn" in lowered


def is_cyrillic_language(lang: str) -> bool:
    lowered = lang.lower()
    return primary(lowered) in CYRILLIC_LANGS or "-cyrl" in lowered
