"""The web app (``jatsconv serve``) through Flask's test client: what the pages say and refuse.

The same journeys in a real browser are in tests/test_browser.py; these cover the rules a
browser test would be slow to: limits, tokens, hosts, hostile metadata, clean-up on exit.
"""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import lxml.html
import pytest

from conftest import BILINGUAL, ROOT, SAMPLES, SEED
from converter.web.app import create_app
from converter.web.form import build_form, parse_form
from converter.web.workspace import Limits, Workspace

SEED_JOURNAL = SEED.parent.parent / "journal.yaml"
BILINGUAL_JOURNAL = BILINGUAL.parent.parent / "journal.yaml"
OJS = SAMPLES / "ojs" / "2019-1" / "issue.xml"
OJS_JOURNAL = SAMPLES / "ojs" / "journal.yaml"
CORRECTION = BILINGUAL.parent.parent / "2018-4" / "correction-streltsov-6.yaml"


@pytest.fixture
def app(store):
    workspace = Workspace(store, limits=Limits(max_files=5, max_file_bytes=200_000,
                                               max_total_bytes=1_000_000))  # fmt: skip
    yield create_app(workspace), workspace
    workspace.close()


def _token(client) -> str:
    return re.search(r'name="_token" value="([^"]+)"', client.get("/").text).group(1)


def _upload(client, token, *files: tuple[bytes | Path, str]):
    items = [(io.BytesIO(f.read_bytes() if isinstance(f, Path) else f), name) for f, name in files]
    return client.post("/upload", data={"_token": token, "files": items},
                       content_type="multipart/form-data")  # fmt: skip


def _said(client, reply) -> str:
    """The list page the upload or download ``reply`` sends its tab to, with its messages."""
    assert reply.status_code == 303
    return client.get(reply.headers["Location"]).text


def _rows(client) -> list[lxml.html.HtmlElement]:
    return lxml.html.fromstring(client.get("/").text).find_class("row")


def test_upload_yaml_and_ojs_gives_one_row_per_article(app):
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    assert _upload(client, token, (SEED, "streltsov-110.yaml"),
                   (SEED_JOURNAL, "journal.yaml")).status_code == 303  # fmt: skip
    _upload(client, token, (OJS, "issue.xml"), (OJS_JOURNAL, "journal.yaml"))
    rows = _rows(client)
    assert [r.find_class("status")[0].text for r in rows] == ["valid"] * 4
    assert "issue.xml#3" in rows[3].text_content()
    page = client.get("/article/2/preview")
    assert page.status_code == 200 and "text/html" in page.content_type
    assert "script-src" not in page.headers["Content-Security-Policy"]  # none at all
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]


def test_broken_field_is_named_in_words_and_fixed_in_the_form(app):
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    broken = SEED.read_text(encoding="utf-8").replace(
        "  - name: {surname: Streltsov, given: D. V.}",
        "  - name: {surname: Streltsov, given: D. V.}\n    orcid: 0000-0002-1825-0098",
    )
    _upload(client, token, (broken.encode(), "broken.yaml"), (SEED_JOURNAL, "journal.yaml"))
    [row] = _rows(client)
    assert row.find_class("status")[0].text == "bad input"
    said = row.find_class("said")[0].text_content()
    assert "Author 1 › ORCID" in said and "checksum" in said
    form = lxml.html.fromstring(client.get("/article/1/edit").text)
    orcid = form.xpath("//input[@name='authors.0.orcid:text']")[0]
    assert orcid.get("value") == "0000-0002-1825-0098"
    assert "checksum" in orcid.getparent().getparent().text_content()  # error beside the field
    fields = {el.get("name"): el for el in form.xpath("//input|//textarea|//select")}
    posted = []
    for name, el in fields.items():
        if el.tag == "textarea":
            posted.append((name, el.text or ""))
        elif el.tag == "select":
            chosen = el.xpath("option[@selected]")
            posted.append((name, chosen[0].text if chosen else ""))
        elif el.get("type") == "checkbox":
            if el.get("checked") is not None:  # (as a browser posts it: its value, else "on")
                posted.append((name, el.get("value") or "on"))
        else:
            posted.append((name, el.get("value") or ""))
    posted = [(n, "0000-0002-1825-0097" if n == "authors.0.orcid:text" else v) for n, v in posted]
    from werkzeug.datastructures import MultiDict

    saved = client.post("/article/1/edit", data=MultiDict(posted))
    assert saved.status_code == 303
    [row] = _rows(client)
    assert row.find_class("status")[0].text == "valid"
    assert workspace.rows[1].article.authors[0].orcid.endswith("0000-0002-1825-0097")


def test_jats_and_spreadsheet_uploads_can_be_edited_and_saved(app):
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    spreadsheet = SAMPLES / "japanese-studies-in-russia" / "spreadsheet" / "issue.csv"
    _upload(client, token, (BILINGUAL.with_suffix(".xml"), "streltsov-6.xml"))
    _upload(client, token, (spreadsheet, "issue.csv"), (BILINGUAL_JOURNAL, "journal.yaml"))
    rows = _rows(client)
    assert [r.find_class("status")[0].text for r in rows] == ["valid", "valid"]
    for row_id in (1, 2):
        data = workspace.rows[row_id].data
        assert workspace.save(workspace.rows[row_id], {**data, "volume": "9"}) == []
        assert workspace.rows[row_id].article.volume == "9"
        assert workspace.rows[row_id].status == "valid"


def test_script_in_metadata_is_text_in_the_app(app):
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    text = SEED.read_text(encoding="utf-8").replace(
        'en: "Russian-Japanese relations: Systemic crisis or new opportunities?"',
        'en: "<script>alert(1)</script> relations"',
    )
    _upload(client, token, (text.encode(), "hostile.yaml"), (SEED_JOURNAL, "journal.yaml"))
    reply = client.get("/")
    page = lxml.html.fromstring(reply.text)
    assert page.find_class("title")[0].text_content() == "<script>alert(1)</script> relations"
    # The list page's one script is the upload box's, the one its policy allows (by hash).
    [script] = page.xpath("//script")
    own = (ROOT / "converter" / "web" / "static" / "upload.js").read_text(encoding="utf-8")
    assert script.text == own
    digest = base64.b64encode(hashlib.sha256(own.encode()).digest()).decode()
    policy = reply.headers["Content-Security-Policy"]
    assert policy.endswith(f"; script-src 'sha256-{digest}'") and "default-src 'none'" in policy
    assert not lxml.html.fromstring(client.get("/article/1/preview").text).xpath("//script")
    # The edit page's one script is its Add buttons', allowed there alone by its hash.
    reply = client.get("/article/1/edit")
    [script] = lxml.html.fromstring(reply.text).xpath("//script")
    own = (ROOT / "converter" / "web" / "static" / "edit.js").read_text(encoding="utf-8")
    assert script.text == own
    digest = base64.b64encode(hashlib.sha256(own.encode()).digest()).decode()
    policy = reply.headers["Content-Security-Policy"]
    assert policy.endswith(f"; script-src 'sha256-{digest}'") and "default-src 'none'" in policy


def test_references_page_says_why_a_reference_stays_as_written(app):
    """The references page of an article: each reference numbered, structured or as written
    with the reason and the figures, the parts read; what convert writes (the seed's third
    reference is below its threshold, the first structured). Hostile text stays text."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    text = SEED.read_text(encoding="utf-8").replace("Koizumi Yu.", "<b>Koizumi</b> Yu.")
    _upload(client, token, (text.encode(), "streltsov-110.yaml"), (SEED_JOURNAL, "journal.yaml"))
    row = _rows(client)[0]
    assert [a.text for a in row.find_class("references-link")] == ["References"]
    page = client.get("/article/1/references")
    assert page.status_code == 200
    html = lxml.html.fromstring(page.text)
    assert not html.xpath("//b") and not html.xpath("//script")
    assert "6 references: 3 structured from their text, 3 kept as text" in page.text
    refs = html.find_class("reference")
    assert [r.get("data-structured") for r in refs] == ["yes", "yes", "no", "no", "no", "yes"]
    first, third, fourth = (refs[k].text_content() for k in (0, 2, 3))
    assert first.strip().startswith("1") and "Batin Yu. (2017)" in first
    assert "Rossiyskaya Gazeta" in first and "structured" in first
    assert "<b>Koizumi</b> Yu. (2016)" in third and "as written" in third
    assert "not sure enough" in fourth and "confidence 0.503, threshold 0.775 for English" in fourth
    assert client.get("/article/9/references").status_code == 404
    _upload(client, token, (b"title: [unclosed\n", "bad.yaml"), (SEED_JOURNAL, "journal.yaml"))
    assert not _rows(client)[1].find_class("references-link")  # (bad input: no article)
    page = client.get("/article/2/references")
    assert page.status_code == 409 and "bad.yaml could not be read" in page.text


def test_references_page_shows_a_books_imprint_as_written(app):
    """A Russian book's place is shown as publisher-loc has it ('М.' written out), among the
    parts written, not apart with the parts read and not written."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    book = BILINGUAL.parent / "shchukin-21.yaml"
    _upload(client, token, (book.read_bytes(), book.name), (BILINGUAL_JOURNAL, "journal.yaml"))
    html = lxml.html.fromstring(client.get("/article/1/references").text)
    third = html.get_element_by_id("ref-3")
    written = third.xpath(".//dl[@class='parts']")[0]
    parts = dict(zip(written.xpath("dt/text()"), written.xpath("dd/text()"), strict=True))
    assert (parts["place"], parts["publisher"]) == ("Москва", "Высшая школа")
    assert not third.find_class("unwritten")


