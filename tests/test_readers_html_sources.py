"""Landing pages whose metadata is in PRISM tags, Dublin Core tags or schema.org JSON-LD as well
as, or instead of, Highwire ``citation_*`` tags: read in that order of precedence, a later
source filling what an earlier lacks and its disagreements said; hostile JSON-LD said in one
line, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from conftest import DATA, xmllint
from converter.readers import ReadContext, read_source

PAGES = DATA / "pages"
NS = {"xlink": "http://www.w3.org/1999/xlink", "ali": "http://www.niso.org/schemas/ali/1.0/"}


def _convert(run, store, page: Path, out: Path) -> tuple[etree._ElementTree, list[str]]:
    """``jatsconv convert PAGE``: the JATS written (checked by xmllint against the DTD) and
    the warning lines printed."""
    result = run("convert", page, "-o", out)
    assert result.code == 0, result.err
    written = out / f"{page.stem}.xml"
    check = xmllint(written, store.catalog)
    assert check.returncode == 0, check.stderr
    prefix = f"{page}: warning (data dropped): "
    warnings = [line.removeprefix(prefix) for line in result.err.splitlines() if prefix in line]
    return etree.parse(str(written)), warnings


def _text(tree: etree._ElementTree, xpath: str) -> list[str]:
    return [
        "".join(node.itertext()) if isinstance(node, etree._Element) else str(node)
        for node in tree.xpath(xpath, namespaces=NS)
    ]


def _read(tmp_path: Path, head: str, body: str = "<p>Text.</p>") -> tuple[object, list[str]]:
    page = tmp_path / "page.html"
    page.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    [loaded] = list(read_source(page, "html", ReadContext()))
    assert loaded.article is not None, loaded.problems
    return loaded.article, [str(w) for w in loaded.warnings]


def _script(data: object) -> str:
    text = data if isinstance(data, str) else json.dumps(data)
    return f'<script type="application/ld+json">{text}</script>'


JOURNAL = (
    '<meta name="citation_journal_title" content="Journal of Tests">'
    '<meta name="citation_issn" content="2345-6787">'
)
TAGS = '<meta name="citation_title" content="The title">' + JOURNAL


def test_springer_nature_page_json_ld_gives_the_orcid_its_tags_lack(
    run, store, tmp_path: Path
) -> None:
    """A Springer Nature page states its facts in citation_*, prism.*, dc.* and JSON-LD alike:
    they agree (dc.source 'Journal 2023', dc.publisher 'Springer' are the journal and the
    publisher), so nothing is said of them; the first author's ORCID iD, in JSON-LD's ``url``
    only, is read (it was dropped); prism.section's type code and prism.rightsAgent are said."""
    tree, warnings = _convert(run, store, PAGES / "springer-nature.html", tmp_path)
    assert _text(tree, "//contrib-id[@contrib-id-type='orcid']") == [
        "https://orcid.org/0000-0002-1825-0097"
    ]
    assert _text(tree, "//journal-title") == ["Journal of Northern Limnology"]
    assert _text(tree, "//publisher-name") == ["Springer International Publishing"]
    assert _text(tree, "//issn") == ["1868-5242", "2345-6787"]  # the second from JSON-LD
    assert _text(tree, "//license/@xlink:href") == ["http://creativecommons.org/licenses/by/4.0/"]
    assert _text(tree, "//article-meta/volume") + _text(tree, "//article-meta/issue") == ["85", "2"]
    assert not any("otherwise" in w or w.startswith("authors:") for w in warnings), warnings
    assert "prism.section 'OriginalPaper': a type code, not a section heading: left out" in warnings
    assert (
        '<meta name="prism.rightsagent">: not carried (the article model has no place for it)'
        in warnings
    )
    assert (
        "keywords[en]: those of dc.subject are read; JSON-LD keywords has others ('Lake ice', "
        "'Hypoxia', 'Snow cover'): left out" in warnings
    )


