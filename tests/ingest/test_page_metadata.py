"""Headline, publication date, outlet and byline from pages written for these tests."""

import json
from pathlib import Path

import pytest

from newsgraph.batch import BatchReport, read_articles
from newsgraph.errors import InputError
from newsgraph.ingest import prepare_article, read_source
from newsgraph.ingest.page_fields import tidy_title
from newsgraph.records import Article
from newsgraph.settings import Settings

SETTINGS = Settings(database_url="sqlite://")
PARAGRAPHS = (
    "<p>The island council voted on Tuesday to raise ferry fares for the third time this year, "
    "citing the cost of fuel and repairs to the old harbour wall.</p>"
    "<p>Residents who cross daily said the rise would hit families hardest, and the opposition "
    "promised to bring the decision back to a vote next month.</p>"
)


def page(head: str, body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body or '<article>' + PARAGRAPHS + '</article>'}</body></html>"


def ingest_one(tmp_path: Path, html: str) -> Article:
    path = tmp_path / "page.html"
    path.write_text(html)
    [raw] = list(read_source(path, SETTINGS))
    assert not isinstance(raw, InputError), raw
    return prepare_article(raw)


def test_site_suffix_named_by_og_site_name_is_cut_from_the_title(tmp_path: Path) -> None:
    html = page(
        '<title>Ferry fares rise again | Harbour Daily</title><meta property="og:site_name" content="Harbour Daily">',
        "<header><h1>Ferry fares rise again</h1></header><article>" + PARAGRAPHS + "</article>",
    )
    article = ingest_one(tmp_path, html)
    assert article.title == "Ferry fares rise again"
    assert article.outlet == "Harbour Daily"


def test_a_cms_name_in_the_title_tag_loses_to_the_headline_the_reader_sees(tmp_path: Path) -> None:
    html = page(
        '<title>pagebuilder</title><meta property="og:title" content="Council approves a new harbour wall">',
        "<article><h1>Council approves a new harbour wall</h1>" + PARAGRAPHS + "</article>",
    )
    assert ingest_one(tmp_path, html).title == "Council approves a new harbour wall"


@pytest.mark.parametrize(
    "title",
    [
        "Ferry fares rise again - Island Courier News",
        "Island Courier | Ferry fares rise again",
        "Ferry fares rise again | IC | 19.01.2024",
        "Ferry fares rise again | islandcourier.example",
    ],
)
def test_site_names_dates_and_domains_around_a_title_are_cut(tmp_path: Path, title: str) -> None:
    html = page(
        f'<title>{title}</title><meta property="og:site_name" content="Island Courier">'
        '<link rel="canonical" href="https://islandcourier.example/2024/01/19/ferry-fares">'
    )
    article = ingest_one(tmp_path, html)
    assert article.title == "Ferry fares rise again"
    assert article.metadata["hostname"] == "islandcourier.example"


def test_a_headline_with_a_dash_of_its_own_keeps_it(tmp_path: Path) -> None:
    html = page(
        '<title>Ferries - and the people who need them | Harbour Daily</title>'
        '<meta property="og:site_name" content="Harbour Daily">'
    )
    assert ingest_one(tmp_path, html).title == "Ferries - and the people who need them"


def test_published_never_modified(tmp_path: Path) -> None:
    html = page(
        '<meta property="article:modified_time" content="2024-05-01T10:00:00Z">'
        '<meta property="article:published_time" content="2024-03-02T08:00:00Z"><title>Fares</title>'
    )
    article = ingest_one(tmp_path, html)
    assert (article.published.value, article.published.source) == ("2024-03-02", "meta")


def test_dates_of_a_list_of_other_articles_are_never_the_articles(tmp_path: Path) -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Fares rise",
          "datePublished": "2023-11-07T09:00:00+09:00", "author": [{"@type": "Person", "name": "Mina Cho"}],
          "publisher": {"@type": "Organization", "name": "Harbour Broadcasting"}}
    related = "".join(
        f'<li><a href="/v/{n}">Other video {n}</a><span itemprop="datePublished">2023-11-0{n}</span></li>'
        for n in (1, 2, 3)
    )
    html = page(
        f'<script type="application/ld+json">{json.dumps(ld)}</script><title>Fares rise</title>',
        f"<article><h1>Fares rise</h1>{PARAGRAPHS}</article><aside><ul>{related}</ul></aside>",
    )
    article = ingest_one(tmp_path, html)
    assert article.published.value == "2023-11-07"
    assert article.published.source in ("json-ld", "page")
    assert article.author == "Mina Cho"
    assert article.outlet == "Harbour Broadcasting"


def test_a_date_in_the_url_path(tmp_path: Path) -> None:
    html = page('<title>Fares</title><link rel="canonical" href="https://courier.example/2022/06/30/fares/">')
    article = ingest_one(tmp_path, html)
    assert (article.published.value, article.published.source) == ("2022-06-30", "url")


