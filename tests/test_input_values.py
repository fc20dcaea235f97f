"""Values a demanding editor types: PubMed ids, numbers and yes/no where a text goes.

Each is seen as a user sees it: the one line `convert` prints and its exit code, the JATS it
writes (checked by xmllint with the DTD catalog), and the same id read from a publisher's JATS
and a landing page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SAMPLES, xmllint
from converter.readers import ReadContext, read_source

EXIT_INPUT = 3
GOOD = """\
title: {en: A title}
doi: 10.5555/test.2020.7
authors:
  - name: {surname: Ivanova, given: Anna}
"""


def _refused(result, expected: str) -> None:
    """One line naming the file and the field, exit code 3, no traceback."""
    assert result.code == EXIT_INPUT, result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert lines[0].endswith(expected), lines
    assert "Traceback" not in result.err


# ------------------------------------------------------------------ PubMed ids


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("pmid: 12345678", '<article-id pub-id-type="pmid">12345678</article-id>'),
        ("pmid: '12345678'", '<article-id pub-id-type="pmid">12345678</article-id>'),
        ("pmid: 'PMID: 1234'", '<article-id pub-id-type="pmid">1234</article-id>'),
        ("pmcid: PMC2345678", '<article-id pub-id-type="pmcid">PMC2345678</article-id>'),
        ("pmcid: pmc2345678", '<article-id pub-id-type="pmcid">PMC2345678</article-id>'),
        ("pmcid: 'PMCID: PMC2345678'", '<article-id pub-id-type="pmcid">PMC2345678</article-id>'),
    ],
)
def test_pubmed_ids_are_written_in_their_canonical_form(
    run, write_article, tmp_path: Path, store, typed: str, written: str
) -> None:
    out = tmp_path / "out"
    result = run("convert", write_article(GOOD + f"ids: {{{typed}}}\n"), "-o", out)
    assert result.code == 0, result.err
    assert written in (out / "article.xml").read_text(encoding="utf-8")
    checked = xmllint(out / "article.xml", store.catalog)
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("pmid: 123456789", "ids.pmid: not a PubMed id (a number of at most 8 digits, as "
         "'PMID: 12345678'): '123456789'"),
        ("pmid: 0", "ids.pmid: not a PubMed id (a number of at most 8 digits, as "
         "'PMID: 12345678'): '0'"),
        ("pmid: -5", "'-5'"),
        ("pmid: 1.5", "'1.5'"),
        ("pmid: PMC2345678", "'PMC2345678'"),
        ("pmcid: 2345678", "ids.pmcid: digits alone are not a PubMed Central id: '2345678' (if "
         "it is one, write PMC2345678; a PubMed id goes in pmid)"),
        ("pmcid: PMC", "ids.pmcid: not a PubMed Central id (expected 'PMC' and digits): 'PMC'"),
        ("pmcid: PMC0123", "'PMC0123'"),
    ],
)  # fmt: skip
def test_a_pubmed_id_that_is_none_is_refused_naming_the_field(
    run, write_article, typed: str, said: str
) -> None:
    _refused(run("convert", write_article(GOOD + f"ids: {{{typed}}}\n")), said)


JATS = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN"
 "JATS-journalpublishing1-3.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"
 xml:lang="en"><front><journal-meta><journal-title-group><journal-title>Test Journal
</journal-title></journal-title-group><issn pub-type="epub">2658-6789</issn></journal-meta>
<article-meta>{ids}<title-group><article-title>A title</article-title></title-group>
<pub-date pub-type="epub"><year>2020</year></pub-date><fpage>1</fpage></article-meta></front>
</article>
"""


