"""What a Crossref record's Crossmark assertions say, beyond its history dates and copyright line.

Publishers put in a record's Crossmark assertions (the REST API's ``assertion``, a deposit's
``crossmark/custom_metadata/assertion``) what their Crossmark box shows. Past the received,
revised and accepted dates and the copyright line (read by ``converter.readers.crossref``),
an assertion is one of:

- a copy of a fact the record gives elsewhere: the article's title, the journal's, the DOI
  link, the publisher, the licence (Elsevier's, IOP's and IUCr's records give each of their
  works these). Agreeing with the record, it adds nothing; else it is said as data dropped;
- the online publication date (``published``, ``first_online``, ``date_epub`` …): the
  article's electronic publication date when the record gives none (or a less precise one);
- the article's type in the publisher's words (``content_type``, ``article_type``: "paper",
  "lett", "data reports"): its JATS article type (a name of the publisher's XML document
  model, Elsevier's "simple-article", says nothing of its type and is out of scope);
- an author's ORCID iD (RSC's ``identifier``): the author's, when the author it names has none;
- a statement of the journal's policy or of a service, the same in each of its works (its
  peer-review and plagiarism-screening policy, its aims-and-scope page, Crossref's Similarity
  Check, a metrics page): out of scope, said once a run;
- a competing-interests statement: one named so (``conflict_of_interest``,
  ``competing_interests`` …), or Springer's ``Ethics`` assertion labelled so ("Competing
  interests", "Conflict of interest"): the article's ``competing_interests``, under the
  language its script tells; likewise a data availability statement (``data_availability``
  …) and acknowledgements (``acknowledgements``) named so;
- anything else (another ethics statement — ethics approval, consent —, supplementary data, a
  ResearcherID …): said as data dropped, in one line naming them. JATS has places for an
  ethics statement and the supplementary file (``<notes>`` in the back,
  ``<supplementary-material>``), the article model none yet; its ``custom_meta`` is not one
  (JATS keeps custom-meta for what it has no element for).
"""

from __future__ import annotations

import html
import re
from typing import Any, get_args

from converter import scripts
from converter.identifiers import read_orcid
from converter.model import ArticleType
from converter.notices import OUT_OF_SCOPE
from converter.readers.common import ENGLISH_MONTHS, not_carried, real_date
from converter.readers.markup import Collector, tidy


def assertion_date(value: str) -> str | None:
    """A date as Crossmark assertions write it: '2018-08-03' or '22 April 2019'; else None."""
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", text):
        return text
    match = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})", text)
    month = ENGLISH_MONTHS.get(match.group(2).lower()) if match else None
    if match is None or month is None:
        return None
    return f"{match.group(3)}-{month:02d}-{int(match.group(1)):02d}"


# Assertions that copy a fact of the record, by name: which fact.
_COPIES = {
    "articletitle": "title", "article_title": "title", "journaltitle": "journal",
    "journal_title": "journal", "journal": "journal", "articlelink": "doi",
    "publisher": "publisher", "license": "license",
}  # fmt: skip
# Assertions that give the article's online publication date.
_PUBLISHED_ONLINE = frozenset({"published", "published_online", "first_online", "date_epub"})
# Assertions that give the article's type in the publisher's words, and the words read.
_TYPE_ASSERTIONS = frozenset({"content_type", "article_type"})
# The JATS article-type values the model holds (JATS 1.4's suggested ones).
ARTICLE_TYPES = frozenset(get_args(ArticleType))
_TYPE_WORDS = {
    "article": "research-article", "paper": "research-article",
    "research paper": "research-article", "research papers": "research-article",
    "research article": "research-article", "lett": "letter", "letter": "letter",
    "data report": "data-paper", "data reports": "data-paper",
    "review article": "review-article", "editorial": "editorial", "book review": "book-review",
}  # fmt: skip
# Elsevier's content_type names the document model of its XML (its Journal Article DTD's
# article, simple-article, converted-article), not the article's type: "simple-article"
# holds editorials and research notes alike.
_DOCUMENT_MODELS = frozenset({"simple-article", "converted-article"})
# Assertions that state the journal's policy or a service, alike in each of its works, and the
# one line a run says of them (the same line for each: a run says it once).
_POLICIES = frozenset(
    {"peer_review_method", "review_process", "peer_reviewed", "review_status",
     "peerreview_statement", "screening_status", "aims_and_scope_url", "similarity_check",
     "article_metrics"}
)  # fmt: skip
POLICIES_NOTE = (
    "assertion: the journal's peer-review and plagiarism-screening policy, its aims-and-scope "
    "page, Crossref's Similarity Check, a metrics page (peer_review_method, review_process, "
    "screening_status, similarity_check …), stated alike in each of the journal's Crossmark "
    "records, not facts of the article: not read"
)
DOCUMENT_MODEL_NOTE = (
    "assertion content_type 'simple-article', 'converted-article': the document model of "
    "Elsevier's XML, not the article's type: not read"
)


