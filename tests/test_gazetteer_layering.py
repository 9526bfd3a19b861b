"""The gazetteer package sits below resolve and nlp, and a lookup never builds a database."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import claimgraph.gazetteer
from claimgraph.errors import GazetteerError
from claimgraph.gazetteer import build
from claimgraph.gazetteer.lookup import SqliteGazetteer, default_gazetteer, default_path

PACKAGE = Path(claimgraph.gazetteer.__file__).parent
FORBIDDEN = ("claimgraph.resolve", "claimgraph.nlp", "claimgraph.cli", "spacy")


def imported_modules(path: Path) -> set[str]:
    """Return every module a file imports, at the top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add("." * node.level + node.module)
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_gazetteer_module_imports_resolve_nlp_or_spacy(path: Path) -> None:
    upward = {m for m in imported_modules(path) if m.startswith(FORBIDDEN)}
    assert not upward, f"{path.name} imports {sorted(upward)}"
    assert not any(m.startswith(".") for m in imported_modules(path))  # absolute imports only


def test_the_taxonomy_imports_nothing_of_claimgraph() -> None:
    path = PACKAGE.parent / "taxonomy.py"
    assert not {m for m in imported_modules(path) if m.startswith(("claimgraph", "spacy"))}


def test_importing_the_gazetteer_loads_neither_spacy_nor_the_resolver() -> None:
    code = (
        "import sys, claimgraph.gazetteer.build, claimgraph.gazetteer.geonames, "
        "claimgraph.gazetteer.user_places; "
        "print(sorted(m for m in sys.modules if m.startswith(('spacy', 'claimgraph.resolve', "
        "'claimgraph.nlp'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder with no gazetteer in it."""
    monkeypatch.setenv("CLAIMGRAPH_CACHE", str(tmp_path / "cache"))
    default_gazetteer.cache_clear()
    yield tmp_path / "cache"
    default_gazetteer.cache_clear()


def test_opening_a_missing_gazetteer_is_an_error_and_builds_nothing(empty_cache: Path) -> None:
    with pytest.raises(GazetteerError, match="claimgraph gazetteer build"):
        default_gazetteer()
    with pytest.raises(GazetteerError):
        SqliteGazetteer.from_path(empty_cache / "other.sqlite")
    assert not empty_cache.exists() or not any(empty_cache.iterdir())


def test_ensure_builds_once_and_says_so(empty_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Path] = []

    def fake_build(path: Path) -> dict[str, str]:
        built.append(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
        return {}

    monkeypatch.setattr(build, "build_gazetteer", fake_build)
    told: list[str] = []
    assert build.ensure_gazetteer(announce=told.append) == default_path()
    assert build.ensure_gazetteer(announce=told.append) == default_path()
    assert built == [default_path()]
    assert told == ["building the gazetteer cache (once, about a minute)"]


def test_ensure_tells_stderr_by_default(
    empty_cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(build, "build_gazetteer", lambda path: {})
    build.ensure_gazetteer()
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "",
        "claimgraph: building the gazetteer cache (once, about a minute)\n",
    )
