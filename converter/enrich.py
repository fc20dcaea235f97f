"""Derive what international indexing needs from what the editor gave, before any writer runs.

- A contributor named only in Cyrillic gets a Latin form by the journal's transliteration
  scheme (``Journal.transliteration``: naming one is what turns Latin forms on; Russian text is
  written by ``Journal.russian_scheme``, bsi for a journal naming kmu-2010); patronymics become
  initials when the journal asks (``patronymic_initials``). A Latin form in the input always
  wins.
- A reference given only in Russian gets its Latin-script form for the "References" list:
  authors and title transliterated, the English title in square brackets only when the input
  gives one (``title_en``), the source's English name when given (``source_en``) or else its
  transliteration, the fixed bibliographic words (Т., №, С., дата обращения, months) in English,
  and a note of its language when the journal asks (``in_russ_note``: "(In Russ.)", or in
  the form ``language_note`` names, ``LANGUAGE_NOTES``). No title is ever translated here.
- Ukrainian names and references are written by Ukraine's national system instead, whatever
  the journal's scheme (``converter.translit.scheme_for``; a Ukrainian reference's note says
  Ukrainian, "(In Ukrainian)"). A name or reference in another Cyrillic alphabet (Kazakh,
  Belarusian …) gets no Latin form: ``enriched`` says so, naming the field
  (``Enriched.untransliterated``).
- A reference without structured parts gets them from ``converter.citations`` when the parse is
  confident and the journal has not turned it off (``structure_references``).

The article is never changed in place: a shallow copy with new contributors and references is
returned, and the article itself when there is nothing to do (no Cyrillic, nothing to parse).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from converter import lazy_re
from converter.alphabets import declared_language, filed_language, told_reading
from converter.inline import link_spans, without_addresses
from converter.model import Article, Contributor, Journal, PersonName, Reference
from converter.scripts import (
    has_cyrillic,
    is_cyrillic_language,
    quotes_cyrillic,
    without_list_markers,
)

if TYPE_CHECKING:
    from converter.citations import Citation, Reading

LATIN_KEY = "en"  # the Latin-script form goes where the English one would


@dataclass(frozen=True, slots=True)
class Enriched:
    """An article as ``enrich`` derives it, and what could not be derived: one line per name or
    reference left without a Latin form, naming the field and why
    (``authors[2].name: Kazakh letters (ә, қ): no transliteration scheme, give name.en``)."""

    article: Article
    untransliterated: list[str]


def enrich(article: Article) -> Article:
    """The article with derived Latin names, Latin reference forms and parsed citations."""
    return enriched(article).article


def enriched(article: Article) -> Enriched:
    """``enrich``, with the names and references no scheme could write said."""
    journal = article.journal
    if not isinstance(journal, Journal):
        return Enriched(article, [])
    notes: list[str] = []
    authors = _names(article, journal, notes)
    references = _references(article, journal, notes)
    if authors is None and references is None:
        return Enriched(article, notes)
    update: dict[str, Any] = {}
    if authors is not None:
        update["authors"] = authors
    if references is not None:
        update["references"] = references
    return Enriched(article.model_copy(update=update), notes)


def _untransliterated(place: str, reason: Exception | str, latin_field: str) -> str:
    return f"{place}: {reason}: no transliteration scheme, give {latin_field}"


# ------------------------------------------------------------------------------- names


def _is_latin_form(lang: str, name: PersonName) -> bool:
    if is_cyrillic_language(lang):
        return False  # a form under a Cyrillic-script language is not a Latin form
    return not any(has_cyrillic(part or "") for part in (name.surname, name.given))


def _name_text(name: PersonName) -> str:
    return " ".join(filter(None, (name.surname, name.given, name.prefix, name.suffix)))


def _names(article: Article, journal: Journal, notes: list[str]) -> list[Contributor] | None:
    """New contributors where one needed a Latin name (the journal names a scheme) or a
    Cyrillic name or group filed under a Latin-script language needed its own; None when none
    did. A name no scheme can write is said in ``notes``."""
    from converter.translit import UKRAINIAN, NoScheme, scheme_for

    russian = journal.russian_scheme or "bsi"
    derive = bool(journal.transliteration)
    changed = False
    out: list[Contributor] = []
    for index, person in enumerate(article.authors):
        names = person.name or {}
        if person.collab:
            group = _collab_filed(person, article.language, f"authors[{index}]", notes)
            out.append(group)
            changed = changed or group is not person
            continue
        if (
            not names
            or any(_is_latin_form(lang, n) for lang, n in names.items())
            or not any(has_cyrillic(f"{n.surname or ''} {n.given or ''}") for n in names.values())
        ):
            out.append(person)
            continue
        source_lang, source = next(iter(names.items()))
        if LATIN_KEY in names and source_lang != LATIN_KEY:
            out.append(person)
            continue
        try:
            scheme = scheme_for(
                _name_text(source), russian, declared_language(source_lang, article.language)
            )
        except NoScheme as reason:
            if derive:
                notes.append(
                    _untransliterated(f"authors[{index}].name", reason, f"name.{LATIN_KEY}")
                )
            out.append(person)
            continue
        if not derive and is_cyrillic_language(source_lang):
            out.append(person)  # (filed where its script is, and no Latin form is asked for)
            continue
        forms = dict(names)
        if not is_cyrillic_language(source_lang):
            # A Cyrillic name filed under a Latin-script language (a plain name in an English
            # article) is the Russian (or Ukrainian) form: it moves to 'ru' ('uk') and the
            # Latin form takes its place, when the journal names a scheme; without one it is
            # written as Russian all the same (it was written under xml:lang="en").
            del forms[source_lang]
            forms.setdefault("uk" if scheme == UKRAINIAN else "ru", source)
        if derive:
            forms[LATIN_KEY] = latin_name(source, journal, scheme)
        out.append(person.model_copy(update={"name": forms}))
        changed = True
    return out if changed else None


def _collab_filed(person: Contributor, main: str, place: str, notes: list[str]) -> Contributor:
    """``person`` (a group) with a Cyrillic name filed under a Latin-script language (a plain
    collab in an English article) moved to the language its letters tell, ru, uk, be, kk, sr,
    mk …, as a person's is: a group's name is not transliterated, but Cyrillic text is no
    English. A group named in Latin letters too is left as given. One whose letters fit several
    alphabets and tell none (Serbian and Macedonian share ј љ њ џ: 'Српска академија наука и
    уметности') stays where it is, said in ``notes`` so that its language can be given: no
    rule of letters tells the two apart, and a guess would tag one of them wrongly."""

    names = person.collab or {}
    if any(is_cyrillic_language(lang) or not has_cyrillic(name) for lang, name in names.items()):
        return person
    moved: dict[str, str] = {}
    for lang, name in names.items():
        # (any Cyrillic alphabet's: a Belarusian or Kazakh group, 'Нацыянальная акадэмія
        # навук Беларусі', stayed under en, as only ru and uk were told)
        letters = told_reading(name, declared_language(lang, main))
        told = letters.language
        if told is None:
            # (the hint names a language the letters fit, Serbian for ј; Russian for a
            # Russian name with a Ukrainian і in it, 'Институт экономіки РАН')
            hint = letters.candidates[0] if letters.candidates else "ru"
            notes.append(
                f"{place}.collab: {letters.describe()}: no one language told, written "
                f"under {lang}: give the name under its language (collab: {{{hint}: …}})"
            )
        key = told or lang
        if key in moved or (key in names and key != lang):
            key = lang  # (a form the group already gives under that key keeps it)
        moved[key] = name
    return person if moved == names else person.model_copy(update={"collab": moved})


def latin_name(name: PersonName, journal: Journal, scheme: str | None = None) -> PersonName:
    """The Latin form of a Cyrillic name by ``scheme`` (default: the journal's), always in
    western order."""
    from converter.translit import transliterate, transliterate_given

    scheme = scheme or journal.russian_scheme or "bsi"
    return PersonName(
        surname=transliterate(name.surname, scheme) if name.surname else None,
        given=(
            transliterate_given(name.given, scheme, journal.patronymic_initials)
            if name.given
            else None
        ),
        prefix=transliterate(name.prefix, scheme) if name.prefix else None,
        suffix=transliterate(name.suffix, scheme) if name.suffix else None,
        style="western" if name.surname else "given-only",
    )


# ------------------------------------------------------------------------------- references


def _references(article: Article, journal: Journal, notes: list[str]) -> list[Reference] | None:
    changed = False
    out: list[Reference] = []
    parse: Callable[[str], Citation | None] | None = None
    if journal.structure_references and article.references:
        # Imported here, once per article (not per reference): the parser loads on first use.
        from converter.citations import parse_reference

        # (a journal's own confidence, if it asks for one; without, the call is the one the
        # Latin-script form's makes, so the parse cache answers the second)
        least = journal.reference_confidence
        parse = parse_reference if least is None else partial(parse_reference, least=least)
    before: Reference | None = None
    for index, ref in enumerate(article.references):
        new = ref
        # Parsed when no author, title or source is given (the parts a parse is read back by);
        # every part given beside the text (a DOI, a volume, pages) wins over the one read.
        if parse is not None and ref.text and not (ref.title or ref.source or ref.authors):
            new = _structured(new, article.language, parse, before)
        new = _with_latin_form(new, journal, article.language, f"references[{index}]", notes)
        changed = changed or new is not ref
        out.append(new)
        before = new
    return out if changed else None


@dataclass(frozen=True, slots=True)
class ReferenceReading:
    """One reference of an article as ``convert`` writes it, with the grounds: what
    ``jatsconv references --article`` shows an editor. ``reason`` is None when the reference is
    structured from its text (or ``given`` with its parts by the editor)."""

    number: int  # its place in the list, from 1
    written: str  # its text as the article gives it
    text: str  # the text parsed: the parts of the reference before written in for its marks
    reading: Reading | None  # the parser's reading (None: nothing was parsed)
    reason: str | None  # why it stays text
    given: bool = False  # the editor gave its parts: nothing is parsed
    written_as: Reference | None = None  # structured from its text: the reference convert writes

    @property
    def structured(self) -> bool:
        return self.reason is None

    def parts(self) -> tuple[dict[str, object], dict[str, object]]:
        """The parts the reference is written with, as ``convert`` writes them, and the parts
        read but not written (``Reading.parts``). The editor's own parts beside the text (a
        DOI, a publisher and place) are written over the ones read, which are then shown as
        read, not written."""
        if self.reading is None:
            return {}, {}
        written, unwritten = self.reading.parts()
        if self.written_as is None or self.reading.citation is None:
            return written, unwritten
        shown = citation_parts(self.written_as)
        read = self.reading.citation.fields()
        for name, value in written.items():
            # (a first page read that is an article number is written as the elocation_id)
            moved = name == "fpage" and shown.get("elocation_id") == value
            if shown.get(name) != value and not moved:
                unwritten[name] = read[name]
        return shown, unwritten

    @property
    def why(self) -> str | None:
        return short_reason(self.reason)


# The parts of a parse (``Citation``) by the ``Reference`` field convert writes each to; the
# others have the same name. (Editors are never written: a reference has none.)
_WRITTEN_TO = {"place": "publisher_loc"}
_CITATION_PARTS = (
    "type", "authors", "etal", "year", "title", "title_en", "source", "volume", "issue", "fpage",
    "lpage", "elocation_id", "publisher", "place", "doi", "arxiv", "isbn", "pmid", "pmcid", "url",
    "accessed", "lang",
)  # fmt: skip


def citation_parts(ref: Reference) -> dict[str, object]:
    """The parts ``ref`` is written with, under the names the parser gives them (``Citation``,
    in its order): what ``Reading.parts`` shows, for a reference as convert writes it."""
    out: dict[str, object] = {}
    for name in _CITATION_PARTS:
        value = getattr(ref, _WRITTEN_TO.get(name, name))
        if value not in (None, [], False):
            out[name] = list(value) if isinstance(value, list) else value
    return out


NOT_SURE = "not sure enough"  # how ``explain`` begins the reason of a confidence too low
# The threshold groups of ``converter.citations`` ('en', 'ru'), as the readings name them: the
# 'ru' group is every Cyrillic reference, Ukrainian ones too, and Russian works in Latin script
GROUP_WORDS = {"en": "English and other languages", "ru": "Russian and Ukrainian works"}


def short_reason(reason: str | None) -> str | None:
    """A reason in the words shown beside the confidence and the threshold: a confidence too
    low is "not sure enough" (the figures are shown apart)."""
    return NOT_SURE if reason is not None and reason.startswith(NOT_SURE) else reason


def readings_summary(readings: list[ReferenceReading]) -> str:
    """'6 references: 3 structured from their text, 2 kept as text, 1 given with their parts'."""
    given = sum(one.given for one in readings)
    parsed = sum(one.structured for one in readings) - given
    counts = [
        f"{parsed} structured from their text",
        f"{len(readings) - parsed - given} kept as text",
    ]
    if given:
        counts.append(f"{given} given with their parts")
    noun = "reference" if len(readings) == 1 else "references"
    return f"{len(readings)} {noun}: " + ", ".join(counts)


def reference_readings(article: Article, least: float | None = None) -> list[ReferenceReading]:
    """Each reference of ``article`` as ``convert`` treats it: given with its parts, structured
    from its text, or kept as text and why (``converter.citations.explain``'s grounds).
    ``least`` answers as the journal file's ``reference_confidence: least`` would (default:
    the journal's own)."""
    from converter.citations import explain

    journal = article.journal if isinstance(article.journal, Journal) else None
    if least is None and journal is not None:
        least = journal.reference_confidence
    # (the references convert writes: the marks for the reference before stand for its parts)
    done = enrich(article).references
    out: list[ReferenceReading] = []
    for k, ref in enumerate(article.references):
        number = k + 1
        if ref.title or ref.source or ref.authors:
            text = _text_to_parse(ref, article.language) if ref.text else ref.title or ""
            out.append(ReferenceReading(number, text, text, None, None, given=True))
            continue
        if not ref.text:
            text = ref.doi or ref.url or ""
            out.append(ReferenceReading(number, text, text, None, "no text"))
            continue
        text = _text_to_parse(ref, article.language)
        if journal is None or not journal.structure_references:
            why = (
                "no journal file: references are parsed with one"
                if journal is None
                else "the journal file says structure_references: false"
            )
            out.append(ReferenceReading(number, text, text, None, why))
            continue
        text, people, source = _as_before(as_written := text, done[k - 1] if k else None)
        reading = explain(text, least)
        reason = reading.reason
        found = reading.citation
        if reason is None and found is not None and not _reads_back(found, people, source):
            reason = "the marks for the reference before ('Ibid.', '———.') are not read back"
        written_as = done[k] if reason is None else None
        out.append(ReferenceReading(number, as_written, text, reading, reason, False, written_as))
    return out


def _structured(
    ref: Reference,
    main: str,
    parse: Callable[[str], Citation | None],
    before: Reference | None = None,
) -> Reference:
    """The reference with the parts a confident parse (``parse``: ``parse_reference``) found
    (the text is kept as it is); what stands for a part of the reference before is read as
    that part (``_as_before``).

    A part the editor gave beside the text always wins: what is read only fills the parts not
    given. The pages are one part (a first page given keeps its own last page, or none: never
    one read from a text that may cite other pages; an article number given stands for them),
    as the imprint is. A first page read alone that is an article number ('e1002012') is
    its ``elocation_id``, as the readers take such pages."""
    text, people, source = _as_before(_text_to_parse(ref, main), before)
    found = parse(text)
    if found is None or not _reads_back(found, people, source):
        return ref
    latin = quotes_cyrillic(without_addresses(text))
    given = ref.fpage or ref.lpage or ref.elocation_id
    pages = (ref.fpage, ref.lpage) if given else (found.fpage, found.lpage)
    elocation_id = ref.elocation_id
    if not given and pages[0] and not pages[1] and _ARTICLE_NUMBER.fullmatch(pages[0]):
        pages, elocation_id = (None, None), pages[0]
    update: dict[str, Any] = {
        "authors": list(found.authors),
        "etal": ref.etal or bool(found.etal),
        "year": ref.year or found.year,
        "title": found.title,
        "source": found.source,
        "volume": ref.volume or found.volume,
        "issue": ref.issue or found.issue,
        "fpage": pages[0],
        "lpage": pages[1],
        "elocation_id": elocation_id,
        "doi": ref.doi or found.doi,
        "arxiv": ref.arxiv or found.arxiv,
        "isbn": ref.isbn or found.isbn,
        "pmid": ref.pmid or found.pmid,
        "pmcid": ref.pmcid or found.pmcid,
        "url": ref.url or found.url,
        "accessed": ref.accessed or found.accessed,
        "type": ref.type or found.type,
        # (a Latin-script reference that only quotes Cyrillic is no Russian work, though the
        # parse calls its Cyrillic title's work Russian)
        "lang": ref.lang or (None if latin else _work_language(found.lang, text)),
        "title_en": ref.title_en or found.title_en,
    }
    if not (ref.publisher or ref.publisher_loc):  # (an imprint given is the editor's, whole)
        from converter.citations.fields import threshold_group, written_imprint

        group = "en" if latin else threshold_group(text)
        update["publisher"], update["publisher_loc"] = written_imprint(found, group)
    return ref.model_copy(update=update)


def _work_language(parsed: str | None, text: str) -> str | None:
    """The language of a Cyrillic work the parse calls Russian (``parsed``): the one its letters
    tell when that is another Cyrillic alphabet's, Belarusian, Serbian …, as its text is filed
    (``alphabets.filed_language``); its element-citation was under ru beside a be text.
    A text of Russian's own letters only, nearly every one, is Russian at once: the letters
    are read only when one is of another alphabet (this runs on every structured reference)."""
    if parsed != "ru" or not _OTHER_CYRILLIC.search(text):
        return parsed
    words = without_addresses(text)
    return filed_language(words, parsed) if has_cyrillic(words) else parsed


# A Cyrillic letter outside Russian's alphabet (а–я, ё and their capitals)
_OTHER_CYRILLIC = lazy_re.compile("[\u0400\u0402-\u040f\u0450\u0452-\u04ff\u0500-\u052f]")


# An article's number in place of pages, as PLOS and others print it: 'e1002012'
_ARTICLE_NUMBER = lazy_re.compile(r"e\d{3,}")


def _text_to_parse(ref: Reference, main: str) -> str:
    """The text of ``ref`` that is parsed: the article's language's, else the first given."""
    texts = ref.text or {}
    return texts.get(main) or next(iter(texts.values()))


def _reads_back(found: Citation, people: list[str], source: str | None) -> bool:
    """Whether the parse reads the parts of the reference before, written in for their marks
    (``_as_before``), back as they are."""
    if found.authors[: len(people)] != people:
        return False
    return source is None or found.source == source


_SOURCE_BEFORE = lazy_re.compile(r"(?://|[.,])\s*$")


def _as_before(text: str, before: Reference | None) -> tuple[str, list[str], str | None]:
    """``text`` with the parts of the reference before written in for the marks that stand for
    them, the authors so written (as the parse writes them) and the source so written.

    A mark for the authors at the start ('———.', 'Он же.', 'Idem.'; '--,' for the first of
    them, co-authors after it) and 'Там же' / 'Ibid.' for the source: GOST, Chicago, MLA and
    AMS lists write them. The reading is kept only when the parse reads those parts back as
    they are; without a reference before that has them, the marks stay, and the parse's
    vetoes leave such a reference as text."""
    from converter.citations.names import IBID, SAME_AUTHORS, split_people

    people: list[str] = []
    source = None
    if before is None:
        return text, people, source
    mark = SAME_AUTHORS.match(text)
    if mark and before.authors:
        comma = mark["after"] == ","
        written = before.authors[:1] if comma else before.authors
        people = [one for name in written for one in split_people(name) or [name]]
        text = ", ".join(written).rstrip(".") + (", " if comma else ". ") + text[mark.end() :]
    # where a source stands: after '//' or a full stop or comma ('Erratum ibid.' is a note's)
    marks = [m for m in IBID.finditer(text) if _SOURCE_BEFORE.search(text, 0, m.start())]
    if before.source and len(marks) == 1:
        source = before.source
        text = text[: marks[0].start()] + source + text[marks[0].end() :]
    return text, people, source


def _latin_script(text: str) -> bool:
    return not has_cyrillic(text) or quotes_cyrillic(text)


def _cyrillic_only(ref: Reference) -> tuple[str, str] | None:
    """(language key, text) of a reference given only in Cyrillic (("", "") when it is given
    only as parts); None otherwise."""
    texts = ref.text or {}
    if texts:
        if LATIN_KEY in texts and len(texts) > 1:
            return None  # (asked first: it spares a scan of the English text for Cyrillic)
        # (judged without its links: a Latin-script reference citing http://президент.рф/ is
        # no Russian one; nor is one that only quotes Cyrillic, 'The «перестройка» years', or
        # a Latin-script form beside its Cyrillic title, '[Теория поля]': ``quotes_cyrillic``)
        if any(_latin_script(without_addresses(t)) for t in texts.values()):
            return None
        return next(iter(texts.items()))
    if has_cyrillic(_parts_text(ref)):
        return "", ""
    return None


# What tells a reference Ukrainian when its letters do not (those Ukrainian and Russian share):
# Ukrainian's own letters, the fixed words of Ukrainian lists (DSTU: 'та ін.', 'Вип.', 'за
# ред.', 'Вид-во', 'дата звернення', 'Режим доступу', '[Електронний ресурс]'), the places it
# abbreviates and Russian's GOST does not (К., Х., О.: Kyiv, Kharkiv, Odesa), an adjective's
# '-ський'/'-цький', and the apostrophe of 'В'ячеслав'. GOST's Л. is both lists' and tells
# neither.
_UKRAINIAN_TELLS = lazy_re.compile(
    r"[іїєґІЇЄҐ]"
    r"|(?<!\w)(?:[Тт]а|[Вв]ип\.|за\s?ред\.|[Вв]ид-во|звернення|доступу|[Ее]лектронний)(?!\w)"
    r"|(?<!\w)[КХО]\.(?=\s?[:;]|,\s?(?:1[5-9]|20)\d\d(?!\d))"
    r"|[а-я][сц]ьк(?:ий|а|е|ого|ої|их|им|ому|ій)(?!\w)"
    r"|[бвгдзкмнпрстфхшБВГДЗКМНПРСТФХШ]['’ʼ][яюєїЯЮЄЇ]"
)


def _tells_ukrainian(text: str) -> bool:
    return _UKRAINIAN_TELLS.search(text) is not None


# ... and what tells it Russian: Russian's own letters, a word begun with И ('Иванов',
# 'Известия': Ukrainian writes І), the endings -ия, -ие, -ии, -ию (Ukrainian's -ія, -іє, -ії,
# -ію), an adjective's -ская, -ских (-ська, -ських), GOST's fixed words ('и', 'под ред.',
# 'Изд-во', 'Вып.', 'дата обращения', 'Режим доступа'). A reference with neither, 'Стефаник В.
# Новели. Л.: Каменяр, 1990', is the list's language (Ukrainian), not Russian.
_RUSSIAN_TELLS = lazy_re.compile(
    r"[ыэъёЫЭЪЁ]"
    r"|(?<!\w)И(?=[а-я])|[а-я]и[яеию](?!\w)|[а-я][сц]к(?:ая|ое|их|ой|ого|ом)(?!\w)"
    r"|(?<!\w)(?:и|под\s?ред\.|[Ии]зд-во|[Вв]ып\.|обращения|доступа)(?!\w)"
)


def _tells_russian(text: str) -> bool:
    # (in small letters too: a reference typed in capitals, 'ИВАНОВ И. И. ТЕОРИЯ ПОЛЯ', told
    # nothing, and was Ukrainian, 'YVANOV … Lviv')
    return any(_RUSSIAN_TELLS.search(one) is not None for one in (text, text.lower()))


def _parts_text(ref: Reference) -> str:
    return " ".join(filter(None, [ref.title, ref.source, *ref.authors]))


def _with_latin_form(
    ref: Reference, journal: Journal, main: str, place: str, notes: list[str]
) -> Reference:
    """``ref`` with its Latin-script form, when it is given only in Cyrillic, the journal names
    a scheme and one writes its alphabet (else said in ``notes``). Without a scheme named, a
    Cyrillic text filed under a Latin-script language is filed as Russian (Ukrainian) all the
    same, with no Latin form: it was written under xml:lang="en"."""
    from converter.translit import UKRAINIAN, NoScheme, scheme_for

    found = _cyrillic_only(ref)
    if found is None:
        return ref
    lang, text = found
    words = without_addresses(text) or _parts_text(ref)  # (a '.укр' address tells nothing)
    declared = declared_language(lang or ref.lang, main)
    if declared == "uk" and not _tells_ukrainian(words) and _tells_russian(words):
        # Ukrainian only as the list is (a plain text in a Ukrainian article is filed under
        # uk): a Russian book cited there, 'Л.: Наука, 1975', is Russian, and its Л. Leningrad
        # (it was read as Ukrainian: 'Yvanov Y. Y. … Lviv: Nauka (In Ukrainian)'). Its letters
        # decide, and Russian's alphabet, listed first, holds the letters both languages share.
        # One that tells neither stays Ukrainian: a Lviv book, 'Л.: Каменяр', was Leningrad.
        declared = None
    try:
        scheme = scheme_for(words, journal.russian_scheme or "bsi", declared)
    except NoScheme as reason:
        if journal.transliteration:
            # (named by its letters when they alone tell its language: a plain text the
            # model filed under be or kk by them is said as 'Kazakh letters (ә, қ)', as it
            # was under ru, not as one declared Kazakh; and when they tell none, a Russian
            # text with a Ukrainian і, as 'letters of no one Cyrillic alphabet (і)', not as
            # 'Kazakh letters (і)')
            letters = told_reading(words)
            said = letters.describe() if letters.language in (declared, None) else reason
            notes.append(_untransliterated(place, said, f"text.{LATIN_KEY}"))
        return ref
    written_in = "uk" if scheme == UKRAINIAN else "ru"
    texts = dict(ref.text or {})
    # Filed where its words say it is written: a uk text that is Russian, and a Cyrillic text
    # under a Latin-script language (a plain text in an English article, or one with no
    # language), the original, which moves to ru/uk as a Russian article's is filed (it was
    # dropped, the Cyrillic text lost, and the Latin form took its key). A text the reference
    # already gives under that key keeps it, and this one its own: neither is lost. In a
    # Russian or Ukrainian article the original goes under (or stays in) the article's
    # language, whichever it is written in: PMC takes citation alternatives only when exactly
    # one is in the article's language (a Russian work in a Ukrainian article, filed as ru
    # beside en, failed --profile pmc), and a Ukrainian work in a Russian article, which the
    # reader files as uk, goes under ru as well. Only when its Latin form will stand beside it:
    # with no scheme named it stands alone, under the language it is written in.
    beside = bool(journal.transliteration)
    home = main if beside and main and is_cyrillic_language(main) else written_in
    russian_in_uk = lang == "uk" and written_in == "ru" and lang != home
    ukrainian_in_ru = lang == "uk" and home == "ru"
    if lang and (russian_in_uk or ukrainian_in_ru or not is_cyrillic_language(lang)):
        if home not in texts:
            texts = {home: texts.pop(lang), **texts}
        lang = home
    if not journal.transliteration:
        return ref if texts == ref.text else ref.model_copy(update={"text": texts})
    if not lang:
        # Given only as parts: their GOST text is written out, so both forms stand side by side.
        lang, text = written_in, reference_from_parts(ref)
        texts[lang] = text
    # (no note for a Latin-script work a Russian list cites with its markers, 'Smith J. Japan's
    # economy [Электронный ресурс]': it is no Russian work, and was '(In Russ.)')
    foreign = _latin_script(without_list_markers(words))
    said = journal.in_russ_note and not foreign
    note = LANGUAGE_NOTES[journal.language_note][written_in] if said else None
    texts[LATIN_KEY] = latin_reference_text(text, ref, scheme, note)
    return ref.model_copy(update={"text": texts})


# The note on the language of the work a Latin-script form ends with (``Journal.in_russ_note``),
# in the form the journal names (``Journal.language_note``). "round" is the Russian journals'
# RSCI/Scopus form, "(In Russ.)" (also written "(in Russian)"): the same round brackets for a
# Ukrainian work, its language written out, since no abbreviation of it is in use in References
# lists. "square" is the Ukrainian journals' form, "[in Ukrainian]" and "[in Russian]" (their
# authors' guidelines after DSTU 8302:2015 and APA; README, "Transliteration and references").
LANGUAGE_NOTES: dict[str, dict[str, str]] = {
    "round": {"ru": "(In Russ.)", "uk": "(In Ukrainian)"},
    "square": {"ru": "[in Russian]", "uk": "[in Ukrainian]"},
}

# Fixed bibliographic words of Russian and Ukrainian references and their English forms (not
# translation of content: the words GOST R 7.0.5/7.0.100, and Ukrainian lists after DSTU, use
# for parts of a description).
_NUMBERING: list[tuple[lazy_re.Pattern[str], str]] = [
    (lazy_re.compile(r"(?<!\w)Т\.\s?(?=\d)"), "Vol. "),
    (lazy_re.compile(r"(?<!\w)Том\s(?=\d)"), "Vol. "),
    (lazy_re.compile(r"№\s?"), "No. "),
    (lazy_re.compile(r"(?<!\w)С\.\s?(?=\d)"), "P. "),
    # the same pages in small letters, and spelt 'стр.' ('с. 15–20', 'Стр. 15': they stayed
    # 's. 15–20', 'Str. 15'), or 'стор.' as Ukrainian lists spell it (it stayed 'stor.'); not
    # the number of pages, '200 с. 5 ил.', after a number
    (lazy_re.compile(r"(?<![\w\d]\s)(?<!\w)(?:с|[Сс]тр|[Сс]тор)\.\s?(?=\d)"), "P. "),
    # an article number, 'Ст. e1002012'
    (lazy_re.compile(r"(?<!\w)Ст\.\s?(?=[A-Za-z]?\d)"), "Art. "),
    # the number of pages, '200 с.', before a space, the end, or ';', ',' or a bracket
    # ('200 с.; Т. 2', '(М., 2010. 200 с.)' kept 's.')
    (lazy_re.compile(r"(?<=\d)\s?(?:с|стр|стор)\.(?=[\s,;)\]]|$)"), " p."),
    (lazy_re.compile(r"(?<!\w)Сер\.\s?"), "Ser. "),
]


@dataclass(frozen=True, slots=True)
class _Words:
    """A language's fixed words (pattern → English) and month names (genitive → English)."""

    fixed: list[tuple[lazy_re.Pattern[str], str | Callable[[re.Match[str]], str]]]
    months: dict[str, str]
    month_word: lazy_re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        pattern = lazy_re.compile(r"\b(" + "|".join(self.months) + r")\b", re.I)
        object.__setattr__(self, "month_word", pattern)


# A Russian or Ukrainian thesis, 'дис. … канд. экон. наук', 'автореф. дисс. ... д-ра техн.
# наук', 'дис. … канд. екон. наук', as the References lists of RSCI and Russian and Ukrainian
# journals write it in English: 'Cand. Sci. (Econ.) diss.', 'Extended abstract of Dr. Sci.
# (Tech.) diss.' (it was written letter by letter, 'dis. … kand. ekon. nauk'). Only the degree
# fields below, each language's abbreviations of them: another is left as it was. Only where
# GOST and DSTU put it, after the title's ':' or a full stop, a dash or a bracket: inside a
# title ('Обзор защищённых дис. канд. экон. наук') the words are the title's.
_THESIS_FIELDS: dict[str, dict[str, str]] = {
    "ru": {
        "экон.": "Econ.", "техн.": "Tech.", "ист.": "Hist.", "филол.": "Philol.",
        "физ.-мат.": "Phys.-Math.", "юрид.": "Law", "пед.": "Ped.", "биол.": "Biol.",
        "хим.": "Chem.", "мед.": "Med.", "социол.": "Sociol.", "полит.": "Polit.",
        "филос.": "Philos.", "психол.": "Psychol.", "геогр.": "Geogr.", "с.-х.": "Agric.",
    },
    "uk": {
        "екон.": "Econ.", "техн.": "Tech.", "іст.": "Hist.", "істор.": "Hist.",
        "філол.": "Philol.",
        "фіз.-мат.": "Phys.-Math.", "юрид.": "Law", "пед.": "Ped.", "біол.": "Biol.",
        "хім.": "Chem.", "мед.": "Med.", "соціол.": "Sociol.", "політ.": "Polit.",
        "філос.": "Philos.", "психол.": "Psychol.", "геогр.": "Geogr.", "с.-г.": "Agric.",
    },
}  # fmt: skip
# a field's English whatever its language (the two spell техн., юрид. … alike, and mean one)
_THESIS_ENGLISH = {
    name: english for table in _THESIS_FIELDS.values() for name, english in table.items()
}


def _thesis_pattern(fields: Iterable[str]) -> lazy_re.LazyPattern[str]:
    """A thesis with one of ``fields`` (one language's): the words both languages share,
    'дис.', 'автореф.', 'канд.', 'д-ра', 'наук', are spelt alike in both."""
    return lazy_re.compile(
        r"(?:(?P<lead>\s*:\s*)|(?<=[.\]–—-]\s)|(?<=[.\]([])|^)"
        r"(?<!\w)(?P<abstract>автореф\.\s*)?дисс?\.\s*(?:…|\.\s?\.\s?\.)?\s*"
        r"(?P<degree>канд\.|д-ра|докт\.)\s*"
        r"(?P<field>" + "|".join(re.escape(f) for f in fields) + r")\s*наук(?!\w)",
        re.IGNORECASE,
    )


_THESIS = {lang: _thesis_pattern(table) for lang, table in _THESIS_FIELDS.items()}


def _electronic_resource(marker: str) -> lazy_re.LazyPattern[str]:
    """GOST's (DSTU's) '[Электронный ресурс]' ('[Електронний ресурс]') or its English,
    '[Electronic resource]', with the space before it when a full stop or a comma follows."""
    either = rf"\[(?:{marker}|Electronic resource)\]"
    return lazy_re.compile(rf"\s?{either}(?=[.,;:])|{either}\s?", re.I)


_ELECTRONIC_RESOURCE = {
    "ru": _electronic_resource("Электронный ресурс"),
    "uk": _electronic_resource("Електронний ресурс"),
}


def _thesis(match: re.Match[str]) -> str:
    degree = "Cand." if match["degree"].lower() == "канд." else "Dr."
    field = _THESIS_ENGLISH[match["field"].lower()]
    abstract = "Extended abstract of " if match["abstract"] else ""
    # the ' : ' GOST puts before the thesis is a full stop in the English list
    lead = ". " if match["lead"] else ""
    return f"{lead}{abstract}{degree} Sci. ({field}) diss."


# what follows a city's abbreviation standing with no publisher: ', 2010' (a year) or '; Л.'
# (another place, which ends with its own ':' or year; 'Л.:' is already Leningrad by then)
_PLACE_FOLLOWS = (
    r"(?=,\s?(?:1[5-9]|20)\d\d(?!\d)|\s?;\s?(?:М\.|Л\.|СПб\.|Moscow|Leningrad|St\. Petersburg))"
)
# what comes before an initial, not a city: another initial ('И. М.', 'А.М.') or a surname
# ('Иванов М.'); a surname with a comma is told by ``_city`` (a title's word has one too)
_NOT_INITIAL = r"(?<!\b[А-ЯЁ]\.\s)(?<![А-ЯЁA-Z]\.)(?<![А-ЯЁа-яёA-Za-z]\s)"
# a surname and its comma where an author stands: the entry's first word, or one after another
# author's comma or semicolon ('Иванов, М., 2010', 'Петренко О. В., Іваненко, Х., 2005', as
# author-year lists write them); a word after a title's full stop or another word is the
# title's ('Название, М., 2010', 'Історія міста, К., 2010': the place after a comma)
_SURNAME_AND_COMMA = lazy_re.compile(
    r"(?:^\s*(?:\[?\d{1,4}[.)\]]\s*)?|[,;]\s?)[А-ЯЁҐЄІЇA-Z][\w'’-]*,\s?$"
)


# the entry's first word and its comma, and a year that ends the entry (its pages may follow,
# '200 с.', after a full stop or a comma, or GOST's dash, '. – 200 с.'; a series' years,
# '2010-2012', are its year): a book with no author, title first, 'Экономика, М., 2010' — an
# author-year list's 'Иванов, М., 2010' has the title after its year
_FIRST_WORD_AND_COMMA = lazy_re.compile(r"^\s*(?:\[?\d{1,4}[.)\]]\s*)?[^\W\d_][\w'’-]*,\s?$")
_YEAR_ENDS_ENTRY = lazy_re.compile(
    r"^,\s?(?:1[5-9]|20)\d\d(?:\s?[-–—]\s?(?:1[5-9]|20)\d\d)?[.,]?"
    r"(?:\s*(?:[-–—]\s?)?\d+\s?[сc]\.)?\s*$"
)


def _city(name: str) -> Callable[[re.Match[str]], str]:
    """A city's abbreviation as ``name``, unless a surname and its comma stand before it: then
    it is the author's initial, and stays. The entry's first word before it is a title, not a
    surname, when the year after it ends the entry ('Экономика, М., 2010' → 'Ekonomika,
    Moscow, 2010'; it stayed 'M.')."""

    def written(match: re.Match[str]) -> str:
        before = match.string[: match.start()]
        if not _SURNAME_AND_COMMA.search(before):
            return name
        after = match.string[match.end() :]
        titled = _FIRST_WORD_AND_COMMA.search(before) and _YEAR_ENDS_ENTRY.match(after)
        return name if titled else match[0]

    return written


_ABBREVIATED_MONTHS = {
    "янв": "Jan.", "февр": "Feb.", "фев": "Feb.", "мар": "Mar.", "апр": "Apr.", "авг": "Aug.",
    "сент": "Sept.", "сен": "Sept.", "окт": "Oct.", "нояб": "Nov.", "ноя": "Nov.", "дек": "Dec.",
}  # fmt: skip
_ABBREVIATED_MONTH = lazy_re.compile(
    r"(?<=\d[\s\u00a0])(" + "|".join(_ABBREVIATED_MONTHS) + r")\.", re.I
)
# the languages a Russian list names a foreign work's in ('на англ. яз.')
_LANGUAGES_SAID = {
    "англ": "English", "нем": "German", "франц": "French", "фр": "French", "исп": "Spanish",
    "итал": "Italian", "кит": "Chinese", "яп": "Japanese", "япон": "Japanese", "кор": "Korean",
    "польск": "Polish", "укр": "Ukrainian",
}  # fmt: skip
_RUSSIAN_WORDS = _Words(
    [
        (
            lazy_re.compile(
                r"\s*[.]?\s*[–—-]\s*Текст\s*:\s*(?:электронный|непосредственный)", re.I
            ),
            "",
        ),
        # (with the space before it when a full stop or comma follows: 'Japan's economy
        # [Электронный ресурс]. URL' was 'Japan's economy . URL'); typed in English too, as
        # RSCI's References style drops both ('[Electronic resource]' was kept, the Russian
        # one dropped, so one list's Latin forms differed)
        (_ELECTRONIC_RESOURCE["ru"], ""),
        # GOST's general designation and a foreign work's language, as an English work cited
        # in a Russian list gives them ('Smith J. Japan's economy [Текст]', '(на англ. яз.)'):
        # they were spelt letter by letter, '[Tekst]', '(na angl. yaz.)'
        (lazy_re.compile(r"\s?\[Текст\]", re.I), ""),
        *(
            (lazy_re.compile(rf"\(на {short}\.? (?:яз\.|языке)\)", re.I), f"(In {name})")
            for short, name in _LANGUAGES_SAID.items()
        ),
        (_THESIS["ru"], _thesis),
        (lazy_re.compile(r"\bдата обращения\b", re.I), "accessed"),
        (lazy_re.compile(r"\bРежим доступа\b", re.I), "Available at"),
        (lazy_re.compile(r"(?<!\w)М\.\s?:"), "Moscow:"),
        (lazy_re.compile(r"\bМосква\s?:"), "Moscow:"),
        (lazy_re.compile(r"(?<!\w)СПб\.\s?:"), "St. Petersburg:"),
        (lazy_re.compile(r"\bСанкт-Петербург\s?:"), "St. Petersburg:"),
        (lazy_re.compile(r"(?<!\w)Л\.\s?:"), "Leningrad:"),
        # a place with no publisher, 'М., 2010', or two places, 'М.; Л.: Наука' (GOST R 7.0.5
        # writes both); only before a year or another place, and not after an initial or a
        # surname, so an author's initial is not a city ('Иванов И. М., Петров П. П.', and
        # the author-year 'Иванов А.М., 2010' or 'Иванов М., 2010' stay)
        (lazy_re.compile(rf"{_NOT_INITIAL}(?<!\w)М\.{_PLACE_FOLLOWS}"), _city("Moscow")),
        (lazy_re.compile(rf"(?<!\w)СПб\.{_PLACE_FOLLOWS}"), "St. Petersburg"),
        (lazy_re.compile(rf"{_NOT_INITIAL}(?<!\w)Л\.{_PLACE_FOLLOWS}"), _city("Leningrad")),
        *_NUMBERING,
        (lazy_re.compile(r"(?<!\w)Вып\.\s?", re.I), "Iss. "),
        (lazy_re.compile(r"\[и др\.\]|(?<!\w)и др\.", re.I), "et al."),
        (lazy_re.compile(r"(?<!\w)под ред\.\s?", re.I), "ed. by "),
        # a month abbreviated as GOST 7.0.12 writes it after a day ('6 сент.'), as English
        # lists abbreviate it ('6 Sept.'); it was written letter by letter, '6 sent.'
        (_ABBREVIATED_MONTH, lambda m: _ABBREVIATED_MONTHS[m[1].lower()]),
    ],
    {
        "января": "January", "февраля": "February", "марта": "March", "апреля": "April",
        "мая": "May", "июня": "June", "июля": "July", "августа": "August",
        "сентября": "September", "октября": "October", "ноября": "November",
        "декабря": "December",
    },
)  # fmt: skip
# The same for a Ukrainian list: its places, a surname's letters and its initials take the
# Ukrainian capitals too ('Іваненко К., 2010', 'Іваненко, К., 2010', 'Петренко І. К., 2010'
# keep the initial)
_UK_PLACE_FOLLOWS = (
    r"(?=,\s?(?:1[5-9]|20)\d\d(?!\d)"
    r"|\s?;\s?(?:К\.|Х\.|Л\.|О\.|М\.|СПб\.|Kyiv|Kharkiv|Lviv|Odesa|Moscow))"
)
_UK_NOT_INITIAL = r"(?<!\b[А-ЯҐЄІЇ]\.\s)(?<![А-ЯҐЄІЇA-Z]\.)(?<![А-ЯҐЄІЇа-яґєіїA-Za-z'’]\s)"
# Ukrainian lists abbreviate Київ, Харків, Львів, Одеса as К., Х., Л., О. (Л. is Lviv here, not
# Leningrad; О. is only Ukrainian lists' Odesa, a Russian one writes Одесса out).
_UKRAINIAN_WORDS = _Words(
    [
        (_ELECTRONIC_RESOURCE["uk"], ""),
        (_THESIS["uk"], _thesis),
        (lazy_re.compile(r"\bдата звернення\b", re.I), "accessed"),
        (lazy_re.compile(r"\bРежим доступу\b", re.I), "Available at"),
        (lazy_re.compile(r"(?<!\w)К\.\s?:"), "Kyiv:"),
        (lazy_re.compile(r"(?<!\w)Х\.\s?:"), "Kharkiv:"),
        (lazy_re.compile(r"(?<!\w)Л\.\s?:"), "Lviv:"),
        (lazy_re.compile(r"(?<!\w)О\.\s?:"), "Odesa:"),
        (lazy_re.compile(r"(?<!\w)М\.\s?:"), "Moscow:"),
        (lazy_re.compile(r"\bМосква\s?:"), "Moscow:"),
        (lazy_re.compile(r"(?<!\w)СПб\.\s?:"), "St. Petersburg:"),
        # a place with no publisher, 'К., 2010' or 'К.; Х.: …', as the Russian rule reads
        # 'М., 2010' (they were written 'K., 2010'); not after an initial or a surname
        (lazy_re.compile(rf"{_UK_NOT_INITIAL}(?<!\w)К\.{_UK_PLACE_FOLLOWS}"), _city("Kyiv")),
        (lazy_re.compile(rf"{_UK_NOT_INITIAL}(?<!\w)Х\.{_UK_PLACE_FOLLOWS}"), _city("Kharkiv")),
        (lazy_re.compile(rf"{_UK_NOT_INITIAL}(?<!\w)Л\.{_UK_PLACE_FOLLOWS}"), _city("Lviv")),
        (lazy_re.compile(rf"{_UK_NOT_INITIAL}(?<!\w)О\.{_UK_PLACE_FOLLOWS}"), _city("Odesa")),
        (lazy_re.compile(rf"{_UK_NOT_INITIAL}(?<!\w)М\.{_UK_PLACE_FOLLOWS}"), _city("Moscow")),
        (lazy_re.compile(rf"(?<!\w)СПб\.{_UK_PLACE_FOLLOWS}"), "St. Petersburg"),
        *_NUMBERING,
        (lazy_re.compile(r"(?<!\w)Вип\.\s?", re.I), "Iss. "),
        (lazy_re.compile(r"(?<!\w)т\.\s?(?=\d)"), "Vol. "),  # (Ukrainian lists write 'т. 2' too)
        (lazy_re.compile(r"\[та ін\.\]|(?<!\w)та ін\.", re.I), "et al."),
        (lazy_re.compile(r"(?<!\w)за ред\.\s?", re.I), "ed. by "),
    ],
    {
        "січня": "January", "лютого": "February", "березня": "March", "квітня": "April",
        "травня": "May", "червня": "June", "липня": "July", "серпня": "August",
        "вересня": "September", "жовтня": "October", "листопада": "November",
        "грудня": "December",
    },
)  # fmt: skip
_SPACES = lazy_re.compile(r"\s{2,}")
# GOST's and DSTU's '//' before the work a part is in; not the '//' of an address ('https://')
_DOUBLE_SLASH = lazy_re.compile(r"(?<![:/])\s*//\s*(?!/)")


def _english_quotes(text: str, depth: int = 0) -> str:
    """Russian quotation marks as English ones: «» → “”, and a quote inside a quote — GOST's
    „“ or «» again — → ‘’, as English lists nest them (`«Журнал „Вопросы“»` kept its inner
    „“ beside the outer “”). ``depth`` is how many quotes ``text`` already stands inside (a
    title cut from inside its quotes). An English “” inside a quote is one too, as most
    Russian texts type the inner quotes («Завод “Прогресс”»), also in a title cut from inside
    its quotes (else it no longer matched the reference's text, and lost its translation);
    standing alone, it stays."""
    out: list[str] = []
    opened: list[str] = []
    for char in text:
        closes = opened and (
            (char == "»" and opened[-1] == "«")
            or (char in "\u201c\u201d" and opened[-1] == "„")  # („“, or „” as some write)
            or (char == "\u201d" and opened[-1] == "\u201c")
        )
        if closes:
            opened.pop()
            level = depth + len(opened)
            out.append("\u201d" if level % 2 == 0 else "\u2019")
        elif char in "«„" or (char == "\u201c" and (opened or depth)):
            level = depth + len(opened)
            out.append("\u201c" if level % 2 == 0 else "\u2018")
            opened.append(char)
        elif char == "»":
            out.append("\u201d")  # one with no « before it, as the quotes were read before
        else:
            out.append(char)
    return "".join(out)


def _latin_part(part: str, latin: str, words: _Words, scheme: str) -> str:
    """A title's or source's Latin form as it stands in the reference's: its quotes are
    nested one level deeper when the reference quotes the whole part."""
    from converter.translit import transliterate

    plain = transliterate(_fixed_words(part, words), scheme)
    written = _english_quotes(plain)
    if written in latin:
        return written
    inner = _english_quotes(plain, depth=1)
    return inner if inner in latin else written


def _fixed_words(text: str, words: _Words = _RUSSIAN_WORDS) -> str:
    if not has_cyrillic(text):
        return text
    for pattern, english in words.fixed:
        text = pattern.sub(english, text)
    return words.month_word.sub(lambda m: words.months[m.group(1).lower()], text)


_DOUBLED_STOP = lazy_re.compile(r"(?<!\.)\.\s*\.(?!\s*\.)")


def latin_reference_text(text: str, ref: Reference, scheme: str, note: str | None) -> str:
    """The Latin-script ("References") form of a Russian (or, by ``UKRAINIAN``, Ukrainian)
    reference's text, ending with ``note`` (a ``LANGUAGE_NOTES`` one) when given."""
    from converter.citations import parse_reference
    from converter.translit import UKRAINIAN, transliterate

    words = _UKRAINIAN_WORDS if scheme == UKRAINIAN else _RUSSIAN_WORDS

    parsed = parse_reference(text)
    # Its links (web addresses, DOIs, e-mail addresses) are set aside and put back as written:
    # an internationalized domain's Cyrillic, http://президент.рф/…, was transliterated into
    # http://prezident.rf/…, an address that leads nowhere
    text, links = _set_aside(text)
    title = ref.title or (parsed.title if parsed else None)
    source = ref.source or (parsed.source if parsed else None)
    if parsed is not None and parsed.type == "book" and not ref.title:
        title, source = source, None  # a book's own title is what takes the translation
    latin = _fixed_words(text, words)
    latin = _DOUBLE_SLASH.sub(". ", latin)
    # Russian quotation marks are no English ones: «Сахалин-2» is “Sakhalin-2” in the
    # References list, as English lists quote
    latin = _english_quotes(latin)
    latin = transliterate(latin, scheme)
    if title:
        latin_title = _latin_part(title, latin, words, scheme)
        at = latin.find(latin_title)
        # (not when the text already gives its title a bracketed one, 'Теория поля [Field
        # theory]': the parse reads that as the English title, and it was written twice,
        # 'Teoriya polya [Field theory] [Field theory]'), a quoted title's too, after its
        # closing quote ('“Ekonomika Yaponii [Economy of Japan]” [Economy of Japan]')
        after = latin[at + len(latin_title) :].lstrip(" \u00a0”\"»’'")
        bracketed = at >= 0 and after.lstrip().startswith("[")
        if ref.title_en and at >= 0 and not bracketed:
            latin = latin.replace(latin_title, f"{latin_title} [{ref.title_en}]", 1)
    if source and ref.source_en:
        latin_source = _latin_part(source, latin, words, scheme)
        latin = latin.replace(latin_source, ref.source_en, 1)
    latin = _SPACES.sub(" ", latin).strip()
    # a full stop doubled by the words put in ('Moscow.', 'diss.'); not an ellipsis, '...',
    # which GOST writes in a thesis ('дисс. ... канд.' became 'diss.. kand.')
    latin = _DOUBLED_STOP.sub(".", latin)
    latin = _put_back(latin, links)
    if note and note not in latin:
        latin = latin.rstrip() + (" " if latin.endswith(".") else ". ") + note
    return latin


_ASIDE = 0xE000  # a private-use character stands for each link set aside: no pattern reads it


def _set_aside(text: str) -> tuple[str, list[str]]:
    """``text`` with each link (``converter.inline.link_spans``) as one private-use character,
    and the links, in order."""
    links: list[str] = []
    out: list[str] = []
    pos = 0
    for start, end in link_spans(text):
        out.append(text[pos:start] + chr(_ASIDE + len(links)))
        links.append(text[start:end])
        pos = end
    return "".join(out) + text[pos:], links


def _put_back(text: str, links: list[str]) -> str:
    for number, link in enumerate(links):
        text = text.replace(chr(_ASIDE + number), link)
    return text


def reference_from_parts(ref: Reference) -> str:
    """A GOST R 7.0.5-style text of a reference given only as parts (its original language).
    An article number stands where pages would, abbreviated as they are ('Ст. e1002012', in
    the Latin-script form 'Art. e1002012', as 'С. 10–20' is 'P. 10–20')."""
    head = " ".join(filter(None, [", ".join(ref.authors), ref.title]))
    details = [ref.source] if ref.source else []
    imprint = ": ".join(filter(None, [ref.publisher_loc, ref.publisher]))
    if imprint:  # 'М.: Наука, 1988': the imprint and its year are one area
        details.append(f"{imprint}, {ref.year}" if ref.year else imprint)
    elif ref.year:
        details.append(ref.year)
    numbers = [f"Т. {ref.volume}"] if ref.volume else []
    if ref.issue:
        numbers.append(f"№ {ref.issue}")
    if numbers:
        details.append(", ".join(numbers))
    if ref.fpage:
        details.append(f"С. {ref.fpage}–{ref.lpage}" if ref.lpage else f"С. {ref.fpage}")
    if ref.elocation_id:  # the cited article's number, where its pages would be: 'Ст. e1002012'
        details.append(f"Ст. {ref.elocation_id}")
    body = ". ".join(details)
    # ('//' before the work a part is in; a book, its title as the source, has none)
    if ref.title and body:
        text = f"{head} // {body}."
    else:
        text = ". ".join(part.rstrip(".") for part in (head, body) if part) + "."
    return f"{text} DOI: {ref.doi}." if ref.doi else text
