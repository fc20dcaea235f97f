"""Input formats. Each reader turns one source file into articles of the model.

A reader is ``read(path, context) -> Iterator[Loaded]``: a source may hold one article (a YAML
file) or many (an OJS export). A bad article is yielded with its problems, never raised, so the
others still convert. ``READERS`` maps the name given to ``--from`` to the reader, imported on
first use; ``detect_format`` picks one from the file's name and content when ``--from`` is not
given. ``ReadContext`` and ``Loaded`` live in ``converter.readers.base``.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from converter.errors import cannot_read
from converter.input_limit import check_size, max_input_bytes, read_path, read_stream
from converter.readers.base import Loaded, ReadContext, Reader
from converter.readers.encoding import marked_encoding, utf16_order
from converter.registry import LazyRegistry, load

__all__ = [
    "READERS",
    "Loaded",
    "ReadContext",
    "Reader",
    "detect_format",
    "read_data",
    "read_source",
    "read_stdin",
]


def read_native(path: Path, context: ReadContext, raw: bytes | None = None) -> Iterator[Loaded]:
    """The project's own YAML/JSON article file: one article (``raw``: its bytes, if read);
    DOIs typed with hyphen look-alikes in its references' texts are set right and said, as
    every reader sets them (``native.article_from_data``)."""
    from converter.errors import InputError
    from converter.notices import Notice
    from converter.readers.native import NotAnArticle, load_article

    said: list[Notice] = []
    try:
        article = load_article(
            path,
            journal=context.journal,
            cache=context.cache,
            raw=raw,
            only_articles=context.found,
            said=said,
        )
    except NotAnArticle as exc:
        yield Loaded(str(path), path.stem, problems=exc.lines(), not_article=True)
        return
    except InputError as exc:
        yield Loaded(str(path), path.stem, problems=exc.lines())
        return
    yield Loaded(str(path), path.stem, article, warnings=said)


READERS: LazyRegistry[Reader] = LazyRegistry(
    {
        "yaml": "converter.readers:read_native",
        "json": "converter.readers:read_native",
        # Spreadsheets (one row per article), recognised by their extension.
        "csv": "converter.readers.spreadsheet:read_csv",
        "xlsx": "converter.readers.spreadsheet:read_xlsx",
        # Where journals already keep metadata: OJS exports, landing pages, Crossref, JATS/NLM.
        "ojs": "converter.readers.ojs:read",
        "html": "converter.readers.html:read",
        "crossref": "converter.readers.crossref:read",
        "jats": "converter.readers.jats:read",
        # DOAJ article XML: what journals upload to DOAJ and aggregators receive.
        "doaj": "converter.readers.doaj:read",
    }
)

# Content sniffers, tried in order for files whose extension does not decide the format: each
# ``sniff(path, head, start)``, ``head`` the file's first bytes as UTF-8, ``start`` what an XML
# file begins with (``sniffing.XmlStart``; None for a file that is no XML).
SNIFFERS = (
    "converter.readers.spreadsheet:sniff",
    "converter.readers.ojs:sniff",
    "converter.readers.crossref:sniff",
    "converter.readers.doaj:sniff",
    "converter.readers.jats:sniff",
    "converter.readers.html:sniff",
)


# What detect_format says of XML that no reader claims (not a name --from accepts).
UNKNOWN_XML = "unknown-xml"


def _head(path: Path, size: int = 4096) -> bytes:
    """The file's first bytes, read alone: an OJS export with its galleys embedded can be
    hundreds of megabytes, and sniffing it must not load it all."""
    from converter.readers.sniffing import first_bytes

    with path.open("rb") as stream:
        head = first_bytes(stream, size)
    # UTF-16 or UTF-32 with its byte-order mark (Windows tools save XML so), or UTF-16 without
    # it: the sniffers look for tags as UTF-8 bytes, and such a Crossref deposit or JATS file
    # was read as YAML (without the mark, called XML no reader claims)
    encoding = marked_encoding(head) or utf16_order(head)
    if encoding is None:
        return head
    return head.decode(encoding, "ignore").encode("utf-8")


def _looks_xml(head: bytes) -> bool:
    """Whether the first bytes (as ``_head`` gives them) begin as XML does, with a '<'."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _unknown_xml(path: Path) -> str:
    from converter.readers.sniffing import LIMIT, LIMIT_SAID, xml_start
    from converter.xmlns import root_name

    try:
        head = _head(path)
    except OSError as exc:
        return f"{path}: {cannot_read(exc)}"
    start = xml_start(path)
    root = start.root if start else root_name(head.decode("utf-8", "replace"))
    what = f"XML whose root element is <{root}>" if root else "XML with no element in its start"
    if root is None and _longer_than(path, LIMIT):
        what = (
            f"XML with no element in its first {LIMIT_SAID} (comments, a DOCTYPE or processing "
            "instructions longer than that before its root)"
        )
    return (
        f"{path}: {what}: not a format jatsconv reads (JATS or NLM <article>, an OJS native "
        "export, a Crossref deposit <doi_batch>, DOAJ article XML <records>); if it is one of "
        "them, name it with --from"
    )


