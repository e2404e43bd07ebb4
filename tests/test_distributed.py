"""Ingest with the analysis on a Dask LocalCluster of two workers gives the same records as a
plain ingest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from helpers import new_database_url
from newsgraph.demo import DEMO_CORPUS


def records(cli: Any, db: str) -> dict[str, Any]:
    return {r["id"]: r for r in (json.loads(x) for x in cli("export", "--db", db).stdout.splitlines())}


def test_dask_ingest_matches_plain_ingest(tmp_path: Path, cli: Any) -> None:
    """The whole demo corpus (JSON Lines streamed here; HTML and text pages parsed on the
    workers) and two bad pages: the same records and the same failures, in the same order."""
    plain, spread = new_database_url(tmp_path, "plain"), new_database_url(tmp_path, "dask")
    corpus = tmp_path / "corpus"
    shutil.copytree(DEMO_CORPUS, corpus)
    (corpus / "pages" / "empty.html").write_text("<html><body></body></html>")
    (corpus / "pages" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    first = cli("ingest", str(corpus), "--db", plain)
    assert "32 new" in first.stdout and "2 failed" in first.stdout
    result = cli("ingest", str(corpus), "--db", spread, "--dask", "--workers", "2")
    assert "32 new" in result.stdout and "2 failed" in result.stdout, result.stderr
    assert records(cli, spread) == records(cli, plain)
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert failures == [line for line in first.stderr.splitlines() if line.startswith("failed:")]
    assert any(f"{corpus / 'pages' / 'empty.html'}" in line for line in failures)


@pytest.mark.parametrize("processes", ["1", "2"])
def test_long_ingest_with_nlp_in_child_processes_matches(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch, processes: str
) -> None:
    """The NLP of a long ingest in one child process or several: the same records as when it
    runs in this one (results are stored in input order, whichever child finishes first)."""
    from newsgraph import batch

    inline, background = new_database_url(tmp_path, "inline"), new_database_url(tmp_path, "background")
    corpus = str(DEMO_CORPUS / "articles.jsonl")
    cli("ingest", corpus, "--db", inline)
    monkeypatch.setattr(batch, "BACKGROUND_FROM", 4)
    monkeypatch.setenv("NEWSGRAPH_PROCESSES", processes)
    assert "28 new" in cli("ingest", corpus, "--db", background).stdout
    assert records(cli, background) == records(cli, inline)
