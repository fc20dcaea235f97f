"""Two articles of one run that share a DOI (a file copied for the next article, its DOI not
changed) were converted without a word across issues or in per-article deposits: Crossref
keeps one record per DOI, the later deposit replacing the earlier. The later file is now
warned of, naming both files and the DOI (compared without case), in the run's output, its
report and its JUnit XML; both are still written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLES

JOURNAL = SAMPLES / "japanese-studies-in-russia"
SAID = "is the DOI of"


@pytest.fixture
def copied(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The journal folder with 2018-3/streltsov-6.yaml copied into 2018-4 (another issue), its
    DOI left as it was but for its case."""
    folder = tmp_path / "journal"
    shutil.copytree(JOURNAL, folder, ignore=shutil.ignore_patterns("spreadsheet", "*.xml"))
    first = folder / "2018-3" / "streltsov-6.yaml"
    text = first.read_text(encoding="utf-8")
    assert "doi: 10.5555/jsr.2018.3.6\n" in text
    text = text.replace("doi: 10.5555/jsr.2018.3.6", "doi: 10.5555/JSR.2018.3.6")
    later = folder / "2018-4" / "copied.yaml"
    later.write_text(text.replace("\nissue: 3\n", "\nissue: 4\n"), encoding="utf-8")
    return folder, first, later


def _one_warning(err: str, first: Path, later: Path) -> None:
    said = [line for line in err.splitlines() if SAID in line]
    assert said == [
        f"{later}: warning: doi: 10.5555/JSR.2018.3.6 is the DOI of {first} too: Crossref "
        "keeps one record per DOI, the later deposited replacing the earlier (give each "
        "article its own DOI)"
    ], err


def test_batch_warns_once_of_two_articles_with_one_doi(run, copied, tmp_path: Path) -> None:
    folder, first, later = copied
    report, junit = tmp_path / "report.json", tmp_path / "junit.xml"
    result = run(
        "batch", folder, "--to", "crossref", "-o", tmp_path / "out",
        "--report", report, "--junit", junit,
    )  # fmt: skip
    assert result.code == 0, result.err
    _one_warning(result.err, first, later)
    entries = {e["source"]: e for e in json.loads(report.read_text())["articles"]}
    assert any(SAID in line for line in entries[str(later)]["problems"])
    assert entries[str(later)]["status"] == "converted"
    assert not any(SAID in line for line in entries[str(first)]["problems"])
    assert junit.read_text().count(SAID) == 1
    assert len(list((tmp_path / "out").rglob("*.crossref.xml"))) == 4  # refused: none


@pytest.mark.parametrize("per_issue", [False, True], ids=["per-article", "per-issue"])
def test_convert_of_several_files_warns_once(run, copied, tmp_path: Path, per_issue) -> None:
    _folder, first, later = copied
    args = ["--per-issue"] if per_issue else []
    result = run("convert", first, later, "--to", "crossref", "-o", tmp_path / "out", *args)
    assert result.code == 0, result.err
    _one_warning(result.err, first, later)


def test_batch_warns_of_the_later_source_when_its_result_comes_in_first(
    copied, tmp_path: Path, store
) -> None:
    """``batch -j 2`` takes a chunk's results in as its worker ends it: the copy's came in
    before its original's, and the warning was put on the original (on the copy with -j 1)."""
    from converter.batch import sources, worker
    from converter.batch.books import Books
    from converter.batch.settings import BatchSettings
    from converter.options import Options

    folder, first, later = copied
    settings = BatchSettings(
        out_dir=tmp_path / "out", options=Options(grammars=store, target="crossref"), jobs=1
    )
    worker.init_worker(settings, "t", in_process=True)
    files, _ = sources.list_sources([str(folder)])
    results = [worker.convert_job(job, None) for job in sources.iter_jobs(files, settings)]
    books = Books(settings, {})
    said: list[str] = []
    for result in reversed(results):  # the later jobs come in first
        for entry in result.entries:
            if entry.temp:
                books.temps.add(entry.temp)
        books.accept(result, said.append)
    _one_warning("\n".join(said), first, later)
    warned = [
        e["source"] for e in books.entries_in_order() if any(SAID in p for p in e["problems"])
    ]
    assert warned == [str(later)]
