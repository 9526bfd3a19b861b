"""Score ACLED sub-event typing on labelled SATP snippets and report documents/s.

    python benchmarks/event_types.py [--sets conflibert satp] [--limit 1500] [--seed 13]
                                     [--errors /tmp/event_type_errors.jsonl]

The predicted label of a snippet is the `sub_event_type` of its most confident event; a
snippet without events counts as wrong ("(none)"). Two dev sets, each sampled to at most
`--limit` snippets with a fixed seed:

  conflibert  ConfliBERT's SATP texts (train+dev tsv) with 4 attack-type flags: Armed Assault,
              Bombing/Explosion, Kidnapping, Other.
  satp        GWU-coded SATP India (Maoist) summaries with 7 action flags.
  acled_style benchmarks/data/acled_style_dev.jsonl: 350 invented ACLED-style notes and news
              leads, 14 per sub-event type, written blind to the system (benchmarks/data/).
  acled_style_check
              benchmarks/data/acled_style_check.jsonl: 250 more, a hold-out that is only
              scored (no error file is written for it).

Each set is scored at its own coarse label level (our sub-event type mapped onto the set's
labels) on the rows with exactly one flag, and at ACLED level on the rows whose label maps
onto one ACLED sub-event (or event) type; rows with several flags report any-flag accuracy.
The acled_style sets are labelled with ACLED's types and scored once, on all 25.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

from claimgraph.gazetteer.build import ensure_gazetteer
from claimgraph.model import Document, Event, Record
from claimgraph.nlp.pipeline import analyse, load_pipeline
from claimgraph.taxonomy import EVENT_TYPE_OF

DEV = Path(__file__).resolve().parents[2] / "shared/data/dev"
CONFLIBERT_DIR = DEV / "conflibert_eval/data/satp_relevant"
SATP_CSV = DEV / "satp_india_maoist/satp_coded_merged.csv"
OWN_DATA = Path(__file__).resolve().parent / "data"
NONE = "(none)"
T = TypeVar("T")

CONFLIBERT_FLAGS = ("Armed Assault", "Bombing/Explosion", "Kidnapping", "Other")
SATP_FLAGS = (
    "armed_assault",
    "arrest",
    "bombing",
    "infrastructure",
    "surrender",
    "seizure",
    "abduction",
)
# SATP first_target values that are armed men: an armed assault on them is an ACLED clash.
ARMED_TARGETS = frozenset({"maoist", "security", "non-maoist armed group"})
EXPLOSIONS = "Explosions/Remote violence"


class Snippet(NamedTuple):
    """A labelled text: its source flags and, where the mapping is exact, the ACLED label."""

    id: str
    text: str
    flags: frozenset[str]
    acled: str | None  # an ACLED sub-event type, or an event type when only that is exact
    published: str | None = None


class Scores(NamedTuple):
    """Per-class precision/recall/F1 with support, and the support-weighted F1."""

    per_class: dict[str, tuple[float, float, float, int]]
    weighted_f1: float
    accuracy: float
    n: int


# --------------------------------------------------------------------------- reading


def read_conflibert(folder: Path = CONFLIBERT_DIR) -> list[Snippet]:
    """Read ConfliBERT's SATP tsv files (text, then four 0/1 flag columns)."""
    snippets = []
    for path in sorted(folder.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            cells = line.split("\t")
            if len(cells) != 5 or not cells[0].strip():
                continue
            flags = frozenset(
                f for f, v in zip(CONFLIBERT_FLAGS, cells[1:], strict=True) if v.strip() == "1"
            )
            snippets.append(
                Snippet(f"{path.stem}:{number}", cells[0], flags, conflibert_acled(flags))
            )
    return snippets


def conflibert_acled(flags: frozenset[str]) -> str | None:
    """Return the ACLED label a single ConfliBERT flag maps onto exactly, if any."""
    if flags == {"Kidnapping"}:
        return "Abduction/forced disappearance"
    if flags == {"Bombing/Explosion"}:
        return EXPLOSIONS  # event-type level: IED, suicide, grenade, shelling all occur
    return None


def read_satp(path: Path = SATP_CSV) -> list[Snippet]:
    """Read the GWU-coded SATP summaries with their action flags."""
    snippets = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle)):
            text = row["incident_summary"].strip()
            flags = frozenset(f for f in SATP_FLAGS if row[f].strip() == "1")
            if not text or not flags:
                continue
            published = (row.get("date") or "")[:10] or None
            snippets.append(
                Snippet(f"satp:{number}", text, flags, satp_acled(flags, row), published)
            )
    return snippets


