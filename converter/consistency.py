"""Mis-decoded text in any of an article's fields, and the scripts and transliteration scheme
of its Latin-script fields.

Three kinds of finding:

- **Mis-decoded text** (errors), in any field and language: a word saved in one encoding and
  read in another before it reached the converter ("SchÃ¼hlen" for Schühlen, "РњРѕСЃРєРІР°" for
  Москва), named with the word meant (``converter.misdecoded``).
- **Script** (errors): a Latin-script field holding Cyrillic letters, or a word mixing the
  scripts in a field of any script (``Mоscow`` with a Cyrillic "о", ``Арктикe`` with a Latin
  "e": it looks right and breaks every search).
- **Scheme** (warnings): the transliterations of one article follow one scheme. Each Latin word
  is read back into Russian: the Latin letters are mapped to every Cyrillic letter any scheme (or
  a common slip) writes them for, and only readings that are Russian words (the OpenCorpora
  dictionary of ``pymorphy3``) are kept. Where all readings agree on how a telling letter
  (й ь ъ е ё х ц щ ю я ы э ж ч ш) was written, that is evidence of a scheme: "Rossiyskaya" is
  российская with й as "y" (BGN/PCGN), "Kitai" is китай with й as "i" (BSI), "postroity" is
  построить with ь as "y" (no scheme). English words and names that read as no Russian word
  give no evidence, so they are never reported. Each deviation from the journal's scheme is
  reported with the word, the schemes it fits and the journal's; without a journal scheme, a
  letter written two ways in one article is reported with the words of each way.

``check_texts`` takes (field path, text) pairs and is what other checks (the ``rsci`` profile)
call; ``check_article`` collects the Latin-script fields of an article model as ``convert``
writes them (a Cyrillic reference or name typed plain in an English article is filed as its
ru/uk original there, not as English text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Literal

from converter import misdecoded, scripts
from converter.alphabets import declared_language, reads_as_russian
from converter.inline import without_addresses, without_links
from converter.model import Article, Journal, PersonName
from converter.translit import SCHEMES

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One consistency finding: rule id, severity, message and the input field it is about.

    ``word``, ``fits`` (schemes the word agrees with) and ``scheme`` (the journal's) are set on
    scheme findings, so a caller can print or filter them without parsing the message.
    """

    rule: str
    severity: Severity
    message: str
    field: str
    word: str | None = None
    fits: tuple[str, ...] = ()
    scheme: str | None = None

    def __str__(self) -> str:
        return f"{self.severity}: [{self.rule}] {self.message} (input field {self.field})"


# ------------------------------------------------------------------------------- scripts


def script_findings(path: str, text: str) -> list[Finding]:
    """Cyrillic in a Latin-script field; mixed-script words named one by one."""
    if not scripts.has_cyrillic(text):
        return []
    found = mixed_findings(path, text)
    # (an address, a web or an e-mail one, is kept as written)
    words = without_addresses(text)
    pure = scripts.cyrillic_words(words)
    # (a reference that only quotes Cyrillic, 'The «перестройка» years', or gives its Cyrillic
    # title in brackets beside its Latin form, is English: convert files it so; an English
    # title or abstract quoting a Russian word is English prose too, by the same share rule
    # (it was called Cyrillic text in a Latin-script field). Not a name's part: a Latin name
    # holds no quotation)
    quoting = ".name." not in path and scripts.quotes_cyrillic(words)
    if pure and not quoting:
        sample = ", ".join(list(dict.fromkeys(pure))[:5])
        found.append(
            Finding(
                "cyrillic-in-latin",
                "error",
                f"Cyrillic text in a Latin-script field: {sample}",
                path,
                word=pure[0],
            )
        )
    return found


