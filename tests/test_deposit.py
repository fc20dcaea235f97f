"""Deposit client against local servers on 127.0.0.1 that behave like Crossref and DOAJ.

They accept, reject, time out and answer 5xx; some echo the credentials they were sent, as a
careless service might, to prove those never reach stdout, stderr, logs or exceptions.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import (
    BILINGUAL,
    DEPOSIT_API_KEY,
    DEPOSIT_PASSWORD,
    DEPOSIT_USER,
    EXTERNAL,
    ROOT,
    deposit_environment,
    local_server,
)
from converter.api import render
from converter.commands import exit_codes
from converter.deposit import (
    DepositError,
    Transport,
    check_endpoint,
    crossref_credentials,
    deposit_crossref,
)
from converter.errors import COMMAND_EXIT_WORDS
from converter.options import Options
from converter.readers.native import load_article

USER, PASSWORD, API_KEY = DEPOSIT_USER, DEPOSIT_PASSWORD, DEPOSIT_API_KEY
SECRETS = (USER, PASSWORD, API_KEY, "s3cr3t", "doaj-key-0123")


@dataclass
class Service:
    """What the fake service does next and what it received."""

    modes: list[str] = field(default_factory=lambda: ["accept"])
    requests: list[dict[str, object]] = field(default_factory=list)

    def next_mode(self) -> str:
        return self.modes.pop(0) if len(self.modes) > 1 else self.modes[0]


def _handler(service: Service):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            record: dict[str, object] = {"path": self.path, "headers": dict(self.headers)}
            ctype = self.headers.get("Content-Type", "")
            if ctype.startswith("multipart/form-data"):
                message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                    f"Content-Type: {ctype}\r\n\r\n".encode() + body
                )
                parts = {}
                for part in message.iter_parts():
                    name = part.get_param("name", header="content-disposition")
                    parts[name] = (part.get_filename(), part.get_payload(decode=True))
                record["form"] = parts
            else:
                record["json"] = json.loads(body)
                record["query"] = parse_qs(urlsplit(self.path).query)
            service.requests.append(record)
            mode = service.next_mode()
            if mode == "timeout":
                time.sleep(1.0)
                return self._send(200, b"late")
            if mode == "5xx":
                return self._send(503, b"<html><body>Service Unavailable</body></html>")
            if mode == "auth":
                return self._send(401, b"<html>Unauthorized</html>")
            if mode == "reject-echo":
                form = record.get("form", {})
                user = form.get("login_id", (None, b""))[1].decode() if form else ""
                pwd = form.get("login_passwd", (None, b""))[1].decode() if form else ""
                key = record.get("query", {}).get("api_key", [""])[0] if not form else ""
                text = f"FAILURE: bad data from {user} with {pwd} {key}".encode()
                code = 200 if form else 400
                return self._send(code, b"<html><body><h2>" + text + b"</h2></body></html>")
            if mode in _RAW:  # not an HTTP answer, or one cut short
                self.wfile.write(_RAW[mode])
                self.close_connection = True
                return None
            if mode in _ODD_200:
                return self._send(200, _ODD_200[mode])
            if ctype.startswith("multipart/form-data"):
                return self._send(200, CROSSREF_SUCCESS)
            if mode == "no-upload-id":
                return self._send(202, b'{"msg": "ok"}')
            return self._send(
                202, json.dumps({"msg": "being processed", "upload_id": UPLOAD}).encode()
            )

        def _send(self, code: int, body: bytes) -> None:
            try:
                self.send_response(code)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


# Crossref's deposit servlet's answer to an upload it queued (the page, as Crossref sends it).
CROSSREF_SUCCESS = (
    b"<html>\n<head><title>SUCCESS</title>\n</head>\n<body>\n<h2>SUCCESS</h2>\n"
    b"<p>Your batch submission was successfully received.</p>\n</body>\n</html>\n"
)
UPLOAD = "0123456789abcdef0123456789abcdef"
_RAW = {
    "cut-off": b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial",
    "bad-status": b"GARBAGE\r\n\r\n",
}
_ODD_200 = {
    "empty": b"",
    "garbage": b"\x00\xff\xfe garbage \x89PNG",
    "maintenance": b"<html><body><h1>Down for maintenance</h1></body></html>",
    # FAILURE after the first 300 characters of the page
    "login-failed": b"<html><body><h2>FAILURE</h2><p>Login failed: user not authorised</p>"
    b"</body></html>",
    "late-failure": b"<html><head><style>" + b"x" * 600 + b"</style><title>Deposit</title></head>"
    b"<body><h2>FAILURE</h2><p>Login failed: user not authorised</p></body></html>",
}


@pytest.fixture
def service() -> Iterator[tuple[Service, str]]:
    state = Service()
    with local_server(_handler(state)) as base:
        yield state, base


@pytest.fixture(autouse=True)
def _credentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deposit_environment(tmp_path, monkeypatch)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    article = load_article(BILINGUAL)
    out = {}
    for target in ("crossref", "doaj"):
        output = render(article, Options(target=target), target)
        assert output.valid, output.problems
        path = tmp_path / f"streltsov-6.{target}.xml"
        path.write_bytes(output.data)
        out[target] = path
    return out


FAST = ("--backoff", "0", "--timeout", "0.3")


def _assert_no_secrets(*texts: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"secret leaked: {text!r}"


# ------------------------------------------------------------------ Crossref


def test_crossref_accepts(service, files, run, caplog) -> None:
    state, base = service
    caplog.set_level(logging.DEBUG)
    result = run("deposit", "crossref", files["crossref"], "--endpoint", base + "/servlet/deposit")
    assert result.code == 0, result.err
    assert "queued by Crossref" in result.out
    (request,) = state.requests
    form = request["form"]
    assert form["operation"][1] == b"doMDUpload"
    assert form["login_id"][1].decode() == USER
    assert form["login_passwd"][1].decode() == PASSWORD
    assert form["fname"][0] == "streltsov-6.crossref.xml"
    assert form["fname"][1] == files["crossref"].read_bytes()
    _assert_no_secrets(result.out, result.err, caplog.text)


def test_crossref_rejection_is_clear_and_redacted(service, files, run, caplog) -> None:
    state, base = service
    state.modes = ["reject-echo"]
    caplog.set_level(logging.DEBUG)
    result = run("deposit", "crossref", files["crossref"], "--endpoint", base, *FAST)
    assert result.code == 5
    assert "Crossref rejected the deposit (HTTP 200): FAILURE: bad data from *** with ***" in (
        result.err
    )
    _assert_no_secrets(result.out, result.err, caplog.text)


def test_crossref_bad_login(service, files, run) -> None:
    state, base = service
    state.modes = ["auth"]
    result = run("deposit", "crossref", files["crossref"], "--endpoint", base, *FAST)
    assert result.code == 5
    assert (
        "Crossref refused the login (HTTP 401): check CROSSREF_USERNAME and CROSSREF_PASSWORD "
        "(or username and password in the [crossref] section of the config file)" in result.err
    )
    _assert_no_secrets(result.out, result.err)


def test_crossref_login_failed_page_says_which_credentials_to_check(
    service, files, run, tmp_path: Path
) -> None:
    """Crossref answers a wrong password with HTTP 200 and a FAILURE page saying the login
    failed: the user is told to check the credentials and where they come from, not left to
    look for a fault in the deposit file."""
    state, base = service
    state.modes = ["login-failed"]
    result = run("deposit", "crossref", files["crossref"], "--endpoint", base, *FAST)
    assert result.code == 5
    assert (
        "failed: Crossref refused the login (HTTP 200: FAILURE Login failed: user not "
        "authorised): check CROSSREF_USERNAME and CROSSREF_PASSWORD (or username and password "
        "in the [crossref] section of the config file)" in result.err
    )
    assert len(state.requests) == 1  # a refused login is final: not tried again
    (entry,) = _log(tmp_path)
    assert entry["state"] == "failed" and "check CROSSREF_USERNAME" in entry["outcome"]
    _assert_no_secrets(result.out, result.err)


def test_crossref_retries_5xx_then_succeeds(service, files, run, caplog) -> None:
    state, base = service
    state.modes = ["5xx", "5xx", "accept"]
    caplog.set_level(logging.INFO)
    result = run("deposit", "crossref", files["crossref"], "--endpoint", base, *FAST, "--json")
    assert result.code == 0, result.err
    payload = json.loads(result.out)
    assert payload[0]["ok"] is True and payload[0]["attempts"] == 3
    assert len(state.requests) == 3
    assert "HTTP 503; retrying" in caplog.text
    _assert_no_secrets(result.out, result.err, caplog.text)


def test_crossref_gives_up_on_5xx(service, files, run) -> None:
    state, base = service
    state.modes = ["5xx"]
    result = run("deposit", "crossref", files["crossref"], "--endpoint", base, *FAST)
    assert result.code == 5
    assert "could not take the deposit after 3 attempts: HTTP 503" in result.err
    assert len(state.requests) == 3


def test_crossref_timeout(service, files, run, caplog) -> None:
    state, base = service
    state.modes = ["timeout"]
    caplog.set_level(logging.DEBUG)
    result = run(
        "deposit", "crossref", files["crossref"], "--endpoint", base, *FAST, "--retries", "1"
    )
    assert result.code == 5
    assert "after 2 attempts: no answer within 0.3 s" in result.err
    _assert_no_secrets(result.out, result.err, caplog.text)


def test_crossref_unreachable(files, run) -> None:
    result = run("deposit", "crossref", files["crossref"], "--endpoint", "http://127.0.0.1:9/x",
                 *FAST)  # fmt: skip
    assert result.code == 5
    assert "cannot connect: 127.0.0.1:9 refused the connection (nothing answers there)" in (
        result.err
    )
    assert "Errno" not in result.err
    _assert_no_secrets(result.out, result.err)


def test_backoff_doubles(service, files) -> None:
    state, base = service
    state.modes = ["5xx"]
    delays: list[float] = []
    transport = Transport(timeout=1, attempts=4, backoff=0.5, sleep=delays.append)
    attempt = deposit_crossref(files["crossref"], base, (USER, PASSWORD), transport)
    assert not attempt.ok and attempt.attempts == 4
    assert delays == [0.5, 1.0, 2.0]


def test_crossref_dry_run_sends_nothing(service, files, run) -> None:
    state, base = service
    result = run("deposit", "crossref", files["crossref"], "--endpoint", base, "--dry-run")
    assert result.code == 0
    assert "would POST to" in result.out and "credentials found" in result.out
    assert state.requests == []
    _assert_no_secrets(result.out, result.err)


def test_crossref_validates_before_sending(service, files, run) -> None:
    state, base = service
    schema = EXTERNAL / "crossref-5.3.1"
    path = files["crossref"]
    path.write_bytes(path.read_bytes().replace(b"<surname>Streltsov</surname>", b""))
    result = run("deposit", "crossref", path, "--endpoint", base, "--crossref-schema", schema)
    assert result.code == 1
    assert "not sent" in result.err and state.requests == []


def test_a_file_without_issn_is_refused_before_sending(service, files, run) -> None:
    """Both schemas let a journal without ISSN pass; both services refuse it: never "passed"."""
    state, base = service
    schema = EXTERNAL / "crossref-5.3.1"
    path = files["crossref"]
    data = path.read_bytes()
    for issn in (b"2500-2872", b"2687-1440"):
        data = data.replace(b'<issn media_type="print">' + issn + b"</issn>", b"")
        data = data.replace(b'<issn media_type="electronic">' + issn + b"</issn>", b"")
    assert b"<issn" not in data
    path.write_bytes(data)
    refused = (
        "journal 1: Crossref needs an ISSN or a journal DOI in journal_metadata, and this one "
        "has neither"
    )
    for extra in ((), ("--crossref-schema", schema)):
        result = run("deposit", "crossref", path, "--endpoint", base, "--dry-run", *extra)
        assert result.code == 1
        assert f"streltsov-6.crossref.xml: error: {refused}" in result.err
        assert "passed" not in result.out
        assert "not sent: fix the files Crossref or its schema rejects" in result.err
        if extra:
            assert f"crossref5.3.1.xsd in {schema}: refused: {refused}" in result.out
        result = run("deposit", "crossref", path, "--endpoint", base, *extra)
        assert result.code == 1
    doaj = files["doaj"]
    doaj.write_bytes(
        doaj.read_bytes()
        .replace(b"<issn>2500-2872</issn>", b"")
        .replace(b"<eissn>2687-1440</eissn>", b"")
    )
    result = run("deposit", "doaj", doaj, "--endpoint", base, "--dry-run")
    assert result.code == 1
    assert (
        "streltsov-6.doaj.xml: error: record 1: DOAJ needs the journal's print or electronic "
        "ISSN (issn or eissn), and this record has neither" in result.err
    )
    assert state.requests == []


def test_credentials_never_from_command_line(files, run) -> None:
    result = run("deposit", "crossref", files["crossref"], "--password", PASSWORD)
    assert result.code == 2
    result = run("deposit", "crossref", files["crossref"], "--login-id", USER)
    assert result.code == 2


def test_missing_credentials(files, run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CROSSREF_USERNAME")
    monkeypatch.delenv("CROSSREF_PASSWORD")
    result = run("deposit", "crossref", files["crossref"], "--endpoint", "http://127.0.0.1:9")
    assert result.code == 5
    assert "Crossref credentials missing: set CROSSREF_USERNAME" in result.err


def test_credentials_from_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CROSSREF_USERNAME")
    monkeypatch.delenv("CROSSREF_PASSWORD")
    config = tmp_path / "config.toml"
    config.write_text('[crossref]\nusername = "cfg-user"\npassword = "cfg-pass"\n')
    monkeypatch.setenv("JATSCONV_CONFIG", str(config))
    assert crossref_credentials() == ("cfg-user", "cfg-pass")


def test_plain_http_refused_off_this_machine(files, run) -> None:
    with pytest.raises(DepositError) as info:
        check_endpoint("http://doi.example.org/servlet/deposit")
    assert "use https" in str(info.value)
    result = run("deposit", "crossref", files["crossref"], "--endpoint", "http://example.org/x")
    assert result.code == 5 and "refused" in result.err
    assert check_endpoint("https://test.crossref.org/servlet/deposit")


def test_not_a_crossref_file(files, run, tmp_path: Path) -> None:
    """A journal manager who gives one service's file to the other command is told which
    command sends it; a JATS file, which neither takes, how to make the file."""
    result = run("deposit", "crossref", files["doaj"], "--endpoint", "http://127.0.0.1:9")
    assert result.code == 3
    assert (
        "doaj.xml: not a Crossref 5.3.1 deposit but DOAJ article XML (root is <records>): "
        "send it with 'jatsconv deposit doaj'" in result.err
    )
    result = run("deposit", "doaj", files["crossref"], "--dry-run")
    assert result.code == 3
    assert (
        "crossref.xml: not DOAJ article XML but a Crossref deposit (root is <doi_batch>): "
        "send it with 'jatsconv deposit crossref'" in result.err
    )
    jats = tmp_path / "article.xml"
    jats.write_bytes(render(load_article(BILINGUAL), Options(), "jats").data)
    result = run("deposit", "crossref", jats, "--dry-run")
    assert result.code == 3 and (
        "not a Crossref 5.3.1 deposit (root is <article>; make one with 'jatsconv convert --to "
        "crossref')" in result.err
    )
    result = run("deposit", "crossref", files["crossref"].with_name("missing.xml"), "--dry-run")
    assert result.code == 3 and "missing.xml: cannot read" in result.err


def test_default_endpoints(files, run) -> None:
    result = run("deposit", "crossref", files["crossref"], "--dry-run")
    assert "https://doi.crossref.org/servlet/deposit" in result.out
    result = run("deposit", "crossref", files["crossref"], "--dry-run", "--test")
    assert "https://test.crossref.org/servlet/deposit" in result.out
    result = run("deposit", "doaj", files["doaj"], "--dry-run")
    assert "https://doaj.org/api/v4/bulk/articles" in result.out and "1 article" in result.out


# ------------------------------------------------------------------ DOAJ


def test_doaj_accepts(service, files, run, caplog) -> None:
    state, base = service
    caplog.set_level(logging.DEBUG)
    result = run("deposit", "doaj", files["doaj"], "--endpoint", base + "/api/v4/bulk/articles")
    assert result.code == 0, result.err
    assert f"1 article queued by DOAJ (HTTP 202) as upload {UPLOAD}" in result.out
    (request,) = state.requests
    assert request["query"]["api_key"] == [API_KEY]
    (record,) = request["json"]
    bib = record["bibjson"]
    assert bib["title"].startswith("Российско-японские")
    assert {"type": "doi", "id": "10.5555/jsr.2018.3.6"} in bib["identifier"]
    assert {"type": "eissn", "id": "2687-1440"} in bib["identifier"]
    assert bib["journal"] == {"volume": "2", "number": "3", "start_page": "6", "end_page": "20"}
    assert bib["year"] == "2018" and bib["month"] == "9"
    assert bib["link"][0]["content_type"] == "PDF"
    assert bib["author"][0]["name"] == "Dmitry V. Streltsov"
    _assert_no_secrets(result.out, result.err, caplog.text)


def test_doaj_rejection_redacted(service, files, run, caplog) -> None:
    state, base = service
    state.modes = ["reject-echo"]
    caplog.set_level(logging.DEBUG)
    result = run("deposit", "doaj", files["doaj"], "--endpoint", base, *FAST)
    assert result.code == 5
    assert "DOAJ rejected the articles (HTTP 400): FAILURE" in result.err
    _assert_no_secrets(result.out, result.err, caplog.text)


def test_doaj_bad_key_5xx_and_timeout(service, files, run, caplog) -> None:
    state, base = service
    caplog.set_level(logging.DEBUG)
    state.modes = ["auth"]
    result = run("deposit", "doaj", files["doaj"], "--endpoint", base, *FAST)
    assert result.code == 5 and "DOAJ refused the API key (HTTP 401)" in result.err
    state.modes = ["5xx"]
    result = run("deposit", "doaj", files["doaj"], "--endpoint", base, *FAST, "--retries", "1")
    assert result.code == 5 and "after 2 attempts: HTTP 503" in result.err
    state.modes = ["timeout"]
    result = run("deposit", "doaj", files["doaj"], "--endpoint", base, *FAST, "--retries", "0")
    assert result.code == 5 and "no answer within 0.3 s" in result.err
    _assert_no_secrets(result.out, result.err, caplog.text)


def test_doaj_missing_key(files, run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOAJ_API_KEY")
    result = run("deposit", "doaj", files["doaj"], "--endpoint", "http://127.0.0.1:9")
    assert result.code == 5 and "DOAJ API key missing" in result.err


def test_exceptions_carry_no_secrets(service, files) -> None:
    state, base = service
    state.modes = ["reject-echo"]
    attempt = deposit_crossref(files["crossref"], base, (USER, PASSWORD), Transport(attempts=1))
    assert not attempt.ok
    _assert_no_secrets(attempt.message, repr(attempt))


# ------------------------------------------------------------------ replies that are no answer


def _log(tmp_path: Path) -> list[dict[str, object]]:
    path = tmp_path / "state" / "deposits.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    ("mode", "detail"),
    [
        ("cut-off", "no HTTP status: the answer was cut off (7 of 1000 bytes)"),
        ("bad-status", "no HTTP status: not an HTTP answer ('GARBAGE\\r\\n')"),
        ("empty", "HTTP 200: an empty answer"),
        ("garbage", "HTTP 200:"),
        ("maintenance", "HTTP 200: Down for maintenance"),
    ],
)
def test_a_crossref_reply_that_is_not_its_answer_is_a_failure(
    service, files, run, tmp_path: Path, mode: str, detail: str
) -> None:
    """Only Crossref's SUCCESS page means queued; a reply cut short, no HTTP at all, or any
    other page is said unreadable (exit 5), and the batch stays in the log to be asked about."""
    state, base = service
    state.modes = [mode]
    result = run("deposit", "crossref", files["crossref"], "--endpoint", base, *FAST)
    assert result.code == 5, result.err
    assert f"failed: unreadable reply from Crossref ({detail}" in result.err
    assert "it may or may not have the file; see 'jatsconv deposit status " in result.err
    assert len(state.requests) == 1  # not sent again: Crossref may have it
    (entry,) = _log(tmp_path)
    assert entry["state"] == "pending" and entry["submission"]
    assert "unreadable reply from Crossref" in entry["outcome"]


def test_a_crossref_failure_page_is_a_rejection_wherever_it_says_failure(
    service, files, run, tmp_path: Path
) -> None:
    state, base = service
    state.modes = ["late-failure"]
    result = run("deposit", "crossref", files["crossref"], "--endpoint", base, *FAST)
    assert result.code == 5
    assert (
        "failed: Crossref refused the login (HTTP 200: FAILURE Login failed: user not "
        "authorised)" in result.err
    )
    (entry,) = _log(tmp_path)
    assert (entry["state"], entry["submission"]) == ("failed", "")
    assert entry["records"] == [{"record": "10.5555/jsr.2018.3.6"}]


@pytest.mark.parametrize(
    ("mode", "detail"),
    [
        ("bad-status", "no HTTP status: not an HTTP answer"),
        ("cut-off", "no HTTP status: the answer was cut off"),
        ("maintenance", "HTTP 200: no upload_id in Down for maintenance"),
        ("no-upload-id", 'HTTP 202: no upload_id in {"msg": "ok"}'),
    ],
)
def test_a_doaj_reply_without_upload_id_is_a_failure(
    service, files, run, tmp_path: Path, mode: str, detail: str
) -> None:
    state, base = service
    state.modes = [mode]
    result = run("deposit", "doaj", files["doaj"], "--endpoint", base, *FAST)
    assert result.code == 5, result.err
    assert f"failed: unreadable reply from DOAJ ({detail}" in result.err
    (entry,) = _log(tmp_path)
    assert entry["state"] == "failed" and "unreadable reply from DOAJ" in entry["outcome"]


def test_every_deposit_is_logged_with_its_outcome(service, files, run, tmp_path: Path) -> None:
    """Rejected, refused, unreachable and accepted deposits are all in the log; only the one
    taken is pending."""
    state, base = service
    for mode in ("reject-echo", "auth", "5xx", "accept"):
        state.modes = [mode]
        run("deposit", "crossref", files["crossref"], "--endpoint", base, *FAST, "--retries", "0")
    state.modes = ["reject-echo"]
    run("deposit", "doaj", files["doaj"], "--endpoint", base, *FAST)
    entries = _log(tmp_path)
    assert [(e["service"], e["state"]) for e in entries] == [
        ("crossref", "failed"),
        ("crossref", "failed"),
        ("crossref", "failed"),
        ("crossref", "pending"),
        ("doaj", "failed"),
    ]
    assert "Crossref rejected the deposit (HTTP 200): FAILURE" in entries[0]["outcome"]
    assert "Crossref refused the login (HTTP 401)" in entries[1]["outcome"]
    assert "after 1 attempt: HTTP 503" in entries[2]["outcome"]
    assert "DOAJ rejected the articles (HTTP 400)" in entries[4]["outcome"]
    result = run("deposit", "status", "--list")
    assert result.out.count("(no id: not taken)") == 4
    assert result.out.count("  failed: ") == 4
    _assert_no_secrets(result.out, (tmp_path / "state" / "deposits.jsonl").read_text())


def test_deposit_help_gives_the_readme_table_of_exit_codes(run) -> None:
    """`deposit` writes no output and checks the services' schemas, not the DTD: its --help
    lists its own exit codes, in the words of the README's table for deposit; a subcommand
    says a code in its own words where the table's do not fit it (``COMMAND_EXIT_WORDS``:
    `deposit crossref`'s 3 names a Crossref file alone). The README's row 3 lacked the
    configuration file that every deposit command reads."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("**Exit codes of `deposit`**", 1)[1].split("\n\n", 2)[1]
    rows = [line.split(" | ") for line in table.splitlines()[2:]]
    expected = {
        int(code.strip("| ")): f"  {code.strip('| '):>3}  {text.rstrip(' |').replace('`', '')}"
        for code, text in rows
    }
    assert len(expected) == 11
    for command in ("deposit", "deposit crossref", "deposit doaj", "deposit status"):
        out = run(*command.split(), "--help").out
        listed = out.split("Exit codes:\n", 1)[1].rstrip("\n").splitlines()
        own = COMMAND_EXIT_WORDS.get(command, {})
        shown = [
            f"  {code:>3}  {own[code]}" if code in own else line
            for code, line in expected.items()
            if code in exit_codes(command)
        ]
        assert [line.removeprefix("  ") for line in listed] == shown
        assert all(f"  {code:>3}  {words}" in out for code, words in own.items())
    assert len(shown) == 9  # deposit status: no file checked against a schema (1, 4)


