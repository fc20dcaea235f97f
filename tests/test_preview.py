"""``jatsconv preview`` and ``convert --preview``: what a reader of the page would see.

Pages are parsed with lxml's HTML parser and read the way a person reads them: the text of the
titles, the names, the links; the browser tests (tests/test_browser.py) render them for real.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from conftest import BILINGUAL, SAMPLES, SEED
from converter.preview import preview_jats

BILINGUAL_JATS = BILINGUAL.with_suffix(".xml")
NLM = SAMPLES / "nlm" / "2018-1" / "streltsov-110.nlm.xml"


def _page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def _text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def test_bilingual_page_shows_both_languages_names_and_reference_forms(run, tmp_path):
    result = run("preview", BILINGUAL_JATS, "-o", tmp_path)
    assert result.code == 0, result.err
    pages = list(tmp_path.iterdir())
    assert [p.name for p in pages] == ["streltsov-6.preview.html"]
    page = _page(pages[0])
    titles = [_text(h) for h in page.iter("h1")]
    assert titles == [
        "Российско-японские отношения: системный кризис или новые возможности?",
        "Russian-Japanese relations: systemic crisis or new opportunities?",
    ]
    columns = page.find_class("langcol")
    assert [c.get("lang") for c in columns] == ["ru", "en"]
    assert "Японский подход" in _text(columns[0]) and "Japanese approach" in _text(columns[1])
    assert "санкции" in _text(columns[0]) and "sanctions" in _text(columns[1])
    author = _text(page.find_class("author")[0])
    assert "Стрельцов Дмитрий Викторович" in author and "Dmitry V. Streltsov" in author
    assert "corresponding author" in author
    affs = _text(page.find_class("affs")[0])
    assert "Кафедра востоковедения" in affs and "Department of Oriental Studies" in affs
    first_ref = _text(page.find_class("ref")[0])
    assert "Батин Ю. Россия предложила" in first_ref
    assert "Batin Yu. Rossiya predlozhila" in first_ref and "(In Russ.)" in first_ref
    assert "Российская газета" in first_ref and "Accessed" in first_ref  # structured parts
    links = {a.get("href") for a in page.iter("a")}
    assert "https://doi.org/10.5555/jsr.2018.3.6" in links
    assert "https://creativecommons.org/licenses/by/4.0/" in links
    assert "CC BY 4.0" in _text(page.find_class("badge")[0])


def test_page_is_self_contained(run, tmp_path):
    run("preview", BILINGUAL_JATS, "-o", tmp_path)
    html = (tmp_path / "streltsov-6.preview.html").read_text(encoding="utf-8")
    page = lxml.html.fromstring(html)
    assert not list(page.iter("script", "link", "img", "iframe", "object"))
    assert "@import" not in html and "url(" not in html
    assert "@media print" in html and "@media (max-width" in html
    assert page.find(".//meta[@name='viewport']") is not None


def test_nlm_file_with_trans_abstract_and_any_input_format(run, tmp_path):
    result = run("preview", NLM, SEED, "-o", tmp_path)
    assert result.code == 0, result.err
    nlm = _page(tmp_path / "streltsov-110.preview.html")
    assert len(nlm.find_class("langcol")) >= 1
    assert "Batin" in _text(nlm.find_class("refs")[0])


def test_orcid_link_and_ojs_export(run, tmp_path):
    export = SAMPLES / "ojs" / "2019-1" / "issue.xml"
    result = run("preview", export, "-o", tmp_path, "--journal", SAMPLES / "ojs" / "journal.yaml")
    assert result.code == 0, result.err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["issue-1.preview.html", "issue-2.preview.html", "issue-3.preview.html"]
    # each page's line names its article as convert does (it named the export three times)
    assert result.err.splitlines() == [
        f"{export}#{n} -> {tmp_path / f'issue-{n}.preview.html'}" for n in (1, 2, 3)
    ]
    hrefs = [
        a.get("href") for p in tmp_path.iterdir() for a in _page(p).iter("a")
        if (a.get("href") or "").startswith("https://orcid.org/")
    ]  # fmt: skip
    assert hrefs, "an ORCID of the OJS sample is a link"


def test_findings_are_shown_beside_their_element(run, tmp_path):
    result = run("preview", SEED, "-o", tmp_path, "--profile", "rsci")
    assert result.code == 1  # rsci errors: the seed has no Russian metadata
    assert "[rsci-names]" in result.err and "input field authors[0])" in result.err
    page = _page(tmp_path / "streltsov-110.preview.html")
    author = page.find_class("author")[0]
    assert "[rsci-names]" in _text(author)
    summary = _text(page.get_element_by_id("findings-summary"))
    assert "Checked against rsci" in summary and "[rsci-bilingual]" in summary


def test_convert_preview_writes_the_page_beside_each_output(run, tmp_path):
    result = run("convert", SEED, BILINGUAL, "-o", tmp_path, "--preview")
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "streltsov-110.preview.html", "streltsov-110.xml",
        "streltsov-6.preview.html", "streltsov-6.xml",
    ]  # fmt: skip
    result = run("convert", SEED, "-o", tmp_path, "--preview", "--to", "doaj")
    assert result.code == 2 and "--preview" in result.err


HOSTILE_YAML = """\
journal: {journal}
title: "<script>alert(1)</script> and <i>italic</i>"
abstract: {{en: "Bold <b>text</b> & <img src=x onerror=alert(2)>"}}
references:
  - "Smith J. Paper. <script>alert(3)</script> doi:10.1000/xyz123"