def test_references_page_shows_the_editors_own_imprint_as_written(app):
    """A reference given as text with the editor's publisher: the page shows the editor's
    publisher among the parts written, as convert writes it, and the one read apart."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    article = (
        "title: {ru: Статья}\nlanguage: ru\nreferences:\n"
        '  - text: "Иванов И.И. История Японии. М.: Наука, 1988. 300 с."\n'
        "    publisher: Издательство «Наука»\n"
    )
    _upload(client, token, (article.encode(), "a.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    first = lxml.html.fromstring(client.get("/article/1/references").text).get_element_by_id(
        "ref-1"
    )
    written, unwritten = first.xpath(".//dl[@class='parts']")[0], first.find_class("unwritten")[0]
    parts = dict(zip(written.xpath("dt/text()"), written.xpath("dd/text()"), strict=True))
    assert parts["publisher"] == "Издательство «Наука»" and "place" not in parts
    read = dict(zip(unwritten.xpath("dt/text()"), unwritten.xpath("dd/text()"), strict=True))
    assert read == {"publisher": "Наука", "place": "М"}  # (as read: nothing of it is written)


def test_references_page_names_the_group_a_ukrainian_reference_is_read_in(app):
    """A Ukrainian reference faces the threshold of Russian works: the page names both (it
    said "for Russian works" of a Ukrainian one)."""
    row = _first_reference_row(
        app,
        "Євтушенко Р. І. Мовна політика незалежної України. Український історичний журнал. "
        "2018. № 4. С. 112–128.",
    )
    assert "threshold 0.5 for Russian and Ukrainian works" in row.text_content()


def _first_reference_row(app, reference: str):
    """The References page's row of the one reference of an English article uploaded with
    the bilingual journal file (the page answering 200)."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    article = f'title: {{en: An article}}\nlanguage: en\nreferences:\n  - "{reference}"\n'
    _upload(client, token, (article.encode(), "a.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    page = client.get("/article/1/references")
    assert page.status_code == 200
    return lxml.html.fromstring(page.text).get_element_by_id("ref-1")


def test_references_page_shows_an_author_list_closed_by_et_al(app):
    """A reference read with 'et al.' has a part that is a flag, not text or a list: the page
    shows it (it failed with a server error, the template joining True like a list)."""
    first = _first_reference_row(
        app, "Smith J, Brown K, Jones L, et al. A title of a paper. J Things. 2020;1:1-2."
    )
    written = first.xpath(".//dl[@class='parts']")[0]
    parts = dict(zip(written.xpath("dt/text()"), written.xpath("dd/text()"), strict=True))
    assert parts["etal"] == "True" and parts["authors"].startswith("Smith, J.; Brown, K.")


def test_download_zip_holds_the_chosen_outputs_and_a_report(app):
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (BILINGUAL, "streltsov-6.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    reply = client.post("/download", data={"_token": token, "row": ["1"],
                        "format": ["jats", "doaj", "meta-tags", "pmc", "yaml"]})  # fmt: skip
    assert reply.headers["Content-Disposition"].startswith("attachment")
    archive = zipfile.ZipFile(io.BytesIO(reply.data))
    names = set(archive.namelist())
    assert {"streltsov-6.xml", "streltsov-6.meta.html", "streltsov-6.yaml", "REPORT.txt"} <= names
    report = archive.read("REPORT.txt").decode()
    assert "no PMC package" in report and "no PDF found" in report  # said, not hidden
    assert "jatsconv deposit crossref" in report
    assert b"<article-title>" in archive.read("streltsov-6.xml")


def test_limits_token_and_host(app, store):
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    too_many = [(b"a: 1", f"a{i}.yaml") for i in range(6)]
    assert "too many files" in _said(client, _upload(client, token, *too_many))
    said = _said(client, _upload(client, token, (b"x" * 200_001, "big.yaml")))
    assert "big.yaml: larger than 195 KB: not read" in said
    assert _upload(client, token, (b"x" * 1_100_000, "huge.yaml")).status_code == 413
    forged = client.post("/upload", data={"_token": "guess"})
    assert forged.status_code == 403
    guarded = create_app(workspace, {"127.0.0.1:8765"}).test_client()
    assert guarded.get("/", headers={"Host": "evil.example:8765"}).status_code == 400
    assert guarded.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200


def test_the_upload_box_is_given_the_apps_limits_and_words(app):
    """The upload box says what the app would refuse as soon as files are chosen or dropped:
    the page gives it the limits and the app's own sentences; files it left out are said
    again, by the app, with what the upload has to say."""
    import json

    flask_app, _workspace = app
    client = flask_app.test_client()
    page = lxml.html.fromstring(client.get("/").text)
    box = json.loads(page.get_element_by_id("upload").get("data-box"))
    assert (box["maxFiles"], box["maxFileBytes"], box["maxTotalBytes"]) == (5, 200_000, 1_000_000)
    assert box["said"]["too-big"] == "{name}: larger than 195 KB: not read"
    assert box["said"]["too-many"] == "too many files in one upload ({count}; the limit is 5)"
    assert box["said"]["too-large"] == ("The upload is larger than 977 KB: upload fewer or "
                                        "smaller files.")  # fmt: skip
    token = _token(client)
    reply = client.post("/upload", content_type="multipart/form-data", data={
        "_token": token, "left_out": ["too-big:scan.pdf", "hidden:issue/.DS_Store", "x:y"],
        "files": [(io.BytesIO(SEED.read_bytes()), "streltsov-110.yaml"),
                  (io.BytesIO(SEED_JOURNAL.read_bytes()), "journal.yaml")]})  # fmt: skip
    said = lxml.html.fromstring(_said(client, reply)).find_class("messages")[0]
    assert [li.text for li in said] == [
        "scan.pdf: larger than 195 KB: not read",
        "issue/.DS_Store: a hidden file of the dropped folder: not uploaded",
    ]
    assert len(_rows(client)) == 1
    # Only files the box left out: they are said, not "choose one or more files first".
    reply = client.post("/upload", data={"_token": token, "left_out": "too-big:scan.pdf"})
    assert "scan.pdf: larger than 195 KB: not read" in _said(client, reply)


def test_images_and_manuscripts_are_named_as_such_not_read(app):
    """A folder dropped whole brings a figure and the manuscript: a .png was "not UTF-8 text …
    looks like UTF-16" and a .docx "an archive: unpack it"."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    png, jpeg = b"\x89PNG\r\n\x1a\n" + bytes(40), b"\xff\xd8\xff\xe0"
    reply = _upload(client, _token(client), (png, "fig1.png"),
                    (docx.getvalue(), "manuscript.docx"), (jpeg, "photo.jpg"))  # fmt: skip
    said = _said(client, reply)
    reads = "not a kind of file the app reads (see the formats listed under the upload box)"
    assert f"fig1.png: an image: {reads}" in said and f"photo.jpg: an image: {reads}" in said
    assert f"manuscript.docx: a text document (.docx): {reads}" in said
    assert "UTF-16" not in said and "unpack" not in said and not _rows(client)


def test_a_png_of_bytes_no_image_begins_with_is_named_by_its_ending(app):
    """A .png whose bytes are no image's (nor text) was "not UTF-8 text: save it as UTF-8"
    (until 4 December 2026): it is named by its file name's ending."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    reply = _upload(client, _token(client), (bytes(range(7, 256)) * 2, "data.png"))
    said = lxml.html.fromstring(_said(client, reply)).find_class("messages")[0].text_content()
    assert "data.png: not an article: an image file name, and its bytes are not text" in said
    assert "UTF-8" not in said and not _rows(client)  # (as a real image: said, no row)


def test_hostile_upload_is_refused_as_on_the_command_line(app):
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    bomb = (b'<?xml version="1.0"?><!DOCTYPE article [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;">]><article dtd-version="1.4">&b;</article>')  # fmt: skip
    _upload(client, token, (bomb, "bomb.xml"), (b"../../etc/passwd", "../../x.yaml"))
    rows = _rows(client)
    assert "entities" in rows[0].text_content() and "bad input" in rows[0].text_content()
    assert all(p.parent.parent == workspace.root for p in workspace.root.glob("*/*"))


@pytest.mark.parametrize("source", ["bilingual", "correction", "full"])
def test_form_round_trip_keeps_every_field(source):
    """The form as shown, posted unchanged, is the same article: the bilingual sample, the
    correction notice (issue title, related articles) and the fixture using every field."""
    from conftest import DATA
    from converter.readers.native import article_from_data, load_article
    from converter.web.workspace import input_data

    path = {
        "bilingual": BILINGUAL,
        "correction": CORRECTION,
        "full": DATA / "full" / "article.yaml",
    }
    article = load_article(path[source])
    data = input_data(article)
    posted = parse_form(_form_values(build_form(data)))
    again = article_from_data(posted, "form", journal=article.journal)
    assert again == article


def _form_values(fields) -> list[tuple[str, str]]:
    """What a browser would post for the form as shown (blank entries included)."""
    out: list[tuple[str, str]] = []
    for f in fields:
        if f.kind in ("group", "list"):
            out.extend(_form_values(f.children))
        elif f.kind in ("langtext", "langarea"):
            out.extend((f"{f.name}.{lang}:text", f.value.get(lang, "")) for lang in f.langs)
        elif f.kind == "names":
            for lang in f.langs:
                form = f.value.get(lang) or {}
                for c in f.children:
                    key = c.name.rsplit(".", 1)[1]
                    name = c.name.replace("{lang}", lang)
                    out.append((f"{name}:text", str(form.get(key) or "")))
        elif f.kind == "bool":
            if f.value:
                out.append((f"{f.name}:bool", "on"))
        elif f.kind == "affs":  # the affiliations ticked, and the ids typed beside them
            out.extend((f"{f.name}:tick", aff_id) for aff_id in f.options)
            out.append((f"{f.name}:ids", f.value))
        else:
            out.append((f"{f.name}:{f.kind if f.kind in ('lines', 'pairs') else 'text'}", f.value))
    return out


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_prints_its_url_and_removes_uploads_on_exit(tmp_path, stop):
    """Stopped (Ctrl-C, or SIGTERM from a service manager), the app removes its uploads and
    exits 130, as every other command stopped so does; it exited 0, as if it had done its
    work, without a word."""
    process = subprocess.Popen(
        [sys.executable, "-m", "converter", "serve", "--port", "0"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # Ctrl-C's default disposition, whatever this test run has (see test_batch.start_batch)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    try:
        line = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/) .* uploads in (\S+)\)", line)
        assert match, line
        folder = Path(match.group(2))
        assert folder.is_dir()
    finally:
        process.send_signal(stop)
        _out, err = process.communicate(timeout=10)
    assert process.returncode == 130, err
    assert err == "jatsconv: stopped; the uploads are removed\n"
    assert not folder.exists()


def test_serve_request_log_to_a_file_is_plain_text(tmp_path):
    """The request log on stderr had werkzeug's colour codes ('\\x1b[33m"GET /nope …') when
    stderr was a file or a service manager's journal: plain text there, colour only on a
    terminal."""
    import urllib.error
    import urllib.request

    # colorama, when some other package brought it in, strips the codes itself; most installs
    # have none (it is no dependency of ours): the app runs here as there.
    (tmp_path / "colorama.py").write_text("raise ImportError('not installed')\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    log = tmp_path / "serve.log"
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "converter", "serve", "--port", "0"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr, text=True, env=env,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )  # fmt: skip
        try:
            url = re.search(r"(http://\S+/) ", process.stdout.readline()).group(1)
            with pytest.raises(urllib.error.HTTPError) as missing:
                urllib.request.urlopen(url + "nope", timeout=10)  # a 404: werkzeug's yellow
            assert missing.value.code == 404
        finally:
            process.send_signal(signal.SIGTERM)
            process.communicate(timeout=10)
    said = log.read_text()
    assert '"GET /nope HTTP/1.1" 404' in said
    assert "\x1b" not in said


def test_a_port_in_use_is_one_line_exit_2(run):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--port", str(port))
    assert result.code == 2
    assert result.err.startswith(f"jatsconv: cannot listen on 127.0.0.1:{port}")
    assert result.err.count("\n") == 1


def test_a_bug_on_one_file_spares_the_others(app, monkeypatch):
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    real = workspace._read

    def flaky(path, folder, own=None):
        if path.name == "bad.yaml":
            raise RuntimeError("boom")
        return real(path, folder, own)

    monkeypatch.setattr(workspace, "_read", flaky)
    page = _said(client, _upload(client, token, (SEED, "bad.yaml"), (SEED, "good.yaml"),
                                 (SEED_JOURNAL, "journal.yaml")))  # fmt: skip
    assert "bad.yaml: internal error: RuntimeError: boom" in page
    assert [r.find_class("status")[0].text for r in _rows(client)] == ["valid"]


def test_references_page_shows_a_word_typed_with_look_alikes_as_read(app):
    """A place typed with a Cyrillic "М" ("Мoscow") is read as Moscow: the page says so beside
    the reference as written, and shows the place as read."""
    first = _first_reference_row(app, "Smith J. Theory of graphs. Мoscow: Mir, 1990. 320 p.")
    (note,) = first.find_class("spelled")
    assert note.text_content() == "read with look-alike letters spelled as meant: Мoscow as Moscow"
    unwritten = first.find_class("unwritten")[0]
    read = dict(zip(unwritten.xpath("dt/text()"), unwritten.xpath("dd/text()"), strict=True))
    assert read["place"] == "Moscow"


def test_references_page_shows_a_misdecoded_word_as_read(app):
    """An author read as Latin-1 before ("SchÃ¼hlen") is read as Schühlen: the page says so
    beside the reference as written."""
    first = _first_reference_row(
        app, "Neumann F-J, SchÃ¼hlen H. Intracoronary stenting. N Engl J Med. 1996;334:1084-9."
    )
    (note,) = first.find_class("repaired")
    assert note.text_content() == ("read with mis-decoded words as meant: SchÃ¼hlen as Schühlen")
    assert not first.find_class("spelled")


def test_misdecoded_title_is_named_on_the_articles_row(app):
    """A title saved as UTF-8 and read as Windows-1251 (an old OJS database) converts to valid
    JATS, which the general profile the page checks with fails, naming the field, the words
    and the words meant."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    title = "Российско-японские отношения"
    text = BILINGUAL.read_text(encoding="utf-8")
    assert title in text
    broken = text.replace(title, title.encode().decode("cp1251"), 1)
    _upload(client, token, (broken.encode(), "mojibake.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    [row] = _rows(client)
    assert row.find_class("status")[0].text == "invalid"
    said = row.text_content()
    assert "Title (Russian): mis-decoded text: " in said and "[text-misdecoded]" in said
    assert "is 'Российско-японские' (UTF-8 read as Windows-1251)" in said


def test_russian_file_names_are_kept_apart_and_named_as_given(app):
    """Стрельцов.yaml and Щукин.yaml were both saved as '_.yaml': one was dropped as 'given
    twice'. Each is its own row, named as the user named it; the outputs get Latin names."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    book = BILINGUAL.parent / "shchukin-21.yaml"
    reply = _upload(client, token, (BILINGUAL, "Стрельцов.yaml"), (book, "Щукин.yaml"),
                    (BILINGUAL_JOURNAL, "journal.yaml"))  # fmt: skip
    page = _said(client, reply)
    assert "given twice" not in page
    rows = _rows(client)
    assert [r.find("td[2]").text_content().strip() for r in rows] == [
        "Стрельцов.yaml",
        "Щукин.yaml",
    ]
    assert [r.find_class("status")[0].text for r in rows] == ["valid", "valid"]
    reply = client.post("/download", data={"_token": token, "row": ["1", "2"], "format": ["jats"]})
    names = zipfile.ZipFile(io.BytesIO(reply.data)).namelist()
    assert sorted(names) == ["REPORT.txt", "Shchukin.xml", "Streltsov.xml"]


def test_ukrainian_file_names_keep_their_letters_in_latin(app):
    """Євтушенко.yaml and Ґудзь-Їжак.yaml were saved as 'vtushenko' and 'udz-zhak': the
    Russian scheme left є, ґ, ї in Cyrillic and they were dropped. Ukrainian names are written
    by Ukraine's national system, so the outputs are named as the user would spell them."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    book = BILINGUAL.parent / "shchukin-21.yaml"
    _upload(client, token, (BILINGUAL, "Євтушенко.yaml"), (book, "Ґудзь-Їжак.yaml"),
            (BILINGUAL_JOURNAL, "journal.yaml"))  # fmt: skip
    rows = _rows(client)
    assert [r.find("td[2]").text_content().strip() for r in rows] == [
        "Євтушенко.yaml",
        "Ґудзь-Їжак.yaml",
    ]
    reply = client.post("/download", data={"_token": token, "row": ["1", "2"], "format": ["jats"]})
    names = zipfile.ZipFile(io.BytesIO(reply.data)).namelist()
    assert sorted(names) == ["Gudz-Yizhak.xml", "REPORT.txt", "Yevtushenko.xml"]


def test_file_names_in_letters_no_scheme_writes_keep_them(app):
    """Әлиев.yaml (Kazakh ә) lost its Kazakh letters and Παπαδόπουλος.yaml every letter (the
    names were cut down to ASCII after a Russian scheme): no scheme writes them, so they are
    kept as written, in the zip's names too, which the zip marks as UTF-8 for unzip tools; a
    space or a slash in a name is still no part of a file name."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    book = BILINGUAL.parent / "shchukin-21.yaml"
    _upload(client, token, (BILINGUAL, "Әлиев.yaml"), (book, "Παπαδόπουλος Ü.yaml"),
            (BILINGUAL_JOURNAL, "journal.yaml"))  # fmt: skip
    rows = _rows(client)
    assert [r.find("td[2]").text_content().strip() for r in rows] == [
        "Әлиев.yaml",
        "Παπαδόπουλος Ü.yaml",
    ]
    reply = client.post("/download", data={"_token": token, "row": ["1", "2"],
                                           "format": ["jats", "yaml"]})  # fmt: skip
    archive = zipfile.ZipFile(io.BytesIO(reply.data))
    assert sorted(archive.namelist()) == [
        "REPORT.txt",
        "Παπαδόπουλος_U.xml",
        "Παπαδόπουλος_U.yaml",
        "Әлиев.xml",
        "Әлиев.yaml",
    ]
    assert all(info.flag_bits & 0x800 for info in archive.infolist() if not info.filename.isascii())


def test_pdf_is_matched_by_the_users_file_names(app):
    """The same article uploaded twice with its PDF, under names one in Cyrillic: the second
    copy (named streltsov-6-2 inside the app) has its PDF in its package too; the report names
    files the user named."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    pdf = b"%PDF-1.4 test\n"
    for stem in ("streltsov-6", "стрельцов-6"):
        _upload(client, token, (BILINGUAL, f"{stem}.yaml"), (pdf, f"{stem}.pdf"),
                (BILINGUAL_JOURNAL, "journal.yaml"))  # fmt: skip
    assert [row.stem for row in _workspace.rows.values()] == ["streltsov-6", "streltsov-6-2"]
    _upload(client, token, (BILINGUAL, "Стрельцов.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    reply = client.post("/download", data={"_token": token, "row": ["1", "2", "3"],
                                           "format": ["pmc"]})  # fmt: skip
    archive = zipfile.ZipFile(io.BytesIO(reply.data))
    report = archive.read("REPORT.txt").decode()
    assert "streltsov-6.yaml: no PMC package" not in report
    assert "Стрельцов.yaml: no PMC package: no PDF found: upload Стрельцов.pdf together" in report
    assert "streltsov-6-2" not in report
    assert len([n for n in archive.namelist() if n.endswith(".zip")]) == 2


def test_a_pmc_package_holds_the_jats_pmc_takes_whatever_is_ticked(app):
    """A PMC package goes to PMC: with only ``general`` ticked its JATS is still 1.3 in PMC's
    form (until 4 December 2026 it was the plain JATS 1.4 PMC does not take)."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (BILINGUAL, "streltsov-6.yaml"), (b"%PDF-1.4 test\n", "streltsov-6.pdf"),
            (BILINGUAL_JOURNAL, "journal.yaml"))  # fmt: skip
    reply = client.post("/download", data={"_token": token, "row": ["1"], "format": ["pmc"]})
    archive = zipfile.ZipFile(io.BytesIO(reply.data))
    [package] = [n for n in archive.namelist() if n.endswith(".zip")]
    inner = zipfile.ZipFile(io.BytesIO(archive.read(package)))
    [xml] = [n for n in inner.namelist() if n.endswith(".xml")]
    assert b'dtd-version="1.3"' in inner.read(xml)


