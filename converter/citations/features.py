"""Tokens of a reference string and the features the labeller sees for each (lean on purpose).

A token is a word with the punctuation that sticks to it ("Smith,", "Т.", "2019."), or one of
the separators that carry meaning on their own ("//", "(", "[", ":", ";", "/"); URLs and DOIs
stay whole. Features follow AnyStyle and GROBID: the word, its shape, its punctuation, whether it
is a number, a year, a page range or an initial, dictionary hits (markers such as «Т.», «№»,
«С.», «М.:», places, publishers, journal words, given names), the neighbours' word and shape,
and a little state (after "//", inside brackets, after the year).

Speed: everything that depends on the token alone is computed once per distinct token and kept
(references repeat "С.", "pp.", years and journal words endlessly), so a reference costs a few
list concatenations per token.
"""

from __future__ import annotations

import re

from converter.citations.lexicon import (
    GIVEN_NAMES,
    JOURNAL_WORDS,
    MARKERS,
    MONTHS,
    PLACES,
    PUBLISHERS,
    STOPWORDS,
)

TOKEN = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"]+"
    r"|10\.\d{4,9}/[^\s<>\"]+"
    r"|//"
    r"|[()\[\]{};:«»\"“”„]"
    r"|[^\s()\[\]{};:«»\"“”„/]+"
    r"|/+"
)

_PUNCT = ".,;:()[]{}«»\"“”„'’‘`-–—/?!*"
_SHAPE_TABLE: dict[int, str] = {}
for _lo, _hi, _ch in (("A", "Z", "X"), ("a", "z", "x"), ("0", "9", "d"), ("А", "Я", "X"),
                      ("а", "я", "x"), ("À", "Þ", "X"), ("ß", "ÿ", "x")):  # fmt: skip
    for _code in range(ord(_lo), ord(_hi) + 1):
        _SHAPE_TABLE[_code] = _ch
_SHAPE_TABLE.update({ord("Ё"): "X", ord("ё"): "x", ord("–"): "-", ord("—"): "-"})
_RUNS = re.compile(r"(.)\1{2,}")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_INITIAL = re.compile(r"^(?:[A-ZА-ЯЁÀ-Þ][a-zа-яё]?\.-?){1,3},?$")
_RANGE = re.compile(r"\d+[a-z]?\s?[-–—]+\s?[a-z]?\d+")
_ROMAN = re.compile(r"^[ivxlc]+$")
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d[a-zа-я]?$")

_CACHE: dict[str, tuple[list[str], list[str], list[str]]] = {}
# 20,000 tokens: per worker ~40 MB at most. At 200,000 the bilingual benchmark's batch reached
# 308 MB summed over its processes (limit 300 MB) for 4 % less CPU (9.76 against 10.14 ms).
_CACHE_LIMIT = 20_000


def tokenize(text: str) -> list[re.Match[str]]:
    """The tokens of ``text`` as matches (``group()``, ``start()``, ``end()``)."""
    return list(TOKEN.finditer(text))


_LEXICON: dict[str, tuple[str, ...]] = {}
for _name, _words in (("place", PLACES), ("pub", PUBLISHERS), ("jw", JOURNAL_WORDS),
                      ("given", GIVEN_NAMES), ("month", MONTHS), ("stop", STOPWORDS)):  # fmt: skip
    for _word in _words:
        _LEXICON[_word] = (*_LEXICON.get(_word, ()), _name)
for _word, _marker in MARKERS.items():
    _LEXICON[_word] = (*_LEXICON.get(_word, ()), "m=" + _marker)


