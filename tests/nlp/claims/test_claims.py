"""Claims and attribution on the seeds (EXPECTED.md) and the demo corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.demo import DEMO_CORPUS
from newsgraph.ingest import prepare_article, read_source
from newsgraph.nlp.pipeline import Analyzer
from newsgraph.records import Article, Claim, Published
from newsgraph.settings import Settings


@pytest.fixture(scope="module")
def seed_claims(seeds: dict[str, Path], analyzer: Analyzer) -> dict[str, list[Claim]]:
    out = {}
    for key, path in seeds.items():
        [raw] = list(read_source(path, Settings(database_url="sqlite://")))
        article = analyzer.analyze_one(prepare_article(raw, published="2025-03-05"))  # type: ignore[arg-type]
        for claim in article.claims:
            assert article.text[claim.start : claim.end] == claim.text
        out[key] = article.claims
    return out


def by_speaker(claims: list[Claim], name: str) -> list[Claim]:
    return [c for c in claims if c.speaker and c.speaker.name == name]


def test_direct_quote_with_role_and_organisation(seed_claims: dict[str, list[Claim]]) -> None:
    quotes = [c for c in seed_claims["003"] if c.kind == "direct_quote"]
    [quote] = [q for q in quotes if q.text.startswith("Russian missile specialists")]
    assert quote.speaker is not None and quote.speaker.name == "Behnam Ben Taleblu"
    assert quote.speaker.entity_id == "person:behnam-ben-taleblu"
    assert quote.speaker.role == "senior fellow"
    assert quote.speaker.organisation == "Foundation for Defense of Democracies"


def test_indirect_claims_and_pronoun_speakers(seed_claims: dict[str, list[Claim]]) -> None:
    claims = seed_claims["003"]
    assert len([c for c in by_speaker(claims, "Behnam Ben Taleblu") if c.kind == "indirect"]) >= 2
    [carl] = [c for c in by_speaker(claims, "Nicholas Carl") if c.cue == "pointed"]
    assert carl.speaker and carl.speaker.organisation == "American Enterprise Institute"
    # "Experts like Carl suggest that ..." is a claim too, by the experts the phrase describes.
    [experts] = [c for c in by_speaker(claims, "Nicholas Carl") if c.cue == "suggest"]
    assert experts.speaker and experts.speaker.description == "Experts like Carl"
    stricker = by_speaker(claims, "Andrea Stricker")
    assert len(stricker) == 3  # told, added, and "She stated"
    assert any(c.speaker and c.speaker.description == "She" for c in stricker)


def test_anonymous_sources_speak_through_reuters(seed_claims: dict[str, list[Claim]]) -> None:
    anonymous = [c for c in seed_claims["000"] if c.speaker and c.speaker.anonymous]
    assert len(anonymous) == 2
    assert all(c.channel == "Reuters" for c in anonymous)
    descriptions = " ".join(c.speaker.description or "" for c in anonymous if c.speaker)
    assert "requested anonymity" in descriptions and "Western defense official" in descriptions


def test_reported_by_chains(seed_claims: dict[str, list[Claim]]) -> None:
    claims = seed_claims["000"]
    assert any(c.kind == "report" and c.speaker and c.speaker.name == "Reuters" for c in claims)
    assert any(c.kind == "report" and c.speaker and c.speaker.name == "Bloomberg" for c in claims)
    according = [c for c in claims if c.kind == "according_to"]
    assert according and all(c.speaker and c.speaker.name == "Reuters" for c in according)


def test_broken_attribution_in_003_and_none_in_intact_articles(seed_claims: dict[str, list[Claim]]) -> None:
    issues = [issue for c in seed_claims["003"] for issue in c.issues]
    assert issues.count("empty_source") == 1
    assert issues.count("missing_reporter") == 1
    assert issues.count("truncated_source") == 2  # "stating to Digital", "told Digital"
    assert not [c.issues for c in seed_claims["000"] if c.issues]


def test_demo_articles_have_attributed_claims_and_no_false_alarms(analyzer: Analyzer) -> None:
    rows = [json.loads(line) for line in (DEMO_CORPUS / "articles.jsonl").read_text().splitlines()]
    articles = list(
        analyzer.analyze(
            Article(id=f"{i:016x}", external_id=r["id"], text=r["text"], published=Published(r["published"], "given"))
            for i, r in enumerate(rows)
        )
    )
    for article in articles:
        assert not [c for c in article.claims if c.issues], article.external_id
        for claim in article.claims:
            assert article.text[claim.start : claim.end] == claim.text
    claims = {a.external_id: a.claims for a in articles}
    ccama = [c for c in claims["cd-peru-quake-01"] if c.speaker and c.speaker.name == "Felipe Ccama"]
    assert any(c.channel == "Coastline Daily" for c in ccama)
    anonymous = [c for a in articles for c in a.claims if c.speaker and c.speaker.anonymous]
    assert len(anonymous) >= 6


def analyse_text(analyzer: Analyzer, text: str, name: str) -> Article:
    """An article written for a test, analysed as published on the seeds' date."""
    published = Published("2025-03-05", "given")
    article = Article(id=name.ljust(16, "0")[:16], external_id=name, text=text, published=published)
    return analyzer.analyze_one(article)


