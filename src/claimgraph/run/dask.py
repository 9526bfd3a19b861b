"""Analyse on an existing dask.distributed cluster; this process reads and writes the store.

Each task is `analyse_on_worker(settings, chunk)`: the stage every runner calls, run in a
worker process that builds its pipeline from the settings on its first task and keeps it
(`extract_records` caches it per settings value). Chunks are submitted with a bounded
number in flight and their results taken in input order, so the records and the store are
the ones one process gives. Every machine needs claimgraph installed (`claimgraph[dask]`).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from claimgraph.model import Document, Record
from claimgraph.run import CHUNK_SIZE, RunnerError, analyse_chunk, chunked, warm_up
from claimgraph.settings import PipelineSettings

# A worker may run several tasks at once in threads: one pipeline, used by one at a time.
_worker_lock = threading.Lock()
_prepared: set[PipelineSettings] = set()
CONNECT_TIMEOUT_S = 10


def analyse_on_worker(settings: PipelineSettings, documents: list[Document]) -> list[Record]:
    """Return the records of a chunk, building this worker's pipeline on its first chunk."""
    with _worker_lock:
        if settings not in _prepared:
            if settings.gazetteer_path is None and settings.gazetteer_function is None:
                # A worker machine may never have run claimgraph: build its default gazetteer
                # (atomically; the same data packages give the same file everywhere).
                from claimgraph.gazetteer.build import ensure_gazetteer

                ensure_gazetteer(announce=lambda message: None)
            warm_up(settings)
            _prepared.add(settings)
        return analyse_chunk(settings, documents)


class DaskRunner:
    """Chunks of documents as tasks on the cluster a scheduler address names."""

    def __init__(
        self,
        address: str,
        settings: PipelineSettings,
        chunk_size: int | None = None,
        in_flight: int | None = None,
    ) -> None:
        try:
            from distributed import Client
        except ImportError:
            needed = "--dask needs the dask extra: pip install 'claimgraph[dask]'"
            raise RunnerError(needed) from None
        self.settings = settings
        self.chunk_size = chunk_size or CHUNK_SIZE
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        except Exception as error:  # refused, timed out, a malformed address
            reason = " ".join(str(error).split()) or type(error).__name__
            raise RunnerError(f"cannot reach the Dask scheduler at {address}: {reason}") from None
        threads = sum(self.client.nthreads().values())
        self.in_flight = in_flight or max(4, 2 * threads)

    def records(self, documents: Iterable[Document]) -> Iterator[Record]:
        """Yield one Record per document, in input order."""
        window: deque[Any] = deque()
        try:
            for chunk in chunked(documents, self.chunk_size):
                window.append(
                    self.client.submit(analyse_on_worker, self.settings, chunk, pure=False)
                )
                if len(window) >= self.in_flight:
                    yield from self.result(window.popleft())
            while window:
                yield from self.result(window.popleft())
        finally:
            for future in window:
                future.cancel()

    def result(self, future: Any) -> list[Record]:
        """Wait for one chunk; a task that failed on the cluster is one line for the user."""
        try:
            records: list[Record] = future.result()
        except Exception as error:
            reason = " ".join(str(error).split())[:300]
            raise RunnerError(f"a Dask task failed: {type(error).__name__}: {reason}") from None
        return records

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        self.client.close()
