"""Build the PMC parity corpus: our outputs for every sample, and variants each breaking one rule.

Run from the repository root: ``python3 tests/data/pmc-stylechecker/make_corpus.py``, then
``scripts/pmc-stylechecker STYLECHECKER_DIR --record`` to record PMC's Style Checker's verdict on
each file into ``verdicts.json`` (what ``tests/test_pmc_parity.py`` compares the ``pmc`` profile
with). The files are the project's own: the samples' outputs and edits of one of them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SAMPLES = ROOT / "samples"
XLINK = "http://www.w3.org/1999/xlink"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ALI = "http://www.niso.org/schemas/ali/1.0/"
_BY_NC = "https://creativecommons.org/licenses/by-nc/4.0/"
# Each sample source, as the README's conversion command reads it.
SOURCES = [
    "japanese-studies-in-russia/2018-3/streltsov-6.yaml",
    "japanese-studies-in-russia/2018-3/shchukin-21.yaml",
    "japanese-studies-in-russia/2018-4/correction-streltsov-6.yaml",
    "russian-japanology-review/2018-1/streltsov-110.yaml",
    "ojs/2019-1/issue.xml",
    "html/2018-1/streltsov-110.html",
    "crossref/2018-3/streltsov-6.json",
    "nlm/2018-1/streltsov-110.nlm.xml",
]
BASE = "pmc13-japanese-studies-in-russia-streltsov-6.xml"
# The correction notice, the base of the variants of PMC's related-article rules.
NOTICE = "pmc13-japanese-studies-in-russia-correction-streltsov-6.xml"


def _slug(source: str) -> str:
    return source.split("/")[0]


def outputs() -> None:
    """The committed JATS 1.4 outputs, and the --jats-version 1.3 --profile pmc ones."""
    for source in SOURCES:
        src = SAMPLES / source
        stem = src.name.split(".")[0]
        for written in sorted(src.parent.glob(f"{stem}*.xml")):
            if written.name.endswith(".nlm.xml") or written == src:
                continue
            shutil.copy(written, HERE / f"jats14-{_slug(source)}-{written.name}")
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                [sys.executable, "-m", "converter", "convert", str(src), "-o", tmp,
                 "--jats-version", "1.3", "--profile", "pmc", "--write-invalid", "-q"],
                cwd=ROOT,
                check=False,
                capture_output=True,
            )  # fmt: skip
            for written in sorted(Path(tmp).glob("*.xml")):
                shutil.copy(written, HERE / f"pmc13-{_slug(source)}-{written.name}")


def _meta(root: etree._Element) -> etree._Element:
    return root.find("front/article-meta")


def _remove(el: etree._Element | None) -> None:
    assert el is not None
    el.getparent().remove(el)


def _issn_no_pub_type(root: etree._Element) -> None:
    del root.find("front/journal-meta/issn").attrib["pub-type"]


def _issn_bad_form(root: etree._Element) -> None:
    issn = root.find("front/journal-meta/issn")
    issn.text = issn.text.replace("-", "")


def _abstract_untyped(root: etree._Element) -> None:
    for el in _meta(root).findall("trans-abstract"):
        el.tag = "abstract"


def _no_categories(root: etree._Element) -> None:
    _remove(_meta(root).find("article-categories"))


def _trans_title_same_lang(root: etree._Element) -> None:
    group = _meta(root).find("title-group/trans-title-group")
    group.set(XML_LANG, root.get(XML_LANG))


def _copyright_year(root: etree._Element) -> None:
    _meta(root).find("permissions/copyright-year").text = "abc"


def _collection_without_epub(root: etree._Element) -> None:
    meta = _meta(root)
    for date in meta.findall("pub-date"):
        if date.get("date-type") == "collection":
            date.set("publication-format", "electronic")
        elif date.get("publication-format") == "electronic":
            meta.remove(date)


def _collection_epub_no_day(root: etree._Element) -> None:
    meta = _meta(root)
    for date in meta.findall("pub-date"):
        if date.get("date-type") == "collection":
            date.set("publication-format", "electronic")
        elif date.get("publication-format") == "electronic":
            _remove(date.find("day"))
            date.set("iso-8601-date", date.get("iso-8601-date")[:7])


def _pub_date_both(root: etree._Element) -> None:
    _meta(root).find("pub-date").set("pub-type", "epub")


def _print_and_collection(root: etree._Element) -> None:
    for date in _meta(root).findall("pub-date"):
        if date.get("date-type") == "collection":
            date.set("publication-format", "collection")
            date.set("date-type", "pub")


def _contrib_id_untyped(root: etree._Element) -> None:
    contrib = _meta(root).find("contrib-group/contrib")
    el = etree.Element("contrib-id")
    el.text = "https://orcid.org/0000-0002-1825-0097"
    contrib.insert(0, el)


def _two_names(root: etree._Element) -> None:
    alternatives = _meta(root).find("contrib-group/contrib/name-alternatives")
    contrib = alternatives.getparent()
    index = contrib.index(alternatives)
    for offset, name in enumerate(list(alternatives)):
        contrib.insert(index + offset, name)
    contrib.remove(alternatives)


def _alternatives_no_main(root: etree._Element) -> None:
    for name in _meta(root).find("contrib-group/contrib/name-alternatives"):
        name.set(XML_LANG, "en")


def _license_two_uris(root: etree._Element) -> None:
    para = _meta(root).find("permissions/license/license-p")
    link = etree.SubElement(para, "ext-link", {"ext-link-type": "uri", f"{{{XLINK}}}href": _BY_NC})
    link.text = _BY_NC
    link.tail = "."
    para.text += " See "


def _no_copyright_statement(root: etree._Element) -> None:
    for el in _meta(root).findall("permissions/copyright-statement"):
        _remove(el)


def _no_volume(root: etree._Element) -> None:
    _remove(_meta(root).find("volume"))


def _no_issue(root: etree._Element) -> None:
    _remove(_meta(root).find("issue"))


def _no_pages(root: etree._Element) -> None:
    _remove(_meta(root).find("fpage"))
    _remove(_meta(root).find("lpage"))


def _no_lpage(root: etree._Element) -> None:
    _remove(_meta(root).find("lpage"))


def _no_publisher(root: etree._Element) -> None:
    _remove(root.find("front/journal-meta/publisher"))


def _no_license(root: etree._Element) -> None:
    _remove(_meta(root).find("permissions/license"))


def _no_issn(root: etree._Element) -> None:
    for el in root.findall("front/journal-meta/issn"):
        _remove(el)


def _journal_id_untyped(root: etree._Element) -> None:
    for el in root.findall("front/journal-meta/journal-id"):
        del el.attrib["journal-id-type"]


def _journal_id_typed(kind: str, text: str) -> Callable[[etree._Element], None]:
    """One more journal-id, after the others."""

    def edit(root: etree._Element) -> None:
        last = root.findall("front/journal-meta/journal-id")[-1]
        added = etree.Element("journal-id", {"journal-id-type": kind})
        added.text, added.tail = text, last.tail
        last.addnext(added)

    return edit


def _heading(edit: Callable[[etree._Element], None]) -> Callable[[etree._Element], None]:
    """An edit of the article's first heading subj-group."""

    def apply(root: etree._Element) -> None:
        edit(_meta(root).find("article-categories/subj-group"))

    return apply


