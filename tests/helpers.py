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
    for key in ("sentences", "entities", "dates", "claims"):
        for item in record[key]:
            assert 0 <= item["start"] < item["end"] <= len(text), (key, item)
            if "text" in item:
                assert text[item["start"] : item["end"]] == item["text"], (key, item)
