"""Export a Hugging Face Llama-family checkpoint to an Infer-OS model directory.

    python -m inferos_tools.export --checkpoint DIR --out DIR [--weights auto|fp32|fp16|int8|int4]
        [--groups 32,64,128] [--max-context N] [--verify auto|yes|no] [--name NAME] [--attention native|graph]

What it writes (GRAPH.md and graph.py describe the graphs' interface, weights.py the weight types):
  model-s000.onnx ... model-sNNN.onnx      format 11 (the default): the model without attention, one graph
                                           per segment (graph.build_segment_graphs); the runtime attends
  model.onnx                               format 10 (--attention graph): one graph, attention inside
  model.weights                            the weights, written once (the graphs are small files)
  tokenizer.json, tokenizer_config.json    copied from the checkpoint
  golden.json, golden-logits.f32           the reference the runtime's tests compare against (below)
  inferos.json                             what the runtime needs to know, with every file's sha256

The checkpoint is checked completely before anything is written (checkpoint.py says what is accepted);
the directory is built beside --out and renamed into place only when the export has passed its checks, so
a failed export leaves nothing behind, and an existing --out is replaced only if it is a model directory.

The reference (golden.json): the last-position logits of a few fixed prompts and 64 greedy tokens each.
  fp32 weights: from PyTorch (fp32, eager attention); the graph must match its logits within the stated
      tolerance (the export fails otherwise), and its greedy tokens are compared and reported.
  fp16, int8, int4: from the same graph run by onnxruntime's Python package with a full-precision cache
      (those weights are what the runtime must be exact to); PyTorch's float model is compared and the
      difference reported (golden.json "pytorch"), which is the cost of the quantization, not a defect.
  --verify decides whether PyTorch runs at all (auto: when its float32 copy fits comfortably in memory).
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

from .checkpoint import Checkpoint, CheckpointError, open_checkpoint, rope_tables
from .graph import INT8_COPY_MIN_ROWS, OPSET, ModelWeights, build_graph, build_segment_graphs
from .weights import BLOCK, DEFAULT_BLOCK, WEIGHT_TYPES, WEIGHTS_FILE, WeightsWriter

FORMAT_VERSION = 10  # 10: head-major float tiers
# 11: the graph without attention (--attention native): the runtime attends between its segments
FORMAT_VERSION_NATIVE = 11
ATTENTION = ("graph", "native")
GOLDEN_PROMPTS = [
    "The kernel",
    "In Python, a list comprehension",
    "Perl is a highly capable, feature-rich programming language",
    "To configure the device driver, first",
    # Long enough (> 33 tokens with any tokenizer here) for a one-chunk prefill to take the graph's
    # prefill path, so the golden tests check it against the reference too.
    "The scheduler decides which task runs next on each processor. It keeps a queue of runnable tasks per "
    "CPU, weighs them by priority and by how long they have waited, and moves tasks between queues when "
    "one processor is idle while another is busy. To see what it does, read",
]
GOLDEN_TOKENS = 64
# Graph against PyTorch, fp32 weights: max |logit difference| relative to the largest |logit|.
RELATIVE_TOLERANCE = 1e-4
LOGITS_TOLERANCE = 1e-3  # absolute floor
# Checkpoints of at least this many parameters default to --weights int4: at that size decode reads the
# weights once per token and 4-bit weights read ~6x less (docs/models.md, "Weights").
AUTO_INT4_PARAMETERS = 100_000_000
GROUP_SIZES = (32, 64, 128)
# Steps of at least this many new tokens take the graph's prefill path: the decode path's block-diagonal
# queries cost kv_heads times the arithmetic over quantized tiers, which matters only for many queries. At
# 32 and below (decode, the 32-token steps of `eval ppl` and of a prompt's end) the decode path runs.
PREFILL_MIN_TOKENS = 33
DEFAULT_GROUP = 64


class Progress:
    """One line on stderr, rewritten at most every 0.2 s: what is done of a total, rate, and time left."""

    def __init__(self, label: str, total: float, unit: str = "MB", scale: float = 1e6):
        self.label, self.total, self.unit, self.scale = label, total, unit, scale
        self.done, self.t0, self.shown = 0.0, time.time(), 0.0
        self.tty = sys.stderr.isatty()

    def __call__(self, n: float):
        self.done += n
        now = time.time()
        if now - self.shown >= (0.2 if self.tty else 5.0) or self.done >= self.total:
            self.shown = now
            frac = min(1.0, self.done / self.total) if self.total else 1.0
            bar = "#" * int(frac * 30)
            rate = self.done / max(now - self.t0, 1e-9)
            left = (self.total - self.done) / rate if rate > 0 else 0
            line = (f"{self.label} [{bar:<30}] {frac * 100:5.1f}% {self.done / self.scale:,.0f}/"
                    f"{self.total / self.scale:,.0f} {self.unit} {rate / self.scale:,.1f} {self.unit}/s, {left:,.0f} s left")
            print(("\r" + line) if self.tty else line, end="" if self.tty else "\n", file=sys.stderr, flush=True)
            if self.tty and self.done >= self.total:
                print(file=sys.stderr)
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
            feeds[f"past_{kind}_f16.{i}"] = np.zeros((1, kv, 0, d), np.float16)
        for t, packed in (("i8", d), ("i4", d // 2)):
            feeds[f"past_key_{t}.{i}"] = np.zeros((1, 0, kv, d) if t == "i8" else (1, 0, kv * d // 2), np.uint8)
            feeds[f"past_key_{t}_scale.{i}"] = np.zeros((1, 0, kv, d), np.float16)
            feeds[f"past_key_{t}_zero.{i}"] = np.zeros((1, 0, kv, d), np.uint8)
            feeds[f"past_value_{t}.{i}"] = np.zeros((1, 0, kv * packed), np.uint8)
            feeds[f"past_value_{t}_scale.{i}"] = np.zeros((1, 0, kv * d // group), np.float16)
            feeds[f"past_value_{t}_zero.{i}"] = np.zeros((1, 0, kv * d // group), np.uint8)
    return feeds


def prefill_then_greedy(step, ids, chunk, greedy):
    """A reference run: `ids` fed in chunks of `chunk` tokens (all at once by default), then `greedy`
    greedy tokens; step(piece, n_past) runs one step and returns its last position's logits. Returns
    (the prompt's last logits, the greedy tokens)."""
    chunk = chunk or len(ids)
    for start in range(0, len(ids), chunk):
        logits = step(ids[start:start + chunk], start)
    last, tokens, n = logits.copy(), [], len(ids)
    for _ in range(greedy):
        tokens.append(int(np.argmax(logits)))
        logits = step([tokens[-1]], n)
        n += 1
    return last, tokens


class OrtReference:
    """The exported graph run by onnxruntime's Python package with a full-precision cache of its own: the
    reference for weights PyTorch does not have (int8, int4), and the check of the graph against PyTorch."""

    def __init__(self, onnx_path, dims, group):
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.log_severity_level = 3
        self.sess = ort.InferenceSession(onnx_path, opts, providers=["CPUExecutionProvider"])
        self.dims, self.empty = dims, empty_tiers(dims, group)
        self.names = ["logits"] + [f"present_{k}.{i}" for i in range(dims["n_layers"]) for k in ("key", "value")]
        # As the runtime prefills: the LM head for each chunk's last position only.
        self.last_only = "logits_from" in {i.name for i in self.sess.get_inputs()}

    def run(self, ids, chunk=None, greedy=0):
        """Last-position logits of `ids` fed in chunks of `chunk` tokens, then `greedy` greedy tokens."""
        d = self.dims
        past = {f"past_{k}.{i}": np.zeros((1, d["n_kv"], 0, d["head_dim"]), np.float32)  # head-major
                for i in range(d["n_layers"]) for k in ("key", "value")}

        def step(piece, n_past):
            feeds = {**self.empty, **past}
            feeds["input_ids"] = np.array([piece], np.int64)
            feeds["position_ids"] = np.arange(n_past, n_past + len(piece), dtype=np.int64)[None]
            if self.last_only:
                feeds["logits_from"] = np.array([len(piece) - 1], np.int64)
            for i in range(d["n_layers"]):
                feeds[f"past_valid.{i}"] = np.array([[n_past, 0, 0, 0]], np.int64)
            res = dict(zip(self.names, self.sess.run(self.names, feeds)))
            for name in past:
                past[name] = np.concatenate([past[name], res[name.replace("past_", "present_")].transpose(0, 2, 1, 3)], axis=2)
            return res["logits"][0, -1]

        return prefill_then_greedy(step, ids, chunk, greedy)


class LayersReference:
    """The same for a model without attention in its graphs (format 11, build_segment_graphs): onnxruntime
    runs the segments, and NumPy attends between them over a full-precision cache in float64, rounding the
    context to float32 once, as the runtime's kernel does for the exact cache (libs/attention): the two
    agree bit for bit but in ~1 of 10^7 values, so the greedy tokens of 4-bit weights agree too."""

    def __init__(self, model_dir, dims, scale):
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.log_severity_level = 3
        self.sess = [ort.InferenceSession(os.path.join(model_dir, segment_file(s)), opts, providers=["CPUExecutionProvider"])
                     for s in range(dims["n_layers"] + 1)]
        self.dims, self.scale = dims, float(scale)  # a Python float: the scores are scaled in float64

    def attend(self, q, k, v):
        """q [T, H*D] against keys/values k, v [kv, P + T, D] (the last T new, causal among themselves).

        In float64 throughout, rounded to float32 at the end: the runtime's kernel (libs/attention, its exact
        path for a cache held in float32 only) computes the same in double, so both round to the same float32
        context and greedy decoding matches token for token (a 1-ulp difference here flips int8 activation
        roundings in MatMulNBits downstream)."""
        d = self.dims
        t, rep, hd = q.shape[0], d["n_heads"] // d["n_kv"], d["head_dim"]
        total = k.shape[1]
        past = total - t
        q, k, v = (np.asarray(x, np.float32).astype(np.float64) for x in (q, k, v))
        qh = q.reshape(t, d["n_kv"], rep, hd).transpose(1, 2, 0, 3)  # [kv, rep, T, D]
        s = np.einsum("hrtd,hpd->hrtp", qh, k) * np.float64(self.scale)
        visible = np.arange(total)[None, :] <= (past + np.arange(t))[:, None]  # [T, P + T]
        s = np.where(visible, s, -np.inf)
        s = np.exp(s - s.max(axis=-1, keepdims=True))
        p = s / s.sum(axis=-1, keepdims=True)
        ctx = np.einsum("hrtp,hpd->thrd", p, v)  # [T, kv, rep, D]
        return ctx.reshape(1, t, -1).astype(np.float32)

    def run(self, ids, chunk=None, greedy=0):
        """As OrtReference.run."""
        d = self.dims
        keys = [np.zeros((d["n_kv"], 0, d["head_dim"]), np.float32) for _ in range(d["n_layers"])]
        values = [np.zeros_like(k) for k in keys]

        def step(piece, n_past):
            t = len(piece)
            feeds = {"input_ids": np.array([piece], np.int64),
                     "position_ids": np.arange(n_past, n_past + t, dtype=np.int64)[None],
                     "logits_from": np.array([t - 1], np.int64)}
            for s, sess in enumerate(self.sess):
                outs = sess.run(None, {i.name: feeds[i.name] for i in sess.get_inputs()})
                if s == d["n_layers"]:
                    return outs[0][0, -1]
                q, k, v, hidden = outs
                keys[s] = np.concatenate([keys[s], k[0].transpose(1, 0, 2)], axis=1)
                values[s] = np.concatenate([values[s], v[0].transpose(1, 0, 2)], axis=1)
                feeds["hidden_in"], feeds["attn_in"] = hidden, self.attend(q[0], keys[s], values[s])

        return prefill_then_greedy(step, ids, chunk, greedy)


def make_reference(onnx_path, dims, group):
    """The reference runner for the graph at onnx_path: with attention inside (OrtReference) or without
    (LayersReference, when dims has attention == "native")."""
    if dims.get("attention") == "native":
        return LayersReference(os.path.dirname(onnx_path), dims, dims["softmax_scale"])
    return OrtReference(onnx_path, dims, group)


def sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


GRAPH_FILE = "model.onnx"


def segment_file(s: int) -> str:
    """Format 11: segment s's graph (see graph.build_segment_graphs)."""
    return f"model-s{s:03d}.onnx"


def default_group_of(usable) -> int:
    return DEFAULT_GROUP if DEFAULT_GROUP in usable else usable[0]


def write_graph(ckpt: Checkpoint, wtype: str, out: str, groups=GROUP_SIZES, block: int = BLOCK, int8_copy: bool = False,
                attention: str = "graph"):
    """The model's graphs (format 11: one per segment; format 10: one graph whose paths for every group size
    in `groups` that divides the KV rows, prefill and decode, are chosen inside it), its weights written to
    one file as they are built. Returns (groups, dims, bytes)."""
    channels = ckpt.n_kv * ckpt.head_dim
    usable = tuple(g for g in groups if channels % g == 0)
    if not usable:
        raise CheckpointError(f"KV rows of {channels} channels (num_key_value_heads x head_dim) fit none of the "
                              f"group sizes {', '.join(map(str, groups))}")
    rope = rope_tables(ckpt)
    progress = Progress(f"writing {wtype} weights", sum(t.end - t.start for t in ckpt.tensors.values()))
    reader = ckpt.read

    def read(name):  # count checkpoint bytes as they are consumed
        arr = reader(name)
        t = ckpt.tensors[name]
        progress(t.end - t.start)
        return arr

    ckpt.read = read
    writer = WeightsWriter(out)
    try:
        mw = ModelWeights(ckpt, writer, wtype, block, int8_copy)
        if attention == "native":
            files = [segment_file(s) for s in range(ckpt.n_layers + 1)]
            for f, proto in zip(files, build_segment_graphs(ckpt, mw, rope)):
                onnx.save_model(proto, os.path.join(out, f))
        else:
            files = [GRAPH_FILE]
            proto = build_graph(ckpt, mw, rope, usable, PREFILL_MIN_TOKENS, default_group_of(usable))
            onnx.save_model(proto, os.path.join(out, GRAPH_FILE))
    finally:
        ckpt.read = reader
        size = writer.close()
    for f in files:
        onnx.checker.check_model(os.path.join(out, f))  # by path: external data resolved beside it
    what = f"{len(files)} segment graphs ({files[0]} ...)" if attention == "native" else GRAPH_FILE
    print(f"wrote {what} (KV group sizes {', '.join(map(str, usable))}) and {WEIGHTS_FILE} ({size / 1e6:,.1f} MB)",
          file=sys.stderr)
    dims = dict(n_layers=ckpt.n_layers, n_heads=ckpt.n_heads, n_kv=ckpt.n_kv, head_dim=ckpt.head_dim,
                softmax_scale=float(rope[2]))
    return usable, dims, size


def available_memory() -> int:
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def load_torch(path: str):
    import torch
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32, attn_implementation="eager")
    model.eval()
    return model


