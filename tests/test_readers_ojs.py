"""OJS native XML exports: one valid JATS per article, both languages, HTML abstracts, safety."""

from __future__ import annotations

import json
import re
import shutil
from html import escape
from pathlib import Path

import pytest
import yaml
from lxml import etree

from conftest import DATA, SAMPLES, xmllint, xmllint_crossref
from converter.citations import parse_reference
from converter.notices import DROPPED, SIMPLIFIED
from converter.readers import ReadContext, read_source
from converter.readers.common import locale_language
from converter.readers.markup import Collector, html_paragraphs

EXPORT = SAMPLES / "ojs" / "2019-1" / "issue.xml"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _langs(tree: etree._ElementTree, xpath: str) -> list[str]:
    return [node.get(LANG) for node in tree.xpath(xpath)]


def test_export_gives_one_valid_jats_per_article_in_both_languages(
    run, tmp_path: Path, store
) -> None:
    result = run("convert", EXPORT, "-o", tmp_path)  # format detected from the content
    assert result.code == 0, result.err
    outputs = sorted(tmp_path.glob("issue-*.xml"))
    assert [p.name for p in outputs] == ["issue-1.xml", "issue-2.xml", "issue-3.xml"]
    for path in outputs:
        check = xmllint(path, store.catalog)
        assert check.returncode == 0, check.stderr
        tree = etree.parse(str(path))
        main = tree.getroot().get(LANG)
        other = {"ru": "en", "en": "ru"}[main]
        assert tree.xpath("//title-group/article-title/text()")
        assert _langs(tree, "//title-group/trans-title-group") == [other]
        assert sorted(_langs(tree, "//article-meta/abstract")) == ["en", "ru"]
        assert sorted(_langs(tree, "//kwd-group")) == ["en", "ru"]
        for contrib in tree.xpath("//contrib"):
            assert sorted(_langs(contrib, "name-alternatives/name")) == ["en", "ru"]
        assert tree.xpath("//issn[@publication-format='print']/text()") == ["2500-2872"]
        assert tree.xpath("//article-meta/volume/text()") == ["3"]
        assert tree.xpath("//article-meta/issue/text()") == ["1"]
        assert tree.xpath("//pub-date[@date-type='collection']/year/text()") == ["2019"]
        assert tree.xpath("//license/@license-type") == ["open-access"]
        assert b"&lt;" not in path.read_bytes()  # no markup left as escaped tags


def test_first_article_facts(run, tmp_path: Path, store) -> None:
    assert run("convert", EXPORT, "-o", tmp_path, "--from", "ojs").code == 0
    tree = etree.parse(str(tmp_path / "issue-1.xml"))
    assert tree.getroot().get(LANG) == "ru"
    assert tree.xpath("//title-group/article-title/text()") == [
        "Японская политика в Арктике: интересы и инструменты"
    ]
    assert tree.xpath("//article-id[@pub-id-type='doi']/text()") == ["10.5555/jsr.2019.1.7"]
    assert tree.xpath("//article-id[@pub-id-type='publisher-id']/text()") == ["jsr-2019-1-7"]
    assert tree.xpath("//article-meta/fpage/text()") == ["7"]
    assert tree.xpath("//article-meta/lpage/text()") == ["25"]
    assert tree.xpath("//contrib/@corresp") == ["yes"]
    assert tree.xpath("//contrib-id[@contrib-id-type='orcid']/text()") == [
        "https://orcid.org/0000-0002-1825-0097"
    ]
    names = tree.xpath("//name-alternatives/name")
    assert [(n.get(LANG), n.get("name-style")) for n in names] == [
        ("ru", "eastern"),
        ("en", "western"),
    ]
    assert tree.xpath("//aff-alternatives/aff[@xml:lang='en']//institution/text()") == [
        "MGIMO University"
    ]
    assert tree.xpath("//aff-alternatives/aff/country/@country") == ["RU", "RU"]
    assert tree.xpath("//subj-group[not(@xml:lang)]/subject/text()") == [
        "Политика и международные отношения"
    ]
    # <em> became italic; the link lost its tag, kept its text, and was reported
    assert tree.xpath("//abstract[@xml:lang='en']//italic/text()") == ["Northern Sea Route"]
    assert "government’s site" in "".join(tree.xpath("//abstract[@xml:lang='en']//text()"))
    assert (
        "issue.xml#1: warning (markup simplified): abstract[en]: <a> markup is not kept"
        in run("convert", EXPORT, "-o", tmp_path).err
    )
    assert tree.xpath("//bio[@xml:lang='en']/p/text()") == [
        "PhD in Political Science, Associate Professor."
    ]
    assert tree.xpath("//copyright-holder/text()") == ["Иванова А.П.", "Ivanova A.P."]
    assert len(tree.xpath("//ref")) == 3


def test_subtitle_and_several_authors(run, tmp_path: Path, store) -> None:
    assert run("convert", EXPORT, "-o", tmp_path).code == 0
    tree = etree.parse(str(tmp_path / "issue-2.xml"))
    assert tree.getroot().get(LANG) == "en"
    assert tree.xpath("//title-group/subtitle/text()") == ["The 1956 Declaration revisited"]
    assert tree.xpath("//trans-title-group/trans-subtitle/text()") == [
        "Возвращение к Декларации 1956 года"
    ]
    assert tree.xpath("//contrib/name-alternatives/name[@xml:lang='en']/surname/text()") == [
        "Streltsov",
        "Sorokin",
    ]
    assert tree.xpath("//abstract[@xml:lang='en']//bold/text()") == ["gives", "costs"]
    assert tree.xpath("//abstract[@xml:lang='en']//sup/text()") == ["1"]
    assert len(tree.xpath("//aff-alternatives")) == 2


def test_subjects_become_a_subject_group_per_language(run, tmp_path: Path, store) -> None:
    assert run("convert", EXPORT, "-o", tmp_path).code == 0
    tree = etree.parse(str(tmp_path / "issue-3.xml"))
    groups = tree.xpath("//article-categories/subj-group[@subj-group-type='subject']")
    assert [(g.get(LANG), g.xpath("subject/text()")) for g in groups] == [
        (None, ["Экономика", "Демография"]),
        ("en", ["Economics", "Demography"]),
    ]


def test_json_output_carries_warnings(run, tmp_path: Path, store) -> None:
    result = run("convert", EXPORT, "-o", tmp_path, "--json")
    payload = json.loads(result.out)
    assert [item["status"] for item in payload] == ["converted"] * 3
    issue_note = {  # the issue's own description: said once a run on the terminal
        "kind": "out of scope",
        "message": "an OJS issue's own <description>: not read (JATS article metadata has "
        "no place for an issue's description, cover or galleys)",
    }
    assert payload[0]["warnings"] == [
        {
            "kind": "markup simplified",
            "message": "abstract[en]: <a> markup is not kept "
            "(JATS text here takes i b sub sup sc u)",
        },
        issue_note,
    ]
    assert payload[0]["warning_summary"] == "0 data dropped, 1 markup simplified"
    assert payload[1]["warnings"] == [issue_note]
    assert payload[1]["warning_summary"] is None


def test_journal_comes_from_a_journal_file_or_the_option(run, tmp_path: Path, store) -> None:
    export = tmp_path / "issue.xml"
    shutil.copy(EXPORT, export)
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 3
    lines = [line for line in result.err.strip().splitlines() if ": warning" not in line]
    assert lines[0].startswith(f"{export}#1: journal: no journal metadata")
    assert len([line for line in lines if "journal:" in line]) == 3
    journal = SAMPLES / "ojs" / "journal.yaml"
    result = run("convert", export, "-o", tmp_path / "out", "--journal", journal)
    assert result.code == 0, result.err
    assert len(list((tmp_path / "out").glob("*.xml"))) == 3


