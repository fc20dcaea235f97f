"""Crossref work records as publishers register them, under --strict: licences for text mining,
the accepted manuscript and article sharing, a cited journal's ISSN, a preprint's published
article, the journal's subject areas, and a funder listed once per award. Each was reported as
data dropped (or, for the funder, became several), so --strict refused most real records.

The records are written for these tests, shaped as the registry's records are (Elsevier's and
Wiley's licence lists, NSF listed once per grant). Outputs are checked with xmllint: JATS
against its DTD, the deposit against Crossref's schema 5.3.1, DOAJ's against its schema.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from conftest import EXTERNAL, xmllint, xmllint_crossref
from converter.readers import ReadContext, read_source

NS = {
    "ali": "http://www.niso.org/schemas/ali/1.0/",
    "ai": "http://www.crossref.org/AccessIndicators.xsd",
    "c": "http://www.crossref.org/schema/5.3.1",
    "fr": "http://www.crossref.org/fundref.xsd",
    "rel": "http://www.crossref.org/relations.xsd",
    "xlink": "http://www.w3.org/1999/xlink",
}
TDM = "https://publisher.example/tdm/userlicense/1.0/"
AM = "https://publisher.example/open-access/userlicense/1.0/"
SHARING = "https://doi.org/10.15223/policy-017"


def _work(**fields: object) -> dict[str, object]:
    message = {
        "DOI": "10.5555/strict.1",
        "type": "journal-article",
        "title": ["Bridges under load"],
        "container-title": ["Journal of Test Structures"],
        "ISSN": ["2658-6444"],
        "publisher": "Test Publisher",
        "published-online": {"date-parts": [[2021, 3, 4]]},
        "author": [{"given": "Anna", "family": "Smith", "sequence": "first"}],
        "resource": {"primary": {"URL": "https://publisher.example/a/1"}},
    }
    message.update(fields)
    return {"message-type": "work", "message": message}


def _write(folder: Path, record: object, name: str = "work.json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def depositor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A config file naming the depositor, which Crossref output needs."""
    config = tmp_path / "config.toml"
    config.write_text(
        '[crossref]\ndepositor_name = "Test"\ndepositor_email = "t@example.org"\n'
        'registrant = "Test"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("JATSCONV_CONFIG", str(config))


def _xpath(path: Path, expression: str) -> list[str]:
    return [
        "".join(node.itertext()) if isinstance(node, etree._Element) else str(node)
        for node in etree.parse(str(path)).xpath(expression, namespaces=NS)
    ]


def _doaj_valid(path: Path) -> None:
    """xmllint with DOAJ's schema: the independent check of a DOAJ record."""
    folder = EXTERNAL / "doaj"
    if shutil.which("xmllint") is None:
        pytest.fail("xmllint not installed (Debian package libxml2-utils): run ./scripts/setup")
    check = subprocess.run(
        ["xmllint", "--noout", "--nonet", "--schema", str(folder / "doajArticles.xsd"), path],
        capture_output=True,
        text=True,
        env={"XML_CATALOG_FILES": str(folder / "catalog.xml"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert check.returncode == 0, check.stderr


LICENCES = [
    {"URL": TDM, "content-version": "tdm", "delay-in-days": 0,
     "start": {"date-parts": [[2021, 3, 4]]}},
    {"URL": AM, "content-version": "am", "delay-in-days": 365,
     "start": {"date-parts": [[2022, 3, 4]]}},
    {"URL": SHARING, "content-version": "stm-asf", "delay-in-days": 0,
     "start": {"date-parts": [[2021, 3, 4]]}},
]  # fmt: skip


def test_licences_for_text_mining_the_manuscript_and_sharing_are_carried(
    run, tmp_path: Path, store, depositor: None
) -> None:
    """A publisher's text-mining terms, its accepted-manuscript licence (from the embargo's
    end) and an STM sharing policy, with no licence of the version of record, as Elsevier's
    records give them: each a licence of its own in JATS (ali:license_ref/@specific-use, as
    PMC and JATS4R mark a text-mining licence) and in the deposit (applies_to), never the
    article's licence; the deposit's schema (5.3.1) has no applies_to for STM sharing: said."""
    source = _write(tmp_path / "in", _work(license=LICENCES))
    result = run("convert", source, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    assert "warning" not in result.err
    jats = tmp_path / "out" / "work.xml"
    check = xmllint(jats, store.catalog)
    assert check.returncode == 0, check.stderr
    assert _xpath(jats, "//license[not(ali:license_ref/@specific-use)]") == []
    assert _xpath(jats, "//ali:license_ref/@specific-use") == ["textmining", "am", "stm-asf"]
    assert _xpath(jats, "//ali:license_ref/@start_date") == [
        "2021-03-04",
        "2022-03-04",
        "2021-03-04",
    ]
    assert _xpath(jats, "//license/license-p")[:2] == [
        f"Text and data mining of this work is licensed under the licence at {TDM}.",
        f"The accepted manuscript of this work is licensed under the licence at {AM}.",
    ]
    older = run("convert", source, "-o", tmp_path / "out13", "--jats-version", "1.3")
    assert older.code == 0, older.err
    assert xmllint(tmp_path / "out13" / "work.xml", store.catalog).returncode == 0

    # read back from the JATS: the same licences, none taken for the article's
    [back] = list(read_source(jats, "jats", ReadContext()))
    assert back.article is not None, back.problems
    assert back.article.license is None
    assert [(lic.id, lic.applies_to, lic.start_date) for lic in back.article.other_licenses] == [
        (TDM, "tdm", "2021-03-04"),
        (AM, "am", "2022-03-04"),
        (SHARING, "stm-asf", "2021-03-04"),
    ]
    assert not [w for w in back.warnings if "licen" in w]

    result = run("convert", source, "-o", tmp_path / "out", "--to", "crossref")
    assert result.code == 0, result.err
    deposit = tmp_path / "out" / "work.crossref.xml"
    check = xmllint_crossref(deposit)
    assert check.returncode == 0, check.stderr
    refs = etree.parse(str(deposit)).xpath("//ai:license_ref", namespaces=NS)
    assert [(r.get("applies_to"), r.get("start_date"), r.text) for r in refs] == [
        ("tdm", "2021-03-04", TDM),
        ("am", "2022-03-04", AM),
    ]
    assert _xpath(deposit, "//ai:free_to_read") == []
    assert (
        f"{deposit}: warning: other_licenses[2]: Crossref's schema 5.3.1 has no applies_to for "
        "'stm-asf' (STM article sharing): not in the deposit"
    ) in result.err
    [again] = list(read_source(deposit, None, ReadContext()))
    assert again.article is not None and again.article.license is None
    assert [(lic.id, lic.applies_to) for lic in again.article.other_licenses] == [
        (TDM, "tdm"),
        (AM, "am"),
    ]


def test_the_articles_own_licence_comes_first_and_is_the_deposits_vor(
    run, tmp_path: Path, store, depositor: None
) -> None:
    """A CC BY licence of the version of record beside the text-mining terms: the article's
    licence, written first and unmarked, deposited as "vor" (free to read); the same URL
    stated again for text mining adds nothing and is not repeated."""
    cc_by = "http://creativecommons.org/licenses/by/4.0/"
    licences = [
        LICENCES[0],
        {"URL": cc_by, "content-version": "vor", "start": {"date-parts": [[2021, 5, 1]]}},
        {"URL": cc_by, "content-version": "tdm", "start": {"date-parts": [[2021, 5, 1]]}},
    ]
    source = _write(tmp_path / "in", _work(license=licences))
    result = run("convert", source, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    jats = tmp_path / "out" / "work.xml"
    assert xmllint(jats, store.catalog).returncode == 0
    assert _xpath(jats, "//license/ali:license_ref") == [cc_by, TDM]
    assert _xpath(jats, "//ali:license_ref/@specific-use") == ["textmining"]
    result = run("convert", source, "-o", tmp_path / "out", "--to", "crossref")
    assert result.code == 0, result.err
    deposit = tmp_path / "out" / "work.crossref.xml"
    assert xmllint_crossref(deposit).returncode == 0
    refs = etree.parse(str(deposit)).xpath("//ai:license_ref", namespaces=NS)
    assert [(r.get("applies_to"), r.text) for r in refs] == [("vor", cc_by), ("tdm", TDM)]
    assert len(_xpath(deposit, "//ai:free_to_read")) == 1


def test_the_articles_licence_is_never_one_for_another_use(run, write_article) -> None:
    path = write_article(
        "title: A title\nlicense: {id: 'https://publisher.example/tdm', applies_to: tdm}\n"
    )
    result = run("convert", path, "--no-validate")
    assert result.code == 3
    assert (
        f"{path}: license.applies_to: 'tdm': the article's licence governs the article itself; "
        "give a licence for text mining (tdm), the accepted manuscript (am) or article sharing "
        "(stm-asf) in other_licenses"
    ) in result.err


def test_a_cited_journals_issn_is_carried(run, tmp_path: Path, store, depositor: None) -> None:
    """The ISSN the registry gives a cited journal ('http://id.crossref.org/issn/…'): JATS
    element-citation's <issn>, the deposit citation's <issn>, read back from either; one whose
    check digit fails is left out of its reference (said), the reference kept."""
    references = [
        {"key": "r1", "journal-title": "Astrophys. J.", "volume": "756", "first-page": "L2",
         "year": "2012", "ISSN": "http://id.crossref.org/issn/0004-637X", "issn-type": "print"},
        {"key": "r2", "journal-title": "A Journal", "year": "2001",
         "ISSN": "https://id.crossref.org/issn/1234-5678", "issn-type": "print"},
    ]  # fmt: skip
    source = _write(tmp_path / "in", _work(reference=references))
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (
        f"{source}: warning (data dropped): reference[1]: ISSN left out: check digit fails: "
        "'1234-5678'"
    ) in result.err
    jats = tmp_path / "out" / "work.xml"
    assert xmllint(jats, store.catalog).returncode == 0
    assert _xpath(jats, "//element-citation/issn") == ["0004-637X"]
    assert len(_xpath(jats, "//ref")) == 2
    [back] = list(read_source(jats, "jats", ReadContext()))
    assert back.article is not None
    assert [ref.issn for ref in back.article.references] == ["0004-637X", None]
    result = run("convert", source, "-o", tmp_path / "out", "--to", "crossref")
    assert result.code == 0, result.err
    deposit = tmp_path / "out" / "work.crossref.xml"
    assert xmllint_crossref(deposit).returncode == 0
    assert _xpath(deposit, "//c:citation/c:issn") == ["0004-637X"]
    [again] = list(read_source(deposit, None, ReadContext()))
    assert again.article is not None
    assert [ref.issn for ref in again.article.references] == ["0004-637X", None]


def test_a_preprint_names_the_article_it_became(
    run, tmp_path: Path, store, depositor: None
) -> None:
    """A preprint's record says what it is a preprint of (relation is-preprint-of): JATS
    related-article-type "published-article" (PMC's value for it), Crossref's isPreprintOf;
    the article's own has-preprint stays "preprint"."""
    (tmp_path / "in").mkdir()
    journal = tmp_path / "in" / "journal.yaml"
    journal.write_text("title: {en: Test Preprints}\nissn: {electronic: 2658-6789}\n")
    relation = {"is-preprint-of": [{"id-type": "doi", "id": "10.5555/published.7",
                                    "asserted-by": "subject"}]}  # fmt: skip
    record = _work(type="posted-content", relation=relation)
    del record["message"]["container-title"]  # a preprint names no journal
    source = _write(tmp_path / "in", record)
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert "is-preprint-of" not in result.err
    jats = tmp_path / "out" / "work.xml"
    assert xmllint(jats, store.catalog).returncode == 0
    assert _xpath(jats, "//related-article/@related-article-type") == ["published-article"]
    assert _xpath(jats, "//related-article/@xlink:href") == ["10.5555/published.7"]
    result = run("convert", source, "-o", tmp_path / "out", "--to", "crossref")
    assert result.code == 0, result.err
    deposit = tmp_path / "out" / "work.crossref.xml"
    assert xmllint_crossref(deposit).returncode == 0
    assert _xpath(deposit, "//rel:intra_work_relation/@relationship-type") == ["isPreprintOf"]
    for output in (jats, deposit):
        [back] = list(read_source(output, None, ReadContext()))
        assert back.article is not None
        assert [(r.type, r.doi) for r in back.article.related_articles] == [
            ("published-article", "10.5555/published.7")
        ]


def test_the_journals_subject_areas_do_not_refuse_a_record(run, tmp_path: Path) -> None:
    """Crossref repeats its journal's subject areas (looked up by ISSN) in each work: no fact of
    the article, said once a run as out of scope, and no reason for --strict to refuse."""
    subjects = ["Civil and Structural Engineering", "Building and Construction"]
    first = _write(tmp_path / "in", _work(subject=subjects), "one.json")
    second = _write(tmp_path / "in", _work(DOI="10.5555/strict.2", subject=subjects), "two.json")
    result = run("convert", first, second, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    assert result.err.count("subject:") == 1
    assert (
        "jatsconv: note: subject: the journal's subject areas (Crossref repeats them in each of "
        "its works), not the article's subjects: not read (2 files)"
    ) in result.err
    assert "subj-group" not in (tmp_path / "out" / "one.xml").read_text(encoding="utf-8")


def test_a_funder_listed_once_per_award_is_one_funder_with_every_award(
    run, tmp_path: Path, store, depositor: None
) -> None:
    """Crossref keeps deposits that repeat a funder for each grant: they became one funder per
    award (a JATS award-group and a FundRef fundgroup each). Now one funder holds all its
    awards, an award given twice once. Funders that only share a name (two National Science
    Foundations, told apart by their ids) or an id (a division named under its parent's id)
    stay apart: merging them would lose an id or a name."""
    nsf = "10.13039/100000001"
    funders = [
        {"DOI": nsf, "name": "NSF", "doi-asserted-by": "publisher", "award": ["CNS-0626964"]},
        {"DOI": nsf, "name": "NSF", "doi-asserted-by": "publisher", "award": ["SES-0729441"]},
        {"DOI": nsf, "name": "NSF", "doi-asserted-by": "publisher", "award": ["CNS-0626964"]},
        {"name": "NSF", "award": ["OCI-0904844"]},
        {"DOI": "10.13039/501100011605", "name": "NSF", "award": ["2020-17"]},
        {"DOI": nsf, "name": "NSF Division of Chemistry", "award": ["CHE-1"]},
    ]
    source = _write(tmp_path / "in", _work(funder=funders))
    result = run("convert", source, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    jats = tmp_path / "out" / "work.xml"
    assert xmllint(jats, store.catalog).returncode == 0
    groups = etree.parse(str(jats)).xpath("//award-group")
    assert [
        (
            group.findtext(".//institution"),
            group.findtext(".//institution-id"),
            [award.text for award in group.iter("award-id")],
        )
        for group in groups
    ] == [
        ("NSF", nsf, ["CNS-0626964", "SES-0729441", "OCI-0904844"]),
        ("NSF", "10.13039/501100011605", ["2020-17"]),
        ("NSF Division of Chemistry", nsf, ["CHE-1"]),
    ]
    result = run("convert", source, "-o", tmp_path / "out", "--to", "crossref")
    assert result.code == 0, result.err
    deposit = tmp_path / "out" / "work.crossref.xml"
    assert xmllint_crossref(deposit).returncode == 0
    groups = etree.parse(str(deposit)).xpath("//fr:assertion[@name='fundgroup']", namespaces=NS)
    assert [
        len(group.xpath("fr:assertion[@name='award_number']", namespaces=NS)) for group in groups
    ] == [3, 1, 1]
    result = run("convert", source, "-o", tmp_path / "out", "--to", "doaj")
    assert result.code == 0, result.err
    doaj = tmp_path / "out" / "work.doaj.xml"
    _doaj_valid(doaj)
    assert "CNS-0626964" not in doaj.read_text(encoding="utf-8")  # DOAJ has no funding


def test_full_text_links_of_plain_text_or_of_no_stated_format_are_self_uris(
    run, tmp_path: Path, store
) -> None:
    """Elsevier's text-mining API registers the article's plain text (text/plain) beside its
    XML, Wiley's and APS's give a full-text address of no stated format ("unspecified"): each
    was data dropped, so --strict refused the record. Now each is a self-uri typed "text" or
    "unspecified", read back from the JATS as such; an unspecified link to the landing page
    itself adds nothing, and a link of another type is still said."""
    api = "https://api.publisher.example/article/S0141?httpAccept="
    links = [
        {"URL": f"{api}text/xml", "content-type": "text/xml", "content-version": "vor",
         "intended-application": "text-mining"},
        {"URL": f"{api}text/plain", "content-type": "text/plain", "content-version": "vor",
         "intended-application": "text-mining"},
        {"URL": "https://api.publisher.example/tdm/v1/articles/10.5555%2Fstrict.1",
         "content-type": "unspecified", "content-version": "vor",
         "intended-application": "text-mining"},
        {"URL": "https://publisher.example/a/1", "content-type": "unspecified",
         "content-version": "vor", "intended-application": "syndication"},
    ]  # fmt: skip
    source = _write(tmp_path / "in", _work(link=links))
    result = run("convert", source, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    assert "warning" not in result.err
    jats = tmp_path / "out" / "work.xml"
    assert xmllint(jats, store.catalog).returncode == 0
    typed = [
        (link.get("content-type"), link.get(f"{{{NS['xlink']}}}href"))
        for link in etree.parse(str(jats)).iter("self-uri")
    ]
    assert typed == [
        ("landing-page", "https://publisher.example/a/1"),
        ("xml", f"{api}text/xml"),
        ("text", f"{api}text/plain"),
        ("unspecified", "https://api.publisher.example/tdm/v1/articles/10.5555%2Fstrict.1"),
    ]
    [back] = list(read_source(jats, "jats", ReadContext()))
    assert back.article is not None
    assert [link.type for link in back.article.self_uri] == ["xml", "text", "unspecified"]

    zipped = {"URL": "https://publisher.example/a/1.zip", "content-type": "application/zip",
              "intended-application": "text-mining"}  # fmt: skip
    source = _write(tmp_path / "zip", _work(link=[zipped]))
    result = run("convert", source, "-o", tmp_path / "out", "--strict")
    assert result.code == 3
    assert "link[0] of type 'application/zip': not carried" in result.err


def test_a_cited_works_edition_is_carried(run, tmp_path: Path, store, depositor: None) -> None:
    """A cited book's edition, and a cited program's version as Crossref keeps it in the same
    field, were data dropped (so --strict refused the record): now JATS element-citation's
    <edition> and the deposit citation's edition_number, read back from either. One longer
    than the deposit's 15 characters is left out of that citation, said; one printed with
    its word for edition ("4th ed.") is deposited as its number, as Crossref asks."""
    references = [
        {"key": "r1", "volume-title": "Numerical Recipes", "author": "Press", "year": "2007",
         "edition": "3", "ISBN": "http://id.crossref.org/isbn/9780521880688"},
        {"key": "r2", "journal-title": "lme4: linear mixed-effects models", "author": "Bates",
         "year": "2014", "edition": "1.1-7"},
        {"key": "r3", "volume-title": "Mechanics of Materials", "year": "1990",
         "edition": "Second revised and enlarged"},
        {"key": "r4", "volume-title": "Molecular Biology of the Cell", "year": "2002",
         "edition": "4th ed."},
        {"key": "r5", "volume-title": "Курс теоретической механики", "year": "1983",
         "edition": "2-е изд."},
    ]  # fmt: skip
    source = _write(tmp_path / "in", _work(reference=references))
    result = run("convert", source, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    assert "warning" not in result.err
    jats = tmp_path / "out" / "work.xml"
    assert xmllint(jats, store.catalog).returncode == 0
    editions = ["3", "1.1-7", "Second revised and enlarged", "4th ed.", "2-е изд."]
    assert _xpath(jats, "//element-citation/edition") == editions
    older = run("convert", source, "-o", tmp_path / "out13", "--jats-version", "1.3")
    assert older.code == 0, older.err
    assert xmllint(tmp_path / "out13" / "work.xml", store.catalog).returncode == 0
    [back] = list(read_source(jats, "jats", ReadContext()))
    assert back.article is not None
    assert [ref.edition for ref in back.article.references] == editions

    result = run("convert", source, "-o", tmp_path / "out", "--to", "crossref")
    assert result.code == 0, result.err
    deposit = tmp_path / "out" / "work.crossref.xml"
    check = xmllint_crossref(deposit)
    assert check.returncode == 0, check.stderr
    # (Crossref asks for the number alone: "4th ed." is deposited as 4, the text keeps it)
    assert _xpath(deposit, "//c:citation/c:edition_number") == ["3", "1.1-7", "4", "2"]
    assert (
        f"{deposit}: warning: references[2].edition: longer than Crossref's 15 characters, "
        "left out of the deposit"
    ) in result.err
    [again] = list(read_source(deposit, None, ReadContext()))
    assert again.article is not None
    assert [ref.edition for ref in again.article.references] == ["3", "1.1-7", None, "4", "2"]


def test_a_published_review_is_a_related_article_both_ways(
    run, tmp_path: Path, store, depositor: None
) -> None:
    """PeerJ and Wiley publish an article's review reports, decision letter and the authors'
    response under DOIs of their own, which Crossref ties to the article as has-review: each
    was data dropped (so --strict refused the record). Now each is a related article of type
    "peer-review" (PMC's Style Checker's value), deposited as hasReview; a review's own record
    (is-review-of) names the article it reviews as "peer-reviewed-article", isReviewOf."""
    reviews = [
        {"id-type": "doi", "id": "10.5555/strict.1v0.1/reviews/1", "asserted-by": "object"},
        {"id-type": "doi", "id": "10.5555/strict.1v0.1/reviews/2", "asserted-by": "object"},
    ]
    source = _write(tmp_path / "in", _work(relation={"has-review": reviews}))
    result = run("convert", source, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    assert "warning" not in result.err
    jats = tmp_path / "out" / "work.xml"
    assert xmllint(jats, store.catalog).returncode == 0
    pmc = run("check", jats, "--profile", "pmc")
    assert "related-article" not in pmc.out + pmc.err  # a type PMC's Style Checker takes
    assert _xpath(jats, "//related-article/@related-article-type") == ["peer-review"] * 2
    assert _xpath(jats, "//related-article/@xlink:href") == [r["id"] for r in reviews]
    result = run("convert", source, "-o", tmp_path / "out", "--to", "crossref")
    assert result.code == 0, result.err
    deposit = tmp_path / "out" / "work.crossref.xml"
    assert xmllint_crossref(deposit).returncode == 0
    assert _xpath(deposit, "//rel:inter_work_relation/@relationship-type") == ["hasReview"] * 2
    for output in (jats, deposit):
        [back] = list(read_source(output, None, ReadContext()))
        assert back.article is not None
        assert [(r.type, r.doi) for r in back.article.related_articles] == [
            ("peer-review", r["id"]) for r in reviews
        ]

    reviewed = {"id-type": "doi", "id": "10.5555/strict.1", "asserted-by": "subject"}
    review = _work(DOI="10.5555/strict.1v0.1/reviews/1", type="peer-review",
                   relation={"is-review-of": [reviewed]})  # fmt: skip
    source = _write(tmp_path / "review", review)
    result = run("convert", source, "-o", tmp_path / "out", "--to", "crossref")
    assert result.code == 0, result.err
    assert "is-review-of" not in result.err
    deposit = tmp_path / "out" / "work.crossref.xml"
    assert xmllint_crossref(deposit).returncode == 0
    assert _xpath(deposit, "//rel:inter_work_relation[@relationship-type='isReviewOf']") == [
        "10.5555/strict.1"
    ]


def test_crossmark_assertions_are_read_for_what_they_add(run, tmp_path: Path, store) -> None:
    """Publishers repeat in each record's Crossmark assertions what their Crossmark box shows:
    the article's and journal's titles, the DOI link, the publisher (Elsevier's records, all
    refused by --strict for it), the online publication date, the article's type, an author's
    ORCID iD, the journal's review policy. A copy that agrees with the record adds nothing; a
    date, a type or an iD the record lacks is carried; the journal's policy is said once a run
    as out of scope. What the model has no place for (a conflict-of-interest statement), and a
    copy that disagrees, are still said."""
    copies = [
        {"name": "publisher", "label": "This article is maintained by", "value": "Test"},
        {"name": "articletitle", "label": "Article Title", "value": "Bridges under load"},
        {"name": "journaltitle", "label": "Journal Title", "value": "Journal of Test Structures"},
        {"name": "articlelink", "value": "https://doi.org/10.5555/strict.1"},
        {"name": "content_type", "label": "Content Type", "value": "article"},
        {"name": "published", "value": "2021-03-04", "group": {"name": "publication_history"}},
        {"name": "peer_review_method", "value": "Single-blind"},
    ]
    first = _write(tmp_path / "in", _work(publisher="Test Publisher", assertion=copies), "a.json")
    orcid = "https://orcid.org/0000-0002-1825-0097"
    adding = [
        {"name": "first_online", "label": "First Online", "value": "4 March 2021"},
        {"name": "article_type", "label": "Article type", "value": "lett"},
        {"name": "identifier", "value": "Anna Smith (ORCID)", "URL": orcid,
         "group": {"name": "author_identifiers"}},
        {"name": "peer_review_method", "value": "Single-blind"},
    ]  # fmt: skip
    record = _work(DOI="10.5555/strict.2", assertion=adding)
    del record["message"]["published-online"]
    record["message"]["published-print"] = {"date-parts": [[2021, 5]]}
    second = _write(tmp_path / "in", record, "b.json")
    # Elsevier's content_type names its XML's document model, which says nothing of the type
    model = [{"name": "content_type", "label": "Content Type", "value": "simple-article"}]
    third = _write(tmp_path / "in", _work(DOI="10.5555/strict.3", assertion=model), "c.json")
    result = run("convert", first, second, third, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    assert "warning" not in result.err
    assert (
        "jatsconv: note: assertion content_type 'simple-article', 'converted-article': the "
        "document model of Elsevier's XML, not the article's type: not read (1 file)"
    ) in result.err
    assert _xpath(tmp_path / "out" / "c.xml", "/article/@article-type") == ["research-article"]
    assert (
        "jatsconv: note: assertion: the journal's peer-review and plagiarism-screening policy, "
        "its aims-and-scope page, Crossref's Similarity Check, a metrics page "
        "(peer_review_method, review_process, screening_status, similarity_check …), stated "
        "alike in each of the journal's Crossmark records, not facts of the article: not read "
        "(2 files)"
    ) in result.err
    for name in ("a.xml", "b.xml"):
        assert xmllint(tmp_path / "out" / name, store.catalog).returncode == 0
    letter = tmp_path / "out" / "b.xml"
    assert _xpath(letter, "/article/@article-type") == ["letter"]
    assert _xpath(letter, "//pub-date[@publication-format='electronic']/@iso-8601-date") == [
        "2021-03-04"
    ]
    assert _xpath(letter, "//contrib-id[@contrib-id-type='orcid']") == [orcid]

    said = [
        {"name": "journaltitle", "label": "Journal Title", "value": "Journal of Other Things"},
        {"name": "Ethics", "value": "The authors declare no competing interests.",
         "group": {"name": "EthicsHeading"}},
    ]  # fmt: skip
    source = _write(tmp_path / "said", _work(assertion=said))
    result = run("convert", source, "-o", tmp_path / "out", "--strict")
    assert result.code == 3
    assert (
        f"{source}: data dropped (--strict makes this an error): assertion (journaltitle, "
        "Ethics): not carried (the article model has no place for it)"
    ) in result.err


def test_springers_ethics_and_supplementary_assertions_are_said_not_misplaced(
    run, tmp_path: Path, store
) -> None:
    """Springer's declarations (``Ethics`` assertions, each labelled: competing interests,
    ethics approval) and a supplementary-data link: the competing-interests statement is the
    article's (JATS's coi-statement footnote in the author notes); the ethics approval and the
    supplementary data have their places in JATS (back-matter notes, supplementary-material)
    but none in the article model: named in one data-dropped line, the article converted and
    valid, and no statement put in custom-meta, where JATS readers would not look for it."""
    declarations = [
        {"name": "Ethics", "label": "Competing interests", "order": 1,
         "value": "The authors declare no competing interests.",
         "group": {"name": "EthicsHeading", "label": "Declarations"}},
        {"name": "Ethics", "label": "Ethics approval", "order": 2,
         "value": "Approved by the university's ethics committee (protocol 7/2020).",
         "group": {"name": "EthicsHeading", "label": "Declarations"}},
        {"name": "supplementary_materials", "label": "Supplementary data",
         "value": "Supplementary tables S1-S3", "URL": "https://publisher.example/a/1/esm"},
    ]  # fmt: skip
    source = _write(tmp_path / "in", _work(assertion=declarations))
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (
        f"{source}: warning (data dropped): assertion (Ethics, supplementary_materials): not "
        "carried (the article model has no place for it)"
    ) in result.err
    written = tmp_path / "out" / "work.xml"
    assert xmllint(written, store.catalog).returncode == 0
    assert _xpath(written, "//author-notes/fn[@fn-type='coi-statement']/p") == [
        "The authors declare no competing interests."
    ]
    text = written.read_text(encoding="utf-8")
    assert "ethics committee" not in text and "custom-meta" not in text


def test_the_journals_archives_and_a_volume_without_issues_do_not_refuse_a_record(
    run, tmp_path: Path, store, depositor: None
) -> None:
    """Crossref records repeat the archives that preserve the journal's content (Portico,
    CLOCKSS) and Elsevier's give a volume published without issues the special numbering "C":
    neither is a fact of the article (said once a run as out of scope, not as data dropped).
    Another special numbering, a supplement's "S4", is the issue the record gives no number
    for, in JATS and in the deposit."""
    archives = ["CLOCKSS", "LOCKSS", "Portico"]
    continuous = _work(archive=archives, special_numbering="C", volume="325")
    supplement = _work(DOI="10.5555/strict.2", archive=archives, special_numbering="S4",
                       volume="24", page="473s")  # fmt: skip
    first = _write(tmp_path / "in", continuous, "c.json")
    second = _write(tmp_path / "in", supplement, "s.json")
    result = run("convert", first, second, "-o", tmp_path / "out", "--strict")
    assert result.code == 0, result.err
    assert "warning" not in result.err
    assert (
        "jatsconv: note: archive: the archives that preserve the journal's content (Portico, "
        "CLOCKSS …), an arrangement of the journal its records repeat, not a fact of the "
        "article: not read (2 files)"
    ) in result.err
    assert (
        "jatsconv: note: special_numbering 'C': the mark Elsevier's records give a volume "
        "published without issues, no issue number: not read (1 file)"
    ) in result.err
    for name in ("c.xml", "s.xml"):
        assert xmllint(tmp_path / "out" / name, store.catalog).returncode == 0
    assert _xpath(tmp_path / "out" / "c.xml", "//article-meta/issue") == []
    assert _xpath(tmp_path / "out" / "s.xml", "//article-meta/issue") == ["S4"]
    result = run("convert", second, "-o", tmp_path / "out", "--to", "crossref")
    assert result.code == 0, result.err
    deposit = tmp_path / "out" / "s.crossref.xml"
    assert xmllint_crossref(deposit).returncode == 0
    assert _xpath(deposit, "//c:journal_issue/c:issue") == ["S4"]
