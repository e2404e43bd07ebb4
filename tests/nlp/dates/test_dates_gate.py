"""The date quality gate: on the AQUAINT development articles, the share of gold DATE expressions
found and given the right value stays above the floors pinned in bench/dates_floors.json. The
data is ../shared/data/timeml (read in place); without it the test is skipped."""

from pathlib import Path

import pytest

from helpers import run_quality_gate

ROOT = Path(__file__).resolve().parents[3]
AQUAINT = ROOT.parent / "shared" / "data" / "timeml" / "aquaint.jsonl"


@pytest.mark.skipif(not AQUAINT.exists(), reason="../shared/data/timeml is not here")
def test_date_figures_stay_above_their_floors() -> None:
    run_quality_gate("dates.py", expect="gate passed", timeout=600)
