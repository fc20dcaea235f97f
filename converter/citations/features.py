"""Tokens of a reference string and the features the labeller sees for each.

A token is a word with the punctuation that sticks to it ("Smith,", "Т.", "2019."), or one of
the separators that carry meaning on their own ("//", "(", "[", ":", ";", "/"); URLs and DOIs
stay whole.

Features follow AnyStyle and GROBID: the word, its shape, its punctuation, prefix and suffixes,
whether it is a number, a year, a page range, an initial or an abbreviation
("Phys.", "Proc."), dictionary hits (markers such as «Т.», «№», «С.», «М.:», "In", "eds.",
"pp.", places, publishers, journal words, given names); the neighbours' word, shape and
dictionary hits one and two tokens away; whether it is among the first or last three tokens;
the state so far: after "//", "/", "In" or an editor marker, inside brackets or quotes, after
the year, at a new block (a capital after a full stop or colon).

Block features (the "chunk" idea of GROBID and AnyStyle: title against source is mostly a
decision about a whole piece of the reference): the reference is cut into blocks at full
stops and colons (not an initial's, not inside "Phys. Rev. Lett.") and at brackets and "//".
A block has a kind read from its words (a name, a year, numbers, an "In", an editor
statement, a quotation, journal-like words, a publisher, sentence-like text, capitalised words,
a URL), and each token sees its block's kind paired with the kind of the block before and with
the kind of the block after, and whether it opens or closes its block. Measured on the English
dev rows (``python -m converter.citations.train`` figures, dev instead of test): token
accuracy 0.954 → 0.959 and, with the labelling's probability as its confidence
(``model.label``), 62.7 % → 69.1 % structured at the dev-chosen threshold. They replace the
tenth-of-the-reference and the block and comma counts (one CRFsuite attribute costs about
0.15 µs a token to hand over: the blocks' two a token cost less than those three). The same
kinds for minor segments (cut also at commas) as well gave the same figures within their noise
for a third more feature time.

Speed: everything that depends on the token alone is computed once per distinct token and kept
(references repeat "С.", "pp.", years and journal words endlessly), so a reference costs a few
list concatenations per token; a token never seen before costs look-ups of its features'
attribute names, which recur across tokens (``TokenCache``); a new plain word (letters of one
alphabet) builds only its suffixes and word, the rest comes from its kind's template. Features
are bytes: python-crfsuite then passes them on without encoding each one (a quarter of the
tagging time).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import itemgetter

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
    # a comma glued to the next word ends its token ('М.,1954.', 'И.И.,Петров', 'Wiley,New',
    # ',Uppsala'), and so does a full stop glued to a word of three letters or more
    # ('А.Е.Радиационная', 'Н.Э.Баумана', 'Nucl.Phys.') or, after a letter, to a year
    # ('IAEA.1993.', 'Soc.1988.'): the two sides are often parts of two fields. A comma between
    # digits ('1,5', '17,25') and a full stop before initials or another number ('Ya.Yu.',
    # 'Vol.5', '10.3.2019') stay inside.
    # (a run of characters that never end a token is taken whole, possessively: less time
    # than a character an iteration)
    r"|(?:[^\s()\[\]{};:«»\"“”„/,.]++|(?<=\d),(?=\d)"
    r"|\.(?![A-ZА-ЯЁ][a-zа-яё]{2}|(?<=[^\W\d_]\.)(?:1[5-9]|20)\d\d(?!\d)))+[.,]?"
    r"|[.,]"
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

# own features, as the previous token, as the next, as the one two before, two after; what the
# token does to the state (a bit mask, see _state_change); what kind of word it is, for the
# segment features (a bit mask, see _kind); its block class (see _block_class); whether it
# begins with a capital. Tuples, not lists: the garbage collector stops tracking a tuple of
# bytes, so a full cache costs later collections nothing (lists of new tokens' features kept
# it busy for a tenth of the time of a reference whose words are new).
Features = tuple[
    tuple[bytes, ...],
    tuple[bytes, ...],
    tuple[bytes, ...],
    tuple[bytes, ...],
    tuple[bytes, ...],
    int,
    int,
    str,
    bool,
]
# 50,000 tokens: about 18 MB of real references' tokens (0.35 KB each). It holds the held-out
# split's 22,148 distinct tokens, which a limit of 20,000 (6.4 MB) cleared in every round of
# bench/citations.py --speed (7.8 new tokens a reference where a warm round has none). The
# batch benchmarks' peak summed PSS: 123 → 141 MB (seed), 132 → 155 MB (bilingual), their CPU
# the same; at 200,000 the bilingual batch reached 308 MB (limit 300 MB).
_CACHE_LIMIT = 50_000
# A feature's attribute name, or None when the model has no weight for it: ``str.encode`` keeps
# every feature (training), ``dict.get`` of a model's attributes only those (``TokenCache``).
Namer = Callable[[str], bytes | None]


# What a token shows the tokens two away is what it shows those one away but these (which only
# the next and previous tokens see).
_NEAR_ONLY = frozenset(("num", "range", "doi", "init", "cap", "abbr", "url"))
Seen = tuple[tuple[bytes, ...], tuple[bytes, ...], tuple[bytes, ...], tuple[bytes, ...]]


class _Seen(dict[tuple[str, ...], Seen]):
    """What a token shows its neighbours (its features for the tokens one away) → its
    attribute names as the token after it sees them ('-1s=Xxxx'), the token before it
    ('+1s=Xxxx'), the token two after it and the one two before it ('-2s=Xxxx', '+2s=Xxxx',
    without ``_NEAR_ONLY``), the ones ``name`` keeps. These few features ('s=Xxxx', 'cap',
    'e=,', dictionary hits) come in a thousand or so combinations: one look-up gives all four."""

    def __init__(self, name: Namer) -> None:
        super().__init__()
        self.name = name

    def __missing__(self, near: tuple[str, ...]) -> Seen:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        name = self.name
        far = [f for f in near if f not in _NEAR_ONLY]
        # (filter and map: the names built and looked up in C)
        found = (
            *(tuple(filter(None, map(name, map(place.__add__, near)))) for place in ("-1", "+1")),
            *(tuple(filter(None, map(name, map(place.__add__, far)))) for place in ("-2", "+2")),
        )
        self[near] = found
        return found


class TokenCache(dict[str, Features]):
    """Token → ``Features``, computed on first sight by ``__missing__``: a token seen before
    costs one dict look-up in C, no Python call. With ``names`` (a trained model's attributes,
    their text → the attribute as bytes) only those are kept: CRFsuite ignores the others, but
    building and handing them over costs (12 % of a reference's features on the held-out
    split); an unknown attribute adds nothing to any score, so labels and marginals are
    identical.

    A token seen for the first time looks its features' names up in ``names`` (``map`` over
    ``dict.get``: no Python call per feature, where a memo of feature → name had one for each
    feature not seen before, nearly one per new token), and tokens share the bytes objects.
    What a token shows its neighbours is kept per combination of those features (``_Seen``),
    so tokens share those tuples too. New tokens are most of the cost of a reference whose
    words were never seen (issue 9).

    A plain word (``_PLAIN``: Latin or Russian letters, a capital first or none, then at most
    one of '.,;:'; most new tokens) is read from its template (``_plain``): every feature but
    its suffixes and its word is the same for all words of its alphabet, case, length and
    end, so only those are built (see ``_plain`` for why, and the test that compares it with
    ``_token_features`` on every such template)."""

    def __init__(self, names: dict[str, bytes] | None = None) -> None:
        super().__init__()
        self.names = names
        self.name: Namer = str.encode if names is None else names.get
        self.seen = _Seen(self.name)
        self.words = None if names is None else _word_cores(names)
        self.plain: dict[int, _Plain] = {}

    def __missing__(self, token: str) -> Features:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        name = self.name
        if (word := _PLAIN.fullmatch(token)) is not None:
            key = len(token) << 5 | word.lastindex  # type: ignore[operator]
            size, head, rest, seen, tail, latin = self.plain.get(key) or self._plain(key)
            low = token.lower()
            core = low[:size]
            if core in _LEXICON_ENTRY or (latin and _LATIN_SPECIAL.match(low)):
                word = None  # a dictionary word, a Roman numeral, a URL's start: read in full
        if word is None:
            core, feats, near, tail = _token_features(token)
            # (filter and map: the look-ups run in C, no Python call per feature)
            own = tuple(filter(None, map(name, feats)))
            prev, nxt, prev2, next2 = self.seen[tuple(near)]
        else:
            # its suffixes between the template's features, in _token_features's order
            if size > 5:
                own = (*head, *filter(None, (name("x2=" + core[-2:]), name("x=" + core[-3:]),
                       name("b=" + core[:3]), name("x4=" + core[-4:]))), *rest)  # fmt: skip
            elif size > 3:
                own = (*head, *filter(None, (name("x2=" + core[-2:]), name("x=" + core[-3:]),
                       name("b=" + core[:3]))), *rest)  # fmt: skip
            elif size > 1 and (suffix := name("x2=" + core[-2:])):
                own = (*head, suffix, *rest)
            else:
                own = (*head, *rest)
            prev, nxt, prev2, next2 = seen
        words = self.words
        if words is not None and core not in words:
            found = (own, prev, nxt, prev2, next2, *tail)  # no word attribute: most new words
        else:
            # the word's attributes come first in each list (written out: half the time of a
            # loop over the places)
            found = (
                (attr, *own) if (attr := name("w=" + core)) else own,
                (attr, *prev) if (attr := name("-1w=" + core)) else prev,
                (attr, *nxt) if (attr := name("+1w=" + core)) else nxt,
                (attr, *prev2) if (attr := name("-2-1w=" + core)) else prev2,
                (attr, *next2) if (attr := name("+2+1w=" + core)) else next2,
                *tail,
            )
        self[token] = found
        return found

    def _plain(self, key: int) -> _Plain:
        """The template of the plain words of ``key`` (their length, then the index of the
        ``_PLAIN`` group that matched: alphabet, case and end), read from a stand-in word
        ('Qqqq.', 'жжжжжж') by ``_token_features``.

        Why every plain word of the key has the template's features but its suffixes and its
        word (the same letters, so the same core length; no digit, hyphen or inner full stop;
        a letter first): the shape is the case pattern and the end; 'cyr' is the alphabet;
        'init' a capital, one letter and a full stop; 'cap', 'abbr' and 'lower' the case, end
        and length; the state, kind and block class (``_tail``) read these bits and the last
        character alone. A word whose letters decide more (a dictionary word, 'roman',
        'url') is read in full by ``__missing__``."""
        if len(self.plain) >= _CACHE_LIMIT:
            self.plain.clear()
        group = (key & 31) - 1
        end = ".,;:"[group % 5 : group % 5 + 1]  # ('' for the fifth group)
        size = (key >> 5) - len(end)
        capital, small = ("Qq", "qq", "Жж", "жж")[group // 5]
        core, feats, near, tail = _token_features(capital + small * (size - 1) + end)
        marks = [k for k, feat in enumerate(feats) if feat.startswith(_SUFFIXES)] or [len(feats)]
        name = self.name
        found = self.plain[key] = (
            len(core),
            tuple(filter(None, map(name, feats[: marks[0]]))),
            tuple(filter(None, map(name, feats[marks[-1] + 1 :]))),
            self.seen[tuple(near)],
            tail,
            group < 10,
        )
        return found


# A plain word: Latin or Russian letters (one alphabet), the first a capital or not, then one
# of '.,;:' or nothing; which group matched says which (``TokenCache._plain``). (Possessive: a
# token that is not plain fails without trying each shorter run of its letters, 0.5 µs where
# 'international-relations' took 1.7.)
_PLAIN = re.compile(
    "|".join(
        letters + r"(?:(\.)|(,)|(;)|(:)|())"
        for letters in ("[A-Z][a-z]++", "[a-z]++", "[А-ЯЁ][а-яё]++", "[а-яё]++")
    )
)
# what makes a plain Latin word's features depend on its letters: 'roman', 'url'
_LATIN_SPECIAL = re.compile(r"[ivxlc]+[.,;:]?$|http|www\.|ftp:")
_SUFFIXES = ("x2=", "x=", "b=", "x4=")
# a template: the core's length, the names before the suffixes and after them, what the word
# shows its neighbours (``_Seen``), the last four parts of its ``Features``, whether it is Latin
_Plain = tuple[int, tuple[bytes, ...], tuple[bytes, ...], Seen, tuple[int, int, str, bool], bool]


_WORD_ATTRIBUTE = re.compile(r"^(?:w|-1w|\+1w|-2-1w|\+2\+1w)=(.*)", re.M)


def _word_cores(names: dict[str, bytes]) -> frozenset[str]:
    """The words that have an attribute of their own or as a neighbour ('w=smith',
    '-1w=smith'…): a new token whose word is not among them (four in five on the held-out
    split) is spared five names built and looked up in vain. (One regex over the joined names
    runs in C: 4 ms once, where a Python loop over them took 11.)"""
    return frozenset(_WORD_ATTRIBUTE.findall("\n".join(names)))


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

# What a token has, for its kind and its effect on the state (bits: the features those read,
# tested as bits rather than looked up by name).
(H_YEAR, H_INIT, H_CAP, H_LOWER, H_ABBR, H_URL, H_JOURNAL, H_PUB, H_IN, H_ED, H_MARK,
 H_AND) = (1 << k for k in range(12))  # fmt: skip
_HIT_BITS = {"jw": H_JOURNAL, "pub": H_PUB, "place": H_PUB, "m=pub": H_PUB, "m=in": H_IN,
             "m=ed": H_ED, "m=vol": H_MARK, "m=iss": H_MARK, "m=page": H_MARK,
             "m=and": H_AND, "m=etal": H_AND}  # fmt: skip
# a dictionary word → its hits and what they make it have (one look-up for a new token)
_LEXICON_ENTRY = {
    word: (hits, sum({_HIT_BITS[h] for h in hits if h in _HIT_BITS}))
    for word, hits in _LEXICON.items()
}


def _twice(match: re.Match[str]) -> str:
    return match[1] * 2  # (a function: cheaper than the template r"\1\1", parsed per call)


class _Shapes(dict[str, str]):
    """A token's letters as X, x and d → its shape feature, the same with each run cut to two
    ('Xxxxxx' → 's=Xxx'): few shapes recur, so a new token costs a look-up, not a regex
    substitution, and tokens share the feature's string (its hash is computed once)."""

    def __missing__(self, shape: str) -> str:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        found = self[shape] = "s=" + (_RUNS.sub(_twice, shape) if len(shape) > 3 else shape)
        return found


