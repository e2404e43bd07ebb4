"""Every API endpoint on the demo corpus, with FastAPI's test client: records as the CLI gives
them, pagination, and clear 400/404 errors for bad input (never a 500)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from helpers import new_database_url, validate_record
from newsgraph.api import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    from typer.testing import CliRunner

    from newsgraph.cli.app import app

    url = new_database_url(Path(tmp_path_factory.mktemp("api")), "api")
    assert CliRunner().invoke(app, ["demo", "--db", url]).exit_code == 0
    return TestClient(create_app(url), raise_server_exceptions=False)


def ok(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_stories_story_and_compare(client: TestClient) -> None:
    page = ok(client, "/api/stories", limit=3)
    assert len(page["items"]) == 3 and page["limit"] == 3
    rest = ok(client, "/api/stories", limit=50, offset=3)["items"]
    assert len(rest) == 4 and not {s["id"] for s in rest} & {s["id"] for s in page["items"]}
    first = page["items"][0]
    story = ok(client, f"/api/stories/{first['id']}")
    assert story["id"] == first["id"] and story["top_entities"]
    comparison = ok(client, f"/api/stories/{first['id']}/compare")
    assert {"agreed", "unique", "conflicting", "attribution"} <= set(comparison)

    def kinds(result: dict) -> set[str]:
        return {f["kind"] for part in ("agreed", "unique", "conflicting") for f in result[part]}

    certain_only = ok(client, f"/api/stories/{first['id']}/compare", min_confidence=1.0)
    assert "event" in kinds(comparison) and "event" not in kinds(certain_only)  # no event is that sure


def test_articles_and_article_records(client: TestClient) -> None:
    items = ok(client, "/api/articles", limit=100)["items"]
    assert len(items) == 32
    record = ok(client, f"/api/articles/{items[0]['id']}")
    validate_record(record)
    assert ok(client, "/api/articles/mw-peru-quake-01")["external_id"] == "mw-peru-quake-01"


def test_entities_timeline_graph_and_search(client: TestClient) -> None:
    people = ok(client, "/api/entities", type="PERSON", limit=5)["items"]
    assert people and all(p["type"] == "PERSON" for p in people)
    chile = ok(client, "/api/entities/Chile")
    assert chile["id"] == "country:cl" and chile["articles"] and chile["events"]
    events = ok(client, "/api/timeline", entity="Chile")["items"]
    assert events and all(e["evidence"]["text"] for e in events)
    assert all(0 < e["confidence"] <= 1 for e in events)
    sure = ok(client, "/api/timeline", entity="Chile", min_confidence=0.75)["items"]
    assert sure and all(e["confidence"] >= 0.75 for e in sure) and len(sure) <= len(events)
    graph = ok(client, "/api/graph", entity="Chile")
    assert graph["nodes"] and graph["edges"]
    found = ok(client, "/api/search", q="death toll", since="2026-02-01", until="2026-02-28")["items"]
    assert found and all(h["published"].startswith("2026-02") for h in found)


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/stories", {"limit": 0}, 400),
        ("/api/stories", {"limit": "many"}, 400),
        ("/api/stories", {"offset": -1}, 400),
        ("/api/timeline", {"min_confidence": 2}, 400),
        ("/api/stories/nope", {}, 404),
        ("/api/stories/nope/compare", {}, 404),
        ("/api/articles/nope", {}, 404),
        ("/api/entities/Atlantis", {}, 404),
        ("/api/timeline", {"entity": "Atlantis"}, 404),
        ("/api/search", {}, 400),
        ("/api/search", {"q": "*"}, 400),
        ("/api/search", {"q": "quake", "since": "last week"}, 400),
        ("/api/search", {"q": "x" * 600}, 400),
        ("/api/search", {"q": "'; DROP TABLE articles; --"}, 200),
        ("/api/articles", {"limit": 10_000}, 400),
    ],
)
def test_bad_parameters_get_clear_errors(client: TestClient, path: str, params: dict[str, Any], status: int) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    if status != 200:
        assert response.json()["error"]
    assert len(ok(client, "/api/articles", limit=100)["items"]) == 32


def test_openapi_docs(client: TestClient) -> None:
    spec = ok(client, "/openapi.json")
    assert {"/api/stories", "/api/search", "/api/graph", "/api/timeline"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_security_headers_and_size_limit(client: TestClient) -> None:
    response = client.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    too_big = client.post(
        "/api/stories",
        content=b"x" * 1_000_001,
        headers={"content-length": "1000001", "content-type": "application/json"},
    )
    assert too_big.status_code == 413
    assert client.get("/static/../api/app.py").status_code == 404
    assert client.get("/static/%2e%2e/api/app.py").status_code == 404


INJECTIONS = [
    "'; DROP TABLE articles; --",
    "\" OR 1=1 --",
    "1' UNION SELECT id, text FROM articles --",
    "Chile') OR ('a'='a",
    "%' OR '%'='",
    "NEAR(a b) OR title:* AND -x",
    "\\'; DELETE FROM stories WHERE 1=1; --",
    "' ; SELECT pg_sleep(5); --",
]
# Every query parameter and path segment that takes text, with a value that makes it valid.
TEXT_PARAMETERS: list[tuple[str, str]] = [
    ("/api/timeline", "story"),
    ("/api/timeline", "entity"),
    ("/api/graph", "story"),
    ("/api/graph", "entity"),
    ("/api/entities", "type"),
    ("/api/search?q=quake", "entity"),
    ("/api/search?q=quake", "outlet"),
    ("/api/search?q=quake", "since"),
    ("/api/search", "q"),
    ("/search", "q"),
]
PATHS = ["/api/stories/{}", "/api/stories/{}/compare", "/api/articles/{}", "/api/entities/{}", "/stories/{}",
         "/articles/{}", "/entities/{}"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_sql_injection_in_every_parameter_is_just_text(client: TestClient, value: str) -> None:
    """Each is a normal answer (results, none, 400 or 404), never a 500, and nothing changes."""
    before = client.get("/api/articles", params={"limit": 100}).json()
    for path, name in TEXT_PARAMETERS:
        response = client.get(path, params={name: value})
        assert response.status_code in (200, 400, 404), (path, name, response.text)
        if path.startswith("/api/") and response.status_code == 200 and name != "q":
            body = response.json()  # an unknown filter value selects nothing
            assert body.get("items", []) == [] and body.get("nodes", []) == [], (path, name)
    for template in PATHS:
        response = client.get(template.format(quote(value, safe="")))
        assert response.status_code in (400, 404), (template, response.text)
    assert client.get("/api/articles", params={"limit": 100}).json() == before
    assert len(client.get("/api/stories", params={"limit": 100}).json()["items"]) == 7


def test_article_page_names_speakers_in_plain_words_with_their_source_and_confidence(client: TestClient) -> None:
    record = next(
        r
        for item in ok(client, "/api/articles", limit=100)["items"]
        for r in [ok(client, f"/api/articles/{item['id']}")]
        if any(c["source"] and c["confidence"] for c in r["claims"])
    )
    claim = next(c for c in record["claims"] if c["source"] and c["confidence"])
    assert record["text"][claim["source"]["start"] : claim["source"]["end"]] == claim["source"]["text"]
    page = client.get(f"/articles/{record['id']}").text
    # The source mention is marked in the text, the claim list says who and how sure.
    assert 'class="mark source" title="source of a claim:' in page
    assert f'data-start="{claim["source"]["start"]}" data-end="{claim["source"]["end"]}"' in page
    assert 'class="confidence ' in page and "indirect by" not in page and "direct_quote" not in page
