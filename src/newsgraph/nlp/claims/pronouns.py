"""Who "he" and "she" are: the nearest person named before whose gender, as the text shows it,
does not contradict the pronoun; and what a speaking "it" or "they" stands for.

A person's gender is read from the text: a title before the name (Mr, Mrs, Ms, Sir, Queen...),
a gendered role next to it ("the actress", "his daughter X", "X, a spokeswoman"), or a
possessive pronoun later in a sentence where that person is the only one named ("X said
his ..."); where the text shows none, the gender news shows for the first name
(`data/first_names.tsv`, learned by scripts/build_name_genders.py). Unknown never rules a
person out; known and different always does: "Mr Anderson ... his daughter Emma ... he told the
jury" goes to Mr Anderson.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "father", "brother", "uncle", "duke"})
FEMALE_TITLES = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen", "princess", "sister", "aunt", "duchess"}
)
MALE_NOUNS = frozenset(
    {"man", "boy", "son", "father", "husband", "brother", "actor", "chairman", "spokesman", "congressman",
     "businessman", "grandfather", "uncle", "nephew", "king", "prince", "gentleman", "boyfriend"}
)
FEMALE_NOUNS = frozenset(
    {"woman", "girl", "daughter", "mother", "wife", "sister", "actress", "chairwoman", "spokeswoman",
     "congresswoman", "businesswoman", "grandmother", "aunt", "niece", "queen", "princess", "lady",
     "girlfriend", "widow"}
)
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
# How far back a pronoun looks for its person, in sentences.
MAX_SENTENCES_BACK = 6
# How far back a subject is salient enough to win over a nearer name in another role.
SALIENT_SENTENCES_BACK = 2


FIRST_NAMES = Path(__file__).with_name("data") / "first_names.tsv"


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First name (lower case) -> "m" or "f", as news shows it (scripts/build_name_genders.py)."""
    if not FIRST_NAMES.exists():
        return {}
    rows = (line.split("\t") for line in FIRST_NAMES.read_text(encoding="utf-8").splitlines() if line[:1] != "#")
    return {row[0]: row[1] for row in rows if len(row) >= 2}


def pronoun_gender(word: str) -> str | None:
    lowered = word.lower()
    return "m" if lowered in MALE_PRONOUNS else "f" if lowered in FEMALE_PRONOUNS else None


