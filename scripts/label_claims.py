"""Labelling claims by hand (issue 28): who a pronoun speaker is, and whether a claim's speaker is
right, rule by rule; only offsets are kept in the repository.

    python scripts/label_claims.py draw --out DIR --kind pronoun [--batches 5] [--per-batch 50] [--seed 28]
    python scripts/label_claims.py draw --out DIR --kind speaker [--batches 4] [--per-batch 50]
    python scripts/label_claims.py import DIR/answers-*.jsonl                 # data/labels/pronoun_speakers.jsonl
    python scripts/label_claims.py import --kind speaker DIR/speaker-answers-*.jsonl   # claim_speakers.jsonl

`draw` runs the pipeline over real news of ../shared whose licence allows it (ECB+ development,
the gold bodies of WCXB and scrapinghub pages), keeps every claim in DIR/claims.jsonl, and
writes batches (outside the repository) with the text a coder reads: what comes before, the
source marked `[[he]]`, to the end of the paragraph. `--kind pronoun`: the claims whose source
is "he", "she", "they" or "it"; the coder answers `key`, `claim` (false when the sentence
attributes nothing: an intention, an act, an empty "it is worth noting") and `referent` (the
exact words of the text's last mention, before the pronoun, of the person or body meant; null
when the text never names them). `--kind speaker`: claims spread evenly over the speaker rules
(`rule_of`); the coder answers `key`, `claim` and `right` (the speaker we give is who says it).
`import` turns answers into label lines of document ids and offsets: never the text.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "data" / "labels" / "pronoun_speakers.jsonl"
SPEAKER_LABELS = ROOT / "data" / "labels" / "claim_speakers.jsonl"
PRONOUNS = frozenset({"he", "she", "they", "it"})
CONTEXT_CHARS = 1500

sys.path.insert(0, str(ROOT / "scripts"))
from label_events import document_text  # noqa: E402  (a script beside this one)


def documents() -> dict[str, str]:
    """Document id -> text for the sources whose licence allows labels of our own."""
    docs: dict[str, str] = {}
    for line in (SHARED / "data" / "ecbplus" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        docs[f"ecbplus:{row['id']}"] = row["text"]
    for path in sorted((SHARED / "data" / "real" / "extraction" / "wcxb-dev" / "ground-truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))["ground_truth"]
        if truth.get("main_content"):
            docs[f"wcxb:{path.stem}"] = truth["main_content"]
    scrapinghub = SHARED / "data" / "real" / "extraction" / "scrapinghub" / "ground-truth.json"
    for key, truth in json.loads(scrapinghub.read_text(encoding="utf-8")).items():
        if truth.get("articleBody"):
            docs[f"scrapinghub:{key}"] = truth["articleBody"]
    return docs


def rule_of(source: str | None, confidence: float | None) -> str:
    """Which of the speaker rules gave a claim its speaker, by its source words and its confidence
    (`nlp/claims/evidence.py`'s figures as they were when claim_speakers.jsonl was drawn: a name
    0.9, a description 0.8, a phrase 0.7, a quote chain carried on 0.6, an unresolved source
    0.3; since then a carried speaker shows 0.8 too, so a new draw reads both as "described")."""
    if confidence is None:
        return "none"
    if source is not None and source.lower() in PRONOUNS:
        return "pronoun"
    return {0.9: "named", 0.8: "described", 0.7: "phrase", 0.6: "carried"}.get(round(confidence, 1), "unresolved")


def all_claims(items: list[tuple[str, str]]) -> list[dict]:
    """Every claim of each document, with what we made of it."""
    from newsgraph.nlp.pipeline import Analyzer
    from newsgraph.records import Article, Published
    from newsgraph.settings import DEFAULT_PIPELINE

    analyzer = Analyzer(DEFAULT_PIPELINE)
    found = []
    articles = (
        Article(id=f"{i:016x}", external_id=doc, text=text, published=Published(None, "unknown"))
        for i, (doc, text) in enumerate(items)
    )
    for article in analyzer.analyze(articles):
        for claim in article.claims:
            source = claim.source.text if claim.source else None
            found.append(
                {
                    "doc": article.external_id,
                    "source": [claim.source.start, claim.source.end] if claim.source else None,
                    "claim": [claim.start, claim.end],
                    "ours": claim.speaker.name or claim.speaker.description if claim.speaker else None,
                    "confidence": claim.confidence,
                    "rule": rule_of(source, claim.confidence),
                }
            )
    return found


def _chunks(items: list[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _line_end(text: str, claim: dict) -> int:
    """Where the coder's context stops: the end of the claim's paragraph, or 400 characters on."""
    start = max(claim["claim"][1], (claim["source"] or claim["claim"])[1])
    newline = text.find("\n", start)
    return min(len(text) if newline < 0 else newline, start + 400)


def draw(out: Path, kind: str, batches: int, per_batch: int, seed: int) -> None:
    """Batches of pronoun claims (`pronoun`), or of claims spread evenly over the speaker rules
    (`speaker`), from the claims of every document (kept in DIR/claims.jsonl once found)."""
    docs = sorted(documents().items())
    out.mkdir(parents=True, exist_ok=True)
    cache = out / "claims.jsonl"
    if cache.exists():
        found = [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    else:
        with multiprocessing.Pool(2) as pool:
            found = [c for part in pool.map(all_claims, list(_chunks(docs, 100))) for c in part]
        cache.write_text("".join(json.dumps(c) + "\n" for c in found), encoding="utf-8")
    texts = dict(docs)
    rng = random.Random(seed)
    if kind == "pronoun":
        chosen = [c for c in found if c["rule"] == "pronoun"]
        rng.shuffle(chosen)
    else:
        rules = sorted({c["rule"] for c in found} - {"pronoun"})
        share = batches * per_batch // len(rules)
        chosen = [c for r in rules for c in rng.sample([c for c in found if c["rule"] == r], share)]
        rng.shuffle(chosen)
    for b in range(batches):
        with (out / f"{kind}-{b + 1:02d}.jsonl").open("w", encoding="utf-8") as handle:
            for c in chosen[b * per_batch : (b + 1) * per_batch]:
                handle.write(json.dumps(_for_coder(c, texts[c["doc"]]), ensure_ascii=False) + "\n")
    print(f"{len(chosen)} claims to draw from; {min(len(chosen), batches * per_batch)} written to {out}")


def _for_coder(claim: dict, text: str) -> dict:
    """The claim with the text a coder reads: what comes before, the source marked [[ ]] (or the
    claim's first words marked << >> where it has no source), to the end of its paragraph."""
    c0, c1 = claim["claim"]
    p0, p1 = claim["source"] or (c0, c0)
    first = min(p0, c0)
    context = text[max(0, first - CONTEXT_CHARS) : p0] + "[[" + text[p0:p1] + "]]" + text[p1 : _line_end(text, claim)]
    key = f"{claim['doc']}@{p0 if claim['rule'] == 'pronoun' else c0}"
    return {"key": key, **claim, "context": context, "claim_text": text[c0:c1]}


def import_speaker_answers(paths: list[Path]) -> None:
    """Answers on claims of every rule (`claim`: is it one; `right`: is its speaker who says it)
    into label lines: document, the claim's offsets, the rule and our confidence then."""
    drawn = {}
    for path in paths:
        for batch in path.parent.glob("speaker-[0-9]*.jsonl"):
            drawn |= {(row := json.loads(line))["key"]: row for line in batch.read_text(encoding="utf-8").splitlines()}
    labels = {}
    if SPEAKER_LABELS.exists():
        labels = {(row := json.loads(line))["key"]: row for line in SPEAKER_LABELS.read_text().splitlines()}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            answer = json.loads(line)
            row = drawn[answer["key"]]
            labels[answer["key"]] = {
                "key": answer["key"],
                "doc": row["doc"],
                "claim": row["claim"],
                "rule": row["rule"],
                "confidence": row["confidence"],
                "is_claim": bool(answer["claim"]),
                "speaker_right": bool(answer["right"]) if answer["claim"] else None,
            }
    lines = [json.dumps(labels[k], separators=(",", ":")) for k in sorted(labels)]
    SPEAKER_LABELS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(labels)} labels in {SPEAKER_LABELS}")