_SHAPES = _Shapes()


def _token_features(
    token: str,
) -> tuple[str, list[str], list[str], tuple[int, int, str, bool]]:
    """What the labeller sees of ``token`` wherever it stands: its core word (the attribute
    'w=<core>'), then its other features as its own and as a neighbour's (see ``_Seen``), and
    the last parts of its ``Features`` (``_tail``)."""
    low = token.lower()
    core = low.strip(_PUNCT) or low
    shape = _SHAPES[token.translate(_SHAPE_TABLE)]  # 's=Xxx' ('s=' holds no x, X nor d)
    size = len(core)
    known = _LEXICON_ENTRY.get(core)
    has = known[1] if known else 0
    last, first = token[-1], token[0]
    if last.isalnum():
        feats, near = [shape], [shape]
    else:
        end = "e=" + last
        feats, near = [shape, end], [shape, end]
    if not first.isalnum():
        feats.append("f=" + first)
    if size > 3:
        feats += ("x2=" + core[-2:], "x=" + core[-3:], "b=" + core[:3])
        if size > 5:
            feats.append("x4=" + core[-4:])
    elif size > 1:
        feats.append("x2=" + core[-2:])
    if "." in token.rstrip("."):
        feats.append("dotin")  # 'J.Chem.', 'U.S.', '10.1000'
    if "-" in core:
        feats.append("hyph")
    if not token.isascii() and ("x" in shape or "X" in shape) and _CYRILLIC.search(token):
        feats.append("cyr")
    number = False  # all digits, or a year, a range or other digits
    if "d" in shape:
        number = True
        if core.isdigit():
            feats.append("num" + str(min(size, 5)))
            near.append("num")
            if _YEAR.match(core) and 1500 <= int(core[:4]) <= 2040:
                feats.append("year")
                near.append("year")
                has |= H_YEAR
        elif _YEAR.match(core):
            feats.append("year")
            near.append("year")
            has |= H_YEAR
        elif _RANGE.search(core):
            feats.append("range")
            near.append("range")
        else:
            feats.append("hasdigit")
        if low.startswith("10.") and "/" in low:
            feats.append("doi")
            near.append("doi")
            has |= H_URL
    if first.isupper():
        if len(token) < 12 and "." in token and _INITIAL.match(token):  # (every initial has one)
            feats.append("init")
            near.append("init")
            has |= H_INIT
        else:
            feats.append("allcap" if token.isupper() and size > 1 else "cap")
            near.append("cap")
            has |= H_CAP
            if last == "." and 2 < size < 8 and core.isalpha():
                feats.append("abbr")  # 'Phys.', 'Proc.', 'Natl.'
                near.append("abbr")
                has |= H_ABBR
    elif core[0] in "ivxlc" and _ROMAN.match(core):  # (the first letter: a cheap test)
        feats.append("roman")
    elif first.isalpha():
        feats.append("lower")
        has |= H_LOWER
    if low.startswith(("http", "www.", "ftp:")):
        feats.append("url")
        near.append("url")
        has |= H_URL
    if known:
        feats.extend(known[0])
        near.extend(known[0])
    if len(token) > 2 and not has & H_IN and _QUOTE_CHARS.isdisjoint(token):
        # what such a token does and is depends on its bits and last character alone
        key = (has, number, "" if last.isalnum() else last)
        tail = _TAILS.get(key)
        if tail is None:
            if len(_TAILS) >= _CACHE_LIMIT:
                _TAILS.clear()
            tail = _TAILS[key] = _tail(token, has, number)
        return core, feats, near, tail
    return core, feats, near, _tail(token, has, number)


