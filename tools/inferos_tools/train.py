"""Train the bundled Infer-OS model: byte-level BPE tokenizer + a small Llama decoder with a copy curriculum.

One command, fixed seed, resumable:
    python -m inferos_tools.train --corpus .work/corpus --work .work/train --out ../models/inferos-tiny/checkpoint

Data path: corpus/train.txt -> tokenizer.json (BPE, 8192) -> uint16 token stream -> rows of
`seq_len` tokens that start with <|bos|>. A fraction of rows carries a span (random tokens or a text
passage) written twice, at a random distance, so that the model learns to copy from far back (induction);
the loss on the first occurrence of a random span is masked (it cannot be predicted). Phases grow the
sequence length 512 -> 1024 -> 2048 so that the last phase trains on the full context.

Every batch is drawn from an RNG seeded by (seed, step), so a resumed run sees the same data as an
uninterrupted one. Checkpoints (model, optimizer, step) go to --work every few minutes.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch

SPECIAL_TOKENS = ["<|bos|>", "<|eos|>", "<|pad|>", "<|system|>", "<|user|>", "<|assistant|>", "<|end|>"]
CHAT_TEMPLATE = (
    "{{ '<|bos|>' }}{% for m in messages %}{{ '<|' + m['role'] + '|>\n' + m['content'] + '<|end|>\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|assistant|>\n' }}{% endif %}"
)
VOCAB_SIZE = 8192
# (seq_len, batch, steps): about 8k tokens per step in every phase.
PHASES = [(512, 16, 600), (1024, 8, 400), (2048, 4, 600)]
COPY_FRACTION = 0.5
PEAK_LR = 2e-3
WARMUP = 100


def model_config(vocab_size: int):
    from transformers import LlamaConfig

    return LlamaConfig(
        vocab_size=vocab_size, hidden_size=256, intermediate_size=704, num_hidden_layers=6,
        num_attention_heads=4, num_key_value_heads=2, head_dim=64, max_position_embeddings=2048,
        rms_norm_eps=1e-5, rope_theta=10000.0, tie_word_embeddings=True, bos_token_id=0, eos_token_id=1,
        pad_token_id=2, attention_bias=False, mlp_bias=False,
    )


def train_tokenizer(corpus: str, out_path: str):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=VOCAB_SIZE, special_tokens=SPECIAL_TOKENS, min_frequency=2, show_progress=False,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
    )
    tok.train([os.path.join(corpus, "train.txt")], trainer)
    tok.save(out_path)
    return tok


def add_bos_post_processor(src: str, dst: str) -> None:
    """Save the tokenizer with a post-processor that prepends <|bos|>, as Llama tokenizers do, so that
    `encode(text, add_special_tokens=True)` gives the model's input in Python and in TypeScript alike."""
    from tokenizers import Tokenizer, processors

    tok = Tokenizer.from_file(src)
    tok.post_processor = processors.TemplateProcessing(
        single="<|bos|> $A", pair="<|bos|> $A <|bos|> $B", special_tokens=[("<|bos|>", 0)])
    tok.save(dst)


def tokenize_file(tok, path: str) -> np.ndarray:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # Encode paragraph-sized pieces in parallel; the pieces keep their separators so nothing is lost.
    pieces, step = [], 1 << 16
    start = 0
    while start < len(text):
        end = text.find("\n\n", start + step)
        end = len(text) if end < 0 else end + 2
        pieces.append(text[start:end])
        start = end
    ids = [np.asarray(e.ids, dtype=np.uint16) for e in tok.encode_batch(pieces)]
    return np.concatenate(ids)


