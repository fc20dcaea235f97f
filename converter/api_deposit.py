"""Deposits for a Python caller: ``jatsconv deposit crossref|doaj`` (``--dry-run`` too) and
``deposit status``, with the endpoint and the credentials as arguments. The checks before
sending and the local log's records are the command's own (``converter.commands.deposit``
calls ``check_deposit_file`` and ``log_sent`` here); nothing is printed, credentials never appear in
what comes back (every message passes through ``converter.redaction``)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from converter import deposit_log
from converter.api_args import path_arg, paths_arg
from converter.deposit import (
    CROSSREF_PRODUCTION,
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
    missing_requirements,
    read_crossref_file,
)
from converter.deposit_results import (
    Outcome,
    crossref_result_url,
    crossref_status,
    doaj_status,
    doaj_status_url,
)
from converter.errors import InputError, OutputError, cannot_read, type_named
from converter.input_limit import read_path
from converter.redaction import remember
from converter.xsd import SCHEMAS, load_schema, schema_folder, schema_problems

__all__ = [
    "DepositCheck",
    "Service",
    "check_deposit_file",
    "deposit_dry_run",
    "deposit_files",
    "deposit_status",
    "log_sent",
    "sent_before",
]

Service = Literal["crossref", "doaj"]
NAMES = {"crossref": "Crossref", "doaj": "DOAJ"}
ID_NAMES = {"crossref": "doi_batch_id", "doaj": "upload"}
Credentials = tuple[str, str] | str | None


@dataclass(slots=True)
class DepositCheck:
    """One file read and checked before sending (``deposit … --dry-run`` says the same):
    ``note`` which schema it was checked against and the verdict, ``passed``, ``problems``
    the lines the command prints for it (schema errors, what the service refuses though its
    schema allows it); ``endpoint`` where it would go, ``submission`` its Crossref
    ``doi_batch_id`` (None for DOAJ), ``records`` the DOIs (DOAJ: DOI or title) it holds."""

    file: str
    service: str
    passed: bool
    note: str
    problems: list[str] = field(default_factory=list)
    endpoint: str = ""
    submission: str | None = None
    records: list[str] = field(default_factory=list)
    data: bytes = field(default=b"", repr=False)

    def as_dict(self) -> dict[str, Any]:
        """As ``deposit … --dry-run --json`` gives it (the keys of a file sent)."""
        return {
            "file": self.file,
            "ok": self.passed,
            "status": None,
            "message": self.note,
            "attempts": 0,
            "submission": self.submission,
            "records": self.records,
            "dry_run": True,
            "endpoint": self.endpoint,
        }


def read_doaj_file(path: Path) -> bytes:
    """A DOAJ article XML file's bytes, checked to convert to DOAJ JSON (else ``InputError``)."""
    try:
        data = read_path(path)
    except OSError as exc:
        raise InputError(str(path), [cannot_read(exc)]) from None
    doaj_bibjson(data, str(path))
    return data


def check_deposit_file(
    path: Path, service: str, schema: str | os.PathLike[str] | None = None
) -> DepositCheck:
    """Read one file (``InputError`` for one that cannot be sent: unreadable, not the
    service's kind) and check it against the service's schema when one is configured
    (``schema``, else ``$JATSCONV_CROSSREF_SCHEMA`` / ``$JATSCONV_DOAJ_SCHEMA`` or the config
    file); what the service refuses though its schema lets it pass (no ISSN) fails it too."""
    read = read_crossref_file if service == "crossref" else read_doaj_file
    data = read(path)
    loaded = load_schema(service, schema)
    xsd, env = SCHEMAS[service]
    missing = missing_requirements(service, data, str(path))
    problems = [f"{path}: error: {line}" for line in missing]
    if loaded is None:
        note = (
            f"not checked against the {NAMES[service]} schema: none configured "
            f"(set {env} or --{service}-schema to the folder of {xsd})"
        )
        if missing:
            note += f"; refused: {len(missing)} problem{'s' if len(missing) != 1 else ''}"
        return DepositCheck(str(path), service, not missing, note, problems, data=data)
    found = schema_problems(loaded, data, str(path))
    problems.extend(str(problem) for problem in found)
    if found:
        verdict = f"failed ({len(found)} problems)"
    elif missing:
        verdict = f"refused: {missing[0]} (the schema alone allows that)"
    else:
        verdict = "passed"
    note = f"checked against {xsd} in {schema_folder(service, schema)}: {verdict}"
    return DepositCheck(str(path), service, not (found or missing), note, problems, data=data)


