"""Exceptions the library raises and the exit codes the CLI maps them to."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from converter.floods import capped

EXIT_OK = 0
EXIT_INVALID = 1  # output (or a validated file) breaks the DTD
EXIT_USAGE = 2  # wrong command-line use (click's own code)
EXIT_INPUT = 3  # input could not be read: malformed, unknown field, failing check digit …
EXIT_SETUP = 4  # grammars not installed or not installable
EXIT_DEPOSIT = 5  # a deposit failed: credentials missing, service refused or unreachable
EXIT_PENDING = 6  # deposits sent, but the service had not processed them all when we stopped
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_INTERNAL = 70  # a bug: please report it
EXIT_OUTPUT = 73  # an output could not be written: folder read-only or not creatable, disk full
EXIT_PIPE = 141  # standard output closed by its reader (``| head``): 128 + SIGPIPE, as shells say

EXIT_CODES = {
    EXIT_OK: "success: every output written and valid",
    EXIT_INVALID: "an output or a validated file is invalid against the JATS DTD, or an output "
    "has an error of a --profile checked or lacks what its --to service needs",
    EXIT_USAGE: "wrong command-line use (unknown option, missing argument; for batch, another "
    "batch writing into the same output folder)",
    EXIT_INPUT: "bad input: a file could not be read or its metadata is wrong",
    EXIT_SETUP: "the JATS DTDs (or, for --profile jats4r, the JATS4R rules) are not installed "
    "or could not be installed",
    EXIT_DEPOSIT: "a deposit failed: credentials missing, or the service rejected a file or "
    "could not be reached, or a record failed",
    EXIT_PENDING: "deposit sent, but not yet processed by the service when the wait ended "
    "(ask again with 'jatsconv deposit status')",
    EXIT_INTERNAL: "internal error (a bug in jats-converter: please report it)",
    EXIT_OUTPUT: "an output could not be written: the folder is read-only or cannot be "
    "created, or the disk is full; outputs written before are complete",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C); files already written are complete",
    EXIT_PIPE: "standard output was closed before all was written to it (a pipe into head): "
    "the run stopped there, without a word",
}

# What 2 means in the help of a command other than batch (batch alone meets another batch).
USAGE_ONLY = "wrong command-line use (unknown option, missing argument)"


def command_exit_codes(command: str) -> dict[int, str]:
    """The words of each exit code in ``command``'s --help (``"schemas install"``): deposit's
    own table (its codes mean other things), else the global one, without what only batch
    can mean by 2; then what a code means for that command where those words do not fit it
    (``COMMAND_EXIT_WORDS``). A group's help lists its subcommands' codes in the table's."""
    name = command.split()[0] if command.strip() else ""
    if name == "deposit":
        table = DEPOSIT_EXIT_CODES
    elif name in ("", "batch"):
        table = EXIT_CODES
    else:
        table = {**EXIT_CODES, EXIT_USAGE: USAGE_ONLY}
    return {**table, **COMMAND_EXIT_WORDS.get(command, {})}


