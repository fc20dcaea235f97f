"""Which values of an article's input the edit form can hold, and which it cannot.

The form has a few kinds of box (``kind_of``): a text, a choice, a tick box, a text per
language, a name's parts per language, one value per line, groups and lists of entries. The
input format accepts more shapes than these hold as they are — a text where a list of
keywords belongs, one mapping where a list of affiliations belongs, ``no`` for false — and
the form reads each such shape as the model does, writing it back in the model's own shape.

Any other shape (``history: 2020-01-01`` instead of its received/revised/accepted, a list
where a title belongs, an author given as one text) has no box to hold it: ``unshown`` finds
each such value, and each field the input format does not have, so that the form shows them
as written instead of dropping them on Save (``converter.web.unknown``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from converter.schema import article_schema

Place = tuple[int | str, ...]
SKIP = frozenset({"journal"})  # the journal comes from the journal file, not from the form
# A field given as one text that the model reads as one part of it: a licence as its id
# (``license: CC-BY-4.0``), a reference as its text (``model._license``, ``model._references``).
TEXT_STANDS_FOR = {"license": "id", "other_licenses": "id", "references": "text"}
# A key the form can name an input by (``title.en:text``): no dot, colon or space in it, and
# not all digits (a number is a list entry's place).
_NAMEABLE = re.compile(r"^(?!\d+$)[^.:\s]+$")
_BOOL = TypeAdapter(bool)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return article_schema()


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref:
        target = schema()["$defs"][ref.rsplit("/", 1)[-1]]
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def input_fields(group: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The fields of a group an input can give (not those derived by the model)."""
    return {
        name: node
        for name, node in group["properties"].items()
        if "(not input)" not in node.get("description", "")
    }


def _text_stands_for(items: dict[str, Any]) -> dict[str, Any]:
    """A list entry that may be a mapping or a plain text standing for it (a reference, a
    licence: ``TEXT_STANDS_FOR``) is edited as the mapping; an entry that is an id or a
    mapping (an author's affiliation) stays a line."""
    alts = [resolve(a) for a in items.get("anyOf", [])]
    objects = [a for a in alts if a.get("type") == "object" and "properties" in a]
    if len(objects) == 1 and all(a is objects[0] or a == {"type": "string"} for a in alts):
        return objects[0]
    return items


def kind_of(node: dict[str, Any]) -> tuple[str, dict[str, Any] | None]:
    """The form kind of a schema node, and the item schema for groups and lists: text select
    bool maybe (true, false or not said) lines pairs | langtext langarea names | group list."""
    node = resolve(node)
    alts = [resolve(a) for a in node.get("anyOf", []) if a.get("type") != "null"]
    if len(alts) == 1 and not (alts[0].get("type") == "boolean" and node.get("default") is None):
        # one type or null, null being "not given" (``converter.schema``): the type's box; a
        # yes/no whose default is null is three-valued (true, false or not said)
        return kind_of(alts[0])
    if alts:
        types = [a.get("type") for a in alts]
        if "array" in types:  # one value given alone stands for a list of one (``revised: …``)
            return kind_of(alts[types.index("array")])
        objects = [a for a in alts if a.get("type") == "object"]
        if "string" in types and any(o.get("additionalProperties") == {"type": "string"}
                                     for o in objects):  # fmt: skip
            return "langtext", None
        if objects and any("properties" in o for o in objects):
            per_lang = [o for o in objects if "additionalProperties" in o
                        and isinstance(o["additionalProperties"], dict)
                        and "$ref" in o["additionalProperties"]]  # fmt: skip
            group = next(o for o in objects if "properties" in o)
            if per_lang:
                return "names", group
            return "group", group
        if any("enum" in a for a in alts):
            return "select", None
        if types == ["boolean"]:
            return "maybe", None
        return "text", None
    kind = node.get("type")
    if "enum" in node:
        return "select", None
    if kind == "boolean":
        return "bool", None
    if kind == "array":
        items = _text_stands_for(resolve(node.get("items", {})))
        if items.get("type") == "object" and "properties" in items:
            return "list", items
        return "lines", None
    if kind == "object":
        if "properties" in node:
            return "group", node
        extra = node.get("additionalProperties")
        if isinstance(extra, dict) and "anyOf" in extra:
            return "langarea", None
        return "pairs", None
    return "text", None


# ------------------------------------------------------------------ values a box holds


