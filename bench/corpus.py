#!/usr/bin/env python3
"""A deterministic corpus of N seed-like articles, built from the site's own articles.

    python bench/corpus.py N OUTPUT_DIR [--format dossier|pelican|hugo] [--seed 1]

Each article takes six to nine paragraphs from the seed articles (so entity and
date density are the seeds'), a publication date spread over three years, one
of a dozen outlets and authors, and a title of its own; about 6 KB each. The
same N and seed always give the same files. ``--format`` writes the metadata
the way each tool reads it: YAML frontmatter for dossier and Hugo, Pelican's
``Key: value`` header for Pelican; the Markdown bodies are identical.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dossier.model import Article  # noqa: E402
from dossier.scan import articles_to_extract, list_article_files, scan_articles  # noqa: E402

OUTLETS = [
    ("Vox", "Editors Desk"), ("Al-Ahram Weekly", "Nermeen Al-Mufti"), ("World Policy Hub", "Mohamed Sakhri"),
    ("Medium", "Christian Baghai"), ("The National", "Sara Haddad"), ("Rudaw", "Karwan Aziz"),
    ("Al-Monitor", "Omar Sattar"), ("Reuters", "Ahmed Rasheed"), ("Associated Press", "Qassim Abdul-Zahra"),
    ("The New Arab", "Layla Hamid"), ("Middle East Eye", "Tom Riley"), ("War on the Rocks", "Dana Stroul"),
]  # fmt: skip
TOPICS = [
    "the coalition's future", "Baghdad's balancing act", "militia attacks", "the drawdown talks",
    "Iran's leverage", "ISIS remnants", "the Kurdistan Region", "the Gaza war's spillover",
    "oil and the dollar", "the Higher Military Commission", "parliament's vote", "US bases in Anbar",
]  # fmt: skip
TAGS = ["Politics", "Security", "Diplomacy", "Analysis", "Militias", "Economy"]
START = date(2023, 1, 1)
SPAN_DAYS = 3 * 365


def seed_articles() -> list[Article]:
    """The site's own articles, drafts left out, read as a build reads them."""
    scan = scan_articles(list_article_files(ROOT / "articles", ROOT), {}, False, "", jobs=1)
    return [article for article, _ in articles_to_extract(scan, list(scan.keys), ROOT)]


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for article in seed_articles():
        for block in article.body.split("\n\n"):
            block = block.strip()
            if block and not block.startswith("#") and len(block) > 120:
                paragraphs.append(block)
    return paragraphs


def articles(count: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    pool = seed_paragraphs()
    generated = []
    for n in range(count):
        outlet, author = OUTLETS[rng.randrange(len(OUTLETS))]
        body, size = [], 0
        while size < 5600:
            paragraph = pool[rng.randrange(len(pool))]
            body.append(paragraph)
            size += len(paragraph) + 2
        published = START + timedelta(days=rng.randrange(SPAN_DAYS))
        generated.append(
            {
                "name": f"{published.isoformat()}-{n:05d}",
                "title": f"{TOPICS[rng.randrange(len(TOPICS))].capitalize()}: report {n}",
                "date": published,
                "source": outlet,
                "author": author,
                "tags": sorted(rng.sample(TAGS, 2)),
                "body": "\n\n".join(body),
            }
        )
    return generated


def render(article: dict, style: str) -> str:
    if style == "pelican":
        header = (
            f"Title: {article['title']}\nDate: {article['date'].isoformat()}\n"
            f"Author: {article['author']}\nTags: {', '.join(article['tags'])}\n"
            f"Summary: {article['source']}\n\n"
        )
        return header + article["body"] + "\n"
    tags = ", ".join(article["tags"])
    frontmatter = (
        f'---\ntitle: "{article["title"]}"\ndate: {article["date"].isoformat()}\n'
        f"source: {article['source']}\nauthor: {article['author']}\ntags: [{tags}]\n---\n\n"
    )
    return frontmatter + article["body"] + "\n"


def write_corpus(count: int, folder: Path, style: str = "dossier", seed: int = 1) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for article in articles(count, seed):
        text = render(article, style)
        (folder / f"{article['name']}.md").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("output", type=Path)
    parser.add_argument("--format", choices=("dossier", "pelican", "hugo"), default="dossier")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    size = write_corpus(args.count, args.output, args.format, args.seed)
    print(f"{args.count} articles, {size / args.count / 1024:.1f} KB each, in {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
