"""A generator of hostile and odd input, written for newsgraph's tests: for every field of every
input format, the values that broke or could break a reader, a store or a renderer.

Values are JSON fragments (some cannot be written by `json.dumps`: a lone surrogate escape, an
integer of thousands of digits, nesting past Python's recursion limit).
"""

from __future__ import annotations

import json
from pathlib import Path

# name -> JSON fragment
VALUES: dict[str, str] = {
    "nul": '"before\\u0000after"',
    "lone_surrogate": '"before\\ud800after"',
    "low_surrogate": '"x\\udc00"',
    "rich_markup": json.dumps("[/x] [bold]b[/bold] [link=http://a.example]y[/link] [/]"),
    "html_and_templates": json.dumps("<script>alert(1)</script>{{ 7*7 }}{% raw %}&amp;"),
    "controls_and_bidi": json.dumps("\u202eevil\u0007\u0008\u001b[31mred"),
    "huge_integer": "9" * 5000,
    "big_integer": "9" * 40,
    "extreme_float": "1e308",
    "not_a_number": "NaN",
    "infinity": "-Infinity",
    "too_deep": "[" * 5000 + "]" * 5000,
    "deep": "[" * 100 + "]" * 100,
    "year_one": '"0001-01-01T00:00:00Z"',
    "month_thirteen": '"2025-13-01"',
    "year_9999": '"9999-12-31"',
    "negative_year": '"-0044-03-15"',
    "epoch_huge": "99999999999999999999",
    "long_string": json.dumps("word " * 40_000),
    "empty": '""',
    "null": "null",
    "object": '{"a": {"b": [1, 2, {"c": "[/x]"}]}}',
    "list": '["a", 1, null]',
    "boolean": "true",
}

FIELDS = ("id", "text", "title", "url", "outlet", "author", "published", "extra")


def story_text(n: int) -> str:
    """A distinct, plain English article (ours) for record `n`."""
    return (
        f"Record {n}: the district council met on Tuesday and voted to repair the old stone bridge over "
        f"the river, the mayor said. Work on section {n} will start in the spring and last about four "
        "months, according to the council's engineers. Residents asked for a temporary ferry."
    )


def jsonl_lines() -> list[tuple[str, str]]:
    """(label, line) for one good record and every field with every hostile value."""
    lines = [("good", json.dumps({"id": "good-record", "text": story_text(0), "title": "A good record"}))]
    n = 0
    for field in FIELDS:
        for name, fragment in VALUES.items():
            n += 1
            parts = {"id": json.dumps(f"hostile-{n}"), "text": json.dumps(story_text(n))}
            parts[field] = fragment
            body = ", ".join(f'"{key}": {value}' for key, value in parts.items())
            lines.append((f"{field}={name}", "{" + body + "}"))
    return lines


def write_jsonl(path: Path) -> list[str]:
    """Write the hostile JSON Lines file; return its labels in line order."""
    lines = jsonl_lines()
    path.write_bytes(("\n".join(line for _, line in lines) + "\n").encode("utf-8"))
    return [label for label, _ in lines]


def write_feed(path: Path) -> None:
    """An RSS feed whose entries carry the odd values a CMS export may hold."""
    items = []
    odd = [
        ("[/x] markup title", "Mon, 01 Jan 0001 00:00:00 GMT"),
        ("Title with \u202e bidi", "Thu, 45 Feb 2025 10:00:00 GMT"),
        ("Plain title", "Tue, 04 Mar 2025 10:00:00 GMT"),
    ]
    for n, (title, date) in enumerate(odd, start=1):
        items.append(
            f"<item><title>{title}</title><link>https://news.example/{n}</link><guid>feed-{n}</guid>"
            f"<pubDate>{date}</pubDate><description>{story_text(100 + n)}</description></item>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>[bold]Feed[/bold]</title>'
        + "".join(items)
        + "</channel></rss>",
        encoding="utf-8",
    )


def write_page(path: Path) -> None:
    """An HTML page whose title and site name are markup of every renderer we use."""
    path.write_text(
        "<html><head><title>[/x] {{ title }} &lt;b&gt;</title>"
        '<meta property="og:site_name" content="[red]Outlet[/red]">'
        '<meta property="article:published_time" content="0001-01-01T00:00:00Z"></head>'
        f"<body><article><h1>[/x] Headline</h1><p>{story_text(200)}</p><p>{story_text(201)}</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