def test_a_named_schema_that_is_not_there_exits_4(service, files, run, tmp_path: Path) -> None:
    state, base = service
    result = run("deposit", "crossref", files["crossref"], "--endpoint", base,
                 "--crossref-schema", tmp_path / "nowhere", "--dry-run")  # fmt: skip
    assert result.code == 4 and "no crossref5.3.1.xsd in" in result.err
    assert state.requests == []


# ------------------------------------------------------------------ the state folder


def _unwritable_states(tmp_path: Path) -> list[Path]:
    """State folders that cannot be made: one where a file is, one inside a file (a service
    account's home that is not a folder). Read-only folders say "permission denied" the same
    way, which tests run as root cannot show."""
    home = tmp_path / "home"
    home.write_text("a file where folders would be\n", encoding="ascii")
    return [home, home / "state"]


def test_unwritable_state_folder_stops_a_deposit_before_sending(
    service, files, run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The log of deposits cannot be kept: one line naming the folder and how to name another,
    exit 73 as Crossref output gives, and nothing sent that 'deposit status' could not follow
    (it was an internal error, after the file had been sent)."""
    state, base = service
    for folder in _unwritable_states(tmp_path):
        monkeypatch.setenv("JATSCONV_STATE_DIR", str(folder))
        reason = "file exists" if folder.is_file() else "not a directory"
        line = (
            f"jatsconv: {folder}: cannot keep the log of deposits (set JATSCONV_STATE_DIR to "
            f"a folder that can be written): {reason}"
        )
        for command, path in (("crossref", files["crossref"]), ("doaj", files["doaj"])):
            result = run("deposit", command, path, "--endpoint", base, *FAST)
            assert (result.code, result.err.splitlines(), result.out) == (73, [line], "")
        # ``deposit status`` reads the log first: with an id, with none, and with --list, it
        # says the log cannot be read, never "0 pending" (a file where the folder would be
        # means no deposit was ever logged).
        read = line.replace("cannot keep", "cannot read").replace("file exists", "not a directory")
        result = run("deposit", "status", UPLOAD, "--service", "doaj", "--endpoint", base)
        assert (result.code, result.err.splitlines()) == (73, [read])
        for extra in ((), ("--list",)):
            result = run("deposit", "status", *extra)
            assert (result.code, result.err.splitlines(), result.out) == (73, [read], "")
    assert state.requests == []


def test_deposit_status_with_no_state_folder_yet_says_nothing_is_pending(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A state folder not made yet (no deposit so far) is an empty log, not an error."""
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "not-yet"))
    result = run("deposit", "status")
    assert result.code == 0 and "no deposits pending (0 in the local log" in result.out
    result = run("deposit", "status", "--list")
    assert result.code == 0 and "the local log is empty" in result.out


