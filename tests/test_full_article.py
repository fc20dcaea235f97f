"""Every field of the model reaches valid JATS, in every version and tag set we write."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import DATA, xmllint
from converter import load_article, to_jats

FULL = DATA / "full" / "article.yaml"
NS = {"xlink": "http://www.w3.org/1999/xlink", "ali": "http://www.niso.org/schemas/ali/1.0/"}


@pytest.fixture(scope="module")
def article():
    return load_article(FULL)


@pytest.mark.parametrize("version", ["1.4", "1.3"])
@pytest.mark.parametrize("tag_set", ["publishing", "archiving"])
def test_full_article_is_valid(article, store, tmp_path: Path, version, tag_set) -> None:
    output = to_jats(article, version=version, tag_set=tag_set, grammars=store)
    assert output.valid, output.problems
    path = tmp_path / "full.xml"
    path.write_bytes(output.data)
    check = xmllint(path, store.catalog)
    assert check.returncode == 0, check.stderr


def test_full_article_carries_every_field(article, store) -> None:
    tree = etree.fromstring(to_jats(article, grammars=store).data)
    x = lambda path: tree.xpath(path, namespaces=NS)  # noqa: E731
    assert x("/article/@article-type") == ["review-article"]
    assert x("//journal-id/@journal-id-type") == ["publisher-id", "nlm-ta"]
    assert x("//journal-meta/issn-l/text()") == ["2658-6444"]
    assert x("//journal-title-group/trans-title-group/@xml:lang") == ["ru"]
    assert x("//abbrev-journal-title/text()") == ["J. Test Stud."]
    assert len(x("//publisher/publisher-name")) == 2
    assert x("//article-id[@pub-id-type='doi']/text()") == ["10.5555/full.2020.1"]
    assert x("//article-id[@custom-type='edn']/text()") == ["ABCDEF"]
    assert x("//article-id[@pub-id-type='pmid']/text()") == ["12345678"]
    assert x("//article-id[@custom-type='elpub']/text()") == ["987"]
    assert x("//subj-group/subject/text()") == ["Reviews", "Обзоры"]
    assert x("//title-group/article-title/italic/text()") == ["coverage"]
    assert x("//title-group/subtitle/text()") == ["A test fixture"]
    assert x("//trans-title-group[@xml:lang='ru']/trans-subtitle/text()") == ["Тестовый пример"]
    assert x("//contrib/contrib-id/text()") == ["https://orcid.org/0000-0002-1825-0097"]
    assert x("//contrib[@corresp='yes']/email/text()") == ["josiah@example.org"]
    assert x("//name[surname='Carberry']/prefix/text()") == ["Dr"]
    assert x("//name[surname='Carberry']/suffix/text()") == ["Jr"]
    assert x("//name[not(surname)]/@name-style") == ["given-only"]
    assert x("//collab-alternatives/collab/@xml:lang") == ["en", "ru"]
    assert x("//contrib-group/contrib/@contrib-type") == ["author"] * 4 + ["editor"]
    assert x("//contrib/bio/p/bold/text()") == ["tests"]
    assert len(x("//contrib/role[@vocab='CRediT']")) == 2
    # inline affiliation got its own id and label; both affiliations referenced
    assert x("//contrib/xref[@ref-type='aff']/@rid") == ["uni", "aff2"]
    assert x("//aff-alternatives[@id='uni']/aff[@xml:lang='ru']/country/text()") == ["Россия"]
    assert x("//aff[@id='aff2']/country/text()") == ["Germany"]
    assert x("//institution-id[@institution-id-type='ror']/text()")[0] == (
        "https://ror.org/05qrfxd25"
    )
    assert x("//pub-date/@iso-8601-date") == ["2020-03-01", "2020-04", "2020"]
    assert x("//issue-title-group/issue-title/text()") == ["A special issue on tests"]
    assert x("//issue-title-group/trans-title-group[@xml:lang='ru']/trans-title/text()") == [
        "Спецвыпуск о тестах"
    ]
    assert x("//elocation-id/text()") == ["e1001"]
    assert not x("//article-meta/fpage")
    assert x("//history/date/@date-type") == ["received", "rev-recd", "rev-recd", "accepted"]
    # the input's legal-code address, written as the licence's own URL (the one PMC's Style
    # Checker and JATS4R take): the same licence, CC BY-NC 4.0
    license_url = "https://creativecommons.org/licenses/by-nc/4.0/"
    assert x("//license/@xlink:href") == [license_url, license_url]
    assert x("//license/ali:license_ref/text()") == [license_url, license_url]
    assert x("//license/@xml:lang") == ["ru"]
    assert x("//copyright-year/text()") == ["2020"]
    assert x("//self-uri[@content-type='pdf']/@xlink:href") == [
        "https://journal.example.org/full-1.pdf"
    ]
    assert x("//abstract[@xml:lang='en']/p[1]/sub/text()") == ["2"]
    assert x("//abstract[@xml:lang='en']/p[1]/sc/text()") == ["small caps"]
    assert x("//kwd-group[@xml:lang='ru']/kwd/text()") == ["тестирование", "модель"]
    assert x("//kwd-group[@xml:lang='en']/kwd/italic/text()") == ["in vitro"]
    id_types = x("//funding-source/institution-wrap/institution-id/@institution-id-type")
    assert id_types == ["doi", "doi", "ror"]
    assert x("//award-group[1]/award-id/text()") == ["20-00-00001", "20-00-00002"]
    assert len(x("//funding-group/funding-statement")) == 2
    assert x("//custom-meta/meta-value/text()") == ["double-blind"]
    assert x("//ref/@id") == ["ref1", "ref2", "ref3", "web1"]
    assert x("//ref[@id='ref3']/element-citation/chapter-title/text()") == ["A chapter"]
    # a group among the authors is a <collab>, never a person's name
    assert x("//ref[@id='ref3']//person-group/collab/text()") == ["Consortium of Everything"]
    assert x("//ref[@id='ref3']//person-group/name/surname/text()") == ["Smith"]
    # 'et al.': the list is cut, and <etal/> closes it
    assert x("local-name(//ref[@id='ref3']//person-group/*[last()])") == "etal"
    assert x("//ref[@id='ref2']/citation-alternatives/element-citation/@xml:lang") == ["en"]
    assert x("//ref[@id='web1']//date-in-citation/@iso-8601-date") == ["2021-01-02"]


def test_journal_without_ids_uses_its_issn(write_article, store) -> None:
    article = load_article(write_article("title: {en: T}\n"))
    tree = etree.fromstring(to_jats(article, grammars=store).data)
    assert tree.xpath("//journal-id[@journal-id-type='issn']/text()") == ["2658-6789"]
