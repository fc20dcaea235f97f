"""What the web app holds: uploaded files in a temporary folder, one row per article read.

Every article goes through the same library calls as on the command line — ``read_source``
(hardened parsing), ``render`` (DTD-validated JATS), ``check_tree`` (profiles) — so the app
and the CLI cannot disagree. The folder is removed by ``close`` (the server calls it on exit).
"""

from __future__ import annotations

import errno
import io
import re
import shutil
import tempfile
import threading
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from converter.api import render
from converter.checks import check_tree
from converter.checks.base import Finding
from converter.enrich import enriched
from converter.errors import InputError
from converter.grammars import Grammars
from converter.model import Article, Journal
from converter.naming import fit_name
from converter.notices import Notice
from converter.options import PMC_VERSION, Options, Output, default_version
from converter.publication_status import deposit_refusal
from converter.readers import ReadContext, detect_format, read_source
from converter.readers.encoding import named_not_text
from converter.readers.native import (
    JOURNAL_FILE_NAMES,
    JournalSource,
    article_from_data,
    format_location,
    parse_data,
)
from converter.readers.pasted_references import split_pasted_references
from converter.translit import NoScheme, scheme_for, transliterate
from converter.validation import InvalidDocument, Problem, parse_untrusted
from converter.web.shapes import Place, main_language, unshown
from converter.web.unknown import put_back, without
from converter.web.words import field_words, problem_words
from converter.writers import SUFFIXES, WRITERS
from converter.writers.jats import contributor_order

FORMATS = {  # what a download may hold: key → (label, file name ending)
    "jats": ("JATS XML", ".xml"),
    "crossref": ("Crossref deposit XML", SUFFIXES["crossref"]),
    "doaj": ("DOAJ XML", SUFFIXES["doaj"]),
    "meta-tags": ("Meta tags (HTML head)", SUFFIXES["meta-tags"]),
    "pmc": ("PMC package (zip)", ".zip"),
    "preview": ("Preview page", ".preview.html"),
    "yaml": ("Edited input (YAML)", ".yaml"),
}
# What a saved file's name keeps: letters and digits of any script with their marks, and "._-";
# a run of anything else (spaces, slashes, punctuation, control characters) becomes one "_"
_UNSAFE_RUN = re.compile(r"\x00+")
AS_WRITTEN = "kept as written in the edited input (YAML), not converted"
KEPT = f"not a field of the input format: {AS_WRITTEN}"
NO_PLACE = "kept as written, but the entry it was in is gone: delete it or rename it"


