"""Random-weight Hugging Face checkpoints of each architecture variant the exporter takes, for its tests,
and of real model shapes, for benchmarks.

    python -m inferos_tools.fixtures checkpoint --variant NAME --out DIR [--tokenizer tokenizer.json] [--seed 0]
    python -m inferos_tools.fixtures refresh --out libs/inference/fixtures     (every test fixture, exported)
    python -m inferos_tools.fixtures list

Checkpoints are written as Hugging Face publishes them (config.json, safetensors, sharded with an index
where the variant says so, in the variant's dtype, tokenizer.json). The test variants are tiny and use a
512-token BPE trained here on a fixed text, so that the exported fixtures stay small enough to commit;
`refresh` exports each one (fp32, or the variant's weight type) and requires, for fp32, that the graph's
greedy tokens equal PyTorch's over 64 tokens for every golden prompt.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUNDLED_TOKENIZER = os.path.join(ROOT, "models", "inferos-tiny", "onnx", "tokenizer.json")
TOKENIZER_TEXT = os.path.join(ROOT, "models", "inferos-tiny", "onnx", "heldout.txt")

LLAMA3_ROPE = {"rope_type": "llama3", "factor": 32.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
               "original_max_position_embeddings": 128}
# name: (what it covers, config, how it is saved, weight type of its exported fixture). Fixtures export as
# format 11 (attention outside the graph) unless attention="graph": those keep the legacy format 10 tested.
VARIANTS = {
    "tiny-untied": dict(
        covers="Llama, untied embeddings, GQA 2:1, the bundled 8k tokenizer (the runtime's own tests use it)",
        model_type="llama", hidden=64, layers=2, heads=4, kv=2, head_dim=16, inter=192, tied=False,
        max_pos=512, dtype="float32", weights="fp32", tokenizer="bundled"),
    "llama3-tied-bf16-sharded": dict(
        covers="Llama 3.x RoPE scaling, tied embeddings, bf16 weights in two shards with an index, GQA 4:1",
        model_type="llama", hidden=64, layers=2, heads=8, kv=2, head_dim=16, inter=160, tied=True,
        rope=LLAMA3_ROPE, max_pos=512, dtype="bfloat16", shard="150KB", weights="fp32"),
    "qwen2-bias-fp16": dict(
        covers="Qwen2: bias on q/k/v, tied embeddings, fp16 weights, multi-head attention (ratio 1)",
        model_type="qwen2", hidden=64, layers=2, heads=4, kv=4, head_dim=16, inter=128, tied=True,
        max_pos=512, dtype="float16", weights="fp32", bias=True, attention="graph"),
    "mistral-hd128": dict(
        covers="Mistral: head_dim 128 (not hidden / heads), untied, sliding window, GQA 3:1, fp32",
        model_type="mistral", hidden=64, layers=2, heads=3, kv=1, head_dim=128, inter=128, tied=False,
        max_pos=512, sliding_window=256, dtype="float32", weights="fp32"),
    "llama3-int4": dict(
        covers="the llama3 variant exported with 4-bit weights (golden: onnxruntime on the same weights)",
        same_as="llama3-tied-bf16-sharded", weights="int4", attention="graph"),
    "llama3-int4-int8copy": dict(
        covers="the llama3 variant with 4-bit weights and their int8 copy (--int8-copy: prompts run on it)",
        same_as="llama3-tied-bf16-sharded", weights="int4", int8_copy=True),
    "qwen2-int8": dict(
        covers="the qwen2 variant exported with 8-bit weights", same_as="qwen2-bias-fp16", weights="int8"),
    # Real shapes, for benchmarks (not test fixtures): random weights, the bundled 8k tokenizer.
    "llama-3.2-1b-shape": dict(
        covers="Llama-3.2-1B's shape: hidden 2048, 16 layers, 32 heads / 8 KV heads of 64, MLP 8192, tied",
        model_type="llama", hidden=2048, layers=16, heads=32, kv=8, head_dim=64, inter=8192, tied=True,
        rope={**LLAMA3_ROPE, "original_max_position_embeddings": 8192}, max_pos=131072, dtype="bfloat16",
        shard="1GB", init=0.02, real=True),
    "smollm2-360m-shape": dict(
        covers="a 323M Llama: hidden 960, 32 layers, 15 heads / 5 KV heads, MLP 2560, tied",
        model_type="llama", hidden=960, layers=32, heads=15, kv=5, head_dim=64, inter=2560, tied=True,
        max_pos=8192, dtype="bfloat16", shard="2GB", init=0.02, real=True),
}
TEST_FIXTURES = [n for n, v in VARIANTS.items() if not v.get("real")]


def small_tokenizer(path: str) -> None:
    """A 512-token byte-level BPE trained on the bundled model's held-out text."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=512, special_tokens=["<s>", "</s>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    with open(TOKENIZER_TEXT, encoding="utf-8") as f:
        text = f.read()
    tok.train_from_iterator([text[i:i + 2000] for i in range(0, len(text), 2000)], trainer)
    tok.save(path)


