"""``batch --per-issue``'s record of the issue files it wrote, in the batch's manifest.

A plain batch keeps a file in its output folder that it did not write for that source unless
``--force``; ``--per-issue`` wrote over any file under an issue file's name (an issue deposit
corrected by hand, another tool's file) without a word. Here each issue file written is a
manifest row (``ISSUE_KEY`` + its name, its articles' names beside it), and a file in place
that no row says this issue wrote is kept, said in one line, its articles counted as bad input.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from converter.api import Conversion, remove_stale, write_output
from converter.batch.books import _source_path
from converter.batch.manifest import ISSUE_KEY, UNFINISHED_STAMP, Manifest
from converter.per_issue import IssueFiles, few_articles
from converter.writers import same_output

# The row's stamp: the digest of the bytes written. No up-to-date check (every article is read
# on every run): it tells a file corrected by hand since the run wrote it, no longer the run's.
ISSUE_STAMP = "per-issue sha256:"
GONE_NAMED = 3  # issue files named in the line for those of articles gone


class IssueBooks(IssueFiles):
    """Issue files written, kept or removed as the manifest says this mode wrote them."""

    def __init__(self, out_dir: Path, manifest: Manifest, force: bool) -> None:
        self.out_dir = out_dir
        self.manifest = manifest
        self.force = force
        self.touched: set[str] = set()  # the rows of issues this run had articles of
        # the articles this run was given, by absolute path (``run_per_issue`` sets them): an
        # issue file an earlier run wrote that holds others, still there, is not this run's
        self.given: set[str] = set()

    def place(self, target: Path, data: bytes, names: Sequence[str]) -> str | None:
        """Write the issue file, unless a file is in place that an earlier ``--per-issue`` run
        did not write for this issue (kept unless ``--force``). A file in place that says what
        the new one says (the same but for its batch id and timestamp) is kept as it is: a
        rerun of an unchanged issue leaves the same bytes, as a plain batch's skipped output."""
        key = ISSUE_KEY + target.name
        self.touched.add(key)
        row = self.manifest.get(key)
        listed = row is not None and target.name in row[3]
        try:
            existing: bytes | None = target.read_bytes()
        except OSError:  # (none; a folder there: writing it says so, and the run stops)
            existing = None
        same = existing is not None and same_output(target.name, existing, data)
        if existing is not None and not (same or self.force):
            if not listed:
                why = "exists and was not written for this issue"
            elif row is not None and row[0] != _stamp(existing) and row[0] != UNFINISHED_STAMP:
                why = "was changed since an earlier run wrote it for this issue"
            else:
                why = self._others(row, names)
            if why:
                return f"{target} {why} ({few_articles(names)}): not overwritten (use --force)"
        if existing is not None and same and not self.force:
            kept = existing  # (left byte for byte)
        else:
            self.manifest.will_write(key, target.name)
            write_output(target, data)
            kept = data
        # (the articles by absolute path: a later run from another folder finds them still)
        articles = tuple(os.path.abspath(name) for name in names)
        self.manifest[key] = (_stamp(kept), (), "", (target.name,), articles)
        return None

    def _others(self, row: Any, names: Sequence[str]) -> str:
        """What is said of an issue file an earlier run wrote that also holds articles this
        run was not given, their sources still there (another batch into the same folder,
        converting a few articles of the issue at a time): written with this run's articles
        alone, the others went out of the deposit unsaid. '' when it holds none."""
        if row is None or not self.given:
            return ""
        ours = {os.path.abspath(name) for name in names}
        others = [
            a
            for a in row[4]
            if a not in ours and a not in self.given and os.path.exists(_source_path(a))
        ]
        return f"also holds {few_articles(others)}, not given to this run" if others else ""

    def remove(self, target: Path, names: Sequence[str]) -> str | None:
        """Remove the issue file an earlier ``--per-issue`` run wrote for this issue, rejected
        now; a file it did not write, or changed since it wrote it, is left alone."""
        key = ISSUE_KEY + target.name
        self.touched.add(key)
        row = self.manifest.get(key)
        if row is None or target.name not in row[3]:
            return None
        try:
            if row[0] != UNFINISHED_STAMP and _stamp(target.read_bytes()) != row[0]:
                return None
        except OSError:
            pass  # (gone: nothing to remove but the row)
        self.manifest.pop(key)
        return remove_stale(target)

    def remove_moved(self, results: list[Conversion]) -> None:
        """Remove the issue files of earlier runs whose articles this run read, every one, and
        put in other issues (their issue or volume corrected): the file held them still, to
        be deposited again as current. Said on each article, as a batch says an output
        written under an article's old name. A file changed since it was written is kept."""
        done = {os.path.abspath(r.source): r for r in results}
        for key in list(self.manifest.source_keys()):
            if not key.startswith(ISSUE_KEY) or key in self.touched:
                continue
            row = self.manifest.get(key)
            if row is None or not row[4] or any(name not in done for name in row[4]):
                continue
            for name in row[3]:
                target = self.out_dir / name
                try:
                    if _stamp(target.read_bytes()) != row[0]:
                        continue  # (changed since, or gone: not this run's to remove)
                except OSError:
                    continue
                removed = remove_stale(target)
                if removed is None:
                    continue
                self.manifest.pop(key)
                for article in row[4]:
                    result = done[article]
                    where = f"written to {result.output}" if result.output else "not converted"
                    line = f"{result.source}: {where}; earlier output removed: {removed}"
                    result.problems.append(line)

    def gone(self) -> list[dict[str, Any]]:
        """The issue files of earlier runs whose articles are all gone (deleted, renamed or
        moved) and that this run did not write: kept, never removed (a source out of reach
        looks the same as one deleted), as a plain batch keeps a gone source's output. A row
        whose file is gone too is forgotten."""
        found = []
        for key in list(self.manifest.source_keys()):
            if not key.startswith(ISSUE_KEY) or key in self.touched:
                continue
            row = self.manifest.get(key)
            if row is None:
                continue
            outputs = [n for n in row[3] if os.path.exists(os.path.join(self.out_dir, n))]
            if not outputs:
                self.manifest.pop(key)
                continue
            if any(os.path.exists(_source_path(name)) for name in row[4]):
                continue  # (its articles are there, not given to this run)
            found.append(
                {
                    "issue": key.removeprefix(ISSUE_KEY),
                    "articles": list(row[4]),
                    "outputs": [os.path.join(self.out_dir, n) for n in outputs],
                }
            )
        return found


def _stamp(data: bytes) -> str:
    return ISSUE_STAMP + hashlib.sha256(data).hexdigest()


def gone_line(out_dir: Path, gone: list[dict[str, Any]]) -> str | None:
    """The run's one line for the issue files kept whose articles are gone (``gone``)."""
    names = [os.path.basename(p) for item in gone for p in item["outputs"]]
    if not names:
        return None
    shown = ", ".join(names[:GONE_NAMED])
    if len(names) > GONE_NAMED:
        shown += f" and {len(names) - GONE_NAMED:,} more"
    files, them = ("issue file", "it") if len(names) == 1 else ("issue files", "them")
    return (
        f"jatsconv: {out_dir}: {len(names):,} {files} of articles gone since an earlier run "
        f"(deleted, renamed or moved): {shown}; kept (remove {them} if withdrawn; --report "
        f"names {'its' if len(names) == 1 else 'their'} articles)"
    )
