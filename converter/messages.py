"""Messages for people who do not read DTDs.

libxml2 reports a content-model error as the element's whole content model (often 900
characters) and the children it found. What the editor needs is what to do: "``<volume>`` must
come before ``<issue>``", "``<article-meta>`` needs a ``<title-group>``". ``dtd_message``
works that out by matching the children against the model; the raw message is kept beside it
(``Problem.raw``, shown by ``--json``). Parser messages are named for what they mean (a stray
``&``), and ``what_is`` names a file that is not JATS and the command that takes it.
``shorten`` cuts a long value to the length a message shows of it.

This module imports nothing from the rest of the package, so any layer may use it.
"""

from __future__ import annotations

import re
import shlex
from functools import lru_cache
from typing import Any

from converter import lazy_re

_CONTENT = lazy_re.compile(
    r"Element (?P<parent>[\w.:-]+) content does not follow the DTD, expecting "
    r"(?P<model>\(.*\)[?*+]?), got \((?P<got>[^)]*)\)"
)
_TOKEN = lazy_re.compile(r"#PCDATA|[\w.:-]+|[(),|?*+]")


# ------------------------------------------------------------------ values in messages


def shorten(text: str, limit: int, *, trim: bool = False) -> str:
    """``text`` as a message shows it: whole when it has at most ``limit`` characters, else
    its first ``limit - 1`` and '…', so that the shown text never has more than ``limit``.

    ``trim`` drops the white space the cut leaves before the '…' (for prose, where 'was
    funded…' reads better than 'was funded …'); without it the shown characters are the
    value's own, as a message naming a refused value needs ('Volume 12 …': the value goes on
    after a space). Characters are counted as ``len`` counts them, as the schemas do."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rstrip() if trim else cut) + "…"


# ------------------------------------------------------------------ content models


def _model_regex(model: str) -> tuple[re.Pattern[str], list[str]] | None:
    """A regex over ``<name>`` sequences for a DTD content model, and its names in order."""
    tokens = _TOKEN.findall(model)
    names: list[str] = []
    out: list[str] = []
    for token in tokens:
        if token == "(":
            out.append("(?:")
        elif token == ")":
            out.append(")")
        elif token == ",":
            continue
        elif token == "|":
            out.append("|")
        elif token in "?*+":
            out.append(token)
        elif token == "#PCDATA":
            return None  # mixed content: libxml2 words those errors differently
        else:
            if token not in names:
                names.append(token)
            out.append(f"(?:<{re.escape(token)}>)")
    try:
        return re.compile("".join(out)), names
    except re.error:
        return None


@lru_cache(maxsize=256)
def _compiled(model: str) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    found = _model_regex(model)
    return None if found is None else (found[0], tuple(found[1]))


def _fits(pattern: re.Pattern[str], children: list[str]) -> bool:
    return pattern.fullmatch("".join(f"<{c}>" for c in children)) is not None


def dtd_message(message: str) -> str | None:
    """What to do about a DTD content-model error, or None when it is not one (or when no
    single change explains it: the raw message then stays)."""
    match = _CONTENT.search(message)
    if match is None:
        return None
    parent = match["parent"]
    got = match["got"].split()
    compiled = _compiled(match["model"])
    if compiled is None:
        return None
    pattern, names = compiled
    where = f"in <{parent}>"
    unknown = [c for c in got if c not in names]
    if unknown:
        return f"<{unknown[0]}> is not allowed {where}: remove it or move it where it belongs"
    rank = {name: i for i, name in enumerate(names)}
    ordered = sorted(got, key=lambda c: rank[c])
    if _fits(pattern, ordered):
        for i, child in enumerate(got):
            later = next((g for g in got[:i] if rank[g] > rank[child]), None)
            if later is not None:
                return f"<{child}> must come before <{later}> {where}"
    for name in names:  # a missing element, placed where the model wants it
        if name in got:
            continue
        candidate = sorted([*ordered, name], key=lambda c: rank[c])
        if _fits(pattern, candidate):
            wrong_order = ordered != got
            note = " (and its children are out of order)" if wrong_order else ""
            return f"<{parent}> needs a <{name}>: add one{note}"
    for name in dict.fromkeys(ordered):  # one too many
        if ordered.count(name) > 1:
            fewer = list(ordered)
            fewer.remove(name)
            if _fits(pattern, fewer):
                return f"<{parent}> takes only one <{name}>: remove the others"
    for name in dict.fromkeys(ordered):  # one that may not be there at all (a choice)
        fewer = [c for c in ordered if c != name]
        if _fits(pattern, fewer):
            return f"<{name}> is not allowed {where} together with the rest: remove it"
    return None


# ------------------------------------------------------------------ parser messages


ENTITY_BOMB = (
    "entity expansion beyond the parser's bound for a file of its size (an entity bomb: the "
    "DOCTYPE's entities nest or repeat): refused"
)
ENTITY_LOOP = "entity expansion beyond any end (an entity that refers to itself): refused"


def syntax_message(parser_message: str) -> str:
    """A parser error named for what it means; ``not well-formed`` whatever the cause,
    except real entity-expansion refusals."""
    text = parser_message.strip()
    if "EntityRef: expecting ';'" in text or "EntityRef: no name" in text:
        return (
            f"not well-formed: a bare '&' (write &amp; for an ampersand in text or URLs) [{text}]"
        )
    # libxml2 counts what entities would add even when it expands none (a billion laughs, one
    # 50 KB entity used 50,000 times): its words name its own function, none the user's file
    if "amplification" in text:
        return ENTITY_BOMB
    if "Detected an entity reference loop" in text:
        return ENTITY_LOOP
    return f"not well-formed: {text}"


# ------------------------------------------------------------------ files that are not JATS

_HINTS = {
    "yaml": "an article input file (YAML), not JATS: convert it with 'jatsconv convert {name}' "
    "and check the result, or use 'jatsconv convert {name} --profile NAME'",
    "json": "an article input file (JSON), not JATS: convert it with 'jatsconv convert {name}' "
    "and check the result, or use 'jatsconv convert {name} --profile NAME'",
    "crossref": "a Crossref deposit (doi_batch), not JATS: check it against Crossref's schema "
    "with 'jatsconv deposit crossref {name} --dry-run --crossref-schema DIR'",
    "crossref-record": "a Crossref metadata record, not JATS: convert it with "
    "'jatsconv convert --from crossref {name}'",
    "doaj": "DOAJ article XML (records), not JATS: check it against DOAJ's schema with "
    "'jatsconv deposit doaj {name} --dry-run --doaj-schema DIR', or convert it with 'jatsconv "
    "convert {name}' (one JATS file per record)",
    "html": "a web page, not JATS: convert it with 'jatsconv convert --from html {name}' "
    "(or write its meta tags with '--to meta-tags')",
    "ojs": "an OJS native export, not JATS: convert it with 'jatsconv convert {name}' "
    "(one JATS file per article)",
    "spreadsheet": "a spreadsheet, not JATS: convert its rows with 'jatsconv batch {name} -o DIR'",
    "pdf": "a PDF, not JATS: metadata cannot be read from it; convert the article's YAML, web "
    "page or OJS export instead",
}


def what_is(data: bytes, name: str, root_tag: str | None) -> str | None:
    """For a file that is not a JATS (or NLM) article: what it is and which command takes it.

    ``root_tag`` is the parsed root's ``{namespace}local`` name, or None when the file did not
    parse as XML. None when the file may be JATS (its root is ``article``) or is unknown."""
    shown = _shell_word(name) if name != "<stdin>" else "-"
    kind = _kind(data, name, root_tag)
    if kind is None:
        return None
    if kind.startswith("root-ns:"):
        return (
            f"not a JATS article: its root <article> is in the namespace {kind[8:]} (a "
            "publisher's own XML, such as Elsevier's), where JATS's <article> has none"
        )
    if kind.startswith("root:"):
        local = kind[5:]
        return f"not a JATS article: the root element is <{local}>, where JATS has <article>"
    return "this is " + _HINTS[kind].format(name=shown)


def _shell_word(name: str) -> str:
    """The file as the user named it, so that the command shown runs from where they are;
    quoted for the shell when it must be, in double quotes where they suffice, since the
    command itself is shown in single ones."""
    if shlex.quote(name) == name:
        return name
    return f'"{name}"' if not set(name) & set('"$`\\!') else shlex.quote(name)


def article_without_front(root: Any) -> str | None:
    """Why a parsed ``<article>`` root is no JATS or NLM article: Elsevier, RSC, IOP and Nature
    have XML of their own with an ``<article>`` root and no ``<front>``. None for any other root,
    and for an ``<article>`` that has its ``<front>``."""
    tag = root.tag if isinstance(root.tag, str) else ""
    namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    if local.lower() != "article":
        return None
    children = [c.tag.rpartition("}")[2] for c in root if isinstance(c.tag, str)]
    if any(child.lower() == "front" for child in children):
        return None
    where = f" (in the namespace {namespace})" if namespace else ""
    holds = f"; it starts with <{children[0]}>" if children else ""
    return (
        f"not a JATS or NLM article: its <article>{where} has no <front>{holds} (a publisher's "
        "own XML, such as Elsevier's, RSC's, IOP's or Nature's, is not read)"
    )


def _kind(data: bytes, name: str, root_tag: str | None) -> str | None:
    lower = name.lower()
    head = data[:2048].lstrip()
    if root_tag is not None:
        ns, _, local = (
            root_tag[1:].partition("}") if root_tag.startswith("{") else ("", "", root_tag)
        )
        local = local or root_tag
        if "pkp.sfu.ca" in ns:  # (an OJS export of one article has an <article> root)
            return "ojs"
        if local == "article":
            # JATS and NLM have no namespace; Elsevier's <article> is in its own
            return f"root-ns:{ns}" if ns and ns != "http://www.w3.org/1999/xhtml" else None
        if local == "doi_batch":
            return "crossref"
        if local in ("crossref_result", "doi_records") or "crossref.org/qrschema" in ns:
            return "crossref-record"
        if local == "records":
            return "doaj"
        if local.lower() == "html":
            return "html"
        if local in ("issues", "issue", "articles") and "pkp" in ns:
            return "ojs"
        return f"root:{local}"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and lower.endswith((".xlsx", ".xlsm")):
        return "spreadsheet"
    if lower.endswith((".csv", ".tsv", ".xlsx")):
        return "spreadsheet"
    if lower.endswith((".yaml", ".yml")):
        return "yaml"
    if lower.endswith(".json") or head.startswith((b"{", b"[")):
        return "crossref-record" if b'"DOI"' in data[:65536] else "json"
    if head.lower().startswith((b"<!doctype html", b"<html")) or lower.endswith((".html", ".htm")):
        return "html"
    if re.match(rb"(?:---\s*\n)?[A-Za-z_][\w-]*:\s", head):
        return "yaml"
    return None
