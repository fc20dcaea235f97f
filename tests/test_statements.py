"""An article's statements — acknowledgements, competing interests, data availability — from
input to JATS (checked by xmllint) and back, and from the other readers."""

from __future__ import annotations

import csv
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import BILINGUAL, xmllint
from converter.readers import ReadContext, read_source

NS = {"xml": "http://www.w3.org/XML/1998/namespace"}

STATEMENTS = """
acknowledgements:
  ru: "Автор благодарит коллег из <i>Института</i> за обсуждение рукописи.\\n\\nИ рецензентов."
  en: "The author thanks colleagues at the <i>Institute</i> for reading the manuscript."
competing_interests:
  ru: Автор заявляет об отсутствии конфликта интересов.
  en: The author declares no competing interests.
data_availability: The data are available from the author on request.
"""


def _article(folder: Path, extra: str = STATEMENTS) -> Path:
    """The bilingual (Russian main, English) sample with the statements added."""
    (folder / "journal.yaml").write_bytes((BILINGUAL.parent.parent / "journal.yaml").read_bytes())
    path = folder / "article.yaml"
    path.write_text(BILINGUAL.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def _texts(tree: etree._ElementTree, xpath: str) -> list[str]:
    return [" ".join("".join(n.itertext()).split()) for n in tree.xpath(xpath, namespaces=NS)]


@pytest.mark.parametrize("version", ["1.4", "1.3"])
@pytest.mark.parametrize("tag_set", ["publishing", "archiving"])
def test_statements_are_written_where_jats_has_them(run, tmp_path, store, version, tag_set):
    source = _article(tmp_path)
    result = run("convert", source, "-o", tmp_path / "out", "--jats-version", version,
                 "--tag-set", tag_set)  # fmt: skip
    assert result.code == 0, result.err
    out = tmp_path / "out" / "article.xml"
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    tree = etree.parse(str(out))
    # competing interests: a coi-statement footnote per language in the author notes
    notes = "//article-meta/author-notes/fn[@fn-type='coi-statement']"
    assert _texts(tree, notes) == [
        "Автор заявляет об отсутствии конфликта интересов.",
        "The author declares no competing interests.",
    ]
    assert tree.xpath(f"{notes}/@xml:lang", namespaces=NS) == ["en"]  # the main one: ru
    # acknowledgements: an <ack> per language, headed in its language, its paragraphs kept
    assert _texts(tree, "/article/back/ack/title") == ["Благодарности", "Acknowledgements"]
    assert _texts(tree, "/article/back/ack[1]/p") == [
        "Автор благодарит коллег из Института за обсуждение рукописи.",
        "И рецензентов.",
    ]
    assert tree.xpath("/article/back/ack[1]/p[1]/italic/text()") == ["Института"]
    assert tree.xpath("/article/back/ack/@xml:lang", namespaces=NS) == ["en"]
    # data availability: JATS4R's section in the back matter; a plain string is in the
    # article's language
    section = "/article/back/sec[@sec-type='data-availability']"
    assert _texts(tree, f"{section}/title") == ["Доступность данных"]
    assert _texts(tree, f"{section}/p") == ["The data are available from the author on request."]
    # back matter in order: statements before the reference list
    assert [el.tag for el in tree.xpath("/article/back/*")] == ["ack", "ack", "sec", "ref-list"]


def test_statements_alone_make_a_back_and_no_empty_ref_list(run, tmp_path, store) -> None:
    _article(tmp_path)
    source = tmp_path / "bare.yaml"
    source.write_text(
        "language: ru\ntitle: Заглавие\ndata_availability: {en: In the journal's repository.}\n",
        encoding="utf-8",
    )
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    out = tmp_path / "out" / "bare.xml"
    assert xmllint(out, store.catalog).returncode == 0
    tree = etree.parse(str(out))
    assert [el.tag for el in tree.xpath("/article/back/*")] == ["sec"]
    assert tree.xpath("/article/back/sec/@xml:lang", namespaces=NS) == ["en"]
    assert _texts(tree, "/article/back/sec/title") == ["Data availability"]


@pytest.mark.parametrize("version", ["1.4", "1.3"])
def test_a_statement_in_a_language_without_a_heading_is_still_valid(
    run, tmp_path, store, version
) -> None:
    """A data availability statement in a language with no heading of its own (German) is
    headed in English: the Publishing DTD refuses a <sec> with neither title nor label, and
    the article was refused; an <ack> in such a language stays without a heading."""
    source = _article(
        tmp_path,
        "data_availability: {de: Die Daten sind beim Autor erhältlich.}\n"
        "acknowledgements: {de: Wir danken den Gutachtern.}\n",
    )
    result = run("convert", source, "-o", tmp_path / "out", "--jats-version", version)
    assert result.code == 0, result.err
    out = tmp_path / "out" / "article.xml"
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    tree = etree.parse(str(out))
    section = "/article/back/sec[@sec-type='data-availability']"
    assert tree.xpath(f"{section}/@xml:lang", namespaces=NS) == ["de"]
    assert _texts(tree, f"{section}/title") == ["Data availability"]
    assert _texts(tree, "/article/back/ack/title") == []


def test_an_empty_statement_is_none(run, tmp_path) -> None:
    source = _article(tmp_path, "competing_interests: {ru: '', en: ' '}\nacknowledgements: ~\n")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    text = (tmp_path / "out" / "article.xml").read_text(encoding="utf-8")
    assert "<author-notes>" not in text and "<ack" not in text


def test_a_statement_in_an_unknown_language_is_refused(run, tmp_path) -> None:
    source = _article(tmp_path, "competing_interests: {xx-not-a-language: None.}\n")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code != 0
    assert "competing_interests" in result.err


@pytest.mark.parametrize("version", ["1.4", "1.3"])
def test_jats_to_jats_keeps_the_statements_byte_for_byte(run, tmp_path, store, version) -> None:
    source = _article(tmp_path)
    assert run("convert", source, "-o", tmp_path / "first", "--jats-version", version).code == 0
    first = tmp_path / "first" / "article.xml"
    result = run("convert", first, "-o", tmp_path / "second", "--jats-version", version)
    assert result.code == 0, result.err
    assert (tmp_path / "second" / "article.xml").read_bytes() == first.read_bytes()
    assert "author-notes" not in result.err and "ack" not in result.err


OLDER_JATS = """<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"
 dtd-version="1.1" xml:lang="ru">
<front>
<journal-meta><journal-title-group><journal-title>Вестник</journal-title></journal-title-group>
<issn pub-type="epub">2658-6789</issn></journal-meta>
<article-meta>
<title-group><article-title>Заглавие</article-title></title-group>
<author-notes>
<corresp id="c1">Автор для переписки: <email>a@example.org</email></corresp>
<fn fn-type="conflict"><label>*</label><p>Конфликт интересов отсутствует.</p></fn>
<fn fn-type="equal"><p>Равный вклад.</p></fn>
</author-notes>
<pub-date pub-type="epub"><year>2020</year></pub-date>
</article-meta>
</front>
<back>
<ack><title>Благодарности</title><p>Спасибо архиву.</p></ack>
<ack><title>Acknowledgements</title><p>Thanks to the archive.</p></ack>
<fn-group><fn fn-type="COI-statement"><p>The authors declare no conflict.</p></fn></fn-group>
<notes notes-type="data-availability"><title>Data</title><p>On request.</p></notes>
</back>
</article>
"""


def test_the_jats_reader_reads_statements_where_publishers_put_them(tmp_path) -> None:
    source = tmp_path / "older.xml"
    source.write_text(OLDER_JATS, encoding="utf-8")
    [loaded] = list(read_source(source, "jats", ReadContext()))
    article = loaded.article
    # untagged acknowledgements in two scripts: each under the language its script tells
    assert article.acknowledgements == {"ru": ["Спасибо архиву."], "en": ["Thanks to the archive."]}
    # the older fn-type 'conflict' in the author notes and PMC's 'COI-statement' in the back
    # matter alike, placed by script as well
    assert article.competing_interests == {
        "ru": ["Конфликт интересов отсутствует."],
        "en": ["The authors declare no conflict."],
    }
    assert article.data_availability == {"ru": ["On request."]}  # JATS4R's notes, untitled
    # what else the author notes hold is said, by name; the statements are not
    assert loaded.warnings == [
        "author-notes: not in the model, left out: corresp, fn of type 'equal'"
    ]


def test_spreadsheet_columns_per_language(tmp_path) -> None:
    (tmp_path / "journal.yaml").write_bytes((BILINGUAL.parent.parent / "journal.yaml").read_bytes())
    sheet = tmp_path / "issue.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ["language", "title", "acknowledgements", "competing_interests:en",
                 "competing_interests:ru", "data_availability:en"],
                ["ru", "Заглавие", "Спасибо архиву.\n\nИ рецензентам.", "None declared.",
                 "Конфликта интересов нет.", "On request."],
            ]
        )  # fmt: skip
    [loaded] = list(read_source(sheet, "csv", ReadContext()))
    article = loaded.article
    assert article.acknowledgements == {"ru": ["Спасибо архиву.", "И рецензентам."]}
    assert article.competing_interests == {
        "en": ["None declared."],
        "ru": ["Конфликта интересов нет."],
    }
    assert article.data_availability == {"en": ["On request."]}


