"""Messages for people who do not read DTDs, and outputs that never lie.

Each rough edge a new user met has a test of its new message: DTD content models rewritten as
what to do (the raw message kept in --json), ``check`` on files that are not JATS, no ``:0:0``
and no path of a file that was never written, a stray ``&``, and an earlier output removed when
the article is rejected this time.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import BILINGUAL, SEED
from converter.messages import dtd_message, shorten

SEED_XML = SEED.with_suffix(".xml")


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("JATSCONV_CROSSREF_SCHEMA", raising=False)
    monkeypatch.delenv("JATSCONV_DOAJ_SCHEMA", raising=False)


def _seed_with(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "article.xml"
    path.write_text(change(SEED_XML.read_text(encoding="utf-8")), encoding="utf-8")
    return path


# ------------------------------------------------------------------ DTD content models


def test_element_out_of_order_says_what_to_move(tmp_path: Path, run, store) -> None:
    def move_volume_after_fpage(text: str) -> str:
        volume = re.search(r"<volume>.*?</volume>", text)
        assert volume
        text = text.replace(volume.group(0), "", 1)
        moved = volume.group(0)
        return re.sub(r"(<fpage>.*?</fpage>)", lambda m: m.group(1) + moved, text, count=1)

    path = _seed_with(tmp_path, move_volume_after_fpage)
    result = run("validate", path)
    assert result.code == 1
    (line,) = result.out.splitlines()
    assert re.search(r"article\.xml:\d+:\d+: error: <volume> must come before <\w+> in "
                     r"<article-meta>$", line)  # fmt: skip
    assert "expecting (" not in line and len(line) < 200
    payload = json.loads(run("validate", path, "--json").out)
    (problem,) = payload[0]["problems"]
    assert problem["message"].startswith("<volume> must come before")
    assert "does not follow the DTD, expecting (article-id*" in problem["raw"]


def test_missing_required_element_says_what_to_add(tmp_path: Path, run, store) -> None:
    path = _seed_with(
        tmp_path, lambda t: re.sub(r"<title-group>.*?</title-group>", "", t, count=1, flags=re.S)
    )
    result = run("validate", path)
    assert result.code == 1
    assert "error: <article-meta> needs a <title-group>: add one" in result.out


def test_content_model_cases() -> None:
    model = "Element p content does not follow the DTD, expecting (a , b? , (c | d)* , e+), got "
    assert dtd_message(model + "(a e c )") == "<c> must come before <e> in <p>"
    assert dtd_message(model + "(a c )") == "<p> needs a <e>: add one"
    assert dtd_message(model + "(a b b e )") == "<p> takes only one <b>: remove the others"
    assert dtd_message(model + "(a x e )") == (
        "<x> is not allowed in <p>: remove it or move it where it belongs"
    )
    assert dtd_message("No declaration for element foo") is None


# ------------------------------------------------------------------ check on other files


def test_check_names_files_that_are_not_jats(tmp_path: Path, run) -> None:
    """Each file is named with the command that takes it, the file as it was given: a bare
    name sent the user to a file that is not in their folder (``check issue/a.yaml`` said
    ``jatsconv convert a.yaml``)."""
    crossref = tmp_path / "a.crossref.xml"
    doaj = tmp_path / "a.doaj.xml"
    for target, path in (("crossref", crossref), ("doaj", doaj)):
        result = run("convert", BILINGUAL, "--to", target, "-o", tmp_path)
        assert result.code == 0, result.err
        (tmp_path / f"streltsov-6.{target}.xml").rename(path)
    cases = {
        BILINGUAL: "this is an article input file (YAML), not JATS: convert it with "
        f"'jatsconv convert {BILINGUAL}'",
        crossref: "this is a Crossref deposit (doi_batch), not JATS: check it against "
        f"Crossref's schema with 'jatsconv deposit crossref {crossref} --dry-run",
        doaj: "this is DOAJ article XML (records), not JATS: check it against DOAJ's schema "
        f"with 'jatsconv deposit doaj {doaj} --dry-run",
    }
    for path, message in cases.items():
        result = run("check", path, "--profile", "crossref")
        assert result.code == 3, result.out
        (line,) = result.out.splitlines()
        assert line.startswith(f"{path}: error: {message}")
        assert "Start tag expected" not in line and ":0:0" not in line
        assert "not checked" in result.err
        result = run("validate", path)  # validate says the same (exit 3: not checked)
        assert result.code == 3 and result.out.startswith(f"{path}: error: {message}")


def test_an_ojs_export_of_one_article_is_named_as_such(tmp_path: Path, run) -> None:
    """OJS exports one article as an <article> root in the PKP namespace: validate called it
    "a publisher's own XML, such as Elsevier's"; it is named as the OJS export it is."""
    export = tmp_path / "one.xml"
    export.write_text(
        '<?xml version="1.0"?>\n<article xmlns="http://pkp.sfu.ca" locale="en">'
        '<publication locale="en" version="1"><title locale="en">T</title></publication>'
        "</article>\n",
        encoding="utf-8",
    )
    result = run("validate", export)
    assert result.code == 3
    assert result.out.startswith(
        f"{export}: error: this is an OJS native export, not JATS: convert it with "
        f"'jatsconv convert {export}' (one JATS file per article)"
    )


def test_the_command_shown_for_a_file_that_is_not_jats_runs_from_where_the_user_is(
    tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check issue/a.yaml`` told the user to run ``jatsconv convert a.yaml``, a file not in
    their folder; the command names the file as given, quoted for the shell when it must be."""
    folder = tmp_path / "issue 3"
    folder.mkdir()
    (folder / "a.yaml").write_text("title: T\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", "issue 3/a.yaml")
    assert result.code == 3
    assert result.out.startswith(
        "issue 3/a.yaml: error: this is an article input file (YAML), not JATS: convert it "
        """with 'jatsconv convert "issue 3/a.yaml"' and check the result"""
    )


