"""Read the project's own input format: one YAML or JSON file per article, a journal file beside it.

Errors become one line each, naming the file and the field path
(``article.yaml: authors[1].orcid: checksum fails``).
"""

from __future__ import annotations

import json
import operator
import os
import re
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePath
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from converter import lazy_re
from converter import model as article_model
from converter.errors import InputError, cannot_read
from converter.input_limit import read_path
from converter.lru import Lru
from converter.messages import shorten
from converter.model import Article, Journal
from converter.notices import SIMPLIFIED, Notice
from converter.readers.pasted_references import split_pasted_references
from converter.readers.reference_dois import reference_texts_set_right

JOURNAL_FILE_NAMES = ("journal.yaml", "journal.yml", "journal.json")
# Values (keys and items) in one document: far beyond any real article (a few thousand), so
# it stops alias ("billion laughs") bombs, and a data file (a site's search index, a lock
# file) found in a folder is known not to be an article without reading it as one.
_MAX_NODES = 200_000
# Characters in one value (a long book's worth), and in all of them with aliases expanded: a
# 100 KB string repeated by 2,000 aliases is 200 million. libxml2 refuses a text node over 10 MB.
_MAX_FIELD = 1_000_000
_MAX_TEXT = 10_000_000
# Lists and mappings inside each other: an article nests 5 levels deep. libyaml's C composer
# recurses once per level, some 370 bytes of stack each: it crashes the process (SIGSEGV) past
# some 22,000 levels with an 8 MB stack, 1,500 with 512 KB, which a 60 KB file reaches.
_MAX_DEPTH = 100
# The nesting the C composer is given without counting it exactly first (``_nesting_bound``):
# within a 1 MB stack. An article of 100 KB stays below the bound; counting costs a second read.
_SAFE_DEPTH = 1000
_PARENT_LEVELS = 3  # how far up from the article a journal file is looked for
# Where that is, in the words every reader's "no journal" message uses (native, Crossref, HTML),
# so none sends the user to look only beside the file when three folders up would do.
JOURNAL_FILE_PLACES = "beside the article or up to three folders above it"
# What a caller gives as the journal: the object, or its file (a path as text or as a Path).
JournalSource = Journal | str | os.PathLike[str]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML loader (C speed) that refuses duplicate keys and reads a plain value as the text
    typed unless it is ``true``/``false``, a plain decimal integer or a null.

    YAML 1.1 turns ``no`` (Norwegian) and ``on`` into booleans, ``010`` into 8 (octal), ``1:30``
    into 90 (base 60), ``0x1F``, ``1_0`` and ``2.10`` into 31, 10 and 2.1: metadata means the
    text (an issue "010", an elocation id "0123", a volume "2.10"). Dates stay text too, so the
    model checks them and names the field of an impossible one. A float field
    (``reference_confidence``) reads its number from the text: the models are not strict.
    """


# YAML 1.1 resolvers kept as they are: null (~, null, empty) and the merge key (<<).
_KEPT_TAGS = ("tag:yaml.org,2002:null", "tag:yaml.org,2002:merge", "tag:yaml.org,2002:yaml")
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag in _KEPT_TAGS]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
# Only the form that reads back as typed: no sign '+', no leading zero, no '-0'.
_DECIMAL = re.compile(r"^(?:0|-?[1-9][0-9]*)$")
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", _DECIMAL, list("-0123456789"))

# First character → the implicit resolvers to try, built once (PyYAML builds the list per scalar).
_IMPLICIT: dict[str, tuple[tuple[str, Any], ...]] = {
    first: tuple(resolvers) + tuple(_Loader.yaml_implicit_resolvers.get(None, []))
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
    if first is not None
}
_NO_RESOLVERS: tuple[tuple[str, Any], ...] = tuple(_Loader.yaml_implicit_resolvers.get(None, []))


_SCALAR_NODE, _SEQUENCE_NODE, _MAPPING_NODE = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
_DEFAULT_SCALAR_TAG = _Loader.DEFAULT_SCALAR_TAG
_DEFAULT_SEQUENCE_TAG = _Loader.DEFAULT_SEQUENCE_TAG
_DEFAULT_MAPPING_TAG = _Loader.DEFAULT_MAPPING_TAG


def _resolve(self: yaml.SafeLoader, kind: type, value: Any, implicit: Any) -> str:
    """The tag PyYAML's ``BaseResolver.resolve`` gives a node without an explicit one (this
    loader has no path resolvers), without rebuilding the resolver list each time. Parsing
    does not call it: see ``_Loader.resolve`` below."""
    if kind is _SCALAR_NODE:
        return _plain_tag(value) if implicit[0] else _DEFAULT_SCALAR_TAG
    if kind is _MAPPING_NODE:
        return _DEFAULT_MAPPING_TAG
    if kind is _SEQUENCE_NODE:
        return _DEFAULT_SEQUENCE_TAG
    return yaml.resolver.BaseResolver.resolve(self, kind, value, implicit)


def _plain_tag(value: str) -> str:
    """The tag of a plain (unquoted) scalar by the loader's implicit resolvers: int, float,
    null, the booleans it keeps … else str. Short values are remembered (``_PLAIN_TAGS``): the
    same keys (``title``, ``ru``, ``surname`` …) come back in every article."""
    tag = _DEFAULT_SCALAR_TAG
    for candidate, regexp in _IMPLICIT.get(value[:1], _NO_RESOLVERS):
        if regexp.match(value):
            tag = candidate
            break
    if len(value) <= _PLAIN_TAG_LENGTH and len(_PLAIN_TAGS) < _PLAIN_TAG_COUNT:
        _PLAIN_TAGS[value] = tag
    return tag


_PLAIN_TAGS: dict[str, str] = {}  # plain scalar → its tag (see _plain_tag)
_PLAIN_TAG_LENGTH = 40  # values remembered: at most this long …
_PLAIN_TAG_COUNT = 4096  # … and this many (well under a megabyte)

# The C parser asks ``resolve`` for the tag of every node that has no explicit one (400 in a
# bilingual article): a Python call each. The built-in ``slice`` takes the same three
# arguments (kind, value, implicit) and keeps them, in C: such a node's tag is that slice,
# and the constructor below decides the tag where it builds the value (a mapping or a
# sequence needs no deciding; a plain scalar asks ``_PLAIN_TAGS``, then ``_plain_tag``).
# Nothing else reads these nodes: ``_resolve_below`` gives the real tags before PyYAML's own
# constructors see any.
_Loader.resolve = slice  # type: ignore[assignment]

# The C parser calls ``descend_resolver`` and ``ascend_resolver`` around every node (800 Python
# calls in a bilingual article) so that path resolvers can follow the path to it. This loader,
# private to this module, has none (and ``resolve`` above would not follow one), so
# there is nothing to follow: built-in functions that take the same arguments and do nothing
# stand in for them, with no Python frame per node (6-8 % of the YAML stage).
_Loader.descend_resolver = staticmethod(operator.is_)  # type: ignore[assignment]  # (parent, index)
_Loader.ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]  # ()


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    """PyYAML's constructor for a mapping under an explicit tag (``!!omap``, ``!!map`` …):
    a key given twice is refused, merge keys merge (see ``_merged``)."""
    mapping: dict[Any, Any] = {}
    merges = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key is _MERGE_KEY:
            merges.append((key_node, loader.construct_object(value_node, deep=True)))
            continue
        if key in mapping:
            line = key_node.start_mark.line + 1
            raise yaml.YAMLError(f"line {line}: key {key!r} given twice")
        mapping[key] = loader.construct_object(value_node, deep=True)
    if not merges:
        return mapping
    if not hasattr(loader, "jatsconv_merged"):
        loader.jatsconv_merged = [0]  # (values copied in the document, as in ``_merged``)
    return _merged(mapping, merges, loader.jatsconv_merged)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:merge", lambda loader, node: _MERGE_KEY)


class _TaggedValue(yaml.YAMLError):
    """A value under an explicit tag no field can take (``!!binary``: bytes); ``line``: where,
    ``field``: the key whose value it is (set by the mapping that holds it)."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line, self.problem, self.field = line, problem, None

    def said(self) -> str:
        where = f"{self.field}: " if isinstance(self.field, str | int) else ""
        return f"line {self.line}: {where}{self.problem}"


