"""What a preview page shows, read from any JATS 1.0–1.4 (or NLM 2.3/3.0) article element.

The view is read from the XML itself, not from the converter's article model, so the page shows
what a file really holds — whoever wrote it — including the forms the model has no field for
(``string-name``, NLM ``citation``, ``trans-abstract``, ``pub-type`` dates). Each shown part
remembers the element path it came from (the path ``jatsconv check`` gives its findings), so a
finding can be shown beside the part it concerns.
"""

from __future__ import annotations

from lxml import etree
from markupsafe import Markup, escape

from converter.checks.base import Doc, Finding
from converter.identifiers import normalize_doi
from converter.licenses import licence_use, spdx_from_url
from converter.preview.inline import doi_url, link, plain, render_inline, safe_url
from converter.preview.model import (
    Abstract,
    AffForm,
    Affiliation,
    ArticleView,
    CitationForm,
    Contributor,
    IssueTitle,
    Journal,
    LangColumn,
    License,
    PersonName,
    Reference,
    RelatedArticle,
    Spot,
)
from converter.preview.parts import (
    aff_html,
    aff_ids,
    blocks,
    citation_fields,
    date_text,
    person_name,
)
from converter.scripts import has_cyrillic
from converter.xmlns import (
    ALI_LICENSE_REF,
    XLINK_HREF,
    XML_LANG,
    lang_in_effect,
    local_name,
    statement_field,
)

_DATE_LABELS = {
    "epub": "Published online",
    "ppub": "Published in print",
    "epub-ppub": "Published",
    "collection": "Issue",
    "received": "Received",
    "rev-recd": "Revised",
    "rev-request": "Revision requested",
    "accepted": "Accepted",
    "corrected": "Corrected",
    "retracted": "Retracted",
    "preprint": "Preprint",
}
# What the other article is to this one, as a publisher's page says it ("Corrects: …"), by
# related-article-type; another type is shown as written.
_RELATED_LABELS = {
    "corrected-article": "Corrects",
    "correction-forward": "Corrected by",
    "retracted-article": "Retracts",
    "partial-retraction": "Partly retracts",
    "retraction-forward": "Retracted by",
    "object-of-concern": "Expression of concern about",
    "addended-article": "Addendum to",
    "addendum": "Addendum",
    "commentary-article": "Comments on",
    "commentary": "Commentary",
    "letter": "Letter",
    "companion": "Companion article",
    "article-reference": "Related article",
    "republished-article": "Republished article",
    "preprint": "Preprint",
    "published-article": "Published as",
}
# The ties that change how an article is read: the page shows them as a notice.
_NOTICES = frozenset(
    {"corrected-article", "correction-forward", "retracted-article", "partial-retraction",
     "retraction-forward", "object-of-concern"}
)  # fmt: skip
# Where the other article is, by related-article's attributes, when no text says it.
_RELATED_PLACES = (("Vol.", "vol"), ("No.", "issue"), ("p.", "page"), ("article", "elocation-id"))
_MEMBERS = frozenset({"contrib-group"})  # a group author's members, listed apart
_CITATIONS = frozenset({"mixed-citation", "element-citation", "citation", "nlm-citation"})
_LANG_NAMES: dict[str, str] = {}


def language_label(lang: str) -> str:
    """'ru' → 'Russian (ru)'; the code alone when the language is unknown."""
    if lang not in _LANG_NAMES:
        import pycountry

        primary = lang.split("-")[0]
        found = (
            pycountry.languages.get(alpha_2=primary)
            if len(primary) == 2
            else pycountry.languages.get(alpha_3=primary)
        )
        _LANG_NAMES[lang] = f"{found.name} ({lang})" if found is not None else lang
    return _LANG_NAMES[lang]


