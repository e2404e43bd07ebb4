"""Event coding on hand-coded PLOVER sentences: type and actor accuracy, and precision.

    python bench/events.py [--set dev|plv|own] [--show N] [--confusion] [--gate]
    python bench/events.py --articles 100     # events of whole articles: dated, told twice

Each sentence of ../shared/data/plover/dev.jsonl (or, with --set plv, of plv-train.tsv: 1,050
coded sentences that nothing here is trained or tuned on, a second development set) is analysed
as a one-sentence article. As the data's README says: a sentence counts as found when one of our
events has the gold type, and its actor is right when that event's actor text overlaps a gold
actor; precision is the share of our events whose type is the sentence's gold type. With --set
own, the held-back part of our own coded sentences (data/labels/: a fourth of the first round,
a fifth of the second; never trained on): how many of those that tell no political event get one
anyway, the gold type found on the others, and the precision of the events given. --confusion
prints, per gold type, the types our first event has (`-`: none). PLV's older
root YIELD stands for CONCEDE or RETREAT: either counts. Prints figures; with --gate (the CI
quality gate) measures both sets and exits 1 when a figure is under its floor in
bench/events_floors.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

from gate import check_floors  # bench/gate.py, beside this script
from newsgraph.nlp.events import MODEL_FILE, EventModel, current_model, using_model
from newsgraph.nlp.pipeline import Analyzer
from newsgraph.records import Article, Event, EventArgument, Published
from newsgraph.settings import DEFAULT_PIPELINE

ROOT = Path(__file__).resolve().parents[1]
PLOVER = ROOT.parent / "shared" / "data" / "plover" / "dev.jsonl"
PLV = PLOVER.with_name("plv-train.tsv")
FLOORS = Path(__file__).with_name("events_floors.json")


def plv_rows() -> list[dict]:
    """PLV sentences in dev.jsonl's shape: one gold type (a set, for YIELD), source as actor."""
    with PLV.open(newline="", encoding="utf-8") as handle:
        records = list(csv.DictReader(handle, delimiter="\t"))
    return [
        {"id": f"plv-{r['sentence_id']}", "text": r["sentence"], "event": r["gold_root"], "actors": [r["source"]]}
        for r in records
    ]


def false_alarms(rows: list[dict], articles: list[Article]) -> dict[str, float]:
    """On sentences coded NONE: the share that get an event anyway."""
    none = [(r, a) for r, a in zip(rows, articles, strict=True) if r["event"] == "NONE"]
    alarms = sum(1 for _, a in none if a.events)
    events = [(r, a) for r, a in zip(rows, articles, strict=True) if r["event"] != "NONE"]
    typed = sum(1 for r, a in events if any(e.type == r["event"] for e in a.events))
    given = sum(len(a.events) for _, a in zip(rows, articles, strict=True))
    right = sum(sum(e.type == r["event"] for e in a.events) for r, a in zip(rows, articles, strict=True))
    print(f"{len(none)} sentences coded NONE: {alarms} get an event ({alarms / max(1, len(none)):.3f})")
    print(f"{len(events)} coded with an event: gold type found {typed / max(1, len(events)):.3f} ({typed})")
    print(f"precision of event types: {right / max(1, given):.3f} ({right}/{given})")
    return {
        "false_alarms": alarms / max(1, len(none)),
        "type_found": typed / max(1, len(events)),
        "precision": right / max(1, given),
    }


def confusion(rows: list[dict], articles: list[Article]) -> None:
    """Per gold type, the types our first event has (`-` where there is none), most common first."""
    table: dict[str, Counter[str]] = {}
    for row, article in zip(rows, articles, strict=True):
        ours = article.events[0].type if article.events else "-"
        table.setdefault(row["event"], Counter())[ours] += 1
    for gold, counts in sorted(table.items(), key=lambda item: -sum(item[1].values())):
        total = sum(counts.values())
        right = sum(n for name, n in counts.items() if is_gold(name, gold))
        cells = ", ".join(f"{name} {n}" for name, n in counts.most_common(6))
        print(f"  {gold:<9} {right / total:.2f} of {total:<4} {cells}")


def is_gold(event_type: str, gold: str) -> bool:
    return event_type == gold or (gold == "YIELD" and event_type in ("CONCEDE", "RETREAT"))


def overlaps(ours: str, gold: list[str]) -> bool:
    ours_words = {w.lower().strip(".,'’s") for w in ours.split()}
    return any(ours_words & {w.lower().strip(".,'’s") for w in g.split()} for g in gold)


def analysed(rows: list[dict], analyzer: Analyzer) -> list[Article]:
    return list(
        analyzer.analyze(
            Article(id=f"{i:016x}", external_id=r["id"], text=r["text"], published=Published(None, "unknown"))
            for i, r in enumerate(rows)
        )
    )


