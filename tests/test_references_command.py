"""``jatsconv references`` and ``converter.citations.explain``: the parser's decision on a
reference with its grounds, for an editor checking a list before a deposit."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES
from converter.citations import explain, parse_reference
from converter.citations.corpus import load
from converter.citations.evaluate import load_labelled

ROOT = Path(__file__).resolve().parents[1]
STRUCTURED = "Smith J. A title of a paper. J Things. 2020;1:1-2."
VETOED = (
    "Министерство образования и науки РФ и др. Российские школьники — лучшие читатели в мире! "
    "М., 2017."
)


def test_explain_decides_as_parse_reference() -> None:
    """On the self-written regression set and every fifth dev reference, a reference is
    structured by ``explain`` exactly when ``parse_reference`` returns its citation, with the
    same parts; at a journal's higher confidence too."""
    texts = [row["text"] for row in load_labelled(ROOT / "tests" / "data" / "references")]
    texts += [item.text for item in load() if item.split == "dev"][::5]
    assert len(texts) > 500
    for least in (None, 0.95):
        for text in texts:
            reading, parsed = explain(text, least), parse_reference(text, least)
            assert reading.structured == (parsed is not None), text
            if parsed is not None:
                assert reading.citation == parsed, text
                assert reading.confidence >= reading.threshold


def test_a_structured_reference_shows_its_parts(run) -> None:
    result = run("references", STRUCTURED)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == STRUCTURED
    assert lines[1].startswith("  structured (confidence 0.9")
    assert "threshold 0.775 for English and other languages" in lines[1]
    assert "    source: J Things" in lines and "    authors: Smith, J." in lines


def test_a_books_imprint_is_shown_as_convert_writes_it(run) -> None:
    """A Russian book's place is shown written out ('М.' as 'Москва', as publisher-loc has
    it); an English book's publisher and place, never written, are shown apart as read."""
    russian = "Иванов И.И. История Японии. М.: Наука, 1988. 300 с."
    english = "Smith J. A Book. New York: Routledge, 2006."
    out = run("references", russian, english).out
    ours, theirs = out.split(english)
    assert "    publisher: Наука\n    place: Москва\n" in ours
    assert "not written" not in ours and "place: М\n" not in ours
    assert "    source: A Book\n" in theirs
    assert theirs.endswith(
        "  the parts read, not written:\n    publisher: Routledge\n    place: New York\n"
    )
    first, second = (
        json.loads(line) for line in run("references", "--json", russian, english).out.splitlines()
    )
    assert (first["parts"]["place"], first["parts_written"]["place"]) == ("М", "Москва")
    assert (
        second["parts"]["publisher"] == "Routledge" and "publisher" not in second["parts_written"]
    )


def test_a_reference_kept_as_text_says_why_and_what_was_read(run) -> None:
    result = run("references", VETOED)
    assert result.code == 0, result.err
    assert "  text: 'и др.' or 'et al.' inside the title or source" in result.out
    assert "for Russian and Ukrainian works)" in result.out
    assert "  the parts read, not written:" in result.out
    assert "    title: Министерство образования и науки РФ и др" in result.out


