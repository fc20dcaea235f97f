"""Crossref and DOAJ files the services take on the first try: a citation's author as Crossref
wants it, and every limit of the services' schemas that real metadata can pass.

Each limit is tried on both sides, against the schema itself: a value at the limit gives a file
the schema takes, a value past it is left out with a warning (in a citation, an optional
detail) or refused with an error naming the field; and that value, written anyway, is one the
schema refuses — so the limits checked are the schema's own.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import etree

from conftest import deposit_environment
from converter.api import render
from converter.checks import check_bytes
from converter.options import Options
from converter.readers.native import load_article
from converter.writers import crossref_limits as limits
from converter.writers.common import serialize_xml
from converter.writers.crossref import depositor, render_crossref
from converter.xsd import schema_problems

CR = "{http://www.crossref.org/schema/5.3.1}"
JOURNAL: dict[str, Any] = {
    "title": {"en": "Test Journal"},
    "issn": {"print": "2658-6444", "electronic": "2658-6789"},
    "crossref": {
        "depositor_name": "Test Press",
        "depositor_email": "doi@example.org",
        "registrant": "Test Press",
    },
}
ARTICLE: dict[str, Any] = {
    "language": "en",
    "title": {"en": "On the limits of deposits"},
    "doi": "10.5555/limits.1",
    "url": "https://journal.example.org/article/1",
    "volume": "3",
    "issue": "2",
    "fpage": "10",
    "lpage": "20",
    "published": {"electronic": "2020-03-04"},
    "history": {"accepted": "2020-02-01"},
    "authors": [
        {
            "name": {"surname": "Smith", "given": "Jane"},
            "affiliations": [
                {
                    "institution": {"en": "Example University"},
                    "department": {"en": "Department of Physics"},
                    "city": {"en": "Moscow"},
                    "country": "RU",
                }
            ],
        }
    ],
}
Setter = Callable[[dict[str, Any], dict[str, Any], str], None]


@pytest.fixture(autouse=True)
def _private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deposit_environment(tmp_path, monkeypatch)


def _write(folder: Path, set_value: Setter | None = None, value: str = "") -> Path:
    """journal.yaml and article.yaml in ``folder``, ``set_value`` applied to copies of both."""
    article, journal = copy.deepcopy(ARTICLE), copy.deepcopy(JOURNAL)
    if set_value is not None:
        set_value(article, journal, value)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "journal.yaml").write_text(yaml.safe_dump(journal, allow_unicode=True), "utf-8")
    path = folder / "article.yaml"
    path.write_text(yaml.safe_dump(article, allow_unicode=True), encoding="utf-8")
    return path


def _convert(run, path: Path, target: str = "crossref"):  # type: ignore[no-untyped-def]
    """Convert ``path`` to ``target`` in ``out/`` beside it: the run and the output's path."""
    out = path.parent / "out"
    result = run("convert", path, "--to", target, "-o", out)
    return result, out / f"article.{target}.xml"


# ------------------------------------------------------------------ a citation's author


REFERENCE_AUTHORS = [
    ("van der Waals J. D.", "van der Waals"),
    ("de Gaulle C.", "de Gaulle"),
    ("von Neumann J.", "von Neumann"),
    ("Le Corbusier", "Le Corbusier"),
    ("Mac Lane S.", "Mac Lane"),
    ("MacArthur R. H.", "MacArthur"),
    ("O'Neil C.", "O'Neil"),
    ("Ван дер Ваальс Я. Д.", "Ван дер Ваальс"),
    ("Lévi-Strauss C.", "Lévi-Strauss"),
    ("Иванов-Петров А. Б.", "Иванов-Петров"),
    ("WHO Study Group", None),  # a group has no surname
    ("Smith, John", "Smith"),
    ("van der Waals, J. D.", "van der Waals"),
]


