"""Reference text → the parts of a JATS ``element-citation``, by a trained sequence labeller.

``parse_reference(text)`` returns a ``Citation`` when the CRF labeller (``model``, trained by
``python -m converter.citations.train`` on the corpora in ``data/citations/``) is sure of every
span it uses and no sanity rule vetoes the result; otherwise ``None``, and the reference stays
text. A wrong structure is worse than none: Crossref and PMC link on ``source``.
``explain(text)`` gives the same decision with its grounds (``Reading``): the parts read, the
confidence and the threshold, and why a reference stays text.
"""

from converter.citations.fields import Citation
from converter.citations.parse import Reading, explain, parse_reference

__all__ = ["Citation", "Reading", "explain", "parse_reference"]