def _longer_than(path: Path, size: int) -> bool:
    try:
        return path.stat().st_size > size
    except OSError:
        return False


def detect_format(path: Path) -> str:
    """The reader for a file: by extension for YAML/JSON, else by sniffing its first bytes and,
    for XML, its root element as a parser finds it (``sniffing.xml_start``: however long the
    comments or declarations before it); ``UNKNOWN_XML`` for XML that no reader claims."""
    from converter.readers.sniffing import XmlStart, xml_start

    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    default = "json" if suffix == ".json" else "yaml"
    try:
        head = _head(path)
    except OSError:
        return default
    start = xml_start(path) if _looks_xml(head) else None
    for target in SNIFFERS:
        sniff: Callable[[Path, bytes, XmlStart | None], str | None] = load(target)
        found = sniff(path, head, start)
        if found:
            return found
    if start is not None or _looks_xml(head):
        return UNKNOWN_XML  # read as YAML, it would only be called "not a mapping of fields"
    return default


def read_source(path: Path, fmt: str | None, context: ReadContext) -> Iterator[Loaded]:
    """Every article of one source file in format ``fmt`` (detected when None)."""
    from converter.readers.spreadsheet import unread_sheet

    try:
        mode = path.stat().st_mode
        data = None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else read_path(path)
    except (FileNotFoundError, NotADirectoryError) as exc:
        # (a link to a missing target is said as one: ``cannot_read``)
        found = isinstance(exc, FileNotFoundError)
        reason = cannot_read(exc) if found else "cannot read: no such file"
        yield Loaded(str(path), path.stem, problems=[f"{path}: {reason}"])
        return
    except OSError as exc:  # a name too long, a loop of links, no permission …
        problem = f"{path}: {cannot_read(exc)}"
        yield Loaded(str(path), path.stem, problems=[problem])
        return
    if stat.S_ISDIR(mode):
        problem = f"{path}: is a folder, not a file (a folder of articles: jatsconv batch)"
        yield Loaded(str(path), path.stem, problems=[problem])
        return
    if data is not None:  # a named pipe (``<(command)``), a device: read once, as stdin is
        yield from read_data(data, str(path), fmt, context, base_dir=path.parent)
        return
    if context.found and (other := _not_text_found(path)) is not None:
        yield Loaded(str(path), path.stem, problems=[other], not_article=True)
        return
    if fmt is None and (unread := unread_sheet(path)):
        yield Loaded(str(path), path.stem, problems=[unread])
        return
    name = fmt or detect_format(path)
    if name == UNKNOWN_XML:
        yield Loaded(str(path), path.stem, problems=[_unknown_xml(path)])
        return
    if name not in READERS:
        known = ", ".join(sorted(READERS))
        yield Loaded(str(path), path.stem, problems=[f"{path}: unknown format {name!r} ({known})"])
        return
    loaded = READERS[name](path, context)
    yield from _said_with_its_format(loaded, path, fmt) if fmt else loaded


