"""jats-converter: scholarly article metadata to valid JATS XML, validated offline.

The public API::

    from converter import load_article, to_jats, convert_file, validate_file, get_grammars

    article = load_article("article.yaml")          # journal.yaml found beside it
    output = to_jats(article, grammars=get_grammars())  # bytes + DTD problems

The names are imported on first use (PEP 562 ``__getattr__``): importing ``converter`` or one of
its small modules (``converter.errors``, the CLI's group) does not load the model, the readers
and the writers, which a short command such as ``jatsconv --help`` never needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from converter.version import __version__

if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from converter.api import Conversion, Output, convert_file, to_jats
    from converter.errors import ConverterError, InputError, SetupError
    from converter.grammars import Grammars, get_grammars
    from converter.model import Article, Journal
    from converter.readers.native import load_article
    from converter.validation import Problem, validate_file

# Public name → the module that defines it.
_PUBLIC = {
    "Article": "converter.model",
    "Conversion": "converter.api",
    "ConverterError": "converter.errors",
    "Grammars": "converter.grammars",
    "InputError": "converter.errors",
    "Journal": "converter.model",
    "Output": "converter.api",
    "Problem": "converter.validation",
    "SetupError": "converter.errors",
    "convert_file": "converter.api",
    "get_grammars": "converter.grammars",
    "load_article": "converter.readers.native",
    "to_jats": "converter.api",
    "validate_file": "converter.validation",
}

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


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'converter' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups find it directly
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})