# The command line's advice names its options; the page has none, so it says what to do there.
_FOR_THE_PAGE = (
    (
        re.compile(
            r" \((detected|as chosen|detected and chosen); --encoding and --delimiter "
            r"choose\)"
        ),
        r" (\1)",
    ),
    (
        re.compile(
            r"\(give journal:, --journal, or put journal\.yaml beside the article or up to "
            r"three folders above it\)"
        ),
        "(upload the article again together with its journal.yaml)",
    ),
    (
        re.compile(
            r"(?:, or )?give its encoding with --encoding \(e\.g\. (?:--encoding )?cp1251 "
            r"for Windows-1251\)"
        ),
        "",
    ),
    (re.compile(r"or given with --journal"), "or uploaded with the articles"),
    (re.compile(r"; --from names one\)"), ")"),  # (a notes.txt uploaded beside the articles)
)
_ARCHIVE_MAGIC = (b"PK\x03\x04", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!", b"BZh")
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")
# Manuscripts come in a dropped folder with the metadata: by name, since a .docx is a zip and a
# .doc has the .xls's first bytes.
_DOCUMENTS = (".doc", ".docx", ".odt", ".rtf")
_NOT_READ = "not a kind of file the app reads (see the formats listed under the upload box)"


def _not_an_input(path: Path, own: str) -> str | None:
    """Why a file is not read at all (an archive, an old Excel file, an image, a manuscript),
    instead of the reader's 'not UTF-8 text … looks like UTF-16' of a file it took for text."""
    with path.open("rb") as file:
        start = file.read(4096)
    head = start[:12]
    suffix = path.suffix.lower()
    if suffix in _DOCUMENTS:
        return f"{own}: a text document ({suffix}): {_NOT_READ}"
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return f"{own}: an image: {_NOT_READ}"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return f"{own}: an old Excel (.xls) file: save it as .xlsx or CSV and upload that"
    if head.startswith(_ARCHIVE_MAGIC) and suffix != ".xlsx":  # (.xlsx is a zip)
        return (f"{own}: an archive: the app reads the files themselves, so unpack it and "
                "upload the files in it")  # fmt: skip
    # Bytes no image begins with, nor text, under an image's (a PDF's…) name: named by it.
    not_text = named_not_text(own, start)
    return f"{own}: {not_text}" if not_text else None


def for_the_page(line: str, path: Path | None = None, own: str = "") -> str:
    """A reader's line as the page says it: the file named as the user named it (never the
    temporary folder's path), and no command-line option the page does not have."""
    if path is not None:
        line = line.replace(str(path), own or path.name)
    for pattern, words in _FOR_THE_PAGE:
        line = pattern.sub(words, line)
    return line


class TempFolderError(Exception):
    """The temporary folder cannot take a file (disk full, read-only): the machine's
    problem, not the article's nor a bug, said in plain words."""

    def __init__(self, root: Path, exc: OSError) -> None:
        full = exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
        self.detail = f"{root}: {exc.strerror or exc}"
        super().__init__(
            "The temporary folder the app keeps uploads in is full (no space left on the "
            "disk): free some space, or start the app with TMPDIR set to another folder."
            if full
            else "The temporary folder the app keeps uploads in cannot be written (read-only "
            "or not allowed): start the app with TMPDIR set to a folder it can write."
        )


@dataclass(slots=True)
class Limits:
    """Upload limits: how many files one upload may hold and how large each may be."""

    max_files: int = 200
    max_file_bytes: int = 20 * 1024 * 1024
    max_total_bytes: int = 100 * 1024 * 1024

    # What the app says of an upload over a limit: here, and (with ``{name}`` and ``{count}``
    # filled in) by the upload box as soon as files are chosen or dropped, in the same words.
    def too_big(self, name: str) -> str:
        return f"{name}: larger than {megabytes(self.max_file_bytes)}: not read"

    def too_many(self, count: int | str) -> str:
        return f"too many files in one upload ({count}; the limit is {self.max_files})"

    def too_large(self) -> str:
        limit = megabytes(self.max_total_bytes)
        return f"The upload is larger than {limit}: upload fewer or smaller files."


# Files the upload box leaves out of an upload, by why (besides those over the size limit).
LEFT_OUT = {
    "hidden": "{name}: a hidden file of the dropped folder: not uploaded",
    "unread": "{name}: the browser could not read it from the dropped folder: not uploaded",
}


def left_out(why: str, name: str, limits: Limits) -> str | None:
    """What the app says of a file the upload box left out (``why``: too-big, hidden, unread);
    None for a reason it does not give."""
    if why == "too-big":
        return limits.too_big(name)
    template = LEFT_OUT.get(why)
    return template.replace("{name}", name) if template else None


def upload_box(limits: Limits) -> dict[str, Any]:
    """What the upload box checks a choice or a drop against: the limits, and the app's words
    for a file over them or left out (``{name}``, ``{count}`` filled in by the box)."""
    return {
        "maxFiles": limits.max_files,
        "maxFileBytes": limits.max_file_bytes,
        "maxTotalBytes": limits.max_total_bytes,
        "said": {
            "too-big": limits.too_big("{name}"),
            "too-many": limits.too_many("{count}"),
            "too-large": limits.too_large(),
            **LEFT_OUT,
        },
    }


@dataclass(slots=True)
class Say:
    """One line of the results column: how bad, which input field (in words), what.
    ``subject``: the message goes on from the field's words, which it would otherwise repeat
    ("Reference 1 ('Стрельцов …') has no Latin-script form"), so no colon comes between."""

    severity: str
    where: str | None
    message: str
    subject: bool = False


SAVED_ELSEWHERE = (
    "This article was saved from another tab or window after this form was opened, and saving "
    "this form would have undone that save. What you typed is shown here: Save and check again "
    "to replace that save with it, or Cancel to keep that save (its Preview is in the list)."
)


@dataclass(slots=True)
class Row:
    """One article read from an upload, and what the checks said of it."""

    id: int
    source: str
    stem: str
    fmt: str
    folder: Path
    given_stem: str = ""  # the stem of the file as the user named it: its PDF is named so
    given: str = ""  # the file's name as the user named it (a later upload of it replaces it)
    replaced: str = ""  # said when a later upload of its file was read: kept for its edits
    article: Article | None = None
    data: dict[str, Any] | None = None  # the input mapping the edit form shows
    journal_ref: Any = None  # the ``journal:`` of a YAML/JSON input, kept as given
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    jats: bytes | None = None
    dtd: list[Problem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    edited: bool = False
    draft: dict[str, Any] | None = None  # the form as last posted, when it could not be saved
    draft_problems: list[str] = field(default_factory=list)
    # Fields the input format does not have that the editor kept as written (the edit form's
    # places: ``("authors", 0, "afiliations")``): in ``data``, not in ``article``.
    kept: list[Place] = field(default_factory=list)
    draft_kept: list[Place] = field(default_factory=list)
    # Saves so far: a form carries the count it was opened at, so that a form opened before
    # another tab's save cannot undo that save unsaid (two tabs on one article).
    saves: int = 0
    # The count the draft's form was opened with, which the form shown again carries: the
    # count at that showing let a save made from another tab in between be undone unsaid.
    draft_saves: int = 0
    # What the last save said of what was typed (in ``warnings``), replaced by the next save's.
    save_notes: list[str] = field(default_factory=list)
    # How many blank entries each list of the draft's form shows (*Add author* without script).
    draft_blanks: dict[str, int] = field(default_factory=dict)

    @property
    def status(self) -> str:
        if self.article is None:
            return "bad input"
        if self.dtd or any(f.severity == "error" for f in self.findings):
            return "invalid"
        return "valid"

    @property
    def title_lang(self) -> str | None:
        """The language of ``title``, for the page's ``lang``: a screen reader then reads a
        Russian title in a Russian voice, not as English letters."""
        if self.article is not None:
            return self.article.language
        title = (self.data or {}).get("title")
        if isinstance(title, dict) and title:
            return str(next(iter(title)))  # (the language of the title shown: the first)
        return None

    @property
    def title(self) -> str:
        if self.article is not None:
            return self.article.main_title()
        title = (self.data or {}).get("title")
        if isinstance(title, dict):
            return str(next(iter(title.values()), ""))
        return str(title or "")

    def said(self) -> list[Say]:
        """Everything to tell the editor about this article, in plain words."""
        lines = [Say("warning", None, self.replaced)] if self.replaced else []
        for line in self.problems:
            where, message = problem_words(line, self.source)
            lines.append(Say("error", where, message))
        for problem in self.dtd:
            lines.append(Say("error", "JATS output", f"{problem.message} (line {problem.line})"))
        for finding in self.findings:
            where = field_words(finding.field) if finding.field else None
            message = f"{finding.message} [{finding.rule}]"
            if where is None:
                message += f" ({finding.path})"
            elif message.lower().startswith(f"{where.lower()} "):
                # A finding that names its place itself, "reference 1 ('Стрельцов …') has no
                # Latin-script form", goes on from the place's words, said once: it read
                # "Reference 1: reference 1 (…)".
                lines.append(Say(finding.severity, where, message[len(where) + 1 :], True))
                continue
            lines.append(Say(finding.severity, where, message))
        shapes = {u.at: u.why for u in unshown(self.data or {})}
        for at in self.kept:
            where = field_words(format_location(at))
            why = shapes.get(at)  # (a known field in a shape no box holds)
            lines.append(Say("warning", where, f"{why}: {AS_WRITTEN}" if why else KEPT))
        for line in self.warnings:  # (its field in words too, as an error's)
            lines.append(Say("note", *problem_words(line, self.source)))
        return lines


class Workspace:
    """The uploads and articles of one running app."""

    def __init__(
        self,
        grammars: Grammars | None,
        *,
        journal: JournalSource | None = None,
        limits: Limits | None = None,
        profiles: tuple[str, ...] = ("general",),
    ) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="jatsconv-serve-"))
        self.grammars = grammars
        self.journal = journal
        self.limits = limits or Limits()
        self.profiles = profiles
        self.rows: dict[int, Row] = {}
        self._given: dict[Path, dict[str, Path]] = {}  # per upload folder: the user's names
        self._uploads = 0
        self._rows_made = 0  # (ids are never reused: a tab open on a replaced row gets none)
        self._lock = threading.RLock()

    def close(self) -> None:
        """Remove every uploaded file: nothing is left behind when the app stops."""
        shutil.rmtree(self.root, ignore_errors=True)

    # ------------------------------------------------------------------ uploads

    def add_upload(self, files: list[tuple[str, bytes]]) -> list[str]:
        """Save one upload's files in a folder of their own and read their articles.

        Files of one upload sit together, so a ``journal.yaml`` uploaded with articles is
        found beside them as on the command line. Returns what to tell the user.
        """
        notes: list[str] = []
        if len(files) > self.limits.max_files:
            return [self.limits.too_many(len(files))]
        with self._lock:
            self._uploads += 1
            folder = self.root / f"upload-{self._uploads}"
            given: dict[str, Path] = {}  # the user's file name (lower case) → the file here
            saved: list[tuple[Path, str]] = []
            try:
                folder.mkdir()
                for name, data in files:
                    own = Path(name.replace("\\", "/")).name
                    clean = disk_name(own)
                    if not clean:
                        continue
                    if len(data) > self.limits.max_file_bytes:
                        notes.append(self.limits.too_big(own))
                        continue
                    if own.lower() in given:
                        notes.append(f"{own}: given twice in one upload: the first one is used")
                        continue
                    target = _free_path(folder / clean)
                    target.write_bytes(data)
                    given[own.lower()] = target
                    saved.append((target, own))
            except OSError as exc:  # nothing of a half-saved upload is kept (no empty files)
                shutil.rmtree(folder, ignore_errors=True)
                raise TempFolderError(self.root, exc) from None
            self._given[folder] = given
            for path, own in saved:
                if path.name.lower() in JOURNAL_FILE_NAMES or path.suffix.lower() == ".pdf":
                    continue  # journal files and PDFs serve the articles beside them
                refused = _not_an_input(path, own)
                if refused:
                    notes.append(refused)
                    continue
                # A file of this name uploaded before: the new one replaces its rows (taken
                # out first, so the new rows have their names: art.xml, not art-2.xml).
                earlier = [r for r in self.rows.values()
                           if r.given.lower() == own.lower() and r.folder != folder]  # fmt: skip
                held = {r.id: self.rows.pop(r.id) for r in earlier if not r.edited}
                before, made = len(self.rows), self._rows_made
                try:
                    self._read(path, folder, own)
                except Exception as exc:  # a bug must not cost the other files of the upload
                    notes.append(f"{own}: internal error: {type(exc).__name__}: {exc} "
                                 "(a bug: please report it)")  # fmt: skip
                    self._put_back(held)
                    continue
                if len(self.rows) == before:
                    notes.append(f"{own}: no article found")
                    self._put_back(held)
                    continue
                if earlier and all(self.rows[i].article is None for i in self._new(made)):
                    # (a broken file replaces nothing: the earlier rows stay to download)
                    notes.append(f"{own}: the earlier upload of that name is kept: this one "
                                 "could not be read")  # fmt: skip
                    self._put_back(held)
                    continue
                notes.extend(self._replaced(own, held, earlier))
            if saved and all(p.suffix.lower() == ".pdf" for p, _ in saved):
                notes.append(
                    "only PDFs in this upload: a PDF goes into the PMC package of the article "
                    "named like it, so upload it together with that article"
                )
        return notes

    def _new(self, made: int) -> list[int]:
        """The ids of the rows made since ``made`` rows had been."""
        return [i for i in self.rows if i > made]

    def _put_back(self, held: dict[int, Row]) -> None:
        """Earlier rows a new upload of their file did not replace (it gave no article)."""
        self.rows = dict(sorted({**self.rows, **held}.items()))

    def _replaced(self, own: str, held: dict[int, Row], earlier: list[Row]) -> list[str]:
        """What to say of the earlier rows of a file uploaded again: replaced, unless edited
        here, when replacing them would lose the edits: then kept, unticked and marked."""
        notes = [f"{own}: replaces the earlier upload of that name"] if held else []
        edited = [r for r in earlier if r.id not in held]
        for row in edited:
            row.replaced = (f"replaced by a later upload of {own}: kept, unticked, for the "
                            "edits made here (tick it to download it too)")  # fmt: skip
        if edited:
            notes.append(f"{own}: the earlier upload of that name was edited here: it is kept, "
                         "unticked and marked as replaced")  # fmt: skip
        return notes

    def _read(self, path: Path, folder: Path, own: str | None = None) -> None:
        """Read the articles of ``path``, a file the user named ``own`` (its name here may be
        another: transliterated, made unique)."""
        own = own or path.name
        fmt = detect_format(path)
        for loaded in read_source(path, fmt, ReadContext(journal=self.journal)):
            given_stem = loaded.stem
            if loaded.stem.startswith(path.stem):
                given_stem = Path(own).stem + loaded.stem[len(path.stem) :]
            self._rows_made += 1
            row = Row(
                id=self._rows_made,
                source=f"{own}{loaded.name[len(str(path)) :]}",
                stem=self._free_stem(safe_name(loaded.stem) or "article"),
                fmt=fmt,
                folder=folder,
                given_stem=given_stem,
                given=own,
                article=loaded.article,
                problems=[for_the_page(line, path, own) for line in loaded.problems],
                warnings=[for_the_page(line, path, own) for line in loaded.warnings],
            )
            if fmt in ("yaml", "json"):
                row.data, row.journal_ref = _raw_data(path)
            if loaded.article is not None:
                row.data = input_data(loaded.article)
            self.rows[row.id] = row
            self.evaluate(row)

    def _free_stem(self, stem: str) -> str:
        taken = {row.stem for row in self.rows.values()}
        candidate, number = stem, 1
        while candidate in taken:
            number += 1
            candidate = f"{stem}-{number}"
        return candidate

    # ------------------------------------------------------------------ checking

    def set_profiles(self, profiles: tuple[str, ...]) -> None:
        with self._lock:
            self.profiles = profiles
            for row in self.rows.values():
                self.evaluate(row)

    def evaluate(self, row: Row) -> None:
        """Render the row's JATS (DTD-validated) and run the chosen profiles on it."""
        row.jats, row.dtd, row.findings = None, [], []
        if row.article is None:
            return
        output = self._jats(row.article, row.stem + ".xml")
        row.jats = output.data
        row.dtd = [p for p in output.problems if p.severity == "error"]
        if self.profiles:
            try:
                tree = parse_untrusted(output.data, row.stem)
            except InvalidDocument as exc:
                row.dtd.extend(exc.problems)
                return
            journal = row.article.journal
            scheme = journal.russian_scheme if isinstance(journal, Journal) else None
            # (the JATS lists contributors by role: findings name each by its input index)
            order = contributor_order(row.article)
            row.findings = check_tree(tree, self.profiles, scheme=scheme, contributors=order)

    def _jats(self, article: Article, name: str, profiles: tuple[str, ...] | None = None) -> Output:
        """The article's JATS as ``jatsconv convert --profile …`` writes it for the chosen
        profiles, DTD-validated: with pmc chosen, in PMC's form (translated abstracts typed, no
        journal trans-title in the article's language), so the pmc profile does not fail what
        ``convert --profile pmc`` passes. The profiles themselves are run once, by the caller
        (``render`` would run them again)."""
        profiles = self.profiles if profiles is None else profiles
        version = default_version(profiles)  # (pmc chosen: 1.3, what PMC takes)
        options = Options(version=version, grammars=self.grammars, profiles=profiles)
        return WRITERS["jats"](enriched(article).article, options, name)

    def save(
        self,
        row: Row,
        data: dict[str, Any],
        kept: list[Place] | None = None,
        opened_at: int | None = None,
    ) -> list[str]:
        """Replace a row's article by the edited input; return the problems (none: saved).
        The fields at ``kept`` (not of the input format, kept as written) stay in the row's
        input and out of its article. A form ``opened_at`` an earlier count of saves than the
        row's is refused: saving it would undo the later save (made in another tab)."""
        if opened_at is not None and opened_at != row.saves:
            return [SAVED_ELSEWHERE]
        data, pasted, problems = split_pasted_references(
            data, main_language(data), lines_apart=True
        )
        if problems:  # (with what the rest of the form would say)
            return problems + self._article(row, without(data, kept or [])[0])[1]
        without_kept, taken = without(data, kept or [])
        said: list[Notice] = []  # (a reference DOI typed with en dashes, set right)
        article, problems = self._article(row, without_kept, said)
        if article is None:
            return problems
        saved = put_back(input_data(article), taken)
        if saved is None:  # (an entry they were in is gone)
            return [f"{format_location(at)}: {NO_PLACE}" for at in taken]
        with self._lock:
            row.article, row.data, row.problems, row.edited = article, saved, [], True
            row.saves += 1
            row.kept, row.draft, row.draft_problems, row.draft_kept = list(taken), None, [], []
            # What a save did with what was typed (a pasted list read as references, a DOI set
            # right) describes that save's values: the next save says its own instead (a note
            # kept after the rows it told of were edited described values no longer there).
            now = [*map(for_the_page, said), *pasted]
            row.warnings = [line for line in row.warnings if line not in row.save_notes]
            row.warnings += [line for line in now if line not in row.warnings]
            row.save_notes = now
            self.evaluate(row)
        return []

    def problems(self, row: Row, data: dict[str, Any]) -> list[str]:
        """What saving ``data`` as the row's article would say, without saving it."""
        data, _, problems = split_pasted_references(data, main_language(data), lines_apart=True)
        return problems + self._article(row, data)[1]

    def _article(
        self, row: Row, data: dict[str, Any], said: list[Notice] | None = None
    ) -> tuple[Article | None, list[str]]:
        journal: Journal | Path | None = self.journal
        if row.journal_ref is not None:
            data = {**data, "journal": row.journal_ref}
        elif journal is None and row.article is not None:
            source_journal = row.article.journal  # from the source itself (JATS journal-meta …)
            journal = source_journal if isinstance(source_journal, Journal) else None
        try:
            article = article_from_data(
                data, row.source, base_dir=row.folder, journal=journal, said=said
            )
        except InputError as exc:
            return None, [for_the_page(line) for line in exc.problems]
        return article, []

    # ------------------------------------------------------------------ downloads

    def download(self, ids: list[int], formats: list[str]) -> bytes:
        """A zip of the chosen outputs of the chosen articles, with a report of what is not in
        it (an output the DTD or the service schema rejects, a package without its PDF)."""
        try:
            return self._download(ids, formats)
        except OSError as exc:  # (a PMC package is built in the temporary folder)
            raise TempFolderError(self.root, exc) from None

    def _download(self, ids: list[int], formats: list[str]) -> bytes:
        from converter.preview import preview_tree

        buffer = io.BytesIO()
        report: list[str] = []
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            names = _ZipNames(archive, report)
            for row in (self.rows[i] for i in ids if i in self.rows):
                if row.article is None:
                    report.append(f"{row.source}: not included: the input has problems")
                    continue
                for fmt in formats:
                    if fmt in ("jats", "crossref", "doaj", "meta-tags"):
                        name = row.stem + FORMATS[fmt][1]
                        unpublished = deposit_refusal(name, row.article, fmt)
                        if unpublished:  # as 'jatsconv convert --to crossref' refuses it
                            report.append(f"not included: {unpublished}")
                            continue
                        output = (
                            self._jats(row.article, name)
                            if fmt == "jats"
                            else render(
                                row.article, Options(target=fmt, grammars=self.grammars), name
                            )
                        )
                        if output.valid:
                            names.write(row, row.stem, FORMATS[fmt][1], output.data)
                        else:
                            report.extend(f"{name}: not included: {p.message}"
                                          for p in output.problems)  # fmt: skip
                    elif fmt == "yaml" and row.data is not None:
                        names.write(row, row.stem, ".yaml", _yaml(row.data, row.journal_ref))
                    elif fmt == "preview" and row.jats is not None:
                        tree = parse_untrusted(row.jats, row.stem)
                        page = preview_tree(tree, row.source, self.profiles)[0]
                        names.write(row, row.stem, ".preview.html", page.html)
                    elif fmt == "pmc":
                        self._package(row, names, report)
            archive.writestr("REPORT.txt", "\n".join(report or ["Every output chosen is here."])
                             + "\n" + deposit_text())  # fmt: skip
        return buffer.getvalue()

    def _package(self, row: Row, names: _ZipNames, report: list[str]) -> None:
        from converter.package import build_packages

        jats = row.jats if not row.dtd else None
        if jats is not None and row.article is not None and "pmc" not in self.profiles:
            # A PMC package goes to PMC whatever profiles are ticked: its JATS is the one
            # 'convert --profile pmc' writes (1.3, translations typed), not the plain 1.4.
            output = self._jats(row.article, row.stem + ".xml", ("pmc", *self.profiles))
            if not output.valid:
                # The plain JATS shown valid is not what was refused: name PMC's form's problems.
                report.extend(f"{row.source}: no PMC package: the JATS in PMC's form "
                              f"({PMC_VERSION}) is not valid: {p}"
                              for p in output.problems if p.severity == "error")  # fmt: skip
                return
            jats = output.data
        if jats is None:
            report.append(f"{row.source}: no PMC package: the JATS is not valid")
            return
        with tempfile.TemporaryDirectory(dir=self.root) as tmp:
            folder = Path(tmp)
            xml = folder / (row.stem + ".xml")
            xml.write_bytes(jats)
            # The PDF is the one the user named like the article (streltsov-6.yaml and
            # streltsov-6.pdf), whatever names the files have here.
            wanted = (row.given_stem or row.stem) + ".pdf"
            pdf = self._given.get(row.folder, {}).get(wanted.lower())
            if pdf is not None and pdf.is_file():
                shutil.copy(pdf, folder / (row.stem + ".pdf"))
            out = folder / "out"
            out.mkdir()
            for result in build_packages([xml], out):
                if result.path is not None:
                    stem, _, ending = result.name.rpartition(".")
                    names.write(row, stem, "." + ending, result.path.read_bytes())
                for problem in result.problems:
                    problem = problem.replace(str(folder) + "/", "")
                    if problem.startswith(f"{row.stem}.xml: no PDF found"):
                        problem = (f"no PDF found: upload {wanted} together with "
                                   f"{row.source.split('#')[0]}")  # fmt: skip
                    report.append(f"{row.source}: no PMC package: {problem}")


