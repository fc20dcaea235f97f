"""What the JATS output carries, checked on the samples, and checked by xmllint too."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import BILINGUAL, SAMPLES, SEED, xmllint
from converter import Options, load_article, render, to_jats
from converter.countries import localized_country_name
from converter.preview import preview_jats
from converter.readers import ReadContext, read_source
from converter.writers.jats import doctype

NS = {
    "xlink": "http://www.w3.org/1999/xlink",
    "ali": "http://www.niso.org/schemas/ali/1.0/",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _convert(run, source: Path, out: Path, *options: str) -> etree._ElementTree:
    result = run("convert", source, "-o", out, *options)
    assert result.code == 0, result.err
    path = out / (source.stem + ".xml")
    return etree.parse(str(path))


def _text(tree: etree._ElementTree, xpath: str) -> list[str]:
    return [
        "".join(node.itertext()) if isinstance(node, etree._Element) else str(node)
        for node in tree.xpath(xpath, namespaces=NS)
    ]


def test_seed_sample_carries_every_fact(run, tmp_path: Path, store) -> None:
    tree = _convert(run, SEED, tmp_path)
    root = tree.getroot()
    assert tree.docinfo.public_id == doctype("1.4").public_id
    assert root.get("dtd-version") == "1.4"
    assert _text(tree, "//journal-meta/journal-title-group/journal-title") == [
        "Russian Japanology Review"
    ]
    assert _text(tree, "//issn[@publication-format='print']") == ["2658-6444"]
    assert _text(tree, "//issn[@publication-format='electronic']") == ["2658-6789"]
    assert _text(tree, "//article-meta/title-group/article-title") == [
        "Russian-Japanese relations: Systemic crisis or new opportunities?"
    ]
    assert _text(tree, "//contrib[@contrib-type='author']//surname") == ["Streltsov"]
    rid = tree.xpath("//contrib/xref[@ref-type='aff']/@rid")[0]
    assert tree.xpath(f"//aff[@id='{rid}']/country/@country") == ["RU"]
    assert _text(tree, "//article-meta/volume") == ["1"]
    assert _text(tree, "//article-meta/issue") == ["1"]
    assert _text(tree, "//article-meta/fpage") == ["110"]
    assert _text(tree, "//article-meta/lpage") == ["119"]
    assert _text(tree, "//article-meta/pub-date/year") == ["2018"]
    cc_by = "https://creativecommons.org/licenses/by/4.0/"
    assert tree.xpath("//license/@xlink:href", namespaces=NS) == [cc_by]
    assert _text(tree, "//license/ali:license_ref") == [cc_by]
    assert "Attribution 4.0" in _text(tree, "//license/license-p")[0]
    assert len(tree.xpath("//article-meta/abstract/p")) == 2
    assert len(tree.xpath("//back/ref-list/ref")) == 6
    assert "Rossiyskaya Gazeta" in _text(tree, "//ref[@id='ref1']//mixed-citation")[0]


@pytest.mark.parametrize("version", ["1.4", "1.3"])
def test_bilingual_sample_in_both_versions(run, tmp_path: Path, version: str, store) -> None:
    tree = _convert(run, BILINGUAL, tmp_path, "--jats-version", version)
    root = tree.getroot()
    assert root.get("dtd-version") == version
    assert root.get(LANG) == "ru"
    assert tree.docinfo.public_id == doctype(version).public_id
    assert tree.docinfo.system_url == doctype(version).system_id
    for prefix in ("xlink", "ali"):
        assert root.nsmap[prefix] == NS[prefix]
    assert root.nsmap["mml"] == "http://www.w3.org/1998/Math/MathML"
    # names in two scripts
    names = tree.xpath("//contrib/name-alternatives/name")
    assert [(n.get(LANG), n.get("name-style")) for n in names] == [
        ("ru", "eastern"),
        ("en", "western"),
    ]
    assert _text(tree, "//name[@xml:lang='ru']/surname") == ["Стрельцов"]
    assert _text(tree, "//name[@xml:lang='en']/surname") == ["Streltsov"]
    # references in two languages
    alternatives = tree.xpath("//ref/citation-alternatives")
    assert len(alternatives) == 6
    assert [c.get(LANG) for c in alternatives[0].iter("mixed-citation")] == ["ru", "en"]
    # translated title
    assert _text(tree, "//title-group/trans-title-group[@xml:lang='en']/trans-title") == [
        "Russian-Japanese relations: systemic crisis or new opportunities?"
    ]
    assert tree.xpath("//aff-alternatives/aff/@xml:lang", namespaces=NS) == ["ru", "en"]
    assert _text(tree, "//aff[@xml:lang='ru']/country") == ["Российская Федерация"]
    if version == "1.3":
        assert tree.xpath("//article-meta/abstract/@xml:lang", namespaces=NS) == ["ru"]
        assert tree.xpath("//trans-abstract/@xml:lang", namespaces=NS) == ["en"]
    else:
        assert not tree.xpath("//trans-abstract")
        assert tree.xpath("//article-meta/abstract/@xml:lang", namespaces=NS) == ["ru", "en"]
    assert tree.xpath("//kwd-group/@xml:lang", namespaces=NS) == ["ru", "en"]
    assert _text(tree, "//article-id[@pub-id-type='doi']") == ["10.5555/jsr.2018.3.6"]
    assert tree.xpath("//history/date/@date-type") == ["received", "rev-recd", "accepted"]
    role = tree.xpath("//contrib/role")[0]
    assert role.get("vocab-term-identifier").endswith("/conceptualization/")


@pytest.mark.parametrize("version", ["1.4", "1.3"])
@pytest.mark.parametrize("tag_set", ["publishing", "archiving"])
@pytest.mark.parametrize("source", [SEED, BILINGUAL], ids=["seed", "bilingual"])
def test_outputs_pass_xmllint(run, tmp_path, store, version, tag_set, source) -> None:
    tree = _convert(run, source, tmp_path, "--jats-version", version, "--tag-set", tag_set)
    assert tree.docinfo.public_id == doctype(version, tag_set).public_id
    check = xmllint(tmp_path / (source.stem + ".xml"), store.catalog)
    assert check.returncode == 0, check.stderr


def test_output_is_deterministic_and_committed_samples_are_current(store) -> None:
    for source in sorted(SAMPLES.glob("*/*/*.yaml")):
        first = to_jats(load_article(source), grammars=store)
        second = to_jats(load_article(source), grammars=store)
        assert first.valid, first.problems
        assert first.data == second.data
        committed = source.with_suffix(".xml")
        assert committed.read_bytes() == first.data, f"{committed} is stale: rerun the samples"


def test_output_is_indented(store) -> None:
    lines = SEED.with_suffix(".xml").read_text(encoding="utf-8").splitlines()
    assert lines[0] == '<?xml version="1.0" encoding="UTF-8"?>'
    assert "  <front>" in lines
    assert "      <volume>1</volume>" in lines


def test_structured_reference_and_links(run, write_article, tmp_path: Path, store) -> None:
    article = write_article(
        """\
