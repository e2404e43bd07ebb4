"""The server answers only to its own Host names, takes writes only as JSON from its own pages
or from programs (no foreign Origin), times out slow clients, and shows a record stored by an
older version even when it is not valid Unicode."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from helpers import new_database_url
from newsgraph.api import create_app

ARTICLE = {
    "id": "guard-1",
    "text": "The port authority of Westhaven said on Monday that the ferry to the islands will run "
    "twice a day from April, after the council approved the new timetable.",
}
LOCAL = ["127.0.0.1", "localhost", "::1"]


def local_client(tmp_path: Path) -> TestClient:
    app = create_app(new_database_url(tmp_path, "guard"), allowed_hosts=LOCAL)
    return TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False)


def test_foreign_host_names_are_refused(tmp_path: Path) -> None:
    client = local_client(tmp_path)
    assert client.get("/api/stories").status_code == 200
    assert client.get("/api/stories", headers={"host": "localhost:8000"}).status_code == 200
    rebound = client.get("/api/stories", headers={"host": "attacker.example:8000"})
    assert rebound.status_code == 400
    redirect = client.get("/api/stories/", headers={"host": "attacker.example"}, follow_redirects=False)
    assert redirect.status_code == 400 and "attacker" not in redirect.headers.get("location", "")


def test_cross_site_writes_are_refused(tmp_path: Path) -> None:
    client = local_client(tmp_path)
    body = json.dumps(ARTICLE)
    plain = client.post("/api/articles", content=body, headers={"content-type": "text/plain"})
    assert plain.status_code == 415
    form = client.post("/api/articles", data={"text": ARTICLE["text"]})
    assert form.status_code == 415
    foreign = client.post(
        "/api/articles",
        content=body,
        headers={"content-type": "application/json", "origin": "http://attacker.example"},
    )
    assert foreign.status_code == 403
    assert client.get("/api/articles").json()["items"] == []  # nothing was stored
    own = client.post(
        "/api/articles",
        content=body,
        headers={"content-type": "application/json; charset=utf-8", "origin": "http://127.0.0.1:8000"},
    )
    assert own.status_code == 201, own.text


def test_huge_offsets_are_a_bad_parameter(tmp_path: Path) -> None:
    client = local_client(tmp_path)
    for path in ("/api/articles", "/api/stories", "/api/timeline", "/api/entities", "/api/search?q=x"):
        response = client.get(path, params={"offset": 2**63})
        assert response.status_code == 400, (path, response.text)


def test_a_stored_value_that_is_not_unicode_is_still_shown(tmp_path: Path) -> None:
    """Older versions stored lone surrogates (as JSON escapes in an extra field); every reader
    must still show the record."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    client = TestClient(create_app(url), raise_server_exceptions=False)
    assert client.post("/api/articles", json=ARTICLE).status_code == 201
    with sqlite3.connect(tmp_path / "old.db") as connection:
        connection.execute("""UPDATE articles SET metadata = '{"format": "jsonl", "extra": "x\\ud800y"}',
                              outlet = '[/x]', title = '[bold]{{ title }}'""")
    article_id = client.get("/api/articles").json()["items"][0]["id"]
    assert client.get(f"/api/articles/{article_id}").status_code == 200
    assert client.get(f"/articles/{article_id}").status_code == 200
    assert client.get("/").status_code == 200
    exported = newsgraph("export", "--db", url)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout.splitlines()[0])["external_id"] == "guard-1"
    listed = newsgraph("articles", "--db", url)
    assert listed.returncode == 0 and "[/x]" in listed.stdout, listed.stderr


def newsgraph(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "newsgraph.cli.app", *args]
    return subprocess.run(command, capture_output=True, text=True, errors="replace", timeout=120)


@pytest.fixture
def live_server(tmp_path: Path):  # type: ignore[no-untyped-def]
    port = _free_port()
    url = f"sqlite:///{tmp_path / 'served.db'}"
    process = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli.app", "serve", "--port", str(port), "--db", url],
        env={**os.environ, "NEWSGRAPH_HEADER_TIMEOUT": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield port
    process.terminate()
    process.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_slow_headers_are_cut_off_and_the_server_answers_others(live_server: int) -> None:
    slow = socket.create_connection(("127.0.0.1", live_server))
    slow.sendall(b"GET /api/stories HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finishes its headers
    slow.settimeout(15)
    started = time.monotonic()
    assert slow.recv(100) == b""  # closed by the server
    assert time.monotonic() - started < 10
    slow.close()
    other = socket.create_connection(("127.0.0.1", live_server))
    other.sendall(b"GET /api/stories HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    other.settimeout(15)
    assert other.recv(100).startswith(b"HTTP/1.1 200")
    other.close()
    rebound = socket.create_connection(("127.0.0.1", live_server))
    rebound.sendall(b"GET /api/stories HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n\r\n")
    rebound.settimeout(15)
    assert rebound.recv(100).startswith(b"HTTP/1.1 400")
    rebound.close()
