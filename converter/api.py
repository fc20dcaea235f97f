"""The Python API the CLI is a thin layer over, and the one conversion pipeline:

    read (``converter.readers``) → model → enrich (``converter.enrich``) →
    write, validated (``converter.writers``) → profile checks (``converter.checks``)

``render`` runs everything after reading; ``convert_loaded`` adds the atomic write;
``convert_file`` adds the reading. ``jatsconv convert``, ``jatsconv batch`` (in its workers) and
Python callers all go through ``render``: no writer runs enrichment or checks itself.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from converter.atomic import sweep_stale, write_atomic
from converter.enrich import enriched
from converter.errors import OUTPUT_ERRNOS, InputError, output_error
from converter.grammars import GrammarsArg, as_grammars, get_grammars
from converter.lru import Lru
from converter.model import Article, Journal
from converter.naming import fit_name
from converter.notices import Notice, notice, strict_problems, summary
from converter.options import JatsVersion, Options, Output, TagSet
from converter.publication_status import deposit_refusal
from converter.readers import Loaded, ReadContext, read_source
from converter.readers.base import with_column
from converter.readers.encoding import name_not_utf8, shown_name
from converter.validation import Problem
from converter.writers import SUFFIXES, WRITERS

if TYPE_CHECKING:
    from converter.readers.native import JournalSource

Status = Literal["converted", "invalid", "bad-input", "skipped"]

__all__ = [
    "Conversion",
    "Output",
    "OutputClaims",
    "convert_file",
    "convert_loaded",
    "output_suffix",
    "prepare",
    "read_articles",
    "render",
    "to_jats",
]


def render(article: Article, options: Options, name: str = "output.xml") -> Output:
    """The pipeline after reading: enrich ``article``, write it in the format ``options.target``
    names (validated when ``options.grammars`` is set), then run the profiles of
    ``options.profiles`` on the result. ``name`` names the output in problems; a name or
    reference left without a Latin form (an alphabet no transliteration scheme writes) is a
    warning naming its field.

    Raises ``InputError`` for an article without its journal, ``SetupError`` when the grammars
    given are not installed, ``ValueError`` for an unknown format, version, tag set or profile.
    """
    try:
        writer = WRITERS[options.target]
    except KeyError:
        known = ", ".join(repr(target) for target in WRITERS)
        raise ValueError(f"unknown output format {options.target!r} (use one of {known})") from None
    _require_journal(article, name)
    done = enriched(article)  # Latin names and references, parsed citations
    article = done.article
    output = writer(article, options, name)
    output.problems.extend(untransliterated_problems(done.untransliterated, name))
    if options.profiles:
        output.problems.extend(_profile_problems(article, options, output, name))
    return output


def _require_journal(article: Article, name: str) -> None:
    """Refuse, as bad input naming the field, an article whose journal was never read: one a
    caller built with ``Article.model_validate`` from data without ``journal``, or with the
    journal file's path (the readers, ``load_article`` and ``article_from_data`` read it)."""
    journal = article.journal
    if isinstance(journal, Journal):
        return
    if journal is None:
        problem = (
            "journal: no journal metadata (give the Article its Journal: load_article and "
            "article_from_data find journal.yaml beside the article, or take journal=)"
        )
    else:
        problem = (
            f"journal: {journal!r} is a path, not read: build the article with load_article or "
            "article_from_data, which read it"
        )
    raise InputError(name, [problem])


def untransliterated_problems(lines: list[str], name: str) -> list[Problem]:
    """Warnings for the names and references enrichment could not write in Latin script."""
    return [Problem(name, 0, 0, line, severity="warning") for line in lines]


def _profile_problems(
    article: Article, options: Options, output: Output, name: str
) -> list[Problem]:
    """Profile findings on a converted article (``convert --profile``): on the JATS written,
    or, for another output format, on the JATS the same article gives. The journal file's
    transliteration scheme is the one transliterations are judged against."""
    from converter.checks import profile_problems
    from converter.writers.jats import contributor_order

    journal = article.journal
    scheme = journal.russian_scheme if isinstance(journal, Journal) else None
    # (the JATS lists contributors by role: findings name each by its input index)
    order = contributor_order(article)
    if options.target == "jats" and output.data:
        return profile_problems(output.data, options.profiles, name, scheme, order)
    plain = Options(version=options.version, tag_set=options.tag_set, profiles=options.profiles)
    jats = WRITERS["jats"](article, plain, name)
    # Lines of the JATS rendition mean nothing in another format: the input field places them.
    return [
        Problem(p.file, 0, 0, p.message, p.severity)
        for p in profile_problems(jats.data, options.profiles, name, scheme, order)
    ]


