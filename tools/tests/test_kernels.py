"""The weight layout weights.py writes, run by ONNX Runtime's own kernels, against numpy.

    tools/.venv/bin/python -m unittest discover -s tools/tests

A wrong nibble order, block layout or zero-point packing would make MatMulNBits or GatherBlockQuantized
compute with other weights than the dequantized ones: these compare each kernel, on one matrix with an odd
number of blocks per row and a partial last block, with numpy on `dequantize` of the same codes.
"""
from __future__ import annotations

import os
import sys
import unittest

import numpy as np
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inferos_tools.weights import BLOCK, dequantize, pack4, quantize_blocks  # noqa: E402


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


if __name__ == "__main__":
    unittest.main()
