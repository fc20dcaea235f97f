"""Output formats. Each writer turns one article into an ``Output`` (bytes plus problems).

``WRITERS`` maps the name given to ``--to`` to the writer; a new format registers here.
"""

from __future__ import annotations

from collections.abc import Callable

from converter.model import Article
from converter.options import Options, Output
from converter.writers.jats import write_jats

Writer = Callable[[Article, Options, str], Output]

WRITERS: dict[str, Writer] = {
    "jats": write_jats,
}
# File name endings per format: ARTICLE.xml, ARTICLE.crossref.xml …
SUFFIXES: dict[str, str] = {
    "jats": ".xml",
}


def render(article: Article, options: Options, name: str = "output.xml") -> Output:
    """Render ``article`` in the format ``options.target`` names."""
    try:
        writer = WRITERS[options.target]
    except KeyError:
        raise ValueError(f"unknown output format {options.target!r}") from None
    return writer(article, options, name)