def sent_before(check: DepositCheck) -> str | None:
    """The warning for a Crossref file whose ``doi_batch_id`` the log holds as taken: Crossref
    refuses again each record it registered from it (its timestamp is no newer), so an
    article corrected since (in OJS, in its YAML) is not corrected by sending the old file.
    Said, not refused: a record Crossref failed for a cause fixed on its side (an ISSN not yet
    assigned to the title) may go through when the same file is sent again. None otherwise,
    and for a log that cannot be read (said where the log is needed)."""
    if check.service != "crossref":
        return None
    batch_id, _ = crossref_contents(check.data, check.file)
    try:
        entry = deposit_log.find(batch_id)
    except OutputError:
        return None
    if entry is None or entry.service != "crossref" or entry.state == "failed":
        return None
    last = f"{entry.state}: {entry.outcome}" if entry.outcome else entry.state
    return (
        f"{check.file}: warning: doi_batch_id {batch_id} was sent on {entry.sent} ({last}): "
        "Crossref refuses again each record it registered from this file, its timestamp "
        "being no newer; to send corrected articles, convert them again (--to crossref) "
        "and deposit the new file"
    )


def _service(service: str) -> Service:
    if not isinstance(service, str) or service not in NAMES:
        raise ValueError(f"unknown service {service!r} (use 'crossref' or 'doaj')")
    return service  # type: ignore[return-value]


def _endpoint(service: str, endpoint: str | None) -> str:
    if endpoint is not None and not isinstance(endpoint, str):
        raise TypeError(f"endpoint: a URL (str), not {type_named(endpoint)}")
    return check_endpoint(endpoint or (CROSSREF_PRODUCTION if service == "crossref" else
                                       DOAJ_PRODUCTION))  # fmt: skip


def deposit_dry_run(
    files: Iterable[str | os.PathLike[str]],
    service: str,
    *,
    endpoint: str | None = None,
    schema: str | os.PathLike[str] | None = None,
) -> list[DepositCheck]:
    """``jatsconv deposit crossref|doaj --dry-run``: each file read and checked, what would be
    sent where (``endpoint``: default the service's production address), nothing sent and no
    credentials needed. ``schema``: the folder of the service's XSD (``crossref5.3.1.xsd`` /
    ``doajArticles.xsd`` with its ``catalog.xml``); without it, the one the environment or
    the config file names, else not checked (``note`` says so).

    Raises ``InputError`` for a file that cannot be read or is not the service's,
    ``DepositError`` for an endpoint refused (plain ``http://`` off this machine),
    ``SetupError`` for a schema folder that holds none, ``ValueError`` for another service,
    ``TypeError`` for one path given as ``files`` rather than a list of them (or None).
    """
    kind = _service(service)
    paths = paths_arg(files, "files")
    folder = path_arg(schema, "schema") if schema is not None else None
    url = _endpoint(kind, endpoint)
    checks = []
    for path in paths:
        check = check_deposit_file(path, kind, folder)
        check.endpoint = url
        if kind == "crossref":
            check.submission, check.records = crossref_contents(check.data, str(path))
            if (warning := sent_before(check)) is not None:
                check.problems.append(warning)  # (said, as the command says it: not failed)
        else:
            check.records = [doaj_record_name(r) for r in doaj_bibjson(check.data, str(path))]
        checks.append(check)
    return checks


