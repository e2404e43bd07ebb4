"""Incremental story clustering over a nearest-neighbour graph of articles.

Each new article is linked to its k most similar earlier articles (and becomes a neighbour of
those it is among the k most similar to). Stories are the communities of that graph. After each
article, only the stories it touches are re-partitioned (Louvain modularity on that small
subgraph, with a resolution proportional to the subgraph's own weight, so the decision to keep
two groups apart depends on how they link to each other and not on the size of the corpus).
This lets an early decision be revised when later articles show two look-alike events apart,
while the cost of placing one article stays bounded: candidates come from an inverted index of
rare words and names, and re-partitioning sees at most a few recent members per story.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from newsgraph.stories.features import ArticleFeatures, DocumentFrequencies, cosine, weighted_vector

NEIGHBOURS = 5  # k of the k-nearest-neighbour graph
MIN_SIMILARITY = 0.1  # weaker links are not edges at all
# Nor are links much weaker than an article's best one: a story smaller than k is not padded
# out with look-alikes.
RELATIVE_SIMILARITY = 0.6
# Louvain resolution per unit of subgraph weight: two groups stay apart unless the weight
# between them exceeds RESOLUTION / 2 x the product of their total link weights.
RESOLUTION = 0.012
QUERY_KEYS = 40  # the article's rarest words and names used to find candidates
POSTINGS_PER_KEY = 60  # newest articles read per key
MAX_CANDIDATES = 150  # candidates compared in full
MEMBERS_RECLUSTERED = 60  # newest members of each touched story that may move
WINDOW_DAYS = 45  # dated articles further apart than this are never linked
DECAY_DAYS = 14
LOUVAIN_SEED = 7


@dataclass
class StoredArticle:
    """What clustering keeps of an article: its sequence number, features and story."""

    article_id: str
    seq: int
    features: ArticleFeatures


class StoryGraphStore:
    """What clustering needs from storage; `newsgraph.stories.store` implements it over SQL."""

    def postings(self, keys: list[str], per_key: int) -> Iterable[tuple[str, str]]:
        """(key, article_id) for the newest articles holding each key."""
        raise NotImplementedError

    def load(self, article_ids: list[str]) -> dict[str, StoredArticle]:
        raise NotImplementedError

    def published(self, article_ids: list[str]) -> dict[str, dt.date]:
        """Publication dates of the articles that have one."""
        raise NotImplementedError

    def neighbours(self, article_ids: list[str]) -> dict[str, list[tuple[str, float]]]:
        """Each article's own k-nearest list: (neighbour id, similarity)."""
        raise NotImplementedError

    def set_neighbours(self, lists: dict[str, list[tuple[str, float]]]) -> None:
        """Replace the neighbour lists of these articles (all in one go)."""
        raise NotImplementedError

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        raise NotImplementedError

    def recent_members(self, story_id: str, limit: int) -> list[str]:
        raise NotImplementedError

    def edges_among(self, article_ids: set[str]) -> list[tuple[str, str, float]]:
        raise NotImplementedError

    def seqs(self, article_ids: Iterable[str]) -> dict[str, int]:
        raise NotImplementedError

    def story_exists(self, story_id: str) -> bool:
        raise NotImplementedError

    def move(self, moves: dict[str, str]) -> None:
        """Give articles new stories (creating and removing story rows as needed)."""
        raise NotImplementedError

    def add(self, article: StoredArticle, story_id: str) -> None:
        """Store a new article's features and index keys, in a story of its own."""
        raise NotImplementedError


def place_article(
    store: StoryGraphStore, article_id: str, seq: int, features: ArticleFeatures, df: DocumentFrequencies
) -> str:
    """Link a new article into the graph and re-partition what it touches; its story id."""
    df.prefetch(features.counts())
    vector = weighted_vector(features, df)
    similar = _similar_articles(store, features, vector, df)
    best = similar[0][1] if similar else 0.0
    own = [(other, weight) for other, weight in similar[:NEIGHBOURS] if weight >= RELATIVE_SIMILARITY * best]
    store.add(StoredArticle(article_id, seq, features), story_id=f"s{article_id}")
    changed = {article_id: own}
    linked = {other for other, _ in own}
    lists = store.neighbours([other for other, _ in similar])
    for other, weight in similar:
        theirs = lists[other]
        if theirs and weight < RELATIVE_SIMILARITY * max(w for _, w in theirs):
            continue
        if len(theirs) < NEIGHBOURS or weight > min(w for _, w in theirs):
            theirs = sorted([*theirs, (article_id, weight)], key=lambda n: (-n[1], n[0]))[:NEIGHBOURS]
            changed[other] = theirs
            linked.add(other)
    store.set_neighbours(changed)
    if linked:
        _repartition(store, article_id, linked)
    return store.stories_of([article_id])[article_id]


