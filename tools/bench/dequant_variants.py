"""Micro-benchmark: ways to dequantize a block-quantized key tier inside an ONNX graph (ORT CPU).

    tools/.venv/bin/python tools/bench/dequant_variants.py [--tokens 2048] [--repeat 200]

A: Gather per-token scale/zero rows, Cast, Mul, Add (float zero point)
B: Reshape into [groups, G, ...] and broadcast the FP16 scale/zero (float zero point)
C: DequantizeLinear with block_size over the token axis (uint8 zero point), then Cast to float
D: as C with a float32 scale (no Cast)
E: FP16 scale and uint8 zero point expanded (small tensors) to blocks of 32 tokens, Cast to float32,
   then DequantizeLinear with block_size 32: any group size that is a multiple of 32 shares one graph
F: as E without a zero point (x * scale), then Add the FP16 per-group offset (the group's minimum),
   broadcast: keeps a float zero point (better for keys whose channels do not straddle 0)
Prints the time per run of each, and the ratio to A, measured side by side in one process.
"""
import argparse
import time

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper

ap = argparse.ArgumentParser()
ap.add_argument("--tokens", type=int, default=2048)
ap.add_argument("--group", type=int, default=64)
ap.add_argument("--repeat", type=int, default=200)
args = ap.parse_args()
P, G, KV, D = args.tokens, args.group, 2, 64
NG = P // G


def model(nodes, inputs, inits=()):
    g = helper.make_graph(nodes, "m", inputs, [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)], list(inits))
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21)])
    m.ir_version = 10
    return ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])


