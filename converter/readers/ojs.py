"""Read the export of OJS 3.x's Native XML plugin: an issue (or a set of articles), many articles;
and OJS 2.x's "Articles & Issues XML" export, rewritten as the OJS 3.0 one by ``ojs2``.

The export holds no journal title or ISSN (it is imported into a journal), so the journal comes
from ``--journal`` or a journal file beside the export. Each article gives one ``Loaded``; its
localised fields become per-language values (``ru_RU`` → ``ru``) and the HTML of abstracts
becomes inline markup, what JATS cannot hold being dropped with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import defs as html_defs

from converter import alphabets
from converter.errors import InputError, cannot_read
from converter.identifiers import normalize_ror
from converter.input_limit import max_input_bytes, too_large
from converter.messages import shorten
from converter.model import (
    BACKWARDS,
    ArticleUrls,
    Journal,
    inverted_pages,
    page_list,
    range_problem,
)
from converter.notices import DROPPED, OUT_OF_SCOPE, SIMPLIFIED
from converter.publication_status import META_NAME, mark
from converter.readers.base import Loaded, ReadContext
from converter.readers.common import (
    ADDRESS,
    build,
    email_or_warn,
    identifier_or_warn,
    issue_doi_or_warn,
    journal_for,
    locale_language,
    not_carried,
    orcid_or_warn,
    parse_xml,
    split_pages,
    unlabelled_pages,
    without_page_word,
)
from converter.readers.markup import (
    BLOCK_TAGS,
    INLINE_TAGS,
    Collector,
    html_inline,
    html_paragraphs,
    tidy,
)
from converter.readers.ojs2 import PKP_NS, as_ojs3, is_ojs2
from converter.readers.ojs_groups import group_role
from converter.readers.reference_lists import pair_lists
from converter.readers.sniffing import XmlStart
from converter.xmlns import local_name

_ROOTS = ("issue", "issues", "articles", "article")
# Languages whose names are written surname first (JATS name-style="eastern" in Russian practice).
_EASTERN = frozenset({"ru", "uk", "be", "bg", "kk", "ky", "tg", "zh", "ja", "ko", "vi", "hu"})


def sniff(path: Path, head: bytes, start: XmlStart | None = None) -> str | None:
    """An element in the PKP namespace as the root: an OJS native export (or another PKP
    export, such as users, which the reader names); or OJS 2.x's DOCTYPE or issue. The root
    as the parser finds it (``start``) first, however far into the file; then the first
    bytes."""
    if start is not None and (start.namespace == PKP_NS or _ojs2_start(start)):
        return "ojs"
    text = head.decode("utf-8", "replace")
    if start is not None:
        # The root is known: the first bytes' tags may be a comment's (a JATS file noting the
        # export it was made from was read as one); only 2.x's issue of sections, which the
        # root's first child cannot tell, is looked for in them
        nested = start.root in ("issue", "issues") and not start.namespace
        return "ojs" if nested and _OJS2_NESTED.search(text) else None
    if PKP_NS in text and (re.search(r"<(issues?|articles?)\b", text) or _pkp_root(text)):
        return "ojs"
    if _OJS2_DOCTYPE.search(text) or _OJS2_ISSUE.search(text) or _OJS2_NESTED.search(text):
        return "ojs"  # OJS 2.x: read as the OJS 3.0 export it corresponds to
    return None


def _ojs2_start(start: XmlStart) -> bool:
    """OJS 2.x's root in no namespace: its DOCTYPE's ids, or an issue ``published="true"``."""
    if start.namespace or start.root not in ("issue", "issues", "article", "articles"):
        return False
    doctype = f"{start.public_id or ''} {start.system_url or ''}"
    if "OJS Articles and Issues XML" in doctype or "native.dtd" in doctype:
        return True
    return start.root == "issue" and start.attributes.get("published") in ("true", "false")


# The root's start tag (after the declaration, comments, a DOCTYPE): its prefix, if any, and
# its attributes, where the namespace of that prefix (or the default one) is declared.
_PROLOG = re.compile(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.S)
_ROOT_TAG = re.compile(r"<(?:([A-Za-z_][\w.-]*):)?[A-Za-z_][\w.-]*(\s[^>]*)?/?>")


def _pkp_root(text: str) -> bool:
    """Whether the root element is in the PKP namespace, with or without a prefix
    (``<pkp:issue xmlns:pkp="http://pkp.sfu.ca">``, as tools that rewrite XML write it)."""
    found = _ROOT_TAG.search(_PROLOG.sub("", text))
    if found is None:
        return False
    declared = "xmlns" + (f":{found.group(1)}" if found.group(1) else "")
    return bool(
        re.search(
            rf"\b{re.escape(declared)}\s*=\s*[\"']{re.escape(PKP_NS)}[\"']", found.group(2) or ""
        )
    )


_OJS2_DOCTYPE = re.compile(
    r"<!DOCTYPE\s+(issues?|articles?)\s[^>]*(OJS Articles and Issues XML|native\.dtd)"
)
# OJS 2.x wrote published="true" on an issue with no namespace; 3.x writes published="1".
_OJS2_ISSUE = re.compile(r"<issue\s(?![^>]*xmlns=)[^>]*\bpublished=\"(true|false)\"")
# ... or, written without it (by a script), an issue whose first section holds an article
_OJS2_NESTED = re.compile(r"<issues?\b(?![^>]*xmlns=)[^>]*>.*?<section>.*?<article\b", re.S)


def _pkp(element: etree._Element | None, name: str) -> list[etree._Element]:
    if element is None:
        return []
    return [
        child
        for child in element
        if isinstance(child.tag, str) and etree.QName(child).localname == name
    ]


def _first(element: etree._Element | None, name: str) -> etree._Element | None:
    found = _pkp(element, name)
    return found[0] if found else None


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return tidy("".join(element.itertext()))


# The start tag of an <embed> (a file's content in base64, in any prefix), and how much of the
# file is read at a time while the embedded files are skipped.
_EMBED_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?embed\b[^<>]*>")
_CHUNK = 4 * 1024 * 1024
_LONGEST_TAG = 64 * 1024


def export_bytes(path: Path) -> bytes:
    """The export as the reader needs it: every byte but the content of its ``<embed>``
    elements, which are the galleys, supplementary files and covers in base64 and no metadata.

    OJS embeds the files by default, so a real issue export is often hundreds of megabytes and
    one PDF of 8 MB is a text node of 10 MB, past the parser's limit ("Text node too long");
    skipping their content while reading keeps any export readable in little memory. Base64
    holds no ``<``, so an embed's content ends at the first ``<``; its line breaks are kept so
    that a later line number is the file's. ``InputError`` (one line) if it cannot be read."""
    out = bytearray()
    pending = b""
    inside = False
    limit = max_input_bytes()  # (what is kept: the embedded files do not count)
    try:
        with path.open("rb") as stream:
            while True:
                chunk = stream.read(_CHUNK)
                buf, pending, pos = pending + chunk, b"", 0
                while pos < len(buf):
                    if inside:
                        end = buf.find(b"<", pos)
                        stop = len(buf) if end < 0 else end
                        out += b"\n" * buf.count(b"\n", pos, stop)
                        pos, inside = stop, end < 0
                        continue
                    match = _EMBED_OPEN.search(buf, pos)
                    if match is not None:
                        out += buf[pos : match.end()]
                        pos, inside = match.end(), not match.group().endswith(b"/>")
                        continue
                    # hold back a tag the chunk's end may have cut (it could be an <embed>)
                    cut = buf.rfind(b"<", pos)
                    if (
                        chunk
                        and cut >= 0
                        and b">" not in buf[cut:]
                        and len(buf) - cut < _LONGEST_TAG
                    ):
                        out += buf[pos:cut]
                        pending = buf[cut:]
                    else:
                        out += buf[pos:]
                    pos = len(buf)
                if len(out) > limit:
                    said = too_large().strerror
                    raise InputError(str(path), [f"without its embedded files, {said}"])
                if not chunk:
                    return bytes(out)
    except OSError as exc:
        raise InputError(str(path), [cannot_read(exc)]) from None