def test_a_bad_orcid_or_email_is_left_out_naming_the_author(run, tmp_path: Path) -> None:
    """OJS checks neither an ORCID iD's checksum nor an e-mail address: one wrong value
    refused the whole article ("authors[0].orcid: checksum fails"). It is left out, said
    (data dropped) naming the author, and the article converts."""
    export = tmp_path / "issue.xml"
    text = EXPORT.read_text(encoding="utf-8")
    for old, new in [
        ("https://orcid.org/0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0098"),
        ("<email>a.ivanova@example.org</email>", "<email>a.ivanova at example</email>"),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    export.write_text(text, encoding="utf-8")
    result = run(
        "convert", export, "-o", tmp_path / "out", "--journal", SAMPLES / "ojs" / "journal.yaml"
    )
    assert result.code == 0, result.err
    said = [line for line in result.err.splitlines() if "left out" in line]
    assert said == [
        f"{export}#1: warning (data dropped): author 1 (Анна Петровна Иванова): <email> "
        "'a.ivanova at example': not an e-mail address: left out",
        f"{export}#1: warning (data dropped): author 1 (Анна Петровна Иванова): <orcid>: "
        "checksum fails: 'https://orcid.org/0000-0002-1825-0098': left out",
    ]
    tree = etree.parse(str(tmp_path / "out" / "issue-1.xml"))
    assert tree.xpath("//contrib-id") == [] and tree.xpath("//contrib/email") == []
    assert len(list((tmp_path / "out").glob("*.xml"))) == 3


OJS_30 = """\
<?xml version="1.0" encoding="utf-8"?>
<articles xmlns="http://pkp.sfu.ca">
  <article locale="en_US" date_published="2017-05-02" stage="production">
    <title locale="en_US">An OJS 3.0 article</title>
    <title locale="sr_RS@latin">Članak</title>
    <abstract locale="en_US"><![CDATA[<p>Text with <span>a span</span>, H<sub>2</sub>O,
      <script>alert(1)</script><img src="x.png"/>and an <u>underline</u>.</p>]]></abstract>
    <authors>
      <author user_group_ref="Translator" seq="0" id="1">
        <givenname locale="en_US">Ana</givenname>
        <country>RS</country>
      </author>
    </authors>
    <citations>First reference.
Second reference.</citations>
    <pages>e101</pages>
  </article>
</articles>
"""


def test_ojs_30_articles_root_without_publication(tmp_path: Path, journal_file: Path) -> None:
    export = tmp_path / "articles.xml"
    export.write_text(OJS_30, encoding="utf-8")
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.title == {"en": "An OJS 3.0 article", "sr-Latn": "Članak"}
    assert article.abstract["en"] == ["Text with a span, H<sub>2</sub>O, and an <u>underline</u>."]
    assert any("<script>" in w for w in loaded.warnings)
    assert article.authors[0].role == "translator"
    assert article.authors[0].name["en"].style == "given-only"
    assert article.affiliations[0].country == "RS"
    assert [r.text["en"] for r in article.references] == ["First reference.", "Second reference."]
    assert article.elocation_id == "e101"
    assert article.published.electronic == "2017-05-02"


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("ru_RU", "ru"),
        ("en_US", "en"),
        ("en", "en"),
        ("sr_RS@latin", "sr-Latn"),
        ("pt_BR", "pt"),
        # OJS 3.4+ writes the script as a subtag: it was dropped (sr_Latn and sr_Cyrl both "sr")
        ("sr_Latn", "sr-Latn"),
        ("sr_Cyrl", "sr-Cyrl"),
        ("zh_Hant", "zh-Hant"),
        ("zh_CN", "zh"),
        ("en-US", "en"),
    ],
)
def test_locales_become_language_codes(locale: str, language: str) -> None:
    assert locale_language(locale) == language


def test_html_becomes_inline_markup_and_the_rest_is_reported() -> None:
    log = Collector()
    paragraphs = html_paragraphs(
        "<p>A <em>b</em> <strong>c</strong> <i>d</i> <b>e</b> x<sub>2</sub> y<sup>3</sup> "
        '<u>u</u> <a href="https://example.org">link</a> <code>code</code></p><ul><li>item</li>'
        "</ul>plain &amp; <br/>tail",
        "abstract",
        log,
    )
    assert paragraphs == [
        "A <i>b</i> <b>c</b> <i>d</i> <b>e</b> x<sub>2</sub> y<sup>3</sup> <u>u</u> link code",
        "item",
        "plain & tail",
    ]
    assert [w.split(">")[0] for w in log.warnings] == ["abstract: <a", "abstract: <code"]


HOSTILE = """\
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE issue [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<issue xmlns="http://pkp.sfu.ca"><articles><article><title>&xxe;</title></article></articles></issue>
"""


def test_external_entity_in_an_export_is_refused(run, tmp_path: Path) -> None:
    export = tmp_path / "issue.xml"
    export.write_text(HOSTILE, encoding="utf-8")
    result = run("convert", export, "--from", "ojs", "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip() == (
        f"{export}: line 1: the DOCTYPE declares entities: refused (external entities and "
        "entity expansion are never processed)"
    )


def test_malformed_export_and_wrong_root(run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text('<issue xmlns="http://pkp.sfu.ca"><articles>', encoding="utf-8")
    result = run("convert", broken, "--from", "ojs", "-o", tmp_path / "out")
    assert result.code == 3 and result.err.count("\n") == 1
    assert "not well-formed" in result.err
    other = tmp_path / "other.xml"
    other.write_text("<issue/>", encoding="utf-8")
    result = run("convert", other, "--from", "ojs", "-o", tmp_path / "out")
    assert result.code == 3
    assert "not an OJS native export" in result.err


def test_a_citation_in_the_other_script_gets_that_language(tmp_path: Path) -> None:
    """An OJS citation has no language: the article's, unless its script plainly says otherwise
    (no Cyrillic in a Russian article → en; mostly Cyrillic in an English one → ru)."""
    russian = "Кузнецова М. Стажёры в Японии // Японские исследования. 2018. № 2. С. 60–74."
    export = tmp_path / "issue.xml"
    text, count = re.subn(
        r"<citation>Kimura H\.[^<]*</citation>",
        f"<citation>{russian}</citation>",
        EXPORT.read_text(encoding="utf-8"),
    )
    assert count == 1
    export.write_text(text, encoding="utf-8")
    shutil.copy(SAMPLES / "ojs" / "journal.yaml", tmp_path / "journal.yaml")
    first, second, third = (item.article for item in read_source(export, None, ReadContext()))
    assert first is not None and second is not None and third is not None
    assert first.language == "ru" and second.language == "en"
    # Russian article: the Russian reference (with a Latin journal name) stays ru; the two
    # written without a Cyrillic letter are English.
    assert [list(r.text or {}) for r in first.references] == [["ru"], ["en"], ["en"]]
    # English article: the English references stay en; the Cyrillic one is Russian.
    assert [list(r.text or {}) for r in second.references] == [["en"], ["ru"]]
    assert second.references[1].text == {"ru": russian}


def test_committed_ojs_outputs_label_english_references_en() -> None:
    tree = etree.parse(str(EXPORT.parent / "issue-1.xml"))
    assert tree.getroot().get(LANG) == "ru"
    langs = [
        [c.get(LANG) for c in ref.iter("mixed-citation")] for ref in tree.iter("ref")
    ]  # Стрельцов … (ru), Japan's Arctic Policy (en), Moe A., Stokke O.S. … (en)
    assert langs == [["ru"], ["en"], ["en"]]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Smith J. A paper. J Test. 2020;1:2-3.", "ru", "en"),
        ("Иванов И. Статья // Russian Japanology Review. 2018. Т. 1. DOI: 10.1/x", "ru", "ru"),
        ("Иванов И. Статья // Вестник. 2018. № 1.", "en", "ru"),
        ("Smith J. Relations with Mоscow. 2020.", "en", "en"),  # a stray Cyrillic о
        ("2020.", "ru", "ru"),  # no letters: nothing tells
        ("Smith J. A paper. 2020.", "ja", "ja"),  # neither Cyrillic nor Latin: left alone
    ],
)
def test_citation_language_rule(text: str, lang: str, expected: str) -> None:
    from converter.readers.ojs import _citation

    found = _citation(text, lang)
    if expected == lang:
        assert found == text  # a plain string: the article's language
    else:
        assert found == {"text": {expected: text}}


# An article exported on its own (the Native XML plugin's "Articles" tab) has no <issue> around
# it: OJS writes the issue's volume, number and year into the publication (3.2+). The structure
# is that of OJS 3.3's export; the article is the project's own.
OJS_33_ARTICLES = """\
<?xml version="1.0" encoding="utf-8"?>
<articles xmlns="http://pkp.sfu.ca" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://pkp.sfu.ca native.xsd">
  <article locale="en_US" date_submitted="2021-02-01" status="3" submission_progress="0"
      current_publication_id="210" stage="production">
    <id type="internal" advice="ignore">205</id>
    <publication locale="en_US" version="1" status="3" primary_contact_id="501" url_path=""
        seq="2" date_published="2021-09-30" section_ref="ART" access_status="0">
      <id type="internal" advice="ignore">210</id>
      <title locale="en_US">An article exported without its issue</title>
      <authors>
        <author include_in_browse="true" user_group_ref="Author" seq="0" id="501">
          <givenname locale="en_US">Mara</givenname>
          <familyname locale="en_US">Lind</familyname>
          <email>mara@example.org</email>
        </author>
      </authors>
      <issue_identification>
        <volume>7</volume>
        <number>3</number>
        <year>2021</year>
        <title locale="en_US">Autumn</title>
      </issue_identification>
      <pages>101-118</pages>
    </publication>
  </article>
</articles>
"""


def test_article_exported_without_its_issue_keeps_volume_number_year(
    tmp_path: Path, journal_file: Path
) -> None:
    export = tmp_path / "articles.xml"
    export.write_text(OJS_33_ARTICLES, encoding="utf-8")
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert (article.volume, article.issue) == ("7", "3")
    assert str(article.published.collection) == "2021"
    assert str(article.published.electronic) == "2021-09-30"
    assert (article.fpage, article.lpage) == ("101", "118")


