"""Shared fixtures: the seeds (read from ../shared, skipped when absent), one loaded pipeline,
fresh SQLite databases, and the real CLI."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import new_database_url
from newsgraph.cli.app import app
from newsgraph.nlp.pipeline import Analyzer
from newsgraph.settings import DEFAULT_PIPELINE

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def seeds() -> dict[str, Path]:
    """The two seed articles, by their number ("000", "003")."""
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(files) < 2:
        pytest.skip("../shared/seeds is not here")
    return {f.name[:3]: f for f in files}


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer(DEFAULT_PIPELINE)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh database per test: SQLite, or PostgreSQL when NEWSGRAPH_TEST_POSTGRES is set."""
    return new_database_url(tmp_path)


@pytest.fixture
def cli() -> Any:
    """Run a real `newsgraph` command in-process; returns the Click result."""
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None) -> Any:
        return runner.invoke(app, list(args), env=env, catch_exceptions=False)

    return run


# CI sets NEWSGRAPH_REQUIRE_ALL: there a test skipped for want of ../shared, Chromium or
# PostgreSQL is a failure (a missing part must not pass for a passing suite).
REQUIRED_PARTS = ("../shared", "chromium", "playwright", "postgres", "axe-core")


def _required_skip(report: pytest.TestReport | pytest.CollectReport) -> str | None:
    if not os.environ.get("NEWSGRAPH_REQUIRE_ALL") or not report.skipped:
        return None
    reason = str(report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr)
    return reason if any(part in reason.lower() for part in REQUIRED_PARTS) else None


def _fail_required_skip(report: pytest.TestReport | pytest.CollectReport) -> None:
    reason = _required_skip(report)
    if reason is not None:
        report.outcome = "failed"
        report.longrepr = f"skipped, but NEWSGRAPH_REQUIRE_ALL needs it to run: {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    _fail_required_skip((yield).get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Any:
    _fail_required_skip((yield).get_result())