def cross_validated(rows: list[dict], analyzer: Analyzer, folds: int = 5) -> list[Article]:
    """Each sentence analysed with a model trained, by scripts/train_event_types.py's recipe, on
    the other folds only: the development figure of a model trained on development sentences."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_event_types import fit, own_rows, rule_features

    features = rule_features(analyzer, [r["text"] for r in rows])
    own = [r for r in own_rows(ROOT.parent / "shared") if not r["held"] and r["event"] != "UNSURE"]
    own_features = rule_features(analyzer, [r["text"] for r in own])
    shipped = json.loads(MODEL_FILE.read_text()) if MODEL_FILE.exists() else {}
    thresholds = shipped.get("thresholds")  # as the shipped model was calibrated
    result: dict[int, Article] = {}
    for fold in range(folds):
        held = [i for i in range(len(rows)) if i % folds == fold]
        kept = [i for i in range(len(rows)) if i % folds != fold]
        labels = [rows[i]["event"] for i in kept] + [r["event"] for r in own]
        model = EventModel.from_dict(fit([features[i] for i in kept] + own_features, labels, thresholds=thresholds))
        with using_model(model):
            for i, article in zip(held, analysed([rows[i] for i in held], analyzer), strict=True):
                result[i] = article
    return [result[i] for i in range(len(rows))]


def measure(rows: list[dict], articles: list[Article], show: int = 0) -> dict[str, float]:
    """Type found, type and actor, and precision of event types over the rows."""
    typed = actor_ok = extracted = extracted_right = with_any = 0
    misses = []
    for row, article in zip(rows, articles, strict=True):
        events = article.events
        extracted += len(events)
        extracted_right += sum(1 for e in events if is_gold(e.type, row["event"]))
        with_any += bool(events)
        hits = [e for e in events if is_gold(e.type, row["event"])]
        if hits:
            typed += 1
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
    for gold, ours, text in misses[:show]:
        print(f"  gold {gold:<9} ours {ours!s:<22} {text[:110]}")
    return {"type_found": typed / n, "type_and_actor": actor_ok / n, "precision": precision}


def articles_figures(analyzer: Analyzer, limit: int) -> dict[str, float]:
    """On whole articles (the first `limit` ECB+ development articles, which carry no publication
    date, and the AQUAINT articles, which do): the share of events with a date, the text's own or
    the reporting day, and how many articles hold one event twice (same type, actor, recipient
    and date)."""
    figures: dict[str, float] = {}
    sources = (
        ("ecbplus", ROOT.parent / "shared" / "data" / "ecbplus" / "dev.jsonl", limit),
        ("aquaint", ROOT.parent / "shared" / "data" / "timeml" / "aquaint.jsonl", None),
    )
    for name, path, count in sources:
        rows = [json.loads(line) for line in path.read_text().splitlines()][:count]
        articles = list(
            analyzer.analyze(
                Article(
                    id=f"{i:016x}",
                    external_id=r["id"],
                    text=r["text"],
                    published=Published(r.get("published"), "metadata" if r.get("published") else "unknown"),
                )
                for i, r in enumerate(rows)
            )
        )
        events = [e for a in articles for e in a.events]
        told = sum(1 for e in events if e.date and e.date.basis == "text")
        reported = sum(1 for e in events if e.date and e.date.basis == "reported")
        twice = sum(1 for a in articles if len({_identity(e) for e in a.events}) < len(a.events))
        n = max(1, len(events))
        print(
            f"{name}: {len(articles)} articles, {len(events)} events; dated {(told + reported) / n:.3f} "
            f"(by the text {told / n:.3f}, reporting day {reported / n:.3f}); articles with an event twice: {twice}"
        )
        figures |= {f"{name}.dated": (told + reported) / n, f"{name}.told_date": told / n, f"{name}.twice": twice}
    return figures


def _identity(event: Event) -> tuple[str, str, str, str]:
    """Same type, participants and date, read here on its own terms (pronoun and negated events
    included), not by the finder's merging rule: a measure of that rule, not a copy of it."""
    def party(argument: EventArgument | None) -> str:
        return (argument.entity_id or argument.text.lower()) if argument else ""

    return event.type, party(event.actor), party(event.recipient), event.date.value or "" if event.date else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=["dev", "plv", "own"], default="dev")
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    parser.add_argument("--gate", action="store_true", help="measure both sets; exit 1 under a floor")
    parser.add_argument("--shipped", action="store_true", help="dev with the shipped model (trained on it)")
    parser.add_argument("--confusion", action="store_true", help="print the confusion of types")
    parser.add_argument("--articles", type=int, help="events of whole articles: dated, told twice (N ECB+)")
    args = parser.parse_args()
    sets = ["dev", "plv"] if args.gate else [args.set]
    analyzer = Analyzer(DEFAULT_PIPELINE)
    result: dict[str, float] = {}
    if args.articles:
        articles_figures(analyzer, args.articles)
        return
    if args.set == "own" and not args.gate:
        sys.path.insert(0, str(ROOT / "scripts"))
        from train_event_types import own_rows

        rows = [r for r in own_rows(ROOT.parent / "shared") if r["held"] and r["event"] != "UNSURE"]
        print("-- own labels (data/labels/), the held-back part: real news sentences we coded")
        articles = analysed(rows, analyzer)
        false_alarms(rows, articles)
        if args.confusion:
            confusion(rows, articles)
        return
    for name in sets:
        source = PLOVER if name == "dev" else PLV
        if not source.exists():
            sys.exit(f"{source} is not here")
        rows = [json.loads(line) for line in PLOVER.read_text().splitlines()] if name == "dev" else plv_rows()
        if name == "dev" and not args.shipped:
            print("-- dev (5-fold cross-validated: the event-type model trained on the other folds)")
            articles = cross_validated(rows, analyzer)
        else:
            shipped = "the shipped event-type model" if current_model() else "rules alone: no event-type model ships"
            print(f"-- {name} ({shipped})")
            articles = analysed(rows, analyzer)
        for key, value in measure(rows, articles, args.show).items():
            result[f"{name}.{key}"] = value
        if args.confusion:
            confusion(rows, articles)
    if args.gate:
        sys.exit(check_floors(result, FLOORS))


if __name__ == "__main__":
    main()
