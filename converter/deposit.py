"""Deposit files with Crossref (HTTPS POST, multipart) and DOAJ (API v4, JSON).

Credentials come from the environment (``CROSSREF_USERNAME``/``CROSSREF_PASSWORD``,
``DOAJ_API_KEY``) or the config file (``converter.config``), never from the command line, so
they stay out of shell history and process lists. They are never printed or logged: every
message leaving this module passes through ``Secrets.redact``, server replies included (a
service may echo what it was sent).

Only the standard library is used (``urllib.request``): two POSTs with a timeout and a retry
loop do not justify a dependency. Server errors (5xx, 429), timeouts and refused connections
are retried with exponential backoff; a 4xx answer or a service's own "FAILURE" is final.
Plain ``http://`` endpoints are refused except on the local machine (tests, proxies), so that a
typo can never send a password unencrypted.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from converter.config import load_config
from converter.errors import EXIT_DEPOSIT, ConverterError, InputError, cannot_read
from converter.input_limit import read_path
from converter.messages import shorten
from converter.network_words import attempts as attempts_words
from converter.network_words import unreachable
from converter.redaction import redact, remember, remember_in_url
from converter.validation import InvalidDocument, parse_untrusted

log = logging.getLogger("converter.deposit")

CROSSREF_PRODUCTION = "https://doi.crossref.org/servlet/deposit"
CROSSREF_TEST = "https://test.crossref.org/servlet/deposit"
DOAJ_PRODUCTION = "https://doaj.org/api/v4/bulk/articles"
CROSSREF_NS = "http://www.crossref.org/schema/5.3.1"
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


class DepositError(ConverterError):
    """A deposit that could not be made: missing credentials, a refused endpoint …"""

    exit_code = EXIT_DEPOSIT


@dataclass(frozen=True)
class Secrets:
    """Values that must never appear in output; ``redact`` masks them in any text."""

    values: tuple[str, ...]

    def __post_init__(self) -> None:
        remember(*self.values)

    def redact(self, text: str) -> str:
        return redact(text)


@dataclass(slots=True)
class Attempt:
    """What one deposit of one file came to."""

    file: str
    ok: bool
    status: int | None
    message: str
    attempts: int = 1
    submission: str | None = None  # Crossref doi_batch_id or DOAJ upload_id, to ask later
    records: list[str] = field(default_factory=list)  # DOIs (or titles) the file holds

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "ok": self.ok,
            "status": self.status,
            "message": self.message,
            "attempts": self.attempts,
            "submission": self.submission,
            "records": self.records,
        }


@dataclass(slots=True)
class Transport:
    """How requests are made: timeout (s), attempts, backoff base (s), and the sleep to use."""

    timeout: float = 60.0
    attempts: int = 3
    backoff: float = 2.0
    sleep: Callable[[float], None] = field(default=time.sleep)


# ------------------------------------------------------------------ credentials


def crossref_credentials() -> tuple[str, str]:
    """``(username, password)`` from the environment, else the config file; else an error."""
    user = os.environ.get("CROSSREF_USERNAME")
    password = os.environ.get("CROSSREF_PASSWORD")
    if not (user and password):
        section = load_config().get("crossref", {})
        user = user or section.get("username")
        password = password or section.get("password")
    remember(password)
    if not (user and password):
        raise DepositError(
            "Crossref credentials missing: set CROSSREF_USERNAME and CROSSREF_PASSWORD, or "
            "username and password in the [crossref] section of the config file"
        )
    remember(str(user), str(password))
    return str(user), str(password)


def doaj_api_key() -> str:
    key = os.environ.get("DOAJ_API_KEY") or load_config().get("doaj", {}).get("api_key")
    remember(key)
    if not key:
        raise DepositError(
            "DOAJ API key missing: set DOAJ_API_KEY, or api_key in the [doaj] section of the "
            "config file"
        )
    return str(key)


def check_endpoint(url: str) -> str:
    """Accept https endpoints, and http only on this machine; never a URL Python would reject
    mid-request (spaces, control characters), whose error message would quote it whole."""
    remember_in_url(url)
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise DepositError(
            f"endpoint {redact(url)!r} refused: it contains a space or control character"
        )
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - a bad port raises ValueError here, not mid-request
    except ValueError as exc:
        raise DepositError(f"endpoint {redact(url)!r} refused: {exc}") from None
    if parts.scheme == "https" and parts.hostname:
        return url
    if parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS:
        return url
    raise DepositError(
        f"endpoint {parts.scheme}://{parts.hostname or ''}{parts.path} refused: use https "
        "(plain http only to localhost)"
    )


# ------------------------------------------------------------------ HTTP


def multipart(
    fields: dict[str, str], files: dict[str, tuple[str, bytes, str]]
) -> tuple[bytes, str]:
    """Encode a multipart/form-data body; returns the body and its Content-Type."""
    boundary = "----jatsconv" + uuid.uuid4().hex
    chunks: list[bytes] = []
    for name, value in fields.items():
        chunks.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value.encode("utf-8")
            + b"\r\n"
        )
    for name, (filename, data, ctype) in files.items():
        safe = filename.replace('"', "_").replace("\r", "_").replace("\n", "_")
        chunks.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{safe}"\r\nContent-Type: {ctype}\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


_HIDDEN = re.compile(r"<(head|style|script)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def reply_text(body: bytes, limit: int = 300) -> str:
    """A server reply as one short line: HTML tags, and what a page does not show (its head,
    styles, scripts), dropped, so that the limit keeps what the page says; its first ``limit``
    characters and '…' when it has more than ``limit + 1`` (a reply of ``limit + 1`` is shown
    whole: an '…' in place of its last character would save nothing). Secrets are masked
    before the cut: a credential the server echoes across the limit must not show in part."""
    text = body.decode("utf-8", errors="replace")
    text = _HIDDEN.sub(" ", text)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = redact(" ".join(text.split()))
    return shorten(text, limit + 1)


def send_request(
    url: str,
    body: bytes | None,
    headers: dict[str, str],
    transport: Transport,
    secrets: Secrets,
    shown_url: str,
    method: str = "POST",
) -> tuple[int | None, bytes, int, str | None]:
    """Send with retries; returns ``(status, body, attempts, network error or None)``.

    ``shown_url`` is what log lines name (never a URL carrying a key)."""
    error: str | None = None
    status: int | None = None
    data = b""
    for attempt in range(1, transport.attempts + 1):
        error = None
        try:
            request = urllib.request.Request(url, data=body, headers=headers, method=method)
            with urllib.request.urlopen(request, timeout=transport.timeout) as response:
                return response.status, response.read(), attempt, None
        except ValueError as exc:  # http.client.InvalidURL and kin: final, and quotes the URL
            return None, b"", attempt, secrets.redact(f"invalid request: {exc}")
        except urllib.error.HTTPError as exc:
            status, data = exc.code, exc.read()
            if status < 500 and status != 429:
                return status, data, attempt, None
            error = f"HTTP {status}"
        except TimeoutError:
            status, error = None, f"no answer within {transport.timeout:g} s"
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                status, error = None, f"no answer within {transport.timeout:g} s"
            else:
                status, error = None, f"cannot connect: {unreachable(reason, url)}"
        except (ConnectionError, OSError) as exc:
            status, error = None, f"connection failed: {unreachable(exc, url)}"
        except http.client.HTTPException as exc:
            # A reply cut short or no HTTP at all: the request may have been taken, so it is
            # not sent again (a second deposit of the file would be refused as not newer).
            return None, b"", attempt, secrets.redact(f"{UNREADABLE}: {_describe(exc)}")
        if attempt < transport.attempts:
            delay = transport.backoff * 2 ** (attempt - 1)
            log.info(
                "%s: %s; retrying in %.2f s (attempt %d of %d)",
                shown_url,
                secrets.redact(error),
                delay,
                attempt + 1,
                transport.attempts,
            )
            transport.sleep(delay)
    return status, data, transport.attempts, error


UNREADABLE = "unreadable reply"


def _describe(exc: http.client.HTTPException) -> str:
    if isinstance(exc, http.client.IncompleteRead):
        got = len(exc.partial)
        more = f" of {got + exc.expected}" if exc.expected is not None else ""
        return f"the answer was cut off ({got}{more} bytes)"
    if isinstance(exc, http.client.BadStatusLine):
        return f"not an HTTP answer ({shorten(str(exc), 60)!r})"
    return f"{type(exc).__name__}: {shorten(str(exc), 80)}"


def _unreadable(service: str, status: int | None, detail: str, follow: str) -> str:
    """Why a reply is not the service's answer, and how to learn whether it took the file."""
    code = f"HTTP {status}" if status is not None else "no HTTP status"
    return (
        f"{UNREADABLE} from {service} ({code}: {detail}): it may or may not have the file; {follow}"
    )


