"""Claims aligned across outlets by what is said, with the attribution compared on its own.

Two outlets that print the same quotation agree on the words whoever they say spoke them: the
same words (exact, lightly edited, or a partial quotation inside a longer one) make one item.
Who says it is then compared: one outlet naming the governor and another printing the words
unattributed, or naming someone else, is a finding of its own (`attribution_differs`). Reported
speech that is not a quotation is matched on speaker and content words, as paraphrase must be.
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.nlp.claims import quote_spans
from newsgraph.records import Article, Claim, Sentence

# Content words two reports of one statement by one speaker share, at least, of the shorter
# (and never fewer than MIN_SHARED_WORDS).
WORDING_OVERLAP = 0.5
MIN_SHARED_WORDS = 3
# Word triples of the shorter quotation found in the longer: the same quotation, edited.
QUOTE_OVERLAP = 0.6
MIN_QUOTE_WORDS = 4
# A quotation two claims both hold joins them only if it is this long: a shared catch-phrase
# ("a raw murderous act") recurs in different statements of one speech.
MIN_SHARED_QUOTATION_WORDS = 5
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def folded_words(text: str) -> list[str]:
    """Case, spacing and punctuation folded, curly apostrophes straightened."""
    return _WORD.findall(text.lower().replace("’", "'"))


def _triples(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _joined(words: list[str]) -> str:
    return " " + " ".join(words) + " "


def _alike(first: list[str], second: list[str]) -> bool:
    """One quotation inside the other, or most word triples of the shorter in the longer."""
    shorter, longer = (first, second) if len(first) <= len(second) else (second, first)
    if _joined(shorter) in _joined(longer):
        return True
    triples = _triples(shorter)
    return bool(triples) and len(triples & _triples(longer)) >= QUOTE_OVERLAP * len(triples)


def _content(text: str) -> set[str]:
    """The words that carry what is said: longer than three letters and not names (capitalised),
    so that two statements about the same people do not match on the names alone."""
    return {w.lower().replace("’", "'") for w in _CASED_WORD.findall(text) if len(w) > 3 and not w[0].isupper()}


_CASED_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")


def speaker_key(claim: Claim) -> str | None:
    if claim.speaker is None or claim.issues:
        return None
    return claim.speaker.entity_id or (claim.speaker.name or claim.speaker.description or "").lower() or None


def speaker_words(claim: Claim) -> str:
    if claim.issues:
        return "broken attribution"
    if claim.speaker is None:
        return "unattributed"
    return claim.speaker.name or claim.speaker.description or "unnamed source"


class _Stated:
    """One claim of one article (or a quotation no claim holds), with what matching needs."""

    def __init__(
        self, article: Article, claim: Claim, outlet: str, quotations: list[str], bare: bool = False
    ) -> None:
        self.article, self.claim, self.outlet, self.bare = article, claim, outlet, bare
        self.words = folded_words(claim.text)
        self.joined = _joined(self.words)
        self.triples = _triples(self.words)
        self.content = _content(claim.text)
        self.key = speaker_key(claim)
        # The quotations the claim holds (a reported claim may quote a phrase of the statement).
        self.quotations = [words for words in map(folded_words, quotations) if len(words) >= MIN_QUOTE_WORDS]
        if not self.quotations and claim.kind == "direct_quote" and len(self.words) >= MIN_QUOTE_WORDS:
            self.quotations = [self.words]
        self.quoted = bool(self.quotations) and len(self.words) >= MIN_QUOTE_WORDS

    def same_words(self, other: _Stated) -> bool:
        """The same quotation: one inside the other, or most word triples of the shorter shared
        (both quoted); or a long enough quotation inside another outlet's claim, unquoted there."""
        if not (self.quoted or other.quoted):
            return False
        shorter, longer = (self, other) if len(self.words) <= len(other.words) else (other, self)
        if shorter.joined in longer.joined:
            return shorter.quoted or len(shorter.words) >= MIN_REPRINT_WORDS
        if self.quoted and other.quoted and _alike(shorter.words, longer.words):
            return True
        # The quotations they hold: one quoted in both, or one's quotation the other's words.
        if any(
            _alike(a, b)
            for a in self.quotations
            for b in other.quotations
            if min(len(a), len(b)) >= MIN_SHARED_QUOTATION_WORDS
        ):
            return True
        return any(
            len(words) >= MIN_REPRINT_WORDS and _joined(words) in unit.joined
            for held, unit in ((self, other), (other, self))
            for words in held.quotations
        )

    def same_statement(self, other: _Stated) -> bool:
        """Reported speech: one speaker, and enough of the content words."""
        if self.key is None or self.key != other.key:
            return False
        needed = WORDING_OVERLAP * min(len(self.content), len(other.content) or 1)
        return len(self.content & other.content) >= max(needed, MIN_SHARED_WORDS)