def make_batch(stream: np.ndarray, step: int, seed: int, seq_len: int, batch: int, vocab: int, n_special: int):
    rng = np.random.default_rng([seed, step])
    x = np.empty((batch, seq_len), dtype=np.int64)
    labels = np.empty((batch, seq_len), dtype=np.int64)
    for b in range(batch):
        start = int(rng.integers(0, len(stream) - seq_len))
        row = stream[start:start + seq_len].astype(np.int64)
        row[0] = 0  # <|bos|>
        lab = row.copy()
        if rng.random() < COPY_FRACTION:
            span_len = int(rng.integers(16, min(256, seq_len // 4) + 1))
            random_span = rng.random() < 0.7
            if random_span:
                span = rng.integers(n_special, vocab, size=span_len)
            else:
                s = int(rng.integers(0, len(stream) - span_len))
                span = stream[s:s + span_len].astype(np.int64)
            max_gap = seq_len - 1 - 2 * span_len
            gap = int(rng.integers(0, max_gap))
            a = 1 + int(rng.integers(0, max_gap - gap + 1))
            b2 = a + span_len + gap
            row[a:a + span_len] = span
            row[b2:b2 + span_len] = span
            lab = row.copy()
            if random_span:
                lab[a:a + span_len] = -100
        lab[0] = -100
        x[b], labels[b] = row, lab
    return torch.from_numpy(x), torch.from_numpy(labels)


def lr_at(step: int, total: int) -> float:
    if step < WARMUP:
        return PEAK_LR * (step + 1) / WARMUP
    p = (step - WARMUP) / max(1, total - WARMUP)
    return PEAK_LR * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * p)))