@pytest.mark.parametrize(
    ("ids", "pmid", "pmcid"),
    [
        # PMC's own files: the number alone, typed pmc
        ('<article-id pub-id-type="pmid">12345678</article-id>'
         '<article-id pub-id-type="pmc">2345678</article-id>', "12345678", "PMC2345678"),
        ('<article-id pub-id-type="pmcid">PMC2345678</article-id>', None, "PMC2345678"),
        ('<article-id pub-id-type="pmc">pmc2345678</article-id>', None, "PMC2345678"),
    ],
)  # fmt: skip
def test_a_publishers_jats_gives_the_same_canonical_ids(
    tmp_path: Path, ids: str, pmid: str | None, pmcid: str | None
) -> None:
    source = tmp_path / "pmc.xml"
    source.write_text(JATS.format(ids=ids), encoding="utf-8")
    [loaded] = list(read_source(source, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert (loaded.article.ids.pmid, loaded.article.ids.pmcid) == (pmid, pmcid)
    assert loaded.article.ids.other == {}


def test_a_wrong_pmid_in_a_publishers_jats_is_left_out_and_said(tmp_path: Path) -> None:
    source = tmp_path / "pmc.xml"
    source.write_text(
        JATS.format(ids='<article-id pub-id-type="pmid">PMC2345678</article-id>'), "utf-8"
    )
    [loaded] = list(read_source(source, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.ids.pmid is None
    assert any(
        "article-id pmid: not a PubMed id" in str(w) and "left out" in str(w)
        for w in loaded.warnings
    ), loaded.warnings


@pytest.mark.parametrize(("content", "pmid"), [("12345678", "12345678"), ("x12", None)])
def test_a_landing_pages_citation_pmid_is_the_articles(
    tmp_path: Path, content: str, pmid: str | None
) -> None:
    page = tmp_path / "page.html"
    text = (SAMPLES / "html" / "2018-1" / "streltsov-110.html").read_text(encoding="utf-8")
    meta = f'<meta name="citation_pmid" content="{content}"/>'
    page.write_text(text.replace("</head>", meta + "</head>", 1), encoding="utf-8")
    journal = SAMPLES / "russian-japanology-review" / "journal.yaml"
    (tmp_path / "journal.yaml").write_text(journal.read_text(encoding="utf-8"), encoding="utf-8")
    [loaded] = list(read_source(page, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    assert loaded.article.ids.pmid == pmid
    said = [str(w) for w in loaded.warnings if "citation_pmid" in str(w)]
    assert said == ([] if pmid else [said[0]]) and all("left out" in s for s in said), said


# ------------------------------------------------------------------ a value of the wrong type


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ('doi: 10\n', 'doi: 10 is a number here; quote it: doi: "10"'),
        ("doi: true\n", 'doi: true is a yes/no value here; quote it: doi: "true"'),
        ("doi: [10.5555/a, 10.5555/b]\n",
         "doi: a list here (['10.5555/a', '10.5555/b']), where one text is expected"),
        # a long value is cut with '…', as other cut values in messages (was ' ...')
        ("doi: [10.5555/aaaaaaaaaa, 10.5555/bbbbbbbbbb, 10.5555/cccccccccc, 10.5555/dddddddddd]\n",
         "doi: a list here (['10.5555/aaaaaaaaaa', '10.5555/bbbbbbbbbb', '10.5555/ccccc…), where "
         "one text is expected"),
        ("doi: {prefix: 10.5555}\n",
         "doi: a mapping here ({'prefix': '10.5555'}), where one text is expected"),
        ("ids: {edn: 12345}\n", 'ids.edn: 12345 is a number here; quote it: edn: "12345"'),
        ("title: true\n", 'title: true is a yes/no value here; quote it: title: "true"'),
        ("title: [A, B]\n", "title: a list here (['A', 'B']), where one text or a text per "
         "language is expected (title: {en: ..., ru: ...})"),
        ("keywords: [Japan, ~]\n",
         "keywords.en[1]: null (no value) here: give a text, or leave the item out"),
        ("authors:\n  -\n",
         "authors[0]: null (no value) here: give the entry's fields, or leave the item out"),
        ("authors:\n  - name: {en: ~, ru: {surname: Иванова}}\n",
         "authors[0].name.en: null (no value) here: give its fields, or leave en out"),
        ("volume: false\n", 'volume: false is a yes/no value here; quote it: volume: "false"'),
        ("ids: {other: 5}\n",
         "ids.other: 5 is a number here, where a mapping is expected (other: {key: value})"),
        ("references: [{text: A reference, authors: 5}]\n", "references[0].authors: 5 is a "
         "number here, where a list is expected (authors: [..., ...])"),
        ("authors:\n  - name: {surname: Ivanova}\n    corresponding: 2\n",
         "authors[0].corresponding: 2 is a number here: write true or false"),
        ("article_type: 7\n", "article_type: 7 is not one of the values it takes: "
         "research-article, review-article,"),
        # a text that is none of the choices, or no yes/no: not pydantic's "Input should be"
        ("article_type: Research Article\n", "article_type: 'Research Article' is not one of the "
         "values it takes (did you mean research-article?): research-article, review-article,"),
        ("authors:\n  - name: {surname: Ivanova}\n    corresponding: maybe\n",
         "authors[0].corresponding: 'maybe' here: write true or false"),
        ("published: {print: {year: 2018}}\n", "published.print: expected a date as YYYY, "
         "YYYY-MM or YYYY-MM-DD (2018-09-30), not {'year': 2018}"),
        # one text where a list goes: what an entry holds, not pydantic's "a valid list"
        ("authors: Ivanov\n", "authors: 'Ivanov' is one text here, where a list is expected "
         "(authors: [{name: ..., collab: ...}, ...])"),
        ("funding: RFBR\n", "funding: 'RFBR' is one text here, where a list is expected "
         "(funding: [{funder: ..., funder_id: ...}, ...])"),
        ("references: Ivanov I. A book. 2010.\n", "references: 'Ivanov I. A book. 2010.' is one "
         "text here, where a list is expected (references: [..., ...])"),
        ("authors:\n  - name: {surname: Ivanova}\n    credit: conceptualization, methodology\n",
         "authors[0].credit: 'conceptualization, methodology' is one text here, where a list is "
         "expected (credit: [..., ...])"),
        ("ids: {other: x}\n",
         "ids.other: 'x' is one text here, where a mapping is expected (other: {key: value})"),
        # a number where a mapping goes, not "a valid dictionary or instance of Published"
        ("published: 2018\n", "published: 2018 is a number here, where a mapping is expected "
         "(published: {electronic: ..., print: ...})"),
        ("license: 5\n", "license: 5 is a number here, where a mapping is expected (license: "
         "{id: ..., type: ...})"),
        # a text cut at its commas inside braces: one line, not a language 'Russia' and a null
        ("keywords: {en: Japan, Russia}\n", "keywords: {en: Japan, Russia} is read as en: "
         "'Japan' and a key 'Russia' with no value (in braces a comma ends a value): quote the "
         'text, en: "Japan, Russia"'),
        ("title: {en: Japan, China, Korea}\n", "title: {en: Japan, China, Korea} is read as en: "
         "'Japan' and keys 'China', 'Korea' with no value (in braces a comma ends a value): "
         'quote the text, en: "Japan, China, Korea"'),
        # one text where a mapping goes: which keys, not pydantic's "a valid dictionary"
        ("published: 03.12.2018\n", "published: '03.12.2018' is one text here, where a "
         "mapping is expected (published: {electronic: ..., print: ...})"),
        ("authors:\n  - name: Стрельцов Дмитрий Викторович\n", "authors[0].name: 'Стрельцов "
         "Дмитрий Викторович' is one text here, where a mapping is expected (name: {surname: "
         "..., given: ...})"),
        # a name per language typed as one text: the keys a language's name holds (until 4
        # December 2026 '{key: value}', which told a Russian editor nothing)
        ("authors:\n  - name: {ru: Ковалёв Пётр Семёнович}\n", "authors[0].name.ru: 'Ковалёв "
         "Пётр Семёнович' is one text here, where a mapping is expected (ru: {surname: ..., "
         "given: ...})"),
    ],
)  # fmt: skip
def test_a_value_of_the_wrong_type_is_said_with_what_to_write(
    run, write_article, typed: str, said: str
) -> None:
    field = typed.split(":")[0]
    kept = "".join(
        line + "\n"
        for line in GOOD.splitlines()
        if not line.startswith(field) and not (field == "authors" and line.startswith("  "))
    )
    result = run("convert", write_article(kept + typed))
    assert result.code == EXIT_INPUT, result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert f"article.yaml: {said}" in lines[0], lines
    assert "Input should be" not in result.err and "Traceback" not in result.err


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("copyright: {year: 99999}\n", "copyright.year: 99999 is out of range: it takes whole "
         "numbers from 1000 to 9999 (year: 2018)"),
        ("copyright: {year: 18}\n", "copyright.year: 18 is out of range: it takes whole numbers "
         "from 1000 to 9999 (year: 2018)"),
        ("copyright: {year: 2018.5}\n", "copyright.year: 2018.5 is not a whole number: it takes "
         "whole numbers from 1000 to 9999 (year: 2018)"),
        ("copyright: {year: MMXVIII}\n", "copyright.year: 'MMXVIII' here, where a whole number "
         "from 1000 to 9999 is expected (year: 2018)"),
        ("copyright: {year: true}\n", "copyright.year: true is a yes/no value here, where a "
         "whole number from 1000 to 9999 is expected (year: 2018)"),
    ],
)  # fmt: skip
def test_a_number_field_says_the_numbers_it_takes(
    run, write_article, typed: str, said: str
) -> None:
    """The copyright's year is the article model's number field (volume, issue and pages are
    text: ``volume: -1`` is written as typed, ``fpage: -1`` refused as no page)."""
    result = run("convert", write_article(GOOD + typed))
    _refused(result, said)
    assert "Input should be" not in result.err


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("1.5", "1.5 is out of range: it takes numbers from 0.5 to 0.995"),
        ("high", "'high' here, where a number from 0.5 to 0.995 is expected"),
    ],
)
def test_the_journals_number_field_says_the_numbers_it_takes(
    run, write_article, journal_file: Path, value: str, said: str
) -> None:
    with journal_file.open("a", encoding="utf-8") as journal:
        journal.write(f"reference_confidence: {value}\n")
    _refused(
        run("convert", write_article(GOOD)),
        f"journal.yaml: reference_confidence: {said} (reference_confidence: 0.9)",
    )