# OJS 3.5 writes a vocabulary term as <keyword><name>…</name>, with <identifier> and <source>
# when it was picked from a vocabulary, and an author's institutions one element each:
# <affiliation> with a <name> per language, <rorAffiliation> with its <ror>. The structure is
# that of OJS 3.5's export filters (pkp-lib PKPPublicationNativeXmlFilter,
# PKPAuthorNativeXmlFilter); the article and people are the project's own.
OJS_35 = """\
<?xml version="1.0" encoding="utf-8"?>
<articles xmlns="http://pkp.sfu.ca" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://pkp.sfu.ca native.xsd">
  <article locale="en" date_submitted="2025-01-15" status="3" submission_progress=""
      current_publication_id="42" stage="production">
    <id type="internal" advice="ignore">40</id>
    <publication locale="en" version="1" status="3" primary_contact_id="77" url_path=""
        seq="3" access_status="0" date_published="2025-06-02" section_ref="ART">
      <id type="internal" advice="ignore">42</id>
      <id type="doi" advice="update">10.5555/tj.2025.12</id>
      <title locale="en">Reading exports written by newer releases</title>
      <title locale="fr">Lire les exports des versions récentes</title>
      <abstract locale="en">&lt;p&gt;A test abstract.&lt;/p&gt;</abstract>
      <copyrightHolder locale="en">The authors</copyrightHolder>
      <copyrightYear>2025</copyrightYear>
      <keywords locale="en">
        <keyword><name>metadata</name></keyword>
        <keyword>
          <name>open access</name>
          <identifier>https://www.wikidata.org/wiki/Q232932</identifier>
          <source>Wikidata</source>
        </keyword>
      </keywords>
      <subjects locale="en">
        <subject><name>Library science</name></subject>
      </subjects>
      <authors>
        <author include_in_browse="true" user_group_ref="Author" seq="0" id="77"
            primary_contact="true">
          <givenname locale="en">Ana</givenname>
          <familyname locale="en">Petrović</familyname>
          <rorAffiliation>
            <ror>https://ror.org/05qrfxd25</ror>
            <name locale="en">Example University</name>
          </rorAffiliation>
          <affiliation>
            <name locale="en">Institute of Examples</name>
            <name locale="fr">Institut des exemples</name>
          </affiliation>
          <country>RS</country>
          <email>ana@example.org</email>
        </author>
        <author include_in_browse="true" user_group_ref="Author" seq="1" id="78">
          <givenname locale="en">Ben</givenname>
          <familyname locale="en">Okafor</familyname>
          <email>ben@example.org</email>
        </author>
      </authors>
      <issue_identification>
        <volume>12</volume>
        <number>2</number>
        <year>2025</year>
        <title locale="en">Special issue</title>
      </issue_identification>
      <pages>45-60</pages>
    </publication>
  </article>
</articles>
"""


def test_ojs_35_vocabulary_terms_are_their_names(tmp_path: Path, journal_file: Path) -> None:
    export = tmp_path / "articles.xml"
    export.write_text(OJS_35, encoding="utf-8")
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.keywords == {"en": ["metadata", "open access"]}  # was "open accesshttps://…"
    assert article.subjects == {"en": ["Library science"]}
    assert [w for w in loaded.warnings if "identifier" in w] == [
        "<keyword> 'open access' identifier 'https://www.wikidata.org/wiki/Q232932': "
        "not carried (the article model has no place for it)"
    ]


def test_ojs_35_author_keeps_each_institution_and_its_ror(
    run, tmp_path: Path, journal_file: Path, store
) -> None:
    export = tmp_path / "articles.xml"
    export.write_text(OJS_35, encoding="utf-8")
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    first = article.authors[0]
    assert first.corresponding
    affiliations = [
        a if not isinstance(a, str) else next(x for x in article.affiliations if x.id == a)
        for a in first.affiliations
    ]
    assert [(a.institution, a.ror, a.country) for a in affiliations] == [
        ({"en": "Example University"}, "https://ror.org/05qrfxd25", "RS"),
        ({"en": "Institute of Examples", "fr": "Institut des exemples"}, None, "RS"),
    ]
    assert not any("rorAffiliation" in w for w in loaded.warnings)
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    out = tmp_path / "out" / "articles-1.xml"
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    tree = etree.parse(str(out))
    assert tree.xpath("//institution-id[@institution-id-type='ror']/text()") == [
        "https://ror.org/05qrfxd25"
    ]
    assert len(tree.xpath("//contrib[1]/xref[@ref-type='aff']")) == 2


# OJS 3.0 to 3.1.1 wrote an author's name as one <firstname>, <middlename> and <lastname>
# without locale, marked the primary contact on the author, and put the issue identification
# of an article exported on its own in the article (there is no <publication>). Structure of
# pkp-lib's PKPAuthorNativeXmlFilter and ojs's ArticleNativeXmlFilter before 3.1.2; the article
# and people are the project's own.
OJS_31 = """\
<?xml version="1.0" encoding="utf-8"?>
<articles xmlns="http://pkp.sfu.ca" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://pkp.sfu.ca native.xsd">
  <article locale="en_US" date_submitted="2017-08-14" stage="production"
      date_published="2018-01-20" section_ref="ART" seq="1" access_status="0">
    <id type="internal" advice="ignore">88</id>
    <title locale="en_US">An article from an OJS 3.1 journal</title>
    <authors>
      <author include_in_browse="true" user_group_ref="Author">
        <firstname>Oskar</firstname>
        <middlename>J.</middlename>
        <lastname>Berg</lastname>
        <affiliation locale="en_US">Example College</affiliation>
        <country>SE</country>
        <email>oskar@example.org</email>
      </author>
      <author primary_contact="true" include_in_browse="true" user_group_ref="Author">
        <firstname>Lea</firstname>
        <lastname>Vogel</lastname>
        <email>lea@example.org</email>
      </author>
    </authors>
    <issue_identification>
      <volume>4</volume>
      <number>1</number>
      <year>2018</year>
    </issue_identification>
    <pages>5-19</pages>
  </article>
</articles>
"""


def test_ojs_31_first_and_last_names_and_primary_contact(
    tmp_path: Path, journal_file: Path
) -> None:
    export = tmp_path / "articles.xml"
    export.write_text(OJS_31, encoding="utf-8")
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems  # was: authors[0]: give either name or collab
    names = [(a.name["en"].given, a.name["en"].surname) for a in article.authors]
    assert names == [("Oskar J.", "Berg"), ("Lea", "Vogel")]
    assert [a.corresponding for a in article.authors] == [False, True]
    assert (article.volume, article.issue, str(article.published.collection)) == ("4", "1", "2018")
    assert not any("firstname" in w or "lastname" in w for w in loaded.warnings)


def test_contributor_type_organization_is_a_group_and_anonymous_is_reported(
    tmp_path: Path, journal_file: Path
) -> None:
    """pkp-lib after 3.5 marks each author PERSON, ORGANIZATION (its name in givenname) or
    ANONYMOUS (givenname "ANONYMOUS")."""
    extra = """\
        <author include_in_browse="true" user_group_ref="Author" seq="2" id="79"
            contributor_type="ORGANIZATION">
          <givenname locale="en">Example Research Consortium</givenname>
          <givenname locale="fr">Consortium de recherche exemple</givenname>
        </author>
        <author include_in_browse="true" user_group_ref="Author" seq="3" id="80"
            contributor_type="ANONYMOUS">
          <givenname locale="en">ANONYMOUS</givenname>
        </author>
      </authors>"""
    export = tmp_path / "articles.xml"
    export.write_text(OJS_35.replace("      </authors>", extra, 1), encoding="utf-8")
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert len(article.authors) == 3
    assert article.authors[2].name is None
    assert article.authors[2].collab == {
        "en": "Example Research Consortium",
        "fr": "Consortium de recherche exemple",
    }
    assert "<author> 4 (contributor_type ANONYMOUS): not carried" in " ".join(loaded.warnings)


