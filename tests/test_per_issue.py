"""``convert --to crossref --per-issue``: one Crossref deposit per issue.

The issue file is checked by the converter against Crossref's 5.3.1 XSD and, independently,
by xmllint with the same schema.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import BILINGUAL, EXTERNAL, xmllint_crossref

CROSSREF_XSD = EXTERNAL / "crossref-5.3.1"
CR = "{http://www.crossref.org/schema/5.3.1}"
ISSUE = BILINGUAL.parent  # Japanese Studies in Russia 2018, vol. 2 no. 3: two articles
NAME = "2687-1440-v2-n3.crossref.xml"


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("JATSCONV_CROSSREF_SCHEMA", str(CROSSREF_XSD))


def _copy_issue(tmp_path: Path) -> Path:
    folder = tmp_path / "issue"
    folder.mkdir()
    for path in ISSUE.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    shutil.copy(ISSUE.parent / "journal.yaml", tmp_path / "journal.yaml")
    return folder


def test_one_deposit_per_issue(tmp_path: Path, run) -> None:
    out = tmp_path / "out"
    result = run("convert", *sorted(ISSUE.glob("*.yaml")), "--to", "crossref", "--per-issue",
                 "-o", out)  # fmt: skip
    assert result.code == 0, result.err
    assert [p.name for p in out.iterdir()] == [NAME]
    path = out / NAME
    root = etree.parse(str(path)).getroot()
    assert root.tag == f"{CR}doi_batch"
    body = root.find(f"{CR}body")
    assert len(body.findall(f"{CR}journal")) == 1
    journal = body.find(f"{CR}journal")
    assert len(journal.findall(f"{CR}journal_metadata")) == 1
    assert len(journal.findall(f"{CR}journal_issue")) == 1
    assert journal.findtext(f"{CR}journal_issue/{CR}issue") == "3"
    dois = [d.text for d in journal.iterfind(f"{CR}journal_article/{CR}doi_data/{CR}doi")]
    assert sorted(dois) == ["10.5555/jsr.2018.3.21", "10.5555/jsr.2018.3.6"]
    first_id = root.findtext(f"{CR}head/{CR}doi_batch_id")
    assert first_id.startswith("2687-1440-v2-n3-")
    check = xmllint_crossref(path)
    assert check.returncode == 0, check.stderr
    # Both articles name the issue file; a second run gives a new, unique doi_batch_id.
    assert f"-> {path}" in result.err and "2 converted" in result.err
    run("convert", *sorted(ISSUE.glob("*.yaml")), "--to", "crossref", "--per-issue", "-o", out)
    again = etree.parse(str(path)).getroot().findtext(f"{CR}head/{CR}doi_batch_id")
    assert again != first_id


def test_article_without_doi_is_left_out_not_the_issue(tmp_path: Path, run) -> None:
    folder = _copy_issue(tmp_path)
    shchukin = folder / "shchukin-21.yaml"
    text = shchukin.read_text(encoding="utf-8")
    shchukin.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("doi:")) + "\n",
        encoding="utf-8",
    )
    result = run("convert", *sorted(folder.glob("*.yaml")), "--to", "crossref", "--per-issue")
    assert result.code == 1
    assert "doi: Crossref output needs the article's DOI" in result.err
    assert "shchukin-21.yaml: left out of its issue's Crossref deposit" in result.err
    root = etree.parse(str(folder / NAME)).getroot()
    dois = [d.text for d in root.iter(f"{CR}doi") if d.getparent().tag == f"{CR}doi_data"]
    assert dois == ["10.5555/jsr.2018.3.6"]


@pytest.mark.parametrize("command", ["convert", "batch"])
def test_a_doi_given_twice_is_deposited_once(tmp_path: Path, run, command: str) -> None:
    """An article file copied for the next article, its DOI left as it was: both records went
    into the issue's deposit, and Crossref would have taken the later over the earlier. The
    later is now refused, naming the earlier, and the deposit holds the DOI once."""
    folder = _copy_issue(tmp_path)
    streltsov = folder / "streltsov-6.yaml"  # (read after shchukin-21.yaml)
    text = streltsov.read_text(encoding="utf-8")
    streltsov.write_text(  # (the other's DOI in capitals: DOIs compare without case)
        text.replace("doi: 10.5555/jsr.2018.3.6", "doi: 10.5555/JSR.2018.3.21"), encoding="utf-8"
    )
    out = tmp_path / "out"
    sources = [folder] if command == "batch" else sorted(folder.glob("*.yaml"))
    result = run(command, *sources, "--to", "crossref", "--per-issue", "-o", out)
    assert result.code == 3, result.err
    assert (
        f"{streltsov}: doi: 10.5555/JSR.2018.3.21 is the DOI of {folder / 'shchukin-21.yaml'} "
        "too: a deposit registers a DOI once (give this article its own DOI); left out of its "
        "issue's Crossref deposit"
    ) in result.err
    root = etree.parse(str(out / NAME)).getroot()
    dois = [d.text for d in root.iter(f"{CR}doi") if d.getparent().tag == f"{CR}doi_data"]
    assert dois == ["10.5555/jsr.2018.3.21"]


def test_a_citation_part_past_crossrefs_limit_leaves_the_issue_valid(tmp_path: Path, run) -> None:
    """A cited volume longer than Crossref's 32 characters is left out of that citation, said
    with the article's DOI and the reference, and the issue file passes xmllint."""
    folder = _copy_issue(tmp_path)
    shchukin = folder / "shchukin-21.yaml"
    text = shchukin.read_text(encoding="utf-8")
    assert "    volume: 17\n" in text
    long_volume = '    volume: "Том 17: Экономика региона, приложение к выпуску"\n'
    shchukin.write_text(text.replace("    volume: 17\n", long_volume), encoding="utf-8")
    result = run("convert", *sorted(folder.glob("*.yaml")), "--to", "crossref", "--per-issue")
    assert result.code == 0, result.err
    assert (
        f"{folder / NAME}: warning: 10.5555/jsr.2018.3.21: references[5].volume: longer than "
        "Crossref's 32 characters, left out of the deposit"
    ) in result.err
    check = xmllint_crossref(folder / NAME)
    assert check.returncode == 0, check.stderr
    assert "Том 17" not in (folder / NAME).read_text(encoding="utf-8")