# Words a command's --help gives a code in where the table's do not fit that command: one that
# writes no file (its 0 is no "output written", its 73 only its standard output on a full
# disk, its Ctrl-C leaves no file), one that judges files rather than converting them (its 1
# is a file that fails, not an output), one that runs until stopped (serve).
_STANDARD_OUTPUT_FULL = "standard output could not be written: the disk is full"
_STOPPED = "interrupted (Ctrl-C)"
_PROFILE_ERROR = (
    "an output is invalid against the JATS DTD, has an error of a --profile checked, or lacks "
    "what its --to service needs (Crossref: a DOI, the depositor …) or fails its schema"
)
_JATS4R_MISSING = "for --profile jats4r, the JATS4R rules are not installed or could not be loaded"
_NO_DTDS = "the JATS DTDs are not installed (jatsconv schemas install)"
COMMAND_EXIT_WORDS: dict[str, dict[int, str]] = {
    "convert": {EXIT_INVALID: _PROFILE_ERROR},
    "batch": {
        EXIT_OK: "success: every article converted (or up to date) and valid",
        EXIT_INVALID: _PROFILE_ERROR,
        EXIT_INTERRUPTED: "interrupted (Ctrl-C or SIGTERM); files already written are complete",
    },
    "validate": {
        EXIT_OK: "every file is valid against the DTD its DOCTYPE names",
        EXIT_INVALID: "a file is invalid against the DTD its DOCTYPE names",
        EXIT_INPUT: "a file could not be read or checked: not well-formed, not a JATS or NLM "
        "article, or a DOCTYPE that names no JATS or NLM DTD",
        EXIT_SETUP: "the JATS DTDs are not installed, or a file names an NLM or JATS DTD that "
        "is not (that file not checked)",
        EXIT_OUTPUT: _STANDARD_OUTPUT_FULL,
        EXIT_INTERRUPTED: _STOPPED,
    },
    "check": {
        EXIT_OK: "every file passed: no error of the profiles checked (warnings may be listed)",
        EXIT_INVALID: "a file has an error of a profile checked",
        EXIT_INPUT: "a file could not be read or is not well-formed: not checked",
        EXIT_SETUP: _JATS4R_MISSING,
        EXIT_OUTPUT: _STANDARD_OUTPUT_FULL,
        EXIT_INTERRUPTED: _STOPPED,
    },
    "consistency": {
        EXIT_OK: "no error in the texts checked (warnings may be listed)",
        EXIT_INVALID: "an article's texts have an error (a finding of severity error)",
        EXIT_OUTPUT: _STANDARD_OUTPUT_FULL,
        EXIT_INTERRUPTED: _STOPPED,
    },
    "preview": {
        EXIT_OK: "success: every page written, no error of a --profile checked",
        EXIT_INVALID: "an article has an error of a --profile checked (its page shows it)",
        EXIT_SETUP: _JATS4R_MISSING,
    },
    "package": {EXIT_OK: "success: every package written"},
    "translit": {
        EXIT_OK: "every text written in Latin letters",
        EXIT_INPUT: "a text is in a Cyrillic alphabet no scheme here writes (Belarusian, "
        "Kazakh, Serbian …): nothing written",
        EXIT_OUTPUT: _STANDARD_OUTPUT_FULL,
        EXIT_INTERRUPTED: _STOPPED,
    },
    "references": {
        EXIT_OK: "every reference shown",
        EXIT_INPUT: "an article (--article) or the journal file could not be read; the other "
        "articles are shown",
        EXIT_OUTPUT: _STANDARD_OUTPUT_FULL,
        EXIT_INTERRUPTED: _STOPPED,
    },
    "serve": {
        EXIT_OK: "only for --help: the app runs until it is stopped",
        EXIT_OUTPUT: "the app's address could not be written: standard output is on a full disk",
        EXIT_INTERRUPTED: "stopped (Ctrl-C or SIGTERM), the way the app ends: its uploads are "
        "removed",
    },
    "init": {
        EXIT_OK: "the journal file written (with -o -, printed)",
        EXIT_INPUT: "a value given or looked up cannot be the journal field's, the --issn "
        "lookup fails (Crossref not reached, or no journal with that ISSN), the file exists "
        "(--force replaces it), or standard input ended before every question was answered: "
        "nothing written",
        EXIT_OUTPUT: "the journal file could not be written: its folder is read-only or cannot "
        "be created, it is a folder, or the disk is full (with -o -, standard output's)",
    },
    "schemas install": {
        EXIT_OK: "the DTDs installed",
        EXIT_SETUP: "the DTDs could not be installed: the --from source is not there or holds "
        "none, or the pinned package could not be fetched or failed its integrity check",
        EXIT_OUTPUT: "the folder to install into could not be made or written, or the disk is full",
        EXIT_INTERRUPTED: _STOPPED,
    },
    "schemas install-jats4r": {
        EXIT_OK: "the JATS4R rules installed",
        EXIT_SETUP: "the JATS4R rules could not be installed: the --from source is not there "
        "or holds none, the pinned package could not be fetched or failed its integrity check, "
        "or a patch does not apply",
        EXIT_OUTPUT: "the folder to install into could not be made or written, or the disk is full",
        EXIT_INTERRUPTED: _STOPPED,
    },
    "schemas list": {
        EXIT_OK: "the installed DTDs listed",
        EXIT_SETUP: _NO_DTDS,
        EXIT_OUTPUT: _STANDARD_OUTPUT_FULL,
        EXIT_INTERRUPTED: _STOPPED,
    },
    "schemas path": {
        EXIT_OK: "the catalog's path printed",
        EXIT_SETUP: _NO_DTDS,
        EXIT_OUTPUT: _STANDARD_OUTPUT_FULL,
        EXIT_INTERRUPTED: _STOPPED,
    },
    "schemas input": {
        EXIT_OK: "the JSON Schema written (with no -o, printed)",
        EXIT_OUTPUT: "the JSON Schema could not be written: its folder is read-only or cannot "
        "be created, or the disk is full (with no -o, standard output's)",
        EXIT_INTERRUPTED: _STOPPED,
    },
    "deposit crossref": {
        EXIT_INPUT: "a file cannot be read or is not a Crossref file, or the configuration file "
        "(JATSCONV_CONFIG) cannot be read",
    },
    "deposit doaj": {
        EXIT_INPUT: "a file cannot be read or is not a DOAJ file, or the configuration file "
        "(JATSCONV_CONFIG) cannot be read",
    },
    "deposit status": {
        EXIT_OK: "every record succeeded (a Crossref Warning registers the DOI); with --list: "
        "the log listed",
        EXIT_INPUT: "the configuration file (JATSCONV_CONFIG) cannot be read",
    },
}


