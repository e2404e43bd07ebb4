"""Train newsgraph's event-type model from the PLOVER development sentences.

    python scripts/train_event_types.py [--shared ../shared] [--c 3.0]

Each sentence of `data/plover/dev.jsonl` (159 hand-coded news sentences, CC BY-SA 4.0) and of
our own labels (`data/labels/plover_sentences.jsonl`, real news sentences coded by us, NONE where
they tell no political event; every fourth held back) is analysed by the pipeline with the rules
alone; its features (`newsgraph.nlp.events.sentence_features`)
and its gold PLOVER type train a multinomial logistic regression (scikit-learn, used here only),
whose classes, feature names, weights and intercepts are written to
`src/newsgraph/nlp/events/data/event_types.json` for numpy to read at run time. The same input gives
the same file. bench/events.py cross-validates the same recipe on the same sentences.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from newsgraph.nlp.events import MODEL_FILE, sentence_features, typed_verbs, using_model
from newsgraph.nlp.pipeline import Analyzer
from newsgraph.records import Article, Published
from newsgraph.settings import DEFAULT_PIPELINE

ROOT = Path(__file__).resolve().parents[1]
OWN = ROOT / "data" / "labels" / "plover_sentences.jsonl"
REGULARISATION = 3.0
HELD_BACK_EVERY = 4


def own_rows(shared: Path) -> list[dict]:
    """Our own coded sentences (data/labels/plover_sentences.jsonl), their text read from
    ../shared by offsets; `held` is true for every fourth, which training leaves out."""
    sources = {
        "ecbplus": shared / "data" / "ecbplus" / "dev.jsonl",
        "polnear": shared / "data" / "real" / "attribution" / "polnear-dev.jsonl",
    }
    texts: dict[str, str] = {}
    for prefix, path in sources.items():
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            texts.setdefault(f"{prefix}:{row['id']}", row["text"])
    labels = [json.loads(line) for line in OWN.read_text().splitlines()]
    return [
        {
            "id": f"{x['doc']}@{x['start']}",
            "text": texts[x["doc"]][x["start"] : x["end"]],
            "event": x["event"],
            "actors": [],
            "held": i % HELD_BACK_EVERY == HELD_BACK_EVERY - 1,
        }
        for i, x in enumerate(labels)
    ]


def rule_features(analyzer: Analyzer, texts: list[str]) -> list[dict[str, float]]:
    """Features of each text as one span, the rules' events included, the model left out."""
    found = []
    with using_model(None):
        for i, text in enumerate(texts):
            article = Article(id=f"{i:016x}", external_id=None, text=text, published=Published(None, "unknown"))
            doc = analyzer.nlp(analyzer.make_doc(article))
            whole = doc[:]
            found.append(sentence_features(whole, list(doc._.events or []), typed_verbs(whole)))
    return found


def fit(features: list[dict[str, float]], labels: list[str], regularisation: float = REGULARISATION) -> dict:
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=regularisation, max_iter=5000)
    model.fit(vectorizer.fit_transform(features), labels)
    return {
        "classes": [str(c) for c in model.classes_],
        "features": list(vectorizer.feature_names_),
        "weights": [[round(float(w), 4) for w in row] for row in model.coef_],
        "intercepts": [round(float(b), 4) for b in model.intercept_],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--c", type=float, default=REGULARISATION, help="inverse regularisation strength")
    args = parser.parse_args()
    rows = [json.loads(line) for line in (args.shared / "data" / "plover" / "dev.jsonl").read_text().splitlines()]
    rows += [row for row in own_rows(args.shared) if not row["held"]]
    analyzer = Analyzer(DEFAULT_PIPELINE)
    weights = fit(rule_features(analyzer, [r["text"] for r in rows]), [r["event"] for r in rows], args.c)
    data = {
        "about": "PLOVER event types (NONE: no political event) from sentence features; trained by "
        "scripts/train_event_types.py on the PLOVER development sentences (PLOVER gold standard records, "
        "CC BY-SA 4.0; weights under the same licence) and newsgraph's own labels (data/labels)",
        "regularisation": args.c,
        "sentences": len(rows),
        **weights,
    }
    MODEL_FILE.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    counts = f"{len(weights['classes'])} types, {len(weights['features'])} features from {len(rows)} sentences"
    print(f"{MODEL_FILE}: {counts}")


if __name__ == "__main__":
    main()
