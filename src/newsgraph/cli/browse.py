"""Commands that read the database: articles, show, export, stories, story, duplicates."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from newsgraph.cli.common import DbOption, JsonOption, app, err, open_store, out
from newsgraph.cli.render import NAME_WIDTH, article_view, articles_table, stories_table, story_view
from newsgraph.compare import compare_story
from newsgraph.compare.claims import word_cut
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.store.entity_queries import get_entity, list_entities
from newsgraph.store.event_queries import timeline as event_timeline
from newsgraph.store.graph_queries import build_graph, graph_csv, graph_graphml, graph_json
from newsgraph.store.search import MARK_END, MARK_START
from newsgraph.store.search import search as full_text_search
from newsgraph.store.story_queries import duplicate_groups, get_story, list_stories
from newsgraph.store.tables import TABLES, to_csv
from newsgraph.store.tables import rows as table_rows


@app.command()
def articles(
    db: DbOption = None,
    as_json: JsonOption = False,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    all_versions: Annotated[bool, typer.Option("--all-versions", help="Include superseded versions.")] = False,
) -> None:
    """List stored articles: id, outlet, published, title, entities, dates.

    Example: `newsgraph articles --json | jq '.[].title'`
    """
    rows = open_store(db).summaries(limit=limit, all_versions=all_versions)
    if as_json:
        sys.stdout.write(json.dumps([row.__dict__ for row in rows], ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(articles_table(rows))


@app.command()
def show(
    article: Annotated[str, typer.Argument(help="Article id, unique id prefix, or external id.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One article's clean text with entities and dates marked.

    Example: `newsgraph show 6ea733eb`
    """
    record = open_store(db).get(article)
    if as_json:
        sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(article_view(record))


@app.command()
def export(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", help="jsonl (article records) or csv.")] = "jsonl",
    table: Annotated[str, typer.Option("--table", help="For csv: articles, entities, claims or events.")] = "articles",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    all_versions: Annotated[bool, typer.Option("--all-versions", help="Include superseded versions.")] = False,
) -> None:
    """Export stored records: JSON Lines (the same records as `analyze --json`) or CSV tables.

    Example: `newsgraph export --format jsonl > out.jsonl`; `newsgraph export --format csv --table events`
    """
    if format not in ("jsonl", "csv"):
        raise typer.BadParameter(f"unknown format {format!r}; use jsonl or csv", param_hint="--format")
    if format == "csv" and table not in TABLES:
        raise typer.BadParameter(f"unknown table {table!r}; use one of {', '.join(TABLES)}", param_hint="--table")
    store = open_store(db)
    # A stored value that is not valid Unicode (older versions let lone surrogates in) is written
    # as an escape (in JSON, a valid one) rather than stopping the export partway.
    handle: TextIO
    if output:
        handle = output.open("w", encoding="utf-8", newline="", errors="backslashreplace")
    else:
        handle = sys.stdout
        sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    count = 0
    try:
        if format == "jsonl":
            for record in store.iter_articles(all_versions=all_versions):
                handle.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
                count += 1
        else:
            for line in to_csv(table_rows(store, store.engine, table)):
                handle.write(line)
                count += 1
            count -= 1  # the header
    finally:
        if output:
            handle.close()
    err.print(f"{count} {'articles' if format == 'jsonl' else table} exported")


