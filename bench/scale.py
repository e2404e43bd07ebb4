"""Scale-out figures: Dask with 2 workers vs 1, API latency under concurrent clients, and the
peak memory of an ingest. Prints figures; asserts nothing.

    python bench/scale.py [--articles N] [--clients 16] [--seconds 20]

1. Ingest the same N ECB+ development articles (default 200) three times into fresh databases:
   plain, and with the analysis on a Dask LocalCluster of 1 and of 2 worker processes. Speed-up
   = time(1 worker) / time(2 workers). This machine has 2 cores, and the ordered writer runs in
   the main process beside the workers, so 2 workers cannot reach 2x here.
2. Serve the plain database (`newsgraph serve`, its own process, on 127.0.0.1) and send requests from `--clients`
   concurrent clients for `--seconds` (bounded, loopback only) to the main endpoints; print
   p50/p95/p99 latency and errors.
3. Peak resident memory of the plain ingest (from /proc, of this process).
"""

from __future__ import annotations

import argparse
import json
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
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
    from newsgraph.distributed import open_client

    plain = timed_ingest(corpus, f"sqlite:///{folder / 'plain.db'}")
    times = {}
    for workers in (1, 2):
        client = open_client(None, workers)
        try:
            client.submit(lambda: None).result()  # workers up before timing
            times[workers] = timed_ingest(corpus, f"sqlite:///{folder / f'dask{workers}.db'}", client)
        finally:
            client.close()
            client.cluster.close()
    print(f"plain {plain:.1f}s, Dask 1 worker {times[1]:.1f}s, 2 workers {times[2]:.1f}s")
    print(f"speed-up 2 workers vs 1: {times[1] / times[2]:.2f}x")


def latency(url: str, clients: int, seconds: float) -> None:
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # The server runs in its own process, as `newsgraph serve` does: clients in this process
    # must not share its interpreter lock.
    server = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli.app", "serve", "--db", url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/stories?limit=1", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    base = f"http://127.0.0.1:{port}"
    stories = httpx.get(f"{base}/api/stories?limit=5").json()["items"]
    paths = ["/api/stories?limit=20", "/api/articles?limit=20", "/api/entities?limit=20", "/api/search?q=police"]
    paths += [f"/api/stories/{s['id']}" for s in stories[:3]]
    samples: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def run(offset: int) -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=30) as http:
            i = offset
            while time.perf_counter() < deadline:
                path = paths[i % len(paths)]
                i += 1
                started = time.perf_counter()
                response = http.get(path)
                took = time.perf_counter() - started
                with lock:
                    samples.append(took)
                    errors += response.status_code != 200

    workers = [threading.Thread(target=run, args=(n,)) for n in range(clients)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    server.terminate()
    server.wait(timeout=10)
    samples.sort()
    quantile = lambda q: samples[min(len(samples) - 1, int(q * len(samples)))] * 1000  # noqa: E731
    print(
        f"{len(samples)} requests from {clients} clients in {seconds:.0f}s ({len(samples) / seconds:.0f}/s), "
        f"{errors} errors; p50 {quantile(0.5):.1f} ms, p95 {quantile(0.95):.1f} ms, p99 {quantile(0.99):.1f} ms, "
        f"mean {statistics.mean(samples) * 1000:.1f} ms"
    )


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
        print(f"3. peak resident memory of this process (ingests, server): {peak:.0f} MB")


if __name__ == "__main__":
    main()
