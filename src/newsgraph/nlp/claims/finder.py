"""Claims and their attribution: who says what, through which channel, named or not.

Finds direct quotes (straight or curly, across sentences), reported speech ("X said that ..."),
"according to X", and reports ("X reported that ..."), from the dependency parse and the
lexicons in `rules`. Pronoun speakers go to the nearest named person before them;
"the news agency" to the outlet named before it. Broken attribution is flagged, never guessed:
"According to , ..." (empty_source), "told Digital" (truncated_source), "... reported that"
with no one reporting (missing_reporter).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.claims import rules
from newsgraph.nlp.claims.cue_model import learned_cues
from newsgraph.nlp.claims.cues import (
    complements,
    cues_where_quote_ends,
    is_cue,
    lemma_of,
    nominal_cue,
    noun_owner,
    quote_cues,
    stance_end,
    stance_object,
)
from newsgraph.nlp.claims.evidence import CARRIED_CONFIDENCE, NAMED_CONFIDENCE, confidence, cue_span, source_span
from newsgraph.nlp.claims.not_claims import not_a_claim
from newsgraph.nlp.claims.pronouns import PersonGenders, body_for_pronoun, person_for_pronoun
from newsgraph.nlp.claims.quotations import names_a_work, quote_spans
from newsgraph.nlp.claims.quote_chains import continues, extend_claim, quotes_someone, without_partial_quotes
from newsgraph.nlp.claims.quote_speakers import (
    HEADLINE_SOURCE_NOUNS,
    dash_speaker,
    headline_source,
    introduced_by_sentence_before,
    label_end,
    label_speaker,
    named_elsewhere,
    speaker_name,
)
from newsgraph.nlp.claims.roles import role_of
from newsgraph.nlp.claims.shapes import (
    asks_anonymity,
    cue_before_colon,
    interrupted_by,
    mixed_quote_start,
    paragraph_after_colon,
    set_off_by_commas,
    subject_of,
)
from newsgraph.nlp.claims.spans import clause_after, main_clause, sentence_end, span_of, strip_comma
from newsgraph.nlp.doctext import text_of
from newsgraph.nlp.entities import entity_maps
from newsgraph.records import Claim, Sentence, Speaker, TextSpan

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)

EMPTY_ACCORDING = re.compile(r"\baccording to\s*(?=[,.;:]|$)", re.I)


class _Context:
    """What the article has said so far: named people and outlets, to resolve "she" and
    "the agency", and the roles people were introduced with."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.ent_at, self.link_at = entity_maps(doc)
        self.roles: dict[str, tuple[str | None, str | None]] = {}
        self.last_outlet: str | None = None
        self.quoted: list[tuple[int, int]] = []
        self.genders: PersonGenders | None = None
        self._holders: list[tuple[int, str, Span]] | None = None

    def role_holder(self, head: Token) -> Span | None:
        """The person last introduced with this role before `head` ("Governor Ana Ruiz" ...
        "the governor said")."""
        if self._holders is None:
            self._holders = []
            for ent in self.doc.ents:
                if ent.label_ == "PERSON":
                    role, _ = role_of(ent, self)
                    if role:
                        self._holders.append((ent.end, role.split()[-1].lower(), ent))
        found = [ent for end, word, ent in self._holders if end <= head.i and word == head.lower_]
        return found[-1] if found else None

    def in_quote(self, token: Token) -> bool:
        return any(s <= token.idx < e for s, e in self.quoted)

    def person_before(self, index: int) -> Span | None:
        """The person a "he" or "she" at token `index` refers to (see `pronouns`)."""
        if self.genders is None:
            self.genders = PersonGenders(self.doc)
        return person_for_pronoun(self.doc, index, self.doc[index].text, self.genders)


@Language.component("newsgraph_claims", requires=["doc.ents", "token.dep"], assigns=["doc._.claims"])
def find_claims(doc: Doc) -> Doc:
    """Write `doc._.claims`: a list of `Claim` with offsets into the text."""
    context = _Context(doc)
    claims: list[Claim] = []
    quoted: list[tuple[int, int]] = []
    for start, end in quote_spans(text_of(doc)):
        quoted.append((start, end))
    context.quoted = quoted
    for sent in doc.sents:
        claims.extend(_sentence_claims(sent, context, quoted, claims))
    claims.sort(key=lambda c: (c.start, c.end))
    doc._.claims = claims
    return doc


