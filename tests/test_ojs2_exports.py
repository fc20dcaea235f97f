"""OJS 2.x's "Articles & Issues XML" export (native.dtd, no namespace): read as the OJS 3.0 export
it corresponds to — articles nested in sections, the issue's numbering on the issue, keywords as
one ';'-separated text, the licence under <permissions>, the public id as an attribute.

The fixtures are the project's own, written to the structure of OJS 2.4.8's native.dtd and of
the exports OJS 2.2–2.4 wrote (pkp/ojs's own samples and test issues).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from lxml import etree

from conftest import xmllint
from converter.readers import ReadContext, read_source

LANG = "{http://www.w3.org/XML/1998/namespace}lang"

JOURNAL = """\
title: {ru: Вестник примеров, en: Bulletin of Examples}
issn: {electronic: 2049-3630}
url: https://journal.example.org/index.php/vp
"""

# An issue as OJS 2.4.8 exports it: DOCTYPE, issue attributes, two sections, a Russian article
# with English metadata and an English one; the galley embedded (its base64 cut short).
ISSUE = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE issues PUBLIC "-//PKP//OJS Articles and Issues XML//EN"
  "http://pkp.sfu.ca/ojs/dtds/2.4.8/native.dtd">
<issues>
  <issue published="true" identification="num_vol_year" current="false" public_id="vp-2014-2">
    <id type="doi">10.5555/vp.2014.2</id>
    <title locale="ru_RU">Экономика региона</title>
    <title locale="en_US">Economy of the region</title>
    <volume>7</volume>
    <number>2</number>
    <year>2014</year>
    <date_published>2014-06-30</date_published>
    <open_access/>
    <section>
      <title locale="ru_RU">Статьи</title>
      <title locale="en_US">Articles</title>
      <abbrev locale="ru_RU">СТ</abbrev>
      <abbrev locale="en_US">ART</abbrev>
      <article locale="ru_RU" language="ru" public_id="vp-7-2-orlova">
        <id type="doi">10.5555/vp.2014.2.12</id>
        <title locale="ru_RU">Рынок труда малого города</title>
        <title locale="en_US">The labour market of a small town</title>
        <abstract locale="ru_RU">&lt;p&gt;Сравнены &lt;em&gt;три&lt;/em&gt;.&lt;/p&gt;</abstract>
        <abstract locale="en_US">&lt;p&gt;Three models are compared.&lt;/p&gt;</abstract>
        <indexing>
          <discipline locale="en_US">Economics</discipline>
          <subject locale="ru_RU">рынок труда; занятость; малый город</subject>
          <subject locale="en_US">labour market; employment; small town</subject>
          <coverage>
            <geographical locale="en_US">Russia</geographical>
          </coverage>
        </indexing>
        <sponsor locale="ru_RU">Российский фонд примеров</sponsor>
        <sponsor locale="en_US">Russian Foundation of Examples</sponsor>
        <author primary_contact="false">
          <firstname>Анна</firstname>
          <middlename>Сергеевна</middlename>
          <lastname>Орлова</lastname>
          <affiliation locale="ru_RU">Институт примеров</affiliation>
          <affiliation locale="en_US">Institute of Examples</affiliation>
          <country>RU</country>
          <email>orlova@example.org</email>
          <competing_interests locale="ru_RU">Нет</competing_interests>
        </author>
        <author primary_contact="true">
          <firstname>Pavel</firstname>
          <lastname>Sokolov</lastname>
          <email>sokolov@example.org</email>
        </author>
        <pages>С. 12-20</pages>
        <date_published>2014-06-30</date_published>
        <permissions>
          <license_url>http://creativecommons.org/licenses/by/4.0</license_url>
          <copyright_holder locale="ru_RU">Авторы</copyright_holder>
          <copyright_holder locale="en_US">The Authors</copyright_holder>
          <copyright_year>2014</copyright_year>
        </permissions>
        <galley locale="ru_RU">
          <label>PDF</label>
          <file>
            <embed filename="o.pdf" encoding="base64" mime_type="application/pdf">JVBERi0x</embed>
          </file>
        </galley>
      </article>
    </section>
    <section>
      <title locale="en_US">Reviews</title>
      <abbrev locale="en_US">REV</abbrev>
      <article locale="en_US" language="en">
        <title locale="en_US">A review of three textbooks</title>
        <author primary_contact="true">
          <firstname>Mary</firstname>
          <lastname>Green</lastname>
          <email>green@example.org</email>
        </author>
        <pages>21-24</pages>
        <date_published>2014-06-30</date_published>
      </article>
    </section>
  </issue>
</issues>
"""


