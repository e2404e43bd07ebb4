"""Clean article out of real pages: title, publication date and body, newsgraph beside trafilatura.

    python bench/extraction.py [--set wcxb|scrapinghub|both] [--every N] [--workers N] [--show KIND]
    python bench/extraction.py --gate          # the CI quality gate: fixed subset, pinned floors

Reads the development pages of ../shared/data/real/extraction/ (WCXB: title, date, body;
scrapinghub: body) and measures them as ../shared/data/real/README.md says: title equal after
case and space folding, publication date the same day, body bag-of-words F1 against the gold
text. Each page goes through newsgraph's own HTML path (what `newsgraph ingest page.html` does:
no URL, the page alone) and through trafilatura's bare extraction, in the same run. A page that
newsgraph refuses scores 0 for its body and title. Prints figures; with --gate, exits 1 when a
figure is under its floor in bench/extraction_floors.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "real" / "extraction"
FLOORS = Path(__file__).with_name("extraction_floors.json")
NOT_ENGLISH = "does not look like English"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Page:
    set: str
    id: str
    path: Path
    title: str | None
    date: str | None
    body: str


@dataclass
class Extracted:
    title: str | None
    date: str | None
    body: str
    refused: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


def load_pages(which: str) -> list[Page]:
    pages: list[Page] = []
    if which in ("wcxb", "both"):
        folder = DATA / "wcxb-dev"
        for truth_path in sorted((folder / "ground-truth").glob("*.json")):
            truth = json.loads(truth_path.read_text())
            gold = truth["ground_truth"]
            page_id = truth_path.stem
            pages.append(
                Page("wcxb", page_id, folder / "html" / f"{page_id}.html.gz", gold.get("title"),
                     gold.get("publish_date"), gold.get("main_content") or "")
            )
    if which in ("scrapinghub", "both"):
        folder = DATA / "scrapinghub"
        truth = json.loads((folder / "ground-truth.json").read_text())
        for page_id in sorted(truth):
            pages.append(
                Page("scrapinghub", page_id, folder / "html" / f"{page_id}.html.gz", None, None,
                     truth[page_id]["articleBody"])
            )
    return pages


def words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def body_f1(found: str, gold: str) -> float:
    found_words, gold_words = words(found), words(gold)
    shared = sum((found_words & gold_words).values())
    if not shared:
        return 0.0
    precision = shared / sum(found_words.values())
    recall = shared / sum(gold_words.values())
    return 2 * precision * recall / (precision + recall)


def fold(title: str | None) -> str:
    return " ".join((title or "").casefold().split())


def extract_both(page: Page) -> tuple[Extracted, Extracted]:
    """(newsgraph, trafilatura) for one page, each from the same decoded HTML."""
    import trafilatura

    from newsgraph.errors import InputError
    from newsgraph.ingest.decode import decode_bytes
    from newsgraph.ingest.html_pages import html_article
    from newsgraph.ingest.prepare import prepare_article

    html, _ = decode_bytes(gzip.decompress(page.path.read_bytes()), str(page.path))
    started = time.perf_counter()
    try:
        article = prepare_article(html_article(str(page.path), page.path.name, html))
        ours = Extracted(article.title, article.published.value, article.text,
                         removed=[(r.reason, r.text) for r in article.removed])
    except InputError as error:
        ours = Extracted(None, None, "", refused=error.reason)
    ours.seconds = time.perf_counter() - started
    started = time.perf_counter()
    bare = trafilatura.bare_extraction(html, with_metadata=True)
    if bare is None:
        theirs = Extracted(None, None, "")
    else:
        theirs = Extracted(bare.title, (bare.date or "")[:10] or None, bare.text or "")
    theirs.seconds = time.perf_counter() - started
    return ours, theirs


def measure(pages: list[Page], workers: int) -> list[tuple[Page, Extracted, Extracted]]:
    if workers <= 1:
        results = [extract_both(page) for page in pages]
    else:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(extract_both, pages, chunksize=4))
    rows = [(page, ours, theirs) for page, (ours, theirs) in zip(pages, results, strict=True)]
    # newsgraph's pipeline is English: pages it refuses as another language are left out for both.
    return [row for row in rows if not (row[1].refused or "").startswith(NOT_ENGLISH)]


def figures(rows: list[tuple[Page, Extracted, Extracted]]) -> dict[str, float]:
    """Per set: title, date and body F1 of newsgraph and of trafilatura (`trafilatura.` prefix)."""
    result: dict[str, float] = {}
    for name in sorted({page.set for page, _, _ in rows}):
        subset = [r for r in rows if r[0].set == name]
        for system, index in (("newsgraph", 1), ("trafilatura", 2)):
            found = [(r[0], r[index]) for r in subset]
            result[f"{name}.{system}.body_f1"] = sum(body_f1(e.body, p.body) for p, e in found) / len(found)
            titled = [(p, e) for p, e in found if p.title]
            if titled:
                result[f"{name}.{system}.title"] = sum(fold(e.title) == fold(p.title) for p, e in titled) / len(titled)
            dated = [(p, e) for p, e in found if p.date]
            if dated:
                result[f"{name}.{system}.date"] = sum((e.date or "")[:10] == p.date[:10] for p, e in dated) / len(dated)
    return result


def show(rows: list[tuple[Page, Extracted, Extracted]], kind: str) -> None:
    for page, ours, theirs in rows:
        if kind == "title" and page.title and fold(ours.title) != fold(page.title):
            print(f"{page.set}/{page.id}\n  gold: {page.title!r}\n  ours: {ours.title!r}\n  traf: {theirs.title!r}")
        elif kind == "date" and page.date and (ours.date or "")[:10] != page.date[:10]:
            print(f"{page.set}/{page.id}  gold {page.date[:10]}  ours {ours.date}  traf {theirs.date}")
        elif kind == "body":
            mine, bare = body_f1(ours.body, page.body), body_f1(theirs.body, page.body)
            if mine < bare - 0.01 or mine < 0.8:
                print(f"{page.set}/{page.id}  ours {mine:.3f}  traf {bare:.3f}  {ours.refused or ''}")
        elif kind == "refused" and ours.refused:
            print(f"{page.set}/{page.id}  {ours.refused}")
    if kind == "removed":
        show_removed(rows)


def show_removed(rows: list[tuple[Page, Extracted, Extracted]]) -> None:
    """Per debris reason: lines removed, and how many of them the gold body holds (wrongly removed)."""
    taken: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for page, ours, _ in rows:
        gold = " ".join(page.body.split()).casefold()
        for reason, text in ours.removed:
            taken[reason] += 1
            if len(text) > 20 and " ".join(text.split()).casefold() in gold:
                wrong[reason] += 1
                print(f"  in gold  {reason:<18}{page.set}/{page.id[:8]}  {text[:90]!r}")
    print(f"{'reason':<20}{'removed':>8}{'in gold':>9}")
    for reason, count in taken.most_common():
        print(f"{reason:<20}{count:>8}{wrong[reason]:>9}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=["wcxb", "scrapinghub", "both"], default="both")
    parser.add_argument("--every", type=int, default=1, help="measure every Nth page of each set")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--show", choices=["title", "date", "body", "refused", "removed"], help="list the pages we get wrong"
    )
    parser.add_argument("--gate", action="store_true", help="the CI subset; exit 1 when a figure is under its floor")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is not here")
    gate = json.loads(FLOORS.read_text()) if args.gate else None
    every = gate["every"] if gate else args.every
    pages = [page for name in (["wcxb", "scrapinghub"] if args.set == "both" else [args.set])
             for index, page in enumerate(load_pages(name)) if index % every == 0]
    started = time.perf_counter()
    rows = measure(pages, args.workers)
    seconds = time.perf_counter() - started
    print(f"{len(pages) - len(rows)} pages left out as not English")
    if args.show:
        show(rows, args.show)
    result = figures(rows)
    print(f"{len(pages)} pages (every {every}), {seconds:.0f} s with {args.workers} workers")
    ours_ms = 1000 * sum(r[1].seconds for r in rows) / len(rows)
    theirs_ms = 1000 * sum(r[2].seconds for r in rows) / len(rows)
    print(f"per page: newsgraph {ours_ms:.0f} ms (reading and cleaning), trafilatura {theirs_ms:.0f} ms, "
          f"ratio {ours_ms / theirs_ms:.2f}")
    print(f"{'figure':<28}{'newsgraph':>11}{'trafilatura':>13}")
    for key in sorted(k for k in result if ".newsgraph." in k):
        name = key.replace(".newsgraph", "")
        print(f"{name:<28}{result[key]:>11.3f}{result[key.replace('newsgraph', 'trafilatura')]:>13.3f}")
    if gate:
        failed = [f"{key} {result.get(key, 0.0):.3f} < floor {floor}" for key, floor in gate["floors"].items()
                  if result.get(key, 0.0) < floor]
        for line in failed:
            print(f"UNDER FLOOR: {line}")
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
