"""The project's own YAML/JSON files: values read as typed, and hostile files refused in one line
(deep nesting, alias and size bombs), with what the bytes are when they are not UTF-8."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.errors import EXIT_INPUT
from converter.model import Journal
from converter.readers import native

GOOD = """\
title: {en: A title}
authors:
  - name: {surname: Ivanova, given: Anna}
"""


def _single_line_error(result, expected: str) -> None:
    """Exit 3, one line (the first) holding ``expected``, no traceback."""
    assert result.code == EXIT_INPUT, result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert expected in lines[0], lines
    assert "Traceback" not in result.err


# ---------------------------------------------------------------- numbers as typed


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("12", 12), ("-3", -3), ("0", 0),
        ("010", "010"), ("0123", "0123"), ("1:30", "1:30"), ("0x1F", "0x1F"), ("0o17", "0o17"),
        ("1_0", "1_0"), ("+1", "+1"), ("-0", "-0"), ("2.10", "2.10"), ("3.0", "3.0"),
        ("1e3", "1e3"), (".5", ".5"), (".nan", ".nan"), (".inf", ".inf"), ("-.inf", "-.inf"),
        ("=", "="), ("12:30:00", "12:30:00"), ("yes", "yes"), ("true", True),
    ],
)  # fmt: skip
def test_a_plain_value_is_the_text_typed_unless_a_plain_integer(typed: str, read) -> None:
    """YAML 1.1 reads 010 as 8, 1:30 as 90, 0x1F as 31, 1_0 as 10 and 2.10 as 2.1: only a
    plain decimal integer (and true/false, null) is read as anything but the text typed."""
    data = native.parse_data(f"a: {typed}\nb: [{typed}]\n", "x.yaml")
    assert data == {"a": read, "b": [read]}
    assert type(data["a"]) is type(read)
    anchored = native.parse_data(f"x: &x 1\na: {typed}\nb: [{typed}]\n", "x.yaml")
    assert anchored == {"x": 1, "a": read, "b": [read]}


def test_a_bool_tag_on_a_name_converts_it_as_typed(run, write_article) -> None:
    """``!!bool`` on a text that is no true/false (a tag pasted on ``publisher: !!bool
    Association``) stopped the converter, an internal error (exit 70): it is the text typed."""
    result = run("convert", write_article(GOOD + "abstract: {en: x}\nvolume: !!bool abc\n"))
    assert result.code == 0, result.err
    assert "internal error" not in result.err


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("!!timestamp 2020-01-02", "2020-01-02"),
        ("!!timestamp 2020-01-02 10:00:00", "2020-01-02 10:00:00"),
        ("!!float .inf", ".inf"), ("!!float .nan", ".nan"), ("!!float 2.10", "2.10"),
        ("!!set {b, a}", ["b", "a"]),
        ("!!int 0x1F", "0x1F"), ("!!int 010", "010"), ("!!int 1_0", "1_0"),
        ("!!int 1:30", "1:30"), ("!!int +3", "+3"), ("!!int abc", "abc"), ("!!int 12", 12),
        ("!!bool true", True), ("!!bool FALSE", False), ("!!bool yes", "yes"),
        ("!!bool Association of Japanologists", "Association of Japanologists"),
    ],
)  # fmt: skip
def test_an_explicit_tag_gives_the_text_typed_or_a_list(typed: str, read) -> None:
    """A date or a set under an explicit tag reached messages as ``datetime.date(2020, 1, 2)``
    or ``{'a', 'b'}``, and ``!!float .inf`` the JATS as "inf": they read as the plain forms
    do (a set as the list of its members, in the order typed). ``!!int`` likewise: a plain
    decimal integer is its number, any other form the text typed (``!!int 0x1F`` read 31,
    ``!!int 010`` 8, and ``!!int abc`` was "malformed input" in Python's words)."""
    data = native.parse_data(f"a: {typed}\nb: [{typed}]\n", "x.yaml")
    assert data == {"a": read, "b": [read]}
    assert type(data["a"]) is type(read)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ('volume: "\\ud800"', "line 5: volume: contains U+D800 (the escape \\ud800), a character "
         "YAML and XML do not allow"),
        ('issue: "1 \\uDFFF"', "line 5: issue: contains U+DFFF (the escape \\uDFFF)"),
        ('issue_title: {en: "x \\U00110000"}', "line 5: en: contains U+110000 (the escape "
         "\\U00110000), no Unicode character"),
        ('keywords:\n  en:\n    - ok\n    - "a \\ud800"', "line 8: keywords: contains U+D800"),
    ],
)  # fmt: skip
def test_an_escape_of_no_character_is_one_line_naming_line_and_key(
    run, write_article, value: str, said: str
) -> None:
    """A double-quoted ``"\\ud800"`` (a lone surrogate: no character) was refused in libyaml's
    words, 'malformed YAML: found invalid Unicode character escape code', naming no field:
    now the line, the key and the character, as a character YAML does not allow is said."""
    result = run("convert", write_article(GOOD + f"abstract: {{en: x}}\n{value}\n"))
    _single_line_error(result, f"article.yaml: {said}")
    assert "escape code" not in result.err


