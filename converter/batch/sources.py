"""Finding the work: folders, globs and issue files expanded into files, files into jobs
(a spreadsheet gives one job per row)."""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path

from converter.batch.scratch import scratch_db
from converter.batch.settings import BatchSettings, Job
from converter.errors import InputError
from converter.readers.encoding import name_not_utf8, not_utf8_text, shown_name
from converter.readers.native import JOURNAL_FILE_NAMES, read_data
from converter.readers.spreadsheet import CSV_SUFFIXES, iter_rows, sheet_format

ISSUE_FILE_NAMES = ("issue.yaml", "issue.yml")
ISSUE_FILE_SUFFIXES = (".issue.yaml", ".issue.yml")
# What a folder scan picks up: the project's own article files and spreadsheets. Other formats
# (XML exports, HTML) are taken when named or globbed, never from a folder that may hold outputs.
FOLDER_SUFFIXES = (".yaml", ".yml", ".json", *CSV_SUFFIXES, ".xlsx")
# With --from, a folder scan takes the files of that format instead.
FORMAT_SUFFIXES = {
    "yaml": (".yaml", ".yml"),
    "json": (".json",),
    "csv": CSV_SUFFIXES,
    "xlsx": (".xlsx", ".xlsm"),
    "ojs": (".xml",),
    "jats": (".xml", ".nxml"),  # .nxml: what PMC's Open Access files are named
    "crossref": (".xml", ".json"),
    "doaj": (".xml", ".json"),  # (.json: DOAJ's API article JSON)
    "html": (".html", ".htm"),
}
SPREADSHEET_FORMATS = ("csv", "xlsx")


def _is_issue_file(path: Path) -> bool:
    return _is_issue_name(path.name.lower())


def _is_issue_name(lower: str) -> bool:
    return lower in ISSUE_FILE_NAMES or lower.endswith(ISSUE_FILE_SUFFIXES)


def _not_a_source(name: str) -> bool:
    """A hidden file, a journal file or an issue file: never an article of a folder or glob."""
    lower = name.lower()
    return name.startswith(".") or lower in JOURNAL_FILE_NAMES or _is_issue_name(lower)


def _scan_folder(
    folder: Path,
    skip: str | None,
    fmt: str | None,
    seen: set[str],
    problems: list[str],
) -> Iterator[tuple[str, str, list[tuple[str, bool]]]]:
    """Article files and spreadsheets under a folder, sorted, hidden ones and the output folder
    ``skip`` left out: each folder once, as ``(folder, its real path, [(name, is a link)])``.

    Links to folders are followed (an issue kept elsewhere), each real folder once (``seen``:
    a folder reached twice, or a link loop). A folder that cannot be read is a problem line.
    Names are tested as text, without a ``Path`` per file: listing is part of the batch's
    serial start-up, before any worker runs (5,000 files: 30 -> 12 ms with ``SourceList.extend``).
    """
    suffixes = FORMAT_SUFFIXES.get(fmt or "", FOLDER_SUFFIXES)
    stack = [os.fspath(folder)]
    while stack:
        root = stack.pop()
        real = os.path.realpath(root)
        if real in seen or (real == skip and root != os.fspath(folder)):
            continue
        seen.add(real)
        try:
            with os.scandir(root) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            problems.append(f"{shown_name(root)}: cannot read the folder: {_reason(exc)}")
            continue
        folders, taken = [], []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if _is_folder(entry):
                if name not in TOOL_FOLDERS:
                    folders.append(os.path.join(root, name))
            elif name.lower().endswith(suffixes) and not _not_a_source(name):
                if (kind := _special(entry)) is not None:  # (read, it would never end)
                    problems.append(f"{shown_name(os.path.join(root, name))}: {kind}")
                    continue
                taken.append((name, entry.is_symlink()))
        stack.extend(reversed(folders))  # (depth first, in order: as ``os.walk``)
        if taken:
            yield root, real, taken


# Folders tools make beside a journal's files, never its articles: a scan of a journal's
# repository would read each of their thousands of package.json and data files
TOOL_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # (through a link)
    except OSError:
        return False


def _special(entry: os.DirEntry[str]) -> str | None:
    """Why a folder's entry named like a source is no file to read, when it is a named pipe,
    a socket or a device (itself or through a link): opened to be stamped, a pipe with no
    writer waits for ever (a nightly run that never ends). None for a file, and for a link
    whose target is missing (said as such when read)."""
    try:
        if entry.is_file():
            return None
        mode = entry.stat().st_mode
    except OSError:
        return None
    return _not_a_file(mode)


