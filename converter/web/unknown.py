"""Fields the edit form has no input for — a misspelt ``abstact:``, a key the input format does
not have, or a known field in a shape no box of the form holds (``history: 2020-01-01``, an
author given as one text: ``converter.web.shapes``) — shown in the form with their values, so
that the editor renames (moves), deletes or keeps each one instead of being stuck with a form
that cannot save them, or losing them on Save.

Each such field travels with the form as a hidden input holding its place and value (JSON),
beside the editor's choice for it; ``read_post`` puts it back into the posted data where the
choice says. Nothing is dropped unless the editor chose *Delete*: a field without a choice, or
whose new name is taken, stays where it was and the save waits. A field kept on purpose stays
in the edited input (the YAML download) and out of the article, and the article's row says so.
"""

from __future__ import annotations

import json
import re
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

import yaml

from converter.readers.native import format_location, meant_field
from converter.web.form import form_tree, place_value, tree_data
from converter.web.shapes import Place, unshown
from converter.web.words import field_words

CHOICES = ("rename", "delete", "keep")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")  # a name form's language (as ``form``)
_BRACKETED = re.compile(r"\[(\d+)\]")  # a list entry's number as the input writes it: authors[1]
CHOOSE = "choose to rename, delete or keep it"
CHOOSE_KNOWN = "choose to move, delete or keep it"
TAKEN = "not kept: the form has a value in its place: delete one of the two"


@dataclass(slots=True)
class Unknown:
    """One field of the input the form cannot show, and what the editor chose for it."""

    at: Place
    value: Any
    choice: str = ""  # "" (not chosen yet) or one of CHOICES
    errors: list[str] = field(default_factory=list)
    why: str = ""  # a known field: the shape it is given in, which no box holds (``Unshown``)
    number: int = 0  # its inputs' number in the form (``_unknown.3:choice``)

    @property
    def known(self) -> bool:
        """A field of the input format, given in a shape no box of the form holds."""
        return bool(self.why)

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
        return None if self.known else meant_field(self.at)

    @property
    def movable(self) -> bool:
        """Whether it can be renamed: a field is, an entry of a list is not."""
        return isinstance(self.at[-1], str)

    @property
    def rename_to(self) -> str:
        """The new place offered: the field meant, unless it is two (``fpage and lpage``), at
        the field's place as the input writes it (``authors[1].orcid`` for ``authors[1].orcid_id``):
        a name alone did not say whose field it becomes, and a place typed from the article's
        top was read below the field's owner (``authors[1].authors``)."""
        meant = self.meant
        if not meant or " and " in meant:
            return ""
        return format_location((*self.at[:-1], *meant.split(".")))

    @property
    def shown(self) -> str:
        """The value as the input file would write it."""
        if isinstance(self.value, (dict, list)):
            text: str = yaml.dump(self.value, Dumper=_Dumper, allow_unicode=True,
                                  sort_keys=False, width=90)  # fmt: skip
            return text.rstrip("\n")
        if isinstance(self.value, bool):
            return str(self.value).lower()
        return str(self.value)

    @property
    def carried(self) -> str:
        """The hidden input's value: the field's place and value."""
        return json.dumps({"at": list(self.at), "value": self.value, "why": self.why},
                          ensure_ascii=False, default=str)  # fmt: skip

    @property
    def choose(self) -> str:
        """What to do before the form saves, when nothing is chosen for it."""
        return CHOOSE_KNOWN if self.known else CHOOSE


