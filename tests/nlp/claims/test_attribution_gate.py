"""The attribution quality gate: PolNeAR and hand-labelled quote figures stay above their floors.

The data is ../shared/data (read in place, never copied); floors are pinned in
bench/attribution_floors.json. Without ../shared the test is skipped.
"""

from pathlib import Path

import pytest

from helpers import run_quality_gate

ROOT = Path(__file__).resolve().parents[3]
POLNEAR = ROOT.parent / "shared" / "data" / "real" / "attribution" / "polnear-dev.jsonl"


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared/data/real/attribution is not here")
def test_attribution_figures_stay_above_their_floors() -> None:
    run_quality_gate("attribution.py", expect="claim recall", timeout=900)
