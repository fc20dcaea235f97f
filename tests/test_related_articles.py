"""Related articles end to end: a correction notice names the article it corrects.

The sample notice ``samples/japanese-studies-in-russia/2018-4/correction-streltsov-6.yaml`` is
converted to JATS (checked with xmllint against the DTDs), to a Crossref deposit (checked
against Crossref's schema 5.3.1), checked with the ``pmc`` and ``crossref`` profiles, and read
back from its JATS and its Crossref XML; other sources (older JATS, Crossref records) give the
same model, and what they hold that the model cannot is said.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from lxml import etree

from conftest import SAMPLES, xmllint, xmllint_crossref
from converter.api import render
from converter.options import Options
from converter.readers import ReadContext, read_source
from converter.readers.native import load_article
from converter.writers.jats import render_jats
from converter.xsd import schema_problems

NOTICE = SAMPLES / "japanese-studies-in-russia" / "2018-4" / "correction-streltsov-6.yaml"
CR = {"c": "http://www.crossref.org/schema/5.3.1", "rel": "http://www.crossref.org/relations.xsd"}
XLINK = "{http://www.w3.org/1999/xlink}href"
CROSSMARK_POLICY = "  crossmark_policy: 10.5555/jsr.crossmark-policy\n"


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("JATSCONV_CROSSREF_SCHEMA", raising=False)


def _notice_copy(tmp_path: Path, journal_extra: str = "", edit=None) -> Path:
    """The sample notice and its journal file in ``tmp_path`` (the journal given
    ``journal_extra`` inside its ``crossref`` block, the notice's data passed through
    ``edit``)."""
    journal = (NOTICE.parents[1] / "journal.yaml").read_text(encoding="utf-8")
    anchor = "  registrant: Association of Japanologists\n"
    assert anchor in journal
    (tmp_path / "journal.yaml").write_text(journal.replace(anchor, anchor + journal_extra))
    article = tmp_path / NOTICE.name
    if edit is None:
        shutil.copy(NOTICE, article)
    else:
        data = yaml.safe_load(NOTICE.read_text(encoding="utf-8"))
        edit(data)
        article.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return article


# ------------------------------------------------------------------ JATS


@pytest.mark.parametrize("version", ["1.4", "1.3"])
@pytest.mark.parametrize("tag_set", ["publishing", "archiving"])
def test_the_notice_links_the_corrected_article_in_valid_jats(
    run, tmp_path: Path, store, version: str, tag_set: str
) -> None:
    result = run("convert", NOTICE, "-o", tmp_path, "--jats-version", version, "--tag-set", tag_set)
    assert result.code == 0, result.err
    written = tmp_path / "correction-streltsov-6.xml"
    check = xmllint(written, store.catalog)
    assert check.returncode == 0, check.stderr
    meta = etree.parse(str(written)).getroot().find("front/article-meta")
    (related,) = meta.findall("related-article")
    assert dict(related.attrib) == {
        "id": "ra1",
        "related-article-type": "corrected-article",
        "ext-link-type": "doi",
        XLINK: "10.5555/jsr.2018.3.6",
        "vol": "2",
        "issue": "3",
        "page": "6",
    }
    assert related.text.startswith("Стрельцов Д. В. Российско-японские отношения")
    # its place in the DTD's order: after the self-uri, before any abstract
    names = [child.tag for child in meta]
    assert names.index("related-article") == names.index("self-uri") + 1


def test_citation_markup_and_ids_are_written(tmp_path: Path) -> None:
    article = load_article(
        _notice_copy(
            tmp_path,
            edit=lambda d: d.update(
                article_type="article-commentary",
                related_articles=[
                    {"type": "commentary-article", "citation": "Smith J. <i>On Japan</i>. 2020."},
                    {"type": "correction-forward", "doi": "doi:10.5555/JSR.2019.1.1", "id": "ra1"},
                ],
            ),
        )
    )
    text = render_jats(article)
    # a given id is kept, a number skips it; inline style is JATS markup; a DOI is bare
    assert (
        '<related-article id="ra2" related-article-type="commentary-article">Smith J. '
        "<italic>On Japan</italic>. 2020.</related-article>"
    ) in text
    assert (
        '<related-article id="ra1" related-article-type="correction-forward" '
        'ext-link-type="doi" xlink:href="10.5555/JSR.2019.1.1"/>'
    ) in text


@pytest.mark.parametrize(
    ("related", "says"),
    [
        (
            {"type": "corrected-article", "doi": "10.5555 jsr"},
            "related_articles[0].doi: not a DOI (expected 10.NNNN/suffix): '10.5555 jsr'",
        ),
        (
            {"type": "corected-article", "doi": "10.5555/jsr.2018.3.6"},
            "related_articles[0].type: 'corected-article' is not one of the values it takes "
            "(did you mean corrected-article?): corrected-article, correction-forward, ",
        ),
        (
            {"type": "corrected-article", "volume": 2},
            "related_articles[0]: a related article needs its doi, pmid or a citation naming it",
        ),
        (
            {"type": "corrected-article", "doi": "10.5555/jsr.2018.4.180"},
            "related_articles[0].doi: 10.5555/jsr.2018.4.180 is this article's own DOI",
        ),
        (
            {"type": "corrected-article", "pmid": "PMC2345678"},
            "related_articles[0].pmid: not a PubMed id (a number of at most 8 digits, as "
            "'PMID: 12345678'): 'PMC2345678'",
        ),
        (
            {"type": "corrected-article", "pmid": "0"},
            "related_articles[0].pmid: not a PubMed id",
        ),
        (
            {"type": "corrected-article", "doi": "10.5555/jsr.2018.3.6", "fpage": "6-20"},
            "related_articles[0].fpage: a page range: '6-20' (give the first page only: 6)",
        ),
        (
            {"type": "corrected-article", "doi": "10.5555/jsr.2018.3.6", "id": "ref 1"},
            "related_articles[0].id: not an id",
        ),
    ],
)
def test_a_bad_related_article_is_one_line_naming_the_field(
    run, tmp_path: Path, related: dict, says: str
) -> None:
    article = _notice_copy(tmp_path, edit=lambda d: d.update(related_articles=[related]))
    result = run("convert", article, "-o", tmp_path / "out")
    assert result.code == 3
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{article}: {says}"), result.err
    assert "Traceback" not in result.err


def test_an_id_given_twice_is_refused(run, tmp_path: Path) -> None:
    def edit(data: dict) -> None:
        data["affiliations"] = [{"id": "ra1", "institution": {"en": "MGIMO University"}}]
        data["related_articles"][0]["id"] = "ra1"

    article = _notice_copy(tmp_path, edit=edit)
    result = run("convert", article, "-o", tmp_path / "out")
    assert result.code == 3
    assert "related_articles[0].id: 'ra1' is used twice (affiliations[0].id has it too)" in (
        result.err
    )


@pytest.mark.parametrize("version", ["1.4", "1.3"])
def test_a_related_article_by_its_pubmed_id_is_valid_jats_and_reads_back(
    run, tmp_path: Path, store, version: str
) -> None:
    """Alone, the PubMed id is the link (ext-link-type pubmed, as JATS4R and PMC tag it);
    beside a DOI, which keeps the link, a pub-id after the citation. Both are valid, and
    read back to the same model and bytes."""

    def edit(data: dict) -> None:
        first = data["related_articles"][0]
        data["related_articles"] = [
            {"type": "corrected-article", "pmid": "PMID: 29912345", "citation": "Smith J. 2018."},
            {**first, "type": "companion", "pmid": 29912346},
        ]

    article = _notice_copy(tmp_path, edit=edit)
    out = tmp_path / "out"
    result = run("convert", article, "-o", out, "--jats-version", version)
    assert result.code == 0, result.err
    written = out / "correction-streltsov-6.xml"
    check = xmllint(written, store.catalog)
    assert check.returncode == 0, check.stderr
    text = written.read_text(encoding="utf-8")
    assert (
        '<related-article id="ra1" related-article-type="corrected-article" '
        'ext-link-type="pubmed" xlink:href="29912345">Smith J. 2018.</related-article>'
    ) in text
    assert (
        'ext-link-type="doi" xlink:href="10.5555/jsr.2018.3.6" vol="2" issue="3" page="6">'
        "Стрельцов Д. В."
    ) in text
    assert '. С. 6–20. <pub-id pub-id-type="pmid">29912346</pub-id></related-article>' in text
    [loaded] = list(read_source(written, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert not loaded.warnings
    read = [item.model_dump(exclude_none=True) for item in loaded.article.related_articles]
    assert [(item.get("doi"), item["pmid"]) for item in read] == [
        (None, "29912345"),
        ("10.5555/jsr.2018.3.6", "29912346"),
    ]
    assert read[1]["citation"].endswith("С. 6–20.")
    assert render_jats(loaded.article, version).encode("utf-8") == written.read_bytes()


def test_a_related_article_with_the_articles_own_pubmed_id_is_refused(run, tmp_path: Path) -> None:
    def edit(data: dict) -> None:
        data["ids"] = {"pmid": "PMID: 29900001"}
        data["related_articles"][0]["pmid"] = "29900001"

    article = _notice_copy(tmp_path, edit=edit)
    result = run("convert", article, "-o", tmp_path / "out")
    assert result.code == 3
    assert "related_articles[0].pmid: 29900001 is this article's own PubMed id" in result.err


# ------------------------------------------------------------------ back from JATS


def test_jats_reads_back_to_the_same_model_and_bytes(run, tmp_path: Path) -> None:
    assert run("convert", NOTICE, "-o", tmp_path / "a").code == 0
    written = tmp_path / "a" / "correction-streltsov-6.xml"
    [loaded] = list(read_source(written, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert not loaded.warnings
    given = yaml.safe_load(NOTICE.read_text(encoding="utf-8"))["related_articles"]
    read = [item.model_dump(exclude_none=True) for item in loaded.article.related_articles]
    assert read == [{**item, "id": "ra1", "volume": "2", "issue": "3", "fpage": "6"}
                    for item in given]  # fmt: skip
    assert loaded.article.article_type == "correction"
    assert render_jats(loaded.article).encode("utf-8") == written.read_bytes()


OLD_JATS = """<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="retraction" xml:lang="en">
<front><journal-meta><journal-title-group><journal-title>J Test</journal-title>
</journal-title-group><issn pub-type="epub">2658-6789</issn></journal-meta>
<article-meta><article-id pub-id-type="doi">10.5555/t.9</article-id>
<title-group><article-title>Retraction: On tests</article-title></title-group>
<related-article related-article-type="retracted-article" ext-link-type="doi"
 xlink:href="https://doi.org/10.5555/t.1" vol="3" page="10-19" journal-id="J Test"
 journal-id-type="nlm-ta"><source>J Test</source> 2019;3:10</related-article>
