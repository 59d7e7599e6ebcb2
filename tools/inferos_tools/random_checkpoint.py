"""Write a randomly initialised Llama checkpoint (for testing the exporter on shapes other than ours).

    python -m inferos_tools.random_checkpoint --tokenizer tokenizer.json --out DIR \
        [--hidden 96] [--layers 2] [--heads 6] [--kv-heads 2] [--head-dim 16] [--untied] [--seed 0]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tokenizer", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--hidden", type=int, default=96)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--heads", type=int, default=6)
    ap.add_argument("--kv-heads", type=int, default=2)
    ap.add_argument("--head-dim", type=int, default=16)
    ap.add_argument("--untied", action="store_true")
    ap.add_argument("--rope-theta", type=float, default=500000.0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    import torch
    from tokenizers import Tokenizer
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(args.seed)
    vocab = Tokenizer.from_file(args.tokenizer).get_vocab_size()
    cfg = LlamaConfig(vocab_size=vocab, hidden_size=args.hidden, intermediate_size=args.hidden * 3,
                      num_hidden_layers=args.layers, num_attention_heads=args.heads,
                      num_key_value_heads=args.kv_heads, head_dim=args.head_dim, max_position_embeddings=512,
                      tie_word_embeddings=not args.untied, rope_theta=args.rope_theta, bos_token_id=0,
                      eos_token_id=1, initializer_range=0.2)
    model = LlamaForCausalLM(cfg)
    os.makedirs(args.out, exist_ok=True)
    model.save_pretrained(args.out, safe_serialization=True)
    shutil.copyfile(args.tokenizer, os.path.join(args.out, "tokenizer.json"))
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
