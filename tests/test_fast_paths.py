"""The per-article fast paths give exactly what the general code they replace gives.

A batch spends its time in a few places (YAML tag resolution, inline markup, link detection);
each got a shortcut. These tests pin the shortcuts to the general behaviour, so that speed
never changes an output byte or lets unescaped input through.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from jinja2 import Environment, StrictUndefined
from lxml import etree
from markupsafe import Markup, escape

from converter import inline
from converter.enrich import enrich
from converter.errors import InputError
from converter.readers import native
from converter.readers.native import load_article
from converter.writers import common, jats
from converter.writers.common import environment, nodes_markup, xml_attr, xml_lang, xml_text

ROOT = Path(__file__).resolve().parent.parent


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


@pytest.mark.parametrize(
    ("text", "dois"),
    [
        # a resolver address, then the DOI after a space (as PDFs break lines)
        ("Rev. 24. https://doi.org/ 10.1111/beer.12103", ["10.1111/beer.12103"]),
        # a DOI whose '/' is percent-encoded: a link as written, never a pub-id of '10.1186%2F…'
        ("Health. 2022. https://doi.org/10.1186%2Fs12889-022-12904-8", []),
        ("See http://dx.doi.org/10.5555/abc.", ["10.5555/abc"]),
    ],
)
def test_doi_links_are_dois_and_the_text_is_kept(text: str, dois: list[str]) -> None:
    """A resolver address with no DOI after its slash gave a pub-id of '10.' and a text with
    '//' in it; the text of a reference is now always the text typed."""
    nodes = inline.link_identifiers(text)
    found = [n.children[0] for n in nodes if isinstance(n, inline.Node) and n.tag == "pub-id"]
    assert found == dois
    flat = "".join(n if isinstance(n, str) else str(n.children[0]) for n in nodes)
    assert flat == text


def test_link_prefilter_is_exact() -> None:
    """Without "10." and "://" the regex finds nothing: the shortcut returns the same nodes."""
    for text in ["", "Plain reference text. 2019. No. 4. P. 10-19.", "1O.1234/x", "http:/x"]:
        slow = [m.group() for m in inline._LINK_RE.finditer(text)]
        assert slow == []
        assert inline.link_identifiers(text) == ([text] if text else [])


def test_link_test_is_exact_on_years_and_numbers() -> None:
    """``may_link`` says no only where the regex finds nothing, on texts built from the pieces
    that come close: years and numbers ending in "10.", three digits after "10.", digits of
    other scripts, slashes without a scheme, schemes in capitals."""
    import itertools

    pieces = [
        "2010.", "№ 10. С.", "10.123/x", "10.1234/x", "a10.12345/b", "10.١٢٣٤/x", "10 .1234/",
        "//", "http:/x", "HTTPS://x", "ftp://h", "://", "Весанов З. С.", " ", "",
    ]  # fmt: skip
    for parts in itertools.product(pieces, repeat=2):
        text = "".join(parts)
        found = [m.group() for m in inline._LINK_RE.finditer(text)]
        if not inline.may_link(text):
            assert found == [], text
            assert inline.link_identifiers(text) == ([text] if text else [])
            assert jats._linked(text) == jats.nodes_markup(inline.link_identifiers(text))
    assert inline.may_link("Doklady. 2010. No. 10. P. 1-9. doi:10.1134/S1234")
    assert not inline.may_link("Вестник. 2010. № 10. С. 201–210.")


@pytest.mark.parametrize(
    "kind",
    [
        None, "journal", "book", "chapter", "conference", "thesis", "report", "newspaper", "web",
        "data", "patent", "software", "other",
    ],
)  # fmt: skip
def test_publication_type_is_written_for_every_type(kind: str | None) -> None:
    """The type "journal", written by a test in the template, and every other type, written as a
    value: each mixed and element citation carries the reference's type, or none."""
    article = load_article(ROOT / "tests" / "data" / "full" / "article.yaml")
    refs = [ref.model_copy(update={"type": kind}) for ref in article.references]
    article = article.model_copy(update={"references": refs})
    root = etree.fromstring(jats.render_jats(article).encode())  # (no parse adds a type)
    cited = root.xpath("//mixed-citation | //element-citation")
    assert len(cited) > len(refs)
    expected = [] if kind is None else [kind]
    for element in cited:
        assert element.xpath("@publication-type") == expected