# Crossref's deposit servlet answers an upload it queued with a page whose title and heading
# are SUCCESS, and one it refused with FAILURE and the reason.
_CROSSREF_SUCCESS = re.compile(rb"<(h2|title)>\s*SUCCESS\s*</\1>", re.IGNORECASE)
_CROSSREF_FAILURE = re.compile(rb"\bFAILURE\b")
# Crossref answers a wrong login to its deposit servlet with HTTP 200 and a FAILURE page: said
# as the login refused, as a 401 is, so that the user checks the credentials, not the file.
_CROSSREF_LOGIN_FAILED = re.compile(rb"\b(?:login|authentication) failed\b", re.IGNORECASE)
# Where a refused credential was read from: what the user is to check, in the words of the
# lines that say one is missing.
CROSSREF_LOGIN_HINT = (
    "check CROSSREF_USERNAME and CROSSREF_PASSWORD (or username and password in the [crossref] "
    "section of the config file)"
)
DOAJ_KEY_HINT = "check DOAJ_API_KEY (or api_key in the [doaj] section of the config file)"


# ------------------------------------------------------------------ Crossref


def read_crossref_file(path: Path) -> bytes:
    """The file's bytes, after checking it is a Crossref 5.3.1 deposit (``doi_batch``)."""
    try:
        data = read_path(path)
    except OSError as exc:
        raise InputError(str(path), [cannot_read(exc)]) from None
    try:
        root = parse_untrusted(data, str(path)).getroot()
    except InvalidDocument as exc:
        raise InputError(str(path), [exc.problems[0].message]) from None
    if root.tag == "records":  # a DOAJ file given to the other command: say which one takes it
        raise InputError(
            str(path),
            [
                "not a Crossref 5.3.1 deposit but DOAJ article XML (root is <records>): "
                "send it with 'jatsconv deposit doaj'"
            ],
        )
    if root.tag != f"{{{CROSSREF_NS}}}doi_batch":
        raise InputError(
            str(path),
            [
                f"not a Crossref 5.3.1 deposit (root is <{etree.QName(root).localname}>; "
                "make one with 'jatsconv convert --to crossref')"
            ],
        )
    return data


