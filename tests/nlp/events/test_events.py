"""Events of the seeds (EXPECTED.md's table) and the timeline, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from helpers import new_database_url
from newsgraph.nlp.events import EventModel, LinearModel, sentence_features, typed_verbs, using_model, weighted
from newsgraph.nlp.pipeline import Analyzer
from newsgraph.records import Article, Published


@pytest.fixture(scope="module")
def seed_timeline(seeds: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    from typer.testing import CliRunner

    from newsgraph.cli.app import app

    db = new_database_url(tmp_path_factory.mktemp("events"), "events")
    runner = CliRunner()
    runner.invoke(app, ["ingest", *map(str, seeds.values()), "--published", "2025-03-05", "--db", db])
    result = runner.invoke(app, ["timeline", "--json", "--db", db])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def find(
    timeline: list[dict[str, Any]], date: str, event_type: str, actor_id: str | None = None
) -> list[dict[str, Any]]:
    return [
        e
        for e in timeline
        if e["date"]["value"] == date
        and e["type"] == event_type
        and (actor_id is None or (e["actor"] or {}).get("entity_id") == actor_id)
    ]


def test_the_expected_event_table(seed_timeline: list[dict[str, Any]]) -> None:
    t = seed_timeline
    assert find(t, "2022-11", "AGREE") and find(t, "2022-11", "AGREE")[0]["hedged"]  # "reportedly"
    assert find(t, "2023", "COOPERATE", "country:ir")  # bought fighter jets
    for day in ("2024-04-13", "2024-10-01"):
        [strike] = find(t, day, "ASSAULT", "country:ir")
        assert strike["recipient"]["entity_id"] == "country:il" and strike["mode"] == "missile"
    for day in ("2024-04-24", "2024-09-17"):
        [flight] = find(t, day, "CONSULT")
        assert flight["attribution"]["speaker"] == "Reuters"
    visits = find(t, "2024-09", "CONSULT")
    assert any(
        v["attribution"] and v["attribution"]["anonymous"] and v["attribution"]["channel"] == "Reuters" for v in visits
    )
    [sharing] = find(t, "2024-09", "COOPERATE", "country:ru")
    assert sharing["attribution"]["speaker"] == "Bloomberg" and sharing["recipient"]["text"] == "nuclear expertise"
    trips = find(t, "2024", "CONSULT")
    assert any(e["attribution"] and e["attribution"]["anonymous"] for e in trips)
    assert find(t, "2018", "RETREAT") and find(t, "2018", "SANCTION")
    [retaliation] = find(t, "2024-10", "ASSAULT", "country:il")
    assert retaliation["date"]["display"] == "late 2024-10" and retaliation["recipient"]["entity_id"] == "country:ir"
    assert find(t, "2025-01", "AGREE", "country:ru")  # the 20-year agreement
    [meeting] = find(t, "2025-02", "CONSULT")
    assert meeting["recipient"]["entity_id"] == "person:sergey-lavrov"
    assert meeting["place"]["entity_id"] == "country:sa"


def test_timeline_is_ordered_by_event_date_with_evidence(seed_timeline: list[dict[str, Any]]) -> None:
    from newsgraph.store.event_queries import sort_key

    values = [e["date"]["value"] for e in seed_timeline]
    assert values == sorted(values, key=sort_key)
    assert not any(v.startswith("2017") for v in values)  # the caption's date never becomes an event
    for event in seed_timeline:
        evidence = event["evidence"]
        assert event["trigger"]["text"] in evidence["text"]
        assert evidence["start"] <= event["trigger"]["start"] < evidence["end"]


def test_negation_hedging_and_actors_that_can_act(analyzer: Analyzer) -> None:
    def events(text: str) -> list[Any]:
        article = Article(id="0" * 16, external_id="t", text=text, published=Published("2025-03-05", "given"))
        return analyzer.analyze_one(article).events

    assert not events("A magnitude 6.4 earthquake struck the province early on Tuesday.")
    [arrest] = events("Dutch police arrested Pieter van Dalen in Schiedam on Tuesday.")
    assert (arrest.type, arrest.mode, arrest.date.value, arrest.place.text) == (
        "COERCE",
        "arrest",
        "2025-03-04",
        "Schiedam",
    )
    [refusal] = events("France did not sign the treaty in Paris.")
    # The lexicon says AGREE; the PLOVER 2021 manual codes signing a treaty SUPPORT, as the
    # learned typer may: either way the event is kept, marked negated.
    assert refusal.type in ("AGREE", "SUPPORT") and refusal.negated
    [hedged] = events("Israel reportedly attacked Iran's air defenses in October.")
    assert hedged.type == "ASSAULT" and hedged.hedged


def test_passive_acts_without_an_agent_and_acts_not_told_as_facts(analyzer: Analyzer) -> None:
    def events(text: str) -> list[Any]:
        article = Article(id="0" * 16, external_id="t", text=text, published=Published("2025-03-05", "given"))
        return analyzer.analyze_one(article).events

    [detention] = events("Pieter van Dalen was detained in Rotterdam on Tuesday.")
    assert detention.type == "COERCE" and detention.actor is None  # never the patient as actor
    assert detention.recipient.text == "Pieter van Dalen"
    [arrests] = events("Three people have been arrested after the match.")
    assert arrests.recipient.text == "Three people"
    assert not events("Nine people were killed when the bridge collapsed.")  # no one's act
    [nominal] = events("After Pieter van Dalen's arrest, the mayor resigned.")
    assert (nominal.type, nominal.actor, nominal.recipient.text) == ("COERCE", None, "Pieter van Dalen")
    [by_police] = events("The detention of two reporters by police drew protests.")
    assert (by_police.actor.text, by_police.recipient.text) == ("police", "two reporters")
    [shot] = events("Two officers were shot by a gunman in Dallas.")
    assert (shot.type, shot.actor.text) == ("ASSAULT", "a gunman")
    [modal] = events("The tip could help police capture him.")
    assert modal.hedged and not modal.negated
    [conditional] = events("If Iran signs the deal, the embargo ends.")
    assert conditional.type == "AGREE" and conditional.hedged
    failed = events("Russia refused to sign the treaty.")
    assert any(e.type == "AGREE" and e.negated for e in failed)


def test_the_governing_verb_decides_the_type(analyzer: Analyzer) -> None:
    def events(text: str) -> list[tuple[str, str | None, str | None]]:
        article = Article(id="0" * 16, external_id="t", text=text, published=Published("2025-03-05", "given"))
        found = analyzer.analyze_one(article).events
        return [(e.type, e.actor.text if e.actor else None, e.recipient.text if e.recipient else None) for e in found]

    # What is demanded is not done: the demand is the event.
    assert events("Iran demanded that Israel withdraw its troops from Syria.") == [("REQUEST", "Iran", "Israel")]
    assert events("The United States urged China to release the activists.") == [
        ("REQUEST", "The United States", "China")
    ]
    assert events("Iran called on Israel to withdraw its troops.") == [("REQUEST", "Iran", "Israel")]
    assert events("Senator Maria Cantwell endorsed Joe Biden on Monday.")[0][0] == "SUPPORT"
    assert events("The army imposed a curfew on the capital.")[0][0] == "COERCE"


def typer(classes: tuple[str, ...], feature: str, weights: list[float]) -> LinearModel:
    return LinearModel(classes, {feature: 0}, np.array([[w] for w in weights]), np.zeros(len(weights)))


def test_a_learned_model_retypes_the_governing_event_where_it_is_sure(analyzer: Analyzer) -> None:
    # The n-gram "treaty", its TF-IDF value 1.0 (the only n-gram the model knows), says SUPPORT.
    model = EventModel(None, typer(("AGREE", "SUPPORT"), "ng=treaty", [-2.0, 2.0]), {"ng=treaty": 1.0})
    text = "France signed the treaty in Paris."
    article = Article(id="0" * 16, external_id="t", text=text, published=Published(None, "unknown"))
    with using_model(None):
        [ruled] = analyzer.analyze_one(article).events
    with using_model(model):
        [learned] = analyzer.analyze_one(article).events
    assert (ruled.type, learned.type) == ("AGREE", "SUPPORT")
    assert learned.confidence == round(1 / (1 + np.exp(-4.0)), 2)  # softmax of -2 and 2: 0.98
    assert (learned.actor, learned.trigger) == (ruled.actor, ruled.trigger)  # the parse keeps the roles
    unsure = EventModel(None, typer(("AGREE", "SUPPORT"), "ng=treaty", [-0.1, 0.1]), {"ng=treaty": 1.0})
    with using_model(unsure):
        assert [e.type for e in analyzer.analyze_one(article).events] == ["AGREE"]  # 0.55: the rules stand


def test_the_detector_finds_an_event_no_rule_types(analyzer: Analyzer) -> None:
    """A sentence no lexicon or dictionary types gets the typer's type where the detector is sure,
    with the governing verb as trigger and the parse's roles."""
    text = "Germany sheltered two thousand families from Syria last winter."
    article = Article(id="0" * 16, external_id="t", text=text, published=Published(None, "unknown"))
    with using_model(None):
        assert analyzer.analyze_one(article).events == []
    idf = {"ng=sheltered": 1.0}
    sure = typer(("EVENT", "NONE"), "ng=sheltered", [-3.0])  # one row: the log-odds of NONE
    model = EventModel(sure, typer(("AID", "ASSAULT"), "ng=sheltered", [1.0, -1.0]), idf, detect=0.9)
    with using_model(model):
        [event] = analyzer.analyze_one(article).events
    assert (event.type, event.trigger.text) == ("AID", "sheltered")
    assert event.actor is not None and event.actor.text == "Germany"
    assert event.confidence == round(1 / (1 + np.exp(-3.0)), 2)
    doubtful = EventModel(typer(("EVENT", "NONE"), "ng=sheltered", [-1.0]), model.typer, idf, detect=0.9)
    with using_model(doubtful):
        assert analyzer.analyze_one(article).events == []  # 0.73 < 0.9