title: {en: Links}
references:
  - text: "Smith J. Paper. J Test. 2020;1:2-3. doi:10.1000/xyz123. https://example.org/a?b=1."
    type: journal
    authors: [Smith J., "Brown, A. B."]
    year: 2020
    title: Paper
    source: J Test
    volume: 1
    fpage: 2
    lpage: 3
    doi: 10.1000/xyz123
    accessed: 2021-05-04
"""
    )
    tree = _convert(run, article, tmp_path / "o")
    mixed = tree.xpath("//mixed-citation")[0]
    assert _text(tree, "//mixed-citation/pub-id[@pub-id-type='doi']") == ["10.1000/xyz123"]
    assert tree.xpath("//mixed-citation/ext-link/@xlink:href", namespaces=NS) == [
        "https://example.org/a?b=1"
    ]
    assert "".join(mixed.itertext()).endswith("https://example.org/a?b=1.")
    element = tree.xpath("//element-citation[@publication-type='journal']")[0]
    assert element.xpath("person-group/name/surname/text()") == ["Smith", "Brown"]
    assert element.xpath("person-group/name/given-names/text()") == ["J.", "A. B."]
    assert element.xpath("date-in-citation/@iso-8601-date") == ["2021-05-04"]


def test_a_journal_without_issn_in_archiving_gets_no_empty_journal_id(
    run, tmp_path: Path, store
) -> None:
    """A journal with no ISSN converts with --tag-set archiving (Archiving requires neither);
    the ISSN that stands in as journal-id was written empty: <journal-id …></journal-id>."""
    source = tmp_path / "a.yaml"
    source.write_text(
        "journal:\n  title: {en: A Journal}\ntitle: {en: A title}\n"
        "authors: [{name: {surname: Ivanova, given: Anna}}]\n",
        encoding="utf-8",
    )
    tree = _convert(run, source, tmp_path, "--tag-set", "archiving")
    assert tree.xpath("//journal-meta/journal-id") == []
    assert _text(tree, "//journal-title") == ["A Journal"]
    check = xmllint(tmp_path / "a.xml", store.catalog)
    assert check.returncode == 0, check.stderr


NUMBERED = """\
title: {en: Numbered}
references:
  - "1. Smith J, Brown K. A title of a paper. J Things. 2020;1:1-2."
  - "2) Jones L. Another paper. J Things. 2019;5:10-20."
  - text:
      ru: "[3] Иванов И.И. История Японии. М.: Наука, 1988. 300 с."
      en: "3) Ivanov I.I. Istoriya Yaponii [History of Japan]. Moscow, Nauka Publ., 1988. 300 p."
