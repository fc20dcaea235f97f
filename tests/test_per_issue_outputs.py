"""``batch --to crossref --per-issue`` and the files already in its output folder: an issue
file it did not write is kept unless ``--force`` (as a plain batch keeps an output it did not
write), an unchanged issue is left byte for byte, and an issue's lines name a few articles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import BILINGUAL, EXTERNAL

ISSUE = BILINGUAL.parent  # Japanese Studies in Russia 2018, vol. 2 no. 3: two articles
NAME = "2687-1440-v2-n3.crossref.xml"
HAND_EDITED = b"<doi_batch><!-- corrected by hand before deposit --></doi_batch>\n"


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("JATSCONV_CROSSREF_SCHEMA", str(EXTERNAL / "crossref-5.3.1"))


def _copy_issue(tmp_path: Path) -> Path:
    folder = tmp_path / "issue"
    folder.mkdir()
    for path in ISSUE.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    shutil.copy(ISSUE.parent / "journal.yaml", tmp_path / "journal.yaml")
    return folder


def _batch(run, folder: Path, out: Path, *more: str | Path):
    return run("batch", folder, "--to", "crossref", "--per-issue", "-o", out, *more)


def test_an_issue_file_it_did_not_write_is_kept_unless_force(tmp_path: Path, run) -> None:
    folder = _copy_issue(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / NAME).write_bytes(HAND_EDITED)
    report = tmp_path / "report.json"
    result = _batch(run, folder, out, "--report", report)
    assert result.code == 3, result.err
    assert (out / NAME).read_bytes() == HAND_EDITED
    refusals = [line for line in result.err.splitlines() if "exists and was not written" in line]
    assert refusals == [
        f"{out / NAME} exists and was not written for this issue "
        f"({folder / 'shchukin-21.yaml'}, {folder / 'streltsov-6.yaml'}): not overwritten "
        "(use --force)"
    ]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"]["bad-input"] == 2 and data["summary"]["converted"] == 0
    assert all(refusals[0] in a["problems"] for a in data["articles"])
    # A rerun says the same: the file is still not this run's.
    assert _batch(run, folder, out).code == 3
    assert (out / NAME).read_bytes() == HAND_EDITED
    forced = _batch(run, folder, out, "--force")
    assert forced.code == 0, forced.err
    assert b"<doi_batch_id>2687-1440-v2-n3-" in (out / NAME).read_bytes()
    # Written by --per-issue now: the next run owns it, no --force needed.
    (folder / "streltsov-6.yaml").write_text(
        (folder / "streltsov-6.yaml").read_text(encoding="utf-8").replace("fpage: 6", "fpage: 7"),
        encoding="utf-8",
    )
    again = _batch(run, folder, out)
    assert again.code == 0, again.err
    assert b"<first_page>7</first_page>" in (out / NAME).read_bytes()


def test_an_unchanged_issue_rerun_gives_the_same_bytes(tmp_path: Path, run) -> None:
    folder = _copy_issue(tmp_path)
    out = tmp_path / "out"
    assert _batch(run, folder, out).code == 0
    first = (out / NAME).read_bytes()
    result = _batch(run, folder, out)
    assert result.code == 0, result.err
    assert (out / NAME).read_bytes() == first


def test_its_own_issue_file_corrected_by_hand_is_kept_unless_force(tmp_path: Path, run) -> None:
    """A deposit an earlier run wrote, corrected by hand before it was deposited: a rerun
    over unchanged articles wrote over the correction (it is no longer what the run wrote)."""
    folder = _copy_issue(tmp_path)
    out = tmp_path / "out"
    assert _batch(run, folder, out).code == 0
    corrected = (out / NAME).read_bytes().replace(b"<first_page>6<", b"<first_page>8<")
    (out / NAME).write_bytes(corrected)
    result = _batch(run, folder, out)
    assert result.code == 3, result.err
    assert (out / NAME).read_bytes() == corrected
    assert (
        f"{out / NAME} was changed since an earlier run wrote it for this issue "
        f"({folder / 'shchukin-21.yaml'}, {folder / 'streltsov-6.yaml'}): not overwritten "
        "(use --force)"
    ) in result.err
    assert _batch(run, folder, out, "--force").code == 0
    assert b"<first_page>6<" in (out / NAME).read_bytes()
    assert _batch(run, folder, out).code == 0  # (its own again)


def test_an_issue_whose_articles_all_moved_leaves_no_stale_file(tmp_path: Path, run) -> None:
    """Both articles' issue corrected from 3 to 4: the deposit of issue 3 held them still,
    to be deposited again as current; it is removed and said, as a batch removes an output
    it wrote under an article's old name."""
    folder = _copy_issue(tmp_path)
    out = tmp_path / "out"
    assert _batch(run, folder, out).code == 0
    for path in folder.glob("*.yaml"):
        path.write_text(
            path.read_text(encoding="utf-8").replace("\nissue: 3\n", "\nissue: 4\n"), "utf-8"
        )
    result = _batch(run, folder, out)
    assert result.code == 0, result.err
    moved = out / "2687-1440-v2-n4.crossref.xml"
    assert moved.is_file() and not (out / NAME).exists()
    assert (
        f"{folder / 'streltsov-6.yaml'}: written to {moved}; earlier output removed: {out / NAME}"
    ) in result.err