def _special_path(path: str | os.PathLike[str]) -> str | None:
    """``_special`` for a path named or globbed (on the command line or in an issue file's
    ``articles``): a pipe matched by ``in/*.yaml`` or listed by an issue file was waited on
    for ever too, or said as 'no such file'."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return _not_a_file(mode)


def _not_a_file(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe, not a file: not read"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file: not read"
    return "a device, not a file: not read"


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _issue_file(path: Path) -> tuple[list[Path], str | None, list[str]]:
    """An issue file: ``articles:`` (paths or globs, relative to it) and an optional journal."""
    try:  # read as article files are: bounded, duplicate keys refused, one line naming it
        data = read_data(path)
    except InputError as exc:
        return [], None, exc.lines()
    if not isinstance(data.get("articles"), list):
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
            for match in matches:
                if kind := _special_path(match):
                    problems.append(f"{shown_name(str(match))}: {kind}")
                else:
                    found.append(match)
        else:
            target = base / item
            if kind := _special_path(target):
                problems.append(f"{path}: articles[{index}]: {item}: {kind}")
            elif not target.is_file():
                problems.append(f"{path}: articles[{index}]: {item}: no such file")
            else:
                found.append(target)
    journal_path = str((base / journal).resolve()) if journal else None
    return found, journal_path, problems


class SourceList:
    """The files of a run, in order, each once, with the journal file an issue file names for
    some of them; kept in a scratch database (see ``scratch_db``), not in memory.

    One table, whose unique ``key`` (the real path: ``real_key``) drops a file met again, under
    its own name or through a link: a folder's files go in with one ``executemany``
    (``extend``) rather than two statements each. ``found``: the file was found by a folder
    scan or a glob, not named (a YAML/JSON file found that is not an article is skipped).
    """

    def __init__(self) -> None:
        self.db = scratch_db()
        self.db.execute(
            "CREATE TABLE files (seq INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, path TEXT,"
            " journal TEXT, found INTEGER NOT NULL DEFAULT 0)"
        )
        self.count = 0

    def mark_seen(self, key: str) -> bool:
        """Note ``key`` (a real path) as a file never to take; False when it was noted before."""
        return self._insert([(key, None, None, False)]) == 1

    def append(self, key: str, path: str, journal: str | None, found: bool = False) -> None:
        """Take a file unless it was taken or noted before."""
        self.count += self._insert([(key, path, journal, found)])

    def extend(self, rows: list[tuple[str, str]]) -> None:
        """Take files a folder scan found, as (real path, path), in order, unless taken or
        noted before."""
        self.count += self._insert([(key, path, None, True) for key, path in rows])

    def _insert(self, rows: list[tuple[str, str | None, str | None, bool]]) -> int:
        cursor = self.db.executemany(
            "INSERT OR IGNORE INTO files (key, path, journal, found) VALUES (?, ?, ?, ?)", rows
        )
        return cursor.rowcount

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[tuple[str, str, str | None, bool]]:
        """(real path, path, journal, found) of each file taken, in order."""
        # A cursor of its own: the rows come from disk as they are needed.
        yield from self.db.cursor().execute(
            "SELECT key, path, journal, found FROM files WHERE path IS NOT NULL ORDER BY seq"
        )

    def close(self) -> None:
        self.db.close()


def list_sources(
    sources: Iterable[str],
    skip: Path | None = None,
    fmt: str | None = None,
    ignore: Iterable[Path] = (),
    earlier: Callable[[], Collection[str]] | None = None,
    notes: list[str] | None = None,
) -> tuple[SourceList, list[str]]:
    """Expand folders, globs and issue files into files (with a journal override), in order.

    ``skip`` is the output folder: never scanned when it lies below a folder given. ``ignore``
    are files never taken (the report); ``earlier`` gives the real paths of the outputs earlier
    runs wrote into ``skip``, which a folder or a glob never takes either (JATS in and out: the
    output folder the input folder, or matched by the glob). Returns the files (each once,
    however reached) and problems (a source that does not exist …).

    A folder given that holds no file to convert (an issue folder not filled yet, a cron run
    over a journal with no new articles) is no bad input: its line goes to ``notes``, to be
    said, and the run's exit is its articles'. Without ``notes`` it is a problem line.
    """
    files = SourceList()
    problems: list[str] = []
    keys = _RealKeys()
    for path in ignore:
        files.mark_seen(keys.of(os.fspath(path)))
    out = os.fspath(skip) if skip is not None else None
    inside = _slashed(out) if out is not None else None
    written: Collection[str] | None = None  # ``earlier()``, asked once it is needed

    def ours(key: str) -> bool:
        """An output an earlier run wrote (a file in the output folder that it lists)."""
        nonlocal written
        if inside is None or earlier is None or not key.startswith(inside):
            return False
        if written is None:
            written = earlier()
        return key in written

    def add(path: str | Path, journal: str | None = None, found: bool = False) -> None:
        if not _utf8_name(os.fspath(path), problems):
            return
        key = keys.of(os.fspath(path))
        if not (found and ours(key)):
            files.append(key, str(path), journal, found)

    seen: set[str] = set()  # real folders scanned

    def add_folder(folder: Path) -> int:
        """Take a folder's files; how many it gave (taken before or not)."""
        found = 0
        for root, real, names in _scan_folder(folder, out, fmt, seen, problems):
            where, base = _slashed(root), _slashed(real)
            if not (where.isascii() and all(name.isascii() for name, _link in names)):
                names = [(n, link) for n, link in names if _utf8_name(where + n, problems)]
            if not base.isascii() and not_utf8_text(base):  # (through a link: a key, not a name)
                base = _slashed(shown_name(base))
            rows = [
                (keys.of(where + name) if link else base + name, where + name)
                for name, link in names
            ]
            if inside is not None and base.startswith(inside):
                rows = [(key, path) for key, path in rows if not ours(key)]
            files.extend(rows)
            found += len(rows)
        return found

    for source in sources:
        path = Path(source)
        if path.is_dir():
            listed, again = len(problems), os.path.realpath(path) in seen
            if not add_folder(path) and len(problems) == listed and not again:
                if notes is None:
                    problems.append(_nothing_in(path, fmt))
                else:
                    notes.append(f"jatsconv: {_nothing_in(path, fmt)}; nothing converted from it")
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
                if os.path.isdir(match):
                    add_folder(Path(match))
                elif _not_a_source(os.path.basename(match)):
                    continue
                elif kind := _special_path(match):
                    problems.append(f"{shown_name(match)}: {kind}")
                elif os.path.isfile(match):
                    add(match, found=True)
        elif kind := _special_path(path):
            problems.append(f"{shown_name(source)}: {kind}")
        else:
            problems.append(f"{shown_name(source)}: no such file or folder")
    return files, problems


