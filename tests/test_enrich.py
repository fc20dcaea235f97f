"""The enrichment: Latin names and a Latin reference list derived from Russian-only input."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import SAMPLES, deposit_environment, xmllint
from converter import load_article, to_jats
from converter.api import render
from converter.checks import check_bytes
from converter.enrich import enrich, enriched
from converter.options import Options
from converter.scripts import has_cyrillic

LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RUSSIAN_ONLY = SAMPLES / "japanese-studies-in-russia" / "2018-3" / "shchukin-21.yaml"

JOURNAL = """\
language: ru
title: {ru: Японские исследования, en: Japanese Studies in Russia}
issn: {print: 2500-2872}
transliteration: %(scheme)s
patronymic_initials: %(initials)s
in_russ_note: %(in_russ)s
structure_references: %(structure)s
"""

ARTICLE = """\
language: ru
title: {ru: Японские инвестиции на Дальнем Востоке}
authors:
  - name: {ru: {surname: Щукин, given: Андрей Юрьевич}}
  - name:
      ru: {surname: Ёлкина, given: Мария Сергеевна}
      en: {surname: Yolkina, given: Maria}
references:
  - text: >-
      Стрельцов Д. В. Японская политика в Арктике // Японские исследования.
      2019. Т. 3, № 2. С. 7–24.
    title_en: Japan's Arctic policy
    source_en: Japanese Studies in Russia
  - "Кузнецов Ю. Д. История Японии. М.: Высшая школа, 1988. 432 с."
  - "ГАРФ. Ф. Р-5446. Оп. 1. Д. 20. Л. 1–5."
"""


def _write(
    tmp_path: Path,
    scheme: str = "bsi",
    initials: bool = True,
    in_russ: bool = True,
    structure: bool = True,
    article: str = ARTICLE,
) -> Path:
    values = {
        "scheme": scheme,
        "initials": str(initials).lower(),
        "in_russ": str(in_russ).lower(),
        "structure": str(structure).lower(),
    }
    (tmp_path / "journal.yaml").write_text(JOURNAL % values, encoding="utf-8")
    path = tmp_path / "article.yaml"
    path.write_text(article, encoding="utf-8")
    return path


def _tree(data: bytes) -> etree._ElementTree:
    return etree.fromstring(data).getroottree()


def test_russian_only_input_gives_valid_jats_with_latin_forms(tmp_path: Path, store) -> None:
    output = to_jats(load_article(_write(tmp_path)), grammars=store)
    assert output.valid, output.problems
    out = tmp_path / "article.xml"
    out.write_bytes(output.data)
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    tree = _tree(output.data)
    first = tree.xpath("//contrib[1]/name-alternatives/name")
    assert [n.get(LANG) for n in first] == ["ru", "en"]
    assert first[1].findtext("surname") == "Shchukin"
    assert first[1].findtext("given-names") == "Andrei Yu."
    assert first[1].get("name-style") == "western"
    # a Latin form in the input wins
    second = tree.xpath("//contrib[2]/name-alternatives/name[@xml:lang='en']")[0]
    assert second.findtext("surname") == "Yolkina"
    refs = tree.xpath("//ref/citation-alternatives")
    assert len(refs) == 3
    latin = [alt.xpath("mixed-citation[@xml:lang='en']")[0] for alt in refs]
    texts = ["".join(node.itertext()) for node in latin]
    assert texts[0] == (
        "Strel'tsov D. V. Yaponskaya politika v Arktike [Japan's Arctic policy]. "
        "Japanese Studies in Russia. 2019. Vol. 3, No. 2. P. 7–24. (In Russ.)"
    )
    assert texts[1] == (
        "Kuznetsov Yu. D. Istoriya Yaponii. Moscow: Vysshaya shkola, 1988. 432 p. (In Russ.)"
    )
    assert texts[2] == "GARF. F. R-5446. Op. 1. D. 20. L. 1–5. (In Russ.)"
    assert not any(has_cyrillic(t) for t in texts)
    # confident parses are structured; the archive reference stays text
    assert [bool(alt.xpath("element-citation")) for alt in refs] == [True, True, False]
    element = refs[0].xpath("element-citation")[0]
    assert element.get("publication-type") == "journal"
    assert element.findtext("source") == "Японские исследования"
    assert element.findtext("volume") == "3"


def test_no_translation_is_invented(tmp_path: Path) -> None:
    article = enrich(load_article(_write(tmp_path)))
    latin = article.references[1].text["en"]
    assert "[" not in latin  # no title_en given: no bracketed English title
    assert article.references[0].text["en"].count("[") == 1


@pytest.mark.parametrize(
    ("scheme", "surname", "given"),
    [
        ("bsi", "Shchukin", "Andrei Yu."),
        ("bgn-pcgn", "Shchukin", "Andrey Yu."),
        ("gost-7.79-b", "Shhukin", "Andrej Yu."),
        ("iso-9", "Ŝukin", "Andrej Û."),
        ("ala-lc", "Shchukin", "Andreĭ I͡u."),
    ],
)
def test_names_follow_the_journal_scheme(tmp_path: Path, scheme, surname, given) -> None:
    article = enrich(load_article(_write(tmp_path, scheme=scheme)))
    name = article.authors[0].name["en"]
    assert (name.surname, name.given) == (surname, given)


def test_journal_options(tmp_path: Path) -> None:
    article = enrich(load_article(_write(tmp_path, initials=False, in_russ=False, structure=False)))
    assert article.authors[0].name["en"].given == "Andrei Yur'evich"
    assert not any("(In Russ.)" in r.text["en"] for r in article.references)
    assert not any(r.structured for r in article.references)


def test_nothing_to_do_returns_the_article_itself(tmp_path: Path) -> None:
    plain = """\
title: {en: Plain}
authors:
  - name: {surname: Smith, given: John}
references:
  - "Archive of the project, box 3."
"""
    article = load_article(_write(tmp_path, article=plain))
    assert enrich(article) is article


def test_cyrillic_name_filed_as_english_moves_to_russian(tmp_path: Path) -> None:
    text = """\
title: {en: Misfiled}
authors:
  - name: {surname: Иванов, given: И. И.}
"""
    article = enrich(load_article(_write(tmp_path, article=text)))
    names = article.authors[0].name
    assert names["ru"].surname == "Иванов"
    assert (names["en"].surname, names["en"].given) == ("Ivanov", "I. I.")


def test_structured_only_reference_gets_both_texts(tmp_path: Path, store) -> None:
    text = """\
language: ru
title: {ru: Части}
references:
  - type: journal
    authors: ["Коршунова Е. А."]
    year: 2021
    title: "Туризм в Хоккайдо"
    title_en: "Tourism in Hokkaido"
    source: Экономика региона
    volume: 17
    fpage: 901
    lpage: 915
"""
    article = enrich(load_article(_write(tmp_path, article=text)))
    texts = article.references[0].text
    assert texts["ru"] == (
        "Коршунова Е. А. Туризм в Хоккайдо // Экономика региона. 2021. Т. 17. С. 901–915."
    )
    assert texts["en"] == (
        "Korshunova E. A. Turizm v Khokkaido [Tourism in Hokkaido]. Ekonomika regiona. 2021. "
        "Vol. 17. P. 901–915. (In Russ.)"
    )
    assert to_jats(article, grammars=store).valid


def test_an_article_number_given_as_a_part_is_in_both_texts(tmp_path: Path, store) -> None:
    """A cited article's number (``elocation_id``) stands where its pages would: 'Ст.' in the
    GOST text written from the parts, 'Art.' in its Latin-script form, as 'С.' is 'P.'."""
    text = """\
language: ru
title: {ru: Номер статьи}
references:
  - type: journal
    authors: ["Коршунова Е. А."]
    year: 2021
    title: "Туризм в Хоккайдо"
    source: Экономика региона
    volume: 17
    issue: 3
    elocation_id: e1002012
"""
    article = enrich(load_article(_write(tmp_path, article=text)))
    texts = article.references[0].text
    assert texts["ru"] == (
        "Коршунова Е. А. Туризм в Хоккайдо // Экономика региона. 2021. Т. 17, № 3. Ст. e1002012."
    )
    assert texts["en"] == (
        "Korshunova E. A. Turizm v Khokkaido. Ekonomika regiona. 2021. Vol. 17, No. 3. "
        "Art. e1002012. (In Russ.)"
    )
    output = to_jats(article, grammars=store)
    assert output.valid, output.problems
    element = _tree(output.data).xpath("//element-citation")[0]
    assert element.findtext("elocation-id") == "e1002012"


def test_a_book_given_as_parts_gets_its_imprint_in_both_texts(tmp_path: Path, store) -> None:
    text = """\
language: ru
title: {ru: Книга}
references:
  - type: book
    authors: ["Кузнецов Ю. Д."]
    year: 1988
    source: История Японии
    publisher_loc: Москва
    publisher: Высшая школа
"""
    article = enrich(load_article(_write(tmp_path, article=text)))
    texts = article.references[0].text
    # a book has no '//': its title is the source
    assert texts["ru"] == "Кузнецов Ю. Д. История Японии. Москва: Высшая школа, 1988."
    assert texts["en"] == (
        "Kuznetsov Yu. D. Istoriya Yaponii. Moscow: Vysshaya shkola, 1988. (In Russ.)"
    )
    output = to_jats(article, grammars=store)
    assert output.valid, output.problems
    element = _tree(output.data).xpath("//element-citation")[0]
    assert element.findtext("publisher-name") == "Высшая школа"
    assert element.findtext("publisher-loc") == "Москва"


def test_russian_only_sample_is_committed_and_valid(store) -> None:
    output = to_jats(load_article(RUSSIAN_ONLY), grammars=store)
    assert output.valid, output.problems
    assert RUSSIAN_ONLY.with_suffix(".xml").read_bytes() == output.data
    tree = _tree(output.data)
    assert len(tree.xpath("//contrib/name-alternatives/name[@xml:lang='en']")) == 2
    assert len(tree.xpath("//ref/citation-alternatives/mixed-citation[@xml:lang='en']")) == 6


def test_latin_name_under_russian_key_is_left_alone(tmp_path: Path) -> None:
    text = """\
language: ru
title: {ru: Латиница}
authors:
  - name: {surname: Smith, given: John}
"""
    article = load_article(_write(tmp_path, article=text))
    assert enrich(article).authors[0].name == article.authors[0].name


GIVEN_PARTS = """\
title: {en: Parts given}
references:
  - text: "Ivanov I. I. Title of paper // Journal. 2019. Vol. 5, no. 2. P. 10-20."
    volume: 6
    issue: 3
  - text: "Ivanov I. I. Title of paper // Journal. 2019. Vol. 5, no. 2. P. 10-20."
    fpage: 12
  - text: "Some odd text that is hard to parse as a citation at all"
    volume: 7
    issue: 9
    year: 2021
    fpage: 11