def to_jats(
    article: Article,
    *,
    version: JatsVersion = "1.4",
    tag_set: TagSet = "publishing",
    grammars: GrammarsArg = None,
    name: str = "output.xml",
) -> Output:
    """Render one article as JATS, DTD-validated when ``grammars`` (a ``Grammars``, or the
    path of its folder) is given (without it, ``Output.valid`` only says the writer found
    nothing wrong). Nothing is written to disk.
    Raises ``InputError`` (an article without its journal), ``SetupError`` (grammars not
    installed) or ``ValueError`` (a version or tag set it does not know)."""
    options = Options(version=version, tag_set=tag_set, grammars=as_grammars(grammars))
    return render(article, options, name)


@dataclass(slots=True)
class Conversion:
    """What happened to one article: ``status`` is "converted" (valid, written to
    ``output``), "invalid" (the DTD, schema or a profile rejected it: ``output`` is None unless
    ``Options.write_invalid``), "bad-input" (not read, or refused) or "skipped" (a batch's
    up-to-date output). ``problems`` are the lines ``jatsconv convert`` prints (``FILE: field:
    message``); ``warnings`` the reader's, each a ``Notice`` (a ``str`` with a ``kind``: a
    "data dropped" one is what ``Options(strict=True)`` refuses)."""

    source: str
    status: Status
    output: str | None = None
    problems: list[str] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    removed: str | None = None  # an earlier run's output of this article, removed as stale
    doi: str | None = None  # the article's, to say two of a run that share one (shared_dois)

    def __post_init__(self) -> None:
        self.warnings = [notice(w) for w in self.warnings]  # (a plain message: data dropped)

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "source": self.source,
            "status": self.status,
            "output": self.output,
            "problems": self.problems,
        }
        if self.removed:
            data["earlier_output_removed"] = self.removed
        if self.warnings:
            data["warnings"] = [w.as_dict() for w in self.warnings]
            data["warning_summary"] = summary(self.warnings)
        return data


def refusals(loaded: Loaded, options: Options) -> list[str]:
    """What keeps a read article from this output, as problem lines (bad input): under
    ``options.strict`` each "data dropped" warning; for a Crossref or DOAJ deposit, an article
    not yet published (unless ``options.include_unpublished``); for JATS Journal Publishing, a
    journal without ISSN (Archiving and Interchange takes one without: preprint servers)."""
    problems = strict_problems(loaded.name, loaded.warnings) if options.strict else []
    article = loaded.article
    if article is not None and not options.include_unpublished:
        unpublished = deposit_refusal(loaded.name, article, options.target)
        if unpublished:
            problems.append(unpublished)
    journal = article.journal if article is not None else None
    if (
        options.target == "jats"
        and options.tag_set == "publishing"
        and isinstance(journal, Journal)
        and not journal.issn.any()
    ):
        problems.append(
            f"{loaded.name}: journal.issn: no ISSN, which the JATS Journal Publishing tag set "
            "requires: give the journal's ISSN, or convert with --tag-set archiving (Archiving "
            "and Interchange does not require one; preprints have none)"
        )
    return problems


strict_refusal = refusals  # its first name (engineers' branches in flight still import it)


def convert_loaded(loaded: Loaded, target: Path, options: Options) -> Conversion:
    """Render one read article to ``target``; write it when valid (or when asked).

    With ``options.strict`` an article whose reader dropped data is bad input, not written.
    An article that is rejected (bad input or invalid output) leaves no output behind: a file
    an earlier run wrote at ``target`` is removed, so that nobody deposits stale metadata.
    """
    refused = refusals(loaded, options)
    if loaded.article is None or refused:
        return Conversion(
            loaded.name,
            "bad-input",
            problems=[*loaded.problems, *refused],
            warnings=loaded.warnings,
            removed=remove_stale(target),
        )
    result = render(loaded.article, options, str(target))
    written = None
    if result.to_write(options.write_invalid):
        write_output(target, result.data)
        written = str(target)
    status: Status = "converted" if result.valid else "invalid"
    problems = placed_problems(
        result.problems, loaded.name, str(target), written is not None, loaded.columns
    )
    removed = None if written else remove_stale(target)
    doi = str(loaded.article.doi) if loaded.article.doi else None
    return Conversion(loaded.name, status, written, problems, loaded.warnings, removed, doi)


