"""Terminal rendering of articles: text with entities and dates marked."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from newsgraph.compare.claims import word_cut
from newsgraph.nlp.claims import claim_in_words, confidence_label
from newsgraph.records import Article, Event
from newsgraph.store import ArticleSummary
from newsgraph.store.story_queries import Story

LABEL_STYLES = {
    "PERSON": "bold cyan",
    "ORG": "bold magenta",
    "GPE": "bold green",
    "LOC": "green",
    "NORP": "yellow",
    "FAC": "blue",
}


def marked_text(article: Article) -> Text:
    """The clean text with each entity as `text[LABEL]` and each date as `text[DATE value]`.

    Dates win over the DATE entities they overlap; marks never change the text itself.
    """
    marks: list[tuple[int, int, str, str]] = []
    for date in article.dates:
        value = date.value or "?"
        detail = f"{value}" + (f" {date.modifier}" if date.modifier else "") + f" {date.status}"
        marks.append((date.start, date.end, f"DATE {detail}", "bold red" if date.status != "resolved" else "red"))
    for ent in article.entities:
        if ent.label in ("DATE", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "TIME"):
            continue
        if any(s < ent.end and ent.start < e for s, e, _, _ in marks):
            continue
        marks.append((ent.start, ent.end, ent.label, LABEL_STYLES.get(ent.label, "bold")))
    marks.sort()
    out = Text()
    position = 0
    for start, end, label, style in marks:
        if start < position:
            continue
        out.append(article.text[position:start])
        out.append(article.text[start:end], style=style)
        out.append(f"[{label}]", style="dim")
        position = end
    out.append(article.text[position:])
    return out


def _fields() -> Table:
    """A two-column name/value grid, the head of every detail view."""
    header = Table.grid(padding=(0, 2))
    header.add_column(style="bold")
    header.add_column()
    return header


def article_view(article: Article) -> Group:
    header = _fields()
    header.add_row("id", article.id)
    header.add_row("external id", f"{article.external_id} (version {article.version})")
    header.add_row("title", article.title or "(none)")
    header.add_row("outlet", article.outlet or "unknown")
    header.add_row("url", article.url or "unknown")
    header.add_row("published", f"{article.published.value or 'unknown'} ({article.published.source})")
    header.add_row("removed", ", ".join(f"{r.reason}: {r.text[:50]!r}" for r in article.removed) or "nothing")
    return Group(header, Text(""), marked_text(article), Text(""), claims_table(article), events_table(article))


def event_when(event: Event) -> str:
    """The date its sentence gives, or "reported D" where it gives none; "-" without either."""
    if event.date is None:
        return "-"
    if event.date.basis == "reported":
        return f"reported {event.date.value}"
    return event.date.value or event.date.text


def events_table(article: Article) -> Table:
    """Who did what to whom, when: one row per event, with negation and hedging said."""
    table = Table(title="events", show_lines=False)
    for name in ("when", "what", "who", "whom", "where", "note"):
        table.add_column(name, overflow="fold")
    for event in article.events:
        note = ", ".join(word for word, flag in (("negated", event.negated), ("reportedly", event.hedged)) if flag)
        table.add_row(
            Text(event_when(event)),
            Text(f"{event.type}{'/' + event.mode if event.mode else ''}: {event.trigger.text}"),
            Text(event.actor.text if event.actor else "-"),
            Text(event.recipient.text if event.recipient else "-"),
            Text(event.place.text if event.place else "-"),
            Text(note),
        )
    return table


# Long names (outlets, headlines) are cut to these widths so that one never stretches a table.
NAME_WIDTH = 24


def claims_table(article: Article) -> Table:
    """Who says what: the speaker in plain words, how sure, the mention that names them."""
    table = Table(title="claims", show_lines=False)
    for name in ("who says so", "sure?", "named as", "claim"):
        table.add_column(name, overflow="fold")
    for claim in article.claims:
        who = claim_in_words(claim)
        sureness = confidence_label(claim.confidence)
        issues = f" [broken: {', '.join(claim.issues)}]" if claim.issues else ""
        table.add_row(
            Text(who), Text(sureness), Text(claim.source.text if claim.source else "-"), Text(claim.text[:160] + issues)
        )
    return table


def articles_table(rows: list[ArticleSummary]) -> Table:
    table = Table(show_lines=False)
    for name in ("id", "outlet", "published", "title", "entities", "dates"):
        table.add_column(
            name, overflow="fold", no_wrap=name == "id", justify="right" if name in ("entities", "dates") else "left"
        )
    for row in rows:
        table.add_row(
            row.id,
            word_cut(row.outlet or "unknown", NAME_WIDTH),
            row.published or "unknown",
            row.title or row.external_id,
            str(row.entities),
            str(row.dates),
        )
    return table


def stories_table(found: list[Story]) -> Table:
    table = Table()
    for name in ("id", "headline", "articles", "outlets", "first", "last"):
        table.add_column(name, overflow="fold", no_wrap=name == "id", justify="right" if name == "articles" else "left")
    for story in found:
        table.add_row(
            story.id,
            story.title or "(untitled)",
            str(len(story.articles)),
            word_cut(", ".join(story.outlets) or "unknown", 2 * NAME_WIDTH),
            story.first_published or "unknown",
            story.last_published or "unknown",
        )
    return table


def story_view(story: Story) -> Group:
    header = _fields()
    header.add_row("story", story.id)
    header.add_row("headline", story.title or "(untitled)")
    header.add_row("outlets", ", ".join(story.outlets) or "unknown")
    header.add_row("dates", f"{story.first_published or 'unknown'} to {story.last_published or 'unknown'}")
    header.add_row("entities", ", ".join(f"{e['text']} ({e['label']}, {e['mentions']})" for e in story.top_entities))
    header.add_row("dates said", ", ".join(f"{d['value']} ({d['mentions']})" for d in story.dates))
    articles = Table(title="articles")
    for name in ("id", "outlet", "published", "title", "copy of"):
        articles.add_column(name, overflow="fold", no_wrap=name == "id")
    for a in story.articles:
        articles.add_row(
            a.id, a.outlet or "unknown", a.published or "unknown", a.title or a.external_id, a.duplicate_of or ""
        )
    return Group(header, Text(""), articles)
