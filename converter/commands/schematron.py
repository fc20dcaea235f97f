"""``jatsconv schemas install-jats4r``: install the JATS4R Schematron rules into the user cache."""

from __future__ import annotations

from pathlib import Path

import click

from converter.cli_options import command_exit_help
from converter.schematron.store import ENV_VAR, PACKAGE, PACKAGE_VERSION, get_store, install


@click.command("install-jats4r", epilog=command_exit_help("schemas install-jats4r"))
@click.option(
    "--from",
    "source",
    type=click.Path(exists=True, path_type=Path),
    metavar="TGZ|FOLDER",
    help=f"The {PACKAGE} {PACKAGE_VERSION} tarball (integrity verified) or a folder holding "
    "jats4r.sch (default: the pinned package through npm).",
)
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="DIR",
    help=f"Where to install (default: user cache; env {ENV_VAR}).",
)
def install_jats4r(source: Path | None, folder: Path | None) -> None:
    """Install the JATS4R Schematron rules (check --profile jats4r), patched to run."""
    store = get_store(folder)
    origin = install(store, source)
    click.echo(f"installed {origin['source']} into {store.root}")
    for patch in origin["patches"]:  # type: ignore[union-attr]
        click.echo(f"  patched {patch['file']}: {patch['what']} ({patch['why']})")
