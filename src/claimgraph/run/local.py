"""Analyse on this machine with N worker processes; the caller reads and writes.

Workers are started with 'spawn' (spaCy and onnxruntime are not safe to fork once loaded)
and each builds its pipeline once, in the pool's initializer, from the settings alone; they
start loading as soon as the runner exists, while the caller is still reading inputs.
Chunks go out with a bounded number in flight and come back in input order, so memory
stays bounded on a batch of any size and the output is the one a single process gives.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from claimgraph.model import Document, Record
from claimgraph.run import CHUNK_SIZE, RunnerError, analyse_chunk, chunked, warm_up
from claimgraph.settings import PipelineSettings

# How often a worker looks whether the process that started it is still there.
PARENT_CHECK_SECONDS = 1.0


def start_worker(
    settings: PipelineSettings, gc_thresholds: tuple[int, int, int], parent: int
) -> None:
    """Prepare a worker process: Ctrl-C is the parent's to handle; build the pipeline.

    A spawned process starts with Python's default collection thresholds: it takes the
    parent's (the CLI tunes them for batches). It ends itself when its parent is gone.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*gc_thresholds)
    watch_parent(parent)
    warm_up(settings)


def watch_parent(parent: int) -> None:
    """End this process once the one that started it is gone.

    A parent killed with `kill -9` cannot stop its pool; its workers, waiting for work that
    will never come, would stay behind holding a loaded model each. The process is then
    someone else's child, which a thread notices within PARENT_CHECK_SECONDS.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="claimgraph-parent-watch", daemon=True).start()


class ProcessPoolRunner:
    """A pool of worker processes, each with its own pipeline built from the same settings."""

    def __init__(
        self,
        settings: PipelineSettings,
        workers: int,
        chunk_size: int | None = None,
        in_flight: int | None = None,
    ) -> None:
        self.settings = settings
        self.chunk_size = chunk_size or CHUNK_SIZE
        self.in_flight = in_flight or 2 * workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker,
            initargs=(settings, gc.get_threshold(), os.getpid()),
        )
        # The pool starts processes as tasks arrive: one trivial task each starts them all now.
        for _ in range(workers):
            self.pool.submit(os.getpid)

    def records(self, documents: Iterable[Document]) -> Iterator[Record]:
        """Yield one Record per document, in input order."""
        window: deque[Future[list[Record]]] = deque()
        try:
            for chunk in chunked(documents, self.chunk_size):
                window.append(self.pool.submit(analyse_chunk, self.settings, chunk))
                if len(window) >= self.in_flight:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
        except BrokenProcessPool:
            raise RunnerError("a worker process died (see the messages above)") from None
        finally:
            for future in window:
                future.cancel()

    def __enter__(self) -> ProcessPoolRunner:
        return self

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        if exc_type is None:
            # Chunks still queued belong to a reader that stopped early (`| head`): drop them.
            self.pool.shutdown(wait=True, cancel_futures=True)
            return
        # Interrupted or failed: drop queued chunks and stop the workers instead of waiting
        # for the chunks they are on (the pool keeps no public handle on its processes).
        processes = list((getattr(self.pool, "_processes", None) or {}).values())
        manager = getattr(self.pool, "_executor_manager_thread", None)
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)
        # The pool's manager thread closes its wake-up pipe as it ends; Python 3.11 writes to
        # that pipe at exit without a lock, so a thread still ending then prints a traceback
        # (EBADF). With its workers gone it ends at once: wait for it here.
        if manager is not None:
            manager.join(timeout=5)
