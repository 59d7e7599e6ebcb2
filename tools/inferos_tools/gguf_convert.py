"""Convert a Hugging Face checkpoint (the ones `inferos export` takes) to GGUF, so that llama.cpp runs the
same weights as Infer-OS in `inferos bench peer`.

    python -m inferos_tools.gguf_convert --checkpoint DIR --out FILE.gguf [--type f32|f16|q8_0|q4_0]

As llama.cpp's own converter does: Llama and Mistral are written as the `llama` architecture with the
rows of the Q and K projections permuted from Hugging Face's rotate-half RoPE layout to GGUF's interleaved
one; Qwen2 as `qwen2` (rotate-half, NeoX style in llama.cpp, so no permutation; q/k/v biases kept). Llama
3.x RoPE scaling becomes the `rope_freqs` tensor of per-frequency factors. 1-D tensors (norms, biases,
rope_freqs) stay float32; the token embedding and the projections take --type. The tokenizer is written as
a GPT-2 style byte-level BPE (vocabulary and merges from tokenizer.json); the benchmark feeds token ids, so
llama.cpp's own pre-tokenizer never decides what the model sees. The gguf package's writer holds the
converted tensors until it writes them: peak memory is about the GGUF's size.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys

import numpy as np

from .checkpoint import Checkpoint, CheckpointError, open_checkpoint

TYPES = ("f32", "f16", "q8_0", "q4_0")


def permute(w: np.ndarray, heads: int) -> np.ndarray:
    """Rows of each head from [first half | second half] to interleaved pairs (llama.cpp's converter)."""
    return w.reshape(heads, 2, w.shape[0] // heads // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def llama3_rope_factors(cfg: dict, head_dim: int) -> np.ndarray:
    rope = cfg.get("rope_parameters") or cfg.get("rope_scaling") or {}
    base = float(rope.get("rope_theta", cfg.get("rope_theta", 10000.0)))
    factor, lo, hi = float(rope["factor"]), float(rope["low_freq_factor"]), float(rope["high_freq_factor"])
    old = float(rope["original_max_position_embeddings"])
    freqs = 1.0 / (base ** (np.arange(0, head_dim, 2, dtype=np.float32) / head_dim))
    out = []
    for f in freqs:
        wavelen = 2 * math.pi / f
        if wavelen < old / hi:
            out.append(1.0)
        elif wavelen > old / lo:
            out.append(factor)
        else:
            smooth = (old / wavelen - lo) / (hi - lo)
            out.append(1 / ((1 - smooth) / factor + smooth))
    return np.array(out, np.float32)


def convert(ckpt: Checkpoint, out: str, qtype: str) -> None:
    import gguf

    cfg = ckpt.config
    arch = "qwen2" if ckpt.model_type == "qwen2" else "llama"
    if qtype in ("q8_0", "q4_0") and any(k % 32 for k in (ckpt.hidden, ckpt.intermediate, ckpt.n_heads * ckpt.head_dim)):
        raise CheckpointError(f"gguf_convert: {qtype} needs rows of whole blocks of 32 (hidden {ckpt.hidden}, "
                              f"intermediate {ckpt.intermediate}); convert to f16 or f32")
    if ckpt.rope_type not in ("default", "llama3"):
        raise CheckpointError(f"gguf_convert: RoPE type {ckpt.rope_type} is not converted (default and llama3 are)")
    rope = cfg.get("rope_parameters") or cfg.get("rope_scaling") or {}
    theta = float(rope.get("rope_theta", cfg.get("rope_theta", 10000.0)))
    w = gguf.GGUFWriter(out, arch)
    w.add_name(os.path.basename(os.path.normpath(ckpt.path)))
    w.add_context_length(ckpt.trained_positions)
    w.add_embedding_length(ckpt.hidden)
    w.add_block_count(ckpt.n_layers)
    w.add_feed_forward_length(ckpt.intermediate)
    w.add_head_count(ckpt.n_heads)
    w.add_head_count_kv(ckpt.n_kv)
    w.add_key_length(ckpt.head_dim)
    w.add_value_length(ckpt.head_dim)
    w.add_rope_dimension_count(ckpt.head_dim)
    w.add_rope_freq_base(theta)
    w.add_layer_norm_rms_eps(ckpt.eps)
    w.add_vocab_size(ckpt.vocab)
    ftype = {"f32": gguf.LlamaFileType.ALL_F32, "f16": gguf.LlamaFileType.MOSTLY_F16,
             "q8_0": gguf.LlamaFileType.MOSTLY_Q8_0, "q4_0": gguf.LlamaFileType.MOSTLY_Q4_0}[qtype]
    w.add_file_type(ftype)

    with open(os.path.join(ckpt.path, "tokenizer.json"), encoding="utf-8") as f:
        tj = json.load(f)
    if tj["model"]["type"] != "BPE":
        raise CheckpointError(f"gguf_convert: tokenizer model {tj['model']['type']} is not converted (BPE is)")
    vocab = tj["model"]["vocab"]
    tokens = [""] * ckpt.vocab
    types = [gguf.TokenType.NORMAL] * ckpt.vocab
    for tok, i in vocab.items():
        if i < ckpt.vocab:
            tokens[i] = tok
    for added in tj.get("added_tokens", []):
        if added["id"] < ckpt.vocab:
            tokens[added["id"]] = added["content"]
            types[added["id"]] = gguf.TokenType.CONTROL if added.get("special") else gguf.TokenType.USER_DEFINED
    for i, t in enumerate(tokens):
        if not t:
            tokens[i], types[i] = f"[PAD{i}]", gguf.TokenType.UNUSED
    merges = [m if isinstance(m, str) else " ".join(m) for m in tj["model"].get("merges", [])]
    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre("default")
    w.add_token_list(tokens)
    w.add_token_types(types)
    w.add_token_merges(merges)
    if cfg.get("bos_token_id") is not None:
        w.add_bos_token_id(int(cfg["bos_token_id"]))
    eos = cfg.get("eos_token_id")
    if eos is not None:
        w.add_eos_token_id(int(eos[0] if isinstance(eos, list) else eos))
    w.add_add_bos_token(False)

    gtype = {"f32": gguf.GGMLQuantizationType.F32, "f16": gguf.GGMLQuantizationType.F16,
             "q8_0": gguf.GGMLQuantizationType.Q8_0, "q4_0": gguf.GGMLQuantizationType.Q4_0}[qtype]

    def matrix(name: str, data: np.ndarray):
        if gtype == gguf.GGMLQuantizationType.F32:
            w.add_tensor(name, data.astype(np.float32))
        elif gtype == gguf.GGMLQuantizationType.F16:
            w.add_tensor(name, data.astype(np.float16))
        else:
            q = gguf.quants.quantize(data.astype(np.float32), gtype)
            w.add_tensor(name, q, raw_shape=q.shape, raw_dtype=gtype)

    def vector(name: str, data: np.ndarray):
        w.add_tensor(name, data.astype(np.float32))

    if ckpt.rope_type == "llama3":
        vector("rope_freqs.weight", llama3_rope_factors(cfg, ckpt.head_dim))
    matrix("token_embd.weight", ckpt.read("model.embed_tokens.weight"))
    vector("output_norm.weight", ckpt.read("model.norm.weight"))
    if not ckpt.tied:
        matrix("output.weight", ckpt.read("lm_head.weight"))
    names = {"self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k", "self_attn.v_proj": "attn_v",
             "self_attn.o_proj": "attn_output", "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up",
             "mlp.down_proj": "ffn_down"}
    for i in range(ckpt.n_layers):
        p = f"model.layers.{i}"
        vector(f"blk.{i}.attn_norm.weight", ckpt.read(f"{p}.input_layernorm.weight"))
        vector(f"blk.{i}.ffn_norm.weight", ckpt.read(f"{p}.post_attention_layernorm.weight"))
        for hf, gg in names.items():
            t = ckpt.read(f"{p}.{hf}.weight")
            if arch == "llama" and gg == "attn_q":
                t = permute(t, ckpt.n_heads)
            elif arch == "llama" and gg == "attn_k":
                t = permute(t, ckpt.n_kv)
            matrix(f"blk.{i}.{gg}.weight", t)
            if ckpt.has(f"{p}.{hf}.bias"):
                b = ckpt.read(f"{p}.{hf}.bias")
                if arch == "llama" and gg in ("attn_q", "attn_k"):
                    b = permute(b, ckpt.n_heads if gg == "attn_q" else ckpt.n_kv)
                vector(f"blk.{i}.{gg}.bias", b)
        print(f"\rconverting layer {i + 1}/{ckpt.n_layers}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--out", required=True, help="the .gguf file to write")
    ap.add_argument("--type", default="f32", choices=TYPES, help="type of the embedding and projections")
    args = ap.parse_args(argv)
    ckpt = open_checkpoint(args.checkpoint)
    tmp = args.out + ".partial"
    try:
        convert(ckpt, tmp, args.type)
        os.replace(tmp, args.out)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    print(f"wrote {args.out} ({os.path.getsize(args.out) / 1e6:,.1f} MB, {args.type})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