EVIDENCE_TEXT = (
    "Ferry fares will rise in March.\n\n"
    '"There is no other way to pay for the repairs," said Mara Voss, the harbour master. '
    '"We waited too long," she said.\n\n'
    "According to the island council, the wall is 80 years old. Critics of the plan say it hits commuters hardest."
)


@pytest.fixture(scope="module")
def evidence_claims(analyzer: Analyzer) -> Article:
    return analyse_text(analyzer, EVIDENCE_TEXT, "evidence")


def test_cue_and_source_offsets_round_trip(evidence_claims: Article) -> None:
    text = evidence_claims.text
    assert evidence_claims.claims
    for claim in evidence_claims.claims:
        for span in (claim.cue_span, claim.source):
            if span is not None:
                assert text[span.start : span.end] == span.text
    named = next(c for c in evidence_claims.claims if c.text.startswith("There is no other way"))
    assert named.source is not None and named.source.text.startswith("Mara Voss")
    assert named.cue_span is not None and named.cue_span.text == "said"
    according = next(c for c in evidence_claims.claims if c.kind == "according_to")
    assert according.cue_span is not None and according.cue_span.text == "According to"
    assert according.source is not None and according.source.text == "the island council"


def test_a_resolved_pronoun_is_less_sure_than_a_name_by_the_cue(evidence_claims: Article) -> None:
    named = next(c for c in evidence_claims.claims if c.text.startswith("There is no other way"))
    pronoun = next(c for c in evidence_claims.claims if c.text.startswith("We waited"))
    assert pronoun.speaker is not None and pronoun.speaker.name == "Mara Voss"
    assert pronoun.source is not None and pronoun.source.text == "she"
    assert named.confidence is not None and pronoun.confidence is not None
    assert pronoun.confidence < named.confidence


def test_transcript_labels_and_dashes_name_the_speaker(analyzer: Analyzer) -> None:
    text = (
        "Debate night on the island\n\n"
        '"MORENO: Will the ferry fares rise again next year, and who will pay for the new harbour wall?"\n\n'
        "\u201cThe fares are already more than a family can afford in a month.\u201d \u2015 Lena Ortiz\n"
    )
    article = analyse_text(analyzer, text, "labels")
    by_text = {c.text.split()[0]: c for c in article.claims}
    label = by_text["Will"]
    assert label.speaker is not None and label.speaker.name == "Moreno"
    assert label.source is not None and text[label.source.start : label.source.end] == "MORENO"
    dash = by_text["The"]
    assert dash.speaker is not None and dash.speaker.name == "Lena Ortiz"
    assert dash.source is not None and dash.source.text == "Lena Ortiz"


