"""Benchmark ``jatsconv batch`` end to end, against xmllint validating the same outputs.

It writes N synthetic articles into a work folder — ``bilingual`` (the default: Russian and
English titles, abstracts and keywords, 5 authors with names in both scripts and ORCIDs, 2
affiliations, 30 references each in Russian with an English form; about 15 KB of YAML) or
``seed`` (the seed sample, 2.5 KB, with its pages varied) — then runs ``jatsconv batch`` on them
through the CLI in a subprocess, and prints:

* articles per second end to end (wall time of the whole command, start-up included), and
  the CPU time per article of the batch and its workers together (steadier than wall time on a
  shared machine), split into the main process's and the workers' (read from /proc while it
  runs), beside what creating one small file costs in the work folder. On ext4
  without a journal (this project's machine) creating a file first scans past every inode of
  its group freed in the last 60 seconds (6 minutes while the inode table's block is not yet
  written back: the kernel's ``recently_deleted`` check), so a
  creation costs more the more files anyone deleted just before: the bench therefore keeps
  its generated articles for the next run, and deletes its outputs, its probe files and the
  files of ``--stages`` only after measuring (a run started within minutes of another one's
  end still pays for that one's outputs: to compare two versions, run both with ``--keep``
  and delete the outputs afterwards);
* peak memory: the largest resident set of any one process (``getrusage(RUSAGE_CHILDREN)``) and
  the peak of the summed proportional set size (PSS) of the batch and its workers, sampled every
  second from /proc (PSS splits pages shared after fork, so the sum is the real total; each
  reading costs 3.5-5 ms of CPU, see ``PSS_EVERY``);
* the time xmllint takes to validate the same outputs one file at a time, the way a pipeline
  without a resident grammar does: measured on a sample of files and extrapolated to N (the
  sample size is printed), and the ratio of that to the batch's time;
* the exact command that produced the figures, and whether the targets are met: CPU per
  article (batch and workers together) ≤ 2.5 ms for seed articles and ≤ 6 ms for bilingual
  ones, and ≥ 1,000 (seed) or ≥ 400 (bilingual) articles per second end to end.

Every article is distinct: its title, authors and reference texts are made up per article
from syllables and words (as in a real archive, no cache keyed on a text ever hits).

``--stages`` also times, in this process and before the batch runs, each stage of the
per-article path on a sample of the same articles (CPU time): reading the file and its digest,
YAML, the model, enrichment (transliteration and citation parsing), rendering, parsing and DTD
validation, writing the temporary file; and the worker's whole path per article (those stages
plus its bookkeeping) on other articles, one after each article the stages time (so the load of
the moment falls on both alike), then the main process's share (renaming into place, the
books).

The batch runs this checkout's code (``python3 -m converter batch``, the code path of the
installed ``jatsconv``), byte-compiled first as pip leaves an installed package (as
``bench_startup.py`` does): in a shell with ``PYTHONDONTWRITEBYTECODE=1`` the batch's main
process would otherwise compile ~60 of the package's modules from source on every run (≈ 0.05
s of CPU, 0.01 ms per article at 5,000).

Usage::

    python3 bench/bench_batch.py -n 10000 --kind bilingual [-j 2] [--xmllint-sample 300]
    python3 bench/bench_batch.py -n 2000 --kind seed --stages

Nothing here is asserted: the figures are for the README.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "russian-japanology-review" / "2018-1" / "streltsov-110.yaml"
SEED_JOURNAL = ROOT / "samples" / "russian-japanology-review" / "journal.yaml"

JOURNAL = """\
language: ru
title: {ru: Вестник синтетических исследований, en: Bulletin of Synthetic Studies}
abbrev_title: Bull. Synth. Stud.
ids: {publisher-id: bss}
issn: {print: 2658-6444, electronic: 2658-6789}
publisher:
  name: {ru: Издательство Тест, en: Test Publishing}
  location: Moscow, Russian Federation
