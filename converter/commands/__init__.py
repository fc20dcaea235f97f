"""The ``jatsconv`` subcommands: one module each, registered from ``COMMANDS``.

The table names each command's module and gives the one-line summary ``jatsconv --help``
lists, so the group can list every command without importing any: a command's module (and what
it needs: the model, lxml, rich …) is imported only when that command runs or shows its own
help. ``tests/test_structure.py`` checks that each summary is the command's own first line.
"""

from __future__ import annotations

from typing import NamedTuple


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
