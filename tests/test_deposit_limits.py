"""Crossref and DOAJ files the services take on the first try: a citation's author as Crossref
wants it, and every limit of the services' schemas that real metadata can pass.

Each limit is tried on both sides, against the schema itself: a value at the limit gives a file
the schema takes, a value past it is left out with a warning (in a citation, an optional
detail) or refused with an error naming the field; and that value, written anyway, is one the
schema refuses — so the limits checked are the schema's own.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import etree

from conftest import deposit_environment
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