def reference(ckpt: Checkpoint, wtype: str, onnx_path: str, dims: dict, group: int, verify: str, tok) -> dict:
    """The golden data (see the module's docstring): cases, logits, tolerance, source, PyTorch comparison."""
    ids = [tok.encode(p, add_special_tokens=True).ids for p in GOLDEN_PROMPTS]
    print("running the exported graph with onnxruntime (reference outputs)", file=sys.stderr)
    ort_ref = make_reference(onnx_path, dims, group)
    ort_out = [ort_ref.run(i, greedy=GOLDEN_TOKENS) for i in ids]
    # The runtime feeds prompts in chunks. How much chunking alone moves the logits with these weights:
    # float32 products round differently by a few ulps; int8/int4 weights quantize their activations to
    # int8 (accuracy_level 4), where an ulp can flip a rounding (measured up to 0.08 on logits of 5.6).
    chunk_diff = max(float(np.abs(o[0] - ort_ref.run(i, chunk=c)[0]).max()) for c in (1, 3) for o, i in zip(ort_out, ids))
    scale = max(float(np.abs(o[0]).max()) for o in ort_out)
    need = 4 * ckpt.parameters
    run_torch = verify == "yes" or (verify == "auto" and need < 0.5 * available_memory())
    result = {"cases": [{"prompt": p, "prompt_ids": i, "greedy": o[1]} for p, i, o in zip(GOLDEN_PROMPTS, ids, ort_out)],
              "logits": [o[0] for o in ort_out], "ort_chunking_max_abs_diff": chunk_diff}
    if not run_torch:
        print(f"skipping the PyTorch comparison (--verify {verify}; its float32 model needs {need / 1e9:.1f} GB)",
              file=sys.stderr)
        tol = max(LOGITS_TOLERANCE, 2 * chunk_diff)
        result.update(source=f"onnxruntime {wtype} (Python), the exported graph; PyTorch not run (--verify {verify})",
                      tolerance=tol, pytorch=None)
        return result
    print("computing PyTorch outputs (fp32, eager attention)", file=sys.stderr)
    model = load_torch(ckpt.path)
    torch_out = torch_golden(model, tok, GOLDEN_PROMPTS)
    del model
    diff = max(float(np.abs(o[0] - t["last_logits"]).max()) for o, t in zip(ort_out, torch_out))
    agree = [next((k for k, (a, b) in enumerate(zip(o[1], t["greedy"])) if a != b), GOLDEN_TOKENS)
             for o, t in zip(ort_out, torch_out)]
    comparison = {"max_abs_logit_diff": diff, "max_abs_logit": scale,
                  "greedy_tokens_equal_before_first_difference": agree}
    print(f"onnxruntime vs PyTorch: max |logit diff| {diff:.2e} (largest |logit| {scale:.1f}); greedy equal for "
          f"{'/'.join(map(str, agree))} of {GOLDEN_TOKENS} tokens", file=sys.stderr)
    if wtype == "fp32":
        tol = max(LOGITS_TOLERANCE, RELATIVE_TOLERANCE * scale)
        if not diff <= tol:
            raise SystemExit(f"error: the exported graph disagrees with PyTorch: max |logit diff| {diff:.3g} > {tol:.3g}")
        result.update(source="PyTorch fp32, eager attention, greedy", tolerance=tol, pytorch=comparison,
                      cases=[{"prompt": t["prompt"], "prompt_ids": t["prompt_ids"], "greedy": t["greedy"]} for t in torch_out],
                      logits=[t["last_logits"] for t in torch_out])
        if min(agree) < GOLDEN_TOKENS:
            print("warning: greedy tokens differ from PyTorch's (a near-tie in float rounding, or a defect); the "
                  "golden keeps PyTorch's tokens", file=sys.stderr)
    else:
        tol = max(LOGITS_TOLERANCE, 2 * chunk_diff)
        result.update(source=f"onnxruntime {wtype} (Python), the exported graph with a full-precision cache",
                      tolerance=tol, pytorch=comparison)
    return result


