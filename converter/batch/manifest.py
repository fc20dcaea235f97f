"""The up-to-date stamps of an output folder, in an SQLite database beside the outputs."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from converter.batch.scratch import CACHE_KB
from converter.errors import EXIT_USAGE, ConverterError, OutputError, output_error

MANIFEST_NAME = ".jatsconv-manifest.sqlite"
# Beside it while a run writes: the outputs renamed into place since the last commit (see
# ``Manifest.will_write``). Gone when the run ends; left only by a run that was killed.
PENDING_NAME = ".jatsconv-manifest.pending"
# The stamp of a source whose output a killed run renamed into place without recording it: no
# stamp matches, so the next run converts the source again (and owns the output).
UNFINISHED_STAMP = "unfinished: the run writing it was killed"
# The key prefix of a ``batch --per-issue`` row: one per issue file it wrote (the file's name
# after it), its articles' names beside it. A plain batch leaves these rows alone.
ISSUE_KEY = "per-issue: "

# A source's stamp as a row keeps it: the fingerprint of the converter's files that wrote the
# outputs (``fingerprint.code_fingerprint``), a slash, then the digest of everything else that
# decides them (input, journal files, version, options). The fingerprint is in the clear so that
# a run can say why an output is out of date: the converter changed. A manifest of a version
# before it has digests alone: every row is then other code's (converted again, said once).
CODE_SEPARATOR = "/"
_HEX = frozenset("0123456789abcdef")


def code_stamp(code: str, digest: str) -> str:
    """The stamp a row keeps: the converter's fingerprint, then the digest."""
    return f"{code}{CODE_SEPARATOR}{digest}"


def by_other_code(stamp: str, code: str) -> bool:
    """Whether ``stamp`` is an ordinary stamp written by another converter than the one of
    fingerprint ``code`` (or by a version that kept no fingerprint); a row's special stamps
    (``UNFINISHED_STAMP``, a rejected source's) are not."""
    head, _, digest = stamp.rpartition(CODE_SEPARATOR)
    if not digest or not _HEX.issuperset(digest) or not _HEX.issuperset(head):
        return False
    return head != code


# stamp, journal files used, journal file found, outputs, and the names of the articles the
# outputs are of when they are not the source's own (``FILE#N`` of a file holding several)
Record = tuple[str, tuple[str, ...], str, tuple[str, ...], tuple[str, ...]]


class ManifestError(ConverterError):
    """Another batch is writing into the same output folder (it holds the manifest's lock):
    two runs into one folder are a wrong use, exit 2, said before any article is read."""

    exit_code = EXIT_USAGE


# SQLite's "database is locked" (SQLITE_BUSY) and "database table is locked" (SQLITE_LOCKED):
# another connection, another batch's, holds the write lock.
_LOCKED_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