def test_export_with_a_large_embedded_galley_converts(run, tmp_path: Path) -> None:
    """OJS embeds galleys in base64: a PDF of 8 MB is a text node past the parser's 10 MB limit
    ('Text node too long'); the reader skips embedded content, so the export converts."""
    text = EXPORT.read_text(encoding="utf-8")
    big = "JVBERi0x" + "A" * (11 * 1024 * 1024)  # 11 MB of base64
    text, count = re.subn(
        r'(<file id="321"[^>]*?)/>',
        rf'\1><embed encoding="base64">{big}</embed></file>',
        text,
    )
    assert count == 1
    export = tmp_path / "issue.xml"
    export.write_text(text, encoding="utf-8")
    result = run(
        "convert", export, "-o", tmp_path / "out", "--journal", SAMPLES / "ojs" / "journal.yaml"
    )
    assert result.code == 0, result.err
    assert [p.name for p in sorted((tmp_path / "out").glob("*.xml"))] == [
        "issue-1.xml",
        "issue-2.xml",
        "issue-3.xml",
    ]
    assert (tmp_path / "out" / "issue-1.xml").read_bytes() == (
        EXPORT.parent / "issue-1.xml"
    ).read_bytes()


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 7, 16, 64, 4096])
def test_embedded_content_is_skipped_across_read_boundaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    from converter.readers import ojs

    source = (
        b'<issue xmlns="http://pkp.sfu.ca" xmlns:p="http://pkp.sfu.ca">\n'
        b'<file><embed encoding="base64">QUJD\nREVG\n</embed></file>\n'
        b'<cover><p:embed encoding="base64" >R0lG</p:embed></cover><embed/>'
        b"<embedded>kept</embedded><title>A &lt; B</title>\n"
        b"<file><embed>WFla</embed></file><last/></issue>\n"
    )
    export = tmp_path / "issue.xml"
    export.write_bytes(source)
    monkeypatch.setattr(ojs, "_CHUNK", chunk)
    assert ojs.export_bytes(export) == (
        b'<issue xmlns="http://pkp.sfu.ca" xmlns:p="http://pkp.sfu.ca">\n'
        b'<file><embed encoding="base64">\n\n</embed></file>\n'
        b'<cover><p:embed encoding="base64" ></p:embed></cover><embed/>'
        b"<embedded>kept</embedded><title>A &lt; B</title>\n"
        b"<file><embed></embed></file><last/></issue>\n"
    )


def test_format_is_told_from_the_head_without_loading_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An export with its galleys embedded can be hundreds of MB: sniffing reads 4 KB."""
    from converter.readers import detect_format

    def whole_file(self: Path) -> bytes:
        raise AssertionError(f"{self} read whole to tell its format")

    monkeypatch.setattr(Path, "read_bytes", whole_file)
    assert detect_format(EXPORT) == "ojs"


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ("pp. 45-60.", {"fpage": "45", "lpage": "60"}),  # was fpage "pp. 45", lpage "60."
        ("p. 5", {"fpage": "5"}),  # was elocation-id "p. 5"
        ("С. 7–25", {"fpage": "7", "lpage": "25"}),
        ("S. 3-9", {"fpage": "3", "lpage": "9"}),
        ("S12-S20", {"fpage": "S12", "lpage": "S20"}),  # a supplement's pages keep their S
        ("e101", {"elocation_id": "e101"}),
        ("Art. 5", {"elocation_id": "Art. 5"}),  # an article number, as before
        ("45-60", {"fpage": "45", "lpage": "60"}),
    ],
)
def test_pages_as_editors_type_them(
    tmp_path: Path, journal_file: Path, pages: str, expected: dict[str, str]
) -> None:
    export = tmp_path / "articles.xml"
    export.write_text(
        OJS_35.replace("<pages>45-60</pages>", f"<pages>{pages}</pages>"), encoding="utf-8"
    )
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    found = {"fpage": article.fpage, "lpage": article.lpage, "elocation_id": article.elocation_id}
    assert {k: v for k, v in found.items() if v} == expected


def test_ojs_34_serbian_in_both_scripts_keeps_both(
    run, tmp_path: Path, journal_file: Path, store
) -> None:
    """OJS 3.4+ locales sr_Latn and sr_Cyrl: one language code for both kept only one title."""
    text = OJS_35.replace(
        '<title locale="fr">Lire les exports des versions récentes</title>',
        '<title locale="sr_Latn">Čitanje izvoza</title>\n'
        '      <title locale="sr_Cyrl">Читање извоза</title>',
    )
    export = tmp_path / "articles.xml"
    export.write_text(text, encoding="utf-8")
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert sorted(article.title) == ["en", "sr-Cyrl", "sr-Latn"]
    assert article.title["sr-Latn"] == "Čitanje izvoza"
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    check = xmllint(tmp_path / "out" / "articles-1.xml", store.catalog)
    assert check.returncode == 0, check.stderr


def test_two_locales_of_one_language_are_reported_not_lost_in_silence(
    tmp_path: Path, journal_file: Path
) -> None:
    """pt_BR and pt_PT are both pt: the first is kept, the other's different text is said."""
    text = OJS_33_ARTICLES.replace(
        '<title locale="en_US">An article exported without its issue</title>',
        '<title locale="en_US">An article exported without its issue</title>\n'
        '      <title locale="pt_BR">Um artigo exportado sem o seu número</title>\n'
        '      <title locale="pt_PT">Um artigo exportado sem o respetivo número</title>\n'
        '      <title locale="en">An article exported without its issue</title>',
    )
    export = tmp_path / "articles.xml"
    export.write_text(text, encoding="utf-8")
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.title["pt"] == "Um artigo exportado sem o seu número"
    said = [w for w in loaded.warnings if "one language" in w]
    assert said == [  # the en title repeats en_US's text: nothing lost, nothing said
        "<title locale='pt_PT'> (one language, pt, with 'pt_BR'): not carried "
        "(the article model has no place for it)"
    ]


def test_article_with_versions_is_published_on_its_first_version_date(
    tmp_path: Path, journal_file: Path
) -> None:
    """OJS 3.2+ versions: the current publication (v2) gives the metadata; the date published
    is the first version's, as the article page shows it ("Published", then "Updated on")."""
    version_2 = (
        OJS_33_ARTICLES.split("<publication ", 1)[1]
        .split("</publication>", 1)[0]
        .replace('version="1"', 'version="2"')
        .replace('date_published="2021-09-30"', 'date_published="2022-02-14"')
        .replace('<id type="internal" advice="ignore">210</id>', '<id type="internal">211</id>')
        .replace("An article exported without its issue", "An article, corrected")
    )
    text = OJS_33_ARTICLES.replace(
        'current_publication_id="210"', 'current_publication_id="211"'
    ).replace("</publication>", f"</publication>\n    <publication {version_2}</publication>", 1)
    export = tmp_path / "articles.xml"
    export.write_text(text, encoding="utf-8")
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.title == {"en": "An article, corrected"}
    assert str(article.published.electronic) == "2021-09-30"  # was 2022-02-14
    # the later version's date ("Updated on") is said, as a note: --strict keeps the article
    [said] = [w for w in loaded.warnings if "2022-02-14" in w]
    assert said == (
        "date_published '2022-02-14' of version 2: the date the article was updated on, not "
        "carried (the article is published on its first version's date, 2021-09-30)"
    )
    assert said.kind == SIMPLIFIED


def _two_versions(current: str | None, second_status: str) -> str:
    """OJS_33_ARTICLES with a second version (publication 211, "An article, corrected"), of
    ``second_status``, and the article's ``current_publication_id`` set to ``current`` (None:
    left out)."""
    version_2 = (
        OJS_33_ARTICLES.split("<publication ", 1)[1]
        .split("</publication>", 1)[0]
        .replace('version="1" status="3"', f'version="2" status="{second_status}"')
        .replace('<id type="internal" advice="ignore">210</id>', '<id type="internal">211</id>')
        .replace("An article exported without its issue", "An article, corrected")
    )
    attribute = f'current_publication_id="{current}"' if current is not None else ""
    return OJS_33_ARTICLES.replace('current_publication_id="210"', attribute).replace(
        "</publication>", f"</publication>\n    <publication {version_2}</publication>", 1
    )


def test_a_current_publication_id_that_names_no_version_is_said(
    run, tmp_path: Path, journal_file: Path, store
) -> None:
    """An article whose current_publication_id names none of its publications was read from
    its last one in silence, a queued new version among them: now the last published one is
    read, as OJS makes it current, the publication taken is named, and --strict refuses."""
    export = tmp_path / "articles.xml"
    export.write_text(_two_versions("999", second_status="1"), encoding="utf-8")
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (
        f"{export}#1: warning (data dropped): current_publication_id '999' names none of its "
        "2 publications ('210', '211'): read publication '210' (version 1), the last "
        "published one, as OJS takes the current one"
    ) in result.err.splitlines()
    output = tmp_path / "out" / "articles-1.xml"
    assert etree.parse(str(output)).xpath("//article-title/text()") == [
        "An article exported without its issue"
    ]
    assert "not yet published" not in result.err  # the queued version is not the one read
    assert xmllint(output, store.catalog).returncode == 0
    strict = run("convert", export, "-o", tmp_path / "strict", "--strict")
    assert strict.code == 3, strict.err
    assert "data dropped (--strict makes this an error): current_publication_id" in strict.err


