"""Words read in the wrong encoding before the converter (mojibake): found, named, repaired,
and ordinary text in any script left alone."""

from __future__ import annotations

import pytest

from converter.misdecoded import (
    CP1251_AS_1252,
    CP1252_AS_1251,
    ENTITY,
    LOST,
    UTF8_AS_1251,
    UTF8_AS_1252,
    misread,
    misreadings,
    repaired,
    repaired_words,
)


def _as(text: str, saved: str, read_as: str) -> str:
    typed = misread(text, saved, read_as)
    assert typed is not None
    return typed


@pytest.mark.parametrize(
    ("meant", "saved", "read_as", "how"),
    [
        ("Москва: Наука, 2016. 320 с.", "utf-8", "cp1251", UTF8_AS_1251),
        ("Россия и Япония", "utf-8", "cp1251", UTF8_AS_1251),  # Р holds a no-break space
        ("Müller J., Schühlen H.", "utf-8", "cp1251", UTF8_AS_1251),
        ("Neumann F-J, Schühlen H, Martínez-Romero E", "utf-8", "cp1252", UTF8_AS_1252),
        ("Москва, Россия", "utf-8", "cp1252", UTF8_AS_1252),  # C1 controls in the text
        ("It’s the «Наука» — Москва", "utf-8", "cp1252", UTF8_AS_1252),
        ("Анчев А.А. и Соколов П.Щ. Вестник. № 5", "cp1251", "cp1252", CP1251_AS_1252),
        ("Наука и жизнь", "cp1251", "cp1252", CP1251_AS_1252),  # no о, е, т, р
        ("Überlegungen für den Französischunterricht", "cp1252", "cp1251", CP1252_AS_1251),
    ],
)
def test_a_misread_text_is_repaired_to_the_very_text(
    meant: str, saved: str, read_as: str, how: str
) -> None:
    typed = _as(meant, saved, read_as)
    assert typed != meant
    assert repaired(typed) == meant
    found = misreadings(typed)
    assert found and all(one.how == how for one in found)


@pytest.mark.parametrize(
    "text",
    [
        "«Изд-во ООО «Радуга-ПРЕСС», 2016",  # С» is a valid UTF-8 pair, but no letter
        "ЕЁ ЖЁЛТЫЙ ДОМ",  # ЕЁ is C5 A8, a valid "Ũ": one letter alone proves nothing
        "été à Paris, SÃO PAULO, España, Łódź, Ærøskøbing",
        "Mсvay G.L.",  # a look-alike "с" (``scripts.unmixed``), not a mis-read "ñ"
        "вXIII-XV вв.; вull. Soc.",  # Cyrillic typed in Latin words, no accented letters meant
        "GAз (2.0 mg/l)",  # GA₃ typed with a Cyrillic "з" (a SciELO article), not a mis-read "ç"
        "Київ: Наукова думка; ДІ",  # Ukrainian
        "Why??? A question",
        "Ἀριστοτέλης, Περὶ ψυχῆς; 東京大学出版会",
        "",
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert misreadings(text) == []
    assert repaired(text) is None


def test_the_short_words_of_a_misread_text_are_repaired_with_it() -> None:
    """Alone, "В«" or "è" proves nothing; in a text whose other words show the same mis-reading,
    they are read with them."""
    assert repaired("В«") is None and repaired("è") is None
    assert repaired(_as("«Наука» и мир", "utf-8", "cp1251")) == "«Наука» и мир"
    assert repaired(_as("Иванов А.А. и Петров", "cp1251", "cp1252")) == "Иванов А.А. и Петров"


def test_each_misreading_names_the_word_the_meaning_and_the_cause() -> None:
    (one,) = misreadings("Saarbrьcken: VDM, 2010")
    assert (one.word, one.meant, one.how) == ("Saarbrьcken:", "Saarbrücken:", CP1252_AS_1251)
    assert str(one) == (
        "'Saarbrьcken:' is 'Saarbrücken:' (Windows-1252 (Latin-1) read as Windows-1251)"
    )
    assert repaired_words("SchÃ¼hlen H, PÃ¼schel GP") == {
        "SchÃ¼hlen": "Schühlen",
        "PÃ¼schel": "Püschel",
    }


def test_letters_lost_for_good_are_named_and_left() -> None:
    lost = misreadings("B\ufffdssler K. ??????? ?????")
    assert [(one.word, one.meant, one.how) for one in lost] == [
        ("B\ufffdssler", None, LOST),
        ("???????", None, LOST),
        ("?????", None, LOST),
    ]
    assert repaired("B\ufffdssler K.") is None


def test_html_entities_left_as_text_are_decoded_text() -> None:
    """Text copied from a page's source, or escaped twice: each entity is named with the
    character meant; "AT&T", "&c." and an entity without its semicolon are no entities."""
    found = misreadings("Smith &amp; Jones. &laquo;Наука&raquo;&nbsp;и мир, 2016, pp. 1&#8211;9")
    assert [(one.word, one.meant, one.how) for one in found] == [
        ("&amp;", "&", ENTITY),
        ("&laquo;Наука&raquo;&nbsp;и", "«Наука»\u00a0и", ENTITY),
        ("1&#8211;9", "1–9", ENTITY),
    ]
    assert ENTITY == "HTML entities left as text"  # as check names it, not a pattern's repr
    assert repaired("a &amp;laquo;b&amp;raquo;") == "a «b»"  # escaped twice
    assert misreadings("AT&T Bell Labs &c., Tom &amp Jerry") == []


def test_hostile_input_is_read_in_one_pass() -> None:
    """Long runs that a backtracking pattern would take quadratic time over ("???…?x": half a
    minute for 50,000 characters with the pattern first written) are answered at once."""
    assert misreadings("?" * 50_000 + "x") == []
    assert [one.how for one in misreadings("?" * 50_000)] == [LOST]
    assert repaired("Ã¼" * 50_000) == "ü" * 50_000
    assert repaired("&amp;" * 50_000) == "&" * 50_000
    assert misreadings("Р " * 50_000) == []
    # many different mis-read words: each replaced in one pass, not by a pattern of them all
    words = " ".join(f"Слово{n}" for n in range(20_000))
    assert repaired(_as(words, "utf-8", "cp1251")) == words
