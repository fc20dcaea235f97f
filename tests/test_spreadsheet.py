"""Spreadsheets (CSV, XLSX): one row per article gives the same JATS as the same article in YAML."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import BILINGUAL, ROOT, SEED, xmllint
from converter.notices import SIMPLIFIED
from converter.readers import ReadContext, read_source
from converter.readers.spreadsheet import iter_rows

TEMPLATE = ROOT / "samples" / "japanese-studies-in-russia" / "spreadsheet"
SEED_JOURNAL = SEED.parent.parent / "journal.yaml"


def write_csv(path: Path, rows: list[dict[str, object]], delimiter: str = ",") -> Path:
    header: list[str] = []
    for row in rows:
        header += [key for key in row if key not in header]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(key, "") for key in header])
    return path


def write_xlsx(path: Path, rows: list[dict[str, object]]) -> Path:
    from openpyxl import Workbook

    header: list[str] = []
    for row in rows:
        header += [key for key in row if key not in header]
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(key) for key in header])
    book.save(path)
    return path


# ---------------------------------------------------------------------- the template


@pytest.mark.parametrize("name", ["issue.csv", "issue.xlsx"])
def test_template_converts_to_the_yaml_samples_jats(run, tmp_path: Path, store, name) -> None:
    """The template row is the bilingual sample: its JATS is the committed output, byte for byte."""
    result = run("convert", TEMPLATE / name, "-o", tmp_path)
    assert result.code == 0, result.err
    [output] = sorted(tmp_path.glob("*.xml"))
    assert output.name == "issue-row2.xml"
    assert output.read_bytes() == BILINGUAL.with_suffix(".xml").read_bytes()


def test_template_is_reproducible(tmp_path: Path) -> None:
    """The committed template is what its script writes."""
    script = TEMPLATE / "make_template.py"
    copy = tmp_path / "make_template.py"
    copy.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([sys.executable, str(copy)], check=True, capture_output=True)
    for name in ("issue.csv", "issue.xlsx"):
        assert (tmp_path / name).read_bytes() == (TEMPLATE / name).read_bytes(), name


# ---------------------------------------------------------------------- one cell per list

ARTICLES_YAML = [
    """\
language: ru
title: {ru: Первая статья, en: The first article}
volume: 3
issue: 1
fpage: 5
lpage: 17
doi: 10.5555/rjr.3.5
published: {electronic: 2021-03-15, collection: 2021}
authors:
  - name:
      ru: {surname: Иванов, given: Иван Иванович}
      en: {surname: Ivanov, given: Ivan I.}
    orcid: 0000-0002-1825-0097
    corresponding: true
    affiliations:
      - institution: {ru: Московский университет, en: Moscow University}
        country: RU
  - name:
      ru: {surname: Петрова, given: Анна}
      en: {surname: Petrova, given: Anna}
abstract:
  ru: Первый абзац.
  en: First paragraph.
keywords:
  ru: [один, два; три]
  en: [one, two, three]
license: CC-BY-4.0
references:
  - text: {ru: "Иванов И. Книга. М., 2001; 2-е изд. 2005.", en: "Ivanov I. Kniga [Book]. 2001."}
  - text: {ru: "Петров П. Статья // Журнал. 2010.", en: "Petrov P. Stat'ya [Paper]. 2010."}
""",
    """\
language: en
title: The second article
volume: 3
issue: 1
fpage: 18
lpage: 30
published: {collection: 2021}
authors:
  - name: {surname: Smith, given: John}
keywords:
  en: [alpha, beta]
references:
  - "Smith J. Paper. J Test. 2020;1:2-3. doi:10.1000/xyz123"
  - text: "Lee K, et al. Signals. Nature. 2020;1:1-2."
    authors: ["Lee, K."]
    etal: true
    title: Signals
    source: Nature
    year: "2020"
""",
]

ARTICLES_ROWS: list[dict[str, object]] = [
    {
        "language": "ru",
        "title:ru": "Первая статья",
        "title:en": "The first article",
        "volume": "3",
        "issue": "1",
        "fpage": "5",
        "lpage": "17",
        "doi": "10.5555/rjr.3.5",
        "published.electronic": "2021-03-15",
        "published.collection": "2021",
        "authors:ru": "Иванов, Иван Иванович; Петрова, Анна",
        "authors:en": "Ivanov, Ivan I.\nPetrova, Anna",
        "author1.orcid": "0000-0002-1825-0097",
        "author1.corresponding": "yes",
        "author1.institution:ru": "Московский университет",
        "author1.institution:en": "Moscow University",
        "author1.country": "RU",
        "abstract:ru": "Первый абзац.",
        "abstract:en": "First paragraph.",
        "keyword1:ru": "один",
        "keyword2:ru": "два; три",
        "keywords:en": "one; two; three",
        "license": "CC-BY-4.0",
        "references:ru": (
            "Иванов И. Книга. М., 2001; 2-е изд. 2005.\nПетров П. Статья // Журнал. 2010."
        ),
        "references:en": "Ivanov I. Kniga [Book]. 2001.\nPetrov P. Stat'ya [Paper]. 2010.",
        "# notes": "ignored",
    },
    {
        "language": "en",
        "title": "The second article",
        "volume": "3",
        "issue": "1",
        "fpage": "18",
        "lpage": "30",
        "published.collection": "2021",
        "authors:en": "Smith, John",
        "keywords": "alpha; beta",
        "reference1": "Smith J. Paper. J Test. 2020;1:2-3. doi:10.1000/xyz123",
        "reference2": "Lee K, et al. Signals. Nature. 2020;1:1-2.",
        "reference2.authors": "Lee, K.",
        "reference2.etal": "yes",
        "reference2.title": "Signals",
        "reference2.source": "Nature",
        "reference2.year": "2020",
    },
]


def test_names_in_one_cell_and_in_numbered_columns_is_refused(tmp_path: Path) -> None:
    """Numbered columns add parts to the authors of the cell, but never their names again."""
    rows = [dict(ARTICLES_ROWS[0])]
    rows[0]["author1.surname:ru"] = "Иванов"
    path = write_csv(tmp_path / "mixed.csv", rows)
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    [loaded] = read_source(path, None, ReadContext())
    assert loaded.article is None
    assert loaded.problems == [
        f"{path}#2: column author1.surname:ru: names are given in one cell (authors:…): use one way"
    ]


RUSSIAN_LIST = [
    "1. Стрельцов Д.В. Японская политика. М.: Аспект Пресс, 2015. 320 с.",
    "2. Smith J. A History of Japan. London: Routledge, 2006.",
    "3. Молодякова Э.В. Японские исследования // Японские исследования. 2018. № 1. С. 5–20.",
]
LATIN_LIST = [
    "1. Streltsov D.V. Yaponskaya politika [Japanese politics]. Moscow, Aspekt Press Publ., "
    "2015. 320 p.",
    "2. Smith J. A History of Japan. London: Routledge, 2006.",
    "3. Molodyakova E.V. Yaponskie issledovaniya [Japanese studies]. Yaponskie issledovaniya, "
    "2018, no. 1, pp. 5–20.",
]


def _row_with(tmp_path: Path, cells: dict[str, str], name: str = "refs.csv"):
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    row = {"language": "ru", "title:ru": "Статья", "title:en": "Article", **cells}
    [loaded] = read_source(write_csv(tmp_path / name, [row]), None, ReadContext())
    return loaded


def test_reference_cells_pasted_with_their_headings(tmp_path: Path) -> None:
    """Each list pasted with its heading ("Список литературы" in one cell, "References" in the
    other): the headings are no references, so the N-th lines still pair up (with a heading in
    one cell only, every reference would have had the Latin form of the one before)."""
    loaded = _row_with(
        tmp_path,
        {
            "references:ru": "\n".join(["Список литературы:", *RUSSIAN_LIST]),
            "references:en": "\n".join(LATIN_LIST),
        },
    )
    refs = loaded.article.references
    assert [r.label for r in refs] == ["1.", "2.", "3."]
    assert refs[0].text == {"ru": RUSSIAN_LIST[0][3:], "en": LATIN_LIST[0][3:]}
    assert refs[2].text["en"].startswith("Molodyakova E.V.")
    [said] = loaded.warnings
    assert said == "references:ru: the headings 'Список литературы:' are no references: left out"
    assert said.kind == SIMPLIFIED


def test_one_reference_cell_holding_both_lists(tmp_path: Path) -> None:
    """Both lists of a Russian article pasted into one cell, under their headings or numbered
    from 1 each: one list in two forms, as from OJS's citations box; a foreign work the same
    in both lists stays one text."""
    for lines in (
        ["Список литературы", *RUSSIAN_LIST, "References", *LATIN_LIST],
        [*RUSSIAN_LIST, *LATIN_LIST],
    ):
        loaded = _row_with(tmp_path, {"references:ru": "\n".join(lines)})
        refs = loaded.article.references
        assert [r.label for r in refs] == ["1.", "2.", "3."]
        assert refs[0].text == {"ru": RUSSIAN_LIST[0][3:], "en": LATIN_LIST[0][3:]}
        assert refs[1].text == {"en": LATIN_LIST[1][3:]}
        [said] = loaded.warnings
        assert said.kind == SIMPLIFIED
        assert "original and Latin-script forms of 3 references" in said


def test_dates_as_russian_excel_saves_them_are_read(tmp_path: Path) -> None:
    """Russian Excel saves a date cell in a CSV file as day.month.year, '20.12.2018': read,
    and said once a row (every such row was refused, so no issue saved from it converted);
    a month over 12 is still refused as typed."""
    loaded = _row_with(
        tmp_path,
        {"published.electronic": "20.12.2018", "history.received": "1.7.2018",
         "history.revised": "02.09.2018; 2018-10-01"},
    )  # fmt: skip
    article = loaded.article
    assert article.published.electronic == "2018-12-20"
    assert article.history.received == "2018-07-01"
    assert article.history.revised == ["2018-09-02", "2018-10-01"]
    assert [str(said) for said in loaded.warnings] == [
        "columns published.electronic, history.received, history.revised: dates typed "
        "day.month.year, as Russian and other European spreadsheets save them: '20.12.2018' "
        "read as 2018-12-20"
    ]
    refused = _row_with(tmp_path, {"published.electronic": "12.20.2018"}, "us.csv")
    assert refused.article is None
    assert "'12.20.2018'" in refused.problems[0]


def test_a_day_month_year_that_is_no_date_is_named_as_the_cell_shows_it(
    tmp_path: Path,
) -> None:
    """31.02.2018 is named as typed, not as the 2018-02-31 it was read as, which the sheet
    does not show; a month over 12 says how to type the date, the day and month swapped."""
    refused = _row_with(tmp_path, {"history.received": "31.02.2018"})
    assert refused.problems == [
        f"{tmp_path / 'refs.csv'}#2: column history.received: '31.02.2018' is no date: 2018-02 "
        "has 28 days"
    ]
    refused = _row_with(tmp_path, {"published.electronic": "12.20.2018"}, "us.csv")
    assert refused.problems == [
        f"{tmp_path / 'us.csv'}#2: column published.electronic: '12.20.2018' has no month 20: "
        "a date is typed day.month.year, 20.12.2018 (or 2018-12-20) if month.day.year was typed"
    ]


def test_a_date_typed_with_the_word_for_year_and_pages_with_the_word_after_them(
    tmp_path: Path,
) -> None:
    """'04.12.2018 г.', as Russian documents date, is 2018-12-04 (it was refused naming
    '2018-12-04 г.', which nobody typed); a cell that is still no date is named as typed; and
    '15–20 с.' are pages 15 to 20 (the last page was '20 с', unsaid)."""
    loaded = _row_with(tmp_path, {"published.electronic": "04.12.2018 г.", "pages": "15–20 с."})
    assert loaded.article.published.electronic == "2018-12-04"
    assert (loaded.article.fpage, loaded.article.lpage) == ("15", "20")
    refused = _row_with(tmp_path, {"published.electronic": "04.12.2018 (online)"})
    assert "'04.12.2018 (online)'" in refused.problems[0]


def test_pages_with_the_word_after_them_typed_with_the_keyboard_in_english(
    tmp_path: Path,
) -> None:
    """'110–119 c.': the Latin 'c' the key of 'с' types with the keyboard left in English;
    the last page was '119 c', unsaid, where '110–119 с.' ends on page 119."""
    loaded = _row_with(tmp_path, {"pages": "110–119 c."})
    assert (loaded.article.fpage, loaded.article.lpage) == ("110", "119")


def test_two_dates_in_a_date_column_and_a_day_0_are_named_as_typed(tmp_path: Path) -> None:
    """Two dates typed in a column that takes one are refused as the cell shows them (it named
    '2018-12-04; 2018-12-05', which nobody typed), while history.revised takes several; day
    00 is said to be no day (it said the month has 31 days)."""
    refused = _row_with(tmp_path, {"published.electronic": "04.12.2018 г.; 05.12.2018 г."})
    assert refused.problems == [
        f"{tmp_path / 'refs.csv'}#2: published.electronic: not a date (expected YYYY, YYYY-MM "
        "or YYYY-MM-DD): '04.12.2018 г.; 05.12.2018 г.'"
    ]
    loaded = _row_with(tmp_path, {"history.revised": "04.12.2018 г.; 06.12.2018 г."})
    assert loaded.article.history.revised == ["2018-12-04", "2018-12-06"]
    refused = _row_with(tmp_path, {"history.received": "00.12.2018"})
    assert refused.problems == [
        f"{tmp_path / 'refs.csv'}#2: column history.received: '00.12.2018' is no date: no day 0"
    ]


def test_labels_pasted_with_keywords_and_abstracts_are_left_out(tmp_path: Path) -> None:
    """'Ключевые слова: Япония; Россия', as pasted from the manuscript: the label is no keyword
    (the first keyword was 'Ключевые слова: Япония'), nor 'Аннотация.' the abstract's first
    word; said. 'Summary-statistics …' is no label."""
    loaded = _row_with(
        tmp_path,
        {"keywords:ru": "Ключевые слова: Япония; Россия", "keywords:en": "Keywords - Japan; Russia",
         "abstract:ru": "Аннотация. В статье рассматривается тема.",
         "abstract:en": "Summary-statistics approaches are compared."},
    )  # fmt: skip
    article = loaded.article
    assert article.keywords == {"ru": ["Япония", "Россия"], "en": ["Japan", "Russia"]}
    assert article.abstract["ru"] == ["В статье рассматривается тема."]
    assert article.abstract["en"] == ["Summary-statistics approaches are compared."]
    said = [str(w) for w in loaded.warnings]
    assert "column keywords:ru: 'Ключевые слова:' is a label: left out" in said
    assert "column abstract:ru: 'Аннотация.' is a label: left out" in said


def test_labels_pasted_on_a_line_of_their_own_are_left_out(tmp_path: Path) -> None:
    """The label pasted as the manuscript's heading, on a line of its own ('Ключевые
    слова⏎Япония⏎Россия', 'Abstract⏎⏎We review …'): it was the first keyword, and the
    abstract's first paragraph or words; said, as a label before the text on its line is."""
    loaded = _row_with(
        tmp_path,
        {"keywords:ru": "Ключевые слова\nЯпония\nРоссия", "keywords:en": "Keywords\nJapan\nRussia",
         "abstract:ru": "Аннотация\nВ статье рассматривается тема.",
         "abstract:en": "Abstract\n\nThe article considers the topic."},
    )  # fmt: skip
    article = loaded.article
    assert article.keywords == {"ru": ["Япония", "Россия"], "en": ["Japan", "Russia"]}
    assert article.abstract == {
        "ru": ["В статье рассматривается тема."],
        "en": ["The article considers the topic."],
    }
    said = [str(w) for w in loaded.warnings]
    assert "column keywords:ru: 'Ключевые слова' is a label: left out" in said
    assert "column abstract:en: 'Abstract' is a label: left out" in said