@pytest.mark.parametrize(
    "typed",
    [
        "volume: 6\nissue: 2\nfpage: 11\nlpage: 20\n",
        "title: 2018\n",
        "keywords: 2018\n",
        "page_range: 11\n",
        "ids: {pmid: 12345678}\n",
    ],
)
def test_numbers_that_are_plainly_text_are_taken_as_text(
    run, write_article, tmp_path: Path, typed: str
) -> None:
    kept = GOOD.replace("title: {en: A title}\n", "") if typed.startswith("title") else GOOD
    result = run("convert", write_article(kept + typed), "-o", tmp_path / "out")
    assert result.code == 0, result.err


def test_a_decimal_typed_as_a_doi_is_its_text_not_a_float(run, write_article) -> None:
    """YAML 1.1 reads 10.1234 as the float 10.1234; here it is the text typed, and the DOI
    check says what is wrong with it."""
    kept = GOOD.replace("doi: 10.5555/test.2020.7\n", "doi: 10.1230\n")
    _refused(
        run("convert", write_article(kept)),
        "doi: not a DOI (expected 10.NNNN/suffix): '10.1230'",
    )


# ------------------------------------------------------------------ a reference's group authors

REFERENCE_GROUPS = """\
references:
  - authors: [WHO, "Smith, J."]
    groups: [WHO]
    title: World malaria report
    source: Reports
"""
GROUPS = GOOD + REFERENCE_GROUPS


