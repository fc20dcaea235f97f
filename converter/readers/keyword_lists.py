"""Keyword lists typed with full stops between the keywords ('Япония. Экономика. Рост', as
Russian journals type them): where such a list splits, and a keyword's final full stop.

Shared by the readers that take a list in one text: a landing page's keyword tag and a
spreadsheet's ``keywords:LANG`` cell.
"""

from __future__ import annotations

import re

# A full stop after a word of three letters or more, before a word: where a keyword may end.
_FULL_STOP_BETWEEN = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=[^\W\d_])")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
# Abbreviations of three letters or more ending in a full stop inside a keyword ('sp. nov.',
# 'Acad. Sci.', 'акад. наук'); shorter ones are no keyword's end anyway.
_ABBREVIATIONS = frozenset(
    {"etc", "nov", "resp", "approx", "incl", "var", "ssp", "subsp", "spp", "gen", "comb",
     "stat", "syn", "univ", "inst", "dept", "vol", "fig", "tab", "eds", "prof", "acad", "sci",
     "corp", "inc", "ltd", "акад", "проф", "обл", "респ", "изд", "вып", "под", "ред"}
)  # fmt: skip


def full_stop_list(text: str) -> list[str]:
    """A keyword list written with full stops between the keywords ('Japan. Economy. Growth',
    as Russian journals type their lists), split where a full stop ends a word of three letters
    or more that is no abbreviation and a word follows; 'U.S. economy', 'St. Petersburg',
    'sp. nov.' and 'им. Ломоносова' stay one keyword."""
    parts, start = [], 0
    for stop in _FULL_STOP_BETWEEN.finditer(text):
        word = _WORD_BEFORE.search(text, 0, stop.start())
        if word and word.group().lower() not in _ABBREVIATIONS:
            parts.append(text[start : stop.start()])
            start = stop.end()
    return [part for part in (*parts, text[start:]) if part.strip()]


def without_final_full_stop(keyword: str) -> str:
    """A keyword without the full stop typed after it ('growth.' → 'growth'); one that ends
    an abbreviation or an initial ('sp. nov.', 'U.S.') stays."""
    word = _WORD_BEFORE.search(keyword, 0, len(keyword) - 1)
    ends_word = keyword.endswith(".") and word is not None and word.end() == len(keyword) - 1
    if ends_word and len(word.group()) >= 3 and word.group().lower() not in _ABBREVIATIONS:
        return keyword[:-1]
    return keyword


# Commas a keyword holds by its kind, which no one types for a separator: between digits (a
# chemical name's locants, '1,2-dichloroethane', '2,4,6-trinitrotoluene': the comma alone, so
# that each of a run of locants is one; a decimal comma, '0,5 %') and inside brackets or quotes
# ('«Мир, труд, май»', 'Japan (politics, economy)').
_KIND_COMMAS = re.compile(
    r"(?<=\d),(?=\d)|\([^()]*\)|\[[^\[\]]*\]|«[^«»]*»|„[^„“]*“|“[^“”]*”|\"[^\"]*\""
)


def stray_comma(keyword: str) -> bool:
    """Whether a keyword of a list separated by ';' holds a comma that may separate two
    keywords typed with mixed separators ('Япония; Россия, санкции': 'Россия, санкции'). It
    is kept as one keyword, as typed — 'Physics, general' is one — and the reader says so; a
    comma of a kind that holds commas (``_KIND_COMMAS``) is not said."""
    return "," in _KIND_COMMAS.sub("", keyword)
