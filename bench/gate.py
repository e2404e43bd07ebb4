"""The quality gates' one rule: every figure at or above its pinned floor (and, where a file pins
ceilings, at or below each ceiling)."""

from __future__ import annotations

import json
from pathlib import Path


def check_floors(figures: dict[str, float], floors_file: Path) -> int:
    """Print the outcome and return the exit code: 1 when a figure is under its floor or over its
    ceiling, or was not measured. The file is the floors themselves, or an object with `floors`
    (and `ceilings`) beside notes such as `about`."""
    pinned = json.loads(floors_file.read_text())
    floors = pinned.get("floors", pinned)
    ceilings = pinned.get("ceilings", {})
    failed = [
        f"{name} {figures.get(name, float('nan')):.3f} < floor {floor}"
        for name, floor in floors.items()
        if not figures.get(name, float("-inf")) >= floor
    ]
    failed += [
        f"{name} {figures.get(name, float('nan')):.3f} > ceiling {ceiling}"
        for name, ceiling in ceilings.items()
        if not figures.get(name, float("inf")) <= ceiling
    ]
    if failed:
        print("GATE FAILED: " + "; ".join(failed))
        return 1
    print(f"gate passed (floors {floors}" + (f", ceilings {ceilings})" if ceilings else ")"))
    return 0