def test_without_a_current_publication_id_the_last_published_version_is_read(
    tmp_path: Path, journal_file: Path
) -> None:
    export = tmp_path / "articles.xml"
    export.write_text(_two_versions(None, second_status="3"), encoding="utf-8")
    [loaded] = list(read_source(export, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.title == {"en": "An article, corrected"}
    assert (
        "no current_publication_id names one of its 2 publications ('210', '211'): read "
        "publication '211' (version 2), the last published one, as OJS takes the current one"
    ) in loaded.warnings
    export.write_text(_two_versions("211", second_status="3"), encoding="utf-8")
    [loaded] = list(read_source(export, None, ReadContext()))  # named: read, nothing said
    assert loaded.article is not None and loaded.article.title == {"en": "An article, corrected"}
    assert not [w for w in loaded.warnings if "current_publication_id" in w]


def test_section_named_by_an_abbreviation_in_another_locale(tmp_path: Path) -> None:
    """OJS writes a section's ref in the journal's primary locale (ru: СТ) and the article's
    section_ref in the exporting editor's (en: ART): the article keeps its section."""
    export = tmp_path / "issue.xml"
    text = EXPORT.read_text(encoding="utf-8").replace('<section ref="ART"', '<section ref="СТ"')
    export.write_text(text, encoding="utf-8")
    shutil.copy(SAMPLES / "ojs" / "journal.yaml", tmp_path / "journal.yaml")
    first = next(iter(read_source(export, None, ReadContext())))
    assert first.article is not None, first.problems
    assert first.article.section == {
        "ru": "Политика и международные отношения",
        "en": "Politics and International Relations",
    }
    unknown = text.replace('section_ref="ART"', 'section_ref="XYZ"', 1)
    export.write_text(unknown, encoding="utf-8")
    first = next(iter(read_source(export, None, ReadContext())))
    assert first.article is not None and first.article.section is None
    assert "section_ref 'XYZ': no section of the issue has that ref or abbreviation" in (
        first.warnings
    )


def test_public_id_is_the_publisher_id_and_the_31_url(tmp_path: Path) -> None:
    """<id type="public"> is the publisher-id (OJS's pub-id plugin); OJS 3.0/3.1 showed it in
    the article's URL in place of the submission id. It was reported as not carried."""
    (tmp_path / "journal.yaml").write_text(
        "title: {en: Test Journal}\nissn: {electronic: 2658-6789}\n"
        "url: https://journal.example.org/index.php/tj\n",
        encoding="utf-8",
    )
    export = tmp_path / "articles.xml"
    export.write_text(
        OJS_31.replace(
            '<id type="internal" advice="ignore">88</id>',
            '<id type="internal" advice="ignore">88</id>\n    '
            '<id type="public" advice="update">tj-4-1-berg</id>',
        ),
        encoding="utf-8",
    )
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.ids.publisher_id == "tj-4-1-berg"
    assert str(article.url) == "https://journal.example.org/index.php/tj/article/view/tj-4-1-berg"
    assert not any("public" in w for w in loaded.warnings)


def test_date_submitted_is_the_received_date_unless_after_publication(tmp_path: Path) -> None:
    """An article's date_submitted is when the manuscript was received (the article page gives
    it as DC.Date.dateSubmitted, which the HTML reader reads as received too): the JATS has it
    in <history>. A date after the publication date is that of an import into OJS (a migrated
    archive, QuickSubmit): reported as data dropped, not written as received."""
    [first, *_] = list(read_source(EXPORT, None, ReadContext()))
    assert first.article is not None, first.problems
    assert str(first.article.history.received) == "2018-11-12"
    assert str(first.article.published.electronic) > "2018-11-12"
    shutil.copy(EXPORT.parent.parent / "journal.yaml", tmp_path / "journal.yaml")
    migrated = tmp_path / "issue.xml"
    migrated.write_text(
        EXPORT.read_text(encoding="utf-8").replace(
            'date_submitted="2018-11-12"', 'date_submitted="2023-06-01"'
        ),
        encoding="utf-8",
    )
    [first, *_] = list(read_source(migrated, None, ReadContext()))
    assert first.article is not None, first.problems
    assert first.article.history.received is None
    published = str(first.article.published.electronic)
    assert any(
        f"date_submitted 2023-06-01: not carried as the received date: it is after the "
        f"publication date {published}" in str(w)
        for w in first.warnings
    ), first.warnings


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            'date_submitted="2018-12-03"',
            'date_submitted="2018-13-03"',
            "date_submitted '2018-13-03': impossible date, no month 13",
        ),
        (
            'url_path="jsr-2019-1-26" seq="2" date_published="2019-03-29"',
            'url_path="jsr-2019-1-26" seq="2" date_published="2019-02-30"',
            "date_published '2019-02-30': impossible date, 2019-02 has 28 days",
        ),
        (
            ">10.5555/jsr.2019.1.26</id>",
            ">jsr.2019.1.26</id>",
            "<id type=\"doi\"> 'jsr.2019.1.26': not a DOI (expected 10.NNNN/suffix)",
        ),
    ],
)
def test_a_value_the_model_refuses_is_named_as_the_export_writes_it(
    run, tmp_path: Path, old: str, new: str, line: str
) -> None:
    """A refused value was named by the model's field ('history.received: …', 'doi: …'), which
    an OJS export holds nowhere; now by the export's attribute or element, its value beside it,
    and the issue's other articles are still converted."""
    shutil.copy(EXPORT.parent.parent / "journal.yaml", tmp_path / "journal.yaml")
    export = tmp_path / "issue.xml"
    text = EXPORT.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    export.write_text(text.replace(old, new), encoding="utf-8")
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 3
    problems = [
        x for x in result.err.splitlines() if x.startswith(f"{export}#2: ") and "warn" not in x
    ]
    assert problems == [f"{export}#2: {line}"]
    written = sorted(p.name for p in (tmp_path / "out").glob("*.xml"))
    assert written == ["issue-1.xml", "issue-3.xml"]


def test_a_copyright_year_that_is_no_year_is_reported(tmp_path: Path) -> None:
    """OJS takes any text as the copyright year; one that is not a number was dropped without
    a word. It is reported, and the holder is still carried."""
    shutil.copy(EXPORT.parent.parent / "journal.yaml", tmp_path / "journal.yaml")
    export = tmp_path / "issue.xml"
    text = EXPORT.read_text(encoding="utf-8")
    assert "<copyrightYear>2019</copyrightYear>" in text
    export.write_text(
        text.replace(
            "<copyrightYear>2019</copyrightYear>", "<copyrightYear>2019/20</copyrightYear>", 1
        ),
        encoding="utf-8",
    )
    [first, *_] = list(read_source(export, None, ReadContext()))
    assert first.article is not None, first.problems
    assert first.article.copyright.year is None
    assert first.article.copyright.holder
    assert any("copyrightYear '2019/20': not carried: not a year" in str(w) for w in first.warnings)


def test_ojs_citations_box_numbered_by_the_editor(tmp_path: Path, journal_file: Path) -> None:
    """A citations box pasted as a numbered list: the numbers become the references' labels,
    the texts start with the authors, and the labeller reads them (a "3)" before the authors
    had kept a reference as text)."""
    loaded = _ojs_30_with_citations(
        tmp_path,
        "1. Smith J, Brown K. A title of a paper. J Things. 2020;1:1-2.\n"
        "2. Jones L. Another paper. J Things. 2019;5:10-20.\n"
        "3) Smith J, Brown K. A third paper. J Things. 2021;2:3-4.",
    )
    article = loaded.article
    assert [r.label for r in article.references] == ["1.", "2.", "3)"]
    third = article.references[2].text["en"]
    assert third == "Smith J, Brown K. A third paper. J Things. 2021;2:3-4."
    assert parse_reference(third) is not None
    assert parse_reference("3) " + third) is None


