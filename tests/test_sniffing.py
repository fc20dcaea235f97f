"""Telling an XML file's format by its root element as a parser finds it (``sniffing``), not by
its first 4 KB: a DOAJ file, a Crossref deposit, an OJS export, a JATS article or a landing
page whose root comes after a long comment or many namespace declarations converts without
``--from``, and a tag inside a comment is no root."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SAMPLES
from converter.api import render
from converter.errors import EXIT_INPUT
from converter.options import Options
from converter.readers import ReadContext, detect_format, read_source

SEED = SAMPLES / "japanese-studies-in-russia" / "2018-3" / "streltsov-6.yaml"
# A comment longer than the 4 KB the sniffers once looked at (a licence, an export's notes).
LONG_COMMENT = "<!-- " + "Exported for the archive; " * 400 + "-->\n"


def _source(fmt: str) -> str:
    """A file of format ``fmt`` as the project's samples and writers give it."""
    if fmt in ("crossref", "doaj"):
        [loaded] = read_source(SEED, None, ReadContext())
        assert loaded.article is not None, loaded.problems
        output = render(loaded.article, Options(target=fmt), f"a.{fmt}.xml")
        assert output.data, output.problems
        return output.data.decode("utf-8")
    path = {
        "jats": SAMPLES / "japanese-studies-in-russia" / "2018-3" / "streltsov-6.xml",
        "ojs": SAMPLES / "ojs" / "2019-1" / "issue.xml",
        "html": SAMPLES / "html" / "2018-1" / "streltsov-110.html",
    }[fmt]
    return path.read_text(encoding="utf-8")


def _after_declaration(text: str, prolog: str) -> str:
    """``text`` with ``prolog`` put after its XML declaration (or first, with none)."""
    declaration = re.match(r"<\?xml[^>]*\?>\s*", text)
    at = declaration.end() if declaration else 0
    return text[:at] + prolog + text[at:]


