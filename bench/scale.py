"""Scale-out figures: Dask with 2 workers vs 1 (end to end, and the analysis alone), API latency
under concurrent clients, and the peak memory of an ingest. Prints figures; asserts nothing.

    python bench/scale.py [--articles N] [--clients 16] [--seconds 20]

1. Ingest the same N ECB+ development articles (default 200) three times into fresh databases:
   plain, and with the analysis on a Dask LocalCluster of 1 and of 2 worker processes. Speed-up
   = time(1 worker) / time(2 workers). The ordered writer runs in this process beside the
   workers, so on a 2-core machine the end-to-end speed-up is capped well below 2x; the same
   articles analysed on the cluster without storing show what the workers themselves gain.
2. Serve the plain database (`newsgraph serve`, its own process, on 127.0.0.1) and load it with
   `bench/load.py`: `--clients` concurrent clients for `--seconds`.
3. Peak resident memory of this process (the ingests).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from newsgraph.batch import ingest_paths
from newsgraph.settings import Settings
from newsgraph.store import ArticleStore, open_database
from scoring import ECBPLUS


def timed_ingest(corpus: Path, url: str, client: object = None) -> float:
    settings = Settings(database_url=url)
    store = ArticleStore(open_database(url))
    started = time.perf_counter()
    report = ingest_paths([str(corpus)], settings, store, client=client)
    seconds = time.perf_counter() - started
    print(f"  {report.summary()} in {seconds:.1f}s")
    return seconds


def dask_speedup(corpus: Path, folder: Path) -> None:
    from newsgraph.batch import BatchReport, read_articles
    from newsgraph.distributed import analyze_on_cluster, open_client

    plain = timed_ingest(corpus, f"sqlite:///{folder / 'plain.db'}")
    settings = Settings(database_url="sqlite://")
    articles = list(read_articles([str(corpus)], settings, BatchReport()))
    times, analysis = {}, {}
    for workers in (1, 2):
        client = open_client(None, workers)
        try:
            client.submit(lambda: None).result()  # workers up before timing
            times[workers] = timed_ingest(corpus, f"sqlite:///{folder / f'dask{workers}.db'}", client)
            started = time.perf_counter()
            done = sum(1 for _ in analyze_on_cluster(client, iter(articles), settings.pipeline, settings.batch_size))
            analysis[workers] = time.perf_counter() - started
            print(f"  analysis alone on {workers} worker(s): {done} articles in {analysis[workers]:.1f}s")
        finally:
            client.close()
            client.cluster.close()
    print(f"plain {plain:.1f}s, Dask 1 worker {times[1]:.1f}s, 2 workers {times[2]:.1f}s")
    end_to_end, alone = times[1] / times[2], analysis[1] / analysis[2]
    print(f"speed-up 2 workers vs 1: {end_to_end:.2f}x end to end, {alone:.2f}x analysis alone")


def latency(url: str, clients: int, seconds: float) -> None:
    import load

    load.run(url, clients, seconds, workers=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    if not ECBPLUS.exists():
        sys.exit(f"{ECBPLUS} is not here")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        corpus = folder / "corpus.jsonl"
        lines = ECBPLUS.read_text().splitlines()[: args.articles]
        corpus.write_text(
            "\n".join(json.dumps({k: v for k, v in json.loads(x).items() if k != "story"}) for x in lines)
        )
        print(f"1. Dask, {len(lines)} ECB+ articles:")
        dask_speedup(corpus, folder)
        print(f"2. API latency on that database ({args.clients} clients, loopback):")
        latency(f"sqlite:///{folder / 'plain.db'}", args.clients, args.seconds)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"3. peak resident memory of this process (the ingests): {peak:.0f} MB")


if __name__ == "__main__":
    main()
