"""The local log of deposits: which file went where, when, under which id, and how it ended.

One JSON object per line in ``state/deposits.jsonl`` (``converter.config.state_dir``); a later
line for the same service and id supersedes an earlier one, so recording is an append under a
file lock and a crash never leaves a half-rewritten log. The log holds no credentials: the
URLs it keeps are the ones a status question goes to, without the key DOAJ takes in its query.
``jatsconv deposit status`` with no argument asks again about every entry still pending.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from converter.config import state_dir, state_error
from converter.redaction import redact

LOG_NAME = "deposits.jsonl"


@dataclass(slots=True)
class Entry:
    """One submission as this machine knows it."""

    service: str  # "crossref" or "doaj"
    submission: str  # Crossref doi_batch_id or DOAJ upload_id
    file: str
    sent: str  # ISO 8601 UTC
    status_url: str  # where its result is asked for (no credentials)
    records: list[dict[str, Any]] = field(default_factory=list)  # {"record", "issns"?}
    # pending, completed, unknown, error; failed: the service did not take the file (rejected,
    # refused, not reached, or a reply that could not be read), so there is nothing to ask.
    state: str = "pending"
    outcome: str = ""  # the last summary, e.g. "3 records: 2 success, 0 warning, 1 failure"
    succeeded: bool | None = None
    updated: str = ""
    # 1 for the first sending of this id, 2 for the same file sent again …: each sending is an
    # entry of its own (a second sending's "pending" erased how the first one ended)
    sending: int = 1

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def log_path() -> Path:
    return state_dir() / LOG_NAME


@contextlib.contextmanager
def _locked() -> Iterator[Path]:
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield path
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _append(text: str) -> None:
    """Append ``text`` to the log under its lock; ``OutputError`` (one line, exit 73) when the
    state folder or the log cannot be written."""
    try:
        with _locked() as path, open(path, "a", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as exc:
        raise state_error(exc, "keep the log of deposits") from None


def check_writable() -> None:
    """``OutputError`` now if the log cannot be written. A deposit command asks before it
    sends anything: a submission the log cannot hold is one ``deposit status`` cannot follow,
    and a run that stopped after sending would leave the user not knowing what was taken."""
    _append("")


def record(entry: Entry) -> None:
    """Append the entry's current state to the log."""
    entry.updated = now()
    # Redacted by construction: a service's reply quoted in ``outcome`` may echo a credential.
    _append(redact(json.dumps(entry.as_dict(), ensure_ascii=False)) + "\n")


def entries() -> list[Entry]:
    """Every submission, latest state, in the order first sent (unreadable lines skipped); a
    file sent twice under one id is two submissions.
    No log (nor a folder where it would be) is an empty one; a log that cannot be read is
    ``OutputError``, as one that cannot be written. So is a file where the state folder (or
    a folder above it) would be: "0 pending" would hide that every deposit goes unlogged."""
    path = log_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise state_error(exc, "read the log of deposits") from None
    latest: dict[tuple[str, ...], Entry] = {}
    names = set(Entry.__dataclass_fields__)
    for number, line in enumerate(text.splitlines()):
        try:
            data = json.loads(line)
            item = Entry(**{k: v for k, v in data.items() if k in names})
        except (ValueError, TypeError):
            continue
        # A file the service did not take has no id: each such line is an entry of its own.
        key = (
            (item.service, item.submission, str(item.sending))
            if item.submission
            else (item.service, str(number))
        )
        latest[key] = item
    return list(latest.values())


def find(submission: str) -> Entry | None:
    """The latest entry with this id (either service), or None."""
    if not submission:
        return None
    return next((e for e in reversed(entries()) if e.submission == submission), None)


def pending() -> list[Entry]:
    """Submissions to ask about again: pending ones, and those an earlier version marked
    "error" when a question about them failed (that said nothing of the submission)."""
    return [e for e in entries() if e.state in ("pending", "error")]