"""


def test_parts_given_beside_the_text_win_and_are_written(tmp_path: Path, store) -> None:
    """The editor's volume and issue beside a text the parser reads otherwise are the ones
    written (the parse fills only what was not given; a first page given keeps no last page
    read from the text); where the parser abstains, the given parts are written all the same,
    never dropped."""
    output = to_jats(load_article(_write(tmp_path, article=GIVEN_PARTS)), grammars=store)
    assert output.valid, output.problems
    out = tmp_path / "article.xml"
    out.write_bytes(output.data)
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    parts = [
        [(child.tag, child.text) for child in element if child.tag != "person-group"]
        for element in _tree(output.data).xpath("//ref/citation-alternatives/element-citation")
    ]
    assert parts == [
        [
            ("article-title", "Title of paper"),
            ("source", "Journal"),
            ("year", "2019"),
            ("volume", "6"),
            ("issue", "3"),
            ("fpage", "10"),
            ("lpage", "20"),
        ],
        [
            ("article-title", "Title of paper"),
            ("source", "Journal"),
            ("year", "2019"),
            ("volume", "5"),
            ("issue", "2"),
            ("fpage", "12"),
        ],
        [("year", "2021"), ("volume", "7"), ("issue", "9"), ("fpage", "11")],
    ]


# ------------------------------------------------------------------ other Cyrillic alphabets

UKRAINIAN_JOURNAL = """\
language: uk
title: {uk: Український історичний журнал, en: Ukrainian Historical Journal}
issn: {print: 0130-5247}
transliteration: bsi
patronymic_initials: true
in_russ_note: true
"""

UKRAINIAN_ARTICLE = """\
language: uk
title: {uk: Козацька старшина, en: The Cossack officers}
published: {electronic: 2021-05-01}
authors:
  - name: {surname: Ґудзь, given: Євгенія Юріївна}
  - name: {surname: Коваленко, given: Олег}
  - name: {ru: {surname: Щукин, given: Андрей Юрьевич}}
references:
  - "Грушевський М. С. Історія України-Руси. К.: Наукова думка, 1991. Т. 1. 648 с."
  - text: {ru: "Кузнецов Ю. Д. История Японии. М.: Высшая школа, 1988. 432 с."}
"""


def _ukrainian(tmp_path: Path, article: str = UKRAINIAN_ARTICLE) -> Path:
    (tmp_path / "journal.yaml").write_text(UKRAINIAN_JOURNAL, encoding="utf-8")
    path = tmp_path / "article.yaml"
    path.write_text(article, encoding="utf-8")
    return path


def test_ukrainian_author_gets_the_national_latin_name(tmp_path: Path, store) -> None:
    """Ukrainian names and references are written by the national system (Resolution No. 55,
    2010), whatever the journal's Russian scheme; the Russian ones in the same article keep it."""
    output = to_jats(load_article(_ukrainian(tmp_path)), grammars=store)
    assert output.valid, output.problems
    assert not output.problems
    out = tmp_path / "article.xml"
    out.write_bytes(output.data)
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    tree = _tree(output.data)
    names = [
        [(n.get(LANG), n.findtext("surname"), n.findtext("given-names")) for n in alternatives]
        for alternatives in tree.xpath("//contrib/name-alternatives")
    ]
    assert names == [
        [("uk", "Ґудзь", "Євгенія Юріївна"), ("en", "Gudz", "Yevheniia Yu.")],
        [("uk", "Коваленко", "Олег"), ("en", "Kovalenko", "Oleh")],  # (uk: the article's)
        [("ru", "Щукин", "Андрей Юрьевич"), ("en", "Shchukin", "Andrei Yu.")],
    ]
    latin = [
        "".join(form.itertext())
        for form in tree.xpath("//ref/citation-alternatives/mixed-citation[@xml:lang='en']")
    ]
    assert latin == [
        # DSTU's К. is Kyiv; a Ukrainian reference's note says Ukrainian, not "(In Russ.)"
        "Hrushevskyi M. S. Istoriia Ukrainy-Rusy. Kyiv: Naukova dumka, 1991. Vol. 1. 648 p. "
        "(In Ukrainian)",
        "Kuznetsov Yu. D. Istoriya Yaponii. Moscow: Vysshaya shkola, 1988. 432 p. (In Russ.)",
    ]
    # the Ukrainian forms are not read as Russian transliterations off the journal's scheme
    report = check_bytes(output.data, "article.xml", ("rsci",), scheme="bsi")
    assert [f for f in report.findings if f.rule == "rsci-translit-scheme"] == []


def test_a_references_own_language_says_whether_l_is_lviv_or_leningrad(tmp_path: Path) -> None:
    """Л. is Lviv in a Ukrainian reference and Leningrad in a Russian one, by the reference's
    own letters and words, not the list's: a Russian book cited in a Ukrainian article, 'Л.:
    Наука, 1975', is Russian — Leningrad, Russian spelling, "(In Russ.)" — (it was
    'Yvanov Y. Y. Teoryia polia. Lviv: Nauka … (In Ukrainian)'); a Ukrainian one there is
    Lviv, also when only its words tell it ('К.: Наукова думка'), and a Ukrainian one in a
    Russian article is Lviv too."""
    article = UKRAINIAN_ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Иванов И. И. Теория поля. Л.: Наука, 1975. 300 с.'\n"
        "  - 'Иванов И. И. Теория поля. Л., 1975. 300 с.'\n"
        "  - 'Іваненко І. І. Історія Галичини. Л.: Світ, 1995.'\n"
        "  - 'Петренко П. П. Нариси. К.: Наукова думка, 1991.'\n"
    )
    refs = enrich(load_article(_ukrainian(tmp_path, article=article))).references
    # (each under the article's uk: PMC wants one citation in the article's language)
    assert [list(ref.text) for ref in refs] == [["uk", "en"]] * 4
    latin = [ref.text["en"] for ref in refs]
    assert latin[0] == "Ivanov I. I. Teoriya polya. Leningrad: Nauka, 1975. 300 p. (In Russ.)"
    assert latin[1].startswith("Ivanov I. I. Teoriya polya. Leningrad, 1975.")
    assert latin[2].startswith("Ivanenko I. I. Istoriia Halychyny. Lviv: Svit, 1995.")
    assert latin[3].startswith("Petrenko P. P. Narysy. Kyiv: Naukova dumka, 1991.")
    assert latin[3].endswith("(In Ukrainian)")
    russian = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Иванов И. И. Теория поля. Л.: Наука, 1975. 300 с.'\n"
        "  - 'Іваненко І. І. Історія Галичини. Л.: Світ, 1995.'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=russian))).references
    latin = [ref.text["en"] for ref in refs]
    assert latin[0].startswith("Ivanov I. I. Teoriya polya. Leningrad: Nauka, 1975.")
    assert latin[1].startswith("Ivanenko I. I. Istoriia Halychyny. Lviv: Svit, 1995.")


def test_a_ukrainian_journal_names_its_own_scheme(tmp_path: Path, run, store) -> None:
    """A Ukrainian journal file names the national system, `transliteration: kmu-2010`, as a
    Russian one names its scheme (it was refused: not one of the Russian schemes): its
    Ukrainian names and references get Latin forms by it, a Russian one by bsi; a profile and
    the consistency check run (holding Russian forms to no one Russian scheme), and the JATS
    is valid."""
    path = _ukrainian(tmp_path)
    journal = tmp_path / "journal.yaml"
    journal.write_text(
        UKRAINIAN_JOURNAL.replace("transliteration: bsi", "transliteration: kmu-2010"),
        encoding="utf-8",
    )
    result = run("convert", path, "--profile", "general", "-o", tmp_path / "out")
    assert result.code == 0, result.err
    out = tmp_path / "out" / "article.xml"
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    tree = etree.parse(str(out))
    latin = [
        (n.findtext("surname"), n.findtext("given-names"))
        for n in tree.xpath("//contrib/name-alternatives/name[@xml:lang='en']")
    ]
    assert latin == [("Gudz", "Yevheniia Yu."), ("Kovalenko", "Oleh"), ("Shchukin", "Andrei Yu.")]
    references = tree.xpath("//ref/citation-alternatives/mixed-citation[@xml:lang='en']")
    assert [m.xpath("string()") for m in references] == [
        "Hrushevskyi M. S. Istoriia Ukrainy-Rusy. Kyiv: Naukova dumka, 1991. Vol. 1. 648 p. "
        "(In Ukrainian)",
        "Kuznetsov Yu. D. Istoriya Yaponii. Moscow: Vysshaya shkola, 1988. 432 p. (In Russ.)",
    ]
    report = check_bytes(out.read_bytes(), "article.xml", ("rsci",), scheme=None)
    assert [f for f in report.findings if f.rule == "rsci-translit-scheme"] == []
    result = run("consistency", path)
    assert result.code == 0, result.out + result.err


@pytest.mark.parametrize(
    ("settings", "ukrainian", "russian"),
    [
        ("in_russ_note: true\n", " (In Ukrainian)", " (In Russ.)"),
        ("in_russ_note: true\nlanguage_note: square\n", " [in Ukrainian]", " [in Russian]"),
        ("in_russ_note: false\nlanguage_note: square\n", "", ""),
    ],
)
def test_the_language_note_is_written_in_the_form_the_journal_names(
    tmp_path: Path, run, store, settings: str, ukrainian: str, russian: str
) -> None:
    """A Ukrainian reference's Latin form got no note of its language where a Russian one
    got "(In Russ.)": under the same switch it now ends "(In Ukrainian)"; a Ukrainian journal
    that writes its References list as Ukrainian journals do names `language_note: square`
    and gets "[in Ukrainian]" and "[in Russian]"; without the switch there is none. The JATS
    is valid against the DTD."""
    path = _ukrainian(tmp_path)
    (tmp_path / "journal.yaml").write_text(
        UKRAINIAN_JOURNAL.replace("transliteration: bsi", "transliteration: kmu-2010").replace(
            "in_russ_note: true\n", settings
        ),
        encoding="utf-8",
    )
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    out = tmp_path / "out" / "article.xml"
    check = xmllint(out, store.catalog)
    assert check.returncode == 0, check.stderr
    references = etree.parse(str(out)).xpath("//ref/citation-alternatives")
    forms = [
        {m.get(LANG): m.xpath("string()") for m in r.iter("mixed-citation")} for r in references
    ]
    assert [sorted(one) for one in forms] == [["en", "uk"], ["en", "ru"]]
    assert [one["en"] for one in forms] == [
        "Hrushevskyi M. S. Istoriia Ukrainy-Rusy. Kyiv: Naukova dumka, 1991. Vol. 1. 648 p."
        + ukrainian,
        "Kuznetsov Yu. D. Istoriya Yaponii. Moscow: Vysshaya shkola, 1988. 432 p." + russian,
    ]


def test_an_unknown_language_note_is_named_in_one_line(tmp_path: Path, run) -> None:
    path = _ukrainian(tmp_path)
    (tmp_path / "journal.yaml").write_text(
        UKRAINIAN_JOURNAL + "language_note: curly\n", encoding="utf-8"
    )
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.code == 3
    said = "journal.yaml: language_note: 'curly' is not one of the values it takes: round or square"
    assert said in result.err
    assert "Traceback" not in result.err


