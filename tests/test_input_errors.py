"""Bad input: one line naming the file and the field, exit code 3, never a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLES, bilingual_saved_as
from converter import load_article, to_jats
from converter.errors import EXIT_INPUT

GOOD = """\
title: {en: A title}
authors:
  - name: {surname: Ivanova, given: Anna}
  - name: {surname: Petrov, given: Ivan}
"""


def _single_line_error(result, expected: str) -> None:
    assert result.code == EXIT_INPUT, result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert expected in lines[0], lines
    assert "Traceback" not in result.err


def test_good_input_converts(run, write_article, tmp_path: Path) -> None:
    article = write_article(GOOD)
    result = run("convert", article, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (tmp_path / "out" / "article.xml").is_file()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GOOD + "  - name: {surname: Sidorov}\n    orcid: 0000-0002-1825-0098\n",
            "article.yaml: authors[2].orcid: checksum fails",
        ),
        (
            GOOD.replace("title: {en: A title}\n", ""),
            "article.yaml: title: required field is missing",
        ),
        (GOOD + "titel: {en: Typo}\n", "article.yaml: titel: unknown field (did you mean title?)"),
        (GOOD + "pages: 5-9\n", "pages: unknown field (did you mean fpage and lpage?)"),
        (
            GOOD + "    afiliations: [a1]\n",
            "authors[1].afiliations: unknown field (did you mean affiliations?)",
        ),
        (
            GOOD + "  - surname: Sidorov\n",
            "authors[2].surname: unknown field (did you mean name.surname?)",
        ),
        (GOOD + "colour: red\n", "colour: unknown field (check the spelling against the input"),
        (
            GOOD + "  - name: {surname: S}\n    email: ivanov@\n",
            "authors[2].email: not an e-mail address: 'ivanov@'",
        ),
        (GOOD + "url: www.example.org/a\n", "url: not a URL (expected http://, https:// or ftp"),
        (
            GOOD + "published: {electronic: 2018-02-30}\n",
            "article.yaml: published.electronic: impossible date, 2018-02 has 28 days",
        ),
        (
            GOOD + "published: {electronic: 28.09.2018}\n",
            "published.electronic: not a date (expected YYYY, YYYY-MM or YYYY-MM-DD): "
            "'28.09.2018' (if it is day.month.year, write 2018-09-28)",
        ),
        (
            GOOD + "published: {print: 2018-13}\n",
            "article.yaml: published.print: impossible date, no month 13",
        ),
        (GOOD + "doi: 10.1000/abc\u20131\n", "article.yaml: doi: contains a non-ASCII dash U+2013"),
        (GOOD + "doi: not-a-doi\n", "article.yaml: doi: not a DOI"),
        (
            GOOD + "references:\n  - {text: Smith J. 2020., arxiv: 'arXiv:12345'}\n",
            "article.yaml: references[0].arxiv: not an arXiv identifier",
        ),
        (
            GOOD + "references:\n  - {text: Book. 1992., isbn: 9780486672602}\n",
            "article.yaml: references[0].isbn: check digit fails: '9780486672602'",
        ),
        (
            GOOD + "references:\n  - {text: Smith J. 2020., arxiv: 200101230}\n",
            "article.yaml: references[0].arxiv: write it in quotes: unquoted, YAML reads it as "
            "the number 200101230",
        ),
        (
            GOOD + "references:\n  - {text: Smith J. 2020., pmid: PMC123}\n",
            "article.yaml: references[0].pmid: not a PubMed id",
        ),
        (
            GOOD + "language: xx\ntitle_extra: 1\n",
            "article.yaml: language: unknown ISO 639 language code",
        ),
        (
            GOOD.replace("{en: A title}", '{en: "A\\x01title"}'),
            "article.yaml: title.en: contains U+0001",
        ),
        (GOOD.replace("A title", "A\x0btitle"), "article.yaml: line 1: contains U+000B"),
        (
            GOOD.replace("{en: A title}", '{en: "A\\uFFFEtitle"}'),
            "article.yaml: title.en: contains U+FFFE",
        ),
        ("title: {en: [unclosed\n", "article.yaml: line 2: malformed YAML"),
        (  # the line the quote opened on, not the end of the file (line 5) where YAML noticed
            'title: {en: A}\nabstract: "open\nlanguage: en\nlicense: CC-BY-4.0\n',
            "article.yaml: line 2: a quoted value opened here is not closed",
        ),
        ("title: {en: A}\nabstract: 'open\n", "article.yaml: line 2: a quoted value opened"),
        ("title: {en: A}\ntitle: {en: B}\n", "key 'title' given twice"),
        ("- just\n- a list\n", "article.yaml: expected a mapping of fields"),
        (GOOD + "language: ru\n", "article.yaml: title: no title in the article's language (ru)"),
        (  # JATS writes a subtitle in its title's group: alone, the output was invalid
            GOOD + "subtitle: {en: A subtitle, de: Eine Studie}\n",
            "article.yaml: subtitle: no title in its language (de)",
        ),
        (GOOD + "fpage: 130\nlpage: 119\n", "article.yaml: lpage: 119 comes before fpage 130"),
        (
            GOOD.replace(
                "  - name: {surname: Petrov, given: Ivan}\n",
                "  - name: {surname: Petrov}\n    affiliations: [aff9]\n",
            ),
            "article.yaml: authors[1].affiliations[0]: no affiliation with id 'aff9'",
        ),
        (
            GOOD + "affiliations:\n  - {id: aff1, institution: {en: A}}\n"
            "  - {id: aff1, institution: {en: B}}\n",
            "article.yaml: affiliations[1].id: 'aff1' is used twice (affiliations[0].id has it "
            "too): give each its own id",
        ),
        (
            GOOD + "affiliations:\n  - {id: x1, institution: {en: A}}\n"
            "references:\n  - {text: Smith J. 2020., id: x1}\n",
            "article.yaml: references[0].id: 'x1' is used twice (affiliations[0].id has it "
            "too): give each its own id",
        ),
    ],
)
def test_each_bad_input_names_file_and_field(run, write_article, text: str, expected: str) -> None:
    article = write_article(text)
    _single_line_error(run("convert", article), expected)


def test_a_long_value_that_is_no_url_is_shown_cut_short(run, write_article) -> None:
    """A value refused for its form (not a URL, an e-mail address, an id) was echoed whole: a
    landing page pasted with 900,000 characters after it made a line of 900,000 characters.
    It is shown cut short, as a value of the wrong type is."""
    article = write_article(GOOD + f"url: 'https://example.org/ {'Ж' * 900_000}'\n")
    result = run("convert", article)
    _single_line_error(result, "article.yaml: url: not a URL (expected http://, https:// or ")
    [line] = [line for line in result.err.splitlines() if line.strip()]
    assert ": 'https://example.org/ ЖЖЖ" in line and line.endswith("ЖЖЖ…")
    assert len(line) < len(str(article)) + 300


def test_every_character_xml_forbids_is_refused_in_a_text() -> None:
    """Each character XML 1.0 forbids (C0 controls but tab, line feed and carriage return;
    surrogates; U+FFFE, U+FFFF), amid ordinary text, is refused by name: none reaches an
    output, which would be malformed."""
    from converter.text import check_xml_text

    forbidden = [*range(0x20), *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]
    for code in forbidden:
        if chr(code) in "\t\n\r":
            continue
        with pytest.raises(ValueError, match=f"contains U\\+{code:04X}"):
            check_xml_text(f"Москва {chr(code)} title")
    assert check_xml_text("Москва\ttitle\r\nline\u00a0two\u2028") == (
        "Москва\ttitle\r\nline\u00a0two\u2028"
    )


def test_a_lone_surrogate_in_a_json_article_is_refused_by_name(run, tmp_path, journal_file) -> None:
    """JSON's ``\\ud800`` escape gives a lone surrogate, which Pydantic refused in its own words
    ("unable to parse raw data as a unicode string"): it is said as a control character is,
    naming the field, the character and its position."""
    article = tmp_path / "article.json"
    article.write_text(
        '{"title": {"en": "a\\ud800b"}, "volume": "x\\udc00",'
        ' "authors": [{"name": {"surname": "Ivanova", "given": "Anna"}}]}',
        encoding="utf-8",
    )
    result = run("convert", article, "-o", tmp_path / "out")
    assert result.code == EXIT_INPUT, result.err
    lines = [line.removeprefix(f"{tmp_path}/") for line in result.err.splitlines() if line.strip()]
    assert lines == [
        "article.json: title.en: contains U+D800, a character XML 1.0 does not allow "
        "(at position 2)",
        "article.json: volume: contains U+DC00, a character XML 1.0 does not allow (at position 2)",
    ], lines


def test_invisible_characters_pasted_with_a_text_are_taken_out(write_article, store) -> None:
    """A soft hyphen, a zero-width space, a word joiner or a byte order mark inside a text
    (pasted from a word processor or a PDF) is taken out of every value: the title and the
    reference reach the output, and the parser, as the words they are; zero-width joiners
    stay (some scripts need them)."""
    from converter.text import check_xml_text

    assert check_xml_text("classi\u00adfication of\u200b graphs\u2060 \ufeffnow") == (
        "classification of graphs now"
    )
    assert check_xml_text("\u0915\u094d\u200d\u0937") == "\u0915\u094d\u200d\u0937"
    article = load_article(
        write_article(
            'title: {en: "On the classi\u00adfication of graphs"}\nreferences:\n'
            '  - "Smith J, Brown K. A classi\u00adfication of graphs. \ufeffJ Things. '
            '2020;1:1-2."\n'
        )
    )
    assert article.title["en"] == "On the classification of graphs"
    output = to_jats(article, grammars=store)
    assert output.valid, output.problems
    text = output.data.decode("utf-8")
    assert not any(ch in text for ch in "\u00ad\u200b\u2060\ufeff")
    assert "<article-title>A classification of graphs</article-title>" in text
    assert "<source>J Things</source>" in text


def test_an_abstract_pasted_as_html_paragraphs_is_its_paragraphs(write_article, store) -> None:
    """An abstract copied from OJS or a web page as '<p>…</p><p>…</p>' gives its paragraphs,
    with the inline tags the model keeps; other markup stays text, as documented."""
    article = load_article(
        write_article(
            'title: {en: "T"}\nabstract:\n  en: "<p>First <i>in vitro</i> result.</p>\n'
            '<p class=\\"x\\">Second.<br/>Third.</p>"\n  ru: "<p>Текст <span>с</span></p>"\n'
        )
    )
    assert article.abstract["en"] == ["First <i>in vitro</i> result.", "Second.", "Third."]
    assert article.abstract["ru"] == ["<p>Текст <span>с</span></p>"]
    output = to_jats(article, grammars=store)
    assert output.valid, output.problems
    assert "<p>First <italic>in vitro</italic> result.</p>" in output.data.decode("utf-8")


def test_a_soft_hyphen_that_is_half_a_misdecoded_letter_stays(write_article) -> None:
    """ "MartÃ\u00adnez" is Martínez read as Latin-1 (í is C3 AD): its soft hyphen is the
    letter's second byte, kept so that the check names the word and the parser repairs it."""
    from converter.citations import parse_reference
    from converter.consistency import check_article
    from converter.text import check_xml_text

    assert check_xml_text("MartÃ\u00adnez clas\u00adsi\u200bfication") == (
        "MartÃ\u00adnez classification"
    )
    article = load_article(
        write_article(
            'title: {en: "Graphs"}\nreferences:\n'
            '  - "MartÃ\u00adnez-Romero E, Caballero-Mellado J. Rhizobium phylogenies. '
            'Crit Rev Plant Sci. 1996;15:113-140."\n'
        )
    )
    (finding,) = [f for f in check_article(article) if f.rule == "misdecoded"]
    assert "is 'Martínez-Romero' (UTF-8 read as Windows-1252 (Latin-1))" in finding.message
    assert parse_reference(article.references[0].text["en"]).authors[0] == "Martínez-Romero, E."


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ('title: {en: ""}\n', "article.yaml: title: no title in the article's language (en)"),
        ('title: {en: "\\u00ad"}\n', "article.yaml: title: no title in the article's language"),
        (
            'title: {en: T}\nreferences:\n  - "\\u200b"\n',
            "article.yaml: references[0]: a reference needs text or at least a title or source",
        ),
    ],
)
def test_a_text_left_empty_is_a_missing_one(run, write_article, change, expected) -> None:
    """An empty text, or one of invisible characters only, is no text: one line naming the
    field, where an empty <article-title> or <mixed-citation> was written before."""
    article = write_article(change)
    _single_line_error(run("convert", article), expected)