def read(path: Path, context: ReadContext) -> Iterator[Loaded]:
    """Every article of an OJS native export: one ``Loaded`` per article, in document order."""
    try:
        root = parse_xml(export_bytes(path), str(path))
    except InputError as exc:
        yield Loaded(str(path), path.stem, problems=exc.lines())
        return
    problem = root_problem(root)
    if problem:
        # A folder's XML file outside the PKP namespace (a JATS article, a sitemap) is plainly
        # no export: not an article, as --from jats takes an OJS export; it was bad input.
        plainly = context.found and etree.QName(root).namespace != PKP_NS
        yield Loaded(str(path), path.stem, problems=[f"{path}: {problem}"], not_article=plainly)
        return
    ojs2 = is_ojs2(root)
    root = native_root(root)
    issues = [root] if local_name(root, lower=True) == "issue" else _pkp(root, "issue")
    found: list[tuple[etree._Element, etree._Element | None]] = []
    for issue in issues:
        found += [(art, issue) for art in _pkp(_first(issue, "articles"), "article")]
    if local_name(root, lower=True) == "articles":
        found += [(art, None) for art in _pkp(root, "article")]
    elif local_name(root, lower=True) == "article":
        found.append((root, None))
    if not found:
        yield Loaded(str(path), path.stem, problems=[f"{path}: the export holds no article"])
        return
    journal = journal_for(path, context)
    for index, (article, issue) in enumerate(found, start=1):
        log = Collector()
        name, stem = f"{path}#{index}", f"{path.stem}-{index}"
        pub = _publication(article, log)
        try:
            data = _article(article, pub, issue, log)
        except InputError as exc:  # a value the model would refuse, named as the export has it
            yield Loaded(name, stem, problems=InputError(name, exc.problems).lines())
            continue
        _links(article, pub, journal, data, log)
        _issue_link(issue, journal, data)
        names = _source_names(article, pub, issue, ojs2)
        yield build(
            data,
            path=path,
            name=name,
            stem=stem,
            context=context,
            warnings=log.warnings,
            source_names=names,
        )


def _source_names(
    article: etree._Element, pub: etree._Element, issue: etree._Element | None, ojs2: bool
) -> dict[str, str]:
    """The export's names of the values the model may refuse (``named_as_source``), as the
    export writes them: OJS 3 dates a publication by its ``date_published`` attribute, OJS 2 an
    article by a ``<date_published>`` element (read as that attribute); an article without its
    own date has its issue's."""
    dated_by = _publication_date(article, pub, issue)[1]
    if ojs2 and dated_by == "date_published":
        dated_by = "<date_published>"
    return {
        "published.electronic": dated_by,
        "history.received": "date_submitted",
        "doi": '<id type="doi">',
        "license": "<permissions/license_url>" if ojs2 else "<licenseUrl>",
    }


def root_problem(root: etree._Element) -> str | None:
    """Why a parsed file is not an OJS native export (3.x's, or 2.x's "Articles & Issues
    XML"), or None when it is one."""
    name = local_name(root)
    if etree.QName(root).namespace == PKP_NS:
        if name.lower() in _ROOTS:
            return None
        if name.lower() == "pkpusers":
            return (
                f"an OJS users export (<{name}>), not articles: export the issue or its "
                "articles with OJS's Native XML plugin (Tools › Import/Export)"
            )
        return (
            f"<{name}> is a PKP export, not OJS's native export of issues or articles "
            "(<issue>, <issues>, <articles> or <article>)"
        )
    if is_ojs2(root):
        return None
    return f"not an OJS native export (root <{name}> not in the PKP namespace)"


def native_root(root: etree._Element) -> etree._Element:
    """The export as OJS 3 writes it: an OJS 2.x export rewritten as the OJS 3.0 one."""
    return as_ojs3(root) if is_ojs2(root) else root


def _localized(elements: list[etree._Element], default: str) -> dict[str, etree._Element]:
    """Elements by language (their ``locale`` attribute; none means the submission's). One
    whose locale names no language (``xx_XX``) is in none: taken as the submission's, it
    replaced the title in that language; it is left out here and said by _unknown_locale."""
    out: dict[str, etree._Element] = {}
    for element in elements:
        if _known_locale(element):
            out.setdefault(locale_language(element.get("locale"), default) or default, element)
    return out


def _known_locale(element: etree._Element) -> bool:
    """No locale (the submission's language), or a locale that names a language."""
    locale = (element.get("locale") or "").strip()
    return not locale or locale_language(locale) is not None


def _unknown_locale(element: etree._Element, name: str, log: Collector) -> None:
    """Say an element with text whose locale names no language: it is in no output."""
    if not _known_locale(element) and _text(element):
        log.warn(
            f"<{name} locale={element.get('locale')!r}> {_text(element)!r}: not carried: "
            "its locale names no language"
        )


def _publication(article: etree._Element, log: Collector) -> etree._Element:
    """The current publication (OJS ≥ 3.2), or the article itself (3.0/3.1 exports).

    The article names it by ``current_publication_id``. When that names none of several
    publications (missing, or an export edited by hand or by a migration script), the one
    taken is the one OJS itself makes current: the last published (``status="3"``), else the
    last. That is a guess at which version is the article, so it is said (as data dropped:
    ``--strict`` refuses it rather than archive another version than the one online)."""
    publications = _pkp(article, "publication")
    if not publications:
        return article
    current = (article.get("current_publication_id") or "").strip()
    ids = [_internal_id(publication) for publication in publications]
    if current and current in ids:
        return publications[ids.index(current)]
    published = [p for p in publications if (p.get("status") or "").strip() == "3"]
    taken = (published or publications)[-1]
    if len(publications) > 1:
        listed = f"{len(publications)} publications ({', '.join(repr(i) for i in ids)})"
        named = (
            f"current_publication_id {current!r} names none of its {listed}"
            if current
            else f"no current_publication_id names one of its {listed}"
        )
        which = "the last published one" if published else "the last one (none is published)"
        taken_name = _publication_name(taken, publications)
        log.warn(f"{named}: read {taken_name}, {which}, as OJS takes the current one")
    return taken


def _internal_id(publication: etree._Element) -> str:
    """A publication's own id (``<id type="internal">``), or "" when it has none."""
    ids = [_text(i) for i in _pkp(publication, "id") if i.get("type") == "internal"]
    return ids[0] if ids else ""


