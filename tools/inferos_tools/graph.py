"""The Infer-OS graphs of a Llama-family checkpoint, written by hand with onnx.helper (no tracing), so that
their interface is ours. Two forms (GRAPH.md):

- format 11, the default: build_segment_graphs, the model without attention as one graph per segment
  (see its docstring); the runtime attends between them (libs/attention);
- format 10 (legacy, `--attention graph`): build_graph, one graph with attention inside, described here:

  inputs   input_ids        int64   [batch, tokens]
           position_ids     int64   [batch, tokens]
           for each layer L, the cache in its stored tiers (any tier may hold 0 tokens):
           past_key.L, past_value.L            float32 [batch, kv_heads, P32, head_dim]   full precision
           past_key_f16.L, past_value_f16.L    float16 [batch, kv_heads, P16, head_dim]   (head-major)
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
           size G (32, 64 or 128) of the feeds (C / the value scales' last dim).
           logits_from                         int64   [1]  logits are computed for the new tokens from
                                               this one on (0: all; a prompt chunk: its last)
  outputs  logits           float32 [batch, tokens - logits_from, vocab]
           present_key.L    float32 [batch, tokens, kv_heads, head_dim]  the NEW tokens only (keys after RoPE)
           present_value.L  float32 [batch, tokens, kv_heads, head_dim]
           attn_mass.L      float32 [batch, P32 + P16 + P8 + P4 + tokens]  attention probability each cached
                                    (in tier order) or new token received in layer L, summed over query
                                    heads and query rows: the importance signal

The float tiers are head-major ([kv_heads, P, head_dim] per batch row): each KV head's keys and values are
one matrix that the attention's MatMuls read in place, with no transpose of the cache per step (a transpose
copied the whole tier every step: tools/bench/attn_headmajor.py). The caller keeps room for more rows per
head than it holds and feeds the whole buffer; past_valid says how many rows are real and the rest is
masked, as a batch's padding is. The quantized tiers are token-major ([tokens, ...]). Keys are stored
after RoPE, so the order of cached tokens does not matter to attention: the graph attends tier by tier and
concatenates only the scores, every cached token is visible, and new tokens see each other causally. Rows
of a batch may hold different numbers of tokens per tier: each tier is padded to its longest row and
past_valid masks the padding.

Each layer's attention is one ONNX If: when only the float32 tier holds tokens (the exact baseline's
cache; past_valid of the other tiers sums to 0) it takes the float path, a handful of operators over that
tier and the new tokens; otherwise the tiered path. There, per tier, If nodes skip a tier that holds no
tokens, pick the group size from the value scales' last dim (C / group; DequantizeLinear's block size is
an attribute, so each size has its own branch) and, for steps of at least prefill_min_tokens new tokens,
the per-head (prefill) path over the quantized tiers instead of the block-diagonal (decode) one. Both
paths return the attention mass. One graph serves every KV group size (32, 64, 128) and both kinds of
step, so a process holds one session and one copy of the weights (model.weights, see weights.py).

Around attention the graph uses ONNX Runtime's fused CPU operators where they exist: RotaryEmbedding
(half-width cos/sin tables) and SkipSimplifiedLayerNormalization (the residual add and the next RMSNorm
in one). A 1B-shape decode step had 2,242 operators before these and the float path, 847 after
(tools/bench/profile-ops.ts).

The projections that read the same input run as one matrix product (q/k/v, gate/up), so a decode step
starts half as many weight kernels; see ModelWeights for how each weight type is computed.
"""
from __future__ import annotations

import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .checkpoint import Checkpoint
from .weights import ACCURACY_LEVEL, BLOCK, WeightsWriter, dequantize, pack4, quantize_blocks

OPSET = 21
# Runs of at least this many rows (batch x new tokens) use the int8 copy of int4 projections (--int8-copy):
# tools/bench/prefill_gemm.py, 2048 x 8192 on an AMX host: MatMulNBits 4-bit 1.1 / 1.6 / 9.7 / 61 ms at
# 1 / 4 / 16 / 512 rows, the int8 product 1.7 / 1.6 / 2.1 / 24 ms.
INT8_COPY_MIN_ROWS = 4
# Quantized tiers take the per-head path in decode steps too when the model has more KV heads than this.
PER_HEAD_DECODE_ABOVE_KV = 2


class Lazy:
    """A list of graph values built by `make` the first time it is iterated or indexed."""

    def __init__(self, make):
        self.make, self.value = make, None

    def get(self):
        if self.value is None:
            self.value = self.make()
        return self.value

    def __iter__(self):
        return iter(self.get())

    def __getitem__(self, i):
        return self.get()[i]


class GraphBuilder:
    """Small helper over onnx.helper: unique names, constants, and one method per op we use."""

    def __init__(self):
        self.nodes, self.inits, self._n = [], [], 0
        self._external: set[str] = set()

    def name(self, hint: str) -> str:
        self._n += 1
        return f"{hint}_{self._n}"

    def init(self, name: str, array: np.ndarray) -> str:
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(array) if np.ndim(array) else np.asarray(array), name))
        return name

    def external(self, tensor: TensorProto) -> str:
        """An initializer whose data lives in the weights file (added once per graph)."""
        if tensor.name not in self._external:
            self._external.add(tensor.name)
            self.inits.append(tensor)
        return tensor.name

    def const(self, values, dtype=np.int64) -> str:
        return self.init(self.name("const"), np.asarray(values, dtype=dtype))

    def if_(self, cond: str, then_fn, else_fn, hint: str, n_out: int = 1):
        """ONNX If: each branch is built by a function that adds nodes and returns the name of its float
        output (or a tuple of n_out names)."""
        branches = []
        for fn in (then_fn, else_fn):
            saved, self.nodes = self.nodes, []
            outs = fn()
            outs = (outs,) if isinstance(outs, str) else tuple(outs)
            assert len(outs) == n_out, f"{hint}: a branch returned {len(outs)} values, expected {n_out}"
            body, self.nodes = self.nodes, saved
            names = [self.name(hint + "_out") for _ in outs]
            body += [helper.make_node("Identity", [o], [n]) for o, n in zip(outs, names)]
            branches.append(helper.make_graph(body, self.name(hint + "_branch"), [],
                                              [helper.make_tensor_value_info(n, TensorProto.FLOAT, None) for n in names]))
        return self.op("If", [cond], hint, n_out=n_out, then_branch=branches[0], else_branch=branches[1])

    def op(self, op_type: str, inputs, hint: str | None = None, n_out: int = 1, domain: str = "", **attrs):
        outs = [self.name(hint or op_type.lower()) for _ in range(n_out)]
        self.nodes.append(helper.make_node(op_type, list(inputs), outs, name=self.name(op_type), domain=domain,
                                           **attrs))
        return outs[0] if n_out == 1 else outs


