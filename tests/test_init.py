"""``jatsconv init``: a commented starter journal file, from flags, Crossref, OJS and prompts.

The Crossref lookup runs against a local stand-in of the REST API's ``/journals/{issn}``; no
test touches the network.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
import yaml

from conftest import SAMPLES, local_server
from converter import journal_init
from converter.readers import ReadContext, read_source
from converter.readers.native import JournalCache

EXPORT = SAMPLES / "ojs" / "2019-1" / "issue.xml"

JOURNAL_RECORD = {
    "status": "ok",
    "message-type": "journal",
    "message-version": "1.0.0",
    "message": {
        "last-status-check-time": 1700000000000,
        "counts": {"total-dois": 120, "current-dois": 40, "backfile-dois": 80},
        "publisher": "Association of Japanologists",
        "coverage": {},
        "title": "Japanese Studies in Russia",
        "subjects": [],
        "ISSN": ["2500-2872", "2687-1440"],
        "issn-type": [
            {"value": "2687-1440", "type": "electronic"},
            {"value": "2500-2872", "type": "print"},
        ],
    },
}


class _CrossrefJournals(BaseHTTPRequestHandler):
    """A stand-in for the Crossref REST API: one journal under its ISSNs, 404 otherwise."""

    seen: list[str] = []  # noqa: RUF012  (the test reads the paths asked for)

    def do_GET(self) -> None:
        self.seen.append(self.path)
        if self.path in ("/journals/2500-2872", "/journals/2687-1440"):
            body = json.dumps(JOURNAL_RECORD).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/journals/0000-0019":
            body = b"<html>not json</html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404, "Resource not found.")

    def log_message(self, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def crossref_api() -> Iterator[str]:
    _CrossrefJournals.seen = []
    with local_server(_CrossrefJournals) as base:
        yield base


@pytest.fixture(autouse=True)
def _no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run without a terminal unless they say otherwise: no prompts."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def test_bare_starter_is_commented_and_names_what_is_missing(run, tmp_path: Path) -> None:
    target = tmp_path / "journal.yaml"
    result = run("init", "-o", target)
    assert result.code == 0, result.err
    text = target.read_text(encoding="utf-8")
    assert "# title: {en: Journal Title}   # required" in text
    assert "# crossref:" in text and "#   landing_page:" in text
    assert yaml.safe_load(text) == {"language": "en"}  # the rest commented out
    assert "still to fill in: title, issn" in result.err


def test_a_ukrainian_starter_offers_the_national_scheme(run) -> None:
    """For a journal in Ukrainian the starter's example scheme is kmu-2010, which the journal
    file takes (naming it turns Latin forms on, as naming a Russian scheme does)."""
    result = run("init", "-o", "-", "--language", "uk", "--transliteration", "kmu-2010")
    assert result.code == 0, result.err
    assert yaml.safe_load(result.out)["transliteration"] == "kmu-2010"
    text = run("init", "-o", "-", "--language", "uk").out
    assert "# transliteration: kmu-2010\n" in text
    assert "kmu-2010 for a Ukrainian journal" in text


def test_the_starter_names_every_journal_field(run, tmp_path: Path) -> None:
    """Each field of the journal file is in the starter, set or commented out, so an editor
    finds every setting there (a field added to the model and not here fails this)."""
    from converter.model import Journal

    target = tmp_path / "journal.yaml"
    assert run("init", "-o", target).code == 0
    text = target.read_text(encoding="utf-8")
    missing = [
        name
        for name, info in Journal.model_fields.items()
        if not re.search(rf"^#?\s*{re.escape(info.alias or name)}:", text, re.M)
    ]
    assert not missing
    # uncommented, the two reference settings are read as the journal's
    settings = text.replace("# structure_references:", "structure_references:").replace(
        "# reference_confidence:", "reference_confidence:"
    )
    loaded = yaml.safe_load(settings)
    assert (loaded["structure_references"], loaded["reference_confidence"]) == (False, 0.9)


def test_a_section_uncommented_without_its_fields_is_not_given(run, tmp_path: Path) -> None:
    """An editor uncomments a section's heading (``publisher:``) and not yet its fields: the
    key is empty, as if it were absent, and the starter still loads."""
    target = tmp_path / "journal.yaml"
    assert run("init", "-o", target, "--title", "J", "--print-issn", "2658-6444").code == 0
    text = target.read_text(encoding="utf-8")
    for section in ("publisher", "urls", "crossref", "doaj"):
        assert f"\n# {section}:\n" in text
        text = text.replace(f"\n# {section}:\n", f"\n{section}:\n")
    target.write_text(text, encoding="utf-8")
    journal = JournalCache().load(target)
    assert (journal.publisher, journal.crossref, journal.doaj) == (None, None, None)
    assert journal.urls.landing_page == "{url}/article/view/{article}"


def test_flags_give_a_journal_file_articles_convert_with(run, tmp_path: Path) -> None:
    folder = tmp_path / "ojs"
    (folder / "2019-1").mkdir(parents=True)
    (folder / "2019-1" / "issue.xml").write_bytes(EXPORT.read_bytes())
    target = folder / "journal.yaml"
    result = run(
        "init", "-o", target, "--title", "ru=Японские исследования",
        "--title", "Japanese Studies in Russia", "--print-issn", "2500-2872",
        "--electronic-issn", "2687-1440", "--publisher", "Ассоциация японоведов",
        "--url", "https://journal.example.org/index.php/jsr",
        "--depositor-name", "Association of Japanologists",
        "--depositor-email", "doi@example.org", "--registrant", "Association of Japanologists",
        "--doaj-language", "en", "--doaj-language", "ru", "--transliteration", "bsi",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "still to fill in" not in result.err
    journal = JournalCache().load(target)
    assert journal.language == "ru"  # the first title's language
    assert journal.title == {"ru": "Японские исследования", "en": "Japanese Studies in Russia"}
    assert (journal.issn.print, journal.issn.electronic) == ("2500-2872", "2687-1440")
    assert journal.publisher.name == {"ru": "Ассоциация японоведов"}
    assert journal.crossref.depositor_email == "doi@example.org"
    assert journal.doaj.languages == ["en", "ru"]
    assert journal.transliteration == "bsi"
    loaded = list(read_source(folder / "2019-1" / "issue.xml", "ojs", ReadContext()))
    assert loaded[0].article.url == (
        "https://journal.example.org/index.php/jsr/article/view/jsr-2019-1-7"
    )


def test_issn_fills_from_the_crossref_record(run, tmp_path: Path, crossref_api: str) -> None:
    target = tmp_path / "journal.yaml"
    result = run("init", "-o", target, "--issn", "2500-2872", "--crossref-api", crossref_api)
    assert result.code == 0, result.err
    assert _CrossrefJournals.seen == ["/journals/2500-2872"]
    journal = JournalCache().load(target)
    assert journal.title == {"en": "Japanese Studies in Russia"}
    assert (journal.issn.print, journal.issn.electronic) == ("2500-2872", "2687-1440")
    assert journal.publisher.name == {"en": "Association of Japanologists"}


def test_flags_win_over_the_record(run, tmp_path: Path, crossref_api: str) -> None:
    result = run(
        "init", "-o", "-", "--issn", "2687-1440", "--crossref-api", crossref_api,
        "--language", "ru", "--title", "ru=Японские исследования",
    )  # fmt: skip
    assert result.code == 0, result.err
    data = yaml.safe_load(result.out)
    assert data["language"] == "ru"
    assert data["title"] == {"en": "Japanese Studies in Russia", "ru": "Японские исследования"}


def test_lookup_errors_are_one_line(run, tmp_path: Path, crossref_api: str) -> None:
    target = tmp_path / "journal.yaml"
    result = run("init", "-o", target, "--issn", "2658-6444", "--crossref-api", crossref_api)
    assert result.code == 3
    assert result.err.strip() == (
        f"{crossref_api}/journals/2658-6444: no journal with this ISSN at Crossref: give the "
        "journal's fields with --title, --print-issn, --electronic-issn and --publisher instead "
        "of --issn"
    )
    assert not target.exists()
    result = run("init", "-o", target, "--issn", "2500-2873", "--crossref-api", crossref_api)
    assert result.code == 3 and result.err.startswith("--issn 2500-2873:")
    assert _CrossrefJournals.seen == ["/journals/2658-6444"]  # a bad check digit asks nobody
    result = run("init", "-o", target, "--issn", "0000-0019", "--crossref-api", crossref_api)
    assert result.code == 3 and "not a JSON record" in result.err
    closed = "http://127.0.0.1:9"
    result = run("init", "-o", target, "--issn", "2500-2872", "--crossref-api", closed)
    assert result.code == 3 and "cannot fetch" in result.err
    assert result.err.count("\n") == 1
    # Crossref not reached (no network): the line says how to write the file without it.
    assert result.err.rstrip().endswith(
        "refused the connection (nothing answers there): give the journal's fields with "
        "--title, --print-issn, --electronic-issn and --publisher instead of --issn"
    )
    assert not target.exists()


def test_from_ojs_gives_languages_and_the_base_url(run, tmp_path: Path) -> None:
    export = tmp_path / "issue.xml"
    export.write_text(
        EXPORT.read_text(encoding="utf-8").replace(
            '<submission_file_ref id="507"/>',
            '<remote src="https://journal.example.org/index.php/jsr/article/download/131/91"/>',
        ),
        encoding="utf-8",
    )
    draft = journal_init.from_ojs(export)
    assert draft == {
        "language": "ru",  # two of the three articles
        "doaj": {"languages": ["ru", "en"]},
        "url": "https://journal.example.org/index.php/jsr",
    }
    result = run("init", "-o", "-", "--from-ojs", export)
    assert result.code == 0
    assert 'url: "https://journal.example.org/index.php/jsr"' in result.out


def test_existing_file_is_kept_unless_forced(run, tmp_path: Path) -> None:
    target = tmp_path / "journal.yaml"
    target.write_text("title: {en: Mine}\n", encoding="utf-8")
    result = run("init", "-o", target, "--title", "Other")
    assert result.code == 3
    assert result.err.strip() == f"{target}: exists (give --force to replace it)"
    assert target.read_text(encoding="utf-8") == "title: {en: Mine}\n"
    assert run("init", "-o", target, "--title", "Other", "--force").code == 0
    assert "Other" in target.read_text(encoding="utf-8")


def test_bad_flag_values_are_one_line(run, tmp_path: Path) -> None:
    result = run("init", "-o", tmp_path / "j.yaml", "--print-issn", "2500-2873")
    assert result.code == 3 and result.err.startswith("--print-issn: check digit fails")
    result = run("init", "-o", tmp_path / "j.yaml", "--title", "T", "--print-issn", "2500-2872",
                 "--url", "not a url")  # fmt: skip
    assert result.code == 3 and "url:" in result.err
    for flag in ("--language", "--doaj-language"):  # (once an internal error, exit 70)
        result = run("init", "-o", tmp_path / "j.yaml", flag, "zz-!!")
        assert result.code == 3
        assert result.err == f"{flag}: not a language code (expected e.g. 'en', 'ru'): 'zz-!!'\n"
    assert not (tmp_path / "j.yaml").exists()


def test_issn_flags_take_a_labelled_issn(run, tmp_path: Path) -> None:
    """As the article's fields do: "ISSN 2500-2872" is read as the ISSN (it was refused)."""
    target = tmp_path / "j.yaml"
    result = run("init", "-o", target, "--title", "T", "--print-issn", "ISSN 2500-2872",
                 "--electronic-issn", "eISSN: 2687-1440")  # fmt: skip
    assert result.code == 0, result.err
    text = target.read_text(encoding="utf-8")
    assert 'issn: {print: "2500-2872", electronic: "2687-1440"}' in text