def satp_acled(flags: frozenset[str], row: dict[str, str]) -> str | None:
    """Return the ACLED sub-event type a single SATP action flag maps onto, if any."""
    if len(flags) != 1:
        return None
    (flag,) = flags
    if flag == "armed_assault":
        target = row["first_target"].strip().lower()
        if target in ARMED_TARGETS:
            return "Armed clash"
        if target in {"", "unknown", "no target"}:
            return None
        return "Attack"  # civilians, officials, property: armed violence on the unarmed
    return {
        "arrest": "Arrests",
        "bombing": "Remote explosive/landmine/IED",  # Maoist bombings: IEDs and landmines
        "abduction": "Abduction/forced disappearance",
        "seizure": "Disrupted weapons use",
        "infrastructure": "Looting/property destruction",
    }.get(flag)  # surrender has no one ACLED type


def read_acled_style(path: Path) -> list[Snippet]:
    """Read a JSONL set of snippets, each labelled with one ACLED sub-event type."""
    snippets = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        snippets.append(Snippet(row["id"], row["text"], frozenset({row["label"]}), row["label"]))
    return snippets


def sample(rows: Sequence[T], limit: int, seed: int) -> list[T]:
    """Return at most `limit` rows, drawn with a fixed seed, in their original order."""
    if len(rows) <= limit:
        return list(rows)
    chosen = sorted(random.Random(seed).sample(range(len(rows)), limit))
    return [rows[i] for i in chosen]


# --------------------------------------------------------------------------- predicting


def to_document(snippet: Snippet) -> Document:
    """Wrap a snippet as an English document."""
    digest = hashlib.sha256(snippet.text.encode()).hexdigest()
    return Document(
        id=snippet.id,
        text=snippet.text,
        sha256=digest,
        language="en",
        published=snippet.published,
    )


def run(snippets: Sequence[Snippet]) -> tuple[list[Record], float]:
    """Run the full pipeline over the snippets; return the records and the seconds taken."""
    ensure_gazetteer()
    nlp = load_pipeline()
    started = time.perf_counter()
    records = list(analyse(nlp, (to_document(s) for s in snippets)))
    return records, time.perf_counter() - started


def top_event(record: Record) -> Event | None:
    """Return the most confident event (the first of equals in document order)."""
    if not record.events:
        return None
    return max(record.events, key=lambda e: (e.confidence, -e.evidence[0].start))


def predicted_label(record: Record) -> str:
    """Return the sub-event type of the most confident event, or NONE."""
    event = top_event(record)
    return event.sub_event_type if event is not None else NONE


# --------------------------------------------------------------------------- label maps


def conflibert_coarse(sub_event_type: str) -> str:
    """Map an ACLED sub-event type onto ConfliBERT's four flags."""
    if sub_event_type == NONE:
        return NONE
    if sub_event_type == "Abduction/forced disappearance":
        return "Kidnapping"
    if EVENT_TYPE_OF[sub_event_type] == EXPLOSIONS:
        return "Bombing/Explosion"
    if sub_event_type in {"Armed clash", "Attack", "Mob violence", "Sexual violence"}:
        return "Armed Assault"
    return "Other"


SATP_COARSE = {
    "Armed clash": "armed_assault",
    "Attack": "armed_assault",
    "Government regains territory": "armed_assault",
    "Non-state actor overtakes territory": "armed_assault",
    "Mob violence": "armed_assault",
    "Sexual violence": "armed_assault",
    "Arrests": "arrest",
    "Looting/property destruction": "infrastructure",
    "Change to group/activity": "surrender",  # ACLED's nearest home for a group laying down arms
    "Disrupted weapons use": "seizure",
    "Abduction/forced disappearance": "abduction",
}


def satp_coarse(sub_event_type: str) -> str:
    """Map an ACLED sub-event type onto the SATP action flags ("other" when none fits)."""
    if sub_event_type == NONE:
        return NONE
    if EVENT_TYPE_OF[sub_event_type] == EXPLOSIONS:
        return "bombing"
    return SATP_COARSE.get(sub_event_type, "other")


def acled_level(gold: str, sub_event_type: str) -> str:
    """Express a prediction at the gold's level: the event type when the gold is one."""
    if sub_event_type != NONE and gold in EVENT_TYPE_OF.values():
        return EVENT_TYPE_OF[sub_event_type]
    return sub_event_type


# --------------------------------------------------------------------------- scoring


def score(pairs: Sequence[tuple[str, str]]) -> Scores:
    """Score (gold, predicted) pairs per gold class; predictions outside the classes are wrong."""
    gold_counts = Counter(g for g, _ in pairs)
    pred_counts = Counter(p for _, p in pairs)
    hits = Counter(g for g, p in pairs if g == p)
    per_class = {}
    for label, support in sorted(gold_counts.items(), key=lambda kv: -kv[1]):
        precision = hits[label] / pred_counts[label] if pred_counts[label] else 0.0
        recall = hits[label] / support
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = (precision, recall, f1, support)
    n = len(pairs)
    weighted = sum(f1 * support for _, _, f1, support in per_class.values()) / n if n else 0.0
    return Scores(per_class, weighted, sum(hits.values()) / n if n else 0.0, n)


