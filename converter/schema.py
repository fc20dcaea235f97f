"""The input format's JSON Schema, generated from the model (``schemas/article.schema.json``)."""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from converter.model import Article, Journal

SCHEMA_ID = "https://jats-converter.example/schemas/article.schema.json"
_NULL = {"type": "null"}


class _EmptyIsAbsent(GenerateJsonSchema):
    """The model's JSON Schema, where a field that has a default also takes null: the model
    reads a key left empty (``subtitle:``, ``~``, JSON null) as not given (``model.Strict``),
    and an editor's IDE, validating by this schema, is to say the same."""

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        json_schema = super().default_schema(schema)
        given = {key: value for key, value in json_schema.items() if key != "default"}
        if _NULL in given.get("anyOf", ()) or given.get("type") == "null":
            return json_schema
        nullable = self.get_union_of_schemas([given, _NULL])
        if "default" in json_schema:
            nullable["default"] = json_schema["default"]
        return nullable


def article_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one article file, the journal file included as a $def."""
    schema = Article.model_json_schema(mode="validation", schema_generator=_EmptyIsAbsent)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def journal_schema() -> dict[str, Any]:
    """JSON Schema of a journal file (``journal.yaml``)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **Journal.model_json_schema(schema_generator=_EmptyIsAbsent),
    }


def article_schema_text() -> str:
    return json.dumps(article_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def journal_schema_text() -> str:
    return json.dumps(journal_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