def remove_stale(target: Path) -> str | None:
    """Remove the file an earlier run wrote at ``target`` (the article was rejected this time);
    its path when there was one, else None."""
    try:
        target.unlink()
    except (FileNotFoundError, NotADirectoryError):  # (no folder, or a file where it would be)
        return None
    except IsADirectoryError:
        return None
    return str(target)


def placed_problems(
    problems: list[Problem],
    source: str,
    target: str,
    written: bool,
    columns: Mapping[str, str] | None = None,
) -> list[str]:
    """Problem lines that never name a file that does not exist: when the output was not
    written, a problem of the output is told as one of its source, with the line of the
    rejected output in words (there is no file to open at that line). ``columns`` (a
    spreadsheet row's, ``Loaded.columns``) adds the column of each input field named."""
    if columns:
        problems = [replace(p, message=with_column(p.message, columns)) for p in problems]
    if written:
        return [str(p) for p in problems]
    lines = []
    for p in problems:
        if p.file != target:
            lines.append(str(p))
        elif p.line <= 0:
            lines.append(str(Problem(source, 0, 0, p.message, p.severity)))
        else:
            name = Path(target).name
            lines.append(
                f"{source}: {p.severity}: {p.message} (line {p.line} of {name}, not written)"
            )
    return lines


def check_output_folder(folder: Path) -> None:
    """Refuse an output folder that is a file, or would be made inside one, before any article
    is read: ``OutputError`` (exit 73), the line ``write_output`` gives when it cannot create
    the folder, whatever the articles (rejected ones alone would otherwise end without a word
    about the folder). ``jatsconv batch`` says the same when it creates its folder."""
    for place in (folder, *folder.parents):
        try:
            if place.is_dir():
                return
        except OSError as exc:  # a name too long, a loop of links
            raise output_error(folder, exc, "create the output folder") from None
        if place.exists() or place.is_symlink():
            code = errno.EEXIST if place == folder else errno.ENOTDIR
            error = OSError(code, os.strerror(code))
            raise output_error(folder, error, "create the output folder")


FOLDERS_SWEPT_KEPT = 512
"""Output folders remembered as swept (the most recently written): a folder forgotten is only
swept again, at its next write (a directory listing), so a service writing into a new folder
per upload for years holds no more than these."""

_swept: Lru[Path, bool] = Lru(FOLDERS_SWEPT_KEPT)


def write_output(target: Path, data: bytes) -> None:
    """Write one output atomically. The first write into a folder removes the temporary files
    a killed run left there (``atomic.sweep_stale``). A folder that cannot be created or
    written, or a full disk, raises ``OutputError``: one line, and the run stops."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(folder, exc, "create the output folder") from None
    if _swept.get(folder) is None:
        _swept.put(folder, True)
        sweep_stale([folder])
    try:
        write_atomic(target, data)
    except OSError as exc:
        if exc.errno not in OUTPUT_ERRNOS:
            raise
        raise output_error(target, exc) from None


def prepare(options: Options) -> None:
    """Load once what converting with ``options`` needs (grammar, templates, the citation
    labeller), so that no article pays for it: a batch calls this in its main process before
    its workers fork (they share what it loaded: ~0.08 s of CPU and its memory once, not once
    per worker) and again, for nothing left to load, in each worker's initializer."""
    if options.target == "jats":
        from converter.writers.jats import warm_up

        warm_up(options)
    from converter.citations.model import load

    load()


def output_suffix(options: Options) -> str:
    """The ending of output file names for the format ``options.target``."""
    return SUFFIXES.get(options.target, ".xml")


