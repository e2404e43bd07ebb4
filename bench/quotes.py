"""Who said it: speaker accuracy of direct quotes on hand-labelled ECB+ articles.

    python bench/quotes.py [--cache FILE] [--show]

For each labelled quote in ../shared/data/quotes/dev.jsonl, finds our claim whose text starts
with the quote's opening words in the labelled article and checks that its speaker's name (or,
for an unnamed speaker, its description) contains one of the acceptable name parts; compares
the channel where the label gives one. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from newsgraph.records import Article, Claim
from scoring import load_ecbplus

QUOTES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quotes" / "dev.jsonl"


def judge(label: dict, article: Article) -> tuple[Claim | None, str, bool]:
    """Our claim for a labelled quote (the one that starts with the quote's first six words),
    its speaker in words, and whether those hold one of the acceptable name parts."""
    opening = " ".join(label["quote_starts"].split()[:6]).lower()
    claim = next((c for c in article.claims if " ".join(c.text.split()).lower().startswith(opening)), None)
    speaker = ""
    if claim is not None and claim.speaker is not None:
        speaker = " ".join(filter(None, [claim.speaker.name, claim.speaker.role, claim.speaker.description]))
    return claim, speaker, any(part.lower() in speaker.lower() for part in label["speaker"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, help="pickle of analysed ECB+ articles (see bench/stories.py)")
    parser.add_argument("--show", action="store_true", help="print every quote and what we found")
    args = parser.parse_args()
    if not QUOTES.exists():
        sys.exit(f"{QUOTES} is not here")
    labels = [json.loads(line) for line in QUOTES.read_text().splitlines()]
    articles = {a.external_id: a for a, _, _ in load_ecbplus(args.cache)}
    found = right = channels = channels_right = 0
    for label in labels:
        claim, speaker, ok = judge(label, articles[label["article"]])
        found += claim is not None
        right += ok
        if label.get("channel"):
            channels += 1
            channels_right += bool(claim and claim.channel and label["channel"].lower() in claim.channel.lower())
        if args.show:
            mark = "ok " if ok else "-- "
            opening = label["quote_starts"][:40]
            print(f"{mark}{label['article']:<14} {opening!r:<44} gold {label['speaker']} ours {speaker!r}")
    print(f"{len(labels)} labelled quotes, {found} found as claims")
    print(f"speaker accuracy: {right / len(labels):.3f} ({right}/{len(labels)})")
    if channels:
        print(f"channel accuracy where labelled: {channels_right / channels:.3f} ({channels_right}/{channels})")


if __name__ == "__main__":
    main()
