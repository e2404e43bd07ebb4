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
    assert classify_line("Sign up for our free morning newsletter") == "boilerplate"


def test_whitespace_and_line_endings_are_normalised() -> None:
    clean = clean_lines("Title line\r\n\r\nA  body\u00a0line with   spaces.\r\nAnother line.")
    assert clean.paragraphs == ["Title line", "A body line with spaces.", "Another line."]