def test_rejected_issue_file_removes_the_earlier_one(tmp_path: Path, run) -> None:
    folder = _copy_issue(tmp_path)
    result = run("convert", *sorted(folder.glob("*.yaml")), "--to", "crossref", "--per-issue")
    assert result.code == 0 and (folder / NAME).is_file()
    streltsov = folder / "streltsov-6.yaml"
    text = streltsov.read_text(encoding="utf-8")
    assert "collection: 2018-09" in text
    streltsov.write_text(text.replace("collection: 2018-09", "collection: 2018-10"), "utf-8")
    result = run("convert", *sorted(folder.glob("*.yaml")), "--to", "crossref", "--per-issue")
    assert result.code == 1
    assert "the issue's date differs between" in result.err
    assert "earlier output removed" in result.err
    assert not (folder / NAME).exists()


def test_per_issue_needs_crossref(run) -> None:
    result = run("convert", BILINGUAL, "--per-issue")
    assert result.code == 2 and "use it with --to crossref" in result.err


def test_ojs_issue_is_one_deposit_in_convert_and_batch(tmp_path: Path, run) -> None:
    """The OJS sample (its journal file gives the OJS base URL): one valid issue deposit."""
    ojs = ISSUE.parent.parent / "ojs" / "2019-1" / "issue.xml"
    for command in ("convert", "batch"):
        out = tmp_path / command
        result = run(command, ojs, "--to", "crossref", "--per-issue", "-o", out)
        assert result.code == 0, result.err
        (path,) = out.glob("*.crossref.xml")
        root = etree.parse(str(path)).getroot()
        assert len(root.findall(f"{CR}body/{CR}journal")) == 1
        assert len(list(root.iter(f"{CR}journal_issue"))) == 1
        assert len(list(root.iter(f"{CR}journal_article"))) == 3
        check = xmllint_crossref(path)
        assert check.returncode == 0, check.stderr
    report = tmp_path / "report.json"
    result = run("batch", ojs, "--to", "crossref", "--per-issue", "-o", tmp_path / "b2",
                 "--report", report)  # fmt: skip
    assert result.code == 0
    import json

    rows = json.loads(report.read_text(encoding="utf-8"))["articles"]
    assert len(rows) == 3 and {r["status"] for r in rows} == {"converted"}
    assert len({r["output"] for r in rows}) == 1


