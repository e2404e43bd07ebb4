"""Stories: duplicate detection and incremental clustering of articles into stories."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from newsgraph.records import Article
from newsgraph.store.counts import refresh_stories
from newsgraph.store.models import ArticleRow
from newsgraph.stories.clustering import place_article
from newsgraph.stories.duplicates import find_original
from newsgraph.stories.features import article_features
from newsgraph.stories.store import SqlDocumentFrequencies, SqlStoryGraph


class StoryPlacer:
    """Puts each newly stored article in a story, inside the transaction that stores it.

    A copy (exact or near) joins its original's story and is not a source of its own; any
    other article is placed by `place_article`. Keep one placer for a run: it caches document
    frequencies between articles.
    """

    def __init__(self) -> None:
        self.frequencies = SqlDocumentFrequencies()

    def __call__(self, session: Session, article: Article) -> None:
        original = find_original(session, article.id, article.text, article.external_id)
        if original is not None:
            story_id = session.scalar(select(ArticleRow.story_id).where(ArticleRow.id == original))
            session.execute(
                update(ArticleRow).where(ArticleRow.id == article.id).values(duplicate_of=original, story_id=story_id)
            )
            article.duplicate_of, article.story_id = original, story_id
            refresh_stories(session, [story_id])
            return
        graph = SqlStoryGraph(session)
        self.frequencies.bind(session)
        features = article_features(article)
        self.frequencies.add(features)
        article.story_id = place_article(graph, article.id, graph.next_seq(), features, self.frequencies)
        refresh_stories(session, graph.touched)


__all__ = ["StoryPlacer"]
