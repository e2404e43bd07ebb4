"""The extraction quality gate: title, date and body figures on real pages stay above their floors.

The pages are ../shared/data/real/extraction (development halves, read in place, never copied);
the floors and the subset are pinned in bench/extraction_floors.json. Without ../shared the test
is skipped.
"""

from pathlib import Path

import pytest

from helpers import run_quality_gate

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT.parent / "shared" / "data" / "real" / "extraction"


@pytest.mark.skipif(not PAGES.exists(), reason="../shared/data/real/extraction is not here")
def test_extraction_figures_stay_above_their_floors() -> None:
    run_quality_gate("extraction.py", "--workers", "2", expect="wcxb.title", timeout=600)