def test_a_citations_author_is_the_first_authors_surname_as_jats_gives_it(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema
) -> None:
    """Crossref's citation <author> is the first author's surname: the whole surname, particles
    and all, as the JATS reference gives it (a name with no parts to tell whole; none for a
    group), never the first word of the text."""

    def references(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        article["references"] = [
            {"text": f"{written} A work. J Test. 2000;1:2-3.", "type": "journal",
             "authors": [written, "Brown B."], "year": "2000", "title": "A work",
             "source": "J Test"}
            for written, _ in REFERENCE_AUTHORS
        ]  # fmt: skip
        # and as the reference parser reads a reference given as text alone
        article["references"].append(
            "van der Waals J. D. On the continuity of the gaseous and liquid states. Physica. "
            "1873;12:1-20."
        )

    path = _write(tmp_path, references)
    result, crossref = _convert(run, path)
    assert result.code == 0, result.err
    assert schema_problems(crossref_xsd, crossref.read_bytes(), "x") == []
    citations = etree.parse(str(crossref)).getroot().iter(f"{CR}citation")
    authors = [c.findtext(f"{CR}author") for c in citations]
    assert authors == [surname for _, surname in REFERENCE_AUTHORS] + ["van der Waals"]
    # the JATS reference says the same of each first author
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    jats = etree.parse(str(tmp_path / "out" / "article.xml")).getroot()
    first = [group[0] for group in jats.iter("person-group")]
    assert [a.tag for a in first[10:12]] == ["collab", "name"]
    surnames = {"name": lambda a: a.findtext("surname"), "string-name": lambda a: a.text}
    assert [surnames.get(a.tag, lambda a: None)(a) for a in first] == authors


# ------------------------------------------------------------------ citations: left out


def _reference(field: str) -> Setter:
    """Two references: the first with ``field`` set to the value, the second with it at
    Crossref's limit."""
    at_limit = {"volume": "9" * 32, "issue": "9" * 32, "fpage": "9" * 32,
                "doi": "10.1000/" + "d" * 200}  # fmt: skip

    def set_value(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        base = {"type": "journal", "authors": ["Smith J."], "year": "2020",
                "title": "Paper", "source": "J Test"}  # fmt: skip
        article["references"] = [
            {**base, "text": "Smith J. Paper. J Test. 2020.", field: value},
            {**base, "text": "Smith J. Paper two. J Test. 2020.", field: at_limit[field]},
        ]

    return set_value


@pytest.mark.parametrize(
    ("field", "element", "value", "why"),
    [
        ("volume", "volume", "Volume 12 of the collected works, part 2", "longer than "
         "Crossref's 32 characters"),
        ("issue", "issue", "Issue 3 (special issue: proceedings)", "longer than Crossref's "
         "32 characters"),
        ("fpage", "first_page", "p. 1 of the supplement to the issue", "longer than Crossref's "
         "32 characters"),
        ("doi", "doi", "10.1000/" + "d" * 201, "a DOI whose suffix (after the '/') is longer "
         "than Crossref's 200 characters"),
    ],
)  # fmt: skip
def test_a_citation_part_past_crossrefs_limit_is_left_out_and_said(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema, field: str, element: str, value: str,
    why: str,
) -> None:  # fmt: skip
    path = _write(tmp_path, _reference(field), value)
    result, crossref = _convert(run, path)
    assert result.code == 0, result.err
    assert (
        f"article.crossref.xml: warning: references[0].{field}: {why}, left out of the deposit"
        in result.err
    )
    assert "references[1]" not in result.err
    data = crossref.read_bytes()
    assert schema_problems(crossref_xsd, data, "x") == []
    first, second = etree.fromstring(data).iter(f"{CR}citation")
    assert first.find(f"{CR}{element}") is None
    # the rest of the citation stays
    assert first.findtext(f"{CR}unstructured_citation") == "Smith J. Paper. J Test. 2020."
    assert first.findtext(f"{CR}cYear") == "2020" and first.findtext(f"{CR}author") == "Smith"
    kept = second.findtext(f"{CR}{element}")
    assert len(kept) in (32, 208)
    # written in place of the one at the limit, the value fails the schema
    assert _refused_with(data, kept, value, crossref_xsd)


def test_a_cited_isbn_hyphenated_past_17_characters_is_written_as_its_digits(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema
) -> None:
    def isbn(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        article["references"] = [
            {"text": "Dirac P. A. M. The principles. Oxford; 1958.", "type": "book",
             "authors": ["Dirac P. A. M."], "source": "The principles", "isbn": value},
            {"text": "Dirac P. A. M. The principles. Oxford; 1958.", "type": "book",
             "authors": ["Dirac P. A. M."], "source": "The principles",
             "isbn": "978-0-19-852011-5"},
        ]  # fmt: skip

    path = _write(tmp_path, isbn, "0-1-9-8-5-2-0-1-1-5")
    result, crossref = _convert(run, path)
    assert result.code == 0 and "warning" not in result.err, result.err
    data = crossref.read_bytes()
    assert schema_problems(crossref_xsd, data, "x") == []
    isbns = [e.text for e in etree.fromstring(data).iter(f"{CR}isbn")]
    assert isbns == ["0198520115", "978-0-19-852011-5"]


# ------------------------------------------------------------------ the article: refused


def _first_page_alone(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
    """fpage with no lpage: lpage 20 after a first page of 33 digits is an abbreviated last
    page, written in full (1…120), past the limit too."""
    article["fpage"] = value
    del article["lpage"]


def _set(*keys: str) -> Setter:
    """Set the field at ``keys``, a path into the article's mapping, or into the journal's
    when the path starts with 'journal'."""

    def set_value(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        path = list(keys)
        place: Any = journal if path[0] == "journal" else article
        if path[0] == "journal":
            path.pop(0)
        for key in path[:-1]:
            place = place[int(key)] if isinstance(place, list) else place[key]
        place[path[-1]] = value

    return set_value


def _elocation(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
    del article["fpage"], article["lpage"]
    article["elocation_id"] = value


def _group(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
    article["authors"] = [{"collab": {"en": value}}]


def _doi(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
    article["doi"] = "10.5555/" + value


def _url(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
    article["url"] = SITE + value


SURNAME = ("authors", "0", "name", "surname")
GIVEN = ("authors", "0", "name", "given")
SITE = "https://journal.example.org/"


def _institution(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
    article["authors"][0]["affiliations"][0]["institution"] = {"en": value}


# (the field the error names, how to set it, a value at the limit, one past it)
ARTICLE_LIMITS = [
    ("volume", _set("volume"), "9" * 32, "9" * 33),
    ("issue", _set("issue"), "9" * 32, "9" * 33),
    ("fpage", _first_page_alone, "1" * 32, "1" * 33),
    ("lpage", _set("lpage"), "2" * 32, "2" * 33),
    ("elocation_id", _elocation, "e" * 32, "e" * 33),
    ("doi", _doi, "d" * 200, "d" * 201),
    ("url", _url, "p" * (2048 - len(SITE)), "p" * (2049 - len(SITE))),
    ("authors[0].name.en.surname", _set(*SURNAME), "S" * 60, "S" * 61),
    ("authors[0].name.en.surname", _set(*SURNAME), "Smith?", "????? ???"),
    ("authors[0].name.en.given", _set(*GIVEN), "G" * 60, "G" * 61),
    ("authors[0].name.en.suffix", _set("authors", "0", "name", "suffix"), "J" * 10, "J" * 11),
    ("authors[0].collab.en", _group, "C" * 511, "C" * 512),
    ("affiliations[0].institution.en", _institution, "U" * 1024, "U" * 1025),
    # (an affiliation of a place alone is no longer deposited, its place as the institution's
    # name: it is left out, said; tests/test_affiliation_institution.py)
    ("journal.title.en", _set("journal", "title", "en"), "T" * 255, "T" * 256),
    ("journal.crossref.depositor_name", _set("journal", "crossref", "depositor_name"), "D" * 130,
     "D" * 131),
    ("journal.crossref.depositor_email", _set("journal", "crossref", "depositor_email"), "a@b.co",
     "a@b.c"),
    ("journal.crossref.registrant", _set("journal", "crossref", "registrant"), "R" * 255,
     "R" * 256),
    ("published.electronic", _set("published", "electronic"), "1400-01-01", "1399-12-31"),
    ("published.electronic", _set("published", "electronic"), "2200-12-31", "2201-01-01"),
    ("history.accepted", _set("history", "accepted"), "2200-12-31", "2201-01-01"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("field", "set_value", "fits", "breaks"),
    ARTICLE_LIMITS,
    ids=[f"{case[0]}={case[3][:12]}" for case in ARTICLE_LIMITS],
)
def test_an_article_value_past_crossrefs_limit_is_an_error_naming_the_field(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema, field: str, set_value: Setter,
    fits: str, breaks: str,
) -> None:  # fmt: skip
    path = _write(tmp_path / "fits", set_value, fits)
    result, crossref = _convert(run, path)
    assert result.code == 0, result.err
    assert schema_problems(crossref_xsd, crossref.read_bytes(), "x") == []

    path = _write(tmp_path / "breaks", set_value, breaks)
    result, crossref = _convert(run, path)
    assert result.code == 1
    (line,) = [x for x in result.err.splitlines() if ": error: " in x]
    assert line.startswith(f"{path}: error: {field}: ")
    assert line.endswith(": Crossref's schema would refuse the whole deposit")
    assert not crossref.exists()
    assert _written_anyway(path, crossref_xsd)


def test_the_errors_say_what_is_wrong(tmp_path: Path, run) -> None:
    def several(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        article["volume"] = "Volume 12 of the collected works, part 2"
        article["authors"][0]["name"]["surname"] = "?????"
        article["published"]["electronic"] = "0202-03-04"

    path = _write(tmp_path, several)
    result, _ = _convert(run, path)
    assert result.code == 1
    assert (
        f"{path}: error: volume: longer than Crossref's 32 characters (it has 40: 'Volume 12 of "
        "the collected works, part 2'): Crossref's schema would refuse the whole deposit"
    ) in result.err
    assert (
        f"{path}: error: authors[0].name.en.surname: '?????' is not a name Crossref's schema "
        "takes (it needs a character other than '?' and spaces, and digits, if any, within one "
        "word): Crossref's schema would refuse the whole deposit"
    ) in result.err
    assert (
        f"{path}: error: published.electronic: the year 0202 is outside the years Crossref "
        "takes (1400–2200): Crossref's schema would refuse the whole deposit"
    ) in result.err


def _refused_with(data: bytes, fits: str, breaks: str, schema: etree.XMLSchema) -> bool:
    """Whether ``data``, a file the schema takes, fails it with ``breaks`` in the element
    that holds ``fits``."""
    old, new = f">{fits}<".encode(), f">{breaks}<".encode()
    assert old in data
    return schema_problems(schema, data.replace(old, new, 1), "x") != []


def _written_anyway(path: Path, schema: etree.XMLSchema) -> bool:
    """Whether the article's deposit, written without the checks, fails Crossref's schema."""
    article = load_article(path)
    who = depositor(article.journal)  # type: ignore[arg-type]
    head = {"batch_id": "limits-test-1", "timestamp": 1, "depositor": who}
    return schema_problems(schema, serialize_xml(render_crossref(article, head)), "x") != []


# ------------------------------------------------------------------ the article: left out


def _affiliation(key: str, drop_country: bool = False) -> Setter:
    def set_value(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        aff = article["authors"][0]["affiliations"][0]
        aff[key] = {"en": value}
        if drop_country:
            del aff["country"]

    return set_value


def _state_alone(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
    """The affiliation's place given by its state alone: the state is the whole place."""
    aff = article["authors"][0]["affiliations"][0]
    del aff["city"], aff["country"]
    aff["state"] = {"en": value}


# (the field the warning names, how to set it, a value at the limit, past it, the element)
OPTIONAL_LIMITS = [
    ("journal.abbrev_title", _set("journal", "abbrev_title"), "A" * 150, "A" * 151, "abbrev_title"),
    ("affiliations[0].department.en", _affiliation("department"), "D" * 255, "D" * 256,
     "institution_department"),
    ("affiliations[0].department.en", _affiliation("department"), "IT", "-",
     "institution_department"),
    ("affiliations[0].city", _affiliation("city", drop_country=True), "Ob", "X",
     "institution_place"),
    ("affiliations[0].city", _state_alone, "M" * 255, "M" * 256, "institution_place"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("field", "set_value", "fits", "breaks", "element"),
    OPTIONAL_LIMITS,
    ids=[f"{case[0]}={case[3][:12]}" for case in OPTIONAL_LIMITS],
)
def test_an_optional_detail_past_crossrefs_limit_is_left_out_and_said(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema, field: str, set_value: Setter,
    fits: str, breaks: str, element: str,
) -> None:  # fmt: skip
    path = _write(tmp_path / "fits", set_value, fits)
    result, crossref = _convert(run, path)
    assert result.code == 0 and "warning" not in result.err, result.err
    data = crossref.read_bytes()
    assert schema_problems(crossref_xsd, data, "x") == []
    assert etree.fromstring(data).findtext(f".//{CR}{element}") == fits
    assert _refused_with(data, fits, breaks, crossref_xsd)

    path = _write(tmp_path / "breaks", set_value, breaks)
    result, crossref = _convert(run, path)
    assert result.code == 0, result.err
    assert f"article.crossref.xml: warning: {field}: " in result.err
    assert "left out of the deposit" in result.err
    data = crossref.read_bytes()
    assert schema_problems(crossref_xsd, data, "x") == []
    assert etree.fromstring(data).find(f".//{CR}{element}") is None


def test_an_article_without_a_publication_date_is_refused_for_crossref_and_doaj(
    tmp_path: Path, run
) -> None:
    """Both schemas need a publication date: without one the file would fail them (DOAJ's
    was written with 'None' for the date)."""

    def undated(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        del article["published"]

    path = _write(tmp_path, undated)
    for target, service in (("crossref", "Crossref output"), ("doaj", "DOAJ")):
        result, output = _convert(run, path, target)
        assert result.code == 1
        assert (
            f"{path}: error: published: {service} needs the article's publication date "
            "(electronic, print or collection)"
        ) in result.err
        assert not output.exists()


# ------------------------------------------------------------------ DOAJ: the full-text URL


def _links(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
    html, pdf, landing = value.split()
    article["self_uri"] = [{"url": html, "type": "html"}, {"url": pdf, "type": "pdf"}]
    article["url"] = landing


def test_a_full_text_address_doajs_schema_refuses_is_passed_over(
    tmp_path: Path, run, doaj_xsd: etree.XMLSchema
) -> None:
    """DOAJ's schema takes only an http(s) address whose host has a dot: an ftp:// HTML
    full text gives way to the PDF, said; when no address is taken, an error names the one."""
    links = "ftp://ftp.example.org/a1.html https://journal.example.org/a1.pdf http://intranet/a1"
    path = _write(tmp_path / "pdf", _links, links)
    result, doaj = _convert(run, path, "doaj")
    assert result.code == 0, result.err
    assert (
        "article.doaj.xml: warning: self_uri[0].url: DOAJ takes only an http(s) address whose "
        "host has a dot (or is an IP address) as the full text, not "
        "'ftp://ftp.example.org/a1.html': the PDF at https://journal.example.org/a1.pdf "
        "(self_uri[1].url) is given instead"
    ) in result.err
    data = doaj.read_bytes()
    assert schema_problems(doaj_xsd, data, "x") == []
    assert etree.fromstring(data).findtext("record/fullTextUrl") == (
        "https://journal.example.org/a1.pdf"
    )

    links = "ftp://ftp.example.org/a1.html http://intranet/a1.pdf http://localhost:8080/a1"
    path = _write(tmp_path / "none", _links, links)
    result, doaj = _convert(run, path, "doaj")
    assert result.code == 1
    assert (
        f"{path}: error: self_uri[0].url: DOAJ takes only an http(s) address whose host has a "
        "dot (or is an IP address) as the full text, not 'ftp://ftp.example.org/a1.html': DOAJ "
        "output needs a full-text URL it takes"
    ) in result.err
    assert not doaj.exists()
    # each address passed over is one DOAJ's schema refuses
    for url in links.split():
        assert _refused_with(data, "https://journal.example.org/a1.pdf", url, doaj_xsd)


# ------------------------------------------------------------------ check --profile crossref

# What the Crossref writer says of a value past a limit: refused (an error) or left out.
_SAID = (limits.REFUSED, limits.LEFT_OUT, "other_pages holds at most")
_LIMIT_RULES = ("crossref-limits", "crossref-left-out")


def _page_range(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
    del article["fpage"], article["lpage"]
    article["page_range"] = value


def _mononym(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
    article["authors"][0]["name"] = {"given": value}


# Limits a JATS file holds no value for: the depositor and registrant are the journal file's
# or the config file's, which only `convert --to crossref` reads.
_NOT_IN_JATS = ("journal.crossref.",)

# (the field both name, how to set it, a value at the limit, one past it, error or warning)
PROFILE_LIMITS = [
    *((field, set_value, fits, breaks, "error")
      for field, set_value, fits, breaks in ARTICLE_LIMITS
      if not field.startswith(_NOT_IN_JATS)),
    *((field, set_value, fits, breaks, "warning")
      for field, set_value, fits, breaks, _ in OPTIONAL_LIMITS),
    *((f"references[0].{field}", _reference(field), at_limit, past, "warning")
      for field, at_limit, past in (
          ("volume", "9" * 32, "9" * 33), ("issue", "9" * 32, "9" * 33),
          ("fpage", "9" * 32, "9" * 33), ("doi", "10.1000/" + "d" * 200, "10.1000/" + "d" * 201),
      )),
    # of a page range of several ranges, the last page is the first range's, and the rest
    # is Crossref's other_pages (100 characters)
    ("page_range", _page_range, "10-" + "9" * 32 + ", 4" + "0" * 32,
     "10-" + "9" * 33 + ", 4" + "0" * 33, "error"),
    ("page_range", _page_range, "10-11, 2" + "0" * 99, "10-11, 2" + "0" * 100, "warning"),
    # a given name alone (a mononym) is the deposit's surname: the same limit
    ("authors[0].name.en.given", _mononym, "G" * 60, "G" * 61, "error"),
]  # fmt: skip


def _said_by_both(folder: Path, set_value: Setter, value: str) -> tuple[set[Any], set[Any]]:
    """What ``check --profile crossref`` finds on the article's JATS, and what ``convert --to
    crossref`` says of the same article: (severity, field) of each value past a limit."""
    article = load_article(_write(folder, set_value, value))
    jats = render(article, Options(target="jats"), "article.xml")
    assert jats.valid, jats.problems
    report = check_bytes(jats.data, "article.xml", ("crossref",))
    checked = {(f.severity, f.field) for f in report.findings if f.rule in _LIMIT_RULES}
    deposit = render(article, Options(target="crossref"), "article.crossref.xml")
    written = {
        (p.severity, p.message.split(": ", 1)[0])
        for p in deposit.problems
        if any(said in p.message for said in _SAID)
    }
    return checked, written


@pytest.mark.parametrize(
    ("field", "set_value", "fits", "breaks", "severity"),
    PROFILE_LIMITS,
    ids=[f"{case[0]}={case[3][:12]}" for case in PROFILE_LIMITS],
)
def test_check_profile_crossref_finds_what_the_deposit_refuses_or_leaves_out(
    tmp_path: Path, field: str, set_value: Setter, fits: str, breaks: str, severity: str
) -> None:  # fmt: skip
    """Parity: the crossref profile's rules fire on the JATS of an article exactly when the
    Crossref writer refuses it (error) or leaves a value out (warning), naming one field."""
    assert _said_by_both(tmp_path / "fits", set_value, fits) == (set(), set())
    checked, written = _said_by_both(tmp_path / "breaks", set_value, breaks)
    assert checked == written == {(severity, field)}


def test_the_form_the_deposit_gives_is_the_one_judged(tmp_path: Path) -> None:
    """The deposit gives one department, the English one first: a Russian "-" beside it is no
    part of the deposit, an English one is left out, by the writer and the profile alike."""

    def departments(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        article["language"] = "ru"
        article["title"] = {"ru": "О пределах депозита", "en": "On the limits of deposits"}
        russian, english = value.split("|")
        article["authors"][0]["affiliations"][0]["department"] = {"ru": russian, "en": english}

    assert _said_by_both(tmp_path / "ru", departments, "-|Department of Physics") == (set(), set())
    field = ("warning", "affiliations[0].department.en")
    assert _said_by_both(tmp_path / "en", departments, "Кафедра физики|-") == ({field}, {field})


def test_the_profile_says_nothing_of_the_depositor_which_jats_does_not_hold(
    tmp_path: Path,
) -> None:
    checked, written = _said_by_both(tmp_path, _set("journal", "crossref", "registrant"), "R" * 256)
    assert checked == set() and written == {("error", "journal.crossref.registrant")}


def test_a_group_authors_affiliation_is_no_part_of_the_deposit(tmp_path: Path) -> None:
    """Crossref's organization holds no affiliation: its department past the limit is neither
    refused nor said to be left out, by the writer or the profile."""

    def group(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        affiliations = article["authors"][0]["affiliations"]
        affiliations[0]["department"] = {"en": value}
        article["authors"] = [{"collab": {"en": "Test Group"}, "affiliations": affiliations}]

    assert _said_by_both(tmp_path, group, "-") == (set(), set())


def test_check_profile_crossref_names_the_element_and_fails(tmp_path: Path, run) -> None:
    def several(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        article["volume"] = "Volume 12 of the collected works, part 2"
        article["authors"][0]["affiliations"][0]["department"] = {"en": "-"}

    path = _write(tmp_path, several)
    result = run("convert", path, "-o", tmp_path / "out", "--no-validate")
    assert result.code == 0, result.err
    jats = tmp_path / "out" / "article.xml"
    result = run("check", "--profile", "crossref", jats)
    assert result.code == 1
    assert re.search(
        r"article\.xml:\d+:0: error: \[crossref-limits\] <volume>: longer than Crossref's 32 "
        r"characters \(it has 40: 'Volume 12 of the collected works, part 2'\): Crossref's "
        r"schema would refuse the whole deposit \(/article/front/article-meta/volume\)",
        result.out,
    ), result.out
    assert re.search(
        r"article\.xml:\d+:0: warning: \[crossref-left-out\] <institution "
        r'content-type="dept">: shorter than the 2 characters Crossref takes at least, left '
        r"out of the deposit \(/article/front/article-meta/aff/institution\)",
        result.out,
    ), result.out
    # converting with the profile names the input fields
    result = run(
        "convert", path, "-o", tmp_path / "again", "--no-validate", "--profile", "crossref"
    )
    assert result.code == 1
    assert "(input field volume)" in result.err
    assert "(input field affiliations[0].department.en)" in result.err


# ------------------------------------------------------------------ citation keys


def test_citation_keys_cut_to_128_characters_stay_unique(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema
) -> None:
    """Crossref keys a citation by the reference's id, cut to its 128 characters, and refuses
    a deposit that repeats a key: two ids that share their first 128 characters get two keys."""
    shared = "r" + "x" * 127
    ids = [shared + "-first", shared + "-second", shared[:126] + "-2", "ref4"]

    def references(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        article["references"] = [
            {"id": ref_id, "text": f"Smith J. Paper {n}. J Test. 2020."}
            for n, ref_id in enumerate(ids)
        ]

    path = _write(tmp_path, references)
    result, crossref = _convert(run, path)
    assert result.code == 0, result.err
    data = crossref.read_bytes()
    assert schema_problems(crossref_xsd, data, "x") == []
    keys = [c.get("key") for c in etree.fromstring(data).iter(f"{CR}citation")]
    # the first keeps its cut id; the second, and an id that took its '-2', differ
    assert keys == [shared, shared[:126] + "-3", shared[:126] + "-2", "ref4"]
    assert all(len(key) <= 128 for key in keys)


def test_a_state_stands_between_the_city_and_the_country_in_the_place(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema
) -> None:
    """Crossref's institution_place is the published line's place: 'Boston, MA, United
    States'; the check of the JATS reads the same place (a place past 255 with its state is
    said by both, as affiliations[0].city)."""

    def boston(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        aff = article["authors"][0]["affiliations"][0]
        aff.update(city={"en": "Boston"}, state={"en": value}, country="US")

    path = _write(tmp_path / "ma", boston, "MA")
    result, crossref = _convert(run, path)
    assert result.code == 0 and "warning" not in result.err, result.err
    data = crossref.read_bytes()
    assert schema_problems(crossref_xsd, data, "x") == []
    assert etree.fromstring(data).findtext(f".//{CR}institution_place") == (
        "Boston, MA, United States"
    )
    checked, written = _said_by_both(tmp_path / "long", boston, "S" * 240)
    assert checked == written == {("warning", "affiliations[0].city")}


@pytest.mark.parametrize(
    ("city", "state", "place"),
    [
        ("Boston", "MA", "Boston, MA 02115, United States"),
        ("Boston", None, "Boston 02115, United States"),
        (None, None, "02115, United States"),
    ],
)
def test_a_postal_code_follows_the_state_or_city_in_the_place(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema, city: str | None, state: str | None,
    place: str,
) -> None:  # fmt: skip
    """Crossref's institution_place is the published line's place: 'Boston, MA 02115, United
    States', as the JATS writes it."""

    def boston(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        aff = article["authors"][0]["affiliations"][0]
        aff.pop("city", None)
        aff.update(postal_code=value, country="US")
        aff.update({"city": {"en": city}} if city else {})
        aff.update({"state": {"en": state}} if state else {})

    path = _write(tmp_path / "ma", boston, "02115")
    result, crossref = _convert(run, path)
    assert result.code == 0 and "warning" not in result.err, result.err
    data = crossref.read_bytes()
    assert schema_problems(crossref_xsd, data, "x") == []
    assert etree.fromstring(data).findtext(f".//{CR}institution_place") == place


@pytest.mark.parametrize(
    ("length", "said"), [(226, set()), (227, {("warning", "affiliations[0].city")})]
)
def test_the_check_counts_the_postal_code_in_the_place_as_the_deposit_does(
    tmp_path: Path, length: int, said: set[tuple[str, str]]
) -> None:
    """'Boston, SSS… 02115, United States' at Crossref's 255 characters fits, one more is left
    out: the check of the JATS and the deposit count the same place, postal code and all."""

    def boston(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        aff = article["authors"][0]["affiliations"][0]
        aff.update(city={"en": "Boston"}, state={"en": value}, postal_code="02115", country="US")

    checked, written = _said_by_both(tmp_path / "long", boston, "S" * length)
    assert checked == written == said


def test_a_line_of_text_beside_an_institution_is_said_as_left_out(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema
) -> None:
    """An affiliation with an institution and a line of text: the institution names it in the
    deposit, and the line, which Crossref's institution has no element for, is said as left
    out (until 4 December 2026 it was dropped without a word; JATS and DOAJ write both)."""

    def both(article: dict[str, Any], journal: dict[str, Any], value: str) -> None:
        article["authors"][0]["affiliations"][0]["text"] = {"en": value}

    path = _write(tmp_path, both, "Harvard Medical School, 25 Shattuck St")
    result, crossref = _convert(run, path)
    assert result.code == 0, result.err
    assert (
        "article.crossref.xml: warning: affiliations[0].text.en: Crossref's institution holds "
        "a name, a place and a department, not a line of text beside the name, left out of the "
        "deposit"
    ) in result.err
    data = crossref.read_bytes()
    assert schema_problems(crossref_xsd, data, "x") == []
    assert etree.fromstring(data).findtext(f".//{CR}institution_name") == "Example University"
