"""What tells one story from a look-alike: the words and names of each article, weighted by
how rare they are in the whole collection.

Features come from the analysed record alone (no model call), so placing an article costs
little beside the NLP stage.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph.records import Article

_WORD = re.compile(r"[^\W\d_][\w'’\-]*[^\W_]|\d+(?:[.,]\d+)?", re.UNICODE)
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
# Words too common in news to tell stories apart, beside the stop words.
MAX_KEY = 100
NEWS_WORDS = frozenset({"said", "says", "told", "according", "reported", "reports", "news", "year", "years", "new"})


def term_key(word: str) -> str | None:
    """A content word, lower-cased with a plural 's' folded; None for stop words."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word in STOP_WORDS or word in NEWS_WORDS or (len(word) < 3 and not word.isdigit()) or len(word) > MAX_KEY:
        return None
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def entity_key(text: str) -> str:
    """One key per name: lower-cased, without "the" and possessives; people by surname."""
    key = text.lower().replace("’", "'").strip()
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"\s*'s?$", "", key)
    return re.sub(r"\s+", " ", key).strip(" .,-")[:MAX_KEY]


@dataclass
class ArticleFeatures:
    terms: Counter[str]
    entities: Counter[str]
    published: dt.date | None
    # The keyed counts once made (or as stored): placing one article reads them many times.
    keyed: dict[str, int] | None = field(default=None, repr=False, compare=False)

    def counts(self) -> dict[str, int]:
        """Words as "t:word" and names as "e:name", with their counts (not to be changed)."""
        if self.keyed is None:
            self.keyed = {f"t:{k}": n for k, n in self.terms.items()}
            self.keyed.update({f"e:{k}": n for k, n in self.entities.items()})
        return self.keyed

    def keys(self) -> list[str]:
        return list(self.counts())


def article_features(article: Article) -> ArticleFeatures:
    terms: Counter[str] = Counter()
    for match in _WORD.finditer(article.title or ""):
        if key := term_key(match.group()):
            terms[key] += 2  # the headline says what the story is
    for match in _WORD.finditer(article.text):
        if key := term_key(match.group()):
            terms[key] += 1
    entities: Counter[str] = Counter()
    for mention in article.entities:
        if mention.label not in ENTITY_LABELS:
            continue
        key = entity_key(mention.text)
        if mention.label == "PERSON" and " " in key:
            key = key.rsplit(" ", 1)[1]
        if not key:
            continue
        entities[key] += 1
    published = dt.date.fromisoformat(article.published.value) if article.published.value else None
    return ArticleFeatures(terms, entities, published)


MAX_CACHED_VECTORS = 20_000


class DocumentFrequencies:
    """How many stored articles contain each key: the IDF every similarity uses."""

    def __init__(self, total: int = 0, counts: dict[str, int] | None = None) -> None:
        self.total = total
        self.counts: dict[str, int] = counts if counts is not None else {}
        # Weighted vectors of stored articles, with the total they were weighted at: IDF moves
        # slowly, so a vector is reused until the collection has grown by a tenth.
        self.vectors: dict[str, tuple[int, dict[str, float]]] = {}

    def has_vector(self, article_id: str) -> bool:
        cached = self.vectors.get(article_id)
        return cached is not None and cached[0] * 1.1 >= self.total

    def vector(self, article_id: str, features: ArticleFeatures | None) -> dict[str, float]:
        """The article's weighted vector, from the cache while fresh, else from `features`."""
        if self.has_vector(article_id):
            return self.vectors[article_id][1]
        if features is None:
            raise ValueError(f"no fresh vector for {article_id}: pass its features")
        if len(self.vectors) >= MAX_CACHED_VECTORS:
            # Forget the older half (dicts keep insertion order): memory stays bounded on a
            # corpus of any size, and the recent articles, the likeliest neighbours, stay cached.
            for stale in list(self.vectors)[: MAX_CACHED_VECTORS // 2]:
                del self.vectors[stale]
        self.prefetch(features.counts())
        vector = weighted_vector(features, self)
        self.vectors[article_id] = (self.total, vector)
        return vector

    def prefetch(self, keys: Iterable[str]) -> None:
        """Make sure counts for these keys are at hand (a database-backed table loads them)."""

    def idf(self, key: str) -> float:
        return math.log((self.total + 1) / (self.counts.get(key, 0) + 1)) + 1.0

    def add(self, features: ArticleFeatures) -> None:
        self.total += 1
        for key in features.counts():
            self.counts[key] = self.counts.get(key, 0) + 1


def weighted_vector(features: ArticleFeatures, df: DocumentFrequencies) -> dict[str, float]:
    """The article's words and names as one unit-length tf-idf vector (idf as of now)."""
    vector = {key: (1 + math.log(n)) * df.idf(key) for key, n in features.counts().items()}
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {key: w / norm for key, w in vector.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Over the keys both share (found by a set intersection, in C); fsum is exact, so the set's
    order, which changes between runs, cannot change the result."""
    return math.fsum(a[key] * b[key] for key in a.keys() & b.keys())