def _nothing_in(folder: Path, fmt: str | None) -> str:
    """The problem line of a folder given that holds no file to convert, naming the endings
    of what it does hold (web pages, JATS given without ``--from``)."""
    suffixes = FORMAT_SUFFIXES.get(fmt or "", FOLDER_SUFFIXES)
    line = f"{shown_name(os.fspath(folder))}: no file to convert here (a folder gives its "
    line += " ".join(suffixes) + " files"
    if fmt is None:
        held = set()
        for _root, dirs, names in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            held.update(os.path.splitext(n)[1].lower() for n in names if not _not_a_source(n))
            if len(held) > 8:
                break
        held.discard("")
        if held:
            line += f"; this one holds {', '.join(sorted(held))}: for those, name their format"
            line += " with --from"
    return line + ")"


def _utf8_name(path: str, problems: list[str]) -> bool:
    """Whether a file's path is text a report can carry; if not (a Windows archive unpacked as
    it was: names in Windows-1251 bytes), a problem line saying what it reads as."""
    if (problem := name_not_utf8(path)) is None:
        return True
    problems.append(problem)
    return False


class _RealKeys:
    """A file's key: its real path (links resolved), so that a file reached twice, under its
    own name and through a link (to it or to its folder), is one source. A folder's real path
    is found once, and a file's own only when it is a link. A link whose target is missing is
    a source of its own (links of several issue folders to one shared file since moved are
    each a problem to say, not one file reached twice)."""

    def __init__(self) -> None:
        self.folders: dict[str, str] = {}

    def of(self, path: str) -> str:
        if os.path.islink(path):
            real = os.path.realpath(path)
            if os.path.exists(real):
                return real
        folder, name = os.path.split(os.path.abspath(path))
        real = self.folders.get(folder)
        if real is None:
            real = self.folders[folder] = os.path.realpath(folder)
        return os.path.join(real, name)


def _slashed(folder: str) -> str:
    return folder if folder.endswith(os.sep) else folder + os.sep


def _format_of(path: str, fmt: str | None) -> str | None:
    if fmt:
        return fmt
    return sheet_format(Path(path))


def iter_jobs(
    files: Iterable[tuple[str, str, str | None, bool]],
    settings: BatchSettings,
    problems: Iterable[str] = (),
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
    for key, path, journal, found in files:  # key: the absolute path, made once when listing
        fmt = _format_of(path, settings.fmt)
        if fmt in SPREADSHEET_FORMATS:
            try:
                rows = iter_rows(Path(path), settings.encoding, settings.delimiter, fmt)
                for number, values in rows:
                    yield Job(
                        seq, f"{key}#{number}", path, fmt, number, values, override or journal
                    )
                    seq += 1
            except InputError as exc:
                yield Job(seq, key, path, fmt, problems=tuple(exc.lines()))
                seq += 1
            continue
        yield Job(seq, key, path, fmt, journal=override or journal, found=bool(found))
        seq += 1
