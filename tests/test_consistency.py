"""Script and transliteration-scheme consistency of Latin-script fields."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import BILINGUAL, SEED
from converter import load_article
from converter.consistency import (
    check_article,
    check_texts,
    word_evidence,
    word_fits,
)


def _refs(path: Path) -> list[tuple[str, str]]:
    article = load_article(path)
    return [(f"references[{i}].text.en", r.text["en"]) for i, r in enumerate(article.references)]


def test_seed_references_report_mixed_short_i_and_soft_sign() -> None:
    findings = check_texts(_refs(SEED), scheme=None)
    by_letter = {f.message.split(" ")[0]: f for f in findings if f.rule == "translit-mixed"}
    short_i = by_letter["й"].message
    assert "й as 'y' in Rossiyskaya (bgn-pcgn)" in short_i
    for word in ("Kitai", "mirovoi", "priznavshei"):
        assert word in short_i
    assert "й as 'i' in" in short_i and "(bsi)" in short_i
    soft = by_letter["ь"].message
    assert "ь as 'y' in postroity, podpisaty (no scheme)" in soft
    assert "provodilis" in soft  # ь left out: the other treatment in the same list


def test_a_letter_written_two_ways_names_the_references_of_each(run) -> None:
    """Each way names the references holding it, and the finding is put on the rarer way's
    (until 4 December 2026 on the first word's reference only, references[0])."""
    findings = check_texts(_refs(SEED), scheme=None)
    ya = next(f for f in findings if f.message.startswith("я is"))
    assert "in references 1, 2 and 3; я as 'ia' in uchenia (no scheme) in reference 3" in ya.message
    assert ya.field == "references[2].text.en"
    out = run("consistency", SEED).out
    assert "х as 'h' in Hokkaido (iso-9) in reference 1;" in out


def test_a_person_of_a_jats_file_is_named_by_role_and_name(run, tmp_path: Path) -> None:
    """In JATS, "author N" counted every contrib (editors, translators), grouped by role as the
    writer writes them: an editor was "author 2", which is neither the input's authors[1] nor
    an author. A person is named by role and name, as the user finds them in either file."""
    jats = SEED.with_suffix(".xml").read_text(encoding="utf-8")
    editor = (
        '<contrib-group content-type="editors"><contrib contrib-type="editor"><name>'
        "<surname>Iakovleva</surname><given-names>Olga</given-names></name></contrib>"
        "</contrib-group>"
    )
    path = tmp_path / "a.xml"
    path.write_text(jats.replace("</contrib-group>", "</contrib-group>" + editor, 1), "utf-8")
    out = run("check", path, "--profile", "rsci").out
    (line,) = [line for line in out.splitlines() if "я is transliterated" in line]
    assert "я as 'ia' in Iakovleva, uchenia (no scheme) in reference 3; editor Olga Iakovleva;" in (
        line
    )
    assert "author 2" not in line


def test_seed_references_against_a_journal_scheme() -> None:
    findings = check_texts(_refs(SEED), scheme="bsi")
    words = {f.word: f for f in findings}
    assert words["Rossiyskaya"].fits == ("bgn-pcgn",)
    assert words["Rossiyskaya"].scheme == "bsi"
    assert "fits bgn-pcgn; the journal uses bsi" in words["Rossiyskaya"].message
    assert words["postroity"].fits == ()
    assert "ь as 'y'" in words["postroity"].message
    assert "podpisaty" in words
    for word in ("Kitai", "mirovoi", "priznavshei"):  # BSI writes й as i: no deviation
        assert word not in words
    findings = check_texts(_refs(SEED), scheme="bgn-pcgn")
    words = {f.word for f in findings}
    assert {"Kitai", "mirovoi", "priznavshei"} <= words
    assert "Rossiyskaya" not in words


def test_evidence_and_fits() -> None:
    assert word_evidence("Rossiyskaya") == {"й": "y", "я": "ya"}
    assert word_fits(word_evidence("Rossiyskaya")) == {"bgn-pcgn"}
    assert word_fits(word_evidence("Kitai")) == {"bsi"}
    assert word_fits(word_evidence("postroity")) == frozenset()  # ь as y: no scheme
    assert word_fits(word_evidence("Rossijskaya")) == {"gost-7.79-b"}
    assert word_evidence("September") == {}  # English: no Russian reading, no evidence
    assert "ь" not in word_evidence("tsely")  # цели/целы/цель disagree: no evidence on ь


def test_english_prose_is_not_read_as_transliteration() -> None:
    article = load_article(SEED)
    findings = check_article(article, "bsi")
    assert not [f for f in findings if f.field.startswith(("abstract", "title", "keywords"))]


def test_mixed_script_and_cyrillic_in_latin_fields() -> None:
    texts = [("title.en", "Relations with Mоscow"), ("keywords.en[0]", "санкции")]
    findings = check_texts(texts, "bsi")
    rules = {(f.rule, f.field) for f in findings}
    assert ("mixed-script", "title.en") in rules
    assert ("cyrillic-in-latin", "keywords.en[0]") in rules
    mixed = next(f for f in findings if f.rule == "mixed-script")
    assert mixed.word == "Mоscow" and "Cyrillic: о" in mixed.message
    assert mixed.message.endswith("in one script: 'Moscow'")
    assert all(f.severity == "error" for f in findings)


def test_bilingual_sample_follows_its_scheme() -> None:
    # The author's own spelling Streltsov drops ь: a passport form, not a deviation.
    assert check_article(load_article(BILINGUAL)) == []


def test_cli_consistency(run, tmp_path: Path) -> None:
    result = run("consistency", SEED)
    assert result.code == 0  # warnings only
    assert "translit-mixed" in result.out and "postroity" in result.out
    result = run("consistency", "--scheme", "bsi", "--json", SEED)
    payload = json.loads(result.out)
    assert any(f["word"] == "Rossiyskaya" for f in payload[0]["findings"])
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: {en: Mоscow}\nissn: x\n", encoding="utf-8")
    assert run("consistency", bad).code == 3


def test_cli_consistency_fails_on_mixed_script(run, write_article) -> None:
    path = write_article("title: {en: Relations with Mоscow}\n")
    result = run("consistency", path)
    assert result.code == 1
    assert "mixed-script" in result.out and "title.en" in result.out


def test_cli_consistency_names_misdecoded_text_in_any_field(run, write_article) -> None:
    """A title saved as UTF-8 and read as Windows-1251 (an old OJS database), an author's name
    read as Latin-1 and a Russian reference: each is an error naming the field and the word
    meant, in Cyrillic fields as in Latin ones."""
    title = "Российско-японские отношения".encode().decode("cp1251")
    path = write_article(
        "language: ru\n"
        f'title: {{ru: "{title}", en: Relations}}\n'
        "authors:\n  - name: {en: {surname: MÃ¼ller, given: Hans}}\n"
        'references:\n  - "Иванов И.И. История. РњРѕСЃРєРІР°: Наука, 2016. 320 с."\n'
    )
    result = run("consistency", path)
    assert result.code == 1
    lines = [line for line in result.out.splitlines() if "[misdecoded]" in line]
    assert len(lines) == 4
    assert (
        "is 'Российско-японские' (UTF-8 read as Windows-1251) (input field title.ru)" in (lines[0])
    )
    assert "'отношения' (UTF-8 read as Windows-1251) (input field title.ru)" in lines[1]
    assert "'MÃ¼ller' is 'Müller'" in lines[2] and "authors[0].name.en.surname" in lines[2]
    assert "'РњРѕСЃРєРІР°:' is 'Москва:'" in lines[3] and "references[0].text.ru" in lines[3]
    assert run("consistency", write_article("title: {en: Relations with Moscow}\n")).code == 0


def test_ukrainian_latin_forms_are_not_judged_as_russian_ones(run, write_article) -> None:
    """Istoriia and Yevheniia follow Ukraine's national system, not a Russian scheme: beside
    Istoriya in a Russian reference they are no second way of writing я."""
    path = write_article(
        """\
language: uk
title: {uk: Стаття, en: Article}
authors:
  - name:
      uk: {surname: Ґудзь, given: Євгенія Юріївна}
      en: {surname: Gudz, given: Yevheniia Yuriivna}
references:
  - text:
      uk: "Грушевський М. С. Історія України-Руси. Київ: Наукова думка, 1991. 648 с."
      en: "Hrushevskyi M. S. Istoriia Ukrainy-Rusy. Kyiv: Naukova dumka, 1991. 648 p."
  - text:
      ru: "Кузнецов Ю. Д. История Японии. М.: Высшая школа, 1988. 432 с."
      en: "Kuznetsov Yu. D. Istoriya Yaponii. Moscow: Vysshaya shkola, 1988. 432 p."
"""
    )
    result = run("consistency", "--scheme", "bsi", path)
    assert result.code == 0, result.out
    assert "Istoriia" not in result.out and "Yevheniia" not in result.out


def test_statements_in_english_are_checked_for_scripts(run, tmp_path: Path) -> None:
    """The funding statement, acknowledgements, competing-interests and data availability
    statements in English are Latin-script fields as the abstract is: a word mixing scripts
    in them is an error naming the field, as ``check --profile rsci`` finds it in the JATS."""
    statements = {
        "funding_statement": {"en": "Funded by the Russian Science Foundаtion."},
        "acknowledgements": {"en": ["We thank the archive in Мoscow."]},
        "competing_interests": {"en": ["The authors declare none.", "Сonflicts: none."]},
        "data_availability": {"en": ["Data are available from the аuthors."]},
    }
    path = tmp_path / "article.yaml"
    added = "".join(f"{name}: {json.dumps(value)}\n" for name, value in statements.items())
    path.write_text(SEED.read_text(encoding="utf-8") + added, encoding="utf-8")
    journal = SEED.parent.parent / "journal.yaml"
    result = run("consistency", path, "--journal", journal, "--json")
    assert result.code == 1, result.err
    [item] = json.loads(result.out)
    fields = {f["field"] for f in item["findings"] if f["rule"] == "mixed-script"}
    assert fields == {
        "funding_statement.en",
        "acknowledgements.en[0]",
        "competing_interests.en[1]",
        "data_availability.en[0]",
    }


def test_an_affiliations_state_is_checked_as_its_city_is(run, write_article) -> None:
    """A Latin-form state typed with a Cyrillic letter ('Mоscow Oblast') is found, as a city is."""
    path = write_article(
        "title: {en: A state}\nauthors:\n  - name: {surname: Smith, given: Jane}\n"
        "    affiliations:\n      - institution: {en: Test University}\n"
        "        city: {en: Dubna}\n        state: {en: Mоscow Oblast}\n        country: RU\n"
    )
    result = run("consistency", path)
    assert result.code == 1
    assert "mixed-script" in result.out and "affiliations[0].state.en" in result.out


def test_an_affiliations_postal_code_is_checked_for_its_letters(run, write_article) -> None:
    """A postal code typed with a Cyrillic letter ('WС1E 6BT') is found; one of digits is not."""
    text = (
        "title: {en: A postal code}\nauthors:\n  - name: {surname: Smith, given: Jane}\n"
        "    affiliations:\n      - institution: {en: Test University}\n"
        "        city: {en: London}\n        postal_code: WС1E 6BT\n        country: GB\n"
    )
    result = run("consistency", write_article(text))
    assert result.code == 1
    assert "mixed-script" in result.out and "affiliations[0].postal_code" in result.out
    result = run("consistency", write_article(text.replace("WС1E 6BT", "119991"), "b.yaml"))
    assert "postal_code" not in result.out, result.out


def test_a_plain_cyrillic_reference_or_name_of_an_english_article_is_what_convert_writes(
    run, tmp_path: Path
) -> None:
    """A Russian or Ukrainian reference, and an author's name, typed plain in an English article
    of a journal that transliterates are written by ``convert`` as the ru/uk original beside
    their Latin form: no Cyrillic stays in an English field, so consistency finds none (it
    called each a Cyrillic text in references[0].text.en). Cyrillic typed in an English title
    beside the Russian one is still an error."""
    (tmp_path / "journal.yaml").write_text(
        "language: ru\ntitle: {ru: Японские исследования, en: Japanese Studies in Russia}\n"
        "issn: {print: 2500-2872}\ntransliteration: bsi\nin_russ_note: true\n",
        encoding="utf-8",
    )
    path = tmp_path / "article.yaml"
    path.write_text(
        "language: en\ntitle: {en: Field theory}\n"
        "authors:\n  - name: {surname: Щукин, given: Андрей Юрьевич}\n"
        "references:\n  - 'Иванов И. И. Теория поля. Л.: Наука, 1975. 300 с.'\n"
        "  - 'Іваненко І. І. Історія Галичини. Л.: Світ, 1995.'\n",
        encoding="utf-8",
    )
    result = run("consistency", path)
    assert result.code == 0, result.out
    assert "cyrillic-in-latin" not in result.out
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("{en: Field theory}", "{ru: Теория поля, en: Field теория}"), "utf-8"
    )
    result = run("consistency", path)
    assert result.code == 1
    (line,) = [line for line in result.out.splitlines() if "cyrillic-in-latin" in line]
    assert "теория" in line and "(input field title.en)" in line