def _similar_articles(
    store: StoryGraphStore, features: ArticleFeatures, vector: dict[str, float], df: DocumentFrequencies
) -> list[tuple[str, float]]:
    """Earlier articles at least MIN_SIMILARITY alike, most similar first."""
    counts = features.counts()
    informative = [key for key in counts if df.counts.get(key, 0) >= 2]
    keys = sorted(informative, key=lambda k: (-df.idf(k), k))[:QUERY_KEYS]
    votes: dict[str, float] = {}
    for key, other in store.postings(keys, POSTINGS_PER_KEY):
        votes[other] = votes.get(other, 0.0) + df.idf(key)
    candidates = [other for other, _ in sorted(votes.items(), key=lambda v: (-v[1], v[0]))[:MAX_CANDIDATES]]
    stored = store.load([c for c in candidates if not df.has_vector(c)])
    df.prefetch(key for article in stored.values() for key in article.features.counts())
    dates = store.published(candidates)
    similar = []
    for other in candidates:
        if not _within_window(features.published, dates.get(other)):
            continue
        weight = cosine(vector, df.vector(other, stored[other].features if other in stored else None))
        weight *= _time_decay(features.published, dates.get(other))
        if weight >= MIN_SIMILARITY:
            similar.append((other, round(weight, 6)))
    similar.sort(key=lambda s: (-s[1], s[0]))
    return similar


def _within_window(a: dt.date | None, b: dt.date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= WINDOW_DAYS


def _time_decay(a: dt.date | None, b: dt.date | None) -> float:
    """Articles days apart are less likely one story: halve the link at DECAY_DAYS apart."""
    if a is None or b is None:
        return 1.0
    return 1.0 / (1.0 + abs((a - b).days) / DECAY_DAYS)


def _repartition(store: StoryGraphStore, article_id: str, linked: set[str]) -> None:
    """Re-run community detection on the stories the new links touch."""
    stories = store.stories_of(linked | {article_id})
    touched = sorted(set(stories.values()))
    nodes: set[str] = {article_id}
    for story_id in touched:
        nodes.update(store.recent_members(story_id, MEMBERS_RECLUSTERED))
    seqs = store.seqs(nodes)
    current = store.stories_of(nodes)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(nodes, key=lambda n: seqs[n]))
    for a, b, weight in sorted(store.edges_among(nodes), key=lambda e: (seqs[e[0]], seqs[e[1]])):
        if graph.has_edge(a, b):
            graph[a][b]["weight"] = max(graph[a][b]["weight"], weight)
        else:
            graph.add_edge(a, b, weight=weight)
    total = graph.size(weight="weight")
    if total <= 0:
        return
    communities = nx.community.louvain_communities(
        graph, weight="weight", resolution=RESOLUTION * total, seed=LOUVAIN_SEED
    )
    ordered = sorted((sorted(c, key=lambda n: seqs[n]) for c in communities), key=lambda c: seqs[c[0]])
    used: set[str] = set()
    moves: dict[str, str] = {}
    for members in ordered:
        # The community keeps the name of the oldest story among its members, so a story's
        # id (and every link to it) lasts while it grows and absorbs newer ones.
        oldest: dict[str, int] = {}
        for m in members:
            oldest.setdefault(current[m], seqs[m])
        choices = [s for s, _ in sorted(oldest.items(), key=lambda o: (o[1], o[0])) if s not in used]
        story_id = choices[0] if choices else _fresh_story_id(store, members[0], used)
        used.add(story_id)
        moves.update({m: story_id for m in members if current[m] != story_id})
    if moves:
        store.move(moves)


def _fresh_story_id(store: StoryGraphStore, founder: str, used: set[str]) -> str:
    """A story split off is named after its earliest article."""
    candidate = f"s{founder}"
    suffix = 1
    while candidate in used or store.story_exists(candidate):
        candidate = f"s{founder}-{suffix}"
        suffix += 1
    return candidate
