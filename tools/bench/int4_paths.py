"""Micro-benchmark: attending to one layer's INT4 tier in ONNX Runtime (CPU), two ways, side by side.

    tools/.venv/bin/python tools/bench/int4_paths.py [--tokens 1600] [--group 64] [--runs 1500] [--threads 0]

Both graphs take the tier in its stored form and return the scores of one decode step's queries and the
context of given probabilities ([1, kv, rep, 1, P] and [1, kv, rep, 1, D]); both are checked against
numpy. `float32` is the same attention over float32 keys/values of the same tokens (what the baseline
reads), for scale.

  bitops   split each byte with BitwiseAnd and BitShift, Concat the halves, transpose the bytes into
           attention's layout, dequantize, attend (the graph before format 8; planar nibbles: byte j of a
           row holds channels j and j + C/2).
  linear   the exported graph's quant_tier: never splits a byte. b = 16 hi + lo with one scale and zero for
           both halves, so DequantizeLinear(b, s, 17 z) = 16 x_hi + x_lo; hi comes from
           QuantizeLinear(DequantizeLinear(b)); attention is linear in both dequantized tensors.

Prints microseconds per run (runs alternate between the variants).
"""
import argparse
import time

import numpy as np
import onnxruntime as ort
from onnx import TensorProto as TP, helper, numpy_helper

ap = argparse.ArgumentParser()
ap.add_argument("--tokens", type=int, default=1600)
ap.add_argument("--group", type=int, default=64)
ap.add_argument("--runs", type=int, default=1500)
ap.add_argument("--threads", type=int, default=0, help="intra-op threads (0: ONNX Runtime's default)")
args = ap.parse_args()
KV, D, REP, G = 2, 64, 2, args.group
C, P = KV * D, args.tokens
NB = P // G
assert P % G == 0 and C % G == 0
rng = np.random.default_rng(0)
vi = helper.make_tensor_value_info


class Graph:
    def __init__(self):
        self.nodes, self.inits, self.n = [], [], 0

    def c(self, v, dt=np.int64):
        self.n += 1
        self.inits.append(numpy_helper.from_array(np.array(v, dt), f"c{self.n}"))
        return f"c{self.n}"

    def op(self, t, ins, **attrs):
        self.n += 1
        self.nodes.append(helper.make_node(t, ins, [f"t{self.n}"], **attrs))
        return f"t{self.n}"

    def session(self, inputs, scores, ctx):
        self.nodes += [helper.make_node("Identity", [scores], ["scores"]), helper.make_node("Identity", [ctx], ["ctx"])]
        g = helper.make_graph(self.nodes, "g", inputs, [vi("scores", TP.FLOAT, None), vi("ctx", TP.FLOAT, None)], self.inits)
        m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21)])
        m.ir_version = 10
        so = ort.SessionOptions()
        so.intra_op_num_threads = args.threads
        return ort.InferenceSession(m.SerializeToString(), so, providers=["CPUExecutionProvider"])


