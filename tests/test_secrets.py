"""No password or API key ever reaches an output channel, on any deposit path, success or failure.

Every path of ``jatsconv deposit crossref|doaj`` is run with a recognisable password and key,
against a local stand-in that accepts, rejects (echoing what it was sent), refuses the login,
fails with 5xx, times out or is not there; with endpoints Python would reject mid-request (the
torture run's DOAJ endpoint with a space put ``?api_key=…`` on screen through the internal-error
handler); and with an internal error injected mid-request. stdout, stderr, ``--json`` and any
report or JUnit file the command offers are searched for each secret raw, URL-encoded and in
base64.
"""

from __future__ import annotations

import base64
import json
import socket
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from test_deposit import files, service  # noqa: F401  (fixtures)

from converter.errors import EXIT_CODES
from converter.redaction import RedactingStream, forget_all, redact, remember

PASSWORD = "Pw-i10/recognisable+secret=1"
API_KEY = "Key-i10-recognisable-0f9e8d"
USER = "role/i10-depositor"
FAST = ("--backoff", "0", "--timeout", "0.3", "--retries", "1")


def _forms(secret: str) -> set[str]:
    raw = secret.encode()
    return {
        secret,
        urllib.parse.quote(secret, safe=""),
        urllib.parse.quote_plus(secret),
        urllib.parse.quote(secret),
        base64.b64encode(raw).decode(),
        base64.b64encode(raw).decode().rstrip("="),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
        base64.b64encode(f"{USER}:{secret}".encode()).decode(),
    }


FORBIDDEN = _forms(PASSWORD) | _forms(API_KEY)


@pytest.fixture(autouse=True)
def _recognisable_credentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSREF_USERNAME", USER)
    monkeypatch.setenv("CROSSREF_PASSWORD", PASSWORD)
    monkeypatch.setenv("DOAJ_API_KEY", API_KEY)
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    forget_all()  # each path must protect the secrets on its own, not by an earlier test's luck


def _closed_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def _report_options(run, service_name: str, tmp_path: Path) -> list[str]:
    """``--report``/``--junit`` files, for as many of them as the command offers."""
    help_text = run("deposit", service_name, "--help").out
    options = []
    for option, name in (("--report", "report.json"), ("--junit", "junit.xml")):
        if option in help_text:
            options += [option, str(tmp_path / name)]
    return options


def _channels(result, tmp_path: Path) -> dict[str, str]:
    """stdout, stderr, and every report, JUnit file or log the run wrote (the local deposit log
    in the state folder included); the deposit files themselves are input."""
    found = {"stdout": result.out, "stderr": result.err}
    for path in tmp_path.rglob("*"):
        wanted = path.suffix in (".json", ".jsonl", ".xml", ".log", ".txt")
        if wanted and path.is_file() and "streltsov" not in path.name:
            found[str(path.relative_to(tmp_path))] = path.read_text(errors="replace")
    return found


def _assert_clean(channels: dict[str, str]) -> None:
    for name, text in channels.items():
        for form in FORBIDDEN:
            assert form not in text, f"{name} shows a secret ({form!r}): {text!r}"


# (service, how the endpoint is made from the stand-in's base URL, stand-in modes, exit codes)
PATHS = {
    "crossref-accepted": ("crossref", "{base}", ["accept"], {0}),
    "crossref-rejected-echoing-credentials": ("crossref", "{base}", ["reject-echo"], {5}),
    "crossref-login-refused": ("crossref", "{base}", ["auth"], {5}),
    "crossref-5xx": ("crossref", "{base}", ["5xx"], {5}),
    "crossref-timeout": ("crossref", "{base}", ["timeout"], {5}),
    "crossref-unreachable": ("crossref", "{closed}", ["accept"], {5}),
    "crossref-endpoint-with-space": ("crossref", "{base}/servlet/deposit ", ["accept"], {5}),
    "crossref-endpoint-with-tab": ("crossref", "{base}/ser\tvlet", ["accept"], {5}),
    "crossref-endpoint-bad-port": ("crossref", "http://127.0.0.1:99999/x", ["accept"], {5}),
    "crossref-password-in-endpoint": (
        "crossref",
        "https://{user}:{password_q}@crossref.invalid /deposit",
        ["accept"],
        {5},
    ),
    "doaj-accepted": ("doaj", "{base}", ["accept"], {0}),
    "doaj-rejected-echoing-key": ("doaj", "{base}", ["reject-echo"], {5}),
    "doaj-key-refused": ("doaj", "{base}", ["auth"], {5}),
    "doaj-5xx": ("doaj", "{base}", ["5xx"], {5}),
    "doaj-timeout": ("doaj", "{base}", ["timeout"], {5}),
    "doaj-unreachable": ("doaj", "{closed}", ["accept"], {5}),
    "doaj-endpoint-with-space": ("doaj", "https://doaj.invalid/api/v4/bulk articles", [], {5}),
    "doaj-endpoint-with-trailing-tab": ("doaj", "{base}/api/v4/bulk/articles\t", [], {5}),
    "doaj-key-typed-into-endpoint": ("doaj", "{base}/x?api_key={key_q} &y=1", [], {5}),
}


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("path", sorted(PATHS))
def test_no_secret_on_any_deposit_path(
    path: str,
    as_json: bool,
    service,  # noqa: F811
    files,  # noqa: F811
    run,
    tmp_path: Path,
) -> None:
    state, base = service
    name, endpoint, modes, codes = PATHS[path]
    if modes:
        state.modes = list(modes)
    endpoint = endpoint.format(
        base=base,
        closed=_closed_port(),
        user=urllib.parse.quote(USER, safe=""),
        password_q=urllib.parse.quote(PASSWORD, safe=""),
        key_q=urllib.parse.quote(API_KEY, safe=""),
    )
    args = ["deposit", name, files[name], "--endpoint", endpoint, *FAST]
    args += _report_options(run, name, tmp_path)
    if as_json:
        args.append("--json")
    result = run(*args)
    assert result.code in codes, result.err
    assert result.code in EXIT_CODES
    assert "Traceback" not in result.err
    if result.code != 0 and not (as_json and result.out):
        assert len(result.err.strip().splitlines()) == 1, result.err
    if as_json and result.out:
        json.loads(result.out)
    _assert_clean(_channels(result, tmp_path))


