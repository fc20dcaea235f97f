"""Crossref deposit XML, DOAJ article XML and Highwire meta tags.

Every sample with a DOI is converted to Crossref and DOAJ XML and validated against the
services' own schemas, kept outside the repository in ``../shared/external/`` and loaded once
per test session.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from conftest import BILINGUAL, EXTERNAL, SAMPLES, SEED
from converter.api import render
from converter.options import Options
from converter.readers.native import load_article
from converter.writers import SUFFIXES, WRITERS
from converter.writers.crossref import next_timestamp
from converter.writers.doaj import iso639_2b
from converter.xsd import schema_problems

CR = "{http://www.crossref.org/schema/5.3.1}"


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Timestamps and config come from the test's own folders, never the user's."""
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("JATSCONV_CROSSREF_SCHEMA", raising=False)
    monkeypatch.delenv("JATSCONV_DOAJ_SCHEMA", raising=False)


def _samples_with_doi() -> list[Path]:
    found = []
    for path in sorted(SAMPLES.glob("*/*/*.yaml")):
        if load_article(path).doi:
            found.append(path)
    return found


def _render(path: Path, target: str):
    return render(load_article(path), Options(target=target), path.name)


def test_registered() -> None:
    for name, suffix in (
        ("crossref", ".crossref.xml"),
        ("doaj", ".doaj.xml"),
        ("meta-tags", ".meta.html"),
    ):
        assert name in WRITERS and SUFFIXES[name] == suffix


def test_some_sample_has_a_doi() -> None:
    assert BILINGUAL in _samples_with_doi()


@pytest.mark.parametrize("sample", _samples_with_doi(), ids=lambda p: p.name)
def test_sample_crossref_validates(sample: Path, crossref_xsd: etree.XMLSchema) -> None:
    output = _render(sample, "crossref")
    assert output.valid, output.problems
    assert schema_problems(crossref_xsd, output.data, sample.name) == []


@pytest.mark.parametrize("sample", _samples_with_doi(), ids=lambda p: p.name)
def test_sample_doaj_validates(sample: Path, doaj_xsd: etree.XMLSchema) -> None:
    output = _render(sample, "doaj")
    assert output.valid, output.problems
    assert schema_problems(doaj_xsd, output.data, sample.name) == []


def test_schema_catches_errors(crossref_xsd: etree.XMLSchema, doaj_xsd: etree.XMLSchema) -> None:
    data = _render(BILINGUAL, "crossref").data.replace(b"<surname>", b"<surname_x>", 1)
    data = data.replace(b"</surname>", b"</surname_x>", 1)
    problems = schema_problems(crossref_xsd, data, "x.xml")
    assert problems and "surname_x" in problems[0].message
    data = _render(BILINGUAL, "doaj").data.replace(b"<language>rus", b"<language>xyz")
    assert schema_problems(doaj_xsd, data, "x.xml")


# ------------------------------------------------------------------ Crossref content

FULL_ARTICLE = """
language: ru
title: {ru: "Заголовок <i>статьи</i>", en: "Title of the <i>article</i>"}
doi: 10.5555/test.2020.1
url: https://journal.example.org/article/1
volume: 3
issue: 2
elocation_id: e101
published: {electronic: 2020-03-04, collection: 2020-03}
history: {received: 2020-01-01, accepted: 2020-02-02}
authors:
  - name:
      ru: {surname: Иванов, given: Иван Иванович}
      en: {surname: Ivanov, given: Ivan I.}
    orcid: 0000-0002-1825-0097
    affiliations:
      - institution: {en: Example University}
        city: {en: Moscow}
        country: RU
        ror: https://ror.org/05qrfxd25
  - name: {surname: Smith, given: Jane}
    affiliations: [aff1]
  - name: {given: Plato}
  - collab: {en: The Consortium}
abstract: {ru: "Первый абзац.", en: "First paragraph with <b>bold</b>.\\n\\nSecond one."}
keywords: {ru: [один, два], en: [one, two]}
funding:
  - funder: {en: Russian Science Foundation}
    funder_id: 10.13039/501100006769
    awards: [18-18-00063]
license: CC-BY-4.0
references:
  - "Plain reference text"
  - text: "Smith J. Paper. J Test. 2020;1:2-3."
    type: journal
    authors: [Smith J.]
    year: 2020
    title: Paper
    source: J Test
    volume: 1
    fpage: 2
    doi: 10.1000/xyz123
"""


