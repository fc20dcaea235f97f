"""The input format's JSON Schema, generated from the model (``schemas/article.schema.json``)."""

from __future__ import annotations

import json
from typing import Any

from converter.model import Article, Journal

SCHEMA_ID = "https://jats-converter.example/schemas/article.schema.json"


def article_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one article file, the journal file included as a $def."""
    schema = Article.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def journal_schema() -> dict[str, Any]:
    """JSON Schema of a journal file (``journal.yaml``)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **Journal.model_json_schema(),
    }


def article_schema_text() -> str:
    return json.dumps(article_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def journal_schema_text() -> str:
    return json.dumps(journal_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
