"""POST /api/articles: analyses and stores like `ingest`; needs NEWSGRAPH_TOKEN when the server
can be reached from other machines, and is off there without one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from helpers import new_database_url, validate_record
from newsgraph.api import create_app
from newsgraph.api.writes import is_loopback

ARTICLE = {
    "id": "post-1",
    "outlet": "Harbour Gazette",
    "published": "2026-03-02",
    "title": "Northport closes its harbour bridge",
    "text": "The city council of Northport voted on Monday to close the old harbour bridge to cars. "
    '"The bridge is no longer safe," Mayor Elena Brandt said. Repairs will take two years.',
}


def app_client(tmp_path: Path, **options: Any) -> TestClient:
    return TestClient(create_app(new_database_url(tmp_path, "writes"), **options), raise_server_exceptions=False)


def test_loopback_server_stores_posted_articles_once(tmp_path: Path) -> None:
    client = app_client(tmp_path)
    bad = {"id": "post-2", "text": 42}
    response = client.post("/api/articles", json=[ARTICLE, bad])
    assert response.status_code == 201, response.text
    body = response.json()
    assert len(body["new"]) == 1 and body["unchanged"] == []
    assert body["failed"] == [{"source": "request:2", "reason": "`text` must be a string, not int"}]
    record = client.get(f"/api/articles/{body['new'][0]}").json()
    validate_record(record)
    assert record["external_id"] == "post-1" and record["story_id"] and record["claims"]
    again = client.post("/api/articles", json=ARTICLE)
    assert again.status_code == 200 and again.json()["unchanged"] == body["new"]
    assert len(client.get("/api/articles").json()["items"]) == 1


@pytest.mark.parametrize("body", ["not json", "[]", "[" + ",".join(["{}"] * 101) + "]"])
def test_bad_bodies_are_400(tmp_path: Path, body: str) -> None:
    response = app_client(tmp_path).post("/api/articles", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400 and response.json()["error"]


def test_public_server_without_token_refuses_writes_but_serves_reads(tmp_path: Path) -> None:
    client = app_client(tmp_path, public=True)
    response = client.post("/api/articles", json=ARTICLE)
    assert response.status_code == 403 and "NEWSGRAPH_TOKEN" in response.json()["error"]
    assert client.get("/api/articles").json()["items"] == []


@pytest.mark.parametrize("public", [True, False])
def test_token_is_required_once_set(tmp_path: Path, public: bool) -> None:
    client = app_client(tmp_path, token="s3cret-token", public=public)
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret-token"}):
        response = client.post("/api/articles", json=ARTICLE, headers=headers)
        assert response.status_code == 401, headers
    assert client.get("/api/articles").json()["items"] == []
    response = client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer s3cret-token"})
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("localhost", True), ("0.0.0.0", False),
     ("::", False), ("192.168.1.4", False), ("example.org", False)],
)
def test_which_hosts_are_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
