"""Whether Crossref can tell which funder a deposit names when it gives no Funder Registry id.

Crossref matches funding to a funder by its Funder Registry id (``10.13039/…``) or, without
one, by the name deposited as ``funder_name``, which it compares with the Registry's names:
English ones, mostly. A name with no Latin letter (``Российский фонд фундаментальных
исследований``) or an acronym alone (``RSF``, ``РНФ``) matches none, and the funding is left
unlinked although the deposit is accepted. Both ``convert --to crossref`` and the ``crossref``
profile of ``check`` say so in these words, asking for the id; no table of ids is kept here,
since an id guessed from a name would link the funding to the wrong funder.
"""

from __future__ import annotations

from converter import lazy_re
from converter.scripts import has_latin

# One word of capitals (Latin or Cyrillic, possibly with a hyphen or ampersand) and nothing
# else: an acronym, 'RSF', 'РФФИ', 'DFG'. Longer runs of capitals are names typed in capitals.
_ACRONYM = lazy_re.compile(r"^[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ&-]{1,7}$")


def why_unmatched(name: str) -> str | None:
    """The words saying that Crossref cannot match a funder deposited as ``name`` without an
    id, naming the funder and asking for its Funder Registry id; None when its name may match
    (an English or other Latin-script name that is no acronym)."""
    name = " ".join(name.split())
    if not has_latin(name):
        kind = "is named in no Latin letters"
    elif _ACRONYM.match(name):
        kind = "is named by an acronym alone"
    else:
        return None
    return (
        f"funder {name!r} {kind}, and Crossref matches a funder by its Funder Registry id or "
        "its English name: give its Funder Registry id (funder_id, 10.13039/…), else the "
        "funding is deposited unlinked to the funder"
    )
