"""kill -9 an ingest at random moments, then ingest again: every article stored exactly once,
every story consistent, nothing half-written (one transaction per article)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from typing import Any

from newsgraph.demo import DEMO_CORPUS

KILLS = 20


def test_kill_nine_at_random_moments_then_resume(db_url: str, cli: Any) -> None:
    corpus = str(DEMO_CORPUS / "articles.jsonl")
    cli("articles", "--db", db_url)  # the schema exists before the first kill
    rng = random.Random(20261123)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for _ in range(KILLS):
        process = subprocess.Popen(
            [sys.executable, "-m", "newsgraph.cli.app", "ingest", corpus, "--db", db_url],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        time.sleep(rng.uniform(0.3, 2.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
    result = cli("ingest", corpus, "--db", db_url)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(x) for x in cli("export", "--db", db_url).stdout.splitlines()]
    assert len(records) == len({r["id"] for r in records}) == 28
    by_gold: dict[str, set[str]] = defaultdict(set)
    for record in records:
        assert record["story_id"], record["external_id"]
        assert record["sentences"] and record["entities"], record["external_id"]  # nothing half-written
        by_gold[record["metadata"]["story"]].add(record["story_id"])
    assert all(len(ids) == 1 for ids in by_gold.values()), by_gold
    stories = json.loads(cli("stories", "--json", "--db", db_url).stdout)
    assert sum(len(s["articles"]) for s in stories) == 28
    assert "0 new, 28 unchanged" in cli("ingest", corpus, "--db", db_url).stdout
