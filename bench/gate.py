"""The quality gates' one rule: every figure at or above its pinned floor."""

from __future__ import annotations

import json
from pathlib import Path


def check_floors(figures: dict[str, float], floors_file: Path) -> int:
    """Print the outcome and return the exit code: 1 when a figure is under its floor."""
    floors = json.loads(floors_file.read_text())
    failed = [f"{name} {figures[name]:.3f} < {floor}" for name, floor in floors.items() if figures[name] < floor]
    if failed:
        print("GATE FAILED: " + "; ".join(failed))
        return 1
    print(f"gate passed (floors {floors})")
    return 0
