"""The event quality gate: PLOVER development and PLV figures stay above their floors.

The data is ../shared/data/plover (read in place, never copied); floors are pinned in
bench/events_floors.json. Without ../shared the test is skipped.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLOVER = ROOT.parent / "shared" / "data" / "plover" / "dev.jsonl"


@pytest.mark.skipif(not PLOVER.exists(), reason="../shared/data/plover is not here")
def test_event_figures_stay_above_their_floors() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "events.py"), "--gate"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "gold type found" in result.stdout