# (what a token has, whether it has a digit, its last character unless a letter or digit) →
# its ``_tail``, for tokens of more than two characters, no quote and no 'In' (see
# ``_token_features``): a thousand or so combinations, where the tests cost 0.8 µs a new token
_TAILS: dict[tuple[int, bool, str], tuple[int, int, str, bool]] = {}


def _tail(token: str, has: int, number: bool) -> tuple[int, int, str, bool]:
    """The last four parts of a token's ``Features``: what it does to the state, its kind, its
    block class, whether it begins with a capital."""
    change = _state_change(token, has)
    kind = _kind(token, has, number)
    return change, kind, _block_class(kind, change), token[0].isupper()


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
# the events that can change the state (the others: a comma, a block's end)
_STATE_EVENTS = 0x7F | _CLOSE_BRACKETS | _CLOSE_PARENS | _OPENS_QUOTE | _CLOSES_QUOTE
_SETS = {"//": _SLASHES, "/": _SLASH, "[": _BRACKETS, "(": _PARENS}
_FIRST = [b"i=0", b"i=1", b"i=2"]
_TO_END = [b"", b"n-1", b"n-2", b"n-3"]
_FLAG_FEATURES: dict[int, list[bytes]] = {}


def _state_change(token: str, has: int) -> int:
    """The state flags ``token`` sets and the events it is (the bits above), from what it has
    (``H_…``)."""
    first, last = token[0], token[-1]
    change = 0
    if token in _SETS:
        change = _SETS[token]
    elif token == "]":
        change = _CLOSE_BRACKETS
    elif token == ")":
        change = _CLOSE_PARENS
    elif has & H_YEAR:
        change = _YEAR_SEEN
    elif has & H_IN and first.isupper():
        change = _IN
    elif has & H_ED:
        change = _ED
    if last == ",":
        change |= _COMMA
    if last in ".:" and not has & H_INIT:
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
    """One feature list per token: its own, its neighbours', its segment's, its place and the
    state so far.

    ``cache`` gives each token's part (``TokenCache(known)`` for a trained model's attributes:
    the place, state and segment features are few and kept whole)."""
    parts = list(map(cache.__getitem__, tokens))  # (map: the look-ups run in C)
    n = len(parts)
    # each token's own, block and neighbours' features (the neighbours' parts lined up with
    # the tokens by list building in C, not index arithmetic per token; not strict: the
    # padded lists are longer than a one-token reference)
    out = [
        [*own, *block, *near, *near2, *next_, *next2]
        for own, block, near, near2, next_, next2 in zip(
            map(_OWN, parts),
            segment_features(parts),
            [_BOS, *map(_PREV, parts[:-1])],
            [_NONE, _NONE, *map(_PREV2, parts[:-2])],
            [*map(_NEXT, parts[1:]), _NONE],
            [*map(_NEXT2, parts[2:]), _NONE, _NONE],
            strict=False,
        )
    ]
    # then its place and the state so far
    place = _PLACES[n] if n < len(_PLACES) else _place(n)
    flags = 0
    shown: list[bytes] = []  # the state's features (they change at a few tokens only)
    new_block = 0
    for feats, part, at in zip(out, parts, place, strict=True):
        if at:
            feats.append(at)
        if shown:
            feats += shown
        if new_block and part[8]:
            feats.append(b"newblock")
        change = part[5]
        new_block = change & _BLOCK_END
        if change & _STATE_EVENTS:
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
            shown = _FLAG_FEATURES.get(flags) or _flag_features(flags)
    return out