def test_a_journal_naming_no_scheme_gets_no_latin_forms(tmp_path: Path) -> None:
    """As for a Russian journal, Latin forms are derived only when the journal file names a
    scheme: a Ukrainian journal that names none gets none (an author's own Latin spelling may
    not be the national system's; it is not made up)."""
    path = _ukrainian(tmp_path)
    (tmp_path / "journal.yaml").write_text(
        UKRAINIAN_JOURNAL.replace("transliteration: bsi\n", ""), encoding="utf-8"
    )
    article = enrich(load_article(path))
    assert all("en" not in (one.name or {}) for one in article.authors)
    assert all("en" not in (ref.text or {}) for ref in article.references)


def test_latin_forms_of_ukrainian_fixed_words_and_addresses(tmp_path: Path) -> None:
    """DSTU's fixed words in English in the Latin form (Х. is Kharkiv, 'т.' a volume, 'та
    ін.' et al., 'дата звернення' accessed), and an address kept whole: GOST's '//' becomes a
    full stop, the '//' of 'https://' did too (https:. zakon…), in Russian references as well."""
    article = UKRAINIAN_ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Савчук Б. П., Їжак О. П. та ін. Історія Прикарпаття. Х. : Основа, 2003. "
        "т. 2. 210 с.'\n"
        "  - 'Про освіту : Закон України від 05.09.2017 № 2145-VIII. URL: "
        "https://zakon.rada.gov.ua/laws/show/2145-19 (дата звернення: 12.03.2023).'\n"
        "  - text: {ru: 'Иванов И. И. Статья // Вестник. 2019. № 2. URL: "
        "https://vestnik.example.ru/2019/2 (дата обращения: 01.02.2020).'}\n"
    )
    refs = enrich(load_article(_ukrainian(tmp_path, article))).references
    assert [ref.text["en"] for ref in refs] == [
        "Savchuk B. P., Yizhak O. P. et al. Istoriia Prykarpattia. Kharkiv: Osnova, 2003. "
        "Vol. 2. 210 p. (In Ukrainian)",
        "Pro osvitu : Zakon Ukrainy vid 05.09.2017 No. 2145-VIII. URL: "
        "https://zakon.rada.gov.ua/laws/show/2145-19 (accessed: 12.03.2023). (In Ukrainian)",
        "Ivanov I. I. Stat'ya. Vestnik. 2019. No. 2. URL: https://vestnik.example.ru/2019/2 "
        "(accessed: 01.02.2020). (In Russ.)",
    ]


def test_a_month_abbreviated_after_a_day_is_english_in_the_latin_form(tmp_path: Path) -> None:
    """'6 сент.', as GOST abbreviates a newspaper's date, is '6 Sept.' in the References list,
    as '6 сентября' is '6 September' (it was '6 sent.', letter by letter); a word that only
    begins as a month ('Декабристы') stays the title's."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Батин Ю. Мост на Сахалин // Российская газета. 2017. 6 сент.'\n"
        "  - 'Иванов И. И. Декабристы // Ведомости. 2016. 7\u00a0дек. С. 2.'\n"
        "  - 'Петров П. П. Итоги года // Известия. 2018. 30 янв.'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert latin[0].endswith("Rossiiskaya gazeta. 2017. 6 Sept. (In Russ.)")
    assert "Dekabristy. Vedomosti. 2016. 7\u00a0Dec. P. 2." in latin[1]
    assert latin[2].endswith("Izvestiya. 2018. 30 Jan. (In Russ.)")


def test_a_russian_thesis_is_written_in_english_in_the_latin_form(tmp_path: Path) -> None:
    """'дис. … канд. экон. наук' is 'Cand. Sci. (Econ.) diss.' in the References list, as
    RSCI's and Russian journals' lists write it (it was 'dis. … kand. ekon. nauk', letter
    by letter), a doctor's thesis 'Dr. Sci. (…) diss.', an author's abstract of it
    'Extended abstract of …'; a degree field not known here stays as it was written."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Иванов И. И. Инвестиции : дис. … канд. экон. наук. М., 2010. 200 с.'\n"
        "  - 'Петров П. П. Станки : дисс. ... д-ра техн. наук. СПб., 2005. 300 с.'\n"
        "  - 'Сидоров С. С. Айны : автореф. дис. … канд. ист. наук. М., 2001. 24 с.'\n"
        "  - 'Орлов О. О. Волны : Автореф. дис. докт. физ.-мат. наук. Томск, 1999.'\n"
        "  - 'Белов Б. Б. Поля : дис. … канд. с.-х. наук. Краснодар, 2003.'\n"
        "  - 'Зайцев З. З. Музыка : дис. … канд. искусствоведения. М., 2010.'\n"
        "  - 'Зайцев З. З. Театр : дисс. ... канд. искусствоведения. М., 2012.'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert latin[0].startswith("Ivanov I. I. Investitsii. Cand. Sci. (Econ.) diss. Moscow, 2010.")
    assert latin[1].startswith("Petrov P. P. Stanki. Dr. Sci. (Tech.) diss. St. Petersburg, 2005.")
    assert latin[2].startswith(
        "Sidorov S. S. Ainy. Extended abstract of Cand. Sci. (Hist.) diss. Moscow, 2001. 24 p."
    )
    assert latin[3].startswith(
        "Orlov O. O. Volny. Extended abstract of Dr. Sci. (Phys.-Math.) diss. Tomsk, 1999."
    )
    assert latin[4].startswith("Belov B. B. Polya. Cand. Sci. (Agric.) diss. Krasnodar, 2003.")
    assert latin[5].startswith("Zaitsev Z. Z. Muzyka : dis. … kand. iskusstvovedeniya.")
    # GOST's three full stops stay three (they became 'diss.. kand.', a doubled full stop)
    assert latin[6].startswith("Zaitsev Z. Z. Teatr : diss. ... kand. iskusstvovedeniya.")


def test_a_thesis_named_inside_a_title_stays_the_titles_words(tmp_path: Path) -> None:
    """'дис. канд. экон. наук' inside a title ('Обзор защищённых дис. канд. экон. наук') is
    the title's words, transliterated (it became 'Obzor zashchishchennykh Cand. Sci. (Econ.)
    diss.'); the thesis after the title's ':' or full stop is still the English words."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Петров П. П. Обзор защищённых дис. канд. экон. наук // Вопросы экономики. 2011.'\n"
        "  - 'Иванов И. И. Рынок труда. Дис. … канд. экон. наук. М., 2010. 180 с.'\n"
        "  - 'Иванов И. И. Рынок труда: дис. … канд. экон. наук. М., 2010. 180 с.'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert latin[0].startswith("Petrov P. P. Obzor zashchishchennykh dis. kand. ekon. nauk.")
    assert latin[1].startswith("Ivanov I. I. Rynok truda. Cand. Sci. (Econ.) diss. Moscow, 2010.")
    assert latin[2].startswith("Ivanov I. I. Rynok truda. Cand. Sci. (Econ.) diss. Moscow, 2010.")


def test_the_number_of_pages_is_pages_before_a_semicolon_or_bracket(tmp_path: Path) -> None:
    """'200 с.' is '200 p.' also before ';' or a closing bracket (it stayed '200 s.')."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Петров П. П. Япония. М., 2010. 200 с.; Т. 2. М., 2011. 300 с.'\n"
        "  - 'Орлов А. А. Айны (М., 1950. 300 с.)'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert "Moscow, 2010. 200 p.; Vol. 2. Moscow, 2011. 300 p." in latin[0]
    assert "(Moscow, 1950. 300 p.)" in latin[1]


def test_a_city_with_no_publisher_is_written_out_in_the_latin_form(tmp_path: Path) -> None:
    """GOST's 'М., 2010' (a place and no publisher) and 'М.; Л.: Наука' give 'Moscow, 2010'
    and 'Moscow; Leningrad: Nauka' in the References list, as 'М.: Наука' gives 'Moscow:'
    (they gave 'M., 2010', a letter RSCI's English list cannot read); an author's initial
    before a comma, 'Иванов И. М., Петров П. П.', stays an initial."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Петров П. П. Япония. М., 2010. 200 с.'\n"
        "  - 'Орлов А. А. Айны. М.; Л.: Изд-во АН СССР, 1950. 300 с.'\n"
        "  - 'Сидоров С. С. Токио. СПб., 2001.'\n"
        "  - 'Иванов И. М., Петров П. П. Япония сегодня. М.: Наука, 2012. 100 с.'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert latin[0].startswith("Petrov P. P. Yaponiya. Moscow, 2010. 200 p.")
    assert "Moscow; Leningrad: Izd-vo AN SSSR, 1950" in latin[1]
    assert "St. Petersburg, 2001" in latin[2]
    assert latin[3].startswith("Ivanov I. M., Petrov P. P. ")


def test_a_ukrainian_city_with_no_publisher_is_written_out(tmp_path: Path) -> None:
    """DSTU's 'К., 2010', 'Х., 2005' and 'Л., 1999' (a place and no publisher) in a Ukrainian
    reference are Kyiv, Kharkiv and Lviv in the References list, as 'К.:' is Kyiv (they were
    'K., 2010'); an initial stays an initial ('Іваненко К., 2010', 'Петренко І. К., 2010'),
    and in a Russian reference 'Л., 1950' stays Leningrad."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Петренко П. П. Історія Києва. К., 2010. 200 с.'\n"
        "  - 'Іваненко К., 2010. Нариси історії. Х., 2005.'\n"
        "  - 'Петренко І. К., 2010. Галичина і Волинь. Л., 1999.'\n"
        "  - 'Бойко Є. Козацтво. К.; Х.: Основа, 1999.'\n"
        "  - 'Сидоров А. В. Айны. Л., 1950.'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert latin[0].startswith("Petrenko P. P. Istoriia Kyieva. Kyiv, 2010. 200 p.")
    assert latin[1].startswith("Ivanenko K., 2010. Narysy istorii. Kharkiv, 2005.")
    assert latin[2].startswith("Petrenko I. K., 2010. Halychyna i Volyn. Lviv, 1999.")
    assert "Kyiv; Kharkiv: Osnova, 1999" in latin[3]
    assert latin[4].startswith("Sidorov A. V. Ainy. Leningrad, 1950.")


def test_an_initial_after_a_surnames_comma_is_no_city(tmp_path: Path) -> None:
    """An author-year list's 'Іваненко, К., 2010' (the surname, a comma, the initial) keeps the
    initial, in a Ukrainian list as in a Russian one (they read 'Ivanenko, Kyiv, 2010' and
    'Ivanov, Moscow, 2010'); a place after the title is still the city."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Іваненко, К., 2010. Історія міста. К., 2010.'\n"
        "  - 'Петренко О. В., Іваненко, Х., 2005. Етнографія. Х., 2005.'\n"
        "  - 'Иванов, М., 2010. Экономика региона. М., 2010.'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert latin[0].startswith("Ivanenko, K., 2010. Istoriia mista. Kyiv, 2010.")
    assert latin[1].startswith("Petrenko O. V., Ivanenko, Kh., 2005. Etnohrafiia. Kharkiv, 2005.")
    assert latin[2].startswith("Ivanov, M., 2010. Ekonomika regiona. Moscow, 2010.")


def test_a_city_after_a_titles_comma_is_written_out(tmp_path: Path) -> None:
    """A place with no publisher after the title's comma, 'Название, М., 2010' (or Л., К., Х.),
    is the city in the References list, as after a full stop (it stayed 'Nazvanie, M., 2010');
    a surname's comma where an author stands still keeps the initial ('Иванов, М., 2010')."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Петров П. П. Название, М., 2010. 200 с.'\n"
        "  - 'Орлов А. А. Рынок труда, Л., 1970.'\n"
        "  - 'Сидоров А. В., Иванов, М., 2010. Япония, М., 2010.'\n"
        "  - 'Петренко П. П. Історія міста, К., 2010.'\n"
        "  - 'Петренко О. В., Іваненко, Х., 2005. Етнографія, Х., 2005.'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert latin[0].startswith("Petrov P. P. Nazvanie, Moscow, 2010. 200 p.")
    assert latin[1].startswith("Orlov A. A. Rynok truda, Leningrad, 1970.")
    assert latin[2].startswith("Sidorov A. V., Ivanov, M., 2010. Yaponiya, Moscow, 2010.")
    assert latin[3].startswith("Petrenko P. P. Istoriia mista, Kyiv, 2010.")
    assert latin[4].startswith("Petrenko O. V., Ivanenko, Kh., 2005. Etnohrafiia, Kharkiv, 2005.")


