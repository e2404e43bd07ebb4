"""Labelling attributions by hand (issue 28): source, cue and content of every attribution in
whole real articles, for the learned cue model; only document ids and offsets are kept.

    python scripts/label_attributions.py draw --out DIR [--articles 125] [--batches 8] [--seed 28]
    python scripts/label_attributions.py import DIR/answers-*.jsonl      # data/labels/attributions.jsonl

`draw` picks whole articles of moderate length that report speech ("said", "according to")
from the real news whose licence allows labels of our own (ECB+ development, the gold bodies of
WCXB and scrapinghub pages: see `label_claims.documents`) and writes batches outside the
repository, each article as numbered paragraphs. The coder follows PolNeAR's notion of an
attribution (the brief is `BRIEF` below) and answers one JSON line per attribution: `doc`,
`paragraph` (where the cue is), `cue`, `cue_context` (a few words around the cue, copied
exactly, when the cue's words occur more than once in the paragraph), `source` (or null) and
`content`, each the exact words of the text. `import` finds those words next to the cue and
writes one label line per article: `doc` and `attributions` of `[start, end]` offsets (never
the text); articles read with no attribution are kept with an empty list. Words that cannot be
found are reported and left out.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "data" / "labels" / "attributions.jsonl"

sys.path.insert(0, str(ROOT / "scripts"))
from label_claims import documents  # noqa: E402  (a script beside this one)
from label_events import document_text  # noqa: E402

MIN_CHARS, MAX_CHARS = 900, 5000
_NEWS = re.compile(r"\b(said|says|told|according to)\b")  # news, not a product page or a recipe
SHARES = {"ecbplus": 0.45, "wcxb": 0.33, "scrapinghub": 0.22}

BRIEF = """\
Mark every ATTRIBUTION in each article, as the PolNeAR corpus does: a passage whose content the
text presents as coming from someone or something other than the narrator stating a plain fact
- what a person, body, document, poll or study says, writes, reports, shows, believes, thinks,
wants, fears, expects, plans, denies, promises or demands. For each one give:
  cue      the words that signal the attribution, exactly as written, as short as possible:
           a verb ("said", "told", "has argued", "warned", "believes", "wants", "called for",
           "shows", "found", "denied", "announced"), "according to", a noun phrase that carries it
           ("in a statement", "a spokesman's claim"), or the colon/dash of a headline or a quote
           introduced by punctuation ("Trump: ..."). A verb cue includes its auxiliaries and
           negation only when they are next to it ("has said", "did not say").
  source   who or what the content comes from, as named at the cue (a name, a title with a name,
           a pronoun "he"/"they"/"it", "officials", "the report", "a poll"); null when the text
           names none ("it was reported that ...", "is alleged to have").
  content  what is attributed, the whole of it: the that-clause or the quotation to its last
           word, running on past the sentence when a quotation does. When the cue interrupts
           the content ("The plan, he said, would fail"; "'We won,' she said, 'and we will win
           again.'") give ONE span from the content's first word to its last, the cue and source
           inside it. For "X called Y a liar" the content is "Y a liar"; for "X denied the charge"
           it is "the charge"; for "X wants to cut taxes" it is "to cut taxes".
Round two (issue 28, --round 2) also marks, as PolNeAR does, every COMMUNICATIVE or
EVALUATIVE act with what it conveys, even without a clause:
  - acts of saying with an object: "outlined a plan" (content "a plan"), "unleashed a series of
    tweets criticizing X", "delivered a speech on trade", "discussed the deal", "brags about his
    wealth", "spoke about the economy", "cited the report as proof", "invoked his father";
  - praise, criticism, blame and naming by someone: "praised X", "criticized X for Y" (content
    "X for Y"), "called X a liar" ("X a liar"), "labeled it a hoax", "has been blamed for Y"
    (source null), "described the attack as an intentional act";
  - perceptions and appearances that present a view: "saw a chance to win", "seems to be a real
    issue", "can appear to be" (source null unless someone is named), "looks set to";
  - what documents, polls, studies and data show or find ("a poll shows", "the figures
    indicate"), and "in a statement"/"in an interview" as cue when no verb carries it.
Do NOT mark: the narrator's own statements of fact; events that are acts, not statements
(he signed, she resigned, police arrested); quoted single words used as names or titles with no
speaker; "said" meaning "the said".
Several attributions may share a sentence (nested ones too: "He said she told him that ...":
two attributions). Headlines/first lines count like any sentence.
Answer one JSON object per line, nothing else:
{"doc": "<doc id>", "paragraph": <number of the paragraph where the CUE is>, "cue": "<exact>",
 "cue_context": "<only when the cue's words occur more than once in that paragraph: 4-8 exact
 words around it, the cue included>", "source": "<exact>" or null, "content": "<exact>"}
Copy the words EXACTLY (same punctuation, same quotation marks, same case). For an article
with no attribution at all write {"doc": "<doc id>", "none": true}.
"""


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line: the coder's paragraphs."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def draw(out: Path, articles: int, batches: int, seed: int) -> None:
    """Batches of articles not labelled yet (the labels file is read to leave them out)."""
    rng = random.Random(seed)
    by_source: dict[str, list[str]] = defaultdict(list)
    for doc, text in sorted(documents().items()):
        if MIN_CHARS <= len(text) <= MAX_CHARS and len(paragraphs(text)) >= 3 and _NEWS.search(text):
            by_source[doc.split(":", 1)[0]].append(doc)
    labelled = {json.loads(line)["doc"] for line in LABELS.read_text().splitlines()} if LABELS.exists() else set()
    picked: list[str] = []
    for source, share in SHARES.items():
        pool = [doc for doc in by_source[source] if doc not in labelled]
        picked += rng.sample(pool, min(len(pool), round(articles * share)))
    rng.shuffle(picked)
    out.mkdir(parents=True, exist_ok=True)
    (out / "BRIEF.txt").write_text(BRIEF)
    for number in range(batches):
        lines = []
        for doc in picked[number::batches]:
            text = document_text(doc)
            lines.append(f"=== ARTICLE {doc}")
            lines += [f"[{k}] {text[s:e]}" for k, (s, e) in enumerate(paragraphs(text), 1)]
            lines.append("")
        (out / f"batch-{number + 1}.txt").write_text("\n".join(lines))
    print(f"{len(picked)} articles in {batches} batches under {out}")


def _near(text: str, words: str, anchor: int) -> tuple[int, int] | None:
    """The occurrence of `words` nearest to `anchor` (whitespace-tolerant)."""
    pattern = r"\s+".join(re.escape(part) for part in words.split())
    found = [(abs(m.start() - anchor) + abs(m.end() - anchor), m.start(), m.end())
             for m in re.finditer(pattern, text)]
    if not found:
        return None
    _, start, end = min(found)
    return start, end


def locate(text: str, answer: dict) -> dict | None:
    spans = paragraphs(text)
    number = int(answer.get("paragraph") or 0)
    if not 1 <= number <= len(spans):
        return None
    p_start, p_end = spans[number - 1]
    para = text[p_start:p_end]
    cue = _near(para, answer["cue"], 0)
    if answer.get("cue_context"):
        context = _near(para, answer["cue_context"], 0)
        if context:
            inner = _near(para[context[0]:context[1]], answer["cue"], 0)
            cue = (context[0] + inner[0], context[0] + inner[1]) if inner else cue
    if cue is None:
        return None
    cue = (cue[0] + p_start, cue[1] + p_start)
    content = _near(text, answer["content"], cue[0]) if answer.get("content") else None
    if content is None:
        return None
    source = _near(text, answer["source"], cue[0]) if answer.get("source") else None
    if answer.get("source") and source is None:
        return None
    return {"cue": list(cue), "content": list(content), "source": list(source) if source else None}


def import_answers(paths: list[Path]) -> None:
    existing = {}
    if LABELS.exists():
        existing = {(row := json.loads(line))["doc"]: row for line in LABELS.read_text().splitlines()}
    answered: dict[str, list[dict]] = defaultdict(list)
    lost = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                answer = json.loads(line)
            except json.JSONDecodeError:
                print(f"{path.name}: not JSON: {line[:80]}")
                continue
            doc = answer.get("doc")
            if not doc:
                continue
            answered.setdefault(doc, [])
            if answer.get("none"):
                continue
            located = locate(document_text(doc), answer)
            if located is None:
                lost += 1
                print(f"not found in {doc}: {answer.get('cue')!r} / {str(answer.get('content'))[:60]!r}")
                continue
            if located not in answered[doc]:
                answered[doc].append(located)
    for doc, attributions in answered.items():
        existing[doc] = {"doc": doc, "attributions": sorted(attributions, key=lambda a: a["cue"])}
    LABELS.write_text("".join(json.dumps(row) + "\n" for row in sorted(existing.values(), key=lambda r: r["doc"])))
    total = sum(len(row["attributions"]) for row in existing.values())
    print(f"{len(existing)} articles, {total} attributions in {LABELS} ({lost} answers not found)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("draw")
    drawing.add_argument("--out", type=Path, required=True)
    drawing.add_argument("--articles", type=int, default=125)
    drawing.add_argument("--batches", type=int, default=8)
    drawing.add_argument("--seed", type=int, default=28)
    importing = commands.add_parser("import")
    importing.add_argument("answers", type=Path, nargs="+")
    args = parser.parse_args()
    if args.command == "draw":
        draw(args.out, args.articles, args.batches, args.seed)
    else:
        import_answers(args.answers)


if __name__ == "__main__":
    main()
