"""An article dated in the future (a mistyped year: 2099) was deposited by ``convert --to
crossref`` / ``--to doaj`` without a word, while ``check --profile general`` said it as
date-future. The deposit, where the registry shows the date as given, now warns in the
check's words, and is still written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLES

ARTICLE = SAMPLES / "japanese-studies-in-russia" / "2018-3" / "streltsov-6.yaml"


@pytest.fixture
def dated_2099(tmp_path: Path) -> Path:
    journal = tmp_path / "journal"
    shutil.copytree(ARTICLE.parent.parent, journal)
    article = journal / ARTICLE.parent.name / ARTICLE.name
    text = article.read_text(encoding="utf-8")
    text = text.replace("electronic: 2018-09-28", "electronic: 2099-09-28")
    article.write_text(text, encoding="utf-8")
    return article


@pytest.mark.parametrize("target", ["crossref", "doaj"])
def test_a_deposit_of_an_article_dated_in_the_future_warns_as_the_check_does(
    run, dated_2099: Path, tmp_path: Path, target: str
) -> None:
    deposited = run("convert", dated_2099, "--to", target, "-o", tmp_path / target)
    assert deposited.code == 0, deposited.err
    assert list((tmp_path / target).glob("*.xml"))  # warned, not refused
    said = [line for line in deposited.err.splitlines() if "future" in line]
    assert len(said) == 1, deposited.err
    assert ": warning: published.electronic: date 2099-09-28 is in the future" in said[0]

    converted = run("convert", dated_2099, "-o", tmp_path / "jats")
    assert converted.code == 0, converted.err
    checked = run("check", "--profile", "general", *(tmp_path / "jats").glob("*.xml"))
    flagged = re.search(
        r"\[date-future\] (date 2099-09-28 is in the future \([^)]*\))", checked.out
    )
    assert flagged, checked.out
    assert said[0].split("published.electronic: ", 1)[1] == flagged.group(1)
