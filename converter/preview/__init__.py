"""Preview pages: a JATS article as readers see it, as one self-contained HTML file.

The page has its CSS inline and no scripts, fonts or images from elsewhere, so it opens offline,
from an e-mail attachment or a CI artifact alike. ``render_page`` renders a parsed article;
``preview_jats`` takes JATS bytes (any version 1.0–1.4, NLM 2.3/3.0); ``preview_source`` takes
any input the converter reads (YAML, OJS export, landing page, Crossref record …) by rendering
its JATS first. With profiles, check findings are shown beside the element they concern.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from lxml import etree
from markupsafe import Markup

from converter.checks import check_tree
from converter.checks.base import Doc, Finding
from converter.preview.inline import link
from converter.preview.view import ArticleView, articles_of, build_view
from converter.readers.base import field_column
from converter.readers.native import JournalSource
from converter.validation import InvalidDocument, Problem, parse_untrusted
from converter.version import __version__

__all__ = ["Page", "build_view", "preview_jats", "preview_source", "render_page"]


@dataclass(slots=True)
class Page:
    """One rendered preview: the HTML, the stem suffix (``-2`` for the second article of a
    wrapper file) and the findings shown on it."""

    html: str
    suffix: str = ""
    source: str = ""
    title: str = ""
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # why there is no page: one line each
    # A spreadsheet row's columns by input field (``Loaded.columns``): a finding names its
    # column beside its field, as ``convert --profile`` does (``column``)
    columns: Mapping[str, str] = field(default_factory=dict)

    def column(self, finding: Finding) -> str | None:
        """'column authors:en' of a finding on a spreadsheet row's field, else None."""
        return field_column(finding.field, self.columns) if finding.field else None


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("converter.preview", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.filters["safe_link"] = lambda url: link(url, url)
    env.globals["kinds"] = {
        "mixed-citation": "as written",
        "citation": "as written",
        "element-citation": "structured parts",
        "nlm-citation": "structured parts",
    }
    return env


@lru_cache(maxsize=1)
def _css() -> Markup:
    text = resources.files("converter.preview").joinpath("templates/preview.css").read_text("utf-8")
    return Markup(text.replace("</", "<\\/"))  # a style element cannot be closed from inside


def render_page(
    view: ArticleView,
    *,
    source: str,
    profiles: tuple[str, ...] = (),
    columns: Mapping[str, str] | None = None,
) -> str:
    """The HTML of one article's view; ``columns``, a spreadsheet row's, name each finding's
    column beside its input field."""
    counts = {
        "error": sum(f.severity == "error" for f in view.findings),
        "warning": sum(f.severity == "warning" for f in view.findings),
    }
    checked = ("Checked against " + ", ".join(profiles)) if profiles else ""
    template = _environment().get_template("preview.html.j2")
    return template.render(
        view=view,
        css=_css(),
        source=source,
        version=__version__,
        checked=checked,
        counts=counts,
        column=lambda f: field_column(f.field, columns) if f.field and columns else None,
    )


def preview_tree(
    tree: etree._ElementTree,
    source: str,
    profiles: tuple[str, ...] = (),
    *,
    scheme: str | None = None,
    today: dt.date | None = None,
    field_findings: bool = True,
    columns: Mapping[str, str] | None = None,
) -> list[Page]:
    """Pages for every article of a parsed JATS document (``columns``: ``Page.columns``)."""
    findings = check_tree(tree, profiles, today=today, scheme=scheme) if profiles else []
    if not field_findings:
        findings = [_without_field(f) for f in findings]
    articles = articles_of(tree.getroot())
    pages = []
    for index, article in enumerate(articles, start=1):
        prefix = _article_path(article)
        own = [f for f in findings if f.path.startswith(prefix)]
        view = build_view(article, own)
        html = render_page(view, source=source, profiles=profiles, columns=columns)
        suffix = f"-{index}" if len(articles) > 1 else ""
        pages.append(Page(html, suffix, source, view.main_title, own, columns=columns or {}))
    return pages


def _article_path(article: etree._Element) -> str:
    """The article's element path as findings give it (``/article``, ``/articles/article[2]``)."""
    return Doc(article.getroottree()).path(article)


def _line(problem: Problem) -> str:
    """A parse problem as the CLI's one line: ``FILE: line N: message``."""
    where = f"line {problem.line}: " if problem.line else ""
    return f"{problem.file}: {where}{problem.message}"


def _without_field(finding: Finding) -> Finding:
    return Finding(finding.rule, finding.severity, finding.message, finding.path, finding.line)


def preview_jats(
    data: bytes,
    source: str,
    profiles: tuple[str, ...] = (),
    *,
    scheme: str | None = None,
    today: dt.date | None = None,
) -> list[Page]:
    """Pages for JATS bytes, parsed as untrusted input (no DTD, no entities, no network).

    A file that cannot be parsed gives one page-less ``Page`` with its problems.
    """
    try:
        tree = parse_untrusted(data, source)
    except InvalidDocument as exc:
        return [Page("", source=source, problems=[_line(p) for p in exc.problems])]
    if not articles_of(tree.getroot()):
        return [Page("", source=source, problems=[f"{source}: no <article> element: not JATS"])]
    # Input fields are only meaningful for JATS the converter itself wrote from YAML.
    return preview_tree(tree, source, profiles, scheme=scheme, today=today, field_findings=False)


def preview_source(
    path: Path,
    profiles: tuple[str, ...] = (),
    *,
    fmt: str | None = None,
    journal: JournalSource | None = None,
    scheme: str | None = None,
) -> list[tuple[str, Page]]:
    """(output stem, page) for every article of any input file the converter reads.

    JATS files are shown as they are; other formats are converted to JATS first (in memory), 1.4
    or with pmc among the profiles 1.3, so the page shows exactly what ``convert`` would write.
    """
    from converter.readers import ReadContext, detect_format, read_source
    from converter.readers.common import read_bytes
    from converter.readers.jats import output_stem

    name = fmt or detect_format(path)
    if name == "jats":
        data = read_bytes(path)
        return [(output_stem(path) + p.suffix, p) for p in preview_jats(data, str(path), profiles,
                                                                      scheme=scheme)]  # fmt: skip
    from converter.api import render
    from converter.model import Journal
    from converter.options import Options, default_version

    results: list[tuple[str, Page]] = []
    for loaded in read_source(path, name, ReadContext(journal=journal)):
        if loaded.article is None:
            results.append((loaded.stem, Page("", source=loaded.name, problems=loaded.problems)))
            continue
        # As 'convert --profile …' writes it: with pmc, 1.3 in PMC's form (typed translations).
        options = Options(version=default_version(profiles), profiles=profiles)
        output = render(loaded.article, options, loaded.name)
        journal_meta = loaded.article.journal
        own_scheme = scheme or (
            journal_meta.russian_scheme if isinstance(journal_meta, Journal) else None
        )
        tree = parse_untrusted(output.data, loaded.name)
        pages = preview_tree(tree, loaded.name, profiles, scheme=own_scheme, columns=loaded.columns)
        for page in pages:
            results.append((loaded.stem + page.suffix, page))
    return results
