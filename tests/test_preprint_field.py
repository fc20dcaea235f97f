"""A preprint the model knows as one, published as a journal article or not (``preprint: true``).

Before, the model told a preprint only by the article it became (a related article of type
``published-article``): a preprint not yet published was written and deposited as a journal
article. Now ``preprint: true`` says it: JATS writes ``<article-version
article-version-type="status">preprint</article-version>`` (valid by the JATS 1.3 and 1.4 DTDs,
checked by xmllint through the catalog of the installed DTDs) and reads it back; Crossref gets
``posted_content type="preprint"`` (checked by xmllint against Crossref's 5.3.1 XSD) with no
``isPreprintOf``; the Crossref reader reads a deposit's or a work's preprint type as it; the
checks, the spreadsheet and the web form agree.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import BILINGUAL, EXTERNAL, xmllint, xmllint_crossref
from converter.readers import ReadContext, read_source
from converter.writers.jats import render_jats

CROSSREF_XSD = EXTERNAL / "crossref-5.3.1"
NS = {"c": "http://www.crossref.org/schema/5.3.1", "rel": "http://www.crossref.org/relations.xsd"}
VERSION = '<article-version article-version-type="status">preprint</article-version>'


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    config = tmp_path / "config.toml"
    config.write_text(
        '[crossref]\ndepositor_name = "T"\ndepositor_email = "t@example.org"\nregistrant = "T"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("JATSCONV_CONFIG", str(config))
    monkeypatch.setenv("JATSCONV_CROSSREF_SCHEMA", str(CROSSREF_XSD))


def _preprint(tmp_path: Path) -> Path:
    """The bilingual sample said to be a preprint; it names no article it became."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = BILINGUAL.read_text(encoding="utf-8")
    assert "related_articles" not in text
    article = folder / BILINGUAL.name
    article.write_text(text + "preprint: true\n", encoding="utf-8")
    shutil.copy(BILINGUAL.parents[1] / "journal.yaml", folder / "journal.yaml")
    return article


def _xpath(path: Path, expression: str) -> list[str]:
    return [
        "".join(node.itertext()) if isinstance(node, etree._Element) else str(node)
        for node in etree.parse(str(path)).xpath(expression, namespaces=NS)
    ]