def _text_typed(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!!timestamp`` and ``!!float`` give the text typed, as the plain forms do (see
    ``_Loader``): a date reached messages as ``datetime.date(2020, 1, 2)``, a volume
    ``!!float .inf`` the output as "inf". The model checks the text and names the field."""
    if type(node) is not _SCALAR_NODE:
        raise _TaggedValue(node.start_mark.line + 1, f"{node.tag} on a list or mapping")
    return node.value


def _int_typed(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!!int`` reads as a plain value does: a plain decimal integer is its number, any other
    form the text typed. YAML 1.1 read ``!!int 0x1F`` as 31, ``!!int 010`` as 8 and ``!!int
    1:30`` as 90 (``!!int abc`` was 'malformed input' in Python's words): a tag on an issue
    "010" in an editor's file is a mistake as likely as not, and the model checks the text."""
    if type(node) is not _SCALAR_NODE:
        raise _TaggedValue(node.start_mark.line + 1, f"{node.tag} on a list or mapping")
    return int(node.value) if _DECIMAL.match(node.value) else node.value


def _bool_typed(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!!bool`` reads as a plain value does: ``true``/``false`` (any case the plain forms
    take) is its boolean, any other text the text typed, which the model checks naming the
    field. PyYAML looked the text up among YAML 1.1's words: ``!!bool abc`` or a tag on a name
    (``depositor_name: !!bool Association``) was an internal error (exit 70)."""
    if type(node) is not _SCALAR_NODE:
        raise _TaggedValue(node.start_mark.line + 1, f"{node.tag} on a list or mapping")
    return _BOOLEANS.get(node.value, node.value)


_BOOLEANS = {word: word[0] in "tT" for word in ("true", "True", "TRUE", "false", "False", "FALSE")}


def _set_as_list(loader: yaml.SafeLoader, node: yaml.Node) -> list[Any]:
    """``!!set {a, b}`` is a list of its members in the order typed: a Python set reached
    messages as ``{'a', 'b'}``, and keywords in any order."""
    if type(node) is not _MAPPING_NODE:
        raise _TaggedValue(node.start_mark.line + 1, "!!set takes a mapping ({a, b})")
    return [loader.construct_object(key, deep=True) for key, _ in node.value]


def _binary_refused(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!!binary`` is bytes (base64), no field's text: it was decoded and read as text
    ("hello"), or its bytes reached messages as ``b'hello'``."""
    raise _TaggedValue(
        node.start_mark.line + 1, "!!binary (base64 bytes) is not read: write the text itself"
    )


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _text_typed)
_Loader.add_constructor("tag:yaml.org,2002:float", _text_typed)
_Loader.add_constructor("tag:yaml.org,2002:int", _int_typed)
_Loader.add_constructor("tag:yaml.org,2002:bool", _bool_typed)
_Loader.add_constructor("tag:yaml.org,2002:set", _set_as_list)
_Loader.add_constructor("tag:yaml.org,2002:binary", _binary_refused)

_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
_SEQ_TAG = "tag:yaml.org,2002:seq"
_NULL_TAG = "tag:yaml.org,2002:null"
_MERGE_TAG = "tag:yaml.org,2002:merge"
# The key a plain '<<' gives (YAML's merge key): a '<<' string of its own, told by identity from a
# quoted '<<', which is text; a plain '<<' that is a value is the text '<<' too.
_MERGE_KEY = "".join(("<", "<"))
_BUILDING = object()  # marks a node whose value is being built (to refuse recursion)
# The kind of node each core tag is written on, and how a message names a kind: a tag on
# another kind (``volume: !!seq a``) was an internal error, Python's or libyaml's words naming
# no field, or (``!!null {a: 1}``) a mapping dropped unsaid.
_NODE_OF_TAG = {
    _MAP_TAG: _MAPPING_NODE,
    _SEQ_TAG: _SEQUENCE_NODE,
    **{f"tag:yaml.org,2002:{name}": _SCALAR_NODE
       for name in ("str", "null", "bool", "int", "float", "timestamp")},
}  # fmt: skip
_KIND_WORDS = {_SCALAR_NODE: "a text", _SEQUENCE_NODE: "a list", _MAPPING_NODE: "a mapping"}


def _check_kind(node: yaml.Node, tag: str) -> None:
    """Refuse a core tag written on another kind of value than its own (see ``_NODE_OF_TAG``)."""
    expected = _NODE_OF_TAG.get(tag)
    if expected is not None and type(node) is not expected:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        here = _KIND_WORDS.get(type(node), "another value")
        problem = f"{shown} is a tag of {_KIND_WORDS[expected]}, here on {here}: leave the tag out"
        raise _TaggedValue(node.start_mark.line + 1, problem)


def _construct_fast(
    loader: yaml.SafeLoader, node: yaml.Node, memo: dict[int, Any], depth: int = 1
) -> Any:
    """Build the document from its nodes without PyYAML's generic constructor machinery.

    Strings, mappings, sequences and nulls (nearly every node of an article) are built here;
    any other tag goes to the loader's own constructor. The result is the same as
    ``construct_object``'s — an alias gives the same object again, a key given twice or a
    node that contains itself is refused — at three quarters of the cost, which matters when a
    batch reads 100,000 articles. For a document with anchors (``memo`` finds aliases);
    ``_build`` does the same for one without. ``depth``: the level a list or mapping at
    ``node`` is at (see ``_TooDeep``).
    """
    key_id = id(node)
    if key_id in memo:
        memo[_ALIASED] = True  # a node met twice: an alias (see ``_construct_document``)
        value: Any = memo[key_id]
        if value is _BUILDING:
            raise yaml.constructor.ConstructorError(
                None, None, "found unconstructable recursive node", node.start_mark
            )
        return value
    tag = node.tag
    if type(tag) is slice:  # no explicit tag (see ``_Loader.resolve``)
        tag = node.tag = _resolve(loader, tag.start, tag.stop, tag.step)
    else:
        _check_kind(node, tag)
    if tag == _STR_TAG and type(node) is _SCALAR_NODE:  # (!!str on a list: PyYAML refuses it)
        value = node.value
    elif tag == _MAP_TAG:
        if depth > _MAX_DEPTH:
            raise _TooDeep
        memo[key_id] = _BUILDING
        value = {}
        below = depth + 1
        merges = None
        for key_node, value_node in node.value:
            key = _construct_fast(loader, key_node, memo, below)
            if key is _MERGE_KEY:
                merged = _construct_fast(loader, value_node, memo, depth)  # (at this level)
                merges = [*(merges or ()), (key_node, merged)]
                continue
            try:
                given = key in value
            except TypeError:
                raise _key_error(key_node) from None
            if given:
                raise _key_error(key_node, (key,))
            try:
                value[key] = _construct_fast(loader, value_node, memo, below)
            except _TooDeep as exc:
                exc.field = key
                raise
            except _TaggedValue as exc:
                if exc.field is None:  # (the innermost key: the line says where)
                    exc.field = key
                raise
        if merges is not None:
            memo[_ALIASED] = True  # (the size walk counts what the merges copied)
            value = _merged(value, merges, memo.setdefault(_MERGED, [0]))
    elif tag == _SEQ_TAG:
        if depth > _MAX_DEPTH:
            raise _TooDeep
        below = depth + 1
        memo[key_id] = _BUILDING
        value = [_construct_fast(loader, item, memo, below) for item in node.value]
    elif tag == _NULL_TAG:
        value = None
    elif tag == _MERGE_TAG and type(node) is _SCALAR_NODE:
        value = _MERGE_KEY
    else:
        _resolve_below(loader, node, depth)
        value = loader.construct_object(node, deep=True)
        if type(node) is not _SCALAR_NODE:
            # PyYAML's constructor (!!pairs, !!omap, !!set …) follows aliases this memo does
            # not see: the size walk is to count what they expand to.
            memo[_ALIASED] = True
    memo[key_id] = value
    return value


def _build(loader: yaml.SafeLoader, node: yaml.Node, count: list[int], depth: int = 1) -> Any:
    """``_construct_fast`` for a document without anchors, so without aliases: every node is
    met once, and no memo of the nodes built is kept (a sixth of the YAML stage). ``count``
    adds up the nodes, for the size limit (``_MAX_NODES``); ``depth`` is the level a list or
    mapping at ``node`` is at (see ``_TooDeep``)."""
    tag = node.tag
    if type(tag) is slice:  # no explicit tag (see ``_Loader.resolve``)
        kind = tag.start
        if kind is _SCALAR_NODE:
            value = node.value
            if not tag.step[0]:  # quoted, or a block of text: a string
                return value
            resolved = _PLAIN_TAGS.get(value) or _plain_tag(value)
            if resolved == _STR_TAG:
                return value
            if resolved == _MERGE_TAG:
                return _MERGE_KEY
            node.tag = resolved
            return None if resolved == _NULL_TAG else loader.construct_object(node)
        if depth > _MAX_DEPTH:
            raise _TooDeep
        if kind is _MAPPING_NODE:
            return _build_mapping(loader, node, count, depth + 1)
        count[0] += len(node.value)
        below = depth + 1
        return [_build(loader, item, count, below) for item in node.value]
    _check_kind(node, tag)
    if tag == _STR_TAG and type(node) is _SCALAR_NODE:
        return node.value
    if tag in (_MAP_TAG, _SEQ_TAG):
        if depth > _MAX_DEPTH:
            raise _TooDeep
        if tag == _MAP_TAG:
            return _build_mapping(loader, node, count, depth + 1)
        count[0] += len(node.value)
        below = depth + 1
        return [_build(loader, item, count, below) for item in node.value]
    if tag == _NULL_TAG:
        return None
    _resolve_below(loader, node, depth)
    return loader.construct_object(node, deep=True)


def _build_mapping(
    loader: yaml.SafeLoader, node: yaml.Node, count: list[int], below: int
) -> dict[Any, Any]:
    count[0] += 2 * len(node.value)
    mapping: dict[Any, Any] = {}
    merges = None
    for key_node, value_node in node.value:
        key = _build(loader, key_node, count, below)
        if key is _MERGE_KEY:
            merged = _build(loader, value_node, count, below - 1)  # (at this level)
            merges = [*(merges or ()), (key_node, merged)]
            continue
        try:
            given = key in mapping
        except TypeError:
            raise _key_error(key_node) from None
        if given:
            raise _key_error(key_node, (key,))
        try:
            mapping[key] = _build(loader, value_node, count, below)
        except _TooDeep as exc:
            exc.field = key  # (the outermost mapping's key is the one left)
            raise
        except _TaggedValue as exc:
            if exc.field is None:  # (the innermost key: the line says where)
                exc.field = key
            raise
    return mapping if merges is None else _merged(mapping, merges, count)


def _merged(
    mapping: dict[Any, Any], merges: list[tuple[yaml.Node, Any]], count: list[int]
) -> dict[Any, Any]:
    """``mapping`` with the fields its merge keys give (``<<: *defaults``, ``<<: [*a, *b]``)
    and it does not, as YAML's merge key: of a list of mappings the first that gives a field
    wins, of two merge keys the later. ``count``: values copied so far in the document, refused
    past ``_MAX_NODES`` as they are copied (10,000 merges of a 1,000-field mapping would be ten
    million). The merged mappings are at the level of ``mapping``: no deeper."""
    sources: list[dict[Any, Any]] = []
    for key_node, value in merges:
        given = value if isinstance(value, list) else [value]
        if not given or not all(isinstance(part, dict) for part in given):
            line = key_node.start_mark.line + 1
            raise yaml.YAMLError(f"line {line}: a merge key (<<) takes a mapping or a list of them")
        sources.extend(reversed(given))
    result: dict[Any, Any] = {}
    for source in sources:
        count[0] += len(source)
        if count[0] > _MAX_NODES:
            raise _TooMany
        result.update(source)
    result.update(mapping)
    return result


class _TooMany(Exception):
    """More than ``_MAX_NODES`` values copied by merge keys (see ``_merged``)."""


class _TooDeep(Exception):
    """A list or mapping nested more than ``_MAX_DEPTH`` levels deep (the document's mapping is
    level 1); ``field``: the top-level field it is in, when known."""

    field: Any = None


def _key_error(key_node: yaml.Node, twice: tuple[Any] | None = None) -> yaml.YAMLError:
    """A key that cannot be one (a list, a mapping), or (``twice``: the key) one given twice."""
    line = key_node.start_mark.line + 1
    if twice is None:
        return yaml.YAMLError(f"line {line}: a key must be text")
    return yaml.YAMLError(f"line {line}: key {twice[0]!r} given twice")


def _resolve_below(loader: yaml.SafeLoader, node: yaml.Node, depth: int = 1) -> None:
    """Give ``node`` and every node under it its real tag, before PyYAML's own constructor
    (for an explicit tag: ``!!set``, ``!!omap``, ``!!binary`` …) reads them, and refuse
    nesting deeper than ``_MAX_DEPTH`` there (that constructor recurses once per level).
    ``depth``: the level of ``node``."""
    stack = [(node, depth)]
    seen: set[int] = set()
    while stack:
        item, level = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        tag = item.tag
        if type(tag) is slice:
            item.tag = _resolve(loader, tag.start, tag.stop, tag.step)
        if isinstance(item, yaml.MappingNode | yaml.SequenceNode) and level > _MAX_DEPTH:
            raise _TooDeep
        if isinstance(item, yaml.MappingNode):
            stack.extend((part, level + 1) for pair in item.value for part in pair)
        elif isinstance(item, yaml.SequenceNode):
            stack.extend((part, level + 1) for part in item.value)


_ALIASED = -1  # a memo key no node id can be: set when an alias was followed
_MERGED = -2  # another: [values copied by merge keys] (see ``_merged``)


def _construct_document(self: yaml.SafeLoader, node: yaml.Node) -> Any:
    if getattr(self, "jatsconv_anchors", True):
        memo: dict[int, Any] = {}
        data = _construct_fast(self, node, memo)
        # Without aliases every value is a node of its own, so the document has at most
        # len(memo) values and ``_check_size`` cannot refuse it: ``parse_data`` then skips
        # that walk.
        self.jatsconv_aliased = _ALIASED in memo
        self.jatsconv_small = _ALIASED not in memo and len(memo) <= _MAX_NODES
    else:
        count = [1]
        data = _build(self, node, count)
        self.jatsconv_small = count[0] <= _MAX_NODES
    self.constructed_objects = {}
    self.recursive_objects = {}
    return data


_Loader.construct_document = _construct_document  # type: ignore[method-assign]


def _no_duplicate_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"key {key!r} given twice")
        result[key] = value
    return result


