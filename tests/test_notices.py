"""Warnings people read: each has a kind, a file gets a summary line, --strict makes data loss an
error, and what holds for nearly every file (the body is not read) is said once per run."""

from __future__ import annotations

import csv
import io
import json
import pickle
from pathlib import Path

from converter.notices import (
    DROPPED,
    OUT_OF_SCOPE,
    SIMPLIFIED,
    Notice,
    RunNotices,
    notice,
    report_lines,
    summary,
)

ARTICLE = """\
<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2 20190208//EN"
 "JATS-journalpublishing1.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"
 dtd-version="1.2" xml:lang="en">
<front>
<journal-meta>
<journal-id journal-id-type="publisher-id">tj</journal-id>
<journal-title-group><journal-title>Test Journal</journal-title></journal-title-group>
<issn publication-format="electronic">2658-6789</issn>
</journal-meta>
<article-meta>
<article-id pub-id-type="doi">10.5555/test.{n}</article-id>
<title-group><article-title>Article {n}</article-title></title-group>
<contrib-group>
<contrib contrib-type="author"><name><surname>Smith</surname><given-names>J</given-names></name>
</contrib>
<contrib contrib-type="guest"><name><surname>Other</surname></name></contrib>
</contrib-group>
<pub-date publication-format="electronic" date-type="pub"><year>2020</year></pub-date>
<abstract><p>Our own text with <named-content content-type="x">a</named-content>
<inline-supplementary-material>span</inline-supplementary-material>.</p></abstract>
</article-meta>
</front>
<body><p>Text.</p></body>
</article>
"""


def _sources(tmp_path: Path, count: int = 2) -> list[Path]:
    paths = []
    for n in range(1, count + 1):
        path = tmp_path / "in" / f"a{n}.xml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(ARTICLE.replace("{n}", str(n)), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_warning_without_a_kind_counts_as_data_dropped() -> None:
    assert notice("something left out").kind == DROPPED
    assert Notice("tags removed", SIMPLIFIED).kind == SIMPLIFIED
    assert notice({"kind": SIMPLIFIED, "message": "m"}) == "m"
    assert summary(["x", Notice("y", SIMPLIFIED), Notice("z", OUT_OF_SCOPE)]) == (
        "1 data dropped, 1 markup simplified"
    )
    assert summary([Notice("z", OUT_OF_SCOPE)]) is None


def test_a_notice_keeps_its_kind_between_processes() -> None:
    back = pickle.loads(pickle.dumps(Notice("m", SIMPLIFIED)))
    assert back == "m" and back.kind == SIMPLIFIED


def test_data_dropped_is_said_first_and_a_summary_closes_the_file() -> None:
    lines = report_lines("a.xml", [Notice("tags", SIMPLIFIED), "licence left out"])
    assert lines == [
        "a.xml: warning (data dropped): licence left out",
        "a.xml: warning (markup simplified): tags",
        "a.xml: warnings: 1 data dropped, 1 markup simplified",
    ]
    quiet = report_lines("a.xml", [Notice("tags", SIMPLIFIED), "licence left out"], quiet=True)
    assert quiet == [lines[0], lines[2]]


def test_run_notices_are_counted_once() -> None:
    run = RunNotices()
    run.add([Notice("body not read", OUT_OF_SCOPE), "other"])
    run.add([Notice("body not read", OUT_OF_SCOPE)])
    assert run.lines() == ["note: body not read (2 files)"]


def test_run_notices_count_articles_of_one_file_as_articles() -> None:
    run = RunNotices()
    for row in (2, 3, 4):
        run.add([Notice("issue.csv: read as Windows-1251", OUT_OF_SCOPE)], f"issue.csv#{row}")
    run.add([Notice("body not read", OUT_OF_SCOPE)], "a.xml")
    run.add([Notice("body not read", OUT_OF_SCOPE)], "b.xml")
    assert run.lines() == [
        "note: issue.csv: read as Windows-1251 (3 articles of 1 file)",
        "note: body not read (2 files)",
    ]