def test_a_page_with_json_ld_alone_converts(run, store, tmp_path: Path) -> None:
    """A page whose only metadata is a JSON-LD @graph (authors and the journal by @id, the
    issue in a volume in a periodical, the DOI and ORCID iDs as PropertyValues, a licence as
    a CreativeWork, cited works as texts and objects) converts with no other input: it was
    refused for want of a title."""
    tree, warnings = _convert(run, store, PAGES / "jsonld-only.html", tmp_path)
    assert _text(tree, "//title-group/article-title") == [
        "Crevasse depth on a surging glacier from repeat radar surveys"
    ]
    assert _text(tree, "//article-id[@pub-id-type='doi']") == ["10.5555/aag.2022.0187"]
    assert _text(tree, "//contrib//surname") == ["Solberg", "Ruiz Vidal"]
    assert _text(tree, "//contrib-id") == [
        "https://orcid.org/0000-0001-5109-3700",
        "https://orcid.org/0000-0002-1694-233X",
    ]
    assert _text(tree, "//aff/country/@country") == ["NO", "ES"]
    assert _text(tree, "//contrib[2]/xref/@rid") == ["aff1", "aff2"]
    assert [_text(tree, f"//article-meta/{e}") for e in ("volume", "issue", "fpage", "lpage")] == [
        ["12"],
        ["3"],
        ["301"],
        ["318"],
    ]
    assert _text(tree, "//pub-date/@iso-8601-date") == ["2022-11-08", "2022-12"]
    assert _text(tree, "//journal-title") == ["Annals of Applied Glaciology"]
    assert _text(tree, "//publisher-name") == ["Nordic Glaciological Society"]
    assert _text(tree, "//ali:license_ref") == ["https://creativecommons.org/licenses/by/4.0/"]
    assert _text(tree, "//kwd") == [
        "glacier surge",
        "crevasses",
        "ground-penetrating radar",
        "strain rate",
    ]
    assert _text(tree, "//subj-group/subject") == ["Research Article"]
    assert _text(tree, "//copyright-year") + _text(tree, "//copyright-holder") == [
        "2022",
        "The Authors",
    ]
    assert _text(tree, "//funding-source") == ["Research Council of Norway"]
    references = _text(tree, "//ref//mixed-citation")
    assert len(references) == 3
    assert references[1] == (
        "Halvorsen K., L. Dahl (2018). Surge dynamics of a tidewater glacier. Journal of Ice "
        "Studies, 64, 220–236. doi:10.5555/jis.2018.64.220."
    )
    assert warnings == [
        "JSON-LD editor: not carried (the article model has no place for it)",
        "the page does not say which ISSN 2190-9873 is: taken as electronic",
        "the page does not say which ISSN 1999-4915 is: taken as print",
    ]


