"""A Crossref citation's parts are in the form of its unstructured text: a Russian reference
deposited with its Latin-script ("References") text has its journal title, first author and
titles in Latin script too, not in the Cyrillic of the original."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

from conftest import EXTERNAL
from converter.scripts import has_cyrillic
from converter.xsd import schema_problems

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "japanese-studies-in-russia"


def _citations(tmp_path: Path, run) -> tuple[Path, list[dict[str, str]]]:
    shutil.copy(SAMPLE / "journal.yaml", tmp_path / "journal.yaml")
    shutil.copy(SAMPLE / "2018-3" / "shchukin-21.yaml", tmp_path / "article.yaml")
    result = run("convert", tmp_path / "article.yaml", "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    deposit = tmp_path / "out" / "article.crossref.xml"
    tree = etree.parse(str(deposit))
    return deposit, [
        {etree.QName(part).localname: part.text or "" for part in cite}
        for cite in tree.xpath("//*[local-name()='citation']")
    ]


def test_a_russian_references_parts_are_in_its_unstructured_texts_form(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema
) -> None:
    deposit, cites = _citations(tmp_path, run)
    # the English name the reference gives, and the transliterations its References text holds
    assert cites[0]["journal_title"] == "Japanese Studies in Russia"
    assert cites[0]["author"] == "Strel'tsov"
    assert cites[0]["article_title"] == "Japan's Arctic policy: goals and tools"
    assert cites[1]["journal_title"] == "Mirovaya ekonomika i mezhdunarodnye otnosheniya"
    assert cites[2]["volume_title"] == "Istoriya Yaponii"
    for cite in cites:
        text = cite["unstructured_citation"]
        assert not has_cyrillic(text)
        for name in ("author", "journal_title", "volume_title", "article_title"):
            if name in cite:
                assert not has_cyrillic(cite[name]), (name, cite)
                assert cite[name] in text, (name, cite)
    assert schema_problems(crossref_xsd, deposit.read_bytes(), "x") == []
    checked = run(
        "deposit", "crossref", "--dry-run", deposit, "--crossref-schema",
        EXTERNAL / "crossref-5.3.1",
    )  # fmt: skip
    assert "passed" in checked.out + checked.err


def test_a_references_cyrillic_link_leaves_its_parts_in_the_latin_form(tmp_path: Path, run) -> None:
    """A Russian reference citing an internationalized address (http://президент.рф/…) has
    that address as written in its Latin text; the text is the Latin form all the same, and
    its author and title are deposited in it ('Kuznetsov', 'Istoriya Yaponii'), not in the
    Cyrillic of the original beside it."""
    shutil.copy(SAMPLE / "journal.yaml", tmp_path / "journal.yaml")
    article = (SAMPLE / "2018-3" / "shchukin-21.yaml").read_text(encoding="utf-8")
    article = article.replace('432 с."', '432 с. URL: http://президент.рф/новости/1"', 1)
    assert "президент.рф" in article
    (tmp_path / "article.yaml").write_text(article, encoding="utf-8")
    result = run("convert", tmp_path / "article.yaml", "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    tree = etree.parse(str(tmp_path / "out" / "article.crossref.xml"))
    (cite,) = [
        {etree.QName(part).localname: part.text or "" for part in c}
        for c in tree.xpath("//*[local-name()='citation']")
        if "президент.рф" in "".join(c.itertext())
    ]
    assert "http://президент.рф/новости/1" in cite["unstructured_citation"]
    assert cite["author"] == "Kuznetsov"
    assert cite["volume_title"] == "Istoriya Yaponii"


def test_a_ukrainian_or_linked_part_is_deposited_in_the_latin_texts_form(
    tmp_path: Path, run
) -> None:
    """A part is written as its reference's Latin text writes it: a Ukrainian article's author
    whose name has no letter only Ukrainian has ('Ковальчук') is 'Kovalchuk' when the address
    it cites has a Russian letter (http://новини-былые.рф told the work Russian, and its
    author, 'Koval'chuk', was left out); a title holding an e-mail address keeps the address
    as written (transliterated whole, 'ivan@pochta.rf', it was not in the text: left out)."""
    shutil.copy(SAMPLE / "journal.yaml", tmp_path / "journal.yaml")
    article = (SAMPLE / "2018-3" / "shchukin-21.yaml").read_text(encoding="utf-8")
    article = article.replace(
        "references:\n",
        "references:\n"
        '  - "Ковальчук О. Історія України // Український історичний журнал. 2020. № 1. '
        'С. 5–9. URL: http://новини-былые.рф/1 (дата звернення: 01.02.2020)."\n'
        '  - "Иванов И. И. Письмо в редакцию: иван@почта.рф // Вопросы истории. 1990. № 2. '
        'С. 3–5."\n',
        1,
    )
    (tmp_path / "article.yaml").write_text(article, encoding="utf-8")
    result = run("convert", tmp_path / "article.yaml", "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    tree = etree.parse(str(tmp_path / "out" / "article.crossref.xml"))
    ukrainian, letter = [
        {etree.QName(part).localname: part.text or "" for part in c}
        for c in tree.xpath("//*[local-name()='citation']")[:2]
    ]
    assert ukrainian.get("author") == "Kovalchuk", ukrainian
    assert ukrainian.get("article_title") == "Istoriia Ukrainy", ukrainian
    assert letter.get("article_title") == "Pis'mo v redaktsiyu: иван@почта.рф", letter
    assert letter.get("author") == "Ivanov", letter


def test_a_doi_written_twice_in_other_letters_is_the_citations_doi(tmp_path: Path, run) -> None:
    """A reference whose text gives its DOI twice, as a link and as 'doi:', once in capitals
    (DOIs are the same in either case), has it as its citation's doi: two spellings of one
    DOI were taken for two DOIs, and the citation went with its text alone."""
    import yaml

    shutil.copy(SAMPLE / "journal.yaml", tmp_path / "journal.yaml")
    source = SAMPLE / "2018-3" / "shchukin-21.yaml"
    article = yaml.safe_load(source.read_text(encoding="utf-8"))
    article["references"] = [
        "Notes on Arctic shipping, see https://doi.org/10.1234/ABC.1 ; also doi: 10.1234/abc.1"
    ]
    (tmp_path / "article.yaml").write_text(yaml.safe_dump(article, allow_unicode=True), "utf-8")
    result = run("convert", tmp_path / "article.yaml", "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    tree = etree.parse(str(tmp_path / "out" / "article.crossref.xml"))
    dois = tree.xpath("//*[local-name()='citation']/*[local-name()='doi']/text()")
    assert [doi.lower() for doi in dois] == ["10.1234/abc.1"]


def _deposit_of(tmp_path: Path, run, references: list) -> tuple[Path, list[dict[str, str]]]:
    import yaml

    shutil.copy(SAMPLE / "journal.yaml", tmp_path / "journal.yaml")
    article = yaml.safe_load((SAMPLE / "2018-3" / "shchukin-21.yaml").read_text(encoding="utf-8"))
    article["references"] = references
    (tmp_path / "article.yaml").write_text(yaml.safe_dump(article, allow_unicode=True), "utf-8")
    result = run("convert", tmp_path / "article.yaml", "--to", "crossref", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    deposit = tmp_path / "out" / "article.crossref.xml"
    tree = etree.parse(str(deposit))
    return deposit, [
        {etree.QName(part).localname: part.text or "" for part in cite}
        for cite in tree.xpath("//*[local-name()='citation']")
    ]


def test_a_references_text_in_the_library_of_congress_form_gives_its_titles(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema
) -> None:
    """A References text transliterated as many Russian journals print ALA-LC, without its
    marks ('Iaponii', 'Mirovaia'), has its journal and article titles found in it: they were
    left out, and the citation went to Crossref without the journal it needs to match it."""
    deposit, cites = _deposit_of(
        tmp_path,
        run,
        [
            {
                "text": {
                    "ru": "Кистанов В. О. Экономические связи России и Японии после 2014 года // "
                    "Мировая экономика и международные отношения. 2018. Т. 62, № 5. С. 88–97.",
                    "en": "Kistanov V.O. Ekonomicheskie sviazi Rossii i Iaponii posle 2014 goda "
                    "[Russia–Japan economic ties after 2014]. Mirovaia ekonomika i mezhdunarodnye "
                    "otnosheniia, 2018, vol. 62, no. 5, pp. 88–97. (In Russ.)",
                }
            }
        ],
    )
    assert cites[0]["journal_title"] == "Mirovaia ekonomika i mezhdunarodnye otnosheniia"
    assert cites[0]["article_title"] == "Ekonomicheskie sviazi Rossii i Iaponii posle 2014 goda"
    assert cites[0]["author"] == "Kistanov"
    assert schema_problems(crossref_xsd, deposit.read_bytes(), "x") == []


def test_a_citation_naming_no_journal_or_book_is_its_text_and_doi(
    tmp_path: Path, run, crossref_xsd: etree.XMLSchema
) -> None:
    """Crossref refuses a structured citation that names neither a journal (title or ISSN) nor
    a book: a newspaper article or a thesis goes as its text (and DOI), a journal article, a
    book and a chapter with their parts; a book's own title is its volume_title only."""
    deposit, cites = _deposit_of(
        tmp_path,
        run,
        [
            {
                "text": {
                    "ru": "Синдзо Абэ предложил Владимиру Путину подписать мирный договор // "
                    "Коммерсантъ. 2016. 7 сентября.",
                    "en": "Sindzo Abe predlozhil Vladimiru Putinu podpisat' mirnyi dogovor [Shinzo "
                    "Abe offers Vladimir Putin to sign a peace treaty]. Kommersant. 2016. "
                    "7 September. (In Russ.)",
                },
                "type": "newspaper",
            },
            "Иванов И. И. Японская политика в Арктике : дис. ... канд. полит. наук. М., 2015. "
            "200 с.",
            "Smith J. Japan and Russia in the Arctic. Polar Record. 2019. Vol. 55, no. 3. "
            "P. 120–131. doi:10.1017/S0032247419000123",
            "Hara K. Japan's Northern Territories problem. London: Routledge, 2017. 240 p.",
            "Brown A. Arctic shipping // Arctic politics / ed. by B. Green. Oxford: OUP, 2018. "
            "P. 45–67.",
        ],
    )
    newspaper, thesis, journal, book, chapter = cites
    assert set(newspaper) == {"unstructured_citation"}
    assert newspaper["unstructured_citation"].startswith("Sindzo Abe predlozhil")
    assert set(thesis) == {"unstructured_citation"}
    assert journal["journal_title"] == "Polar Record"
    assert journal["article_title"] == "Japan and Russia in the Arctic"
    assert journal["doi"] == "10.1017/S0032247419000123"
    assert book["volume_title"] == "Japan's Northern Territories problem"
    assert "article_title" not in book
    assert chapter["volume_title"] == "Arctic politics"
    assert chapter["article_title"] == "Arctic shipping"
    assert chapter["first_page"] == "45"
    assert schema_problems(crossref_xsd, deposit.read_bytes(), "x") == []