def test_a_reference_author_listed_among_its_groups_is_written_as_a_collab(
    run, write_article, tmp_path: Path, store
) -> None:
    """'WHO' has no word that says it is a group: listed in ``groups``, it is a <collab>, not
    a <string-name>."""
    out = tmp_path / "out"
    written = _written(run, write_article(GROUPS), out)
    assert "<collab>WHO</collab>\n<name><surname>Smith</surname>" in written
    assert xmllint(next(out.glob("*.xml")), store.catalog).returncode == 0


def test_a_group_that_is_none_of_the_authors_is_refused_naming_it(run, write_article) -> None:
    _refused(
        run("convert", write_article(GROUPS.replace("groups: [WHO]", "groups: [W.H.O.]"))),
        "references[0]: groups: 'W.H.O.' is not one of the authors",
    )


# ------------------------------------------------------------------ a key left empty


def _written(run, source: Path, out: Path) -> str:
    """The JATS ``convert`` writes of ``source``, checked to convert and to be valid."""
    result = run("convert", source, "-o", out)
    assert result.code == 0, result.err
    [written] = out.glob("*.xml")
    return written.read_text(encoding="utf-8")


EMPTY_AFFILIATION = """\
title: {en: A title}
authors:
  - name: {surname: Ivanova, given: Anna}
    affiliations: [aff1]
affiliations:
  - id: aff1
    institution: {en: Moscow State University}
"""