def main_language(data: dict[str, Any]) -> str:
    """The language whose column a text given alone goes in: the article's ``language``, or
    English when it is not given (or is itself given in a shape no box holds)."""
    language = data.get("language")
    return language if isinstance(language, str) and _NAMEABLE.match(language) else "en"


def is_scalar(value: Any) -> bool:
    """A text, a number or a date: what a text box holds (a number as its digits, as the model
    reads ``volume: 1``; a date tagged ``!!timestamp`` as YYYY-MM-DD). true/false is no text:
    the model refuses it where a text belongs."""
    return isinstance(value, str | int | float | dt.date) and not isinstance(value, bool)


def one_line(value: Any) -> str:
    """A value of a one-line box as the box shows it: a line break in it (a title written as
    a YAML block) is a space, as in the XML written from it. (A browser drops line breaks from
    a one-line box's value, joining the words on either side.)"""
    if isinstance(value, dt.datetime):  # (the model takes its day)
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return re.sub(r"[ \t]*\r?\n[ \t]*", " ", str(value))


def as_bool(value: Any) -> bool | None:
    """true or false as the model reads the value (``true``, ``no``, ``1`` …); None when it is
    neither."""
    if value is None or isinstance(value, bool | int | str):
        try:
            return _BOOL.validate_python(value) if value is not None else None
        except ValidationError:
            return None
    return None


def keyword_text(items: list[Any]) -> str:
    """Keywords in one box, separated by '; ' as the model splits them again; one keyword with
    a comma in it ends with ';', or it would be split at its commas."""
    text = "; ".join(one_line(item) for item in items if item is not None)
    return text + ";" if len(items) == 1 and "," in text else text


def paragraphs_text(items: list[Any]) -> str:
    """Paragraphs in one box, a blank line between them (each paragraph's own line breaks are
    spaces, as the model reads a list of paragraphs)."""
    return "\n\n".join(" ".join(str(item).split()) for item in items if item is not None)


# ------------------------------------------------------------------ values no box holds


@dataclass(frozen=True, slots=True)
class Unshown:
    """A value of the input the form has no box for, at ``at``: a field the input format does
    not have (``why`` empty), or a known field in a shape no box holds (``why`` says which)."""

    at: Place
    why: str = ""

    @property
    def known(self) -> bool:
        return bool(self.why)


def unshown(data: dict[str, Any]) -> list[Unshown]:
    """Every value of an article's input the form has no box for, in the input's order."""
    found: list[Unshown] = []
    properties = schema()["properties"]
    for key, value in data.items():
        if key in SKIP:
            continue
        if isinstance(key, str) and key in properties:
            found.extend(_misfits(key, properties[key], value, (key,)))
        else:
            found.append(Unshown((key,)))
    return found


def held_paths(data: dict[str, Any]) -> set[str]:
    """The form paths (``authors.1``, ``keywords.ru``) of the known fields no box holds: the
    form shows a note there instead of boxes, the value being in the box of such fields."""
    return {".".join(map(str, u.at)) for u in unshown(data) if u.known}


_SHAPES = ((bool, "true/false"), (str, "a text"), (int | float, "a number"), (list, "a list"),
           (dict, "a mapping"))  # fmt: skip


def _given(value: Any) -> str:
    return next((f"given as {word}" for kind, word in _SHAPES if isinstance(value, kind)), "")


def _fields_words(group: dict[str, Any]) -> str:
    names = list(input_fields(group))
    return ", ".join(names[:5]) + (" …" if len(names) > 5 else "")


def _misfits(key: str, node: dict[str, Any], value: Any, at: Place) -> list[Unshown]:
    """The values at and below ``at`` that the box of ``node`` cannot hold."""
    if value is None:
        return []
    kind, item = kind_of(node)
    given = _given(value)
    if kind in ("group", "list", "names"):
        assert item is not None
        return _misfits_in(kind, key, item, value, at)
    if kind in ("langtext", "langarea"):
        return _misfits_per_language(kind, node, value, at)
    if kind in ("text", "select"):
        fits, holds = is_scalar(value), "one text" if kind == "text" else "one of its choices"
    elif kind in ("bool", "maybe"):
        fits, holds = as_bool(value) is not None, "true or false"
    elif kind == "lines":
        items = value if isinstance(value, list) else [value]
        fits, holds = all(item is None or is_scalar(item) for item in items), "one value a line"
    else:  # pairs
        fits = isinstance(value, dict) and all(
            isinstance(k, str) and _NAMEABLE.match(k) and (v is None or is_scalar(v))
            for k, v in value.items()
        )
        holds = "'name: value' pairs"
    return [] if fits else [Unshown(at, f"{given}; the form holds {holds}")]


