"""The bundled demo corpus is complete and `newsgraph demo` ingests all of it."""

from __future__ import annotations

import json
from typing import Any

from helpers import validate_record
from newsgraph.demo import DEMO_CORPUS


def test_corpus_has_the_promised_breadth() -> None:
    rows = [json.loads(line) for line in (DEMO_CORPUS / "articles.jsonl").read_text().splitlines()]
    pages = list((DEMO_CORPUS / "pages").iterdir())
    assert len(rows) + len(pages) >= 30
    assert len({r["outlet"] for r in rows}) >= 5
    assert len({r["story"] for r in rows}) >= 6
    assert sum(1 for r in rows if "anonym" in r["text"] or "not be named" in r["text"] or "not to be" in r["text"]) >= 5
    assert sum(1 for r in rows if "Credit:" in r["text"] or "Photo" in r["text"]) >= 5


def test_demo_command_ingests_everything(db_url: str, cli: Any) -> None:
    result = cli("demo", "--db", db_url)
    assert result.exit_code == 0, result.stderr
    assert "32 new, 0 unchanged, 0 failed" in result.stdout
    records = [json.loads(line) for line in cli("export", "--db", db_url).stdout.splitlines()]
    assert len(records) == 32
    for record in records:
        validate_record(record)
        assert "Credit:" not in record["text"] and "Photo:" not in record["text"]
    unknown = [r for r in records if r["published"]["source"] == "unknown"]
    assert [r["external_id"] for r in unknown] == ["belgium-rail-letter.txt"]
    again = cli("demo", "--db", db_url)
    assert "0 new, 32 unchanged, 0 failed" in again.stdout
