"""Hostile and odd input the readers of other people's files meet: entity bombs in every XML
reader and in XHTML, UTF-16 text without its mark, a root or a meta tag past the first bytes,
and one field of megabytes. Each is one line naming the file (and field), exit 3, never a
traceback; in a batch the other files go on.
"""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from conftest import SEED
from converter.errors import EXIT_INPUT
from converter.readers import detect_format, read_source
from converter.readers.base import ReadContext
from converter.readers.sniffing import LIMIT

SEED_JOURNAL = SEED.parent.parent / "journal.yaml"

LAUGHS = '<!ENTITY l0 "lol">' + "".join(
    f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
)
# The quadratic blow-up: no nesting, one 50 KB entity used 50,000 times (2.5 GB expanded).
QUADRATIC = '<!ENTITY big "' + "x" * 50_000 + '">'
BOMBS = {"billion-laughs": (LAUGHS, "&l9;"), "quadratic": (QUADRATIC, "&big;" * 50_000)}

# One file of each reader, with USE where a field's text goes.
DOCUMENTS = {
    "jats": (
        "article",
        '<article xmlns:xlink="http://www.w3.org/1999/xlink" dtd-version="1.3"><front>'
        "<article-meta><title-group><article-title>T USE</article-title></title-group>"
        "</article-meta></front></article>",
    ),
    "nlm": (
        'article PUBLIC "-//NLM//DTD Journal Publishing DTD v3.0 20080202//EN" '
        '"journalpublishing3.dtd"',
        "<article><front><article-meta><title-group><article-title>T USE</article-title>"
        "</title-group></article-meta></front></article>",
    ),
    "ojs": (
        "article",
        '<article xmlns="http://pkp.sfu.ca" locale="en_US"><title locale="en_US">T USE</title>'
        "</article>",
    ),
    "crossref": (
        "doi_batch",
        '<doi_batch xmlns="http://www.crossref.org/schema/5.3.1" version="5.3.1"><head>'
        "<doi_batch_id>USE</doi_batch_id></head><body/></doi_batch>",
    ),
    "doaj": ("records", "<records><record><title>T USE</title></record></records>"),
    "html": (
        "html",
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><meta name="citation_title" '
        'content="T USE"/><meta name="citation_doi" content="10.5555/x"/></head><body/></html>',
    ),
}


def _one_line(result, code: int = EXIT_INPUT) -> str:
    assert result.code == code, result.err
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    return lines[0]


def _bomb(tmp_path: Path, reader: str, bomb: str) -> Path:
    doctype, body = DOCUMENTS[reader]
    dtd, use = BOMBS[bomb]
    path = tmp_path / f"{reader}-{bomb}.{'html' if reader == 'html' else 'xml'}"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE {doctype} [{dtd}]>\n'
        + body.replace("USE", use),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("bomb", sorted(BOMBS))
@pytest.mark.parametrize("reader", sorted(DOCUMENTS))
def test_an_entity_bomb_is_refused_in_the_projects_words(
    run, tmp_path: Path, reader: str, bomb: str
) -> None:
    source = _bomb(tmp_path, reader, bomb)
    started = time.monotonic()
    result = run("convert", source, "-o", tmp_path / "out", "--journal", SEED_JOURNAL)
    assert time.monotonic() - started < 10
    line = _one_line(result)
    assert line.startswith(f"{source}: line ")
    assert line.endswith(
        "entity expansion beyond the parser's bound for a file of its size (an entity bomb: "
        "the DOCTYPE's entities nest or repeat): refused"
    )
    assert "xmlCtxt" not in line and "amplification" not in line  # (libxml2's own words)
    assert not list(tmp_path.glob("out/*.xml"))


def test_an_entity_bomb_in_a_batch_leaves_the_others_converted(run, tmp_path: Path) -> None:
    bomb = _bomb(tmp_path, "jats", "quadratic")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = run("batch", bomb, SEED, "-o", tmp_path / "out", "-q")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert result.code == EXIT_INPUT
    assert "Traceback" not in result.err
    assert f"{bomb}: line 3: entity expansion beyond" in result.err
    assert [p.name for p in (tmp_path / "out").glob("*.xml")] == ["rjr-1-1-110.xml"]
    assert grown_mb < 200


