"""What to say of a value of the wrong YAML/JSON type: one line naming what it is and what to do.

YAML reads ``doi: 10`` as a number, ``title: true`` as a yes/no value and ``~`` as null;
pydantic would say "Input should be a valid string". The line says instead what the
value was read as and how to write it (``doi: 10 is a number here; quote it: doi: "10"``).
Numbers that are plainly text (``volume: 6``, ``fpage: 11``, a title ``2018``) are taken as
text by the model itself and never reach here, nor does a null for a field that has a default
(a key left empty is not given: ``model.Strict``); a null for a required field is said as
required and empty. A number field's errors are said with the numbers it takes
(``number_message``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from converter.messages import shorten

# pydantic's error types of a value of the wrong type, and of a value outside a list of choices
_TEXT_TYPES = frozenset({"string_type", "dict_type"})
_LIST_TYPES = frozenset({"list_type"})
_BOOL_TYPES = frozenset({"bool_type", "bool_parsing"})
_CHOICE_TYPES = frozenset({"literal_error", "enum"})
_WORDED = _TEXT_TYPES | _LIST_TYPES | _BOOL_TYPES | _CHOICE_TYPES
_MAPPING_TYPES = frozenset({"dict_type", "model_type"})
# pydantic's error types of a number field: a value that is no number, and one out of range
_NUMBER_TYPES = frozenset({"int_parsing", "int_type", "int_from_float", "float_parsing",
                           "float_type", "finite_number"})  # fmt: skip
_RANGE_TYPES = frozenset({"greater_than_equal", "greater_than", "less_than_equal", "less_than"})
NUMBER_ERRORS = _NUMBER_TYPES | _RANGE_TYPES
_DECIMAL = re.compile(r"-?\d+\.\d*")


def as_typed(value: Any) -> str:
    """The value as it was typed in YAML: ``true``, ``null``, ``10``, ``'text'``."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return str(value)
    return repr(value)


def _read_as(value: Any) -> str:
    """What YAML made of a value, for "X is … here"."""
    if isinstance(value, bool):
        return f"{as_typed(value)} is a yes/no value here"
    if isinstance(value, int | float):
        return f"{value} is a number here"
    if value is None:
        return "null (no value) here"
    if isinstance(value, list):
        return f"a list here ({_short(value)})"
    if isinstance(value, dict):
        return f"a mapping here ({_short(value)})"
    return f"{_short(value)} here"


def _short(value: Any) -> str:
    text = repr(value)
    return shorten(text, 60)


def wrong_type_message(
    kind: str,
    value: Any,
    field: str | None,
    *,
    takes_text: bool,
    choices: str = "",
    keys: tuple[str, ...] = (),
    required: bool = False,
    meant: str | None = None,
) -> str | None:
    """The line for pydantic error ``kind`` on ``value`` at ``field`` (its name; None for an
    item of a list), or None when the error is not of a type this module words. ``takes_text``:
    a mapping field that also takes one text (a title, an abstract: per language, or one text
    in the main language); ``choices``: pydantic's list of the values a choice field takes;
    ``keys``: the first keys of the mapping a mapping field holds, to show how it is written;
    ``required``: the field has no default (a null for one that has is no value, never an
    error: ``model.Strict``); ``meant``: the value a text given for a choice field most
    probably meant ('Corrected article': corrected-article)."""
    if value is None and field is not None and required:
        return _required_and_empty(field, takes_text=takes_text, choices=choices, keys=keys)
    if isinstance(value, str):
        return _one_text(kind, value, field, keys) or _text_for(kind, value, choices, meant)
    if value is None and kind == "model_type":
        # an entry of a list left empty (a template's '-' with nothing after it), or one
        # language's name ('en:' with nothing after it)
        if field is None:
            return f"{_read_as(value)}: give the entry's fields, or leave the item out"
        return f"{_read_as(value)}: give its fields, or leave {field} out"
    name = field or "it"
    if kind == "model_type" and value is not None:  # (a number, a yes/no, a list)
        return f"{_read_as(value)}, where a mapping is expected ({name}: {_mapping(keys)})"
    if kind not in _WORDED:
        return None
    if value is None and field is None:
        return f"{_read_as(value)}: give a text, or leave the item out"
    scalar = isinstance(value, bool | int | float) and value is not None
    if kind in _CHOICE_TYPES:
        return f"{as_typed(value)} is not one of the values it takes: {choices}"
    if kind in _BOOL_TYPES:
        return f"{_read_as(value)}: write true or false"
    if kind in _LIST_TYPES:
        return f"{_read_as(value)}, where a list is expected ({name}: {_list(keys)})"
    mapping = kind == "dict_type"
    if mapping and not takes_text:
        return f"{_read_as(value)}, where a mapping is expected ({name}: {_mapping(keys)})"
    if scalar:
        return f'{_read_as(value)}; quote it: {name}: "{as_typed(value)}"'
    if value is None:
        return f"{_read_as(value)}: give a text, or leave {name} out"
    if mapping and isinstance(value, list):
        return (
            f"{_read_as(value)}, where one text or a text per language is expected "
            f"({name}: {{en: ..., ru: ...}})"
        )
    return f"{_read_as(value)}, where one text is expected"


