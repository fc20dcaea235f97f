"""An author or editor span → a list of ``"Surname, Given"`` (or None when it cannot be read).

The span is what the labeller marked, in any of the orders reference styles use: "Иванов И. И.,
Петров П. П.", "Smith, J. A., & Brown, B.", "Smith JA, Brown B", "J. P. Collman, J. P. Brauman
et J. L. Sessler", "Smith, John A., and Bob Brown", "Derrida, Jacques", "Иванов И.И. Петров П.П."
(no commas). A word that is neither a name nor an initial (a lower-case word that is no particle,
a number) makes the whole span unreadable: the caller then leaves the reference unstructured
rather than write a wrong person.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import filterfalse
from typing import TypeVar

from converter import lazy_re
from converter.citations.lexicon import GIVEN_NAMES
from converter.text import BODY_WORDS, NAME_PARTICLES, NAME_SUFFIXES

# ('ѐ', 'Ѐ': written for 'ё' in some lists: 'Скобѐлкина'; Ukrainian І Ї Є Ґ: 'Євтушенко Р. І.')
_UP = "A-ZА-ЯЁІЇЄҐЀÀ-ÖØ-ÞĀ-ſ"
_LO = "a-zа-яёіїєґѐß-öø-ÿĀ-ſ\u0300-\u036f"  # with combining marks: ALA-LC's 'T͡s', 'I͡u'
# a transliterated initial in capitals, as lists converted from Cyrillic write them: 'G.YU.',
# 'I.YA.', 'SHCH.' (Ю, Я, Щ)
_CAPITAL_DIGRAPH = r"(?:SHCH|[ZKCS]H|TS|Y[AEOU])\."
# one to three initials: 'И.', 'И.И.', 'Yu.', 'J.-P.', 'Ал.Б.', 'Shch.' (Щ transliterated)
_INITIALS = lazy_re.compile(
    rf"^(?:[{_UP}][{_LO}]{{0,2}}\.\s?-?|Shch\.\s?|{_CAPITAL_DIGRAPH}\s?-?){{1,3}}$"
)
_CAPITAL_DIGRAPH_WORD = lazy_re.compile(rf"{_CAPITAL_DIGRAPH}$")
# Vancouver's undotted initials after a surname: 'JA', 'B', and transliterated Russian ones
# whose letters are digraphs ('YuA', 'ZhK', 'EYu'; at least two initials, so that a name such
# as 'Yu' stays a name)
_BARE_PIECE = r"Shch|[ZKCS]h|Ts|Y[aeou]"
_BARE_INITIALS = lazy_re.compile(
    rf"^(?:[{_UP}]{{1,3}}|(?=\S*(?:{_BARE_PIECE}))(?:{_BARE_PIECE}|[{_UP}]){{2,3}})$"
)
_BARE_LETTERS = lazy_re.compile(rf"{_BARE_PIECE}|[{_UP}]")
_NAME_WORD = lazy_re.compile(
    rf"^(?:[{_UP}][{_UP}{_LO}'’ʹʼ]*[{_LO}]|[{_UP}]{{2,}}|[{_UP}]['’][{_UP}][{_UP}{_LO}]*)"
    rf"(?:[-'’][{_UP}{_LO}][{_UP}{_LO}'’ʹʼ]*)*\.?$"
    r"|^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,}$"  # CJK and Hangul names, whole
)
_PARTICLES = NAME_PARTICLES
_ETAL = lazy_re.compile(
    r"(?:,?\s*(?:\[\s*(?:и\s+др|та\s+ін)\.?\s*\]|и\s+др\.?|та\s+ін\.?|et\s+all?\.?|(?<!\w)et\.\s*al\.?|(?<!\w)etal\.?|and\s+others|(?<!\w)u\.\s?a\.|(?<![\w.])(?-i:e\.\s?a\.))|\s*\.\.\.)[\s.]*$",
    re.I,
)
_ETAL_HINTS = ("al", "др", "ін", "other", "u.", "...", "e.a", "e. a")
# (the hints as one pattern: a search in C, where a loop over them took 0.3 µs more)
_ETAL_HINT = lazy_re.compile("|".join(map(re.escape, _ETAL_HINTS)))
# 'von' leads a span as German 'by' ('von Hans Müller'), but is a particle before a surname
# and its initials ('von Neumann J.', 'von Neumann, J.'): only the first is cut.
_LEAD = lazy_re.compile(
    r"^\s*(?:/|by\s|von\s(?!(?-i:[A-ZÄÖÜ]\S*,?\s+[A-ZÄÖÜ](?:\.|[A-Z]{0,2}\b)))|авт\.?:?)\s*",
    re.I,
)
_EDITOR_WORDS = lazy_re.compile(
    r"\((?:eds?|edd|hrsg|hgg?|éds?|dirs?|coords?|comps?|compilador(?:es)?|red|ред|отв\.\s*ред|"
    r"сост)\.?\)|"
    # ('ED.', 'EDS' in capitals are Vancouver initials: 'Adamson ED.')
    r"(?<![\w'’ʼʹ-])(?:ed\.\s+by|(?-i:[Ee]ds?\.|[Ee]ds(?=,|$))|edd\.|edited\s+by|editors?|hrsg\.|"
    r"hgg?\.|"
    r"éds?\.|dir\.|trans\.|transl\.|translated\s+by|"
    r"под\s+(?:общ\.\s+|науч\.\s+|общей\s+|научной\s+)?ред(?:\.|акцией)|отв\.\s*ред\.|"
    # (Ukrainian: 'за ред.', 'за заг. ред.', 'відп. ред.', 'упоряд.')
    r"за\s+(?:заг\.\s+|наук\.\s+)?ред\.|відп\.\s*ред\.|упоряд\.|"
    r"сост\.|проф\.|акад\.|in:?)(?=\s|$|[,.;:])|^\s*(?:in|в)\s*:",
    re.I,
)
_CJK = lazy_re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,}$")
_WORDS = lazy_re.compile(r"\s+|(?<=\.)(?=[^\s.,-])")
_DOT_IN_WORD = lazy_re.compile(r"\.[^\s.,-]")  # where _WORDS splits other than at whitespace
_LEADING_AND = lazy_re.compile(r"^(?:and|&|и|et|und|y)\s+", re.I)
_AND_INITIALS = "aA&иИeEuUyY"  # the letters _LEADING_AND begins with
_AND = lazy_re.compile(r"\s+(?:and|AND|And|&|и|et|und|y)\s+|\s*;\s*|\s*&\s*")


# a comma or what _AND splits at: the same cuts as r"\s*,\s*|" + _AND.pattern (a comma,
# semicolon and '&' share one alternative), in two thirds of the time. Written to begin with
# one character of a set, so that re skips to the next such character in C: the same cuts as
# r"\s*[,;&]\s*|\s+(?:and|AND|&|и|et|und|y)\s+" (a separator with the whitespace around it,
# or a joining word between whitespace; \s and [,;&] share no character, so neither form
# backtracks), in half the time of that
_ITEMS = lazy_re.compile(r"[\s,;&](?:(?<=[,;&])\s*|\s*[,;&]\s*|\s*(?:and|AND|And|&|и|et|und|y)\s+)")
_CYRILLIC = lazy_re.compile("[А-Яа-яЁё]")

# A reference that begins with a mark standing for the authors of the reference before it:
# the dashes of Chicago and MLA ('———.', '---.', '⸻.', '______.') and GOST's and Latin's
# words for 'the same' ('Он же.', 'Её же.', 'Их же.', 'Idem.', 'Eadem.'), with the full stop,
# comma or colon after it (a comma: the first author only, co-authors follow: '--, and T. H.
# Jagger, 2004:', as AMS journals write it).
SAME_AUTHORS = lazy_re.compile(
    r"\s*(?:[-‐‑‒–—―_]{2,}|[⸺⸻]|(?i:(?:он|она|оно|они|его|её|ее|их)\s+же|idem|eadem|iidem|"
    r"eidem|eaedem)(?![\w-]))\s*(?P<after>[.,:]?)\s*"
)
# ... and GOST's and Latin's 'in the same' for the source of the reference before: '// Там
# же. 2002. № 4.', 'ibid, p. 487.'
IBID = lazy_re.compile(r"(?i)(?<![\w-])(?:там\s+же|ibidem|ibid)(?![\w-])")


def has_russian_letters(text: str) -> bool:
    """Whether ``text`` holds a letter of the Russian alphabet. (An ASCII text is answered from
    the flag CPython keeps with it, without the regex looking at each character.)"""
    return not text.isascii() and _CYRILLIC.search(text) is not None


_DOT_GLUED = lazy_re.compile(r"\.(?=[^\s.-])")  # compiled once: re's cache costs ~1 µs a call
# a Russian patronymic ('Григорьевич', 'Ильич', 'Борисовна', 'Кузьминична')
_PATRONYMIC = lazy_re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґ]+(?:вич|вна|ьич|чна)$")
_SHORT_SURNAME = lazy_re.compile(rf"[{_UP}][{_LO}]{{2,}}\.")
_TWO_LETTER_SURNAME = lazy_re.compile(rf"[{_UP}][{_LO}]\.")
# a full stop typed twice ('Беляева А.В..,'; not an ellipsis)
_DOUBLE_STOP = lazy_re.compile(r"(?<!\.)\.\.(?!\.)")
# PDF text extraction moves the space before a full stop or comma: 'Rykoff ,E .S .et al.',
# 'Komatsu,E .& Seljak ,U' ('...' stays an ellipsis)
_SPACE_BEFORE = lazy_re.compile(r"\s+([.,;:])(?!\.)(\s*)")
# ... and glues 'and' to the next name ('andT. Neupert', 'etK. OGASAWARA', 'andHaglin') or a
# surname to its initial ('MacchiavelliA O', 'JenkinsA .,'): a lower-case letter before a
# capital that ends the word
_CAPITAL = "A-ZА-ЯЁІЇЄҐÀ-ÖØ-Þ"  # (the Latin Extended-A range of _UP holds small letters too)
# a small letter before a capital: the cheap test before the two below
_GLUED_HINT = lazy_re.compile(rf"[a-zß-öø-ÿа-яёіїєґ][{_CAPITAL}]")
_GLUED = lazy_re.compile(
    # ('JenkinsA', and before the initial's full stop 'БобковВ.В.', 'ZagorulkoYu.I.': not
    # 'MacDonald.', whose capital is not an initial)
    rf"(?<![\w'’-])([{_CAPITAL}][a-zß-öø-ÿа-яёіїєґ]{{2,}})"
    rf"([{_CAPITAL}](?:(?=\s|$)|[a-zа-яёіїєґ]?(?=\.)))"
    rf"|(?<![^\s,])(and|et|und)(?=[{_CAPITAL}])"
)
# Vancouver's hyphenated initials: 'Bandelt H-J', 'Schleuning W-D'
_BARE_HYPHENED = lazy_re.compile(rf"^[{_UP}]-[{_UP}]$")
_SINGLE_CAPITAL = lazy_re.compile(rf"^[{_UP}]$")
# hyphenated initials as lists type them: 'J. -F. Zhang' ('J.-F.'), 'K-G.Doh' ('K.-G.')
_SPACED_HYPHEN = lazy_re.compile(rf"(?<=(?<![\w'’-])[{_UP}]\.)\s+-\s*(?=[{_UP}]\.)")
_UNDOTTED_HYPHEN = lazy_re.compile(rf"(?<![\w'’.-])([{_UP}])-([{_UP}])\.")
# two words run together: 'CopelandEvolution', 'DengkuanLiu' (not 'MacDonald', 'DeSalvo')
_GLUED_WORDS = lazy_re.compile(r"[a-zß-öø-ÿ]{4}[A-ZÀ-ÖØ-Þ]")
_PROPER = lazy_re.compile(rf"^[{_UP}][{_LO}'’-]+$")  # 'Damsté', not 'AB' (initials) nor 'JOHN'
# Words of an institution's name: with no initials beside them, an author span holding one
# is a body (written whole when it ends in one, see _GROUP_ITEM) or a title read as people
# ('COMMISSION ON ENHANCING NATIONAL CYBERSECURITY'), never a person named 'Cybersecurity'.
# ('Bureau Y', 'Parliament M' are people: Vancouver surnames with their initials.)
# (a power plant's 'АЭС'/'NPP' ends a body's name, not a person's initials: 'Нововоронежская
# АЭС' was read as 'Нововоронежская, А. Э. С.')
_BODY_WORDS = BODY_WORDS + "|government|headquarters|division|аэс|npp"
_BODY_WORD = lazy_re.compile(rf"(?i)^(?:{_BODY_WORDS})\.?$")

# a group among the authors, up to the comma after it: 'LHCb collaboration', 'CKMfitter group',
# 'Virgo and LIGO Scientific collaborations' (the 'and' is the group's)
_GROUP_ITEM = lazy_re.compile(
    r"^(?:(?i:on\s+behalf\s+of\s+)?(?i:the)\s+)?"
    r"(?:(?:[A-ZА-ЯЁІЇЄҐ0-9][\w.&'’-]*|and|of|for|on|the|&)\s+){1,6}?"
    rf"(?i:collaborations?|consortium|group|team|investigators|committee|{_BODY_WORDS})$"
)
# a former surname in brackets after the surname, as Russian lists print it ('Лубягина (Орлова)
# И. В.', 'Lubyagina (Orlova) I. V.'): the name the work was published under is the first
_FORMER_SURNAME = lazy_re.compile(
    rf"(?<=[{_LO}])\s*\(\s*[{_UP}][{_LO}]+\s*\)(?=\s+[{_UP}][{_LO}]?\.)"
)
_SEGMENTS = lazy_re.compile(r"\s*[,;]\s*")
# One person written surname first, before one or two initials one space apart: 'Иванов И.
# И.', 'Smith J.'. ``_people`` reads such an item as 'Surname, I. I.' through all its steps,
# also among others like it ('Иванов И. И., Петров П.'): no rule there applies to it (the
# surname is a name word, the initials are initials, none is alone, nothing waits for given
# names, an 'et al.' was cut before), so a list of such items alone is answered at once,
# without the word lists and rules (half the time of an author list; 44 % of the Russian and
# 5 % of all author lists of bench/labeller_identical.py's references are such). The surnames
# 'And', 'Et', 'Und' lose their first word to _LEADING_AND there and are left to the rules.
# The initials may also be written without the space ('Иванов И.И.'): the rules split them into
# the same words ('И.', 'И.'), so they read the same person.
_SURNAME_INITIALS = lazy_re.compile(
    r"(?!(?:And|Et|Und) )([A-Z][a-z]+|[А-ЯЁІЇЄҐ][а-яёіїєґ]+) "
    r"([A-ZА-ЯЁІЇЄҐ]\.(?: ?[A-ZА-ЯЁІЇЄҐ]\.)?)"
)
# ... and a whole span of one such person goes through split_people's first steps unchanged
# too, but where the surname is a word they cut ('By', 'Von', 'Авт…' of _LEAD; 'In',
# 'Editor', 'Editors' of _EDITOR_WORDS) or the initials are 'U. A.' ('und andere', _ETAL)
_ONE_PERSON = lazy_re.compile(
    r"(?!(?:And|Et|Und|By|Von|In|Editors?) |Авт)([A-Z][a-z]+|[А-ЯЁІЇЄҐ][а-яёіїєґ]+) "
    r"(?!U\. ?A\.\Z)([A-ZА-ЯЁІЇЄҐ]\.(?: ?[A-ZА-ЯЁІЇЄҐ]\.)?)"
)
# every match of _EDITOR_WORDS holds one of these, in lower case (a cheap test first)
_EDITOR_HINT = lazy_re.compile(r"\(|ed|hrsg|hg|éd|dir|trans|под|отв|сост|проф|акад|in|ред|упоряд")
# (searched in the lower-cased span)
_GROUP_HINT = lazy_re.compile(
    rf"collaboration|consortium|group|team|investigators|committee|{_BODY_WORDS}"
)
# ... but a person whose surname is such a word is no group: 'D. Bourilkov and R.C. Group'
_PERSON_IN = lazy_re.compile(rf"(?:^|\s)(?:[{_UP}][{_LO}]?\.\s?-?)+[{_UP}][{_LO}]")
_ON_BEHALF = lazy_re.compile(r"^(?:on\s+behalf\s+of|for)\s+", re.I)
# 'Jr.', 'III' and the like: a name here has no place for them, and they go (as 'et al.' does)
_SUFFIXES = NAME_SUFFIXES
_SUFFIX_ITEMS = _SUFFIXES | {"JR", "SR"}  # after a whole person, not 'Gilder, JR' (J. R.)
# Korean and Chinese lists separate names by full stops: '서지원.양진운', '夏昌世. 莫伯治'
_CJK_LIST = lazy_re.compile(
    r"^(?:[\uac00-\ud7af]{3}|[\u3400-\u9fff]{2,3})"
    r"(?:\s?[.·・]\s?(?:[\uac00-\ud7af]{3}|[\u3400-\u9fff]{2,3}))+$"
)  # (three syllables a Korean name, two or three characters a Chinese one)
_CJK_SEPARATOR = lazy_re.compile(r"\s?[.·・]\s?")


_T = TypeVar("_T")


class Memo(dict[str, _T]):
    """A word's (or a span's) answers, each computed on first sight. (A dict, not lru_cache: a hit
    is one look-up in C, and the entries are nothing the garbage collector has to visit, where
    lru_cache links a list per word: a fifth of the collector's time while new words came.)"""

    def __init__(self, test: Callable[[str], _T]) -> None:
        super().__init__()
        self.test = test

    def __missing__(self, word: str) -> _T:
        if len(self) >= 16384:
            self.clear()
        found = self[word] = self.test(word)
        return found


def _initials(word: str) -> bool:
    return bool(_INITIALS.match(word))


_is_initials = Memo(_initials).__getitem__


def _given_word(word: str) -> str:
    if "-" in word and _BARE_HYPHENED.match(word):
        return f"{word[0]}.-{word[2]}."  # 'H-J' → 'H.-J.'
    if _BARE_INITIALS.match(word):
        return " ".join([f"{ch}." for ch in _BARE_LETTERS.findall(word)])  # 'JA' → 'J. A.'
    if _CAPITAL_DIGRAPH_WORD.match(word):
        return word.capitalize()  # 'YU.' → 'Yu.', as the name is written
    return _DOT_GLUED.sub(". ", word)  # 'И.И.' → 'И. И.'; 'J.-P.' stays


_given_words = Memo(_given_word).__getitem__


def _given_out(words: list[str]) -> str:
    return " ".join(map(_given_words, words))


AMBIGUOUS_NONE = True


def _person(
    words: list[str], latin_order: bool, listed: list[list[str] | None], alone: list[bool]
) -> str | None:
    """One person from its words (a surname and initials or given names, either order);
    ``listed`` and ``alone`` are the words of the list's items and which are initials alone."""
    inits = [*filter(_is_initials, words)]  # (filter: the tests are called from C)
    names = [w.rstrip(".") for w in filterfalse(_is_initials, words)]
    if not names:
        return None
    if names[-1] in _PARTICLES:
        return None  # 'van', 'al' end no name: 'M. Ambrosioet . al.'
    if inits:
        # initials before or after the surname; the surname is the name words
        if _is_initials(words[0]) and len(names) > 1:
            core = [n for n in names if n.lower() not in _PARTICLES]
            if len(core) > 2 or any(len(n) < 3 for n in core):
                return None  # 'C. Giunti, J. High Energy Phys.', 'V. YA SHTERN'
            if len(core) == 2 == len(names):
                # 'I. Name Name': a middle name ('W. Bruce Croft', 'J. Bradley Chen and Brian
                # N. Bershad') or a surname of two words ('F. Dalla Piazza', 'S. L. Peyton
                # Jones'); undecided, the span is not read
                if names[0].lower() in GIVEN_NAMES or _natural(listed, alone):
                    return f"{names[1]}, {_given_out(inits)} {names[0]}"
                if AMBIGUOUS_NONE:
                    return None
        surname = " ".join(names)
        return f"{surname}, {_given_out(inits)}"
    if len(names) >= 2 and (
        (_BARE_INITIALS.match(names[-1]) and len(names[-1]) <= 3) or _BARE_HYPHENED.match(names[-1])
    ):
        # Vancouver: 'Smith JA', 'Bandelt H-J', a surname of two words 'Sinninghe Damsté JS'
        surname = [n for n in names[:-1] if n.lower() not in _PARTICLES]
        if len(surname) > 2 or all(n in _PARTICLES for n in names[:-1]):
            return None  # 'van EM': the surname was lost ('Le M', 'Du QS' are surnames)
        if len(surname) == 2 and not all(map(_PROPER.match, surname)):
            return None
        if len(surname) == 2 and any(w.endswith(".") for w in words[:-1]):
            return None  # 'Nucl.Phys.B': an abbreviated journal name
        return f"{' '.join(names[:-1])}, {_given_out(names[-1:])}"
    if len(names) == 1:
        return names[0]  # a surname alone (its given names may follow after a comma)
    if any(map(_BODY_WORD.match, names)):
        return None  # 'COMMISSION ON ENHANCING NATIONAL CYBERSECURITY': no person

    if all(n.lower() in _PARTICLES for n in names[:-1]):
        return " ".join(names)  # 'van der Mast': one surname, its given names follow
    if latin_order:
        particles = 0
        while len(names) - particles - 2 >= 0 and names[-2 - particles].lower() in _PARTICLES:
            particles += 1
        cut = len(names) - 1 - particles
        return f"{' '.join(names[cut:])}, {' '.join(names[:cut])}"
    if len(names) == 3 and _PATRONYMIC.match(names[1]) and not _PATRONYMIC.match(names[2]):
        return f"{names[2]}, {names[0]} {names[1]}"  # 'Владимир Григорьевич Шухов'
    return f"{names[0]}, {' '.join(names[1:])}"


def _name_word(word: str) -> bool:
    if word.endswith(("'s", "’s", "'s.", "’s.")):
        return False  # a possessive ('Japan’s Arctic Policy') is no name's word
    return bool(
        _is_initials(word)
        or _NAME_WORD.match(word)
        or word.lower() in _PARTICLES
        or _BARE_INITIALS.match(word)
        or _BARE_HYPHENED.match(word)
    )


_word_ok = Memo(_name_word).__getitem__


def _full_stop_after_name(text: str) -> bool:
    """Whether the final full stop ends a name: 'Smith J. A. Brown.', 'С. Х. Пак.', 'and
    Soo-Jin Kim.' (a short surname after initials or a given name, which alone would look like
    an initial), not 'Smith J. A.'."""
    words = text.split()
    last = words[-1].lstrip(",")
    if not _is_initials(last):
        return True
    if len(words) < 2:
        return False
    if _SHORT_SURNAME.fullmatch(last) is not None:
        return _is_initials(words[-2].rstrip(",")) or not words[-2].endswith(",")
    # 'W. Li.', 'E. M. Lee & Y. J. Oh.': two letters after initials, in a list that writes
    # initials first (in 'Ivanov, A. Yu.' or 'Petrov A. Yu.' they are the second initial),
    # the initials after a separator (in '… J. K. KOCHI. J. Am.' a journal follows a full stop)
    if not (_TWO_LETTER_SURNAME.fullmatch(last) and _is_initials(words[0])):
        return False
    first = len(words) - 1
    while first and _is_initials(words[first - 1]):
        first -= 1
    return first < len(words) - 1 and (first == 0 or not words[first - 1].endswith("."))


def _moved_space(match: re.Match[str]) -> str:
    return match.group(1) + (match.group(2) or " ")


def _tidy(text: str, glued: bool) -> str:
    """The span with the damage of PDF text extraction undone: spaces moved before full stops
    and commas, 'and' glued to the next name, a surname glued to its initial."""
    if glued:
        text = _GLUED.sub(_unglued, text)  # before the spaces move: 'JenkinsA .,'
    if " ." in text or " ," in text or " ;" in text or " :" in text:
        text = _SPACE_BEFORE.sub(_moved_space, text)
    if "-" in text:
        text = _SPACED_HYPHEN.sub("-", _UNDOTTED_HYPHEN.sub(r"\1.-\2.", text))
    if ".." in text:
        text = _DOUBLE_STOP.sub(".", text)  # 'Беляева А.В.., Грачев А.Ф.' (not '...')
    return text


def _unglued(match: re.Match[str]) -> str:
    return f"{match.group(1)} {match.group(2)}" if match.group(1) else f"{match.group(3)} "


def ends_with_etal(span: str) -> bool:
    """Whether the list closes with 'et al.', 'и др.', 'and others', 'u. a.' or '...': the
    people read are not all of them (JATS writes <etal/> after them)."""
    text = span.strip(" ,;:()–—")
    start = max(0, len(text) - 40)
    # every match holds one of these, in any case (casefold: as the pattern's ignored case
    # reads 'ᲁ' as 'д'): a cheap test that rules out most lists
    if not _ETAL_HINT.search(text[start:].casefold()):
        return False
    return _ETAL.search(text, start) is not None


def split_people(span: str) -> list[str] | None:
    """``"Surname, Given"`` for each person of an author or editor span, a group ('LHCb
    collaboration') as written; None if unreadable."""
    if one := _ONE_PERSON.fullmatch(span):
        return [_surname_initials(one)]  # (see _ONE_PERSON)
    glued = _GLUED_HINT.search(span) is not None
    text = _tidy(_LEAD.sub("", span), glued)
    low = text.lower()
    if _EDITOR_HINT.search(low) or low.lstrip().startswith("в"):
        text = _EDITOR_WORDS.sub(" ", text)  # (the words every match holds: a cheap test)
    if "[" in text:
        text = text.replace("[", " ").replace("]", " ")
    if "(" in text:
        text = _FORMER_SURNAME.sub("", text)  # 'Лубягина (Орлова) И. В.': the surname before
    if not _GROUP_HINT.search(low):
        return _people(text, glued)
    segments = _SEGMENTS.split(text)
    if not any(_is_group(g) for g in segments):
        return _people(text, glued)
    # groups are written whole; the people between them are read as a list of their own
    people: list[str] = []
    run: list[str] = []
    for segment in [*segments, None]:
        group = segment is not None and _is_group(segment)
        if segment is not None and not group:
            run.append(segment)
            continue
        if run and any(r.strip(" .") for r in run):
            found = _people(", ".join(run), glued)
            if found is None or any("," not in one for one in found):
                return None  # 'VIRGO, LIGO Scientific collaboration': a name alone by a group
            people.extend(found)
        run = []
        if group and segment is not None:
            name = _ON_BEHALF.sub("", _LEADING_AND.sub("", segment.strip(" .")))
            parts = _AND.split(name)
            # 'LIGO Scientific Collaboration and Virgo Collaboration': two groups (but 'Virgo
            # and LIGO Scientific collaborations' is one name)
            people.extend(parts if all(_is_group(g) for g in parts) else [name])
    return people or None


def _is_group(segment: str) -> bool:
    """'LHCb collaboration', 'The PDP research group' (not 'D. Bourilkov and R.C. Group')."""
    segment = segment.strip(" .")
    return bool(_GROUP_ITEM.match(segment)) and not _PERSON_IN.search(segment)


def _people(text: str, glued: bool) -> list[str] | None:
    text = text.strip(" ,;:()–—")
    # ('et al.' ends the text: a cheap test of its end first, and the scan starts near it)
    end = text[-24:].lower()
    if _ETAL_HINT.search(end):
        etal = _ETAL.search(text, len(text) - 40)
        if etal:
            text = text[: etal.start()]
    text = text.strip(" ,;:")
    if text.endswith(".") and _full_stop_after_name(text):
        text = text[:-1]  # a full stop after a name, not an initial's
    if not text:
        return None
    if not glued and (one := _SURNAME_INITIALS.fullmatch(text)):
        return [_surname_initials(one)]  # (see _SURNAME_INITIALS)
    cyrillic = has_russian_letters(text)
    items: list[str] = []
    for raw in _ITEMS.split(text):
        item = raw.strip() if raw else ""
        if item[:1] in _AND_INITIALS and item[:1]:
            item = _LEADING_AND.sub("", item)
        if not item:
            continue
        if item[0] >= "\u3040" and _CJK_LIST.match(item):
            items.extend(_CJK_SEPARATOR.split(item))  # '서지원.양진운': two people
        else:
            items.append(item)
    if glued and _GLUED_WORDS.search(text):
        return None  # 'E. J. CopelandEvolution': a name run into a title word
    if not glued and (simple := _simple_list(items)) is not None:
        return simple
    listed: list[list[str] | None] = []  # the words of each item (None: a CJK name, whole)
    alone: list[bool] = []  # whether the item is initials alone ('Hunt, K.')
    for item in items:
        if item[0] >= "\u3040" and _CJK.match(item):
            listed.append(None)
            alone.append(False)
            continue
        # (without a full stop before a letter, only whitespace splits: str.split, 3x faster)
        parts = _WORDS.split(item) if _DOT_IN_WORD.search(item) else item.split()
        # (the items were cut at every comma: their words hold none)
        words = parts if all(parts) else [w for w in parts if w]
        if not words:
            return None
        if len(words) > 1 and not _SUFFIXES.isdisjoint(words):
            # 'Kingma JG Jr', 'Guy L. Steele Jr.' (not 'Jr. Smith')
            words = [words[0], *(w for w in words[1:] if w not in _SUFFIXES)]
        if len(words) == 1 and words[0] in _SUFFIX_ITEMS:
            listed.append(words)  # 'Hammer, J. A., 3rd': gone below, after a whole person
            alone.append(False)
            continue
        if min(map(len, words)) == 1:
            words = _dotted_run(words)
        if not all(map(_word_ok, words)):
            return None
        listed.append(words)
        alone.append(all(map(_is_initials, words)))
    alone.append(False)

    people: list[str] = []
    pending: str | None = None  # a surname alone, waiting for its given names
    for k, item in enumerate(items):
        words_or_none = listed[k]
        if words_or_none is None:
            if pending is not None:
                if _BARE_INITIALS.match(pending) or _BARE_HYPHENED.match(pending):
                    return None  # 'PA, Hicks RE': initials whose surname was cut, no person
                people.append(pending)
                pending = None
            people.append(item)  # CJK and Hangul names are written whole
            continue
        words = words_or_none
        if len(words) == 1 and words[0] in _SUFFIX_ITEMS:
            if pending is None and people:
                continue  # 'P. E. ELLIS, JR., R. D. JONES': the suffix of the person before
            if pending is not None and words[0] in _SUFFIXES:
                continue  # 'Guerney, Jr., B. G.': the suffix of the surname waiting
            if not _word_ok(words[0]):
                return None  # '3rd' after a surname alone
        next_initials = alone[k + 1]
        if pending is not None and _initials_then_name(words):
            if next_initials:
                # 'Bedford, H. Petticrew, M.': a comma missing after the initials
                cut = len(words) - 1
                people.append(f"{pending}, {_given_out(words[:cut])}")
                pending = words[cut].rstrip(".")
                continue
            if any(alone):
                # 'Dorrer, C.Interferometric', 'Saitoh ,E .Nature': a title word after the
                # initials of the last person of a list whose given names are initials
                return None
            if sum(ws is not None and _initials_then_name(ws) for ws in listed) > 1:
                # 'Liu, B. Zhang, L. L. Shen': the surname alone is a person of its own (its
                # initials were cut), as every other one is written 'B. Zhang'
                if _BARE_INITIALS.match(pending) or _BARE_HYPHENED.match(pending):
                    return None  # 'PA, Hicks RE': initials whose surname was cut, no person
                people.append(pending)
                pending = None
        all_given = all(map(_is_initials, words)) or (
            pending is not None
            and all(_is_initials(w) or _NAME_WORD.match(w) for w in words)
            and len(words) <= 3
            and not any(w.isupper() and len(w) > 3 for w in words)
            # 'Hocher B, Thone-Reineke, Rohmeiss P': a Vancouver name of its own
            and not (
                len(words) > 1 and _BARE_INITIALS.match(words[-1]) and not _is_initials(words[-2])
            )
        )
        if pending is not None and all_given and not (" " in pending and _natural(listed, alone)):
            # (in 'Qing-Yuan Zhao, Di Zhu, Andrew Dane' 'Di Zhu' waits for no given name)
            people.append(f"{pending}, {_given_out(words)}")
            pending = None
            continue
        if pending is not None:
            if _BARE_INITIALS.match(pending) or _BARE_HYPHENED.match(pending):
                return None  # 'PA, Hicks RE': initials whose surname was cut, no person
            people.append(pending)
            pending = None
        if (
            not cyrillic
            and 3 <= len(words) <= 4
            and not _is_initials(words[0])
            and all(map(_is_initials, words[1:-1]))
            and not _is_initials(words[-1])
            # two initials after a known given name only: 'Ivanov I. I. Title' is a surname,
            # its initials and the title's first word
            and (len(words) == 3 or words[0].lower() in GIVEN_NAMES)
        ):
            # 'and Peter J. Clark', 'Manuel M. T. Chakravarty': one person, given names first
            # (Chicago, MLA)
            people.append(f"{words[-1].rstrip('.')}, {words[0]} {_given_out(words[1:-1])}")
            continue
        if next_initials and len(words) > 1 and not any(map(_is_initials, words)):
            # 'Pauchy Hwang, W.Y.', 'del Toro Iniesta, J. C.': a surname of several words
            pending = " ".join(w.rstrip(".") for w in words)
            continue
        # one item may hold several people when commas are missing: 'Иванов И.И. Петров П.П.'
        group: list[str] = []
        seen_name = seen_init = False
        for word in words:
            is_init = _is_initials(word)
            if (
                group
                and not is_init
                and seen_name
                and seen_init
                and (_is_initials(group[-1]) or group[-1].endswith("."))
            ):
                # a name after 'Surname I.' begins the next person; after 'I. Surname' it is
                # the same surname's ('F. Dalla Piazza', 'S. L. Peyton Jones')
                one = _person(group, not cyrillic, listed, alone)
                if one is None:
                    return None
                people.append(one)
                group, seen_name, seen_init = [], False, False
            elif group and is_init and seen_name and seen_init and not _is_initials(group[-1]):
                # 'J. P. Collman J. R. Budge': initials after a finished 'I. Surname'
                if group[-1].endswith("and"):
                    return None  # 'D. J.Grossand J . H.Sloan': 'and' glued, or 'Holland'?
                one = _person(group, not cyrillic, listed, alone)
                if one is None:
                    return None
                people.append(one)
                group, seen_name, seen_init = [], False, False
            group.append(word)
            seen_name = seen_name or (not is_init and word.lower() not in _PARTICLES)
            seen_init = seen_init or is_init
        one = _person(group, not cyrillic, listed, alone)
        if one is None:
            return None
        if "," not in one:
            pending = one
        else:
            people.append(one)
    if pending is not None:
        if (
            len(items) > 1 and (_BARE_INITIALS.match(pending) or _BARE_HYPHENED.match(pending))
        ) or any("," in one for one in people):
            # 'PA, Hicks RE': initials whose surname was cut; 'F. Verstraete, Matrix', 'U.
            # Wolff, Phys.': a word after a list of people with given names is no person
            return None
        people.append(pending)
    return people or None


def _surname_initials(one: re.Match[str]) -> str:
    """'Surname, I. I.' from a match of _SURNAME_INITIALS or _ONE_PERSON."""
    initials = one[2]
    if len(initials) == 4:  # 'И.И.': the words 'И.', 'И.', written as the rules write them
        initials = f"{initials[:2]} {initials[2:]}"
    return f"{one[1]}, {initials}"


# Lists of two more forms are read in one way only by ``_people``'s rules: every item one person
# written 'Surname I. I.' ('Иванов И.И.'), 'Surname IA' (Vancouver: 'Smith JA', 'Лебедева ИП')
# or 'I. I. Surname' ('P. T. Komiske, E. M. Metodiev, and M. D. Schwartz'), in any mix, or
# every pair of items a surname alone, then its initials ('Linden, A., & Weber, F. B.': APA).
# There each word is a name word or an initial, no item waits for given names but the APA
# surname (its initials come next), and no item is initials alone after a whole person
# ('Bedford, H. Petticrew, M.'), no surname a suffix ('Jr' would go) or a particle (their list
# is lower case), no bare initials a suffix ('II', 'III', 'IV'); so each item (pair) is read
# alone, the same way: 'Surname, I. I.', and the list is read at once.
_PERSON_ITEM = lazy_re.compile(
    r"(?!(?:And|Et|Und) )([A-Z][a-z]+|[А-ЯЁІЇЄҐ][а-яёіїєґ]+) "
    r"(?:([A-ZА-ЯЁІЇЄҐ]\.(?: ?[A-ZА-ЯЁІЇЄҐ]\.)?)|(?!(?:II|III|IV)\Z)([A-ZА-ЯЁІЇЄҐ]{1,3}))"
    r"|((?:[A-ZА-ЯЁІЇЄҐ]\. ?){1,3})(?!(?:Jr|Sr)\Z)([A-Z][a-z]+|[А-ЯЁІЇЄҐ][а-яёіїєґ]+)"
)
_LONE_SURNAME = lazy_re.compile(r"(?!(?:Jr|Sr)\Z)(?:[A-Z][a-z]+|[А-ЯЁІЇЄҐ][а-яёіїєґ]+)")
_LONE_INITIALS = lazy_re.compile(r"[A-ZА-ЯЁІЇЄҐ]\.(?: ?[A-ZА-ЯЁІЇЄҐ]\.){0,2}")


def _spaced(initials: str) -> str:
    """'J.A.', 'J. A. ', 'JA' → 'J. A.' (as ``_given_out`` writes the words 'J.', 'A.' or
    'JA')."""
    return " ".join([f"{letter}." for letter in initials.replace(".", "").replace(" ", "")])


def _simple_list(items: list[str]) -> list[str] | None:
    """The people of a list of the forms above (its items cut at the commas and joining words),
    as ``_people``'s rules read them; None for any other list (those rules then read it)."""
    people: list[str] = []
    for item in items:
        one = _PERSON_ITEM.fullmatch(item)
        if one is None:
            break
        people.append(f"{one[1] or one[5]}, {_spaced(one[2] or one[3] or one[4])}")
    else:
        return people or None  # (no items: the rules find no person either)
    if (
        len(items) % 2 == 0
        and all(map(_LONE_SURNAME.fullmatch, items[::2]))
        and all(map(_LONE_INITIALS.fullmatch, items[1::2]))
    ):
        return [
            f"{surname}, {_spaced(initials)}"
            for surname, initials in zip(items[::2], items[1::2], strict=True)
        ]
    return None


def _natural(listed: list[list[str] | None], alone: list[bool]) -> bool:
    """Whether the list writes people 'Brian N. Bershad' (not 'Pauchy Hwang, W.Y.': a surname
    with its initials after it)."""
    return any(
        ws is not None and not alone[k + 1] and _given_first(ws) for k, ws in enumerate(listed)
    )


def _given_first(words: list[str]) -> bool:
    """'Brian N. Bershad', 'Howard Turtle': a given name, then the surname."""
    return (
        len(words) > 1
        and _PROPER.match(words[0]) is not None
        and words[0].lower() not in _PARTICLES
        and _PROPER.match(words[-1]) is not None
        and not any(w.endswith(".") and not _is_initials(w) for w in words)
    )


def _initials_then_name(words: list[str]) -> bool:
    """'B. Zhang', 'H. Petticrew': initials, then one name."""
    return (
        len(words) > 1
        and all(_is_initials(w) for w in words[:-1])
        and not _is_initials(words[-1])
        and words[-1].lower() not in _PARTICLES
    )


def _dotted_run(words: list[str]) -> list[str]:
    """Single capitals are initials without their full stops: after dotted initials or alone
    ('J. J Koenderink', 'Haglin K .L', 'Seljak ,U'); two or more that end an item after a name
    are Vancouver's initials written apart ('Fox R F', 'Lee I Y' → 'Fox RF'). Not 'R F Fox' (a
    capital before a name may be anything) nor 'Rohmeiss P' (already Vancouver's)."""
    if len(words) == 1:
        return [f"{words[0]}."] if _SINGLE_CAPITAL.match(words[0]) else words
    if all(len(w) > 1 for w in words[:-1]) and len(words[-1]) > 2:
        return words  # no single capital
    out = list(words)
    if (
        out[-1][-1] == "."
        and _SINGLE_CAPITAL.match(out[-1][:-1])
        and _SINGLE_CAPITAL.match(out[-2])
    ):
        out[-1] = out[-1][:-1]  # 'WANG X N.': the list's full stop after Vancouver initials
    for k in range(1, len(out)):
        if _SINGLE_CAPITAL.match(out[k]) and _is_initials(out[k - 1]):
            out[k] += "."
    if not _SINGLE_CAPITAL.match(out[-1]):
        return out
    start = len(out) - 1
    while start > 0 and _SINGLE_CAPITAL.match(out[start - 1]):
        start -= 1
    if start > 0 and len(out) - start > 1:
        return [*out[:start], "".join(out[start:])]
    return out
