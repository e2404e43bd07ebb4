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
    """Analysed articles in input order, on the Dask cluster's workers."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))

    def submit(chunk: list[Article]) -> Any:
        return client.submit(analyze_chunk, chunk, pipeline, batch_size, pure=False)

    return analyze_ordered(submit, workers, articles)


def analyze_in_background(articles: Iterable[Article], pipeline: str, batch_size: int) -> Iterator[Article]:
    """Analysed articles in input order, the NLP in a child process so that it overlaps with the
    storage in this one (a long ingest on two cores goes at the speed of the slower of the two)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:

        def submit(chunk: list[Article]) -> Any:
            return executor.submit(analyze_chunk, chunk, pipeline, batch_size)

        yield from analyze_ordered(submit, 1, articles)


def analyze_ordered(submit: Any, workers: int, articles: Iterable[Article]) -> Iterator[Article]:
    """Submit chunks through `submit` (Dask or a process pool: both return futures) and yield
    the results in input order, with a bounded number of chunks in flight."""
    pending: deque[Any] = deque()
    chunk: list[Article] = []

    def flush() -> None:
        pending.append(submit(list(chunk)))
        chunk.clear()

    for article in articles:
        chunk.append(article)
        if len(chunk) >= CHUNK:
            flush()
            while len(pending) > workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
    if chunk:
        flush()
    while pending:
        yield from pending.popleft().result()