class _Reader:
    """Builds the view of one ``article`` element, registering every spot by its path."""

    def __init__(self, article: etree._Element) -> None:
        self.article = article
        self.doc = Doc(article.getroottree())
        self.spots: dict[str, Spot] = {}
        self.lang = (article.get(XML_LANG) or "en").lower()

    def spot(self, element: etree._Element) -> Spot:
        path = self.doc.path(element)
        found = self.spots.get(path)
        if found is None:
            found = self.spots[path] = Spot(path)
        return found

    def find(self, element: etree._Element | None, *names: str) -> etree._Element | None:
        if element is None:
            return None
        for child in element:
            if local_name(child) in names:
                return child
        return None

    def all(self, element: etree._Element | None, *names: str) -> list[etree._Element]:
        if element is None:
            return []
        return [child for child in element if local_name(child) in names]

    def lang_of(self, element: etree._Element) -> str:
        return lang_in_effect(element, self.lang)

    # ------------------------------------------------------------------ the whole article

    def read(self) -> ArticleView:
        front = self.find(self.article, "front")
        meta = self.find(front, "article-meta")
        journal_meta = self.find(front, "journal-meta")
        general = self.spot(meta if meta is not None else self.article)
        self.spots.setdefault(self.doc.path(self.article), general)
        columns: dict[str, LangColumn] = {}

        def column(lang: str) -> LangColumn:
            if lang not in columns:
                columns[lang] = LangColumn(lang, language_label(lang))
            return columns[lang]

        column(self.lang)
        self._titles(meta, column)
        self._abstracts(meta, column)
        self._keywords(meta, column)
        sections = self._sections(meta)
        for lang, text in sections:
            column(lang or self.lang).section = text
        affiliations, aff_marks = self._affiliations(meta)
        contributors = self._contributors(meta, aff_marks, affiliations)
        doi = self._article_id(meta, "doi")
        volume = plain(self.find(meta, "volume")) or None
        issue = plain(self.find(meta, "issue")) or None
        ref_title, references = self._references()
        view = ArticleView(
            lang=self.lang,
            article_type=self.article.get("article-type"),
            dtd_version=self.article.get("dtd-version"),
            journal=self._journal(journal_meta),
            doi=doi,
            doi_url=doi_url(doi) if doi else None,
            other_ids=[
                (el.get("pub-id-type") or "id", plain(el))
                for el in self.all(meta, "article-id")
                if (el.get("pub-id-type") or "").lower() != "doi"
            ],
            volume=volume,
            issue=issue,
            pages=self._pages(meta),
            sections=sections,
            dates=self._dates(meta),
            license=self._license(meta),
            links=self._links(meta),
            columns=[c for c in columns.values() if c.title or c.abstracts or c.keywords]
            or [column(self.lang)],
            contributors=contributors,
            affiliations=affiliations,
            funding=self._funding(meta),
            ref_title=ref_title,
            references=references,
            general=general,
            issue_titles=self._issue_titles(meta),
            issue_ids=self._issue_ids(meta),
            related=[self._related(el) for el in self.all(meta, "related-article")],
            statements=self._statements(meta),
            versions=self._versions(meta),
        )
        return view

    # ------------------------------------------------------------------ journal and citation

    def _journal(self, meta: etree._Element | None) -> Journal | None:
        if meta is None:
            return None
        groups = self.all(meta, "journal-title-group") or [meta]
        titles: list[tuple[str | None, str]] = []
        abbrev = None
        for group in groups:
            for title in self.all(group, "journal-title"):
                titles.append((title.get(XML_LANG), plain(title)))
            for trans in self.all(group, "trans-title-group"):
                for title in self.all(trans, "trans-title"):
                    titles.append((trans.get(XML_LANG) or title.get(XML_LANG), plain(title)))
            for title in self.all(group, "trans-title"):
                titles.append((title.get(XML_LANG), plain(title)))
            found = self.find(group, "abbrev-journal-title")
            if found is not None and abbrev is None:
                abbrev = plain(found)
        issns = []
        for issn in self.all(meta, "issn"):
            kind = (issn.get("publication-format") or issn.get("pub-type") or "").lower()
            label = {"print": "Print", "ppub": "Print", "electronic": "Online", "epub": "Online"}
            issns.append((label.get(kind, "ISSN"), plain(issn)))
        for issn in self.all(meta, "issn-l"):
            issns.append(("Linking", plain(issn)))
        publisher = self.find(meta, "publisher")
        names = [plain(el) for el in self.all(publisher, "publisher-name")]
        location = plain(self.find(publisher, "publisher-loc")) or None
        return Journal(titles, abbrev, issns, names, location, self.spot(meta))

    def _article_id(self, meta: etree._Element | None, kind: str) -> str | None:
        for el in self.all(meta, "article-id"):
            if (el.get("pub-id-type") or "").lower() == kind:
                return plain(el)
        return None

    def _pages(self, meta: etree._Element | None) -> str | None:
        """The pages as deposited: a page-range (pages that are not one range, "110-115,
        120-124") says more than its first and last page."""
        page_range = plain(self.find(meta, "page-range"))
        if page_range:
            return page_range
        first = plain(self.find(meta, "fpage"))
        last = plain(self.find(meta, "lpage"))
        if first:
            return f"{first}–{last}" if last and last != first else first
        eloc = plain(self.find(meta, "elocation-id"))
        return f"article {eloc}" if eloc else None

    def _issue_titles(self, meta: etree._Element | None) -> list[IssueTitle]:
        """The issue's title in each language: ``issue-title`` elements (several, one per
        language, before JATS 1.3) and ``issue-title-group`` with its translations."""
        found: list[IssueTitle] = []
        for el in self.all(meta, "issue-title"):
            found.append(IssueTitle(self.lang_of(el), render_inline(el), self.spot(el)))
        for group in self.all(meta, "issue-title-group"):
            title = self.find(group, "issue-title")
            if title is not None:
                html = self._with_subtitle(title, self.find(group, "issue-subtitle"))
                found.append(IssueTitle(self.lang_of(title), html, self.spot(title)))
            for trans in self.all(group, "trans-title-group"):
                title = self.find(trans, "trans-title")
                if title is not None:
                    html = self._with_subtitle(title, self.find(trans, "trans-subtitle"))
                    found.append(IssueTitle(self.lang_of(title), html, self.spot(title)))
        return [title for title in found if title.html]

    def _with_subtitle(self, title: etree._Element, subtitle: etree._Element | None) -> Markup:
        html = render_inline(title)
        return Markup("{}: {}").format(html, render_inline(subtitle)) if plain(subtitle) else html

    def _related(self, el: etree._Element) -> RelatedArticle:
        """A ``related-article``: what it is to this article, its text and its link (a DOI as
        a doi.org link; another address only when the page may link to it)."""
        kind = (el.get("related-article-type") or "").strip()
        href = (el.get(XLINK_HREF) or "").strip()
        link_type = (el.get("ext-link-type") or "").strip().lower()
        target = None
        if href:
            doi = _doi_address(href) if link_type in ("doi", "") else None
            if doi is not None:
                target = link(doi, doi)
            elif safe_url(href):
                target = link(href, href)
            else:  # a PubMed id, or an address no page may link to (javascript:): its text
                target = escape(f"{link_type.upper()} {href}" if link_type else href)
        parts = [
            f"{label} {value}"
            for label, attribute in _RELATED_PLACES
            if (value := " ".join((el.get(attribute) or "").split()))
        ]
        citation = render_inline(el, links=True) if plain(el) else None
        stated = el.get(XML_LANG)
        return RelatedArticle(
            label=_RELATED_LABELS.get(kind) or kind.replace("-", " ").capitalize() or "Related",
            kind=kind,
            notice=kind in _NOTICES,
            lang=stated.lower() if stated else None,
            citation=citation,
            link=target,
            details=None if citation else ", ".join(parts) or None,
            spot=self.spot(el),
        )

    def _versions(self, meta: etree._Element | None) -> list[str]:
        """``article-version``, alone or among ``article-version-alternatives``: a status
        ('preprint', as the converter writes it for a preprint) as it is, another
        type before its value ('version: 2')."""
        shown = []
        for group in self.all(meta, "article-version", "article-version-alternatives"):
            for el in group.iter("{*}article-version", "article-version"):
                text, kind = plain(el), (el.get("article-version-type") or "").strip()
                if text:
                    shown.append(text if kind in ("", "status") else f"{kind}: {text}")
        return list(dict.fromkeys(shown))

    def _sections(self, meta: etree._Element | None) -> list[tuple[str | None, str]]:
        found = []
        categories = self.find(meta, "article-categories")
        for group in self.all(categories, "subj-group"):
            kind = (group.get("subj-group-type") or "heading").lower()
            if kind not in ("heading", "display-channel", "toc-heading"):
                continue
            lang = group.get(XML_LANG, "").lower() or None
            for subject in self.all(group, "subject"):
                found.append((lang, plain(subject)))
        return found

    def _dates(self, meta: etree._Element | None) -> list[tuple[str, str, Spot]]:
        dates = []
        for el in self.all(meta, "pub-date", "pub-date-not-available"):
            kind = (el.get("pub-type") or el.get("date-type") or "pub").lower()
            form = (el.get("publication-format") or "").lower()
            if kind == "pub":
                label = {"print": "Published in print", "electronic": "Published online"}.get(
                    form, "Published"
                )
            else:
                label = _DATE_LABELS.get(kind, kind.replace("-", " ").capitalize())
            dates.append((label, date_text(el), self.spot(el)))
        for el in self.all(self.find(meta, "history"), "date"):
            kind = (el.get("date-type") or "date").lower()
            label = _DATE_LABELS.get(kind, kind.replace("-", " ").capitalize())
            dates.append((label, date_text(el), self.spot(el)))
        return dates

    def _license(self, meta: etree._Element | None) -> License | None:
        permissions = self.find(meta, "permissions")
        if permissions is None:
            return None
        copyright_parts = [
            plain(el) for el in self.all(permissions, "copyright-statement") if plain(el)
        ]
        if not copyright_parts:
            year = plain(self.find(permissions, "copyright-year"))
            holder = plain(self.find(permissions, "copyright-holder"))
            if year or holder:
                copyright_parts.append(f"© {holder} {year}".replace("  ", " ").strip())
        # the article's licence: not one marked for text mining, the accepted manuscript or
        # article sharing (a record may give only those: then the first of them, as written)
        licences = self.all(permissions, "license")
        license_el = next(
            (el for el in licences if not licence_use(el)),
            licences[0] if licences else None,
        )
        url = None
        text: list[Markup] = []
        badge = "Copyright"
        if license_el is not None:
            ref = next((el for el in license_el.iter(ALI_LICENSE_REF, "{*}license_ref")), None)
            url = license_el.get(XLINK_HREF) or (plain(ref) if ref is not None else None)
            text = [render_inline(p) for p in self.all(license_el, "license-p", "p")]
            spdx = spdx_from_url(url) if url else None
            if spdx:
                badge = spdx.replace("-", " ").replace("CC0 1.0", "CC0 1.0")
            elif (license_el.get("license-type") or "").lower() in ("open-access", "open"):
                badge = "Open access"
            else:
                badge = "Licence"
        return License(badge, url, text, copyright_parts, self.spot(permissions))

    def _issue_ids(self, meta: etree._Element | None) -> list[tuple[str, str, str | None]]:
        """The issue's ids as rows (label, text, address): its DOI, linked at doi.org, the
        issue's page the DOI links to, and its other ids."""
        rows: list[tuple[str, str, str | None]] = []
        for el in self.all(meta, "issue-id"):
            kind, value = el.get("pub-id-type") or "id", plain(el)
            if kind.lower() != "doi":
                rows.append((f"Issue {kind}", value, None))
                continue
            rows.append(("Issue DOI", value, doi_url(value)))
            if page := el.get(XLINK_HREF):
                rows.append(("Issue page", page, page))
        return rows

    def _links(self, meta: etree._Element | None) -> list[tuple[str, str]]:
        links = []
        for el in self.all(meta, "self-uri"):
            url = el.get(XLINK_HREF) or plain(el)
            kind = el.get("content-type") or "link"
            label = {"pdf": "PDF", "landing-page": "Article page", "html": "HTML"}.get(kind, kind)
            links.append((label, url))
        return links

    def _funding(self, meta: etree._Element | None) -> list[Markup]:
        lines: list[Markup] = []
        for group in self.all(meta, "funding-group"):
            for award in self.all(group, "award-group"):
                sources = [_funder(el) for el in award.iter("{*}funding-source", "funding-source")]
                ids = [plain(el) for el in self.all(award, "award-id")]
                line = Markup("; ").join(source for source in sources if source)
                if ids:
                    line += f" (award {', '.join(ids)})"  # (escaped by Markup's +)
                lines.append(line)
            for statement in self.all(group, "funding-statement"):
                lines.append(escape(plain(statement)))
        return [line for line in lines if line]

    def _statements(self, meta: etree._Element | None) -> list[tuple[str, str, str]]:
        """The article's statements where JATS (and JATS4R) puts them: a coi-statement (or
        older conflict) footnote in the author notes, ``<ack>`` and a data-availability
        section or notes in the back matter; each shown with its language, its heading left
        out (the row names it)."""
        found: list[tuple[str, etree._Element]] = []
        for notes in self.all(meta, "author-notes"):
            for fn in self.all(notes, "fn"):
                if statement_field(fn) == "competing_interests":
                    found.append(("Competing interests", fn))
        back = self.find(self.article, "back")
        for child in back.iter("{*}*", "*") if back is not None else []:
            name = local_name(child)
            kind = statement_field(child) if name in ("fn", "sec", "notes") else None
            if name == "ack" and child.getparent() is back:
                found.append(("Acknowledgements", child))
            elif name in ("sec", "notes") and kind == "data_availability":
                found.append(("Data availability", child))  # (eLife nests it in a section)
            elif name == "fn" and kind == "competing_interests":
                found.append(("Competing interests", child))  # (PMC, eLife: a back fn-group)
        rows = []
        for label, element in found:
            paragraphs = [plain(p) for p in element.iter("{*}p", "p")]
            text = " ".join(p for p in paragraphs if p)
            if text:
                rows.append((label, self.lang_of(element), text))
        return rows

    # ------------------------------------------------------------------ per language

    def _titles(self, meta, column) -> None:  # type: ignore[no-untyped-def]
        group = self.find(meta, "title-group")
        if group is None:
            return
        title = self.find(group, "article-title")
        if title is not None:
            col = column(title.get(XML_LANG, "").lower() or self.lang)
            col.title, col.title_spot = render_inline(title), self.spot(title)
        subtitle = self.find(group, "subtitle")
        if subtitle is not None:
            column(subtitle.get(XML_LANG, "").lower() or self.lang).subtitle = render_inline(
                subtitle
            )
        for trans in self.all(group, "trans-title-group"):
            lang = self.lang_of(trans)
            found = self.find(trans, "trans-title")
            if found is not None:
                col = column(lang)
                col.title, col.title_spot = render_inline(found), self.spot(found)
            found = self.find(trans, "trans-subtitle")
            if found is not None:
                column(lang).subtitle = render_inline(found)
        for found in self.all(group, "trans-title"):  # NLM 2.3: directly in title-group
            col = column(self.lang_of(found))
            col.title, col.title_spot = render_inline(found), self.spot(found)

    def _abstracts(self, meta, column) -> None:  # type: ignore[no-untyped-def]
        for el in self.all(meta, "abstract", "trans-abstract"):
            kind = el.get("abstract-type")
            column(self.lang_of(el)).abstracts.append(Abstract(kind, blocks(el), self.spot(el)))

    def _keywords(self, meta, column) -> None:  # type: ignore[no-untyped-def]
        for group in self.all(meta, "kwd-group"):
            words = [render_inline(k) for k in group.iter("{*}kwd", "kwd")]
            kind = (group.get("kwd-group-type") or "").replace("-", " ")
            kind = None if kind in ("", "author", "author keywords", "author-generated") else kind
            column(self.lang_of(group)).keywords.append((words, self.spot(group), kind))

    # ------------------------------------------------------------------ people

    def _affiliations(
        self, meta: etree._Element | None
    ) -> tuple[list[Affiliation], dict[str, int]]:
        found: list[Affiliation] = []
        marks: dict[str, int] = {}
        if meta is None:
            return found, marks
        places = [meta, *self.all(meta, "contrib-group")]
        for place in places:
            for el in self.all(place, "aff", "aff-alternatives"):
                found.append(self._affiliation(el, len(found) + 1))
        for item in found:
            if item.id:
                marks[item.id] = item.mark
        return found, marks

    def _affiliation(self, el: etree._Element, mark: int) -> Affiliation:
        if local_name(el) == "aff-alternatives":
            forms = [
                AffForm(self.lang_of(aff), aff_html(aff), aff_ids(aff))
                for aff in self.all(el, "aff")
            ]
        else:
            forms = [AffForm(el.get(XML_LANG), aff_html(el), aff_ids(el))]
        return Affiliation(mark, el.get("id"), forms, self.spot(el))

    def _contributors(
        self,
        meta: etree._Element | None,
        marks: dict[str, int],
        affiliations: list[Affiliation],
    ) -> list[Contributor]:
        people = []
        for group in self.all(meta, "contrib-group"):
            for el in self.all(group, "contrib"):
                names: list[PersonName] = []
                alternatives = self.find(el, "name-alternatives")
                for name in self.all(alternatives if alternatives is not None else el,
                                     "name", "string-name"):  # fmt: skip
                    text = person_name(name)
                    script = "Cyrillic" if has_cyrillic(text) else "Latin" if text else ""
                    lang = name.get(XML_LANG)
                    names.append(PersonName(lang.lower() if lang else None, text, script))
                collab = self.find(el, "collab")
                orcid = None
                for cid in self.all(el, "contrib-id"):
                    if (cid.get("contrib-id-type") or "").lower() == "orcid":
                        orcid = plain(cid)
                orcid_url = None
                if orcid:
                    bare = orcid.rsplit("/", 1)[-1]
                    orcid_url = f"https://orcid.org/{bare}"
                corresponding = (el.get("corresp") or "").lower() == "yes" or any(
                    (x.get("ref-type") or "") == "corresp" for x in self.all(el, "xref")
                )
                own_marks = []
                for xref in self.all(el, "xref"):
                    if xref.get("ref-type") == "aff":
                        for rid in (xref.get("rid") or "").split():
                            if rid in marks:
                                own_marks.append(marks[rid])
                for aff in self.all(el, "aff", "aff-alternatives"):  # inline in the contrib
                    item = self._affiliation(aff, len(affiliations) + 1)
                    affiliations.append(item)
                    own_marks.append(item.mark)
                email = plain(self.find(el, "email")) or None
                roles = [plain(r) for r in self.all(el, "role") if plain(r)]
                people.append(
                    Contributor(
                        role=el.get("contrib-type") or "author",
                        names=names,
                        collab=render_inline(collab, skip=_MEMBERS) if collab is not None else None,
                        members=[
                            person_name(name)
                            for group in self.all(collab, "contrib-group")
                            for member in self.all(group, "contrib")
                            for name in self.all(member, "name", "string-name")[:1]
                        ],
                        orcid=orcid,
                        orcid_url=orcid_url,
                        corresponding=corresponding,
                        email=email,
                        aff_marks=own_marks,
                        roles=roles,
                        spot=self.spot(el),
                    )
                )
        return people

    # ------------------------------------------------------------------ references

    def _references(self) -> tuple[str | None, list[Reference]]:
        back = self.find(self.article, "back")
        if back is None:
            return None, []
        title = None
        refs: list[Reference] = []
        for ref_list in back.iter("{*}ref-list", "ref-list"):
            if title is None:
                title = plain(self.find(ref_list, "title")) or None
            for ref in self.all(ref_list, "ref"):
                forms = []
                for el in ref:
                    name = local_name(el)
                    if name == "citation-alternatives":
                        forms.extend(self._citation(c) for c in el if local_name(c) in _CITATIONS)
                    elif name in _CITATIONS:
                        forms.append(self._citation(el))
                label = plain(self.find(ref, "label")) or None
                refs.append(Reference(len(refs) + 1, label, ref.get("id"), forms, self.spot(ref)))
        return title, refs

    def _citation(self, el: etree._Element) -> CitationForm:
        kind = local_name(el)
        lang = el.get(XML_LANG)
        fields = citation_fields(el)
        text = None if kind == "element-citation" else render_inline(el, links=True)
        pub_type = el.get("publication-type") or el.get("citation-type")
        return CitationForm(
            kind, lang.lower() if lang else None, text, fields, pub_type, self.spot(el)
        )


