"""The article edit form, generated from the input JSON Schema (``schemas/article.schema.json``).

The form is built from the schema the model generates (``converter.schema.article_schema``, the
same text as the committed file), so a field added to the model appears in the form without
touching this module. Text given per language is shown with one column per language, side by
side. Each input's name is its field path with a kind after a colon (``authors.0.orcid:text``,
``keywords.ru:area``), so a posted form turns back into the input mapping without the schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from converter.schema import article_schema
from converter.web.words import field_words

_SKIP = frozenset({"journal"})  # the journal comes from the journal file, not from the form
_PER_LANGUAGE = ("title", "subtitle", "abstract", "keywords", "section", "funding_statement")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


@dataclass(slots=True)
class Field:
    """One node of the form: an input, a per-language row, a group or a repeated group."""

    kind: str  # text select bool lines pairs area | langtext langarea names | group list
    name: str  # field path with dots: authors.0.name
    label: str
    help: str = ""
    value: Any = None
    options: list[str] = field(default_factory=list)
    children: list[Field] = field(default_factory=list)
    langs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    separator: str = "\n"  # how a list is written in a text area
    summary: str = ""  # for an entry of a list: what it is, in a few words
    has_errors: bool = False  # an entry of a list with an error inside: shown open


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return article_schema()


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref:
        target = _schema()["$defs"][ref.rsplit("/", 1)[-1]]
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _options(node: dict[str, Any]) -> list[str]:
    node = _resolve(node)
    if "enum" in node:
        return [str(v) for v in node["enum"]]
    for alt in node.get("anyOf", []):
        if "enum" in _resolve(alt):
            return [str(v) for v in _resolve(alt)["enum"]]
    return []


_LABELS = {
    "fpage": "First page",
    "lpage": "Last page",
    "id": "Id",
    "title_en": "Title in English",
    "source_en": "Source in English",
    "publisher_loc": "Place of publication",
    "lang": "Language of the parts",
}


def _label(name: str) -> str:
    return _LABELS.get(name) or field_words(name)


def _kind(node: dict[str, Any]) -> tuple[str, dict[str, Any] | None]:
    """The form kind of a schema node, and the item schema for groups and lists."""
    node = _resolve(node)
    alts = [_resolve(a) for a in node.get("anyOf", []) if a.get("type") != "null"]
    if alts:
        types = [a.get("type") for a in alts]
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
        return "text", None
    kind = node.get("type")
    if "enum" in node:
        return "select", None
    if kind == "boolean":
        return "bool", None
    if kind == "array":
        items = _resolve(node.get("items", {}))
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


def languages(data: dict[str, Any]) -> list[str]:
    """The languages to show columns for: the article's main language, then every other
    language its per-language fields use; a second column when only one is in use."""
    main = str(data.get("language") or "en")
    found = [main]
    maps: list[Any] = [data.get(name) for name in _PER_LANGUAGE]
    for person in data.get("authors") or []:
        if isinstance(person, dict) and isinstance(person.get("name"), dict):
            name = person["name"]
            if not ({"surname", "given"} & name.keys()):
                maps.append(name)
    for aff in data.get("affiliations") or []:
        if isinstance(aff, dict):
            maps.append(aff.get("institution"))
    for value in maps:
        if isinstance(value, dict):
            found.extend(k for k in value if isinstance(k, str) and _LANG.match(k))
    found = list(dict.fromkeys(found))
    if len(found) == 1:
        found.append("ru" if main == "en" else "en")
    return found


def build_form(data: dict[str, Any], errors: dict[str, list[str]] | None = None) -> list[Field]:
    """The form's top-level fields, filled from an article's input mapping."""
    langs = languages(data)
    schema = _schema()
    errors = errors or {}
    main = str(data.get("language") or "en")
    return [
        _field(name, node, data.get(name), name, langs, main, errors)
        for name, node in schema["properties"].items()
        if name not in _SKIP
    ]


def _per_lang(value: Any, main: str) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, dict):
        return value
    return {main: value}


def _field(
    key: str,
    node: dict[str, Any],
    value: Any,
    path: str,
    langs: list[str],
    main: str,
    errors: dict[str, list[str]],
) -> Field:
    kind, item = _kind(node)
    resolved = _resolve(node)
    help_text = resolved.get("description", "")
    made = Field(kind, path, _label(key), help_text, errors=errors.get(path, []))
    if kind not in ("group", "list", "names"):  # a leaf: its own errors and its languages'
        made.errors = [
            (f"{k.removeprefix(path + '.')}: " if k != path else "") + line
            for k, lines in errors.items()
            if k == path or k.startswith(path + ".")
            for line in lines
        ]
    if kind in ("langtext", "langarea"):
        made.langs = langs
        values = _per_lang(value, main)
        made.separator = "; " if "';'" in help_text else "\n\n"
        made.value = {
            lang: (made.separator.join(map(str, v)) if isinstance(v, list) else v)
            for lang, v in values.items()
        }
        extra = [lang for lang in values if lang not in langs]
        made.langs = langs + extra
        return made
    if kind == "names":
        assert item is not None
        made.langs = langs
        if isinstance(value, dict) and ({"surname", "given"} & value.keys()):
            forms = {main: value}  # one name form: the main language's
        else:
            forms = value if isinstance(value, dict) else {}
        made.langs = langs + [lang for lang in forms if lang not in langs]
        made.children = [
            _field(sub, sub_node, None, f"{path}.{{lang}}.{sub}", langs, main, errors)
            for sub, sub_node in item["properties"].items()
            if "(not input)" not in sub_node.get("description", "")
        ]
        made.value = forms
        made.errors = [
            f"{key.removeprefix(path + '.')}: {line}"
            for key, lines in errors.items()
            if key.startswith(path + ".")
            for line in lines
        ]
        return made
    if kind == "group":
        assert item is not None
        current = value if isinstance(value, dict) else {}
        if isinstance(value, str) and "id" in item.get("properties", {}):
            current = {"id": value}  # licence given as its id
        made.children = [
            _field(sub, sub_node, current.get(sub), f"{path}.{sub}", langs, main, errors)
            for sub, sub_node in item["properties"].items()
            if "(not input)" not in sub_node.get("description", "")
        ]
        return made
    if kind == "list":
        assert item is not None
        items = list(value) if isinstance(value, list) else []
        for index, entry in enumerate([*items, {}]):  # one blank entry to add another
            if isinstance(entry, str):
                entry = {"text": entry}
            group = Field("group", f"{path}.{index}", f"{made.label} {index + 1}",
                          errors=errors.get(f"{path}.{index}", []))  # fmt: skip
            group.value = "new" if index == len(items) else "old"
            group.summary = _summary(entry)
            group.has_errors = any(k.startswith(f"{path}.{index}") for k in errors)
            group.children = [
                _field(sub, sub_node, entry.get(sub), f"{path}.{index}.{sub}", langs, main, errors)
                for sub, sub_node in item["properties"].items()
                if "(not input)" not in sub_node.get("description", "")
            ]
            made.children.append(group)
        return made
    if kind == "lines":
        items = value if isinstance(value, list) else ([] if value is None else [value])
        made.value = "\n".join(str(v) for v in items if not isinstance(v, dict))
        return made
    if kind == "pairs":
        pairs = value if isinstance(value, dict) else {}
        made.value = "\n".join(f"{k}: {v}" for k, v in pairs.items())
        return made
    if kind == "select":
        made.options = _options(node)
        made.value = "" if value is None else str(value)
        return made
    if kind == "bool":
        made.value = bool(value)
        return made
    made.value = "" if value is None else str(value)
    return made


def _names(fields: list[Field]) -> tuple[set[str], set[str]]:
    """The paths of the form's inputs (a leaf: its field and all below it) and of its groups
    and lists (which show only their own errors)."""
    leaves: set[str] = set()
    containers: set[str] = set()
    for f in fields:
        if f.kind in ("group", "list"):
            containers.add(f.name)
            found = _names(f.children)
            leaves |= found[0]
            containers |= found[1]
        else:
            leaves.add(f.name)
    return leaves, containers


def shows(fields: list[Field], path: str) -> bool:
    """Whether the form shows an error at ``path`` (``authors.0.orcid``) beside an input."""
    leaves, containers = _names(fields)
    if path in containers:
        return True
    return any(path == leaf or path.startswith(leaf + ".") for leaf in leaves)


def unshown(data: dict[str, Any], fields: list[Field]) -> list[tuple[int | str, ...]]:
    """The places of data the form has no input for (``("pages",)``, ``("authors", 0,
    "afiliations")``): a field the input format does not have, misspelt or unknown."""
    leaves, containers = _names(fields)
    found: list[tuple[int | str, ...]] = []

    def walk(value: Any, path: str, at: tuple[int | str, ...]) -> None:
        if path in leaves:
            return
        if path and path not in containers:
            found.append(at)
        elif isinstance(value, dict):
            for key, item in value.items():
                if not (path == "" and key in _SKIP):
                    walk(item, f"{path}.{key}" if path else str(key), (*at, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}.{index}", (*at, index))

    walk(data, "", ())
    return found


def _summary(value: Any) -> str:
    """The first text in an entry (a name, an institution, a reference's text), shortened."""
    if isinstance(value, str):
        return value if len(value) <= 90 else value[:89] + "…"
    if isinstance(value, dict):
        if {"surname", "given"} & value.keys():
            return " ".join(str(value[k]) for k in ("surname", "given") if value.get(k))
        for item in value.values():
            found = _summary(item)
            if found:
                return found
    if isinstance(value, list):
        for item in value:
            found = _summary(item)
            if found:
                return found
    return ""


# ----------------------------------------------------------------------- posted form → data


def parse_form(items: list[tuple[str, str]]) -> dict[str, Any]:
    """The input mapping from posted ``(name:kind, value)`` pairs; empty values are left out."""
    tree, removed = form_tree(items)
    return tree_data(tree, removed)


def form_tree(items: list[tuple[str, str]]) -> tuple[dict[Any, Any], set[str]]:
    """The posted values as a tree (list entries keyed by their number), and the paths of the
    entries whose "remove" box is ticked; ``tree_data`` makes it the input mapping."""
    tree: dict[Any, Any] = {}
    removed: set[str] = set()
    for key, raw in items:
        name, _, kind = key.partition(":")
        if not kind or name.startswith("_"):
            continue
        value = _value(kind, raw)
        if name.endswith("._remove"):
            if value:
                removed.add(name.removesuffix("._remove"))
            continue
        if value in (None, "", [], {}):
            continue
        _put(tree, name.split("."), value)
    return tree, removed


def tree_data(tree: dict[Any, Any], removed: set[str]) -> dict[str, Any]:
    """The input mapping of a posted tree: removed and empty entries left out."""
    data: dict[str, Any] = _finish(tree, "", removed)
    return data


def place_value(tree: dict[Any, Any], at: tuple[int | str, ...], value: Any) -> bool:
    """Put ``value`` at ``at`` in a posted tree where the form posted nothing; False (and the
    tree unchanged) when something is there already."""
    node: Any = tree
    for part in at[:-1]:
        node = node.get(part, {})
        if not isinstance(node, dict):
            return False
    if not at or at[-1] in node:
        return False
    node = tree
    for part in at[:-1]:
        node = node.setdefault(part, {})
    node[at[-1]] = value
    return True


def _value(kind: str, raw: str) -> Any:
    text = raw.replace("\r\n", "\n").strip()
    if kind == "bool":
        return raw in ("on", "true", "1")
    if kind == "lines":
        return [line.strip() for line in text.split("\n") if line.strip()]
    if kind == "pairs":
        pairs = {}
        for line in text.split("\n"):
            name, sep, value = line.partition(":")
            if sep and name.strip():
                pairs[name.strip()] = value.strip()
        return pairs
    return text


def _put(tree: dict[Any, Any], parts: list[str], value: Any) -> None:
    node = tree
    for part in parts[:-1]:
        key: Any = int(part) if part.isdigit() else part
        node = node.setdefault(key, {})
    last: Any = int(parts[-1]) if parts[-1].isdigit() else parts[-1]
    node[last] = value


def _finish(node: Any, path: str, removed: set[str]) -> Any:
    """Dicts keyed by numbers become lists (in order); removed and empty entries are dropped."""
    if not isinstance(node, dict):
        return node
    if node and all(isinstance(k, int) for k in node):
        items = []
        for index in sorted(node):
            here = f"{path}.{index}" if path else str(index)
            if here in removed:
                continue
            value = _finish(node[index], here, removed)
            if value not in (None, "", [], {}):
                items.append(value)
        return items
    result = {}
    for key, value in node.items():
        here = f"{path}.{key}" if path else str(key)
        value = _finish(value, here, removed)
        if value not in (None, "", [], {}):
            result[key] = value
    return result


def error_paths(lines: list[str]) -> dict[str, list[str]]:
    """Model problem lines (``authors[0].orcid: checksum fails``) by form path
    (``authors.0.orcid``); a line without a field path goes under ``""``."""
    found: dict[str, list[str]] = {}
    for line in lines:
        match = re.match(r"^([A-Za-z_][\w]*(?:\[\d+\]|\.[\w-]+)*): (.*)$", line)
        if match:
            path = re.sub(r"\[(\d+)\]", r".\1", match.group(1))
            found.setdefault(path, []).append(match.group(2))
        else:
            found.setdefault("", []).append(line)
    return found
