"""The real-world corpus (tests/data/corpus: files derived from openly licensed PLOS, eLife,
bioRxiv, F1000, BMC, IJM and SciELO articles in NLM 2.3/3.0 and JATS 1.0–1.3, Publishing and
Archiving; origins in its README): each file converts, and every fact the model holds comes
back in the output, checked against the source by XPath, not by the reader; ``validate``
agrees with xmllint on each."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import DATA, xmllint
from converter import to_jats
from converter.notices import DROPPED
from converter.readers import ReadContext, read_source
from converter.validation import verdict_file

CORPUS = DATA / "corpus"
FILES = sorted(CORPUS.glob("*.xml"))
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# kwd-group-type values of the authors' keywords (the reader's own list, written out)
AUTHORS_KEYWORDS = (None, "author", "author-keywords", "author-generated", "keywords")
_NOT_FACTS = ("label", "email", "ext-link", "uri", "phone", "fax", "xref")


def test_the_corpus_spans_the_generations() -> None:
    heads = [path.read_text(encoding="utf-8")[:400] for path in FILES]
    assert len(FILES) >= 24
    versions = ("DTD v2.3 ", "DTD v3.0 ", "v1.0 ", "v1.1 ", "v1.1d3 ", "v1.2 ", "v1.2d1 ", "v1.3 ")
    for marker in versions:
        assert any(marker in head for head in heads), marker
    assert any("Archiving" in head for head in heads)
    assert any("Publishing" in head for head in heads)
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for path in FILES:
        assert f"`{path.name}`" in readme, f"{path.name}: origin and licence not recorded"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_validate_agrees_with_xmllint(path: Path, store) -> None:
    verdict = verdict_file(path, store)
    lint = xmllint(path, store.catalog)
    if verdict.status == "not checked":
        # NLM Archiving 2.3: no registry package carries it; neither tool can judge the file
        assert verdict.exit_code == 4
        assert "archive-interchange-dtd-2.3.zip" in verdict.problems[0].message
        assert lint.returncode != 0 and "failed to load external entity" in lint.stderr
    else:
        assert (verdict.status == "valid") == (lint.returncode == 0), (
            verdict.problems[:2],
            lint.stderr[:300],
        )


def _norm(text: str) -> str:
    return " ".join(text.split())


def _text(element: etree._Element | None) -> str:
    return _norm("".join(element.itertext())) if element is not None else ""


def _words(element: etree._Element) -> set[str]:
    """The words of an element, leaving out what is not a fact of it (labels, links, e-mail)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname not in _NOT_FACTS:
            parts.append(" ".join(_words(child)))
        parts.append(child.tail or "")
    return {w.casefold() for w in re.findall(r"\w+", " ".join(parts))}