@pytest.mark.parametrize(
    ("site_name", "outlet"),
    [
        ("The Harbour Times | Island News | Travel | Real Estate", "The Harbour Times"),
        ("Island News and Opinion on www.islandnews.example", "Island News and Opinion"),
    ],
)
def test_outlet_names_lose_their_taglines(tmp_path: Path, site_name: str, outlet: str) -> None:
    html = page(f'<title>Fares</title><meta property="og:site_name" content="{site_name}">')
    assert ingest_one(tmp_path, html).outlet == outlet


def test_outlet_from_the_sites_title_pattern_when_no_site_name_is_given(tmp_path: Path) -> None:
    html = page("<title>Ferry fares rise again | HBN World</title>", "<article><h1>Ferry fares rise again</h1>"
                + PARAGRAPHS + "</article>")
    article = ingest_one(tmp_path, html)
    assert article.outlet == "HBN World"
    assert article.title == "Ferry fares rise again"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("<p>Photo: Jana Novak/Harbour Daily</p>", "no article: only a photo caption found"),
        (
            "<p>Subscribe to Harbour Daily Premium to continue reading</p><p>Already a subscriber? Log in</p>",
            "no article: only a paywall or subscription notice found",
        ),
    ],
)
def test_a_page_of_debris_alone_is_refused_saying_what_it_held(tmp_path: Path, body: str, reason: str) -> None:
    path = tmp_path / "shell.html"
    path.write_text(page("<title>Gallery</title>", f"<article>{body}</article>"))
    [raw] = list(read_source(path, SETTINGS))
    assert not isinstance(raw, InputError), raw
    with pytest.raises(InputError) as caught:
        prepare_article(raw)
    assert caught.value.reason == reason


def test_a_sites_title_suffix_is_learned_from_its_other_pages(tmp_path: Path) -> None:
    for name, headline in (("a", "Ferry fares rise on the island"), ("b", "Harbour bridge shut for repairs")):
        (tmp_path / f"{name}.html").write_text(
            page(f'<title>{headline} - Island Desk</title><link rel="canonical" href="https://courier.example/{name}">')
        )
    (tmp_path / "c.html").write_text(
        page('<title>Ferries - and the people who need them</title><link rel="canonical" href="https://other.example/c">')
    )
    report = BatchReport()
    titles = [a.title for a in read_articles([str(tmp_path)], SETTINGS, report)]
    assert not report.failed
    # The first page of a site cannot know its pattern yet; the second can; another site keeps its dash.
    assert titles == [
        "Ferry fares rise on the island - Island Desk",
        "Harbour bridge shut for repairs",
        "Ferries - and the people who need them",
    ]


def test_a_written_byline_date_beats_a_list_of_other_videos(tmp_path: Path) -> None:
    videos = "".join(f"<li><a href='/v/{n}'>Other video</a> 2023-11-0{n}</li>" for n in (1, 2, 3))
    html = page(
        "<title>Fares rise</title>",
        f"<div><aside><ul>{videos}</ul></aside><article><h1>Fares rise</h1>"
        f"<p class='byline'>Written: 7 November 2023</p>{PARAGRAPHS}</article></div>",
    )
    article = ingest_one(tmp_path, html)
    assert (article.published.value, article.published.source) == ("2023-11-07", "byline")


def test_an_update_date_by_the_headline_is_not_the_publication_date(tmp_path: Path) -> None:
    html = page(
        "<title>Fares rise</title>",
        f"<article><h1>Fares rise</h1><p>Updated November 7, 2023 | October 2, 2023</p>{PARAGRAPHS}</article>",
    )
    article = ingest_one(tmp_path, html)
    assert (article.published.value, article.published.source) == ("2023-10-02", "visible")


def test_a_blogs_banner_h1_is_not_the_posts_headline(tmp_path: Path) -> None:
    html = page("<title>Tuning the harbour crane scheduler, part two</title>",
                f"<header><h1>Marta's Notebook</h1></header><article>{PARAGRAPHS}</article>")
    assert ingest_one(tmp_path, html).title == "Tuning the harbour crane scheduler, part two"


def test_the_one_h1_about_the_same_thing_as_the_meta_title_is_the_headline(tmp_path: Path) -> None:
    html = page("<title>Ferry fares: a guide for island commuters | Harbour Daily</title>",
                f"<h1>What the new ferry fares mean for island commuters</h1><article>{PARAGRAPHS}</article>")
    assert ingest_one(tmp_path, html).title == "What the new ferry fares mean for island commuters"


@pytest.mark.parametrize(
    ("raw", "tidy"),
    [
        ("## Ferry fares rise", "Ferry fares rise"),
        ("**Ferry fares rise**", "Ferry fares rise"),
        ("C# for ferries", "C# for ferries"),
    ],
)
def test_markdown_marks_around_a_title_go(raw: str, tidy: str) -> None:
    assert tidy_title(raw) == tidy
