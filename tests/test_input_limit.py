"""An input past the size one input may be is refused in one line, never read until memory runs
out (``jatsconv convert /dev/zero``, ``cat /dev/urandom | jatsconv convert -``).

No large file is written: the limit is lowered with ``JATSCONV_MAX_INPUT_MB`` and the endless
inputs are streams generated while they are read (a reader object, a named pipe), whose bytes
served are counted to show the reading stopped at the limit.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, SEED

EXIT_INPUT = 3
MB = 1024 * 1024
REFUSED = (
    "more than the 1 MB one input may be: refused (set JATSCONV_MAX_INPUT_MB to raise the limit)"
)
JOURNAL = SEED.parent.parent / "journal.yaml"


@pytest.fixture(autouse=True)
def _one_megabyte(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_MAX_INPUT_MB", "1")


class Endless(io.RawIOBase):
    """A stream that never ends (as ``/dev/urandom`` piped in): ``served`` counts its bytes."""

    def __init__(self) -> None:
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        size = len(buffer)
        buffer[:size] = b"\x9f" * size
        self.served += size
        return size


def test_an_endless_standard_input_is_refused_at_the_limit(run, monkeypatch) -> None:
    source = Endless()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(source)))
    result = run("convert", "-", "--journal", JOURNAL, "-o", "-")
    assert result.code == EXIT_INPUT
    assert result.err.strip() == f"<stdin>: {REFUSED}"
    assert source.served <= 3 * MB  # the limit and a chunk or two: never the whole stream


@pytest.mark.parametrize("command", ["validate", "check"])
def test_commands_that_judge_files_refuse_an_endless_standard_input(
    run, monkeypatch, command: str
) -> None:
    source = Endless()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(source)))
    result = run(command, "-")
    assert result.code == EXIT_INPUT
    assert f"error: {REFUSED}" in result.out  # (problems are their data: standard output)
    assert source.served <= 3 * MB


@pytest.mark.parametrize("command", ["translit", "references"])
def test_commands_that_read_texts_a_line_each_refuse_an_endless_standard_input(
    run, monkeypatch, command: str
) -> None:
    source = Endless()  # (one endless line: no line end ever comes)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(source), "latin-1"))
    result = run(command)
    assert result.code == EXIT_INPUT
    assert result.err.strip() == f"jatsconv: <stdin>: {REFUSED}"
    assert source.served <= 3 * MB


def _feed_forever(fifo: Path) -> None:
    """Write into a named pipe until its reader closes it (an endless device's stream)."""
    handle = os.open(fifo, os.O_WRONLY)
    try:
        while True:
            os.write(handle, b"\0" * 65536)
    except BrokenPipeError:
        pass
    finally:
        os.close(handle)


def test_an_endless_named_pipe_is_refused_and_the_next_article_converts(
    tmp_path: Path,
) -> None:
    """As /dev/zero is: a device or a pipe is read as a stream, and refused past the limit; the
    article after it is converted (exit 3 for the bad input)."""
    fifo = tmp_path / "zero.yaml"
    os.mkfifo(fifo)
    writer = threading.Thread(target=_feed_forever, args=(fifo,), daemon=True)
    writer.start()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JATSCONV_MAX_INPUT_MB": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "converter", "convert", fifo, SEED, "--journal", JOURNAL,
         "--no-validate", "-o", tmp_path / "out"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, check=False,
    )  # fmt: skip
    writer.join(timeout=30)
    assert done.returncode == EXIT_INPUT, done.stderr
    assert done.stderr.splitlines()[0] == f"{fifo}: {REFUSED}"
    assert (tmp_path / "out" / f"{SEED.stem}.xml").is_file()


def test_a_file_past_the_limit_is_refused_by_its_size_before_it_is_read(
    run, tmp_path: Path
) -> None:
    big = tmp_path / "article.yaml"
    big.write_bytes(b"title: x\n" + b"#" * (2 * MB))
    result = run("convert", big, "--journal", JOURNAL, "-o", tmp_path / "out")
    assert result.code == EXIT_INPUT
    assert result.err.strip() == f"{big}: {big.stat().st_size:,} bytes, {REFUSED}"


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{big}"],
        ["check", "{big}"],
        ["consistency", "{big}"],
        ["preview", "{big}", "-o", "{tmp}/preview"],
        ["package", "{big}", "-o", "{tmp}/packages"],
        ["references", "--article", "{big}", "--journal", str(JOURNAL)],
        ["deposit", "crossref", "--dry-run", "{big}"],
        ["convert", "--from", "jats", "{big}", "-o", "{tmp}/out"],
        ["convert", "--from", "csv", "{big}", "-o", "{tmp}/out"],
    ],
)
def test_every_command_that_reads_input_refuses_it_in_one_line(
    run, tmp_path: Path, args: list[str]
) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(b"<article>" + b" " * (2 * MB) + b"</article>")
    result = run(*[a.format(big=big, tmp=tmp_path) for a in args])
    assert result.code == EXIT_INPUT, result.err
    said = result.out if args[0] in ("validate", "check") else result.err  # (their data)
    assert f"{big}: " in said and f"{big.stat().st_size:,} bytes, {REFUSED}" in said
    assert len([line for line in said.splitlines() if REFUSED in line]) == 1
    assert "Traceback" not in result.err


