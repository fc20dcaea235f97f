"""Reference text → the parts of a JATS ``element-citation``, for the common citation styles.

``parse_reference(text)`` returns a ``Citation`` only when the whole text fits one style's
grammar (GOST R 7.0.5-2008 and 7.0.100-2018, APA, Vancouver, Chicago author-date, and the
transliterated "References" style of Russian journals); otherwise ``None``, and the reference
stays text. A wrong structure is worse than none, so every style is an anchored pattern over the
whole reference and every leftover piece of text makes the parse fail. The labelled set in
``tests/data/references/`` and ``bench/citations.py`` measure how often that holds.
"""

from converter.citations.parse import Citation, parse_reference

__all__ = ["Citation", "parse_reference"]
