"""Derive a corpus file from a real, openly licensed JATS/NLM article: keep its DOCTYPE,
structure, markup and bibliographic facts (titles, names, affiliations, identifiers, dates,
keywords, licence references, the reference list); replace its prose — abstract and body
paragraphs, licence statements, notes, acknowledgements, funding statements — with sentences
of our own, and drop figures, tables, boxes and sub-articles (captions and whole documents).

    python3 tests/data/corpus/derive.py SOURCE.xml OUT.xml

Run once per file when the corpus was made; the README beside it records each file's origin.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

OURS = "Paragraph {n} of this {where}, written for the jats-converter test corpus."
LICENCE = "Licence statement written for the jats-converter test corpus."
# Whole elements that hold pictures and their captions, or whole other documents: removed.
DROP = {
    "sub-article", "floats-group", "supplementary-material", "response", "fig", "table-wrap",
    "boxed-text", "media", "graphic",
}  # fmt: skip


def local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def replace_text(element: etree._Element, text: str) -> None:
    """The element's content becomes ``text`` (its children go)."""
    for child in list(element):
        element.remove(child)
    element.text = text


def derive(source: Path, target: Path) -> None:
    parser = etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True)
    tree = etree.parse(str(source), parser)
    root = tree.getroot()
    for element in list(root.iter()):
        if local(element) in DROP and element.getparent() is not None:
            element.getparent().remove(element)
    for kind in ("abstract", "trans-abstract"):
        for number, abstract in enumerate(root.iter(f"{{*}}{kind}", kind), start=1):
            for n, para in enumerate(abstract.iter("{*}p", "p"), start=1):
                replace_text(para, OURS.format(n=n, where=f"abstract ({number})"))
    for license_p in root.iter("{*}license-p", "license-p"):
        replace_text(license_p, LICENCE)
    # Every other paragraph outside the reference list (author notes, footnotes,
    # acknowledgements, appendices, custom-meta statements) gets our text too. The set holds
    # the elements themselves, not their id(): lxml makes a fresh proxy per access and frees
    # it, so an id() can come back for a paragraph elsewhere, which then kept its prose.
    refs = {e for ref_list in root.iter("{*}ref-list", "ref-list") for e in ref_list.iter()}
    paras = [p for p in root.iter("{*}p", "p") if p not in refs]
    for n, para in enumerate(paras, start=1):
        if not any(local(a) in ("abstract", "trans-abstract") for a in para.iterancestors()):
            replace_text(para, OURS.format(n=n, where="article"))
    for holder in root.iter("{*}funding-statement", "funding-statement"):
        replace_text(holder, OURS.format(n=1, where="funding statement"))
    for value in root.iter("{*}meta-value", "meta-value"):
        if len("".join(value.itertext())) >= 60:  # a statement; a short value is a fact
            replace_text(value, OURS.format(n=1, where="custom meta value"))
    body = next(iter(root.iter("{*}body", "body")), None)
    if body is not None:
        for child in list(body):
            body.remove(child)
        para = etree.SubElement(body, body.tag.replace("body", "p"))
        para.text = OURS.format(n=1, where="body")
    doctype = tree.docinfo.doctype
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", doctype=doctype)
    target.write_bytes(data + b"\n")


if __name__ == "__main__":
    derive(Path(sys.argv[1]), Path(sys.argv[2]))
