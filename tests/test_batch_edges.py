"""``jatsconv batch`` at the edges of real archives: a journal's repository holding files that
are not articles, a run stopped half-way, two runs into one folder, sources deleted or renamed
since an earlier run. What the user sees: the summary line, the report, the exit code."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from test_batch import SEED_JOURNAL, make_folder, outputs
from test_batch_crashes import deposit_folder

from conftest import DATA, ROOT, SAMPLES, xmllint
from converter.batch import BatchSettings, run_batch
from converter.options import Options


def _report(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _statuses(report: dict) -> dict[str, str]:
    return {Path(a["source"]).name: a["status"] for a in report["articles"]}


def _journal_repository(root: Path) -> Path:
    """A journal's repository as it is kept: two articles in an issue folder beside a site's,
    a build's and a package's settings, a workflow file outside ``.github``, a journal file
    under another name (which articles name with ``journal:``), and a list of data."""
    repo = make_folder(root, 2, sub=2)
    (repo / "config.yaml").write_text("site: journal\ntheme: dark\n", encoding="utf-8")
    (repo / "mkdocs.yml").write_text("site_name: Journal\nnav:\n  - Home: index.md\n")
    hugo = "baseURL: https://j.example/\nlanguageCode: en\ntitle: J\ntheme: ananke\n"
    (repo / "hugo.yaml").write_text(hugo, encoding="utf-8")
    (repo / "package.json").write_text(
        '{"name": "journal-site", "version": "1.0.0", "license": "MIT", "keywords": ["x"]}\n'
    )
    workflows = repo / "ci" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "build.yml").write_text("on: push\njobs: {build: {runs-on: ubuntu-latest}}\n")
    (repo / "jsr.journal-copy.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    (repo / "authors.yaml").write_text("- Ivanov\n- Petrov\n", encoding="utf-8")
    # a site build's packages: never scanned (none of them is counted below)
    for package in ("left-pad", "yaml"):
        folder = repo / "node_modules" / package
        folder.mkdir(parents=True)
        (folder / "package.json").write_text(f'{{"name": "{package}", "version": "1.0.0"}}\n')
    return repo


NOT_ARTICLES = [
    "authors.yaml",
    "build.yml",
    "config.yaml",
    "hugo.yaml",
    "jsr.journal-copy.yaml",
    "mkdocs.yml",
    "package.json",
]


def test_files_of_a_journal_repository_that_are_not_articles_are_skipped(
    run, tmp_path: Path, store
) -> None:
    """A run over a journal's repository ended with 'bad input' (exit 3) for every settings
    file, each with a line per field. Now they are skipped with one counted line, listed in
    the report (status ``not-article``, with why) and in JUnit as skipped; the exit is 0."""
    repo = _journal_repository(tmp_path / "repo")
    out, report, junit = tmp_path / "out", tmp_path / "r.json", tmp_path / "j.xml"
    result = run("batch", repo, "-o", out, "-j", "1", "--report", report, "--junit", junit)
    assert result.code == 0, result.err
    lines = result.err.splitlines()
    skipped = [line for line in lines if line.startswith("jatsconv: skipped")]
    assert len(skipped) == 1, lines
    assert skipped[0].startswith("jatsconv: skipped: not an article: 7 files found (")
    assert skipped[0].endswith(" and 4 more: --report lists them with why)")
    assert not [line for line in lines if "unknown field" in line or "required" in line]
    data = _report(report)
    assert data["summary"]["converted"] == 2
    assert data["summary"]["bad-input"] == 0
    assert data["summary"]["not-article"] == 7
    statuses = _statuses(data)
    assert sorted(name for name, status in statuses.items() if status == "not-article") == sorted(
        NOT_ARTICLES
    )
    why = {Path(a["source"]).name: a["problems"] for a in data["articles"]}
    assert why["config.yaml"] == [
        f"{repo / 'config.yaml'}: not an article: none of its fields is an article's (site, theme)"
    ]
    assert "a journal file" in why["jsr.journal-copy.yaml"][0]
    assert "a list or a single value" in why["authors.yaml"][0]
    suite = etree.parse(str(junit)).getroot()
    assert (suite.get("tests"), suite.get("skipped"), suite.get("errors")) == ("9", "7", "0")
    assert len(suite.findall(".//skipped[@message='not an article']")) == 7
    written = outputs(out)
    assert len(written) == 2
    for path in written:
        checked = xmllint(path, store.catalog)
        assert checked.returncode == 0, checked.stderr
    # A rerun says the same (the files are read again: they are no article's up-to-date stamp).
    again = run("batch", repo, "-o", out, "-j", "1", "--report", report)
    assert again.code == 0 and again.err.count("skipped: not an article: 7 files") == 1
    assert _report(report)["summary"]["skipped"] == 2


def test_a_broken_article_found_in_a_folder_stays_bad_input(run, tmp_path: Path, store) -> None:
    """What may be an article is read, and refused as such: a misspelt field among article
    fields, a YAML error, an empty file. Only plainly other files are skipped."""
    repo = make_folder(tmp_path / "repo", 1, sub=1)
    article = (repo / "part0" / "a00000.yaml").read_text(encoding="utf-8")
    (repo / "part0" / "misspelt.yaml").write_text(article.replace("\ntitle:", "\ntitel:"))
    (repo / "part0" / "syntax.yaml").write_text("title: X\nfpage: [\n", encoding="utf-8")
    (repo / "part0" / "empty.yaml").write_text("", encoding="utf-8")
    (repo / "config.yaml").write_text("site: journal\n", encoding="utf-8")
    out, report = tmp_path / "out", tmp_path / "r.json"
    result = run("batch", repo, "-o", out, "-j", "1", "--report", report)
    assert result.code == 3, result.err
    assert f"{repo}/part0/misspelt.yaml: titel: unknown field (did you mean title?)" in result.err
    assert f"{repo}/part0/syntax.yaml: line 3: malformed YAML" in result.err
    assert f"{repo}/part0/empty.yaml: expected a mapping of fields" in result.err
    assert "jatsconv: skipped: not an article: 1 file found (" in result.err
    assert _statuses(_report(report)) == {
        "config.yaml": "not-article",
        "a00000.yaml": "converted",
        "empty.yaml": "bad-input",
        "misspelt.yaml": "bad-input",
        "syntax.yaml": "bad-input",
    }


def test_a_settings_file_named_is_bad_input_and_a_glob_skips_it(run, tmp_path: Path, store):
    """A file the user names is read as the article it is said to be (its problems shown);
    a glob finds files, as a folder does, and skips those that are not articles."""
    repo = _journal_repository(tmp_path / "repo")
    named = run("batch", repo / "hugo.yaml", "-o", tmp_path / "one", "-j", "1")
    assert named.code == 3
    assert f"{repo / 'hugo.yaml'}: baseURL: unknown field" in named.err
    globbed = run("batch", f"{repo}/**/*.y*ml", "-o", tmp_path / "two", "-j", "1")
    assert globbed.code == 0, globbed.err
    assert "jatsconv: skipped: not an article: 6 files found (" in globbed.err


def test_per_issue_deposits_skip_what_is_not_an_article(run, tmp_path: Path, store) -> None:
    """``--to crossref --per-issue`` reads the same folders: the same line, and the report's
    ``not_articles`` lists the files left out."""
    repo = _journal_repository(tmp_path / "repo")
    shutil.rmtree(repo / "ci")
    shutil.rmtree(repo / "part0")
    deposit_folder(repo / "issue", 2)
    out, report = tmp_path / "out", tmp_path / "r.json"
    result = run("batch", repo, "--to", "crossref", "--per-issue", "-o", out, "--report", report)
    assert result.code == 0, result.err
    assert "jatsconv: skipped: not an article: 6 files found (" in result.err
    data = _report(report)
    assert sorted(Path(p).name for p in data["not_articles"]) == sorted(
        n for n in NOT_ARTICLES if n != "build.yml"
    )
    assert {a["status"] for a in data["articles"]} == {"converted"}
    # the counts a batch report gives, for a CI script reading either (there were none)
    assert data["summary"] == {
        "converted": 2,
        "invalid": 0,
        "bad-input": 0,
        "skipped": 0,
        "error": 0,
        "not-article": len(data["not_articles"]),
        "total": 2 + len(data["not_articles"]),
        "not_reached": 0,
    }


SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://journal.example.org/article/view/110</loc></url>
</urlset>
"""
# An XSLT that writes JATS: its template holds literal <article> and <front> elements.
XSLT = """<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><article><front><article-meta/></front></article></xsl:template>
</xsl:stylesheet>
"""