def _not_text_found(path: Path) -> str | None:
    """The line for a file a folder or a glob found (``batch 'issue/*'``) that is the PDF, a
    figure or an archive beside the articles, its bytes no text: not an article, whatever
    ``--from`` says (it was bad input, exit 3). Only such an ending costs a read here."""
    from converter.readers.encoding import has_kind_ending, named_by_signature, named_not_text

    if not has_kind_ending(path.name):
        return None
    try:
        with path.open("rb") as file:
            head = file.read(4096)
    except OSError:
        return None  # (the reader says why it cannot be read)
    line = named_not_text(path.name, head) or named_by_signature(path.name, head)
    return f"{path}: {line}" if line else None


def _said_with_its_format(loaded: Iterator[Loaded], path: Path, fmt: str) -> Iterator[Loaded]:
    """The articles read with ``--from FORMAT``; a file refused whole that is plainly of another
    format says which, and how to read it. ``--from ojs`` given a landing page said only
    'line 10: not well-formed: Opening and ending tag mismatch', which sent the user into the
    page's HTML."""
    from converter.readers.native import YAML_GUESS

    first = next(loaded, None)
    if first is None:
        return
    if first.article is None and first.problems and not first.not_article:
        found = detect_format(path)
        # (YAML and JSON are what a file no reader claims is read as: no sign of its format)
        if found != fmt and found in READERS and found not in ("yaml", "json"):
            said = first.problems[-1].split(YAML_GUESS)[0]  # (another format does claim it)
            first.problems[-1] = (
                f"{said} (the file reads as {found!r}: convert it without --from, or with "
                f"--from {found})"
            )
    yield first
    yield from loaded


def read_stdin(fmt: str | None, context: ReadContext) -> list[Loaded]:
    """Articles from standard input ('-' for a file); problems name ``<stdin>``."""
    import sys

    try:
        if hasattr(sys.stdin, "buffer"):
            data = read_stream(sys.stdin.buffer)
        else:  # (a test's or an embedding program's text stream)
            data = sys.stdin.read(max_input_bytes() + 1).encode()
            check_size(len(data))
    except OSError as exc:
        return [Loaded("<stdin>", "stdin", problems=[f"<stdin>: {cannot_read(exc)}"])]
    return read_data(data, "<stdin>", fmt, context, base_dir=Path.cwd())


def read_data(
    data: bytes, name: str, fmt: str | None, context: ReadContext, *, base_dir: Path
) -> list[Loaded]:
    """Articles from bytes already read (standard input, a named pipe) and called ``name``:
    YAML/JSON directly (a journal file looked for from ``base_dir``), other formats through a
    spool file. Without ``fmt``, XML (data beginning with ``<``) is told by its content, as a
    file's is, and a name ending as a spreadsheet's or a web page's by that ending."""
    import tempfile

    from converter.errors import InputError
    from converter.notices import Notice
    from converter.readers.native import load_article_text

    given = Path(name)
    suffix = given.suffix.lower() if name != "<stdin>" else ""
    native = fmt in ("yaml", "json") or (
        fmt is None
        and suffix in ("", ".yaml", ".yml", ".json")
        and not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    )
    if native:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            from converter.readers.encoding import NotUnicode, decode_fallback

            try:
                text = decode_fallback(data, exc)
            except NotUnicode as problem:
                return [Loaded(name, _stem(name), problems=[f"{name}: {problem}"])]
        said: list[Notice] = []
        try:
            article = load_article_text(
                text, name, journal=context.journal, base_dir=base_dir, said=said
            )
        except InputError as exc:
            return [Loaded(name, _stem(name), problems=exc.lines())]
        return [Loaded(name, _stem(name), article, warnings=said)]
    with tempfile.TemporaryDirectory() as tmp:
        spool = Path(tmp) / (given.name if suffix else "stdin")
        spool.write_bytes(data)
        loaded = list(read_source(spool, fmt, context))
    for item in loaded:
        item.name = item.name.replace(str(spool), name)
        item.problems = [p.replace(str(spool), name) for p in item.problems]
    return loaded


def _stem(name: str) -> str:
    """The output stem of an article read from ``name`` (``<stdin>``: ``stdin``)."""
    return "stdin" if name == "<stdin>" else Path(name).stem