def _sentence_claims(sent: Span, context: _Context, quoted: list[tuple[int, int]], earlier: list[Claim]) -> list[Claim]:
    doc = sent.doc
    found: list[Claim] = []
    inside = [(s, e) for s, e in quoted if s < sent.end_char and sent.start_char < e]

    def in_quote(token: Token) -> bool:
        return any(s <= token.idx < e for s, e in quoted)

    cues = quote_cues(sent, quoted)
    # Reported speech, beliefs, findings and stances: any attribution verb by its lemma, and
    # the words the learned cue model takes for cues beyond the lexicons.
    learned = learned_cues(sent, quoted)
    attributions = [t for t in sent if (is_cue(t) or t.i in learned) and not in_quote(t)]
    # Direct quotes that start in this sentence.
    for start, end in inside:
        if not (sent.start_char <= start < sent.end_char):
            continue
        text = text_of(doc)[start:end].strip().rstrip(",")
        stripped_start = start + (len(text_of(doc)[start:end]) - len(text_of(doc)[start:end].lstrip()))
        candidates = cues or cues_where_quote_ends(sent, end, quoted)
        nearest = min(candidates, key=lambda t: min(abs(t.idx - start), abs(t.idx - end))) if candidates else None
        if nearest is None and not text_of(doc)[sent.start_char : start].strip(" \n\"“'‘`"):
            nearest = cue_before_colon(sent, quoted)  # 'He said:\n\n"We have ..."'
        if nearest is None and len(text.split()) < 8 and not re.search(r"[.!?]", text):
            continue  # a quoted name or phrase ("Days of Repentance"), not a statement
        if names_a_work(text_of(doc), max(sent.start_char, start - 24), start, text):
            continue  # the title of a work: 'a booklet titled "How to ..."', 'on Fox's "Fox and Friends"'
        evidence: tuple[TextSpan | None, float | None] | None = None
        speaker: Speaker | None
        issues: list[str]
        named = None if nearest is not None else label_speaker(text_of(doc), stripped_start) or dash_speaker(
            text_of(doc), stripped_start + len(text)
        )
        if named is not None:  # "WALLACE: ..." / "..." ― Carla Sanchez
            stripped_start = label_end(text_of(doc), stripped_start)
            text = text_of(doc)[stripped_start:end].strip().rstrip(",")
            speaker = Speaker(speaker_name(named.text), None, None, None, False, named.text)
            channel, issues, subject = None, [], None
            evidence = (named, NAMED_CONFIDENCE)
        elif nearest is not None:
            speaker, channel, issues, subject = _attribution(nearest, context)
        elif earlier and earlier[-1].speaker is not None and quotes_someone(earlier[-1]):
            previous = earlier[-1]  # the next quote of a quote-said-quote chain
            speaker, channel, issues, subject = previous.speaker, previous.channel, [], None
            evidence = (previous.source, CARRIED_CONFIDENCE)
        elif (introducer := introduced_by_sentence_before(sent, stripped_start)) is not None:
            speaker, channel, issues, subject = _speaker_from(introducer, context, sent), None, [], None
            evidence = (source_span(introducer), CARRIED_CONFIDENCE)
        else:
            speaker, channel, issues, subject = None, None, [], None
        end_char = stripped_start + len(text)
        if nearest is not None and found and interrupted_by(found[-1], nearest, stripped_start):
            extend_claim(found[-1], end_char, doc)  # '"Q1," X said, "Q2."': one quotation
            continue
        carried = named is None and nearest is None and evidence is not None
        if carried and earlier and continues(earlier[-1], stripped_start, doc):
            extend_claim(earlier[-1], end_char, doc)  # '"Q1," X said. "Q2."': one statement
            continue
        claim_args = (speaker, channel, issues, sent, nearest, subject, evidence)
        if nearest is not None and nearest.idx >= end and not found:
            stripped_start = mixed_quote_start(sent, start, attributions) or stripped_start
        found.append(_claim("direct_quote", doc, stripped_start, end_char, *claim_args))
    # "The governor added:\n\nIt's typical of her ...": the next paragraph, unquoted.
    introduced = paragraph_after_colon(sent, cues)
    if introduced is not None:
        speaker, channel, issues, subject = _attribution(cues[-1], context)
        found.append(_claim("indirect", doc, *introduced, speaker, channel, issues, sent, cues[-1], subject))
    # "Caddell: Democrats worried ..." (a headline's source before a colon).
    headline = headline_source(text_of(doc), sent.start_char, sent.end_char)
    if headline is not None and not inside and not found:
        headline_src, content_start, end_char = headline
        source_tokens = [t for t in sent if headline_src.start <= t.idx < headline_src.end]
        entity_tokens = [t for t in source_tokens if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")]
        named_later = named_elsewhere(headline_src.text, sent) if not entity_tokens else None
        source_noun = len(source_tokens) == 1 and source_tokens[0].lower_ in HEADLINE_SOURCE_NOUNS
        if entity_tokens or named_later or source_noun:
            head = entity_tokens[-1] if entity_tokens else source_tokens[-1]
            speaker = _named(named_later, context, head) if named_later else _speaker_from(head, context, sent)
            colon = TextSpan(headline_src.end, headline_src.end + 1, ":")
            named_by = (headline_src, confidence(head, speaker))
            found.append(
                _claim("indirect", doc, content_start, end_char, speaker, None, [], sent, None, head, named_by, colon)
            )
    # According to X / According to , ...
    for match in EMPTY_ACCORDING.finditer(sent.text):
        rest = clause_after(sent, sent.start_char + match.end())
        found.append(_claim("according_to", doc, rest[0], rest[1], None, None, ["empty_source"], sent, None))
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if not objects:
                continue
            source = objects[0]
            speaker = _speaker_from(source, context, sent)
            issues = ["truncated_source"] if _is_truncated(source) else []
            start, end = main_clause(
                sent, token.left_edge.i if token.left_edge.i < token.i else token.i, source.right_edge.i
            )
            if not any(s <= start < e for s, e in inside):
                found.append(_claim("according_to", doc, start, end, speaker, None, issues, sent, token, source))
    # "Trump's claim that ...", "charges that he ...".
    for noun in sent:
        clause = nominal_cue(noun)
        if clause is None or in_quote(noun):
            continue
        start, end = span_of(clause)
        if any(s < end and start < e and not (start <= s and e <= end) for s, e in inside):
            continue
        owner = noun_owner(noun)
        speaker = _speaker_from(owner, context, sent) if owner is not None else None
        found.append(_claim("indirect", doc, start, end, speaker, None, [], sent, noun, owner))
    # Reported speech and reports.
    for verb in attributions:
        complement = complements(verb)
        subject = subject_of(verb, context.in_quote)
        lemma = lemma_of(verb)
        kind = "report" if verb.lower_ in rules.REPORT_VERBS or lemma in rules.REPORT_LEMMAS else "indirect"
        stance = None if complement else stance_object(verb, learned=verb.i in learned)
        if subject is None and verb.i == sent.start and verb.lower_ in rules.SPEECH_VERBS:
            start, end = span_of(complement[0]) if complement else (verb.idx, sent.end_char)
            found.append(_claim(kind, doc, start, end, None, None, ["missing_reporter"], sent, verb))
            continue
        relative = subject is not None and subject.tag_ in ("WP", "WDT")
        unnamed = subject is None and learned.get(verb.i, 0.0) >= SURE_CUE and complement and verb.dep_ != "relcl"
        asks = relative and (verb.dep_ != "relcl" or asks_anonymity(verb, complement))
        if (subject is None and not unnamed) or asks:
            continue  # "who asked not to be named" is not a claim
        if not_a_claim(verb, subject):
            continue  # "he wanted to be shot", "it's worth noting", "it supports wireless charging"
        if complement:
            start, end = span_of(complement[0])
            trailing = doc[complement[0].right_edge.i + 1 : sent.end]
            if complement[0].i > verb.i and verb.dep_ != "relcl" and not any(t in attributions for t in trailing):
                # "X said (that) A and B": what is said runs to the sentence's end.
                end = max(end, sentence_end(sent))
        elif (
            (is_cue(verb) or learned.get(verb.i, 0.0) >= SURE_CUE)
            and verb.dep_ in ("parataxis", "ccomp", "advcl")
            and (verb.head.i < verb.i or set_off_by_commas(verb))
            and not any(c.dep_ in ("mark", "dobj") for c in verb.children)
        ):  # "..., Reuters reported." / "Too often, he said, the debate ..." / "which, X said, is ..."
            stance = None
            start, end = sent.start_char, strip_comma(doc, verb.left_edge.idx)
            after = doc[verb.right_edge.i + 1 : sent.end]
            if len([t for t in after if not t.is_punct]) >= MIN_WORDS_AFTER_PARENTHETICAL:
                end = sentence_end(sent)
        elif stance is not None:  # "endorsed Clinton", "called for calm"
            start, end = span_of(stance)[0], stance_end(verb, stance)
        else:
            continue
        shortest = MIN_STANCE_CHARS if stance is not None else MIN_CONTENT_CHARS
        # A quotation wholly inside the content is a partial quote (a mixed quote): the claim is
        # the whole reported statement. One that straddles its edge belongs to another claim.
        straddles = any(s < end and start < e and not (start <= s and e <= end) for s, e in inside)
        inner_cue = start <= verb.idx < end and verb.dep_ != "parataxis"
        if straddles or end - start < shortest or inner_cue:
            continue
        speaker, channel, issues, subject = _attribution(verb, context, subject)
        if relative:  # "Democrats, who have argued that ...": "who" names them
            speaker = _speaker_from(verb.head, context, sent)
            speaker.description = text_of(doc)[verb.head.left_edge.idx : verb.left_edge.idx].strip(" ,")
        if kind == "report" and speaker is not None and speaker.name:
            context.last_outlet = speaker.name
        found.append(_claim(kind, doc, start, end, speaker, channel, issues, sent, verb, subject))
    return without_partial_quotes(found)


MIN_CONTENT_CHARS = 10
# A learned cue this sure attributes its clause even where the parse finds it no subject ("In
# a meeting with the board Trump said that ...", the name hung on the meeting) and sets off a
# clause like a verb of saying ("If it fails, Mr. X argues, there are other tools").
SURE_CUE = 0.8
MIN_STANCE_CHARS = 3
MIN_WORDS_AFTER_PARENTHETICAL = 3


def _attribution(
    verb: Token, context: _Context, subject: Token | None = None
) -> tuple[Speaker | None, str | None, list[str], Token | None]:
    """Speaker, channel, issues and the subject that names the speaker, for a speech verb (its
    subject is looked up unless the caller already has it)."""
    subject = subject or subject_of(verb, context.in_quote)
    issues: list[str] = []
    speaker = _speaker_from(subject, context, verb.sent) if subject is not None else None
    channel = None
    for child in verb.children:
        target = child
        if child.dep_ == "prep" and child.lower_ == "to":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            target = objects[0] if objects else child
        elif child.dep_ not in ("dative", "dobj") or verb.lower_ not in rules.TELL_VERBS:
            continue
        if _is_truncated(target):
            channel = target.text
            issues.append("truncated_source")
        elif target.i in context.ent_at and context.ent_at[target.i].label_ == "ORG":
            channel = context.ent_at[target.i].text
            context.last_outlet = channel
    return speaker, channel, issues, subject


def _is_truncated(token: Token) -> bool:
    return token.text.lower() in rules.OUTLET_TAIL_WORDS and token.text[:1].isupper() and token.n_lefts == 0


def _speaker_from(head: Token, context: _Context, sent: Span) -> Speaker:
    doc = head.doc
    phrase = doc[head.left_edge.i : head.right_edge.i + 1]
    description = phrase.text.strip(" ,")
    if head.lower_ in rules.PRONOUNS:
        person = context.person_before(head.i) if head.lower_ in ("he", "she") else None
        if person is not None:
            return _named(person, context, head)
        body = body_for_pronoun(doc, head.i, head.lower_)  # "the ministry ... it said"
        if body is not None and body.label_:
            link = context.link_at.get(body.root.i)
            name = link.name if link else body.text
            return Speaker(name, link.entity_id if link else None, None, None, False, description)
        if body is not None:  # "police ... they said": a group, described
            return Speaker(None, None, None, None, False, body.text)
        return Speaker(None, None, None, None, False, description)
    named = next(
        (context.ent_at[t.i] for t in phrase if t.i in context.ent_at and context.ent_at[t.i].label_ == "PERSON"), None
    )
    if named is not None:
        return _named(named, context, head)
    if head.pos_ == "NOUN" and any(t.lower_ == "the" for t in head.lefts):
        holder = context.role_holder(head)  # "the governor" -> the governor named before
        if holder is not None:
            return _named(holder, context, head)
    in_phrase = [context.ent_at[t.i] for t in phrase if t.i in context.ent_at]
    organisation = next((e for e in in_phrase if e.label_ == "ORG"), None) or next(
        (e for e in in_phrase if e.label_ in ("GPE", "NORP")), None
    )
    if head.lower_ in rules.OUTLET_NOUNS and organisation is None and context.last_outlet:
        return Speaker(context.last_outlet, _link_id(context, head), None, None, False, description)
    lowered = sent.text.lower()
    anonymous = head.lower_ in rules.SOURCE_NOUNS and any(cue in lowered for cue in rules.ANONYMITY_CUES)
    if head.lower_ in rules.SOURCE_NOUNS or anonymous:
        words = [t for t in doc[head.left_edge.i : head.i + 1] if t.dep_ not in ("det", "poss") and not t.is_punct]
        role = " ".join(t.text for t in words)
        org = None
        if organisation is not None:
            link = context.link_at.get(organisation.root.i)
            org = link.name if link is not None and link.type in ("ORG", "GPE") else organisation.text
        return Speaker(None, None, role, org, anonymous, description)
    if organisation is not None and head.i in range(organisation.start, organisation.end):
        return Speaker(organisation.text, _link_id(context, organisation.root), None, None, False, description)
    return Speaker(description, None, None, None, False, description)


def _named(person: Span, context: _Context, head: Token) -> Speaker:
    link = context.link_at.get(person.root.i)
    entity_id = link.entity_id if link else None
    name = link.name if link else person.text
    role, organisation = role_of(person, context)
    key = entity_id or name
    if role or organisation:
        context.roles[key] = (role, organisation)
    else:
        role, organisation = context.roles.get(key, (None, None))
    phrase = head.doc[head.left_edge.i : head.right_edge.i + 1].text.strip(" ,")
    return Speaker(name, entity_id, role, organisation, False, phrase)


def _link_id(context: _Context, token: Token) -> str | None:
    link = context.link_at.get(token.i)
    return link.entity_id if link else None


def _claim(
    kind: str,
    doc: Doc,
    start: int,
    end: int,
    speaker: Speaker | None,
    channel: str | None,
    issues: list[str],
    sent: Span,
    cue: Token | None,
    source: Token | None = None,
    evidence: tuple[TextSpan | None, float | None] | None = None,
    cue_words: TextSpan | None = None,
) -> Claim:
    """A claim whose cue and source are the given tokens; `evidence` (the source's words and a
    confidence) and `cue_words` stand in where the words were found some other way: the quote
    before, a transcript label, a headline's colon."""
    source_words, sureness = evidence if evidence is not None else (None, None)
    return Claim(
        kind=kind,  # type: ignore[arg-type]
        text=text_of(doc)[start:end],
        start=start,
        end=end,
        speaker=speaker,
        channel=channel,
        issues=sorted(set(issues)),
        sentence=Sentence(sent.start_char, sent.end_char),
        cue=cue.text if cue is not None else None,
        cue_span=cue_words or cue_span(cue),
        source=source_words if evidence is not None else source_span(source) if speaker is not None else None,
        confidence=sureness if evidence is not None else confidence(source, speaker),
    )
