"""Micro-benchmark: one layer's decode attention over a cache tier, in the layouts the graph could use
(ORT CPU, side by side, interleaved).

    tools/.venv/bin/python tools/bench/attn_layouts.py [--tokens 1600] [--group 64] [--runs 400]

f32       the float tier (baseline): Concat with the new token, Transpose K and V, attention
i4_now    INT4 as the graph of format 7 first did it: unpack, DequantizeLinear, Transpose the floats
i4_u8t    INT4 transposed while still bytes, then DequantizeLinear per row (format 7's graph; format 8
          keeps tiers token-major and never splits bytes: tools/bench/int4_paths.py)
i8_now / i8_u8t   the same for INT8

Prints microseconds per run and checks that each quantized variant's output equals its `now` twin.
"""
import argparse
import time

import numpy as np
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

ap = argparse.ArgumentParser()
ap.add_argument("--tokens", type=int, default=1600)
ap.add_argument("--group", type=int, default=64)
ap.add_argument("--runs", type=int, default=400)
args = ap.parse_args()
P, G, KV, D, REP = args.tokens, args.group, 2, 64, 2
C = KV * D
F, U8 = TensorProto.FLOAT, TensorProto.UINT8


class B:
    def __init__(self):
        self.nodes, self.inits, self.n = [], [], 0

    def op(self, t, ins, **kw):
        self.n += 1
        out = f"t{self.n}"
        self.nodes.append(helper.make_node(t, ins, [out], **kw))
        return out

    def c(self, v, dt=np.int64):
        self.n += 1
        name = f"c{self.n}"
        self.inits.append(numpy_helper.from_array(np.array(v, dtype=dt), name))
        return name


def attention(b, kT, vT):
    """q [1, KV, REP, 1, D] against kT [1, KV, D, S] and vT [1, KV, S, D] -> [1, KV, REP, 1, D]."""
    s = b.op("MatMul", ["q", b.op("Unsqueeze", [kT, b.c([2])])])
    p = b.op("Softmax", [s], axis=-1)
    return b.op("MatMul", [p, b.op("Unsqueeze", [vT, b.c([2])])])


def unpack(b, packed):  # [1, P, C/2] -> [1, P, C]
    lo = b.op("BitwiseAnd", [packed, b.c(15, np.uint8)])
    hi = b.op("BitShift", [packed, b.c(4, np.uint8)], direction="RIGHT")
    return b.op("Concat", [lo, hi], axis=-1)


