"""A reference DOI typed with en dashes or other hyphen look-alikes is read the same way by
every reader: set right in the reference's text (and its DOI field), said once per reference,
and written as a DOI a registry holds; dashes that are no part of a DOI stay as written."""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from lxml import etree
from test_readers_crossref import DEPOSIT

from conftest import SAMPLES, SEED, xmllint
from converter import article_from_data, load_article, to_jats
from converter.checks import check_bytes
from converter.notices import SIMPLIFIED
from converter.readers import ReadContext, read_source

TYPED = "10.1007/s00338\u2013011\u20130800\u20130"  # as PMC's PLOS files and Word set it
RIGHT = "10.1007/s00338-011-0800-0"
CITED = f"Reef A. Corals after antibiotics. Coral Reefs. 2011;30:1121\u201333. doi:{TYPED}"
SAID = f"DOI '{TYPED}' read as '{RIGHT}'"
SEED_JOURNAL = SEED.parent.parent / "journal.yaml"


def _yaml(folder: Path) -> Path:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    # the same DOI in the text of two languages is still one fact, said once
    data["references"].append({"text": {"en": CITED, "ru": f"Риф А. Кораллы. doi:{TYPED}"}})
    shutil.copy(SEED_JOURNAL, folder / "journal.yaml")
    path = folder / "article.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _csv(folder: Path) -> Path:
    shutil.copy(SEED_JOURNAL, folder / "journal.yaml")
    path = folder / "issue.csv"
    path.write_text(
        f'title,volume,fpage,reference1,reference2\nRow,1,5,"{CITED}",Plain 2001\u20132002.\n',
        encoding="utf-8",
    )
    return path


def _ojs(folder: Path) -> Path:
    shutil.copy(SAMPLES / "ojs" / "journal.yaml", folder / "journal.yaml")
    export = (SAMPLES / "ojs" / "2019-1" / "issue.xml").read_text(encoding="utf-8")
    path = folder / "issue.xml"
    path.write_text(
        export.replace("<citations>", f"<citations>\n<citation>{CITED}</citation>", 1),
        encoding="utf-8",
    )
    return path


PAGE = SAMPLES / "html" / "2018-1" / "streltsov-110.html"
TAG = '\t<meta name="citation_reference"'  # (the page's first such tag: one more before it)


def _html_list(folder: Path) -> Path:
    """The page's visible list (its tags too: the list is read when it holds as many)."""
    page = PAGE.read_text(encoding="utf-8").replace(
        '<div class="value">\n\t\t\t\t\t\t<p>Batin',
        f'<div class="value">\n\t\t\t\t\t\t<p>{CITED}</p>\n\t\t\t\t\t\t<p>Batin',
        1,
    )
    page = page.replace(TAG, f'{TAG} content="{CITED}"/>\n{TAG}', 1)
    path = folder / "page.html"
    path.write_text(page, encoding="utf-8")
    return path


def _html_tags(folder: Path) -> Path:
    """A structured citation_reference (PLOS's, Nature's): its citation_doi in the text."""
    tag = (
        "citation_title=Corals after antibiotics; citation_author=Reef, A.; "
        f"citation_journal_title=Coral Reefs; citation_year=2011; citation_doi={TYPED}"
    )
    page = PAGE.read_text(encoding="utf-8").replace(TAG, f'{TAG} content="{tag}"/>\n{TAG}', 1)
    path = folder / "page.html"
    path.write_text(page, encoding="utf-8")
    return path


def _crossref_json(folder: Path) -> Path:
    """A REST API work: the DOI in the reference's text and in its DOI field, said once."""
    work = json.loads((SAMPLES / "crossref" / "2018-3" / "streltsov-6.json").read_bytes())
    work["message"]["reference"].insert(0, {"key": "ref0", "unstructured": CITED, "DOI": TYPED})
    path = folder / "work.json"
    path.write_text(json.dumps(work, ensure_ascii=False), encoding="utf-8")
    return path


def _crossref_deposit(folder: Path) -> Path:
    path = folder / "deposit.xml"
    path.write_text(
        DEPOSIT.replace(
            "<unstructured_citation>A reference.</unstructured_citation>",
            f"<unstructured_citation>{CITED}</unstructured_citation><doi>{TYPED}</doi>",
        ),
        encoding="utf-8",
    )
    return path


def _jats(folder: Path) -> Path:
    article = (SAMPLES / "crossref" / "2018-3" / "streltsov-6.xml").read_text(encoding="utf-8")
    path = folder / "article.xml"
    path.write_text(
        article.replace(
            "<ref-list>",
            f'<ref-list>\n<ref id="r0"><mixed-citation>{CITED}</mixed-citation></ref>',
            1,
        ),
        encoding="utf-8",
    )
    return path


# (the source, and how its reader names the reference in the line that says it)
SOURCES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "yaml": (_yaml, "references[6]"),
    "csv": (_csv, "references[0] (column reference1)"),
    "ojs": (_ojs, "references[0]"),
    "html list": (_html_list, "references[0]"),
    "html tags": (_html_tags, "references[0]"),
    "crossref json": (_crossref_json, "reference[0]"),
    "crossref deposit": (_crossref_deposit, "<citation key='ref1'>"),
    "jats": (_jats, "reference r0"),
}


