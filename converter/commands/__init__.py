"""The ``jatsconv`` subcommands: one module each, registered from ``COMMANDS``.

The table names each command's module and gives the one-line summary ``jatsconv --help``
lists, so the group can list every command without importing any: a command's module (and what
it needs: the model, lxml, rich …) is imported only when that command runs or shows its own
help. ``tests/test_structure.py`` checks that each summary is the command's own first line.

``EXITS`` says which exit codes each command (and subcommand) can end with, and where in the
code each comes from: each command's ``--help`` lists those codes alone
(``cli_options.command_exit_help``), and ``tests/test_cli_exits.py`` holds the table to the code.
"""

from __future__ import annotations

from typing import NamedTuple

from converter.errors import (
    EXIT_DEPOSIT,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_PENDING,
    EXIT_PIPE,
    EXIT_SETUP,
    EXIT_USAGE,
)


class CommandEntry(NamedTuple):
    target: str  # "module:attribute" of the click command
    summary: str  # what ``jatsconv --help`` lists (the command docstring's first sentence)


COMMANDS: dict[str, CommandEntry] = {
    "convert": CommandEntry(
        "converter.commands.convert:convert",
        "Convert article files to JATS XML (or another --to format).",
    ),
    "validate": CommandEntry(
        "converter.commands.validate:validate",
        "Validate JATS (1.0–1.4) and NLM (2.3, 3.0) files against the DTD their DOCTYPE names.",
    ),
    "schemas": CommandEntry(
        "converter.commands.schemas:schemas",
        "Install and inspect the JATS DTDs used for offline validation.",
    ),
    "check": CommandEntry(
        "converter.commands.check:check",
        "Check JATS files against what indexing services require beyond the DTD.",
    ),
    "package": CommandEntry(
        "converter.commands.package:package",
        "Build PMC delivery zips from JATS files, each with its PDF and figures.",
    ),
    "deposit": CommandEntry(
        "converter.commands.deposit:deposit",
        "Send Crossref or DOAJ files to the service and follow what became of them.",
    ),
    "batch": CommandEntry(
        "converter.commands.batch:batch",
        "Convert whole issues and archives in parallel: folders, globs, issue files, spreadsheets.",
    ),
    "translit": CommandEntry(
        "converter.commands.translit:translit",
        "Write Russian or Ukrainian Cyrillic TEXTS in Latin script (one result a line; standard "
        "input when no TEXTS are given).",
    ),
    "references": CommandEntry(
        "converter.commands.references:references",
        "Show what the reference parser reads in reference TEXTS: structured or kept as text, "
        "and why.",
    ),
    "preview": CommandEntry(
        "converter.commands.preview:preview",
        "Render articles as self-contained HTML pages (inline CSS, no scripts, no network).",
    ),
    "serve": CommandEntry(
        "converter.commands.serve:serve",
        "Run the local web app: check, preview, fix and download articles in a browser.",
    ),
    "init": CommandEntry(
        "converter.commands.init:init",
        "Write a commented starter journal file (journal.yaml), filled from what is known.",
    ),
    "consistency": CommandEntry(
        "converter.commands.consistency:consistency",
        "Check the texts of article inputs (YAML/JSON or any format --from reads).",
    ),
}


class Exit(NamedTuple):
    """An exit code a command can end with, and the code that ends it so: ``where`` is the
    function (``module:qualname``), ``by`` the name in its text that makes that exit (a
    constant, an exception, a call)."""

    code: int
    where: str
    by: str


# What every command can end with: the group's own handling in ``converter.cli``. Standard
# output on a full disk is 73 for all, as every command writes there (``--json``, ``-o -``,
# its findings, or the line saying what it did).
_EVERY = (
    Exit(EXIT_OK, "converter.cli:_main", "cli.main("),
    Exit(EXIT_USAGE, "converter.cli:_main", "click.ClickException"),
    Exit(EXIT_INTERNAL, "converter.cli:_main", "EXIT_INTERNAL"),
    Exit(EXIT_OUTPUT, "converter.cli:_CommandTable.invoke", '"standard output"'),
    Exit(EXIT_INTERRUPTED, "converter.cli:_main", "EXIT_INTERRUPTED"),
    Exit(EXIT_PIPE, "converter.cli:_main", "EXIT_PIPE"),
)
# A file named on the command line whose name is not UTF-8 (``cli_options.text_file_names``).
_NAME_REFUSED = Exit(EXIT_INPUT, "converter.cli:_with_refused_names", "EXIT_INPUT")
_NO_DTDS = Exit(EXIT_SETUP, "converter.grammars:Grammars.require", "SetupError")
_NO_JATS4R = Exit(EXIT_SETUP, "converter.schematron.store:Store.require", "SetupError")
_WRITE = Exit(EXIT_OUTPUT, "converter.api:write_output", "output_error")
_OUTPUT_FOLDER = Exit(EXIT_OUTPUT, "converter.api:check_output_folder", "output_error")
_DEPOSIT = "converter.commands.deposit"
_DEPOSIT_LOG = Exit(EXIT_OUTPUT, "converter.deposit_log:_append", "state_error")
_CONFIG = Exit(EXIT_INPUT, "converter.config:load_config", "InputError")
_DEPOSIT_SENT = (
    Exit(EXIT_INVALID, f"{_DEPOSIT}:_stop_if_invalid", "EXIT_INVALID"),
    _NAME_REFUSED,
    _CONFIG,
    Exit(EXIT_SETUP, "converter.xsd:_load", "SetupError"),
    Exit(EXIT_DEPOSIT, f"{_DEPOSIT}:_finish", "EXIT_DEPOSIT"),
    Exit(EXIT_DEPOSIT, "converter.deposit:DepositError", "EXIT_DEPOSIT"),
    Exit(EXIT_PENDING, f"{_DEPOSIT}:_exit_code", "EXIT_PENDING"),
    _DEPOSIT_LOG,
)

