"""The CLI as an analyst's workbench (issue 17): `show` lists an article's claims and events,
`timeline` gives one line per event, and long names never stretch a table."""

from __future__ import annotations

import json
from typing import Any

import pytest


@pytest.fixture
def demo_db(db_url: str, cli: Any) -> str:
    assert cli("demo", "--db", db_url).exit_code == 0
    return db_url


def test_show_lists_claims_and_events(demo_db: str, cli: Any) -> None:
    articles = json.loads(cli("articles", "--json", "--db", demo_db).stdout)
    peru = next(a for a in articles if a["external_id"] == "mw-peru-quake-01")
    shown = cli("show", peru["id"], "--db", demo_db).stdout
    assert "claims" in shown and "events" in shown
    assert "Raul Quispe Huamani" in shown  # a speaker, in the claims table
    # Events on an arrest report (the Peru report's one event, a president flying to a city, is
    # left out by the event detector: no political event).
    arrest = next(a for a in articles if a["external_id"] == "mw-spain-mayor-01")
    shown = cli("show", arrest["id"], "--db", demo_db).stdout
    record = json.loads(cli("show", arrest["id"], "--json", "--db", demo_db).stdout)
    assert record["events"] and all(e["trigger"]["text"] in shown for e in record["events"])
    # Each event is a row of the events table ("TYPE: trigger"), not only words of the text.
    assert all(f"{e['type']}: {e['trigger']['text']}" in shown for e in record["events"] if not e["mode"])


def test_timeline_is_one_line_per_event_and_cuts_long_names(demo_db: str, cli: Any, tmp_path: Any) -> None:
    outlet = "The Extraordinarily Long Name Of A Regional Evening Newspaper Group"
    text = "Italian police arrested Marco Rossi on Monday in Naples, prosecutors said."
    (tmp_path / "long.jsonl").write_text(
        json.dumps({"id": "long-1", "outlet": outlet, "published": "2026-03-04", "text": text}) + "\n"
    )
    assert cli("ingest", str(tmp_path / "long.jsonl"), "--db", demo_db).exit_code == 0
    events = json.loads(cli("timeline", "--json", "--db", demo_db).stdout)
    lines = cli("timeline", "--db", demo_db).stdout.rstrip("\n").splitlines()
    assert len(lines) == len(events) + 1  # a header, then one line each
    assert all(len(line) <= 240 for line in lines)  # piped output is 240 columns wide
    assert outlet not in "\n".join(lines) and any("The Extraordinarily" in line for line in lines)
    stories = cli("stories", "--db", demo_db).stdout
    assert outlet not in stories
