"""``jatsconv serve``: the local web app (see ``converter.web``)."""

from __future__ import annotations

from pathlib import Path

import click

from converter.cli_options import (
    command_exit_help,
    fail,
    journal_once,
    journal_option,
    profile_option,
    schema_dir_option,
)
from converter.errors import EXIT_INTERRUPTED, EXIT_USAGE


@click.command(epilog=command_exit_help("serve"))
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ADDRESS",
              help="Address to listen on. Anything but 127.0.0.1/localhost opens the app "
              "to other machines: only on a network you trust.")  # fmt: skip
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              metavar="PORT",
              help="Port (0: any free port; the URL printed names it).")  # fmt: skip
@click.option("--open", "open_browser", is_flag=True, help="Open the app in the web browser.")
@profile_option("Profiles checked at first (default general; the page can change them).")
@journal_option("Journal file for uploads that have none beside them.")
@click.option("--max-files", metavar="N", default=200, show_default=True, type=click.IntRange(1),
              help="Most files in one upload.")  # fmt: skip
@click.option("--max-file-mb", metavar="N", default=20, show_default=True, type=click.IntRange(1),
              help="Largest file accepted, in MB.")  # fmt: skip
@click.option("--max-upload-mb", metavar="N", default=100, show_default=True,
              type=click.IntRange(1),
              help="Largest upload (all its files together), in MB.")  # fmt: skip
@schema_dir_option
def serve(
    host: str,
    port: int,
    open_browser: bool,
    profiles: tuple[str, ...],
    journal: Path | None,
    max_files: int,
    max_file_mb: int,
    max_upload_mb: int,
    schema_dir: Path | None,
) -> None:
    """Run the local web app: check, preview, fix and download articles in a browser.

    Upload articles in any format the converter reads, see what to fix, preview them, edit one
    in a form, download the outputs as a zip. Bound to 127.0.0.1 unless --host says otherwise;
    nothing is sent anywhere; uploaded files live in a temporary folder removed when the app
    stops (Ctrl-C).
    """
    from converter.grammars import get_grammars
    from converter.web import Limits
    from converter.web import serve as run

    store = get_grammars(schema_dir)
    limits = Limits(max_files, max_file_mb * 1024 * 1024, max_upload_mb * 1024 * 1024)
    try:
        run(
            host,
            port,
            # (a command's store: a DTD missing is said with the commands, as before, not
            # with the Python API's arguments)
            grammars=store.require(command=True) if store.installed() else None,
            journal=journal_once(journal),  # (a pipe, '-' too, read once, at start)
            limits=limits,
            profiles=profiles or ("general",),
            open_browser=open_browser,
            announce=lambda line: click.echo(line),
        )
    except OSError as exc:  # the port is taken, the address is not this machine's …
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc} (try another --port)",
             EXIT_USAGE)  # fmt: skip
    except KeyboardInterrupt:  # (one that came before or after the server loop caught it)
        pass
    # The app runs until Ctrl-C or SIGTERM stops it: a stopped command exits 130, as every
    # other command does (it exited 0, as if it had done its work).
    fail("stopped; the uploads are removed", EXIT_INTERRUPTED)