class OutputClaims:
    """The output files of one run, each claimed by the first article written to it.

    Two articles whose outputs have one name (``x/a.yaml`` and ``y/a.yaml`` into one ``-o``
    folder, ``-`` twice, two articles of one export with one stem) would otherwise be written
    over one another, the run saying both were converted. As ``jatsconv batch`` does, the first
    in source order written under the name keeps it and every later one is bad input, refused
    before anything is written for it: it neither writes that output nor removes it as its own
    stale one. An article refused as bad input, or whose invalid output was not written,
    claims nothing (nothing was written under the name: ``convert data.json data.yaml`` with
    data.json malformed refused data.yaml as 'already taken' by it), as in ``batch``.
    """

    def __init__(self) -> None:
        self._first: dict[Path, str] = {}
        # (output, source) of sources read but not written: a second reading is "given twice"
        self._unwritten: set[tuple[Path, str]] = set()

    def convert(self, loaded: Loaded, target: Path, options: Options) -> Conversion:
        """``loaded`` converted to ``target`` (``convert_loaded``), or refused when an earlier
        article of the run was written there; the name is ``loaded``'s once it is written."""
        key = target.resolve()  # (one file however the path is written)
        refused = self._refusal(loaded, target, key)
        if refused is not None:
            return refused
        conversion = convert_loaded(loaded, target, options)
        if conversion.output is not None:
            self._first[key] = loaded.name
        else:
            self._unwritten.add((key, loaded.name))
        return conversion

    def _refusal(self, loaded: Loaded, target: Path, key: Path) -> Conversion | None:
        """None when ``target`` is free, else the refusal."""
        first = self._first.get(key)
        # (batch's words: 'the output name … is already taken by …'). The same source given
        # twice was read twice ('-' finds standard input empty then): what its second reading
        # found is not told; another source's own problems are.
        if first is None:
            if (key, loaded.name) not in self._unwritten:
                return None
            problems = [f"{loaded.name}: given twice (its first reading is told above)"]
            return Conversion(loaded.name, "bad-input", problems=problems)
        if first == loaded.name:
            problems = [
                f"{loaded.name}: given twice (the output name {target} is already taken by the "
                "first)"
            ]
        else:
            problems = [
                *loaded.problems,
                f"{loaded.name}: the output name {target} is already taken by {first} "
                "(convert one of them with another -o DIR)",
            ]
        warnings = [] if first == loaded.name else loaded.warnings
        return Conversion(loaded.name, "bad-input", problems=problems, warnings=warnings)


def read_articles(
    source: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    journal: JournalSource | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> list[Loaded]:
    """Every article of one source file, read but not converted: any format ``convert`` reads
    (``fmt``: one of ``--from``'s names, detected when None; ``encoding`` and ``delimiter`` for
    CSV). Each ``Loaded`` holds its ``article``, or the ``problems`` that kept it from being
    read (never raised), and the reader's ``warnings`` (each a ``Notice``: a ``str`` with a
    ``kind``).
    ``journal`` (a ``Journal`` or its file) overrides the one the source names or sits beside.
    """
    context = ReadContext(journal=journal, encoding=encoding, delimiter=delimiter)
    return list(read_source(Path(source), fmt, context))


def convert_file(
    source: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    options: Options | None = None,
    fmt: str | None = None,
    context: ReadContext | None = None,
    journal: JournalSource | None = None,
    claims: OutputClaims | None = None,
) -> list[Conversion]:
    """Convert every article of one source file; outputs go to ``out_dir`` (or beside it).

    What ``jatsconv convert`` does for one file: without ``options``, JATS 1.4 Publishing
    validated against the installed DTDs (``SetupError`` when they are not installed), an
    invalid output not written. ``fmt`` names the input format (detected when None);
    ``journal`` (a ``Journal`` or its file) overrides the one the source names or sits beside.

    Input problems are reported in the returned conversions, never raised; an output folder that
    cannot be written raises ``OutputError``. ``claims`` holds the outputs of the files
    converted before in the same run (an article whose output one of them claimed is refused,
    ``OutputClaims``); without it, only this file's articles are compared.
    """
    # As 'jatsconv convert': nothing written unchecked (Options() is what --no-validate runs).
    options = options or Options(grammars=get_grammars().require())
    path = Path(source)
    context = context or ReadContext()
    if journal is not None:
        context = replace(context, journal=journal)
    claims = claims if claims is not None else OutputClaims()
    folder = Path(out_dir) if out_dir is not None else path.parent
    suffix = output_suffix(options)
    if (problem := name_not_utf8(os.fspath(path))) is not None:
        # (its name can be in no output, line or report: Python holds its bytes as surrogates)
        return [Conversion(shown_name(os.fspath(path)), "bad-input", problems=[problem])]
    results = []
    for loaded in read_source(path, fmt, context):
        target = folder / fit_name(loaded.stem + suffix)
        if target.resolve() == path.resolve():  # JATS beside itself: never written nor removed
            # (an article not read keeps its own problems: removing its "earlier output", as
            # for any rejected article, would delete the source file itself)
            said = [f"{path}: the output would replace the source file: give -o DIR"]
            problems = said if loaded.article is not None else loaded.problems
            results.append(Conversion(loaded.name, "bad-input", problems=problems))
            continue
        results.append(claims.convert(loaded, target, options))
    return results