def _publication_name(publication: etree._Element, publications: list[etree._Element]) -> str:
    """A publication as messages name it: its id, else its place, and its version."""
    ident = _internal_id(publication)
    name = (
        f"publication {ident!r}"
        if ident
        else f"publication {publications.index(publication) + 1} of {len(publications)}"
    )
    version = (publication.get("version") or "").strip()
    return f"{name} (version {version})" if version else name


def _with_prefix(prefix: str, title: str) -> str:
    """The title with its prefix ("The", "A"). OJS up to 3.3 exports the title without its
    prefix; 3.4 and later export it with the prefix already in front (``getTitles``) and the
    prefix again on its own, so a title that opens with its prefix keeps it once."""
    if not prefix or title == prefix or title.startswith(prefix + " "):
        return title
    return f"{prefix} {title}"


def _article_language(article: etree._Element, pub: etree._Element, log: Collector) -> str:
    """The submission's locale as a language code. A locale that names no language (``xx_XX``,
    an export edited by hand) made a Russian article English without a word: the article is
    then in its first title's language, and that is said."""
    given = (pub.get("locale") or article.get("locale") or "").strip()
    lang = locale_language(given)
    if lang is None:
        titles = (locale_language(title.get("locale")) for title in _pkp(pub, "title"))
        lang = next(filter(None, titles), None) or "en"
        if given:
            log.warn(
                f"<article locale={given!r}>: names no language: the article is read as in "
                f"its first title's language ({lang})"
            )
    return lang


def _article(
    article: etree._Element, pub: etree._Element, issue: etree._Element | None, log: Collector
) -> dict[str, Any]:
    lang = _article_language(article, pub, log)
    data: dict[str, Any] = {"language": lang}
    titles = _localized(_pkp(pub, "title"), lang)
    prefixes = _localized(_pkp(pub, "prefix"), lang)
    data["title"] = {}
    for code, element in titles.items():
        prefix = _text(prefixes.get(code))
        title = _html_inline(element, f"title[{code}]", log)
        data["title"][code] = _with_prefix(prefix, title)
    data["subtitle"] = {
        code: _html_inline(el, f"subtitle[{code}]", log)
        for code, el in _localized(_pkp(pub, "subtitle"), lang).items()
    }
    _drop_orphans(data, prefixes, _localized(_pkp(pub, "subtitle"), lang), log)
    data["abstract"] = {
        code: _html_paragraphs(el, f"abstract[{code}]", log)
        for code, el in _localized(_pkp(pub, "abstract"), lang).items()
    }
    data["keywords"] = {
        code: _terms(el, "keyword", log)
        for code, el in _localized(_pkp(pub, "keywords"), lang).items()
    }
    data["subjects"] = {}
    for kind, item in (("subjects", "subject"), ("disciplines", "discipline")):
        for code, element in _localized(_pkp(pub, kind), lang).items():
            data["subjects"].setdefault(code, []).extend(_terms(element, item, log))
    dois = [_text(i) for i in _pkp(pub, "id") + _pkp(article, "id") if i.get("type") == "doi"]
    if dois and dois[0]:
        data["doi"] = dois[0]
    publisher_id = _public_id(pub, article) or (pub.get("url_path") or article.get("url_path"))
    if publisher_id:
        data["ids"] = {"publisher_id": publisher_id.strip()}
    data.update(_pages(_text(_first(pub, "pages")), log))
    data.update(_issue_data(issue, pub, article, lang, log))
    _mark_unpublished(article, pub, issue, data, log)
    data["authors"] = _authors(pub, lang, log)
    data["competing_interests"] = _competing_interests(pub, lang, log)
    license_url = _text(_first(pub, "licenseUrl"))
    if license_url:
        data["license"] = license_url
    data["copyright"] = _copyright(pub, lang, log)
    data["funding"] = _funding(pub, lang, log)
    references, said = pair_lists(_citations(pub), lang)
    if said:
        log.warn(said, SIMPLIFIED)
    data["references"] = [_citation(r, lang) if isinstance(r, str) else r for r in references]
    _report_unread(article, pub, log)
    return data


def _competing_interests(pub: etree._Element, lang: str, log: Collector) -> dict[str, list[str]]:
    """OJS 2's competing interests are each author's (``author/competing_interests``): when
    every author states one, and in each language the same ("Нет"), it is the article's
    statement. Else each author's, which the model has no place for, is said as not carried,
    naming the author and how the statement opens (joined, a statement would no longer say
    whose it was)."""
    authors = _pkp(_first(pub, "authors"), "author")
    stated = [
        {
            code: text
            for code, el in _localized(_pkp(author, "competing_interests"), lang).items()
            if (text := _text(el))
        }
        for author in authors
    ]
    if stated and all(stated) and all(one == stated[0] for one in stated[1:]):
        return {code: [text] for code, text in stated[0].items()}
    why = "the authors' statements differ" if all(stated) else "not every author states one"
    for index, (author, texts) in enumerate(zip(authors, stated, strict=True)):
        if texts:
            text = texts.get(lang) or next(iter(texts.values()))
            not_carried(
                log,
                f"<author/competing_interests> of {_who(author, index, lang)}, "
                f"{shorten(text, 60, trim=True)!r} ({why})",
            )
    return {}


def _drop_orphans(
    data: dict[str, Any],
    prefixes: dict[str, etree._Element],
    subtitles: dict[str, etree._Element],
    log: Collector,
) -> None:
    """A prefix or subtitle in a language the article has no title in goes with nothing (JATS
    writes a subtitle in its title's group, and a subtitle alone made the output invalid):
    each is said and left out."""
    titled = {code for code, text in data["title"].items() if text}
    for kind, found in (("prefix", prefixes), ("subtitle", subtitles)):
        for code, element in found.items():
            text = _text(element)
            if code in titled or not text:
                continue
            data.get(kind, {}).pop(code, None)
            where = (
                f"<{kind} locale={element.get('locale')!r}>"
                if element.get("locale")
                else f"<{kind}>"
            )
            log.warn(f"{where} {text!r}: not carried: the article has no title in {code}")


# What a "<" in a title, abstract or biography may open as HTML: an element of HTML (or a
# Word one such as <o:p>) whose attributes, if any, are name=value pairs; a comment, a
# declaration or a processing instruction. "a<b and b>c" (a tag b with bare words) and
# "0<x<1" open none: they are text.
_HTML_NAMES = frozenset(html_defs.tags) | INLINE_TAGS.keys() | BLOCK_TAGS
_HTML_TAG = re.compile(
    r"""<(?:!--|!\[|!doctype\b|\?|/?([A-Za-z][\w.-]*)(:[A-Za-z][\w.-]*)?"""
    r"""(?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))*\s*/?>)""",
    re.IGNORECASE,
)


def _literal_angles(markup: str) -> str:
    """The text with each "<" that opens no HTML tag written as ``&lt;``, so that parsing it as
    HTML keeps "p<0.05" and "a<b and b>c" as text. OJS 3.0–3.3 titles are plain text, 3.4+
    titles and every version's abstracts HTML; both reach here as text whose "<" may be
    either (the Crossref reader likewise keeps a "<" that opens no face tag)."""
    if "<" not in markup:
        return markup

    def one(match: re.Match[str]) -> str:
        tag = _HTML_TAG.match(markup, match.start())
        if tag is None:
            return "&lt;"
        name = tag.group(1)
        if name is None or tag.group(2) or name.lower() in _HTML_NAMES:
            return "<"
        return "&lt;"

    return re.sub("<", one, markup)