def test_prism_and_dublin_core_tags_alone(tmp_path: Path) -> None:
    """A page with PRISM and Dublin Core tags and no Highwire ones: prism.eIssn is the
    electronic ISSN, prism.coverDate the issue's date, an e-location as prism.startingPage
    the article's, a DC.identifier without a scheme its DOI; a later source's other keywords
    are said."""
    [loaded] = list(read_source(PAGES / "prism-dc.html", "html", ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert (article.volume, article.issue, article.elocation_id) == ("14", "2", "e68215")
    assert article.doi == "10.5555/znn.14.e68215"
    assert (article.journal.issn.electronic, article.journal.issn.print) == (
        "2587-621X",
        "2075-1656",
    )
    assert (article.published.electronic, article.published.collection) == ("2021-05-19", "2021-06")
    assert article.journal.title == {"en": "Zoological Notes of the North"}  # not dc.source's
    assert article.section == {"en": "Research Article"}
    assert article.copyright.year == 2021
    assert article.keywords == {"en": ["Khibiny", "Kola Peninsula"]}
    assert [str(w) for w in loaded.warnings] == [
        "keywords[en]: those of prism.keyword are read; dc.subject has others ('Coleoptera', "
        "'Staphylinidae', 'new species'): left out",
        '<meta name="prism.rightsagent">: not carried (the article model has no place for it)',
        "the page does not say which ISSN 2075-1656 is: taken as print",
    ]


def test_ojs_page_with_dublin_core_tags_only(run, store, tmp_path: Path) -> None:
    """OJS with its Dublin Core plugin on and its Google Scholar plugin off: every fact in DC.*
    tags, the translated title, abstract and keywords with xml:lang."""
    tree, warnings = _convert(run, store, PAGES / "ojs-dublin-core.html", tmp_path)
    assert _text(tree, "/article/@xml:lang") == ["ru"]
    assert _text(tree, "//article-title") == [
        "Топонимы саамского происхождения на картах Кольского полуострова XVIII века"
    ]
    assert _text(tree, "//trans-title") == [
        "Sami place names on eighteenth-century maps of the Kola Peninsula"
    ]
    assert _text(tree, "//contrib//surname") == ["Лукина", "Ермаков"]
    assert _text(tree, "//article-id[@pub-id-type='doi']") == ["10.5555/vsf.2021.2.45"]
    assert [_text(tree, f"//article-meta/{e}") for e in ("volume", "issue", "fpage", "lpage")] == [
        ["9"],
        ["2"],
        ["45"],
        ["61"],
    ]
    assert _text(tree, "//date[@date-type='received']/@iso-8601-date") == ["2021-02-03"]
    assert len(tree.xpath("//abstract")) == 2
    assert _text(tree, "//kwd-group/@xml:lang") == ["ru", "en"]
    assert warnings == ["the page does not say which ISSN 2500-2872 is: taken as electronic"]


DISAGREEING = (
    TAGS
    + (
        '<meta name="citation_language" content="en">'
        '<meta name="citation_author" content="Roe, Ann">'
        '<meta name="citation_volume" content="12">'
        '<meta name="citation_issue" content="2">'
        '<meta name="citation_firstpage" content="5"><meta name="citation_lastpage" content="19">'
        '<meta name="citation_doi" content="10.5555/test.1">'
        '<meta name="citation_publication_date" content="2020-02-03">'
        '<meta name="prism.volume" content="13">'
        '<meta name="prism.doi" content="doi:10.5555/TEST.1">'
        '<meta name="prism.publicationName" content="Journal of Tests">'
        '<meta name="DC.Source.Volume" content="12">'
        '<meta name="DC.Title" content="The title: with its subtitle">'
        '<meta name="DC.Source" content="Journal of Tests 2020">'
    )
    + _script(
        {
            "@context": "https://schema.org",
            "@type": "ScholarlyArticle",
            "headline": "Another title altogether",
            "inLanguage": "de",
            "volumeNumber": "14",
            "issueNumber": "3",
            "pageStart": "5",
            "pageEnd": "20",
            "identifier": "https://doi.org/10.5555/other.1",
            "datePublished": "2019-01-01",
            "author": [
                {"@type": "Person", "name": "Ann Roe"},
                {"@type": "Person", "name": "Bob Doe"},
            ],
            "isPartOf": {"@type": "Periodical", "name": "Another Journal"},
        }
    )
)


def test_citation_tags_are_kept_and_each_disagreement_is_said_once(tmp_path: Path) -> None:
    """Where PRISM, Dublin Core or JSON-LD state a fact otherwise than citation_*, the citation_*
    value is read and one line names the others (they were never read, nor said). Values
    that are one (a DOI in capitals, a title with its subtitle, a journal with its year)
    are no disagreement."""
    article, warnings = _read(tmp_path, DISAGREEING)
    assert (article.language, article.title, article.doi) == (
        "en",
        {"en": "The title"},
        "10.5555/test.1",
    )
    assert (article.volume, article.issue, article.fpage, article.lpage) == ("12", "2", "5", "19")
    assert article.published.electronic == "2020-02-03"
    assert [a.name["en"].surname for a in article.authors] == ["Roe"]
    assert article.journal.title == {"en": "Journal of Tests"}
    assert warnings == [
        "language: citation_language 'en' is read; JSON-LD inLanguage 'de' says otherwise: "
        "left out",
        "title[en]: citation_title 'The title' is read; JSON-LD headline 'Another title "
        "altogether' says otherwise: left out",
        "DOI: citation_doi '10.5555/test.1' is read; JSON-LD identifier "
        "'https://doi.org/10.5555/other.1' says otherwise: left out",
        "volume: citation_volume '12' is read; prism.volume '13', JSON-LD volumeNumber '14' say "
        "otherwise: left out",
        "issue: citation_issue '2' is read; JSON-LD issueNumber '3' says otherwise: left out",
        "pages: citation_firstpage/citation_lastpage '5-19' is read; JSON-LD pageStart/JSON-LD "
        "pageEnd '5-20' says otherwise: left out",
        "JSON-LD datePublished '2019-01-01': the article is dated electronic 2020-02-03: left out",
        "authors: citation_author names 1, JSON-LD author 2: those of JSON-LD author are left out",
        "journal title: citation_journal_title 'Journal of Tests' is read; JSON-LD isPartOf.name "
        "'Another Journal' says otherwise: left out",
        "the page does not say which ISSN 2345-6787 is: taken as electronic",
    ]


def test_without_citation_tags_prism_comes_before_dublin_core_and_json_ld(tmp_path: Path) -> None:
    """The order of precedence below citation_*: PRISM, then Dublin Core, then JSON-LD. Each
    fills only what the ones before it lack (here the last page, and an issue only JSON-LD
    gives); an author JSON-LD names as the tags do gets the ORCID iD and affiliation the tags
    lack."""
    article, warnings = _read(
        tmp_path,
        '<meta name="DC.Title" content="A title">'
        '<meta name="DC.Creator" content="Roe, Ann">'
        '<meta name="prism.publicationName" content="Journal of Tests">'
        '<meta name="prism.eIssn" content="2345-6787">'
        '<meta name="prism.volume" content="7">'
        '<meta name="DC.Source.Volume" content="8">'
        '<meta name="prism.startingPage" content="33">'
        '<meta name="DC.Source" content="Journal of Tests, vol. 7">'
        + _script(
            {
                "@context": "https://schema.org",
                "@type": "ScholarlyArticle",
                "name": "A title",
                "volumeNumber": "9",
                "issueNumber": "4",
                "pagination": "33-48",
                "author": {
                    "@type": "Person",
                    "givenName": "Ann",
                    "familyName": "Roe",
                    "sameAs": "https://orcid.org/0000-0002-1825-0097",
                    "affiliation": {
                        "@type": "Organization",
                        "name": "University of Tartu",
                        "address": {"addressLocality": "Tartu", "addressCountry": "Estonia"},
                    },
                },
            }
        ),
    )
    assert (article.volume, article.issue, article.fpage, article.lpage) == ("7", "4", "33", "48")
    assert article.journal.title == {"en": "Journal of Tests"}
    assert article.journal.issn.electronic == "2345-6787"
    assert article.authors[0].orcid == "https://orcid.org/0000-0002-1825-0097"
    assert article.affiliations[0].country == "EE"
    assert warnings == [
        "volume: prism.volume '7' is read; DC.Source.Volume '8', JSON-LD volumeNumber '9' say "
        "otherwise: left out"
    ]


def test_json_ld_address_region_stays_in_the_affiliation(tmp_path: Path) -> None:
    """A PostalAddress's addressRegion ('MA') is in the affiliation's line beside its city, as
    the page gives it; it was left out without a word."""
    address = {"addressLocality": "Boston", "addressRegion": "MA", "addressCountry": "USA"}
    person = {
        "@type": "Person",
        "givenName": "Ann",
        "familyName": "Roe",
        "affiliation": {"@type": "Organization", "name": "Boston University", "address": address},
    }
    data = {"@context": "https://schema.org", "@type": "ScholarlyArticle", "author": person}
    article, _ = _read(tmp_path, TAGS + _script(data))
    [aff] = article.affiliations
    assert (aff.institution, aff.country) == ({"en": "Boston University, Boston, MA"}, "US")


def test_json_ld_postal_code_stays_in_the_affiliation(tmp_path: Path) -> None:
    """A PostalAddress's postalCode ('02115', a number 119991 too) is in the affiliation's line
    after its region or city, as the JATS line writes it; it was left out without a word."""
    address = {
        "addressLocality": "Boston",
        "addressRegion": "MA",
        "postalCode": "02115",
        "addressCountry": "USA",
    }
    moscow = {"addressLocality": "Moscow", "postalCode": 119991, "addressCountry": "RU"}
    people = [
        {
            "@type": "Person",
            "givenName": given,
            "familyName": "Roe",
            "affiliation": {"@type": "Organization", "name": name, "address": where},
        }
        for given, name, where in (
            ("Ann", "Boston University", address),
            ("Bob", "Moscow University", moscow),
        )
    ]
    data = {"@context": "https://schema.org", "@type": "ScholarlyArticle", "author": people}
    article, _ = _read(tmp_path, TAGS + _script(data))
    found = [(aff.institution, aff.country) for aff in article.affiliations]
    assert found == [
        ({"en": "Boston University, Boston, MA 02115"}, "US"),
        ({"en": "Moscow University, Moscow 119991"}, "RU"),
    ]


def test_json_ld_citations_are_the_references_only_without_citation_reference(
    tmp_path: Path,
) -> None:
    """JSON-LD's cited works are the references of a page without citation_reference tags
    (the script wrapped in CDATA marks, as XHTML pages write it)."""
    data = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": "The title",
        "citation": ["Roe A. (2006). A paper. J Test 5: 1-9.", {"@type": "CreativeWork"}],
    }
    script = _script(f"//<![CDATA[\n{json.dumps(data)}\n//]]>")
    article, _ = _read(tmp_path, TAGS + script)
    assert [r.text for r in article.references] == [
        {"en": "Roe A. (2006). A paper. J Test 5: 1-9."}
    ]
    tag = '<meta name="citation_reference" content="Doe B. (2010). Another. Publisher.">'
    article, warnings = _read(tmp_path, TAGS + tag + script)
    assert [r.text for r in article.references] == [{"en": "Doe B. (2010). Another. Publisher."}]
    assert not any("citation" in w for w in warnings), warnings


HUGE = '{"@type": "ScholarlyArticle", "headline": "T", "description": "' + "x" * 2_100_000 + '"}'


@pytest.mark.parametrize(
    ("script", "said"),
    [
        (
            # (a value missing: Python 3.11 to 3.13 word it alike, unlike a trailing comma)
            '{"@type": "ScholarlyArticle", "headline": }',
            "not JSON (Expecting value, line 1 column 43): left out",
        ),
        (HUGE, f"{len(HUGE):,} characters, more than the 2,000,000 read: left out"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply to be read: left out"),
        ('"ScholarlyArticle"', "a string, not a JSON-LD object: left out"),
        ("42", "a number, not a JSON-LD object: left out"),
        ("[1, true, null]", "a list without an object, not a JSON-LD object: left out"),
    ],
    ids=["invalid", "huge", "deep", "string", "number", "list"],
)
def test_hostile_json_ld_is_said_in_one_line_and_the_tags_still_read(
    run, tmp_path: Path, journal_file: Path, script: str, said: str
) -> None:
    """JSON-LD is someone else's script: one that is not JSON, too large, nested past what
    the parser reads, or no object, is said naming its line, and the page converts from its
    tags (exit 0), never with a traceback."""
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head>{TAGS}\n{_script(script)}</head><body><p>Text.</p></body></html>",
        encoding="utf-8",
    )
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    assert f"{page}: warning (data dropped): the JSON-LD script on line 2: {said}" in result.err
    assert (tmp_path / "out" / "page.xml").exists()


def test_json_ld_of_unexpected_shapes_is_read_as_far_as_it_holds_text(tmp_path: Path) -> None:
    """Properties of other types than schema.org's (an object for a title, a number for an
    author, a list for a date), nodes that refer to themselves and a chain of isPartOf
    deeper than an article's are read as far as they hold text, without a traceback or a
    hang (a number is no author, the article no work it cites); a second, different article
    in the script is said."""
    deep: dict[str, object] = {"@type": "Periodical", "name": "Deep"}
    for _ in range(500):
        deep = {"@type": "PublicationVolume", "isPartOf": deep}
    article, warnings = _read(
        tmp_path,
        TAGS
        + _script(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {
                        "@id": "#a",
                        "@type": ["ScholarlyArticle"],
                        "headline": {"not": "text"},
                        "author": [42, {"@id": "#a"}, None, {"@type": "Person"}],
                        "datePublished": ["2020-05-06", "2021"],
                        "pageStart": {"a": 1},
                        "volumeNumber": 3.0,
                        "keywords": 7,
                        "isPartOf": {"@id": "#a"},
                        "citation": {"@id": "#a"},
                        "license": [{"@id": "#a"}],
                    },
                    {
                        "@type": "ScholarlyArticle",
                        "headline": "A related article",
                        "isPartOf": deep,
                    },
                ],
            }
        ),
    )
    assert article.title == {"en": "The title"}
    assert article.volume == "3"
    assert article.published.electronic == "2020-05-06"
    assert article.keywords == {"en": ["7"]}
    assert (article.authors, article.references, article.license) == ([], [], None)
    assert "JSON-LD: another article, 'A related article', is described too: left out" in warnings