def test_the_preview_shows_the_statements_in_their_languages(run, tmp_path) -> None:
    source = _article(tmp_path)
    assert run("convert", source, "-o", tmp_path / "out").code == 0
    result = run("preview", tmp_path / "out" / "article.xml", "-o", tmp_path / "shown")
    assert result.code == 0, result.err
    page = lxml.html.parse(str(tmp_path / "shown" / "article.preview.html"))
    rows = [
        (row.findtext("th"), row.find("td").get("lang"), row.find("td").text_content())
        for row in page.xpath("//tr[th='Acknowledgements' or th='Competing interests'"
                              " or th='Data availability']")
    ]  # fmt: skip
    assert rows == [
        ("Competing interests", "ru", "Автор заявляет об отсутствии конфликта интересов."),
        ("Competing interests", "en", "The author declares no competing interests."),
        ("Acknowledgements", "ru",
         "Автор благодарит коллег из Института за обсуждение рукописи. И рецензентов."),
        ("Acknowledgements", "en",
         "The author thanks colleagues at the Institute for reading the manuscript."),
        ("Data availability", "ru", "The data are available from the author on request."),
    ]  # fmt: skip


def test_the_preview_shows_every_statement_the_reader_reads(run, tmp_path) -> None:
    """The preview knew two COI footnote types of the reader's ten: a foreign file's
    'conflict-of-interest' footnote and a data availability note went unshown."""
    source = tmp_path / "older.xml"
    source.write_text(
        OLDER_JATS.replace('fn-type="conflict"', 'fn-type="conflict-of-interest"'),
        encoding="utf-8",
    )
    result = run("preview", source, "-o", tmp_path / "shown")
    assert result.code == 0, result.err
    page = lxml.html.parse(str(tmp_path / "shown" / "older.preview.html"))
    shown = [row.findtext("th") for row in page.xpath("//tr[th]")]
    assert shown.count("Competing interests") == 2
    assert shown.count("Data availability") == 1


