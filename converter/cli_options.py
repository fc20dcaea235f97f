"""What the ``jatsconv`` commands share: options defined once (so that their names, choices,
defaults and help texts cannot drift apart), the exit-code table of every ``--help``, and the
one-line failure.

A bottom-level module: it imports no command (only the command table,
``converter.commands``) and not ``converter.cli``, so every module of ``converter.commands``
imports it freely and nothing imports the CLI but its entry point.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from converter.checks.profiles import PROFILES
from converter.commands import exit_codes
from converter.errors import EXIT_CODES, cannot_read, command_exit_codes
from converter.grammars import ENV_VAR
from converter.readers import READERS
from converter.readers.encoding import name_not_utf8
from converter.writers import WRITERS

if TYPE_CHECKING:
    from converter.grammars import Grammars
    from converter.options import Options
    from converter.readers.native import JournalSource

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def exit_help(codes: dict[int, str]) -> str:
    """A --help epilog listing exit codes ("\b" keeps click from re-wrapping the table)."""
    return "\b\nExit codes:\n" + "\n".join(f"  {code:>3}  {text}" for code, text in codes.items())


# Whether a file named on the command line was refused for a name that is not UTF-8 (set by
# ``text_file_names``; ``converter.cli`` then makes a success or "invalid" exit a bad-input one).
refused_names: list[str] = []


def text_file_names(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """A command's FILES without those whose names are not UTF-8 (a Windows archive unpacked
    as it was): each is one line saying what it reads as, and the run goes on with the others
    (no line, report or page can carry such a name: Python holds its bytes as surrogates)."""
    kept = []
    for item in value:
        problem = name_not_utf8(os.fspath(item))
        if problem is None:
            kept.append(item)
        else:
            click.echo(problem, err=True)
            refused_names.append(problem)
    return tuple(kept)


# The epilog of ``jatsconv --help``: every code of the table.
EXIT_HELP = exit_help(EXIT_CODES)


def command_exit_help(command: str) -> str:
    """The epilog of ``command``'s --help (``"schemas install"``; a group's lists its
    subcommands' codes): the codes ``converter.commands.EXITS`` says it can end with, in the
    words of the table (deposit's own for ``deposit``: its codes mean other things)."""
    table = command_exit_codes(command)
    codes = exit_codes(command)
    return exit_help({code: text for code, text in table.items() if code in codes})


def fail(message: str, code: int) -> NoReturn:
    """Print ``jatsconv: message`` on standard error and exit with ``code``."""
    from converter.redaction import redact

    click.echo(f"jatsconv: {redact(message)}", err=True)
    sys.exit(code)


def schema_dir_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--schema-dir",
        type=click.Path(file_okay=False, path_type=Path),
        envvar=ENV_VAR,
        metavar="DIR",
        help=f"Folder of the installed JATS DTDs (default: user cache; env {ENV_VAR}).",
    )(func)


def json_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print results as JSON.")(func)


def quiet_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("-q", "--quiet", is_flag=True, help="Print problems only.")(func)


class _ProfileNames(click.ParamType):
    """Profile names, given one per ``--profile`` or several joined by commas
    (``--profile crossref,doaj``): each is checked against the profiles there are."""

    name = "profile"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(sorted(PROFILES)) + "][,…]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, tuple):
            return value
        names = tuple(name.strip() for name in str(value).split(",") if name.strip())
        for name in names:
            if name not in PROFILES:
                known = ", ".join(repr(known) for known in sorted(PROFILES))
                self.fail(f"{name!r} is not one of {known}.", param, ctx)
        if not names:
            self.fail("no profile named", param, ctx)
        return names

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[Any]:
        from click.shell_completion import CompletionItem

        done, _, last = incomplete.rpartition(",")
        prefix = done + "," if done else ""
        return [CompletionItem(prefix + name) for name in sorted(PROFILES) if name.startswith(last)]


def _flat_profiles(ctx: click.Context, param: click.Parameter, value: Any) -> tuple[str, ...]:
    """The profiles of every ``--profile``, in order, each once."""
    return tuple(dict.fromkeys(name for names in value for name in names))


def profile_option(help_text: str) -> Decorator:
    """``--profile``, repeatable and comma-separated, for every command that checks profiles."""
    return click.option(
        "--profile",
        "profiles",
        multiple=True,
        type=_ProfileNames(),
        callback=_flat_profiles,
        help=help_text + " Several: repeat it, or join the names with commas.",
    )


def scheme_option(help_text: str, default: str | None = None) -> Decorator:
    """``-s/--scheme``: a Russian transliteration scheme, spelled alike by every command."""
    from converter.translit import SCHEMES

    return click.option(
        "-s",
        "--scheme",
        type=click.Choice(SCHEMES),
        default=default,
        show_default=default is not None,
        help=help_text,
    )


