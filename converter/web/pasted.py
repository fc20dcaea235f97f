"""A reference list pasted into one reference's boxes of the edit form, read as references.

An editor copies a reference list from a manuscript or from OJS into the form: a Russian
journal's two lists, "Список литературы" and its "References" in Latin script, one after the
other. A reference is one line, so a reference box holding several lines is a list: its lines
are references (list headings left out), and the two lists are one list in two forms when
``reference_lists.pair_lists`` says so, as an OJS citations box is read. Each language's box
holding its own list is paired line by line; lists of different lengths are refused, since
pairing them would give references the wrong partner.
"""

from __future__ import annotations

import re
from typing import Any

from converter.readers.reference_lists import headings_left_out, is_heading, pair_lists

# Fields of a reference entry that say nothing of its content (kept on the first reference).
_NO_CONTENT = frozenset({"text", "id"})


# A line that goes on from the one before: copied from a PDF or a page, one reference comes
# in several lines, and each was saved as a reference, half of one. The line before ends where
# no reference ends ('… //', a comma or colon, 'pp.', 'Vol.'), or the line begins with a DOI or
# web address, or with a small letter after a line ending in a plain word ('… of things in' /
# 'the world.'). A list's own lines end in a full stop, a bracket, a page or a DOI (so 'van der
# Berg' begins its entry after one), and a numbered line begins an entry.
_GOES_ON = re.compile(r"(?:[,;:/\-\u2013\u2014(&№]|\b(?:pp|Vol|Т|No|In|et al)\.?)$")
_ADDRESS = re.compile(r"^(?:doi\b|DOI\b|https?://|URL\b)")
_SMALL = re.compile(r"^[a-zа-яё]")
_NUMBERED = re.compile(r"^\[?\d+[.)\]]\s")


def _lines(text: Any) -> list[str]:
    """The references a box holds, a line each: a line that goes on from the one before
    (``_GOES_ON``, ``_ADDRESS``, ``_SMALL``) is joined to it, unless it or that one is a
    heading, or it is numbered."""
    if not isinstance(text, str):
        return []
    found = [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    joined: list[str] = []
    for line in found:
        goes_on = (
            joined
            and not is_heading(line)
            and not is_heading(joined[-1])
            and not _NUMBERED.match(line)
            and bool(
                _GOES_ON.search(joined[-1])
                or _ADDRESS.match(line)
                or (_SMALL.match(line) and joined[-1].split()[-1].isalpha())
            )
        )
        if goes_on:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def split_pasted_references(
    data: dict[str, Any], lang: str
) -> tuple[dict[str, Any], list[str], list[str]]:
    """``data`` with each reference whose text boxes hold several lines replaced by the
    references they list; what was done, one sentence per pasted list (for the article's row);
    and the problems (``references[N].text: …``, shown beside the boxes). ``lang`` is the
    article's language (the Cyrillic list's language when it is Russian or Ukrainian)."""
    references = data.get("references")
    if not isinstance(references, list):
        return data, [], []
    out: list[Any] = []
    said: list[str] = []
    problems: list[str] = []
    for index, ref in enumerate(references):
        texts = ref.get("text") if isinstance(ref, dict) else None
        if not isinstance(texts, dict):
            out.append(ref)
            continue
        lines = {key: _lines(value) for key, value in texts.items() if _lines(value)}
        if not any(len(found) > 1 for found in lines.values()):
            # (one reference pasted in several lines: one line, as the one-line box kept it)
            joined = {key: found[0] for key, found in lines.items()}
            out.append({**ref, "text": {**texts, **joined}} if joined else ref)
            continue
        where = f"references[{index}]"
        if set(ref) - _NO_CONTENT:
            problems.append(
                f"{where}.text: several lines in a reference given with its parts: one "
                "reference is one line (paste a list into a new reference's boxes)"
            )
            out.append(ref)
            continue
        if len(lines) == 1:
            [(box, pasted)] = lines.items()
            listed, sentence = pair_lists(pasted, lang, where)
            made = [item if isinstance(item, dict) else {"text": {box: item}} for item in listed]
            said.append(sentence or f"{where}: {len(pasted)} lines pasted: read as "
                        f"{len(made)} references")  # fmt: skip
        else:
            kept = {box: headings_left_out(found, where)[0] for box, found in lines.items()}
            sizes = {box: len(found) for box, found in kept.items()}
            if len(set(sizes.values())) > 1:
                (box, n), *others = sizes.items()
                counts = " and ".join(f"the {other} box {m}" for other, m in others)
                problems.append(
                    f"{where}.text: the {box} box holds {n} references and {counts} (one a "
                    "line): each reference needs its partner on the same line of the other "
                    "box; or paste both lists, under their headings, in one box"
                )
                out.append(ref)
                continue
            count = next(iter(sizes.values()))
            made = [{"text": {box: found[k] for box, found in kept.items()}} for k in range(count)]
            said.append(f"{where}: lists of {count} lines in the {' and '.join(kept)} boxes "
                        f"read as {count} references, line by line")  # fmt: skip
        if made and "id" in ref:
            made[0] = {"id": ref["id"], **made[0]}
        out.extend(made)
    if out == references and not said:
        return data, [], problems
    return {**data, "references": out}, said, problems
