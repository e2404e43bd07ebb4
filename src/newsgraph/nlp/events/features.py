"""What the learned event models see of a sentence: the parse the pipeline already ran, the
words, and what the rules and the CAMEO dictionary say.

Issue 27's measured choice: word 1- and 2-grams weighted by TF-IDF beside features of the parse
(each verb and the root verb with their object, complement, preposition, particle and negation
children; the nouns in subject and object position) generalise from a few hundred labels per
type at about 1% of spaCy's time, where sentence embeddings cost twice spaCy's. The n-grams'
inverse document frequencies are learned with the weights and shipped beside them.
"""

from __future__ import annotations

import math
from functools import lru_cache

from spacy.tokens import Span, Token

from newsgraph.nlp.events import rules
from newsgraph.nlp.events.cameo import VerbTypes, cameo
from newsgraph.records import Event

# Modals the model sees: those that hedge an event, and "will", which announces one.
MODALS = rules.MODALS | {"will"}
SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent"})
OBJECTS = frozenset({"dobj", "pobj", "dative"})
COMPLEMENTS = frozenset({"ccomp", "xcomp"})
NGRAM = "ng="  # the prefix of n-gram features, which take TF-IDF values


def base_form(verb: Token) -> str:
    """A verb's base form without the lemmatizer (which the pipeline leaves out): the CAMEO
    dictionary's, else the event lexicons', else the word."""
    return _base_of(verb.lower_)


@lru_cache(maxsize=8192)
def _base_of(word: str) -> str:
    known = cameo().lemma(word)
    if known:
        return known
    entry = rules.verb_forms().get(word)
    return entry[1] if entry else word


def _noun(token: Token) -> str:
    """A noun as the model sees it: a named entity by its label (which generalises), else the word."""
    return f"<{token.ent_type_}>" if token.ent_type_ else token.lower_


def parse_features(sent: Span) -> dict[str, float]:
    """Each verb and the root verb with their children that say what was done."""
    features: dict[str, float] = {}
    for token in sent:
        if token.pos_ != "VERB" and token.dep_ != "ROOT":
            if token.pos_ in ("NOUN", "PROPN") and token.dep_ in SUBJECTS:
                features[f"subj={_noun(token)}"] = 1.0
            elif token.pos_ in ("NOUN", "PROPN") and token.dep_ in OBJECTS:
                features[f"obj={_noun(token)}"] = 1.0
            continue
        verb = base_form(token) if token.pos_ == "VERB" else token.lower_
        role = "root" if token.dep_ == "ROOT" else "verb"
        features[f"{role}={verb}"] = 1.0
        for child in token.children:
            dep = child.dep_
            if dep in ("dobj", "nsubjpass"):
                features[f"{role}_obj={verb}:{_noun(child)}"] = 1.0
            elif dep in COMPLEMENTS and child.pos_ == "VERB":
                features[f"{role}_comp={verb}:{base_form(child)}"] = 1.0
            elif dep == "prep":
                features[f"{role}_prep={verb}:{child.lower_}"] = 1.0
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        features[f"{role}_prep_obj={verb}:{child.lower_}:{_noun(grandchild)}"] = 1.0
            elif dep == "prt":
                features[f"{role}_prt={verb}:{child.lower_}"] = 1.0
            elif dep == "neg":
                features[f"{role}_neg={verb}"] = 1.0
                features["negated"] = 1.0
            elif dep == "aux" and child.lower_ in MODALS:
                features[f"modal={child.lower_}"] = 1.0
    return features


def ngram_counts(sent: Span) -> dict[str, float]:
    """Word 1- and 2-grams of the sentence, lower case, numbers as one token, punctuation out."""
    words = ["<num>" if t.like_num else t.lower_ for t in sent if not (t.is_punct or t.is_space)]
    counts: dict[str, float] = {}
    for i, word in enumerate(words):
        counts[NGRAM + word] = counts.get(NGRAM + word, 0.0) + 1.0
        if i:
            pair = f"{NGRAM}{words[i - 1]} {word}"
            counts[pair] = counts.get(pair, 0.0) + 1.0
    return counts


def tf_idf(counts: dict[str, float], idf: dict[str, float]) -> dict[str, float]:
    """The known n-grams weighted by (1 + log tf) * idf, scaled to unit length."""
    weighted = {name: (1.0 + math.log(count)) * idf[name] for name, count in counts.items() if name in idf}
    norm = math.sqrt(math.fsum(v * v for v in weighted.values())) or 1.0
    return {name: value / norm for name, value in weighted.items()}


def weighted(features: dict[str, float], idf: dict[str, float]) -> dict[str, float]:
    """Features as the models read them: n-gram counts as TF-IDF values of the n-grams a model
    knows (`idf`), the rest as they are."""
    plain = {name: value for name, value in features.items() if not name.startswith(NGRAM)}
    counts = {name: value for name, value in features.items() if name.startswith(NGRAM)}
    return {**plain, **tf_idf(counts, idf)}


def rule_features(events: list[Event], verbs: VerbTypes) -> dict[str, float]:
    """What the lexicons and the CAMEO dictionary say: the rules' types, the dictionary's types
    of the governing verbs (`cameo.typed_verbs`)."""
    features: dict[str, float] = {}
    for event in events[:2]:
        features[f"rule={event.type}"] = 1.0
    if events:
        features[f"rule1={events[0].type}"] = 1.0
    for rank, (verb, found) in enumerate(verbs[:3]):
        place = min(rank, 1)
        if found is not None:
            features[f"cameo{place}={found.type}"] = 1.0
            features[f"cameo_pattern={found.by_pattern}"] = 1.0
        features[f"governing{place}={base_form(verb)}"] = 1.0
    return features


def sentence_features(sent: Span, events: list[Event], verbs: VerbTypes) -> dict[str, float]:
    """Everything the models see of one sentence, n-grams as raw counts (weighted by the model
    that reads them, with its own inverse document frequencies)."""
    return {**rule_features(events, verbs), **parse_features(sent), **ngram_counts(sent)}
