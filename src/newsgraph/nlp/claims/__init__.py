"""Claims: who says what, through which channel, named or not, and how sure we are of it.

Produces `doc._.claims`, a list of `Claim` records: direct and mixed quotations, reported
speech, stances, "according to", reports, transcript labels; each with its speaker (name,
entity, role, organisation, anonymous or not), channel, the evidence as offsets (`cue_span`,
`source`), a `confidence`, and broken attribution flagged. Reads the `Doc` after NER and the
parser, and the entity links (`newsgraph.nlp.entities.entity_maps`) to give a speaker its id.
Entry point: the spaCy component `newsgraph_claims` (`find_claims`).

Inside: `finder` (the component: which sentences hold a claim, whose), `cues` and `rules` (the
words that attribute, kept as data), `shapes` and `spans` (the shapes of attribution and where
a claim's words begin and end), `quotations`, `quote_chains` and `quote_speakers` (quotation
marks, quotations that go on, speakers named without a verb), `pronouns` ("he", "she", and
the "it" or "they" that speaks; first names' genders learned from news, `data/first_names.tsv`,
by scripts/build_name_genders.py), `not_claims` (what looks like an attribution and is none),
`cue_model` (the learned cue: verbs beyond the lexicons that attribute, trained by
scripts/train_cue_model.py on our own labels, weights in `data/cue_model.json`),
`roles` (the role a person is introduced with), `evidence` (offsets and confidence), `words`
(a claim's speaker in plain words, for the CLI and the web pages).

Also exported for scripts/train_cue_model.py: the learned cue's candidates, features and weights
file, and `is_cue` (the lexicons' test). Also exported for the other wings: the verbs of saying
(`SPEECH_VERBS`, which are no events), `HEDGES`, `OUTLET_TAIL_WORDS` and `verb_lemmas`, the
base forms of an inflected verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.nlp.exports import load_on_use

if TYPE_CHECKING:
    from newsgraph.nlp.claims.cue_model import CUE_MODEL_FILE, cue_candidates, cue_features
    from newsgraph.nlp.claims.cues import is_cue, verb_lemmas
    from newsgraph.nlp.claims.finder import find_claims
    from newsgraph.nlp.claims.pronouns import FEMALE_TITLES, MALE_TITLES, PersonGenders, pronoun_gender
    from newsgraph.nlp.claims.quotations import quote_spans
    from newsgraph.nlp.claims.rules import HEDGES, OUTLET_TAIL_WORDS, SPEECH_VERBS
    from newsgraph.nlp.claims.words import claim_in_words, confidence_label, confidence_word
else:  # each name imported from its module when first asked for
    __getattr__ = load_on_use(__name__, __file__)

__all__ = [
    "CUE_MODEL_FILE",
    "FEMALE_TITLES",
    "HEDGES",
    "MALE_TITLES",
    "OUTLET_TAIL_WORDS",
    "SPEECH_VERBS",
    "PersonGenders",
    "claim_in_words",
    "confidence_label",
    "confidence_word",
    "cue_candidates",
    "cue_features",
    "find_claims",
    "is_cue",
    "pronoun_gender",
    "quote_spans",
    "verb_lemmas",
]
