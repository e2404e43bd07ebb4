"""The learned cue: whether a verb or adjective attributes what it governs to its subject ("X
unleashed a series of tweets criticizing Y", "Z seems to be a real issue", "they branded it a
disaster"), beyond the verbs the lexicons of `rules` name.

A logistic regression over what the parse already holds of the word and its neighbours (the
word, its tag and dependency, its head, its children's dependencies, what kind of subject it
has, quotation marks and commas beside it), trained by scripts/train_cue_model.py on our own
hand-labelled attributions of real news (data/labels/attributions.jsonl, following PolNeAR's
guidelines; PolNeAR itself, which has no licence, only measures it). The weights
(`data/cue_model.json`) are a plain table of feature -> weight, read once; scoring a word is a
sum over its few dozen features, so the model costs a small share of the parse. `finder` asks
it about every verb and adjective outside quotation marks: a word it is sure of (`threshold`)
is a cue even where no lexicon names it, and attributes its object as a stance verb does; one
it is very sure of (finder's `SURE_CUE`) also attributes a clause with no parsed subject. The
claim is built from the parse as for a lexicon cue.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from newsgraph.nlp.claims.cues import is_cue, lemma_of

CUE_MODEL_FILE = Path(__file__).with_name("data") / "cue_model.json"
CANDIDATE_POS = frozenset({"VERB", "AUX", "ADJ"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
PERSONAL = frozenset({"he", "she", "they", "i", "we", "you", "it", "who"})
QUOTE_CHARS = frozenset("\"“”'‘’")


def cue_candidates(sent: Span) -> list[Token]:
    """The words a cue can be: verbs and adjectives (a cue noun or "according to" is the rules')."""
    return [t for t in sent if t.pos_ in CANDIDATE_POS and t.lower_ != "according"]


def _subject_kind(token: Token) -> str:
    subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return "none"
    if subject.lower_ in PERSONAL:
        return "pron:" + subject.lower_
    if subject.ent_type_:
        return "ent:" + subject.ent_type_
    return "pos:" + subject.pos_


_SUFFIXES = ("ing", "ied", "ies", "ed", "es", "s", "d")


def stem(word: str) -> str:
    """A crude base of an inflected word ("criticized", "criticizes" -> "criticiz"), so that what
    the model learns of one form holds for the others without running the lemmatizer."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e")


def _object_kind(token: Token) -> str:
    target = next((c for c in token.children if c.dep_ in ("dobj", "attr", "oprd")), None)
    if target is None:
        return "none"
    if target.ent_type_:
        return "ent:" + target.ent_type_
    clause = any(c.dep_ in ("relcl", "acl", "ccomp") for c in target.children)
    return "pos:" + target.pos_ + ("+clause" if clause else "")


def cue_features(token: Token, quoted: list[tuple[int, int]]) -> list[str]:
    """The names of the features a candidate word has (all of weight 1)."""
    doc = token.doc
    word = token.lower_
    head = token.head
    children = list(token.children)
    deps = sorted({c.dep_ for c in children})
    subject = _subject_kind(token)
    clause = any(c.dep_ in ("ccomp", "xcomp") for c in children)
    that = any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark") for c in children)
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    near_quote = any(t.text in QUOTE_CHARS or t.text in ("``", "''") for t in doc[max(0, token.i - 3) : token.i + 4])
    sent = token.sent
    in_quotes = any(s <= token.idx < e for s, e in quoted)
    base = stem(word)
    target = _object_kind(token)
    found = [
        "bias",
        "w=" + word,
        "stem=" + base,
        "stem|subj=" + base + "|" + subject,
        "stem|clause=" + base + "|" + str(clause),
        "stem|obj=" + base + "|" + target,
        "obj=" + target,
        "lex=" + lemma_of(token),
        "tag=" + token.tag_,
        "dep=" + token.dep_,
        "hdep=" + head.dep_ if head.i != token.i else "hdep=ROOT",
        "htag=" + head.tag_,
        "subj=" + subject,
        "w|subj=" + word + "|" + subject,
        "dep|subj=" + token.dep_ + "|" + subject,
        "clause=" + str(clause),
        "w|clause=" + word + "|" + str(clause),
        "that=" + str(that),
        "prev=" + (before.lower_ if before is not None else "<s>"),
        "next=" + (after.lower_ if after is not None else "</s>"),
        "first=" + str(token.i == sent.start),
        "near_quote=" + str(near_quote),
        "in_quotes=" + str(in_quotes),
        "lexicon=" + str(is_cue(token)),
    ]
    found += ["ch=" + dep for dep in deps]
    found += ["w|ch=" + word + "|" + dep for dep in deps if dep in ("dobj", "ccomp", "xcomp", "prep", "dative")]
    for child in children:
        if child.dep_ == "prep":
            found.append("w|prep=" + word + "|" + child.lower_)
    return found


@dataclass(frozen=True)
class CueModel:
    weights: dict[str, float]
    threshold: float

    def probability(self, token: Token, quoted: list[tuple[int, int]]) -> float:
        score = sum(self.weights.get(name, 0.0) for name in cue_features(token, quoted))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@lru_cache(maxsize=1)
def cue_model() -> CueModel | None:
    """The shipped model, or None when it has not been trained (the rules then work alone)."""
    if not CUE_MODEL_FILE.exists():
        return None
    data = json.loads(CUE_MODEL_FILE.read_text(encoding="utf-8"))
    return CueModel({str(k): float(v) for k, v in data["weights"].items()}, float(data["threshold"]))


def learned_cues(sent: Span, quoted: list[tuple[int, int]]) -> dict[int, float]:
    """Words of the sentence the model takes for cues (lexicon words among them), by token
    index, with the model's probability."""
    model = cue_model()
    if model is None:
        return {}
    found = {}
    for token in cue_candidates(sent):
        if not any(s <= token.idx < e for s, e in quoted):
            probability = model.probability(token, quoted)
            if probability >= model.threshold:
                found[token.i] = probability
    return found