@pytest.mark.parametrize("lang", [None, "ru", "en", "uk", "ru-RU", "EN", 'x"<'])
def test_citation_languages_are_written_for_every_code(lang: str | None) -> None:
    """ "ru" and "en", written by tests in the template, and any other code, written as a value
    (escaped): each mixed and element citation carries the language its row in the view holds,
    or none."""
    article = load_article(ROOT / "tests" / "data" / "full" / "article.yaml")
    refs = []
    for ref in article.references:
        texts = {lang or "ru": "Текст.", "de": "Text."} if ref.text else None
        refs.append(ref.model_copy(update={"lang": lang, "text": texts}))
    article = article.model_copy(update={"references": refs})
    view = jats.prepare(article)
    root = etree.fromstring(jats.render_jats(article).encode())
    written = [
        (element.tag, element.get("{http://www.w3.org/XML/1998/namespace}lang"))
        for element in root.xpath("//mixed-citation | //element-citation")
    ]
    held = []
    for row in view.references:
        held += [("mixed-citation", t.lang) for t in row.texts]
        if row.element:
            held.append(("element-citation", row.element.lang))
    parsed = [
        (t, None if c is None else etree.fromstring(f'<x a="{c}"/>').get("a")) for t, c in held
    ]
    assert written == parsed
    assert ("element-citation", lang) in written
    assert ("mixed-citation", lang or "ru") in written


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


class _PyYamlLoader(yaml.SafeLoader):
    """PyYAML's own resolving and constructing, with the project loader's resolvers and its
    refusal of a key given twice: what ``native._Loader`` must read the same as."""


_PyYamlLoader.yaml_implicit_resolvers = native._Loader.yaml_implicit_resolvers


def _pyyaml_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[object, object]:
    mapping: dict[object, object] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.YAMLError(f"line {key_node.start_mark.line + 1}: key {key!r} given twice")
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_PyYamlLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _pyyaml_mapping)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: 1.5\nc: ~\nd: null\ne: true\nf: no\ng: on\nh: 2024-03-15\ni: '1'\n"
        'j: "x"\nk: |\n  text\nl: >\n  folded\nm: 0x1F\nn: 1_000\no: .inf\nq:\nr: ""\n',
        "a: &x [1, {b: [c, {d: e}]}, !!str 3]\nf: *x\ng: {h: [[i], []]}\n",
        # (!!set, !!binary, !!float, !!timestamp and !!int of a form not a plain decimal are
        # read otherwise than by PyYAML, on purpose: tests/test_native_reader.py)
        "b: !!omap [{k: 1}, {l: [m, {n: 2}]}]\nd: !!int '12'\nf: !!map {a: [1, true]}\n"
        "g: !!seq [1, {h: ~}]\n",
        "a: ! 123\nb: ! true\nc: !!str 12\nd: !!null ''\n",
        "a: R&D\nb: [x & y, 2]\n",  # an ampersand that is no anchor
        "a:\n- 1\n- two\n- [3, four]\n",
        "0: zero\n1.5: x\n~: y\n",
        "a: &a x\nb: *a\n",
    ],
)
def test_loader_reads_what_pyyaml_reads(text: str) -> None:
    """Tags decided where values are built (``_Loader.resolve`` only records its arguments),
    with or without anchors: the same values as PyYAML's own resolving and constructors, the
    same values for a value seen again (``_PLAIN_TAGS``)."""
    expected = yaml.load(text, _PyYamlLoader)
    assert native.parse_data(text, "x.yaml") == expected
    assert native.parse_data(text, "x.yaml") == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\na: 2\n", "line 2: key 'a' given twice"),
        ("~: 1\nnull: 2\n", "line 2: key None given twice"),
        ("? [a, b]\n: c\n", "line 1: a key must be text"),
        ("x: &x 1\n? [a]\n: c\n", "line 2: a key must be text"),
        ("a: !!str {b: c}\n", "line 1: a: !!str is a tag of a text, here on a mapping"),
        ("a: &r [*r]\n", "recursive"),
    ],
)
def test_loader_refuses_what_it_refused(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("[", r"\[")):
        native.parse_data(text, "x.yaml")