@pytest.mark.parametrize(
    ("empty", "absent", "not_written"),
    [
        # keys of a template an editor left empty, each way YAML writes it
        (GOOD + "subtitle:\nfunding:\nkeywords:\nreferences:\n", GOOD,
         ("<subtitle", "<funding-group", "<kwd-group", "<ref-list")),
        (GOOD + "subtitle: ~\nfunding: null\nabstract: ~\nsection:\n", GOOD,
         ("<subtitle", "<funding-group", "<abstract", "<subj-group")),
        # fields with a default of their own take it, as when absent
        (GOOD + "language:\narticle_type:\npublished:\nhistory:\nids:\nlicense:\n", GOOD,
         ("<history", "<permissions")),
        # an author's, an affiliation's and a reference's empty keys
        (GOOD.replace("Anna}\n", "Anna}\n    orcid: ~\n    email:\n    corresponding:\n"
                      "    credit:\n"), GOOD, ("<contrib-id", "<email", 'corresp="yes"', "<role")),
        (EMPTY_AFFILIATION.replace("University}\n", "University}\n    country:\n    city: ~\n"
                                   "    ror:\n"),
         EMPTY_AFFILIATION, ("<country", "<city", "<institution-id")),
        (GOOD + "references:\n  - text: A reference.\n    doi:\n    authors:\n    etal:\n",
         GOOD + "references: [A reference.]\n", ("<element-citation", "<etal")),
    ],
)  # fmt: skip
def test_a_key_left_empty_is_as_if_it_were_absent(
    run, write_article, tmp_path: Path, store, empty: str, absent: str, not_written: tuple[str]
) -> None:
    """Editors fill templates and leave what they lack empty (``subtitle:``, ``orcid: ~``):
    the article converts, and its JATS is the one written without those keys."""
    with_empty = _written(run, write_article(empty, "empty.yaml"), tmp_path / "empty")
    assert with_empty == _written(run, write_article(absent, "absent.yaml"), tmp_path / "absent")
    assert not [tag for tag in not_written if tag in with_empty], not_written
    checked = xmllint(tmp_path / "empty" / "empty.xml", store.catalog)
    assert checked.returncode == 0, checked.stderr


def test_a_json_null_is_as_if_the_key_were_absent(run, write_article, tmp_path: Path) -> None:
    author = {"name": {"surname": "Ivanova"}, "orcid": None, "affiliations": None}
    given = {"title": {"en": "A title"}, "doi": "10.5555/test.2020.7", "authors": [author]}
    nulls = {"subtitle": None, "funding": None, "keywords": None, "references": None}
    with_nulls = _written(
        run, write_article(json.dumps({**given, **nulls}), "nulls.json"), tmp_path / "nulls"
    )
    assert "<funding-group" not in with_nulls and "<kwd-group" not in with_nulls
    assert with_nulls == _written(
        run, write_article(json.dumps(given), "nulls.json"), tmp_path / "given"
    )


def test_a_journal_files_empty_keys_are_as_if_absent(
    run, write_article, journal_file: Path, tmp_path: Path
) -> None:
    article = write_article(GOOD)
    plain = _written(run, article, tmp_path / "plain")
    with journal_file.open("a", encoding="utf-8") as journal:
        journal.write(
            "abbrev_title:\nids:\npublisher:\ncrossref:\ndoaj:\nurl:\ntransliteration:\n"
            "structure_references:\nreference_confidence:\nurls:\nlanguage: ~\n"
        )
    assert _written(run, article, tmp_path / "empty") == plain


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("title:\n", "title: left empty, and title is required: give a text, or one per "
         "language (title: {en: ..., ru: ...})"),
        ("title: ~\n", "title: left empty, and title is required"),
        ("funding: [{funder: ~}]\n", "funding[0].funder: left empty, and funder is required: "
         "give a text, or one per language (funder: {en: ..., ru: ...})"),
        ("self_uri:\n  - url:\n", "self_uri[0].url: left empty, and url is required: give a "
         "text (url: ...)"),
        ("related_articles:\n  - type:\n    doi: 10.5555/other\n", "related_articles[0].type: "
         "left empty, and type is required: give one of the values it takes: corrected-article, "),
        ("custom_meta: [{name: ~, value: A value}]\n", "custom_meta[0].name: left empty, and name "
         "is required: give a text (name: ...)"),
    ],
)  # fmt: skip
def test_a_required_field_left_empty_is_refused_as_required(
    run, write_article, typed: str, said: str
) -> None:
    kept = GOOD.replace("title: {en: A title}\n", "") if typed.startswith("title") else GOOD
    result = run("convert", write_article(kept + typed))
    assert result.code == EXIT_INPUT, result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert f"article.yaml: {said}" in lines[0], lines
    assert "Input should be" not in result.err and "Traceback" not in result.err