@app.command()
def stories(
    db: DbOption = None,
    as_json: JsonOption = False,
    limit: Annotated[int | None, typer.Option(help="Show at most this many (newest first).")] = None,
) -> None:
    """List stories: id, headline, article count, outlets, first and last date.

    Example: `newsgraph stories --json | jq '.[0].articles'`
    """
    found = list_stories(open_store(db).engine, limit=limit)
    if as_json:
        sys.stdout.write(json.dumps([s.to_dict() for s in found], ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(stories_table(found))


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="Story id (or a unique prefix of it).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One story: its articles, outlets, dates and most mentioned entities.

    Example: `newsgraph story s6ea733eb`
    """
    found = get_story(open_store(db).engine, story_id)
    if as_json:
        sys.stdout.write(json.dumps(found.to_dict(detail=True), ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(story_view(found))


@app.command()
def duplicates(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Groups of exact and near-duplicate copies (syndication), each under its original.

    Example: `newsgraph duplicates --json`
    """
    groups = duplicate_groups(open_store(db).engine)
    if as_json:
        sys.stdout.write(json.dumps(groups, ensure_ascii=False, indent=2) + "\n")
        return
    if not groups:
        out.print("No duplicates.")
    for group in groups:
        original = group["original"]
        name = original["title"] or original["external_id"]
        out.print(f"[bold]{original['id']}[/bold] {original['outlet'] or 'unknown'}: {name}", markup=True)
        for copy in group["copies"]:
            name = copy["title"] or copy["external_id"]
            out.print(f"  {copy['kind']:<5} {copy['id']} {copy['outlet'] or 'unknown'}: {name}", markup=False)


@app.command()
def entities(
    db: DbOption = None,
    as_json: JsonOption = False,
    type: Annotated[str | None, typer.Option("--type", help="Only this type: PERSON, ORG, GPE, LOC, FAC, ...")] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
) -> None:
    """Canonical entities, most mentioned first: id, name, type, articles, mentions.

    Example: `newsgraph entities --type PERSON`
    """
    rows = list_entities(open_store(db).engine, type=type, limit=limit)
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table()
    for name in ("id", "name", "type", "articles", "mentions"):
        table.add_column(name, overflow="fold", justify="right" if name in ("articles", "mentions") else "left")
    for row in rows:
        table.add_row(row["id"], row["name"], row["type"], str(row["articles"]), str(row["mentions"]))
    out.print(table)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="Entity id, name or alias (e.g. 'Gusev', 'the Kremlin').")],
    db: DbOption = None,
    as_json: JsonOption = False,
    why: Annotated[
        bool, typer.Option("--why", help="Say why each way of writing it was joined to this entity.")
    ] = False,
) -> None:
    """One entity: canonical name, type, aliases, the articles that mention it.

    Example: `newsgraph entity Kremlin --json`, `newsgraph entity Fahie --why`
    """
    found = get_entity(open_store(db).engine, name)
    if as_json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        return
    out.print(f"[bold]{escape(found['name'])}[/bold] ({found['type']}, {found['id']})", markup=True)
    if why:
        joins = Table(title="why its mentions are this entity")
        for column in ("written", "mentions", "joined because"):
            joins.add_column(column, overflow="fold")
        for a in found["aliases"]:
            joins.add_row(escape(a["alias"]), str(a["mentions"]), a["why"] or "not recorded (stored before 0015)")
        out.print(joins)
    else:
        out.print("aliases: " + ", ".join(f"{a['alias']} ({a['mentions']})" for a in found["aliases"]), markup=False)
    table = Table(title="articles")
    for column in ("id", "outlet", "published", "title", "mentions"):
        table.add_column(column, overflow="fold")
    for a in found["articles"]:
        table.add_row(
            a["id"],
            a["outlet"] or "unknown",
            a["published"] or "unknown",
            a["title"] or a["external_id"],
            str(a["mentions"]),
        )
    out.print(table)


@app.command()
def timeline(
    db: DbOption = None,
    as_json: JsonOption = False,
    story: Annotated[str | None, typer.Option("--story", help="Only this story (id or prefix).")] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Only events this entity takes part in.")] = None,
    undated: Annotated[bool, typer.Option("--undated", help="Also list events with no date of their own.")] = False,
    min_confidence: Annotated[
        float | None,
        typer.Option("--min-confidence", min=0.0, max=1.0, help="Only events at least this sure (0-1)."),
    ] = None,
) -> None:
    """Events by when they happened, each with its evidence sentence, outlet and attribution.

    Example: `newsgraph timeline --entity Russia --min-confidence 0.7`
    """
    events = event_timeline(
        open_store(db).engine, story_id=story, entity=entity, undated=undated, min_confidence=min_confidence
    )
    if as_json:
        sys.stdout.write(json.dumps(events, ensure_ascii=False, indent=2) + "\n")
        return
    # One line per event: when, who did what to whom, the outlet, the evidence cut between words.
    table = Table(box=None, pad_edge=False, show_header=True)
    for name, width in (("when", 12), ("event", 44), ("outlet", NAME_WIDTH), ("evidence", None)):
        table.add_column(name, no_wrap=True, max_width=width, overflow="ellipsis")
    for e in events:
        flags = " (not)" if e["negated"] else ""
        flags += " (reportedly)" if e["hedged"] else ""
        who = (e["actor"] or {}).get("text") or "someone"
        whom = f" → {(e['recipient'] or {}).get('text')}" if e["recipient"] else ""
        attribution = e["attribution"]
        said = f" (said by {attribution['speaker'] or 'unknown'})" if attribution else ""
        table.add_row(
            e["date"]["display"],
            f"{who} {e['type']}{whom}{flags}",
            word_cut(f"{e['outlet'] or 'unknown'}{said}", NAME_WIDTH),
            word_cut(e["evidence"]["text"], 100),
        )
    out.print(table)


def evidence_note(evidence: dict[str, Any]) -> str:
    """Who the outlet says spoke, or the day its figure holds for: " (Ruiz)", " (as of 2026-02-10)"."""
    notes = [evidence["speaker"]] if evidence.get("speaker") else []
    if evidence.get("as_of"):
        notes.append(f"as of {evidence['as_of']}")
    return f" ({', '.join(notes)})" if notes else ""


