"""A reference list pasted into one reference entry, read as the references it lists.

An editor copies a reference list from a manuscript or from OJS into one reference: a Russian
journal's two lists, "Список литературы" and its "References" in Latin script, one after the
other, pasted into a box of the web app's edit form or into one ``references:`` entry of a YAML
or JSON article. A reference is one line, but a line break may stray into one (a text copied
from a PDF): an entry is a list only when its lines read as one — several of them numbered
("1. …", "[2] …"), or one of them a list heading. Its lines are then references (headings left
out), and the two lists are one list in two forms when ``reference_lists.pair_lists`` says so,
as an OJS citations box is read. Each language's box holding its own list is paired line by
line; lists of different lengths are refused, since pairing them would give references the
wrong partner. One rule for the form and the native reader, so a list reads the same from both.
"""

from __future__ import annotations

import re
from typing import Any

from converter.model import list_number
from converter.readers.reference_lists import headings_left_out, is_heading, pair_lists

# Fields of a reference entry that say nothing of its content (kept on the first reference).
_NO_CONTENT = frozenset({"text", "id"})


# A line that goes on from the one before: copied from a PDF or a page, one reference comes
# in several lines, and each was saved as a reference, half of one. The line before ends where
# no reference ends ('… //', a comma or colon, 'pp.', 'Vol.', or a preposition, an article or
# a conjunction, '… economy of' / 'Japan. London …': a capital letter followed, and the two
# were two references), or the line begins with a DOI or web address, or with a small letter
# after a line ending in a plain word ('… of things in' / 'the world.'). A list's own lines end
# in a full stop, a bracket, a page or a DOI (so 'van der Berg' begins its entry after one),
# and a numbered line begins an entry. Under a numbered list's number (its first entry
# numbered, after a heading or at the top), a line without one goes on: a list copied from a
# PDF wraps its entries. A list number has at most three digits,
# as the model's (``list_number``): a wrapped line opening with a year ('2015. 200 с.') has none.
_GOES_ON = re.compile(
    r"(?:[,;:/\-\u2013\u2014(&№]|\b(?:pp|Vol|Т|No|In|et al)\.?"
    # (small words only: 'Phys. Rev. A' ends an entry, and 'И.' is an initial; 'с' not after a
    # number, '200 с', the number of pages)
    r"|(?<!\S)(?:of|in|on|at|to|for|from|by|with|into|and|or|nor|the|an?"
    r"|в|во|на|и|или|к|ко|по|для|о|об|со|из|от|у|за|при|над|под|без|до|та|і|й|з|від|чи"
    r"|(?<!\d\s)с"
    # (the same in a Russian or Ukrainian work's Latin form, a References list's: 'Ekonomika
    # Yaponii i' / 'Kitaya …' were two references)
    r"|i|v|vo|na|ili|k|ko|po|dlya|ob|so|iz|ot|za|pri|nad|pod|bez|do|ta|z|vid|chy))$"
)
_ADDRESS = re.compile(r"^(?:doi\b|DOI\b|https?://|URL\b)")
_SMALL = re.compile(r"^[a-zа-яё]")
_NUMBERED = re.compile(r"^\[?\d{1,3}[.)\]]\s")