# ``jatsconv deposit`` writes no output and validates against the services' schemas, not the
# JATS DTD: its codes mean other things. The README's table for deposit says the same words.
DEPOSIT_EXIT_CODES = {
    EXIT_OK: "every file was taken; with --wait, and for status: every record succeeded (a "
    "Crossref Warning registers the DOI); with --dry-run: every file passed",
    EXIT_INVALID: "a file fails the configured schema or lacks an ISSN the service needs: "
    "nothing was sent",
    EXIT_USAGE: "wrong command-line use (unknown option, missing argument)",
    EXIT_INPUT: "a file cannot be read or is not a Crossref (or DOAJ) file, or the "
    "configuration file (JATSCONV_CONFIG) cannot be read",
    EXIT_SETUP: "the schema named with --crossref-schema or --doaj-schema (or its environment "
    "variable or config entry) is not there or cannot be loaded",
    EXIT_DEPOSIT: "a deposit or a record failed: a file not taken, credentials missing or "
    "refused, an id the service does not know, the service not reached or its reply unreadable",
    EXIT_PENDING: "a submission was still unprocessed when the wait ended, or when deposit "
    "status asked: ask again later",
    EXIT_INTERNAL: "internal error (a bug in jats-converter: please report it)",
    EXIT_OUTPUT: "the log of deposits could not be written (its state folder is read-only or "
    "cannot be created: set JATSCONV_STATE_DIR, or the disk is full), or standard output is on "
    "a full disk",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
    EXIT_PIPE: "standard output was closed before all was written to it (a pipe into head): "
    "the run stopped there, without a word",
}


class ConverterError(Exception):
    """Base class; ``exit_code`` is what the CLI exits with."""

    exit_code = EXIT_INPUT


class InputError(ConverterError):
    """Input that cannot become an article. ``problems`` holds one line per problem."""

    exit_code = EXIT_INPUT

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def __reduce__(self) -> tuple[type[InputError], tuple[str, list[str]]]:
        # Rebuilt from its own arguments, not from the message alone: a process pool sends a
        # worker's exception back pickled, and one that cannot be rebuilt breaks the pool.
        return (type(self), (self.source, self.problems))

    def lines(self) -> list[str]:
        """One line per problem, at most 20 of one kind (then a line with the count)."""
        return [f"{self.source}: {p}" for p in capped(self.problems)]