def test_jats4r_and_pmc_accept_the_statements(run, tmp_path) -> None:
    """JATS4R's rules (0.0.6) take the data availability section as their recommendation
    asks; their COI rule checks version 1.0's fn-type 'COI-statement', which the Publishing
    DTD refuses, and is a warning that says so on the 1.1 form written here, not an error. A
    COI footnote typed otherwise is still an error."""
    from converter.schematron.store import get_store

    if not get_store().installed():
        pytest.fail("JATS4R rules not installed: run ./scripts/setup (schemas install-jats4r)")
    source = _article(tmp_path)
    assert run("convert", source, "-o", tmp_path / "out", "--jats-version", "1.3").code == 0
    out = tmp_path / "out" / "article.xml"
    result = run("check", out, "--profile", "jats4r", "--profile", "pmc")
    assert result.code == 0, result.out + result.err
    assert "passes jats4r+pmc (0 errors" in result.out + result.err
    assert "follows version 1.1 of the recommendation" in result.out + result.err
    loose = tmp_path / "loose.xml"
    loose.write_text(
        out.read_text(encoding="utf-8").replace(
            '<fn fn-type="coi-statement">', '<fn fn-type="conflict-of-interests">'
        ),
        encoding="utf-8",
    )
    result = run("check", loose, "--profile", "jats4r")
    assert result.code != 0
    assert "error: [jats4r-coi-errors-2]" in result.out + result.err


