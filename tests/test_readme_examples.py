"""The README's examples as a new user meets them: the set-up's conversion and the line it ends
with, the one-line messages it quotes for the YAML it shows, the ``init`` example run as typed,
the line ``check`` prints for a wrong ORCID iD, and the table of exit codes.

Each test reads its words from README.md, so the manual and the program cannot drift apart
unseen. Other examples are held by the tests of their features: the Python API's by
``test_api``, the two set-up commands' form by ``test_setup``, the samples' profiles by
``test_checks``, the exit codes of ``deposit`` by ``test_deposit``.
"""

from __future__ import annotations

import glob
import io
import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from conftest import BILINGUAL, ROOT, SAMPLES, SEED
from converter.commands import exit_codes
from converter.errors import EXIT_CODES, EXIT_INPUT


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def _section(heading: str) -> str:
    """The README from ``heading`` to the next heading of its level or above."""
    text = _readme()
    start = text.index(f"\n{heading}\n")
    level = heading.split(" ", 1)[0]
    ends = [text.find(f"\n{'#' * n} ", start + 1) for n in range(1, len(level) + 1)]
    return text[start : min((e for e in ends if e != -1), default=len(text))]


def _said(text: str) -> str:
    """Text as a reader sees it: the README wraps quoted messages across lines."""
    return " ".join(text.split())