def test_reference_confidence_out_of_range_in_journal_file(
    run, write_article, journal_file: Path
) -> None:
    journal_file.write_text(
        "title: {en: J}\nissn: {print: 2658-6444}\nreference_confidence: 1.5\n",
        encoding="utf-8",
    )
    article = write_article(GOOD)
    _single_line_error(run("convert", article), "journal.yaml: reference_confidence:")


def test_issn_check_digit_in_journal_file(run, write_article, journal_file: Path) -> None:
    journal_file.write_text("title: {en: J}\nissn: {print: 2658-6445}\n", encoding="utf-8")
    article = write_article(GOOD)
    _single_line_error(run("convert", article), "journal.yaml: issn.print: check digit fails")


def test_malformed_json(run, write_article) -> None:
    article = write_article('{"title": {"en": "x"},}', name="article.json")
    _single_line_error(run("convert", article), "article.json: line 1: malformed JSON")


def test_json_input_converts(run, write_article, tmp_path: Path) -> None:
    article = write_article('{"title": {"en": "JSON <input> & more"}}', name="a.json")
    result = run("convert", article, "-o", tmp_path / "o")
    assert result.code == 0, result.err
    assert "JSON &lt;input&gt; &amp; more" in (tmp_path / "o" / "a.xml").read_text()