@pytest.fixture
def full_article(write_article, journal_file: Path) -> Path:
    journal_file.write_text(
        journal_file.read_text(encoding="utf-8")
        + "crossref:\n  depositor_name: Test Press\n  depositor_email: doi@example.org\n"
        "  registrant: Test Press\n",
        encoding="utf-8",
    )
    return write_article(FULL_ARTICLE)


def test_crossref_full_article(full_article: Path, crossref_xsd: etree.XMLSchema) -> None:
    output = _render(full_article, "crossref")
    assert output.valid, output.problems
    assert schema_problems(crossref_xsd, output.data, "full") == []
    root = etree.fromstring(output.data)
    ns = {"c": CR[1:-1], "ai": "http://www.crossref.org/AccessIndicators.xsd"}
    assert root.findtext("c:head/c:depositor/c:depositor_name", namespaces=ns) == "Test Press"
    people = root.findall(".//c:contributors/*", ns)
    assert [p.get("sequence") for p in people] == [
        "first",
        "additional",
        "additional",
        "additional",
    ]
    first = people[0]
    assert first.findtext("c:surname", namespaces=ns) == "Ivanov"
    assert first.findtext("c:ORCID", namespaces=ns) == "https://orcid.org/0000-0002-1825-0097"
    ror = first.find(".//c:institution_id", ns)
    assert ror.get("type") == "ror" and ror.text == "https://ror.org/05qrfxd25"
    assert first.findtext(".//c:alt-name/c:name/c:surname", namespaces=ns) == "Иванов"
    assert people[2].findtext("c:surname", namespaces=ns) == "Plato"  # a mononym
    assert people[3].text == "The Consortium"
    assert root.findtext(".//ai:license_ref", namespaces=ns) == (
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert root.findtext(".//c:doi_data/c:resource", namespaces=ns) == (
        "https://journal.example.org/article/1"
    )
    assert [t.findtext("c:title/c:i", namespaces=ns) for t in root.iterfind(".//c:titles", ns)] == [
        "статьи",
        "article",
    ]
    assert root.findtext(".//{http://www.ncbi.nlm.nih.gov/JATS1}bold") == "bold"
    assert len(root.findall(".//c:citation", ns)) == 2
    assert root.findtext(".//c:citation[@key='ref2']/c:doi", namespaces=ns) == "10.1000/xyz123"
    assert b'<fr:assertion name="award_number">18-18-00063</fr:assertion>' in output.data
    assert b'<item_number item_number_type="article_number">e101</item_number>' in output.data


def test_crossref_needs_depositor_and_landing_page(write_article, tmp_path: Path, run) -> None:
    article = write_article("title: T\ndoi: 10.5555/x.1\npublished: {electronic: 2020}\n")
    output = _render(article, "crossref")
    messages = " ".join(p.message for p in output.problems)
    assert not output.valid
    assert "journal.crossref:" in messages and "url:" in messages
    result = run("convert", article, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 1
    assert "journal.crossref: Crossref output needs depositor_name" in result.err
    assert not (tmp_path / "out" / "article.crossref.xml").exists()


def test_crossref_depositor_from_config(
    write_article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[crossref]\ndepositor_name = "Cfg Press"\ndepositor_email = "x@example.org"\n'
        'registrant = "Cfg"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("JATSCONV_CONFIG", str(config))
    article = write_article(
        "title: T\ndoi: 10.5555/x.1\nurl: https://example.org/a\npublished: {electronic: 2020}\n"
    )
    output = _render(article, "crossref")
    assert output.valid, output.problems
    assert b"<depositor_name>Cfg Press</depositor_name>" in output.data


def test_timestamps_increase_between_runs(tmp_path: Path) -> None:
    first = next_timestamp()
    second = next_timestamp()
    assert second > first
    # A clock set back never yields a smaller or equal value: the last one is persisted.
    earlier = next_timestamp(dt.datetime(2001, 1, 1, tzinfo=dt.UTC))
    assert earlier == second + 1
    state = (tmp_path / "state" / "crossref-timestamp").read_text(encoding="ascii")
    assert int(state) == earlier


def test_convert_to_crossref_writes_file(tmp_path: Path, run) -> None:
    result = run("convert", BILINGUAL, "--to", "crossref", "-o", tmp_path)
    assert result.code == 0, result.err
    first = etree.parse(str(tmp_path / "streltsov-6.crossref.xml")).getroot()
    run("convert", BILINGUAL, "--to", "crossref", "-o", tmp_path)
    second = etree.parse(str(tmp_path / "streltsov-6.crossref.xml")).getroot()
    stamp = f"{CR}head/{CR}timestamp"
    assert int(second.findtext(stamp)) > int(first.findtext(stamp))
    batch = f"{CR}head/{CR}doi_batch_id"
    assert first.findtext(batch) != second.findtext(batch)


def test_unwritable_state_folder_is_one_line(
    tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A service account whose home cannot be written (the state folder cannot be made): one
    line naming the folder and how to name another, exit 73, no 'internal error'."""
    (tmp_path / "home").write_text("a file where the folder would be\n", encoding="ascii")
    state = tmp_path / "home" / "state"
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(state))
    result = run("convert", BILINGUAL, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 73, result.err
    assert result.err.splitlines() == [
        f"jatsconv: {state}: cannot keep the last Crossref deposit timestamp (set "
        "JATSCONV_STATE_DIR to a folder that can be written): not a directory"
    ]
    assert not (tmp_path / "out" / "streltsov-6.crossref.xml").exists()


def test_convert_validates_against_configured_schema(
    tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch, crossref_xsd: etree.XMLSchema
) -> None:
    monkeypatch.setenv("JATSCONV_CROSSREF_SCHEMA", str(EXTERNAL / "crossref-5.3.1"))
    result = run("convert", BILINGUAL, "--to", "crossref", "-o", tmp_path)
    assert result.code == 0, result.err
    monkeypatch.setenv("JATSCONV_CROSSREF_SCHEMA", str(tmp_path / "nowhere"))
    result = run("convert", BILINGUAL, "--to", "crossref", "-o", tmp_path)
    assert result.code == 4 and "no crossref5.3.1.xsd" in result.err


# ------------------------------------------------------------------ DOAJ content


def test_doaj_full_article(full_article: Path, doaj_xsd: etree.XMLSchema) -> None:
    output = _render(full_article, "doaj")
    assert output.valid, output.problems
    assert schema_problems(doaj_xsd, output.data, "full") == []
    root = etree.fromstring(output.data)
    assert root.findtext("record/language") == "rus"
    assert [t.get("language") for t in root.iter("title")] == ["rus", "eng"]
    assert root.findtext("record/authors/author/orcid_id") == (
        "https://orcid.org/0000-0002-1825-0097"
    )
    assert root.findtext("record/authors/author/name") == "Ivan I. Ivanov"
    aff_id = root.findtext("record/authors/author/affiliationId")
    names = {a.get("affiliationId"): a.text for a in root.iter("affiliationName")}
    assert names[aff_id] == "Example University, Moscow, Russian Federation"
    assert root.findtext("record/fullTextUrl") == "https://journal.example.org/article/1"
    assert root.findtext("record/startPage") == "e101"


@pytest.mark.parametrize(
    ("address", "line"),
    [
        ("        state: {en: MA}\n", "Boston University, Boston, MA, United States"),
        (
            "        state: {en: MA}\n        postal_code: 02115\n",
            "Boston University, Boston, MA 02115, United States",
        ),
    ],
    ids=["state", "postal-code"],
)
def test_doaj_affiliation_names_its_state_and_postal_code_in_its_line(
    write_article, journal_file: Path, doaj_xsd: etree.XMLSchema, address: str, line: str
) -> None:
    """DOAJ's affiliationName is the line: the state between the city and the country, the
    postal code after the state, as in JATS."""
    text = FULL_ARTICLE.replace(
        "      - institution: {en: Example University}\n        city: {en: Moscow}\n"
        "        country: RU",
        "      - institution: {en: Boston University}\n        city: {en: Boston}\n"
        f"{address}        country: US",
    )
    assert address in text
    output = _render(write_article(text), "doaj")
    assert output.valid, output.problems
    assert schema_problems(doaj_xsd, output.data, "address") == []
    root = etree.fromstring(output.data)
    aff_id = root.findtext("record/authors/author/affiliationId")
    names = {a.get("affiliationId"): a.text for a in root.iter("affiliationName")}
    assert names[aff_id] == line


def test_doaj_affiliation_with_an_institution_and_a_line_names_both(
    write_article, journal_file: Path, doaj_xsd: etree.XMLSchema
) -> None:
    """An affiliation with an institution and a line of text: DOAJ's affiliationName is the line
    JATS writes, the institution, then the text, then the place (until 4 December 2026 the text
    was dropped, 'Harvard University, Boston, United States', unsaid)."""
    text = FULL_ARTICLE.replace(
        "      - institution: {en: Example University}\n        city: {en: Moscow}\n"
        "        country: RU",
        "      - institution: {en: Harvard University}\n"
        "        text: {en: 'Harvard Medical School, 25 Shattuck St'}\n"
        "        city: {en: Boston}\n        country: US",
    )
    assert "Harvard Medical School" in text
    article = write_article(text)
    output = _render(article, "doaj")
    assert output.valid, output.problems
    assert schema_problems(doaj_xsd, output.data, "text") == []
    root = etree.fromstring(output.data)
    aff_id = root.findtext("record/authors/author/affiliationId")
    names = {a.get("affiliationId"): a.text for a in root.iter("affiliationName")}
    line = "Harvard University, Harvard Medical School, 25 Shattuck St, Boston, United States"
    assert names[aff_id] == line
    jats = etree.fromstring(_render(article, "jats").data)
    for ror in list(jats.iter("institution-id")):
        ror.getparent().remove(ror)  # the line as shown, the ROR id a link beside it
    lines = ["".join(a.itertext()) for a in jats.iter("aff")]
    assert [x for x in lines if "Harvard" in x] == [line]


def test_doaj_language_codes_are_bibliographic() -> None:
    assert iso639_2b("de") == "ger" and iso639_2b("ru") == "rus" and iso639_2b("en-GB") == "eng"
    assert iso639_2b("fr") == "fre" and iso639_2b("zh") == "chi"


def test_doaj_needs_full_text_url(write_article) -> None:
    article = write_article("title: T\npublished: {electronic: 2020}\n")
    output = _render(article, "doaj")
    assert not output.valid
    assert "self_uri: DOAJ output needs a full-text URL" in output.problems[0].message


# ------------------------------------------------------------------ meta tags


def test_meta_tags(tmp_path: Path, run) -> None:
    result = run("convert", BILINGUAL, "--to", "meta-tags", "-o", tmp_path)
    assert result.code == 0, result.err
    html = (tmp_path / "streltsov-6.meta.html").read_text(encoding="utf-8")
    assert '<meta name="citation_doi" content="10.5555/jsr.2018.3.6">' in html
    assert '<meta name="citation_author" content="Стрельцов, Дмитрий Викторович">' in html
    assert '<meta name="citation_publication_date" content="2018/09/28">' in html
    assert '<meta name="citation_pdf_url" content="https://www.japanreview.ru/' in html
    assert html.count('name="citation_reference"') == 6
    assert html.count('name="citation_issn"') == 2


def test_meta_tags_escape(write_article) -> None:
    article = write_article("title: 'He said \"<b>x</b>\" & left'\npublished: {print: 2020}\n")
    html = _render(article, "meta-tags").data.decode("utf-8")
    assert 'content="He said &#34;x&#34; &amp; left"' in html


def test_seed_meta_tags() -> None:
    html = _render(SEED, "meta-tags").data.decode("utf-8")
    assert '<meta name="citation_firstpage" content="110">' in html
    assert '<meta name="citation_journal_abbrev" content="Russ. Jpn. Rev.">' in html


def test_meta_tags_institution_is_an_institution_or_the_affiliation_line(write_article) -> None:
    """An affiliation kept as one line is its author's citation_author_institution; one that
    names only a place gives none (Scholar would show "Moscow" as the institution)."""
    article = write_article(
        "title: T\npublished: {print: 2020}\n"
        "authors:\n  - name: {surname: Smith, given: John}\n    affiliations: [p1, t1]\n"
        "affiliations:\n  - {id: p1, city: Moscow, state: Moscow Oblast, country: RU}\n"
        "  - {id: t1, text: 'Institute of Things, Street 1, Moscow, Russia'}\n"
    )
    html = _render(article, "meta-tags").data.decode("utf-8")
    assert html.count('name="citation_author_institution"') == 1
    assert (
        '<meta name="citation_author_institution" '
        'content="Institute of Things, Street 1, Moscow, Russia">'
    ) in html


def test_one_issn_given_as_print_and_electronic_is_written_once(
    full_article: Path,
    journal_file: Path,
    crossref_xsd: etree.XMLSchema,
    doaj_xsd: etree.XMLSchema,
) -> None:
    # Crossref records list one ISSN as both types (issn-type print and electronic, same
    # value); DOAJ refuses an article whose pISSN and eISSN are identical, in its own XML and
    # in Crossref XML. A journal file doing so has it kept as electronic, as the JATS reader does
    journal_file.write_text(
        journal_file.read_text(encoding="utf-8").replace("2658-6789", "2658-6444"),
        encoding="utf-8",
    )
    doaj = _render(full_article, "doaj")
    assert doaj.valid, doaj.problems
    assert schema_problems(doaj_xsd, doaj.data, "full") == []
    root = etree.fromstring(doaj.data)
    assert (root.find("record/issn"), root.findtext("record/eissn")) == (None, "2658-6444")
    crossref = _render(full_article, "crossref")
    assert crossref.valid, crossref.problems
    assert schema_problems(crossref_xsd, crossref.data, "full") == []
    issns = etree.fromstring(crossref.data).findall(f".//{CR}journal_metadata/{CR}issn")
    assert [(i.get("media_type"), i.text) for i in issns] == [("electronic", "2658-6444")]


def test_a_cited_books_isbn_goes_into_its_crossref_citation(
    crossref_xsd: etree.XMLSchema,
) -> None:
    """Crossref matches a cited book by its ISBN: the reference's ISBN is the citation's <isbn>,
    in the schema's order (after <doi>), and the deposit still validates."""
    article = load_article(BILINGUAL)
    book = article.references[0].model_copy(
        update={"type": "book", "source": "Шухов", "isbn": "978-5-905163-48-7"}
    )
    article = article.model_copy(update={"references": [book, *article.references[1:]]})
    output = render(article, Options(target="crossref"), BILINGUAL.name)
    assert output.valid, output.problems
    assert schema_problems(crossref_xsd, output.data, BILINGUAL.name) == []
    citation = etree.fromstring(output.data).find(f".//{CR}citation")
    assert citation.findtext(f"{CR}isbn") == "978-5-905163-48-7"


def test_a_bilingual_articles_titles_are_two_titles_in_its_language_first(
    full_article: Path, crossref_xsd: etree.XMLSchema
) -> None:
    """Crossref keeps original_language_title for translations; an article with titles in
    two languages registers two <titles>, the article's own language first."""
    output = _render(full_article, "crossref")
    assert schema_problems(crossref_xsd, output.data, "full") == []
    root = etree.fromstring(output.data)
    titles = root.findall(f".//{CR}journal_article/{CR}titles")
    text = ["".join(t.find(f"{CR}title").itertext()) for t in titles]
    assert text == ["Заголовок статьи", "Title of the article"]
    assert b"original_language_title" not in output.data


ROR_FUNDER = """
language: en
title: Funded
doi: 10.5555/test.ror
url: https://journal.example.org/article/2
published: {electronic: 2021-03-15}
authors: [{name: {surname: Doe, given: Jane}}]
funding:
  - funder: {en: Registry Funder}
    funder_id: 10.13039/501100006769
  - funder: {en: Some Foundation}
    funder_id: https://ror.org/02gfys938
    awards: [A-1]
"""


def _current_crossref_schema(tmp_path: Path) -> Path:
    """The installed Crossref schema with fundref.xsd as Crossref has published it since
    October 2024: the assertion names take "ror" beside "funder_identifier"."""
    import shutil

    folder = tmp_path / "crossref-current"
    shutil.copytree(EXTERNAL / "crossref-5.3.1", folder)
    fundref = folder / "fundref.xsd"
    text = fundref.read_text(encoding="utf-8")
    marker = '<xsd:enumeration value="funder_identifier"/>'
    assert marker in text
    fundref.write_text(
        text.replace(marker, marker + '<xsd:enumeration value="ror"/>'), encoding="utf-8"
    )
    return folder


def _with_depositor(journal_file: Path) -> None:
    """The journal file with the depositor and registrant a Crossref deposit needs."""
    journal_file.write_text(
        journal_file.read_text(encoding="utf-8")
        + "crossref: {depositor_name: P, depositor_email: d@example.org, registrant: P}\n",
        encoding="utf-8",
    )


def test_a_ror_funder_id_is_deposited_as_ror_not_as_a_funder_identifier(
    write_article, journal_file: Path, tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_depositor(journal_file)
    article = write_article(ROR_FUNDER)
    data = _render(article, "crossref").data
    assert (
        b'<fr:assertion name="funder_name">Registry Funder<fr:assertion name="funder_identifier">'
        b"https://doi.org/10.13039/501100006769</fr:assertion></fr:assertion>" in data
    )
    assert (
        b'<fr:assertion name="funder_name">Some Foundation<fr:assertion name="ror">'
        b"https://ror.org/02gfys938</fr:assertion></fr:assertion>" in data
    )
    monkeypatch.setenv("JATSCONV_CROSSREF_SCHEMA", str(_current_crossref_schema(tmp_path)))
    result = run("convert", article, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    # A copy of the schema from before Crossref took ROR funder ids says so, and how to fix it.
    monkeypatch.setenv("JATSCONV_CROSSREF_SCHEMA", str(EXTERNAL / "crossref-5.3.1"))
    result = run("convert", article, "--to", "crossref", "-o", tmp_path / "old")
    assert result.code == 1
    assert (
        'error: funding: a funder\'s ROR id is deposited as <fr:assertion name="ror">, which '
        "Crossref's fundref.xsd has taken since October 2024; the configured copy is older: "
        "update it from https://www.crossref.org/schemas/fundref.xsd" in result.err
    )


def test_a_journal_without_issn_is_refused_for_crossref_and_doaj(
    write_article, journal_file: Path, tmp_path: Path, run
) -> None:
    journal_file.write_text(
        "title: {en: No ISSN Journal}\n"
        "crossref: {depositor_name: P, depositor_email: d@example.org, registrant: P}\n",
        encoding="utf-8",
    )
    article = write_article(
        "title: T\ndoi: 10.5555/ni.1\nurl: https://ni.example.org/a/1\n"
        "published: {electronic: 2021-01-05}\nauthors: [{name: {surname: Doe, given: J}}]\n"
    )
    result = run("convert", article, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 1
    assert (
        "article.yaml: error: journal.issn: Crossref needs an ISSN or a journal DOI, and the "
        "journal file gives no ISSN (print or electronic)" in result.err
    )
    result = run("convert", article, "--to", "doaj", "-o", tmp_path / "out")
    assert result.code == 1
    assert (
        "article.yaml: error: journal.issn: DOAJ needs the journal's print or electronic ISSN, "
        "and the journal file gives none" in result.err
    )
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_journal_file_decides_which_journal_title_crossref_gets_first(
    full_article: Path, journal_file: Path, crossref_xsd: etree.XMLSchema
) -> None:
    """Crossref compares the first full_title with its title for the ISSN: the first title
    the journal file gives comes first, whatever the journal's main language."""
    text = journal_file.read_text(encoding="utf-8")
    ru, en = "Японские исследования", "Japanese Studies"
    for titles, expected in (
        (f"{{ru: {ru}, en: {en}}}", [ru, en]),
        (f"{{en: {en}, ru: {ru}}}", [en, ru]),
    ):
        journal_file.write_text(
            "language: ru\n" + text.replace("title: {en: Test Journal}", f"title: {titles}"),
            encoding="utf-8",
        )
        output = _render(full_article, "crossref")
        assert schema_problems(crossref_xsd, output.data, "full") == []
        root = etree.fromstring(output.data)
        assert [t.text for t in root.iter(f"{CR}full_title")] == expected


def test_a_partial_licence_start_date_is_left_out_with_a_warning(
    write_article, journal_file: Path, tmp_path: Path, run
) -> None:
    _with_depositor(journal_file)
    article = write_article(
        "title: T\ndoi: 10.5555/x.lic\nurl: https://example.org/a\n"
        "published: {electronic: 2021-03-15}\nlicense: {id: CC-BY-4.0, start_date: 2021-04}\n"
    )
    result = run("convert", article, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (
        "warning: license.start_date: Crossref needs a full date (YYYY-MM-DD) and '2021-04' is "
        "not one: the Crossref licence has no start_date" in result.err
    )
    data = (tmp_path / "out" / "article.crossref.xml").read_bytes()
    assert b'<ai:license_ref applies_to="vor">https://creativecommons.org/licenses/by/4.0/' in data


def test_a_language_without_two_letter_code_is_left_out_with_a_warning(
    write_article, journal_file: Path, tmp_path: Path, run, crossref_xsd, doaj_xsd
) -> None:
    _with_depositor(journal_file)
    article = write_article(
        "language: sah\ntitle: {sah: Саха тылын үөрэҕэ, en: Studies of the Yakut language}\n"
        "doi: 10.5555/x.sah\nurl: https://example.org/a\npublished: {electronic: 2021-03-15}\n"
        "abstract: {sah: Аннотация., en: Abstract.}\n"
    )
    result = run("convert", article, "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (
        "warning: language: Crossref's language attributes take two-letter ISO 639-1 codes and "
        "'sah' has none: the deposit states no language" in result.err
    )
    data = (tmp_path / "out" / "article.crossref.xml").read_bytes()
    assert schema_problems(crossref_xsd, data, "x") == [] and b' language="' not in data
    result = run("convert", article, "--to", "doaj", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (
        "warning: language: DOAJ's language codes (ISO 639-2/B) have none for 'sah': left out "
        "of the record's language fields" in result.err
    )
    data = (tmp_path / "out" / "article.doaj.xml").read_bytes()
    assert schema_problems(doaj_xsd, data, "x") == []
    assert b'<title language="eng">Studies of the Yakut language</title>' in data
    assert b"<language>" not in data


def test_doaj_affiliation_kept_as_text_keeps_it_beside_its_postal_code(
    write_article, journal_file: Path, doaj_xsd: etree.XMLSchema
) -> None:
    """An affiliation kept as one line of text with a postal code (or a country) beside it:
    the text names the institution in DOAJ's affiliationName, as in Crossref's institution.
    Until 4 December 2026 the name was the postal code alone ('119454'), the text lost."""
    text = FULL_ARTICLE.replace(
        "      - institution: {en: Example University}\n        city: {en: Moscow}\n"
        "        country: RU",
        "      - text: {en: 'MGIMO University, Moscow'}\n        postal_code: '119454'\n"
        "        country: RU",
    )
    assert "postal_code: '119454'" in text
    output = _render(write_article(text), "doaj")
    assert output.valid, output.problems
    assert schema_problems(doaj_xsd, output.data, "postal") == []
    root = etree.fromstring(output.data)
    aff_id = root.findtext("record/authors/author/affiliationId")
    names = {a.get("affiliationId"): a.text for a in root.iter("affiliationName")}
    assert names[aff_id] == "MGIMO University, Moscow, 119454, Russian Federation"