def _retyped(group: etree._Element, kind: str | None = "subject-area") -> None:
    for each in group.getparent().findall("subj-group"):
        if kind is None:
            del each.attrib["subj-group-type"]
        else:
            each.set("subj-group-type", kind)


def _second_subject(group: etree._Element) -> None:
    subject = group.find("subject")
    added = etree.Element("subject")
    added.text, added.tail = "Russia", subject.tail
    subject.addnext(added)


def _pub_dates_set(**attrs: str | None) -> Callable[[etree._Element], None]:
    """Set (or, given None, remove) an attribute of every pub-date typed date-type="pub"."""

    def edit(root: etree._Element) -> None:
        for date in _meta(root).findall("pub-date[@date-type='pub']"):
            for name, value in attrs.items():
                if value is None:
                    del date.attrib[name.replace("_", "-")]
                else:
                    date.set(name.replace("_", "-"), value)

    return edit


def _abstract_in_one_section(root: etree._Element) -> None:
    """The first abstract's paragraphs inside one sec."""
    abstract = _meta(root).find("abstract")
    section = etree.SubElement(abstract, "sec")
    etree.SubElement(section, "title").text = "Summary"
    for para in abstract.findall("p"):
        section.append(para)


def _ref_list_title_empty(root: etree._Element) -> None:
    root.find("back/ref-list/title").text = " "


