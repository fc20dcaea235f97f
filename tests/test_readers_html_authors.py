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


def test_emails_written_after_every_author_go_by_the_name_they_hold(tmp_path: Path) -> None:
    """bioRxiv writes each author's institution after the name, and the corresponding
    authors' e-mails after the last author's: all went to the last author (the last one
    written was kept, the others dropped unsaid). Their place does not tell whose they are: an
    address that holds one author's name is given to that author, said; one that holds none
    is said and left out."""
    fudan = _tag("institution", "Fudan University, Shanghai, China")
    article, warnings = _read_page(
        tmp_path,
        TITLE
        + _authors("Xiaolong Tian")
        + fudan
        + _authors("Tianlei Ying")
        + fudan
        + _authors("Zhenlin Yang")
        + fudan
        + _authors("Yanling Wu")
        + fudan
        + _tag("email", "tlying@example.edu.cn")
        + _tag("email", "yang_zhenlin@example.edu.cn")
        + _tag("email", "office@example.edu.cn"),
    )
    assert [a.email for a in article.authors] == [
        None,
        "tlying@example.edu.cn",
        "yang_zhenlin@example.edu.cn",
        None,
    ]
    assert all(len(a.affiliations) == 1 for a in article.authors)  # theirs, in their place
    assert (
        "citation_author_email 'tlying@example.edu.cn': its place, after the last author's tags, "
        "does not tell whose it is: given to Tianlei Ying, whose name it holds" in warnings
    )
    assert (
        "citation_author_email 'office@example.edu.cn': its place, after the last author's tags, "
        "does not tell whose it is, nor does the address name one author: left out" in warnings
    )


def test_an_email_after_other_tags_and_one_after_the_names(tmp_path: Path) -> None:
    """Inter-Research writes its one e-mail after citation_pdf_url (it went to the last of 21
    authors, not to Moore); a WordPress journal writes the names in capitals, then the one
    e-mail, which names no author: said, not given to the last author."""
    article, warnings = _read_page(
        tmp_path,
        TITLE
        + _authors("Michael J. Moore", "Teresa K. Rowles", "Julie M. van der Hoop")
        + '<meta name="citation_pdf_url" content="https://example.org/a.pdf">'
        + _tag("email", "mmoore@example.edu"),
    )
    assert [a.email for a in article.authors] == ["mmoore@example.edu", None, None]
    assert any(
        w.startswith("citation_author_email 'mmoore@example.edu': its place, after other tags ")
        and w.endswith("given to Michael J. Moore, whose name it holds")
        for w in warnings
    ), warnings
    article, warnings = _read_page(
        tmp_path,
        TITLE
        + _authors("KRISHNA PRAKASH P", "MAHEEN NOUSHAD", "ANIL NAYAK")
        + _tag("email", "pkp2396@example.com"),
    )
    assert [a.email for a in article.authors] == [None, None, None]
    assert any(
        "'pkp2396@example.com'" in w and "nor does the address name one author: left out" in w
        for w in warnings
    ), warnings


def test_tags_in_their_authors_place_stay_theirs(tmp_path: Path) -> None:
    """Highwire's rule holds where the page keeps it: a tag after an author's name and before
    the next is that author's; the last author's too when the page gives the others theirs in
    their place, or writes another of the others' tags after it (Janeway: name, e-mail,
    institution). With one author every tag is that author's. A second e-mail or ORCID iD of
    one author is said (the model holds one; the last written was kept unsaid)."""
    article, warnings = _read_page(
        tmp_path,
        TITLE
        + _authors("Ann Roe")
        + _tag("institution", "First University")
        + _authors("Bob Doe")
        + _tag("email", "doe@example.org")
        + _tag("institution", "Second University"),
    )
    assert [a.email for a in article.authors] == [None, "doe@example.org"]
    assert [len(a.affiliations) for a in article.authors] == [1, 1]
    assert not any("place" in w for w in warnings), warnings
    article, warnings = _read_page(
        tmp_path,
        TITLE
        + '<meta name="citation_pdf_url" content="https://example.org/a.pdf">'
        + _authors("Ann Roe")
        + '<meta name="citation_doi" content="10.5555/1">'
        + _tag("email", "first@example.org")
        + _tag("email", "second@example.org"),
    )
    assert article.authors[0].email == "first@example.org"
    assert (
        "citation_author_email 'second@example.org': a second e-mail address of Ann Roe, beside "
        "first@example.org: left out" in warnings
    )


def test_institutions_and_orcids_after_every_author_go_to_no_one(tmp_path: Path) -> None:
    """A page that writes its institutions (or ORCID iDs) after the last author's name and
    no such tag after the others' may give them for every author or for the last one: the last
    author got them all. Said, and left out for the user to give. Where the others have
    theirs after their names, the last author's are hers."""
    article, warnings = _read_page(
        tmp_path,
        TITLE
        + _authors("Ann Roe", "Bob Doe")
        + _tag("institution", "First University")
        + _tag("orcid", "https://orcid.org/0000-0002-1825-0097"),
    )
    assert [a.affiliations for a in article.authors] == [[], []]
    assert [a.orcid for a in article.authors] == [None, None]
    assert (
        "citation_author_institution 'First University': its place, after the last author's "
        "tags, does not tell whose it is: left out" in warnings
    )
    assert any(w.startswith("citation_author_orcid 'https://orcid.org/") for w in warnings)
    # IOP: every author's institution after the name, the last author's ORCID iD after hers
    article, warnings = _read_page(
        tmp_path,
        TITLE
        + _authors("Ann Roe")
        + _tag("institution", "First University")
        + _authors("Bob Doe")
        + _tag("institution", "First University")
        + _tag("orcid", "https://orcid.org/0000-0002-1825-0097"),
    )
    assert [a.orcid for a in article.authors] == [None, "https://orcid.org/0000-0002-1825-0097"]
    assert not any("place" in w for w in warnings), warnings


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
            "JRR Tolkien",
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
        ("Tolkien", "JRR"),  # capitals without a vowel: initials, not a surname
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


def test_a_marked_corresponding_author_and_a_group_author(tmp_path: Path) -> None:
    """Journal sites mark the corresponding author with an asterisk ('R. Vijay*'): it was part
    of the surname 'Vijay*'. PLOS and others name a group among the authors ('The PREDICT
    Consortium'): it was a person whose surname was 'Consortium'."""
    article, _ = _read_page(
        tmp_path,
        TITLE
        + _authors(" R. Vijay* ")
        + _tag("email", "vijay@example.com")
        + _authors("V. Ravichandran", "The PREDICT Consortium"),
    )
    first, second, group = article.authors
    assert (first.name["en"].surname, first.name["en"].given) == ("Vijay", "R.")
    assert (first.corresponding, second.corresponding) == (True, False)
    assert first.email == "vijay@example.com"
    assert group.name is None and group.collab == {"en": "The PREDICT Consortium"}