def test_the_detector_leaves_out_a_rule_event_it_is_sure_is_none(analyzer: Analyzer) -> None:
    """The lexicons fire on product copy as on news: where the detector gives a sentence less than
    `drop`, its rule events are left out."""
    text = "Samsung attacked the budget market with a cheaper phone."
    article = Article(id="0" * 16, external_id="t", text=text, published=Published(None, "unknown"))
    with using_model(None):
        ruled = analyzer.analyze_one(article).events
    assert [e.type for e in ruled] == ["ASSAULT"]
    idf = {"ng=phone": 1.0}
    types = typer(("ASSAULT", "SUPPORT"), "ng=phone", [0.0, 0.0])
    sure_none = typer(("EVENT", "NONE"), "ng=phone", [3.0])
    with using_model(EventModel(sure_none, types, idf, drop=0.5)):
        assert analyzer.analyze_one(article).events == []
    with using_model(EventModel(sure_none, types, idf, drop=0.0)):
        assert [e.type for e in analyzer.analyze_one(article).events] == [e.type for e in ruled]


def test_what_the_models_see_of_a_sentence(analyzer: Analyzer) -> None:
    text = "Police arrested two protesters outside the embassy in Lima."
    article = Article(id="0" * 16, external_id="t", text=text, published=Published(None, "unknown"))
    doc = analyzer.nlp(analyzer.make_doc(article))
    features = sentence_features(doc[:], list(doc._.events or []), typed_verbs(doc[:]))
    assert {"root=arrest", "root_obj=arrest:protesters", "subj=police", "ng=police arrested"} <= set(features)
    assert features["rule=COERCE"] == 1.0
    read = weighted(features, {"ng=police": 2.0, "ng=arrested": 2.0})
    assert read["ng=police"] == read["ng=arrested"] == pytest.approx(2 ** -0.5)  # unit length
    assert "ng=lima" not in read  # n-grams the model does not know are left out


