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


AWARD_GROUP = (
    "<funding-group><award-group>"
    '<funding-source xml:lang="en">RSF</funding-source>'
    '<funding-source xml:lang="en">Russian Foundation for Basic Research</funding-source>'
    '<funding-source xml:lang="en" xlink:href="https://doi.org/10.13039/501100006769">'
    "NSF</funding-source>"
    "<award-id>22-18-00001</award-id></award-group></funding-group>"
)


def test_each_funder_of_an_award_group_is_checked_as_convert_reads_it(tmp_path: Path, run) -> None:
    """An award group naming several funders (a publisher's JATS) is several funders, as the
    JATS reader and so ``convert --to crossref`` take it: check --profile crossref judged only
    the last name of each language, and passed 'RSF' that convert warned of; a funder whose
    id is its funding-source's xlink:href has its id."""
    path = _article(tmp_path)
    path.write_text(path.read_text("utf-8").replace(FUNDING, "", 1), "utf-8")
    assert run("convert", path, "--to", "jats", "-o", tmp_path / "jats").code == 0
    article = tmp_path / "jats" / "article.xml"
    text = article.read_text("utf-8")
    article.write_text(text.replace("</article-meta>", AWARD_GROUP + "</article-meta>", 1))
    checked = run("check", article, "--profile", "crossref")
    found = _funder_lines(checked.out + checked.err)
    assert len(found) == 1, found
    assert "funder 'RSF' is named by an acronym alone" in found[0]
    journal = tmp_path / "journal.yaml"
    converted = run(
        "convert", article, "--to", "crossref", "--journal", journal, "-o", tmp_path / "cr"
    )
    said = _funder_lines(converted.err)
    assert len(said) == 1 and "funder 'RSF'" in said[0], converted.err