def test_missing_journal_is_explained(run, tmp_path: Path) -> None:
    lonely = tmp_path / "deep" / "a" / "b" / "c" / "d"
    lonely.mkdir(parents=True)
    article = lonely / "article.yaml"
    article.write_text(GOOD, encoding="utf-8")
    _single_line_error(run("convert", article), "journal: no journal metadata")


def test_missing_file(run, tmp_path: Path) -> None:
    _single_line_error(run("convert", tmp_path / "nope.yaml"), "nope.yaml: cannot read")


def test_one_bad_article_does_not_stop_the_others(run, write_article, tmp_path: Path) -> None:
    good = write_article(GOOD, name="good.yaml")
    bad = write_article(GOOD + "colour: red\n", name="bad.yaml")
    result = run("convert", bad, good, "-o", tmp_path / "out")
    assert result.code == EXIT_INPUT
    assert (tmp_path / "out" / "good.xml").is_file()
    assert not (tmp_path / "out" / "bad.xml").exists()
    assert "bad.yaml: colour: unknown field" in result.err


def test_xml_special_characters_are_escaped(run, write_article, tmp_path: Path, store) -> None:
    text = 'title: {en: "Tom & Jerry <script>alert(1)</script> ]]> \\"q\\""}\n'
    text += 'abstract: {en: "x < y & <i>italic</i> <b>unclosed"}\n'
    article = write_article(text)
    result = run("convert", article, "-o", tmp_path / "o")
    assert result.code == 0, result.err
    xml = (tmp_path / "o" / "article.xml").read_text()
    assert "Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;" in xml
    # unbalanced markup stays literal text rather than becoming elements
    assert "x &lt; y &amp; &lt;i&gt;italic&lt;/i&gt; &lt;b&gt;unclosed" in xml
    assert run("validate", tmp_path / "o" / "article.xml").code == 0