def test_a_required_json_null_and_a_journals_are_refused_as_required(
    run, write_article, journal_file: Path
) -> None:
    source = write_article(json.dumps({"title": None, "doi": "10.5555/test.2020.7"}), "a.json")
    _refused(run("convert", source), "a.json: title: left empty, and title is required: give "
             "a text, or one per language (title: {en: ..., ru: ...})")  # fmt: skip
    with journal_file.open("a", encoding="utf-8") as journal:
        journal.write("publisher: {name: ~}\n")
    said = "journal.yaml: publisher.name: left empty, and name is required: give a text, or one "
    _refused(run("convert", write_article(GOOD)), said + "per language (name: {en: ..., ru: ...})")


@pytest.mark.parametrize("name", ['""', "{}", "{ru: ' '}"])
def test_a_journals_publisher_with_a_blank_name_is_refused_by_its_field(
    run, write_article, journal_file: Path, name: str
) -> None:
    """A publisher whose name is blank crashed DOAJ output (exit 70, IndexError) and made JATS
    output fail the DTD in the words of its own XML ('<publisher> needs a <publisher-name>'):
    it is refused by its field in the journal file, for every output."""
    with journal_file.open("a", encoding="utf-8") as journal:
        journal.write(f"publisher: {{name: {name}, location: Moscow}}\n")
    said = "journal.yaml: publisher.name: the publisher's name is empty: give it, or leave the "
    for to in ("jats", "doaj", "crossref"):
        _refused(run("convert", "--to", to, write_article(GOOD)), said + "publisher out")


@pytest.mark.parametrize("title", ['""', "{}", "{ru: ' '}"])
def test_a_journal_title_left_blank_is_refused_by_its_field(
    run, write_article, journal_file: Path, title: str
) -> None:
    """A journal file whose title is blank crashed DOAJ output (exit 70, IndexError), and JATS
    and Crossref output were written with no journal title: it is refused by its field."""
    text = journal_file.read_text(encoding="utf-8").replace("{en: Test Journal}", title)
    journal_file.write_text(text, encoding="utf-8")
    said = "journal.yaml: title: the journal's title is empty: give it, or one per language"
    for to in ("jats", "doaj", "crossref"):
        _refused(
            run("convert", "--to", to, write_article(GOOD)), said + " (title: {en: ..., ru: ...})"
        )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("collab: {ru: ' '}", "authors[0].collab: the group's name is empty: give it, or leave "
         "the contributor out"),
        ("collab: ''", "authors[0].collab: the group's name is empty"),
        ("name: {}", "authors[0].name: the name is empty: give surname and given, or leave the "
         "contributor out"),
    ],
)  # fmt: skip
def test_a_contributor_with_a_blank_name_is_refused_by_its_field(
    run, write_article, typed: str, said: str
) -> None:
    """An author whose group name is blank, or whose name is an empty mapping, crashed Crossref
    and DOAJ output (exit 70, IndexError) and left an empty name in the JATS: it is refused by
    its field, for every output."""
    source = write_article(
        GOOD.replace("  - name: {surname: Ivanova, given: Anna}", f"  - {typed}")
    )
    for to in ("jats", "crossref", "doaj"):
        result = run("convert", "--to", to, source)
        assert result.code == EXIT_INPUT, result.err
        assert f"article.yaml: {said}" in result.err.splitlines()[0], result.err


def test_a_reference_typed_without_a_language_is_filed_by_its_script(
    run, write_article, tmp_path: Path
) -> None:
    """In a Russian article, an English work typed as a plain text is English (``xml:lang="en"``),
    as the OJS reader files a citation; a Russian one stays Russian."""
    out = tmp_path / "out"
    written = _written(
        run,
        write_article(
            "language: ru\n"
            + GOOD.replace("title: {en: A title}", "title: {ru: Статья, en: A title}")
            + "references:\n"
            "  - 'Calder K. E. Pacific Alliance. New Haven: Yale University Press, 2009. 352 p.'\n"
            "  - 'Кистанов В. О. Япония в мировой политике. М.: Наука, 2016. 320 с.'\n"
        ),
        out,
    )
    assert 'xml:lang="en">Calder K. E. Pacific Alliance' in written
    assert 'xml:lang="ru">Кистанов В. О.' in written
