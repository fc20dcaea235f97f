"""Why a network request reached no one, in an editor's words.

Python's own reasons are the C library's ("[Errno -2] Name or service not known", "[Errno 111]
Connection refused"), which say nothing of what to do. The commands that go on the network when
asked (``deposit``, ``convert --doi``, ``init --issn``) say it through this one wording.
"""

from __future__ import annotations

import socket
import ssl
from urllib.parse import urlsplit


def unreachable(reason: object, url: str) -> str:
    """The reason a request to ``url`` failed before any answer, naming its host."""
    parts = urlsplit(url)
    host = parts.hostname or url
    if isinstance(reason, socket.gaierror):
        return f"the host {host} is not found (no network, or a misspelt address)"
    if isinstance(reason, ConnectionRefusedError):
        where = f"{host}:{parts.port}" if parts.port else host
        return f"{where} refused the connection (nothing answers there)"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the certificate of {host} is not trusted: {reason.verify_message}"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason)


def attempts(count: int) -> str:
    """'1 attempt', '3 attempts'."""
    return f"{count} attempt" if count == 1 else f"{count} attempts"