def test_a_spreadsheets_encoding_note_counts_its_rows_as_articles(run, tmp_path: Path) -> None:
    """A Windows-1251 spreadsheet of three articles is one file: its note said '(3 files)'."""
    sample = Path(__file__).resolve().parent.parent / "samples" / "japanese-studies-in-russia"
    (tmp_path / "journal.yaml").write_bytes((sample / "journal.yaml").read_bytes())
    text = (sample / "spreadsheet" / "issue.csv").read_text("utf-8")
    header, row = list(csv.reader(io.StringIO(text)))[:2]
    doi = row.index("10.5555/jsr.2018.3.6")
    out = io.StringIO()
    csv.writer(out).writerows(
        [header, *([*row[:doi], f"{row[doi]}{n}", *row[doi + 1 :]] for n in range(3))]
    )
    sheet = tmp_path / "issue.csv"
    sheet.write_bytes(out.getvalue().encode("cp1251", "replace"))
    result = run("convert", sheet, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    notes = [line for line in result.err.splitlines() if "read as Windows-1251" in line]
    assert len(notes) == 1 and notes[0].endswith("(3 articles of 1 file)"), notes


def test_convert_prints_kinds_a_summary_per_file_and_the_body_once(run, tmp_path: Path) -> None:
    first, second = _sources(tmp_path)
    result = run("convert", first, second, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    err = result.err.splitlines()
    for path in (first, second):
        mine = [line for line in err if line.startswith(f"{path}: warning")]
        assert mine[0] == (
            f"{path}: warning (data dropped): contrib-type 'guest' is not in the model: "
            "contributor left out"
        )
        assert all("(markup simplified)" in line for line in mine[1:-1])
        assert mine[-1] == f"{path}: warnings: 1 data dropped, 1 markup simplified"
    body = [line for line in err if "body is not read" in line]
    assert body == [
        "jatsconv: note: the body is not read (front matter and references only) (2 files)"
    ]


def test_strict_turns_data_dropped_into_an_error(run, tmp_path: Path) -> None:
    (source,) = _sources(tmp_path, 1)
    out = tmp_path / "out"
    result = run("convert", source, "-o", out, "--strict")
    assert result.code == 3
    assert (
        f"{source}: data dropped (--strict makes this an error): contrib-type 'guest' is not "
        "in the model: contributor left out"
    ) in result.err
    assert not (out / "a1.xml").exists()
    # markup simplified and the unread body alone do not fail a strict run
    source.write_text(
        ARTICLE.replace(
            '<contrib contrib-type="guest"><name><surname>Other</surname></name></contrib>', ""
        ),
        encoding="utf-8",
    )
    assert run("convert", source, "-o", out, "--strict").code == 0
    assert (out / "a1.xml").exists()


def test_json_gives_each_warning_its_kind(run, tmp_path: Path) -> None:
    (source,) = _sources(tmp_path, 1)
    result = run("convert", source, "-o", tmp_path / "out", "--json")
    (item,) = json.loads(result.out)
    kinds = [w["kind"] for w in item["warnings"]]
    assert kinds.count("data dropped") == 1 and kinds.count("out of scope") == 1
    assert item["warning_summary"] == "1 data dropped, 1 markup simplified"


def test_batch_strict_and_notices(run, tmp_path: Path) -> None:
    _sources(tmp_path, 3)
    out = tmp_path / "out"
    result = run(
        "batch",
        tmp_path / "in",
        "--from",
        "jats",
        "-o",
        out,
        "-j",
        "1",
        "--strict",
        "--report",
        tmp_path / "report.json",
    )
    assert result.code == 3, result.err
    assert result.err.count("data dropped (--strict makes this an error)") == 3
    assert result.err.count("body is not read") == 1
    report = json.loads((tmp_path / "report.json").read_text())
    rows = report["articles"]
    assert {w["kind"] for row in rows for w in row["warnings"]} == {
        DROPPED,
        SIMPLIFIED,
        OUT_OF_SCOPE,
    }