def _markup(element: etree._Element) -> str:
    """The element's HTML: OJS writes it escaped, as text (``&lt;p&gt;…``, or in CDATA); a
    hand-made or scripted export (OJS 2 migrations) may write it as elements, ``<abstract><p>
    …</p></abstract>``, which are read as the same tags, not left out."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            name = etree.QName(child).localname
            attrs = "".join(
                f' {etree.QName(key).localname}="{escape(value, quote=True)}"'
                for key, value in child.attrib.items()
            )
            parts.append(f"<{name}{attrs}>{_markup(child)}</{name}>")
        parts.append(child.tail or "")  # a comment or processing instruction: its tail only
    return "".join(parts)


def _html_inline(element: etree._Element, where: str, log: Collector) -> str:
    return html_inline(_literal_angles(_markup(element)), where, log)


def _html_paragraphs(element: etree._Element, where: str, log: Collector) -> list[str]:
    return html_paragraphs(_literal_angles(_markup(element)), where, log)


# One page (7, S12, e101, 12a, xii) and a range of two, at the start of the pages field.
_ONE_PAGE = r"(?:[A-Za-z]{0,4}\d+[A-Za-z]{0,2}|[IVXLCDMivxlcdm]+)"
_FIRST_RANGE = re.compile(
    rf"{_ONE_PAGE}(?:\s*[-\u2010-\u2015\u2212]\s*{_ONE_PAGE})?(?!\w)", re.IGNORECASE
)


def _pages(text: str, log: Collector) -> dict[str, str]:
    """OJS's pages field is free text, and editors write "pp. 12-20." as printed; the word
    for pages and a final period are not part of the first and last page. Pages that are not
    one range, "12-20, 25-30", are the article's page range, from its first page to its last;
    of other text after the first range ("12-20 (PDF)") the range is kept and the rest said; a
    text that starts with no page is an article number if it holds one ("Art. 5"), else said
    and left out. ``InputError`` naming ``<pages>`` for a range that runs backwards, which the
    model refuses."""
    written = " ".join(text.split())
    # (the word after the pages, '15–20 с.', is none of the text said as not carried)
    text = without_page_word(unlabelled_pages(written))
    text = text.rstrip(". -\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
    if not text:
        return {}
    items = page_list(text) if "," in text else None
    if items:
        for first, last in items:
            if problem := range_problem(first, last):
                how = "runs backwards" if problem == BACKWARDS else "mixes two kinds of page"
                raise InputError("", [f"<pages> {written!r}: the range {first}-{last} {how}"])
        return split_pages(text)
    found = _FIRST_RANGE.match(text)
    if found is None:
        if re.search(r"\d", text) and not re.search(r"[-\u2010-\u2015\u2212]", text):
            return {"elocation_id": text}  # an article number: "Art. 5", "Paper 12"
        log.warn(f"<pages> {written!r}: not a page or page range: not carried")
        return {}
    pages = split_pages(found.group())
    first, last = pages.get("fpage", ""), pages.get("lpage", "")
    if inverted_pages(first, last):
        raise InputError("", [f"<pages> {written!r}: the last page comes before the first"])
    rest = text[found.end() :].strip()
    if rest:
        kept = "-".join(filter(None, [first, last])) or pages.get("elocation_id", "")
        log.warn(
            f"<pages> {written!r}: {rest.lstrip(',;: ')!r} is no page or page range: not "
            f"carried (the pages are {kept})"
        )
    return pages


def _public_id(pub: etree._Element, article: etree._Element) -> str:
    """The article's ``<id type="public">``: the publisher-id of OJS's pub-id plugin (3.x),
    which 3.0/3.1 also put in the article's URL in place of the submission id."""
    return next(
        (_text(i) for i in _pkp(pub, "id") + _pkp(article, "id") if i.get("type") == "public"),
        "",
    )


def _terms(element: etree._Element, item: str, log: Collector) -> list[str]:
    """The terms of one vocabulary list (keywords, subjects, disciplines, agencies). Up to
    OJS 3.4 each item is its text; 3.5 writes the text in ``name``, with the term's
    ``identifier`` and ``source`` when it was picked from a vocabulary: the name is the term,
    and the identifier, which the model cannot hold, is reported."""
    terms: list[str] = []
    for term in _pkp(element, item):
        name = _first(term, "name")
        text = _text(name) if name is not None else _text(term)
        identifier = _text(_first(term, "identifier"))
        if identifier:
            not_carried(log, f"<{item}> {text!r} identifier {identifier!r}")
        if text:
            terms.append(text)
    return terms


def _copyright(pub: etree._Element, lang: str, log: Collector) -> dict[str, Any]:
    """Holder and year; the statement is the publication's ``rights`` when given, else the line
    OJS itself prints on the article page ("Copyright (c) 2019 Holder"), per language. A year
    that is not a number (OJS takes any text there) is reported, not written."""
    holders = {c: _text(e) for c, e in _localized(_pkp(pub, "copyrightHolder"), lang).items()}
    holders = {code: text for code, text in holders.items() if text}
    year = _text(_first(pub, "copyrightYear"))
    if year and not year.isdigit():
        log.warn(f"copyrightYear {year!r}: not carried: not a year", DROPPED)
        year = ""
    statement = {c: _text(e) for c, e in _localized(_pkp(pub, "rights"), lang).items()}
    statement = {code: text for code, text in statement.items() if text}
    if not statement and year.isdigit():
        statement = {code: f"Copyright (c) {year} {holder}" for code, holder in holders.items()}
    if not (holders or year or statement):
        return {}
    return {
        "holder": holders,
        "year": int(year) if year.isdigit() else None,
        "statement": statement,
    }


def _funding(pub: etree._Element, lang: str, log: Collector) -> list[dict[str, Any]]:
    """Supporting agencies (``<agencies>``, one list per locale) as funders. Lists of the same
    length are taken as the same funders named in each language; otherwise each name is a
    funder of its own, and the reader says so (it cannot tell which names go together)."""
    lists = {
        code: _terms(el, "agency", log)
        for code, el in _localized(_pkp(pub, "agencies"), lang).items()
    }
    lists = {code: names for code, names in lists.items() if names}
    if not lists:
        return []
    if len({len(names) for names in lists.values()}) == 1:
        count = len(next(iter(lists.values())))
        return [
            _with_grant({code: names[i] for code, names in lists.items()}, log)
            for i in range(count)
        ]
    log.warn(
        "agencies: the locales list different numbers of agencies: each is a funder of its own"
    )
    return [{"funder": {code: name}} for code, names in lists.items() for name in names]


