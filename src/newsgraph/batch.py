"""A batch run: inputs -> clean articles -> analysis -> storage, with a per-input report.

The CLI's `ingest`, `analyze` and `demo` are thin layers over these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest import expand_inputs, read_file
from newsgraph.ingest.site_titles import SiteTitlePatterns
from newsgraph.nlp.pipeline import Analyzer, without_errors
from newsgraph.records import Article
from newsgraph.settings import Settings
from newsgraph.store import ArticleStore, SaveOutcome
from newsgraph.stories import StoryPlacer

# Called with the path of each file as reading starts, so a front end can show progress.
FileCallback = Callable[[Path], None]


@dataclass
class BatchReport:
    """What a run did: counts for the summary line and every failure with its reason."""

    files: int = 0
    new: int = 0
    unchanged: int = 0
    failed: list[InputError] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.new} new, {self.unchanged} unchanged, {len(self.failed)} failed"
        if self.skipped:
            text += f", {len(self.skipped)} skipped"
        return text


def read_articles(
    patterns: list[str],
    settings: Settings,
    report: BatchReport,
    outlet: str | None = None,
    published: str | None = None,
    on_file: FileCallback | None = None,
    client: Any = None,
) -> Iterator[Article]:
    """Clean articles from every input, in order; failures go to the report, not up. With a Dask
    `client`, files holding one article each are parsed on its workers."""
    inputs = expand_inputs(patterns)
    report.files = len(inputs.files)
    report.failed.extend(inputs.errors)
    report.skipped.extend(inputs.skipped)
    if client is not None:
        from newsgraph.distributed import read_on_cluster

        items = read_on_cluster(client, inputs.files, settings, outlet, published, on_file)
    else:
        items = _read_here(inputs.files, settings, outlet, published, on_file)
    site_titles = SiteTitlePatterns()
    for item in items:
        if isinstance(item, InputError):
            report.failed.append(item)
            continue
        item.title = site_titles.clean(item)
        if "published_note" in item.metadata:
            report.notes.append(f"{item.source}: {item.metadata['published_note']}")
        yield item


def _read_here(
    files: list[Path], settings: Settings, outlet: str | None, published: str | None, on_file: FileCallback | None
) -> Iterator[Article | InputError]:
    for path in files:
        if on_file is not None:
            on_file(path)
        yield from read_file(path, settings, outlet, published)


def analyze_paths(
    patterns: list[str],
    settings: Settings,
    report: BatchReport,
    outlet: str | None = None,
    published: str | None = None,
    on_file: FileCallback | None = None,
) -> Iterator[Article]:
    """Analysed articles, nothing stored (the `analyze` command)."""
    analyzer = Analyzer(settings.pipeline, settings.batch_size)
    read = read_articles(patterns, settings, report, outlet, published, on_file)
    for article in without_errors(analyzer.analyze_reporting(read), report.failed):
        report.new += 1
        yield article


def ingest_paths(
    patterns: list[str],
    settings: Settings,
    store: ArticleStore,
    outlet: str | None = None,
    published: str | None = None,
    on_file: FileCallback | None = None,
    client: Any = None,
    report: BatchReport | None = None,
) -> BatchReport:
    """Store every new article; known ones are counted unchanged without running the model.

    With a Dask `client`, the parsing of single-article files and the analysis run on its workers
    and this process stores the results in input order (see `newsgraph.distributed`).
    """
    report = report if report is not None else BatchReport()
    seen: set[str] = set()

    def fresh() -> Iterator[Article]:
        for article in read_articles(patterns, settings, report, outlet, published, on_file, client):
            if article.id in seen or store.has(article.id):
                report.unchanged += 1
                continue
            seen.add(article.id)
            yield article

    placer = StoryPlacer()
    if client is not None:
        from newsgraph.distributed import analyze_on_cluster

        analysed = analyze_on_cluster(client, fresh(), settings.pipeline, settings.batch_size)
    else:
        analysed = _analyze_locally(fresh(), settings, before_fork=store.engine.dispose)
    for article, outcome in store.save_many(without_errors(analysed, report.failed), on_insert=placer):
        if outcome is SaveOutcome.NEW:
            report.new += 1
        elif outcome is SaveOutcome.FAILED:
            report.failed.append(store.save_failure(article))
        else:
            report.unchanged += 1
    for error in report.failed:
        store.record_error(error.source, error.reason)
    if report.new:
        store.refresh_statistics()
    return report


# Below this many new articles, a child process costs more than it saves.
BACKGROUND_FROM = 48


def _analyze_locally(
    articles: Iterator[Article], settings: Settings, before_fork: Callable[[], None] | None = None
) -> Iterator[Article | InputError]:
    """Small batches in this process; long ones with the NLP in `settings.processes` child
    processes (overlapping with storage here), the results in the same order either way."""
    head: list[Article] = []
    for article in articles:
        head.append(article)
        if len(head) >= BACKGROUND_FROM:
            break
    if len(head) < BACKGROUND_FROM:
        yield from Analyzer(settings.pipeline, settings.batch_size).analyze_reporting(head)
        return
    from itertools import chain

    from newsgraph.distributed import analyze_in_background

    yield from analyze_in_background(
        chain(head, articles), settings.pipeline, settings.batch_size, before_fork, settings.processes
    )
