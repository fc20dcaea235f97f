"""Words whose bytes were read in the wrong encoding somewhere before the converter (mojibake),
and the words they were meant to be.

Such text is valid Unicode with the wrong letters, so nothing else notices it: "РњРѕСЃРєРІР°" is
Москва saved as UTF-8 and read as Windows-1251 (an OJS database that was once Latin-1, a CSV
opened in Russian Excel), "SchÃ¼hlen" is Schühlen read as Windows-1252, "Ìîñêâà" is Москва
saved as Windows-1251 and read as Windows-1252, "Saarbrьcken" is Saarbrücken the other way
round. Each word (a run of characters between ASCII spaces: a mis-read UTF-8 letter can hold
a no-break space) is encoded back in the encoding it was read in and decoded in the one it was
written in; the word is taken as mis-read only when that succeeds strictly and gives ordinary
letters of one script, so Russian and accented Latin text as written is never "repaired"
(``bench/citations_misdecoded.py`` measures both on the corpora this project holds).

An HTML entity left as text ("&laquo;Наука&raquo;", "Smith &amp; Jones": copied from a page's
source, or escaped twice) is text not decoded either, and is read the same way. Letters lost
for good (U+FFFD, the replacement character a decoder leaves, or a word of "???") are named
too; they cannot be repaired. Text mis-read from KOI8-R into Windows-1251 gives
other Cyrillic letters and is not told from Russian here.

``misreadings`` lists what a text holds (the checks and ``jatsconv consistency`` report it),
``repaired`` gives the text as meant (the reference parser reads that, as it reads words typed
with look-alike letters: ``converter.scripts.unmixed``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from converter import lazy_re
from converter.scripts import scripts_meet

UTF8_AS_1251 = "UTF-8 read as Windows-1251"
UTF8_AS_1252 = "UTF-8 read as Windows-1252 (Latin-1)"
CP1251_AS_1252 = "Windows-1251 read as Windows-1252 (Latin-1)"
CP1252_AS_1251 = "Windows-1252 (Latin-1) read as Windows-1251"
LOST = "letters lost when the text was decoded before"
ENTITY = "HTML entities left as text"


@dataclass(frozen=True, slots=True)
class Misreading:
    """One mis-read word: as typed, as meant (None when its letters are lost) and how it
    came about (one of the constants above)."""

    word: str
    meant: str | None
    how: str

    def __str__(self) -> str:
        if self.meant is None:
            return f"{self.word!r} ({self.how})"
        return f"{self.word!r} is {self.meant!r} ({self.how})"


@cache
def _table(encoding: str) -> tuple[dict[int, int], dict[int, str]]:
    """(character → byte, byte → character) of a single-byte Windows encoding, read as
    browsers and databases read it: a byte the encoding leaves undefined stands for the C1
    control of its value, which is what such text then holds."""
    to_char: dict[int, str] = {}
    for byte in range(256):
        try:
            to_char[byte] = bytes([byte]).decode(encoding)
        except UnicodeDecodeError:
            to_char[byte] = chr(byte)
    to_byte = {ord(char): byte for byte, char in to_char.items()}
    if encoding == "cp1252":  # text read as Latin-1 holds C1 controls where cp1252 has signs
        to_byte.update((code, code) for code in range(0x80, 0xA0))
    return to_byte, to_char


def _read_as(encoding: str, first: int, last: int) -> str:
    """The characters the bytes ``first``..``last`` are read as in ``encoding`` (with the C1
    controls Latin-1 reads them as, for Windows-1252), escaped for a character class."""
    chars = {_table(encoding)[1][byte] for byte in range(first, last + 1)}
    if encoding == "cp1252":
        chars |= {chr(byte) for byte in range(first, min(last, 0x9F) + 1)}
    return "".join(re.escape(char) for char in sorted(chars))


# Where a text can hold a mis-read word at all. Each search starts at a set of characters, which
# the regular expression engine skips to in C; a text of ASCII alone is answered before them, so
# the many texts that cannot hold one cost about a microsecond (a clean Russian reference meets
# them only at "С»" or "Т«", which the round trip then refuses):
# - UTF-8 read as Windows-1251: the lead byte of a Cyrillic, Latin-1, Latin Extended-A, Greek
#   letter or a modifier letter (Р С, Г, Д Е, О П, К; or В for a sign) before a continuation
#   byte, which Windows-1251 reads as one of its signs or rare letters (Ђ Ѓ ‚ ѓ „ … ё № « » …);
#   "в" and a sign of 80–8F open a typographic or mathematical sign ("вЂ™" for ’, "в€’" for −);
# - UTF-8 read as Windows-1252: the same leads as Ð Ñ, Ã, Ä Å, Î Ï, Ê Ë (Â for a sign), and "â"
#   before 80–9F;
# - Windows-1251 read as Windows-1252: three Latin-1 letters (or × ÷, for Ч ч) in a row;
# - Windows-1252 read as Windows-1251: an ASCII letter beside a Cyrillic one
#   (``scripts.scripts_meet``);
# - lost letters.
_CONT_1251 = _read_as("cp1251", 0x80, 0xBF)  # UTF-8 continuation bytes
_CONT_1252 = _read_as("cp1252", 0x80, 0xBF)
_SIGN_1251 = _read_as("cp1251", 0x80, 0x8F)  # after E2: punctuation, arrows, mathematics
_SIGN_1252 = _read_as("cp1252", 0x80, 0x9F)
_GATE_UTF8_1251 = lazy_re.compile(rf"[ВГДЕКОПРСТ][{_CONT_1251}]|в[{_SIGN_1251}]")
_GATES = (
    _GATE_UTF8_1251,
    lazy_re.compile(rf"[ÂÃÄÅÊËÎÏÐÑ][{_CONT_1252}]|â[{_SIGN_1252}]"),
    lazy_re.compile(r"[\u00c0-\u00ff]{3}"),
)
# Characters one of those needs and clean text in Russian or English seldom holds: a mis-read
# Russian word nearly always has ѕ, Ѕ, ‚, ѓ or Ђ (о н т с р as UTF-8 read as Windows-1251) or
# a vowel read as Windows-1252 (à î å è ó û ÿ þ ý: а о е и у ы я ю э), a mis-read accented
# letter ј ¤ ¶ Ў (ü ä ö á) or Ã; what holds none of them is answered by one search in C (a
# clean Russian reference's «», № and dashes are not among them; French or Spanish text with
# such a vowel goes on to the searches above).
_RARE = lazy_re.compile(
    "[\u0402-\u040f\u0452-\u045f\u0490\u0491\u201a\u201e\u2020\u2021\u2022\u2030"
    "\u2039\u203a\u20ac\u2122\u00a4\u00a6\u00ac\u00ae\u00b5\u00b6ÂÃÄÅÊËÎÏÐÑâàîåèóûÿþý"
    "\u0080-\u009f\ufffd]"
)


# An HTML or XML entity written as text ("&laquo;Наука&raquo;", "Smith &amp; Jones", "&#8212;"):
# text copied from a page's source or escaped twice on its way; always with its semicolon
# ("AT&T" and "&c." are no entities). ``ENTITY`` above is the name of that misreading.
ENTITY_TEXT = lazy_re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def _unescaped(word: str) -> str | None:
    """``word`` with its entities decoded (again, when they were escaped twice: "&amp;laquo;");
    None when it holds none that decodes."""
    meant = word
    for _ in range(3):
        decoded = ENTITY_TEXT.sub(lambda m: html.unescape(m.group()), meant)
        if decoded == meant:
            break
        meant = decoded
    return None if meant == word else meant


def unescaped(text: str) -> str | None:
    """``text`` with the HTML entities written in it as text decoded ("&laquo;" → «, again
    when escaped twice: "&amp;laquo;"); None when it holds none. Entities only: a reader may
    take this as meant, where ``repaired`` also reads mis-decoded words, some of them unsure
    (it is what the reference parser reads, not what a record should say)."""
    return _unescaped(text) if "&" in text else None


def _may_hold(text: str) -> bool:
    """Whether ``text`` can hold a mis-read word (see ``_GATES``), an entity or lost letters."""
    if "???" in text or ("&" in text and ENTITY_TEXT.search(text) is not None):
        return True
    if text.isascii():
        return False
    if _RARE.search(text) is not None and (
        "\ufffd" in text or any(gate.search(text) for gate in _GATES)
    ):
        return True
    return scripts_meet(text)


_WORD = lazy_re.compile(r"[^ \t\n\r]+")

# What a repaired word may hold beyond ASCII: letters of Russian and its neighbours, Latin-1
# and Latin Extended-A letters, the signs transliterations write for ь and ъ, and the
# typographic signs a mis-read UTF-8 text often holds (’ as "вЂ™" or "â€™"). Anything else
# (ѻ, ¨, ɨ) means the round trip found no ordinary word.
_CYRILLIC_LETTER = "\u0401-\u045f\u0490\u0491"
_LATIN_LETTER = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u017f"
_TRANSLIT_SIGN = "\u02b9-\u02bc"  # ʹ ʺ ʻ ʼ: ь and ъ in ISO 9 and BGN/PCGN
_ORDINARY = lazy_re.compile(
    rf"[\x00-\x7f{_CYRILLIC_LETTER}{_LATIN_LETTER}{_TRANSLIT_SIGN}«»“”„‘’–—…№°\u00a0]*"
)
# What a mis-read UTF-8 word may also have been, beyond those: Greek and Cyrillic letters,
# Latin ones with any accent, signs, arrows, mathematical operators and ligatures ("ﬁ").
_WIDE = lazy_re.compile(
    rf"[\x00-\x7f\u00a0-\u036f\u0370-\u03ff{_CYRILLIC_LETTER}\u1e00-\u1fff\u2010-\u22ff"
    r"\ufb00-\ufb06]*"
)
_HAS_CYRILLIC = lazy_re.compile(f"[{_CYRILLIC_LETTER}]")
_HAS_LATIN = lazy_re.compile(f"[A-Za-z{_LATIN_LETTER}]")
_ASCII_LETTER = lazy_re.compile("[A-Za-z]")
_LATIN1_BESIDE_ASCII = lazy_re.compile("[A-Za-z][\u00c0-\u00ff]|[\u00c0-\u00ff][A-Za-z]")
# Windows-1251 letters that look like an ASCII one: a word of ASCII letters and only these is
# typed with look-alikes (``scripts.unmixed``), not mis-read ("Mсvay" is McVay, not Mñvay).
_LOOK_ALIKES = frozenset("АВЕКМНОРСТХУІаеорсухі")
# One accented Latin letter stands for one Cyrillic letter: two Cyrillic letters together, a
# small accented letter before a capital or after two ("GAз" is GA₃ typed with a "з"), or a
# small accented letter other than those that open words (école, über, öffentlich, ähnlich, à)
# opening the word are typed, not mis-read.
_TWO_CYRILLIC = lazy_re.compile(f"[{_CYRILLIC_LETTER}]{{2}}")
_ACCENT_BESIDE_CAPITAL = lazy_re.compile("[\u00df-\u00ff][A-Z]|[A-Z]{2}[\u00df-\u00ff]")
_OPENING_LETTER = lazy_re.compile("^[^\\w]*([\u00df-\u00ff])")
_OPENINGS = frozenset("éüöäà")


def _encode(word: str, encoding: str) -> bytes | None:
    to_byte = _table(encoding)[0]
    try:
        return bytes(to_byte[ord(char)] for char in word)
    except KeyError:
        return None


def _decode(data: bytes, encoding: str) -> str | None:
    if encoding == "utf-8":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None
    to_char = _table(encoding)[1]
    return "".join(to_char[byte] for byte in data)


def _one_script(text: str) -> bool:
    return not (_HAS_CYRILLIC.search(text) and _HAS_LATIN.search(text))


# A reading: (the word meant, whether the word alone shows it was mis-read). A word that does
# not is taken only in a text where another word does, in the same way: a mis-read text is
# mis-read throughout, and its short words ("В«" for «, "è" for и) say little alone.
Reading = tuple[str, bool]


def _as_utf8(word: str, read_as: str) -> Reading | None:
    """``word`` as meant if it is UTF-8 read as ``read_as``. Sure when two or more bytes were
    read as one character beyond the first ("РњРѕСЃ", "вЂ™"), or an ordinary letter was among
    ASCII letters ("MГјller"): a Russian "ЕЁ" in capitals (bytes C5 A8, a valid "Ũ") stays."""
    data = _encode(word, read_as)
    meant = None if data is None else _decode(data, "utf-8")
    if meant is None or meant == word or not _WIDE.fullmatch(meant):
        return None
    decoded = len(word) - len(meant)  # bytes beyond the first of each character decoded
    sure = decoded >= 2 or (
        _ORDINARY.fullmatch(meant) is not None
        and _one_script(meant)
        and _ASCII_LETTER.search(meant) is not None
    )
    return meant, sure


def _cp1251_as_1252(word: str) -> Reading | None:
    """``word`` as meant if it is Windows-1251 read as Windows-1252: no letter run mixing
    ASCII and Latin-1 letters, and Cyrillic letters only once read back ("Ìîñêâà", "ÀÈÐÎ-XXI"
    for АИРО-XXI); sure from three letters and with no ASCII letter."""
    if _HAS_CYRILLIC.search(word) or _LATIN1_BESIDE_ASCII.search(word):
        return None
    data = _encode(word, "cp1252")
    meant = None if data is None else _decode(data, "cp1251")
    if meant is None or meant == word:
        return None
    letters = [char for char in meant if char.isalpha() and not char.isascii()]
    if not all(_HAS_CYRILLIC.match(c) for c in letters) or not (letters or "№" in meant):
        return None
    # (UTF-8 read as Windows-1252 whose signs were then lost reads back as UTF-8 read as
    # Windows-1251: "РњРѕСРєРІР°" is no word either)
    if _GATE_UTF8_1251.search(meant):
        return None
    return meant, len(letters) >= 3 and not _ASCII_LETTER.search(word)


def _cp1252_as_1251(word: str) -> Reading | None:
    """``word`` as meant if it is Windows-1252 read as Windows-1251: ASCII letters beside
    single Cyrillic ones, not all of which look like a Latin letter. Sure when they are fewer
    and read back make no odd word ("Saarbrьcken", "fьr", "Ьberlegungen"; not "Cфtй", Côté)."""
    cyrillic = [char for char in word if _HAS_CYRILLIC.match(char)]
    ascii_letters = len(_ASCII_LETTER.findall(word))
    # ("коntceptciya", "Гарант.РуURL": typed so, not mis-read; "Mсvay" is McVay typed with a
    # look-alike, which ``scripts.unmixed`` spells)
    if (
        not cyrillic
        or not ascii_letters
        or _TWO_CYRILLIC.search(word)
        or set(cyrillic) <= _LOOK_ALIKES
    ):
        return None
    data = _encode(word, "cp1251")
    meant = None if data is None else _decode(data, "cp1252")
    if meant is None or not _ORDINARY.fullmatch(meant) or _HAS_CYRILLIC.search(meant):
        return None
    opening = _OPENING_LETTER.match(meant)
    sure = (
        ascii_letters > len(cyrillic)
        and _ACCENT_BESIDE_CAPITAL.search(meant) is None  # "вXIII" is no "âXIII", "GAз" no "GAç"
        and not (opening and opening.group(1) not in _OPENINGS)  # "вull." no "âull."
    )
    return meant, sure


_READINGS: tuple[tuple[str, Callable[[str], Reading | None]], ...] = (
    (UTF8_AS_1251, lambda word: _as_utf8(word, "cp1251")),
    (UTF8_AS_1252, lambda word: _as_utf8(word, "cp1252")),
    (CP1251_AS_1252, _cp1251_as_1252),
    (CP1252_AS_1251, _cp1252_as_1251),
)


def _lost(word: str) -> bool:
    """A word with a replacement character, or of three "?" or more and no letter or digit."""
    return "\ufffd" in word or ("???" in word and not any(char.isalnum() for char in word))


def _readings(word: str) -> list[tuple[Misreading, bool]]:
    """Each way ``word`` reads as mis-read, with whether it is sure; a sure one alone if any."""
    if _lost(word):
        return [(Misreading(word, None, LOST), True)]
    if "&" in word:
        meant = _unescaped(word)
        if meant is not None:
            return [(Misreading(word, meant, ENTITY), True)]
    if word.isascii():
        return []
    found = []
    for how, read in _READINGS:
        reading = read(word)
        if reading is not None:
            if reading[1]:
                return [(Misreading(word, reading[0], how), True)]
            found.append((Misreading(word, reading[0], how), False))
    return found


# The capital Р (bytes D0 A0) read as Windows-1251 or -1252 ends in a no-break space, which
# text often has as an ordinary one ("Р РѕСЃСЃРёСЏ", Россия); such a word is joined to the next
# when that one is mis-read too. (An "à", C3 A0, mostly ends a word: it is not joined.)
_NBSP_LEADS = frozenset("РÐ")


def misreadings(text: str) -> list[Misreading]:
    """The mis-read words of ``text``, each once, in order (none for nearly every text)."""
    if not _may_hold(text):
        return []
    words = _WORD.findall(text)
    candidates: dict[str, list[tuple[Misreading, bool]]] = {}
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word in candidates:
            continue
        if word[-1] in _NBSP_LEADS and index < len(words) and _readings(words[index]):
            joined = _readings(f"{word}\xa0{words[index]}")
            if joined and joined[0][0].meant is not None:
                pair = f"{word} {words[index]}"
                candidates[pair] = [(replace(one, word=pair), sure) for one, sure in joined]
                index += 1
                continue
        candidates[word] = _readings(word)
    shown = {one.how for found in candidates.values() for one, sure in found if sure}
    out = []
    for found in candidates.values():
        chosen = [one for one, sure in found if sure or one.how in shown]
        if chosen:
            out.append(chosen[0])
    return out


def repaired(text: str) -> str | None:
    """``text`` with each mis-read word as it was meant; None when there is none to repair
    (words whose letters are lost stay as they are)."""
    if not _may_hold(text):
        return None
    meant = repaired_words(text)
    if not meant:
        return None
    words = list(_WORD.finditer(text))
    out: list[str] = []
    done = 0  # where the text not yet copied starts
    index = 0
    while index < len(words):
        word = words[index]
        # (a pair of words joined at a lost no-break space is one mis-read word)
        span = 2 if index + 1 < len(words) and f"{word[0]} {words[index + 1][0]}" in meant else 1
        typed = word[0] if span == 1 else f"{word[0]} {words[index + 1][0]}"
        if typed in meant:
            out += [text[done : word.start()], meant[typed]]
            done = words[index + span - 1].end()
        index += span
    out.append(text[done:])
    return "".join(out)


def misread(text: str, saved: str, read_as: str) -> str | None:
    """``text`` saved in ``saved`` ("utf-8", "cp1251", "cp1252") and read as ``read_as`` (a
    single-byte Windows encoding, read as ``_table`` reads it): what the damage looks like, for
    tests and measurements. None when the text cannot be saved so."""
    try:
        data = text.encode(saved)
    except UnicodeEncodeError:
        return None
    return _decode(data, read_as)


def repaired_words(text: str) -> dict[str, str]:
    """Each mis-read word of ``text`` that can be repaired → the word meant, in order."""
    return {one.word: one.meant for one in misreadings(text) if one.meant is not None}
