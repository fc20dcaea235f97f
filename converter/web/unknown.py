"""Fields the edit form has no input for — a misspelt ``abstact:``, a key the input format does
not have — shown in the form with their values, so that the editor renames, deletes or keeps
each one instead of being stuck with a form that cannot save them.

Each such field travels with the form as a hidden input holding its place and value (JSON),
beside the editor's choice for it; ``read_post`` puts it back into the posted data where the
choice says. Nothing is dropped unless the editor chose *Delete*: a field without a choice, or
whose new name is taken, stays where it was and the save waits. A field kept on purpose stays
in the edited input (the YAML download) and out of the article, and the article's row says so.
"""

from __future__ import annotations

import json
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

import yaml

from converter.readers.native import format_location, meant_field
from converter.web.form import Field, build_form, form_tree, place_value, tree_data, unshown
from converter.web.words import field_words

Place = tuple[int | str, ...]
CHOICES = ("rename", "delete", "keep")
CHOOSE = "choose to rename, delete or keep it"


@dataclass(slots=True)
class Unknown:
    """One field of the input the form cannot show, and what the editor chose for it."""

    at: Place
    value: Any
    choice: str = ""  # "" (not chosen yet) or one of CHOICES
    errors: list[str] = field(default_factory=list)

    @property
    def written(self) -> str:
        """The field as the input writes it: ``authors[0].afiliations``."""
        return format_location(self.at)

    @property
    def words(self) -> str:
        return field_words(self.written)

    @property
    def meant(self) -> str | None:
        """The known field nearest to it, as the reader's "did you mean" names it."""
        return meant_field(self.at)

    @property
    def rename_to(self) -> str:
        """The new name offered: the field meant, unless it is two (``fpage and lpage``)."""
        meant = self.meant
        return meant if meant and " and " not in meant else ""

    @property
    def shown(self) -> str:
        """The value as the input file would write it."""
        if isinstance(self.value, (dict, list)):
            text: str = yaml.dump(self.value, Dumper=_Dumper, allow_unicode=True,
                                  sort_keys=False, width=90)  # fmt: skip
            return text.rstrip("\n")
        return str(self.value)

    @property
    def carried(self) -> str:
        """The hidden input's value: the field's place and value."""
        return json.dumps({"at": list(self.at), "value": self.value}, ensure_ascii=False,
                          default=str)  # fmt: skip