def test_prompts_ask_for_each_value_offering_what_was_found(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crossref_api: str
) -> None:
    answers = "\n".join(
        [
            "ru",  # main language
            "Японские исследования",  # title in ru
            "",  # title in en: keep Crossref's
            "",  # print ISSN: keep
            "",  # electronic ISSN: keep
            "",  # publisher in ru: none
            "https://journal.example.org/index.php/jsr",
            "Association of Japanologists",
            "doi@example.org",
            "Association of Japanologists",
            "en, ru",
        ]
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers + "\n"))
    target = tmp_path / "journal.yaml"
    result = run(
        "init", "-o", target, "--prompt", "--issn", "2500-2872", "--crossref-api", crossref_api
    )
    assert result.code == 0, result.err
    assert "Journal title in en [Japanese Studies in Russia]" in result.err
    journal = JournalCache().load(target)
    assert journal.language == "ru"
    assert journal.title == {"en": "Japanese Studies in Russia", "ru": "Японские исследования"}
    assert journal.issn.electronic == "2687-1440"
    assert journal.url == "https://journal.example.org/index.php/jsr"
    assert journal.crossref.registrant == "Association of Japanologists"
    assert journal.doaj.languages == ["en", "ru"]


def test_an_answer_that_cannot_be_a_value_is_said_and_asked_again(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Answers were taken as typed: a language code or ISSN that is none ended the command as
    an internal error (exit 70), and an escape sequence or a DEL pasted into a title was
    written into the file (or refused at the end, naming '<stdout>: line 9'), every answer
    lost. Each answer is now checked as the model checks the field: what it cannot be is
    said, and the question asked again; a tab or a run of spaces is one space."""
    answers = [
        "zz1",  # main language: no code
        "en",
        "Arctic \x1b[31mStudies",  # a terminal's colour code pasted in
        "Arctic\x7fStudies",  # a DEL
        "T" * 1_000_001,  # longer than any field may be
        "Arctic  Studies\tReview",  # spaces and a tab: one space each
        "2500-2871",  # print ISSN: the check digit fails
        "2500-2872",
        "",  # electronic ISSN: none
        "Polar Press",
        "",  # home page: none
        "",  # Crossref depositor: none
        "en, xx1",  # DOAJ: a language that is none
        "en",
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(answers) + "\n"))
    target = tmp_path / "journal.yaml"
    result = run("init", "-o", target, "--prompt")
    assert result.code == 0, result.err
    errors = result.err.split("Error: ")[1:]
    assert [line.split("\n")[0] for line in errors] == [
        "not a language code (expected e.g. 'en', 'ru'): 'zz1'",
        "contains U+001B, a control character no field may hold",
        "contains U+007F, a control character no field may hold",
        "1,000,001 characters, more than the 1,000,000 a field may hold",
        "check digit fails: '2500-2871'",
        "not a language code (expected e.g. 'en', 'ru'): 'xx1'",
    ]
    journal = JournalCache().load(target)
    assert journal.title == {"en": "Arctic Studies Review"}
    assert journal.issn.print == "2500-2872"
    assert journal.publisher.name == {"en": "Polar Press"}
    assert journal.doaj.languages == ["en"]


def test_prompts_go_to_standard_error_so_a_printed_file_stays_yaml(
    run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With ``-o -`` standard output is the journal file: the questions were printed there,
    into it (``init --prompt -o - > journal.yaml`` wrote a file that does not load)."""
    answers = ["ru", "Вестник", "2500-2872", "", "", "", "", ""]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(answers) + "\n"))
    result = run("init", "-o", "-", "--prompt")
    assert result.code == 0, result.err
    assert "Main language of the metadata [en]: " in result.err
    assert result.out.startswith("# Journal metadata for jats-converter")
    assert "of the metadata [en]" not in result.out and "Print ISSN:" not in result.out
    data = yaml.safe_load(result.out)
    assert data["title"] == {"ru": "Вестник"} and data["issn"] == {"print": "2500-2872"}


