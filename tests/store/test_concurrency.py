"""Two ingest processes writing one database at once, on overlapping inputs: every article is
stored once, and stories come out as a single ingest makes them."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsgraph.demo import DEMO_CORPUS


def test_two_concurrent_ingests_of_overlapping_files(tmp_path: Path, db_url: str, cli: Any) -> None:
    lines = (DEMO_CORPUS / "articles.jsonl").read_text().splitlines()
    (tmp_path / "first.jsonl").write_text("\n".join(lines[:20]) + "\n")
    (tmp_path / "second.jsonl").write_text("\n".join(lines[8:]) + "\n")
    cli("articles", "--db", db_url)  # create the schema once, before the race
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "newsgraph.cli.app", "ingest", str(tmp_path / name), "--db", db_url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first.jsonl", "second.jsonl")
    ]
    outputs = [p.communicate(timeout=600) for p in processes]
    assert all(p.returncode == 0 for p in processes), outputs
    new = sum(int(out.split(" new")[0].split()[-1]) for out, _ in outputs)
    assert new == 28, outputs
    records = [json.loads(x) for x in cli("export", "--db", db_url).stdout.splitlines()]
    assert len(records) == len({r["id"] for r in records}) == 28
    by_gold: dict[str, set[str]] = defaultdict(set)
    for record in records:
        assert record["story_id"]
        by_gold[record["metadata"]["story"]].add(record["story_id"])
    assert all(len(ids) == 1 for ids in by_gold.values()), by_gold
    assert len({next(iter(ids)) for ids in by_gold.values()}) == 7