def test_inline_style_becomes_jats_markup(run, write_article, tmp_path: Path) -> None:
    article = write_article('title: {en: "On <i>Homo sapiens</i> and H<sub>2</sub>O"}\n')
    assert run("convert", article, "-o", tmp_path / "o").code == 0
    xml = (tmp_path / "o" / "article.xml").read_text()
    assert "On <italic>Homo sapiens</italic> and H<sub>2</sub>O" in xml


def test_yaml_alias_bomb_is_refused(run, write_article) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    article = write_article("\n".join(lines) + "\ntitle: {en: t}\n")
    _single_line_error(run("convert", article), "values once its aliases are expanded")


def test_norwegian_language_code_is_not_a_boolean(run, write_article, tmp_path: Path) -> None:
    article = write_article("language: no\ntitle: {no: Tittel}\n")
    assert run("convert", article, "-o", tmp_path / "o").code == 0
    assert 'xml:lang="no"' in (tmp_path / "o" / "article.xml").read_text()


def test_three_letter_language_codes_become_two_letter_ones(
    run, write_article, tmp_path: Path
) -> None:
    """``language: rus`` (ISO 639-2, as library systems write it) with titles keyed ``ru`` was
    "no title in the article's language (rus)"; the bibliographic ``ger`` was "unknown". Each
    is its two-letter code, as BCP 47 wants of xml:lang, in keys and values alike."""
    article = write_article(
        "language: rus\ntitle: {ru: Заглавие, eng: Title}\nabstract: {ger: Zusammenfassung}\n"
    )
    assert run("convert", article, "-o", tmp_path / "o").code == 0
    jats = (tmp_path / "o" / "article.xml").read_text(encoding="utf-8")
    assert 'xml:lang="ru"' in jats
    assert '<trans-title-group xml:lang="en">' in jats
    assert 'abstract xml:lang="de">' in jats
    assert "rus" not in jats and "eng" not in jats and "ger" not in jats


def test_byte_order_mark_is_accepted(run, tmp_path: Path, journal_file: Path) -> None:
    article = tmp_path / "bom.json"
    article.write_bytes(b'\xef\xbb\xbf{"title": {"en": "With BOM"}}')
    assert run("convert", article, "-o", tmp_path / "o").code == 0


def test_non_utf8_input_is_named(run, tmp_path: Path, journal_file: Path) -> None:
    article = tmp_path / "latin1.yaml"
    article.write_bytes("title: {en: Caf\xe9}\n".encode("latin-1"))
    result = run("convert", article)
    assert result.code == EXIT_INPUT
    assert "latin1.yaml: not UTF-8 text" in result.err


def test_a_windows_1251_article_is_named_as_such(run, tmp_path: Path) -> None:
    """A Russian article saved in Windows-1251: one line with the line and what the bytes are."""
    article = bilingual_saved_as(tmp_path, "cp", "cp1251")
    result = run("convert", article, "-o", tmp_path / "out")
    _single_line_error(result, "not UTF-8 text (line 7, byte 343): it reads as Windows-1251")
    assert "iconv -f cp1251 -t utf-8" in result.err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_convert(run, tmp_path: Path, encoding) -> None:
    """YAML allows UTF-16 and UTF-32 (Windows Notepad's "Unicode"): the same JATS as from UTF-8."""
    plain, marked = (
        bilingual_saved_as(tmp_path, "a", "utf-8"),
        bilingual_saved_as(tmp_path, "b", encoding),
    )
    assert marked.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert run("convert", plain, "-o", tmp_path / "out-a").code == 0
    assert run("convert", marked, "-o", tmp_path / "out-b").code == 0
    (want,) = (tmp_path / "out-a").glob("*.xml")
    (got,) = (tmp_path / "out-b").glob("*.xml")
    assert got.read_bytes() == want.read_bytes()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named(run, write_article, encoding) -> None:
    """UTF-16 without its mark: English text reads as UTF-8 with a zero byte beside each
    letter, so the line says it looks like UTF-16, not only that U+0000 is not allowed (with
    Russian text UTF-8 fails first, and the line says the same); both give the iconv command
    with the byte order the zero bytes tell (without the mark iconv cannot tell it)."""
    article = write_article(GOOD)
    article.write_bytes(GOOD.encode(encoding))
    result = run("convert", article)
    expected = "line 1: contains U+0000, a character YAML and XML do not allow; it looks like "
    iconv = f"(e.g. iconv -f {encoding.replace('-16-', '-16')} -t utf-8)"
    _single_line_error(
        result, expected + f"UTF-16 without a byte-order mark: save it as UTF-8 {iconv}"
    )
    russian = bilingual_saved_as(article.parent, "ru", encoding)
    _single_line_error(run("convert", russian), f"it looks like UTF-16; save it as UTF-8 {iconv}")