@pytest.mark.parametrize(
    ("key", "shown"),
    [("k\\n2nd line", "'k\\n2nd line'"), ("k\\e[31m", "'k\\x1b[31m'"),
     ("k\\x00", "'k\\x00'"), ("k\\u2028x", "'k\\u2028x'")],
)  # fmt: skip
def test_an_unknown_key_of_control_characters_is_named_in_one_line(
    run, write_article, key: str, shown: str
) -> None:
    """A key typed with an escape of a control character (``"k\\n2nd line": 1``) was printed
    as it is: the message was two lines, or a terminal escape, or a NUL. It is named as Python
    writes such a text, in one line."""
    result = run("convert", write_article(GOOD + f'"{key}": 1\n'))
    _single_line_error(result, f"article.yaml: {shown}: unknown field")
    assert "\x1b" not in result.err and "\x00" not in result.err


def test_an_escaped_surrogate_pair_is_named_as_the_character_it_stands_for(
    run, write_article
) -> None:
    """``"\\ud83d\\ude00"``, a character beyond U+FFFF written as JSON writes it (two UTF-16
    halves), was said as U+D83D 'a character YAML and XML do not allow', as if a lone half were
    typed: the line names the pair and the escape YAML reads it by."""
    result = run("convert", write_article(GOOD + 'abstract: {en: "x \\ud83d\\ude00"}\n'))
    _single_line_error(
        result,
        "article.yaml: line 4: en: contains the escapes \\ud83d\\ude00, a surrogate pair, which "
        "YAML does not join: write \\U0001F600 (or the character itself)",
    )


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("!!seq a", "!!seq is a tag of a list, here on a text"),
        ("!!map a", "!!map is a tag of a mapping, here on a text"),
        ("!!str [a]", "!!str is a tag of a text, here on a list"),
        ("!!int [1]", "!!int is a tag of a text, here on a list"),
        ("!!float {a: 1}", "!!float is a tag of a text, here on a mapping"),
        ("!!null {a: 1}", "!!null is a tag of a text, here on a mapping"),
        ("!!bool [yes]", "!!bool is a tag of a text, here on a list"),
    ],
)
@pytest.mark.parametrize("anchors", [False, True])
def test_a_tag_on_another_kind_of_value_is_one_line_naming_it(
    run, write_article, value: str, said: str, anchors: bool
) -> None:
    """``volume: !!seq a`` stopped the converter, an internal error (exit 70); ``!!map a`` was
    'malformed input' in Python's words, ``!!str [a]`` in libyaml's, naming no field, and
    ``!!null {a: 1}`` dropped the mapping unsaid: each is one line naming the line, the key and
    the tag (with anchors in the file too, read another way)."""
    extra = "x_anchor: &a 1\n" if anchors else ""
    result = run("convert", write_article(GOOD + f"abstract: {{en: x}}\nvolume: {value}\n{extra}"))
    _single_line_error(result, f"article.yaml: line 5: volume: {said}: leave the tag out")


