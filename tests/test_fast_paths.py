"""The per-article fast paths give exactly what the general code they replace gives.

A batch spends its time in a few places (YAML tag resolution, inline markup, link detection);
each got a shortcut. These tests pin the shortcuts to the general behaviour, so that speed
never changes an output byte or lets unescaped input through.
"""

from __future__ import annotations

import pytest
import yaml
from markupsafe import Markup

from converter import inline
from converter.readers import native
from converter.writers.common import environment, nodes_markup, xml_lang


def _macro_nodes(items: inline.Inline) -> str:
    """The Jinja macro ``nodes_markup`` replaced, rendered with the same autoescaping."""
    source = (
        "{% macro nodes(items) -%}{% for item in items %}{% if item is string %}{{ item }}"
        '{% else %}<{{ item.tag }}{% for k, val in item.attrs.items() %} {{ k }}="{{ val }}"'
        "{% endfor %}>{{ nodes(item.children) }}</{{ item.tag }}>{% endif %}{% endfor %}"
        "{%- endmacro %}{{ nodes(items) }}"
    )
    return environment().from_string(source).render(items=items)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain",
        "<i>Italic</i> and <b>bold <sup>2</sup></b> & more",
        "a < b > c & \"quoted\" 'single'",
        "<i>unbalanced</b>",
        "<script>alert(1)</script>",
    ],
)
def test_inline_nodes_filter_matches_the_macro(text: str) -> None:
    nodes = inline.parse_inline(text)
    out = nodes_markup(nodes)
    assert isinstance(out, Markup)
    assert str(out) == _macro_nodes(nodes)
    assert "<script>" not in out


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Ivanov I. Title // Journal. 2020. No. 1. P. 1-9.",
        'See 10.1234/abc.def(1)x, and https://example.org/a?b=1&c="2".',
        "DOI: https://doi.org/10.5555/xyz. URL: ftp://host/file; HTTP://CAPS.example/",
        "version 10.1 of the standard, not a DOI; scheme-less example.org",
    ],
)
def test_linked_nodes_match_the_macro_and_escape_attributes(text: str) -> None:
    nodes = inline.link_identifiers(text)
    assert str(nodes_markup(nodes)) == _macro_nodes(nodes)
    assert '"2"' not in str(nodes_markup(nodes))  # a quote in a URL cannot end the attribute


@pytest.mark.parametrize(
    ("code", "main"),
    [("en", "ru"), ("ru", "ru"), (None, "ru"), ("", "en"), ("en", None), ('x"<', "en")],
)
def test_xml_lang_filter_matches_the_macro(code: str | None, main: str | None) -> None:
    macro = (
        '{% macro lang(code, main) -%}{% if code and code != main %} xml:lang="{{ code }}"'
        "{% endif %}{%- endmacro %}{{ lang(code, main) }}"
    )
    expected = environment().from_string(macro).render(code=code, main=main)
    assert str(xml_lang(code, main)) == expected
    assert "<" not in str(xml_lang(code, main))


def test_link_prefilter_is_exact() -> None:
    """Without "10." and "://" the regex finds nothing: the shortcut returns the same nodes."""
    for text in ["", "Plain reference text. 2019. No. 4. P. 10-19.", "1O.1234/x", "http:/x"]:
        slow = [m.group() for m in inline._LINK_RE.finditer(text)]
        assert slow == []
        assert inline.link_identifiers(text) == ([text] if text else [])


@pytest.mark.parametrize(
    "value",
    [
        "", "text", "Иванов", "true", "True", "no", "yes", "on", "off", "null", "~", "Null",
        "12", "-3", "0x1F", "0o17", "1_000", "3.14", ".5", "-.inf", ".NaN", "1e3", "2024-03-15",
        "12:30:00", "<<", "=", "+1", "0001-2345", "10.5555/abc", "nan",
    ],
)  # fmt: skip
def test_fast_tag_resolution_matches_pyyaml(value: str) -> None:
    loader = native._Loader("")
    try:
        for kind in (yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode):
            for implicit in ((True, False), (False, True), (False, False)):
                expected = yaml.resolver.BaseResolver.resolve(loader, kind, value, implicit)
                assert native._resolve(loader, kind, value, implicit) == expected
    finally:
        loader.dispose()