def from_option(help_text: str) -> Decorator:
    """``--from FORMAT``: the input format, one of the readers' names (default: detected)."""
    return click.option(
        "--from", "fmt", type=click.Choice(sorted(READERS)), default=None, help=help_text
    )


class ExistingFile(click.ParamType):
    """An option's file, which must be there: one that cannot be read is a usage error (exit
    2) in the words every command uses for a file, ``nothere.yaml: cannot read: no such file``
    (``is a folder, not a file``, ``permission denied``), not click's ``File 'nothere.yaml'
    does not exist.``"""

    name = "file"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        path = Path(value)
        if str(value) == STDIN:  # (standard input: read by the command, see ``journal_once``)
            return path
        try:  # (stat, not open: a named pipe, --journal <(…), is read once, by the command)
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a folder")
            path.stat()
        except OSError as exc:
            self.fail(f"{value}: {cannot_read(exc)}", param, ctx)
        return path

    @classmethod
    def check(cls, value: Path | None, name: str) -> None:
        """The check ``convert`` makes, made by the command itself for its option ``name``:
        the same usage error (exit 2) in the same words."""
        if value is None:
            return
        ctx = click.get_current_context()
        param = next((p for p in ctx.command.params if p.name == name), None)
        cls().convert(value, param, ctx)


STDIN = "-"
"""What names standard input (or output) where a command reads (or writes) one."""
STDIN_NAME = "<stdin>"
"""Standard input in messages, as an article read from ``-`` is named (``converter.readers``)."""
_DEV_STDIN = Path("/dev/stdin")


def journal_path(journal: Path | None, inputs: Iterable[str] = ()) -> Path | None:
    """``--journal`` as a run reads it: ``-`` is standard input, read as ``/dev/stdin`` is, once
    for every article (``journal_once``, ``batch``'s copy of a pipe); standard input
    redirected from a file is that file. Inputs read from ``-`` too would get nothing (one
    stream cannot be read twice): refused, exit 2, before anything is read."""
    if journal is None or str(journal) != STDIN:
        return journal
    if any(str(name) == STDIN for name in inputs):
        fail("--journal - and an input '-' cannot both be standard input: name a file for one", 2)
    try:
        if _DEV_STDIN.is_file():  # (``< journal.yaml``: the file itself, which workers can read)
            return _DEV_STDIN.resolve()
    except OSError:
        pass
    return _DEV_STDIN


def journal_name(journal: Path | None, path: Path | None) -> str | None:
    """How messages name the journal ``journal_path`` gave as ``path``: ``<stdin>`` for ``-``
    piped, as an article read from ``-`` is named (it said ``/dev/stdin``, a path the user
    never typed); None, by its path, otherwise (``< journal.yaml`` is that file)."""
    given_dash = journal is not None and str(journal) == STDIN
    return STDIN_NAME if given_dash and path == _DEV_STDIN else None


def journal_once(journal: Path | None, inputs: Iterable[str] = ()) -> JournalSource | None:
    """``--journal`` for a run of several articles (``journal_path``): a pipe or a device read
    now, once, its journal given to every article (``JournalCache.once``); a file as it is. A
    pipe that is no journal raises ``InputError``: the run cannot start (exit 3)."""
    from converter.readers.native import JournalCache

    path = journal_path(journal, inputs)
    return JournalCache().once(path, journal_name(journal, path))


def journal_option(help_text: str, *, checked: bool = True) -> Decorator:
    """``--journal FILE``: a journal file, which must exist (``-``: standard input, see
    ``journal_once``); ``checked=False`` leaves that to
    the command (``ExistingFile.check``), so that one that writes reports can write them
    first (``batch --report --junit``: CI's step that reads them had no file)."""
    kind = ExistingFile() if checked else click.Path(path_type=Path)
    help_text += " '-' reads it from standard input."
    return click.option("--journal", type=kind, metavar="FILE", help=help_text)