def other_assertions(
    items: list[dict[str, Any]],
    article: dict[str, Any],
    journal: dict[str, Any],
    log: Collector,
) -> None:
    """Read, into ``article`` (the reader's article fields), the Crossmark assertions that the
    history and copyright did not take: ``items`` each with ``name``, ``value`` and, when the
    record gives them, ``URL`` (the assertion's link) and ``explanation`` (its explanation's
    link). ``journal`` is the reader's journal fields, for the copies of its facts."""
    dropped: list[str] = []
    notes: list[str] = []
    for item in items:
        name = str(item.get("name") or "?")
        value = tidy(item.get("value") or "")
        links = [str(item[key]) for key in ("URL", "explanation") if item.get(key)]
        if name in _POLICIES:
            notes.append(POLICIES_NOTE)
            continue
        if name in _COPIES:
            read = _copies(_COPIES[name], value, links, article, journal)
        elif name in _PUBLISHED_ONLINE:
            read = _published_online(name, value, article, log)
        elif name in _TYPE_ASSERTIONS:
            read = _article_type(value, article, notes)
        elif name == "identifier":
            read = _author_orcid(value, links, article)
        elif (statement := _statement(name, str(item.get("label") or ""))) and value:
            read = _add_statement(statement, value, article)
        else:
            read = False
        if not read:
            dropped.append(name)
    for note in dict.fromkeys(notes):
        log.warn(note, OUT_OF_SCOPE)
    if dropped:
        not_carried(log, f"assertion ({', '.join(dict.fromkeys(dropped))})")


# Assertions that are one of the article's statements by their name, and the labels that make
# one of Springer's Ethics assertions (its declarations: also ethics approval, consent) one.
_STATEMENT_NAMES = {
    **dict.fromkeys(
        ("conflict_of_interest", "conflicts_of_interest", "competing_interests", "coi",
         "coi_statement", "competing_interest"),
        "competing_interests",
    ),
    **dict.fromkeys(
        ("data_availability", "data_availability_statement", "availability_of_data",
         "availability_of_data_and_materials"),
        "data_availability",
    ),
    **dict.fromkeys(("acknowledgements", "acknowledgments", "acknowledgement"), "acknowledgements"),
}  # fmt: skip
_COMPETING_LABEL = re.compile(
    r"^(?:competing\s+interests?|conflicts?\s+of\s+interests?|конфликт\s+интересов)\b",
    re.IGNORECASE,
)


def _statement(name: str, label: str) -> str | None:
    """The article's statement an assertion is (``competing_interests``, ``data_availability``,
    ``acknowledgements``): named so, or an Ethics declaration labelled a competing-interests
    statement (never one labelled otherwise: ethics approval, consent); else ``None``."""
    key = re.sub(r"[\s-]+", "_", name.strip().casefold())
    if key in _STATEMENT_NAMES:
        return _STATEMENT_NAMES[key]
    if key == "ethics" and _COMPETING_LABEL.match(label.strip()):
        return "competing_interests"
    return None


def _add_statement(field: str, value: str, article: dict[str, Any]) -> bool:
    """The statement as a paragraph of the article's ``field``, under the language its
    script tells (a Russian journal's English record may hold it in Russian)."""
    main = str(article.get("language") or "en")
    lang = scripts.language_by_script(value, main) or main
    paragraphs = article.setdefault(field, {}).setdefault(lang, [])
    if value not in paragraphs:
        paragraphs.append(value)
    return True


def _plain(text: str) -> str:
    """A text as compared: its words, without tags, entities, punctuation and case (IUCr's
    assertion names 'Acta Crystallographica Section D: Structural Biology' the journal its
    record calls 'Acta Crystallographica Section D Structural Biology')."""
    words = re.sub(r"[^\w\s]", " ", html.unescape(re.sub(r"<[^<>]*>", "", text)))
    return " ".join(words.split()).casefold()