def deposit_files(
    files: Iterable[str | os.PathLike[str]],
    service: str,
    *,
    credentials: Credentials = None,
    endpoint: str | None = None,
    schema: str | os.PathLike[str] | None = None,
    transport: Transport | None = None,
) -> list[Attempt]:
    """``jatsconv deposit crossref|doaj``: check every file (as ``deposit_dry_run``) and, when
    every one passed, send each to ``endpoint`` (default the service's production address;
    Crossref's test system is ``converter.deposit.CROSSREF_TEST``), one ``Attempt`` per file
    (``ok``, ``message``, ``submission``: the id ``deposit_status`` takes). When a file fails
    its check nothing is sent: each ``Attempt`` then has ``attempts`` 0 and its check's verdict
    as ``message``, as ``--json`` gives them. Each file sent is recorded in the local log, as
    the command does, so that ``jatsconv deposit status`` can ask about it later.

    ``credentials``: Crossref's ``(username, password)``, DOAJ's API key; None: from the
    environment or the config file, as the command reads them. They never appear in a message
    or an exception. ``transport``: timeout, attempts and backoff (``Transport()``: 60 s, 3).

    Raises ``InputError`` (a file not readable or not the service's), ``DepositError`` (no
    credentials, an endpoint refused), ``OutputError`` (the local log cannot be written:
    nothing sent), ``ValueError`` (another service), ``TypeError`` (``files`` one path rather
    than a list, credentials or transport of another kind; the message never holds them). A
    service's refusal is no exception: it is the ``Attempt``'s ``message``.
    """
    kind = _service(service)
    _transport(transport)
    checks = deposit_dry_run(files, kind, endpoint=endpoint, schema=schema)
    if not checks:
        return []  # (nothing to send: no credentials looked up, no log touched)
    if not all(check.passed for check in checks):
        return [Attempt(c.file, c.passed, None, c.note, 0, c.submission, c.records) for c in checks]
    url = checks[0].endpoint
    transport = transport or Transport()
    deposit_log.check_writable()  # nothing sent that the log cannot hold
    results = []
    if kind == "crossref":
        login = _crossref_login(credentials)
        result_url = crossref_result_url(url)
        for check in checks:
            attempt = deposit_crossref(Path(check.file), url, login, transport)
            log_sent(attempt, kind, result_url, [])
            results.append(attempt)
        return results
    key = _doaj_key(credentials)
    for check in checks:
        attempt = deposit_doaj(Path(check.file), url, key, transport)
        issns = [doaj_record_issns(r) for r in doaj_bibjson(check.data, check.file)]
        log_sent(attempt, kind, doaj_status_url(url, attempt.submission or ""), issns)
        results.append(attempt)
    return results


def _transport(transport: object) -> None:
    """A ``Transport`` or None; one that could send nothing (no attempt, no time to answer)
    is a ``ValueError``: ``attempts=0`` was said as "rejected (HTTP None): no explanation"."""
    if transport is None:
        return
    if not isinstance(transport, Transport):
        raise TypeError(
            f"transport: a Transport (Transport(timeout=60, attempts=3, backoff=2)), not "
            f"{type_named(transport)}"
        )
    if isinstance(transport.attempts, bool) or not isinstance(transport.attempts, int):
        raise TypeError(f"transport: attempts a whole number, not {type_named(transport.attempts)}")
    if transport.attempts < 1:
        raise ValueError(f"transport: attempts {transport.attempts}: at least 1 (the first one)")
    if not transport.timeout > 0 or not transport.backoff >= 0:
        raise ValueError(
            f"transport: timeout {transport.timeout} and backoff {transport.backoff}: the "
            "timeout above 0 s, the backoff 0 s or more"
        )


def _crossref_login(credentials: Credentials) -> tuple[str, str]:
    """Crossref's ``(username, password)`` (a list of two will do): both kept out of every
    message, as the command keeps them; an empty one is missing, as the command says."""
    if credentials is None:
        return crossref_credentials()
    if (
        not isinstance(credentials, tuple | list)
        or len(credentials) != 2
        or not all(isinstance(part, str) for part in credentials)
    ):
        raise TypeError(
            f"credentials: Crossref's are (username, password), a tuple of two str, not "
            f"{type_named(credentials)}"
        )  # (never the values: one may be the password)
    user, password = credentials
    remember(user, password)
    if not (user and password):
        raise DepositError("Crossref credentials missing: the username or password given is empty")
    return user, password


def _doaj_key(credentials: Credentials) -> str:
    if credentials is None:
        return doaj_api_key()
    if not isinstance(credentials, str):
        raise TypeError(f"credentials: DOAJ's is the API key, a str, not {type_named(credentials)}")
    remember(credentials)
    if not credentials:
        raise DepositError("DOAJ API key missing: the key given is empty")
    return credentials


