"""``jatsconv check``: judge JATS files against service profiles (see ``converter.checks``)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

import click

from converter.checks import CheckReport, check_bytes, check_file
from converter.checks.jats4r import listed as jats4r_rules
from converter.checks.profiles import PROFILE_HELP, rules_for
from converter.cli_options import (
    command_exit_help,
    jats4r_rules_required,
    json_option,
    profile_option,
    quiet_option,
    scheme_option,
    text_file_names,
)
from converter.errors import EXIT_INPUT, EXIT_INVALID, EXIT_OK, InputError
from converter.input_limit import read_stdin
from converter.validation import Problem

_PROFILES_HELP = "; ".join(f"{name}: {text}" for name, text in PROFILE_HELP.items())


@click.command(epilog=command_exit_help("check"))
@click.argument("files", nargs=-1, required=False, callback=text_file_names)
@profile_option(f"Profile to check (default general). {_PROFILES_HELP}.")
@scheme_option(
    "Transliteration scheme the journal uses: rsci-translit-scheme reports each word that "
    "departs from it (default: only a letter transliterated two ways in one file)."
)
@click.option("--list-rules", is_flag=True, help="List the rules of the profiles and exit.")
@json_option
@quiet_option
def check(
    files: tuple[str, ...],
    profiles: tuple[str, ...],
    scheme: str | None,
    list_rules: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """Check JATS files against what indexing services require beyond the DTD.

    Findings are printed as FILE:LINE:0: error|warning: [rule-id] message (element path).
    Exit 1 when any error is found (warnings alone pass), 3 when a file cannot be read or is
    not well-formed; '-' reads standard input.
    """
    profiles = profiles or ("general",)
    jats4r_rules_required(profiles)
    if list_rules:
        _list_rules(profiles, as_json)
        sys.exit(EXIT_OK)
    if not files:
        raise click.UsageError("give at least one JATS file (or --list-rules)")
    reports: list[CheckReport] = []
    unreadable = False
    for name in files:
        try:
            if name == "-":
                data = read_stdin()
                reports.append(check_bytes(data, "<stdin>", profiles, scheme=scheme))
            else:
                reports.append(check_file(name, profiles, scheme=scheme))
        except InputError as exc:
            unreadable = True
            reports.append(CheckReport(name, [], [Problem(name, 0, 0, p) for p in exc.problems]))
    if as_json:
        payload = {
            "profiles": list(profiles),
            "scheme": scheme,
            "files": [r.as_dict() for r in reports],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        _print(reports, profiles, quiet)
    if unreadable or any(r.unreadable for r in reports):  # not well-formed: not checked
        sys.exit(EXIT_INPUT)
    sys.exit(EXIT_INVALID if any(r.errors for r in reports) else EXIT_OK)


_BASIS = {
    "service": "the service's own rule",
    "reading": "our reading of its documents",
    "ours": "jats-converter's own rule",
}


def _jats4r_notes() -> list[str]:
    """Where the installed JATS4R rules come from and how they were patched to run."""
    from converter.schematron.store import get_store

    source = get_store().source()
    notes = [f"JATS4R rules: {source.get('source')} in {get_store().root}"]
    for patch in source.get("patches", []):  # type: ignore[union-attr]
        notes.append(f"  install-time patch {patch['id']} ({patch['file']}): {patch['what']} "
                     f"- {patch['why']}")  # fmt: skip
    return notes


def _list_rules(profiles: tuple[str, ...], as_json: bool) -> None:
    """Each rule: id, severity, the document or tool it follows and whose rule it is."""
    rows: list[dict[str, str]] = []
    notes: list[str] = []
    for item in rules_for(profiles):
        if item.id == "jats4r":
            rows.extend(asdict(listed) for listed in jats4r_rules())
            notes.extend(_jats4r_notes())
            continue
        rows.append(
            {
                "id": item.id,
                "severity": item.severity,
                "source": item.source,
                "basis": item.basis,
                "summary": item.summary,
            }
        )
    if as_json:
        payload = {"profiles": list(profiles), "rules": rows, "notes": notes}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for note in notes:
        click.echo(note)
    for row in rows:
        click.echo(
            f"{row['id']:24} {row['severity']:8} {row['source']} "
            f"({_BASIS[row['basis']]}): {row['summary']}"
        )


def _print(reports: list[CheckReport], profiles: tuple[str, ...], quiet: bool) -> None:
    for report in reports:
        for problem in report.unreadable:
            click.echo(str(problem))
        for f in report.findings:
            click.echo(f"{report.file}:{f.line}:0: {f.severity}: [{f.rule}] {f.message} ({f.path})")
        if report.unreadable:
            if not quiet:
                # why, in the verdict line too: standard error alone (output sent to a file)
                # said only "not checked" of a broken link or a file that is not JATS
                reason = report.unreadable[0].message
                click.echo(f"{report.file}: not checked: {reason}", err=True)
            continue
        if not quiet:
            warnings = sum(f.severity == "warning" for f in report.findings)
            verdict = "fails" if report.errors else "passes"
            click.echo(
                f"{report.file}: {verdict} {'+'.join(profiles)} "
                f"({_count(report.errors, 'error')}, {_count(warnings, 'warning')})",
                err=True,
            )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
