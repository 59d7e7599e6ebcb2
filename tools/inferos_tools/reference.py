"""The onnxruntime reference of an exported model, recomputed on this machine: greedy tokens of the prompts
in its golden.json, each prompt fed as one chunk with a full-precision cache (OrtReference, as `inferos
export` computed them on the machine that exported it).

For int8/int4 weights the reference is onnxruntime's own kernels, whose integer paths differ between CPUs
(AVX2, AVX-512 VNNI, ...): with random 4-bit weights, whose logits lie close together, a greedy token can
differ from the export machine's. The golden test compares the runtime against this, computed where it runs.

usage: python -m inferos_tools.reference MODEL_DIR   -> one JSON line: [[tokens of case 0], ...]
"""
from __future__ import annotations

import json
import os
import sys

from .export import make_reference


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    model_dir = args[0]
    with open(os.path.join(model_dir, "inferos.json")) as f:
        info = json.load(f)
    with open(os.path.join(model_dir, "golden.json")) as f:
        golden = json.load(f)
    graph = info["graph"]
    dims = dict(n_layers=info["num_layers"], n_heads=info["num_attention_heads"], n_kv=info["num_kv_heads"], head_dim=info["head_dim"],
                attention=graph.get("attention", "graph"), softmax_scale=graph.get("softmax_scale"))
    ref = make_reference(os.path.join(model_dir, graph["file"]), dims, graph["default_group"])
    print(json.dumps([ref.run(c["prompt_ids"], greedy=len(c["greedy"]))[1] for c in golden["cases"]]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