def test_xml_found_with_from_jats_that_is_not_jats_is_skipped(run, tmp_path: Path, store):
    """A folder scanned with --from jats takes every .xml file: a site's sitemap, an OJS
    export, a Crossref deposit and an XSLT kept beside the JATS were each 'bad input' (exit 3).
    They are skipped with the line non-article YAML/JSON files get; a broken JATS file (not
    well-formed, or an <article> without its <front>) is still bad input."""
    repo = tmp_path / "jats"
    repo.mkdir()
    shutil.copy(SAMPLES / "nlm" / "2018-1" / "streltsov-110.nlm.xml", repo / "good.xml")
    (repo / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    (repo / "to-jats.xml").write_text(XSLT, encoding="utf-8")
    shutil.copy(SAMPLES / "ojs" / "2019-1" / "issue.xml", repo / "ojs-issue.xml")
    shutil.copy(DATA / "external" / "deposit.xml", repo / "deposit.xml")
    good = (repo / "good.xml").read_text(encoding="utf-8")
    (repo / "cut.xml").write_text(good[: len(good) // 2], encoding="utf-8")
    (repo / "no-front.xml").write_text(
        '<article dtd-version="1.4"><body><p>Text</p></body></article>\n', encoding="utf-8"
    )
    out, report = tmp_path / "out", tmp_path / "r.json"
    result = run("batch", repo, "--from", "jats", "-o", out, "-j", "1", "--report", report)
    assert result.code == 3, result.err
    assert (
        "jatsconv: skipped: not an article: 4 files found (" in result.err
        and " and 1 more: --report lists them with why)" in result.err
    )
    assert f"{repo / 'cut.xml'}: line " in result.err
    assert f"{repo / 'no-front.xml'}: not a JATS or NLM article" in result.err
    for name in ("sitemap.xml", "to-jats.xml", "ojs-issue.xml", "deposit.xml"):
        assert f"{repo / name}: " not in result.err.replace(f"{repo / name},", ""), name
    data = _report(report)
    assert _statuses(data) == {
        "good.xml": "converted",
        "cut.xml": "bad-input",
        "no-front.xml": "bad-input",
        "sitemap.xml": "not-article",
        "to-jats.xml": "not-article",
        "ojs-issue.xml": "not-article",
        "deposit.xml": "not-article",
    }
    why = {Path(a["source"]).name: a["problems"][0] for a in data["articles"] if a["problems"]}
    assert why["sitemap.xml"] == (
        f"{repo / 'sitemap.xml'}: not a JATS article: the root element is <urlset>, where "
        "JATS has <article>"
    )
    assert why["ojs-issue.xml"].startswith(
        f"{repo / 'ojs-issue.xml'}: this is an OJS native export, not JATS"
    )
    assert why["deposit.xml"].startswith(
        f"{repo / 'deposit.xml'}: this is a Crossref deposit (doi_batch), not JATS"
    )
    [written] = outputs(out)
    assert xmllint(written, store.catalog).returncode == 0
    named = run("batch", repo / "sitemap.xml", "--from", "jats", "-o", tmp_path / "one")
    assert named.code == 3 and f"{repo / 'sitemap.xml'}: no <article> element" in named.err


def test_a_data_file_found_past_the_values_limit_is_not_an_article(run, tmp_path: Path):
    """A site's search index of more than 200,000 values (the limit that stops alias bombs)
    was bad input, "(alias expansion?)", though it has no alias: found, it is not an article;
    named, it is refused saying what it is."""
    repo = make_folder(tmp_path / "repo", 1)
    index = {"entries": [{"id": n, "url": f"/article/{n}"} for n in range(70_000)]}
    (repo / "search-index.json").write_text(json.dumps(index), encoding="utf-8")
    out, report = tmp_path / "out", tmp_path / "r.json"
    result = run("batch", repo, "-o", out, "-j", "1", "--report", report)
    assert result.code == 0, result.err
    assert "jatsconv: skipped: not an article: 1 file found (" in result.err
    [skipped] = [a for a in _report(report)["articles"] if a["status"] == "not-article"]
    assert skipped["problems"] == [
        f"{repo / 'search-index.json'}: not an article: more than 200,000 values, far more than "
        "an article holds"
    ]
    named = run("convert", repo / "search-index.json", "-o", tmp_path / "one")
    assert named.code == 3
    assert named.err.splitlines() == [
        f"{repo / 'search-index.json'}: more than 200,000 values, far more than an article "
        "holds: refused"
    ]


# ---------------------------------------------------------------------- a run stopped early


def _sheet(path: Path, rows: int) -> Path:
    """A CSV issue of ``rows`` articles (pages varied), beside the seed's journal file."""
    lines = ["title,volume,issue,fpage,lpage"]
    lines += [f"Article {i},2,3,{1000 + 10 * i},{1009 + 10 * i}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_interrupted_batch_lists_the_sources_it_did_not_reach(
    tmp_path: Path, store, monkeypatch
) -> None:
    """Ctrl-C half-way through a spreadsheet: the report listed only the articles reached, so
    nothing said what was left. Now it lists the sources not reached (the spreadsheet too,
    some of its rows being left), JUnit has them as skipped, and the rerun converts exactly
    those."""
    source = make_folder(tmp_path / "in", 12, sub=6)
    _sheet(source / "issue.csv", 30)  # (a folder's own files come before its sub-folders')
    out, report, junit = tmp_path / "out", tmp_path / "r.json", tmp_path / "j.xml"
    settings = BatchSettings(out_dir=out, options=Options(grammars=store), jobs=1, chunk_size=4)
    real_write = os.write
    calls = {"n": 0}

    def interrupted_write(fd: int, data) -> int:  # type: ignore[no-untyped-def]
        if bytes(data[:5]) == b"<?xml":  # the tenth output being written: Ctrl-C
            calls["n"] += 1
            if calls["n"] == 10:
                raise KeyboardInterrupt
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", interrupted_write)
    summary = run_batch([str(source)], settings, report_path=report, junit_path=junit)
    monkeypatch.undo()
    assert summary.interrupted and summary.exit_code() == 130
    data = _report(report)
    assert data["interrupted"] is True
    done = data["summary"]["converted"]
    assert done == len(outputs(out)) == 8  # two chunks of four rows
    assert data["summary"]["not_reached"] == 13
    assert data["not_reached"] == [str(source / "issue.csv")] + [
        str(source / f"part{i // 6}" / f"a{i:05d}.yaml") for i in range(12)
    ]
    suite = etree.parse(str(junit)).getroot()
    assert (suite.get("tests"), suite.get("skipped")) == ("21", "13")
    left = suite.findall(".//testcase[skipped]")
    assert [c.get("name") for c in left] == data["not_reached"]
    assert {c.find("skipped").get("message") for c in left} == {  # type: ignore[union-attr]
        "not reached: the run was interrupted"
    }
    again = run_batch([str(source)], BatchSettings(out_dir=out, options=Options(grammars=store)))
    assert (again.counts["skipped"], again.counts["converted"]) == (8, 42 - 8)
    assert again.not_reached == 0


def test_a_finished_batch_reports_nothing_not_reached(run, tmp_path: Path, store) -> None:
    """The report's shape is the same for every run: ``not_reached`` empty, counted 0."""
    source = make_folder(tmp_path / "in", 2)
    report = tmp_path / "r.json"
    result = run("batch", source, "-o", tmp_path / "out", "-j", "1", "--report", report)
    assert result.code == 0 and "not reached" not in result.err
    data = _report(report)
    assert (data["not_reached"], data["summary"]["not_reached"]) == ([], 0)


# ---------------------------------------------------------------------- sources gone


def test_outputs_of_sources_gone_since_an_earlier_run_are_kept_and_said(
    run, tmp_path: Path, store
) -> None:
    """A source deleted since the last run left its output and its manifest row, and no run
    said a word: the folder held metadata nobody maintains any more. Now every run says so in
    one line and lists it in the report, keeping the output (a source out of reach looks the
    same as one deleted), until the output is removed. A source renamed, whose output the new
    name writes again, is the same article: nothing is said."""
    source = make_folder(tmp_path / "in", 3, sub=3)
    out, report = tmp_path / "out", tmp_path / "r.json"
    first = run("batch", source, "-o", out, "-j", "1", "--report", report)
    assert first.code == 0, first.err
    written = {Path(a["source"]).name: Path(a["output"]) for a in _report(report)["articles"]}
    (source / "part0" / "a00000.yaml").unlink()
    (source / "part0" / "a00001.yaml").rename(source / "part0" / "renamed.yaml")
    line = (
        f"jatsconv: {out}: 1 output of 1 source gone since an earlier run (deleted, renamed or "
        f"moved): {written['a00000.yaml'].name}; kept (remove it if withdrawn; --report names "
        "its source)"
    )
    for _run in range(2):  # said on every run while the output is there
        again = run("batch", source, "-o", out, "-j", "1", "-q", "--report", report)
        assert again.code == 0, again.err
        assert again.err.splitlines() == [line]
        data = _report(report)
        assert data["summary"]["sources_gone"] == 1
        assert data["sources_gone"] == [
            {
                "source": str((source / "part0" / "a00000.yaml").resolve()),
                "outputs": [str(written["a00000.yaml"])],
            }
        ]
    assert written["a00000.yaml"].is_file()  # kept
    assert written["a00001.yaml"].is_file()  # the renamed source's, as before
    written["a00000.yaml"].unlink()
    last = run("batch", source, "-o", out, "-j", "1", "-q", "--report", report)
    assert (last.code, last.err) == (0, "")
    data = _report(report)
    assert (data["sources_gone"], data["summary"]["sources_gone"]) == ([], 0)
    assert data["summary"]["skipped"] == 2


_ROWS = {
    "A": "Article A,en,2,3,10,19,Ivanova,Anna",
    "B": "Article B,en,2,3,20,29,Belov,Boris",
    "C": "Article C,en,2,3,30,39,Chernov,Cyril",
    "D": "Article D,en,2,3,40,49,Danilova,Daria",
}


def test_a_source_gone_while_the_batch_runs_keeps_its_earlier_output(
    run, tmp_path: Path, monkeypatch
) -> None:
    """A source listed and then gone before it was read (deleted in the middle of the night's
    run, or its share unmounted) was bad input whose earlier output the batch removed: one
    network hiccup removed the outputs of every source it hid. It is kept, as the output of a
    source gone between runs is, and said; the next run says it as a source gone."""
    from converter.batch import driver

    folder = make_folder(tmp_path / "in", 2)
    out, report = tmp_path / "out", tmp_path / "report.json"
    assert run("batch", folder, "-o", out, "-j", "1", "-q").code == 0
    written = outputs(out)
    assert len(written) == 2
    victim = next(folder.rglob("a00001.yaml"))
    victim.write_text(victim.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # (changed)
    listed = driver.iter_jobs

    def vanishing(files, *args, **kwargs):
        for job in listed(files, *args, **kwargs):
            if job.path == str(victim):
                victim.unlink()
            yield job

    monkeypatch.setattr(driver, "iter_jobs", vanishing)
    result = run("batch", folder, "-o", out, "-j", "1", "-q", "--report", report)
    assert result.code == 3
    assert f"{victim}: cannot read: no such file" in result.err
    assert "earlier output removed" not in result.err
    assert f"{victim}: not converted; earlier output kept: " in result.err
    assert outputs(out) == written
    row = next(a for a in _report(report)["articles"] if a["source"] == str(victim))
    assert row["status"] == "bad-input"
    assert "earlier_output_removed" not in row
    monkeypatch.undo()
    again = run("batch", folder, "-o", out, "-j", "1", "-q", "--report", report)
    assert again.code == 0, again.err
    assert "1 output of 1 source gone since an earlier run" in again.err
    assert outputs(out) == written


def test_an_article_file_now_not_an_article_says_its_output_removed(run, tmp_path: Path) -> None:
    """An article file an editor overwrote with a site's settings is skipped as not an
    article; the output an earlier run wrote for it was removed without a word (no line, no
    report field): the night's log showed one file fewer and nobody could say why."""
    folder = make_folder(tmp_path / "in", 2)
    out, report = tmp_path / "out", tmp_path / "report.json"
    assert run("batch", folder, "-o", out, "-j", "1", "-q").code == 0
    before = outputs(out)
    source = next(folder.rglob("a00000.yaml"))
    source.write_text("site: journal\ntheme: dark\n", encoding="utf-8")
    result = run("batch", folder, "-o", out, "-j", "1", "-q", "--report", report)
    assert result.code == 0, result.err
    (gone,) = sorted(set(before) - set(outputs(out)))
    assert f"{source}: not converted; earlier output removed: {gone.name}" in result.err
    row = next(a for a in _report(report)["articles"] if a["source"] == str(source))
    assert (row["status"], row["earlier_output_removed"]) == ("not-article", [str(gone)])


def _issue_sheet(folder: Path, rows: list[str]) -> Path:
    """An issue's CSV of the ``_ROWS`` named, in that order (an empty name: a cleared row)."""
    folder.mkdir(exist_ok=True)
    (folder / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    sheet = folder / "issue.csv"
    lines = ["title:en,language,volume,issue,fpage,lpage,author1.surname:en,author1.given:en"]
    lines += [_ROWS[name] if name else ",,,,,,," for name in rows]
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sheet


def _gone_line(out: Path, names: list[str]) -> str:
    many = len(names) > 1
    return (
        f"jatsconv: {out}: {len(names)} output{'s' if many else ''} of {len(names)} "
        f"source{'s' if many else ''} gone since an earlier run (deleted, renamed or moved): "
        f"{', '.join(names)}; kept (remove {'them' if many else 'it'} if withdrawn; --report "
        f"names {'their sources' if many else 'its source'})"
    )


def test_a_spreadsheet_row_removed_is_kept_and_said_as_a_source_gone(
    run, tmp_path: Path, store
) -> None:
    """A row removed from a spreadsheet left its output and manifest row, said by no run: a
    spreadsheet row counted as there while its spreadsheet was. A row that is no longer there
    (removed at the end, removed in the middle so that the rows below move up, or cleared) is
    now a source gone, as a deleted file is: its output kept and said on every run; the rows
    that moved up are the same articles, written again under the same names."""
    sheet = _issue_sheet(tmp_path / "in", ["A", "B", "C", "D"])
    out, report = tmp_path / "out", tmp_path / "r.json"
    assert run("batch", sheet, "-o", out, "-j", "1", "-q").code == 0
    names = {name: f"rjr-2-3-{10 * n}.xml" for n, name in enumerate("ABCD", start=1)}

    _issue_sheet(tmp_path / "in", ["A", "B", "C"])  # the last row removed
    for _run in range(2):  # said on every run
        again = run("batch", sheet, "-o", out, "-j", "1", "-q", "--report", report)
        assert again.code == 0, again.err
        assert again.err.splitlines() == [_gone_line(out, [names["D"]])]
        assert _report(report)["sources_gone"] == [
            {"source": f"{sheet.resolve()}#5 (row removed)", "outputs": [str(out / names["D"])]}
        ]

    _issue_sheet(tmp_path / "in", ["A", "C"])  # a row removed in the middle: C moves up
    middle = run("batch", sheet, "-o", out, "-j", "1", "-q", "--report", report)
    assert middle.code == 0, middle.err
    assert middle.err.splitlines() == [_gone_line(out, [names["B"], names["D"]])]  # not removed
    assert sorted(p.name for p in outputs(out)) == sorted(names.values())
    assert {Path(a["output"]).name for a in _report(report)["articles"]} == {
        names["A"],
        names["C"],
    }
    tree = etree.parse(str(out / names["C"]))
    assert tree.xpath("//article-title/text()") == ["Article C"]
    assert xmllint(out / names["C"], store.catalog).returncode == 0

    _issue_sheet(tmp_path / "in", ["A", "", "C"])  # a row cleared: A and C keep their numbers
    cleared = run("batch", sheet, "-o", out, "-j", "1", "-q")
    assert cleared.err.splitlines() == [_gone_line(out, [names["B"], names["D"]])]

    (out / names["B"]).unlink()
    (out / names["D"]).unlink()
    last = run("batch", sheet, "-o", out, "-j", "1", "-q", "--report", report)
    assert (last.code, last.err) == (0, "")
    assert _report(report)["sources_gone"] == []


def test_a_row_that_takes_a_removed_rows_number_leaves_its_output_alone(
    run, tmp_path: Path
) -> None:
    """A row number is free again once its row is removed: a new row there is another
    article, not the removed one corrected, so the removed row's output stays (and is said)."""
    sheet = _issue_sheet(tmp_path / "in", ["A", "B"])
    out = tmp_path / "out"
    assert run("batch", sheet, "-o", out, "-j", "1", "-q").code == 0
    _issue_sheet(tmp_path / "in", ["A"])
    assert run("batch", sheet, "-o", out, "-j", "1", "-q").code == 0
    _issue_sheet(tmp_path / "in", ["A", "C"])  # C takes row 3, B's number
    result = run("batch", sheet, "-o", out, "-j", "1", "-q")
    assert result.code == 0, result.err
    assert "earlier output removed" not in result.err
    assert result.err.splitlines() == [_gone_line(out, ["rjr-2-3-20.xml"])]
    assert (out / "rjr-2-3-20.xml").is_file() and (out / "rjr-2-3-30.xml").is_file()


def test_an_edited_row_still_replaces_its_output_and_an_unread_sheet_keeps_its_rows(
    run, tmp_path: Path
) -> None:
    """A row whose first page is corrected is the same article: its old output is removed, as
    before. A spreadsheet that cannot be read this run says nothing of its rows as gone."""
    sheet = _issue_sheet(tmp_path / "in", ["A", "B"])
    out = tmp_path / "out"
    assert run("batch", sheet, "-o", out, "-j", "1", "-q").code == 0
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(text.replace(",20,29,", ",21,29,"), encoding="utf-8")
    edited = run("batch", sheet, "-o", out, "-j", "1", "-q")
    assert edited.code == 0, edited.err
    assert edited.err.splitlines() == [
        f"{sheet.resolve()}#3: written to rjr-2-3-21.xml; earlier output removed: rjr-2-3-20.xml"
    ]
    sheet.write_text("title:en,title:en\n", encoding="utf-8")  # a column given twice
    broken = run("batch", sheet, "-o", out, "-j", "1", "-q")
    assert broken.code == 3
    assert "gone since an earlier run" not in broken.err


def test_sigterm_stops_a_per_issue_batch_as_ctrl_c_does(
    run, tmp_path: Path, store, monkeypatch
) -> None:
    """``--per-issue`` ran outside the batch's signal handling: ``systemctl stop`` or a CI
    runner's cancel (SIGTERM) killed it with exit 143 and not a word, where Ctrl-C said
    ``interrupted`` and exited 130, as the README promises for both."""
    import signal

    from converter.batch import issues

    source = deposit_folder(tmp_path / "in", 2)

    def terminated(*args: object, **kwargs: object) -> list[object]:
        os.kill(os.getpid(), signal.SIGTERM)  # (delivered here, in the main thread)
        raise AssertionError("SIGTERM was not turned into an interruption")

    monkeypatch.setattr(issues, "run_per_issue", terminated)

    def not_handled(signum: int, frame: object) -> None:  # (not the test run's death)
        raise RuntimeError("SIGTERM reached the handler outside the batch")

    before = signal.signal(signal.SIGTERM, not_handled)
    try:
        result = run("batch", source, "--to", "crossref", "--per-issue", "-o", tmp_path / "out")
    finally:
        signal.signal(signal.SIGTERM, before)
    assert result.code == 130, result.err
    assert "jatsconv: interrupted" in result.err


def _terminated_while_starting(run, monkeypatch, *args: object):
    """Runs the command with SIGTERM delivered while it loads the grammars (a CI job cancelled
    as it starts), in this process, and with the test run's own handler guarded."""
    import signal

    from converter.commands import batch as command

    real = command.get_grammars

    def terminated_while_loading(*given: object, **kwargs: object) -> object:
        os.kill(os.getpid(), signal.SIGTERM)  # (delivered here, in the main thread)
        return real(*given, **kwargs)

    monkeypatch.setattr(command, "get_grammars", terminated_while_loading)

    def not_handled(signum: int, frame: object) -> None:  # (not the test run's death)
        raise RuntimeError("SIGTERM reached the handler outside the batch")

    before = signal.signal(signal.SIGTERM, not_handled)
    try:
        return run(*args)
    finally:
        signal.signal(signal.SIGTERM, before)


def test_sigterm_as_a_batch_starts_writes_its_report_and_junit(
    run, tmp_path: Path, monkeypatch
) -> None:
    """SIGTERM while a batch (not --per-issue) was starting, the grammar loading: exit 130,
    but no report and no JUnit file, which the README promises on any interruption (CI's
    test-report step found no file). Both are written: interrupted, every source given not
    reached (JUnit: each a test case skipped), and the line names how many and where."""
    source = deposit_folder(tmp_path / "in", 2)
    report, junit = tmp_path / "r.json", tmp_path / "junit.xml"
    result = _terminated_while_starting(
        run, monkeypatch, "batch", source, "-o", tmp_path / "out", "--report", report,
        "--junit", junit,
    )  # fmt: skip
    assert result.code == 130, result.err
    assert (
        f"jatsconv: interrupted; files already written are complete; 1 source not reached, "
        f"listed in {report}: the same command again converts them"
    ) in result.err
    data = _report(report)
    assert (data["interrupted"], data["not_reached"], data["articles"]) == (True, [str(source)], [])
    assert data["summary"]["not_reached"] == 1
    suite = etree.parse(str(junit)).getroot()
    assert suite.get("skipped") == "1"
    [case] = suite.iter("testcase")
    assert case.get("name") == str(source)
    assert case.find("skipped").get("message") == "not reached: the run was interrupted"


def test_sigterm_as_a_per_issue_batch_starts_is_an_interruption_with_its_report(
    run, tmp_path: Path, monkeypatch
) -> None:
    """SIGTERM while the run was starting (the grammar loading: a CI job cancelled as it
    started) reached no handler of the run: exit 143, no report. The handler is in place
    before the grammar loads: exit 130, 'interrupted', and the report says the run was
    interrupted with every source given not reached."""
    source = deposit_folder(tmp_path / "in", 2)
    report = tmp_path / "r.json"
    result = _terminated_while_starting(
        run, monkeypatch, "batch", source, "--to", "crossref", "--per-issue", "-o",
        tmp_path / "out", "--report", report,
    )  # fmt: skip
    assert result.code == 130, result.err
    assert (
        f"jatsconv: interrupted; files already written are complete; 1 source not reached, "
        f"listed in {report}: the same command again converts them"
    ) in result.err
    data = _report(report)
    assert (data["interrupted"], data["not_reached"], data["articles"]) == (True, [str(source)], [])
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_from_ojs_skips_a_folder_s_xml_that_is_plainly_no_export(run, tmp_path: Path) -> None:
    """A journal's OJS folder holds the JATS already made from its exports and a sitemap:
    ``--from ojs`` refused each as bad input (exit 3), where ``--from jats`` skips an OJS
    export as not an article. Named on the command line, such a file is still refused."""
    folder = tmp_path / "ojs"
    folder.mkdir()
    shutil.copy(SAMPLES / "ojs" / "journal.yaml", folder / "journal.yaml")
    shutil.copy(SAMPLES / "ojs" / "2019-1" / "issue.xml", folder / "issue.xml")
    jats = folder / "issue-1.xml"
    shutil.copy(SAMPLES / "ojs" / "2019-1" / "issue-1.xml", jats)
    (folder / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    out, report = tmp_path / "out", tmp_path / "r.json"
    result = run("batch", folder, "--from", "ojs", "-o", out, "-j", "1", "--report", report)
    assert result.code == 0, result.err
    assert "jatsconv: skipped: not an article: 2 files found (" in result.err
    skipped = {a["source"]: a for a in _report(report)["articles"] if a["status"] == "not-article"}
    assert set(skipped) == {str(jats), str(folder / "sitemap.xml")}
    assert skipped[str(jats)]["problems"] == [
        f"{jats}: not an OJS native export (root <article> not in the PKP namespace)"
    ]
    named = run("batch", jats, "--from", "ojs", "-o", tmp_path / "two", "-j", "1")
    assert named.code == 3
    assert "(the file reads as 'jats': convert it without --from, or with --from jats)" in (
        named.err
    )


# ---------------------------------------------------------------------- nothing to do


def test_an_empty_folder_beside_articles_is_no_bad_input(run, tmp_path: Path, store) -> None:
    """A cron job over a journal with no new articles: ``batch GOOD EMPTY`` exited 3 with
    "bad input 1", the empty folder counted as an article. Now a line names the folder, the
    report counts no bad input, and the run exits by its articles (0); one empty folder alone
    is 0 articles, said, exit 0 — with ``--per-issue`` too."""
    good = make_folder(tmp_path / "good", 2)
    empty = tmp_path / "2026-4"
    empty.mkdir()
    report = tmp_path / "r.json"
    result = run("batch", good, empty, "-o", tmp_path / "out", "-j", "1", "-q", "--report", report)
    assert result.code == 0, result.err
    assert f"jatsconv: {empty}: no file to convert here" in result.err
    data = _report(report)
    assert (data["summary"]["converted"], data["summary"]["bad-input"]) == (2, 0)
    alone = run("batch", empty, "-o", tmp_path / "out2", "-q")
    assert alone.code == 0
    assert "jatsconv: 0 articles: the sources given hold no file to convert" in alone.err
    issues = run("batch", empty, "-o", tmp_path / "out3", "--to", "crossref", "--per-issue")
    assert issues.code == 0, issues.err
    assert f"jatsconv: {empty}: no file to convert here" in issues.err
    assert "0 articles" in issues.err


def test_an_interrupted_per_issue_batch_writes_its_report(run, tmp_path: Path, monkeypatch):
    """``batch --per-issue --report`` stopped by Ctrl-C or SIGTERM (exit 130) wrote no report,
    though the README says the report is written on interrupt. Now it is: ``interrupted``,
    the articles of the issue files written so far with their counts, and the sources not
    reached (those of the issue whose file was not written yet)."""
    from converter import per_issue

    first = deposit_folder(tmp_path / "issue3", 2)
    second = deposit_folder(tmp_path / "issue4", 2)
    for path in second.glob("a*.yaml"):
        text = path.read_text(encoding="utf-8").replace("issue: 3\n", "issue: 4\n")
        path.write_text(text.replace("jsr.2018.3.", "jsr.2018.4."), encoding="utf-8")
    real = per_issue.write_crossref_issue
    calls: list[str] = []

    def stopped_at_the_second(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append("issue")
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(per_issue, "write_crossref_issue", stopped_at_the_second)
    out, report = tmp_path / "out", tmp_path / "r.json"
    args = ["batch", first, second, "--to", "crossref", "--per-issue", "-o", out]
    result = run(*args, "--report", report)
    assert result.code == 130, result.err
    assert "jatsconv: interrupted; files already written are complete; 2 sources not reached" in (
        result.err
    )
    data = _report(report)
    assert data["interrupted"] is True
    assert (data["summary"]["converted"], data["summary"]["not_reached"]) == (2, 2)
    assert [Path(a["source"]).parent.name for a in data["articles"]] == ["issue3", "issue3"]
    assert data["not_reached"] == [str(second / "a0000.yaml"), str(second / "a0001.yaml")]
    assert len(list(out.glob("*.crossref.xml"))) == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # (written atomically)
    monkeypatch.undo()
    finished = run(*args, "--report", report)
    assert finished.code == 0, finished.err
    data = _report(report)
    assert (data["interrupted"], data["not_reached"], data["summary"]["converted"]) == (
        False,
        [],
        4,
    )


# ---------------------------------------------------------------------- words of a problem


def test_broken_links_to_one_missing_target_are_each_said(run, tmp_path: Path) -> None:
    """Issues whose links all pointed at one shared file that was since moved (``../../shared/
    a.yaml`` from each issue folder) were taken as one file reached twice: the first link was
    said, the others were in no line, no report row and no count."""
    root = make_folder(tmp_path / "in", 1)
    issues = [root / f"issue{n}" for n in range(3)]
    for issue in issues:
        issue.mkdir()
        (issue / "shared.yaml").symlink_to(Path("..") / "gone" / "shared.yaml")
    report = tmp_path / "report.json"
    result = run("batch", root, "-o", tmp_path / "out", "-j", "1", "-q", "--report", report)
    assert result.code == 3
    for issue in issues:
        assert f"{issue / 'shared.yaml'}: cannot read: a link to a missing target" in result.err
    data = _report(report)
    assert data["summary"]["bad-input"] == 3
    assert sorted(a["source"] for a in data["articles"] if a["status"] == "bad-input") == [
        str(issue / "shared.yaml") for issue in issues
    ]


def _batch_apart(args: list[Any]) -> subprocess.CompletedProcess[str]:
    """``jatsconv ARGS`` in a process of its own, stopped after a minute: a run that waits
    on a pipe for ever fails the test rather than hanging it."""
    return subprocess.run(
        [sys.executable, "-m", "converter", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )


def test_a_named_pipe_in_an_issue_folder_is_said_not_waited_on(tmp_path: Path) -> None:
    """A named pipe named like an article (a tool's left-over ``mkfifo``) in a folder scanned:
    the batch opened it to stamp it and waited for a writer for ever, a cron job that never
    ended, no article converted. It is bad input of its own now, and the others convert."""
    folder = make_folder(tmp_path / "in", 2)
    pipe = folder / "part0" / "waiting.yaml"
    os.mkfifo(pipe)
    report = tmp_path / "report.json"
    args = ["batch", folder, "-o", tmp_path / "out", "-j", "1", "-q", "--report", report]
    done = _batch_apart(args)
    assert done.returncode == 3, done.stderr
    assert f"{pipe}: a named pipe, not a file: not read" in done.stderr
    summary = _report(report)["summary"]
    assert (summary["converted"], summary["bad-input"]) == (2, 1)


def test_a_broken_link_and_a_journal_too_far_up_are_said_as_such(run, tmp_path: Path) -> None:
    """A broken link in an issue folder was "cannot read: no such file", sending the user to
    look for a file the listing shows; an article four folders below its journal.yaml was
    told to put journal.yaml "beside the article", where three folders up would do."""
    issue = make_folder(tmp_path / "in", 1)
    (issue / "moved.yaml").symlink_to(tmp_path / "elsewhere" / "moved.yaml")
    result = run("batch", issue, "-o", tmp_path / "out", "-j", "1", "-q")
    assert result.code == 3
    missing = tmp_path / "elsewhere" / "moved.yaml"
    assert f"{issue / 'moved.yaml'}: cannot read: a link to a missing target ({missing})" in (
        result.err
    )
    assert "no such file" not in result.err
    deep = tmp_path / "journal" / "2026" / "1" / "articles" / "en"
    deep.mkdir(parents=True)
    (tmp_path / "journal" / "journal.yaml").write_bytes(SEED_JOURNAL.read_bytes())
    shutil.copy(next(issue.rglob("a*.yaml")), deep / "a.yaml")
    result = run("batch", deep, "-o", tmp_path / "out2", "-j", "1", "-q")
    assert result.code == 3
    assert (
        "journal: no journal metadata (give journal:, --journal, or put journal.yaml beside the "
        "article or up to three folders above it)" in result.err
    )
    (deep.parents[2] / "journal.yaml").write_bytes(SEED_JOURNAL.read_bytes())  # three up
    assert run("batch", deep, "-o", tmp_path / "out2", "-j", "1", "-q").code == 0


def test_sigterm_while_the_command_loads_its_modules_stops_the_batch_in_order(
    tmp_path: Path,
) -> None:
    """A SIGTERM in the first 0.6-1.4 s of ``python -m converter batch`` (a CI job cancelled
    as it starts), before the batch's modules were loaded and its handler installed, ended it
    with 143, no report and not a word. The entry point holds it from before the CLI's
    imports, and the batch stops at once, in order: exit 130, its report written. Measured
    with ``timeout --preserve-status -s TERM D`` (load 5-6, 2 cores): 143 up to D = 1.2 s
    before, up to 0.2-0.3 s after, the interpreter's own start (``python3 -c pass``: 0.3 s)."""
    import signal

    from conftest import ROOT

    source = deposit_folder(tmp_path / "in", 2)
    report = tmp_path / "r.json"
    argv = ["jatsconv", "batch", str(source), "-o", str(tmp_path / "out"), "--report",
            str(report), "-q"]  # fmt: skip
    # The signal comes after the entry point's hold and before the CLI's first import.
    script = (
        "import os, signal, sys\n"
        f"sys.argv = {argv!r}\n"
        "from converter.early_stop import hold\n"
        "hold(sys.argv)\n"
        "assert 'converter.cli' not in sys.modules\n"
        "os.kill(os.getpid(), signal.SIGTERM)\n"
        "from converter.__main__ import run\n"
        "run()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 130, done.stderr
    assert "jatsconv: interrupted" in done.stderr
    assert _report(report)["interrupted"] is True
    # Another command keeps SIGTERM's default (143), as before.
    other = subprocess.run([sys.executable, "-c", script.replace("'batch'", "'convert'")],
                           capture_output=True, env=env, cwd=tmp_path, timeout=120,
                           check=False)  # fmt: skip
    assert other.returncode == -signal.SIGTERM


def test_a_problem_quoting_a_lone_surrogate_is_reported_not_a_crash(tmp_path: Path) -> None:
    """A Crossref record whose date is the JSON string "a\\ud800b" (a lone surrogate: valid
    JSON, no text) was said on the terminal, and then the batch stopped with an internal error
    (exit 70: UnicodeEncodeError) keeping its line for the report: the article is bad input,
    its line reported with the surrogate as JSON's escape of it, and the other one converted.
    (Run as a process: its standard error writes what UTF-8 cannot hold as escapes.)"""
    folder = tmp_path / "in"
    folder.mkdir()
    work = SAMPLES / "crossref" / "2018-3" / "streltsov-6.json"
    shutil.copy(work, folder / "good.json")
    record = json.loads(work.read_text(encoding="utf-8"))
    record["message"]["published-print"] = {"date-parts": "a\ud800b"}
    (folder / "bad.json").write_text(json.dumps(record), encoding="utf-8")  # (ASCII: \ud800)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JATSCONV_STATE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "converter", "batch", "-j1", "--from", "crossref", str(folder),
         "-o", str(tmp_path / "out"), "--report", str(tmp_path / "report.json"),
         "--junit", str(tmp_path / "junit.xml")],
        capture_output=True, cwd=ROOT, env=env, check=False, timeout=120,
    )  # fmt: skip
    err = done.stderr.decode("utf-8")
    assert done.returncode == 3, err
    assert "internal error" not in err
    report = _report(tmp_path / "report.json")
    assert _statuses(report) == {"bad.json": "bad-input", "good.json": "converted"}
    [bad] = [a for a in report["articles"] if a["source"].endswith("bad.json")]
    assert any('found a string ("a\ud800b")' in p for p in bad["problems"]), bad
    junit = etree.parse(str(tmp_path / "junit.xml"))  # (well-formed: the surrogate written \ud800)
    assert 'found a string ("a\\ud800b")' in "".join(junit.xpath("//error/text()"))


@pytest.mark.parametrize("how", ["named", "glob", "issue glob", "issue name"])
def test_a_named_pipe_named_or_globbed_is_said_not_waited_on(tmp_path: Path, how: str) -> None:
    """A pipe reached otherwise than by a folder scan: matched by a glob in an issue file the
    batch waited on it for ever, as by a folder; named, it was 'no such file'; matched by a
    glob on the command line, it was in no line and no count."""
    folder = make_folder(tmp_path / "in", 1)
    issue = next(p.parent for p in folder.rglob("*.yaml") if p.name != "journal.yaml")
    pipe = issue / "waiting.yaml"
    os.mkfifo(pipe)
    source = {
        "named": str(pipe),
        "glob": str(issue / "*.yaml"),
        "issue glob": str(issue / "issue.yaml"),
        "issue name": str(issue / "issue.yaml"),
    }[how]
    if how.startswith("issue"):
        listed = '["*.yaml"]' if how == "issue glob" else '["waiting.yaml"]'
        (issue / "issue.yaml").write_text(f"articles: {listed}\n", encoding="utf-8")
    args = ["batch", source, "-o", tmp_path / "out", "-j", "1", "-q"]
    done = _batch_apart(args)
    assert done.returncode == 3, done.stderr
    assert "a named pipe, not a file: not read" in done.stderr
    assert "no such file" not in done.stderr
