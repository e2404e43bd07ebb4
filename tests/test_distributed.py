"""Ingest with the analysis on a Dask LocalCluster of two workers gives the same records as a
plain ingest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import new_database_url
from newsgraph.demo import DEMO_CORPUS


def records(cli: Any, db: str) -> dict[str, Any]:
    return {r["id"]: r for r in (json.loads(x) for x in cli("export", "--db", db).stdout.splitlines())}


def test_dask_ingest_matches_plain_ingest(tmp_path: Path, cli: Any) -> None:
    plain, spread = new_database_url(tmp_path, "plain"), new_database_url(tmp_path, "dask")
    corpus = str(DEMO_CORPUS / "articles.jsonl")
    assert "28 new" in cli("ingest", corpus, "--db", plain).stdout
    result = cli("ingest", corpus, "--db", spread, "--dask", "--workers", "2")
    assert result.exit_code == 0, result.stderr
    assert "28 new" in result.stdout
    assert records(cli, spread) == records(cli, plain)


def test_long_ingest_with_nlp_in_a_child_process_matches(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph import batch

    inline, background = new_database_url(tmp_path, "inline"), new_database_url(tmp_path, "background")
    corpus = str(DEMO_CORPUS / "articles.jsonl")
    cli("ingest", corpus, "--db", inline)
    monkeypatch.setattr(batch, "BACKGROUND_FROM", 4)
    assert "28 new" in cli("ingest", corpus, "--db", background).stdout
    assert records(cli, background) == records(cli, inline)
