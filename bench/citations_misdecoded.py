"""How the converter finds and reads references whose text was decoded in the wrong encoding.

    python3 bench/citations_misdecoded.py [--list]

Text saved in one encoding and read in another (mojibake) reaches journals' metadata through
old databases and spreadsheets: the corpora hold it too, "SchÃ¼hlen" in GROBID's labelled
references (UTF-8 read as Windows-1252), "Saarbrьcken" and "Wдrmeьbergang" in real Russian
lists (Windows-1252 read as Windows-1251). Three figures, on texts this project did not write:

- **As found**: the references of every split of the corpora in which ``converter.misdecoded``
  finds a mis-read word (``--list`` prints each finding, to judge by eye).
- **Damaged on purpose**: each dev and test reference holding a letter beyond ASCII, saved in
  one encoding and read in another, each of the four ways the module knows where the text can
  be saved so: the share in which it finds the damage, the share it repairs to the very text,
  and the share of ``parse_reference`` results equal to the clean text's (the parser reads
  the repaired text: ``converter.citations.parse.spelled``).
- **Clean texts**: the dev and test references as written in which it finds nothing (the real
  mis-read ones above excepted).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's code

# (how, saved in, read as); read as ``converter.misdecoded.misread`` reads: a byte Windows-1252
# leaves undefined as the C1 control of its value, as Latin-1 and databases do
DAMAGE = (
    ("UTF-8 read as Windows-1251", "utf-8", "cp1251"),
    ("UTF-8 read as Windows-1252 (Latin-1)", "utf-8", "cp1252"),
    ("Windows-1251 read as Windows-1252 (Latin-1)", "cp1251", "cp1252"),
    ("Windows-1252 (Latin-1) read as Windows-1251", "cp1252", "cp1251"),
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print each finding on the corpora")
    args = ap.parse_args()
    from converter.citations.corpus import load
    from converter.citations.parse import parse_reference
    from converter.misdecoded import misread, misreadings, repaired

    items = list(load())
    print("python3 bench/citations_misdecoded.py" + (" --list" if args.list else ""))
    as_found = 0
    flagged: set[str] = set()
    for item in items:
        found = misreadings(item.text)
        if found:
            as_found += 1
            flagged.add(item.text)
            if args.list:
                print(f"  [{item.src}] " + "; ".join(map(str, found)))
    print(f"as found: {as_found} of {len(items)} references of the corpora hold a mis-read word")

    held = [item for item in items if item.split in ("dev", "test")]
    clean = [item for item in held if item.text not in flagged]
    quiet = sum(1 for item in clean if not misreadings(item.text))
    print(f"clean texts: nothing found in {quiet} of {len(clean)} dev and test references")
    for how, saved, read_as in DAMAGE:
        n = found = exact = same = 0
        for item in clean:
            if item.text.isascii():
                continue
            typed = misread(item.text, saved, read_as)
            if typed is None or typed == item.text:
                continue
            n += 1
            found += bool(misreadings(typed))
            exact += (repaired(typed) or typed) == item.text
            same += parse_reference(typed) == parse_reference(item.text)
        if n:
            print(
                f"{how}: {n} references; damage found {found / n:.1%}, repaired to the very "
                f"text {exact / n:.1%}, parsed as the clean text {same / n:.1%}"
            )


if __name__ == "__main__":
    main()
