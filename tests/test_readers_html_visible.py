"""Landing pages as real sites show them around the text the reader takes: a jump link named
'Abstract', language buttons, figures and subject lists inside an abstract's block, the
site's own copyright in its footer, a reference list still to be loaded, the robot check a
site serves instead of the article, and the Dublin Core names HAL and DSpace write."""

from __future__ import annotations

from pathlib import Path

from converter.readers import ReadContext, read_source

TITLE = '<meta name="citation_title" content="T"><meta name="citation_journal_title" content="J">'


def _read_page(tmp_path: Path, head: str, body: str) -> tuple[object, list[str]]:
    page = tmp_path / "page.html"
    page.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    [loaded] = list(read_source(page, "html", ReadContext()))
    assert loaded.article is not None, loaded.problems
    return loaded.article, [str(w) for w in loaded.warnings]


def test_the_abstract_is_its_text_not_the_link_or_what_is_shown_with_it(tmp_path: Path) -> None:
    """APS shows a jump link 'Abstract' before a section#abstract-section whose
    div#abstract-section-content holds the abstract, its figures and its PhySH subject
    headings: the abstract read was the link's word 'Abstract'. It is the paragraph; the
    figures and the subject list are said and left out."""
    article, warnings = _read_page(
        tmp_path,
        TITLE,
        '<nav><a id="section-abstract" href="#abstract-section">Abstract</a></nav>'
        '<a id="section-abstract" href="#abstract-section">Abstract</a>'
        '<section id="abstract-section"><h2>Abstract</h2>'
        '<div class="content" id="abstract-section-content"><p>Turbulence amplifies fields.</p>'
        '<div class="figure-band"><button class="article-figure-thumbnail"><img src="f1.png">'
        "</button>See 4 more figures</div><dialog>Figure 1</dialog>"
        '<div class="physh-header">Physics Subject Headings (PhySH)</div>'
        '<ul class="physh-tagging"><li><a class="physh-concept">Dynamo theory</a></li></ul>'
        "</div></section>",
    )
    assert article.abstract == {"en": ["Turbulence amplifies fields."]}
    assert (
        "abstract: 'Dynamo theory', shown with it (ul class 'physh-tagging'), is no part of its "
        "text: left out" in warnings
    )
    assert any(w.startswith("abstract: 'See 4 more figures'") for w in warnings), warnings


def test_an_abstract_per_language_inside_one_block_with_its_buttons(tmp_path: Path) -> None:
    """HAL shows div.abstract with a heading, a button per language and a
    div.abstract-content per language with its lang: the buttons' 'en fr' was a paragraph,
    and both languages' abstracts one English abstract."""
    article, warnings = _read_page(
        tmp_path,
        TITLE,
        '<div class="abstract col-lg-7"><div><h4>Résumé</h4><div class="btn-group">'
        '<button class="btn btn-lang-abstract" data-lang="en">en</button>'
        '<button class="btn btn-lang-abstract" data-lang="fr">fr</button></div></div>'
        '<div class="abstract-content en active" lang="en"><p>This thesis colours graphs.</p>'
        '</div><div class="abstract-content fr" lang="fr"><p>Cette thèse colore des graphes.</p>'
        "</div></div>",
    )
    assert article.abstract == {
        "en": ["This thesis colours graphs."],
        "fr": ["Cette thèse colore des graphes."],
    }
    assert not any("button" in w for w in warnings), warnings


