"""JATS writer: the article model rendered by Jinja2 templates (autoescaped), in DTD order.

Python decides (which languages, which elements, which ids); the templates in
``converter/templates/jats/`` hold the markup. ``render_jats`` returns the text of the document;
``converter.api`` parses, indents, validates and writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from lxml import etree

from converter import identifiers, model
from converter.countries import localized_country_name
from converter.grammars import Grammars
from converter.licenses import license_sentence
from converter.options import JatsVersion, Options, Output, TagSet
from converter.validation import dtd_problems, safe_parser
from converter.writers.common import environment, iso_date_parts, ordered


@dataclass(frozen=True, slots=True)
class Doctype:
    """The DOCTYPE of one JATS version and tag set."""

    public_id: str
    system_id: str
    version: str


_DATES = {"1.4": "20241031", "1.3": "20210610"}
_TAG_SETS = {
    "publishing": ("Journal Publishing DTD", "publishing", "JATS-journalpublishing{}.dtd"),
    "archiving": (
        "Journal Archiving and Interchange DTD",
        "archiving",
        "JATS-archivearticle{}.dtd",
    ),
}


def doctype(version: JatsVersion = "1.4", tag_set: TagSet = "publishing") -> Doctype:
    """Return the exact public and system ids NISO publishes for a version and tag set."""
    if version not in _DATES:
        raise ValueError(f"unsupported JATS version {version!r} (use 1.4 or 1.3)")
    if tag_set not in _TAG_SETS:
        raise ValueError(f"unsupported tag set {tag_set!r} (use publishing or archiving)")
    title, folder, filename = _TAG_SETS[tag_set]
    suffix = version.replace(".", "-")
    return Doctype(
        public_id=f"-//NLM//DTD JATS (Z39.96) {title} v{version} {_DATES[version]}//EN",
        system_id=f"https://jats.nlm.nih.gov/{folder}/{version}/{filename.format(suffix)}",
        version=version,
    )


_REF_LIST_TITLES = {"en": "References", "ru": "Список литературы", "uk": "Список літератури"}
_AUTHOR_INITIALS = re.compile(
    r"^(?P<surname>[^\s,]+(?:[-\s][^\s,.]+)*?)\s+(?P<given>(?:\w{1,2}\.\s*)+)$"
)


# What the view hands the templates: records with attributes, not dicts. Jinja's ``a.b`` tries
# ``getattr`` first and indexes only after an AttributeError: on a dict every lookup raised and
# caught an exception (~600 per 30-reference article, a sixth of the rendering time).
Row = SimpleNamespace


def _date_parts(value: str, **fields: str) -> Row:
    return Row(**fields, **iso_date_parts(value))


def _split_author(text: str) -> Row:
    """'Ivanov I. I.' or 'Ivanov, I.' → surname and given names; else kept as one string."""
    if "," in text:
        surname, _, given = text.partition(",")
        if surname.strip() and given.strip() and "," not in given:
            return Row(surname=surname.strip(), given=given.strip(), string=None)
    match = _AUTHOR_INITIALS.match(text.strip())
    if match:
        return Row(surname=match["surname"], given=match["given"].strip(), string=None)
    return Row(surname=None, given=None, string=text)


class _View:
    """What the templates need, computed from one article."""

    def __init__(
        self, article: model.Article, version: JatsVersion, tag_set: TagSet, pmc: bool = False
    ):
        journal = article.journal
        assert isinstance(journal, model.Journal), "article.journal must be resolved"
        self.article = article
        self.journal = journal
        self.lang = article.language
        self.version = version
        self.tag_set = tag_set
        self.doctype = doctype(version, tag_set)
        # PMC's Style Checker rejects some valid JATS (see ``journal_trans_titles``, ``abstracts``):
        # with the pmc profile asked for, the output takes PMC's form.
        self.pmc = pmc

    # journal -----------------------------------------------------------------
    def journal_ids(self) -> list[tuple[str, str]]:
        """Typed journal ids; the Publishing DTD needs one, so the ISSN stands in when none."""
        if self.journal.ids:
            return list(self.journal.ids.items())
        issn = self.journal.issn
        return [("issn", issn.electronic or issn.print or "")]

    def journal_titles(self) -> list[tuple[str, str]]:
        return ordered(self.journal.title, self.journal.language)

    def journal_trans_titles(self) -> list[tuple[str, str]]:
        """The journal title's translations. PMC's Style Checker rejects a ``trans-title`` in
        the article's own language, so for PMC that one is left out."""
        titles = self.journal_titles()[1:]
        if self.pmc:
            return [(code, title) for code, title in titles if code != self.lang]
        return titles

    def publishers(self) -> list[tuple[str, str]]:
        publisher = self.journal.publisher
        return ordered(publisher.name, self.journal.language) if publisher else []

    # titles ------------------------------------------------------------------
    def trans_titles(self) -> list[Row]:
        a = self.article
        langs = [lang for lang in a.title if lang != self.lang]
        langs += [lang for lang in a.subtitle if lang != self.lang and lang not in a.title]
        return [
            Row(lang=lang, title=a.title.get(lang), subtitle=a.subtitle.get(lang)) for lang in langs
        ]

    def sections(self) -> list[tuple[str, str]]:
        return ordered(self.article.section or {}, self.lang)

    def subject_groups(self) -> list[tuple[str, list[str]]]:
        return ordered(self.article.subjects, self.lang)

    # contributors ------------------------------------------------------------
    def contributor_groups(self) -> list[tuple[str, list[model.Contributor]]]:
        groups: dict[str, list[model.Contributor]] = {}
        for person in self.article.authors:
            groups.setdefault(person.role, []).append(person)
        return list(groups.items())

    def names(self, person: model.Contributor) -> list[tuple[str, model.PersonName]]:
        return ordered(person.name or {}, self.lang)

    def collabs(self, person: model.Contributor) -> list[tuple[str, str]]:
        return ordered(person.collab or {}, self.lang)

    def credit(self, person: model.Contributor) -> list[tuple[str, str]]:
        return [(term, model.CREDIT_ROLES[term]) for term in person.credit]

    def aff_label(self, aff_id: str) -> str | None:
        if len(self.article.affiliations) < 2:
            return None
        ids = [aff.id for aff in self.article.affiliations]
        return str(ids.index(aff_id) + 1)

    def affiliations(self) -> list[Row]:
        out = []
        for aff in self.article.affiliations:
            given = [*(aff.institution or {}), *(aff.department or {}), *(aff.city or {})]
            langs = [lang for lang, _ in ordered(dict.fromkeys(given or [self.lang]), self.lang)]
            forms = []
            for lang in langs:
                country = None
                if aff.country:
                    names = aff.country_name or {}
                    country = names.get(lang) or localized_country_name(aff.country, lang)
                forms.append(
                    Row(
                        lang=lang,
                        institution=_pick(aff.institution, lang),
                        department=_pick(aff.department, lang),
                        city=_pick(aff.city, lang),
                        country=country,
                    )
                )
            out.append(
                Row(
                    id=aff.id,
                    label=self.aff_label(aff.id or ""),
                    ror=aff.ror,
                    country_code=aff.country,
                    forms=forms,
                )
            )
        return out

    # dates -------------------------------------------------------------------
    def pub_dates(self) -> list[Row]:
        p = self.article.published
        collection_format = "print" if self.journal.issn.print else "electronic"
        rows = [
            ("pub", "electronic", p.electronic),
            ("pub", "print", p.print),
            ("collection", collection_format, p.collection),
        ]
        return [_date_parts(value, type=kind, format=fmt) for kind, fmt, value in rows if value]

    def history(self) -> list[Row]:
        h = self.article.history
        rows = [("received", h.received)]
        rows += [("rev-recd", value) for value in h.revised]
        rows += [("accepted", h.accepted)]
        return [_date_parts(value, type=kind) for kind, value in rows if value]

    # permissions -------------------------------------------------------------
    def license_paragraphs(self) -> list[tuple[str, str]]:
        lic = self.article.license
        if lic is None:
            return []
        if lic.text:
            return ordered(lic.text, self.lang)
        if lic.spdx:
            return [("en", license_sentence(lic.spdx))]
        return [("en", f"This work is licensed under the licence at {lic.url}.")]

    def has_permissions(self) -> bool:
        return self.article.license is not None or self.article.copyright is not None

    # abstracts and keywords --------------------------------------------------
    def abstracts(self) -> list[tuple[str, list[str]]]:
        return ordered(self.article.abstract, self.lang)

    def abstract_type(self, code: str) -> str | None:
        """PMC's Style Checker wants every abstract but one typed; JATS 1.4 repeats ``abstract``
        for translations (1.3 has ``trans-abstract``), so for PMC those are typed."""
        if self.pmc and self.version != "1.3" and code != self.lang:
            return "translation"
        return None

    def keyword_groups(self) -> list[tuple[str, list[str]]]:
        return ordered(self.article.keywords, self.lang)

    def lang_attr_needed(self, mapping: dict[str, Any]) -> bool:
        """Repeated elements carry xml:lang as soon as more than one language is present."""
        return len(mapping) > 1

    # funding -----------------------------------------------------------------
    def funding_statements(self) -> list[tuple[str, str]]:
        return ordered(self.article.funding_statement or {}, self.lang)

    def funder_names(self, funding: model.Funding) -> list[tuple[str, str]]:
        return ordered(funding.funder, self.lang)

    def funder_id_type(self, funder_id: str) -> str:
        return identifiers.funder_id_type(funder_id)

    # references --------------------------------------------------------------
    def ref_list_title(self) -> str:
        return _REF_LIST_TITLES.get(self.lang.split("-")[0], "References")

    def references(self) -> list[Row]:
        out = []
        for ref in self.article.references:
            texts = ordered(ref.text or {}, self.lang)
            element = None
            if ref.structured:
                element = Row(
                    ref=ref,
                    lang=ref.lang,
                    authors=[_split_author(a) for a in ref.authors],
                    title_tag="chapter-title" if ref.type == "chapter" else "article-title",
                    accessed=_date_parts(ref.accessed) if ref.accessed else None,
                )
            out.append(
                Row(
                    id=ref.id,
                    type=ref.type,
                    texts=texts,
                    element=element,
                    alternatives=len(texts) + (1 if element else 0) > 1,
                )
            )
        return out