# A grant number typed after the agency's name, as OJS's one field for it makes editors write
# it: "Russian Science Foundation, grant No. 23-28-01234", "Российский научный фонд (грант №
# 23-28-01234)", "РФФИ, проект № 18-011-00123". The number holds a digit.
_GRANT = re.compile(
    r"^(?P<name>.*?\w.*?)(?P<gap>[\s,;:(]+)(?P<word>grant|project|award|грант|проект)\s*"
    r"(?P<sign>No\.?|Nr\.?|№|#|number)?\s*(?P<id>[\w./-]*\d[\w./-]*?)[\s).]*$",
    re.IGNORECASE,
)
# ... and what the name before it must not hold: a grant of its own ('RSF, grant No.
# 23-28-01234, RFBR, grant No. 18-011-00123', two funders in one field)
_GRANT_IN_NAME = re.compile(r"(?<!\w)(?:grant|project|award|грант|проект)\w*\W*\S*\d", re.I)


# A programme's number as 'Project 5-100' writes it: two parts joined by a hyphen
_PROGRAMME_NUMBER = re.compile(r"\d+-\d+")


def _grant_split(name: str) -> re.Match[str] | None:
    """The name and grant number ``name`` is typed as, or None when it is more than one
    funder's name and grant: a programme named with 'Project' and a number, 'Russian Academic
    Excellence Project 5-100' ('Project', 'Проект' capitalised after a space or a comma, with
    no No. or № and a number shorter than a grant's, is a word of the name: 'Ministry of
    Science, Project 5-100' too, after a comma with a number written as 5-100 is), or two
    funders each with their grant."""
    found = _GRANT.match(name)
    if found is None or _GRANT_IN_NAME.search(found["name"]):
        return None
    word = found["word"]
    programme = word.lower() in ("project", "проект") and word[0].isupper()
    # (a grant's number is five digits or more, 19-18-00123; a programme's short, 5-100: 'RSF
    # Project 19-18-00123' is the funder RSF and its grant)
    short = sum(c.isdigit() for c in found["id"]) < 5
    # (after a comma as after a space: 'Ministry of Science, Project 5-100' gave award 5-100;
    # but after a comma only a number written as the programme's is, two parts joined by a
    # hyphen: 'Wellcome Trust, Project 1234' is the funder and its award, as it was)
    gap = found["gap"].strip()
    programme_number = gap == "" or (gap == "," and _PROGRAMME_NUMBER.fullmatch(found["id"]))
    named = programme and short and bool(programme_number) and not found["sign"]
    return None if named else found


def _with_grant(names: dict[str, str], log: Collector) -> dict[str, Any]:
    """A funder named in each locale, with the grant number its names end with as its award
    when every locale's name gives the same number: a funder's name with a number in it
    matches no funder at Crossref, and the number is the award (until 4 December 2026 it
    stayed in the name). Said, naming the name as typed."""
    found = {code: _grant_split(name) for code, name in names.items()}
    ids = {match["id"] for match in found.values() if match}
    if len(ids) != 1 or not all(found.values()):
        return {"funder": names}
    (award,) = ids
    first = next(iter(names.values()))
    log.warn(
        f"agencies: {first!r}: the grant number {award} is read as the funder's award",
        SIMPLIFIED,
    )
    return {
        "funder": {code: m["name"].strip() for code, m in found.items() if m},
        "awards": [award],
    }


# What the reader takes from a publication (or a 3.0/3.1 article), an author and an article;
# anything else with content is reported as not carried. ``id`` is handled by type.
_PUBLICATION_READ = frozenset(
    {"id", "title", "prefix", "subtitle", "abstract", "keywords", "subjects", "disciplines",
     "agencies", "licenseUrl", "copyrightHolder", "copyrightYear", "rights", "authors",
     "citations", "pages", "article_galley", "issue_identification"}
)  # fmt: skip
_ARTICLE_READ = frozenset({"id", "publication", "submission_file", "stage"})
_AUTHOR_READ = frozenset(
    {"givenname", "familyname", "firstname", "middlename", "lastname", "affiliation",
     "rorAffiliation", "country", "email", "orcid", "biography"}
)  # fmt: skip


def _report_unread(article: etree._Element, pub: etree._Element, log: Collector) -> None:
    """One line for each element with content that the model has no place for (the authors'
    competing interests are said by ``_competing_interests``, naming each author)."""
    seen: list[tuple[etree._Element, frozenset[str], str]] = [(pub, _PUBLICATION_READ, "")]
    if pub is not article:
        seen.append((article, _ARTICLE_READ, ""))
    for author in _pkp(_first(pub, "authors"), "author"):
        seen.append((author, _AUTHOR_READ | {"competing_interests"}, "author/"))
    for element, read, prefix in seen:
        locales: dict[tuple[str, str], tuple[str, str]] = {}
        for child in element:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            has_content = bool(_text(child)) or len(child) > 0 or bool(child.attrib)
            _report_same_language(child, f"{prefix}{name}", locales, log)
            _unknown_locale(child, f"{prefix}{name}", log)
            for inner in _pkp(child, "name") if name in ("affiliation", "rorAffiliation") else []:
                _unknown_locale(inner, f"{prefix}{name}/name", log)
            if name == "id":
                kind = child.get("type") or ""
                if kind not in ("internal", "doi", "public") and _text(child):
                    not_carried(log, f"<{prefix}id type={kind!r}>")
            elif (
                name not in read and has_content and not (pub is article and name in _ARTICLE_READ)
            ):
                not_carried(log, f"<{prefix}{name}>")


def _report_same_language(
    child: etree._Element,
    name: str,
    locales: dict[tuple[str, str], tuple[str, str]],
    log: Collector,
) -> None:
    """Two locales that are one language code (``pt_BR`` and ``pt_PT``, ``fr_CA`` and
    ``fr_FR``, ``en_US`` and ``en``): the reader keeps the first locale's text; the other's,
    when it says something else, is reported rather than lost in silence."""
    locale = (child.get("locale") or "").strip()
    code = locale_language(locale) if locale else None
    if not code:
        return
    text = _text(child)
    first, kept = locales.setdefault((name, code), (locale, text))
    if first != locale and text and text != kept:
        not_carried(log, f"<{name} locale={locale!r}> (one language, {code}, with {first!r})")


# ---------------------------------------------------------------- URLs