@pytest.mark.parametrize("source", SOURCES)
def test_every_reader_sets_a_dashed_reference_doi_right_and_says_it_once(
    run, tmp_path: Path, store, source: str
) -> None:
    make, where = SOURCES[source]
    path = make(tmp_path)
    [loaded, *_] = list(read_source(path, None, ReadContext()))
    assert loaded.article is not None, loaded.problems
    said = [w for w in loaded.warnings if "DOI" in w and "read as" in w]
    assert said == [f"{where}: {SAID}"]
    assert said[0].kind == SIMPLIFIED

    out = tmp_path / "out"
    result = run("convert", path, "-o", out)
    assert result.code == 0, result.err
    written = sorted(out.glob("*.xml"))[0]
    checked = xmllint(written, store.catalog)
    assert checked.returncode == 0, checked.stderr
    tree = etree.parse(str(written))
    dois = tree.xpath("//ref//pub-id[@pub-id-type='doi']/text()")
    assert RIGHT in dois
    assert all(doi.isascii() for doi in dois)
    report = check_bytes(written.read_bytes(), str(written), ("general",))
    assert not [f for f in report.findings if f.rule == "doi-syntax"]


def test_dashes_that_are_no_part_of_a_doi_stay_as_written(tmp_path: Path) -> None:
    """A page range, a range of years: only a DOI is set right."""
    [loaded] = list(read_source(_csv(tmp_path), None, ReadContext()))
    first, second = loaded.article.references
    assert first.text == {"en": CITED.replace(TYPED, RIGHT)}
    assert "2011;30:1121\u201333." in first.text["en"]
    assert second.text == {"en": "Plain 2001\u20132002."}


def _with_dashed_reference() -> dict:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data["references"].append({"text": {"en": CITED}})
    return data


def _jats_dois(output: bytes, tmp_path: Path, store) -> list[str]:
    """The reference DOIs of ``output``, once xmllint has found it valid."""
    written = tmp_path / "api.xml"
    written.write_bytes(output)
    checked = xmllint(written, store.catalog)
    assert checked.returncode == 0, checked.stderr
    return etree.fromstring(output).xpath("//ref//pub-id[@pub-id-type='doi']/text()")


def test_the_python_api_sets_a_dashed_reference_doi_right_and_says_it(
    tmp_path: Path, store
) -> None:
    """An article built through the API (``article_from_data``, ``load_article``) gets the
    readers' repair: the line saying it in ``said``, the output a DOI a registry holds."""
    said: list = []
    article = article_from_data(
        _with_dashed_reference(), "upload.yaml", journal=SEED_JOURNAL, said=said
    )
    assert said == [f"references[6]: {SAID}"]
    assert said[0].kind == SIMPLIFIED
    output = to_jats(article, grammars=store)
    assert output.valid, output.problems
    dois = _jats_dois(output.data, tmp_path, store)
    assert RIGHT in dois and all(doi.isascii() for doi in dois)
    report = check_bytes(output.data, "api.xml", ("general",))
    assert not [f for f in report.findings if f.rule == "doi-syntax"]

    # without ``said``, set right all the same
    shutil.copy(SEED_JOURNAL, tmp_path / "journal.yaml")
    path = tmp_path / "article.yaml"
    path.write_text(yaml.safe_dump(_with_dashed_reference(), allow_unicode=True), "utf-8")
    loaded = load_article(path)
    assert loaded.references[6].text == {"en": CITED.replace(TYPED, RIGHT)}


def test_the_web_apps_edit_form_sets_a_dashed_reference_doi_right_and_says_it(
    tmp_path: Path, store
) -> None:
    """A reference pasted into the edit form with an en-dash DOI: saved set right, the note on
    the article's row, the JATS valid and without the DOI no registry holds."""
    import lxml.html

    from converter.web.app import create_app
    from converter.web.workspace import Workspace

    workspace = Workspace(store)
    try:
        client = create_app(workspace).test_client()
        token = re.search(r'name="_token" value="([^"]+)"', client.get("/").text).group(1)
        files = [(io.BytesIO(p.read_bytes()), p.name) for p in (SEED, SEED_JOURNAL)]
        client.post("/upload", data={"_token": token, "files": files},
                    content_type="multipart/form-data")  # fmt: skip
        row = workspace.rows[1]
        edited = {**row.data, "references": [*row.data["references"], {"text": {"en": CITED}}]}
        assert workspace.save(row, edited) == []
        assert row.data["references"][-1]["text"] == {"en": CITED.replace(TYPED, RIGHT)}
        [shown] = lxml.html.fromstring(client.get("/").text).find_class("row")
        assert f"{SAID}" in shown.text_content()
        assert shown.find_class("status")[0].text == "valid"
        dois = _jats_dois(row.jats, tmp_path, store)
        assert RIGHT in dois and all(doi.isascii() for doi in dois)
    finally:
        workspace.close()
