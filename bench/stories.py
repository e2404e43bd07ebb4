"""Story clustering on real articles: B-cubed and pairwise F1 against gold stories, and the
cost of placing one article as the database grows.

    python bench/stories.py [--limit N] [--cache FILE] [--growth 1000,10000]

1. Ingests ../shared/data/ecbplus/dev.jsonl (772 real articles, 66 stories in 33 topics of
   two look-alike events each) into a fresh SQLite database through the real ingest path and
   prints B-cubed precision/recall/F1 and pairwise F1 against the gold `story`, and articles/s.
   `--cache FILE` keeps the analysed articles in a pickle so that later runs skip the NLP pass
   (the story stage is then timed alone).
2. Grows a second database with synthetic articles (the dev articles again under shifted
   dates and renamed names, no NLP needed) and times placing the same probe articles at each
   size; the ratio of the two costs should stay near 1.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from newsgraph.records import Article, EntityMention, Published
from newsgraph.store import ArticleStore, open_database
from newsgraph.stories import StoryPlacer
from scoring import ECBPLUS, bcubed, load_ecbplus, pairwise_f1


def cluster_dev(records: list[tuple[Article, str, str]], folder: Path) -> None:
    store = ArticleStore(open_database(f"sqlite:///{folder / 'dev.db'}"))
    placer = StoryPlacer()
    started = time.perf_counter()
    for article, _, _ in records:
        store.save(dataclasses.replace(article), on_insert=placer)
    seconds = time.perf_counter() - started
    stored = {a.external_id: a.story_id for a in store.iter_articles()}
    gold = [story for _, story, _ in records]
    predicted = [stored[a.external_id] or a.external_id for a, _, _ in records]
    p, r, f = bcubed(predicted, gold)
    pp, pr, pf = pairwise_f1(predicted, gold)
    print(f"ECB+ dev: {len(records)} articles, {len(set(gold))} gold stories, {len(set(predicted))} found")
    print(f"  B-cubed   P={p:.3f} R={r:.3f} F1={f:.3f}")
    print(f"  pairwise  P={pp:.3f} R={pr:.3f} F1={pf:.3f}")
    print(f"  storing + placing: {len(records) / seconds:.1f} articles/s (NLP not included)")


def synthetic(article: Article, copy: int, position: int, period: int | None = None) -> Article:
    """A look-alike of a real article under other names, 100 days later per copy: every fourth
    word and every person and organisation is renamed, so it is neither a copy nor in the
    original's story, and the shifted dates keep each copy's stories apart from the others (as
    real stories are). Countries keep their names and ids: they recur across a real corpus too."""
    words = article.text.split(" ")
    text = " ".join(f"{w}{copy}" if i % 4 == copy % 4 and w.isalpha() else w for i, w in enumerate(words))

    def renamed(entity_id: str | None) -> str | None:
        return entity_id if entity_id is None or entity_id.startswith("country:") else f"{entity_id}-{copy}"

    entities = [
        EntityMention(
            e.text if (e.entity_id or "").startswith("country:") else f"{e.text}{copy}",
            e.label,
            e.start,
            e.end,
            renamed(e.entity_id),
        )
        for e in article.entities
        if e.label in ("PERSON", "ORG", "GPE", "FAC", "LOC", "NORP")
    ]
    canonical = [
        dataclasses.replace(c, id=renamed(c.id), name=c.name if c.id.startswith("country:") else f"{c.name} {copy}")
        for c in article.canonical_entities
    ]
    period = copy if period is None else period
    published = (dt.date(2000, 1, 1) + dt.timedelta(days=period * 100 + position % 30)).isoformat()
    return dataclasses.replace(
        article,
        id=f"{copy:06x}{article.id[6:]}",
        external_id=f"{article.external_id}#{copy}",
        text=text,
        entities=entities,
        canonical_entities=canonical,
        published=Published(published, "given"),
    )


def growth(records: list[tuple[Article, str, str]], sizes: list[int], database: str, probes: int = 20) -> None:
    store = ArticleStore(open_database(database))
    placer = StoryPlacer()
    base = [a for a, _, _ in records]
    stored = 0
    copy = 0
    results = []
    for size in sizes:
        def fill(target: int) -> Iterator[Article]:
            nonlocal stored, copy
            while stored < target:
                copy += 1
                for position, article in enumerate(base):
                    if stored >= target:
                        break
                    stored += 1
                    yield synthetic(article, copy, position)

        started = time.perf_counter()
        before = stored
        for _ in store.save_many(fill(size), on_insert=placer):
            pass
        store.refresh_statistics()  # as `newsgraph ingest` leaves the database
        rate = (stored - before) / (time.perf_counter() - started)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  grew to {size} at {rate:.0f} articles/s; peak resident memory so far {peak:.0f} MB")
        # Probes: new look-alikes dated within the newest copy's period, as fresh news would be.
        probe = [synthetic(base[i * 37 % len(base)], 100_000 + size + i, i * 37, period=copy) for i in range(probes)]
        # CPU time as well as wall time: other work on a shared machine inflates the latter.
        started, cpu = time.perf_counter(), time.process_time()
        for article in probe:
            store.save(article, on_insert=placer)
        per_article = (time.perf_counter() - started) / probes
        per_article_cpu = (time.process_time() - cpu) / probes
        stored += probes
        results.append((size, per_article, per_article_cpu))
        print(
            f"  {size:>7} stored: {per_article * 1000:.1f} ms to store and place one article "
            f"({per_article_cpu * 1000:.1f} ms CPU)"
        )
    for size, wall, cpu_time in results[1:]:
        first = results[0]
        print(f"  cost ratio {size} vs {first[0]}: {wall / first[1]:.2f} wall, {cpu_time / first[2]:.2f} CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, help="pickle of analysed articles (written on first use)")
    parser.add_argument("--growth", default="1000,10000", help="database sizes for the cost of placing")
    parser.add_argument("--no-growth", action="store_true")
    parser.add_argument("--no-dev", action="store_true", help="skip the F1 run on the dev file")
    parser.add_argument("--growth-db", help="database URL to grow (kept; default: a temporary SQLite file)")
    parser.add_argument("--probes", type=int, default=20)
    args = parser.parse_args()
    if not ECBPLUS.exists():
        sys.exit(f"{ECBPLUS} is not here")
    started = time.perf_counter()
    records = load_ecbplus(args.cache)
    print(f"read and analysed {len(records)} articles in {time.perf_counter() - started:.1f}s")
    with tempfile.TemporaryDirectory() as folder:
        if not args.no_dev:
            cluster_dev(records, Path(folder))
        if not args.no_growth:
            print("cost of placing one article as the database grows (synthetic look-alikes):")
            database = args.growth_db or f"sqlite:///{Path(folder) / 'growth.db'}"
            growth(records, [int(s) for s in args.growth.split(",")], database, args.probes)


if __name__ == "__main__":
    main()