"""

# Syllables in Cyrillic with their BSI transliteration: surnames, given names and title words
# are built from them per article and per reference, so that no two articles share a reference
# text, an author or a title (caches keyed on the text never hit, as in a real archive).
SYLLABLES = [
    ("ба", "ba"), ("ве", "ve"), ("го", "go"), ("да", "da"), ("ж", "zh"), ("зи", "zi"),
    ("ка", "ka"), ("ло", "lo"), ("ми", "mi"), ("но", "no"), ("пе", "pe"), ("ра", "ra"),
    ("со", "so"), ("ту", "tu"), ("фе", "fe"), ("хо", "kho"), ("ци", "tsi"), ("ча", "cha"),
    ("ше", "she"), ("щу", "shchu"), ("лен", "len"), ("ров", "rov"), ("дин", "din"),
    ("мар", "mar"), ("сан", "san"), ("тор", "tor"), ("вин", "vin"), ("кур", "kur"),
]  # fmt: skip
ENDINGS = [("ов", "ov"), ("ин", "in"), ("ский", "skii"), ("ев", "ev"), ("енко", "enko")]
ENGLISH = [
    "policy", "trade", "security", "energy", "islands", "treaty", "summit", "reform",
    "migration", "border", "investment", "culture", "diplomacy", "alliance", "region", "economy",
    "history", "memory", "identity", "media", "science", "labour", "industry", "finance",
    "transport", "agriculture", "education", "health", "climate", "fisheries", "shipping",
]  # fmt: skip


def _pick(seed: int, count: int) -> int:
    """A deterministic spread of ``seed`` over ``count`` values (an integer hash)."""
    x = (seed * 0x9E3779B1 + 0x7F4A7C15) & 0xFFFFFFFF
    x ^= x >> 15
    x = (x * 0x2C1B3C6D) & 0xFFFFFFFF
    x ^= x >> 12
    x = (x * 0x297A2D39) & 0xFFFFFFFF
    return (x ^ (x >> 15)) % count


def word(seed: int, syllables: int = 3) -> tuple[str, str]:
    """A made-up word in Cyrillic and its Latin transliteration."""
    parts = [SYLLABLES[_pick(seed * 31 + k, len(SYLLABLES))] for k in range(syllables)]
    return "".join(p[0] for p in parts), "".join(p[1] for p in parts)


def surname(seed: int) -> tuple[str, str]:
    stem = word(seed, 2 + seed % 2)
    end = ENDINGS[_pick(seed + 3, len(ENDINGS))]
    return (stem[0] + end[0]).capitalize(), (stem[1] + end[1]).capitalize()


def initials(seed: int) -> tuple[str, str]:
    first, second = word(seed + 11, 1), word(seed + 17, 1)
    return (
        f"{first[0][0].upper()}. {second[0][0].upper()}.",
        f"{first[1][0].upper()}. {second[1][0].upper()}.",
    )


def english(seed: int, count: int) -> str:
    return " ".join(ENGLISH[_pick(seed * 37 + k + 1000003, len(ENGLISH))] for k in range(count))


def orcid(n: int) -> str:
    """A valid ORCID iD (ISO 7064 MOD 11-2 check digit) built from a number."""
    base = f"{n:015d}"
    total = 0
    for ch in base:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    digits = base + ("X" if check == 10 else str(check))
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def bilingual_article(i: int) -> str:
    volume, fpage = 1 + i // 400, 1 + (i % 400) * 12
    lines = [
        "language: ru",
        "title:",
        f"  ru: {q(' '.join(word(i * 13 + k)[0] for k in range(6)).capitalize())}",
        f"  en: {q(english(i, 7).capitalize() + f' (no. {i})')}",
        f"doi: 10.5555/bss.{volume}.{fpage}",
        f"volume: {volume}",
        "issue: 1",
        f"fpage: {fpage}",
        f"lpage: {fpage + 11}",
        "published: {electronic: 2024-03-15, collection: 2024}",
        "history: {received: 2023-11-02, accepted: 2024-01-20}",
        "authors:",
    ]
    for a in range(5):
        sur, giv = surname(i * 10 + a), initials(i * 10 + a)
        lines += [
            "  - name:",
            f"      ru: {{surname: {sur[0]}, given: {giv[0]}}}",
            f"      en: {{surname: {sur[1]}, given: {giv[1]}}}",
            f"    orcid: {orcid(i * 10 + a + 1)}",
            f"    affiliations: [aff{1 + a % 2}]",
        ]
        if a == 0:
            lines += ["    corresponding: true", f"    email: author{i}@example.org"]
    lines += [
        "affiliations:",
        "  - id: aff1",
        "    institution:",
        "      ru: Московский государственный университет",
        "      en: Moscow State University",
        "    city: {ru: Москва, en: Moscow}",
        "    country: RU",
        "  - id: aff2",
        "    institution: {ru: Институт востоковедения РАН, en: Institute of Oriental Studies}",
        "    city: {ru: Москва, en: Moscow}",
        "    country: RU",
        "abstract:",
        "  ru: |",
        "    В статье прослеживается, как между 2014 и 2018 годами менялся взгляд Москвы на",
        "    Японию: от расчёта на брешь в санкционном фронте Запада к пониманию символичности",
        "    санкций.",
        "",
        "    Японский подход, в котором проекты при поддержке государства служат политическим",
        "    целям, сопоставляется с российским, оценивающим инвестиции по их коммерческой",
        "    отдаче.",
        "  en: |",
        "    The article traces how Moscow's view of Japan changed between 2014 and 2018: from",
        "    hopes of a breach in the Western sanctions front to seeing the sanctions as largely",
        "    symbolic.",
        "",
        "    It sets the Japanese approach, in which state-backed projects serve political aims,",
        "    against the Russian one, which judges investment by its commercial return.",
        "keywords:",
        "  ru: [российско-японские отношения, санкции, территориальный спор, инвестиции, Дальний"
        " Восток]",
        "  en: [Russian-Japanese relations, sanctions, territorial dispute, investment, Russian"
        " Far East]",
        "license: CC-BY-4.0",
        "references:",
    ]
    for r in range(30):
        seed = i * 100 + r
        first = 1 + seed % 300
        pages = f"{first}–{first + 8 + seed % 20}"
        sur, ini = surname(seed), initials(seed)
        title = [word(seed * 7 + k) for k in range(4)]
        title_ru = " ".join(w[0] for w in title).capitalize()
        title_lat = " ".join(w[1] for w in title).capitalize()
        source = word(seed + 5)
        year, number = 1990 + seed % 34, seed % 12 + 1
        ru = f"{sur[0]} {ini[0]} {title_ru} // Вестник {source[0]}. {year}. № {number}. С. {pages}."
        en = (
            f"{sur[1]} {ini[1]} {title_lat} [{english(seed, 5).capitalize()}]. Vestnik"
            f" {source[1]}. {year}. No. {number}. P. {pages}. (In Russ.)"
        )
        lines += ["  - text:", f"      ru: {q(ru)}", f"      en: {q(en)}"]
    return "\n".join(lines) + "\n"


def seed_article(text: str, i: int) -> str:
    """The seed sample with its pages, title, author and six references made distinct per
    article, each reference in the shape of the seed's own (transliterated "References" style)."""
    refs = []
    for r in range(6):
        seed = i * 10 + r
        sur, ini = surname(seed)[1], initials(seed)[1]
        lat = " ".join(word(seed * 7 + k)[1] for k in range(4)).capitalize()
        eng = english(seed, 6).capitalize()
        source = word(seed + 5)[1].capitalize()
        year = 2000 + seed % 19
        refs.append(
            [
                f"{sur} {ini[:2]} ({year}) {lat} [{eng}]. 6 September //{source} Gazeta."
                " (accessed: 21 July 2018)",
                f"{sur}, {ini[:2]} ({year}) {lat} [{eng}]. 14 January. // Ekho {source}."
                " (accessed: 21 July 2018).",
                f"{sur} {ini[:2]} ({year}) {lat} [{eng}?]. 29 September // (accessed: 21 July"
                " 2018).",
                f"{sur}, {ini[:2]} ({year}). {lat} [{eng}]. 12 September // {source[:3].upper()}."
                " (accessed: 21 July 2018).",
                f"{sur}: {lat} [{sur}: {eng}]. 5 September {year}. // {source}. (accessed: 21"
                " July 2018).",
                f"{lat} [{eng}]. {source}. 7 September {year}.",
            ][r]
        )
    head, _, _ = text.partition("references:")
    head = (
        head.replace("fpage: 110", f"fpage: {110 + i * 10}")
        .replace("lpage: 119", f"lpage: {119 + i * 10}")
        .replace("Streltsov", surname(i)[1])
        .replace(
            '"Russian-Japanese relations: Systemic crisis or new opportunities?"',
            q(f"{english(i, 4).capitalize()}: systemic crisis or new opportunities?"),
        )
    )
    return head + "references:\n" + "".join(f"  - {q(ref)}\n" for ref in refs)