def test_state_folder_lost_after_sending_names_the_submission(
    service, files, run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A state folder that stops being writable once the file was sent (a disk that filled
    up): one line, exit 73, naming the file and the id the service gave it, to ask about."""
    from converter.commands import deposit as command

    state, base = service
    folder = tmp_path / "state"
    send = command.deposit_crossref

    def send_then_lose_the_folder(*args: object, **kwargs: object) -> object:
        attempt = send(*args, **kwargs)  # type: ignore[arg-type]
        for item in folder.iterdir():
            item.unlink()
        folder.rmdir()
        folder.write_text("not a folder any more\n", encoding="ascii")
        return attempt

    monkeypatch.setattr(command, "deposit_crossref", send_then_lose_the_folder)
    result = run("deposit", "crossref", files["crossref"], "--endpoint", base, *FAST)
    assert len(state.requests) == 1
    batch_id = re.search(rb"<doi_batch_id>(.*?)</doi_batch_id>", files["crossref"].read_bytes())
    assert batch_id is not None
    assert result.code == 73, result.err
    assert result.err.splitlines() == [
        f"jatsconv: {files['crossref']}: sent (Crossref doi_batch_id {batch_id[1].decode()}), "
        f"not logged: {folder}: cannot keep the log of deposits (set JATSCONV_STATE_DIR to a "
        "folder that can be written): file exists"
    ]


# ------------------------------------------------------------------ scripts: pipes and --json


def test_a_closed_pipe_loses_no_deposit_from_the_log(
    service, files, run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``jatsconv deposit crossref a.xml b.xml | head -1``: both files were sent before the
    first line was printed, so both are in the log (to ask about later) when the pipe closes."""
    import click

    _, base = service
    second = tmp_path / "second.crossref.xml"
    second.write_bytes(files["crossref"].read_bytes())
    printed = click.echo

    def closed_pipe(message: object = None, file: object = None, err: bool = False, **kw):  # type: ignore[no-untyped-def]
        if not err:
            raise BrokenPipeError(32, "Broken pipe")
        printed(message, file=file, err=err, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(click, "echo", closed_pipe)
    result = run("deposit", "crossref", files["crossref"], second, "--endpoint", base, *FAST)
    assert result.code == 141, result.err
    assert [entry["file"] for entry in _log(tmp_path)] == [str(files["crossref"]), str(second)]


def test_dry_run_json_is_json(service, files, run) -> None:
    """``--json`` with ``--dry-run``: the same items as a deposit's, with what would be sent."""
    state, base = service
    for kind in ("crossref", "doaj"):
        result = run("deposit", kind, files[kind], "--endpoint", base, "--dry-run", "--json")
        assert result.code == 0, result.err
        (item,) = json.loads(result.out)
        assert item["file"] == str(files[kind])
        assert item["ok"] is True and item["dry_run"] is True and item["attempts"] == 0
        assert item["endpoint"] == base
        assert item["records"] == ["10.5555/jsr.2018.3.6"]
        assert item["message"].startswith(f"not checked against the {kind_name(kind)} schema")
        assert item["credentials"].endswith("found (not shown)")
        if kind == "crossref":
            assert item["submission"].startswith("jsr.2018.3.6-")
    assert state.requests == []


def kind_name(kind: str) -> str:
    return {"crossref": "Crossref", "doaj": "DOAJ"}[kind]


def test_a_file_refused_before_sending_is_in_the_json_too(service, files, run) -> None:
    """A script reading ``--json`` gets JSON on standard output when nothing is sent, too: each
    file with ``ok`` false and why; the problems are still told on standard error (exit 1)."""
    state, base = service
    path = files["crossref"]
    data = path.read_bytes()
    for issn in (b"2500-2872", b"2687-1440"):
        data = data.replace(b'<issn media_type="print">' + issn + b"</issn>", b"")
        data = data.replace(b'<issn media_type="electronic">' + issn + b"</issn>", b"")
    path.write_bytes(data)
    for extra in ((), ("--dry-run",)):
        result = run("deposit", "crossref", path, "--endpoint", base, "--json", *extra)
        assert result.code == 1
        (item,) = json.loads(result.out)
        assert item["ok"] is False and item["attempts"] == 0
        assert "refused: 1 problem" in item["message"]
        assert "Crossref needs an ISSN or a journal DOI" in result.err
    assert state.requests == []
