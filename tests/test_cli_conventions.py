"""The commands as a script meets them: one spelling of each idea, one exit code for each outcome,
data alone on standard output, one line (never a traceback) for whatever goes wrong.

Each test is something a shell script or a CI job would trip over: a pipe closed by ``head``, a
full disk behind standard output, Ctrl-C, an output path under a file, a FIFO, ``--json`` output
that is not JSON.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BILINGUAL, ROOT, SEED
from converter.errors import EXIT_CODES

SEED_XML = SEED.with_suffix(".xml")
BILINGUAL_JOURNAL = BILINGUAL.parent.parent / "journal.yaml"


def jatsconv(
    *args: str | Path, stdout: object = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    """``python -m converter ARGS`` in a process of its own (this checkout's package)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "converter", *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=120,
    )


# ------------------------------------------------------------------ standard output


def test_a_pipe_closed_early_ends_the_run_quietly_with_141() -> None:
    """``jatsconv … | head -1``: no message, no 'invalid' exit 1 (click's own answer): 141, the
    code a shell gives any program a closed pipe stops (documented in the table)."""
    lines = "\n".join(["Москва"] * 60_000).encode() + b"\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "converter", "translit"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(lines)
    process.stdin.close()
    assert process.stdout.read(7) == b"Moskva\n"
    process.stdout.close()  # as head does after its first line
    process.wait(timeout=120)
    assert process.stderr is not None
    assert process.stderr.read() == b""
    assert process.returncode == 141
    assert 141 in EXIT_CODES


@pytest.mark.parametrize(
    "args",
    [
        ["convert", SEED, "-o", "-"],
        ["validate", SEED_XML, "--json"],
        ["schemas", "input"],
    ],
    ids=["convert -o -", "validate --json", "schemas input"],
)
def test_standard_output_on_a_full_disk_is_exit_73(args: list[str | Path], store) -> None:
    with open("/dev/full", "wb") as full:
        done = jatsconv(*args, stdout=full)
    err = done.stderr.decode()
    assert done.returncode == 73, err
    assert err == "jatsconv: standard output: cannot write: disk full (no space left on device)\n"


def _waiting_on_a_pipe(pid: int, seconds: float = 30.0) -> None:
    """Wait until process ``pid`` blocks reading a pipe (its standard input): a Ctrl-C sent
    while it is still importing would test the interpreter, not the CLI. Where the kernel does
    not name the wait, a fixed pause stands in."""
    wchan = Path(f"/proc/{pid}/wchan")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if "pipe" in wchan.read_text():
                return
        except OSError:
            break
        time.sleep(0.05)
    time.sleep(3)


def test_ctrl_c_says_what_the_table_says(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "converter", "convert", "-", "-o", tmp_path, "--no-validate"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
        # a shell's background job (a CI step run with '&') ignores Ctrl-C, and so would the
        # interpreter it starts: the user's terminal does not
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    _waiting_on_a_pipe(process.pid)  # the command is waiting for standard input
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.stdin is not None
    process.stdin.close()
    assert process.returncode == 130
    assert out == b""
    assert err.decode().strip() == "jatsconv: interrupted; files already written are complete"


def test_a_prompt_that_meets_the_end_of_standard_input_is_no_interruption(
    run, monkeypatch, tmp_path: Path
) -> None:
    """``init --prompt < /dev/null`` in a script: said as such, exit 3, not Ctrl-C's 130."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    result = run("init", "--prompt", "-o", tmp_path / "journal.yaml")
    assert result.code == 3
    assert result.err.strip().endswith(
        "jatsconv: standard input ended before every question was answered"
    )
    assert not (tmp_path / "journal.yaml").exists()


# ------------------------------------------------------------------ output files


@pytest.mark.parametrize(
    "args",
    [
        ["schemas", "input", "-o", "{blocker}/schema.json"],
        ["init", "--no-prompt", "-o", "{blocker}/journal.yaml"],
        ["preview", SEED_XML, "-o", "{blocker}/pages"],
        ["preview", SEED_XML, "-o", "{blocker}"],
        ["package", "{xml}", "-o", "{blocker}/zips"],
        ["package", "{xml}", "-o", "{blocker}"],
    ],
    ids=[
        "schemas input",
        "init",
        "preview under a file",
        "preview onto a file",
        "package under a file",
        "package onto a file",
    ],
)
def test_an_output_that_cannot_be_written_is_one_line_and_exit_73(
    run, tmp_path: Path, args: list[str | Path]
) -> None:
    """As for convert and batch: the output place named, exit 73 (not 70 with a Python error
    name, nor 2 as if the command line were wrong)."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder is meant\n", encoding="utf-8")
    article = tmp_path / "article"
    article.mkdir()
    xml = article / SEED_XML.name
    xml.write_bytes(SEED_XML.read_bytes())
    xml.with_suffix(".pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    argv = [str(a).format(blocker=blocker, xml=xml) for a in args]
    result = run(*argv)
    assert result.code == 73, result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"jatsconv: {blocker}"), result.err
    assert "cannot" in lines[0] and "internal error" not in lines[0]


