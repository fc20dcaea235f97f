"""Proof that a change to the labeller's speed changes none of its results.

    python3 bench/labeller_identical.py [--anystyle DIR] --write /tmp/before.json  # old code
    python3 bench/labeller_identical.py [--anystyle DIR] --check /tmp/before.json  # new code

For every reference in ``data/citations/*.jsonl`` (all splits), the regression set
(``tests/data/references``), the samples' reference lists and, with ``--anystyle DIR``,
AnyStyle's gold/good/ugly/bad files, it records the labeller's spans
with their confidences (exact floats), what ``judge`` makes of them (citation, confidence,
veto) and ``parse_reference``'s result, then compares them with a recorded run. Speed work
must keep labels, marginals and outputs identical: this says where they differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's code and model


def _strings(node: object, under: bool = False) -> list[str]:
    """The string leaves below every ``references`` key of a sample file."""
    if isinstance(node, dict):
        found: list[str] = []
        for key, value in node.items():
            found += _strings(value, under or key == "references")
        return found
    if isinstance(node, list):
        return [s for item in node for s in _strings(item, under)]
    return [node] if under and isinstance(node, str) else []


def texts(anystyle: Path | None = None) -> list[str]:
    import yaml

    from converter.citations.corpus import load, load_anystyle_xml
    from converter.citations.evaluate import load_labelled

    found = [item.text for item in load()]
    found += [case["text"] for case in load_labelled(ROOT / "tests" / "data" / "references")]
    for path in sorted((ROOT / "samples").rglob("*")):
        if path.suffix in (".yaml", ".yml", ".json") and path.is_file():
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            found += _strings(data)
    for name in ("gold", "good", "ugly", "bad") if anystyle else ():
        found += [item.text for item in load_anystyle_xml(anystyle / "res/parser" / f"{name}.xml")]
    return list(dict.fromkeys(found))


def results(all_texts: list[str]) -> dict[str, object]:
    from converter.citations import parse
    from converter.citations.model import label

    out: dict[str, object] = {}
    for text in all_texts:
        norm = parse.normalize(text)
        spans = label(norm)
        cit, confidence, problem = parse.judge(spans, norm)
        # (the parse as it runs uncached, when it is cached: it no longer is)
        parsed = getattr(parse.parse_reference, "__wrapped__", parse.parse_reference)(text)
        out[text] = {
            "spans": [[lab, piece, repr(conf)] for lab, piece, conf in spans],
            "judge": [asdict(cit), repr(confidence), problem],
            "parsed": None if parsed is None else asdict(parsed),
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="record this code's results")
    group.add_argument("--check", type=Path, help="compare this code's results with a record")
    parser.add_argument("--anystyle", type=Path, help="also AnyStyle's gold/good/ugly/bad files")
    args = parser.parse_args()
    found = results(texts(args.anystyle))
    structured = sum(1 for r in found.values() if r["parsed"] is not None)  # type: ignore[index]
    print(f"{len(found)} references, {structured} structured")
    if args.write:
        args.write.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {args.write}")
        return 0
    recorded = json.loads(args.check.read_text(encoding="utf-8"))
    differ = [t for t in recorded.keys() | found.keys() if recorded.get(t) != found.get(t)]
    for text in differ[:10]:
        print(f"DIFFERS: {text[:100]!r}\n  was {recorded.get(text)}\n  now {found.get(text)}")
    print(f"{len(differ)} of {len(found)} references differ" if differ else "identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