class ModelWeights:
    """The checkpoint's weights as graph operators of one weight type (see weights.py). Every tensor is read
    from the checkpoint, converted and written to the weights file the first time the graph asks for it,
    and asked for once (a second request returns the same initializer)."""

    def __init__(self, ckpt: Checkpoint, writer: WeightsWriter, wtype: str, block: int = BLOCK, int8_copy: bool = False):
        self.ckpt, self.writer, self.wtype, self.block = ckpt, writer, wtype, block
        self.bits = {"int4": 4, "int8": 8}.get(wtype)
        if int8_copy and wtype != "int4":
            raise ValueError("an int8 copy of the projections is for int4 weights (int8 weights run as int8 already)")
        self.int8_copy = int8_copy
        # Set by build_graph: the graph's boolean "this run has at least INT8_COPY_MIN_ROWS rows".
        self.many_rows: str | None = None

    def _quantized(self, name: str, m: np.ndarray):
        """Block-quantize the matrix m [N, K] (HF layout [out, in]) and write it: B [N, blocks, bytes],
        scales [N * blocks], zeros [N * ceil(blocks * bits / 8)]. Returns (codes, scales, zeros) unpacked."""
        w = self.writer
        codes, scale, zero = quantize_blocks(m, self.bits, self.block)
        w.add(name + ".q", pack4(codes) if self.bits == 4 else codes)
        w.add(name + ".scales", scale.reshape(-1))
        w.add(name + ".zeros", (pack4(zero) if self.bits == 4 else zero).reshape(-1))
        return codes, scale, zero

    def _int8(self, name: str, m: np.ndarray):
        """m [N, K] as int8 per output channel, symmetric, transposed for MatMulInteger: codes [K, N] and
        scales [N], m ~= codes^T * scale."""
        scale = np.abs(m).max(axis=1) / 127.0
        scale = np.where(scale > 0, scale, 1.0).astype(np.float32)
        codes = np.clip(np.round(m / scale[:, None]), -127, 127).astype(np.int8)
        self.writer.add(name + ".w8", np.ascontiguousarray(codes.T))
        self.writer.add(name + ".w8scale", scale)

    def _w8a8(self, g: GraphBuilder, x: str, name: str) -> str:
        """x @ W with W's int8 codes: x quantized to 8 bits per row (symmetric, scale max|row| / 127, stored
        as uint8 around 128: MLAS's fast u8 x s8 kernels, AMX or VNNI where the CPU has them), one integer
        product, then both scales. tools/bench/prefill_gemm.py measures it against MatMulNBits."""
        w = self.writer
        codes, wscale = g.external(w.written[name + ".w8"]), g.external(w.written[name + ".w8scale"])
        amax = g.op("ReduceMax", [g.op("Abs", [x]), g.const([-1])], keepdims=1)
        scale = g.op("Max", [g.op("Div", [amax, g.const(127.0, np.float32)]), g.const(1e-30, np.float32)], "a_scale")
        xq = g.op("Cast", [g.op("Add", [g.op("Round", [g.op("Div", [x, scale])]), g.const(128.0, np.float32)])],
                  to=TensorProto.UINT8)
        acc = g.op("MatMulInteger", [xq, codes, g.const(128, np.uint8)])
        return g.op("Mul", [g.op("Mul", [g.op("Cast", [acc], to=TensorProto.FLOAT), scale]), wscale], name)

    def vector(self, g: GraphBuilder, name: str) -> str:
        if name not in self.writer.written:
            self.writer.add(name, self.ckpt.read(name))
        return g.external(self.writer.written[name])

    def linear(self, g: GraphBuilder, x: str, prefixes: list[str], hint: str) -> list[str]:
        """x @ [W_1; W_2; ...]^T (+ biases), as one product, split back into one output per prefix."""
        ck = self.ckpt
        name = hint
        outs = [ck.shape(p + ".weight")[0] for p in prefixes]
        k = ck.shape(prefixes[0] + ".weight")[1]
        if self.bits:
            w = self.writer
            if name + ".q" not in w.written and name + ".w8" not in w.written:
                m = np.concatenate([ck.read(p + ".weight") for p in prefixes], axis=0)
                if self.wtype == "int8":
                    self._int8(name, m)
                else:
                    codes, scale, zero = self._quantized(name, m)
                    if self.int8_copy:  # of the int4 weights themselves, so that both paths run one model
                        self._int8(name, dequantize(codes, scale, zero, k))
            if self.wtype == "int8":
                y = self._w8a8(g, x, name)
            else:
                b, s, z = (g.external(w.written[name + t]) for t in (".q", ".scales", ".zeros"))
                nbits = lambda: g.op("MatMulNBits", [x, b, s, z], hint, domain="com.microsoft", K=k, N=sum(outs),
                                     bits=self.bits, block_size=self.block, accuracy_level=ACCURACY_LEVEL)
                y = g.if_(self.many_rows, lambda: self._w8a8(g, x, name), nbits, hint) if self.int8_copy else nbits()
        else:
            wname = name + ".weight.T"
            if wname not in self.writer.written:
                wt = np.concatenate([ck.read(p + ".weight") for p in prefixes], axis=0).T
                self.writer.add(wname, wt.astype(np.float16 if self.wtype == "fp16" else np.float32))
            w = g.external(self.writer.written[wname])
            if self.wtype == "fp16":
                w = g.op("Cast", [w], to=TensorProto.FLOAT)  # folded into a float32 weight when the session opens
            y = g.op("MatMul", [x, w], hint)
        if any(ck.has(p + ".bias") for p in prefixes):
            bname = name + ".bias"
            if bname not in self.writer.written:
                self.writer.add(bname, np.concatenate(
                    [ck.read(p + ".bias") if ck.has(p + ".bias") else np.zeros(n, np.float32)
                     for p, n in zip(prefixes, outs)]))
            y = g.op("Add", [y, g.external(self.writer.written[bname])])
        if len(prefixes) == 1:
            return [y]
        return g.op("Split", [y, g.const(outs)], n_out=len(outs), axis=-1)

    def embed(self, g: GraphBuilder, ids: str) -> str:
        e = "model.embed_tokens.weight"
        if self.bits:
            if e + ".q" not in self.writer.written:
                self._quantized(e, self.ckpt.read(e))
            b, s, z = (self.writer.written[e + t] for t in (".q", ".scales", ".zeros"))
            v, kb = self.ckpt.vocab, s.dims[0] // self.ckpt.vocab
            w = self.writer
            data = w.alias(e + ".gather.q", e + ".q", [v, int(np.prod(b.dims[1:]))]) if e + ".gather.q" not in w.written else w.written[e + ".gather.q"]
            scales = w.alias(e + ".gather.scales", e + ".scales", [v, kb]) if e + ".gather.scales" not in w.written else w.written[e + ".gather.scales"]
            zeros = w.alias(e + ".gather.zeros", e + ".zeros", [v, z.dims[0] // v]) if e + ".gather.zeros" not in w.written else w.written[e + ".gather.zeros"]
            x = g.op("GatherBlockQuantized", [g.external(data), ids, g.external(scales), g.external(zeros)], "embeds",
                     domain="com.microsoft", gather_axis=0, quantize_axis=1, block_size=self.block, bits=self.bits)
            if self.ckpt.hidden % self.block:  # rows were padded to whole blocks
                x = g.op("Slice", [x, g.const([0]), g.const([self.ckpt.hidden]), g.const([-1])])
            return x
        if e not in self.writer.written:
            arr = self.ckpt.read(e)
            self.writer.add(e, arr.astype(np.float16) if self.wtype == "fp16" else arr)
        x = g.op("Gather", [g.external(self.writer.written[e]), ids], "embeds", axis=0)
        return g.op("Cast", [x], to=TensorProto.FLOAT) if self.wtype == "fp16" else x

    def lm_head(self, g: GraphBuilder, h: str) -> str:
        """Logits [B, T, vocab] of hidden states [B, T, hidden]. A tied head reads the embedding's data."""
        ck = self.ckpt
        if not ck.tied:
            return self.linear(g, h, ["lm_head"], "lm_head")[0]
        e = "model.embed_tokens.weight"
        if self.bits:
            if e + ".q" not in self.writer.written:
                self._quantized(e, ck.read(e))
            b, s, z = (g.external(self.writer.written[e + t]) for t in (".q", ".scales", ".zeros"))
            return g.op("MatMulNBits", [h, b, s, z], "logits_raw", domain="com.microsoft", K=ck.hidden, N=ck.vocab,
                        bits=self.bits, block_size=self.block, accuracy_level=ACCURACY_LEVEL)
        head = self.embed_table(g)
        h2 = g.op("Reshape", [h, g.const([-1, ck.hidden])])
        logits2 = g.op("Gemm", [h2, head], transB=1)
        shape = g.op("Concat", [g.op("Slice", [g.op("Shape", [h]), g.const([0]), g.const([2])]), g.const([ck.vocab])], axis=0)
        return g.op("Reshape", [logits2, shape])

    def embed_table(self, g: GraphBuilder) -> str:
        e = "model.embed_tokens.weight"
        t = g.external(self.writer.written[e])
        return g.op("Cast", [t], to=TensorProto.FLOAT) if self.wtype == "fp16" else t


def rope_inputs(g: GraphBuilder, weights: ModelWeights, rope: tuple):
    """(cos, sin, softmax scale): the half-width RoPE tables as initializers of the weights file."""
    cos, sin, scale = rope
    half = cos.shape[1] // 2
    # Rotate-half tables repeat their first half (HF: cat(freqs, freqs)); RotaryEmbedding takes one half.
    if not (np.array_equal(cos[:, :half], cos[:, half:]) and np.array_equal(sin[:, :half], sin[:, half:])):
        raise ValueError("rope tables whose halves differ are not rotate-half tables")
    w = weights.writer
    cos_t = g.external(w.written["rope_cos"] if "rope_cos" in w.written else w.add("rope_cos", np.ascontiguousarray(cos[:, :half])))
    sin_t = g.external(w.written["rope_sin"] if "rope_sin" in w.written else w.add("rope_sin", np.ascontiguousarray(sin[:, :half])))
    return cos_t, sin_t, scale


def rms_norm_op(g: GraphBuilder, weights: ModelWeights, inp: str, weight_name: str) -> str:
    w = weights.vector(g, weight_name)
    sq = g.op("Mul", [inp, inp])
    var = g.op("ReduceMean", [sq, g.const([-1])], keepdims=1)
    inv = g.op("Reciprocal", [g.op("Sqrt", [g.op("Add", [var, g.const(weights.ckpt.eps, np.float32)])])])
    return g.op("Mul", [w, g.op("Mul", [inp, inv])])


def add_norm_op(g: GraphBuilder, weights: ModelWeights, inp: str, skip: str, weight_name: str):
    """(RMSNorm(inp + skip), inp + skip): the residual add and the next norm as one operator."""
    normed, total = g.name("add_norm"), g.name("residual")
    g.nodes.append(helper.make_node("SkipSimplifiedLayerNormalization", [inp, skip, weights.vector(g, weight_name)],
                                    [normed, "", "", total], name=g.name("SkipSimplifiedLayerNormalization"),
                                    domain="com.microsoft", epsilon=weights.ckpt.eps))
    return normed, total


def rope_op(g: GraphBuilder, t: str, heads: int, cos_t: str, sin_t: str) -> str:
    """RoPE of t [B, T, heads * D] at position_ids, HF's rotate-half convention."""
    return g.op("RotaryEmbedding", [t, "position_ids", cos_t, sin_t], "rope", domain="com.microsoft",
                interleaved=0, num_heads=heads)


def mlp_op(g: GraphBuilder, weights: ModelWeights, h: str, p: str) -> str:
    """SwiGLU MLP of layer prefix p."""
    gate, up = weights.linear(g, h, [f"{p}.mlp.gate_proj", f"{p}.mlp.up_proj"], f"{p}.mlp.gate_up_proj")
    act = g.op("Mul", [gate, g.op("Sigmoid", [gate])])
    down, = weights.linear(g, g.op("Mul", [act, up]), [f"{p}.mlp.down_proj"], f"{p}.mlp.down_proj")
    return down


def build_graph(ckpt: Checkpoint, weights: ModelWeights, rope: tuple, groups: tuple[int, ...], prefill_min_tokens: int,
                default_group: int):
    """The one graph of the model: every KV group size in `groups`, and steps of at least
    `prefill_min_tokens` new tokens attending to the stored tiers by the per-head (prefill) path."""
    g = GraphBuilder()
    n_layers, n_heads, n_kv, head_dim = ckpt.n_layers, ckpt.n_heads, ckpt.n_kv, ckpt.head_dim
    n_rep = n_heads // n_kv
    hidden = ckpt.hidden
    eps = ckpt.eps
    cos_t, sin_t, scale = rope_inputs(g, weights, rope)

    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
        helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["batch", "tokens"]),
    ]
    outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "logit_tokens", ckpt.vocab])]

    x = weights.embed(g, "input_ids")  # [B, T, hidden]

    shape_bt = g.op("Shape", ["input_ids"], "shape_bt")  # [B, T]
    b_dim = g.op("Slice", [shape_bt, g.const([0]), g.const([1])], "b_dim")
    t_dim = g.op("Slice", [shape_bt, g.const([1]), g.const([2])], "t_dim")
    t_idx = g.op("Range", [g.const(0), g.op("Squeeze", [t_dim, g.const([0])]), g.const(1)], "t_idx")
    is_prefill = g.op("Greater", [g.op("Squeeze", [t_dim, g.const([0])]), g.const(prefill_min_tokens - 1)], "is_prefill")
    if weights.int8_copy:  # rows of this run (batch x tokens): the int8 copy's products from INT8_COPY_MIN_ROWS
        rows = g.op("Squeeze", [g.op("Mul", [b_dim, t_dim]), g.const([0])])
        weights.many_rows = g.op("Greater", [rows, g.const(INT8_COPY_MIN_ROWS - 1)], "many_rows")
    neg = g.const(np.finfo(np.float32).min, np.float32)

    channels = n_kv * head_dim
    causal = g.op("LessOrEqual", [g.op("Unsqueeze", [t_idx, g.const([0])]), g.op("Unsqueeze", [t_idx, g.const([1])])])  # [T, T]

    rms_norm = lambda inp, weight_name: rms_norm_op(g, weights, inp, weight_name)  # noqa: E731
    add_norm = lambda inp, skip, weight_name: add_norm_op(g, weights, inp, skip, weight_name)  # noqa: E731
    rope = lambda t, heads: rope_op(g, t, heads, cos_t, sin_t)  # noqa: E731

    def vi(name, dtype, shape):
        inputs.append(helper.make_tensor_value_info(name, dtype, shape))

    # Token-major [B, P, kv, D] (new tokens, dequantized quantized tiers) to K^T [B, kv, D, P] and V [B, kv, P, D].
    PERM_K, PERM_V = [0, 2, 3, 1], [0, 2, 1, 3]
    # [B, kv, rep, T, x] <-> [B, kv, rep * T, x] (no copies): one matrix product per KV head for all of its
    # query heads and rows, reading that head's keys or values once, with no Unsqueeze of the cache.
    # Reshape targets for [B, kv, rep, T, x] <-> [B, kv, rep * T, x] (0 copies the input's dim there; the
    # known dims are never 0, so -1 is inferred even for an empty tier).
    rq_dim = g.op("Mul", [t_dim, g.const([n_rep])])  # query rows per KV head: rep * T
    rows_q = g.op("Concat", [g.const([0, 0]), rq_dim, g.const([head_dim])], axis=0)
    rows_p = g.op("Concat", [g.const([0, 0]), rq_dim, g.const([-1])], axis=0)

    def full_tier(k, v, size=None, alpha=1.0):
        """A float tier, keys and values head-major [B, kv, P, D]: (scores of queries q5 [B, kv, rep, T, D]
        -> [B, kv, rep, T, P] (times alpha), its P as a 1-D tensor, context of probabilities [B, kv, rep, T, P]).
        Each KV head's query heads and rows are one product's rows, against its keys or values in place.
        k and v may be functions that build them (inside the tier's If branch, see skip_when_empty)."""
        val = lambda x: x() if callable(x) else x  # noqa: E731
        if size is None:
            size = g.op("Slice", [g.op("Shape", [val(k)]), g.const([2]), g.const([3])])

        def scores(q5):
            s = g.op("FusedMatMul", [g.op("Reshape", [q5, rows_q]), val(k)], domain="com.microsoft", transB=1,
                     alpha=float(alpha))  # [B, kv, rep * T, P]
            return g.op("Reshape", [s, scores_shape])

        def context(p):
            return g.op("Reshape", [g.op("MatMul", [g.op("Reshape", [p, rows_p]), val(v)]), context_shape])
        return scores, size, context

    def new_tier(k, v, alpha=1.0):
        """The step's own tokens (k, v [B, T, kv, D]) as a float tier."""
        return full_tier(g.op("Transpose", [k], perm=PERM_V), g.op("Transpose", [v], perm=PERM_V), alpha=alpha)

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

    halves_shapes = {gs: g.op("Concat", [b_dim, g.const([n_kv, n_rep]), t_dim, g.const([-1, 1, gs // 2])], axis=0)
                     for gs in groups}

    def block_diag_context(v_parts, bits, low, group=None):
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

    def quant_inputs(i, bits):
        """The INT8 or INT4 tier's inputs of layer i (see quant_tier for the stored form). Each layer holds
        its own number of tokens per tier: dim names are per layer, since ONNX Runtime plans memory
        assuming equal sizes for equal names."""
        U8, F16 = TensorProto.UINT8, TensorProto.FLOAT16
        t = f"i{bits}"
        past, groups, vgroups = f"past_{t}_{i}", f"groups_{t}_{i}", f"value_groups_{t}_{i}"
        width = channels if bits == 8 else channels // 2  # bytes per token
        vi(f"past_key_{t}.{i}", U8, ["batch", past, n_kv, head_dim] if bits == 8 else ["batch", past, width])
        vi(f"past_key_{t}_scale.{i}", F16, ["batch", groups, n_kv, head_dim])
        vi(f"past_key_{t}_zero.{i}", U8, ["batch", groups, n_kv, head_dim])
        vi(f"past_value_{t}.{i}", U8, ["batch", past, width])
        vi(f"past_value_{t}_scale.{i}", F16, ["batch", past, vgroups])
        vi(f"past_value_{t}_zero.{i}", U8, ["batch", past, vgroups])

    def tier_code(group, prefill):
        """The quantized tiers' operators for one group size, decode (few queries) or prefill (many)."""
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
            measured ~5x slower (tools/bench/dequant_axes.py). The group size is an attribute of these operators,
            so each group size has its own branch (quant_tier_any picks it): computing the blocking from
            shapes cost hundreds of ops per step."""
            t = f"i{bits}"
            kq, vq = f"past_key_{t}.{i}", f"past_value_{t}.{i}"
            width = channels if bits == 8 else channels // 2  # bytes per token
            f32 = lambda x: g.op("Cast", [x], to=TensorProto.FLOAT)  # noqa: E731
            rows = lambda x, n: g.op("Reshape", [x, g.const([-1, n])])  # noqa: E731
            per_batch = lambda x, n: g.op("Reshape", [x, by_batch[n]])  # noqa: E731
            # Keys: rows of C bytes (a token, or an INT4 pair of tokens), blocked along the rows by block.
            block = group if bits == 8 else group // 2
            ks = lambda: rows(f32(f"past_key_{t}_scale.{i}"), channels)  # noqa: E731
            kz = lambda: rows(f"past_key_{t}_zero.{i}", channels)  # noqa: E731
            dq_k = lambda x, z: per_batch(g.op("DequantizeLinear", [x, ks(), z], axis=0, block_size=block), channels)  # noqa: E731
            # Values: rows of one group's bytes, one scale per row (per token and group).
            v_rows = lambda: rows(vq, group if bits == 8 else group // 2)  # noqa: E731
            vs = lambda: g.op("Reshape", [f32(f"past_value_{t}_scale.{i}"), g.const([-1])])  # noqa: E731
            vz = lambda: g.op("Reshape", [f"past_value_{t}_zero.{i}", g.const([-1])])  # noqa: E731
            dq_v = lambda x, z: per_batch(g.op("DequantizeLinear", [x, vs(), z], axis=0), width)  # noqa: E731
            # Built where first used (inside the tier's If branches: nothing runs for an empty tier).
            if bits == 8:
                k_parts = Lazy(lambda: [dq_k(rows(kq, channels), kz())])  # [B, P, C]
                v_parts = Lazy(lambda: [dq_v(v_rows(), vz())])
            else:  # [X_b, X_hi]: keys [B, P/2, C], values [B, P, C/2]
                k_parts = Lazy(lambda: [dq_k(rows(kq, channels), times17(kz())), dq_k(high_nibble(rows(kq, channels)), kz())])
                v_parts = Lazy(lambda: [dq_v(v_rows(), times17(vz())), dq_v(high_nibble(v_rows()), vz())])
            size = None  # the tier's size is quant_tier_any's, taken outside the branches
            low = lambda both, hi: g.op("Sub", [both, g.op("Mul", [hi, g.const(16.0, np.float32)])])  # noqa: E731

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

            return scores, size, block_diag_context(v_parts, bits, low, group)


        def per_head_parts(k_parts, v_parts, bits, size, low):
            """The prefill path's attention over a quantized tier's dequantized parts (see quant_tier): each
            part transposed into K^T [B, kv, D, R] / V [B, kv, P, W/kv] once, then one MatMul per KV head as for
            the float tiers. The transposes are float passes over the tier, which a chunk of many queries
            amortizes; the block-diagonal queries of the decode graph would do kv_heads times the arithmetic.
            Values whose groups span heads (group > head_dim, or not dividing it) keep the decode path."""
            def kt(x):
                return g.op("Transpose", [g.op("Reshape", [x, g.const([0, 0, n_kv, head_dim])])], perm=PERM_K)

            def scores(q5):
                s = [g.op("MatMul", [q5, g.op("Unsqueeze", [kt(x), g.const([2])])]) for x in k_parts]  # [B, kv, rep, T, R]
                if bits == 4:
                    halves = [g.op("Reshape", [x, halves_shapes[group]]) for x in (low(*s), s[1])]
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

            if bits == 4 and (group > head_dim or head_dim % group):  # value groups span heads: the decode path's context
                return scores, size, block_diag_context(v_parts, bits, low, group)
            return scores, size, context
        return quant_tier

    # The block-diagonal decode path does kv_heads times the arithmetic of attention over a quantized tier;
    # with many KV heads the per-head path (a transpose of each dequantized part) costs less even for one
    # query per step. INFEROS_QUANT_DECODE=block|per-head overrides, for measuring.
    per_head_decode = {"block": False, "per-head": True}.get(os.environ.get("INFEROS_QUANT_DECODE", ""), n_kv > PER_HEAD_DECODE_ABOVE_KV)
    variants = {}

    def quant_variant(i, bits, group, prefill):
        if (group, prefill) not in variants:
            variants[group, prefill] = tier_code(group, prefill)
        return variants[group, prefill](i, bits)

    def quant_tier_any(i, bits):
        """The INT8 or INT4 tier of layer i for whichever group size its inputs hold (the value scales'
        last dim is C / group) and for this step's number of queries, chosen inside the graph (If): one
        graph serves every policy and both prefill and decode, so a process holds one session and one copy
        of the weights."""
        t = f"i{bits}"
        quant_inputs(i, bits)
        size = g.op("Slice", [g.op("Shape", [f"past_value_{t}.{i}"]), g.const([1]), g.const([2])])

        def pick(use):  # use(scores, context) -> the value the branch returns
            def for_group(gs):
                if per_head_decode:  # both kinds of step take the per-head path: no If
                    return use(*quant_variant(i, bits, gs, True))
                return g.if_(is_prefill, lambda: use(*quant_variant(i, bits, gs, True)),
                             lambda: use(*quant_variant(i, bits, gs, False)), "tier_kind")
            if len(groups) == 1:
                return for_group(groups[0])
            vgroups = g.op("Gather", [g.op("Shape", [f"past_value_{t}_scale.{i}"]), g.const(2)])
            group_of = g.op("Div", [g.const(channels), vgroups])

            # The default group size first: the default policy's tiers then cost one If, not two.
            order = sorted(groups, key=lambda gs: (gs != default_group, gs))

            def chain(k):
                if k == len(order) - 1:
                    return for_group(order[k])
                return g.if_(g.op("Equal", [group_of, g.const(order[k])]), lambda: for_group(order[k]),
                             lambda: chain(k + 1), "tier_group")
            return chain(0)

        return (lambda q5: pick(lambda sc, _sz, _cx: sc(q5)), size, lambda p: pick(lambda _sc, _sz, cx: cx(p)))

    def past_tiers(i):
        """Every stored tier of layer i as (scores, size, context), in tier order (f32, f16, int8, int4)."""
        F32, F16 = TensorProto.FLOAT, TensorProto.FLOAT16
        for kind in ("key", "value"):
            vi(f"past_{kind}.{i}", F32, ["batch", n_kv, f"past_f32_{i}", head_dim])
        for kind in ("key", "value"):
            vi(f"past_{kind}_f16.{i}", F16, ["batch", n_kv, f"past_f16_{i}", head_dim])
        f32 = lambda x: g.op("Cast", [x], to=F32)  # noqa: E731
        stored = lambda name: g.op("Slice", [g.op("Shape", [name]), g.const([2]), g.const([3])])  # noqa: E731
        return [full_tier(f"past_key.{i}", f"past_value.{i}", stored(f"past_key.{i}")),
                full_tier(lambda: f32(f"past_key_f16.{i}"), lambda: f32(f"past_value_f16.{i}"), stored(f"past_key_f16.{i}")),
                quant_tier_any(i, 8), quant_tier_any(i, 4)]

    empty_scores = g.op("Concat", [b_dim, g.const([n_kv, n_rep]), t_dim, g.const([0])], axis=0)
    zero = g.const(0, np.int64)

    def skip_when_empty(tier):
        """The tier's operators run only when it holds tokens (If): a policy uses one or three of the four
        tiers, and each idle tier's operators cost a decode step as much as a small tier's (ORT's per-node
        cost), so skipping them is what makes the exact baseline's step short."""
        scores, size, context = tier
        held = g.op("Greater", [g.op("Squeeze", [size, g.const([0])]), zero])
        return (lambda q5: g.if_(held, lambda: scores(q5), lambda: g.op("ConstantOfShape", [empty_scores]), "tier_scores"),
                size,
                lambda p: g.if_(held, lambda: context(p), lambda: g.op("ConstantOfShape", [context_shape]), "tier_context"))

    kv_shape = g.op("Concat", [b_dim, t_dim, g.const([n_kv, head_dim])], axis=0)
    q5_shape = g.op("Concat", [b_dim, t_dim, g.const([n_kv, n_rep, head_dim])], axis=0)
    out_shape = g.op("Concat", [b_dim, t_dim, g.const([n_heads * head_dim])], axis=0)

    def tiered_attention(i, q, k, v):
        """Attention over the stored tiers of layer i and the new tokens: (context [B, T, heads * D], attention
        mass [B, S]). q [B, T, heads * D], k and v [B, T, kv, D]."""
        pv = f"past_valid.{i}"
        tiers = [skip_when_empty(t) for t in past_tiers(i)]
        # Cached tokens in tier order (f32, f16, int8, int4), then the new ones.
        tiers.append(new_tier(k, v))
        # Grouped-query attention without repeating K/V: query heads h = kv * n_rep + r; the softmax scale
        # is applied to the (small) queries.
        q5 = g.op("Transpose", [g.op("Reshape", [q, q5_shape])], perm=[0, 2, 3, 1, 4])  # [B, kv, rep, T, D]
        q5 = g.op("Mul", [q5, g.const(scale, np.float32)])
        # Scores tier by tier (the tiers are never concatenated: only their scores are, a small tensor).
        raw = g.op("Concat", [score(q5) for score, _, _ in tiers], axis=-1)
        sizes = g.op("Concat", [size for _, size, _ in tiers], axis=0)
        # Every cached token is visible; new token t sees new tokens <= t.
        s_dim = g.op("Slice", [g.op("Shape", [raw]), g.const([4]), g.const([5])])
        p_dim = g.op("Sub", [s_dim, t_dim])
        s_idx = g.op("Range", [g.const(0), g.op("Squeeze", [s_dim, g.const([0])]), g.const(1)])
        t_abs = g.op("Add", [t_idx, g.op("Squeeze", [p_dim, g.const([0])])])
        allowed = g.op("LessOrEqual", [g.op("Unsqueeze", [s_idx, g.const([0])]),
                                       g.op("Unsqueeze", [t_abs, g.const([1])])])  # [T, S]
        # Rows of a batch: each tier is padded to its longest row; past_valid says how much of it is real.
        real = []
        for tier in range(4):
            idx = g.op("Unsqueeze", [g.op("Range", [g.const(0), g.op("Gather", [sizes, g.const(tier)]), g.const(1)]), g.const([0])])
            real.append(g.op("Less", [idx, g.op("Unsqueeze", [g.op("Gather", [pv, g.const(tier)], axis=1), g.const([1])])]))  # [B, P]
        real.append(g.op("ConstantOfShape", [shape_bt], value=helper.make_tensor("true", TensorProto.BOOL, [1], [True])))
        visible = g.op("And", [allowed, g.op("Unsqueeze", [g.op("Concat", real, axis=1), g.const([1, 2, 3])])])  # [B, 1, 1, T, S]
        probs = g.op("Softmax", [g.op("Where", [visible, raw, neg])], axis=-1)  # [B, kv, rep, T, S]
        mass = g.op("ReduceSum", [probs, g.const([1, 2, 3])], keepdims=0)
        p_parts = g.op("Split", [probs, sizes], n_out=len(tiers), axis=-1)
        ctx = g.op("Sum", [context(pp) for pp, (_, _, context) in zip(p_parts, tiers)])
        ctx = g.op("Transpose", [ctx], perm=[0, 3, 1, 2, 4])  # [B, T, kv, rep, D]
        return g.op("Reshape", [ctx, out_shape]), mass

    def float_attention(i, q, k, v):
        """The same when only the float32 tier holds tokens (the exact baseline's cache): that tier and the
        new tokens, with no If and none of the other tiers' operators."""
        q5 = g.op("Transpose", [g.op("Reshape", [q, q5_shape])], perm=[0, 2, 3, 1, 4])  # [B, kv, rep, T, D]
        stored = g.op("Slice", [g.op("Shape", [f"past_key.{i}"]), g.const([2]), g.const([3])])
        past = full_tier(f"past_key.{i}", f"past_value.{i}", stored, alpha=scale)  # the softmax scale in the products
        new = new_tier(k, v, alpha=scale)
        real = g.op("Unsqueeze", [g.op("Gather", [f"past_valid.{i}", g.const([0])], axis=1), g.const([1, 2, 3])])  # [B, 1, 1, 1, 1]
        past_ok = g.op("Less", [g.op("Range", [g.const(0), g.op("Squeeze", [stored, g.const([0])]), g.const(1)]), real])  # [B, 1, 1, 1, P]
        # The new tokens' scores first: the past's masked rows then sit at the end, where adding their zero
        # probabilities leaves every sum of the real ones as it is (the softmax's and the products').
        # Padded to its capacity, the exact cache computes what it computes unpadded, bit for bit.
        scores = g.op("Concat", [g.op("Where", [causal, new[0](q5), neg]), g.op("Where", [past_ok, past[0](q5), neg])], axis=-1)
        probs = g.op("Softmax", [scores], axis=-1)  # [B, kv, rep, T, T + P]
        p_new, p_past = g.op("Split", [probs, g.op("Concat", [t_dim, stored], axis=0)], n_out=2, axis=-1)
        axes = g.const([1, 2, 3])
        mass = g.op("Concat", [g.op("ReduceSum", [p, axes], keepdims=0) for p in (p_past, p_new)], axis=-1)  # tier order
        ctx = g.op("Add", [past[2](p_past), new[2](p_new)])
        ctx = g.op("Transpose", [ctx], perm=[0, 3, 1, 2, 4])  # [B, T, kv, rep, D]
        return g.op("Reshape", [ctx, out_shape]), mass

    h = rms_norm(x, "model.layers.0.input_layernorm.weight")
    for i in range(n_layers):
        p = f"model.layers.{i}"
        q, k, v = weights.linear(g, h, [f"{p}.self_attn.{n}_proj" for n in "qkv"], f"{p}.self_attn.qkv_proj")
        q = rope(q, n_heads)  # [B, T, heads * D]
        k = g.op("Reshape", [rope(k, n_kv), kv_shape])  # [B, T, kv, D]
        v = g.op("Reshape", [v, kv_shape])
        g.nodes.append(helper.make_node("Identity", [k], [f"present_key.{i}"]))
        g.nodes.append(helper.make_node("Identity", [v], [f"present_value.{i}"]))
        inputs.append(helper.make_tensor_value_info(f"past_valid.{i}", TensorProto.INT64, ["batch", 4]))
        # Only the float32 tier holds tokens (the other tiers' sizes, over every row, sum to 0)?
        others = g.op("ReduceSum", [g.op("Slice", [f"past_valid.{i}", g.const([1]), g.const([4]), g.const([1])])], keepdims=0)
        ctx, mass = g.if_(g.op("Equal", [others, g.const(0)]), lambda: float_attention(i, q, k, v),
                          lambda: tiered_attention(i, q, k, v), "attention", n_out=2)
        g.nodes.append(helper.make_node("Identity", [mass], [f"attn_mass.{i}"]))
        attn, = weights.linear(g, ctx, [f"{p}.self_attn.o_proj"], f"{p}.self_attn.o_proj")
        h, x = add_norm(attn, x, f"{p}.post_attention_layernorm.weight")
        down = mlp_op(g, weights, h, p)
        h, x = add_norm(down, x, f"model.layers.{i + 1}.input_layernorm.weight" if i + 1 < n_layers else "model.norm.weight")
        for kind in ("key", "value"):
            outputs.append(helper.make_tensor_value_info(f"present_{kind}.{i}", TensorProto.FLOAT,
                                                         ["batch", "tokens", n_kv, head_dim]))
        outputs.append(helper.make_tensor_value_info(f"attn_mass.{i}", TensorProto.FLOAT, ["batch", f"total_{i}"]))

    # Logits of the positions from logits_from on: a prompt chunk needs only its last position's (the LM
    # head over every position is a vocab x hidden product per token: a fifth of a prompt's work at
    # Llama 3's 128k vocabulary); perplexity and echo ask for all (0). A required input: onnxruntime-node
    # passes only the inputs a session lists, which leaves out inputs with a default initializer.
    inputs.append(helper.make_tensor_value_info("logits_from", TensorProto.INT64, [1]))
    h = g.op("Slice", [h, "logits_from", g.const([np.iinfo(np.int64).max]), g.const([1])], "logit_rows")
    g.nodes.append(helper.make_node("Identity", [weights.lm_head(g, h)], ["logits"]))

    graph = helper.make_graph(g.nodes, "inferos_llama", inputs, outputs, g.inits)
    model_proto = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)],
                                    producer_name="inferos-export")
    model_proto.ir_version = 10
    return model_proto



def build_segment_graphs(ckpt: Checkpoint, weights: ModelWeights, rope: tuple):
    """The model without its attention (format 11, `inferos export --attention native`), as L + 1 graphs
    (segments) that the runtime runs one after another, attending between them over the stored tiers as
    they lie in memory (libs/attention) instead of dequantizing them with ONNX operators:

      segment 0          embeddings, layer 0's norm, q/k/v and RoPE
      segment s (1..L-1) layer s-1's output projection, residual, MLP; layer s's norm, q/k/v and RoPE
      segment L          layer L-1's output projection, residual, MLP, the final norm, the LM head

      inputs   input_ids    int64 [B, T]              (segment 0)
               position_ids int64 [B, T]              (RoPE: segments 0..L-1)
               hidden_in    float [B, T, hidden]      the residual stream from the segment before (1..L)
               attn_in      float [B, T, heads * D]   attention's context of layer s-1 (1..L)
               logits_from  int64 [1]                 as in the full graph (segment L)
      outputs  q            float [B, T, heads * D]   after RoPE (0..L-1)
               k, v         float [B, T, kv_heads, D] keys after RoPE, values (0..L-1)
               hidden_out   float [B, T, hidden]      the residual stream (0..L-1)
               logits       float [B, T - logits_from, vocab] (segment L)

    Each segment's weights are its own graph's initializers in the one weights file, so the sessions of
    all segments hold the weights once. (One graph choosing its segment with a tree of If nodes was tried
    first: on the 1B shape every MatMulNBits inside the nested branches took ~36 ms instead of ~0.4 ms, as
    if its weights were dequantized at every call, and a step took 2.2 s.)"""
    n_layers, n_heads, n_kv, head_dim = ckpt.n_layers, ckpt.n_heads, ckpt.n_kv, ckpt.head_dim
    F, I64 = TensorProto.FLOAT, TensorProto.INT64
    models = []
    for s in range(n_layers + 1):
        g = GraphBuilder()
        cos_t, sin_t, _ = rope_inputs(g, weights, rope) if s < n_layers else (None, None, None)
        inputs, outputs = [], []
        if s == 0:
            inputs.append(helper.make_tensor_value_info("input_ids", I64, ["batch", "tokens"]))
        if s < n_layers:
            inputs.append(helper.make_tensor_value_info("position_ids", I64, ["batch", "tokens"]))
        if s > 0:
            inputs.append(helper.make_tensor_value_info("hidden_in", F, ["batch", "tokens", ckpt.hidden]))
            inputs.append(helper.make_tensor_value_info("attn_in", F, ["batch", "tokens", n_heads * head_dim]))
        rows_of = "input_ids" if s == 0 else "position_ids" if s < n_layers else None
        shape_bt = (g.op("Shape", [rows_of]) if rows_of else
                    g.op("Slice", [g.op("Shape", ["hidden_in"]), g.const([0]), g.const([2])]) if weights.int8_copy else None)
        if weights.int8_copy:  # rows of this run (batch x tokens): the int8 copy's products from INT8_COPY_MIN_ROWS
            rows = g.op("ReduceProd", [shape_bt], keepdims=0)
            weights.many_rows = g.op("Greater", [rows, g.const(INT8_COPY_MIN_ROWS - 1)], "many_rows")
        if s == 0:
            x = weights.embed(g, "input_ids")
            h = rms_norm_op(g, weights, x, "model.layers.0.input_layernorm.weight")
        else:
            p = f"model.layers.{s - 1}"
            attn, = weights.linear(g, "attn_in", [f"{p}.self_attn.o_proj"], f"{p}.self_attn.o_proj")
            h, x = add_norm_op(g, weights, attn, "hidden_in", f"{p}.post_attention_layernorm.weight")
            down = mlp_op(g, weights, h, p)
            h, x = add_norm_op(g, weights, down, x, f"model.layers.{s}.input_layernorm.weight" if s < n_layers else "model.norm.weight")
        if s == n_layers:
            inputs.append(helper.make_tensor_value_info("logits_from", I64, [1]))
            h = g.op("Slice", [h, "logits_from", g.const([np.iinfo(np.int64).max]), g.const([1])], "logit_rows")
            g.nodes.append(helper.make_node("Identity", [weights.lm_head(g, h)], ["logits"]))
            outputs.append(helper.make_tensor_value_info("logits", F, ["batch", "logit_tokens", ckpt.vocab]))
        else:
            p = f"model.layers.{s}"
            kv_shape = g.op("Concat", [shape_bt, g.const([n_kv, head_dim])], axis=0)
            q, k, v = weights.linear(g, h, [f"{p}.self_attn.{n}_proj" for n in "qkv"], f"{p}.self_attn.qkv_proj")
            g.nodes.append(helper.make_node("Identity", [rope_op(g, q, n_heads, cos_t, sin_t)], ["q"]))
            g.nodes.append(helper.make_node("Reshape", [rope_op(g, k, n_kv, cos_t, sin_t), kv_shape], ["k"]))
            g.nodes.append(helper.make_node("Reshape", [v, kv_shape], ["v"]))
            g.nodes.append(helper.make_node("Identity", [x], ["hidden_out"]))
            outputs += [helper.make_tensor_value_info("q", F, ["batch", "tokens", n_heads * head_dim]),
                        helper.make_tensor_value_info("k", F, ["batch", "tokens", n_kv, head_dim]),
                        helper.make_tensor_value_info("v", F, ["batch", "tokens", n_kv, head_dim]),
                        helper.make_tensor_value_info("hidden_out", F, ["batch", "tokens", ckpt.hidden])]
        graph = helper.make_graph(g.nodes, f"inferos_llama_segment_{s}", inputs, outputs, g.inits)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)],
                                  producer_name="inferos-export")
        model.ir_version = 10
        models.append(model)
    return models