def _titled(folder: Path, name: str, title: str) -> None:
    """Give one article of the copied issue an issue title (after its issue number)."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert text.count("\nissue: 3\n") == 1
    path.write_text(text.replace("\nissue: 3\n", f"\nissue: 3\nissue_title: {title}\n"), "utf-8")


def test_the_issues_title_is_deposited_once_for_the_issue(tmp_path: Path, run) -> None:
    """A themed issue's title, given in one article (an editorial may lack it), is the
    journal_issue's title of the issue's deposit, in the journal's language (Russian) since
    journal_issue takes one; the English one is said as not deposited."""
    folder = _copy_issue(tmp_path)
    _titled(folder, "streltsov-6.yaml", "{ru: Россия и Япония, en: Russia and Japan}")
    result = run("convert", *sorted(folder.glob("*.yaml")), "--to", "crossref", "--per-issue")
    assert result.code == 0, result.err
    path = folder / NAME
    root = etree.parse(str(path)).getroot()
    issue = root.find(f"{CR}body/{CR}journal/{CR}journal_issue")
    assert [t.text for t in issue.iter(f"{CR}title")] == ["Россия и Япония"]
    assert (
        f"{path}: warning: 10.5555/jsr.2018.3.6: issue_title: Crossref's journal_issue takes one "
        "title: the ru one is deposited, not en"
    ) in result.err
    check = xmllint_crossref(path)
    assert check.returncode == 0, check.stderr


def test_articles_that_disagree_on_the_issues_title_are_reported(tmp_path: Path, run) -> None:
    """Two titles for one issue: the deposit would carry one and lose the other in silence."""
    folder = _copy_issue(tmp_path)
    _titled(folder, "streltsov-6.yaml", "Россия и Япония")
    _titled(folder, "shchukin-21.yaml", "Япония в Азии")
    result = run("convert", *sorted(folder.glob("*.yaml")), "--to", "crossref", "--per-issue")
    assert result.code == 1
    assert (
        "the issue's title differs between 10.5555/jsr.2018.3.21 (ru: Япония в Азии) and "
        "10.5555/jsr.2018.3.6 (ru: Россия и Япония): give the articles one issue title"
    ) in result.err
    assert not (folder / NAME).exists()


def test_an_author_no_scheme_writes_is_said_on_its_article(tmp_path: Path, run) -> None:
    """In a deposit per issue, a name left without a Latin form (Kazakh letters) is a warning on
    its own article's source; the issue is deposited all the same."""
    folder = _copy_issue(tmp_path)
    article = folder / "shchukin-21.yaml"
    text = article.read_text(encoding="utf-8")
    kazakh = "authors:\n  - name: {ru: {surname: Әбдіхалықов, given: Қайрат}}\n"
    article.write_text(text.replace("authors:\n", kazakh, 1), encoding="utf-8")
    out = tmp_path / "out"
    result = run("convert", *sorted(folder.glob("*.yaml")), "--to", "crossref", "--per-issue",
                 "-o", out)  # fmt: skip
    assert result.code == 0, result.err
    assert (
        f"{article}: warning: authors[0].name: Kazakh letters (ә, қ): no transliteration "
        "scheme, give name.en"
    ) in result.err.splitlines()
    assert (out / NAME).is_file()


def test_an_articles_deposit_warning_is_said_once(tmp_path: Path, run) -> None:
    """A warning the issue's deposit gives about one article (its issue DOI without the
    issue's landing page) was told once per article of the issue, on every source; it is
    told once, on that article's source."""
    folder = _copy_issue(tmp_path)
    source = folder / "streltsov-6.yaml"
    source.write_text(
        source.read_text(encoding="utf-8") + "issue_doi: 10.5555/jsr.2018.3\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run("convert", *sorted(folder.glob("*.yaml")), "--to", "crossref", "--per-issue",
                 "-o", out)  # fmt: skip
    assert result.code == 0, result.err
    said = [line for line in result.err.splitlines() if "issue_doi:" in line]
    assert len(said) == 1, result.err
    assert "10.5555/jsr.2018.3.6: issue_doi: Crossref registers an issue's DOI" in said[0]


