"""Layers import downward only (STYLE.md): the analysis never reaches the store, web, exports
or runners; the store and exports never reach the analysis or spaCy (callers pass values);
floor-1 modules (values, taxonomy, settings, errors) import nothing of ours but each other."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import claimgraph

SRC = Path(claimgraph.__file__).parent
FLOOR_ONE = ("model.py", "taxonomy.py", "settings.py", "errors.py", "bundle.py", "entities.py")
RULES = {
    "nlp": ("claimgraph.store", "claimgraph.web", "claimgraph.export", "claimgraph.run", "claimgraph.cli"),
    "store": ("claimgraph.nlp", "claimgraph.harvest", "claimgraph.cli", "claimgraph.run", "spacy"),
    "export": ("claimgraph.nlp", "claimgraph.harvest", "claimgraph.store", "claimgraph.cli", "spacy"),
    "read": ("claimgraph.nlp", "claimgraph.store", "claimgraph.cli", "spacy"),
    "corroborate": ("claimgraph.nlp", "claimgraph.harvest", "claimgraph.cli", "claimgraph.run", "spacy", "claimgraph.store"),
    "web": ("claimgraph.nlp", "claimgraph.harvest", "claimgraph.cli", "claimgraph.run", "spacy"),
    "run": ("claimgraph.cli", "claimgraph.web", "claimgraph.export"),
}


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside functions (relative ones resolved)."""
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            found.add(".".join(x for x in (base, node.module or "") if x))
    return found


def layer_files() -> list[tuple[str, Path]]:
    return [(layer, path) for layer in RULES for path in sorted((SRC / layer).rglob("*.py"))]


@pytest.mark.parametrize(("layer", "path"), layer_files(), ids=lambda v: getattr(v, "name", v))
def test_layers_import_downward_only(layer: str, path: Path) -> None:
    upward = {m for m in imported_modules(path) if m.startswith(RULES[layer])}
    assert not upward, f"{path.relative_to(SRC)} imports {sorted(upward)}"


@pytest.mark.parametrize("name", FLOOR_ONE)
def test_floor_one_imports_only_floor_one(name: str) -> None:
    ours = {m for m in imported_modules(SRC / name) if m.startswith("claimgraph") or m == "spacy"}
    allowed = {f"claimgraph.{n.removesuffix('.py')}" for n in FLOOR_ONE} | {"claimgraph"}
    assert ours <= allowed, f"{name} imports {sorted(ours - allowed)}"


def test_using_the_store_loads_no_spacy() -> None:
    code = (
        "import sys, claimgraph.store, claimgraph.store.read, claimgraph.export.rows, "
        "claimgraph.export.contract; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy' "
        "or m.startswith('claimgraph.nlp')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
