"""PMC-style delivery packages: a zip holding each article's JATS, its PDF and its figures.

Files are named by PMC's rule ``jour-vol-pg.ext`` (journal code, volume, first page or
e-location id), or, asked (``name_with_issue``), by its current one ``jour-vol-iss-pg.ext``
with the issue; the XML and the PDF share that base name. A name never depends on the other
articles of a run: PMC takes a replacement only under the name it first had, so the issue is
added for every article or for none, as the journal chooses once, never only where two would
clash (and PMC's sequence letters for articles starting on one page, -a and -b, which would
depend on what a run holds, are not added). A name PMC would reject (spaces,
``? % # / :`` or other characters outside ``A-Z a-z 0-9 . _ -``) is refused, never quietly
changed, and so is a package with a file missing: the PDF, or a figure the XML references.
A JATS version PMC does not take (1.4, which ``convert`` writes unless asked for PMC) is said in
a warning and packed as it is, as the pmc check says it: the file is valid JATS, and the fix is
to convert it again, not to have the package rewrite it.
Zips are deterministic (fixed timestamps, sorted entries) and written atomically.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from converter.api import write_output
from converter.errors import cannot_read
from converter.input_limit import read_path
from converter.messages import what_is
from converter.options import PMC_TAKES
from converter.publication_status import META_NAME, says_unpublished
from converter.validation import InvalidDocument, parse_untrusted
from converter.xmlns import XLINK_HREF

_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_REJECTED = set(" ?%#/:\\*\"'<>|&;")
_REFERENCING = ("graphic", "inline-graphic", "media", "supplementary-material", "inline-media")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FIGURE_EXTS = (".tif", ".tiff", ".jpg", ".jpeg", ".png", ".gif", ".eps", ".svg")


@dataclass(slots=True)
class PackedArticle:
    """One article's files for a package, or why it cannot be packaged."""

    source: Path
    base: str = ""
    volume: str = ""
    issue: str = ""
    journal: str = ""
    doi: str = ""  # (lower case) with ``digest``, tells one article given twice (``_twice``)
    # pub-id-type -> id (lower case, the DOI too) and the title: with ``issue``
    # they tell this article from another's zip an earlier run wrote (``_packaged_before``)
    ids: dict[str, str] = field(default_factory=dict)
    title: str = ""
    # ISSNs, journal title, volume, issue, year: what tells this article's issue from another
    # issue's zip an earlier run wrote under its name (``_issue_packaged_before``)
    issue_facts: dict[str, str] = field(default_factory=dict)
    digest: str = ""  # the JATS file's SHA-256
    with_issue: bool = False  # named jour-vol-iss-pg (``name_with_issue``, an issue given)
    files: dict[str, Path] = field(default_factory=dict)  # name in the zip -> file on disk
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # said; the package is still written


@dataclass(slots=True)
class PackageResult:
    """A zip written (``path``) or refused (``problems``), with the articles it holds and
    what is said of them without refusing it (``warnings``)."""

    name: str
    articles: list[PackedArticle]
    path: Path | None = None
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def name_problem(name: str, what: str) -> str | None:
    """Why PMC would reject ``name`` as a file name, or None when it is acceptable."""
    bad = sorted({c for c in name if c in _REJECTED})
    if bad:
        shown = " ".join("space" if c == " " else c for c in bad)
        return f"{what} {name!r} contains characters PMC rejects ({shown})"
    if not _SAFE.match(name):
        return f"{what} {name!r} is not a name PMC accepts (use A-Z a-z 0-9 . _ -)"
    extension = name.rsplit(".", 1)[1] if "." in name else ""
    if extension != extension.lower():
        return f"{what} {name!r}: PMC asks for a lower-case extension (.{extension.lower()})"
    return None