@pytest.mark.parametrize("name", ["crossref", "doaj"])
def test_no_secret_from_the_internal_error_handler(
    name: str,
    service,  # noqa: F811
    files,  # noqa: F811
    run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bug mid-request whose message quotes the whole request (URL with the key, body with
    the password) is still one line, exit 70, with the secrets masked."""
    _, base = service

    def broken(request: urllib.request.Request, timeout: float = 0) -> None:
        body = (request.data or b"")[:4000].decode("utf-8", "replace")
        raise RuntimeError(f"bug while sending {request.full_url} {body}")

    monkeypatch.setattr(urllib.request, "urlopen", broken)
    result = run("deposit", name, files[name], "--endpoint", base, *FAST, "--json")
    assert result.code == 70, result.err
    assert result.err.startswith("jatsconv: internal error: RuntimeError: bug while sending")
    assert len(result.err.strip().splitlines()) == 1
    _assert_clean(_channels(result, tmp_path))


@pytest.mark.parametrize("name", ["crossref", "doaj"])
def test_dry_run_and_missing_credentials_show_no_secret(
    name: str,
    files,  # noqa: F811
    run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result = run("deposit", name, files[name], "--dry-run")
    assert result.code == 0, result.err
    _assert_clean(_channels(result, tmp_path))
    monkeypatch.delenv("CROSSREF_USERNAME")
    monkeypatch.delenv("DOAJ_API_KEY")
    result = run("deposit", name, files[name], "--endpoint", "http://127.0.0.1:9/x")
    assert result.code == 5
    assert len(result.err.strip().splitlines()) == 1
    _assert_clean(_channels(result, tmp_path))


def test_redact_masks_every_form() -> None:
    remember(PASSWORD)
    text = " | ".join(
        sorted(_forms(PASSWORD) - {base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()})
    )
    assert PASSWORD not in redact(text)
    for form in _forms(PASSWORD) - {base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()}:
        assert form not in redact(text)
    remember(USER)
    assert redact(base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()) == "***"


def test_patterns_mask_secrets_never_remembered() -> None:
    line = "https://x.example/a?api_key=abc123456&token=zzz9 https://me:hunter22@h.example/p"
    shown = redact(line)
    assert "abc123456" not in shown and "zzz9" not in shown and "hunter22" not in shown
    assert "https://x.example/a?api_key=***&token=***" in shown


def test_stdout_keeps_data_that_merely_looks_secret(capsys: pytest.CaptureFixture[str]) -> None:
    """A reference URL with ``?token=`` in a JSON listing is data, not ours to mask; only
    remembered secrets are masked on stdout."""
    import sys

    stream = RedactingStream(sys.stdout, patterns=False)
    remember(API_KEY)
    stream.write(f"https://x.example/?token=public {API_KEY}\n")
    assert capsys.readouterr().out == "https://x.example/?token=public ***\n"


def test_a_redacting_stream_never_closes_or_flushes_a_closed_stream() -> None:
    import io
    import warnings

    inner = io.StringIO()
    stream = RedactingStream(inner)
    stream.write("x")
    inner.close()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        stream.flush()
        stream.close()
        del stream


def test_a_secret_echoed_across_the_replys_cut_shows_no_part_of_it() -> None:
    """A server reply is cut to 300 characters for a message; a password it echoes across the
    cut is masked before the cut, so not even its first characters show."""
    from converter.deposit import reply_text

    remember(PASSWORD)
    reply = ("x" * 285 + " " + PASSWORD + " rest of the page").encode()  # across 300
    shown = reply_text(reply)
    assert PASSWORD[:6] not in shown
    assert "***" in shown
    forget_all()