"""


def test_a_numbered_reference_list_writes_its_numbers_as_labels(
    write_article, tmp_path: Path, store
) -> None:
    """List numbers typed at the head of every reference become <label>, out of the texts
    (mixed-citation and the parsed parts); the output is valid (xmllint with the catalog too)
    and reads back with the same labels and texts. The two forms of a reference may write
    its number each in its own way: the first form's is the label."""
    article = load_article(write_article(NUMBERED))
    assert [r.label for r in article.references] == ["1.", "2)", "[3]"]
    assert article.references[2].text == {
        "ru": "Иванов И.И. История Японии. М.: Наука, 1988. 300 с.",
        "en": "Ivanov I.I. Istoriya Yaponii [History of Japan]. Moscow, Nauka Publ., 1988. 300 p.",
    }
    output = to_jats(article, grammars=store)
    assert output.valid, output.problems
    out = tmp_path / "numbered.xml"
    out.write_bytes(output.data)
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    tree = etree.fromstring(output.data)
    assert tree.xpath("//ref/label/text()") == ["1.", "2)", "[3]"]
    assert [m.text[:6] for m in tree.iter("mixed-citation")][:2] == ["Smith ", "Jones "]
    assert tree.xpath("//ref[@id='ref1']//element-citation//surname/text()") == ["Smith", "Brown"]
    [back] = list(read_source(out, "jats", ReadContext()))
    assert back.article is not None, back.problems
    assert [r.label for r in back.article.references] == ["1.", "2)", "[3]"]
    assert to_jats(back.article).data == output.data


@pytest.mark.parametrize(
    "references",
    [
        ["1. Smith J. A paper. 2020.", "Brown K. Another. 2019."],  # not every one numbered
        ["2. Smith J. A paper. 2020.", "3. Brown K. Another. 2019."],  # not from 1
        ["1. Smith J. A paper. 2020.", "3. Brown K. Another. 2019."],  # a gap
        ["2019. Smith J. A paper.", "2020. Brown K. Another."],  # years, not numbers
        ["100. Jahre Physik. Berlin, 2001."],  # one reference numbered other than 1
    ],
)
def test_numbers_that_are_not_the_lists_stay_in_the_text(write_article, references) -> None:
    lines = "".join(f'  - "{text}"\n' for text in references)
    article = load_article(write_article("title: {en: Kept}\nreferences:\n" + lines))
    assert [r.text["en"] for r in article.references] == references
    assert all(r.label is None for r in article.references)