def test_keywords_typed_with_full_stops_between_them_are_split(tmp_path: Path) -> None:
    """'Образование. Учебники. Россия' in a keywords cell, as Russian journals type the list,
    is three keywords, as on a landing page (it was one), said; 'МГУ им. Ломоносова' stays
    one keyword, and a list with commas is split at them as before."""
    loaded = _row_with(
        tmp_path,
        {"keywords:ru": "Образование. Учебники. МГУ им. Ломоносова. Япония.",
         "keywords:en": "education, U.S. textbooks"},
    )  # fmt: skip
    assert loaded.article.keywords == {
        "ru": ["Образование", "Учебники", "МГУ им. Ломоносова", "Япония"],
        "en": ["education", "U.S. textbooks"],
    }
    assert "column keywords:ru: keywords separated by full stops: read as 4 keywords" in [
        str(said) for said in loaded.warnings
    ]


def test_a_comma_inside_a_keyword_of_a_semicolon_list_is_said(tmp_path: Path) -> None:
    """'Япония; Россия, санкции': the cell separates its keywords by ';', so 'Россия,
    санкции' is kept as one keyword, as typed, but said naming the column (it was unsaid);
    a comma of a kind that holds commas — between digits (each of three locants too: '2,4,6-'
    was said), in brackets or quotes — is not."""
    loaded = _row_with(
        tmp_path,
        {"keywords:ru": "Япония; Россия, санкции; 1,2-дихлорэтан; «Мир, труд, май»",
         "keywords:en": "Japan; sanctions (economic, financial); 2,4,6-trinitrotoluene"},
    )  # fmt: skip
    assert loaded.article.keywords == {
        "ru": ["Япония", "Россия, санкции", "1,2-дихлорэтан", "«Мир, труд, май»"],
        "en": ["Japan", "sanctions (economic, financial)", "2,4,6-trinitrotoluene"],
    }
    said = [str(w) for w in loaded.warnings if "comma" in str(w)]
    assert said == [
        "column keywords:ru: keyword 'Россия, санкции' holds a comma in a list separated by "
        "';': kept as typed (if it is several keywords, separate them by ';')"
    ]


def test_a_date_cell_that_lost_its_format_names_the_date(tmp_path: Path) -> None:
    """A date cell pasted as values or set to General shows Excel's day number, 43454: the row
    is refused naming the column and the date the number stands for (it said only "not a
    date: '43454'"), in a workbook and in a CSV file alike."""
    said = (
        "column published.electronic: 43454 is a number, not a date: a spreadsheet keeps "
        "2018-12-20 as 43454, so the cell lost its date format; format it as a date, or type "
        "the date (2018-12-20)"
    )
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    row = {"language": "ru", "title:ru": "Статья", "title:en": "Article"}
    for path in (
        write_xlsx(tmp_path / "issue.xlsx", [{**row, "published.electronic": 43454}]),
        write_csv(tmp_path / "issue.csv", [{**row, "published.electronic": "43454"}]),
    ):
        [loaded] = read_source(path, None, ReadContext())
        assert loaded.article is None
        assert loaded.problems == [f"{path}#2: {said}"]


def test_a_line_break_in_a_title_cell_is_a_space(tmp_path: Path, run) -> None:
    """A long title wrapped with Alt+Enter in its cell is one line in the JATS and in
    Crossref's title (the break was kept in both, and in the citation_title tag), said."""
    loaded = _row_with(tmp_path, {"title:ru": "Японские инвестиции\nв экономику Дальнего Востока"})
    assert loaded.article.title["ru"] == "Японские инвестиции в экономику Дальнего Востока"
    assert "column title:ru: a line break in a title is a space" in loaded.warnings