def reference_lines(text: Any) -> list[str]:
    """The references a box holds, a line each: a line that goes on from the one before
    (``_GOES_ON``, ``_ADDRESS``, ``_SMALL``, or no number in a numbered list) is joined to
    it, unless it or that one is a heading, or it is numbered."""
    if not isinstance(text, str):
        return []
    found = [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    joined: list[str] = []
    numbered = False  # (whether the list under the last heading, or at the top, is numbered)
    for line in found:
        if not joined or is_heading(joined[-1]):
            numbered = bool(_NUMBERED.match(line))
        goes_on = (
            joined
            and not is_heading(line)
            and not is_heading(joined[-1])
            and not _NUMBERED.match(line)
            and bool(
                numbered
                or _GOES_ON.search(joined[-1])
                or _ADDRESS.match(line)
                or (_SMALL.match(line) and joined[-1].split()[-1].isalpha())
            )
        )
        if goes_on:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def reads_as_list(lines: list[str]) -> bool:
    """Whether a text's ``lines`` are a pasted list, not one reference with a stray line
    break: several lines, of which two or more open with a list number or one is a heading."""
    if len(lines) < 2:
        return False
    numbered = sum(list_number(line) is not None for line in lines)
    return numbered >= 2 or any(map(is_heading, lines))


def _joined(ref: Any, entry: dict[str, Any], lines: dict[Any, list[str]]) -> Any:
    """``ref`` with each text of several lines on one line (one reference copied from a PDF
    keeps no line break: the one-line box kept none)."""
    texts = {None: entry["text"]} if isinstance(entry["text"], str) else entry["text"]
    several = {
        key: " ".join(found)
        for key, found in lines.items()
        if "\n" in texts[key] or "\r" in texts[key]
    }
    if not several:
        return ref
    if None in several:  # (a text given as one string)
        return several[None] if isinstance(ref, str) else {**entry, "text": several[None]}
    return {**entry, "text": {**entry["text"], **several}}


def split_pasted_references(
    data: dict[str, Any], lang: str, *, lines_apart: bool = False
) -> tuple[dict[str, Any], list[str], list[str]]:
    """``data`` with each reference whose text reads as a pasted list (``reads_as_list``)
    replaced by the references it lists; what was done, one sentence per pasted list (a note:
    nothing is lost); and the problems (``references[N].text: …``). ``lang`` is the article's
    language (the Cyrillic list's language when it is Russian or Ukrainian). A reference given
    as a text alone (``- "…"``, or ``text:`` one string) gives texts alone, filed by the model
    under the language their script tells.

    ``lines_apart``: the web form's reference box, where a line that does not go on from the
    one before (``reference_lines``) is a reference of its own, numbered or not (an unnumbered list
    pasted in); in a file, a text of several lines is one reference unless numbered or under
    a heading. Either way a reference kept whole has its lines joined by a space."""
    references = data.get("references")
    if not isinstance(references, list):
        return data, [], []
    out: list[Any] = []
    said: list[str] = []
    problems: list[str] = []
    for index, ref in enumerate(references):
        entry = {"text": ref} if isinstance(ref, str) else ref
        texts = entry.get("text") if isinstance(entry, dict) else None
        boxes = {None: texts} if isinstance(texts, str) else texts
        if not isinstance(boxes, dict):
            out.append(ref)
            continue
        lines = {
            key: reference_lines(value) for key, value in boxes.items() if reference_lines(value)
        }
        listed = (lambda found: len(found) > 1) if lines_apart else reads_as_list
        if not any(map(listed, lines.values())):
            out.append(_joined(ref, entry, lines))
            continue
        where = f"references[{index}]"
        if set(entry) - _NO_CONTENT:
            problems.append(
                f"{where}.text: several lines in a reference given with its parts: one "
                "reference is one line (paste a list into a new reference's boxes)"
            )
            out.append(ref)
            continue
        made: list[Any]
        if len(lines) == 1:
            [(box, pasted)] = lines.items()
            listed, sentence = pair_lists(pasted, lang, where)
            made = [
                item if isinstance(item, dict) or box is None else {"text": {box: item}}
                for item in listed
            ]
            # (the lines as pasted: a wrapped reference's lines were counted as one)
            typed = sum(1 for line in str(boxes[box]).splitlines() if line.strip())
            said.append(sentence or f"{where}: {typed} lines pasted: read as "
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
        if made and "id" in entry:
            first = made[0] if isinstance(made[0], dict) else {"text": made[0]}
            made[0] = {"id": entry["id"], **first}
        out.extend(made)
    if out == references and not said:
        return data, [], problems
    return {**data, "references": out}, said, problems
