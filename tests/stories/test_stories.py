"""Stories and duplicates, through the real ingest path and CLI."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from helpers import new_database_url
from newsgraph.demo import DEMO_CORPUS
from newsgraph.stories.duplicates import resemblance, shingles


def export(cli: Any, db_url: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in cli("export", "--db", db_url).stdout.splitlines()]


@pytest.fixture
def demo_db(db_url: str, cli: Any) -> str:
    assert cli("demo", "--db", db_url).exit_code == 0
    return db_url


def test_the_two_seeds_are_one_story_and_not_copies(seeds: dict[str, Path], db_url: str, cli: Any) -> None:
    cli("ingest", *map(str, seeds.values()), "--published", "2025-03-05", "--db", db_url)
    records = export(cli, db_url)
    assert len({r["story_id"] for r in records}) == 1
    assert all(r["story_id"] and r["duplicate_of"] is None for r in records)
    assert json.loads(cli("duplicates", "--json", "--db", db_url).stdout) == []
    [story] = json.loads(cli("stories", "--json", "--db", db_url).stdout)
    assert len(story["articles"]) == 2


def test_demo_stories_match_the_known_answers(demo_db: str, cli: Any) -> None:
    records = export(cli, demo_db)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for record in records:
        if "story" in record["metadata"]:
            by_gold[record["metadata"]["story"]].add(record["story_id"])
    assert len(by_gold) == 7
    assert all(len(found) == 1 for found in by_gold.values()), by_gold
    # look-alikes stay apart: two earthquakes, two arrests
    assert by_gold["peru-quake-2026"] != by_gold["turkey-quake-2026"]
    assert by_gold["rotterdam-arrest-2026"] != by_gold["torremolar-arrest-2026"]
    assert len({next(iter(v)) for v in by_gold.values()}) == 7
    pages = {r["external_id"]: r["story_id"] for r in records if r["external_id"].endswith((".html", ".txt"))}
    assert pages["cd-chile-vietnam-01.html"] == next(iter(by_gold["chile-vietnam-deal-2026"]))
    assert pages["hl-belgium-rail-01.html"] == next(iter(by_gold["belgium-rail-strike-2026"]))


def test_stories_json_contract(demo_db: str, cli: Any) -> None:
    stories = json.loads(cli("stories", "--json", "--db", demo_db).stdout)
    assert len(stories) == 7
    for story in stories:
        assert {"id", "title", "articles", "outlets", "first_published", "last_published"} <= set(story)
        assert story["articles"] and all({"id", "external_id", "outlet", "title"} <= set(a) for a in story["articles"])
    assert [s["last_published"] for s in stories] == sorted((s["last_published"] for s in stories), reverse=True)
    detail = json.loads(cli("story", stories[0]["id"][:8], "--json", "--db", demo_db).stdout)
    assert detail["id"] == stories[0]["id"] and detail["top_entities"]
    assert "Belgian rail strike" in cli("story", stories[0]["id"], "--db", demo_db).stdout


def test_a_syndicated_copy_is_a_near_duplicate_in_the_same_story(tmp_path: Path, demo_db: str, cli: Any) -> None:
    rows = [json.loads(line) for line in (DEMO_CORPUS / "articles.jsonl").read_text().splitlines()]
    original = next(r for r in rows if r["id"] == "mw-leeds-fire-01")
    text = (
        original["text"].replace("destroyed", "gutted").replace("about 100", "around 100").replace("Nobody", "No one")
    )
    copy = {
        "id": "syndicated-1",
        "outlet": "Pennine Post",
        "published": "2026-06-03",
        "title": original["title"],
        "text": text,
    }
    (tmp_path / "copy.jsonl").write_text(json.dumps(copy) + "\n")
    assert "1 new" in cli("ingest", str(tmp_path / "copy.jsonl"), "--db", demo_db).stdout
    records = {r["external_id"]: r for r in export(cli, demo_db)}
    assert records["syndicated-1"]["duplicate_of"] == records["mw-leeds-fire-01"]["id"]
    assert records["syndicated-1"]["story_id"] == records["mw-leeds-fire-01"]["story_id"]
    groups = json.loads(cli("duplicates", "--json", "--db", demo_db).stdout)
    leeds = next(g for g in groups if g["original"]["external_id"] == "mw-leeds-fire-01")
    assert [(c["external_id"], c["kind"]) for c in leeds["copies"]] == [("syndicated-1", "near")]
    peru = next(g for g in groups if g["original"]["external_id"] == "mw-peru-quake-01")
    assert [c["external_id"] for c in peru["copies"]] == ["vt-peru-quake-01"]


def test_an_exact_copy_under_another_name(tmp_path: Path, demo_db: str, cli: Any) -> None:
    rows = [json.loads(line) for line in (DEMO_CORPUS / "articles.jsonl").read_text().splitlines()]
    original = next(r for r in rows if r["id"] == "hl-spain-mayor-01")
    (tmp_path / "same.jsonl").write_text(json.dumps({**original, "id": "mirror-1", "outlet": "Mirror Site"}) + "\n")
    cli("ingest", str(tmp_path / "same.jsonl"), "--db", demo_db)
    groups = json.loads(cli("duplicates", "--json", "--db", demo_db).stdout)
    mayor = next(g for g in groups if g["original"]["external_id"] == "hl-spain-mayor-01")
    assert mayor["copies"][0]["kind"] == "exact"


def test_reingesting_changes_no_story_and_runs_are_deterministic(
    demo_db: str, db_url: str, cli: Any, tmp_path: Path
) -> None:
    before = {r["id"]: (r["story_id"], r["duplicate_of"]) for r in export(cli, demo_db)}
    assert "0 new, 32 unchanged" in cli("demo", "--db", demo_db).stdout
    assert {r["id"]: (r["story_id"], r["duplicate_of"]) for r in export(cli, demo_db)} == before
    other = new_database_url(tmp_path, "other")
    cli("demo", "--db", other)
    assert {r["id"]: (r["story_id"], r["duplicate_of"]) for r in export(cli, other)} == before


def test_resemblance_tells_copies_from_articles_on_one_event() -> None:
    rows = [json.loads(line) for line in (DEMO_CORPUS / "articles.jsonl").read_text().splitlines()]
    texts = {r["id"]: r["text"] for r in rows}
    same_event = resemblance(shingles(texts["mw-peru-quake-01"]), shingles(texts["cd-peru-quake-01"]))
    copy = resemblance(shingles(texts["mw-peru-quake-01"]), shingles(texts["vt-peru-quake-01"]))
    assert same_event < 0.1 < 0.5 < copy


def test_two_identical_ingests_give_the_same_headlines(tmp_path: Path) -> None:
    """Ties between articles of one date are broken by content, never by the second each was
    stored in: the same files, stored in another order at other times, give the same story."""
    import time

    from newsgraph.batch import ingest_paths
    from newsgraph.settings import Settings
    from newsgraph.store import ArticleStore, open_database
    from newsgraph.store.story_queries import list_stories

    records = [json.loads(line) for line in (DEMO_CORPUS / "articles.jsonl").read_text().splitlines() if line]
    same = [r for r in records if r["story"] == records[0]["story"]][:2]
    assert len(same) == 2
    files = []
    for n, record in enumerate(same):
        path = tmp_path / f"part{n}.jsonl"
        path.write_text(json.dumps({**record, "published": "2026-02-10"}) + "\n")
        files.append(str(path))
    titles = []
    for order in (files, files[::-1]):
        url = new_database_url(tmp_path, f"order{len(titles)}")
        store = ArticleStore(open_database(url))
        for file in order:
            ingest_paths([file], Settings(database_url=url), store)
            time.sleep(1.1)  # the next article is stored in another second
        stories = list_stories(store.engine, limit=10, offset=0)
        titles.append(sorted((s.title or "", len(s.articles)) for s in stories))
    assert titles[0] == titles[1]