class _ZipNames:
    """Writes a download's files under names unique in the zip: art.yaml and art.crossref.yaml
    both give art.crossref.xml with JATS and Crossref chosen; the later is renamed
    (art.crossref-2.xml) and REPORT.txt says so, instead of a zip with one name twice."""

    def __init__(self, archive: zipfile.ZipFile, report: list[str]) -> None:
        self.archive = archive
        self.report = report
        self.used = {"report.txt"}

    def write(self, row: Row, stem: str, ending: str, data: bytes | str) -> None:
        name, number = stem + ending, 1
        while name.lower() in self.used:  # (unzipped on a Mac or Windows, case is ignored)
            number += 1
            name = f"{stem}-{number}{ending}"
        if number > 1:
            self.report.append(f"{name}: named so because {stem}{ending} is the name of "
                               f"another file in this zip ({row.source})")  # fmt: skip
        self.used.add(name.lower())
        self.archive.writestr(name, data)


def deposit_text() -> str:
    """The commands that deposit the downloaded files: deposits stay a command-line action."""
    return (
        "\nTo deposit, from the folder you unzip this into:\n"
        "  jatsconv deposit crossref *.crossref.xml --dry-run   # check, then without --dry-run\n"
        "  jatsconv deposit doaj *.doaj.xml --dry-run\n"
        "Credentials come from CROSSREF_USERNAME / CROSSREF_PASSWORD / DOAJ_API_KEY or the "
        "config file.\n"
    )


