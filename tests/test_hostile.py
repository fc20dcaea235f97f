"""Hostile, broken and extreme input: each case is one line naming the file (and field), a
documented exit code, never a traceback, and no partial output.

These are the cases of a torture run that used to end in exit 70 ("internal error") or in a
flood of lines; each test reproduces one.
"""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml

from conftest import SEED
from converter.errors import EXIT_CODES, EXIT_INPUT
from converter.floods import LIMIT, capped
from converter.inline import MAX_DEPTH
from converter.naming import MAX_NAME_BYTES, fit_name

SEED_JOURNAL = SEED.parent.parent / "journal.yaml"


def _one_line(result, code: int) -> str:
    assert result.code == code, result.err
    assert code in EXIT_CODES
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    return lines[0]


# ------------------------------------------------------------------ spreadsheets


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "articles"
    sheet.append(["title:en", "doi"])
    sheet.append(["A title", "10.5555/x1"])
    book.save(path)
    return path


def _with_dtd(source: Path, target: Path, dtd: str, use: str) -> Path:
    """A copy of the workbook whose sheet declares ``dtd`` and uses ``use`` in a cell."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"<worksheet", f"<!DOCTYPE worksheet [{dtd}]><worksheet".encode(), 1
                )
                data = data.replace(b"A title", f"A {use} title".encode())
            new.writestr(item, data)
    return target


LAUGHS = '<!ENTITY l0 "lol">' + "".join(
    f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
)
XLSX_ENTITIES = {
    "entity-bomb": (LAUGHS, "&l9;"),
    "external-entity": ('<!ENTITY x SYSTEM "file:///etc/passwd">', "&x;"),
    "harmless-looking-entity": ('<!ENTITY e "text">', "&e;"),
}


@pytest.mark.parametrize("case", sorted(XLSX_ENTITIES))
@pytest.mark.parametrize("command", ["convert", "batch"])
def test_xlsx_declaring_entities_is_refused(run, tmp_path: Path, case: str, command: str) -> None:
    dtd, use = XLSX_ENTITIES[case]
    (tmp_path / "in").mkdir()
    source = _with_dtd(_workbook(tmp_path / "ok.xlsx"), tmp_path / "in" / f"{case}.xlsx", dtd, use)
    (tmp_path / "in" / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    args = [command, source, "-o", tmp_path / "out"] + (["-q"] if command == "batch" else [])
    result = run(*args)
    assert result.code == EXIT_INPUT, result.err
    assert "Traceback" not in result.err
    assert "xl/worksheets/sheet1.xml: declares a DTD or entities" in result.err
    assert "root:" not in result.err + result.out  # /etc/passwd never read into anything
    assert not list(tmp_path.glob("out/*.xml"))


def test_a_hundred_thousand_unknown_columns_are_twenty_lines_and_a_count(
    run, tmp_path: Path
) -> None:
    source = tmp_path / "wide.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title:en", "doi", *(f"bogus{i}" for i in range(100_000))])
        writer.writerow(["T", "10.5555/x", *([""] * 100_000)])
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == EXIT_INPUT
    lines = result.err.strip().splitlines()
    assert len(lines) == LIMIT + 1, lines[:3]
    assert lines[0] == f"{source}: column 'bogus0': unknown column (see the documented columns)"
    assert lines[-1].startswith(f"{source}: … and 99,980 more like: column 'bogus0'")


def test_capped_keeps_every_kind() -> None:
    messages = [f"row {i}: bad ORCID" for i in range(50)] + ["journal: missing"] * 3
    shown = capped(messages)
    assert len(shown) == LIMIT + 3 + 1
    assert shown[-1] == "… and 30 more like: row 0: bad ORCID"


# ------------------------------------------------------------------ inline markup


def _seed_data() -> dict:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data["journal"] = str(SEED_JOURNAL)
    return data


def test_five_thousand_nested_italics_are_refused(run, tmp_path: Path) -> None:
    data = _seed_data()
    data["abstract"] = {"en": "<i>" * 5000 + "deep" + "</i>" * 5000}
    source = tmp_path / "nested.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    line = _one_line(run("convert", source, "-o", tmp_path / "out"), EXIT_INPUT)
    assert line.startswith(f"{source}: abstract.en")
    assert f"nested more than {MAX_DEPTH} deep" in line
    assert not (tmp_path / "out" / "nested.xml").exists()


def test_nesting_up_to_the_limit_is_kept(run, tmp_path: Path, store) -> None:
    data = _seed_data()
    data["abstract"] = {"en": "<i>" * MAX_DEPTH + "deep" + "</i>" * MAX_DEPTH}
    source = tmp_path / "nested.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    written = (tmp_path / "out" / "nested.xml").read_text(encoding="utf-8")
    assert "<italic>" * MAX_DEPTH + "deep" in written


# ------------------------------------------------------------------ names too long


def test_fit_name_is_stable_and_short() -> None:
    long_name = "jsr-" + "d" * 300 + ".crossref.xml"
    short = fit_name(long_name)
    assert len(short.encode()) == MAX_NAME_BYTES
    assert short.endswith(".crossref.xml")
    assert short == fit_name(long_name)
    assert fit_name(long_name.replace("d.cross", "e.cross")) != short
    assert fit_name("rjr-1-110.xml") == "rjr-1-110.xml"


@pytest.mark.parametrize("case", ["journal-id", "doi"])
def test_names_too_long_are_shortened_with_a_stable_hash(
    run, tmp_path: Path, case: str, store
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    journal = yaml.safe_load(SEED_JOURNAL.read_text(encoding="utf-8"))
    article = _seed_data()
    del article["journal"]
    extra: list[str] = []
    if case == "journal-id":
        journal["ids"] = {"publisher-id": "j" * 400}
    else:
        article["doi"] = "10.5555/" + "d" * 300
        extra = ["--name", "{doi}"]
    (source / "journal.yaml").write_text(yaml.safe_dump(journal, allow_unicode=True))
    (source / "a.yaml").write_text(yaml.safe_dump(article, allow_unicode=True))
    names = []
    for out in (tmp_path / "out1", tmp_path / "out2"):
        result = run("batch", source, "-o", out, "-q", *extra)
        assert result.code == 0, result.err
        (written,) = out.glob("*.xml")
        assert len(written.name.encode()) <= MAX_NAME_BYTES
        names.append(written.name)
    assert names[0] == names[1]  # the same article gets the same name on every run


@pytest.mark.parametrize("command", ["convert", "batch"])
def test_thirty_articles_with_the_same_problem_are_twenty_lines_and_a_count(
    run, tmp_path: Path, command: str
) -> None:
    source = tmp_path / "in"
    source.mkdir()  # no journal file anywhere: every article lacks its journal
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data.pop("journal", None)
    for i in range(30):
        (source / f"a{i:02d}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    inputs = sorted(source.glob("*.yaml")) if command == "convert" else [source]
    result = run(command, *inputs, "-o", tmp_path / "out", "-q")
    assert result.code == EXIT_INPUT, result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == LIMIT + 1, result.err
    assert all("journal: no journal metadata" in line for line in lines[:LIMIT])
    assert lines[-1].startswith("… and 10 more like: ")


def test_convert_shortens_a_name_the_file_system_would_refuse(run, tmp_path: Path, store) -> None:
    data = _seed_data()
    # The input's name fits (255 bytes); its output's would too, but not the temporary file
    # written beside it first: the output name is shortened.
    source = tmp_path / ("s" * 250 + ".yaml")
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for out in (tmp_path / "out1", tmp_path / "out2"):
        result = run("convert", source, "-o", out)
        assert result.code == 0, result.err
    (first,) = (tmp_path / "out1").iterdir()
    (second,) = (tmp_path / "out2").iterdir()
    assert first.name == second.name and first.name.endswith(".xml")
    assert len(first.name.encode()) <= MAX_NAME_BYTES
