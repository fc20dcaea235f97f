"""Shared fixtures: the installed DTDs, the samples, and a way to run the CLI in-process."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from converter.cli import main
from converter.grammars import Grammars, get_grammars
from converter.xsd import load_schema

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "russian-japanology-review" / "2018-1" / "streltsov-110.yaml"
BILINGUAL = SAMPLES / "japanese-studies-in-russia" / "2018-3" / "streltsov-6.yaml"
DATA = Path(__file__).resolve().parent / "data"
# Crossref's and DOAJ's schemas are third-party files the repository never holds: the tests that
# check output against them read them from this folder (``crossref-5.3.1/`` and ``doaj/``, each
# with its ``catalog.xml``): ``$JATSCONV_TEST_SCHEMAS``, else ``../shared/external`` beside the
# clone, where this project's machines keep them.
EXTERNAL = Path(os.environ.get("JATSCONV_TEST_SCHEMAS") or ROOT.parent / "shared" / "external")
MISSING_SCHEMAS = "(set JATSCONV_TEST_SCHEMAS to the folder holding crossref-5.3.1/ and doaj/)"


@pytest.fixture(scope="session")
def store() -> Grammars:
    found = get_grammars()
    if not found.installed():
        pytest.fail("JATS DTDs not installed: run ./scripts/setup (jatsconv schemas install)")
    return found


@pytest.fixture(scope="session")
def crossref_xsd() -> etree.XMLSchema:
    """Crossref's deposit schema 5.3.1, loaded once (2–3 s)."""
    folder = EXTERNAL / "crossref-5.3.1"
    if not (folder / "crossref5.3.1.xsd").is_file():
        pytest.fail(f"Crossref 5.3.1 schema not found in {folder} {MISSING_SCHEMAS}")
    schema = load_schema("crossref", folder)
    assert schema is not None
    return schema


@pytest.fixture(scope="session")
def doaj_xsd() -> etree.XMLSchema:
    """DOAJ's article schema, loaded once."""
    folder = EXTERNAL / "doaj"
    if not (folder / "doajArticles.xsd").is_file():
        pytest.fail(f"DOAJ schema not found in {folder} {MISSING_SCHEMAS}")
    schema = load_schema("doaj", folder)
    assert schema is not None
    return schema


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):
    """Run ``jatsconv ARGS`` in-process; return exit code, stdout and stderr."""

    def _run(*args: str | Path) -> Run:
        capsys.readouterr()
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return _run


def bilingual_saved_as(folder: Path, name: str, encoding: str) -> Path:
    """The bilingual sample (and its journal file) in ``folder/name``, the article saved in
    ``encoding``: how editors' files in other encodings reach the readers."""
    place = folder / name
    place.mkdir()
    (place / "journal.yaml").write_bytes((BILINGUAL.parent.parent / "journal.yaml").read_bytes())
    path = place / BILINGUAL.name
    path.write_bytes(BILINGUAL.read_text(encoding="utf-8").encode(encoding, errors="replace"))
    return path


def read_article(path: Path, kind: str | None = "html") -> tuple[Any, list[str]]:
    """The one article a file holds and its warnings (notices: each a ``str`` with its kind)."""
    from converter.readers import ReadContext, read_source

    [loaded] = list(read_source(path, kind, ReadContext()))
    assert loaded.article is not None, loaded.problems
    return loaded.article, list(loaded.warnings)


def page_with_head(tmp_path: Path, head: str, body: str = "<p>Text.</p>") -> Path:
    """A landing page holding the meta tags ``head`` (and ``body``), as a test writes one."""
    page = tmp_path / "page.html"
    page.write_text(f"<html><head>{head}</head><body>{body}</body></html>", "utf-8")
    return page


def xmllint(path: Path, catalog: Path) -> subprocess.CompletedProcess[str]:
    """The independent check: xmllint resolving the DOCTYPE through the DTD package's catalog."""
    exe = shutil.which("xmllint")
    if exe is None:
        pytest.fail("xmllint not installed (Debian package libxml2-utils): run ./scripts/setup")
    return subprocess.run(
        [exe, "--noout", "--valid", "--nonet", str(path)],
        capture_output=True,
        text=True,
        env={"XML_CATALOG_FILES": str(catalog), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def xmllint_crossref(path: Path) -> subprocess.CompletedProcess[str]:
    """The independent check of a Crossref deposit: xmllint with Crossref's 5.3.1 schema,
    its imports resolved through the folder's catalog."""
    folder = EXTERNAL / "crossref-5.3.1"
    exe = shutil.which("xmllint")
    if exe is None:
        pytest.fail("xmllint not installed (Debian package libxml2-utils): run ./scripts/setup")
    return subprocess.run(
        [exe, "--noout", "--nonet", "--schema", str(folder / "crossref5.3.1.xsd"), str(path)],
        capture_output=True,
        text=True,
        env={"XML_CATALOG_FILES": str(folder / "catalog.xml"), "PATH": "/usr/bin:/bin"},
        check=False,
    )


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    """A valid journal file in a temporary issue folder."""
    path = tmp_path / "journal.yaml"
    path.write_text(
        "title: {en: Test Journal}\nissn: {print: 2658-6444, electronic: 2658-6789}\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def write_article(tmp_path: Path, journal_file: Path):
    """Write an article file beside the journal file and return its path."""

    def _write(text: str, name: str = "article.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@contextmanager
def local_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A stand-in service on a free loopback port, for as long as the block runs: its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # Request threads are joined when the block ends (a timeout test's handler sleeps past its
    # client): a thread left running would make every later batch test fork a multi-threaded
    # process, which Python 3.12+ warns about and which can deadlock the forked workers.
    server.daemon_threads = False
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# Recognisable deposit credentials: the tests search every output for them.
DEPOSIT_USER = "role/depositor-xyz"
DEPOSIT_PASSWORD = "s3cr3t&pa ss=word"
DEPOSIT_API_KEY = "doaj-key-0123456789abcdef"


def deposit_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deposit credentials from the environment, and no config, state or schema of the user's."""
    monkeypatch.setenv("CROSSREF_USERNAME", DEPOSIT_USER)
    monkeypatch.setenv("CROSSREF_PASSWORD", DEPOSIT_PASSWORD)
    monkeypatch.setenv("DOAJ_API_KEY", DEPOSIT_API_KEY)
    monkeypatch.setenv("JATSCONV_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("JATSCONV_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("JATSCONV_CROSSREF_SCHEMA", raising=False)
    monkeypatch.delenv("JATSCONV_DOAJ_SCHEMA", raising=False)