def input_data(article: Article) -> dict[str, Any]:
    """An article as its input mapping (what a YAML file holding it would say), journal aside."""
    data: dict[str, Any] = article.model_dump(mode="json", exclude_none=True, exclude={"journal"})
    return data


def _raw_data(path: Path) -> tuple[dict[str, Any] | None, Any]:
    """The mapping of a YAML/JSON file that may not be a valid article (so that its broken
    field can be fixed in the form), with inline affiliations moved to the list the form
    shows; ``None`` when the file is not even a mapping."""
    try:
        data = parse_data(path.read_text(encoding="utf-8-sig"), str(path))
    except (InputError, OSError, UnicodeDecodeError):
        return None, None
    journal = data.pop("journal", None)
    affiliations = data.setdefault("affiliations", [])
    authors = data.get("authors")
    if isinstance(affiliations, list) and isinstance(authors, list):
        for person in authors:
            given = person.get("affiliations") if isinstance(person, dict) else None
            if isinstance(given, dict):  # one affiliation, as the model reads it: a list of one
                given = [given]
            if not isinstance(given, list):
                continue
            ids = []
            for item in given:
                if isinstance(item, dict):
                    item = {**item, "id": item.get("id") or f"aff{len(affiliations) + 1}"}
                    affiliations.append(item)
                    ids.append(item["id"])
                else:
                    ids.append(item)
            person["affiliations"] = ids
    return data, journal