class Facts:
    """What one article says, read with XPath from its XML (source or output)."""

    def __init__(self, root: etree._Element):
        self.root = root
        [self.meta] = root.xpath("front/article-meta")

    def one(self, xpath: str) -> str:
        found = self.meta.xpath(xpath)
        return _text(found[0]) if found else ""

    def title(self) -> str:
        return self.one("title-group/article-title")

    def authors(self) -> list[etree._Element]:
        return self.meta.xpath("contrib-group/contrib[@contrib-type='author']")

    def surnames(self) -> list[str]:
        out = []
        for contrib in self.authors():
            names = contrib.xpath("name/surname|name-alternatives/name[1]/surname")
            collab = contrib.xpath("collab")
            if names:
                out.append(_text(names[0]))
            elif collab:  # the group's name, not the members some files nest inside it
                out.append(
                    _norm(
                        (collab[0].text or "")
                        + " ".join(
                            _text(c)
                            for c in collab[0]
                            if etree.QName(c).localname != "contrib-group"
                        )
                    )
                )
            else:
                out.append("")
        return out

    def affs(self) -> list[etree._Element]:
        # members nested inside a group author are not in the model (a warning says so)
        found = self.meta.xpath(".//aff[not(parent::aff-alternatives)]|.//aff-alternatives")
        # and a contributor of a role the model does not hold is left out with a "data
        # dropped" warning, its own affiliation with it (eLife's senior_editor is an editor)
        roles = ("author", "editor", "translator", "reviewer", "compiler", "senior_editor")
        return [
            a
            for a in found
            if not a.xpath("ancestor::collab")
            and all(
                (c.get("contrib-type") or "author") in roles for c in a.xpath("ancestor::contrib")
            )
        ]

    def distinct_affs(self) -> set[frozenset[str]]:
        """Affiliations by content: one written inline for several authors is one."""
        return {frozenset(_words(a)) for a in self.affs()}

    def aff_words(self) -> set[str]:
        return set().union(*(_words(a) for a in self.affs())) if self.affs() else set()

    def links(self) -> list[int]:
        """Per author, how many affiliations it is linked to (JATS: xref, an aff inside the
        contrib, or an aff of its contrib-group when no contrib there points to one)."""
        ids = {a.get("id") for a in self.affs() if a.get("id")}
        counts = []
        for contrib in self.authors():
            rids = [
                r for x in contrib.xpath("xref[@ref-type='aff']") for r in x.get("rid", "").split()
            ]
            count = sum(r in ids for r in rids) + len(contrib.xpath("aff|aff-alternatives"))
            counts.append(count)
        for group in self.meta.xpath("contrib-group[aff or aff-alternatives]"):
            group_affs = group.xpath("aff|aff-alternatives")
            pointed = {
                r for x in group.xpath(".//xref[@ref-type='aff']") for r in x.get("rid", "").split()
            }
            if not pointed & {a.get("id") for a in group_affs}:
                for index, contrib in enumerate(self.authors()):
                    if (
                        contrib.getparent() is group
                        and counts[index] == 0
                        and not contrib.xpath("collab")
                    ):
                        counts[index] = len(group_affs)
        return counts

    def dates(self) -> set[str]:
        out = set()
        for date in self.meta.xpath("pub-date|history/date"):
            parts = [date.findtext(p) or "" for p in ("year", "month", "day")]
            if not parts[0].strip():
                continue
            out.add(
                "-".join(f"{int(p):02d}" if p.strip().isdigit() else "" for p in parts).strip("-")
            )
        return out

    def abstract_paragraphs(self) -> list[str]:
        return [_text(p) for p in self.meta.xpath("abstract//p|trans-abstract//p")]

    def keywords(self, kinds: tuple[str, ...] = AUTHORS_KEYWORDS) -> set[str]:
        """The keywords of the groups of ``kinds`` (the authors' when a file has several
        groups; the only group whatever its type), or of every other group (``kinds=()``)."""
        groups = self.meta.xpath("kwd-group")
        if len(groups) > 1:
            groups = [g for g in groups if (g.get("kwd-group-type") in kinds) == bool(kinds)]
        return {_text(k) for g in groups for k in g.xpath("kwd")}

    def licences(self) -> list[str | None]:
        out: list[str | None] = []
        for lic in self.meta.xpath(".//license"):
            href = lic.get(XLINK_HREF)
            if href not in out:
                out.append(href)
        return out

    def references(self) -> int:
        return len(self.root.xpath("back//ref-list/ref|back/ref-list/ref"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_conversion_keeps_every_fact(path: Path, store) -> None:
    [loaded] = list(read_source(path, "jats", ReadContext()))
    assert loaded.article is not None, loaded.problems
    article = loaded.article
    tag_set = "publishing" if article.journal.issn.any() else "archiving"  # preprints: no ISSN
    output = to_jats(article, grammars=store, tag_set=tag_set)
    assert output.valid, output.problems[:3]
    parser = etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True)
    source = Facts(etree.parse(str(path), parser).getroot())
    result = Facts(etree.fromstring(output.data, parser))
    assert result.title() == source.title()
    assert result.surnames() == source.surnames()
    assert len(result.distinct_affs()) == len(source.distinct_affs())
    assert source.aff_words() <= result.aff_words()
    assert result.links() == source.links()
    for field in ("article-id[@pub-id-type='doi']", "volume", "issue", "fpage", "lpage",
                  "elocation-id"):  # fmt: skip
        assert result.one(field) == source.one(field), field
    assert result.dates() <= source.dates()
    lost_dates = source.dates() - result.dates()  # only history dates of a type not in the model
    warned = [w for w in loaded.warnings if "history date of type" in w or w.startswith("pub-date")]
    assert not lost_dates or warned, lost_dates
    kept = result.abstract_paragraphs()  # section titles become bold paragraphs: skipped
    missing = [p for p in source.abstract_paragraphs() if p not in kept]
    assert [p for p in kept if p in source.abstract_paragraphs()] == [
        p for p in source.abstract_paragraphs() if p in kept
    ]
    assert result.keywords() == source.keywords()
    assert result.licences() == source.licences()
    assert result.references() == source.references()
    # what the model cannot hold is named by a "data dropped" warning
    dropped = [w for w in loaded.warnings if getattr(w, "kind", DROPPED) == DROPPED]
    if source.keywords(kinds=()):  # eLife's research organism, RePEc's JEL codes: named
        for kind in {g.get("kwd-group-type") for g in source.meta.xpath("kwd-group")}:
            if kind not in AUTHORS_KEYWORDS:
                assert f"kwd-group of type {kind!r} is not in the model" in " ".join(dropped)
    if missing:  # a second abstract in one language (PLOS author summary, eLife digest)
        assert any("a second abstract" in w for w in dropped), missing
