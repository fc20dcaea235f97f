"""The Python API of ``batch``, ``package``, ``deposit``, ``preview`` and ``consistency``, as a
platform that scripts the tool meets it: each function gives what its command writes or says,
as data (nothing printed, no exit), and the command runs the same code."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from test_deposit_results import FAILING_DOI, ISSUE, Stand, _handler

import converter
from conftest import (
    BILINGUAL,
    DEPOSIT_API_KEY,
    DEPOSIT_PASSWORD,
    DEPOSIT_USER,
    EXTERNAL,
    ROOT,
    SEED,
    deposit_environment,
    local_server,
    xmllint,
)
from converter import (
    BatchInterrupted,
    InputError,
    Options,
    OutputError,
    Transport,
    build_packages,
    check_consistency,
    deposit_dry_run,
    deposit_files,
    deposit_status,
    load_article,
    preview_html,
    preview_pages,
    run_batch,
)
from converter.atomic import is_temp

SECRETS = (DEPOSIT_USER, DEPOSIT_PASSWORD, DEPOSIT_API_KEY, "s3cr3t", "doaj-key-0123")
FAST = Transport(timeout=5, attempts=1, backoff=0)


def _issue_with_a_bad_article(folder: Path) -> Path:
    """The two-article sample issue, and beside them an article whose ORCID checksum fails
    and one that is not YAML at all."""
    folder.mkdir()
    for path in (*ISSUE.glob("*.yaml"), ISSUE.parent / "journal.yaml"):
        shutil.copy(path, folder / path.name)
    text = BILINGUAL.read_text(encoding="utf-8").replace(
        "    email: streltsov@example.org\n",
        "    email: streltsov@example.org\n    orcid: 0000-0002-1825-0098\n",
    )
    (folder / "bad-orcid.yaml").write_text(text, encoding="utf-8")
    (folder / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    return folder


# ------------------------------------------------------------------ run_batch


def test_run_batch_one_bad_article_beside_good_ones(tmp_path: Path, store, run) -> None:
    """The good articles are written and valid (xmllint with the DTD catalog); the bad ones are
    bad input, each with the lines ``jatsconv batch`` says of it; a rerun skips what is up to
    date. Nothing is printed."""
    issue = _issue_with_a_bad_article(tmp_path / "issue")
    out = tmp_path / "out"
    result = run_batch([issue], out, options=Options(grammars=store))
    statuses = {Path(a.source).name: a.status for a in result.articles}
    assert statuses == {
        "bad-orcid.yaml": "bad-input",
        "broken.yaml": "bad-input",
        "shchukin-21.yaml": "converted",
        "streltsov-6.yaml": "converted",
    }
    assert result.counts["converted"] == 2 and result.counts["bad-input"] == 2
    assert result.total == 4 and result.exit_code == 3
    for article in result.articles:
        if article.status == "converted":
            assert article.output is not None
            checked = xmllint(Path(article.output), store.catalog)
            assert checked.returncode == 0, checked.stderr
        else:
            assert article.output is None and article.problems
            assert all(line.startswith(article.source) for line in article.problems)
    bad = next(a for a in result.articles if a.source.endswith("bad-orcid.yaml"))
    assert any("orcid" in line for line in bad.problems)
    # the same lines as the command's report, and its own printed lines
    cli_out = tmp_path / "cli"
    report = tmp_path / "report.json"
    said = run("batch", issue, "-o", cli_out, "-j", "1", "-q", "--report", report)
    assert said.code == 3
    items = json.loads(report.read_text(encoding="utf-8"))["articles"]
    assert [(i["source"], i["status"], i["problems"]) for i in items] == [
        (a.source, a.status, a.problems) for a in result.articles
    ]
    assert result.lines == said.err.splitlines()
    again = run_batch([str(issue)], out, options=Options(grammars=store))
    assert again.counts["skipped"] == 2 and again.counts["bad-input"] == 2


def test_run_batch_stopped_by_ctrl_c_raises_after_cleaning_up(
    tmp_path: Path, store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during ``run_batch`` stops the calling script as Ctrl-C does (a
    ``KeyboardInterrupt``), once nothing half-written is left: a nightly script that went on
    after a returned ``interrupted=True`` would package and deposit part of the batch. What was
    done is on the exception; the rerun converts what was not."""
    issue = _issue_with_a_bad_article(tmp_path / "in")
    out = tmp_path / "out"
    real_write = os.write
    calls = {"n": 0}

    def interrupted_write(fd: int, data) -> int:  # type: ignore[no-untyped-def]
        if bytes(data[:5]) == b"<?xml":  # an output being written
            calls["n"] += 1
            if calls["n"] == 2:
                real_write(fd, b"<article")  # half a file, then Ctrl-C
                raise KeyboardInterrupt
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", interrupted_write)
    with pytest.raises(KeyboardInterrupt) as raised:
        run_batch([issue], out, options=Options(grammars=store))
    monkeypatch.undo()
    assert isinstance(raised.value, BatchInterrupted)
    result = raised.value.result
    assert result.interrupted and result.exit_code == 130
    written = sorted(out.rglob("*.xml"))
    assert [a.output for a in result.articles if a.status == "converted"] == [
        str(path) for path in written
    ]
    assert len(written) < 2 and not [p for p in out.rglob("*") if is_temp(p.name)]
    again = run_batch([issue], out, options=Options(grammars=store))
    assert again.counts["skipped"] == len(written)
    assert again.counts["converted"] == 2 - len(written)  # the two good articles, in all