def test_odesa_in_a_ukrainian_reference_is_written_out(tmp_path: Path) -> None:
    """DSTU's О. in a Ukrainian reference, 'О., 2010', 'О.: Астропринт' or 'К.; О.:', is Odesa
    in the References list, as К. is Kyiv (it stayed 'O.'); an initial О. stays an initial,
    and a Russian reference's О. is no city of its list."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Петренко П. П. Історія міста. О., 2010. 200 с.'\n"
        "  - 'Петренко П. П. Історія міста. О.: Астропринт, 2010.'\n"
        "  - 'Бойко Є. Історія міста. К.; О.: Астропринт, 2010.'\n"
        "  - 'Іваненко О., 2010. Історія. О., 2010.'\n"
        "  - 'Петренко І. О., Іваненко, О., 2010. Історія. К., 2010.'\n"
        "  - 'Петров П. П. Очерки. О., 2010.'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert latin[0].startswith("Petrenko P. P. Istoriia mista. Odesa, 2010. 200 p.")
    assert latin[1].startswith("Petrenko P. P. Istoriia mista. Odesa: Astroprynt, 2010.")
    assert "Kyiv; Odesa: Astroprynt, 2010" in latin[2]
    assert latin[3].startswith("Ivanenko O., 2010. Istoriia. Odesa, 2010.")
    assert latin[4].startswith("Petrenko I. O., Ivanenko, O., 2010. Istoriia. Kyiv, 2010.")
    assert latin[5].startswith("Petrov P. P. Ocherki. O., 2010.")


def test_russian_quotes_are_english_quotes_in_the_latin_form(tmp_path: Path) -> None:
    """«Сахалин-2» is “Sakhalin-2” in the References list (it kept the guillemets), and a
    title quoted so still takes its English translation after it."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - text: 'Иванов И. И. Проект «Сахалин-2» // Нефть России. 2010. № 3. С. 5–9.'\n"
        "    title_en: The Sakhalin-2 project\n"
    )
    [ref] = enrich(load_article(_write(tmp_path, article=article))).references
    assert ref.text["en"].startswith(
        "Ivanov I. I. Proekt \u201cSakhalin-2\u201d [The Sakhalin-2 project]. Neft' Rossii. 2010."
    )
    assert "«" not in ref.text["en"] and "«" in ref.text["ru"]


def test_nested_russian_quotes_are_english_double_and_single(tmp_path: Path) -> None:
    """A quote inside a quote, «Журнал „Вопросы“» (or «Журнал «Вопросы»»), is “Zhurnal
    ‘Voprosy’” in the References list, as English lists nest quotes (the inner „“ stayed
    beside the outer “”); a title quoted so still takes its English translation."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Иванов И. И. История журнала «Журнал „Вопросы“» // Вестник. 2010. № 3. С. 5–9.'\n"
        "  - 'Петров П. П. Проект «Завод «Прогресс»» // Вестник. 2011. № 1. С. 1–4.'\n"
        "  - text: 'Сидоров С. С. «Журнал „Вопросы“» и его читатели // Вестник. 2012. № 2.'\n"
        "    title_en: The journal Voprosy and its readers\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert "\u201cZhurnal \u2018Voprosy\u2019\u201d. Vestnik. 2010." in latin[0]
    assert "\u201cZavod \u2018Progress\u2019\u201d. Vestnik. 2011." in latin[1]
    assert latin[2].startswith(
        "Sidorov S. S. \u201cZhurnal \u2018Voprosy\u2019\u201d i ego chitateli "
        "[The journal Voprosy and its readers]. Vestnik. 2012."
    )
    assert not any(mark in text for text in latin for mark in "«»„")


def test_english_quotes_inside_russian_ones_are_single(tmp_path: Path) -> None:
    """«Завод “Красный Октябрь”» — the inner quotes typed as English ones, as most Russian
    texts type them — is “Zavod ‘Krasnyi Oktyabr'’” (it was “Zavod “Krasnyi Oktyabr'””, double
    inside double), as «Журнал „Вопросы“» is; an English quote standing alone stays."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Иванов И. И. Завод «Красный “Октябрь”» // Вестник. 2010. № 3.'\n"
        "  - 'Петров П. П. Компания “Газпром” // Вестник. 2011. № 1.'\n"
        "  - text: 'Орлов О. О. «Завод “Красный Октябрь”» // Вестник. 2012. № 2.'\n"
        "    title_en: The Red October plant\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert "Zavod \u201cKrasnyi \u2018Oktyabr'\u2019\u201d. Vestnik. 2010." in latin[0]
    assert "Kompaniya \u201cGazprom\u201d. Vestnik. 2011." in latin[1]
    # a title read from inside the quotes still takes its translation
    assert latin[2].startswith(
        "Orlov O. O. \u201cZavod \u2018Krasnyi Oktyabr'\u2019 [The Red October plant]\u201d."
    )


def test_an_initial_before_a_year_is_no_city_in_the_latin_form(tmp_path: Path) -> None:
    """An author-year list's 'Иванов А.М., 2010' and 'Иванов М., 2010' keep the initial
    (they read 'Ivanov A.Moscow, 2010'); a place after the title still is Moscow."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Иванов А.М., 2010. Япония. М., 2010. 200 с.'\n"
        "  - 'Сидоров А. В., Иванов М., 2010. Айны. – Л., 1950.'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert latin[0].startswith("Ivanov A.M., 2010. Yaponiya. Moscow, 2010.")
    assert latin[1].startswith("Sidorov A. V., Ivanov M., 2010. Ainy. – Leningrad, 1950")


def test_ukrainian_name_in_a_russian_article_is_told_by_its_letters(tmp_path: Path) -> None:
    text = """\
language: ru
title: {ru: Статья}
authors:
  - name: {surname: Ґудзь, given: Євгенія Юріївна}
  - name: {surname: Коваленко, given: Олег}
"""
    article = enrich(load_article(_write(tmp_path, article=text)))
    latin = [(one.name["en"].surname, one.name["en"].given) for one in article.authors]
    assert latin == [("Gudz", "Yevheniia Yu."), ("Kovalenko", "Oleg")]


KAZAKH_ARTICLE = """\
language: ru
title: {ru: Степь}
authors:
  - name: {surname: Щукин, given: Андрей Юрьевич}
  - name: {surname: Ахметов, given: Серик}
  - name: {surname: Әбдіхалықов, given: Қайрат}
  - name: {kk: {surname: Сейтова, given: Алия}}
references:
  - "Әбдіхалықов Қ. Қазақ тілінің грамматикасы. Алматы: Ғылым, 2001. 200 б."
"""


def test_kazakh_author_is_said_not_transliterated(tmp_path: Path, run) -> None:
    path = _write(tmp_path, article=KAZAKH_ARTICLE)
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    out = tmp_path / "out" / "article.xml"
    assert f"{out}: warning: authors[2].name: Kazakh letters (ә, қ): no transliteration " in (
        result.err
    )
    warnings = [
        line.split(": warning: ", 1)[1] for line in result.err.splitlines() if ": warning: " in line
    ]
    assert warnings == [
        "authors[2].name: Kazakh letters (ә, қ): no transliteration scheme, give name.en",
        "authors[3].name: Kazakh (kk): no transliteration scheme, give name.en",
        "references[0]: Kazakh letters (ә, қ, ң, ғ): no transliteration scheme, give text.en",
    ]
    tree = etree.parse(str(out))
    # no half-Latin form: the Kazakh names and reference stand in Cyrillic alone
    assert tree.xpath("count(//contrib[3]/name-alternatives)") == 0
    assert tree.xpath("count(//ref[1]/citation-alternatives)") == 0
    assert [n.findtext("surname") for n in tree.xpath("//name[@xml:lang='en']")] == [
        "Shchukin",
        "Akhmetov",
    ]
    # given the Latin name, the warning goes
    given = KAZAKH_ARTICLE.replace(
        "{surname: Әбдіхалықов, given: Қайрат}",
        "{ru: {surname: Әбдіхалықов, given: Қайрат}, en: {surname: Abdikhalykov, given: Kairat}}",
    )
    result = run("convert", _write(tmp_path, article=given), "-o", tmp_path / "out")
    assert "authors[2]" not in result.err


def test_an_article_number_read_from_a_reference_is_its_elocation_id(
    tmp_path: Path, store, run
) -> None:
    """An article number a reference's text gives instead of pages ('5(3):e1002012') is
    written as the cited article's <elocation-id>, not as a first page; one the editor gave
    (``elocation_id``) stands for the pages, so none is read beside it; a bare number
    (108871) stays a page, as nothing tells it from one."""
    plos = (
        "Smith J, Roe R. Malaria survey in the north. PLoS One. 2010;5(3):e1002012. "
        "doi:10.1371/journal.pone.1002012"
    )
    article = (
        "language: en\ntitle: {en: Numbers}\nreferences:\n"
        f'  - "{plos}"\n'
        f'  - {{text: "{plos}", elocation_id: e1002012}}\n'
        '  - "Doe A, Poe B. Heat waves and crops. Sci Rep. 2019;9:108871."\n'
    )
    path = _write(tmp_path, article=article)
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    out = tmp_path / "out" / "article.xml"
    assert xmllint(out, store.catalog).returncode == 0
    pages = [
        [(el.tag, el.text) for el in citation if el.tag in ("fpage", "lpage", "elocation-id")]
        for citation in etree.parse(str(out)).iter("element-citation")
    ]
    assert pages == [
        [("elocation-id", "e1002012")],
        [("elocation-id", "e1002012")],
        [("fpage", "108871")],
    ]
    shown = run("references", "--article", path)
    assert shown.out.count("    elocation_id: e1002012") == 2 and "fpage: e1002012" not in shown.out


def test_a_ukrainian_thesis_is_written_in_english_in_the_latin_form(tmp_path: Path) -> None:
    """'дис. … канд. екон. наук' of a Ukrainian list is 'Cand. Sci. (Econ.) diss.', as the
    Russian one is (it was 'dys. … kand. ekon. nauk', letter by letter), 'д-ра техн. наук' a
    doctor's, 'автореф. дис.' 'Extended abstract of …'; inside a title the words are the
    title's."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Іваненко І. І. Інвестиції : дис. … канд. екон. наук. К., 2010. 200 с.'\n"
        "  - 'Петренко П. П. Інструменти : дис. ... д-ра техн. наук. Х., 2005. 300 с.'\n"
        "  - 'Бойко Є. Є. Козацтво : автореф. дис. … канд. істор. наук. Л., 2001. 20 с.'\n"
        "  - 'Ковальчук О. О. Хвилі : Автореф. дис. д-ра фіз.-мат. наук. Київ, 1999.'\n"
        "  - 'Шевчук Ї. Ї. Поля : дис. … канд. с.-г. наук. Умань, 2003.'\n"
        "  - 'Шевчук Ї. Ї. Огляд захищених дис. канд. екон. наук // Економіка України. 2011.'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert latin[0].startswith("Ivanenko I. I. Investytsii. Cand. Sci. (Econ.) diss. Kyiv, 2010.")
    assert latin[1].startswith("Petrenko P. P. Instrumenty. Dr. Sci. (Tech.) diss. Kharkiv, 2005.")
    assert latin[2].startswith(
        "Boiko Ye. Ye. Kozatstvo. Extended abstract of Cand. Sci. (Hist.) diss. Lviv, 2001. 20 p."
    )
    assert latin[3].startswith(
        "Kovalchuk O. O. Khvyli. Extended abstract of Dr. Sci. (Phys.-Math.) diss. Kyiv, 1999."
    )
    assert latin[4].startswith("Shevchuk Yi. Yi. Polia. Cand. Sci. (Agric.) diss. Uman, 2003.")
    assert latin[5].startswith("Shevchuk Yi. Yi. Ohliad zakhyshchenykh dys. kand. ekon. nauk")