FORMATS = ["crossref", "doaj", "ojs", "jats", "html"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_root_after_a_long_comment_is_found(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "source.xml"  # (the name tells nothing)
    source.write_text(_after_declaration(_source(fmt), LONG_COMMENT), encoding="utf-8")
    assert source.read_bytes().find(b"<", len(LONG_COMMENT)) > 4096
    assert detect_format(source) == fmt


@pytest.mark.parametrize("fmt", FORMATS)
def test_utf16_without_its_mark_but_declared_is_told_by_its_root(tmp_path: Path, fmt: str):
    """XML in UTF-16 without a byte-order mark but with its declaration, which XML readers
    read: ``--from`` read it, and without it the file was 'XML with no element in its start',
    or 'not UTF-8 text'."""
    text = _source(fmt)
    if not text.startswith("<?xml"):
        text = '<?xml version="1.0" encoding="UTF-16"?>\n' + text
    text = re.sub(r'encoding="[^"]*"', 'encoding="UTF-16"', text, count=1)
    for codec in ("utf-16-le", "utf-16-be"):
        source = tmp_path / f"{codec}.xml"
        source.write_bytes(text.encode(codec))
        assert detect_format(source) == fmt, codec


def test_a_doaj_file_with_its_record_after_a_comment_converts(run, tmp_path: Path) -> None:
    source = tmp_path / "records.xml"
    source.write_text(_after_declaration(_source("doaj"), LONG_COMMENT), encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert [p.name for p in (tmp_path / "out").glob("*.xml")] == ["records-1.xml"]


def test_a_tag_inside_a_comment_is_no_root(tmp_path: Path) -> None:
    """A comment that begins a DOAJ file naming '<article>' (and running past 4 KB) was taken
    for a JATS article's root."""
    source = tmp_path / "records.xml"
    prolog = "<!-- converted from <article> records; " + "x" * 5000 + " -->\n"
    source.write_text(_after_declaration(_source("doaj"), prolog), encoding="utf-8")
    assert detect_format(source) == "doaj"


def test_entities_before_the_first_record_are_not_expanded_to_tell_it(run, tmp_path) -> None:
    """The root is found with the parser every reader uses (no entity expanded, no DTD or
    network read): a DOCTYPE's entities, an entity bomb among them, are told as DOAJ's and
    refused by its reader, as with --from doaj."""
    bomb = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    source = tmp_path / "records.xml"
    source.write_text(
        f"<!DOCTYPE records [{bomb}]><records>&l9;{_source('doaj').split('<records>')[1]}",
        encoding="utf-8",
    )
    assert detect_format(source) == "doaj"
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == EXIT_INPUT
    assert "entities" in result.err and "Traceback" not in result.err


@pytest.mark.parametrize("fmt", ["crossref", "doaj", "ojs", "jats"])
@pytest.mark.parametrize("given", [None, "named"])
def test_utf16_without_its_mark_or_a_declaration_is_named_with_iconv(
    run, tmp_path: Path, fmt: str, given: str | None
) -> None:
    """Without its mark or a declaration XML cannot tell UTF-16 (the parser stopped at the
    first zero byte, 'not well-formed: Invalid character: Char 0x0', or 'Document is empty'):
    the file is named as UTF-16, with the command for its byte order, told or not --from."""
    text = re.sub(r"<\?xml[^>]*\?>\s*", "", _source(fmt))
    for codec, order in (("utf-16-le", "utf-16le"), ("utf-16-be", "utf-16be")):
        source = tmp_path / f"{codec}.xml"
        source.write_bytes(text.encode(codec))
        result = run("convert", source, "-o", tmp_path / "out", *(("--from", fmt) if given else ()))
        assert result.code == EXIT_INPUT
        assert result.err.splitlines()[0] == (
            f"{source}: not UTF-8 text: it looks like UTF-16 without a byte-order mark: save it "
            f"as UTF-8 (e.g. iconv -f {order} -t utf-8)"
        )


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("mark", ["utf-8-sig", "utf-16"])
def test_a_file_with_a_byte_order_mark_reads_as_without(run, tmp_path, fmt, mark) -> None:
    """UTF-8's byte-order mark (Windows Notepad) and UTF-16 with its mark: the same output,
    told or not --from, never 'not a … file'."""
    text = _source(fmt)
    plain, marked = tmp_path / "plain.xml", tmp_path / "marked.xml"
    plain.write_text(text, encoding="utf-8")
    if mark == "utf-16":
        text = re.sub(r'encoding="[^"]*"', 'encoding="UTF-16"', text, count=1)
    marked.write_bytes(text.encode(mark))
    (tmp_path / "journal.yaml").write_bytes((SAMPLES / "ojs" / "journal.yaml").read_bytes())
    want = run("convert", plain, "-o", tmp_path / "want", "--no-validate")
    assert want.code == 0, want.err
    for given in ((), ("--from", fmt)):
        out = tmp_path / f"got{len(given)}"
        got = run("convert", marked, "-o", out, "--no-validate", *given)
        assert got.code == 0, got.err
        assert sorted(p.name.replace("marked", "plain") for p in out.glob("*.xml")) == sorted(
            p.name for p in (tmp_path / "want").glob("*.xml")
        )
        for path in out.glob("*.xml"):
            name = path.name.replace("marked", "plain")
            assert path.read_bytes() == (tmp_path / "want" / name).read_bytes()


@pytest.mark.parametrize(
    "root",
    [
        "<doi_records><doi_record><crossref>",  # unixref, as doi.org gives it
        '<crossref_result xmlns="http://www.crossref.org/qrschema/3.0" version="3.0">',  # unixsd
    ],
)
def test_a_crossref_record_after_a_long_comment_is_crossref(tmp_path: Path, root: str) -> None:
    source = tmp_path / "record.xml"
    source.write_text(f'<?xml version="1.0"?>\n{LONG_COMMENT}{root}', encoding="utf-8")
    assert detect_format(source) == "crossref"


@pytest.mark.parametrize("fmt", ["doaj", "jats"])
@pytest.mark.parametrize("blank", [" ", "\n", " \n", "\t"])
def test_utf8_xml_after_blank_lines_is_not_taken_for_utf16(tmp_path: Path, fmt, blank) -> None:
    """A page's worth of blanks before the root (a PHP export prints them) pair up into
    printable characters read as UTF-16 ('  ' is U+2020): UTF-8 XML with no zero byte was
    taken for UTF-16 without its mark and read as YAML, 'not a mapping of fields'."""
    text = re.sub(r"<\?xml[^>]*\?>\s*", "", _source(fmt))
    source = tmp_path / "source.xml"
    source.write_text(blank * 200 + text, encoding="utf-8")
    assert detect_format(source) == fmt
    [loaded] = read_source(source, None, ReadContext())
    assert loaded.article is not None, loaded.problems


@pytest.mark.parametrize(
    "note",
    [
        '<!-- made from the deposit <doi_batch xmlns="http://www.crossref.org/schema/5.3.1"> -->',
        '<!-- from the OJS export <issues xmlns="http://pkp.sfu.ca"> -->',
        '<!-- from OJS 2: <issue published="true"> -->',
    ],
)
def test_another_formats_tag_in_a_comment_does_not_take_a_jats_file(tmp_path, note) -> None:
    """A JATS article whose opening comment names the Crossref deposit or OJS export it was
    made from is JATS, as its root says: the Crossref and OJS sniffers still searched the
    first 4 KB for their tags, comments included, and it was read as a deposit or export."""
    source = tmp_path / "source.xml"
    source.write_text(_after_declaration(_source("jats"), note + "\n"), encoding="utf-8")
    assert detect_format(source) == "jats"
    [loaded] = read_source(source, None, ReadContext())
    assert loaded.article is not None, loaded.problems