# ------------------------------------------------------------------ UTF-16 without its mark


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
def test_a_utf16_txt_sheet_without_its_mark_is_read_as_one_with_it(
    run, tmp_path: Path, codec: str
) -> None:
    """Excel's "Unicode Text" saved by a tool that drops the mark: a zero byte beside every
    ASCII letter, which UTF-8 reads too, so its columns were 't\\x00i\\x00t\\x00l\\x00e…':
    unknown. It is read as the marked one is, its byte order said."""
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    sheet = tmp_path / "issue.txt"
    sheet.write_bytes(
        "language\ttitle:ru\ttitle:en\tvolume\nru\tЯпония и мир\tJapan and the world\t2\n".encode(
            codec
        )
    )
    result = run("batch", sheet, SEED, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert "unknown column" not in result.err and "\\x00" not in result.err
    order = {"utf-16-le": "little-endian", "utf-16-be": "big-endian"}.get(codec)
    said = f"UTF-16 ({order}, without its byte-order mark)" if order else "UTF-16"
    assert f"{sheet}: read as {said} text with columns separated by tabs" in result.err
    written = [p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.xml")]
    assert len(written) == 2
    assert sum("Япония и мир" in text for text in written) == 1


# ------------------------------------------------------------------ a start past the first bytes

BARE_JATS = (
    "<article><front><article-meta><title-group><article-title>T</article-title></title-group>"
    "</article-meta></front></article>"
)
META = (
    '<meta name="citation_title" content="A late title"><meta name="citation_doi" '
    'content="10.5555/x"><meta name="citation_volume" content="2">'
)


def _comment_of(total: int) -> str:
    """A comment ``total`` characters long, closing marks included."""
    return "<!--" + "x" * (total - 7) + "-->"


@pytest.mark.parametrize(
    ("before", "found"),
    [
        (_comment_of(LIMIT - 200), "jats"),  # the root within the first 1 MB
        (_comment_of(LIMIT + 10), "unknown-xml"),  # past it
        ("<?pi x?>\n" * (LIMIT // 9 - 200), "jats"),
        ("<!DOCTYPE article [" + "<!ATTLIST article a CDATA #IMPLIED>" * 20_000 + "]>", "jats"),
    ],
    ids=["comment-within", "comment-past", "instructions", "doctype-subset"],
)
def test_a_jats_root_after_a_long_prolog_is_found_within_a_megabyte(
    tmp_path: Path, before: str, found: str
) -> None:
    source = tmp_path / "article.xml"
    source.write_text(f'<?xml version="1.0"?>\n{before}\n{BARE_JATS}', encoding="utf-8")
    assert detect_format(source) == found


def test_a_root_past_the_megabyte_is_said_so(run, tmp_path: Path) -> None:
    source = tmp_path / "article.xml"
    source.write_text(_comment_of(LIMIT + 10) + BARE_JATS, encoding="utf-8")
    line = _one_line(run("convert", source, "-o", tmp_path / "out"))
    assert line.startswith(
        f"{source}: XML with no element in its first 1 MB (comments, a DOCTYPE or processing "
        "instructions longer than that before its root): not a format jatsconv reads"
    )


PAGES = {
    # a licence comment past the first 4 KB, then HTML5's lower-case doctype XML refuses
    "comment-then-doctype": _comment_of(10_000)
    + "\n<!doctype html>\n<html lang=en><head>"
    + META
    + "</head><body><p>x</p></body></html>",
    "blanks-then-doctype": " " * 5000
    + "<!doctype html><html lang=en><head>"
    + META
    + "</head><body><p>x</p></body></html>",
    # no <html> nor doctype: a saved head whose scripts fill more than the first bytes
    "long-head": "<head>"
    + "<script>if (a < b) go();</script>\n" * 2000
    + META
    + "</head><body><p>x</p></body>",
}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_page_whose_signs_come_late_is_read_as_a_page(run, tmp_path: Path, page: str) -> None:
    """Saved without its .html ending (a CMS's 'article.php', standard input): told by its
    content, which began past the first 4 KB read."""
    source = tmp_path / "article.php"
    source.write_text(PAGES[page], encoding="utf-8")
    result = run("batch", source, SEED, "-o", tmp_path / "out", "--journal", SEED_JOURNAL, "-q")
    assert result.code == 0, result.err
    written = [p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.xml")]
    assert len(written) == 2
    assert sum("<article-title>A late title</article-title>" in text for text in written) == 1


@pytest.mark.parametrize(("at", "found"), [(LIMIT - 300, "html"), (LIMIT + 10, "unknown-xml")])
def test_a_citation_tag_is_looked_for_within_a_megabyte(
    tmp_path: Path, at: int, found: str
) -> None:
    source = tmp_path / "article.php"
    filler = "<head>" + "<script>go();</script>\n" * (at // 23)
    source.write_text(filler + " " * (at - len(filler)) + META + "</head>", encoding="utf-8")
    assert detect_format(source) == found


# ------------------------------------------------------------------ one field of megabytes

# Where each reader's field is named, and its length: 'T ' and the 5,000,000 characters
# (the Crossref batch id has no 'T ').
FIELD_NAMED = {
    "jats": "line 3: <article-title> in <title-group>: 5,000,002",
    "nlm": "line 3: <article-title> in <title-group>: 5,000,002",
    "ojs": "line 3: <title> in <article>: 5,000,002",
    "crossref": "line 3: <doi_batch_id> in <head>: 5,000,000",
    "doaj": "line 3: <title> in <record>: 5,000,002",
    "html": 'line 2: <meta name="citation_title">: 5,000,002',
}


def _with_field(tmp_path: Path, reader: str, text: str) -> Path:
    doctype, body = DOCUMENTS[reader]
    path = tmp_path / f"{reader}-long.{'html' if reader == 'html' else 'xml'}"
    declaration = "" if reader == "html" else '<?xml version="1.0" encoding="UTF-8"?>\n'
    prolog = f"<!DOCTYPE {doctype}>" if reader == "nlm" else ""
    path.write_text(f"{declaration}{prolog}\n" + body.replace("USE", text), encoding="utf-8")
    return path


@pytest.mark.parametrize("reader", sorted(DOCUMENTS))
def test_a_field_of_five_megabytes_is_refused_as_in_yaml(run, tmp_path: Path, reader: str) -> None:
    source = _with_field(tmp_path, reader, "A" * 5_000_000)
    result = run("batch", source, SEED, "-o", tmp_path / "out", "--journal", SEED_JOURNAL, "-q")
    assert result.code == EXIT_INPUT
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert lines == [
        f"{source}: {FIELD_NAMED[reader]} characters, more than the 1,000,000 a field may "
        "hold: refused"
    ]
    assert [p.name for p in (tmp_path / "out").glob("*.xml")] == ["rjr-1-1-110.xml"]


@pytest.mark.parametrize("reader", ["jats", "html"])
def test_a_field_of_a_million_characters_is_not_refused_for_its_length(
    tmp_path: Path, reader: str
) -> None:
    source = _with_field(tmp_path, reader, "A" * (1_000_000 - 2))  # 'T ' before it
    (loaded,) = read_source(source, None, ReadContext(journal=None))
    assert not any("a field may hold" in p for p in loaded.problems), loaded.problems


def test_a_long_field_in_cdata_is_refused_too(run, tmp_path: Path) -> None:
    """CDATA may hold '<', which no other text may: a long one is looked for all the same."""
    source = _with_field(tmp_path, "jats", "<![CDATA[" + "a < b; " * 300_000 + "]]>")
    line = _one_line(run("convert", source, "-o", tmp_path / "out"))
    assert line == (
        f"{source}: line 3: <article-title> in <title-group>: 2,100,002 characters, more than "
        "the 1,000,000 a field may hold: refused"
    )
