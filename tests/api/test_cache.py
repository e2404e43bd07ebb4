"""The response cache: a repeated GET is answered from memory while the data version stays, and
anything stored, by any process, is seen on the next request."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from helpers import new_database_url
from newsgraph.api import create_app
from newsgraph.records import Article, Published, Sentence
from newsgraph.store import ArticleStore, open_database
from newsgraph.store.data_version import read_data_version


def article(name: str) -> Article:
    text = f"The {name} council met on Monday."
    return Article(
        id=name[0] * 16,
        external_id=f"{name}.txt",
        text=text,
        title=f"{name.title()} council",
        published=Published("2026-03-05", "given"),
        sentences=[Sentence(0, len(text))],
    )


def test_answers_are_kept_until_anything_is_stored(tmp_path: Path) -> None:
    url = new_database_url(tmp_path, "cache")
    ArticleStore(open_database(url)).save(article("harbour"))
    client = TestClient(create_app(url, allowed_hosts=["testserver"]), raise_server_exceptions=False)

    first = client.get("/api/articles")
    assert first.status_code == 200 and "x-newsgraph-cache" not in first.headers
    again = client.get("/api/articles")
    assert again.headers["x-newsgraph-cache"] == "hit" and again.content == first.content
    assert "content-security-policy" in again.headers  # the Guard's headers on a cached answer too
    other_page = client.get("/api/articles", params={"limit": 1})
    assert "x-newsgraph-cache" not in other_page.headers  # another query is another answer
    # The Guard still refuses what it refuses, cached or not.
    assert client.get("/api/articles", headers={"host": "attacker.example"}).status_code == 400

    # Another writer (a separate store, as an ingest in another process would be) moves the version.
    before = read_data_version(open_database(url))
    ArticleStore(open_database(url)).save(article("museum"))
    assert read_data_version(open_database(url)) == (before or 0) + 1
    fresh = client.get("/api/articles")
    assert "x-newsgraph-cache" not in fresh.headers
    assert {a["title"] for a in fresh.json()["items"]} == {"Harbour council", "Museum council"}
    # Storing nothing new (the same article again) leaves answers cached.
    ArticleStore(open_database(url)).save(article("museum"))
    assert client.get("/api/articles").headers["x-newsgraph-cache"] == "hit"


def test_errors_and_web_pages(tmp_path: Path) -> None:
    url = new_database_url(tmp_path, "cache")
    ArticleStore(open_database(url)).save(article("harbour"))
    client = TestClient(create_app(url), raise_server_exceptions=False)
    for _ in range(2):
        missing = client.get("/api/articles/nothing-here")
        assert missing.status_code == 404 and "x-newsgraph-cache" not in missing.headers
    client.get(f"/articles/{'h' * 16}")
    page = client.get(f"/articles/{'h' * 16}")
    assert page.status_code == 200 and page.headers["x-newsgraph-cache"] == "hit" and "Harbour council" in page.text


def test_the_cache_can_be_turned_off(tmp_path: Path) -> None:
    url = new_database_url(tmp_path, "cache")
    ArticleStore(open_database(url)).save(article("harbour"))
    client = TestClient(create_app(url, response_cache=False), raise_server_exceptions=False)
    answers = [client.get("/api/articles") for _ in range(2)]
    assert all(a.status_code == 200 and "x-newsgraph-cache" not in a.headers for a in answers)