def test_the_words_of_a_link_are_no_transliteration_nor_english_text(run, tmp_path: Path) -> None:
    """An address is kept as it is written, a link in the JATS, which ``check`` does not read
    for scripts or schemes: 'sanktsii' in a newspaper's URL was called a deviation from
    gost-7.79-b, and a Cyrillic address (президент.рф) in an English reference Cyrillic text
    in a Latin-script field. The reference's own words are still judged."""
    (tmp_path / "journal.yaml").write_text(
        "title: {en: Japanese Studies in Russia}\nissn: {print: 2500-2872}\n"
        "transliteration: gost-7.79-b\n",
        encoding="utf-8",
    )
    url = "https://example.org/iz/2022/02/28/sanktsii"
    path = tmp_path / "article.yaml"
    path.write_text(
        "language: en\ntitle: {en: Sanctions}\nreferences:\n  - text:\n"
        f"      ru: 'Горбунов П. С. Пакет санкций // Известия. 2022. URL: {url}'\n"
        f"      en: 'Gorbunov P. S. Paket sankczij. Izvestiya. 2022. URL: {url} (In Russ.)'\n"
        "  - text:\n      ru: 'Путин В. В. Обращение. 2022. URL: http://президент.рф/новости/1'\n"
        "      en: 'Putin V. V. Obrashhenie. 2022. URL: http://президент.рф/новости/1'\n",
        encoding="utf-8",
    )
    result = run("consistency", path)
    assert result.code == 0, result.out
    assert "sanktsii" not in result.out and "президент" not in result.out
    path.write_text(path.read_text("utf-8").replace("Paket sankczij", "Paket sanktsij"), "utf-8")
    result = run("consistency", path)
    assert "'sanktsij' writes ц as 'ts'" in result.out and "sanktsii" not in result.out


