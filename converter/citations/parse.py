"""Reference text → the parts of a JATS ``element-citation``, by the trained labeller.

``parse_reference(text)`` labels every token (author, year, title, source, volume, …), turns
the spans into a ``Citation`` and returns it only when the labeller is sure of every span it
uses (its lowest marginal probability clears the threshold chosen on the development split)
and no sanity rule vetoes the result; otherwise ``None``, and the reference stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from converter import lazy_re
from converter.citations.features import tokenize
from converter.citations.fields import (
    CONNECTOR,
    SOURCE_LEAD,
    Citation,
    Span,
    build,
    parse_date,
    threshold_group,
    veto,
    written_parts,
)
from converter.citations.model import label, threshold
from converter.citations.names import IBID, SAME_AUTHORS
from converter.citations.ukrainian import as_russian, is_ukrainian
from converter.errors import type_named
from converter.identifiers import normalize_doi
from converter.misdecoded import repaired, repaired_words
from converter.scripts import spelled_words, unmixed

__all__ = ["Citation", "parse_date", "parse_reference", "read", "spans_from_labels"]

# Labels whose spans become parts of the written element-citation: the labeller must be sure of
# each of them. 'note' and 'other' stay in the text.
USED = frozenset(
    {"author", "year", "title", "title_en", "source", "volume", "issue", "pages", "doi", "url",
     "accessed"}
)  # fmt: skip
# Not written, but they decide that a reference is a book (its title then goes to <source>) or
# a chapter: for those types the labeller must be sure of them too.
TYPE_DECIDING = frozenset({"publisher", "place", "editor"})
_BOOK_GATING = USED | TYPE_DECIDING
MAX_LENGTH = 2000


def normalize(text: str) -> str:
    """``text`` with each run of whitespace made one space, none at the ends. (str.split
    splits at exactly the characters ``\\s`` matches: the same result, in a third of the time
    of ``re.sub``.)"""
    return " ".join(text.split())


def spelled(text: str) -> str:
    """``text`` as ``normalize`` makes it, with each word read in the wrong encoding before as
    it was meant (``misdecoded.repaired``: "SchÃ¼hlen" is Schühlen, "РњРѕСЃРєРІР°" Москва) and
    each word typed in look-alikes of the other script spelled as meant (``scripts.unmixed``:
    "Мoscow" with a Cyrillic "М" is Moscow). The reading's vetoes, its language group and the
    parts written read the meant words: a Latin reference with one such letter would otherwise
    meet the Russian threshold and the rules for Cyrillic text, and a written "Мoscow" matches
    nothing in a registry. The text itself (``mixed-citation``) stays as the editor wrote it;
    checks name such words."""
    text = normalize(repaired(text) or text)  # (a mis-read letter may hold a no-break space)
    return unmixed(text) or text


def spans_from_labels(text: str, labels: list[str]) -> list[Span]:
    """Hand labels (one a token) as spans of sure confidence, the way the labeller gives them."""
    matches = tokenize(text)
    spans: list[Span] = []
    start = 0
    for t in range(1, len(labels) + 1):
        if t == len(labels) or labels[t] != labels[start]:
            spans.append((labels[start], text[matches[start].start() : matches[t - 1].end()], 1.0))
            start = t
    return spans


def labelled(text: str, tagger: Any = None, enough: float | None = None) -> list[Span]:
    """The labeller's spans of ``text`` (``model.label``). A Ukrainian reference is labelled as
    the labeller is shown it (``ukrainian.as_russian``: Ukrainian's letters and fixed words as
    Russian's, at the same places), and each span is the same stretch of the reference as
    written: the parts keep Ukrainian's letters and words."""
    if not is_ukrainian(text):
        return label(text, tagger, enough)
    shown = as_russian(text)
    spans: list[Span] = []
    at = 0
    for lab, piece, sure in label(shown, tagger, enough):
        start = shown.index(piece, at)  # (spans follow each other: whitespace between them)
        at = start + len(piece)
        spans.append((lab, text[start:at], sure))
    return spans


def read(text: str, tagger: Any = None) -> tuple[Citation, float, str | None]:
    """The labeller's citation, the confidence of its least sure used span, and a veto."""
    return judge(labelled(text, tagger), text)


def judge(spans: list[Span], text: str) -> tuple[Citation, float, str | None]:
    """The citation the spans make, the confidence of the least sure span it uses, a veto."""
    cit = build(spans, text)
    gating = _BOOK_GATING if cit.type in ("book", "chapter") else USED
    confidence = min([c for lab, _, c in spans if lab in gating], default=0.0)
    problem = veto(cit) or _stray_parts(spans)
    if problem is None and SAME_AUTHORS.match(text):
        # 'Он же. Культура и взрыв. М.: Гнозис, 1992.': no author to read here, and the mark
        # is no title; the article's reading puts the authors before it in (enrich.py)
        problem = "a mark for the authors of the reference before"
    if problem is None and cit.source and IBID.fullmatch(cit.source.strip(" .,")):
        # '… // Там же. 2002. № 4.', '…, Ibid., pp. 88-104': the source of the reference
        # before, which the article's reading puts in (enrich.py)
        problem = "'Там же' / 'Ibid.' for the source of the reference before"
    if (
        problem is None
        and cit.fpage
        and not text.isascii()  # (no 'Ст.' in ASCII: a cheap test)
        # (casefold: as the pattern's ignored case reads 'ᲃ' as 'с' and 'ᲄ' as 'т'; with its
        # full stop, as 'ст' alone is in every 'Вестник')
        and "ст." in text.casefold()
        and cit.fpage in _ARTICLE_NUMBER.findall(text)
    ):
        problem = "an article number read as pages"  # '… РФ. 1994. № 32. Ст. 3301.'
    if (
        problem is None
        and cit.type == "book"
        and cit.fpage
        and not cit.lpage
        and spans[-1][0] == "pages"
        and _BARE_NUMBER.fullmatch(spans[-1][1])
        and not text.isascii()
        and _CYRILLIC.search(text)
    ):
        # '… СанктПетербург: Питер Пресс, 2017. 397.': GOST writes a cited page 'С. 109' and
        # the page count '397 с.'; a bare number closing a Russian book is its page count
        # with the 'с.' lost more often than a page (in English lists it is often a page)
        problem = "a bare number closing a Russian book: its page count"
    if (
        problem is None
        and cit.type == "chapter"
        and not cit.fpage
        and _PAGE_COUNT_IN_TEXT.search(text)
        and not _part_marked(spans)
    ):
        # 'Barlow R. E. Mathematical Theory of Reliability. Classics of Aplied Mathematics,
        # vol. 17. SIAM, 1996. 258 p.': a whole book's page count, and nothing ('In', '//')
        # that makes the title a part of the source: the source read is a series or the
        # book's other title (six of seven such readings of the dev split and the fresh
        # bench were wrong)
        problem = "a book's page count with a chapter that nothing marks as a part"
    if problem is None and cit.year and _period_start(cit.year, text):
        problem = "the year begins a period the work names"  # '(1773 — 1917). — М., 2014.'
    if problem is None and cit.doi:
        try:
            cit.doi = normalize_doi(cit.doi)
        except ValueError:
            problem = "damaged DOI"
    return cit, confidence, problem


# a page count: '258 p.', '40 p', '576 с.', '44 pp' (not a page cited: 'p. 45', 'С. 5')
_PAGE_COUNT_IN_TEXT = lazy_re.compile(
    r"(?<![\w:–-])\d{2,4}\s?(?:p|pp|с|стр|s|pages)\.?(?=\s|$|[,)])", re.I
)


def _part_marked(spans: list[Span]) -> bool:
    """Whether 'In', 'В кн.:' or GOST's '//' marks the source as the whole the title is part of
    (before it, or leading it)."""
    for lab, piece, _ in spans:
        if lab == "source":
            return SOURCE_LEAD.match(piece) is not None
        if (lab in ("note", "other") and CONNECTOR.match(piece)) or (
            lab == "editor" and SOURCE_LEAD.match(piece)  # 'In Murav'ev B.V. (ed.)'
        ):
            return True
    return False


_PERIOD = lazy_re.compile(
    r"(?<![\d./])(1[5-9]\d\d|20\d\d)\s*[-\u2010-\u2015]\s*(1[5-9]\d\d|20\d\d)(?!\d|[./]\d)"
)
_BARE_NUMBER = lazy_re.compile(r"\W*\d+\W*")
_CYRILLIC = lazy_re.compile(r"[а-яё]", re.I)
_YEAR_WORD = lazy_re.compile(r"(?<![\d./])(?:1[5-9]\d\d|20\d\d)(?!\d|[./]\d)")


def _period_start(year: str, text: str) -> bool:
    """The year read is the first of a period written in the text ('Из истории московской
    балетной школы (1773 — 1917). — М.: МГАХ, 2014.') while another year stands alone: that one
    is the work's. (A volume's '2014–2015' with no other year is the work's own.)"""
    if text.count(year) == 0 or not any(
        dash in text for dash in "-\u2010\u2011\u2012\u2013\u2014\u2015"
    ):
        return False
    periods = _PERIOD.findall(text)
    if not any(first == year for first, _ in periods):
        return False
    in_periods = {y for pair in periods for y in pair}
    return any(found not in in_periods for found in _YEAR_WORD.findall(text))


_ISSUE_MARK = lazy_re.compile(r"№\s*\d")
# a document's number: 'Патент на полезную модель №148507', 'Свидетельство о гос. регистрации
# № 2020660280', 'Депонированная рукопись № 50-В2021', 'Safety Report Series, № 21', 'Акт № 149'
_DOCUMENT_NUMBER = lazy_re.compile(
    r"(?i)(?<!\w)(?:патент\w*|свидетельств\w*|регистрации|рукопис\w*|заявк\w*|акт|akt|series|"
    r"patent\w*)(?:\W+\w+){0,3}?\W*№\s*\d"
)
_NOT_ISSUE = frozenset({"note", "other", "year", "volume", "pages"})
_ARTICLE_NUMBER = lazy_re.compile(r"(?<!\w)ст\.\s*(\d+)", re.I)  # 'Ст. 3301' of a law gazette
# 'Montreal. Vancouver'
_SENTENCE_END = lazy_re.compile(r"[a-zà-ÿа-яёіїєґ]{3,}\.\s+[A-ZÀ-ÞА-ЯЁІЇЄҐ]")
_SECOND_WORK = lazy_re.compile(r"(?<!\w)(?:его|её|ее|их)\s+же(?!\w)", re.I)  # '…; Его же. Title'
# '(Eds.)' closes an editor statement: a word after it is the next part's ('… (Eds.) Carl' |
# 'Rogers Counsels…'), and a note that begins with it holds the title's first word ('(ed.)
# Long-Range' | 'Planning for Management')
_EDITOR_THEN_WORD = lazy_re.compile(r"\((?i:eds?|hrsg|hg)\.?\)\s+[A-ZÀ-Þ]")
_NOTE_FROM_EDITOR = lazy_re.compile(r"^\W*\((?i:eds?|hrsg|hg)\.?\)\s*[,:;.]?\s+[A-ZÀ-Þ]")


# A title that meets its source with no mark between them, and ends in a year or in a short
# capitalised word after a small one: where the labeller set the boundary, the year or the
# journal's first abbreviated word ('… plethysmogram 1993 | Cardiol 23', '… salinity gradient
# Mar | Ecol Prog Ser') was read into the title (the dev split's two confident errors of this
# kind; no right reading of the training split ends so)
_UNPARTED_TITLE_END = lazy_re.compile(r"\s(?:(?:1[5-9]|20)\d\d|[a-z][\w-]*\s[A-Z][a-z]{1,3})$")


# What GOST puts between a title and its ' / ' statement of responsibility as a note: other title
# information after ':', a medium in brackets, a genre, a translation, a date (and their
# Ukrainian words: 'навч. посіб.', 'підручник', 'зб. наук. пр.', 'матеріали', 'вид.', 'вип.')
_TITLE_AREA_NOTE = lazy_re.compile(
    r"^\s*[:\[(/=]|учеб|пособ|монограф|справоч|сборн|сб\.|дис|автореф|пер\.|перев|альбом|словар"
    r"|лекци|практикум|хрестомат|текст|ресурс|энцикл|очерк|атлас|каталог|доклад|тез|материал"
    r"|отч[её]т|рекоменд|методич|брошюр|буклет|препринт|стандарт|гост|закон|thesis|diss|monogra"
    r"|textbook|[12]\d{3}|ucheb|posob|sbornik|\b(?:изд|ed|eds|вып|т|ч|кн)\."
    r"|навч|посіб|підруч|довідн|словник|збірн|зб\.|матеріал|нарис|звіт|лекці|дсту"
    r"|(?<!\w)(?:вид|вип)\.",
    re.I,
)


def _stray_parts(spans: list[Span]) -> str | None:
    """What the order of the spans shows to be wrong, though each span reads well."""
    title_seen = author_before = False
    # ('же' first: a cheap test that rules the pattern out in nearly every reference ('ж' alone
    # is in many Russian words); the pieces are searched at once, joined by a character no
    # match can run across; lower: the pattern's ignored case reads only 'Ж' as 'ж', 'Е' as 'е')
    pieces = "\0".join([piece for _, piece, _ in spans])
    if ("ж" in pieces or "Ж" in pieces) and "же" in pieces.lower() and _SECOND_WORK.search(pieces):
        return "a second work in the same reference"
    pages_seen = False
    # (each label meets only its own tests, in the order they were written for one span)
    for k, (lab, piece, _) in enumerate(spans):
        if lab in _TITLES:
            if lab == "title_en" and "[" in piece and "]" not in piece:
                # '[… in the South' | 'China Sea]. RNT.'
                return "the bracketed English title is cut"
            if "«" in piece and "»" not in piece and _closed_later(spans, k):
                # '// Материалы конференции «Механика сплошных сред –' | '2020», с. 5–9.': the
                # quoted name runs on into the next span
                return "a quoted name cut inside its quotes"
            if piece.rstrip(" .,;:")[-1:] == "=":
                # 'Title. Matematicheskie zametki =' | 'Mathematical notes, 1969': the parallel
                # title after GOST's '=' was cut from its first half
                return "a parallel title cut at its '='"
            if (
                lab == "title"
                and piece.rstrip()[-1:].isalnum()  # (no mark closes the title: a cheap test)
                and k + 1 < len(spans)
                and spans[k + 1][0] == "source"
                and spans[k + 1][1][:1].isalnum()
                and _UNPARTED_TITLE_END.search(piece.rstrip())
            ):
                return "the title runs into the source with nothing between them"
            title_seen = True
        elif lab == "author":
            if _NAME_THEN_SENTENCE.search(piece):
                return "the author list runs on past a full stop"
            if _NAME_THEN_WORD_END.search(piece) and not any(
                other in ("title", "title_en") for other, _, _ in spans
            ):
                # 'Smith J. Paper.' | 'J Test. 2020;1:2-3': the title's one word read as the
                # surname of a name written given name first ('Mary J. Blige'), and no title
                # left (no hand-labelled author span of the train and dev splits ends so in a
                # reference without a title)
                return "the author list swallowed the title"
            if not piece.lstrip().startswith("/"):
                # GOST 7.0.100 repeats the authors after the title, behind a '/'
                if title_seen and author_before:
                    return "author words on both sides of the title"
                author_before = author_before or not title_seen
        elif lab in _NOT_ISSUE:
            if lab == "pages":
                if pages_seen:
                    # a reference cites one range: the other is a date's days or a volume
                    # ('Mol, 1 – 5 June 1998 … P. 32-38', 'Volume 1 1913-1926 … 1996. 62-74.')
                    return "two page ranges"
                pages_seen = True
            if "№" in piece and _ISSUE_MARK.search(_DOCUMENT_NUMBER.sub("", piece)):
                # '– №10. –' left in a note or read with the year: the issue would be lost (not
                # a patent's, a registration's or a series' number: 'Патент … №148507')
                return "an issue number outside the issue"
            if (
                lab == "note"
                and 0 < k < len(spans) - 1
                and spans[k - 1][0] in ("title", "source")
                and spans[k + 1][0] in ("author", "editor")
                and spans[k + 1][1].lstrip().startswith("/")
                and not _TITLE_AREA_NOTE.search(piece)
            ):
                # 'Title. Обзор конкурсных проектов / Ю.Б. Решетникова': GOST's title area runs
                # to the ' / ' of the statement of responsibility; a note there is a medium, a
                # genre or other title information after ':', else it is the title's own words
                return "a sentence between the title and its statement of responsibility"
            if lab == "note" and "(" in piece and _NOTE_FROM_EDITOR.search(piece):
                return _AFTER_EDITOR
        elif lab == "editor":
            if "(" in piece and _EDITOR_THEN_WORD.search(piece):
                return _AFTER_EDITOR
        elif lab == "place" and _SENTENCE_END.search(piece):
            # '… 20th Century' | 'Montreal. Vancouver:': a place holds no sentence's end; the
            # word before it is the end of the title (no such place in the train or dev rows)
            return "a place that holds a sentence's end"
    return None


_TITLES = frozenset({"title", "title_en", "source"})


def _closed_later(spans: list[Span], at: int) -> bool:
    """Whether a span after ``at`` closes the '«' left open in it (before it opens another)
    after words of the name: a '»' that opens the next span only closes the quote where the
    spans meet ('«Title,' | '» Труды СПИИРАН': the quotes go when the parts are read)."""
    for k in range(at + 1, len(spans)):
        piece = spans[k][1]
        closing, opening = piece.find("»"), piece.find("«")
        if closing >= 0 and (opening < 0 or closing < opening):
            return k > at + 1 or bool(piece[:closing].strip(" .,;:–—-"))
        if opening >= 0:
            return False
    return False


# an initial, then a capitalised word closed by a full stop, then more in the author span: the
# word ends a sentence, not a name ('…, West A. Myofibroblasts. I. Paracrine cells …': the
# title's first words read as one more author; no hand-labelled author span holds this)
_NAME_THEN_SENTENCE = lazy_re.compile(
    r"(?<![\w.])[A-ZА-ЯЁІЇЄҐ]\.\s+[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]{3,}\.\s+\S"
)
# a word, an initial, then a capitalised word that closes the author span with a full stop:
# 'Smith J. Paper.', 'Smith, J. Paper.', 'Mary J. Blige.' (not 'G. Patnaik.': initials first)
_NAME_THEN_WORD_END = lazy_re.compile(
    r"(?<![\w.])[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’-]+,?\s+[A-ZА-ЯЁІЇЄҐ]\.\s+[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]{2,}\.\s*$"
)
_AFTER_EDITOR = "a word after an editor statement's '(Eds.)' not in the title"


# What a caller may ask for: as model.Journal's reference_confidence and --confidence take.
LEAST_RANGE = (0.5, 0.995)


def _limit(group: str, least: float | None) -> float:
    """The confidence a reference of ``group`` needs: its threshold, or ``least`` if higher.
    A ``least`` outside what a journal file's ``reference_confidence`` and ``--confidence``
    take is refused as they refuse it: ``least=2`` had kept every reference text, unsaid."""
    if least is not None and not LEAST_RANGE[0] <= least <= LEAST_RANGE[1]:
        low, high = LEAST_RANGE
        raise ValueError(f"least: {least!r} is not in the range {low}–{high} (or None)")
    limit = threshold(group)
    return least if least is not None and least > limit else limit


def _reference_text(text: object, function: str) -> str:
    """``text`` when it is a ``str``; else a ``TypeError`` naming what is taken (None gave
    "argument of type 'NoneType' is not iterable", from deep in the text's spelling)."""
    if isinstance(text, str):
        return text
    raise TypeError(f"{function}: text is one reference as a str, not {type_named(text)}")


def parse_reference(text: str, least: float | None = None) -> Citation | None:
    """The structured parts of one reference, or None when the labeller is not sure of them.

    ``least``: a confidence the caller asks for (a journal's ``reference_confidence``); the
    higher of it and the language group's threshold, chosen on the dev split, decides.
    ``text`` that is not a ``str`` is a ``TypeError`` saying so. Each call gives a
    ``Citation`` of its own: the cache's is copied, so one changed by a caller is not what
    every later call for that text gets."""
    found = _parsed(_reference_text(text, "parse_reference"), least)
    return None if found is None else found.copy()


@lru_cache(maxsize=4096)
def _parsed(text: str, least: float | None) -> Citation | None:
    """``parse_reference`` on a ``str``, remembered: a conversion parses a reference more
    than once (its structure, its Latin form, the checks)."""
    text = spelled(text)
    if not text or len(text) > MAX_LENGTH:
        return None
    limit = _limit(threshold_group(text), least)
    spans = labelled(text, enough=limit)  # (only which side of the limit counts here)
    # the spans every citation uses decide most abstentions before any field is read
    if min([c for lab, _, c in spans if lab in USED], default=0.0) < limit:
        return None
    cit, confidence, problem = judge(spans, text)
    if problem is not None or confidence < limit:
        return None
    return cit


@dataclass(frozen=True, slots=True)
class Reading:
    """What the parser made of one reference and why it is, or is not, structured: what
    ``jatsconv references`` shows an editor. ``reason`` is None when it is structured."""

    text: str
    citation: Citation | None  # the parts read, written or not (None: nothing was read)
    confidence: float  # the labelling's probability
    threshold: float  # what it had to reach: the language's, or the caller's if higher
    group: str  # 'en' or 'ru', whose threshold applies
    reason: str | None

    @property
    def structured(self) -> bool:
        return self.reason is None

    @property
    def repaired(self) -> dict[str, str]:
        """The words decoded wrongly before (a wrong encoding, entities left as text) → as
        they were read."""
        return repaired_words(self.text)

    @property
    def spelled(self) -> dict[str, str]:
        """The words typed with the other script's look-alikes → as they were read."""
        return spelled_words(repaired(self.text) or self.text)

    def parts(self) -> tuple[dict[str, object], dict[str, object]]:
        """The parts a structured reference is written with, as written, and those read but
        not written (``fields.written_parts``); nothing is written of a reference kept as text,
        so then every part read is in the second."""
        if self.citation is None:
            return {}, {}
        if not self.structured:
            return {}, self.citation.fields()
        return written_parts(self.citation, self.group)


def explain(text: str, least: float | None = None) -> Reading:
    """``parse_reference``'s decision on ``text`` with its grounds (the same answer: a
    reference is structured here exactly when ``parse_reference`` returns a citation)."""
    text = _reference_text(text, "explain")
    meant = spelled(text)
    text = normalize(text)
    group = threshold_group(meant) if text else "en"
    limit = _limit(group, least)
    if not text or len(text) > MAX_LENGTH:
        why = "no text" if not text else f"longer than {MAX_LENGTH:,} characters: not parsed"
        return Reading(text, None, 0.0, limit, group, why)
    spans = labelled(meant)
    sure = min([c for lab, _, c in spans if lab in USED], default=0.0)
    cit, confidence, problem = judge(spans, meant)
    sure = min(sure, confidence)
    reason = problem
    if reason is None and sure < limit:
        reason = f"not sure enough: confidence {sure:.3f} under the threshold {limit:g}"
    return Reading(text, cit, sure, limit, group, reason)
