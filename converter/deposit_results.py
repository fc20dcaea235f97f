"""What became of a deposit: ask Crossref or DOAJ, and wait until they have processed it.

Both services take a deposit asynchronously. Crossref's HTTPS POST only queues the file; the
outcome per DOI is the submission log, a ``doi_batch_diagnostic`` document with a
``record_diagnostic`` (Success, Warning or Failure, and a message) per DOI, retrieved from
``servlet/submissionDownload`` (``type=result``) by ``doi_batch_id``. The credentials go in a
POST form there, never in the URL. DOAJ's bulk article API v4 answers 202 with an
``upload_id``; ``GET /api/v4/bulk/articles/{upload_id}`` then says ``pending``,
``validated``, ``processed``, ``processed_partial`` or ``failed``, with counts and the ISSNs it
could not match to the account's journals.

Every message leaving this module passes through ``Secrets.redact`` (``converter.deposit``).
"""

from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from lxml import etree

from converter.deposit import (
    CROSSREF_LOGIN_HINT,
    DOAJ_KEY_HINT,
    UNREADABLE,
    Secrets,
    Transport,
    multipart,
    reply_text,
    send_request,
)
from converter.network_words import attempts as attempts_words
from converter.validation import InvalidDocument, parse_untrusted

State = Literal["pending", "completed", "unknown", "error"]
RecordStatus = Literal["Success", "Warning", "Failure", "Unknown"]

# Crossref's doi_batch_diagnostic/@status, and DOAJ's status, as shown to people.
_CROSSREF_STATES: dict[str, tuple[State, str]] = {
    "queued": ("pending", "queued"),
    "in_process": ("pending", "in process"),
    "completed": ("completed", "completed"),
    "unknown_submission": ("unknown", "unknown"),
}
_DOAJ_STATES: dict[str, tuple[State, str]] = {
    "pending": ("pending", "queued"),
    "incoming": ("pending", "queued"),
    "validated": ("pending", "in process"),
    "processed": ("completed", "completed"),
    "processed_partial": ("completed", "completed"),
    "partial": ("completed", "completed"),
    "failed": ("completed", "completed"),
}
_DOAJ_REASONS = {
    "shared": "ISSN {issn} is claimed by more than one DOAJ account",
    "unowned": "ISSN {issn} belongs to a journal your DOAJ account does not own",
    "unmatched": "ISSN {issn} matches no journal in DOAJ",
}


@dataclass(slots=True)
class RecordResult:
    """One DOI's (Crossref) or article's (DOAJ) outcome, in the service's words."""

    record: str
    status: RecordStatus
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"record": self.record, "status": self.status, "message": self.message}


@dataclass(slots=True)
class Outcome:
    """Where a submission stands: ``state`` is ours, ``detail`` the service's word for it."""

    service: str
    submission: str
    state: State
    detail: str
    records: list[RecordResult] = field(default_factory=list)
    message: str = ""

    @property
    def final(self) -> bool:
        """Nothing will change by asking again (completed, or an answer that will not change)."""
        return self.state in ("completed", "error", "unknown")

    @property
    def succeeded(self) -> bool:
        """Every record registered (Crossref's Warning registers the DOI too)."""
        return (
            self.state == "completed"
            and bool(self.records)
            and all(r.status in ("Success", "Warning") for r in self.records)
        )

    def counts(self) -> dict[str, int]:
        keys: tuple[RecordStatus, ...] = ("Success", "Warning", "Failure", "Unknown")
        return {k: sum(r.status == k for r in self.records) for k in keys}

    def as_dict(self) -> dict[str, Any]:
        return {
            "service": self.service,
            "submission": self.submission,
            "state": self.state,
            "detail": self.detail,
            "succeeded": self.succeeded,
            "message": self.message,
            "records": [r.as_dict() for r in self.records],
        }


# ------------------------------------------------------------------ Crossref


