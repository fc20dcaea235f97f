"""The article edit form, generated from the input JSON Schema (``schemas/article.schema.json``).

The form is built from the schema the model generates (``converter.schema.article_schema``, the
same text as the committed file), so a field added to the model appears in the form without
touching this module. Text given per language is shown with one column per language, side by
side. Each input's name is its field path with a kind after a colon (``authors.0.orcid:text``,
``keywords.ru:area``), so a posted form turns back into the input mapping without the schema.

A value is shown in the shape its box holds, read as the model reads it (``converter.web.shapes``:
keywords given as one text, ``corresponding: no``); a value no box holds is shown as written by
``converter.web.unknown``, and its place in the form says so instead of showing empty boxes
that would drop it on Save.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from converter.messages import shorten
from converter.web.shapes import (
    SKIP,
    TEXT_STANDS_FOR,
    as_bool,
    held_paths,
    input_fields,
    keyword_text,
    kind_of,
    main_language,
    one_line,
    paragraphs_text,
    resolve,
    schema,
)
from converter.web.words import field_words

_PER_LANGUAGE = ("title", "subtitle", "abstract", "keywords", "section", "funding_statement",
                 "acknowledgements", "competing_interests", "data_availability",
                 "issue_title")  # fmt: skip
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
# A reference's text: a box of several lines, so that a list pasted in keeps its lines.
_REFERENCE_TEXT = re.compile(r"^references\.\d+\.text$")
_AUTHOR_AFFILIATIONS = re.compile(r"^authors\.\d+\.affiliations$")


@dataclass(slots=True)
class Field:
    """One node of the form: an input, a per-language row, a group or a repeated group."""

    # text select bool lines pairs | langtext langarea names | group list | held (a value no
    # box holds: shown as written in the box of such fields instead)
    kind: str
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
    held: list[str] = field(default_factory=list)  # languages whose value no box holds
    # An author's affiliations: the article's affiliations to tick, (id, name in the form's
    # language); ids typed that none of them has stay in the text box beside them.
    choices: list[tuple[str, str]] = field(default_factory=list)


def _options(node: dict[str, Any]) -> list[str]:
    node = resolve(node)
    if "enum" in node:
        return [str(v) for v in node["enum"]]
    for alt in node.get("anyOf", []):
        if "enum" in resolve(alt):
            return [str(v) for v in resolve(alt)["enum"]]
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


def languages(data: dict[str, Any]) -> list[str]:
    """The languages to show columns for: the article's main language, then every other
    language its per-language fields use; a second column when only one is in use."""
    main = main_language(data)
    found = [main]
    maps: list[Any] = [data.get(name) for name in _PER_LANGUAGE]
    for person in _entries(data.get("authors")):
        if isinstance(person.get("name"), dict):
            name = person["name"]
            if not ({"surname", "given"} & name.keys()):
                maps.append(name)
    for aff in _entries(data.get("affiliations")):
        maps.append(aff.get("institution"))
    for value in maps:
        if isinstance(value, dict):
            found.extend(k for k in value if isinstance(k, str) and _LANG.match(k))
    found = list(dict.fromkeys(found))
    if len(found) == 1:
        found.append("ru" if main == "en" else "en")
    return found


def _entries(value: Any) -> list[dict[Any, Any]]:
    """The entries of a list given as a list of mappings (any other is shown as written)."""
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def build_form(
    data: dict[str, Any],
    errors: dict[str, list[str]] | None = None,
    typed: bool = False,
    blanks: dict[str, int] | None = None,
) -> list[Field]:
    """The form's top-level fields, filled from an article's input mapping; ``typed`` when
    it is what the user typed, shown again after a failed save (a reference's lines kept);
    ``blanks``: how many blank entries a list shows (one unless *Add* asked for more)."""
    maker = _Maker(languages(data), main_language(data), errors or {}, held_paths(data), typed,
                   blanks or {}, affiliation_choices(data))  # fmt: skip
    return [
        maker.field(name, node, data.get(name), name)
        for name, node in schema()["properties"].items()
        if name not in SKIP
    ]


def affiliation_ids(affiliations: list[dict[Any, Any]]) -> list[str]:
    """Each affiliation's id as the model gives it: its own, else ``aff`` and its number,
    skipping the ids other affiliations state (``Article``'s numbering)."""
    stated = {str(aff["id"]) for aff in affiliations if aff.get("id")}
    ids = []
    for number, aff in enumerate(affiliations, start=1):
        if aff.get("id"):
            ids.append(str(aff["id"]))
            continue
        while f"aff{number}" in stated:
            number += 1
        stated.add(f"aff{number}")
        ids.append(f"aff{number}")
    return ids


def affiliation_choices(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The article's affiliations an author can be linked to: (id, words naming it), the
    institution in the form's language (else in another, else its city), then the id."""
    affiliations = _entries(data.get("affiliations"))
    main = main_language(data)
    found = []
    for aff_id, aff in zip(affiliation_ids(affiliations), affiliations, strict=True):
        name = ""
        for key in ("institution", "department", "city"):
            forms = _per_lang(aff.get(key), main)
            text = forms.get(main) or next((v for v in forms.values() if v), "")
            if text:
                name = one_line(text)
                break
        found.append((aff_id, f"{name} ({aff_id})" if name else aff_id))
    return found


def _per_lang(value: Any, main: str) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, dict):
        return value
    return {main: value}


@dataclass(slots=True)
class _Maker:
    """Makes the form's fields: the columns' languages, the main one, the problems by path and
    the paths of values no box holds (``shapes.held_paths``)."""

    langs: list[str]
    main: str
    errors: dict[str, list[str]]
    held: set[str]
    typed: bool = False
    blanks: dict[str, int] = field(default_factory=dict)
    affiliations: list[tuple[str, str]] = field(default_factory=list)

    def below(self, path: str) -> list[str]:
        """The errors at ``path`` and below it, those below named by their part
        (``en: …``): what a leaf, or the note of a value held as written, says beside it
        (the list of fields to fix links there for each)."""
        return [
            (f"{k.removeprefix(path + '.')}: " if k != path else "") + line
            for k, lines in self.errors.items()
            if k == path or k.startswith(path + ".")
            for line in lines
        ]

    def field(self, key: str, node: dict[str, Any], value: Any, path: str) -> Field:
        kind, item = kind_of(node)
        help_text = resolve(node).get("description", "")
        if kind == "langtext" and _REFERENCE_TEXT.match(path):
            kind = "langarea"  # (a list pasted in keeps its lines: ``pasted_references``)
        made = Field(kind, path, _label(key), help_text, errors=self.errors.get(path, []))
        if path in self.held:
            made.kind = "held"
            made.errors = self.below(path)
            return made
        if kind not in ("group", "list", "names"):  # a leaf: its own errors and its languages'
            made.errors = self.below(path)
        if kind in ("langtext", "langarea"):
            self._per_language(made, value)
        elif kind == "names":
            assert item is not None
            self._name_forms(made, item, value)
        elif kind == "group":
            assert item is not None
            current = value if isinstance(value, dict) else {}
            if isinstance(value, str):  # a licence given as its id (``TEXT_STANDS_FOR``)
                current = {TEXT_STANDS_FOR[key]: value}
            made.children = [
                self.field(sub, sub_node, current.get(sub), f"{path}.{sub}")
                for sub, sub_node in input_fields(item).items()
            ]
        elif kind == "list":
            assert item is not None
            self._entries(made, key, item, value)
        else:
            _leaf(made, node, value)
            if _AUTHOR_AFFILIATIONS.match(path) and self.affiliations and made.kind == "lines":
                self._affiliation_boxes(made, value)
        return made

    def _affiliation_boxes(self, made: Field, value: Any) -> None:
        """An author's affiliations as boxes to tick; an id typed that no affiliation has (one
        added in the same save) stays in the text box, so nothing typed is lost."""
        made.kind, made.choices = "affs", self.affiliations
        given = value if isinstance(value, list) else [value]
        ids = [one_line(v) for v in given if isinstance(v, str | int)]
        known = {aff_id for aff_id, _ in self.affiliations}
        made.options = [v for v in ids if v in known]
        made.value = ", ".join(v for v in ids if v not in known)

    def _per_language(self, made: Field, value: Any) -> None:
        """One box per language; a value given as one text is the main language's."""
        values = _per_lang(value, self.main)
        made.separator = "; " if "';'" in made.help else "\n\n"
        one_reference = bool(_REFERENCE_TEXT.match(made.name))
        if one_reference:
            made.separator = "\n"  # (a reference a line)
        made.langs = self.langs + [lang for lang in values if lang not in self.langs]
        made.held = [lang for lang in made.langs if f"{made.name}.{lang}" in self.held]
        made.value = {}
        for lang, text in values.items():
            if lang in made.held or text is None:
                continue
            if made.kind == "langtext" or (one_reference and not self.typed):
                # (a reference saved is one line, one written as a YAML block too: saving
                # it unchanged must not make it a list)
                made.value[lang] = one_line(text)
            elif isinstance(text, list):
                made.value[lang] = (keyword_text if made.separator == "; " else paragraphs_text)(
                    text
                )
            else:
                made.value[lang] = str(text)

    def _name_forms(self, made: Field, item: dict[str, Any], value: Any) -> None:
        """A name's parts, one column per language; one name form is the main language's."""
        if isinstance(value, dict) and ({"surname", "given"} & value.keys()):
            forms = {self.main: value}
        else:
            forms = value if isinstance(value, dict) else {}
        made.langs = self.langs + [lang for lang in forms if lang not in self.langs]
        made.held = [lang for lang in made.langs if f"{made.name}.{lang}" in self.held]
        made.children = [
            self.field(sub, sub_node, None, f"{made.name}.{{lang}}.{sub}")
            for sub, sub_node in input_fields(item).items()
        ]
        made.value = {
            lang: {part: one_line(text) for part, text in form.items() if text is not None}
            for lang, form in forms.items()
            if isinstance(form, dict) and lang not in made.held
        }
        made.errors = [
            f"{key.removeprefix(made.name + '.')}: {line}"
            for key, lines in self.errors.items()
            if key.startswith(made.name + ".")
            for line in lines
        ]

    def _entries(self, made: Field, key: str, item: dict[str, Any], value: Any) -> None:
        """An entry per item, and one blank entry to add another; an empty item is none."""
        items = list(value) if isinstance(value, list) else []
        blanks = max(1, self.blanks.get(made.name, 1))
        made.value = len(items) + blanks  # (entries shown: *Add* posts it)
        for index, entry in enumerate([*items, *[{}] * blanks]):
            path = f"{made.name}.{index}"
            if entry is None:
                continue
            if path in self.held:  # (a note, not boxes: the note says the errors of it all)
                held = Field("held", path, f"{made.label} {index + 1}", errors=self.below(path))
                made.children.append(held)
                continue
            if isinstance(entry, str):  # a reference as its text, a licence as its id
                entry = {TEXT_STANDS_FOR[key]: entry}
            group = Field("group", path, f"{made.label} {index + 1}",
                          errors=self.errors.get(path, []))  # fmt: skip
            group.value = "new" if index >= len(items) else "old"
            if index > len(items):  # (a blank entry *Add* asked for: open, to be filled in)
                group.help = "added"
            group.summary = _summary(entry)
            group.has_errors = any(k == path or k.startswith(f"{path}.") for k in self.errors)
            group.children = [
                self.field(sub, sub_node, entry.get(sub), f"{path}.{sub}")
                for sub, sub_node in input_fields(item).items()
            ]
            made.children.append(group)


def _leaf(made: Field, node: dict[str, Any], value: Any) -> None:
    """The value of one input, in the shape it holds (``shapes``: held values only)."""
    if made.kind == "lines":
        items = value if isinstance(value, list) else ([] if value is None else [value])
        made.value = "\n".join(one_line(v) for v in items if v is not None)
    elif made.kind == "pairs":
        pairs = value if isinstance(value, dict) else {}
        made.value = "\n".join(f"{k}: {one_line(v)}" for k, v in pairs.items() if v is not None)
    elif made.kind == "select":
        made.options = _options(node)
        made.value = "" if value is None else str(value)
    elif made.kind == "maybe":  # true, false, or not said: a choice of the two
        made.kind, made.options = "select", ["true", "false"]
        meant = as_bool(value)
        made.value = "" if meant is None else str(meant).lower()
    elif made.kind == "bool":
        made.value = bool(as_bool(value))
    else:
        made.value = "" if value is None else one_line(value)


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


def shown_at(fields: list[Field], path: str) -> str | None:
    """The name of the field whose box shows an error at ``path`` (an input's, or a group's or
    list's for its own errors), or None when the form has none: what the list of fields to fix
    at the top of a failed form links to."""
    leaves, containers = _names(fields)
    if path in containers:
        return path
    found = [leaf for leaf in leaves if path == leaf or path.startswith(leaf + ".")]
    return max(found, key=len) if found else None


def _summary(value: Any) -> str:
    """The first text in an entry (a name, an institution, a reference's text), shortened."""
    if isinstance(value, str):
        return shorten(value, 90)
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
        if kind in ("ids", "tick"):  # (the boxes ticked and the ids typed: one list)
            value = list(dict.fromkeys(_ids_so_far(tree, name.split(".")) + value))
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
    if kind in ("ids", "tick"):  # an author's affiliations: ids typed (``aff1, aff2``), ticked
        return [part.strip() for part in re.split(r"[,;\s]+", text) if part.strip()]
    if kind == "pairs":
        pairs = {}
        for line in text.split("\n"):
            name, sep, value = line.partition(":")
            if sep and name.strip():
                pairs[name.strip()] = value.strip()
        return pairs
    return text


def _ids_so_far(tree: dict[Any, Any], parts: list[str]) -> list[Any]:
    """The ids already posted at ``parts`` (a ticked box before the next one)."""
    node: Any = tree
    for part in parts:
        if not isinstance(node, dict):
            return []
        node = node.get(int(part) if part.isdigit() else part)
    return list(node) if isinstance(node, list) else []


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
