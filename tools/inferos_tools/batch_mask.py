"""Per-row validity of the cached tokens, so that sequences of different lengths can share one run.

The graph's attention sees, per layer, the cached tokens of four tiers (f32, f16, int8, int4) and then the
new tokens. Batched, each tier is padded to the longest row; this adds one input per layer,

    past_valid.L   int64 [batch, 4]   how many leading tokens of each tier are real for each row

and masks the padded ones out of the attention (they get no probability, hence no attention mass).
With every token valid the graph computes exactly what it computed before: the mask only ANDs into the
condition of the Where that already masks future tokens.

graph.py applies this to the graph it builds (idempotent: a graph that already has past_valid is left
as it is). This module once also migrated format-6 directories to 7 in place; format 8 changed how INT4
codes are paired in a byte, which only a re-export (`inferos export`) gives, so that migration is gone.
`refresh_checksums` rewrites a model directory's sha256 entries after its graphs were replaced.
"""
from __future__ import annotations

import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

TIER_KEY_INPUTS = ("past_key", "past_key_f16", "past_key_i8", "past_key_i4")


def add_batch_mask(model: onnx.ModelProto) -> onnx.ModelProto:
    g = model.graph
    if any(i.name.startswith("past_valid.") for i in g.input):
        return model
    producers = {o: n for n in g.node for o in n.output}
    softmaxes = [n for n in g.node if n.op_type == "Softmax"]
    counter = [0]

    def name(hint: str) -> str:
        counter[0] += 1
        return f"batch_mask_{hint}_{counter[0]}"

    def const(values, dtype=np.int64) -> str:
        n = name("const")
        g.initializer.append(numpy_helper.from_array(np.array(values, dtype=dtype), n))
        return n

    for layer, sm in enumerate(softmaxes):
        where = producers[sm.input[0]]
        if where.op_type != "Where":
            raise SystemExit(f"batch_mask: layer {layer}: Softmax is not fed by Where ({where.op_type})")
        pv = f"past_valid.{layer}"
        g.input.append(helper.make_tensor_value_info(pv, TensorProto.INT64, ["batch", 4]))
        nodes = []

        def op(op_type, inputs, **attrs):
            out = name(op_type.lower())
            nodes.append(helper.make_node(op_type, inputs, [out], name=out, **attrs))
            return out

        # The attention's key axis holds each tier's tokens in this order, then the new tokens; every
        # tier's key input has its tokens on axis 1.
        masks = []
        for tier, t in enumerate(TIER_KEY_INPUTS):
            p = op("Gather", [op("Shape", [f"{t}.{layer}"]), const(1)], axis=0)  # scalar: padded tokens of the tier
            idx = op("Unsqueeze", [op("Range", [const(0), p, const(1)]), const([0])])  # [1, P]
            valid = op("Unsqueeze", [op("Gather", [pv, const(tier)], axis=1), const([1])])  # [B, 1]
            masks.append(op("Less", [idx, valid]))  # [B, P]
        new_bt = op("Shape", ["input_ids"])  # [B, T]
        new_ok = op("ConstantOfShape", [new_bt], value=helper.make_tensor("true", TensorProto.BOOL, [1], [True]))
        ok = op("Unsqueeze", [op("Concat", masks + [new_ok], axis=1), const([1, 2, 3])])  # [B, 1, 1, 1, S]
        cond = op("And", [where.input[0], ok])
        at = list(g.node).index(where)
        for k, n in enumerate(nodes):
            g.node.insert(at + k, n)
        where.input[0] = cond
    return model


def refresh_checksums(model_dir: str, updates: dict | None = None) -> list[str]:
    """Recompute the sha256 of every file inferos.json lists (after applying `updates` to it), and, for a
    bundled model, its manifest.json (one level up) entries. Returns the files rewritten."""
    from .export import sha256  # (export imports this module at its top)

    meta_path = os.path.join(model_dir, "inferos.json")
    with open(meta_path) as f:
        meta = json.load(f)
    meta.update(updates or {})
    for name in meta.get("sha256", {}):  # the checksums of the files it describes
        meta["sha256"][name] = sha256(os.path.join(model_dir, name))
    with open(meta_path, "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    done = [meta_path]
    manifest_path = os.path.join(model_dir, "..", "manifest.json")
    if os.path.exists(manifest_path):
        with open(manifest_path) as f:
            manifest = json.load(f)
        base = os.path.basename(os.path.normpath(model_dir))
        for key, entry in manifest.get("files", {}).items():
            if key.startswith(base + "/") and isinstance(entry, dict) and "sha256" in entry:
                path = os.path.join(model_dir, key[len(base) + 1:])
                entry["sha256"] = sha256(path)
                if "bytes" in entry:
                    entry["bytes"] = os.path.getsize(path)
        with open(manifest_path, "w") as f:
            json.dump(manifest, f, indent=2)
            f.write("\n")
        done.append(manifest_path)
    return done