def test_the_sites_footer_and_a_list_still_loading_are_no_facts_of_the_article(
    tmp_path: Path,
) -> None:
    """Project Euclid and NBER print '© 2026 …' (the year the page was saved) in the site's
    footer: it was the article's copyright. HAL shows 'Loading...' where its reference list
    is loaded by a script: it was a reference. Neither is read; the list's absence is said.
    An article's own copyright line and a footer inside its <article> stay."""
    article, warnings = _read_page(
        tmp_path,
        TITLE,
        '<div class="panel-doc references"><h3>Littérature citée</h3><div>Loading...</div></div>'
        '<footer><div class="copyright">© 2026 Project Euclid</div></footer>',
    )
    assert article.copyright is None or not article.copyright.statement
    assert article.references == []
    assert (
        "the page was saved before its reference list had loaded ('Loading...') and names its "
        "references nowhere else: no reference is read" in warnings
    )
    article, _ = _read_page(
        tmp_path,
        TITLE,
        '<article><p>Text.</p><footer><div class="copyright">© 2019 Ann Roe</div></footer>'
        "</article><footer><div class='copyright'>© 2026 Site</div></footer>",
    )
    assert article.copyright.statement == {"en": "© 2019 Ann Roe"}
    assert article.copyright.year == 2019


def test_a_robot_check_saved_instead_of_the_article_is_said_so(run, tmp_path: Path) -> None:
    """ACS, APS, Taylor & Francis and Annual Reviews serve Cloudflare's 'Just a moment...'
    to a page fetched by a script: it was refused as a page naming no article title, which
    sent the user to save the same page again."""
    page = tmp_path / "acs.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>'
        "<noscript>Enable JavaScript and cookies to continue</noscript>"
        "<script>(function(){window._cf_chl_opt={cvId: '2',cZone: 'pubs.example.org'};}());"
        "</script></body></html>",
        encoding="utf-8",
    )
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 3, result.err
    assert result.err.strip() == (
        f"{page}: the page is the site's check against robots ('Just a moment...'), not the "
        "article's: open the article in a browser and save its page from there"
    )


def test_dublin_core_names_of_hal_and_dspace(tmp_path: Path) -> None:
    """HAL writes the journal as DC.relation.ispartof, its volume and issue as
    DC.citation.volume and DC.citation.issue and the date as DC.issued: each was said as not
    carried, and a page with no Highwire tags for them lost them. A DC.Source that is a
    link is no journal title."""
    article, warnings = _read_page(
        tmp_path,
        '<meta name="DC.title" content="Déplacement de Knight dans les alliages">'
        '<meta name="DC.language" content="fr">'
        '<meta name="DC.issued" content="1955">'
        '<meta name="DC.relation.ispartof" content="Journal de Physique et le Radium">'
        '<meta name="DC.citation.volume" content="16">'
        '<meta name="DC.citation.issue" content="6">',
        "<p>Texte.</p>",
    )
    assert article.journal.title == {"fr": "Journal de Physique et le Radium"}
    assert (article.volume, article.issue) == ("16", "6")
    assert article.published.collection == "1955"
    assert not any("not carried" in w for w in warnings), warnings


def test_sciencedirect_highlights_and_the_authors_it_shows_by_script(tmp_path: Path) -> None:
    """ScienceDirect shows 'Highlights' in a div.abstract.author-highlights before the
    abstract: they were read as the abstract, the abstract said as a second one and left out.
    Its authors are shown by script and named in no tag: the article had none, unsaid."""
    article, warnings = _read_page(
        tmp_path,
        TITLE,
        '<div class="AuthorGroups"><div class="author-group" id="author-group">'
        '<button><span class="given-name">Mahir</span> <span class="surname">Yazar</span>'
        "</button></div></div>"
        '<div class="abstract author-highlights"><h2>Highlights</h2><ul><li>Nature-based '
        "solutions are not driven by policy-makers.</li></ul></div>"
        '<div class="abstract author"><h2>Abstract</h2><div><p>Urban climate adaptation '
        "requires collective action.</p></div></div>",
    )
    assert article.abstract == {"en": ["Urban climate adaptation requires collective action."]}
    assert [(a.name["en"].surname, a.name["en"].given) for a in article.authors] == [
        ("Yazar", "Mahir")
    ]
    assert (
        "the page names no author in its tags: the 1 its author list shows by given name and "
        "surname are read (Mahir Yazar); check them" in warnings
    )