def _journal_title_nlm23(root: etree._Element) -> None:
    """The journal title as NLM 2.3 wrote it, in journal-meta itself (for the general rule:
    the Style Checker takes it; DTD-invalid in JATS 1.3)."""
    group = root.find("front/journal-meta/journal-title-group")
    title = group.find("journal-title")
    title.tail = group.tail
    group.addprevious(title)
    _remove(group)


def _issn_l_only(root: etree._Element) -> None:
    """The linking ISSN in place of the print and electronic ones, in the Archiving tag set
    (whose journal-meta may lack an issn)."""
    docinfo = root.getroottree().docinfo
    docinfo.public_id = docinfo.public_id.replace(
        "Journal Publishing", "Journal Archiving and Interchange"
    )
    url = docinfo.system_url.replace("JATS-journalpublishing", "JATS-archivearticle")
    docinfo.system_url = url.replace("/publishing/", "/archiving/")
    issns = root.findall("front/journal-meta/issn")
    linking = etree.Element("issn-l")
    linking.text, linking.tail = issns[0].text, issns[-1].tail
    issns[-1].addnext(linking)
    for el in issns:
        _remove(el)


def _dtd_version_14(root: etree._Element) -> None:
    root.set("dtd-version", "1.4")


# The general profile's error rules, which the pmc profile includes: does PMC's tool reject these?
def _g_journal_title(root: etree._Element) -> None:
    _remove(root.find("front/journal-meta/journal-title-group/journal-title"))


def _g_issn_check_digit(root: etree._Element) -> None:
    root.find("front/journal-meta/issn").text = "2500-2873"


def _g_issn_typing(root: etree._Element) -> None:
    for issn in root.findall("front/journal-meta/issn"):
        issn.set("publication-format", "print")
        issn.set("pub-type", "ppub")


def _g_orcid_checksum(root: etree._Element) -> None:
    contrib = _meta(root).find("contrib-group/contrib")
    el = etree.Element("contrib-id", {"contrib-id-type": "orcid"})
    el.text = "https://orcid.org/0000-0002-1825-0098"
    contrib.insert(0, el)


def _g_ror_form(root: etree._Element) -> None:
    wrap = _meta(root).find("aff-alternatives/aff/institution-wrap")
    el = etree.Element("institution-id", {"institution-id-type": "ror"})
    el.text = "ror.org/05qrfxd25"
    wrap.insert(0, el)


def _g_doi_syntax(root: etree._Element) -> None:
    for el in _meta(root).findall("article-id"):
        if el.get("pub-id-type") == "doi":
            el.text = el.text.replace("jsr.", "jsr\u2010", 1)


def _g_date_real(root: etree._Element) -> None:
    date = _meta(root).find("history/date")
    date.find("day").text = "31"
    date.find("month").text = "09"
    date.set("iso-8601-date", date.get("iso-8601-date")[:4] + "-09-31")


def _g_date_order(root: etree._Element) -> None:
    for date in _meta(root).findall("history/date"):
        if date.get("date-type") == "accepted":
            date.find("month").text = "10"
            date.set(
                "iso-8601-date",
                date.get("iso-8601-date")[:5] + "10" + date.get("iso-8601-date")[7:],
            )


def _g_date_future(root: etree._Element) -> None:
    for date in _meta(root).iter("pub-date", "date"):
        date.find("year").text = "2099"
        date.set("iso-8601-date", "2099" + date.get("iso-8601-date")[4:])
    _meta(root).find("permissions/copyright-year").text = "2099"


def _g_license_ref_match(root: etree._Element) -> None:
    ref = _meta(root).find(f"permissions/license/{{{ALI}}}license_ref")
    ref.text = _BY_NC


def _g_lang_valid(root: etree._Element) -> None:
    _meta(root).find("trans-abstract").set(XML_LANG, "xx")


def _g_lang_unique(root: etree._Element) -> None:
    groups = _meta(root).findall("kwd-group")
    groups[1].set(XML_LANG, groups[0].get(XML_LANG))