def test_a_pmc_package_refused_names_the_pmc_forms_problems(app, monkeypatch):
    """With the plain JATS 1.4 valid and PMC's form (1.3) not, REPORT.txt names what is wrong
    with PMC's form: "the JATS is not valid" alone sent the user to a JATS shown valid."""
    from converter.options import Output
    from converter.validation import Problem

    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (BILINGUAL, "streltsov-6.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    assert [r.find_class("status")[0].text for r in _rows(client)] == ["valid"]
    plain = workspace._jats

    def pmc_form_invalid(article, name, profiles=None):
        output = plain(article, name, profiles)
        if profiles is not None and "pmc" in profiles:
            problem = Problem(name, 12, 3, 'element "trans-abstract": not allowed here')
            return Output(output.data, [problem])
        return output

    monkeypatch.setattr(workspace, "_jats", pmc_form_invalid)
    reply = client.post("/download", data={"_token": token, "row": ["1"], "format": ["pmc"]})
    report = zipfile.ZipFile(io.BytesIO(reply.data)).read("REPORT.txt").decode()
    assert (
        "streltsov-6.yaml: no PMC package: the JATS in PMC's form (1.3) is not valid: "
        'streltsov-6.xml:12:3: error: element "trans-abstract": not allowed here' in report
    )


def test_an_upload_of_only_pdfs_says_what_to_do(app):
    flask_app, _workspace = app
    client = flask_app.test_client()
    reply = _upload(client, _token(client), (b"%PDF-1.4 test\n", "streltsov-6.pdf"))
    assert "upload it together with that article" in _said(client, reply)


def _posted_as_shown(html: str):
    """What a browser posts for the edit form as shown, unchanged."""
    from werkzeug.datastructures import MultiDict

    form = lxml.html.fromstring(html).xpath("//form[@class='edit']")[0]
    return MultiDict(form.form_values())


MISSPELT = (
    SEED.read_text(encoding="utf-8")
    .replace("fpage: 110\nlpage: 119\n", "pages: 110-119\n")
    .replace("keywords:", "kewords:")
    .replace("  - name: {surname: Streltsov, given: D. V.}",
             "  - name: {surname: Streltsov, given: D. V.}\n    afiliations: [{country: RU}]")
)  # fmt: skip


def _unknown_box(html: str) -> dict[str, lxml.html.HtmlElement]:
    """The edit form's "Fields the converter does not know", each by the field as written."""
    page = lxml.html.fromstring(html)
    return {box.find("legend").find("code").text: box for box in page.find_class("unknown")}


def _choose(html: str, choices: dict[str, str], typed: dict[str, str] | None = None):
    """What a browser posts after the editor picks ``choices`` (field as written → rename,
    delete or keep) in the box and types ``typed`` (input name → text)."""
    posted = _posted_as_shown(html)
    for written, box in _unknown_box(html).items():
        if written in choices:
            posted[box.xpath(".//input[@type='radio']/@name")[0]] = choices[written]
    for name, text in (typed or {}).items():
        posted[name] = text
    return posted


def test_misspelt_fields_are_renamed_deleted_or_kept_in_the_form(app):
    """pages:, kewords: and authors[0].afiliations: have no input in the form. They were only
    listed, and Save refused, so the editor was stuck: now each is shown with its value and
    the field meant, to rename, delete or keep; Save waits for a choice for each."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    assert "kewords:" in MISSPELT and "pages:" in MISSPELT and "afiliations" in MISSPELT
    _upload(client, token, (MISSPELT.encode(), "misspelt.yaml"), (SEED_JOURNAL, "journal.yaml"))
    assert _rows(client)[0].find_class("status")[0].text == "bad input"
    page = client.get("/article/1/edit").text
    boxes = _unknown_box(page)
    assert sorted(boxes) == ["authors[0].afiliations", "kewords", "pages"]
    assert "did you mean keywords?" in boxes["kewords"].find("legend").text_content()
    assert "did you mean fpage and lpage?" in boxes["pages"].find("legend").text_content()
    assert boxes["pages"].find(".//pre").text == "110-119"
    assert "- sanctions" in boxes["kewords"].find(".//pre").text
    assert boxes["kewords"].xpath(".//input[@class='rename-to']/@value") == ["keywords"]
    assert boxes["pages"].xpath(".//input[@class='rename-to']/@value") == [""]  # (two fields)
    assert not lxml.html.fromstring(page).find_class("general")  # (said in the box instead)

    # Save with no choice made: not saved, each field says what to do, nothing is lost.
    saved = client.post("/article/1/edit", data=_posted_as_shown(page))
    assert saved.status_code == 303 and "/article/1/edit" in saved.headers["Location"]
    again = client.get(saved.headers["Location"]).text
    assert "Not saved" in again
    for box in _unknown_box(again).values():
        assert box.find_class("errors")[0].text_content() == "choose to rename, delete or keep it"
    assert _rows(client)[0].find_class("status")[0].text == "bad input"

    # A new name taken by a value typed in the form: not renamed, both values still there.
    typed = {"keywords.ru:text": "санкции"}
    saved = client.post("/article/1/edit", data=_choose(again, {"kewords": "rename"}, typed))
    again = client.get(saved.headers["Location"]).text
    said = _unknown_box(again)["kewords"].find_class("errors")[0].text_content()
    assert said == "not renamed: keywords has a value in the form already: delete one of the two"
    assert ">санкции</textarea>" in again and "- sanctions" in again

    choices = {"kewords": "rename", "authors[0].afiliations": "delete", "pages": "keep"}
    saved = client.post("/article/1/edit",
                        data=_choose(again, choices, {"keywords.ru:text": ""}))  # fmt: skip
    assert saved.headers["Location"].endswith("#row-1")
    row = _rows(client)[0]
    assert row.find_class("status")[0].text == "valid"
    assert ("Pages: not a field of the input format: kept as written in the edited input (YAML),"
            " not converted") in row.find_class("said")[0].text_content()  # fmt: skip
    # The kept field is offered again as kept; the renamed one is in its own box now.
    page = client.get("/article/1/edit").text
    assert list(_unknown_box(page)) == ["pages"]
    assert _unknown_box(page)["pages"].xpath(".//input[@checked]/@value") == ["keep"]
    assert "Russian Far East" in lxml.html.fromstring(page).xpath(
        "//textarea[@name='keywords.en:text']")[0].text  # fmt: skip
    reply = client.post("/download", data={"_token": token, "row": ["1"],
                                           "format": ["yaml", "jats"]})  # fmt: skip
    archive = zipfile.ZipFile(io.BytesIO(reply.data))
    import yaml

    edited = yaml.safe_load(archive.read("misspelt.yaml"))
    assert edited["pages"] == "110-119" and "sanctions" in edited["keywords"]["en"]
    assert "afiliations" not in edited["authors"][0]
    assert b"<kwd>sanctions</kwd>" in archive.read("misspelt.xml")
    assert b"110-119" not in archive.read("misspelt.xml")


def test_an_unknown_field_in_russian_is_renamed_and_its_value_shown_as_written(app):
    """A key of no known spelling (аннотация:) has no suggestion: the editor types the name."""
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    text = SEED.read_text(encoding="utf-8").replace("abstract:", "аннотация:", 1)
    _upload(client, token, (text.encode(), "ru-key.yaml"), (SEED_JOURNAL, "journal.yaml"))
    page = client.get("/article/1/edit").text
    box = _unknown_box(page)["аннотация"]
    assert box.find("legend").text_content() == "аннотация"  # (no "did you mean")
    assert "Moscow's view of Japan" in box.find(".//pre").text
    name = box.xpath(".//input[@class='rename-to']/@name")[0]
    posted = _choose(page, {"аннотация": "rename"}, {name: " abstract "})
    saved = client.post("/article/1/edit", data=posted)
    assert saved.headers["Location"].endswith("#row-1")
    assert "Moscow's view of Japan" in str(workspace.rows[1].article.abstract)
    assert _rows(client)[0].find_class("status")[0].text == "valid"


def test_an_article_without_its_journal_says_so_in_the_form(app):
    """Uploaded without journal.yaml: the form says the journal is missing and how to give it;
    Save is refused saying so (it reloaded in silence), and the page can be reloaded."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (SEED, "streltsov-110.yaml"))
    page = client.get("/article/1/edit").text
    top = lxml.html.fromstring(page).find_class("general")[0].text_content()
    assert "no journal metadata: upload the article again together with its journal.yaml" in top
    saved = client.post("/article/1/edit", data=_posted_as_shown(page))
    assert saved.status_code == 303
    for _ in range(2):  # a reload shows the same
        again = lxml.html.fromstring(client.get(saved.headers["Location"]).text)
        assert "no journal metadata" in again.find_class("general")[0].text_content()
        assert again.find_class("failed")
    assert _rows(client)[0].find_class("status")[0].text == "bad input"


def test_edited_yaml_keeps_a_journal_written_in_the_article(app, tmp_path):
    """'Edited input (YAML)' dropped a journal: mapping written in the article (only a journal
    file name was kept), so the file downloaded no longer converted."""
    import yaml

    from converter.readers.native import load_article

    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    journal = yaml.safe_load(SEED_JOURNAL.read_text(encoding="utf-8"))
    article = {"journal": journal, **yaml.safe_load(SEED.read_text(encoding="utf-8"))}
    text = yaml.safe_dump(article, allow_unicode=True, sort_keys=False)
    _upload(client, token, (text.encode(), "inline.yaml"))
    assert _rows(client)[0].find_class("status")[0].text == "valid"
    reply = client.post("/download", data={"_token": token, "row": ["1"], "format": ["yaml"]})
    downloaded = zipfile.ZipFile(io.BytesIO(reply.data)).read("inline.yaml").decode()
    assert yaml.safe_load(downloaded)["journal"] == journal
    (tmp_path / "inline.yaml").write_text(downloaded, encoding="utf-8")
    assert load_article(tmp_path / "inline.yaml") == load_article(SEED)


def test_two_files_of_one_name_in_the_download_are_told_apart(app):
    """art.yaml and art.crossref.yaml with JATS and Crossref chosen gave art.crossref.xml
    twice in the zip (one hiding the other on unzipping): the later is renamed, and the report
    says so."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (BILINGUAL, "art.yaml"), (BILINGUAL, "art.crossref.yaml"),
            (BILINGUAL_JOURNAL, "journal.yaml"))  # fmt: skip
    reply = client.post("/download", data={"_token": token, "row": ["1", "2"],
                                           "format": ["jats", "crossref"]})  # fmt: skip
    archive = zipfile.ZipFile(io.BytesIO(reply.data))
    names = archive.namelist()
    assert len(names) == len(set(names))
    assert sorted(names) == ["REPORT.txt", "art.crossref-2.xml", "art.crossref.crossref.xml",
                             "art.crossref.xml", "art.xml"]  # fmt: skip
    report = archive.read("REPORT.txt").decode()
    assert ("art.crossref-2.xml: named so because art.crossref.xml is the name of another file "
            "in this zip (art.crossref.yaml)") in report  # fmt: skip


def test_a_full_or_read_only_temporary_folder_is_said_in_plain_words(app, monkeypatch, caplog):
    """A full temporary folder gave 'Internal error: OSError … (a bug in jats-converter)', a
    traceback in the terminal and a 0-byte file left; a read-only one the same on a PMC
    download. Now: what is wrong in words, nothing half-written left, no traceback."""
    import errno
    import tempfile

    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (BILINGUAL, "streltsov-6.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    real_write = Path.write_bytes

    def full(path: Path, data: bytes) -> int:
        real_write(path, b"")  # (created, then the disk is full)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    reply = _upload(client, token, (SEED, "streltsov-110.yaml"))
    monkeypatch.undo()
    assert reply.status_code == 507
    assert "The temporary folder the app keeps uploads in is full" in reply.text
    assert "Internal error" not in reply.text and "bug" not in reply.text
    assert not [p for p in workspace.root.rglob("*") if p.is_file() and not p.stat().st_size]
    assert len(_rows(client)) == 1  # the earlier upload is still there

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", read_only)
    reply = client.post("/download", data={"_token": token, "row": ["1"], "format": ["pmc"]})
    assert reply.status_code == 507 and "cannot be written" in reply.text
    assert not [r for r in caplog.records if r.exc_info]  # no traceback in the terminal


def test_messages_go_to_the_tab_that_asked_in_the_pages_words(app):
    """An upload's messages were shared by the whole app (tab A's error shown in tab B); a
    CSV's notes showed the temporary folder's path and command-line options; a .zip was 'not
    UTF-8 … looks like UTF-16'."""
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    spreadsheet = SAMPLES / "japanese-studies-in-russia" / "spreadsheet" / "issue.csv"
    cp1251 = spreadsheet.read_text(encoding="utf-8").encode("cp1251", errors="replace")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.yaml", SEED.read_bytes())
    reply = _upload(client, token, (cp1251, "issue.csv"), (archive.getvalue(), "articles.zip"))
    other_tab = client.get("/").text
    assert "articles.zip" not in other_tab
    said = _said(client, reply)
    assert ("articles.zip: an archive: the app reads the files themselves, so unpack it and "
            "upload the files in it") in said  # fmt: skip
    assert "UTF-16" not in said
    assert "articles.zip" not in _said(client, reply)  # (said once, not again on reload)
    rows = client.get("/").text
    assert "read as Windows-1251 text with columns separated by" in rows
    assert str(workspace.root) not in rows and "--encoding" not in rows
    assert "--journal" not in rows and "upload the article again together with its journal" in rows


