"""What the README promises of every command's end: exit 2 and one sentence (never a traceback,
never a password) for a database or system error; the database left as it was."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from newsgraph.demo import DEMO_CORPUS


def newsgraph(*args: str, env: dict[str, str] | None = None, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph.cli.app", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
        **options,  # type: ignore[arg-type]
    )


def assert_clear_failure(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    for word in words:
        assert word in result.stderr, result.stderr[-2000:]


def test_a_percent_encoded_password_works_and_is_never_shown() -> None:
    # Nothing listens on port 1: the command must fail on the connection, not on the URL.
    url = "postgresql+psycopg://reader:s3cr%40t-pass@127.0.0.1:1/news"
    for command in (["articles"], ["stories"], ["ingest", str(DEMO_CORPUS / "articles.jsonl")]):
        result = newsgraph(*command, "--db", url)
        assert_clear_failure(result, "127.0.0.1")
        assert "s3cr" not in result.stderr + result.stdout
        assert "interpolation" not in result.stderr


def test_a_database_of_a_newer_schema_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    assert newsgraph("articles", "--db", url).returncode == 0
    with sqlite3.connect(tmp_path / "newer.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    assert_clear_failure(newsgraph("articles", "--db", url), "newer than this newsgraph")


def test_another_programs_sqlite_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "photos.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, name TEXT)")
    assert_clear_failure(newsgraph("articles", "--db", f"sqlite:///{path}"), "another program", "albums")
    with sqlite3.connect(path) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables == ["albums"]


def test_a_file_that_is_no_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 20)
    assert_clear_failure(newsgraph("articles", "--db", f"sqlite:///{path}"), "not a database")


def test_a_lock_held_longer_than_the_timeout(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'locked.db'}"
    assert newsgraph("articles", "--db", url).returncode == 0
    holder = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = newsgraph(
            "ingest", str(DEMO_CORPUS / "articles.jsonl"), "--db", url, env={"NEWSGRAPH_LOCK_TIMEOUT": "1"}
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_clear_failure(result, "database is locked")


def test_a_full_disk(tmp_path: Path) -> None:
    """The file size limit makes every write past it fail as a full disk would."""

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))

    url = f"sqlite:///{tmp_path / 'full.db'}"
    result = newsgraph("ingest", str(DEMO_CORPUS / "articles.jsonl"), "--db", url, preexec_fn=small_disk)
    assert_clear_failure(result, "error")
    assert newsgraph("articles", "--db", url).returncode == 0  # what was stored can be read


def test_two_processes_create_one_fresh_database_at_once(tmp_path: Path) -> None:
    for attempt in range(3):
        url = f"sqlite:///{tmp_path / f'fresh{attempt}.db'}"
        with ThreadPoolExecutor(3) as pool:
            results = list(pool.map(lambda target: newsgraph("articles", "--db", target), [url] * 3))
        for result in results:
            assert result.returncode == 0, result.stderr[-2000:]


def test_usage_errors_and_failed_inputs_keep_their_codes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'codes.db'}"
    assert newsgraph("articles", "--no-such-option", "--db", url).returncode == 2
    assert newsgraph("show", "no-such-article", "--db", url).returncode == 2
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert newsgraph("ingest", str(empty), "--db", url).returncode == 1


def test_a_stop_whose_database_cleanup_fails_is_still_a_stop(caplog: Any) -> None:
    """Ctrl-C inside a driver call can make the rollback that follows fail (psycopg: "cannot exit
    pipeline mode while busy", and SQLAlchemy's pool logs the failed reset with a traceback);
    the run still ends as stopped (130) with its one message, not as a database error."""
    import logging
    from io import StringIO

    from rich.console import Console
    from sqlalchemy.exc import OperationalError

    from newsgraph.cli import stopping

    def app() -> None:
        try:
            stopping._on_signal(signal.SIGINT, None)
        finally:
            logging.getLogger("sqlalchemy.pool.impl.QueuePool").error("Exception during reset or similar")
            raise OperationalError("ROLLBACK", {}, Exception("cannot exit pipeline mode while busy"))

    shown = StringIO()
    previous = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    pool_level = logging.getLogger("sqlalchemy.pool").level
    try:
        with caplog.at_level(logging.ERROR):
            assert stopping.run_until_stopped(app, Console(file=shown)) == 130
    finally:
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])
        logging.getLogger("sqlalchemy.pool").setLevel(pool_level)
    assert "stopped (SIGINT)" in shown.getvalue() and "database error" not in shown.getvalue()
    assert "Exception during reset" not in caplog.text
