"""Each command's ``--help`` lists the exit codes that command can end with, and those alone.

The codes come from ``converter.commands.EXITS``, which names for each code the function that
ends a run with it; here the help is held to that table, the table to the code it names, and
the commonest codes (0, 2, 3, and where they apply 1, 4, 73) to what the commands really do.
"""

from __future__ import annotations

import importlib
import inspect
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from conftest import BILINGUAL, ROOT, SEED, deposit_environment
from converter.commands import EXITS, exit_codes, exit_paths
from converter.errors import COMMAND_EXIT_WORDS, EXIT_CODES, command_exit_codes

SEED_XML = SEED.with_suffix(".xml")
SEED_JOURNAL = SEED.parent.parent / "journal.yaml"
NOT_THERE = "{tmp}/missing.xml"
UNDER_A_FILE = "{tmp}/file/out"
# Codes this file runs for every command whose help lists them.
COMMONEST = {0, 1, 2, 3, 4, 73}


def _commands() -> Iterator[list[str]]:
    """Every command and subcommand, groups included, as the words that name it."""
    from converter.cli import cli

    context = click.Context(cli)

    def walk(command: click.Command, path: list[str]) -> Iterator[list[str]]:
        if path:
            yield path
        if isinstance(command, click.Group):
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                assert sub is not None
                yield from walk(sub, [*path, name])

    return walk(cli, [])


ALL = [" ".join(path) for path in _commands()]
LEAVES = [name for name in ALL if not any(other.startswith(name + " ") for other in ALL)]


def _help_table(run, command: str) -> dict[int, str]:
    """The exit codes ``command --help`` lists, with their words."""
    result = run(*command.split(), "--help")
    assert result.code == 0, result.err
    lines = result.out.split("Exit codes:\n", 1)[1].splitlines()
    table = {}
    for line in lines:
        code, _, text = line.strip().partition("  ")
        table[int(code)] = text.strip()
    return table


# ------------------------------------------------------------------ the help and the table


def test_every_command_has_its_exit_codes_named_in_the_table() -> None:
    assert sorted(EXITS) == sorted(LEAVES)


@pytest.mark.parametrize("command", ALL)
def test_each_help_lists_its_own_codes_in_the_words_of_the_table(run, command: str) -> None:
    words = command_exit_codes(command)
    listed = _help_table(run, command)
    assert sorted(listed) == sorted(exit_codes(command))
    for code, text in listed.items():
        assert text == words[code], (command, code)


# Commands that write no file: their help's 0 said "every output written and valid", their 73
# "the folder is read-only or cannot be created", their 130 "files already written are
# complete".
WRITE_NO_FILE = [
    "validate",
    "check",
    "consistency",
    "translit",
    "references",
    "serve",
    "schemas list",
    "schemas path",
    "deposit status",
]


@pytest.mark.parametrize("command", WRITE_NO_FILE)
def test_a_command_that_writes_no_file_says_so_in_its_codes(run, command: str) -> None:
    listed = _help_table(run, command)
    for code in (0, 73, 130):
        assert "output written" not in listed[code], (command, code)
        assert "read-only or cannot be created" not in listed[code] or command == "deposit status"
        assert "files already written" not in listed[code], (command, code)
    assert "standard output" in listed[73]


def test_each_command_says_what_its_codes_mean_for_it(run) -> None:
    """The words a help gives a code in are that command's: what 0 means for validate (every
    file valid), 73 for translit (its standard output), 130 for serve (the way it ends)."""
    assert (
        _help_table(run, "validate")[0] == "every file is valid against the DTD its DOCTYPE names"
    )
    assert _help_table(run, "check")[1] == "a file has an error of a profile checked"
    assert _help_table(run, "translit")[73] == (
        "standard output could not be written: the disk is full"
    )
    assert _help_table(run, "serve")[130] == (
        "stopped (Ctrl-C or SIGTERM), the way the app ends: its uploads are removed"
    )
    assert _help_table(run, "convert")[0] == "success: every output written and valid"


def test_the_words_of_a_command_are_for_codes_it_can_end_with() -> None:
    """A command's own words name a command there is, and only codes it can end with (a code
    it no longer makes leaves no words behind)."""
    for command, words in COMMAND_EXIT_WORDS.items():
        assert command in LEAVES, command
        assert set(words) <= exit_codes(command), command


def test_a_command_lists_no_code_it_cannot_end_with(run) -> None:
    """The codes ``translit`` cannot end with are not in its help (they were, once)."""
    listed = _help_table(run, "translit")
    assert {1, 4, 5, 6}.isdisjoint(listed)
    assert {0, 2, 3}.issubset(listed)
    assert _help_table(run, "deposit status").keys().isdisjoint({1, 4})