def test_a_page_of_an_earlier_run_says_the_app_was_restarted(app):
    """After a restart an open page's forms got a bare '403 … reload the page', and its links
    a generic 404: both now say the app was restarted, uploads are gone, and link to start."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    for reply in (client.post("/upload", data={"_token": "of-an-earlier-run"}),
                  client.get("/article/3/edit"), client.get("/article/3/preview")):  # fmt: skip
        page = lxml.html.fromstring(reply.text)
        assert reply.status_code in (403, 404)
        assert "The app was restarted" in page.find_class("restarted")[0].text_content()
        assert "uploads are removed when the app stops" in reply.text
        assert page.xpath("//a[@href='/' and starts-with(text(), 'Start again')]")


# ---------------------------------------------------------------- the model's newer fields


def _field_of(page: lxml.html.HtmlElement, name: str) -> lxml.html.HtmlElement:
    """The form's ``div.field`` (or list entry) holding the input named ``name``."""
    found = page.xpath(f"//*[@name='{name}']")
    assert found, f"no input {name}"
    return found[0].xpath("ancestor::div[@class='field'][1]")[0]


def test_issue_title_pages_and_related_articles_are_edited_in_the_form(app, store, tmp_path):
    """issue_title, page_range and related_articles joined the model: the form shows them in
    its idioms — a box per language, a text, a repeatable entry with a blank one to add
    another — and what is typed there reaches the JATS, which xmllint finds valid."""
    from werkzeug.datastructures import MultiDict

    from conftest import xmllint

    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (CORRECTION, "correction.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    assert _rows(client)[0].find_class("status")[0].text == "valid"
    page = lxml.html.fromstring(client.get("/article/1/edit").text)
    for lang in ("ru", "en"):
        box = page.xpath(f"//input[@name='issue_title.{lang}:text']")[0]
        assert box.get("aria-label") == f"Issue title ({lang})" and box.get("lang") == lang
    pages = _field_of(page, "page_range:text")
    assert pages.find_class("label")[0].text == "Pages as printed"
    entries = page.xpath("//section[h2='Related article']/details")
    assert [e.find("summary").text_content() for e in entries] == [
        "Related article 1: corrected-article", "Related article 2 — add another"]  # fmt: skip
    kinds = entries[1].xpath(".//select[@name='related_articles.1.type:text']/option/text()")
    assert kinds[:2] == ["corrected-article", "correction-forward"]  # (and a blank first)
    assert entries[0].xpath(".//option[@selected]/text()") == ["corrected-article"]
    assert entries[0].xpath(".//input[@name='related_articles.0.doi:text']/@value") == [
        "10.5555/jsr.2018.3.6"]  # fmt: skip

    posted = MultiDict(_posted_as_shown(client.get("/article/1/edit").text))
    posted["issue_title.ru:text"] = "Японская политика в Азии"
    posted["issue_title.en:text"] = "Japan's policy in Asia"
    posted["lpage:text"] = "183"
    posted["page_range:text"] = "180-181, 183"
    posted["related_articles.1.type:text"] = "commentary"
    posted["related_articles.1.citation:text"] = "Иванов И. И. Ответ на исправление. 2019."
    saved = client.post("/article/1/edit", data=posted)
    assert saved.headers["Location"].endswith("#row-1")
    assert _rows(client)[0].find_class("status")[0].text == "valid"
    article = workspace.rows[1].article
    assert article.issue_title == {"ru": "Японская политика в Азии", "en": "Japan's policy in Asia"}
    assert [r.type for r in article.related_articles] == ["corrected-article", "commentary"]
    reply = client.post("/download", data={"_token": token, "row": ["1"], "format": ["jats"]})
    jats = zipfile.ZipFile(io.BytesIO(reply.data)).read("correction.xml")
    (tmp_path / "correction.xml").write_bytes(jats)
    checked = xmllint(tmp_path / "correction.xml", store.catalog)
    assert checked.returncode == 0, checked.stderr
    text = jats.decode()
    assert "<page-range>180-181, 183</page-range>" in text
    assert "<issue-title>Японская политика в Азии</issue-title>" in text
    assert "<trans-title>Japan's policy in Asia</trans-title>" in text
    assert 'related-article-type="commentary"' in text and "Ответ на исправление" in text


def test_the_models_messages_are_beside_the_new_fields(app):
    """A page range that does not end on the last page, a related article's page range and a
    related article named by neither DOI nor citation: each message is beside its field."""
    from werkzeug.datastructures import MultiDict

    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    text = CORRECTION.read_text(encoding="utf-8").replace(
        "    fpage: 6\n", "    fpage: 6-20\n  - type: commentary\n    volume: 3\n"
    )
    _upload(client, token, (text.encode(), "correction.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    page = lxml.html.fromstring(client.get("/article/1/edit").text)
    assert "a page range: '6-20' (give the first page only: 6)" in _field_of(
        page, "related_articles.0.fpage:text").find_class("errors")[0].text_content()  # fmt: skip
    second = page.xpath("//details[summary[starts-with(., 'Related article 2')]]")[0]
    assert second.get("open") is not None  # (an entry with a problem is shown open)
    assert second.find_class("errors")[0].text_content() == (
        "a related article needs its doi, pmid or a citation naming it"
    )
    assert not page.find_class("general")

    posted = MultiDict(_posted_as_shown(client.get("/article/1/edit").text))
    posted["related_articles.0.fpage:text"] = "6"
    posted["related_articles.1._remove:bool"] = "on"
    posted["page_range:text"] = "180-185"
    again = client.get(client.post("/article/1/edit", data=posted).headers["Location"]).text
    said = _field_of(lxml.html.fromstring(again), "page_range:text").find_class("errors")[0]
    assert said.text_content() == ("'180-185' ends on page 185, not on lpage 180 (lpage is the "
                                   "page the article ends on)")  # fmt: skip


# ------------------------------------- shapes of the input: held by the form, or shown as written


def _seed_with(*changes: tuple[tuple[int | str, ...], object]) -> bytes:
    """The seed article's YAML with a value put at each place (a list entry one past the end is
    added)."""
    import yaml

    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    for at, value in changes:
        node = data
        for part, below in itertools.pairwise(at):  # (a list or mapping made where none is)
            kind = list if isinstance(below, int) else dict
            if isinstance(node, list) and part == len(node):
                node.append(kind())
            elif not isinstance(node[part] if isinstance(node, list) else node.get(part), kind):
                node[part] = kind()
            node = node[part]
        if isinstance(node, list) and at[-1] == len(node):
            node.append(value)
        else:
            node[at[-1]] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()


def _at(data: object, at: tuple[int | str, ...]) -> object:
    for part in at:
        data = data[part]  # type: ignore[index]
    return data


def _edited_yaml(client, token: str, name: str = "shape.yaml", row: str = "1") -> dict:
    """The row's input as the 'Edited input (YAML)' download gives it."""
    import yaml

    reply = client.post("/download", data={"_token": token, "row": [row], "format": ["yaml"]})
    return yaml.safe_load(zipfile.ZipFile(io.BytesIO(reply.data)).read(name))


# A shape the input format accepts that no box holds as it is: the form reads it as the model
# does and saves it in the model's own shape. (place, as given, place saved, as saved)
HELD = {
    "keywords as one text": (("keywords",), "Japan; Russia", ("keywords", "en"),
                             ["Japan", "Russia"]),
    "keywords as a list alone": (("keywords",), ["Japan", "Russia"], ("keywords", "en"),
                                 ["Japan", "Russia"]),
    "one keyword with a comma": (("keywords", "en"), ["Japan, foreign policy of"],
                                 ("keywords", "en"), ["Japan, foreign policy of"]),
    "abstract as paragraphs": (("abstract", "en"), ["First  one.", "Second."], ("abstract", "en"),
                               ["First one.", "Second."]),
    "a title over two lines": (("title", "en"), "Russian-Japanese relations:\n  a crisis",
                               ("title", "en"), "Russian-Japanese relations: a crisis"),
    "yes for true": (("authors", 0, "corresponding"), "yes", ("authors", 0, "corresponding"),
                     True),
    "an ORCID not authenticated": (("authors", 0, "orcid_authenticated"), False,
                                   ("authors", 0, "orcid_authenticated"), False),
    "one revised date": (("history",), {"revised": "2018-03-01"}, ("history", "revised"),
                         ["2018-03-01"]),
    "one award": (("funding",), [{"funder": {"en": "RFBR"}, "awards": "18-014-00001"}],
                  ("funding", 0, "awards"), ["18-014-00001"]),
    "one credit role": (("authors", 0, "credit"), "methodology", ("authors", 0, "credit"),
                        ["methodology"]),
    "one affiliation inline": (("authors", 0, "affiliations"), {"country": "RU", "city": "Moscow"},
                               ("affiliations", 0, "city"), {"en": "Moscow"}),
    "a state beside the city": (("authors", 0, "affiliations"),
                                {"country": "US", "city": "Boston", "state": "MA"},
                                ("affiliations", 0, "state"), {"en": "MA"}),
    "a postal code as a number": (("authors", 0, "affiliations"),
                                  {"country": "RU", "city": "Moscow", "postal_code": 119991},
                                  ("affiliations", 0, "postal_code"), "119991"),
    "a licence by its id": (("other_licenses",), ["CC0-1.0"], ("other_licenses", 0, "id"),
                            "CC0-1.0"),
    "a number for a text": (("ids",), {"pmid": 12345678, "other": {"elpub": 1234}}, ("ids",),
                            {"pmid": "12345678", "other": {"elpub": "1234"}}),
}  # fmt: skip


@pytest.mark.parametrize("given_at, given, saved_at, meant", HELD.values(), ids=HELD.keys())
def test_a_shape_the_format_reads_is_held_and_saved_in_the_models_shape(
    app, given_at, given, saved_at, meant
):
    """Load, save unchanged: the value is in the saved input, in the model's shape. ('no' for a
    box ticked read as ticked; an explicit orcid_authenticated: false dropped; one mapping of
    authors[0].affiliations dropped; a line break typed into a title run into one word.)"""
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (_seed_with((given_at, given)), "shape.yaml"),
            (SEED_JOURNAL, "journal.yaml"))  # fmt: skip
    page = client.get("/article/1/edit").text
    assert not _unknown_box(page)  # (every value is in a box of the form)
    saved = client.post("/article/1/edit", data=_posted_as_shown(page))
    assert saved.headers["Location"].endswith("#row-1"), client.get(saved.headers["Location"]).text
    assert _at(_edited_yaml(client, token), saved_at) == meant
    assert workspace.rows[1].article is not None


# A known field in a shape no box holds: shown as written, kept as written. (place, as given)
SHOWN = {
    "history as one date": (("history",), "2018-01-10"),
    "published as a list": (("published",), [2018, "2018-06"]),
    "a title as a list": (("title", "ru"), ["Российско-японские", "отношения"]),
    "a keyword with ';' in it": (("keywords", "ru"), ["Япония; Россия", "санкции"]),
    "an author as one line": (("authors", 1), "Ivanov I. I."),
    "a name's form as one line": (("authors", 0, "name"),
                                  {"en": {"surname": "Streltsov"}, "ru": "Стрельцов Д. В."}),
    "funding as one mapping": (("funding",), {"funder": {"en": "RFBR"}}),
    "other ids as a list": (("ids",), {"other": ["elpub-1234"]}),
    "ids as a list": (("ids",), ["elpub-1234", "edn-ABCDEF"]),
    "neither true nor false": (("authors", 0, "corresponding"), "maybe"),
    "a list for a text": (("volume",), [1, 2]),
    "true for a text": (("issue",), True),
    "a reference as a number": (("references", 6), 1995),
    "credit roles as mappings": (("authors", 0, "credit"), [{"role": "methodology"}]),
    "a related article as one line": (("related_articles",), ["10.5555/jsr.2018.3.6"]),
    "issue title in a list": (("issue_title",), {"en": ["Japan", "Asia"]}),
}  # fmt: skip


def _shown_at(box: lxml.html.HtmlElement) -> tuple[int | str, ...]:
    """The place of a value shown as written, as its box carries it."""
    return tuple(json.loads(box.xpath(".//input[@type='hidden']/@value")[0])["at"])


@pytest.mark.parametrize("given_at, given", SHOWN.values(), ids=SHOWN.keys())
def test_a_shape_no_box_holds_is_shown_as_written_and_kept_on_save(app, given_at, given):
    """Such a value was dropped on Save, without a word (or its empty boxes replaced it, or the
    page failed): now it is shown as written in a box of its own, its boxes replaced by a note
    that links to it; kept, it stays in the saved input, and the article's row says so."""
    import yaml

    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    text = _seed_with((given_at, given))
    _upload(client, token, (text, "shape.yaml"), (SEED_JOURNAL, "journal.yaml"))
    page = client.get("/article/1/edit").text
    boxes = _unknown_box(page)
    assert boxes, "no box for the value"
    form = lxml.html.fromstring(page)
    assert form.xpath("//fieldset[@id='misshapen-fields']/legend/text()") == [
        "Fields in a shape the form cannot hold"]  # fmt: skip
    for box in boxes.values():
        assert _shown_at(box)[: len(given_at)] == given_at
        assert box.getparent().get("id") == "misshapen-fields"
        legend = box.find("legend").text_content()
        assert " — given as " in legend or "a keyword with ';' in it" in legend
        # The note where its boxes would be links to it.
        assert form.xpath(f"//p[@class='held-note']/a[@href='#{box.get('id')}']")
    saved = client.post("/article/1/edit", data=_choose(page, dict.fromkeys(boxes, "keep")))
    assert saved.headers["Location"].endswith("#row-1"), client.get(saved.headers["Location"]).text
    edited, written = _edited_yaml(client, token), yaml.safe_load(text)
    for box in boxes.values():
        assert _at(edited, _shown_at(box)) == _at(written, _shown_at(box))
    said = _rows(client)[0].find_class("said")[0].text_content()
    assert "kept as written in the edited input (YAML), not converted" in said
    again = client.get("/article/1/edit").text  # offered again, as kept
    assert all(box.xpath(".//input[@checked]/@value") == ["keep"]
               for box in _unknown_box(again).values())  # fmt: skip


def test_shapes_no_box_holds_are_moved_deleted_or_kept_and_save_waits_for_a_choice(app):
    """history given as one date is moved to history.received, an author given as one line is
    deleted and another kept (two entries of one list, the kept one after the deleted one);
    Save waits until each has its choice, saying so beside each."""
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    petrov = {"name": {"surname": "Petrov", "given": "P. P."}}
    text = _seed_with((("history",), "2018-01-10"), (("authors", 1), "Ivanov I. I."),
                      (("authors", 2), petrov), (("authors", 3), "Sidorov S. S."))  # fmt: skip
    _upload(client, token, (text, "shape.yaml"), (SEED_JOURNAL, "journal.yaml"))
    page = client.get("/article/1/edit").text
    boxes = _unknown_box(page)
    assert list(boxes) == ["authors[1]", "authors[3]", "history"]
    assert boxes["history"].find("legend").text_content() == (
        "history — given as a text; the form holds its fields (received, revised, accepted)"
    )
    assert boxes["history"].xpath(".//input[@class='rename-to']/@aria-label") == [
        "New place for history"]  # fmt: skip
    assert not boxes["authors[1]"].xpath(".//input[@value='rename']")  # (an entry has no name)
    said = boxes["history"].find_class("errors")[0].text_content()
    assert "'2018-01-10' is one text here, where a mapping is expected (history: " in said
    assert "{received: ..., revised: ...})" in said
    assert not lxml.html.fromstring(page).xpath("//*[@name='history.received:text']")

    saved = client.post("/article/1/edit", data=_posted_as_shown(page))
    again = client.get(saved.headers["Location"]).text
    assert "Not saved" in again
    for box in _unknown_box(again).values():
        assert box.find_class("errors")[0].text_content().endswith(
            "choose to move, delete or keep it")  # fmt: skip

    place = boxes["history"].xpath(".//input[@class='rename-to']/@name")[0]
    choices = {"history": "rename", "authors[1]": "delete", "authors[3]": "keep"}
    saved = client.post("/article/1/edit",
                        data=_choose(again, choices, {place: "history.received"}))  # fmt: skip
    assert saved.headers["Location"].endswith("#row-1"), client.get(saved.headers["Location"]).text
    article = workspace.rows[1].article
    assert article.history.received == "2018-01-10"
    assert [a.name["en"].surname for a in article.authors] == ["Streltsov", "Petrov"]
    edited = _edited_yaml(client, token)
    assert [a if isinstance(a, str) else a["name"]["en"]["surname"] for a in edited["authors"]] == [
        "Streltsov", "Petrov", "Sidorov S. S."]  # fmt: skip
    said = _rows(client)[0].find_class("said")[0].text_content()
    assert ("Author 3: given as a text; the form holds an entry with its fields (role, name, "
            "collab, orcid, orcid_authenticated …): kept as written in the edited input (YAML), "
            "not converted") in said  # fmt: skip


@pytest.mark.parametrize("typed", [None, "authors.1.orcid", "orcid"])
def test_a_field_of_the_second_author_moves_to_that_authors_field(app, typed):
    """The second author's ORCID under a name the format does not have: "Move to" offers the
    field meant at its place, as the field is written (``authors[1].orcid``), and the place
    as the form names it (``authors.1.orcid``) or the field alone are taken too. A place typed
    in full was read below the author (an unknown field ``authors[1].authors``)."""
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    petrov = {"name": {"surname": "Petrov", "given": "P. P."}, "orcid_id": "0000-0002-1825-0097"}
    text = _seed_with((("authors", 1), petrov))
    _upload(client, token, (text, "shape.yaml"), (SEED_JOURNAL, "journal.yaml"))
    page = client.get("/article/1/edit").text
    box = _unknown_box(page)["authors[1].orcid_id"]
    assert box.xpath(".//input[@class='rename-to']/@value") == ["authors[1].orcid"]
    place = box.xpath(".//input[@class='rename-to']/@name")[0]
    moved = _choose(page, {"authors[1].orcid_id": "rename"}, {place: typed} if typed else None)
    saved = client.post("/article/1/edit", data=moved)
    assert saved.headers["Location"].endswith("#row-1"), client.get(saved.headers["Location"]).text
    article = workspace.rows[1].article
    assert [a.orcid for a in article.authors] == [None, "https://orcid.org/0000-0002-1825-0097"]
    edited = _edited_yaml(client, token)
    assert edited["authors"][1]["orcid"].endswith("0000-0002-1825-0097")
    assert not {"orcid_id", "authors"} & set(edited["authors"][1])


@pytest.mark.parametrize("typed", ["authors.9.orcid", "authors[9].orcid"])
def test_a_field_moved_to_an_entry_the_form_has_not_is_said_beside_it(app, typed):
    """A "Move to" place in a list entry the article has not (``authors[9].orcid``, a typo
    for ``authors[1]``) made an author of the ORCID alone, refused as 'Author 3: give either
    name (a person) or collab (a group)', and the field's own box was gone: the box says the
    entry is not there, the field kept in it."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    petrov = {"name": {"surname": "Petrov", "given": "P. P."}, "orcid_id": "0000-0002-1825-0097"}
    _upload(client, token, (_seed_with((("authors", 1), petrov)), "shape.yaml"),
            (SEED_JOURNAL, "journal.yaml"))  # fmt: skip
    page = client.get("/article/1/edit").text
    place = _unknown_box(page)["authors[1].orcid_id"].xpath(".//input[@class='rename-to']/@name")
    saved = client.post("/article/1/edit", data=_choose(page, {"authors[1].orcid_id": "rename"},
                                                        {place[0]: typed}))  # fmt: skip
    shown = client.get(saved.headers["Location"]).text
    box = _unknown_box(shown)["authors[1].orcid_id"]
    assert f"not renamed: {typed}: the article has no authors[9]" in " ".join(
        box.text_content().split()
    )
    assert "give either name (a person) or collab" not in shown


def test_a_name_part_beside_the_name_moves_into_the_name_as_offered(app):
    """An author's surname typed beside a name holding the given name (``authors[1].surname``)
    is offered Move to ``authors[1].name.surname``; taken, it was put beside the form's name
    per language, and the author refused, 'give either name (a person) or collab (a group)':
    it goes into the name's main form."""
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    author = {"name": {"given": "P. P."}, "surname": "Petrov"}
    _upload(client, token, (_seed_with((("authors", 1), author)), "shape.yaml"),
            (SEED_JOURNAL, "journal.yaml"))  # fmt: skip
    page = client.get("/article/1/edit").text
    box = _unknown_box(page)["authors[1].surname"]
    assert box.xpath(".//input[@class='rename-to']/@value") == ["authors[1].name.surname"]
    saved = client.post("/article/1/edit", data=_choose(page, {"authors[1].surname": "rename"}))
    assert saved.headers["Location"].endswith("#row-1"), client.get(saved.headers["Location"]).text
    (name,) = workspace.rows[1].article.authors[1].name.values()
    assert (name.surname, name.given) == ("Petrov", "P. P.")


def test_a_value_that_is_no_choice_stays_chosen_with_the_message_beside_it(app):
    """An article type not among the choices showed the empty choice, and Save put the default
    (research-article) in its place without a word."""
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    text = _seed_with(
        (("article_type",), "Research article"),
        (("authors", 0, "name"), {"surname": "Streltsov", "style": "russian"}),
    )
    _upload(client, token, (text, "shape.yaml"), (SEED_JOURNAL, "journal.yaml"))
    page = lxml.html.fromstring(client.get("/article/1/edit").text)
    kind = page.xpath("//select[@name='article_type:text']")[0]
    assert kind.xpath("option[@selected]/text()") == ["Research article"]
    assert "'Research article' is not one of the values it takes (did you mean " in _field_of(
        page, "article_type:text").find_class("errors")[0].text_content()  # fmt: skip
    style = page.xpath("//select[@name='authors.0.name.en.style:text']/option[@selected]/text()")
    assert style == ["russian"]
    saved = client.post(
        "/article/1/edit", data=_posted_as_shown(client.get("/article/1/edit").text)
    )
    assert "failed" in saved.headers["Location"]
    assert workspace.rows[1].draft["article_type"] == "Research article"


def _input_places() -> list[tuple[int | str, ...]]:
    """Every field of the input format, as ``schemas/article.schema.json`` describes it: at the
    top, in a group (``history.received``), in an entry of a list (``authors[0].orcid``) and in
    a name's form (``authors[0].name.en.surname``). The journal comes from its own file."""
    schema = json.loads((ROOT / "schemas" / "article.schema.json").read_text(encoding="utf-8"))

    def group(node: dict) -> dict | None:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]] if "$ref" in node else node
        if "properties" in node:
            return node
        return next((found for alt in node.get("anyOf", []) if (found := group(alt))), None)

    def shape(node: dict) -> dict:
        """A field that also takes null (a key left empty: not given) as its one other type."""
        others = [alt for alt in node.get("anyOf", []) if alt != {"type": "null"}]
        return others[0] if len(others) == 1 else node

    places: list[tuple[int | str, ...]] = []
    for name, given in schema["properties"].items():
        if name == "journal":
            continue
        node = shape(given)
        places.append((name,))
        inner = group(node.get("items", node)) if node.get("type") == "array" else group(node)
        for sub in (inner or {}).get("properties", {}):
            places.append((name, 0, sub) if node.get("type") == "array" else (name, sub))
    for part in group(schema["$defs"]["PersonName"])["properties"]:
        places.append(("authors", 1, "name", "en", part))
    return places


