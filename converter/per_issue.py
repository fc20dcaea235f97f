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

from collections.abc import Iterable
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


def convert_per_issue(
    items: Iterable[tuple[Loaded, Path]],
    options: Options,
    results: list[Conversion] | None = None,
) -> list[Conversion]:
    """Convert read articles to one Crossref deposit per issue.

    ``items`` pairs each read article with the folder its output goes to. Returns one
    ``Conversion`` per article; ``output`` is the issue file holding it (when written).
    ``results``, when given, is filled as the articles are done, so that a run interrupted
    half-way still has what was done (``pending`` tells the ones whose issue file is not
    written yet)."""
    results = [] if results is None else results
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
        if output.to_write(options.write_invalid):
            write_output(target, output.data)
            written = str(target)
        sources = ", ".join(m[0].name for m in members)
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
        removed = None if written else remove_stale(target)
        for loaded, _, index in members:
            result = results[index]
            result.output = written
            result.problems = [*result.problems, *owned.get(loaded.name, []), *problems]
            result.removed = removed
            if not output.valid:
                result.status = "invalid"
    return results


def pending(result: Conversion) -> bool:
    """An article accepted for its issue's deposit whose issue file is not written yet (a run
    interrupted before it was): not done, whatever its status says so far."""
    return result.status == "converted" and result.output is None