def disk_name(name: str) -> str:
    """A name for the temporary folder made from a user's file name, its meaning kept, so that
    the outputs named after it are readable: Cyrillic transliterated by the scheme of its own
    alphabet ("Стрельцов.yaml" → "Streltsov.yaml", "Євтушенко.yaml" → "Yevtushenko.yaml": a
    Russian scheme would leave є ї ґ), Latin accents dropped ("Müller" → "Muller"), and a
    name in letters no scheme writes (Kazakh "Әлиев.yaml", Greek, Chinese) kept as written
    rather than lost; only what no file system should hold becomes "_" (``safe_name``), and
    a name too long for one is shortened (``naming.fit_name``). "" for a name of dots."""
    name = unicodedata.normalize("NFC", name)  # (a Mac sends й as и and a combining breve)
    try:
        latin = transliterate(name, scheme_for(name, "bsi")).replace("'", "")
    except NoScheme:
        latin = name  # (no scheme writes its alphabet: its letters stay as they are)
    clean = safe_name("".join(_ascii_letter(one) for one in latin)).lstrip(".")
    if not clean:
        return ""
    stem, dot, suffix = clean.rpartition(".")
    if not dot:
        return fit_name(clean.strip("_") or "file")
    return fit_name(f"{stem.strip('_') or 'file'}.{suffix}")


def safe_name(text: str) -> str:
    """``text`` with every run of characters that are not a letter, digit or mark (of any
    script) nor ``._-`` made one "_": no separator, space or control character in a name."""
    kept = "".join(
        one if one in "._-" or unicodedata.category(one)[0] in "LNM" else "\x00" for one in text
    )
    return _UNSAFE_RUN.sub("_", kept)


def _ascii_letter(char: str) -> str:
    """A Latin letter with an accent as its ASCII letter ("ü" → "u", "ﬁ" → "fi"); any other
    character as it is (Cyrillic "ә" and Greek "ά" have no ASCII base: they are kept)."""
    if char.isascii():
        return char
    return unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode() or char


def _free_path(path: Path) -> Path:
    """``path``, or ``name-2.ext`` … when two files of an upload get the same name here."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def megabytes(size: int) -> str:
    """A size as the page gives its limits: in MB."""
    return f"{size / (1024 * 1024):g} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def _yaml(data: dict[str, Any], journal: Any) -> str:
    """The edited input as a YAML file, with its ``journal:`` as given: a file name or a
    mapping written in the article (without it the file no longer converts)."""
    body = {**({"journal": journal} if journal is not None else {}), **data}
    return yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)