def crossref_contents(data: bytes, name: str) -> tuple[str, list[str]]:
    """The ``doi_batch_id`` of a deposit file and the DOIs of its records (in file order)."""
    try:
        root = parse_untrusted(data, name).getroot()
    except InvalidDocument as exc:
        raise InputError(name, [exc.problems[0].message]) from None
    ns = {"c": CROSSREF_NS}
    batch_id = (root.findtext("c:head/c:doi_batch_id", default="", namespaces=ns)).strip()
    dois = [
        (el.text or "").strip()
        for el in root.iterfind("c:body//c:doi_data/c:doi", namespaces=ns)
        if (el.text or "").strip()
    ]
    return batch_id, dois


def missing_requirements(kind: str, data: bytes, name: str) -> list[str]:
    """What the service refuses a file for although its schema lets it pass: a journal with
    neither an ISSN nor a journal DOI (Crossref), a record without an ISSN (DOAJ)."""
    try:
        root = parse_untrusted(data, name).getroot()
    except InvalidDocument:
        return []  # said by the reader
    if kind == "crossref":
        ns = {"c": CROSSREF_NS}
        return [
            f"journal {index}: Crossref needs an ISSN or a journal DOI in journal_metadata, "
            "and this one has neither"
            for index, meta in enumerate(
                root.iterfind("c:body/c:journal/c:journal_metadata", ns), 1
            )
            if meta.find("c:issn", ns) is None and meta.find("c:doi_data", ns) is None
        ]
    return [
        f"record {index}: DOAJ needs the journal's print or electronic ISSN (issn or eissn), "
        "and this record has neither"
        for index, record in enumerate(root.iter("record"), 1)
        if not (_text(record.find("issn")) or _text(record.find("eissn")))
    ]