def generate(folder: Path, n: int, kind: str) -> None:
    """Write the articles (kept for the next run: generating is not what is measured)."""
    if (folder / ".complete").is_file():
        return
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    _write_articles(folder, n, kind)
    (folder / ".complete").write_text("")


def _write_articles(folder: Path, n: int, kind: str) -> None:
    if kind == "seed":
        (folder / "journal.yaml").write_text(SEED_JOURNAL.read_text(encoding="utf-8"))
        text = SEED.read_text(encoding="utf-8")
        for i in range(n):
            body = seed_article(text, i)
            sub = folder / f"part{i // 1000:03d}"
            sub.mkdir(exist_ok=True)
            (sub / f"article-{i:06d}.yaml").write_text(body, encoding="utf-8")
        return
    (folder / "journal.yaml").write_text(JOURNAL, encoding="utf-8")
    for i in range(n):
        sub = folder / f"part{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"article-{i:06d}.yaml").write_text(bilingual_article(i), encoding="utf-8")


def _tree_pss(pid: int) -> int:
    """Summed PSS (bytes) of a process and all its descendants."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
            with open(f"/proc/{current}/task/{current}/children") as handle:
                stack.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def _own_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) a process has used itself, its children not counted."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def _has_children(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return bool(handle.read().split())
    except OSError:
        return False


# Seconds between two readings of the summed PSS. Reading it makes the kernel walk every page
# of the batch's three processes: 3.5-5 ms of CPU (this process's) each time, taken from the
# batch being timed, which needs both cores: every 50 ms it took ~9 % of a core, every 0.25 s
# ~75 ms of CPU over a 5,000-article seed run (0.7 % of what the two cores give in that time).
# Memory stays flat through a run (the README's 100,000-article rows), so one reading a second
# finds its peak. The main process's CPU is still read every 50 ms (0.03 ms each). The CPU the
# sampling took is printed.
PSS_EVERY = 1.0


def run_batch(
    command: list[str],
) -> tuple[float, int, int, int, float, float, float, float, float]:
    """Run the CLI; return wall seconds, exit code, peak summed PSS, largest single RSS, the
    CPU seconds (user + system) and system seconds of the batch and its workers, the CPU
    seconds of the main process alone (its last reading, at most 50 ms before it ended), and
    of its start-up: its CPU when its first worker was seen (imports, listing the sources,
    loading the grammar, templates and labeller, all before a worker starts; read every 50 ms,
    so up to ~50 ms more), and the CPU seconds this sampling took (taken from the batch)."""
    peak = 0
    main_cpu = 0.0
    startup_cpu = 0.0
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    done = threading.Event()
    sampling = 0.0  # the sampler's own CPU seconds

    def sample() -> None:
        nonlocal peak, main_cpu, startup_cpu, sampling
        began = time.thread_time()
        last_pss = 0.0
        while not done.is_set():
            now = time.perf_counter()
            if now - last_pss >= PSS_EVERY:
                peak = max(peak, _tree_pss(process.pid))
                last_pss = now
            main_cpu = _own_cpu(process.pid) or main_cpu
            if not startup_cpu and _has_children(process.pid):
                startup_cpu = main_cpu
            sampling = time.thread_time() - began
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    return (
        seconds,
        process.returncode,
        peak,
        usage.ru_maxrss * 1024,
        cpu,
        usage.ru_stime,
        main_cpu,
        startup_cpu,
        sampling,
    )


def file_creation_ms(folder: Path, count: int = 500) -> tuple[float, Path]:
    """What creating, writing and renaming one small file costs here (the batch does it per
    article), and the folder of the files made to find out: the caller deletes it after the
    batch has run (see ``main``: deleting files makes the next ones slower to create)."""
    probe = folder / f".probe-{os.getpid()}"
    probe.mkdir(parents=True)
    start = time.perf_counter()
    for i in range(count):
        temp = probe / f".f{i}.tmp"
        temp.write_bytes(b"x" * 5000)
        os.replace(temp, probe / f"f{i}.xml")
    seconds = time.perf_counter() - start
    return seconds / count * 1000, probe


def time_xmllint(files: list[Path], catalog: str) -> float:
    """Seconds xmllint takes to validate these files one process per file."""
    exe = shutil.which("xmllint")
    if exe is None:
        raise SystemExit("xmllint not installed (Debian package libxml2-utils)")
    env = {"XML_CATALOG_FILES": catalog, "PATH": "/usr/bin:/bin"}
    start = time.perf_counter()
    for path in files:
        result = subprocess.run(
            [exe, "--noout", "--valid", "--nonet", str(path)], env=env, capture_output=True
        )
        if result.returncode != 0:
            raise SystemExit(f"xmllint rejects {path}: {result.stderr.decode()[:500]}")
    return time.perf_counter() - start


# Targets per kind: CPU per article (batch and workers, ms) and articles per second end to end.
TARGETS = {"seed": (2.5, 1000), "bilingual": (6.0, 400)}


def print_stages(source: Path, count: int) -> Path:
    """CPU per article of each stage of the per-article path, timed in this process. Returns
    the folder of the files it wrote, for the caller to delete after the batch (see ``main``)."""
    import gc
    import hashlib

    sys.path.insert(0, str(ROOT))
    from lxml import etree

    from converter.atomic import write_temp
    from converter.batch.books import Books
    from converter.batch.settings import BatchSettings
    from converter.batch.sources import iter_jobs, list_sources
    from converter.batch.worker import RecordingCache, convert_job, init_worker
    from converter.enrich import enrich
    from converter.grammars import get_grammars
    from converter.options import Options
    from converter.readers.native import article_from_data, parse_data
    from converter.validation import dtd_problems
    from converter.writers import jats

    # Three disjoint sets: one article to warm up (templates, grammar, citation model), the
    # stages, and the worker's whole path: no article is seen twice, so no cache hits.
    found = sorted(source.rglob("article-*.yaml"))
    count = min(count, (len(found) - 1) // 2)
    warm, paths, others = found[0], found[1 : count + 1], found[count + 1 : 2 * count + 1]
    grammars = get_grammars().require()
    options = Options(grammars=grammars)
    jats.warm_up(options)
    dtd = jats._dtd(grammars, options.version, options.tag_set)
    parser = jats._PARSER  # the writer's own
    cache = RecordingCache()  # the worker's: the journal file found and read once per folder
    work = Path(tempfile.mkdtemp(prefix="stages-", dir=source.parent))
    clock = time.process_time
    totals = dict.fromkeys(
        ["read + digest", "YAML", "model", "enrich", "render", "parse + DTD", "write"], 0.0
    )
    data = parse_data(warm.read_text(encoding="utf-8"), str(warm))
    enrich(article_from_data(data, str(warm), base_dir=warm.parent, cache=cache))
    # The worker's whole path (the stages plus its bookkeeping) on the other set, one of its
    # articles after each article of the stages: timed one pass after the other, the two sums
    # differed by 10 % on a busy machine (12.72 against 11.53 ms, 1 December 01:50) where
    # their instructions differ by 0.3 % (callgrind, same articles and labeller caches).
    settings = BatchSettings(out_dir=work / "batch", options=options, jobs=1, force=True)
    init_worker(settings, "stages", in_process=True)
    files, _ = list_sources([str(p) for p in others])
    jobs = list(iter_jobs(files, settings))
    gc.freeze()  # as a batch worker does (converter.batch.worker.init_worker)
    gc.disable()
    results = []
    whole = 0.0
    for index, (path, job) in enumerate(zip(paths, jobs, strict=True)):
        t0 = clock()
        raw = path.read_bytes()
        hashlib.blake2b(raw, digest_size=16).hexdigest()
        t1 = clock()
        data = parse_data(raw.decode("utf-8-sig"), str(path))
        t2 = clock()
        article = article_from_data(data, str(path), base_dir=path.parent, cache=cache)
        t3 = clock()
        article = enrich(article)
        t4 = clock()
        text = jats.render_jats(article)
        t5 = clock()
        out = text.encode("utf-8")
        problems = dtd_problems(etree.fromstring(out, parser).getroottree(), dtd, str(path))
        t6 = clock()
        target = work / f"a{index}.xml"
        temp = write_temp(target, lambda stream, out=out: stream.write(out))
        os.replace(temp, target)
        t7 = clock()
        if problems:
            raise SystemExit(f"{path}: invalid: {problems[0]}")
        for key, start, end in zip(
            totals, (t0, t1, t2, t3, t4, t5, t6), (t1, t2, t3, t4, t5, t6, t7), strict=True
        ):
            totals[key] += end - start
        t8 = clock()
        results.append(convert_job(job, None))
        whole += clock() - t8
    t1 = clock()
    books = Books(settings, {})
    for result in results:
        for entry in result.entries:
            if entry.temp:
                books.temps.add(entry.temp)
        books.accept(result, lambda line: None)
    t2 = clock()
    books.close()
    files.close()
    n = len(paths)
    print(f"stages (CPU per article, this process, {n} articles):")
    for key, seconds in totals.items():
        print(f"  {key:20} {seconds / n * 1000:6.3f} ms")
    print(f"  {'sum of the stages':20} {sum(totals.values()) / n * 1000:6.3f} ms")
    print(f"  {'worker, whole path':20} {whole / n * 1000:6.3f} ms (stages + bookkeeping)")
    print(f"  {'main process':20} {(t2 - t1) / n * 1000:6.3f} ms (renames, names, report rows)")
    print()
    return work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--kind", choices=["bilingual", "seed"], default="bilingual")
    parser.add_argument("-j", "--jobs", type=int, default=0, help="workers (default: all cores)")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "jatsconv-bench",
        help="where inputs and outputs go (default: the system temporary folder)",
    )
    parser.add_argument(
        "--xmllint-sample",
        type=int,
        default=200,
        help="files xmllint validates, extrapolated to N (default 200)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the outputs and the report")
    parser.add_argument(
        "--stages",
        action="store_true",
        help="also time each stage of the per-article path in this process (CPU per article)",
    )
    parser.add_argument(
        "--stage-sample",
        type=int,
        default=300,
        help="articles timed by --stages, per pass (default 300; needs twice as many, plus one)",
    )
    args = parser.parse_args()

    source = args.workdir / f"{args.kind}-{args.n}"
    out = args.workdir / f"{args.kind}-{args.n}-out-{os.getpid()}"
    report_path = args.workdir / f"{args.kind}-{args.n}-report-{os.getpid()}.json"
    print(f"articles in {source} (generated once, then reused) …", flush=True)
    generate(source, args.n, args.kind)
    sizes = [p.stat().st_size for p in list(source.rglob("article-*.yaml"))[:100]]
    # Files this bench writes on the side are deleted only after the batch has run: on ext4
    # without a journal (this project's machine) creating a file scans past every inode of its
    # group freed in the last 60 s (up to 6 min), so deleting them first would slow its writes.
    create_ms, probe = file_creation_ms(args.workdir)
    leftovers = [probe]
    if args.stages:
        leftovers.append(print_stages(source, args.stage_sample))
    jatsconv = [sys.executable, "-m", "converter"]
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "converter")], check=True)
    command = [
        *jatsconv,
        "batch",
        str(source),
        "-o",
        str(out),
        "-q",
        "--report",
        str(report_path),
    ]
    if args.jobs:
        command += ["-j", str(args.jobs)]
    seconds, code, pss, rss, cpu, system, main_cpu, startup_cpu, sampling = run_batch(command)
    report = json.loads(report_path.read_text())
    converted = report["summary"]["converted"]
    if code != 0 or converted != args.n:
        raise SystemExit(f"batch failed: exit {code}, {converted} of {args.n} converted")

    outputs = sorted(out.rglob("*.xml"))
    sample = outputs[:: max(1, len(outputs) // args.xmllint_sample)][: args.xmllint_sample]
    catalog = subprocess.run(
        [*jatsconv, "schemas", "path"], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()
    lint_seconds = time_xmllint(sample, catalog)
    per_file = lint_seconds / len(sample)
    lint_total = per_file * len(outputs)
    for folder in leftovers:
        shutil.rmtree(folder)
    if not args.keep:
        shutil.rmtree(out)
        report_path.unlink()

    cores = os.cpu_count()
    print()
    print(
        f"articles:           {args.n} {args.kind} (YAML ≈ {sum(sizes) / len(sizes) / 1024:.1f} "
        f"KB each), {cores} cores, jobs {args.jobs or cores}"
    )
    print(
        f"batch end to end:   {seconds:.2f} s  →  {args.n / seconds:,.0f} articles/s "
        f"(the batch's own timer, without start-up: "
        f"{report['summary']['articles_per_second']:,.0f}/s)"
    )
    print(
        f"CPU:                {cpu / args.n * 1000:.2f} ms per article, batch and workers "
        f"together (user + system; system {system / args.n * 1000:.2f} ms, mostly the file "
        f"system's); creating one output file here costs {create_ms:.2f} ms"
    )
    print(
        f"                    of it the main process {main_cpu / args.n * 1000:.2f} ms (start-up, "
        "listing, handing out work, renames, books), the workers "
        f"{(cpu - main_cpu) / args.n * 1000:.2f} ms"
    )
    print(
        f"                    the main process's start-up (until its first worker) "
        f"{startup_cpu:.2f} s = {startup_cpu / args.n * 1000:.3f} ms per article; after it "
        f"{(main_cpu - startup_cpu) / args.n * 1000:.3f} ms per article"
    )
    print(
        f"peak memory:        {pss / 2**20:.0f} MB summed PSS of the batch and its workers; "
        f"largest single process {rss / 2**20:.0f} MB RSS (read every {PSS_EVERY:g} s: the "
        f"bench's sampling took {sampling * 1000:.0f} ms of CPU during the batch)"
    )
    print(
        f"xmllint one by one: {per_file * 1000:.1f} ms per file (sample of {len(sample)} "
        f"files, {lint_seconds:.2f} s) → {lint_total:.1f} s for {len(outputs)} files, "
        f"extrapolated"
    )
    print(
        f"ratio:              batch is {lint_total / seconds:.1f}× faster than xmllint "
        "validating alone"
    )
    cpu_ms = cpu / args.n * 1000
    rate = args.n / seconds
    cpu_target, rate_target = TARGETS[args.kind]
    cpu_met, rate_met = cpu_ms <= cpu_target, rate >= rate_target
    print(
        f"targets ({args.kind}): CPU ≤ {cpu_target} ms per article: "
        f"{'met' if cpu_met else 'NOT met'} ({cpu_ms:.2f} ms); end to end ≥ {rate_target:,} "
        f"articles/s: {'met' if rate_met else 'NOT met'} ({rate:,.0f}/s)"
    )
    print(f"machine load:       {os.getloadavg()[0]:.1f} (1-minute load average after the run)")
    argv = ["python3", "bench/bench_batch.py", "-n", str(args.n), "--kind", args.kind]
    if args.workdir != Path(tempfile.gettempdir()) / "jatsconv-bench":
        argv += ["--workdir", str(args.workdir)]
    if args.jobs:
        argv += ["-j", str(args.jobs)]
    if args.xmllint_sample != 200:
        argv += ["--xmllint-sample", str(args.xmllint_sample)]
    if args.stages:
        argv += ["--stages"]
        if args.stage_sample != 300:
            argv += ["--stage-sample", str(args.stage_sample)]
    if args.keep:
        argv += ["--keep"]
    print(f"command:            {shlex.join(argv)}")
    print(f"batch command:      {shlex.join(command)}")


if __name__ == "__main__":
    main()
