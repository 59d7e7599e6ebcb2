"""Micro-benchmark: DequantizeLinear on the tier layouts, side by side (ORT CPU).

    tools/.venv/bin/python tools/bench/dequant_axes.py

K:  keys [1, P, kv, D], blocked over tokens (axis 1)       V:  values [1, P, C], blocked over channels (axis 2)
K3: keys as [1, P, C], blocked over tokens                  V2: values as rows [P * C / G, G], per-axis (axis 0)
Prints microseconds per run. V2 measured ~5x faster than V, which is why the graph dequantizes values per row.
"""
import time, numpy as np, onnxruntime as ort
from onnx import TensorProto, helper
P, G, KV, D = 1600, 64, 2, 64
C = KV * D
def sess(nodes, inputs):
    g = helper.make_graph(nodes, "m", inputs, [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 21)]); m.ir_version = 10
    return ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])
K = sess([helper.make_node("DequantizeLinear", ["q", "s", "z"], ["y"], axis=1, block_size=G)],
         [helper.make_tensor_value_info("q", TensorProto.UINT8, [1, P, KV, D]), helper.make_tensor_value_info("s", TensorProto.FLOAT, [1, P // G, KV, D]), helper.make_tensor_value_info("z", TensorProto.UINT8, [1, P // G, KV, D])])
V = sess([helper.make_node("DequantizeLinear", ["q", "s", "z"], ["y"], axis=2, block_size=G)],
         [helper.make_tensor_value_info("q", TensorProto.UINT8, [1, P, C]), helper.make_tensor_value_info("s", TensorProto.FLOAT, [1, P, C // G]), helper.make_tensor_value_info("z", TensorProto.UINT8, [1, P, C // G])])
# keys as [1, nG, G, C] with per-axis? use axis=1 block G on [1,P,C] (3-D)
K3 = sess([helper.make_node("DequantizeLinear", ["q", "s", "z"], ["y"], axis=1, block_size=G)],
         [helper.make_tensor_value_info("q", TensorProto.UINT8, [1, P, C]), helper.make_tensor_value_info("s", TensorProto.FLOAT, [1, P // G, C]), helper.make_tensor_value_info("z", TensorProto.UINT8, [1, P // G, C])])
r = np.random.default_rng(0)
fk = {"q": r.integers(0, 255, (1, P, KV, D), dtype=np.uint8), "s": r.random((1, P // G, KV, D), dtype=np.float32), "z": r.integers(0, 255, (1, P // G, KV, D), dtype=np.uint8)}
fv = {"q": r.integers(0, 255, (1, P, C), dtype=np.uint8), "s": r.random((1, P, C // G), dtype=np.float32), "z": r.integers(0, 255, (1, P, C // G), dtype=np.uint8)}
fk3 = {"q": fk["q"].reshape(1, P, C), "s": fk["s"].reshape(1, P // G, C), "z": fk["z"].reshape(1, P // G, C)}
t = {"K": 0, "V": 0, "K3": 0}
for _ in range(300):
    for n, s_, f in (("K", K, fk), ("V", V, fv), ("K3", K3, fk3)):
        t0 = time.perf_counter(); s_.run(None, f); t[n] += time.perf_counter() - t0
print({k: round(v / 300 * 1e6, 1) for k, v in t.items()}, "us")
V2 = sess([helper.make_node("DequantizeLinear", ["q", "s", "z"], ["y"], axis=0)],
         [helper.make_tensor_value_info("q", TensorProto.UINT8, [P * C // G, G]), helper.make_tensor_value_info("s", TensorProto.FLOAT, [P * C // G]), helper.make_tensor_value_info("z", TensorProto.UINT8, [P * C // G])])
fv2 = {"q": fv["q"].reshape(P * C // G, G), "s": fv["s"].reshape(-1), "z": fv["z"].reshape(-1)}
assert np.allclose(V.run(None, fv)[0].reshape(-1), V2.run(None, fv2)[0].reshape(-1))
t = {"V": 0, "V2": 0}
for _ in range(300):
    for n, s_, f in (("V", V, fv), ("V2", V2, fv2)):
        t0 = time.perf_counter(); s_.run(None, f); t[n] += time.perf_counter() - t0
print({k: round(v / 300 * 1e6, 1) for k, v in t.items()}, "us")
