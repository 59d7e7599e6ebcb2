"""ONNX Runtime's com.microsoft MatMulNBits at the Llama-3.2-1B shapes, one token (M = 1).

    tools/.venv/bin/python tools/bench/matmul_nbits.py [--layers 16] [--threads 2]

Two measurements per (bits, block size, accuracy level):
  single  one matrix of the MLP's shape (2048 x 8192), run repeatedly: its weights stay in the CPU's
          caches, so this is the kernel's best case, not what a decode step sees;
  layers  every projection of `--layers` layers (q/k/v fused, o, gate/up fused, down), each its own
          weights, in sequence: what a decode step pays for its weights (memory-bound).
Random codes and scales (speed does not depend on the values).
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

H, I, KV = 2048, 8192, 512


def matrix(name, k, n, bits, block, rng):
    kb = k // block
    return [numpy_helper.from_array(rng.integers(0, 256, (n, kb, block * bits // 8), dtype=np.uint8), f"B{name}"),
            numpy_helper.from_array((rng.random(n * kb) * 0.01).astype(np.float32), f"S{name}"),
            numpy_helper.from_array(rng.integers(0, 256, (n * ((kb * bits + 7) // 8),), dtype=np.uint8), f"Z{name}")]


def model(shapes, bits, block, acc):
    rng = np.random.default_rng(0)
    nodes, inits, x = [], [], "A"
    for j, (k, n) in enumerate(shapes):
        inits += matrix(str(j), k, n, bits, block, rng)
        y = f"Y{j}"
        nodes.append(helper.make_node("MatMulNBits", [x, f"B{j}", f"S{j}", f"Z{j}"], [y], domain="com.microsoft",
                                      K=k, N=n, bits=bits, block_size=block, accuracy_level=acc))
        nxt = shapes[j + 1][0] if j + 1 < len(shapes) else n
        if nxt != n:  # feed the next matrix the width it takes
            nodes.append(helper.make_node("Slice", [y, "zero", f"w{j}", "last"], [f"s{j}"]))
            inits.append(numpy_helper.from_array(np.array([nxt]), f"w{j}"))
            y = f"s{j}"
        x = y
    inits += [numpy_helper.from_array(np.array([0]), "zero"), numpy_helper.from_array(np.array([-1]), "last")]
    g = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("A", TensorProto.FLOAT, [1, shapes[0][0]])],
                          [helper.make_tensor_value_info(x, TensorProto.FLOAT, None)], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21), helper.make_opsetid("com.microsoft", 1)])
    m.ir_version = 10
    return m


def timed(m, threads, runs):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "m.onnx")
        onnx.save_model(m, path, save_as_external_data=True, location="m.data")
        so = ort.SessionOptions()
        so.intra_op_num_threads = threads
        s = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    a = (np.random.rand(1, m.graph.input[0].type.tensor_type.shape.dim[1].dim_value) * 0.01).astype(np.float32)
    for _ in range(3):
        s.run(None, {"A": a})
    t = time.perf_counter()
    for _ in range(runs):
        s.run(None, {"A": a})
    return (time.perf_counter() - t) / runs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--layers", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    layer = [(H, H + 2 * KV), (H, H), (H, 2 * I), (I, H)]
    params = args.layers * sum(k * n for k, n in layer)
    for bits, block, acc in [(4, 32, 4), (4, 32, 0), (4, 64, 4), (4, 128, 4), (8, 32, 4)]:
        single = timed(model([(H, I)], bits, block, acc), args.threads, 200)
        layers = timed(model(layer * args.layers, bits, block, acc), args.threads, 10)
        print(f"int{bits} block {block:3} accuracy_level {acc}: single {single * 1e3:.3f} ms "
              f"({H * I * bits / 8 / single / 1e9:.1f} GB/s of codes); {args.layers} layers {layers * 1e3:.1f} ms "
              f"({params * bits / 8 / layers / 1e9:.1f} GB/s)")


if __name__ == "__main__":
    main()