def test_a_ukrainian_reference_given_as_parts_is_not_judged_as_russian(run, write_article) -> None:
    """A Ukrainian work's original given as parts (authors, title, source in Ukrainian) beside
    its Latin form tells the form is Ukraine's national system, as its element-citation tells
    ``check --profile rsci`` in the JATS: Istoriia was called a second way of writing я beside
    Istoriya of a Russian reference."""
    path = write_article(
        """\
language: en
title: {en: History}
references:
  - text: 'Hrushevskyi M. S. Istoriia Ukrainy-Rusy [History of Ukraine-Rus]. Kyiv, 1991.'
    authors: [Грушевський М. С.]
    title: Історія України-Руси
    year: 1991
  - text: 'Kuznetsov Yu. D. Istoriya Yaponii [History of Japan]. Moscow, 1988. (In Russ.)'
    authors: [Кузнецов Ю. Д.]
    title: История Японии
    year: 1988
"""
    )
    result = run("consistency", path)
    assert result.code == 0, result.out
    assert "Istoriia" not in result.out, result.out
    result = run("consistency", "--scheme", "iso-9", path)
    assert "'Istoriya' writes я as 'ya'" in result.out and "Istoriia" not in result.out


def test_a_references_english_title_is_checked_for_its_letters(run, write_article) -> None:
    """A reference's English title (``title_en``, ``source_en``) goes into its Latin form and the
    JATS's trans-title, where ``check`` finds a look-alike letter ('Jаpan' with a Cyrillic а);
    consistency said the article was consistent."""
    path = write_article(
        "language: ru\ntitle: {ru: История, en: History}\nreferences:\n"
        "  - text: 'Кузнецов Ю. Д. История Японии // Вестник. 1988. № 2. С. 1–9.'\n"
        "    title_en: History of Jаpan\n    source_en: Вестник\n"
    )
    result = run("consistency", path)
    assert result.code == 1
    lines = result.out.splitlines()
    assert any("'Jаpan' mixes" in line and "references[0].title_en" in line for line in lines)
    assert any("Вестник" in line and "references[0].source_en" in line for line in lines)