"""


def test_script_in_metadata_shows_as_text(run, tmp_path):
    article = tmp_path / "hostile.yaml"
    journal = SAMPLES / "russian-japanology-review" / "journal.yaml"
    article.write_text(HOSTILE_YAML.format(journal=journal), encoding="utf-8")
    result = run("preview", article, "-o", tmp_path)
    assert result.code == 0, result.err
    page = _page(tmp_path / "hostile.preview.html")
    assert not list(page.iter("script", "img"))
    assert "<script>alert(1)</script> and italic" in _text(page.find(".//h1"))
    assert page.find(".//h1/i").text == "italic"  # JATS styles become HTML styles
    assert "<img src=x onerror=alert(2)>" in _text(page.find_class("abstract")[0])
    assert "<script>alert(3)</script>" in _text(page.find_class("refs")[0])


def test_unsafe_links_and_hostile_xml():
    jats = b"""<article xml:lang="en" dtd-version="1.3"><front><article-meta>
      <title-group><article-title>T <ext-link xlink:href="javascript:alert(1)"
      xmlns:xlink="http://www.w3.org/1999/xlink">x</ext-link></article-title></title-group>
      <permissions><license xlink:href="javascript:alert(2)"
      xmlns:xlink="http://www.w3.org/1999/xlink"><license-p>L</license-p></license>
      </permissions></article-meta></front></article>"""
    [page] = preview_jats(jats, "a.xml")
    html = lxml.html.fromstring(page.html)
    assert not [a for a in html.iter("a") if "javascript" in (a.get("href") or "")]
    assert "javascript:alert(2)" in html.text_content()  # shown as text, not a link
    bomb = b"""<?xml version="1.0"?><!DOCTYPE article [<!ENTITY a "aaaaaaaaaa">
      <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><article>&b;</article>"""
    [refused] = preview_jats(bomb, "bomb.xml")
    assert refused.html == "" and "entities" in refused.problems[0]


def test_unreadable_input_is_one_line_exit_3(run, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<article dtd-version="1.4"><front>', encoding="utf-8")
    result = run("preview", bad, "-o", tmp_path)
    assert result.code == 3
    assert result.err.strip().count("\n") == 0 and "bad.xml: line" in result.err
    assert not (tmp_path / "bad.preview.html").exists()


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2", "1.3"])
def test_older_jats_versions(version):
    jats = f"""<article xml:lang="en" dtd-version="{version}"><front><journal-meta>
      <journal-title-group><journal-title>J</journal-title></journal-title-group>
      <issn pub-type="ppub">2658-6444</issn></journal-meta><article-meta>
      <title-group><article-title>Title</article-title><trans-title-group xml:lang="ru">
      <trans-title>Заглавие</trans-title></trans-title-group></title-group>
      <contrib-group><contrib contrib-type="author"><string-name>A. Author</string-name>
      </contrib></contrib-group><pub-date pub-type="epub"><year>2020</year></pub-date>
      <trans-abstract xml:lang="ru"><p>Реферат</p></trans-abstract></article-meta></front>
      <back><ref-list><ref id="r1"><citation citation-type="journal">Old style
      <pub-id pub-id-type="doi">10.1000/x1</pub-id></citation></ref></ref-list></back></article>"""
    [page] = preview_jats(jats.encode(), "old.xml")
    html = lxml.html.fromstring(page.html)
    text = _text(html)
    for expected in ("Title", "Заглавие", "A. Author", "Реферат", "Published online",
                     "ISSN 2658-6444 (Print)"):  # fmt: skip
        assert expected in text
    assert "https://doi.org/10.1000/x1" in {a.get("href") for a in html.iter("a")}


CORPUS = sorted((Path(__file__).parent / "data" / "corpus").glob("*.xml"))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_file_of_the_real_world_corpus_previews(path):
    """JATS 1.0–1.2 and NLM 2.3/3.0 from PLOS, eLife, bioRxiv, F1000, BMC, SciELO …: a page
    with the title, every contributor and every reference the file holds."""
    from lxml import etree

    root = etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False))
    pages = preview_jats(path.read_bytes(), path.name, ("general",))
    assert pages and not pages[0].problems
    page = lxml.html.fromstring(pages[0].html)
    assert page.findall(".//h1")
    meta = root.find(".//{*}article-meta")
    contribs = meta.findall("{*}contrib-group/{*}contrib") if meta is not None else []
    assert len(page.find_class("author")) == len(contribs)  # a group's members listed in it
    refs = [r for r in root.iter("{*}ref", "ref") if r.getparent().tag.endswith("ref-list")]
    assert len(page.find_class("ref")) == len(refs)


# ---------------------------------------------------------------- issue title, related articles

PMC_VARIANTS = Path(__file__).parent / "data" / "pmc-stylechecker"
CORRECTION = SAMPLES / "japanese-studies-in-russia" / "2018-4" / "correction-streltsov-6.xml"
THEMED = """\
journal: {journal}
language: ru
title: {{ru: Внешняя политика Японии, en: Japan's foreign policy}}
volume: 5
issue: 2
issue_title: {{ru: Внешняя политика Японии в Азии, en: "Japan's foreign policy in Asia"}}
page_range: 110-115, 120-124
"""


def test_issue_title_is_shown_in_each_language_beside_the_pages(run, tmp_path):
    """The masthead's citation line gives the issue's title in the article's language; the
    publication facts give it in every language, each marked with its language (as the
    columns of titles are) so that a screen reader speaks it in that language."""
    article = tmp_path / "themed.yaml"
    journal = SAMPLES / "japanese-studies-in-russia" / "journal.yaml"
    article.write_text(THEMED.format(journal=journal), encoding="utf-8")
    result = run("preview", article, "-o", tmp_path)
    assert result.code == 0, result.err
    page = _page(tmp_path / "themed.preview.html")
    citation = page.find_class("citation")[0]
    assert [_text(span) for span in citation.iterchildren("span")][:4] == [
        "Vol. 5", "No. 2", "Внешняя политика Японии в Азии", "pp. 110-115, 120-124"
    ]  # fmt: skip
    [title] = citation.find_class("issue-title")
    assert title.get("lang") == "ru"
    rows = {_text(tr.find("th")): tr.find("td") for tr in page.find_class("facts")[0].iter("tr")}
    assert _text(rows["Issue title (ru)"]) == "Внешняя политика Японии в Азии"
    assert _text(rows["Issue title (en)"]) == "Japan's foreign policy in Asia"
    assert [rows[f"Issue title ({lang})"].get("lang") for lang in ("ru", "en")] == ["ru", "en"]
    assert _text(rows["Pages"]) == "110-115, 120-124"


def test_an_article_of_one_page_is_cited_as_p(run, tmp_path):
    """'p. 180' for one page (its lpage the same, or none), 'pp.' for more, as citations
    write them."""
    article = tmp_path / "short.yaml"
    journal = SAMPLES / "japanese-studies-in-russia" / "journal.yaml"
    article.write_text(
        f"journal: {journal}\ntitle: {{en: A note}}\nvolume: 5\nfpage: 180\nlpage: 180\n",
        encoding="utf-8",
    )
    result = run("preview", article, "-o", tmp_path)
    assert result.code == 0, result.err
    citation = _page(tmp_path / "short.preview.html").find_class("citation")[0]
    assert [_text(span) for span in citation.iterchildren("span")] == ["Vol. 5", "p. 180"]


@pytest.mark.parametrize(
    ("pages", "shown"),
    [
        ("<fpage>180</fpage>", "p. 180"),
        ("<fpage>180</fpage><lpage>180</lpage>", "p. 180"),
        ("<fpage>110</fpage><lpage>124</lpage>", "pp. 110–124"),
        ("<fpage>110</fpage><lpage>124</lpage><page-range>110-115, 120-124</page-range>",
         "pp. 110-115, 120-124"),
        ("<elocation-id>e1001</elocation-id>", "article e1001"),
    ],
)  # fmt: skip
def test_the_citation_line_says_p_or_pp_by_the_number_of_pages(pages: str, shown: str) -> None:
    jats = f"""<article xml:lang="en" dtd-version="1.4"><front><article-meta>
      <title-group><article-title>T</article-title></title-group>{pages}</article-meta>
      </front></article>""".encode()
    [page] = preview_jats(jats, "pages.xml")
    citation = lxml.html.fromstring(page.html).find_class("citation")[0]
    assert [_text(span) for span in citation.iterchildren("span")] == [shown]


def test_issue_titles_of_older_jats_one_element_per_language():
    """JATS 1.0-1.2 give one issue-title per language; the masthead takes the article's."""
    jats = b"""<article xml:lang="en" dtd-version="1.2"><front><article-meta>
      <title-group><article-title>T</article-title></title-group><volume>3</volume>
      <issue-title xml:lang="ru">Arctic &lt;b&gt; issue</issue-title>
      <issue-title>The Arctic</issue-title></article-meta></front></article>"""
    [page] = preview_jats(jats, "old.xml")
    html = lxml.html.fromstring(page.html)
    [title] = html.find_class("issue-title")
    assert (_text(title), title.get("lang")) == ("The Arctic", "en")
    cells = [td for td in html.find_class("facts")[0].iter("td") if td.get("lang")]
    assert [(td.get("lang"), _text(td)) for td in cells] == [
        ("ru", "Arctic <b> issue"), ("en", "The Arctic")
    ]  # fmt: skip


def test_a_correction_notice_says_what_it_corrects_before_its_title(run, tmp_path):
    """As publishers' pages do: "Corrects:" and the corrected article, its citation and a
    link to its DOI, at the top of the page, before the notice's own title; the JATS and
    the article file it was converted from give the same page."""
    yaml_source = CORRECTION.with_suffix(".yaml")
    for source in (CORRECTION, yaml_source):
        out = tmp_path / source.suffix[1:]
        result = run("preview", source, "-o", out)
        assert result.code == 0, result.err
        page = _page(out / "correction-streltsov-6.preview.html")
        [aside] = page.iter("aside")
        assert aside.get("aria-label") == "Related articles"
        [item] = aside.find_class("rel")
        assert "notice" in item.get("class").split()
        assert _text(item).startswith(
            "Corrects: Стрельцов Д. В. Российско-японские отношения: системный кризис или новые "
            "возможности? // Японские исследования. 2018. Т. 2, № 3. С. 6–20."
        )
        assert [a.get("href") for a in item.iter("a")] == ["https://doi.org/10.5555/jsr.2018.3.6"]
        everything = list(page.iter())
        assert everything.index(aside) < everything.index(page.find(".//h1"))


UNSAFE_RELATED = """<article xml:lang="en" dtd-version="1.3" article-type="retraction"
  xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta>
  <title-group><article-title>Retraction</article-title></title-group>
  <related-article related-article-type="retracted-article" ext-link-type="uri"
    xlink:href="javascript:alert(1)">A. Author. <script>alert(2)</script> Paper.</related-article>
  <related-article related-article-type="companion" xlink:href="javascript:alert('10.1234/ab')"
    xml:lang="ru">Спутник</related-article>
  <related-article related-article-type="commentary" ext-link-type="pmid" xlink:href="12345"/>
  <related-article related-article-type="retraction-forward" vol="2" issue="3" page="6"/>
  <related-article related-article-type="article-reference" ext-link-type="uri"
    xlink:href="https://example.org/a">Other</related-article>
  <related-article related-article-type="expression-of-concern" xlink:href="doi:10.5555/x1"/>
  </article-meta></front></article>"""


def test_related_articles_link_only_to_addresses_a_page_may_link_to():
    """A related-article's link goes through the preview's URL filter: a javascript: address
    (typed, or untyped with a DOI inside it) is shown as text, never a link; a PubMed id is
    its text; a DOI becomes a doi.org link, a web address a link. A type the converter does
    not know is shown in words, a citation's language is marked."""
    [page] = preview_jats(UNSAFE_RELATED.encode(), "notice.xml")
    html = lxml.html.fromstring(page.html)
    assert not list(html.iter("script"))
    hrefs = [a.get("href") for a in html.iter("a")]
    assert not [href for href in hrefs if "javascript" in href]
    items = [_text(li) for li in html.find_class("rel")]
    assert items == [
        "Retracts: A. Author. alert(2) Paper. URI javascript:alert(1)",
        "Companion article: Спутник javascript:alert('10.1234/ab')",
        "Commentary: PMID 12345",
        "Retracted by: Vol. 2, No. 3, p. 6",
        "Related article: Other https://example.org/a",
        "Expression of concern: https://doi.org/10.5555/x1",
    ]
    assert hrefs == ["https://example.org/a", "https://doi.org/10.5555/x1"]
    notices = [li for li in html.find_class("rel") if "notice" in li.get("class").split()]
    assert [_text(li).split(":")[0] for li in notices] == ["Retracts", "Retracted by"]
    assert [span.get("lang") for span in html.find_class("rel-cite")] == [None, "ru", None, None]


def test_a_related_article_finding_is_shown_beside_it(run, tmp_path):
    """PMC's Style Checker refuses a DOI typed as a PubMed link: the page shows the link as
    the file types it (no doi.org link) and the finding under it."""
    variant = PMC_VARIANTS / "variant-related-doi-typed-pubmed.xml"
    result = run("preview", variant, "-o", tmp_path, "--profile", "pmc")
    assert result.code == 1
    page = _page(tmp_path / "variant-related-doi-typed-pubmed.preview.html")
    [item] = page.find_class("rel")
    assert "[pmc-related-article]" in _text(item)
    assert "PUBMED 10.5555/jsr.2018.3.6" in _text(item) and not list(item.iter("a"))


def test_the_licence_shown_is_the_articles_not_the_text_mining_terms_before_it():
    """A file may list a publisher's text-mining terms before the article's licence (marked
    ``specific-use="textmining"``): the page's badge and link are the article's licence."""
    jats = b"""<article xml:lang="en" dtd-version="1.4"
      xmlns:ali="http://www.niso.org/schemas/ali/1.0/"><front><article-meta>
      <title-group><article-title>T</article-title></title-group><permissions>
      <license><ali:license_ref specific-use="textmining"
      >https://publisher.example/tdm/userlicense/1.0/</ali:license_ref>
      <license-p>Text and data mining: the publisher's terms.</license-p></license>
      <license><ali:license_ref>https://creativecommons.org/licenses/by/4.0/</ali:license_ref>
      <license-p>CC BY 4.0.</license-p></license></permissions></article-meta></front></article>"""
    [page] = preview_jats(jats, "a.xml")
    html = lxml.html.fromstring(page.html)
    assert "CC BY 4.0" in _text(html.find_class("badge")[0])
    links = {a.get("href") for a in html.iter("a")}
    assert "https://creativecommons.org/licenses/by/4.0/" in links
    assert "https://publisher.example/tdm/userlicense/1.0/" not in links


def test_a_preprint_says_so_beside_its_type(run, tmp_path):
    """An article linking the article it became (published-article) is written as a preprint,
    ``<article-version article-version-type="status">preprint</article-version>``: the page
    says "preprint" beside the article type, and lists the published article."""
    article = tmp_path / "a.yaml"
    article.write_text(
        SEED.read_text(encoding="utf-8")
        + "related_articles:\n  - {type: published-article, doi: 10.5555/final.1}\n",
        encoding="utf-8",
    )
    journal = SEED.parent.parent / "journal.yaml"
    result = run("convert", article, "--journal", journal, "-o", tmp_path / "out", "--preview")
    assert result.code == 0, result.err
    page = _page(tmp_path / "out" / "a.preview.html")
    [version] = page.find_class("version")
    assert [_text(span) for span in version.getparent().iter("span")][-3:] == [
        "research-article",
        "preprint",
        "JATS 1.4",
    ]
    assert [_text(li) for li in page.find_class("rel")] == [
        "Published as: https://doi.org/10.5555/final.1"
    ]


def test_an_affiliations_state_is_shown_in_its_line(run, write_article, tmp_path):
    """The preview shows an affiliation as written: the state between the city and the country."""
    article = write_article(
        "title: {en: A state}\nauthors:\n  - name: {surname: Smith, given: Jane}\n"
        "    affiliations:\n      - institution: {en: Boston University}\n"
        "        city: {en: Boston}\n        state: {en: MA}\n        country: US\n"
    )
    result = run("preview", article, "-o", tmp_path / "o")
    assert result.code == 0, result.err
    page = _page(tmp_path / "o" / "article.preview.html")
    assert _text(page.find_class("affs")[0]) == "Boston University, Boston, MA, United States"


def test_an_affiliations_postal_code_is_shown_in_its_line(run, write_article, tmp_path):
    """The preview shows an affiliation as written: the postal code after the state."""
    article = write_article(
        "title: {en: A postal code}\nauthors:\n  - name: {surname: Smith, given: Jane}\n"
        "    affiliations:\n      - institution: {en: Boston University}\n"
        "        city: {en: Boston}\n        state: {en: MA}\n        postal_code: 02115\n"
        "        country: US\n"
    )
    result = run("preview", article, "-o", tmp_path / "o")
    assert result.code == 0, result.err
    page = _page(tmp_path / "o" / "article.preview.html")
    assert _text(page.find_class("affs")[0]) == "Boston University, Boston, MA 02115, United States"


def test_with_pmc_the_page_shows_the_jats_convert_writes_for_pmc(run, tmp_path):
    """``preview --profile pmc`` of a YAML judges the JATS ``convert --profile pmc`` writes —
    1.3, translated abstracts typed — so it shows no ``pmc-dtd-version`` warning and no
    ``pmc-abstract-type`` error that ``convert`` would not give."""
    result = run("preview", BILINGUAL, "-o", tmp_path, "--profile", "pmc")
    page = _text(_page(tmp_path / "streltsov-6.preview.html"))
    assert "pmc-dtd-version" not in page + result.err
    assert "pmc-abstract-type" not in page + result.err


def test_an_affiliation_shows_as_renderers_show_it_its_ror_id_a_link_beside() -> None:
    """An affiliation's line is its text as it stands, as PMC shows it: parts the file runs
    together run together here too ('Harvard UniversityDepartment of Physics'; the preview put a
    comma between the parts of an institution-wrap, hiding what readers of PMC saw), and a ROR
    id is no part of the line but a link named ROR after it (it was joined into the line with a
    comma: 'ROR, Harvard University, Department of Physics')."""
    ror = '<institution-id institution-id-type="ror">https://ror.org/03vek6s52</institution-id>'
    jats = f"""<article xml:lang="en" dtd-version="1.4"><front><article-meta>
      <title-group><article-title>T</article-title></title-group>
      <aff id="aff1"><label>1</label><institution content-type="dept">Department of
      Physics</institution>, <institution-wrap>{ror}<institution>Harvard
      University</institution></institution-wrap>, <city>Cambridge</city>, <state>MA</state>
      <postal-code>02138</postal-code>, <country country="US">United States</country></aff>
      <aff id="aff2"><institution-wrap>{ror}<institution>Harvard
      University</institution><institution content-type="orgdiv1">Department of
      Physics</institution></institution-wrap></aff>
      </article-meta></front></article>"""
    [page] = preview_jats(jats.encode(), "a.xml")
    forms = lxml.html.fromstring(page.html).xpath("//ol[@class='affs']/li/span[@class='form']")
    links = [[(a.text, a.get("href")) for a in form.iter("a")] for form in forms]
    assert links == [[("ROR", "https://ror.org/03vek6s52")]] * 2
    for form in forms:
        for link in form.xpath("span[@class='aff-id']"):
            link.drop_tree()
    assert [_text(form) for form in forms] == [
        "Department of Physics, Harvard University, Cambridge, MA 02138, United States",
        "Harvard UniversityDepartment of Physics",
    ]