def _links(
    article: etree._Element,
    pub: etree._Element,
    journal: Journal | None,
    data: dict[str, Any],
    log: Collector,
) -> None:
    """The landing page and galley URLs, built from the journal's ``url`` with its patterns
    (OJS's own routes by default); a remote galley keeps the address it gives."""
    submission = next(
        (_text(i) for i in _pkp(article, "id") if i.get("type") == "internal" and _text(i)), ""
    )
    url_path = (pub.get("url_path") or article.get("url_path") or "").strip()
    if not url_path and pub is article:  # 3.0/3.1: the URL shows the public id when there is one
        url_path = _public_id(pub, article)
    base = (journal.url or "").rstrip("/") if journal is not None else ""
    galleys = _pkp(pub, "article_galley") or _pkp(article, "article_galley")
    if not base and (galleys or submission):
        log.warn(
            "no landing page or galley URLs: the journal file gives no url "
            "(the journal's OJS base URL, e.g. https://journal.example.org/index.php/ejr)"
        )
    patterns = journal.urls if journal is not None else ArticleUrls()
    fields = {
        "url": base,
        "submission_id": submission,
        "url_path": url_path,
        "article": url_path or submission,
    }
    if base and fields["article"]:
        data["url"] = patterns.landing_page.format(**fields, galley="", galley_id="")
    files = {f.get("id"): f for f in _pkp(article, "submission_file")}
    links: list[dict[str, str]] = []
    for galley in galleys:
        kind = _galley_kind(galley, files)
        label = _text(_first(galley, "name"))
        remote = _first(galley, "remote")
        galley_id = next((_text(i) for i in _pkp(galley, "id") if i.get("type") == "internal"), "")
        for other in _pkp(galley, "id"):  # a galley's DOI (OJS 3.2+ can register one)
            if other.get("type") != "internal" and _text(other):
                not_carried(
                    log,
                    f"<article_galley> {label or galley_id!r} <id type={other.get('type')!r}> "
                    f"{_text(other)!r}",
                )
        if kind is None:
            not_carried(
                log, f"<article_galley> {label or galley_id!r} (not PDF, HTML, XML or EPUB)"
            )
            continue
        if remote is not None and (remote.get("src") or "").strip():
            address = remote.get("src", "").strip()
            if not ADDRESS.match(address):
                log.warn(
                    f"<article_galley> {label!r}: <remote src={address!r}> is no URL "
                    "(http://, https:// or ftp://, no spaces): not carried"
                )
                continue
        elif base and submission and galley_id:
            galley_fields = {
                **fields,
                "galley_id": galley_id,
                "galley": (galley.get("url_path") or "").strip() or galley_id,
            }
            pattern = patterns.galley if kind == "html" else patterns.download
            address = pattern.format(**galley_fields)
        else:
            if base:  # without the base URL the reader has said so for every galley
                missing = " and ".join(
                    name
                    for name, value in (("submission", submission), ("galley", galley_id))
                    if not value
                )
                log.warn(
                    f"<article_galley> {label or kind!r}: no URL: the export gives no {missing} "
                    "id to build it from (OJS 2 exports and early OJS 3 ones give none)"
                )
            continue
        if all(link["url"] != address for link in links):
            links.append({"url": address, "type": kind, "title": label})
    data["self_uri"] = links


_KINDS = {"pdf": "pdf", "html": "html", "htm": "html", "xml": "xml", "epub": "epub"}
_MIME_KINDS = {"application/pdf": "pdf", "text/html": "html", "application/xml": "xml",
               "text/xml": "xml", "application/epub+zip": "epub"}  # fmt: skip


def _galley_kind(galley: etree._Element, files: dict[str | None, etree._Element]) -> str | None:
    """pdf/html/xml/epub: from the galley's file (its extension or type), a remote galley's
    address (its extension), else the galley's label ("PDF", "PDF (Русский)")."""
    ref = _first(galley, "submission_file_ref")
    file = files.get(ref.get("id")) if ref is not None else None
    if file is not None:
        for inner in [file, *_pkp(file, "file"), *_pkp(file, "revision")]:
            extension = (inner.get("extension") or "").lower().lstrip(".")
            if extension in _KINDS:
                return _KINDS[extension]
            mime = (inner.get("filetype") or inner.get("mimetype") or "").lower()
            if mime in _MIME_KINDS:
                return _MIME_KINDS[mime]
        for name in _pkp(file, "name"):
            suffix = _text(name).rsplit(".", 1)[-1].lower()
            if suffix in _KINDS:
                return _KINDS[suffix]
    remote = _first(galley, "remote")
    if remote is not None:  # a galley kept elsewhere: its address's extension
        try:
            path = urlsplit((remote.get("src") or "").strip()).path
        except ValueError:  # "http://[x": no address, said by the caller
            path = ""
        suffix = PurePosixPath(path).suffix.lower().lstrip(".")
        if suffix in _KINDS:
            return _KINDS[suffix]
    # the label: "PDF", or the kind among other words ("PDF (Русский)", "Full text (HTML)")
    label = _text(_first(galley, "name")).lower()
    named = {_KINDS[word] for word in re.findall(r"[a-z]+", label) if word in _KINDS}
    return named.pop() if len(named) == 1 else None


def _issue_identification(
    issue: etree._Element | None, pub: etree._Element, article: etree._Element
) -> etree._Element | None:
    """Volume, number and year: the enclosing issue's; an article exported on its own (an
    ``<articles>`` or ``<article>`` export, "Articles" tab of the Native XML plugin) carries its
    issue's ``issue_identification`` in its publication (3.2+) or in the article (3.0/3.1)."""
    for holder in (issue, pub, article):
        found = _first(holder, "issue_identification")
        if found is not None:
            return found
    return None


def _first_published(article: etree._Element) -> str:
    """The date the article was first published. The current publication of an article with
    versions (OJS 3.2+) bears the date of its version; the article page says "Published" with
    the first version's date (and "Updated on" with the current one's), and so does the JATS.
    """
    dates = [
        date.strip()[:10]
        for publication in _pkp(article, "publication")
        if (date := publication.get("date_published") or "").strip()
    ]
    return min(dates) if dates else ""


def _say_updated_on(pub: etree._Element, first: str, log: Collector) -> None:
    """Say the date of the version read when it is not the date the article is published on
    (its first version's): the page's "Updated on" date, which the model has no place for.
    A note, not data dropped: every article with versions has one, and ``--strict`` must not
    refuse them all (until 4 December 2026 it was left out unsaid)."""
    updated = (pub.get("date_published") or "").strip()[:10]
    if not updated or not first or updated == first:
        return
    version = (pub.get("version") or "").strip()
    which = f"version {version}" if version else "the current version"
    log.warn(
        f"date_published '{updated}' of {which}: the date the article was updated on, not "
        f"carried (the article is published on its first version's date, {first})",
        SIMPLIFIED,
    )


def _publication_date(
    article: etree._Element, pub: etree._Element, issue: etree._Element | None
) -> tuple[str, str]:
    """The article's publication date and what in the export gives it."""
    # an article without a date of its own appeared with its issue: OJS's own DOAJ export
    # dates it by the issue's ``date_published`` then, as its pages' DC.Date.issued does
    own = _first_published(article) or pub.get("date_published") or article.get("date_published")
    if own:
        return own, "date_published"
    return _text(_first(issue, "date_published")), "<issue/date_published>"


def _issue_data(
    issue: etree._Element | None,
    pub: etree._Element,
    article: etree._Element,
    lang: str,
    log: Collector,
) -> dict[str, Any]:
    data: dict[str, Any] = {}
    published: dict[str, str] = {}
    date = _publication_date(article, pub, issue)[0]
    if date:
        published["electronic"] = date.strip()[:10]
    _say_updated_on(pub, published.get("electronic", ""), log)
    ident = _issue_identification(issue, pub, article)
    _report_issue(issue, log)
    data.update(_issue_ids(issue, data.get("doi"), log))
    if ident is not None:
        data["volume"] = _text(_first(ident, "volume"))
        data["issue"] = _text(_first(ident, "number"))
        for title in _pkp(ident, "title"):
            _unknown_locale(title, "issue_identification/title", log)
        data["issue_title"] = {
            code: _text(el) for code, el in _localized(_pkp(ident, "title"), lang).items()
        }
        year = _text(_first(ident, "year")) or _text(_first(issue, "date_published"))[:4]
        if year:
            published["collection"] = year
    ref = (pub.get("section_ref") or article.get("section_ref") or "").strip()
    if issue is not None and ref:
        section = _section(issue, ref)
        if section is not None:
            for title in _pkp(section, "title"):
                _unknown_locale(title, "section/title", log)
            data["section"] = {
                code: _text(el) for code, el in _localized(_pkp(section, "title"), lang).items()
            }
        else:
            log.warn(f"section_ref {ref!r}: no section of the issue has that ref or abbreviation")
    elif ref:  # an article exported on its own: its section is named, not given
        log.warn(
            f"section_ref {ref!r}: no section: an export of articles without their issue holds "
            "the section's abbreviation, not its title"
        )
    data["published"] = published
    received = _received(article, published.get("electronic"), log)
    if received:
        data["history"] = {"received": received}
    return data