@pytest.mark.parametrize("anchors", [False, True])
def test_binary_is_refused_naming_the_line_and_the_key(run, write_article, anchors) -> None:
    """``!!binary`` (base64 bytes) was decoded and read as the text "hello", or refused in
    Pydantic's words ("unable to parse raw data as a unicode string")."""
    tagged = "&v !!binary aGVsbG8=\nissue: *v" if anchors else "!!binary /w=="
    result = run("convert", write_article(GOOD + f"abstract: {{en: x}}\nvolume: {tagged}\n"))
    _single_line_error(
        result, "article.yaml: line 5: volume: !!binary (base64 bytes) is not read: write the "
    )
    assert "b'" not in result.err and "unicode" not in result.err


def test_json_numbers_keep_the_text_typed() -> None:
    data = native.parse_data('{"volume": 2.10, "issue": 3, "x": 1e3, "y": NaN}', "x.json")
    assert data == {"volume": "2.10", "issue": 3, "x": "1e3", "y": "NaN"}


def test_numbers_with_leading_zeros_reach_the_jats_as_typed(run, write_article, tmp_path) -> None:
    article = write_article(
        GOOD + "volume: 2.10\nissue: 010\nelocation_id: 0123\nids: {publisher_id: 0x1F}\n"
        "funding:\n  - funder: {en: Fund}\n    awards: [0012, 1_0, 1:30]\n"
    )
    result = run("convert", article, "-o", tmp_path / "o")
    assert result.code == 0, result.err
    xml = (tmp_path / "o" / "article.xml").read_text(encoding="utf-8")
    for element in (
        "<volume>2.10</volume>",
        "<issue>010</issue>",
        "<elocation-id>0123</elocation-id>",
        '<article-id pub-id-type="publisher-id">0x1F</article-id>',
        "<award-id>0012</award-id>",
        "<award-id>1_0</award-id>",
        "<award-id>1:30</award-id>",
    ):
        assert element in xml


@pytest.mark.parametrize("name", ["journal.yaml", "journal.json"])
def test_a_float_field_reads_its_number_from_the_text(tmp_path: Path, name: str) -> None:
    """Numbers stay text, and the float field (reference_confidence) reads its number from it:
    the models are not strict. A value out of range is still refused by name."""
    text = "title: {en: J}\nreference_confidence: 0.9\n"
    if name.endswith(".json"):
        text = '{"title": {"en": "J"}, "reference_confidence": 0.9}'
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    journal = native.JournalCache().load(path)
    assert isinstance(journal, Journal)
    assert journal.reference_confidence == 0.9
    bad = native.parse_data("title: {en: J}\nreference_confidence: 1.5\n", "journal.yaml")
    with pytest.raises(native.InputError) as refused:
        native.journal_from_data(bad, "journal.yaml")
    assert refused.value.lines() == [
        "journal.yaml: reference_confidence: 1.5 is out of range: it takes numbers from 0.5 to "
        "0.995 (reference_confidence: 0.9)"
    ]


def test_an_unquoted_arxiv_id_keeps_its_last_zero(run, write_article, tmp_path) -> None:
    """YAML 1.1 read ``arxiv: 2001.01230`` as the number 2001.0123 (refused, to be quoted): the
    text typed is now the value."""
    article = write_article(GOOD + "references:\n  - {text: Smith J. 2020., arxiv: 2001.01230}\n")
    result = run("convert", article, "-o", tmp_path / "o")
    assert result.code == 0, result.err
    xml = (tmp_path / "o" / "article.xml").read_text(encoding="utf-8")
    assert '<pub-id pub-id-type="arxiv">2001.01230</pub-id>' in xml


@pytest.mark.parametrize("form", ["yaml", "json"])
def test_an_unquoted_isbn_is_its_digits(run, write_article, tmp_path, form: str) -> None:
    """An ISBN without hyphens typed unquoted is a whole number to YAML and JSON: it was
    refused ("write it in quotes"), though nothing is lost. Its digits are the ISBN, checked as
    any; a number of other length is told as no ISBN."""
    reference = {"text": "Elaydi S. Finite Difference Equations. Dover, 1992.", "type": "book"}
    if form == "yaml":
        article = write_article(
            GOOD + f"references:\n  - text: {reference['text']}\n    type: book\n"
            "    source: Finite Difference Equations\n    isbn: 9780486672601\n"
        )
    else:
        import json

        data = {
            "title": {"en": "A title"},
            "authors": [{"name": {"surname": "Ivanova", "given": "Anna"}}],
            "references": [
                {**reference, "source": "Finite Difference Equations", "isbn": 9780486672601}
            ],
        }
        article = write_article(json.dumps(data), "article.json")
    result = run("convert", article, "-o", tmp_path / "o")
    assert result.code == 0, result.err
    xml = (tmp_path / "o" / "article.xml").read_text(encoding="utf-8")
    assert "<isbn>9780486672601</isbn>" in xml
    short = write_article(GOOD + "references:\n  - {text: Book. 1992., isbn: 978048667260}\n")
    _single_line_error(
        run("convert", short, "-o", tmp_path / "short"),
        "article.yaml: references[0].isbn: not an ISBN (expected 10 or 13 digits",
    )


