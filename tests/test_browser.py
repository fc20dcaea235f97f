"""End-to-end in a real browser: headless Chromium (Debian's ``chromium``) through Playwright.

One browser and one ``jatsconv serve`` for the whole module (CI runs the suite twice on two
cores). The journeys are an editor's: upload the seed sample and the OJS export, read the rows,
open a preview, fix a broken field in the form and see the row turn valid, download the zip;
drop files and a folder on the upload box (a second app, with small limits, for those).
Screenshots of the previews (seed, bilingual) and of the main page are written to
``artifacts/screenshots/`` (``$JATSCONV_ARTIFACTS`` overrides it); the README shows the first
two, copied to ``docs/screenshots/``.

Playwright only drives the system Chromium (``executable_path``); its own browser download
(``playwright install``) is never used. Without a Chromium the tests skip, saying so.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import BILINGUAL, ROOT, SAMPLES, SEED

SEED_JOURNAL = SEED.parent.parent / "journal.yaml"
BILINGUAL_JOURNAL = BILINGUAL.parent.parent / "journal.yaml"
OJS = SAMPLES / "ojs" / "2019-1" / "issue.xml"
OJS_JOURNAL = SAMPLES / "ojs" / "journal.yaml"
CORRECTION = BILINGUAL.parent.parent / "2018-4" / "correction-streltsov-6.yaml"
ARTIFACTS = Path(os.environ.get("JATSCONV_ARTIFACTS", ROOT / "artifacts" / "screenshots"))
# Without the background-networking switches Chromium keeps calling home (updates, field
# trials, sync) — on a closed network that is a flood of failing connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and (found := shutil.which(name)):
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    exe = _chromium()
    if exe is None:
        pytest.skip("no Chromium found (Debian package 'chromium'; ./scripts/setup installs it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright for Python is not installed: run ./scripts/setup")
    profile = tempfile.mkdtemp(prefix="jatsconv-chromium-")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=exe,
            args=CHROMIUM_ARGS,
            headless=True,
            accept_downloads=True,
            viewport={"width": 1200, "height": 900},
        )
        dialogs: list[str] = []
        context.on("page", lambda page: page.on("dialog", lambda d: dialogs.append(d.message)))
        context.dialogs = dialogs  # type: ignore[attr-defined]
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


def _serve(*options: str) -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "converter", "serve", "--port", "0", *options],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline() if process.stdout else ""
        match = re.search(r"http://\S+/", line)
        assert match, f"jatsconv serve printed no URL: {line!r}"
        yield match.group(0)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    yield from _serve()


@pytest.fixture(scope="module")
def small_server() -> Iterator[str]:
    """An app with small limits, which the upload box reads from the page."""
    yield from _serve("--max-files", "3", "--max-file-mb", "1", "--max-upload-mb", "2")


@pytest.fixture(scope="module")
def page(browser, server):
    page = browser.new_page()
    page.goto(server)
    yield page
    page.close()


def _shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def _upload(page, server: str, *files: Path, names: list[str] | None = None) -> None:
    page.goto(server)
    payload = [
        {"name": (names or [])[i] if names else f.name, "mimeType": "application/octet-stream",
         "buffer": f.read_bytes()}
        for i, f in enumerate(files)
    ]  # fmt: skip
    page.set_input_files("input[name=files]", payload)
    page.click("form[action='/upload'] button")
    page.wait_for_load_state()


def _row(page, source: str):
    return page.locator("tr.row", has_text=source).first


def test_upload_seed_and_ojs_and_see_the_rows(page, server):
    _upload(page, server, SEED, SEED_JOURNAL)
    _upload(page, server, OJS, OJS_JOURNAL)
    rows = page.locator("tr.row")
    assert rows.count() == 4
    sources = [rows.nth(i).locator("td").nth(1).inner_text() for i in range(4)]
    assert sources[0] == "streltsov-110.yaml"
    assert sources[1:] == ["issue.xml#1", "issue.xml#2", "issue.xml#3"]
    for i in range(4):
        assert rows.nth(i).locator(".status").inner_text() == "valid"


def test_the_list_fits_a_phone_one_article_a_block(page, server):
    """At 390 px each article is a block: its file name shown (a file that could not be read
    has no title), its title as wide as the screen, no heading over another column's cells
    (until 4 December 2026 the file name was hidden and the headings moved one cell over)."""
    page.goto(server)
    page.set_viewport_size({"width": 390, "height": 800})
    try:
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert not page.locator("table.results thead").is_visible()
        row = _row(page, "streltsov-110.yaml")
        assert row.locator("td").nth(1).is_visible()
        assert row.locator("td.title").bounding_box()["width"] > 300
        _shot(page, "app-main-phone.png")
    finally:
        page.set_viewport_size({"width": 1200, "height": 900})


def test_open_a_preview(page, server):
    page.goto(server)
    _row(page, "streltsov-110.yaml").locator("a.preview-link").click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text().startswith("Russian-Japanese relations")
    assert "D. V. Streltsov" in page.locator(".author").first.inner_text()
    assert page.locator(".ref").count() == 6
    _shot(page, "preview-seed.png")
    # Phone width: nothing wider than the screen; print: white page, link addresses printed.
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 1200, "height": 900})


def test_open_the_references_of_an_article(page, server):
    """From the list to the page that says which references stay as written and why; it fits
    a phone's width."""
    page.goto(server)
    _row(page, "streltsov-110.yaml").locator("a.references-link").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("References of Russian-Japanese relations")
    refs = page.locator("tr.reference")
    assert refs.count() == 6
    assert refs.nth(0).locator(".status").inner_text() == "structured"
    assert refs.nth(3).locator(".why").inner_text() == "not sure enough"
    _shot(page, "references-seed.png")
    page.set_viewport_size({"width": 390, "height": 800})
    try:
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert refs.nth(3).locator(".why").is_visible()
    finally:
        page.set_viewport_size({"width": 1200, "height": 900})  # (the next tests' width)