def test_plos_data_availability_in_custom_meta_is_the_statement(tmp_path) -> None:
    """PLOS gives the statement as custom metadata named "Data Availability": it is the
    article's data availability statement (written where JATS4R wants it), no custom-meta."""
    plos = OLDER_JATS.replace(
        '<notes notes-type="data-availability"><title>Data</title><p>On request.</p></notes>', ""
    ).replace(
        "<pub-date",
        '<custom-meta-group><custom-meta id="data-availability"><meta-name>Data Availability'
        "</meta-name><meta-value>All data are in the paper.</meta-value></custom-meta>"
        "<custom-meta><meta-name>Other</meta-name><meta-value>Kept.</meta-value></custom-meta>"
        "</custom-meta-group><pub-date",
        1,
    )
    source = tmp_path / "plos.xml"
    source.write_text(plos, encoding="utf-8")
    [loaded] = list(read_source(source, "jats", ReadContext()))
    assert loaded.article.data_availability == {"ru": ["All data are in the paper."]}
    assert [(c.name, c.value) for c in loaded.article.custom_meta] == [("Other", "Kept.")]


def test_an_empty_data_availability_custom_meta_is_said_and_a_later_one_read(tmp_path) -> None:
    """An empty "Data Availability" custom-meta was read as no statement in silence, and the
    one after it skipped, the statement counted as given."""
    plos = OLDER_JATS.replace(
        '<notes notes-type="data-availability"><title>Data</title><p>On request.</p></notes>', ""
    ).replace(
        "<pub-date",
        "<custom-meta-group><custom-meta><meta-name>Data Availability</meta-name><meta-value/>"
        "</custom-meta><custom-meta><meta-name>Data availability</meta-name><meta-value>In the "
        "paper.</meta-value></custom-meta></custom-meta-group><pub-date",
        1,
    )
    source = tmp_path / "plos.xml"
    source.write_text(plos, encoding="utf-8")
    [loaded] = list(read_source(source, "jats", ReadContext()))
    assert loaded.article.data_availability == {"ru": ["In the paper."]}
    assert "custom-meta 'Data Availability': empty, left out" in loaded.warnings


ELIFE_LIKE = """<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" dtd-version="1.1" xml:lang="en">
<front>
<journal-meta><journal-title-group><journal-title>J</journal-title></journal-title-group>
<issn pub-type="epub">2658-6789</issn></journal-meta>
<article-meta>
<title-group><article-title>Title</article-title></title-group>
<contrib-group>
<contrib contrib-type="author"><name><surname>Ann</surname></name>
<xref ref-type="fn" rid="conf1"/></contrib>
<contrib contrib-type="author"><name><surname>Bob</surname></name>
<xref ref-type="fn" rid="conf2"/></contrib>
</contrib-group>
<pub-date pub-type="epub"><year>2020</year></pub-date>
</article-meta>
<notes><notes notes-type="competing-interest-statement"><title>Competing Interest Statement</title>
<p>Declared at submission.</p></notes></notes>
</front>
<back>
<sec sec-type="additional-information"><title>Additional information</title>
<fn-group content-type="competing-interest"><title>Competing interests</title>
<fn fn-type="COI-statement" id="conf1"><p>No competing interests declared.</p></fn>
<fn fn-type="COI-statement" id="conf2"><p>No competing interests declared.</p></fn>
</fn-group></sec>
<sec sec-type="supplementary-material"><title>Additional files</title>
<sec sec-type="data-availability"><title>Data availability</title><p>In Dryad.</p></sec></sec>
</back>
</article>
"""


