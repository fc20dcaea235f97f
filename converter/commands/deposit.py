"""``jatsconv deposit crossref|doaj``: send deposit files to the services (``converter.deposit``).

Credentials are read from the environment or the config file only: there is deliberately no
option to pass them, so they never reach shell history or process lists.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from converter.cli import EXIT_HELP, json_option, quiet_option
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
from converter.xsd import load_schema, schema_problems


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


def _finish(results: list[Attempt], as_json: bool, quiet: bool) -> None:
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        for r in results:
            if r.ok and quiet:
                continue
            click.echo(f"{r.file}: {'ok' if r.ok else 'failed'}: {r.message}", err=not r.ok)
    sys.exit(EXIT_OK if all(r.ok for r in results) else EXIT_DEPOSIT)


@deposit.command("crossref", epilog=EXIT_HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--test", "test_system", is_flag=True, help="Use Crossref's test system.")
@click.option("--endpoint", default=None, help="Deposit URL (overrides production and --test).")
@click.option(
    "--crossref-schema",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder holding crossref5.3.1.xsd and catalog.xml: validate before sending "
    "(env JATSCONV_CROSSREF_SCHEMA).",
)
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
    invalid = False
    for path in files:
        data = read_crossref_file(path)
        if schema is not None:
            for problem in schema_problems(schema, data, str(path)):
                invalid = True
                click.echo(str(problem), err=True)
    if invalid:
        click.echo("not sent: fix the files the Crossref schema rejects", err=True)
        sys.exit(EXIT_INVALID)
    if dry_run:
        try:
            crossref_credentials()
            creds = "credentials found"
        except DepositError as exc:
            creds = str(exc)
        for path in files:
            click.echo(f"{path}: would POST to {url} (operation=doMDUpload; {creds})")
        sys.exit(EXIT_OK)
    credentials = crossref_credentials()
    transport = Transport(timeout=timeout, attempts=retries + 1, backoff=backoff)
    _finish([deposit_crossref(p, url, credentials, transport) for p in files], as_json, quiet)


@deposit.command("doaj", epilog=EXIT_HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--endpoint", default=None, help=f"API URL (default {DOAJ_PRODUCTION}).")
@click.option(
    "--doaj-schema",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder holding doajArticles.xsd and catalog.xml: validate before sending "
    "(env JATSCONV_DOAJ_SCHEMA).",
)
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
    invalid = False
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(str(path), [f"cannot read: {exc.strerror}"]) from None
        doaj_bibjson(data, str(path))
        if schema is not None:
            for problem in schema_problems(schema, data, str(path)):
                invalid = True
                click.echo(str(problem), err=True)
    if invalid:
        click.echo("not sent: fix the files the DOAJ schema rejects", err=True)
        sys.exit(EXIT_INVALID)
    if dry_run:
        try:
            doaj_api_key()
            key = "API key found"
        except DepositError as exc:
            key = str(exc)
        for path in files:
            records = doaj_bibjson(path.read_bytes(), str(path))
            click.echo(f"{path}: would POST {len(records)} article(s) to {url} ({key})")
        sys.exit(EXIT_OK)
    api_key = doaj_api_key()
    transport = Transport(timeout=timeout, attempts=retries + 1, backoff=backoff)
    _finish([deposit_doaj(p, url, api_key, transport) for p in files], as_json, quiet)
