"""Who a pronoun speaker is, and what looks like an attribution and is none (issue 28), on text
written for each phenomenon; bench/speakers.py measures the same on labelled real news."""

from __future__ import annotations

from newsgraph.nlp.claims.pronouns import first_name_genders
from newsgraph.records import Claim


def speakers(claims: list[Claim]) -> list[str | None]:
    return [(c.speaker.name or c.speaker.description) if c.speaker else None for c in claims]


def test_wishes_decisions_and_knowledge_told_by_the_narrator_are_no_claims(claims_of) -> None:  # type: ignore[no-untyped-def]
    assert not claims_of("Marta Ruiz wanted to leave the city before the storm reached the coast.")
    assert not claims_of("The mayor decided to close the bridge for three weeks of repairs.")
    assert not claims_of("The driver knew how to reach the harbour without the main road.")
    # A verb of saying or believing stays a cue, and so does a refusal PolNeAR's coders count.
    [said] = claims_of("The mayor said the bridge would reopen in three weeks.")
    assert said.speaker is not None and said.speaker.name == "The mayor"
    assert claims_of("The governor believed that the repairs would take a month.")


def test_an_empty_it_and_a_products_features_are_no_claims(claims_of) -> None:  # type: ignore[no-untyped-def]
    assert not claims_of("It's worth noting that the cheaper model has a smaller battery.")
    assert not claims_of("It is important to understand how the warranty works before you buy.")
    assert not claims_of("The new kettle is quiet. It supports three temperature settings and a timer.")
    assert not claims_of("Declining to reveal who had paid for the trip, the senator left the room.")


def test_a_speaking_it_or_they_stands_for_the_organisation_or_group_named_before(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = claims_of(
        "The Harbour Authority closed the port on Monday. It said the cranes had been damaged by the wind."
    )
    assert speakers(found) == ["Harbour Authority"]
    found = claims_of("Police searched the house on Friday. They said nothing of value had been taken.")
    assert speakers(found) == ["Police"]
    # An "it" that stands for nothing said before it names no one, and says so.
    [unnamed] = claims_of("It said the cranes had been damaged by the wind.")
    assert unnamed.speaker is not None and unnamed.speaker.name is None and unnamed.confidence == 0.3


def test_he_and_she_go_to_a_person_of_that_gender_or_to_no_one(claims_of) -> None:  # type: ignore[no-untyped-def]
    table = first_name_genders()
    male = next(name for name, gender in sorted(table.items()) if gender == "m" and len(name) > 3)
    female = next(name for name, gender in sorted(table.items()) if gender == "f" and len(name) > 3)
    text = (
        f"{female.title()} Okafor met {male.title()} Lindqvist at the station. "
        f"The train was late. \"We will complain to the company,\" she said."
    )
    [quote] = claims_of(text)
    assert quote.speaker is not None and quote.speaker.name == f"{female.title()} Okafor"
    # Two people whose gender nothing shows, neither a recent subject: no guess.
    text = "A letter from Dr. Okafor reached Dr. Lindqvist in May. The weather was fine. \"It came too late,\" he said."
    [quote] = claims_of(text)
    assert quote.speaker is not None and quote.speaker.name is None


def test_what_is_due_and_what_no_one_said_are_no_claims(claims_of) -> None:  # type: ignore[no-untyped-def]
    assert not claims_of("She is expected to be arraigned in the county court on Monday.")
    assert not claims_of("No-one said the road was safe.")
    assert not claims_of("No one said the road was safe.")
    [said] = claims_of("Police said no one was hurt in the fire.")
    assert said.speaker is not None and "Police" in (said.speaker.name, said.speaker.description)


def test_a_quotation_after_the_sentence_that_introduces_its_speaker_is_theirs(claims_of) -> None:  # type: ignore[no-untyped-def]
    [quote] = claims_of("Amara Diallo, the union's leader, spoke after the vote. \"We will strike again if we must.\"")
    assert quote.kind == "direct_quote" and quote.speaker is not None and quote.speaker.name == "Amara Diallo"
    assert quote.confidence is not None and quote.confidence < 0.9  # carried over, not named at the quote


def test_a_dateline_is_no_speaker(claims_of) -> None:  # type: ignore[no-untyped-def]
    [said] = claims_of("ST CATHERINE, Jamaica -- Police said two men were arrested at the port.")
    assert said.speaker is not None and "Police" in (said.speaker.name, said.speaker.description)