def test_a_tab_in_the_indentation_is_named(run, write_article) -> None:
    """A tab pasted as indentation gave only YAML's "found character that cannot start any
    token"; the line now says it is a tab."""
    article = write_article("language: en\ntitle:\n\ten: A title\n")
    _single_line_error(
        run("convert", article),
        "line 3: malformed YAML: found character that cannot start any token "
        "(a tab: YAML indents with spaces)",
    )
    article = write_article('language: en\ntitle: {en: "A\ttitle"}\nx: [\n')  # tab not at fault
    assert "(a tab" not in run("convert", article).err


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("article.yaml", b"", "the file is empty"),
        ("article.json", b"", "the file is empty"),  # (was: malformed JSON: Expecting value)
        ("article.yaml", b"\xef\xbb\xbf \r\n\n", "the file is empty"),
        ("article.yaml", b"# to be written\n", "the file holds no fields, only comments or null"),
    ],
)
def test_an_empty_article_file_is_said_to_be_empty(
    run, tmp_path: Path, name: str, content: bytes, said: str
) -> None:
    """An empty file (a new article not yet filled in, a failed export) was told only that a
    mapping of fields was expected, or as malformed JSON: the line now says it is empty."""
    article = tmp_path / name
    article.write_bytes(content)
    result = run("convert", article, "-o", tmp_path / "out")
    _single_line_error(result, f"{article}: expected a mapping of fields at the top level: {said}")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_misspelt_journal_field_is_compared_with_the_journal_fields(
    run, write_article, journal_file: Path
) -> None:
    """A journal file's unknown field is matched against the journal's fields, not the
    article's."""
    journal_file.write_text(journal_file.read_text(encoding="utf-8") + "publisherr: X\n")
    result = run("convert", write_article(GOOD))
    assert "publisherr: unknown field (did you mean publisher?)" in result.err


def test_labelled_and_spaced_identifiers_convert_as_the_bare_ones(
    run, write_article, tmp_path: Path
) -> None:
    """ "ORCID: 0000 0002 1825 0097" and "DOI 10.…" in an editor's file give the same JATS as
    the bare forms (they were refused)."""
    base = GOOD.replace(
        "{surname: Petrov, given: Ivan}", "{surname: Petrov, given: Ivan}\n    orcid: X"
    )
    bare = base.replace("X", "0000-0002-1825-0097") + "doi: 10.5555/abc\n"
    written = base.replace("X", "'ORCID: 0000 0002 1825 0097'") + "doi: DOI 10.5555/abc\n"
    outputs = []
    for name, text in (("bare", bare), ("written", written)):
        result = run("convert", write_article(text, f"{name}.yaml"), "-o", tmp_path / name)
        assert result.code == 0, result.err
        outputs.append(next((tmp_path / name).glob("*.xml")).read_bytes())
    assert outputs[0] == outputs[1]
    assert b"https://orcid.org/0000-0002-1825-0097" in outputs[0]


def test_a_folder_given_to_convert_points_to_batch(run, tmp_path: Path) -> None:
    _single_line_error(
        run("convert", tmp_path), "is a folder, not a file (a folder of articles: jatsconv batch)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "    affiliations:\n      - {institution: {en: MGIMO University}, country: Rusia}\n",
            "article.yaml: authors[1].affiliations[0].country: unknown country (use an ISO 3166 "
            "code such as 'RU'): 'Rusia'",
        ),
        (
            "    affiliations: [1a]\n",
            "article.yaml: authors[1].affiliations[0]: not an id (a letter or '_' first",
        ),
        (
            "    affiliations: [12]\n",
            "article.yaml: authors[1].affiliations[0]: expected a text or a mapping of fields, "
            "not 12",
        ),
        (
            "journal: {title: {en: J}, issn: {print: 1234-5678}}\n",
            "article.yaml: journal.issn.print: check digit fails: '1234-5678'",
        ),
    ],
)
def test_a_field_that_takes_two_forms_is_told_in_the_form_meant(
    run, write_article, text: str, expected: str
) -> None:
    """An affiliation is an id or its fields, the journal a file name or its fields: pydantic
    reports a wrong one once for each form, under its own names ("affiliations[0].constrained-str:
    Input should be a valid string", "affiliations[0].function-after[_something_known(),
    Affiliation].country: …"). Only the form the input is in is told, at the field's own path."""
    result = run("convert", write_article(GOOD + text))
    assert result.code == EXIT_INPUT, result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert lines[0].replace(lines[0].split(": ", 1)[0], "article.yaml", 1).startswith(expected)


