"""A preprint in Crossref: deposited as ``posted_content type="preprint"``, never as a journal
article.

An article that names the article it became (related article ``published-article``) is a
preprint; Crossref registers it as posted content with the relation ``isPreprintOf``. (One said
to be a preprint, ``preprint: true``, that names none: tests/test_preprint_field.py.) The
deposits are checked by the converter against Crossref's 5.3.1 XSD and, independently, by
xmllint with the same schema; a posted_content deposit read back and deposited again keeps its
relation.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import BILINGUAL, EXTERNAL, deposit_environment, xmllint_crossref
from converter.options import Options
from converter.readers import ReadContext, read_source
from converter.writers.crossref import write_crossref_issue

CROSSREF_XSD = EXTERNAL / "crossref-5.3.1"
NS = {"c": "http://www.crossref.org/schema/5.3.1", "rel": "http://www.crossref.org/relations.xsd"}
PUBLISHED = "10.5555/jsr.2019.1.1"
LINK = f"related_articles:\n  - type: published-article\n    doi: {PUBLISHED}\n"


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("JATSCONV_CROSSREF_SCHEMA", str(CROSSREF_XSD))


def _issue(tmp_path: Path, preprints: tuple[str, ...] = ("streltsov-6.yaml",)) -> Path:
    """The bilingual sample's issue (two articles), the named ones made preprints."""
    folder = tmp_path / "issue"
    folder.mkdir()
    for path in BILINGUAL.parent.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        (folder / path.name).write_text(
            text + LINK if path.name in preprints else text, encoding="utf-8"
        )
    shutil.copy(BILINGUAL.parent.parent / "journal.yaml", tmp_path / "journal.yaml")
    return folder


def _xpath(path: Path, expression: str) -> list[str]:
    return [
        "".join(node.itertext()) if isinstance(node, etree._Element) else str(node)
        for node in etree.parse(str(path)).xpath(expression, namespaces=NS)
    ]