class InputTooLarge(OSError):
    """An input past the size one input may be (``converter.input_limit``): an ``OSError``, so
    every command that says a file cannot be read says this, in its own words
    (``cannot_read``), and a batch goes on with the other inputs."""

    def __init__(self, message: str):
        super().__init__(errno.EFBIG, message)


class SetupError(ConverterError):
    """The grammars are missing or could not be installed."""

    exit_code = EXIT_SETUP


class OutputError(ConverterError):
    """An output could not be written: the run stops, with what was written kept."""

    exit_code = EXIT_OUTPUT


# OS errors that say the output place, not the article, is the problem: a run that meets one
# stops (every later article would fail the same way) instead of reporting each.
OUTPUT_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG,
     errno.EIO, errno.ENOTDIR, errno.ENOENT, errno.EISDIR}
)  # fmt: skip
_REASONS = {
    errno.ENOSPC: "disk full (no space left on device)",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EFBIG: "file too large for this file system",
    errno.ENAMETOOLONG: "file name too long",
    errno.EISDIR: "is a folder, not a file",
}


def _missing_target(filename: object) -> str | None:
    """What a link whose target is missing points to (None when the file is no link): the
    link itself is there, and a file named so appears in a listing."""
    if not isinstance(filename, str | bytes | os.PathLike):
        return None
    try:
        if not os.path.islink(filename):
            return None
        return os.fsdecode(os.readlink(filename))
    except (OSError, ValueError):
        return None


def type_named(value: object) -> str:
    """The kind of a value an API argument should not be, as a ``TypeError`` names it to a
    caller: ``None`` as written in Python, not ``NoneType``; else its type's name (``int``)."""
    return "None" if value is None else type(value).__name__


def cannot_read(exc: OSError) -> str:
    """``cannot read: REASON`` for an OS error met reading a file: the same words from every
    command (``no such file``, not the system's ``No such file or directory`` here and there);
    an input past the size limit is said as such."""
    if isinstance(exc, InputTooLarge):
        return exc.strerror or str(exc)
    if exc.errno == errno.ENOENT and (target := _missing_target(exc.filename)) is not None:
        # (a broken link, "no such file", sent the user looking for a file that is there)
        return f"cannot read: a link to a missing target ({target})"
    reasons = {errno.ENOENT: "no such file"}
    reason = reasons.get(exc.errno or 0) or _REASONS.get(exc.errno or 0)
    return f"cannot read: {reason or (exc.strerror or str(exc)).lower()}"


def output_error(path: object, exc: OSError, doing: str = "write") -> OutputError:
    """One line for an OS error met writing ``path``: what could not be done, and why."""
    reason = _REASONS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    return OutputError(f"{path}: cannot {doing}: {reason}")


@contextlib.contextmanager
def writing_into(folder: Path, doing: str) -> Iterator[None]:
    """An OS error met making or writing files in ``folder``, or beside it (where an install
    stages them), becomes the one-line ``OutputError`` (exit 73) naming ``folder`` and what
    was being done (``doing``: "install the DTDs"): read-only, not creatable (a file on its
    path), a full disk. One met on a file elsewhere (a source read) stays as it is."""
    try:
        yield
    except OSError as exc:
        name = exc.filename
        inside = name is None or _within(Path(os.fsdecode(name)), folder.parent)
        if exc.errno not in OUTPUT_ERRNOS | {errno.EEXIST} or not inside:
            raise
        raise output_error(folder, exc, doing) from None


def _within(path: Path, folder: Path) -> bool:
    """``path`` is ``folder`` or in it (compared as absolute paths, links not followed)."""
    path, folder = Path(os.path.abspath(path)), Path(os.path.abspath(folder))
    return path == folder or folder in path.parents
