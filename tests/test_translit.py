"""Transliteration letter by letter, per scheme, against tables written from the standards."""

from __future__ import annotations

import pytest

from converter.scripts import has_cyrillic
from converter.translit import (
    SCHEMES,
    UKRAINIAN,
    NoScheme,
    initial,
    scheme_for,
    transliterate,
    transliterate_given,
    transliterate_name,
)

ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
# The Latin for each letter of ALPHABET after a consonant (so no word-initial rule applies),
# from the standards' tables, not from iuliia.
TABLES = {
    # BS 2979:1958 without diacritics, the "BSI" of the References guides.
    "bsi": "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch \" y ' e yu ya",
    # BGN/PCGN 1947 (ë with diaeresis; ˮ U+02EE and ʼ U+02BC for the signs).
    "bgn-pcgn": "a b v g d e ë zh z i y k l m n o p r s t u f kh ts ch sh shch ˮ y ʼ e yu ya",
    # GOST 7.79-2000 System B (ц is cz except before е, и, ы, й).
    "gost-7.79-b": "a b v g d e yo zh z i j k l m n o p r s t u f x cz ch sh shh `` y` ` e` yu ya",
    # ISO 9:1995 = GOST 7.79-2000 System A: one Latin letter per Cyrillic letter.
    "iso-9": "a b v g d e ë ž z i j k l m n o p r s t u f h c č š ŝ ʺ y ʹ è û â",
    # ALA-LC romanization tables (with the ligature ties).
    "ala-lc": "a b v g d e ë zh z i ĭ k l m n o p r s t u f kh t͡s ch sh shch ʺ y ʹ ė i͡u i͡a",
}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_letter_after_a_consonant(scheme: str) -> None:
    expected = TABLES[scheme].split(" ")
    assert len(expected) == len(ALPHABET)
    for letter, latin in zip(ALPHABET, expected, strict=True):
        assert transliterate("б" + letter, scheme) == "b" + latin, (scheme, letter)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_capital_letters_start_a_capitalised_word(scheme: str) -> None:
    expected = TABLES[scheme].split(" ")
    for letter, latin in zip(ALPHABET, expected, strict=True):
        if letter in "ъь":
            continue  # never begin a word
        got = transliterate(letter.upper() + "м", scheme)
        if scheme == "bgn-pcgn" and letter in "её":
            latin = "y" + latin  # BGN/PCGN: е, ё are ye, yë at the start of a word
        assert got == latin[0].upper() + latin[1:] + "m", (scheme, letter, got)


@pytest.mark.parametrize(
    ("scheme", "word", "caps"),
    [
        ("bsi", "Shchukin", "SHCHI"),
        ("bgn-pcgn", "Shchukin", "SHCHI"),
        ("gost-7.79-b", "Shhukin", "SHHI"),
        ("iso-9", "Ŝukin", "ŜI"),
        ("ala-lc", "Shchukin", "SHCHI"),
    ],
)
def test_digraph_capitalisation(scheme: str, word: str, caps: str) -> None:
    assert transliterate("Щукин", scheme) == word
    assert transliterate("ЩИ", scheme) == caps
    assert transliterate("ЖУРНАЛ", scheme) == transliterate("журнал", scheme).upper()


def test_yo_short_i_and_signs() -> None:
    assert transliterate("Ёлкин подъезд Российский учений мирный", "bsi") == (
        'Elkin pod"ezd Rossiiskii uchenii mirnyi'
    )
    assert transliterate("Ёлкин подъезд Российский объём", "bgn-pcgn") == (
        "Yëlkin podˮyezd Rossiyskiy obˮyëm"
    )
    assert transliterate("Ёлкин подъезд Российский цирк", "gost-7.79-b") == (
        "Yolkin pod``ezd Rossijskij cirk"
    )
    assert transliterate("Ёлкин подъезд", "iso-9") == "Ëlkin podʺezd"
    assert transliterate("Ёлкин подъезд", "ala-lc") == "Ëlkin podʺezd"


def test_bgn_pcgn_without_optional_middle_dots() -> None:
    assert transliterate("Братск Дашчи Карпинскийа", "bgn-pcgn") == "Bratsk Dashchi Karpinskiya"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_cyrillic_left_and_other_text_untouched(scheme: str) -> None:
    text = ALPHABET + " " + ALPHABET.upper() + " Tokyo 2018, «кавычки» — №5"
    out = transliterate(text, scheme)
    assert not has_cyrillic(out.replace("№", "")), out
    assert "Tokyo 2018" in out
    assert transliterate("Plain Latin text.", scheme) == "Plain Latin text."