class _Dumper(yaml.SafeDumper):
    """Writes a text of several lines (an abstract) as a block, as an editor writes it."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def unknown_fields(
    data: dict[str, Any], fields: list[Field], kept: list[Place], problems: list[str]
) -> tuple[list[Unknown], list[str]]:
    """The fields of ``data`` the form has no input for, each with the problem lines about it
    (``abstact: unknown field …``), and the problem lines about the rest."""
    found = [Unknown(at, _get(data, at), "keep" if at in kept else "")
             for at in unshown(data, fields)]  # fmt: skip
    rest = []
    for line in problems:
        owner = next((u for u in found if line.startswith(u.written + ": ")), None)
        if owner is None:
            rest.append(line)
        elif not line.startswith(f"{owner.written}: unknown field"):  # (said by the box)
            owner.errors.append(line.removeprefix(owner.written + ": "))
    return found, rest


def _get(data: Any, at: Place) -> Any:
    for part in at:
        data = data[part]
    return data


@dataclass(slots=True)
class Posted:
    """The edit form as posted: the article's input with every field the form cannot show put
    where its choice says, the places of those kept on purpose, and what keeps it from saving
    (one line per field: ``abstact: choose to rename, delete or keep it``)."""

    data: dict[str, Any]
    kept: list[Place]
    problems: list[str]
    unknown: list[Place]  # every field the form cannot show, kept or not

    def known_part(self) -> dict[str, Any]:
        """The posted input without the fields the form cannot show (to check the rest)."""
        return without(self.data, self.unknown)[0]


@dataclass(slots=True)
class _Held:
    """A carried value in the posted tree, marked so that its place is found again after the
    entries of lists are numbered anew."""

    value: Any
    kept: bool


def read_post(items: list[tuple[str, str]]) -> Posted:
    """The posted form with its carried fields applied: renamed (to a field with no value in
    the form), deleted, kept, or left where they were when no choice is made."""
    tree, removed = form_tree(items)
    posted = {key: value for key, value in items}
    problems: list[str] = []
    carried = []
    for key, raw in items:
        if key.startswith("_unknown.") and key.endswith(":carried"):
            number = key.removeprefix("_unknown.").removesuffix(":carried")
            try:
                item = json.loads(raw)
                at = tuple(item["at"])
                value = item["value"]
            except (ValueError, KeyError, TypeError):
                continue  # (not written by this app's form)
            choice = posted.get(f"_unknown.{number}:choice", "")
            carried.append((Unknown(at, value, choice if choice in CHOICES else ""), number))
    places = {u.at for u, _ in carried}
    renames = []
    for unknown, number in carried:
        if unknown.choice == "rename":
            renames.append((unknown, posted.get(f"_unknown.{number}:to", "").strip()))
        elif unknown.choice != "delete":
            place_value(tree, unknown.at, _Held(unknown.value, unknown.choice == "keep"))
            if not unknown.choice:
                problems.append(f"{unknown.written}: {CHOOSE}")
    for unknown, new_name in renames:  # (after the others: a new name never takes their place)
        why = _rename(tree, unknown, new_name, places)
        if why:
            place_value(tree, unknown.at, _Held(unknown.value, False))
            problems.append(f"{unknown.written}: not renamed: {why}")
    data, kept = _release(tree_data(tree, removed))
    said = {line.split(": ", 1)[0] for line in problems}
    left = unshown(data, build_form(data))  # (a new name the format does not have either)
    problems.extend(f"{format_location(at)}: {CHOOSE}" for at in left
                    if at not in kept and format_location(at) not in said)  # fmt: skip
    return Posted(data, kept, problems, left)


def _rename(tree: dict[Any, Any], unknown: Unknown, new_name: str, places: set[Place]) -> str:
    """Put a carried field under its new name (beside where it was: ``name.surname`` one level
    down); why not, or ""."""
    parts = new_name.split(".")
    if not new_name or not all(parts):
        return "give the new name (or choose delete or keep)"
    target = (*unknown.at[:-1], *(int(p) if p.isdigit() else p for p in parts))
    if target == unknown.at:
        return "the new name is the one it has"
    if target in places:
        return f"{new_name} is another field the converter does not know"
    if not place_value(tree, target, _Held(unknown.value, False)):
        return f"{new_name} has a value in the form already: delete one of the two"
    return ""


def _release(data: Any, at: Place = ()) -> tuple[Any, list[Place]]:
    """``data`` with the carried values in place of their marks, and the places of those kept."""
    if isinstance(data, _Held):
        return data.value, [at] if data.kept else []
    kept: list[Place] = []
    if isinstance(data, dict):
        out: dict[Any, Any] = {}
        for key, value in data.items():
            out[key], found = _release(value, (*at, key))
            kept.extend(found)
        return out, kept
    if isinstance(data, list):
        items = []
        for index, value in enumerate(data):
            item, found = _release(value, (*at, index))
            items.append(item)
            kept.extend(found)
        return items, kept
    return data, kept


def without(data: dict[str, Any], places: list[Place]) -> tuple[dict[str, Any], dict[Place, Any]]:
    """``data`` without the fields at ``places`` (a copy), and those fields by place."""
    taken: dict[Place, Any] = {}
    copy = deepcopy(data)
    for at in places:
        parent = _get(copy, at[:-1])
        taken[at] = _get(data, at)
        del parent[at[-1]]
    return copy, taken


def put_back(data: dict[str, Any], taken: dict[Place, Any]) -> bool:
    """Put the kept fields back into an article's input after a save; False when one's place is
    gone (then nothing is put back)."""
    parents = []
    for at in taken:
        try:
            parent = _get(data, at[:-1])
        except (KeyError, IndexError, TypeError):
            return False
        if not isinstance(parent, dict) or at[-1] in parent:
            return False
        parents.append(parent)
    for parent, (at, value) in zip(parents, taken.items(), strict=True):
        parent[at[-1]] = value
    return True