@pytest.mark.parametrize("version", ["1.4", "1.3"])
@pytest.mark.parametrize("tag_set", ["publishing", "archiving"])
def test_a_preprint_says_so_in_jats_and_reads_back(
    tmp_path: Path, run, store, version: str, tag_set: str
) -> None:
    article = _preprint(tmp_path)
    out = tmp_path / "out"
    result = run("convert", article, "-o", out, "--jats-version", version, "--tag-set", tag_set)
    assert result.code == 0, result.err
    written = out / f"{article.stem}.xml"
    xml = written.read_text(encoding="utf-8")
    assert xml.count(VERSION) == 1
    assert "related-article" not in xml
    check = xmllint(written, store.catalog)
    assert check.returncode == 0, check.stderr
    [loaded] = list(read_source(written, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.preprint is True
    assert not [w for w in loaded.warnings if "article-version" in w]
    again = render_jats(loaded.article, version, tag_set)  # type: ignore[arg-type]
    assert again.encode() == written.read_bytes()


def test_an_article_is_no_preprint_unless_said(tmp_path: Path, run) -> None:
    result = run("convert", BILINGUAL, "-o", tmp_path)
    assert result.code == 0, result.err
    assert "article-version" not in (tmp_path / f"{BILINGUAL.stem}.xml").read_text("utf-8")


def test_a_foreign_files_preprint_version_is_read_and_another_is_said(tmp_path: Path) -> None:
    """A status written otherwise ('Preprint', spaced) is read as the preprint it says; a
    version the model has no place for is said, as before."""
    article = _preprint(tmp_path)
    [loaded] = list(read_source(article, None, ReadContext()))
    assert loaded.article is not None
    xml = render_jats(loaded.article).replace(
        VERSION,
        '<article-version article-version-type=" status "> Preprint </article-version>\n'
        '      <article-version article-version-type="number">2</article-version>',
    )
    path = tmp_path / "foreign.xml"
    path.write_text(xml, encoding="utf-8")
    [read] = list(read_source(path, None, ReadContext()))
    assert read.article is not None, read.problems
    assert read.article.preprint is True
    assert [w for w in read.warnings if "article-version" in w] == [
        "article-version '2' (number) is not in the model: left out"
    ]


def test_a_preprint_not_yet_published_is_deposited_as_posted_content(tmp_path: Path, run) -> None:
    article = _preprint(tmp_path)
    result = run("convert", article, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    deposit = tmp_path / "out" / f"{article.stem}.crossref.xml"
    check = xmllint_crossref(deposit)
    assert check.returncode == 0, check.stderr
    body = etree.parse(str(deposit)).find("c:body", NS)
    assert [etree.QName(child).localname for child in body] == ["posted_content"]
    assert _xpath(deposit, "//c:posted_content/@type") == ["preprint"]
    assert not _xpath(deposit, "//c:journal | //c:journal_article | //c:issn")
    # no article it became: no relation (and no empty program the schema would refuse)
    assert not _xpath(deposit, "//rel:program | //rel:intra_work_relation")
    assert _xpath(deposit, "//c:doi_data/c:doi") == ["10.5555/jsr.2018.3.6"]
    assert "isPreprintOf" not in result.err


def test_an_issue_deposit_keeps_a_preprint_apart(tmp_path: Path, run) -> None:
    """--per-issue puts a preprint said so in the journal's preprints file, as one naming the
    article it became."""
    article = _preprint(tmp_path)
    other = BILINGUAL.parent / "shchukin-21.yaml"
    shutil.copy(other, article.parent / other.name)
    out = tmp_path / "out"
    result = run("convert", article, article.parent / other.name, "--to", "crossref",
                 "--per-issue", "-o", out)  # fmt: skip
    assert result.code == 0, result.err
    preprints = out / "2687-1440-preprints.crossref.xml"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["2687-1440-v2-n3.crossref.xml", preprints.name]
    )
    assert xmllint_crossref(preprints).returncode == 0
    assert _xpath(preprints, "//c:posted_content/c:doi_data/c:doi") == ["10.5555/jsr.2018.3.6"]


POSTED = """<?xml version="1.0" encoding="UTF-8"?>
<doi_batch xmlns="http://www.crossref.org/schema/5.3.1" version="5.3.1"
 xmlns:jats="http://www.ncbi.nlm.nih.gov/JATS1">
<head><doi_batch_id>p1</doi_batch_id><timestamp>1</timestamp>
<depositor><depositor_name>T</depositor_name><email_address>t@example.org</email_address>
</depositor><registrant>T</registrant></head>
<body><posted_content type="preprint" language="en">
<group_title>Neuroscience</group_title>
<contributors><person_name sequence="first" contributor_role="author">
<given_name>Anna</given_name><surname>Smith</surname></person_name></contributors>
<titles><title>Sleep and memory in mice</title></titles>
<posted_date media_type="online"><month>03</month><day>04</day><year>2021</year></posted_date>
<institution><institution_name>Test Preprint Server</institution_name></institution>
<doi_data><doi>10.5555/preprint.1</doi><resource>https://preprints.example/1</resource></doi_data>
</posted_content></body></doi_batch>
"""


def test_a_posted_content_deposit_not_yet_published_stays_a_preprint(
    tmp_path: Path, run, store
) -> None:
    """Read, it is a preprint with nothing said; deposited again, posted content; as JATS, it
    says it is a preprint."""
    source = tmp_path / "preprint.xml"
    source.write_text(POSTED, encoding="utf-8")
    [read] = list(read_source(source, None, ReadContext()))
    assert read.article is not None, read.problems
    assert read.warnings == []
    assert read.article.preprint is True
    assert read.article.related_articles == []
    result = run("convert", source, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    again = tmp_path / "out" / "preprint.crossref.xml"
    assert xmllint_crossref(again).returncode == 0
    assert _xpath(again, "//c:posted_content/@type") == ["preprint"]
    assert not _xpath(again, "//rel:program")
    result = run("convert", source, "-o", tmp_path / "jats", "--tag-set", "archiving")
    assert result.code == 0, result.err
    jats = tmp_path / "jats" / "preprint.xml"
    assert VERSION in jats.read_text(encoding="utf-8")
    assert xmllint(jats, store.catalog).returncode == 0


def test_posted_content_of_another_type_is_still_said(tmp_path: Path) -> None:
    """A working paper is no preprint: the model has no such kind, so it is a journal
    article, which is said."""
    source = tmp_path / "paper.xml"
    source.write_text(POSTED.replace('type="preprint"', 'type="working_paper"'), "utf-8")
    [read] = list(read_source(source, None, ReadContext()))
    assert read.article is not None
    assert read.article.preprint is False
    assert [str(w) for w in read.warnings] == [
        "<posted_content type='working_paper'>: no such type in JATS: read as a journal article"
    ]


def _work(tmp_path: Path, **fields: object) -> Path:
    work = {
        "DOI": "10.5555/preprint.2",
        "type": "posted-content",
        "title": ["Sleep and memory in mice"],
        "group-title": "Neuroscience",
        "institution": [{"name": "Test Preprint Server"}],
        "posted": {"date-parts": [[2021, 3, 4]]},
        "author": [{"given": "Anna", "family": "Smith", "sequence": "first"}],
        "resource": {"primary": {"URL": "https://preprints.example/2"}},
        **fields,
    }
    source = tmp_path / "work.json"
    source.write_text(json.dumps({"message-type": "work", "message": work}), encoding="utf-8")
    return source


def test_a_registry_preprint_not_yet_published_is_read_as_one(tmp_path: Path, run) -> None:
    source = _work(tmp_path, subtype="preprint")
    result = run("convert", source, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert "read as a journal article" not in result.err
    assert "subtype" not in result.err
    deposit = tmp_path / "out" / "work.crossref.xml"
    assert xmllint_crossref(deposit).returncode == 0
    assert _xpath(deposit, "//c:posted_content/@type") == ["preprint"]
    assert not _xpath(deposit, "//rel:program")
    # posted content the record does not type as a preprint is a journal article, said
    [read] = list(read_source(_work(tmp_path), None, ReadContext()))
    assert read.article is not None and read.article.preprint is False
    assert "type 'posted-content': read as a journal article" in [str(w) for w in read.warnings]


def test_a_registry_preprints_posted_date_beside_another_online_date_is_said(
    tmp_path: Path,
) -> None:
    """A work with both a posted and a published-online date keeps the latter as its one online
    date; the posted day is said, not dropped in silence. The same day twice says nothing."""
    online = {"date-parts": [[2021, 5, 6]]}
    [read] = list(
        read_source(
            _work(tmp_path, subtype="preprint", **{"published-online": online}), None, ReadContext()
        )
    )
    assert read.article is not None, read.problems
    assert read.article.published.electronic == "2021-05-06"
    assert [str(w) for w in read.warnings if "posted" in str(w)] == [
        "posted '2021-03-04' beside published-online '2021-05-06': not carried (the article "
        "model has no place for it)"
    ]
    same = {"date-parts": [[2021, 3, 4]]}
    [read] = list(
        read_source(
            _work(tmp_path, subtype="preprint", **{"published-online": same}), None, ReadContext()
        )
    )
    assert not [w for w in read.warnings if "posted" in str(w)]


def test_check_agrees_with_the_preprints_deposit(tmp_path: Path, run) -> None:
    """check --profile crossref tells a preprint by its article-version as convert does: no
    ISSN asked, what posted content leaves out warned; the pmc profile takes the
    article-version (its related-article rule asks it only beside a published-article)."""
    article = _preprint(tmp_path)
    run("convert", article, "-o", tmp_path / "jats")
    text = (tmp_path / "jats" / f"{article.stem}.xml").read_text(encoding="utf-8")
    no_issn = tmp_path / "no-issn.xml"
    no_issn.write_text(
        "".join(part.split("</issn>", 1)[-1] for part in text.split("<issn ")), encoding="utf-8"
    )
    result = run("check", "--profile", "crossref", no_issn)
    said = result.out + result.err
    assert result.code == 0, said
    assert "Crossref requires an ISSN" not in said
    assert (
        "[crossref-left-out] <volume>: a preprint is deposited as Crossref's posted_content, "
        "which has no issue nor pages: left out of the deposit"
    ) in said
    # the same file without its article-version is a journal article again
    plain = tmp_path / "plain.xml"
    plain.write_text(no_issn.read_text(encoding="utf-8").replace(VERSION, ""), "utf-8")
    result = run("check", "--profile", "crossref", plain)
    assert result.code == 1
    assert "Crossref requires an ISSN" in result.out + result.err
    result = run("check", "--profile", "pmc", tmp_path / "jats" / f"{article.stem}.xml")
    said = result.out + result.err
    assert "article-version" not in said
    assert "pmc-related-article" not in said


def test_a_servers_preprint_without_issn_passes_the_checks(tmp_path: Path, run) -> None:
    """A preprint server with no ISSN and no journal-id: convert writes its preprint with
    --tag-set archiving, as the message says, and check --profile crossref (general included)
    takes it, as convert --to crossref deposits it; a journal article without either is
    still refused, the journal not identified."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "journal.yaml").write_text(
        "title: Example Preprints\npublisher: {name: Example Preprint Server}\n", "utf-8"
    )
    article = folder / "preprint.yaml"
    article.write_text(
        "title: A preprint\npreprint: true\ndoi: 10.5555/pp.1\n"
        "url: https://preprints.example.org/pp.1\npublished: {electronic: 2026-11-30}\n"
        "authors: [{name: {surname: Smith, given: Jane}}]\n"
        "abstract: An abstract.\nlicense: CC-BY-4.0\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run("convert", article, "--tag-set", "archiving", "--profile", "crossref", "-o", out)
    assert result.code == 0, result.out + result.err
    result = run("check", "--profile", "crossref", out / "preprint.xml")
    assert result.code == 0, result.out + result.err
    assert "general-required" not in result.out + result.err
    plain = tmp_path / "plain.xml"
    plain.write_text((out / "preprint.xml").read_text("utf-8").replace(VERSION, ""), "utf-8")
    result = run("check", "--profile", "general", plain)
    assert result.code == 1
    assert "no ISSN and no journal-id: the journal cannot be identified" in result.out


def test_a_servers_preprints_per_issue_are_named_by_its_title(tmp_path: Path, run) -> None:
    """--per-issue names a server's preprint deposit by its ISSN, else by its title, as the
    README says (Example-Preprints-preprints.crossref.xml); the file is XSD-valid."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "journal.yaml").write_text(
        "title: Example Preprints\npublisher: {name: Example Preprint Server}\n", "utf-8"
    )
    (folder / "issue.csv").write_text(
        "title,doi,url,preprint,published.electronic,author1.surname,author1.given\n"
        "A preprint,10.5555/pp.3,https://preprints.example.org/3,yes,2026-11-29,Roe,Ann\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run("convert", folder / "issue.csv", "--to", "crossref", "--per-issue", "-o", out)
    assert result.code == 0, result.out + result.err
    assert [p.name for p in out.iterdir()] == ["Example-Preprints-preprints.crossref.xml"]
    check = xmllint_crossref(out / "Example-Preprints-preprints.crossref.xml")
    assert check.returncode == 0, check.stderr


def test_a_spreadsheet_row_says_a_preprint(tmp_path: Path) -> None:
    from test_spreadsheet import ROW, SEED_JOURNAL, write_csv

    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    said = ["yes", "no", "X", "TRUE", "n", "0", ""]  # the README's spellings, in any case
    sheet = write_csv(tmp_path / "s.csv", [{**ROW, "preprint": value} for value in said])
    loaded = list(read_source(sheet, None, ReadContext()))
    assert [item.article.preprint for item in loaded if item.article] == [
        True,
        False,
        True,
        True,
        False,
        False,
        False,
    ]
    wrong = write_csv(tmp_path / "w.csv", [{**ROW, "preprint": "maybe"}])
    [bad] = list(read_source(wrong, None, ReadContext()))
    assert bad.problems == [f"{wrong}#2: column preprint: expected yes or no, got 'maybe'"]