# ---------------------------------------------------------------- nesting


TOO_DEEP = "lists or mappings nested more than 100 levels deep: refused"


def _nested(levels: int, style: str) -> str:
    """A ``title`` holding lists or mappings ``levels`` deep (the file's mapping is one more)."""
    if style == "flow":
        return "title: " + "[" * levels + "x" + "]" * levels + "\n"
    if style == "flow-pairs":  # [a: [b: x]]: a list entry 'a: b' is a mapping of its own
        return "title: " + "[a: " * (levels // 2) + "x" + "]" * (levels // 2) + "\n"
    if style == "flow-mapping":
        return "title: " + "{a: " * levels + "x" + "}" * levels + "\n"
    if style == "compact":  # - - - x: block lists begun on their parent's line
        return "title:\n" + "- " * levels + "x\n"
    if style == "indented":  # a mapping per line, each one space further in
        lines = "".join(" " * i + "k:\n" for i in range(1, levels + 1))
        return "title:\n" + lines + " " * (levels + 1) + "x\n"
    if style == "indentless":  # a list under a key at the key's own indentation
        pairs = levels // 2  # (a list and a mapping each; one level fewer when odd)
        lines = ["title:", *(" " * (2 * i) + "- k:" for i in range(pairs))]
        return "\n".join([*lines, " " * (2 * pairs + 2) + "x"]) + "\n"
    if style == "tagged":  # under an explicit tag, built by PyYAML's own constructor
        return "title: !!seq " + "[" * levels + "x" + "]" * levels + "\n"
    if style == "anchored":  # a document with an anchor is built another way
        return "other: &o x\ntitle: " + "[" * levels + "*o" + "]" * levels + "\n"
    raise AssertionError(style)


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


STYLES = ["flow", "flow-mapping", "compact", "indented", "indentless", "tagged", "anchored"]


@pytest.mark.parametrize("style", STYLES)
def test_nesting_100_levels_deep_is_read_and_101_refused_naming_the_field(style: str) -> None:
    text = _nested(99, style)
    data = native.parse_data(text, "x.yaml")
    assert _depth(data) in (99, 100)  # (the file's mapping and 99 levels; indentless: 98)
    deeper = _nested(100 if style != "indentless" else 101, style)
    with pytest.raises(native.InputError) as refused:
        native.parse_data(deeper, "x.yaml")
    assert refused.value.lines() == [f"x.yaml: title: {TOO_DEEP}"]


@pytest.mark.parametrize("style", ["flow", "flow-pairs", "compact", "indented", "indentless"])
def test_the_cheap_nesting_bound_is_never_below_the_nesting(style: str) -> None:
    """``_nesting_bound`` decides whether libyaml's recursive composer may see the text without
    an exact count first: it must never say less than the real depth."""
    for levels in (1, 5, 40, 99, 300, 700):
        text = _nested(levels, style)
        events = __import__("yaml").parse(text, Loader=native._Loader)
        depth = deepest = 0
        for event in events:
            if type(event).__name__ in ("SequenceStartEvent", "MappingStartEvent"):
                depth += 1
                deepest = max(deepest, depth)
            elif type(event).__name__ in ("SequenceEndEvent", "MappingEndEvent"):
                depth -= 1
        assert native._nesting_bound(text.encode()) >= deepest, (style, levels)


def test_aliases_nesting_lists_in_lists_are_refused_past_the_limit() -> None:
    """Each alias is built once: a chain of aliases nests deeper than any node of the file."""
    text = "a: &a " + "[" * 60 + "x" + "]" * 60 + "\nb: " + "[" * 60 + "*a" + "]" * 60 + "\n"
    with pytest.raises(native.InputError) as refused:
        native.parse_data(text, "x.yaml")
    assert refused.value.lines() == [f"x.yaml: b: {TOO_DEEP}"]


@pytest.mark.parametrize(("levels", "field"), [(150, "title: "), (100_000, "")])
def test_deep_json_is_refused(levels: int, field: str) -> None:
    """Past some 1,000 levels the json module stops at Python's recursion limit."""
    text = '{"title": ' + "[" * levels + "]" * levels + "}"
    with pytest.raises(native.InputError) as refused:
        native.parse_data(text, "x.json")
    assert refused.value.lines() == [f"x.json: {field}{TOO_DEEP}"]


@pytest.mark.parametrize("style", ["flow", "flow-pairs", "compact"])
def test_a_file_nesting_30000_levels_is_refused_not_a_crash(tmp_path: Path, style) -> None:
    """libyaml's C composer recursed once per level and the process died (SIGSEGV, exit 139);
    in its own process, so that a crash fails this test rather than the test run."""
    import subprocess
    import sys

    (tmp_path / "journal.yaml").write_text("title: {en: J}\nissn: {print: 2658-6444}\n")
    article = tmp_path / "deep.yaml"
    article.write_text(GOOD.replace("title: {en: A title}\n", _nested(30_000, style)))
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "converter", "convert", str(article), "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    assert result.returncode == EXIT_INPUT, result.stderr[-500:]
    assert result.stderr.strip() == f"{article}: title: {TOO_DEEP}"


def test_a_batch_with_a_deep_file_converts_the_others_and_reports_it(run, tmp_path) -> None:
    """The deep file killed its worker: the batch died with BrokenProcessPool (exit 70) and lost
    its report. It is now one bad input among converted articles."""
    import json

    from conftest import SEED

    source = tmp_path / "in"
    source.mkdir()
    (source / "journal.yaml").write_text(
        (SEED.parent.parent / "journal.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (source / "good.yaml").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    deep = source / "zz_deep.yaml"
    deep.write_text(_nested(30_000, "flow"), encoding="utf-8")
    report = tmp_path / "report.json"
    result = run("batch", source, "-o", tmp_path / "out", "-j", "2", "--report", report)
    assert result.code == EXIT_INPUT, result.err
    assert f"{deep}: title: {TOO_DEEP}" in result.err.splitlines()
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    assert (summary["converted"], summary["bad-input"]) == (1, 1)


# ---------------------------------------------------------------- size


def test_a_string_repeated_by_aliases_is_refused_by_its_characters(run, write_article) -> None:
    """One 100 KB string and 2,000 aliases to it (a 106 KB file) were 200 MB of JATS and 1 GB
    of memory: the node count (2,000 values) never objected. Characters reached through
    aliases count now."""
    text = GOOD + "abstract: {en: &A '" + "word " * 20_000 + "'}\n"
    text += "references: [" + ", ".join(["*A"] * 2_000) + "]\n"
    article = write_article(text)
    result = run("convert", article)
    _single_line_error(
        result,
        f"{article}: more than 10,000,000 characters of text once its aliases are expanded: "
        "refused",
    )


def test_a_field_longer_than_a_million_characters_is_refused_by_name(run, write_article) -> None:
    """A 10.5 MB abstract reached the XML writer, where libxml2 refused it: exit 70, 'internal
    error: XMLSyntaxError … Text node too long'."""
    article = write_article(GOOD + "abstract:\n  en: " + "word " * 210_000 + "\n")
    result = run("convert", article)
    too_long = "1,049,999 characters, more than the 1,000,000 a field may hold: refused"
    _single_line_error(result, f"{article}: abstract.en: {too_long}")
    text = '{"title": {"en": "T"}, "references": ["x", "' + "y" * 1_000_001 + '"]}'
    with pytest.raises(native.InputError) as refused:
        native.parse_data(text, "x.json")
    assert refused.value.lines() == [
        "x.json: references[1]: 1,000,001 characters, more than the 1,000,000 a field may hold: "
        "refused"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "x: !!pairs [{a: *A}, {b: *A}, {c: *A}]\n",  # tuples, not lists
        "x: {*A: 1}\ny: {*A: 2}\nz: {*A: 3}\n",  # keys
    ],
)
def test_aliased_text_is_counted_in_pairs_and_keys_too(monkeypatch, body: str) -> None:
    monkeypatch.setattr(native, "_MAX_TEXT", 250)
    text = "a: &A '" + "z" * 100 + "'\n" + body
    with pytest.raises(native.InputError, match="more than 250 characters of text once its"):
        native.parse_data(text, "x.yaml")


def test_a_long_file_without_aliases_is_walked_for_its_longest_value(monkeypatch) -> None:
    """Without aliases the walk is skipped unless the file is longer than a field may be."""
    monkeypatch.setattr(native, "_MAX_FIELD", 50)
    assert native.parse_data("a: '" + "x" * 40 + "'\n", "x.yaml") == {"a": "x" * 40}
    with pytest.raises(native.InputError, match="a: 60 characters, more than the 50"):
        native.parse_data("a: '" + "x" * 60 + "'\n", "x.yaml")


def test_an_alias_bomb_under_an_explicit_tag_is_refused() -> None:
    """PyYAML's own constructor builds !!pairs (and !!omap, !!set) and follows their aliases:
    a billion laughs there was never walked."""
    pairs = ["{a: &a [x, x, x, x, x, x, x, x, x, x]}"]
    for level in "bcdefgh":
        pairs.append(f"{{{level}: &{level} [{', '.join(['*' + chr(ord(level) - 1)] * 10)}]}}")
    bomb = f"z: !!pairs [{', '.join(pairs)}]\n"
    with pytest.raises(native.InputError) as refused:
        native.parse_data(bomb, "x.yaml")
    assert refused.value.lines() == [
        "x.yaml: more than 200,000 values once its aliases are expanded: refused"
    ]


# ---------------------------------------------------------------- encodings


def test_a_koi8r_article_is_named_as_such_and_the_advice_gives_its_text(run, tmp_path) -> None:
    """KOI8-R was called Windows-1251, and 'iconv -f cp1251' gave 'ъБЗПМПЧПЛ УФБФШЙ' for
    'Заголовок статьи'. KOI8-R is told by its commonest letters."""
    from conftest import BILINGUAL, bilingual_saved_as

    article = bilingual_saved_as(tmp_path, "koi8", "koi8-r")
    result = run("convert", article, "-o", tmp_path / "out")
    _single_line_error(
        result,
        f"{article}: not UTF-8 text (line 7, byte 343): it reads as KOI8-R (Cyrillic); save it "
        "as UTF-8 (e.g. iconv -f koi8-r -t utf-8)",
    )
    title = "Российско-японские отношения: системный кризис или новые возможности?"
    assert title in BILINGUAL.read_text(encoding="utf-8")
    assert title in article.read_bytes().decode("koi8-r")  # what the advice gives
    cp1251 = bilingual_saved_as(tmp_path, "cp", "cp1251")
    _single_line_error(run("convert", cp1251), "it reads as Windows-1251 (Cyrillic)")


@pytest.mark.parametrize(
    "text",
    [
        "Заголовок статьи", "ЗАГОЛОВОК СТАТЬИ", "Москва: Наука, 2016. 320 с.",
        "Российско-японские отношения: системный кризис или новые возможности?",
        "Ещё раз о ёлке", "Наука и жизнь",
    ],
)  # fmt: skip
def test_windows_1251_and_koi8r_are_told_apart(text: str) -> None:
    from converter.readers.encoding import cyrillic_encoding, looks_cp1251

    assert cyrillic_encoding(text.encode("cp1251")) == "cp1251"
    assert cyrillic_encoding(text.encode("koi8-r")) == "koi8-r"
    assert looks_cp1251(text.encode("cp1251")) and not looks_cp1251(text.encode("koi8-r"))


def test_a_koi8r_csv_is_not_read_as_windows_1251(run, tmp_path) -> None:
    """The CSV reader read any Cyrillic single-byte file as Windows-1251 (and said so): KOI8-R
    came out as 'ъБЗПМПЧПЛ'. It is now read as KOI8-R, and said."""
    import shutil

    from conftest import BILINGUAL

    sheet = BILINGUAL.parent.parent / "spreadsheet" / "issue.csv"
    path = tmp_path / "issue.csv"
    path.write_bytes(sheet.read_text(encoding="utf-8").encode("koi8-r", errors="replace"))
    shutil.copy(sheet.parent.parent / "journal.yaml", tmp_path / "journal.yaml")
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert "read as KOI8-R text" in result.err and "Windows-1251 text" not in result.err
    assert "Японские исследования" in next((tmp_path / "out").glob("*.xml")).read_text("utf-8")


# ---------------------------------------------------------------- YAML or JSON


FLOW = "{title: {en: A title}, authors: [{name: {surname: Ivanova, given: Anna}}], volume: 2.10}\n"


@pytest.mark.parametrize("name", ["article.yaml", "article.yml", "article.YAML"])
def test_a_yaml_file_beginning_with_a_flow_mapping_is_yaml(run, write_article, tmp_path, name):
    """'{' begins a YAML flow mapping too: such a file was refused as 'malformed JSON'."""
    article = write_article(FLOW, name=name)
    result = run("convert", article, "-o", tmp_path / "o")
    assert result.code == 0, result.err
    xml = next((tmp_path / "o").glob("*.xml")).read_text(encoding="utf-8")
    assert "<volume>2.10</volume>" in xml


def test_standard_input_is_json_when_it_reads_as_json_else_yaml(run, monkeypatch, tmp_path):
    import io
    import sys

    (tmp_path / "journal.yaml").write_text("title: {en: J}\nissn: {print: 2658-6444}\n")
    monkeypatch.chdir(tmp_path)
    for text in (FLOW, '{"title": {"en": "A title"}, "volume": 2.10}'):
        monkeypatch.setattr(sys, "stdin", io.StringIO(text))
        result = run("convert", "-", "-o", "-")
        assert result.code == 0, result.err
        assert "<volume>2.10</volume>" in result.out
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"title": {"en": "A title"} "volume": 2}'))
    result = run("convert", "-", "-o", "-")
    _single_line_error(result, "<stdin>: line 1: malformed JSON: Expecting ',' delimiter")
    assert native.parse_data('{"a": 1, }', "<stdin>") == {"a": 1}  # (YAML: a trailing comma)


# ---------------------------------------------------------------- merge keys


def test_a_merge_key_gives_the_fields_of_the_mapping_it_names(run, write_article, tmp_path):
    """'<<: *moscow' was 'could not determine a constructor for the tag …merge'."""
    article = write_article(
        GOOD + "    affiliations: [aff1, aff2]\n"
        "affiliations:\n"
        "  - &moscow {id: aff1, institution: {en: Moscow State University}, country: RU}\n"
        "  - <<: *moscow\n"
        "    id: aff2\n"
        "    department: {en: Faculty of Physics}\n"
    )
    result = run("convert", article, "-o", tmp_path / "o")
    assert result.code == 0, result.err
    xml = (tmp_path / "o" / "article.xml").read_text(encoding="utf-8")
    assert xml.count("Moscow State University") == 2 and "Faculty of Physics" in xml


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("d: &d {a: 1, b: 2}\nx: {<<: *d, b: 3}\n", {"a": 1, "b": 3}),  # the mapping's own wins
        ("x:\n  b: 3\n  <<: {a: 1, b: 2}\n", {"a": 1, "b": 3}),  # wherever it is
        ("p: &p {k: p}\nq: &q {k: q, y: 2}\nx: {<<: [*p, *q]}\n", {"k": "p", "y": 2}),  # first
        ("p: &p {k: p}\nq: &q {k: q}\nx:\n  <<: *p\n  <<: *q\n", {"k": "q"}),  # the later key
        ("x: {'<<': text}\n", {"<<": "text"}),  # quoted: a key like any other
        ("x: {a: <<}\n", {"a": "<<"}),  # a value: text
        ("d: &d {a: 1}\nx: !!map {<<: *d, b: 2}\n", {"a": 1, "b": 2}),
    ],
)
def test_merge_keys_read_as_yaml_defines_them(text: str, read: dict) -> None:
    assert native.parse_data(text, "x.yaml")["x"] == read


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("x:\n  <<: 5\n", "line 2: a merge key (<<) takes a mapping or a list of them"),
        ("x:\n  <<: {a: 1}\n  a: 2\n  a: 3\n", "line 4: key 'a' given twice"),
    ],
)  # fmt: skip
def test_a_bad_merge_is_one_line(text: str, line: str) -> None:
    with pytest.raises(native.InputError) as refused:
        native.parse_data(text, "x.yaml")
    assert refused.value.lines() == [f"x.yaml: malformed input: {line}"]


