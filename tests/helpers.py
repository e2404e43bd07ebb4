"""Helpers the tests share (importable, unlike conftest)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "schema" / "article.json").read_text())


def validate_record(record: dict[str, Any]) -> None:
    """Check a record against docs/schema/article.json and that every offset round-trips."""
    jsonschema.validate(record, SCHEMA)
    text = record["text"]
    for key in ("sentences", "entities", "dates", "claims", "quantities"):
        for item in record[key]:
            assert 0 <= item["start"] < item["end"] <= len(text), (key, item)
            if "text" in item:
                assert text[item["start"] : item["end"]] == item["text"], (key, item)
    for event in record.get("events", []):
        trigger = event["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"], event
        assert event["sentence"]["start"] <= trigger["start"] < event["sentence"]["end"], event
        if event["attributed_to"] is not None:
            assert 0 <= event["attributed_to"] < len(record["claims"])