_OWN, _PREV, _NEXT, _PREV2, _NEXT2 = map(itemgetter, range(5))  # the parts of Features
_BOS = (b"bos",)
_NONE: tuple[bytes, ...] = ()


def _place(n: int) -> list[bytes | None]:
    """Per token of an ``n``-token reference: 'i=0'…'i=2' for the first three, 'n-3'…'n-1' for
    the last three (the first three win), nothing between."""
    return [_FIRST[i] if i < 3 else _TO_END[n - i] if n - i <= 3 else None for i in range(n)]


_PLACES = [_place(n) for n in range(200)]


# ------------------------------------------------------------------ segments
# What kind of word a token is (bits), for the kind of the segment it is in.
(K_YEAR, K_NUM, K_INIT, K_CAP, K_LOWER, K_ABBR, K_JOURNAL, K_PUB, K_IN, K_ED, K_QUOTE,
 K_URL, K_MARK, K_AND, K_SEG_END, K_SEG_START) = (1 << k for k in range(16))  # fmt: skip
_WORDS = K_INIT | K_CAP | K_LOWER
_CONTENT = _WORDS | K_YEAR | K_NUM | K_URL | K_MARK
_QUOTE_CHARS = frozenset('"“”„«»')


def _kind(token: str, has: int, number: bool) -> int:
    """The kind bits of ``token`` (``K_…``) from what it has (``H_…``) and whether it has a
    digit (``number``); K_SEG_END: the token closes a segment (ends with a comma, semicolon,
    full stop or colon and is not an initial)."""
    kind = 0
    if has & H_YEAR:
        kind |= K_YEAR
    elif number:  # (a digit gives 'num…', 'range' or 'hasdigit' when it gives no 'year')
        kind |= K_NUM
    if has & H_INIT:
        kind |= K_INIT
    elif has & H_CAP:
        kind |= K_CAP
    elif has & H_LOWER:
        kind |= K_LOWER
    if has & H_ABBR:
        kind |= K_ABBR
    if has & H_IN and token.lower().strip(".,:;") in ("in", "в", "dans", "en"):
        kind |= K_IN
    elif has & (H_JOURNAL | H_IN) and not has & H_INIT:
        kind |= K_JOURNAL  # journal words, 'Proceedings', 'Conference'
    if has & H_PUB:
        kind |= K_PUB
    if has & H_ED:
        kind |= K_ED
    if not _QUOTE_CHARS.isdisjoint(token):
        kind |= K_QUOTE
    if has & H_URL:  # (a URL or a DOI)
        kind |= K_URL
    if has & H_MARK:
        kind |= K_MARK
        kind &= ~_WORDS  # 'Vol.', 'No.', 'pp.' are not words of a title
    if has & H_AND:
        kind |= K_AND
    if token in ("(", "[", "//"):
        kind |= K_SEG_START
    elif token[-1] in ",;.:)]" and not has & H_INIT and not (kind & K_JOURNAL and has & H_ABBR):
        kind |= K_SEG_END  # (not inside 'Phys. Rev. Lett.')
    return kind