def test_a_page_whose_json_ld_describes_no_article_says_nothing_of_it(tmp_path: Path) -> None:
    """A site's WebSite, Organization and BreadcrumbList scripts hold no fact of the article."""
    article, warnings = _read(
        tmp_path,
        TAGS
        + _script(
            [
                {"@context": "https://schema.org", "@type": "WebSite", "name": "Journal of Tests"},
                {"@context": "https://schema.org", "@type": "Organization", "logo": "l.png"},
            ]
        ),
    )
    assert article.title == {"en": "The title"}
    assert warnings == ["the page does not say which ISSN 2345-6787 is: taken as electronic"]


def test_json_ld_text_in_another_script_is_in_the_language_it_tells(tmp_path: Path) -> None:
    """JSON-LD gives one inLanguage for the article, if any: a Russian article's English
    headline and abstract there are its English title and abstract (they would have been
    taken as Russian, and said as disagreeing with the Russian ones)."""
    article, warnings = _read(
        tmp_path,
        '<meta name="citation_title" content="Саамские топонимы на старых картах">'
        '<meta name="citation_language" content="ru">'
        '<meta name="citation_journal_title" content="Вестник северной филологии">'
        '<meta name="citation_abstract" content="Русская аннотация.">'
        + _script(
            {
                "@context": "https://schema.org",
                "@type": "ScholarlyArticle",
                "headline": "Sami place names on old maps",
                "abstract": "An English abstract.",
            }
        ),
    )
    assert article.title == {
        "ru": "Саамские топонимы на старых картах",
        "en": "Sami place names on old maps",
    }
    assert article.abstract == {"ru": ["Русская аннотация."], "en": ["An English abstract."]}
    assert warnings == []


def test_markup_in_json_ld_texts_is_inline_markup_not_escaped_tags(
    run, store, tmp_path: Path
) -> None:
    """OUP writes keywords with JATS tags in JSON-LD ('<italic>Clethrionomys</italic>'): they
    were written out as escaped tags in <kwd>; they are italics, as a title's <em> is."""
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head>{JOURNAL}"
        + _script(
            {
                "@context": "http://schema.org",
                "@type": "ScholarlyArticle",
                "name": " The valid name for <em>Myodes</em> voles ",
                "keywords": ["<italic>Clethrionomys</italic>", "Lemmus", "nomenclature"],
            }
        )
        + "</head><body><p>Text.</p></body></html>",
        encoding="utf-8",
    )
    tree, _ = _convert(run, store, page, tmp_path / "out")
    title = tree.find(".//title-group/article-title")
    assert (title.text, title[0].tag, title[0].text) == ("The valid name for ", "italic", "Myodes")
    assert [(kwd.text, [child.tag for child in kwd]) for kwd in tree.iterfind(".//kwd")] == [
        (None, ["italic"]),
        ("Lemmus", []),
        ("nomenclature", []),
    ]
    assert _text(tree, "//kwd") == ["Clethrionomys", "Lemmus", "nomenclature"]