# ------------------------------------------------------------------ a stray &


def test_stray_ampersand_is_not_well_formed(tmp_path: Path, run, store) -> None:
    path = _seed_with(
        tmp_path, lambda t: t.replace("</article-title>", " & more</article-title>", 1)
    )
    for command in ("validate", "check"):
        result = run(command, path)
        assert result.code == 3
        assert "not well-formed: a bare '&' (write &amp;" in result.out
        assert "entity expansion" not in result.out


# ------------------------------------------------------------------ no :0:0, no phantom paths


def test_unwritten_output_problem_names_the_source(tmp_path: Path, run) -> None:
    article = tmp_path / "a.yaml"
    text = BILINGUAL.read_text(encoding="utf-8")
    article.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("url:")) + "\n",
        encoding="utf-8",
    )
    shutil.copy(BILINGUAL.parent.parent / "journal.yaml", tmp_path / "journal.yaml")
    result = run("convert", article, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 1
    assert f"{article}: error: url: Crossref output needs the article's landing page URL" in (
        result.err
    )
    assert ":0:0" not in result.err and "a.crossref.xml" not in result.err


# ------------------------------------------------------------------ outputs never lie


def test_rejected_article_removes_its_earlier_output(tmp_path: Path, run) -> None:
    article = tmp_path / "a.yaml"
    good = BILINGUAL.read_text(encoding="utf-8")
    article.write_text(good, encoding="utf-8")
    shutil.copy(BILINGUAL.parent.parent / "journal.yaml", tmp_path / "journal.yaml")
    output = tmp_path / "a.crossref.xml"
    assert run("convert", article, "--to", "crossref").code == 0 and output.is_file()
    # The DOI is taken out: the conversion is rejected, and the old deposit must not remain.
    article.write_text(
        "\n".join(line for line in good.splitlines() if not line.startswith("doi:")) + "\n",
        encoding="utf-8",
    )
    result = run("convert", article, "--to", "crossref")
    assert result.code == 1
    assert f"{article}: error: doi: Crossref output needs the article's DOI" in result.err
    # no DTD, schema or profile refused it (the line said so): the DOI is missing
    assert f"{article}: output rejected (not written; earlier output removed: {output})" in (
        result.err
    )
    assert not output.exists()
    payload = json.loads(run("convert", article, "--to", "crossref", "--json").out)
    assert "earlier_output_removed" not in payload[0]  # nothing left to remove the second time
    # Input that cannot be read at all removes it too.
    article.write_text(good, encoding="utf-8")
    assert run("convert", article, "--to", "crossref").code == 0 and output.is_file()
    article.write_text("title: [unclosed\n", encoding="utf-8")
    result = run("convert", article, "--to", "crossref", "--json")
    assert result.code == 3
    assert json.loads(result.out)[0]["earlier_output_removed"] == str(output)
    assert not output.exists()
    # A rerun that succeeds writes it again.
    article.write_text(good, encoding="utf-8")
    assert run("convert", article, "--to", "crossref").code == 0 and output.is_file()


# ------------------------------------------------------------------ CSV from Russian Excel

SHEET = BILINGUAL.parent.parent / "spreadsheet" / "issue.csv"


def _russian_excel_csv(tmp_path: Path) -> Path:
    """The sample spreadsheet as Russian Excel saves it: Windows-1251, ';' between columns."""
    import csv
    import io

    rows = list(csv.reader(SHEET.open(encoding="utf-8", newline="")))
    text = io.StringIO()
    csv.writer(text, delimiter=";").writerows(rows)
    path = tmp_path / "issue.csv"
    path.write_bytes(text.getvalue().encode("cp1251"))
    shutil.copy(SHEET.parent.parent / "journal.yaml", tmp_path / "journal.yaml")
    return path


def test_windows_1251_semicolon_csv_is_detected_and_said(tmp_path: Path, run) -> None:
    path = _russian_excel_csv(tmp_path)
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (
        f"{path}: read as Windows-1251 text with columns separated by ';' (detected;" in result.err
    )
    assert "Японские исследования" in next((tmp_path / "out").glob("*.xml")).read_text("utf-8")
    result = run("batch", path, "-o", tmp_path / "batch", "-q")
    assert result.code == 0, result.err
    assert "read as Windows-1251 text with columns separated by ';' (detected;" in result.err


def test_csv_encoding_and_delimiter_options(tmp_path: Path, run) -> None:
    path = _russian_excel_csv(tmp_path)
    result = run("convert", path, "-o", tmp_path / "out", "--encoding", "utf-8")
    assert result.code == 3
    assert "not UTF-8 text (line 2, byte " in result.err and "--encoding (e.g. cp1251" in result.err
    result = run("convert", path, "-o", tmp_path / "out", "--encoding", "cp1251",
                 "--delimiter", ";")  # fmt: skip
    assert result.code == 0, result.err
    assert "read as Windows-1251 text with columns separated by ';' (as chosen;" in result.err


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".txt"])
def test_excel_unicode_text_is_read_as_utf16_with_tabs(tmp_path: Path, run, suffix) -> None:
    """Excel's "Unicode Text" (UTF-16 with its byte-order mark, tabs between columns) gives
    the same JATS as the UTF-8 CSV, and says how it was read; before, it was "not UTF-8". A
    ``.tsv`` file is a spreadsheet too (it was read as YAML), also in a folder given to batch,
    and so is the ``.txt`` Excel saves (it was "expected a mapping of fields"): given to batch
    by name (a folder's ``.txt`` files are not scanned: notes and READMEs live there)."""
    import csv
    import io

    rows = list(csv.reader(SHEET.open(encoding="utf-8", newline="")))
    text = io.StringIO()
    csv.writer(text, delimiter="\t", lineterminator="\r\n").writerows(rows)
    (tmp_path / "excel").mkdir()
    path = tmp_path / "excel" / f"issue{suffix}"
    path.write_bytes(text.getvalue().encode("utf-16"))
    shutil.copy(SHEET.parent.parent / "journal.yaml", tmp_path / "excel" / "journal.yaml")
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert f"{path}: read as UTF-16 text with columns separated by tabs (detected;" in result.err
    assert run("convert", SHEET, "-o", tmp_path / "want").code == 0
    want = sorted((tmp_path / "want").glob("*.xml"))
    assert [p.name for p in want] == sorted(p.name for p in (tmp_path / "out").glob("*.xml"))
    for file in want:
        assert (tmp_path / "out" / file.name).read_bytes() == file.read_bytes(), file.name
    given = path if suffix == ".txt" else tmp_path / "excel"
    result = run("batch", given, "-o", tmp_path / "batch", "-q")
    assert result.code == 0, result.err
    assert len(list((tmp_path / "batch").glob("*.xml"))) == len(want)


