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
    assert payload[1]["problems"] == [
        f"{bad}: authors: 3 is a number here, where a list is expected (authors: [{{name: ..., "
        "collab: ...}, ...])"
    ]
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


def _twin(folder: Path, title: str | None = None, orcid: str | None = None) -> Path:
    """The seed article as ``folder/streltsov-110.yaml``, its English title (or ORCID) changed."""
    folder.mkdir(parents=True)
    text = SEED.read_text(encoding="utf-8")
    if title:
        text = text.replace("Russian-Japanese", title, 1)
    if orcid:
        text = text.replace(
            "  - name: {surname: Streltsov, given: D. V.}\n",
            f"  - name: {{surname: Streltsov, given: D. V.}}\n    orcid: {orcid}\n",
        )
    path = folder / SEED.name
    path.write_text(text, encoding="utf-8")
    return path


def test_two_inputs_with_one_output_name_are_never_written_over_one_another(
    run, tmp_path: Path, store
) -> None:
    """x/a.yaml and y/a.yaml into one folder: the first keeps the name, the second is bad input
    naming both and the output (as batch does), and the output holds the first."""
    x = _twin(tmp_path / "x")
    y = _twin(tmp_path / "y", title="SECOND")
    out = tmp_path / "out"
    journal = ("--journal", SEED.parent.parent / "journal.yaml")
    result = run("convert", x, y, "-o", out, *journal)
    assert result.code == 3, result.err
    assert result.err.splitlines() == [
        f"{x} -> {out / 'streltsov-110.xml'}",
        f"{y}: the output name {out / 'streltsov-110.xml'} is already taken by {x} "
        "(convert one of them with another -o DIR)",
        "1 converted, 0 invalid output, 1 bad input",
    ]
    assert [p.name for p in out.iterdir()] == ["streltsov-110.xml"]
    assert "SECOND" not in (out / "streltsov-110.xml").read_text(encoding="utf-8")


def test_a_bad_input_with_a_taken_output_name_leaves_the_first_output(
    run, tmp_path: Path, store
) -> None:
    """A rejected article removes its own earlier output, never the one another article of the
    run has just written under the same name."""
    x = _twin(tmp_path / "x")
    z = _twin(tmp_path / "z", orcid="0000-0002-1825-0098")
    out = tmp_path / "out"
    journal = ("--journal", SEED.parent.parent / "journal.yaml")
    result = run("convert", "--json", x, z, "-o", out, *journal)
    assert result.code == 3
    payload = json.loads(result.out)
    assert [(item["status"], item["output"]) for item in payload] == [
        ("converted", str(out / "streltsov-110.xml")),
        ("bad-input", None),
    ]
    assert payload[1]["problems"] == [
        f"{z}: authors[0].orcid: checksum fails: '0000-0002-1825-0098'",
        f"{z}: the output name {out / 'streltsov-110.xml'} is already taken by {x} "
        "(convert one of them with another -o DIR)",
    ]
    assert "earlier_output_removed" not in payload[1]
    assert (out / "streltsov-110.xml").is_file()


def test_a_refused_input_does_not_take_its_output_name(run, tmp_path: Path, store) -> None:
    """data.json malformed and data.yaml into one folder: the refused one wrote nothing, so
    data.yaml is converted (it was refused as 'already taken by data.json'), whichever comes
    first; a refused file given twice is said to be given twice."""
    y = _twin(tmp_path / "y")
    bad = tmp_path / "x" / "streltsov-110.json"
    bad.parent.mkdir()
    bad.write_text('{"title": 3', encoding="utf-8")
    out = tmp_path / "out"
    journal = ("--journal", SEED.parent.parent / "journal.yaml")
    result = run("convert", bad, y, "-o", out, *journal)
    assert result.code == 3
    assert result.err.splitlines() == [
        f"{bad}: line 1: malformed JSON: Expecting ',' delimiter",
        f"{y} -> {out / 'streltsov-110.xml'}",
        "1 converted, 0 invalid output, 1 bad input",
    ]
    assert (out / "streltsov-110.xml").is_file()
    result = run("convert", bad, bad, "-o", tmp_path / "out2", *journal)
    assert result.err.splitlines()[1:] == [
        f"{bad}: given twice (its first reading is told above)",
        "0 converted, 0 invalid output, 2 bad input",
    ]


def test_standard_input_given_twice_is_converted_once(run, monkeypatch, tmp_path, store) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "journal.yaml").write_text(
        (SEED.parent.parent / "journal.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(SEED.read_text(encoding="utf-8")))
    result = run("convert", "-", "-")
    assert result.code == 3
    assert result.err.splitlines()[1:] == [
        f"<stdin>: given twice (the output name {tmp_path / 'stdin.xml'} is already taken by "
        "the first)",
        "1 converted, 0 invalid output, 1 bad input",
    ]
    assert (tmp_path / "stdin.xml").read_bytes() == SEED.with_suffix(".xml").read_bytes()


def test_pmc_profile_writes_the_jats_version_pmc_takes(run, tmp_path) -> None:
    """``--profile pmc`` without ``--jats-version`` writes JATS 1.3 (PMC takes 1.0–1.3), said
    once a run with the way back; until 4 December 2026 it wrote 1.4 and then warned
    ``pmc-dtd-version``. An explicit ``--jats-version 1.4`` keeps 1.4 and the warning."""
    out = tmp_path / "pmc"
    result = run("convert", BILINGUAL, SEED, "-o", out, "--profile", "pmc")
    assert 'dtd-version="1.3"' in (out / "streltsov-6.xml").read_text(encoding="utf-8")
    assert 'dtd-version="1.3"' in (out / "streltsov-110.xml").read_text(encoding="utf-8")
    assert result.err.count("note: pmc profile: writing JATS 1.3") == 1
    assert "--jats-version 1.4" in result.err and "pmc-dtd-version" not in result.err
    kept = run("convert", BILINGUAL, "-o", tmp_path / "kept", "--profile", "pmc",
               "--jats-version", "1.4")  # fmt: skip
    assert 'dtd-version="1.4"' in (tmp_path / "kept" / "streltsov-6.xml").read_text("utf-8")
    assert "pmc-dtd-version" in kept.err and "writing JATS 1.3" not in kept.err
    plain = run("convert", BILINGUAL, "-o", tmp_path / "plain")
    assert 'dtd-version="1.4"' in (tmp_path / "plain" / "streltsov-6.xml").read_text("utf-8")
    assert "JATS 1.3" not in plain.err
    batch = run("batch", BILINGUAL, "-o", tmp_path / "batch", "--profile", "pmc")
    [written] = (tmp_path / "batch").glob("*.xml")
    assert 'dtd-version="1.3"' in written.read_text(encoding="utf-8")
    assert "writing JATS 1.3" in batch.err


@pytest.mark.parametrize("command", ["convert", "batch"])
def test_quiet_pmc_run_writes_1_3_without_the_note(run, tmp_path, command) -> None:
    """``-q`` prints problems only: the pmc profile's version note is none (until 4 December
    2026 it was printed with ``-q`` too); the version written is still PMC's, 1.3."""
    out = tmp_path / "pmc"
    result = run(command, BILINGUAL, "-o", out, "--profile", "pmc", "-q")
    assert result.code == 0, result.err
    [written] = out.glob("*.xml")
    assert 'dtd-version="1.3"' in written.read_text(encoding="utf-8")
    assert "writing JATS 1.3" not in result.err and "note:" not in result.err
