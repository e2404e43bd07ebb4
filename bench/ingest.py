"""Ingest throughput beside the bare spaCy pass over the same texts, in one run.

    python bench/ingest.py [--corpus FILE.jsonl] [--limit N]

Default corpus: ../shared/data/ecbplus/dev.jsonl (real articles), else the demo corpus.
Prints articles/s and words/s for (a) the spaCy model alone, as shipped, over the clean texts,
in one process and in as many as there are cores (`nlp.pipe(..., n_process=cores)`), and (b)
`newsgraph ingest` end to end (reading, cleaning, analysis, dates, SQLite writes) into a fresh
database, and the ratios of b to each. Figures, not assertions: these machines are noisy, so
compare the ratios, which the passes of one run share.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import spacy

from newsgraph.batch import BatchReport, ingest_paths, read_articles
from newsgraph.demo import DEMO_CORPUS
from newsgraph.settings import Settings
from newsgraph.store import ArticleStore, open_database

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ECBPLUS if ECBPLUS.exists() else None)
    parser.add_argument("--limit", type=int, default=300, help="articles to use (default 300)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        if args.corpus is None:
            source = [str(DEMO_CORPUS)]
            print(f"corpus: demo corpus ({DEMO_CORPUS})")
        else:
            source = [str(args.corpus)]
            print(f"corpus: {args.corpus}")
        settings = Settings(database_url=f"sqlite:///{Path(folder) / 'bench.db'}")
        articles = list(read_articles(source, settings, BatchReport()))[: args.limit]
        with corpus.open("w") as handle:
            for article in articles:
                record = {"id": article.external_id, "text": article.text, "title": article.title}
                handle.write(json.dumps(record) + "\n")
        texts = [a.text for a in articles]
        words = sum(len(t.split()) for t in texts)
        print(f"{len(texts)} articles, {words} words")

        nlp = spacy.load(settings.pipeline)
        list(nlp.pipe(texts[:5]))  # warm up
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        bare = time.perf_counter() - started
        cores = settings.processes
        started, cpu = time.perf_counter(), cpu_seconds()
        for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=cores):
            pass
        bare_all, bare_all_cpu = time.perf_counter() - started, cpu_seconds() - cpu

        store = ArticleStore(open_database(settings.database_url))
        started, cpu = time.perf_counter(), cpu_seconds()
        report = ingest_paths([str(corpus)], settings, store)
        full, full_cpu = time.perf_counter() - started, cpu_seconds() - cpu
        assert report.new == len(texts), report.summary()

        started = time.perf_counter()
        again = ingest_paths([str(corpus)], settings, store)
        rerun = time.perf_counter() - started

    print(f"model: {settings.pipeline}; cores: {cores}")
    print(f"{'pass':<34}{'seconds':>9}{'articles/s':>12}{'words/s':>10}")
    for name, seconds in (
        ("bare spaCy, one process", bare),
        (f"bare spaCy, n_process={cores}", bare_all),
        ("newsgraph ingest (end to end)", full),
        ("re-ingest (all unchanged)", rerun),
    ):
        print(f"{name:<34}{seconds:>9.2f}{len(texts) / seconds:>12.1f}{words / seconds:>10.0f}")
    print(f"ratio ingest/bare spaCy throughput, one process: {bare / full:.2f}")
    print(f"ratio ingest/bare spaCy throughput, n_process={cores}: {bare_all / full:.2f}")
    # The wall-time ratio moves by a tenth between runs when other work shares the machine's
    # cores; the CPU both passes spend (all their processes) is steadier, and it is the bound the
    # wall-time ratio reaches when both keep every core busy.
    per_article = 1000 / len(texts)
    print(
        f"CPU per article, all processes: bare n_process={cores} {bare_all_cpu * per_article:.1f} ms, "
        f"ingest {full_cpu * per_article:.1f} ms; ratio {bare_all_cpu / full_cpu:.2f}"
    )
    print(f"re-ingest: {again.summary()}")


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (pools are joined)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


if __name__ == "__main__":
    main()
