"""Output formats. Each writer turns one article into an ``Output`` (bytes plus problems).

``WRITERS`` maps the name given to ``--to`` to the writer; a new format registers here.
"""

from __future__ import annotations

from collections.abc import Callable

from converter.enrich import enrich
from converter.model import Article
from converter.options import Options, Output
from converter.writers.crossref import write_crossref
from converter.writers.doaj import write_doaj
from converter.writers.jats import write_jats
from converter.writers.meta_tags import write_meta_tags

Writer = Callable[[Article, Options, str], Output]

WRITERS: dict[str, Writer] = {
    "jats": write_jats,
    "crossref": write_crossref,
    "doaj": write_doaj,
    "meta-tags": write_meta_tags,
}
# File name endings per format: ARTICLE.xml, ARTICLE.crossref.xml …
SUFFIXES: dict[str, str] = {
    "jats": ".xml",
    "crossref": ".crossref.xml",
    "doaj": ".doaj.xml",
    "meta-tags": ".meta.html",
}


def render(article: Article, options: Options, name: str = "output.xml") -> Output:
    """Render ``article`` in the format ``options.target`` names."""
    try:
        writer = WRITERS[options.target]
    except KeyError:
        raise ValueError(f"unknown output format {options.target!r}") from None
    article = enrich(article)  # Latin names and references, parsed citations (issue 6)
    output = writer(article, options, name)
    if options.profiles:
        from converter.checks import article_profile_problems

        output.problems.extend(article_profile_problems(article, options, output, name))
    return output
