"""Date finding and normalisation on real newswire with gold TIMEX3 values.

    python bench/dates.py [--show-errors N] [--show-missed N] [--gate]

Reads ../shared/data/timeml/aquaint.jsonl (73 articles, TempEval-3 AQUAINT), analyses each
text with its gold document creation time as the publication date, and compares our date
expressions (kind "date") with the gold DATE expressions: strict and relaxed (overlap) span
precision, recall and F1, and value accuracy on the relaxed matches (TempEval-3 style).
Value accuracy is printed twice: exact, and with equivalent notations counted as equal
(the gold data writes one year both "1968" and "1968-XX", one week both "2000-W7" and
"2000-W07"); nothing else is relaxed. Gold and found expressions are paired by offsets, one to
one (the found one overlapping most). Also printed: the share of all gold DATEs given the right
value (correct/gold) beside the share of found ones (correct/found). With --gate (the CI
quality gate) it exits 1 when a figure is under its floor in bench/dates_floors.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from gate import check_floors
from newsgraph.nlp.pipeline import Analyzer
from newsgraph.records import Article, Published
from newsgraph.settings import DEFAULT_PIPELINE

AQUAINT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "timeml" / "aquaint.jsonl"
FLOORS = Path(__file__).with_name("dates_floors.json")


def equivalent(value: str | None) -> str | None:
    """One spelling per meaning: unspecified trailing parts dropped, week numbers unpadded."""
    if value is None:
        return None
    value = re.sub(r"(?:-XX)+$", "", value)
    return re.sub(r"-W0(\d)$", r"-W\1", value)


def prf(found: int, gold: int, matched: int) -> tuple[float, float, float]:
    p = matched / found if found else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-errors", type=int, default=0, help="print this many wrong values")
    parser.add_argument("--show-missed", type=int, default=0, help="print this many gold dates not found")
    parser.add_argument("--gate", action="store_true", help="exit 1 under a floor of dates_floors.json")
    args = parser.parse_args()
    if not AQUAINT.exists():
        sys.exit(f"{AQUAINT} is not here")
    rows = [json.loads(line) for line in AQUAINT.read_text().splitlines()]
    analyzer = Analyzer(DEFAULT_PIPELINE)
    started = time.perf_counter()
    articles = analyzer.analyze(
        Article(
            id=f"{i:016x}", external_id=r["id"], text=r["text"], published=Published(r["published"][:10], "metadata")
        )
        for i, r in enumerate(rows)
    )
    gold_n = found_n = strict = relaxed_found = relaxed_gold = values_ok = equivalent_ok = 0
    errors = []
    missed: list[tuple[str, str, str, str]] = []
    for row, article in zip(rows, articles, strict=True):
        gold = [t for t in row["timexes"] if t["type"] == "DATE"]
        found = [d for d in article.dates if d.kind == "date"]
        gold_n += len(gold)
        found_n += len(found)
        spans = {(g["start"], g["end"]) for g in gold}
        strict += sum(1 for d in found if (d.start, d.end) in spans)
        relaxed_found += sum(1 for d in found if any(d.start < g["end"] and g["start"] < d.end for g in gold))
        used: set[int] = set()
        for g in gold:
            # Paired by offsets, one to one: the found date overlapping the gold one most.
            overlapping = [
                (min(d.end, g["end"]) - max(d.start, g["start"]), n)
                for n, d in enumerate(found)
                if d.start < g["end"] and g["start"] < d.end and n not in used
            ]
            if not overlapping:
                missed.append((row["published"][:10], g["text"], g["value"], _context(row["text"], g)))
                continue
            hit = found[max(overlapping)[1]]
            used.add(max(overlapping)[1])
            relaxed_gold += 1
            equivalent_ok += equivalent(hit.value) == equivalent(g["value"])
            if hit.value == g["value"]:
                values_ok += 1
            elif equivalent(hit.value) != equivalent(g["value"]):
                errors.append((row["published"][:10], g["text"], g["value"], hit.text, hit.value))
    seconds = time.perf_counter() - started
    print(f"{len(rows)} articles, {gold_n} gold DATE expressions, {found_n} found ({seconds:.1f}s)")
    p, r, f = prf(found_n, gold_n, strict)
    print(f"strict span   P={p:.3f} R={r:.3f} F1={f:.3f}")
    p = relaxed_found / found_n if found_n else 0.0
    r = relaxed_gold / gold_n if gold_n else 0.0
    print(f"relaxed span  P={p:.3f} R={r:.3f} F1={2 * p * r / (p + r) if p + r else 0.0:.3f}")
    accuracy = values_ok / relaxed_gold if relaxed_gold else 0.0
    print(f"value accuracy on relaxed matches: {accuracy:.3f} ({values_ok}/{relaxed_gold})")
    same = equivalent_ok / relaxed_gold if relaxed_gold else 0.0
    print(f"value accuracy, equivalent notations equal: {same:.3f} ({equivalent_ok}/{relaxed_gold})")
    print(
        f"correct of all gold DATEs (equivalent notations equal): {equivalent_ok / max(gold_n, 1):.3f}"
        f" ({equivalent_ok}/{gold_n}); found (relaxed): {relaxed_gold / max(gold_n, 1):.3f}"
    )
    for published, text, gold_value, ours, value in errors[: args.show_errors]:
        print(f"  {published}  gold {text!r} = {gold_value}   ours {ours!r} = {value}")
    for published, text, gold_value, context in missed[: args.show_missed]:
        print(f"  missed {published}  {text!r} = {gold_value}   in: {context}")
    if args.gate:
        figures = {
            "correct_of_gold": equivalent_ok / max(gold_n, 1),
            "found": relaxed_gold / max(gold_n, 1),
            "correct_of_found": same,
        }
        return check_floors(figures, FLOORS)
    return 0


def _context(text: str, gold: dict[str, object]) -> str:
    start, end = int(str(gold["start"])), int(str(gold["end"]))
    return " ".join(text[max(0, start - 60) : end + 40].split())


if __name__ == "__main__":
    sys.exit(main())