def test_initials_and_names() -> None:
    assert initial("Юрий", "bsi") == "Yu."
    assert initial("Щ.", "bsi") == "Shch."
    assert initial("Жанна", "gost-7.79-b") == "Zh."
    assert initial("Ёлкин", "bgn-pcgn") == "Yë."
    assert initial("Анна-Мария", "bsi") == "A.-M."
    assert transliterate_name("Стрельцов", "Дмитрий Викторович", "bsi") == (
        "Strel'tsov",
        "Dmitrii Viktorovich",
    )
    assert transliterate_name("Стрельцов", "Дмитрий Викторович", "bsi", True) == (
        "Strel'tsov",
        "Dmitrii V.",
    )
    assert transliterate_name("Щукин", "Андрей Юрьевич", "bgn-pcgn", True) == (
        "Shchukin",
        "Andrey Yu.",
    )
    assert transliterate_given("Ю. Ж.", "bsi") == "Yu. Zh."
    assert transliterate_given("Мария Сергеевна", "bsi", True) == "Mariya S."


def test_unknown_scheme_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown transliteration scheme"):
        transliterate("текст", "nonsense")


def test_cli_translit(run) -> None:
    result = run("translit", "-s", "bsi", "Щукин ЩИ")
    assert result.code == 0
    assert result.out.strip() == "Shchukin SHCHI"
    result = run("translit", "--name", "--patronymic-initials", "Стрельцов Дмитрий Викторович")
    assert result.out.strip() == "Strel'tsov, Dmitrii V."
    result = run("translit", "--all", "Щи")
    assert [line.split()[0] for line in result.out.splitlines()] == list(SCHEMES)


def test_two_letter_initial() -> None:
    assert transliterate_given("Дж. Р.", "bsi") == "Dzh. R."


# ------------------------------------------------------------------------------- Ukrainian

# The examples of the Cabinet of Ministers of Ukraine Resolution No. 55 of 27 January 2010
# ("Про впорядкування транслітерації українського алфавіту латиницею"): every example of its
# table, letter by letter, and of its notes (зг → zgh). The apostrophe is typed three ways.
RESOLUTION_EXAMPLES = {
    "Алушта": "Alushta", "Андрій": "Andrii",
    "Борщагівка": "Borshchahivka", "Борисенко": "Borysenko",
    "Вінниця": "Vinnytsia", "Володимир": "Volodymyr",
    "Гадяч": "Hadiach", "Богдан": "Bohdan", "Згурський": "Zghurskyi",
    "Ґалаґан": "Galagan", "Ґорґани": "Gorgany",
    "Донецьк": "Donetsk", "Дмитро": "Dmytro",
    "Рівне": "Rivne", "Олег": "Oleh", "Есмань": "Esman",
    "Єнакієве": "Yenakiieve", "Гаєвич": "Haievych", "Короп'є": "Koropie",
    "Житомир": "Zhytomyr", "Жанна": "Zhanna", "Жежелів": "Zhezheliv",
    "Закарпаття": "Zakarpattia", "Казимирчук": "Kazymyrchuk",
    "Медвин": "Medvyn", "Михайленко": "Mykhailenko",
    "Іванків": "Ivankiv", "Іващенко": "Ivashchenko",
    "Їжакевич": "Yizhakevych", "Кадиївка": "Kadyivka", "Мар’їне": "Marine",
    "Йосипівка": "Yosypivka", "Стрий": "Stryi", "Олексій": "Oleksii",
    "Київ": "Kyiv", "Коваленко": "Kovalenko",
    "Лебедин": "Lebedyn", "Леонід": "Leonid",
    "Миколаїв": "Mykolaiv", "Маринич": "Marynych",
    "Ніжин": "Nizhyn", "Наталія": "Nataliia",
    "Одеса": "Odesa", "Онищенко": "Onyshchenko",
    "Полтава": "Poltava", "Петро": "Petro",
    "Решетилівка": "Reshetylivka", "Рибчинський": "Rybchynskyi",
    "Суми": "Sumy", "Соломія": "Solomiia",
    "Тернопіль": "Ternopil", "Троць": "Trots",
    "Ужгород": "Uzhhorod", "Уляна": "Uliana",
    "Фастів": "Fastiv", "Філіпчук": "Filipchuk",
    "Харків": "Kharkiv", "Христина": "Khrystyna",
    "Біла Церква": "Bila Tserkva", "Стеценко": "Stetsenko",
    "Чернівці": "Chernivtsi", "Шевченко": "Shevchenko",
    "Шостка": "Shostka", "Кишеньки": "Kyshenky",
    "Щербухи": "Shcherbukhy", "Гоща": "Hoshcha", "Гаращенко": "Harashchenko",
    "Юрій": "Yurii", "Корюківка": "Koriukivka",
    "Яготин": "Yahotyn", "Ярошенко": "Yaroshenko", "Костянтин": "Kostiantyn",
    "Знамʼянка": "Znamianka", "Феодосія": "Feodosiia",
    "Згорани": "Zghorany", "Розгон": "Rozghon",
}  # fmt: skip


@pytest.mark.parametrize(("cyrillic", "latin"), RESOLUTION_EXAMPLES.items())
def test_ukrainian_resolution_examples(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, UKRAINIAN) == latin