def crossref_result_url(deposit_endpoint: str) -> str:
    """The submission-result URL beside a deposit URL (``…/servlet/submissionDownload``)."""
    parts = urllib.parse.urlsplit(deposit_endpoint)
    path = parts.path
    if path.endswith("/deposit"):
        path = path[: -len("deposit")] + "submissionDownload"
    else:
        path = path.rstrip("/") + "/submissionDownload"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def parse_crossref_result(data: bytes, batch_id: str, sent: list[str]) -> Outcome:
    """An ``Outcome`` from a ``doi_batch_diagnostic`` document.

    ``sent`` lists the DOIs the file held: one Crossref does not mention in a completed
    result is reported as Unknown rather than assumed registered."""
    try:
        root = parse_untrusted(data, "Crossref's answer").getroot()
    except InvalidDocument:
        text = reply_text(data)
        return Outcome(
            "crossref", batch_id, "error", "unreadable",
            message=f"Crossref's answer is not a submission log: {text or 'empty'}",
        )  # fmt: skip
    if etree.QName(root).localname != "doi_batch_diagnostic":
        return Outcome(
            "crossref", batch_id, "error", "unreadable",
            message=f"Crossref's answer is not a submission log (<{etree.QName(root).localname}>)",
        )  # fmt: skip
    word = (root.get("status") or "").strip()
    state, detail = _CROSSREF_STATES.get(word, ("pending", word or "no status"))
    outcome = Outcome("crossref", batch_id, state, detail)
    if state == "unknown":
        outcome.message = (
            f"Crossref knows no submission with doi_batch_id {batch_id} (a file just sent is "
            "known only once Crossref has parsed it): ask again in a few minutes if it was just "
            f"sent; else check the id ({_LISTED}) and the system it went to (--test for "
            "Crossref's test system, --endpoint for another)"
        )
        return outcome
    for diag in root.iter("record_diagnostic"):
        status = (diag.get("status") or "").strip().capitalize()
        if status not in ("Success", "Warning", "Failure"):
            status = "Unknown"
        doi = " ".join((diag.findtext("doi") or "").split()) or "(whole batch)"
        message = " ".join((diag.findtext("msg") or "").split())
        conflicts = " ".join((diag.findtext("dois_in_conflict") or "").split())
        if conflicts:
            message += f" (in conflict with {conflicts})"
        outcome.records.append(RecordResult(doi, status, message or "no message"))  # type: ignore[arg-type]
    if state == "completed":
        named = {r.record for r in outcome.records}
        batch_failure = next(
            (r for r in outcome.records if r.record == "(whole batch)" and r.status == "Failure"),
            None,
        )
        for doi in sent:
            if doi in named:
                continue
            if batch_failure is not None:
                outcome.records.append(RecordResult(doi, "Failure", batch_failure.message))
            else:
                outcome.records.append(
                    RecordResult(doi, "Unknown", "not in Crossref's submission log")
                )
        if batch_failure is not None and sent:
            outcome.records.remove(batch_failure)
        counts = outcome.counts()
        outcome.message = _summary(counts)
    else:
        outcome.message = f"Crossref has the batch {detail}"
    return outcome


def crossref_status(
    result_url: str,
    batch_id: str,
    credentials: tuple[str, str],
    sent: list[str] | None = None,
    transport: Transport | None = None,
    asked_with: str = "",
) -> Outcome:
    """Ask Crossref for the submission log of ``batch_id`` (credentials in a POST form).
    ``asked_with``: the options of ``deposit status`` that chose where to ask (" --test"),
    repeated in the advice to ask again."""
    transport = transport or Transport()
    user, password = credentials
    secrets = Secrets((user, password))
    body, ctype = multipart(
        {"usr": user, "pwd": password, "doi_batch_id": batch_id, "type": "result"}, {}
    )
    status, reply, attempts, error = send_request(
        result_url, body, {"Content-Type": ctype}, transport, secrets, result_url
    )
    outcome = _http_failure(
        "crossref", batch_id, status, reply, attempts, error, "the login", CROSSREF_LOGIN_HINT,
        asked_with,
    )  # fmt: skip
    if outcome is None:
        outcome = parse_crossref_result(reply, batch_id, sent or [])
    return _redacted(outcome, secrets)


# ------------------------------------------------------------------ DOAJ


def doaj_status_url(endpoint: str, upload_id: str) -> str:
    """``{endpoint}/{upload_id}`` for the bulk article endpoint (no key: it is added apart)."""
    return endpoint.rstrip("/") + "/" + urllib.parse.quote(upload_id, safe="")