def test_loader_without_path_trackers_reads_what_pyyaml_reads() -> None:
    """The loader follows no node path (its path trackers do nothing): it has no path
    resolver, so the samples and a document with nesting, aliases and tags read the same as
    with PyYAML's own trackers."""

    class Tracking(native._Loader):  # type: ignore[misc,name-defined]
        descend_resolver = yaml.resolver.BaseResolver.descend_resolver
        ascend_resolver = yaml.resolver.BaseResolver.ascend_resolver

    assert not native._Loader.yaml_path_resolvers
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("samples/**/*.yaml"))]
    texts.append("a: &x [1, {b: [c, {d: e}]}, !!str 3]\nf: *x\ng: {h: [[i], []]}\n")
    assert len(texts) >= 5
    for text in texts:
        assert native.parse_data(text, "x.yaml") == yaml.load(text, Tracking)


# The layout the JATS template writes, as the writer produced it before the template wrote it
# itself: parse, indent element-only content by two spaces per level (never mixed content),
# serialize with lxml. Kept here as the reference the template is held to.
_MIXED = frozenset(
    {
        "article-title", "subtitle", "trans-title", "trans-subtitle", "p", "license-p",
        "mixed-citation", "kwd", "funding-statement", "aff", "institution", "collab", "title",
        "source", "chapter-title", "copyright-statement", "copyright-holder", "subject",
        "string-name", "bold", "italic", "sub", "sup", "sc", "underline", "ext-link", "xref",
        "self-uri", "publisher-name", "journal-title", "abbrev-journal-title",
        "meta-value", "funding-source", "element-citation", "comment", "role", "bio",
    }
)  # fmt: skip


def _indent(element: etree._Element, level: int = 0) -> None:
    if element.tag in _MIXED:
        return
    children = list(element)
    if not children or (element.text and not element.text.isspace()):
        return
    if any(child.tail and not child.tail.isspace() for child in children):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        child.tail = pad
        _indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level