def test_a_rejected_issue_keeps_a_file_it_did_not_write(tmp_path: Path, run) -> None:
    """An issue rejected (its articles disagree on its date) removes the file an earlier run
    wrote for it, never one it did not write or one corrected by hand since."""
    folder = _copy_issue(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / NAME).write_bytes(HAND_EDITED)
    streltsov = folder / "streltsov-6.yaml"
    good = streltsov.read_text(encoding="utf-8")
    streltsov.write_text(good.replace("collection: 2018-09", "collection: 2018-10"), "utf-8")
    result = _batch(run, folder, out)
    assert result.code == 1, result.err
    assert (out / NAME).read_bytes() == HAND_EDITED and "earlier output removed" not in result.err
    streltsov.write_text(good, "utf-8")
    assert _batch(run, folder, out, "--force").code == 0
    corrected = (out / NAME).read_bytes().replace(b"<first_page>6<", b"<first_page>8<")
    (out / NAME).write_bytes(corrected)
    streltsov.write_text(good.replace("collection: 2018-09", "collection: 2018-10"), "utf-8")
    assert _batch(run, folder, out).code == 1
    assert (out / NAME).read_bytes() == corrected


def test_an_issue_file_of_articles_gone_is_kept_and_said(tmp_path: Path, run) -> None:
    folder = _copy_issue(tmp_path)
    out = tmp_path / "out"
    assert _batch(run, folder, out).code == 0
    other = tmp_path / "other"
    shutil.move(folder, other)  # (a new folder of the same journal, the old one gone)
    (other / "streltsov-6.yaml").unlink()
    (other / "shchukin-21.yaml").unlink()
    report = tmp_path / "report.json"
    result = run("batch", other, "--to", "crossref", "--per-issue", "-o", out, "--report", report)
    assert (out / NAME).is_file()
    assert (
        f"jatsconv: {out}: 1 issue file of articles gone since an earlier run (deleted, renamed "
        f"or moved): {NAME}; kept (remove it if withdrawn; --report names its articles)"
    ) in result.err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["sources_gone"] == [
        {
            "issue": NAME,
            "articles": [str(folder / "shchukin-21.yaml"), str(folder / "streltsov-6.yaml")],
            "outputs": [str(out / NAME)],
        }
    ]


def test_an_issue_line_names_a_few_articles_not_all(tmp_path: Path, run) -> None:
    """An issue whose articles disagree on its date: the line named all 80 articles of an
    issue, thousands of characters; now the issue and three of them, and how many more."""
    folder = _copy_issue(tmp_path)
    text = (folder / "streltsov-6.yaml").read_text(encoding="utf-8")
    (folder / "shchukin-21.yaml").unlink()
    for n in range(7):
        page = 100 + n
        body = text.replace("doi: 10.5555/jsr.2018.3.6", f"doi: 10.5555/jsr.2018.3.{page}")
        body = body.replace("fpage: 6", f"fpage: {page}")
        if n == 6:
            body = body.replace("collection: 2018-09", "collection: 2018-10")
        (folder / f"a{n}.yaml").write_text(body, encoding="utf-8")
    (folder / "streltsov-6.yaml").unlink()
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    result = _batch(run, folder, out, "--report", report)
    assert result.code == 1, result.err
    lines = [line for line in result.err.splitlines() if "the issue's date differs" in line]
    assert len(lines) == 1, result.err
    assert lines[0].startswith(
        f"2687-1440-v2-n3 ({folder / 'a0.yaml'}, {folder / 'a1.yaml'}, {folder / 'a2.yaml'} "
        "… and 4 more): error: the issue's date differs between"
    )
    assert str(folder / "a5.yaml") not in lines[0]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert len(data["articles"]) == 7
    assert all(lines[0] in a["problems"] for a in data["articles"])


def test_an_issue_file_holding_articles_of_another_batch_is_kept_unless_force(
    tmp_path: Path, run
) -> None:
    """Two batches into one output folder, each with articles of the same issue (converted as
    they come in): the second wrote the issue file with its articles alone, the first's gone
    from the deposit without a word."""
    folder = _copy_issue(tmp_path)
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (folder / "shchukin-21.yaml").rename(first / "shchukin-21.yaml")
    (folder / "streltsov-6.yaml").rename(second / "streltsov-6.yaml")
    out = tmp_path / "out"
    assert _batch(run, first, out).code == 0
    written = (out / NAME).read_bytes()
    result = _batch(run, second, out)
    assert result.code == 3, result.err
    assert (out / NAME).read_bytes() == written
    assert (
        f"{out / NAME} also holds {first / 'shchukin-21.yaml'}, not given to this run "
        f"({second / 'streltsov-6.yaml'}): not overwritten (use --force)"
    ) in result.err
    assert _batch(run, second, out, "--force").code == 0
    assert b"jsr.2018.3.6" in (out / NAME).read_bytes()
