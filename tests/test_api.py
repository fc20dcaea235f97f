"""The Python API as a developer embedding the converter meets it: the README's examples, what
a caller passes (``str`` paths, parsed data, bytes), the exceptions it documents, and what a
library must never do (print, exit, write unvalidated files)."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import re
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import pytest
import yaml
from test_notices import ARTICLE as DROPPING_JATS

import converter
from conftest import BILINGUAL, ROOT, SAMPLES, SEED, xmllint
from converter import (
    Article,
    Grammars,
    InputError,
    Journal,
    Loaded,
    Notice,
    Options,
    SetupError,
    article_from_data,
    convert_file,
    load_article,
    read_articles,
    render,
    to_jats,
    validate_bytes,
    validate_file,
    verdict_bytes,
    verdict_file,
)
from converter.atomic import STALE_AGE, TEMP_SUFFIX
from converter.readers import ReadContext

JOURNAL = BILINGUAL.parent.parent / "journal.yaml"
NLM = SAMPLES / "nlm" / "2018-1" / "streltsov-110.nlm.xml"
BAD_ORCID = "    email: streltsov@example.org\n    orcid: 0000-0002-1825-0098\n"


def _bad_article(folder: Path) -> Path:
    """The bilingual sample with an ORCID whose checksum fails, its journal file beside it."""
    (folder / "journal.yaml").write_bytes(JOURNAL.read_bytes())
    path = folder / "bad.yaml"
    text = BILINGUAL.read_text(encoding="utf-8")
    path.write_text(text.replace("    email: streltsov@example.org\n", BAD_ORCID), "utf-8")
    return path


# ------------------------------------------------------------------------------ exceptions


def test_input_error_crosses_a_process_pool(tmp_path: Path) -> None:
    """A pipeline converting in a process pool gets the article's own one-line error back,
    not a broken pool (an exception that cannot be unpickled kills the pool)."""
    bad = _bad_article(tmp_path)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        future = pool.submit(partial(load_article, bad))
        with pytest.raises(InputError) as caught:
            future.result(timeout=120)
    assert str(caught.value) == f"{bad}: authors[0].orcid: checksum fails: '0000-0002-1825-0098'"
    assert caught.value.source == str(bad)
    assert caught.value.problems == ["authors[0].orcid: checksum fails: '0000-0002-1825-0098'"]
    copied = pickle.loads(pickle.dumps(caught.value))
    assert (str(copied), copied.source, copied.problems) == (
        str(caught.value),
        caught.value.source,
        caught.value.problems,
    )


# ------------------------------------------------------------------- what callers pass


def test_journal_given_as_a_str_path(tmp_path: Path, store) -> None:
    """``journal=`` takes a path written as text, as every other path argument does."""
    article = tmp_path / "article.yaml"
    article.write_bytes(BILINGUAL.read_bytes())  # no journal file beside it
    loaded = load_article(str(article), journal=str(JOURNAL))
    assert isinstance(loaded.journal, Journal)
    assert loaded.journal.title["ru"] == "Японские исследования"
    results = convert_file(str(article), str(tmp_path / "out"), journal=str(JOURNAL))
    assert [r.status for r in results] == ["converted"], results
    written = (tmp_path / "out" / "article.xml").read_text(encoding="utf-8")
    assert "<journal-title>Японские исследования</journal-title>" in written
    checked = xmllint(tmp_path / "out" / "article.xml", store.catalog)
    assert checked.returncode == 0, checked.stderr


def test_article_without_journal_is_input_error() -> None:
    """An ``Article`` built from data without its journal is bad input naming the field, not
    an ``AssertionError`` from inside a writer."""
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    with pytest.raises(InputError) as caught:
        to_jats(Article.model_validate(data), name="seed.xml")
    assert str(caught.value).startswith("seed.xml: journal: no journal metadata"), caught.value
    unread = Article.model_validate({**data, "journal": "../journal.yaml"})
    with pytest.raises(InputError, match=r"^seed\.xml: journal: '\.\./journal\.yaml' is a path"):
        to_jats(unread, name="seed.xml")


def test_unsupported_version_says_it_is_text() -> None:
    """``version=1.4`` (a number) is told that the version is the text '1.4', not "unsupported
    JATS version 1.4 (use 1.4 or 1.3)", which contradicts itself."""
    article = load_article(SEED)
    with pytest.raises(ValueError, match=r"^unsupported JATS version 1\.4 \(use '1\.4' or '1\.3'"):
        to_jats(article, version=1.4)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^unsupported tag set 'Publishing' \(use 'publishing'"):
        to_jats(article, tag_set="Publishing")  # type: ignore[arg-type]


def test_an_unknown_format_or_one_profile_as_text_names_what_is_taken() -> None:
    """``Options(target="pdf")`` is told the formats there are, and ``profiles="pmc"`` (one
    text where a tuple belongs) is refused as that, where it was "unknown profile 'p'" (its
    letters taken as names) — and had already chosen JATS 1.3, "pmc" being in "pmc"."""
    from converter.checks import check_file

    article = load_article(SEED)
    with pytest.raises(ValueError, match=r"^unknown output format 'pdf' \(use one of 'jats', "):
        render(article, Options(target="pdf"))
    with pytest.raises(ValueError, match=r"^profiles: a tuple of profile names, \('pmc',\), not"):
        Options(profiles="pmc")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^profiles: a tuple of profile names, \('crossref',\)"):
        check_file(SAMPLES / "japanese-studies-in-russia/2018-3/streltsov-6.xml", "crossref")
    assert Options(profiles=["pmc"]).version == "1.3"  # a list is a list of names, as before


def test_doaj_language_is_read_as_the_cli_reads_it() -> None:
    """``doaj_language="EN"`` puts the English title first, as ``--doaj-language EN`` does;
    it was kept as given, matched no title, and the default order (Russian first) was written.
    A code that is none is refused as the CLI refuses it, where it was ignored."""
    article = load_article(BILINGUAL)
    for given in ("EN", "eng"):
        output = render(article, Options(target="doaj", doaj_language=given))
        assert re.findall(rb'<title language="(\w+)"', output.data)[:2] == [b"eng", b"rus"]
    assert Options(doaj_language="RUS").doaj_language == "ru"
    with pytest.raises(ValueError, match=r"^doaj_language: unknown ISO 639 language code: 'xx'"):
        Options(doaj_language="xx")


# ------------------------------------------------------------ the CLI and the API agree


def _rejecting_store(folder: Path) -> Path:
    """A grammar folder whose JATS 1.4 Publishing DTD takes an empty <article> only: every
    conversion is invalid against it."""
    folder.mkdir()
    (folder / "strict.dtd").write_text("<!ELEMENT article EMPTY>\n", encoding="ascii")
    (folder / "catalog.xml").write_text(
        '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n'
        '  <public publicId="-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.4 20241031//EN"'
        ' uri="strict.dtd"/>\n</catalog>\n',
        encoding="ascii",
    )
    return folder


def test_convert_file_validates_as_convert_does(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``convert_file`` without options validates against the installed DTDs, as ``jatsconv
    convert`` does: an invalid output is reported and not written (it was written unchecked)."""
    monkeypatch.setenv("JATSCONV_SCHEMA_DIR", str(_rejecting_store(tmp_path / "dtds")))
    cli = run("convert", SEED, "-o", tmp_path / "cli", "--json")
    assert cli.code == 1, cli.err
    [api] = convert_file(SEED, tmp_path / "api")
    assert api.status == "invalid"
    assert not (tmp_path / "api").exists() or not any((tmp_path / "api").iterdir())
    assert [api.as_dict()] == json.loads(cli.out)


def test_convert_file_without_dtds_is_setup_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without installed DTDs ``convert_file`` says so (``SetupError``, as ``convert`` exits 4)
    and writes nothing, rather than writing outputs nobody checked."""
    monkeypatch.setenv("JATSCONV_SCHEMA_DIR", str(tmp_path / "none"))
    with pytest.raises(SetupError, match="the JATS DTDs are not installed"):
        convert_file(SEED, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_convert_file_context_keeps_journal(tmp_path: Path) -> None:
    """``journal=`` is used when a ``context`` is given too (it was dropped in silence)."""
    article = tmp_path / "article.yaml"
    article.write_bytes(BILINGUAL.read_bytes())  # no journal file beside it
    context = ReadContext(encoding="utf-8")
    [result] = convert_file(article, tmp_path / "out", context=context, journal=JOURNAL)
    assert result.status == "converted", result.problems
    written = (tmp_path / "out" / "article.xml").read_text(encoding="utf-8")
    assert "<journal-title>Японские исследования</journal-title>" in written


def test_validate_file_uses_the_installed_dtds(tmp_path: Path, store) -> None:
    """``validate_file(path)`` needs no grammar store: the installed one, as ``validate``."""
    written = tmp_path / "seed.xml"
    written.write_bytes(to_jats(load_article(SEED)).data)
    assert validate_file(written) == [] == validate_file(written, store)
    broken = (
        written.read_bytes()
        .replace(b"<volume>", b"<volume-x>")
        .replace(b"</volume>", b"</volume-x>")
    )
    [problem, *_] = validate_bytes(broken)
    assert str(problem).startswith("<bytes>:"), problem
    assert "<volume-x> is not allowed in <article-meta>" in problem.message


def test_verdict_tells_invalid_from_not_checked(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A caller tells "invalid" from "not checked" (not well-formed, not JATS, its DTD not
    installed) as ``validate --json`` does, with the code ``validate`` exits with for that file:
    problems alone say neither."""
    valid = tmp_path / "valid.xml"
    valid.write_bytes(to_jats(load_article(SEED)).data)
    invalid = tmp_path / "invalid.xml"
    invalid.write_bytes(
        valid.read_bytes().replace(b"<volume>", b"<vol>").replace(b"</volume>", b"</vol>")
    )
    cut = tmp_path / "cut.xml"
    cut.write_bytes(valid.read_bytes().replace(b"</article>", b""))
    expected = {
        valid: ("valid", 0),
        invalid: ("invalid", 1),
        cut: ("not checked", 3),
        SEED: ("not checked", 3),  # an article input file, not JATS
        tmp_path / "none.xml": ("not checked", 3),  # cannot be read
    }
    for path, (status, code) in expected.items():
        verdict = verdict_file(str(path))
        assert (verdict.status, verdict.exit_code) == (status, code), path
        cli = run("validate", path, "--json")
        assert cli.code == code, cli.err
        assert json.loads(cli.out) == [verdict.as_dict(str(path))]
        if path.exists():
            assert verdict_bytes(path.read_bytes(), str(path)) == verdict
            assert validate_bytes(path.read_bytes(), str(path)) == verdict.problems
    assert verdict_file(cut).problems, "a document not checked says why"
    # A store without the NLM 3.0 DTD: the NLM file is not checked, exit 4 (set-up), as the CLI
    only_jats = _rejecting_store(tmp_path / "dtds")
    verdict = verdict_file(NLM, only_jats)
    assert (verdict.status, verdict.exit_code) == ("not checked", 4)
    assert "not checked:" in verdict.problems[0].message
    cli = run("validate", NLM, "--schema-dir", only_jats, "--json")
    assert cli.code == 4
    (said,) = json.loads(cli.out)
    # (the library's line names the API's ways to give the DTDs' folder, the command's not)
    api = " (or give a folder that holds it: Options(grammars=...), grammars= or store=, or set "
    said["problems"][0]["message"] += api + "JATSCONV_SCHEMA_DIR)"
    assert said == verdict.as_dict(str(NLM))
    # No DTDs at all: SetupError, as 'validate' exits 4 before reading anything
    monkeypatch.setenv("JATSCONV_SCHEMA_DIR", str(tmp_path / "empty"))
    with pytest.raises(SetupError, match="the JATS DTDs are not installed"):
        verdict_file(cut)
    assert run("validate", cut).code == 4


def test_dtd_store_given_as_a_path(tmp_path: Path, store) -> None:
    """``Grammars``, ``to_jats(grammars=)``, ``Options(grammars=)`` and ``validate_file(store=)``
    take the DTD folder as text, as every path argument does (they raised ``AttributeError``)."""
    article = load_article(SEED)
    folder = str(store.root)
    assert Grammars(folder).installed() and Grammars(folder) == Grammars(store.root)
    output = to_jats(article, grammars=folder)
    assert output.valid, output.problems
    assert output.data == to_jats(article, grammars=store).data
    written = tmp_path / "seed.xml"
    written.write_bytes(output.data)
    checked = xmllint(written, store.catalog)
    assert checked.returncode == 0, checked.stderr
    assert render(article, Options(grammars=folder)).data == output.data
    assert validate_file(written, folder) == [] == validate_file(written, store.root)
    assert verdict_file(written, folder).status == "valid"
    # The folder given is the one used: a store that rejects every article says so.
    rejecting = str(_rejecting_store(tmp_path / "dtds"))
    assert not to_jats(article, grammars=rejecting).valid
    assert not render(article, Options(grammars=Path(rejecting))).valid
    for call in (
        lambda: to_jats(article, grammars=True),  # type: ignore[arg-type]
        lambda: Options(grammars=1.4),  # type: ignore[arg-type]
        lambda: Grammars(None),  # type: ignore[arg-type]
        lambda: validate_file(written, store=42),  # type: ignore[arg-type]
    ):
        with pytest.raises(TypeError, match=r"(grammars|store|Grammars).*(path|Grammars)"):
            call()


def test_warnings_are_notices_and_strict_refuses_data_dropped(tmp_path: Path) -> None:
    """Each warning is a ``Notice``: a ``str`` with a ``kind``. The "data dropped" ones, found
    as the README shows, are exactly what ``Options(strict=True)`` refuses."""
    source = tmp_path / "a1.xml"
    source.write_text(DROPPING_JATS.replace("{n}", "1"), encoding="utf-8")
    [item] = read_articles(source)
    assert all(isinstance(w, Notice) and isinstance(w, str) for w in item.warnings)
    dropped = [w for w in item.warnings if w.kind == "data dropped"]
    assert dropped == ["contrib-type 'guest' is not in the model: contributor left out"]
    assert {w.kind for w in item.warnings} == {"data dropped", "markup simplified", "out of scope"}
    [strict] = convert_file(source, tmp_path / "out", options=Options(strict=True))
    assert strict.status == "bad-input"
    assert strict.problems == [
        f"{source}: data dropped (--strict makes this an error): {w}" for w in dropped
    ]
    assert [w.kind for w in strict.warnings] == [w.kind for w in item.warnings]
    [lenient] = convert_file(source, tmp_path / "out", options=Options())
    assert lenient.status == "converted", lenient.problems
    # A warning a caller's own reader gives as plain text is a Notice too: data dropped.
    [plain] = Loaded("x.yaml", "x", warnings=["licence left out"]).warnings
    assert (plain, plain.kind) == ("licence left out", "data dropped")


# --------------------------------------------------------------- data without files


def test_parsed_data_becomes_an_article() -> None:
    """A web service holding the article as parsed data (and the journal as an object) gets
    the article ``load_article`` reads from the file, and the same one-line problems."""
    data = yaml.safe_load(BILINGUAL.read_text(encoding="utf-8"))
    journal = load_article(BILINGUAL).journal
    assert isinstance(journal, Journal)
    article = article_from_data(data, "upload.yaml", journal=journal)
    assert to_jats(article).data == to_jats(load_article(BILINGUAL)).data
    with pytest.raises(InputError, match=r"^upload\.yaml: authors\[0\]\.orcid: checksum fails"):
        article_from_data(
            {**data, "authors": [{**data["authors"][0], "orcid": "0000-0002-1825-0098"}]},
            "upload.yaml",
            journal=journal,
        )
    for wrong in ([], "title: x", None):
        with pytest.raises(InputError, match=r"^upload\.yaml: expected a mapping of fields"):
            article_from_data(wrong, "upload.yaml", journal=journal)  # type: ignore[arg-type]


def test_read_articles_gives_warnings_as_data(run, tmp_path: Path) -> None:
    """Articles of any format read without converting them, each with the warnings
    ``jatsconv convert`` prints for it (as data: the library prints nothing)."""
    for source in (SAMPLES / "ojs" / "2019-1" / "issue.xml", NLM):
        cli = run("convert", source, "-o", tmp_path / source.stem, "--json")
        expected = [(r["source"], r.get("warnings", [])) for r in json.loads(cli.out)]
        loaded = read_articles(source)
        assert all(isinstance(item.article, Article) for item in loaded)
        got = [(item.name, [w.as_dict() for w in item.warnings]) for item in loaded]
        assert got == expected
    [nlm] = read_articles(NLM)
    assert [(str(w), w.kind) for w in nlm.warnings] == [
        ("the body is not read (front matter and references only)", "out of scope")
    ]


def test_render_writes_other_formats_in_memory(run, tmp_path: Path) -> None:
    """``render`` gives the DOAJ and meta-tag files ``convert --to`` writes, without a file."""
    article = load_article(BILINGUAL)
    for target, suffix in (("doaj", ".doaj.xml"), ("meta-tags", ".meta.html")):
        result = run("convert", BILINGUAL, "--to", target, "-o", tmp_path)
        assert result.code == 0, result.err
        output = render(article, Options(target=target))
        assert output.valid and output.suffix == suffix
        assert output.data == (tmp_path / f"streltsov-6{suffix}").read_bytes()


def test_pmc_profile_writes_what_convert_writes(run, tmp_path: Path) -> None:
    """``Options(profiles=("pmc",))`` writes JATS 1.3, as ``convert --profile pmc`` does, and a
    version given keeps it: the CLI is thin over the API, so the two cannot write apart."""
    article = load_article(BILINGUAL)
    result = run("convert", BILINGUAL, "--profile", "pmc", "--no-validate", "-o", tmp_path)
    assert result.code == 0, result.err
    output = render(article, Options(profiles=("pmc",)), "streltsov-6.xml")
    assert b'dtd-version="1.3"' in output.data
    assert output.data == (tmp_path / "streltsov-6.xml").read_bytes()
    assert Options(profiles=("pmc",)).version == "1.3"
    assert Options(version="1.4", profiles=("pmc",)).version == "1.4"
    assert Options().version == "1.4"
    assert b'dtd-version="1.4"' in render(article, Options(version="1.4", profiles=("pmc",))).data


def test_replacing_the_profiles_keeps_the_version_unless_it_is_given_as_none() -> None:
    """``dataclasses.replace`` copies ``options.version`` as it was chosen (1.4 for no
    profile): the README says so, and ``version=None`` beside new profiles chooses again."""
    import dataclasses

    plain = Options()
    assert dataclasses.replace(plain, profiles=("pmc",)).version == "1.4"
    assert dataclasses.replace(plain, version=None, profiles=("pmc",)).version == "1.3"


# ------------------------------------------------------------ a long-running service

JOURNAL_TEXT = "title: {{en: {title}}}\nissn: {{electronic: 2658-6789}}\n"
ARTICLE_TEXT = (
    "title: {en: A title}\nauthors:\n  - name: {surname: Ivanova}\npublished: {collection: 2020}\n"
)


def _journal_title(article: Path) -> str:
    """The journal title the JATS of ``article`` carries."""
    data = to_jats(load_article(article)).data.decode()
    return re.search(r"<journal-title>(.*?)</journal-title>", data).group(1)  # type: ignore[union-attr]


def test_journal_files_kept_are_bounded_and_a_changed_one_is_read_again(tmp_path: Path) -> None:
    """A service converting for many journals keeps at most ``JOURNAL_FILES_KEPT`` journal
    files read, not one per journal it ever met; a journal forgotten, or changed on disk (even
    rewritten within the same clock tick, or replaced by a rename), is read again."""
    from converter.readers.native import JOURNAL_FILES_KEPT, _default_cache

    articles = []
    for n in range(JOURNAL_FILES_KEPT + 40):
        folder = tmp_path / f"journal-{n}"
        folder.mkdir()
        (folder / "journal.yaml").write_text(JOURNAL_TEXT.format(title=f"Journal {n:03}"), "utf-8")
        (folder / "a.yaml").write_text(ARTICLE_TEXT, "utf-8")
        articles.append(folder / "a.yaml")
        assert load_article(articles[-1]).journal.title["en"] == f"Journal {n:03}"  # type: ignore[union-attr]
        assert len(_default_cache.files) <= JOURNAL_FILES_KEPT
    assert len(_default_cache.files) == JOURNAL_FILES_KEPT
    assert _journal_title(articles[0]) == "Journal 000"  # forgotten, read again
    # Rewritten in place, same size, its modification time put back: read again.
    journal = articles[0].parent / "journal.yaml"
    before = journal.stat()
    journal.write_text(JOURNAL_TEXT.format(title="Journal AAA"), "utf-8")
    os.utime(journal, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert journal.stat().st_size == before.st_size
    assert _journal_title(articles[0]) == "Journal AAA"
    # Replaced by a rename (an editor's or an atomic save), again with the old time.
    replacement = journal.with_name("journal.new")
    replacement.write_text(JOURNAL_TEXT.format(title="Journal BBB"), "utf-8")
    os.utime(replacement, ns=(before.st_atime_ns, before.st_mtime_ns))
    replacement.replace(journal)
    assert _journal_title(articles[0]) == "Journal BBB"


def test_output_folders_remembered_are_bounded(tmp_path: Path) -> None:
    """A service writing each upload's outputs into a folder of its own remembers at most
    ``FOLDERS_SWEPT_KEPT`` folders as swept; a folder it forgot is swept again at its next
    write: another run's left-over temporary file there is removed."""
    from converter import api

    first = tmp_path / "upload-0"
    for n in range(api.FOLDERS_SWEPT_KEPT + 20):
        api.write_output(tmp_path / f"upload-{n}" / "a.xml", b"<article/>")
        assert len(api._swept) <= api.FOLDERS_SWEPT_KEPT
    assert len(api._swept) == api.FOLDERS_SWEPT_KEPT
    left = first / f".a.xml.abcd1234.0ther0st-123-1{TEMP_SUFFIX}"
    left.write_text("half an output")
    then = os.stat(left).st_mtime - STALE_AGE - 60
    os.utime(left, (then, then))
    api.write_output(first / "b.xml", b"<article/>")
    assert sorted(p.name for p in first.iterdir()) == ["a.xml", "b.xml"]


# ------------------------------------------------------------------------ the README


def _readme_api() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## Python API\n")
    return text[start : text.index("\n## ", start + 1)]


def test_readme_examples_print_what_it_shows(tmp_path: Path) -> None:
    """Each example of the README's Python API section, run as written from a folder holding
    the samples, prints the text block shown after it, and nothing on standard error."""
    blocks = re.findall(r"```(\w+)\n(.*?)```", _readme_api(), re.S)
    examples = [
        (code, blocks[n + 1][1] if n + 1 < len(blocks) and blocks[n + 1][0] == "text" else None)
        for n, (kind, code) in enumerate(blocks)
        if kind == "python"
    ]
    assert len(examples) >= 5
    (tmp_path / "samples").symlink_to(SAMPLES)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "JATSCONV_STATE_DIR": str(tmp_path / "state"),
        "JATSCONV_CONFIG": str(tmp_path / "no-config.toml"),
    }
    for code, shown in examples:
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert (done.returncode, done.stderr) == (0, ""), code
        if shown is not None:
            assert done.stdout == shown, code


def test_readme_documents_every_public_name() -> None:
    """Every name ``converter`` exports has its row in the README's Python API section."""
    first_cells = re.findall(r"^\| (.+?) \|", _readme_api(), re.M)
    documented = {name for cell in first_cells for name in re.findall(r"`(\w+)", cell)}
    assert set(converter.__all__) - documented == set()


def test_bytes_and_reference_text_of_the_wrong_type_say_what_is_taken() -> None:
    """``validate_bytes`` took text without an XML declaration and gave lxml's "Unicode strings
    with encoding declaration are not supported" for text with one; ``parse_reference(None)``
    gave "argument of type 'NoneType' is not iterable". Each says what it takes."""
    from converter.citations import explain, parse_reference

    text = SEED.with_suffix(".xml").read_text(encoding="utf-8")
    for function in (validate_bytes, verdict_bytes):
        with pytest.raises(
            TypeError,
            match=rf"^{function.__name__}: data is the document's bytes, not str: give its bytes",
        ):
            function(text)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="the document's bytes, not str"):
            function("<article/>")  # type: ignore[arg-type]
    assert validate_bytes(bytearray(SEED.with_suffix(".xml").read_bytes())) == []
    for reading in (parse_reference, explain):
        with pytest.raises(
            TypeError, match=rf"^{reading.__name__}: text is one reference as a str, not None$"
        ):
            reading(None)  # type: ignore[arg-type]


def test_checks_and_references_are_in_the_package_without_loading_them_at_import() -> None:
    """``check_file`` and ``explain`` lived only in ``converter.checks`` and
    ``converter.citations``: ``from converter import check_file`` failed. They are public
    names of the package now, loaded on first use as the others (a short command pays
    nothing for them)."""
    from converter.checks import run as checks_run
    from converter.citations import parse as citations_parse

    names = ("check_file", "check_bytes", "CheckReport", "Finding", "parse_reference")
    names += ("explain", "Reading", "Citation")
    assert set(names) <= set(converter.__all__)
    assert converter.check_file is checks_run.check_file
    assert converter.explain is citations_parse.explain
    sample = SAMPLES / "japanese-studies-in-russia" / "2018-3" / "streltsov-6.xml"
    report = converter.check_file(sample, ["crossref"])
    assert (report.errors, report.findings) == (0, [])
    code = (
        "import sys, converter\n"
        "print(sorted(m for m in sys.modules if m.startswith(('converter.checks', "
        "'converter.citations'))))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.stdout == "[]\n", done.stderr


def test_dtds_not_installed_names_the_api_s_way_to_give_them(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Python caller without DTDs was told to set ``--schema-dir``, an option it has no
    way to pass. The library's line names ``Options(grammars=...)``, ``grammars=``, ``store=``
    and the environment variable; the commands' line is what it was."""
    none = tmp_path / "none"
    monkeypatch.setenv("JATSCONV_SCHEMA_DIR", str(none))
    api_line = (
        f"the JATS DTDs are not installed in {none}: run 'jatsconv schemas install' (or give a "
        "folder that holds them: Options(grammars=...), grammars= or store=, or set "
        "JATSCONV_SCHEMA_DIR)"
    )
    article = load_article(SEED)
    calls = (
        lambda: convert_file(SEED, tmp_path / "out"),
        lambda: to_jats(article, grammars=none),
        lambda: render(article, Options(grammars=none)),
        lambda: validate_bytes(SEED.with_suffix(".xml").read_bytes()),
        lambda: verdict_file(SEED.with_suffix(".xml")),
    )
    for call in calls:
        with pytest.raises(SetupError) as raised:
            call()
        assert str(raised.value) == api_line
    result = run("convert", SEED, "-o", tmp_path / "out")
    assert result.code == 4
    assert result.err == (
        f"jatsconv: the JATS DTDs are not installed in {none}: run 'jatsconv schemas install' "
        "(or set JATSCONV_SCHEMA_DIR / --schema-dir to a folder that holds them)\n"
    )


def test_model_validate_raises_pydantic_s_error_and_article_from_data_the_tool_s() -> None:
    """The README sent API users to ``Article.model_validate`` without saying that it raises
    pydantic's multi-line ``ValidationError``, not the tool's one line a field. What the
    README now says of each is what each does."""
    import pydantic

    data = {"title": {"en": "A title"}, "titel": 1}
    with pytest.raises(pydantic.ValidationError) as raised:
        Article.model_validate(data)
    assert isinstance(raised.value, ValueError) and not isinstance(raised.value, InputError)
    assert "Extra inputs are not permitted" in str(raised.value)
    with pytest.raises(InputError) as said:
        article_from_data(data, journal=JOURNAL)
    assert said.value.problems == ["titel: unknown field (did you mean title?)"]
    kept = Article.model_validate({"title": {"en": "A title"}, "journal": str(JOURNAL)})
    assert kept.journal == str(JOURNAL)
    with pytest.raises(InputError, match=r"journal: '.*' is a path, not read"):
        render(kept, Options())
    api = _readme_api()
    assert "`Article.model_validate` is pydantic's own: bad data raises pydantic's" in api
    assert "data from users goes to `article_from_data`" in api


def test_options_says_it_takes_the_dtd_folder_as_a_path() -> None:
    """``Options(grammars="dtds")`` works and the README says so, but the hint said
    ``Grammars | None``: a type checker refused the documented call. The parameter's hint
    takes a folder (at run time, ``help(Options)``, and for type checkers, the ``__init__``
    they read); the field the writers read stays a ``Grammars`` or None."""
    import ast
    import dataclasses
    import inspect
    import typing

    from converter import options as options_module

    taken = typing.get_type_hints(Options.__init__)["grammars"]
    assert {str, os.PathLike[str], Grammars, type(None)} <= set(typing.get_args(taken))
    assert inspect.signature(Options).parameters["grammars"].annotation == "GrammarsArg"
    assert typing.get_type_hints(Options)["grammars"] == Grammars | None
    assert Options(grammars="dtds").grammars == Grammars("dtds")
    # The type checkers' __init__ has the fields' names, order and defaults.
    tree = ast.parse(Path(options_module.__file__).read_text(encoding="utf-8"))
    [cls] = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Options"]
    [init] = [n for n in ast.walk(cls) if isinstance(n, ast.FunctionDef) and n.name == "__init__"]
    stub = {
        a.arg: ast.literal_eval(d)
        for a, d in zip(init.args.args[1:], init.args.defaults, strict=True)
    }
    fields = {f.name: f.default for f in dataclasses.fields(Options)}
    assert list(stub) == list(fields) and stub == fields
    assert ast.unparse(init.args.args[4].annotation) == "GrammarsArg"


def test_a_dtd_or_the_jats4r_rules_missing_names_the_api_s_way_through_the_library(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store: Grammars
) -> None:
    """A store lacking one DTD ('see jatsconv schemas list'), an NLM DTD no store holds, and
    the JATS4R rules not installed named only commands to a Python caller. The library's
    lines name its ways; the commands' lines are what they were (and a batch with --profile
    jats4r and no rules stops with that line, exit 4, not an internal error per article)."""
    from converter import check_bytes
    from converter.grammars import ENV_VAR

    api = f"Options(grammars=...), grammars= or store=, or set {ENV_VAR}"
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "catalog.xml").write_text(
        '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"/>', encoding="utf-8"
    )
    with pytest.raises(SetupError) as raised:
        to_jats(load_article(SEED), grammars=empty)
    public_id = "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.4 20241031//EN"
    assert str(raised.value) == (
        f"no DTD installed for {public_id!r} in {empty} (its .article_dtds() lists those it "
        f"holds; or give a folder that holds it: {api})"
    )
    result = run("convert", SEED, "--schema-dir", empty, "-o", tmp_path / "out")
    assert (result.code, result.err) == (
        4, f"jatsconv: no DTD installed for {public_id!r} (see 'jatsconv schemas list')\n"
    )  # fmt: skip
    archiving = tmp_path / "archiving.xml"
    archiving.write_text(
        NLM.read_text(encoding="utf-8").replace(
            "Journal Publishing DTD v3.0 20080202",
            "Journal Archiving and Interchange DTD v3.0 20080202",
            1,
        ),
        encoding="utf-8",
    )
    verdict = verdict_file(archiving, store)
    (problem,) = verdict.problems
    assert (verdict.exit_code, problem.message.startswith("not checked: the NLM ")) == (4, True)
    assert problem.message.endswith(
        "'jatsconv schemas install --from archive-interchange-dtd-3.0.zip' (or give a folder "
        f"that holds it: {api})"
    )
    said = run("validate", archiving)
    assert said.code == 4
    assert said.out.rstrip().endswith("--from archive-interchange-dtd-3.0.zip'")
    none = tmp_path / "no-rules"
    monkeypatch.setenv("JATSCONV_SCHEMATRON_DIR", str(none))
    with pytest.raises(SetupError) as raised:
        check_bytes(SEED.with_suffix(".xml").read_bytes(), "a.xml", ("jats4r",))
    command = (
        f"the JATS4R Schematron rules are not installed in {none}: run 'jatsconv schemas "
        "install-jats4r'"
    )
    assert str(raised.value) == (
        f"{command} (or set JATSCONV_SCHEMATRON_DIR to a folder that holds them, in os.environ "
        "too: check_file, check_bytes and Options(profiles=...) take no argument for it)"
    )
    line = f"jatsconv: {command} (or set JATSCONV_SCHEMATRON_DIR)\n"
    for args in (
        ("check", "--profile", "jats4r", SEED.with_suffix(".xml")),
        ("batch", SEED, "--profile", "jats4r", "-o", tmp_path / "batch", "-q", "-j", "1"),
    ):
        result = run(*args)
        assert (result.code, result.err) == (4, line)


def test_reference_text_given_as_a_list_says_what_is_taken() -> None:
    """A list of references given where one is taken (``parse_reference(["Smith J. …"])``)
    says it takes one reference as a str; it gave "unhashable type: 'list'", and the parses
    a conversion repeats were no longer remembered."""
    from converter.citations import explain, parse_reference

    for reading in (parse_reference, explain):
        with pytest.raises(
            TypeError, match=rf"^{reading.__name__}: text is one reference as a str, not list$"
        ):
            reading(["Smith J. A study. Nature. 2010;1:1-2."])  # type: ignore[arg-type]
    text = "Иванов И. И. Теория поля // Вопросы философии. 1975. № 3. С. 10–20."
    from converter.citations.parse import _parsed

    parse_reference(text)
    hits = _parsed.cache_info().hits
    assert parse_reference(text) == parse_reference(text)
    assert _parsed.cache_info().hits == hits + 2  # (remembered: parsed once)


def test_check_bytes_given_text_says_it_takes_bytes() -> None:
    """``check_bytes``, exported beside ``validate_bytes``, takes the document's bytes as it
    does: text with an XML declaration (what ``read_text`` gives) raised lxml's "Unicode
    strings with encoding declaration are not supported", and None "a bytes-like object is
    required"."""
    from converter import check_bytes

    text = SEED.with_suffix(".xml").read_text(encoding="utf-8")
    with pytest.raises(
        TypeError, match=r"^check_bytes: data is the document's bytes, not str: give its bytes"
    ):
        check_bytes(text, "article.xml")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^check_bytes: data is the document's bytes, not None$"):
        check_bytes(None, "article.xml")  # type: ignore[arg-type]
    data = SEED.with_suffix(".xml").read_bytes()
    assert check_bytes(bytearray(data), "article.xml").errors == 0


def test_an_argument_given_as_none_is_named_none_not_nonetype() -> None:
    """A ``TypeError`` names what the caller wrote: ``None``, not Python's ``NoneType``
    (``parse_reference(None)``: "… not NoneType"); ``Options(profiles=None)`` and
    ``check_file(…, profiles=None)`` said "argument of type 'NoneType' is not iterable", and
    ``Options(doaj_language=5)`` raised ``AttributeError`` from inside."""
    from converter import Grammars, Options, check_bytes, check_file, explain, parse_reference

    calls = {
        "parse_reference: text is one reference as a str, not None": lambda: parse_reference(None),
        "explain: text is one reference as a str, not None": lambda: explain(None),
        "validate_bytes: data is the document's bytes, not None": lambda: validate_bytes(None),
        "verdict_bytes: data is the document's bytes, not None": lambda: verdict_bytes(None),
        "check_bytes: data is the document's bytes, not None": lambda: check_bytes(None, "a"),
        "Grammars: the DTD folder is a path (str or os.PathLike), not None": lambda: Grammars(None),
        "profiles: a tuple of profile names, ('pmc',), not None": lambda: Options(profiles=None),
        "doaj_language: a language code as a str ('en'), not int": lambda: Options(doaj_language=5),
    }
    for message, call in calls.items():
        with pytest.raises(TypeError) as raised:
            call()
        assert str(raised.value) == message
    with pytest.raises(
        TypeError, match=r"^profiles: a tuple of profile names, \('pmc',\), not None$"
    ):
        check_file(SEED.with_suffix(".xml"), profiles=None)  # type: ignore[arg-type]
    assert Options(profiles=["pmc"]).version == "1.3"  # (a list is still taken)


def test_a_citation_changed_by_a_caller_changes_no_later_answer() -> None:
    """``parse_reference`` remembers its answers, and gave the one ``Citation`` it kept to
    every caller: one who set its title or added an author changed what every later call for
    that text got. Each call now gets a copy of its own, lists too, every field copied."""
    from converter.citations import Citation, parse_reference

    text = "Smith J, Brown K. A study of things. Nature. 2010;465(7):1-12."
    first = parse_reference(text)
    assert first is not None and first.authors
    kept = {name: getattr(first, name) for name in Citation.__slots__}
    kept["authors"], kept["editors"] = list(first.authors), list(first.editors)
    first.title = "changed"
    first.authors.append("Intruder X")
    first.editors.append("Editor Y")
    again = parse_reference(text)
    assert again is not None and again is not first
    assert {name: getattr(again, name) for name in Citation.__slots__} == kept


def test_a_verdict_with_no_dtds_installed_is_a_setup_error_as_documented(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``verdict_file`` and ``verdict_bytes`` raise ``SetupError`` when the store holds no
    DTDs, an unreadable file too (``validate`` exits 4 before reading), while their docstrings
    and the README's row promised a ``not checked`` verdict ("or its DTD not installed"): the
    documents now say what the code does, and a DTD the store lacks is still ``not checked``."""
    from converter import validation

    monkeypatch.setenv("JATSCONV_SCHEMA_DIR", str(tmp_path / "empty"))
    data = SEED.with_suffix(".xml").read_bytes()
    for call in (
        lambda: verdict_file(SEED.with_suffix(".xml")),
        lambda: verdict_file(tmp_path / "none.xml"),
        lambda: verdict_bytes(data, "a.xml"),
    ):
        with pytest.raises(SetupError, match="the JATS DTDs are not installed"):
            call()
    for function in (validation.verdict_file, validation.verdict_bytes, validation.Verdict):
        assert "SetupError" in " ".join((function.__doc__ or "").split()), function
    row = next(line for line in _readme_api().splitlines() if line.startswith("| `verdict_file("))
    assert "holds no DTDs at all raises `SetupError`" in row
