"""Finding the work: folders, globs and issue files expanded into files, files into jobs
(a spreadsheet gives one job per row)."""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from converter.batch.scratch import scratch_db
from converter.batch.settings import BatchSettings, Job
from converter.errors import InputError
from converter.readers.native import JOURNAL_FILE_NAMES
from converter.readers.spreadsheet import iter_rows

ISSUE_FILE_NAMES = ("issue.yaml", "issue.yml")
ISSUE_FILE_SUFFIXES = (".issue.yaml", ".issue.yml")
# What a folder scan picks up: the project's own article files and spreadsheets. Other formats
# (XML exports, HTML) are taken when named or globbed, never from a folder that may hold outputs.
FOLDER_SUFFIXES = (".yaml", ".yml", ".json", ".csv", ".xlsx")
# With --from, a folder scan takes the files of that format instead.
FORMAT_SUFFIXES = {
    "yaml": (".yaml", ".yml"),
    "json": (".json",),
    "csv": (".csv",),
    "xlsx": (".xlsx", ".xlsm"),
    "ojs": (".xml",),
    "jats": (".xml",),
    "crossref": (".xml", ".json"),
    "html": (".html", ".htm"),
}
SPREADSHEET_FORMATS = ("csv", "xlsx")


def _is_issue_file(path: Path) -> bool:
    name = path.name.lower()
    return name in ISSUE_FILE_NAMES or name.endswith(ISSUE_FILE_SUFFIXES)


def _scan_folder(folder: Path, skip: Path | None, fmt: str | None = None) -> Iterator[str]:
    """Article files and spreadsheets under a folder, sorted, hidden ones and outputs skipped."""
    suffixes = FORMAT_SUFFIXES.get(fmt or "", FOLDER_SUFFIXES)
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and (skip is None or Path(os.path.join(root, d)).resolve() != skip)
        )
        for name in sorted(files):
            lower = name.lower()
            if (
                name.startswith(".")
                or not lower.endswith(suffixes)
                or lower in JOURNAL_FILE_NAMES
                or _is_issue_file(Path(name))
            ):
                continue
            yield os.path.join(root, name)


def _issue_file(path: Path) -> tuple[list[Path], str | None, list[str]]:
    """An issue file: ``articles:`` (paths or globs, relative to it) and an optional journal."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return [], None, [f"{path}: cannot read issue file: {exc}"]
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        return [], None, [f"{path}: articles: an issue file needs a list of article files"]
    unknown = sorted(set(data) - {"articles", "journal"})
    if unknown:
        return (
            [],
            None,
            [f"{path}: {unknown[0]}: unknown field (an issue file has articles, journal)"],
        )
    journal = data.get("journal")
    if journal is not None and not isinstance(journal, str):
        return [], None, [f"{path}: journal: expected the path of a journal file"]
    base = path.parent
    found: list[Path] = []
    problems = []
    for index, item in enumerate(data["articles"]):
        if not isinstance(item, str) or not item.strip():
            problems.append(f"{path}: articles[{index}]: expected a file name or a glob")
            continue
        if glob.has_magic(item):
            matches = sorted(Path(p) for p in glob.glob(str(base / item), recursive=True))
            if not matches:
                problems.append(f"{path}: articles[{index}]: {item!r} matches no file")
            found.extend(matches)
        else:
            target = base / item
            if not target.is_file():
                problems.append(f"{path}: articles[{index}]: {item}: no such file")
            else:
                found.append(target)
    journal_path = str((base / journal).resolve()) if journal else None
    return found, journal_path, problems


class SourceList:
    """The files of a run, in order, each once, with the journal file an issue file names for
    some of them; kept in a scratch database (see ``scratch_db``), not in memory."""

    def __init__(self) -> None:
        self.db = scratch_db()
        self.db.execute(
            "CREATE TABLE files (seq INTEGER PRIMARY KEY, path TEXT NOT NULL, journal TEXT)"
        )
        self.db.execute("CREATE TABLE seen (key TEXT PRIMARY KEY) WITHOUT ROWID")
        self.count = 0

    def mark_seen(self, key: str) -> bool:
        """Note ``key`` (an absolute path); False when it was noted before."""
        return self.db.execute("INSERT OR IGNORE INTO seen VALUES (?)", (key,)).rowcount == 1

    def append(self, path: str, journal: str | None) -> None:
        self.db.execute("INSERT INTO files VALUES (?, ?, ?)", (self.count, path, journal))
        self.count += 1

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[tuple[str, str | None]]:
        # A cursor of its own: the rows come from disk as they are needed.
        yield from self.db.cursor().execute("SELECT path, journal FROM files ORDER BY seq")

    def close(self) -> None:
        self.db.close()


def list_sources(
    sources: Iterable[str],
    skip: Path | None = None,
    fmt: str | None = None,
    ignore: Iterable[Path] = (),
) -> tuple[SourceList, list[str]]:
    """Expand folders, globs and issue files into files (with a journal override), in order.

    ``skip`` is a folder never scanned (the output folder), ``ignore`` files never taken (the
    report). Returns the files (each once) and problems (a source that does not exist …).
    """
    files = SourceList()
    problems: list[str] = []
    for path in ignore:
        files.mark_seen(os.path.abspath(path))

    def add(path: str | Path, journal: str | None = None) -> None:
        if files.mark_seen(os.path.abspath(path)):
            files.append(str(path), journal)

    for source in sources:
        path = Path(source)
        if path.is_dir():
            for item in _scan_folder(path, skip, fmt):
                add(item)
        elif path.is_file():
            if _is_issue_file(path):
                listed, journal, issue_problems = _issue_file(path)
                problems.extend(issue_problems)
                for item in listed:
                    add(item, journal)
            else:
                add(path)
        elif glob.has_magic(source):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                problems.append(f"{source}: matches no file")
            for match in matches:
                item = Path(match)
                if item.is_dir():
                    for found in _scan_folder(item, skip, fmt):
                        add(found)
                elif item.is_file() and not fnmatch.fnmatch(item.name, ".*"):
                    add(item)
        else:
            problems.append(f"{source}: no such file or folder")
    return files, problems


def _format_of(path: str, fmt: str | None) -> str | None:
    if fmt:
        return fmt
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    return None


def iter_jobs(
    files: Iterable[tuple[str, str | None]], settings: BatchSettings, problems: Iterable[str] = ()
) -> Iterator[Job]:
    """One job per article file; a spreadsheet is read here and gives one job per row.

    Sources that could not be listed come first, as jobs that only report their problem.
    """
    seq = 0
    for line in problems:
        source = line.split(": ", 1)[0]
        yield Job(seq, f"?{source}", source, problems=(line,))
        seq += 1
    override = str(settings.journal.resolve()) if settings.journal else None
    for path, journal in files:
        fmt = _format_of(path, settings.fmt)
        key = os.path.abspath(path)
        if fmt in SPREADSHEET_FORMATS:
            try:
                rows = iter_rows(Path(path), settings.encoding, settings.delimiter)
                for number, values in rows:
                    yield Job(
                        seq, f"{key}#{number}", path, fmt, number, values, override or journal
                    )
                    seq += 1
            except InputError as exc:
                yield Job(seq, key, path, fmt, problems=tuple(exc.lines()))
                seq += 1
            continue
        yield Job(seq, key, path, fmt, journal=override or journal)
        seq += 1
