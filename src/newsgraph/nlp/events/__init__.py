"""Events: who did what to whom, when and where, typed in the PLOVER ontology.

Produces `doc._.events`, a list of `Event` records: type, trigger, actor, recipient, place,
dates, mode and context, negation, hedging, the claim that reports it, a `confidence`. Reads the
`Doc` after the parser, its dates (`doc._.dates`), claims (`doc._.claims`) and entity links, so
it runs last of the wings. Entry point: the spaCy component `newsgraph_events` (`find_events`).

Inside: `finder` (the component: triggers, arguments, places and dates, the day of reporting
where the sentence gives none), `rules` (the PLOVER lexicons, kept as data), `modality`
(negated, hedged, demanded, generic), `mentions` (one event told twice in
an article is one event with two mentions), `cameo` (the CAMEO verb-pattern dictionary,
`data/cameo_verbs.json`), `features` (what the learned models see of a sentence: parse, n-grams,
the rules' and the dictionary's types), `type_model` (the learned detection and typing,
`data/event_types.json`, trained by scripts/train_event_types.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.nlp.exports import load_on_use

if TYPE_CHECKING:
    from newsgraph.nlp.events.cameo import typed_verbs
    from newsgraph.nlp.events.features import NGRAM, sentence_features, weighted
    from newsgraph.nlp.events.finder import find_events
    from newsgraph.nlp.events.rules import DICTIONARY_CONFIDENCE
    from newsgraph.nlp.events.type_model import (
        MODEL_FILE,
        EventModel,
        LinearModel,
        current_model,
        undroppable,
        using_model,
    )
else:  # each name imported from its module when first asked for
    __getattr__ = load_on_use(__name__, __file__)

__all__ = [
    "DICTIONARY_CONFIDENCE",
    "MODEL_FILE",
    "NGRAM",
    "EventModel",
    "LinearModel",
    "current_model",
    "find_events",
    "sentence_features",
    "typed_verbs",
    "undroppable",
    "using_model",
    "weighted",
]
