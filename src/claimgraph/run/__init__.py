"""Run the analysis stage over many documents: in this process, a local process pool, or Dask.

Every runner calls the one stage function, `analyse_chunk(settings, documents)`, which is
`claimgraph.nlp.pipeline.extract_records` over a chunk: a worker process or a Dask task
rebuilds the identical pipeline from the frozen `PipelineSettings`, once per process.
Reading inputs and writing the store stay with the caller; runners only analyse, and
`Runner.records` yields one Record per document in input order.

    with open_runner(settings, workers=2) as runner:
        for record in runner.records(documents): ...
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator
from typing import Protocol

from claimgraph.model import Document, Record
from claimgraph.settings import PipelineSettings

__all__ = [
    "CHUNK_SIZE",
    "InProcess",
    "Runner",
    "RunnerError",
    "analyse_chunk",
    "chunked",
    "open_runner",
    "warm_up",
]


# Documents per task: small enough that a dozen documents keep two workers busy and the last
# chunks finish close together, large enough that pickling and spaCy batching cost little.
# Records do not depend on how documents are batched (checked on 300 LGL articles).
CHUNK_SIZE = 8


class RunnerError(Exception):
    """A runner cannot start or lost its workers; the message is one line for the user."""


class Runner(Protocol):
    """Turns documents into records, in order; a context manager that releases its workers."""

    def records(self, documents: Iterable[Document]) -> Iterator[Record]: ...

    def __enter__(self) -> Runner: ...

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None: ...


def analyse_chunk(settings: PipelineSettings, documents: list[Document]) -> list[Record]:
    """Return the records of a chunk of documents, in order (the stage every runner calls)."""
    from claimgraph.nlp.pipeline import extract_records

    return list(extract_records(documents, settings))


def warm_up(settings: PipelineSettings) -> None:
    """Build this process's pipeline for `settings` now, so the first chunk does not wait."""
    from claimgraph.nlp.pipeline import extract_records

    extract_records((), settings)  # builds (and caches) the pipeline before it is iterated


def chunked(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Yield lists of up to `size` documents, in order."""
    iterator = iter(documents)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class InProcess:
    """Analyse in this process: the pipeline is built once, at the start."""

    def __init__(self, settings: PipelineSettings) -> None:
        from claimgraph.nlp.pipeline import Extractor

        self.extractor = Extractor.from_settings(settings)

    def records(self, documents: Iterable[Document]) -> Iterator[Record]:
        """Yield one Record per document, in order."""
        return self.extractor.records(documents)

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        return None


def open_runner(
    settings: PipelineSettings,
    workers: int = 1,
    dask_address: str | None = None,
    *,
    beside_caller: bool = False,
) -> Runner:
    """Return the runner the options ask for; its workers start loading the model at once.

    `beside_caller`: the caller has work of its own per record (ingest writes to the store),
    so on a machine with a second core even one worker analyses in its own process while
    the caller writes, instead of the two taking turns.
    """
    if dask_address is not None:
        from claimgraph.run.dask import DaskRunner

        return DaskRunner(dask_address, settings)
    if workers > 1 or (beside_caller and (os.cpu_count() or 1) > 1):
        from claimgraph.run.local import ProcessPoolRunner

        return ProcessPoolRunner(settings, workers)
    return InProcess(settings)