def mixed_findings(path: str, text: str, latin_field: bool = True) -> list[Finding]:
    """Words mixing Latin and Cyrillic letters, named one by one, in a field of any script:
    the letters named are the stray ones, Cyrillic in a Latin-script field, elsewhere those of
    the script fewer of the word's letters are in ('Арктикe': Latin e)."""
    found: list[Finding] = []
    for word in dict.fromkeys(scripts.mixed_script_words(text)):
        cyrillic = scripts.cyrillic_letters(word)
        others = [c for c in word if c.isalpha() and c not in cyrillic]
        if latin_field or scripts.cyrillic_share(word) <= 0.5:
            letters = "Cyrillic: " + "".join(cyrillic)
        else:
            letters = "Latin: " + "".join(dict.fromkeys(others))
        meant = scripts.unmixed(word)
        fix = f"; in one script: {meant!r}" if meant else ""
        found.append(
            Finding(
                "mixed-script",
                "error",
                f"word {word!r} mixes Latin and Cyrillic letters ({letters}){fix}",
                path,
                word=word,
            )
        )
    return found


# ------------------------------------------------------------------------------- schemes

# How each scheme writes the letters that tell schemes apart (see converter.translit).
# Keys: (Cyrillic letter, Latin rendering); values: the schemes that write it so. An empty set
# is a rendering no scheme uses (ь as "y", a dropped ь or й).
_FITS: dict[tuple[str, str], frozenset[str]] = {
    ("й", "i"): frozenset({"bsi"}),
    ("й", "y"): frozenset({"bgn-pcgn"}),
    ("й", "j"): frozenset({"gost-7.79-b", "iso-9"}),
    ("й", "ĭ"): frozenset({"ala-lc"}),
    ("й", "-"): frozenset(),
    ("ь", "'"): frozenset({"bsi"}),
    ("ь", "’"): frozenset({"bgn-pcgn"}),
    ("ь", "ʼ"): frozenset({"bgn-pcgn"}),
    ("ь", "`"): frozenset({"gost-7.79-b"}),
    ("ь", "ʹ"): frozenset({"iso-9", "ala-lc"}),
    ("ь", "y"): frozenset(),
    ("ь", "-"): frozenset(),
    ("ъ", '"'): frozenset({"bsi"}),
    ("ъ", "ˮ"): frozenset({"bgn-pcgn"}),
    ("ъ", "”"): frozenset({"bgn-pcgn"}),
    ("ъ", "``"): frozenset({"gost-7.79-b"}),
    ("ъ", "ʺ"): frozenset({"iso-9", "ala-lc"}),
    ("ъ", "-"): frozenset(),
    ("е", "ye"): frozenset({"bgn-pcgn"}),  # initially and after a vowel, ъ or ь
    ("е", "e"): frozenset({"bsi", "gost-7.79-b", "iso-9", "ala-lc"}),
    ("ё", "yo"): frozenset({"gost-7.79-b"}),
    ("ё", "ë"): frozenset({"iso-9", "ala-lc", "bgn-pcgn"}),
    ("ё", "yë"): frozenset({"bgn-pcgn"}),
    ("х", "kh"): frozenset({"bsi", "bgn-pcgn", "ala-lc"}),
    ("х", "h"): frozenset({"iso-9"}),
    ("х", "x"): frozenset({"gost-7.79-b"}),
    ("ц", "ts"): frozenset({"bsi", "bgn-pcgn"}),
    ("ц", "t͡s"): frozenset({"ala-lc"}),
    ("ц", "c"): frozenset({"iso-9", "gost-7.79-b"}),
    ("ц", "cz"): frozenset({"gost-7.79-b"}),
    ("щ", "shch"): frozenset({"bsi", "bgn-pcgn", "ala-lc"}),
    ("щ", "shh"): frozenset({"gost-7.79-b"}),
    ("щ", "ŝ"): frozenset({"iso-9"}),
    ("ю", "yu"): frozenset({"bsi", "bgn-pcgn", "gost-7.79-b"}),
    ("ю", "iu"): frozenset(),
    ("ю", "i͡u"): frozenset({"ala-lc"}),
    ("ю", "û"): frozenset({"iso-9"}),
    ("я", "ya"): frozenset({"bsi", "bgn-pcgn", "gost-7.79-b"}),
    ("я", "ia"): frozenset(),
    ("я", "i͡a"): frozenset({"ala-lc"}),
    ("я", "â"): frozenset({"iso-9"}),
    ("ы", "y"): frozenset({"bsi", "bgn-pcgn", "iso-9", "ala-lc"}),
    ("ы", "y`"): frozenset({"gost-7.79-b"}),
    ("э", "e"): frozenset({"bsi", "bgn-pcgn"}),
    ("э", "è"): frozenset({"iso-9"}),
    ("э", "ė"): frozenset({"ala-lc"}),
    ("э", "e`"): frozenset({"gost-7.79-b"}),
    ("ж", "zh"): frozenset({"bsi", "bgn-pcgn", "gost-7.79-b", "ala-lc"}),
    ("ж", "ž"): frozenset({"iso-9"}),
    ("ч", "ch"): frozenset({"bsi", "bgn-pcgn", "gost-7.79-b", "ala-lc"}),
    ("ч", "č"): frozenset({"iso-9"}),
    ("ш", "sh"): frozenset({"bsi", "bgn-pcgn", "gost-7.79-b", "ala-lc"}),
    ("ш", "š"): frozenset({"iso-9"}),
}

