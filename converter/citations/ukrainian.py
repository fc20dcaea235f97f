"""A Ukrainian reference as the labeller, trained on Russian ones, is shown it.

The labeller learnt Russian lists (GOST): its features know Cyrillic letters as Russian's А-Я
and Ё, and its word lists Russian's fixed words (``и др.``, ``Вып.``, ``дата обращения``,
``М.:``). Ukrainian lists (DSTU 8302:2015, and DSTU GOST 7.1:2006 before it) are written the
same way in other words and letters: to the labeller "Євтушенко Р. І." was no author (``І.`` no
initial), "та ін." no "et al." and "Х. :" or "О. :" no place. ``as_russian`` gives the text it
labels in their stead: Ukrainian's own letters as their Russian look-alikes, and its fixed words
as the Russian ones. Every change keeps the length of what it changes, so each span the
labeller marks is taken from the reference as written, at the same place (``parse.labelled``):
the parts keep their Ukrainian letters and words. The model and its features are not changed.
"""

from __future__ import annotations

from converter import lazy_re
from converter.alphabets import reading

# Ukrainian letters Russian lacks → the Russian letters in their place (і and ї as и, є as е, ґ as
# г: the letters Russian spelling has where Ukrainian has these)
_LETTERS = str.maketrans("іїєґІЇЄҐ", "ииегИИЕГ")
_UKRAINIAN_ONLY = lazy_re.compile("[іїєґІЇЄҐ]")


# Fixed words of Ukrainian lists → the Russian ones of the same length (a space more where
# Russian's is shorter: 'та ін.' → 'и  др.'); read on the text before its letters are changed
_WORDS: list[tuple[lazy_re.Pattern[str], str]] = [
    (lazy_re.compile(r"(?<!\w)та\sін\."), "и  др."),  # et al.
    (lazy_re.compile(r"(?<!\w)Вип\.(?=\s?\d)"), "Вып."),  # issue
    (lazy_re.compile(r"(?<!\w)вип\.(?=\s?\d)"), "вып."),
    # Kyiv, Kharkiv, Odesa as Moscow's М.: a place (an initial before ':' is rare enough: the
    # labeller read 'О. :' as a place already, less sure, 0.54–0.97 where К.'s is 0.96–1.0)
    (lazy_re.compile(r"(?<!\w)[КХО](?=\.\s?:)"), "М"),
    (lazy_re.compile(r"(?<!\w)Київ(?!\w)"), "Киев"),
    (lazy_re.compile(r"(?<!\w)звернення(?!\w)"), "обращения"),  # дата звернення: accessed
    (lazy_re.compile(r"(?<!\w)доступу(?!\w)"), "доступа"),  # Режим доступу
    (lazy_re.compile(r"(?<!\w)Вид-во(?!\w)"), "Изд-во"),  # publisher
    (lazy_re.compile(r"(?<!\w)вид-во(?!\w)"), "изд-во"),
    (lazy_re.compile(r"(?<!\w)Електронний(?!\w)"), "Электронный"),  # [Електронний ресурс]
]


def is_ukrainian(text: str) -> bool:
    """Whether a reference is Ukrainian: letters only Ukrainian has, and none it lacks
    (``alphabets.reading``)."""
    return _UKRAINIAN_ONLY.search(text) is not None and reading(text).language == "uk"


def as_russian(text: str) -> str:
    """``text`` as the labeller is shown it (see the module's docstring): the same length, each
    character at its place."""
    for pattern, russian in _WORDS:
        text = pattern.sub(russian, text)
    return text.translate(_LETTERS)