c = lambda name, v, dt: helper.make_tensor(name, dt, [len(v)], v)  # noqa: E731
q_in = helper.make_tensor_value_info("q", TensorProto.UINT8, [1, P, KV, D])
s_in = helper.make_tensor_value_info("s", TensorProto.FLOAT16, [1, NG, KV, D])
z_in = helper.make_tensor_value_info("z", TensorProto.FLOAT16, [1, NG, KV, D])
zu_in = helper.make_tensor_value_info("zu", TensorProto.UINT8, [1, NG, KV, D])
idx = (np.arange(P) // G).astype(np.int64)
A = model([
    helper.make_node("Gather", ["s", "idx"], ["sg"], axis=1), helper.make_node("Cast", ["sg"], ["sf"], to=1),
    helper.make_node("Gather", ["z", "idx"], ["zg"], axis=1), helper.make_node("Cast", ["zg"], ["zf"], to=1),
    helper.make_node("Cast", ["q"], ["qf"], to=1), helper.make_node("Mul", ["qf", "sf"], ["m"]),
    helper.make_node("Add", ["m", "zf"], ["y"])], [q_in, s_in, z_in], [helper.make_tensor("idx", TensorProto.INT64, [P], idx)])
B = model([
    helper.make_node("Cast", ["q"], ["qf"], to=1), helper.make_node("Reshape", ["qf", "shp"], ["q5"]),
    helper.make_node("Cast", ["s"], ["sf"], to=1), helper.make_node("Unsqueeze", ["sf", "ax"], ["s5"]),
    helper.make_node("Cast", ["z"], ["zf"], to=1), helper.make_node("Unsqueeze", ["zf", "ax"], ["z5"]),
    helper.make_node("Mul", ["q5", "s5"], ["m"]), helper.make_node("Add", ["m", "z5"], ["a"]),
    helper.make_node("Reshape", ["a", "shp2"], ["y"])], [q_in, s_in, z_in],
    [c("shp", [1, NG, G, KV, D], TensorProto.INT64), c("ax", [2], TensorProto.INT64), c("shp2", [1, P, KV, D], TensorProto.INT64)])
C = model([
    helper.make_node("DequantizeLinear", ["q", "s", "zu"], ["d"], axis=1, block_size=G),
    helper.make_node("Cast", ["d"], ["y"], to=1)], [q_in, s_in, zu_in])
s32_in = helper.make_tensor_value_info("s32", TensorProto.FLOAT, [1, NG, KV, D])
Dm = model([helper.make_node("DequantizeLinear", ["q", "s32", "zu"], ["y"], axis=1, block_size=G)], [q_in, s32_in, zu_in])
E = model([
    helper.make_node("Cast", ["s"], ["sf"], to=1),
    helper.make_node("Unsqueeze", ["sf", "ax"], ["s5"]), helper.make_node("Expand", ["s5", "eshp"], ["se"]),
    helper.make_node("Reshape", ["se", "rshp"], ["s32"]),
    helper.make_node("Unsqueeze", ["zu", "ax"], ["z5"]), helper.make_node("Expand", ["z5", "eshp"], ["ze"]),
    helper.make_node("Reshape", ["ze", "rshp"], ["z32"]),
    helper.make_node("DequantizeLinear", ["q", "s32", "z32"], ["y"], axis=1, block_size=32)], [q_in, s_in, zu_in],
    [c("ax", [2], TensorProto.INT64), c("eshp", [1, NG, G // 32, KV, D], TensorProto.INT64),
     c("rshp", [1, NG * (G // 32), KV, D], TensorProto.INT64)])
F = model([
    helper.make_node("Cast", ["s"], ["sf"], to=1),
    helper.make_node("Unsqueeze", ["sf", "ax"], ["s5"]), helper.make_node("Expand", ["s5", "eshp"], ["se"]),
    helper.make_node("Reshape", ["se", "rshp"], ["s32"]),
    helper.make_node("DequantizeLinear", ["q", "s32"], ["d"], axis=1, block_size=32),
    helper.make_node("Reshape", ["d", "shp"], ["d5"]),
    helper.make_node("Cast", ["z"], ["zf"], to=1), helper.make_node("Unsqueeze", ["zf", "ax"], ["z5"]),
    helper.make_node("Add", ["d5", "z5"], ["a"]), helper.make_node("Reshape", ["a", "shp2"], ["y"])], [q_in, s_in, z_in],
    [c("ax", [2], TensorProto.INT64), c("eshp", [1, NG, G // 32, KV, D], TensorProto.INT64),
     c("rshp", [1, NG * (G // 32), KV, D], TensorProto.INT64), c("shp", [1, NG, G, KV, D], TensorProto.INT64),
     c("shp2", [1, P, KV, D], TensorProto.INT64)])

rng = np.random.default_rng(0)
q = rng.integers(0, 256, (1, P, KV, D), dtype=np.uint8)
s = (rng.random((1, NG, KV, D)) * 0.01 + 0.001).astype(np.float16)
z = (rng.random((1, NG, KV, D)) - 0.5).astype(np.float16)
zu = rng.integers(0, 256, (1, NG, KV, D), dtype=np.uint8)
feeds = {"A": {"q": q, "s": s, "z": z}, "B": {"q": q, "s": s, "z": z}, "C": {"q": q, "s": s, "zu": zu},
         "D": {"q": q, "s32": s.astype(np.float32), "zu": zu}, "E": {"q": q, "s": s, "zu": zu}}
yd, ye = Dm.run(None, feeds["D"])[0], E.run(None, feeds["E"])[0]
assert np.allclose(yd, ye), "D and E must agree"
feeds["F"] = {"q": q, "s": s, "z": z}
ya, yb = A.run(None, feeds["A"])[0], B.run(None, feeds["B"])[0]
assert np.allclose(ya, yb), "A and B must agree"
assert np.allclose(F.run(None, feeds["F"])[0], ya, atol=1e-4), "F and A must agree"
times = {k: 0.0 for k in "ABCDEF"}
for _ in range(args.repeat):  # round robin, so noise falls on all alike
    for name, sess in (("A", A), ("B", B), ("C", C), ("D", Dm), ("E", E), ("F", F)):
        t0 = time.perf_counter()
        sess.run(None, feeds[name])
        times[name] += time.perf_counter() - t0
for k in "ABCDEF":
    print(f"{k}: {times[k] / args.repeat * 1e6:8.1f} us/run  ratio to A {times[k] / times['A']:.3f}")
