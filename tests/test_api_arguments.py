"""The Python API of ``batch``, ``package``, ``deposit``, ``preview`` and ``consistency`` called
the way a script gets it wrong: one path where a list belongs, None, an ``Article`` for a file,
a dict for ``Options``, credentials of the wrong kind, a script without the ``__main__`` guard.
Each is one ``TypeError``/``ValueError``/``SetupError``/``DepositError`` naming the argument,
before anything is read, written, printed or sent."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import BILINGUAL, DEPOSIT_PASSWORD, DEPOSIT_USER, ROOT, deposit_environment
from converter import (
    DepositError,
    Options,
    Transport,
    build_packages,
    check_consistency,
    deposit_dry_run,
    deposit_files,
    deposit_status,
    load_article,
    preview_html,
    run_batch,
)

ENDPOINT = "http://127.0.0.1:9/servlet/deposit"  # (nothing is sent: refused before)


@pytest.fixture(autouse=True)
def _no_user_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deposit_environment(tmp_path, monkeypatch)


def test_one_path_where_a_list_belongs_is_a_type_error_and_nothing_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A str given as ``sources`` was taken letter by letter: "/" first, the whole disk
    converted into the output folder."""
    out = tmp_path / "out"
    for given in (str(BILINGUAL), BILINGUAL):
        with pytest.raises(TypeError, match=r"^sources: a list of paths, \["):
            run_batch(given, out)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^files: a list of paths, \["):
            build_packages(given, out)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^files: a list of paths, \["):
            deposit_dry_run(given, "crossref")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^files: a list of paths, \["):
            deposit_files(given, "crossref", endpoint=ENDPOINT)  # type: ignore[arg-type]
    assert not out.exists()
    with pytest.raises(TypeError, match=r"^sources: a list of paths .*, not None$"):
        run_batch(None, out)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^sources\[1\]: a path .*, not None$"):
        run_batch([BILINGUAL, None], out)  # type: ignore[list-item]
    article = load_article(BILINGUAL)
    with pytest.raises(
        TypeError, match=r"^files\[0\]: .*not Article \(an Article: render converts it"
    ):
        build_packages([article], out)  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^out_dir: a path .*, not None$"):
        run_batch([BILINGUAL], None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^source: a path .*, not None$"):
        preview_html(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^source: a path .*, not list$"):
        check_consistency([BILINGUAL])  # type: ignore[arg-type]
    assert not out.exists()
    assert capsys.readouterr() == ("", "")


def test_run_batch_options_of_the_wrong_kind_are_said_before_any_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    sources = [BILINGUAL]
    with pytest.raises(TypeError, match=r"^jobs: a whole number"):
        run_batch(sources, out, jobs="2")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^jobs: -1 is less than 0"):
        run_batch(sources, out, jobs=-1)
    with pytest.raises(TypeError, match=r"^options: an Options \(Options\(target="):
        run_batch(sources, out, options={"target": "crossref"})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^options: unknown output format 'nope'"):
        run_batch(sources, out, options=Options(target="nope"))
    with pytest.raises(ValueError, match=r"^fmt: unknown input format 'nope'"):
        run_batch(sources, out, fmt="nope")
    with pytest.raises(ValueError, match=r"^report: '-' is the command's standard output"):
        run_batch(sources, out, report="-")
    assert not out.exists()
    assert capsys.readouterr() == ("", "")


def test_preview_and_consistency_refuse_an_unknown_scheme_format_or_profile_text() -> None:
    with pytest.raises(ValueError, match=r"^scheme: unknown transliteration scheme 'nope'"):
        preview_html(BILINGUAL, scheme="nope")
    with pytest.raises(ValueError, match=r"^profiles: a tuple of profile names, \('pmc',\)"):
        preview_html(BILINGUAL, profiles="pmc")
    with pytest.raises(ValueError, match=r"^fmt: unknown input format 'nope'"):
        check_consistency(BILINGUAL, fmt="nope")
    with pytest.raises(ValueError, match=r"^fmt: unknown input format 'nope'"):
        preview_html(BILINGUAL, fmt="nope")


def test_deposit_arguments_of_the_wrong_kind_never_show_the_secret(tmp_path: Path) -> None:
    done = run_batch([BILINGUAL], tmp_path / "cr", options=Options(target="crossref"))
    assert done.articles[0].output is not None
    crossref = Path(done.articles[0].output)
    for wrong in ({DEPOSIT_USER: DEPOSIT_PASSWORD}, 5, (DEPOSIT_USER, 5), DEPOSIT_PASSWORD):
        with pytest.raises(TypeError, match=r"^credentials: Crossref's are") as caught:
            deposit_files([crossref], "crossref", credentials=wrong, endpoint=ENDPOINT)  # type: ignore[arg-type]
        assert DEPOSIT_PASSWORD not in str(caught.value)
    with pytest.raises(DepositError, match="Crossref credentials missing"):
        deposit_files([crossref], "crossref", credentials=(DEPOSIT_USER, ""), endpoint=ENDPOINT)
    with pytest.raises(TypeError, match=r"^transport: a Transport \(Transport\("):
        deposit_files([crossref], "crossref", credentials=(DEPOSIT_USER, DEPOSIT_PASSWORD),
                      endpoint=ENDPOINT, transport=(5, 1, 0))  # type: ignore[arg-type]  # fmt: skip
    login = (DEPOSIT_USER, DEPOSIT_PASSWORD)
    for transport in (Transport(attempts=0), Transport(timeout=0)):
        with pytest.raises(ValueError, match=r"^transport: "):
            deposit_files([crossref], "crossref", credentials=login, endpoint=ENDPOINT,
                          transport=transport)  # fmt: skip
    with pytest.raises(TypeError, match=r"^submission: the id an Attempt gives .*, not None$"):
        deposit_status(None, "crossref", credentials=login, endpoint=ENDPOINT)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^submission: empty"):
        deposit_status(" ", "crossref", credentials=login, endpoint=ENDPOINT)
    with pytest.raises(ValueError, match=r"^unknown service"):
        deposit_status("id", ["crossref"], credentials=login)  # type: ignore[arg-type]
    assert Transport().attempts == 3


def test_a_script_without_the_main_guard_gets_one_setup_error_naming_it(tmp_path: Path) -> None:
    """With a thread running the workers start by forkserver, which imports the script: each
    worker ran the batch again, found the folder locked, and the pool ended as an internal
    error (``BrokenProcessPool``)."""
    script = tmp_path / "nightly.py"
    script.write_text(
        textwrap.dedent(f"""\
            import threading, time
            from converter import run_batch
            threading.Thread(target=time.sleep, args=(2,)).start()
            run_batch([{str(BILINGUAL)!r}], {str(tmp_path / "out")!r}, jobs=2)
            """),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=120
    )
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("converter.errors.SetupError: "), done.stderr[-2000:]
    assert 'if __name__ == "__main__":' in last
    assert "BrokenProcessPool" not in done.stderr
    # each worker is told why too, not that 'another batch is writing into this output folder'
    assert "another batch" not in done.stderr, done.stderr[-2000:]


def test_a_shell_with_a_main_module_of_its_own_runs_a_batch_with_workers(tmp_path: Path) -> None:
    """IPython puts a ``__main__`` of its own in place once ``multiprocessing`` has named the
    first one ``__mp_main__``: the two differ there, and ``run_batch(jobs=2)`` must not take
    that shell for a worker importing a script (a ``SetupError`` in every notebook)."""
    script = tmp_path / "shell.py"
    script.write_text(
        textwrap.dedent(f"""\
            import multiprocessing, sys, types
            sys.modules["__main__"] = types.ModuleType("__main__")
            from converter import run_batch
            if True:  # (a shell runs this as typed: no guard, and none needed)
                done = run_batch([{str(BILINGUAL)!r}], {str(tmp_path / "out")!r}, jobs=2)
                print(done.counts["converted"])
            """),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=120
    )
    assert (done.returncode, done.stdout) == (0, "1\n"), done.stderr[-2000:]


def test_run_batch_text_options_of_the_wrong_kind_are_said_naming_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``pattern=None`` stopped run_batch with Python's AttributeError, ``encoding=1`` or
    ``delimiter=1`` with the CSV reader's words ('"delimiter" must be string'), naming no
    argument: each is one TypeError/ValueError naming it, before any article is read."""
    out = tmp_path / "out"
    with pytest.raises(TypeError, match=r"^pattern: text \(str\), not None$"):
        run_batch([BILINGUAL], out, pattern=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^encoding: text \(str\) or None, not int$"):
        run_batch([BILINGUAL], out, encoding=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^delimiter: text \(str\) or None, not list$"):
        run_batch([BILINGUAL], out, delimiter=[";"])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^delimiter: ';;': give one character"):
        run_batch([BILINGUAL], out, delimiter=";;")
    assert not out.exists()
    assert capsys.readouterr() == ("", "")