def test_he_and_she_go_to_a_person_of_the_gender_the_text_shows(analyzer: Analyzer) -> None:
    text = (
        "Boiler case ends\n\n"
        "Mr Tomas Brandt sat in court on Monday as the engineer who fitted the boiler was sentenced. "
        "His daughter, Lena Brandt, died in the flat in 2021. "
        '"Her death was preventable," he told the jury.\n\n'
        "Chief inspector Mara Voss gave evidence after him. "
        '"The flue was never checked," she said.'
    )
    article = analyse_text(analyzer, text, "pronouns")
    speakers = {c.text.split()[0]: c.speaker.name if c.speaker else None for c in article.claims}
    assert speakers["Her"] == "Tomas Brandt"  # not his daughter, named nearer the pronoun
    assert speakers["The"] == "Mara Voss"


def test_the_role_goes_to_the_person_introduced_with_it(analyzer: Analyzer) -> None:
    text = (
        "Harbour reopens\n\n"
        "Governor Helen Carter visited the harbour on Monday with the port director, Tomas Brandt. "
        "Crews had worked through the night to clear the channel.\n\n"
        '"We will rebuild the wall before winter," the governor said.'
    )
    article = analyse_text(analyzer, text, "roles")
    [quote] = [c for c in article.claims if c.text.startswith("We will rebuild")]
    assert quote.speaker is not None and quote.speaker.name == "Helen Carter"
    assert quote.source is not None and quote.source.text == "the governor"


def test_the_title_of_a_work_in_quotation_marks_is_no_claim(analyzer: Analyzer) -> None:
    text = (
        "Safety drive\n\n"
        '"We printed one for every household," the mayor said of the booklet titled '
        '"How to Keep Your Boiler Safe Through the Winter Months".'
    )
    article = analyse_text(analyzer, text, "titled")
    assert [c.text for c in article.claims] == ["We printed one for every household"]


def test_a_cue_between_commas_attributes_the_clause_around_it(analyzer: Analyzer) -> None:
    text = (
        "Ferry plans\n\n"
        "The new terminal, which, the harbour master said, will open in May, has room for four ferries.\n\n"
        "Too often, Ms Voss said, the island is an afterthought for planners on the mainland."
    )
    article = analyse_text(analyzer, text, "commas")
    voss = [c for c in article.claims if c.speaker and c.speaker.name == "Voss"]
    assert voss and "afterthought" in voss[0].text
    assert any("open in May" in c.text and c.speaker and c.speaker.description == "the harbour master"
               for c in article.claims)


def test_a_headline_names_its_source_before_a_colon(analyzer: Analyzer) -> None:
    text = (
        "Poll: island voters split evenly on the new ferry contract\n\n"
        "Update: the council will publish the contract next week.\n\n"
        "The vote is due in June."
    )
    article = analyse_text(analyzer, text, "headline")
    [claim] = article.claims  # "Update:" names no source
    assert claim.text.startswith("island voters split evenly")
    assert claim.source is not None and claim.source.text == "Poll"


def test_quotations_in_doubled_apostrophes_and_interrupted_by_their_cue(analyzer: Analyzer) -> None:
    text = (
        "The harbour board met on Monday.\n\n"
        "''The ferry will run all winter,'' said Ines Marlowe, the board's chair. ''Nobody will be stranded.''\n\n"
        "\u201cWe asked for this,\u201d Tomas Reyes said, pointing at the quay, "
        "\u201cand we will hold them to it.\u201d"
    )
    article = analyse_text(analyzer, text, "apostrophes")
    quotes = [c for c in article.claims if c.kind == "direct_quote"]
    assert [c.speaker.name if c.speaker else None for c in quotes] == ["Ines Marlowe", "Tomas Reyes"]
    assert quotes[0].text.endswith("Nobody will be stranded.")  # the chain is one statement
    assert quotes[1].text.startswith("We asked") and quotes[1].text.endswith("hold them to it.")


def test_beliefs_feelings_and_claims_named_by_a_noun(analyzer: Analyzer) -> None:
    text = (
        "Fishermen on the island were frustrated that the quota had not changed.\n\n"
        "The mayor rejected Helen Ward's claim that the harbour was unsafe.\n\n"
        "The council, which has argued that the fees are fair, will vote in May.\n\n"
        "It is clear that the fees will rise."
    )
    article = analyse_text(analyzer, text, "beliefs")
    by_text = {c.text: c for c in article.claims}
    assert by_text["the quota had not changed"].source.text == "Fishermen on the island"  # type: ignore[union-attr]
    claim = by_text["the harbour was unsafe"]
    assert claim.speaker is not None and claim.speaker.name == "Helen Ward" and claim.cue == "claim"
    relative = by_text["the fees are fair"]
    assert relative.source is not None and relative.source.text == "which"  # the mention; the council speaks
    assert relative.speaker is not None and "council" in (relative.speaker.description or "").lower()
    assert not any(c.text.startswith("the fees will rise") for c in article.claims)  # "it is clear": no one


