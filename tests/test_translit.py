"""Transliteration letter by letter, per scheme, against tables written from the standards."""

from __future__ import annotations

import pytest

from converter.scripts import has_cyrillic
from converter.translit import (
    SCHEMES,
    initial,
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