def _bare_link(url: str) -> str:
    """An address as compared: without its scheme, a DOI resolver's host and a final slash."""
    text = re.sub(r"^https?://(dx\.)?(doi\.org/)?", "", url.strip(), flags=re.IGNORECASE)
    return text.rstrip("/").casefold()


def _copies(
    fact: str, value: str, links: list[str], article: dict[str, Any], journal: dict[str, Any]
) -> bool:
    """Whether an assertion that copies ``fact`` agrees with the record (then it adds
    nothing). The publisher may be named without its company form ('Elsevier' of 'Elsevier
    BV'); a licence is named by its link."""
    said = _plain(value)
    if fact == "title":
        return said in {_plain(t) for t in (article.get("title") or {}).values()}
    if fact == "journal":
        titles = [*(journal.get("title") or {}).values(), journal.get("abbrev_title")]
        return said in {_plain(t) for t in titles if t}
    if fact == "doi":
        return bool(article.get("doi")) and _bare_link(value) == _bare_link(article["doi"])
    if fact == "publisher":
        names = ((journal.get("publisher") or {}).get("name") or {}).values()
        return any(_plain(n) == said or _plain(n).startswith(f"{said} ") for n in names)
    licences = [article.get("license") or {}, *(article.get("other_licenses") or [])]
    known = {_bare_link(lic["id"]) for lic in licences if lic.get("id")}
    return bool(links) and all(_bare_link(link) in known for link in links)


def _published_online(name: str, value: str, article: dict[str, Any], log: Collector) -> bool:
    """Whether the online publication date an assertion gives is the record's (a date it
    gives), or becomes it: when the record gives none, or the same date less precisely."""
    date = assertion_date(value)
    date = real_date(date, f"assertion {name!r}", log.warn) if date else None
    if not date:
        return False
    published = article.setdefault("published", {})
    if date in published.values():
        return True
    online = published.get("electronic")
    if online and not date.startswith(online):
        return False
    published["electronic"] = date
    return True


def _article_type(value: str, article: dict[str, Any], notes: list[str]) -> bool:
    """Whether the type an assertion names is the article's JATS type, or becomes it when the
    record gives none (a notice's, read from what it updates, stays). A document model's name
    is no type: ``notes`` gets the line that says so."""
    word = value.strip().casefold()
    if word in _DOCUMENT_MODELS:
        notes.append(DOCUMENT_MODEL_NOTE)
        return True
    kind = type_from_words(word)
    if kind is None:
        return False
    if article.get("article_type") in (None, kind):
        article["article_type"] = kind
        return True
    return False


def type_from_words(words: str) -> str | None:
    """The JATS article type a publisher's words for it name ('paper', 'lett', 'Review
    Article'), or None. Shared with the landing-page reader (HighWire's
    ``citation_article_type``), so that one word is read as one type whatever the source."""
    return _TYPE_WORDS.get(" ".join(words.split()).casefold())


def article_type_named(words: str) -> str | None:
    """The JATS article-type a publisher's words name: a JATS 1.4 suggested value in any case,
    with spaces for hyphens ('Research Article', 'Case Report'; the Tag Library asks for
    case-insensitive matching), else the words ``type_from_words`` reads ('Article', 'Review
    Article'); None for others. The one rule of the landing-page reader (HighWire's
    ``citation_article_type``) and the JATS reader (an ``article-type`` outside JATS's list,
    bioRxiv's own 'article'), so that a preprint gets one type by either route."""
    value = "-".join(words.split()).casefold()
    return value if value in ARTICLE_TYPES else type_from_words(words)


def _author_orcid(value: str, links: list[str], article: dict[str, Any]) -> bool:
    """Whether an author's identifier an assertion gives ('Ann Smith (ORCID)' linking the iD,
    as RSC's records give it) is the ORCID iD of the author it names, or becomes it when that
    author has none. Another kind of id (a ResearcherID) has no place in the model."""
    match = re.fullmatch(r"(.+?)\s*\(ORCID\)", value)
    if match is None or not links:
        return False
    try:
        orcid = read_orcid(links[0])
    except ValueError:
        return False
    named = _plain(match.group(1))
    people = [
        person
        for person in article.get("authors") or []
        if any(
            _plain(" ".join(p for p in (form.get("given"), form.get("surname")) if p)) == named
            for form in (person.get("name") or {}).values()
        )
    ]
    if len(people) != 1:
        return False
    if not people[0].get("orcid"):
        people[0]["orcid"] = orcid
    return people[0]["orcid"] == orcid
