"""``jatsconv validate``: JATS and NLM files checked against the DTD their DOCTYPE names."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from converter.cli_options import (
    command_exit_help,
    json_option,
    quiet_option,
    schema_dir_option,
    text_file_names,
)
from converter.errors import EXIT_INPUT, EXIT_INVALID, EXIT_SETUP, InputError
from converter.grammars import get_grammars
from converter.input_limit import read_stdin
from converter.validation import Problem, Verdict, verdict_bytes, verdict_file


@click.command(epilog=command_exit_help("validate"))
@click.argument("files", nargs=-1, required=True, callback=text_file_names)
@schema_dir_option
@json_option
@quiet_option
def validate(files: tuple[str, ...], schema_dir: Path | None, as_json: bool, quiet: bool) -> None:
    """Validate JATS (1.0–1.4) and NLM (2.3, 3.0) files against the DTD their DOCTYPE names.

    Problems are printed as FILE:LINE:COL: message. '-' reads standard input. Each file is
    valid, invalid, or not checked: exit 1 when one is invalid, 3 when one could not be
    checked (not well-formed, unreadable, unknown DOCTYPE), 4 when its DTD is not installed.
    """
    store = get_grammars(schema_dir).require(command=True)
    report: dict[str, Verdict] = {}
    for name in files:
        if name == "-":
            try:
                report["<stdin>"] = verdict_bytes(read_stdin(), "<stdin>", store)
            except InputError as exc:
                said = [Problem("<stdin>", 0, 0, problem) for problem in exc.problems]
                report["<stdin>"] = Verdict("not checked", said, EXIT_INPUT)
        else:
            report[name] = verdict_file(name, store)
    if as_json:
        payload = [verdict.as_dict(name) for name, verdict in report.items()]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for name, verdict in report.items():
            for problem in verdict.problems:
                click.echo(str(problem))
            if verdict.status == "valid" and not quiet:
                click.echo(f"{name}: valid", err=True)
    codes = {verdict.exit_code for verdict in report.values()}
    # DTD missing (fix the set-up first) > not checkable > invalid > valid
    sys.exit(next((code for code in (EXIT_SETUP, EXIT_INPUT, EXIT_INVALID) if code in codes), 0))
