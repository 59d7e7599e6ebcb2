"""One projection (rows x K -> N) in ONNX Runtime's CPU kernels for each way the export can compute it,
side by side, at several row counts (1: a decode step; 16: a batched step; 256-512: a prompt chunk).

    tools/.venv/bin/python tools/bench/prefill_gemm.py [--rows 1,4,16,64,512] [--k 2048] [--n 8192] [--threads 2]

  nbits4    MatMulNBits, 4-bit, blocks of 128, accuracy_level 4 (--weights int4)
  nbits8    MatMulNBits, 8-bit, blocks of 32, accuracy_level 4 (--weights int8 before the int8 projection)
  int8      the export's int8 projection (graph.ModelWeights._w8a8: per-row 8-bit activations, MatMulInteger
            over int8 weights with a scale per output channel; --weights int8, and int4's --int8-copy)
  f32       MatMul over float32 weights
The variants alternate within each round; medians of --runs rounds; GFLOP/s counts 2 x rows x K x N.
Random values: speed does not depend on them.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from inferos_tools.graph import GraphBuilder, ModelWeights  # noqa: E402
from inferos_tools.weights import WeightsWriter  # noqa: E402


def nbits(k, n, bits, block, d, name):
    rng = np.random.default_rng(0)
    kb = k // block
    inits = [numpy_helper.from_array(rng.integers(0, 256, (n, kb, block * bits // 8), dtype=np.uint8), "B"),
             numpy_helper.from_array((rng.random(n * kb) * 0.01).astype(np.float32), "S")]
    node = helper.make_node("MatMulNBits", ["A", "B", "S"], ["Y"], domain="com.microsoft",
                            K=k, N=n, bits=bits, block_size=block, accuracy_level=4)
    return [node], inits, "Y"


def int8(k, n, d, name):
    writer = WeightsWriter(os.path.join(d, name))
    weights = ModelWeights(None, writer, "int8")
    weights._int8("w", (np.random.default_rng(0).standard_normal((n, k)) * 0.02).astype(np.float32))
    g = GraphBuilder()
    y = weights._w8a8(g, "A", "w")
    writer.close()
    return g.nodes, g.inits, y


def f32(k, n, d, name):
    w = (np.random.default_rng(0).random((k, n)) * 0.01).astype(np.float32)
    return [helper.make_node("MatMul", ["A", "B"], ["Y"])], [numpy_helper.from_array(w, "B")], "Y"


def session(nodes, inits, y, k, threads, d, name):
    g = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("A", TensorProto.FLOAT, [1, "rows", k])],
                          [helper.make_tensor_value_info(y, TensorProto.FLOAT, None)], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21), helper.make_opsetid("com.microsoft", 1)])
    m.ir_version = 10
    path = os.path.join(d, name, "m.onnx")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if any(t.data_location == TensorProto.EXTERNAL for t in inits):
        with open(path, "wb") as f:  # the weights already lie in model.weights beside it
            f.write(m.SerializeToString())
    else:
        onnx.save_model(m, path, save_as_external_data=True, location="m.data")
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.log_severity_level = 3
    return ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", default="1,4,16,64,512")
    ap.add_argument("--k", type=int, default=2048)
    ap.add_argument("--n", type=int, default=8192)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=9)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "int8"))
        variants = {"nbits4": nbits(a.k, a.n, 4, 128, d, "nbits4"), "nbits8": nbits(a.k, a.n, 8, 32, d, "nbits8"),
                    "int8": int8(a.k, a.n, d, "int8"), "f32": f32(a.k, a.n, d, "f32")}
        sessions = {name: session(*v, a.k, a.threads, d, name) for name, v in variants.items()}
        print(f"K={a.k} N={a.n}, {a.threads} threads, median of {a.runs}: ms (GFLOP/s)")
        print(f"{'rows':>6}  " + "  ".join(f"{name:>16}" for name in sessions))
        for rows in (int(r) for r in a.rows.split(",")):
            x = {"A": (np.random.default_rng(1).random((1, rows, a.k)) - 0.5).astype(np.float32)}
            for s in sessions.values():
                s.run(None, x)
            times = {name: [] for name in sessions}
            for _ in range(a.runs):
                for name, s in sessions.items():
                    t = time.perf_counter()
                    s.run(None, x)
                    times[name].append(time.perf_counter() - t)
            flop = 2 * rows * a.k * a.n
            cells = [f"{statistics.median(ts) * 1e3:7.2f} ({flop / statistics.median(ts) / 1e9:5.0f})" for ts in times.values()]
            print(f"{rows:>6}  " + "  ".join(f"{c:>16}" for c in cells))


if __name__ == "__main__":
    main()