def deposit_status(
    submission: str,
    service: str,
    *,
    credentials: Credentials = None,
    endpoint: str | None = None,
    transport: Transport | None = None,
) -> Outcome:
    """``jatsconv deposit status ID``, asked once: what became of a submission (a Crossref
    ``doi_batch_id`` or a DOAJ upload id, an ``Attempt``'s ``submission``), an ``Outcome``
    (``state``: pending, completed, unknown, error; ``records`` each DOI's or article's
    result; ``succeeded``). ``endpoint`` is the deposit URL it was sent to (the result URL
    beside it is asked); without it, where the local log says it was sent, else the
    service's production address. ``credentials`` as ``deposit_files`` takes them. A
    submission of the local log gets the answer recorded there, as the command records it.

    Raises ``DepositError`` (no credentials, an endpoint refused), ``OutputError`` (the local
    log cannot be written), ``ValueError`` (another service, an empty ``submission``),
    ``TypeError`` (a ``submission`` not a str: None when nothing was taken). A question that
    failed (not reached, refused) is no exception: its ``Outcome`` has ``state`` "error" and
    says why.
    """
    kind = _service(service)
    if not isinstance(submission, str):
        raise TypeError(
            f"submission: the id an Attempt gives (Attempt.submission, a str), not "
            f"{type_named(submission)}"
        )
    if not submission.strip():
        raise ValueError("submission: empty (an Attempt's submission is None when nothing was "
                         "taken: there is nothing to ask about)")  # fmt: skip
    _transport(transport)
    transport = transport or Transport()
    found = deposit_log.find(submission)
    entry = found if found is not None and found.service == kind else None
    if endpoint is None and entry is not None and entry.status_url:
        url = entry.status_url
    elif kind == "crossref":
        url = crossref_result_url(_endpoint(kind, endpoint))
    else:
        url = doaj_status_url(_endpoint(kind, endpoint), submission)
    records = entry.records if entry is not None else []
    if kind == "crossref":
        sent = [str(r["record"]) for r in records]
        outcome = crossref_status(url, submission, _crossref_login(credentials), sent, transport)
    else:
        outcome = doaj_status(url, submission, _doaj_key(credentials), records, transport)
    if entry is not None:
        log_outcome(entry, outcome, timed_out=False)
    return outcome


def log_sent(attempt: Attempt, service: str, status_url: str, issns: list[list[str]]) -> None:
    """Record every file sent: one with an id to ask about (taken, or a Crossref batch whose
    reply could not be read) as pending, so that ``deposit status`` asks later; one the
    service did not take (rejected, refused, not reached) as failed, with the reason."""
    records = [
        {"record": name, **({"issns": issns[i]} if i < len(issns) else {})}
        for i, name in enumerate(attempt.records)
    ]
    entry = deposit_log.Entry(
        service=service,
        submission=attempt.submission or "",
        file=attempt.file,
        sent=deposit_log.now(),
        status_url=status_url if attempt.submission else "",
        records=records,
        outcome="" if attempt.ok else attempt.message,
    )
    if not attempt.submission:
        entry.state, entry.succeeded = "failed", False
    try:
        earlier = deposit_log.find(attempt.submission) if attempt.submission else None
    except OutputError:
        earlier = None  # (a log that cannot be read cannot be written: said just below)
    if earlier is not None and earlier.service == service:
        entry.sending = earlier.sending + 1  # the same file sent again: an entry of its own
    try:
        deposit_log.record(entry)
    except OutputError as exc:  # writable when checked, not now (a disk that filled up)
        if not attempt.submission:
            raise
        label = f"{NAMES[service]} {ID_NAMES[service]} {attempt.submission}"
        raise OutputError(f"{attempt.file}: sent ({label}), not logged: {exc}") from None


def log_outcome(entry: deposit_log.Entry, outcome: Outcome, timed_out: bool) -> None:
    """Record what a question about a logged submission learnt."""
    if outcome.state == "error":
        # A question that failed (not reached, refused, unreadable) says nothing of the
        # submission: it keeps its state (a pending one is asked about again).
        entry.outcome = f"last question failed: {outcome.message}"
        deposit_log.record(entry)
        return
    entry.state = "pending" if timed_out and outcome.state == "unknown" else outcome.state
    entry.outcome = outcome.message
    entry.succeeded = outcome.succeeded if outcome.state == "completed" else None
    deposit_log.record(entry)
