"""``jatsconv deposit crossref|doaj|status``: send deposit files to the services
(``converter.deposit``), and learn what became of each record (``converter.deposit_results``).

Credentials are read from the environment or the config file only: there is deliberately no
option to pass them, so they never reach shell history or process lists. Every submission is
written to the local log (``converter.deposit_log``) so that ``deposit status`` can ask later.
"""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from converter import deposit_log
from converter.api_deposit import (
    ID_NAMES,
    NAMES,
    DepositCheck,
    check_deposit_file,
    log_outcome,
    log_sent,
    sent_before,
)
from converter.cli_options import command_exit_help, json_option, quiet_option, text_file_names
from converter.deposit import (
    CROSSREF_PRODUCTION,
    CROSSREF_TEST,
    DOAJ_PRODUCTION,
    Attempt,
    DepositError,
    Transport,
    check_endpoint,
    crossref_contents,
    crossref_credentials,
    deposit_crossref,
    deposit_doaj,
    doaj_api_key,
    doaj_bibjson,
    doaj_record_issns,
    doaj_record_name,
)
from converter.deposit_results import (
    Outcome,
    crossref_result_url,
    crossref_status,
    doaj_status,
    doaj_status_url,
    wait_for,
)
from converter.errors import (
    EXIT_DEPOSIT,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_PENDING,
)
from converter.xsd import SCHEMAS

_NAMES = NAMES
_ID_NAMES = ID_NAMES


@click.group(epilog=command_exit_help("deposit"))
def deposit() -> None:
    """Send Crossref or DOAJ files to the service and follow what became of them."""


def _transport_options(func):  # type: ignore[no-untyped-def]
    func = click.option(
        "--timeout",
        type=float,
        default=60.0,
        metavar="S",
        show_default=True,
        help="Seconds per request.",
    )(func)
    func = click.option(
        "--retries",
        type=click.IntRange(0, 10),
        default=2,
        metavar="N",
        show_default=True,
        help="Retries after a server error (5xx) or timeout, with exponential backoff.",
    )(func)
    func = click.option(
        "--backoff",
        type=float,
        default=2.0,
        metavar="S",
        show_default=True,
        help="First retry delay (s); it doubles at each retry.",
    )(func)
    return func


def _wait_options(func):  # type: ignore[no-untyped-def]
    func = click.option(
        "--wait",
        is_flag=True,
        help="Ask the service until it has processed the submission; print each record.",
    )(func)
    func = click.option(
        "--wait-limit",
        type=click.FloatRange(0),
        default=900.0,
        metavar="S",
        show_default=True,
        help="Give up waiting after this many seconds (exit 6: still pending).",
    )(func)
    func = click.option(
        "--poll-interval",
        type=click.FloatRange(0),
        default=10.0,
        metavar="S",
        show_default=True,
        help="First delay between questions (s); it doubles, up to a minute.",
    )(func)
    return func


def _dry_run_option(func):  # type: ignore[no-untyped-def]
    return click.option(
        "--dry-run",
        is_flag=True,
        help="Check the files and show what would be sent where; send nothing.",
    )(func)


def _schema_option(kind: str):  # type: ignore[no-untyped-def]
    """``--KIND-schema``: the folder of the service's XSD, to validate files before sending."""
    xsd, env = SCHEMAS[kind]
    return click.option(
        f"--{kind}-schema",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        metavar="DIR",
        help=f"Folder holding {xsd} and catalog.xml: validate before sending (env {env}).",
    )


# ------------------------------------------------------------------ before sending


def _check_before_sending(
    files: tuple[Path, ...], kind: str, folder: Path | None
) -> list[DepositCheck]:
    """Read every file (``InputError`` for one that cannot be sent) and check it against the
    service's schema when one is configured (``api_deposit.check_deposit_file``, the library's own),
    printing its problems as each file is checked."""
    checked = []
    for path in files:
        item = check_deposit_file(path, kind, folder)
        for line in item.problems:
            click.echo(line, err=True)
        checked.append(item)
    return checked


def _warn_if_sent_before(checked: list[DepositCheck]) -> None:
    """Say of a Crossref file whose ``doi_batch_id`` the log holds as taken that it was sent
    before (``api_deposit.sent_before``: ``deposit_dry_run`` gives the same line)."""
    for item in checked:
        if (warning := sent_before(item)) is not None:
            click.echo(warning, err=True)