def test_a_word_mixing_scripts_in_a_russian_field_is_an_error(run, write_article) -> None:
    """'Арктикe' with a Latin e in a Russian title, 'пoля' with a Latin o in a Russian
    reference: ``check`` finds such a word in any element (script-mixed-words), and consistency
    said the article was consistent. Each is named once, with its field and its stray letters
    (a section's 'Pоlitics', in a field no other rule reads, its Cyrillic о)."""
    path = write_article(
        "language: ru\ntitle: {ru: Японская политика в Арктикe, en: Japan's Arctic pоlicy}\n"
        "section: {en: Pоlitics}\n"
        "references:\n  - 'Иванов И. И. Теория пoля. Л.: Наука, 1975.'\n"
    )
    result = run("consistency", path)
    assert result.code == 1
    lines = [line for line in result.out.splitlines() if "[mixed-script]" in line]
    assert len(lines) == 4, result.out
    said = {line.split("(input field ")[-1]: line for line in lines}
    assert (
        "'Арктикe' mixes Latin and Cyrillic letters (Latin: e); in one script: 'Арктике'"
        in (said["title.ru)"])
    )
    assert "'pоlicy'" in said["title.en)"]
    assert "'Pоlitics' mixes Latin and Cyrillic letters (Cyrillic: о)" in said["section.en)"]
    assert "'пoля'" in said["references[0].text.ru)"]