def test_sciencedirect_authors_read_from_the_parts_its_list_marks_up(tmp_path: Path) -> None:
    """ScienceDirect's tags name no author; its list marks each name's parts
    (span.given-name, span.surname) in a button, with the letters of the affiliations its
    panel shows (dl.affiliation). The authors were said and not read: they are read, each
    with the affiliations of its letters; a list that marks up no parts stays said."""
    button = (
        '<button class="button-link" data-xocs-content-type="author"><span '
        'class="button-link-text"><span class="react-xocs-alternative-link"><span '
        'class="given-name">{given}</span> <span class="text surname">{surname}</span></span> '
        '<span class="author-ref" id="b{ref}"><sup>{ref}</sup></span></span></button>'
    )
    article, warnings = _read_page(
        tmp_path,
        TITLE,
        '<div class="AuthorGroups"><div class="author-group" id="author-group">'
        + button.format(given="Mahir", surname="Yazar", ref="a")
        + button.format(given="L.A.", surname="McDermott", ref="b")
        + '</div></div><div class="Affiliations"><dl class="affiliation"><dt><sup>a</sup></dt>'
        "<dd>Environmental Policy Group, Wageningen University, Netherlands</dd></dl>"
        '<dl class="affiliation"><dt><sup>b</sup></dt><dd>School of Geography, University of '
        "Leeds, United Kingdom</dd></dl></div>",
    )
    assert [(a.name["en"].given, a.name["en"].surname) for a in article.authors] == [
        ("Mahir", "Yazar"),
        ("L.A.", "McDermott"),
    ]
    places = {aff.id: aff for aff in article.affiliations}
    [first], [second] = article.authors[0].affiliations, article.authors[1].affiliations
    assert (places[first].institution, places[first].country) == (
        {"en": "Environmental Policy Group, Wageningen University"},
        "NL",
    )
    assert places[second].country == "GB"
    assert any("the 2 its author list shows" in w for w in warnings), warnings
    article, warnings = _read_page(
        tmp_path, TITLE, '<ul class="authors"><li>Mahir Yazar, Ann Roe</li></ul>'
    )
    assert article.authors == []
    assert (
        "the page names no author in its tags; those it shows ('Mahir Yazar, Ann Roe') are not "
        "read: give them in the output" in warnings
    )


def test_a_conference_paper_thesis_or_report_says_what_it_is(run, tmp_path: Path) -> None:
    """ACL and USENIX pages describe conference papers, HAL's theses, NBER's working papers:
    refused as pages naming no journal, with no word that they are no journal articles (given
    --journal they convert as that journal's articles)."""
    page = tmp_path / "naacl.html"
    page.write_text(
        "<html><head>" + '<meta name="citation_title" content="How many data points?">'
        '<meta name="citation_conference_title" content="Proceedings of NAACL 2021">'
        "</head><body><p>Text.</p></body></html>",
        encoding="utf-8",
    )
    result = run("convert", page, "-o", tmp_path / "out")
    assert result.code == 3, result.err
    assert (
        f"{page}: citation_journal_title: the page names no journal (no citation_journal_title, "
        "prism.publicationName, DC.Source or JSON-LD isPartOf); it describes a conference paper "
        "(citation_conference_title 'Proceedings of NAACL 2021'), not a journal article: give "
        "the journal it is published in with --journal FILE or a journal.yaml beside the "
        "article or up to three folders above it"
    ) in result.err.splitlines()


def test_an_abstracts_heading_after_an_anchor_or_in_a_header(tmp_path: Path) -> None:
    """PLOS puts an anchor before the abstract's heading, eLife its heading in a <header>:
    'Abstract' was the abstract's first paragraph (on eLife's page, whose text a script
    loads, the whole abstract)."""
    article, _ = _read_page(
        tmp_path,
        TITLE,
        '<div class="abstract toc-section"><a class="link-target" id="abstract0"></a>'
        '<h2>Abstract</h2><a class="link-target"></a><p>Reticuloendotheliosis virus is '
        "frequent.</p></div>",
    )
    assert article.abstract == {"en": ["Reticuloendotheliosis virus is frequent."]}
    article, _ = _read_page(
        tmp_path,
        TITLE + '<meta name="citation_abstract" content="Parallel visual circuitry.">',
        '<section class="article-section" id="abstract"><header class="article-section__header">'
        '<h2>Abstract</h2></header><div class="article-section__body"></div></section>',
    )
    assert article.abstract == {"en": ["Parallel visual circuitry."]}


