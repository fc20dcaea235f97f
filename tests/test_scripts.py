"""Which script a word is in, and a word typed with the other script's look-alikes."""

from __future__ import annotations

import pytest

from converter.scripts import mixed_script_words, unmixed


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Мoscow", "Moscow"),  # a Cyrillic М in an English word
        ("Cерия", "Серия"),  # a Latin C in a Russian one
        ("Cб.", "Сб."),  # б has no Latin look-alike: the word is Russian
        ("МАRCHI", "MARCHI"),  # R has no Cyrillic look-alike: the word is Latin
        ("ОSТ", "OST"),  # Macedonian Ѕ is no look-alike of S here
        ("Universitу", "University"),
        ("двуxпорожденными", "двухпорожденными"),
        ("Вiсник", "Вісник"),  # a Latin i in Ukrainian is і
        ("ХХI", "XXI"),  # a Roman numeral is Latin, whatever most of its letters are
        ("Рp.", "Pp."),  # a tie of look-alikes: Latin
        ("(Мoscow): Nauka", "(Moscow): Nauka"),
        ("СyberLeninkа.ru", "CyberLeninka.ru"),
        ("Вöhringer", "Böhringer"),  # a look-alike beside an accented Latin letter
        ("Мüller", "Müller"),
    ],
)
def test_a_word_typed_with_look_alikes_is_spelled_as_meant(typed: str, meant: str) -> None:
    assert mixed_script_words(typed)
    assert unmixed(typed) == meant
    assert len(unmixed(typed) or "") == len(typed)  # every letter keeps its place
    assert not mixed_script_words(meant)


@pytest.mark.parametrize(
    "text",
    [
        "Saarbrьcken",  # mis-decoded ü (converter.misdecoded): both scripts have own letters
        "Т.V.",  # a Cyrillic volume mark glued to a Latin numeral: each word in one script
        "Moscow",
        "Москва",
        "Moscow, Наука, 2001",  # two scripts, but each word in one
        "",
    ],
)
def test_nothing_to_spell_when_no_word_can_be_told(text: str) -> None:
    assert unmixed(text) is None


def test_a_latin_reference_that_quotes_cyrillic_is_english() -> None:
    """A reference given as text in a Russian article that only quotes a Russian word, or
    gives its Cyrillic title in brackets beside the Latin form, is English, as every reader
    files it (one Cyrillic word filed it as Russian); Cyrillic outside quotes keeps a
    reference Russian, however much of it is Latin."""
    from converter.scripts import reference_language

    assert reference_language("Smith J. The «перестройка» years. Oxford, 1999.", "ru") == "en"
    assert reference_language("Ivanov I. Teoriya polya [Теория поля]. Moscow, 1975.", "ru") == "en"
    russian = "Иванов И. И. Поле // Journal of Mathematical Physics. 2010. Vol. 5. P. 1–9."
    assert reference_language(russian, "ru") == "ru"
