"""Locate and read the data files shipped inside the package (lexicons, patterns, samples).

A lexicon a user extends (`claimgraph.lexicons`, `--lexicon PATH`) is merged over the shipped
file by `read_data_yaml`: the overlay is set from the pipeline settings when a pipeline is
built, and every loader that caches what it built from a lexicon registers with
`lexicon_cache`, so a new overlay is never served from an old cache.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml


def data_path(*parts: str) -> Path:
    """Return the path of a file or folder under claimgraph/data."""
    return Path(str(resources.files("claimgraph").joinpath("data", *parts)))


# libyaml's safe loader when PyYAML was built with it: ten times faster on the lexicons.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse YAML text with the safe loader (no objects built from tags)."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506  (a safe loader)


Loader = TypeVar("Loader", bound=Callable[..., Any])
_overlay: dict[str, tuple[Any, ...]] = {}
_cache_clears: list[Callable[[], None]] = []


def lexicon_cache(loader: Loader) -> Loader:
    """Cache what a loader builds from lexicons, forgetting it when the overlay changes."""
    cached = cache(loader)
    _cache_clears.append(cached.cache_clear)
    return cached  # type: ignore[return-value]


def set_lexicon_overlay(overlay: Mapping[str, Sequence[Any]]) -> None:
    """Merge these parsed user lexicons (by shipped file name) over the shipped ones."""
    wanted = {name: tuple(items) for name, items in overlay.items() if items}
    if wanted == _overlay:
        return
    _overlay.clear()
    _overlay.update(wanted)
    read_data_yaml.cache_clear()
    for clear in _cache_clears:
        clear()


def merge_lexicon(base: Any, extra: Any) -> Any:
    """Return base extended by extra: mappings merged key by key, lists appended (without
    repeating an entry), anything else replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = merge_lexicon(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


@cache
def read_data_yaml(name: str) -> Any:
    """Parse a shipped YAML file, with the user lexicons that extend it merged over it, once
    per process and overlay; callers must treat the result as read-only."""
    data = load_yaml(data_path(name).read_text(encoding="utf-8"))
    for extra in _overlay.get(name, ()):
        data = merge_lexicon(data, extra)
    return data
