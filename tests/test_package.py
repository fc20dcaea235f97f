"""PMC-style packages: names by jour-vol-pg, XML + PDF + figures, refusals, missing files."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import BILINGUAL, SEED
from converter.package import build_packages, name_problem


@pytest.fixture
def issue(tmp_path: Path) -> Path:
    """An issue folder: both samples' JATS with PDFs beside them."""
    folder = tmp_path / "issue"
    folder.mkdir()
    for sample in (SEED, BILINGUAL):
        xml = sample.with_suffix(".xml")
        shutil.copy(xml, folder / xml.name)
        (folder / xml.with_suffix(".pdf").name).write_bytes(b"%PDF-1.4 test\n")
    return folder


def test_package_per_article(issue: Path, run) -> None:
    out = issue / "out"
    result = run("package", issue / "streltsov-6.xml", issue / "streltsov-110.xml", "-o", out)
    assert result.code == 0, result.err
    with zipfile.ZipFile(out / "jsr-2-6.zip") as archive:
        assert archive.namelist() == ["jsr-2-6.pdf", "jsr-2-6.xml"]
        assert archive.read("jsr-2-6.xml") == (issue / "streltsov-6.xml").read_bytes()
    with zipfile.ZipFile(out / "rjr-1-110.zip") as archive:
        assert archive.namelist() == ["rjr-1-110.pdf", "rjr-1-110.xml"]


def test_a_figure_named_as_the_package_pdf_or_in_capitals_is_refused(issue: Path) -> None:
    """A figure the XML names 'jsr-2-6.pdf' would replace the article's own PDF in the zip
    (it did, in silence); an extension in capitals is one PMC refuses."""
    xml = issue / "streltsov-6.xml"
    for href in ("jsr-2-6.pdf", "fig2.TIF"):
        text = (issue / "streltsov-6.xml").read_text(encoding="utf-8")
        xml.write_text(
            text.replace(
                "</abstract>", f'<p><inline-graphic xlink:href="{href}"/></p></abstract>', 1
            ),
            encoding="utf-8",
        )
    (issue / "jsr-2-6.pdf").write_bytes(b"a figure")  # the article's PDF is streltsov-6.pdf
    (issue / "fig2.TIF").write_bytes(b"II*\x00")
    (result,) = build_packages([xml], issue / "out")
    assert result.path is None
    problems = " | ".join(result.problems)
    assert "references 'jsr-2-6.pdf', the name of the package's own PDF" in problems
    assert "'fig2.TIF': PMC asks for a lower-case extension (.tif)" in problems


def test_journal_code_skips_an_id_pmc_would_refuse_in_a_name() -> None:
    """SciELO's files give nlm-ta "Braz J Biol" (spaces) and publisher-id "bjb": the package
    is named by bjb, not refused."""
    from lxml import etree

    from converter.package import journal_code

    root = etree.fromstring(
        b'<article><front><journal-meta><journal-id journal-id-type="nlm-ta">Braz J Biol'
        b'</journal-id><journal-id journal-id-type="publisher-id">bjb</journal-id>'
        b"</journal-meta></front></article>"
    )
    assert journal_code(root) == "bjb"


def test_package_is_deterministic(issue: Path) -> None:
    first = build_packages([issue / "streltsov-6.xml"], issue / "a")[0]
    second = build_packages([issue / "streltsov-6.xml"], issue / "b")[0]
    assert first.path and second.path
    assert first.path.read_bytes() == second.path.read_bytes()


def test_package_with_figures(issue: Path) -> None:
    xml = issue / "streltsov-6.xml"
    text = xml.read_text(encoding="utf-8").replace(
        "</abstract>",
        '<p><inline-graphic xlink:href="fig1"/> and '
        '<inline-graphic xlink:href="https://example.org/remote.png"/></p></abstract>',
        1,
    )
    xml.write_text(text, encoding="utf-8")
    (issue / "fig1.tif").write_bytes(b"II*\x00")
    (result,) = build_packages([xml], issue / "out")
    assert result.problems == []
    with zipfile.ZipFile(result.path) as archive:
        assert sorted(archive.namelist()) == ["fig1.tif", "jsr-2-6.pdf", "jsr-2-6.xml"]


