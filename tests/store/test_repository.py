import json
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from newsgraph.records import Article, DateMention, EntityMention, Published, Removed, Sentence, plain
from newsgraph.store import ArticleStore, SaveOutcome, open_database
from newsgraph.store.models import Base


def sample(article_id: str = "a" * 16, external_id: str = "x.txt", text: str = "Lima said so on Monday.") -> Article:
    return Article(
        id=article_id,
        external_id=external_id,
        text=text,
        title="T",
        outlet="Outlet",
        published=Published("2025-03-05", "given"),
        removed=[Removed("news", "section_label")],
        sentences=[Sentence(0, len(text))],
        entities=[EntityMention("Lima", "GPE", 0, 4)],
        dates=[DateMention("Monday", 16, 22, "2025-03-03", "day", "estimated")],
        metadata={"format": "text"},
    )


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    engine = open_database(db_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_name": lambda name, kind, _parent: (
                    not (kind == "table" and name and name.startswith("search_index"))
                )
            },
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    assert "articles" in inspect(engine).get_table_names()
    open_database(db_url)  # a second open finds the schema current


def test_round_trip_is_exact(db_url: str) -> None:
    store = ArticleStore(open_database(db_url))
    article = sample()
    assert store.save(article) is SaveOutcome.NEW
    assert store.get(article.id).to_dict() == article.to_dict()
    assert store.get("x.txt").id == article.id
    assert store.get("aaaa").id == article.id


def test_saving_again_changes_nothing_and_new_text_is_a_new_version(db_url: str) -> None:
    store = ArticleStore(open_database(db_url))
    store.save(sample())
    assert store.save(sample()) is SaveOutcome.UNCHANGED
    assert store.count() == 1
    second = sample(article_id="b" * 16, text="Lima said so again on Monday.")
    assert store.save(second) is SaveOutcome.NEW
    assert store.count() == 1 and store.count(current_only=False) == 2
    current = store.get("x.txt")
    assert (current.id, current.version, current.supersedes) == ("b" * 16, 2, "a" * 16)
    assert [s.version for s in store.summaries(all_versions=True)] == [1, 2]


def test_errors_are_recorded_once(db_url: str) -> None:
    store = ArticleStore(open_database(db_url))
    store.record_error("bad.txt", "empty file")
    store.record_error("bad.txt", "empty file")
    assert store.errors() == [("bad.txt", "empty file")]


def test_iter_articles_streams_everything(db_url: str) -> None:
    store = ArticleStore(open_database(db_url))
    for i in range(25):
        store.save(sample(article_id=f"{i:016x}", external_id=f"{i}.txt"))
    assert [a.external_id for a in store.iter_articles(batch_size=7)] == [f"{i}.txt" for i in range(25)]


def test_exported_records_read_back_into_the_model(db_url: str, cli: Any) -> None:
    """The JSON record is a contract both ways: `Article.from_dict` rebuilds what `to_dict` wrote."""
    from newsgraph.records import Article as Record

    cli("demo", "--db", db_url)
    for line in cli("export", "--db", db_url).stdout.splitlines():
        data = json.loads(line)
        assert Record.from_dict(data).to_dict() == data


def test_claim_evidence_is_stored_and_read_back(db_url: str, analyzer: Any) -> None:
    text = 'Ferry fares will rise. "We waited too long to fix the wall," said Mara Voss, the harbour master.'
    article = analyzer.analyze_one(sample(text=text))
    assert any(c.source is not None and c.cue_span is not None and c.confidence for c in article.claims)
    store = ArticleStore(open_database(db_url))
    store.save(article)
    assert plain(store.get(article.id).claims) == plain(article.claims)


def test_an_article_the_database_refuses_fails_alone(db_url: str) -> None:
    """A value no check at the edge foresaw (here NUL, which PostgreSQL refuses in text and
    SQLite keeps) fails its own article; the others of its write batch are stored."""
    store = ArticleStore(open_database(db_url))
    refused = sample("c" * 16, "refused.txt", "Quito said so on Monday.")
    refused.title = "before\x00after"
    articles = [sample("b" * 16, "first.txt"), refused, sample("d" * 16, "last.txt", "Lima said no on Monday.")]
    outcomes = [outcome for _, outcome in store.save_many(articles)]
    if store.engine.dialect.name == "postgresql":
        assert outcomes == [SaveOutcome.NEW, SaveOutcome.FAILED, SaveOutcome.NEW]
        assert "NUL" in store.save_errors["c" * 16]
    else:
        assert outcomes == [SaveOutcome.NEW] * 3
    assert store.has("b" * 16) and store.has("d" * 16)