def _delimiter_value(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--delimiter``: one character; ``tab`` or ``\\t`` for a tab."""
    if value is None:
        return None
    if value in ("tab", "\\t", "\t"):
        return "\t"
    if len(value) != 1:
        raise click.BadParameter("give one character (',' ';' '|'), or 'tab'")
    return value


def csv_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--encoding`` and ``--delimiter`` for CSV input (default: detected, and said)."""
    func = click.option(
        "--delimiter",
        default=None,
        metavar="CHAR",
        callback=_delimiter_value,
        help="CSV column separator (default: ',' ';' or tab, detected from the header row).",
    )(func)
    return click.option(
        "--encoding",
        default=None,
        metavar="NAME",
        help="CSV text encoding, e.g. cp1251 (default: UTF-8, else Windows-1251 when the text "
        "reads as Russian in it).",
    )(func)


def _language_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A language tag (``en``, ``ru``, ``sr-Latn``), normalised; a usage error otherwise."""
    if value is None:
        return None
    try:
        from converter.languages import normalize_language

        return normalize_language(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def conversion_options(
    *, from_help: str, journal_help: str, no_validate: bool, journal_checked: bool = True
) -> Decorator:
    """The options of a conversion, in this order: ``--from``, ``--to``, ``--journal``,
    ``--jats-version``, ``--tag-set``, ``--write-invalid``, ``--no-validate`` (when
    ``no_validate``), ``--profile``, ``--strict``, ``--include-unpublished`` and
    ``--doaj-language``; ``--from`` and ``--journal`` take the command's help."""
    options: list[Decorator] = [
        from_option(from_help),
        click.option(
            "--to",
            "target",
            type=click.Choice(sorted(WRITERS)),
            default="jats",
            show_default=True,
            help="Output format.",
        ),
        journal_option(journal_help, checked=journal_checked),
        click.option(
            "--jats-version",
            type=click.Choice(["1.4", "1.3"]),
            default=None,
            help="JATS version written (and DTD validated against). Default: 1.4; 1.3, the "
            "latest PMC takes, with --profile pmc.",
        ),
        click.option(
            "--tag-set",
            type=click.Choice(["publishing", "archiving"]),
            default="publishing",
            show_default=True,
            help="JATS tag set: Journal Publishing or Archiving and Interchange.",
        ),
        click.option(
            "--write-invalid", is_flag=True, help="Write outputs even when the DTD rejects them."
        ),
    ]
    if no_validate:
        options.append(
            click.option(
                "--no-validate", is_flag=True, help="Skip DTD validation (not recommended)."
            )
        )
    options.append(profile_option("Also check against a service profile; errors fail the article."))

    options.append(
        click.option(
            "--strict",
            is_flag=True,
            help="Treat a 'data dropped' warning (a fact of the input not in the output) as an "
            "error: the article is not written (exit 3). For migrations that must be lossless.",
        )
    )
    options.append(
        click.option(
            "--include-unpublished",
            is_flag=True,
            help="Crossref and DOAJ output: also deposit articles the input says are not yet "
            "published (an OJS article scheduled for an issue), to register them ahead of "
            "publication day; without it they are refused (exit 3).",
        )
    )
    options.append(
        click.option(
            "--doaj-language",
            default=None,
            metavar="LANG",
            callback=_language_option,
            help="DOAJ output: the language whose title and abstract come first (DOAJ shows "
            "the first). Default: the first of the journal file's doaj.languages the article "
            "has, else the article's language.",
        )
    )

    def apply(func: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):  # the first listed ends up first in --help
            func = option(func)
        return func

    return apply


def jats4r_rules_required(profiles: Iterable[str]) -> None:
    """With ``--profile jats4r``, the JATS4R rules must be installed: asked by the command
    before it reads a file, so that the line is in a command's words
    (``Store.require(command=True)``), as the DTDs' is; the rule's own question, inside the
    library, says a Python caller's ways (and a batch said it per article, as an internal
    error, exit 70)."""
    if "jats4r" in profiles:
        from converter.schematron.store import get_store

        get_store().require(command=True)


def conversion_run(grammars: Grammars | None) -> Options:
    """The ``Options`` of the running command, from the parameters ``conversion_options``
    defined (read back from click's context, so convert and batch cannot build them apart).
    With pmc among the profiles and no ``--jats-version``, 1.3 is written, said once (not
    with ``-q``, which prints problems only: the version chosen is none)."""
    from converter.options import PMC_VERSION_NOTE, Options, default_version

    params = click.get_current_context().params
    jats4r_rules_required(params["profiles"])
    version = params["jats_version"]  # None: Options picks the version, as the API does
    pmc_default = version is None and default_version(params["profiles"]) != "1.4"
    if pmc_default and params["target"] == "jats" and not params.get("quiet"):
        click.echo(f"jatsconv: note: {PMC_VERSION_NOTE}", err=True)
    return Options(
        version=version,
        tag_set=params["tag_set"],
        target=params["target"],
        grammars=grammars,
        write_invalid=params["write_invalid"],
        profiles=tuple(params["profiles"]),
        strict=params["strict"],
        doaj_language=params["doaj_language"],
        include_unpublished=params["include_unpublished"],
    )