def version_warning(root: etree._Element, path: Path) -> str | None:
    """The line saying that PMC does not take this file's JATS version (the pmc check's rule
    ``pmc-dtd-version``), naming the fix; None for 1.0–1.3 and NLM 2.3/3.0."""
    version = root.get("dtd-version") or ""
    if version.startswith(PMC_TAKES):
        return None
    shown = f"JATS {version}" if version else "no dtd-version"
    return (
        f"{path}: warning: {shown}, and PMC takes JATS 1.0–1.3: convert it with --profile pmc "
        "(or --jats-version 1.3) and package that file"
    )


def unpublished_warning(root: etree._Element, path: Path) -> str | None:
    """The line saying that the article is marked not yet published (``custom-meta``
    ``publication-status``, as the OJS reader marks an article scheduled for an issue), or
    None: PMC publishes what it is sent, and a deposit to Crossref or DOAJ refuses such an
    article (until 4 December 2026 its package was written unsaid). It is still packed, as
    an editor may prepare an issue's packages before publication day."""
    for item in root.iterfind("front/article-meta/custom-meta-group/custom-meta"):
        name, value = (_text(item, tag) for tag in ("meta-name", "meta-value"))
        if name == META_NAME and value and says_unpublished(value):
            return (
                f"{path}: warning: not yet published ({META_NAME} {value!r}): PMC publishes "
                "what it is sent: send this package after publication day"
            )
    return None


def _text(root: etree._Element, path: str) -> str:
    el = root.find(path)
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _ids(root: etree._Element) -> dict[str, str]:
    """The article's ids by kind (doi, publisher-id, pmid …), lower case: what tells it from
    another article packaged before under its name."""
    ids: dict[str, str] = {}
    for el in root.iterfind("front/article-meta/article-id"):
        value = " ".join("".join(el.itertext()).split()).lower()
        if value:
            ids.setdefault(el.get("pub-id-type") or "", value)
    return ids


def _title(root: etree._Element) -> str:
    return _text(root, "front/article-meta/title-group/article-title")


def journal_code(root: etree._Element) -> str:
    """PMC's ``jour``: the journal's pmc/nlm-ta/publisher id that makes a file name PMC accepts
    (an nlm-ta such as "Braz J Biol" does not), else its (electronic) ISSN."""
    meta = root.find("front/journal-meta")
    if meta is None:
        return ""
    ids = {el.get("journal-id-type"): " ".join(el.text.split()) for el in meta.iter("journal-id")
           if el.text}  # fmt: skip
    for kind in ("pmc", "nlm-ta", "publisher-id"):
        # an id PMC would refuse in a file name ("Braz J Biol": spaces) gives way to the next
        if ids.get(kind) and name_problem(ids[kind].lower(), "journal code") is None:
            return ids[kind].lower()
    issns = list(meta.iter("issn"))
    electronic = [
        el for el in issns if "electronic" in (el.get("publication-format"), el.get("pub-type"))
        or el.get("pub-type") == "epub"
    ]  # fmt: skip
    for el in electronic + issns:
        if el.text and el.text.strip():
            return el.text.strip()
    return ""