class NotAMapping(InputError):
    """YAML or JSON whose top level is a list or a single value, not a mapping of fields."""


class TooManyValues(InputError):
    """A document of more than ``_MAX_NODES`` values (keys and items), aliases expanded."""


class NotAnArticle(InputError):
    """A YAML or JSON file found in a folder (or by a glob) that is some other file, not an
    article: a site's, a build's or a package's settings, or a journal file under another name.
    ``problems`` holds the one line saying why (see ``other_than_article``)."""


def other_than_article(data: dict[str, Any]) -> str | None:
    """Why parsed data is not an article, or None when it may be one (to be read, and refused
    as bad input if it is broken).

    Data is an article's when more than half of its top-level fields are an article's, a close
    misspelling or a name editors use (``pages``, ``author``) counting as one: a broken article
    is still mostly article fields, while settings files share a word or two at most (Hugo's
    ``title``; ``package.json``'s ``license``, ``keywords`` and ``author``) — a test on the
    ``title`` alone would take those for articles. Data with a journal file's fields and no
    authors is a journal file kept under another name (articles name it with ``journal:``)."""
    if not data:
        return None  # (said as bad input: an article not yet written)
    if _is_journal_data(data):
        return "a journal file (articles name it with journal:, or it is found as journal.yaml)"
    fields = Article.model_fields
    others = [k for k in data if k not in fields and not _meant(k, Article)]
    if 2 * (len(data) - len(others)) > len(data):
        return None
    shown = ", ".join(str(k) for k in others[:4]) + (", …" if len(others) > 4 else "")
    if len(others) == len(data):
        return f"none of its fields is an article's ({shown})"
    return f"most of its fields are not an article's ({shown})"


_NO_MAPPING = "expected a mapping of fields at the top level"
# What an empty file may still hold: white space, a byte-order mark. Searched for the first
# other character, so a full article is neither decoded nor copied to tell it is not empty.
_NOT_BLANK = lazy_re.compile("[^ \t\r\n\ufeff]")
_NOT_BLANK_BYTES = lazy_re.compile(b"[^ \t\r\n]")
_UTF8_BOM = "\ufeff".encode()


