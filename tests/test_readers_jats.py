"""JATS and NLM input: round trips of every sample output, the NLM 3.0 upgrade, hostile XML."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import DATA, SAMPLES, xmllint
from converter import load_article, to_jats
from converter.readers import READERS, ReadContext, detect_format, read_source
from converter.readers.jats import output_stem
from converter.writers.jats import doctype

NLM = SAMPLES / "nlm" / "2018-1" / "streltsov-110.nlm.xml"
XLINK_NS = "http://www.w3.org/1999/xlink"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


OTHER_SOURCES = [
    SAMPLES / "ojs" / "2019-1" / "issue.xml",
    SAMPLES / "html" / "2018-1" / "streltsov-110.html",
    SAMPLES / "crossref" / "2018-3" / "streltsov-6.json",
    NLM,
]


def _sources() -> list[Path]:
    """Every sample source: the YAML articles and the samples of the other formats."""
    return sorted(SAMPLES.glob("*/*/*.yaml")) + OTHER_SOURCES


def _only(path: Path, fmt: str | None = None, **context) -> object:
    loaded = list(read_source(path, fmt, ReadContext(**context)))
    assert len(loaded) == 1
    assert loaded[0].article is not None, loaded[0].problems
    return loaded[0]


def test_samples_of_every_format_are_there() -> None:
    for path in OTHER_SOURCES:
        assert path.is_file(), path


@pytest.mark.parametrize("source", _sources(), ids=lambda p: str(p.relative_to(SAMPLES)))
def test_round_trip_of_sample_outputs_is_identical(source: Path, tmp_path: Path, store) -> None:
    """JATS → model → JATS gives the same bytes for the output of every sample source."""
    for number, loaded in enumerate(read_source(source, None, ReadContext())):
        assert loaded.article is not None, loaded.problems
        first = to_jats(loaded.article, grammars=store)
        assert first.valid, first.problems
        path = tmp_path / f"{number}.xml"
        path.write_bytes(first.data)
        back = _only(path, "jats")
        assert back.warnings == []
        assert to_jats(back.article).data == first.data, loaded.name


@pytest.mark.parametrize("source", OTHER_SOURCES, ids=lambda p: p.parent.parent.name)
def test_committed_outputs_of_other_formats_are_current(source: Path, store) -> None:
    loaded = list(read_source(source, None, ReadContext()))
    assert loaded
    for item in loaded:
        assert item.article is not None, item.problems
        output = to_jats(item.article, grammars=store)
        assert output.valid, output.problems
        committed = source.parent / f"{item.stem}.xml"
        assert committed.read_bytes() == output.data, f"{committed} is stale: rerun the samples"
        assert to_jats(_only(committed, "jats").article).data == committed.read_bytes()


def test_round_trip_keeps_every_field_of_the_model(tmp_path: Path, store) -> None:
    """The fixture uses every article field: nothing is lost on the way back."""
    first = to_jats(load_article(DATA / "full" / "article.yaml"), grammars=store)
    assert first.valid, first.problems
    path = tmp_path / "full.xml"
    path.write_bytes(first.data)
    loaded = _only(path)
    assert loaded.warnings == []
    assert to_jats(loaded.article).data == first.data


def test_nlm_30_sample_upgrades_to_valid_jats_14(run, tmp_path: Path, store) -> None:
    assert detect_format(NLM) == "jats"
    result = run("convert", NLM, "-o", tmp_path)
    assert result.code == 0, result.err
    # said once for the run, not as a warning of the file
    assert "jatsconv: note: the body is not read (front matter and references only) (1 file)" in (
        result.err
    )
    out = tmp_path / "streltsov-110.xml"
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    tree = etree.parse(str(out))
    root = tree.getroot()
    assert tree.docinfo.public_id == doctype("1.4").public_id
    assert root.get("dtd-version") == "1.4"
    assert tree.xpath("//issn[@publication-format='print']/text()") == ["2658-6444"]
    assert tree.xpath("//issn[@publication-format='electronic']/text()") == ["2658-6789"]
    assert tree.xpath("//pub-date[@date-type='collection']/year/text()") == ["2018"]
    assert tree.xpath("//trans-title-group/@xml:lang") == ["ru"]
    # trans-abstract (deprecated in 1.4) becomes a repeated abstract with xml:lang
    assert [a.get(LANG) for a in tree.xpath("//abstract")] == ["en", "ru"]
    assert not tree.xpath("//trans-abstract")
    assert tree.xpath("//aff/country/@country") == ["RU"]
    # the licence URL exactly as the source writes it (no http → https rewrite)
    assert tree.xpath("//license/@xlink:href", namespaces={"xlink": XLINK_NS}) == [
        "http://creativecommons.org/licenses/by/4.0/"
    ]
    assert "Moscow’s view" in "".join(tree.xpath("//abstract[1]/p[1]//text()"))
    assert len(tree.xpath("//ref")) == 6
    assert tree.xpath("//ref[@id='B6']//element-citation/source/text()") == ["Kommersant"]
    # the day and month the reference fields have no place for stay in its text
    assert "Kommersant. 7 September 2016." in tree.xpath("string(//ref[@id='B6']//mixed-citation)")
    assert tree.xpath("//ref[@id='B1']//mixed-citation/@publication-type") == ["newspaper"]
    assert out.read_bytes() == (NLM.parent / "streltsov-110.xml").read_bytes()


def test_nlm_output_stem_drops_the_marker() -> None:
    assert output_stem(Path("a/streltsov-110.nlm.xml")) == "streltsov-110"
    assert output_stem(Path("a/old.jats.xml")) == "old"
    assert output_stem(Path("a/plain.xml")) == "plain"


def test_converting_beside_the_source_never_overwrites_it(run, tmp_path: Path, store) -> None:
    source = tmp_path / "article.xml"
    original = (SAMPLES / "russian-japanology-review/2018-1/streltsov-110.xml").read_bytes()
    source.write_bytes(original)
    result = run("convert", source)
    assert result.code == 3
    assert "would replace the source file" in result.err
    assert source.read_bytes() == original
    assert run("convert", source, "-o", tmp_path / "out").code == 0


def test_a_source_that_is_not_converted_beside_itself_is_not_removed(run, tmp_path: Path) -> None:
    """A rejected article's earlier output is removed, so that nothing stale is deposited; a
    JATS file converted beside itself is its own output's place, and a rejection (here: no
    journal metadata) deleted the user's file as "earlier output"."""
    source = tmp_path / "article.xml"
    original = b"""<article><front><article-meta><title-group><article-title>A title
</article-title></title-group></article-meta></front></article>"""
    source.write_bytes(original)
    result = run("convert", source)
    assert result.code == 3
    assert result.err.splitlines() == [
        f"{source}: journal: no journal metadata (give journal:, --journal, or put journal.yaml "
        "beside the article or up to three folders above it)"
    ]
    assert source.read_bytes() == original


