import pytest

from newsgraph.ingest.debris import classify_line, clean_lines, split_title


def test_section_label_caption_repeat_and_trailing_label_are_removed_with_reasons() -> None:
    raw = (
        "news\n\nA headline about a port\n\nThe first paragraph says what happened.\n\n"
        "Cranes at the port of Antwerp, Belgium, May 2, 2019. Credit: Jan Peeters/Shutterstock.\n"
        "Cranes at the port of Antwerp, Belgium, May 2, 2019. Credit: Jan Peeters/Shutterstock.\n\n"
        "The second paragraph quotes an official who spoke at length about the port.\n\n"
        "The second paragraph quotes an official who spoke at length about the port.\n\nTopics"
    )
    clean = clean_lines(raw)
    title = split_title(clean)
    assert title == "A headline about a port"
    reasons = [r.reason for r in clean.removed]
    assert reasons == ["section_label", "caption", "caption", "repeated_line", "trailing_label"]
    assert "2019" not in clean.text and "Shutterstock" not in clean.text
    assert clean.text.endswith("about the port.")
    assert clean.text.count("second paragraph") == 1


def test_trailing_label_glued_to_last_sentence() -> None:
    clean = clean_lines("Body text that ends here.Topics")
    assert clean.text == "Body text that ends here."
    assert clean.removed[0].reason == "trailing_label"


def test_story_lines_that_mention_photos_in_prose_are_kept() -> None:
    line = (
        "The minister said the photographs published by the newspaper showed the damage clearly, and "
        "that a full report on the damaged bridges, roads and schools would follow within weeks."
    )
    assert classify_line(line) is None
    assert classify_line("Photo: Ana Ruiz/Meridian Wire") == "caption"
    assert classify_line("Advertisement") == "trailing_label"
    assert classify_line("Sign up for our free morning newsletter") == "newsletter"


def test_whitespace_and_line_endings_are_normalised() -> None:
    clean = clean_lines("Title line\r\n\r\nA  body\u00a0line with   spaces.\r\nAnother line.")
    assert clean.paragraphs == ["Title line", "A body line with spaces.", "Another line."]


# One line of each kind of page furniture met on real news pages, written for this test.
FURNITURE = [
    ("Our Standards: The Harbour Wire Trust Principles.", "trust_note"),
    ("Sign up here", "newsletter"),
    ("Get the Northport Post's Morning Edition by email", "newsletter"),
    ("Subscribe to Northport Post Premium for unlimited access", "subscription"),
    ("Mara Voss and Idris Kahn contributed to this report.", "contributor_line"),
    ("Additional reporting by Mara Voss in Lisbon", "contributor_line"),
    ("— Lena Ortiz (@lenaortiz_news) March 3, 2024", "social_embed"),
    ("The ferry is running again pic.twitter.com/Ab12Cd34Ef", "social_embed"),
    ("Posted on 4 May 2024", "posted_on"),
    ("Published: March 3, 2024 08:15 GMT", "posted_on"),
    ("Watch video 03:41", "video_label"),
    ("- Permalink to this update", "permalink"),
    ("- A QUICK EXPLAINER: Why the ferry fares rose", "related_link"),
    ("Read more: Harbour wall plans go to a vote", "related_link"),
    ("© 2024 Northport Media Group", "copyright"),
    ("Copyright 2024 Harbour Daily. All rights reserved.", "copyright"),
    ("Views: 184", "view_counter"),
    ("2.4k views", "view_counter"),
    ("We use cookies to improve your experience. By continuing you accept our cookie policy.", "cookie_notice"),
    # Cyrillic letters drawn like Latin ones, as in adverts written to slip past filters.
    ("\u0412u\u0443 \u0441h\u0435\u0430p w\u0430t\u0441h\u0435s t\u043ed\u0430y", "homoglyph_advert"),
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_each_kind_of_page_furniture_is_removed_with_its_reason(line: str, reason: str) -> None:
    story = ["The council voted to close the harbour bridge on Monday.", "Repairs will take two years."]
    clean = clean_lines(f"{story[0]}\n\n{line}\n\n{story[1]}")
    assert [(r.text, r.reason) for r in clean.removed] == [(line, reason)]
    assert clean.paragraphs == story


@pytest.mark.parametrize(
    "line",
    [
        "The minister posted on social media that the talks had failed.",
        "Editing by hand was slow, the archivist said, but nothing was lost.",
        "Copyright law needs reform, the committee said on Tuesday.",
        "He signed up for the navy in 1990 and served for twenty years.",
        "The video, viewed 2 million times, shows the bridge swaying in the wind.",
        "Residents said they would subscribe to the new ferry pass if prices fell.",
        "The formula used weights such as \u03c0 and \u0394 for each term of the model.",
        "\u201cWe will send the details to everyone by email,\u201d the mayor said.",
    ],
)
def test_story_lines_that_mention_furniture_words_are_kept(line: str) -> None:
    assert classify_line(line) is None


def test_a_list_of_other_videos_goes_with_its_header() -> None:
    raw = (
        "The council voted to close the harbour bridge on Monday.\n\nMore videos\n\n"
        "- Flood waters recede in the valley\n- Ferry fares rise for the third time\n\n"
        "Repairs will take two years, the mayor said.\n\n- Residents may cross on foot"
    )
    clean = clean_lines(raw)
    assert [r.reason for r in clean.removed] == ["related_list", "related_list", "related_list"]
    # A list after story text again is story text.
    assert clean.paragraphs[-2:] == ["Repairs will take two years, the mayor said.", "- Residents may cross on foot"]