def _is_blank(text: str | bytes) -> bool:
    if isinstance(text, bytes):
        return _NOT_BLANK_BYTES.search(text.removeprefix(_UTF8_BOM)) is None
    return _NOT_BLANK.search(text) is None


def parse_data(text: str | bytes, name: str) -> dict[str, Any]:
    """Parse YAML or JSON text into a mapping; raise ``InputError`` with one clear line.

    A .json file is JSON, a .yaml or .yml file YAML (a YAML file may begin with '{', a flow
    mapping: it was refused as malformed JSON). Other names (standard input) are YAML, or JSON
    first when the text begins as JSON does ('{"'), then YAML if it is not JSON."""
    lower = name.lower()
    if _is_blank(text):
        # (JSON said "line 1: malformed JSON: Expecting value", YAML only what was expected;
        # an empty .xml, which no XML reader claims, comes here too: no mapping was asked of it)
        if lower.endswith(".xml"):
            raise InputError(name, ["the file is empty: no XML in it"])
        raise InputError(name, [f"{_NO_MAPPING}: the file is empty"])
    json_first = lower.endswith(".json") or (
        not lower.endswith((".yaml", ".yml"))
        and isinstance(text, str)
        and _JSON_START.match(text) is not None
    )
    small = False  # True: known to be within _MAX_NODES values and no deeper, no walk needed
    aliased = False
    try:
        data: Any = _NOT_JSON
        if json_first:
            try:
                # A number keeps the text typed (2.10, not 2.1), as in YAML (see ``_Loader``).
                data = json.loads(
                    text, object_pairs_hook=_no_duplicate_pairs, parse_float=str, parse_constant=str
                )
            except json.JSONDecodeError as exc:
                if lower.endswith(".json"):
                    raise
                json_error = exc  # (said if the text is no YAML either)
        if data is _NOT_JSON:
            try:
                data, small, aliased = _load_yaml(text)
            except yaml.YAMLError:
                if json_first:
                    raise json_error from None
                raise
    except _TooDeep as exc:
        raise InputError(name, [_too_deep_line(exc.field)]) from None
    except _TooMany:
        raise TooManyValues(name, [_too_many_line(aliased=True)]) from None
    except RecursionError:  # json: Python's own limit (some 1,000 levels) before ours
        raise InputError(name, [_too_deep_line(None)]) from None
    except json.JSONDecodeError as exc:
        raise InputError(name, [f"line {exc.lineno}: malformed JSON: {exc.msg}"]) from None
    except _TaggedValue as exc:
        raise InputError(name, [exc.said()]) from None
    except yaml.reader.ReaderError as exc:
        # (the position is a byte's in the UTF-8 libyaml reads)
        source = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
        line = source[: exc.position].count(b"\n") + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        problem = f"line {line}: contains U+{ord(char):04X}, a character YAML and XML do not allow"
        from converter.readers.encoding import utf16_help, utf16_order  # (error path only)

        order = utf16_order(source[:128]) if char < " " else None
        if order is not None:
            problem += (
                "; it looks like UTF-16 without a byte-order mark: save it as UTF-8 "
                f"{utf16_help(order)}"
            )
        raise InputError(name, [problem]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        if exc.problem == _NO_CHARACTER_ESCAPE and mark is not None:
            raise InputError(name, [_no_character_line(text, exc)]) from None
        if "maximum nesting depth" in str(exc.problem) and mark is not None:
            # libyaml's own limit (newer builds stop flow nesting before our bound sees it)
            raise InputError(name, [_too_deep_line(_top_key(text, mark.line))]) from None
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = f"{where}malformed YAML: {exc.problem or exc}"
        opened = exc.context_mark
        if exc.context == "while scanning a quoted scalar" and opened is not None:
            # YAML notices an unclosed quote where the file (or the value) ends: the line to
            # fix is the one the quote opened on.
            problem = f"line {opened.line + 1}: a quoted value opened here is not closed"
        if mark is not None and "tab" not in problem and _tab_at(text, mark.line, mark.column):
            problem += " (a tab: YAML indents with spaces)"
        raise InputError(name, [problem + _taken_for_yaml(name)]) from None
    except (yaml.YAMLError, ValueError) as exc:
        raise InputError(name, [f"malformed input: {exc}"]) from None
    if not isinstance(data, dict):
        problem = _NO_MAPPING
        # (a list or a single value: no article; nothing at all: perhaps one not yet written)
        if data is None:  # comments alone, or a bare null: a file that says nothing
            problem += ": the file holds no fields, only comments or null"
        error = InputError if data is None else NotAMapping
        raise error(name, [problem + _taken_for_yaml(name)])
    # Without aliases a value is at most as long as the file (an escape is longer than its
    # character): a file shorter than _MAX_FIELD holds no value longer.
    if not small or len(text) > _MAX_FIELD:
        _check_size(data, name, aliased)
    return data


# How a YAML error begins to say the file was read as YAML for want of another reader.
YAML_GUESS = " (read as YAML: no other format claims"


def _taken_for_yaml(name: str) -> str:
    """What to add to a YAML error when the file's name did not say YAML ('README.md',
    'notes.txt' given with the articles): it was read as YAML only because nothing else
    claimed it, which the error alone does not tell."""
    suffix = PurePath(name).suffix.lower()
    if not suffix or suffix in (".yaml", ".yml", ".json"):
        return ""
    return f"{YAML_GUESS} this {suffix} file; --from names one)"


_NOT_JSON = object()
_JSON_START = lazy_re.compile(r'\s*\{\s*["}]')  # a JSON object's first key is quoted


def _load_yaml(text: str | bytes) -> tuple[Any, bool, bool]:
    """The YAML document, and whether it is known to be small enough to need no size walk and
    whether aliases were followed (see ``_construct_document``).

    Text is given to libyaml as its UTF-8 bytes, which PyYAML would make of it anyway: the
    nesting bound reads them at a byte's cost (``_nesting_bound``)."""
    if isinstance(text, str):
        source = text.encode("utf-8")
        bound = _nesting_bound(source)
    else:  # (not what jatsconv passes: bytes in any encoding libyaml reads, counted exactly)
        source, bound = text, _SAFE_DEPTH + 1
    if bound > _SAFE_DEPTH:
        too_deep = _too_deep_yaml(source)  # (libyaml's parser does not recurse)
        if too_deep is not None:
            raise too_deep
    loader = _Loader(source)  # what yaml.load does, keeping the loader for its size note
    # An anchor starts with "&": a text without one has no aliases (``_build``).
    loader.jatsconv_anchors = b"&" in source
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    small = getattr(loader, "jatsconv_small", False)
    return data, small, getattr(loader, "jatsconv_aliased", False)


def _tab_at(text: str | bytes, line: int, column: int) -> bool:
    """Whether the YAML error's place is a tab in the line's indentation (editors paste tabs;
    YAML's own message, "found character that cannot start any token", does not say so)."""
    lines = (text if isinstance(text, str) else text.decode("utf-8", "replace")).splitlines()
    if line >= len(lines):
        return False
    indent = lines[line][: len(lines[line]) - len(lines[line].lstrip(" \t"))]
    return "\t" in indent and column <= len(indent)


def _nesting_bound(source: bytes) -> int:
    """A number the nesting of lists and mappings in the YAML ``source`` (UTF-8) cannot exceed:
    each flow list or mapping has its '[' or '{' (and a list's entry 'a: b' is a mapping of its
    own); a block one begun on the line of its parent follows a '- ' or '? ' (or the ': ' of a
    '? ' key); one begun on a line of its own is indented more than its parent, or as much
    when a list under a mapping key, so no more than twice the deepest indentation (libyaml
    allows no tab there). Only past ``_SAFE_DEPTH`` (an article of over 100 KB) is the nesting
    counted exactly (``_too_deep_yaml``). One pass keeps those four bytes (``bytes.translate``;
    no other character's UTF-8 holds them): with the look for a run of spaces, 1.5 % of
    reading the file, where four ``str.count`` passes over the text were 5 %."""
    for width in (32, 128, 512):  # (a longer run is quicker to look for)
        if b" " * width not in source:
            break
    else:
        return len(source) + 1
    marks = source.translate(None, _NOT_NESTING)
    bound = 1 + 2 * width + 2 * marks.count(b"[") + marks.count(b"{")
    loose = bound + marks.count(b"-") + 2 * marks.count(b"?")  # (quicker than counting '- ')
    if loose <= _SAFE_DEPTH:
        return loose
    return bound + source.count(b"- ") + 2 * source.count(b"? ")  # (a long article)


_NOT_NESTING = bytes(set(range(256)) - set(b"[{-?"))  # (deleted by translate)


_NODE_START = (yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
_COLLECTION_END = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _too_deep_yaml(text: str | bytes) -> _TooDeep | None:
    """Whether lists and mappings in ``text`` nest deeper than ``_MAX_DEPTH``, from libyaml's
    events (its parser keeps its own stack; the composer that builds nodes recurses): the
    refusal naming the top-level field, else None. A YAML error is left to the loader."""
    open_: list[list[int]] = []  # per list or mapping open: [is a mapping, nodes in it so far]
    field = None
    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(event, _COLLECTION_END):
                open_.pop()
                continue
            if not isinstance(event, _NODE_START):
                continue
            if open_:
                parent = open_[-1]
                if len(open_) == 1 and parent[0] and parent[1] % 2 == 0:
                    field = event.value if isinstance(event, yaml.ScalarEvent) else None
                parent[1] += 1
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                open_.append([isinstance(event, yaml.MappingStartEvent), 0])
                if len(open_) > _MAX_DEPTH:
                    too_deep = _TooDeep()
                    too_deep.field = field
                    return too_deep
    except yaml.YAMLError:
        return None
    return None


def _too_many_line(aliased: bool) -> str:
    """The refusal of a document past ``_MAX_NODES`` values: with aliases, once they are
    expanded (an alias bomb); without (JSON has none), it holds them as written."""
    if aliased:
        return f"more than {_MAX_NODES:,} values once its aliases are expanded: refused"
    return f"more than {_MAX_NODES:,} values, far more than an article holds: refused"


_TOP_KEY = lazy_re.compile(r"([A-Za-z_][\w-]*)\s*:")


# libyaml's words for a double-quoted escape of no character: a surrogate (``"\ud800"``, as
# JSON writes one half of a pair) or a number past U+10FFFF.
_NO_CHARACTER_ESCAPE = "found invalid Unicode character escape code"
_ESCAPE = lazy_re.compile(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")
_LOW_HALF = lazy_re.compile(r"\\u[Dd][C-Fc-f][0-9A-Fa-f]{2}")  # (the second of a pair)
_KEY_BEFORE = lazy_re.compile(r"""([^\s{}\[\],#"'-][^\s{}\[\],#"']*)\s*:\s*[{\[]?\s*$""")


def _no_character_line(text: str | bytes, exc: yaml.MarkedYAMLError) -> str:
    """The line for a double-quoted escape of no character, in the words a character YAML does
    not allow is said in, naming the line, the key (on the line the value opened on, else the
    top-level key holding it) and the escape: libyaml's own said 'found invalid Unicode
    character escape code', naming no field."""
    mark, opened = exc.problem_mark, exc.context_mark or exc.problem_mark
    assert mark is not None and opened is not None  # (the caller checked the problem's mark)
    lines = (text.decode("utf-8", "replace") if isinstance(text, bytes) else text).split("\n")
    here = lines[mark.line] if mark.line < len(lines) else ""
    escapes = list(_ESCAPE.finditer(here))
    # (libyaml's mark is inside the escape: the last one starting before it)
    escape = next((e for e in reversed(escapes) if e.start() < mark.column), None)
    escape = escape or (escapes[0] if escapes else None)
    line = lines[opened.line] if opened.line < len(lines) else ""
    key = _KEY_BEFORE.search(line[: opened.column])
    field = key[1] if key else _top_key(text, opened.line)
    where = f"line {mark.line + 1}: " + (f"{field}: " if field else "")
    if escape is None:
        return f"{where}an escape of no character (a surrogate or past U+10FFFF)"
    code = int(escape[0][2:], 16)
    low = _LOW_HALF.match(here, escape.end()) if 0xD800 <= code <= 0xDBFF else None
    if low is not None:
        # A character past U+FFFF as JSON writes it, two UTF-16 halves: said as one half, it
        # read as if a lone half had been typed. YAML joins no halves: the one escape that does.
        joined = 0x10000 + (code - 0xD800) * 0x400 + int(low[0][2:], 16) - 0xDC00
        return (
            f"{where}contains the escapes {escape[0]}{low[0]}, a surrogate pair, which YAML "
            f"does not join: write \\U{joined:08X} (or the character itself)"
        )
    what = "no Unicode character" if code > 0x10FFFF else "a character YAML and XML do not allow"
    return f"{where}contains U+{code:04X} (the escape {escape[0]}), {what}"


def _top_key(text: str | bytes, line: int) -> str | None:
    """The top-level key whose value holds 0-based ``line`` of a YAML text, or None."""
    lines = (text.decode("utf-8", "replace") if isinstance(text, bytes) else text).split("\n")
    for candidate in reversed(lines[: line + 1]):
        if found := _TOP_KEY.match(candidate):
            return found[1]
    return None


def _too_deep_line(field: Any) -> str:
    """``field``: the top-level key the nesting is under, or a 1-tuple of it, or ()/None."""
    if isinstance(field, tuple):
        field = field[0] if field else None
    where = f"{field}: " if isinstance(field, str | int) and not isinstance(field, bool) else ""
    return f"{where}lists or mappings nested more than {_MAX_DEPTH} levels deep: refused"


def _check_size(data: Any, name: str, aliased: bool = True) -> None:
    """Refuse documents whose aliases expand to an absurd number of values or characters, a
    value too long for any field, or lists and mappings nested deeper than ``_MAX_DEPTH``
    (aliases, and JSON, are not counted while building). Level by level, so that the depth is
    known without a stack of depths; keys are values here too, as when building."""
    seen = chars = depth = 0
    level = [data]
    while level:
        depth += 1
        seen += len(level)
        if seen > _MAX_NODES:
            raise TooManyValues(name, [_too_many_line(aliased)])
        below: list[Any] = []
        for item in level:
            kind = type(item)
            if kind is str or kind is bytes:  # (bytes: !!binary)
                chars += len(item)
                if len(item) > _MAX_FIELD:
                    raise InputError(name, [_too_long_line(data, item)])
                continue
            if kind is dict:
                below.extend(item)
                below.extend(item.values())
            elif kind is list or kind is tuple or kind is set:  # (tuples, sets: !!pairs, !!set)
                below.extend(item)
            else:
                continue
            if depth > _MAX_DEPTH:
                raise InputError(name, [_too_deep_line(_path_to(data, item, depth - 1)[:1])])
        if chars > _MAX_TEXT:
            expanded = " once its aliases are expanded" if aliased else ""
            raise InputError(
                name, [f"more than {_MAX_TEXT:,} characters of text{expanded}: refused"]
            )
        level = below


def _path_to(data: Any, target: Any, length: int | None = None) -> tuple[Any, ...]:
    """The keys and indexes that lead to ``target`` (found by identity; a key: the path of its
    mapping), ``length`` of them if given (an alias puts one value in several places), depth
    first, within ``_MAX_NODES`` steps; () when not found. Error path only."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    for _ in range(_MAX_NODES):
        if not stack:
            break
        item, path = stack.pop()
        if item is target and (length is None or len(path) == length):
            return path
        if length is not None and len(path) >= length:
            continue
        if isinstance(item, dict):
            if any(key is target for key in item):
                return path
            stack.extend((value, (*path, key)) for key, value in reversed(item.items()))
        elif isinstance(item, list | tuple):
            stack.extend((value, (*path, i)) for i, value in reversed(list(enumerate(item))))
    return ()


def too_long(value: str | bytes) -> str | None:
    """Why a value is longer than a field may hold (``_MAX_FIELD`` characters), else None."""
    if len(value) <= _MAX_FIELD:
        return None
    return f"{len(value):,} characters, more than the {_MAX_FIELD:,} a field may hold"


def _too_long_line(data: Any, value: str | bytes) -> str:
    where = format_location(_path_to(data, value))
    return f"{where + ': ' if where else ''}{too_long(value)}: refused"


def format_location(loc: tuple[int | str, ...]) -> str:
    """('authors', 1, 'orcid') → 'authors[1].orcid'; a mapping key's own error ('title',
    'English', '[key]') is told at the key: 'title.English'."""
    path = ""
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            # A key of a control or line-break character ("k\\n2") as Python writes it: printed
            # as typed, the message was two lines, a NUL or a terminal's escape.
            text = str(part) if str(part).isprintable() else repr(str(part))
            path += ("." if path else "") + text
    return path


_MESSAGES = {
    "extra_forbidden": "unknown field (check the spelling against the input format)",
    "missing": "required field is missing",
}
# What a text that does not match a field's pattern should have been (pydantic only quotes the
# regular expression), by the pattern (``converter.model``).
_PATTERN_MESSAGES = {
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "not an e-mail address",
    article_model.URL_PATTERN: "not a URL (expected http://, https:// or ftp:// and no spaces)",
    r"^[A-Za-z_][A-Za-z0-9_.-]*$": "not an id (a letter or '_' first, then letters, digits, "
    "'_', '.', '-')",
    r"^[a-z][a-z0-9-]*$": "not a lower-case name (letters, digits and '-')",
}
# Fields editors write under another name, and what the input format calls them.
_SYNONYMS = {
    "pages": "fpage and lpage",
    "page": "fpage and lpage",
    "first_page": "fpage",
    "last_page": "lpage",
    "licence": "license",
    "date": "published",
    "pub_date": "published",
    "year": "published",
    "abstracts": "abstract",
    "keyword": "keywords",
    "author": "authors",
    "affiliation": "affiliations",
    "reference": "references",
    "orcid_id": "orcid",
}


def closest(word: str, known: Iterable[str]) -> str | None:
    """The one of ``known`` that ``word`` is most probably a misspelling of, if any (for the
    "did you mean" of an unknown field or spreadsheet column)."""
    import difflib

    found = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.75)
    return found[0] if found else None


def meant_field(loc: tuple[int | str, ...]) -> str | None:
    """The field an unknown one at ``loc`` of an article's input (``("authors", 0,
    "afiliations")``) was most probably meant to be (``affiliations``), as the unknown-field
    line's "did you mean" names it; None when it cannot be told."""
    return _meant(loc[-1], _model_at(Article, loc)) if loc else None