def import_answers(paths: list[Path]) -> None:
    """Answers into label lines of offsets; a referent not found before the pronoun is reported."""
    labels = {}
    if LABELS.exists():
        labels = {json.loads(line)["key"]: json.loads(line) for line in LABELS.read_text().splitlines()}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            answer = json.loads(line)
            doc, at = answer["key"].rsplit("@", 1)
            text = document_text(doc)
            start = int(at)
            end = start + len(text[start:].split(maxsplit=1)[0].strip(".,;:"))
            row = {"key": answer["key"], "doc": doc, "pronoun": [start, end]}
            if answer.get("claim") is False:
                row["kind"] = "no_claim"
            elif not answer.get("referent"):
                row["kind"] = "unnamed"
            else:
                where = text.rfind(answer["referent"], 0, start)
                if where < 0:
                    print(f"{answer['key']}: referent {answer['referent']!r} not found before the pronoun")
                    continue
                row |= {"kind": "named", "referent": [where, where + len(answer["referent"])]}
            labels[answer["key"]] = row
    lines = [json.dumps(labels[k], separators=(",", ":")) for k in sorted(labels)]
    LABELS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(labels)} labels in {LABELS}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("draw")
    drawing.add_argument("--out", type=Path, required=True)
    drawing.add_argument("--kind", choices=["pronoun", "speaker"], default="pronoun")
    drawing.add_argument("--batches", type=int, default=4)
    drawing.add_argument("--per-batch", type=int, default=60)
    drawing.add_argument("--seed", type=int, default=28)
    importing = commands.add_parser("import")
    importing.add_argument("answers", type=Path, nargs="+")
    importing.add_argument("--kind", choices=["pronoun", "speaker"], default="pronoun")
    args = parser.parse_args()
    if args.command == "draw":
        draw(args.out, args.kind, args.batches, args.per_batch, args.seed)
    elif args.kind == "speaker":
        import_speaker_answers(args.answers)
    else:
        import_answers(args.answers)


if __name__ == "__main__":
    main()