def test_a_cyrillic_e_mail_address_is_no_cyrillic_text(run, tmp_path: Path) -> None:
    """An e-mail address is kept as written in a reference's Latin form, as a web address is
    ('Pis'mo v redaktsiyu: иван@почта.рф', what convert writes): it is no Cyrillic text in a
    Latin-script field, and reading our own output back called it one. Words beside it still
    are."""
    (tmp_path / "journal.yaml").write_text(
        "title: {en: Japanese Studies in Russia}\nissn: {print: 2500-2872}\n", encoding="utf-8"
    )
    path = tmp_path / "article.yaml"
    path.write_text(
        "language: en\ntitle: {en: Letters}\nreferences:\n  - text:\n"
        "      ru: 'Письмо в редакцию: иван@почта.рф'\n"
        "      en: 'Pis''mo v redaktsiyu: иван@почта.рф'\n",
        encoding="utf-8",
    )
    result = run("consistency", path)
    assert result.code == 0, result.out
    assert "почта" not in result.out
    path.write_text(path.read_text("utf-8").replace("Pis''mo", "Письмо"), "utf-8")
    result = run("consistency", path)
    (line,) = [line for line in result.out.splitlines() if "cyrillic-in-latin" in line]
    assert "письмо" in line.lower() and "почта" not in line


_UKRAINIAN_AMONG_RUSSIAN = [
    "Kovalchuk O. Pratsia [Work]. Kyiv: Lybid, 2001. 200 p. (In Ukrainian)",
    "Vasil'ev I. F. Gibel' rybakov [Death of fishermen]. Moscow: Nauka, 1990. (In Russ.)",
    "Kuznetsov Yu. D. Istoriya Yaponii [History of Japan]. Moscow, 1988. (In Russ.)",
]


