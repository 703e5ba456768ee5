#!/usr/bin/env python3
"""Entity-matcher throughput: the seed articles repeated to N articles, tagged with a large registry.

    python bench/matcher.py [--articles 10000] [--entities 5000]

Builds a registry of generated entities (people, groups, places with about
three aliases each, plus the site's own registry so the seed names are
found), then tags every article (title and body) on one core and reports
articles per second and peak memory. The same run tags the same articles with
the site's own registry as the peer, so the ratio shows whether the cost per
article grows with the number of aliases.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # corpus.py, beside this script

import yaml  # noqa: E402
from corpus import seed_articles  # noqa: E402

from dossier.extract.entities import Matcher, resolve_mentions  # noqa: E402
from dossier.extract.registry import Registry, registry_from_data  # noqa: E402
from dossier.extract.tokens import tokenize  # noqa: E402

GIVEN = """Ahmad Ali Hassan Hussein Karim Mahmoud Mustafa Omar Salim Tariq Yusuf Zaid Bilal Faris Hamid
Jamal Khalid Majid Nabil Rashid Samir Walid Adel Basim Fadhil Ghazi Haidar Ibrahim Jalal Kamal Layth
Munir Nizar Qasim Ridha Sabah Thamer Usama Wissam Yasin Ziad""".split()
FAMILY = """Rashidi Haddad Jubouri Dulaimi Obeidi Tamimi Zubaidi Shammari Khafaji Maliki Hakim Karbalai
Hashimi Musawi Najafi Husseini Issawi Mashhadani Samarrai Tikriti Anbari Basri Mosuli Kubaisi Jabbari
Saadi Lami Kaabi Fayadh Ameri Bayati Daraji Tai Azzawi Qaisi Hamdani Kurdi Barzanji Talabani""".split()
UNITS = (
    "Brigades Battalions Movement Front Organization Council Forces Guard Corps League Bloc Alliance".split()
)
WORDS = """Sayyid Imam Martyrs Victory Dawn Righteous Faithful Promise Jihad Resistance Banner Sword Lions
Eagles Defenders Partisans Vanguard Hope National Popular Islamic Unity Reform Peace Justice""".split()
PLACES = """Haditha Rutba Qaim Baiji Tuz Tarmiyah Jurf Mahmudiya Yusufiya Latifiya Balad Dujail Samarra
Fallujah Ramadi Hit Rawa Ana Tal Afar Sinjar Zummar Makhmour Kifri Khanaqin Mandali Badra Kut Amara
Nasiriya Samawa Diwaniya Hilla Musayyib Kufa Zubair Faw Qurna Shatra""".split()


def generated_entities(count: int, seed: int = 7) -> list[dict]:
    """``count`` plausible entities with about three aliases each, all distinct."""
    rng = random.Random(seed)
    entities, taken = [], set()
    while len(entities) < count:
        kind = rng.choice(("person", "person", "armed-group", "place"))
        n = len(entities)
        if kind == "person":
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            name = f"{given} al-{family} {n}"
            aliases = [f"{given} {family} {n}", f"al-{family} {n}"]
        elif kind == "armed-group":
            name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(UNITS)} {n}"
            initials = "".join(w[0] for w in name.split()[:3]).upper()
            aliases = [f"{initials}{n}", f"{name.split()[0]} {name.split()[2]} {n}"]
        else:
            place = rng.choice(PLACES)
            name = f"{place} District {n}"
            aliases = [f"{place} {n}", f"al-{place} {n}"]
        if name in taken:
            continue
        taken.add(name)
        entities.append({"id": f"gen-{n}", "name": name, "type": kind, "aliases": aliases})
    return entities


def registries(entity_count: int) -> tuple[Registry, Registry]:
    site = yaml.safe_load((ROOT / "entities.yaml").read_text(encoding="utf-8"))
    small = registry_from_data(site)
    large = registry_from_data({**site, "entities": site["entities"] + generated_entities(entity_count)})
    return small, large


def tag_all(matcher: Matcher, articles: list[tuple[str, str]]) -> tuple[float, int]:
    gc.collect()
    started = time.process_time()  # CPU time of this process: less noise from a shared machine
    mentions = 0
    for title, body in articles:
        title_matches, body_matches = matcher.scan_article(tokenize(title), tokenize(body))  # as extract does
        mentions += len(resolve_mentions(title, title_matches, body, body_matches))
    return time.process_time() - started, mentions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--entities", type=int, default=5_000)
    parser.add_argument(
        "--rounds", type=int, default=3, help="timed rounds per registry; the median is reported"
    )
    args = parser.parse_args()

    seeds = seed_articles()
    corpus = [(seeds[i % len(seeds)].title, seeds[i % len(seeds)].body) for i in range(args.articles)]
    size_kb = sum(len(t) + len(b) for t, b in corpus) / len(corpus) / 1024

    tracemalloc.start()
    small, large = registries(args.entities)
    small_matcher, large_matcher = Matcher(small), Matcher(large)
    matcher_memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    alias_count = len(large.aliases)

    results = {}
    for label, matcher in (("site registry", small_matcher), ("large registry", large_matcher)):
        times = []
        for _ in range(args.rounds):
            seconds, mentions = tag_all(matcher, corpus)
            times.append(seconds)
        median = sorted(times)[len(times) // 2]
        results[label] = (median, mentions)

    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {args.articles} articles, {size_kb:.1f} KB each on average")
    print(f"site registry: {len(small.entities)} entities, {len(small.aliases)} aliases")
    print(f"large registry: {len(large.entities)} entities, {alias_count} aliases")
    for label, (seconds, mentions) in results.items():
        print(
            f"{label:15s} {args.articles / seconds:8.0f} articles/s "
            f"({seconds:.2f} s CPU, {mentions} mentions)"
        )
    ratio = results["large registry"][0] / results["site registry"][0]
    print(f"time per article, large / site registry: {ratio:.2f}")
    print(
        f"memory held by both matchers: {matcher_memory / 2**20:.1f} MiB; "
        f"peak RSS of the run: {peak_rss:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
