"""List the readable files under a folder: recursive, sorted, hidden entries skipped."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from claimgraph.errors import InputError, UnreadableInput
from claimgraph.read.decode import os_error_reason


def list_folder(
    root: Path, name: str, is_known: Callable[[str], bool]
) -> list[tuple[Path, str] | InputError]:
    """Return (path, display name) for each known file under `root`, in sorted path order.

    Hidden files and folders (dot-names) are skipped; symbolic links to folders are not
    followed, so a link loop cannot make the walk endless. Folders that cannot be listed
    come back as errors in their place.
    """
    found: list[tuple[tuple[str, ...], tuple[Path, str] | InputError]] = []

    def report(error: OSError) -> None:
        where = Path(error.filename or root)
        found.append((relative_parts(where, root), unreadable_folder(where, root, name, error)))

    for folder, dirnames, filenames in os.walk(root, onerror=report):
        dirnames[:] = [entry for entry in dirnames if not entry.startswith(".")]
        for filename in visible_known(filenames, is_known):
            path = Path(folder) / filename
            parts = relative_parts(path, root)
            found.append((parts, (path, os.path.join(name, *parts))))
    return [entry for _parts, entry in sorted(found, key=lambda pair: pair[0])]


def visible_known(filenames: Iterable[str], is_known: Callable[[str], bool]) -> list[str]:
    """Keep the file names that are not hidden and have a known extension."""
    return [entry for entry in filenames if not entry.startswith(".") and is_known(entry)]


def relative_parts(path: Path, root: Path) -> tuple[str, ...]:
    """Return the path's components below the root, for sorting."""
    try:
        return path.relative_to(root).parts
    except ValueError:
        return path.parts


def unreadable_folder(where: Path, root: Path, name: str, error: OSError) -> InputError:
    """Name a folder that cannot be listed, relative to the folder the user gave."""
    display = os.path.join(name, *relative_parts(where, root))
    return UnreadableInput(display, os_error_reason(error))