def test_missing_files_are_reported(issue: Path, run) -> None:
    xml = issue / "streltsov-6.xml"
    text = xml.read_text(encoding="utf-8").replace(
        "</abstract>", '<p><inline-graphic xlink:href="fig2.tif"/></p></abstract>', 1
    )
    xml.write_text(text, encoding="utf-8")
    (issue / "streltsov-6.pdf").unlink()
    result = run("package", xml, "-o", issue / "out", "--json")
    assert result.code == 3
    payload = json.loads(result.out)
    problems = " ".join(payload[0]["problems"])
    assert "no PDF found" in problems
    assert "references 'fig2.tif', which is missing" in problems
    assert payload[0]["written"] is None
    assert not (issue / "out" / "jsr-2-6.zip").exists()


def test_names_pmc_rejects_are_refused(issue: Path, run) -> None:
    result = run("package", issue / "streltsov-6.xml", "--journal-code", "Jpn Stud", "-o", issue)
    assert result.code == 3
    assert "contains characters PMC rejects (space)" in result.err
    assert not list(issue.glob("*.zip"))
    assert name_problem("a:b?c", "file") is not None
    assert name_problem("jsr-2-6.xml", "file") is None


def test_per_issue(issue: Path) -> None:
    other = issue / "second.xml"
    text = (issue / "streltsov-6.xml").read_text(encoding="utf-8")
    text = text.replace("jsr.2018.3.6", "jsr.2018.3.21")  # (another article: its own DOI)
    other.write_text(text.replace("<fpage>6</fpage>", "<fpage>21</fpage>"), encoding="utf-8")
    (issue / "second.pdf").write_bytes(b"%PDF-1.4\n")
    results = build_packages([issue / "streltsov-6.xml", other], issue / "out", per_issue=True)
    assert [r.name for r in results] == ["jsr-2-3.zip"]
    with zipfile.ZipFile(results[0].path) as archive:
        assert archive.namelist() == ["jsr-2-21.pdf", "jsr-2-21.xml", "jsr-2-6.pdf", "jsr-2-6.xml"]


def test_unreadable_and_unnamed(issue: Path, tmp_path: Path) -> None:
    (result,) = build_packages([tmp_path / "missing.xml"], tmp_path)
    assert "cannot read" in result.problems[0]
    bare = tmp_path / "bare.xml"
    bare.write_text("<article><front><article-meta/></front></article>", encoding="utf-8")
    (result,) = build_packages([bare], tmp_path)
    assert "cannot name the package: no journal code" in result.problems[0]


def test_journal_code_falls_back_to_issn(tmp_path: Path) -> None:
    from lxml import etree

    from converter.package import journal_code

    root = etree.fromstring(
        b'<article><front><journal-meta><issn publication-format="print">2658-6444</issn>'
        b'<issn publication-format="electronic">2658-6789</issn></journal-meta></front></article>'
    )
    assert journal_code(root) == "2658-6789"
    root.find("front/journal-meta").remove(root.find("front/journal-meta/issn[2]"))
    assert journal_code(root) == "2658-6444"


def test_two_articles_of_one_volume_on_one_page_name_each_other(issue: Path, run) -> None:
    """Pages that start again in each issue give two articles of a volume one PMC name: the
    line said "two different files named rjr-1-110.xml" without the other article."""
    first = issue / "streltsov-110.xml"
    second = issue / "streltsov-110-issue2.xml"
    text = first.read_text(encoding="utf-8")
    second.write_text(text.replace("<issue>1</issue>", "<issue>2</issue>"), encoding="utf-8")
    (issue / "streltsov-110-issue2.pdf").write_bytes(b"%PDF-1.4 other\n")
    result = run("package", first, second, "-o", issue / "out")
    assert result.code == 3
    assert (
        f"{second}: two different files named rjr-1-110.xml: {first} has the same journal "
        "code, volume and first page in another issue, and PMC names files jour-vol-pg: give "
        "--name-with-issue to name them jour-vol-iss-pg" in result.err
    )
    assert not (issue / "out" / "rjr-1-110.zip").exists()