def test_the_cameo_dictionary_types_verbs_our_lexicon_does_not_know(analyzer: Analyzer) -> None:
    def types(text: str) -> list[tuple[str, str]]:
        article = Article(id="0" * 16, external_id="t", text=text, published=Published("2025-03-05", "given"))
        return [(e.type, e.trigger.text) for e in analyzer.analyze_one(article).events]

    assert types("Ministers of Chile and Peru reached a consensus on the maritime border.") == [("AGREE", "reached")]
    assert types("Norway launched a mediation effort between the government and the rebels.") == [
        ("CONSULT", "launched")
    ]
    # A verb's default code alone types nothing: "checked into rehab" is no investigation.
    assert types("Maria Lopez checked into a clinic in Malibu on Thursday.") == []
    assert types("The minister said the talks would resume in May.") == []  # "said" is never the event


def test_demo_events_have_known_answers(db_url: str, cli: Any) -> None:
    assert cli("demo", "--db", db_url).exit_code == 0
    timeline = json.loads(cli("timeline", "--json", "--undated", "--db", db_url).stdout)
    arrests = {(e["recipient"] or {}).get("text") for e in timeline if e["type"] == "COERCE" and e["mode"] == "arrest"}
    assert {"Pieter van Dalen", "Elena Castrillo"} <= arrests
    signings = [e for e in timeline if e["type"] == "AGREE" and e["date"]["value"] == "2026-05-14"]
    assert len({e["outlet"] for e in signings}) >= 4
    assert any((e["place"] or {}).get("text") == "Hanoi" for e in signings)
    assert not [e for e in timeline if e["type"] == "ASSAULT"], "no one was attacked in the demo stories"
    assert any(e["type"] == "PROTEST" and e["mode"] == "strike" for e in timeline)
    confident = json.loads(cli("timeline", "--json", "--undated", "--min-confidence", "0.8", "--db", db_url).stdout)
    assert confident and all(e["confidence"] >= 0.8 for e in confident) and len(confident) < len(timeline)
    russia = json.loads(cli("timeline", "--json", "--entity", "Chile", "--db", db_url).stdout)
    assert russia and all(
        "country:cl" in ((e["actor"] or {}).get("entity_id"), (e["recipient"] or {}).get("entity_id")) for e in russia
    )


