"""What the event component costs beside the whole pipeline, in one process: CPU time per
article of `newsgraph_events` (its lexicons, the CAMEO dictionary, the learned models' features
and scores) and of the full pipeline that ran before it, on real articles.

    python bench/events_cost.py [--limit 150]

The pipeline runs once over the first N ECB+ development articles (a publication date given, so
that reporting days are set); the event component then runs again over the finished Docs three
times, and the fastest pass counts. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsgraph.nlp.events import find_events
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.settings import DEFAULT_PIPELINE

ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=150)
    args = parser.parse_args()
    nlp = load_pipeline(DEFAULT_PIPELINE)
    rows = [json.loads(line) for line in ECBPLUS.read_text(encoding="utf-8").splitlines()][: args.limit]
    docs = []
    for row in rows:
        doc = nlp.make_doc(row["text"])
        doc._.published = "2025-03-05"
        docs.append(doc)
    started = time.process_time()
    docs = list(nlp.pipe(docs))
    pipeline = (time.process_time() - started) / len(docs)
    passes = []
    for _ in range(3):
        started = time.process_time()
        events = sum(len(find_events(doc)._.events) for doc in docs)
        passes.append((time.process_time() - started) / len(docs))
    component = min(passes)
    print(f"{len(docs)} articles, {events} events")
    print(f"whole pipeline {pipeline * 1000:.1f} ms CPU per article; events component {component * 1000:.2f} ms")
    print(f"events component / whole pipeline: {component / pipeline:.3f}")


if __name__ == "__main__":
    main()
