"""One Crossref deposit per issue (``--to crossref --per-issue``).

Depositing article by article makes one Crossref submission, and one result e-mail, per
article. Here the articles read in one run are grouped by journal, volume and issue, and each
group becomes one ``doi_batch``: one ``journal``, one ``journal_issue``, a ``journal_article``
per article, and a unique ``doi_batch_id``. A journal's preprints are a group of their own (a
``posted_content`` each: a deposit holds one kind of record).

Each article is first rendered on its own, exactly as ``--to crossref`` would (missing DOI,
landing page, profiles, the XSD): one that fails is reported like any rejected article and left
out of its issue's file, so one bad article never holds back the rest of the issue. The issue
file is then validated as a whole against the Crossref schema before it is written. When it is
rejected, an issue file left by an earlier run is removed rather than left to be deposited.

A DOI is in a deposit once: an article whose DOI an earlier one of its deposit has (a file
copied for the next article and its DOI not changed) is refused, as bad input, and left out;
Crossref would take the later record over the earlier, with no word said.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from converter.api import (
    Conversion,
    placed_problems,
    remove_stale,
    render,
    strict_refusal,
    untransliterated_problems,
    write_output,
)
from converter.enrich import enriched
from converter.model import Article
from converter.options import Options
from converter.readers import Loaded
from converter.writers.crossref import issue_key, issue_stem, write_crossref_issue

SUFFIX = ".crossref.xml"
# Articles named in a line of a whole issue (its date differs, a file in the way): an issue of
# 80 articles named them all, thousands of characters on one line; the report has every one.
ARTICLES_NAMED = 3


class IssueFiles:
    """Where an issue file goes: written, or removed when the issue is rejected, as ``convert``
    writes any output. ``jatsconv batch --per-issue`` keeps a record of the issue files it
    wrote and leaves any other file alone (``converter.batch.issue_books``)."""

    def place(self, target: Path, data: bytes, names: Sequence[str]) -> str | None:
        """Write ``data`` (the issue of the articles ``names``) to ``target``; ``None`` once it
        is there, else the line saying why it was not written (the run goes on)."""
        write_output(target, data)
        return None

    def remove(self, target: Path, names: Sequence[str]) -> str | None:
        """Remove the file an earlier run wrote for the issue, rejected now; its path, if any."""
        return remove_stale(target)


def few_articles(names: Sequence[str]) -> str:
    """The first ``ARTICLES_NAMED`` of ``names``, and how many more."""
    shown = ", ".join(names[:ARTICLES_NAMED])
    if len(names) > ARTICLES_NAMED:
        shown += f" … and {len(names) - ARTICLES_NAMED:,} more"
    return shown


def convert_per_issue(
    items: Iterable[tuple[Loaded, Path]],
    options: Options,
    results: list[Conversion] | None = None,
    files: IssueFiles | None = None,
) -> list[Conversion]:
    """Convert read articles to one Crossref deposit per issue.

    ``items`` pairs each read article with the folder its output goes to. Returns one
    ``Conversion`` per article; ``output`` is the issue file holding it (when written).
    ``results``, when given, is filled as the articles are done, so that a run interrupted
    half-way still has what was done (``pending`` tells the ones whose issue file is not
    written yet). ``files`` writes the issue files (by default as ``convert`` writes any
    output); a line it gives instead of writing one is said on each of the issue's articles,
    bad input."""
    results = [] if results is None else results
    files = IssueFiles() if files is None else files
    groups: dict[tuple[Path, tuple[str, str, str, str]], list[tuple[Loaded, Article, int]]] = {}
    # (a deposit, a DOI case-folded as DOIs compare) -> the source whose record has it
    deposited: dict[tuple[tuple[Path, tuple[str, str, str, str]], str], str] = {}
    for loaded, folder in items:
        refused = strict_refusal(loaded, options)
        if loaded.article is None or refused:
            problems = [*loaded.problems, *refused]
            results.append(
                Conversion(loaded.name, "bad-input", problems=problems, warnings=loaded.warnings)
            )
            continue
        name = str(folder / (loaded.stem + SUFFIX))
        single = render(loaded.article, options, name)
        if not single.valid:
            problems = placed_problems(single.problems, loaded.name, name, False)
            problems.append(f"{loaded.name}: left out of its issue's Crossref deposit")
            results.append(Conversion(loaded.name, "invalid", None, problems, loaded.warnings))
            continue
        done = enriched(loaded.article)
        article = done.article
        group = (folder, issue_key(article))
        doi = str(article.doi or "")
        first = deposited.setdefault((group, doi.casefold()), loaded.name) if doi else loaded.name
        if first != loaded.name:
            problem = (
                f"{loaded.name}: doi: {doi} is the DOI of {first} too: a deposit registers a DOI "
                "once (give this article its own DOI); left out of its issue's Crossref deposit"
            )
            results.append(Conversion(loaded.name, "bad-input", None, [problem], loaded.warnings))
            continue
        index = len(results)
        # (its own warnings, on its source: the issue's follow once the issue is written)
        own = [str(p) for p in untransliterated_problems(done.untransliterated, loaded.name)]
        shown = doi or None  # (to say two articles of the run with one DOI: shared_dois)
        converted = Conversion(loaded.name, "converted", None, own, loaded.warnings, doi=shown)
        results.append(converted)
        groups.setdefault(group, []).append((loaded, article, index))
    for (folder, key), members in groups.items():
        target = folder / (issue_stem(key) + SUFFIX)
        output = write_crossref_issue([m[1] for m in members], options, str(target))
        written: str | None = None
        names = [m[0].name for m in members]
        refused = None
        if output.to_write(options.write_invalid):
            refused = files.place(target, output.data, names)
            written = None if refused else str(target)
        # (the issue and a few of its articles: each article's report row has the line)
        sources = f"{issue_stem(key)} ({few_articles(names)})"
        # a line the deposit's writer labels with an article's DOI is that article's: told
        # on its source alone (told on every source of the issue, each article's warning came
        # once per article of the issue); a line of the whole deposit stays on every source
        labels = {f"{m[1].doi}: ": m[0].name for m in members if m[1].doi}
        owned: dict[str, list[str]] = {name: [] for name in labels.values()}
        shared = []
        for problem in output.problems:
            owner = next((n for lab, n in labels.items() if problem.message.startswith(lab)), None)
            if owner is None:
                shared.append(problem)
            else:
                owned[owner] += placed_problems([problem], owner, str(target), bool(written))
        problems = placed_problems(shared, sources, str(target), written is not None)
        if refused:  # (a file in the way: the issue is not written, its articles counted)
            problems.append(refused)
        removed = None if written or refused else files.remove(target, names)
        for loaded, _, index in members:
            result = results[index]
            result.output = written
            result.problems = [*result.problems, *owned.get(loaded.name, []), *problems]
            result.removed = removed
            if refused:
                result.status = "bad-input"
            elif not output.valid:
                result.status = "invalid"
    return results


def pending(result: Conversion) -> bool:
    """An article accepted for its issue's deposit whose issue file is not written yet (a run
    interrupted before it was): not done, whatever its status says so far."""
    return result.status == "converted" and result.output is None
