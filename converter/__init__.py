"""jats-converter: scholarly article metadata to valid JATS XML, validated offline.

The public API (the README's "Python API" section shows each name)::

    from converter import load_article, to_jats, convert_file, validate_file, get_grammars

    article = load_article("article.yaml")          # journal.yaml found beside it
    output = to_jats(article, grammars=get_grammars())  # bytes + DTD problems
    results = convert_file("issue.xml", "out")      # any input format, files written if valid

Reading without files: ``article_from_data`` (parsed data), ``read_articles`` (any format, with
the readers' warnings); other outputs: ``render`` with ``Options(target=...)``; checking:
``validate_file``, ``validate_bytes`` (the problems), ``verdict_file``, ``verdict_bytes`` (a
``Verdict``: valid, invalid or not checked, as ``jatsconv validate``); profiles: ``check_file``,
``check_bytes`` (a ``CheckReport``, as ``jatsconv check``); references: ``parse_reference``
(a ``Citation`` or None), ``explain`` (a ``Reading``, as ``jatsconv references``); the other
commands: ``run_batch`` (a ``BatchResult``, as ``jatsconv batch``), ``build_packages``
(``package``), ``deposit_dry_run``, ``deposit_files``, ``deposit_status`` (``deposit``),
``preview_html``, ``preview_pages`` (``preview``), ``check_consistency`` (``consistency``). Warnings
are ``Notice``s (a ``str`` with a ``kind``). Errors: ``InputError``, ``SetupError``,
``OutputError``, all ``ConverterError``; the library never prints or exits.

The names are imported on first use (PEP 562 ``__getattr__``): importing ``converter`` or one of
its small modules (``converter.errors``, the CLI's group) does not load the model, the readers
and the writers, which a short command such as ``jatsconv --help`` never needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from converter.version import __version__

if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from converter.api import Conversion, Output, convert_file, read_articles, render, to_jats
    from converter.api_articles import (
        Consistency,
        build_packages,
        check_consistency,
        preview_html,
        preview_pages,
    )
    from converter.api_batch import BatchArticle, BatchInterrupted, BatchResult, run_batch
    from converter.api_deposit import DepositCheck, deposit_dry_run, deposit_files, deposit_status
    from converter.checks.base import Finding
    from converter.checks.run import CheckReport, check_bytes, check_file
    from converter.citations.fields import Citation
    from converter.citations.parse import Reading, explain, parse_reference
    from converter.deposit import Attempt, DepositError, Transport
    from converter.deposit_results import Outcome
    from converter.errors import ConverterError, InputError, OutputError, SetupError
    from converter.grammars import Grammars, get_grammars
    from converter.model import Article, Journal
    from converter.notices import Notice
    from converter.options import Options
    from converter.package import PackageResult
    from converter.preview import Page
    from converter.readers.base import Loaded
    from converter.readers.native import article_from_data, load_article
    from converter.validation import (
        Problem,
        Verdict,
        validate_bytes,
        validate_file,
        verdict_bytes,
        verdict_file,
    )

# Public name → the module that defines it.
_PUBLIC = {
    "Article": "converter.model",
    "Attempt": "converter.deposit",
    "BatchArticle": "converter.api_batch",
    "BatchInterrupted": "converter.api_batch",
    "BatchResult": "converter.api_batch",
    "CheckReport": "converter.checks.run",
    "Citation": "converter.citations.fields",
    "Consistency": "converter.api_articles",
    "Conversion": "converter.api",
    "ConverterError": "converter.errors",
    "DepositCheck": "converter.api_deposit",
    "DepositError": "converter.deposit",
    "Finding": "converter.checks.base",
    "Grammars": "converter.grammars",
    "InputError": "converter.errors",
    "Journal": "converter.model",
    "Loaded": "converter.readers.base",
    "Notice": "converter.notices",
    "Options": "converter.options",
    "Outcome": "converter.deposit_results",
    "Output": "converter.api",
    "OutputError": "converter.errors",
    "PackageResult": "converter.package",
    "Page": "converter.preview",
    "Problem": "converter.validation",
    "Reading": "converter.citations.parse",
    "SetupError": "converter.errors",
    "Transport": "converter.deposit",
    "Verdict": "converter.validation",
    "article_from_data": "converter.readers.native",
    "build_packages": "converter.api_articles",
    "check_bytes": "converter.checks.run",
    "check_consistency": "converter.api_articles",
    "check_file": "converter.checks.run",
    "convert_file": "converter.api",
    "deposit_dry_run": "converter.api_deposit",
    "deposit_files": "converter.api_deposit",
    "deposit_status": "converter.api_deposit",
    "explain": "converter.citations.parse",
    "get_grammars": "converter.grammars",
    "load_article": "converter.readers.native",
    "parse_reference": "converter.citations.parse",
    "preview_html": "converter.api_articles",
    "preview_pages": "converter.api_articles",
    "read_articles": "converter.api",
    "render": "converter.api",
    "run_batch": "converter.api_batch",
    "to_jats": "converter.api",
    "validate_bytes": "converter.validation",
    "validate_file": "converter.validation",
    "verdict_bytes": "converter.validation",
    "verdict_file": "converter.validation",
}

__all__ = [
    "Article",
    "Attempt",
    "BatchArticle",
    "BatchInterrupted",
    "BatchResult",
    "CheckReport",
    "Citation",
    "Consistency",
    "Conversion",
    "ConverterError",
    "DepositCheck",
    "DepositError",
    "Finding",
    "Grammars",
    "InputError",
    "Journal",
    "Loaded",
    "Notice",
    "Options",
    "Outcome",
    "Output",
    "OutputError",
    "PackageResult",
    "Page",
    "Problem",
    "Reading",
    "SetupError",
    "Transport",
    "Verdict",
    "__version__",
    "article_from_data",
    "build_packages",
    "check_bytes",
    "check_consistency",
    "check_file",
    "convert_file",
    "deposit_dry_run",
    "deposit_files",
    "deposit_status",
    "explain",
    "get_grammars",
    "load_article",
    "parse_reference",
    "preview_html",
    "preview_pages",
    "read_articles",
    "render",
    "run_batch",
    "to_jats",
    "validate_bytes",
    "validate_file",
    "verdict_bytes",
    "verdict_file",
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
