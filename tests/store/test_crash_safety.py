"""Stop an ingest after N committed articles (kill -9, SIGTERM, Ctrl-C), for several N, then
ingest again: every article stored exactly once, every story consistent, nothing half-written
(one transaction per batch of articles), and no process of the ingest left behind.

The corpus is long enough (112 articles) that the analysis runs in a child process: the child
must end with the command that started it, whatever ends that command.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from newsgraph.batch import BACKGROUND_FROM
from newsgraph.demo import DEMO_CORPUS

EDITIONS = ("second", "third", "fourth")
# Each stop comes after this many more committed articles (one write transaction's worth).
STEP = 16


def long_corpus(folder: Path) -> tuple[str, int]:
    """The demo corpus and three later editions of each article (a sentence of their own added):
    long enough that every run below still has enough new articles for the background child."""
    records = [json.loads(line) for line in (DEMO_CORPUS / "articles.jsonl").read_text().splitlines() if line.strip()]
    corpus = list(records)
    for edition in EDITIONS:
        for record in records:
            copy = dict(record)
            copy["id"] = f"{record['id']}-{edition}-edition"
            copy["text"] = record["text"] + f"\n\nThis report was updated in a {edition} edition later that day."
            corpus.append(copy)
    path = folder / "long.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in corpus))
    return str(path), len(corpus)


def stored_count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM articles")).scalar_one())
    finally:
        engine.dispose()


def descendants(pid: int) -> set[int]:
    """Every living process whose chain of parents leads to `pid` (read from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def start_ingest(corpus: str, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli.app", "ingest", corpus, "--db", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def open_files(pid: int) -> set[str]:
    found = set()
    for fd in Path(f"/proc/{pid}/fd").glob("*"):
        try:
            found.add(os.readlink(fd))
        except OSError:
            continue
    return found


def stop_after(process: subprocess.Popen[str], url: str, committed: int, signum: int) -> tuple[set[int], str]:
    """Wait until `committed` articles are stored, note the ingest's processes (and check that
    none but the ingest itself holds the database file open), send `signum`."""
    deadline = time.monotonic() + 300
    while stored_count(url) < committed:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the ingest stored too little in 300 s"
        time.sleep(0.05)
    children = descendants(process.pid)
    if url.startswith("sqlite:///"):
        database = str(Path(url.removeprefix("sqlite:///")).resolve())
        for child in children:
            held = [f for f in open_files(child) if f.startswith(database)]
            assert not held, f"the analysis child holds the database open: {held}"
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    return children, stderr


def assert_gone(children: set[int]) -> None:
    deadline = time.monotonic() + 15
    while any(alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in children if alive(pid)], "a process of the stopped ingest lives on"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see child processes")
def test_stops_after_n_committed_articles_then_resume(db_url: str, cli: Any, tmp_path: Path) -> None:
    corpus, total = long_corpus(tmp_path)
    cli("articles", "--db", db_url)  # the schema exists before the first stop
    saw_a_child = False
    for signum in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT, signal.SIGKILL):
        before = stored_count(db_url)
        assert total - before >= BACKGROUND_FROM + STEP
        process = start_ingest(corpus, db_url)
        children, stderr = stop_after(process, db_url, before + STEP, signum)
        saw_a_child = saw_a_child or bool(children)
        assert_gone(children)
        if signum == signal.SIGKILL:
            assert process.returncode == -signal.SIGKILL
        else:
            assert process.returncode == 128 + signum, stderr
            assert "run the same command again" in stderr and "new articles stored" in stderr, stderr
            assert "Traceback" not in stderr, stderr
    assert saw_a_child, "the analysis never ran in a child process: the corpus is too short"
    result = cli("ingest", corpus, "--db", db_url)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(x) for x in cli("export", "--db", db_url).stdout.splitlines()]
    assert len(records) == len({r["id"] for r in records}) == total
    by_gold: dict[str, set[str]] = defaultdict(set)
    for record in records:
        assert record["story_id"], record["external_id"]
        assert record["sentences"] and record["entities"], record["external_id"]  # nothing half-written
        if not record["external_id"].endswith("-edition"):
            by_gold[record["metadata"]["story"]].add(record["story_id"])
    assert all(len(ids) == 1 for ids in by_gold.values()), by_gold
    stories = json.loads(cli("stories", "--json", "--db", db_url).stdout)
    assert sum(len(s["articles"]) for s in stories) == total
    assert f"0 new, {total} unchanged" in cli("ingest", corpus, "--db", db_url).stdout
