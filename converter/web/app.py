"""The web app's pages (Flask): upload, results, preview, edit, download.

Safety, since metadata comes from anywhere and the app runs on an editor's machine:
- every page is a Jinja2 template with autoescaping on (whatever a template's name), so a title
  ``<script>alert(1)</script>`` is text; the Content-Security-Policy forbids any script
  (``script-src`` falls back to ``default-src 'none'``) and any request to another host. The
  exceptions are the list page's upload box script (``static/upload.js``, for dropped files
  and folders) and the edit page's Add buttons' (``static/edit.js``), each allowed on its page
  alone by its hash: no other script can run there either;
- each form carries a token of this run, and requests must name this server as their host, so
  another web site open in the browser cannot post to the app (nor reach it by DNS rebinding);
- uploads are limited in size and count; files are parsed as on the command line.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, redirect, render_template, request, url_for
from markupsafe import Markup

from converter.checks.profiles import PROFILES
from converter.web.form import build_form, error_paths, languages, shown_at, shows
from converter.web.unknown import read_post, unknown_fields
from converter.web.words import field_words
from converter.web.workspace import (
    FORMATS,
    SAVED_ELSEWHERE,
    TempFolderError,
    Workspace,
    deposit_text,
    left_out,
    megabytes,
    upload_box,
)

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
UPLOAD_SCRIPT = (Path(__file__).parent / "static" / "upload.js").read_text(encoding="utf-8")
# The list page runs the upload box's script, and only it: allowed by the hash of its text.
UPLOAD_PAGE_CSP = (
    f"{CSP}; script-src 'sha256-"
    f"{base64.b64encode(hashlib.sha256(UPLOAD_SCRIPT.encode()).digest()).decode()}'"
)
# The edit page runs its Add buttons' script, and only it, allowed the same way.
EDIT_SCRIPT = (Path(__file__).parent / "static" / "edit.js").read_text(encoding="utf-8")
EDIT_PAGE_CSP = (
    f"{CSP}; script-src 'sha256-"
    f"{base64.b64encode(hashlib.sha256(EDIT_SCRIPT.encode()).digest()).decode()}'"
)


class _App(Flask):
    def select_jinja_autoescape(self, filename: str) -> bool:
        """Escape in every template, not only in those whose name ends in ``.html``."""
        return True


def create_app(workspace: Workspace, allowed_hosts: set[str] | None = None) -> Flask:
    """The app over ``workspace``; ``allowed_hosts`` (``host:port`` values) guards against DNS
    rebinding: a request naming another host is refused."""
    app = _App(__name__, template_folder="templates")
    app.config["MAX_CONTENT_LENGTH"] = workspace.limits.max_total_bytes
    token = secrets.token_urlsafe(24)
    app.add_template_filter(megabytes)
    # What an upload or download has to say goes to the tab that asked, by a key in the
    # address it is sent back to (not to whichever tab loads the list next).
    notes: dict[str, list[str]] = {}

    def _back(messages: list[str]) -> Any:
        if not messages:
            return redirect(url_for("index"), 303)
        key = secrets.token_urlsafe(9)
        notes[key] = messages
        while len(notes) > 100:  # (notes never read: a tab closed before its redirect)
            del notes[next(iter(notes))]
        return redirect(url_for("index", note=key), 303)

    def _restarted() -> str:
        return render_template("restarted.html", token=token)

    @app.before_request
    def _guard() -> Any:
        if allowed_hosts is not None and request.host not in allowed_hosts:
            abort(400, "unknown host")
        if request.method == "POST" and not secrets.compare_digest(
            request.form.get("_token", ""), token
        ):
            # A form of an earlier run (the app was restarted) or of another site.
            return _restarted(), 403  # type: ignore[return-value]

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(413)
    def _too_large(_: Any) -> tuple[str, int]:
        message = workspace.limits.too_large()
        return render_template("message.html", message=message, token=token), 413

    @app.errorhandler(TempFolderError)
    def _temp_folder(error: TempFolderError) -> tuple[str, int]:
        app.logger.warning("jatsconv serve: %s", error.detail)  # one line, no traceback
        message = f"{error} Nothing of this request was kept; your earlier uploads are still there."
        return render_template("message.html", message=message, token=token), 507

    @app.errorhandler(500)
    def _internal(error: Any) -> tuple[str, int]:
        cause = getattr(error, "original_exception", None) or error
        message = (
            f"Internal error: {type(cause).__name__}: {cause} (a bug in jats-converter: please "
            "report it). Your uploads are still there."
        )
        return render_template("message.html", message=message, token=token), 500

    @app.get("/")
    def index() -> Response:
        messages = notes.pop(request.args.get("note", ""), [])
        page = render_template(
            "index.html",
            rows=list(workspace.rows.values()),
            profiles=sorted(PROFILES),
            chosen=workspace.profiles,
            formats=FORMATS,
            limits=workspace.limits,
            box=upload_box(workspace.limits),
            script=Markup(UPLOAD_SCRIPT),  # (its own text: the hash allows exactly that)
            messages=messages,
            deposit=deposit_text(),
            dtd=workspace.grammars is not None,
            token=token,
        )
        return Response(page, headers={"Content-Security-Policy": UPLOAD_PAGE_CSP})

    @app.post("/upload")
    def upload() -> Any:
        files = [
            (item.filename or "", item.read())
            for item in request.files.getlist("files")
            if item.filename
        ]
        # Files the upload box left out (over the size limit, hidden in a dropped folder) are
        # said again here, with what the upload itself has to say.
        said = []
        for item in request.form.getlist("left_out"):  # "too-big:big.pdf"
            why, _, name = item.partition(":")
            if line := left_out(why, name, workspace.limits):
                said.append(line)
        if not files:
            return _back(said or ["choose one or more files first"])
        return _back(said + workspace.add_upload(files))

    @app.post("/profiles")
    def profiles() -> Any:
        chosen = tuple(p for p in request.form.getlist("profile") if p in PROFILES)
        workspace.set_profiles(chosen)
        return redirect(url_for("index"), 303)

    def _row(row_id: int) -> Any:
        row = workspace.rows.get(row_id)
        if row is None:
            abort(404)
        return row

    @app.errorhandler(404)
    def _not_found(_: Any) -> tuple[str, int]:
        if request.path.startswith("/article/"):  # a page of an upload gone with a restart
            return _restarted(), 404
        message = "There is no such page in the app."
        return render_template("message.html", message=message, token=token), 404

    def _unread(row: Any, what: str) -> tuple[str, int]:
        message = f"{row.source} could not be read, so {what}."
        return render_template("message.html", message=message, token=token), 409

    @app.get("/article/<int:row_id>/preview")
    def preview(row_id: int) -> Any:
        from converter.preview import preview_tree
        from converter.validation import parse_untrusted

        row = _row(row_id)
        if row.jats is None:
            return _unread(row, "there is nothing to preview")
        tree = parse_untrusted(row.jats, row.stem)
        page = preview_tree(tree, row.source, workspace.profiles)[0]
        return Response(page.html, mimetype="text/html")

    @app.get("/article/<int:row_id>/references")
    def references(row_id: int) -> Any:
        """Each reference as the conversion writes it, and why one stays text."""
        from converter.enrich import GROUP_WORDS, readings_summary, reference_readings

        row = _row(row_id)
        if row.article is None:
            return _unread(row, "it has no references to show")
        readings = reference_readings(row.article)
        return render_template(
            "references.html",
            row=row,
            readings=readings,
            summary=readings_summary(readings),
            groups=GROUP_WORDS,
            token=token,
        )

    @app.route("/article/<int:row_id>/edit", methods=["GET", "POST"])
    def edit(row_id: int) -> Any:
        row = _row(row_id)
        if row.data is None:
            message = f"{row.source} is not an article the form can show: fix the file itself."
            return render_template("message.html", message=message, token=token), 409
        if request.method == "POST":
            # A failed save is shown by the GET that follows (so Back and reload work), with
            # what was typed kept in the row's draft until a save succeeds.
            posted = read_post(list(request.form.items(multi=True)))
            given = request.form.get("_saves", "")
            opened_at = int(given) if given.isdigit() else None
            if request.form.get("_add"):  # *Add …* without the page's script: nothing saved
                row.draft, row.draft_kept = posted.data, posted.kept
                row.draft_problems = posted.problems + workspace.problems(row, posted.known_part())
                row.draft_saves = opened_at if opened_at is not None else row.saves
                row.draft_blanks = _blanks(request.form, posted.data)
                # (back at the entry added, for the keyboard: the last blank one)
                name = request.form["_add"]
                entries = posted.data.get(name)
                last = len(entries if isinstance(entries, list) else [])
                last += row.draft_blanks.get(name, 1) - 1
                return redirect(url_for("edit", row_id=row.id, _anchor=f"{name}.{last}-entry"), 303)
            row.draft_blanks = {}
            if posted.problems:  # (said together with what the rest of the form would say)
                problems = posted.problems + workspace.problems(row, posted.known_part())
            else:
                problems = workspace.save(row, posted.data, posted.kept, opened_at)
                if not problems:
                    return redirect(url_for("index", _anchor=f"row-{row.id}"), 303)
            row.draft, row.draft_problems, row.draft_kept = posted.data, problems, posted.kept
            # The form shown again keeps the count it was opened with until a save succeeds,
            # so that another tab's save made in between is still not undone unsaid; once the
            # user is told of that save, the count now, so that saving again replaces it.
            told = SAVED_ELSEWHERE in problems
            row.draft_saves = opened_at if opened_at is not None and not told else row.saves
            return redirect(url_for("edit", row_id=row.id, failed=1), 303)
        data, kept, problems = (
            row.data,
            row.kept,
            [
                line.split(": ", 1)[1] if line.startswith(row.source) else line
                for line in row.problems
            ],
        )
        if row.draft is not None:
            data, kept, problems = row.draft, row.draft_kept, row.draft_problems
        unknown, problems = unknown_fields(data, kept, problems)
        errors = error_paths(problems)
        blanks = row.draft_blanks if row.draft is not None else {}
        fields = build_form(data, errors, typed=row.draft is not None, blanks=blanks)
        general = [
            _in_words(path, line)
            for path, lines in errors.items()
            if not path or not shows(fields, path)
            for line in lines
        ]
        # Each problem shown beside a box, listed at the top too as a link to it: a long form
        # (three authors, a reference list) is not scrolled through to find it.
        located = [
            (_in_words(path, line), at)
            for path, lines in errors.items()
            if path and (at := shown_at(fields, path))
            for line in lines
        ]
        page = render_template(
            "edit.html",
            row=row,
            fields=fields,
            located=located,
            unknown=unknown,
            held_at={".".join(map(str, u.at)): u.number for u in unknown if u.known},
            langs=languages(data),
            general=general,
            failed=bool(request.args.get("failed")) and row.draft is not None,
            saves=row.saves if row.draft is None else row.draft_saves,
            script=Markup(EDIT_SCRIPT),  # (its own text: the hash allows exactly that)
            token=token,
        )
        return Response(page, headers={"Content-Security-Policy": EDIT_PAGE_CSP})

    def _in_words(path: str, line: str) -> str:
        """A problem the form has no input for, naming its field in words; a missing journal
        says what to do in the app (the command line's advice names options)."""
        if path == "journal" and "no journal metadata" in line:
            line = "no journal metadata: upload the article again together with its journal.yaml"
        return f"{field_words(_bracketed(path))}: {line}" if path else line

    @app.post("/download")
    def download() -> Any:
        ids = [int(v) for v in request.form.getlist("row") if v.isdigit()]
        formats = [f for f in request.form.getlist("format") if f in FORMATS]
        if not ids or not formats:
            return _back(["choose at least one article and one output to download"])
        data = workspace.download(ids, formats)
        return Response(
            data,
            mimetype="application/zip",
            headers={"Content-Disposition": 'attachment; filename="jatsconv-outputs.zip"'},
        )

    return app


def _blanks(form: Any, data: dict[str, Any]) -> dict[str, int]:
    """The blank entries each list shows again after *Add …* was posted: those left blank
    (what was typed in one is an entry now), and one more in the list added to."""
    blanks = {}
    for key, shown in form.items():
        name = key.removeprefix("_shown.")
        if name == key or not shown.isdigit():
            continue
        entries = data.get(name) if "." not in name else None
        ticked = [k for k, v in form.items(multi=True) if v and k.endswith("._remove:bool")]
        removed = sum(1 for k in ticked if k.startswith(f"{name}."))
        left = int(shown) - len(entries if isinstance(entries, list) else []) - removed
        blanks[name] = max(1, left + (1 if name == form.get("_add") else 0))
    return blanks


def _bracketed(path: str) -> str:
    """A form path as the model writes it: ``authors.0.name`` → ``authors[0].name``."""
    return re.sub(r"\.(\d+)(?=\.|$)", r"[\1]", path)