def read_article(
    path: Path, journal: str | None = None, name_with_issue: bool = False
) -> PackedArticle:
    """Collect one JATS file's package members and check their names and presence; with
    ``name_with_issue`` they are named ``jour-vol-iss-pg`` (``jour-vol-pg`` with no issue)."""
    item = PackedArticle(path)
    try:
        data = read_path(path)
    except OSError as exc:
        item.problems.append(f"{path}: {cannot_read(exc)}")
        return item
    try:
        root = parse_untrusted(data, str(path)).getroot()
    except InvalidDocument as exc:
        note = what_is(data, str(path), None)  # the article's YAML, a web page … named
        item.problems.extend([f"{path}: {note}"] if note else [str(p) for p in exc.problems])
        return item
    note = what_is(data, str(path), root.tag)  # a Crossref or DOAJ file of the same batch
    if note is not None:
        item.problems.append(f"{path}: {note}")
        return item
    for warning in (version_warning(root, path), unpublished_warning(root, path)):
        if warning is not None:
            item.warnings.append(warning)
    meta = "front/article-meta/"
    item.digest = hashlib.sha256(data).hexdigest()
    item.doi = _text(root, meta + 'article-id[@pub-id-type="doi"]').lower()
    item.ids, item.title = _ids(root), _title(root)
    item.issue_facts = _issue_facts(root)
    item.journal = journal or journal_code(root)
    item.volume = _text(root, meta + "volume")
    item.issue = _text(root, meta + "issue")
    page = _text(root, meta + "fpage") or _text(root, meta + "elocation-id")
    missing = [
        what
        for what, value in (("journal code (journal-id or ISSN)", item.journal),
                            ("volume", item.volume), ("fpage or elocation-id", page))
        if not value
    ]  # fmt: skip
    if missing:
        item.problems.append(f"{path}: cannot name the package: no {', '.join(missing)}")
        return item
    with_issue = item.with_issue = name_with_issue and bool(item.issue)
    issue = f"-{item.issue}" if with_issue else ""
    item.base = f"{item.journal}-{item.volume}{issue}-{page}"
    problem = name_problem(item.base, "package name")
    if problem:
        parts = "volume, issue" if with_issue else "volume"
        item.problems.append(f"{path}: {problem} (built from journal code, {parts} and page)")
        return item
    item.files[item.base + ".xml"] = path
    pdf = _find_pdf(root, path)
    if pdf is None:
        item.problems.append(
            f"{path}: no PDF found: expected {path.with_suffix('.pdf').name} beside it or the "
            'file a self-uri content-type="pdf" names'
        )
    else:
        item.files[item.base + ".pdf"] = pdf
    for el in root.iter(*_REFERENCING):
        href = el.get(XLINK_HREF)
        if not href or re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE):
            continue  # no file, or a link on the web
        where = f"<{el.tag}> at line {el.sourceline}"
        problem = name_problem(href, "file")
        if problem:
            item.problems.append(f"{path}: {where}: {problem}")
            continue
        # JATS often names a figure without its extension (``fig1`` for ``fig1.tif``).
        candidates = [path.parent / href] + [path.parent / (href + ext) for ext in _FIGURE_EXTS]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            item.problems.append(f"{path}: {where} references {href!r}, which is missing")
        elif found.name in item.files and item.files[found.name].resolve() != found.resolve():
            # a figure named as the package's own XML or PDF would replace it in the zip
            item.problems.append(
                f"{path}: {where} references {found.name!r}, the name of the package's own "
                f"{found.suffix.lstrip('.').upper() or 'file'}: rename the file and its reference"
            )
        else:
            item.files[found.name] = found
    return item


def _find_pdf(root: etree._Element, path: Path) -> Path | None:
    beside = path.with_suffix(".pdf")
    if beside.is_file():
        return beside
    for el in root.iter("self-uri"):
        if el.get("content-type") != "pdf":
            continue
        href = el.get(XLINK_HREF) or ""
        name = href.rstrip("/").rsplit("/", 1)[-1]
        if name and (path.parent / name).is_file():
            return path.parent / name
    return None


def _zip(members: dict[str, Path]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, members[name].read_bytes())
    return buffer.getvalue()


