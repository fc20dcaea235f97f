"""``jatsconv batch`` on archives as journals keep them: globs over folders that hold journal
and issue files, output folders inside the input, symbolic links (an issue linked as
``current``, a link loop), names in other scripts. Every article converted once, nothing else
taken for one."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from test_batch import make_folder, outputs
from test_batch_crashes import deposit_folder

from conftest import SAMPLES


def _report(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_glob_takes_the_articles_not_the_journal_or_issue_files(run, tmp_path: Path, store):
    """The README's own ``'archive/**/*.yaml'`` matched ``journal.yaml`` and issue files too:
    each was bad input (``a journal file, not an article``), and the run exited 3. A folder
    scan has always left them out."""
    source = make_folder(tmp_path / "in", 4, sub=2)
    shutil.copy(source / "journal.yaml", source / "part1" / "journal.yaml")
    (source / "part0" / "issue.yaml").write_text("articles:\n  - a00000.yaml\n")
    out, report = tmp_path / "out", tmp_path / "r.json"
    result = run("batch", f"{source}/**/*.yaml", "-o", out, "--report", report)
    assert result.code == 0, result.err
    assert result.err.count("not an article") == 0
    data = _report(report)
    assert data["summary"]["converted"] == 4
    assert sorted(Path(a["source"]).name for a in data["articles"]) == [
        f"a0000{i}.yaml" for i in range(4)
    ]


def test_outputs_of_an_earlier_run_are_never_taken_as_sources(run, tmp_path: Path, store):
    """JATS in, JATS out: a glob over the input that also matched the output folder, or an
    output folder that is the input folder, took the first run's outputs as sources on the
    second: each was converted onto itself and every real source refused as a name clash."""
    jats = SAMPLES / "russian-japanology-review" / "2018-1" / "streltsov-110.xml"
    source = tmp_path / "in"
    (source / "2018").mkdir(parents=True)
    for page in (110, 111):
        text = jats.read_text(encoding="utf-8").replace("<fpage>110<", f"<fpage>{page}<")
        (source / "2018" / f"p{page}.xml").write_text(text, encoding="utf-8")
    report = tmp_path / "r.json"
    inside = ("batch", "--from", "jats", f"{source}/**/*.xml", "-o", source / "out")
    same = ("batch", "--from", "jats", source / "2018", "-o", source / "2018")
    for args in (inside, same):
        for _run in range(2):
            result = run(*args, "--report", report, "-j", "1")
            assert result.code == 0, result.err
        summary = _report(report)["summary"]
        assert (summary["skipped"], summary["total"]) == (2, 2), args
    assert sorted(p.name for p in (source / "2018").iterdir() if not p.name.startswith(".")) == [
        "p110.xml",
        "p111.xml",
        "rjr-1-1-110.xml",
        "rjr-1-1-111.xml",
    ]


def test_a_file_reached_twice_by_links_is_converted_once(run, tmp_path: Path, store):
    """An issue linked as ``current`` beside its real folder, an article linked under a second
    name, the same folder given twice: each article was converted once under one path and
    refused under the other (``the output name … is already taken``), exit 3."""
    source = make_folder(tmp_path / "in", 3, sub=2)
    (source / "current").symlink_to("part1")
    (source / "part0" / "link.yaml").symlink_to("a00001.yaml")
    out, report = tmp_path / "out", tmp_path / "r.json"
    for args in (
        (source,),
        (f"{source}/**/*.yaml",),
        (source / "part1", source / "current"),
    ):
        result = run("batch", *args, "-o", out, "--report", report, "--force")
        assert result.code == 0, (args, result.err)
        data = _report(report)
        real = sorted(os.path.realpath(a["source"]) for a in data["articles"])
        expected = sorted(str(p) for p in source.glob("part*/a*.yaml"))
        if args[0] == source / "part1":
            expected = [str(source / "part1" / "a00002.yaml")]
        assert real == expected, args


def test_a_linked_folder_is_scanned_and_a_link_loop_is_cut(run, tmp_path: Path, store):
    """A folder scan did not follow a link to a folder (an issue kept elsewhere): its articles
    were left out in silence. It follows them now, each real folder once: a link back up the
    tree is no endless loop."""
    archive = make_folder(tmp_path / "archive", 2, sub=1)
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(archive / "journal.yaml", source / "journal.yaml")
    (source / "2018-1").symlink_to(archive / "part0")
    (source / "2018-2").symlink_to(archive / "part1")
    (source / "2018-1-loop").symlink_to(source)
    out, report = tmp_path / "out", tmp_path / "r.json"
    result = run("batch", source, "-o", out, "--report", report)
    assert result.code == 0, result.err
    assert _report(report)["summary"]["converted"] == 2
    assert len(outputs(out)) == 2


def test_a_folder_that_cannot_be_read_is_said(run, tmp_path: Path, monkeypatch, store):
    """A sub-folder the user may not read was left out in silence; it is one line now, and the
    run ends as for bad input."""
    from converter.batch import sources

    source = make_folder(tmp_path / "in", 2, sub=1)
    locked = source / "part1"
    scandir = os.scandir

    def refusing(path):  # type: ignore[no-untyped-def]
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(sources.os, "scandir", refusing)
    result = run("batch", source, "-o", tmp_path / "out", "-j", "1")
    assert result.code == 3, result.err
    assert f"{locked}: cannot read the folder: permission denied" in result.err
    assert len(outputs(tmp_path / "out")) == 1


def test_names_from_russian_file_names(run, tmp_path: Path, store) -> None:
    """``--name {stem}`` on ``статья.yaml`` said ``stem: needed by the output name pattern
    '{stem}' but empty``: a name kept only Latin letters. Russian is transliterated now, accents
    dropped; a value left with nothing says what it was."""
    source = make_folder(tmp_path / "in", 3, sub=3)
    part = source / "part0"
    (part / "a00000.yaml").rename(part / "Щукин-статья.yaml")
    (part / "a00001.yaml").rename(part / "étude.yaml")
    (part / "a00002.yaml").rename(part / "論文.yaml")
    out = tmp_path / "out"
    result = run("batch", source, "-o", out, "--name", "{stem}", "-j", "1")
    assert result.code == 3, result.err
    assert sorted(p.name for p in outputs(out)) == ["Shchukin-statya.xml", "etude.xml"]
    assert (
        f"{part / '論文.yaml'}: stem: '論文' has no letter or digit a file name can keep "
        "(needed by the output name pattern '{stem}')"
    ) in result.err


def test_names_from_ukrainian_and_other_cyrillic_file_names(run, tmp_path: Path, store) -> None:
    """A Ukrainian stem was written by the Russian table, which drops є, ї, і and ґ:
    ``Євтушенко-стаття.yaml`` gave ``vtushenko-stattya.xml``; it is written by Ukraine's own
    system now. A Kazakh one lost its letters ("Әлиев" gave "liev"); it is bad input naming
    them, as a name that keeps nothing is."""
    source = make_folder(tmp_path / "in", 2, sub=2)
    part = source / "part0"
    (part / "a00000.yaml").rename(part / "Євтушенко-стаття.yaml")
    (part / "a00001.yaml").rename(part / "Әлиев.yaml")
    out = tmp_path / "out"
    result = run("batch", source, "-o", out, "--name", "{stem}", "-j", "1")
    assert result.code == 3, result.err
    assert [p.name for p in outputs(out)] == ["Yevtushenko-stattia.xml"]
    assert (
        f"{part / 'Әлиев.yaml'}: stem: 'Әлиев' is in Kazakh, Tatar or Bashkir letters (ә), which "
        "no scheme writes in Latin letters (needed by the output name pattern '{stem}'): rename "
        "the file or leave the field out of the pattern"
    ) in result.err


def test_a_file_name_that_is_not_utf8(run, tmp_path: Path, store) -> None:
    """A Windows archive unpacked as it was leaves names in Windows-1251 bytes. One such file
    ended the whole batch with ``internal error: UnicodeEncodeError`` (exit 70), nothing
    converted, no report. It is one line now, saying what the name reads as and what to do,
    and the other articles are converted."""
    source = make_folder(tmp_path / "in", 2, sub=2)
    part = os.fsencode(source / "part0")
    os.rename(
        os.path.join(part, b"a00001.yaml"), os.path.join(part, "статья.yaml".encode("cp1251"))
    )
    out, report, junit = tmp_path / "out", tmp_path / "r.json", tmp_path / "junit.xml"
    result = run("batch", source, "-o", out, "--report", report, "--junit", junit)
    assert result.code == 3, result.err
    shown = f"{source / 'part0'}/" + "статья.yaml".encode("cp1251").decode("utf-8", "replace")
    assert (
        f"{shown}: the file name is not UTF-8: it reads as Windows-1251 'статья.yaml'; rename it"
        in result.err
    )
    data = _report(report)
    assert [a["status"] for a in data["articles"]] == ["bad-input", "converted"]
    assert 'errors="1"' in junit.read_text(encoding="utf-8")
    assert len(outputs(out)) == 1


def test_a_folder_with_nothing_to_convert_is_said(run, tmp_path: Path, store) -> None:
    """A folder of article web pages given without ``--from html``, or an issue folder not
    filled yet: nothing converted and (with ``-q``, or in CI) not a word. Now a line says so,
    and it is no bad input (it was exit 3): the run exits by its articles, 0 for none."""
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(SAMPLES / "html" / "2018-1" / "streltsov-110.html", pages / "a.html")
    (pages / "notes.txt").write_text("to do\n")
    result = run("batch", pages, "-o", tmp_path / "out", "-q")
    assert result.code == 0, result.err
    assert result.err == (
        f"jatsconv: {pages}: no file to convert here (a folder gives its .yaml .yml .json .csv "
        ".tsv .xlsx files; this one holds .html, .txt: for those, name their format with "
        "--from); nothing converted from it\n"
        "jatsconv: 0 articles: the sources given hold no file to convert\n"
    )
    assert run("batch", pages, "-o", tmp_path / "out", "-q", "--from", "html").code == 0
    empty = tmp_path / "2019-1"
    empty.mkdir()
    result = run("batch", empty, "-o", tmp_path / "out", "-q", "--from", "html")
    assert result.code == 0
    assert result.err.startswith(
        f"jatsconv: {empty}: no file to convert here (a folder gives its .html .htm files); "
    )
    # a folder met before, in a folder given first, is no folder with nothing in it
    again = run("batch", tmp_path, empty, "-o", tmp_path / "out", "--from", "html")
    assert again.code == 0 and "no file to convert" not in again.err


def test_a_renamed_source_keeps_its_crossref_deposit(run, tmp_path: Path, store) -> None:
    """An editor renames ``a0001.yaml`` to ``a0001-final.yaml``: the rerun refused its own
    earlier deposit as ``exists and was not written for this source`` (exit 3), since a
    Crossref deposit's batch id and timestamp differ on every run; a JATS output, the same
    bytes, passed. A deposit equal but for those is the same article's now."""
    source = deposit_folder(tmp_path / "in", 3)
    out, report = tmp_path / "out", tmp_path / "r.json"
    assert run("batch", source, "-o", out, "--to", "crossref", "-j", "1").code == 0
    (source / "a0001.yaml").rename(source / "a0001-final.yaml")
    result = run("batch", source, "-o", out, "--to", "crossref", "-j", "1", "--report", report)
    assert result.code == 0, result.err
    summary = _report(report)["summary"]
    assert (summary["converted"], summary["skipped"]) == (1, 2)
    assert len(outputs(out)) == 3
    # a different article under the same name is still not written over
    other = source / "a0002.yaml"
    other.write_text(other.read_text(encoding="utf-8").replace("fpage: 1002", "fpage: 1001"))
    (source / "a0001-final.yaml").unlink()
    result = run("batch", source, "-o", out, "--to", "crossref", "-j", "1")
    assert result.code == 3
    assert "exists and was not written for this source" in result.err


