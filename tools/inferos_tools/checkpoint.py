"""A Hugging Face checkpoint directory, checked before any work and read one tensor at a time.

What is accepted (anything else is refused with a message that names it, before anything is written):
  architectures  LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM (model_type llama, mistral, qwen2)
  weights        model.safetensors, or shards listed by model.safetensors.index.json; F32, F16 or BF16
  attention      grouped-query attention of any ratio, any head_dim (Mistral's 128 included), bias on any
                 projection (Qwen2's q/k/v), tied or untied embeddings
  RoPE           default, linear, llama3 (Llama 3.x), yarn: types whose tables do not depend on the
                 sequence length (dynamic and longrope do, and are refused)
  activation     silu
  tokenizer      tokenizer.json (a Hugging Face fast tokenizer)

Every tensor the graph needs is looked up in the safetensors headers, with its shape, before the export
starts; a header whose data runs past the end of its file (a truncated download) is refused. Tensors are
read through a memory map, one at a time, and converted to float32 only while they are being written:
peak memory stays near the largest tensor, not the model.
"""
from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass, field

import numpy as np

ARCHITECTURES = {"llama": "LlamaForCausalLM", "mistral": "MistralForCausalLM", "qwen2": "Qwen2ForCausalLM"}
ROPE_TYPES = ("default", "linear", "llama3", "yarn")
DTYPES = {"F32": np.float32, "F16": np.float16, "BF16": np.uint16}  # BF16 read as raw 16-bit words


class CheckpointError(SystemExit):
    """A checkpoint this exporter cannot take; the message says what and why."""

    def __init__(self, msg: str):
        super().__init__(f"error: {msg}")


@dataclass
class TensorRef:
    file: str
    dtype: str
    shape: tuple[int, ...]
    start: int  # absolute byte offset of the data in the file
    end: int


@dataclass
class Checkpoint:
    path: str
    config: dict
    model_type: str
    n_layers: int
    hidden: int
    n_heads: int
    n_kv: int
    head_dim: int
    intermediate: int
    vocab: int
    eps: float
    tied: bool
    rope_type: str
    max_positions: int  # positions the exported graph covers (see context)
    trained_positions: int
    tensors: dict[str, TensorRef] = field(repr=False, default_factory=dict)

    @property
    def parameters(self) -> int:
        names = [n for n in self.tensors if not (self.tied and n == "lm_head.weight")]
        return int(sum(int(np.prod(self.tensors[n].shape)) for n in names))

    def has(self, name: str) -> bool:
        return name in self.tensors

    def shape(self, name: str) -> tuple[int, ...]:
        return self.tensors[name].shape

    def read(self, name: str) -> np.ndarray:
        """The tensor as float32 (a fresh array; the file stays mapped only while it is converted)."""
        ref = self.tensors[name]
        raw = np.memmap(ref.file, dtype=DTYPES[ref.dtype], mode="r", offset=ref.start, shape=ref.shape)
        if ref.dtype == "BF16":
            out = (raw.astype(np.uint32) << 16).view(np.float32)
        else:
            out = np.array(raw, dtype=np.float32)
        del raw
        return out

    def hf_config(self):
        """The transformers config object (for the RoPE tables and the PyTorch reference)."""
        from transformers import AutoConfig

        return AutoConfig.from_pretrained(self.path)


def _read_header(path: str) -> dict[str, TensorRef]:
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        head = f.read(8)
        if len(head) < 8:
            raise CheckpointError(f"{path}: not a safetensors file (shorter than its header)")
        (n,) = struct.unpack("<Q", head)
        if n > min(size - 8, 100 << 20):
            raise CheckpointError(f"{path}: not a safetensors file (header length {n} past the file's {size} bytes)")
        try:
            header = json.loads(f.read(n))
        except ValueError as err:
            raise CheckpointError(f"{path}: not a safetensors file (header is not JSON: {err})") from None
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        begin, end = t["data_offsets"]
        if 8 + n + end > size:
            raise CheckpointError(f"{path}: truncated: tensor {name} ends at byte {8 + n + end}, the file has {size} "
                                  "(an interrupted download? fetch the file again)")
        size_of = {"F32": 4, "F16": 2, "BF16": 2}.get(t["dtype"])
        if size_of and end - begin != size_of * int(np.prod(t["shape"], dtype=np.int64)):
            raise CheckpointError(f"{path}: tensor {name}: {end - begin} bytes for shape {t['shape']} {t['dtype']}")
        out[name] = TensorRef(path, t["dtype"], tuple(t["shape"]), 8 + n + begin, 8 + n + end)
    return out


