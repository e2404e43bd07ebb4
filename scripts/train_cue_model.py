"""Train the learned cue (newsgraph/nlp/claims/cue_model.py) on our own labelled attributions.

    python scripts/train_cue_model.py [--precision 0.5] [--folds 5] [--dry-run]

Reads data/labels/attributions.jsonl (whole real articles of ECB+ development, WCXB and
scrapinghub, every attribution's cue, source and content as offsets: scripts/label_attributions.py),
parses each article with newsgraph's pipeline, and takes every verb and adjective as an example:
a cue when it lies inside a labelled cue. A logistic regression (scikit-learn, fixed seed) is
cross-validated by article; the threshold is the lowest at which the words it adds beyond the
lexicons are right at least `--precision` of the time across the folds. The model is then fit on
every article and written to the package as a table of feature weights. PolNeAR is not read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "data" / "labels" / "attributions.jsonl"
sys.path.insert(0, str(ROOT / "scripts"))
from label_events import document_text  # noqa: E402  (a script beside this one)

from newsgraph.nlp.claims import CUE_MODEL_FILE, cue_candidates, cue_features, is_cue, quote_spans  # noqa: E402
from newsgraph.nlp.pipeline import load_pipeline  # noqa: E402
from newsgraph.settings import Settings  # noqa: E402

C = 0.3
MIN_WEIGHT = 0.03  # smaller weights change no decision that matters and triple the file


def examples() -> tuple[list[dict[str, int]], list[int], list[int], list[bool]]:
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    texts = [document_text(row["doc"]) for row in rows]
    nlp = load_pipeline(Settings(database_url="sqlite://").pipeline)
    X: list[dict[str, int]] = []
    y: list[int] = []
    groups: list[int] = []
    lexicon: list[bool] = []
    for number, (row, doc) in enumerate(zip(rows, nlp.pipe(texts, batch_size=16), strict=True)):
        cues = [a["cue"] for a in row["attributions"]]
        quoted = quote_spans(texts[number])
        for sent in doc.sents:
            for token in cue_candidates(sent):
                X.append(dict.fromkeys(cue_features(token, quoted), 1))
                y.append(int(any(s <= token.idx < e for s, e in cues)))
                groups.append(number)
                lexicon.append(is_cue(token))
    return X, y, groups, lexicon


def model(X: list[dict[str, int]], y: list[int]) -> tuple[DictVectorizer, LogisticRegression]:
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(X)
    classifier = LogisticRegression(C=C, max_iter=2000, random_state=0, class_weight=None)
    classifier.fit(matrix, y)
    return vectorizer, classifier


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--precision", type=float, default=0.5)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, help="use this threshold, not the cross-validated one")
    parser.add_argument("--dry-run", action="store_true", help="cross-validate only; write nothing")
    args = parser.parse_args()
    X, y, groups, lexicon = examples()
    labels, known = np.array(y), np.array(lexicon)
    print(f"{len(set(groups))} articles, {len(y)} verbs and adjectives, {labels.sum()} cues "
          f"({(labels & known).sum()} of them in the lexicons)")
    scores = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=args.folds).split(X, y, groups):
        vectorizer, classifier = model([X[i] for i in train], [y[i] for i in train])
        scores[test] = classifier.predict_proba(vectorizer.transform([X[i] for i in test]))[:, 1]
    new = ~known
    threshold = 0.95
    print("threshold  beyond the lexicons: taken right precision   all: taken right precision recall"
          "  (cross-validated)")
    for candidate in np.arange(0.95, 0.15, -0.05):
        chosen = new & (scores >= candidate)
        precision = labels[chosen].mean() if chosen.any() else 1.0
        every = scores >= candidate
        print(f"{candidate:9.2f}  {chosen.sum():27d} {labels[chosen].sum():5d} {precision:9.3f}"
              f"  {every.sum():10d} {labels[every].sum():5d} {labels[every].mean():9.3f}"
              f" {labels[every].sum() / labels.sum():6.3f}")
        if precision >= args.precision:
            threshold = float(round(candidate, 2))
    threshold = args.threshold if args.threshold is not None else threshold
    missed = labels & new
    print(f"threshold {threshold}: cues outside the lexicons found "
          f"{(missed & (scores >= threshold)).sum()} of {missed.sum()}")
    if args.dry_run:
        return
    vectorizer, classifier = model(X, y)
    weights = {name: round(float(w), 3) for name, w in zip(vectorizer.feature_names_, classifier.coef_[0], strict=True)
               if abs(w) >= MIN_WEIGHT}
    weights["bias"] = round(weights.get("bias", 0.0) + float(classifier.intercept_[0]), 4)
    CUE_MODEL_FILE.write_text(json.dumps({
        "about": "Learned attribution cue (newsgraph.nlp.claims.cue_model), trained by scripts/train_cue_model.py "
                 "on data/labels/attributions.jsonl (our own labels of ECB+ development (CC BY 3.0), WCXB (CC BY 4.0) "
                 "and scrapinghub (MIT) articles; offsets only). Logistic regression, C=" + str(C) + ".",
        "articles": len(set(groups)),
        "examples": len(y),
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
    }, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights written to {CUE_MODEL_FILE}")


if __name__ == "__main__":
    main()
