"""A funder Crossref cannot match by its name (no Latin letters, an acronym alone) and that has
no Funder Registry id is said by ``convert --to crossref`` and by ``check --profile crossref``
in the same words, asking for its id."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "japanese-studies-in-russia"

FUNDING = """\
funding:
  - funder: {ru: Российский фонд фундаментальных исследований}
    awards: [18-010-00123]
  - funder: {en: RSF}
  - funder: {ru: Российский научный фонд, en: Russian Science Foundation}
  - funder: {ru: РНФ}
    funder_id: 10.13039/501100006769
"""


def _article(tmp_path: Path) -> Path:
    shutil.copy(SAMPLE / "journal.yaml", tmp_path / "journal.yaml")
    text = (SAMPLE / "2018-3" / "shchukin-21.yaml").read_text(encoding="utf-8")
    path = tmp_path / "article.yaml"
    path.write_text(text.replace("references:\n", FUNDING + "references:\n", 1), "utf-8")
    return path


def _funder_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "Funder Registry id" in line]


def test_a_funder_crossref_cannot_match_is_said_by_convert_and_check(tmp_path: Path, run) -> None:
    path = _article(tmp_path)
    converted = run("convert", path, "--to", "crossref", "-o", tmp_path / "crossref")
    assert converted.code == 0, converted.err
    said = _funder_lines(converted.err)
    # the Cyrillic name and the acronym; not the English name, nor the acronym with its id
    assert len(said) == 2, said
    assert (
        "funding[0].funder.ru: funder 'Российский фонд фундаментальных исследований' is named "
        "in no Latin letters, and Crossref matches a funder by its Funder Registry id or its "
        "English name: give its Funder Registry id (funder_id, 10.13039/…)"
    ) in said[0]
    assert "funding[1].funder.en: funder 'RSF' is named by an acronym alone" in said[1]

    assert run("convert", path, "--to", "jats", "-o", tmp_path / "jats").code == 0
    checked = run("check", tmp_path / "jats" / "article.xml", "--profile", "crossref")
    assert checked.code == 0, checked.out + checked.err
    found = _funder_lines(checked.out + checked.err)
    assert len(found) == 2, found
    assert all("[crossref-funder-id]" in line for line in found)
    # the same words from both
    for deposit, jats in zip(said, found, strict=True):
        words = re.search(r"funder '.*", deposit)
        assert words is not None and words.group(0) in jats


def test_a_funder_left_blank_is_said_by_its_field_not_a_crash(tmp_path: Path, run) -> None:
    """A funder whose name is left blank (a spreadsheet's empty cell, 'funder: " "') has no
    name, as one not given: one line naming the field; convert --to crossref stopped with an
    internal error (IndexError) and the JATS had an empty <award-group>, which PMC refuses."""
    path = _article(tmp_path)
    text = path.read_text("utf-8")
    path.write_text(text.replace(FUNDING, 'funding:\n  - funder: {ru: "  "}\n', 1), "utf-8")
    for to in ("crossref", "jats"):
        result = run("convert", path, "--to", to, "-o", tmp_path / to)
        said = result.out + result.err
        assert result.code == 3, said  # (bad input)
        assert "internal error" not in said and "Traceback" not in said
        assert "funding[0].funder" in said, said