def prepare_out(out: str) -> str:
    """A fresh directory beside `out` to build in; `out` itself must be absent, empty or a model directory."""
    out = os.path.abspath(out)
    if os.path.exists(out):
        if not os.path.isdir(out):
            raise CheckpointError(f"--out {out} exists and is not a directory")
        if os.listdir(out) and not os.path.isfile(os.path.join(out, "inferos.json")):
            raise CheckpointError(f"--out {out} is not empty and not a model directory; choose another --out")
    parent = os.path.dirname(out)
    os.makedirs(parent, exist_ok=True)
    work = os.path.join(parent, f".{os.path.basename(out)}.partial-{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    return work


def export(checkpoint: str, out: str, name: str | None = None, weights: str = "auto", groups=GROUP_SIZES,
           max_context: int | None = None, verify: str = "auto", block: int | None = None, int8_copy: bool = False,
           attention: str = "native") -> dict:
    t0 = time.time()
    ckpt = open_checkpoint(checkpoint, max_context)
    wtype = weights if weights != "auto" else ("int4" if ckpt.parameters >= AUTO_INT4_PARAMETERS else "fp32")
    if wtype not in WEIGHT_TYPES:
        raise CheckpointError(f"--weights {weights}: expected auto, {', '.join(WEIGHT_TYPES)}")
    block = block or DEFAULT_BLOCK.get(wtype, BLOCK)
    if int8_copy and wtype != "int4":
        raise CheckpointError(f"--int8-copy is for int4 weights (the weights here are {wtype})")
    if attention not in ATTENTION:
        raise CheckpointError(f"--attention {attention}: expected one of {', '.join(ATTENTION)}")
    print(f"{checkpoint}: {ckpt.model_type}, {ckpt.parameters / 1e6:,.1f}M parameters, {ckpt.n_layers} layers, "
          f"{ckpt.n_heads} heads / {ckpt.n_kv} KV heads of {ckpt.head_dim}, RoPE {ckpt.rope_type}, "
          f"{'tied' if ckpt.tied else 'untied'} embeddings; weights {wtype}, context {ckpt.max_positions}", file=sys.stderr)
    work = prepare_out(out)
    try:
        final = os.path.abspath(out)
        meta = _export_into(ckpt, wtype, work, name, groups, verify, t0, final, block, int8_copy, attention)
        backup = f"{work}.old"
        if os.path.exists(final):
            os.rename(final, backup)  # the previous export stays until the new one is in place
        try:
            os.rename(work, final)
        except BaseException:
            if os.path.exists(backup):
                os.rename(backup, final)
            raise
        shutil.rmtree(backup, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    print(f"exported to {final} in {meta['export_seconds']} s", file=sys.stderr)
    return meta


def _export_into(ckpt: Checkpoint, wtype: str, out: str, name, groups, verify: str, t0, previous: str,
                 block: int = BLOCK, int8_copy: bool = False, attention: str = "native") -> dict:
    from tokenizers import Tokenizer

    checkpoint = ckpt.path
    usable, dims, weights_bytes = write_graph(ckpt, wtype, out, groups, block, int8_copy, attention)
    dims["attention"] = attention
    default_group = default_group_of(usable)
    onnx_path = os.path.join(out, GRAPH_FILE if attention == "graph" else segment_file(0))
    tok_src = os.path.join(checkpoint, "tokenizer.json")
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
    # A held-out text slice (the bundled model's, for `eval ppl`) comes from the checkpoint, or stays from
    # the model directory this export replaces.
    for src in (checkpoint, previous):
        if src and os.path.isfile(os.path.join(src, "heldout.txt")):
            shutil.copyfile(os.path.join(src, "heldout.txt"), os.path.join(out, "heldout.txt"))
            break

    tok = Tokenizer.from_file(tok_src)
    ref = reference(ckpt, wtype, onnx_path, dims, default_group, verify, tok)
    np.stack(ref["logits"]).astype("<f4").tofile(os.path.join(out, "golden-logits.f32"))
    with open(os.path.join(out, "golden.json"), "w") as f:
        json.dump({"source": ref["source"], "logits_file": "golden-logits.f32",
                   "logits_tolerance_max_abs": ref["tolerance"], "pytorch": ref["pytorch"],
                   "ort_chunking_max_abs_diff": ref["ort_chunking_max_abs_diff"],
                   "cases": ref["cases"]}, f, indent=1)

    cfg = ckpt.config
    eos = cfg.get("eos_token_id")
    eos = eos if isinstance(eos, list) else [eos]
    meta = {
        "format": "inferos-onnx",
        "format_version": FORMAT_VERSION_NATIVE if attention == "native" else FORMAT_VERSION,
        "name": name or os.path.basename(os.path.normpath(checkpoint)),
        "architecture": ckpt.model_type,
        "vocab_size": ckpt.vocab,
        "hidden_size": ckpt.hidden,
        "num_layers": dims["n_layers"],
        "num_attention_heads": dims["n_heads"],
        "num_kv_heads": dims["n_kv"],
        "head_dim": dims["head_dim"],
        "max_position_embeddings": ckpt.max_positions,
        "trained_context": ckpt.trained_positions,
        "rope_type": ckpt.rope_type,
        "tie_word_embeddings": ckpt.tied,
        "parameters": ckpt.parameters,
        "weights": {"type": wtype, "block_size": block if wtype in ("int4", "int8") else None, "bytes": weights_bytes,
                    "int8_copy": int8_copy, "int8_copy_min_rows": INT8_COPY_MIN_ROWS if int8_copy else None},
        "bos_token_id": cfg.get("bos_token_id"),
        "eos_token_ids": [e for e in eos if e is not None],
        "chat_template": chat_template,
        "graph": {"file": GRAPH_FILE if attention == "graph" else segment_file(0),
                  **({"segments": [segment_file(s) for s in range(dims["n_layers"] + 1)]} if attention == "native" else {}),
                  "group_sizes": list(usable), "prefill_min_tokens": PREFILL_MIN_TOKENS,
                  "default_group": default_group, "attention": attention, "softmax_scale": dims["softmax_scale"],
                  "weights": WEIGHTS_FILE, "opset": OPSET, "kv_dtype": "float32",
                  "kv_tiers": ["f32", "f16", "i8", "i4"],
                  "kv_layout": "[batch, tokens, kv_heads, head_dim]", "keys": "after RoPE",
                  # Format 11: each segment's (GRAPH.md); prefill_min_tokens is format 10's path choice.
                  "outputs": (["q", "k", "v", "hidden_out", "logits"] if attention == "native" else
                              ["logits", "present_key.L", "present_value.L", "attn_mass.L"])},
        "tokenizer": "tokenizer.json",
        "golden": "golden.json",
        "export_seconds": round(time.time() - t0, 1),
        "sha256": {},
    }
    for fname in sorted(os.listdir(out)):
        if fname != "inferos.json" and os.path.isfile(os.path.join(out, fname)):
            meta["sha256"][fname] = sha256(os.path.join(out, fname))
    with open(os.path.join(out, "inferos.json"), "w") as f:
        json.dump(meta, f, indent=2)
    return meta



def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True, help="Hugging Face checkpoint directory (Llama, Mistral, Qwen2)")
    ap.add_argument("--out", required=True, help="directory for the graph, weights, tokenizer.json, inferos.json")
    ap.add_argument("--name", help="model name reported by the runtime (default: the checkpoint folder's name)")
    ap.add_argument("--weights", default="auto", choices=("auto",) + WEIGHT_TYPES,
                    help=f"weight type (default auto: int4 from {AUTO_INT4_PARAMETERS / 1e6:.0f}M parameters, else fp32)")
    ap.add_argument("--groups", default=",".join(map(str, GROUP_SIZES)),
                    help="KV quantization group sizes the graph serves (default 32,64,128)")
    ap.add_argument("--block-size", type=int, choices=(32, 64, 128),
                    help="weights per int4/int8 block (default: 128 for int4, the fewest bytes per token; 32 for int8)")
    ap.add_argument("--int8-copy", action="store_true",
                    help=f"int4 only: also store the projections as int8 (+1 byte per weight) for runs of at least "
                         f"{INT8_COPY_MIN_ROWS} rows (prompt chunks, batched decode steps): several times faster there "
                         f"on CPUs with AMX or AVX-512 VNNI (README, 'Weight types')")
    ap.add_argument("--attention", default="native", choices=ATTENTION,
                    help="native (default): the graph without attention, which the runtime computes over the stored KV "
                         "tiers in place (format 11); graph: attention inside the ONNX graph (format 10, legacy)")
    ap.add_argument("--max-context", type=int, help="cap the positions the graph covers (default: the model's)")
    ap.add_argument("--verify", default="auto", choices=("auto", "yes", "no"),
                    help="compare against PyTorch (auto: when its float32 model fits in half the free memory)")
    args = ap.parse_args(argv)
    try:
        groups = tuple(int(x) for x in args.groups.split(","))
    except ValueError:
        ap.error(f"--groups {args.groups}: expected sizes like 32,64,128")
    if any(g not in GROUP_SIZES for g in groups):
        ap.error(f"--groups {args.groups}: each size must be one of {GROUP_SIZES}")
    if args.max_context is not None and args.max_context < 256:
        ap.error("--max-context must be at least 256 (the export's reference runs prompts of up to ~60 tokens "
                 f"and {GOLDEN_TOKENS} greedy tokens)")
    export(args.checkpoint, args.out, args.name, args.weights, groups, args.max_context, args.verify, args.block_size, args.int8_copy,
           args.attention)
    return 0


if __name__ == "__main__":
    sys.exit(main())
