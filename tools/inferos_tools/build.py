"""Build the bundled model from nothing, with a fixed seed: corpus -> training -> export -> evaluation -> manifest.

    python -m inferos_tools.build --out ../models/inferos-tiny [--wikitext FILE] [--seed 1234]

(`tools/build-model.sh` sets up the Python environment and runs this.) Every step resumes: the corpus and
token streams are reused when present, training continues from its last checkpoint in tools/.work/train,
so an interrupted build picks up where it stopped. An existing checkpoint is only re-exported and
re-evaluated, unless --retrain.

Output: <out>/checkpoint (Hugging Face: config.json, model.safetensors, tokenizer.json, training.json),
<out>/onnx (the exported model directory, with heldout.txt: a slice of the held-out split for
`inferos eval`), <out>/manifest.json (sha256 of every file, config, training, perplexities).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import time

from .export import sha256

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "..", ".work")
HELDOUT_SLICE_BYTES = 64 * 1024


def heldout_slice(src: str, dst: str, limit: int = HELDOUT_SLICE_BYTES) -> None:
    """The first `limit` bytes of the held-out split, cut at a paragraph boundary."""
    with open(src, encoding="utf-8") as f:
        text = f.read(limit * 2)
    cut = text.rfind("\n\n", 0, limit)
    with open(dst, "w", encoding="utf-8") as f:
        f.write(text[:cut if cut > 0 else limit].strip() + "\n")


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def file_table(out: str) -> dict:
    """{path: {bytes, sha256}} of every file of the checkpoint and the exported model."""
    files = {}
    for d in (os.path.join(out, "checkpoint"), os.path.join(out, "onnx")):
        for name in sorted(os.listdir(d)):
            p = os.path.join(d, name)
            if os.path.isfile(p):
                files[os.path.relpath(p, out)] = {"bytes": os.path.getsize(p), "sha256": sha256(p)}
    return files


def reexport(out: str) -> dict:
    """Export onnx/ again from the checkpoint (after a change to the graph or the model format) and refresh
    the manifest's file list; its training and evaluation records (of the checkpoint) stay as they are."""
    from . import export

    onnx_dir = os.path.join(out, "onnx")
    export.export(os.path.join(out, "checkpoint"), onnx_dir, "inferos-tiny")
    with open(os.path.join(out, "manifest.json")) as f:
        manifest = json.load(f)
    manifest["files"] = file_table(out)
    manifest["total_bytes"] = sum(v["bytes"] for v in manifest["files"].values())
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    return manifest


def write_manifest(out: str, evaluation: dict) -> dict:
    ckpt = os.path.join(out, "checkpoint")
    with open(os.path.join(ckpt, "config.json")) as f:
        config = json.load(f)
    with open(os.path.join(ckpt, "training.json")) as f:
        training = json.load(f)
    corpus = {}
    corpus_json = os.path.join(WORK, "corpus", "corpus.json")
    if os.path.exists(corpus_json):
        with open(corpus_json) as f:
            corpus = json.load(f)
    files = file_table(out)
    manifest = {
        "name": "inferos-tiny",
        "description": "Llama-architecture decoder trained by tools/inferos_tools on Debian documentation text",
        "architecture": {k: config.get(k) for k in (
            "hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads", "num_key_value_heads",
            "head_dim", "max_position_embeddings", "vocab_size", "tie_word_embeddings")},
        "rope_theta": config.get("rope_theta") or (config.get("rope_parameters") or {}).get("rope_theta"),
        "parameters": training["parameters"],
        "corpus": {"sources": ["linux-doc-6.1", "python3.11-doc", "perl-doc"], **corpus,
                   "train_tokens": training["train_corpus_tokens"], "heldout_tokens": training["heldout_corpus_tokens"]},
        "training": training,
        "compute": {"cpu": cpu_model(), "cores": os.cpu_count(), "train_wall_s": training["wall_s"]},
        "evaluation": evaluation,
        "total_bytes": sum(v["bytes"] for v in files.values()),
        "files": files,
        "reproduce": "tools/build-model.sh --wikitext PATH/wikitext-2-raw-test.txt",
    }
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    return manifest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="model folder (checkpoint/, onnx/, manifest.json)")
    ap.add_argument("--wikitext", help="WikiText-2 raw test file, scored into the manifest")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--retrain", action="store_true",
                    help="train from scratch even when the checkpoint exists (clears tools/.work/train)")
    ap.add_argument("--reexport", action="store_true",
                    help="only export onnx/ again from the existing checkpoint (after a graph change) and refresh "
                         "the manifest's file list; training and evaluation records are kept")
    args = ap.parse_args(argv)
    if args.reexport:
        manifest = reexport(args.out)
        print(f"re-exported {args.out}/onnx; {manifest['total_bytes'] / 1e6:.1f} MB in {args.out}", file=sys.stderr)
        return 0
    from . import corpus, evaluate, export, train

    t0 = time.time()
    corpus_dir, train_dir = os.path.join(WORK, "corpus"), os.path.join(WORK, "train")
    ckpt, onnx_dir = os.path.join(args.out, "checkpoint"), os.path.join(args.out, "onnx")
    if not os.path.exists(os.path.join(corpus_dir, "train.txt")):
        print("== extracting the corpus", file=sys.stderr)
        if corpus.main(["--out", corpus_dir]) != 0:
            return 1
    if args.retrain:
        shutil.rmtree(train_dir, ignore_errors=True)
    if args.retrain or not os.path.exists(os.path.join(ckpt, "model.safetensors")):
        print("== training", file=sys.stderr)
        if train.main(["--corpus", corpus_dir, "--work", train_dir, "--out", ckpt, "--seed", str(args.seed),
                       "--threads", str(args.threads)]) != 0:
            return 1
    print("== exporting to ONNX", file=sys.stderr)
    export.export(ckpt, onnx_dir, "inferos-tiny")
    heldout_slice(os.path.join(corpus_dir, "heldout.txt"), os.path.join(onnx_dir, "heldout.txt"))
    print("== evaluating", file=sys.stderr)
    import torch

    torch.set_num_threads(args.threads)
    evaluation = evaluate.evaluate(ckpt, os.path.join(corpus_dir, "heldout.txt"), args.wikitext)
    manifest = write_manifest(args.out, evaluation)
    print(json.dumps(manifest["evaluation"], indent=2))
    print(f"== done in {time.time() - t0:.0f} s; {manifest['total_bytes'] / 1e6:.1f} MB in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