STATE_ARTICLE = """\
title: {en: A state}
authors:
  - name: {surname: Smith, given: Jane}
    affiliations: [aff1, aff2]
affiliations:
  - id: aff1
    institution: {en: Boston University}
    city: {en: Boston}
    state: {en: MA}
    country: US
  - id: aff2
    institution: {pt: Universidade Federal de Minas Gerais, en: Federal University of Minas Gerais}
    city: {pt: Belo Horizonte, en: Belo Horizonte}
    state: {pt: MG, en: MG}
    country: BR
"""


@pytest.mark.parametrize("version", ["1.4", "1.3"])
def test_an_affiliations_state_is_written_in_the_published_lines_order(
    run, write_article, tmp_path: Path, store, version: str
) -> None:
    """``state`` is ``<state>`` between the city and the country ('Boston, MA, United States'),
    valid against the DTD, in each language form, and read back from the JATS unchanged."""
    article = write_article(STATE_ARTICLE)
    out = tmp_path / "o"
    tree = _convert(run, article, out, "--jats-version", version)
    check = xmllint(out / "article.xml", store.catalog)
    assert check.returncode == 0, check.stderr
    [first] = tree.xpath("//aff[@id='aff1']")
    assert [child.tag for child in first] == [
        "label",
        "institution-wrap",
        "city",
        "state",
        "country",
    ]
    assert "".join(first.itertext()) == "1Boston University, Boston, MA, United States"
    assert _text(tree, "//aff-alternatives/aff/state") == ["MG", "MG"]
    assert tree.xpath("//aff-alternatives/aff/country/@country") == ["BR", "BR"]
    # JATS to JATS: the state comes back as the state
    [loaded] = list(read_source(out / "article.xml", "jats", ReadContext()))
    assert loaded.article is not None, loaded.problems
    first_aff, second_aff = loaded.article.affiliations
    assert (first_aff.state, first_aff.country, first_aff.text) == ({"en": "MA"}, "US", None)
    assert second_aff.state == {"pt": "MG", "en": "MG"}
    again = to_jats(loaded.article, version=version)  # type: ignore[arg-type]
    assert again.data == (out / "article.xml").read_bytes()


POSTAL_ARTICLE = """\
title: {en: A postal code}
authors:
  - name: {surname: Smith, given: Jane}
    affiliations: [aff1, aff2, aff3]
affiliations:
  - id: aff1
    institution: {en: Boston University}
    city: {en: Boston}
    state: {en: MA}
    postal_code: 02115
    country: US
  - id: aff2
    institution:
      pt: Universidade Federal do Rio Grande do Sul
      en: Federal University of Rio Grande do Sul
    city: {pt: Porto Alegre, en: Porto Alegre}
    state: {pt: RS, en: RS}
    postal_code: 90650-001
    country: BR
  - id: aff3
    institution: {en: Lomonosov Moscow State University}
    city: {en: Moscow}
    postal_code: 119991
    country: RU
"""


