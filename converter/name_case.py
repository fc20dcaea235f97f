"""Names written in capitals ('IVANOV', 'SMITH, JOHN', "O'NEIL"), in ordinary case.

Russian and French pages write the surname in capitals ('IVANOV Ivan', 'Jean DUPONT'), and some
sites the whole name ('SMITH, JOHN'). The rule writes each word as names are written: its first
letter a capital, the rest small; a hyphen starts a word of its own ('САЛТЫКОВ-ЩЕДРИН' →
'Салтыков-Щедрин'); a capital follows an apostrophe ("O'NEIL" → "O'Neil", 'Д'АРТАНЬЯН' →
"Д'Артаньян") unless the letter after it is an iotated vowel, which the Ukrainian and
Belarusian apostrophe stands before ('П'ЯТАК' → "П'ятак"); 'MC' starts 'McDonald'; the
particles written small in their languages are small ('VAN DER WAALS' → 'van der Waals',
'DE GAULLE' → 'de Gaulle'); a single letter is an initial and stays.

Only words written in capitals are touched: a name written with small letters (McDonald,
DiCaprio, van der Waals, Д'Артаньян) is as its bearer writes it, and no rule could restore it
from capitals ('MACDONALD' becomes 'Macdonald').
"""

from __future__ import annotations

import re

from converter.text import NAME_PARTICLES

# Particles written small in their languages (Dutch, German, French, Spanish, Portuguese,
# Arabic): the name readers' own list, but for 'Le', 'La', 'Di', 'Do', 'Al', 'El', written with
# a capital as often as not, which keep it.
_SMALL_PARTICLES = NAME_PARTICLES - {"le", "la", "di", "do", "al", "el"}
# A word: letters, joined by apostrophes ("O'NEIL", 'Д'АРТАНЬЯН').
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_APOSTROPHE = re.compile(r"(['’ʼ])")
_LETTER = re.compile(r"[^\W\d_]")
# Ukrainian and Belarusian write an apostrophe inside a word, before an iotated vowel
# ('П'ятак', 'Дем'ян', 'З'ездаў'); after other apostrophes comes a capital ('Dell'Acqua').
_AFTER_EAST_SLAVIC_APOSTROPHE = frozenset("яюєїеёіЯЮЄЇЕЁІ")


def in_capitals(word: str) -> bool:
    """Whether a word has two letters or more, every one a capital ('IVANOV', "O'NEIL",
    'САЛТЫКОВ-ЩЕДРИН'); initials ('I.I.', 'J.-P.') and letters without case are none."""
    letters = _LETTER.findall(word)
    return len(letters) >= 2 and "." not in word and all(letter.isupper() for letter in letters)


def has_small_letters(text: str) -> bool:
    """Whether a text holds a letter written small."""
    return any(letter.islower() for letter in _LETTER.findall(text))


def ordinary_case(text: str) -> str:
    """``text`` with every word of two letters or more in ordinary case (see the module)."""
    return _WORD.sub(lambda match: _word_case(match.group()), text)


def _word_case(word: str) -> str:
    if len(_LETTER.findall(word)) < 2:
        return word  # an initial
    if word.lower() in _SMALL_PARTICLES:
        return word.lower()
    if word.startswith("MC") and word.isascii() and len(word) > 4:
        return "Mc" + word[2:].capitalize()
    first, *rest = _APOSTROPHE.split(word)  # a word, then an apostrophe and a word …
    out = first.capitalize()
    for mark, part in zip(rest[::2], rest[1::2], strict=True):
        small = part[:1] in _AFTER_EAST_SLAVIC_APOSTROPHE
        out += mark + (part.lower() if small else part.capitalize())
    return out