def _segment_kind(bits: int, words: int, lower: int, inits: int, abbrs: int, first: int) -> bytes:
    """What a segment looks like: a name, numbers, a journal-like or a sentence-like text…"""
    if bits & K_URL:
        return b"url"
    if not bits & _WORDS:
        return b"year" if bits & K_YEAR else b"num"
    if first & K_IN:
        return b"in"
    if bits & K_ED:
        return b"ed"
    if inits and words <= inits + 3 and not bits & K_JOURNAL:
        return b"name"
    if bits & K_QUOTE:
        return b"quote"
    if bits & K_JOURNAL or (abbrs and 2 * abbrs >= words):
        return b"jour"
    if bits & K_PUB and words <= 4:
        return b"pub"
    if lower >= 2:
        return b"text"
    return b"caps" if words > 1 else b"word"


# A token's class for cutting blocks: S opens one ('(', '[', '//'), B closes one (a word with
# a full stop or colon that is not an initial's, a closing bracket), o continues it; Q and R
# are lone punctuation ('.', ')', ','): right after a block's end they join that block,
# elsewhere Q closes the open block and R continues it.
_BLOCK = re.compile(r"(S?[oR]*[BQ]|S?[oR]+|S)[QR]*")
_KIND, _CLASS = itemgetter(6), itemgetter(7)  # a token's kind and block class in Features