def test_ukrainian_letters_after_a_consonant_and_at_a_word_start() -> None:
    letters = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
    after = "a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch - iu ia"
    for letter, latin in zip(letters, after.split(), strict=True):
        assert transliterate("б" + letter, UKRAINIAN) == "b" + latin.strip("-"), letter
    starts = {"Є": "Ye", "Ї": "Yi", "Й": "Y", "Ю": "Yu", "Я": "Ya", "є": "ye", "я": "ya"}
    for letter, latin in starts.items():
        assert transliterate(letter + "м", UKRAINIAN) == latin + "m", letter


def test_ukrainian_capitals_quotes_and_hyphens() -> None:
    assert transliterate("ЗГОРАНИ ЄНАКІЄВЕ", UKRAINIAN) == "ZGHORANY YENAKIIEVE"
    # an apostrophe inside a word is not written; a quotation mark around one stays
    assert transliterate("'Знам`янка' і «Короп’є»", UKRAINIAN) == "'Znamianka' i «Koropie»"
    # each part of a hyphenated name starts a word
    assert transliterate("Ярослава-Юлія", UKRAINIAN) == "Yaroslava-Yuliia"


def test_ukrainian_names() -> None:
    assert transliterate_name("Ґудзь", "Євгенія Юріївна", UKRAINIAN) == (
        "Gudz",
        "Yevheniia Yuriivna",
    )
    assert transliterate_name("Ґудзь", "Євгенія Юріївна", UKRAINIAN, True) == (
        "Gudz",
        "Yevheniia Yu.",
    )
    assert transliterate_given("Є. Ї.", UKRAINIAN) == "Ye. Yi."
    assert transliterate_given("Андрій Юрійович", UKRAINIAN, True) == "Andrii Yu."


@pytest.mark.parametrize(
    ("text", "declared", "scheme"),
    [
        ("Ґудзь Євгенія", None, UKRAINIAN),  # letters only Ukrainian has
        ("Іванків", None, UKRAINIAN),  # і without ў or a Kazakh letter
        ("Ґудзь Євгенія", "ru", UKRAINIAN),  # Russian has no ґ, є: the letters win
        ("Коваленко Олег", None, "gost-7.79-b"),  # shared letters: Russian
        ("Коваленко Олег", "uk", UKRAINIAN),  # … unless the language says Ukrainian
        ("Коваленко Олег", "uk-UA", UKRAINIAN),
        ("Объём", "uk", "gost-7.79-b"),  # Ukrainian has no ъ, ё: the letters win
    ],
)
def test_the_scheme_follows_the_language(text: str, declared: str | None, scheme: str) -> None:
    assert scheme_for(text, "gost-7.79-b", declared) == scheme


@pytest.mark.parametrize(
    ("text", "declared", "said"),
    [
        ("Әбдіхалықов Қ.", None, "Kazakh letters (ә, қ)"),
        ("Ўладзімір", None, "Belarusian letters (ў)"),
        ("Міхаіл Шыла", None, "Belarusian or Kazakh letters (і, ы)"),
        ("Петровић", None, "Serbian letters (ћ)"),
        ("Љубљана", None, "Serbian or Macedonian letters (љ)"),
        ("Єгор Шыла", None, "letters of no one Cyrillic alphabet (є, ы)"),
        ("Иван Петров", "bg", "Bulgarian (bg)"),
        ("Иван Петров", "cv", "language cv"),
    ],
)
def test_other_alphabets_have_no_scheme(text: str, declared: str | None, said: str) -> None:
    with pytest.raises(NoScheme) as raised:
        scheme_for(text, "bsi", declared)
    assert str(raised.value) == said


def test_cli_translit_ukrainian_text(run) -> None:
    result = run("translit", "-s", "bgn-pcgn", "Ґудзь Євгенія Юріївна", "Щукин")
    assert result.code == 0
    assert result.out.splitlines() == ["Gudz Yevheniia Yuriivna", "Shchukin"]
    result = run(
        "translit", "--lang", "uk", "--name", "--patronymic-initials", "Коваленко Олег Юрійович"
    )
    assert result.out.strip() == "Kovalenko, Oleh Yu."
    result = run("translit", "--all", "Юрій")
    assert result.out.splitlines() == ["kmu-2010     Yurii"]


def test_cli_translit_refuses_other_alphabets(run) -> None:
    result = run("translit", "Щукин", "Әбдіхалықов Қ.", "Ўладзімір")
    assert result.code == 3
    assert result.out == ""  # no line of the others either: one result a line, or none
    assert result.err.splitlines() == [
        "jatsconv: 'Әбдіхалықов Қ.': Kazakh letters (ә, қ): no transliteration scheme",
        "jatsconv: 'Ўладзімір': Belarusian letters (ў): no transliteration scheme",
    ]
    help_text = run("translit", "--help").out
    assert "kmu-2010" in help_text and "the exit code is 3" in help_text