def test_a_bad_language_key_is_told_at_the_key(run, write_article) -> None:
    result = run("convert", write_article(GOOD.replace("{en: A title}", "{English: A title}")))
    assert result.code == EXIT_INPUT
    assert "article.yaml: title.English: not a language code (expected e.g. 'en', 'ru')" in (
        result.err.replace(result.err.split(": ", 1)[0], "article.yaml", 1)
    ), result.err


def test_a_bad_main_language_is_said_once(run, write_article) -> None:
    """Names and string references are keyed by the main language: a bad one was also reported
    once for each of them ("authors[0].name.english: not a language code", 7 lines for
    the seed article)."""
    text = GOOD.replace("title: {en: A title}", "language: english\ntitle: {en: A title}")
    text += "references:\n  - Ivanov I. Title. Journal. 2019. No. 1. P. 1-2.\n  - Second ref.\n"
    article = write_article(text)
    result = run("convert", article)
    assert result.code == EXIT_INPUT
    lines = [line.replace(str(article), "article.yaml") for line in result.err.splitlines()]
    assert [line for line in lines if line.strip()] == [
        "article.yaml: language: not a language code (expected e.g. 'en', 'ru'): 'english'"
    ]


@pytest.mark.parametrize(
    ("fpage", "lpage"),
    [("110", "119"), ("110", "110"), ("1210", "19"), ("iv", "xii"), ("S12", "S3"), ("e10", "e2")],
)
def test_page_ranges_that_are_not_inverted_convert(
    run, write_article, fpage: str, lpage: str
) -> None:
    """Only a plainly inverted range is refused (xii-iv is: see test_input_values): an
    abbreviated one ("1210–19", "S12–S3": its last page written in full, see
    test_issue_title_and_pages) and Roman numerals that run forwards convert."""
    result = run("convert", write_article(GOOD + f"fpage: '{fpage}'\nlpage: '{lpage}'\n"))
    assert result.code == 0, result.err


@pytest.mark.parametrize(
    ("written", "kwds"),
    [
        ("alpha; beta, gamma; delta", ["alpha", "beta, gamma", "delta"]),
        ("Japan, Russia, investment", ["Japan", "Russia", "investment"]),
        ("one keyword", ["one keyword"]),
    ],
)
def test_keywords_in_one_string_are_split(run, write_article, tmp_path: Path, written, kwds):
    """Semicolons split a keywords string; with none, commas do (as journals print keywords:
    "Japan, Russia, investment" was one keyword)."""
    article = write_article(GOOD + f'keywords: {{en: "{written}"}}\n')
    assert run("convert", article, "-o", tmp_path / "out").code == 0
    xml = next((tmp_path / "out").glob("*.xml")).read_text(encoding="utf-8")
    assert re.findall(r"<kwd>([^<]*)</kwd>", xml) == kwds


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("RU", "RU"),
        ("RUS", "RU"),
        ("Russian Federation", "RU"),
        ("Russia", "RU"),
        ("Россия", "RU"),
        ("Российская Федерация", "RU"),
        ("РФ", "RU"),
        ("Япония", "JP"),
        ("Республика Казахстан", "KZ"),
        ("U.S.A.", "US"),
        ("UK", "GB"),
        ("Great Britain", "GB"),
        ("Turkey", "TR"),
        ("Южная Корея", "KR"),
        ("South Korea", "KR"),
    ],
)
def test_country_as_editors_write_it(run, write_article, tmp_path: Path, written, code) -> None:
    """An affiliation's country may be its ISO code or a name as editors write it, in English
    or in Russian (ISO's own names, pycountry's Russian translations of them, and the everyday
    forms ISO lacks: "Russia", "Россия", "UK"); the JATS carries the code either way."""
    text = (
        GOOD
        + f"    affiliations:\n      - {{institution: {{en: X University}}, country: {written}}}\n"
    )
    result = run("convert", write_article(text), "-o", tmp_path / "out")
    assert result.code == 0, result.err
    jats = (tmp_path / "out" / "article.xml").read_text(encoding="utf-8")
    assert f'<country country="{code}">' in jats


def test_an_unknown_country_is_still_refused(run, write_article) -> None:
    text = GOOD + "    affiliations:\n      - {institution: {en: X University}, country: Narnia}\n"
    result = run("convert", write_article(text))
    assert result.code == EXIT_INPUT
    assert "authors[1].affiliations[0].country: unknown country (use an ISO 3166 code such as" in (
        result.err
    )