def _block_class(kind: int, change: int) -> str:
    if kind & K_SEG_START:
        return "S"
    if kind & K_SEG_END:
        lone = not kind & _CONTENT
        if change & _BLOCK_END:
            return "Q" if lone else "B"
        return "R" if lone else "o"
    return "o"


class _BlockKinds(dict[tuple[int, ...], bytes]):
    """The kinds of the tokens of a block → the block's kind, computed on first sight (the
    same runs of kinds recur; a hit is one look-up in C)."""

    def __missing__(self, kinds: tuple[int, ...]) -> bytes:
        bits = words = lower = inits = abbrs = 0
        for kind in kinds:
            bits |= kind
            if kind & _WORDS:
                words += 1
                lower += kind & K_LOWER and 1
                inits += kind & K_INIT and 1
                abbrs += kind & K_ABBR and 1
        found = _segment_kind(bits, words, lower, inits, abbrs, kinds[0])
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        self[kinds] = found
        return found


_BLOCK_KINDS = _BlockKinds()


def _blocks(parts: list[Features]) -> list[tuple[int, int, bytes]]:
    """The blocks as (first token, end, kind). A block ends at a full stop or colon that is not
    an initial's (nor inside "Phys. Rev. Lett."), at a closing bracket, and before an opening
    bracket or '//'. Lone punctuation after a block's end belongs to that block and does not
    count in its kind."""
    kinds = list(map(_KIND, parts))
    block_kinds = _BLOCK_KINDS
    found = []
    for match in _BLOCK.finditer("".join(map(_CLASS, parts))):
        start, end = match.span()
        found.append((start, end, block_kinds[tuple(kinds[start : match.end(1)])]))
    return found


