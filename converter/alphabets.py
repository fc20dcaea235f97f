"""Which Cyrillic alphabet (language) a text is written in, so that it gets the right scheme.

Russian schemes cannot write the letters other Cyrillic alphabets add (Ukrainian і ї є ґ,
Belarusian ў, Kazakh ә қ …): a Russian scheme leaves them in Cyrillic, and a Ukrainian name
written by one reads wrongly (г is h in Ukrainian, и is y). ``reading`` tells the alphabet:

1. the language the text is declared in (a name's or field's own, else the article's), when
   every letter of the text is in that language's alphabet;
2. else the letters: the first alphabet of ``ALPHABETS`` that holds every letter. Russian comes
   first (a text of the letters Russian and Ukrainian share is read as Russian), Ukrainian next
   (і without ў or a Kazakh letter is Ukrainian), then the others.

Nothing here imports the rest of the package but ``converter.scripts`` and
``converter.inline``'s link pattern (a reference's links tell no language).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from converter import scripts
from converter.inline import without_addresses
from converter.scripts import cyrillic_letters, is_cyrillic_language, primary

_RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


@dataclass(frozen=True, slots=True)
class Alphabet:
    code: str  # ISO 639-1 code of its language
    name: str  # the language's English name
    letters: frozenset[str]  # its lower-case letters


def _alphabet(code: str, name: str, letters: str) -> Alphabet:
    return Alphabet(code, name, frozenset(letters))


# Lower-case letters of each alphabet (the letters of loan words included: Kazakh, Tatar,
# Bashkir, Kyrgyz and Mongolian write Russian loans with Russian letters). In preference order.
ALPHABETS: tuple[Alphabet, ...] = (
    _alphabet("ru", "Russian", _RUSSIAN),
    _alphabet("uk", "Ukrainian", "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
    _alphabet("be", "Belarusian", "абвгдеёжзійклмнопрстуўфхцчшыьэюя"),
    _alphabet("kk", "Kazakh", _RUSSIAN + "әғқңөұүһі"),
    _alphabet("ky", "Kyrgyz", _RUSSIAN + "ңөү"),
    _alphabet("tt", "Tatar", _RUSSIAN + "әөүҗңһ"),
    _alphabet("ba", "Bashkir", _RUSSIAN + "әөүғҡңҙҫһ"),
    _alphabet("tg", "Tajik", "абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя"),
    _alphabet("uz", "Uzbek", "абвгдеёжзийклмнопрстуфхцчшъьэюяўқғҳ"),
    _alphabet("mn", "Mongolian", _RUSSIAN + "өү"),
    _alphabet("bg", "Bulgarian", "абвгдежзийклмнопрстуфхцчшщъьюяѝ"),
    _alphabet("sr", "Serbian", "абвгдђежзијклљмнњопрстћуфхцчџш"),
    _alphabet("mk", "Macedonian", "абвгдѓежзѕијклљмнњопрстќуфхцчџш"),
)
_BY_CODE = {one.code: one for one in ALPHABETS}
_RUSSIAN_OR_UKRAINIAN = _BY_CODE["ru"].letters | _BY_CODE["uk"].letters
_RUSSIAN_AND_UKRAINIAN = _BY_CODE["ru"].letters & _BY_CODE["uk"].letters


@dataclass(frozen=True, slots=True)
class Reading:
    """What a Cyrillic text is written in.

    ``language`` is the code of the one language it is read as ("ru", "uk", "kk" …), or None
    when its letters fit no one alphabet or several of the others (then ``candidates`` names
    them). ``declared`` is True when the declared language decided; ``letters`` are the
    letters that tell the alphabet from Russian and Ukrainian (empty for those two)."""

    language: str | None
    candidates: tuple[str, ...] = ()
    letters: tuple[str, ...] = ()
    declared: bool = False

    def describe(self) -> str:
        """'Kazakh letters (ә, қ)', 'Bulgarian (bg)', 'Kazakh or Tatar letters (ә)', or
        'letters of no one Cyrillic alphabet (є, ы)', 'language cv': what a message names the
        text by."""
        shown = ", ".join(self.letters)
        if self.declared and self.language:
            name = language_name(self.language)
            return f"language {name}" if name == self.language else f"{name} ({self.language})"
        names = [language_name(code) for code in self.candidates]
        if not names:
            return f"letters of no one Cyrillic alphabet ({shown})"
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
        return f"{listed} letters ({shown})"


def language_name(code: str) -> str:
    """The English name of a language of ``ALPHABETS`` (else the code itself)."""
    found = _BY_CODE.get(primary(code))
    return found.name if found else code


def _telling(letters: list[str]) -> tuple[str, ...]:
    """The letters that keep a text from being Russian or Ukrainian: those neither has, else
    (a mix such as Belarusian і with ы) those one of the two lacks."""
    outside = [one for one in letters if one not in _RUSSIAN_OR_UKRAINIAN]
    return tuple(outside or [one for one in letters if one not in _RUSSIAN_AND_UKRAINIAN])


def declared_language(own: str | None, main: str | None) -> str | None:
    """The language a Cyrillic text is declared in: its own (a name's or a field's language
    key), else the article's (``main``), when either is a Cyrillic-script language."""
    return next((one for one in (own, main) if one and is_cyrillic_language(one)), None)