def _stop_if_invalid(
    checked: list[DepositCheck],
    service: str,
    as_json: bool,
    items: list[dict[str, Any]] | None = None,
) -> None:
    """Exit 1 unless every file passed; ``--json`` still prints an item per file (``items``,
    else each file's verdict), so that a script reads JSON whatever happened."""
    if not all(c.passed for c in checked):
        if as_json:
            _print_json(items if items is not None else [_unsent(c) for c in checked])
        click.echo(f"not sent: fix the files {service} or its schema rejects", err=True)
        sys.exit(EXIT_INVALID)


def _unsent(item: DepositCheck, **more: Any) -> dict[str, Any]:
    """A file checked and not sent, as ``--json`` gives it: the keys of a file sent
    (``Attempt.as_dict``), ``ok`` for whether it passed, ``message`` for what its check said."""
    return {
        "file": item.file,
        "ok": item.passed,
        "status": None,
        "message": item.note,
        "attempts": 0,
        "submission": None,
        "records": [],
        **more,
    }


def _print_json(payload: object) -> None:
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2))


def _credentials_note(lookup: Callable[[], object], found: str) -> str:
    """For --dry-run: ``found`` when ``lookup`` finds the credentials, else why it did not."""
    try:
        lookup()
    except DepositError as exc:
        return str(exc)
    return found


def _dry_run(
    checked: list[DepositCheck],
    url: str,
    what: str,
    credentials: str,
    service: str,
    as_json: bool,
) -> None:
    """Say, per file, which schema it was checked against and whether it passed, and what
    would go where: endpoint, file, count of records, their DOIs. Never the credentials."""
    items = []
    for item in checked:
        batch_id = None
        if service == "crossref":
            batch_id, records = crossref_contents(item.data, item.file)
            extra, noun = f", doi_batch_id {batch_id}", "record"
        else:
            records = [doaj_record_name(r) for r in doaj_bibjson(item.data, item.file)]
            extra, noun = "", "article"
        items.append(
            _unsent(item, submission=batch_id, records=records, dry_run=True, endpoint=url,
                    credentials=credentials)
        )  # fmt: skip
        if as_json:
            continue
        count = len(records)
        shown = ", ".join(records) if records else "none"
        click.echo(f"{item.file}: {item.note}")
        click.echo(
            f"{item.file}: would POST to {url} ({what}{extra}): {count} "
            f"{noun}{'s' if count != 1 else ''}: {shown}"
        )
    if not as_json:
        click.echo(f"credentials: {credentials}")
    _stop_if_invalid(checked, _NAMES[service], as_json, items)
    if as_json:
        _print_json(items)
    sys.exit(EXIT_OK)


# ------------------------------------------------------------------ after sending


def _ask(
    entry: deposit_log.Entry, transport: Transport, url: str | None = None, asked_with: str = ""
) -> Callable[[], Outcome]:
    """A question to the service about one logged submission (credentials looked up once),
    at its logged result URL or at ``url`` (a one-off ``--endpoint``'s or ``--test``'s);
    ``asked_with``: the options that chose it, repeated in the advice to ask again."""
    url = url or entry.status_url
    if entry.service == "crossref":
        credentials = crossref_credentials()
        sent = [r["record"] for r in entry.records]
        return lambda: crossref_status(
            url, entry.submission, credentials, sent, transport, asked_with
        )
    key = doaj_api_key()
    return lambda: doaj_status(url, entry.submission, key, entry.records, transport, asked_with)


def _follow(
    entry: deposit_log.Entry,
    transport: Transport,
    wait: bool,
    limit: float,
    interval: float,
    just_sent: bool,
    url: str | None = None,
    asked_with: str = "",
) -> tuple[Outcome, bool]:
    """Ask once, or (``wait``) until the service has done; log and return the outcome.
    ``url``: where to ask this once, instead of the entry's logged result URL (``asked_with``:
    the options that chose it)."""
    ask = _ask(entry, transport, url, asked_with)
    if wait:
        outcome, timed_out = wait_for(
            ask, limit, interval, transport.sleep, patient_with_unknown=just_sent
        )
    else:
        outcome, timed_out = ask(), False
    if entry.service == "crossref" and just_sent and outcome.state == "unknown":
        timed_out = True  # sent moments ago: Crossref has not parsed it yet
    log_outcome(entry, outcome, timed_out)
    return outcome, timed_out


