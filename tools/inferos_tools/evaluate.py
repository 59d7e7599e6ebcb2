"""Evaluate a Hugging Face Llama checkpoint with PyTorch (fp32): perplexities, long-context use, copying.

    python -m inferos_tools.evaluate --checkpoint DIR --heldout FILE [--wikitext FILE] [--json]

- perplexity: the text is tokenized, cut into windows of `context` tokens that each start with <|bos|>,
  and every token after the first of its window is scored (non-overlapping windows).
- long context: on the same held-out windows, the tokens at positions [1024, 2048) are scored once with
  their full context and once with a 256-token sliding window (<|bos|> + 255 tokens, stride 128, so
  each scored token sees 128 to 255 tokens). A model that uses long context does better with the full one.
- copy probe: <|bos|>, 200 random tokens, `gap` tokens of held-out text, the same 200 tokens again. The
  mean NLL of the second occurrence against the first (first token of each occurrence excluded: it
  cannot be predicted by copying). A model that copies from far back scores the second far lower.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time

import numpy as np
import torch

BOS = None  # set from the checkpoint


def load(checkpoint: str):
    from tokenizers import Tokenizer
    from transformers import LlamaForCausalLM

    model = LlamaForCausalLM.from_pretrained(checkpoint, dtype=torch.float32, attn_implementation="sdpa")
    model.eval()
    tok = Tokenizer.from_file(f"{checkpoint}/tokenizer.json")
    return model, tok


def token_stream(tok, path: str) -> np.ndarray:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return np.asarray(tok.encode(text, add_special_tokens=False).ids, dtype=np.int64)


@torch.no_grad()
def nll_rows(model, rows: np.ndarray) -> np.ndarray:
    """Per-token NLL [rows, len-1] of predicting rows[:, 1:]."""
    x = torch.from_numpy(rows)
    logits = model(input_ids=x).logits.float()
    logp = torch.log_softmax(logits[:, :-1], -1)
    return (-logp.gather(-1, x[:, 1:, None])[..., 0]).numpy()


def windows(stream: np.ndarray, context: int, bos: int, max_windows: int | None = None) -> np.ndarray:
    n = (len(stream)) // (context - 1)
    if max_windows is not None:
        n = min(n, max_windows)
    rows = np.empty((n, context), np.int64)
    for i in range(n):
        rows[i, 0] = bos
        rows[i, 1:] = stream[i * (context - 1):(i + 1) * (context - 1)]
    return rows


def perplexity(model, stream, context, bos, max_windows=None, batch=2, label=""):
    rows = windows(stream, context, bos, max_windows)
    total, count = 0.0, 0
    for i in range(0, len(rows), batch):
        nll = nll_rows(model, rows[i:i + batch])
        total += float(nll.sum())
        count += nll.size
        print(f"\r  {label} ppl: window {min(i + batch, len(rows))}/{len(rows)}", end="", file=sys.stderr)
    print(file=sys.stderr)
    return math.exp(total / count), count


def long_context(model, stream, bos, n_rows=32, context=2048, window=256, stride=128, score_from=1024):
    rows = windows(stream, context, bos, n_rows)
    full_total = win_total = 0.0
    count = 0
    for r, row in enumerate(rows):
        full = nll_rows(model, row[None])[0]  # full[p-1] is the NLL of row[p]
        full_total += float(full[score_from - 1:].sum())
        pieces = []
        for end in range(score_from, context, stride):  # score row[end:end+stride]
            start = end + stride - (window - 1)
            pieces.append(np.concatenate([[bos], row[start:end + stride]]))
        nll = nll_rows(model, np.stack(pieces))
        win_total += float(nll[:, -stride:].sum())
        count += context - score_from
        print(f"\r  long-context: row {r + 1}/{len(rows)}", end="", file=sys.stderr)
    print(file=sys.stderr)
    return math.exp(full_total / count), math.exp(win_total / count), count


def copy_probe(model, stream, bos, vocab, n_special, gaps=(512, 1024, 1536), span=200, trials=16, seed=7):
    rng = np.random.default_rng(seed)
    out = {}
    for gap in gaps:
        rows = []
        for _ in range(trials):
            s = int(rng.integers(0, len(stream) - gap))
            tokens = rng.integers(n_special, vocab, size=span)
            rows.append(np.concatenate([[bos], tokens, stream[s:s + gap], tokens]))
        nll = np.concatenate([nll_rows(model, np.stack(rows[i:i + 4])) for i in range(0, trials, 4)])
        # nll[:, p-1] scores token p. First occurrence: tokens 2..span; second: the last span-1 tokens.
        first = float(nll[:, 1:span].mean())
        second = float(nll[:, -(span - 1):].mean())
        out[str(gap)] = {"first_nll": round(first, 4), "second_nll": round(second, 4),
                         "ratio": round(second / first, 4)}
        print(f"  copy probe gap {gap}: first {first:.3f} second {second:.3f}", file=sys.stderr)
    return {"span": span, "trials": trials, "gaps": out}


def evaluate(checkpoint: str, heldout: str, wikitext: str | None, heldout_windows: int = 128,
             long_rows: int = 32) -> dict:
    t0 = time.time()
    torch.manual_seed(0)
    model, tok = load(checkpoint)
    cfg = model.config
    bos = cfg.bos_token_id
    context = cfg.max_position_embeddings
    n_special = sum(1 for t in tok.get_added_tokens_decoder().values() if t.special)
    held = token_stream(tok, heldout)
    res = {"context": context}
    ppl, n = perplexity(model, held, context, bos, heldout_windows, label="held-out")
    res["heldout"] = {"ppl": round(ppl, 3), "tokens_scored": n, "file": heldout.split("/")[-1]}
    full, win, n = long_context(model, held, bos, long_rows, context)
    res["long_context"] = {"ppl_full_context": round(full, 3), "ppl_window_256": round(win, 3),
                           "tokens_scored": n, "positions": [1024, context]}
    res["copy_probe"] = copy_probe(model, held, bos, cfg.vocab_size, n_special)
    if wikitext:
        wt = token_stream(tok, wikitext)
        ppl, n = perplexity(model, wt, context, bos, None, label="wikitext")
        res["wikitext2_test"] = {"ppl": round(ppl, 3), "tokens_scored": n}
    res["eval_seconds"] = round(time.time() - t0, 1)
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--heldout", required=True, help="held-out text file")
    ap.add_argument("--wikitext", help="WikiText-2 raw test file (optional)")
    ap.add_argument("--heldout-windows", type=int, default=128)
    ap.add_argument("--long-rows", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    print(json.dumps(evaluate(args.checkpoint, args.heldout, args.wikitext, args.heldout_windows, args.long_rows),
                     indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
