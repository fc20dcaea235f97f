"""Writing preview pages to disk: ``jatsconv preview`` and ``convert --preview`` share this."""

from __future__ import annotations

from pathlib import Path

from converter.api import write_output
from converter.preview import Page, preview_tree
from converter.validation import InvalidDocument, parse_untrusted

SUFFIX = ".preview.html"  # never ``.html``: that could be the landing page an article came from


def page_path(output: Path) -> Path:
    """``out/a.xml`` → ``out/a.preview.html`` (the page written beside a JATS output)."""
    return output.with_name(output.name.removesuffix(".xml") + SUFFIX)


def write_page(page: Page, target: Path) -> Path:
    """Write one page atomically (a temporary file renamed into place); a folder that cannot
    be made or written, or a full disk, is ``OutputError``."""
    write_output(target, page.html.encode("utf-8"))
    return target


def preview_output(
    output: Path, profiles: tuple[str, ...] = (), scheme: str | None = None
) -> list[Path]:
    """Write the page of a JATS file ``convert`` has just written, beside it.

    Findings name the input fields, since the converter wrote the file from them.
    """
    try:
        tree = parse_untrusted(output.read_bytes(), str(output))
    except (OSError, InvalidDocument):
        return []
    written = []
    for page in preview_tree(tree, str(output), profiles, scheme=scheme):
        target = page_path(output)
        if page.suffix:
            target = target.with_name(target.name.removesuffix(SUFFIX) + page.suffix + SUFFIX)
        written.append(write_page(page, target))
    return written