def _table(outcome: Outcome, entry: deposit_log.Entry | None, timed_out: bool) -> None:
    """Print one submission's state and, once processed, its records (stdout)."""
    name = _NAMES.get(outcome.service, outcome.service)
    label = f"{name} {_ID_NAMES.get(outcome.service, 'id')} {outcome.submission}"
    where = f"{entry.file}: " if entry else ""
    state = outcome.detail
    if timed_out:
        state = f"still {outcome.detail if outcome.state == 'pending' else 'not processed'}"
        state += " when the wait ended"
    message = f" ({outcome.message})" if outcome.message else ""
    click.echo(f"{where}{label}: {state}{message}")
    width = max((len(r.record) for r in outcome.records), default=0)
    for r in outcome.records:
        click.echo(f"  {r.status:<8} {r.record:<{width}}  {r.message}")


def _exit_code(outcomes: list[tuple[Outcome, bool]], failed_sends: bool = False) -> int:
    """5 when a file was not taken or a record failed (or the service could not say), 6 when
    some submission was still unprocessed when the wait ended, else 0."""
    failed = failed_sends or any(
        (o.state == "completed" and not o.succeeded)
        or (o.state in ("error", "unknown") and not timed_out)
        for o, timed_out in outcomes
    )
    if failed:
        return EXIT_DEPOSIT
    if any(not o.succeeded for o, _ in outcomes):
        return EXIT_PENDING
    return EXIT_OK


@dataclass(slots=True)
class _FollowOptions:
    """How to follow submissions after sending them, and how to print."""

    transport: Transport
    wait: bool
    limit: float
    interval: float
    as_json: bool
    quiet: bool


def _finish(
    results: list[Attempt],
    service: str,
    status_urls: list[str],
    issns: list[list[list[str]]],
    options: _FollowOptions,
) -> None:
    """Log what the service took, wait for results when asked, print, exit."""
    # Every file sent is logged before a line is printed: a run stopped while printing (a
    # closed pipe, Ctrl-C) leaves no submission the log does not know, to ask about later.
    for index, attempt in enumerate(results):
        log_sent(attempt, service, status_urls[index], issns[index] if issns else [])
    followed: list[tuple[Outcome, bool] | None] = []
    for attempt in results:
        if not options.as_json and not (attempt.ok and options.quiet):
            click.echo(
                f"{attempt.file}: {'ok' if attempt.ok else 'failed'}: {attempt.message}",
                err=not attempt.ok,
            )
        entry = deposit_log.find(attempt.submission) if attempt.submission else None
        if not (options.wait and attempt.ok and entry is not None):
            followed.append(None)
            continue
        outcome, timed_out = _follow(
            entry, options.transport, True, options.limit, options.interval, just_sent=True
        )
        followed.append((outcome, timed_out))
        if not options.as_json:
            _table(outcome, entry, timed_out)
    if options.as_json:
        payload = []
        for attempt, pair in zip(results, followed, strict=True):
            item = attempt.as_dict()
            if pair is not None:
                item["result"] = {**pair[0].as_dict(), "timed_out": pair[1]}
            payload.append(item)
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    failed_sends = not all(r.ok for r in results)
    if not options.wait:
        sys.exit(EXIT_DEPOSIT if failed_sends else EXIT_OK)
    outcomes = [p for p in followed if p is not None]
    untracked = [r for r in results if r.ok and not r.submission]
    if untracked and not options.as_json:
        for r in untracked:
            click.echo(f"{r.file}: the service gave no id to follow: no result to wait for")
    sys.exit(_exit_code(outcomes, failed_sends))


# ------------------------------------------------------------------ commands


@deposit.command("crossref", epilog=command_exit_help("deposit crossref"))
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path), callback=text_file_names
)
@click.option("--test", "test_system", is_flag=True, help="Use Crossref's test system.")
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help=f"Deposit URL (default {CROSSREF_PRODUCTION}; --test: {CROSSREF_TEST}).",
)
@_schema_option("crossref")
@_transport_options
@_dry_run_option
@_wait_options
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
    wait: bool,
    wait_limit: float,
    poll_interval: float,
    as_json: bool,
    quiet: bool,
) -> None:
    """POST Crossref deposit files (jatsconv convert --to crossref) to Crossref.

    Production by default; --test for test.crossref.org. Credentials: CROSSREF_USERNAME and
    CROSSREF_PASSWORD, or [crossref] username/password in the config file. HTTP 200 means
    queued; --wait then asks Crossref for the submission log and prints each DOI's result.
    """
    url = check_endpoint(endpoint or (CROSSREF_TEST if test_system else CROSSREF_PRODUCTION))
    checked = _check_before_sending(files, "crossref", crossref_schema)
    _warn_if_sent_before(checked)
    if dry_run:
        creds = _credentials_note(crossref_credentials, "credentials found (not shown)")
        _dry_run(checked, url, "operation=doMDUpload", creds, "crossref", as_json)
    _stop_if_invalid(checked, "Crossref", as_json)
    credentials = crossref_credentials()
    deposit_log.check_writable()  # nothing sent that the log cannot hold
    transport = Transport(timeout=timeout, attempts=retries + 1, backoff=backoff)
    results = [deposit_crossref(p, url, credentials, transport) for p in files]
    result_url = crossref_result_url(url)
    options = _FollowOptions(transport, wait, wait_limit, poll_interval, as_json, quiet)
    _finish(results, "crossref", [result_url] * len(results), [], options)