def _reference_layout(data: bytes) -> bytes:
    """Parse (dropping the layout: whitespace-only text is re-indented), indent, serialize."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    _indent(root)
    declaration = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    return declaration + etree.tostring(root.getroottree(), encoding="UTF-8") + b"\n"


def _inputs() -> list[Path]:
    samples = sorted((ROOT / "samples").rglob("*.yaml"))
    articles = [p for p in samples if not p.name.startswith(("journal", "issue"))]
    return [*articles, ROOT / "tests" / "data" / "full" / "article.yaml"]


@pytest.mark.parametrize("version", ["1.4", "1.3"])
@pytest.mark.parametrize("pmc", [False, True])
def test_template_writes_the_serialized_layout(version: str, pmc: bool) -> None:
    """What the template renders is already what parsing, indenting and serializing the
    document gives: the writer can write it as rendered, after parsing it once to validate."""
    inputs = _inputs()
    assert len(inputs) >= 4
    for path in inputs:
        text = jats.render_jats(enrich(load_article(path)), version, "publishing", pmc)  # type: ignore[arg-type]
        data = text.encode("utf-8")
        assert _reference_layout(data) == data, path


def test_hostile_text_is_escaped_as_serialized() -> None:
    """Quotes, ampersands, angle brackets and line ends in text and attributes: escaped as
    lxml serializes them, never markup."""
    hostile = "a \"b\" & 'c' <i>d</i> > e\r\nf\rg\th"
    text = f'<t a="{xml_attr(hostile)}">{xml_text(hostile)}</t>'.encode()
    root = etree.fromstring(text)
    assert root.get("a") == hostile.replace("\r\n", " ").replace("\r", " ").replace("\t", " ")
    assert root.text == hostile.replace("\r\n", "\n").replace("\r", "\n")
    assert etree.tostring(root) == text
    nodes = jats.nodes_markup(inline.parse_inline('x <i>"y" & <b>z</b></i> <script>s</script>'))
    assert "<script>" not in nodes
    assert (
        str(nodes) == 'x <italic>"y" &amp; <bold>z</bold></italic> &lt;script&gt;s&lt;/script&gt;'
    )


def test_stock_jinja_renders_the_same() -> None:
    """No hook in the environment: a stock Jinja2 environment with the same settings and the
    same filters renders every sample the same, and autoescaping still escapes raw values."""
    env = environment()
    stock = Environment(
        loader=env.loader,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    stock.filters.update(env.filters)
    ours = env.get_template("jats/article.xml.j2")
    theirs = stock.get_template("jats/article.xml.j2")
    assert type(ours) is type(theirs)
    for path in _inputs():
        view = jats.prepare(enrich(load_article(path)))
        assert ours.render(v=view) == theirs.render(v=view)
    hostile = env.from_string("<t>{{ x }}</t>").render(x="<b>&\"'")
    assert hostile == "<t>&lt;b&gt;&amp;&#34;&#39;</t>"


def _check_size_refuses(data: object) -> bool:
    try:
        native._check_size(data, "x")
    except InputError:
        return True
    return False


@pytest.mark.parametrize("aliases", [False, True])
def test_size_walk_is_skipped_only_when_it_cannot_refuse(aliases: bool) -> None:
    """``parse_data`` walks the document (``_check_size``) unless it had no aliases and no
    more nodes than the limit: then the walk could not refuse it. Either way it refuses what
    the walk refuses."""
    text = "a: &x [1, 2, 3]\nb: [*x, *x, *x]\n" if aliases else "a: [1, 2, 3]\nb: {c: d}\n"
    loader = native._Loader(text)
    try:
        data = loader.get_single_data()
        assert loader.jatsconv_small is (not aliases)
    finally:
        loader.dispose()
    assert native.parse_data(text, "x.yaml") == data
    assert not _check_size_refuses(data)


def test_alias_expansion_and_oversized_documents_are_still_refused(monkeypatch) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefg":
        prev = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [{', '.join(['*' + prev] * 10)}]\n"
    with pytest.raises(InputError, match="values once its aliases are expanded"):
        native.parse_data(bomb, "bomb.yaml")
    monkeypatch.setattr(native, "_MAX_NODES", 5)
    big = "a: [1, 2, 3, 4, 5, 6, 7]\n"  # no alias, more values than the (lowered) limit
    assert _check_size_refuses(yaml.safe_load(big))
    with pytest.raises(InputError, match="more than 5 values, far more than an article holds"):
        native.parse_data(big, "big.yaml")


@pytest.mark.parametrize("text", ["", "plain", "a < b & \"c\" 'd'", "Иванов И. И. 2019. С. 5–7."])
def test_nodes_single_text_shortcut_equals_the_join(text: str) -> None:
    """One plain string (most reference texts) is escaped directly; the result is what the
    general path — escape each node, join — gives."""
    for render, text_escape in ((jats.nodes_markup, xml_text), (nodes_markup, escape)):
        out: list[str] = []
        common._emit_nodes([text], out, text_escape, text_escape, True)
        assert render([text]) == Markup("".join(out))
        assert type(render([text])) is Markup


def test_cached_code_tables_are_pycountrys() -> None:
    """The language and country tables kept in the user cache hold what pycountry holds."""
    import pycountry

    from converter import languages

    tables = languages._tables()
    assert tables["language_alpha_2"] == {
        lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2")
    }
    assert tables["language_alpha_3"] == {lang.alpha_3 for lang in pycountry.languages}
    assert tables["country_name"] == {c.alpha_2: c.name for c in pycountry.countries}
    assert tables["country_alpha_3"] == {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    assert tables["language_two_of_three"]["rus"] == "ru"
    assert tables["language_two_of_three"]["ger"] == "de"  # ISO 639-2/B
    codes = {v: languages.language_code(v) for v in ("rus", "Russian", "Русский", "ast", "xx")}
    assert codes == {"rus": "ru", "Russian": "ru", "Русский": "ru", "ast": "ast", "xx": None}
    assert languages.normalize_language("ru_RU") == "ru-RU"
    assert languages.normalize_country("Russian Federation") == "RU"
    with pytest.raises(ValueError):
        languages.normalize_language("qq")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain",
        "Иванов И. И. Заглавие // Вестник. 2019. № 3. С. 5–7.",
        "a < b > c & \"quoted\" 'single'",
        "line\r\nend\rtab\there\nnext",
        "<i>Italic</i> and <b>bold</b> <script>x</script>",
        "See 10.1234/abc.def and https://example.org/a?b=1&c='2'.",
    ],
)
def test_plain_text_values_render_as_escaped_ones(text: str) -> None:
    """A value with nothing to escape goes to the template as a plain string (autoescaping
    then costs less than passing ``Markup`` through): what the template writes for it is what
    the escaped form gives, and anything with a character to escape is still escaped."""
    env = environment()
    page = env.from_string('<t a="{{ a }}">{{ t }}|{{ i }}|{{ l }}</t>')
    ours = page.render(a=jats._a(text), t=jats._t(text), i=jats._inline(text), l=jats._linked(text))
    general = page.render(
        a=xml_attr(text),
        t=xml_text(text),
        i=jats.nodes_markup(inline.parse_inline(text)),
        l=jats.nodes_markup(inline.link_identifiers(text)),
    )
    assert ours == general
    assert "<script>" not in ours


def _broken(text: str) -> list[str]:
    """Variants of a rendered article: four invalid ones (elements out of order, given twice,
    stray text, misplaced), and one with a line end inside <etal>, which the DTD lets pass."""
    lines = text.split("\n")
    year = next(i for i, line in enumerate(lines) if "<year>" in line)
    swapped = [*lines[: year - 1], lines[year], lines[year - 1], *lines[year + 1 :]]
    doubled = [*lines[:year], lines[year], *lines[year:]]
    stray = [*lines[:year], "      stray words", *lines[year:]]
    title = next(i for i, line in enumerate(lines) if "</title-group>" in line)
    misplaced = [*lines[: title + 1], "      <fpage>1</fpage>", *lines[title + 1 :]]
    empty = text.replace("<etal/>", "<etal>\n</etal>", 1)
    return ["\n".join(v) for v in (swapped, doubled, stray, misplaced)] + [empty]


def test_validation_without_layout_finds_the_same_problems(store) -> None:
    """The writer parses what it validates without the whitespace-only text between elements
    (``safe_parser(drop_layout=True)``): an invalid article gets the same problems, at the same
    lines, as from the full tree."""
    from converter.validation import dtd_problems, safe_parser

    dtd = jats._dtd(store, "1.4", "publishing")
    full = safe_parser()
    path = ROOT / "tests" / "data" / "full" / "article.yaml"
    text = jats.render_jats(enrich(load_article(path)))
    variants = _broken(text)
    assert "<etal>\n</etal>" in variants[-1]
    for variant in [text, *variants]:
        data = variant.encode("utf-8")
        expected = dtd_problems(etree.fromstring(data, full).getroottree(), dtd, "x.xml")
        got = dtd_problems(etree.fromstring(data, jats._PARSER).getroottree(), dtd, "x.xml")
        assert [str(p) for p in got] == [str(p) for p in expected]
        assert bool(expected) == (variant in variants[:4])
