"""The learned event-type decision: a sentence's governing event retyped by a linear model over
what the rules, the CAMEO dictionary and the sentence's words say.

The rules find that an event happened and who took part (the parse); the model decides what
kind of event it is, from features that generalise beyond the lexicons: the types the lexicons
and the CAMEO patterns give the governing verbs, their modals and negation, their objects and
prepositions, the sentence's content words. scripts/train_event_types.py makes the weights
(`data/event_types.json`, read offline with numpy alone) from the PLOVER development sentences
(CC BY-SA 4.0) and our own coded sentences (data/labels/, with NONE for sentences that tell no
political event). The model retypes a rule's event only where it disagrees with probability
`RETYPE_PROBABILITY` or more, and types a sentence no rule types only where a governing verb is
in the CAMEO dictionary and it is `TYPE_PROBABILITY` sure of an event.

Trained on 971 sentences (the 159 development ones, three quarters of our 1,082), it moves
little (bench/events.py: PLV 0.532 -> 0.539; the cross-validated development figure moves by a
sentence either way; no change on our held-back labels); lower thresholds retyped sound
decisions on other text ("Pieter van Dalen's arrest" as RETREAT). More labels of our own are
what it needs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from newsgraph.nlp.events import rules
from newsgraph.nlp.events.cameo import VerbTypes, cameo
from newsgraph.records import Event

MODEL_FILE = Path(__file__).with_name("data") / "event_types.json"
# Modals the model sees: those that hedge an event, and "will", which announces one.
MODALS = rules.MODALS | {"will"}
RETYPE_PROBABILITY = 0.6
# Where no rule fires but a governing verb is in the CAMEO dictionary, the model may type the
# sentence when it is at least this sure it tells an event, and of which type.
TYPE_PROBABILITY = 0.3
NO_EVENT = "NONE"


def sentence_features(sent: Span, events: list[Event], verbs: VerbTypes) -> dict[str, float]:
    """What the model sees of a sentence: the rules' types, the dictionary's types of the
    governing verbs (`cameo.typed_verbs`), their modals, negation, objects and prepositions, the
    content words."""
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
        features[f"verb{place}={verb.lower_}"] = 1.0
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in MODALS:
                features[f"modal={child.lower_}"] = 1.0
            elif child.dep_ == "neg":
                features["negated"] = 1.0
            elif child.dep_ in ("dobj", "prep", "xcomp"):
                features[f"{child.dep_}={child.lower_}"] = 1.0
    for token in sent:
        if token.pos_ in ("VERB", "NOUN") and not token.is_stop:
            features[f"word={token.lower_}"] = 0.5
    return features


@dataclass(frozen=True)
class EventTypeModel:
    """A multinomial logistic regression: classes, feature index, weights, intercepts."""

    classes: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # classes x features
    intercepts: np.ndarray

    def predict(self, features: dict[str, float]) -> tuple[str, float]:
        """The most probable type and its probability."""
        scores = self.intercepts.copy()
        for name, value in features.items():
            column = self.index.get(name)
            if column is not None:
                scores += self.weights[:, column] * value
        scores -= scores.max()
        probabilities = np.exp(scores) / np.exp(scores).sum()
        best = int(probabilities.argmax())
        return self.classes[best], float(probabilities[best])

    @classmethod
    def from_dict(cls, data: dict) -> EventTypeModel:
        return cls(
            tuple(data["classes"]),
            {name: i for i, name in enumerate(data["features"])},
            np.array(data["weights"], dtype=float),
            np.array(data["intercepts"], dtype=float),
        )


def retyped(events: list[Event], sentences: list[tuple[Span, VerbTypes]]) -> list[Event]:
    """Each sentence's governing event as the learned model types it, where it disagrees with
    the rules and is sure enough (see the module docstring)."""
    model = current_model()
    if model is None or not events:
        return events
    by_sentence: dict[int, list[int]] = {}
    for i, event in enumerate(events):
        by_sentence.setdefault(event.sentence.start, []).append(i)
    for sent, verbs in sentences:
        members = by_sentence.get(sent.start_char)
        if not members:
            continue
        predicted, probability = model.predict(sentence_features(sent, [events[i] for i in members], verbs))
        governing = {verb.idx for verb, _ in verbs}
        target = next((i for i in members if events[i].trigger.start in governing), members[0])
        if predicted not in (events[target].type, NO_EVENT) and probability >= RETYPE_PROBABILITY:
            events[target] = replace(events[target], type=predicted, mode=None, confidence=round(probability, 2))
    return events


_override: list[EventTypeModel | None] = []


@lru_cache(maxsize=1)
def _shipped() -> EventTypeModel | None:
    if not MODEL_FILE.exists():
        return None
    return EventTypeModel.from_dict(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def current_model() -> EventTypeModel | None:
    return _override[-1] if _override else _shipped()


@contextmanager
def using_model(model: EventTypeModel | None) -> Iterator[None]:
    """Analyse with another model, or with none (the rules' types alone): for training on the
    rules' output and for cross-validating without the shipped weights."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


def dictionary_type(sent: Span, verbs: VerbTypes) -> tuple[Token, str, float] | None:
    """For a sentence no rule types: its first governing verb in the CAMEO dictionary, and the
    type the model gives the sentence with its probability, where it is sure enough that the
    sentence tells an event."""
    model = current_model()
    if model is None or NO_EVENT not in model.classes:
        return None
    known = next((verb for verb, _ in verbs if cameo().lemma(verb.text)), None)
    if known is None:
        return None
    predicted, probability = model.predict(sentence_features(sent, [], verbs))
    return (known, predicted, probability) if predicted != NO_EVENT and probability >= TYPE_PROBABILITY else None