def test_a_language_declared_to_doaj_is_asked_its_title(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Russian/English journal answering the prompts could give its title in Russian only:
    the titles were asked before the languages, so its English title was never asked for. A
    language declared to DOAJ that has no title yet is asked its title after the languages."""
    answers = [
        "ru",  # main language
        "Вестник востоковедения",  # title in ru
        "2500-2872",  # print ISSN
        "",  # electronic ISSN
        "",  # publisher
        "",  # home page
        "",  # Crossref depositor: none
        "ru, en",  # languages declared to DOAJ
        "Oriental Studies Bulletin",  # title in en: asked now
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(answers) + "\n"))
    target = tmp_path / "journal.yaml"
    result = run("init", "-o", target, "--prompt")
    assert result.code == 0, result.err
    assert result.err.count("Journal title in ru") == 1
    assert result.err.count("Journal title in en") == 1
    journal = JournalCache().load(target)
    assert journal.title == {"ru": "Вестник востоковедения", "en": "Oriental Studies Bulletin"}
    assert journal.doaj.languages == ["ru", "en"]


def test_a_flag_that_cannot_be_a_value_is_refused_naming_it(run, tmp_path: Path) -> None:
    """A control character in a flag was written into the starter file (as an escape) while
    the file still lacked a field, to be refused only when an article read it."""
    target = tmp_path / "journal.yaml"
    result = run("init", "-o", target, "--title", "en=Arctic\x01Studies")
    assert result.code == 3
    assert result.err.splitlines() == [
        "--title: contains U+0001, a control character no field may hold"
    ]
    assert not target.exists()


def test_rendered_values_are_quoted_safely() -> None:
    text = journal_init.render(
        {"title": {"en": 'A "quoted": title # not a comment'}, "issn": {"print": "2500-2872"}}
    )
    assert yaml.safe_load(text)["title"] == {"en": 'A "quoted": title # not a comment'}