def test_an_output_file_that_is_a_folder_is_one_line_and_exit_73(run, tmp_path: Path) -> None:
    """``init -o DIR`` (or an output name a folder holds already) was an internal error."""
    folder = tmp_path / "journal.yaml"
    folder.mkdir()
    result = run("init", "-o", folder, "--no-prompt", "--force")
    assert result.code == 73
    assert result.err == f"jatsconv: {folder}: cannot write: is a folder, not a file\n"
    (tmp_path / "out" / "streltsov-110.xml").mkdir(parents=True)
    result = run("convert", SEED, "-o", tmp_path / "out", "--no-validate")
    assert result.code == 73
    assert "streltsov-110.xml: cannot write: is a folder, not a file" in result.err


def test_schemas_input_dash_is_standard_output(run, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("schemas", "input", "-o", "-")
    assert result.code == 0
    assert json.loads(result.out)["title"]
    assert not (tmp_path / "-").exists()


# ------------------------------------------------------------------ inputs


@pytest.mark.parametrize("command", ["convert", "consistency", "preview"])
def test_a_folder_given_as_a_file_names_no_other_command(run, command: str) -> None:
    result = run(command, SEED.parent)
    assert result.code == 3
    assert result.err.strip() == (
        f"{SEED.parent}: is a folder, not a file (a folder of articles: jatsconv batch)"
    )


def test_dev_null_is_an_empty_file_not_a_missing_one(run) -> None:
    result = run("convert", "/dev/null", "--no-validate", "-o", "-")
    assert result.code == 3
    assert "no such file" not in result.err
    assert result.err.strip() == (
        "/dev/null: expected a mapping of fields at the top level: the file is empty"
    )


def _through_a_pipe(fifo: Path, data: bytes, *args: str | Path) -> tuple[int, bytes, bytes]:
    """Run ``jatsconv ARGS`` in a process of its own while ``data`` is written into the named
    pipe ``fifo`` it reads: (exit code, standard output, standard error)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "converter", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        try:  # (without blocking: a command that never opens the pipe must not hang the test)
            handle = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader yet
            time.sleep(0.05)
            continue
        os.set_blocking(handle, True)
        with os.fdopen(handle, "wb") as pipe:
            pipe.write(data)
        break
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def test_a_named_pipe_is_read(tmp_path: Path) -> None:
    """``jatsconv convert <(make-article)``: the shell gives a named pipe, read once."""
    fifo = tmp_path / "article.yaml"
    os.mkfifo(fifo)
    journal = SEED.parent.parent / "journal.yaml"
    code, out, err = _through_a_pipe(
        fifo, SEED.read_bytes(), "convert", fifo, "-o", "-", "--no-validate", "--journal", journal
    )
    assert code == 0, err.decode()
    assert b"<article " in out


def test_a_journal_file_given_as_a_named_pipe_is_read(tmp_path: Path) -> None:
    """``--journal <(…)`` was refused as '/dev/fd/63: cannot read journal file: No such file
    or directory': the journal's real path, which it is kept by, is no file for a pipe."""
    fifo = tmp_path / "journal.yaml"
    os.mkfifo(fifo)
    journal = (SEED.parent.parent / "journal.yaml").read_bytes()
    code, out, err = _through_a_pipe(
        fifo, journal, "convert", SEED, "-o", "-", "--no-validate", "--journal", fifo
    )
    assert code == 0, err.decode()
    assert b"<journal-title>" in out


def test_batch_reads_a_journal_given_as_a_named_pipe_once_for_every_worker(
    tmp_path: Path,
) -> None:
    """``batch -j 2 --journal <(…)`` refused every article ('/proc/…/pipe:[…]: cannot read
    journal file: no such file'): each worker read the journal by its real path. It is read
    once, kept for the run in the output folder and gone after it; a rerun given the same
    journal finds the outputs up to date, and a journal with an error is said by the name the
    user gave, before any article is read."""
    folder = tmp_path / "issue"
    folder.mkdir()
    for number in (1, 2, 3):
        (folder / f"a{number}.yaml").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    journal = (SEED.parent.parent / "journal.yaml").read_bytes()
    args = ("batch", folder, "-o", out, "-j", "2", "--name", "{stem}", "--journal")
    for rerun in (False, True):
        fifo = tmp_path / f"journal-{rerun}.yaml"
        os.mkfifo(fifo)
        code, _, err = _through_a_pipe(fifo, journal, *args, fifo)
        assert code == 0, err.decode()
        assert sorted(
            p.name for p in out.iterdir() if not p.name.startswith(".jatsconv-manifest")
        ) == ["a1.xml", "a2.xml", "a3.xml"]
        counts = dict(re.findall(r"│ (converted|skipped \(up to date\)) +│ (\d+)", err.decode()))
        assert counts == ({"converted": "0", "skipped (up to date)": "3"} if rerun
                          else {"converted": "3", "skipped (up to date)": "0"})  # fmt: skip
    assert b"<journal-title>" in (out / "a1.xml").read_bytes()
    fifo = tmp_path / "broken.yaml"
    os.mkfifo(fifo)
    broken = journal.replace(b"issn", b"isn", 1)
    code, _, err = _through_a_pipe(fifo, broken, *args, fifo, "--force")
    assert code == 3
    assert f"{fifo}: isn: unknown field (did you mean issn?)" in err.decode()


def test_a_usage_error_is_said_before_a_journal_pipe_is_read(tmp_path: Path) -> None:
    """``convert ARTICLE -o - --json --journal /dev/stdin`` is wrong use, said as such (exit
    2) before the pipe is read: the journal was read first, and one that is no journal said
    instead (exit 3), the wrong use left for the next run to find."""
    args = [sys.executable, "-m", "converter", "convert", str(SEED), "-o", "-", "--json",
            "--no-validate", "--journal", "/dev/stdin"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JATSCONV_CONFIG": str(tmp_path / "no.toml")}
    done = subprocess.run(args, input=b"title: [\n", capture_output=True, env=env,
                          cwd=tmp_path, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 2, done.stderr.decode()
    assert b"--json and the XML would share standard output" in done.stderr
    assert b"malformed YAML" not in done.stderr


@pytest.mark.parametrize("command", ["convert", "batch"])
def test_a_journal_piped_on_standard_input_serves_every_issue(tmp_path: Path, command: str) -> None:
    """``cat journal.yaml | jatsconv convert|batch … --to crossref --per-issue --journal
    /dev/stdin`` over two issues: the journal is read once for the run. ``convert`` read it
    once per article, the second finding it empty ('/dev/stdin: … the file is empty', one issue
    file of two), and ``batch --per-issue`` by its real path, '/proc/…/pipe:[…]: cannot read
    journal file' (no issue file); a pipe that is no journal is said once, exit 3."""
    journal = BILINGUAL.parent.parent / "journal.yaml"
    issues = [BILINGUAL.parent, BILINGUAL.parent.parent / "2018-4"]
    sources = [p for folder in issues for p in sorted(folder.glob("*.yaml"))]
    out = tmp_path / "out"
    args = [sys.executable, "-m", "converter", command,
            *map(str, sources if command == "convert" else issues), "--to", "crossref",
            "--per-issue", "--journal", "/dev/stdin", "-o", str(out), "-q"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JATSCONV_STATE_DIR": str(tmp_path / "state"),
           "JATSCONV_CONFIG": str(tmp_path / "no.toml")}  # fmt: skip
    done = subprocess.run(args, input=journal.read_bytes(), capture_output=True, env=env,
                          cwd=tmp_path, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    # (beside them, batch's manifest: the issue files it wrote, kept from other files)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "2687-1440-v2-n3.crossref.xml", "2687-1440-v2-n4.crossref.xml"]  # fmt: skip
    bad = subprocess.run(args, input=b"title: [\n", capture_output=True, env=env,
                         cwd=tmp_path, timeout=120, check=False)  # fmt: skip
    assert bad.returncode == 3
    assert bad.stderr.decode().count("/dev/stdin: line 2: malformed YAML") == 1


@pytest.mark.parametrize("option", ["--journal", "--from-ojs"])
def test_a_file_option_that_cannot_be_read_is_said_as_any_file_is(
    run, tmp_path: Path, option: str
) -> None:
    """A --journal (or --from-ojs) that is not there was said in click's words, "File
    'nothere.yaml' does not exist.", where every command says a file it cannot read as
    ``FILE: cannot read: no such file`` (README, Exit codes); it stays a usage error."""
    command = ["init", "-o", "-"] if option == "--from-ojs" else ["convert", SEED]
    for given, reason in ((tmp_path / "nothere.yaml", "no such file"),
                          (tmp_path, "is a folder, not a file")):  # fmt: skip
        result = run(*command, option, given)
        assert result.code == 2
        assert result.err.splitlines()[-1] == (
            f"Error: Invalid value for '{option}': {given}: cannot read: {reason}"
        )


@pytest.mark.parametrize(
    "sample",
    [
        ROOT / "samples" / "nlm" / "2018-1" / "streltsov-110.nlm.xml",
        ROOT / "samples" / "crossref" / "2018-3" / "streltsov-6.xml",
    ],
    ids=["nlm", "crossref deposit"],
)
def test_xml_on_standard_input_is_told_by_its_content(run, monkeypatch, sample: Path) -> None:
    """As a file's is: not read as YAML ('malformed YAML: mapping values …') for want of
    ``--from``."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(sample.read_bytes())))
    monkeypatch.chdir(sample.parent)
    result = run("convert", "-", "-o", "-", "--no-validate", "--journal", BILINGUAL_JOURNAL)
    assert "YAML" not in result.err
    assert result.code == 0, result.err
    assert "<article " in result.out


@pytest.mark.parametrize(
    "command",
    [
        ["convert"],
        ["validate"],
        ["check"],
        ["consistency"],
        ["package"],
        ["preview"],
        ["references", "--article"],
        ["deposit", "crossref"],
        ["deposit", "doaj"],
    ],
    ids=lambda command: " ".join(command),
)
def test_a_missing_file_is_said_in_the_same_words_by_every_command(
    run, store, tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "missing.xml"
    result = run(*command, missing)
    assert result.code == 3, result.err
    said = (result.out + result.err).replace(": error: ", ": ")
    assert f"{missing}: cannot read: no such file\n" in said
    assert "No such file or directory" not in said


@pytest.mark.parametrize(
    "command",
    [["convert"], ["consistency"], ["preview"], ["references", "--article"]],
    ids=lambda command: " ".join(command),
)
def test_a_file_name_too_long_is_bad_input(run, command: list[str]) -> None:
    name = "a" * 300 + ".yaml"
    result = run(*command, name)
    assert result.code == 3, result.err
    assert "internal error" not in result.err
    assert result.err.strip().endswith(f"{name}: cannot read: file name too long")


def test_an_output_folder_name_too_long_is_exit_73(run, tmp_path: Path) -> None:
    folder = tmp_path / ("o" * 300)
    result = run("convert", SEED, "-o", folder, "--no-validate")
    assert result.code == 73, result.err
    assert (
        result.err == f"jatsconv: {folder}: cannot create the output folder: file name too long\n"
    )


# ------------------------------------------------------------------ consistency


def test_consistency_takes_from_journal_and_standard_input(run, monkeypatch) -> None:
    """Its help says "any format --from reads"; like convert it reads '-' too."""
    html = ROOT / "samples" / "html" / "2018-1" / "streltsov-110.html"
    journal = SEED.parent.parent / "journal.yaml"
    result = run("consistency", "--from", "html", "--journal", journal, html, "--json")
    assert result.code in (0, 1), result.err
    assert [item["file"] for item in json.loads(result.out)] == [str(html)]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BILINGUAL.read_bytes())))
    monkeypatch.chdir(BILINGUAL.parent)
    result = run("consistency", "-", "--json")
    assert result.code in (0, 1), result.err
    assert [item["file"] for item in json.loads(result.out)] == ["<stdin>"]


def test_consistency_json_lists_an_unreadable_file_too(run, tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    result = run("consistency", SEED, missing, "--json")
    assert result.code == 3
    report = json.loads(result.out)
    assert [item["file"] for item in report] == [str(SEED), str(missing)]
    assert report[0]["problems"] == []
    assert report[1] == {
        "file": str(missing),
        "findings": [],
        "problems": [f"{missing}: cannot read: no such file"],
    }


# ------------------------------------------------------------------ --json


def test_preview_json_lists_each_page_as_convert_lists_each_output(run, tmp_path: Path) -> None:
    """preview writes files as convert and package do, and now says so in --json too: each
    page with its input, the page written and the profile's findings (as check gives them)."""
    missing = tmp_path / "missing.xml"
    out = tmp_path / "pages"
    result = run("preview", SEED_XML, missing, "-o", out, "--profile", "crossref", "--json")
    assert result.code == 3, result.err
    assert result.err == ""
    page, unread = json.loads(result.out)
    assert page["source"] == str(SEED_XML) and page["problems"] == []
    assert page["output"] == str(out / "streltsov-110.preview.html")
    assert Path(page["output"]).is_file()
    # (the seed's affiliation is a country alone: aff-institution)
    assert {f["rule"] for f in page["findings"]} == {"crossref-required", "aff-institution"}
    assert set(page["findings"][0]) == {"rule", "severity", "message", "path", "line", "field"}
    assert unread == {
        "source": str(missing),
        "output": None,
        "findings": [],
        "problems": [f"{missing}: cannot read: no such file"],
    }


def test_json_text_is_utf8_not_escaped(run, store, tmp_path: Path) -> None:
    """A folder named in Russian is written as such in ``schemas list --json``, as every other
    ``--json`` writes text (not ``\\u0441\\u0445…``)."""
    folder = tmp_path / "схемы"
    folder.symlink_to(store.root, target_is_directory=True)
    result = run("schemas", "list", "--json", "--schema-dir", folder)
    assert result.code == 0, result.err
    assert json.loads(result.out)["root"] == str(folder)
    assert "схемы" in result.out


def test_convert_json_and_xml_on_standard_output_at_once_is_a_usage_error(run) -> None:
    result = run("convert", SEED, "-o", "-", "--json")
    assert result.code == 2
    assert result.out == ""
    assert "--json" in result.err


# ------------------------------------------------------------------ --help


def _leaf_commands() -> list[list[str]]:
    import click

    from converter.cli import cli

    context = click.Context(cli)
    found: list[list[str]] = []

    def walk(command: click.Command, path: list[str]) -> None:
        if isinstance(command, click.Group):
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                assert sub is not None
                walk(sub, [*path, name])
        else:
            found.append(path)

    walk(cli, [])
    return found


def test_every_option_of_every_command_is_explained() -> None:
    import click

    from converter.cli import cli

    context = click.Context(cli)
    unexplained = []
    for path in _leaf_commands():
        command: click.Command = cli
        for name in path:
            command = command.get_command(context, name)  # type: ignore[attr-defined]
        for param in command.params:
            if isinstance(param, click.Option) and not param.help:
                unexplained.append(f"{' '.join(path)} {param.opts[-1]}")
    assert unexplained == []


def test_every_default_is_shown() -> None:
    """An option that has a value when not given says which (``[default: …]`` or its text)."""
    import click

    from converter.cli import cli

    context = click.Context(cli)
    unshown = []
    for path in _leaf_commands():
        command: click.Command = cli
        for name in path:
            command = command.get_command(context, name)  # type: ignore[attr-defined]
        for param in command.params:
            if not isinstance(param, click.Option) or param.is_flag:
                continue
            default = param.default
            if default in (None, (), False) or callable(default) or repr(default).endswith("UNSET"):
                continue
            if not param.show_default and "default" not in (param.help or "").lower():
                unshown.append(f"{' '.join(path)} {param.opts[-1]} ({default!r})")
    assert unshown == []


def test_an_output_option_says_what_it_takes(run) -> None:
    """``-o`` shows DIR or FILE (and '-' where it means standard output), as the README's
    synopsis does, not click's TEXT or PATH."""
    shown = {
        ("convert",): "-o, --output DIR|-",
        ("batch",): "-o, --output DIR",
        ("package",): "-o, --output DIR",
        ("preview",): "-o, --output DIR",
        ("init",): "-o, --output FILE|-",
        ("schemas", "input"): "-o, --output FILE|-",
    }
    for command, option in shown.items():
        assert option in run(*command, "--help").out, command


def test_scheme_is_dash_s_wherever_it_is_taken(run) -> None:
    for command in ("check", "consistency", "preview", "translit", "init"):
        assert "-s, --scheme" in run(command, "--help").out, command


def test_init_takes_the_scheme_as_every_command_does(run) -> None:
    """init named the scheme --transliteration (the journal file's field) alone, where the
    other commands take -s/--scheme; both names give the journal file's transliteration."""
    for flag in ("-s", "--scheme", "--transliteration"):
        result = run("init", "-o", "-", "--title", "T", "--print-issn", "2500-2872", flag, "iso-9")
        assert result.code == 0, result.err
        assert "\ntransliteration: " in result.out and "iso-9" in result.out, flag


def _synopsis() -> list[tuple[list[str], str, str]]:
    """(command, option, value) of each ``--option VALUE`` of the README's synopsis of the
    commands (a value in capitals: FILE, DIR|-, URL …; choices in lower case are no value)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Commands\n", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    found = []
    command: list[str] = []
    value = r"[A-Z][A-Z0-9]*(?:\|(?:-|[A-Z][A-Z0-9]*))*"
    pattern = re.compile(
        rf"^jatsconv (?P<command>[a-z]+)(?: (?P<sub>[a-z][a-z0-9-]*))?"
        rf"|\| schemas (?P<also>[a-z]+)"
        rf"|(?P<option>-[a-z]|--[a-z-]+) (?P<value>{value})(?=[\s\])]|\.\.\.|$)"
    )
    for line in block.splitlines():
        for match in pattern.finditer(line):
            if match.group("command"):
                command = [match.group("command")]
                if command[0] in ("deposit", "schemas") and match.group("sub"):
                    command.append(match.group("sub"))
            elif match.group("also"):
                command = ["schemas", match.group("also")]
            else:
                found.append((command, match.group("option"), match.group("value")))
    return found


def test_the_readme_synopsis_and_help_name_option_values_alike(run) -> None:
    """``convert --encoding NAME`` in the README is ``--encoding NAME`` in --help, not TEXT (or
    --help lists the choices themselves: ``--scheme [bsi|…]``)."""
    differ = []
    for command, option, value in _synopsis():
        out = run(*command, "--help").out
        shown = rf"{re.escape(option)}(, --[a-z-]+)? ({re.escape(value)}(\s|,|$)|\[)"
        if not re.search(shown, out, re.M):
            differ.append(f"{' '.join(command)} {option} {value}")
    assert differ == []


# ------------------------------------------------------------------ exit codes


def test_the_readme_table_and_help_list_the_same_exit_codes(run) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Exit codes\n", 1)[1].split("\n\n", 1)[0].strip()
    documented = [int(line.split("|")[1]) for line in table.splitlines()[2:]]
    assert documented == sorted(EXIT_CODES)
    listed = run("--help").out.split("Exit codes:\n", 1)[1].splitlines()
    assert [int(line.split()[0]) for line in listed] == list(EXIT_CODES)


def test_jats4r_rules_not_installed_is_exit_4_as_the_table_says(
    run, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("JATSCONV_SCHEMATRON_DIR", str(tmp_path / "none"))
    result = run("check", SEED_XML, "--profile", "jats4r")
    assert result.code == 4
    assert "JATS4R Schematron rules are not installed" in result.err
    assert "JATS4R" in EXIT_CODES[4]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(
        line
        for line in readme.split("### Exit codes\n", 1)[1].splitlines()
        if line.startswith("| 4 |")
    )
    assert "JATS4R" in row


# ------------------------------------------------------------------ examples


def _readme_examples() -> list[str]:
    """Each ``jatsconv …`` command line of the README's shell examples (continuation lines
    joined; synopses with ``[…]`` and prose quoting a command left out)."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    examples, fenced, pending = [], False, ""
    for raw in lines:
        line = raw.strip()
        if line.startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            continue
        if pending:
            line, pending = pending + " " + line, ""
        elif not re.match(r"^(\$ )?(\.venv/bin/)?jatsconv [a-z]", line):
            continue
        if line.endswith("\\"):
            pending = line[:-1]
            continue
        command = re.split(r"\s+#\s", line)[0].split(" | ")[0]
        if not re.search(r"\[|…|\.\.\.", command):
            examples.append(command.removeprefix("$ "))
    return examples


def test_the_readme_examples_are_command_lines_jatsconv_takes(monkeypatch, tmp_path: Path) -> None:
    """Each example parses as the shell splits it (a file it names is made empty first)."""
    import shlex

    import click

    from converter.cli import cli

    monkeypatch.chdir(tmp_path)
    examples = _readme_examples()
    assert len(examples) >= 10
    refused = []
    for example in examples:
        args = shlex.split(example)[1:]
        command: click.Command = cli
        context = click.Context(cli)
        while isinstance(command, click.Group):
            found = command.get_command(context, args.pop(0))
            assert found is not None, example
            command = found
        for _ in range(5):
            try:
                command.make_context("jatsconv", list(args))
            except click.BadParameter as exc:
                missing = re.search(r": (.+): cannot read: no such file$", exc.format_message())
                if missing is None:
                    refused.append(f"{example}: {exc.format_message()}")
                    break
                (tmp_path / missing.group(1)).touch()  # the example's own file
            except click.ClickException as exc:
                refused.append(f"{example}: {exc.format_message()}")
                break
            else:
                break
    assert refused == []


def test_the_help_example_of_init_title_is_quoted(run) -> None:
    assert '--title "ru=Японские исследования"' in " ".join(run("init", "--help").out.split())


@pytest.mark.parametrize("command", ["convert", "batch", "consistency", "preview", "references"])
@pytest.mark.parametrize("piped", [True, False])
def test_journal_dash_is_standard_input_for_every_article(
    tmp_path: Path, command: str, piped: bool
) -> None:
    """``--journal -`` reads the journal from standard input, piped (``cat journal.yaml |``) or
    redirected (``< journal.yaml``), once for every article of the run: it was refused, '-:
    cannot read: no such file' (exit 2), and users had to write ``/dev/stdin`` (with which
    ``consistency`` and ``preview`` read it once per article, the second finding it empty)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for source in sorted(BILINGUAL.parent.glob("*.yaml")):  # two articles, no journal beside
        (folder / source.name).write_bytes(source.read_bytes())
    names = [str(p) for p in sorted(folder.glob("*.yaml"))]
    out = tmp_path / "out"
    args = {
        "convert": [*names, "-o", out, "--no-validate"],
        "batch": [*names, "-o", out, "-q"],
        "consistency": names,
        "preview": [*names, "-o", out],
        "references": [arg for name in names for arg in ("--article", name)],
    }[command]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JATSCONV_CONFIG": str(tmp_path / "no.toml")}
    journal = BILINGUAL_JOURNAL.read_bytes()
    stdin: dict[str, object] = {"input": journal}
    if not piped:
        stdin = {"stdin": BILINGUAL_JOURNAL.open("rb")}
    command_line = [sys.executable, "-m", "converter", command, *map(str, args), "--journal", "-"]
    try:
        done = subprocess.run(command_line, capture_output=True, env=env, cwd=tmp_path,
                              timeout=120, check=False, **stdin)  # type: ignore[call-overload]  # fmt: skip
    finally:
        if not piped:
            stdin["stdin"].close()  # type: ignore[attr-defined]
    assert done.returncode == 0, done.stderr.decode()
    assert b"the file is empty" not in done.stderr and b"no journal" not in done.stderr
    if command in ("convert", "batch"):  # (batch names them by --name: jsr-2-3-6.xml …)
        assert len(list(out.glob("*.xml"))) == 2


@pytest.mark.parametrize(
    "command", ["convert", "batch", "per-issue", "consistency", "preview", "references", "serve"]
)
def test_a_piped_journal_that_is_none_is_named_stdin(tmp_path: Path, run, command: str) -> None:
    """``--journal -`` piped is named ``<stdin>``, as an article read from ``-`` is: messages
    named it ``/dev/stdin``, a path the user never typed. Its help says ``-``."""
    article = tmp_path / "a.yaml"
    article.write_bytes(BILINGUAL.read_bytes())
    out = tmp_path / "out"
    args = {
        "convert": [article, "-o", out],
        "batch": [article, "-o", out, "-q"],
        "per-issue": [article, "-o", out, "-q", "--per-issue", "--to", "crossref"],
        "consistency": [article],
        "preview": [article, "-o", out],
        "references": ["--article", article],
        "serve": ["--port", "0"],
    }[command]
    name = "batch" if command == "per-issue" else command
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JATSCONV_CONFIG": str(tmp_path / "no.toml")}
    bad = {b"title: [\n": "<stdin>: line 2: malformed YAML",
           b"title: {en: X}\nbogus: 1\n": "<stdin>: bogus: unknown field"}  # fmt: skip
    for journal, said in bad.items():
        done = subprocess.run([sys.executable, "-m", "converter", name, *map(str, args),
                               "--journal", "-"], input=journal, capture_output=True, env=env,
                              cwd=tmp_path, timeout=120, check=False)  # fmt: skip
        assert done.returncode == 3, done.stderr.decode()
        assert said in done.stderr.decode() and "/dev/stdin" not in done.stderr.decode()
    assert "'-' reads it from standard input." in " ".join(run(name, "--help").out.split())


def test_journal_dash_and_an_input_dash_are_refused_together(tmp_path: Path) -> None:
    """Standard input cannot be both the journal and an article: one line, exit 2, before
    anything is read (the article would have found it read)."""
    for args in (["convert", "-", "--journal", "-"], ["consistency", "-", "--journal", "-"],
                 ["references", "--journal", "-"]):  # fmt: skip
        done = subprocess.run([sys.executable, "-m", "converter", *args], input=b"title: [\n",
                              capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                              cwd=tmp_path, timeout=120, check=False)  # fmt: skip
        assert done.returncode == 2, (args, done.stderr.decode())
        lines = done.stderr.decode().splitlines()
        assert lines == [
            "jatsconv: --journal - and an input '-' cannot both be standard input: "
            "name a file for one"
        ], args
