"""Shared by the story benchmarks: loading ECB+ development articles and B-cubed scoring."""

from __future__ import annotations

import json
import pickle
from collections import defaultdict
from pathlib import Path

from newsgraph.batch import BatchReport, read_articles
from newsgraph.nlp.pipeline import Analyzer
from newsgraph.records import Article
from newsgraph.settings import Settings

ECBPLUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus" / "dev.jsonl"


def load_ecbplus(cache: Path | None = None) -> list[tuple[Article, str, str]]:
    """(analysed article, gold story, topic) for every development article, in file order."""
    gold = {}
    for line in ECBPLUS.read_text().splitlines():
        row = json.loads(line)
        gold[row["id"]] = (row["story"], str(row["topic"]))
    if cache and cache.exists():
        articles = pickle.loads(cache.read_bytes())
    else:
        settings = Settings(database_url="sqlite://")
        articles = list(Analyzer(settings.pipeline).analyze(read_articles([str(ECBPLUS)], settings, BatchReport())))
        if cache:
            cache.write_bytes(pickle.dumps(articles))
    return [(a, *gold[a.external_id]) for a in articles]


def bcubed(predicted: list[str], gold: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over items (Bagga and Baldwin, 1998)."""
    by_predicted: dict[str, set[int]] = defaultdict(set)
    by_gold: dict[str, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_predicted[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        shared = len(by_predicted[p] & by_gold[g])
        precision += shared / len(by_predicted[p])
        recall += shared / len(by_gold[g])
    precision /= len(gold)
    recall /= len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def pairwise_f1(predicted: list[str], gold: list[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pairs of items put together."""

    def pairs(labels: list[str]) -> set[tuple[int, int]]:
        groups: dict[str, list[int]] = defaultdict(list)
        for i, label in enumerate(labels):
            groups[label].append(i)
        return {(a, b) for members in groups.values() for x, a in enumerate(members) for b in members[x + 1 :]}

    p_pairs, g_pairs = pairs(predicted), pairs(gold)
    shared = len(p_pairs & g_pairs)
    precision = shared / len(p_pairs) if p_pairs else 1.0
    recall = shared / len(g_pairs) if g_pairs else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0
