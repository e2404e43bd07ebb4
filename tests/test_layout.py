"""The package's layout holds (issue 26): no import circle anywhere in `src/newsgraph/`, and the
analysis wings (`nlp/dates`, `nlp/claims`, `nlp/events`, `nlp/entities`) are entered only by
their doors: outside a wing, the package, the benchmarks and the scripts import the names its
`__init__` exports, never one of its modules. (Tests of a wing may reach inside it.)

Every import statement counts, those inside functions included: a circle closed by an import
that runs late is still a circle a reader has to untangle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from newsgraph.nlp.exports import exported_names

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
WINGS = ("dates", "claims", "events", "entities")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted((SRC / "newsgraph").rglob("*.py"))}


def imported_modules(path: Path, name: str, known: set[str]) -> set[str]:
    """Our modules one file imports, anywhere in it; `from pkg import sub` names the submodule."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {module for module in found if module in known}


def import_graph() -> nx.DiGraph:
    modules = package_modules()
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        for target in imported_modules(path, name, set(modules)):
            if target != name:
                graph.add_edge(name, target)
    return graph


def test_the_graph_sees_imports_inside_functions() -> None:
    graph = import_graph()
    assert graph.has_edge("newsgraph.batch", "newsgraph.distributed")  # imported inside a function
    assert graph.has_edge("newsgraph.nlp.events.finder", "newsgraph.nlp.claims")


def test_no_import_circle() -> None:
    circles = [sorted(group) for group in nx.strongly_connected_components(import_graph()) if len(group) > 1]
    assert circles == []


def test_a_circle_is_found_when_there_is_one() -> None:
    graph = import_graph()
    graph.add_edge("newsgraph.nlp.claims.rules", "newsgraph.nlp.claims.finder")
    assert any(len(group) > 1 for group in nx.strongly_connected_components(graph))


def private_imports(path: Path, importer: str, known: set[str]) -> list[str]:
    """The wing modules a file outside that wing imports."""
    wrong = []
    for target in imported_modules(path, importer, known):
        for wing in WINGS:
            door = f"newsgraph.nlp.{wing}"
            if target.startswith(door + ".") and not importer.startswith(door + ".") and importer != door:
                wrong.append(f"{importer} imports {target}")
    return wrong


def test_wings_are_entered_only_by_their_doors() -> None:
    modules = package_modules()
    known = set(modules)
    wrong = []
    for name, path in modules.items():
        wrong += private_imports(path, name, known)
    for path in sorted([*ROOT.glob("bench/*.py"), *ROOT.glob("scripts/*.py")]):
        wrong += private_imports(path, str(path.relative_to(ROOT)), known)
    assert wrong == []


def test_a_private_import_is_caught(tmp_path: Path) -> None:
    script = tmp_path / "script.py"
    script.write_text("from newsgraph.nlp.claims.cues import verb_lemmas\nfrom newsgraph.nlp.dates import rules\n")
    found = sorted(private_imports(script, "script", set(package_modules())))
    assert found == ["script imports newsgraph.nlp.claims.cues", "script imports newsgraph.nlp.dates.rules"]


@pytest.mark.parametrize("wing", WINGS)
def test_a_wing_exports_what_its_door_lists(wing: str) -> None:
    package = __import__(f"newsgraph.nlp.{wing}", fromlist=["__all__"])
    sources = exported_names(SRC / "newsgraph" / "nlp" / wing / "__init__.py")
    assert sorted(sources) == sorted(package.__all__)
    assert package.__doc__ and "Entry point" in package.__doc__
    for name, module in sources.items():
        defined = getattr(__import__(module, fromlist=[name]), name)
        assert getattr(package, name) is defined
    with pytest.raises(AttributeError):
        _ = package.no_such_name
    with pytest.raises(ImportError):
        exec(f"from newsgraph.nlp.{wing} import no_such_name")


def test_a_wing_loads_its_modules_only_when_a_name_is_used() -> None:
    """The CLI says a claim in words without loading spaCy: importing a wing costs nothing."""
    code = (
        "import sys\n"
        "import newsgraph.nlp.claims, newsgraph.nlp.dates, newsgraph.nlp.events, newsgraph.nlp.entities\n"
        "from newsgraph.nlp.claims import claim_in_words, quote_spans\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy' or m.endswith('.finder')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"