def build_packages(
    files: list[Path],
    out_dir: Path,
    *,
    per_issue: bool = False,
    journal: str | None = None,
    name_with_issue: bool = False,
) -> list[PackageResult]:
    """Write one zip per article (``jour-vol-pg.zip``, with ``name_with_issue``
    ``jour-vol-iss-pg.zip``) or per issue (``jour-vol-iss.zip``).

    A package with any problem is not written; the others still are. Warnings refuse none.
    """
    articles = [read_article(path, journal, name_with_issue) for path in files]
    # ``package out/*`` names each article's PDF and figures too: members of a package, not
    # files that are no JATS (said so, exit 3, until 4 December 2026). ARTICLE.pdf beside a
    # given ARTICLE.xml is that article's even when the XML cannot be packaged (said of it).
    members = {file.resolve() for item in articles if item.base for file in item.files.values()}
    members.update(p.resolve().with_suffix(".pdf") for p in files if p.suffix.lower() == ".xml")
    groups: dict[str, list[PackedArticle]] = {}
    results: list[PackageResult] = []
    for item in articles:
        if not item.base and item.source.resolve() in members:
            continue
        if item.problems and not item.base:
            refused = PackageResult(item.source.name, [item], problems=item.problems)
            refused.warnings.extend(item.warnings)
            results.append(refused)
            continue
        key = item.base
        if per_issue:
            key = f"{item.journal}-{item.volume}-{item.issue}" if item.issue else (
                f"{item.journal}-{item.volume}")  # fmt: skip
        groups.setdefault(key, []).append(item)
    for key, members in groups.items():
        result = PackageResult(key + ".zip", members)
        problem = name_problem(key, "package name")
        if problem:
            result.problems.append(problem)
        entries: dict[str, Path] = {}
        owners: dict[str, PackedArticle] = {}  # the article each name came from first
        for item in members:
            result.problems.extend(item.problems)
            result.warnings.extend(item.warnings)
            if (twice := _twice(item, owners.values())) is not None:
                result.problems.append(twice)  # (not its files' clashes: one line says it)
                continue
            for name, file in item.files.items():
                if name in entries and entries[name].resolve() != file.resolve():
                    result.problems.append(_clash(item, owners[name], name, name_with_issue))
                entries[name] = file
                owners.setdefault(name, item)
        if not result.problems:
            earlier = _issue_packaged_before if per_issue else _packaged_before
            result.problems.extend(earlier(out_dir / result.name, members))
        if not result.problems and per_issue:
            result.warnings.extend(_issue_dropped(out_dir / result.name, members))
        if not result.problems:
            result.path = out_dir / result.name
            write_output(result.path, _zip(entries))
        results.append(result)
    return results


def _packaged_before(path: Path, members: list[PackedArticle]) -> list[str]:
    """The line for an article whose package would replace another article's, written by an
    earlier run under the same name: two articles of one issue starting on one page, packaged
    one run at a time, replaced each other in silence. The zip's XML is told from this one by
    DOI, then another id both give (publisher-id …), then issue, then title, so articles with
    no DOI are told apart too (they replaced each other until 4 December 2026); one that
    cannot be told (none of these in both, the files differing) is refused as well. A package
    of the same article again (a correction: PMC takes it under its first name) is written
    over it, as is a zip holding no XML of that name (no article of ours to tell)."""
    item = members[0]
    if not path.is_file():
        return []
    try:
        with zipfile.ZipFile(path) as archive:
            data = archive.read(item.base + ".xml")
        root = parse_untrusted(data, str(path)).getroot()
    except (OSError, KeyError, zipfile.BadZipFile, InvalidDocument):
        return []  # (no article of ours to tell: written over, as before)
    if hashlib.sha256(data).hexdigest() == item.digest:
        return []
    held = _another(item, _ids(root), _text(root, "front/article-meta/issue"), _title(root))
    if held == "":
        return []
    parts = "volume, issue" if item.with_issue else "volume"
    if held is None:
        return [
            f"{item.source}: {path} holds an article packaged before under the same name (the "
            f"same journal code, {parts} and first page) that cannot be told from this one (no "
            "DOI, article-id, issue or title in both to compare): not replaced, as PMC would "
            "take this package for a replacement of it; remove that zip first if it is to be "
            "replaced"
        ]
    fix = (
        "give --name-with-issue to name them jour-vol-iss-pg (for every package of the journal "
        "from then on: a replacement keeps its name)"
        if held.startswith("in issue ")
        else "PMC's sequence letters for articles starting on one page, -a and -b, are not added"
    )
    return [
        f"{item.source}: {path} holds another article, {held}, packaged before under the same "
        f"name (the same journal code, {parts} and first page): not replaced, as PMC "
        f"would take this package for a replacement of it ({fix}); remove that zip first if it "
        "is to be replaced"
    ]


