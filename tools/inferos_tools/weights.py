"""The model's weights: one external-data file the graph reads, written tensor by tensor.

The graph refers to its weights by (offset, length) in model.weights instead of holding them, so the graph
file stays small whatever the model's size (ONNX's protobuf limit is 2 GB) and the exporter never holds
more than one tensor. Offsets of tensors of 64 KiB or more are aligned to 64 KiB (the mapping granularity
of Windows; a multiple of Linux pages).

Weight types (`--weights`):
  fp32  MatMul over float32 weights (the reference: equal to PyTorch within float rounding)
  fp16  weights stored in float16; ONNX Runtime's CPU provider has no float16 MatMul on x86, so the graph
        casts them to float32 when the session opens: half the file, the memory and speed of fp32
  int8  one int8 code per weight and a float32 scale per output channel (symmetric), stored [in, out] for
        ONNX's MatMulInteger: each run quantizes its activations to 8 bits per row (symmetric, stored around
        128) and computes one integer product, which MLAS runs on its u8 x s8 kernels (AMX or AVX-512 VNNI
        where the CPU has them); the embedding (and a tied LM head) stay 8-bit blocks (GatherBlockQuantized,
        MatMulNBits). On an AMX host, 2048 x 8192: 1.7 / 2.1 / 24 ms at 1 / 16 / 512 rows, where MatMulNBits
        8-bit took 2.1 / 8.4 / 81 ms (tools/bench/prefill_gemm.py)
  int4  com.microsoft MatMulNBits, 4 bits, blocks along the input axis (--block-size), a float32 scale and
        a 4-bit zero point per block (asymmetric; two codes per byte, the lower index in the low nibble;
        zero points packed the same way): about 4.3 bits per weight in blocks of 128. MatMulNBits is fast
        for one row (decode steps) and slow for many (1.1 / 9.7 / 61 ms at 1 / 16 / 512 rows, above):
        --int8-copy also stores the projections as int8 (as above, from the dequantized int4 weights, so
        both compute the same model up to the int8 rounding) and runs of at least INT8_COPY_MIN_ROWS rows
        (graph.py) take it: prompt chunks and batched decode steps, for 1 more byte per weight.
Quantized MatMulNBits projections run with accuracy_level 4 (activations quantized to int8 per block inside
the kernel: tools/bench/matmul_nbits.py measured it ~3.5x the float path at the 1B MLP shape for one row).
The embedding table is gathered by com.microsoft GatherBlockQuantized from its blocks; a tied LM head reads
them too.
"""
from __future__ import annotations

import os

import numpy as np
from onnx import TensorProto, helper

WEIGHTS_FILE = "model.weights"
ALIGN = 1 << 16
WEIGHT_TYPES = ("fp32", "fp16", "int8", "int4")
BLOCK = 32
# Weights per block when --block-size is not given: int4 reads the fewest bytes per token in blocks of 128
# (the 1B shape's weight kernels: 20.6 ms per token against 32 ms in blocks of 32, tools/bench/matmul_nbits.py)
# for +2.5% held-out perplexity on the bundled model against +1.5% (docs/benchmarks.md, "Weight types on the
# bundled model"); int8 keeps 32.
DEFAULT_BLOCK = {"int4": 128, "int8": 32}
ACCURACY_LEVEL = 4


def quantize_blocks(w: np.ndarray, bits: int, block: int = BLOCK):
    """Asymmetric block quantization of w [N, K] along K (K padded with zeros to whole blocks).
    Returns codes uint8 [N, K_blocks, block] (unpacked), scales float32 [N, K_blocks], zeros uint8 [N, K_blocks],
    with w ~= (codes - zero) * scale. The block's range always includes 0, so zero is exact."""
    n, k = w.shape
    kb = -(-k // block)
    if kb * block != k:
        w = np.concatenate([w, np.zeros((n, kb * block - k), np.float32)], axis=1)
    x = w.reshape(n, kb, block)
    top = (1 << bits) - 1
    lo = np.minimum(x.min(axis=2), 0.0)
    hi = np.maximum(x.max(axis=2), 0.0)
    scale = (hi - lo) / top
    scale = np.where(scale > 0, scale, 1.0).astype(np.float32)
    zero = np.clip(np.round(-lo / scale), 0, top).astype(np.uint8)
    codes = np.clip(np.round(x / scale[:, :, None]) + zero[:, :, None], 0, top).astype(np.uint8)
    return codes, scale, zero


def pack4(codes: np.ndarray) -> np.ndarray:
    """Pairs along the last axis into bytes: element 2i in the low nibble, 2i + 1 in the high one."""
    if codes.shape[-1] % 2:
        codes = np.concatenate([codes, np.zeros(codes.shape[:-1] + (1,), np.uint8)], axis=-1)
    return (codes[..., 0::2] | (codes[..., 1::2] << 4)).astype(np.uint8)


def dequantize(codes: np.ndarray, scale: np.ndarray, zero: np.ndarray, k: int) -> np.ndarray:
    """The float32 weights [N, K] a quantized matrix stands for (what the kernels compute with)."""
    n = codes.shape[0]
    x = (codes.astype(np.float32) - zero[:, :, None]) * scale[:, :, None]
    return x.reshape(n, -1)[:, :k]


class WeightsWriter:
    """Appends tensors to model.weights and hands out initializers that point into it."""

    def __init__(self, out_dir: str, progress=None):
        self.path = os.path.join(out_dir, WEIGHTS_FILE)
        self.file = open(self.path, "wb")
        self.offset = 0
        self.written: dict[str, TensorProto] = {}
        self.progress = progress

    def add(self, name: str, array: np.ndarray, shape=None) -> TensorProto:
        """Write `array` (once per name) and return an external-data initializer for it. `shape` views the
        same bytes with another shape (an initializer of that name must not exist yet)."""
        if name in self.written:
            return self.written[name]
        array = np.ascontiguousarray(array)
        pad = -self.offset % (ALIGN if array.nbytes >= ALIGN else 64)
        if pad:
            self.file.write(b"\0" * pad)
            self.offset += pad
        self.file.write(array.tobytes())
        t = self.ref(name, array.dtype, shape or array.shape, self.offset, array.nbytes)
        self.offset += array.nbytes
        self.written[name] = t
        if self.progress:
            self.progress(array.nbytes)
        return t

    def alias(self, name: str, of: str, shape) -> TensorProto:
        """Another initializer over the bytes of `of` (another shape, same data: no second copy on disk)."""
        src = self.written[of]
        ext = {e.key: e.value for e in src.external_data}
        dtype = helper.tensor_dtype_to_np_dtype(src.data_type)
        t = self.ref(name, dtype, shape, int(ext["offset"]), int(ext["length"]))
        self.written[name] = t
        return t

    @staticmethod
    def ref(name, dtype, shape, offset, length) -> TensorProto:
        t = TensorProto()
        t.name = name
        t.data_type = helper.np_dtype_to_tensor_dtype(np.dtype(dtype))
        t.dims.extend(int(d) for d in shape)
        t.data_location = TensorProto.EXTERNAL
        for k, v in (("location", WEIGHTS_FILE), ("offset", str(offset)), ("length", str(length))):
            e = t.external_data.add()
            e.key, e.value = k, v
        return t

    def close(self) -> int:
        self.file.close()
        return os.path.getsize(self.path)