def _blocks(section: str, kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", section, re.S)


# ------------------------------------------------------------------ the set-up


def test_the_set_up_conversion_converts_every_sample_as_committed(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The set-up's first command, run as written on a copy of the samples: it ends with the
    summary line the README gives, and rewrites each committed output byte for byte."""
    section = _section("## Set-up: two commands")
    setup, conversion = _blocks(section, "sh")[0].splitlines()[0].split(" && ")
    program, *patterns = shlex.split(conversion)
    assert (setup, program) == ("./scripts/setup", ".venv/bin/jatsconv")
    summary = re.search(r"converts every sample \(the last line it prints:\s+`([^`]+)`\)", section)
    assert summary, "the README says what the conversion ends with"
    shutil.copytree(SAMPLES, tmp_path / "samples")
    monkeypatch.chdir(tmp_path)
    args = [name for p in patterns for name in (sorted(glob.glob(p)) or [p])]  # as the shell
    result = run(*args)
    assert result.code == 0, result.err
    lines = result.err.splitlines()
    assert lines[-1] == summary[1]
    written = [line.split(" -> ", 1)[1] for line in lines if " -> " in line]
    assert len(written) == int(summary[1].split()[0])
    for name in written:
        assert (tmp_path / name).read_bytes() == (ROOT / name).read_bytes(), name


# ------------------------------------------------------------------ messages the README quotes


NESTED = "title: " + "[" * 150 + "]" * 150

# What an editor types (after a title) and the one line the README says it gets.
QUOTED = {
    "empty title": (
        'title: {en: ""}',
        "article.yaml: title: no title in the article's language (en)",
    ),
    "page range in fpage": (
        "fpage: 110-119\nlpage: 120",
        "article.yaml: fpage: a page range in one page field: '110-119' (write fpage: 110 and "
        "lpage: 119)",
    ),
    "page range not the article's pages": (
        "page_range: 110-115, 120-124\nlpage: 115",
        "article.yaml: page_range: '110-115, 120-124' ends on page 124, not on lpage 115 "
        "(lpage is the page the article ends on)",
    ),
    "an id given twice": (
        "affiliations:\n  - {id: aff1, institution: {en: A}}\n  - {id: aff1, institution: {en: B}}",
        "article.yaml: affiliations[1].id: 'aff1' is used twice (affiliations[0].id has it too): "
        "give each its own id",
    ),
    "related article without doi or citation": (
        "related_articles:\n  - {type: corrected-article}",
        "article.yaml: related_articles[0]: a related article needs its doi, pmid or a citation "
        "naming it",
    ),
    "a field editors call otherwise": (
        "pages: 110-119",
        "article.yaml: pages: unknown field (did you mean fpage and lpage?)",
    ),
    "nested too deep": (
        NESTED,
        "article.yaml: title: lists or mappings nested more than 100 levels deep: refused",
    ),
}


@pytest.mark.parametrize("case", sorted(QUOTED))
def test_a_quoted_message_is_what_the_yaml_gets(
    case: str, run, write_article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed, quoted = QUOTED[case]
    assert _said(quoted) in _said(_readme())
    write_article(typed if typed.startswith("title:") else f"title: {{en: A title}}\n{typed}")
    monkeypatch.chdir(tmp_path)
    result = run("convert", "article.yaml", "-o", "out")
    assert result.code == EXIT_INPUT
    assert result.err.splitlines() == [quoted]


# ------------------------------------------------------------------ check


def test_a_wrong_orcid_gets_the_check_line_the_readme_shows(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first finding the Checks section shows, from a JATS file whose author has that iD:
    the iD is named once (the rule repeated it after "checksum fails" as well)."""
    shown = _blocks(_section("## Checks and profiles"), "text")[0].splitlines()[0]
    finding = re.fullmatch(r"a\.xml:\d+:\d+: (.*)", shown)[1]  # (the line is the README's own)
    orcid = re.search(r"ORCID iD '([^']+)'", finding)[1]
    jats = BILINGUAL.with_suffix(".xml").read_text(encoding="utf-8")
    author = '<contrib contrib-type="author" corresp="yes">'
    assert author in jats
    given = f'{author}\n<contrib-id contrib-id-type="orcid">{orcid}</contrib-id>'
    (tmp_path / "a.xml").write_text(jats.replace(author, given, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", "a.xml")
    assert result.code == 1
    [line] = [line for line in result.out.splitlines() if "[orcid-checksum]" in line]
    assert line.split(": ", 1)[1] == finding
    assert result.err == "a.xml: fails general (1 error, 0 warnings)\n"


def test_a_finding_on_conversion_names_the_input_field_as_the_readme_shows(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second line the Checks section shows: the seed article, all in English, converted
    as ``a.yaml`` with ``--profile rsci``; its output is not written, so the line names the
    input and the line of the JATS that was not written."""
    shown = _blocks(_section("## Checks and profiles"), "text")[0].splitlines()[1]
    shutil.copy(SEED, tmp_path / "a.yaml")
    shutil.copy(SEED.parent.parent / "journal.yaml", tmp_path / "journal.yaml")
    monkeypatch.chdir(tmp_path)
    result = run("convert", "a.yaml", "--profile", "rsci")
    assert result.code == 1
    assert result.err.splitlines()[0] == shown
    assert not (tmp_path / "a.xml").exists()


# ------------------------------------------------------------------ init


def test_the_init_example_runs_as_typed(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's ``init --from-ojs`` example, typed into a shell in a folder holding the
    sample OJS export as ``issue.xml`` (its other example asks Crossref, over the network). Its
    Russian title was unquoted: the shell split it, and init refused the second word (exit 2)."""
    text = _readme().split("**Starting a journal file.**", 1)[1]
    commands = [shlex.split(line, comments=True)
                for line in _blocks(text, "sh")[0].replace("\\\n", " ").splitlines()]  # fmt: skip
    [command] = [c for c in commands if "--from-ojs" in c]
    assert command[:2] == ["jatsconv", "init"]
    shutil.copy(SAMPLES / "ojs" / "2019-1" / "issue.xml", tmp_path / "issue.xml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # a script: no terminal, no prompts
    result = run(*command[1:])
    assert (result.code, result.err) == (0, "journal.yaml: written\n")
    written = yaml.safe_load((tmp_path / "journal.yaml").read_text(encoding="utf-8"))
    assert written == {
        "language": "ru",
        "title": {"ru": "Японские исследования", "en": "Japanese Studies in Russia"},
        "issn": {"print": "2500-2872"},
        "url": "https://journal.example.org/index.php/jsr",
        "doaj": {"languages": ["en"]},
    }


# ------------------------------------------------------------------ exit codes


def test_the_exit_code_table_is_the_codes_the_commands_document(run) -> None:
    """The README's table of exit codes lists the codes of ``converter/errors.py``, in its
    order, and so does ``jatsconv --help``; each command's ``--help`` lists those it can end
    with, in that order (deposit's own table: test_deposit; which codes: test_cli_exits)."""
    table = _section("### Exit codes")
    documented = [int(code) for code in re.findall(r"^\| (\d+) \|", table, re.M)]
    assert documented == list(EXIT_CODES)
    for command in ("", "convert", "validate", "check", "batch", "package", "preview"):
        listed = run(*command.split(), "--help").out.split("Exit codes:\n", 1)[1]
        expected = [code for code in documented if not command or code in exit_codes(command)]
        assert [int(line.split()[0]) for line in listed.splitlines() if line.strip()] == (
            expected
        ), command
