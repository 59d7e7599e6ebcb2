"""Export a Hugging Face Llama-architecture checkpoint to the Infer-OS ONNX format.

    python -m inferos_tools.export --checkpoint DIR --out DIR

The graph is written by hand with onnx.helper (no tracing), so that its interface is ours:

  inputs   input_ids        int64   [batch, tokens]
           position_ids     int64   [batch, tokens]
           for each layer L, the cache in its stored tiers (any tier may hold 0 tokens):
           past_key.L, past_value.L            float32 [batch, P32, kv_heads, head_dim]   full precision
           past_key_f16.L, past_value_f16.L    float16 [batch, P16, kv_heads, head_dim]
           past_key_i8.L                       uint8   [batch, P8, kv_heads, head_dim]
           past_key_i8_scale.L                 float16 [batch, G8, kv_heads, head_dim]  per channel, per group
           past_key_i8_zero.L                  uint8   [batch, G8, kv_heads, head_dim]  of P8 / G8 consecutive
                                                                         tokens (every group is full)
           past_value_i8.L                     uint8   [batch, P8, kv_heads * head_dim]
           past_value_i8_scale.L, _zero.L      float16, uint8 [batch, P8, NG]  per token, NG channel groups
           past_key_i4.L ... past_value_i4.L   the same with two 4-bit codes per byte, [batch, P4, C / 2]
                                               (C = kv_heads * head_dim); a byte's two codes share a scale
                                               and zero: keys pair token r with r + G/2 of a block, values
                                               channel j with j + G/2 of a group (see quant_tier)
           past_valid.L                        int64   [batch, 4]  real tokens of each tier (f32, f16, int8,
                                               int4) per row; the rest is a batch's padding, masked out
           Dequantization (inside the graph, DequantizeLinear): x = (q - zero) * scale, with the group
           size G (32, 64 or 128) fixed in each graph.
  outputs  logits           float32 [batch, tokens, vocab]
           present_key.L    float32 [batch, tokens, kv_heads, head_dim]  the NEW tokens only (keys after RoPE)
           present_value.L  float32 [batch, tokens, kv_heads, head_dim]
           attn_mass.L      float32 [batch, P32 + P16 + P8 + P4 + tokens]  attention probability each cached
                                    (in tier order) or new token received in layer L, summed over query
                                    heads and query rows: the importance signal

The cache is token-major ([tokens, kv_heads, head_dim] per batch row), so the caller appends new tokens at
the end of a buffer and feeds the used prefix without a copy; keys are stored after RoPE, so the order of
cached tokens does not matter to attention: the graph attends tier by tier and concatenates only the
scores, every cached token is visible, and new tokens see each other causally. Rows of a batch may hold
different numbers of tokens per tier: each tier is padded to its longest row and past_valid masks the
padding (batch_mask.py).

Two graphs are written per quantization group size (32, 64, 128), all reading one weights file
(model.weights), since the group size is an attribute of DequantizeLinear: model-gNN.onnx, the decode graph,
and model-gNN-prefill.onnx, the same interface attending to the quantized tiers per KV head (cheaper for
steps of many tokens; the runtime uses it from graph.prefill_min_tokens new tokens on).

The tool also writes golden data from PyTorch (fp32, eager attention): the prompt ids, the logits at the
last prompt position, and 64 greedy tokens for a few fixed prompts, and checks the graph against PyTorch
with onnxruntime before it returns.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .batch_mask import add_batch_mask

OPSET = 21
FORMAT_VERSION = 8
GOLDEN_PROMPTS = [
    "The kernel",
    "In Python, a list comprehension",
    "Perl is a highly capable, feature-rich programming language",
    "To configure the device driver, first",
]
GOLDEN_TOKENS = 64
LOGITS_TOLERANCE = 1e-3


class GraphBuilder:
    """Small helper over onnx.helper: unique names, constants, and one method per op we use."""

    def __init__(self):
        self.nodes, self.inits, self._n = [], [], 0

    def name(self, hint: str) -> str:
        self._n += 1
        return f"{hint}_{self._n}"

    def init(self, name: str, array: np.ndarray) -> str:
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def const(self, values, dtype=np.int64) -> str:
        return self.init(self.name("const"), np.asarray(values, dtype=dtype))

    def op(self, op_type: str, inputs, hint: str | None = None, n_out: int = 1, domain: str = "", **attrs):
        outs = [self.name(hint or op_type.lower()) for _ in range(n_out)]
        self.nodes.append(helper.make_node(op_type, list(inputs), outs, name=self.name(op_type), domain=domain,
                                           **attrs))
        return outs[0] if n_out == 1 else outs


def load_checkpoint(path: str):
    import torch
    from transformers import AutoConfig, LlamaForCausalLM

    cfg = AutoConfig.from_pretrained(path)
    if cfg.model_type not in ("llama",):
        raise SystemExit(f"error: {path}: model_type '{cfg.model_type}' is not a Llama architecture")
    model = LlamaForCausalLM.from_pretrained(path, dtype=torch.float32, attn_implementation="eager")
    model.eval()
    return cfg, model


def build_graph(cfg, model, group: int, prefill: bool = False):
    import torch

    g = GraphBuilder()
    sd = {k: v.detach().float().numpy() for k, v in model.state_dict().items()}
    n_layers = cfg.num_hidden_layers
    n_heads = cfg.num_attention_heads
    n_kv = getattr(cfg, "num_key_value_heads", None) or n_heads
    head_dim = getattr(cfg, "head_dim", None) or cfg.hidden_size // n_heads
    if n_heads % n_kv:
        raise SystemExit(f"error: num_attention_heads {n_heads} is not a multiple of num_key_value_heads {n_kv}")
    n_rep = n_heads // n_kv
    hidden = cfg.hidden_size
    eps = float(cfg.rms_norm_eps)
    max_pos = int(cfg.max_position_embeddings)
    scale = float(getattr(model.model.layers[0].self_attn, "scaling", head_dim ** -0.5))

    # RoPE tables from the checkpoint's own rotary module, so every rope type transformers knows is exact.
    with torch.no_grad():
        pos = torch.arange(max_pos)[None, :]
        cos, sin = model.model.rotary_emb(torch.zeros(1, dtype=torch.float32), pos)
    cos_t = g.init("rope_cos", cos[0].float().numpy())  # [max_pos, head_dim]
    sin_t = g.init("rope_sin", sin[0].float().numpy())

    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
        helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["batch", "tokens"]),
    ]
    outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "tokens", cfg.vocab_size])]

    embed = g.init("embed_tokens", sd["model.embed_tokens.weight"])
    x = g.op("Gather", [embed, "input_ids"], "embeds", axis=0)  # [B, T, hidden]

    shape_bt = g.op("Shape", ["input_ids"], "shape_bt")  # [B, T]
    b_dim = g.op("Slice", [shape_bt, g.const([0]), g.const([1])], "b_dim")
    t_dim = g.op("Slice", [shape_bt, g.const([1]), g.const([2])], "t_dim")
    t_idx = g.op("Range", [g.const(0), g.op("Squeeze", [t_dim, g.const([0])]), g.const(1)], "t_idx")
    neg = g.const(np.finfo(np.float32).min, np.float32)

    cos_bt = g.op("Unsqueeze", [g.op("Gather", [cos_t, "position_ids"], axis=0), g.const([2])])  # [B,T,1,D]
    sin_bt = g.op("Unsqueeze", [g.op("Gather", [sin_t, "position_ids"], axis=0), g.const([2])])
    half = head_dim // 2
    channels = n_kv * head_dim

    def rms_norm(inp, weight_name):
        w = g.init(weight_name, sd[weight_name])
        sq = g.op("Mul", [inp, inp])
        var = g.op("ReduceMean", [sq, g.const([-1])], keepdims=1)
        inv = g.op("Reciprocal", [g.op("Sqrt", [g.op("Add", [var, g.const(eps, np.float32)])])])
        return g.op("Mul", [w, g.op("Mul", [inp, inv])])

    def linear(inp, prefix):
        w = g.init(prefix + ".weight.T", sd[prefix + ".weight"].T)
        out = g.op("MatMul", [inp, w])
        if prefix + ".bias" in sd:
            out = g.op("Add", [out, g.init(prefix + ".bias", sd[prefix + ".bias"])])
        return out

    def rope(t):  # t: [B, T, heads, D]; HF rotate_half convention
        x1, x2 = g.op("Split", [t, g.const([half, half])], n_out=2, axis=-1)
        rot = g.op("Concat", [g.op("Neg", [x2]), x1], axis=-1)
        return g.op("Add", [g.op("Mul", [t, cos_bt]), g.op("Mul", [rot, sin_bt])])

    def vi(name, dtype, shape):
        inputs.append(helper.make_tensor_value_info(name, dtype, shape))

    # The float tiers are attended as K^T [B, kv, D, P] and V [B, kv, P, D] (see full_tier).
    PERM_K, PERM_V = [0, 2, 3, 1], [0, 2, 1, 3]

    def full_tier(k_t, v):
        """A tier whose keys are K^T [B, kv, D, P] and values [B, kv, P, D] floats: (scores of queries q5
        [B, kv, rep, T, D] -> [B, kv, rep, T, P], its P as a 1-D tensor, context of probabilities)."""
        return (lambda q5: g.op("MatMul", [q5, g.op("Unsqueeze", [k_t, g.const([2])])]),
                g.op("Slice", [g.op("Shape", [k_t]), g.const([3]), g.const([4])]),
                lambda p: g.op("MatMul", [p, g.op("Unsqueeze", [v, g.const([2])])]))

    # INT4 without bit operations. A byte b holds two 4-bit codes that share one scale s and zero z:
    # b = 16 hi + lo. Then DequantizeLinear(b, s, 17 z) = 16 (hi - z) s + (lo - z) s, so attention over
    # the two halves is linear in two dequantized tensors of the packed size: X_b (the bytes, zero 17 z)
    # and X_hi (hi alone), with lo's part = X_b - 16 X_hi. hi = round((b - 7) / 16 * 0.999) is
    # QuantizeLinear(DequantizeLinear(b)): the exact integer part of b / 16 (the 0.999 keeps l = 15 below
    # the rounding tie). Both are fused, vectorised kernels in ONNX Runtime, where BitwiseAnd, BitShift and
    # the Concat of the halves cost more than a dequantization each (tools/bench/int4_paths.py).
    def requantize(x, scale, zero):  # integer arithmetic on bytes: round((x - zero) * scale), saturated
        f = g.op("DequantizeLinear", [x, g.const(scale, np.float32), g.const(zero, np.uint8)])
        return g.op("QuantizeLinear", [f, g.const(1.0, np.float32), g.const(0, np.uint8)])

    high_nibble = lambda b: requantize(b, 0.999 / 16, 7)  # noqa: E731
    times17 = lambda z: requantize(z, 17.0, 0)  # noqa: E731  (4-bit zero points: 17 z <= 255)

    eye_kv = np.eye(n_kv, dtype=np.float32).reshape(n_kv, 1, n_kv, 1)
    own_head = g.const(eye_kv, np.float32)  # [kv, 1, kv', 1]: context rows of query head k keep KV head k
    block_diag = g.const(eye_kv[:, None], np.float32)  # [kv, 1, 1, kv', 1]: queries of head k fill head k
    # Shapes every layer's quantized tiers use, computed once.
    nq_dim = g.op("Mul", [t_dim, g.const([n_kv * n_rep])])  # query rows per batch row: kv * rep * T
    by_batch = {n: g.op("Concat", [b_dim, g.const([-1, n])], axis=0) for n in (channels, channels // 2)}
    scores_shape = g.op("Concat", [b_dim, g.const([n_kv, n_rep]), t_dim, g.const([-1])], axis=0)
    probs_shape = g.op("Concat", [b_dim, nq_dim, g.const([-1])], axis=0)
    context_shape = g.op("Concat", [b_dim, g.const([n_kv, n_rep]), t_dim, g.const([head_dim])], axis=0)

    def block_diag_context(v_parts, bits, low):
        """Context over a quantized tier's token-major value parts ([B, P, width] each, see quant_tier):
        one MatMul serves every head; each query head then keeps its own KV head's channels."""
        def context(p):  # p [B, kv, rep, T, P] -> [B, kv, rep, T, D]
            pm = g.op("Reshape", [p, probs_shape])
            c = [g.op("MatMul", [pm, x]) for x in v_parts]  # [B, NQ, width]
            if bits == 4:
                halves = [g.op("Reshape", [x, g.const([0, 0, channels // group, 1, group // 2])]) for x in (low(*c), c[1])]
                c = [g.op("Concat", halves, axis=3)]  # channels back in order
            c = g.op("Reshape", [c[0], g.const([0, n_kv, -1, n_kv, head_dim])])  # [B, kv, rep*T, kv', D]
            own = g.op("ReduceSum", [g.op("Mul", [c, own_head]), g.const([3])], keepdims=0)  # each query head's own KV head
            return g.op("Reshape", [own, context_shape])
        return context

    def quant_tier(i, bits):
        """The INT8 or INT4 tier of layer i, as (scores, size, context) like full_tier. Stored form:
        INT8  keys [B, P, kv, D], values [B, P, C], one byte per code;
        INT4  keys [B, P, C/2]: each block of `group` tokens is group/2 rows of C bytes, byte (r, c) holding
              token r (low nibble) and token r + group/2 (high) of channel c; values [B, P, C/2]: in each
              token's row, group g's group/2 bytes hold channel g*group + j (low), g*group + group/2 + j (high);
        key scale/zero [B, P/group, kv, D] (per channel over a block), value scale/zero [B, P, C/group].
        In the decode graph keys and values stay token-major, never transposed: queries are made
        block-diagonal over KV heads
        ([B, kv*rep*T, C]) so that one MatMul serves every head (the cross-head products are discarded;
        the MatMul is bound by reading the tier). An INT4 tier is attended as two parts (see
        high_nibble); DequantizeLinear runs per row of memory (axis 0): blocked along the last axis it
        measured ~5x slower (tools/bench/dequant_axes.py). The group size is fixed in the graph, so each
        group size has its own graph (see export): taking it from shapes cost hundreds of ops per step."""
        U8, F16 = TensorProto.UINT8, TensorProto.FLOAT16
        t = f"i{bits}"
        kq, vq = f"past_key_{t}.{i}", f"past_value_{t}.{i}"
        # Each layer holds its own number of tokens per tier: dim names are per layer, since ONNX
        # Runtime plans memory assuming equal sizes for equal names.
        past, groups, vgroups = f"past_{t}_{i}", f"groups_{t}_{i}", f"value_groups_{t}_{i}"
        width = channels if bits == 8 else channels // 2  # bytes per token
        vi(kq, U8, ["batch", past, n_kv, head_dim] if bits == 8 else ["batch", past, width])
        vi(f"past_key_{t}_scale.{i}", F16, ["batch", groups, n_kv, head_dim])
        vi(f"past_key_{t}_zero.{i}", U8, ["batch", groups, n_kv, head_dim])
        vi(vq, U8, ["batch", past, width])
        vi(f"past_value_{t}_scale.{i}", F16, ["batch", past, vgroups])
        vi(f"past_value_{t}_zero.{i}", U8, ["batch", past, vgroups])
        f32 = lambda x: g.op("Cast", [x], to=TensorProto.FLOAT)  # noqa: E731
        rows = lambda x, n: g.op("Reshape", [x, g.const([-1, n])])  # noqa: E731
        per_batch = lambda x, n: g.op("Reshape", [x, by_batch[n]])  # noqa: E731
        # Keys: rows of C bytes (a token, or an INT4 pair of tokens), blocked along the rows by block.
        block = group if bits == 8 else group // 2
        k_rows = rows(kq, channels)
        ks, kz = rows(f32(f"past_key_{t}_scale.{i}"), channels), rows(f"past_key_{t}_zero.{i}", channels)
        dq_k = lambda x, z: per_batch(g.op("DequantizeLinear", [x, ks, z], axis=0, block_size=block), channels)  # noqa: E731
        # Values: rows of one group's bytes, one scale per row (per token and group).
        v_rows = rows(vq, group if bits == 8 else group // 2)
        vs, vz = g.op("Reshape", [f32(f"past_value_{t}_scale.{i}"), g.const([-1])]), g.op("Reshape", [f"past_value_{t}_zero.{i}", g.const([-1])])
        dq_v = lambda x, z: per_batch(g.op("DequantizeLinear", [x, vs, z], axis=0), width)  # noqa: E731
        if bits == 8:
            k_parts, v_parts = [dq_k(k_rows, kz)], [dq_v(v_rows, vz)]  # [B, P, C]
        else:  # [X_b, X_hi]: keys [B, P/2, C], values [B, P, C/2]
            k_parts = [dq_k(k_rows, times17(kz)), dq_k(high_nibble(k_rows), kz)]
            v_parts = [dq_v(v_rows, times17(vz)), dq_v(high_nibble(v_rows), vz)]
        size = g.op("Slice", [g.op("Shape", [vq]), g.const([1]), g.const([2])])
        sixteen = g.const(16.0, np.float32)
        low = lambda both, hi: g.op("Sub", [both, g.op("Mul", [hi, sixteen])])  # noqa: E731

        if prefill:
            return per_head_parts(k_parts, v_parts, bits, size, low)

        def scores(q5):
            qbd = g.op("Reshape", [g.op("Mul", [g.op("Unsqueeze", [q5, g.const([4])]), block_diag]),
                                   g.const([0, -1, channels])])  # [B, kv*rep*T, C]: row (k, r, t) holds q only in head k
            kt = lambda x: g.op("Transpose", [x], perm=[0, 2, 1])  # noqa: E731  (ONNX Runtime folds it into the MatMul)
            s = [g.op("MatMul", [qbd, kt(x)]) for x in k_parts]  # [B, NQ, tokens or pairs]
            if bits == 4:
                halves = [g.op("Reshape", [x, g.const([0, 0, -1, 1, group // 2])]) for x in (low(*s), s[1])]
                s = [g.op("Concat", halves, axis=3)]  # [B, NQ, blocks, 2, group/2]: tokens back in order
            return g.op("Reshape", [s[0], scores_shape])

        return scores, size, block_diag_context(v_parts, bits, low)

    if prefill:
        halves_shape = g.op("Concat", [b_dim, g.const([n_kv, n_rep]), t_dim, g.const([-1, 1, group // 2])], axis=0)

    def per_head_parts(k_parts, v_parts, bits, size, low):
        """The prefill graph's attention over a quantized tier's dequantized parts (see quant_tier): each
        part transposed into K^T [B, kv, D, R] / V [B, kv, P, W/kv] once, then one MatMul per KV head as for
        the float tiers. The transposes are float passes over the tier, which a chunk of many queries
        amortizes; the block-diagonal queries of the decode graph would do kv_heads times the arithmetic.
        Values whose groups span heads (group > head_dim) keep the decode graph's path."""
        def kt(x):
            return g.op("Transpose", [g.op("Reshape", [x, g.const([0, 0, n_kv, head_dim])])], perm=PERM_K)

        def scores(q5):
            s = [g.op("MatMul", [q5, g.op("Unsqueeze", [kt(x), g.const([2])])]) for x in k_parts]  # [B, kv, rep, T, R]
            if bits == 4:
                halves = [g.op("Reshape", [x, halves_shape]) for x in (low(*s), s[1])]
                s = [g.op("Concat", halves, axis=5)]  # [B, kv, rep, T, blocks, 2, group/2]: tokens in order
            return g.op("Reshape", [s[0], scores_shape])

        width = head_dim if bits == 8 else head_dim // 2  # value columns per KV head

        def context(p):
            vt = lambda x: g.op("Transpose", [g.op("Reshape", [x, g.const([0, 0, n_kv, width])])], perm=PERM_V)  # noqa: E731
            c = [g.op("MatMul", [p, g.op("Unsqueeze", [vt(x), g.const([2])])]) for x in v_parts]  # [B, kv, rep, T, width]
            if bits == 4:
                split = g.const([0, 0, 0, 0, head_dim // group, 1, group // 2])
                c = [g.op("Concat", [g.op("Reshape", [x, split]) for x in (low(*c), c[1])], axis=5)]
            return g.op("Reshape", [c[0], context_shape])

        if bits == 4 and group > head_dim:  # a value pair spans two heads: the decode graph's context
            return scores, size, block_diag_context(v_parts, bits, low)
        return scores, size, context

    def past_tiers(i):
        """Every stored tier of layer i as (scores, size, context), in tier order (f32, f16, int8, int4)."""
        F32, F16 = TensorProto.FLOAT, TensorProto.FLOAT16
        for kind in ("key", "value"):
            vi(f"past_{kind}.{i}", F32, ["batch", f"past_f32_{i}", n_kv, head_dim])
        for kind in ("key", "value"):
            vi(f"past_{kind}_f16.{i}", F16, ["batch", f"past_f16_{i}", n_kv, head_dim])
        tk = lambda x: g.op("Transpose", [x], perm=PERM_K)  # noqa: E731
        tv = lambda x: g.op("Transpose", [x], perm=PERM_V)  # noqa: E731
        f32 = lambda x: g.op("Cast", [x], to=F32)  # noqa: E731
        return [full_tier(tk(f"past_key.{i}"), tv(f"past_value.{i}")),
                full_tier(tk(f32(f"past_key_f16.{i}")), tv(f32(f"past_value_f16.{i}"))),
                quant_tier(i, 8), quant_tier(i, 4)]

    heads_shape = lambda n: g.op("Concat", [b_dim, t_dim, g.const([n, head_dim])], axis=0)  # noqa: E731
    q_shape, kv_shape = heads_shape(n_heads), heads_shape(n_kv)
    q5_shape = g.op("Concat", [b_dim, t_dim, g.const([n_kv, n_rep, head_dim])], axis=0)
    out_shape = g.op("Concat", [b_dim, t_dim, g.const([n_heads * head_dim])], axis=0)

    for i in range(n_layers):
        p = f"model.layers.{i}"
        tiers = past_tiers(i)
        h = rms_norm(x, f"{p}.input_layernorm.weight")
        q = rope(g.op("Reshape", [linear(h, f"{p}.self_attn.q_proj"), q_shape]))
        k = rope(g.op("Reshape", [linear(h, f"{p}.self_attn.k_proj"), kv_shape]))
        v = g.op("Reshape", [linear(h, f"{p}.self_attn.v_proj"), kv_shape])
        g.nodes.append(helper.make_node("Identity", [k], [f"present_key.{i}"]))
        g.nodes.append(helper.make_node("Identity", [v], [f"present_value.{i}"]))
        # Cached tokens in tier order (f32, f16, int8, int4), then the new ones.
        tiers.append(full_tier(g.op("Transpose", [k], perm=PERM_K), g.op("Transpose", [v], perm=PERM_V)))
        # Grouped-query attention without repeating K/V: query heads h = kv * n_rep + r; the softmax scale
        # is applied to the (small) queries.
        q5 = g.op("Transpose", [g.op("Reshape", [q, q5_shape])], perm=[0, 2, 3, 1, 4])  # [B, kv, rep, T, D]
        q5 = g.op("Mul", [q5, g.const(scale, np.float32)])
        # Scores tier by tier (the tiers are never concatenated: only their scores are, a small tensor).
        raw = g.op("Concat", [score(q5) for score, _, _ in tiers], axis=-1)
        sizes = g.op("Concat", [size for _, size, _ in tiers], axis=0)
        # Every cached token is visible; new token t sees new tokens <= t (padded rows: see batch_mask).
        s_dim = g.op("Slice", [g.op("Shape", [raw]), g.const([4]), g.const([5])])
        p_dim = g.op("Sub", [s_dim, t_dim])
        s_idx = g.op("Range", [g.const(0), g.op("Squeeze", [s_dim, g.const([0])]), g.const(1)])
        t_abs = g.op("Add", [t_idx, g.op("Squeeze", [p_dim, g.const([0])])])
        allowed = g.op("LessOrEqual", [g.op("Unsqueeze", [s_idx, g.const([0])]),
                                       g.op("Unsqueeze", [t_abs, g.const([1])])])  # [T, S]
        scores = g.op("Where", [allowed, raw, neg])  # [B, kv, rep, T, S]
        probs = g.op("Softmax", [scores], axis=-1)
        mass = g.op("ReduceSum", [probs, g.const([1, 2, 3])], keepdims=0)
        g.nodes.append(helper.make_node("Identity", [mass], [f"attn_mass.{i}"]))
        p_parts = g.op("Split", [probs, sizes], n_out=len(tiers), axis=-1)
        ctx = g.op("Sum", [context(pp) for pp, (_, _, context) in zip(p_parts, tiers)])
        ctx = g.op("Transpose", [ctx], perm=[0, 3, 1, 2, 4])  # [B, T, kv, rep, D]
        attn = linear(g.op("Reshape", [ctx, out_shape]), f"{p}.self_attn.o_proj")
        x = g.op("Add", [x, attn])
        h = rms_norm(x, f"{p}.post_attention_layernorm.weight")
        gate = linear(h, f"{p}.mlp.gate_proj")
        act = g.op("Mul", [gate, g.op("Sigmoid", [gate])])
        x = g.op("Add", [x, linear(g.op("Mul", [act, linear(h, f"{p}.mlp.up_proj")]), f"{p}.mlp.down_proj")])
        for kind in ("key", "value"):
            outputs.append(helper.make_tensor_value_info(f"present_{kind}.{i}", TensorProto.FLOAT,
                                                         ["batch", "tokens", n_kv, head_dim]))
        outputs.append(helper.make_tensor_value_info(f"attn_mass.{i}", TensorProto.FLOAT, ["batch", f"total_{i}"]))

    h = rms_norm(x, "model.norm.weight")
    h2 = g.op("Reshape", [h, g.const([-1, hidden])])
    if "lm_head.weight" in sd and not getattr(cfg, "tie_word_embeddings", False):
        head = g.init("lm_head.weight", sd["lm_head.weight"])
    else:
        head = embed
    logits2 = g.op("Gemm", [h2, head], transB=1)
    logits_shape = g.op("Concat", [b_dim, t_dim, g.const([cfg.vocab_size])], axis=0)
    g.nodes.append(helper.make_node("Reshape", [logits2, logits_shape], ["logits"]))

    graph = helper.make_graph(g.nodes, "inferos_llama", inputs, outputs, g.inits)
    model_proto = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                                    producer_name="inferos-export")
    model_proto.ir_version = 10
    add_batch_mask(model_proto)  # past_valid.L: rows of a batch may hold different numbers of tokens
    onnx.checker.check_model(model_proto, full_check=False)
    return model_proto, dict(n_layers=n_layers, n_heads=n_heads, n_kv=n_kv, head_dim=head_dim)


def torch_golden(model, tok, prompts):
    """Reference from PyTorch fp32: last-position logits of each prompt and GOLDEN_TOKENS greedy tokens."""
    import torch
    from transformers import DynamicCache

    out = []
    for prompt in prompts:
        ids = tok.encode(prompt, add_special_tokens=True).ids
        with torch.no_grad():
            cache = DynamicCache(config=model.config)
            res = model(input_ids=torch.tensor([ids]), past_key_values=cache, use_cache=True)
            last = res.logits[0, -1].float().numpy().copy()
            greedy = []
            nxt = int(res.logits[0, -1].argmax())
            for _ in range(GOLDEN_TOKENS):
                greedy.append(nxt)
                res = model(input_ids=torch.tensor([[nxt]]), past_key_values=res.past_key_values, use_cache=True)
                nxt = int(res.logits[0, -1].argmax())
        out.append({"prompt": prompt, "prompt_ids": ids, "last_logits": last, "greedy": greedy})
    return out


def empty_tiers(dims, group):
    """Zero-token feeds for the FP16, INT8 and INT4 tiers (the exact, full-precision path uses none)."""
    kv, d = dims["n_kv"], dims["head_dim"]
    feeds = {}
    for i in range(dims["n_layers"]):
        for kind in ("key", "value"):
            feeds[f"past_{kind}_f16.{i}"] = np.zeros((1, 0, kv, d), np.float16)
        for t, packed in (("i8", d), ("i4", d // 2)):
            feeds[f"past_key_{t}.{i}"] = np.zeros((1, 0, kv, d) if t == "i8" else (1, 0, kv * d // 2), np.uint8)
            feeds[f"past_key_{t}_scale.{i}"] = np.zeros((1, 0, kv, d), np.float16)
            feeds[f"past_key_{t}_zero.{i}"] = np.zeros((1, 0, kv, d), np.uint8)
            feeds[f"past_value_{t}.{i}"] = np.zeros((1, 0, kv * packed), np.uint8)
            feeds[f"past_value_{t}_scale.{i}"] = np.zeros((1, 0, kv * d // group), np.float16)
            feeds[f"past_value_{t}_zero.{i}"] = np.zeros((1, 0, kv * d // group), np.uint8)
    return feeds


def ort_check(onnx_path, dims, goldens, group, chunk=5):
    """Run the exported graph with onnxruntime, in chunks with our own cache, against the PyTorch golden."""
    import onnxruntime as ort

    sess = ort.InferenceSession(onnx_path, providers=["CPUExecutionProvider"])
    worst = 0.0
    for gold in goldens:
        ids = gold["prompt_ids"]
        past = {f"past_{k}.{i}": np.zeros((1, 0, dims["n_kv"], dims["head_dim"]), np.float32)
                for i in range(dims["n_layers"]) for k in ("key", "value")}
        empty = empty_tiers(dims, group)
        logits = None
        for start in range(0, len(ids), chunk):
            piece = ids[start:start + chunk]
            n_past = start
            feeds = {**empty, **past}
            feeds["input_ids"] = np.array([piece], np.int64)
            feeds["position_ids"] = np.arange(n_past, n_past + len(piece), dtype=np.int64)[None]
            for i in range(dims["n_layers"]):
                feeds[f"past_valid.{i}"] = np.array([[n_past, 0, 0, 0]], np.int64)
            names = ["logits"] + [f"present_{k}.{i}" for i in range(dims["n_layers"]) for k in ("key", "value")]
            res = dict(zip(names, sess.run(names, feeds)))
            for name in past:
                past[name] = np.concatenate([past[name], res[name.replace("past_", "present_")]], axis=1)
            logits = res["logits"][0, -1]
        worst = max(worst, float(np.abs(logits - gold["last_logits"]).max()))
    return worst


def sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


GROUP_SIZES = (32, 64, 128)
# Steps of at least this many new tokens run the prefill graph: the decode graph's block-diagonal queries
# cost kv_heads times the arithmetic over quantized tiers, which matters only for many queries. At 32 and
# below (decode, the 32-token steps of `eval ppl` and of a prompt's end) the decode graph runs. A
# full-precision cache goes through the same operators in both.
PREFILL_MIN_TOKENS = 33
DEFAULT_GROUP = 64
WEIGHTS_FILE = "model.weights"


def write_graphs(cfg, model, out: str):
    """Per quantization group size (the size is a DequantizeLinear attribute) a decode graph and a prefill
    graph (see per_head_parts), all reading their weights from one shared external-data file.
    Returns ({group: file}, {group: prefill file}, dims)."""
    for old in os.listdir(out):  # graphs of an earlier export would be stale
        if old.endswith(".onnx") or old in (WEIGHTS_FILE, "model.onnx.data"):
            os.remove(os.path.join(out, old))
    channels = None
    graphs, prefill_graphs, dims, shared = {}, {}, None, None
    for group in GROUP_SIZES:
        for prefill, files, suffix in ((False, graphs, ""), (True, prefill_graphs, "-prefill")):
            proto, dims = build_graph(cfg, model, group, prefill)
            channels = dims["n_kv"] * dims["head_dim"]
            if channels % group:
                break  # this model's KV rows cannot be cut into such value groups
            name = f"model-g{group}{suffix}.onnx"
            path = os.path.join(out, name)
            if shared is None:
                onnx.save_model(proto, path, save_as_external_data=True, all_tensors_to_one_file=True,
                                location=WEIGHTS_FILE, size_threshold=1024)
                # Only the weights moved to the shared file; small constants (some depend on the group
                # size) stay inline in each graph.
                shared = {t.name: t for t in onnx.load(path, load_external_data=False).graph.initializer
                          if t.data_location == TensorProto.EXTERNAL}
            else:
                inits = [shared.get(t.name, t) for t in proto.graph.initializer]
                del proto.graph.initializer[:]
                proto.graph.initializer.extend(inits)
                onnx.save_model(proto, path)
            files[str(group)] = name
    if not graphs:
        raise SystemExit(f"error: KV rows of {channels} channels fit none of the group sizes {GROUP_SIZES}")
    size = os.path.getsize(os.path.join(out, WEIGHTS_FILE))
    print(f"wrote {', '.join([*graphs.values(), *prefill_graphs.values()])} and {WEIGHTS_FILE} ({size / 1e6:.1f} MB)",
          file=sys.stderr)
    return graphs, prefill_graphs, dims


def export(checkpoint: str, out: str, name: str | None = None) -> dict:
    from tokenizers import Tokenizer

    t0 = time.time()
    tok_src = os.path.join(checkpoint, "tokenizer.json")
    if not os.path.exists(tok_src):
        raise SystemExit(f"error: {checkpoint} has no tokenizer.json (a Hugging Face fast tokenizer is required)")
    print(f"loading {checkpoint}", file=sys.stderr)
    cfg, model = load_checkpoint(checkpoint)
    os.makedirs(out, exist_ok=True)
    graphs, prefill_graphs, dims = write_graphs(cfg, model, out)
    default_group = DEFAULT_GROUP if str(DEFAULT_GROUP) in graphs else int(next(iter(graphs)))
    onnx_path = os.path.join(out, graphs[str(default_group)])
    shutil.copyfile(tok_src, os.path.join(out, "tokenizer.json"))
    tok_cfg = {}
    if os.path.exists(os.path.join(checkpoint, "tokenizer_config.json")):
        with open(os.path.join(checkpoint, "tokenizer_config.json")) as f:
            tok_cfg = json.load(f)
        shutil.copyfile(os.path.join(checkpoint, "tokenizer_config.json"), os.path.join(out, "tokenizer_config.json"))
    chat_template = tok_cfg.get("chat_template")
    if chat_template is None and os.path.exists(os.path.join(checkpoint, "chat_template.jinja")):
        with open(os.path.join(checkpoint, "chat_template.jinja")) as f:
            chat_template = f.read()

    tok = Tokenizer.from_file(tok_src)
    print("computing PyTorch golden outputs", file=sys.stderr)
    goldens = torch_golden(model, tok, GOLDEN_PROMPTS)
    worst = ort_check(onnx_path, dims, goldens, default_group)
    print(f"onnxruntime vs PyTorch: max |logit diff| {worst:.2e} (tolerance {LOGITS_TOLERANCE})", file=sys.stderr)
    if not worst <= LOGITS_TOLERANCE:
        raise SystemExit(f"error: exported graph disagrees with PyTorch (max abs diff {worst})")
    logits_file = os.path.join(out, "golden-logits.f32")
    np.stack([gd["last_logits"] for gd in goldens]).astype("<f4").tofile(logits_file)
    with open(os.path.join(out, "golden.json"), "w") as f:
        json.dump({"source": "PyTorch fp32, eager attention, greedy", "logits_file": "golden-logits.f32",
                   "logits_tolerance_max_abs": LOGITS_TOLERANCE, "ort_python_max_abs_diff": worst,
                   "cases": [{"prompt": gd["prompt"], "prompt_ids": gd["prompt_ids"], "greedy": gd["greedy"]}
                             for gd in goldens]}, f, indent=1)

    eos = cfg.eos_token_id if isinstance(cfg.eos_token_id, list) else [cfg.eos_token_id]
    meta = {
        "format": "inferos-onnx",
        "format_version": FORMAT_VERSION,
        "name": name or os.path.basename(os.path.normpath(checkpoint)),
        "architecture": "llama",
        "vocab_size": cfg.vocab_size,
        "hidden_size": cfg.hidden_size,
        "num_layers": dims["n_layers"],
        "num_attention_heads": dims["n_heads"],
        "num_kv_heads": dims["n_kv"],
        "head_dim": dims["head_dim"],
        "max_position_embeddings": cfg.max_position_embeddings,
        "tie_word_embeddings": bool(getattr(cfg, "tie_word_embeddings", False)),
        "parameters": int(sum(p.numel() for p in model.parameters())),
        "bos_token_id": cfg.bos_token_id,
        "eos_token_ids": [e for e in eos if e is not None],
        "chat_template": chat_template,
        "graph": {"files": graphs, "prefill_files": prefill_graphs, "prefill_min_tokens": PREFILL_MIN_TOKENS,
                  "default_group": default_group,
                  "weights": WEIGHTS_FILE, "opset": OPSET, "kv_dtype": "float32",
                  "kv_tiers": ["f32", "f16", "i8", "i4"],
                  "kv_layout": "[batch, tokens, kv_heads, head_dim]", "keys": "after RoPE",
                  "outputs": ["logits", "present_key.L", "present_value.L", "attn_mass.L"]},
        "tokenizer": "tokenizer.json",
        "golden": "golden.json",
        "export_seconds": round(time.time() - t0, 1),
        "sha256": {},
    }
    for name in sorted(os.listdir(out)):
        if name != "inferos.json" and os.path.isfile(os.path.join(out, name)):
            meta["sha256"][name] = sha256(os.path.join(out, name))
    with open(os.path.join(out, "inferos.json"), "w") as f:
        json.dump(meta, f, indent=2)
    print(f"exported to {out} in {meta['export_seconds']} s", file=sys.stderr)
    return meta


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True, help="Hugging Face Llama checkpoint directory")
    ap.add_argument("--out", required=True, help="directory for the graphs, weights, tokenizer.json, inferos.json")
    ap.add_argument("--name", help="model name reported by the runtime (default: the checkpoint folder's name)")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.checkpoint):
        print(f"error: --checkpoint {args.checkpoint}: not a directory", file=sys.stderr)
        return 2
    export(args.checkpoint, args.out, args.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
