"""Entities measured on ELEVANT's annotated news: mentions found, their types, and one entity per
real-world thing within and across articles.

    python bench/entities.py [--set msnbc|reuters|both] [--show missed|wrong|split|merged|extra] [--gate]

The articles of ../shared/data/real/entities/ (msnbc-updated: 20 long news articles;
reuters-128: 128 short Reuters stories), each with every named mention it annotates: its span,
its Wikidata id (or <NIL>) and type. As the data's README says: named mentions of people, places
and organisations (not `coref`), each paired with our entity mention that overlaps it.
- mention recall: the share of gold mentions of those types that one of ours covers;
- mention precision: the share of our mentions of people, places and organisations that overlap
  a gold mention of any type (a measure of junk only where the annotation is exhaustive: it is
  printed per set, and the figures say which set that is);
- type agreement: of found mentions, the share whose label fits the gold type (a person
  PERSON; a place GPE, LOC or FAC; an organisation ORG; a country either);
- B-cubed F1 of our canonical ids against the gold ids over the found mentions, within each
  article and across all (a <NIL> mention is its own entity by its name). The ids are those a
  user sees: each set's articles are stored in order into a fresh SQLite database, as `newsgraph
  ingest` stores them, so a lone surname that an earlier article named in full is that person.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from gate import check_floors  # bench/gate.py, beside this script

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "real" / "entities"
SETS = {"msnbc": "msnbc-updated.jsonl", "reuters": "reuters-128.jsonl"}
FLOORS = Path(__file__).with_name("entities_floors.json")
PERSON, PLACE, ORGANISATION = "Q215627", "Q27096213", "Q43229"
OUR_NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})


def gold_kinds(label: dict[str, Any]) -> set[str]:
    types = set(str(label.get("type") or "").split("|"))
    return {k for k, q in (("person", PERSON), ("place", PLACE), ("organisation", ORGANISATION)) if q in types}


def type_fits(ours: str, kinds: set[str]) -> bool:
    fits = {"person": {"PERSON"}, "place": {"GPE", "LOC", "FAC"}, "organisation": {"ORG"}}
    return any(ours in fits[k] for k in kinds)


def analysed(rows: list[dict[str, Any]]) -> list[Any]:
    from newsgraph.nlp.pipeline import Analyzer
    from newsgraph.records import Article, Published
    from newsgraph.settings import DEFAULT_PIPELINE
    from newsgraph.store import ArticleStore, open_database

    analyzer = Analyzer(DEFAULT_PIPELINE)
    articles = (
        Article(id=f"{i:016x}", external_id=str(r["id"]), text=r["text"], published=Published(None, "unknown"))
        for i, r in enumerate(rows)
    )
    found = list(analyzer.analyze(articles))
    with tempfile.TemporaryDirectory() as folder:
        engine = open_database(f"sqlite:///{folder}/entities.db")
        store = ArticleStore(engine)
        for article in found:  # the store points each mention at the corpus's canonical entity
            store.save(article)
        engine.dispose()
    return found


def bcubed(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of (ours, gold) cluster labels, one pair per mention."""
    ours: dict[str, list[int]] = defaultdict(list)
    gold: dict[str, list[int]] = defaultdict(list)
    for i, (o, g) in enumerate(pairs):
        ours[o].append(i)
        gold[g].append(i)
    precision = recall = 0.0
    for o, g in pairs:
        both = len(set(ours[o]) & set(gold[g]))
        precision += both / len(ours[o])
        recall += both / len(gold[g])
    n = max(1, len(pairs))
    p, r = precision / n, recall / n
    return p, r, 2 * p * r / max(1e-9, p + r)