class _BlockFeatures(dict[tuple[bytes, bytes, bytes], tuple[tuple[bytes, ...], ...]]):
    """(kind, kind before, kind after) → the features of a block's first, middle, last and
    only token (tuples: see Features), made on first sight."""

    def __missing__(self, key: tuple[bytes, bytes, bytes]) -> tuple[tuple[bytes, ...], ...]:
        kind, before, after = key
        both = (b"k=" + kind + b"|" + before, b"k=" + kind + b"|" + after)
        found = self[key] = ((*both, b"kfirst"), both, (*both, b"klast"),
                             (*both, b"kfirst", b"klast"))  # fmt: skip
        return found


_BLOCK_FEATURES = _BlockFeatures()


def segment_features(parts: list[Features]) -> list[tuple[bytes, ...]]:
    """Each token's block features: its block's kind paired with the kind of the block before
    and with the kind of the block after, and whether the token opens or closes its block.
    Tokens share these tuples."""
    out: list[tuple[bytes, ...]] = []
    found = _blocks(parts)
    kinds = [kind for _, _, kind in found]
    block_features = _BLOCK_FEATURES
    # (not strict: a reference without tokens has no block, but its padding)
    for (start, end, kind), before, after in zip(
        found, [b"^", *kinds[:-1]], [*kinds[1:], b"$"], strict=False
    ):
        lists = block_features[kind, before, after]
        size = end - start
        if size == 1:
            out.append(lists[3])
        else:
            out.append(lists[0])
            out += [lists[1]] * (size - 2)
            out.append(lists[2])
    return out