def test_a_txt_file_without_tab_separated_columns_is_no_spreadsheet(tmp_path: Path, run) -> None:
    """Only a first line of tab-separated, non-empty cells makes a ``.txt`` file a spreadsheet;
    other text is read as an article file, as before, and refused as one."""
    path = tmp_path / "notes.txt"
    path.write_text("Issue 3 notes\tto do\t\nsend proofs\n", encoding="utf-8")
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.code == 3
    assert f"{path}: expected a mapping of fields at the top level" in result.err
    assert "columns separated by" not in result.err


def test_a_file_read_as_yaml_for_want_of_a_format_says_so(tmp_path: Path, run) -> None:
    """A README or notes file given with the articles is read as YAML because no reader claims
    it: its YAML error says so, which the error alone ("found character that cannot start any
    token") did not; a .yaml file's error stays as it was."""
    readme = tmp_path / "README.md"
    readme.write_text("# Issue 3\n\n`jatsconv` notes: @editor\n", encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("send proofs\n", encoding="utf-8")
    broken = tmp_path / "article.yaml"
    broken.write_text("title: a: b\n", encoding="utf-8")
    result = run("convert", readme, notes, broken, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.splitlines() == [
        f"{readme}: line 3: malformed YAML: found character that cannot start any token "
        "(read as YAML: no other format claims this .md file; --from names one)",
        f"{notes}: expected a mapping of fields at the top level (read as YAML: no other "
        "format claims this .txt file; --from names one)",
        f"{broken}: line 1: malformed YAML: mapping values are not allowed in this context",
        "0 converted, 0 invalid output, 3 bad input",
    ]


def test_csv_in_an_unknown_encoding_says_what_to_do(tmp_path: Path, run) -> None:
    path = tmp_path / "issue.csv"
    path.write_bytes("title:de,doi\nÜber Straßen,10.5555/x\n".encode("latin-1"))
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.code == 3
    assert "not UTF-8 text (byte 13): save it as UTF-8 CSV, or give its encoding with " in (
        result.err
    )


# ------------------------------------------------------------------ batch: outputs never lie


def test_batch_removes_the_earlier_output_of_a_rejected_article(tmp_path: Path, run) -> None:
    import sqlite3

    from converter.batch import MANIFEST_NAME

    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(SEED.parent.parent / "journal.yaml", source / "journal.yaml")
    good = SEED.read_text(encoding="utf-8")
    (source / "a.yaml").write_text(good, encoding="utf-8")
    (source / "b.yaml").write_text(good.replace("fpage: 110", "fpage: 112"), encoding="utf-8")
    out, report = tmp_path / "out", tmp_path / "report.json"
    assert run("batch", source, "-o", out, "-j", "1").code == 0
    (first,) = [p for p in out.glob("*.xml") if b"<fpage>110</fpage>" in p.read_bytes()]
    # a.yaml gets a wrong ORCID check digit: rejected, and its old output must go.
    (source / "a.yaml").write_text(
        good.replace(
            "  - name: {surname: Streltsov, given: D. V.}\n",
            "  - name: {surname: Streltsov, given: D. V.}\n    orcid: 0000-0002-1825-0098\n",
        ),
        encoding="utf-8",
    )
    result = run("batch", source, "-o", out, "-j", "1", "--report", report)
    assert result.code == 3
    assert f"a.yaml: not converted; earlier output removed: {first.name}" in result.err
    assert not first.exists()
    rows = json.loads(report.read_text(encoding="utf-8"))["articles"]
    (row,) = [r for r in rows if r["source"].endswith("a.yaml")]
    assert row["status"] == "bad-input" and row["earlier_output_removed"] == [str(first)]
    with sqlite3.connect(out / MANIFEST_NAME) as db:
        stamps = dict(db.execute("SELECT key, stamp FROM entries").fetchall())
    assert stamps[str((source / "a.yaml").resolve())] == "rejected: earlier output removed"
    # Fixed again: the next run writes it again; b.yaml was never touched.
    (source / "a.yaml").write_text(good, encoding="utf-8")
    assert run("batch", source, "-o", out, "-j", "1").code == 0
    assert first.is_file() and len(list(out.glob("*.xml"))) == 2


def test_an_xlsx_that_is_no_workbook_is_told_so_by_convert(tmp_path: Path, run) -> None:
    """A ``.xlsx`` file that is not a zip (renamed, or saved half) is refused as a workbook by
    convert as by batch; before, convert read it as YAML and spoke of journal metadata."""
    path = tmp_path / "issue.xlsx"
    path.write_text("title: not a workbook\n", encoding="utf-8")
    for command in ("convert", "batch"):
        result = run(command, path, "-o", tmp_path / command)
        assert result.code == 3, result.err
        assert f"{path}: not a readable XLSX workbook" in result.err, result.err


def test_the_first_byte_that_is_not_utf8_is_placed_alike_by_every_reader(tmp_path: Path) -> None:
    """An article file, a CSV read as UTF-8 and a web page, each with a byte that is not UTF-8
    on its third line, name its place alike: the line, and the byte counted from 0."""
    from converter.readers import ReadContext, read_source

    def saved(name: str, data: bytes) -> tuple[Path, str]:
        (tmp_path / name).write_bytes(data)
        byte = data.index(b"\xff")
        return tmp_path / name, f"(line 3, byte {byte})"

    article, place = saved("article.yaml", b"# one\n# two\ntitle: {en: A \xff}\n")
    [loaded] = read_source(article, None, ReadContext())
    assert loaded.problems == [f"{article}: not UTF-8 text {place}: save it as UTF-8"]
    sheet, place = saved("issue.csv", b"title,doi\nA,10.5555/a\nB \xff,10.5555/b\n")
    [loaded] = read_source(sheet, None, ReadContext(encoding="utf-8"))
    assert loaded.problems == [
        f"{sheet}: not UTF-8 text {place}: give its encoding with --encoding (e.g. cp1251 for "
        "Windows-1251)"
    ]
    page, place = saved(
        "page.html",
        b'<html>\n<head><meta charset="utf-8"><meta name="citation_title" content="T">\n'
        b'<meta name="citation_journal_title" content="J \xff"></head></html>',
    )
    [loaded] = read_source(page, "html", ReadContext())
    assert f"bytes that are not UTF-8 {place}: read as U+FFFD" in loaded.warnings


def test_not_well_formed_names_its_place_once(tmp_path: Path, run) -> None:
    """A file cut short (a Crossref deposit saved half) was said with its place three times:
    'line 3: not well-formed: Couldn't find end of Start Tag journal_metada line 3, line 3,
    column 22' — the parser's own ', line N, column M' after the place already given."""
    cut = tmp_path / "deposit.xml"
    cut.write_text(
        '<?xml version="1.0"?>\n<doi_batch xmlns="http://www.crossref.org/schema/5.3.1">\n'
        "<journal><journal_metada",
        encoding="utf-8",
    )
    result = run("convert", cut, "-o", tmp_path / "out")
    assert result.code == 3
    [line] = result.err.splitlines()
    assert line.startswith(f"{cut}: line 3: not well-formed: "), line
    assert ", column" not in line, line
    result = run("validate", cut)
    assert result.code == 3
    assert f"{cut}:3:" in result.out and ", column" not in result.out, result.out


def test_a_file_given_with_another_format_s_from_says_which_it_is(tmp_path: Path, run) -> None:
    """``--from ojs`` given a landing page said only 'line 1: not well-formed: Opening and
    ending tag mismatch …', and ``--from jats`` given a Crossref deposit 'no <article>
    element: not JATS': the line now says what the file reads as, and how to read it."""
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta name="citation_title" content="A paper"></head><body></body></html>',
        encoding="utf-8",
    )
    result = run("convert", "--from", "ojs", page, "-o", tmp_path / "out")
    assert result.code == 3
    [line] = result.err.splitlines()
    assert line.startswith(f"{page}: ")
    assert line.endswith(
        "(the file reads as 'html': convert it without --from, or with --from html)"
    )
    deposit = tmp_path / "deposit.xml"
    deposit.write_text(
        '<doi_batch xmlns="http://www.crossref.org/schema/5.3.1" version="5.3.1"><body/>'
        "</doi_batch>",
        encoding="utf-8",
    )
    result = run("convert", "--from", "jats", deposit, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip() == (
        f"{deposit}: no <article> element: not JATS (the file reads as 'crossref': convert it "
        "without --from, or with --from crossref)"
    )


# ------------------------------------------------------------------ values shown in messages


def test_a_long_value_is_shown_to_its_limit_and_an_ellipsis() -> None:
    """A value a message shows is whole up to the limit, else cut to the limit with '…'; the
    space before a cut stays in a value shown as it is and goes in prose (``trim``)."""
    assert shorten("Volume 12", 9) == "Volume 12"
    assert shorten("Volume 12 of 20", 11) == "Volume 12 …"
    assert shorten("Volume 12 of 20", 11, trim=True) == "Volume 12…"
    assert len(shorten("x" * 500, 300)) == 300


def test_check_says_why_a_broken_link_is_not_checked_on_standard_error(tmp_path: Path, run) -> None:
    """A link whose target was moved: ``check``'s verdict line (standard error, what the user
    sees with the findings sent to a file) said only "not checked"; it says why, as the
    problem line and ``validate`` do."""
    link = tmp_path / "a.xml"
    link.symlink_to("moved/a.xml")
    reason = "cannot read: a link to a missing target (moved/a.xml)"
    result = run("check", link)
    assert result.code == 3
    assert result.out.splitlines() == [f"{link}: error: {reason}"]
    assert result.err.splitlines() == [f"{link}: not checked: {reason}"]
    result = run("validate", link)
    assert result.code == 3 and result.out.splitlines() == [f"{link}: error: {reason}"]
