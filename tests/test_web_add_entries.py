"""The edit form's *Add author* (and each list's Add button) without the page's script, and an
author's affiliations ticked by institution: several new entries saved in one save."""

from __future__ import annotations

import io
import re
import zipfile

import lxml.html
import pytest
from werkzeug.datastructures import MultiDict

from conftest import BILINGUAL, SEED, xmllint
from converter.web.app import create_app
from converter.web.workspace import Workspace

SEED_JOURNAL = SEED.parent.parent / "journal.yaml"
BILINGUAL_JOURNAL = BILINGUAL.parent.parent / "journal.yaml"


@pytest.fixture
def app(store):
    workspace = Workspace(store)
    yield create_app(workspace).test_client(), workspace
    workspace.close()


def _open(client, article, journal) -> str:
    token = re.search(r'name="_token" value="([^"]+)"', client.get("/").text).group(1)
    files = [(io.BytesIO(p.read_bytes()), p.name) for p in (article, journal)]
    client.post("/upload", data={"_token": token, "files": files},
                content_type="multipart/form-data")  # fmt: skip
    return token


def _form(client) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(client.get("/article/1/edit").text).xpath("//form")[0]


def _posted(form: lxml.html.HtmlElement) -> MultiDict:
    """What a browser posts for the form as shown (the Add and Save buttons left out)."""
    return MultiDict(form.form_values())


def _headings(form: lxml.html.HtmlElement, list_name: str) -> list[str]:
    section = form.xpath(f"//section[@data-list='{list_name}']")[0]
    return [s.text_content() for s in section.xpath("./details/summary")]


def test_add_author_without_script_adds_blank_entries_and_one_save_keeps_three(
    app, tmp_path, store
):
    client, workspace = app
    token = _open(client, SEED, SEED_JOURNAL)
    form = _form(client)
    assert form.xpath("//button[@name='_add' and @value='authors']/text()") == ["Add author"]
    for _ in range(2):  # two clicks on "Add author", nothing typed yet
        posted = _posted(form)
        posted["_add"] = "authors"
        reply = client.post("/article/1/edit", data=posted)
        assert reply.status_code == 303 and "#authors." in reply.headers["Location"]
        form = _form(client)
    assert _headings(form, "authors")[1:] == [
        "Author 2 — add another", "Author 3 — add another", "Author 4 — add another"]  # fmt: skip
    assert workspace.rows[1].saves == 0  # (nothing saved by Add)
    posted = _posted(form)
    for index, surname in ((1, "Ivanov"), (2, "Petrova"), (3, "Sidorov")):
        posted[f"authors.{index}.name.en.surname:text"] = surname
        posted[f"authors.{index}.name.en.given:text"] = "A."
    reply = client.post("/article/1/edit", data=posted)
    assert reply.status_code == 303 and reply.headers["Location"].endswith("#row-1")
    article = workspace.rows[1].article
    assert [a.name["en"].surname for a in article.authors] == [
        "Streltsov", "Ivanov", "Petrova", "Sidorov"]  # fmt: skip
    # what was typed before an Add is kept through it, and Add after typing gives one blank
    form = _form(client)
    posted = _posted(form)
    posted["references.6.text.en:text"] = "Smith J. A book. London, 2020."
    posted["_add"] = "references"
    client.post("/article/1/edit", data=posted)
    form = _form(client)
    assert form.xpath("//textarea[@name='references.6.text.en:text']/text()") == [
        "Smith J. A book. London, 2020."]  # fmt: skip
    assert _headings(form, "references")[-2:] == [
        "Reference 7: Smith J. A book. London, 2020.", "Reference 8 — add another"]  # fmt: skip
    reply = client.post("/article/1/edit", data=_posted(form))
    assert len(workspace.rows[1].article.references) == 7
    # every output of the saved article is still valid
    reply = client.post("/download", data={"_token": token, "row": ["1"], "format": ["jats"]})
    jats = zipfile.ZipFile(io.BytesIO(reply.data)).read("streltsov-110.xml")
    (tmp_path / "a.xml").write_bytes(jats)
    checked = xmllint(tmp_path / "a.xml", store.catalog)
    assert checked.returncode == 0, checked.stderr
    assert jats.decode().count("<contrib ") == 4


