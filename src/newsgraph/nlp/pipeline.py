"""Build the spaCy pipeline and read its results into `Article` records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.nlp.attributes import speed_up_attribute_ruler
from newsgraph.nlp.claims import find_claims
from newsgraph.nlp.components import fix_entities, mark_paragraphs
from newsgraph.nlp.dates import find_dates, warm_fallback
from newsgraph.nlp.doctext import text_of
from newsgraph.nlp.entities import EntityLink, link_entities
from newsgraph.nlp.events import find_events
from newsgraph.nlp.quantities import find_quantities
from newsgraph.records import Article, CanonicalEntity, EntityMention, Sentence

# Importing a component registers it with spaCy under its name ("newsgraph_claims"), which is
# how `load_pipeline` adds it.
COMPONENTS = (mark_paragraphs, fix_entities, find_dates, link_entities, find_claims, find_events, find_quantities)

# Not needed by any stage: the lemmatizer costs ~20% of the model's time.
DISABLED = ("lemmatizer",)


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load a spaCy pipeline by package name or path and add newsgraph's components."""
    try:
        nlp = spacy.load(name, disable=list(DISABLED))
    except OSError as error:
        raise NewsgraphError(
            f"cannot load the spaCy pipeline {name!r}: {error}. Install it (see requirements/model.txt) "
            "or set NEWSGRAPH_PIPELINE to one that is installed."
        ) from error
    speed_up_attribute_ruler(nlp)
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0] if nlp.pipe_names else None
    if first is not None:
        nlp.add_pipe("newsgraph_paragraphs", before=first)
    else:
        nlp.add_pipe("newsgraph_paragraphs")
    for component in (
        "newsgraph_entity_fixes",
        "newsgraph_dates",
        "newsgraph_entity_links",
        "newsgraph_claims",
        "newsgraph_events",
        "newsgraph_quantities",
    ):
        nlp.add_pipe(component, last=True)
    # nlp.max_length guards memory; articles are capped well below it at ingest.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


# Read by `warm_up`: written for it, with the kinds of dates that reach the slow first paths.
_WARM_UP_TEXT = (
    "The council met on Tuesday, 4 May 2021 at 10:00 GMT, officials said. "
    "It will vote again early next week, a spokeswoman told reporters in Leeds."
)


def warm_up(name: str) -> Language:
    """Load the pipeline and run it once, so that what it builds on first use (dateparser's
    time-zone patterns and locale data, spaCy's lazy tables) is built before the ingest forks
    its children and they share it, instead of each building its own."""
    nlp = load_pipeline(name)
    warm_fallback()
    nlp(_WARM_UP_TEXT)
    return nlp


_INDEX = "newsgraph_index"  # each Doc's place in the batch, to tell which ones a failure dropped


class Analyzer:
    """Runs the pipeline over articles in batches and fills in sentences, entities and dates."""

    def __init__(self, pipeline: str, batch_size: int = 16) -> None:
        self.nlp = load_pipeline(pipeline)
        self.batch_size = batch_size
        self.failed: list[InputError] = []

    def make_doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.published = article.published.value
        return doc

    def analyze(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Analyse articles lazily, in order, one batch at a time; an article the analysis fails
        on is left out and its error kept in `self.failed`."""
        yield from without_errors(self.analyze_reporting(articles), self.failed)

    def analyze_reporting(self, articles: Iterable[Article]) -> Iterator[Article | InputError]:
        """Each article analysed, in order, or the error that stands in for it: one article a
        component fails on (an odd text nobody foresaw) must not end the batch."""
        pending: dict[int, Article] = {}
        errors: dict[int, str] = {}

        def on_error(name: str, _component: Any, docs: list[Doc], error: Exception) -> None:
            for doc in docs:
                errors[doc.user_data[_INDEX]] = f"analysis failed in {name}: {type(error).__name__}: {error}"

        def docs() -> Iterator[Doc]:
            for index, article in enumerate(articles):
                pending[index] = article
                doc = self.make_doc(article)
                doc.user_data[_INDEX] = index
                yield doc

        def dropped(before: int | None) -> Iterator[InputError]:
            for index in sorted(k for k in pending if before is None or k < before):
                article = pending.pop(index)
                yield InputError(article.source or article.id, errors.pop(index, "analysis failed"))

        # For the components that have no handler of their own (ours; spaCy's trained ones keep
        # theirs, and its parser takes none): read when the pipe starts.
        self.nlp.default_error_handler = on_error
        for doc in self.nlp.pipe(docs(), batch_size=self.batch_size):
            index = doc.user_data[_INDEX]
            yield from dropped(index)
            article = pending.pop(index)
            try:
                yield fill_record(article, doc)
            except Exception as error:
                yield InputError(article.source or article.id, f"analysis failed: {type(error).__name__}: {error}")
        yield from dropped(None)

    def analyze_one(self, article: Article) -> Article:
        return fill_record(article, self.nlp(self.make_doc(article)))


def without_errors(items: Iterable[Article | InputError], errors: list[InputError]) -> Iterator[Article]:
    """The articles of an analysis stream; the errors standing in for failed ones go to `errors`."""
    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
        else:
            yield item


def fill_record(article: Article, doc: Doc) -> Article:
    """Copy what the components found on the Doc into the record."""
    article.sentences = [_trimmed(text_of(doc), s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
    links = doc._.entity_links or [None] * len(doc.ents)
    article.entities = [
        EntityMention(
            e.text,
            _label(e.label_, link),
            e.start_char,
            e.end_char,
            link.entity_id if link else None,
            link.reason if link else None,
        )
        for e, link in zip(doc.ents, links, strict=True)
    ]
    canonical: dict[str, CanonicalEntity] = {}
    for link in links:
        if link is not None and link.entity_id not in canonical:
            canonical[link.entity_id] = CanonicalEntity(link.entity_id, link.name, link.type)
    article.canonical_entities = sorted(canonical.values(), key=lambda c: c.id)
    article.dates = list(doc._.dates or [])
    article.claims = list(doc._.claims or [])
    article.events = list(doc._.events or [])
    article.quantities = list(doc._.quantities or [])
    return article


def _label(tagged: str, link: EntityLink | None) -> str:
    """The mention's type: the model's, unless the article shows it is a person's name the model
    took for an organisation ("led by Trump", where Donald Trump is named before)."""
    return "PERSON" if link is not None and link.type == "PERSON" and tagged == "ORG" else tagged


def _trimmed(text: str, start: int, end: int) -> Sentence:
    """A sentence span without the whitespace (paragraph breaks) spaCy leaves at its edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end)