def variant(name):
    b = B()
    ins = [helper.make_tensor_value_info("q", F, [1, KV, REP, 1, D])]
    bits = 4 if name.startswith("i4") else 8
    if name == "f32":
        ins += [helper.make_tensor_value_info("k", F, [1, P, KV, D]), helper.make_tensor_value_info("v", F, [1, P, KV, D]),
                helper.make_tensor_value_info("kn", F, [1, 1, KV, D]), helper.make_tensor_value_info("vn", F, [1, 1, KV, D])]
        k = b.op("Concat", ["k", "kn"], axis=1)
        v = b.op("Concat", ["v", "vn"], axis=1)
        out = attention(b, b.op("Transpose", [k], perm=[0, 2, 3, 1]), b.op("Transpose", [v], perm=[0, 2, 1, 3]))
    else:
        width = C if bits == 8 else C // 2
        ins += [helper.make_tensor_value_info("kq", U8, [1, P, width]), helper.make_tensor_value_info("ks", F, [1, P // G, KV, D]),
                helper.make_tensor_value_info("kz", U8, [1, P // G, KV, D]), helper.make_tensor_value_info("vq", U8, [1, P, width]),
                helper.make_tensor_value_info("vs", F, [1, P, C // G]), helper.make_tensor_value_info("vz", U8, [1, P, C // G])]
        kq = unpack(b, "kq") if bits == 4 else "kq"
        vq = unpack(b, "vq") if bits == 4 else "vq"
        kq = b.op("Reshape", [kq, b.c([1, P, KV, D])])
        flat = lambda t: b.op("Reshape", [t, b.c([-1])])  # noqa: E731
        if name.endswith("now"):
            k = b.op("DequantizeLinear", [kq, "ks", "kz"], axis=1, block_size=G)
            rows = b.op("DequantizeLinear", [b.op("Reshape", [vq, b.c([-1, G])]), flat("vs"), flat("vz")], axis=0)
            v = b.op("Reshape", [rows, b.c([1, P, KV, D])])
            kT, vT = b.op("Transpose", [k], perm=[0, 2, 3, 1]), b.op("Transpose", [v], perm=[0, 2, 1, 3])
        else:
            kqT = b.op("Transpose", [kq], perm=[0, 2, 3, 1])  # bytes [1, KV, D, P]
            ks = flat(b.op("Transpose", ["ks"], perm=[0, 2, 3, 1]))
            kz = flat(b.op("Transpose", ["kz"], perm=[0, 2, 3, 1]))
            kT = b.op("Reshape", [b.op("DequantizeLinear", [b.op("Reshape", [kqT, b.c([-1, G])]), ks, kz], axis=0), b.c([1, KV, D, P])])
            vqT = b.op("Transpose", [b.op("Reshape", [vq, b.c([1, P, KV, D])])], perm=[0, 2, 1, 3])  # bytes [1, KV, P, D]
            per = lambda t: flat(b.op("Transpose", [b.op("Reshape", [t, b.c([1, P, KV, D // G])])], perm=[0, 2, 1, 3]))  # noqa: E731
            vT = b.op("Reshape", [b.op("DequantizeLinear", [b.op("Reshape", [vqT, b.c([-1, G])]), per("vs"), per("vz")], axis=0), b.c([1, KV, P, D])])
        out = attention(b, kT, vT)
    b.nodes.append(helper.make_node("Identity", [out], ["y"]))
    g = helper.make_graph(b.nodes, name, ins, [helper.make_tensor_value_info("y", F, None)], b.inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21)])
    m.ir_version = 10
    return ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])


if G > D:
    raise SystemExit("this benchmark covers groups of at most head_dim channels")
r = np.random.default_rng(0)
feeds = {"q": r.standard_normal((1, KV, REP, 1, D), dtype=np.float32)}
f32 = {"k": r.standard_normal((1, P, KV, D), dtype=np.float32), "v": r.standard_normal((1, P, KV, D), dtype=np.float32),
       "kn": r.standard_normal((1, 1, KV, D), dtype=np.float32), "vn": r.standard_normal((1, 1, KV, D), dtype=np.float32)}
quant = {bits: {"kq": r.integers(0, 255, (1, P, C if bits == 8 else C // 2), dtype=np.uint8),
                "ks": r.random((1, P // G, KV, D), dtype=np.float32) * 0.05, "kz": r.integers(0, 2 ** bits, (1, P // G, KV, D), dtype=np.uint8),
                "vq": r.integers(0, 255, (1, P, C if bits == 8 else C // 2), dtype=np.uint8),
                "vs": r.random((1, P, C // G), dtype=np.float32) * 0.05, "vz": r.integers(0, 2 ** bits, (1, P, C // G), dtype=np.uint8)}
         for bits in (8, 4)}
names = ["f32", "i8_now", "i8_u8t", "i4_now", "i4_u8t"]
sessions = {n: variant(n) for n in names}
inputs = {n: {**feeds, **(f32 if n == "f32" else quant[4 if n.startswith("i4") else 8])} for n in names}
for n in ("i8", "i4"):
    a, b_ = sessions[n + "_now"].run(None, inputs[n + "_now"])[0], sessions[n + "_u8t"].run(None, inputs[n + "_u8t"])[0]
    assert np.allclose(a, b_, atol=1e-5), (n, np.abs(a - b_).max())
t = dict.fromkeys(names, 0.0)
for _ in range(args.runs):
    for n in names:
        t0 = time.perf_counter()
        sessions[n].run(None, inputs[n])
        t[n] += time.perf_counter() - t0
print(f"tokens {P}, group {G}:", {k: round(v / args.runs * 1e6, 1) for k, v in t.items()}, "us per run")
