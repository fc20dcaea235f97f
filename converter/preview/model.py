"""The preview's view of an article: plain records the page template reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from converter.checks.base import Finding


@dataclass(slots=True)
class Spot:
    """A place on the page that check findings can be shown beside."""

    path: str
    findings: list[Finding] = field(default_factory=list)


@dataclass(slots=True)
class Block:
    """A paragraph or heading of an abstract."""

    kind: str  # "p" or "h"
    html: Markup


@dataclass(slots=True)
class Abstract:
    kind: str | None  # abstract-type, when not a plain abstract
    blocks: list[Block]
    spot: Spot


@dataclass(slots=True)
class LangColumn:
    """Everything of the article in one language: title, subtitle, abstracts, keywords."""

    lang: str
    label: str
    title: Markup | None = None
    title_spot: Spot | None = None
    subtitle: Markup | None = None
    abstracts: list[Abstract] = field(default_factory=list)
    keywords: list[tuple[list[Markup], Spot, str | None]] = field(default_factory=list)
    section: str | None = None


@dataclass(slots=True)
class PersonName:
    lang: str | None
    text: str
    script: str  # "Cyrillic", "Latin" or ""


@dataclass(slots=True)
class Contributor:
    role: str
    names: list[PersonName]
    collab: Markup | None
    members: list[str]  # of a group author (collab/contrib-group)
    orcid: str | None
    orcid_url: str | None
    corresponding: bool
    email: str | None
    aff_marks: list[int]
    roles: list[str]
    spot: Spot


@dataclass(slots=True)
class AffForm:
    lang: str | None
    html: Markup  # the line as renderers show it
    ids: list[Markup]  # its institution ids, shown after the line


@dataclass(slots=True)
class Affiliation:
    mark: int
    id: str | None
    forms: list[AffForm]
    spot: Spot


@dataclass(slots=True)
class CitationForm:
    kind: str  # mixed-citation, element-citation, citation …
    lang: str | None
    html: Markup | None  # the text as written (None for a purely structured citation)
    fields: list[tuple[str, Markup]]
    pub_type: str | None
    spot: Spot


@dataclass(slots=True)
class Reference:
    number: int
    label: str | None
    id: str | None
    forms: list[CitationForm]
    spot: Spot


@dataclass(slots=True)
class Journal:
    titles: list[tuple[str | None, str]]
    abbrev: str | None
    issns: list[tuple[str, str]]
    publishers: list[str]
    location: str | None
    spot: Spot


@dataclass(slots=True)
class License:
    badge: str
    url: str | None
    text: list[Markup]
    copyright: list[str]
    spot: Spot


@dataclass(slots=True)
class IssueTitle:
    """The title of the issue in one language (a themed or special issue)."""

    lang: str
    html: Markup
    spot: Spot


@dataclass(slots=True)
class RelatedArticle:
    """Another article this one is tied to: the article a correction corrects, the notice that
    retracts this one … ``label`` says what it is to this one ("Corrects"); ``notice`` marks
    the ties that change how the article is read (corrections, retractions, concerns), which
    the page shows as a notice."""

    label: str
    kind: str
    notice: bool
    lang: str | None
    citation: Markup | None
    link: Markup | None  # to its DOI (or another address the page may link to), else the text
    details: str | None  # volume, issue and page, when no citation text says them
    spot: Spot


@dataclass(slots=True)
class ArticleView:
    """One article as the preview page shows it."""

    lang: str
    article_type: str | None
    dtd_version: str | None
    journal: Journal | None
    doi: str | None
    doi_url: str | None
    other_ids: list[tuple[str, str]]
    volume: str | None
    issue: str | None
    pages: str | None
    sections: list[tuple[str | None, str]]
    dates: list[tuple[str, str, Spot]]
    license: License | None
    links: list[tuple[str, str]]
    columns: list[LangColumn]
    contributors: list[Contributor]
    affiliations: list[Affiliation]
    funding: list[Markup]  # each funder's name with its ids as links beside it
    ref_title: str | None
    references: list[Reference]
    general: Spot  # findings about the article as a whole (something missing)
    issue_titles: list[IssueTitle] = field(default_factory=list)
    issue_ids: list[tuple[str, str, str | None]] = field(default_factory=list)
    related: list[RelatedArticle] = field(default_factory=list)
    # the article's versions as article-version gives them ('preprint'; 'version: 2')
    versions: list[str] = field(default_factory=list)
    # acknowledgements, competing interests, data availability: (label, xml:lang, text)
    statements: list[tuple[str, str, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def main_issue_title(self) -> IssueTitle | None:
        """The issue's title in the article's language, else the first given."""
        for title in self.issue_titles:
            if title.lang == self.lang:
                return title
        return self.issue_titles[0] if self.issue_titles else None

    @property
    def cited_pages(self) -> str | None:
        """The pages as the citation line shows them: 'p. 180' for one page, 'pp. 110–124'
        (or 'pp. 110-115, 120-124') for more, 'article e1001' for an article number."""
        if not self.pages or self.pages.startswith("article"):
            return self.pages
        one_page = not any(mark in self.pages for mark in "-–,")
        return f"{'p.' if one_page else 'pp.'} {self.pages}"

    @property
    def main_title(self) -> str:
        for column in self.columns:
            if column.title:
                return str(column.title.striptags())
        return "Untitled article"

    def languages(self) -> list[str]:
        return [c.lang for c in self.columns]
