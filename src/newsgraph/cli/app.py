"""`newsgraph` commands that bring articles in (ingest, analyze, demo), and the entry point.

Every command that touches the database takes `--db` (or NEWSGRAPH_DB).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from newsgraph.cli import browse  # noqa: F401  (registers the reading commands)
from newsgraph.cli.common import DbOption, JsonOption, app, err, out
from newsgraph.cli.render import article_view, articles_table
from newsgraph.cli.stopping import watch_progress
from newsgraph.errors import InputError
from newsgraph.settings import Settings
from newsgraph.showable import displayable
from newsgraph.store import ArticleStore, open_database
from newsgraph.store.database import shown_url

if TYPE_CHECKING:
    from newsgraph.batch import BatchReport
# The analysis (spaCy, Dask, trafilatura) is imported by the commands that analyse, so that
# reading commands start without it.

PathsArgument = Annotated[list[str], typer.Argument(help="Files, folders or glob patterns (text, HTML, JSON Lines).")]
OutletOption = Annotated[str | None, typer.Option("--outlet", help="Outlet for inputs that do not name their own.")]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
]


def main() -> None:
    """Console entry point: library errors become one clear line and exit code 2, as do the
    database's and the operating system's (a lock held too long, a full disk); an interrupt
    says what to do next."""
    from newsgraph.cli.stopping import run_until_stopped

    sys.exit(run_until_stopped(app, err))


@contextmanager
def _progress(total: int, label: str) -> Iterator[Any]:
    """A Rich progress bar on stderr (hidden when stderr is not a terminal)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}", markup=False),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with progress:
        task = progress.add_task(label, total=total, current="")
        started: list[bool] = []

        def on_file(path: Path) -> None:
            if started:
                progress.advance(task)
            started.append(True)
            progress.update(task, current=path.name)

        yield on_file
        progress.update(task, completed=total)


def _report_problems(report: BatchReport) -> None:
    for error in report.failed:
        err.print(f"[red]failed:[/red] {escape(error.source)}: {escape(error.reason)}", markup=True, soft_wrap=True)
    for path, reason in report.skipped:
        shown = escape(displayable(str(path)))
        err.print(f"[yellow]skipped:[/yellow] {shown}: {escape(reason)}", markup=True, soft_wrap=True)
    for note in report.notes:
        err.print(f"[yellow]note:[/yellow] {escape(note)}", markup=True, soft_wrap=True)


def _count_files(paths: list[str]) -> int:
    from newsgraph.ingest.sources import expand_inputs  # the ingest package: only the commands that read files

    return len(expand_inputs(paths).files)


def _published_flag(published: str | None) -> str | None:
    from newsgraph.ingest.published import parse_published_flag  # the ingest package: only when asked

    try:
        return parse_published_flag(published) if published else None
    except InputError as error:
        raise typer.BadParameter(error.reason, param_hint="--published") from error


@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = None,
    outlet: OutletOption = None,
    published: PublishedOption = None,
    dask: Annotated[bool, typer.Option("--dask", help="Run the analysis on a Dask cluster.")] = False,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler (tcp://HOST:PORT); default a LocalCluster.")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", help="LocalCluster worker processes.")] = 2,
) -> None:
    """Read, clean, analyse and store articles. Re-ingesting the same files changes nothing.

    Example: `newsgraph ingest ../shared/seeds/*.txt --published 2025-03-05`
    """
    from newsgraph.batch import BatchReport, ingest_paths
    settings = Settings.from_env(db)
    store = ArticleStore(open_database(settings.database_url))
    given = _published_flag(published)
    total = _count_files(paths)
    client = None
    if dask or scheduler:
        from newsgraph.distributed import open_client

        client = open_client(scheduler, workers)
    report = BatchReport()
    watch_progress("ingest", report)
    try:
        with _progress(total, "ingest") as on_file:
            ingest_paths(
                paths, settings, store, outlet=outlet, published=given, on_file=on_file, client=client, report=report
            )
    finally:
        if client is not None:
            client.close()
            if not scheduler and client.cluster is not None:
                client.cluster.close()
    _report_problems(report)
    out.print(report.summary())
    if report.failed:
        raise typer.Exit(1)


@app.command()
def analyze(
    paths: PathsArgument,
    outlet: OutletOption = None,
    published: PublishedOption = None,
    as_json: JsonOption = False,
) -> None:
    """Analyse articles without storing anything; `--json` prints JSON Lines to stdout.

    Example: `newsgraph analyze article.html --published 2025-03-05 --json > records.jsonl`
    """
    from newsgraph.batch import BatchReport, analyze_paths
    settings = Settings.from_env()
    given = _published_flag(published)
    report = BatchReport()
    total = _count_files(paths)
    with _progress(total, "analyze") as on_file:
        for article in analyze_paths(paths, settings, report, outlet=outlet, published=given, on_file=on_file):
            if as_json:
                sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
            else:
                out.print(article_view(article))
                out.rule()
    _report_problems(report)
    err.print(f"{report.new} analysed, {len(report.failed)} failed")
    if report.failed:
        raise typer.Exit(1)


