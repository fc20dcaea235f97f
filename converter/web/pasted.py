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

from typing import Any

from converter.readers.reference_lists import headings_left_out, pair_lists

# Fields of a reference entry that say nothing of its content (kept on the first reference).
_NO_CONTENT = frozenset({"text", "id"})


def _lines(text: Any) -> list[str]:
    if not isinstance(text, str):
        return []
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


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
            out.append(ref)
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
    if len(out) == len(references) and not said:
        return data, [], problems
    return {**data, "references": out}, said, problems