@pytest.mark.parametrize("written", ["110-119", "110–119", "110 - 119"])
def test_a_page_range_written_as_the_first_page_is_split(
    run, write_article, tmp_path: Path, written: str
) -> None:
    """'fpage: 110-119' with no lpage (as sources and editors write it) is pages 110 to 119,
    in the article and in a structured reference; it was written as the page's name,
    <fpage>110-119</fpage>, which Crossref and PMC take as one page."""
    text = GOOD + (
        f'fpage: "{written}"\n'
        "references:\n"
        "  - {text: {en: 'Ivanova A. A title. J Stud. 2019;3:5-9.'}, authors: [Ivanova A.],\n"
        "     title: A title, source: J Stud, year: 2019, volume: 3,\n"
        f'     fpage: "5{written[3:-3]}9"}}\n'
    )
    result = run("convert", write_article(text), "-o", tmp_path / "out")
    assert result.code == 0, result.err
    jats = (tmp_path / "out" / "article.xml").read_text(encoding="utf-8")
    assert "<fpage>110</fpage>" in jats and "<lpage>119</lpage>" in jats
    assert "<fpage>5</fpage>" in jats and "<lpage>9</lpage>" in jats
    # the range with its own last page given too is the same pages
    again = run("convert", write_article(text + "lpage: 119\n"), "-o", tmp_path / "again")
    assert again.code == 0, again.err


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (
            "fpage: 110-119\nlpage: 120\n",
            "article.yaml: fpage: a page range in one page field: '110-119' (write fpage: 110 "
            "and lpage: 119)",
        ),
        ("fpage: -5\n", "article.yaml: fpage: not a page number: '-5'"),
    ],
)
def test_a_page_field_holding_no_single_page_is_refused(run, write_article, pages, expected):
    result = run("convert", write_article(GOOD + pages))
    assert result.code == EXIT_INPUT
    line = result.err.splitlines()[0]
    assert line.replace(line.split(": ", 1)[0], "article.yaml", 1) == expected


def test_a_journal_file_given_as_an_article_is_named_as_such(run, tmp_path: Path) -> None:
    """A journal.yaml passed to convert got one 'unknown field' line per journal field, with
    suggestions that led astray ('publisher: … did you mean published?')."""
    journal = tmp_path / "journal.yaml"
    shutil.copy(SAMPLES / "russian-japanology-review" / "journal.yaml", journal)
    for command in ("convert", "batch"):
        result = run(command, journal, "-o", tmp_path / command)
        assert result.code == EXIT_INPUT, result.err
        assert f"{journal}: a journal file, not an article: it is found beside the articles" in (
            result.err
        ), result.err
        assert "unknown field" not in result.err


def test_numbers_given_to_ids_skip_the_ids_the_input_gives(write_article, store) -> None:
    """A reference given 'ref2' and the next one numbered, an affiliation given 'ref1', a
    reference given 'aff1': each number skips the ids already taken anywhere in the article
    (they made the output invalid: 'ID ref2 already defined')."""
    article = load_article(
        write_article(
            GOOD.replace("given: Anna}", "given: Anna}\n    affiliations: [aff2, ref1]")
            + "affiliations:\n  - {institution: {en: A}}\n  - {id: ref1, institution: {en: B}}\n"
            "references:\n  - {text: Smith J. 2020., id: ref2}\n  - Doe J. 2021.\n"
            "  - Roe R. 2022.\n  - {text: Poe E. 1845., id: aff1}\n"
        )
    )
    assert [aff.id for aff in article.affiliations] == ["aff2", "ref1"]
    assert [ref.id for ref in article.references] == ["ref2", "ref3", "ref4", "aff1"]
    output = to_jats(article, grammars=store)
    assert output.valid, output.problems


def test_blank_list_items_and_empty_lists_are_no_items(write_article, store) -> None:
    """A keyword, paragraph, award or reference author left empty, or of spaces or invisible
    characters only, is none, and a language whose list is then empty has none: never an empty
    <kwd>, <award-id>, <abstract> or <article-id>, nor a <kwd-group> without a <kwd> (which
    the DTD refuses), as an empty title is a missing one."""
    article = load_article(
        write_article(
            GOOD
            + 'keywords: {en: [one, "", "  ", "\\u200b", "\\u200b \\u00ad", two], ru: []}\n'
            + 'subjects: {en: ["", Economics]}\n'
            + 'abstract: {en: ["First.", "\\u200b"], ru: ""}\n'
            + 'funding:\n  - {funder: {en: RSF}, awards: ["", " ", 18-18-00063]}\n'
            + "  - {funder: {en: RFBR}, awards: ['']}\n"
            + 'ids: {other: {elpub: "", edn: ""}}\n'
            + 'references:\n  - {text: "Smith J. Paper. 2020.", authors: ["", Smith J.]}\n'
        )
    )
    assert article.keywords == {"en": ["one", "two"]}
    assert article.subjects == {"en": ["Economics"]}
    assert article.abstract == {"en": ["First."]}
    assert [f.awards for f in article.funding] == [["18-18-00063"], []]
    assert article.ids.other == {}
    assert article.references[0].authors == ["Smith J."]
    output = to_jats(article, grammars=store)
    assert output.valid, output.problems
    text = output.data.decode("utf-8")
    assert re.findall(r"<([\w:-]+)[^>]*>\s*</\1>", text) == []
    assert text.count("<kwd-group") == 1 and text.count("<award-id>") == 1


