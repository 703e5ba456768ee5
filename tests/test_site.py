"""End to end: build the repository's own articles and check what a reader gets."""

from __future__ import annotations

import json
from pathlib import Path

from dossier.check import broken_links
from dossier.pipeline import BuildOptions, BuildResult, build
from tests.conftest import ROOT, copy_site

VOX = "vox-behind-iraqs-call-to-remove-us-led-forces"
AHRAM = "al-ahram-the-end-of-the-us-led-coalition-in-iraq"
MEDIUM = "medium-a-new-era-in-iraq"
WPH = "world-policy-hub-why-did-iraq-postpone-ending-the-coalition-mission"


def load_json(result: BuildResult, name: str) -> dict:
    return json.loads((result.output / "data" / name).read_text(encoding="utf-8"))


def test_one_page_per_article(seed_build: BuildResult) -> None:
    sources = sorted(p for p in (ROOT / "articles").rglob("*") if p.suffix in (".md", ".txt"))
    pages = sorted(
        p
        for p in (seed_build.output / "articles").glob("*.html")
        if p.name != "index.html" and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")
    )  # not the pages at former addresses, which send readers on (see test_addresses.py)
    assert len(pages) == len(sources) == 5
    annotations = load_json(seed_build, "annotations.json")
    assert {f"{a['slug']}.html" for a in annotations["articles"]} == {p.name for p in pages}


def test_main_topics_list_every_article_that_mentions_them(seed_build: BuildResult) -> None:
    annotations = load_json(seed_build, "annotations.json")
    for entity in (
        "mohammed-shia-al-sudani",
        "popular-mobilization-forces",
        "isis",
        "international-coalition",
    ):
        mentioning = {
            a["slug"] for a in annotations["articles"] if any(m["entity"] == entity for m in a["mentions"])
        }
        assert mentioning, entity
        page = (seed_build.output / "topics" / f"{entity}.html").read_text(encoding="utf-8")
        for slug in mentioning:
            assert f'href="../articles/{slug}.html"' in page, (entity, slug)


def test_timeline_merges_the_abu_taqwa_strike_into_one_entry(seed_build: BuildResult) -> None:
    events = load_json(seed_build, "timeline.json")["events"]
    strike = [e for e in events if e["date"] == "2024-01-04" and "abu-taqwa" in e["entities"]]
    assert len(strike) == 1
    assert {s["slug"] for s in strike[0]["sources"]} == {VOX, AHRAM, MEDIUM}
    assert strike[0]["label"] == "4 January 2024"
    # no second entry for that day
    assert len([e for e in events if e["date"] == "2024-01-04"]) == 1


def test_timeline_has_the_haniyeh_assassination_and_the_postponement(seed_build: BuildResult) -> None:
    events = load_json(seed_build, "timeline.json")["events"]
    haniyeh = [e for e in events if e["date"] == "2024-07-31" and "ismail-haniyeh" in e["entities"]]
    assert len(haniyeh) == 1 and haniyeh[0]["sources"][0]["slug"] == WPH
    postponement = [e for e in events if e["date"] == "2024-08" and "delay" in e["sources"][0]["sentence"]]
    assert len(postponement) == 1 and postponement[0]["label"] == "August 2024"
    html = (seed_build.output / "timeline" / "index.html").read_text(encoding="utf-8")
    for event in (*haniyeh, *postponement):
        assert f'id="{event["id"]}"' in html


def test_timeline_is_chronological_and_links_to_sentences(seed_build: BuildResult) -> None:
    from dossier.model import chronological
    from dossier.timex import parse_timex

    events = load_json(seed_build, "timeline.json")["events"]
    keys = [chronological(parse_timex(e["date"])) for e in events]  # type: ignore[arg-type]
    assert keys == sorted(keys)  # inside a period, its precise events first, then the period
    page = (seed_build.output / "articles" / f"{VOX}.html").read_text(encoding="utf-8")
    for event in events:
        for source in event["sources"]:
            if source["slug"] == VOX:
                assert f'id="{source["anchor"]}"' in page


def test_every_internal_link_resolves(seed_build: BuildResult) -> None:
    assert broken_links(seed_build.output) == []


def test_links_are_relative(seed_build: BuildResult) -> None:
    for page in seed_build.output.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'href="/' not in text and 'src="/' not in text, page


def test_annotations_follow_the_export_contract(seed_build: BuildResult) -> None:
    annotations = load_json(seed_build, "annotations.json")
    for article in annotations["articles"]:
        assert set(article) >= {
            "slug",
            "title",
            "source_path",
            "published",
            "published_inferred",
            "mentions",
            "dates",
        }
        body = (ROOT / article["source_path"]).read_text(encoding="utf-8").split("---\n", 2)[2].strip()
        for item in article["mentions"] + article["dates"]:
            text = article["title"] if item.get("field") == "title" else body
            assert text[item["start"] : item["end"]] == item["text"]
    undated = {a["slug"]: a for a in annotations["articles"]}[WPH]
    assert undated["published_inferred"] is True and undated["published_estimate"] == "2024-08"


def test_body_marks_entities_and_dates(seed_build: BuildResult) -> None:
    page = (seed_build.output / "articles" / f"{VOX}.html").read_text(encoding="utf-8")
    assert '<a class="ent ent-person" href="../topics/mohammed-shia-al-sudani.html"' in page
    assert '<time class="date" datetime="2024-01-05"' in page
    assert "date inferred" in (seed_build.output / "articles" / f"{WPH}.html").read_text(encoding="utf-8")


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    site = copy_site(tmp_path / "site")
    first = build(BuildOptions(site=site, output=tmp_path / "one")).output
    second = build(BuildOptions(site=site, output=tmp_path / "two")).output
    files_one = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_two = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_one == files_two
    for rel in files_one:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_timelinejs_export_follows_its_format(seed_build: BuildResult) -> None:
    exported = load_json(seed_build, "timelinejs.json")
    events = load_json(seed_build, "timeline.json")["events"]
    assert exported["title"]["text"]["headline"]
    assert len(exported["events"]) == len(events)
    for slide, event in zip(exported["events"], events, strict=True):
        assert slide["unique_id"] == event["id"]
        assert isinstance(slide["start_date"]["year"], int)
        assert slide["text"]["headline"] and slide["text"]["text"].startswith("<p>")
        if event["date"].startswith("2024-W"):
            assert "end_date" in slide
    strike = next(s for s, e in zip(exported["events"], events, strict=True) if e["date"] == "2024-01-04")
    assert strike["start_date"] == {"year": 2024, "month": 1, "day": 4}
    assert strike["display_date"] == "4 January 2024"