HAL_HEAD = (
    '<meta name="citation_title" content="Discharging planar graphs">'
    '<meta name="citation_journal_title" content="Journal of Graph Colouring">'
    '<meta name="citation_language" content="en">'
    '<meta name="citation_publication_date" content="2015">'
    '<meta name="citation_online_date" content="2019-01-14">'
    '<meta name="citation_pdf_url" content="https://hal.science/hal-01234567/document">'
)
HAL_ABSTRACTS = (
    '<div class="abstract"><div class="abstract-content en" lang="en"><p>We colour planar '
    'graphs by discharging.</p></div><div class="abstract-content fr" lang="fr"><p>Nous '
    "colorons les graphes planaires par déchargement.</p></div></div>"
)


def test_hal_keyword_lists_without_a_language_under_the_language_their_words_tell(
    tmp_path: Path,
) -> None:
    """HAL writes an English and a French keyword list, neither with a language: both were
    read as one English list. Each is read in the language whose title and abstract hold its
    words, said; where the words do not tell, the list the article's own texts hold is read
    and the other said and left out."""
    lists = (
        '<meta name="citation_keywords" content="planar graphs; discharging; colouring">'
        '<meta name="citation_keywords" content="graphes planaires; déchargement; coloration">'
    )
    article, warnings = _read_page(tmp_path, HAL_HEAD + lists, HAL_ABSTRACTS)
    assert article.keywords == {
        "en": ["planar graphs", "discharging", "colouring"],
        "fr": ["graphes planaires", "déchargement", "coloration"],
    }
    assert (
        "citation_keywords: 2 lists without a language, in one script: each read in the "
        "language whose title and abstract hold its words (en, fr)" in warnings
    )
    article, warnings = _read_page(
        tmp_path, HAL_HEAD + lists, "<div class='abstract'><p>We colour planar graphs.</p></div>"
    )
    assert article.keywords == {"en": ["planar graphs", "discharging", "colouring"]}
    assert (
        "citation_keywords: 2 lists without a language, in one script, whose words do not tell "
        "all their languages: the one whose words its en title and abstract hold is read as en; "
        "'graphes planaires; déchargement; coloration' left out" in warnings
    )
    # one keyword a tag, as many sites write them, stays one list
    article, _ = _read_page(
        tmp_path,
        HAL_HEAD + '<meta name="citation_keywords" content="graphs">'
        '<meta name="citation_keywords" content="colouring">',
        HAL_ABSTRACTS,
    )
    assert article.keywords == {"en": ["graphs", "colouring"]}


def test_hal_online_date_is_the_deposit_not_the_online_publication(tmp_path: Path) -> None:
    """HAL writes the day a record was deposited ('Submitted on', 2019 for an article of
    2015) as citation_online_date: it was the article's online publication date. On a HAL
    record it is said and left out; elsewhere (Springer) it stays the online publication."""
    article, warnings = _read_page(tmp_path, HAL_HEAD, HAL_ABSTRACTS)
    assert article.published.electronic is None
    assert article.published.collection == "2015"
    assert (
        "citation_online_date '2019-01-14': on a HAL record, the day it was deposited in the "
        "archive, not the article's online publication: left out" in warnings
    )
    springer = HAL_HEAD.replace("https://hal.science/hal-01234567/document", "https://x.org/a.pdf")
    article, _ = _read_page(tmp_path, springer, HAL_ABSTRACTS)
    assert article.published.electronic == "2019-01-14"