def _pick(values: dict[str, str] | None, lang: str) -> str | None:
    """The value in ``lang``, else the first one given (an institution may have one name)."""
    if not values:
        return None
    return values.get(lang) or next(iter(values.values()))


def render_jats(
    article: model.Article,
    version: JatsVersion = "1.4",
    tag_set: TagSet = "publishing",
    pmc: bool = False,
) -> str:
    """Render the article as JATS text (not yet indented or validated); ``pmc`` gives the form
    PubMed Central's Style Checker accepts where plain JATS allows more."""
    view = _View(article, version, tag_set, pmc)
    return environment().get_template("jats/article.xml.j2").render(v=view, a=article)


# Elements whose content mixes text and markup: their whitespace is content, never re-indented.
_MIXED = frozenset(
    {
        "article-title", "subtitle", "trans-title", "trans-subtitle", "p", "license-p",
        "mixed-citation", "kwd", "funding-statement", "aff", "institution", "collab", "title",
        "source", "chapter-title", "copyright-statement", "copyright-holder", "subject",
        "string-name", "bold", "italic", "sub", "sup", "sc", "underline", "ext-link", "xref",
        "self-uri", "publisher-name", "journal-title", "abbrev-journal-title",
        "meta-value", "funding-source", "element-citation", "comment", "role", "bio",
    }
)  # fmt: skip
_PARSER = safe_parser()
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