def _mapping(keys: tuple[str, ...]) -> str:
    """How a mapping is written: its first keys (``{surname: ..., given: ...}``), or any."""
    return "{" + ", ".join(f"{key}: ..." for key in keys) + "}" if keys else "{key: value}"


def _list(keys: tuple[str, ...]) -> str:
    """How a list is written: of entries with their first keys, or of texts."""
    return f"[{_mapping(keys)}, ...]" if keys else "[..., ...]"


def _one_text(kind: str, value: str, field: str | None, keys: tuple[str, ...]) -> str | None:
    """One text where a mapping goes ('published: 03.12.2018', an author's 'name: Иванов
    Иван') or a list ('authors: Ivanov', 'credit: conceptualization, methodology'): the
    shape it wants, which pydantic's "a valid dictionary" or "a valid list" does not say."""
    name = field or "it"
    if kind in _MAPPING_TYPES:
        where = f"where a mapping is expected ({name}: {_mapping(keys)})"
    elif kind in _LIST_TYPES:
        where = f"where a list is expected ({name}: {_list(keys)})"
    else:
        return None
    return f"{_short(value)} is one text here, {where}"


def _text_for(kind: str, value: str, choices: str, meant: str | None) -> str | None:
    """A text that is none of a choice field's values ('role: Author', 'type: jounral') or no
    yes/no ('corresponding: maybe'): what it takes, not pydantic's "Input should be ..."."""
    if kind in _CHOICE_TYPES:
        guess = f" (did you mean {meant}?)" if meant else ""
        return f"{_short(value)} is not one of the values it takes{guess}: {choices}"
    if kind in _BOOL_TYPES:
        return f"{_read_as(value)}: write true or false"
    return None


def _required_and_empty(name: str, *, takes_text: bool, choices: str, keys: tuple[str, ...]) -> str:
    """A required field left empty (``title:``, ``~``, JSON null): what to give."""
    if choices:
        what = f"give one of the values it takes: {choices}"
    elif takes_text:
        what = f"give a text, or one per language ({name}: {{en: ..., ru: ...}})"
    elif keys:
        what = f"give it ({name}: {_mapping(keys)})"
    else:
        what = f"give a text ({name}: ...)"
    return f"left empty, and {name} is required: {what}"


def number_message(
    kind: str,
    value: Any,
    field: str | None,
    *,
    whole: bool,
    least: float | None,
    most: float | None,
    example: Any = None,
) -> str | None:
    """The line for pydantic error ``kind`` on ``value`` at a number field ``field`` (the
    copyright's ``year``, ``reference_confidence``), or None when it is no number error:
    the numbers it takes (``whole``: whole numbers only; ``least``, ``most``: its range, None
    where it has no end) and an ``example`` of one, instead of pydantic's "Input should be
    less than or equal to 9999"."""
    if kind not in NUMBER_ERRORS:
        return None
    span = f" {_span(least, most)}" if least is not None or most is not None else ""
    takes = f"it takes {'whole numbers' if whole else 'numbers'}{span}"
    shown = f" ({field or 'it'}: {example})" if example is not None else ""
    # (YAML and JSON keep a number with a point as the text typed: shown as typed)
    decimal = isinstance(value, str) and _DECIMAL.fullmatch(value.strip())
    if kind in _RANGE_TYPES and not isinstance(value, bool):
        return f"{value} is out of range: {takes}{shown}"
    if decimal and whole:
        return f"{value.strip()} is not a whole number: {takes}{shown}"
    wanted = ("a whole number" if whole else "a number") + span
    return f"{_read_as(value)}, where {wanted} is expected{shown}"


def _span(least: float | None, most: float | None) -> str:
    """The range a number field takes, in words: 'from 1000 to 9999', 'of at least 1'."""
    if least is not None and most is not None:
        return f"from {least} to {most}"
    if least is not None:
        return f"of at least {least}"
    return f"of at most {most}" if most is not None else ""