_PLAIN = {
    "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "z": "з", "k": "к", "l": "л", "m": "м",
    "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф",
}  # fmt: skip
# Latin sequence → [(Cyrillic, tag)], tag (letter, rendering) or None. Longest first.
_SEGMENTS: dict[str, list[tuple[str, tuple[str, str] | None]]] = {
    **{lat: [(cyr, None)] for lat, cyr in _PLAIN.items()},
    "e": [("е", ("е", "e")), ("ё", None), ("э", ("э", "e"))],
    "ye": [("е", ("е", "ye")), ("ё", None)],
    "yo": [("ё", ("ё", "yo"))],
    "ë": [("ё", ("ё", "ë"))],
    "yë": [("ё", ("ё", "yë"))],
    "zh": [("ж", ("ж", "zh"))],
    "ž": [("ж", ("ж", "ž"))],
    "i": [("и", None), ("й", ("й", "i"))],
    "ĭ": [("й", ("й", "ĭ"))],
    "j": [("й", ("й", "j"))],
    "y": [("ы", ("ы", "y")), ("й", ("й", "y")), ("ь", ("ь", "y"))],
    "y`": [("ы", ("ы", "y`"))],
    "kh": [("х", ("х", "kh"))],
    "h": [("х", ("х", "h"))],
    "x": [("х", ("х", "x"))],
    "ts": [("ц", ("ц", "ts"))],
    "t͡s": [("ц", ("ц", "t͡s"))],
    "c": [("ц", ("ц", "c"))],
    "cz": [("ц", ("ц", "cz"))],
    "ch": [("ч", ("ч", "ch"))],
    "č": [("ч", ("ч", "č"))],
    "sh": [("ш", ("ш", "sh"))],
    "š": [("ш", ("ш", "š"))],
    "shch": [("щ", ("щ", "shch"))],
    "shh": [("щ", ("щ", "shh"))],
    "ŝ": [("щ", ("щ", "ŝ"))],
    "yu": [("ю", ("ю", "yu"))],
    "iu": [("ю", ("ю", "iu"))],
    "i͡u": [("ю", ("ю", "i͡u"))],
    "û": [("ю", ("ю", "û"))],
    "ya": [("я", ("я", "ya"))],
    "ia": [("я", ("я", "ia"))],
    "i͡a": [("я", ("я", "i͡a"))],
    "â": [("я", ("я", "â"))],
    "è": [("э", ("э", "è"))],
    "ė": [("э", ("э", "ė"))],
    "e`": [("э", ("э", "e`"))],
    "'": [("ь", ("ь", "'")), ("ъ", ("ъ", '"'))],
    "’": [("ь", ("ь", "’")), ("ъ", ("ъ", "”"))],
    "ʼ": [("ь", ("ь", "ʼ"))],
    "ʹ": [("ь", ("ь", "ʹ"))],
    "`": [("ь", ("ь", "`"))],
    "``": [("ъ", ("ъ", "``"))],
    '"': [("ъ", ("ъ", '"'))],
    "ˮ": [("ъ", ("ъ", "ˮ"))],
    "”": [("ъ", ("ъ", "”"))],
    "ʺ": [("ъ", ("ъ", "ʺ"))],
}
_MAX_SEGMENT = max(len(key) for key in _SEGMENTS)
_VOWELS = frozenset("аеёиоуыэюя")
_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
# е written after these (or first in a word) is where BGN/PCGN writes "ye" and others "e".
_IOTATING = _VOWELS | {"ъ", "ь", ""}
_LATIN_WORD = re.compile(
    r"[A-Za-z\u00c0-\u024f](?:[A-Za-z\u00c0-\u024f\u0361]|['’ʹʼ`ˮ”ʺ](?=[a-z\u00c0-\u024f])"
    r"|``(?=[a-z]))*(?:['’ʹʼ`](?![\w]))?"
)
_BRACKETS = re.compile(r"\[[^\]]*\]")
_NAME_PATH = re.compile(r"(?:^|[./\[])(?:name|surname|given|given-names|string-name)\b")
_MAX_READINGS = 64
_MAX_WORD = 40
_MAX_STEPS = 5000