def test_a_ukrainian_history_thesis_in_dstus_spelling(tmp_path: Path) -> None:
    """DSTU 3582 writes history 'іст.' ('дис. … канд. іст. наук', as most Ukrainian lists
    do), not only 'істор.': it is 'Cand. Sci. (Hist.) diss.' too (it was 'dys. … kand. ist.
    nauk', letter by letter)."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Бойко Є. Є. Козацтво : дис. … канд. іст. наук. Л., 2001. 200 с.'\n"
        "  - 'Бойко Є. Є. Січ : автореф. дис. … д-ра іст. наук. Київ, 2011. 36 с.'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert latin[0].startswith("Boiko Ye. Ye. Kozatstvo. Cand. Sci. (Hist.) diss. Lviv, 2001.")
    assert latin[1].startswith(
        "Boiko Ye. Ye. Sich. Extended abstract of Dr. Sci. (Hist.) diss. Kyiv, 2011."
    )


@pytest.mark.parametrize("language", ["language: en\n", ""], ids=["en", "no-language"])
def test_a_cyrillic_reference_of_an_english_article_keeps_its_original(
    tmp_path: Path, store, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """A Russian or Ukrainian reference typed as plain text in an English article (or one that
    names no language) keeps its Cyrillic text as the ru/uk original beside the References
    form, as a Russian article's does; the References form alone was left ('Ivanov I. I. …
    (In Russ.)'), the original lost. The Crossref deposit's unstructured citation is the
    References form, as it is for a Russian article."""
    deposit_environment(tmp_path, monkeypatch)
    russian = "Иванов И. И. Теория поля. Л.: Наука, 1975. 300 с."
    ukrainian = "Іваненко І. І. Історія Галичини. Л.: Світ, 1995."
    article = (
        f"{language}title: {{en: Field theory}}\ndoi: 10.5555/field.1\n"
        "url: https://journal.example.org/field\npublished: {electronic: 2021-05-01}\n"
        f"references:\n  - '{russian}'\n  - '{ukrainian}'\n"
    )
    path = _write(tmp_path, article=article)
    with path.with_name("journal.yaml").open("a", encoding="utf-8") as journal:
        journal.write(
            "crossref: {depositor_name: Test Press, depositor_email: doi@example.org, "
            "registrant: Test Press}\n"
        )
    loaded = load_article(path)
    refs = enrich(loaded).references
    assert [ref.text for ref in refs] == [
        {
            "ru": russian,
            "en": "Ivanov I. I. Teoriya polya. Leningrad: Nauka, 1975. 300 p. (In Russ.)",
        },
        {
            "uk": ukrainian,
            "en": "Ivanenko I. I. Istoriia Halychyny. Lviv: Svit, 1995. (In Ukrainian)",
        },
    ]
    output = to_jats(loaded, grammars=store)
    assert output.valid, output.problems
    out = tmp_path / "article.xml"
    out.write_bytes(output.data)
    assert xmllint(out, store.catalog).returncode == 0
    cited = [
        [(m.get(LANG), "".join(m.itertext())) for m in ref.iter("mixed-citation")]
        for ref in _tree(output.data).iter("ref")
    ]
    assert cited == [
        [("en", refs[0].text["en"]), ("ru", russian)],
        [("en", refs[1].text["en"]), ("uk", ukrainian)],
    ]
    deposit = render(loaded, Options(target="crossref"), "article.crossref.xml")
    assert deposit.valid, deposit.problems
    unstructured = etree.fromstring(deposit.data).xpath("//*[local-name()='unstructured_citation']")
    assert [u.text for u in unstructured] == [ref.text["en"] for ref in refs]


def test_a_russian_text_filed_as_ukrainian_beside_a_russian_one_keeps_both(
    tmp_path: Path, store
) -> None:
    """A reference given under uk and ru, its uk text in Russian words ('Л.: Наука'): that
    text is filed under ru as Russian, but the reference's own ru text holds that key, so each
    stays where given and the Latin form is added; the ru text took the uk text's place, which
    was lost."""
    uk = "Иванов И. И. Теория поля. Л.: Наука, 1975. 300 с."
    ru = "Иванов И. И. Теория поля. Ленинград : Наука, 1975. 300 с."
    article = (
        f"language: uk\ntitle: {{uk: Поле}}\nreferences:\n  - text:\n"
        f"      uk: '{uk}'\n      ru: '{ru}'\n"
    )
    loaded = load_article(_write(tmp_path, article=article))
    (ref,) = enrich(loaded).references
    assert ref.text == {
        "uk": uk,
        "ru": ru,
        "en": "Ivanov I. I. Teoriya polya. Leningrad: Nauka, 1975. 300 p. (In Russ.)",
    }
    output = to_jats(loaded, grammars=store)
    assert output.valid, output.problems
    cited = {m.get(LANG): "".join(m.itertext()) for m in _tree(output.data).iter("mixed-citation")}
    assert cited == ref.text


def test_a_links_cyrillic_is_kept_as_written_and_tells_no_language(
    tmp_path: Path, store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An internationalized address (http://президент.рф/…) is written as given: a Latin-script
    reference citing one stays English, with no Russian original, no '(In Russ.)' and its link
    unchanged; a Russian reference's Latin form keeps it too. Both were transliterated into
    http://prezident.rf/…, an address that leads nowhere, and check --profile rsci called the
    references ones with no Latin-script form."""
    deposit_environment(tmp_path, monkeypatch)
    latin = "Putin V. Address. 2014. URL: http://президент.рф/news/123 (accessed 01.02.2020)"
    russian = (
        "Путин В. В. Послание. 2014. URL: http://президент.рф/news/123 "
        "(дата обращения: 01.02.2020). DOI: 10.1234/абв.1"
    )
    article = (
        "language: en\ntitle: {en: Addresses}\ndoi: 10.5555/idn.1\n"
        "url: https://journal.example.org/idn\npublished: {electronic: 2021-05-01}\n"
        f"references:\n  - '{latin}'\n  - '{russian}'\n"
    )
    path = _write(tmp_path, article=article)
    with path.with_name("journal.yaml").open("a", encoding="utf-8") as journal:
        journal.write(
            "crossref: {depositor_name: Test Press, depositor_email: doi@example.org, "
            "registrant: Test Press}\n"
        )
    loaded = load_article(path)
    refs = enrich(loaded).references
    assert [ref.text for ref in refs] == [
        {"en": latin},
        {
            "ru": russian,
            "en": "Putin V. V. Poslanie. 2014. URL: http://президент.рф/news/123 "
            "(accessed: 01.02.2020). DOI: 10.1234/абв.1. (In Russ.)",
        },
    ]
    output = to_jats(loaded, grammars=store)
    assert output.valid, output.problems
    tree = _tree(output.data)
    hrefs = [link.get("{http://www.w3.org/1999/xlink}href") for link in tree.iter("ext-link")]
    assert hrefs == ["http://президент.рф/news/123"] * 3
    assert [pub.text for pub in tree.iter("pub-id")] == ["10.1234/абв.1"] * 2
    report = check_bytes(output.data, "article.xml", ("rsci",), scheme="bsi")
    script_rules = {"rsci-latin-references", "script-latin-fields"}
    assert [f for f in report.findings if f.rule in script_rules] == []
    deposit = render(loaded, Options(target="crossref"), "article.crossref.xml")
    assert deposit.valid, deposit.problems
    unstructured = etree.fromstring(deposit.data).xpath("//*[local-name()='unstructured_citation']")
    assert [u.text for u in unstructured] == [ref.text["en"] for ref in refs]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_latin_reference_with_a_cyrillic_address_is_filed_as_english(
    tmp_path: Path, store, language: str
) -> None:
    """A reference typed with no language is filed by its script without its links: one in
    Latin letters whose address is mostly Cyrillic (http://президент.рф/новости/…) is English,
    in an English article and in a Russian one; it was filed as Russian, a Latin text under
    xml:lang="ru" (in a Russian article given a Latin form, '(In Russ.)' and all)."""
    latin = "Putin V. Address. URL: http://президент.рф/новости/послание-федеральному-собранию"
    title = "{en: Addresses}" if language == "en" else "{ru: Адреса, en: Addresses}"
    article = f"language: {language}\ntitle: {title}\nreferences:\n  - '{latin}'\n"
    loaded = load_article(_write(tmp_path, article=article))
    (ref,) = enrich(loaded).references
    assert ref.text == {"en": latin}
    output = to_jats(loaded, grammars=store)
    assert output.valid, output.problems
    (cited,) = _tree(output.data).iter("mixed-citation")
    assert cited.get(LANG) == (None if language == "en" else "en")


