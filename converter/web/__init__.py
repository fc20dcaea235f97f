"""``jatsconv serve``: a local web app for editors — upload, check, preview, fix, download.

Batches, CI and deposits stay on the command line; this is for the one-article-at-a-time work
of an editor who does not live in a terminal. The app is bound to 127.0.0.1 by default, sends
nothing anywhere, and keeps uploads in a temporary folder that is removed when it stops.
"""

from __future__ import annotations

import re
import signal
import socket
import sys
import webbrowser
from collections.abc import Callable
from types import FrameType

from converter.grammars import Grammars
from converter.readers.native import JournalSource
from converter.web.workspace import Limits, Workspace

__all__ = ["Limits", "Workspace", "serve"]

# werkzeug colours a request line by its status (404 yellow, 5xx magenta) whatever stderr is;
# sent to a file or a service manager's journal, the codes are noise ("\x1b[33mGET /x\x1b[0m").
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _plain_log_handler() -> type:
    """werkzeug's request handler, whose log lines lose their colour codes when stderr is not a
    terminal. The request path's own control characters are escaped by werkzeug before it adds
    colour, so every escape removed here is one werkzeug added."""
    from werkzeug.serving import WSGIRequestHandler

    class PlainLogHandler(WSGIRequestHandler):
        def log(self, type: str, message: str, *args: object) -> None:
            if not sys.stderr.isatty():
                args = tuple(_ANSI.sub("", a) if isinstance(a, str) else a for a in args)
            super().log(type, message, *args)

    return PlainLogHandler


def serve(
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    grammars: Grammars | None,
    journal: JournalSource | None = None,
    limits: Limits | None = None,
    profiles: tuple[str, ...] = ("general",),
    open_browser: bool = False,
    announce: Callable[[str], None] = print,
) -> None:
    """Run the app until interrupted (Ctrl-C or SIGTERM); the upload folder is removed then.

    ``port`` 0 takes any free port; the URL printed names the one taken.
    """
    from werkzeug.serving import make_server

    from converter.web.app import create_app

    workspace = Workspace(grammars, journal=journal, limits=limits, profiles=profiles)
    try:
        # Bound here, not by werkzeug, so that a port in use is an OSError the command turns
        # into one line (werkzeug would print its own advice and exit).
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listener = socket.create_server((host, port), family=family)
        real_port = listener.getsockname()[1]
        server = make_server(
            host,
            real_port,
            create_app(workspace, None),
            threaded=True,
            fd=listener.fileno(),
            request_handler=_plain_log_handler(),
        )
        listener.close()  # the server holds its own copy of the socket
        shown = f"[{host}]" if ":" in host else host
        names = {f"{shown}:{real_port}", f"localhost:{real_port}", f"127.0.0.1:{real_port}"}
        # On the loopback address a request must name it (DNS rebinding); an app opened to the
        # network with --host is reached by whatever name the other machines use.
        loopback = host in ("127.0.0.1", "localhost", "::1")
        server.app = create_app(workspace, names if loopback else None)
        url = f"http://{shown}:{real_port}/"

        def _stop(signum: int, frame: FrameType | None) -> None:
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, _stop)  # a plain kill removes the uploads too
        announce(f"jatsconv serve: {url}  (Ctrl-C stops it; uploads in {workspace.root})")
        if open_browser:
            webbrowser.open(url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    finally:
        workspace.close()
        sys.stdout.flush()
