"""`jatsconv validate`: JATS 1.0–1.4 chosen by DOCTYPE, FILE:LINE:COL, hostile input refused."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from conftest import SEED, xmllint
from converter.errors import EXIT_INPUT, EXIT_INVALID
from converter.validation import validate_file

SEED_XML = SEED.with_suffix(".xml")


def _broken(tmp_path: Path) -> Path:
    text = SEED_XML.read_text(encoding="utf-8").replace(
        "<volume>1</volume>", "<volume>1</volume>\n      <colour>red</colour>"
    )
    path = tmp_path / "broken.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file(run, store) -> None:
    result = run("validate", SEED_XML)
    assert result.code == 0
    assert result.out == ""


def test_broken_file_reports_file_and_line(run, tmp_path: Path, store) -> None:
    path = _broken(tmp_path)
    result = run("validate", path)
    assert result.code == EXIT_INVALID
    line_no = path.read_text().splitlines().index("      <colour>red</colour>") + 1
    assert f"{path}:{line_no}:" in result.out
    assert "No declaration for element colour" in result.out
    assert xmllint(path, store.catalog).returncode != 0  # the independent validator agrees


def test_an_entity_the_dtd_does_not_declare_is_an_error(run, tmp_path: Path, store) -> None:
    """'&ndahs;' (a typo of &ndash;) was 'valid': entities are never expanded here, so the
    DTD's validation did not see it. It is named, as xmllint names it; '&ndash;', which the
    JATS DTD declares, stays valid."""
    text = SEED_XML.read_text(encoding="utf-8")
    typo = tmp_path / "typo.xml"
    typo.write_text(text.replace("</article-title>", "&ndahs;</article-title>", 1), "utf-8")
    result = run("validate", typo)
    assert result.code == EXIT_INVALID
    assert "error: entity &ndahs; is not declared in the DTD" in result.out
    assert xmllint(typo, store.catalog).returncode != 0  # the independent validator agrees
    right = tmp_path / "right.xml"
    right.write_text(text.replace("</article-title>", "&ndash;</article-title>", 1), "utf-8")
    assert run("validate", right).code == 0
    assert xmllint(right, store.catalog).returncode == 0


def test_malformed_xml_reports_line(run, tmp_path: Path, store) -> None:
    path = tmp_path / "bad.xml"
    path.write_text("<article>\n<front>\n</article>\n", encoding="utf-8")
    result = run("validate", path)
    assert result.code == EXIT_INPUT
    assert result.out.startswith(f"{path}:3:")
    assert "not well-formed" in result.out


def test_json_output(run, tmp_path: Path, store) -> None:
    import json

    result = run("validate", "--json", SEED_XML, _broken(tmp_path))
    payload = json.loads(result.out)
    assert [item["valid"] for item in payload] == [True, False]
    assert payload[1]["problems"][0]["line"] > 0


def test_stdin(run, monkeypatch, store) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED_XML.read_bytes())))
    assert run("validate", "-").code == 0


def test_unreadable_file_is_bad_input(run, tmp_path: Path, store) -> None:
    result = run("validate", tmp_path / "missing.xml")
    assert result.code == EXIT_INPUT
    assert "missing.xml" in result.out


def test_external_entity_is_refused_and_not_read(run, tmp_path: Path, store) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    path = tmp_path / "xxe.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE article [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        "<article><front>&x;</front></article>\n",
        encoding="utf-8",
    )
    result = run("validate", path)
    assert result.code == EXIT_INPUT
    assert "declares entities: refused" in result.out
    assert "TOP-SECRET-VALUE" not in result.out + result.err


def test_entity_expansion_is_refused(run, tmp_path: Path, store) -> None:
    entities = ['<!ENTITY a0 "lol">'] + [
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    path = tmp_path / "laughs.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE article [{"".join(entities)}]>\n'
        "<article>&a9;</article>\n",
        encoding="utf-8",
    )
    result = run("validate", path)
    assert result.code == EXIT_INPUT
    assert "refused" in result.out
    assert "lol" not in result.out


def test_file_without_doctype_uses_dtd_version(run, tmp_path: Path, store) -> None:
    lines = SEED_XML.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "nodoctype.xml"
    path.write_text("\n".join(line for line in lines if not line.startswith("<!DOCTYPE")))
    assert run("validate", path).code == 0


def test_unknown_doctype(run, tmp_path: Path, store) -> None:
    text = SEED_XML.read_text(encoding="utf-8").replace("v1.4 20241031", "v1.4 20991231")
    path = tmp_path / "unknown.xml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", path)
    assert result.code == EXIT_INPUT
    assert "unknown DOCTYPE public id" in result.out


def test_every_installed_doctype_is_chosen_like_xmllint_does(tmp_path: Path, store) -> None:
    """For a sample of the 125 public ids (1.0–1.4, all tag sets, MathML/OASIS variants),
    our verdict on the same document equals xmllint's through the catalog."""
    public_ids = sorted(store.article_dtds())  # not their modules (NLM catalogs list those)
    chosen = [pid for pid in public_ids if "v1.4 " in pid or "v1.0 " in pid]
    chosen += random.Random(7).sample(public_ids, 12)
    body = SEED_XML.read_text(encoding="utf-8").split("\n", 2)[2]
    for number, pid in enumerate(sorted(set(chosen))):
        path = tmp_path / f"doc{number}.xml"
        path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE article PUBLIC "{pid}" "x.dtd">\n{body}')
        ours = validate_file(path, store)
        assert not any("unknown DOCTYPE" in p.message for p in ours), pid
        theirs = xmllint(path, store.catalog)
        assert (not ours) == (theirs.returncode == 0), (pid, ours[:2], theirs.stderr[:300])


