"""File names that are not UTF-8 (a Windows archive unpacked as it was: names in Windows-1251
bytes) named on the command line of any command: one line saying what the name reads as and
how to rename it, exit 3, and the other files handled. They were an internal error (convert,
preview: ``UnicodeEncodeError``, exit 70) or a report line of surrogate escapes (check,
consistency)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLES

ARTICLE = SAMPLES / "japanese-studies-in-russia" / "2018-3" / "streltsov-6.yaml"
JOURNAL = SAMPLES / "japanese-studies-in-russia" / "journal.yaml"
CP1251 = "статья.yaml".encode("cp1251")


def _folder(tmp_path: Path) -> tuple[str, Path]:
    """A folder with the journal file, one good article and one named in Windows-1251 bytes:
    the bad one's path as Python holds it (surrogates), and the good one's."""
    shutil.copy(JOURNAL, tmp_path / "journal.yaml")
    good = tmp_path / "good.yaml"
    shutil.copy(ARTICLE, good)
    bad = os.path.join(os.fsencode(tmp_path), CP1251)
    with open(bad, "wb") as handle:
        handle.write(ARTICLE.read_bytes())
    return os.fsdecode(bad), good


def _line(tmp_path: Path, suffix: str = ".yaml") -> str:
    shown = f"{tmp_path}/" + CP1251.decode("utf-8", "replace").replace(".yaml", suffix)
    return (
        f"{shown}: the file name is not UTF-8: it reads as Windows-1251 'статья{suffix}'; rename "
        "it (e.g. convmv -f cp1251 -t utf-8 --notest FILE)"
    )


def test_convert_says_the_name_and_converts_the_others(run, tmp_path: Path, store) -> None:
    bad, good = _folder(tmp_path)
    out = tmp_path / "out"
    result = run("convert", bad, good, "-o", out, "--json")
    assert result.code == 3, result.err
    items = json.loads(result.out)
    assert [item["status"] for item in items] == ["bad-input", "converted"]
    assert items[0]["problems"] == [_line(tmp_path)]
    assert sorted(p.name for p in out.iterdir()) == ["good.xml"]


@pytest.mark.parametrize("command", ["validate", "check", "consistency", "preview"])
def test_other_commands_say_the_name_and_go_on(command: str, run, tmp_path: Path, store) -> None:
    bad, good = _folder(tmp_path)
    converted = run("convert", good, "-o", tmp_path / "jats")
    assert converted.code == 0, converted.err
    jats = tmp_path / "jats" / "good.xml"
    bad_jats = os.path.join(os.fsencode(tmp_path), CP1251.replace(b".yaml", b".xml"))
    shutil.copy(jats, bad_jats)
    files = [os.fsdecode(bad_jats), jats] if command != "consistency" else [bad, good]
    extra = ["-o", tmp_path / "pages"] if command == "preview" else []
    result = run(command, *files, *extra)
    assert result.code == 3, (result.out, result.err)
    line = _line(tmp_path, ".yaml" if command == "consistency" else ".xml")
    assert line in result.err.splitlines()
    assert "\\udc" not in result.out + result.err
    assert "internal error" not in result.err