def test_one_article_given_twice_from_two_folders_is_said_as_such(issue: Path, run) -> None:
    """The same article from two folders (the same file content, or the same DOI in two
    versions of it) was said as two articles starting on one page, with PMC's sequence letters
    (or, given the DOI's other version in another issue, pages that start again in each
    issue): one line says it is the same article given twice."""
    first = issue / "streltsov-110.xml"
    again = issue / "again"
    again.mkdir()
    shutil.copy(first, again / first.name)
    shutil.copy(first.with_suffix(".pdf"), again / "streltsov-110.pdf")
    result = run("package", first, again / first.name, "-o", issue / "out")
    assert result.code == 3
    problems = [line for line in result.err.splitlines() if ": warning: " not in line]
    assert problems == [
        f"{again / first.name}: the same article as {first} (the same file content), given "
        "twice: give it once",
        "rjr-1-110.zip: not written",
    ]
    doi = '<article-id pub-id-type="doi">10.1234/RJR.2018.110</article-id>'
    text = first.read_text(encoding="utf-8").replace("<article-meta>", "<article-meta>" + doi)
    first.write_text(text, encoding="utf-8")
    other = text.replace("<issue>1</issue>", "<issue>2</issue>").replace("RJR", "rjr")
    (again / first.name).write_text(other, encoding="utf-8")
    result = run("package", first, again / first.name, "-o", issue / "out")
    assert result.code == 3
    assert (
        f"{again / first.name}: the same article as {first} (the same DOI, 10.1234/rjr.2018.110)"
        ", given twice: give it once"
    ) in result.err
    assert "start again" not in result.err and "two different files" not in result.err


def test_name_with_issue_packages_articles_of_two_issues_on_one_page(issue: Path, run) -> None:
    """PMC's current names hold the issue (jour-vol-iss-pg): two articles on page 110 of
    issues 1 and 2 of volume 1 were refused as one name. ``--name-with-issue`` packages both;
    an article's name is the same whatever else the run holds (a replacement keeps its name),
    and without the option nothing changes."""
    first = issue / "streltsov-110.xml"
    second = issue / "streltsov-110-issue2.xml"
    text = first.read_text(encoding="utf-8")
    second.write_text(text.replace("<issue>1</issue>", "<issue>2</issue>"), encoding="utf-8")
    (issue / "streltsov-110-issue2.pdf").write_bytes(b"%PDF-1.4 other\n")
    out = issue / "out"
    result = run("package", first, second, "-o", out, "--name-with-issue")
    assert result.code == 0, result.err
    with zipfile.ZipFile(out / "rjr-1-1-110.zip") as archive:
        assert archive.namelist() == ["rjr-1-1-110.pdf", "rjr-1-1-110.xml"]
    with zipfile.ZipFile(out / "rjr-1-2-110.zip") as archive:
        assert archive.namelist() == ["rjr-1-2-110.pdf", "rjr-1-2-110.xml"]
        assert archive.read("rjr-1-2-110.xml") == second.read_bytes()
    alone = run("package", first, "-o", issue / "alone", "--name-with-issue")
    assert alone.code == 0 and (issue / "alone" / "rjr-1-1-110.zip").is_file()
    assert run("package", first, "-o", issue / "old").code == 0
    assert (issue / "old" / "rjr-1-110.zip").is_file()
    # two of one issue on one page: the option does not help, and the line says why
    third = issue / "streltsov-110-again.xml"
    # (another article: one given twice is said as such)
    third.write_text(second.read_text(encoding="utf-8").replace("Systemic", "Another"), "utf-8")
    (issue / "streltsov-110-again.pdf").write_bytes(b"%PDF-1.4 third\n")
    clash = run("package", second, third, "-o", issue / "clash", "--name-with-issue")
    assert clash.code == 3
    assert "same journal code, volume, issue and first page (PMC's sequence letters" in clash.err


def test_two_figures_of_one_name_in_an_issue_package_name_the_other_article(
    tmp_path: Path,
) -> None:
    issue_dir = BILINGUAL.parent
    paths = []
    for stem, figure in (("streltsov-6", b"II*\x00one"), ("shchukin-21", b"II*\x00two")):
        folder = tmp_path / stem
        folder.mkdir()
        text = (issue_dir / f"{stem}.xml").read_text(encoding="utf-8")
        xml = folder / f"{stem}.xml"
        xml.write_text(
            text.replace(
                "</abstract>", '<p><inline-graphic xlink:href="fig1.tif"/></p></abstract>', 1
            ),
            encoding="utf-8",
        )
        (folder / f"{stem}.pdf").write_bytes(b"%PDF-1.4\n")
        (folder / "fig1.tif").write_bytes(figure)
        paths.append(xml)
    (result,) = build_packages(paths, tmp_path / "out", per_issue=True)
    assert result.path is None
    assert (
        f"{paths[1]}: two different files named fig1.tif: {paths[0]} references another file "
        "of that name (rename one of them, and its reference)"
    ) in result.problems