def test_merges_copying_too_many_values_are_refused_as_they_are_copied() -> None:
    """300 merges of a 1,000-field mapping: 300,000 values from a 30 KB file."""
    fields = ", ".join(f"f{i}: {i}" for i in range(1_000))
    text = f"d: &d {{{fields}}}\nx:\n" + "".join(f"  - {{<<: *d, n: {i}}}\n" for i in range(300))
    with pytest.raises(native.InputError) as refused:
        native.parse_data(text, "x.yaml")
    assert refused.value.lines() == [
        "x.yaml: more than 200,000 values once its aliases are expanded: refused"
    ]


# ---------------------------------------------------------------- UTF-16 without its mark


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text", ["language: ru\ntitle: {ru: Заголовок статьи}\n", "Заголовок: статьи\n"]
)
def test_utf16_without_its_mark_and_cyrillic_early_is_named(run, write_article, codec, text):
    """A Cyrillic letter in UTF-16 (0x17 0x04 for 'З') is valid UTF-8 too, so the file read as
    UTF-8 and was refused as containing U+0000 (or U+0017), without the UTF-16 the README
    promises to name."""
    article = write_article(GOOD)
    article.write_bytes(text.encode(codec))
    result = run("convert", article)
    first = text.encode(codec).decode("utf-8")
    char = next(c for c in first if c < " " and c != "\n")
    _single_line_error(
        result,
        f"{article}: line 1: contains U+{ord(char):04X}, a character YAML and XML do not allow; "
        "it looks like UTF-16 without a byte-order mark: save it as UTF-8 "
        f"(e.g. iconv -f {codec.replace('-16-', '-16')} -t utf-8)",
    )