@pytest.fixture
def export(tmp_path: Path) -> Path:
    (tmp_path / "journal.yaml").write_text(JOURNAL, encoding="utf-8")
    path = tmp_path / "issue.xml"
    path.write_text(ISSUE, encoding="utf-8")
    return path


def test_an_ojs_2_issue_converts_to_valid_jats_one_file_per_article(
    run, tmp_path: Path, export: Path, store
) -> None:
    result = run("convert", export, "-o", tmp_path / "out")  # detected from the content
    assert result.code == 0, result.err
    outputs = sorted((tmp_path / "out").glob("issue-*.xml"))
    assert [p.name for p in outputs] == ["issue-1.xml", "issue-2.xml"]
    for path in outputs:
        check = xmllint(path, store.catalog)
        assert check.returncode == 0, check.stderr
    tree = etree.parse(str(outputs[0]))
    assert tree.getroot().get(LANG) == "ru"
    meta = tree.find(".//article-meta")
    assert meta.xpath("article-id[@pub-id-type='doi']/text()") == ["10.5555/vp.2014.2.12"]
    assert meta.xpath("article-id[@pub-id-type='publisher-id']/text()") == ["vp-7-2-orlova"]
    assert meta.xpath("title-group/article-title/text()") == ["Рынок труда малого города"]
    assert meta.xpath("title-group/trans-title-group/trans-title/text()") == [
        "The labour market of a small town"
    ]
    assert meta.xpath(".//subj-group[@subj-group-type='heading']/subject/text()") == [
        "Статьи",
        "Articles",
    ]
    assert meta.xpath("volume/text()") == ["7"] and meta.xpath("issue/text()") == ["2"]
    assert meta.xpath("issue-id[@pub-id-type='doi']/text()") == ["10.5555/vp.2014.2"]
    assert meta.xpath(".//issue-title/text()")[0] == "Экономика региона"
    assert meta.xpath("issue-id[@pub-id-type='publisher-id']/text()") == ["vp-2014-2"]
    assert (meta.findtext("fpage"), meta.findtext("lpage")) == ("12", "20")
    assert meta.xpath("pub-date[@date-type='pub']/@iso-8601-date") == ["2014-06-30"]
    # the middle name joins the given name; the Russian name is written surname first
    orlova = meta.xpath(".//contrib[1]//name[@xml:lang='ru' or not(@xml:lang)]")[0]
    assert (orlova.findtext("surname"), orlova.findtext("given-names")) == (
        "Орлова",
        "Анна Сергеевна",
    )
    assert meta.xpath(".//contrib[@corresp='yes']//surname/text()") == ["Sokolov"]
    assert "Institute of Examples" in "".join(meta.xpath(".//aff//text()"))
    assert sorted(_langs(meta, "kwd-group")) == ["en", "ru"]
    assert meta.xpath("kwd-group[@xml:lang='ru']/kwd/text()") == [
        "рынок труда",
        "занятость",
        "малый город",
    ]
    assert meta.xpath(".//license/@xlink:href", namespaces={"xlink": XLINK}) == [
        "http://creativecommons.org/licenses/by/4.0"
    ]
    assert meta.xpath("permissions/copyright-year/text()") == ["2014"]
    assert "Russian Foundation of Examples" in "".join(meta.xpath(".//funding-group//text()"))
    assert meta.xpath(
        "self-uri[@content-type='landing-page']/@xlink:href", namespaces={"xlink": XLINK}
    ) == ["https://journal.example.org/index.php/vp/article/view/vp-7-2-orlova"]
    second = etree.parse(str(outputs[1])).find(".//article-meta")
    assert second.xpath(".//subj-group/subject/text()") == ["Reviews"]
    assert (second.findtext("fpage"), second.findtext("lpage")) == ("21", "24")


XLINK = "http://www.w3.org/1999/xlink"


def _langs(element: etree._Element, xpath: str) -> list[str]:
    return [node.get(LANG) for node in element.xpath(xpath)]


def test_what_an_ojs_2_export_holds_and_jats_cannot_is_said(export: Path) -> None:
    loaded = list(read_source(export, None, ReadContext()))
    assert all(item.article is not None for item in loaded), [i.problems for i in loaded]
    said = "\n".join(str(w) for w in loaded[0].warnings)
    assert "<coverage>: not carried" in said
    # the one author who states competing interests is named, with the statement
    assert (
        "<author/competing_interests> of author 1 (Анна Сергеевна Орлова), 'Нет' (not every "
        "author states one): not carried"
    ) in said
    # the galley is embedded, with no id: its address cannot be built, which is said
    assert (
        "<article_galley> 'PDF': no URL: the export gives no submission and galley id to build "
        "it from (OJS 2 exports and early OJS 3 ones give none)"
    ) in said
    assert not any("open_access" in str(w) for w in loaded[0].warnings)


