"""Whether an event happened as told: negated ("did not sign", "refused to sign"), hedged
("reportedly", "could help", "if they sign"), or only demanded ("urged China to release").
Used by `finder`."""

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