def _ojs_30_with_citations(tmp_path: Path, citations: str) -> object:
    export = tmp_path / "articles.xml"
    export.write_text(
        OJS_30.replace(
            "<citations>First reference.\nSecond reference.</citations>",
            f"<citations>{citations}</citations>",
        ),
        encoding="utf-8",
    )
    [loaded] = list(read_source(export, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    return loaded


RUSSIAN_AND_REFERENCES = """Список литературы
1. Иванов И.И. История Японии. М.: Наука, 1988. 300 с.
2. Smith J. A History of Japan. London: Routledge, 2006.
3. Петров П.П. Очерки истории города // Вопросы истории. 2005. № 3. С. 10–20.
References
1. Ivanov I.I. Istoriya Yaponii [History of Japan]. Moscow, Nauka Publ., 1988. 300 p.
2. Smith J. A History of Japan. London: Routledge, 2006.
3. Petrov P.P. Ocherki istorii goroda [Essays on a city's history]. Voprosy istorii, 2005, \
no. 3, pp. 10–20."""


def test_ojs_citations_box_with_the_russian_list_and_its_references_list(
    tmp_path: Path, journal_file: Path
) -> None:
    """A Russian journal's citations box holds both lists under their headings: the headings
    are no references, and each reference gets its Russian and Latin-script forms (one
    reference, not two), its list number as label; said once as markup simplified."""
    loaded = _ojs_30_with_citations(tmp_path, RUSSIAN_AND_REFERENCES)
    refs = loaded.article.references
    assert [r.label for r in refs] == ["1.", "2.", "3."]
    assert refs[0].text == {
        "ru": "Иванов И.И. История Японии. М.: Наука, 1988. 300 с.",
        "en": "Ivanov I.I. Istoriya Yaponii [History of Japan]. Moscow, Nauka Publ., 1988. 300 p.",
    }
    assert refs[1].text == {"en": "Smith J. A History of Japan. London: Routledge, 2006."}
    assert refs[2].text["en"].startswith("Petrov P.P. Ocherki")
    (said,) = [w for w in loaded.warnings if "headings" in w]
    assert said.kind == SIMPLIFIED
    assert "'Список литературы', 'References' are no references" in said
    assert "forms of 3 references" in said


def test_ojs_citations_box_whose_two_lists_cannot_be_paired(
    tmp_path: Path, journal_file: Path
) -> None:
    """Lists of different lengths are not one list in two forms: every reference is kept, in
    order, the headings left out, and the warning says why."""
    shorter = RUSSIAN_AND_REFERENCES.rsplit("\n", 1)[0]
    loaded = _ojs_30_with_citations(tmp_path, shorter)
    assert len(loaded.article.references) == 5
    (said,) = [w for w in loaded.warnings if "headings" in w]
    assert "lists of 3 and 2 references: not one list in two forms" in said


def test_ojs_citations_box_with_two_lists_numbered_from_1_without_headings(
    tmp_path: Path, journal_file: Path
) -> None:
    """No headings, but the numbers start again at 1: the same two lists, paired; a box
    whose numbers run on (1–6) is six references."""
    paired = "\n".join(
        line for line in RUSSIAN_AND_REFERENCES.splitlines() if not line[0].isalpha()
    )
    loaded = _ojs_30_with_citations(tmp_path, paired)
    assert [r.label for r in loaded.article.references] == ["1.", "2.", "3."]
    assert set(loaded.article.references[0].text) == {"ru", "en"}
    assert any("two lists numbered from 1" in w for w in loaded.warnings)
    lines = paired.splitlines()
    running = "\n".join(f"{k}.{line[2:]}" for k, line in enumerate(lines, start=1))
    loaded = _ojs_30_with_citations(tmp_path, running)
    assert [r.label for r in loaded.article.references] == ["1.", "2.", "3.", "4.", "5.", "6."]


def test_ojs_citations_box_with_two_lists_of_different_works_is_not_paired(
    tmp_path: Path, journal_file: Path
) -> None:
    """Two lists of the same length, Russian then English, whose works differ (the English
    references do not open as the Russian ones transliterated) are kept one after the other."""
    box = (
        "Список литературы\n"
        "Иванов И.И. История Японии. М.: Наука, 1988. 300 с.\n"
        "Петров П.П. Очерки истории города // Вопросы истории. 2005. № 3. С. 10–20.\n"
        "References\n"
        "Smith J. A History of Japan. London: Routledge, 2006.\n"
        "Brown K. Essays on a city. J Things. 2005;3:10-20."
    )
    loaded = _ojs_30_with_citations(tmp_path, box)
    assert len(loaded.article.references) == 4
    (said,) = [w for w in loaded.warnings if "headings" in w]
    assert "lists of 2 and 2 references: not one list in two forms" in said


UKRAINIAN_LISTS = yaml.safe_load(
    (DATA / "ukrainian-reference-lists.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("locale", ["uk_UA", "en_US"])
def test_ojs_citations_box_with_a_ukrainian_list_and_its_references_list(
    tmp_path: Path, journal_file: Path, locale: str, run, store
) -> None:
    """A Ukrainian journal's citations box: its list (DSTU 8302) and its "References" list by
    the national system, each under its heading. Each reference gets both forms, its
    Ukrainian one under uk, in a Ukrainian article and an English one alike; the JATS written
    says so (xml:lang="uk"), valid against the DTD."""
    box = "\n".join(
        ["Список використаних джерел", *UKRAINIAN_LISTS["dstu"], "REFERENCES"]
        + UKRAINIAN_LISTS["kmu-2010"]
    )
    export = tmp_path / "articles.xml"
    export.write_text(
        OJS_30.replace('<article locale="en_US"', f'<article locale="{locale}"')
        .replace("<title ", '<title locale="uk_UA">Стаття</title><title ', 1)
        .replace(
            "<citations>First reference.\nSecond reference.</citations>",
            f"<citations>{escape(box, quote=False)}</citations>",
        ),
        encoding="utf-8",
    )
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert "forms of 6 references" in result.err
    out = tmp_path / "out" / "articles-1.xml"
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    tree = etree.parse(str(out))
    refs = tree.xpath("//ref")
    assert [r.findtext("label") for r in refs] == ["1.", "2.", "3.", "4.", "5.", "6."]
    forms = [
        {m.get(LANG): "".join(m.itertext()) for m in r.iter("mixed-citation")} for r in refs[:5]
    ]
    assert forms == [
        {"uk": one.split(" ", 1)[1], "en": other.split(" ", 1)[1]}
        for one, other in zip(
            UKRAINIAN_LISTS["dstu"][:5], UKRAINIAN_LISTS["kmu-2010"][:5], strict=True
        )
    ]


def test_ojs_ukrainian_citation_in_an_english_article_is_ukrainian(
    tmp_path: Path, journal_file: Path
) -> None:
    """A citation in Ukrainian letters is filed under uk, one in Russian under ru, in an
    English article: its Latin form and its xml:lang follow."""
    loaded = _ojs_30_with_citations(
        tmp_path, f"{UKRAINIAN_LISTS['dstu'][1]}\nИванов И. И. Первая книга. М., 2018. 200 с."
    )
    assert [r.text for r in loaded.article.references] == [
        {"uk": UKRAINIAN_LISTS["dstu"][1]},
        {"ru": "Иванов И. И. Первая книга. М., 2018. 200 с."},
    ]


def _articles_export(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    """OJS_33_ARTICLES with each (old, new) replaced once, written as articles.xml."""
    text = OJS_33_ARTICLES
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    export = tmp_path / "articles.xml"
    export.write_text(text, encoding="utf-8")
    return export


_TITLE_33 = '<title locale="en_US">An article exported without its issue</title>'


def test_a_less_than_sign_in_titles_abstracts_and_biographies_stays_text(
    run, tmp_path: Path, journal_file: Path, store
) -> None:
    """OJS 3.0–3.3 titles are plain text ('a<b' is exported escaped, as 'a&lt;b'), and a "<"
    that opens no HTML tag in an abstract is text too: "a<b and b>c" came out as
    "a<bold>c…" (the HTML parser took "<b and b>" for a bold tag) and "0<x<1" lost "x<1"."""
    export = _articles_export(
        tmp_path,
        (
            _TITLE_33,
            '<title locale="en_US">Inequalities a&lt;b and b&gt;c in ordered fields</title>\n'
            '      <subtitle locale="en_US">Solutions for 0&lt;x&lt;1</subtitle>\n'
            '      <abstract locale="en_US">We prove that a&lt;b implies f(a)&lt;f(b).\n\n'
            "The bound is sharp (p&lt;0.05).</abstract>\n"
            '      <abstract locale="ru_RU">&lt;p&gt;При 0&lt;x&lt;1 решение '
            "&lt;em&gt;устойчиво&lt;/em&gt; (p&lt;0,05), &lt;&lt;новая&gt;&gt; модель."
            "&lt;/p&gt;</abstract>",
        ),
        (
            "<email>mara@example.org</email>",
            "<email>mara@example.org</email>\n"
            '          <biography locale="en_US">&lt;p&gt;Studies x&lt;y.&lt;/p&gt;</biography>',
        ),
    )
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.title["en"] == "Inequalities a<b and b>c in ordered fields"
    assert article.subtitle["en"] == "Solutions for 0<x<1"
    assert article.abstract["en"] == [
        "We prove that a<b implies f(a)<f(b).",
        "The bound is sharp (p<0.05).",
    ]
    assert article.abstract["ru"] == [
        "При 0<x<1 решение <i>устойчиво</i> (p<0,05), <<новая>> модель."
    ]
    assert article.authors[0].bio == {"en": "Studies x<y."}
    assert [w for w in loaded.warnings if w.kind == SIMPLIFIED] == []  # no tag was seen
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    output = tmp_path / "out" / "articles-1.xml"
    assert xmllint(output, store.catalog).returncode == 0
    tree = etree.parse(str(output))
    assert tree.xpath("string(//article-title)") == "Inequalities a<b and b>c in ordered fields"
    assert tree.xpath("//abstract[@xml:lang='ru']//italic/text()") == ["устойчиво"]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("a<b and b>c", "a&lt;b and b>c"),
        ("<p>x</p><br/><br>", "<p>x</p><br/><br>"),
        ('<p class="MsoNormal">x<o:p></o:p></p>', '<p class="MsoNormal">x<o:p></o:p></p>'),
        ("<p class=MsoNormal>x</p><!-- c -->", "<p class=MsoNormal>x</p><!-- c -->"),
        ("0<x<1, p<0.05, <<new>>", "0&lt;x&lt;1, p&lt;0.05, &lt;&lt;new>>"),
        ("<i>E. coli</i> < 5", "<i>E. coli</i> &lt; 5"),
    ],
)
def test_only_a_less_than_sign_that_opens_an_html_tag_is_markup(markup: str, expected: str) -> None:
    from converter.readers.ojs import _literal_angles

    assert _literal_angles(markup) == expected


@pytest.mark.parametrize(
    ("group", "role"),
    [
        ("Переводчик", "translator"),  # ru: the journal's primary locale names the group
        ("Перекладач", "translator"),  # uk
        ("Traductor/a", "translator"),  # es, as OJS 3.4 names it
        ("Traductor", "translator"),
        ("Übersetzer/in", "translator"),  # de
        ("Traducteur", "translator"),  # fr
        ("Tradutor", "translator"),  # pt
        ("Редактор", "editor"),
        ("Рецензент", "reviewer"),
        ("Автор", "author"),
        ("translator", "translator"),
        # a manager who submits is a contributor under the manager's group (OJS's own test
        # exports, 3.0-3.3): OJS lists them among the authors; this was said as data dropped
        ("Journal manager", "author"),
        ("Управляющий журналом", "author"),  # ru
        ("Gestor/a de la revista", "author"),  # es
        ("журналдын менеджери", "author"),  # ky, OJS 3.4 (written small)
        ("Tərcüməçi.", "translator"),  # az, with the full stop its locale file has
    ],
)
def test_a_contributor_group_named_in_the_journals_language_gives_its_role(
    tmp_path: Path, journal_file: Path, group: str, role: str
) -> None:
    """OJS names an author's group in the journal's primary locale: a Russian journal's
    translator (user_group_ref="Переводчик") became an author."""
    export = _articles_export(tmp_path, ('user_group_ref="Author"', f'user_group_ref="{group}"'))
    [loaded] = list(read_source(export, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.authors[0].role == role
    assert not [w for w in loaded.warnings if "user_group_ref" in w]


def test_a_contributor_group_the_reader_does_not_know_is_said(
    tmp_path: Path, journal_file: Path
) -> None:
    export = _articles_export(tmp_path, ('user_group_ref="Author"', 'user_group_ref="Гость"'))
    [loaded] = list(read_source(export, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.authors[0].role == "author"
    (said,) = [w for w in loaded.warnings if "user_group_ref" in w]
    assert said == (
        "author 1 (Mara Lind): user_group_ref 'Гость' is none of OJS's author, translator, "
        "editor or reviewer groups: taken as an author"
    )
    assert said.kind == DROPPED


@pytest.mark.parametrize(
    ("pages", "expected", "said"),
    [
        ("12-20, 25-30", ("12", "30", "12-20, 25-30"), None),
        ("pp. 12-20, 25, 30-31.", ("12", "31", "12-20, 25, 30-31"), None),
        ("i-iv, 1-12", ("i", "12", "i-iv, 1-12"), None),
        (
            "12-20 (PDF)",
            ("12", "20", None),
            "'(PDF)' is no page or page range: not carried (the pages are 12-20)",
        ),
        (
            "12-20-30",
            ("12", "20", None),
            "'-30' is no page or page range: not carried (the pages are 12-20)",
        ),
        ("see the PDF", (None, None, None), "not a page or page range: not carried"),
        ("12–", ("12", None, None), None),  # a dash with nothing after it holds nothing
        ("15–20 с.", ("15", "20", None), None),  # the word for pages, no text not carried
        ("15-20 pp.", ("15", "20", None), None),
    ],
)
def test_pages_that_are_not_one_range_are_the_page_range(
    tmp_path: Path, journal_file: Path, pages: str, expected: tuple, said: str | None
) -> None:
    """The pages "12-20, 25-30" gave lpage "20, 25-30" and "12-20 (PDF)" lpage "20 (PDF)"
    (into JATS and Crossref as the last page); then the first range was kept and the rest
    said. Pages that are not one range are now the article's page range, from its first page
    to its last (JATS page-range; Crossref's first range and other_pages); other text after
    the first range is still said."""
    export = _articles_export(tmp_path, ("<pages>101-118</pages>", f"<pages>{pages}</pages>"))
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert (article.fpage, article.lpage, article.page_range) == expected
    found = [w for w in loaded.warnings if "<pages>" in w]
    if said is None:
        assert found == []
    else:
        assert found == [f"<pages> {pages!r}: {said}"]
        assert found[0].kind == DROPPED


def test_an_issue_title_and_a_page_range_reach_jats_and_crossref(
    run, tmp_path: Path, store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A themed issue's titles and an article on pages "7-12, 20-25", end to end: JATS with
    the issue-title-group (the article's Russian first), fpage 7, lpage 25 (the page it ends
    on, as the JATS Tag Library has it) and the page-range; Crossref with the issue's title in
    journal_issue and first_page 7, last_page 12, other_pages 20-25 (Crossref's own rule).
    xmllint checks each file: the JATS against the DTD, the deposit against Crossref's XSD."""
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    shutil.copy(SAMPLES / "ojs" / "journal.yaml", tmp_path / "journal.yaml")
    text = EXPORT.read_text(encoding="utf-8")
    for old, new in [
        (
            "<year>2019</year>",
            '<year>2019</year>\n    <title locale="ru_RU">Арктика</title>\n'
            '    <title locale="en_US">The Arctic</title>',
        ),
        ("<pages>7-25</pages>", "<pages>7-12, 20-25</pages>"),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    export = tmp_path / "issue.xml"
    export.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    for target in ("jats", "crossref"):
        result = run("convert", export, "--to", target, "-o", out)
        assert result.code == 0, result.err
    jats = out / "issue-1.xml"
    assert xmllint(jats, store.catalog).returncode == 0
    assert (
        "      <issue-title-group>\n"
        "        <issue-title>Арктика</issue-title>\n"
        '        <trans-title-group xml:lang="en">\n'
        "          <trans-title>The Arctic</trans-title>\n"
        "        </trans-title-group>\n"
        "      </issue-title-group>\n"
        "      <fpage>7</fpage>\n      <lpage>25</lpage>\n"
        "      <page-range>7-12, 20-25</page-range>\n"
    ) in jats.read_text(encoding="utf-8")
    deposit = out / "issue-1.crossref.xml"
    assert xmllint_crossref(deposit).returncode == 0
    root = etree.parse(str(deposit)).getroot()
    ns = {"c": "http://www.crossref.org/schema/5.3.1"}
    assert root.xpath("//c:journal_issue/c:titles/c:title/text()", namespaces=ns) == ["Арктика"]
    pages = root.xpath("//c:journal_article/c:pages/*", namespaces=ns)
    assert [(etree.QName(p).localname, p.text) for p in pages] == [
        ("first_page", "7"),
        ("last_page", "12"),
        ("other_pages", "20-25"),
    ]
    assert (
        f"{deposit}: warning: issue_title: Crossref's journal_issue takes one title: the ru one "
        in (result.err)
    )


def test_pages_that_run_backwards_are_refused_naming_the_pages_field(
    run, tmp_path: Path, journal_file: Path
) -> None:
    export = _articles_export(tmp_path, ("<pages>101-118</pages>", "<pages>20-12</pages>"))
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip().splitlines()[-1] == (
        f"{export}#1: <pages> '20-12': the last page comes before the first"
    )


def test_a_subtitle_or_prefix_in_a_language_with_no_title_is_said_and_left_out(
    run, tmp_path: Path, journal_file: Path, store
) -> None:
    """A German subtitle beside no German title made the JATS invalid (exit 1, the error
    naming an output that was not written); a German prefix was dropped in silence."""
    export = _articles_export(
        tmp_path,
        (
            _TITLE_33,
            _TITLE_33 + '\n      <prefix locale="de_DE">Die</prefix>\n'
            '      <subtitle locale="de_DE">Eine Studie</subtitle>\n'
            '      <subtitle locale="en_US">A study</subtitle>',
        ),
    )
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert f"{export}#1: warning (data dropped): <prefix locale='de_DE'> 'Die': not carried: " in (
        result.err
    )
    [loaded] = list(read_source(export, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.subtitle == {"en": "A study"}
    assert [w for w in loaded.warnings if "locale='de_DE'" in w] == [
        "<prefix locale='de_DE'> 'Die': not carried: the article has no title in de",
        "<subtitle locale='de_DE'> 'Eine Studie': not carried: the article has no title in de",
    ]
    output = tmp_path / "out" / "articles-1.xml"
    assert xmllint(output, store.catalog).returncode == 0


def test_the_issue_title_and_doi_are_read_and_a_galley_doi_is_said(tmp_path: Path) -> None:
    """A special issue's title, the issue's DOI and a galley's DOI were dropped in silence,
    then said; the issue's title is now the article's ``issue_title``, in each locale, the
    issue's DOI its ``issue_doi``, and the galley's DOI, which the model has no place for, is
    said."""
    shutil.copy(SAMPLES / "ojs" / "journal.yaml", tmp_path / "journal.yaml")
    text = EXPORT.read_text(encoding="utf-8")
    for old, new in [
        (
            '<id type="internal" advice="ignore">14</id>',
            '<id type="internal" advice="ignore">14</id>\n'
            '  <id type="doi" advice="update">10.5555/jsr.2019.1</id>',
        ),
        (
            "<year>2019</year>",
            '<year>2019</year>\n    <title locale="en_US">Arctic studies</title>\n'
            '    <title locale="ru_RU">Арктические исследования</title>',
        ),
        (
            '<id type="internal" advice="ignore">91</id>',
            '<id type="internal" advice="ignore">91</id>\n'
            '          <id type="doi">10.5555/jsr.2019.1.7.g1</id>',
        ),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    export = tmp_path / "issue.xml"
    export.write_text(text, encoding="utf-8")
    first = next(iter(read_source(export, None, ReadContext())))
    assert first.article is not None, first.problems
    assert first.article.issue_title == {"en": "Arctic studies", "ru": "Арктические исследования"}
    dropped = [w for w in first.warnings if w.kind == DROPPED]
    assert dropped == [
        "<article_galley> 'PDF' <id type='doi'> '10.5555/jsr.2019.1.7.g1': "
        "not carried (the article model has no place for it)",
    ]
    # the issue's own DOI is the article's issue_doi (tests/test_ojs_issue_facts.py)
    assert first.article.issue_doi == "10.5555/jsr.2019.1"
    assert not [w for w in first.warnings if "10.5555/jsr.2019.1'" in w]


def test_an_article_exported_without_its_issue_says_its_section_is_not_there(
    run, tmp_path: Path, journal_file: Path
) -> None:
    """An <articles> export names the section (section_ref="ART", an abbreviation) but holds
    no <sections>: the section was lost in silence."""
    export = _articles_export(tmp_path)
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (
        f"{export}#1: warning (data dropped): section_ref 'ART': no section: an export of "
        "articles without their issue holds the section's abbreviation, not its title"
    ) in result.err.splitlines()


def test_a_users_export_is_named_as_such(run, tmp_path: Path) -> None:
    """OJS's users export is in the PKP namespace too: it was "root <pkpusers> not in the PKP
    namespace" (false, and not the name the file has) with --from ojs, unknown XML without."""
    users = tmp_path / "users.xml"
    users.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<PKPUsers xmlns="http://pkp.sfu.ca">'
        "<users><user><username>a</username></user></users></PKPUsers>\n",
        encoding="utf-8",
    )
    expected = (
        f"{users}: an OJS users export (<PKPUsers>), not articles: export the issue or its "
        "articles with OJS's Native XML plugin (Tools › Import/Export)"
    )
    for options in ([], ["--from", "ojs"]):
        result = run("convert", users, *options, "-o", tmp_path / "out")
        assert (result.code, result.err.strip()) == (3, expected)
    result = run("init", "--from-ojs", users, "-o", tmp_path / "journal.yaml")
    assert (result.code, result.err.strip()) == (3, expected)  # it wrote an empty journal


def test_an_export_whose_elements_have_a_prefix_is_told_without_from(
    tmp_path: Path, journal_file: Path
) -> None:
    """<pkp:issue xmlns:pkp="http://pkp.sfu.ca">, as tools that rewrite XML write it, is the
    same export: it was "not a format jatsconv reads" unless named with --from ojs."""
    from converter.readers import detect_format

    prefixed = re.sub(r"<(/?)(?=[A-Za-z])", r"<\1pkp:", OJS_33_ARTICLES.split("\n", 1)[1])
    prefixed = prefixed.replace('xmlns="http://pkp.sfu.ca"', 'xmlns:pkp="http://pkp.sfu.ca"')
    export = tmp_path / "articles.xml"
    export.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + prefixed, encoding="utf-8")
    assert detect_format(export) == "ojs"
    [loaded] = list(read_source(export, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.title == {"en": "An article exported without its issue"}
    jats = tmp_path / "other.xml"
    jats.write_text(  # the PKP address elsewhere than on the root: not claimed
        '<other xmlns:x="http://pkp.sfu.ca"><x:y/></other>\n', encoding="utf-8"
    )
    assert detect_format(jats) != "ojs"


def test_a_title_whose_locale_names_no_language_is_said_and_the_others_kept(
    tmp_path: Path, journal_file: Path
) -> None:
    """A title in locale xx_XX was taken as the article's language: written before the real
    English title, it replaced it, and the English title was lost in silence."""
    export = _articles_export(
        tmp_path,
        (_TITLE_33, '<title locale="xx_XX">Foreign title</title>\n      ' + _TITLE_33),
        (
            '<givenname locale="en_US">Mara</givenname>',
            '<givenname locale="en_US">Mara</givenname>\n'
            '          <givenname locale="xx_XX">Marah</givenname>',
        ),
    )
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.title == {"en": "An article exported without its issue"}
    assert article.authors[0].name["en"].given == "Mara"
    said = [w for w in loaded.warnings if "xx_XX" in w]
    assert said == [
        "<title locale='xx_XX'> 'Foreign title': not carried: its locale names no language",
        "<author/givenname locale='xx_XX'> 'Marah': not carried: its locale names no language",
    ]
    assert {w.kind for w in said} == {DROPPED}


@pytest.mark.parametrize(
    "title",
    [
        "Signalling Theory Dividends",  # OJS up to 3.3: the title without its prefix
        "The Signalling Theory Dividends",  # 3.4 and later: the prefix already in front
    ],
)
def test_a_title_prefix_is_written_once_whichever_ojs_exported_it(
    run, tmp_path: Path, journal_file: Path, title: str
) -> None:
    """OJS 3.4+ exports a title with its prefix in front and the prefix again on its own
    (PKP's 3.4 sample export: "The Signalling Theory Dividends" and prefix "The"): the JATS
    title read "The The Signalling Theory Dividends"."""
    export = _articles_export(
        tmp_path,
        (
            _TITLE_33,
            f'<title locale="en_US">{title}</title>\n      <prefix locale="en_US">The</prefix>',
        ),
    )
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    jats = etree.parse(str(tmp_path / "out" / "articles-1.xml"))
    assert jats.findtext(".//article-title") == "The Signalling Theory Dividends"


def test_an_article_without_a_date_of_its_own_is_dated_by_its_issue(
    run, tmp_path: Path, journal_file: Path, store
) -> None:
    """An article of an issue export with no date_published of its own had no publication
    date in the JATS, and the issue's <date_published> was dropped in silence; OJS's own
    DOAJ export dates such an article by its issue."""
    body = OJS_33_ARTICLES.split("\n", 1)[1].replace(' date_published="2021-09-30"', "")
    body = body.replace("<articles ", '<issue published="1" current="1" ', 1)
    body = body.replace(
        "<article ", "<date_published>2021-10-02</date_published>\n<articles>\n<article ", 1
    )
    body = body.replace("</articles>", "</articles>\n</issue>")
    export = tmp_path / "issue.xml"
    export.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + body, encoding="utf-8")
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    output = tmp_path / "out" / "issue-1.xml"
    jats = etree.parse(str(output))
    assert jats.xpath("string(//pub-date[@date-type='pub']/@iso-8601-date)") == "2021-10-02"
    assert xmllint(output, store.catalog).returncode == 0


def test_an_author_with_a_given_name_alone_passes_the_crossref_check(
    run, tmp_path: Path, journal_file: Path
) -> None:
    """OJS asks only for a given name; such an author failed ``--profile crossref`` ("Crossref
    requires a surname") while ``--to crossref`` deposits the name as the surname."""
    export = _articles_export(
        tmp_path, ('          <familyname locale="en_US">Lind</familyname>\n', "")
    )
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    output = tmp_path / "out" / "articles-1.xml"
    assert 'name-style="given-only"' in output.read_text(encoding="utf-8")
    checked = run("check", "--profile", "crossref", output)
    assert "crossref-required" in checked.out  # the export has no DOI
    assert "surname" not in checked.out


def test_html_written_as_elements_is_read_not_dropped(tmp_path: Path) -> None:
    """OJS writes an abstract's HTML escaped; a hand-made or scripted export may write it as
    elements (``<abstract><p>…</p></abstract>``): the abstract was left out without a word."""
    text = EXPORT.read_text(encoding="utf-8")
    text = re.sub(
        r'<abstract locale="en_US">&lt;p&gt;The article examines[^<]*</abstract>',
        '<abstract locale="en_US"><p>It weighs <em>three</em> views.</p><p>Second.</p></abstract>',
        text,
        count=1,
    )
    export = tmp_path / "issue.xml"
    export.write_text(text, encoding="utf-8")
    shutil.copy(SAMPLES / "ojs" / "journal.yaml", tmp_path / "journal.yaml")
    first = next(iter(read_source(export, None, ReadContext()))).article
    assert first is not None
    assert first.abstract["en"] == ["It weighs <i>three</i> views.", "Second."]


def test_ojs_ror_whose_check_digits_fail_is_said_and_the_article_kept(
    tmp_path: Path, journal_file: Path
) -> None:
    """OJS checks no ROR id typed by hand: a wrong one is said, its institution kept (since ROR
    check digits are checked it refused the whole article)."""
    export = tmp_path / "articles.xml"
    export.write_text(OJS_35.replace("05qrfxd25", "05qrfxd26"), encoding="utf-8")
    [loaded] = list(read_source(export, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert [a.ror for a in article.affiliations] == [None, None]
    assert any("<ror>: ROR id checksum fails" in str(w) for w in loaded.warnings)