def test_an_event_without_a_date_of_its_own_carries_the_reporting_day(analyzer: Analyzer) -> None:
    def dates(text: str, published: str | None) -> list[tuple[str | None, str]]:
        article = Article(id="0" * 16, external_id="t", text=text, published=Published(published, "given"))
        return [(e.date.value, e.date.basis) if e.date else (None, "-") for e in analyzer.analyze_one(article).events]

    with using_model(None):
        untold = "Dutch police arrested Pieter van Dalen in Schiedam."
        assert dates(untold, "2025-03-05") == [("2025-03-05", "reported")]
        assert dates("Dutch police arrested Pieter van Dalen in Schiedam on Tuesday.", "2025-03-05") == [
            ("2025-03-04", "text")
        ]
        assert dates(untold, None) == [(None, "-")]  # no publication date: nothing to say


def test_an_event_told_twice_in_an_article_is_one_event_with_two_mentions(analyzer: Analyzer) -> None:
    text = (
        "Dutch police arrested Pieter van Dalen in Schiedam on Tuesday.\n\n"
        "The mayor said the city was calm.\n\n"
        "Dutch police arrested Pieter van Dalen after a short chase on Tuesday, a spokesman said.\n\n"
        "Police in Rotterdam arrested Maria Lopez on Tuesday."
    )
    article = Article(id="0" * 16, external_id="t", text=text, published=Published("2025-03-05", "given"))
    with using_model(None):
        events = analyzer.analyze_one(article).events
    arrests = [(e.recipient.text if e.recipient else None, len(e.mentions)) for e in events if e.type == "COERCE"]
    assert arrests == [("Pieter van Dalen", 1), ("Maria Lopez", 0)]  # another person is another arrest
    [first] = [e for e in events if e.recipient and e.recipient.text == "Pieter van Dalen"]
    again = text.index("arrested", text.index("calm"))
    assert (first.mentions[0].start, first.mentions[0].text) == (again, "arrested")


def test_the_timeline_says_which_dates_are_reporting_days(db_url: str, cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "arrest.txt"
    source.write_text(
        "Arrests in Schiedam\n\nDutch police arrested Pieter van Dalen in Schiedam.\n\n"
        "Prosecutors charged Maria Lopez with fraud on Monday.\n",
        encoding="utf-8",
    )
    assert cli("ingest", str(source), "--published", "2025-03-05", "--db", db_url).exit_code == 0
    timeline = json.loads(cli("timeline", "--json", "--db", db_url).stdout)
    shown = {e["trigger"]["text"]: (e["date"]["value"], e["date"]["basis"], e["date"]["display"]) for e in timeline}
    assert shown["arrested"] == ("2025-03-05", "reported", "reported 2025-03-05")
    assert shown["charged"] == ("2025-03-03", "text", "2025-03-03")


def test_what_happens_in_general_and_what_a_page_offers_are_no_events(analyzer: Analyzer) -> None:
    def types(text: str) -> list[str]:
        article = Article(id="0" * 16, external_id="t", text=text, published=Published("2025-03-05", "given"))
        with using_model(None):
            return [e.type for e in analyzer.analyze_one(article).events]

    # Generic and hypothetical: what happens when anyone is arrested is no arrest.
    assert types("When a citizen is arrested abroad by police, the consulate informs the family.") == []
    assert types("When police arrested Ana Ruiz in Lima, the consulate informed her family.") == ["COERCE"]
    # Promotions: the reader is invited to protest, no one protested (an imperative names no
    # actor, and an event needs one).
    assert types("Protest the closure of the embassy with Amnesty International on Saturday.") == []
    assert types("Amnesty International protested the closure of the embassy on Saturday.") == ["PROTEST"]


def test_come_under_fire_from_turns_the_roles_round(analyzer: Analyzer) -> None:
    def roles(text: str) -> list[tuple[str, str | None, str | None]]:
        article = Article(id="0" * 16, external_id="t", text=text, published=Published("2025-03-05", "given"))
        with using_model(None):
            found = analyzer.analyze_one(article).events
        return [(e.type, e.actor.text if e.actor else None, e.recipient.text if e.recipient else None) for e in found]

    assert roles("The health minister came under fire from opposition lawmakers on Monday.") == [
        ("ACCUSE", "opposition lawmakers", "The health minister")
    ]
    assert roles("The convoy came under fire from militants near Kandahar.")[0][:2] == ("ASSAULT", "militants")
