"""Coding event sentences by hand (issue 27): draw candidates from real news, show one at a time,
record the answer, and keep only offsets in the repository.

    python scripts/label_events.py draw --out DIR [--batches 8] [--per-batch 350] [--seed 27]
    python scripts/label_events.py label DIR/batch-01.jsonl      # one sentence at a time, in a terminal
    python scripts/label_events.py import DIR/answers-*.jsonl     # into data/labels/plover_events.jsonl

`draw` reads real news of ../shared (ECB+ development, PolNeAR train texts, AQUAINT, the gold
bodies of WCXB and scrapinghub pages), runs the pipeline over them and draws sentences: those
where an event of our engine fires or a word of a type's field occurs, spread over the types, and
a random share of the rest, so that detection is measured too. Batches (with the sentence's text,
for the coder) go to DIR, outside the repository. `label` shows a batch's sentences and records
`type mode | actor | recipient` typed at the prompt. `import` turns answers (a JSON object a line:
`key`, `event`, `mode`, `actor`, `recipient`, the last two as words of the sentence) into label
lines that name the document and character offsets only: the text is never copied here. A fixed
fifth of the sentences, by a hash of their key, is held back as our own test set.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "data" / "labels" / "plover_events.jsonl"
OLD_LABELS = ROOT / "data" / "labels" / "plover_sentences.jsonl"
TYPES = (
    "AGREE", "ACCUSE", "ASSAULT", "AID", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE",
    "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
)  # fmt: skip
# Words of each type's field: they draw candidates for the types the engine seldom finds, never
# decide a label.
FIELD_WORDS = {
    "AID": r"\b(?:aid|humanitarian|relief|donat\w*|assistance|supplies|rescue\w*|evacuat\w*|shelter\w*|loan)\b",
    "MOBILIZE": r"\b(?:deploy\w*|troops|mobili[sz]\w*|alert|reinforcement\w*|dispatch\w*|drills?|exercises)\b",
    "COOPERATE": r"\b(?:cooperat\w*|joint\w*|partner\w*|collaborat\w*|alliance|coalition|share\w* intelligence)\b",
    "SANCTION": r"\b(?:sanction\w*|embargo\w*|suspend\w*|expel\w*|boycott\w*|cut ties|recall\w*|withdr[ae]w\w*)\b",
    "RETREAT": r"\b(?:releas\w*|withdr[ae]w\w*|retreat\w*|freed|pull\w* out|lift\w*|step\w* down|resign\w*)\b",
    "CONCEDE": r"\b(?:concede\w*|apologi[sz]\w*|admit\w*|surrender\w*|back\w* down|yield\w*|ceasefire|resign\w*)\b",
    "THREATEN": r"\b(?:threat\w*|warn\w*|ultimatum|vow\w*|retaliat\w*)\b",
    "PROTEST": r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march\w*|strike|hunger strike|riot\w*|boycott\w*)\b",
    "REJECT": r"\b(?:reject\w*|refus\w*|den(?:y|ies|ied)|veto\w*|declin\w*|dismiss\w*|oppos\w*)\b",
    "CONSULT": r"\b(?:met|meet\w*|talks|visit\w*|negotiat\w*|summit|phone call|discuss\w*|consult\w*)\b",
    "AGREE": r"\b(?:agree\w*|deal|accord|treaty|pledg\w*|promis\w*|sign\w*|ceasefire|settle\w*)\b",
    "SUPPORT": r"\b(?:endors\w*|prais\w*|support\w*|back\w*|welcom\w*|applaud\w*|congratulat\w*)\b",
    "REQUEST": r"\b(?:urg\w*|call\w* (?:on|for)|demand\w*|ask\w*|appeal\w*|request\w*|press\w* for)\b",
    "ACCUSE": r"\b(?:accus\w*|blam\w*|critici[sz]\w*|condemn\w*|investigat\w*|charg\w*|allege\w*|su(?:e|ed|ing))\b",
    "COERCE": r"\b(?:arrest\w*|detain\w*|seiz\w*|raid\w*|jail\w*|sentenc\w*|deport\w*|ban\w*|curfew|confiscat\w*)\b",
    "ASSAULT": r"\b(?:attack\w*|kill\w*|shot|shoot\w*|bomb\w*|strike\w*|wound\w*|assault\w*|stabb\w*|murder\w*)\b",
}
HELD_BACK = 5  # one sentence in five, by its key's hash


def documents(limit_polnear: int, limit_wcxb: int, seed: int) -> dict[str, tuple[str, str | None]]:
    """Document id -> (text, publication date) for every source, as ../shared holds it."""
    docs: dict[str, tuple[str, str | None]] = {}
    for prefix, path in (
        ("ecbplus", SHARED / "data" / "ecbplus" / "dev.jsonl"),
        ("aquaint", SHARED / "data" / "timeml" / "aquaint.jsonl"),
        ("polnear", SHARED / "data" / "real" / "attribution" / "polnear-dev.jsonl"),
    ):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            docs[f"{prefix}:{row['id']}"] = (row["text"], row.get("published"))
    rng = random.Random(seed)
    polnear = SHARED / "data" / "real" / "attribution" / "polnear-train.jsonl"
    rows = [json.loads(line) for line in polnear.read_text(encoding="utf-8").splitlines()]
    for row in rng.sample(rows, min(limit_polnear, len(rows))):
        docs[f"polnear-train:{row['id']}"] = (row["text"], None)
    wcxb = sorted((SHARED / "data" / "real" / "extraction" / "wcxb-dev" / "ground-truth").glob("*.json"))
    for path in rng.sample(wcxb, min(limit_wcxb, len(wcxb))):
        truth = json.loads(path.read_text(encoding="utf-8"))["ground_truth"]
        if truth.get("main_content"):
            docs[f"wcxb:{path.stem}"] = (truth["main_content"], None)
    scrapinghub = SHARED / "data" / "real" / "extraction" / "scrapinghub" / "ground-truth.json"
    for key, truth in json.loads(scrapinghub.read_text(encoding="utf-8")).items():
        if truth.get("articleBody"):
            docs[f"scrapinghub:{key}"] = (truth["articleBody"], None)
    return docs


def document_text(doc: str) -> str:
    """The text of one labelled document, as ../shared holds it."""
    prefix, name = doc.split(":", 1)
    if prefix in ("ecbplus", "aquaint", "polnear-train", "polnear"):
        path = {
            "ecbplus": SHARED / "data" / "ecbplus" / "dev.jsonl",
            "aquaint": SHARED / "data" / "timeml" / "aquaint.jsonl",
            "polnear-train": SHARED / "data" / "real" / "attribution" / "polnear-train.jsonl",
            "polnear": SHARED / "data" / "real" / "attribution" / "polnear-dev.jsonl",
        }[prefix]
        return _jsonl_texts(path)[name]
    if prefix == "wcxb":
        path = SHARED / "data" / "real" / "extraction" / "wcxb-dev" / "ground-truth" / f"{name}.json"
        return str(json.loads(path.read_text(encoding="utf-8"))["ground_truth"]["main_content"])
    truth = json.loads((SHARED / "data" / "real" / "extraction" / "scrapinghub" / "ground-truth.json").read_text())
    return str(truth[name]["articleBody"])


_TEXTS: dict[Path, dict[str, str]] = {}


def _jsonl_texts(path: Path) -> dict[str, str]:
    if path not in _TEXTS:
        rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
        _TEXTS[path] = {row["id"]: row["text"] for row in rows}
    return _TEXTS[path]


_ANALYZER = None


Found = list[tuple[str, list[tuple[int, int, list[str], str, float]]]]


def _analyse(chunk: list[tuple[str, str, str | None]]) -> Found:
    """Each document's sentences with the types our engine gives them, and the type the learned
    models give each sentence with how sure they are that it tells one (in a worker process)."""
    from newsgraph.nlp.events import current_model, sentence_features, typed_verbs
    from newsgraph.records import Article, Published

    assert _ANALYZER is not None
    model = current_model()
    found: Found = []
    for doc_id, text, date in chunk:
        published = Published(date, "metadata" if date else "unknown")
        article = Article(id="0" * 16, external_id=doc_id, text=text, published=published)
        try:
            doc = _ANALYZER.nlp(_ANALYZER.make_doc(article))
        except Exception:  # a text the pipeline fails on gives no candidates
            continue
        sentences = []
        for sent in doc.sents:
            events = [e for e in doc._.events or [] if e.sentence.start <= sent.start_char < e.sentence.end]
            learned, score = "NONE", 0.0
            if model is not None and model.detector is not None:
                features = model.weighted(sentence_features(sent, events, typed_verbs(sent)))
                learned, sure = model.type_of(features)
                score = model.event_probability(features) * sure
            sentences.append((sent.start_char, sent.end_char, [e.type for e in events], learned, score))
        found.append((doc_id, sentences))
    return found


def _start_worker() -> None:
    global _ANALYZER
    from newsgraph.nlp.pipeline import Analyzer
    from newsgraph.settings import DEFAULT_PIPELINE

    _ANALYZER = Analyzer(DEFAULT_PIPELINE)


def candidate_sentences(docs: dict[str, tuple[str, str | None]]) -> Iterator[dict]:
    items = [(doc, text, date) for doc, (text, date) in docs.items()]
    chunks = [items[i : i + 20] for i in range(0, len(items), 20)]
    with multiprocessing.get_context("fork").Pool(2, initializer=_start_worker) as pool:
        for n, result in enumerate(pool.imap(_analyse, chunks), start=1):
            print(f"\ranalysed {min(n * 20, len(items))}/{len(items)} documents", end="", file=sys.stderr)
            for doc, sentences in result:
                text = docs[doc][0]
                for start, end, types, learned, score in sentences:
                    sentence = text[start:end].strip()
                    if not 40 <= len(sentence) <= 400 or sentence.count(" ") < 6 or "\n" in sentence:
                        continue
                    end = start + len(text[start:end].rstrip())
                    start = end - len(sentence)
                    hints = {t for t, pattern in FIELD_WORDS.items() if re.search(pattern, sentence, re.I)}
                    yield {
                        "doc": doc, "start": start, "end": end, "text": sentence,
                        "engine": types, "hints": hints, "learned": learned, "score": score,
                    }  # fmt: skip
    print(file=sys.stderr)


def draw(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    known = set()
    for path in (OLD_LABELS, LABELS):
        if path.exists():
            known.update((x["doc"], x["start"]) for x in map(json.loads, path.read_text().splitlines()))
    folders = [Path(folder) for folder in (args.exclude or "").split(",") if folder]
    earlier = [batch for folder in folders for batch in folder.glob("batch-*.jsonl")]
    for batch in earlier:
        for line in batch.read_text(encoding="utf-8").splitlines():
            doc, span = json.loads(line)["key"].rsplit("@", 1)
            known.add((doc, int(span.split("-")[0])))
    docs = documents(args.polnear, args.wcxb, args.seed)
    if args.sources:
        docs = {k: v for k, v in docs.items() if k.split(":")[0] in args.sources.split(",")}
    pool = [c for c in candidate_sentences(docs) if (c["doc"], c["start"]) not in known]
    targets = args.types.split(",") if args.types else list(TYPES)
    rng.shuffle(pool)
    wanted = args.batches * args.per_batch
    chosen: list[dict] = []
    taken: set[tuple[str, int]] = set()
    per_doc: Counter[str] = Counter()

    def take(candidate: dict) -> None:
        key = (candidate["doc"], candidate["start"])
        if key not in taken and per_doc[candidate["doc"]] < 4 and len(chosen) < wanted:
            taken.add(key)
            per_doc[candidate["doc"]] += 1
            chosen.append(candidate)

    share = int(wanted * (1 - args.random_share)) // len(targets)
    for event_type in sorted(targets, key=lambda t: sum(t in c["engine"] for c in pool)):  # rarest first
        if args.by_model:  # the sentences the models are surest tell an event of this type
            ranked = sorted((c for c in pool if c["learned"] == event_type), key=lambda c: -c["score"])
        else:
            fired = [c for c in pool if event_type in c["engine"]]
            ranked = fired + [c for c in pool if event_type in c["hints"] and event_type not in c["engine"]]
        before = len(chosen)
        for candidate in ranked:
            if len(chosen) - before >= share:
                break
            take(candidate)
    for candidate in pool:
        take(candidate)
    rng.shuffle(chosen)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for b in range(args.batches):
        batch = chosen[b * args.per_batch : (b + 1) * args.per_batch]
        with (out / f"batch-{b + args.first:02d}.jsonl").open("w", encoding="utf-8") as handle:
            for candidate in batch:
                key = f"{candidate['doc']}@{candidate['start']}-{candidate['end']}"
                handle.write(json.dumps({"key": key, "text": candidate["text"]}, ensure_ascii=False) + "\n")
    sources = Counter(c["doc"].split(":")[0] for c in chosen)
    print(f"{len(chosen)} candidates from {len(pool)} sentences of {len(docs)} documents: {dict(sources)}")


def label(args: argparse.Namespace) -> None:
    """One sentence at a time: `TYPE [mode] | actor words | recipient words`, or NONE, or ? to skip."""
    batch = Path(args.batch)
    answers = batch.with_name(batch.name.replace("batch-", "answers-"))
    done = {json.loads(line)["key"] for line in answers.read_text().splitlines()} if answers.exists() else set()
    rows = [json.loads(line) for line in batch.read_text(encoding="utf-8").splitlines()]
    with answers.open("a", encoding="utf-8") as handle:
        for n, row in enumerate(rows, start=1):
            if row["key"] in done:
                continue
            print(f"\n[{n}/{len(rows)}] {row['text']}")
            answer = input("TYPE [mode] | actor | recipient (NONE, ? skips, q quits): ").strip()
            if answer == "q":
                return
            if answer == "?":
                continue
            parts = [p.strip() for p in answer.split("|")] + ["", ""]
            head = parts[0].split()
            record = {
                "key": row["key"],
                "event": head[0].upper() if head else "NONE",
                "mode": head[1] if len(head) > 1 else None,
                "actor": parts[1] or None,
                "recipient": parts[2] or None,
            }
            handle.write(json.dumps(record) + "\n")


def held_back(key: str) -> bool:
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % HELD_BACK == 0


def words_at(sentence: str, offset: int, words: str | None) -> list[int] | None:
    """Offsets of the coder's words in the document, found in the sentence (case folded)."""
    if not words:
        return None
    at = sentence.lower().find(words.lower().strip(" .,\"'"))
    if at < 0:
        return None
    length = len(words.strip(" .,\"'"))
    return [offset + at, offset + at + length]


