"""The keys of a JSON object's top level, read from the first bytes of a file.

A sniffer sees only a file's head, which may end inside a value, and a word a format is known
by ("message-type") may be any value in another file — a keyword of the project's own JSON
article —, so a format is told by the keys its top-level object holds, not by where the word
stands in the text.
"""

from __future__ import annotations

import contextlib
import json
import re

# what changes the scan: a string's start, or a bracket that opens or closes a level
_SIGNIFICANT = re.compile(r'["{}\[\]]')
# a string's body up to its closing quote (an escaped quote is part of it)
_STRING_REST = re.compile(r'(?:[^"\\]|\\.)*"', re.DOTALL)
_COLON_NEXT = re.compile(r"\s*:")


def top_level_keys(head: str) -> set[str]:
    """The keys of the object ``head`` opens, as far as ``head`` goes (empty when it opens
    none); a key of an object nested in it is not one."""
    text = head.lstrip("\ufeff \t\r\n")
    if not text.startswith("{"):
        return set()
    keys: set[str] = set()
    depth, at = 1, 1
    while depth and (found := _SIGNIFICANT.search(text, at)):
        char, at = found.group(), found.end()
        if char == '"':
            string = _STRING_REST.match(text, at)
            if string is None:  # the head ends inside this string
                break
            literal = text[at - 1 : string.end()]
            at = string.end()
            if depth == 1 and _COLON_NEXT.match(text, at):
                with contextlib.suppress(ValueError):  # a broken escape: no JSON key
                    keys.add(json.loads(literal))
        elif char in "{[":
            depth += 1
        else:
            depth -= 1
    return keys
