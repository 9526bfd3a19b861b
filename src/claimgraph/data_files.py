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


@cache
def read_data_yaml(name: str) -> Any:
    """Parse a shipped YAML file once per process; callers must treat the result as read-only."""
    return yaml.safe_load(data_path(name).read_text(encoding="utf-8"))