def test_batch_per_issue_writes_junit_one_case_per_article(tmp_path: Path, run) -> None:
    """``batch --per-issue --junit`` was refused ('writes no JUnit report'), though nothing
    kept it from one: one test case per article as a plain batch writes (bad input an error),
    a file that is no article skipped; a run stopped before any article, one case in error."""
    folder = _copy_issue(tmp_path)
    text = (folder / "streltsov-6.yaml").read_text(encoding="utf-8")
    broken = folder / "broken.yaml"
    broken.write_text(text.replace("doi: 10.5555/jsr.2018.3.6", "doi: not a doi"), "utf-8")
    (folder / "config.yaml").write_text("site: x\ntheme: y\n", encoding="utf-8")
    out, junit = tmp_path / "out", tmp_path / "junit.xml"
    result = run("batch", folder, "--to", "crossref", "--per-issue", "-o", out, "--junit", junit)
    assert result.code == 3, result.err
    assert (out / NAME).is_file()
    suite = etree.parse(str(junit)).getroot()[0]
    assert (suite.get("tests"), suite.get("errors"), suite.get("skipped")) == ("4", "1", "1")
    cases = {Path(case.get("name")).name: case for case in suite.iter("testcase")}
    assert sorted(cases) == ["broken.yaml", "config.yaml", "shchukin-21.yaml", "streltsov-6.yaml"]
    assert cases["broken.yaml"].find("error").get("message") == "bad input"
    assert "doi" in cases["broken.yaml"].find("error").text
    assert cases["config.yaml"].find("skipped").get("message") == "not an article"
    assert len(cases["streltsov-6.yaml"]) == 0 and len(cases["shchukin-21.yaml"]) == 0
    # A run that cannot start (no such --journal): its JUnit file all the same, for CI.
    missing = tmp_path / "nothere.yaml"
    result = run("batch", folder, "--to", "crossref", "--per-issue", "-o", out, "--junit", junit,
                 "--journal", missing)  # fmt: skip
    assert result.code == 2
    (case,) = etree.parse(str(junit)).iter("testcase")
    assert case.get("name") == "the run"
    assert case.find("error").text.endswith(f"{missing}: cannot read: no such file")
    assert "--junit" not in " ".join(run("batch", "--help").out.split()).split("--per-issue")[-1]


@pytest.mark.parametrize("option", ["--junit", "--report"])
def test_batch_per_issue_report_that_cannot_be_written_is_one_line(
    tmp_path: Path, run, option: str
) -> None:
    """``batch --per-issue`` whose ``--junit`` or ``--report`` cannot be written (its folder a
    file) stopped as an internal error (exit 70, Python's FileNotFoundError), where a plain
    batch says the file that cannot be written, exit 73; the deposit is written all the same."""
    folder = _copy_issue(tmp_path)
    (tmp_path / "taken").write_text("a file, not a folder\n", encoding="utf-8")
    target = tmp_path / "taken" / "out.xml"
    out = tmp_path / "out"
    plain = run("batch", folder, "--to", "crossref", "-o", tmp_path / "plain", option, target)
    result = run("batch", folder, "--to", "crossref", "--per-issue", "-o", out, option, target)
    assert plain.code == 73, plain.err
    assert result.code == 73, result.err
    assert "internal error" not in result.err
    said = [line for line in result.err.splitlines() if str(target) in line]
    assert said == [f"jatsconv: {target}: cannot write: not a folder: {target.parent}"] or (
        len(said) == 1 and said[0] in plain.err
    ), (said, plain.err)
    assert (out / NAME).is_file()


def test_batch_per_issue_junit_of_a_run_stopped_as_it_writes(tmp_path: Path, run) -> None:
    """A ``--per-issue`` run that read its articles and could not write the deposit (its name
    taken by a folder) wrote a JUnit file of one case, 'not started', and no sources: the run
    in error, stopped, as the report says, and each source not reached skipped."""
    folder = _copy_issue(tmp_path)
    out, junit = tmp_path / "out", tmp_path / "junit.xml"
    (out / NAME).mkdir(parents=True)
    result = run("batch", folder, "--to", "crossref", "--per-issue", "-o", out, "--junit", junit)
    assert result.code == 73, result.err
    suite = etree.parse(str(junit)).getroot()[0]
    assert (suite.get("tests"), suite.get("errors"), suite.get("skipped")) == ("3", "1", "2")
    cases = {Path(case.get("name")).name: case for case in suite.iter("testcase")}
    assert sorted(cases) == ["shchukin-21.yaml", "streltsov-6.yaml", "the run"]
    error = cases["the run"].find("error")
    assert error.get("message") == "stopped"
    assert error.text.endswith(f"{NAME}: cannot write: is a folder, not a file")
    skipped = cases["streltsov-6.yaml"].find("skipped")
    assert skipped.get("message") == "not reached: the run was stopped"