NLM_23 = """\
<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD Journal Publishing DTD v2.3 20070202//EN"
 "journalpublishing.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="brief-report" xml:lang="en">
<front>
<journal-meta>
<journal-id journal-id-type="nlm-ta">Test J</journal-id>
<journal-title>Test Journal</journal-title>
<issn pub-type="epub">2658-6789</issn>
</journal-meta>
<article-meta>
<article-id pub-id-type="doi">10.5555/test.1</article-id>
<article-id pub-id-type="pmc">PMC123</article-id>
<title-group>
<article-title>Range 1&ndash;2 and <italic>in vitro</italic> &unknownent; work</article-title>
<trans-title xml:lang="ru">Проверка</trans-title>
</title-group>
<contrib-group>
<contrib contrib-type="author"><name><surname>Smith</surname><given-names>J</given-names></name>
<xref ref-type="aff" rid="a1"/><xref ref-type="corresp" rid="c1"/></contrib>
<contrib contrib-type="guest"><name><surname>Other</surname></name></contrib>
</contrib-group>
<aff id="a1">Department of Tests, Test University, Moscow</aff>
<author-notes><corresp id="c1">j@example.org</corresp></author-notes>
<pub-date pub-type="epub"><day>5</day><month>3</month><year>2007</year></pub-date>
<pub-date pub-type="ppub"><month>4</month><year>2007</year></pub-date>
<volume>3</volume><issue>2</issue><fpage>10</fpage><lpage>12</lpage>
<copyright-statement>Copyright 2007 the authors</copyright-statement>
<copyright-year>2007</copyright-year>
<abstract><sec><title>Background</title><p>Why.</p></sec><sec><title>Results</title>
<p>What, with <inline-formula>x</inline-formula>.</p></sec></abstract>
</article-meta>
</front>
<back><ref-list><ref id="r1"><citation citation-type="journal"><person-group><name>
<surname>Doe</surname> <given-names>A</given-names></name></person-group>
<article-title>Old</article-title>.
<source>Old J</source> <year>1999</year>;<volume>1</volume>:<fpage>2</fpage>.</citation></ref>
</ref-list></back>
</article>
"""