def reading(text: str, declared: str | None = None) -> Reading:
    """The language the Cyrillic letters of ``text`` are in: ``declared`` (a language code)
    when its alphabet holds them all (a Cyrillic-script language this module has no alphabet
    for is taken at its word), else the first of ``ALPHABETS`` that holds them all."""
    letters = list(dict.fromkeys(one.lower() for one in cyrillic_letters(text)))
    if declared and is_cyrillic_language(declared):
        code = primary(declared)
        own = _BY_CODE.get(code)
        if own is None or own.letters.issuperset(letters):
            return Reading(code, (code,), declared=True)
    fitting = tuple(one.code for one in ALPHABETS if one.letters.issuperset(letters))
    if fitting and fitting[0] in ("ru", "uk"):
        return Reading(fitting[0], fitting[:1])
    telling = _telling(letters)
    if len(fitting) == 1:
        return Reading(fitting[0], fitting, telling)
    return Reading(None, fitting, telling)


_KAZAKH_OWN = frozenset("әғқңөұүһ")


def told_reading(text: str, declared: str | None = None) -> Reading:
    """``reading`` as far as letters tell one language: when they fit Belarusian and Kazakh
    alike (і with ы or э, and no ў), Belarusian if no letter of Kazakh's own (ә ғ қ ң ө ұ ү һ)
    is in it: a Kazakh text without one is rare, a Belarusian one without ў is not
    ('Нацыянальная акадэмія навук Беларусі'). Nor is a text Kazakh by і alone, with Russian's
    и, щ or ъ: that is a Russian one with a Ukrainian or Belarusian letter in it, damaged
    ('Экономіка') or quoting a name ('Поэзия Янкі Купалы'); it tells no one language (it
    was read as Kazakh, and a Russian reference filed under kk)."""
    found = reading(text, declared)
    if found.declared:
        return found
    letters = {one.lower() for one in cyrillic_letters(text)}
    if found.language is None and set(found.candidates) == {"be", "kk"}:
        return found if letters & _KAZAKH_OWN else Reading("be", ("be",), found.letters)
    if found.language == "kk" and not letters & _KAZAKH_OWN:
        return Reading(None, (), found.letters)
    return found


def told_language(text: str, declared: str | None = None) -> str | None:
    """The language ``told_reading`` tells: what a group's name and a reference are filed
    under."""
    return told_reading(text, declared).language


def filed_language(text: str, main: str) -> str:
    """The language key a Cyrillic text (a reference) of a record is filed under: the one its
    letters tell when that is not Russian (``told_language``, with ``main`` declared: a
    Cyrillic-script language, the record's, or ``ru`` for a record in another script), ``uk``,
    ``be``, ``sr``, ``mk`` …, else ``main``. A Ukrainian reference in a Russian or English
    article is Ukrainian, whatever the article's language, and a Belarusian one (ў, or і with
    ы) Belarusian: it was filed as ``ru`` (only ``uk`` was told). Letters that fit several
    alphabets tell nothing (Serbian and Macedonian share ј љ њ џ): the text stays ``main``."""
    told = told_language(text, main)
    return told if told and told != "ru" and is_cyrillic_language(told) else main


def reference_language(text: str, main: str) -> str:
    """The language key a reference given as text only is filed under, against the article's
    language ``main``: what its script tells (``scripts.reference_language``: a Cyrillic one
    in a Latin-script article is Russian, a Latin one in a Cyrillic-script article English),
    then, for a Cyrillic one, what its alphabet tells (``filed_language``: ``uk`` when its
    letters are Ukrainian). What every reader of reference text (JATS, Crossref, OJS) files
    a reference by, as the YAML path files it. Judged without its links: an internationalized
    address (http://президент.рф/новости/…) is written as given and tells no language (a
    Latin-script reference citing one was filed as Russian)."""
    words = without_addresses(text)
    code = scripts.reference_language(words, main)
    if is_cyrillic_language(code) and scripts.has_cyrillic(words):
        return filed_language(words, code)
    return code


def reads_as_russian(originals: Sequence[tuple[str | None, str]]) -> bool:
    """Whether the Cyrillic originals of a transliteration, (language, text) pairs, include a
    Russian one, or there is none to tell by: a Latin form judged against a Russian scheme
    (the consistency check, ``rsci-translit-scheme``) must be the transliteration of Russian
    text, not of Ukrainian, which has its own national system."""
    cyrillic = [(lang, text) for lang, text in originals if cyrillic_letters(text)]
    return not cyrillic or any(reading(text, lang).language == "ru" for lang, text in cyrillic)