def test_an_empty_xml_file_is_said_to_be_empty_not_asked_for_fields(run, tmp_path: Path) -> None:
    """An empty .xml (a failed JATS export) is read as no reader's XML: it was told that 'a
    mapping of fields at the top level' was expected, words of the YAML input."""
    article = tmp_path / "article.xml"
    article.write_bytes(b"\n")
    result = run("convert", article, "-o", tmp_path / "out")
    _single_line_error(result, f"{article}: the file is empty: no XML in it")


def test_data_with_no_field_of_an_article_is_said_not_to_be_one(run, tmp_path: Path) -> None:
    """``convert data.json`` of ``{"hello": 1}`` said "journal: no journal metadata" (with a
    journal file beside it: a missing title and an unknown field): one line now."""
    data = tmp_path / "data.json"
    data.write_text('{"hello": 1, "world": [2]}', encoding="utf-8")
    result = run("convert", data, "-o", tmp_path / "out")
    assert result.code == 3
    expected = "not an article: no title, and no field the article model knows"
    assert result.err.strip().splitlines() == [f"{data}: {expected} (found: hello, world)"]
    (tmp_path / "data.json").write_text('{"titel": "A"}', encoding="utf-8")  # a misspelt field
    assert "not an article" not in run("convert", data, "-o", tmp_path / "out").err


def test_a_file_of_bytes_no_text_is_named_by_its_ending(run, tmp_path: Path) -> None:
    """``convert data.png`` (or a PDF, a manuscript) said "not UTF-8 text: save it as UTF-8"
    (until 4 December 2026); a .yaml that is not UTF-8 still says where and what to do."""
    noise = bytes(range(7, 256)) * 2
    for name, kind in (("data.png", "an image"), ("paper.pdf", "a PDF")):
        (tmp_path / name).write_bytes(noise)
        result = run("convert", tmp_path / name, "-o", tmp_path / "out")
        assert result.code == 3
        line = f"{tmp_path / name}: not an article: {kind} file name, and its bytes are not text"
        assert result.err.strip().splitlines() == [line]
    (tmp_path / "article.yaml").write_bytes(b"title: \xff\n")
    result = run("convert", tmp_path / "article.yaml", "-o", tmp_path / "out")
    assert "not UTF-8 text (line 1, byte 7): save it as UTF-8" in result.err


@pytest.mark.parametrize(
    ("sample", "fmt"),
    [
        ("japanese-studies-in-russia/2018-3/streltsov-6.xml", "jats"),
        ("ojs/2019-1/issue.xml", "ojs"),
    ],
)
@pytest.mark.parametrize(
    ("declared", "misread"), [("ISO-8859-1", "ÐÑ"), ("windows-1251", "РС"), ("KOI8-R", "пя")]
)
def test_xml_declared_latin1_whose_bytes_are_utf8_is_refused(
    run, tmp_path: Path, sample: str, fmt: str, declared: str, misread: str
) -> None:
    """An XML file saved as UTF-8 under a declaration that says ISO-8859-1 (a tool that wrote
    the header it always writes) was read as its declaration says: the batch counted it
    converted, and its Russian title went out as 'Ð Ð¾ÑÑÐ¸Ð¹ÑÐºÐ¾-…'. It is bad input now,
    naming the declaration and a word as it would have read; so under a Cyrillic one
    (windows-1251, KOI8-R), which converted it as 'Р РѕСЃСЃРёР№СЃРєРѕ-…'."""
    source = tmp_path / "in" / Path(sample).name
    source.parent.mkdir()
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    written = re.sub('encoding="utf-8"', f'encoding="{declared}"', text, count=1, flags=re.I)
    source.write_bytes(written.encode())
    result = run("batch", source.parent, "--from", fmt, "-o", tmp_path / "out", "-j", "1", "-q")
    assert result.code == EXIT_INPUT, result.err
    assert f'{source}: line 1: the XML declaration says encoding="{declared}", but ' in result.err
    # (a Cyrillic letter's first UTF-8 byte as the declaration reads it: Ð, Р or п)
    assert result.err.split("' would be '", 1)[1][0] in misread
    assert "its bytes are UTF-8 (read as the declaration says, '" in result.err
    assert "<" not in result.err.split("read as the declaration says, ", 1)[1]  # (a word alone)
    assert not list((tmp_path / "out").glob("*.xml"))