def test_nlm_23_with_dtd_entities_and_untagged_affiliation(run, tmp_path: Path, store) -> None:
    source = tmp_path / "old.nlm.xml"
    source.write_text(NLM_23, encoding="utf-8")
    loaded = _only(source)
    article = loaded.article
    assert article.article_type == "brief-report"
    assert article.title == {"en": "Range 1–2 and <i>in vitro</i> work", "ru": "Проверка"}
    assert any("unknown entity &unknownent;" in w for w in loaded.warnings)
    assert any("guest" in w for w in loaded.warnings)
    assert any("author-notes" in w for w in loaded.warnings)
    assert article.ids.other == {} and article.ids.pmcid == "PMC123"  # now a field of its own
    assert article.journal.issn.electronic == "2658-6789"
    assert article.journal.ids == {"nlm-ta": "Test J"}
    assert article.published.electronic == "2007-03-05"
    assert article.published.print == "2007-04"
    person = article.authors[0]
    assert person.corresponding and person.name["en"].surname == "Smith"
    # three parts and no country: which is the city cannot be told, so the line is kept whole
    assert article.affiliations[0].text == {"en": "Department of Tests, Test University, Moscow"}
    assert article.abstract["en"] == [
        "<b>Background</b>",
        "Why.",
        "<b>Results</b>",
        "What, with x.",
    ]
    assert article.copyright.year == 2007
    assert article.references[0].text == {"en": "Doe A Old. Old J 1999;1:2."}
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert xmllint(tmp_path / "out" / "old.xml", store.catalog).returncode == 0


HOSTILE = {
    "external entity": (
        '<?xml version="1.0"?><!DOCTYPE article [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<article dtd-version="1.4"><front><article-meta><title-group><article-title>&xxe;'
        "</article-title></title-group></article-meta></front></article>"
    ),
    "entity expansion": (
        '<?xml version="1.0"?><!DOCTYPE article [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        '<article dtd-version="1.4"><front><article-meta><title-group><article-title>&c;'
        "</article-title></title-group></article-meta></front></article>"
    ),
    "parameter entity": (
        '<?xml version="1.0"?><!DOCTYPE article [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd">'
        '%p;]><article dtd-version="1.4"/>'
    ),
}