@app.command()
def demo(db: DbOption = None) -> None:
    """Ingest the bundled demo corpus (fictional outlets and stories) and print a summary.

    Example: `newsgraph demo --db sqlite:///demo.db`
    """
    from newsgraph.batch import ingest_paths
    from newsgraph.demo import DEMO_CORPUS
    settings = Settings.from_env(db)
    store = ArticleStore(open_database(settings.database_url))
    paths = [str(DEMO_CORPUS)]
    with _progress(_count_files(paths), "demo") as on_file:
        report = ingest_paths(paths, settings, store, on_file=on_file)
    _report_problems(report)
    rows = store.summaries()
    out.print(articles_table(rows))
    outlets = sorted({row.outlet for row in rows if row.outlet})
    out.print(f"Database: {shown_url(settings.database_url)}")
    out.print(f"{len(rows)} articles from {len(outlets)} outlets: {', '.join(outlets)}")
    out.print(report.summary())
    out.print("Next: `newsgraph articles`, `newsgraph show ID`, `newsgraph export --format jsonl`")
    if report.failed:
        raise typer.Exit(1)


def parse_every(text: str) -> float:
    """ "15m", "30s", "1h", "90" (seconds) -> seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    value = text.strip().lower()
    try:
        if value[-1:] in units:
            return float(value[:-1]) * units[value[-1]]
        return float(value)
    except ValueError as error:
        raise typer.BadParameter(f"{text!r} is not a duration; use e.g. 30s, 15m, 1h", param_hint="--every") from error


@app.command()
def watch(
    source: Annotated[str, typer.Argument(help="A folder, or the URL of an RSS/Atom feed.")],
    db: DbOption = None,
    every: Annotated[str, typer.Option("--every", help="How often to look: 30s, 15m, 1h.")] = "15m",
    times: Annotated[int | None, typer.Option("--times", help="Stop after this many rounds (default: never).")] = None,
    outlet: OutletOption = None,
) -> None:
    """Ingest what is new in a folder or a feed, again and again; what is known is skipped cheaply.

    Example: `newsgraph watch ./inbox --every 15m`
    """
    import tempfile
    import time
    import urllib.request

    from newsgraph.batch import ingest_paths

    interval = parse_every(every)
    settings = Settings.from_env(db)
    store = ArticleStore(open_database(settings.database_url))
    rounds = 0
    while times is None or rounds < times:
        rounds += 1
        target = source
        if source.startswith(("http://", "https://")):
            try:
                with urllib.request.urlopen(source, timeout=60) as response:
                    data = response.read(settings.max_article_bytes * 10)
            except OSError as error:
                err.print(f"[red]failed:[/red] {escape(source)}: {escape(str(error))}", markup=True)
                data = b""
            if data:
                with tempfile.NamedTemporaryFile(suffix=".rss", delete=False) as handle:
                    handle.write(data)
                target = handle.name
            else:
                target = ""
        if target:
            report = ingest_paths([target], settings, store, outlet=outlet)
            _report_problems(report)
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            out.print(f"{stamp} {source}: {report.summary()}")
        if times is None or rounds < times:
            time.sleep(interval)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind; only this machine by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Server processes.")] = 1,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="A Host name the server answers to (repeatable; '*' for any). Default: the bound "
            "address and the loopback names; any name when bound to 0.0.0.0 or ::.",
        ),
    ] = None,
) -> None:
    """Serve the JSON API under /api/ (OpenAPI docs at /docs) and the web UI at /.

    Example: `newsgraph serve --db sqlite:///demo.db` then open http://127.0.0.1:8000/
    """
    import uvicorn

    from newsgraph.api.app import ALLOWED_HOSTS, LOOPBACK_NAMES, SERVE_PUBLIC
    from newsgraph.api.slow_clients import HeaderTimeoutProtocol
    from newsgraph.api.writes import is_loopback

    settings = Settings.from_env(db)
    public = not is_loopback(host)
    open_database(settings.database_url)  # a bad URL or database fails here, once, with a clear message
    err.print(f"newsgraph on http://{host}:{port}/ (API docs at /docs), database {shown_url(settings.database_url)}")
    if public:
        token = os.environ.get("NEWSGRAPH_TOKEN")
        writes = "need the NEWSGRAPH_TOKEN token" if token else "are off (set NEWSGRAPH_TOKEN to allow them)"
        warning = f"bound to {escape(host)}: other machines can reach this server; writes {writes}"
        err.print(f"[yellow]{warning}[/]", markup=True)
    # Each worker process builds its app from the environment (uvicorn imports the factory).
    os.environ["NEWSGRAPH_DB"] = settings.database_url
    os.environ[SERVE_PUBLIC] = "1" if public else ""
    wildcard = host in ("0.0.0.0", "::", "")
    names = list(allowed_host or (["*"] if wildcard else [*LOOPBACK_NAMES, host.strip("[]")]))
    os.environ[ALLOWED_HOSTS] = ",".join(names)
    uvicorn.run(
        "newsgraph.api.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        http=HeaderTimeoutProtocol,
        timeout_keep_alive=5,
    )


if __name__ == "__main__":
    main()