def test_references_from_standard_input_as_json_at_a_journals_confidence(
    run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One JSON object a line of input (blank lines skipped); ``--confidence`` is the journal
    file's ``reference_confidence``: a reference sure at 0.987 stays text at 0.99."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{STRUCTURED}\n\n{VETOED}\n"))
    result = run("references", "--json", "--confidence", "0.99")
    assert result.code == 0, result.err
    first, second = (json.loads(line) for line in result.out.splitlines())
    assert (first["structured"], first["threshold"], first["group"]) == (False, 0.99, "en")
    assert first["reason"].startswith("not sure enough: confidence 0.987")
    assert first["parts"]["source"] == "J Things" and first["parts_written"] == {}
    assert (second["structured"], second["group"]) == (False, "ru")
    assert run("references", "--json", STRUCTURED).out.count('"structured": true') == 1


def test_a_confidence_out_of_range_is_one_line(run) -> None:
    result = run("references", "--confidence", "1.5", STRUCTURED)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert "--confidence" in result.err


# ------------------------------------------------------------------ an article's references

JOURNAL = "title: {en: Test Journal}\nissn: {print: 2658-6444}\n%s"
ARTICLE = """\
title: {en: A test article}
language: en
references:
  - "Smith J. A title of a paper. J Things. 2020;1:1-2."
  - "———. Another title of a paper. J Things. 2021;2:3-4."
  - "Brown K. A third title of a paper. Ibid. 2019;3:5-6."
  - text: "Given J. Parts given. Some Journal. 2001;1:1-2."
    title: Parts given
    source: Some Journal
  - "Japan’s Arctic Policy. Headquarters for Ocean Policy, Government of Japan. 2015."
  - >-
    Batin Yu. (2017) Rossiya predlozhila Yaponii postroity Most Hokkaido-Sakhalin [Russia offers
    Japan to build Hokkaido-Sakhalin bridge]. 6 September //Rossiyskaya Gazeta. (accessed: 21 July
    2018)
"""


def _article(tmp_path: Path, journal: str = "") -> Path:
    (tmp_path / "journal.yaml").write_text(JOURNAL % journal, encoding="utf-8")
    path = tmp_path / "article.yaml"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _sample_articles() -> list:
    from converter.readers import ReadContext, read_source

    files = [
        path
        for pattern in ("*/*/*.yaml", "*/*/*.html", "*/*/*.json", "*/*/issue.xml", "*/*/*.nlm.xml")
        for path in sorted(SAMPLES.glob(pattern))
    ]
    loaded = [one for path in files for one in read_source(path, None, ReadContext())]
    return [one.article for one in loaded if one.article is not None]


def test_an_articles_readings_are_what_convert_writes(tmp_path: Path) -> None:
    """For every sample article, and one with marks for the reference before and a journal's
    own confidence: a reference is structured in ``reference_readings`` exactly when the
    enrichment convert runs gives it parts it did not have."""
    from converter import load_article
    from converter.enrich import citation_parts, enrich, reference_readings

    articles = _sample_articles()
    articles.append(load_article(_article(tmp_path, "reference_confidence: 0.95\n")))
    (tmp_path / "plain").mkdir()
    articles.append(load_article(_article(tmp_path / "plain")))  # (the one at 0.873 structured)
    assert len(articles) >= 10
    seen = {"structured": 0, "text": 0, "given": 0, "imprint": 0}
    for article in articles:
        readings = reference_readings(article)
        written = enrich(article).references
        assert [one.number for one in readings] == list(range(1, len(written) + 1))
        for before, after, one in zip(article.references, written, readings, strict=True):
            has_parts = bool(before.title or before.source or before.authors)
            assert one.given == has_parts
            gained = not has_parts and bool(after.title or after.source or after.authors)
            assert one.structured == (has_parts or gained), one.text
            if gained:  # the parts shown are the parts written
                found = one.reading.citation
                written = (list(after.authors), after.title, after.source, after.year)
                assert written == (list(found.authors), found.title, found.source, found.year)
                shown = one.parts()[0]
                assert shown == citation_parts(after), one.text
                imprint = (shown.get("publisher"), shown.get("place"))
                assert imprint == (after.publisher, after.publisher_loc), one.text
                seen["imprint"] += bool(after.publisher_loc)
            seen["given" if has_parts else "structured" if gained else "text"] += 1
    assert min(seen.values()) > 0, seen


def test_parts_the_editor_gave_beside_a_text_are_shown_as_written(run, tmp_path: Path) -> None:
    """A reference given as text with the editor's own publisher, place and DOI: convert
    parses the text and keeps the editor's parts, and ``references --article`` shows those as
    written and the parts read in their place as read, not written (the web page shares
    ``ReferenceReading.parts``)."""
    from converter import load_article
    from converter.enrich import citation_parts, enrich

    (tmp_path / "journal.yaml").write_text(JOURNAL % "", encoding="utf-8")
    path = tmp_path / "article.yaml"
    path.write_text(
        """\
title: {ru: Статья}
language: ru
references:
  - text: "Иванов И.И. История Японии. М.: Наука, 1988. 300 с."
    publisher: Издательство «Наука»
    publisher_loc: Москва
    doi: 10.1234/given
""",
        encoding="utf-8",
    )
    written = enrich(load_article(path)).references[0]
    assert (written.source, written.publisher, written.doi) == (
        "История Японии", "Издательство «Наука»", "10.1234/given"
    )  # fmt: skip
    result = run("references", "--article", path)
    assert result.code == 0, result.err
    shown, unwritten = result.out.split("  the parts read, not written:\n")
    assert "    publisher: Издательство «Наука»\n    place: Москва\n" in shown
    assert "    doi: 10.1234/given\n" in shown and "    source: История Японии\n" in shown
    assert unwritten == "    publisher: Наука\n"  # (the place read, 'М.', is written as given)
    record = json.loads(run("references", "--json", "--article", path).out)
    assert record["parts_written"] == citation_parts(written)
    assert record["parts"]["publisher"] == "Наука"


def test_citation_parts_name_every_part_a_parse_gives_but_editors() -> None:
    """``citation_parts`` shows a written reference under the parser's names: every part of
    ``Citation`` but the style and the editors (a reference has none) has its place."""
    from dataclasses import fields

    from converter.citations import Citation
    from converter.enrich import citation_parts
    from converter.model import Reference

    names = [f.name for f in fields(Citation) if f.name not in ("style", "editors")]
    ref = Reference(
        text={"en": "x"}, type="book", authors=["Smith, J."], etal=True, year="2001",
        title="T", title_en="T", source="S", volume="1", issue="2", fpage="3", lpage="4",
        publisher="P", publisher_loc="L", doi="10.1234/x", arxiv="2101.01234",
        isbn="978-0-306-40615-7", pmid="12345678", pmcid="PMC1234567", url="https://x.org/",
        accessed="2020-01-02", lang="en",
    )  # fmt: skip
    assert list(citation_parts(ref)) == names
    assert citation_parts(ref)["place"] == "L"


def test_an_article_file_lists_each_reference_with_its_verdict(run, tmp_path: Path) -> None:
    path = _article(tmp_path, "reference_confidence: 0.95\n")
    result = run("references", "--article", path)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == (
        f"{path}: 6 references: 3 structured from their text, 2 kept as text, "
        "1 given with their parts"
    )
    assert "[2] ———. Another title of a paper. J Things. 2021;2:3-4." in lines
    # the marks for the reference before are read as its parts: its authors, its journal
    read_as = "  read with the parts of the reference before: "
    assert f"{read_as}Smith, J. Another title" in result.out
    assert f"{read_as}Brown K. A third title of a paper. J Things. 2019" in result.out
    assert "  given with its parts in the article: not parsed" in lines
    # the journal's reference_confidence is the threshold; --confidence answers for another
    assert "  text: not sure enough (confidence 0.400, threshold 0.95 for English" in result.out
    assert "  text: not sure enough (confidence 0.873, threshold 0.95 for English" in result.out
    assert "threshold 0.775" not in result.out
    lower = run("references", "--article", path, "--confidence", "0.5").out
    assert "6 references: 4 structured from their text, 1 kept as text" in lower
    assert "  structured (confidence 0.873, threshold 0.775 for English" in lower


def test_an_article_as_json_and_a_journal_that_parses_nothing(run, tmp_path: Path) -> None:
    path = _article(tmp_path, "structure_references: false\n")
    result = run("references", "--json", "--article", path)
    assert result.code == 0, result.err
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [r["number"] for r in records] == [1, 2, 3, 4, 5, 6]
    assert {r["article"] for r in records} == {str(path)}
    assert records[3]["given"] and records[3]["structured"] and records[3]["confidence"] is None
    off = [r for r in records if not r["given"]]
    assert {r["reason"] for r in off} == {"the journal file says structure_references: false"}
    assert (
        records[1]["written"]
        == records[1]["text"]
        == "———. Another title of a paper. J Things. 2021;2:3-4."
    )


def test_an_unreadable_article_is_one_line_and_the_others_are_shown(run, tmp_path: Path) -> None:
    path = _article(tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    result = run("references", "--article", bad, "--article", path)
    assert result.code == 3
    assert result.err.startswith(f"jatsconv: {bad}:") and len(result.err.splitlines()) == 1
    assert "Traceback" not in result.err
    assert result.out.startswith(f"{path}: 6 references")


def test_texts_and_an_article_together_are_refused(run, tmp_path: Path) -> None:
    path = _article(tmp_path)
    result = run("references", "--article", path, STRUCTURED)
    assert result.code == 2 and "not both" in result.err
    result = run("references", "--from", "yaml", STRUCTURED)
    assert result.code == 2 and "--article" in result.err


def test_texts_answered_for_a_journal_file(run, tmp_path: Path) -> None:
    """``--journal`` without an article answers with that journal's reference_confidence; a
    journal file that cannot be read is one line, exit 3."""
    journal = tmp_path / "journal.yaml"
    journal.write_text(JOURNAL % "reference_confidence: 0.99\n", encoding="utf-8")
    result = run("references", "--journal", journal, STRUCTURED)
    assert result.code == 0, result.err
    assert "  text: not sure enough (confidence 0.987, threshold 0.99 for English" in result.out
    # --confidence, given too, is what is asked
    assert (
        "  structured ("
        in run("references", "--journal", journal, "--confidence", "0.9", STRUCTURED).out
    )
    journal.write_text(JOURNAL % "reference_confidence: 1.5\n", encoding="utf-8")
    result = run("references", "--journal", journal, STRUCTURED)
    assert result.code == 3 and result.out == ""
    assert result.err == (
        f"jatsconv: {journal}: reference_confidence: 1.5 is out of range: it takes numbers from "
        "0.5 to 0.995 (reference_confidence: 0.9)\n"
    )


def test_the_summary_counts_in_words() -> None:
    from converter.enrich import ReferenceReading, readings_summary

    one = ReferenceReading(1, "x", "x", None, "no text")
    assert readings_summary([one]) == "1 reference: 0 structured from their text, 1 kept as text"
    given = ReferenceReading(2, "y", "y", None, None, given=True)
    assert readings_summary([one, given]) == (
        "2 references: 0 structured from their text, 1 kept as text, 1 given with their parts"
    )


def test_an_article_from_standard_input(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--article -`` reads the article from standard input, as ``convert -`` does."""
    path = _article(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    result = run("references", "--article", "-", "--journal", tmp_path / "journal.yaml")
    assert result.code == 0, result.err
    assert result.out.startswith("<stdin>: 6 references: 4 structured from their text")


@pytest.mark.parametrize(
    ("typed", "line", "key", "read", "part"),
    [
        # a Cyrillic "М": spelled as meant
        (
            "Smith J. Theory of graphs. Мoscow: Mir, 1990. 320 p.",
            "read with look-alike letters spelled as meant: 'Мoscow' as 'Moscow'",
            "spelled",
            {"Мoscow": "Moscow"},
            ("place", "Moscow"),
        ),
        # UTF-8 read as Windows-1252: repaired
        (
            "Neumann F-J, SchÃ¼hlen H. Intracoronary stenting. N Engl J Med. 1996;334:1084-9.",
            "read with mis-decoded words as meant: 'SchÃ¼hlen' as 'Schühlen'",
            "repaired",
            {"SchÃ¼hlen": "Schühlen"},
            ("authors", ["Neumann, F.-J.", "Schühlen, H."]),
        ),
    ],
)
def test_a_word_read_otherwise_than_typed_is_shown_as_read(
    run, typed: str, line: str, key: str, read: dict[str, str], part: tuple[str, object]
) -> None:
    """The editor is told which words were read otherwise than typed, and how; the text itself
    is shown as typed, the parts as read."""
    out = run("references", typed).out
    assert out.startswith(f"{typed}\n  {line}\n  structured")
    (record,) = (json.loads(line) for line in run("references", "--json", typed).out.splitlines())
    assert record["text"] == typed and record[key] == read
    assert record["parts"][part[0]] == part[1]
    assert record["repaired" if key == "spelled" else "spelled"] == {}


def test_html_entities_in_a_reference_are_read_as_their_characters(run) -> None:
    typed = "Иванов И.И. &laquo;Наука&raquo; и мир. М.: Наука, 2016. 320&nbsp;с."
    (record,) = (json.loads(line) for line in run("references", "--json", typed).out.splitlines())
    assert record["repaired"] == {"&laquo;Наука&raquo;": "«Наука»", "320&nbsp;с.": "320\u00a0с."}
    assert "&" not in json.dumps(record["parts"], ensure_ascii=False)


def test_a_ukrainian_reference_is_said_to_face_the_threshold_of_its_group(run) -> None:
    """A Ukrainian reference is read in the group of Russian works: the line says so in words
    that name Ukrainian works too (it said "for Russian works" of a Ukrainian one)."""
    ukrainian = (
        "Євтушенко Р. І. Мовна політика незалежної України. Український історичний журнал. "
        "2018. № 4. С. 112–128."
    )
    result = run("references", ukrainian)
    assert result.code == 0, result.err
    assert "threshold 0.5 for Russian and Ukrainian works)" in result.out
    assert "    lang: uk" in result.out