def test_a_crossref_doaj_or_yaml_file_is_named_as_what_it_is(tmp_path: Path, run) -> None:
    """A batch folder holds the JATS files beside the DOAJ and Crossref records of other
    --to runs: ``package out/*.xml`` said of those "cannot name the package: no journal
    code (journal-id or ISSN), volume, fpage or elocation-id", and of a YAML article "not
    well-formed", where ``check`` and ``validate`` say what each file is."""
    doaj = tmp_path / "a.doaj.xml"
    doaj.write_text("<records><record><title>T</title></record></records>", encoding="utf-8")
    crossref = tmp_path / "a.crossref.xml"
    crossref.write_text(
        '<doi_batch xmlns="http://www.crossref.org/schema/5.3.1" version="5.3.1"/>',
        encoding="utf-8",
    )
    result = run("package", doaj, crossref, SEED, "-o", tmp_path / "out")
    assert result.code == 3
    assert f"{doaj}: this is DOAJ article XML (records), not JATS: " in result.err
    assert f"{crossref}: this is a Crossref deposit (doi_batch), not JATS: " in result.err
    assert f"{SEED}: this is an article input file (YAML), not JATS: " in result.err
    assert "cannot name the package" not in result.err
    assert "not well-formed" not in result.err


def test_a_jats_version_pmc_does_not_take_is_said_and_still_packed(issue: Path, run) -> None:
    """A JATS 1.4 file went into a PMC zip without a word (PMC takes 1.0–1.3): one warning a
    file, naming the fix, the zip still written, as the pmc check's pmc-dtd-version says it."""
    old = issue / "streltsov-110.xml"
    old.write_text(
        old.read_text(encoding="utf-8").replace('dtd-version="1.4"', 'dtd-version="1.3"', 1),
        encoding="utf-8",
    )
    new = issue / "streltsov-6.xml"
    out = issue / "out"
    result = run("package", new, old, "-o", out, "-q")
    assert result.code == 0, result.err
    assert result.err.splitlines() == [
        f"{new}: warning: JATS 1.4, and PMC takes JATS 1.0–1.3: convert it with --profile pmc "
        "(or --jats-version 1.3) and package that file"
    ]
    assert sorted(p.name for p in out.iterdir()) == ["jsr-2-6.zip", "rjr-1-110.zip"]
    result = run("package", new, old, "-o", out, "--json")
    payload = {item["package"]: item for item in json.loads(result.out)}
    assert [len(payload[name]["warnings"]) for name in ("jsr-2-6.zip", "rjr-1-110.zip")] == [1, 0]