def _unknown_field(name: object, place: type[BaseModel] | None) -> str:
    """The unknown-field line, with the field meant when it can be told."""
    meant = _meant(name, place)
    return f"unknown field (did you mean {meant}?)" if meant else _MESSAGES["extra_forbidden"]


def _meant(name: object, place: type[BaseModel] | None) -> str | None:
    """A synonym editors use or a close spelling of a field allowed at ``place``, else a field
    one level down written one level too high (``authors[0].surname`` → ``name.surname``)."""
    if not isinstance(name, str) or place is None:
        return None
    known = sorted(place.model_fields)
    meant = _SYNONYMS.get(name.lower())
    if meant is None or not set(meant.split(" and ")) <= set(known):
        meant = closest(name.lower(), known)
    if meant is None:
        below = [
            f"{field}.{name.lower()}"
            for field, info in place.model_fields.items()
            for inner in _models_in(info.annotation)
            if name.lower() in inner.model_fields
        ]
        meant = below[0] if len(set(below)) == 1 else None
    return meant


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation holds, inside lists, dicts and unions too."""
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _model_at(root: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model whose fields are allowed at ``loc`` (the place of an unknown field: its
    parent), found by following the model's annotations; None when the way is not plain."""
    current: type[BaseModel] | None = root
    for part in loc[:-1]:
        if current is None:
            return None
        if isinstance(part, int) or part not in current.model_fields:
            continue  # a list index or a language key: the same model inside
        found = _models_in(current.model_fields[part].annotation)
        current = found[0] if len(found) == 1 else None
    return current


