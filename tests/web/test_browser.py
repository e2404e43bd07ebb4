"""The web UI in a real browser: Playwright driving Debian's Chromium against `newsgraph serve`
on 127.0.0.1, over the demo corpus plus an article full of script payloads.

Accessibility is checked with axe-core, from npm, pinned with its integrity hash in
.ci/axe/package-lock.json (`npm ci --prefix .ci/axe`, which .ci/run does); NEWSGRAPH_AXE may
name another copy of axe.min.js.

Screenshots are saved under artifacts/screenshots/. Skipped where Chromium or Playwright is not
installed (`.ci/run` installs both)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from helpers import new_database_url

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(
    os.environ.get("NEWSGRAPH_AXE")
    or Path(__file__).resolve().parents[2] / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
)
MAX_PAGE_BYTES = 300_000
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PAYLOAD_TEXT = (
    "The harbour authority said on Monday that the new crane <script>window.__xss = 3</script> would be "
    'installed in the spring. <img src=x onerror="window.__xss = 4"> Workers at the port said they had '
    "been told about the plan in a meeting with the director of the harbour authority."
)

playwright_api = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from typer.testing import CliRunner

    from newsgraph.cli.app import app

    folder = tmp_path_factory.mktemp("web")
    url = new_database_url(folder, "web")
    runner = CliRunner()
    assert runner.invoke(app, ["demo", "--db", url]).exit_code == 0
    payload = {
        "id": "xss-1",
        "title": "<script>window.__xss = 1</script>Crane plan <b>approved</b>",
        "outlet": '<img src=x onerror="window.__xss = 2">Harbour Post',
        "author": "<svg onload=\"window.__xss = 6\"></svg>Ann Lee",
        "url": "javascript:window.__xss = 5",
        "published": "2026-03-01",
        "text": PAYLOAD_TEXT,
    }
    second = {  # a second outlet on the story, so payloads reach the comparison tables too
        "id": "<b>xss-2</b>",
        "outlet": "Port <iframe src=javascript:window.__xss=8></iframe>Daily",
        "url": "https://port.example/crane",
        "published": "2026-03-02",
        "text": "A new crane for the harbour will be installed in the spring, the director of the harbour "
        "authority told port workers on Tuesday. The crane <b onmouseover=\"window.__xss = 12\">was ordered</b> "
        'last year. "<script>window.__xss = 7</script> We are ready," said Ann Lee, a union official at the port.',
    }
    (folder / "xss.jsonl").write_text(json.dumps(payload) + "\n" + json.dumps(second) + "\n")
    assert runner.invoke(app, ["ingest", str(folder / "xss.jsonl"), "--db", url]).exit_code == 0
    yield from serving(url)


def serving(url: str) -> Iterator[str]:
    """`newsgraph serve`'s app on a free loopback port, for as long as the caller holds it."""
    import uvicorn

    from newsgraph.api import create_app

    port = free_port()
    config = uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if uv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


ECBPLUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "ecbplus" / "dev.jsonl"
WCXB = Path(__file__).resolve().parents[3] / "shared" / "data" / "real" / "extraction" / "wcxb-dev" / "html"