def test_enter_in_a_box_still_saves(app):
    """The form's first submit button (its default, used by Enter) saves: not an Add."""
    client, _ = app
    _open(client, SEED, SEED_JOURNAL)
    first = _form(client).xpath("//button[@type='submit']")[0]
    assert first.get("name") is None and first.text == "Save and check"


def test_affiliations_are_ticked_by_institution_in_the_forms_language(app):
    client, workspace = app
    _open(client, BILINGUAL, BILINGUAL_JOURNAL)
    form = _form(client)
    boxes = form.xpath("//input[@name='authors.0.affiliations:tick']")
    assert [b.get("value") for b in boxes] == ["aff1"]
    assert boxes[0].get("checked") is not None
    said = boxes[0].getparent().text_content().strip()
    assert said.startswith("Московский государственный институт") and said.endswith("(aff1)")
    # a second affiliation added and ticked for the author in one save: its id typed
    posted = _posted(form)
    posted["affiliations.1.institution.ru:text"] = "Институт востоковедения РАН"
    posted["affiliations.1.institution.en:text"] = "Institute of Oriental Studies"
    posted["affiliations.1.country:text"] = "RU"
    posted["authors.0.affiliations:ids"] = "aff2"
    reply = client.post("/article/1/edit", data=posted)
    assert reply.headers["Location"].endswith("#row-1"), workspace.rows[1].draft_problems
    assert workspace.rows[1].article.authors[0].affiliations == ["aff1", "aff2"]
    form = _form(client)
    boxes = form.xpath("//input[@name='authors.0.affiliations:tick']")
    assert [(b.get("value"), b.get("checked") is not None) for b in boxes] == [
        ("aff1", True), ("aff2", True)]  # fmt: skip
    assert "Институт востоковедения РАН (aff2)" in boxes[1].getparent().text_content()
    # unticking the first leaves the second
    posted = _posted(form)
    posted.setlist("authors.0.affiliations:tick", ["aff2"])
    client.post("/article/1/edit", data=posted)
    assert workspace.rows[1].article.authors[0].affiliations == ["aff2"]


def test_an_affiliation_without_institution_is_judged_as_the_command_line_judges_it(app, tmp_path):
    """An affiliation of a city and country only, added in the form: the form saves it as
    ``convert`` reads the same YAML (neither refuses it), and for each profile the app's row
    says of the affiliations what ``check --profile`` says of the converted file: both say
    that it names no institution (``aff-institution``, every profile; until 4 December 2026
    neither did)."""
    import subprocess
    import sys

    from conftest import ROOT

    client, workspace = app
    token = _open(client, BILINGUAL, BILINGUAL_JOURNAL)
    posted = _posted(_form(client))
    posted["affiliations.1.city.en:text"] = "Moscow"
    posted["affiliations.1.country:text"] = "RU"
    posted.add("authors.0.affiliations:tick", "aff2")
    reply = client.post("/article/1/edit", data=posted)
    assert reply.headers["Location"].endswith("#row-1"), workspace.rows[1].draft_problems
    reply = client.post("/download", data={"_token": token, "row": ["1"], "format": ["yaml"]})
    edited = tmp_path / "issue" / "edited.yaml"
    edited.parent.mkdir()
    edited.write_bytes(zipfile.ZipFile(io.BytesIO(reply.data)).read("streltsov-6.yaml"))
    (edited.parent / "journal.yaml").write_bytes(BILINGUAL_JOURNAL.read_bytes())

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "converter", *args], cwd=ROOT,
                              capture_output=True, text=True, check=False)  # fmt: skip

    for profile in ("crossref", "doaj", "pmc", "rsci"):
        out = tmp_path / profile
        converted = cli("convert", str(edited), "--profile", profile, "-o", str(out))
        assert converted.returncode == 0, converted.stderr
        checked = cli("check", "--profile", profile, str(out / "edited.xml"))
        by_cli = sorted(
            re.search(r"\[([\w-]+)\]", line).group(1)
            for line in checked.stdout.splitlines() + checked.stderr.splitlines()
            if "/aff" in line and "[" in line
        )
        workspace.set_profiles((profile,))
        by_app = sorted(f.rule for f in workspace.rows[1].findings if "/aff" in f.path)
        assert by_app == by_cli, (profile, checked.stdout)
        assert "aff-institution" in by_app, profile
        if profile == "rsci":  # (its city in English only: not given in Russian, both say)
            assert by_app == ["aff-institution", "rsci-affiliations"]
