"""The comparison quality gate: on the ECB+ development stories, quotations printed word for word
by two or more articles stay agreed above the floor pinned in bench/compare_floors.json. The data
is ../shared/data/ecbplus (read in place); without it the test is skipped."""

from pathlib import Path

import pytest

from helpers import run_quality_gate

ROOT = Path(__file__).resolve().parents[2]
ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus" / "dev.jsonl"


@pytest.mark.skipif(not ECBPLUS.exists(), reason="../shared/data/ecbplus is not here")
def test_shared_quotations_stay_agreed_above_their_floor() -> None:
    run_quality_gate("compare.py", expect="gate passed", timeout=900)
