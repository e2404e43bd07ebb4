"""How fast reading commands answer: median wall time of `newsgraph stories` and `newsgraph show
ID` on the demo database, beside `python -c pass` in the same run (issue 18's goal: 0.35 s).

    python bench/cli.py [--runs N] [--db URL]

Without --db, the demo corpus is ingested into a temporary SQLite file first. The package's
bytecode is compiled first, as installing it does: where PYTHONDONTWRITEBYTECODE is set (it is on
these machines) every start would otherwise compile our modules again, which is not start-up.
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NEWSGRAPH = [sys.executable, "-m", "newsgraph.cli.app"]


def wall(command: list[str], runs: int) -> float:
    """Median seconds over `runs` runs (one warm-up run first)."""
    subprocess.run(command, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--db", help="a database to read (default: the demo corpus in a temporary file)")
    args = parser.parse_args()
    import newsgraph

    compileall.compile_dir(str(Path(newsgraph.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or f"sqlite:///{Path(folder) / 'demo.db'}"
        if not args.db:
            subprocess.run([*NEWSGRAPH, "demo", "--db", db], capture_output=True, check=True)
        listed = subprocess.run([*NEWSGRAPH, "articles", "--json", "--db", db], capture_output=True, check=True)
        article = json.loads(listed.stdout)[0]["id"]
        baseline = wall([sys.executable, "-c", "pass"], args.runs)
        for name, command in (
            ("newsgraph stories", [*NEWSGRAPH, "stories", "--db", db]),
            (f"newsgraph show {article}", [*NEWSGRAPH, "show", article, "--db", db]),
        ):
            print(f"{name}: median {wall(command, args.runs):.3f} s (python -c pass: {baseline:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
