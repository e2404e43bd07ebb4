"""The event quality gate: PLOVER development and PLV figures stay above their floors.

The data is ../shared/data/plover (read in place, never copied); floors are pinned in
bench/events_floors.json. Without ../shared the test is skipped.
"""

from pathlib import Path

import pytest

from helpers import run_quality_gate

ROOT = Path(__file__).resolve().parents[3]
PLOVER = ROOT.parent / "shared" / "data" / "plover" / "dev.jsonl"


@pytest.mark.skipif(not PLOVER.exists(), reason="../shared/data/plover is not here")
def test_event_figures_stay_above_their_floors() -> None:
    run_quality_gate("events.py", expect="gold type found", timeout=900)
