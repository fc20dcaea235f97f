"""Deposit results: ``deposit … --wait`` and ``deposit status`` against local stand-ins.

The stand-ins behave like the services: a submission is queued, then in process, then
completed with a mix of successes and failures; unknown ids, a wrong login or key, and a
service too slow to answer are answered the way the services answer them. Crossref's result is
a ``doi_batch_diagnostic`` from ``servlet/submissionDownload`` (credentials in the POST form);
DOAJ's is ``GET /api/v4/bulk/articles/{upload_id}``.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import logging
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import etree

from conftest import (
    BILINGUAL,
    DEPOSIT_API_KEY,
    DEPOSIT_PASSWORD,
    DEPOSIT_USER,
    EXTERNAL,
    deposit_environment,
    local_server,
)
from converter.deposit_results import Outcome, parse_crossref_result, wait_for

USER, PASSWORD, API_KEY = DEPOSIT_USER, DEPOSIT_PASSWORD, DEPOSIT_API_KEY
SECRETS = (USER, PASSWORD, API_KEY, "s3cr3t", "doaj-key-0123")
CR = "{http://www.crossref.org/schema/5.3.1}"
ISSUE = BILINGUAL.parent
FAILING_DOI = "10.5555/jsr.2018.3.21"
CROSSREF_FAILURE = (
    "Record not processed because submitted version: 20261130 is less or equal to "
    "previously submitted version"
)


@dataclass
class Stand:
    """The state of the two stand-in services."""

    batches: dict[str, dict[str, object]] = field(default_factory=dict)
    uploads: dict[str, dict[str, object]] = field(default_factory=dict)
    failing_dois: set[str] = field(default_factory=lambda: {FAILING_DOI})
    warning_dois: set[str] = field(default_factory=set)
    unowned_issns: set[str] = field(default_factory=set)
    slow: bool = False  # answer result questions too late
    moved: bool = False  # answer result questions 404, as an address that is no service's
    questions: int = 0
    seen_credentials_in_url: bool = False


def _form(handler: BaseHTTPRequestHandler, body: bytes) -> dict[str, tuple[str | None, bytes]]:
    ctype = handler.headers.get("Content-Type", "")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {ctype}\r\n\r\n".encode() + body
    )
    parts = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        parts[name] = (part.get_filename(), part.get_payload(decode=True))
    return parts


def _diagnostic(batch_id: str, status: str, records: list[tuple[str, str, str]]) -> bytes:
    rows = "".join(
        f'<record_diagnostic status="{s}"><doi>{doi}</doi><msg>{msg}</msg></record_diagnostic>'
        for doi, s, msg in records
    )
    counts = {k: sum(r[1] == k for r in records) for k in ("Success", "Warning", "Failure")}
    data = (
        f'<?xml version="1.0" encoding="UTF-8"?><doi_batch_diagnostic status="{status}" '
        f'sp="stand-in"><submission_id>1432197786</submission_id><batch_id>{batch_id}</batch_id>'
        f"{rows}<batch_data><record_count>{len(records)}</record_count>"
        f"<success_count>{counts['Success']}</success_count>"
        f"<warning_count>{counts['Warning']}</warning_count>"
        f"<failure_count>{counts['Failure']}</failure_count></batch_data>"
        "</doi_batch_diagnostic>"
    )
    return data.encode()


def _handler(stand: Stand):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, code: int, body: bytes, ctype: str = "text/html") -> None:
            try:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _json(self, code: int, data: object) -> None:
            self._send(code, json.dumps(data).encode(), "application/json")

        # ---------------------------------------------------------------- POST

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            path = urlsplit(self.path).path
            if PASSWORD in self.path or (API_KEY in self.path and "bulk" not in self.path):
                stand.seen_credentials_in_url = True
            if path.endswith("/deposit"):
                return self._crossref_deposit(_form(self, body))
            if path.endswith("/submissionDownload") and not stand.moved:
                return self._crossref_result(_form(self, body))
            if path.endswith("/bulk/articles"):
                return self._doaj_upload(body)
            return self._send(404, b"no such endpoint")

        def _crossref_deposit(self, form: dict[str, tuple[str | None, bytes]]) -> None:
            if form["login_passwd"][1].decode() != PASSWORD:
                return self._send(401, b"<html>Unauthorized</html>")
            root = etree.fromstring(form["fname"][1])
            batch_id = root.findtext(f"{CR}head/{CR}doi_batch_id")
            dois = [d.text for d in root.iter(f"{CR}doi") if d.getparent().tag == f"{CR}doi_data"]
            stand.batches[batch_id] = {"dois": dois, "asked": 0}
            return self._send(200, b"<html><h2>SUCCESS</h2>Your batch was received</html>")

        def _crossref_result(self, form: dict[str, tuple[str | None, bytes]]) -> None:
            stand.questions += 1
            if stand.slow:
                time.sleep(1.0)
            if form.get("pwd", (None, b""))[1].decode() != PASSWORD:
                return self._send(401, b"<html>Unauthorized: login failed</html>")
            if form.get("type", (None, b""))[1] != b"result":
                return self._send(400, b"type is required")
            batch_id = form.get("doi_batch_id", (None, b""))[1].decode()
            batch = stand.batches.get(batch_id)
            if batch is None:
                return self._send(200, _diagnostic(batch_id, "unknown_submission", []), "text/xml")
            batch["asked"] = int(batch["asked"]) + 1
            asked = batch["asked"]
            if asked == 1:
                return self._send(200, _diagnostic(batch_id, "queued", []), "text/xml")
            if asked == 2:
                return self._send(200, _diagnostic(batch_id, "in_process", []), "text/xml")
            records = []
            for doi in batch["dois"]:  # type: ignore[attr-defined]
                if doi in stand.failing_dois:
                    records.append((doi, "Failure", CROSSREF_FAILURE))
                elif doi in stand.warning_dois:
                    records.append((doi, "Warning", "Added with conflict"))
                else:
                    records.append((doi, "Success", "Successfully added"))
            return self._send(200, _diagnostic(batch_id, "completed", records), "text/xml")

        def _doaj_upload(self, body: bytes) -> None:
            if parse_qs(urlsplit(self.path).query).get("api_key") != [API_KEY]:
                return self._json(401, {"status": "unauthorised", "error": "bad api key"})
            upload_id = uuid.uuid4().hex
            stand.uploads[upload_id] = {"articles": json.loads(body), "asked": 0}
            status = f"http://{self.headers['Host']}/api/v4/bulk/articles/{upload_id}"
            return self._json(202, {"msg": "being processed", "upload_id": upload_id,
                                    "status": status})  # fmt: skip

        # ---------------------------------------------------------------- GET

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            if parse_qs(parts.query).get("api_key") != [API_KEY]:
                return self._json(401, {"status": "unauthorised", "error": "bad api key"})
            stand.questions += 1
            if stand.slow:
                time.sleep(1.0)
            upload_id = parts.path.rsplit("/", 1)[-1]
            upload = stand.uploads.get(upload_id)
            if upload is None:
                return self._json(400, {"status": "bad_request", "error": "upload_id is invalid"})
            upload["asked"] = int(upload["asked"]) + 1
            asked = upload["asked"]
            status: dict[str, object] = {"id": upload_id, "created": "2026-11-30T08:00:00Z"}
            if asked == 1:
                return self._json(200, {**status, "status": "pending"})
            if asked == 2:
                return self._json(200, {**status, "status": "validated"})
            articles = upload["articles"]
            failed = [
                a for a in articles  # type: ignore[attr-defined]
                if {i["id"] for i in a["bibjson"]["identifier"]} & stand.unowned_issns
            ]  # fmt: skip
            ok = len(articles) - len(failed)  # type: ignore[arg-type]
            word = "processed" if not failed else ("failed" if not ok else "processed_partial")
            status.update(
                status=word,
                results={"imported": ok, "failed": len(failed), "update": 0, "new": ok},
                failure_reasons={
                    "shared": [], "unowned": sorted(stand.unowned_issns), "unmatched": []
                },
            )  # fmt: skip
            if word == "failed":
                status["error"] = "All articles in file failed to import"
            return self._json(200, status)

    return Handler


@pytest.fixture
def stand() -> Iterator[tuple[Stand, str]]:
    state = Stand()
    with local_server(_handler(state)) as base:
        yield state, base


@pytest.fixture(autouse=True)
def _credentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deposit_environment(tmp_path, monkeypatch)


@pytest.fixture
def issue_file(tmp_path: Path, run) -> Path:
    """The two-article issue as one Crossref deposit."""
    out = tmp_path / "out"
    result = run("convert", *sorted(ISSUE.glob("*.yaml")), "--to", "crossref", "--per-issue",
                 "-o", out)  # fmt: skip
    assert result.code == 0, result.err
    (path,) = out.iterdir()
    return path


@pytest.fixture
def doaj_file(tmp_path: Path, run) -> Path:
    """One DOAJ file holding two articles; the second says it is in another journal (ISSN
    0317-8471), so that DOAJ can refuse it alone."""
    out = tmp_path / "doaj"
    result = run("convert", *sorted(ISSUE.glob("*.yaml")), "--to", "doaj", "-o", out)
    assert result.code == 0, result.err
    first, second = sorted(out.glob("*.doaj.xml"), reverse=True)  # streltsov-6 first
    root = etree.parse(str(first)).getroot()
    for record in etree.parse(str(second)).getroot():
        for issn in record.iter("issn", "eissn"):
            issn.text = "0317-8471"
        root.append(record)
    path = tmp_path / "two.doaj.xml"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return path


FAST = ("--poll-interval", "0", "--backoff", "0", "--timeout", "5")


def _no_secrets(*texts: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"secret leaked: {text!r}"


# ------------------------------------------------------------------ Crossref


def test_crossref_wait_prints_each_doi_and_fails_on_a_failure(
    stand, issue_file, run, caplog
) -> None:
    state, base = stand
    caplog.set_level(logging.DEBUG)
    result = run("deposit", "crossref", issue_file, "--endpoint", base + "/servlet/deposit",
                 "--wait", *FAST)  # fmt: skip
    assert result.code == 5, result.err
    (batch_id,) = state.batches
    assert f"Crossref doi_batch_id {batch_id}: completed" in result.out
    assert "2 records: 1 success, 0 warning, 1 failure" in result.out
    lines = result.out.splitlines()
    assert any(
        line.split()[:2] == ["Success", "10.5555/jsr.2018.3.6"]
        and line.endswith("Successfully added")
        for line in lines
    )
    assert any(
        line.split()[:2] == ["Failure", FAILING_DOI] and line.endswith(CROSSREF_FAILURE)
        for line in lines
    )
    assert state.batches[batch_id]["asked"] == 3  # queued, in process, completed
    assert not state.seen_credentials_in_url
    _no_secrets(result.out, result.err, caplog.text)


def test_crossref_wait_all_success_exits_0_and_json(stand, issue_file, run) -> None:
    state, base = stand
    state.failing_dois = set()
    state.warning_dois = {FAILING_DOI}
    result = run("deposit", "crossref", issue_file, "--endpoint", base + "/servlet/deposit",
                 "--wait", "--json", *FAST)  # fmt: skip
    assert result.code == 0, result.err
    (item,) = json.loads(result.out)
    assert item["ok"] is True and item["submission"] == next(iter(state.batches))
    outcome = item["result"]
    assert outcome["state"] == "completed" and outcome["succeeded"] is True
    statuses = {r["record"]: r["status"] for r in outcome["records"]}
    assert statuses == {"10.5555/jsr.2018.3.6": "Success", FAILING_DOI: "Warning"}


def test_crossref_status_later_and_pending_log(stand, issue_file, run) -> None:
    state, base = stand
    sent = run("deposit", "crossref", issue_file, "--endpoint", base + "/servlet/deposit")
    assert sent.code == 0, sent.err
    (batch_id,) = state.batches
    assert f"deposit status {batch_id}" in sent.out
    listed = run("deposit", "status", "--list")
    assert batch_id in listed.out and "pending" in listed.out and str(issue_file) in listed.out
    first = run("deposit", "status", *FAST)  # no argument: every pending submission
    assert first.code == 6 and f"{batch_id}: queued" in first.out
    second = run("deposit", "status", batch_id, *FAST)
    assert second.code == 6 and "in process" in second.out
    third = run("deposit", "status", *FAST)
    assert third.code == 5
    assert f"Failure  {FAILING_DOI}" in third.out
    # Completed now: nothing is pending any more.
    after = run("deposit", "status")
    assert after.code == 0 and "no deposits pending (1 in the local log" in after.out
    listed = run("deposit", "status", "--list", "--json")
    (entry,) = json.loads(listed.out)
    assert entry["state"] == "completed" and entry["succeeded"] is False
    assert entry["outcome"] == "2 records: 1 success, 0 warning, 1 failure"
    _no_secrets(Path(entry["status_url"]).as_posix(), json.dumps(entry))


def test_sending_a_crossref_file_again_says_it_was_sent_and_to_convert_again(
    stand, issue_file, run, tmp_path: Path
) -> None:
    """A journal manager fixes a record in OJS after Crossref failed it and deposits the old
    file again: Crossref would refuse every record it registered from it (its timestamp is no
    newer). The file is still sent (a record failed for a cause fixed on Crossref's side goes
    through so), with a warning saying when it was sent, how it ended and what to do."""
    state, base = stand
    endpoint = ("--endpoint", base + "/servlet/deposit")
    first = run("deposit", "crossref", issue_file, *endpoint, "--wait", *FAST)
    assert first.code == 5, first.err  # one record failed
    assert "warning" not in first.err
    (batch_id,) = state.batches
    dry = run("deposit", "crossref", issue_file, *endpoint, "--dry-run")
    assert dry.code == 0, dry.err
    assert (
        f"{issue_file}: warning: doi_batch_id {batch_id} was sent on 20" in dry.err
        and "(completed: 2 records: 1 success, 0 warning, 1 failure): Crossref refuses again "
        "each record it registered from this file, its timestamp being no newer; to send "
        "corrected articles, convert them again (--to crossref) and deposit the new file"
        in dry.err
    )
    again = run("deposit", "crossref", issue_file, *endpoint)
    assert again.code == 0 and f"doi_batch_id {batch_id} was sent on" in again.err
    # the log keeps how the first sending ended beside the second (it was made pending again)
    listed = run("deposit", "status", "--list")
    lines = [line for line in listed.out.splitlines() if batch_id in line]
    assert len(lines) == 2, listed.out
    assert "completed" in lines[0] and "1 failure" in lines[0] and "pending" in lines[1]
    # Converted again: a new doi_batch_id and timestamp, sent without a word.
    out = tmp_path / "again"
    converted = run("convert", *sorted(ISSUE.glob("*.yaml")), "--to", "crossref",
                    "--per-issue", "-o", out)  # fmt: skip
    assert converted.code == 0, converted.err
    (fresh,) = out.iterdir()
    result = run("deposit", "crossref", fresh, *endpoint)
    assert result.code == 0 and "warning" not in result.err
    assert len(state.batches) == 2


def test_a_crossref_file_not_taken_is_sent_again_without_a_word(
    stand, issue_file, run, monkeypatch
) -> None:
    """A file Crossref did not take (a wrong password) left nothing registered: no warning."""
    state, base = stand
    endpoint = ("--endpoint", base + "/servlet/deposit")
    monkeypatch.setenv("CROSSREF_PASSWORD", "wrong-password-123")
    refused = run("deposit", "crossref", issue_file, *endpoint, *FAST)
    assert refused.code == 5 and not state.batches
    monkeypatch.setenv("CROSSREF_PASSWORD", PASSWORD)
    result = run("deposit", "crossref", issue_file, *endpoint)
    assert result.code == 0 and "warning" not in result.err


def test_crossref_unknown_batch_id(stand, run) -> None:
    _, base = stand
    result = run("deposit", "status", "no-such-batch", "--service", "crossref",
                 "--endpoint", base + "/servlet/deposit", *FAST)  # fmt: skip
    assert result.code == 5
    assert "Crossref knows no submission with doi_batch_id no-such-batch" in result.out
    # what to do next, as deposit's messages say it
    assert (
        "ask again in a few minutes if it was just sent; else check the id ('jatsconv deposit "
        "status --list' shows those sent) and the system it went to (--test for Crossref's test "
        "system, --endpoint for another)"
    ) in result.out


def test_a_failed_status_question_says_what_to_do_next(stand, issue_file, run) -> None:
    """A status question that fails (the service not reached, an address that is no
    service's, no answer in time) said what failed and stopped there: it says what to do next,
    as ``deposit``'s messages do."""
    state, base = stand
    run("deposit", "crossref", issue_file, "--endpoint", base + "/servlet/deposit")
    (batch_id,) = state.batches
    again = f"the submission keeps its state: ask again later, 'jatsconv deposit status {batch_id}'"
    state.moved = True
    moved = run("deposit", "status", batch_id, *FAST)
    assert moved.code == 5
    assert (
        "Crossref answered HTTP 404: no such endpoint; check the deposit URL it was sent to "
        "(--endpoint, --test for Crossref's test system)"
    ) in moved.out
    state.moved, state.slow = False, True
    late = run("deposit", "status", batch_id, "--timeout", "0.2", "--retries", "0")
    assert late.code == 5
    assert f"no answer within 0.2 s; {again}; --timeout S waits longer for it" in late.out
    down = run("deposit", "status", batch_id, "--service", "crossref",
               "--endpoint", "http://127.0.0.1:9/servlet/deposit", "--retries", "0")  # fmt: skip
    assert down.code == 5
    assert "could not ask Crossref after 1 attempt: " in down.out
    # (the one-off address asked, the advice repeats it: the plain command asks the logged one)
    assert f"{again[:-1]} --service crossref --endpoint http://127.0.0.1:9/servlet/deposit'" in (
        down.out
    )
    listed = run("deposit", "status", "--list", "--json")
    assert json.loads(listed.out)[0]["state"] == "pending"  # (asked again: nothing changed)


def test_crossref_status_wrong_login(stand, issue_file, run, monkeypatch) -> None:
    state, base = stand
    run("deposit", "crossref", issue_file, "--endpoint", base + "/servlet/deposit")
    (batch_id,) = state.batches
    monkeypatch.setenv("CROSSREF_PASSWORD", "wrong-password-123")
    result = run("deposit", "status", batch_id, *FAST)
    assert result.code == 5
    assert "Crossref refused the login (HTTP 401): check CROSSREF_USERNAME and " in result.out
    _no_secrets(result.out, result.err)
    assert "wrong-password-123" not in result.out + result.err


def test_crossref_status_timeout(stand, issue_file, run) -> None:
    state, base = stand
    run("deposit", "crossref", issue_file, "--endpoint", base + "/servlet/deposit")
    (batch_id,) = state.batches
    state.slow = True
    result = run("deposit", "status", batch_id, "--timeout", "0.2", "--retries", "1",
                 "--backoff", "0")  # fmt: skip
    assert result.code == 5
    assert "could not ask Crossref after 2 attempts: no answer within 0.2 s" in result.out


def test_crossref_wait_limit_leaves_it_pending(stand, issue_file, run) -> None:
    _, base = stand
    result = run("deposit", "crossref", issue_file, "--endpoint", base + "/servlet/deposit",
                 "--wait", "--wait-limit", "0.3", "--poll-interval", "0.2")  # fmt: skip
    assert result.code == 6, result.out + result.err
    assert "still queued when the wait ended" in result.out or "still in process" in result.out
    listed = run("deposit", "status", "--list", "--json")
    assert json.loads(listed.out)[0]["state"] == "pending"


def test_wait_backs_off_and_stops_at_the_limit() -> None:
    clock = [0.0]
    delays: list[float] = []

    def sleep(seconds: float) -> None:
        delays.append(seconds)
        clock[0] += seconds

    def ask() -> Outcome:
        clock[0] += 0.5  # each question takes a while
        return Outcome("crossref", "b", "pending", "queued")

    outcome, timed_out = wait_for(ask, 60, 5, sleep, lambda: clock[0])
    assert timed_out and outcome.state == "pending"
    assert delays == [5, 10, 20]  # doubling; the next (40 s) would pass the limit


def test_batch_failure_without_dois_applies_to_every_doi() -> None:
    data = (
        b'<doi_batch_diagnostic status="completed"><record_diagnostic status="Failure">'
        b"<doi/><msg>Deposit not processed: XML is not valid</msg></record_diagnostic>"
        b"</doi_batch_diagnostic>"
    )
    outcome = parse_crossref_result(data, "b", ["10.1/a", "10.1/b"])
    assert [(r.record, r.status) for r in outcome.records] == [
        ("10.1/a", "Failure"),
        ("10.1/b", "Failure"),
    ]
    assert not outcome.succeeded


# ------------------------------------------------------------------ DOAJ


def test_doaj_wait_prints_each_article_and_fails_on_a_failure(
    stand, doaj_file, run, caplog
) -> None:
    state, base = stand
    caplog.set_level(logging.DEBUG)
    state.unowned_issns = {"0317-8471"}
    result = run("deposit", "doaj", doaj_file, "--endpoint", base + "/api/v4/bulk/articles",
                 "--wait", *FAST)  # fmt: skip
    assert result.code == 5, result.out + result.err
    (upload_id,) = state.uploads
    assert f"DOAJ upload {upload_id}: completed" in result.out
    assert "2 records: 1 success, 0 warning, 1 failure" in result.out
    assert "Success  10.5555/jsr.2018.3.6" in result.out
    assert "ISSN 0317-8471 belongs to a journal your DOAJ account does not own" in result.out
    assert f"Failure  {FAILING_DOI}" in result.out
    assert state.uploads[upload_id]["asked"] == 3
    _no_secrets(result.out, result.err, caplog.text)


def test_doaj_wait_all_imported(stand, doaj_file, run) -> None:
    _, base = stand
    result = run("deposit", "doaj", doaj_file, "--endpoint", base + "/api/v4/bulk/articles",
                 "--wait", "--json", *FAST)  # fmt: skip
    assert result.code == 0, result.out + result.err
    (item,) = json.loads(result.out)
    assert item["result"]["succeeded"] is True
    assert [r["status"] for r in item["result"]["records"]] == ["Success", "Success"]


def test_doaj_status_unknown_id_and_bad_key(stand, doaj_file, run, monkeypatch) -> None:
    state, base = stand
    unknown = "0" * 32
    result = run("deposit", "status", unknown, "--endpoint", base + "/api/v4/bulk/articles",
                 *FAST)  # fmt: skip
    assert result.code == 5 and f"DOAJ knows no upload {unknown}" in result.out
    assert (
        "check the id ('jatsconv deposit status --list' shows those sent) and that DOAJ_API_KEY "
        "is the key it was sent with"
    ) in result.out
    run("deposit", "doaj", doaj_file, "--endpoint", base + "/api/v4/bulk/articles")
    (upload_id,) = state.uploads
    monkeypatch.setenv("DOAJ_API_KEY", "another-key-987")
    result = run("deposit", "status", upload_id, *FAST)
    assert (
        result.code == 5 and "DOAJ refused the API key (HTTP 401): check DOAJ_API_KEY" in result.out
    )
    assert "another-key-987" not in result.out + result.err


def test_doaj_status_timeout(stand, doaj_file, run) -> None:
    state, base = stand
    run("deposit", "doaj", doaj_file, "--endpoint", base + "/api/v4/bulk/articles")
    (upload_id,) = state.uploads
    state.slow = True
    result = run("deposit", "status", upload_id, "--timeout", "0.2", "--retries", "0")
    assert result.code == 5 and "could not ask DOAJ after 1 attempt: no answer" in result.out


# ------------------------------------------------------------------ dry run


def test_dry_run_names_schema_endpoint_records_never_credentials(issue_file, run) -> None:
    schema = EXTERNAL / "crossref-5.3.1"
    result = run("deposit", "crossref", issue_file, "--dry-run", "--crossref-schema", schema)
    assert result.code == 0, result.err
    assert f"{issue_file}: checked against crossref5.3.1.xsd in {schema}: passed" in result.out
    assert "would POST to https://doi.crossref.org/servlet/deposit" in result.out
    assert "2 records: 10.5555/jsr.2018.3.21, 10.5555/jsr.2018.3.6" in result.out
    assert "credentials: credentials found (not shown)" in result.out
    _no_secrets(result.out, result.err)
    result = run("deposit", "crossref", issue_file, "--dry-run")
    assert "not checked against the Crossref schema: none configured" in result.out


def test_dry_run_says_when_the_schema_fails(issue_file, run) -> None:
    schema = EXTERNAL / "crossref-5.3.1"
    issue_file.write_bytes(issue_file.read_bytes().replace(b"<surname>", b"<surname_x>", 1)
                           .replace(b"</surname>", b"</surname_x>", 1))  # fmt: skip
    result = run("deposit", "crossref", issue_file, "--dry-run", "--crossref-schema", schema)
    assert result.code == 1
    assert "checked against crossref5.3.1.xsd" in result.out and ": failed (" in result.out


def test_doaj_dry_run(doaj_file, run) -> None:
    result = run("deposit", "doaj", doaj_file, "--dry-run")
    assert result.code == 0
    assert "would POST to https://doaj.org/api/v4/bulk/articles" in result.out
    assert "2 articles: 10.5555/jsr.2018.3.6" in result.out
    assert "API key found (not shown)" in result.out
    _no_secrets(result.out, result.err)


def test_a_failed_question_leaves_the_submission_pending(stand, issue_file, run) -> None:
    """A status question that fails (no answer in time) says nothing of the submission: a
    later 'deposit status' asks about it again."""
    state, base = stand
    run("deposit", "crossref", issue_file, "--endpoint", base + "/servlet/deposit")
    (batch_id,) = state.batches
    state.slow = True
    failed = run("deposit", "status", "--timeout", "0.2", "--retries", "0")
    assert failed.code == 5
    assert "could not ask Crossref after 1 attempt: no answer within 0.2 s" in failed.out
    listed = run("deposit", "status", "--list", "--json")
    (entry,) = json.loads(listed.out)
    assert entry["state"] == "pending"
    assert entry["outcome"].startswith("last question failed: could not ask Crossref")
    state.slow = False
    again = run("deposit", "status", *FAST)
    assert (
        again.code == 6 and f"{batch_id}: " in again.out and "no deposits pending" not in again.out
    )


def test_a_one_off_endpoint_does_not_change_where_a_logged_deposit_is_asked_about(
    stand, issue_file, run
) -> None:
    """``deposit status ID --endpoint URL`` for an id in the local log saved URL as the
    entry's: every later question, ``deposit status`` with no id too, went there, not where
    the file was sent. It asks there once; the log keeps the address of the deposit."""
    state, base = stand
    sent = run("deposit", "crossref", issue_file, "--endpoint", base + "/servlet/deposit")
    assert sent.code == 0, sent.err
    (batch_id,) = state.batches

    def logged_url() -> str:
        listed = run("deposit", "status", "--list", "--json")
        (entry,) = json.loads(listed.out)
        return str(entry["status_url"])

    where = logged_url()
    elsewhere = "http://127.0.0.1:9/servlet/deposit"  # (nothing listens there)
    once = run("deposit", "status", batch_id, "--endpoint", elsewhere, *FAST)
    assert once.code == 5 and "the submission keeps its state" in once.out + once.err
    assert state.batches[batch_id]["asked"] == 0  # (asked there, not here)
    assert logged_url() == where
    later = run("deposit", "status", *FAST)  # every pending one: where it was sent
    assert later.code == 6 and f"{batch_id}: queued" in later.out
    assert state.batches[batch_id]["asked"] == 1


def test_a_failed_question_repeats_the_options_that_chose_where_to_ask(
    stand, issue_file, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The advice to ask again left out --service/--test/--endpoint: for an id not in the
    local log it then asked about it where it was not sent. ``deposit status ID --test`` for
    an id in the log ignored --test and asked the logged address: it asks Crossref's test
    system once, the log keeping where the file was sent."""
    import converter.commands.deposit as command

    nowhere = "http://127.0.0.1:9/servlet/deposit"  # (nothing listens there)
    unlogged = run("deposit", "status", "no-such-batch", "--service", "crossref",
                   "--endpoint", nowhere, *FAST)  # fmt: skip
    assert unlogged.code == 5
    assert (
        "ask again later, 'jatsconv deposit status no-such-batch --service crossref "
        f"--endpoint {nowhere}'"
    ) in unlogged.out
    upload = "0" * 32  # (a DOAJ upload id: --test is Crossref's)
    doaj = run("deposit", "status", upload, "--test", "--endpoint", "http://127.0.0.1:9/api", *FAST)
    assert f"--test ignored for DOAJ upload {upload}: it is Crossref's test system" in doaj.err
    assert f"'jatsconv deposit status {upload} --endpoint http://127.0.0.1:9/api'" in doaj.out
    state, base = stand
    assert run("deposit", "crossref", issue_file, "--endpoint", base + "/servlet/deposit").code == 0
    (batch_id,) = state.batches
    where = json.loads(run("deposit", "status", "--list", "--json").out)[0]["status_url"]
    monkeypatch.setattr(command, "CROSSREF_TEST", nowhere)  # (no network in tests)
    test = run("deposit", "status", batch_id, "--test", *FAST)
    assert test.code == 5, test.out + test.err
    assert f"ask again later, 'jatsconv deposit status {batch_id} --test'" in test.out
    assert state.batches[batch_id]["asked"] == 0  # (asked there, not where it was sent)
    assert json.loads(run("deposit", "status", "--list", "--json").out)[0]["status_url"] == where
    helped = " ".join(run("deposit", "status", "--help").out.split())
    assert "--endpoint URL Deposit URL of an id that is not in the local log" not in helped
    assert helped.count("an id in the local log: this once") == 2  # (--test and --endpoint)
    pending = run("deposit", "status", "--test", *FAST)  # (no id: each where it was sent)
    assert "--service, --test and --endpoint are for the ids given" in pending.err
    assert f"{batch_id}: queued" in pending.out and state.batches[batch_id]["asked"] == 1


def test_a_logged_id_given_with_another_service_is_refused(stand, issue_file, run) -> None:
    """``--service`` is for an id not in the local log: a logged Crossref id given with
    ``--service doaj`` was asked of DOAJ in an entry made up for it, which was then logged
    beside the real one. It is refused, naming the service the log holds it for."""
    state, base = stand
    assert run("deposit", "crossref", issue_file, "--endpoint", base + "/servlet/deposit").code == 0
    (batch_id,) = state.batches
    before = json.loads(run("deposit", "status", "--list", "--json").out)
    result = run("deposit", "status", batch_id, "--service", "doaj", *FAST)
    assert result.code == 2, result.out + result.err
    assert f"{batch_id} is in the local log as a Crossref deposit" in result.err
    assert "it is asked of Crossref; leave out --service doaj" in result.err
    assert json.loads(run("deposit", "status", "--list", "--json").out) == before
    assert state.batches[batch_id]["asked"] == 0
    # the same service, or none, asks it where it was sent
    same = run("deposit", "status", batch_id, "--service", "crossref", *FAST)
    assert same.code == 6 and f"{batch_id}: queued" in same.out
    assert len(json.loads(run("deposit", "status", "--list", "--json").out)) == 1