@deposit.command("doaj", epilog=command_exit_help("deposit doaj"))
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path), callback=text_file_names
)
@click.option(
    "--endpoint", default=None, metavar="URL", help=f"API URL (default {DOAJ_PRODUCTION})."
)
@_schema_option("doaj")
@_transport_options
@_dry_run_option
@_wait_options
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
    wait: bool,
    wait_limit: float,
    poll_interval: float,
    as_json: bool,
    quiet: bool,
) -> None:
    """Send DOAJ article XML files (jatsconv convert --to doaj) to DOAJ's API v4 as JSON.

    The API key comes from DOAJ_API_KEY or [doaj] api_key in the config file. DOAJ answers
    with an upload id; --wait asks until DOAJ has processed the upload and prints each article.
    """
    url = check_endpoint(endpoint or DOAJ_PRODUCTION)
    checked = _check_before_sending(files, "doaj", doaj_schema)
    if dry_run:
        key = _credentials_note(doaj_api_key, "API key found (not shown)")
        _dry_run(checked, url, "JSON, DOAJ API v4", key, "doaj", as_json)
    _stop_if_invalid(checked, "DOAJ", as_json)
    api_key = doaj_api_key()
    deposit_log.check_writable()  # nothing sent that the log cannot hold
    transport = Transport(timeout=timeout, attempts=retries + 1, backoff=backoff)
    results = [deposit_doaj(p, url, api_key, transport) for p in files]
    status_urls = [doaj_status_url(url, r.submission or "") for r in results]
    issns = [[doaj_record_issns(r) for r in doaj_bibjson(c.data, c.file)] for c in checked]
    options = _FollowOptions(transport, wait, wait_limit, poll_interval, as_json, quiet)
    _finish(results, "doaj", status_urls, issns, options)


def _looks_like_doaj(submission: str) -> bool:
    """DOAJ upload ids are 32 hexadecimal digits; Crossref batch ids are the depositor's."""
    return len(submission) == 32 and all(c in "0123456789abcdef" for c in submission.lower())


