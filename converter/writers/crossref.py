"""Crossref deposit XML (schema 5.3.1) for one article, from the same model as the JATS.

What Crossref needs that the article file may not hold is reported as a problem naming the
field (depositor, landing page URL) rather than guessed. The head's ``timestamp`` must grow from
one deposit of a DOI to the next: the last one is kept in the user cache (``state/``), and a
run never reuses or goes below it, even when the clock is behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import re
import unicodedata
from typing import Any

import pycountry

from converter import funder_names, future_dates, model, relations
from converter.atomic import write_atomic
from converter.config import config_path, load_config, state_dir, state_error
from converter.errors import InputError
from converter.inline import (
    Node,
    link_identifiers,
    link_spans,
    may_link,
    parse_inline,
    plain_text,
    without_addresses,
)
from converter.options import Options, Output
from converter.scripts import has_cyrillic
from converter.text import split_reference_author
from converter.translit import SCHEMES as RUSSIAN_SCHEMES
from converter.translit import NoScheme, scheme_for, transliterate
from converter.validation import Problem
from converter.writers import crossref_limits as limits
from converter.writers.common import (
    environment,
    first_language,
    iso_date_parts,
    ordered,
    serialize_xml,
    xsd_problems,
)

_ROLES = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "reviewer": "reviewer",
    "compiler": "editor",
}


# The uses of a licence other than the article's that Crossref's AccessIndicators (5.3.1) has
# an applies_to for: text mining and the accepted manuscript ("stm-asf" came with 5.4). What
# else an article gives that the deposit does not carry is said in a warning when given
# (``crossref_warnings``); the fields Crossref has no place for (keywords, the copyright …) are
# listed in the README instead, see tests/test_output_audit.py.
DEPOSITED_USES = frozenset({"tdm", "am"})


# ------------------------------------------------------------------ head


def next_timestamp(now: dt.datetime | None = None) -> int:
    """A deposit timestamp (YYYYMMDDhhmmssfff, UTC) greater than any this user made before.

    The last value is kept in ``$XDG_CACHE_HOME/jats-converter/state/crossref-timestamp``,
    updated under a file lock so that parallel conversions never hand out the same value. A
    state folder that cannot be written (a service account's home) raises ``OutputError``.
    """
    now = now or dt.datetime.now(dt.UTC)
    candidate = int(now.strftime("%Y%m%d%H%M%S") + f"{now.microsecond // 1000:03d}")
    folder = state_dir()
    path = folder / "crossref-timestamp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / "crossref-timestamp.lock", "a+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                last = 0
                with contextlib.suppress(FileNotFoundError, ValueError):
                    last = int(path.read_text(encoding="ascii").strip() or 0)
                value = max(candidate, last + 1)
                write_atomic(path, f"{value}\n".encode("ascii"))
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
    except OSError as exc:
        raise state_error(exc, "keep the last Crossref deposit timestamp") from None
    return value


def depositor(journal: model.Journal) -> model.Crossref | None:
    """The depositor and registrant: the journal file's ``crossref``, else the config file's."""
    if journal.crossref is not None:
        return journal.crossref
    section = load_config().get("crossref", {})
    keys = ("depositor_name", "depositor_email", "registrant")
    if all(section.get(k) for k in keys):
        policy = section.get("crossmark_policy")
        try:
            return model.Crossref(
                **{k: str(section[k]) for k in keys},
                crossmark_policy=str(policy) if policy else None,
            )
        except ValueError:  # the policy page's DOI, as the model reads it
            problem = f"crossref.crossmark_policy: {policy!r} is not a DOI (10.prefix/suffix)"
            raise InputError(str(config_path()), [problem]) from None
    return None


# ------------------------------------------------------------------ the view


def _name_parts(name: model.PersonName) -> dict[str, str | None]:
    """Crossref needs a surname: a given-only name (a mononym) goes there."""
    if name.surname:
        return {"surname": name.surname, "given": name.given, "suffix": name.suffix}
    return {"surname": name.given, "given": None, "suffix": name.suffix}


class _View:
    def __init__(self, article: model.Article, head: dict[str, Any]):
        journal = article.journal
        assert isinstance(journal, model.Journal), "article.journal must be resolved"
        self.a = article
        self.j = journal
        self.head = head
        self.lang = crossref_language(article.language)
        # a preprint is registered as posted content, not as a journal article
        self.posted = article.is_preprint()
        # what the deposit leaves out, past a limit of Crossref's schema: field → why
        self.left_out: dict[str, str] = {}

    def _fitting(self, value: str | None, limit: limits.Limit, field: str) -> str | None:
        """``value`` when Crossref's schema takes it; else None, the field noted as left out."""
        why = limit.breach(value) if value is not None else None
        if why is None:
            return value
        self.left_out[field] = why
        return None

    def journal_titles(self) -> list[str]:
        """The journal's titles in the journal file's order: Crossref checks the first
        full_title against the title it holds for the ISSN, so the file decides which."""
        return list(self.j.title.values())[:10]

    def abbrev_title(self) -> str | None:
        return self._fitting(self.j.abbrev_title, limits.ABBREV_TITLE, "journal.abbrev_title")

    def issns(self) -> list[tuple[str, str]]:
        """The journal's ISSNs with their media type; one ISSN given as both print and
        electronic is written once (as electronic, as the readers keep it), since DOAJ, which
        also takes Crossref XML, refuses an article whose two ISSNs are identical."""
        issn = self.j.issn
        pairs = [("print", issn.print_apart), ("electronic", issn.electronic)]
        return [(kind, value) for kind, value in pairs if value]

    def issue_date(self) -> dict[str, Any] | None:
        p = self.a.published
        if p.collection:
            media, value = ("print" if self.j.issn.print_apart else "online"), p.collection
        elif p.print:
            media, value = "print", p.print
        elif p.electronic:
            media, value = "online", p.electronic
        else:
            return None
        return {"media": media, **iso_date_parts(value)}

    def pages(self) -> dict[str, str | None] | None:
        """first_page, last_page and other_pages. Crossref wants the first range of pages that
        are not one range in the first two and the rest in other_pages (at most 100
        characters: longer, it is left out, said by ``crossref_warnings``)."""
        a = self.a
        if not a.fpage:
            return None
        pages: dict[str, str | None] = {"first": a.fpage, "last": a.lpage, "other": None}
        items = model.page_list(a.page_range) if a.page_range else None
        if items and len(items) > 1:
            pages["last"] = model.full_last_page(items[0][0], items[0][1])  # (1210-19: 1219)
            pages["other"] = other_pages(a.page_range or "")
        return pages

    def titles(self) -> list[dict[str, Any]]:
        """One ``titles`` block per language, the article's own language first.

        Crossref keeps ``original_language_title`` for translations; an article published
        with titles in several languages registers a ``titles`` per language instead
        (journal_article takes up to 20), and the first is the one Crossref shows."""
        a = self.a
        return [
            {"title": title, "subtitle": a.subtitle.get(lang)}
            for lang, title in ordered(a.title, a.language)
        ][:20]

    def group_title(self) -> str | None:
        """A preprint's group (posted_content ``group_title``: the server's subject area, as
        bioRxiv's "Neuroscience"): the article's section, in its own language first."""
        if not self.a.section:
            return None
        # (in the article's language, as its title: a reader takes it as the record's)
        lang, text = ordered(self.a.section, self.a.language)[0]
        return self._fitting(plain_text(text), limits.GROUP_TITLE, f"section.{lang}")

    def posted_date(self) -> dict[str, Any]:
        """When a preprint was posted (posted_content requires it): its publication, online
        first (``article_problems`` refuses an article without one)."""
        p = self.a.published
        value = p.electronic or p.print or p.collection
        assert value is not None, "article_problems refuses an article without a date"
        return iso_date_parts(value)

    def institution(self) -> str | None:
        """The platform that hosts a preprint (posted_content ``institution``): the journal
        file's first title, the preprint server's name."""
        lang, title = next(iter(self.j.title.items()), ("", ""))
        return self._fitting(title, limits.INSTITUTION_NAME, f"journal.title.{lang}") or None

    def contributors(self) -> list[dict[str, Any]]:
        out = []
        affs = {aff.id: (index, aff) for index, aff in enumerate(self.a.affiliations)}
        for index, person in enumerate(self.a.authors):
            entry: dict[str, Any] = {
                "sequence": "first" if index == 0 else "additional",
                "role": _ROLES[person.role],
                "orcid": person.orcid,
                "orcid_authenticated": person.orcid_authenticated,
                "organization": None,
                "name": None,
                "alt_names": [],
                "affiliations": [],
            }
            if person.collab:
                group = limits.in_deposit_order(person.collab, self.a.language)[0][1]
                entry["organization"] = group  # (Crossref's organization has no affiliations)
            else:
                forms = limits.in_deposit_order(person.name or {}, self.a.language)
                entry["name"] = _name_parts(forms[0][1])
                entry["alt_names"] = [{**_name_parts(n), "style": n.style} for _, n in forms[1:]]
                # (an affiliation that names no institution is left out: ``unnamed_affiliations``)
                entry["affiliations"] = [
                    self._institution(*affs[aff_id])
                    for aff_id in model.affiliation_ids(person)
                    if _names_institution(affs[aff_id][1])
                ]
            out.append(entry)
        return out

    def _institution(self, index: int, aff: model.Affiliation) -> dict[str, Any]:
        named = _institution_name(aff, self.a.language)
        name = named[1] if named else None
        place = _institution_place(aff, self.a.language)
        if aff.institution and aff.text:
            # the institution names it; a line beside it (JATS and DOAJ write both) has no
            # element of its own in Crossref's institution (it was left out, unsaid)
            lang = limits.in_deposit_order(aff.text, self.a.language)[0][0]
            self.left_out[f"affiliations[{index}].text.{lang}"] = (
                "Crossref's institution holds a name, a place and a department, not a line "
                "of text beside the name"
            )
        department = None
        if aff.department:
            lang, text = limits.in_deposit_order(aff.department, self.a.language)[0]
            field = f"affiliations[{index}].department.{lang}"
            department = self._fitting(text, limits.INSTITUTION_DEPARTMENT, field)
        place = self._fitting(place, limits.INSTITUTION_PLACE, f"affiliations[{index}].city")
        return {"name": name, "ror": aff.ror, "place": place, "department": department}

    def abstracts(self) -> list[dict[str, Any]]:
        return [
            {"lang": first_language(lang), "paragraphs": [parse_inline(p) for p in paragraphs]}
            for lang, paragraphs in ordered(self.a.abstract, self.a.language)
        ]

    def publication_dates(self) -> list[dict[str, Any]]:
        p = self.a.published
        rows = [("online", p.electronic), ("print", p.print)]
        dates = [{"media": media, **iso_date_parts(v)} for media, v in rows if v]
        if not dates and p.collection:
            # As issue_date: one ISSN given both ways is kept as electronic, so no print date.
            media = "print" if self.j.issn.print_apart else "online"
            dates.append({"media": media, **iso_date_parts(p.collection)})
        return dates

    def acceptance_date(self) -> dict[str, Any] | None:
        accepted = self.a.history.accepted
        return iso_date_parts(accepted) if accepted else None

    def funding(self) -> list[dict[str, Any]]:
        out = []
        for item in self.a.funding:
            funder_id = item.funder_id
            # Crossref takes only Funder Registry DOIs as funder_identifier; a ROR id has its
            # own assertion, "ror" (fundref.xsd of October 2024).
            kind = "funder_identifier"
            if funder_id and funder_id.startswith("https://ror.org/"):
                kind = "ror"
            elif funder_id and not funder_id.startswith("https://"):
                funder_id = "https://doi.org/" + funder_id
            out.append(
                {
                    "name": limits.in_deposit_order(item.funder, self.a.language)[0][1],
                    "id": funder_id,
                    "id_kind": kind,
                    "awards": item.awards,
                }
            )
        return out

    def license(self) -> dict[str, Any] | None:
        """The AccessIndicators program: ``free_to_read`` for an article under a Creative
        Commons licence, the article's licence (``applies_to="vor"``, from its start date, else
        from the publication), and the licences for text mining and the accepted manuscript
        with theirs (a statement without a URL has nothing to deposit). Crossref's start_date is
        a full xsd:date: a year or month alone is left out (and said, see
        ``crossref_warnings``) rather than replaced by another date."""
        refs = []
        lic = self.a.license
        if lic is not None and lic.url is not None:
            p = self.a.published
            start = lic.start_date or p.electronic or p.print
            refs.append({"url": lic.url, "applies_to": "vor", "start": _full_date(start)})
        for other in self.a.other_licenses:
            if other.url is not None and other.applies_to in DEPOSITED_USES:
                start = _full_date(other.start_date)
                refs.append({"url": other.url, "applies_to": other.applies_to, "start": start})
        if not refs:
            return None
        free = lic is not None and lic.url is not None and lic.spdx is not None
        return {"free": free, "refs": refs}

    def crossmark(self) -> dict[str, Any] | None:
        """Crossmark metadata, for a journal with a Crossmark policy page: its DOI, and the
        updates a notice makes (a correction of the article it names)."""
        who = depositor(self.j)
        if who is None or who.crossmark_policy is None:
            return None
        return {"policy": who.crossmark_policy, "updates": crossmark_updates(self.a)}

    def relations(self) -> list[dict[str, str]]:
        """The related articles Crossref takes as relations (a commentary's article, a
        preprint), each by its DOI, else by its PubMed id (relations.xsd takes both)."""
        out = []
        for item in self.a.related_articles:
            if item.type in relations.RELATIONS and (item.doi or item.pmid):
                element, kind = relations.RELATIONS[item.type]
                id_type, value = ("doi", item.doi) if item.doi else ("pmid", item.pmid)
                out.append({"element": element, "type": kind, "id_type": id_type, "id": value})
        return out

    def resource(self) -> str | None:
        if self.a.url:
            return self.a.url
        return next((link.url for link in self.a.self_uri if link.type == "html"), None)

    def citations(self) -> list[dict[str, Any]]:
        out = []
        keys = limits.citation_keys([ref.id or "" for ref in self.a.references])
        for index, ref in enumerate(self.a.references):
            texts = limits.in_deposit_order(ref.text or {}, self.a.language)
            unstructured = plain_text(texts[0][1]) if texts else None
            first = ref.authors[0] if ref.authors else None
            first_author = _citation_author(first, first in ref.groups) if first else None
            # the parts in the form of the unstructured text (``_CitationForm``)
            form = _CitationForm(ref, unstructured, self.j.russian_scheme or "bsi")
            source = form.part(ref.source, ref.source_en)
            title = form.part(plain_text(ref.title) if ref.title else None, ref.title_en)
            year = ref.year if ref.year and re.fullmatch(r"\d{4}[a-z]?", ref.year) else None
            # a part past its limit is left out; the rest and the unstructured text stay
            given = {key: getattr(ref, key) for key in limits.CITATION_PARTS}
            given["doi"] = ref.doi or _text_doi(unstructured)
            given["edition"] = edition_number(ref.edition)
            parts = {
                key: self._fitting(given[key], limit, f"references[{index}].{key}")
                for key, limit in limits.CITATION_PARTS.items()
            }
            citation = {
                "key": keys[index],
                "journal_title": source if ref.type == "journal" else None,
                "volume_title": source if ref.type in ("book", "chapter") else None,
                "author": form.part(first_author),
                "volume": parts["volume"],
                "issue": parts["issue"],
                "first_page": parts["fpage"],
                "elocation_id": ref.elocation_id,
                "edition": parts["edition"],
                "year": year,
                "doi": parts["doi"],
                "isbn": limits.citation_isbn(ref.isbn) if ref.isbn else None,
                "issn": ref.issn,
                # Crossref's article_title is a journal article's, conference paper's or
                # chapter's title: a book's own title is its volume_title
                "article_title": title if ref.type != "book" else None,
                "unstructured": unstructured,
            }
            out.append(_named_by_container(citation))
        return out


def _named_by_container(citation: dict[str, Any]) -> dict[str, Any]:
    """The citation as Crossref can take it. Crossref matches a structured citation by the
    work it is part of — a journal article by its journal's title or ISSN, a book or chapter by
    the book's title or ISBN — and cannot match one naming none (its query answer: "Either ISSN
    or Journal title or Proceedings title must be supplied"): a newspaper article, web page or
    thesis, or a journal article whose journal is in no form of its text, went with its author,
    title and year alone (until 4 December 2026). Such a citation is its text and DOI, which
    Crossref matches as written; a citation with no text keeps its parts, there being nothing
    better to give."""
    named = any(citation[key] for key in ("journal_title", "issn", "volume_title", "isbn"))
    if named or not citation["unstructured"]:
        return citation
    kept = ("key", "doi", "unstructured")
    return {key: value if key in kept else None for key, value in citation.items()}


def _text_doi(text: str | None) -> str | None:
    """The one DOI a reference's text holds, for a reference whose parts were not read (the
    parser was not sure of them): the JATS writes it as a ``pub-id`` in the text, and Crossref
    matches a citation by its ``doi`` first (until 4 December 2026 such a citation went with
    its text alone). A text holding several DOIs names none of them as the work's; one DOI
    written twice in other letters is one (DOIs do not tell case: it named none)."""
    if not text or not may_link(text):
        return None
    dois = {
        str(node.children[0]).casefold(): str(node.children[0])
        for node in link_identifiers(text)
        if isinstance(node, Node) and node.attrs.get("pub-id-type") == "doi"
    }
    return next(iter(dois.values())) if len(dois) == 1 else None


class _CitationForm:
    """The parts of a citation in the form its ``unstructured_citation`` is in. The deposit
    takes the reference's English ("References") text first; its structured parts are read
    from the original, so a Russian reference's would be Cyrillic beside the Latin text (a
    journal title 'Экономика региона' beside 'Ekonomika regiona'). A part whose script the
    text is not in is given in the text's form instead: its English name the reference gives
    (``source_en``, ``title_en``), else its transliteration by the journal's scheme, as the
    References text writes it, when the text holds that form; else it is left out of the
    citation, the text holding it. A part in the text's script is given as it is."""

    def __init__(self, ref: model.Reference, text: str | None, russian: str) -> None:
        self.text = text or ""
        # (judged without its links: a Latin text citing http://президент.рф/… is Latin, and
        # its parts were left in Cyrillic beside it)
        self.latin = bool(text) and not has_cyrillic(without_addresses(self.text))
        self.ref = ref
        self.russian = russian

    def part(self, value: str | None, english: str | None = None) -> str | None:
        if value is None or not self.latin or not has_cyrillic(value):
            return value
        if english and " ".join(english.split()) in self.text:
            return english
        return next((form for form in self._transliterated(value) if form in self.text), None)

    def _transliterated(self, value: str) -> list[str]:
        """``value`` in Latin script as the References text may write it, the journal's scheme
        first: a Russian value by each Russian scheme, and each form without the marks of ь
        and ъ too, as many authors write their own names and journals the references
        ('Streltsov' of Стрельцов, whose BSI form is "Strel'tsov": until 4 December 2026 such
        a first author was not found in the text and left out of the citation); a Ukrainian
        value by Ukraine's system. Its links and e-mail addresses as written (a title 'Письмо
        в редакцию: иван@почта.рф' is 'Pis'mo v redaktsiyu: иван@почта.рф' there;
        transliterated whole, it was not found and left out)."""
        declared = self.ref.lang if self.ref.lang in ("ru", "uk") else None
        try:
            scheme = scheme_for(without_addresses(value), self.russian, declared)
        except NoScheme:
            return []
        schemes = [scheme]
        if scheme == self.russian:
            schemes += [name for name in RUSSIAN_SCHEMES if name != scheme]
        forms: list[str] = []
        for name in schemes:
            form = " ".join(self._by_scheme(value, name).split())
            plain = _without_marks(form)
            forms += [form, _SIGN_MARKS.sub("", form), plain, _SIGN_MARKS.sub("", plain)]
        return list(dict.fromkeys(forms))

    @staticmethod
    def _by_scheme(value: str, scheme: str) -> str:
        out: list[str] = []
        pos = 0
        for start, end in link_spans(value):
            out.append(transliterate(value[pos:start], scheme) if start > pos else "")
            out.append(value[start:end])
            pos = end
        out.append(transliterate(value[pos:], scheme) if pos < len(value) else "")
        return "".join(out)


# The marks Russian schemes write ь and ъ with (BSI's ' and ", ISO 9's ʹ and ʺ): a Latin text
# may leave them out, Strel'tsov written Streltsov.
_SIGN_MARKS = re.compile("['\"ʹʺ’`]")


def _without_marks(form: str) -> str:
    """``form`` without its diacritics, as journals print the ALA-LC (Library of Congress)
    form: 'Mirovaia ekonomika', 'Iaponii' of 'Mirovai͡a ėkonomika', 'I͡aponii' (until 4 December
    2026 such a reference's journal and article titles were not found in its text and left
    out of the citation). A letter that is no Latin letter with a mark (ISO 9's ž is z here)
    is kept as it is."""
    return "".join(
        char for char in unicodedata.normalize("NFKD", form) if not unicodedata.combining(char)
    )


# An edition stated as its number and the word for edition, as references print it: "2nd ed.",
# "3rd revised edition", "2-е изд."; a program's version ("1.1-7") or an edition in words is
# kept as written.
_NUMBERED_EDITION = re.compile(
    r"(\d{1,3})(?:st|nd|rd|th|-?[еоя]|-?e)?\.?\s*(?:rev(?:ised)?\.?\s*|перераб\.?\s*)?"
    r"(?:ed|edn|edition|изд|издание)\.?",
    re.IGNORECASE,
)


def edition_number(edition: str | None) -> str | None:
    """A cited work's edition as the deposit's ``edition_number`` takes it: Crossref asks for
    the number alone, so "2nd ed." is deposited as "2" (the reference's text keeps it whole)."""
    if edition is None:
        return None
    numbered = _NUMBERED_EDITION.fullmatch(edition.strip())
    return numbered.group(1) if numbered else edition


def _full_date(value: str | None) -> str | None:
    """``value`` when it is a full date (YYYY-MM-DD), as Crossref's xsd:date attributes take."""
    return value if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


def other_pages(page_range: str) -> str | None:
    """What a page range holds after its first page or range ('120-124' of '110-115,
    120-124'), for Crossref's other_pages; None when nothing, or more than it takes."""
    rest = limits.pages_after_first(page_range)
    return rest if rest and limits.OTHER_PAGES.breach(rest) is None else None


def issue_title(articles: list[model.Article]) -> tuple[str, str] | None:
    """The issue's title Crossref's journal_issue holds (its ``titles`` takes one): the first
    article's that has one, in the journal's language, else the first language given."""
    for article in articles:
        journal = article.journal
        assert isinstance(journal, model.Journal), "article.journal must be resolved"
        if article.issue_title:
            return ordered(article.issue_title, journal.language)[0]
    return None


def issue_doi_data(articles: list[model.Article]) -> dict[str, str] | None:
    """The issue's ``doi_data`` the journal_issue holds: the DOI and landing page of the first
    article that gives both (the articles of a deposit agree on them, ``_issue_doi_disagreement``),
    or None. Crossref needs the two together, and a resource is never made up: an issue DOI
    without its page is left out, said by ``_issue_warnings``."""
    for article in articles:
        if article.issue_doi and article.issue_url and _has_issue(article):
            return {"doi": article.issue_doi, "url": article.issue_url}
    return None


def _has_issue(article: model.Article) -> bool:
    """Whether the deposit has a journal_issue (the template's test): a volume or issue
    number, and a date for the issue."""
    return bool((article.volume or article.issue) and _View(article, {}).issue_date())


def _institution_name(aff: model.Affiliation, main: str) -> tuple[str, str] | None:
    """The name an institution is deposited under, with its field ('institution.en'): its
    name, else the affiliation's one line of text (when neither, ``_View._institution`` has
    the place stand in)."""
    for kind, values in (("institution", aff.institution), ("text", aff.text)):
        if values:
            lang, name = limits.in_deposit_order(values, main)[0]
            return f"{kind}.{lang}", name
    return None


def _names_institution(aff: model.Affiliation) -> bool:
    """Whether the deposit can name the affiliation's institution: by its name, its one line
    of text or its ROR id. A place alone (Moscow, Russian Federation) was deposited as the
    institution's name until 4 December 2026, which Crossref takes as an organisation's."""
    return bool(aff.institution or aff.text or aff.ror)


def unnamed_affiliations(article: model.Article) -> list[str]:
    """The lines saying each affiliation of a named author that names no institution (no
    name, no line of text, no ROR id): left out of the deposit, once an article."""
    cited = {
        aff_id
        for person in article.authors
        if not person.collab
        for aff_id in model.affiliation_ids(person)
    }
    lines = []
    for index, aff in enumerate(article.affiliations):
        if aff.id in cited and not _names_institution(aff):
            place = _institution_place(aff, article.language)
            shown = f" ({place})" if place else ""
            lines.append(
                f"affiliations[{index}]: no institution: left out of the Crossref deposit, "
                f"which would take its place{shown} as an institution's name (give institution:)"
            )
    return lines


def _institution_place(aff: model.Affiliation, main: str) -> str | None:
    """The affiliation's ``institution_place``: its city, state, postal code and the country's
    English name, as an address writes them (one form of each, in deposit order)."""
    city = limits.in_deposit_order(aff.city, main)[0][1] if aff.city else None
    state = limits.in_deposit_order(aff.state, main)[0][1] if aff.state else None
    country = None
    if aff.country:
        from converter.languages import country_name

        country = country_name(aff.country)
    return limits.institution_place(city, state, aff.postal_code, country)


def _citation_author(written: str, group: bool = False) -> str | None:
    """Crossref's ``author`` of a citation, the first author's surname: read from the name as
    the JATS reference has it (particles kept: 'van der Waals', 'Ван дер Ваальс'), or a name
    that has no parts to tell ('Le Corbusier') whole. A group ('LHCb collaboration', or one
    the reference lists among its ``groups``) has no surname to give: none."""
    parts = split_reference_author(written, group=group)
    return (parts.surname or parts.string or "").strip() or None


def _update_date(article: model.Article) -> str | None:
    """The date of a notice's update: its publication, as a full date (Crossref's update/@date
    is an xsd:date)."""
    date = article.published.electronic or article.published.print
    return date if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None


def crossmark_updates(article: model.Article) -> list[dict[str, str]]:
    """The Crossmark updates a notice registers: one per related article it corrects,
    retracts … that has a DOI, dated with the notice's publication (none without a full
    date; ``crossref_warnings`` says so)."""
    date = _update_date(article)
    return [
        {"type": relations.CROSSMARK_UPDATES[item.type], "date": date, "doi": item.doi}
        for item in article.related_articles
        if date and item.doi and item.type in relations.CROSSMARK_UPDATES
    ]


def _licence_lines(article: model.Article) -> list[str]:
    """What the deposit leaves out of the licences: a further licence of the article (the
    deposit gives its ``license`` only), one for STM article sharing (5.3.1 has no applies_to
    for it), a start date that is not a full date."""
    out: list[str] = []
    deposited = [("license", article.license)] if article.license else []
    for index, lic in enumerate(article.other_licenses):
        field = f"other_licenses[{index}]"
        if lic.applies_to in DEPOSITED_USES:
            deposited.append((field, lic))
        elif lic.applies_to:
            out.append(
                f"{field}: Crossref's schema 5.3.1 has no applies_to for {lic.applies_to!r} "
                "(STM article sharing): not in the deposit"
            )
        else:
            out.append(
                f"{field}: the deposit gives the article's licence (license) and those for text "
                "mining and the accepted manuscript only: not in the deposit"
            )
    for field, lic in deposited:
        if lic.url and lic.start_date and _full_date(lic.start_date) is None:
            out.append(
                f"{field}.start_date: Crossref needs a full date (YYYY-MM-DD) and "
                f"{lic.start_date!r} is not one: the Crossref licence has no start_date"
            )
    return out


def _related_lines(article: model.Article) -> list[str]:
    """A related article the deposit cannot carry, and why: no DOI (for a relation, no DOI nor
    PubMed id), no Crossmark policy or no full date for an update, a tie Crossref records on
    the other article's deposit, a type Crossref has no relation for."""
    journal = article.journal
    assert isinstance(journal, model.Journal), "article.journal must be resolved"
    who = depositor(journal)
    out: list[str] = []
    for index, item in enumerate(article.related_articles):
        update = relations.CROSSMARK_UPDATES.get(item.type)
        if item.type in relations.FORWARD:
            why = (
                f"Crossref records a {item.type!r} tie on the deposit of the later article "
                "(its update or relation), not on this one's"
            )
        elif update is None and item.type not in relations.RELATIONS:
            why = f"Crossref has no relation for {item.type!r}"
        elif update is not None and article.is_preprint():
            why = (
                "Crossref's posted content (a preprint) takes no Crossmark update, which "
                f"registers a {update.replace('_', ' ')}"
            )
        elif item.doi is None and update is not None:
            why = "a Crossmark update names the updated work by DOI and this one has none"
        elif item.doi is None and item.pmid is None:
            why = "Crossref ties works by DOI or PubMed id and this one has neither"
        elif update and (who is None or who.crossmark_policy is None):
            why = (
                f"Crossref registers a {update.replace('_', ' ')} as a Crossmark update, which "
                "needs the journal's Crossmark policy page (journal.crossref.crossmark_policy)"
            )
        elif update and _update_date(article) is None:
            why = (
                "a Crossmark update is dated with the notice's publication, which needs a full "
                "date (published.electronic or published.print as YYYY-MM-DD)"
            )
        else:
            continue
        out.append(f"related_articles[{index}]: {why}: not in the deposit")
    return out


def crossref_language(tag: str) -> str | None:
    """The code for Crossref's language attributes: they take ISO 639-1 (two-letter) codes
    only, so a language without one (Yakut, ``sah``) has none."""
    primary = first_language(tag)
    if len(primary) == 2 and pycountry.languages.get(alpha_2=primary) is not None:
        return primary
    return None


def crossref_warnings(view: _View, name: str, label: str = "") -> list[Problem]:
    """What the deposit leaves out of the article, said: a language Crossref has no code for,
    a licence it has no place for or whose start date is not a full date (``_licence_lines``),
    a related article it cannot carry, a group author's affiliations, a value past a limit of
    Crossref's schema that can be left out (``view.left_out``, filled as the deposit was
    rendered). ``label`` names the article in a deposit of several (its DOI)."""
    article = view.a
    lines = []
    if crossref_language(article.language) is None:
        lines.append(
            f"language: Crossref's language attributes take two-letter ISO 639-1 codes and "
            f"{article.language!r} has none: the deposit states no language"
        )
    if view.posted:
        lines += _posted_warnings(article)
    else:
        lines += _issue_warnings(article)
    if (
        not view.posted
        and article.page_range
        and "," in article.page_range
        and not other_pages(article.page_range)
    ):
        lines.append(
            "page_range: Crossref's other_pages holds at most "
            f"{limits.OTHER_PAGES.most} characters: only the first range is deposited"
        )
    lines += future_dates.in_article(article)
    lines += _funder_lines(article)
    lines += _licence_lines(article)
    lines += _related_lines(article)
    lines += [
        f"authors[{index}].affiliations: Crossref's organization (a group author) holds no "
        "affiliations: not in the deposit"
        for index, person in enumerate(article.authors)
        if person.collab and model.affiliation_ids(person)
    ]
    lines += unnamed_affiliations(article)
    lines += [f"{field}: {why}, {limits.LEFT_OUT}" for field, why in view.left_out.items()]
    prefix = f"{label}: " if label else ""
    return [Problem(name, 0, 0, prefix + line, severity="warning") for line in lines]


def _funder_lines(article: model.Article) -> list[str]:
    """A funder deposited without an id under a name Crossref cannot match it by (no Latin
    letters, or an acronym alone): said with the field, asking for its Funder Registry id
    (``funder_names``); the ``crossref`` profile's ``crossref-funder-id`` says the same."""
    lines = []
    for index, item in enumerate(article.funding):
        if item.funder_id:
            continue
        lang, name = limits.in_deposit_order(item.funder, article.language)[0]
        if why := funder_names.why_unmatched(name):
            lines.append(f"funding[{index}].funder.{lang}: {why}")
    return lines


def limit_problems(article: model.Article, name: str) -> list[Problem]:
    """The article's values past a limit of Crossref's schema that the deposit cannot do
    without (see ``crossref_limits``): one error each, naming the field."""
    journal = article.journal
    assert isinstance(journal, model.Journal), "article.journal must be resolved"
    # a preprint's deposit (posted_content) has no issue, pages nor journal: its server's name,
    # its institution, past its limit is left out, said
    journal_article = not article.is_preprint()
    checks: list[tuple[str, str | None, limits.Limit]] = [
        ("volume", article.volume if journal_article else None, limits.VOLUME),
        ("issue", article.issue if journal_article else None, limits.ISSUE),
        *(_page_fields(article) if journal_article else []),
        ("elocation_id", article.elocation_id, limits.ITEM_NUMBER),
        ("doi", article.doi, limits.DOI),
        *_landing_page(article),
        *(_issue_doi_fields(article) if journal_article else []),
        *((f"journal.title.{lang}", title, limits.FULL_TITLE)
          for lang, title in list(journal.title.items())[:10] if journal_article),
        *_depositor_fields(journal),
        *_name_fields(article),
    ]  # fmt: skip
    lines = [
        f"{field}: {why}"
        for field, value, limit in checks
        if value is not None and (why := limit.breach_shown(value))
    ]
    for field, date in _deposited_dates(article):
        if why := limits.year_breach(date):
            lines.append(f"{field}: {why}")
    return [Problem(name, 0, 0, f"{line}: {limits.REFUSED}") for line in lines]


def _page_fields(article: model.Article) -> list[tuple[str, str | None, limits.Limit]]:
    """first_page and last_page as the deposit gives them (``_View.pages``), by their field:
    the last page of a range of several is the first range's (from ``page_range``)."""
    pages = _View(article, {}).pages()
    if pages is None:
        return []
    last_field = "lpage" if pages["last"] == article.lpage else "page_range"
    return [("fpage", pages["first"], limits.PAGE), (last_field, pages["last"], limits.PAGE)]


def _landing_page(article: model.Article) -> list[tuple[str, str | None, limits.Limit]]:
    """The landing page the deposit gives as ``resource`` (``_View.resource``), by its field."""
    if article.url:
        return [("url", article.url, limits.RESOURCE)]
    for index, link in enumerate(article.self_uri):
        if link.type == "html":
            return [(f"self_uri[{index}].url", link.url, limits.RESOURCE)]
    return []


def _issue_doi_fields(article: model.Article) -> list[tuple[str, str | None, limits.Limit]]:
    """The issue's DOI and landing page, when the deposit gives them (``issue_doi_data``)."""
    if issue_doi_data([article]) is None:
        return []
    return [
        ("issue_doi", article.issue_doi, limits.DOI),
        ("issue_url", article.issue_url, limits.RESOURCE),
    ]


def _depositor_fields(journal: model.Journal) -> list[tuple[str, str | None, limits.Limit]]:
    """The head's depositor and registrant, by where they were given (``depositor``)."""
    who = depositor(journal)
    if who is None:
        return []
    place = "journal.crossref." if journal.crossref is not None else "[crossref] in the config: "
    return [
        (place + "depositor_name", who.depositor_name, limits.DEPOSITOR_NAME),
        (place + "depositor_email", who.depositor_email, limits.EMAIL_ADDRESS),
        (place + "registrant", who.registrant, limits.REGISTRANT),
    ]


def _name_fields(article: model.Article) -> list[tuple[str, str | None, limits.Limit]]:
    """Every name form of every contributor (the deposit gives them all: one as the name, the
    others as ``alt-name``), a group's name, and the institutions named."""
    out: list[tuple[str, str | None, limits.Limit]] = []
    written: set[str] = set()
    for index, person in enumerate(article.authors):
        if person.collab:
            lang, group = limits.in_deposit_order(person.collab, article.language)[0]
            out.append((f"authors[{index}].collab.{lang}", group, limits.ORGANIZATION))
            continue
        for lang, name in (person.name or {}).items():
            base = f"authors[{index}].name.{lang}"
            out.append((f"{base}.surname", name.surname, limits.NAME))
            out.append((f"{base}.given", name.given, limits.NAME))
            out.append((f"{base}.suffix", name.suffix, limits.SUFFIX))
        written.update(model.affiliation_ids(person))
    for index, aff in enumerate(article.affiliations):
        if aff.id not in written:
            continue
        if named := _institution_name(aff, article.language):
            field, name = named
            out.append((f"affiliations[{index}].{field}", name, limits.INSTITUTION_NAME))
        # (one that names no institution is left out, said: ``unnamed_affiliations``)
    return out


def _deposited_dates(article: model.Article) -> list[tuple[str, str]]:
    """The dates the deposit gives with a ``year`` (publication, issue, acceptance)."""
    p = article.published
    kinds = ("electronic", "print", "collection")
    dates = [(f"published.{kind}", getattr(p, kind)) for kind in kinds]
    accepted = article.history.accepted
    if accepted and len(accepted) == 10:  # deposited only as a full date (see the template)
        dates.append(("history.accepted", accepted))
    return [(field, value) for field, value in dates if value]


def _posted_warnings(article: model.Article) -> list[str]:
    """What a preprint's deposit (posted_content) has no place for: a title or section in a
    further language (posted_content takes one ``titles`` and one ``group_title``), the issue
    and the pages."""
    lines = []
    deposited, *others = [lang for lang, _ in ordered(article.title, article.language)]
    if others:
        lines.append(
            f"title: Crossref's posted_content (a preprint) takes one title: the {deposited} "
            f"one is deposited, not {', '.join(others)}"
        )
    if article.section and len(article.section) > 1:
        first, *rest = [lang for lang, _ in ordered(article.section, article.language)]
        lines.append(
            f"section: Crossref's posted_content takes one group_title: the {first} one is "
            f"deposited, not {', '.join(rest)}"
        )
    given = [
        field
        for field in ("volume", "issue", "issue_title", "issue_doi", "fpage", "page_range")
        if getattr(article, field)
    ]
    if given:
        lines.append(
            f"{', '.join(given)}: Crossref's posted_content (a preprint) has no issue nor "
            "pages: not in the deposit"
        )
    return lines


def _issue_warnings(article: model.Article) -> list[str]:
    """What the deposit leaves out of the issue: its DOI without a journal_issue to hold it or
    without its landing page (Crossref registers the two together); its title without a
    journal_issue, or in more languages than the one journal_issue takes."""
    return _issue_doi_warnings(article) + _issue_title_warnings(article)


def _issue_doi_warnings(article: model.Article) -> list[str]:
    if not article.issue_doi:
        return []
    if not _has_issue(article):
        return [
            "issue_doi: Crossref's journal_issue needs the issue's volume or number and a date: "
            "the issue's DOI is not in the deposit"
        ]
    if not article.issue_url:
        return [
            "issue_doi: Crossref registers an issue's DOI with the issue's landing page "
            "(issue_url), and none is given: the issue's DOI is not in the deposit"
        ]
    return []


def _issue_title_warnings(article: model.Article) -> list[str]:
    if not article.issue_title:
        return []
    if not _has_issue(article):
        said = (
            "issue_title: Crossref's journal_issue needs the issue's volume or number and a "
            "date: the issue title is not deposited"
        )
    elif len(article.issue_title) > 1:
        deposited = issue_title([article])
        assert deposited is not None
        others = ", ".join(lang for lang in article.issue_title if lang != deposited[0])
        said = (
            f"issue_title: Crossref's journal_issue takes one title: the {deposited[0]} one is "
            f"deposited, not {others}"
        )
    else:
        return []
    return [said]


def render_crossref(article: model.Article, head: dict[str, Any]) -> str:
    """The deposit document as text (``head``: batch_id, timestamp, depositor)."""
    return render_crossref_issue([article], head)


def render_crossref_issue(articles: list[model.Article], head: dict[str, Any]) -> str:
    """One ``doi_batch`` holding several articles of one issue: one ``journal``, one
    ``journal_issue`` (from the first article), a ``journal_article`` per article."""
    return _render([_View(article, head) for article in articles])


def _render(views: list[_View]) -> str:
    """The deposit of the views' articles; each view notes what it left out as it renders."""
    template = environment().get_template("crossref/deposit.xml.j2")
    articles = [view.a for view in views]
    found = issue_title(articles)
    return template.render(
        posted=views[0].posted,
        v=views[0],
        a=views[0].a,
        views=views,
        issue_title=found[1] if found else None,
        issue_doi=issue_doi_data(articles),
    )


# What every deposit makes anew (``next_timestamp``, ``_batch_id``): two deposits of the same
# metadata differ there only.
_FRESH = re.compile(rb"<doi_batch_id>[^<]*</doi_batch_id>\s*<timestamp>\d+</timestamp>")


def same_deposit(one: bytes, other: bytes) -> bool:
    """Whether two deposits carry the same metadata: equal but for the head's batch id and
    timestamp (a batch reconverting an article it converted before, under a new source name,
    writes the same deposit anew)."""
    return _FRESH.sub(b"", one, count=1) == _FRESH.sub(b"", other, count=1)


def _batch_id(article: model.Article, timestamp: int) -> str:
    """Unique per deposit: the DOI suffix (or the title) and the timestamp, at most 100 chars."""
    base = article.doi.split("/", 1)[1] if article.doi else plain_text(article.main_title())
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", base).strip("-")[:80] or "article"
    return f"{base}-{timestamp}"


# Crossref registers a journal "without ISSNs if a journal title-level persistent identifier is
# included in the deposit" (Crossref, Journal title management); this tool writes no such DOI.
NO_ISSN = (
    "journal.issn: Crossref needs an ISSN or a journal DOI, and the journal file gives no ISSN "
    "(print or electronic)"
)


NO_DATE = (
    "published: Crossref output needs the article's publication date (electronic, print or "
    "collection)"
)


def article_problems(article: model.Article, name: str) -> list[Problem]:
    """What keeps one article out of a Crossref deposit (DOI, depositor, ISSN, landing page,
    publication date, a value past a limit of Crossref's schema)."""
    journal = article.journal
    assert isinstance(journal, model.Journal), "article.journal must be resolved"
    problems: list[Problem] = []
    if not article.doi:
        problems.append(Problem(name, 0, 0, "doi: Crossref output needs the article's DOI"))
    who = depositor(journal)
    if who is None:
        problems.append(
            Problem(
                name,
                0,
                0,
                "journal.crossref: Crossref output needs depositor_name, depositor_email and "
                "registrant (in the journal file or the [crossref] section of the config file)",
            )
        )
    posted = article.is_preprint()
    # (a preprint is posted content: it names its server as institution, no ISSN)
    if not posted and not (journal.issn.print or journal.issn.electronic):
        problems.append(Problem(name, 0, 0, NO_ISSN))
    if not article.url and not any(link.type == "html" for link in article.self_uri):
        problems.append(
            Problem(name, 0, 0, "url: Crossref output needs the article's landing page URL")
        )
    p = article.published
    if not (p.electronic or p.print or p.collection):  # publication_date, posted_date
        problems.append(Problem(name, 0, 0, NO_DATE))
    problems.extend(limit_problems(article, name))
    return problems


def write_crossref(article: model.Article, options: Options, name: str = "output.xml") -> Output:
    """Crossref 5.3.1 deposit XML; problems name missing fields; XSD-checked when configured."""
    problems = article_problems(article, name)
    if problems:
        return Output(b"", problems, suffix=".crossref.xml")
    assert isinstance(article.journal, model.Journal)
    who = depositor(article.journal)
    assert who is not None
    timestamp = next_timestamp()
    head = {"batch_id": _batch_id(article, timestamp), "timestamp": timestamp, "depositor": who}
    view = _View(article, head)
    data = serialize_xml(_render([view]))
    problems.extend(crossref_warnings(view, name))
    problems.extend(xsd_problems("crossref", data, name, options))
    return Output(data, problems, suffix=".crossref.xml")


def timestamp_path() -> os.PathLike[str]:
    """Where the last timestamp is kept (for documentation and tests)."""
    return state_dir() / "crossref-timestamp"


# ------------------------------------------------------------------ one deposit per issue


def issue_key(article: model.Article) -> tuple[str, str, str, str]:
    """What puts articles in one issue deposit: the journal (ISSN, else title), the volume,
    the issue number, and the kind of record ("" for journal articles, "preprints" for posted
    content, which has no issue: Crossref's deposit body holds one kind of record)."""
    journal = article.journal
    assert isinstance(journal, model.Journal), "article.journal must be resolved"
    code = journal.issn.electronic or journal.issn.print
    if not code:
        code = re.sub(r"[^A-Za-z0-9]+", "-", next(iter(journal.title.values()), "journal"))
    code = code.strip("-") or "journal"
    if article.is_preprint():
        return (code, "", "", "preprints")
    return (code, article.volume or "", article.issue or "", "")


def issue_stem(key: tuple[str, str, str, str]) -> str:
    """A file name stem for an issue deposit: ``ISSN-vVOLUME-nISSUE``, ``ISSN-preprints``."""
    code, volume, issue, kind = key
    parts = [code]
    if kind:
        parts.append(kind)
    if volume:
        parts.append(f"v{volume}")
    if issue:
        parts.append(f"n{issue}")
    if not (volume or issue or kind):
        parts.append("no-issue")
    return re.sub(r"[^A-Za-z0-9._-]+", "-", "-".join(parts))


def write_crossref_issue(
    articles: list[model.Article], options: Options, name: str = "issue.crossref.xml"
) -> Output:
    """One Crossref 5.3.1 deposit for the articles of one issue (``issue_key`` equal), or for
    preprints (a ``posted_content`` each, no journal).

    The articles must each be depositable (``article_problems`` empty) and agree on the
    journal and the issue's date: a disagreement is a problem naming both, not a guess.
    The ``doi_batch_id`` is the issue's stem and a timestamp that only grows, so it is unique.
    """
    if not articles:
        return Output(b"", [Problem(name, 0, 0, "no article to deposit")], suffix=".crossref.xml")
    problems: list[Problem] = []
    first = articles[0]
    assert isinstance(first.journal, model.Journal)
    keys = {issue_key(a) for a in articles}
    # (preprints have no issue: its date, title and DOI are the journal articles' to agree on)
    issue_articles = [a for a in articles if not a.is_preprint()]
    if 0 < len(issue_articles) < len(articles):
        problems.append(
            Problem(
                name, 0, 0,
                "journal articles and preprints: Crossref's deposit holds journal articles or "
                "posted content (preprints), not both: deposit them in two files",
            )
        )  # fmt: skip
    elif len(keys) > 1:
        problems.append(Problem(name, 0, 0, f"articles of different issues: {sorted(keys)}"))
    dates = {}
    for article in issue_articles:
        date = _View(article, {}).issue_date()
        dates.setdefault(repr(date), article)
    titles = {}
    for article in issue_articles:
        if article.issue_title:
            titles.setdefault(repr(article.issue_title), article)
    problems.extend(_issue_doi_disagreement(issue_articles, name))
    if len(titles) > 1:
        a, b = list(titles.values())[:2]
        problems.append(
            Problem(
                name, 0, 0,
                f"the issue's title differs between {_label(a)} ({_titles_text(a)}) and "
                f"{_label(b)} ({_titles_text(b)}): give the articles one issue title",
            )
        )  # fmt: skip
    if len(dates) > 1:
        a, b = list(dates.values())[:2]
        problems.append(
            Problem(
                name, 0, 0,
                f"the issue's date differs between {_label(a)} ({_date_text(a)}) and "
                f"{_label(b)} ({_date_text(b)}): give the articles one issue date",
            )
        )  # fmt: skip
    who = depositor(first.journal)
    if who is None:
        problems.extend(p for p in article_problems(first, name) if "depositor" in p.message)
    if problems:
        return Output(b"", problems, suffix=".crossref.xml")
    assert who is not None
    timestamp = next_timestamp()
    stem = issue_stem(issue_key(first))[:80]
    head = {"batch_id": f"{stem}-{timestamp}", "timestamp": timestamp, "depositor": who}
    views = [_View(article, head) for article in articles]
    data = serialize_xml(_render(views))
    for view in views:
        problems.extend(crossref_warnings(view, name, _label(view.a)))
    problems.extend(xsd_problems("crossref", data, name, options))
    return Output(data, problems, suffix=".crossref.xml")


def _issue_doi_disagreement(articles: list[model.Article], name: str) -> list[Problem]:
    """The articles of one issue that give its DOI give one DOI and one landing page (or all
    none): which to register cannot be told otherwise."""
    given: dict[tuple[str, str], model.Article] = {}
    for article in articles:
        if article.issue_doi:
            given.setdefault((article.issue_doi.lower(), article.issue_url or ""), article)
    if len(given) < 2:
        return []
    a, b = list(given.values())[:2]
    return [
        Problem(
            name, 0, 0,
            f"the issue's DOI or landing page differs between {_label(a)} ({_issue_doi_text(a)}) "
            f"and {_label(b)} ({_issue_doi_text(b)}): give the articles one issue_doi and "
            "issue_url",
        )
    ]  # fmt: skip


def _issue_doi_text(article: model.Article) -> str:
    return f"{article.issue_doi}, {article.issue_url or 'no issue_url'}"


def _label(article: model.Article) -> str:
    return article.doi or plain_text(article.main_title())


def _titles_text(article: model.Article) -> str:
    return "; ".join(f"{lang}: {title}" for lang, title in article.issue_title.items())


def _date_text(article: model.Article) -> str:
    p = article.published
    return p.collection or p.print or p.electronic or "no date"