@pytest.mark.parametrize("fmt", ["jats", "ojs", "crossref"])
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_xml_is_refused_with_one_line(run, tmp_path: Path, kind: str, fmt: str) -> None:
    """Every XML reader refuses external entities and entity expansion before reading."""
    source = tmp_path / "hostile.xml"
    source.write_text(HOSTILE[kind], encoding="utf-8")
    result = run("convert", source, "--from", fmt, "-o", tmp_path / "out")
    assert result.code == 3
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert lines == [f"{source}: line 1: {lines[0].split(': line 1: ', 1)[1]}"]
    assert "refused" in lines[0]
    assert "root:" not in result.err and "Traceback" not in result.err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_malformed_xml_gives_one_line(run, tmp_path: Path) -> None:
    source = tmp_path / "broken.xml"
    source.write_text('<article dtd-version="1.4"><front></article>', encoding="utf-8")
    result = run("convert", source, "--from", "jats", "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.strip().count("\n") == 0
    assert result.err.startswith(f"{source}: line 1: not well-formed")


def test_not_jats_is_named(run, tmp_path: Path) -> None:
    source = tmp_path / "other.xml"
    source.write_text("<html><body/></html>", encoding="utf-8")
    result = run("convert", source, "--from", "jats", "-o", tmp_path / "out")
    assert result.code == 3
    assert "no <article> element" in result.err


def test_every_reader_is_registered() -> None:
    assert {"yaml", "json", "ojs", "html", "crossref", "jats"} <= set(READERS)


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_xml_is_refused_without_from(run, tmp_path: Path, kind: str) -> None:
    """Detected, not named: a bare ``<article>`` root (no dtd-version) under a DOCTYPE of
    another name is still read as JATS, and so refused, not taken for YAML."""
    source = tmp_path / "hostile.xml"
    text = HOSTILE[kind].replace("DOCTYPE article", "DOCTYPE x")
    source.write_text(text.replace('<article dtd-version="1.4"', "<article"), encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.startswith(f"{source}: line 1: ") and "refused" in result.err
    assert "mapping" not in result.err and "Traceback" not in result.err


@pytest.mark.parametrize(
    "head",
    [
        "<article>",
        '<?xml version="1.0"?>\n<!-- an old export -->\n<article article-type="other">',
        '<?xml version="1.0"?><!DOCTYPE article SYSTEM "journalpublishing.dtd"><article>',
        "\ufeff<art:article xmlns:art='urn:x'>",
    ],
)
def test_an_article_root_is_jats(tmp_path: Path, head: str) -> None:
    source = tmp_path / "old.xml"
    source.write_text(head + "<front/></article>", encoding="utf-8")
    assert detect_format(source) == "jats"


def test_xml_no_reader_claims_is_named_with_its_root(run, tmp_path: Path) -> None:
    """An XML file of another kind gets one line naming its root and the formats read, not
    the YAML reader's "expected a mapping" (what it said before); the other files convert."""
    other = tmp_path / "collection.xml"
    other.write_text(
        '<?xml version="1.0"?>\n<!-- <article> in a comment is not the root -->\n'
        '<!DOCTYPE collection [<!ENTITY a "<article>">]>\n<collection><record/></collection>',
        encoding="utf-8",
    )
    good = tmp_path / "good.xml"
    good.write_bytes(to_jats(load_article(DATA / "full" / "article.yaml")).data)
    result = run("convert", other, good, "-o", tmp_path / "out")
    assert result.code == 3
    lines = [line for line in result.err.splitlines() if line.startswith(str(other))]
    assert lines == [
        f"{other}: XML whose root element is <collection>: not a format jatsconv reads (JATS "
        "or NLM <article>, an OJS native export, a Crossref deposit <doi_batch>, DOAJ article "
        "XML <records>); if it is one of them, name it with --from"
    ]
    assert (tmp_path / "out" / "good.xml").exists()


# Found with the publisher samples of kermitt2/Pub2TEI (Samples/TestPubInput/Elsevier, RSC, IOP):
# an <article> of a publisher's own XML was read as an empty JATS article, and the messages were
# "no front/article-meta: nothing to read" and "journal: no journal metadata".
@pytest.mark.parametrize(
    ("root", "said"),
    [
        (
            '<article xmlns="http://www.elsevier.com/xml/ja/dtd" version="5.0"><item-info/>'
            "</article>",
            "its <article> (in the namespace http://www.elsevier.com/xml/ja/dtd) has no <front>; "
            "it starts with <item-info>",
        ),
        (
            '<article dtd="RSCPA3.6" type="ART"><art-admin/></article>',
            "its <article> has no <front>; it starts with <art-admin>",
        ),
    ],
)
def test_a_publishers_own_article_xml_is_named_not_read(
    run, tmp_path: Path, root: str, said: str
) -> None:
    path = tmp_path / "own.xml"
    path.write_text('<?xml version="1.0"?>\n' + root, encoding="utf-8")
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.code == 3
    assert result.err.splitlines()[0] == (
        f"{path}: not a JATS or NLM article: {said} (a publisher's own XML, such as "
        "Elsevier's, RSC's, IOP's or Nature's, is not read)"
    )


def test_validate_names_an_article_root_in_another_namespace(run, tmp_path: Path) -> None:
    path = tmp_path / "els.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<article xmlns="http://www.elsevier.com/xml/ja/dtd"/>',
        encoding="utf-8",
    )
    result = run("validate", path)
    assert result.code == 3
    assert "its root <article> is in the namespace http://www.elsevier.com/xml/ja/dtd" in (
        result.out + result.err
    )


def test_check_and_validate_name_an_article_without_front(run, tmp_path: Path) -> None:
    path = tmp_path / "iop.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<article artid="x1"><article-metadata/></article>',
        encoding="utf-8",
    )
    for command in (("check", "--profile", "pmc"), ("validate",)):
        result = run(*command, path)
        assert result.code == 3, command
        assert "its <article> has no <front>; it starts with <article-metadata>" in (
            result.out + result.err
        ), command