def deposit_crossref(
    path: Path,
    endpoint: str,
    credentials: tuple[str, str],
    transport: Transport | None = None,
) -> Attempt:
    """POST one deposit file (``operation=doMDUpload``). HTTP 200 means queued, not accepted:
    Crossref e-mails the result (the submission log) to the depositor."""
    transport = transport or Transport()
    check_endpoint(endpoint)
    user, password = credentials
    secrets = Secrets((user, password))
    data = read_crossref_file(path)
    body, ctype = multipart(
        {"operation": "doMDUpload", "login_id": user, "login_passwd": password},
        {"fname": (path.name, data, "application/xml")},
    )
    status, reply, attempts, error = send_request(
        endpoint, body, {"Content-Type": ctype}, transport, secrets, endpoint
    )
    text = secrets.redact(reply_text(reply))
    batch_id, dois = crossref_contents(data, str(path))
    follow = f"see 'jatsconv deposit status {batch_id}' or Crossref's e-mail to the depositor"

    def failed(message: str) -> Attempt:
        return Attempt(str(path), False, status, secrets.redact(message), attempts, None, dois)

    def unreadable(detail: str) -> Attempt:
        # Crossref may have queued it: the batch id is kept, so 'deposit status' can ask.
        message = secrets.redact(_unreadable("Crossref", status, detail, follow))
        return Attempt(str(path), False, status, message, attempts, batch_id or None, dois)

    if error and error.startswith(UNREADABLE):
        return unreadable(error[len(UNREADABLE) + 2 :])
    if error and (status is None or status >= 500 or status == 429):
        message = f"Crossref could not take the deposit after {attempts_words(attempts)}: {error}"
        if text:
            message += f" ({text})"
        return failed(message)
    if status in (401, 403):
        return failed(f"Crossref refused the login (HTTP {status}): {CROSSREF_LOGIN_HINT}")
    if _CROSSREF_FAILURE.search(reply) and _CROSSREF_LOGIN_FAILED.search(reply):
        return failed(f"Crossref refused the login (HTTP {status}: {text}): {CROSSREF_LOGIN_HINT}")
    if status is None or not 200 <= status < 300 or _CROSSREF_FAILURE.search(reply):
        return failed(f"Crossref rejected the deposit (HTTP {status}): {text or 'no explanation'}")
    if not _CROSSREF_SUCCESS.search(reply):
        return unreadable(text or "an empty answer")
    message = (
        f"queued by Crossref (HTTP 200) as doi_batch_id {batch_id}: see the result with "
        f"'jatsconv deposit status {batch_id}' (Crossref also e-mails it to the depositor)"
    )
    return Attempt(str(path), True, status, message, attempts, batch_id or None, dois)


# ------------------------------------------------------------------ DOAJ