def print_scores(title: str, pairs: Sequence[tuple[str, str]], top: int = 8) -> Scores:
    """Print per-class P/R/F1, weighted F1 and the most frequent confusions."""
    scores = score(pairs)
    print(f"\n== {title}: n={scores.n}")
    print(f"  {'class':38} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for label, (p, r, f1, n) in scores.per_class.items():
        print(f"  {label:38} {p:6.3f} {r:6.3f} {f1:6.3f} {n:5d}")
    print(f"  weighted F1={scores.weighted_f1:.3f}  accuracy={scores.accuracy:.3f}")
    confusions = Counter((g, p) for g, p in pairs if g != p).most_common(top)
    print(
        "  top confusions (gold -> predicted): "
        + "; ".join(f"{g} -> {p} x{c}" for (g, p), c in confusions)
    )
    return scores


def any_flag_accuracy(
    snippets: Sequence[Snippet], labels: Sequence[str], coarse: Callable[[str], str]
) -> tuple[float, int]:
    """Return the share of multi-flag snippets whose prediction is one of their flags."""
    rows = [(s, label) for s, label in zip(snippets, labels, strict=True) if len(s.flags) > 1]
    hits = sum(1 for s, label in rows if coarse(label) in s.flags)
    return (hits / len(rows) if rows else 0.0), len(rows)


def write_errors(
    path: Path,
    name: str,
    snippets: Iterable[Snippet],
    records: Iterable[Record],
    coarse: Callable[[str], str],
) -> None:
    """Append every wrongly typed snippet (coarse or ACLED level) with its events, for analysis."""
    with path.open("a", encoding="utf-8") as out:
        for snippet, record in zip(snippets, records, strict=True):
            label = predicted_label(record)
            wrong_coarse = coarse(label) not in snippet.flags
            wrong_acled = snippet.acled is not None and acled_level(snippet.acled, label) != (
                snippet.acled
            )
            if not (wrong_coarse or wrong_acled):
                continue
            events = [
                {
                    "sub": e.sub_event_type,
                    "conf": e.confidence,
                    "bg": e.background,
                    "evidence": [s.text[:160] for s in e.evidence],
                }
                for e in record.events
            ]
            row = {
                "set": name,
                "id": snippet.id,
                "flags": sorted(snippet.flags),
                "acled": snippet.acled,
                "pred": label,
                "text": snippet.text[:600],
                "events": events,
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def evaluate(
    name: str,
    snippets: list[Snippet],
    coarse: Callable[[str], str],
    total: int,
    errors: Path | None,
) -> None:
    """Run, time and score one set."""
    records, seconds = run(snippets)
    labels = [predicted_label(r) for r in records]
    chars = sum(len(s.text) for s in snippets)
    print(f"\n##### {name}: {len(snippets)} of {total} snippets (seeded sample), {chars} chars")
    print(f"time: {seconds:.1f}s  {len(snippets) / seconds:.1f} docs/s (full pipeline)")
    no_event = sum(1 for label in labels if label == NONE)
    print(f"snippets with no event: {no_event} ({no_event / len(labels):.1%})")
    single = [(s, label) for s, label in zip(snippets, labels, strict=True) if len(s.flags) == 1]
    print_scores(
        f"{name} coarse labels, single-flag rows",
        [(next(iter(s.flags)), coarse(label)) for s, label in single],
    )
    if coarse is not str:  # a set labelled with its own flags, not with ACLED's types
        accuracy, n = any_flag_accuracy(snippets, labels, coarse)
        print(f"\n== {name} multi-flag rows: prediction is one of the flags {accuracy:.3f} (n={n})")
        exact = [(s.acled, acled_level(s.acled, label)) for s, label in single if s.acled]
        print_scores(f"{name} ACLED level, rows with an exact mapping", exact)
    if errors is not None:
        write_errors(errors, name, snippets, records, coarse)


def main() -> None:
    """Score the chosen sets."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", nargs="+", default=["conflibert", "satp"])
    parser.add_argument("--limit", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--errors", type=Path, help="write mistyped snippets here (JSONL)")
    args = parser.parse_args()
    if args.errors is not None:
        args.errors.write_text("", encoding="utf-8")
    readers: dict[str, tuple[Callable[[], list[Snippet]], Callable[[str], str]]] = {
        "conflibert": (read_conflibert, conflibert_coarse),
        "satp": (read_satp, satp_coarse),
        "acled_style": (lambda: read_acled_style(OWN_DATA / "acled_style_dev.jsonl"), str),
        "acled_style_check": (lambda: read_acled_style(OWN_DATA / "acled_style_check.jsonl"), str),
    }
    for name in args.sets:
        reader, coarse = readers[name]
        snippets = reader()
        errors = None if name.endswith("_check") else args.errors
        evaluate(name, sample(snippets, args.limit, args.seed), coarse, len(snippets), errors)


if __name__ == "__main__":
    main()