def test_every_field_in_a_shape_no_box_holds_is_kept_never_dropped(app):
    """Every field of the input format (read from its schema, so a field added later is tried
    too) given in a shape no box holds: each is shown in a box, and Save with each kept keeps
    each as written. Fields at the top, in groups, in list entries and in names are tried in
    articles of their own (a field at the top holds those below it)."""
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    odd = [[1]]  # no box holds a list of lists: not a text, a choice, a list of texts …
    places = _input_places()
    assert ("related_articles", 0, "citation") in places and ("issue_title",) in places
    for depth in (1, 2, 3, 5):
        tried = [at for at in places if len(at) == depth and at != ("title",)]
        _upload(client, token, (_seed_with(*((at, odd) for at in tried)), f"odd-{depth}.yaml"),
                (SEED_JOURNAL, "journal.yaml"))  # fmt: skip
        row = max(workspace.rows)
        page = client.get(f"/article/{row}/edit").text
        shown = [_shown_at(box) for box in _unknown_box(page).values()]
        for at in tried:
            assert any(at[: len(s)] == s or s[: len(at)] == at for s in shown), at
        client.post(f"/article/{row}/edit", data=_choose(page, dict.fromkeys(
            _unknown_box(page), "keep")))  # fmt: skip
        held = workspace.rows[row].draft or workspace.rows[row].data
        for at in tried:
            assert _at(held, at) == odd, at