# How pydantic names the member of a union an error is in: 'constrained-str', 'str',
# 'function-after[check_xml_text(), constrained-str]', or the model's class name.
_MEMBER_TAG = lazy_re.compile(r"[a-z][a-z0-9-]*\[.*\]|str|int|float|bool|constrained-str")


def _is_member_tag(part: object) -> bool:
    if not isinstance(part, str):
        return False
    if _MEMBER_TAG.fullmatch(part):
        return True
    found = getattr(article_model, part, None)
    return isinstance(found, type) and issubclass(found, BaseModel)


def _meant_members(items: list[Any]) -> list[Any]:
    """The errors of the union member an input was meant for. pydantic reports an input that
    fits no member of a union (an affiliation given as an id or as fields, the journal as a
    file name or as fields) once per member, each with the member's tag in its location; the
    member whose error is only "not of my type" was not meant. Tags are left out of the
    locations, and an input of no member's type is one line saying what was expected."""
    grouped: dict[tuple[Any, ...], list[tuple[bool, Any]]] = {}
    order: list[Any] = []
    for item in items:
        loc = tuple(item["loc"])
        at = next((i for i, part in enumerate(loc) if _is_member_tag(part)), None)
        if at is None:
            order.append(item)
            continue
        inner = tuple(part for part in loc[at + 1 :] if not _is_member_tag(part))
        wrong_type = at == len(loc) - 1 and str(item["type"]).endswith("_type")
        if loc[:at] not in grouped:
            grouped[loc[:at]] = []
            order.append(loc[:at])
        grouped[loc[:at]].append((wrong_type, {**item, "loc": loc[:at] + inner}))
    out = []
    for entry in order:
        if not isinstance(entry, tuple):
            out.append(entry)
            continue
        members = grouped[entry]
        meant = [item for wrong, item in members if not wrong]
        if meant:
            out.extend(meant)
        else:
            first = members[0][1]
            message = f"expected a text or a mapping of fields, not {first.get('input')!r}"
            out.append({**first, "type": "member_type", "msg": message})
    return out


def validation_problems(
    error: ValidationError, prefix: str = "", model: type[BaseModel] | None = None
) -> list[str]:
    """One line per pydantic error: ``field.path: message``. A main language that is not a
    language code is said once: the plain texts keyed by it (a name, a reference given as a
    string) would each repeat it as a bad mapping key. ``model``: the model validated (the
    article's by default), whose fields an unknown one is compared with."""
    lines = []
    items = _meant_members(error.errors(include_url=False))
    bad_language = next((i.get("input") for i in items if i["loc"] == ("language",)), None)
    for item in items:
        loc_parts = tuple(item["loc"])
        if (
            bad_language is not None
            and loc_parts[-1:] == ("[key]",)
            and item.get("input") == bad_language
        ):
            continue
        loc = format_location(loc_parts)
        message = _MESSAGES.get(item["type"]) or str(item["msg"])
        worded = _wrong_type(item, loc_parts, model or Article)
        if worded:
            message = worded
        elif item["type"] == "extra_forbidden" and loc_parts:
            message = _unknown_field(loc_parts[-1], _model_at(model or Article, loc_parts))
        elif item["type"] == "string_unicode" and isinstance(item.get("input"), str):
            message = _unicode_message(item["input"]) or message
        elif item["type"] == "string_pattern_mismatch":
            meant = _PATTERN_MESSAGES.get(str(item.get("ctx", {}).get("pattern")))
            # (cut short: a value pasted with a page of text after it made a line of its size)
            shown = shorten(repr(item.get("input")), 200)
            message = f"{meant}: {shown}" if meant else message
        message = message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
        path = ".".join(p for p in (prefix, loc) if p)
        lines.append(f"{path}: {message}" if path else message)
    return lines


def _unicode_message(value: str) -> str | None:
    """Our line for a text Pydantic cannot read as Unicode: a lone surrogate, which JSON's
    ``\\ud800`` escape gives (Pydantic said "unable to parse raw data as a unicode string"),
    worded as every character XML forbids is, with its position."""
    from converter.text import check_xml_text  # (error path only)

    try:
        check_xml_text(value)
    except ValueError as exc:
        return str(exc)
    return None