<related-article related-article-type="corrected-article" xlink:href="10.5555/t.2"/>
<related-article related-article-type="retracted-article" ext-link-type="pubmed"
 xlink:href="9765173" id="RA3">Smith J. 2019</related-article>
<related-article related-article-type="expressed-concern" ext-link-type="doi"
 xlink:href="10.5555/t.4"/>
<related-article related-article-type="commentary" ext-link-type="doi" xlink:href="10.5555/t.9"/>
<related-article related-article-type="letter" ext-link-type="pubmed" xlink:href="PMC123"/>
<related-article related-article-type="commentary-article" ext-link-type="pmcid"
 xlink:href="PMC4567"/>
<related-article related-article-type="addended-article" ext-link-type="doi"
 xlink:href="10.5555/t.5">Lee K. 2020. <pub-id pub-id-type="pmid">PMID: 31234567</pub-id>
</related-article>
</article-meta></front></article>
"""


def test_older_jats_related_articles_are_read_and_what_cannot_be_is_said(tmp_path: Path) -> None:
    source = tmp_path / "old.xml"
    source.write_text(OLD_JATS, encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    read = [item.model_dump(exclude_none=True) for item in loaded.article.related_articles]
    assert read == [
        {"type": "retracted-article", "id": "ra1", "doi": "10.5555/t.1",
         "citation": "J Test 2019;3:10", "volume": "3", "fpage": "10"},
        {"type": "corrected-article", "id": "ra2", "doi": "10.5555/t.2"},
        {"type": "retracted-article", "id": "RA3", "pmid": "9765173",
         "citation": "Smith J. 2019"},
        {"type": "addended-article", "id": "ra4", "doi": "10.5555/t.5", "pmid": "31234567",
         "citation": "Lee K. 2020."},
    ]  # fmt: skip
    said = "\n".join(loaded.warnings)
    assert "related-article 1: page '10-19' read as its first page" in said
    assert "related-article 1: journal-id 'J Test' is not in the model: left out" in said
    assert "related-article 4: related-article-type 'expressed-concern' is not in the model" in said
    assert "related-article 5: it names the article itself (10.5555/t.9): left out" in said
    assert (
        "related-article 6: not a PubMed id (a number of at most 8 digits, as 'PMID: 12345678'): "
        in said
    )
    assert "related-article 6: neither a DOI, a PubMed id nor a text names the article" in said
    assert "related-article 7: its pmcid link 'PMC4567' is not in the model: left out" in said
    assert "not in the model, left out: related-article" not in said


# ------------------------------------------------------------------ Crossref


def _crossref(tmp_path: Path, article: Path, crossref_xsd: etree.XMLSchema):
    output = render(load_article(article), Options(target="crossref"), article.name)
    assert output.valid, output.problems
    assert schema_problems(crossref_xsd, output.data, article.name) == []
    return output, etree.fromstring(output.data)


def test_crossref_deposit_of_a_journal_in_crossmark_registers_the_correction(
    tmp_path: Path, crossref_xsd: etree.XMLSchema
) -> None:
    article = _notice_copy(tmp_path, CROSSMARK_POLICY)
    output, root = _crossref(tmp_path, article, crossref_xsd)
    assert not output.problems
    (crossmark,) = root.iterfind(".//c:journal_article/c:crossmark", CR)
    assert crossmark.findtext("c:crossmark_policy", namespaces=CR) == "10.5555/jsr.crossmark-policy"
    (update,) = crossmark.iterfind("c:updates/c:update", CR)
    assert (update.get("type"), update.get("date"), update.text) == (
        "correction",
        "2018-12-14",
        "10.5555/jsr.2018.3.6",
    )
    # the licence goes into Crossmark's custom metadata: the schema takes it there or outside
    assert crossmark.find("c:custom_metadata/{*}program", CR) is not None
    outside = ".//c:journal_article/{http://www.crossref.org/AccessIndicators.xsd}program"
    assert root.find(outside, CR) is None


def test_crossref_deposit_without_crossmark_says_the_correction_is_not_in_it(
    tmp_path: Path, crossref_xsd: etree.XMLSchema
) -> None:
    output, root = _crossref(tmp_path, _notice_copy(tmp_path), crossref_xsd)
    assert root.find(".//c:crossmark", CR) is None
    assert [p.message for p in output.problems] == [
        "related_articles[0]: Crossref registers a correction as a Crossmark update, which needs "
        "the journal's Crossmark policy page (journal.crossref.crossmark_policy): not in the "
        "deposit"
    ]
    assert {p.severity for p in output.problems} == {"warning"}


def test_crossref_relations_and_what_crossref_has_no_place_for(
    tmp_path: Path, crossref_xsd: etree.XMLSchema
) -> None:
    def edit(data: dict) -> None:
        data["article_type"] = "article-commentary"
        data["related_articles"] = [
            {"type": "commentary-article", "doi": "10.5555/jsr.2018.3.6"},
            {"type": "preprint", "doi": "10.5555/preprint.7"},
            {"type": "letter", "doi": "10.5555/jsr.2019.1.2"},
            {"type": "correction-forward", "doi": "10.5555/jsr.2019.1.3"},
            {"type": "companion", "citation": "A companion article without a DOI."},
        ]

    output, root = _crossref(tmp_path, _notice_copy(tmp_path, CROSSMARK_POLICY, edit), crossref_xsd)
    relations = [
        (link.tag.split("}")[1], link.get("relationship-type"), link.text)
        for link in root.iterfind(".//rel:program/rel:related_item/*", CR)
    ]
    assert relations == [
        ("inter_work_relation", "isCommentOn", "10.5555/jsr.2018.3.6"),
        ("intra_work_relation", "hasPreprint", "10.5555/preprint.7"),
    ]
    assert root.find(".//c:crossmark/c:updates", CR) is None
    messages = [p.message for p in output.problems]
    assert messages == [
        "related_articles[2]: Crossref has no relation for 'letter': not in the deposit",
        "related_articles[3]: Crossref records a 'correction-forward' tie on the deposit of the "
        "later article (its update or relation), not on this one's: not in the deposit",
        "related_articles[4]: Crossref has no relation for 'companion': not in the deposit",
    ]


def test_a_relation_by_pubmed_id_is_in_the_deposit_and_reads_back(
    tmp_path: Path, crossref_xsd: etree.XMLSchema
) -> None:
    """Crossref's relations take a PubMed id (relations.xsd identifier-type pmid): a
    commentary's article known by it alone is related so; a Crossmark update needs a DOI, and
    a correction known by its PubMed id alone is said to be not in the deposit."""

    def edit(data: dict) -> None:
        data["related_articles"] = [
            {"type": "corrected-article", "pmid": "29912340"},
            {"type": "commentary-article", "pmid": "PMID: 29912345"},
            {"type": "preprint", "doi": "10.5555/preprint.7", "pmid": "29912346"},
        ]

    article = _notice_copy(tmp_path, CROSSMARK_POLICY, edit)
    output, root = _crossref(tmp_path, article, crossref_xsd)
    deposit = tmp_path / "deposit.xml"
    deposit.write_bytes(output.data)
    check = xmllint_crossref(deposit)
    assert check.returncode == 0, check.stderr
    relations = [
        (link.get("relationship-type"), link.get("identifier-type"), link.text)
        for link in root.iterfind(".//rel:program/rel:related_item/*", CR)
    ]
    assert relations == [
        ("isCommentOn", "pmid", "29912345"),
        ("hasPreprint", "doi", "10.5555/preprint.7"),
    ]
    assert [p.message for p in output.problems] == [
        "related_articles[0]: a Crossmark update names the updated work by DOI and this one has "
        "none: not in the deposit"
    ]
    [loaded] = list(read_source(deposit, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    read = [item.model_dump(exclude_none=True) for item in loaded.article.related_articles]
    assert read == [
        {"type": "commentary-article", "id": "ra1", "pmid": "29912345"},
        {"type": "preprint", "id": "ra2", "doi": "10.5555/preprint.7"},
    ]


def test_a_notice_without_a_full_date_has_no_update_and_says_why(
    tmp_path: Path, crossref_xsd: etree.XMLSchema
) -> None:
    def edit(data: dict) -> None:
        data["published"] = {"electronic": "2018-12"}

    output, root = _crossref(tmp_path, _notice_copy(tmp_path, CROSSMARK_POLICY, edit), crossref_xsd)
    assert root.find(".//c:crossmark/c:crossmark_policy", CR) is not None
    assert root.find(".//c:crossmark/c:updates", CR) is None
    assert "needs a full date (published.electronic or published.print as YYYY-MM-DD)" in (
        output.problems[0].message
    )


def test_the_crossmark_policy_may_come_from_the_config_file(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    monkeypatch.setenv("JATSCONV_CONFIG", str(config))
    article = tmp_path / "notice" / NOTICE.name
    article.parent.mkdir()
    shutil.copy(NOTICE, article)
    journal = (NOTICE.parents[1] / "journal.yaml").read_text(encoding="utf-8")
    (tmp_path / "notice" / "journal.yaml").write_text(journal.split("crossref:")[0])
    section = (
        '[crossref]\ndepositor_name = "A"\ndepositor_email = "a@example.org"\nregistrant = "A"\n'
    )
    config.write_text(section + 'crossmark_policy = "10.5555/policy"\n', encoding="utf-8")
    result = run("convert", article, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    written = (tmp_path / "out" / "correction-streltsov-6.crossref.xml").read_text()
    assert '<update type="correction" date="2018-12-14">10.5555/jsr.2018.3.6</update>' in written
    config.write_text(section + 'crossmark_policy = "policy"\n', encoding="utf-8")
    result = run("convert", article, "--to", "crossref", "-o", tmp_path / "out2")
    assert result.code == 3
    assert f"{config}: crossref.crossmark_policy: 'policy' is not a DOI" in result.err
    assert "Traceback" not in result.err


def test_the_crossref_deposit_reads_back_to_the_same_related_articles(
    tmp_path: Path, crossref_xsd: etree.XMLSchema
) -> None:
    def edit(data: dict) -> None:
        data["related_articles"].append({"type": "commentary", "doi": "10.5555/jsr.2019.2.5"})

    output, _ = _crossref(tmp_path, _notice_copy(tmp_path, CROSSMARK_POLICY, edit), crossref_xsd)
    deposit = tmp_path / "deposit.xml"
    deposit.write_bytes(output.data)
    [loaded] = list(read_source(deposit, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert [(r.type, r.doi) for r in loaded.article.related_articles] == [
        ("corrected-article", "10.5555/jsr.2018.3.6"),
        ("commentary", "10.5555/jsr.2019.2.5"),
    ]
    # Crossref states no article type: a record that corrects another is a correction
    assert loaded.article.article_type == "correction"


WORK = SAMPLES / "crossref" / "2018-3" / "streltsov-6.json"


def test_a_work_record_gives_its_updates_and_relations(tmp_path: Path) -> None:
    record = json.loads(WORK.read_text(encoding="utf-8"))
    work = record["message"]
    own = work["DOI"]
    work["update-to"] = [
        {"DOI": "10.5555/jsr.2018.1.1", "type": "retraction", "label": "Retraction",
         "updated": {"date-parts": [[2018, 9, 28]]}, "source": "publisher"},
        {"DOI": "10.5555/jsr.2018.1.2", "type": "withdrawal", "label": "Withdrawal"},
        {"DOI": own, "type": "correction"},
    ]  # fmt: skip
    work["updated-by"] = [
        {"DOI": "10.5555/jsr.2019.1.9", "type": "correction", "source": "publisher"},
        {"DOI": "10.5555/jsr.2019.1.8", "type": "expression_of_concern"},
    ]
    work["relation"] = {
        "is-comment-on": [{"id-type": "doi", "id": "10.5555/jsr.2017.4.1"}],
        "has-preprint": [{"id-type": "doi", "id": "10.5555/pre\u20101", "asserted-by": "object"}],
        "is-translation-of": [{"id-type": "doi", "id": "10.5555/ru.1"}],
        "has-comment": [
            {"id-type": "uri", "id": "https://example.org/c"},
            {"id-type": "pmid", "id": "29912345"},
        ],
    }
    source = tmp_path / "work.json"
    source.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert [(r.type, r.doi or r.pmid) for r in loaded.article.related_articles] == [
        ("retracted-article", "10.5555/jsr.2018.1.1"),
        ("correction-forward", "10.5555/jsr.2019.1.9"),
        ("commentary-article", "10.5555/jsr.2017.4.1"),
        ("preprint", "10.5555/pre-1"),
        ("commentary", "29912345"),
    ]
    assert loaded.article.article_type == "retraction"
    said = "\n".join(loaded.warnings)
    assert f"update-to[2]: {own} is the article's own DOI: left out" in said
    assert "relation.has-preprint[0]: DOI '10.5555/pre\u20101' read as '10.5555/pre-1'" in said
    assert (
        "update-to (withdrawal) 10.5555/jsr.2018.1.2; updated-by (expression_of_concern) "
        "10.5555/jsr.2019.1.8; relation.is-translation-of 10.5555/ru.1; relation.has-comment "
        "https://example.org/c: not carried"
    ) in said


# ------------------------------------------------------------------ profiles


def test_pmc_accepts_the_linked_notice_and_says_what_an_unlinked_one_lacks(
    run, tmp_path: Path
) -> None:
    result = run(
        "convert", NOTICE, "-o", tmp_path / "a", "--jats-version", "1.3", "--profile", "pmc"
    )
    assert result.code == 0, result.err
    assert " error: " not in result.err
    unlinked = _notice_copy(tmp_path, edit=lambda d: d.pop("related_articles"))
    result = run(
        "convert", unlinked, "-o", tmp_path / "b", "--jats-version", "1.3", "--profile", "pmc"
    )
    assert result.code == 1
    assert (
        "error: [pmc-article-type] correction related article check: a correction must have a "
        '<related-article related-article-type="corrected-article"> (or related-object '
        "link-type) naming the article it is about: add `related_articles` with type "
        "corrected-article and the article's doi (input field related_articles)"
    ) in result.err


def test_pmc_refuses_a_notice_whose_text_is_its_abstract(run, tmp_path: Path) -> None:
    article = _notice_copy(
        tmp_path, edit=lambda d: d.update(abstract={"ru": "Исправлена аффилиация автора."})
    )
    result = run(
        "convert", article, "-o", tmp_path / "a", "--jats-version", "1.3", "--profile", "pmc"
    )
    assert result.code == 1
    assert (
        "error: [pmc-correction-content] correction content check: Correction content must be "
        in (result.err)
    )
    assert "(input field abstract)" in result.err


def test_pmc_refuses_a_related_article_of_another_kind_of_notice(run, tmp_path: Path) -> None:
    article = _notice_copy(tmp_path, edit=lambda d: d.update(article_type="editorial"))
    result = run(
        "convert", article, "-o", tmp_path / "a", "--jats-version", "1.3", "--profile", "pmc"
    )
    assert result.code == 1
    assert (
        "error: [pmc-related-article] related-article check: a related-article of type "
        "'corrected-article' says this article corrects it, but its article-type is "
        "'editorial', not 'correction' (input field related_articles[0])"
    ) in result.err


def test_crossref_profile_warns_of_a_notice_that_names_no_doi(run, tmp_path: Path) -> None:
    def edit(data: dict) -> None:
        data["related_articles"][0].pop("doi")

    article = _notice_copy(tmp_path, edit=edit)
    result = run("convert", article, "-o", tmp_path / "a", "--profile", "crossref")
    assert result.code == 0, result.err
    assert (
        "warning: [crossref-notice-link] Crossref registers a correction as an update of the "
        "article it names, by DOI: add `related_articles` with type corrected-article and the "
        "article's doi (input field related_articles)"
    ) in result.err
    result = run("convert", NOTICE, "-o", tmp_path / "b", "--profile", "crossref")
    assert "crossref-notice-link" not in result.err
