"""Sample outputs edited to break JATS4R rules: the variants the JATS4R tests check.

Each variant is one sample output with one or a few textual edits (``old`` -> ``new``, first
occurrence). They need not be DTD-valid: the Schematron is run on them as it would be on any
file a user checks. Shared by tests/test_jats4r.py, tests/test_schematron_crosscheck.py and
scripts/schematron-crosscheck.
"""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
BILINGUAL = SAMPLES / "japanese-studies-in-russia" / "2018-3" / "streltsov-6.xml"
WITH_AFF = SAMPLES / "japanese-studies-in-russia" / "2018-3" / "shchukin-21.xml"
_AFF = '<aff id="aff1">'
_CITATION = '<element-citation publication-type="journal" xml:lang="ru">'

# name -> (sample, [(old, new), ...])
VARIANTS: dict[str, tuple[Path, list[tuple[str, str]]]] = {
    "copyright-year-abc": (
        BILINGUAL,
        [("<copyright-year>2018</copyright-year>", "<copyright-year>abc</copyright-year>")],
    ),
    "copyright-year-spaces": (
        BILINGUAL,
        [("<copyright-year>2018</copyright-year>", "<copyright-year> 2018</copyright-year>")],
    ),
    "licence-uris-differ": (
        BILINGUAL,
        [
            (
                "<ali:license_ref>https://creativecommons.org/licenses/by/4.0/",
                "<ali:license_ref>https://creativecommons.org/licenses/by-nc/4.0/",
            )
        ],
    ),
    "no-copyright-holder": (
        BILINGUAL,
        [
            ("<copyright-holder>Стрельцов Д.В.</copyright-holder>", ""),
            ('<copyright-holder xml:lang="en">Streltsov D.V.</copyright-holder>', ""),
        ],
    ),
    "kwd-groups-without-lang": (
        BILINGUAL,
        [
            ('<kwd-group kwd-group-type="author" xml:lang="ru">', "<kwd-group>"),
            ('<kwd-group kwd-group-type="author" xml:lang="en">', "<kwd-group>"),
        ],
    ),
    "xref-to-aff-typed-bibr": (
        WITH_AFF,
        [('<xref ref-type="aff" rid="aff1"/>', '<xref ref-type="bibr" rid="aff1"/>')],
    ),
    "xref-to-aff-untyped": (
        WITH_AFF,
        [('<xref ref-type="aff" rid="aff1"/>', '<xref rid="aff1"/>')],
    ),
    "xref-to-aff-and-ref": (
        WITH_AFF,
        [('<xref ref-type="aff" rid="aff1"/>', '<xref ref-type="bibr" rid="aff1 ref1"/>')],
    ),
    "unreferenced-aff-before-aff": (
        WITH_AFF,
        [(_AFF, '<aff id="aff0"><institution>Elsewhere</institution></aff>\n      ' + _AFF)],
    ),
    "referenced-aff-before-aff": (
        WITH_AFF,
        [
            (_AFF, '<aff id="aff0"><institution>Elsewhere</institution></aff>\n      ' + _AFF),
            ('<xref ref-type="aff" rid="aff1"/>', '<xref ref-type="aff" rid="aff1 aff0"/>'),
        ],
    ),
    "aff-with-label-sup": (WITH_AFF, [(_AFF, _AFF + "<sup>a</sup>")]),
    "country-code-three-letters": (
        WITH_AFF,
        [('<country country="RU">', '<country country="RUS">')],
    ),
    "institution-id-untyped": (
        WITH_AFF,
        [("<institution-wrap>", "<institution-wrap><institution-id>0001</institution-id>")],
    ),
    "contrib-id-untyped": (
        WITH_AFF,
        [
            (
                '<contrib contrib-type="author">',
                '<contrib contrib-type="author"><contrib-id>x</contrib-id>',
            )
        ],
    ),
    "data-citation-with-article-title": (
        WITH_AFF,
        [(_CITATION, '<element-citation publication-type="data" xml:lang="ru">')],
    ),
    "other-citation": (
        WITH_AFF,
        [(_CITATION, '<element-citation publication-type="other" citation-type="x">')],
    ),
    "preprint-citation": (
        WITH_AFF,
        [
            (_CITATION, '<element-citation publication-type="preprint"><version>v2</version>'),
            (
                "<year>2019</year>",
                '<year>2019a</year><date date-type="published"><year>n.d.</year></date>',
            ),
        ],
    ),
    "ref-without-id": (WITH_AFF, [('<ref id="ref1">', "<ref>")]),
    "statements-misplaced": (
        WITH_AFF,
        [
            (
                "<back>",
                '<back><sec sec-type="COI-statement"><title>Conflicts</title><p>None.</p></sec>'
                '<sec sec-type="data availability"><p>On request.</p></sec>'
                '<notes notes-type="conflict"><p content-type="data-availability">x</p></notes>'
                '<fn-group><fn fn-type="COI-statement"><p><b>Competing interests</b> none</p></fn>'
                '<fn content-type="Data Availability"><p>x</p></fn></fn-group>'
                '<sec><sec sec-type="data-availability"><p>x</p></sec></sec>'
                "<p><tex-math>x^2</tex-math></p>"
                "<p><disp-formula><graphic/><tex-math>a</tex-math><alternatives><graphic/>"
                "<inline-graphic/></alternatives></disp-formula></p>",
            )
        ],
    ),
    "compound-kwd-and-subject": (
        WITH_AFF,
        [
            (
                "</kwd-group>",
                "<compound-kwd><compound-kwd-part>a</compound-kwd-part></compound-kwd></kwd-group>",
            ),
            (
                "</subj-group>",
                "<compound-subject><compound-subject-part>a</compound-subject-part>"
                '</compound-subject></subj-group><subj-group xml:lang="ru"><subject>x</subject>'
                "</subj-group>",
            ),
        ],
    ),
    "no-permissions": (
        WITH_AFF,
        [("<permissions>", "<permissions-gone>"), ("</permissions>", "</permissions-gone>")],
    ),
}


def variant(name: str) -> tuple[bytes, Path]:
    """The variant's bytes and the sample it was made from."""
    sample, edits = VARIANTS[name]
    text = sample.read_text(encoding="utf-8")
    for old, new in edits:
        if old not in text:
            raise AssertionError(f"variant {name}: {old!r} is not in {sample.name}")
        text = text.replace(old, new, 1)
    return text.encode("utf-8"), sample


CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


def corpus() -> list[Path]:
    """The real-world corpus (tests/data/corpus): publishers' JATS, prose replaced by ours."""
    return sorted(CORPUS.glob("*.xml"))


def sample_outputs() -> list[Path]:
    """Every committed sample output that is JATS (not the NLM copies, not issue files)."""
    return sorted(
        p
        for p in SAMPLES.glob("*/*/*.xml")
        if not p.name.endswith(".nlm.xml") and p.name != "issue.xml"
    )