def test_cyrillic_typed_plain_in_an_english_article_is_filed_by_its_script_without_a_scheme(
    tmp_path: Path, store, run
) -> None:
    """Without a transliteration scheme in the journal file, a Cyrillic name, group or
    reference filed under English (typed plain in an English article) is written under the
    language its letters tell, ru or uk, as with a scheme, only with no Latin form: it was
    written under xml:lang="en", Cyrillic text tagged English, and check --profile rsci and
    the consistency check called each a Latin-script field holding Cyrillic."""
    article = (
        "language: en\ntitle: {en: Field theory}\nauthors:\n"
        "  - name: {surname: Иванов, given: Иван Иванович}\n"
        "  - name: {en: {surname: Іваненко, given: Ігор}}\n"
        "  - collab: Научная группа «Поле»\n"
        "  - name: {surname: Smith, given: John}\n"
        "references:\n"
        "  - text: {en: 'Петров П. П. Статья о поле. 2010.'}\n"
        "  - 'Ivanov I. I. Теория поля. Leningrad: Nauka, 1975.'\n"
        "  - 'Smith J. Paper. 2001.'\n"
    )
    path = _write(tmp_path, article=article)
    journal = path.with_name("journal.yaml")
    journal.write_text(
        journal.read_text(encoding="utf-8").replace("transliteration: bsi\n", ""),
        encoding="utf-8",
    )
    loaded = load_article(path)
    done = enrich(loaded)
    assert [list(one.name or one.collab or {}) for one in done.authors] == [
        ["ru"], ["uk"], ["ru"], ["en"],
    ]  # fmt: skip
    assert [list(ref.text or {}) for ref in done.references] == [["ru"], ["ru"], ["en"]]
    output = to_jats(loaded, grammars=store)
    assert output.valid, output.problems
    out = tmp_path / "article.xml"
    out.write_bytes(output.data)
    assert xmllint(out, store.catalog).returncode == 0
    tree = _tree(output.data)
    names = [one[0].get(LANG) for one in tree.iter("contrib")]
    assert names == ["ru", "uk", "ru", None]
    assert [one.get(LANG) for one in tree.iter("mixed-citation")] == ["ru", "ru", None]
    report = check_bytes(output.data, "article.xml", ("rsci",), scheme=None)
    assert [f for f in report.findings if f.rule == "script-latin-fields"] == []
    result = run("consistency", path)
    assert result.code == 0, result.out + result.err


def test_a_cyrillic_group_typed_plain_in_an_english_article_is_russian(
    tmp_path: Path, store, run
) -> None:
    """A group's name is not transliterated: with a scheme named, a Cyrillic one typed plain in
    an English article is written under xml:lang="ru" all the same (it stayed under "en")."""
    article = (
        "language: en\ntitle: {en: Field theory}\nauthors:\n"
        "  - collab: Научная группа «Поле»\n  - collab: The Field Group\n"
    )
    path = _write(tmp_path, article=article)
    done = enrich(load_article(path))
    assert [one.collab for one in done.authors] == [
        {"ru": "Научная группа «Поле»"}, {"en": "The Field Group"},
    ]  # fmt: skip
    output = to_jats(load_article(path), grammars=store)
    assert output.valid, output.problems
    assert [one.get(LANG) for one in _tree(output.data).iter("collab")] == ["ru", None]
    result = run("consistency", path)
    assert result.code == 0, result.out + result.err


def test_an_e_mail_address_is_kept_as_written_in_the_latin_form(tmp_path: Path) -> None:
    """An e-mail address in a Russian reference is an address, as a web address is: written
    as given in its Latin form (иван@почта.рф became ivan@pochta.rf), and no part of what
    tells a Latin-script reference's language."""
    article = (
        "language: en\ntitle: {en: Addresses}\nreferences:\n"
        "  - text: {ru: 'Иванов И. И. Письмо. 2020. E-mail: иван@почта.рф'}\n"
        "  - text: {en: 'Smith J. Letter. 2020. E-mail: иван@почта.рф'}\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    assert [ref.text for ref in refs] == [
        {
            "ru": "Иванов И. И. Письмо. 2020. E-mail: иван@почта.рф",
            "en": "Ivanov I. I. Pis'mo. 2020. E-mail: иван@почта.рф. (In Russ.)",
        },
        {"en": "Smith J. Letter. 2020. E-mail: иван@почта.рф"},
    ]


def test_a_ukrainian_reference_in_shared_letters_stays_ukrainian(tmp_path: Path) -> None:
    """A Ukrainian book in the letters Ukrainian and Russian share, 'Стефаник В. Новели. Л.:
    Каменяр, 1990.', tells no Russian either (no ы э ъ ё, no 'Теория', 'Иванов', 'и', 'под
    ред.'): in a Ukrainian article it stays the list's Ukrainian, Lviv; it was 'Stefanik V.
    Noveli. Leningrad: Kamenyar, 1990. (In Russ.)'. A Russian one, whose letters or words do
    tell it, is still written out as Russian."""
    article = UKRAINIAN_ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Стефаник В. Новели. Л.: Каменяр, 1990. 250 с.'\n"
        "  - 'Франко О. Поема. Л.: Каменяр, 1990.'\n"
        "  - 'Петров П. П. Очерки истории. Л.: Наука, 1975.'\n"
        "  - 'Сборник статей / под ред. П. П. Петрова. Л.: Наука, 1975.'\n"
    )
    refs = enrich(load_article(_ukrainian(tmp_path, article=article))).references
    assert [list(ref.text) for ref in refs] == [["uk", "en"]] * 4
    latin = [ref.text["en"] for ref in refs]
    assert latin[0] == "Stefanyk V. Novely. Lviv: Kameniar, 1990. 250 p. (In Ukrainian)"
    assert latin[1].startswith("Franko O. Poema. Lviv: Kameniar, 1990.")
    assert latin[2].startswith("Petrov P. P. Ocherki istorii. Leningrad: Nauka, 1975.")
    assert "Leningrad: Nauka, 1975." in latin[3] and latin[3].endswith("(In Russ.)")


def test_a_russian_work_in_a_ukrainian_list_keeps_the_articles_language_for_pmc(
    tmp_path: Path, store
) -> None:
    """A Russian book cited in a Ukrainian article is written out as Russian (Leningrad, "(In
    Russ.)"), but its text stays under (or, given under en, moves to) the article's language,
    uk: PMC takes citation
    alternatives only when exactly one is in the article's language, and filed as ru (with
    en) the article failed --profile pmc and PMC's Style Checker, once per Russian work."""
    article = UKRAINIAN_ARTICLE.split("references:")[0] + (
        "references:\n  - 'Иванов И. И. Теория поля. Л.: Наука, 1975. 300 с.'\n"
        "  - text: {en: 'Петров П. П. Очерки истории, М., 2010.'}\n"
    )
    loaded = load_article(_ukrainian(tmp_path, article=article))
    refs = enrich(loaded).references
    assert [list(ref.text) for ref in refs] == [["uk", "en"]] * 2
    assert refs[0].text["en"] == (
        "Ivanov I. I. Teoriya polya. Leningrad: Nauka, 1975. 300 p. (In Russ.)"
    )
    assert refs[1].text["uk"] == "Петров П. П. Очерки истории, М., 2010."
    output = to_jats(loaded, grammars=store)
    assert output.valid, output.problems
    report = check_bytes(output.data, "article.xml", ("pmc",), scheme=None)
    said = [f.message for f in report.findings if f.rule == "pmc-alternatives-main"]
    assert [m for m in said if "citation-alternatives" in m] == []