def test_jatsconv_help_lists_the_whole_table(run) -> None:
    assert _help_table(run, "") == EXIT_CODES


@pytest.mark.parametrize("command", LEAVES)
def test_each_code_is_made_where_the_table_says(command: str) -> None:
    """Each ``Exit`` names a function whose text makes that exit: a rename or a removal that
    leaves the table behind fails here."""
    for exit in exit_paths(command):
        module_name, _, qualname = exit.where.partition(":")
        found: object = importlib.import_module(module_name)
        for part in qualname.split("."):
            found = getattr(found, part)
        found = inspect.unwrap(getattr(found, "callback", None) or found)  # type: ignore[arg-type]
        assert exit.by in inspect.getsource(found), f"{command}: {exit}"


# ------------------------------------------------------------------ the codes, run

# (command, code, arguments after the command's words): ``{tmp}`` is the test's folder, which
# holds a file named ``file`` (so ``{tmp}/file/out`` cannot be created), an empty folder
# ``empty``, and the deposit files ``crossref.xml`` and ``doaj.xml``, and each without its ISSNs
# (``no-issn.crossref.xml``, ``no-issn.doaj.xml``).
CASES: list[tuple[str, int, tuple[str | Path, ...]]] = [
    ("convert", 0, (SEED, "-o", "{tmp}/out")),
    ("convert", 1, (SEED, "-o", "{tmp}/out", "--profile", "rsci")),
    ("convert", 3, ("{tmp}/missing.yaml", "-o", "{tmp}/out")),
    ("convert", 4, (SEED, "-o", "{tmp}/out", "--schema-dir", "{tmp}/empty")),
    ("convert", 73, (SEED, "-o", UNDER_A_FILE)),
    ("batch", 0, (SEED, "-o", "{tmp}/out", "-j", "1", "-q")),
    ("batch", 1, (SEED, "-o", "{tmp}/out", "-j", "1", "-q", "--profile", "rsci")),
    ("batch", 3, ("{tmp}/missing.yaml", "-o", "{tmp}/out", "-j", "1", "-q")),
    ("batch", 4, (SEED, "-o", "{tmp}/out", "--schema-dir", "{tmp}/empty")),
    ("batch", 73, (SEED, "-o", UNDER_A_FILE, "-j", "1", "-q")),
    ("validate", 0, (SEED_XML,)),
    ("validate", 1, ("{tmp}/invalid.xml",)),
    ("validate", 3, (NOT_THERE,)),
    ("validate", 4, (SEED_XML, "--schema-dir", "{tmp}/empty")),
    ("check", 0, (SEED_XML,)),
    ("check", 1, (SEED_XML, "--profile", "rsci")),
    ("check", 3, (NOT_THERE,)),
    ("check", 4, (SEED_XML, "--profile", "jats4r")),  # (no rules in JATSCONV_SCHEMATRON_DIR)
    ("consistency", 0, (SEED,)),
    ("consistency", 1, ("{tmp}/mixed.yaml", "--journal", SEED_JOURNAL)),
    ("consistency", 3, ("{tmp}/missing.yaml",)),
    ("preview", 0, (SEED_XML, "-o", "{tmp}/out")),
    ("preview", 1, (SEED_XML, "-o", "{tmp}/out", "--profile", "rsci")),
    ("preview", 3, (NOT_THERE, "-o", "{tmp}/out")),
    ("preview", 4, (SEED_XML, "-o", "{tmp}/out", "--profile", "jats4r")),
    ("preview", 73, (SEED_XML, "-o", UNDER_A_FILE)),
    ("package", 0, ("{tmp}/issue/streltsov-110.xml", "-o", "{tmp}/out")),
    ("package", 3, (NOT_THERE, "-o", "{tmp}/out")),
    ("package", 73, ("{tmp}/issue/streltsov-110.xml", "-o", UNDER_A_FILE)),
    ("translit", 0, ("Москва",)),
    ("translit", 3, ("Мінск ў",)),  # Belarusian: no scheme
    ("references", 0, ("Ivanov I.I. Japan today. Moscow: Nauka, 2010. 200 p.",)),
    ("references", 3, ("--article", "{tmp}/missing.yaml")),
    ("init", 0, ("-o", "{tmp}/journal.yaml", "--no-prompt")),
    ("init", 3, ("-o", "{tmp}/journal.yaml", "--no-prompt", "--print-issn", "2500-2871")),
    ("init", 73, ("-o", "{tmp}/file/journal.yaml", "--no-prompt")),
    ("schemas install", 0, ("--from", "{dtds}", "--schema-dir", "{tmp}/dtds")),
    ("schemas install", 4, ("--from", "{tmp}/empty", "--schema-dir", "{tmp}/dtds")),
    ("schemas install", 73, ("--from", "{dtds}", "--schema-dir", "{tmp}/file/dtds")),
    ("schemas list", 0, ()),
    ("schemas list", 4, ("--schema-dir", "{tmp}/empty")),
    ("schemas path", 0, ()),
    ("schemas path", 4, ("--schema-dir", "{tmp}/empty")),
    ("schemas input", 0, ("-o", "{tmp}/input.json")),
    ("schemas input", 73, ("-o", "{tmp}/file/input.json")),
    ("schemas install-jats4r", 4, ("--from", "{tmp}/empty", "--dir", "{tmp}/jats4r")),
    ("schemas install-jats4r", 73, ("--from", "{tmp}/empty", "--dir", "{tmp}/file/jats4r")),
    ("deposit crossref", 0, ("{tmp}/crossref.xml", "--dry-run")),
    ("deposit crossref", 1, ("{tmp}/no-issn.crossref.xml", "--dry-run")),
    ("deposit crossref", 3, (NOT_THERE, "--dry-run")),
    ("deposit crossref", 4, ("{tmp}/crossref.xml", "--dry-run",
                             "--crossref-schema", "{tmp}/empty")),
    ("deposit doaj", 0, ("{tmp}/doaj.xml", "--dry-run")),
    ("deposit doaj", 1, ("{tmp}/no-issn.doaj.xml", "--dry-run")),
    ("deposit doaj", 3, (NOT_THERE, "--dry-run")),
    ("deposit doaj", 4, ("{tmp}/doaj.xml", "--dry-run", "--doaj-schema", "{tmp}/empty")),
    ("deposit status", 0, ("--list",)),
    # a service not reached (a closed port of this machine): the question failed
    ("deposit status", 5, ("b-1", "--service", "crossref", "--endpoint", "{closed}",
                           "--retries", "0")),
]  # fmt: skip
# The same runs with what the command needs changed in the environment.
SPECIAL_CASES: list[tuple[str, int, tuple[str | Path, ...], dict[str, str]]] = [
    ("deposit crossref", 73, ("{tmp}/crossref.xml", "--endpoint", "{closed}"),
     {"JATSCONV_STATE_DIR": "{tmp}/file/state"}),
    ("deposit doaj", 73, ("{tmp}/doaj.xml", "--endpoint", "{closed}"),
     {"JATSCONV_STATE_DIR": "{tmp}/file/state"}),
    ("deposit status", 73, ("b-1", "--service", "crossref", "--endpoint", "{closed}"),
     {"JATSCONV_STATE_DIR": "{tmp}/file/state"}),
    ("deposit status", 3, ("b-1", "--service", "crossref", "--endpoint", "{closed}"),
     {"JATSCONV_CONFIG": "{tmp}/broken.toml", "CROSSREF_USERNAME": "", "CROSSREF_PASSWORD": ""}),
]  # fmt: skip
# Codes of COMMONEST a command's help lists that no case here runs, and why.
NOT_RUN = {
    ("serve", 0): "serve runs until Ctrl-C stops it",
    ("schemas install-jats4r", 0): "its one source is the pinned package, fetched with npm",
    ("serve", 73): "its 73 is its first line to a full disk, and it runs until stopped",
}
# Commands whose only way to 73 is standard output on a full disk: run in a process of its own.
STANDARD_OUTPUT_73 = {
    "translit": ("Москва",),
    "references": ("Ivanov I.I. Japan today. Moscow: Nauka, 2010. 200 p.",),
    "validate": (SEED_XML, "--json"),
    "check": ("--list-rules",),
    "consistency": (SEED, "--json"),
    "schemas list": ("--json",),
    "schemas path": (),
    "deposit status": ("--list",),
}


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The files the cases name (see ``CASES``); deposits go nowhere and log into it."""
    from converter.api import render
    from converter.options import Options
    from converter.readers.native import load_article

    deposit_environment(tmp_path, monkeypatch)
    monkeypatch.setenv("JATSCONV_SCHEMATRON_DIR", str(tmp_path / "empty"))
    (tmp_path / "file").write_text("a file where a folder would be\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "broken.toml").write_text("[crossref\n", encoding="utf-8")
    data = SEED_XML.read_bytes()
    invalid = data.replace(b"<article-meta>", b"<article-meta><no-such-element/>", 1)
    assert invalid != data
    (tmp_path / "invalid.xml").write_bytes(invalid)
    (tmp_path / "mixed.yaml").write_text(
        SEED.read_text(encoding="utf-8").replace("Systemic", "Syst\u0435mic"), encoding="utf-8"
    )
    (tmp_path / "journal.yaml").unlink(missing_ok=True)
    (tmp_path / "issue").mkdir()
    (tmp_path / "issue" / "streltsov-110.xml").write_bytes(data)
    (tmp_path / "issue" / "streltsov-110.pdf").write_bytes(b"%PDF-1.4 test\n")
    article = load_article(BILINGUAL)  # (it has a DOI and a landing page)
    for target in ("crossref", "doaj"):
        output = render(article, Options(target=target), target)
        assert output.valid, output.problems
        (tmp_path / f"{target}.xml").write_bytes(output.data)
    for target in ("crossref", "doaj"):
        text = (tmp_path / f"{target}.xml").read_text(encoding="utf-8")
        no_issn = re.sub(r"<(e?issn)\b[^>]*>[^<]*</\1>", "", text)
        assert "issn>" not in no_issn
        (tmp_path / f"no-issn.{target}.xml").write_text(no_issn, encoding="utf-8")
    return tmp_path


def _filled(value: str | Path, tmp: Path) -> str:
    from converter.grammars import get_grammars

    return str(value).format(
        tmp=tmp, closed="http://127.0.0.1:9/", dtds=get_grammars().root / "package"
    )


def _run_case(run, tmp: Path, command: str, args: tuple[str | Path, ...]):
    return run(*command.split(), *(_filled(arg, tmp) for arg in args))


@pytest.mark.parametrize(
    ("command", "code", "args"), CASES, ids=[f"{c} {code}" for c, code, _ in CASES]
)
def test_the_code_a_command_ends_with_is_in_its_help(
    run, workspace: Path, store, command: str, code: int, args: tuple[str | Path, ...]
) -> None:
    result = _run_case(run, workspace, command, args)
    assert result.code == code, result.err
    assert code in _help_table(run, command)


@pytest.mark.parametrize(
    ("command", "code", "args", "env"),
    SPECIAL_CASES,
    ids=[f"{c} {code}" for c, code, _, _ in SPECIAL_CASES],
)
def test_the_code_of_a_run_in_its_own_environment_is_in_its_help(
    run, workspace: Path, monkeypatch, command: str, code: int, args, env: dict[str, str]
) -> None:
    for name, value in env.items():
        if value:
            monkeypatch.setenv(name, _filled(value, workspace))
        else:
            monkeypatch.delenv(name, raising=False)
    result = _run_case(run, workspace, command, args)
    assert result.code == code, result.err
    assert code in _help_table(run, command)


@pytest.mark.parametrize("command", LEAVES)
def test_a_wrong_option_is_exit_2_as_every_help_says(run, command: str) -> None:
    result = run(*command.split(), "--no-such-option")
    assert result.code == 2
    assert "No such option" in result.err and "--no-such-option" in result.err
    assert 2 in _help_table(run, command)


@pytest.mark.parametrize("command", sorted(STANDARD_OUTPUT_73))
def test_standard_output_on_a_full_disk_is_73_as_the_help_says(
    run, store, tmp_path: Path, command: str
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JATSCONV_STATE_DIR": str(tmp_path)}
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "converter", *command.split(),
             *map(str, STANDARD_OUTPUT_73[command])],
            stdin=subprocess.DEVNULL, stdout=full, stderr=subprocess.PIPE, cwd=ROOT, env=env,
            check=False, timeout=120,
        )  # fmt: skip
    assert done.returncode == 73, done.stderr.decode()
    assert 73 in _help_table(run, command)


def test_every_common_code_a_help_lists_is_run_here(run) -> None:
    """A command that comes to list 1, 3, 4 or 73 gets a case here (or says why it has none)."""
    ran = {(command, code) for command, code, _ in CASES}
    ran |= {(command, code) for command, code, _, _ in SPECIAL_CASES}
    ran |= {(command, 2) for command in LEAVES}
    ran |= {(command, 73) for command in STANDARD_OUTPUT_73}
    unrun = [
        f"{command} {code}"
        for command in LEAVES
        for code in sorted(COMMONEST & set(_help_table(run, command)))
        if (command, code) not in ran and (command, code) not in NOT_RUN
    ]
    assert unrun == []