def test_an_english_work_in_a_russian_list_is_english(tmp_path: Path, run, store) -> None:
    """A Russian list (``references:ru``) that cites an English book: the book is English in
    the JATS (``xml:lang="en"``), as an OJS citation is, not Russian with no Latin form; and
    the same line in both cells, as a "References" list repeats it, is one English text."""
    english = "Calder K. E. Pacific Alliance. New Haven: Yale University Press, 2009. 352 p."
    loaded = _row_with(tmp_path, {"references:ru": "\n".join([RUSSIAN_LIST[0][3:], english])})
    assert [r.text for r in loaded.article.references] == [
        {"ru": RUSSIAN_LIST[0][3:]},
        {"en": english},
    ]
    both = _row_with(
        tmp_path,
        {"references:ru": f"{RUSSIAN_LIST[0]}\n2. {english}",
         "references:en": f"{LATIN_LIST[0]}\n2. {english}"},
        "both.csv",
    )  # fmt: skip
    assert both.article.references[1].text == {"en": english}
    out = tmp_path / "out"
    run("convert", str(tmp_path / "both.csv"), "-o", str(out))
    written = (out / "both-row2.xml").read_text(encoding="utf-8")
    assert f'<mixed-citation publication-type="book" xml:lang="en">{english}' in written
    assert f'xml:lang="ru">{english}' not in written
    assert xmllint(out / "both-row2.xml", store.catalog).returncode == 0


def test_one_cell_with_two_numbered_lists_that_do_not_pair_says_so(tmp_path: Path) -> None:
    """Numbers that start again at 1 mark a second list; when it is not the first one's
    Latin-script form (here one reference short), both are kept one after the other, and
    said: no longer five references in silence."""
    loaded = _row_with(tmp_path, {"references:ru": "\n".join([*RUSSIAN_LIST, *LATIN_LIST[:2]])})
    assert len(loaded.article.references) == 5
    [said] = loaded.warnings
    assert said == (
        "references:ru: two lists numbered from 1 (of 3 and 2 references) are not one list in "
        "two forms: kept one after the other"
    )


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (
            {"references:ru": "\n".join(RUSSIAN_LIST), "references:en": "\n".join(LATIN_LIST[:2])},
            "references: the cells list different numbers of references (references:ru 3 and "
            "references:en 2): the N-th line of each is one reference in two forms, so give "
            "every one in each cell, in the same order",
        ),
        (
            {"authors:ru": "Иванов, Иван; Петрова, Анна", "authors:en": "Ivanov, Ivan"},
            "authors: the cells list different numbers of names (authors:ru 2 and authors:en 1): "
            "the N-th name of each is the same person's, so give every one in each cell, in the "
            "same order",
        ),
    ],
)
def test_list_cells_of_different_lengths_are_refused(
    tmp_path: Path, cells: dict[str, str], message: str
) -> None:
    """Two languages' cells of one list are paired line by line: one line missing would give
    every later reference (or author) another one's form, so the row is refused, by name."""
    loaded = _row_with(tmp_path, cells)
    assert loaded.article is None
    assert loaded.problems == [f"{tmp_path / 'refs.csv'}#2: {message}"]


def _problems(tmp_path: Path, path: Path) -> list[str]:
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    return [p for loaded in read_source(path, None, ReadContext()) for p in loaded.problems]


ROW = {"language": "ru", "title:ru": "Статья", "title:en": "Article", "volume": "2"}


def test_names_typed_with_their_initials_in_one_piece_are_surname_and_initials(
    tmp_path: Path,
) -> None:
    """An authors cell as Russian journals list authors, 'Иванов И. И.' a line, or 'I. I.
    Ivanov': the initials are the given names, not part of the surname (the JATS had
    <surname>Иванов И. И.</surname>, and Crossref's deposit the same, unsaid)."""
    row = {
        **ROW,
        "authors:ru": "Стрельцов Д. В.\nКистанов В.О.",
        "authors:en": "D. V. Streltsov\nKistanov V. O.",
    }
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    [loaded] = read_source(write_csv(tmp_path / "s.csv", [row]), None, ReadContext())
    assert loaded.article is not None, loaded.problems
    names = [
        {lang: (form.surname, form.given) for lang, form in author.name.items()}
        for author in loaded.article.authors
    ]
    assert names == [
        {"ru": ("Стрельцов", "Д. В."), "en": ("Streltsov", "D. V.")},
        {"ru": ("Кистанов", "В.О."), "en": ("Kistanov", "V. O.")},
    ]


def test_affiliations_numbered_as_editors_number_them(tmp_path: Path) -> None:
    """'1' in author1.affiliations is the column aff1.…'s affiliation, and '1, 2' (or 'aff1,
    aff2') names two: each refused the row as 'not an id' ('1, 2' as one id)."""
    row = {
        **ROW,
        "authors:ru": "Иванов, Иван\nПетрова, Анна\nСидоров, Олег",
        "authors:en": "Ivanov, Ivan\nPetrova, Anna\nSidorov, Oleg",
        "author1.affiliations": "1",
        "author2.affiliations": "1, 2",
        "author3.affiliations": "aff2, aff1",
        "aff1.institution:en": "Moscow University",
        "aff2.institution:en": "MGIMO University",
    }
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    [loaded] = read_source(write_csv(tmp_path / "s.csv", [row]), None, ReadContext())
    assert loaded.article is not None, loaded.problems
    assert [a.affiliations for a in loaded.article.authors] == [
        ["aff1"],
        ["aff1", "aff2"],
        ["aff2", "aff1"],
    ]
    row["author1.affiliations"] = "3"
    [loaded] = read_source(write_csv(tmp_path / "s.csv", [row]), None, ReadContext())
    assert loaded.problems == [
        f"{tmp_path / 's.csv'}#2: authors[0].affiliations[0] (column author1.affiliations): "
        "no affiliation with id 'aff3'"
    ]


def test_affiliations_1_2_kept_as_a_number_by_a_spreadsheet_with_a_decimal_comma(
    tmp_path: Path,
) -> None:
    """'1,2' typed in author1.affiliations of a Russian Excel is the number 1.2 in the workbook
    (and '1,10' is 1.1): refused saying so and how to type it, where it was 'not an id'."""
    row = {
        **ROW,
        "authors:en": "Ivanov, Ivan",
        "author1.affiliations": 1.2,
        "aff1.institution:en": "Moscow University",
        "aff2.institution:en": "MGIMO University",
    }
    problems = _problems(tmp_path, write_xlsx(tmp_path / "s.xlsx", [row]))
    assert problems == [
        f"{tmp_path / 's.xlsx'}#2: column author1.affiliations: '1.2' is a number: a spreadsheet "
        "with a decimal comma reads '1,2' as one number, so type the affiliations as '1; 2' or "
        "'1, 2' (with a space), or format the cell as text"
    ]


def test_a_line_break_pasted_inside_a_reference_of_a_numbered_list_is_no_reference(
    tmp_path: Path,
) -> None:
    """A numbered list pasted from Word with a line wrapped inside a reference: the unnumbered
    line goes on from the one before, as the web form reads its box, said; it was a reference
    of its own ('исследования. 2018…'), and the row refused for 4 Russian against 3 English."""
    row = {
        **ROW,
        "references:ru": "1. Стрельцов Д.В. Российско-японские отношения // Японские\n"
        "исследования. 2018. № 3. С. 6–20.\n2. Кистанов В.О. Япония // МЭиМО. 2019. № 5.",
        "references:en": "1. Streltsov D.V. Russian-Japanese relations. Yaponskie "
        "issledovaniya, 2018, no. 3, pp. 6–20. (In Russ.)\n2. Kistanov V.O. Japan. MEiMO, "
        "2019, no. 5. (In Russ.)",
    }
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    [loaded] = read_source(write_csv(tmp_path / "s.csv", [row]), None, ReadContext())
    assert loaded.article is not None, loaded.problems
    assert [ref.text["ru"] for ref in loaded.article.references] == [
        "Стрельцов Д.В. Российско-японские отношения // Японские исследования. 2018. № 3. С. 6–20.",
        "Кистанов В.О. Япония // МЭиМО. 2019. № 5.",
    ]
    assert (
        "column references:ru: 1 line read as going on from the line before (a line break "
        "inside a reference): joined to it"
    ) in [str(w) for w in loaded.warnings]


def test_a_title_merged_above_the_column_names_is_said_as_such(tmp_path: Path) -> None:
    """An issue's title typed in row 1 and merged across, the column names in row 2, as an
    editor lays a sheet out: one line naming both rows and what to do, where each merged cell
    was 'not a column name' and then 'given twice', and nothing said the names were below."""
    from openpyxl import load_workbook

    book = write_xlsx(tmp_path / "issue.xlsx", [ROW])
    workbook = load_workbook(book)
    sheet = workbook.active
    sheet.insert_rows(1)
    sheet.cell(1, 1).value = "Японоведение в России, 2018, т. 1, № 1"
    sheet.merge_cells(start_row=1, end_row=1, start_column=1, end_column=4)
    workbook.save(book)
    assert _problems(tmp_path, book) == [
        f"{book}: row 1 names no column ('Японоведение в России, 2018, т. 1, № 1'), row 2 "
        "does: the first row names the columns, so delete the row above row 2 (a title or "
        "headings over the column names)"
    ]


def test_profile_and_consistency_findings_name_the_column(run, tmp_path: Path, store) -> None:
    """A finding on a row's output names the cell its input field came from (the editor has
    columns, not field paths): Cyrillic in the English names, column authors:en; a missing
    English abstract names no column (not abstract:ru, the field's other language)."""
    row = {
        **ROW,
        "published.electronic": "2018-09-28",
        "authors:ru": "Стрельцов, Дмитрий",
        "authors:en": "Стрельцов, Dmitry",
        "abstract:ru": "Аннотация.",
    }
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    sheet = write_csv(tmp_path / "issue.csv", [row])
    result = run("convert", sheet, "--profile", "rsci", "-o", tmp_path / "out")
    assert (
        "[script-latin-fields] Cyrillic letters (Стрельцов) in a field in en: 'Стрельцов' "
        "(input field authors[0].name.en, column authors:en)"
    ) in result.err
    assert "no abstract in English (input field abstract.en) (line" in result.err
    result = run("consistency", sheet)
    assert "(input field authors[0].name.en.surname, column authors:en)" in result.out
    # a reference in both cells, one of its parts in a column of its own (reference1.doi)
    row.update(
        {
            "authors:en": "Streltsov, Dmitry",
            "references:ru": "Стрельцов Д.В. Японская политика. М., 2015.",
            "references:en": "Strel'tsov D.V. Yaponskaya politika. Moscow, 2015. (In Russ.)",
            "reference1.doi": "10.1234/abc",
        }
    )
    write_csv(sheet, [row])
    from converter.readers.spreadsheet import loaded_from_row

    [(number, cells)] = list(iter_rows(sheet))
    loaded = loaded_from_row(sheet, number, cells, ReadContext())
    assert loaded.columns["references[0]"] == "references:ru and references:en"
    assert loaded.columns["references[0].doi"] == "reference1.doi"
    assert "abstract" not in loaded.columns and "abstract.ru" in loaded.columns


