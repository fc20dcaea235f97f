"""Landing pages: whose e-mail, institution and ORCID tag is whose when a page writes them apart
from the names (bioRxiv, Inter-Research, WordPress journal sites write every e-mail after all
the authors), and names as pages write them: the surname in capitals ('IVANOV Ivan', 'Jean
DUPONT'), the whole name in capitals, East Asian names surname first."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from conftest import xmllint
from converter.readers import ReadContext, read_source

JOURNAL = '<meta name="citation_journal_title" content="J">'
TITLE = '<meta name="citation_title" content="T">' + JOURNAL


def _read_page(tmp_path: Path, head: str) -> tuple[object, list[str]]:
    page = tmp_path / "page.html"
    page.write_text(f"<html><head>{head}</head><body><p>Text.</p></body></html>", "utf-8")
    [loaded] = list(read_source(page, "html", ReadContext()))
    assert loaded.article is not None, loaded.problems
    return loaded.article, [str(w) for w in loaded.warnings]


def _authors(*names: str) -> str:
    return "".join(f'<meta name="citation_author" content="{name}">' for name in names)


def _tag(name: str, content: str) -> str:
    return f'<meta name="citation_author_{name}" content="{content}">'


def _names(article) -> list[tuple[str | None, str | None]]:
    return [(a.name["en"].surname, a.name["en"].given) for a in article.authors]


def test_names_in_capitals_are_read_in_ordinary_case(tmp_path: Path) -> None:
    """Russian and French pages write the surname in capitals, some sites the whole name:
    'IVANOV Ivan' was read with the given name 'IVANOV' and the surname 'Ivan', 'SMITH, JOHN'
    was kept in capitals. The words in capitals at a name's start or end are its surname, set
    in ordinary case, said as markup simplified."""
    article, warnings = _read_page(
        tmp_path,
        TITLE
        + _authors(
            "IVANOV Ivan",
            "Jean-Pierre DUPONT",
            "SMITH, JOHN",
            "Mary O'NEIL",
            "ИВАНОВ И. И.",
            "САЛТЫКОВ-ЩЕДРИН Михаил Евграфович",
            "Charles de GAULLE",
            "MCDONALD Ronald",
            "SMITH JA",
        ),
    )
    assert _names(article) == [
        ("Ivanov", "Ivan"),
        ("Dupont", "Jean-Pierre"),
        ("Smith", "John"),
        ("O'Neil", "Mary"),
        ("Иванов", "И. И."),
        ("Салтыков-Щедрин", "Михаил Евграфович"),
        ("de Gaulle", "Charles"),
        ("McDonald", "Ronald"),
        ("Smith", "JA"),  # Vancouver initials stay as written
    ]
    [said] = [w for w in warnings if "written in capitals" in w]
    assert said.startswith(
        "citation_author: written in capitals, read in ordinary case: 'IVANOV Ivan' as surname "
        "'Ivanov', given 'Ivan'; "
    )


def test_names_written_properly_keep_their_case(tmp_path: Path) -> None:
    """McDonald, O'Neil, DiCaprio, van der Waals, Д'Артаньян, a hyphenated Cyrillic surname,
    initials after a surname (Vancouver 'Smith JA'): read as written, nothing said. 'R. K.
    Li' is Li, R. K. (it was read as the surname 'R.' with the given names 'K. Li.')."""
    article, warnings = _read_page(
        tmp_path,
        TITLE
        + _authors(
            "Ronald McDonald",
            "O'Neil, Mary",
            "Leonardo DiCaprio",
            "Johannes van der Waals",
            "Д'Артаньян, Шарль",
            "Салтыков-Щедрин Михаил Евграфович",
            "Smith JA",
            "R. K. Li",
        ),
    )
    assert _names(article) == [
        ("McDonald", "Ronald"),
        ("O'Neil", "Mary"),
        ("DiCaprio", "Leonardo"),
        ("van der Waals", "Johannes"),
        ("Д'Артаньян", "Шарль"),
        ("Салтыков-Щедрин", "Михаил Евграфович"),
        ("Smith", "JA"),
        ("Li", "R. K."),
    ]
    assert not any("capitals" in w for w in warnings), warnings


def test_east_asian_names_are_surname_first(run, store, tmp_path: Path) -> None:
    """J-STAGE's Japanese pages write '山田 太郎', surname first (it was read as the given name
    山田 and the surname 太郎): the JATS name is eastern, its surname 山田. The e-mail given by
    the name it holds is written in the author's contrib (xmllint against the DTD)."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head>" + TITLE + '<meta name="citation_issn" content="2345-6787">'
        '<meta name="citation_publication_date" content="2020/03/05">'
        + _authors("山田 太郎", "Hanako Suzuki")
        + _tag("email", "suzuki.h@example.jp")
        + "</head><body><p>Text.</p></body></html>",
        encoding="utf-8",
    )
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    written = tmp_path / "out" / "page.xml"
    check = xmllint(written, store.catalog)
    assert check.returncode == 0, check.stderr
    tree = etree.parse(str(written))
    [eastern] = tree.xpath("//contrib/name[@name-style='eastern']")
    assert (eastern.findtext("surname"), eastern.findtext("given-names")) == ("山田", "太郎")
    assert tree.xpath("//contrib[name/surname='Suzuki']/email/text()") == ["suzuki.h@example.jp"]