def _wrong_type(
    item: Mapping[str, Any], loc: tuple[int | str, ...], model: type[BaseModel]
) -> str | None:
    """Our line for a value of the wrong type at ``loc`` (``wrong_type``), or None."""
    from converter.readers.wrong_type import NUMBER_ERRORS, number_message, wrong_type_message

    names = [part for part in loc if isinstance(part, str) and part != "[key]"]
    place = _model_at(model, loc) if names and loc[-1] == names[-1] else None
    info = place.model_fields.get(names[-1]) if place is not None and names else None
    if item["type"] in NUMBER_ERRORS and info is not None:
        whole, least, most = _number_kind(info)
        return number_message(
            str(item["type"]), item.get("input"), names[-1], whole=whole, least=least,
            most=most, example=(info.examples or [None])[0],
        )  # fmt: skip
    takes_text = _read_by(info, article_model.TEXT_OR_MAPPING)
    expected = str(item.get("ctx", {}).get("expected", ""))
    choices = expected.replace("'", "")
    typed = item.get("input")
    meant = None
    if item["type"] == "literal_error" and isinstance(typed, str):
        meant = closest(
            re.sub(r"[\s_]+", "-", typed.strip().lower()), re.findall("'([^']*)'", expected)
        )
    field = names[-1] if names and loc[-1] == names[-1] else None  # (None: an item of a list)
    keys = _model_keys(info.annotation) if info is not None else ()
    if info is None and len(names) >= 2 and loc[-2:] == tuple(names[-2:]):
        # a language's value ('name: {ru: Ковалёв Пётр}'): the fields of the mapping the
        # language holds, '{surname: ..., given: ...}', not any '{key: value}'
        parent = _model_at(model, loc[:-1])
        owner = parent.model_fields.get(names[-2]) if parent is not None else None
        keys = _model_keys(owner.annotation) if owner is not None else ()
    if item["type"] == "list_type" and _read_by(info, article_model.TEXT_FOR_ENTRY):
        keys = ()  # (an entry may be one text: a reference, a licence: not shown as a mapping)
    required = info is not None and info.is_required()
    return wrong_type_message(
        str(item["type"]), item.get("input"), field,
        takes_text=takes_text, choices=choices, keys=keys, required=required, meant=meant,
    )  # fmt: skip


def _model_keys(annotation: Any, shown: int = 2) -> tuple[str, ...]:
    """The first fields of the model a field holds, itself, as the entries of its list or as
    the values of a mapping per language (an author's ``name``: ``surname``, ``given``;
    ``authors``: ``name``, ``collab``), or () when it holds none. The fields an editor writes:
    required ones first, then those that have no value of their own when omitted (an
    affiliation's ``id`` is numbered, a ``role`` is ``author``)."""
    import inspect
    import typing

    if inspect.isclass(annotation) and issubclass(annotation, BaseModel):
        fields = annotation.model_fields.items()
        required = [name for name, info in fields if info.is_required()]
        numbered = article_model.XmlId | None
        written = [
            name
            for name, info in fields
            if not info.is_required()
            and info.annotation != numbered
            and (info.default is None or info.default_factory is not None)
        ]
        return tuple([*required, *written][:shown])
    for arg in typing.get_args(annotation):
        found = _model_keys(arg, shown)
        if found:
            return found
    return ()


def _number_kind(info: Any) -> tuple[bool, Any, Any]:
    """Of a number field (its ``FieldInfo``): whether it takes whole numbers only, and its
    least and greatest value (None where it has no end), from its constraints
    (``Field(ge=1000, le=9999)``, on the field or on the type inside its ``| None``)."""
    import typing

    whole = False
    ends: dict[str, Any] = {}
    pending: list[Any] = [info.annotation, *info.metadata]
    while pending:
        part = pending.pop()
        whole = whole or part is int
        for end in ("ge", "gt", "le", "lt"):
            if isinstance(getattr(part, end, None), int | float):
                ends[end] = getattr(part, end)
        pending.extend(getattr(part, "metadata", None) or ())  # (a Field(...) in Annotated)
        pending.extend(typing.get_args(part))
    least = ends.get("ge", ends.get("gt"))
    return whole, least, ends.get("le", ends.get("lt"))


def _read_by(info: Any, readers: tuple[Any, ...]) -> bool:
    """Whether a field (its ``FieldInfo``, or None) is read by one of ``readers`` first: a
    mapping field that also takes one text (``model.TEXT_OR_MAPPING``), a list whose entry may
    be one text (``model.TEXT_FOR_ENTRY``)."""
    return info is not None and (
        _read_in(info.annotation, readers) or _read_in(tuple[tuple(info.metadata)], readers)  # type: ignore[misc]
    )


def _read_in(annotation: Any, readers: tuple[Any, ...]) -> bool:
    import typing

    for arg in typing.get_args(annotation):
        if getattr(arg, "func", None) in readers or _read_in(arg, readers):
            return True
    return False


def _main_language(data: dict[str, Any]) -> str:
    lang = data.get("language", "en")
    return lang.replace("_", "-") if isinstance(lang, str) else "en"


def journal_from_data(data: dict[str, Any], name: str, prefix: str = "") -> Journal:
    """Validate journal metadata read from ``name``."""
    try:
        return Journal.model_validate(data, context={"language": _main_language(data)})
    except ValidationError as exc:
        raise InputError(name, validation_problems(exc, prefix, Journal)) from None


JOURNAL_FILES_KEPT = 128
"""Journal files a cache keeps read (the most recently used): a service converting for many
journals reads a journal file it forgot again (~1 ms), and never holds more than these."""


class JournalCache:
    """Journal files read once per process (a batch of 10,000 articles shares one), each read
    again when it changed: ``files`` maps a file's real path to its stamp when read and its
    journal, for the ``JOURNAL_FILES_KEPT`` files used last."""

    def __init__(self) -> None:
        self.files: Lru[str, tuple[tuple[int, ...], Journal]] = Lru(JOURNAL_FILES_KEPT)

    def load(self, path: str | os.PathLike[str], name: str | None = None) -> Journal:
        """The journal of a file; messages name it ``name`` (``<stdin>`` for ``--journal -``,
        read from ``/dev/stdin``), else by its path."""
        path = Path(path)  # (a path given as text, from a caller of the API)
        try:
            found = path.stat()
        except OSError as exc:
            reason = cannot_read(exc).removeprefix("cannot read: ")
            raise InputError(name or str(path), [f"cannot read journal file: {reason}"]) from None
        if not stat.S_ISREG(found.st_mode):
            # A named pipe (--journal <(…)) is read once, as an article's is, and not kept:
            # its real path, /proc/…/pipe:[…], is no file ("No such file or directory").
            return journal_from_data(read_data(path, name=name), name or str(path))
        resolved = self.resolve(path)
        # Changed, whatever the clock's resolution: written in place (modification and
        # change times, size) or replaced by a rename, as editors and atomic writers save.
        stamp = (found.st_mtime_ns, found.st_ctime_ns, found.st_size, found.st_ino)
        kept = self.files.get(str(resolved))
        if kept is not None and kept[0] == stamp:
            return kept[1]
        journal = journal_from_data(read_data(path), str(path))
        self.files.put(str(resolved), (stamp, journal))
        return journal

    def once(self, path: Path | None, name: str | None = None) -> JournalSource | None:
        """``--journal`` for a run of several articles: a named pipe or a device (``--journal
        /dev/stdin``, ``<(…)``) read now, its journal given to every article (read by each,
        the second found it empty: 'the file is empty'); a file as it is, read by ``load``,
        each article refused with its errors. A pipe that is no journal raises ``InputError``
        naming it as the user gave it (``name``: ``<stdin>`` for ``-``): the run cannot start."""
        if path is None:
            return None
        try:
            regular = stat.S_ISREG(path.stat().st_mode)
        except OSError:
            return path  # (said by ``load``, on each article, as before)
        return path if regular else self.load(path, name)

    def resolve(self, path: Path) -> Path:
        """The journal file's real path (the cache key); a batch remembers it per run."""
        return path.resolve()

    def find_beside(self, folder: Path) -> Path | None:
        """The journal file for articles in ``folder`` (see ``find_journal_file``); a batch
        looks it up once per folder (``converter.batch``), a single conversion every time."""
        return find_journal_file(folder / "_")

    def folder_of(self, source: Path) -> Path:
        """The real folder of an article file, where its relative journal path and the journal
        file beside it are looked up; a batch resolves each folder once per run."""
        return source.resolve().parent


_default_cache = JournalCache()


def find_journal_file(article_path: Path) -> Path | None:
    """The nearest journal file beside the article or in up to three parent folders."""
    folder = article_path.resolve().parent
    for _ in range(_PARENT_LEVELS + 1):
        for name in JOURNAL_FILE_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


def read_data(path: Path, raw: bytes | None = None, name: str | None = None) -> dict[str, Any]:
    """A YAML or JSON file a user gives (an article, a journal or an issue file) as a mapping,
    read as ``parse_data`` reads text; ``InputError`` with one line naming the file (``name``,
    else its path)."""
    return parse_data(_read_text(path, raw, name), name or str(path))


