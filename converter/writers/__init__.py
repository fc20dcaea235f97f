"""Output formats. Each writer turns one (enriched) article into an ``Output``: the bytes of its
format and what that format's grammar said of them. Writers only write and validate; the
pipeline that runs them (enrichment before, profile checks after) is ``converter.api.render``.

``WRITERS`` maps the name given to ``--to`` to the writer, imported on first use; a new format
registers here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from converter.registry import LazyRegistry

if TYPE_CHECKING:
    from converter.model import Article
    from converter.options import Options, Output

Writer = Callable[["Article", "Options", str], "Output"]

WRITERS: LazyRegistry[Writer] = LazyRegistry(
    {
        "jats": "converter.writers.jats:write_jats",
        "crossref": "converter.writers.crossref:write_crossref",
        "doaj": "converter.writers.doaj:write_doaj",
        "meta-tags": "converter.writers.meta_tags:write_meta_tags",
    }
)
# File name endings per format: ARTICLE.xml, ARTICLE.crossref.xml …
SUFFIXES: dict[str, str] = {
    "jats": ".xml",
    "crossref": ".crossref.xml",
    "doaj": ".doaj.xml",
    "meta-tags": ".meta.html",
}


def same_output(name: str, one: bytes, other: bytes) -> bool:
    """Whether two outputs named ``name`` say the same: equal bytes, or, for a Crossref deposit,
    equal but for what each deposit makes anew (its batch id and timestamp)."""
    if one == other:
        return True
    if name.endswith(SUFFIXES["crossref"]):
        from converter.writers.crossref import same_deposit

        return same_deposit(one, other)
    return False