def make_checkpoint(variant: str, out: str, tokenizer: str | None = None, seed: int = 0) -> str:
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoConfig, AutoModelForCausalLM

    v = VARIANTS[variant]
    if "same_as" in v:
        v = VARIANTS[v["same_as"]]
    os.makedirs(out, exist_ok=True)
    tok_path = os.path.join(out, "tokenizer.json")
    if tokenizer:
        shutil.copyfile(tokenizer, tok_path)
    elif v.get("real") or v.get("tokenizer") == "bundled":
        shutil.copyfile(BUNDLED_TOKENIZER, tok_path)
    else:
        small_tokenizer(tok_path)
    vocab = Tokenizer.from_file(tok_path).get_vocab_size()
    extra = {}
    if v.get("rope"):
        extra["rope_scaling"] = dict(v["rope"])
    if v.get("sliding_window"):
        extra["sliding_window"] = v["sliding_window"]
    cfg = AutoConfig.for_model(v["model_type"], vocab_size=vocab, hidden_size=v["hidden"],
                               intermediate_size=v["inter"], num_hidden_layers=v["layers"],
                               num_attention_heads=v["heads"], num_key_value_heads=v["kv"], head_dim=v["head_dim"],
                               max_position_embeddings=v["max_pos"], tie_word_embeddings=v["tied"],
                               rope_theta=500000.0, bos_token_id=0, eos_token_id=1,
                               initializer_range=v.get("init", 0.2), **extra)
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_config(cfg, dtype=torch.float32)
    if v.get("bias"):  # transformers initialises biases to zero; make them matter
        with torch.no_grad():
            for name, p in model.named_parameters():
                if name.endswith(".bias"):
                    p.normal_(0, 0.2)
    model = model.to(getattr(torch, v["dtype"]))
    kw = {"max_shard_size": v["shard"]} if v.get("shard") else {}
    model.save_pretrained(out, safe_serialization=True, **kw)
    with open(os.path.join(out, "tokenizer_config.json"), "w") as f:
        json.dump({"bos_token": "<s>", "eos_token": "</s>", "add_bos_token": False}, f)
    print(f"{variant}: {out} ({sum(p.numel() for p in model.parameters()) / 1e6:,.2f}M parameters)", file=sys.stderr)
    return out


def refresh(out_root: str, work: str) -> None:
    """Make every test variant's checkpoint and export it into out_root/<variant>."""
    from .export import GOLDEN_TOKENS, export

    for name in TEST_FIXTURES:
        v = VARIANTS[name]
        ckpt = os.path.join(work, v.get("same_as", name))
        if not os.path.isdir(ckpt):
            make_checkpoint(name, ckpt)
        export(ckpt, os.path.join(out_root, name), name=name, weights=v["weights"], groups=(32, 64), verify="yes",
               int8_copy=v.get("int8_copy", False), attention=v.get("attention", "native"))
        with open(os.path.join(out_root, name, "golden.json")) as f:
            golden = json.load(f)
        agree = golden["pytorch"]["greedy_tokens_equal_before_first_difference"]
        print(f"{name}: greedy equal to PyTorch for {agree} of {GOLDEN_TOKENS} tokens", file=sys.stderr)
        if v["weights"] == "fp32" and min(agree) < GOLDEN_TOKENS:
            raise SystemExit(f"error: {name}: greedy tokens differ from PyTorch's ({agree})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("checkpoint", help="write one variant's random-weight checkpoint")
    c.add_argument("--variant", required=True, choices=sorted(VARIANTS))
    c.add_argument("--out", required=True)
    c.add_argument("--tokenizer", help="tokenizer.json to use (default: per variant)")
    c.add_argument("--seed", type=int, default=0)
    r = sub.add_parser("refresh", help="make and export every test fixture")
    r.add_argument("--out", default=os.path.join(ROOT, "libs", "inference", "fixtures"))
    r.add_argument("--work", default=os.path.join(ROOT, "tools", ".work", "fixtures"))
    sub.add_parser("list", help="the variants and what each covers")
    args = ap.parse_args(argv)
    if args.cmd == "list":
        for name, v in VARIANTS.items():
            print(f"{name:28} {'(benchmark shape) ' if v.get('real') else ''}{v['covers']}")
    elif args.cmd == "checkpoint":
        make_checkpoint(args.variant, args.out, args.tokenizer, args.seed)
    else:
        refresh(args.out, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
