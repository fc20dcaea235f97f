"""A save that fails lists, at the top of the form, each field it failed on in words, each a
link to its box: on a long form (three authors, a reference list) the editor is taken to the
box and a keyboard user tabs on into it.

Until 4 December 2026 the top said only "Not saved: see what is said here and beside the
fields", and the editor scrolled the whole form to find the third author's ORCID.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import lxml.html
import pytest
from werkzeug.datastructures import MultiDict

from conftest import BILINGUAL
from converter.web.app import create_app
from converter.web.workspace import Workspace

JOURNAL = BILINGUAL.parent.parent / "journal.yaml"


@pytest.fixture
def client(store) -> Iterator[object]:
    workspace = Workspace(store)
    try:
        client = create_app(workspace).test_client()
        token = re.search(r'name="_token" value="([^"]+)"', client.get("/").text).group(1)
        files = [(io.BytesIO(BILINGUAL.read_bytes()), "bilingual.yaml"),
                 (io.BytesIO(JOURNAL.read_bytes()), "journal.yaml")]  # fmt: skip
        client.post("/upload", data={"_token": token, "files": files},
                    content_type="multipart/form-data")  # fmt: skip
        yield client
    finally:
        workspace.close()


def _page(client) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(client.get("/article/1/edit").text)


def test_a_failed_save_lists_each_field_at_the_top_as_a_link_to_its_box(client):
    values = MultiDict(_page(client).xpath("//form[@class='edit']")[0].form_values())
    values.setlist("authors.0.orcid:text", ["0000-0002-1825-0098"])
    values.setlist("published.electronic:text", ["2018-02-30"])
    reply = client.post("/article/1/edit", data=values)
    assert reply.headers["Location"].endswith("/edit?failed=1")
    page = _page(client)
    [top] = page.find_class("located")
    links = {a.text_content(): a.get("href") for a in top.iter("a")}
    assert links == {
        "Author 1 › ORCID: checksum fails: '0000-0002-1825-0098'": "#authors.0.orcid-field",
        "Publication date › online: impossible date, 2018-02 has 28 days: '2018-02-30'":
            "#published.electronic-field",
    }  # fmt: skip
    box = page.get_element_by_id("authors.0.orcid-field")
    assert box.xpath(".//input[@name='authors.0.orcid:text']")[0].get("value") == (
        "0000-0002-1825-0098"  # what was typed, kept
    )


def test_a_file_that_does_not_load_opens_with_its_fields_listed_too(client, store):
    workspace = Workspace(store)
    try:
        other = create_app(workspace).test_client()
        token = re.search(r'name="_token" value="([^"]+)"', other.get("/").text).group(1)
        broken = BILINGUAL.read_text(encoding="utf-8").replace(
            "    email: streltsov@example.org",
            "    email: streltsov@example.org\n    orcid: 0000-0002-1825-0098",
        )
        files = [(io.BytesIO(broken.encode()), "broken.yaml"),
                 (io.BytesIO(JOURNAL.read_bytes()), "journal.yaml")]  # fmt: skip
        other.post("/upload", data={"_token": token, "files": files},
                   content_type="multipart/form-data")  # fmt: skip
        [top] = _page(other).find_class("located")
        assert [a.get("href") for a in top.iter("a")] == ["#authors.0.orcid-field"]
    finally:
        workspace.close()


@pytest.mark.parametrize("held", ["authors.1", "authors.1.orcid"])
def test_a_link_to_a_field_held_as_written_leads_to_its_error(store, monkeypatch, held):
    """A value given in a shape the form has no boxes for (an author as a number, an ORCID as a
    list) shows a note, not boxes. A problem about it that its "Fields in a shape the form
    cannot hold" entry does not take was listed at the top as a link to that note, where no
    error was said: it is said beside the note now, and tied to it for a screen reader."""
    import converter.web.app as web_app
    from converter.web.unknown import unknown_fields

    # (that entry takes every problem it can: here it takes none, as with one it cannot)
    monkeypatch.setattr(web_app, "unknown_fields", lambda data, kept, problems: (
        unknown_fields(data, kept, [])[0], problems))  # fmt: skip
    given = "  - 12" if held == "authors.1" else "  - {name: {en: {surname: X}}, orcid: [1, 2]}"
    workspace = Workspace(store)
    try:
        other = create_app(workspace).test_client()
        token = re.search(r'name="_token" value="([^"]+)"', other.get("/").text).group(1)
        broken = BILINGUAL.read_text(encoding="utf-8").replace(
            "affiliations:\n  - id:", f"{given}\naffiliations:\n  - id:", 1
        )
        files = [(io.BytesIO(broken.encode()), "broken.yaml"),
                 (io.BytesIO(JOURNAL.read_bytes()), "journal.yaml")]  # fmt: skip
        other.post("/upload", data={"_token": token, "files": files},
                   content_type="multipart/form-data")  # fmt: skip
        page = _page(other)
        [top] = page.find_class("located")
        [(said, href)] = [(a.text_content(), a.get("href")) for a in top.iter("a")]
        assert href == f"#{held}-field", href
        box = page.get_element_by_id(f"{held}-field")
        [errors] = box.find_class("errors")
        assert errors.text_content().strip() and errors.text_content().strip() in said
        assert box.find_class("held-note")[0].get("aria-describedby") == f"{held}-errors"
    finally:
        workspace.close()