def test_bilingual_preview_file_shows_both_languages(browser, tmp_path):
    """The 'done when' of the issue: ``jatsconv preview`` on the bilingual sample, opened from
    disk in Chromium, shows both titles, the names in both scripts, both abstracts and the
    references in both forms."""
    subprocess.run(
        [sys.executable, "-m", "converter", "preview",
         str(BILINGUAL.with_suffix(".xml").relative_to(ROOT)), "-o", str(tmp_path)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    [html] = list(tmp_path.iterdir())
    page = browser.new_page()
    try:
        page.goto(html.as_uri())
        titles = page.locator("h1").all_inner_texts()
        assert titles == [
            "Российско-японские отношения: системный кризис или новые возможности?",
            "Russian-Japanese relations: systemic crisis or new opportunities?",
        ]
        author = page.locator(".author").first.inner_text()
        assert "Стрельцов Дмитрий Викторович" in author and "Dmitry V. Streltsov" in author
        columns = page.locator(".langcol")
        assert "Японский подход" in columns.nth(0).inner_text()
        assert "Japanese approach" in columns.nth(1).inner_text()
        first_ref = page.locator(".ref").first.inner_text()
        assert "Батин Ю. Россия предложила" in first_ref
        assert "Batin Yu. Rossiya predlozhila" in first_ref
        # side by side on a wide screen, one under the other on a phone
        boxes = [columns.nth(i).bounding_box() for i in range(2)]
        assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"]
        _shot(page, "preview-bilingual.png")
        page.set_viewport_size({"width": 390, "height": 800})
        boxes = [columns.nth(i).bounding_box() for i in range(2)]
        assert boxes[1]["y"] > boxes[0]["y"]
    finally:
        page.close()


def test_fix_a_broken_field_in_the_form(page, server, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        SEED.read_text(encoding="utf-8").replace(
            "  - name: {surname: Streltsov, given: D. V.}",
            "  - name: {surname: Streltsov, given: D. V.}\n    orcid: 0000-0002-1825-0098",
        ),
        encoding="utf-8",
    )
    _upload(page, server, broken, SEED_JOURNAL)
    row = _row(page, "broken.yaml")
    assert row.locator(".status").inner_text() == "bad input"
    assert "Author 1 › ORCID" in row.locator(".said").inner_text()
    row.locator("a.edit-link").click()
    page.wait_for_load_state()
    field = page.locator("input[name='authors.0.orcid:text']")
    assert field.input_value() == "0000-0002-1825-0098"
    # Both languages side by side: the English title and an empty Russian one in one row.
    assert page.locator("input[name='title.en:text']").is_visible()
    assert page.locator("input[name='title.ru:text']").is_visible()
    field.fill("0000-0002-1825-0097")
    page.click("form.edit .actions button")
    page.wait_for_load_state()
    row = _row(page, "broken.yaml")
    assert row.locator(".status").inner_text() == "valid"
    assert "(edited)" in row.inner_text()


def test_script_in_a_title_is_text(page, server, tmp_path, browser):
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(
        SEED.read_text(encoding="utf-8").replace(
            'en: "Russian-Japanese relations: Systemic crisis or new opportunities?"',
            'en: "<script>alert(1)</script> relations"',
        ),
        encoding="utf-8",
    )
    _upload(page, server, hostile, SEED_JOURNAL)
    row = _row(page, "hostile.yaml")
    assert row.locator("td.title").inner_text() == "<script>alert(1)</script> relations"
    row.locator("a.preview-link").click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == "<script>alert(1)</script> relations"
    assert browser.dialogs == []  # no alert ever opened


def test_download_the_zip(page, server):
    page.goto(server)
    _shot(page, "app-main.png")
    for box in page.locator("input[name=row]").all():
        box.uncheck()
    _row(page, "streltsov-110.yaml").locator("input[name=row]").check()
    _row(page, "issue.xml#2").locator("input[name=row]").check()
    for box in page.locator("input[name=format]").all():
        box.uncheck()
    for fmt in ("jats", "meta-tags", "yaml"):
        page.locator(f"input[name=format][value={fmt}]").check()
    with page.expect_download() as info:
        page.click("#download button[type=submit]")
    download = info.value
    assert download.suggested_filename == "jatsconv-outputs.zip"
    archive = zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes()))
    assert sorted(archive.namelist()) == [
        "REPORT.txt",
        "issue-2.meta.html", "issue-2.xml", "issue-2.yaml",
        "streltsov-110.meta.html", "streltsov-110.xml", "streltsov-110.yaml",
    ]  # fmt: skip
    assert b"Streltsov" in archive.read("streltsov-110.xml")
    assert "jatsconv deposit crossref" in page.locator("pre").inner_text()


