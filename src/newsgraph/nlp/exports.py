"""A wing's public names, loaded on first use.

Each analysis wing (`dates`, `claims`, `events`, `entities`) lists what the rest of the package
may call in its `__init__`: plain imports under `if TYPE_CHECKING:`, which mypy and a reader see,
and the same names in `__all__`. `load_on_use` reads those imports and gives the wing a module
`__getattr__` that imports a name's module only when the name is first asked for. So the CLI
and the web pages can say a claim in words (`newsgraph.nlp.claims.claim_in_words`) without
loading spaCy with the claim finder, and importing a wing costs nothing until it is used.
"""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def exported_names(init_file: str | Path) -> dict[str, str]:
    """Each name a wing exports and the module that defines it, read from the imports under
    `if TYPE_CHECKING:` in the wing's `__init__`."""
    tree = ast.parse(Path(init_file).read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    for alias in statement.names:
                        names[alias.asname or alias.name] = statement.module
    return names


def load_on_use(package: str, init_file: str) -> Callable[[str], Any]:
    """The module `__getattr__` of a wing: a listed name is imported from its module once and
    kept on the package; any other name is missing, as Python's import system expects (so that
    `from newsgraph.nlp.dates import rules` still finds the submodule)."""
    sources = exported_names(init_file)

    def __getattr__(name: str) -> Any:
        module = sources.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