def test_a_finding_on_the_doi_of_a_reference_in_cells_names_the_cells(tmp_path: Path) -> None:
    """A DOI typed in a reference's text (no reference1.doi column): a finding on it, such as
    Crossref's limit on a citation's DOI, names the cells the reference is in, as one on its
    year does; 'doi' was taken for a language's code, and the finding named no column."""
    from converter.readers.base import with_column

    row = {
        **ROW,
        "references:ru": "Стрельцов Д.В. Японская политика. М., 2015. DOI: 10.1234/abc",
        "references:en": "Strel'tsov D.V. Yaponskaya politika. Moscow, 2015. DOI: 10.1234/abc",
    }
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    [loaded] = read_source(write_csv(tmp_path / "s.csv", [row]), None, ReadContext())
    for part in ("doi", "year"):
        assert with_column(f"too long (input field references[0].{part})", loaded.columns) == (
            f"too long (input field references[0].{part}, columns references:ru and references:en)"
        )


@pytest.mark.parametrize(
    ("cell", "marks"),
    [("Иванов, Иван Иванович1\nПетрова, Анна1,2", "1"), ("Ivanov I. I.¹", "¹")],
)
def test_affiliation_marks_typed_after_a_name_are_refused(
    tmp_path: Path, cell: str, marks: str
) -> None:
    """'Петрова, Анна1,2', as the title page prints the names: the marks stood in the given
    names (<given-names>Анна1,2</given-names>, and Crossref's given_name), unsaid."""
    problems = _problems(tmp_path, write_csv(tmp_path / "s.csv", [{**ROW, "authors:ru": cell}]))
    first = cell.split("\n")[0]
    assert problems == [
        f"{tmp_path / 's.csv'}#2: authors:ru: {first!r} ends in marks ({marks}), as a title "
        "page prints them: leave them out of the name, and give the affiliations in "
        "author1.affiliations (1, 2 for the aff1, aff2 columns; a corresponding author in "
        "author1.corresponding)"
    ]


def test_surnames_in_capitals_as_a_title_page_prints_them_are_in_ordinary_case(
    tmp_path: Path,
) -> None:
    """'СТРЕЛЬЦОВ Д. В.', 'SMITH, JOHN': the JATS and Crossref's deposit had the capitals;
    written as names are, as the landing-page readers do, said once a cell."""
    row = {
        **ROW,
        "authors:ru": "СТРЕЛЬЦОВ Д. В.\nСАЛТЫКОВ-ЩЕДРИН, Михаил Евграфович",
        "authors:en": "STRELTSOV D. V.\nSALTYKOV-SHCHEDRIN, MIKHAIL",
    }
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    [loaded] = read_source(write_csv(tmp_path / "s.csv", [row]), None, ReadContext())
    assert loaded.article is not None, loaded.problems
    names = [
        {lang: (form.surname, form.given) for lang, form in author.name.items()}
        for author in loaded.article.authors
    ]
    assert names == [
        {"ru": ("Стрельцов", "Д. В."), "en": ("Streltsov", "D. V.")},
        {"ru": ("Салтыков-Щедрин", "Михаил Евграфович"), "en": ("Saltykov-Shchedrin", "Mikhail")},
    ]
    assert (
        "column authors:ru: surnames in capitals, as a title page prints them, written in "
        "ordinary case ('СТРЕЛЬЦОВ Д. В.': 'Стрельцов')"
    ) in [str(w) for w in loaded.warnings]


def test_a_group_named_in_an_authors_cell_keeps_its_capitals_and_its_number(
    tmp_path: Path,
) -> None:
    """A group or a body listed among the authors, 'WHO', 'ООО «НПП»', 'Consortium 2020':
    no person's surname in capitals nor a name ending in affiliation marks, so written as
    typed (they were 'Who' and 'Ооо «Нпп»', said as surnames, and the row refused for '2020'
    as marks); the same names with given names or initials are still a person's."""
    row = {
        **ROW,
        "authors:ru": "ООО «НПП»\nВОЗ\nКонсорциум 2020\nСТРЕЛЬЦОВ Д. В.",
        "authors:en": "NPP LLC\nWHO\nConsortium 2020\nSTRELTSOV D. V.",
    }
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    [loaded] = read_source(write_xlsx(tmp_path / "s.xlsx", [row]), None, ReadContext())
    assert loaded.article is not None, loaded.problems
    names = [
        {lang: form.surname for lang, form in author.name.items()}
        for author in loaded.article.authors
    ]
    assert names == [
        {"ru": "ООО «НПП»", "en": "NPP LLC"},
        {"ru": "ВОЗ", "en": "WHO"},
        {"ru": "Консорциум 2020", "en": "Consortium 2020"},
        {"ru": "Стрельцов", "en": "Streltsov"},
    ]
    row["authors:en"] = "NPP LLC\nWHO\nConsortium 2020\nStreltsov D. V. 1"
    problems = _problems(tmp_path, write_xlsx(tmp_path / "s.xlsx", [row]))
    assert [p.split(": ", 2)[1:] for p in problems] == [
        [
            "authors:en",
            "'Streltsov D. V. 1' ends in marks (1), as a title page prints them: leave them out "
            "of the name, and give the affiliations in author4.affiliations (1, 2 for the aff1, "
            "aff2 columns; a corresponding author in author4.corresponding)",
        ]
    ]


def test_a_surname_in_capitals_keeps_its_roman_numeral_suffix(tmp_path: Path) -> None:
    """'SMITH III, JOHN': the surname is written 'Smith III', not 'Smith Iii' (a numeral is
    no word to write in ordinary case)."""
    row = {**ROW, "authors:en": "SMITH III, JOHN\nPACE IV, RICHARD"}
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    [loaded] = read_source(write_csv(tmp_path / "s.csv", [row]), None, ReadContext())
    assert loaded.article is not None, loaded.problems
    assert [(a.name["en"].surname, a.name["en"].given) for a in loaded.article.authors] == [
        ("Smith III", "John"),
        ("Pace IV", "Richard"),
    ]


def test_a_workbook_whose_used_range_record_is_wrong_is_read_whole(tmp_path: Path) -> None:
    """Some programs record a sheet's used range wrongly ('A1'): every row and column there
    is is read anyway, not only those inside the record."""
    import zipfile

    book = write_xlsx(tmp_path / "good.xlsx", [ROW, {**ROW, "title:ru": "Вторая"}])
    wrong = tmp_path / "wrong.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(wrong, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data)
            target.writestr(info, data)
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    loaded = list(read_source(wrong, None, ReadContext()))
    assert [x.article.title["ru"] for x in loaded] == ["Статья", "Вторая"]
    assert all(x.article.volume == "2" for x in loaded)


def test_header_typos_a_reader_cannot_see_and_a_file_in_two_encodings(tmp_path: Path) -> None:
    """A column name typed with a Cyrillic look-alike ('dоi') is named as such; a UTF-8 file
    with one row pasted in Windows-1251 deep inside is named by its line, and the advice is
    not --encoding, which would garble the rows that are right."""
    path = tmp_path / "s.csv"
    path.write_text("title,dоi\nT,10.1/x\n", encoding="utf-8")
    assert _problems(tmp_path, path) == [
        f"{path}: column 'dоi': typed with Cyrillic letters that look Latin: retype it as 'doi'"
    ]
    rows = "".join(f"Статья {n},{n}\n" for n in range(4000))
    path.write_bytes(f"title:ru,volume\n{rows}".encode() + "Ещё,1\n".encode("cp1251"))
    problems = _problems(tmp_path, path)
    assert problems[-1] == (
        f"{path}: not UTF-8 text (line 4002, byte {len(rows.encode()) + 16}), though the lines "
        "before are: the file mixes encodings (a row pasted from another file?); retype that "
        "row and save the file as UTF-8"
    )


