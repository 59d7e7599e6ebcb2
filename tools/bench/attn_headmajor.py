"""One decode step's attention (1 query token) over P cached float32 tokens, 32 heads / 8 KV heads of 64
(the 1B shape), in the cache layouts the graph could feed: which operators read the cache without copying
it first. Interleaved rounds, 2 intra-op threads, ms per run (median of rounds).

    cd tools && .venv/bin/python bench/attn_headmajor.py [--tokens 1024] [--rounds 5] [--runs 100]

token_major   K, V [1,P,kv,D]: Transpose both, q.K^T, softmax, p.V (the float path before head-major)
hm_qkt        K, V [1,kv,P,D]: q.K^T (ORT folds the Transpose into FusedMatMul transB), softmax, p.V
hm_kq         K, V [1,kv,P,D]: (K.q^T)^T: the cache is MatMul's A operand (streamed, not packed);
              softmax over the small transposed scores; p.V
hm_kq_vt      K [1,kv,P,D], V^T [1,kv,D,P]: K.q^T, softmax on axis -2, V^T.p^T: both cache reads as A
hm_5d         K, V [1,kv,P,D] unsqueezed to [1,kv,1,P,D] against queries [1,kv,rep,1,D]: the same products
              with one query row each (rep of them per KV head), as the graph first had them
Each variant's output is checked against token_major.
"""
import argparse
import time

import numpy as np
import onnxruntime as ort
from onnx import TensorProto as TP, helper

ap = argparse.ArgumentParser()
ap.add_argument("--tokens", type=int, default=1024)
ap.add_argument("--rounds", type=int, default=5)
ap.add_argument("--runs", type=int, default=100)
args = ap.parse_args()
N, KV, D, P = 32, 8, 64, args.tokens
REP = N // KV
vi = helper.make_tensor_value_info
node = helper.make_node


def sess(nodes, ins):
    m = helper.make_model(helper.make_graph(nodes, "g", ins, [vi("o", TP.FLOAT, None)]),
                          opset_imports=[helper.make_opsetid("", 21)])
    m.ir_version = 10
    o = ort.SessionOptions()
    o.intra_op_num_threads = 2
    return ort.InferenceSession(m.SerializeToString(), o, providers=["CPUExecutionProvider"])


rng = np.random.default_rng(0)
K = rng.standard_normal((1, KV, P, D)).astype(np.float32)
V = rng.standard_normal((1, KV, P, D)).astype(np.float32)
q5 = rng.standard_normal((1, KV, REP, D)).astype(np.float32) * 0.125
ins5 = [vi("q5", TP.FLOAT, [1, KV, REP, D])]
variants = {
    "token_major": (sess([node("Transpose", ["K"], ["Kt"], perm=[0, 2, 3, 1]), node("Transpose", ["V"], ["Vt"], perm=[0, 2, 1, 3]),
                          node("MatMul", ["q5", "Kt"], ["s"]), node("Softmax", ["s"], ["p"], axis=-1), node("MatMul", ["p", "Vt"], ["o"])],
                         ins5 + [vi("K", TP.FLOAT, [1, "P", KV, D]), vi("V", TP.FLOAT, [1, "P", KV, D])]),
                    dict(q5=q5, K=K.transpose(0, 2, 1, 3).copy(), V=V.transpose(0, 2, 1, 3).copy())),
    "hm_qkt": (sess([node("Transpose", ["K"], ["Kt"], perm=[0, 1, 3, 2]), node("MatMul", ["q5", "Kt"], ["s"]),
                     node("Softmax", ["s"], ["p"], axis=-1), node("MatMul", ["p", "V"], ["o"])],
                    ins5 + [vi("K", TP.FLOAT, [1, KV, "P", D]), vi("V", TP.FLOAT, [1, KV, "P", D])]),
               dict(q5=q5, K=K, V=V)),
    "hm_5d": (sess([node("Constant", [], ["ax"], value=helper.make_tensor("ax", TP.INT64, [1], [2])),
                    node("Unsqueeze", ["K", "ax"], ["K5"]), node("Unsqueeze", ["V", "ax"], ["V5"]),
                    node("Unsqueeze", ["q5", "ax"], ["q6"]), node("Transpose", ["q6"], ["qr"], perm=[0, 1, 3, 2, 4]),
                    node("Transpose", ["K5"], ["K5t"], perm=[0, 1, 2, 4, 3]), node("MatMul", ["qr", "K5t"], ["s5"]),
                    node("Softmax", ["s5"], ["p5"], axis=-1), node("MatMul", ["p5", "V5"], ["o5"]),
                    node("Constant", [], ["ax3"], value=helper.make_tensor("ax3", TP.INT64, [1], [3])),
                    node("Squeeze", ["o5", "ax3"], ["o"])],
                   ins5 + [vi("K", TP.FLOAT, [1, KV, "P", D]), vi("V", TP.FLOAT, [1, KV, "P", D])]),
              dict(q5=q5, K=K, V=V)),
    "hm_kq": (sess([node("Transpose", ["q5"], ["qt"], perm=[0, 1, 3, 2]), node("MatMul", ["K", "qt"], ["st"]),
                    node("Transpose", ["st"], ["s"], perm=[0, 1, 3, 2]), node("Softmax", ["s"], ["p"], axis=-1),
                    node("MatMul", ["p", "V"], ["o"])],
                   ins5 + [vi("K", TP.FLOAT, [1, KV, "P", D]), vi("V", TP.FLOAT, [1, KV, "P", D])]),
              dict(q5=q5, K=K, V=V)),
    "hm_kq_vt": (sess([node("Transpose", ["q5"], ["qt"], perm=[0, 1, 3, 2]), node("MatMul", ["K", "qt"], ["st"]),
                       node("Softmax", ["st"], ["pt"], axis=-2), node("MatMul", ["Vt", "pt"], ["ot"]),
                       node("Transpose", ["ot"], ["o"], perm=[0, 1, 3, 2])],
                      ins5 + [vi("K", TP.FLOAT, [1, KV, "P", D]), vi("Vt", TP.FLOAT, [1, KV, D, "P"])]),
                 dict(q5=q5, K=K, Vt=V.transpose(0, 1, 3, 2).copy())),
}
ref = variants["token_major"][0].run(["o"], variants["token_major"][1])[0]
for name, (s, f) in variants.items():
    d = np.abs(s.run(["o"], f)[0] - ref).max()
    assert d < 1e-5, f"{name} differs from token_major by {d}"
times = {name: [] for name in variants}
for _ in range(args.rounds):
    for name, (s, f) in variants.items():
        for _ in range(5):
            s.run(["o"], f)
        t = time.perf_counter()
        for _ in range(args.runs):
            s.run(["o"], f)
        times[name].append((time.perf_counter() - t) / args.runs * 1e3)
print(f"{P} tokens, ms per layer (median of {args.rounds} rounds of {args.runs} runs)")
for name, ts in times.items():
    print(f"  {name:12s} {np.median(ts):.3f}   rounds {' '.join(f'{x:.3f}' for x in ts)}")
