"""Reading commands start without the analysis (issue 18): `newsgraph stories` and `show` import
neither spaCy, Dask, FastAPI nor trafilatura (each costs hundreds of milliseconds to import), nor
Alembic once the database's schema is current, nor the readers of the ingest (lxml, encodings)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

HEAVY = ("spacy", "dask", "fastapi", "trafilatura", "alembic", "networkx", "lxml", "charset_normalizer")


def imported(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "newsgraph.cli.app", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return {m.group(1).strip() for m in re.finditer(r"^import time:.*\|\s*(\S+)\s*$", result.stderr, re.M)}


def test_reading_commands_do_not_import_the_analysis(db_url: str, cli: Any) -> None:
    assert cli("demo", "--db", db_url).exit_code == 0
    article = json.loads(cli("articles", "--json", "--db", db_url).stdout)[0]["id"]
    for command in (["stories", "--db", db_url], ["show", article, "--db", db_url]):
        modules = imported(*command)
        assert "newsgraph.cli.browse" in modules  # the measure works
        assert not {m for m in modules if m.split(".")[0] in HEAVY}, (command, sorted(modules)[:20])
        assert not {m for m in modules if m.startswith("newsgraph.ingest")}, command  # readers, page parsing