def test_from_xlsx_reads_a_workbook_under_any_name(run, tmp_path: Path) -> None:
    """--from says the format: a workbook saved as data.bin is read as one, by convert and
    by batch, not as a CSV that is not UTF-8."""
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    book = write_xlsx(tmp_path / "book.xlsx", [ROW])
    data = tmp_path / "data.bin"
    data.write_bytes(book.read_bytes())
    result = run("convert", "--from", "xlsx", data, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert (tmp_path / "out" / "data-row2.xml").is_file()
    result = run("batch", "--from", "xlsx", data, "-o", tmp_path / "batch", "-q")
    assert result.code == 0, result.err
    assert (tmp_path / "batch" / "data-row2.xml").is_file() or list(
        (tmp_path / "batch").glob("*.xml")
    )


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\u2028", "\v"])
def test_every_line_break_a_cell_may_hold_separates_items(tmp_path: Path, brk: str) -> None:
    """A lone CR (old Mac files), U+2028 and a vertical tab (pasted from Word and web pages)
    break a cell's lines as LF does: two authors, not one; keywords with commas only are
    split at them, as in YAML."""
    row = {**ROW, "authors:ru": f"Иванов, Иван{brk}Петрова, Анна", "keywords:ru": "один, два"}
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    [loaded] = read_source(write_csv(tmp_path / "s.csv", [row]), None, ReadContext())
    assert [a.name["ru"].surname for a in loaded.article.authors] == ["Иванов", "Петрова"]
    assert loaded.article.keywords == {"ru": ["один", "два"]}


def test_a_koi8r_csv_is_read_as_koi8r(tmp_path: Path) -> None:
    """KOI8-R bytes also read as Cyrillic letters in Windows-1251 (other ones): the encoding
    whose commonest letters are Russian's is the one the file is read in, and said."""
    path = tmp_path / "s.csv"
    path.write_bytes(
        "language;title:ru;title:en\nru;Японская культура;Japanese culture\n".encode("koi8-r")
    )
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    [loaded] = read_source(path, None, ReadContext())
    assert loaded.article.title["ru"] == "Японская культура"
    assert any("read as KOI8-R text" in w for w in loaded.warnings)


def test_merged_cells_give_their_value_to_every_row_they_cover(tmp_path: Path) -> None:
    """An editor merges the volume and issue of an issue's rows into one cell each: every
    article of those rows has them (openpyxl gives the value to the first row only)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["language", "title:ru", "title:en", "volume", "issue"])
    sheet.append(["ru", "Первая", "First", "7", "2"])
    sheet.append(["ru", "Вторая", "Second", None, None])
    sheet.append(["ru", "Третья", "Third", "8", "1"])
    sheet.merge_cells("D2:D3")
    sheet.merge_cells("E2:E3")
    workbook.save(tmp_path / "merged.xlsx")
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    loaded = list(read_source(tmp_path / "merged.xlsx", None, ReadContext()))
    assert [(x.article.volume, x.article.issue) for x in loaded] == [
        ("7", "2"),
        ("7", "2"),
        ("8", "1"),
    ]


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        # two columns giving one field: the later silently replaced the earlier
        (
            {"title": "Статья", "title:en": "Article"},
            "columns title and title:en give the same field: keep one (a column without ':LANG' "
            "is in the article's language, en, as the row has no language column)",
        ),
        ({**ROW, "pages": "5-9", "fpage": "5"}, "columns pages and fpage give the same field"),
        (
            {**ROW, "author1.surname:ru": "Иванов", "author01.surname:ru": "Петров"},
            "columns author1.surname:ru and author01.surname:ru give the same field: keep one",
        ),
        # the way Russian papers list authors, read as one "Surname, Given names"
        (
            {**ROW, "authors:ru": "Иванов И.И., Петров П.П."},
            "authors:ru: 'Иванов И.И., Петров П.П.' holds several names: write one a line (or "
            "separate them with ';'), each as 'Surname, Given names'",
        ),
        # reference cells numbered throughout, one reference missing from one of them
        (
            {
                **ROW,
                "references:ru": "1. Иванов И. Книга. 2001.\n2. Петров П. Статья. 2010.",
                "references:en": "1. Ivanov I. Kniga. 2001.\n3. Sidorov S. Trud. 2012.",
            },
            "references: line 2 of references:ru is numbered 2 and of references:en 3",
        ),
    ],
)
def test_rows_that_would_lose_or_mix_data_are_refused(
    tmp_path: Path, row: dict[str, str], problem: str
) -> None:
    problems = _problems(tmp_path, write_csv(tmp_path / "s.csv", [row]))
    assert len(problems) == 1 and problems[0].startswith(f"{tmp_path / 's.csv'}#2: {problem}")


def test_values_under_a_column_without_a_name_are_refused_by_its_letter(tmp_path: Path) -> None:
    """A value under a blank header cell (Excel's CSVs end the header with ';;') was dropped;
    a column whose name starts with '#' is left out on purpose."""
    path = tmp_path / "s.csv"
    path.write_text("title,,volume,# notes\nT,lost,1,kept out\n", encoding="utf-8")
    assert _problems(tmp_path, path) == [
        f"{path}#2: values in columns that have no name (B): name them in the first row, or "
        "start the name with '#' to leave the column out"
    ]


def test_what_workbook_cells_hold_beyond_their_value(tmp_path: Path) -> None:
    """A date where no date belongs (Excel makes one of an issue typed '3-4') and an error
    value (#N/A of a failed look-up) are refused by column; a date cell shown as month and
    year gives the month, not its first day; a copyright year as a date gives its year."""
    from openpyxl import Workbook

    def book(name: str, header: list[str], values: list[object], formats: dict[int, str]) -> Path:
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(header)
        sheet.append(values)
        for column, number_format in formats.items():
            sheet.cell(row=2, column=column).number_format = number_format
        workbook.save(tmp_path / name)
        return tmp_path / name

    base = ["language", "title:ru", "title:en"]
    first = ["ru", "Статья", "Article"]
    issue = book("issue.xlsx", [*base, "issue"], [*first, dt.datetime(2018, 4, 3)], {})
    assert _problems(tmp_path, issue) == [
        f"{issue}#2: column issue: the cell holds a date (2018-04-03), as spreadsheet programs "
        "make of '3-4' or '1/2': format the cell as text and type it again"
    ]
    failed = book("na.xlsx", [*base, "doi"], [*first, "#N/A"], {})
    assert _problems(tmp_path, failed) == [
        f"{failed}#2: column doi: the cell holds Excel's error #N/A (a formula that failed): "
        "correct it or clear the cell"
    ]
    dated = book(
        "dates.xlsx",
        [*base, "published.collection", "copyright.year"],
        [*first, dt.datetime(2018, 9, 1), dt.datetime(2018, 1, 1)],
        {4: "mmmm yyyy", 5: "dd.mm.yyyy"},
    )
    [loaded] = read_source(dated, None, ReadContext())
    assert loaded.article.published.collection == "2018-09"
    assert loaded.article.copyright.year == 2018


def test_a_workbook_cell_holding_a_time_is_refused_by_its_column(tmp_path: Path) -> None:
    """A cell Excel made a time of (a title or a volume typed '12:30', a duration '30:00') was
    written as '12:30:00' in the title without a word, and elsewhere said in Python's words
    ('datetime.timedelta(days=1, seconds=21600) here'): it is refused by its column, as a
    date where no date belongs is, in a date column too (a time is no date)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["language", "title:ru", "title:en", "volume", "published.electronic"])
    sheet.append(["ru", "Статья", dt.time(12, 30), dt.timedelta(hours=30), dt.time(8, 15, 5)])
    sheet["C2"].number_format = "h:mm"
    sheet["D2"].number_format = "[h]:mm"
    sheet["E2"].number_format = "h:mm:ss"
    path = tmp_path / "times.xlsx"
    workbook.save(path)
    advice = "format the cell as text and type it again"
    assert _problems(tmp_path, path) == [
        f"{path}#2: column title:en: the cell holds a time (12:30), as spreadsheet programs "
        f"make of '12:30': {advice}",
        f"{path}#2: column volume: the cell holds a time (30:00), as spreadsheet programs "
        f"make of '12:30': {advice}",
        f"{path}#2: column published.electronic: the cell holds a time (08:15:05), as "
        f"spreadsheet programs make of '12:30': {advice}",
    ]


def test_a_formula_whose_result_was_never_saved_is_refused_by_its_cell(tmp_path: Path) -> None:
    """A workbook written by a script (openpyxl here) holds a formula without its result, which
    was read as an empty cell: the English title made by ``=D2&" "&E2`` was missing without a
    word. It is refused by its cell. Saved by a spreadsheet program, the formula's result is
    read; an empty text result that program saved stays an empty cell."""
    import zipfile

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["language", "title:ru", "title:en", "doi", "# first", "# second"])
    sheet.append(["ru", "Статья", '=E2&" "&F2', '=IF(E2="x","10.1/x","")', "Japan", "today"])
    script = tmp_path / "script.xlsx"
    workbook.save(script)
    assert _problems(tmp_path, script) == [
        f"{script}#2: column title:en (C2): a formula with no saved result; open and save the "
        "file in Excel or LibreOffice",
        f"{script}#2: column doi (D2): a formula with no saved result; open and save the "
        "file in Excel or LibreOffice",
    ]

    def saved_by_a_program(part: str) -> str:  # results as Excel and LibreOffice save them
        part = part.replace(
            '<c r="C2"><f>E2&amp;" "&amp;F2</f><v></v>',
            '<c r="C2" t="str"><f>E2&amp;" "&amp;F2</f><v>Japan today</v>',
        )
        return part.replace('<c r="D2"><f>', '<c r="D2" t="str"><f>')  # fmt: skip

    def rewritten(name: str, sheet: Callable[[str], str], book: Callable[[str], str]) -> Path:
        out = tmp_path / name
        with zipfile.ZipFile(script) as source, zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "xl/worksheets/sheet1.xml":
                    data = sheet(data.decode("utf-8")).encode("utf-8")
                elif info.filename == "xl/workbook.xml":
                    data = book(data.decode("utf-8")).encode("utf-8")
                target.writestr(info, data)
        return out

    def not_to_recalculate(part: str) -> str:  # Excel and LibreOffice save no such request
        return part.replace(' fullCalcOnLoad="1"', "")

    program = rewritten("program.xlsx", saved_by_a_program, not_to_recalculate)
    assert _problems(tmp_path, program) == []
    [loaded] = read_source(program, None, ReadContext())
    assert loaded.article.title["en"] == "Japan today"
    assert loaded.article.doi is None

    # XlsxWriter saves 0 as every formula's result and asks for recalculation on opening: the
    # title would have read as "0"; the same refusal, by the request, not by the value
    def placeholder(part: str) -> str:
        return saved_by_a_program(part).replace("<v>Japan today</v>", "<v>0</v>")

    library = rewritten("xlsxwriter.xlsx", placeholder, lambda part: part)
    assert '<c r="C2" t="str"><f>E2&amp;" "&amp;F2</f><v>0</v>' in zipfile.ZipFile(library).read(
        "xl/worksheets/sheet1.xml"
    ).decode("utf-8")
    assert _problems(tmp_path, library) == [
        f"{library}#2: column title:en (C2): a formula with no saved result; open and save the "
        "file in Excel or LibreOffice",
        f"{library}#2: column doi (D2): a formula with no saved result; open and save the "
        "file in Excel or LibreOffice",
    ]


def test_files_that_hold_no_rows_to_read_say_so(tmp_path: Path) -> None:
    """A workbook without a worksheet, a sheet of only its header, and the spreadsheet formats
    that are not read (.xls, .ods) are refused in one line, not skipped in silence."""
    import zipfile

    empty = tmp_path / "nosheet.xlsx"
    rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{rels}"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{main}"><sheets/></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{rels}"/>')
    assert _problems(tmp_path, empty) == [f"{empty}: no worksheet in this workbook"]
    header = tmp_path / "header.csv"
    header.write_text("title,volume\n", encoding="utf-8")
    assert _problems(tmp_path, header) == [f"{header}: no rows under the header row"]
    old = tmp_path / "issue.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert _problems(tmp_path, old) == [
        f"{old}: an Excel 97-2003 workbook, which is not read: save it as .xlsx (Excel "
        "Workbook) or as CSV"
    ]