def test_a_glob_over_an_issue_folder_skips_its_pdf_figures_and_zips(run, tmp_path: Path, store):
    """``batch 'issue/*'`` finds the PDFs, figures and zips kept beside the articles: each is
    said as 'not an article: a PDF file name, and its bytes are not text', so it is skipped as
    one (status not-article, the exit code unchanged), not counted as bad input, exit 3;
    with --from jats too (there each was 'not well-formed')."""
    source = make_folder(tmp_path / "in", 1)
    part = source / "part0"
    (part / "a00000.pdf").write_bytes(b"%PDF-1.4\n\xe2\xe3\xcf\xd3\n")
    (part / "fig1.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    (part / "issue.zip").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xff\xfe\x00")
    report = tmp_path / "r.json"
    result = run("batch", f"{part}/*", "-o", tmp_path / "out", "--report", report)
    assert result.code == 0, result.err
    data = _report(report)
    assert (data["summary"]["converted"], data["summary"]["not-article"]) == (1, 3)
    assert data["summary"]["bad-input"] == 0
    run("batch", "--from", "jats", f"{part}/*", "-o", tmp_path / "out3", "--report", report)
    statuses = {Path(a["source"]).name: a["status"] for a in _report(report)["articles"]}
    assert statuses == {"a00000.pdf": "not-article", "fig1.png": "not-article",
                        "issue.zip": "not-article", "a00000.yaml": "bad-input"}  # fmt: skip
    named = run("batch", part / "fig1.png", "-o", tmp_path / "out2")
    assert named.code == 3  # a file named on the command line is still refused
    assert f"{part / 'fig1.png'}: not an article: an image file name" in named.err


def test_a_glob_skips_the_figures_and_manuscripts_whose_bytes_are_text(run, tmp_path: Path, store):
    """An EPS figure and an RTF manuscript are plain ASCII ('%!PS-Adobe', '{\\rtf1'), and a
    PDF may begin with thousands of ASCII bytes: each is told by how it begins and skipped as
    not an article, as a PNG is (each was bad input, exit 3: 'not a mapping of fields')."""
    source = make_folder(tmp_path / "in", 1)
    part = source / "part0"
    (part / "fig2.eps").write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n")
    (part / "letter.rtf").write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hi}\n")
    (part / "a00000.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
    report = tmp_path / "r.json"
    result = run("batch", f"{part}/*", "-o", tmp_path / "out", "--report", report)
    assert result.code == 0, result.err
    statuses = {Path(a["source"]).name: a["status"] for a in _report(report)["articles"]}
    assert statuses == {"fig2.eps": "not-article", "letter.rtf": "not-article",
                        "a00000.pdf": "not-article", "a00000.yaml": "converted"}  # fmt: skip
