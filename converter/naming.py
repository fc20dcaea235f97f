"""Output file names from article metadata: a small, documented, deterministic pattern language.

A pattern is text with ``{field}`` placeholders; ``{a|b|c}`` takes the first of the fields that
has a value. Fields:

=============  ===============================================================================
``journal``    the journal's short name: its ``publisher-id`` (else ``nlm-ta``, else any other
               journal id), else its abbreviated title, else its electronic or print ISSN;
               lower case
``issn``       electronic ISSN, else print ISSN
``volume``     ``issue``  ``fpage``  ``lpage``  ``elocation`` (``elocation_id``)
``year``       year of the collection date, else of the electronic or print publication date
``doi``        the DOI suffix (the part after ``10.NNNN/``)
``id``         the article's ``publisher_id``
``stem``       the source file's name without extension (``row-12`` for spreadsheet row 12)
=============  ===============================================================================

A placeholder ending in ``?`` (``{issue?}``) may be empty: it then gives nothing, and the
separator (``-``, ``_`` or ``.``) before it goes too.

The default, ``{journal}-{volume|year}-{issue?}-{fpage|elocation|stem}``, gives the names PMC
asks for (journal, volume, issue, first page), such as ``rjr-1-2-110.xml``, or ``rjr-1-110.xml``
for an article without an issue: journals whose pages start again in each issue have many
articles of one volume on the same first page.

Values are reduced to Latin letters, digits, ``.``, ``_`` and ``-`` (Russian transliterated,
accents dropped: ``Щукин-статья`` → ``Shchukin-statya``); a ``/`` in the pattern itself makes
sub-folders. The writer's ending (``.xml``) is appended. A placeholder none
of whose fields has a value is a problem naming the field, never an empty part. A name longer
than 200 bytes (file systems stop at 255, and the temporary file beside it needs room) is cut
and given a hash of the whole name: ``rjr-<first letters>-<16 hex digits>.xml``, the same on
every run.
"""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from converter import lazy_re
from converter.model import Article, Journal

DEFAULT_PATTERN = "{journal}-{volume|year}-{issue?}-{fpage|elocation|stem}"

_UNSAFE = lazy_re.compile(r"[^A-Za-z0-9._-]+")
_ENDING = lazy_re.compile(r"(?:\.[A-Za-z]{1,12}){1,2}$")  # .xml, .crossref.xml, .meta.html
MAX_NAME_BYTES = 200
"""Longest output file name written as it is; longer ones get ``fit_name``'s hash suffix."""


class PatternError(ValueError):
    """A name pattern that cannot be used (unknown field, bad syntax, unsafe path)."""


def _journal_short(journal: Journal) -> str | None:
    ids = journal.ids
    for key in ("publisher-id", "nlm-ta"):
        if ids.get(key):
            return ids[key].lower()
    if ids:
        return next(iter(ids.values())).lower()
    if journal.abbrev_title:
        return re.sub(r"[\W_]+", "-", journal.abbrev_title.lower()).strip("-")
    return journal.issn.electronic or journal.issn.print


def _year(article: Article) -> str | None:
    p = article.published
    for value in (p.collection, p.electronic, p.print):
        if value:
            return value[:4]
    return None


def _doi_suffix(article: Article) -> str | None:
    return article.doi.split("/", 1)[1] if article.doi and "/" in article.doi else None


def _journal(article: Article) -> Journal:
    journal = article.journal
    if not isinstance(journal, Journal):
        raise TypeError("article.journal must be resolved before naming")
    return journal


FIELDS: dict[str, Callable[[Article, str], str | None]] = {
    "journal": lambda a, _stem: _journal_short(_journal(a)),
    "issn": lambda a, _stem: _journal(a).issn.electronic or _journal(a).issn.print,
    "volume": lambda a, _stem: a.volume,
    "issue": lambda a, _stem: a.issue,
    "fpage": lambda a, _stem: a.fpage,
    "lpage": lambda a, _stem: a.lpage,
    "elocation": lambda a, _stem: a.elocation_id,
    "year": lambda a, _stem: _year(a),
    "doi": lambda a, _stem: _doi_suffix(a),
    "id": lambda a, _stem: a.ids.publisher_id,
    "stem": lambda _a, stem: stem,
}
# Marks a placeholder written with '?' ('{issue?}'): one that may be empty.
_OPTIONAL = "?"
_SEPARATORS = ("-", "_", ".")
# The model field a placeholder reads, for messages that name the field to fill in.
_FIELD_NAMES = {"elocation": "elocation_id", "id": "ids.publisher_id", "journal": "journal.ids"}