class PersonGenders:
    """The gender the text shows for each person (by surname key), read once per document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.genders: dict[str, str] = {}
        people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        self._full_names = {self.key(e) for e in people if len(e) > 1}
        for ent in people:
            found = self._from_context(ent)
            if found:
                self.genders.setdefault(self.key(ent), found)
        for sent in doc.sents:
            named = [e for e in people if sent.start <= e.start < sent.end]
            keys = {self.key(e) for e in named}
            if len(keys) != 1:
                continue
            after = [t for t in doc[named[0].end : sent.end] if t.dep_ == "poss" or t.lower_ in ("himself", "herself")]
            shown = {g for t in after if (g := pronoun_gender(t.text)) is not None}
            if len(shown) == 1:
                self.genders.setdefault(keys.pop(), shown.pop())

    @staticmethod
    def key(ent: Span) -> str:
        return " ".join(t.lower_ for t in ent if t.lower_ not in ("'s", "’s"))

    def of(self, ent: Span) -> str | None:
        """The gender shown for this name; a lone surname takes the gender its full names
        agree on ("Anderson" after "Mr Anderson", not after "Emma Anderson" too); where the text
        shows none, the gender news shows for the first name (`first_name_genders`)."""
        key = self.key(ent)
        if key in self.genders:
            return self.genders[key]
        if " " in key:
            return first_name_genders().get(key.split()[0])
        shown = {g for name, g in self.genders.items() if name.endswith(" " + key)}
        if not shown:
            full = {p for p in self._full_names if p.endswith(" " + key)}
            shown = {g for name in full if (g := first_name_genders().get(name.split()[0])) is not None}
        return shown.pop() if len(shown) == 1 else None

    def _from_context(self, ent: Span) -> str | None:
        doc = self.doc
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if before in MALE_TITLES:
            return "m"
        if before in FEMALE_TITLES:
            return "f"
        window = [t.lower_ for t in doc[max(0, ent.start - 3) : ent.start]]
        window += [t.lower_ for t in doc[ent.end : min(len(doc), ent.end + 4)] if t.sent == ent.sent]
        if any(w in MALE_NOUNS for w in window) and not any(w in FEMALE_NOUNS for w in window):
            return "m"
        if any(w in FEMALE_NOUNS for w in window) and not any(w in MALE_NOUNS for w in window):
            return "f"
        return None


def person_for_pronoun(doc: Doc, index: int, pronoun: str, genders: PersonGenders) -> Span | None:
    """The person before token `index` that the pronoun can refer to: the nearest one who was
    the subject of a recent sentence ("Smith attacked Jones on Monday. 'Q,' he said" is Smith's),
    else the one person named before; where several could be meant, no one (measured on our
    labelled pronoun claims: guessing the nearest then was wrong as often as right)."""
    wanted = pronoun_gender(pronoun)
    candidates = []
    for ent in reversed(doc.ents):
        if ent.end > index or ent.label_ != "PERSON":
            continue
        if ent.start < _sentences_back(doc, index, MAX_SENTENCES_BACK):
            break
        known = genders.of(ent)
        if wanted is None or known is None or known == wanted:
            candidates.append(ent)
    recent = _sentences_back(doc, index, SALIENT_SENTENCES_BACK)
    subjects = [e for e in candidates if e.start >= recent and _is_subject(e)]
    if subjects:
        return subjects[0]
    people = {genders.key(e).split()[-1] for e in candidates}
    # No recent subject, and more than one person it could be: left unresolved, not guessed.
    return candidates[0] if len(people) == 1 else None


def _sentences_back(doc: Doc, index: int, count: int) -> int:
    first_sentence = doc[index].sent.start
    for _ in range(count):
        if first_sentence == 0:
            break
        first_sentence = doc[first_sentence - 1].sent.start
    return first_sentence


def _is_subject(ent: Span) -> bool:
    """A subject, or the name in a subject phrase ("the party's leader, Ana Ruiz, said")."""
    root = ent.root
    for _ in range(2):
        if root.dep_ in ("nsubj", "nsubjpass"):
            return True
        if root.dep_ not in ("appos", "compound") or root.head is root:
            return False
        root = root.head
    return False


# Labels of the names an "it" or a "they" can stand for when it speaks: an organisation ("the
# ministry said it ..."), and for "they" a people or a group named as one ("the Democrats").
BODY_LABELS = {"it": ("ORG",), "they": ("ORG", "NORP")}
# Nouns of bodies and documents that speak as "it" ("The ministry published its report. It also
# cited ...").
SPEAKING_NOUNS = frozenset(
    {
        "ministry", "department", "agency", "government", "company", "firm", "bank", "court",
        "council", "committee", "board", "commission", "party", "campaign", "union", "group",
        "organisation", "organization", "office", "administration", "authority", "police",
        "report", "study", "survey", "poll", "statement", "letter", "complaint", "lawsuit",
        "indictment", "ruling", "review", "audit", "investigation", "inquiry", "paper", "newspaper",
    }
)  # fmt: skip


def body_for_pronoun(doc: Doc, index: int, pronoun: str) -> Span | None:
    """What a speaking "it" or "they" at token `index` stands for: the subject of its own or the
    two sentences before that is an organisation ("it") or an organisation, a people or a plural
    noun ("they": "police", "the researchers"), or a body or document named by a noun ("it": "the
    ministry", "the report"), the nearest first. Where two different ones are as near (two
    subjects of one sentence), no one: better unresolved than guessed."""
    labels = BODY_LABELS.get(pronoun.lower())
    if labels is None:
        return None
    first = _sentences_back(doc, index, SALIENT_SENTENCES_BACK)
    by_sentence: dict[int, list[Span]] = {}
    for token in doc[first:index]:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ in ("it", "they", "this", "that"):
            continue
        span = _body_span(doc, token, labels, plural=pronoun.lower() == "they")
        if span is not None:
            by_sentence.setdefault(token.sent.start, []).append(span)
    if not by_sentence:
        return None
    nearest = by_sentence[max(by_sentence)]
    return nearest[-1] if len({span.text.lower() for span in nearest}) == 1 else None


def _body_span(doc: Doc, head: Token, labels: tuple[str, ...], plural: bool) -> Span | None:
    if head.ent_type_:  # inside a name: that name, if it is of a kind that speaks
        entity = next(e for e in doc.ents if e.start <= head.i < e.end)
        return entity if entity.label_ in labels else None
    if plural and head.tag_ in ("NNS", "NNPS"):
        return doc[head.left_edge.i : head.i + 1]
    if not plural and head.tag_ == "NN" and head.lower_ in SPEAKING_NOUNS:
        return _author_of(head, labels) or doc[head.left_edge.i : head.i + 1]
    return None


def _author_of(noun: Token, labels: tuple[str, ...]) -> Span | None:
    """Whose document a speaking noun is: "a statement from Waitrose", "the ministry's report",
    "a report by the agency" (the "it" that goes on speaking is that body)."""
    doc = noun.doc
    for child in noun.children:
        owner = child
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            owner = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ != "poss":
            continue
        entity = next((e for e in doc.ents if e.start <= owner.i < e.end), None)
        if entity is not None and entity.label_ in labels:
            return entity
    return None