def _issue_ids(issue: etree._Element | None, doi: str | None, log: Collector) -> dict[str, Any]:
    """The issue's DOI (``<id type="doi">``, OJS 3's DOI of an issue) and its public id (``<id
    type="public">``, the pub-id plugin's) as the article's ``issue_doi`` and
    ``issue_ids.publisher_id``; a DOI that is none, or the article's own ``doi``, is said and
    left out."""
    ids: dict[str, str] = {}
    for element in _pkp(issue, "id"):
        ids.setdefault(element.get("type") or "", _text(element))
    out = issue_doi_or_warn(ids.get("doi"), None, doi, log.warn, "<issue>")
    if ids.get("public"):
        out["issue_ids"] = {"publisher_id": ids["public"]}
    return out


def _issue_link(
    issue: etree._Element | None, journal: Journal | None, data: dict[str, Any]
) -> None:
    """The landing page of an issue with a DOI (``issue_url``, which Crossref registers the DOI
    with), built from the journal's ``url`` by its ``urls.issue`` pattern (OJS's own route,
    ``{url}/issue/view/{issue}``, by default): ``{issue}`` is the issue's URL path, else its id.
    Without the journal's url, or the issue's id, there is none (never a guess)."""
    if issue is None or journal is None or not (journal.url and data.get("issue_doi")):
        return
    ident = next(
        (_text(i) for i in _pkp(issue, "id") if i.get("type") == "internal" and _text(i)), ""
    )
    if ident:
        url_path = (issue.get("url_path") or "").strip()
        data["issue_url"] = journal.urls.issue.format(
            url=journal.url.rstrip("/"), issue=url_path or ident, issue_id=ident
        )


def _report_issue(issue: etree._Element | None, log: Collector) -> None:
    """What the issue says of itself that the article model has no place for, said once for the
    run (out of scope), not once for each of an issue's articles: its own identifiers but its
    DOI and public id (which are the article's ``issue_doi`` and ``issue_ids``; another, named,
    is said once for each issue), and its description, cover image and galleys (a whole-issue
    PDF), which JATS article metadata has no element for (the Tag Library's ``article-meta``
    holds an issue's number, title, sponsor and part, no cover). They are the issue's, not the
    article's, so ``--strict`` does not refuse its articles for them. (Its title, a special
    issue's, is the article's ``issue_title``.)"""
    for element in _pkp(issue, "id"):
        kind = element.get("type") or ""
        if kind not in ("internal", "doi", "public") and _text(element):
            log.warn(
                f"an OJS issue's own <id type={kind!r}> {_text(element)!r}: not carried (the "
                "article model has no place for an issue's identifiers)",
                OUT_OF_SCOPE,
            )
    unread = [
        f"<{name}>" for name in _ISSUE_ONLY if any(_text(el) or len(el) for el in _pkp(issue, name))
    ]
    if unread:
        log.warn(
            f"an OJS issue's own {', '.join(unread)}: not read (JATS article metadata has "
            "no place for an issue's description, cover or galleys)",
            OUT_OF_SCOPE,
        )


# What an OJS issue holds of itself, not of its articles, and JATS article metadata cannot.
_ISSUE_ONLY = ("description", "covers", "issue_galleys")

# OJS's status of a publication (3.2+) or submission: STATUS_QUEUED 1, STATUS_PUBLISHED 3,
# STATUS_DECLINED 4, STATUS_SCHEDULED 5.
_STATUS = {"1": "queued", "3": "published", "4": "declined", "5": "scheduled"}


def _unpublished(
    article: etree._Element, pub: etree._Element, issue: etree._Element | None
) -> tuple[str, str] | None:
    """The status of an article the export says is not out yet, and what says so: its
    publication's (else the article's) ``status``, else an issue with ``published="0"``
    (whose articles are scheduled for it); None for a published article."""
    code = (pub.get("status") or article.get("status") or "").strip()
    if code and code != "3":
        status = _STATUS.get(code, f"OJS status {code}")
        return status, f'status="{code}" ({status})'
    published = (issue.get("published") or "").strip().lower() if issue is not None else ""
    if published in ("0", "false"):
        return "scheduled", f'its issue is not published (published="{published}")'
    return None


def _mark_unpublished(
    article: etree._Element,
    pub: etree._Element,
    issue: etree._Element | None,
    data: dict[str, Any],
    log: Collector,
) -> None:
    """An article not yet published converts (editors prepare deposits before publication
    day) with the dates the export plans, marked in custom-meta (``publication-status``), which
    keeps it out of Crossref and DOAJ deposits unless asked. The warning is "data dropped": the JATS
    says the article is published on those dates, and only this project reads the mark, so a
    lossless run (``--strict``, an archive migration) refuses it rather than archive a draft."""
    found = _unpublished(article, pub, issue)
    if found is None:
        return
    status, why = found
    data["custom_meta"] = [mark(status)]
    dates = ", ".join(f"{kind} {date}" for kind, date in data.get("published", {}).items())
    planned = f"the dates it plans ({dates})" if dates else "no publication date"
    log.warn(
        f"not yet published: {why}: converted with {planned}, marked {META_NAME} {status!r} "
        "(custom-meta); --to crossref and --to doaj refuse it unless --include-unpublished",
        DROPPED,
    )


def _received(article: etree._Element, published: str | None, log: Collector) -> str | None:
    """The submission's ``date_submitted``, the date the manuscript was received (what OJS's
    article page gives Google Scholar as ``DC.Date.dateSubmitted``). An article migrated into
    OJS, or entered with QuickSubmit, bears the date of that import instead: a date after the
    publication date is such a date, and is reported rather than written as received."""
    date = (article.get("date_submitted") or "").strip()[:10]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return None
    if published and date > published[:10]:
        log.warn(
            f"date_submitted {date}: not carried as the received date: it is after the "
            f"publication date {published[:10]} (the date the article was entered into OJS)",
            DROPPED,
        )
        return None
    return date


def _section(issue: etree._Element, ref: str) -> etree._Element | None:
    """The issue's section an article names. OJS writes a section's ``ref`` as its abbreviation
    in the journal's primary locale, but an article's ``section_ref`` in the locale of whoever
    exported it (``getLocalizedAbbrev``): an English-speaking editor's export of a Russian
    journal has ``ref="СТ"`` and ``section_ref="ART"``. The ref, else any of the section's
    abbreviations, names it."""
    sections = _pkp(_first(issue, "sections"), "section")
    for section in sections:
        if (section.get("ref") or "").strip() == ref:
            return section
    for section in sections:
        if any(_text(abbrev) == ref for abbrev in _pkp(section, "abbrev")):
            return section
    return None