# Codes, scales, zero points; the float values they stand for; queries and probabilities.
kq = rng.integers(0, 16, (P, C), dtype=np.uint8)
ks = (rng.random((NB, C)) * 0.1 + 0.01).astype(np.float16)
kz = rng.integers(0, 16, (NB, C), dtype=np.uint8)
vq = rng.integers(0, 16, (P, C), dtype=np.uint8)
vs = (rng.random((P, C // G)) * 0.1 + 0.01).astype(np.float16)
vz = rng.integers(0, 16, (P, C // G), dtype=np.uint8)
K = (kq.astype(np.float32) - np.repeat(kz, G, 0)) * np.repeat(ks.astype(np.float32), G, 0)
V = (vq.astype(np.float32) - np.repeat(vz, G, 1)) * np.repeat(vs.astype(np.float32), G, 1)
q = rng.standard_normal((1, KV, REP, 1, D)).astype(np.float32)
p = rng.random((1, KV, REP, 1, P)).astype(np.float32)
p /= p.sum(-1, keepdims=True)
ref_scores = np.einsum("krd,pkd->krp", q[0, :, :, 0], K.reshape(P, KV, D))
ref_ctx = np.einsum("krp,pkd->krd", p[0, :, :, 0], V.reshape(P, KV, D))
common = {"ks": ks.reshape(1, NB, KV, D), "kz": kz.reshape(1, NB, KV, D), "vs": vs[None], "vz": vz[None], "q": q, "p": p}
side = [vi("ks", TP.FLOAT16, [1, NB, KV, D]), vi("kz", TP.UINT8, [1, NB, KV, D]), vi("vs", TP.FLOAT16, [1, P, C // G]),
        vi("vz", TP.UINT8, [1, P, C // G]), vi("q", TP.FLOAT, [1, KV, REP, 1, D]), vi("p", TP.FLOAT, [1, KV, REP, 1, P])]
packed = [vi("k", TP.UINT8, [1, P, C // 2]), vi("v", TP.UINT8, [1, P, C // 2])]


def bitops():
    g = Graph()
    PK, PV = [0, 2, 3, 1], [0, 2, 1, 3]
    t = lambda x, perm: g.op("Transpose", [x], perm=perm)  # noqa: E731
    flat = lambda x: g.op("Reshape", [x, g.c([-1])])  # noqa: E731

    def unpack(x):
        lo, hi = g.op("BitwiseAnd", [x, g.c(15, np.uint8)]), g.op("BitShift", [x, g.c(4, np.uint8)], direction="RIGHT")
        return g.op("Reshape", [g.op("Concat", [lo, hi], axis=-1), g.c([0, 0, KV, D])])

    def dq(x, s, z, row):
        d = g.op("DequantizeLinear", [g.op("Reshape", [x, g.c([-1, row])]), flat(g.op("Cast", [s], to=TP.FLOAT)), flat(z)], axis=0)
        return g.op("Reshape", [d, g.op("Shape", [x])])

    kt = dq(t(unpack("k"), PK), t("ks", PK), t("kz", PK), G)
    scores = g.op("MatMul", ["q", g.op("Unsqueeze", [kt, g.c([2])])])
    per_head = lambda x: t(g.op("Reshape", [x, g.c([0, 0, KV, D // G])]), PV)  # noqa: E731  (G <= D)
    vt = dq(t(unpack("v"), PV), per_head("vs"), per_head("vz"), G)
    ctx = g.op("MatMul", ["p", g.op("Unsqueeze", [vt, g.c([2])])])
    planar = lambda x: (x[:, : C // 2] | (x[:, C // 2:] << 4))[None]  # noqa: E731
    return g.session(packed + side, scores, ctx), {"k": planar(kq), "v": planar(vq)}


def linear():
    g = Graph()
    NQ = KV * REP
    eye = g.c(np.eye(KV, dtype=np.float32).reshape(KV, 1, KV, 1), np.float32)
    f32 = lambda x: g.op("Cast", [x], to=TP.FLOAT)  # noqa: E731
    rows = lambda x, n: g.op("Reshape", [x, g.c([-1, n])])  # noqa: E731

    def requant(x, scale, zero):  # QuantizeLinear(DequantizeLinear(x)): integer arithmetic on bytes
        f = g.op("DequantizeLinear", [x, g.c(scale, np.float32), g.c(zero, np.uint8)])
        return g.op("QuantizeLinear", [f, g.c(1.0, np.float32), g.c(0, np.uint8)])

    hi = lambda x: requant(x, 0.999 / 16, 7)  # noqa: E731
    z17 = lambda x: requant(x, 17.0, 0)  # noqa: E731
    low = lambda both, h: g.op("Sub", [both, g.op("Mul", [h, g.c(16.0, np.float32)])])  # noqa: E731
    k2, kss, kzz = rows("k", C), rows(f32("ks"), C), rows("kz", C)
    dqk = lambda x, z: g.op("Reshape", [g.op("DequantizeLinear", [x, kss, z], axis=0, block_size=G // 2), g.c([1, -1, C])])  # noqa: E731
    kb, kh = dqk(k2, z17(kzz)), dqk(hi(k2), kzz)
    qbd = g.op("Reshape", [g.op("Mul", [g.op("Unsqueeze", ["q", g.c([4])]), g.op("Unsqueeze", [eye, g.c([1])])]), g.c([0, -1, C])])
    tr = lambda x: g.op("Transpose", [x], perm=[0, 2, 1])  # noqa: E731
    sb, sh = g.op("MatMul", [qbd, tr(kb)]), g.op("MatMul", [qbd, tr(kh)])
    halves = [g.op("Reshape", [x, g.c([0, 0, -1, 1, G // 2])]) for x in (low(sb, sh), sh)]
    scores = g.op("Reshape", [g.op("Concat", halves, axis=3), g.c([1, KV, REP, 1, -1])])
    v2 = rows("v", G // 2)
    vss, vzz = g.op("Reshape", [f32("vs"), g.c([-1])]), g.op("Reshape", ["vz", g.c([-1])])
    dqv = lambda x, z: g.op("Reshape", [g.op("DequantizeLinear", [x, vss, z], axis=0), g.c([1, -1, C // 2])])  # noqa: E731
    vb, vh = dqv(v2, z17(vzz)), dqv(hi(v2), vzz)
    pm = g.op("Reshape", ["p", g.c([1, NQ, -1])])
    cb, ch = g.op("MatMul", [pm, vb]), g.op("MatMul", [pm, vh])
    halves = [g.op("Reshape", [x, g.c([0, 0, C // G, 1, G // 2])]) for x in (low(cb, ch), ch)]
    c = g.op("Reshape", [g.op("Concat", halves, axis=3), g.c([0, KV, -1, KV, D])])
    own = g.op("ReduceSum", [g.op("Mul", [c, eye]), g.c([3])], keepdims=0)
    ctx = g.op("Reshape", [own, g.c([1, KV, REP, 1, D])])
    kp = kq.reshape(NB, 2, G // 2, C)
    vp = vq.reshape(P, C // G, 2, G // 2)
    return g.session(packed + side, scores, ctx), {"k": (kp[:, 0] | (kp[:, 1] << 4)).reshape(1, P, C // 2),
                                                   "v": (vp[:, :, 0] | (vp[:, :, 1] << 4)).reshape(1, P, C // 2)}


def float32():
    g = Graph()
    kt = g.op("Transpose", ["kf"], perm=[0, 2, 3, 1])
    scores = g.op("MatMul", ["q", g.op("Unsqueeze", [kt, g.c([2])])])
    ctx = g.op("MatMul", ["p", g.op("Unsqueeze", [g.op("Transpose", ["vf"], perm=[0, 2, 1, 3]), g.c([2])])])
    ins = [vi("kf", TP.FLOAT, [1, P, KV, D]), vi("vf", TP.FLOAT, [1, P, KV, D]), vi("q", TP.FLOAT, [1, KV, REP, 1, D]),
           vi("p", TP.FLOAT, [1, KV, REP, 1, P])]
    return g.session(ins, scores, ctx), {"kf": K.reshape(1, P, KV, D), "vf": V.reshape(1, P, KV, D)}


variants = {"bitops": bitops(), "linear": linear(), "float32": float32()} if G <= D else {"linear": linear(), "float32": float32()}
if G > D:
    print(f"(bitops left out: its value path here handles groups within a head, {G} > {D})")
for name, (sess, feeds) in variants.items():
    feeds.update({k: v for k, v in common.items() if k in {i.name for i in sess.get_inputs()}})
    scores, ctx = sess.run(None, feeds)
    err_s = float(np.abs(scores[0, :, :, 0] - ref_scores).max() / np.abs(ref_scores).max())
    err_c = float(np.abs(ctx[0, :, :, 0] - ref_ctx).max() / np.abs(ref_ctx).max())
    # linear subtracts 16 x_hi from 16 x_hi + x_lo: about 4 bits of float32's 24 go, ~1e-5 relative
    assert err_s < 1e-4 and err_c < 1e-4, f"{name}: relative error scores {err_s:.1e}, context {err_c:.1e}"
    print(f"{name}: max relative error vs numpy: scores {err_s:.1e}, context {err_c:.1e}")
spent = dict.fromkeys(variants, 0.0)
for _ in range(args.runs):
    for name, (sess, feeds) in variants.items():
        t0 = time.perf_counter()
        sess.run(None, feeds)
        spent[name] += time.perf_counter() - t0
print(f"INT4 tier of {P} tokens, {C} channels, groups of {G} (float32: the same tokens unquantized):",
      {k: round(v / args.runs * 1e6, 1) for k, v in spent.items()}, "us per run")