def _doi_address(href: str) -> str | None:
    """The doi.org address of a link that is a DOI as written (bare, ``doi:…`` or a doi.org
    address), else None: a DOI found inside other text is no DOI link."""
    try:
        return f"https://doi.org/{normalize_doi(href)}"
    except ValueError:
        return None


def build_view(article: etree._Element, findings: list[Finding] | None = None) -> ArticleView:
    """The view of one ``article`` element, with ``findings`` placed beside their elements."""
    reader = _Reader(article)
    view = reader.read()
    for finding in findings or []:
        _place(finding, reader.spots, view)
    return view


def _place(finding: Finding, spots: dict[str, Spot], view: ArticleView) -> None:
    """Attach a finding to the deepest shown part whose element contains the finding's one."""
    view.findings.append(finding)
    path = finding.path
    while path:
        spot = spots.get(path)
        if spot is not None:
            spot.findings.append(finding)
            return
        path = path.rsplit("/", 1)[0]
    view.general.findings.append(finding)


def articles_of(root: etree._Element) -> list[etree._Element]:
    """The article elements of a document: the root, or the outermost ones of a wrapper."""
    if local_name(root) == "article":
        return [root]
    return [
        el
        for el in root.iter("{*}article", "article")
        if not any(local_name(a) == "article" for a in el.iterancestors())
    ]


def _funder(source: etree._Element) -> Markup:
    """A funder by its name, its ids beside it (a Funder Registry DOI a doi.org link): the
    ``institution-id`` is no part of the name, as in an affiliation (``aff_html``); until 4
    December 2026 it was run into it, ``10.13039/501100006769Russian Science Foundation``."""
    name = aff_html(source)
    ids = []
    for el in source.iter("{*}institution-id", "institution-id"):
        value = plain(el)
        target = value if value.startswith("http") else doi_url(value)
        if value:
            ids.append(Markup('<span class="aff-id">{}</span>').format(link(target, value)))
    return Markup(" ").join([name, *ids]) if name else Markup(" ").join(ids)
