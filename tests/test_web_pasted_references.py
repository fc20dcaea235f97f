"""A reference list pasted into the web app's edit form: each line a reference, and a Russian
list with its "References" list read as one list in two forms, as an OJS citations box is.

Until 4 December 2026 a reference's text was a one-line box: a pasted list lost its line breaks
and was saved as one reference holding the heading and both lists, said as valid.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import lxml.etree
import lxml.html
import pytest
from werkzeug.datastructures import MultiDict

from conftest import BILINGUAL
from converter.web.app import create_app
from converter.web.workspace import Workspace

JOURNAL = BILINGUAL.parent.parent / "journal.yaml"
NEW = "language: ru\ntitle:\n  ru: Черновик\n  en: Draft\n".encode()
RUSSIAN = [
    "1. Стрельцов Д.В. Российско-японские отношения // Японские исследования. 2018. № 3. С. 6–20.",
    "2. Иванов И.И., Петров П.П. Экономика Японии. М.: Наука, 2015. 320 с.",
]
LATIN = [
    "1. Streltsov D.V. Rossiisko-yaponskie otnosheniya [Russian-Japanese relations]. Yaponskie "
    "issledovaniya [Japanese Studies in Russia]. 2018. No. 3. Pp. 6–20. (In Russ.)",
    "2. Ivanov I.I., Petrov P.P. Ekonomika Yaponii [Economy of Japan]. Moscow: Nauka, 2015. "
    "320 p. (In Russ.)",
]
PASTED = "\r\n".join(["Список литературы", *RUSSIAN, "References", *LATIN])


@pytest.fixture
def client(store) -> Iterator[tuple[object, Workspace, str]]:
    workspace = Workspace(store)
    try:
        client = create_app(workspace).test_client()
        token = re.search(r'name="_token" value="([^"]+)"', client.get("/").text).group(1)
        files = [(io.BytesIO(NEW), "new.yaml"), (io.BytesIO(JOURNAL.read_bytes()), "journal.yaml")]
        client.post("/upload", data={"_token": token, "files": files},
                    content_type="multipart/form-data")  # fmt: skip
        yield client, workspace, token
    finally:
        workspace.close()


def _form(client) -> lxml.html.HtmlElement:
    page = lxml.html.fromstring(client.get("/article/1/edit").text)
    return page.xpath("//form[@class='edit']")[0]


def _post(client, changes: dict[str, str]):
    values = MultiDict(_form(client).form_values())
    for name, value in changes.items():
        values.setlist(name, [value])
    return client.post("/article/1/edit", data=values)


def test_a_reference_text_is_a_box_of_several_lines(client):
    """A browser drops the line breaks of a one-line box: a pasted list must go in a text area."""
    form = _form(client[0])
    for lang in ("ru", "en"):
        assert form.xpath(f"//textarea[@name='references.0.text.{lang}:text']")


def test_a_pasted_russian_list_and_its_references_list_are_one_list_in_two_forms(client):
    client, workspace, _ = client
    reply = _post(client, {"references.0.text.ru:text": PASTED})
    assert reply.status_code == 303 and "/edit" not in reply.headers["Location"]
    row = workspace.rows[1]
    refs = row.article.references
    assert len(refs) == 2
    assert [ref.label for ref in refs] == ["1.", "2."]  # (the numbers as typed, as labels)
    assert refs[0].text["ru"] == RUSSIAN[0].removeprefix("1. ")
    assert refs[0].text["en"] == LATIN[0].removeprefix("1. ")
    shown = lxml.html.fromstring(client.get("/").text).find_class("row")[0].text_content()
    assert "read as the original and Latin-script forms of 2 references" in shown
    assert row.jats is not None
    cited = [
        "".join(m.itertext()).strip()
        for m in lxml.etree.fromstring(row.jats).iter("mixed-citation")
    ]
    assert len(cited) == 4 and cited[0].startswith("Стрельцов") and cited[1].startswith("Streltsov")
    # the form opened again shows two references, each in its two boxes
    form = _form(client)
    assert form.xpath("//textarea[@name='references.1.text.en:text']")[0].text.startswith("Ivanov")


def test_each_language_box_holding_its_list_is_paired_line_by_line(client):
    client, workspace, _ = client
    reply = _post(client, {"references.0.text.ru:text": "\n".join(RUSSIAN),
                           "references.0.text.en:text": "\n".join(LATIN)})  # fmt: skip
    assert reply.status_code == 303 and "/edit" not in reply.headers["Location"]
    refs = workspace.rows[1].article.references
    assert [(r.text["ru"][:9], r.text["en"][:9]) for r in refs] == [
        ("Стрельцов", "Streltsov"), ("Иванов И.", "Ivanov I.")]  # fmt: skip


def test_lists_of_different_lengths_in_the_two_boxes_are_refused_with_what_was_typed(client):
    client, workspace, _ = client
    reply = _post(client, {"references.0.text.ru:text": "\n".join(RUSSIAN),
                           "references.0.text.en:text": LATIN[0]})  # fmt: skip
    assert reply.headers["Location"].endswith("/edit?failed=1")
    form = _form(client)
    box = form.xpath("//textarea[@name='references.0.text.ru:text']")[0]
    assert box.text == "\n".join(RUSSIAN)  # what was typed is kept
    said = box.getparent().getparent().getparent().text_content()
    assert "the ru box holds 2 references and the en box 1" in said
    assert workspace.rows[1].article.references == []


@pytest.mark.parametrize(
    ("lang", "pasted", "saved"),
    [
        (
            "en",
            "Smith J., Brown K. A study of the effects of things on other things in\r\n"
            "the world. Journal of Things. 2020;5(2):10-20.\r\ndoi:10.1000/xyz",
            "Smith J., Brown K. A study of the effects of things on other things in the world. "
            "Journal of Things. 2020;5(2):10-20. doi:10.1000/xyz",
        ),
        (
            "ru",
            "Иванов И.И. Экономика Японии //\r\nВестник науки. 2020. Т. 5, № 2. С. 10–20.",
            "Иванов И.И. Экономика Японии // Вестник науки. 2020. Т. 5, № 2. С. 10–20.",
        ),
        (  # a line ending with a preposition, an article or a conjunction goes on, before a
            # capital too (it was two references, '… economy of' and 'Japan. London …')
            "en",
            "Smith J. The economy of\r\nJapan. London: Routledge, 2015. 300 p.",
            "Smith J. The economy of Japan. London: Routledge, 2015. 300 p.",
        ),
        (
            "en",
            "Smith J., Brown K. and\r\nLee M. Japan and the\r\nWorld. London, 2015.",
            "Smith J., Brown K. and Lee M. Japan and the World. London, 2015.",
        ),
        (
            "ru",
            "Иванов И.И. Экономика Японии и\r\nКитая в годы реформ. М.: Наука, 2015.",
            "Иванов И.И. Экономика Японии и Китая в годы реформ. М.: Наука, 2015.",
        ),
        (  # ... in a Russian work's Latin form too, its 'i', 'v', 'na' (it was two references)
            "en",
            "Ivanov I.I. Ekonomika Yaponii i\r\nKitaya v\r\nGody reform. Moscow: Nauka, 2015.",
            "Ivanov I.I. Ekonomika Yaponii i Kitaya v Gody reform. Moscow: Nauka, 2015.",
        ),
        (
            "en",
            "Shevchenko T. Istoriya Ukrainy ta\r\nYevropy. Kyiv, 1985.",
            "Shevchenko T. Istoriya Ukrainy ta Yevropy. Kyiv, 1985.",
        ),
        (  # a wrapped line opening with the year is no list number
            "ru",
            "Иванов И.И. Экономика Японии. М.: Наука,\r\n2015. 200 с.",
            "Иванов И.И. Экономика Японии. М.: Наука, 2015. 200 с.",
        ),
    ],
)
def test_one_reference_copied_in_several_lines_is_one_reference(client, lang, pasted, saved):
    """One reference copied from a PDF comes wrapped in lines; each line was saved as a
    reference of its own ('… other things in', 'the world. …'), since the box took a list."""
    client, workspace, _ = client
    reply = _post(client, {f"references.0.text.{lang}:text": pasted})
    assert reply.status_code == 303 and "/edit" not in reply.headers["Location"]
    assert [ref.text[lang] for ref in workspace.rows[1].article.references] == [saved]


def test_a_list_whose_lines_end_in_dois_is_still_a_list(client):
    """Lines ending in a DOI, and one beginning with 'van der', are entries of their own."""
    client, workspace, _ = client
    lines = ["Smith J. A study. J Things. 2020;5:10-20. https://doi.org/10.1000/a",
             "van der Berg P. Third. Book. 2018. 320 p.", "Lee K. Fourth. 2017."]  # fmt: skip
    reply = _post(client, {"references.0.text.en:text": "\n".join(lines)})
    assert reply.status_code == 303 and "/edit" not in reply.headers["Location"]
    assert [ref.text["en"] for ref in workspace.rows[1].article.references] == lines


def test_a_reference_with_a_stray_line_break_stays_one_reference(client):
    """Two lines neither numbered nor under a heading are one reference copied from a PDF, as
    the native reader reads them (one rule for both: ``readers.pasted_references``)."""
    client, workspace, _ = client
    text = "Smith J. A very long title of a book\ncopied from a PDF. London, 2001."
    reply = _post(client, {"references.0.text.en:text": text})
    assert reply.status_code == 303 and "/edit" not in reply.headers["Location"]
    [ref] = workspace.rows[1].article.references
    assert ref.text["en"].startswith("Smith J. A very long title")


def test_a_pasted_lists_note_goes_once_its_references_are_edited_and_saved(client):
    """The row's note on a pasted list describes the save that read it: once the references
    are edited and saved again, it is gone (until 4 December 2026 it stayed on the row, telling
    of lines no longer there)."""
    client, workspace, _ = client
    _post(client, {"references.0.text.ru:text": PASTED})

    def row_text() -> str:
        return lxml.html.fromstring(client.get("/").text).find_class("row")[0].text_content()

    assert "read as the original and Latin-script forms of 2 references" in row_text()
    reply = _post(client, {"references.1.text.ru:text": "Петров П.П. Другая книга. М., 2016.",
                           "references.1.text.en:text": ""})  # fmt: skip
    assert reply.status_code == 303 and "/edit" not in reply.headers["Location"]
    assert workspace.rows[1].article.references[1].text == {
        "ru": "Петров П.П. Другая книга. М., 2016."}  # fmt: skip
    assert "read as the original and Latin-script forms" not in row_text()
    # a new list pasted says its own note again
    _post(client, {"references.2.text.ru:text": "\n".join(RUSSIAN)})
    assert "Reference 3: 2 lines pasted: read as 2 references" in row_text()
