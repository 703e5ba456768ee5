"""Seeded series of the edits people make to a site, for comparing incremental and clean builds.

Each edit is a small function of a site folder and a seeded ``random.Random``; a series
picks from them, so a failing seed can be replayed exactly (``DOSSIER_EDIT_SEEDS``).
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import frontmatter
import yaml

from tests.conftest import ROOT

SENTENCES = (
    "On 3 February 2024 the Pentagon said a drone strike in Baghdad killed a commander of Kataib Hezbollah.",
    "Prime Minister Mohammed Shia al-Sudani said on Tuesday that the talks would resume.",
    "“We will not accept foreign bases,” said Hadi al-Amiri, the head of the Badr Organization.",
    "Iran denied any role in the attack on Tower 22 in Jordan, which killed three US soldiers.",
    "The coalition has about 2,500 troops in Iraq and 900 in Syria, officials said.",
    "Analysts said the withdrawal could take two years.",
    "On January 25, 2024 Iraq and the United States began talks on the future of the coalition.",
)
OUTLETS = ("Reuters", "Al Jazeera", "The National", "Rudaw", "Al-Ahram Weekly")
TAGS = ("Analysis", "Security", "Diplomacy", "Iran", "Timeline")
TITLE_WORDS = ("again", "explained", "in brief", "update", "what next")


def _articles(site: Path) -> list[Path]:
    return sorted((site / "articles").glob("*.md"))


def _pick(site: Path, rng: random.Random) -> Path:
    return rng.choice(_articles(site))


def _rewrite(path: Path, change: Callable[[frontmatter.Post], None]) -> None:
    post = frontmatter.load(path)
    change(post)
    path.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")


def add_text(site: Path, rng: random.Random) -> None:
    path = _pick(site, rng)
    path.write_text(path.read_text(encoding="utf-8") + "\n" + rng.choice(SENTENCES) + "\n", encoding="utf-8")


def typo_in_lead(site: Path, rng: random.Random) -> None:
    def change(post: frontmatter.Post) -> None:
        lead, _, rest = post.content.partition("\n\n")
        words = lead.split(" ")
        index = rng.randrange(len(words))
        words[index] = words[index][::-1] if len(words[index]) > 2 else words[index] + "s"
        post.content = " ".join(words) + ("\n\n" + rest if rest else "")

    _rewrite(_pick(site, rng), change)


def change_date(site: Path, rng: random.Random) -> None:
    def change(post: frontmatter.Post) -> None:
        day = post.get("date")
        base = day if isinstance(day, date) else date(2024, 1, 10)
        post["date"] = base + timedelta(days=rng.randint(-20, 20))

    _rewrite(_pick(site, rng), change)


def rename(site: Path, rng: random.Random) -> None:
    path = _pick(site, rng)
    path.rename(path.with_name(f"renamed-{rng.randrange(10_000)}-{path.name}"))


def delete(site: Path, rng: random.Random) -> None:
    if len(_articles(site)) > 2:
        _pick(site, rng).unlink()


def add(site: Path, rng: random.Random) -> None:
    number = rng.randrange(100_000)
    day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 60))
    body = " ".join(rng.sample(SENTENCES, 3)) + "\n\n" + " ".join(rng.sample(SENTENCES, 2))
    post = frontmatter.Post(
        body, title=f"Iraq and the coalition, report {number}", date=day, source=rng.choice(OUTLETS)
    )
    (site / "articles" / f"report-{number}.md").write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")


def set_tags(site: Path, rng: random.Random) -> None:
    _rewrite(_pick(site, rng), lambda post: post.__setitem__("tags", rng.sample(TAGS, rng.randint(0, 2))))


def change_title(site: Path, rng: random.Random) -> None:
    def change(post: frontmatter.Post) -> None:
        post["title"] = f"{post.get('title', 'Untitled')} {rng.choice(TITLE_WORDS)}"

    _rewrite(_pick(site, rng), change)


def change_source(site: Path, rng: random.Random) -> None:
    _rewrite(_pick(site, rng), lambda post: post.__setitem__("source", rng.choice(OUTLETS)))


def toggle_draft(site: Path, rng: random.Random) -> None:
    def change(post: frontmatter.Post) -> None:
        if post.get("draft"):
            del post["draft"]
        elif len(_articles(site)) > 2:
            post["draft"] = True

    _rewrite(_pick(site, rng), change)


def add_entity(site: Path, rng: random.Random) -> None:
    path = site / "entities.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    known = {e["id"] for e in data["entities"]}
    for entity in (
        {"id": "hadi-al-amiri", "name": "Hadi al-Amiri", "type": "person"},
        {"id": "badr-organization", "name": "Badr Organization", "type": "armed-group"},
        {"id": "tower-22", "name": "Tower 22", "type": "place"},
    ):
        if entity["id"] not in known:
            with path.open("a", encoding="utf-8") as file:
                file.write(f"  - {{id: {entity['id']}, name: {entity['name']}, type: {entity['type']}}}\n")
            return


def change_option(site: Path, rng: random.Random) -> None:
    path = site / "site.yaml"
    options = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    name, value = rng.choice(
        [("latest", rng.randint(2, 9)), ("related", rng.randint(1, 5)), ("page_size", rng.randint(2, 5)),
         ("timeline_page_size", rng.randint(4, 40)), ("title", f"Iraq dossier {rng.randrange(100)}")]
    )  # fmt: skip
    options[name] = value
    path.write_text(yaml.safe_dump(options, allow_unicode=True, sort_keys=False), encoding="utf-8")


def override_template(site: Path, rng: random.Random) -> None:
    own = site / "templates"
    if own.exists():
        shutil.rmtree(own)
        return
    own.mkdir()
    page = own / "article.html"
    text = (ROOT / "templates" / "article.html").read_text(encoding="utf-8")
    page.write_text(
        text.replace("Named in this article", f"Named here ({rng.randrange(100)})"), encoding="utf-8"
    )


EDITS: dict[str, Callable[[Path, random.Random], None]] = {
    "text": add_text,
    "typo in the lead": typo_in_lead,
    "date": change_date,
    "rename": rename,
    "delete": delete,
    "add": add,
    "tags": set_tags,
    "title": change_title,
    "source": change_source,
    "draft": toggle_draft,
    "entity": add_entity,
    "site option": change_option,
    "template": override_template,
}


def series(seed: int, length: int) -> list[str]:
    """The names of ``length`` edits for ``seed``: every kind once, then a random mix. Each edit
    draws from its own ``random.Random(f"{seed}:{index}")``, so one edit can be replayed alone."""
    rng = random.Random(seed)
    names = list(EDITS)
    rng.shuffle(names)
    return (names + [rng.choice(list(EDITS)) for _ in range(max(0, length - len(names)))])[:length]