@pytest.mark.parametrize("version", ["1.4", "1.3"])
def test_an_affiliations_postal_code_follows_its_state_or_city(
    run, write_article, tmp_path: Path, store, version: str
) -> None:
    """``postal_code`` is ``<postal-code>`` after the state, or the city where there is no
    state ('Boston, MA 02115, United States', 'Moscow 119991, …'), the same code in each
    language form, valid against the DTD, and read back from the JATS unchanged (a leading
    zero kept: '02115' typed without quotes is text)."""
    article = write_article(POSTAL_ARTICLE)
    out = tmp_path / "o"
    tree = _convert(run, article, out, "--jats-version", version)
    check = xmllint(out / "article.xml", store.catalog)
    assert check.returncode == 0, check.stderr
    [first] = tree.xpath("//aff[@id='aff1']")
    assert [child.tag for child in first][2:] == ["city", "state", "postal-code", "country"]
    assert "".join(first.itertext()) == "1Boston University, Boston, MA 02115, United States"
    assert _text(tree, "//aff-alternatives/aff/postal-code") == ["90650-001", "90650-001"]
    [third] = tree.xpath("//aff[@id='aff3']")
    assert "".join(third.itertext()).startswith("3Lomonosov Moscow State University, Moscow 119991")
    # JATS to JATS: the postal code comes back as the postal code
    [loaded] = list(read_source(out / "article.xml", "jats", ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert [aff.postal_code for aff in loaded.article.affiliations] == [
        "02115",
        "90650-001",
        "119991",
    ]
    assert all(aff.text is None for aff in loaded.article.affiliations)
    again = to_jats(loaded.article, version=version)  # type: ignore[arg-type]
    assert again.data == (out / "article.xml").read_bytes()


TEXT_AFF_ARTICLE = """\
title: {en: A line of text}
published: {electronic: 2020-01-15}
url: https://example.org/a
authors:
  - name: {surname: Streltsov, given: Dmitry}
    affiliations: [aff1]
affiliations:
  - id: aff1
    text: {en: "MGIMO University, Moscow"}
    postal_code: 119454
    country: RU
"""


def test_an_affiliation_line_of_text_comes_before_its_postal_code_and_country(
    run, write_article, tmp_path: Path, store
) -> None:
    """An affiliation given as a line of text with a postal code and a country reads as the
    address is published, text first: 'MGIMO University, Moscow, 119454, Russian Federation', not
    '119454, MGIMO University, …' (until 4 December 2026 the tagged parts came first), the
    order the DOAJ record (and Crossref's deposit, by the same helper) names it in."""
    article = write_article(TEXT_AFF_ARTICLE)
    out = tmp_path / "o"
    tree = _convert(run, article, out)
    check = xmllint(out / "article.xml", store.catalog)
    assert check.returncode == 0, check.stderr
    [aff] = tree.xpath("//aff[@id='aff1']")
    assert "".join(aff.itertext()) == "MGIMO University, Moscow, 119454, Russian Federation"
    assert [child.tag for child in aff] == ["postal-code", "country"]
    loaded = load_article(article)
    doaj = render(loaded, Options(target="doaj")).data.decode()
    assert ">MGIMO University, Moscow, 119454, Russian Federation</affiliationName>" in doaj


def test_two_forms_with_different_postal_codes_are_said(tmp_path: Path) -> None:
    """The model holds one postal code for every language form: a form giving another is
    named, not dropped without a word."""
    path = tmp_path / "a.xml"
    path.write_text(
        '<article xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="en"><front>'
        "<journal-meta><journal-title-group><journal-title>J</journal-title>"
        "</journal-title-group></journal-meta><article-meta><title-group>"
        "<article-title>T</article-title></title-group><contrib-group>"
        '<contrib contrib-type="author"><name><surname>Roe</surname></name>'
        '<xref ref-type="aff" rid="aff1"/></contrib></contrib-group>'
        '<aff-alternatives id="aff1">'
        '<aff xml:lang="en"><institution>Moscow University</institution>, <city>Moscow</city> '
        '<postal-code>119991</postal-code>, <country country="RU">Russia</country></aff>'
        '<aff xml:lang="ru"><institution>Московский университет</institution>, '
        "<city>Москва</city> <postal-code>119992</postal-code>, "
        '<country country="RU">Россия</country></aff>'
        "</aff-alternatives></article-meta></front></article>",
        encoding="utf-8",
    )
    [loaded] = list(read_source(path, "jats", ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.affiliations[0].postal_code == "119991"
    assert (
        "affiliation 'aff1': its ru form's postal code '119992' is not the other form's "
        "'119991': left out"
    ) in loaded.warnings


def test_a_department_without_an_institution_is_written(
    run, write_article, tmp_path: Path, store
) -> None:
    """An affiliation of a department, a state and a country and no institution keeps its
    department in JATS, valid against the DTD (it was left out without a word, where
    Crossref's and DOAJ's outputs kept it)."""
    article = write_article(
        "title: {en: A department}\n"
        "authors:\n"
        "  - name: {surname: Smith, given: Jane}\n"
        "    affiliations: [aff1]\n"
        "affiliations:\n"
        "  - id: aff1\n"
        "    department: {en: Department of Physics}\n"
        "    state: {en: Bavaria}\n"
        "    country: DE\n"
    )
    out = tmp_path / "o"
    tree = _convert(run, article, out)
    check = xmllint(out / "article.xml", store.catalog)
    assert check.returncode == 0, check.stderr
    assert _text(tree, "//aff[@id='aff1']") == ["Department of Physics, Bavaria, Germany"]
    assert _text(tree, "//aff/institution[@content-type='dept']") == ["Department of Physics"]


# Each named part of an affiliation: its YAML in two languages, its English, its Russian.
_AFF_NAMED = {
    "department": ("Department of Physics", "Кафедра физики"),
    "institution": ("Harvard University", "Гарвардский университет"),
    "text": ("Lyman Laboratory", "Лаборатория Лаймана"),
}
_AFF_PLACES = ("none", "city", "full", "code")  # city and country; city, state, code, country …


def _aff_combinations() -> list[tuple[str, ...]]:
    """Every affiliation the model holds of institution ± department ± ROR ± text ± place."""
    found = []
    for bits in range(16):
        kinds = ("institution", "department", "ror", "text")
        parts = tuple(name for index, name in enumerate(kinds) if bits >> index & 1)
        for place in _AFF_PLACES:
            if "institution" in parts or "text" in parts or place != "none":
                found.append((*parts, place))
    return found


def _aff_yaml(aff_id: str, combination: tuple[str, ...], langs: list[str]) -> str:
    lines = [f"  - id: {aff_id}"]
    for key, names in _AFF_NAMED.items():
        if key in combination:
            given = ", ".join(f"{lang}: {names[langs.index(lang)]}" for lang in langs)
            lines.append(f"    {key}: {{{given}}}")
    if "ror" in combination:
        lines.append("    ror: https://ror.org/03vek6s52")
    place = combination[-1]
    if place in ("city", "full"):
        cities = {"en": "Cambridge", "ru": "Кембридж"}
        lines.append("    city: {" + ", ".join(f"{lang}: {cities[lang]}" for lang in langs) + "}")
    if place == "full":
        lines.append("    state: {" + ", ".join(f"{lang}: MA" for lang in langs) + "}")
    if place in ("full", "code"):
        lines.append("    postal_code: '02138'")
    if place != "none":
        lines.append("    country: US")
    return "\n".join(lines) + "\n"


def _aff_line(combination: tuple[str, ...], lang: str) -> str:
    """The affiliation's line as published, built apart from the template."""
    column = 0 if lang == "en" else 1
    order = ("department", "institution", "text")
    named = [_AFF_NAMED[key][column] for key in order if key in combination]
    place = combination[-1]
    if place in ("city", "full"):
        named.append("Cambridge" if lang == "en" else "Кембридж")
    if place == "full":
        named.append("MA 02138")
    if place == "code":
        named.append("02138")
    if place != "none":
        named.append(localized_country_name("US", lang))
    return ", ".join(named)


def _shown_lines(root: etree._Element) -> dict[str, list[str]]:
    """Each affiliation's lines as renderers show them: its text without the label and the
    institution ids."""
    found: dict[str, list[str]] = {}
    for aff in root.iter("aff"):
        shown = etree.fromstring(etree.tostring(aff))
        for hidden in [*shown.iter("label"), *shown.iter("institution-id")]:
            parent, before = hidden.getparent(), hidden.getprevious()
            if before is None:
                parent.text = (parent.text or "") + (hidden.tail or "")
            else:
                before.tail = (before.tail or "") + (hidden.tail or "")
            parent.remove(hidden)
        owner = aff.get("id") or aff.getparent().get("id")
        found.setdefault(owner, []).append("".join(shown.itertext()))
    return found


@pytest.mark.parametrize("version", ["1.4", "1.3"])
def test_every_affiliation_reads_as_its_published_line(
    run, write_article, tmp_path: Path, store, version: str
) -> None:
    """An <aff>'s text as it stands, as PMC and JATS renderers show it (no label and no
    <institution-id>, which JATS lets stand only in an institution-wrap beside the name, where
    nothing can set it apart), is the affiliation's published line for every combination of
    institution, department, ROR id, text and place, in one language and in two: 'Department of
    Physics, Harvard University, Cambridge, MA 02138, United States' (until 4 December 2026 the
    department and the institution ran together in one institution-wrap, 'Harvard
    UniversityDepartment of Physics', and a ROR id with no institution was followed by a comma
    that showed before the line). Valid against the DTD, read back from JATS to the same parts,
    and the preview shows the same line, the id a link beside it."""
    combinations = _aff_combinations()
    ids = [f"aff{n}" for n in range(1, 2 * len(combinations) + 1)]
    yaml = (
        "title: {en: Affiliations, ru: Аффилиации}\nauthors:\n"
        f"  - name: {{surname: Smith, given: Jane}}\n    affiliations: [{', '.join(ids)}]\n"
        "affiliations:\n"
    )
    expected: dict[str, list[str]] = {}
    for number, (aff_id, combination) in enumerate(zip(ids, combinations * 2, strict=True), 1):
        # a form per language of its names and city (a postal code and a country alone: one)
        worded = set(combination) & {*_AFF_NAMED, "city", "full"}
        langs = ["en", "ru"] if number <= len(combinations) and worded else ["en"]
        yaml += _aff_yaml(aff_id, combination, langs)
        expected[aff_id] = [_aff_line(combination, lang) for lang in langs]
    out = tmp_path / "o"
    article = write_article(yaml)
    tree = _convert(run, article, out, "--jats-version", version)
    check = xmllint(out / "article.xml", store.catalog)
    assert check.returncode == 0, check.stderr
    assert _shown_lines(tree.getroot()) == expected
    # JATS to JATS: the same parts and the same lines. Two kinds come back as the same line in
    # other parts, as the reader takes any such file: a department alone is the institution
    # (JATSParser's lone department), and a line of text beside tagged parts is the whole line
    # as text (the tags do not place it).
    [loaded] = list(read_source(out / "article.xml", "jats", ReadContext()))
    assert loaded.article is not None, loaded.problems
    given = load_article(article).affiliations
    read = loaded.article.affiliations
    for before, after, combination in zip(given, read, combinations * 2, strict=True):
        assert after.ror == before.ror, before.id
        if "text" in combination or {"department", "institution"} & set(combination) == {
            "department"
        }:
            continue
        assert after.model_dump(exclude={"country_name"}) == before.model_dump(
            exclude={"country_name"}
        ), before.id
    again = to_jats(loaded.article, version=version)  # type: ignore[arg-type]
    assert _shown_lines(etree.fromstring(again.data)) == expected
    # the preview shows the same line; a ROR id is a link beside it
    [page] = preview_jats((out / "article.xml").read_bytes(), "article.xml")
    forms = lxml.html.fromstring(page.html).xpath("//ol[@class='affs']/li/span[@class='form']")
    shown = []
    for form in forms:
        for extra in form.xpath("span[@class='aff-id' or @class='lang']"):
            extra.drop_tree()
        shown.append(" ".join(form.text_content().split()))
    assert shown == [line for aff_id in ids for line in expected[aff_id]]


def test_a_line_read_from_tagged_parts_keeps_a_postal_code_after_its_state(
    tmp_path: Path,
) -> None:
    """An affiliation read whole as its line (free text beside its tags) keeps the space that
    sets a postal code after its state or city, 'Cambridge, MA 02138, United States', as the
    JATS writer puts it; the reader put a comma there ('MA, 02138'), so the line written back
    was not the one read."""
    path = tmp_path / "a.xml"
    path.write_text(
        '<article xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="en"><front>'
        "<journal-meta><journal-title-group><journal-title>J</journal-title>"
        "</journal-title-group></journal-meta><article-meta><title-group>"
        "<article-title>T</article-title></title-group><contrib-group>"
        '<contrib contrib-type="author"><name><surname>Roe</surname></name>'
        '<xref ref-type="aff" rid="aff1"/></contrib></contrib-group>'
        '<aff id="aff1"><institution content-type="dept">Department of Physics</institution>, '
        "Lyman Laboratory, <city>Cambridge</city>, <state>MA</state> "
        '<postal-code>02138</postal-code>, <country country="US">United States</country></aff>'
        "</article-meta></front></article>",
        encoding="utf-8",
    )
    [loaded] = list(read_source(path, "jats", ReadContext()))
    assert loaded.article is not None, loaded.problems
    [aff] = loaded.article.affiliations
    line = "Department of Physics, Lyman Laboratory, Cambridge, MA 02138, United States"
    assert aff.text == {"en": line}
