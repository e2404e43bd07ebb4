"""Helpers the tests share (importable, unlike conftest)."""

from __future__ import annotations

import json
import subprocess
import sys
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


def new_database_url(folder: Path, name: str = "test") -> str:
    """A fresh, empty database: a SQLite file in `folder`, or, when NEWSGRAPH_TEST_POSTGRES names a
    PostgreSQL server (a SQLAlchemy URL to its maintenance database), a new database there."""
    import os
    import uuid

    server = os.environ.get("NEWSGRAPH_TEST_POSTGRES")
    if not server:
        return f"sqlite:///{folder / f'{name}.db'}"
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    database = f"ng_{name}_{uuid.uuid4().hex[:12]}".lower()
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    engine.dispose()
    return make_url(server).set(database=database).render_as_string(hide_password=False)


def run_quality_gate(script: str, *args: str, expect: str, timeout: int = 900) -> None:
    """Run a bench script with --gate (it exits 1 when a figure is under its floor)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), "--gate", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert expect in result.stdout
