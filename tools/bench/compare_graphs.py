"""Two exported graphs of the same model side by side on one synthetic batched decode step (ORT CPU,
interleaved): the quickest check that a change to export.py is faster and computes the same logits.

    tools/.venv/bin/python tools/bench/compare_graphs.py OLD.onnx NEW.onnx [--rows 9] [--f16 64] [--i4 448] [--f32 0]

Each row holds --f16 tokens in the FP16 tier and --i4 in the INT4 tier (random codes), as `default`
sequences do in a running batch; --f32 N puts N tokens in the float32 tier (the baseline's). Prints the largest logit difference and milliseconds per run of each.
Both graphs must be of one model format: the random codes mean different values in formats 7 and 8 (INT4
pairing), so across formats only the timings compare.
"""
import argparse
import os
import time

import numpy as np
import onnxruntime as ort

ap = argparse.ArgumentParser()
ap.add_argument("old")
ap.add_argument("new")
ap.add_argument("--rows", type=int, default=9)
ap.add_argument("--f16", type=int, default=64)
ap.add_argument("--i4", type=int, default=448)
ap.add_argument("--f32", type=int, default=0)
ap.add_argument("--runs", type=int, default=60)
ap.add_argument("--group", type=int, help="KV group size of the feeds (format 9 graphs serve several)")
args = ap.parse_args()

sessions = [ort.InferenceSession(p, providers=["CPUExecutionProvider"]) for p in (args.old, args.new)]
inputs = {i.name: i for i in sessions[0].get_inputs()}
layers = sum(1 for n in inputs if n.startswith("past_valid."))
kv, d = inputs["past_key.0"].shape[2], inputs["past_key.0"].shape[3]
if not isinstance(kv, int):  # a head-major graph: [batch, kv, P, D]
    kv = inputs["past_key.0"].shape[1]
vgroups = inputs["past_value_i4_scale.0"].shape[2]
group = kv * d // vgroups if isinstance(vgroups, int) else None
if args.group:
    group = args.group
elif group is None:  # dims are symbolic: read the group size from a format-8 file name (model-gNN.onnx)
    if "-g" not in os.path.basename(args.old):
        ap.error("the group size is not in the graph or its file name: pass --group")
    group = int(args.old.rsplit("-g", 1)[1].split(".")[0])
B, P16, P4, P32 = args.rows, args.f16, args.i4 // group * group, args.f32
r = np.random.default_rng(0)
f = {"input_ids": r.integers(0, 1000, (B, 1)).astype(np.int64), "position_ids": np.full((B, 1), P32 + P16 + P4, np.int64),
     "logits_from": np.array([0], np.int64)}
for i in range(layers):
    f[f"past_key.{i}"] = r.standard_normal((B, P32, kv, d)).astype(np.float32)
    f[f"past_value.{i}"] = r.standard_normal((B, P32, kv, d)).astype(np.float32)
    f[f"past_key_f16.{i}"] = r.standard_normal((B, P16, kv, d)).astype(np.float16)
    f[f"past_value_f16.{i}"] = r.standard_normal((B, P16, kv, d)).astype(np.float16)
    for t, P in (("i8", 0), ("i4", P4)):
        w = kv * d if t == "i8" else kv * d // 2
        f[f"past_key_{t}.{i}"] = r.integers(0, 255, (B, P, kv, d) if t == "i8" else (B, P, w), dtype=np.uint8)
        f[f"past_key_{t}_scale.{i}"] = (r.random((B, P // group, kv, d)) * 0.05).astype(np.float16)
        f[f"past_key_{t}_zero.{i}"] = r.integers(0, 15, (B, P // group, kv, d), dtype=np.uint8)
        f[f"past_value_{t}.{i}"] = r.integers(0, 255, (B, P, w), dtype=np.uint8)
        f[f"past_value_{t}_scale.{i}"] = (r.random((B, P, kv * d // group)) * 0.05).astype(np.float16)
        f[f"past_value_{t}_zero.{i}"] = r.integers(0, 15, (B, P, kv * d // group), dtype=np.uint8)
    f[f"past_valid.{i}"] = np.tile(np.array([[P32, P16, 0, P4]], np.int64), (B, 1))
HOT = ("past_key", "past_value", "past_key_f16", "past_value_f16")


def feeds_for(sess):
    """The feeds in this graph's float-tier layout: head-major [B, kv, P, D] (format 10) or token-major."""
    inputs = {i.name: i for i in sess.get_inputs()}
    head_major = isinstance(inputs["past_key.0"].shape[1], int)
    mine = {n: a for n, a in f.items() if n in inputs}  # graphs before logits_from do not take it
    if not head_major:
        return mine
    return {n: (np.ascontiguousarray(a.transpose(0, 2, 1, 3)) if n.rsplit(".", 1)[0] in HOT else a) for n, a in mine.items()}


feeds = [feeds_for(s) for s in sessions]
outs = [s.run(["logits"], fs)[0] for s, fs in zip(sessions, feeds)]
print("max |logit diff|", float(np.abs(outs[0] - outs[1]).max()))
t = [0.0, 0.0]
for _ in range(args.runs):
    for k, s in enumerate(sessions):
        t0 = time.perf_counter()
        s.run(["logits"], feeds[k])
        t[k] += time.perf_counter() - t0
print(f"rows {B}, f32 {P32}, f16 {P16}, i4 {P4}: old {t[0] / args.runs * 1000:.2f} ms, new {t[1] / args.runs * 1000:.2f} ms per run"
      f" (new/old {t[1] / t[0]:.3f})")