def _rope_type(cfg: dict) -> str:
    rope = cfg.get("rope_parameters") or cfg.get("rope_scaling") or {}
    return rope.get("rope_type") or rope.get("type") or "default"


def open_checkpoint(path: str, max_context: int | None = None) -> Checkpoint:
    """Check everything the export needs and index the tensors; raise CheckpointError on anything else."""
    if not os.path.isdir(path):
        raise CheckpointError(f"--checkpoint {path}: not a directory")
    cfg_path = os.path.join(path, "config.json")
    if not os.path.isfile(cfg_path):
        raise CheckpointError(f"{path} is not a Hugging Face checkpoint (no config.json)")
    with open(cfg_path) as f:
        try:
            cfg = json.load(f)
        except ValueError as err:
            raise CheckpointError(f"{cfg_path}: not valid JSON ({err})") from None
    mt = cfg.get("model_type")
    if mt not in ARCHITECTURES:
        raise CheckpointError(f"{path}: model_type '{mt}' is not supported; supported: "
                              f"{', '.join(f'{k} ({v})' for k, v in ARCHITECTURES.items())}")
    archs = cfg.get("architectures") or [ARCHITECTURES[mt]]
    if archs[0] != ARCHITECTURES[mt]:
        raise CheckpointError(f"{path}: architecture {archs[0]} is not supported (only the causal LM "
                              f"{ARCHITECTURES[mt]} of model_type {mt})")
    if cfg.get("quantization_config"):
        method = cfg["quantization_config"].get("quant_method", "?")
        raise CheckpointError(f"{path}: the checkpoint is already quantized ({method}); export its float "
                              "checkpoint (F32, F16 or BF16) and choose --weights")
    act = cfg.get("hidden_act", "silu")
    if act != "silu":
        raise CheckpointError(f"{path}: hidden_act '{act}' is not supported (only silu)")
    rope = _rope_type(cfg)
    if rope not in ROPE_TYPES:
        raise CheckpointError(f"{path}: RoPE type '{rope}' is not supported (supported: {', '.join(ROPE_TYPES)}; "
                              "dynamic and longrope change with the sequence length)")
    if (cfg.get("pretraining_tp") or 1) > 1:
        raise CheckpointError(f"{path}: pretraining_tp {cfg['pretraining_tp']} > 1 is not supported")
    layer_types = cfg.get("layer_types") or []
    if mt == "qwen2" and (cfg.get("use_sliding_window") or any(t != "full_attention" for t in layer_types)):
        raise CheckpointError(f"{path}: Qwen2 with sliding-window layers is not supported (use_sliding_window)")
    if not os.path.isfile(os.path.join(path, "tokenizer.json")):
        raise CheckpointError(f"{path} has no tokenizer.json (a Hugging Face fast tokenizer is required)")

    for key in ("hidden_size", "num_hidden_layers", "num_attention_heads", "vocab_size", "intermediate_size"):
        if not isinstance(cfg.get(key), int):
            raise CheckpointError(f"{cfg_path}: \"{key}\" is missing or not an integer")
    hidden, n_layers = int(cfg["hidden_size"]), int(cfg["num_hidden_layers"])
    n_heads = int(cfg["num_attention_heads"])
    n_kv = int(cfg.get("num_key_value_heads") or n_heads)
    head_dim = int(cfg.get("head_dim") or hidden // n_heads)
    if n_heads % n_kv:
        raise CheckpointError(f"{path}: num_attention_heads {n_heads} is not a multiple of num_key_value_heads {n_kv}")
    if head_dim % 2:
        raise CheckpointError(f"{path}: head_dim {head_dim} is odd (RoPE rotates pairs of channels)")
    trained = int(cfg.get("max_position_embeddings") or 2048)
    positions = trained
    window = cfg.get("sliding_window") if mt == "mistral" else None
    if window:  # within the window, sliding-window attention is full attention
        positions = min(positions, int(window))
    if max_context:
        positions = min(positions, max_context)

    # Weights: one file, or shards listed by an index; every tensor's header checked.
    index = os.path.join(path, "model.safetensors.index.json")
    single = os.path.join(path, "model.safetensors")
    if os.path.isfile(index):
        with open(index) as f:
            try:
                weight_map = json.load(f).get("weight_map", {})
            except ValueError as err:
                raise CheckpointError(f"{index}: not valid JSON ({err})") from None
        files = sorted(set(weight_map.values()))
    elif os.path.isfile(single):
        files = ["model.safetensors"]
    elif any(n.endswith(".bin") or n.endswith(".pth") for n in os.listdir(path)):
        raise CheckpointError(f"{path}: only PyTorch pickle weights (*.bin); safetensors are required "
                              "(convert with transformers: model.save_pretrained(dir, safe_serialization=True))")
    else:
        raise CheckpointError(f"{path} has no weights (model.safetensors or model.safetensors.index.json)")
    tensors: dict[str, TensorRef] = {}
    for name in files:
        p = os.path.join(path, name)
        if not os.path.isfile(p):
            raise CheckpointError(f"{path}: shard {name}, listed in model.safetensors.index.json, is missing")
        tensors.update(_read_header(p))
    vocab = int(cfg["vocab_size"])
    inter = int(cfg["intermediate_size"])
    tied = bool(cfg.get("tie_word_embeddings", False))
    if not tied and "lm_head.weight" not in tensors:
        raise CheckpointError(f"{path}: tie_word_embeddings is false but the weights have no lm_head.weight "
                              "(an incomplete checkpoint?)")
    want = {"model.embed_tokens.weight": (vocab, hidden), "model.norm.weight": (hidden,)}
    if not tied:
        want["lm_head.weight"] = (vocab, hidden)
    for i in range(n_layers):
        p = f"model.layers.{i}"
        want.update({
            f"{p}.input_layernorm.weight": (hidden,), f"{p}.post_attention_layernorm.weight": (hidden,),
            f"{p}.self_attn.q_proj.weight": (n_heads * head_dim, hidden),
            f"{p}.self_attn.k_proj.weight": (n_kv * head_dim, hidden),
            f"{p}.self_attn.v_proj.weight": (n_kv * head_dim, hidden),
            f"{p}.self_attn.o_proj.weight": (hidden, n_heads * head_dim),
            f"{p}.mlp.gate_proj.weight": (inter, hidden), f"{p}.mlp.up_proj.weight": (inter, hidden),
            f"{p}.mlp.down_proj.weight": (hidden, inter),
        })
    for name, shape in want.items():
        if name not in tensors:
            raise CheckpointError(f"{path}: tensor {name} is missing from the weights")
        t = tensors[name]
        if t.shape != shape:
            raise CheckpointError(f"{path}: tensor {name} has shape {list(t.shape)}, the config implies {list(shape)}")
    for name, t in tensors.items():
        if t.dtype not in DTYPES and not name.endswith("rotary_emb.inv_freq"):
            raise CheckpointError(f"{path}: tensor {name} has dtype {t.dtype}; only F32, F16 and BF16 are supported")
    if any(n.endswith(".bias") and "self_attn" not in n and ".mlp." not in n for n in tensors):
        raise CheckpointError(f"{path}: bias tensors outside the attention and MLP projections are not supported")
    return Checkpoint(path=path, config=cfg, model_type=mt, n_layers=n_layers, hidden=hidden, n_heads=n_heads,
                      n_kv=n_kv, head_dim=head_dim, intermediate=inter, vocab=vocab,
                      eps=float(cfg.get("rms_norm_eps", 1e-6)), tied=tied, rope_type=rope,
                      max_positions=positions, trained_positions=trained,
                      tensors={k: v for k, v in tensors.items() if k in want or k.endswith(".bias")})


def rope_tables(ckpt: Checkpoint) -> tuple[np.ndarray, np.ndarray, float]:
    """cos, sin [positions, head_dim] (Hugging Face's rotate-half convention, attention scaling folded in)
    from transformers' own rotary module for this architecture, so every accepted rope type is exact;
    and the softmax scale."""
    import torch
    import importlib

    cfg = ckpt.hf_config()
    mod = importlib.import_module(f"transformers.models.{ckpt.model_type}.modeling_{ckpt.model_type}")
    cls = getattr(mod, {"llama": "Llama", "mistral": "Mistral", "qwen2": "Qwen2"}[ckpt.model_type] + "RotaryEmbedding")
    rotary = cls(config=cfg)
    with torch.no_grad():
        cos, sin = rotary(torch.zeros(1, dtype=torch.float32), torch.arange(ckpt.max_positions)[None, :])
    return cos[0].float().numpy(), sin[0].float().numpy(), ckpt.head_dim ** -0.5
