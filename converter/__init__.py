"""jats-converter: scholarly article metadata to valid JATS XML, validated offline.

The public API::

    from converter import load_article, to_jats, convert_file, validate_file, get_grammars

    article = load_article("article.yaml")          # journal.yaml found beside it
    output = to_jats(article, grammars=get_grammars())  # bytes + DTD problems
"""

from __future__ import annotations

__version__ = "0.1.0"

from converter.api import Conversion, Output, convert_file, to_jats
from converter.errors import ConverterError, InputError, SetupError
from converter.grammars import Grammars, get_grammars
from converter.model import Article, Journal
from converter.readers.native import load_article
from converter.validation import Problem, validate_file

__all__ = [
    "Article",
    "Conversion",
    "ConverterError",
    "Grammars",
    "InputError",
    "Journal",
    "Output",
    "Problem",
    "SetupError",
    "__version__",
    "convert_file",
    "get_grammars",
    "load_article",
    "to_jats",
    "validate_file",
]
