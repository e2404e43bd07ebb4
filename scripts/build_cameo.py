"""Build newsgraph's CAMEO verb-pattern data from PETRARCH's dictionary and PLOVER's table.

    python scripts/build_cameo.py [--shared ../shared]

Reads `data/plover/cameo/CAMEO.2.0.txt` (PETRARCH 2, MIT) and `CAMEO2PLOVER-2021.txt` (PLOVER,
CC BY-SA 4.0) and writes `src/newsgraph/nlp/events/data/cameo_verbs.json`: verb blocks (the PLOVER
type of the block's default code, and its patterns: words before and after the verb, `&SET` for
a synonym set, each with the PLOVER type and mode its CAMEO code maps to, null where the code is
'---': that pattern is no event), and for each verb (base form) its block, inflected forms and
own default. Deterministic: the same input gives the same file.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsgraph" / "nlp" / "events" / "data" / "cameo_verbs.json"
_BLOCK = re.compile(r"---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_PATTERN = re.compile(r"-\s*(.*?)\s*\[([^\]]*)\]")
_VERB = re.compile(r"\s*([A-Z][A-Z_'\-]*)\s*(?:\[([^\]]*)\])?\s*(?:\{([^}]*)\})?")
_TABLE_ROW = re.compile(r"(\d+):\s*([A-Z]+)\s*,\s*([\w-]*)")


def plover_table(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode)."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _TABLE_ROW.match(line.split("#")[0].strip())
        if match:
            table[match.group(1)] = (match.group(2), match.group(3) or None)
    return table


def to_plover(code: str | None, table: dict[str, tuple[str, str | None]]) -> list[str | None] | None:
    """The PLOVER type and mode of a CAMEO code ('0312', '061:061', ':071'); None for '---'."""
    if not code:
        return None
    first = next((part for part in code.split(":") if part), "")
    if not first.isdigit():
        return None
    for length in range(len(first), 1, -1):
        if first[:length] in table:
            event_type, mode = table[first[:length]]
            return [event_type, mode]
    return None


def pattern_words(part: str) -> list[str]:
    """Words a pattern needs, lower case; '&SET' kept for a synonym set; markers dropped."""
    words = []
    for word in re.sub(r"[(){}]", " ", part).split():
        word = word.strip("+$%^")
        if word:
            words.append(word if word.startswith("&") else word.replace("_", " ").lower())
    return words


def parse(dictionary: Path, table: dict[str, tuple[str, str | None]]) -> dict:
    """Synonym sets, verb blocks (default type and patterns) and verbs (block, forms, own type)."""
    synsets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    verbs: dict[str, dict] = {}
    current_set = None
    in_patterns = False
    for raw in dictionary.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#")[0].rstrip()
        if raw.startswith("####### VERB PATTERNS"):
            in_patterns = True
            continue
        if not line.strip():
            continue
        if not in_patterns:
            if line.startswith("&"):
                current_set = line.strip()
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append(line[1:].strip().replace("_", " ").lower())
            continue
        if block := _BLOCK.match(line):
            blocks.append({"default": to_plover(block.group(2), table), "patterns": []})
        elif not blocks:
            continue
        elif line.startswith("-"):
            pattern = _PATTERN.match(line)
            if pattern and "*" in pattern.group(1):
                before, after = pattern.group(1).split("*", 1)
                coded = to_plover(pattern.group(2), table)
                blocks[-1]["patterns"].append([pattern_words(before), pattern_words(after), coded])
        elif verb := _VERB.match(line):
            name = verb.group(1).lower().replace("_", " ")
            if " " in name or name in verbs:
                continue
            own = to_plover(verb.group(2), table) if verb.group(2) else None
            forms = sorted(f.lower() for f in (verb.group(3) or "").split())
            verbs[name] = {"block": len(blocks) - 1, "forms": forms, "default": own}
    return {"synsets": synsets, "blocks": blocks, "verbs": dict(sorted(verbs.items()))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    cameo = args.shared / "data" / "plover" / "cameo"
    data = parse(cameo / "CAMEO.2.0.txt", plover_table(cameo / "CAMEO2PLOVER-2021.txt"))
    data = {
        "about": "CAMEO verb patterns (PETRARCH 2, MIT) mapped to PLOVER types (CAMEO2PLOVER-2021, CC BY-SA 4.0); "
        "built by scripts/build_cameo.py; see CAMEO-NOTICE.md",
        **data,
    }
    OUT.write_text(json.dumps(data, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")
    patterns = sum(len(block["patterns"]) for block in data["blocks"])
    print(f"{OUT}: {len(data['verbs'])} verbs in {len(data['blocks'])} blocks, {patterns} patterns")


if __name__ == "__main__":
    main()