_PADS = ["\n" + "  " * level for level in range(64)]


def indent(element: etree._Element, level: int = 0) -> None:
    """Indent element-only content by two spaces per level; leave mixed content untouched."""
    if element.tag in _MIXED:
        return
    children = list(element)
    if not children:
        return
    text = element.text
    if text and not text.isspace():
        return
    for child in children:
        tail = child.tail
        if tail and not tail.isspace():
            return
    pad = _PADS[level + 1] if level < 63 else "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        child.tail = pad
        if len(child):
            indent(child, level + 1)
    children[-1].tail = _PADS[level] if level < 64 else "\n" + "  " * level


def _serialize_tree(text: str) -> tuple[bytes, etree._ElementTree]:
    """The indented document's bytes and the tree they were serialized from."""
    root = etree.fromstring(text.lstrip().encode("utf-8"), _PARSER)
    indent(root)
    tree = root.getroottree()
    return _DECLARATION + etree.tostring(tree, encoding="UTF-8") + b"\n", tree


def serialize(text: str) -> bytes:
    """Parse rendered XML text, indent it and serialize it deterministically."""
    return _serialize_tree(text)[0]


@lru_cache(maxsize=16)
def _dtd(grammars: Grammars, version: JatsVersion, tag_set: TagSet) -> etree.DTD:
    """The DTD for a version and tag set, looked up once (no catalog stat per article)."""
    dt = doctype(version, tag_set)
    return grammars.dtd(dt.public_id, dt.system_id)


def warm_up(options: Options) -> None:
    """Compile the templates and load the DTD now (once per process), not on the first article."""
    environment().get_template("jats/article.xml.j2")
    if options.grammars is not None:
        _dtd(options.grammars, options.version, options.tag_set)


def write_jats(article: model.Article, options: Options, name: str = "output.xml") -> Output:
    """Render, indent and (when ``options.grammars`` is set) DTD-validate one article.

    The bytes are deterministic; problems carry line and column in them. The tree built while
    indenting is validated as it is (the same content as the bytes); only when it is invalid are
    the bytes parsed again, so that the problems' line numbers are those of the written file.
    """
    text = render_jats(article, options.version, options.tag_set, "pmc" in options.profiles)
    data, tree = _serialize_tree(text)
    if options.grammars is None:
        return Output(data)
    dtd = _dtd(options.grammars, options.version, options.tag_set)
    if dtd.validate(tree):
        return Output(data)
    reparsed = etree.fromstring(data, _PARSER).getroottree()
    return Output(data, dtd_problems(reparsed, dtd, name))
