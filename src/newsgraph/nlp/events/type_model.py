"""The learned event decision: whether a sentence tells a political event (detection), and of
which PLOVER type (typing), by two linear models over what the parse, the words, the lexicons
and the CAMEO dictionary say of it (`features`).

The rules find that an event happened and who took part (the parse gives actor and recipient);
the models decide, where they are sure, what kind of event it is, and whether a sentence no rule
types tells one at all. Detection and typing are trained and calibrated apart: the detector on
every labelled sentence (an event, or NONE), the typer on the sentences that tell an event, so
that the many NONE sentences of real news do not drown the rarer types.
scripts/train_event_types.py makes the weights (`data/event_types.json`, read offline with
numpy alone) from the PLOVER development sentences (CC BY-SA 4.0) and our own coded sentences
(data/labels/), and picks the thresholds by cross-validation.

A rule's event is retyped where the typer disagrees with probability `retype` or more
(`retype_strong` for an event of our lexicons, a trigger or an event noun, rather than of the CAMEO
dictionary alone: the typer learned some habits of a few sources, as "withdrew" for a candidate
quitting a race, and should not overrule a clear trigger on a weaker hunch), and left
out where the detector gives its sentence less than `drop` (the lexicons fire on product copy and
recipes as readily as on news); a sentence no rule types gets the typer's type where the detector
is `detect` sure it tells an event. Negated events and acts of countries are never dropped
(`undroppable`). The thresholds are chosen by cross-validation in the training script.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Span, Token

from newsgraph.nlp.events.cameo import VerbTypes
from newsgraph.nlp.events.features import sentence_features, weighted
from newsgraph.nlp.events.rules import DICTIONARY_CONFIDENCE
from newsgraph.records import Event

MODEL_FILE = Path(__file__).with_name("data") / "event_types.json"
NO_EVENT = "NONE"


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression: one row of weights per class (or one row for two classes, the
    second class's log-odds), a feature index, intercepts."""

    classes: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # rows x features
    intercepts: np.ndarray

    def probabilities(self, features: dict[str, float]) -> np.ndarray:
        known = [(column, value) for name, value in features.items() if (column := self.index.get(name)) is not None]
        scores = self.intercepts.astype(float)
        if known:
            columns, values = zip(*known, strict=True)
            scores = scores + self.weights[:, list(columns)] @ np.array(values)
        if len(self.classes) == 2 and len(scores) == 1:
            second = 1.0 / (1.0 + math.exp(-float(scores[0])))
            return np.array([1.0 - second, second])
        scores = scores - scores.max()
        exp = np.exp(scores)
        return np.asarray(exp / exp.sum())

    def predict(self, features: dict[str, float]) -> tuple[str, float]:
        """The most probable class and its probability."""
        probabilities = self.probabilities(features)
        best = int(probabilities.argmax())
        return self.classes[best], float(probabilities[best])

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        return cls(
            tuple(data["classes"]),
            {name: i for i, name in enumerate(data["features"])},
            np.array(data["weights"], dtype=float),
            np.array(data["intercepts"], dtype=float),
        )


@dataclass(frozen=True)
class EventModel:
    """Detection (an event or NONE) and typing (which of the PLOVER types), with the inverse
    document frequencies of the n-grams both read, and the thresholds cross-validation chose."""

    detector: LinearModel | None
    typer: LinearModel
    idf: dict[str, float] = field(default_factory=dict)
    detect: float = 0.5
    retype: float = 0.6
    drop: float = 0.0
    retype_strong: float = 0.9

    def retype_threshold(self, event: Event) -> float:
        by_lexicon = event.confidence is not None and event.confidence > DICTIONARY_CONFIDENCE
        return self.retype_strong if by_lexicon else self.retype

    def weighted(self, features: dict[str, float]) -> dict[str, float]:
        return weighted(features, self.idf)

    def event_probability(self, features: dict[str, float]) -> float:
        if self.detector is None:
            return 1.0
        probabilities = self.detector.probabilities(features)
        return 1.0 - float(probabilities[self.detector.classes.index(NO_EVENT)])

    def type_of(self, features: dict[str, float]) -> tuple[str, float]:
        return self.typer.predict(features)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventModel:
        return cls(
            LinearModel.from_dict(data["detector"]) if data.get("detector") else None,
            LinearModel.from_dict(data["typer"]),
            dict(data.get("idf", {})),
            float(data.get("thresholds", {}).get("detect", 0.5)),
            float(data.get("thresholds", {}).get("retype", 0.6)),
            float(data.get("thresholds", {}).get("drop", 0.0)),
            float(data.get("thresholds", {}).get("retype_strong", 0.9)),
        )


def undroppable(event: Event) -> bool:
    """Kept whatever the detector says: a negated event (our coders code an act told as not done
    NONE, so the detector learned to doubt it, while newsgraph keeps it, marked negated), and an
    act of a country (states acting are political news whatever the words; the detector learned
    from product pages that "provided ... with" is mostly copy)."""
    actor = event.actor.entity_id if event.actor else None
    return event.negated or bool(actor and actor.startswith("country:"))


def retyped(events: list[Event], sentences: list[tuple[Span, VerbTypes]]) -> list[Event]:
    """Each sentence's governing event as the typer types it, where it disagrees with the rules
    and is sure enough; a sentence's events left out where the detector is sure it tells none
    (see the module docstring)."""
    model = current_model()
    if model is None or not events:
        return events
    by_sentence: dict[int, list[int]] = {}
    for i, event in enumerate(events):
        by_sentence.setdefault(event.sentence.start, []).append(i)
    dropped: set[int] = set()
    for sent, verbs in sentences:
        members = by_sentence.get(sent.start_char)
        if not members:
            continue
        features = model.weighted(sentence_features(sent, [events[i] for i in members], verbs))
        if model.drop > 0 and model.event_probability(features) < model.drop:
            dropped.update(i for i in members if not undroppable(events[i]))
            continue
        predicted, probability = model.type_of(features)
        governing = {verb.idx for verb, _ in verbs}
        target = next((i for i in members if events[i].trigger.start in governing), members[0])
        if predicted not in (events[target].type, NO_EVENT) and probability >= model.retype_threshold(events[target]):
            events[target] = replace(events[target], type=predicted, mode=None, confidence=round(probability, 2))
    return [event for i, event in enumerate(events) if i not in dropped]


def learned_type(sent: Span, verbs: VerbTypes) -> tuple[Token, str, float] | None:
    """For a sentence no rule types: its first governing verb, and the type the typer gives the
    sentence with the detector's probability, where the detector is sure it tells an event."""
    model = current_model()
    if model is None or model.detector is None or not verbs:
        return None
    features = model.weighted(sentence_features(sent, [], verbs))
    probability = model.event_probability(features)
    if probability < model.detect:
        return None
    predicted, _ = model.type_of(features)
    return (verbs[0][0], predicted, probability) if predicted != NO_EVENT else None


_override: list[EventModel | None] = []


@lru_cache(maxsize=1)
def _shipped() -> EventModel | None:
    if not MODEL_FILE.exists():
        return None
    return EventModel.from_dict(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def current_model() -> EventModel | None:
    return _override[-1] if _override else _shipped()


@contextmanager
def using_model(model: EventModel | None) -> Iterator[None]:
    """Analyse with another model, or with none (the rules' types alone): for training on the
    rules' output and for cross-validating without the shipped weights."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()