def _authors(pub: etree._Element, lang: str, log: Collector) -> list[dict[str, Any]]:
    contact = pub.get("primary_contact_id")
    people = []
    for index, author in enumerate(_pkp(_first(pub, "authors"), "author")):
        # OJS after 3.5 says what a contributor is; an organisation's name is in givenname, an
        # anonymous contributor is the word ANONYMOUS there (the model has no anonymous one).
        kind = (author.get("contributor_type") or "PERSON").strip().upper()
        if kind == "ANONYMOUS":
            not_carried(log, f"<author> {index + 1} (contributor_type ANONYMOUS)")
            continue
        person: dict[str, Any] = {"role": _role(author, index, lang, log)}
        if kind == "ORGANIZATION":
            person["collab"] = {
                code: _text(el) for code, el in _localized(_pkp(author, "givenname"), lang).items()
            }
        else:
            person["name"] = {}
            for code, name in _names(author, lang).items():
                if code.split("-")[0] in _EASTERN and name["surname"]:
                    name["style"] = "eastern"
                person["name"][code] = name
        # one wrong iD or address (OJS checks neither) must not refuse the whole article
        who = _who(author, index, lang)
        person["email"] = email_or_warn(_text(_first(author, "email")), log.warn, f"{who}: <email>")
        person["orcid"] = orcid_or_warn(_text(_first(author, "orcid")), log.warn, f"{who}: <orcid>")
        # 3.2+ name the primary contact on the publication; 3.0/3.1 only mark the author
        # (``primary_contact="true"``, which later versions write as well).
        if (contact and author.get("id") == contact) or (
            author.get("primary_contact") or ""
        ).strip().lower() in ("true", "1"):
            person["corresponding"] = True
        affiliations = _affiliations(author, lang, log.warn, who)
        if affiliations:
            person["affiliations"] = affiliations
        person["bio"] = {
            code: " ".join(_html_paragraphs(el, f"biography[{code}]", log))
            for code, el in _localized(_pkp(author, "biography"), lang).items()
        }
        people.append(person)
    return people


def _role(author: etree._Element, index: int, lang: str, log: Collector) -> str:
    """The contributor's role from the name of its OJS group (``user_group_ref``), which OJS
    writes in the journal's primary locale: "Переводчик" is a translator as "Translator" is.
    A group the reader does not know (renamed, or the journal's own) is said, and its
    contributor taken as an author."""
    group = " ".join((author.get("user_group_ref") or "").split())
    if not group:
        return "author"
    role = group_role(group)
    if role is None:
        log.warn(
            f"{_who(author, index, lang)}: user_group_ref {group!r} is none of OJS's author, "
            "translator, editor or reviewer groups: taken as an author"
        )
        return "author"
    return role


def _who(author: etree._Element, index: int, lang: str) -> str:
    """An author as messages name one: its number in the list and its name."""
    names = _names(author, lang)
    name = names.get(lang) or next(iter(names.values()), None)
    text = " ".join(filter(None, [name["given"], name["surname"]])) if name else ""
    if not text:
        text = _text(_first(author, "givenname"))
    return f"author {index + 1} ({text})" if text else f"author {index + 1}"


def _names(author: etree._Element, lang: str) -> dict[str, dict[str, str]]:
    """Given and family name per language. OJS 3.1.2+ write localised ``givenname`` and
    ``familyname``; 3.0–3.1.1 wrote one ``firstname``, ``middlename`` and ``lastname`` with no
    locale, taken here to be in the article's language (the middle name joins the given)."""
    given = _localized(_pkp(author, "givenname"), lang)
    family = _localized(_pkp(author, "familyname"), lang)
    if given or family:
        return {
            code: {"given": _text(given.get(code)), "surname": _text(family.get(code))}
            for code in dict.fromkeys([*given, *family])
        }
    first = " ".join(
        text for text in (_text(_first(author, n)) for n in ("firstname", "middlename")) if text
    )
    last = _text(_first(author, "lastname"))
    return {lang: {"given": first, "surname": last}} if (first or last) else {}


def _affiliations(
    author: etree._Element, lang: str, warn: Callable[[str], None], who: str
) -> list[dict[str, Any]]:
    """The author's institutions. OJS 3.0–3.4 write one affiliation as localised text, an
    ``affiliation`` element per language; 3.5 writes one element per institution, its names per
    language in ``name`` children, and ``rorAffiliation`` (with its ``ror``) for an institution
    picked from ROR. The author's country goes with each."""
    country = _text(_first(author, "country"))
    found: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    for element in author:
        if not isinstance(element.tag, str):
            continue
        kind = etree.QName(element).localname
        if kind not in ("affiliation", "rorAffiliation"):
            continue
        names = _pkp(element, "name")
        if not names:
            if _known_locale(element):  # else said by _report_unread
                code = locale_language(element.get("locale"), lang) or lang
                texts.setdefault(code, _text(element))
            continue
        aff: dict[str, Any] = {}
        institution = {code: _text(name) for code, name in _localized(names, lang).items()}
        institution = {code: text for code, text in institution.items() if text}
        if institution:
            aff["institution"] = institution
        # a ROR id OJS took from the registry, or typed: one whose check digits fail is said
        # and left out, the institution kept (it refused the whole article)
        ror = identifier_or_warn(
            _text(_first(element, "ror")), normalize_ror, warn, f"{who}: <ror>"
        )
        if ror:
            aff["ror"] = ror
        if aff:
            found.append(aff)
    texts = {code: text for code, text in texts.items() if text}
    if texts:
        found.insert(0, {"institution": texts})
    if country:
        for aff in found:
            aff["country"] = country
        if not found:
            found.append({"country": country})
    return found


# A citation in OJS carries no language of its own. It is taken to be in the article's language
# unless its script says plainly otherwise: in an article in a Cyrillic-script language (ru) a
# citation with no Cyrillic letter at all is an English one ("en", the Latin-script language of
# reference lists), and in an article in a Latin-script language (en) a citation whose letters
# are mostly Cyrillic is a Russian one ("ru"). The tests are asymmetric on purpose: Russian
# references routinely hold Latin letters (the names of foreign journals, DOIs, URLs), while an
# English one has no reason to hold a Cyrillic letter, and a stray one (a look-alike "о") should
# not relabel it. A Cyrillic citation whose letters are Ukrainian (і, ї, є, ґ: see
# ``alphabets.reading``) is a Ukrainian one ("uk"), in an English or a Russian article alike.
# Anything else (Japanese, mixed text) keeps the article's language.


def _citation(text: str, lang: str) -> str | dict[str, Any]:
    """One reference of the article: its text, under another language when its script or its
    alphabet is clearly not the article's (see the rule above)."""
    filed = alphabets.reference_language(text, lang)
    return text if filed == lang else {"text": {filed: text}}


def _citations(pub: etree._Element) -> list[str]:
    """OJS ≥ 3.2 exports one ``citation`` per reference; older ones a text with one per line."""
    block = _first(pub, "citations")
    if block is None:
        return []
    items = [_text(c) for c in _pkp(block, "citation")]
    if not items and block.text:
        items = [tidy(line) for line in block.text.splitlines()]
    return [item for item in items if item]
