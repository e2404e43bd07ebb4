"""Event coding on hand-coded PLOVER sentences: type and actor accuracy, and precision.

    python bench/events.py [--set dev|plv] [--show N]

Each sentence of ../shared/data/plover/dev.jsonl (or, with --set plv, of plv-train.tsv: 1,050
coded sentences that nothing here is trained or tuned on, a second development set) is analysed
as a one-sentence article. As the data's README says: a sentence counts as found when one of our
events has the gold type, and its actor is right when that event's actor text overlaps a gold
actor; precision is the share of our events whose type is the sentence's gold type. PLV's older
root YIELD stands for CONCEDE or RETREAT: either counts. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

from newsgraph.nlp.pipeline import Analyzer
from newsgraph.records import Article, Published
from newsgraph.settings import DEFAULT_PIPELINE

PLOVER = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "plover" / "dev.jsonl"
PLV = PLOVER.with_name("plv-train.tsv")


def plv_rows() -> list[dict]:
    """PLV sentences in dev.jsonl's shape: one gold type (a set, for YIELD), source as actor."""
    with PLV.open(newline="", encoding="utf-8") as handle:
        records = list(csv.DictReader(handle, delimiter="\t"))
    return [
        {"id": f"plv-{r['sentence_id']}", "text": r["sentence"], "event": r["gold_root"], "actors": [r["source"]]}
        for r in records
    ]


def is_gold(event_type: str, gold: str) -> bool:
    return event_type == gold or (gold == "YIELD" and event_type in ("CONCEDE", "RETREAT"))


def overlaps(ours: str, gold: list[str]) -> bool:
    ours_words = {w.lower().strip(".,'’s") for w in ours.split()}
    return any(ours_words & {w.lower().strip(".,'’s") for w in g.split()} for g in gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=["dev", "plv"], default="dev")
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    args = parser.parse_args()
    source = PLOVER if args.set == "dev" else PLV
    if not source.exists():
        sys.exit(f"{source} is not here")
    rows = [json.loads(line) for line in PLOVER.read_text().splitlines()] if args.set == "dev" else plv_rows()
    analyzer = Analyzer(DEFAULT_PIPELINE)
    articles = analyzer.analyze(
        Article(id=f"{i:016x}", external_id=r["id"], text=r["text"], published=Published(None, "unknown"))
        for i, r in enumerate(rows)
    )
    typed = actor_ok = extracted = extracted_right = with_any = 0
    per_type: Counter[str] = Counter()
    misses = []
    for row, article in zip(rows, articles, strict=True):
        events = article.events
        extracted += len(events)
        extracted_right += sum(1 for e in events if is_gold(e.type, row["event"]))
        with_any += bool(events)
        hits = [e for e in events if is_gold(e.type, row["event"])]
        if hits:
            typed += 1
            per_type[row["event"]] += 1
            if any(e.actor and overlaps(e.actor.text, row["actors"]) for e in hits):
                actor_ok += 1
        else:
            misses.append((row["event"], [e.type for e in events], row["text"]))
    n = len(rows)
    print(f"{n} sentences; {with_any} with any event; {extracted} events extracted")
    print(f"gold type found:          {typed / n:.3f} ({typed}/{n})")
    print(f"gold type and actor:      {actor_ok / n:.3f} ({actor_ok}/{n})")
    precision = extracted_right / extracted if extracted else 0.0
    print(f"precision of event types: {precision:.3f} ({extracted_right}/{extracted})")
    for gold, ours, text in misses[: args.show]:
        print(f"  gold {gold:<9} ours {ours!s:<22} {text[:110]}")


if __name__ == "__main__":
    main()
