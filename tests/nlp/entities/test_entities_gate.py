"""The entity quality gate: mentions, types and canonical ids on ELEVANT's annotated articles
stay above their floors (bench/entities_floors.json). Without ../shared the test is skipped."""

from pathlib import Path

import pytest

from helpers import run_quality_gate

ROOT = Path(__file__).resolve().parents[3]
ELEVANT = ROOT.parent / "shared" / "data" / "real" / "entities" / "reuters-128.jsonl"


@pytest.mark.skipif(not ELEVANT.exists(), reason="../shared/data/real/entities is not here")
def test_entity_figures_stay_above_their_floors() -> None:
    run_quality_gate("entities.py", expect="mention recall", timeout=600)