class _Dumper(yaml.SafeDumper):
    """Writes a text of several lines (an abstract) as a block, as an editor writes it."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def unknown_fields(
    data: dict[str, Any], kept: list[Place], problems: list[str]
) -> tuple[list[Unknown], list[str]]:
    """The fields of ``data`` the form has no input for, each with the problem lines about it
    (``abstact: unknown field …``; of a known field, those about its parts too), and the
    problem lines about the rest."""
    found = [Unknown(u.at, _get(data, u.at), "keep" if u.at in kept else "", why=u.why,
                     number=number) for number, u in enumerate(unshown(data))]  # fmt: skip
    rest = []
    for line in problems:
        owner = next((u for u in found if _about(line, u)), None)
        if owner is None:
            rest.append(line)
        elif not line.startswith(f"{owner.written}: unknown field"):  # (said by the box)
            owner.errors.append(line.removeprefix(owner.written + ": "))
    return found, rest


def _about(line: str, unknown: Unknown) -> bool:
    """Whether a problem line is about the field (of a known field: about a part of it too,
    ``history.received: …`` of a ``history`` given as a list)."""
    if line.startswith(unknown.written + ": "):
        return True
    return unknown.known and line.startswith((unknown.written + ".", unknown.written + "["))


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
                value, why = item["value"], str(item.get("why") or "")
            except (ValueError, KeyError, TypeError):
                continue  # (not written by this app's form)
            choice = posted.get(f"_unknown.{number}:choice", "")
            carried.append((Unknown(at, value, choice if choice in CHOICES else "", why=why),
                            number))  # fmt: skip
    places = {u.at for u, _ in carried}
    renames = []
    for unknown, number in carried:
        if unknown.choice == "rename":
            renames.append((unknown, posted.get(f"_unknown.{number}:to", "").strip()))
        elif unknown.choice != "delete":
            if not place_value(tree, unknown.at, _Held(unknown.value, unknown.choice == "keep")):
                problems.append(f"{unknown.written}: {TAKEN}")  # (only a form of another kind)
            elif not unknown.choice:
                problems.append(f"{unknown.written}: {unknown.choose}")
    for unknown, new_name in renames:  # (after the others: a new name never takes their place)
        why = _rename(tree, unknown, new_name, places)
        if why:
            place_value(tree, unknown.at, _Held(unknown.value, False))
            done = "moved" if unknown.known else "renamed"
            problems.append(f"{unknown.written}: not {done}: {why}")
    data, kept = _release(tree_data(tree, removed))
    said = {line.split(": ", 1)[0] for line in problems}
    left = unshown(data)  # (a new name the format does not have either, or a wrong shape)
    problems.extend(f"{format_location(u.at)}: {CHOOSE_KNOWN if u.known else CHOOSE}"
                    for u in left if u.at not in kept
                    and format_location(u.at) not in said)  # fmt: skip
    return Posted(data, kept, problems, [u.at for u in left])


def _rename(tree: dict[Any, Any], unknown: Unknown, new_name: str, places: set[Place]) -> str:
    """Put a carried field under its new name (beside where it was: ``name.surname`` one level
    down); why not, or ""."""
    parts = _BRACKETED.sub(r".\1", new_name).split(".")
    if not unknown.movable:
        return "an entry of a list has no name: choose delete or keep"
    if not new_name or not all(parts):
        return "give the new name (or choose delete or keep)"
    place = tuple(int(p) if p.isdigit() else p for p in parts)
    # A place from the article's top, as the input writes it (``authors[1].orcid``, as offered)
    # or as the form names it (``authors.1.orcid``), or a name beside the field (``orcid``,
    # ``name.surname`` one level down): no field of an entry is named as the list it is in.
    nested = len(unknown.at) > 1 and place[0] == unknown.at[0]
    target = place if nested else (*unknown.at[:-1], *place)
    if target == unknown.at:
        return "the new name is the one it has"
    if target in places:
        return f"{new_name} is another field the converter does not know"
    if (missing := _no_entry(tree, target, unknown.at)) is not None:
        return f"{new_name}: the article has no {format_location(missing)}"
    target = _in_name_form(tree, target)
    if not place_value(tree, target, _Held(unknown.value, False)):
        return f"{new_name} has a value in the form already: delete one of the two"
    return ""


def _no_entry(tree: dict[Any, Any], target: Place, at: Place) -> Place | None:
    """The first list entry on the way to ``target`` that the posted form has not (``authors[9]``
    of two authors), or None: a field moved there made an entry of itself alone, refused as an
    author with no name, its own box gone. A list the form posts no entry of is not judged, nor
    the entry the field is in."""
    node: Any = tree
    for depth, part in enumerate(target[:-1]):
        if not isinstance(node, dict):
            return None
        if isinstance(part, int) and target[: depth + 1] != at[: depth + 1]:
            entries = [key for key in node if isinstance(key, int)]
            if entries and part not in node:
                return target[: depth + 1]
        node = node.get(part)
    return None


def _in_name_form(tree: dict[Any, Any], target: Place) -> Place:
    """``target`` in a name's main form where the form posts a name per language
    (``authors.1.name.en.given``): a part moved to ``authors[1].name.surname``, as offered,
    was put beside the forms, and the author refused as having no name."""
    node: Any = tree
    for part in target[:-1]:
        if not isinstance(node, dict):
            return target
        node = node.get(part)
    last = target[-1]  # (a part, not a language: ``name.ru`` is a form of its own)
    forms = isinstance(node, dict) and node and last not in node
    forms = forms and not (isinstance(last, str) and _LANG.match(last))
    if forms and all(isinstance(k, str) and _LANG.match(k) and isinstance(v, dict)
                     for k, v in node.items()):  # fmt: skip
        return (*target[:-1], next(iter(node)), target[-1])
    return target


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
    """``data`` without the values at ``places`` (a copy), and those values by place. (Each
    place is found before any is taken, and entries of a list are taken from its end first,
    so that every place still means its own value.)"""
    taken = {at: _get(data, at) for at in places}
    copy = deepcopy(data)
    found = [(_get(copy, at[:-1]), at[-1]) for at in places]
    for parent, key in sorted(found, key=lambda item: _index(item[1]), reverse=True):
        del parent[key]
    return copy, taken


def put_back(data: dict[str, Any], taken: dict[Place, Any]) -> dict[str, Any] | None:
    """An article's input after a save with the kept values put back where they were: an
    entry of a list among the others again, a known field in place of what the model wrote
    without it (its default: ``history: {revised: []}``, ``corresponding: false``); None when
    a place is gone (an entry it was in is removed), and then nothing is put back."""
    result = deepcopy(data)
    # Entries of lists first, in order: the places inside entries after them mean them again.
    for at in sorted(taken, key=lambda at: (len(at), _index(at[-1]))):
        try:
            parent = _get(result, at[:-1])
        except (KeyError, IndexError, TypeError):
            return None
        key = at[-1]
        if isinstance(parent, list) and isinstance(key, int) and key <= len(parent):
            parent.insert(key, taken[at])
        elif isinstance(parent, dict) and not isinstance(key, int):
            parent[key] = taken[at]
        else:
            return None
    return result


def _index(key: int | str) -> int:
    return key if isinstance(key, int) else -1