def test_run_batch_stopped_by_sigterm_raises_after_cleaning_up(tmp_path: Path) -> None:
    """SIGTERM (``kill``, ``systemctl stop``) in a script's ``run_batch`` stops it as Ctrl-C
    does: ``BatchInterrupted`` once the run has cleaned up. With SIGTERM's default the script
    died at once (status -15), its temporary file and a pending manifest left in the folder.
    After the run SIGTERM has its default again."""
    issue = _issue_with_a_bad_article(tmp_path / "in")
    out = tmp_path / "out"
    code = (
        "import os, signal, sys, converter\n"
        "real = os.write\n"
        "calls = []\n"
        "def write(fd, data):\n"
        "    if bytes(data[:5]) == b'<?xml':\n"
        "        calls.append(1)\n"
        "        if len(calls) == 2:\n"
        "            real(fd, b'<article')\n"
        "            os.kill(os.getpid(), signal.SIGTERM)\n"
        "    return real(fd, data)\n"
        "os.write = write\n"
        "try:\n"
        "    converter.run_batch([sys.argv[1]], sys.argv[2])\n"
        "except converter.BatchInterrupted as exc:\n"
        "    default = signal.getsignal(signal.SIGTERM) is signal.SIG_DFL\n"
        "    print('stopped', exc.result.exit_code, default)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(issue), str(out)], env=env, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (0, "stopped 130 True\n"), done.stderr
    left = [p.name for p in out.iterdir() if is_temp(p.name) or "pending" in p.name]
    assert left == []
    assert len(list(out.rglob("*.xml"))) < 2


def test_run_batch_without_options_validates_and_an_unwritable_folder_raises(
    tmp_path: Path, store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without options, the installed DTDs validate every output (a folder of no DTDs is the
    setup error naming the API's ways); an output folder that is a file is ``OutputError``."""
    result = run_batch([BILINGUAL], tmp_path / "out")
    (article,) = result.articles
    assert article.status == "converted" and result.exit_code == 0
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError):
        run_batch([BILINGUAL], tmp_path / "file")
    monkeypatch.setenv("JATSCONV_SCHEMA_DIR", str(tmp_path / "no-dtds"))
    with pytest.raises(converter.SetupError, match="grammars="):
        run_batch([BILINGUAL], tmp_path / "out2")


# ------------------------------------------------------------------ build_packages


def test_build_packages_writes_pmc_zips(tmp_path: Path, store) -> None:
    """A zip per article, the JATS inside valid against the DTDs; an article without its PDF
    is refused, the others written."""
    folder = tmp_path / "issue"
    folder.mkdir()
    for sample in (SEED, BILINGUAL):
        xml = sample.with_suffix(".xml")
        shutil.copy(xml, folder / xml.name)
    (folder / "streltsov-6.pdf").write_bytes(b"%PDF-1.4 test\n")
    results = build_packages(
        [str(folder / "streltsov-6.xml"), folder / "streltsov-110.xml"], tmp_path / "out"
    )
    written = {r.name: r for r in results}
    assert written["jsr-2-6.zip"].path == tmp_path / "out" / "jsr-2-6.zip"
    assert written["rjr-1-110.zip"].path is None
    assert any("pdf" in line.lower() for line in written["rjr-1-110.zip"].problems)
    with zipfile.ZipFile(tmp_path / "out" / "jsr-2-6.zip") as archive:
        assert archive.namelist() == ["jsr-2-6.pdf", "jsr-2-6.xml"]
        (tmp_path / "jsr-2-6.xml").write_bytes(archive.read("jsr-2-6.xml"))
    checked = xmllint(tmp_path / "jsr-2-6.xml", store.catalog)
    assert checked.returncode == 0, checked.stderr
    assert build_packages([]) == []


# ------------------------------------------------------------------ preview, consistency


def test_preview_html_is_the_page_preview_writes(tmp_path: Path, run) -> None:
    assert run("preview", BILINGUAL, "-o", tmp_path, "-q").code == 0
    page = (tmp_path / "streltsov-6.preview.html").read_text(encoding="utf-8")
    assert preview_html(BILINGUAL) == page
    from_article = preview_html(load_article(BILINGUAL))
    assert from_article.startswith("<!DOCTYPE html>") and "Streltsov" in from_article
    issue = ROOT / "samples" / "ojs" / "2019-1" / "issue.xml"
    assert len(preview_pages(issue)) == 3
    with pytest.raises(ValueError, match="3 articles, one page each: preview_pages"):
        preview_html(issue)
    with pytest.raises(InputError):
        preview_html(tmp_path / "missing.yaml")


def test_check_consistency_gives_what_the_command_says(run, write_article) -> None:
    path = write_article(
        "title: {en: Relations with Mоscow}\n"
        "authors:\n  - name: {en: {surname: MÃ¼ller, given: Hans}}\n"
    )
    (report,) = check_consistency(path)
    said = run("consistency", path, "--json")
    assert said.code == 1
    assert json.loads(json.dumps([report.as_dict()])) == json.loads(said.out)
    assert report.errors == 2
    assert {f.rule for f in report.findings} == {"mixed-script", "misdecoded"}
    (clean,) = check_consistency(load_article(BILINGUAL))
    assert clean.findings == [] and clean.errors == 0
    (unread,) = check_consistency(write_article("title: [unclosed\n", "broken.yaml"))
    assert unread.problems and unread.findings == []


# ------------------------------------------------------------------ deposit


@pytest.fixture
def stand(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    deposit_environment(tmp_path, monkeypatch)
    # credentials are the arguments' here, not the environment's
    for name in ("CROSSREF_USERNAME", "CROSSREF_PASSWORD", "DOAJ_API_KEY"):
        monkeypatch.delenv(name)
    state = Stand()
    with local_server(_handler(state)) as base:
        yield state, base


@pytest.fixture
def issue_file(tmp_path: Path, run) -> Path:
    out = tmp_path / "crossref"
    said = run("convert", *sorted(ISSUE.glob("*.yaml")), "--to", "crossref", "--per-issue",
               "-o", out)  # fmt: skip
    assert said.code == 0, said.err
    (path,) = out.iterdir()
    return path


def _no_secrets(*texts: object) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in repr(text), f"secret leaked: {text!r}"


def test_deposit_dry_run_checks_against_the_schema_named(stand, issue_file) -> None:
    _, base = stand
    (check,) = deposit_dry_run(
        [issue_file], "crossref", endpoint=base + "/servlet/deposit",
        schema=EXTERNAL / "crossref-5.3.1",
    )  # fmt: skip
    assert check.passed and check.note.endswith(": passed"), check.note
    assert check.endpoint == base + "/servlet/deposit"
    assert check.submission and set(check.records) == {"10.5555/jsr.2018.3.6", FAILING_DOI}
    assert check.problems == []
    (unchecked,) = deposit_dry_run([issue_file], "crossref")
    assert "not checked against the Crossref schema" in unchecked.note
    with pytest.raises(InputError, match="not DOAJ article XML"):
        deposit_dry_run([issue_file], "doaj")
    with pytest.raises(ValueError, match="unknown service"):
        deposit_dry_run([issue_file], "zenodo")


def test_deposit_then_status_against_the_local_service(stand, issue_file, run) -> None:
    """Credentials as arguments: sent, logged (``jatsconv deposit status --list`` shows it),
    asked about until completed; no message holds a credential."""
    state, base = stand
    login = (DEPOSIT_USER, DEPOSIT_PASSWORD)
    (attempt,) = deposit_files(
        [issue_file], "crossref", credentials=login, endpoint=base + "/servlet/deposit",
        transport=FAST,
    )  # fmt: skip
    assert attempt.ok, attempt.message
    (batch_id,) = state.batches
    assert attempt.submission == batch_id
    listed = run("deposit", "status", "--list")
    assert batch_id in listed.out and "pending" in listed.out
    states = [
        deposit_status(batch_id, "crossref", credentials=login, transport=FAST).state
        for _ in range(3)
    ]
    assert states == ["pending", "pending", "completed"]
    outcome = deposit_status(batch_id, "crossref", credentials=login, transport=FAST)
    assert {r.record: r.status for r in outcome.records} == {
        "10.5555/jsr.2018.3.6": "Success",
        FAILING_DOI: "Failure",
    }
    assert not outcome.succeeded
    assert "completed" in run("deposit", "status", "--list").out
    wrong = deposit_status(
        batch_id, "crossref", credentials=(DEPOSIT_USER, "wrong s3cr3t"), transport=FAST
    )
    assert wrong.state == "error"
    _no_secrets(attempt, outcome, wrong, attempt.message)
    assert not state.seen_credentials_in_url


def test_deposit_doaj_and_a_file_failing_its_check_is_not_sent(stand, tmp_path: Path, run) -> None:
    state, base = stand
    out = tmp_path / "doaj"
    assert run("convert", BILINGUAL, "--to", "doaj", "-o", out).code == 0
    (path,) = out.glob("*.doaj.xml")
    endpoint = base + "/api/v4/bulk/articles"
    (attempt,) = deposit_files([path], "doaj", credentials=DEPOSIT_API_KEY, endpoint=endpoint,
                               transport=FAST)  # fmt: skip
    assert attempt.ok and attempt.submission in state.uploads, attempt.message
    first = deposit_status(attempt.submission, "doaj", credentials=DEPOSIT_API_KEY,
                           transport=FAST)  # fmt: skip
    assert first.state == "pending"
    _no_secrets(attempt, first)
    # a record without ISSN: DOAJ refuses it, so nothing is sent
    text = path.read_text(encoding="utf-8")
    for tag in ("issn", "eissn"):
        text = text.replace(f"<{tag}>", f"<!--{tag}>").replace(f"</{tag}>", f"</{tag}-->")
    path.write_text(text, encoding="utf-8")
    (refused,) = deposit_files([path], "doaj", credentials=DEPOSIT_API_KEY, endpoint=endpoint,
                               transport=FAST)  # fmt: skip
    assert (refused.ok, refused.attempts) == (False, 0)
    assert "refused: 1 problem" in refused.message
    assert len(state.uploads) == 1


def test_deposit_without_credentials_is_a_deposit_error(stand, issue_file) -> None:
    _, base = stand
    with pytest.raises(converter.DepositError, match="Crossref credentials missing"):
        deposit_files([issue_file], "crossref", endpoint=base + "/servlet/deposit")
    assert deposit_files([], "crossref") == []  # nothing to send: no credentials asked for


# ------------------------------------------------------------------ import cost


def test_the_new_names_load_nothing_at_import_and_help_loads_none_of_them() -> None:
    code = (
        "import sys, converter\n"
        "from converter.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('converter.api', "
        "'converter.batch', 'converter.deposit', 'converter.preview', 'converter.package', "
        "'converter.consistency'))), file=sys.stderr)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.stderr == "[]\n"


def test_a_dry_run_of_a_crossref_file_sent_before_says_what_the_command_says(
    stand, issue_file, run
) -> None:
    """Crossref refuses again each record of a file sent before: ``deposit --dry-run`` warns,
    and ``deposit_dry_run`` said nothing of it (a nightly job re-sent yesterday's file)."""
    _, base = stand
    endpoint = base + "/servlet/deposit"
    (before,) = deposit_dry_run([issue_file], "crossref", endpoint=endpoint)
    assert before.problems == []
    login = (DEPOSIT_USER, DEPOSIT_PASSWORD)
    (attempt,) = deposit_files([issue_file], "crossref", credentials=login, endpoint=endpoint,
                               transport=FAST)  # fmt: skip
    assert attempt.ok, attempt.message
    (again,) = deposit_dry_run([issue_file], "crossref", endpoint=endpoint)
    assert again.passed  # said, not refused
    (line,) = again.problems
    assert f"warning: doi_batch_id {attempt.submission} was sent on " in line
    said = run("deposit", "crossref", "--dry-run", "--endpoint", endpoint, issue_file)
    assert said.code == 0 and line in said.err.splitlines(), said.err


def test_preview_pages_of_an_issue_with_one_unreadable_article_gives_the_others(
    tmp_path: Path, run
) -> None:
    """``preview`` writes the pages of the readable articles of an OJS issue and says the
    other; ``preview_pages`` raised ``InputError`` for the whole issue, every page lost."""
    ojs = ROOT / "samples" / "ojs"
    folder = tmp_path / "ojs" / "2019-1"
    folder.mkdir(parents=True)
    shutil.copy(ojs / "journal.yaml", tmp_path / "ojs")
    text = (ojs / "2019-1" / "issue.xml").read_text(encoding="utf-8")
    second = text.index("<title", text.index("<article ", text.index("<article ") + 1))
    end = text.index("</article>", second)
    body = text[second:end]
    issue = folder / "issue.xml"
    issue.write_text(
        text[:second]
        + body.replace("<title ", "<x-title ").replace("</title>", "</x-title>")
        + text[end:],
        encoding="utf-8",
    )
    pages = preview_pages(issue)
    assert [bool(page.problems) for page in pages] == [False, True, False]
    assert pages[1].html == "" and "title" in pages[1].problems[0]
    said = run("preview", issue, "-o", tmp_path / "pages")
    assert said.code != 0 and pages[1].problems[0] in said.err
    written = sorted((tmp_path / "pages").iterdir())
    assert [p.read_text(encoding="utf-8") for p in written] == [pages[0].html, pages[2].html]
