"""Highwire Press ``citation_*`` meta tags for an article's landing page (Google Scholar).

The output is an HTML fragment to paste into the page's ``<head>``: one ``<meta>`` per line,
values escaped by the template. Names and titles are given in the article's language, as the
page shows them; dates in Scholar's ``YYYY/MM/DD`` form.
"""

from __future__ import annotations

from converter import model
from converter.inline import plain_text
from converter.options import Options, Output
from converter.writers.common import environment, not_carried, ordered, warnings

# What an article may give that Google Scholar's tags have no tag for, said in a warning when
# given (``not_carried``); see tests/test_output_audit.py for the rest of the model.
NOT_CARRIED = {
    "issue_title": "Google Scholar's meta tags have no tag for an issue's title",
    "page_range": "Google Scholar's meta tags have no tag for pages of several ranges "
    "(citation_firstpage and citation_lastpage are the first and last page)",
    "related_articles": "Google Scholar's meta tags have no tag for related articles",
    "preprint": "Google Scholar's meta tags have no tag for an article's version (a preprint)",
}


def _name(name: model.PersonName) -> str:
    """'Surname, Given' (Scholar's preferred form), or the one part there is."""
    if name.surname and name.given:
        return f"{name.surname}, {name.given}"
    return name.surname or name.given or ""


def _date(value: str | None) -> str | None:
    return value.replace("-", "/") if value else None


def meta_tags(article: model.Article) -> list[tuple[str, str]]:
    """The (name, content) pairs, in the order Scholar's inclusion guide lists them."""
    journal = article.journal
    assert isinstance(journal, model.Journal), "article.journal must be resolved"
    lang = article.language
    tags: list[tuple[str, str]] = [("citation_title", plain_text(article.main_title()))]
    affs = {aff.id: aff for aff in article.affiliations}
    for person in article.authors:
        if person.role != "author":
            continue
        if person.collab:
            tags.append(("citation_author", ordered(person.collab, lang)[0][1]))
        else:
            tags.append(("citation_author", _name(ordered(person.name or {}, lang)[0][1])))
        for aff_id in model.affiliation_ids(person):
            aff = affs[aff_id]
            named = aff.institution or aff.text  # text: an affiliation kept as one line
            if named:
                tags.append(("citation_author_institution", ordered(named, lang)[0][1]))
        if person.orcid:
            tags.append(("citation_author_orcid", person.orcid))
        if person.email:
            tags.append(("citation_author_email", person.email))
    p = article.published
    published = p.electronic or p.print or p.collection
    for name, value in (
        ("citation_publication_date", _date(published)),
        ("citation_online_date", _date(p.electronic)),
        ("citation_journal_title", ordered(journal.title, lang)[0][1]),
        ("citation_journal_abbrev", journal.abbrev_title),
        ("citation_issn", journal.issn.print),
        ("citation_issn", journal.issn.electronic),
        (
            "citation_publisher",
            ordered(journal.publisher.name, lang)[0][1] if journal.publisher else None,
        ),
        ("citation_volume", article.volume),
        ("citation_issue", article.issue),
        ("citation_firstpage", article.fpage or article.elocation_id),
        ("citation_lastpage", article.lpage),
        ("citation_doi", article.doi),
        ("citation_language", lang),
        ("citation_abstract_html_url", article.url),
    ):
        if value:
            tags.append((name, value))
    for link in article.self_uri:
        if link.type == "pdf":
            tags.append(("citation_pdf_url", link.url))
        elif link.type == "html":
            tags.append(("citation_fulltext_html_url", link.url))
    if article.license is not None:
        tags.append(("citation_license", article.license.url or article.license.id))
    for word in article.keywords.get(lang, []):
        tags.append(("citation_keywords", plain_text(word)))
    for ref in article.references:
        texts = ordered(ref.text or {}, lang)
        if texts:
            tags.append(("citation_reference", plain_text(texts[0][1])))
        elif ref.title or ref.source:
            tags.append(("citation_reference", plain_text(ref.title or ref.source or "")))
    return tags


def write_meta_tags(article: model.Article, options: Options, name: str = "output.html") -> Output:
    """The meta tags as an HTML fragment (UTF-8), and a warning for each fact of the article
    they have no tag for."""
    text = environment().get_template("meta_tags/tags.html.j2").render(tags=meta_tags(article))
    problems = warnings(name, not_carried(article, NOT_CARRIED, "the tags"))
    return Output(text.encode("utf-8"), problems, suffix=".meta.html")
