"""The ``jatsconv`` command: the group and ``main()``. Everything else is elsewhere: each
subcommand in its module under ``converter.commands`` (listed in ``COMMANDS`` and imported only
when it runs), shared options and exit codes in ``converter.cli_options``, the work in the
library (``converter.api``)."""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import sys
from typing import Any

import click

from converter.cli_options import EXIT_HELP, fail, refused_names
from converter.commands import COMMANDS
from converter.errors import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_PIPE,
    ConverterError,
    OutputError,
    output_error,
)
from converter.input_limit import max_input_bytes
from converter.redaction import redact, redacting_streams
from converter.registry import load
from converter.version import __version__


def short_help(text: str, limit: int) -> str:
    """A summary's first sentence of its first paragraph, cut to ``limit`` characters with
    "..." (as click lists commands; its own helper for this is deprecated in recent Click).
    Not ``messages.shorten``: a summary is cut at a word and ends in click's "...", so that the
    summaries listed match what click shows for each command."""
    words = text.split("\n\n", 1)[0].split()
    for i, word in enumerate(words):
        if word.endswith("."):
            words = words[: i + 1]
            break
    line = " ".join(words)
    if len(line) <= limit:
        return line
    while words and len(" ".join(words)) + 3 > limit:
        words.pop()
    return " ".join(words) + "..."


class _PipeClosed(Exception):
    """Standard output was closed by its reader (``jatsconv … | head``)."""


class _StandardOutputError(OutputError):
    """Standard output could not be written (a full disk behind ``> file``)."""


# OS errors of a write to an open stream that say the place written to is full or failing.
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


class _CommandTable(click.Group):
    """A group whose commands come from ``COMMANDS``, each imported when it is used."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a write to standard output that fails is told here, before click
        answers a closed pipe with exit 1 ("invalid" in our table) and any other failure with
        a traceback. Files are written through ``OutputError`` and network errors are the
        transports' own, so an ``OSError`` of a write with no file name is standard output."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _PipeClosed from None
        except OSError as exc:
            if exc.filename is None and exc.errno in _FULL_ERRNOS:
                error = output_error("standard output", exc)
                raise _StandardOutputError(str(error)) from None
            raise

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        # Importing a command's modules makes tens of thousands of objects that live as long
        # as the process (classes, functions, pydantic's validators) and no garbage: the
        # collector is paused while they are made and they are then moved out of its sight
        # (``gc.freeze``), so that neither the ~90 collections set off during the imports nor
        # any later one walks them (``jatsconv batch``: ~10 ms before any work can start).
        collecting = gc.isenabled()
        gc.disable()
        try:
            command: click.Command = load(entry.target)
        finally:
            gc.freeze()
            if collecting:
                gc.enable()
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from the table's summaries: nothing is imported to show it."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, short_help(COMMANDS[name].summary, limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=_CommandTable,
    epilog=EXIT_HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "-V", "--version", prog_name="jatsconv")
def cli() -> None:
    """Turn article metadata into JATS XML validated offline against the JATS DTD.

    Reads YAML/JSON written by editors, spreadsheets, OJS exports, article web pages, Crossref
    records and older JATS/NLM; writes JATS 1.4/1.3, Crossref and DOAJ XML, meta tags, packages.

    Each command's --help ends with the exit codes that command can end with; the table below
    lists every code.
    """


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: library errors become one line and a documented exit code, never a trace.

    Everything written to stdout and stderr, the internal-error line included, passes through
    ``converter.redaction``: a password or API key read during the run is never printed.
    """
    with redacting_streams():
        _main(argv)


def _main(argv: list[str] | None) -> None:
    refused_names.clear()
    try:
        try:
            max_input_bytes()  # a JATSCONV_MAX_INPUT_MB that is no size: said once, exit 2
            cli.main(args=argv, prog_name="jatsconv", standalone_mode=False)
        except SystemExit as exc:
            sys.exit(_with_refused_names(exc.code))
        if refused_names:
            sys.exit(_with_refused_names(EXIT_OK))
    except click.exceptions.Exit as exc:
        sys.exit(_with_refused_names(exc.exit_code))
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort as exc:  # click's word for Ctrl-C, and for a prompt's EOF
        if isinstance(exc.__context__, EOFError):
            fail("standard input ended before every question was answered", EXIT_INPUT)
        fail(_INTERRUPTED, EXIT_INTERRUPTED)
    except KeyboardInterrupt:
        fail(_INTERRUPTED, EXIT_INTERRUPTED)
    except _PipeClosed:
        _discard_standard_output()
        sys.exit(EXIT_PIPE)
    except _StandardOutputError as exc:
        _discard_standard_output()
        fail(str(exc), exc.exit_code)
    except ConverterError as exc:
        fail(str(exc), exc.exit_code)
    except Exception as exc:
        if os.environ.get("JATSCONV_DEBUG"):
            raise
        # (imported here: the module costs ~2 ms, which every start would pay for this rare path)
        from converter.messages import shorten

        detail = redact(" ".join(str(exc).split()))  # before cutting: no half secret shown
        detail = shorten(detail, 300)
        fail(
            f"internal error: {type(exc).__name__}: {detail} (set JATSCONV_DEBUG=1 for details)",
            EXIT_INTERNAL,
        )


def _with_refused_names(code: int | str | None) -> int | str | None:
    """A run that refused a file for its name (``cli_options.text_file_names``) had bad input:
    a success or an "invalid" exit becomes exit 3, as for any other unreadable file."""
    if refused_names and code in (None, EXIT_OK, EXIT_INVALID):
        return EXIT_INPUT
    return code


_INTERRUPTED = "interrupted; files already written are complete"


def _discard_standard_output() -> None:
    """Point standard output at the null device: what is still buffered for it cannot be
    written, and the interpreter would say so (a traceback) as it exits."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