def test_download_leaves_out_the_deposit_of_an_article_not_yet_published(app):
    """An OJS article scheduled for an issue: its JATS is in the zip, its Crossref and DOAJ
    deposits are not (as 'jatsconv convert --to crossref' refuses them), and the report says
    why."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    published = 'version="1" status="3" primary_contact_id="301"'
    export = OJS.read_bytes().replace(published.encode(), published.replace('"3"', '"5"').encode())
    _upload(client, token, (export, "issue.xml"), (OJS_JOURNAL, "journal.yaml"))
    reply = client.post("/download", data={"_token": token, "row": ["1", "2"],
                        "format": ["jats", "crossref", "doaj"]})  # fmt: skip
    archive = zipfile.ZipFile(io.BytesIO(reply.data))
    names = set(archive.namelist())
    assert {"issue-1.xml", "issue-2.xml", "issue-2.crossref.xml", "issue-2.doaj.xml"} <= names
    assert not {"issue-1.crossref.xml", "issue-1.doaj.xml"} & names
    report = archive.read("REPORT.txt").decode()
    assert (
        "not included: issue-1.crossref.xml: not yet published (publication-status 'scheduled'): "
        "a Crossref deposit says the article is out" in report
    )
    assert "not included: issue-1.doaj.xml: not yet published" in report


def test_the_statements_are_edited_in_the_form_and_reach_the_jats(app, tmp_path):
    """Acknowledgements, competing interests and data availability: a text area per language
    in the form, as the abstract has; what is typed there is the JATS's <ack>, coi-statement
    footnote and data-availability section."""
    from werkzeug.datastructures import MultiDict

    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (BILINGUAL, "article.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    page = lxml.html.fromstring(client.get("/article/1/edit").text)
    for name, label in [("acknowledgements", "Acknowledgements"),
                        ("competing_interests", "Competing interests"),
                        ("data_availability", "Data availability")]:  # fmt: skip
        box = page.xpath(f"//textarea[@name='{name}.ru:text']")[0]
        assert box.get("aria-label") == f"{label} (ru)" and box.get("lang") == "ru"
    posted = MultiDict(_posted_as_shown(client.get("/article/1/edit").text))
    posted["acknowledgements.ru:text"] = "Благодарим архив.\n\nИ рецензентов."
    posted["competing_interests.en:text"] = "None declared."
    posted["data_availability.ru:text"] = "Данные у автора."
    saved = client.post("/article/1/edit", data=posted)
    assert saved.headers["Location"].endswith("#row-1")
    article = workspace.rows[1].article
    assert article.acknowledgements == {"ru": ["Благодарим архив.", "И рецензентов."]}
    reply = client.post("/download", data={"_token": token, "row": ["1"], "format": ["jats"]})
    text = zipfile.ZipFile(io.BytesIO(reply.data)).read("article.xml").decode()
    assert "<p>И рецензентов.</p>" in text
    assert '<fn fn-type="coi-statement" xml:lang="en">' in text
    assert '<sec sec-type="data-availability">' in text


def test_an_article_number_is_named_so_in_the_form_as_in_the_preview(app):
    """``elocation_id``, the article's and a cited article's number, is "Article number" in
    the form — the preview's and the README's word — not "E-location id"."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    given = BILINGUAL.read_text(encoding="utf-8").replace(
        "references:\n  - text:", "references:\n  - elocation_id: e1002012\n    text:", 1
    )
    _upload(client, token, (given.encode(), "article.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    page = lxml.html.fromstring(client.get("/article/1/edit").text)
    for name in ("elocation_id:text", "references.0.elocation_id:text"):
        assert _field_of(page, name).find_class("label")[0].text == "Article number"
    assert page.xpath("//input[@name='references.0.elocation_id:text']/@value") == ["e1002012"]
    assert "e-location" not in page.text_content().lower()
    assert "electronic location" not in page.text_content().lower()


def test_a_preprint_is_ticked_in_the_form_and_written_as_one(app):
    """``preprint`` is a box labelled "Preprint" (the form is built from the schema); ticked
    and saved, the JATS says the article is a preprint."""
    from werkzeug.datastructures import MultiDict

    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (BILINGUAL, "article.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    page = lxml.html.fromstring(client.get("/article/1/edit").text)
    box = page.xpath("//input[@name='preprint:bool']")
    assert len(box) == 1 and box[0].get("type") == "checkbox" and box[0].get("checked") is None
    assert box[0].getparent().text_content().strip() == "Preprint"
    posted = MultiDict(_posted_as_shown(client.get("/article/1/edit").text))
    posted["preprint:bool"] = "on"
    saved = client.post("/article/1/edit", data=posted)
    assert saved.headers["Location"].endswith("#row-1")
    assert workspace.rows[1].article.preprint is True
    reply = client.post("/download", data={"_token": token, "row": ["1"], "format": ["jats"]})
    text = zipfile.ZipFile(io.BytesIO(reply.data)).read("article.xml").decode()
    assert '<article-version article-version-type="status">preprint</article-version>' in text


def test_with_pmc_chosen_the_article_is_written_and_judged_in_pmcs_form(app):
    """Ticking pmc on the page does what ``convert --profile pmc`` does: JATS 1.3, the
    translated abstract a ``trans-abstract``, so the row is not told to convert "with
    --profile pmc" (until 4 December 2026 the app wrote plain JATS and failed the pmc profile
    on it), and the JATS downloaded is the one judged."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (BILINGUAL, "streltsov-6.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    client.post("/profiles", data={"_token": token, "profile": ["general", "pmc"]})
    [row] = _rows(client)
    said = row.find_class("said")[0].text_content()
    assert "pmc-abstract-type" not in said and "--profile pmc" not in said
    # JATS 1.3, what PMC takes (until 4 December 2026 the app wrote 1.4 and warned it)
    assert "pmc-dtd-version" not in said
    reply = client.post("/download", data={"_token": token, "row": ["1"], "format": ["jats"]})
    jats = zipfile.ZipFile(io.BytesIO(reply.data)).read("streltsov-6.xml")
    assert b'dtd-version="1.3"' in jats and b'<trans-abstract xml:lang="en">' in jats
    client.post("/profiles", data={"_token": token, "profile": ["general"]})
    reply = client.post("/download", data={"_token": token, "row": ["1"], "format": ["jats"]})
    plain = zipfile.ZipFile(io.BytesIO(reply.data)).read("streltsov-6.xml")
    assert b"abstract-type" not in plain and b'dtd-version="1.4"' in plain


def test_an_error_in_the_form_is_tied_to_its_box_for_screen_readers(app):
    """The message beside a broken field is the box's description, and the box is marked
    invalid, so a screen reader says "checksum fails" on the ORCID box itself (until 4
    December 2026 it was only text after the box); boxes without an error carry neither."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    broken = BILINGUAL.read_text(encoding="utf-8").replace(
        "    corresponding: true", "    orcid: 0000-0002-1825-0098\n    corresponding: true"
    )
    _upload(client, token, (broken.encode(), "art.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    form = lxml.html.fromstring(client.get("/article/1/edit").text)
    [orcid] = form.xpath("//input[@name='authors.0.orcid:text']")
    assert orcid.get("aria-invalid") == "true"
    [said] = form.xpath(f"//*[@id='{orcid.get('aria-describedby')}']")
    assert "checksum fails" in said.text_content()
    [title] = form.xpath("//input[@name='title.en:text']")
    assert title.get("aria-invalid") is None and title.get("aria-describedby") is None
    ids = form.xpath("//@id")
    assert len(ids) == len(set(ids))  # (each description found by one id)


def test_a_form_opened_before_another_tabs_save_does_not_undo_it(app):
    """Two tabs on one article: the title saved in the first is not undone, unsaid, by the
    abstract saved later from a form the second opened before (until 4 December 2026 the
    second save silently put the old title back). The second is refused, saying so, with what
    was typed kept; saving again then replaces the first save, as asked."""
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (BILINGUAL, "art.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))

    def posted(page: str, **changed: str) -> list[tuple[str, str]]:
        form = lxml.html.fromstring(page).xpath("//form[@class='edit']")[0]
        return [(n, changed.get(n, v)) for n, v in form.form_values()]

    first = client.get("/article/1/edit").text
    second = client.get("/article/1/edit").text
    from werkzeug.datastructures import MultiDict

    saved = client.post("/article/1/edit", data=MultiDict(posted(first, **{"title.en:text": "A"})))
    assert saved.status_code == 303 and "failed" not in saved.headers["Location"]
    late = posted(second, **{"abstract.en:text": "B"})
    refused = client.post("/article/1/edit", data=MultiDict(late))
    assert "failed=1" in refused.headers["Location"]
    assert workspace.rows[1].article.title["en"] == "A"  # not undone
    page = client.get(refused.headers["Location"]).text
    assert "saved from another tab or window after this form was opened" in page
    assert "B" in lxml.html.fromstring(page).xpath("//textarea[@name='abstract.en:text']")[0].text
    again = client.post("/article/1/edit", data=MultiDict(posted(page)))
    assert "failed" not in again.headers["Location"]
    article = workspace.rows[1].article
    assert article.abstract["en"] == ["B"] and article.title["en"] != "A"  # as asked, knowingly


def test_a_readers_notes_name_their_field_in_words_as_errors_do(app):
    """A note of the reader names its field as an error does, "Abstract (English)", not the
    model's ``abstract[en]``; a spreadsheet called issue.csv is not taken for the field
    Issue."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (OJS, "issue.xml"), (OJS_JOURNAL, "journal.yaml"))
    sheet = SAMPLES / "japanese-studies-in-russia" / "spreadsheet" / "issue.csv"
    cp1251 = sheet.read_text(encoding="utf-8").encode("cp1251")
    _upload(client, token, (cp1251, "issue.csv"), (BILINGUAL_JOURNAL, "journal.yaml"))
    rows = _rows(client)
    notes = [li.text_content() for li in rows[0].xpath(".//li[@class='note']")]
    assert "Abstract (English): <a> markup is not kept" in " ".join(notes)
    assert not any("abstract[en]" in n for n in notes)
    [sheet_notes] = [r.find_class("said")[0].text_content() for r in rows if "issue.csv" in
                     r.text_content()]  # fmt: skip
    assert "read as Windows-1251 text" in sheet_notes and "Issue ›" not in sheet_notes


def test_a_text_file_no_reader_claims_is_said_without_the_command_lines_option(app):
    """A notes.txt uploaded with the articles is said as read as YAML for want of another
    reader, without "--from names one": the page has no such option."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (b"Notes on the issue.\n", "notes.txt"))
    [row] = _rows(client)
    said = row.find_class("said")[0].text_content()
    assert "no other format claims this .txt file)" in said and "--from" not in said


def test_each_title_in_the_list_says_its_language_and_each_link_its_article(app):
    """A Russian title in the list is marked ``lang="ru"`` (a screen reader reads it in a
    Russian voice; the page is English), an English one ``en``; each Preview, Edit and
    References link is named with its file ("Edit streltsov-6.yaml"), not one of many
    "Edit"s."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (BILINGUAL, "streltsov-6.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    _upload(client, token, (SEED, "streltsov-110.yaml"), (SEED_JOURNAL, "journal.yaml"))
    russian, english = _rows(client)
    assert russian.find_class("title")[0].get("lang") == "ru"
    assert english.find_class("title")[0].get("lang") == "en"
    [edit] = russian.find_class("edit-link")
    assert edit.text == "Edit" and edit.get("aria-label") == "Edit streltsov-6.yaml"


def test_a_letter_transliterated_two_ways_names_the_references_of_each_way(app):
    """rsci on the seed (no scheme in its journal file): "я is transliterated in 2 ways" names
    the references holding each way and sits on one holding the rarer way (until 4 December
    2026 every such warning was put on Reference 1, though its words were in others)."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (SEED, "streltsov-110.yaml"), (SEED_JOURNAL, "journal.yaml"))
    client.post("/profiles", data={"_token": token, "profile": ["rsci"]})
    [row] = _rows(client)
    lines = [" ".join(li.text_content().split()) for li in row.iter("li")]
    [ya] = [line for line in lines if "я is transliterated" in line]
    assert "я as 'ia' in uchenia (no scheme) in reference 3" in ya
    assert "(bgn-pcgn, bsi, gost-7.79-b) in references 1, 2 and 3" in ya
    assert ya.startswith("Reference 3")


def test_a_reference_with_no_latin_form_is_named_once(app):
    """rsci on an OJS export whose references are Russian only: the line names the reference
    once, its place in bold and the finding going on from it, "Reference 1 ('Стрельцов …') has
    no Latin-script form" (it read "Reference 1: reference 1 ('Стрельцов …') has …")."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (OJS, "issue.xml"), (OJS_JOURNAL, "journal.yaml"))
    client.post("/profiles", data={"_token": token, "profile": ["rsci"]})
    items = [li for row in _rows(client) for li in row.iter("li")]
    said = [li for li in items if "[rsci-latin-references]" in li.text_content()]
    assert len(said) == 2
    for number, li in enumerate(said, 1):
        line = " ".join(li.text_content().split())
        assert line.startswith(f"Reference {number} ('"), line
        assert line.lower().count(f"reference {number}") == 1, line
        assert li.find_class("where")[0].text == f"Reference {number}"
    assert "has no Latin-script form" in said[0].text_content()
    # a line whose message does not name its field still reads "Field: message"
    lines = [" ".join(li.text_content().split()) for li in items]
    assert any(line.startswith("Abstract (English): <a> markup is not kept") for line in lines)


def test_an_unknown_json_is_said_not_to_be_an_article(app):
    """``{"hello": 1}`` as data.json said only "journal: no journal metadata" (until 4
    December 2026): it is no article, said in one line naming what it holds."""
    flask_app, _workspace = app
    client = flask_app.test_client()
    _upload(client, _token(client), (b'{"hello": 1}', "data.json"))
    [row] = _rows(client)
    text = " ".join(row.text_content().split())
    assert "not an article: no title, and no field the article model knows (found: hello)" in text
    assert "journal" not in text.lower()


def test_a_file_uploaded_again_replaces_its_earlier_rows(app):
    """An editor fixes bilingual.yaml and uploads it again: until 4 December 2026 a second row
    was added, both ticked, and the zip held bilingual-2.xml and bilingual-3.xml with one DOI.
    The new upload replaces the earlier row, said on the page, and keeps its file's name."""
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (BILINGUAL, "bilingual.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    reply = _upload(client, token, (BILINGUAL, "bilingual.yaml"),
                    (BILINGUAL_JOURNAL, "journal.yaml"))  # fmt: skip
    assert "bilingual.yaml: replaces the earlier upload of that name" in _said(client, reply)
    [row] = _rows(client)
    assert row.get("id") == "row-2"  # (a new id: a tab still open on row 1 gets no article)
    reply = client.post("/download", data={"_token": token, "row": ["2"], "format": ["jats"]})
    names = zipfile.ZipFile(io.BytesIO(reply.data)).namelist()
    assert [n for n in names if n.endswith(".xml")] == ["bilingual.xml"]
    # A file that gives no article this time leaves the earlier row as it was, beside its own.
    reply = _upload(client, token, (b"", "bilingual.yaml"))
    assert "bilingual.yaml: the earlier upload of that name is kept" in _said(client, reply)
    assert [r.get("id") for r in _rows(client)] == ["row-2", "row-3"]  # (its bad-input row)
    assert workspace.rows[2].article is not None and workspace.rows[3].article is None


def test_an_edited_row_is_kept_unticked_when_its_file_is_uploaded_again(app):
    """Replacing a row edited in the app would lose the edits: it is kept, unticked and marked
    as replaced, and the new upload's row is the one ticked for download."""
    from werkzeug.datastructures import MultiDict

    flask_app, _workspace = app
    client = flask_app.test_client()
    token = _token(client)
    _upload(client, token, (BILINGUAL, "bilingual.yaml"), (BILINGUAL_JOURNAL, "journal.yaml"))
    posted = MultiDict(_posted_as_shown(client.get("/article/1/edit").text))
    client.post("/article/1/edit", data=posted)
    reply = _upload(client, token, (BILINGUAL, "bilingual.yaml"),
                    (BILINGUAL_JOURNAL, "journal.yaml"))  # fmt: skip
    assert "earlier upload of that name was edited here: it is kept, unticked" in _said(
        client, reply
    )
    old, new = _rows(client)
    assert old.xpath(".//input[@name='row']")[0].get("checked") is None
    assert new.xpath(".//input[@name='row']")[0].get("checked") is not None
    assert "replaced by a later upload of bilingual.yaml" in old.text_content()


def test_a_form_shown_again_after_an_error_keeps_the_count_it_was_opened_with(app):
    """A form shown again after an error took the newest save count: another tab's save made
    in between was then undone, unsaid, by the corrected form. It keeps the count it was
    opened with until a save succeeds (a reload too), so the corrected form is refused,
    saying so, and the other tab's save stays."""
    flask_app, workspace = app
    client = flask_app.test_client()
    token = _token(client)
    text = SEED.read_text(encoding="utf-8").replace("abstract:", "аннотация:", 1)
    _upload(client, token, (text.encode(), "ru-key.yaml"), (SEED_JOURNAL, "journal.yaml"))
    mine = client.get("/article/1/edit").text
    other = client.get("/article/1/edit").text
    saved = client.post("/article/1/edit", data=_choose(other, {"аннотация": "keep"}))
    assert "failed" not in saved.headers["Location"]  # the other tab's save
    assert workspace.rows[1].saves == 1
    failed = client.post("/article/1/edit", data=_posted_as_shown(mine))  # no choice made
    assert "failed=1" in failed.headers["Location"]
    for _ in range(2):  # shown again, and reloaded
        mine = client.get(failed.headers["Location"]).text
        assert "choose to rename, delete or keep it" in mine
        assert lxml.html.fromstring(mine).xpath("//input[@name='_saves']/@value") == ["0"]
    refused = client.post("/article/1/edit", data=_choose(mine, {"аннотация": "delete"}))
    assert "failed=1" in refused.headers["Location"]
    assert workspace.rows[1].kept  # the other tab's save (the field kept) not undone
    page = client.get(refused.headers["Location"]).text
    assert "saved from another tab or window after this form was opened" in page
    assert lxml.html.fromstring(page).xpath("//input[@name='_saves']/@value") == ["1"]