def _text(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    text = " ".join("".join(el.itertext()).split())
    return text or None


def doaj_bibjson(data: bytes, name: str) -> list[dict[str, Any]]:
    """DOAJ API article records (``bibjson``) from DOAJ article XML (``--to doaj`` output)."""
    try:
        root = parse_untrusted(data, name).getroot()
    except InvalidDocument as exc:
        raise InputError(name, [exc.problems[0].message]) from None
    if root.tag == f"{{{CROSSREF_NS}}}doi_batch":  # given to the other command: say which
        raise InputError(
            name,
            [
                "not DOAJ article XML but a Crossref deposit (root is <doi_batch>): "
                "send it with 'jatsconv deposit crossref'"
            ],
        )
    if root.tag != "records":
        raise InputError(
            name,
            [
                f"not DOAJ article XML (root is <{etree.QName(root).localname}>; make one "
                "with 'jatsconv convert --to doaj')"
            ],
        )
    out = []
    for record in root.iter("record"):
        affs = {a.get("affiliationId"): _text(a) for a in record.iter("affiliationName")}
        identifiers = [
            {"type": kind, "id": value}
            for kind, tag in (("pissn", "issn"), ("eissn", "eissn"), ("doi", "doi"))
            if (value := _text(record.find(tag)))
        ]
        authors = []
        for author in record.iter("author"):
            entry: dict[str, Any] = {"name": _text(author.find("name"))}
            ids = [_text(a) for a in author.iter("affiliationId")]
            names = [affs.get(i) for i in ids if affs.get(i)]
            if names:
                entry["affiliation"] = "; ".join(n for n in names if n)
            if (orcid := _text(author.find("orcid_id"))) is not None:
                entry["orcid_id"] = orcid
            authors.append(entry)
        date = (_text(record.find("publicationDate")) or "").split("-")
        journal = {
            key: value
            for key, tag in (("volume", "volume"), ("number", "issue"),
                             ("start_page", "startPage"), ("end_page", "endPage"))
            if (value := _text(record.find(tag)))
        }  # fmt: skip
        link = record.find("fullTextUrl")
        bibjson: dict[str, Any] = {
            "title": _text(record.find("title")),
            "identifier": identifiers,
            "journal": journal,
            "author": authors,
            "year": date[0] if date and date[0] else None,
            "link": [
                {
                    "type": "fulltext",
                    "url": _text(link),
                    "content_type": (link.get("format") or "html").upper()
                    if link is not None
                    else "HTML",
                }
            ],
        }
        if len(date) > 1:
            bibjson["month"] = str(int(date[1]))
        abstract = record.find("abstract")
        if abstract is not None:
            bibjson["abstract"] = _text(abstract)
        keywords = record.find("keywords")
        if keywords is not None:
            bibjson["keywords"] = [_text(k) for k in keywords.iter("keyword") if _text(k)]
        out.append({"bibjson": bibjson})
    return out


def deposit_doaj(
    path: Path, endpoint: str, api_key: str, transport: Transport | None = None
) -> Attempt:
    """POST the records of one DOAJ XML file to the bulk article API (JSON)."""
    transport = transport or Transport()
    check_endpoint(endpoint)
    secrets = Secrets((api_key,))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), [cannot_read(exc)]) from None
    records = doaj_bibjson(data, str(path))
    body = json.dumps(records, ensure_ascii=False).encode("utf-8")
    separator = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{separator}api_key={urllib.parse.quote(api_key, safe='')}"
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    status, reply, attempts, error = send_request(url, body, headers, transport, secrets, endpoint)
    text = secrets.redact(reply_text(reply))
    names = [doaj_record_name(r) for r in records]
    follow = "look for the articles in your DOAJ account before sending them again"

    def failed(message: str) -> Attempt:
        return Attempt(str(path), False, status, secrets.redact(message), attempts, None, names)

    if error and error.startswith(UNREADABLE):
        return failed(_unreadable("DOAJ", status, error[len(UNREADABLE) + 2 :], follow))
    if error and (status is None or status >= 500 or status == 429):
        return failed(f"DOAJ could not take the articles after {attempts_words(attempts)}: {error}")
    if status in (401, 403):
        return failed(f"DOAJ refused the API key (HTTP {status}): {DOAJ_KEY_HINT}")
    if status is None or not 200 <= status < 300:
        return failed(f"DOAJ rejected the articles (HTTP {status}): {text or 'no explanation'}")
    upload_id = _upload_id(reply)
    if not upload_id:  # DOAJ's bulk API answers an upload it took with 202 and its upload_id
        detail = f"no upload_id in {text or 'an empty answer'}"
        return failed(_unreadable("DOAJ", status, detail, follow))
    count = len(records)
    plural = "s" if count != 1 else ""
    message = (
        f"{count} article{plural} queued by DOAJ (HTTP {status}) as upload {upload_id}: see "
        f"the result with 'jatsconv deposit status {upload_id}'"
    )
    return Attempt(str(path), True, status, message, attempts, upload_id, names)


def _upload_id(reply: bytes) -> str | None:
    """The ``upload_id`` of DOAJ's 202 answer to an asynchronous bulk upload, if any."""
    try:
        data = json.loads(reply.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if isinstance(data, dict) and isinstance(data.get("upload_id"), str):
        return data["upload_id"] or None
    return None


def doaj_record_name(record: dict[str, Any]) -> str:
    """How a DOAJ article is named in tables: its DOI, else its title."""
    bib = record.get("bibjson", {})
    doi = next((i["id"] for i in bib.get("identifier", []) if i.get("type") == "doi"), None)
    return str(doi or bib.get("title") or "(untitled)")


def doaj_record_issns(record: dict[str, Any]) -> list[str]:
    """The ISSNs a DOAJ article names (DOAJ reports failures by ISSN)."""
    bib = record.get("bibjson", {})
    return [i["id"] for i in bib.get("identifier", []) if i.get("type") in ("pissn", "eissn")]