def test_statements_nested_in_back_sections_and_front_notes_are_read(tmp_path) -> None:
    """eLife nests the COI footnotes, one per author, in an "additional information" section
    and the data section in the supplementary one; bioRxiv puts its statement in the front
    matter's notes. All are read; the authors' links are said to be lost, an identical
    sentence of two authors is kept once."""
    source = tmp_path / "elife.xml"
    source.write_text(ELIFE_LIKE, encoding="utf-8")
    [loaded] = list(read_source(source, "jats", ReadContext()))
    assert loaded.article.competing_interests == {
        "en": ["Declared at submission.", "No competing interests declared."]
    }
    assert loaded.article.data_availability == {"en": ["In Dryad."]}
    assert (
        "competing-interests footnotes that contributors point to (conf1, conf2) are read as "
        "the article's statement, without the contributor each is of"
    ) in loaded.warnings


def test_ojs_2_authors_one_competing_interests_statement_is_the_articles(tmp_path) -> None:
    """OJS 2 keeps competing interests per author: the same statement from every author is
    the article's; statements that differ stay each author's, said as not carried, naming the
    author and how the statement opens."""
    from test_ojs2_exports import ISSUE, JOURNAL

    (tmp_path / "journal.yaml").write_text(JOURNAL, encoding="utf-8")
    alike = ISSUE.replace(
        "<email>sokolov@example.org</email>\n",
        '<email>sokolov@example.org</email>\n<competing_interests locale="ru_RU">Нет'
        "</competing_interests>\n",
        1,
    )
    assert alike != ISSUE
    source = tmp_path / "issue.xml"
    source.write_text(alike, encoding="utf-8")
    first = next(iter(read_source(source, None, ReadContext())))
    assert first.article.competing_interests == {"ru": ["Нет"]}
    assert not any("competing_interests" in str(w) for w in first.warnings)
    source.write_text(ISSUE, encoding="utf-8")  # one author states it, the other does not
    first = next(iter(read_source(source, None, ReadContext())))
    assert first.article.competing_interests == {}
    said = [str(w) for w in first.warnings if "competing_interests" in str(w)]
    assert said == [
        "<author/competing_interests> of author 1 (Анна Сергеевна Орлова), 'Нет' (not every "
        "author states one): not carried (the article model has no place for it)"
    ]
    differ = ISSUE.replace(
        "<email>sokolov@example.org</email>\n",
        '<email>sokolov@example.org</email>\n<competing_interests locale="en_US">The author '
        "received consulting fees from Example Pharma Ltd and holds shares in it."
        "</competing_interests>\n",
        1,
    )
    source.write_text(differ, encoding="utf-8")  # both state one, and they differ
    first = next(iter(read_source(source, None, ReadContext())))
    assert first.article.competing_interests == {}
    said = [str(w) for w in first.warnings if "competing_interests" in str(w)]
    assert said == [
        "<author/competing_interests> of author 1 (Анна Сергеевна Орлова), 'Нет' (the authors' "
        "statements differ): not carried (the article model has no place for it)",
        "<author/competing_interests> of author 2 (Pavel Sokolov), 'The author received "
        "consulting fees from Example Pharma Ltd…' (the authors' statements differ): not "
        "carried (the article model has no place for it)",
    ]
