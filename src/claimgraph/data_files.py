"""Locate and read the data files shipped inside the package (lexicons, patterns, samples)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def data_path(*parts: str) -> Path:
    """Return the path of a file or folder under claimgraph/data."""
    return Path(str(resources.files("claimgraph").joinpath("data", *parts)))


# libyaml's safe loader when PyYAML was built with it: ten times faster on the lexicons.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse YAML text with the safe loader (no objects built from tags)."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506  (a safe loader)


@cache
def read_data_yaml(name: str) -> Any:
    """Parse a shipped YAML file once per process; callers must treat the result as read-only."""
    return load_yaml(data_path(name).read_text(encoding="utf-8"))
