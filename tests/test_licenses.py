"""Licences as editors write them: "CC BY 4.0" and the Creative Commons names are read as the
SPDX id they stand for (they were refused: only "CC-BY-4.0" or a URL was taken), and anything
that is not one licence is still refused with what to write."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SEED
from converter.licenses import resolve_license, spdx_from_text


@pytest.mark.parametrize(
    ("text", "spdx"),
    [
        ("CC BY 4.0", "CC-BY-4.0"),
        ("cc-by-nc-sa 4.0", "CC-BY-NC-SA-4.0"),
        ("CC BY-NC-ND 4.0", "CC-BY-NC-ND-4.0"),
        ("CC_BY_SA_3.0", "CC-BY-SA-3.0"),
        ("CC BY 4.0 International", "CC-BY-4.0"),
        ('"CC BY 4.0".', "CC-BY-4.0"),
        ("CC BY v4.0", "CC-BY-4.0"),
        ("CC BY 4", "CC-BY-4.0"),
        ("CC0", "CC0-1.0"),
        ("CC0 1.0 Universal", "CC0-1.0"),
        ("Creative Commons Attribution 4.0 International License", "CC-BY-4.0"),
        ("Creative Commons Attribution-NonCommercial 4.0 International", "CC-BY-NC-4.0"),
        ("Creative Commons Attribution-NoDerivs 3.0 Unported", "CC-BY-ND-3.0"),
        ("Creative Commons Attribution Non-Commercial No Derivatives 4.0", "CC-BY-NC-ND-4.0"),
        (
            "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International "
            "(CC BY-NC-SA 4.0)",
            "CC-BY-NC-SA-4.0",
        ),
        ("Лицензия Creative Commons «Attribution» («Атрибуция») 4.0 Всемирная", "CC-BY-4.0"),
        # not one Creative Commons licence: refused, never guessed
        ("CC-BY", None),  # which version?
        ("CC BY 5.0", None),
        ("CC BY-SA-ND 4.0", None),
        ("Creative Commons Attribution-ShareAlike-NoDerivatives 4.0", None),
        ("Creative Commons Attribution 4.0 (CC BY-NC 4.0)", None),  # the two disagree
        ("Creative Commons Attribution License", None),
        ("GPL-3.0", None),
        ("All rights reserved", None),
    ],
)
def test_creative_commons_licences_as_editors_write_them(text: str, spdx: str | None) -> None:
    assert spdx_from_text(text) == spdx


def test_a_written_licence_gets_the_canonical_url_and_a_url_stays_as_written() -> None:
    assert resolve_license("CC BY 4.0") == (
        "CC-BY-4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    url = "http://creativecommons.org/licenses/by-nc/4.0/"
    assert resolve_license(url) == ("CC-BY-NC-4.0", url)
    # a ported licence is another licence: its URL is kept as written
    ported = "https://creativecommons.org/licenses/by/3.0/br/legalcode"
    assert resolve_license(ported)[1] == ported


@pytest.mark.parametrize(
    "page",
    [
        "http://creativecommons.org/licenses/by-nc/4.0/deed.ru",
        "https://creativecommons.org/licenses/by-nc/4.0/legalcode",
        "https://www.creativecommons.org/licenses/by-nc/4.0/legalcode.ru",
        "https://creativecommons.org/licenses/by-nc/4.0/deed.zh-hans/",
    ],
)
def test_a_licence_given_as_its_legal_code_or_deed_is_written_as_its_url(page: str) -> None:
    """PMC's Style Checker rejects the address of a licence's legal code or of its deed in one
    language; the editor meant the licence, whose canonical URL is written."""
    assert resolve_license(page) == (
        "CC-BY-NC-4.0",
        "https://creativecommons.org/licenses/by-nc/4.0/",
    )
    with pytest.raises(ValueError, match=r"unknown licence .*'CC BY 5\.0'"):
        resolve_license("CC BY 5.0")


@pytest.mark.parametrize("written", ["CC BY 4.0", "Creative Commons Attribution 4.0 International"])
def test_an_article_with_a_written_licence_converts_as_with_its_spdx_id(
    run, tmp_path: Path, written: str
) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert "license: CC-BY-4.0\n" in text
    for name, licence in (("spdx", "CC-BY-4.0"), ("written", written)):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(SEED.parent.parent / "journal.yaml", folder / "journal.yaml")
        article = folder / SEED.name
        article.write_text(text.replace("CC-BY-4.0", licence, 1), encoding="utf-8")
        assert run("convert", article, "-o", folder / "out").code == 0
    (want,) = (tmp_path / "spdx" / "out").glob("*.xml")
    (got,) = (tmp_path / "written" / "out").glob("*.xml")
    assert got.read_bytes() == want.read_bytes()


def test_a_licence_that_is_no_known_one_is_refused_in_one_line(run, write_article) -> None:
    article = write_article("title: {en: A title}\nlicense: CC BY 5.0\n")
    result = run("convert", article)
    assert result.code == 3
    assert "unknown licence (use an SPDX id such as 'CC-BY-4.0' or a URL): 'CC BY 5.0'" in (
        result.err
    )
