"""Spreading the analysis over a Dask cluster, while one ordered writer stores the results.

Reading and cleaning stay in the calling process (they are cheap and decide what is new); the
NLP runs on the workers, a chunk of articles per task; results come back in submission order,
so stories are placed in the same order as in a plain ingest and the outcome is the same.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.records import Article

CHUNK = 8
IN_FLIGHT_PER_WORKER = 2


def analyze_chunk(articles: list[Article], pipeline: str, batch_size: int) -> list[Article]:
    """Runs on a worker: the pipeline is loaded once per worker process and reused."""
    from newsgraph.nlp.pipeline import Analyzer

    return list(Analyzer(pipeline, batch_size).analyze(articles))


def open_client(scheduler: str | None, workers: int) -> Any:
    """A client of the cluster at `scheduler`, or of a LocalCluster on this machine."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster)


def analyze_on_cluster(client: Any, articles: Iterable[Article], pipeline: str, batch_size: int) -> Iterator[Article]:
    """Analysed articles in input order, with a bounded number of chunks in flight."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque[Any] = deque()
    chunk: list[Article] = []

    def submit() -> None:
        pending.append(client.submit(analyze_chunk, list(chunk), pipeline, batch_size, pure=False))
        chunk.clear()

    for article in articles:
        chunk.append(article)
        if len(chunk) >= CHUNK:
            submit()
            while len(pending) > workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
    if chunk:
        submit()
    while pending:
        yield from pending.popleft().result()
