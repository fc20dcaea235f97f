"""The Python API of the commands that take articles already written or read: ``package``
(PMC zips of JATS files), ``preview`` (an article's HTML page) and ``consistency`` (mis-decoded
text, scripts and transliteration). Each is the command's own code (``converter.package``,
``converter.preview``, ``converter.consistency``) without its printing and exit codes."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from converter.api_args import format_arg, path_arg, paths_arg
from converter.errors import InputError, type_named
from converter.model import Article, Journal

if TYPE_CHECKING:
    from converter.consistency import Finding as ConsistencyFinding
    from converter.package import PackageResult
    from converter.preview import Page
    from converter.readers.native import JournalSource

__all__ = ["Consistency", "build_packages", "check_consistency", "preview_html", "preview_pages"]

PathArg = str | os.PathLike[str]


def build_packages(
    files: Iterable[PathArg],
    out_dir: PathArg | None = None,
    *,
    per_issue: bool = False,
    journal_code: str | None = None,
    name_with_issue: bool = False,
) -> list[PackageResult]:
    """``jatsconv package FILES -o OUT_DIR``: PMC delivery zips of JATS files, each with its
    PDF (``ARTICLE.pdf`` beside it, or the file its ``self-uri`` names) and figures; one zip
    per article (``jour-vol-pg.zip``; ``jour-vol-iss-pg.zip`` with ``name_with_issue``) or,
    with ``per_issue``, per issue. ``out_dir``: default the first file's folder;
    ``journal_code``: PMC's code for the names (default from the journal-id or ISSN).

    A ``PackageResult`` per zip: ``path`` (None when not written), ``problems`` (why it was
    refused: a missing file, a name PMC rejects — the others are written), ``warnings``
    (said, the zip still written), ``articles``. Raises ``OutputError`` when ``out_dir``
    cannot be created or written. No DTD is needed (the files are packed as they are).
    """
    from converter.api import check_output_folder
    from converter.package import build_packages as build

    paths = paths_arg(files, "files")
    given = path_arg(out_dir, "out_dir") if out_dir is not None else None
    if not paths:
        return []
    folder = given if given is not None else paths[0].parent
    check_output_folder(folder)
    return build(
        paths, folder, per_issue=per_issue, journal=journal_code, name_with_issue=name_with_issue
    )


def preview_pages(
    source: Article | PathArg,
    *,
    profiles: Iterable[str] = (),
    fmt: str | None = None,
    journal: JournalSource | None = None,
    scheme: str | None = None,
) -> list[Page]:
    """The preview pages ``jatsconv preview`` writes, in memory: one ``Page`` per article of
    ``source`` (``html``, ``title``, ``source``, ``findings`` — those of ``profiles``, shown on
    the page beside their element). ``source`` is an ``Article`` or a file of any format the
    converter reads: JATS and NLM are shown as they are, other inputs converted to JATS first
    (1.4, or 1.3 with ``pmc`` among the profiles), as ``preview`` does; ``fmt``, ``journal``
    and ``scheme`` are its ``--from``, ``--journal`` and ``--scheme``. No DTD is needed.

    An article of several that cannot be read (one of an issue export) is a ``Page`` with its
    ``problems`` and no ``html``, the others shown, as ``preview`` writes the others. Raises
    ``InputError`` when no article of the source can be shown (each problem a line).
    """
    from converter.preview import preview_source

    wanted = _profiles(profiles)
    _scheme(scheme)
    if isinstance(source, Article):
        return _article_pages(source, wanted, scheme)
    path = path_arg(source, "source")
    fmt = format_arg(fmt)
    pages = [page for _, page in preview_source(path, wanted, fmt=fmt, journal=journal,
                                                scheme=scheme)]  # fmt: skip
    if all(page.problems for page in pages):
        # (an empty file gives no page, and raises no more than before)
        problems = [line for page in pages for line in page.problems]
        raise InputError(str(path), [_without_prefix(line, str(path)) for line in problems])
    return pages


def _profiles(profiles: object) -> tuple[str, ...]:
    """The profile names, checked (one name given as text is said so: its letters are none)."""
    from converter.checks.profiles import rules_for
    from converter.options import not_profiles, one_text_for_profiles

    if isinstance(profiles, str):
        raise ValueError(one_text_for_profiles(profiles))
    if not isinstance(profiles, Iterable):
        raise TypeError(not_profiles(profiles))
    wanted = tuple(profiles)
    rules_for(wanted)  # (ValueError for an unknown name)
    return wanted


def _scheme(scheme: object) -> None:
    """A transliteration scheme's name or None: an unknown one is a ``ValueError``, as
    ``check_consistency`` and ``--scheme`` say (a preview drew the journal's unsaid)."""
    from converter.translit import SCHEMES

    if scheme is None:
        return
    if not isinstance(scheme, str):
        raise TypeError(f"scheme: a transliteration scheme's name (str), not {type_named(scheme)}")
    if scheme not in SCHEMES:
        raise ValueError(f"scheme: unknown transliteration scheme {scheme!r} "
                         f"({', '.join(SCHEMES)})")  # fmt: skip


def _article_pages(article: Article, profiles: tuple[str, ...], scheme: str | None) -> list[Page]:
    """An article's page, rendered as ``preview_source`` renders one it read: its JATS
    first, the journal's transliteration scheme unless ``scheme`` is given."""
    from converter.api import render
    from converter.options import Options, default_version
    from converter.preview import preview_tree
    from converter.validation import parse_untrusted

    name = "<article>"
    output = render(article, Options(version=default_version(profiles), profiles=profiles), name)
    journal = article.journal
    own = scheme or (journal.russian_scheme if isinstance(journal, Journal) else None)
    return preview_tree(parse_untrusted(output.data, name), name, profiles, scheme=own)


def _without_prefix(line: str, name: str) -> str:
    """A problem line without the file's name, which ``InputError`` puts back: an article of
    a file of several keeps its number (``#2: title: …``)."""
    return line.removeprefix(name).removeprefix(": ") if line.startswith(name) else line


def preview_html(
    source: Article | PathArg,
    *,
    profiles: Iterable[str] = (),
    fmt: str | None = None,
    journal: JournalSource | None = None,
    scheme: str | None = None,
) -> str:
    """The HTML page ``jatsconv preview`` writes for one article (``preview_pages``' only
    page): a self-contained document, CSS inline, no scripts. A source holding several
    articles (an issue export) is a ``ValueError``: ``preview_pages`` gives each."""
    pages = preview_pages(source, profiles=profiles, fmt=fmt, journal=journal, scheme=scheme)
    if len(pages) != 1:
        raise ValueError(
            f"{source}: {len(pages)} articles, one page each: preview_pages gives them all"
        )
    return pages[0].html


@dataclass(slots=True)
class Consistency:
    """``jatsconv consistency`` on one article: ``file`` (its name), ``findings`` (each a
    ``converter.consistency.Finding``: ``rule``, ``severity``, ``message``, ``field`` …;
    ``str()`` is the line the command prints after the name), ``problems`` (why it could not
    be read: then no finding). ``as_dict()`` is one item of ``consistency --json``."""

    file: str
    findings: list[ConsistencyFinding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        """Error findings: what makes the command exit 1 (warnings alone pass)."""
        return sum(finding.severity == "error" for finding in self.findings)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "findings": [asdict(finding) for finding in self.findings],
            "problems": self.problems,
        }


def check_consistency(
    source: Article | PathArg,
    *,
    scheme: str | None = None,
    fmt: str | None = None,
    journal: JournalSource | None = None,
) -> list[Consistency]:
    """``jatsconv consistency``: for each article of ``source`` (an ``Article``, or a file of
    any format the converter reads: ``fmt``, ``journal`` as ``--from``, ``--journal``), the
    mis-decoded text of any field (errors), Cyrillic letters in a Latin-script field (errors),
    and transliterations that depart from ``scheme`` (default: the journal's
    ``transliteration``) as warnings. An article that cannot be read is a ``Consistency``
    with its ``problems``, never raised. No DTD is needed."""
    from converter.consistency import check_article
    from converter.readers import ReadContext, read_source

    _scheme(scheme)
    if isinstance(source, Article):
        return [Consistency("<article>", check_article(source, scheme))]
    path = path_arg(source, "source")
    reports = []
    for loaded in read_source(path, format_arg(fmt), ReadContext(journal=journal)):
        if loaded.article is None:
            reports.append(Consistency(loaded.name, problems=list(loaded.problems)))
        else:
            reports.append(Consistency(loaded.name, check_article(loaded.article, scheme)))
    return reports