def test_misspelt_fields_are_renamed_or_kept_in_the_form(page, server, tmp_path):
    """'pages:' and 'kewords:' have no input in the form. The form refused to save them and left
    the editor stuck: now they are in a box of their own, each with its value and the field
    meant, reached by keyboard and named for screen readers; Save waits for a choice."""
    misspelt = tmp_path / "misspelt.yaml"
    misspelt.write_text(
        SEED.read_text(encoding="utf-8")
        .replace("fpage: 110\nlpage: 119\n", "pages: 110-119\n")
        .replace("keywords:", "kewords:"),
        encoding="utf-8",
    )
    _upload(page, server, misspelt, SEED_JOURNAL)
    _row(page, "misspelt.yaml").locator("a.edit-link").click()
    page.wait_for_load_state()
    assert page.get_by_role("group", name="Fields the converter does not know").is_visible()
    kewords = page.get_by_role("group", name="kewords — did you mean keywords?")
    pages = page.get_by_role("group", name="pages — did you mean fpage and lpage?")
    assert "- sanctions" in kewords.locator("pre").inner_text()
    assert pages.locator("pre").inner_text() == "110-119"
    assert kewords.get_by_role("textbox", name="New name for kewords").input_value() == "keywords"
    page.click("form.edit .actions button")
    page.wait_for_load_state()
    assert "Not saved" in page.locator(".failed").inner_text()
    assert kewords.locator(".errors").inner_text() == "choose to rename, delete or keep it"
    page.go_back()  # (a failed Save is a page of its own: Back works)
    page.wait_for_load_state()
    assert page.locator("form.edit").is_visible()
    page.go_forward()
    page.wait_for_load_state()
    page.goto(server)
    assert _row(page, "misspelt.yaml").locator(".status").inner_text() == "bad input"
    _row(page, "misspelt.yaml").locator("a.edit-link").click()
    page.wait_for_load_state()
    # By keyboard: the choices are radio buttons in the order they are read.
    kewords.get_by_role("radio", name="Rename to").focus()
    page.keyboard.press("Space")
    assert kewords.get_by_role("radio", name="Rename to").is_checked()
    pages.get_by_role("radio", name="Keep as it is").check()
    page.click("form.edit .actions button")
    page.wait_for_load_state()
    row = _row(page, "misspelt.yaml")
    assert row.locator(".status").inner_text() == "valid"
    assert "Pages: not a field of the input format: kept as written" in row.inner_text()