def _read_text(path: Path, raw: bytes | None = None, name: str | None = None) -> str:
    """The file's text (``raw``: its bytes, when the caller has read them already); errors
    name it ``name``, else by its path."""
    try:
        if raw is None:
            raw = read_path(path)
        return raw.decode("utf-8-sig")  # a BOM from Windows editors is dropped
    except UnicodeDecodeError as exc:
        from converter.readers.encoding import NotUnicode, decode_fallback, not_text_by_name

        assert raw is not None  # (decoding is what failed)
        try:
            return decode_fallback(raw, exc)
        except NotUnicode as problem:
            said = not_text_by_name(name or path.name, str(problem))
            raise InputError(name or str(path), [said]) from None
    except OSError as exc:
        raise InputError(name or str(path), [cannot_read(exc)]) from None


def _is_journal_data(data: dict[str, Any]) -> bool:
    """Fields of a journal file and no authors: a journal.yaml given where articles go (its
    fields would each be called unknown, with misleading suggestions)."""
    journal_only = set(Journal.model_fields) - set(Article.model_fields)
    return "authors" not in data and len(journal_only.intersection(data)) >= 2


def _none_known(data: Mapping[str, Any]) -> str | None:
    """The one line for data none of whose fields the article model knows, not even as a
    close misspelling (``{"hello": 1}`` saved as data.json): not an article, said with what it
    holds, rather than "no journal metadata" or a line per unknown field. None otherwise."""
    if not data or any(k in Article.model_fields or _meant(k, Article) for k in data):
        return None
    keys = [str(k) for k in data]
    shown = ", ".join(keys[:4]) + (", …" if len(keys) > 4 else "")
    return f"not an article: no title, and no field the article model knows (found: {shown})"


def article_from_data(
    data: Mapping[str, Any],
    name: str = "<data>",
    *,
    base_dir: Path | None = None,
    journal: JournalSource | None = None,
    cache: JournalCache | None = None,
    said: list[Notice] | None = None,
) -> Article:
    """Build an article from parsed data (a mapping, as YAML or JSON parsers give); raise
    ``InputError`` with one line per problem, naming ``name`` and the field.

    The journal comes from ``journal`` (an object or a file; it wins), else from the data's
    ``journal`` field (inline or a path relative to ``base_dir``), else from a journal file found
    beside ``base_dir``. DOIs typed with hyphen look-alikes in the references' texts are set
    right (``reference_texts_set_right``: every reader, the web app's edit form and the Python
    API build articles here, so each gets it once); the lines saying so (``references[2]: DOI
    '…' read as '…'``, markup simplified) are added to ``said`` when it is given, and so is
    a reference list pasted into one entry, read as its references (``pasted_references``: the
    web form's rule, so that a list reads the same from a file and from the form).
    """
    lists: list[str] = []
    if isinstance(data, Mapping):  # (not one: validated_article says so)
        pasted, lists, problems = split_pasted_references(dict(data), _main_language(data))
        if problems:
            raise InputError(name, problems)
        data = pasted  # (``data`` itself when nothing was pasted or joined)
    article = validated_article(data, name, base_dir=base_dir, journal=journal, cache=cache)
    set_right = reference_texts_set_right(article)
    issn_once = _one_issn_kept_once(article)
    if said is not None:
        said.extend(Notice(line, SIMPLIFIED) for line in [*lists, *issn_once])
        said.extend(set_right)
        said.extend(pages_said(article))
    return article


def pages_said(article: Article) -> list[Notice]:
    """The line saying an abbreviated last page was written in full (``lpage: 7 after fpage
    25 read as 27``), as every way of building an article says it: every fact is kept."""
    line = article.lpage_expanded()
    return [Notice(line, SIMPLIFIED)] if line else []


def _one_issn_kept_once(article: Article) -> list[str]:
    """A journal giving one ISSN as both print and electronic has it kept once, as electronic
    (as the JATS reader reads one typed both ways: PMC's online journals do so, and a journal
    this tool converts for is online), said naming the field: written both ways the JATS failed
    the ``general`` profile (``issn-typing``) and DOAJ refuses identical pISSN and eISSN. The
    journal is copied, not changed: a journal file's is shared by every article of a batch,
    each of which says it."""
    issn = article.journal.issn
    if not issn.print or issn.print != issn.electronic:
        return []
    once = issn.model_copy(update={"print": None})
    article.journal = article.journal.model_copy(update={"issn": once})
    both = "given as both print and electronic ISSN"
    return [f"journal.issn: {issn.print} {both}: kept once, as electronic"]


def validated_article(
    data: Mapping[str, Any],
    name: str = "<data>",
    *,
    base_dir: Path | None = None,
    journal: JournalSource | None = None,
    cache: JournalCache | None = None,
) -> Article:
    """``article_from_data`` without setting the references' DOIs right: for a reader that
    has set them right itself, naming each as its source does (the JATS and Crossref readers:
    ``reference r1``, ``<citation key='c3'>``, one line for a DOI in both a reference's text
    and its DOI field)."""
    cache = cache or _default_cache
    if not isinstance(data, Mapping):  # (a caller's parsed data; parse_data checks files)
        raise InputError(name, ["expected a mapping of fields at the top level"])
    if _is_journal_data(data):
        raise InputError(
            name,
            [
                "a journal file, not an article: it is found beside the articles (journal.yaml) "
                "or given with --journal; convert the articles"
            ],
        )
    unknown = _none_known(data)
    if unknown is not None:  # (before the journal: "no journal metadata" is not its fault)
        raise InputError(name, [unknown])
    data = dict(data)
    given = data.pop("journal", None)
    resolved: Journal | None
    if isinstance(journal, Journal):
        resolved = journal
    elif journal is not None:
        resolved = cache.load(journal)
    elif isinstance(given, dict):
        resolved = journal_from_data(given, name, prefix="journal")
    elif isinstance(given, str):
        path = Path(given) if base_dir is None else base_dir / given
        resolved = cache.load(path)
    elif given is not None:
        raise InputError(name, ["journal: expected a mapping or a path to a journal file"])
    else:
        found = cache.find_beside(base_dir) if base_dir is not None else None
        if found is None:
            raise InputError(
                name,
                [
                    "journal: no journal metadata (give journal:, --journal, or put journal.yaml "
                    f"{JOURNAL_FILE_PLACES})"
                ],
            )
        resolved = cache.load(found)
    data["journal"] = resolved
    try:
        return Article.model_validate(data, context={"language": _main_language(data)})
    except ValidationError as exc:
        raise InputError(name, validation_problems(exc)) from None


def load_article(
    path: str | os.PathLike[str],
    *,
    journal: JournalSource | None = None,
    cache: JournalCache | None = None,
    raw: bytes | None = None,
    only_articles: bool = False,
    said: list[Notice] | None = None,
) -> Article:
    """Read one article file (YAML or JSON); raise ``InputError`` with one line per problem.

    The journal is ``journal`` (a ``Journal``, or its file as a path), else the article's
    ``journal:`` field, else ``journal.yaml`` beside the article or up to three folders above.
    ``raw`` is the file's content when the caller has read it already (a batch reads each
    input once; a service holding an upload's bytes names it with ``path``).
    ``only_articles``: the file was found, not named (a batch's folder or glob), and one that
    is plainly some other file raises ``NotAnArticle`` (see ``other_than_article``).
    ``said``: as ``article_from_data`` takes it."""
    source = Path(path)
    try:
        data = read_data(source, raw)
    except NotAMapping:
        if not only_articles:
            raise
        reason = "its top level is a list or a single value, not fields"
        raise NotAnArticle(str(source), [f"not an article: {reason}"]) from None
    except TooManyValues:
        if not only_articles:
            raise
        reason = f"more than {_MAX_NODES:,} values, far more than an article holds"
        raise NotAnArticle(str(source), [f"not an article: {reason}"]) from None
    if only_articles and (other := other_than_article(data)) is not None:
        raise NotAnArticle(str(source), [f"not an article: {other}"])
    base_dir = (cache or _default_cache).folder_of(source)
    return article_from_data(
        data, str(source), base_dir=base_dir, journal=journal, cache=cache, said=said
    )


def load_article_text(
    text: str,
    name: str = "<stdin>",
    *,
    journal: JournalSource | None = None,
    base_dir: Path | None = None,
    said: list[Notice] | None = None,
) -> Article:
    """Read an article from text (for ``-`` on the command line); ``said`` as
    ``article_from_data`` takes it."""
    data = parse_data(text, name)
    return article_from_data(data, name, base_dir=base_dir, journal=journal, said=said)