EXITS: dict[str, tuple[Exit, ...]] = {
    "convert": (
        Exit(EXIT_INVALID, "converter.commands.convert:_exit_code", "EXIT_INVALID"),
        Exit(EXIT_INPUT, "converter.commands.convert:_exit_code", "EXIT_INPUT"),
        _NO_DTDS,
        _NO_JATS4R,
        _WRITE,
    ),
    "validate": (
        Exit(EXIT_INVALID, "converter.commands.validate:validate", "EXIT_INVALID"),
        Exit(EXIT_INPUT, "converter.commands.validate:validate", "EXIT_INPUT"),
        _NAME_REFUSED,
        Exit(EXIT_SETUP, "converter.commands.validate:validate", "EXIT_SETUP"),
        _NO_DTDS,
    ),
    "schemas install": (
        Exit(EXIT_SETUP, "converter.grammars:_install", "SetupError"),
        Exit(EXIT_OUTPUT, "converter.grammars:install", "writing_into"),
    ),
    "schemas list": (_NO_DTDS,),
    "schemas path": (_NO_DTDS,),
    "schemas input": (_WRITE,),
    "schemas install-jats4r": (
        Exit(EXIT_SETUP, "converter.schematron.store:_install", "SetupError"),
        Exit(EXIT_OUTPUT, "converter.schematron.store:install", "writing_into"),
    ),
    "check": (
        Exit(EXIT_INVALID, "converter.commands.check:check", "EXIT_INVALID"),
        Exit(EXIT_INPUT, "converter.commands.check:check", "EXIT_INPUT"),
        _NAME_REFUSED,
        _NO_JATS4R,
    ),
    "package": (
        Exit(EXIT_INPUT, "converter.commands.package:package", "EXIT_INPUT"),
        _NAME_REFUSED,
        _OUTPUT_FOLDER,
        _WRITE,
    ),
    "deposit crossref": (
        *_DEPOSIT_SENT,
        Exit(EXIT_INPUT, "converter.deposit:read_crossref_file", "InputError"),
    ),
    "deposit doaj": (
        *_DEPOSIT_SENT,
        Exit(EXIT_INPUT, "converter.api_deposit:read_doaj_file", "InputError"),
    ),
    "deposit status": (
        _CONFIG,
        Exit(EXIT_DEPOSIT, f"{_DEPOSIT}:_exit_code", "EXIT_DEPOSIT"),
        Exit(EXIT_PENDING, f"{_DEPOSIT}:_exit_code", "EXIT_PENDING"),
        _DEPOSIT_LOG,
        Exit(EXIT_OUTPUT, "converter.deposit_log:entries", "state_error"),
    ),
    "batch": (
        Exit(EXIT_INVALID, "converter.batch.settings:Summary.exit_code", "EXIT_INVALID"),
        Exit(EXIT_INPUT, "converter.batch.settings:Summary.exit_code", "EXIT_INPUT"),
        _NO_DTDS,
        _NO_JATS4R,
        Exit(EXIT_OUTPUT, "converter.batch.settings:Summary.exit_code", "EXIT_OUTPUT"),
    ),
    "translit": (Exit(EXIT_INPUT, "converter.commands.translit:translit", "EXIT_INPUT"),),
    "references": (
        Exit(EXIT_INPUT, "converter.commands.references:_articles", "EXIT_INPUT"),
        Exit(EXIT_INPUT, "converter.commands.references:_journal_confidence", "EXIT_INPUT"),
    ),
    "preview": (
        Exit(EXIT_INVALID, "converter.commands.preview:preview", "EXIT_INVALID"),
        Exit(EXIT_INPUT, "converter.commands.preview:preview", "EXIT_INPUT"),
        _NAME_REFUSED,
        _NO_JATS4R,
        _OUTPUT_FOLDER,
        Exit(EXIT_OUTPUT, "converter.preview.files:write_page", "write_output"),
    ),
    "serve": (Exit(EXIT_INTERRUPTED, "converter.commands.serve:serve", "EXIT_INTERRUPTED"),),
    "init": (
        Exit(EXIT_INPUT, "converter.commands.init:_refuse", "EXIT_INPUT"),
        Exit(EXIT_INPUT, "converter.cli:_main", "EOFError"),  # a prompt meeting the input's end
        _WRITE,
    ),
    "consistency": (
        Exit(EXIT_INVALID, "converter.commands.consistency:consistency", "EXIT_INVALID"),
        Exit(EXIT_INPUT, "converter.commands.consistency:consistency", "EXIT_INPUT"),
        _NAME_REFUSED,
    ),
}
"""The exit codes of each command (a subcommand as ``"schemas install"``) beyond ``_EVERY``."""


def exit_codes(command: str) -> set[int]:
    """The codes ``command`` can end with; a group's are those of its subcommands."""
    found = {exit.code for exit in _EVERY}
    for name, exits in EXITS.items():
        if name == command or name.startswith(command + " "):
            found.update(exit.code for exit in exits)
    return found


def exit_paths(command: str) -> tuple[Exit, ...]:
    """Every ``Exit`` of ``command``, those all commands share first."""
    return (*_EVERY, *EXITS[command])