@pytest.fixture(scope="module")
def real_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Real news nobody here wrote: three ECB+ stories (several articles each, each article its
    own outlet) and a few real web pages, read from ../shared in place."""
    if not ECBPLUS.exists() or not WCXB.exists():
        pytest.skip("../shared/data/ecbplus or ../shared/data/real is not here")
    import gzip

    from typer.testing import CliRunner

    from newsgraph.cli.app import app

    folder = tmp_path_factory.mktemp("real")
    url = new_database_url(folder, "real")
    chosen = [
        json.loads(line)
        for line in ECBPLUS.read_text(encoding="utf-8").splitlines()
        if json.loads(line)["id"].split("_")[0] in ("18", "20", "35")
    ]
    records = [
        {"id": r["id"], "outlet": f"outlet {r['id']}", "title": r.get("title"), "text": r["text"]} for r in chosen
    ]
    (folder / "ecb.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    pages = folder / "pages"
    pages.mkdir()
    for source in sorted(WCXB.glob("*.html.gz"))[:6]:
        (pages / source.name.removesuffix(".gz")).write_bytes(gzip.decompress(source.read_bytes()))
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(folder / "ecb.jsonl"), str(pages), "--db", url]).exit_code in (0, 1)
    yield from serving(url)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Any]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        tab = browser.new_page(viewport={"width": 1200, "height": 900})
        dialogs: list[str] = []
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        tab.dialogs = dialogs  # type: ignore[attr-defined]
        yield tab
        browser.close()


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_story_article_entity_links(page: Any, server: str) -> None:
    page.goto(server + "/")
    assert page.locator("#stories li.story").count() >= 7
    shot(page, "stories")
    page.locator("a.story-link", has_text="Peru").first.click()
    page.wait_for_selector("#timeline-chart")
    assert page.locator("#timeline-chart circle").count() > 0
    assert page.locator("#conflicting tbody tr").count() >= 1
    assert "killed" in page.locator("#conflicting").inner_text()
    shot(page, "story")
    page.locator("#articles a.article-link").first.click()
    page.wait_for_selector("#article-text")
    assert page.locator("#article-text .mark.entity").count() > 0
    assert page.locator("#article-text .mark.claim").count() > 0
    title = page.locator("#article-text .mark.entity").first.get_attribute("title")
    assert title and ":" in title  # hovering shows the canonical entity
    shot(page, "article")
    page.locator("a.entity-link", has_text="Peru").first.click()
    page.wait_for_selector("#entity-name")
    assert page.locator("#entity-name").inner_text() == "Peru"
    assert page.locator("#claims-about li q").count() >= 1  # claims that speak of Peru
    shot(page, "entity")


def test_entity_graph_renders_and_reacts(page: Any, server: str) -> None:
    page.goto(server + "/entities/country:cl")
    page.wait_for_selector("#entity-graph[data-ready=true]")
    assert page.locator("#entity-graph .node").count() >= 2
    assert page.locator("#entity-graph .edge").count() >= 1
    page.locator("#entity-graph .node.focus circle").hover()
    assert page.locator("#entity-graph .edge.lit").count() >= 1
    # Edges say what the entities did to each other, on the graph and in a list beside it.
    assert page.locator("#entity-graph .edge-label").count() == page.locator("#entity-graph .edge").count()
    relations = page.locator("#relations li").all_inner_texts()
    assert relations and all("source" in r for r in relations)
    shot(page, "graph")


def test_search_form(page: Any, server: str) -> None:
    page.goto(server + "/search")
    page.fill("#search-input", "death toll")
    page.press("#search-input", "Enter")
    page.wait_for_selector("#results li")
    assert page.locator("#results mark").count() >= 1
    shot(page, "search")
    page.goto(server + "/search?q=" + "%22unclosed%20NEAR(")
    assert page.locator("h1").inner_text() == "Search"


def test_script_payloads_render_as_text(page: Any, server: str) -> None:
    """Payloads in the title, outlet, author, URL, id, body and quotes: shown as text on every
    page that shows them, never run, never a link to click."""
    page.goto(server + "/articles/xss-1")
    page.wait_for_selector("#article-text")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert "<script>window.__xss = 1</script>" in page.locator("#article-title").inner_text()
    meta = page.locator(".meta").first.inner_text()
    assert "onerror" in meta and "<svg onload" in meta and "javascript:window.__xss = 5" in meta
    assert page.locator('a[href^="javascript"]').count() == 0
    assert "<script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text img, #article-title script, .meta img, .meta svg").count() == 0
    story_link = page.locator('a[href^="/stories/"]').first.get_attribute("href")
    visited = [
        story_link,
        "/articles/"
        + page.evaluate(
            "fetch('/api/articles?limit=100').then(r => r.json())"
            ".then(d => d.items.find(a => a.external_id.includes('xss-2')).id)"
        ),
        "/search?q=crane",
        "/search?q=" + quote('<script>window.__xss = 9</script>"crane'),
        "/entities/" + quote('<img src=x onerror="window.__xss = 10">', safe=""),
        "/stories/" + quote("<script>window.__xss = 11</script>", safe=""),
        "/",
    ]
    for path in visited:
        page.goto(server + path)
        page.wait_for_load_state()
        assert page.evaluate("typeof window.__xss") == "undefined", path
        assert page.locator("main script, main img, main iframe, main svg:not(.chart):not(.graph)").count() == 0, path
    page.goto(server + "/search?q=" + quote("<script>window.__xss = 9</script>"))
    assert page.locator("#search-input").input_value() == "<script>window.__xss = 9</script>"
    page.goto(server + story_link)
    body = page.locator("main").inner_text()
    assert "<iframe src=javascript:window.__xss=8></iframe>" in body  # the second outlet, as text
    assert page.dialogs == []
    shot(page, "xss")


def test_the_entity_index_filters_and_search_lists_each_article_once(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.locator("header nav a", has_text="Entities").click()
    page.wait_for_selector("#entities tbody tr")
    assert page.locator("#entities tbody tr").count() >= 10
    page.select_option("#entity-type", "GPE")
    page.fill("#entity-q", "per")
    page.locator("#entity-filter button").click()
    page.wait_for_selector("#entities")
    names = page.locator("#entities a.entity-link").all_inner_texts()
    assert "Peru" in names and all("per" in name.lower() for name in names)
    assert set(page.locator("#entities tbody td:nth-child(2)").all_inner_texts()) == {"GPE"}
    shot(page, "entities")
    page.goto(server + "/search?q=quake")
    links = page.locator("#results li > a.article-link").evaluate_all("links => links.map(a => a.href)")
    assert links and len(links) == len(set(links))  # one row per article, its passages under it
    page.select_option("#search-outlet", "Coastline Daily")
    page.locator("#search-form button").click()
    page.wait_for_selector("#results")
    assert page.locator("#search-outlet").input_value() == "Coastline Daily"  # filters kept
    outlets = page.locator("#results li > small").all_inner_texts()
    assert outlets and all(o.startswith("Coastline Daily") for o in outlets)


def test_every_page_fits_a_phone(page: Any, server: str) -> None:
    phone = page.context.browser.new_page(viewport={"width": 390, "height": 844})
    try:
        phone.goto(server + "/")
        story = phone.locator("a.story-link", has_text="Peru").first.get_attribute("href")
        phone.goto(server + story)
        article = phone.locator("#articles a.article-link").first.get_attribute("href")
        for path in ("/", story, article, "/entities", "/entities/country:pe", "/search?q=quake"):
            phone.goto(server + path)
            phone.wait_for_load_state()
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (path, width)
            shot(phone, "phone" + path.replace("/", "_").replace("?", "_")[:40])
    finally:
        phone.close()


def test_the_story_list_says_what_each_story_holds_and_filters(page: Any, server: str) -> None:
    page.goto(server + "/")
    peru = page.locator("#stories li.story", has_text="Peru").first
    text = peru.inner_text()
    assert "claims" in text and "events" in text and "Meridian Wire" in text
    assert "conflict" in peru.locator(".conflicts").inner_text()  # the death toll
    assert peru.locator("a.entity-link").count() >= 1
    page.select_option("#outlet", "Coastline Daily")
    page.locator("#story-filter button").click()
    page.wait_for_selector("#stories")
    shown = page.locator("#stories li.story").all_inner_texts()
    assert shown and all("Coastline Daily" in story for story in shown)
    page.goto(server + "/?entity=Peru")
    assert page.locator("#stories li.story").count() >= 1
    assert all("Peru" in s for s in page.locator("#stories li.story").all_inner_texts())
    page.goto(server + "/?since=2099-01-01")
    assert page.locator("#stories li.story").count() == 0 and "No story matches" in page.locator("main").inner_text()
    shot(page, "stories-filtered")


def test_an_article_lists_its_events_and_lights_a_claims_source(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.locator("a.story-link", has_text="Peru").first.click()
    page.wait_for_selector("#coverage .chip")
    assert page.locator("#conflicting tbody tr").count() >= 1  # conflicts first, before the articles
    page.locator("#articles a.article-link", has_text="Peru sends aid").first.click()
    page.wait_for_selector("#events li")
    assert "→" in page.locator("#events").inner_text() or page.locator("#events li").count() >= 1
    # The aid article tells events (aid flown in, offers, promises): listed, not the empty message.
    assert page.locator("#events li", has_text="No events found").count() == 0
    assert "·" in page.locator("#events li").first.inner_text()  # each with its date or "no date"
    with_source = page.locator(".claim-entry[data-source-start]:not([data-source-start=''])").first
    with_source.click()
    assert page.locator(".mark.source.selected").count() == 1
    assert page.locator(".claim-entry.selected").count() == 1
    shot(page, "article-claim-selected")


def test_no_serious_accessibility_violation_and_no_heavy_page(page: Any, server: str) -> None:
    """A crawl of every kind of page: axe-core finds no serious or critical violation, and no
    page of the demo database is over 300 KB."""
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed ({AXE}): npm ci --prefix .ci/axe")
    page.goto(server + "/")
    story = page.locator("a.story-link", has_text="Peru").first.get_attribute("href")
    page.goto(server + story)
    article = page.locator("#articles a.article-link").first.get_attribute("href")
    paths = ["/", story, article, "/entities", "/entities/country:pe", "/search?q=quake", "/search"]
    script = AXE.read_text(encoding="utf-8")
    context = page.context.browser.new_context(bypass_csp=True, viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    problems = []
    try:
        for path in paths:
            response = tab.goto(server + path)
            assert response is not None and response.ok, path
            assert len(response.body()) <= MAX_PAGE_BYTES, (path, len(response.body()))
            tab.evaluate(script)
            for violation in tab.evaluate("axe.run(document).then(r => r.violations)"):
                if violation["impact"] in ("serious", "critical"):
                    targets = [node["target"] for node in violation["nodes"]][:3]
                    problems.append((path, violation["id"], violation["help"], targets))
    finally:
        context.close()
    assert not problems, problems


def test_a_crawl_of_real_articles_reaches_every_kind_of_page(page: Any, real_server: str) -> None:
    """From "/" through stories, articles, entities and search on real news: every page answers,
    fits a phone, shows what it should, and (where axe-core is installed) has no serious
    accessibility violation."""
    page.goto(real_server + "/")
    stories = page.locator("#stories a.story-link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(stories) >= 3
    visited: list[str] = ["/", "/entities", "/search?q=police"]
    for story in stories[:3]:
        page.goto(real_server + story)
        assert page.locator("#coverage .chip").count() >= 1
        visited.append(story)
        visited.append(page.locator("#articles a.article-link").first.get_attribute("href"))
    page.goto(real_server + "/entities")
    visited.append(page.locator("#entities a.entity-link").first.get_attribute("href"))
    context = page.context.browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 844})
    phone = context.new_page()
    script = AXE.read_text(encoding="utf-8") if AXE.exists() else None
    problems = []
    try:
        for path in visited:
            response = phone.goto(real_server + path)
            assert response is not None and response.ok, path
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390, path
            if path.startswith("/articles/"):
                assert phone.locator("#events").count() == 1 and phone.locator("#article-text").count() == 1
            if script:
                phone.evaluate(script)
                for violation in phone.evaluate("axe.run(document).then(r => r.violations)"):
                    if violation["impact"] in ("serious", "critical"):
                        problems.append((path, violation["id"], [n["target"] for n in violation["nodes"]][:3]))
            shot(phone, "real" + path.replace("/", "_").replace("?", "_")[:40])
    finally:
        context.close()
    assert not problems, problems