def test_the_pdf_and_figures_given_beside_their_xml_go_into_its_package(issue: Path, run) -> None:
    """``package issue/*`` names each article's PDF (and figures) too: they are members of the
    packages built, not files to refuse. Until 4 December 2026 each was said as 'this is a
    PDF, not JATS … convert the article's YAML … instead' and 'not written', exit 3, though
    its package held it. A PDF no XML given takes is still said as what it is."""
    xml = issue / "streltsov-6.xml"
    text = xml.read_text(encoding="utf-8")
    xml.write_text(
        text.replace("</abstract>", '<p><inline-graphic xlink:href="fig1.png"/></p></abstract>'),
        encoding="utf-8",
    )
    (issue / "fig1.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    stray = issue / "stray.pdf"
    stray.write_bytes(b"%PDF-1.4 \xff\xfe stray\n")
    out = issue / "out"
    members = sorted(p for p in issue.iterdir() if p.is_file() and p != stray)
    result = run("package", *members, "-o", out, "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert sorted(r["package"] for r in report) == ["jsr-2-6.zip", "rjr-1-110.zip"]
    assert all(r["written"] and not r["problems"] for r in report)
    with zipfile.ZipFile(out / "jsr-2-6.zip") as archive:
        assert archive.namelist() == ["fig1.png", "jsr-2-6.pdf", "jsr-2-6.xml"]
    again = run("package", *members, stray, "-o", issue / "out2")
    assert again.code == 3
    assert f"{stray}: this is a PDF, not JATS" in again.err
    assert "streltsov-6.pdf" not in again.err and "fig1.png" not in again.err
    text = (issue / "streltsov-110.xml").read_text(encoding="utf-8")
    (issue / "streltsov-110.xml").write_text(text.replace("<volume>1</volume>", ""), "utf-8")
    unnamed = run("package", *members, "-o", issue / "out3")
    assert unnamed.code == 3
    assert "streltsov-110.xml: cannot name the package: no volume" in unnamed.err
    assert "streltsov-110.pdf" not in unnamed.err


def test_an_article_on_the_page_of_one_packaged_before_does_not_replace_it(
    issue: Path, run
) -> None:
    """Two articles of one issue starting on one page share PMC's name (jour-vol-iss-pg);
    given together they are refused, naming each other. Packaged one run at a time, the
    second's zip replaced the first's in silence. It is refused, naming the DOI the zip holds;
    a package of the same article again (a correction) still replaces it."""
    out = issue / "out"
    first = issue / "streltsov-6.xml"
    assert run("package", first, "-o", out, "--name-with-issue").code == 0
    packaged = (out / "jsr-2-3-6.zip").read_bytes()
    other = issue / "other" / "streltsov-6.xml"
    other.parent.mkdir()
    text = first.read_text(encoding="utf-8")
    assert "10.5555/jsr.2018.3.6<" in text
    other.write_text(text.replace("10.5555/jsr.2018.3.6<", "10.5555/jsr.2018.3.7<"), "utf-8")
    (other.parent / "streltsov-6.pdf").write_bytes(b"%PDF-1.4 another article\n")
    result = run("package", other, "-o", out, "--name-with-issue")
    assert result.code == 3
    assert (
        f"{other}: {out / 'jsr-2-3-6.zip'} holds another article, 10.5555/jsr.2018.3.6, "
        "packaged before under the same name (the same journal code, volume, issue and first "
        "page): not replaced"
    ) in result.err
    assert (out / "jsr-2-3-6.zip").read_bytes() == packaged
    (issue / "streltsov-6.pdf").write_bytes(b"%PDF-1.4 corrected\n")
    again = run("package", first, "-o", out, "--name-with-issue")
    assert again.code == 0, again.err
    with zipfile.ZipFile(out / "jsr-2-3-6.zip") as archive:
        assert archive.read("jsr-2-3-6.pdf") == b"%PDF-1.4 corrected\n"


def test_articles_without_a_doi_packaged_one_run_at_a_time_are_told_apart(issue: Path, run) -> None:
    """With no DOI an article's package replaced another's an earlier run wrote under its
    name, in silence: they are told apart by another id both give, the issue, the title, and
    refused when nothing tells them; the same article again (a correction) still replaces it."""
    import re

    out = issue / "out"
    first = issue / "streltsov-6.xml"
    text = re.sub(r'\s*<article-id pub-id-type="doi">[^<]*</article-id>', "", first.read_text())
    first.write_text(text, encoding="utf-8")
    assert run("package", first, "-o", out).code == 0
    zipped = out / "jsr-2-6.zip"
    packaged = zipped.read_bytes()
    other = issue / "other" / "streltsov-6.xml"
    other.parent.mkdir()
    (other.parent / "streltsov-6.pdf").write_bytes(b"%PDF-1.4 another article\n")
    title = "Российско-японские отношения: системный кризис или новые возможности?"
    no_id = re.sub(r'\s*<article-id pub-id-type="publisher-id">[^<]*</article-id>', "", text)
    for changed, held in (
        (text.replace("jsr-2018-3-6<", "jsr-2018-3-7<"), "publisher-id jsr-2018-3-6"),
        (no_id.replace("<issue>3</issue>", "<issue>4</issue>"), "in issue 3"),
        (no_id.replace(title, "Другая статья"), repr(title)),
    ):
        other.write_text(changed, encoding="utf-8")
        result = run("package", other, "-o", out)
        assert result.code == 3
        assert f"{other}: {zipped} holds another article, {held}, packaged before" in result.err
        assert zipped.read_bytes() == packaged
        hint = "give --name-with-issue to name them jour-vol-iss-pg" in result.err
        assert hint == held.startswith("in issue")
    other.write_text(re.sub(r"<title-group>.*?</title-group>", "", no_id, flags=re.S), "utf-8")
    result = run("package", other, "-o", out)
    assert result.code == 3
    assert f"{zipped} holds an article packaged before under the same name" in result.err
    assert "cannot be told from this one" in result.err
    assert zipped.read_bytes() == packaged
    (issue / "streltsov-6.pdf").write_bytes(b"%PDF-1.4 corrected\n")
    first.write_text(text.replace(title, title + " "), encoding="utf-8")  # the XML corrected too
    again = run("package", first, "-o", out)
    assert again.code == 0, again.err
    with zipfile.ZipFile(zipped) as archive:
        assert archive.read("jsr-2-6.pdf") == b"%PDF-1.4 corrected\n"


def _article_on_page(issue: Path, page: int) -> Path:
    """Another article of the issue of ``streltsov-6.xml``, starting on ``page``, its PDF beside."""
    text = (issue / "streltsov-6.xml").read_text(encoding="utf-8")
    xml = issue / f"page-{page}.xml"
    xml.write_text(text.replace("jsr.2018.3.6<", f"jsr.2018.3.{page}<").replace(
        "<fpage>6</fpage>", f"<fpage>{page}</fpage>"), encoding="utf-8")  # fmt: skip
    xml.with_suffix(".pdf").write_bytes(b"%PDF-1.4 test\n")
    return xml


def test_an_issue_zip_replaced_without_articles_it_held_says_which(issue: Path, run) -> None:
    """``--per-issue`` replacing the zip an earlier run wrote for the issue (articles A and B)
    with one of other articles (C) dropped A and B from it without a word: a warning names
    each, and the zip is still written (the same issue: a replacement PMC takes)."""
    out = issue / "out"
    first = issue / "streltsov-6.xml"
    second = _article_on_page(issue, 21)
    assert run("package", first, second, "-o", out, "--per-issue").code == 0
    zipped = out / "jsr-2-3.zip"
    again = run("package", first, second, "-o", out, "--per-issue")  # (all of it again)
    assert again.code == 0 and "earlier run" not in again.err, again.err
    third = _article_on_page(issue, 40)
    result = run("package", third, "-o", out, "--per-issue")
    assert result.code == 0, result.err
    assert (
        f"{zipped}: warning: the zip an earlier run wrote for this issue held jsr-2-21.xml "
        "(DOI 10.5555/jsr.2018.3.21) and jsr-2-6.xml (DOI 10.5555/jsr.2018.3.6), which this "
        "run does not: replaced without them (give them too to keep them in the zip)"
    ) in result.err
    with zipfile.ZipFile(zipped) as archive:
        assert sorted(archive.namelist()) == ["jsr-2-40.pdf", "jsr-2-40.xml"]
    json_run = run("package", third, first, "-o", out, "--per-issue", "--json")
    assert json_run.code == 0, json_run.err
    said = json.loads(json_run.out)[0]["warnings"]  # (it held only jsr-2-40: none gone)
    assert said and not [line for line in said if "earlier run" in line]


def test_an_issue_zip_packaged_before_is_not_replaced_by_another_issues(issue: Path, run) -> None:
    """``--per-issue`` wrote over an earlier run's ``jour-vol-iss.zip`` whatever it held: an
    issue of another journal given the same code (``--journal-code``), or of a volume numbered
    again, replaced it in silence. It is refused, naming what tells the issues apart, as plain
    ``package`` refuses another article's zip; the same issue again (a correction, an article
    added) still replaces it, and one that nothing tells apart is refused as well."""
    import re

    out = issue / "out"
    first = issue / "streltsov-6.xml"
    assert run("package", first, "-o", out, "--per-issue").code == 0
    zipped = out / "jsr-2-3.zip"
    packaged = zipped.read_bytes()
    other = issue / "other" / "streltsov-6.xml"
    other.parent.mkdir()
    (other.parent / "streltsov-6.pdf").write_bytes(b"%PDF-1.4 another journal\n")
    text = first.read_text(encoding="utf-8")
    another_journal = text.replace("2500-2872", "1234-5679").replace("2687-1440", "1234-5660")
    another_journal = another_journal.replace("10.5555/jsr.2018.3.6<", "10.5555/x.2018.3.6<")
    another_year = text.replace("10.5555/jsr.2018.3.6<", "10.5555/jsr.2024.3.6<")
    another_year = another_year.replace("<year>2018</year>", "<year>2024</year>")
    for changed, held in (
        (another_journal, "ISSN 2500-2872 2687-1440"),
        (another_year, "year 2018"),
    ):
        other.write_text(changed, encoding="utf-8")
        result = run("package", other, "-o", out, "--per-issue")
        assert result.code == 3, result.err
        assert (
            f"{other}: {zipped} holds another issue, {held}, packaged before under the same name "
            "(the same journal code, volume and issue): not replaced"
        ) in result.err
        assert zipped.read_bytes() == packaged
    bare = re.sub(r"<issn [^>]*>[^<]*</issn>|<journal-title>[^<]*</journal-title>", "", text)
    bare = re.sub(r"<year>2018</year>", "", bare).replace("jsr.2018.3.6<", "jsr.2018.3.9<")
    other.write_text(bare, encoding="utf-8")
    result = run("package", other, "-o", out, "--per-issue")
    assert result.code == 3
    assert f"{zipped} holds an issue packaged before under the same name" in result.err
    assert "cannot be told from this one" in result.err
    assert zipped.read_bytes() == packaged
    # the same issue again: the article corrected, an article added
    (issue / "streltsov-6.pdf").write_bytes(b"%PDF-1.4 corrected\n")
    added = issue / "added.xml"
    added.write_text(text.replace("jsr.2018.3.6<", "jsr.2018.3.21<").replace(
        "<fpage>6</fpage>", "<fpage>21</fpage>"), encoding="utf-8")  # fmt: skip
    (issue / "added.pdf").write_bytes(b"%PDF-1.4 added\n")
    again = run("package", first, added, "-o", out, "--per-issue")
    assert again.code == 0, again.err
    with zipfile.ZipFile(zipped) as archive:
        assert archive.read("jsr-2-6.pdf") == b"%PDF-1.4 corrected\n"
        assert "jsr-2-21.xml" in archive.namelist()
    alone = run("package", added, "-o", out, "--per-issue")  # (told by ISSN, volume …, year)
    assert alone.code == 0, alone.err


def test_an_issue_zip_renamed_with_issue_names_no_article_as_left_out(issue: Path, run) -> None:
    """The same articles packaged again under ``--name-with-issue`` (jsr-2-3-6.xml where the
    zip held jsr-2-6.xml) are in the new zip: the warning said they were left out of it; an
    article given again under a new name is still in it, and one whose name another article
    now takes (pages renumbered) is said, as it is gone."""
    out = issue / "out"
    first = issue / "streltsov-6.xml"
    second = _article_on_page(issue, 21)
    assert run("package", first, second, "-o", out, "--per-issue").code == 0
    renamed = run("package", first, second, "-o", out, "--per-issue", "--name-with-issue")
    assert renamed.code == 0, renamed.err
    assert "earlier run" not in renamed.err, renamed.err
    # Page 21 now holds another article (DOI …40): the one it replaces is gone, and said.
    text = second.read_text(encoding="utf-8").replace("jsr.2018.3.21<", "jsr.2018.3.40<")
    second.write_text(text, encoding="utf-8")
    result = run("package", first, second, "-o", out, "--per-issue", "--name-with-issue")
    assert result.code == 0, result.err
    assert (
        "held jsr-2-3-21.xml (DOI 10.5555/jsr.2018.3.21), which this run does not: replaced "
        "without it"
    ) in result.err


def test_an_article_left_out_of_a_replaced_issue_zip_is_named_by_its_doi_as_written(
    issue: Path, run
) -> None:
    """The warning named a DOI in lower case (``10.5555/jsr.2018.3.abc`` for
    ``10.5555/JSR.2018.3.ABC``): a DOI is named as the article writes it."""
    out = issue / "out"
    first = _article_on_page(issue, 21)
    text = first.read_text(encoding="utf-8").replace("jsr.2018.3.21<", "JSR.2018.3.ABC<")
    first.write_text(text, encoding="utf-8")
    assert run("package", first, "-o", out, "--per-issue").code == 0
    result = run("package", issue / "streltsov-6.xml", "-o", out, "--per-issue")
    assert result.code == 0, result.err
    assert "held jsr-2-21.xml (DOI 10.5555/JSR.2018.3.ABC), which this run does not" in result.err