def test_a_batch_refuses_the_one_input_and_converts_the_others(run, tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "journal.yaml").write_bytes(JOURNAL.read_bytes())
    (source / "good.yaml").write_bytes(SEED.read_bytes())
    (source / "huge.yaml").write_bytes(b"title: x\n" + b"#" * (2 * MB))
    result = run("batch", source, "-o", tmp_path / "out", "-q")
    assert result.code == EXIT_INPUT, result.err
    assert f"{source / 'huge.yaml'}: " in result.err and REFUSED in result.err
    assert len(list((tmp_path / "out").glob("*.xml"))) == 1


def test_a_batch_started_from_a_server_process_keeps_the_runs_limit(
    run, tmp_path: Path, monkeypatch
) -> None:
    """A process running other threads starts its batch workers from a server process, which
    keeps the environment it was started with: a limit set since (a library caller's, a test
    run's) did not reach the workers, and a file past it was converted."""
    import threading
    from multiprocessing import forkserver

    monkeypatch.delenv("JATSCONV_MAX_INPUT_MB")
    forkserver.ensure_running()  # (started without the limit)
    monkeypatch.setenv("JATSCONV_MAX_INPUT_MB", "1")
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)  # (so the batch does not fork)
    waiting.start()
    try:
        test_a_batch_refuses_the_one_input_and_converts_the_others(run, tmp_path)
    finally:
        release.set()
        waiting.join()


def test_an_ojs_exports_embedded_files_do_not_count(run, tmp_path: Path) -> None:
    """An OJS export embeds its galleys (often gigabytes for a whole archive): what counts is
    what is read, the export without its embedded files."""
    export = SAMPLES / "ojs" / "2019-1" / "issue.xml"
    text = export.read_text(encoding="utf-8")
    big = "JVBERi0x" + "A" * (3 * MB)
    text, count = re.subn(r'(<file id="321"[^>]*?)/>', rf'\1><embed encoding="base64">{big}'
                          r"</embed></file>", text)  # fmt: skip
    assert count == 1
    padded = tmp_path / "issue.xml"
    padded.write_text(text, encoding="utf-8")
    journal = SAMPLES / "ojs" / "journal.yaml"
    result = run("convert", padded, "-o", tmp_path / "out", "--journal", journal)
    assert result.code == 0, result.err


def test_an_ojs_exports_metadata_past_the_limit_is_refused(run, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("JATSCONV_MAX_INPUT_MB", "0.01")  # 10 KB: the sample export is 18 KB
    export = SAMPLES / "ojs" / "2019-1" / "issue.xml"
    result = run("convert", export, "-o", tmp_path / "out", "--journal", SAMPLES / "ojs" /
                 "journal.yaml")  # fmt: skip
    assert result.code == EXIT_INPUT
    assert result.err.splitlines()[0] == (
        f"{export}: without its embedded files, more than the 0.01 MB one input may be: refused "
        "(set JATSCONV_MAX_INPUT_MB to raise the limit)"
    )


def test_a_workbook_that_unpacks_past_the_limit_is_refused(run, tmp_path: Path) -> None:
    """A zip bomb: a few kilobytes that unpack to megabytes (here 2 MB of one letter)."""
    book = tmp_path / "issue.xlsx"
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", "<sst>" + "a" * (2 * MB) + "</sst>")
    assert book.stat().st_size < 100_000
    result = run("convert", book, "-o", tmp_path / "out")
    assert result.code == EXIT_INPUT
    assert result.err.splitlines()[0].startswith(f"{book}: unpacked, ")
    assert REFUSED in result.err


@pytest.mark.parametrize("value", ["abc", "0", "-5", "inf"])
def test_a_limit_that_is_no_size_is_a_usage_error(run, monkeypatch, value: str) -> None:
    monkeypatch.setenv("JATSCONV_MAX_INPUT_MB", value)
    result = run("convert", SEED, "-o", "-")
    assert result.code == 2
    assert result.err.strip() == (
        f"jatsconv: JATSCONV_MAX_INPUT_MB: {value!r} is not a number of megabytes (e.g. "
        "JATSCONV_MAX_INPUT_MB=2048)"
    )


def test_the_limit_can_be_raised(run, monkeypatch, tmp_path: Path) -> None:
    big = tmp_path / "article.yaml"
    big.write_bytes(SEED.read_bytes() + b"#" * (2 * MB))
    monkeypatch.setenv("JATSCONV_MAX_INPUT_MB", "3")
    result = run("convert", big, "--journal", JOURNAL, "-o", tmp_path / "out")
    assert result.code == 0, result.err
