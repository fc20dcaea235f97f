"""Which script a text, a word or a language is written in: the one place that decides it.

Checks (the ``rsci`` profile), the consistency check, transliteration and enrichment all ask
the same questions: does this text hold Cyrillic letters, which words mix Cyrillic and Latin
letters, is this language written in Latin or in Cyrillic script. A word such as ``Mоscow``
with a Cyrillic "о" looks right on screen but breaks search and citation matching; Russian
indexing rejects it. Answering in one module keeps every caller agreeing on where the line is.
Nothing here imports the rest of the package, so the model and the writers can use it too.
"""

from __future__ import annotations

import re

from converter import lazy_re

# Cyrillic, Cyrillic Supplement, Extended-A/B/C: every Cyrillic letter Unicode has.
_CYRILLIC = lazy_re.compile(r"[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
# Basic Latin letters, Latin-1 Supplement to Latin Extended-B, Latin Extended Additional.
_LATIN = lazy_re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_WORD = lazy_re.compile(r"\w+")
_KANA = lazy_re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = lazy_re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")

# Languages written in Cyrillic (primary subtags), and in Latin script, as journals use them.
# Serbian is in the Cyrillic set: a bare ``sr`` is Cyrillic; ``sr-Latn`` says otherwise.
CYRILLIC_LANGS = frozenset(
    {"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn", "ba", "tt", "cv", "ce", "os",
     "sah", "udm", "ab", "av", "kv", "mhr", "myv", "mdf"}
)  # fmt: skip
LATIN_LANGS = frozenset(
    {"en", "de", "fr", "es", "it", "pt", "pl", "cs", "sk", "sl", "hr", "bs", "nl", "sv", "da",
     "no", "nb", "nn", "fi", "et", "lv", "lt", "hu", "ro", "tr", "az", "uz", "id", "ms", "vi",
     "la", "ca", "eu", "gl", "ga", "cy", "is", "sq", "mt", "af", "sw", "tk", "eo"}
)  # fmt: skip


def has_cyrillic(text: str) -> bool:
    """True when ``text`` holds at least one Cyrillic letter.

    An ASCII text is answered at once (``str.isascii`` reads a flag CPython keeps with the
    string): the regular expression would look at each of its characters, ~1.5 µs for a
    reference, and enrichment asks this of every reference and name of every article."""
    return not text.isascii() and _CYRILLIC.search(text) is not None


def has_latin(text: str) -> bool:
    """True when ``text`` holds at least one Latin letter."""
    return _LATIN.search(text) is not None


def _has_other_letters(text: str) -> bool:
    """True when ``text`` holds a letter that is neither Latin nor Cyrillic (Han, kana …)."""
    return any(
        char.isalpha() and not _LATIN.match(char) and not _CYRILLIC.match(char) for char in text
    )


def cyrillic_share(text: str) -> float:
    """The share of Cyrillic among the Cyrillic and Latin letters of ``text`` (0 without any):
    tells a Russian reference that names an English journal from an English one."""
    cyrillic = len(_CYRILLIC.findall(text))
    total = cyrillic + len(_LATIN.findall(text))
    return cyrillic / total if total else 0.0


# What a Latin-script text sets apart as quoted or inserted: a quotation in Russian, English or
# straight quotes (innermost first, so «Завод «Прогресс»» goes whole) or a bracketed insertion
# (a parallel title, '[Теория поля]', or a word's original, '(перестройка)')
_SET_APART = lazy_re.compile(r"«[^«»]*»|„[^„“”]*[“”]|“[^“”]*”|\"[^\"]*\"|\[[^\[\]]*\]|\([^()]*\)")
# A Russian or Ukrainian list's bibliographic marker set apart in brackets: GOST's '[Электронный
# ресурс]', '[Текст]', '(дата обращения: 12.03.2018)', '(на англ. яз.)', DSTU's '(англ. мовою)'.
# It is no quotation: it makes a Latin-script work's text a Cyrillic list's entry
_LIST_MARKER = lazy_re.compile(
    r"\[\s*(?:Электронный ресурс|Електронний ресурс|Текст|Рукопись|Рукопис)\s*\]"
    r"|\(\s*(?:дата обращения|дата звернення)\b[^()]*\)"
    r"|\(\s*на\s+[а-яё]+\.?\s*(?:яз\.|языке)\s*\)|\(\s*[а-яєіїґ]+\.?\s*мовою\s*\)",
    re.I,
)


def quotes_cyrillic(text: str) -> bool:
    """True for a Latin-script text that only quotes Cyrillic: most of its letters are Latin
    and each Cyrillic word stands in quotes or brackets ('Smith J. The «перестройка» years.',
    'Ivanov I. I. Teoriya polya [Теория поля]. Moscow, 1975.'). Such a reference is English,
    or already a Latin-script form: its Cyrillic words are a quotation or a parallel title, not
    its language (one quoted word made a reference Russian, transliterated and '(In Russ.)').
    Cyrillic outside quotes and brackets — a Russian author or title beside an English journal's
    name — keeps a text Cyrillic whatever its share of letters, and so does a Russian list's
    marker in brackets, 'Smith J. Japan's economy [Электронный ресурс]' (``_LIST_MARKER``): the
    entry is the list's, and its Latin form says the marker in English (taken for a quotation,
    the marker stayed Cyrillic in an English-only reference and no check said so). A quotation
    is one inside Latin words: a Cyrillic one that is a whole part of the entry, 'Smith J.
    «Экономика Японии». London, 2015.', is a Russian work's title, and its text Cyrillic."""
    if not has_cyrillic(text) or cyrillic_share(text) > 0.5 or _LIST_MARKER.search(text):
        return False
    rest = text
    while True:
        shorter = _SET_APART.sub(_set_apart, rest)
        if shorter == rest:
            break
        rest = shorter
    if has_cyrillic(rest) or not has_latin(rest):
        return False
    parts = _ENTRY_PARTS.split(rest)
    return all(has_latin(part) for part in parts if _QUOTED_CYRILLIC in part)


# what stands for a quotation holding Cyrillic once it is set apart (``quotes_cyrillic``)
_QUOTED_CYRILLIC = "\x00"
# the parts of a reference: what a full stop, GOST's '//' or a semicolon ends
_ENTRY_PARTS = lazy_re.compile(r"(?<=[.!?])\s+|//|;")


def _set_apart(match: re.Match[str]) -> str:
    """A bracketed insertion as a space; a quotation as one too, or as ``_QUOTED_CYRILLIC``
    when it holds Cyrillic (or a quotation that did, «Завод «Прогресс»»)."""
    piece = match[0]
    if piece[0] in "[(" or not (has_cyrillic(piece) or _QUOTED_CYRILLIC in piece):
        return " "
    return _QUOTED_CYRILLIC


# GOST's (DSTU's) lead-in to an address, unbracketed: 'Режим доступа: https://…'
_ACCESS_MODE = lazy_re.compile(r"\bРежим доступ[ау]\s*:", re.I)


def without_list_markers(text: str) -> str:
    """``text`` without a Cyrillic list's bibliographic markers ('[Электронный ресурс]',
    '(дата обращения: …)', '(на англ. яз.)', 'Режим доступа:'): the words that tell the script
    of the work (with 'Режим доступа:' left in, an English work was '(In Russ.)')."""
    return _ACCESS_MODE.sub(" ", _LIST_MARKER.sub(" ", text))


def cyrillic_letters(text: str) -> list[str]:
    """The Cyrillic letters in ``text``, in order, each once."""
    return list(dict.fromkeys(_CYRILLIC.findall(text)))


def mixed_script_words(text: str) -> list[str]:
    """Words holding both Cyrillic and Latin letters (``Mоscow`` with a Cyrillic о)."""
    return [word for word in _WORD.findall(text) if has_cyrillic(word) and has_latin(word)]


# Letters that look alike in the two scripts (upper and lower case), Cyrillic → Latin. "І" and
# "і" are the Ukrainian and Belarusian letters, typed as Latin "I"/"i" as often as the reverse;
# Serbian "Ј" and Macedonian "Ѕ" are left out: a stray Latin "J" or "S" is far likelier Latin.
_CYRILLIC_TO_LATIN = dict(zip("АВЕКМНОРСТХУІаеорсухі", "ABEKMHOPCTXYIaeopcyxi", strict=True))
_LATIN_TO_CYRILLIC = {latin: cyrillic for cyrillic, latin in _CYRILLIC_TO_LATIN.items()}
_TO_LATIN = str.maketrans(_CYRILLIC_TO_LATIN)
_TO_CYRILLIC = str.maketrans(_LATIN_TO_CYRILLIC)
_ROMAN_NUMERAL = lazy_re.compile(r"[IVXLCDM]+")
_LETTERS = lazy_re.compile(r"[^\W\d_]+")
# a Cyrillic letter next to a Latin one (ASCII or accented: "Вöhringer" with a Cyrillic "В"):
# every word that mixes the two has such a pair, and one search in C answers the many texts
# without one (a callback per word of a Russian reference cost 14 µs, this search 1.4; a text
# without Cyrillic is answered before it, in under 1 µs). The search starts at the Latin
# letters, which a Russian text has few of, and looks on either side (as an alternation
# starting at either script's letters it stopped at every Cyrillic letter: 4 µs).
_SCRIPTS_MEET = lazy_re.compile(
    r"[A-Za-z\u00c0-\u024f](?:(?=[\u0400-\u052f])|(?<=[\u0400-\u052f][A-Za-z\u00c0-\u024f]))"
)


def scripts_meet(text: str) -> bool:
    """Whether a Latin letter stands beside a Cyrillic one anywhere in ``text``: what every
    word mixing the two scripts holds."""
    return has_cyrillic(text) and _SCRIPTS_MEET.search(text) is not None


def unmixed(text: str) -> str | None:
    """``text`` with each word that mixes Latin and Cyrillic look-alikes spelled in the one
    script it was meant in (``Мoscow`` → ``Moscow``, ``Cерия`` → ``Серия``); None when no word
    can be told so (a word in one script; a word whose two scripts both hold letters the other
    lacks, as the mis-decoded ``Saarbrьcken``). A word is a run of letters: in ``Т.V.`` (Cyrillic
    "Т." for a volume, a Latin numeral) each is in one script and stays.

    The script is the one of the letters without a look-alike; with none, the one of most
    letters, Latin at a tie (``Рp`` → ``Pp``) and for a Roman numeral (``ХХI`` → ``XXI``)."""
    if not scripts_meet(text):
        return None
    spelled = _LETTERS.sub(_spelled, text)
    return None if spelled == text else spelled


def spelled_words(text: str) -> dict[str, str]:
    """Each word of ``text`` that ``unmixed`` spells otherwise → its spelling, in order."""
    meant = unmixed(text)
    if meant is None:
        return {}
    return {
        m.group(): meant[m.start() : m.end()]
        for m in _LETTERS.finditer(text)
        if meant[m.start() : m.end()] != m.group()
    }


def _spelled(match: re.Match[str]) -> str:
    word = match.group()
    if _SCRIPTS_MEET.search(word) is None:
        return word
    latin_only = any(_LATIN.match(ch) and ch not in _LATIN_TO_CYRILLIC for ch in word)
    cyrillic_only = any(_CYRILLIC.match(ch) and ch not in _CYRILLIC_TO_LATIN for ch in word)
    if latin_only and cyrillic_only:
        return word
    as_latin = word.translate(_TO_LATIN)
    if latin_only or _ROMAN_NUMERAL.fullmatch(as_latin):
        return as_latin
    if cyrillic_only:
        return word.translate(_TO_CYRILLIC)
    cyrillic = sum(1 for ch in word if _CYRILLIC.match(ch))
    return word.translate(_TO_CYRILLIC) if 2 * cyrillic > len(word) else as_latin


def cyrillic_words(text: str) -> list[str]:
    """Words written in Cyrillic only (no Latin letter in them)."""
    return [word for word in _WORD.findall(text) if has_cyrillic(word) and not has_latin(word)]


def primary(lang: str) -> str:
    """The primary subtag of a language tag, lower-cased: ``sr-Latn`` → ``sr``."""
    return lang.lower().split("-")[0]


def is_latin_language(lang: str) -> bool:
    """True for a language known to be written in Latin script (``en``, ``de`` …, ``sr-Latn``)."""
    lowered = lang.lower()
    return primary(lowered) in LATIN_LANGS or "-latn" in lowered


def is_cyrillic_language(lang: str) -> bool:
    """True for a language written in Cyrillic (``ru``, ``uk``, ``sr``, ``sr-Cyrl``); a script
    subtag wins over the language, so ``sr-Latn`` is not."""
    lowered = lang.lower()
    if "-latn" in lowered:
        return False
    return primary(lowered) in CYRILLIC_LANGS or "-cyrl" in lowered


def language_by_script(text: str, main: str) -> str | None:
    """The language a title is in, told by its script against the record's main language.

    Mostly Cyrillic letters: the main language when it is written in Cyrillic, else Russian.
    Latin letters only: the main language when it is written in Latin script, else English (the
    language of second titles in Cyrillic-script journals). Neither Latin nor Cyrillic: the main
    language when that is not a Latin or Cyrillic one. No letters at all ('1984', a DOI given
    as a title, as the registry keeps for deleted DOIs): nothing says otherwise, so the main
    language. Otherwise None: the caller cannot tell, and says so rather than guess.
    """
    if not any(char.isalpha() for char in text):
        return main
    share = cyrillic_share(text)
    if share > 0.5:
        return main if is_cyrillic_language(main) else "ru"
    latin_or_cyrillic = is_latin_language(main) or is_cyrillic_language(main)
    if share == 0 and latin_or_cyrillic:
        # kana are Japanese's alone and Hangul Korean's: a record that says "en" of such a
        # title (Japanese journals' deposits do) would otherwise lose it, and the article
        if _KANA.search(text):
            return "ja"
        if _HANGUL.search(text):
            return "ko"
    if share == 0 and not latin_or_cyrillic and _has_other_letters(text):
        # a Latin abbreviation in a Japanese or Chinese text ('iPS細胞', 'DNA鑑定') does not make
        # it English: its other letters are in the main language's script
        return main
    if share == 0 and has_latin(text):
        return main if is_latin_language(main) else "en"
    if not has_latin(text) and share == 0 and not latin_or_cyrillic:
        return main
    return None


def reference_language(text: str, main: str) -> str:
    """The language of a reference given as text only, against the article's language.

    A reference list mixes languages and a registry's reference carries none of its own: the
    article's language holds unless the script says plainly otherwise. In an article in a
    Cyrillic-script language, a reference with no Cyrillic letter but Latin ones is English,
    and so is one that only quotes Cyrillic (``quotes_cyrillic``);
    in a Latin-script one, a reference mostly in Cyrillic is Russian. Asymmetric on purpose:
    Russian references hold Latin letters (foreign journal names, DOIs, URLs), while a stray
    Cyrillic look-alike in an English one must not relabel it. The same rule the OJS reader
    applies to its citations.
    """
    if is_cyrillic_language(main):
        if (not has_cyrillic(text) and has_latin(text)) or quotes_cyrillic(text):
            return "en"
    elif is_latin_language(main) and cyrillic_share(text) > 0.5:
        return "ru"
    return main