@dataclass(frozen=True, slots=True)
class NamePattern:
    """A parsed pattern: literal text and alternatives of fields, in order."""

    text: str
    parts: tuple[str | tuple[str, ...], ...]

    @classmethod
    def parse(cls, text: str) -> NamePattern:
        """Parse and check a pattern; raise ``PatternError`` with one line saying what is wrong."""
        if not text.strip():
            raise PatternError("empty name pattern")
        parts: list[str | tuple[str, ...]] = []
        try:
            parsed = list(string.Formatter().parse(text))
        except ValueError as exc:
            raise PatternError(f"name pattern {text!r}: {exc}") from None
        for literal, field, spec, conversion in parsed:
            if literal:
                parts.append(literal)
            if field is None:
                continue
            if spec or conversion:
                raise PatternError(f"name pattern {text!r}: no format specs or conversions")
            optional = field.rstrip().endswith("?")
            names = tuple(name.strip() for name in field.rstrip().rstrip("?").split("|"))
            for name in names:
                if name not in FIELDS:
                    known = ", ".join(FIELDS)
                    raise PatternError(
                        f"name pattern {text!r}: unknown field {{{name}}} (known: {known})"
                    )
            parts.append((*names, _OPTIONAL) if optional else names)
        segments = text.split("/")
        if text.startswith("/") or any(seg in ("", ".", "..") for seg in segments):
            raise PatternError(f"name pattern {text!r}: only relative paths without '..'")
        if not any(isinstance(part, tuple) and part[-1] != _OPTIONAL for part in parts):
            raise PatternError(
                f"name pattern {text!r}: has no {{field}} that is always there (a '?' one may "
                "be empty): every name could clash"
            )
        return cls(text, tuple(parts))

    def name(self, article: Article, stem: str, suffix: str = ".xml") -> str:
        """The relative output path of one article; ``ValueError`` names a field left empty."""
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            value = None
            unusable = None  # a value with nothing a file name keeps ('論文')
            for field in part:
                if field == _OPTIONAL:
                    break
                raw = FIELDS[field](article, stem)
                try:
                    value = _clean(raw) if raw else None
                except ValueError as exc:  # letters no scheme writes ('Әлиев': Kazakh ә)
                    raise ValueError(
                        f"{_FIELD_NAMES.get(field, field)}: {raw.strip()!r} is in {exc}, which no "
                        f"scheme writes in Latin letters (needed by the output name pattern "
                        f"{self.text!r}): rename the file or leave the field out of the pattern"
                    ) from None
                if value:
                    break
                if raw and raw.strip() and unusable is None:
                    unusable = (field, raw)
            if not value and part[-1] == _OPTIONAL:
                # nothing, and no separator left doubled: 'rjr-1-{issue?}-110' → 'rjr-1-110'
                if out and out[-1][-1:] in _SEPARATORS:
                    out[-1] = out[-1][:-1]
                continue
            if not value and unusable is not None:
                field, raw = unusable
                raise ValueError(
                    f"{_FIELD_NAMES.get(field, field)}: {raw.strip()!r} has no letter or digit a "
                    f"file name can keep (needed by the output name pattern {self.text!r})"
                )
            if not value:
                wanted = " or ".join(_FIELD_NAMES.get(f, f) for f in part)
                raise ValueError(
                    f"{wanted}: needed by the output name pattern {self.text!r} but empty"
                )
            out.append(value)
        return fit_path("".join(out) + suffix)


def fit_name(name: str, limit: int = MAX_NAME_BYTES) -> str:
    """``name`` (one file name, ending kept) when it fits in ``limit`` bytes; else shortened,
    with a hash of the whole name in its place, so that the same long name always gives the
    same short one and two long names that differ only at the end still differ.

    ``limit`` leaves room under the file systems' 255 bytes for the temporary file written
    beside the output (``.NAME.<unique>.<owner>.jatsconv-tmp``, ≤ 54 bytes more).
    """
    if len(name.encode("utf-8")) <= limit:
        return name
    match = _ENDING.search(name)
    ending = match.group() if match else ""
    stem = name[: len(name) - len(ending)]
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]
    room = limit - len(ending.encode("utf-8")) - len(digest) - 1
    kept = stem.encode("utf-8")[: max(room, 1)].decode("utf-8", errors="ignore").rstrip("-.")
    return f"{kept}-{digest}{ending}"


def fit_path(path: str) -> str:
    """A relative path (``/``-separated) with every part passed through ``fit_name``."""
    return "/".join(fit_name(part) for part in path.split("/"))


def _clean(value: str) -> str:
    """A value made safe as (part of) a file name: no separators, spaces or dots at the ends."""
    if not value.isascii():
        value = _latin(value)
    return _UNSAFE.sub("-", value.strip()).strip("-.")


def _latin(value: str) -> str:
    """Letters of other scripts as a file name keeps them: Russian transliterated (BSI, as the
    "References" lists; without the soft and hard signs and apostrophes, as in web addresses:
    статья → statya), Ukrainian by its own national system (Євтушенко → Yevtushenko: a Russian
    table would drop є), accents dropped (étude → etude). Cyrillic of an alphabet no scheme
    writes (Kazakh ә) is a ``ValueError`` naming its letters: dropped, "Әлиев" gave "liev".
    What no table maps (CJK) is left to ``_clean``."""
    from converter.scripts import has_cyrillic  # (only for names that need it)
    from converter.translit import NoScheme, scheme_for, transliterate

    if has_cyrillic(value):
        value = unicodedata.normalize("NFC", value)  # (a Mac writes й as и and a breve)
        try:
            scheme = scheme_for(value, "bsi")
        except NoScheme as exc:
            raise ValueError(str(exc)) from None
        value = transliterate(_SIGNS.sub("", value), scheme)
    return "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))


_SIGNS = lazy_re.compile("[ЪъЬь'’ʼ]")
