"""Whether an event happened as told: negated ("did not sign", "refused to sign"), hedged
("reportedly", "could help", "if they sign"), only demanded ("urged China to release"), or no
event at all: what happens in general ("when a citizen is arrested abroad"). (What a page asks
its reader to do, "Join us ...", names no actor, and an event needs one.) Used by `finder`."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.claims import HEDGES, verb_lemmas
from newsgraph.nlp.events import rules


def demanded(verb: Token) -> bool:
    """A verb inside a demand ("demanded that Israel withdraw", "urged China to release")."""
    head = verb
    for _ in range(2):
        if head.dep_ not in ("xcomp", "ccomp") or head.head is head:
            return False
        head = head.head
        if verb_lemmas(head.text) & rules.DEMAND_BASES:
            return True
    return False


def negated(trigger: Token) -> bool:
    """ "did not agree", "neither ... nor", and a failed or refused act ("failing to support
    them", "refused to sign")."""
    words = [c for c in trigger.children] + ([c for c in trigger.head.children] if trigger.dep_ == "conj" else [])
    if any(c.dep_ in ("neg", "preconj") and c.lower_ in rules.NEGATIONS for c in words):
        return True
    return trigger.dep_ == "xcomp" and bool(verb_lemmas(trigger.head.text) & rules.FAILING_VERBS)


def hedged(trigger: Token, sentence: str) -> bool:
    """Not told as a fact: "reportedly", "allegedly" in its `sentence` (lower case); a modal
    ("could help", "would be swayed to support"); a condition ("if they sign")."""
    if any(h in sentence for h in HEDGES):
        return True
    verb = trigger
    for _ in range(3):  # the trigger, and the verbs it is the complement of
        if any(c.dep_ == "aux" and c.lower_ in rules.MODALS for c in verb.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or verb.head is verb:
            break
        verb = verb.head
    return False


GENERIC_MARKS = frozenset({"when", "whenever", "if", "once", "unless", "until"})
INDEFINITE = frozenset({"a", "an", "any", "every", "each"})


def generic(trigger: Token) -> bool:
    """An act told as what happens in general, not as something that happened: a present-tense
    clause of "when" or "if" whose participant is anyone ("when a citizen is arrested abroad",
    "if any member attacks")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in GENERIC_MARKS for c in verb.children):
        return False
    present = verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )
    participants = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    anyone = any(any(d.dep_ == "det" and d.lower_ in INDEFINITE for d in p.children) for p in participants)
    return present and anyone
