"""The weight layout weights.py writes, run by ONNX Runtime's own kernels, against numpy.

    tools/.venv/bin/python -m unittest discover -s tools/tests

A wrong nibble order, block layout or zero-point packing would make MatMulNBits or GatherBlockQuantized
compute with other weights than the dequantized ones: these compare each kernel, on one matrix with an odd
number of blocks per row and a partial last block, with numpy on `dequantize` of the same codes. The int8
projection (--weights int8, and the int8 copy of int4 weights) is checked against the same integer
arithmetic in numpy and against the float product.
"""
from __future__ import annotations

import os
import sys
import unittest

import numpy as np
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inferos_tools.graph import GraphBuilder, ModelWeights  # noqa: E402
from inferos_tools.weights import BLOCK, WEIGHTS_FILE, WeightsWriter, dequantize, pack4, quantize_blocks  # noqa: E402


def run(bits: int, accuracy_level: int, n=40, k=3 * BLOCK + 10):
    rng = np.random.default_rng(bits)
    w = rng.normal(0, 0.2, (n, k)).astype(np.float32)
    codes, scale, zero = quantize_blocks(w, bits)
    kb = scale.shape[1]
    cq, zq = (pack4(codes), pack4(zero)) if bits == 4 else (codes, zero)
    inits = [numpy_helper.from_array(cq, "B"), numpy_helper.from_array(scale.reshape(-1), "S"),
             numpy_helper.from_array(zq.reshape(-1), "Z"), numpy_helper.from_array(cq.reshape(n, -1), "GB"),
             numpy_helper.from_array(scale, "GS"), numpy_helper.from_array(zq.reshape(n, -1), "GZ")]
    nodes = [helper.make_node("MatMulNBits", ["A", "B", "S", "Z"], ["Y"], domain="com.microsoft", K=k, N=n, bits=bits,
                              block_size=BLOCK, accuracy_level=accuracy_level),
             helper.make_node("GatherBlockQuantized", ["GB", "I", "GS", "GZ"], ["E"], domain="com.microsoft",
                              gather_axis=0, quantize_axis=1, block_size=BLOCK, bits=bits)]
    g = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("A", TensorProto.FLOAT, [1, 3, k]),
                                       helper.make_tensor_value_info("I", TensorProto.INT64, [1, 3])],
                          [helper.make_tensor_value_info("Y", TensorProto.FLOAT, None),
                           helper.make_tensor_value_info("E", TensorProto.FLOAT, None)], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21), helper.make_opsetid("com.microsoft", 1)])
    m.ir_version = 10
    sess = ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])
    a = rng.normal(0, 1, (1, 3, k)).astype(np.float32)
    idx = np.array([[0, 7, n - 1]])
    y, e = sess.run(None, {"A": a, "I": idx})
    wd = dequantize(codes, scale, zero, k)
    return y, a @ wd.T, e[..., :k], wd[idx]


class KernelLayoutTest(unittest.TestCase):
    def test_matmul_nbits_computes_with_the_dequantized_weights(self):
        for bits in (4, 8):
            y, want, _, _ = run(bits, accuracy_level=0)  # float activations: exact up to float rounding
            self.assertLess(np.abs(y - want).max(), 1e-4, bits)

    def test_matmul_nbits_int8_activations_stay_close(self):
        for bits in (4, 8):
            y, want, _, _ = run(bits, accuracy_level=4)  # what the graph uses: activations quantized per block
            self.assertLess(np.abs(y - want).max() / np.abs(want).max(), 0.02, bits)

    def test_gather_block_quantized_returns_the_dequantized_rows(self):
        for bits in (4, 8):
            _, _, e, want = run(bits, accuracy_level=0)
            np.testing.assert_array_equal(e, want)


def run_w8a8(rows: int, n=48, k=200):
    """The int8 projection (ModelWeights._int8 and _w8a8, as the graph writes them) on `rows` rows."""
    import tempfile
    rng = np.random.default_rng(rows)
    w = rng.normal(0, 0.2, (n, k)).astype(np.float32)
    a = rng.normal(0, 1, (1, rows, k)).astype(np.float32)
    a[0, 0] *= 30  # rows of very different ranges: each row has its own scale
    with tempfile.TemporaryDirectory() as d:
        writer = WeightsWriter(d)
        weights = ModelWeights(None, writer, "int8")
        weights._int8("w", w)
        g = GraphBuilder()
        y = weights._w8a8(g, "A", "w")
        writer.close()
        graph = helper.make_graph(g.nodes, "g", [helper.make_tensor_value_info("A", TensorProto.FLOAT, [1, "rows", k])],
                                  [helper.make_tensor_value_info(y, TensorProto.FLOAT, None)], g.inits)
        m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 21), helper.make_opsetid("com.microsoft", 1)])
        m.ir_version = 10
        path = os.path.join(d, "m.onnx")
        with open(path, "wb") as f:
            f.write(m.SerializeToString())
        out = ort.InferenceSession(path, providers=["CPUExecutionProvider"]).run(None, {"A": a})[0]
        codes = np.fromfile(os.path.join(d, WEIGHTS_FILE), np.int8, count=k * n).reshape(k, n)
    scale_w = np.abs(w).max(axis=1) / 127
    scale_a = np.abs(a).max(axis=-1, keepdims=True) / 127
    # The same arithmetic in numpy: integer codes of both, one integer product, both scales.
    exact = (np.round(a / scale_a).astype(np.int64) @ codes.astype(np.int64)) * scale_a * scale_w
    return out, exact, a @ w.T


class Int8ProjectionTest(unittest.TestCase):
    def test_int8_projection_is_the_integer_product_of_both_codes(self):
        for rows in (1, 4, 33):
            out, exact, _ = run_w8a8(rows)
            np.testing.assert_allclose(out, exact, rtol=1e-5, atol=1e-5 * np.abs(exact).max())

    def test_int8_projection_stays_close_to_the_float_product(self):
        for rows in (1, 4, 33):
            out, _, want = run_w8a8(rows)
            # Per row: each row is quantized on its own range, so a large row does not swamp a small one.
            err = np.abs(out - want).max(axis=-1) / np.abs(want).max(axis=-1)
            self.assertLess(err.max(), 0.02, rows)


if __name__ == "__main__":
    unittest.main()
