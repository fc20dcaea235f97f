"""Keep secrets out of everything the program prints or writes: one registry, one ``redact``.

Credentials are remembered here the moment they are read (``remember``), and every channel that
reaches a person or a log passes text through ``redact``: the CLI wraps stdout and stderr for the
whole run (``redacting_streams``), so the one-line errors, the catch-all internal-error handler,
``--json`` and log messages are all covered without each caller having to remember; files such
as reports and JUnit XML are written through ``redact`` too.

``redact`` masks each remembered value as written, URL-encoded (both ways) and in base64 (the
value alone and ``user:password`` pairs, as in HTTP basic authentication). It also masks, whether
remembered or not, the values of query parameters and form fields that name a secret
(``api_key=…``, ``token=…``, ``login_passwd=…``) and the password in ``scheme://user:pass@host``,
so a key typed into an endpoint URL never shows either.
"""

from __future__ import annotations

import base64
import contextlib
import io
import sys
import urllib.parse
from collections.abc import Iterable, Iterator
from itertools import permutations
from typing import Any, TextIO

from converter import lazy_re

MASK = "***"

_remembered: set[str] = set()
_forms: list[str] = []  # every form of every remembered value, longest first

_SECRET_PARAMETER = lazy_re.compile(
    r"(?i)(\b(?:api[_-]?key|apikey|access[_-]?token|token|secret|password|passwd|"
    r"login_passwd|pwd|auth)=)[^&\s'\"<>]+"
)
_URL_PASSWORD = lazy_re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^/\s:@'\"]*):[^@\s/'\"]+@")


def _encodings(value: str) -> set[str]:
    raw = value.encode("utf-8")
    return {
        value,
        urllib.parse.quote(value, safe=""),
        urllib.parse.quote(value),
        urllib.parse.quote_plus(value),
        base64.b64encode(raw).decode(),
        base64.b64encode(raw).decode().rstrip("="),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
    }


def remember(*values: str | None) -> None:
    """Register secrets (passwords, API keys) so that ``redact`` masks them from now on."""
    new = {v for v in values if v and len(v) >= 4 and v not in _remembered}
    if not new:
        return
    _remembered.update(new)
    forms: set[str] = set()
    for value in _remembered:
        forms |= _encodings(value)
    for first, second in permutations(sorted(_remembered), 2):
        pair = f"{first}:{second}".encode()
        forms.add(base64.b64encode(pair).decode())
    _forms[:] = sorted((f for f in forms if len(f) >= 4), key=len, reverse=True)


def forget_all() -> None:
    """Drop every remembered secret (tests)."""
    _remembered.clear()
    _forms.clear()


def redact(text: str, *, patterns: bool = True) -> str:
    """``text`` with every remembered secret masked in all its forms and, with ``patterns``,
    the values of secret-named parameters and URL passwords too."""
    for form in _forms:
        if form in text:
            text = text.replace(form, MASK)
    if patterns and "=" in text:
        text = _SECRET_PARAMETER.sub(rf"\1{MASK}", text)
    if patterns and "@" in text:
        text = _URL_PASSWORD.sub(rf"\1:{MASK}@", text)
    return text


def remember_in_url(url: str) -> None:
    """Remember the secrets a URL carries: secret-named query values and a userinfo password."""
    parts = urllib.parse.urlsplit(url)
    if parts.password:
        remember(parts.password, urllib.parse.unquote(parts.password))
    for name, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=False):
        if _SECRET_PARAMETER.match(f"{name}=x"):
            remember(value)


class RedactingStream(io.TextIOBase):
    """A text stream that passes what is written through ``redact`` to the stream it wraps.

    Everything else (``buffer`` for binary output, ``isatty``, ``encoding`` …) is the wrapped
    stream's own, so click and rich behave exactly as on the real stream.
    """

    def __init__(self, wrapped: TextIO, *, patterns: bool = True) -> None:
        super().__init__()
        self._wrapped = wrapped
        self._patterns = patterns

    def write(self, text: str) -> int:
        self._wrapped.write(redact(text, patterns=self._patterns))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:  # type: ignore[override]
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if not getattr(self._wrapped, "closed", False):
            self._wrapped.flush()

    def close(self) -> None:
        """Nothing: the wrapped stream is not ours to close (and a wrapper collected after it
        was closed must not flush it: Python 3.13 reports that as an unraisable error)."""

    def isatty(self) -> bool:
        return self._wrapped.isatty()

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._wrapped.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._wrapped, "encoding", "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._wrapped, "errors", None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._wrapped, name)


def redacting(stream: TextIO) -> TextIO:
    """``stream`` masking remembered secrets in what is written to it: for report files, which
    are data (no pattern masking), but may quote a message that carried a credential."""
    return RedactingStream(stream, patterns=False)  # type: ignore[return-value]


@contextlib.contextmanager
def redacting_streams() -> Iterator[None]:
    """Route ``sys.stdout`` and ``sys.stderr`` through ``redact`` for the duration.

    On stdout only remembered secrets are masked: it carries data (JSON, schemas) whose text
    must come out as it is, and a reference URL with ``?token=`` in it is not a secret of ours.
    """
    saved = sys.stdout, sys.stderr
    sys.stdout = RedactingStream(sys.stdout, patterns=False)  # type: ignore[assignment]
    sys.stderr = RedactingStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