@pytest.mark.parametrize(
    "variant",
    [
        "doctype",  # as OJS 2.4 writes it
        "system",  # a hand-made file beside its DTD: <!DOCTYPE issues SYSTEM "native.dtd">
        "bare",  # no DOCTYPE (OJS 2's own test files): told by published="true" and sections
        "one issue",  # an <issue> root, as OJS 2 exports one issue
    ],
)
def test_every_form_of_an_ojs_2_issue_export_is_read(
    run, tmp_path: Path, export: Path, variant: str
) -> None:
    text = ISSUE
    if variant == "system":
        text = re.sub(r"<!DOCTYPE[^>]*>", '<!DOCTYPE issues SYSTEM "native.dtd">', text)
    elif variant == "bare":
        text = re.sub(r"<!DOCTYPE[^>]*>\n", "", text)
    elif variant == "one issue":
        text = re.sub(r"<!DOCTYPE issues", "<!DOCTYPE issue", text)
        text = text.replace("<issues>\n", "").replace("</issues>\n", "")
    export.write_text(text, encoding="utf-8")
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert len(list((tmp_path / "out").glob("issue-*.xml"))) == 2


def test_an_ojs_2_articles_export_reads_its_articles_without_an_issue(
    tmp_path: Path, export: Path
) -> None:
    article = re.search(r"<article locale=\"en_US\".*?</article>", ISSUE, re.S)
    assert article is not None
    export.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE articles PUBLIC "-//PKP//OJS Articles and Issues XML//EN"\n'
        '  "http://pkp.sfu.ca/ojs/dtds/2.4.8/native.dtd">\n'
        f"<articles>\n{article.group()}\n</articles>\n",
        encoding="utf-8",
    )
    [loaded] = list(read_source(export, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.authors[0].name["en"].surname == "Green"
    assert str(loaded.article.published.electronic) == "2014-06-30"


def test_an_unpublished_ojs_2_issue_is_marked_as_3_x_ones_are(tmp_path: Path, export: Path) -> None:
    export.write_text(ISSUE.replace('published="true"', 'published="false"'), encoding="utf-8")
    loaded = list(read_source(export, None, ReadContext()))
    assert any(
        'not yet published: its issue is not published (published="false")' in str(w)
        for w in loaded[0].warnings
    )


def test_batch_from_ojs_reads_an_ojs_2_export(run, tmp_path: Path, export: Path, store) -> None:
    result = run("batch", export, "--from", "ojs", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    written = sorted((tmp_path / "out").glob("*.xml"))
    assert len(written) == 2
    for path in written:
        assert xmllint(path, store.catalog).returncode == 0


def test_init_from_an_ojs_2_export_finds_its_language(run, tmp_path: Path, export: Path) -> None:
    result = run("init", "-o", "-", "--from-ojs", export)
    assert result.code == 0, result.err
    draft = yaml.safe_load(result.out)
    assert draft["language"] in ("ru", "en")
    assert set(draft["doaj"]["languages"]) == {"ru", "en"}


def test_an_ojs_2_article_without_locale_is_in_its_first_title_s_language(
    tmp_path: Path, export: Path
) -> None:
    """OJS 2.2 wrote no locale or language on an article: a Russian article was read as English,
    its Russian title a translation of no English one."""
    export.write_text(
        ISSUE.replace('<article locale="ru_RU" language="ru" ', "<article "), encoding="utf-8"
    )
    first, _ = (item.article for item in read_source(export, None, ReadContext()))
    assert first is not None
    assert first.language == "ru"
    assert first.title["ru"] == "Рынок труда малого города"


def test_an_article_whose_locale_names_no_language_is_in_its_first_title_s_and_says_so(
    run, tmp_path: Path, export: Path, store
) -> None:
    """An article locale that names no language ('xx_XX', an export edited by hand) made the
    Russian article English without a word, its Russian title a translation of no English one."""
    export.write_text(
        ISSUE.replace('<article locale="ru_RU" language="ru" ', '<article locale="xx_XX" '),
        encoding="utf-8",
    )
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (
        f"{export}#1: warning (data dropped): <article locale='xx_XX'>: names no language: "
        "the article is read as in its first title's language (ru)"
    ) in result.err
    written = tmp_path / "out" / "issue-1.xml"
    assert etree.parse(str(written)).getroot().get(LANG) == "ru"
    assert xmllint(written, store.catalog).returncode == 0


def test_two_sections_with_one_abbreviation_keep_their_own_titles(export: Path) -> None:
    """Each article is in the section it sits in, even when two sections of the issue share an
    abbreviation: the second one's articles were put in the first."""
    same = ISSUE.replace(
        '<abbrev locale="en_US">REV</abbrev>', '<abbrev locale="ru_RU">СТ</abbrev>'
    )
    export.write_text(same, encoding="utf-8")
    first, second = (item.article for item in read_source(export, None, ReadContext()))
    assert first is not None and second is not None
    assert first.section["en"] == "Articles"
    assert second.section["en"] == "Reviews"


# An OJS 2 issue as a journal's own script writes it: no DOCTYPE, no published attribute, the
# abstract's HTML as elements, the keywords typed after a colon (the project's own article).
SCRIPTED = """\
<?xml version="1.0" encoding="UTF-8"?>
<issue xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <volume>10</volume>
  <number>2</number>
  <year>2024</year>
  <date_published>2024-06-01</date_published>
  <section>
    <title locale="en_US">Studies</title>
    <abbrev locale="en_US">ST</abbrev>
    <article language="en">
      <title locale="en_US">Rivers of the plain</title>
      <abstract locale="en_US"><p>Two <i>rivers</i>, compared.</p><p>Second.</p></abstract>
      <indexing><subject locale="en_US">: rivers; plains</subject></indexing>
      <author primary_contact="true">
        <firstname>John</firstname>
        <lastname>Smith</lastname>
        <email>smith@example.org</email>
      </author>
      <pages>12-34</pages>
    </article>
  </section>
</issue>
"""


def test_a_scripted_ojs_2_issue_is_told_and_read_whole(run, tmp_path: Path, export: Path) -> None:
    """It was 'not a format jatsconv reads' (nothing in its head told OJS 2); read with
    --from ojs, its abstract lost the full stop after </i>, and its first keyword was ': rivers'."""
    export.write_text(SCRIPTED, encoding="utf-8")
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    [article] = [item.article for item in read_source(export, None, ReadContext())]
    assert article is not None
    assert article.abstract["en"] == ["Two <i>rivers</i>, compared.", "Second."]
    assert article.keywords["en"] == ["rivers", "plains"]
    assert article.section["en"] == "Studies"


def test_an_element_of_another_namespace_in_an_ojs_2_abstract_is_no_traceback(
    run, tmp_path: Path, export: Path
) -> None:
    """A MathML formula written as elements in a script-written abstract stopped the reader with
    lxml's 'Invalid tag name' (a traceback): the article converts, its text kept."""
    formula = '<m:math xmlns:m="http://www.w3.org/1998/Math/MathML"><m:mi>x</m:mi></m:math>'
    export.write_text(
        SCRIPTED.replace("<p>Second.</p>", f"<p>Second {formula}.</p>"), encoding="utf-8"
    )
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    [article] = [item.article for item in read_source(export, None, ReadContext())]
    assert article is not None
    assert article.abstract["en"][0] == "Two <i>rivers</i>, compared."
    assert article.abstract["en"][1].startswith("Second")


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            "<date_published>2014-06-30</date_published>\n        <permissions>",
            "<date_published>2014-13-30</date_published>\n        <permissions>",
            "<date_published> '2014-13-30': impossible date, no month 13",
        ),
        (
            "<license_url>http://creativecommons.org/licenses/by/4.0</license_url>",
            "<license_url>CC BY</license_url>",
            "<permissions/license_url> 'CC BY': unknown licence (use an SPDX id such as "
            "'CC-BY-4.0' or a URL)",
        ),
    ],
)
def test_a_value_the_model_refuses_is_named_as_the_export_writes_it(
    run, tmp_path: Path, export: Path, old: str, new: str, line: str
) -> None:
    """'published.electronic: …' or 'license: …' named the model's fields, which an OJS 2
    export holds nowhere; now its own elements, and the issue's other article is converted."""
    text = export.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    export.write_text(text.replace(old, new), encoding="utf-8")
    result = run("convert", export, "-o", tmp_path / "out")
    assert result.code == 3
    assert f"{export}#1: {line}\n" in result.err
    assert "published.electronic" not in result.err and "license:" not in result.err
    assert [p.name for p in (tmp_path / "out").glob("*.xml")] == ["issue-2.xml"]
