"""Which words attribute something, and what they attribute: cue verbs by their base form,
their complements, the objects of stance verbs. Used by `finder`."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from newsgraph.nlp.claims import rules
from newsgraph.nlp.doctext import text_of


def cues_where_quote_ends(sent: Span, end: int, quoted: list[tuple[int, int]]) -> list[Token]:
    """Quoting verbs of the sentence where a quotation of several sentences closes ("... in their
    heads. This is in their consciousness," said Caddell)."""
    doc = sent.doc
    if end <= sent.end_char:
        # It closes this sentence: the next one may name who spoke ('"Q!" The minister thundered').
        text = text_of(doc)
        rest = text[end : sent.end_char]
        if sent.end >= len(doc) or rest.strip(" \"”'’!?.,") or "\n" in text[end : doc[sent.end].idx]:
            return []
        return [t for t in quote_cues(doc[sent.end].sent, quoted) if t.dep_ == "ROOT"]
    closing = next((t for t in doc[sent.end :] if t.idx >= end), None)
    if closing is None or closing.sent.start == sent.start:
        return []
    return quote_cues(closing.sent, quoted)


def quote_cues(sent: Span, quoted: list[tuple[int, int]]) -> list[Token]:
    """Verbs outside quotation marks that can introduce a quotation: of saying, and of writing
    or posting ("tweeted: ...")."""
    return [
        t
        for t in sent
        if t.pos_ in ("VERB", "AUX")
        and (t.lower_ in rules.SPEECH_VERBS or lemma_of(t) in rules.QUOTING_LEMMAS)
        and not any(s <= t.idx < e for s, e in quoted)
    ]


def verb_lemmas(word: str) -> set[str]:
    """The base forms an inflected verb may have ("cited" -> cite, "urges" -> urge, "backing" ->
    back): enough to look a verb up in the cue lexicons without running a lemmatizer."""
    word = word.lower()
    if word in rules.IRREGULAR_FORMS:
        return {rules.IRREGULAR_FORMS[word]}
    forms = {word}
    for suffix, replacements in (("ied", ("y",)), ("ies", ("y",)), ("ed", ("", "e")), ("es", ("", "e")),
                                 ("s", ("",)), ("ing", ("", "e"))):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms.update(stem + r for r in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2]:  # "backed" is fine; "slammed" -> slam
                forms.add(stem[:-1])
    return forms


_KNOWN_LEMMAS = rules.CUE_LEMMAS | rules.STANCE_LEMMAS | rules.FEELING_LEMMAS | rules.QUOTING_LEMMAS


@lru_cache(maxsize=4096)
def _lemma_of_word(word: str) -> str:
    return next((form for form in sorted(verb_lemmas(word)) if form in _KNOWN_LEMMAS), word.lower())


def lemma_of(token: Token) -> str:
    """The first base form of the token found in the cue lexicons, else its lower case."""
    return _lemma_of_word(token.text)


def is_cue(token: Token) -> bool:
    """A verb of saying, believing or stance; a verb of feeling or an adjective of belief with a
    clause ("were frustrated that ...", "is confident that ...")."""
    if token.pos_ == "ADJ" or (token.pos_ == "VERB" and lemma_of(token) in rules.FEELING_LEMMAS):
        feels = token.lower_ in rules.STATE_ADJECTIVES or lemma_of(token) in rules.FEELING_LEMMAS
        return feels and any(c.dep_ == "ccomp" for c in token.children)
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = lemma_of(token)
    return token.lower_ in rules.SPEECH_VERBS or lemma in rules.CUE_LEMMAS or lemma in rules.STANCE_LEMMAS


def nominal_cue(token: Token) -> Token | None:
    """The "that" clause of a cue noun ("Trump's claim that there have been ...", "charges that
    he has ..."): a clause with a subject of its own, not a relative clause ("the report that
    was released")."""
    if token.pos_ != "NOUN" or token.lower_ not in rules.CUE_NOUNS:
        return None
    for child in token.rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in child.children
        ) and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
            return child
    return None


def noun_owner(noun: Token) -> Token | None:
    """Whose claim a cue noun is: its possessive ("Trump's claim"), a name before it ("Trump
    charges that ...", where the parser took the verb for a noun) or "by"/"from" X."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def is_complement(child: Token) -> bool:
    """What a cue verb attributes: a clause ("said (that) ..."), an infinitive ("vowed to ..."),
    or a clause the parser hung as an adverbial ("said after the vote he would ...")."""
    if child.dep_ == "ccomp":
        return True
    if child.dep_ == "xcomp":
        return child.pos_ in ("VERB", "AUX")
    verb = child.head
    return (
        child.dep_ == "advcl"
        and child.pos_ in ("VERB", "AUX")
        and child.i > verb.i
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        and not any(c.dep_ == "mark" for c in child.children)
        and not any(t.is_punct for t in verb.doc[verb.i + 1 : child.left_edge.i + 1])
    )


def complements(verb: Token) -> list[Token]:
    """The clauses a cue verb attributes; with a listener, a "that" clause the parser hung on
    the listener ("told a meeting of leaders that few understood ...")."""
    found = [c for c in verb.children if is_complement(c)]
    if found or lemma_of(verb) != "tell":
        return found
    for listener in verb.children:
        if listener.dep_ in ("dobj", "dative"):
            found += [
                c for c in listener.rights
                if c.dep_ == "relcl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ]
    return found


def stance_object(verb: Token, learned: bool = False) -> Token | None:
    """What a stance verb is about: its object, or the object of "for"/"of"/"on". Verbs of
    saying and knowing whose object is a proposition ("indicates a tightening race", "denied
    the charges") are read the same way, and so is a verb the learned cue model took for a cue
    (`learned`)."""
    lemma = lemma_of(verb)
    stance = learned or lemma in rules.STANCE_LEMMAS
    if not stance and lemma not in rules.OBJECT_CUE_LEMMAS:
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and not _when(child) and (stance or child.pos_ != "PRON"):
            return child  # "endorsed him", but not "found themselves", "believed it"
        if stance and child.dep_ == "prep" and child.lower_ in rules.STANCE_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and not _when(c)]
            if objects:
                return objects[0]
    return None


def _when(token: Token) -> bool:
    """A date or time where an object stands ("reported Tuesday"): when, not what."""
    return token.ent_type_ in ("DATE", "TIME")


def stance_end(verb: Token, target: Token) -> int:
    """Where what a stance verb attributes ends: after the object and what follows it on the
    verb's right ("attacked rivals on stage for taking his money"), short of another clause."""
    end_token = target.right_edge
    for child in verb.rights:
        if child.i <= end_token.i or child.is_punct or child.dep_ in ("conj", "cc", "ccomp", "parataxis", "advcl"):
            continue
        end_token = child.right_edge
    return end_token.idx + len(end_token.text)
