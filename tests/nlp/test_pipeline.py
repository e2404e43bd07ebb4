from newsgraph.nlp.pipeline import Analyzer
from newsgraph.records import Article, Published


def make(text: str, published: str | None = "2025-03-05") -> Article:
    return Article(
        id="0" * 16, external_id="t", text=text, published=Published(published, "given" if published else "unknown")
    )


def test_sentences_never_cross_a_paragraph_break(analyzer: Analyzer) -> None:
    text = "The minister spoke in Lima\n\nShe said the aid would arrive by Friday."
    article = analyzer.analyze_one(make(text))
    starts = [s.start for s in article.sentences]
    assert text.index("She") in starts
    for s in article.sentences:
        assert "\n\n" not in text[s.start : s.end]


def test_entities_dates_and_offsets(analyzer: Analyzer) -> None:
    text = (
        "Maria Lopez, a spokeswoman for the World Health Organization, said on Tuesday that Peru "
        "had asked for help last month. She spoke in Geneva."
    )
    article = analyzer.analyze_one(make(text))
    labels = {(e.text, e.label) for e in article.entities}
    assert ("Maria Lopez", "PERSON") in labels
    assert any(e.label == "GPE" and e.text == "Peru" for e in article.entities)
    assert not any(e.text.lower() == "she" for e in article.entities)
    by_text = {d.text: d for d in article.dates}
    assert by_text["last month"].value == "2025-02"
    assert by_text["Tuesday"].value == "2025-03-04" and by_text["Tuesday"].status == "estimated"
    for item in [*article.entities, *article.dates]:
        assert text[item.start : item.end] == item.text


def test_an_earlier_explicit_year_anchors_a_later_bare_month(analyzer: Analyzer) -> None:
    text = "Flights were booked for April 24, 2023. Among those on the April flight was a colonel."
    article = analyzer.analyze_one(make(text))
    values = [d.value for d in article.dates]
    assert values[0] == "2023-04-24"
    assert "2023-04" in values[1:]


def test_batches_keep_records_in_order(analyzer: Analyzer) -> None:
    texts = [f"Story number {i} happened in Paris on May {i + 1}, 2020." for i in range(20)]
    out = list(analyzer.analyze(make(t) for t in texts))
    assert [a.text for a in out] == texts
    assert [a.dates[0].value for a in out] == [f"2020-05-{i + 1:02d}" for i in range(20)]


def test_tense_of_the_clause_places_a_weekday(analyzer: Analyzer) -> None:
    future = analyzer.analyze_one(make("The committee will meet on Friday to decide."))
    past = analyzer.analyze_one(make("The committee met on Friday and decided."))
    assert future.dates[0].value == "2025-03-07"
    assert past.dates[0].value == "2025-02-28"


def test_years_after_prepositions_and_days_inside_time_expressions(analyzer: Analyzer) -> None:
    article = analyzer.analyze_one(make("The law has been in force since 1994. Talks ended on Wednesday night."))
    values = {d.text: d.value for d in article.dates}
    assert values.get("1994") == "1994"
    assert values.get("Wednesday night") == "2025-03-05"


def test_an_article_a_component_fails_on_is_reported_and_the_batch_goes_on() -> None:
    """A component raising on one text (a bug nobody foresaw) fails that article alone, in its
    place, with the component named; the others are analysed. A real spaCy pipeline with a
    component that fails on a marker stands in for such a bug."""
    import spacy
    from spacy.language import Language

    from newsgraph.errors import InputError

    if not Language.has_factory("newsgraph_test_fails_on_marker"):

        @Language.component("newsgraph_test_fails_on_marker")
        def fails_on_marker(doc):  # type: ignore[no-untyped-def]
            if "EXPLODE" in doc.text:
                raise ValueError("a text this component cannot take")
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsgraph_test_fails_on_marker")
    analyzer = Analyzer.__new__(Analyzer)
    analyzer.nlp, analyzer.batch_size, analyzer.failed = nlp, 4, []
    texts = [f"Article {n} says the port reopened on Monday." for n in range(9)]
    texts[4] = "This one will EXPLODE in the middle of the batch."
    articles = []
    for n, text in enumerate(texts):
        article = make(text)
        article.id, article.source = f"{n:016d}", f"input.jsonl:{n + 1}"
        articles.append(article)
    out = list(analyzer.analyze_reporting(articles))
    assert len(out) == 9
    failed = out[4]
    assert isinstance(failed, InputError) and failed.source == "input.jsonl:5"
    assert "newsgraph_test_fails_on_marker" in failed.reason and "ValueError" in failed.reason
    assert [a.text for a in out if not isinstance(a, InputError)] == texts[:4] + texts[5:]
    assert [a.text for a in analyzer.analyze(articles)] == texts[:4] + texts[5:]
    assert [e.source for e in analyzer.failed] == ["input.jsonl:5"]


def test_a_month_of_an_unknown_month_is_kept_and_does_not_stop_the_article(analyzer: Analyzer) -> None:
    text = (
        "The band signed its first contract in 1978. Later that month it played a festival in Leeds, "
        "and on April 3, 1979 it toured Japan."
    )
    article = analyzer.analyze_one(make(text))
    by_text = {d.text.lower(): d.value for d in article.dates}
    assert by_text["april 3, 1979"] == "1979-04-03"
    assert any(value == "1978-XX" for value in by_text.values())