def claim_items(articles: list[Article], outlet_of: Any, evidence_of: Any) -> list[dict[str, Any]]:
    """One item per statement made in the story: its evidence in every article that prints it,
    each with the speaker that article gives."""
    stated = [item for article in articles for item in _statements(article, outlet_of(article))]
    stated += _reprinted(stated, articles, outlet_of)
    parent = list(range(len(stated)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, first in enumerate(stated):
        for j in range(i + 1, len(stated)):
            second = stated[j]
            if first.article is second.article or root(i) == root(j):
                continue
            if first.same_words(second) or first.same_statement(second):
                parent[root(j)] = root(i)
    groups: dict[int, list[_Stated]] = {}
    for i, item in enumerate(stated):
        groups.setdefault(root(i), []).append(item)
    # A quotation no claim holds is a finding only when two outlets print it.
    return [
        _item(members, evidence_of)
        for members in groups.values()
        if not all(m.bare for m in members) or len({m.outlet for m in members}) >= 2
    ]


def _statements(article: Article, outlet: str) -> list[_Stated]:
    """The article's claims, and the quotations no claim holds (words printed in quotation
    marks with no speaker found: two outlets printing them still agree on them)."""
    quotations = quote_spans(article.text)
    out = []
    for claim in article.claims:
        held = [article.text[start:end] for start, end in quotations if claim.start <= start < claim.end]
        out.append(_Stated(article, claim, outlet, held))
    for start, end in quotations:
        if any(c.start < end and start < c.end for c in article.claims) or _a_name(article.text[start:end]):
            continue
        out.append(_Stated(article, _unattributed(article, start, end), outlet, [article.text[start:end]], bare=True))
    return out


def _a_name(quoted: str) -> bool:
    """A short quotation every word of which is capitalised names a work ("X-Men Origins:
    Wolverine"), it does not report words."""
    words = [w for w in _CASED_WORD.findall(quoted) if w.lower() not in _SMALL_WORDS]
    return 0 < len(words) <= MAX_NAME_WORDS and all(w[0].isupper() or w[0].isdigit() for w in words)


MAX_NAME_WORDS = 8
_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from"})


def _unattributed(article: Article, start: int, end: int) -> Claim:
    return Claim("direct_quote", article.text[start:end], start, end, None, None, [], Sentence(start, end))


# A quotation this long printed again without quotation marks is the same words, not chance.
MIN_REPRINT_WORDS = 6


def _reprinted(stated: list[_Stated], articles: list[Article], outlet_of: Any) -> list[_Stated]:
    """Quoted words another article prints without quotation marks (from the same statement or
    press release): that article's printing joins the quotation, unattributed."""
    folded = {
        id(a): [(m.group(), m.start(), m.end()) for m in _WORD.finditer(a.text.lower().replace("’", "'"))]
        for a in articles
    }
    joined = {key: " " + " ".join(w for w, _, _ in words) + " " for key, words in folded.items()}
    found: list[_Stated] = []
    for unit in stated:
        for quotation in unit.quotations:
            if len(quotation) < MIN_REPRINT_WORDS:
                continue
            for article in articles:
                if article is unit.article or _joined(quotation) not in joined[id(article)]:
                    continue
                start, end = _span_of(folded[id(article)], quotation)
                if any(s.article is article and s.claim.start <= start and end <= s.claim.end for s in stated + found):
                    continue
                reprint = _unattributed(article, start, end)
                found.append(_Stated(article, reprint, outlet_of(article), [reprint.text], bare=True))
    return found


def _span_of(words: list[tuple[str, int, int]], wanted: list[str]) -> tuple[int, int]:
    """Character offsets of the first run of `wanted` words in the article's word list."""
    size = len(wanted)
    for i in range(len(words) - size + 1):
        if all(words[i + k][0] == wanted[k] for k in range(size)):
            return words[i][1], words[i + size - 1][2]
    return 0, 0


def _item(members: list[_Stated], evidence_of: Any) -> dict[str, Any]:
    # The fullest printing names the item; the attribution most outlets give is its speaker.
    fullest = max(members, key=lambda m: (len(m.words), m.key is not None))
    evidence = []
    for member in members:
        entry = {**evidence_of(member.article, member.claim.start, member.claim.end), "kind": member.claim.kind}
        if member.bare:
            entry["kind"] = "quotation"
        entry["speaker"] = speaker_words(member.claim)
        evidence.append(entry)
    by_outlet: dict[str, set[str]] = {}
    for member, entry in zip(members, evidence, strict=True):
        by_outlet.setdefault(member.outlet, set()).add(member.key or entry["speaker"])
    attributions = {key for keys in by_outlet.values() for key in keys}
    named = [m for m in members if m.key is not None]
    speaker = speaker_words((named[0] if named else fullest).claim)
    return {
        "kind": "claim",
        "summary": f"{speaker}: {word_cut(fullest.claim.text, 120)}",
        "speaker": speaker,
        "attribution_differs": len(by_outlet) >= 2 and len(attributions) >= 2,
        "attributions": sorted({entry["speaker"] for entry in evidence}),
        "evidence": evidence,
    }


def word_cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut between words, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(",;:")
    return (cut or text[:limit]) + "…"
