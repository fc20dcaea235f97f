"""Input field paths and check results in plain words, for editors rather than programmers.

``authors[0].orcid`` → "Author 1 › ORCID"; ``title.ru`` → "Title (Russian)". The words come
from a short table for the common fields and from the input schema's titles for the rest.
"""

from __future__ import annotations

import re
from functools import lru_cache

from converter.preview.view import language_label

_WORDS = {
    "title": "Title", "subtitle": "Subtitle", "abstract": "Abstract", "keywords": "Keywords",
    "authors": "Author", "affiliations": "Affiliation", "references": "Reference",
    "funding": "Funder", "name": "Name", "surname": "Surname", "given": "Given names",
    "orcid": "ORCID", "email": "E-mail", "doi": "DOI", "issn": "ISSN", "url": "Landing page URL",
    "published": "Publication date", "history": "History", "received": "Received",
    "accepted": "Accepted", "revised": "Revised", "electronic": "online",
    "print": "print", "collection": "issue", "fpage": "First page", "lpage": "Last page",
    "volume": "Volume", "issue": "Issue", "license": "Licence", "copyright": "Copyright",
    "statement": "Statement", "holder": "Holder", "institution": "Institution",
    "department": "Department", "city": "City", "state": "State or region",
    "postal_code": "Postal code", "country": "Country", "ror": "ROR id",
    "text": "Text", "section": "Section", "language": "Language", "journal": "Journal",
    "self_uri": "Link", "elocation_id": "Article number", "article_type": "Article type",
    "preprint": "Preprint",
    "funder": "Funder name", "funder_id": "Funder id", "awards": "Award numbers",
    "corresponding": "Corresponding author", "credit": "CRediT roles", "collab": "Group name",
    "ids": "Identifiers", "publisher_id": "Publisher's id", "edn": "EDN",
    "funding_statement": "Funding statement", "acknowledgements": "Acknowledgements",
    "competing_interests": "Competing interests", "data_availability": "Data availability",
    "subjects": "Subjects", "custom_meta": "Custom "
    "metadata", "pmid": "PubMed id", "pmcid": "PubMed Central id", "other": "Other ids",
    "style": "Name style",
    "prefix": "Prefix", "suffix": "Suffix", "bio": "Biography", "role": "Role",
    "country_name": "Country name", "type": "Type", "year": "Year", "authors_": "Authors",
    "source": "Source", "accessed": "Accessed on", "start_date": "Start date",
    "issue_title": "Issue title", "page_range": "Pages as printed",
    "issue_doi": "Issue DOI", "issue_url": "Issue's web page", "issue_ids": "Issue identifiers",
    "related_articles": "Related article", "citation": "Citation",
    "crossmark_policy": "Crossmark policy",
}  # fmt: skip
_ITEM = re.compile(r"^([A-Za-z_]\w*)(?:\[(\d+)\])?$")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


@lru_cache(maxsize=1024)
def field_words(path: str) -> str:
    """A field path in words: ``authors[0].name.ru.surname`` → "Author 1 › Name (Russian) ›
    Surname"."""
    words: list[str] = []
    for part in path.split("."):
        match = _ITEM.match(part)
        if match and match.group(1) in _WORDS:
            word = _WORDS[match.group(1)]
            if match.group(2) is not None:
                word = f"{word} {int(match.group(2)) + 1}"
            words.append(word)
        elif _LANG.match(part) and words:
            words[-1] += f" ({language_label(part).split(' (')[0]})"
        elif match:
            name = match.group(1).replace("_", " ").capitalize()
            words.append(name + (f" {int(match.group(2)) + 1}" if match.group(2) else ""))
        else:
            words.append(part)
    return " › ".join(words)


def problem_words(line: str, source: str = "") -> tuple[str | None, str]:
    """A reader's problem line as (field in words, message): the file name is dropped and a
    leading field path (``authors[0].orcid: …``) is put in words."""
    file = source.split("#")[0]  # (a spreadsheet's or export's row says its file: issue.csv)
    for prefix in (f"{source}: ", f"{source}:", f"{file}: "):
        if source and line.startswith(prefix):
            line = line[len(prefix) :]
            break
    # (a reader's warning names a language in brackets, ``abstract[en]``, as a model path does)
    match = re.match(r"^([A-Za-z_]\w*(?:\[\d+\]|\[[a-z]{2,3}\]|\.[\w-]+)*): (.*)$", line)
    if match and match.group(1).split("[")[0].split(".")[0] in _WORDS:
        path = re.sub(r"\[([a-z]{2,3})\]", r".\1", match.group(1))
        return field_words(path), match.group(2)
    return None, line