def test_a_preprint_is_deposited_as_posted_content(tmp_path: Path, run) -> None:
    folder = _issue(tmp_path)
    result = run("convert", folder / "streltsov-6.yaml", "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    deposit = tmp_path / "out" / "streltsov-6.crossref.xml"
    check = xmllint_crossref(deposit)
    assert check.returncode == 0, check.stderr
    body = etree.parse(str(deposit)).find("c:body", NS)
    assert [etree.QName(child).localname for child in body] == ["posted_content"]
    assert _xpath(deposit, "//c:posted_content/@type") == ["preprint"]
    assert not _xpath(deposit, "//c:journal | //c:journal_article | //c:issn")
    post = "//c:posted_content/"
    assert _xpath(deposit, post + "c:group_title") == ["Политика и международные отношения"]
    assert _xpath(deposit, post + "c:titles/c:title") == [
        "Российско-японские отношения: системный кризис или новые возможности?"
    ]
    assert _xpath(deposit, post + "c:posted_date/c:year") == ["2018"]
    assert _xpath(deposit, post + "c:posted_date/c:day") == ["28"]
    assert _xpath(deposit, post + "c:institution/c:institution_name") == ["Японские исследования"]
    assert _xpath(deposit, post + "rel:program//@relationship-type") == ["isPreprintOf"]
    assert _xpath(deposit, post + "rel:program//rel:intra_work_relation") == [PUBLISHED]
    assert _xpath(deposit, post + "c:doi_data/c:doi") == ["10.5555/jsr.2018.3.6"]
    assert len(_xpath(deposit, post + "c:citation_list/c:citation")) == 6
    # what posted_content has no place for is said, not dropped in silence
    assert (
        "title: Crossref's posted_content (a preprint) takes one title: the ru one is "
        "deposited, not en"
    ) in result.err
    assert (
        "section: Crossref's posted_content takes one group_title: the ru one is deposited, not en"
    ) in result.err
    assert (
        "volume, issue, fpage: Crossref's posted_content (a preprint) has no issue nor pages: "
        "not in the deposit"
    ) in result.err


def test_deposit_crossref_takes_a_preprints_deposit(
    tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _issue(tmp_path)
    run("convert", folder / "streltsov-6.yaml", "--to", "crossref", "-o", tmp_path / "out")
    deposit_environment(tmp_path, monkeypatch)
    monkeypatch.setenv("JATSCONV_CROSSREF_SCHEMA", str(CROSSREF_XSD))
    result = run("deposit", "crossref", "--dry-run", tmp_path / "out" / "streltsov-6.crossref.xml")
    assert result.code == 0, result.err
    assert "1 record: 10.5555/jsr.2018.3.6" in result.out + result.err


def test_one_deposit_file_holds_journal_articles_or_preprints(tmp_path: Path, run) -> None:
    """Crossref's deposit body holds one kind of record: --per-issue puts a journal's
    preprints in a file of their own, beside the issue's journal articles."""
    folder = _issue(tmp_path)
    out = tmp_path / "out"
    result = run("convert", *sorted(folder.glob("*.yaml")), "--to", "crossref", "--per-issue",
                 "-o", out)  # fmt: skip
    assert result.code == 0, result.err
    issue, preprints = (
        out / "2687-1440-v2-n3.crossref.xml",
        out / "2687-1440-preprints.crossref.xml",
    )
    assert sorted(p.name for p in out.iterdir()) == sorted([issue.name, preprints.name])
    for path in (issue, preprints):
        check = xmllint_crossref(path)
        assert check.returncode == 0, check.stderr
    assert _xpath(issue, "//c:journal_article/c:doi_data/c:doi") == ["10.5555/jsr.2018.3.21"]
    assert not _xpath(issue, "//c:posted_content")
    assert _xpath(preprints, "//c:posted_content/c:doi_data/c:doi") == ["10.5555/jsr.2018.3.6"]
    assert not _xpath(preprints, "//c:journal")


def test_an_issue_deposit_of_both_kinds_is_refused_in_one_line(tmp_path: Path) -> None:
    folder = _issue(tmp_path)
    loaded = [
        next(iter(read_source(folder / name, None, ReadContext())))
        for name in ("shchukin-21.yaml", "streltsov-6.yaml")
    ]
    output = write_crossref_issue([item.article for item in loaded], Options(), "mixed.xml")
    assert output.data == b""
    assert [p.message for p in output.problems] == [
        "journal articles and preprints: Crossref's deposit holds journal articles or posted "
        "content (preprints), not both: deposit them in two files"
    ]


POSTED = """<?xml version="1.0" encoding="UTF-8"?>
<doi_batch xmlns="http://www.crossref.org/schema/5.3.1" version="5.3.1"
 xmlns:jats="http://www.ncbi.nlm.nih.gov/JATS1" xmlns:rel="http://www.crossref.org/relations.xsd">
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
<item_number item_number_type="article_number">2021.03.04.1234</item_number>
<jats:abstract><jats:p>Mice that sleep remember more.</jats:p></jats:abstract>
<rel:program name="relations"><rel:related_item>
<rel:intra_work_relation relationship-type="isPreprintOf" identifier-type="doi"
>10.5555/published.7</rel:intra_work_relation></rel:related_item></rel:program>
<doi_data><doi>10.5555/preprint.1</doi><resource>https://preprints.example/1</resource></doi_data>
<citation_list><citation key="ref1">
<unstructured_citation>Doe J. Sleep. 2020.</unstructured_citation></citation></citation_list>
</posted_content></body></doi_batch>
"""


def test_a_posted_content_deposit_round_trips_with_its_relation(
    tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in" / "preprint.xml"
    source.parent.mkdir()
    source.write_text(POSTED, encoding="utf-8")
    (tmp_path / "config.toml").write_text(
        '[crossref]\ndepositor_name = "T"\ndepositor_email = "t@example.org"\nregistrant = "T"\n',
        encoding="utf-8",
    )
    [read] = list(read_source(source, None, ReadContext()))
    assert read.article is not None, read.problems
    assert read.warnings == []  # nothing of it is dropped
    assert [(r.type, r.doi) for r in read.article.related_articles] == [
        ("published-article", "10.5555/published.7")
    ]
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "config.toml"))
    result = run("convert", source, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    again = tmp_path / "out" / "preprint.crossref.xml"
    assert xmllint_crossref(again).returncode == 0
    for expression in (
        "//c:posted_content/@type",
        "//c:group_title",
        "//c:titles/c:title",
        "//c:posted_date/c:year",
        "//c:institution/c:institution_name",
        "//c:item_number",
        "//rel:intra_work_relation/@relationship-type",
        "//rel:intra_work_relation",
        "//c:doi_data/c:doi",
        "//c:doi_data/c:resource",
        "//c:citation/c:unstructured_citation",
    ):
        assert _xpath(again, expression) == _xpath(source, expression), expression


def test_a_deposits_jats_is_written_beside_it_without_crossref_in_its_name(
    tmp_path: Path, run
) -> None:
    """A deposit named as convert --to crossref names one, preprint.crossref.xml, converts to
    preprint.xml beside it: before, its JATS took the deposit's own name, refused beside it
    ('the output would replace the source file') and written with -o as a JATS file named
    .crossref.xml, which 'deposit crossref *.crossref.xml' would send to Crossref."""
    source = tmp_path / "preprint.crossref.xml"
    source.write_text(POSTED, encoding="utf-8")
    result = run("convert", source, "--tag-set", "archiving")
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["preprint.crossref.xml", "preprint.xml"]
    assert b"<article " in (tmp_path / "preprint.xml").read_bytes()
    assert source.read_text(encoding="utf-8") == POSTED


def test_a_posted_content_without_the_article_it_became_is_still_a_preprint(
    tmp_path: Path,
) -> None:
    """A preprint not (yet) published names no article it became: its type says what it is,
    and the model holds it (``preprint``), so it is no longer read as a journal article; a
    relation the model has no type for is said, as before."""
    source = tmp_path / "preprint.xml"
    source.write_text(
        POSTED.replace('relationship-type="isPreprintOf"', 'relationship-type="isVersionOf"'),
        encoding="utf-8",
    )
    [read] = list(read_source(source, None, ReadContext()))
    assert read.article is not None
    assert read.article.preprint is True
    assert read.article.related_articles == []
    assert [str(w) for w in read.warnings] == [
        "<intra_work_relation relationship-type='isVersionOf'> 10.5555/published.7: not carried "
        "(the article model has no place for it)"
    ]


def test_check_agrees_with_the_preprints_deposit(tmp_path: Path, run) -> None:
    """check --profile crossref asks a preprint for no ISSN (its deposit names none) and warns
    of what its deposit leaves out, as convert --to crossref does."""
    folder = _issue(tmp_path)
    run("convert", folder / "streltsov-6.yaml", "-o", tmp_path / "jats")
    jats = tmp_path / "jats" / "streltsov-6.xml"
    text = jats.read_text(encoding="utf-8")
    no_issn = tmp_path / "jats" / "no-issn.xml"
    no_issn.write_text(
        "".join(part.split("</issn>", 1)[-1] for part in text.split("<issn ")), encoding="utf-8"
    )
    assert "<issn" not in no_issn.read_text(encoding="utf-8")
    result = run("check", "--profile", "crossref", no_issn)
    assert result.code == 0, result.out + result.err
    said = result.out + result.err
    assert "0 errors" in said
    assert "Crossref requires an ISSN" not in said
    assert (
        "[crossref-left-out] <volume>: a preprint is deposited as Crossref's posted_content, "
        "which has no issue nor pages: left out of the deposit"
    ) in said
    assert "[crossref-left-out] <trans-title-group>" in said
    # the section in English, which convert says is not deposited (one group_title, the Russian)
    assert (
        "[crossref-left-out] <subj-group> heading 'en': a preprint is deposited as Crossref's "
        "posted_content, which takes one group_title (the section): left out of the deposit"
    ) in said
    assert "<subj-group> heading 'ru'" not in said
    # the same file without its link to the published article and its article-version (which
    # says, alone, that the article is a preprint) is a journal article again
    article = tmp_path / "jats" / "article.xml"
    article.write_text(
        "\n".join(
            line
            for line in no_issn.read_text(encoding="utf-8").splitlines()
            if "published-article" not in line and "article-version" not in line
        ),
        encoding="utf-8",
    )
    result = run("check", "--profile", "crossref", article)
    assert result.code == 1
    assert "Crossref requires an ISSN" in result.out + result.err


def test_a_registry_preprint_record_is_deposited_as_posted_content(
    tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A REST API posted-content work that names the article it became: its server
    (institution) is its journal, its group-title its section, its posted date its
    publication; no journal file is needed."""
    work = {
        "DOI": "10.5555/preprint.2",
        "type": "posted-content",
        "subtype": "preprint",
        "title": ["Sleep and memory in mice"],
        "group-title": "Neuroscience",
        "institution": [{"name": "Test Preprint Server"}],
        "posted": {"date-parts": [[2021, 3, 4]]},
        "author": [{"given": "Anna", "family": "Smith", "sequence": "first"}],
        "relation": {"is-preprint-of": [{"id-type": "doi", "id": "10.5555/published.7"}]},
        "resource": {"primary": {"URL": "https://preprints.example/2"}},
    }
    source = tmp_path / "work.json"
    source.write_text(json.dumps({"message-type": "work", "message": work}), encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(
        '[crossref]\ndepositor_name = "T"\ndepositor_email = "t@example.org"\nregistrant = "T"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("JATSCONV_CONFIG", str(config))
    result = run("convert", source, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert "read as a journal article" not in result.err
    assert "not carried" not in result.err  # (subtype, posted, group-title, institution)
    deposit = tmp_path / "out" / "work.crossref.xml"
    assert xmllint_crossref(deposit).returncode == 0
    assert _xpath(deposit, "//c:posted_content/c:group_title") == ["Neuroscience"]
    assert _xpath(deposit, "//c:posted_date/c:day") == ["04"]
    assert _xpath(deposit, "//c:institution/c:institution_name") == ["Test Preprint Server"]
    assert _xpath(deposit, "//rel:intra_work_relation") == ["10.5555/published.7"]
