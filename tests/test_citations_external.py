"""bench/citations_external.py: how it pairs a reference's text with someone else's structure,
and how fairly it compares the two (on a fixture written for the test)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import DATA, ROOT

FIXTURE = DATA / "external"


@pytest.fixture(scope="module")
def ext():
    spec = importlib.util.spec_from_file_location(
        "_citations_external", ROOT / "bench" / "citations_external.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


def _by_origin(pairs, suffix: str):
    return [p for p in pairs if p.origin.endswith(suffix)]


def test_jats_pairs_each_text_with_the_structure_of_its_language(ext) -> None:
    pairs = _by_origin(ext.read_pairs([FIXTURE / "article.xml"]), "")
    ru, en = _by_origin(pairs, "#cit1")
    assert ru.text.startswith("Базулин") and en.text.startswith("Bazulin")
    assert (ru.kind, ru.group, en.group) == ("jats-element", "ru", "ru-Latn")
    # the publisher's full given names become the initials the project writes
    assert ru.gold.authors == ["Базулин, Е. Г."] and en.gold.authors == ["Bazulin, E. G."]
    assert ru.gold.title == "Сравнение систем для ультразвукового неразрушающего контроля"
    assert en.gold.source == "Defektoskopiya"
    assert (en.gold.fpage, en.gold.lpage) == ("51", "75")  # from <page-range>


def test_jats_inline_tags_a_book_and_what_cannot_be_paired(ext) -> None:
    pairs = ext.read_pairs([FIXTURE / "article.xml"])
    (book,) = _by_origin(pairs, "#cit2")
    assert book.kind == "jats-inline"
    assert book.gold.authors == ["Ландау, Л. Д.", "Лифшиц, Е. М."]
    assert (book.gold.title, book.gold.source, book.gold.year) == (None, "Теория поля", "1988")
    assert not _by_origin(pairs, "#cit3")  # a text without any structure is not a pair
    (collab,) = _by_origin(pairs, "#cit4")  # an element without xml:lang: paired by script
    assert collab.gold.authors == []  # a collaboration: authors not judged
    assert collab.gold.doi == "10.1234/VEST.2010.2"


def test_crossref_citation_and_its_first_author(ext) -> None:
    pairs = ext.read_pairs([FIXTURE / "deposit.xml"])
    (pair,) = pairs  # the citation with a DOI alone has no text to parse
    assert pair.kind == "crossref" and pair.first_author_only
    assert (pair.gold.source, pair.gold.volume, pair.gold.authors) == (
        "Дефектоскопия",
        "49",
        ["Базулин"],
    )
    # the parser's two authors agree with Crossref's one on the first surname
    assert ext.agree("authors", ["Базулин, Е. Г.", "Иванов, И. И."], ["Базулин"], True)


def test_labelled_tokens_and_plain_lists(ext) -> None:
    pairs = ext.read_pairs([FIXTURE])
    (tokens,) = [p for p in pairs if p.kind == "tokens"]
    # a year inside the conference's name stays in the source; '№ 2(16)' is issue 2
    assert tokens.gold.source == "Микроэлектроника и информатика–2016. Тезисы докладов"
    assert tokens.gold.issue == "2(16)" and tokens.gold.volume is None
    assert ext.fair("issue", tokens.gold.issue) == ext.fair("issue", "2")
    assert ext.fair("fpage", tokens.gold.fpage) == "52"
    plain = [p for p in pairs if p.kind == "text"]
    assert len(plain) == 2 and all(p.gold is None for p in plain)


@pytest.mark.parametrize(
    ("name", "got", "want"),
    [
        ("authors", ["Иванов, И. И."], ["Иванов, И.И."]),
        ("authors", ["Ivanov, I. I."], ["Ivanov, Ivan Ivanovich"]),
        ("title", "Сравнение систем", "«Сравнение систем»."),
        ("title", "Ёлки", "Елки [Электронный ресурс]"),
        ("source", "Defektoskopiya", "Defektoskopiya (In Russ.)"),
        ("volume", "3", "Т. 3"),
        ("volume", "12", "Vol. 12"),
        ("issue", "7", "№ 7"),
        ("doi", "10.1234/abc", "https://doi.org/10.1234/ABC"),
    ],
)
def test_fair_comparison_forgives_conventions(ext, name, got, want) -> None:
    assert ext.agree(name, got, want)


@pytest.mark.parametrize(
    ("name", "got", "want"),
    [
        ("authors", ["Иванов, И. И."], ["Иванов, И. И.", "Петров, П. П."]),
        ("authors", ["Иванов, А. И."], ["Иванов, И. И."]),
        ("title", "Сравнение систем", "Сравнение систем контроля"),
        ("source", "Вестник МГУ. Серия 3", "Вестник МГУ"),
        ("issue", "4–1", "4"),
    ],
)
def test_fair_comparison_keeps_real_differences(ext, name, got, want) -> None:
    assert not ext.agree(name, got, want)


def test_measure_counts_only_what_the_structure_can_judge(ext) -> None:
    pairs = ext.read_pairs([FIXTURE])
    dump: list[dict] = []
    review: list[dict] = []
    with_structure = ext.measure([p for p in pairs if p.gold is not None], dump)
    plain = ext.measure([p for p in pairs if p.gold is None], review=review)
    c = with_structure["all"]
    assert c.references == 6 and plain["all"].references == 2
    assert c.expected["authors"] == 5  # the collaboration's authors are not counted
    for name in ext.FIELDS:
        assert c.judged[name] <= min(c.emitted[name], c.expected[name])
        assert c.correct[name] <= c.judged[name]
    assert all(row["field"] in ext.FIELDS for row in dump)
    assert len(review) == plain["all"].structured