@deposit.command("status", epilog=command_exit_help("deposit status"))
@click.argument("submissions", nargs=-1, required=False)
@click.option(
    "--service",
    type=click.Choice(["crossref", "doaj"]),
    default=None,
    help="The service of an id that is not in the local log (default: guessed from the id); "
    "an id in the log is asked of the service it was sent to, and another is refused.",
)
@click.option(
    "--test",
    "test_system",
    is_flag=True,
    help="Ask Crossref's test system about the ids given (an id in the local log: this once; "
    "the log keeps where it was sent).",
)
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="Deposit URL to ask about the ids given at (the result URL is beside it; an id in "
    "the local log: this once, the log keeps where it was sent).",
)
@click.option("--list", "list_only", is_flag=True, help="Show the local log; ask no service.")
@_transport_options
@_wait_options
@json_option
def deposit_status_command(
    submissions: tuple[str, ...],
    service: str | None,
    test_system: bool,
    endpoint: str | None,
    list_only: bool,
    timeout: float,
    retries: int,
    backoff: float,
    wait: bool,
    wait_limit: float,
    poll_interval: float,
    as_json: bool,
) -> None:
    """What became of submissions: by Crossref doi_batch_id or DOAJ upload id.

    With no id, every submission of the local log still pending is asked about again.
    """
    if list_only:
        _print_log(deposit_log.entries(), as_json)
        sys.exit(EXIT_OK)
    # (id of an entry → the result URL to ask this once, the options that chose it)
    asked_at: dict[int, tuple[str | None, str]] = {}
    if submissions:
        entries = []
        for submission in submissions:
            entry, url, asked_with = _entry_for(submission, service, endpoint, test_system)
            entries.append(entry)
            asked_at[id(entry)] = (url if url != entry.status_url else None, asked_with)
            if test_system and entry.service == "doaj":
                click.echo(
                    f"jatsconv: --test ignored for DOAJ upload {submission}: it is Crossref's "
                    "test system (--endpoint names another DOAJ address)",
                    err=True,
                )
    else:
        if service or test_system or endpoint:
            click.echo(
                "jatsconv: --service, --test and --endpoint are for the ids given: with none, "
                "each pending submission is asked about where it was sent",
                err=True,
            )
        entries = deposit_log.pending()
        if not entries:
            total = len(deposit_log.entries())
            if as_json:
                click.echo("[]")
            else:
                click.echo(f"no deposits pending ({total} in the local log; --list shows them)")
            sys.exit(EXIT_OK)
    deposit_log.check_writable()  # each answer is logged: asked for nothing when it cannot be
    transport = Transport(timeout=timeout, attempts=retries + 1, backoff=backoff)
    outcomes = []
    payload = []
    for entry in entries:
        url, asked_with = asked_at.get(id(entry), (None, ""))
        outcome, timed_out = _follow(
            entry, transport, wait, wait_limit, poll_interval, False, url, asked_with
        )
        outcomes.append((outcome, timed_out))
        if as_json:
            payload.append({"file": entry.file, **outcome.as_dict(), "timed_out": timed_out})
        else:
            _table(outcome, entry, timed_out)
    if as_json:
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    sys.exit(_exit_code(outcomes))


def _entry_for(
    submission: str, service: str | None, endpoint: str | None, test_system: bool
) -> tuple[deposit_log.Entry, str, str]:
    """The logged entry of an id, or one made up from the options for an id sent elsewhere;
    the result URL to ask this time; and the options that chose it, to repeat in the advice
    to ask again (" --test", "" for a logged id asked where it was sent). ``--endpoint`` or
    ``--test`` for a logged id is asked once: the entry keeps the URL it was sent to (a
    one-off --endpoint was saved as the entry's, and every later question, ``deposit status``
    with no id among them, went there; --test was ignored). --test is Crossref's: for a
    DOAJ id it changes nothing (said by the caller). A ``--service`` other than a logged id's
    is refused (a usage error), naming the logged one: it was asked as that service in an
    entry made up for it, which was then logged beside the real one."""
    found = deposit_log.find(submission)
    if found is not None and service is not None and service != found.service:
        logged = _NAMES.get(found.service, found.service)
        raise click.BadParameter(
            f"{submission} is in the local log as a {logged} deposit ({found.file}, sent "
            f"{found.sent}): it is asked of {logged}; leave out --service {service}",
            param_hint="--service",
        )
    kind = service or (found.service if found else None)
    kind = kind or ("doaj" if _looks_like_doaj(submission) else "crossref")
    test = test_system and kind == "crossref"
    if found is not None and found.service == kind and not endpoint and not test:
        return found, found.status_url, ""
    asked_with = "".join(
        [f" --service {service}" if service else "", " --test" if test else ""]
        + ([f" --endpoint {shlex.quote(endpoint)}"] if endpoint else [])
    )
    if kind == "crossref":
        base = endpoint or (CROSSREF_TEST if test_system else CROSSREF_PRODUCTION)
        status_url = crossref_result_url(check_endpoint(base))
    else:
        status_url = doaj_status_url(check_endpoint(endpoint or DOAJ_PRODUCTION), submission)
    if found is not None and found.service == kind:
        return found, status_url, asked_with
    entry = deposit_log.Entry(
        service=kind,
        submission=submission,
        file=found.file if found else "(not in the local log)",
        sent=found.sent if found else "",
        status_url=status_url,
        records=found.records if found else [],
        sending=found.sending if found else 1,
    )
    return entry, status_url, asked_with


def _print_log(entries: list[deposit_log.Entry], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps([e.as_dict() for e in entries], ensure_ascii=False, indent=2))
        return
    if not entries:
        click.echo(f"the local log is empty ({deposit_log.log_path()})")
        return
    for e in entries:
        outcome = f": {e.outcome}" if e.outcome else ""
        name = _NAMES.get(e.service, e.service)
        ident = e.submission or "(no id: not taken)"
        click.echo(f"{e.sent}  {name} {ident}  {e.file}  {e.state}{outcome}")