def _misfits_in(kind: str, key: str, item: dict[str, Any], value: Any, at: Place) -> list[Unshown]:
    """Of a group, a list of entries or a name (its parts per language)."""
    given = _given(value)
    if kind == "list":
        if not isinstance(value, list):
            return [Unshown(at, f"{given}; the form holds a list of entries")]
        found = []
        for index, entry in enumerate(value):
            if isinstance(entry, dict):
                found.extend(_misfits_of_group(item, entry, (*at, index)))
            elif not (entry is None or (isinstance(entry, str) and key in TEXT_STANDS_FOR)):
                holds = f"an entry with its fields ({_fields_words(item)})"
                found.append(Unshown((*at, index), f"{_given(entry)}; the form holds {holds}"))
        return found
    if kind == "group":
        if isinstance(value, dict):
            return _misfits_of_group(item, value, at)
        if isinstance(value, str) and key in TEXT_STANDS_FOR:
            return []
        return [Unshown(at, f"{given}; the form holds its fields ({_fields_words(item)})")]
    holds = f"a name's parts ({_fields_words(item)}) per language"
    if not isinstance(value, dict):
        return [Unshown(at, f"{given}; the form holds {holds}")]
    if {"surname", "given"} & value.keys():  # one name form: the main language's
        others = [str(part) for part in value if part not in input_fields(item)]
        if others:  # (the form writes it back per language: a part it has no box for is lost)
            return [Unshown(at, f"a name's parts with others ({', '.join(others)}); the form "
                            f"holds {holds}")]  # fmt: skip
        return _misfits_of_name(item, value, at, at, holds)
    found = []
    for lang, form in value.items():
        if not (isinstance(lang, str) and _NAMEABLE.match(lang)):
            return [Unshown(at, f"a language {lang!r} the form cannot name; it holds {holds}")]
        if isinstance(form, dict):
            found.extend(_misfits_of_name(item, form, (*at, lang), (*at, lang), holds))
        elif form is not None:
            found.append(Unshown((*at, lang), f"{_given(form)}; the form holds {holds}"))
    return found


def _misfits_of_group(group: dict[str, Any], value: dict[Any, Any], at: Place) -> list[Unshown]:
    fields = input_fields(group)
    found = []
    for name, inner in value.items():
        if isinstance(name, str) and name in fields:
            found.extend(_misfits(name, fields[name], inner, (*at, name)))
        else:
            found.append(Unshown((*at, name)))
    return found


def _misfits_of_name(
    item: dict[str, Any], form: dict[Any, Any], at: Place, column: Place, holds: str
) -> list[Unshown]:
    """A name form: a part the format does not have is unknown; a part no box holds makes the
    whole form (its column) unheld."""
    fields = input_fields(item)
    found = [Unshown((*at, part)) for part in form if part not in fields]
    if any(not (v is None or is_scalar(v)) for part, v in form.items() if part in fields):
        return [Unshown(column, f"a part given as a list or a mapping; the form holds {holds}")]
    return found


def _misfits_per_language(kind: str, node: dict[str, Any], value: Any, at: Place) -> list[Unshown]:
    """Of a text per language (a title) or a list or paragraphs per language (keywords, an
    abstract): a text alone is the main language's."""
    holds = "a text per language"
    keywords = "';'" in resolve(node).get("description", "")
    if not isinstance(value, dict):  # (a text, or a list of keywords, alone: the main language's)
        return _misfits_of_text(kind, keywords, value, at, holds)
    found = []
    for lang, text in value.items():
        if not (isinstance(lang, str) and _NAMEABLE.match(lang)):
            return [Unshown(at, f"a language {lang!r} the form cannot name; it holds {holds}")]
        found.extend(_misfits_of_text(kind, keywords, text, (*at, lang), "one text"))
    return found


def _misfits_of_text(kind: str, keywords: bool, text: Any, at: Place, holds: str) -> list[Unshown]:
    """Of one language's text, or list of keywords or paragraphs."""
    if text is None or is_scalar(text):
        return []
    if kind == "langarea" and isinstance(text, list):
        if not all(item is None or is_scalar(item) for item in text):
            return [Unshown(at, "a list holding lists or mappings; the form holds one text a line")]
        if keywords and any(";" in str(item) for item in text):
            return [Unshown(at, "a keyword with ';' in it; the form's box separates keywords "
                            "with ';'")]  # fmt: skip
        return []
    return [Unshown(at, f"{_given(text)}; the form holds {holds}")]
