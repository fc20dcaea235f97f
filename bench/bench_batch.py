"""Benchmark ``jatsconv batch`` end to end, against xmllint validating the same outputs.

It writes N synthetic articles into a work folder — ``bilingual`` (the default: Russian and
English titles, abstracts and keywords, 5 authors with names in both scripts and ORCIDs, 2
affiliations, 30 references each in Russian with an English form; about 15 KB of YAML) or
``seed`` (the seed sample, 2.5 KB, with its pages varied) — then runs ``jatsconv batch`` on them
through the CLI in a subprocess, and prints:

* articles per second end to end (wall time of the whole command, start-up included), and
  the CPU time per article of the batch and its workers together (steadier than wall time on a
  shared machine), beside what creating one small file costs in the work folder (ext4 is much
  slower at it for a while after many files were deleted; the bench therefore keeps its
  generated articles for the next run and deletes its outputs only after measuring);
* peak memory: the largest resident set of any one process (``getrusage(RUSAGE_CHILDREN)``) and
  the peak of the summed proportional set size (PSS) of the batch and its workers, sampled every
  50 ms from /proc (PSS splits pages shared after fork, so the sum is the real total);
* the time xmllint takes to validate the same outputs one file at a time, the way a pipeline
  without a resident grammar does: measured on a sample of files and extrapolated to N (the
  sample size is printed), and the ratio of that to the batch's time;
* the exact command that produced the figures.

Usage::

    python3 bench/bench_batch.py -n 10000 --kind bilingual [-j 2] [--xmllint-sample 300]

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

SURNAMES = [
    ("Иванов", "Ivanov"),
    ("Петрова", "Petrova"),
    ("Смирнов", "Smirnov"),
    ("Кузнецова", "Kuznetsova"),
    ("Попов", "Popov"),
    ("Соколова", "Sokolova"),
    ("Лебедев", "Lebedev"),
    ("Козлова", "Kozlova"),
]
GIVEN = [("Иван Петрович", "Ivan P."), ("Анна Сергеевна", "Anna S."), ("Олег Юрьевич", "Oleg Yu.")]


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
        f"  ru: {q(f'Синтетическая статья № {i}: российско-японские отношения и санкции')}",
        f"  en: {q(f'Synthetic article no. {i}: Russian-Japanese relations and sanctions')}",
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
        sur, giv = SURNAMES[(i + a) % len(SURNAMES)], GIVEN[(i + a) % len(GIVEN)]
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
        pages = f"{r * 3 + 1}–{r * 3 + 9}"
        ru = (
            f"Автор {r} А. Б. Название источника номер {r} о японской политике"
            f" // Журнал исследований. {1990 + r}. № {r % 12 + 1}. С. {pages}."
        )
        en = (
            f"Avtor {r} A. B. Nazvanie istochnika nomer {r} o yaponskoi politike"
            f" [Title of source number {r} on Japanese policy]. Zhurnal issledovanii."
            f" {1990 + r}. No. {r % 12 + 1}. P. {pages}. (In Russ.)"
        )
        lines += ["  - text:", f"      ru: {q(ru)}", f"      en: {q(en)}"]
    return "\n".join(lines) + "\n"


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
            body = text.replace("fpage: 110", f"fpage: {110 + i * 10}").replace(
                "lpage: 119", f"lpage: {119 + i * 10}"
            )
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


def run_batch(command: list[str]) -> tuple[float, int, int, int, float]:
    """Run the CLI; return wall seconds, exit code, peak summed PSS, largest single RSS and
    the CPU seconds (user + system) of the batch and its workers."""
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_pss(process.pid))
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
    return seconds, process.returncode, peak, usage.ru_maxrss * 1024, cpu


def file_creation_ms(folder: Path, count: int = 500) -> float:
    """What creating, writing and renaming one small file costs here (the batch does it per
    article; on a file system that has just deleted many files, ext4 takes far longer)."""
    probe = folder / f".probe-{os.getpid()}"
    probe.mkdir(parents=True)
    start = time.perf_counter()
    for i in range(count):
        temp = probe / f".f{i}.tmp"
        temp.write_bytes(b"x" * 5000)
        os.replace(temp, probe / f"f{i}.xml")
    seconds = time.perf_counter() - start
    shutil.rmtree(probe)
    return seconds / count * 1000


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
    args = parser.parse_args()

    source = args.workdir / f"{args.kind}-{args.n}"
    out = args.workdir / f"{args.kind}-{args.n}-out-{os.getpid()}"
    report_path = args.workdir / f"{args.kind}-{args.n}-report-{os.getpid()}.json"
    print(f"articles in {source} (generated once, then reused) …", flush=True)
    generate(source, args.n, args.kind)
    sizes = [p.stat().st_size for p in list(source.rglob("article-*.yaml"))[:100]]
    create_ms = file_creation_ms(args.workdir)
    jatsconv = shutil.which("jatsconv") or "jatsconv"
    command = [
        jatsconv,
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
    seconds, code, pss, rss, cpu = run_batch(command)
    report = json.loads(report_path.read_text())
    converted = report["summary"]["converted"]
    if code != 0 or converted != args.n:
        raise SystemExit(f"batch failed: exit {code}, {converted} of {args.n} converted")

    outputs = sorted(out.rglob("*.xml"))
    sample = outputs[:: max(1, len(outputs) // args.xmllint_sample)][: args.xmllint_sample]
    catalog = subprocess.run(
        [jatsconv, "schemas", "path"], capture_output=True, text=True, check=True
    ).stdout.strip()
    lint_seconds = time_xmllint(sample, catalog)
    per_file = lint_seconds / len(sample)
    lint_total = per_file * len(outputs)
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
        f"together (user + system); creating one output file here costs {create_ms:.2f} ms"
    )
    print(
        f"peak memory:        {pss / 2**20:.0f} MB summed PSS of the batch and its workers; "
        f"largest single process {rss / 2**20:.0f} MB RSS"
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
    argv = ["python3", "bench/bench_batch.py", "-n", str(args.n), "--kind", args.kind]
    if args.workdir != Path(tempfile.gettempdir()) / "jatsconv-bench":
        argv += ["--workdir", str(args.workdir)]
    if args.jobs:
        argv += ["-j", str(args.jobs)]
    if args.xmllint_sample != 200:
        argv += ["--xmllint-sample", str(args.xmllint_sample)]
    print(f"command:            {shlex.join(argv)}")
    print(f"batch command:      {shlex.join(command)}")


if __name__ == "__main__":
    main()
