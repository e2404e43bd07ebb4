"""Story comparison on real stories: does it agree on what outlets print alike?

    python bench/compare.py [--limit N] [--show] [--gate]

Stories are the ECB+ development topics (../shared/data/ecbplus/dev.jsonl; each topic holds two
stories, its `ecb` and its `ecbplus` articles), each article its own outlet. A quotation
"printed word for word by two or more articles" is a run of at least MIN_WORDS words between
quotation marks (paired as `quotations` says: by direction, so the words between two
quotations are never one) that appears, after folding case, spacing and punctuation, in two or
more articles of one story (one inside a longer quotation counts). Recall: the share of them that
the comparison lists as agreed, by a claim whose evidence covers it in at least two of those
articles. Also printed: how many agreed and conflicting items of each kind there are, and the
precision of agreed and conflicting items on a hand-labelled sample (data/labels/
compare_items.jsonl: items found by their evidence; an item whose evidence changed is no longer
judged, so the count of those still listed is printed too). With
--gate (the CI quality gate) it exits 1 when the figure is under its floor in
bench/compare_floors.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from gate import check_floors

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus" / "dev.jsonl"
FLOORS = Path(__file__).with_name("compare_floors.json")
LABELS = ROOT / "data" / "labels" / "compare_items.jsonl"
MIN_WORDS = 5
_MARK = re.compile(r"[\"“”]")


def fold(text: str) -> str:
    """Case, spacing and punctuation folded as the comparison folds them: what makes two
    printings of a quotation alike."""
    from newsgraph.compare.claims import folded_words

    return " ".join(folded_words(text))


def stories(limit: int | None) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in ECBPLUS.read_text().splitlines():
        record = json.loads(line)
        topic, name = record["id"].split("_", 1)
        grouped[f"{topic}{'plus' if name.endswith('ecbplus') else ''}"].append(record)
    keys = sorted(grouped, key=lambda k: (int(re.match(r"\d+", k).group()), k))  # type: ignore[union-attr]
    return {k: grouped[k] for k in keys[:limit]}


def quotations(text: str) -> list[str]:
    """What stands between paired quotation marks. A curly mark says whether it opens or closes;
    a straight one says so by its neighbours (a word after it and a space before opens, a word
    before it closes), and only where both sides are spaces does it alternate. So the words
    between one quotation's closing mark and the next one's opening mark are never taken for a
    quotation, even in text tokenised with spaces around its marks. A quotation left open at a
    paragraph's end goes on when the next mark can only close it."""
    found = []
    opened: int | None = None
    for mark in _MARK.finditer(text):
        direction = _direction(text, mark.start())
        if opened is not None and direction == "opens":
            broken = text.rfind("\n", opened, mark.start())
            found.append(text[opened : broken if broken >= 0 else mark.start()])
            opened = None
        if opened is None:
            if direction != "closes":
                opened = mark.end()
        else:
            found.append(text[opened : mark.start()])
            opened = None
    if opened is not None:
        found.append(text[opened:])
    return found


def _direction(text: str, at: int) -> str:
    mark = text[at]
    if mark in "“”":
        return "opens" if mark == "“" else "closes"
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else "\n"
    if not before.isspace() and before not in "([—-":
        return "closes"
    if before.isspace() and not after.isspace():
        return "opens"
    return "either"


def shared_quotations(records: list[dict[str, Any]]) -> list[tuple[str, set[str]]]:
    """(folded quotation, ids of the articles that print it) for each quotation two or more print."""
    quoted: dict[str, set[str]] = defaultdict(set)
    folded_texts = {r["id"]: fold(r["text"]) for r in records}
    for record in records:
        for quotation in quotations(record["text"]):
            words = fold(quotation)
            if len(words.split()) >= MIN_WORDS:
                quoted[words].add(record["id"])
    shared = []
    for words in quoted:
        printed = {i for i, text in folded_texts.items() if f" {words} " in f" {text} "}
        if len(printed) >= 2:
            shared.append((words, printed))
    # A quotation inside a longer shared one is the same finding: keep the longest.
    shared.sort(key=lambda item: -len(item[0]))
    kept: list[tuple[str, set[str]]] = []
    for words, ids in shared:
        if not any(words in longer and ids <= longer_ids for longer, longer_ids in kept):
            kept.append((words, ids))
    return kept


def agreed_covers(compared: dict[str, Any], words: str, ids: set[str], id_of: dict[str, str]) -> bool:
    for item in compared["agreed"]:
        if item["kind"] != "claim":
            continue
        covering = {
            id_of[e["article_id"]] for e in item["evidence"] if words in fold(e["text"]) or fold(e["text"]) in words
        }
        if len(covering & ids) >= 2:
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N stories")
    parser.add_argument("--show", action="store_true", help="print the shared quotations missed")
    parser.add_argument("--gate", action="store_true", help="exit 1 under the floor of compare_floors.json")
    args = parser.parse_args()
    if not ECBPLUS.exists():
        print(f"{ECBPLUS} is not here", file=sys.stderr)
        return 2
    from newsgraph.compare import compare_story
    from newsgraph.ingest.prepare import article_id
    from newsgraph.nlp.pipeline import Analyzer
    from newsgraph.records import Article, Published
    from newsgraph.settings import DEFAULT_PIPELINE

    analyzer = Analyzer(DEFAULT_PIPELINE)
    labels = {}
    for line in LABELS.read_text().splitlines():
        label = json.loads(line)
        labels[(label["story"], label["kind"], json.dumps(label["evidence"]))] = label["same_thing"]
    judged: list[bool] = []
    judged_keys: set[tuple[str, str, str]] = set()
    found = total = 0
    kinds: dict[str, int] = defaultdict(int)
    chosen = stories(args.limit)
    for key, records in chosen.items():
        shared = shared_quotations(records)
        articles = [
            Article(
                id=article_id(r["id"], r["text"]),
                external_id=r["id"],
                text=r["text"],
                title=r.get("title"),
                outlet=r["id"],
                published=Published(None, "unknown"),
            )
            for r in records
        ]
        id_of = {a.id: a.external_id for a in articles}
        compared = compare_story(list(analyzer.analyze(articles)))
        for section in ("agreed", "conflicting"):
            for item in compared[section]:
                kinds[f"{section} {item['kind']}"] += 1
                evidence = sorted([id_of[e["article_id"]], e["start"], e["end"]] for e in item["evidence"])
                label_key = (key, item["kind"], json.dumps(evidence))
                if label_key in labels and label_key not in judged_keys:
                    judged_keys.add(label_key)
                    judged.append(labels[label_key])
        for words, ids in shared:
            total += 1
            if agreed_covers(compared, words, ids, id_of):
                found += 1
            elif args.show:
                print(f"missed [{key}] ({len(ids)} articles): {words[:140]}")
    print(f"stories: {len(chosen)}; quotations printed by 2+ articles of a story: {total}")
    print(f"shared quotations agreed: {found / max(total, 1):.3f} ({found}/{total})")
    for kind, count in sorted(kinds.items()):
        print(f"{kind}: {count}")
    if args.limit is None:
        share = sum(judged) / max(len(judged), 1)
        print(f"hand-labelled agreed and conflicting items still listed: {len(judged)}/{len(labels)}")
        print(f"precision (the same thing to a careful reader): {share:.3f} ({sum(judged)}/{len(judged)})")
    if args.gate:
        figures = {
            "shared_quotations_agreed": found / max(total, 1),
            "labelled_precision": sum(judged) / max(len(judged), 1),
        }
        return check_floors(figures, FLOORS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