class Manifest:
    """The up-to-date stamps of an output folder: ``MANIFEST_NAME``, an SQLite database.

    One row per source (file, or spreadsheet row): stamp, journal files used, journal file
    found, outputs, and the articles' names when the source holds several. A row is read when
    its job is queued and written once the job's outputs are renamed into place, so a row never
    names a file that is not complete. Writes go into a
    transaction committed every ``COMMIT_EVERY`` seconds and when the run ends (Ctrl-C included):
    a killed run leaves the manifest of its last commit — consistent, and at worst some finished
    articles are converted again. A file SQLite cannot read is replaced (everything is then out
    of date).

    The outputs renamed into place since the last commit are owned all the same: each is noted
    in ``PENDING_NAME`` before its rename (``will_write``), and the next run into the folder
    records what a killed run noted. Without it, the next run took them for files it had not
    written, and refused to replace those that differ from run to run (Crossref's and DOAJ's
    timestamps).
    """

    COMMIT_EVERY = 2.0  # seconds
    LOCK_WAIT = 10.0  # seconds to wait for another batch writing into the same folder

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST_NAME
        try:
            try:
                self.db = self._open()
            except sqlite3.OperationalError:
                raise  # locked or unwritable: never a reason to throw the stamps away
            except sqlite3.DatabaseError:  # not a database (damaged): start afresh
                with contextlib.suppress(OSError):
                    self.path.unlink()
                self.db = self._open()
        except sqlite3.OperationalError as exc:
            raise _open_error(out_dir, self.path, exc) from None
        self.last_commit = time.monotonic()
        self.named = self.db.execute("SELECT 1 FROM names LIMIT 1").fetchone() is not None
        self.pending_path = out_dir / PENDING_NAME
        self.pending: int | None = None  # the notes' file, open to append (``will_write``)
        try:
            self._adopt_pending()  # (the lock is held: a killed run's notes, no live one's)
            self.pending = os.open(self.pending_path, _APPEND, 0o644)
        except OSError as exc:
            self.db.close()
            raise output_error(self.pending_path, exc) from None
        except BaseException:
            self.db.close()
            raise

    def _adopt_pending(self) -> None:
        """Record the outputs a killed run renamed into place after its last commit as its
        sources' own, with a stamp no source matches (they are converted again)."""
        try:
            text = self.pending_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        adopted = False
        for line in text.splitlines():
            try:
                key, name = json.loads(line)
            except (TypeError, ValueError):  # (not a note: nothing to record)
                continue
            row = self.get(key)
            if row is not None and name in row[3]:
                continue
            outputs = (*row[3], name) if row is not None else (name,)
            self[key] = (UNFINISHED_STAMP, (), "", outputs, ())
            adopted = True
        if adopted:
            self.commit()
        self.pending_path.unlink()

    def will_write(self, key: str, name: str) -> None:
        """Note that the output ``name`` of the source ``key`` is about to be renamed into
        place: one write, no sync; it is in the file as soon as the call returns, whatever
        then happens to this process."""
        assert self.pending is not None, "the manifest is closed"
        os.write(self.pending, json.dumps([key, name]).encode() + b"\n")

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.LOCK_WAIT, isolation_level=None)
        try:
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(f"PRAGMA cache_size=-{CACHE_KB}")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, stamp TEXT NOT NULL,"
                " journals TEXT NOT NULL, found TEXT NOT NULL, outputs TEXT NOT NULL)"
                " WITHOUT ROWID"
            )
            # The articles' names of a source holding several, in a table of their own: an
            # earlier version, which writes five values into ``entries``, still can.
            db.execute(
                "CREATE TABLE IF NOT EXISTS names (key TEXT PRIMARY KEY, names TEXT NOT NULL)"
                " WITHOUT ROWID"
            )
            db.execute("BEGIN IMMEDIATE")  # one writer per output folder at a time
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def get(self, key: str) -> Record | None:
        row = self.db.execute(
            "SELECT stamp, journals, found, outputs, names FROM entries LEFT JOIN names"
            " USING (key) WHERE key = ?",
            (key,),
        ).fetchone()
        if row is None:
            return None
        stamp, journals, found, outputs, names = row
        return (
            stamp,
            tuple(json.loads(journals)),
            found,
            tuple(json.loads(outputs)),
            tuple(json.loads(names)) if names else (),
        )

    def __setitem__(self, key: str, record: Record) -> None:
        # Once per article in the main process: a plain try rather than ``_writing`` (a
        # context manager costs a generator and three calls), the same errors turned the same
        # way; the journal list is the same tuple for a whole folder of articles.
        stamp, journals, found, outputs, names = record
        try:
            self.db.execute(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)",
                (key, stamp, _json_list(journals), found, json.dumps(list(outputs))),
            )
            if names:
                self.db.execute(
                    "INSERT OR REPLACE INTO names VALUES (?, ?)", (key, json.dumps(list(names)))
                )
                self.named = True
            elif self.named:  # (no look-up per article while no source has several)
                self.db.execute("DELETE FROM names WHERE key = ?", (key,))
            self._maybe_commit()
        except sqlite3.OperationalError as exc:
            raise _output_error(self.path, exc) from None

    def pop(self, key: str, default: None = None) -> None:
        with self._writing():
            self.db.execute("DELETE FROM entries WHERE key = ?", (key,))
            if self.named:
                self.db.execute("DELETE FROM names WHERE key = ?", (key,))
            self._maybe_commit()
        return default

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """SQLite's "database or disk is full" and "readonly database" are the output place
        failing, like a file that cannot be written: ``OutputError``, which stops the run."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            raise _output_error(self.path, exc) from None

    def source_keys(self) -> Iterator[str]:
        """Every row's source key."""
        for (key,) in self.db.cursor().execute("SELECT key FROM entries"):
            yield key

    def outputs(self) -> Iterator[str]:
        """The outputs every row lists, relative to the output folder."""
        for (outputs,) in self.db.execute("SELECT outputs FROM entries"):
            yield from json.loads(outputs)

    def rows_naming(self, name: str) -> Iterator[tuple[str, tuple[str, ...]]]:
        """Each row (its key and outputs) whose outputs may list ``name``."""
        quoted = json.dumps(name)
        query = "SELECT key, outputs FROM entries WHERE instr(outputs, ?) > 0"
        for key, outputs in self.db.execute(query, (quoted,)).fetchall():
            yield key, tuple(json.loads(outputs))

    def is_empty(self) -> bool:
        """No row at all: the first run into this folder (cheaper than ``len`` when it is not)."""
        return self.db.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is None

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM entries").fetchone()[0])

    def _maybe_commit(self) -> None:
        if time.monotonic() - self.last_commit >= self.COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        """Make what was recorded durable and start the next transaction."""
        with self._writing():
            self.db.execute("COMMIT")
            if self.pending is not None:  # (what the notes say is recorded now)
                os.ftruncate(self.pending, 0)
            self.db.execute("BEGIN IMMEDIATE")
        self.last_commit = time.monotonic()

    def close(self) -> None:
        """Commit and close (the run is over, or was interrupted)."""
        committed = False
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("COMMIT")
            committed = True
        self.db.close()
        if self.pending is None:
            return
        # The notes are recorded (else the next run records them). Another batch may have
        # taken the folder since the commit and made notes of its own: only ours go.
        with contextlib.suppress(OSError):
            if committed and os.path.samestat(os.fstat(self.pending), os.stat(self.pending_path)):
                os.unlink(self.pending_path)
        os.close(self.pending)
        self.pending = None


