"""``jatsconv deposit crossref|doaj``: send deposit files to the services (``converter.deposit``).

Credentials are read from the environment or the config file only: there is deliberately no
option to pass them, so they never reach shell history or process lists.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from converter.cli_options import EXIT_HELP, json_option, quiet_option
from converter.deposit import (
    CROSSREF_PRODUCTION,
    CROSSREF_TEST,
    DOAJ_PRODUCTION,
    Attempt,
    DepositError,
    Transport,
    check_endpoint,
    crossref_credentials,
    deposit_crossref,
    deposit_doaj,
    doaj_api_key,
    doaj_bibjson,
    read_crossref_file,
)
from converter.errors import EXIT_DEPOSIT, EXIT_INVALID, EXIT_OK, InputError
from converter.xsd import SCHEMAS, load_schema, schema_problems


@click.group(epilog=EXIT_HELP)
def deposit() -> None:
    """Send Crossref or DOAJ files to the service (credentials from env or config file)."""


def _transport_options(func):  # type: ignore[no-untyped-def]
    func = click.option(
        "--timeout", type=float, default=60.0, show_default=True, help="Seconds per request."
    )(func)
    func = click.option(
        "--retries",
        type=click.IntRange(0, 10),
        default=2,
        show_default=True,
        help="Retries after a server error (5xx) or timeout, with exponential backoff.",
    )(func)
    func = click.option(
        "--backoff", type=float, default=2.0, show_default=True, help="First retry delay (s)."
    )(func)
    func = click.option(
        "--dry-run", is_flag=True, help="Check the files and show what would be sent; send nothing."
    )(func)
    return func


def _schema_option(kind: str):  # type: ignore[no-untyped-def]
    """``--KIND-schema``: the folder of the service's XSD, to validate files before sending."""
    xsd, env = SCHEMAS[kind]
    return click.option(
        f"--{kind}-schema",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=f"Folder holding {xsd} and catalog.xml: validate before sending (env {env}).",
    )


def _finish(results: list[Attempt], as_json: bool, quiet: bool) -> None:
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        for r in results:
            if r.ok and quiet:
                continue
            click.echo(f"{r.file}: {'ok' if r.ok else 'failed'}: {r.message}", err=not r.ok)
    sys.exit(EXIT_OK if all(r.ok for r in results) else EXIT_DEPOSIT)


def _check_before_sending(
    files: tuple[Path, ...],
    read: Callable[[Path], bytes],
    schema: Any,
    service: str,
) -> None:
    """Read every file (``read`` raises ``InputError`` for one that cannot be sent) and, with a
    schema, print its problems; exit with ``EXIT_INVALID`` when the schema rejects any file."""
    invalid = False
    for path in files:
        data = read(path)
        if schema is not None:
            for problem in schema_problems(schema, data, str(path)):
                invalid = True
                click.echo(str(problem), err=True)
    if invalid:
        click.echo(f"not sent: fix the files the {service} schema rejects", err=True)
        sys.exit(EXIT_INVALID)


def _credentials_note(lookup: Callable[[], object], found: str) -> str:
    """For --dry-run: ``found`` when ``lookup`` finds the credentials, else why it did not."""
    try:
        lookup()
    except DepositError as exc:
        return str(exc)
    return found


def _read_doaj_file(path: Path) -> bytes:
    """A DOAJ article XML file's bytes, checked to convert to DOAJ JSON (else ``InputError``)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), [f"cannot read: {exc.strerror}"]) from None
    doaj_bibjson(data, str(path))
    return data


@deposit.command("crossref", epilog=EXIT_HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--test", "test_system", is_flag=True, help="Use Crossref's test system.")
@click.option("--endpoint", default=None, help="Deposit URL (overrides production and --test).")
@_schema_option("crossref")
@_transport_options
@json_option
@quiet_option
def deposit_crossref_command(
    files: tuple[Path, ...],
    test_system: bool,
    endpoint: str | None,
    crossref_schema: Path | None,
    timeout: float,
    retries: int,
    backoff: float,
    dry_run: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """POST Crossref deposit files (jatsconv convert --to crossref) to Crossref.

    Production by default; --test for test.crossref.org. Credentials: CROSSREF_USERNAME and
    CROSSREF_PASSWORD, or [crossref] username/password in the config file. HTTP 200 means
    queued: Crossref e-mails the result to the depositor.
    """
    url = check_endpoint(endpoint or (CROSSREF_TEST if test_system else CROSSREF_PRODUCTION))
    schema = load_schema("crossref", crossref_schema)
    _check_before_sending(files, read_crossref_file, schema, "Crossref")
    if dry_run:
        creds = _credentials_note(crossref_credentials, "credentials found")
        for path in files:
            click.echo(f"{path}: would POST to {url} (operation=doMDUpload; {creds})")
        sys.exit(EXIT_OK)
    credentials = crossref_credentials()
    transport = Transport(timeout=timeout, attempts=retries + 1, backoff=backoff)
    _finish([deposit_crossref(p, url, credentials, transport) for p in files], as_json, quiet)


@deposit.command("doaj", epilog=EXIT_HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--endpoint", default=None, help=f"API URL (default {DOAJ_PRODUCTION}).")
@_schema_option("doaj")
@_transport_options
@json_option
@quiet_option
def deposit_doaj_command(
    files: tuple[Path, ...],
    endpoint: str | None,
    doaj_schema: Path | None,
    timeout: float,
    retries: int,
    backoff: float,
    dry_run: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """Send DOAJ article XML files (jatsconv convert --to doaj) to DOAJ's API v4 as JSON.

    The API key comes from DOAJ_API_KEY or [doaj] api_key in the config file.
    """
    url = check_endpoint(endpoint or DOAJ_PRODUCTION)
    schema = load_schema("doaj", doaj_schema)
    _check_before_sending(files, _read_doaj_file, schema, "DOAJ")
    if dry_run:
        key = _credentials_note(doaj_api_key, "API key found")
        for path in files:
            records = doaj_bibjson(path.read_bytes(), str(path))
            click.echo(f"{path}: would POST {len(records)} article(s) to {url} ({key})")
        sys.exit(EXIT_OK)
    api_key = doaj_api_key()
    transport = Transport(timeout=timeout, attempts=retries + 1, backoff=backoff)
    _finish([deposit_doaj(p, url, api_key, transport) for p in files], as_json, quiet)
