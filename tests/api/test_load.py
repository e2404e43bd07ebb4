"""A short run of the load test (`bench/load.py`): 16 concurrent keep-alive clients against a
real `newsgraph serve` process on the demo corpus, over the main endpoints and pages; no request
may fail; while another process moves the data version every second, answers come both from the
server's response cache and freshly computed. The 60-second run and its latency figures are in docs/performance.md."""

from __future__ import annotations

import asyncio
import importlib.util
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from helpers import new_database_url
from newsgraph.cli.app import app

BENCH = Path(__file__).resolve().parents[2] / "bench" / "load.py"


def test_sixteen_clients_for_five_seconds_get_no_errors(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("load_bench", BENCH)
    assert spec is not None and spec.loader is not None
    load = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(load)
    url = new_database_url(tmp_path, "load")
    assert CliRunner().invoke(app, ["demo", "--db", url]).exit_code == 0
    server, base = load.start_server(url, workers=1)
    try:
        paths = load.request_paths(base)
        mover = load.version_mover(url)
        results = asyncio.run(load.load(base, paths, clients=16, seconds=5, invalidate=mover, every=1.0))
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert len(results) > 100
    assert {status for _, _, status, _ in results} == {200}
    assert {path for path, _, _, _ in results} == set(paths)  # every endpoint was exercised
    assert any(hit for *_, hit in results)
    # One server process misses a path once while the version stays: more misses than that mean
    # the moves of another process's writes reached it.
    misses = Counter(path for path, _, _, hit in results if not hit)
    assert max(misses.values()) >= 3, misses