def _open_error(out_dir: Path, path: Path, exc: sqlite3.OperationalError) -> ConverterError:
    """One line for a manifest that cannot be opened for writing: another batch holds it
    (``ManifestError``, exit 2, saying what to do), else the output place failing (exit 73),
    in the words of any output that cannot be written, never SQLite's own."""
    if getattr(exc, "sqlite_errorcode", None) in _LOCKED_CODES or "locked" in str(exc).lower():
        return ManifestError(
            f"{out_dir}: another batch is writing into this output folder (its manifest "
            f"{MANIFEST_NAME} is locked): wait until it ends, or give another -o folder"
        )
    error = _output_error(path, exc)
    if isinstance(error, OutputError):
        return error
    return OutputError(f"{path}: cannot open the manifest: {str(exc).lower()}")


def _output_error(path: Path, exc: sqlite3.OperationalError) -> Exception:
    """``OutputError`` for SQLite's "disk is full" and "readonly database" (the output place
    failing); any other error as it was."""
    text = str(exc).lower()
    if "full" in text:
        return OutputError(f"{path}: cannot write: disk full")
    if "readonly" in text or "read-only" in text:
        return OutputError(f"{path}: cannot write: read-only file system")
    return exc


@lru_cache(maxsize=64)
def _json_list(items: tuple[str, ...]) -> str:
    return json.dumps(list(items))


_APPEND = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
