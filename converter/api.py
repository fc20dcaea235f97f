"""The Python API the CLI is a thin layer over: source → articles → validated output files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from converter.atomic import write_atomic
from converter.grammars import Grammars
from converter.model import Article, Journal
from converter.notices import notice, strict_problems, summary
from converter.options import JatsVersion, Options, Output, TagSet
from converter.readers import Loaded, ReadContext, read_source
from converter.writers import render

Status = Literal["converted", "invalid", "bad-input", "skipped"]


def to_jats(
    article: Article,
    *,
    version: JatsVersion = "1.4",
    tag_set: TagSet = "publishing",
    grammars: Grammars | None = None,
    name: str = "output.xml",
) -> Output:
    """Render one article as JATS, DTD-validated when ``grammars`` is given."""
    options = Options(version=version, tag_set=tag_set, grammars=grammars)
    return render(article, options, name)


@dataclass(slots=True)
class Conversion:
    """What happened to one article."""

    source: str
    status: Status
    output: str | None = None
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the reader's notices (kinds: notices)

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "source": self.source,
            "status": self.status,
            "output": self.output,
            "problems": self.problems,
        }
        if self.warnings:
            data["warnings"] = [notice(w).as_dict() for w in self.warnings]
            data["warning_summary"] = summary(self.warnings)
        return data


def strict_refusal(loaded: Loaded, options: Options) -> list[str]:
    """Under ``options.strict``, the problems that keep the article from being written: one
    per "data dropped" warning (none otherwise)."""
    return strict_problems(loaded.name, loaded.warnings) if options.strict else []


def convert_loaded(loaded: Loaded, target: Path, options: Options) -> Conversion:
    """Render one read article to ``target``; write it when valid (or when asked).

    With ``options.strict`` an article whose reader dropped data is bad input, not written.
    """
    refused = strict_refusal(loaded, options)
    if loaded.article is None or refused:
        return Conversion(
            loaded.name,
            "bad-input",
            problems=[*loaded.problems, *refused],
            warnings=loaded.warnings,
        )
    result = render(loaded.article, options, str(target))
    written = None
    if result.valid or options.write_invalid:
        write_atomic(target, result.data)
        written = str(target)
    status: Status = "converted" if result.valid else "invalid"
    return Conversion(
        loaded.name, status, written, [str(p) for p in result.problems], loaded.warnings
    )


def prepare(options: Options) -> None:
    """Load once what rendering with ``options`` needs (grammar, templates): a batch worker's
    initializer calls this so that no article pays for it."""
    if options.target == "jats":
        from converter.writers.jats import warm_up

        warm_up(options)


def output_suffix(options: Options) -> str:
    from converter.writers import SUFFIXES

    return SUFFIXES.get(options.target, ".xml")


def convert_file(
    source: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    options: Options | None = None,
    fmt: str | None = None,
    context: ReadContext | None = None,
    journal: Journal | Path | None = None,
) -> list[Conversion]:
    """Convert every article of one source file; outputs go to ``out_dir`` (or beside it).

    Input problems are reported in the returned conversions, never raised.
    """
    options = options or Options()
    path = Path(source)
    context = context or ReadContext(journal=journal)
    folder = Path(out_dir) if out_dir is not None else path.parent
    suffix = output_suffix(options)
    results = []
    for loaded in read_source(path, fmt, context):
        target = folder / (loaded.stem + suffix)
        if loaded.article is not None and target.resolve() == path.resolve():  # JATS beside itself
            problem = f"{path}: the output would replace the source file: give -o DIR"
            results.append(Conversion(loaded.name, "bad-input", problems=[problem]))
            continue
        results.append(convert_loaded(loaded, target, options))
    return results
