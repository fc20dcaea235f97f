"""A ``mailto:`` link in a reference's text: the address is one ``<email>``, which holds the
address alone (JATS), so the scheme is left out of the text, said as markup simplified, and
the reference reads back from the JATS as it was written.

Until 4 December 2026 it was written ``(mailto:<email>j.smith@example.org</email>)``, the
scheme outside the element as text of the reference.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from converter import load_article, to_jats
from converter.notices import SIMPLIFIED, Notice
from converter.readers import ReadContext, read_source

TEXT = "Smith J. Personal communication, 2020 (mailto:j.smith@example.org)."


def test_a_mailto_link_in_a_reference_is_one_email_and_reads_back_the_same(
    write_article, tmp_path: Path, store
) -> None:
    said: list[Notice] = []
    article = load_article(
        write_article(f'title: {{en: Letters}}\nreferences:\n  - "{TEXT}"\n'), said=said
    )
    assert article.references[0].text["en"] == (
        "Smith J. Personal communication, 2020 (j.smith@example.org)."
    )
    [note] = said
    assert note == (
        "references[0]: 'mailto:j.smith@example.org' read as the e-mail address "
        "'j.smith@example.org'"
    )
    assert note.kind == SIMPLIFIED
    output = to_jats(article, grammars=store)
    assert output.valid, output.problems
    [cited] = etree.fromstring(output.data).iter("mixed-citation")
    assert etree.tostring(cited, encoding="unicode", with_tail=False).endswith(
        "2020 (<email>j.smith@example.org</email>).</mixed-citation>"
    )
    written = tmp_path / "out.xml"
    written.write_bytes(output.data)
    [back] = list(read_source(written, None, ReadContext()))
    assert back.article is not None, back.problems
    assert back.article.references[0].text == article.references[0].text
    assert not back.warnings  # (nothing to set right a second time)


def test_a_jats_reference_written_with_mailto_outside_its_email_is_read_as_the_address(
    write_article, tmp_path: Path, store
) -> None:
    """A file written before: ``mailto:<email>…</email>`` reads as the address, said."""
    article = load_article(write_article('title: {en: Letters}\nreferences:\n  - "x"\n'))
    old = to_jats(article, grammars=store).data.replace(
        b">x</mixed-citation>",
        b">Smith J. (mailto:<email>j.smith@example.org</email>).</mixed-citation>",
    )
    written = tmp_path / "old.xml"
    written.write_bytes(old)
    [back] = list(read_source(written, None, ReadContext()))
    assert back.article is not None, back.problems
    assert back.article.references[0].text == {"en": "Smith J. (j.smith@example.org)."}
    assert any("read as the e-mail address 'j.smith@example.org'" in w for w in back.warnings)


def test_a_model_built_in_python_writes_no_mailto_before_its_email() -> None:
    """The Python API skips the readers, which leave the scheme out: the JATS writer does not
    write it before the ``<email>`` either (it wrote ``mailto:<email>…</email>``)."""
    from converter.model import Article

    article = Article.model_validate(
        {
            "title": {"en": "An article"},
            "published": {"electronic": "2020-01-02"},
            "journal": {"title": {"en": "Test Journal"}, "issn": {"electronic": "2658-6444"}},
            "references": [{"text": {"en": TEXT}}],
        }
    )
    [cite] = etree.fromstring(to_jats(article).data).iter("mixed-citation")
    written = "Smith J. Personal communication, 2020 (j.smith@example.org)."
    assert "".join(cite.itertext()) == written
    assert [e.text for e in cite.iter("email")] == ["j.smith@example.org"]