def test_per_language_boxes_are_named_for_screen_readers(page, server):
    """The title's boxes were read out as just 'ru' and 'en'."""
    page.goto(server)
    _row(page, "streltsov-110.yaml").locator("a.edit-link").click()
    page.wait_for_load_state()

    def box(name: str):
        return page.get_by_role("textbox", name=name, exact=True)

    assert box("Title (en)").input_value().startswith("Russian")
    assert box("Title (ru)").input_value() == ""
    assert box("Name (en): Surname").first.is_visible()


def _tab_to(page, name: str, limit: int = 30) -> int:
    """Press Tab until the input named ``name`` has the focus; the presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == name:
            return presses
    raise AssertionError(f"{name} not reached by {limit} presses of Tab")


def test_the_new_fields_are_reached_by_keyboard_and_named_for_screen_readers(page, server):
    """The issue title's boxes, the issue's DOI, the pages as printed and a related article's
    entry: each reached by Tab from the field before it, each named as the form's other boxes
    are."""
    _upload(page, server, CORRECTION, BILINGUAL_JOURNAL, names=["notice.yaml", "journal.yaml"])
    _row(page, "notice.yaml").locator("a.edit-link").click()
    page.wait_for_load_state()

    def box(name: str):
        return page.get_by_role("textbox", name=name, exact=True)

    assert box("Issue title (ru)").input_value() == ""
    page.locator("input[name='issue:text']").focus()  # (a related article has an Issue too)
    assert _tab_to(page, "issue_title.ru:text", 3) == 1
    page.keyboard.type("Японская политика в Азии")
    assert _tab_to(page, "issue_title.en:text", 3) == 1
    page.keyboard.type("Japan's policy in Asia")
    assert _tab_to(page, "issue_doi:text", 3) == 1
    assert page.evaluate("document.activeElement.labels[0].textContent").startswith("Issue DOI")
    _tab_to(page, "page_range:text", 8)
    assert page.evaluate("document.activeElement.labels[0].textContent").startswith(
        "Pages as printed"
    )
    assert page.get_by_role("heading", name="Related article").is_visible()
    entry = page.get_by_role("group", name="Related article 1: corrected-article")
    assert entry.get_by_role("checkbox", name="Remove Related article 1").is_visible()
    assert entry.get_by_role("combobox", name="Type").input_value() == "corrected-article"
    assert entry.get_by_role("textbox", name="DOI", exact=True).input_value() == (
        "10.5555/jsr.2018.3.6"
    )
    box("Landing page URL").focus()
    _tab_to(page, "related_articles.0.type:text", 4)
    # The blank entry to add another: opened from the keyboard, its boxes reached by Tab.
    added = page.get_by_role("group", name="Related article 2 — add another")
    added.locator("summary").focus()
    page.keyboard.press("Enter")
    _tab_to(page, "related_articles.1.type:text", 3)
    added.get_by_role("combobox", name="Type").select_option("commentary")
    added.get_by_role("textbox", name="Citation").fill("Иванов И. И. Ответ на исправление. 2019.")
    page.click("form.edit .actions button")
    page.wait_for_load_state()
    row = _row(page, "notice.yaml")
    assert row.locator(".status").inner_text() == "valid"
    assert "(edited)" in row.inner_text()
    row.locator("a.edit-link").click()
    page.wait_for_load_state()
    assert box("Issue title (en)").input_value() == "Japan's policy in Asia"
    saved = page.get_by_role("group", name="Related article 2: commentary")
    assert saved.get_by_role("combobox", name="Type").input_value() == "commentary"


def test_a_field_in_a_shape_the_form_cannot_hold_is_moved_by_keyboard(page, server, tmp_path):
    """history given as one date had empty boxes that dropped it on Save. Now it is in a box of
    its own, named for screen readers by the field and its shape; the note where its boxes
    would be links to it; it is moved to history.received by keyboard. A title written over two
    lines keeps a space where the line broke (the browser joined the words)."""
    shaped = tmp_path / "shaped.yaml"
    shaped.write_text(
        SEED.read_text(encoding="utf-8")
        .replace(
            'en: "Russian-Japanese relations: Systemic crisis or new opportunities?"',
            "en: |-\n    Russian-Japanese relations:\n    Systemic crisis or new opportunities?",
        )
        .replace("published:\n", "history: 2018-01-10\npublished:\n"),
        encoding="utf-8",
    )
    _upload(page, server, shaped, SEED_JOURNAL)
    _row(page, "shaped.yaml").locator("a.edit-link").click()
    page.wait_for_load_state()
    title = page.get_by_role("textbox", name="Title (en)", exact=True)
    assert title.input_value() == (
        "Russian-Japanese relations: Systemic crisis or new opportunities?"
    )
    outer = page.get_by_role("group", name="Fields in a shape the form cannot hold")
    history = outer.get_by_role(
        "group",
        name="history — given as a text; the form holds its fields (received, revised, accepted)",
    )
    assert history.locator("pre").inner_text() == "2018-01-10"
    link = page.get_by_role("link", name="Fields in a shape the form cannot hold")
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#unknown-0"
    history.get_by_role("radio", name="Move to").focus()
    page.keyboard.press("Space")
    assert history.get_by_role("radio", name="Move to").is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "New place for history"
    )
    page.keyboard.type("history.received")
    page.click("form.edit .actions button")
    page.wait_for_load_state()
    row = _row(page, "shaped.yaml")
    assert row.locator(".status").inner_text() == "valid"
    row.locator("a.edit-link").click()
    page.wait_for_load_state()
    assert page.get_by_role("textbox", name="Received", exact=True).input_value() == "2018-01-10"
    assert page.get_by_role("group", name="Fields in a shape the form cannot hold").count() == 0


def test_a_very_long_word_does_not_widen_the_list(page, server, tmp_path):
    long = tmp_path / "long.yaml"
    long.write_text(
        SEED.read_text(encoding="utf-8").replace(
            'en: "Russian-Japanese relations: Systemic crisis or new opportunities?"',
            f'en: "{"x" * 40_000}"',
        ),
        encoding="utf-8",
    )
    _upload(page, server, long, SEED_JOURNAL)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


# ------------------------------------------------------------------- the upload box: drops
# Files are dropped as Playwright documents it: drag events dispatched on the box with a
# DataTransfer made in the page that holds File objects.

_MAKE_TRANSFER = """files => {
    const transfer = new DataTransfer();
    for (const f of files) {
        const body = f.size !== undefined ? new Uint8Array(f.size)
            : f.bytes !== undefined ? new Uint8Array(f.bytes) : f.text;
        transfer.items.add(new File([body], f.name));
    }
    return transfer;
}"""


def _files(*items: tuple[str, str | bytes | int]) -> list[dict[str, object]]:
    """Files for the page: (name, text), (name, bytes) or (name, a size in bytes of zeros)."""
    return [
        {"name": name, "size": body} if isinstance(body, int)
        else {"name": name, "bytes": list(body)} if isinstance(body, bytes)
        else {"name": name, "text": body}
        for name, body in items
    ]  # fmt: skip


def _drag_and_drop(page, files: list[dict[str, object]]) -> None:
    """Drag files over the page, then over the box (checking what it shows), and drop them."""
    transfer = page.evaluate_handle(_MAKE_TRANSFER, files)
    page.dispatch_event("h2 >> nth=0", "dragenter", {"dataTransfer": transfer})
    page.dispatch_event("h2 >> nth=0", "dragover", {"dataTransfer": transfer})
    assert page.get_by_text("Drop them on this box").is_visible()
    page.dispatch_event("label.drop", "dragenter", {"dataTransfer": transfer})
    page.dispatch_event("label.drop", "dragover", {"dataTransfer": transfer})
    assert page.get_by_text("Release to choose these files").is_visible()
    page.dispatch_event("label.drop", "drop", {"dataTransfer": transfer})
    assert not page.get_by_text("Release to choose these files").is_visible()


def _said_by_the_box(page) -> str:
    status = page.get_by_role("status")
    status.locator("p").wait_for()
    return status.inner_text()


def _chosen(page) -> list[str]:
    """The files the upload box's file input holds, found by its label as a screen reader
    would name it."""
    box = page.get_by_label("Drop files or a folder here, or choose them")
    return box.evaluate("input => Array.from(input.files, f => f.name)")


def test_files_dropped_on_the_box_are_taken_as_chosen(browser, small_server):
    """Dropping files worked only on the bare file input, with no feedback. Now the box takes
    them, marked while files are dragged; a file over the app's size limit (read from the
    page: 1 MB here) is said at once in the app's words, left out, and said again with the
    upload's messages; a file of the wrong kind is said by the app, as when chosen."""
    page = browser.new_page()
    try:
        page.goto(small_server)
        files = _files(
            ("streltsov-110.yaml", SEED.read_text(encoding="utf-8")),
            ("journal.yaml", SEED_JOURNAL.read_text(encoding="utf-8")),
            ("scan.pdf", 1024 * 1024 + 1),
            ("photo.png", b"\x89PNG\r\n\x1a\n"),
        )
        _drag_and_drop(page, files)
        said = _said_by_the_box(page)
        assert said.startswith("3 files chosen: streltsov-110.yaml, journal.yaml, photo.png")
        assert "scan.pdf: larger than 1 MB: not read" in said
        assert _chosen(page) == ["streltsov-110.yaml", "journal.yaml", "photo.png"]
        page.click("form#upload button[type=submit]")
        page.wait_for_load_state()
        messages = page.locator("ul.messages").inner_text()
        assert "scan.pdf: larger than 1 MB: not read" in messages
        assert "photo.png: an image: not a kind of file the app reads" in messages
        assert _row(page, "streltsov-110.yaml").locator(".status").inner_text() == "valid"

        # Choosing the same files says the same, in the same place.
        page.set_input_files("input[name=files]", [
            {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": bytes(1024 * 1024 + 1)},
            {"name": "a.yaml", "mimeType": "text/yaml", "buffer": b"title: x"},
        ])  # fmt: skip
        said = _said_by_the_box(page)
        assert said.startswith("1 file chosen: a.yaml")
        assert "scan.pdf: larger than 1 MB: not read" in said
        assert _chosen(page) == ["a.yaml"]
    finally:
        page.close()


def test_a_drop_over_the_uploads_limits_is_said_before_uploading(browser, small_server):
    """More files than the app takes at once (3 here), or more bytes (2 MB): said after the
    drop in the words of the page the app would answer with."""
    page = browser.new_page()
    try:
        page.goto(small_server)
        _drag_and_drop(page, _files(*((f"a{i}.yaml", "title: x") for i in range(4))))
        assert "too many files in one upload (4; the limit is 3)" in _said_by_the_box(page)
        _drag_and_drop(page, _files(*((f"p{i}.pdf", 900 * 1024) for i in range(3))))
        said = _said_by_the_box(page)
        assert "The upload is larger than 2 MB: upload fewer or smaller files." in said
        assert "too many files" not in said
    finally:
        page.close()


# Chromium gives a script's DataTransfer no folders, so the folder is given here the way the
# browser gives a dropped one: entries (webkitGetAsEntry) read in batches.
_FOLDER = """files => {
    const file = f => ({isFile: true, isDirectory: false, name: f.path.split("/").pop(),
                        fullPath: "/" + f.path, file: ok => ok(new File([f.text], f.name))});
    const folder = (path, children) => ({isFile: false, isDirectory: true,
        name: path.split("/").pop(), fullPath: "/" + path, createReader: () => {
            let batches = [children.slice(0, 2), children.slice(2), []];
            return {readEntries: ok => ok(batches.shift())};
        }});
    const inSub = files.filter(f => f.path.startsWith("issue/sub/")).map(file);
    const top = files.filter(f => !f.path.startsWith("issue/sub/")).map(file);
    const issue = folder("issue", [...top, folder("issue/sub", inSub)]);
    DataTransferItem.prototype.webkitGetAsEntry = function () { return issue; };
}"""


def test_a_dropped_folder_gives_its_files(browser, small_server):
    """A folder dropped on the box: its files, its subfolders' too, are chosen; a hidden file
    (.DS_Store) is left out and said; a manuscript in it is said by the app."""
    page = browser.new_page()
    try:
        page.goto(small_server)
        files = [
            {"path": "issue/streltsov-110.yaml", "name": "streltsov-110.yaml",
             "text": SEED.read_text(encoding="utf-8")},
            {"path": "issue/.DS_Store", "name": ".DS_Store", "text": "\u0000"},
            {"path": "issue/journal.yaml", "name": "journal.yaml",
             "text": SEED_JOURNAL.read_text(encoding="utf-8")},
            {"path": "issue/sub/notes.docx", "name": "notes.docx", "text": "PK"},
        ]  # fmt: skip
        page.evaluate(_FOLDER, files)
        _drag_and_drop(page, _files(("issue", "")))
        said = _said_by_the_box(page)
        assert said.startswith("3 files chosen: ")
        assert sorted(_chosen(page)) == ["journal.yaml", "notes.docx", "streltsov-110.yaml"]
        assert "issue/.DS_Store: a hidden file of the dropped folder: not uploaded" in said
        page.click("form#upload button[type=submit]")
        page.wait_for_load_state()
        messages = page.locator("ul.messages").inner_text()
        assert "issue/.DS_Store: a hidden file of the dropped folder: not uploaded" in messages
        assert "notes.docx: a text document (.docx): not a kind of file the app reads" in messages
        assert _row(page, "streltsov-110.yaml").locator(".status").inner_text() == "valid"
    finally:
        page.close()


def test_the_upload_box_is_reached_by_keyboard_and_runs_the_only_script(page, server):
    """The file input stays the control (Tab reaches it, its label names it); the page runs
    the upload box's script and no other."""
    page.goto(server)
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "file":
            break
    assert page.evaluate("document.activeElement.name") == "files"
    label = page.evaluate("document.activeElement.labels[0].textContent")
    assert label.startswith("Drop files or a folder here, or choose them")
    assert page.locator("script").count() == 1


def test_a_file_uploaded_again_replaces_its_row_and_downloads_once(browser):
    """An editor's walk: bilingual.yaml uploaded, then again after a fix. Until 4 December
    2026 a second row was added, both ticked, and the zip held bilingual-2.xml and
    bilingual-3.xml with one DOI; now the page says the new upload replaced the earlier one,
    and the zip holds bilingual.xml alone."""
    serving = _serve()
    server = next(serving)
    page = browser.new_page()
    try:
        for _ in range(2):
            _upload(page, server, BILINGUAL, BILINGUAL_JOURNAL,
                    names=["bilingual.yaml", "journal.yaml"])  # fmt: skip
        assert "bilingual.yaml: replaces the earlier upload of that name" in page.inner_text("body")
        assert page.locator("tr.row").count() == 1
        for box in page.locator("input[name=format]").all():
            box.uncheck()
        page.locator("input[name=format][value=jats]").check()
        with page.expect_download() as info:
            page.click("#download button[type=submit]")
        archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
        assert [n for n in archive.namelist() if n.endswith(".xml")] == ["bilingual.xml"]
    finally:
        page.close()
        serving.close()


def test_the_edit_form_of_an_ojs_article_fits_a_phone(browser):
    """At 375 px the form is no wider than the screen: the heading of a list entry holding a
    long web address (an OJS galley link, `Link 1: https://…/article/download/131/91`) wraps.
    Until 4 December 2026 it stretched the page to 583 px, every box scrolling sideways."""
    serving = _serve()
    server = next(serving)
    page = browser.new_page()
    try:
        _upload(page, server, OJS, OJS_JOURNAL)
        _row(page, "issue.xml#1").locator("a", has_text="Edit").click()
        page.wait_for_load_state()
        page.set_viewport_size({"width": 375, "height": 800})
        assert page.locator("summary", has_text="download/131/91").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    finally:
        page.close()
        serving.close()


def test_add_author_adds_entries_at_once_and_one_save_keeps_them(browser, tmp_path):
    """*Add author* adds a blank entry in the page (no round trip: the page is not reloaded),
    focused, for the keyboard; three filled in are saved in one save, with an affiliation
    ticked by its institution's name. Enter in a box still saves. Until 4 December 2026 each
    save added one blank author, so three authors took three saves."""
    serving = _serve()
    server = next(serving)
    page = browser.new_page()
    try:
        article = tmp_path / "three.yaml"
        article.write_text(BILINGUAL.read_text(encoding="utf-8"), encoding="utf-8")
        _upload(page, server, article, BILINGUAL_JOURNAL)
        _row(page, "three.yaml").locator("a.edit-link").click()
        page.wait_for_load_state()
        page.evaluate("window.notReloaded = true")
        add = page.get_by_role("button", name="Add author")
        add.click()
        add.focus()
        page.keyboard.press("Enter")  # (by keyboard too)
        assert page.evaluate("window.notReloaded === true")
        headings = page.locator("section[data-list=authors] > details > summary").all_inner_texts()
        assert headings[1:] == ["Author 2 — add another", "Author 3 — add another",
                                "Author 4 — add another"]  # fmt: skip
        # the entry added is open and its first box has the focus
        assert page.evaluate("document.activeElement.name") == "authors.3.role:text"
        page.locator("details[aria-label='Author 2 — add another'] > summary").click()
        for index, surname in ((1, "Иванов"), (2, "Петрова"), (3, "Сидоров")):
            page.fill(f"input[name='authors.{index}.name.ru.surname:text']", surname)
            page.fill(f"input[name='authors.{index}.name.ru.given:text']", "А.")
        page.get_by_label("Московский государственный институт", exact=False).nth(3).check()
        # Enter in a box saves (the form's default button is Save, not an Add)
        page.locator("input[name='authors.3.name.ru.given:text']").press("Enter")
        page.wait_for_load_state()
        assert page.url.rstrip("/").endswith("#row-1") or "/edit" not in page.url
        row = _row(page, "three.yaml")
        assert row.locator(".status").inner_text() == "valid"
        page.goto(f"{server}article/1/edit")
        names = page.locator("input[name$='.name.ru.surname:text']")
        assert [names.nth(i).input_value() for i in range(4)] == [
            "Стрельцов", "Иванов", "Петрова", "Сидоров"]  # fmt: skip
        ticked = page.locator("input[name='authors.3.affiliations:tick']")
        assert ticked.is_checked()
        assert not page.locator("input[name='authors.1.affiliations:tick']").is_checked()
        page.set_viewport_size({"width": 375, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    finally:
        page.close()
        serving.close()