@app.command()
def compare(
    story_id: Annotated[str, typer.Argument(help="Story id (or a unique prefix of it).")],
    db: DbOption = None,
    as_json: JsonOption = False,
    min_confidence: Annotated[
        float | None,
        typer.Option("--min-confidence", min=0.0, max=1.0, help="Only events at least this sure (0-1)."),
    ] = None,
) -> None:
    """What independent outlets agree on, what only one reports, what conflicts, and how each
    attributes its claims.

    Example: `newsgraph compare s7206 --json | jq .conflicting`
    """
    store = open_store(db)
    found = get_story(store.engine, story_id)
    compared = compare_story(store.story_records(found.id), min_event_confidence=min_confidence)
    result = {"story_id": found.id, "title": found.title, **compared}
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    out.print(f"[bold]{escape(found.title or found.id)}[/bold]  ({', '.join(result['outlets'])})", markup=True)
    for section in ("conflicting", "updates", "agreed", "unique"):
        table = Table(title=f"{section} ({len(result[section])})")
        table.add_column("fact", overflow="fold")
        table.add_column("outlets", overflow="fold")
        table.add_column("wording", overflow="fold")
        for fact in result[section]:
            wording = "\n".join(
                f"{e['outlet']}{evidence_note(e)}: {e.get('said') or e['text']}" for e in fact["evidence"]
            )
            summary = fact["summary"] + (" [attributed differently]" if fact.get("attribution_differs") else "")
            table.add_row(summary, ", ".join(fact["outlets"]), wording)
        out.print(table)
    table = Table(title="attribution")
    for column in ("outlet", "claims", "named", "anonymous", "broken", "unattributed"):
        table.add_column(column)
    for outlet, counts in sorted(result["attribution"].items()):
        table.add_row(outlet, *(str(counts[k]) for k in ("claims", "named", "anonymous", "broken", "unattributed")))
    out.print(table)


@app.command()
def graph(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", help="graphml, json or csv.")] = "json",
    story: Annotated[str | None, typer.Option("--story", help="Only this story (id or prefix).")] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Only edges touching this entity.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """The knowledge graph: entities as nodes; events and "said about" as edges, with evidence and
    the number of independent sources.

    Example: `newsgraph graph --entity Russia --format graphml -o russia.graphml`
    """
    if format not in ("graphml", "json", "csv"):
        raise typer.BadParameter(f"unknown format {format!r}; use graphml, json or csv", param_hint="--format")
    built = build_graph(open_store(db).engine, story_id=story, entity=entity)
    if format == "graphml":
        text = graph_graphml(built)
    elif format == "csv":
        text = graph_csv(built)
    else:
        text = json.dumps(graph_json(built), ensure_ascii=False, indent=2) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    err.print(f"{built.number_of_nodes()} entities, {built.number_of_edges()} edges")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words (all required) and "quoted phrases".')],
    db: DbOption = None,
    as_json: JsonOption = False,
    entity: Annotated[str | None, typer.Option("--entity", help="Only articles mentioning this entity.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Published on or before (YYYY-MM-DD).")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 20,
) -> None:
    """Full-text search over articles and claims, ranked, with highlighted snippets.

    Example: `newsgraph search "death toll" --since 2026-02-01 --outlet "Civic Observer"`
    """
    from newsgraph.ingest.published import parse_published_flag  # the ingest package: only when asked

    for name, value in (("--since", since), ("--until", until)):
        if value:
            try:
                parse_published_flag(value)
            except InputError as error:
                raise typer.BadParameter(error.reason, param_hint=name) from error
    try:
        hits = full_text_search(
            open_store(db).engine, query, entity=entity, since=since, until=until, outlet=outlet, limit=limit
        )
    except NewsgraphError as error:
        raise typer.BadParameter(str(error), param_hint="QUERY") from error
    if as_json:
        sys.stdout.write(json.dumps(hits, ensure_ascii=False, indent=2) + "\n")
        return
    if not hits:
        out.print("No results.")
    for hit in hits:
        out.print(
            Text.assemble(
                (f"{hit['published'] or 'undated'}  {hit['outlet'] or 'unknown'}  ", "dim"),
                (hit["title"] or hit["external_id"], "bold"),
                (f"  [{hit['kind']}] {hit['article_id']}", "dim"),
            )
        )
        out.print(highlighted(hit["snippet"]))


def highlighted(snippet: str) -> Text:
    """A snippet with its matched words in bold; the article text itself is never markup."""
    out = Text("  ")
    for i, part in enumerate(snippet.replace(MARK_END, MARK_START).split(MARK_START)):
        out.append(part, style="bold yellow" if i % 2 else None)
    return out