def measure(name: str, rows: list[dict[str, Any]], show: str | None) -> dict[str, float]:
    articles = analysed(rows)
    gold_total = found = typed = ours_total = ours_overlap = 0
    within: list[tuple[str, str]] = []
    across: list[tuple[str, str]] = []
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_ours: dict[str, set[str]] = defaultdict(set)
    missed: Counter[str] = Counter()
    for row, article in zip(rows, articles, strict=True):
        labels = [x for x in row["labels"] if not x.get("coref")]
        mentions = [m for m in article.entities if m.label in OUR_NAMED]
        for label in labels:
            kinds = gold_kinds(label)
            if not kinds:
                continue
            gold_total += 1
            start, end = label["span"]
            mention = next((m for m in mentions if m.start < end and start < m.end), None)
            gold_text = row["text"][start:end]
            if mention is None:
                missed[gold_text] += 1
                if show == "missed":
                    print(f"missed  {name}:{row['id']:<6} {gold_text!r:<30} {sorted(kinds)}")
                continue
            found += 1
            if type_fits(mention.label, kinds):
                typed += 1
            elif show == "wrong":
                print(f"wrong   {name}:{row['id']:<6} {gold_text!r:<30} gold {sorted(kinds)} ours {mention.label}")
            gold_id = label["entity_id"] if label["entity_id"] != "<NIL>" else f"NIL:{gold_text.lower()}"
            our_id = mention.entity_id or f"none:{row['id']}:{mention.start}"
            within.append((f"{row['id']}/{our_id}", f"{row['id']}/{gold_id}"))
            across.append((our_id, gold_id))
            by_gold[gold_id].add(our_id)
            by_ours[our_id].add(gold_id)
        spans = [x["span"] for x in row["labels"]]
        for mention in mentions:
            ours_total += 1
            if any(mention.start < e and s < mention.end for s, e in spans):
                ours_overlap += 1
            elif show == "extra":
                print(f"extra   {name}:{row['id']:<6} {mention.text!r:<30} {mention.label}")
    if show == "split":
        for gold_id, ours in sorted(by_gold.items()):
            if len(ours) > 1:
                print(f"split   {gold_id:<14} ours {sorted(ours)}")
    if show == "merged":
        for our_id, golds in sorted(by_ours.items()):
            if len(golds) > 1:
                print(f"merged  {our_id:<30} gold {sorted(golds)}")
    w = bcubed(within)
    a = bcubed(across)
    figures = {
        f"{name}.mention_recall": found / max(1, gold_total),
        f"{name}.mention_precision": ours_overlap / max(1, ours_total),
        f"{name}.type_agreement": typed / max(1, found),
        f"{name}.bcubed_within": w[2],
        f"{name}.bcubed_across": a[2],
    }
    print(f"{name}: {len(rows)} articles, {gold_total} gold mentions of people, places, organisations")
    print(f"  mention recall     {figures[f'{name}.mention_recall']:.3f} ({found}/{gold_total})")
    print(f"  mention precision  {figures[f'{name}.mention_precision']:.3f} ({ours_overlap}/{ours_total} of ours)")
    print(f"  type agreement     {figures[f'{name}.type_agreement']:.3f} ({typed}/{found})")
    print(f"  B-cubed within     P {w[0]:.3f} R {w[1]:.3f} F1 {w[2]:.3f}")
    print(f"  B-cubed across     P {a[0]:.3f} R {a[1]:.3f} F1 {a[2]:.3f}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=["msnbc", "reuters", "both"], default="both")
    parser.add_argument("--show", choices=["missed", "wrong", "split", "merged", "extra"])
    parser.add_argument("--gate", action="store_true", help="exit 1 when a figure is under its floor")
    args = parser.parse_args()
    names = list(SETS) if args.set == "both" or args.gate else [args.set]
    result: dict[str, float] = {}
    for name in names:
        path = DATA / SETS[name]
        if not path.exists():
            sys.exit(f"{path} is not here")
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        result |= measure(name, rows, args.show)
    if args.gate:
        sys.exit(check_floors(result, FLOORS))


if __name__ == "__main__":
    main()
