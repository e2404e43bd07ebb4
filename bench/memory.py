"""Peak memory of a real `newsgraph ingest` as the corpus grows: the ingest streams, so its
memory should not grow with the number of articles. Prints figures; asserts nothing.

    python bench/memory.py [--articles 500,2000] [--db URL]

Writes a JSON Lines corpus of synthetic look-alikes of the ECB+ development articles (every
fourth word renamed per copy, so none is a copy of another), runs `newsgraph ingest` on it as a
subprocess (the NLP included: its long batches run the model in a child process) and samples
the resident memory of the whole process tree every 0.2 s.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).parent))

from scoring import ECBPLUS


def look_alikes(count: int) -> Iterator[dict[str, str]]:
    base = [json.loads(line) for line in ECBPLUS.read_text().splitlines()]
    for n in range(count):
        copy, row = divmod(n, len(base))
        record = base[row]
        words = record["text"].split(" ")
        text = " ".join(f"{w}{copy}" if i % 4 == copy % 4 and w.isalpha() and copy else w for i, w in enumerate(words))
        yield {"id": f"{record['id']}#{copy}", "text": text, "title": record.get("title") or "", "outlet": "Bench"}


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # a process that just ended
            total += p.memory_info().rss
    return total


def measure(count: int, folder: Path, database: str | None) -> None:
    corpus = folder / f"corpus-{count}.jsonl"
    with corpus.open("w") as out:
        for record in look_alikes(count):
            out.write(json.dumps(record) + "\n")
    url = database or f"sqlite:///{folder / f'memory-{count}.db'}"
    started = time.perf_counter()
    command = [sys.executable, "-m", "newsgraph.cli.app", "ingest", str(corpus), "--db", url]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    process = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        try:
            peak = max(peak, tree_rss(process))
        except psutil.Error:
            break
        time.sleep(0.2)
    summary = child.stdout.read().decode().strip().splitlines()[-1] if child.stdout else ""
    seconds = time.perf_counter() - started
    megabytes = peak / 2**20
    print(f"  {count:>7} articles: {summary} in {seconds:.0f}s; peak memory (all processes) {megabytes:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", default="500,2000")
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file per size)")
    args = parser.parse_args()
    if not ECBPLUS.exists():
        sys.exit(f"{ECBPLUS} is not here")
    print("peak resident memory of `newsgraph ingest` (all its processes), NLP included:")
    with tempfile.TemporaryDirectory() as name:
        for count in (int(n) for n in args.articles.split(",")):
            measure(count, Path(name), args.db)


if __name__ == "__main__":
    main()
