"""``jatsconv convert``: article files (or standard input, or DOIs) to validated JATS, or to
another ``--to`` format, through the library's pipeline (``converter.api``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from converter.api import (
    Conversion,
    OutputClaims,
    check_output_folder,
    convert_file,
    output_suffix,
    refusals,
    render,
)
from converter.cli_options import (
    command_exit_help,
    conversion_options,
    conversion_run,
    csv_options,
    fail,
    journal_name,
    journal_path,
    json_option,
    quiet_option,
    schema_dir_option,
)
from converter.errors import EXIT_INPUT, EXIT_INVALID, EXIT_OK, OutputError
from converter.floods import Cap
from converter.grammars import get_grammars
from converter.naming import fit_name
from converter.notices import RunNotices, rejected_line, report_lines
from converter.options import Options
from converter.readers import Loaded, ReadContext, read_source, read_stdin
from converter.readers.base import DEFAULT_CROSSREF_API
from converter.shared_dois import SharedDois


@click.command(epilog=command_exit_help("convert"))
@click.argument("articles", nargs=-1, required=False)
@click.option(
    "-o",
    "--output",
    "output",
    default=None,
    metavar="DIR|-",
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
    metavar="DOI",
    help="Fetch this DOI's record from the Crossref REST API and convert it (network; repeatable).",
)
@click.option(
    "--crossref-api",
    default=DEFAULT_CROSSREF_API,
    show_default=True,
    metavar="URL",
    help="Base URL of the Crossref REST API used by --doi.",
)
@click.option(
    "--preview",
    "with_preview",
    is_flag=True,
    help="Also write an HTML preview page (ARTICLE.preview.html) beside each JATS output.",
)
@click.option(
    "--per-issue",
    is_flag=True,
    help="With --to crossref: one deposit file per issue (ISSN-vVOL-nISSUE.crossref.xml).",
)
@csv_options
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
    include_unpublished: bool,
    doaj_language: str | None,
    dois: tuple[str, ...],
    crossref_api: str,
    with_preview: bool,
    per_issue: bool,
    encoding: str | None,
    delimiter: str | None,
    schema_dir: Path | None,
    as_json: bool,
    quiet: bool,
) -> None:
    """Convert article files to JATS XML (or another --to format).

    Each ARTICLE.yaml becomes ARTICLE.xml, validated against the DTD before it is written;
    an invalid result is not written unless --write-invalid. A source holding several
    articles (an OJS export) gives one file per article. '-' reads standard input.
    """
    store = None if no_validate else get_grammars(schema_dir).require(command=True)
    options = conversion_run(store)
    context = ReadContext(encoding=encoding, delimiter=delimiter)
    if not articles and not dois:
        fail("give ARTICLE files (or '-') or --doi DOI", 2)
    if dois and output == "-":
        fail("--doi writes files: give -o DIR (or none, for the current folder)", 2)
    if with_preview and (target != "jats" or output == "-"):
        fail("--preview writes a page beside each JATS file: use it with --to jats and files", 2)
    if per_issue and target != "crossref":
        fail("--per-issue makes Crossref deposits: use it with --to crossref", 2)
    if per_issue and output == "-":
        fail("--per-issue writes one file per issue: give -o DIR (or none)", 2)
    to_stdout = output == "-" or (articles == ("-",) and output is None)
    if to_stdout and as_json:
        fail("--json and the XML would share standard output: give -o DIR with --json", 2)
    # (a --journal pipe, /dev/stdin or <(…), read once for all the articles: the second read
    # it empty, 'the file is empty'; one that is no journal stops the run, exit 3)
    given = journal_path(journal, articles)
    context.journal = context.cache.once(given, journal_name(journal, given))
    if to_stdout:
        sys.exit(_convert_to_stdout(articles, fmt, context, options))
    results: list[Conversion] = []
    folder = Path(output) if output else None
    if folder is not None:
        check_output_folder(folder)
    if per_issue:
        results = _convert_per_issue(articles, dois, folder, fmt, context, options, crossref_api)
        _report(results, as_json, quiet)
        sys.exit(_exit_code(results))
    claims = OutputClaims()  # an output named twice is refused, never written over

    def convert_one(loaded: Loaded) -> Conversion:
        target = (folder or Path.cwd()) / fit_name(loaded.stem + output_suffix(options))
        return claims.convert(loaded, target, options)

    try:
        for source in articles:
            if source == "-":
                results.extend(convert_one(loaded) for loaded in read_stdin(fmt, context))
                continue
            results.extend(
                convert_file(
                    source, folder, options=options, fmt=fmt, context=context, claims=claims
                )
            )
        for doi in dois:  # explicit network use: the Crossref record of each DOI
            results.extend(convert_one(loaded) for loaded in _read_doi(doi, context, crossref_api))
    except OutputError:
        # Disk full, folder read-only: what was done is reported, then the one line that
        # says why the run stopped (every later article would fail the same way).
        _report(results, as_json, quiet)
        raise
    if with_preview:
        _write_previews(results, profiles, quiet)
    _report(results, as_json, quiet)
    sys.exit(_exit_code(results))


def _convert_per_issue(
    articles: tuple[str, ...],
    dois: tuple[str, ...],
    folder: Path | None,
    fmt: str | None,
    context: ReadContext,
    options: Options,
    crossref_api: str,
) -> list[Conversion]:
    """``--to crossref --per-issue``: read everything first, then one deposit per issue."""
    from converter.per_issue import convert_per_issue

    items: list[tuple[Loaded, Path]] = []
    for source in articles:
        if source == "-":
            items.extend((loaded, folder or Path.cwd()) for loaded in read_stdin(fmt, context))
            continue
        base = folder or Path(source).parent
        items.extend((loaded, base) for loaded in read_source(Path(source), fmt, context))
    for doi in dois:  # explicit network use: the Crossref record of each DOI
        items.extend(
            (loaded, folder or Path.cwd()) for loaded in _read_doi(doi, context, crossref_api)
        )
    return convert_per_issue(items, options)


def _write_previews(results: list[Conversion], profiles: tuple[str, ...], quiet: bool) -> None:
    """``convert --preview``: the page of each JATS file written, beside it."""
    from converter.preview.files import preview_output

    for result in results:
        if result.output:
            for page in preview_output(Path(result.output), profiles):
                if not quiet:
                    click.echo(f"{result.output} -> {page}", err=True)


def _convert_to_stdout(
    articles: tuple[str, ...], fmt: str | None, context: ReadContext, options: Options
) -> int:
    if len(articles) != 1:
        fail("'-o -' writes one article to standard output: give exactly one input", 2)
    source = articles[0]
    loaded = (
        read_stdin(fmt, context) if source == "-" else list(read_source(Path(source), fmt, context))
    )
    if len(loaded) != 1:
        fail(f"{source} holds {len(loaded)} articles: '-o -' takes exactly one", 2)
    item = loaded[0]
    for line in report_lines(item.name, item.warnings):
        click.echo(line, err=True)
    run = RunNotices()
    run.add(item.warnings, item.name)
    for line in run.lines():
        click.echo(f"jatsconv: {line}", err=True)
    refused = refusals(item, options)
    if item.article is None or refused:
        for line in [*item.problems, *refused]:
            click.echo(line, err=True)
        return EXIT_INPUT
    result = render(item.article, options, "<stdout>")
    for problem in result.problems:
        click.echo(str(problem), err=True)
    if not result.to_write(options.write_invalid):
        return EXIT_INVALID
    sys.stdout.buffer.write(result.data)
    sys.stdout.flush()
    return EXIT_OK if result.valid else EXIT_INVALID


def _report(results: list[Conversion], as_json: bool, quiet: bool) -> None:
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
        return
    shared = SharedDois()
    for result in results:  # two articles of the run with one DOI: a warning on the later
        line = shared.warning(result.source, result.doi) if result.status != "bad-input" else None
        if line:
            result.problems.append(line)
    run = RunNotices()
    cap = Cap()  # 20 lines of one kind of problem, then a count (the kind judged without the file)
    said: set[str] = set()  # (a line of a whole --per-issue issue is on each of its articles)

    def problem(line: str, source: str) -> None:
        if line in said:
            return
        said.add(line)
        if cap.admit(line, line.removeprefix(f"{source}: ")):
            click.echo(line, err=True)

    for result in results:
        for line in report_lines(result.source, result.warnings, quiet=quiet):
            problem(line, result.source)
        run.add(result.warnings, result.source)
        for line in result.problems:
            problem(line, result.source)
        if not quiet and result.status == "converted":
            click.echo(f"{result.source} -> {result.output}", err=True)
        elif result.status == "invalid":
            problem(rejected_line(result.source, result.output, result.removed), result.source)
        elif result.removed:  # bad input: what an earlier run wrote would now be stale
            problem(
                f"{result.source}: not converted; earlier output removed: {result.removed}",
                result.source,
            )
    for line in cap.summary():
        click.echo(line, err=True)
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


def _read_doi(doi: str, context: ReadContext, api: str) -> list[Loaded]:
    """``--doi``: the Crossref record of one DOI (the only network use of ``convert``)."""
    from converter.readers.crossref import read_doi

    return list(read_doi(doi, context, api))