@pytest.mark.parametrize("kind", ["csv", "csv;", "xlsx"])
def test_spreadsheet_matches_yaml(run, tmp_path: Path, store, kind: str) -> None:
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    yaml_dir = tmp_path / "yaml"
    yaml_dir.mkdir()
    for index, text in enumerate(ARTICLES_YAML):
        (yaml_dir / f"a{index}.yaml").write_text(text, encoding="utf-8")
    if kind == "xlsx":
        sheet = write_xlsx(tmp_path / "issue.xlsx", ARTICLES_ROWS)
    else:
        sheet = write_csv(tmp_path / "issue.csv", ARTICLES_ROWS, ";" if kind == "csv;" else ",")
    out_yaml, out_sheet = tmp_path / "out-yaml", tmp_path / "out-sheet"
    assert run("batch", yaml_dir, "-o", out_yaml, "-j", "1").code == 0
    result = run("batch", sheet, "-o", out_sheet, "-j", "1")
    assert result.code == 0, result.err
    names = sorted(p.name for p in out_yaml.glob("*.xml"))
    assert names == ["rjr-3-1-18.xml", "rjr-3-1-5.xml"]
    assert sorted(p.name for p in out_sheet.glob("*.xml")) == names
    for name in names:
        assert (out_sheet / name).read_bytes() == (out_yaml / name).read_bytes(), name


def test_xlsx_numbers_dates_and_sheet_choice(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "readme"
    book.active.append(["This sheet is not read: the one named 'articles' is."])
    sheet = book.create_sheet("Articles")
    sheet.append(["title", "volume", "fpage", "published.electronic", "copyright.year"])
    sheet.append(["A title", 7, 12.0, dt.datetime(2020, 2, 29), 2020])
    book.save(tmp_path / "s.xlsx")
    [(number, row)] = list(iter_rows(tmp_path / "s.xlsx"))
    assert number == 2
    assert row == {
        "title": "A title",
        "volume": 7,
        "fpage": 12,
        "published.electronic": "2020-02-29",
        "copyright.year": 2020,
    }


# ---------------------------------------------------------------------- problems


def test_bad_row_names_file_row_field_and_column(run, tmp_path: Path, store) -> None:
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    rows = [
        {"title": "Good", "volume": "1", "fpage": "1", "author1.surname": "Smith"},
        {
            "title": "Bad",
            "volume": "1",
            "fpage": "2",
            "author1.surname": "Smith",
            "author1.orcid": "0000-0002-1825-0098",
        },
        {"title": "Good too", "volume": "1", "fpage": "3"},
    ]
    sheet = write_csv(tmp_path / "issue.csv", rows)
    out, report = tmp_path / "out", tmp_path / "r.json"
    result = run("batch", sheet, "-o", out, "--report", report)
    assert result.code == 3
    [line] = [x for x in result.err.splitlines() if "#3" in x]
    assert line.startswith(f"{sheet}#3: authors[0].orcid (column author1.orcid): ")
    data = json.loads(report.read_text())
    assert [a["status"] for a in data["articles"]] == ["converted", "bad-input", "converted"]


def test_unknown_column_is_one_line(run, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "issue.csv", [{"title": "T", "volum": "1", "author1.sur": "x"}])
    result = run("convert", sheet, "-o", tmp_path / "out")
    assert result.code == 3
    assert f"{sheet}: column 'volum': unknown column (did you mean volume?)" in result.err
    assert f"{sheet}: column 'author1.sur': unknown column (see the documented" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("header", "meant"),
    [
        ("titel:en", "title:en"),
        ("autor1.orcid", "author1.orcid"),
        ("aff1.institutoin:ru", "aff1.institution:ru"),
        ("reference2.yaer", "reference2.year"),
        ("published", "published.electronic"),
        ("received", "history.received"),
        ("funder1.award", "funder1.awards"),
        ("related_doi", "related1.doi"),
        ("related_article1.doi", "related1.doi"),
        ("related2.citaton", "related2.citation"),
        ("related_articles", "related1.type and related1.doi"),
    ],
)
def test_a_misspelt_column_names_the_column_meant(tmp_path: Path, header: str, meant: str) -> None:
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    path = write_csv(tmp_path / "s.csv", [{"title": "T", header: "x"}])
    problems = [p for loaded in read_source(path, None, ReadContext()) for p in loaded.problems]
    assert f"column {header!r}: unknown column (did you mean {meant}?)" in problems[0], problems


@pytest.mark.parametrize(
    ("header", "said"),
    [
        ("aff1.postal_code:en", "a postal code has no language: write the column aff1.postal_code"),
        ("aff2.country:ru", "a country has no language (its name per language is "
                            "aff2.country_name:ru): write the column aff2.country"),
        ("aff1.ror:en", "a ROR id has no language: write the column aff1.ror"),
        ("author1.postal_code:en", "a postal code has no language: write the column "
                                   "author1.postal_code"),
        # any column written without a language: it was 'unknown column (did you mean
        # doi:en?)', naming the very column refused
        ("doi:en", "doi has no language: write the column doi"),
        ("volume:ru", "volume has no language: write the column volume"),
        ("author1.orcid:en", "author1.orcid has no language: write the column author1.orcid"),
        ("reference2.doi:en", "reference2.doi has no language: write the column "
                              "reference2.doi"),
    ],
)  # fmt: skip
def test_a_language_on_a_part_without_one_says_so(tmp_path: Path, header: str, said: str) -> None:
    """``aff1.postal_code:en`` is told the postal code has no language and the column to write,
    not "unknown column" beside a column the documentation lists."""
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    path = write_csv(tmp_path / "s.csv", [{"title": "T", header: "x"}])
    problems = [p for loaded in read_source(path, None, ReadContext()) for p in loaded.problems]
    assert f"column {header!r}: {said}" in problems[0], problems


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty spreadsheet: no header row"),
        (b"title,title\nA,B\n", "column 'title': given twice"),
        (b"\xc3\x28,\n", "not UTF-8 text"),
        (b"title,volume\nA,1,extra\n", "#2: values in columns that have no name (C): name them"),
        (b"title,author1.corresponding\nA,maybe\n", "column author1.corresponding: expected yes"),
    ],
)
def test_malformed_spreadsheets(tmp_path: Path, content: bytes, message: str) -> None:
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    path = tmp_path / "s.csv"
    path.write_bytes(content)
    problems = [p for loaded in read_source(path, None, ReadContext()) for p in loaded.problems]
    assert any(message in p and p.startswith(str(path)) for p in problems), problems


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    [loaded] = read_source(path, "xlsx", ReadContext())
    assert loaded.problems and loaded.problems[0].startswith(f"{path}: not a readable XLSX")


def test_rerun_converts_only_the_changed_row(run, tmp_path: Path, store) -> None:
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    rows: list[dict[str, object]] = [
        {"title": f"Article {n}", "volume": "1", "fpage": str(n * 10), "authors": "Smith, J."}
        for n in range(1, 4)
    ]
    sheet = write_csv(tmp_path / "issue.csv", rows)
    out, report = tmp_path / "out", tmp_path / "r.json"
    assert run("batch", sheet, "-o", out, "--report", report).code == 0
    rows[1]["title"] = "Article 2, corrected"
    write_csv(sheet, rows)
    assert run("batch", sheet, "-o", out, "--report", report).code == 0
    data = json.loads(report.read_text())
    assert [a["status"] for a in data["articles"]] == ["skipped", "converted", "skipped"]
    assert b"Article 2, corrected" in (out / "rjr-1-20.xml").read_bytes()


