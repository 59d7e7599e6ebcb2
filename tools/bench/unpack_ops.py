"""Micro-benchmark: what unpacking INT4 costs in ONNX Runtime (CPU), op by op, side by side.

    tools/.venv/bin/python tools/bench/unpack_ops.py [--tokens 1600] [--width 64] [--runs 2000]

The graph receives packed INT4 as uint8 (the Node binding refuses int4 tensors). Before model format 8 it
split each byte with BitwiseAnd and BitShift, then joined the halves with Concat; these figures are why
format 8 never splits a byte (tools/bench/int4_paths.py compares the two paths). Each variant runs on one [1, tokens, width]
uint8 tensor (one layer's packed keys or values at about 1600 cached tokens); `identity` is the cost of a
run that does nothing. Prints microseconds per run.
"""
import argparse
import time

import numpy as np
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

ap = argparse.ArgumentParser()
ap.add_argument("--tokens", type=int, default=1600)
ap.add_argument("--width", type=int, default=64)
ap.add_argument("--runs", type=int, default=2000)
args = ap.parse_args()
U8 = TensorProto.UINT8


def session(nodes, consts):
    inits = [numpy_helper.from_array(np.array(v, dtype=np.uint8), n) for n, v in consts.items()]
    g = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", U8, [1, args.tokens, args.width])],
                          [helper.make_tensor_value_info("y", U8, None)], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21)])
    m.ir_version = 10
    return ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])


n = helper.make_node
variants = {
    "identity": session([n("Identity", ["x"], ["y"])], {}),
    "and": session([n("BitwiseAnd", ["x", "c15"], ["y"])], {"c15": 15}),
    "shift": session([n("BitShift", ["x", "c4"], ["y"], direction="RIGHT")], {"c4": 4}),
    "div": session([n("Div", ["x", "c16"], ["y"])], {"c16": 16}),
    "and+shift+concat": session([n("BitwiseAnd", ["x", "c15"], ["lo"]), n("BitShift", ["x", "c4"], ["hi"], direction="RIGHT"),
                                 n("Concat", ["lo", "hi"], ["y"], axis=-1)], {"c15": 15, "c4": 4}),
}
x = np.random.default_rng(0).integers(0, 256, (1, args.tokens, args.width), dtype=np.uint8)
both = variants["and+shift+concat"].run(None, {"x": x})[0]
assert (both == np.concatenate([x & 15, x >> 4], axis=-1)).all()
assert (variants["div"].run(None, {"x": x})[0] == x >> 4).all()
t = dict.fromkeys(variants, 0.0)
for _ in range(args.runs):
    for k, s in variants.items():
        t0 = time.perf_counter()
        s.run(None, {"x": x})
        t[k] += time.perf_counter() - t0
print(f"uint8 [1, {args.tokens}, {args.width}]:", {k: round(v / args.runs * 1e6, 1) for k, v in t.items()}, "us per run")