def _issue_facts(root: etree._Element) -> dict[str, str]:
    """What names an article's issue beyond the package name's journal code, volume and issue:
    its ISSNs (sorted, one text), journal title, volume, issue and year (each "" when absent)."""
    issns = sorted({" ".join(el.text.split()) for el in root.iterfind("front/journal-meta/issn")
                    if el.text and el.text.strip()})  # fmt: skip
    meta = "front/article-meta/"
    return {
        "ISSN": " ".join(issns),
        "journal": _text(root, "front/journal-meta/journal-title-group/journal-title"),
        "volume": _text(root, meta + "volume"),
        "issue": _text(root, meta + "issue"),
        "year": _text(root, meta + "pub-date/year"),
    }


def _issue_packaged_before(path: Path, members: list[PackedArticle]) -> list[str]:
    """``--per-issue``: the line for an issue whose zip would replace another issue's, written
    by an earlier run under the same name (two journals given one code, a volume numbered
    again): it replaced it in silence until 4 December 2026. The zip is this issue's when
    one of its articles is one of these (as ``_packaged_before`` tells them), else when its
    first article's ISSNs (one in common), journal title, volume, issue and year do not
    differ from this issue's; one where none of ISSN, journal title and year is in both to
    compare is refused as well. A zip holding no XML (no article of ours) is written over."""
    if not path.is_file():
        return []
    held: list[tuple[str, bytes, etree._Element]] = []
    try:
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                if name.endswith(".xml"):
                    data = archive.read(name)
                    held.append((name, data, parse_untrusted(data, str(path)).getroot()))
    except (OSError, zipfile.BadZipFile, InvalidDocument):
        return []
    if not held:
        return []
    by_name = {item.base + ".xml": item for item in members}
    for name, data, root in held:
        item = by_name.get(name)
        if item is None:
            continue
        issue = _text(root, "front/article-meta/issue")
        if hashlib.sha256(data).hexdigest() == item.digest or (
            _another(item, _ids(root), issue, _title(root)) == ""
        ):
            return []  # (the same article: this issue's package again)
    theirs, ours = _issue_facts(held[0][2]), members[0].issue_facts
    source = members[0].source
    parts = "volume and issue" if members[0].issue else "volume"
    for kind in theirs:
        mine, other = ours.get(kind, ""), theirs[kind]
        if not (mine and other):
            continue
        if kind == "ISSN" and set(mine.split()) & set(other.split()):
            continue
        if kind != "ISSN" and mine.casefold() == other.casefold():
            continue
        shown = repr(other) if kind == "journal" else other
        return [
            f"{source}: {path} holds another issue, {kind} {shown}, packaged before under the "
            f"same name (the same journal code, {parts}): not replaced, as PMC would "
            "take this package for a replacement of it; remove that zip first if it is to be "
            "replaced"
        ]
    if any(ours.get(kind) and theirs[kind] for kind in ("ISSN", "journal", "year")):
        return []
    return [
        f"{source}: {path} holds an issue packaged before under the same name (the same journal "
        f"code, {parts}) that cannot be told from this one (no ISSN, journal title or "
        "year in both to compare, and no article of this one in it): not replaced, as PMC "
        "would take this package for a replacement of it; remove that zip first if it is to "
        "be replaced"
    ]


def _issue_dropped(path: Path, members: list[PackedArticle]) -> list[str]:
    """``--per-issue`` replacing the zip an earlier run wrote for this issue (it is this
    issue's: ``_issue_packaged_before`` said nothing): the warning naming each article it held
    that this package does not (by its XML's name and DOI). An issue packaged again with its
    new article alone (C, where the zip held A and B) dropped A and B in silence; the zip is
    still written, as the user may mean it. A zip that cannot be read names none."""
    if not path.is_file():
        return []
    by_name = {item.base + ".xml": item for item in members}
    gone: list[str] = []
    try:
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                if not name.endswith(".xml"):
                    continue
                data = archive.read(name)
                try:
                    root = parse_untrusted(data, str(path)).getroot()
                except InvalidDocument:
                    if name not in by_name:
                        gone.append(name)  # (named by its file alone)
                    continue
                if _still_held(data, root, members, by_name.get(name)):
                    continue
                # (as the article writes it: ``_ids`` lower-cases it, to compare)
                doi = _text(root, "front/article-meta/article-id[@pub-id-type='doi']")
                gone.append(f"{name} (DOI {doi})" if doi else name)
    except (OSError, KeyError, zipfile.BadZipFile):
        return []
    if not gone:
        return []
    held = ", ".join(gone[:-1]) + " and " + gone[-1] if len(gone) > 1 else gone[0]
    them = "them" if len(gone) > 1 else "it"
    return [
        f"{path}: warning: the zip an earlier run wrote for this issue held {held}, which this "
        f"run does not: replaced without {them} (give {them} too to keep {them} in the zip)"
    ]


