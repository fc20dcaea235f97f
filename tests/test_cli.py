"""The command line as users meet it: help, version, stdin/stdout, JSON, atomic writes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BILINGUAL, ROOT, SEED
from converter import __version__


def test_version(run) -> None:
    result = run("--version")
    assert result.code == 0
    assert __version__ in result.out


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["convert"],
        ["validate"],
        ["schemas"],
        ["schemas", "install"],
        ["schemas", "list"],
        ["schemas", "path"],
        ["schemas", "input"],
    ],
)
def test_help_everywhere(run, command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.code == 0
    assert "Usage: jatsconv" in result.out


def test_help_documents_exit_codes(run) -> None:
    out = run("convert", "--help").out
    for code in ("0", "1", "2", "3", "4"):
        assert f"  {code}  " in out


def test_usage_error_exit_2(run) -> None:
    result = run("convert", SEED, "--jats-version", "2.0")
    assert result.code == 2
    assert "Traceback" not in result.err


def test_python_dash_m_and_console_script_agree(store) -> None:
    # The console script installed beside this interpreter (``.venv/bin/jatsconv`` when the
    # tests run as ``.venv/bin/python -m pytest``), not whichever one PATH finds first.
    script = Path(sys.executable).parent / "jatsconv"
    for command in ([sys.executable, "-m", "converter"], [str(script)]):
        done = subprocess.run(
            [*command, "validate", SEED.with_suffix(".xml")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr


def test_stdin_to_stdout(run, monkeypatch, store) -> None:
    text = SEED.read_text(encoding="utf-8")
    monkeypatch.chdir(SEED.parent)
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    result = run("convert", "-", "-o", "-")
    assert result.code == 0, result.err
    assert result.out == SEED.with_suffix(".xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-16", None), ("cp1251", "<stdin>: not UTF-8 text (line 7, byte 343): it reads as Win")],
)
def test_stdin_in_another_encoding(run, monkeypatch, store, encoding, expected) -> None:
    """Standard input is read as files are: UTF-16 with its mark converts, Windows-1251 is
    named in one line."""
    data = BILINGUAL.read_text(encoding="utf-8").encode(encoding, errors="replace")
    monkeypatch.chdir(BILINGUAL.parent)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    result = run("convert", "-", "-o", "-")
    if expected is None:
        assert result.code == 0, result.err
        assert result.out == run("convert", BILINGUAL, "-o", "-").out
    else:
        assert result.code == 3
        assert result.err.strip().startswith(expected)


def test_file_to_stdout(run, store) -> None:
    result = run("convert", BILINGUAL, "-o", "-")
    assert result.code == 0
    assert result.out.startswith('<?xml version="1.0" encoding="UTF-8"?>')


def test_json_report(run, tmp_path: Path, store) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: {en: x}\nauthors: 3\n")
    result = run(
        "convert",
        "--json",
        SEED,
        bad,
        "-o",
        tmp_path / "o",
        "--journal",
        SEED.parent.parent / "journal.yaml",
    )
    payload = json.loads(result.out)
    assert [item["status"] for item in payload] == ["converted", "bad-input"]
    assert payload[1]["problems"] == [f"{bad}: authors: Input should be a valid list"]
    assert result.code == 3


def test_invalid_output_is_not_written_unless_asked(
    run, tmp_path: Path, store, monkeypatch
) -> None:
    from converter.writers import jats

    original = jats.render_jats
    monkeypatch.setattr(
        "converter.writers.jats.render_jats",
        lambda *a, **k: original(*a, **k).replace("<volume>", "<colour/><volume>"),
    )
    result = run("convert", SEED, "-o", tmp_path / "o")
    assert result.code == 1
    assert "No declaration for element colour" in result.err
    assert not (tmp_path / "o" / "streltsov-110.xml").exists()
    assert run("convert", SEED, "-o", tmp_path / "o", "--write-invalid").code == 1
    assert (tmp_path / "o" / "streltsov-110.xml").exists()


def test_outputs_are_replaced_atomically(run, tmp_path: Path, store, monkeypatch) -> None:
    out = tmp_path / "o"
    assert run("convert", SEED, "-o", out).code == 0
    before = (out / "streltsov-110.xml").read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("converter.atomic.os.replace", broken_replace)
    result = run("convert", BILINGUAL, SEED, "-o", out)
    assert result.code == 130
    assert (out / "streltsov-110.xml").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["streltsov-110.xml"]  # no temporary left


def test_no_validate_needs_no_dtds(run, tmp_path: Path) -> None:
    result = run(
        "convert", SEED, "-o", tmp_path, "--no-validate", "--schema-dir", tmp_path / "none"
    )
    assert result.code == 0


def test_missing_dtds_are_explained(run, tmp_path: Path) -> None:
    result = run("convert", SEED, "-o", tmp_path, "--schema-dir", tmp_path / "none")
    assert result.code == 4
    assert "jatsconv schemas install" in result.err


def test_archiving_tag_set(run, tmp_path: Path, store) -> None:
    assert run("convert", SEED, "-o", tmp_path, "--tag-set", "archiving").code == 0
    text = (tmp_path / "streltsov-110.xml").read_text()
    assert "Journal Archiving and Interchange DTD v1.4 20241031" in text
    assert "https://jats.nlm.nih.gov/archiving/1.4/JATS-archivearticle1-4.dtd" in text


def test_python_api(store) -> None:
    import converter

    article = converter.load_article(SEED)
    output = converter.to_jats(article, version="1.3", grammars=converter.get_grammars())
    assert output.valid
    assert b'dtd-version="1.3"' in output.data
    assert ROOT.name  # the API is importable from the repository root