def parse_doaj_status(
    data: dict[str, Any], upload_id: str, sent: list[dict[str, Any]] | None = None
) -> Outcome:
    """An ``Outcome`` from DOAJ's upload status. ``sent`` lists the articles of the upload
    (``{"record": DOI or title, "issns": [...]}``): DOAJ names failures by ISSN, so an
    article is a Failure when one of its ISSNs is named, and Unknown when DOAJ's counts say
    some failed without saying which."""
    word = str(data.get("status") or "")
    state, detail = _DOAJ_STATES.get(word, ("pending", word or "no status"))
    outcome = Outcome("doaj", upload_id, state, detail)
    if state != "completed":
        outcome.message = f"DOAJ has the upload {detail}"
        return outcome
    results = data.get("results") or {}
    error = " ".join(str(p) for p in (data.get("error"), data.get("error_details")) if p)
    reasons: dict[str, str] = {}
    for kind, issns in (data.get("failure_reasons") or {}).items():
        template = _DOAJ_REASONS.get(kind, kind + ": {issn}")
        for issn in issns or []:
            reasons[str(issn)] = template.format(issn=issn)
    articles = sent or []
    if not articles:  # an upload this machine did not send: only DOAJ's own figures
        status: RecordStatus = "Failure" if word == "failed" else "Success"
        if word in ("processed_partial", "partial"):
            status = "Unknown"
        text = error or _doaj_figures(results) or detail
        text = "; ".join([text, *reasons.values()]) if reasons else text
        outcome.records.append(RecordResult("(whole upload)", status, text))
        outcome.message = _summary(outcome.counts())
        return outcome
    failed_count = int(results.get("failed") or 0)
    named_failures = 0
    for article in articles:
        why = list(dict.fromkeys(reasons[i] for i in article.get("issns", []) if i in reasons))
        if why:
            named_failures += 1
            outcome.records.append(RecordResult(article["record"], "Failure", "; ".join(why)))
        elif word == "failed":
            outcome.records.append(
                RecordResult(article["record"], "Failure", error or "DOAJ did not import it")
            )
        else:
            outcome.records.append(RecordResult(article["record"], "Success", "imported"))
    if word in ("processed_partial", "partial") and failed_count > named_failures:
        imported = int(results.get("imported") or 0)
        note = f"DOAJ imported {imported} of {len(articles)} and does not say which failed" + (
            f": {error}" if error else ""
        )
        for record in outcome.records:
            if record.status == "Success":
                record.status, record.message = "Unknown", note
    outcome.message = _summary(outcome.counts())
    return outcome