@pytest.mark.parametrize(
    ("pages", "want"),
    [
        ("110-119", {"fpage": "110", "lpage": "119"}),
        ("110–119", {"fpage": "110", "lpage": "119"}),
        ("110", {"fpage": "110"}),
        ("e1001", {"elocation_id": "e1001"}),
        ("110-115, 120-124", {"fpage": "110", "lpage": "124", "page_range": "110-115, 120-124"}),
        # the word for pages, as editors type it, is no part of the page (the article was
        # refused for its fpage 'С. 110' once an article's page could not hold it)
        ("С. 110–119.", {"fpage": "110", "lpage": "119"}),
        ("pp. 110-119", {"fpage": "110", "lpage": "119"}),
        ("p. 5", {"fpage": "5"}),
    ],
)
def test_a_pages_column_gives_first_and_last_page(tmp_path: Path, pages: str, want) -> None:
    """Editors keep one 'pages' column ('110-119'); it was refused as unknown. Pages that are
    not one range are the article's page range, from its first page to its last."""
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    path = write_csv(tmp_path / "s.csv", [{"title": "T", "author1.surname": "X", "pages": pages}])
    [loaded] = list(read_source(path, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    fields = ("fpage", "lpage", "elocation_id", "page_range")
    got = {k: getattr(loaded.article, k) for k in fields}
    assert {k: v for k, v in got.items() if v} == want


def test_issue_title_and_page_range_columns(tmp_path: Path) -> None:
    """A themed issue's title per language and the pages as printed have columns of their
    own; a 'pages' column beside 'page_range' gives the same field twice and is refused."""
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    row = {
        "language": "ru",
        "title:ru": "Статья",
        "author1.surname": "Иванова",
        "issue_title:ru": "Внешняя политика Японии в Азии",
        "issue_title:en": "Japan's foreign policy in Asia",
        "page_range": "110-115, 120-124",
    }
    path = write_csv(tmp_path / "s.csv", [row])
    [loaded] = list(read_source(path, None, ReadContext()))
    article = loaded.article
    assert article is not None, loaded.problems
    assert article.issue_title == {
        "ru": "Внешняя политика Японии в Азии",
        "en": "Japan's foreign policy in Asia",
    }
    assert (article.fpage, article.lpage, article.page_range) == ("110", "124", "110-115, 120-124")
    path = write_csv(tmp_path / "both.csv", [{**row, "pages": "110-124"}])
    [loaded] = list(read_source(path, None, ReadContext()))
    assert loaded.article is None
    assert loaded.problems == [
        f"{path}#2: columns page_range and pages give the same field: keep one"
    ]


def test_a_state_column_beside_the_city_column(tmp_path: Path) -> None:
    """``author1.state:en`` and ``aff1.state:pt`` are read as ``author1.city:en`` is: the
    affiliation's state, written in JATS as <state> between the city and the country."""
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    row = {
        "title": "T",
        "author1.surname": "Smith",
        "author1.institution:en": "Boston University",
        "author1.city:en": "Boston",
        "author1.state:en": "MA",
        "author1.country": "US",
        "author2.surname": "Silva",
        "author2.affiliations": "aff1",
        "aff1.institution:pt": "Universidade Federal de Minas Gerais",
        "aff1.city:pt": "Belo Horizonte",
        "aff1.state:pt": "MG",
        "aff1.country": "BR",
    }
    path = write_csv(tmp_path / "s.csv", [row])
    [loaded] = list(read_source(path, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    states = {aff.id: (aff.state, aff.country) for aff in loaded.article.affiliations}
    assert states.pop("aff1") == ({"pt": "MG"}, "BR")
    assert list(states.values()) == [({"en": "MA"}, "US")]  # (the inline one)


def test_a_postal_code_column_beside_the_state_column(tmp_path: Path) -> None:
    """``author1.postal_code`` and ``aff1.postal_code`` (one for every language, as the
    country): the affiliation's postal code, written in JATS after the state; a workbook's
    number cell is its digits (a CSV cell keeps its leading zero)."""
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    row: dict[str, object] = {
        "title": "T",
        "author1.surname": "Smith",
        "author1.institution:en": "Boston University",
        "author1.city:en": "Boston",
        "author1.state:en": "MA",
        "author1.postal_code": "02115",
        "author1.country": "US",
        "author2.surname": "Ivanov",
        "author2.affiliations": "aff1",
        "aff1.institution:ru": "Московский университет",
        "aff1.city:ru": "Москва",
        "aff1.postal_code": 119991,
        "aff1.country": "RU",
    }
    for path in (write_csv(tmp_path / "s.csv", [row]), write_xlsx(tmp_path / "s.xlsx", [row])):
        [loaded] = list(read_source(path, None, ReadContext()))
        assert loaded.article is not None, loaded.problems
        codes = {aff.id: aff.postal_code for aff in loaded.article.affiliations}
        assert codes.pop("aff1") == "119991"
        assert list(codes.values()) == ["02115"]  # (the inline one)


def test_a_zip_code_cell_shows_its_leading_zero(tmp_path: Path) -> None:
    """Excel keeps a ZIP code typed as 02115 as the number 2115 and shows it as 02115 through
    its cell format ("00000", Format Cells › Special › Zip Code; "00000-0000" for ZIP+4): the
    postal code is read as shown, not as 2115 ('Boston, MA 2115' until 4 December 2026)."""
    from openpyxl import Workbook

    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    book = Workbook()
    sheet = book.active
    sheet.append(["title", "author1.surname", "author1.city:en", "author1.postal_code"])
    for title, code, shown in (("A", 2115, "00000"), ("B", 21151234, "00000\\-0000"),
                               ("C", 119991, "General"), ("D", 2115, "000000"),
                               ("E", 2115.0, '[$-409]00000'), ("F", 2115, '"No. "0')):  # fmt: skip
        sheet.append([title, "Smith", "Boston", code])
        sheet.cell(row=sheet.max_row, column=4).number_format = shown
    book.save(tmp_path / "s.xlsx")
    codes = [
        loaded.article.affiliations[0].postal_code
        for loaded in read_source(tmp_path / "s.xlsx", None, ReadContext())
        if loaded.article is not None
    ]
    assert codes == ["02115", "02115-1234", "119991", "002115", "02115", "2115"]


def test_reference_identifiers_in_numbered_columns(tmp_path: Path) -> None:
    """referenceN.arxiv, .isbn, .pmid and .pmcid are read as in YAML; an ISBN or PMID a
    workbook stores as a number is its digits again, an arXiv identifier stored as a number
    (its last zero lost) is refused with the column and what to do."""
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    row = {
        "language": "en",
        "title": "Identifiers",
        "reference1": "Elaydi S. Finite Difference Equations. Dover, 1992.",
        "reference1.isbn": 9780486672601,
        "reference2": "Loftus EV. Clinical epidemiology. Gastroenterology. 2004;126:1504–17.",
        "reference2.pmid": 15168363,
        "reference2.pmcid": "PMC2345678",
        "reference3": "Author A. An e-print. 2020.",
        "reference3.arxiv": "2001.01230",
    }
    [loaded] = read_source(write_xlsx(tmp_path / "ids.xlsx", [row]), None, ReadContext())
    assert loaded.problems == []
    first, second, third = loaded.article.references
    assert first.isbn == "9780486672601"
    assert (second.pmid, second.pmcid) == ("15168363", "PMC2345678")
    assert third.arxiv == "2001.01230"
    [refused] = read_source(
        write_xlsx(tmp_path / "number.xlsx", [{**row, "reference3.arxiv": 2001.0123}]),
        None,
        ReadContext(),
    )
    assert refused.article is None
    assert refused.problems == [
        f"{tmp_path / 'number.xlsx'}#2: column reference3.arxiv: the arXiv identifier is stored "
        "as a number (2001.0123): format the cell as text and type it again"
    ]


# ---------------------------------------------------------------------- related articles

CORRECTION = BILINGUAL.parent.parent / "2018-4" / "correction-streltsov-6.yaml"
# The correction notice sample, column by column: its related article in relatedN.PART columns.
CORRECTION_ROW: dict[str, object] = {
    "article_type": "correction",
    "language": "ru",
    "title:ru": "Исправление к статье «Российско-японские отношения: системный кризис или новые "
    "возможности?»",
    "title:en": "Correction to: Russian-Japanese relations: systemic crisis or new opportunities?",
    "doi": "10.5555/jsr.2018.4.180",
    "section:ru": "Исправления",
    "section:en": "Corrections",
    "volume": 2,
    "issue": 4,
    "fpage": 180,
    "lpage": 180,
    "published.electronic": dt.date(2018, 12, 14),
    "published.collection": "2018-12",
    "related1.type": "corrected-article",
    "related1.doi": "10.5555/jsr.2018.3.6",
    "related1.citation": "Стрельцов Д. В. Российско-японские отношения: системный кризис или новые "
    "возможности? // Японские исследования. 2018. Т. 2, № 3. С. 6–20.",
    "related1.volume": 2,
    "related1.issue": 3,
    "related1.fpage": 6,
    "license": "CC-BY-4.0",
    "copyright.statement:ru": "© Ассоциация японоведов, 2018",
    "copyright.statement:en": "© Association of Japanologists, 2018",
    "copyright.year": 2018,
    "copyright.holder:ru": "Ассоциация японоведов",
    "copyright.holder:en": "Association of Japanologists",
    "url": "https://www.japanreview.ru/articles/jsr-2018-4-180",
}


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_notice_row_names_the_article_it_corrects(run, tmp_path: Path, store, kind) -> None:
    """A correction typed as a row, its related article in related1.type, related1.doi,
    related1.citation … (numbers and a date cell as a workbook stores them): the JATS is the
    committed output of the correction sample's YAML, byte for byte, related-article and all."""
    shutil.copy(BILINGUAL.parent.parent / "journal.yaml", tmp_path / "journal.yaml")
    if kind == "xlsx":
        sheet = write_xlsx(tmp_path / "notices.xlsx", [CORRECTION_ROW])
    else:
        sheet = write_csv(tmp_path / "notices.csv", [CORRECTION_ROW])
    result = run("convert", sheet, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    [output] = (tmp_path / "out").glob("*.xml")
    assert output.read_bytes() == CORRECTION.with_suffix(".xml").read_bytes()


def test_related_articles_in_numbered_columns(tmp_path: Path) -> None:
    """related1, related2 …: one article each, in number order; a DOI with a ';' inside it
    (an old SICI DOI) is one DOI; a PubMed id stored as a number is its digits."""
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    sici = "10.1002/(SICI)1097-4636(199706)35:4<437::AID-JBM5>3.0.CO;2-E"
    row = {
        "title": "A reply",
        "article_type": "reply",
        "related2.type": "companion",
        "related2.citation": "Petrova A. The companion paper. 2020.",
        "related3.type": "companion",
        "related3.pmid": 29912345,
        "related1.type": "letter",
        "related1.doi": f"https://doi.org/{sici}",
        "related1.elocation_id": "e7",
    }
    [loaded] = read_source(write_csv(tmp_path / "s.csv", [row]), None, ReadContext())
    assert loaded.article is not None, loaded.problems
    related = [item.model_dump(exclude_none=True) for item in loaded.article.related_articles]
    assert related == [
        {"type": "letter", "id": "ra1", "doi": sici, "elocation_id": "e7"},
        {"type": "companion", "id": "ra2", "citation": "Petrova A. The companion paper. 2020."},
        {"type": "companion", "id": "ra3", "pmid": "29912345"},
    ]


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (
            {"related1.doi": "10.5555/jsr.2018.3.6"},
            "column related1.type: missing (related1.doi is given): say what the other article "
            "is to this one, e.g. corrected-article in a correction",
        ),
        (
            {"related1.type": "corrected-article",
             "related1.doi": "10.5555/jsr.2018.3.6;\n doi:10.5555/jsr.2018.3.21"},
            "column related1.doi: holds 2 DOIs: give each related article its own columns "
            "(related1.doi, related2.doi …, each with its type)",
        ),
        (
            {"related1.type": "corrected-article"},
            "related_articles[0] (column related1): a related article needs its doi, pmid or "
            "a citation naming it",
        ),
        (
            {"related1.type": "corrected-article", "related1.doi": "10.5555/a",
             "related1.fpage": "6-20"},
            "related_articles[0].fpage (column related1.fpage): a page range: '6-20' (give the "
            "first page only: 6)",
        ),
        (
            {"related1.type": "corrected-article", "related1.doi": "11.5555/a"},
            "related_articles[0].doi (column related1.doi): not a DOI (expected 10.NNNN/suffix): "
            "'11.5555/a'",
        ),
        (
            {"related1.type": "Corrected article", "related1.doi": "10.5555/a"},
            "related_articles[0].type (column related1.type): 'Corrected article' is not one of "
            "the values it takes (did you mean corrected-article?): corrected-article, ",
        ),
        (
            {"related1.doi:en": "10.5555/a"},
            "column 'related1.doi:en': related1.doi has no language: write the column related1.doi",
        ),
    ],
)  # fmt: skip
def test_a_bad_related_article_cell_is_one_line_naming_it(
    run, tmp_path: Path, cells: dict[str, object], message: str
) -> None:
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    rows = [{"title": "A correction", "article_type": "correction", **cells}]
    sheet = write_csv(tmp_path / "issue.csv", rows)
    result = run("convert", sheet, "-o", tmp_path / "out")
    assert result.code == 3
    [line] = result.err.splitlines()[:1]
    assert line.startswith(f"{sheet}") and message in line, result.err
    assert "Traceback" not in result.err


# ---------------------------------------------------------------------- group authors


def test_reference_groups_column_writes_its_authors_as_collab(run, tmp_path: Path, store) -> None:
    """``referenceN.groups`` names which of ``referenceN.authors`` are groups (``groups`` in
    YAML): 'WHO' and a ministry written with a comma are <collab>s, not people; a group that
    is none of the authors is refused naming the row, the field and the column."""
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    row: dict[str, object] = {
        "title": "Group authors",
        "volume": "3",
        "fpage": "5",
        "reference1": "WHO; Ministry of Health, Malaria Centre; Roe R. Malaria survey. 2010.",
        "reference1.authors": "WHO; Ministry of Health, Malaria Centre; Roe, R",
        "reference1.groups": "WHO; Ministry of Health, Malaria Centre",
        "reference1.source": "Malaria survey",
        "reference1.year": "2010",
    }
    sheet = write_csv(tmp_path / "issue.csv", [row])
    result = run("convert", sheet, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    [written] = (tmp_path / "out").glob("*.xml")
    assert re.findall(r"<(collab|surname)>([^<]*)<", written.read_text(encoding="utf-8")) == [
        ("collab", "WHO"),
        ("collab", "Ministry of Health, Malaria Centre"),
        ("surname", "Roe"),
    ]
    checked = xmllint(written, store.catalog)
    assert checked.returncode == 0, checked.stderr

    row["reference1.groups"] = "WHO; World Health Organization"
    result = run("convert", write_csv(tmp_path / "bad.csv", [row]), "-o", tmp_path / "bad")
    assert result.code == 3
    assert result.err.splitlines()[0] == (
        f"{tmp_path / 'bad.csv'}#2: references[0] (column reference1): groups: 'World Health "
        "Organization' is not one of the authors"
    )


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_reference_elocation_id_column_is_the_cited_articles_number(
    run, tmp_path: Path, store, writer: Callable[..., Path]
) -> None:
    """``referenceN.elocation_id`` is the cited article's number (``elocation_id`` in YAML),
    written as <elocation-id> in its element-citation, from a CSV cell and from a workbook
    cell holding it as a number."""
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    row: dict[str, object] = {
        "title": "Cited by number",
        "volume": "3",
        "fpage": "5",
        "reference1": "Roe R. Malaria survey. PLoS One. 2010;5:108871.",
        "reference1.authors": "Roe, R",
        "reference1.title": "Malaria survey",
        "reference1.source": "PLoS One",
        "reference1.year": "2010",
        "reference1.volume": "5",
        "reference1.elocation_id": 108871,
    }
    sheet = writer(tmp_path / f"issue.{'csv' if writer is write_csv else 'xlsx'}", [row])
    result = run("convert", sheet, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    [written] = (tmp_path / "out").glob("*.xml")
    text = written.read_text(encoding="utf-8")
    assert "<volume>5</volume><elocation-id>108871</elocation-id>" in re.sub(r">\s+<", "><", text)
    checked = xmllint(written, store.catalog)
    assert checked.returncode == 0, checked.stderr


def test_a_long_csv_cell_is_read_up_to_what_a_field_may_hold(tmp_path: Path) -> None:
    """A CSV abstract of 200,000 characters, which a YAML file may hold, was refused with the
    csv module's words ('malformed CSV: field larger than field limit (131072)') and no line:
    it is read; a cell past the 1,000,000 characters a field may hold is refused by its line,
    in the words said of a YAML field."""
    path = tmp_path / "s.csv"
    header = "language,title:ru,title:en,abstract:en\n"
    path.write_text(f"{header}ru,Статья,Article,{'x' * 200_000}\n", encoding="utf-8")
    assert _problems(tmp_path, path) == []
    path.write_text(f'{header}ru,Статья,Article,"{"x" * 1_000_001}"\n', encoding="utf-8")
    assert _problems(tmp_path, path) == [
        f"{path}: line 2: a cell of more than the 1,000,000 characters a field may hold: refused"
    ]


def test_a_surname_in_capitals_in_a_numbered_column_is_in_ordinary_case(tmp_path: Path) -> None:
    """'СТРЕЛЬЦОВ' typed in author1.surname:ru is written as an authors cell's is, said
    naming the column: it went into the JATS and the deposit in capitals, unsaid."""
    row = {
        **ROW,
        "author1.surname:ru": "СТРЕЛЬЦОВ",
        "author1.given:ru": "Дмитрий Викторович",
        "author1.surname:en": "STRELTSOV",
        "author1.given:en": "Dmitry",
        "author2.surname:ru": "Кистанов",
        "author2.given:ru": "Валерий",
    }
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    [loaded] = read_source(write_csv(tmp_path / "s.csv", [row]), None, ReadContext())
    assert loaded.article is not None, loaded.problems
    names = [
        {lang: (form.surname, form.given) for lang, form in author.name.items()}
        for author in loaded.article.authors
    ]
    assert names == [
        {"ru": ("Стрельцов", "Дмитрий Викторович"), "en": ("Streltsov", "Dmitry")},
        {"ru": ("Кистанов", "Валерий")},
    ]
    assert (
        "column author1.surname:ru: a surname in capitals, as a title page prints it, written "
        "in ordinary case ('СТРЕЛЬЦОВ': 'Стрельцов')"
    ) in [str(w) for w in loaded.warnings]


def test_preview_findings_name_the_column(run, tmp_path: Path) -> None:
    """preview's findings on a spreadsheet row name the cell as convert --profile's do: its
    line, its --json finding and the page, after the input field (the field path alone)."""
    row = {
        **ROW,
        "published.electronic": "2018-09-28",
        "authors:ru": "Стрельцов, Дмитрий",
        "authors:en": "Стрельцов, Dmitry",
        "abstract:ru": "Аннотация.",
    }
    (tmp_path / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
    sheet = write_csv(tmp_path / "issue.csv", [row])
    result = run("preview", sheet, "--profile", "rsci", "-o", tmp_path / "out")
    assert (
        "[script-latin-fields] Cyrillic letters (Стрельцов) in a field in en: 'Стрельцов' "
        "(input field authors[0].name.en, column authors:en)"
    ) in result.err
    assert "no abstract in English (input field abstract.en)\n" in result.err
    [page] = (tmp_path / "out").glob("*.preview.html")
    assert (
        "input field <code>authors[0].name.en</code>, column <code>authors:en</code>"
        in page.read_text(encoding="utf-8")
    )
    result = run("preview", sheet, "--profile", "rsci", "-o", tmp_path / "out", "--json")
    findings = json.loads(result.out)[0]["findings"]
    latin = [f for f in findings if f["rule"] == "script-latin-fields"]
    assert latin and latin[0]["column"] == "authors:en"
    assert all("column" not in f for f in findings if f["field"] == "abstract.en")


@pytest.mark.parametrize(
    ("column", "field", "value"),
    [
        ("author1.surname:en", "authors[0].name.en.surname", 1.2),
        ("author1.surname:ru", "authors[0].name.ru.surname", -3),
        ("author1.given:en", "authors[0].name.en.given", 1.2),
    ],
)
def test_a_number_in_a_workbook_name_cell_is_refused_naming_its_column(
    tmp_path: Path, column: str, field: str, value: float
) -> None:
    """A workbook keeps '1.2' typed in a name's cell as a number: it stopped the converter, an
    internal error (exit 70), when the name was looked at for capitals; it is refused naming
    the field and the column, as a number in another text field is."""
    row = {
        **ROW,
        "author1.surname:ru": "Иванов",
        "author1.given:ru": "Иван",
        "author1.surname:en": "IVANOV",  # (in capitals: its given names are looked at too)
        "author1.given:en": "Ivan",
        column: value,
    }
    problems = _problems(tmp_path, write_xlsx(tmp_path / "s.xlsx", [row]))
    assert len(problems) == 1, problems
    assert f"{field} (column {column})" in problems[0], problems
    assert "is a number" in problems[0]
