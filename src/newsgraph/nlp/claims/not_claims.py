"""What looks like an attribution and is none: a cue verb whose sentence tells what someone wants,
decides or knows in the narrator's words, an empty "it", a product's features, a question put to
someone. Each filter is one phenomenon of news prose, named for it; `finder` asks `not_a_claim`
before it stores a claim of a cue verb.

Measured on our labelled pronoun claims of real news (bench/speakers.py): before these filters,
every one of 126 sentences our coders judged no claim was stored as one.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.claims import rules
from newsgraph.nlp.claims.cues import lemma_of
from newsgraph.nlp.claims.pronouns import body_for_pronoun

# Wishes, decisions and knowledge: told by the narrator, they are no one's statement ("he wanted
# to be shot", "she decided to rehire her lawyer", "they know how to get help"). A verb of
# saying or of belief ("said", "believed") stays a cue, and so do refusals, findings and stances
# ("refused to endorse", "the court found", "backed Clinton"): PolNeAR's coders count them.
NARRATED_LEMMAS = frozenset(
    {
        "want", "wish", "prefer", "decide", "plan", "intend", "aim", "seek", "offer", "consider",
        "know", "understand", "learn", "realize", "feel", "remind",
    }
)  # fmt: skip
# Pronouns that, unlike "he" and "she", stand as readily for a product, a place or people in
# general as for a speaker ("it supports wireless charging", "they say there are 6,000 languages").
THING_PRONOUNS = frozenset({"it", "they"})
# The narrator's past ("wanted", "had decided", "declining"): a present "plans to", "wants" is
# how news reports a stated intention, and PolNeAR's coders count it as one.
NARRATIVE_TAGS = frozenset({"VBD", "VBN", "VBG"})


def not_a_claim(verb: Token, subject: Token | None) -> str | None:
    """Why the cue `verb` with `subject` attributes nothing, or None when it may."""
    if subject is not None and empty_it(verb, subject):
        return "empty_it"
    if subject is not None and no_one(subject):
        return "no_one"
    if expected_of(verb):
        return "expected"
    if narrated_state(verb):
        return "narrated_state"
    if subject is not None and thing_pronoun(verb, subject):
        return "thing_pronoun"
    if narrated_participle(verb):
        return "participle"
    return None


# Cue verbs of the mind: what they attribute is held, not said.
MIND_LEMMAS = frozenset(
    {
        "believe", "think", "know", "feel", "expect", "hope", "fear", "worry", "wonder", "doubt",
        "suspect", "understand", "learn", "realize", "recognize", "assume", "guess", "imagine",
    }
)  # fmt: skip


def speaks(verb: Token) -> bool:
    """A verb of saying, writing, reporting or arguing (not of knowing, wanting or showing)."""
    lemma = lemma_of(verb)
    if verb.lower_ in rules.SPEECH_VERBS or lemma in rules.QUOTING_LEMMAS or lemma in rules.REPORT_LEMMAS:
        return True
    return lemma in rules.CUE_LEMMAS and lemma not in NARRATED_LEMMAS and lemma not in MIND_LEMMAS


def thing_pronoun(verb: Token, subject: Token) -> bool:
    """An "it" or "they" that stands for no speaker named before it, with a verb that does not
    speak: a product's features, people in general ("they say there are 6,000 languages" stays:
    "say" speaks)."""
    if subject.lower_ not in THING_PRONOUNS or speaks(verb):
        return False
    return body_for_pronoun(subject.doc, subject.i, subject.lower_) is None


def no_one(subject: Token) -> bool:
    """"No-one said", "nobody claimed": a statement no one made."""
    if subject.lower_ in ("nobody", "none", "noone"):
        return True
    if subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children):
        return True
    following = "".join(t.lower_ for t in subject.doc[subject.i : subject.i + 3] if t.dep_ == subject.dep_)
    return following.replace("-", "") == "noone"  # the parser splits "No-one" into three subjects


def expected_of(verb: Token) -> bool:
    """"She is expected to be arraigned on Monday": what is due, in the narrator's words; the
    subject is who it will happen to, not who expects it."""
    return (
        lemma_of(verb) == "expect"
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def empty_it(verb: Token, subject: Token) -> bool:
    """"It's worth noting that", "it is important to understand": an "it" that names no one, the
    subject of a predicate the cue hangs from, not of the cue itself."""
    if subject.lower_ != "it":
        return False
    return subject.dep_ == "expl" or (subject.head is not verb and verb.tag_ in ("VB", "VBG"))


def narrated_state(verb: Token) -> bool:
    """A wish, decision or piece of knowledge told in the narrator's words: the verb is not one of
    saying, and what it governs is an infinitive, a "wh" clause or a thing ("wanted to be shot",
    "understood how ...", "wants the job"), not a "that" clause someone holds."""
    lemma = lemma_of(verb)
    if lemma not in NARRATED_LEMMAS or verb.tag_ not in NARRATIVE_TAGS or holds_that_clause(verb):
        return False  # "knew that ...": what someone holds true
    for child in verb.children:
        if child.dep_ == "ccomp" and not any(c.tag_ in ("WDT", "WP", "WRB") for c in child.subtree):
            return lemma == "want"  # "felt he had to" is a belief; "wanted you to know" a wish
    return True


def holds_that_clause(verb: Token) -> bool:
    """The verb governs a "that" clause: a proposition someone holds ("knew that ...")."""
    return any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children) for c in verb.children)


def narrated_participle(verb: Token) -> bool:
    """A participle hung on another clause that tells what its subject does, not what they say
    ("declining to reveal who", "expecting a child", "Asked where he was, ...")."""
    if verb.dep_ == "xcomp" and verb.head.tag_ == "VBG":
        verb = verb.head  # "declining to reveal who ...": the participle tells what is done
    if verb.tag_ not in ("VBG", "VBN") or verb.dep_ not in ("advcl", "acl", "xcomp"):
        return False
    lemma = lemma_of(verb)
    if verb.tag_ == "VBN":
        return lemma == "ask"  # "Asked where ...": a question put to the subject, not their words
    return (lemma in NARRATED_LEMMAS or lemma in ("expect", "decline")) and not holds_that_clause(verb)
