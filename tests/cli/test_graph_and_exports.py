"""Knowledge graph (JSON, GraphML, CSV) and CSV exports, on the seeds and the demo corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx


def test_graph_edges_carry_evidence_and_source_counts(
    seeds: dict[str, Path], db_url: str, cli: Any, tmp_path: Path
) -> None:
    cli("ingest", str(seeds["000"]), "--outlet", "Outlet A", "--published", "2025-03-05", "--db", db_url)
    cli("ingest", str(seeds["003"]), "--outlet", "Outlet B", "--published", "2025-03-05", "--db", db_url)
    graph = json.loads(cli("graph", "--db", db_url).stdout)
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["country:ru"]["name"] == "Russia" and nodes["country:ru"]["type"] == "GPE"
    strikes = [
        e
        for e in graph["edges"]
        if (e["source"], e["target"], e["relation"]) == ("country:ir", "country:il", "ASSAULT")
    ]
    assert {e["date"] for e in strikes} >= {"2024-04-13", "2024-10-01"}
    records = {r["id"]: r for r in (json.loads(x) for x in cli("export", "--db", db_url).stdout.splitlines())}
    for edge in graph["edges"]:
        assert edge["sources"] == len({e["outlet"] for e in edge["evidence"]})
        for evidence in edge["evidence"]:
            text = records[evidence["article_id"]]["text"]
            assert 0 <= evidence["start"] < evidence["end"] <= len(text)
    assert any(e["relation"] == "SAID_ABOUT" and e["source"] == "org:reuters" for e in graph["edges"])
    visits = [e for e in graph["edges"] if e["relation"] == "CONSULT" and e["target"] == "country:ir"]
    assert visits
    russia = json.loads(cli("graph", "--entity", "Russia", "--db", db_url).stdout)
    assert russia["edges"] and all("country:ru" in (e["source"], e["target"]) for e in russia["edges"])

    out = tmp_path / "g.graphml"
    cli("graph", "--format", "graphml", "--output", str(out), "--db", db_url)
    loaded = nx.read_graphml(out)
    assert loaded.number_of_edges() == len(graph["edges"])
    assert json.loads(next(iter(loaded.edges(data=True)))[2]["evidence"])
    rows = list(csv.DictReader(io.StringIO(cli("graph", "--format", "csv", "--db", db_url).stdout)))
    assert len(rows) == sum(len(e["evidence"]) for e in graph["edges"])


def test_csv_exports_of_every_table(db_url: str, cli: Any) -> None:
    cli("demo", "--db", db_url)
    records = [json.loads(x) for x in cli("export", "--db", db_url).stdout.splitlines()]
    counts = {
        "articles": len(records),
        "claims": sum(len(r["claims"]) for r in records),
        "events": sum(len(r["events"]) for r in records),
    }
    for table, expected in counts.items():
        result = cli("export", "--format", "csv", "--table", table, "--db", db_url)
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert len(rows) == expected, table
    entities = list(
        csv.DictReader(io.StringIO(cli("export", "--format", "csv", "--table", "entities", "--db", db_url).stdout))
    )
    assert any(row["id"] == "country:pe" for row in entities)
    bad = cli("export", "--format", "csv", "--table", "nothing", "--db", db_url)
    assert bad.exit_code == 2 and "unknown table" in bad.stderr