def test_a_stray_zero_byte_in_utf8_is_not_called_utf16(run, write_article) -> None:
    article = write_article("title: {en: A\0title}\n" + GOOD.split("\n", 1)[1])
    result = run("convert", article)
    _single_line_error(result, "line 1: contains U+0000, a character YAML and XML do not allow")
    assert "UTF-16" not in result.err


def test_a_control_character_after_cyrillic_text_is_on_its_own_line() -> None:
    """libyaml gives the byte of the UTF-8 it reads: counted as characters, a line with Cyrillic
    before the character put it further down (line 9 for line 8)."""
    text = "title: {ru: Заголовок статьи длинный очень}\nb: x\n" + "c: y\n" * 5 + "d: \x00\n"
    with pytest.raises(native.InputError) as refused:
        native.parse_data(text, "x.yaml")
    assert refused.value.lines() == [
        "x.yaml: line 8: contains U+0000, a character YAML and XML do not allow"
    ]


def test_abstract_keywords_and_subjects_without_a_language_are_the_main_languages(
    run, write_article, tmp_path
) -> None:
    """As a plain string is for a title: an abstract typed as text, keywords and subjects as a
    list or one string, without a language, are in the article's main language. They were
    refused ("Input should be a valid dictionary"), though the model's docstring promised it."""
    article = write_article(
        GOOD + "abstract: A plain abstract.\nkeywords: [Japan, Russia]\nsubjects: Politics; Asia\n"
    )
    result = run("convert", article, "-o", tmp_path / "o")
    assert result.code == 0, result.err
    xml = (tmp_path / "o" / "article.xml").read_text(encoding="utf-8")
    assert "<abstract>\n        <p>A plain abstract.</p>" in xml
    assert "<kwd>Japan</kwd>" in xml and "<kwd>Russia</kwd>" in xml
    assert "<subject>Politics</subject>" in xml and "<subject>Asia</subject>" in xml
