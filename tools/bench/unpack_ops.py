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

# Unpacking AND dequantizing to float32 (one scale and zero per 64 codes of a row), three ways that were
# tried before format 8 chose not to split bytes at all: bit operations then DequantizeLinear;
# com.microsoft GatherBlockQuantized (packed 4-bit rows in one operator); Cast to uint4 (it keeps the low
# bits) and DequantizeLinear on uint4, with the high nibble through QuantizeLinear to uint4.
F32, G = TensorProto.FLOAT, 64
rows = args.tokens * args.width * 2 // G


def float_session(nodes, inits):
    g = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", U8, [args.tokens, args.width])],
                          [helper.make_tensor_value_info(o, F32, None) for o in ("y", "y2") if any(o in nd.output for nd in nodes)], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21), helper.make_opsetid("com.microsoft", 1)])
    m.ir_version = 10
    return ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])


rng = np.random.default_rng(1)
scale = (rng.random(rows) * 0.1 + 0.01).astype(np.float32)
zero = rng.integers(0, 16, rows, dtype=np.uint8)
c = lambda name, v, dt: numpy_helper.from_array(np.array(v, dt), name)  # noqa: E731
u4 = lambda name, v: helper.make_tensor(name, TensorProto.UINT4, [], [v])  # noqa: E731
common = [c("s", scale, np.float32), c("z", zero, np.uint8), c("rows", [-1, G], np.int64), c("c15", 15, np.uint8), c("c4", 4, np.uint8)]
floats = {
    "split+dequantize": float_session([
        n("BitwiseAnd", ["x", "c15"], ["lo"]), n("BitShift", ["x", "c4"], ["hi"], direction="RIGHT"),
        n("Concat", ["lo", "hi"], ["q"], axis=-1), n("Reshape", ["q", "rows"], ["qr"]),
        n("DequantizeLinear", ["qr", "s", "z"], ["y"], axis=0)], common),
    "GatherBlockQuantized": float_session([
        n("Shape", ["x"], ["shape"]), n("Gather", ["shape", "i0"], ["p"], axis=0), n("Range", ["i0", "p", "i1"], ["idx"]),
        n("GatherBlockQuantized", ["x", "idx", "gs", "gz"], ["y"], domain="com.microsoft", bits=4, block_size=G,
          gather_axis=0, quantize_axis=1)],
        [c("i0", 0, np.int64), c("i1", 1, np.int64), c("gs", scale.reshape(args.tokens, -1), np.float32),
         c("gz", rng.integers(0, 256, (args.tokens, max(1, args.width * 2 // G // 2))), np.uint8)]),
    "cast-uint4+dequantize": float_session([
        n("Cast", ["x"], ["lo4"], to=TensorProto.UINT4), n("DequantizeLinear", ["lo4", "s1", "z4"], ["y"]),
        n("DequantizeLinear", ["x", "hs", "hz"], ["f"]), n("QuantizeLinear", ["f", "one", "z40"], ["hi4"]),
        n("DequantizeLinear", ["hi4", "s1", "z4"], ["y2"])],
        [c("s1", 0.05, np.float32), u4("z4", 3), u4("z40", 0), c("hs", 0.999 / 16, np.float32), c("hz", 7, np.uint8),
         c("one", 1.0, np.float32)]),
}
xf = x.reshape(args.tokens, args.width)
lo, hi = floats["cast-uint4+dequantize"].run(None, {"x": xf})
assert np.allclose(lo, ((xf & 15).astype(np.float32) - 3) * 0.05) and np.allclose(hi, ((xf >> 4).astype(np.float32) - 3) * 0.05)
t = dict.fromkeys(floats, 0.0)
for _ in range(args.runs // 2):
    for k, s in floats.items():
        t0 = time.perf_counter()
        s.run(None, {"x": xf})
        t[k] += time.perf_counter() - t0
print(f"to float32 [{args.tokens}, {2 * args.width}]:", {k: round(v / (args.runs // 2) * 1e6, 1) for k, v in t.items()}, "us per run")