def test_a_ukrainian_works_latin_form_alone_is_not_judged_as_russian(
    run, write_article, tmp_path: Path
) -> None:
    """A References list in Latin letters alone: a Ukrainian work's form, in Ukraine's national
    system and noted "(In Ukrainian)" as the References form writes it, was judged against the
    Russian works' scheme ("ь left out in Kovalchuk (no scheme)"); a Russian one still is."""
    refs = "".join(f"  - text: {{en: {json.dumps(text)}}}\n" for text in _UKRAINIAN_AMONG_RUSSIAN)
    path = write_article("language: en\ntitle: {en: History}\nreferences:\n" + refs)
    for scheme in ([], ["--scheme", "bsi"]):
        result = run("consistency", *scheme, path)
        assert result.code == 0 and "Kovalchuk" not in result.out, result.out
    citations = "".join(
        f'<ref id="r{n}"><mixed-citation xml:lang="en">{text}</mixed-citation></ref>'
        for n, text in enumerate(_UKRAINIAN_AMONG_RUSSIAN, 1)
    )
    jats = tmp_path / "a.xml"
    jats.write_text(
        '<article xml:lang="en" dtd-version="1.3"><front><article-meta><title-group>'
        "<article-title>History</article-title></title-group></article-meta></front>"
        f"<back><ref-list>{citations}</ref-list></back></article>",
        encoding="utf-8",
    )
    for scheme in ([], ["--scheme", "bsi"]):
        result = run("check", "--profile", "rsci", *scheme, jats)
        assert "[rsci-translit-scheme]" not in result.out, result.out
    # a Russian work written so among Russian ones is still said
    russian = jats.read_text(encoding="utf-8").replace("(In Ukrainian)", "(In Russ.)")
    jats.write_text(russian, encoding="utf-8")
    result = run("check", "--profile", "rsci", jats)
    assert "ь left out in Kovalchuk (no scheme) in reference 1" in result.out, result.out
    result = run("check", "--profile", "rsci", "--scheme", "bsi", jats)
    assert "'Kovalchuk' writes ь left out: fits no scheme; the journal uses bsi" in result.out


def test_a_ukrainian_work_noted_in_ukr_is_not_judged_as_russian(
    run, write_article, tmp_path: Path
) -> None:
    """The short note "(In Ukr.)", as "(In Russ.)" is short for Russian, tells a Ukrainian
    work's Latin form as "(In Ukrainian)" does: it was judged against the Russian works' scheme
    ("ь is transliterated … in reference 2", naming Kovalchuk)."""
    texts = [t.replace("(In Ukrainian)", "(In Ukr.)") for t in _UKRAINIAN_AMONG_RUSSIAN]
    refs = "".join(f"  - text: {{en: {json.dumps(text)}}}\n" for text in texts)
    path = write_article("language: en\ntitle: {en: History}\nreferences:\n" + refs)
    result = run("consistency", path)
    assert result.code == 0 and "Kovalchuk" not in result.out, result.out
    citations = "".join(
        f'<ref id="r{n}"><mixed-citation xml:lang="en">{text}</mixed-citation></ref>'
        for n, text in enumerate(texts, 1)
    )
    jats = tmp_path / "a.xml"
    jats.write_text(
        '<article xml:lang="en" dtd-version="1.3"><front><article-meta><title-group>'
        "<article-title>History</article-title></title-group></article-meta></front>"
        f"<back><ref-list>{citations}</ref-list></back></article>",
        encoding="utf-8",
    )
    result = run("check", "--profile", "rsci", jats)
    assert "[rsci-translit-scheme]" not in result.out, result.out


def test_an_english_title_quoting_a_russian_word_is_no_finding(run, write_article) -> None:
    """An English title that only quotes a Russian word ('The Soviet economy in the
    «перестройка» years') is English, as a reference quoting one is, by the same rule
    (``scripts.quotes_cyrillic``: most letters Latin, each Cyrillic word quoted): it was called
    Cyrillic text in a Latin-script field. A title mostly in Cyrillic, or with a Cyrillic word
    unquoted, still is one."""
    path = write_article(
        "language: ru\ntitle: {ru: Годы перестройки, "
        "en: The Soviet economy in the «перестройка» years}\n"
        "abstract: {en: [The word «гласность» in the press of the 1980s.]}\n"
    )
    result = run("consistency", path)
    assert "cyrillic-in-latin" not in result.out, result.out
    findings = check_texts(
        [("title.en", "The перестройка years"), ("subtitle.en", "«Перестройка»")], "bsi"
    )
    assert [(f.rule, f.field) for f in findings] == [
        ("cyrillic-in-latin", "title.en"),
        ("cyrillic-in-latin", "subtitle.en"),
    ]