def import_answers(args: argparse.Namespace) -> None:
    existing = [json.loads(line) for line in LABELS.read_text().splitlines()] if LABELS.exists() else []
    seen = {(x["doc"], x["start"]) for x in existing}
    added = skipped = 0
    counts: Counter[str] = Counter()
    for path in args.answers:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            answer = json.loads(line)
            doc, span = answer["key"].rsplit("@", 1)
            start, end = (int(x) for x in span.split("-"))
            event = str(answer.get("event") or "NONE").upper()
            if (doc, start) in seen or (event not in TYPES and event != "NONE"):
                skipped += 1
                continue
            sentence = document_text(doc)[start:end]
            existing.append(
                {
                    "doc": doc,
                    "start": start,
                    "end": end,
                    "event": event,
                    "mode": answer.get("mode") or None,
                    "actor": words_at(sentence, start, answer.get("actor")),
                    "recipient": words_at(sentence, start, answer.get("recipient")),
                    "held": held_back(answer["key"]),
                }
            )
            seen.add((doc, start))
            counts[event] += 1
            added += 1
    LABELS.write_text("".join(json.dumps(x) + "\n" for x in existing), encoding="utf-8")
    print(f"{added} added, {skipped} skipped (seen or not a type); {dict(counts.most_common())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("draw")
    drawing.add_argument("--out", required=True)
    drawing.add_argument("--batches", type=int, default=8)
    drawing.add_argument("--per-batch", type=int, default=350)
    drawing.add_argument("--random-share", type=float, default=0.2)
    drawing.add_argument("--polnear", type=int, default=300, help="PolNeAR train articles to read")
    drawing.add_argument("--wcxb", type=int, default=250, help="WCXB pages to read")
    drawing.add_argument("--seed", type=int, default=27)
    drawing.add_argument("--types", help="draw for these types only (comma-separated), e.g. the rarest")
    drawing.add_argument("--exclude", help="folders of earlier batches (comma-separated), not drawn again")
    drawing.add_argument("--first", type=int, default=1, help="number of the first batch file")
    drawing.add_argument("--by-model", action="store_true", help="rank by the shipped models, not by rules and words")
    drawing.add_argument("--sources", help="only documents of these sources (comma-separated: ecbplus, aquaint, ...)")
    labelling = commands.add_parser("label")
    labelling.add_argument("batch")
    importing = commands.add_parser("import")
    importing.add_argument("answers", nargs="+")
    args = parser.parse_args()
    {"draw": draw, "label": label, "import": import_answers}[args.command](args)


if __name__ == "__main__":
    main()
