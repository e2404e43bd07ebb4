"""Every field of every input format with every hostile value (tests/hostile.py), through ingest,
every CLI listing and export, the API (GET and POST) and the web pages: each record is stored or
reported as `failed: FILE:LINE: reason`, the good ones are stored, exit codes are as the README
says, and whatever was stored can always be read, exported and shown."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hostile import FIELDS, VALUES, jsonl_lines, story_text, write_feed, write_jsonl, write_page
from newsgraph.api.app import create_app


def newsgraph(*args: str, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """The real command, in its own process (its exit code is what a user's shell sees)."""
    return subprocess.run(
        [sys.executable, "-m", "newsgraph.cli.app", *args],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from helpers import new_database_url

    folder = tmp_path_factory.mktemp("hostile")
    inputs = folder / "inputs"
    inputs.mkdir()
    labels = write_jsonl(inputs / "records.jsonl")
    write_feed(inputs / "feed.rss")
    write_page(inputs / "page.html")
    # A file name that is not UTF-8 (as an old archive or a Windows share may hold).
    name = os.fsencode(inputs) + b"/caf\xe9-report.txt"
    with open(name, "wb") as handle:
        handle.write(("Bridge repairs\n\n" + story_text(300)).encode())
    url = new_database_url(folder, "hostile")
    first = newsgraph("ingest", str(inputs), "--db", url)
    again = newsgraph("ingest", str(inputs), "--db", url)
    return {"url": url, "inputs": inputs, "labels": labels, "first": first, "again": again}


def test_every_record_is_stored_or_reported_and_the_batch_goes_on(hostile_db: dict[str, Any]) -> None:
    first = hostile_db["first"]
    assert "Traceback" not in first.stderr, first.stderr[-3000:]
    assert first.returncode == 1, first.stderr[-2000:]  # some records failed, none stopped the run
    records_file = str(hostile_db["inputs"] / "records.jsonl")
    failure = "^failed: " + re.escape(records_file) + r":(\d+): "
    failed_lines = {int(n) for n in re.findall(failure, first.stderr, re.M)}
    exported = [json.loads(line) for line in newsgraph("export", "--db", hostile_db["url"]).stdout.splitlines()]
    stored = {r["external_id"] for r in exported}
    labels = hostile_db["labels"]
    for number, label in enumerate(labels, start=1):
        external_id = "good-record" if label == "good" else f"hostile-{number - 1}"
        if label.startswith("id="):
            continue  # the id itself is the hostile value: checked below by count
        assert (external_id in stored) != (number in failed_lines), (label, number)
    assert "good-record" in stored
    assert len(exported) + len(failed_lines) >= len(labels)
    # The values that cannot be stored as they are: named with their field.
    assert re.search(r"records\.jsonl:\d+: `title` holds a lone surrogate", first.stderr)
    assert re.search(r"records\.jsonl:\d+: invalid JSON: nested too deep", first.stderr)
    assert re.search(r"records\.jsonl:\d+: invalid JSON: Exceeds the limit", first.stderr)
    # Others, checked at the edge: no NUL, no placeholder date, no impossible date stored.
    for record in exported:
        assert "\x00" not in json.dumps(record, ensure_ascii=False)
        value = record["published"]["value"]
        assert value is None or "1800" <= value <= "2100", value
    assert "2025-01-13" not in {r["published"]["value"] for r in exported}
    assert any("caf\\xe9-report.txt" in r["external_id"] for r in exported)  # shown, never lost
    assert {"feed-1", "feed-2", "feed-3"} <= stored


def test_a_second_run_changes_nothing(hostile_db: dict[str, Any]) -> None:
    again = hostile_db["again"]
    assert "Traceback" not in again.stderr
    assert again.returncode == 1
    assert re.search(r"^0 new, \d+ unchanged", again.stdout, re.M), again.stdout


def test_every_listing_and_export_reads_what_was_stored(hostile_db: dict[str, Any]) -> None:
    url = hostile_db["url"]
    ids = [json.loads(line)["id"] for line in newsgraph("export", "--db", url).stdout.splitlines()]
    commands = [
        ["articles"],
        ["articles", "--json"],
        ["stories"],
        ["entities"],
        ["timeline"],
        ["duplicates"],
        ["graph", "--format", "json"],
        ["export", "--format", "csv", "--table", "articles"],
        ["export", "--format", "csv", "--table", "claims"],
        ["export", "--format", "csv", "--table", "events"],
        ["export", "--format", "csv", "--table", "entities"],
        ["search", "bridge"],
        *[["show", article_id] for article_id in ids[:12]],
    ]
    for command in commands:
        result = newsgraph(*command, "--db", url, timeout=120)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (command, result.stderr[-2000:])
    listing = newsgraph("articles", "--db", url).stdout
    assert "[/x]" in listing  # markup in a title is text, shown as written


def test_the_api_and_the_web_show_every_record(hostile_db: dict[str, Any]) -> None:
    client = TestClient(create_app(hostile_db["url"]), raise_server_exceptions=False)
    articles = client.get("/api/articles", params={"limit": 500})
    assert articles.status_code == 200
    items = articles.json()["items"]
    assert items
    for item in items:
        assert client.get(f"/api/articles/{item['id']}").status_code == 200
        page = client.get(f"/articles/{item['id']}")
        assert page.status_code == 200
        assert "<script>alert" not in page.text
    for path in ("/", "/api/stories", "/api/entities", "/api/timeline", "/api/graph"):
        assert client.get(path).status_code == 200, path
    for story in client.get("/api/stories", params={"limit": 500}).json()["items"]:
        assert client.get(f"/stories/{story['id']}").status_code == 200
        assert client.get(f"/api/stories/{story['id']}/compare").status_code == 200


def test_posting_every_hostile_record_never_breaks_the_server(tmp_path: Path) -> None:
    from helpers import new_database_url

    client = TestClient(create_app(new_database_url(tmp_path, "posted")), raise_server_exceptions=False)
    statuses = set()
    for label, line in jsonl_lines()[:: max(1, len(FIELDS) // 3)]:
        response = client.post("/api/articles", content=line.encode(), headers={"content-type": "application/json"})
        assert response.status_code < 500, (label, response.text[:300])
        statuses.add(response.status_code)
    assert 200 in statuses or 201 in statuses or 207 in statuses
    for item in client.get("/api/articles", params={"limit": 500}).json()["items"]:
        assert client.get(f"/api/articles/{item['id']}").status_code == 200


def test_values_cover_every_field() -> None:
    assert len(jsonl_lines()) == 1 + len(FIELDS) * len(VALUES)