def doaj_status(
    status_url: str,
    upload_id: str,
    api_key: str,
    sent: list[dict[str, Any]] | None = None,
    transport: Transport | None = None,
    asked_with: str = "",
) -> Outcome:
    """Ask DOAJ how the bulk upload ``upload_id`` went (``status_url``: ``doaj_status_url``;
    ``asked_with`` as for ``crossref_status``)."""
    transport = transport or Transport()
    secrets = Secrets((api_key,))
    shown = status_url
    separator = "&" if "?" in status_url else "?"
    url = f"{status_url}{separator}api_key={urllib.parse.quote(api_key, safe='')}"
    status, reply, attempts, error = send_request(
        url, None, {"Accept": "application/json"}, transport, secrets, shown, method="GET"
    )
    if status in (400, 404):
        outcome = Outcome(
            "doaj", upload_id, "unknown", "unknown",
            message=f"DOAJ knows no upload {upload_id} for this API key "
            f"({reply_text(reply) or f'HTTP {status}'}): check the id ({_LISTED}) and that "
            "DOAJ_API_KEY is the key it was sent with",
        )  # fmt: skip
        return _redacted(outcome, secrets)
    outcome = _http_failure(
        "doaj", upload_id, status, reply, attempts, error, "the API key", DOAJ_KEY_HINT, asked_with
    )
    if outcome is None:
        try:
            data = json.loads(reply.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            data = None
        if not isinstance(data, dict):
            outcome = Outcome(
                "doaj", upload_id, "error", "unreadable",
                message=f"DOAJ's answer is not an upload status: {reply_text(reply) or 'empty'}",
            )  # fmt: skip
        else:
            outcome = parse_doaj_status(data, upload_id, sent)
    return _redacted(outcome, secrets)


# ------------------------------------------------------------------ common


def _doaj_figures(results: dict[str, Any]) -> str:
    keys = (("imported", "imported"), ("failed", "failed"), ("new", "new"), ("update", "updated"))
    return ", ".join(f"{results[k]} {word}" for k, word in keys if results.get(k) is not None)


def _summary(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    parts = [f"{counts['Success']} success", f"{counts['Warning']} warning"]
    parts.append(f"{counts['Failure']} failure")
    if counts["Unknown"]:
        parts.append(f"{counts['Unknown']} unknown")
    return f"{total} record{'s' if total != 1 else ''}: " + ", ".join(parts)


def _http_failure(
    service: str,
    submission: str,
    status: int | None,
    reply: bytes,
    attempts: int,
    error: str | None,
    secret_name: str,
    hint: str,
    asked_with: str = "",
) -> Outcome | None:
    """An ``error`` outcome for an answer that is not a result (network, login, 4xx/5xx),
    its message saying what to do next, as ``deposit``'s do: a question that failed leaves the
    submission's state in the local log as it was, so the same question can be asked again:
    the command to ask it repeats ``asked_with``, the options that chose where to ask (it left
    them out, and an id not in the local log was then asked about where it was not sent)."""
    name = "Crossref" if service == "crossref" else "DOAJ"
    again = (
        "the submission keeps its state: ask again later, "
        f"'jatsconv deposit status {submission}{asked_with}'"
    )
    if error and error.startswith(UNREADABLE):
        return Outcome(
            service, submission, "error", "not reached",
            message=f"could not read {name}'s answer: {error[len(UNREADABLE) + 2 :]}; {again}",
        )  # fmt: skip
    if error and (status is None or status >= 500 or status == 429):
        longer = "; --timeout S waits longer for it" if "no answer within" in error else ""
        return Outcome(
            service, submission, "error", "not reached",
            message=f"could not ask {name} after {attempts_words(attempts)}: {error}; "
            f"{again}{longer}",
        )  # fmt: skip
    if status in (401, 403):
        return Outcome(
            service, submission, "error", "refused",
            message=f"{name} refused {secret_name} (HTTP {status}): {hint}",
        )  # fmt: skip
    if status is None or not 200 <= status < 300:
        return Outcome(
            service, submission, "error", "refused",
            message=f"{name} answered HTTP {status}: {reply_text(reply) or 'no explanation'}; "
            "check the deposit URL it was sent to (--endpoint"
            + (", --test for Crossref's test system)" if service == "crossref" else ")"),
        )  # fmt: skip
    return None


# Where the ids of the submissions sent are listed, for a message about an id no one knows.
_LISTED = "'jatsconv deposit status --list' shows those sent"


def _redacted(outcome: Outcome, secrets: Secrets) -> Outcome:
    outcome.message = secrets.redact(outcome.message)
    for record in outcome.records:
        record.message = secrets.redact(record.message)
        record.record = secrets.redact(record.record)
    return outcome


def wait_for(
    ask: Callable[[], Outcome],
    limit: float,
    interval: float,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    patient_with_unknown: bool = False,
) -> tuple[Outcome, bool]:
    """Ask until the outcome is final or ``limit`` seconds have passed; the delay between
    questions starts at ``interval`` and doubles up to a minute. Returns the last outcome and
    whether the time limit cut the wait short.

    ``patient_with_unknown``: right after sending, Crossref does not know a batch id until it
    has parsed the file, so "unknown" is asked again rather than taken as final."""
    start = clock()
    delay = max(interval, 0.0)
    while True:
        outcome = ask()
        waiting = not outcome.final or (patient_with_unknown and outcome.state == "unknown")
        if not waiting:
            return outcome, False
        if clock() - start + delay > limit:
            return outcome, True
        sleep(delay)
        delay = min(max(delay * 2, 0.01), 60.0)