def test_missing_dtds_exit_4(run, tmp_path: Path) -> None:
    result = run("validate", "--schema-dir", tmp_path / "empty", SEED_XML)
    assert result.code == 4
    assert "jatsconv schemas install" in result.err


@pytest.mark.parametrize("bad", ["\x00", "\ufffe"])
def test_forbidden_characters_in_xml(run, tmp_path: Path, store, bad: str) -> None:
    path = tmp_path / "chars.xml"
    path.write_bytes(
        SEED_XML.read_bytes().replace(
            b"Streltsov", ("Strel" + bad).encode("utf-8", "surrogatepass")
        )
    )
    result = run("validate", path)
    assert result.code == EXIT_INPUT
    assert f"{path}:" in result.out


def _with_subset(folder: Path, name: str, subset: str, *, attribute: str = "") -> Path:
    """The seed article with ``subset`` as its DOCTYPE's internal subset (and ``attribute``
    written on its <article>)."""
    head, doctype, body = SEED_XML.read_text(encoding="utf-8").split("\n", 2)
    doctype = doctype.removesuffix(">") + f" [\n{subset}\n]>"
    if attribute:
        body = body.replace("<article ", f"<article {attribute} ", 1)
    path = folder / f"{name}.xml"
    path.write_text(f"{head}\n{doctype}\n{body}", encoding="utf-8")
    return path


_EXTRA = "<!ATTLIST article pub-extra CDATA #IMPLIED>"
# (name, internal subset, attribute on <article>, xmllint's verdict)
SUBSETS = [
    ("attlist-declares-the-attribute-used", _EXTRA, 'pub-extra="x"', "valid"),
    ("attlist-unused", _EXTRA, "", "valid"),
    ("first-attlist-wins", f"{_EXTRA}\n<!ATTLIST article pub-extra (a) #REQUIRED>", "", "valid"),
    ("bracket-in-a-default", '<!ATTLIST article pub-extra CDATA "a]>b">', "", "valid"),
    ("comments-and-pis", "<!-- ] not the end --> <?pub note=']'?>", "", "valid"),
    ("attlist-narrows-a-list", "<!ATTLIST article article-type (letter) #REQUIRED>", "", "invalid"),
    (
        "attlist-requires-an-attribute",
        "<!ATTLIST article pub-extra CDATA #REQUIRED>",
        "",
        "invalid",
    ),
    ("attlist-fixes-a-value", '<!ATTLIST article xml:lang CDATA #FIXED "ru">', "", "invalid"),
    ("a-second-id-attribute", "<!ATTLIST article pub-id ID #IMPLIED>", "", "invalid"),
    ("an-id-with-a-default", '<!ATTLIST article pub-id ID "a1">', "", "invalid"),
    ("a-new-element", "<!ELEMENT pub-note (#PCDATA)>", "", "valid"),
    ("an-element-of-the-dtd-again", "<!ELEMENT volume (#PCDATA)>", "", "invalid"),
    ("an-element-twice", "<!ELEMENT pub-note EMPTY>\n<!ELEMENT pub-note ANY>", "", "invalid"),
    (
        "a-notation",
        '<!NOTATION png SYSTEM "image/png">\n<!ATTLIST article pub-format NOTATION (png) #IMPLIED>',
        'pub-format="png"',
        "valid",
    ),
    ("an-unknown-notation", "<!ATTLIST article pub-format NOTATION (png) #IMPLIED>", "", "invalid"),
    ("an-undeclared-parameter-entity", "%pub-extras;", "", "invalid"),
]


