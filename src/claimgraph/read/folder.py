"""List the files under a folder to read: recursive, sorted, hidden entries skipped."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from claimgraph.errors import InputError, UnreadableInput
from claimgraph.read.decode import decode_bytes, os_error_reason

# Enough of a file of unknown kind to tell binary data from text.
SNIFF_BYTES = 8 * 1024


class SkippedInput(InputError):
    """A file in a folder left unread on purpose (unknown kind): a notice, not a failure."""


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


def folder_inputs(
    root: Path, name: str, is_known: Callable[[str], bool]
) -> Iterator[tuple[Path, str] | InputError]:
    """Yield the files under a folder to read, and an error for each one that cannot be.

    Files with a known ending are read. The others are named, never dropped unseen: a
    binary one as an error (an article saved as PDF, DOCX or an image is one the user
    expects to be read), a text one as a SkippedInput notice (notes, annotations, metadata
    beside the articles are no failure). Only regular files are opened: a FIFO or device
    in the folder would block or never end.
    """
    for entry in list_folder(root, name, lambda _name: True):
        if isinstance(entry, InputError):
            yield entry
            continue
        path, display = entry
        known = is_known(path.name)
        try:
            regular = stat.S_ISREG(path.stat().st_mode)
        except OSError as error:
            yield UnreadableInput(display, os_error_reason(error))
            continue
        if not regular:
            if known:
                yield UnreadableInput(display, "not a regular file")
        elif known:
            yield entry
        else:
            yield binary_problem(path, display) or SkippedInput(
                display, f"unknown kind of file{kind_hint(path)}; give it by name to read it"
            )


def binary_problem(path: Path, display: str) -> InputError | None:
    """Return the error naming a file of unknown kind as binary, or None when it is text."""
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
        decode_bytes(head, display)
    except OSError as error:
        return UnreadableInput(display, os_error_reason(error))
    except InputError as error:
        return error
    return None


def kind_hint(path: Path) -> str:
    """Return " (.ext)" for a file name with an ending, else ""."""
    return f" ({path.suffix})" if path.suffix else ""