def _still_held(
    data: bytes, root: etree._Element, members: list[PackedArticle], named: PackedArticle | None
) -> bool:
    """Whether an article of an earlier zip is in this package: the same file or article (its
    DOI, another id, its title) under any name (``--name-with-issue`` renames jsr-2-6.xml
    jsr-2-3-6.xml: it was said as left out), or the article now under its name when nothing
    tells the two apart; another article under its name (pages renumbered) leaves it out."""
    digest = hashlib.sha256(data).hexdigest()
    ids, issue = _ids(root), _text(root, "front/article-meta/issue")
    title = _title(root)
    if any(m.digest == digest or _another(m, ids, issue, title) == "" for m in members):
        return True
    return named is not None and _another(named, ids, issue, title) is None


def _another(item: PackedArticle, ids: dict[str, str], issue: str, title: str) -> str | None:
    """What names the other article an earlier zip holds (its DOI, another id, its issue or
    its title), "" when it is this article, None when nothing both give tells them apart.
    The first thing both give decides: a correction may change its title, not its DOI."""
    kinds = (["doi"] if "doi" in ids else []) + sorted(k for k in ids if k != "doi")
    for kind in kinds:
        if kind not in item.ids:
            continue
        if ids[kind] == item.ids[kind]:
            return ""
        return ids[kind] if kind == "doi" else f"{kind or 'article-id'} {ids[kind]}"
    if issue and item.issue and issue.lower() != item.issue.lower():
        return f"in issue {issue}"
    if title and item.title:
        return "" if title.casefold() == item.title.casefold() else repr(title)
    return None


def _twice(item: PackedArticle, others: Iterable[PackedArticle]) -> str | None:
    """The line for an article given twice from two folders (the same DOI, or the same file
    content): it was said as two articles on one page, sending the user to PMC's sequence
    letters or to pages starting again in each issue. The same file named twice is none."""
    for other in others:
        if other.source.resolve() == item.source.resolve():
            continue
        if item.doi and item.doi == other.doi:
            why = f"the same DOI, {item.doi}"
        elif item.digest and item.digest == other.digest:
            why = "the same file content"
        else:
            continue
        return (
            f"{item.source}: the same article as {other.source} ({why}), given twice: give it once"
        )
    return None


def _clash(item: PackedArticle, other: PackedArticle, name: str, with_issue: bool) -> str:
    """Why two files cannot share ``name`` in one zip, naming the other article: the line
    said only "two different files named X", leaving the user to find which."""
    if name.startswith(item.base + ".") and other.base == item.base:
        same = f"{item.source}: two different files named {name}: {other.source} has the same "
        if item.issue != other.issue and not with_issue:
            # Journals that start their pages again in each issue: PMC's older name holds no
            # issue. Its current one does, but only the journal can choose it, once: a
            # replacement must keep its name, so it is not added here for these two alone.
            return (
                same + "journal code, volume and first page in another issue, and PMC names "
                "files jour-vol-pg: give --name-with-issue to name them jour-vol-iss-pg (for "
                "every package of the journal from then on: a replacement keeps its name)"
            )
        return (
            same + "journal code, volume, issue and first page (PMC's sequence letters for "
            "articles starting on one page, -a and -b, are not added: a name would then depend "
            "on the other articles of the run)"
        )
    return (
        f"{item.source}: two different files named {name}: {other.source} references another "
        "file of that name (rename one of them, and its reference)"
    )