def test_a_wrong_orcid_in_a_publishers_jats_is_left_out_not_the_article(tmp_path: Path) -> None:
    """A publisher's JATS (PeerJ's example, the DAI template) may hold an ORCID iD whose
    checksum fails or a placeholder: the article converts without it, and the line names it
    (the whole article was refused)."""
    source = SAMPLES / "crossref" / "2018-3" / "streltsov-6.xml"
    text = source.read_text(encoding="utf-8")
    assert "0000-0002-1825-0097" in text
    jats = tmp_path / "old.xml"
    jats.write_text(text.replace("0000-0002-1825-0097", "0000-0002-1825-0098"), encoding="utf-8")
    [loaded] = list(read_source(jats, "jats", ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.authors[0].orcid is None
    assert any(
        "<contrib-id>: checksum fails" in str(w) and "left out" in str(w) for w in loaded.warnings
    ), loaded.warnings


UKRAINIAN_REFERENCE = (
    "Євтушенко Р. І. Мовна політика незалежної України. Український історичний журнал. 2018. "
    "№ 4. С. 112–128."
)
RUSSIAN_REFERENCE = "Иванов И. И. Первая книга. М., 2018. 200 с."
UKRAINIAN_SITE = "Український інститут національної пам'яті. Офіційний сайт."


def test_a_ukrainian_reference_in_an_english_jats_article_is_filed_as_ukrainian(
    run, tmp_path: Path, store
) -> None:
    """A publisher's JATS citation that states no xml:lang is in the article's language unless
    its script says otherwise; a Cyrillic one whose letters are Ukrainian (є, і) is Ukrainian,
    not Russian, as the YAML path files it: the JATS written says xml:lang="uk" (and "ru" for
    a Russian one beside it), valid against the DTD. An element citation kept as its text is
    filed alike (it was filed under the article's language, "en")."""
    text = (SAMPLES / "crossref" / "2018-3" / "streltsov-6.xml").read_text(encoding="utf-8")
    first = text.index('<ref id="ref1">')
    end = text.index("</ref>", first)
    refs = (
        f'<ref id="ref1"><mixed-citation>{UKRAINIAN_REFERENCE}</mixed-citation></ref>'
        f'<ref id="ref1b"><mixed-citation>{RUSSIAN_REFERENCE}</mixed-citation></ref>'
        '<ref id="ref1c"><element-citation publication-type="webpage"><comment>'
        f"{UKRAINIAN_SITE}</comment></element-citation></ref>"
    )
    source = tmp_path / "publisher.xml"
    source.write_text(text[:first] + refs + text[end + len("</ref>") :], encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    out = tmp_path / "out" / "publisher.xml"
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    tree = etree.parse(str(out))
    cited = {"".join(m.itertext()): m.get(LANG) for m in tree.xpath("//ref-list//mixed-citation")}
    assert cited[UKRAINIAN_REFERENCE] == "uk"
    assert cited[RUSSIAN_REFERENCE] == "ru"
    # an element citation kept as text (its comment has no field) is filed the same way
    assert cited[UKRAINIAN_SITE] == "uk"


def test_an_article_meta_without_a_title_group_is_said_to_lack_its_title(
    run, tmp_path: Path
) -> None:
    """An NLM or JATS file whose article-meta has no title-group stopped with an internal error
    (exit 70: TypeError: 'NoneType' object is not iterable): the title is said to be missing."""
    text = NLM.read_text(encoding="utf-8")
    start, end = text.index("<title-group>"), text.index("</title-group>") + len("</title-group>")
    source = tmp_path / "untitled.xml"
    source.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run("convert", source, "-o", tmp_path / "out")
    assert result.code == 3, result.err
    assert f"{source}: title: required field is missing" in result.err.splitlines()
    assert "internal error" not in result.err