@cache
def _morph() -> Any:
    """The Russian dictionary, loaded once (about 40 ms) and only when a check needs it."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _has_prefix(prefix: str) -> bool:
    """True when some Russian word starts with ``prefix``.

    Uses the dictionary's DAWG directly (following the prefix's bytes from the root): the
    public API only lists completions, which is far too slow for pruning a search.
    """
    dawg = _morph().dictionary.words.dct
    return dawg.follow_bytes(prefix.encode("utf-8"), dawg.ROOT) is not None


Reading = tuple[str, tuple[tuple[str, str], ...]]


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[Reading, ...]:
    """Every Russian word ``word`` can be a transliteration of, with how it wrote each letter.

    A dropped ь (after a consonant) or й (after ы/и at the end) is tried too, since editors drop
    them: "provodilis" is проводились with ь left out.
    """
    latin = word.lower()
    if len(latin) > _MAX_WORD:
        return ()
    morph = _morph()
    found: list[Reading] = []
    budget = [_MAX_STEPS]  # bounds the search on pathological input ("iiiiiiii…")

    def walk(pos: int, cyr: str, tags: tuple[tuple[str, str], ...]) -> None:
        budget[0] -= 1
        if len(found) >= _MAX_READINGS or budget[0] < 0:
            return
        last = cyr[-1:] if cyr else ""
        if pos == len(latin):
            if cyr and morph.word_is_known(cyr):
                found.append((cyr, tags))
            if last in ("ы", "и") and morph.word_is_known(cyr + "й"):
                found.append((cyr + "й", (*tags, ("й", "-"))))
            if last in _CONSONANTS and morph.word_is_known(cyr + "ь"):
                found.append((cyr + "ь", (*tags, ("ь", "-"))))
            return
        if last in _CONSONANTS and _has_prefix(cyr + "ь"):
            walk_from(pos, cyr + "ь", (*tags, ("ь", "-")))
        walk_from(pos, cyr, tags)

    def walk_from(pos: int, cyr: str, tags: tuple[tuple[str, str], ...]) -> None:
        last = cyr[-1:] if cyr else ""
        for size in range(min(_MAX_SEGMENT, len(latin) - pos), 0, -1):
            options = _SEGMENTS.get(latin[pos : pos + size])
            if not options:
                continue
            for letter, tag in options:
                if letter in "ьъ" and (not last or last in "ьъ"):
                    continue
                next_cyr = cyr + letter
                if not _has_prefix(next_cyr) and not (letter == "е" and _has_prefix(cyr + "ё")):
                    continue
                if tag and tag[0] == "е" and last not in _IOTATING:
                    tag = None  # after a consonant every scheme writes е as e
                if tag == ("е", "ye") and last not in _IOTATING:
                    continue
                walk(pos + size, next_cyr, (*tags, tag) if tag else tags)

    walk(0, "", ())
    return tuple(dict.fromkeys(found))


def word_evidence(word: str) -> dict[str, str]:
    """Letter → how ``word`` wrote it, for the letters on which all its readings agree."""
    found = readings(word)
    if not found:
        return {}
    agreed: dict[str, str] | None = None
    for _, tags in found:
        seen: dict[str, str] = {}
        for letter, rendering in tags:
            if seen.get(letter, rendering) != rendering:
                seen[letter] = "?"
            else:
                seen[letter] = rendering
        agreed = seen if agreed is None else {k: v for k, v in agreed.items() if seen.get(k) == v}
    # A letter some readings have and others lack (цели/целы for "tsely") is no evidence.
    return {k: v for k, v in (agreed or {}).items() if v != "?"}


def word_fits(evidence: dict[str, str]) -> frozenset[str]:
    """The schemes that write every letter of ``evidence`` the way the word does."""
    fits = frozenset(SCHEMES)
    for letter, rendering in evidence.items():
        fits &= _FITS.get((letter, rendering), frozenset())
    return fits


def _describe(letter: str, rendering: str) -> str:
    return f"{letter} left out" if rendering == "-" else f"{letter} as {rendering!r}"


def _latin_words(text: str) -> Iterable[str]:
    """Latin words worth reading back: outside [bracketed translations] and links (a URL's
    words are its site's, kept as written), three letters or more."""
    text = _BRACKETS.sub(" ", without_links(text))
    for match in _LATIN_WORD.finditer(text):
        word = match.group()
        if len(word) >= 3 and not word.isupper():
            yield word


@dataclass(slots=True)
class _Use:
    """One treatment of one letter: the words (with their field) that write it so."""

    words: dict[str, str] = field(default_factory=dict)  # word → field path


def scheme_findings(
    texts: list[tuple[str, str]],
    scheme: str | None,
    places: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Deviations from ``scheme`` (or, without one, letters written two ways) in ``texts``.

    A letter written two ways names the places holding each way ("in references 2 and 5"):
    ``places`` gives a path's place in words ("reference 5"); without it, or for a path it
    lacks, an input field path's item is named (``references[4].text.en``: reference 5)."""
    if scheme is not None and scheme not in SCHEMES:
        raise ValueError(f"unknown transliteration scheme {scheme!r} ({', '.join(SCHEMES)})")
    found: list[Finding] = []
    uses: dict[str, dict[str, _Use]] = {}
    reported: set[str] = set()
    for path, text in texts:
        for word in _latin_words(text):
            evidence = word_evidence(word)
            if _NAME_PATH.search(path):
                # A person's Latin name is often their passport (ICAO) spelling, which drops ь
                # and ъ: the author's established form wins, so a dropped sign is no deviation.
                evidence = {k: v for k, v in evidence.items() if v != "-"}
            if not evidence:
                continue
            for letter, rendering in evidence.items():
                if letter in "йьъеёхцщюяыэ":
                    uses.setdefault(letter, {}).setdefault(rendering, _Use()).words.setdefault(
                        word, path
                    )
            fits = word_fits(evidence)
            if scheme is None or scheme in fits or word in reported:
                continue
            reported.add(word)
            wrong = [
                _describe(letter, rendering)
                for letter, rendering in evidence.items()
                if scheme not in _FITS.get((letter, rendering), frozenset())
            ]
            where = ", ".join(sorted(fits)) if fits else "no scheme"
            found.append(
                Finding(
                    "translit-scheme",
                    "warning",
                    f"{word!r} writes {', '.join(wrong)}: fits {where}; the journal uses {scheme}",
                    path,
                    word=word,
                    fits=tuple(sorted(fits)),
                    scheme=scheme,
                )
            )
    if scheme is None:
        found.extend(_mixed(uses, places or {}))
    return found


_INPUT_ITEM = re.compile(r"^([a-z_]+)\[(\d+)\]")
_ITEM_WORDS = {
    "references": "reference",
    "authors": "author",
    "affiliations": "affiliation",
    "funding": "funder",
    "related_articles": "related article",
}


def _place(path: str, places: Mapping[str, str]) -> str | None:
    """Where ``path`` is, in words ("reference 5"), or None when it cannot be said."""
    if path in places:
        return places[path]
    match = _INPUT_ITEM.match(path)
    if match and match.group(1) in _ITEM_WORDS:
        return f"{_ITEM_WORDS[match.group(1)]} {int(match.group(2)) + 1}"
    return None


def _places_words(paths: Iterable[str], places: Mapping[str, str]) -> str:
    """ "references 1, 2 and 4; author 3": the places of ``paths``, one kind after another."""
    kinds: dict[str, list[int]] = {}
    others: list[str] = []
    for path in paths:
        place = _place(path, places)
        if place is None:
            continue
        kind, _, number = place.rpartition(" ")
        if kind and number.isdigit():
            numbers = kinds.setdefault(kind, [])
            if int(number) not in numbers:
                numbers.append(int(number))
        elif place not in others:
            others.append(place)
    said = []
    for kind, numbers in kinds.items():
        numbers.sort()
        listed = [str(n) for n in numbers]
        joined = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
        said.append(f"{kind}{'s' if len(listed) > 1 else ''} {joined}")
    return "; ".join(said + others)


def _mixed(uses: dict[str, dict[str, _Use]], places: Mapping[str, str]) -> list[Finding]:
    """Without a journal scheme: each letter written in more than one way, with the places
    holding each way. The finding is put on the first place of the way fewest words take, the
    likeliest slip (until 4 December 2026 it was always the first word's: "Reference 1", the
    web app said, of words in other references)."""
    out: list[Finding] = []
    for letter, by_rendering in uses.items():
        if len(by_rendering) < 2:
            continue
        parts = []
        for rendering, use in by_rendering.items():
            fits = _FITS.get((letter, rendering), frozenset())
            schemes = ", ".join(sorted(fits)) if fits else "no scheme"
            where = _places_words(use.words.values(), places)
            parts.append(
                f"{_describe(letter, rendering)} in {', '.join(use.words)} ({schemes})"
                + (f" in {where}" if where else "")
            )
        rarest = min(by_rendering.values(), key=lambda use: len(use.words))
        words = [w for use in by_rendering.values() for w in use.words]
        out.append(
            Finding(
                "translit-mixed",
                "warning",
                f"{letter} is transliterated in {len(by_rendering)} ways: " + "; ".join(parts),
                next(iter(rarest.words.values())),
                word=", ".join(words),
            )
        )
    return out


# ------------------------------------------------------------------------------- entry points


def check_texts(
    texts: list[tuple[str, str]],
    scheme: str | None = None,
    transliterated: list[tuple[str, str]] | None = None,
) -> list[Finding]:
    """Check Latin-script texts given as (field path, text).

    Every text is checked for Cyrillic and mixed-script words; the scheme check reads
    ``transliterated`` when given (the fields that hold transliterations: Latin names, the
    Latin forms of Russian references), else all ``texts``. English prose (titles, abstracts)
    is better left out of it: an English word that happens to spell a Russian one ("state" as
    статье) would be read as a transliteration.
    """
    found: list[Finding] = []
    for path, text in texts:
        found.extend(script_findings(path, text))
    found.extend(scheme_findings(texts if transliterated is None else transliterated, scheme))
    return found


_TRANSLIT_MARK = re.compile(r"\(In Russ|\[[^\]]{3,}\]")


def _latin_lang(lang: str) -> bool:
    """Fields in any language not written in Cyrillic are checked as Latin-script ones."""
    return not scripts.is_cyrillic_language(lang)


def looks_transliterated(text: str) -> bool:
    """True for a Latin reference text that marks itself as a transliteration: a bracketed
    English title or an "(In Russ.)" note (used where no Cyrillic form stands beside it)."""
    return _TRANSLIT_MARK.search(text) is not None


# The note the References form writes after a Ukrainian work, "(In Ukrainian)" or "[in
# Ukrainian]" (``in_russ_note``), or its short form "(In Ukr.)" as "(In Russ.)" is Russian's:
# with no Cyrillic form beside it, what tells its Latin form is Ukraine's national system, not
# a Russian scheme.
_UKRAINIAN_MARK = re.compile(r"[(\[]\s*in Ukr(?:ainian\s*|\.\s*)[)\]]", re.IGNORECASE)


def russian_transliteration(text: str, lang: str | None = None) -> bool:
    """True for a Latin reference text with no Cyrillic form beside it that is a transliteration
    of Russian: it marks itself as one (``looks_transliterated``) and is not a Ukrainian work's,
    told by its "(In Ukrainian)" note or by a language ``lang`` (the reference's) of ``uk``. A
    Ukrainian work's Latin form in Ukraine's national system (Kovalchuk) was judged against the
    Russian scheme of the works beside it ("ь left out in Kovalchuk")."""
    if lang is not None and scripts.primary(lang) == "uk":
        return False
    return looks_transliterated(text) and _UKRAINIAN_MARK.search(text) is None


def latin_fields(article: Article) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The article's Latin-script texts as (field path, text), and those of them that are
    transliterations (Latin names; Latin forms of references that have a Cyrillic form, a
    bracketed translation or an "(In Russ.)" note). References' English titles are Latin-script
    texts, not transliterations."""
    out: list[tuple[str, str]] = []
    translit: list[tuple[str, str]] = []

    def langmap(path: str, values: dict[str, str] | None) -> None:
        for lang, text in (values or {}).items():
            if _latin_lang(lang):
                out.append((f"{path}.{lang}", text))

    langmap("title", article.title)
    langmap("subtitle", article.subtitle)
    langmap("issue_title", article.issue_title)
    langmap("funding_statement", article.funding_statement)
    # the abstract, keywords and the article's statements: prose, checked for scripts and
    # never read as transliterations
    for name in ("abstract", "keywords", "acknowledgements", "competing_interests",
                 "data_availability"):  # fmt: skip
        for lang, items in getattr(article, name).items():
            if _latin_lang(lang):
                out.extend((f"{name}.{lang}[{i}]", item) for i, item in enumerate(items))
    for index, person in enumerate(article.authors):
        names = person.name or {}
        # (a Latin form of a Ukrainian name is not a Russian transliteration)
        russian = reads_as_russian(
            [
                (declared_language(lang, article.language), _whole_name(name))
                for lang, name in names.items()
            ]
        )
        for lang, name in names.items():
            if _latin_lang(lang):
                for part in ("surname", "given"):
                    value = getattr(name, part)
                    if value:
                        item = (f"authors[{index}].name.{lang}.{part}", value)
                        out.append(item)
                        if russian:
                            translit.append(item)
        langmap(f"authors[{index}].collab", person.collab)
    for index, aff in enumerate(article.affiliations):
        langmap(f"affiliations[{index}].institution", aff.institution)
        langmap(f"affiliations[{index}].department", aff.department)
        langmap(f"affiliations[{index}].city", aff.city)
        langmap(f"affiliations[{index}].state", aff.state)
        if aff.postal_code:  # in Latin letters and digits in every country ('WC1E 6BT')
            out.append((f"affiliations[{index}].postal_code", aff.postal_code))
    for index, ref in enumerate(article.references):
        texts = ref.text or {}
        originals = [
            (declared_language(lang, article.language), text)
            for lang, text in texts.items()
            if not _latin_lang(lang)
        ]
        # An original given as parts tells the language too, as its element-citation tells the
        # rsci check in the JATS: a Ukrainian work's Latin form (Istoriia) is no Russian one.
        parts = " ".join(filter(None, [*ref.authors, ref.title, ref.source]))
        if scripts.has_cyrillic(parts):
            originals.append((declared_language(ref.lang, article.language), parts))
        russian = reads_as_russian(originals)
        for lang, text in texts.items():
            if _latin_lang(lang):
                item = (f"references[{index}].text.{lang}", text)
                out.append(item)
                if russian and (originals or russian_transliteration(text, ref.lang)):
                    translit.append(item)
        # English translations, written into the Latin form and the JATS's trans-title: checked
        # for scripts, as ``check`` checks them there, and never read as transliterations
        for name in ("title_en", "source_en"):
            value = getattr(ref, name)
            if value:
                out.append((f"references[{index}].{name}", value))
    return out, translit


def _whole_name(name: PersonName) -> str:
    return " ".join(filter(None, (name.surname, name.given)))


def text_fields(article: Article) -> Iterator[tuple[str, str]]:
    """Every text of the article as (field path, text), in any language."""

    def walk(value: object, path: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, f"{path}[{index}]")

    yield from walk(article.model_dump(exclude_none=True), "")


def misdecoded_findings(path: str, text: str) -> list[Finding]:
    """Words of ``text`` decoded wrongly before: mis-read encodings, entities left as text
    (``converter.misdecoded``)."""
    return [
        Finding(
            "misdecoded",
            "error",
            f"mis-decoded text: {one}",
            path,
            word=one.word,
        )
        for one in misdecoded.misreadings(text)
    ]


def check_article(article: Article, scheme: str | None = None) -> list[Finding]:
    """Check an article's texts for mis-decoded words, and its Latin-script fields for scripts
    and the transliteration scheme; ``scheme`` defaults to the journal's."""
    if scheme is None and isinstance(article.journal, Journal):
        scheme = article.journal.russian_scheme
    found = [one for path, text in text_fields(article) for one in misdecoded_findings(path, text)]
    texts, transliterated = _as_written(article)
    # A word mixing scripts is an error in a field of any script ('Арктикe' in a Russian
    # title), as check's script-mixed-words finds it in any element; the Latin-script fields
    # are named by check_texts.
    latin = {path for path, _ in texts}
    for path, text in text_fields(article):
        if path not in latin and scripts.has_cyrillic(text):
            found.extend(mixed_findings(path, text, latin_field=False))
    return found + check_texts(texts, scheme, transliterated)


def _as_written(article: Article) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """``latin_fields`` of the article as ``convert`` writes it, limited to the texts the input
    gives. A Cyrillic reference, name or group typed plain in an English article (filed under
    ``en``) is written as its ru/uk original (``converter.enrich``), beside a derived Latin form
    when the journal names a scheme: judged as the input filed it, it was called Cyrillic in a
    Latin-script field, which convert never writes. The derived forms themselves are left out:
    no input field holds them. Only the transliteration is done, not the parse of references,
    which reads no text differently."""
    from converter.enrich import enrich

    journal = article.journal
    if not isinstance(journal, Journal):
        return latin_fields(article)
    plain = journal.model_copy(update={"structure_references": False})
    written = enrich(article.model_copy(update={"journal": plain}))
    given = dict(latin_fields(article)[0])
    texts, transliterated = latin_fields(written)
    return (
        [(path, text) for path, text in texts if given.get(path) == text],
        [(path, text) for path, text in transliterated if given.get(path) == text],
    )
