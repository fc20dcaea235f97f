"""Tokens of a reference string and the features the labeller sees for each.

A token is a word with the punctuation that sticks to it ("Smith,", "Т.", "2019."), or one of
the separators that carry meaning on their own ("//", "(", "[", ":", ";", "/"); URLs and DOIs
stay whole.

Features follow AnyStyle and GROBID: the word, its shape, its punctuation, prefix and suffixes,
whether it is a number, a year, a page range, an initial or an abbreviation
("Phys.", "Proc."), dictionary hits (markers such as «Т.», «№», «С.», «М.:», "In", "eds.",
"pp.", places, publishers, journal words, given names); the neighbours' word, shape and
dictionary hits one and two tokens away; where the token stands (tenth of the reference, first
or last tokens) and the state so far: how many blocks (a capital after a full stop or colon)
and commas came before, after "//", "/", "In" or an editor marker, inside brackets or quotes,
after the year.

Speed: everything that depends on the token alone is computed once per distinct token and kept
(references repeat "С.", "pp.", years and journal words endlessly), so a reference costs a few
list concatenations per token. Features are bytes: python-crfsuite then passes them on without
encoding each one (a quarter of the tagging time).
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

# own features, as the previous token, as the next, as the one two before, two after; and what
# the token does to the state (a bit mask, see _state_change)
Features = tuple[list[bytes], list[bytes], list[bytes], list[bytes], list[bytes], int]
# 20,000 tokens: per worker ~40 MB at most. At 200,000 the bilingual benchmark's batch reached
# 308 MB summed over its processes (limit 300 MB) for 4 % less CPU (9.76 against 10.14 ms).
_CACHE_LIMIT = 20_000


class TokenCache(dict[str, Features]):
    """Token → ``Features``, computed on first sight by ``__missing__``: a token seen before
    costs one dict look-up in C, no Python call. With ``known`` (a trained model's attributes)
    only those are kept: CRFsuite ignores the others, but building and handing them over costs
    (12 % of a reference's features on the held-out split); an unknown attribute adds nothing
    to any score, so labels and marginals are identical."""

    def __init__(self, known: frozenset[bytes] | None = None) -> None:
        super().__init__()
        self.known = known

    def __missing__(self, token: str) -> Features:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        found = _token_features(token)
        if self.known is not None:  # (filter() with the set's own test: the cheapest way)
            keep = self.known.__contains__
            own, prev, nxt, prev2, next2, change = found
            found = (
                [*filter(keep, own)],
                [*filter(keep, prev)],
                [*filter(keep, nxt)],
                [*filter(keep, prev2)],
                [*filter(keep, next2)],
                change,
            )
        self[token] = found
        return found


_CACHE = TokenCache()


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


def _token_features(token: str) -> Features:
    """What the labeller sees of ``token`` wherever it stands (see ``Features``)."""
    low = token.lower()
    core = low.strip(_PUNCT) or low
    shape = token.translate(_SHAPE_TABLE)
    if len(shape) > 3:
        shape = _RUNS.sub(r"\1\1", shape)
    size = len(core)
    feats = ["w=" + core, "s=" + shape]
    near = ["w=" + core, "s=" + shape]
    far = ["s=" + shape]
    last, first = token[-1], token[0]
    if not last.isalnum():
        feats.append("e=" + last)
        near.append("e=" + last)
        far.append("e=" + last)
    if not first.isalnum():
        feats.append("f=" + first)
    if size > 1:
        feats.append("x2=" + core[-2:])
    if size > 3:
        feats.append("x=" + core[-3:])
        feats.append("b=" + core[:3])
    if size > 5:
        feats.append("x4=" + core[-4:])
    if "." in token.rstrip("."):
        feats.append("dotin")  # 'J.Chem.', 'U.S.', '10.1000'
    if "-" in core:
        feats.append("hyph")
    if ("x" in shape or "X" in shape) and _CYRILLIC.search(token):
        feats.append("cyr")
    if "d" in shape:
        if core.isdigit():
            feats.append("num" + str(min(size, 5)))
            near.append("num")
            if _YEAR.match(core) and 1500 <= int(core[:4]) <= 2040:
                feats.append("year")
                near.append("year")
                far.append("year")
        elif _YEAR.match(core):
            feats.append("year")
            near.append("year")
            far.append("year")
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
            feats.append("allcap" if token.isupper() and size > 1 else "cap")
            near.append("cap")
            if last == "." and 2 < size < 8 and core.isalpha():
                feats.append("abbr")  # 'Phys.', 'Proc.', 'Natl.'
                near.append("abbr")
    elif _ROMAN.match(core):
        feats.append("roman")
    elif first.isalpha():
        feats.append("lower")
    if low.startswith(("http", "www.", "ftp:")):
        feats.append("url")
        near.append("url")
    hits = _LEXICON.get(core)
    if hits:
        feats.extend(hits)
        near.extend(hits)
        far.extend(hits)
    return (
        [f.encode() for f in feats],
        [("-1" + f).encode() for f in near],
        [("+1" + f).encode() for f in near],
        [("-2" + f).encode() for f in ("-1w=" + core, *far)],
        [("+2" + f).encode() for f in ("+1w=" + core, *far)],
        _state_change(token, feats),
    )


_OPEN_QUOTES = frozenset('«“„"')
_CLOSE_QUOTES = frozenset('»”"')
# state flags (a token's features name those that hold before it)
_SLASHES, _SLASH, _BRACKETS, _PARENS, _YEAR_SEEN, _IN, _ED, _QUOTED, _AFTER_QUOTE = (
    1 << k for k in range(9)
)
_FLAG_NAMES = ((_SLASHES, b"after//"), (_SLASH, b"after/"), (_BRACKETS, b"in[]"),
               (_PARENS, b"in()"), (_YEAR_SEEN, b"afteryear"), (_IN, b"afterin"),
               (_ED, b"aftered"), (_QUOTED, b"inq"), (_AFTER_QUOTE, b"afterq"))  # fmt: skip
# what a token does (bits above 8): closes a bracket or parenthesis, opens or closes a quote,
# is a comma-ended word, ends a block (a full stop or colon that is not an initial's)
_CLOSE_BRACKETS, _CLOSE_PARENS, _OPENS_QUOTE, _CLOSES_QUOTE, _COMMA, _BLOCK_END = (
    1 << k for k in range(9, 15)
)
_SETS = {"//": _SLASHES, "/": _SLASH, "[": _BRACKETS, "(": _PARENS}
_TENTH = [b"r=%d" % k for k in range(10)]
_FIRST = [b"i=0", b"i=1", b"i=2"]
_TO_END = [b"", b"n-1", b"n-2", b"n-3"]
_COUNTS = [b"0", b"1", b"2", b"3-5", b"3-5", b"3-5"]
_BLOCKS = [b"nb=" + k for k in _COUNTS] + [b"nb=6+"]
_COMMAS = [b"nc=" + k for k in _COUNTS] + [b"nc=6+"]
_FLAG_FEATURES: dict[int, list[bytes]] = {}


def _state_change(token: str, feats: list[str]) -> int:
    """The state flags ``token`` sets and the events it is (the bits above)."""
    first, last = token[0], token[-1]
    change = 0
    if token in _SETS:
        change = _SETS[token]
    elif token == "]":
        change = _CLOSE_BRACKETS
    elif token == ")":
        change = _CLOSE_PARENS
    elif "year" in feats:
        change = _YEAR_SEEN
    elif "m=in" in feats and first.isupper():
        change = _IN
    elif "m=ed" in feats:
        change = _ED
    if last == ",":
        change |= _COMMA
    if last in ".:" and "init" not in feats:
        change |= _BLOCK_END
    if last in _CLOSE_QUOTES or token.rstrip(".,;:")[-1:] in _CLOSE_QUOTES:
        change |= _CLOSES_QUOTE
    if first in _OPEN_QUOTES and not (len(token) > 1 and last in _CLOSE_QUOTES):
        change |= _OPENS_QUOTE
    return change


def _flag_features(flags: int) -> list[bytes]:
    found = _FLAG_FEATURES.get(flags)
    if found is None:
        shown = flags & ~_AFTER_QUOTE if flags & _QUOTED else flags  # inside a second quote
        found = _FLAG_FEATURES[flags] = [name for bit, name in _FLAG_NAMES if shown & bit]
    return found


def sequence_features(tokens: list[str], cache: TokenCache = _CACHE) -> list[list[bytes]]:
    """One feature list per token: its own, its neighbours', its place and the state so far.

    ``cache`` gives each token's part (``TokenCache(known)`` for a trained model's attributes:
    the place and state features are few and kept whole)."""
    parts = [cache[t] for t in tokens]
    n = len(tokens)
    out: list[list[bytes]] = []
    flags = blocks = commas = 0
    flag_features = _FLAG_FEATURES
    # (conditionals rather than min() and a dict look-up first: a call less each, per token)
    for i, part in enumerate(parts):
        feats = part[0] + [
            _TENTH[10 * i // n],
            _BLOCKS[blocks if blocks < 6 else 6],
            _COMMAS[commas if commas < 6 else 6],
        ]
        if i < 3:
            feats.append(_FIRST[i])
        elif n - i <= 3:
            feats.append(_TO_END[n - i])
        if flags:
            feats += flag_features.get(flags) or _flag_features(flags)
        if i:
            feats += parts[i - 1][1]
            if parts[i - 1][5] & _BLOCK_END and tokens[i][0].isupper():
                feats.append(b"newblock")
                blocks += 1
            if i > 1:
                feats += parts[i - 2][3]
        else:
            feats.append(b"bos")
        if i + 1 < n:
            feats += parts[i + 1][2]
            if i + 2 < n:
                feats += parts[i + 2][4]
        out.append(feats)
        change = part[5]
        if change & _COMMA:
            commas += 1
        flags |= change & 0x7F  # '//', '/', '[', '(', the year, 'In', an editor marker
        if change & _CLOSE_BRACKETS:
            flags &= ~_BRACKETS
        elif change & _CLOSE_PARENS:
            flags &= ~_PARENS
        if flags & _QUOTED:
            if change & _CLOSES_QUOTE:
                flags = flags & ~_QUOTED | _AFTER_QUOTE
        elif change & _OPENS_QUOTE:
            flags |= _QUOTED
    return out
