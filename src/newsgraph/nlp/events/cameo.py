"""PLOVER types from the CAMEO verb-pattern dictionary: what a verb does, read off the words
around it ("reached a consensus" is AGREE, "launched a mediation effort" CONSULT, "took control
of the house" no event).

The data (`data/cameo_verbs.json`, built by scripts/build_cameo.py) is PETRARCH 2's CAMEO.2.0
dictionary (MIT) mapped through PLOVER's CAMEO2PLOVER-2021 table (CC BY-SA 4.0); see
`data/CAMEO-NOTICE.md`. A verb's patterns name words that must stand before it (its subject
side) and after it (its object side, prepositions included); the pattern that needs the most
words and finds them all decides, and a verb none of whose patterns matches takes its default.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from newsgraph.nlp.claims import SPEECH_VERBS, verb_lemmas

DATA = Path(__file__).with_name("data") / "cameo_verbs.json"


@dataclass(frozen=True)
class CameoType:
    """A PLOVER type and mode, and whether a pattern (not the verb's default) gave it."""

    type: str
    mode: str | None
    by_pattern: bool


@dataclass(frozen=True)
class _Pattern:
    """Words needed before and after the verb, each a synonym set's name ("&TREATY") or the
    normalised words of one entry; `needed` counts the entries."""

    before: tuple[str | tuple[str, ...], ...]
    after: tuple[str | tuple[str, ...], ...]
    coded: tuple[str, str | None] | None
    needed: int


class CameoDictionary:
    def __init__(self, data: dict) -> None:
        self.synsets: dict[str, list[tuple[str, ...]]] = {
            name: [tuple(_norm(w) for w in member.split()) for member in members]
            for name, members in data["synsets"].items()
        }
        # Patterns that name a thing, most words first: the first that matches is the one that
        # needs the most words (file order among equals).
        self.blocks = [
            (
                tuple(block["default"]) if block["default"] else None,
                sorted(
                    (_pattern(b, a, c) for b, a, c in block["patterns"] if _has_content((*b, *a))),
                    key=lambda pattern: -pattern.needed,
                ),
            )
            for block in data["blocks"]
        ]
        self.verbs: dict[str, tuple[int, tuple[str, str | None] | None]] = {}
        self.forms: dict[str, str] = {}
        for name, verb in data["verbs"].items():
            self.verbs[name] = (verb["block"], tuple(verb["default"]) if verb["default"] else None)
            for form in verb["forms"]:
                self.forms.setdefault(form, name)

    def lemma(self, word: str) -> str | None:
        lowered = word.lower()
        if lowered in self.forms:
            return self.forms[lowered]
        return next((form for form in sorted(verb_lemmas(word)) if form in self.verbs), None)

    def type_of(self, verb: Token) -> CameoType | None:
        """The PLOVER type the dictionary gives this verb in its sentence, or None."""
        lemma = self.lemma(verb.text)
        if lemma is None or verb.lower_ in SPEECH_VERBS:
            return None  # what is said is typed by its own verb, never by "said"
        block, own = self.verbs[lemma]
        default, patterns = self.blocks[block]
        right: set[str] = set()
        left: set[str] = set()
        for token in verb.subtree:
            if token.i != verb.i:
                (right if token.i > verb.i else left).add(_norm(token.text))
        for pattern in patterns:
            if self._all_in(pattern.after, right) and self._all_in(pattern.before, left):
                coded = pattern.coded
                return CameoType(coded[0], coded[1], True) if coded else None
        coded = own or default
        return CameoType(coded[0], coded[1], False) if coded else None

    def _all_in(self, entries: tuple[str | tuple[str, ...], ...], present: set[str]) -> bool:
        for entry in entries:
            if isinstance(entry, str):  # a synonym set: one of its members, all of its words
                if not any(all(w in present for w in member) for member in self.synsets.get(entry, [])):
                    return False
            elif not all(w in present for w in entry):
                return False
        return True


def _pattern(before: list[str], after: list[str], coded: list[str | None] | None) -> _Pattern:
    def entries(words: list[str]) -> tuple[str | tuple[str, ...], ...]:
        return tuple(w if w.startswith("&") else tuple(_norm(part) for part in w.split()) for w in words)

    plover = (str(coded[0]), coded[1]) if coded else None
    return _Pattern(entries(before), entries(after), plover, len(before) + len(after))


def _has_content(words: tuple[str, ...]) -> bool:
    """A pattern that names a thing, not only prepositions and particles: "* (TO)" alone says
    too little ("comes to", "led to")."""
    return any(w.startswith("&") or w not in FUNCTION_WORDS for w in words)


FUNCTION_WORDS = frozenset(
    {
        "to", "in", "on", "at", "of", "for", "with", "by", "from", "into", "onto", "up", "down", "out", "off",
        "over", "back", "away", "about", "against", "after", "before", "through", "across", "around", "the",
        "a", "an", "it", "them", "him", "her", "not", "no", "as", "and", "that", "this", "there", "together",
    }
)


def _norm(word: str) -> str:
    """Lower case without a plural -s, so that "talks" meets "TALK"."""
    lowered = word.lower()
    return lowered[:-1] if len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith("ss") else lowered


@lru_cache(maxsize=1)
def cameo() -> CameoDictionary:
    return CameoDictionary(json.loads(DATA.read_text(encoding="utf-8")))


def governing_verbs(sent: Span) -> list[Token]:
    """The verbs that say what a sentence reports, governing one first: the main verb, or under
    a verb of saying the verb of what was said; then the verbs each governs ("agreed to set up",
    "met and signed")."""
    roots = [t for t in sent if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    chain: list[Token] = []
    for root in roots:
        said = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB"]
        chain += ([said[0]] if root.lower_ in SPEECH_VERBS and said else []) + [root]
    verbs: list[Token] = []
    for verb in chain:
        verbs.append(verb)
        verbs += [c for c in verb.children if c.dep_ in ("xcomp", "conj") and c.pos_ == "VERB"]
    return verbs


VerbTypes = list[tuple[Token, CameoType | None]]


def typed_verbs(sent: Span) -> VerbTypes:
    """The sentence's governing verbs, each with the type the dictionary gives it: read once per
    sentence, for the dictionary's events and the learned model alike."""
    return [(verb, cameo().type_of(verb)) for verb in governing_verbs(sent)]