@pytest.mark.parametrize(
    ("name", "subset", "attribute", "expected"), SUBSETS, ids=[case[0] for case in SUBSETS]
)
def test_an_internal_subset_is_read_as_xmllint_reads_it(
    run, tmp_path: Path, store, name: str, subset: str, attribute: str, expected: str
) -> None:
    """A DOCTYPE's own declarations (a publisher's extra attribute, an element, a notation) were
    not read: the file was judged by the DTD alone, valid where xmllint said invalid and the
    other way round. They are read before the DTD's, as xmllint reads them, and the verdict
    is xmllint's."""
    path = _with_subset(tmp_path, name, subset, attribute=attribute)
    theirs = xmllint(path, store.catalog)
    assert ("valid" if theirs.returncode == 0 else "invalid") == expected, theirs.stderr[:300]
    result = run("validate", "--json", path)
    assert result.code == (0 if expected == "valid" else EXIT_INVALID), result.out
    import json

    assert json.loads(result.out)[0]["status"] == expected


def test_internal_subset_problems_name_their_line(run, tmp_path: Path, store) -> None:
    """A declaration the DTD makes again is told at the DOCTYPE, in words; an attribute the
    DOCTYPE requires is missed at the element."""
    again = _with_subset(tmp_path, "again", "<!ELEMENT volume (#PCDATA)>")
    result = run("validate", again)
    assert result.code == EXIT_INVALID
    assert f"{again}:2:0: error: <volume> is declared in the DOCTYPE and again by the DTD (" in (
        result.out
    )
    assert "): an element may be declared once" in result.out
    twice = _with_subset(tmp_path, "twice", "<!ELEMENT pub-note EMPTY>\n<!ELEMENT pub-note ANY>")
    result = run("validate", twice)
    assert f"{twice}:4:" in result.out
    assert "<pub-note> is declared twice in the DOCTYPE" in result.out
    required = _with_subset(tmp_path, "req", "<!ATTLIST article pub-extra CDATA #REQUIRED>")
    result = run("validate", required)
    assert f"{required}:5:0: error: Element article does not carry attribute pub-extra" in (
        result.out
    )


def test_an_internal_subset_in_another_encoding_is_read(run, tmp_path: Path, store) -> None:
    """The subset is read in the document's own encoding (here UTF-16)."""
    path = _with_subset(tmp_path, "utf16", _EXTRA, attribute='pub-extra="x"')
    text = path.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path.write_bytes(text.encode("utf-16"))
    assert xmllint(path, store.catalog).returncode == 0
    assert run("validate", path).code == 0


def test_the_same_subset_gives_the_same_verdict_in_every_file(run, tmp_path: Path, store) -> None:
    """A publisher's files share their subset; each file is judged on its own."""
    valid = _with_subset(tmp_path, "a", _EXTRA, attribute='pub-extra="x"')
    invalid = _with_subset(tmp_path, "b", _EXTRA, attribute='pub-other="x"')
    again = _with_subset(tmp_path, "c", _EXTRA, attribute='pub-extra="y"')
    result = run("validate", "--json", valid, invalid, again)
    import json

    assert [item["status"] for item in json.loads(result.out)] == ["valid", "invalid", "valid"]


def test_parameter_entities_in_the_doctype_are_refused(run, tmp_path: Path, store) -> None:
    """A parameter entity is an entity: it is refused like the others (no entity is expanded),
    though xmllint would read it; the file is not checked."""
    path = _with_subset(
        tmp_path,
        "pe",
        '<!ENTITY % extra "pub-extra CDATA #IMPLIED">\n<!ATTLIST article pub-x CDATA #IMPLIED>',
    )
    result = run("validate", path)
    assert result.code == EXIT_INPUT
    assert "the DOCTYPE declares entities: refused" in result.out
    secret = tmp_path / "extra.ent"
    secret.write_text('<!ATTLIST article pub-secret CDATA "TOP-SECRET">', encoding="utf-8")
    external = _with_subset(
        tmp_path, "external", f'<!ENTITY % extra SYSTEM "{secret.as_uri()}">\n%extra;\n{_EXTRA}'
    )
    result = run("validate", "--json", external)
    assert result.code == EXIT_INPUT
    assert "the DOCTYPE declares entities: refused" in result.out
    assert "TOP-SECRET" not in result.out + result.err


def test_an_internal_subset_too_costly_to_read_is_refused(run, tmp_path: Path, store) -> None:
    """libxml2 takes seconds to compile a content model of a thousand names (xmllint too): such
    a subset is refused at once rather than read."""
    model = ",".join(["(bold|italic)*"] * 500)
    path = _with_subset(tmp_path, "costly", f"<!ELEMENT volume ({model})>")
    result = run("validate", path)
    assert result.code == EXIT_INPUT
    assert "name 1,000 elements in their content models, over 512: refused, not checked" in (
        result.out
    )