def test_a_ukrainian_work_in_a_russian_list_keeps_the_articles_language_for_pmc(
    tmp_path: Path, store
) -> None:
    """A Ukrainian book cited in a Russian article is written out as Ukrainian (Kyiv, the
    national scheme), but its text stays under the article's ru, as a Russian work's does in
    a Ukrainian article: filed as uk beside en, its citation alternatives had none in the
    article's language, and --profile pmc and PMC's Style Checker refused the article."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n  - 'Ковальчук О. Праця. Київ: Либідь, 2001. 300 с.'\n"
    )
    loaded = load_article(_write(tmp_path, article=article))
    (ref,) = enrich(loaded).references
    assert list(ref.text) == ["ru", "en"]
    assert ref.text["en"].startswith("Kovalchuk O. Pratsia. Kyiv: Lybid, 2001.")
    output = to_jats(loaded, grammars=store)
    assert output.valid, output.problems
    report = check_bytes(output.data, "article.xml", ("pmc",), scheme=None)
    said = [f.message for f in report.findings if f.rule == "pmc-alternatives-main"]
    assert [m for m in said if "citation-alternatives" in m] == []
    # With no scheme named it has no Latin form beside it, and stays Ukrainian, as it is
    loaded = load_article(_write(tmp_path, scheme="null", article=article))
    (ref,) = enrich(loaded).references
    assert list(ref.text) == ["uk"]


def test_a_cyrillic_text_under_en_with_no_scheme_is_filed_in_its_own_language(
    tmp_path: Path,
) -> None:
    """With no scheme named, a Cyrillic text given under en in a Russian or Ukrainian article
    is written alone, no Latin form beside it: it is filed under the language its letters
    tell, a Ukrainian work in a Russian article uk and a Russian one in a Ukrainian article
    ru (they were filed under the article's language, Ukrainian tagged Russian, as the
    citation alternatives PMC judges need only when a Latin form stands beside)."""
    cases = (
        ("ru", "Ковальчук О. Праця. Київ: Либідь, 2001.", "uk"),
        ("uk", "Иванов И. И. Теория поля. М.: Наука, 1975.", "ru"),
    )
    for main, text, filed in cases:
        (tmp_path / "journal.yaml").write_text(
            f"language: {main}\ntitle: {{{main}: Журнал}}\nissn: {{print: 2500-2872}}\n",
            encoding="utf-8",
        )
        path = tmp_path / "article.yaml"
        path.write_text(
            f"language: {main}\ntitle: {{{main}: Стаття}}\nreferences:\n"
            f"  - text: {{en: '{text}'}}\n",
            encoding="utf-8",
        )
        (ref,) = enrich(load_article(path)).references
        assert ref.text == {filed: text}, main


def test_a_russian_reference_typed_in_capitals_is_russian_in_a_ukrainian_list(
    tmp_path: Path,
) -> None:
    """A Russian book typed in capitals, 'ИВАНОВ И. И. ТЕОРИЯ ПОЛЯ. Л.: НАУКА', tells Russian
    as it does in small letters (ТЕОРИЯ's -ия, the initial И.): in a Ukrainian article it is
    'IVANOV I. I. TEORIYA POLYA. Leningrad' (it was 'YVANOV Y. Y. TEORYIA POLIA. Lviv',
    Ukrainian spelling and Lviv)."""
    article = UKRAINIAN_ARTICLE.split("references:")[0] + (
        "references:\n  - 'ИВАНОВ И. И. ТЕОРИЯ ПОЛЯ. Л.: НАУКА, 1975. 300 с.'\n"
    )
    (ref,) = enrich(load_article(_ukrainian(tmp_path, article=article))).references
    assert "Leningrad" in ref.text["en"] and "TEORIYA" in ref.text["en"].upper(), ref.text


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_english_reference_quoting_a_russian_word_stays_english(
    tmp_path: Path, store, run, language: str
) -> None:
    """An English reference whose title quotes a Russian word ('The «перестройка» years') is
    English, in an English article and in a Russian one: no ru original, no Latin form made by
    transliteration, no '(In Russ.)', no element-citation in ru. One quoted word filed it as a
    Russian original ('Smith J. The “perestroika” years. Oxford, 1999. (In Russ.)'). A Russian
    reference naming an English journal, its Cyrillic outside quotes, is still Russian."""
    quoting = "Smith J. The «перестройка» years. Oxford, 1999."
    quoted_twice = '"Perestroika" and «гласность»: reforms in the late Soviet Union. London, 1991.'
    russian = "Иванов И. И. Поле // Journal of Mathematical Physics. 2010. Vol. 5. P. 1–9."
    title = "{en: Reforms}" if language == "en" else "{ru: Реформы, en: Reforms}"
    article = (
        f"language: {language}\ntitle: {title}\nreferences:\n"
        f"  - '{quoting}'\n  - '{quoted_twice}'\n  - '{russian}'\n"
    )
    loaded = load_article(_write(tmp_path, article=article))
    refs = enrich(loaded).references
    assert [ref.text for ref in refs[:2]] == [{"en": quoting}, {"en": quoted_twice}]
    assert set(refs[2].text or {}) == {"ru", "en"}
    assert refs[2].text["en"].startswith("Ivanov I. I. Pole. Journal of Mathematical Physics.")
    assert refs[0].lang is None
    output = to_jats(loaded, grammars=store)
    assert output.valid, output.problems
    out = tmp_path / "article.xml"
    out.write_bytes(output.data)
    assert xmllint(out, store.catalog).returncode == 0
    first = next(_tree(output.data).iter("ref"))
    # (in an English article 'en' is said only beside the Russian reference's alternatives)
    assert [m.get(LANG, "en") for m in first.iter("mixed-citation")] == ["en"]
    assert [e.get(LANG) for e in first.iter("element-citation")] in ([], [None])
    # check --profile rsci and the consistency check take it for the English reference it is
    # (they called it one with no Latin-script form, Cyrillic in an English field)
    report = check_bytes(output.data, "article.xml", ("rsci",), scheme="bsi")
    rules = {"rsci-latin-references", "script-latin-fields"}
    assert [f for f in report.findings if f.rule in rules] == []
    result = run("consistency", tmp_path / "article.yaml")
    assert result.code == 0, result.out + result.err


def test_a_bracketed_title_is_written_once(tmp_path: Path, store) -> None:
    """A GOST reference that gives its English title in brackets, 'Теория поля [Field
    theory]', gets it once in its Latin form (it was 'Teoriya polya [Field theory] [Field
    theory]', the parse's English title added again); a reference already in the Latin form
    beside its Cyrillic title, 'Teoriya polya [Теория поля]', is that form and stays as given
    (it was transliterated again: 'Teoriya polya [Teoriya polya]', its text filed as ru)."""
    gost = "Иванов И. И. Теория поля [Field theory]. М.: Наука, 1975."
    latin = "Ivanov I. I. Teoriya polya [Теория поля]. Moscow, Nauka Publ., 1975. (In Russ.)"
    english = "Ivanov I. I. Field theory [Теория поля]. Moscow, Nauka, 1975."
    article = (
        "language: ru\ntitle: {ru: Поле, en: Field}\nreferences:\n"
        f"  - '{gost}'\n  - text: '{gost}'\n    title_en: Field theory\n"
        f"  - '{latin}'\n  - '{english}'\n"
    )
    loaded = load_article(_write(tmp_path, article=article))
    refs = enrich(loaded).references
    assert [ref.text for ref in refs] == [
        {"ru": gost, "en": "Ivanov I. I. Teoriya polya [Field theory]. Moscow: Nauka, 1975. "
         "(In Russ.)"},
    ] * 2 + [{"en": latin}, {"en": english}]  # fmt: skip
    output = to_jats(loaded, grammars=store)
    assert output.valid, output.problems
    out = tmp_path / "article.xml"
    out.write_bytes(output.data)
    assert xmllint(out, store.catalog).returncode == 0
    texts = ["".join(m.itertext()) for m in _tree(output.data).iter("mixed-citation")]
    assert all(text.count("[") == 1 for text in texts), texts


def test_a_book_with_no_author_names_its_city(tmp_path: Path) -> None:
    """A book with no author, its title first, 'Экономика, М., 2010', writes its place out in
    the References form, as one with an author does ('Название, М., 2010'); it stayed 'M.',
    its title read as an author-year list's surname. An author-year entry, 'Иванов, М., 2010.
    Экономика региона.', has its title after the year, and keeps the initial."""
    article = ARTICLE.split("references:")[0] + (
        "references:\n"
        "  - 'Экономика, М., 2010'\n"
        "  - 'Экономика, М., 2010. 200 с.'\n"
        "  - 'Історія Галичини, К., 2010.'\n"
        "  - 'Иванов, М., 2010. Экономика региона. М., 2010.'\n"
        "  - 'Экономика, М., 2010, 200 с.'\n"
        "  - 'Экономика, М., 2010-2012'\n"
        "  - 'Экономика, М., 2010–2012. 200 с.'\n"
        "  - 'Экономика, М., 2010. – 200 с.'\n"
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    assert [ref.text["en"] for ref in refs] == [
        "Ekonomika, Moscow, 2010. (In Russ.)",
        "Ekonomika, Moscow, 2010. 200 p. (In Russ.)",
        "Istoriia Halychyny, Kyiv, 2010. (In Ukrainian)",
        "Ivanov, M., 2010. Ekonomika regiona. Moscow, 2010. (In Russ.)",
        # a comma before the pages, and years of a series (until 4 December 2026 'M.')
        "Ekonomika, Moscow, 2010, 200 p. (In Russ.)",
        "Ekonomika, Moscow, 2010-2012. (In Russ.)",
        "Ekonomika, Moscow, 2010–2012. 200 p. (In Russ.)",
        # GOST's dash before the pages (until 4 December 2026 'M.')
        "Ekonomika, Moscow, 2010. – 200 p. (In Russ.)",
    ]


def test_a_belarusian_or_kazakh_group_is_filed_by_its_letters(tmp_path: Path, store) -> None:
    """A group typed plain in an English article in Belarusian ('Нацыянальная акадэмія навук
    Беларусі', no ў) or Kazakh letters is written under xml:lang be or kk, as a Russian or
    Ukrainian one is under ru or uk (they stayed under en, Cyrillic text tagged English)."""
    belarusian = "Нацыянальная акадэмія навук Беларусі"
    kazakh = "Қазақстан Республикасының Ұлттық ғылым академиясы"
    article = (
        "language: en\ntitle: {en: Academies}\nauthors:\n"
        f"  - collab: {belarusian}\n  - collab: {kazakh}\n"
    )
    loaded = load_article(_write(tmp_path, article=article))
    assert [one.collab for one in enrich(loaded).authors] == [
        {"be": belarusian}, {"kk": kazakh},
    ]  # fmt: skip
    output = to_jats(loaded, grammars=store)
    assert output.valid, output.problems
    out = tmp_path / "article.xml"
    out.write_bytes(output.data)
    assert xmllint(out, store.catalog).returncode == 0
    assert [one.get(LANG) for one in _tree(output.data).iter("collab")] == ["be", "kk"]


def test_an_e_mail_address_in_a_reference_is_an_email_element(tmp_path: Path, store) -> None:
    """An e-mail address in a reference's text is written as ``<email>``, a Cyrillic one
    (иван@почта.рф) as a Latin one, in the Russian text and its Latin form alike; neither was
    marked, the address left as plain text."""
    article = (
        "language: en\ntitle: {en: Addresses}\nreferences:\n"
        "  - 'Иванов И. И. Письмо. 2020. E-mail: иван@почта.рф'\n"
        "  - 'Smith J. Letter. 2020. E-mail: ivan@pochta.ru.'\n"
        "  - 'Smith J. Letter. 2020. E-mail: иван@почта.рф'\n"
    )
    output = to_jats(load_article(_write(tmp_path, article=article)), grammars=store)
    assert output.valid, output.problems
    out = tmp_path / "article.xml"
    out.write_bytes(output.data)
    assert xmllint(out, store.catalog).returncode == 0
    tree = _tree(output.data)
    assert [one.text for one in tree.iter("email")] == [
        "иван@почта.рф", "иван@почта.рф", "ivan@pochta.ru", "иван@почта.рф",
    ]  # fmt: skip
    assert all(one.getparent().tag == "mixed-citation" for one in tree.iter("email"))
    report = check_bytes(output.data, "article.xml", ("rsci",), scheme="bsi")
    assert [f for f in report.findings if f.rule == "script-latin-fields"] == []


def test_an_english_work_with_a_russian_list_marker_gets_an_all_latin_form(
    tmp_path: Path, store
) -> None:
    """An English work cited in a Russian list with a GOST marker in brackets ('[Электронный
    ресурс]', '[Текст]', '(дата обращения: …)', '(на англ. яз.)') is the Russian list's entry
    and gets a Latin form with the marker in English words, with no '(In Russ.)'; taken for an
    English reference that only quotes Cyrillic, it was written once, its marker left in
    Cyrillic under xml:lang en, and check --profile rsci said nothing of it ('[Текст]' was
    spelt '[Tekst]', and a dropped '[Электронный ресурс]' left 'economy . URL')."""
    given = [
        "Smith J. Japan's economy [Электронный ресурс]. URL: https://example.org/japan "
        "(дата обращения: 12.03.2018).",
        "Smith J. Japan's economy. URL: https://example.org/japan (дата обращения: 12.03.2018).",
        "Smith J. Japan's economy [Текст]. London: Routledge, 2015. 300 p.",
        "Smith J. Japan's economy (на англ. яз.). London: Routledge, 2015. 300 p.",
    ]
    article = "language: ru\ntitle: {ru: Экономика, en: Economy}\nreferences:\n" + "".join(
        f'  - "{text}"\n' for text in given
    )
    loaded = load_article(_write(tmp_path, article=article))
    refs = enrich(loaded).references
    assert [ref.text["ru"] for ref in refs] == given
    latin = [ref.text["en"] for ref in refs]
    assert not any(has_cyrillic(text) or "(In Russ.)" in text for text in latin), latin
    assert "(accessed: 12.03.2018)" in latin[1] and "(In English)" in latin[3], latin
    assert latin[0].startswith("Smith J. Japan's economy. URL:"), latin
    output = to_jats(loaded, grammars=store)
    assert output.valid, output.problems
    out = tmp_path / "article.xml"
    out.write_bytes(output.data)
    assert xmllint(out, store.catalog).returncode == 0
    for ref in _tree(output.data).iter("ref"):
        forms = {m.get(LANG): "".join(m.itertext()) for m in ref.iter("mixed-citation")}
        assert set(forms) == {"ru", "en"} and not has_cyrillic(forms["en"]), forms


def test_a_russian_title_in_quotes_beside_a_latin_author_is_russian(tmp_path: Path) -> None:
    """A Russian work whose author is written in Latin letters and whose whole title stands in
    «», 'Smith J. «Экономика Японии». London, 2015.', is a Russian title, not an English one
    quoting a word: it gets its Latin form, the title transliterated; taken for a quotation,
    it was one English-only text with its title in Cyrillic, and check said nothing. A word
    quoted inside a Latin title, 'The «перестройка» years', still keeps a reference English."""
    given = [
        "Smith J. «Экономика Японии». London: Routledge, 2015. 300 p.",
        "Smith J. «Экономика Японии» // Japan Review. 2015. Vol. 3. P. 5–10.",
    ]
    quoting = "Smith J. The «перестройка» years. Oxford, 1999."
    listed = "".join(f'  - "{text}"\n' for text in [*given, quoting])
    article = "language: ru\ntitle: {ru: Экономика, en: Economy}\nreferences:\n" + listed
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    assert [ref.text.get("ru") for ref in refs] == [*given, None]
    latin = [ref.text["en"] for ref in refs]
    assert "Ekonomika Yaponii" in latin[0] and "Ekonomika Yaponii" in latin[1], latin
    assert not any(has_cyrillic(text) for text in latin[:2]) and latin[2] == quoting, latin


def test_an_english_work_with_режим_доступа_gets_no_in_russ(tmp_path: Path) -> None:
    """GOST's 'Режим доступа:', unbracketed, is a list's marker as '[Электронный ресурс]' is:
    an English work cited with it got '(In Russ.)'."""
    given = [
        "Smith J. Japan's economy. – Режим доступа: https://example.org/japan "
        "(дата обращения: 12.03.2018).",
        "Smith J. Japan's economy. Режим доступа: https://example.org/japan.",
    ]
    article = "language: ru\ntitle: {ru: Экономика, en: Economy}\nreferences:\n" + "".join(
        f'  - "{text}"\n' for text in given
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert not any(has_cyrillic(text) or "(In Russ.)" in text for text in latin), latin
    assert "Available at: https://example.org/japan (accessed: 12.03.2018)" in latin[0], latin


def test_a_quoted_title_with_its_translation_in_brackets_gets_it_once(tmp_path: Path) -> None:
    """A title in quotes followed by its translation ('«Экономика Японии» [Economy of
    Japan]') had the translation put inside the quotes too: '“Ekonomika Yaponii [Economy of
    Japan]” [Economy of Japan]'."""
    given = [
        "Иванов И.И. «Экономика Японии» [Economy of Japan]. М., 2015.",
        "Smith J. «Экономика Японии» [Economy of Japan]. London, 2015.",
    ]
    article = "language: ru\ntitle: {ru: Экономика, en: Economy}\nreferences:\n" + "".join(
        f'  - "{text}"\n' for text in given
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    assert [ref.text["en"] for ref in refs] == [
        "Ivanov I.I. “Ekonomika Yaponii” [Economy of Japan]. Moscow, 2015. (In Russ.)",
        "Smith J. “Ekonomika Yaponii” [Economy of Japan]. London, 2015. (In Russ.)",
    ]


def test_pages_in_small_letters_or_spelt_стр_are_p_in_the_latin_form(tmp_path: Path) -> None:
    """'с. 15–20', 'стр. 15–20' and 'Стр. 15–20' are 'P. 15–20' in the References list, as 'С.
    15–20' is (they stayed 's. 15–20', 'str.', 'Str.'); '200 стр.' is '200 p.' as '200 с.' is."""
    given = [
        "Иванов И. И. Статья // Журнал. 2019. Т. 3, № 2. с. 15–20.",
        "Иванов И. И. Статья // Журнал. 2019. Т. 3, № 2. С. 15–20.",
        "Иванов И. И. Статья // Журнал. 2019. Т. 3, № 2. стр. 15–20.",
        "Иванов И. И. Статья // Журнал. 2019. Т. 3, № 2. Стр. 15–20.",
        "Иванов И. И. Книга. М.: Наука, 2010. 200 стр.",
    ]
    article = "language: ru\ntitle: {ru: Экономика, en: Economy}\nreferences:\n" + "".join(
        f'  - "{text}"\n' for text in given
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert all(text.endswith("Vol. 3, No. 2. P. 15–20. (In Russ.)") for text in latin[:4]), latin
    assert latin[4].endswith("Moscow: Nauka, 2010. 200 p. (In Russ.)"), latin


def test_electronic_resource_typed_in_english_is_dropped_as_the_russian_one_is(
    tmp_path: Path,
) -> None:
    """'[Electronic resource]' in a Russian list's entry is left out of its Latin form, as
    '[Электронный ресурс]' is (RSCI's References style writes neither): it was kept, so one
    list's Latin forms differed."""
    given = [
        "Иванов И. И. Экономика Японии [Electronic resource]. URL: https://example.org/japan "
        "(дата обращения: 12.03.2018).",
        "Иванов И. И. Экономика Японии [Электронный ресурс]. URL: https://example.org/japan "
        "(дата обращения: 12.03.2018).",
        "Smith J. Japan's economy [electronic resource]. URL: https://example.org/japan "
        "(дата обращения: 12.03.2018).",
    ]
    article = "language: ru\ntitle: {ru: Экономика, en: Economy}\nreferences:\n" + "".join(
        f'  - "{text}"\n' for text in given
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert (
        latin[0]
        == latin[1]
        == (
            "Ivanov I. I. Ekonomika Yaponii. URL: https://example.org/japan "
            "(accessed: 12.03.2018). (In Russ.)"
        )
    ), latin
    assert latin[2] == (
        "Smith J. Japan's economy. URL: https://example.org/japan (accessed: 12.03.2018)."
    ), latin


OTHER_CYRILLIC = [
    "Багдановіч М. Вянок: зборнік вершаў. Вільня, 1913.",
    "Купала Я. Выбраныя творы. Мінск, 1952.",
    "Андрић И. На Дрини ћуприја. Београд, 1945.",
    "Петровски Т. Прашањето за ѕвездите. Скопје, 1998.",
]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_belarusian_serbian_or_macedonian_reference_is_filed_by_its_letters(
    tmp_path: Path, store, run, language: str
) -> None:
    """A reference in Belarusian (ў, or і with ы), Serbian (ћ) or Macedonian (ѕ) letters is
    kept under be, sr or mk, with no Latin form, said, as a Kazakh one is: it was filed as ru,
    Cyrillic of another language tagged Russian, its element-citation too."""
    listed = "".join(f'  - "{text}"\n' for text in OTHER_CYRILLIC)
    article = f"language: {language}\ntitle: {{ru: Книги, en: Books}}\nreferences:\n{listed}"
    path = _write(tmp_path, article=article)
    refs = enrich(load_article(path)).references
    assert [ref.text for ref in refs] == [
        {code: text} for code, text in zip(["be", "be", "sr", "mk"], OTHER_CYRILLIC, strict=True)
    ]
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    warnings = [
        line.split(": warning: ", 1)[1] for line in result.err.splitlines() if ": warning: " in line
    ]
    assert warnings[:1] == [
        "references[0]: Belarusian letters (ў): no transliteration scheme, give text.en"
    ], warnings
    out = tmp_path / "out" / "article.xml"
    assert xmllint(out, store.catalog).returncode == 0
    tree = etree.parse(str(out))
    for ref, code in zip(tree.iter("ref"), ["be", "be", "sr", "mk"], strict=True):
        assert {one.get(LANG) for one in ref.iter("mixed-citation", "element-citation")} == {code}


def test_a_serbian_or_macedonian_group_is_filed_by_its_own_letters_or_said(
    tmp_path: Path,
) -> None:
    """A group in Serbian (ћ) or Macedonian (ѕ) letters typed plain in an English article goes
    under sr or mk; one in the letters the two share (ј) tells neither, stays where it was
    typed and is said, so that its language can be given."""
    serbian, macedonian = "Матична ћелија Београда", "Ѕвезда Скопје"
    shared = "Српска академија наука и уметности"
    article = (
        "language: en\ntitle: {en: Academies}\nauthors:\n"
        f"  - collab: {serbian}\n  - collab: {macedonian}\n  - collab: {shared}\n"
    )
    done = enriched(load_article(_write(tmp_path, article=article)))
    assert [one.collab for one in done.article.authors] == [
        {"sr": serbian}, {"mk": macedonian}, {"en": shared},
    ]  # fmt: skip
    assert done.untransliterated == [
        "authors[2].collab: Serbian or Macedonian letters (ј): no one language told, written "
        "under en: give the name under its language (collab: {sr: …})"
    ]


RUSSIAN_WITH_UKRAINIAN_I = [
    # (PDF damage: a Ukrainian і for и)
    "Иванов И. И. Экономіка Японии. М.: Наука, 2010. 200 с.",
    # (a Russian article on a Belarusian poet, his name in his letters)
    "Сидоров А. Поэзия Янкі Купалы // Нёман. 2010. № 3. С. 5–20.",
]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_russian_reference_with_a_stray_ukrainian_i_is_no_kazakh_one(
    tmp_path: Path, store, run, language: str
) -> None:
    """A Russian reference with a Ukrainian or Belarusian і in it (a damaged letter, a quoted
    name) stays Russian, under ru, its element-citation too: with no letter of Kazakh's own (ә,
    қ …) in it, і tells no Kazakh. It was filed as kk, Russian text tagged Kazakh."""
    listed = "".join(f'  - "{text}"\n' for text in RUSSIAN_WITH_UKRAINIAN_I)
    article = f"language: {language}\ntitle: {{ru: Книги, en: Books}}\nreferences:\n{listed}"
    path = _write(tmp_path, article=article)
    refs = enrich(load_article(path)).references
    assert [list(ref.text) for ref in refs] == [["ru"], ["ru"]]
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    # (said as what its letters are, not as Kazakh letters)
    assert "references[0]: letters of no one Cyrillic alphabet (э, і): no transliteration " in (
        result.err
    ), result.err
    out = tmp_path / "out" / "article.xml"
    assert xmllint(out, store.catalog).returncode == 0
    for ref in etree.parse(str(out)).iter("ref"):
        assert {one.get(LANG) for one in ref.iter("mixed-citation", "element-citation")} == {"ru"}


def test_a_russian_group_with_a_stray_ukrainian_i_is_said_not_filed_as_kazakh(
    tmp_path: Path,
) -> None:
    """A Russian group's name with a Ukrainian і in it (PDF damage) typed plain in an English
    article is no Kazakh group: it stays where it was typed and is said, so that its language
    can be given. It was filed under kk."""
    article = "language: en\ntitle: {en: Academies}\nauthors:\n  - collab: Институт экономіки РАН\n"
    done = enriched(load_article(_write(tmp_path, article=article)))
    assert [one.collab for one in done.article.authors] == [{"en": "Институт экономіки РАН"}]
    assert done.untransliterated == [
        "authors[0].collab: letters of no one Cyrillic alphabet (э, і): no one language told, "
        "written under en: give the name under its language (collab: {ru: …})"
    ]


def test_ukrainian_pages_spelt_стор_are_p_in_the_latin_form(tmp_path: Path) -> None:
    """Ukrainian lists spell the page 'стор.' as Russian ones 'стр.': 'стор. 5–9' is 'P. 5–9'
    and '400 стор.' '400 p.' in the References list, as 'с. 5–9' and '400 с.' are in the same
    list (they stayed 'stor. 5–9', '400 stor.')."""
    given = [
        "Ковальчук О. Історія // Вісник. 2001. № 3. стор. 5–9.",
        "Ковальчук О. Історія // Вісник. 2001. № 3. Стор. 5–9.",
        "Ковальчук О. Історія // Вісник. 2001. № 3. с. 5–9.",
        "Ковальчук О. Історія. Київ, 2001. 400 стор.",
    ]
    article = "language: uk\ntitle: {uk: Економіка, en: Economy}\nreferences:\n" + "".join(
        f'  - "{text}"\n' for text in given
    )
    refs = enrich(load_article(_write(tmp_path, article=article))).references
    latin = [ref.text["en"] for ref in refs]
    assert all(text.endswith("No. 3. P. 5–9. (In Ukrainian)") for text in latin[:3]), latin
    assert latin[3].endswith("Kyiv, 2001. 400 p. (In Ukrainian)"), latin