def test_a_sentence_ending_in_a_colon_introduces_the_next_paragraph(analyzer: Analyzer) -> None:
    text = (
        "The harbour master spoke after the storm.\n\n"
        "Marta Kell told reporters:\n\n"
        "\u201cThe breakwater held, and every boat is accounted for.\u201d\n\n"
        "Her deputy added:\n\n"
        "The ferry will not run before Thursday and the quay stays closed."
    )
    article = analyse_text(analyzer, text, "colon")
    quote = next(c for c in article.claims if c.text.startswith("The breakwater held"))
    assert quote.speaker is not None and quote.speaker.name == "Marta Kell"
    unquoted = next(c for c in article.claims if c.text.startswith("The ferry will not run"))
    assert unquoted.source is not None and unquoted.source.text == "Her deputy"


def test_a_show_named_in_quotation_marks_is_no_quotation(analyzer: Analyzer) -> None:
    text = (
        "\u201cThe vote was never in doubt,\u201d Rosa Ibarra said on Channel Nine\u2019s \u201cMorning Harbour "
        "Hour.\u201d \u201cWe counted every ballot twice.\u201d"
    )
    article = analyse_text(analyzer, text, "show")
    assert not any("Morning Harbour" in c.text and len(c.text) < 30 for c in article.claims)
    quote = article.claims[0]
    assert quote.speaker is not None and quote.speaker.name == "Rosa Ibarra"
    assert quote.text.endswith("We counted every ballot twice.")


def test_a_headline_source_is_the_person_the_article_names_in_full(analyzer: Analyzer) -> None:
    text = (
        "Okafor: the bridge tolls will not rise this year\n\n"
        "Transport minister Grace Okafor told the assembly on Tuesday that the budget was balanced."
    )
    article = analyse_text(analyzer, text, "headline-name")
    headline = article.claims[0]
    assert headline.text.startswith("the bridge tolls")
    assert headline.speaker is not None and headline.speaker.name == "Grace Okafor"


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        pytest.param(  # "he" goes to the recent subject, not the nearer name in another role
            "Councillor Tom Reyes attacked the harbour plan drawn up by Mark Blake on Monday.\n\n"
            "\u201cThis plan will sink the fishing fleet,\u201d he said.",
            "This plan will sink the fishing fleet",
            "Tom Reyes",
            id="salient-subject",
        ),
        pytest.param(  # opened with a straight mark, closed with a curly one
            'The vote went ahead. "We were never consulted about the new timetable,\u201d said Joan Miller, '
            "who chairs the commuters' association.",
            "We were never consulted about the new timetable",
            "Joan Miller",
            id="mixed-marks",
        ),
    ],
)
def test_who_speaks_a_quotation(analyzer: Analyzer, text: str, quoted: str, speaker: str) -> None:
    article = analyse_text(analyzer, text, "speaker")
    quote = next(c for c in article.claims if c.kind == "direct_quote")
    assert quote.text == quoted
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_headline_source_with_a_lower_case_word_or_an_audience(analyzer: Analyzer) -> None:
    text = (
        "Okafor camp: the toll rise would hurt commuters most\n\n"
        "Transport minister Grace Okafor spoke on Tuesday.\n\n"
        "Okafor to port workers: the night shift stays open through the winter\n\n"
        "Okafor spoke again on Wednesday."
    )
    article = analyse_text(analyzer, text, "headline-camp")
    sources = {c.text: c.source.text for c in article.claims if c.source is not None}
    assert sources["the toll rise would hurt commuters most"] == "Okafor camp"
    assert sources["the night shift stays open through the winter"] == "Okafor"  # port workers only listen