@torch.no_grad()
def quick_eval(model, heldout: np.ndarray, seq_len: int, seed: int, vocab: int, n_special: int):
    """Held-out loss on 4 rows, and a copy probe: 200 random tokens, a text gap, the same tokens again."""
    model.eval()
    rng = np.random.default_rng([seed, 999])
    rows = []
    for _ in range(4):
        s = int(rng.integers(0, len(heldout) - seq_len))
        r = heldout[s:s + seq_len].astype(np.int64)
        r[0] = 0
        rows.append(r)
    x = torch.from_numpy(np.stack(rows))
    loss = model(input_ids=x, labels=x).loss.item()
    span, gap = 200, max(0, seq_len - 1 - 400 - 8)
    probe = []
    for _ in range(4):
        s = int(rng.integers(0, len(heldout) - gap))
        tokens = rng.integers(n_special, vocab, size=span)
        r = np.concatenate([[0], tokens, heldout[s:s + gap].astype(np.int64), tokens])
        probe.append(r)
    px = torch.from_numpy(np.stack(probe))
    logp = torch.log_softmax(model(input_ids=px).logits.float(), -1)
    nll = -logp[:, :-1].gather(-1, px[:, 1:, None])[..., 0]
    first = nll[:, 1:span].mean().item()
    second = nll[:, -span + 1:].mean().item()
    model.train()
    return loss, first, second, gap


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--work", required=True, help="scratch dir: token streams, resumable checkpoints, log")
    ap.add_argument("--out", required=True, help="Hugging Face checkpoint directory to write at the end")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0 = all phases)")
    args = ap.parse_args(argv)

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    os.makedirs(args.work, exist_ok=True)
    log = open(os.path.join(args.work, "train.log"), "a", buffering=1)

    def say(msg):
        line = f"[{time.strftime('%H:%M:%S')}] {msg}"
        print(line, flush=True)
        log.write(line + "\n")

    from tokenizers import Tokenizer
    from transformers import LlamaForCausalLM

    tok_path = os.path.join(args.work, "tokenizer.json")
    if not os.path.exists(tok_path):
        say("training tokenizer")
        train_tokenizer(args.corpus, tok_path)
    tok = Tokenizer.from_file(tok_path)
    streams = {}
    for split in ("train", "heldout"):
        p = os.path.join(args.work, f"{split}.u16")
        if not os.path.exists(p):
            say(f"tokenizing {split}")
            tokenize_file(tok, os.path.join(args.corpus, f"{split}.txt")).tofile(p)
        streams[split] = np.fromfile(p, dtype=np.uint16)
    say(f"tokens: train {len(streams['train'])}, heldout {len(streams['heldout'])}")

    cfg = model_config(tok.get_vocab_size())
    model = LlamaForCausalLM(cfg)
    model.config._attn_implementation = "sdpa"
    opt = torch.optim.AdamW(model.parameters(), lr=PEAK_LR, betas=(0.9, 0.95), weight_decay=0.1)
    total = sum(p[2] for p in PHASES)
    state = {"step": 0, "tokens_seen": 0, "wall_s": 0.0}
    ckpt = os.path.join(args.work, "resume.pt")
    if os.path.exists(ckpt):
        saved = torch.load(ckpt, weights_only=False)
        model.load_state_dict(saved["model"])
        opt.load_state_dict(saved["opt"])
        state = saved["state"]
        say(f"resumed at step {state['step']}")
    n_params = sum(p.numel() for p in model.parameters())
    say(f"parameters: {n_params}")

    def save_resume():
        tmp = ckpt + ".tmp"
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "state": state}, tmp)
        os.replace(tmp, ckpt)

    model.train()
    last_save = time.time()
    t_prev = time.time()
    phase_start = 0
    stop_at = args.max_steps or total
    for seq_len, batch, steps in PHASES:
        phase_end = phase_start + steps
        while state["step"] < min(phase_end, stop_at):
            step = state["step"]
            x, y = make_batch(streams["train"], step, args.seed, seq_len, batch, cfg.vocab_size, len(SPECIAL_TOKENS))
            for g in opt.param_groups:
                g["lr"] = lr_at(step, total)
            with torch.autocast("cpu", dtype=torch.bfloat16):
                loss = model(input_ids=x, labels=y).loss
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            now = time.time()
            state["wall_s"] += now - t_prev
            t_prev = now
            state["step"] += 1
            state["tokens_seen"] += x.numel()
            if step % 25 == 0:
                say(f"step {step}/{total} seq {seq_len} loss {loss.item():.3f} lr {lr_at(step, total):.2e} "
                    f"tok/s {state['tokens_seen'] / state['wall_s']:.0f}")
            if step % 200 == 0 or state["step"] == phase_end:
                l, f1, f2, gap = quick_eval(model, streams["heldout"], seq_len, args.seed, cfg.vocab_size,
                                            len(SPECIAL_TOKENS))
                say(f"eval step {step}: heldout loss {l:.3f} ppl {math.exp(l):.1f}; copy@{gap}: first {f1:.2f} second {f2:.2f}")
                t_prev = time.time()
            if time.time() - last_save > 300:
                save_resume()
                last_save = time.time()
        phase_start = phase_end
    save_resume()
    if state["step"] < total:
        say(f"stopped at step {state['step']} of {total} (--max-steps)")
        return 0

    os.makedirs(args.out, exist_ok=True)
    model.save_pretrained(args.out, safe_serialization=True)
    from transformers import PreTrainedTokenizerFast

    final_tok = os.path.join(args.work, "tokenizer.final.json")
    add_bos_post_processor(tok_path, final_tok)
    fast = PreTrainedTokenizerFast(tokenizer_file=final_tok, bos_token="<|bos|>", eos_token="<|eos|>",
                                   pad_token="<|pad|>", chat_template=CHAT_TEMPLATE)
    fast.save_pretrained(args.out)
    with open(os.path.join(args.out, "training.json"), "w") as f:
        json.dump({"seed": args.seed, "phases": [{"seq_len": s, "batch": b, "steps": n} for s, b, n in PHASES],
                   "copy_fraction": COPY_FRACTION, "peak_lr": PEAK_LR, "steps": state["step"],
                   "tokens_seen": state["tokens_seen"], "wall_s": round(state["wall_s"], 1),
                   "train_corpus_tokens": int(len(streams["train"])),
                   "heldout_corpus_tokens": int(len(streams["heldout"])), "parameters": n_params,
                   "threads": args.threads, "torch": torch.__version__}, f, indent=2)
    say(f"saved checkpoint to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