def _g_alternatives_lang(root: etree._Element) -> None:
    names = _meta(root).find("contrib-group/contrib/name-alternatives")
    names[1].set(XML_LANG, names[0].get(XML_LANG))


def _g_id_unique(root: etree._Element) -> None:
    root.find("back/ref-list/ref[2]").set("id", "ref1")


def _g_xref_resolves(root: etree._Element) -> None:
    _meta(root).find("contrib-group/contrib/xref").set("rid", "aff9")


def _g_text_misdecoded(root: etree._Element) -> None:
    """The article's title saved as UTF-8 and read as Windows-1251 (mojibake)."""
    title = _meta(root).find("title-group/article-title")
    title.text = title.text.encode("utf-8").decode("cp1251", errors="replace")


def _article_type(value: str | None) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        if value is None:
            del root.attrib["article-type"]
        else:
            root.set("article-type", value)

    return edit


def _license_url(url: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        license_ = _meta(root).find("permissions/license")
        license_.set(f"{{{XLINK}}}href", url)
        license_.find(f"{{{ALI}}}license_ref").text = url

    return edit


def _orcid(value: str, element: str = "contrib-id") -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        contrib = _meta(root).find("contrib-group/contrib")
        if element == "contrib-id":
            el = etree.Element("contrib-id", {"contrib-id-type": "orcid"})
            contrib.insert(0, el)
        else:
            el = etree.SubElement(contrib, "uri", {"content-type": "orcid"})
        el.text = value

    return edit


def _article_doi(value: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        for el in _meta(root).findall("article-id"):
            if el.get("pub-id-type") == "doi":
                el.text = value

    return edit


def _pub_date_format_only(root: etree._Element) -> None:
    del _meta(root).find("pub-date").attrib["date-type"]


def _pub_date_type_and_date_type(root: etree._Element) -> None:
    date = _meta(root).find("pub-date")
    del date.attrib["publication-format"]
    date.set("pub-type", "epub")


def _pub_date_no_attrs(root: etree._Element) -> None:
    date = _meta(root).find("pub-date")
    for name in ("date-type", "publication-format"):
        del date.attrib[name]


def _trans_title_no_lang(root: etree._Element) -> None:
    del _meta(root).find("title-group/trans-title-group").attrib[XML_LANG]


def _trans_abstract_no_lang(root: etree._Element) -> None:
    del _meta(root).find("trans-abstract").attrib[XML_LANG]


def _empty(path: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        el = _meta(root).find(path)
        for child in list(el):
            el.remove(child)
        el.text = " "

    return edit


def _contrib_no_name(root: etree._Element) -> None:
    _remove(_meta(root).find("contrib-group/contrib/name-alternatives"))


def _given_names_only(root: etree._Element) -> None:
    _remove(_meta(root).find("contrib-group/contrib/name-alternatives/name[2]/surname"))


def _given_only_styled(root: etree._Element) -> None:
    name = _meta(root).find("contrib-group/contrib/name-alternatives/name[2]")
    _remove(name.find("surname"))
    name.set("name-style", "given-only")


def _two_epub(root: etree._Element) -> None:
    meta = _meta(root)
    first = meta.find("pub-date")
    second = etree.fromstring(etree.tostring(first))
    second.tail = first.tail
    first.addnext(second)


def _two_dois(root: etree._Element) -> None:
    for el in _meta(root).findall("article-id"):
        if el.get("pub-id-type") == "doi":
            copy = etree.fromstring(etree.tostring(el))
            copy.text = el.text + ".x"
            el.addnext(copy)


def _issn_pub_type(value: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        root.find("front/journal-meta/issn").set("pub-type", value)

    return edit


def _self_uri_empty(root: etree._Element) -> None:
    uri = _meta(root).find("self-uri")
    uri.set(f"{{{XLINK}}}href", " ")


def _math_without_id(root: etree._Element) -> None:
    para = _meta(root).find("trans-abstract/p")
    formula = etree.SubElement(para, "inline-formula")
    math = etree.SubElement(formula, "{http://www.w3.org/1998/Math/MathML}math")
    etree.SubElement(math, "{http://www.w3.org/1998/Math/MathML}mi").text = "x"


def _cited(tag: str, text: str, **attrs: str) -> Callable[[etree._Element], None]:
    """Add an element (pub-id, ext-link) at the end of the first reference's
    element-citation; attribute names are written with ``_`` for ``-``, ``href`` is
    ``xlink:href``."""

    def edit(root: etree._Element) -> None:
        citation = root.find("back/ref-list/ref/citation-alternatives/element-citation")
        added = etree.SubElement(citation, tag)
        for name, value in attrs.items():
            key = f"{{{XLINK}}}href" if name == "href" else name.replace("_", "-")
            added.set(key, value)
        added.text = text
        added.tail = "\n"

    return edit


def _article_id_type(value: str | None) -> Callable[[etree._Element], None]:
    """Retype (or, given None, untype) the article's publisher-id article-id."""

    def edit(root: etree._Element) -> None:
        el = _meta(root).find("article-id[@pub-id-type='publisher-id']")
        if value is None:
            del el.attrib["pub-id-type"]
        else:
            el.set("pub-id-type", value)

    return edit


def _season(text: str, iso_date: str | None = None) -> Callable[[etree._Element], None]:
    """The collection date given by a season instead of its month (with, if given, an
    iso-8601-date in place of its own)."""

    def edit(root: etree._Element) -> None:
        date = _meta(root).find("pub-date[@date-type='collection']")
        month = date.find("month")
        season = etree.Element("season")
        season.text = text
        season.tail = month.tail
        date.replace(month, season)
        if iso_date is not None:
            date.set("iso-8601-date", iso_date)

    return edit


def _xref_without(attr: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        del _meta(root).find("contrib-group/contrib/xref").attrib[attr]

    return edit


def _ref_without_id(root: etree._Element) -> None:
    del root.find("back/ref-list/ref").attrib["id"]


_CC_BY = "https://creativecommons.org/licenses/by/4.0/"
_ORCID = "0000-0002-1825-0097"

# One variant per rule of PMC's (or of our reading of PMC's documentation) that it breaks.
VARIANTS: dict[str, Callable[[etree._Element], None]] = {
    "issn-no-pub-type": _issn_no_pub_type,
    "issn-bad-form": _issn_bad_form,
    "abstract-untyped": _abstract_untyped,
    "no-article-categories": _no_categories,
    "trans-title-same-lang": _trans_title_same_lang,
    "copyright-year-abc": _copyright_year,
    "collection-without-epub": _collection_without_epub,
    "collection-epub-no-day": _collection_epub_no_day,
    "pub-date-both-attrs": _pub_date_both,
    "print-and-collection": _print_and_collection,
    "contrib-id-untyped": _contrib_id_untyped,
    "two-names": _two_names,
    "alternatives-no-main": _alternatives_no_main,
    "license-two-uris": _license_two_uris,
    "no-copyright-statement": _no_copyright_statement,
    "no-volume": _no_volume,
    "no-issue": _no_issue,
    "no-pages": _no_pages,
    "no-lpage": _no_lpage,
    "no-publisher": _no_publisher,
    "no-license": _no_license,
    "no-issn": _no_issn,
    "journal-id-untyped": _journal_id_untyped,
    # the two types its journal-id-check takes beyond the twelve its message names
    "journal-id-nlm-catalogue": _journal_id_typed("nlm-journal-id", "101775000"),
    "journal-id-pubmed": _journal_id_typed("pubmed-jr-id", "45678"),
    "journal-id-empty": _journal_id_typed("nlm-ta", " "),
    "issn-l-only": _issn_l_only,
    # the article's section is a heading subj-group of one subject
    "subject-heading-missing": _heading(_retyped),
    "subject-heading-untyped": _heading(lambda group: _retyped(group, None)),
    "subject-heading-part": _heading(lambda group: _retyped(group, "part")),
    "subject-heading-two-subjects": _heading(_second_subject),
    "general-journal-title-nlm23": _journal_title_nlm23,
    "abstract-one-section": _abstract_in_one_section,
    "ref-list-title-empty": _ref_list_title_empty,
    # pub-date's date-type and publication-format, and a date typed well enough to be one
    "pub-date-type-publication": _pub_dates_set(date_type="publication"),
    "pub-date-format-online": _pub_dates_set(publication_format="online"),
    "pub-date-untyped": _pub_dates_set(publication_format=None),
    "pub-date-none-typed": lambda root: [
        d.attrib.pop("publication-format") for d in _meta(root).findall("pub-date")
    ],
    "dtd-version-1.4": _dtd_version_14,
    "general-journal-title": _g_journal_title,
    "general-issn-check-digit": _g_issn_check_digit,
    "general-issn-typing": _g_issn_typing,
    "general-orcid-checksum": _g_orcid_checksum,
    "general-ror-form": _g_ror_form,
    "general-doi-syntax": _g_doi_syntax,
    "general-date-real": _g_date_real,
    "general-date-order": _g_date_order,
    "general-date-future": _g_date_future,
    "general-license-ref-match": _g_license_ref_match,
    "general-lang-valid": _g_lang_valid,
    "general-lang-unique": _g_lang_unique,
    "general-alternatives-lang": _g_alternatives_lang,
    "general-id-unique": _g_id_unique,
    "general-xref-resolves": _g_xref_resolves,
    "general-text-misdecoded": _g_text_misdecoded,
    "article-type-review": _article_type("review"),
    "article-type-dissertation": _article_type("dissertation"),
    "article-type-missing": _article_type(None),
    "article-type-spaced": _article_type(" research-article "),
    "correction-without-related-article": _article_type("correction"),
    "reply-without-related-article": _article_type("reply"),
    "commentary-without-related-article": _article_type("article-commentary"),
    "license-legalcode": _license_url(_CC_BY + "legalcode"),
    "license-deed-ru": _license_url(_CC_BY + "deed.ru"),
    "license-http-www-no-slash": _license_url("http://www.creativecommons.org/licenses/by/4.0"),
    "orcid-bare": _orcid(_ORCID),
    "orcid-http": _orcid(f"http://orcid.org/{_ORCID}"),
    "orcid-uri-bare": _orcid(_ORCID, "uri"),
    "doi-url": _article_doi("https://doi.org/10.5555/jsr.2018.3.6"),
    "doi-prefix": _article_doi("doi:10.5555/jsr.2018.3.6"),
    "doi-space": _article_doi("10.5555/jsr. 2018.3.6"),
    "doi-empty-suffix": _article_doi("10.5555/"),
    "pub-date-format-only": _pub_date_format_only,
    "pub-date-no-attrs": _pub_date_no_attrs,
    "pub-date-type-and-date-type": _pub_date_type_and_date_type,
    "trans-title-no-lang": _trans_title_no_lang,
    "trans-abstract-no-lang": _trans_abstract_no_lang,
    "empty-surname": _empty("contrib-group/contrib/name-alternatives/name[2]/surname"),
    "empty-volume": _empty("volume"),
    "empty-article-categories": _empty("article-categories"),
    "contrib-no-name": _contrib_no_name,
    "name-given-names-only": _given_names_only,
    "name-given-only-styled": _given_only_styled,
    "pub-date-two-electronic": _two_epub,
    "article-id-two-dois": _two_dois,
    "issn-pub-type-collection": _issn_pub_type("collection"),
    "self-uri-empty-href": _self_uri_empty,
    "mathml-without-id": _math_without_id,
    # identifier types, PMIDs, seasons, ref ids, xref rids and ext-link types
    "article-id-untyped": _article_id_type(None),
    "article-id-type-unknown": _article_id_type("elibrary"),
    "article-id-type-case": _article_id_type("Publisher-id"),
    "pub-id-doi": _cited("pub-id", "10.5555/rg.2017.9.6", pub_id_type="doi"),
    "pub-id-untyped": _cited("pub-id", "10.5555/rg.2017.9.6"),
    "pub-id-type-empty": _cited("pub-id", "10.5555/rg.2017.9.6", pub_id_type=""),
    "pub-id-type-unknown": _cited("pub-id", "29912345", pub_id_type="elibrary"),
    # a type JATS 1.3 takes and PMC does not
    "pub-id-type-handle": _cited("pub-id", "11234/5678", pub_id_type="handle"),
    "pub-id-pmid": _cited("pub-id", "29912345", pub_id_type="pmid"),
    "pub-id-pmid-prefixed": _cited("pub-id", "PMID: 29912345", pub_id_type="pmid"),
    "pub-id-pmid-leading-zero": _cited("pub-id", "029912345", pub_id_type="pmid"),
    "season-autumn": _season("Autumn"),
    "season-month-range": _season("Sep\u2013Oct"),
    "season-season-range": _season("winter-spring"),
    "season-russian": _season("Осень"),
    "season-backwards": _season("Oct-Sep"),
    "season-quarter": _season("3rd Quarter"),
    "season-russian-iso-date": _season("Осень", "2018-09-30"),
    "ref-without-id": _ref_without_id,
    "xref-without-rid": _xref_without("rid"),
    "xref-without-ref-type": _xref_without("ref-type"),
    "ext-link-uri": _cited("ext-link", "rg.ru", ext_link_type="uri", href="https://rg.ru/"),
    "ext-link-uri-capitals": _cited(
        "ext-link", "rg.ru", ext_link_type="URI", href="https://rg.ru/"
    ),
    "ext-link-untyped": _cited("ext-link", "rg.ru", href="https://rg.ru/"),
    "ext-link-type-web": _cited("ext-link", "rg.ru", ext_link_type="web", href="https://rg.ru/"),
    "ext-link-type-email": _cited(
        "ext-link", "a@example.org", ext_link_type="email", href="mailto:a@example.org"
    ),
    "ext-link-without-href": _cited("ext-link", "rg.ru", ext_link_type="uri"),
}


def _related(root: etree._Element) -> etree._Element:
    return _meta(root).find("related-article")


def _related_set(**attrs: str | None) -> Callable[[etree._Element], None]:
    """Set (or, given None, remove) attributes of the notice's related-article; ``article_type``
    sets the article's."""

    def edit(root: etree._Element) -> None:
        related = _related(root)
        for name, value in attrs.items():
            if name == "article_type":
                root.set("article-type", value or "")
                continue
            attribute = f"{{{XLINK}}}href" if name == "href" else name.replace("_", "-")
            if value is None:
                del related.attrib[attribute]
            else:
                related.set(attribute, value)

    return edit


def _second_related(kind: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        first = _related(root)
        second = etree.fromstring(etree.tostring(first))
        second.set("id", "ra2")
        second.set("related-article-type", kind)
        second.tail = first.tail
        first.addnext(second)

    return edit


def _pmid_beside_doi(root: etree._Element) -> None:
    """The related article's PubMed id beside its DOI, as the converter writes it: a pub-id
    after the citation."""
    related = _related(root)
    related.text += " "
    etree.SubElement(related, "pub-id", {"pub-id-type": "pmid"}).text = "29912345"


def _preprint_status(root: etree._Element) -> None:
    """The article says it is a preprint (JATS 1.2's article-version, after the article-ids)."""
    last_id = _meta(root).findall("article-id")[-1]
    version = etree.Element("article-version", {"article-version-type": "status"})
    version.text, version.tail = "preprint", last_id.tail
    last_id.addnext(version)


def _related_object(link_type: str, article_type: str) -> Callable[[etree._Element], None]:
    """A related-object naming an article after the related-article; the article's type."""

    def edit(root: etree._Element) -> None:
        related = _related(root)
        attrs = {"id": "ro1", "document-type": "article", "link-type": link_type,
                 "document-id-type": "doi", "document-id": "10.5555/jsr.2018.3.6"}  # fmt: skip
        added = etree.Element("related-object", attrs)
        added.text, added.tail = "The article.", related.tail
        related.addnext(added)
        root.set("article-type", article_type)

    return edit


def _both(*edits: Callable[[etree._Element], None]) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        for each in edits:
            each(root)

    return edit


def _notice_abstract(root: etree._Element) -> None:
    abstract = etree.Element("abstract")
    etree.SubElement(abstract, "p").text = "The affiliation of the author is corrected."
    abstract.tail = _related(root).tail
    _related(root).addnext(abstract)


# Variants of the correction notice: PMC's tests of related-article and of notices, broken or
# (the linked notices of each kind, a link by text alone) kept.
NOTICE_VARIANTS: dict[str, Callable[[etree._Element], None]] = {
    "related-no-id": _related_set(id=None),
    "related-type-partial-retraction": _related_set(
        related_article_type="partial-retraction", article_type="retraction"
    ),
    "related-retraction-linked": _related_set(
        related_article_type="retracted-article", article_type="retraction"
    ),
    "related-concern-linked": _related_set(
        related_article_type="object-of-concern", article_type="expression-of-concern"
    ),
    "related-commentary-in-editorial": _related_set(
        related_article_type="commentary-article", article_type="editorial"
    ),
    "related-forward-in-research-article": _related_set(
        related_article_type="correction-forward", article_type="research-article"
    ),
    "related-corrected-in-research-article": _related_set(article_type="research-article"),
    "related-commentary-in-correction": _second_related("commentary-article"),
    # a link to the article a preprint became: PMC wants the preprint to say it is one
    "related-published-article": _related_set(
        related_article_type="published-article", article_type="research-article"
    ),
    "related-published-article-in-preprint": _both(
        _related_set(related_article_type="published-article", article_type="research-article"),
        _preprint_status,
    ),
    # a related-object naming an article is held to the article type as a related-article is
    "related-object-corrected-in-research-article": _related_object(
        "corrected-article", "research-article"
    ),
    "related-object-corrected-in-correction": _related_object("corrected-article", "correction"),
    "related-object-no-id": _both(
        _related_object("corrected-article", "correction"),
        lambda root: _meta(root).find("related-object").attrib.pop("id"),
    ),
    "related-object-id-untyped": _both(
        _related_object("corrected-article", "correction"),
        lambda root: _meta(root).find("related-object").attrib.pop("document-id-type"),
    ),
    "related-object-link-preprint": _related_object("preprint", "research-article"),
    "related-citation-only": _related_set(ext_link_type=None, href=None),
    "related-href-untyped": _related_set(ext_link_type=None),
    "related-doi-typed-pubmed": _related_set(ext_link_type="pubmed"),
    "related-doi-typed-empty": _related_set(ext_link_type=""),
    "related-doi-prefixed": _related_set(href="doi:10.5555/jsr.2018.3.6"),
    "related-own-doi": _related_set(href="10.5555/jsr.2018.4.180"),
    "related-own-volume-page": _related_set(ext_link_type=None, href=None, vol="2", page="180"),
    "correction-with-abstract": _notice_abstract,
    # a related article by its PubMed id: the link, or a pub-id beside the DOI
    "related-pmid-linked": _related_set(ext_link_type="pubmed", href="29912345"),
    "related-pmid-beside-doi": _pmid_beside_doi,
    # the Style Checker's related-article warnings: a reply, a commentary, an in-brief without
    # the link it expects; a letter's, reply's or alt-language link to the article itself
    "related-reply-without-letter": _related_set(
        related_article_type="companion", article_type="reply"
    ),
    "related-reply-linked": _related_set(related_article_type="letter", article_type="reply"),
    "related-commentary-without-article": _related_set(
        related_article_type="companion", article_type="article-commentary"
    ),
    "related-commentary-linked": _related_set(
        related_article_type="commentary-article", article_type="article-commentary"
    ),
    "related-in-brief-without-reference": _related_set(
        related_article_type="companion", article_type="in-brief"
    ),
    "related-in-brief-linked": _related_set(
        related_article_type="article-reference", article_type="in-brief"
    ),
    "related-own-doi-in-letter": _related_set(
        related_article_type="companion", article_type="letter", href="10.5555/jsr.2018.4.180"
    ),
    "related-own-doi-alt-language": _related_set(
        related_article_type="alt-language",
        href="10.5555/jsr.2018.4.180",
        article_type="research-article",
    ),
    "related-own-volume-page-in-reply": _related_set(
        related_article_type="letter",
        article_type="reply",
        ext_link_type=None,
        href=None,
        vol="2",
        page="180",
    ),
    "related-own-volume-page-reviewed": _related_set(
        related_article_type="reviewed-article",
        article_type="research-article",
        ext_link_type=None,
        href=None,
        vol="2",
        page="180",
    ),
}


def variants() -> None:
    for base, edits in ((BASE, VARIANTS), (NOTICE, NOTICE_VARIANTS)):
        for name, edit in edits.items():
            parser = etree.XMLParser(load_dtd=False, no_network=True)
            tree = etree.parse(str(HERE / base), parser)
            edit(tree.getroot())
            data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
            (HERE / f"variant-{name}.xml").write_bytes(data + b"\n")


if __name__ == "__main__":
    for old in HERE.glob("*.xml"):
        old.unlink()
    outputs()
    variants()
    print(f"{len(list(HERE.glob('*.xml')))} files in {HERE}")
