"""Who says so, measured on PolNeAR: claim recall, source accuracy, claim precision.

    python bench/attribution.py [--set dev|train] [--limit N] [--show missed|wrong|extra] [--cache FILE]
                                [--quotes] [--speakers] [--gate]

Each PolNeAR article (US political news of 2016, every attribution annotated with its Source,
Cue and Content) is analysed as it stands, so that our offsets and theirs index the same text.
Measured as ../shared/data/real/README.md says: a gold attribution is found when a claim covers
half its Content; its source is right when the claim's source mention overlaps the gold Source
or, where the claim has no source offsets, when the speaker's name, role, organisation or
description shares a word with it; claim precision is the share of claims that overlap some gold
Content. Articles annotated by several people are scored against each annotation. The quote
benchmark (bench/quotes.py) is run beside it with --quotes; with --speakers, bench/speakers.py
(pronoun speakers on our own labels of real news, and the calibration table: per rule and per
confidence word, the share of speakers right beside the confidence shown). Prints figures; with --gate (the CI
quality gate) also measures the hand-labelled quotes and exits 1 when a figure is under its
floor in bench/attribution_floors.json.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from gate import check_floors  # bench/gate.py, beside this script

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "real" / "attribution"
FLOORS = Path(__file__).with_name("attribution_floors.json")
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOP = frozenset({"the", "and", "for", "that", "who", "with", "from", "his", "her", "its", "their", "this"})


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def analyse(rows: list[dict], cache: Path | None) -> dict[str, object]:
    """Analysed articles by text, each text once (several annotators share one article)."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    from newsgraph.ingest.prepare import article_id
    from newsgraph.nlp.pipeline import Analyzer
    from newsgraph.records import Article, Published
    from newsgraph.settings import Settings

    texts: dict[str, dict] = {}
    for row in rows:
        texts.setdefault(row["text"], row)
    articles = [
        Article(
            id=article_id(row["id"], text),
            external_id=row["id"],
            text=text,
            title=row.get("title"),
            outlet=row.get("outlet"),
            published=Published((row.get("published") or "")[:10] or None, "given"),
        )
        for text, row in texts.items()
    ]
    analyzer = Analyzer(Settings(database_url="sqlite://").pipeline)
    result = {a.text: a for a in analyzer.analyze(articles)}
    if cache:
        cache.write_bytes(pickle.dumps(result))
    return result


def speaker_words(claim: object) -> set[str]:
    speaker = getattr(claim, "speaker", None)
    if speaker is None:
        return set()
    text = " ".join(filter(None, [speaker.name, speaker.role, speaker.organisation, speaker.description]))
    return {w.casefold() for w in _WORD.findall(text)} - _STOP


def source_right(claim: object, gold_source: dict | None, text: str) -> bool:
    if not gold_source:
        return False
    source = getattr(claim, "source", None)
    if source is not None:
        return overlap(source.start, source.end, gold_source["start"], gold_source["end"]) > 0
    gold_words = {w.casefold() for w in _WORD.findall(gold_source["text"])} - _STOP
    return bool(speaker_words(claim) & gold_words)


def quote_accuracy() -> float | None:
    """Speaker accuracy of the hand-labelled direct quotes (as bench/quotes.py measures it),
    analysing only the articles the labels name."""
    from quotes import QUOTES, judge
    from scoring import ECBPLUS

    if not QUOTES.exists() or not ECBPLUS.exists():
        return None

    labels = [json.loads(line) for line in QUOTES.read_text().splitlines()]
    wanted = {label["article"] for label in labels}
    rows = [row for line in ECBPLUS.read_text().splitlines() if (row := json.loads(line))["id"] in wanted]
    articles = {a.external_id: a for a in analyse(rows, None).values()}  # type: ignore[attr-defined]
    return sum(judge(label, articles[label["article"]])[2] for label in labels) / len(labels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=["dev", "train"], default="dev")
    parser.add_argument("--limit", type=int, help="only the first N annotation files")
    parser.add_argument("--cache", type=Path, help="pickle of analysed articles (rebuilt when absent)")
    parser.add_argument("--show", choices=["missed", "wrong", "extra"], help="list errors of one kind")
    parser.add_argument("--quotes", action="store_true", help="also run bench/quotes.py")
    parser.add_argument("--speakers", action="store_true", help="also run bench/speakers.py")
    parser.add_argument("--gate", action="store_true", help="exit 1 when a figure is under its floor")
    args = parser.parse_args()
    path = DATA / f"polnear-{args.set}.jsonl"
    if not path.exists():
        sys.exit(f"{path} is not here")
    rows = [json.loads(line) for line in path.read_text().splitlines()][: args.limit]
    articles = analyse(rows, args.cache)
    gold_total = found = right = 0
    claims_total = claims_right = 0
    cues: Counter[str] = Counter()
    for row in rows:
        article = articles[row["text"]]
        claims = getattr(article, "claims", [])
        gold = row["attributions"]
        for attribution in gold:
            content = attribution.get("content")
            if not content:
                continue
            gold_total += 1
            length = max(1, content["end"] - content["start"])
            match = max(
                claims, key=lambda c: overlap(c.start, c.end, content["start"], content["end"]), default=None
            )
            if match is None or overlap(match.start, match.end, content["start"], content["end"]) * 2 < length:
                cues[(attribution.get("cue") or {}).get("text", "").casefold()] += 1
                if args.show == "missed":
                    cue = (attribution.get("cue") or {}).get("text")
                    print(f"missed  {row['id'][:40]:<40} cue {cue!r:<20} {content['text'][:90]!r}")
                continue
            found += 1
            if source_right(match, attribution.get("source"), article.text):
                right += 1
            elif args.show == "wrong":
                speaker = sorted(speaker_words(match))
                gold_source = (attribution.get("source") or {}).get("text")
                print(f"wrong   {row['id'][:40]:<40} gold {gold_source!r:<30} ours {speaker}")
        for claim in claims:
            claims_total += 1
            if any(a.get("content") and overlap(claim.start, claim.end, a["content"]["start"], a["content"]["end"]) > 0
                   for a in gold):
                claims_right += 1
            elif args.show == "extra":
                print(f"extra   {row['id'][:40]:<40} {claim.kind:<14} {claim.text[:90]!r}")
    print(f"PolNeAR {args.set}: {len(rows)} annotation files, {gold_total} attributions, {claims_total} claims")
    print(f"claim recall     {found / max(1, gold_total):.3f}  ({found}/{gold_total})")
    of_found = right / max(1, found)
    print(f"source accuracy  {right / max(1, gold_total):.3f}  ({right}/{gold_total}; of found {of_found:.3f})")
    print(f"claim precision  {claims_right / max(1, claims_total):.3f}  ({claims_right}/{claims_total})")
    print("cues of missed attributions, most common:", ", ".join(f"{c} {n}" for c, n in cues.most_common(15)))
    if args.quotes:
        subprocess.run([sys.executable, str(Path(__file__).with_name("quotes.py"))], check=False)
    if args.speakers:
        subprocess.run([sys.executable, str(Path(__file__).with_name("speakers.py"))], check=False)
    if args.gate:
        result = {
            "polnear.claim_recall": found / max(1, gold_total),
            "polnear.source_accuracy": right / max(1, gold_total),
            "polnear.claim_precision": claims_right / max(1, claims_total),
        }
        quotes = quote_accuracy()
        if quotes is not None:
            result["quotes.speaker_accuracy"] = quotes
            print(f"hand-labelled quotes: speaker accuracy {quotes:.3f}")
        sys.exit(check_floors(result, FLOORS))


if __name__ == "__main__":
    main()
