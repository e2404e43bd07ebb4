"""The speaker quality gate: pronoun speakers and confidence labels on real news we labelled
(data/labels/pronoun_speakers.jsonl, claim_speakers.jsonl) stay within their bounds.

The articles are read from ../shared in place; bounds are pinned in bench/speakers_floors.json.
Without ../shared the test is skipped.
"""

from pathlib import Path

import pytest

from helpers import run_quality_gate

ROOT = Path(__file__).resolve().parents[3]
ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus" / "dev.jsonl"


@pytest.mark.skipif(not ECBPLUS.exists(), reason="../shared/data is not here")
def test_speaker_figures_stay_within_their_bounds() -> None:
    run_quality_gate("speakers.py", expect="pronoun claims labelled", timeout=900)
