"""Spreading parsing and analysis over a Dask cluster, while one ordered writer stores the results.

Files that hold one article (text, HTML) are sent to the workers, a chunk of files per task, to
be parsed (trafilatura) and cleaned; archives (JSON Lines, feeds, WARC) are streamed in the
calling process, which decides what is new. The NLP runs on the workers, a chunk of articles
per task. Results come back in submission order, so stories are placed in the same order as in
a plain ingest and the outcome is the same.
"""

from __future__ import annotations

import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.records import Article
from newsgraph.settings import Settings

CHUNK = 8
IN_FLIGHT_PER_WORKER = 2


def analyze_chunk(articles: list[Article], pipeline: str, batch_size: int) -> list[Article | InputError]:
    """Runs on a worker: the pipeline is loaded once per worker process and reused. An article
    the analysis fails on comes back as its error, in its place."""
    from newsgraph.nlp.pipeline import Analyzer

    return list(Analyzer(pipeline, batch_size).analyze_reporting(articles))


def read_sent_files(
    files: list[tuple[str, bytes]], settings: Settings, outlet: str | None, published: str | None
) -> list[Article | InputError]:
    """Runs on a worker: parse files sent as bytes (the worker may not see this machine's disk),
    under their own names so that format and ids come out as they would here."""
    from newsgraph.ingest import read_file

    out: list[Article | InputError] = []
    with tempfile.TemporaryDirectory() as folder:
        for original, data in files:
            path = Path(folder) / Path(original).name
            path.write_bytes(data)
            for item in read_file(path, settings, outlet, published):
                source = (item.source or "").replace(str(path), original, 1)
                if isinstance(item, InputError):
                    item = InputError(source, item.reason)
                else:
                    item.source = source
                out.append(item)
            path.unlink()
    return out


def read_on_cluster(
    client: Any,
    files: list[Path],
    settings: Settings,
    outlet: str | None,
    published: str | None,
    on_file: Callable[[Path], None] | None = None,
) -> Iterator[Article | InputError]:
    """Clean articles of every file in input order: single-article files parsed on the workers,
    archives (and files too large to send) read here, each when its turn comes."""
    from newsgraph.ingest import read_file
    from newsgraph.ingest.readers import detect_format

    def jobs() -> Iterator[Any]:
        chunk: list[tuple[str, bytes]] = []
        for path in files:
            if on_file is not None:
                on_file(path)
            data = _small_file(path, settings) if detect_format(path) in ("text", "html") else None
            if data is not None:
                chunk.append((str(path), data))
            if chunk and (data is None or len(chunk) >= CHUNK):
                yield client.submit(read_sent_files, list(chunk), settings, outlet, published, pure=False)
                chunk.clear()
            if data is None:  # an archive, too large, or unreadable: read here, streamed
                yield _Here(read_file(path, settings, outlet, published))
        if chunk:
            yield client.submit(read_sent_files, chunk, settings, outlet, published, pure=False)

    return in_order(jobs(), _workers(client) * IN_FLIGHT_PER_WORKER)


class _Here:
    """Work done in this process, waiting in line with the futures: its result is read lazily."""

    def __init__(self, items: Iterator[Article | InputError]) -> None:
        self.items = items

    def result(self) -> Iterator[Article | InputError]:
        return self.items


def _small_file(path: Path, settings: Settings) -> bytes | None:
    try:
        if os.path.getsize(path) > settings.max_article_bytes:
            return None
        return path.read_bytes()
    except OSError:
        return None


def open_client(scheduler: str | None, workers: int) -> Any:
    """A client of the cluster at `scheduler`, or of a LocalCluster on this machine."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster)


def analyze_on_cluster(
    client: Any, articles: Iterable[Article], pipeline: str, batch_size: int
) -> Iterator[Article | InputError]:
    """Analysed articles in input order, on the Dask cluster's workers."""

    def submit(chunk: list[Article]) -> Any:
        return client.submit(analyze_chunk, chunk, pipeline, batch_size, pure=False)

    return analyze_ordered(submit, _workers(client), articles)


def _workers(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def analyze_in_background(
    articles: Iterable[Article],
    pipeline: str,
    batch_size: int,
    before_fork: Callable[[], None] | None = None,
    processes: int = 1,
) -> Iterator[Article | InputError]:
    """Analysed articles in input order, the NLP in `processes` child processes so that it
    overlaps with the storage in this one and uses every core.

    The children are forked after the model is loaded here (they start with it and every module:
    spawning one took 4 s more per run); `before_fork` closes this process's database
    connections first, so no child holds one. They end with this process whatever ends it (see
    `die_with_parent`), and an interrupted or failed run terminates them at once rather than
    waiting for their current chunks.
    """
    import gc
    import multiprocessing

    from newsgraph.nlp.pipeline import warm_up

    warm_up(pipeline)  # once, for every child
    if before_fork is not None:
        before_fork()
    # What exists now (the model above all: some 100,000 objects) is left out of garbage
    # collection until the ingest ends: every full collection would walk it again, here and in
    # each child, where walking it also copies the pages the fork shared.
    processes = max(1, processes)
    gc.freeze()
    context = multiprocessing.get_context("fork")
    try:
        pool = context.Pool(processes, initializer=die_with_parent, initargs=(os.getpid(),))
    except BaseException:
        gc.unfreeze()
        raise
    try:

        def submit(chunk: list[Article]) -> Any:
            return _Pending(pool.apply_async(analyze_chunk, (chunk, pipeline, batch_size)))

        yield from analyze_ordered(submit, processes, articles)
        pool.close()
        pool.join()
    finally:
        pool.terminate()
        gc.unfreeze()


class _Pending:
    """A pool's AsyncResult read like a future."""

    def __init__(self, result: Any) -> None:
        self._result = result

    def result(self) -> Any:
        return self._result.get()


def die_with_parent(parent: int) -> None:
    """In a child process: end when the parent ends, even by kill -9 (which runs no clean-up in
    the parent). Linux delivers SIGKILL on the parent's death; elsewhere a thread watches."""
    import signal
    import threading
    import time

    # A forked child has the parent's handlers: it must simply end when told to (SIGTERM from
    # the pool), and leave a Ctrl-C, which reaches the whole process group, to its parent.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the call above took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="newsgraph-parent-watch").start()


def analyze_ordered(submit: Any, workers: int, articles: Iterable[Article]) -> Iterator[Article | InputError]:
    """Submit chunks of articles through `submit` (Dask or a process pool: both return futures)
    and yield the results in input order."""

    def jobs() -> Iterator[Any]:
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) >= CHUNK:
                yield submit(chunk)
                chunk = []
        if chunk:
            yield submit(chunk)

    return in_order(jobs(), workers * IN_FLIGHT_PER_WORKER)


def in_order(jobs: Iterable[Any], in_flight: int) -> Iterator[Any]:
    """The results of jobs (anything with `.result()` giving an iterable) in the order they were
    started, with at most `in_flight` started and not yet read."""
    pending: deque[Any] = deque()
    for job in jobs:
        pending.append(job)
        while len(pending) > in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