def _token_features(token: str) -> tuple[list[str], list[str], list[str]]:
    """(own features, features as the previous token, features as the next token)."""
    low = token.lower()
    core = low.strip(_PUNCT) or low
    shape = token.translate(_SHAPE_TABLE)
    if len(shape) > 3:
        shape = _RUNS.sub(r"\1\1", shape)
    feats = ["w=" + core, "s=" + shape]
    near = ["w=" + core, "s=" + shape]
    last, first = token[-1], token[0]
    if not last.isalnum():
        feats.append("e=" + last)
        near.append("e=" + last)
    if not first.isalnum():
        feats.append("f=" + first)
    if len(core) > 3:
        feats.append("x=" + core[-3:])
        feats.append("b=" + core[:3])
    if ("x" in shape or "X" in shape) and _CYRILLIC.search(token):
        feats.append("cyr")
    if "d" in shape:
        if core.isdigit():
            feats.append("num" + str(min(len(core), 5)))
            near.append("num")
            if _YEAR.match(core) and 1500 <= int(core[:4]) <= 2040:
                feats.append("year")
                near.append("year")
        elif _YEAR.match(core):
            feats.append("year")
            near.append("year")
        elif _RANGE.search(core):
            feats.append("range")
            near.append("range")
        else:
            feats.append("hasdigit")
        if low.startswith("10.") and "/" in low:
            feats.append("doi")
            near.append("doi")
    if first.isupper():
        if len(token) < 12 and _INITIAL.match(token):
            feats.append("init")
            near.append("init")
        else:
            feats.append("allcap" if token.isupper() and len(core) > 1 else "cap")
            near.append("cap")
    elif _ROMAN.match(core):
        feats.append("roman")
    if low.startswith(("http", "www.", "ftp:")):
        feats.append("url")
        near.append("url")
    hits = _LEXICON.get(core)
    if hits:
        feats.extend(hits)
        near.extend(hits)
    return feats, ["-1" + f for f in near], ["+1" + f for f in near]


def _cached(token: str) -> tuple[list[str], list[str], list[str]]:
    found = _CACHE.get(token)
    if found is None:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        found = _CACHE[token] = _token_features(token)
    return found


_OPEN_QUOTES = frozenset('«“„"')
_CLOSE_QUOTES = frozenset('»”"')


def sequence_features(tokens: list[str]) -> list[list[str]]:
    """One feature list per token: its own, its neighbours', its place and the state so far."""
    parts = [_cached(t) for t in tokens]
    n = len(tokens)
    out: list[list[str]] = []
    after_slashes = after_slash = in_brackets = in_parens = after_year = False
    in_quotes = after_quotes = False
    for i, (own, _, _) in enumerate(parts):
        token = tokens[i]
        state = ["r=" + str(10 * i // n)]
        if i < 3:
            state.append("i=" + str(i))
        if i == n - 1:
            state.append("last")
        if after_slashes:
            state.append("after//")
        if after_slash:
            state.append("after/")
        if in_brackets:
            state.append("in[]")
        if in_parens:
            state.append("in()")
        if after_year:
            state.append("afteryear")
        if in_quotes:
            state.append("inq")
        elif after_quotes:
            state.append("afterq")
        feats = own + state
        if i:
            prev = tokens[i - 1]
            feats += parts[i - 1][1]
            if prev[-1] in ".:" and "init" not in parts[i - 1][0] and token[0].isupper():
                feats.append("newblock")
            if i > 1:
                feats.append("-2" + parts[i - 2][1][0])
        else:
            feats.append("bos")
        if i + 1 < n:
            feats += parts[i + 1][2]
            if i + 2 < n:
                feats.append("+2" + parts[i + 2][2][0])
        out.append(feats)
        first = token[0]
        if token == "//":
            after_slashes = True
        elif token == "/":
            after_slash = True
        elif token == "[":
            in_brackets = True
        elif token == "]":
            in_brackets = False
        elif token == "(":
            in_parens = True
        elif token == ")":
            in_parens = False
        elif "year" in own:
            after_year = True
        if in_quotes:
            if token[-1] in _CLOSE_QUOTES or token.rstrip(".,;:")[-1:] in _CLOSE_QUOTES:
                in_quotes, after_quotes = False, True
        elif first in _OPEN_QUOTES and not (len(token) > 1 and token[-1] in _CLOSE_QUOTES):
            in_quotes = True
    return out
