"""The exporter's refusals and its output, on small random checkpoints made by inferos_tools.fixtures.

    tools/.venv/bin/python -m unittest discover -s tools/tests -t tools     (npm test runs it: tools/package.json)

Each bad input must be refused with a message naming what is wrong, before anything is written, and leave
no directory behind. The good path exports a fixture variant and checks what the runtime relies on.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import numpy as np

TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, TOOLS)

from inferos_tools import fixtures  # noqa: E402
from inferos_tools.weights import dequantize, pack4, quantize_blocks  # noqa: E402


def run_export(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "inferos_tools.export", *args], cwd=TOOLS, capture_output=True,
                          text=True, timeout=300)


class ExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="inferos-export-test-")
        cls.ckpt = os.path.join(cls.tmp, "llama3")
        fixtures.make_checkpoint("llama3-tied-bf16-sharded", cls.ckpt)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def copy_ckpt(self, name: str) -> str:
        dst = os.path.join(self.tmp, name)
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(self.ckpt, dst)
        return dst

    def assert_refused(self, ckpt: str, pattern: str, out: str | None = None):
        out = out or os.path.join(self.tmp, "out-" + os.path.basename(ckpt))
        before = set(os.listdir(os.path.dirname(out)))
        r = run_export("--checkpoint", ckpt, "--out", out, "--verify", "no")
        self.assertNotEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stderr, pattern)
        self.assertNotIn("Traceback", r.stderr)
        self.assertEqual(set(os.listdir(os.path.dirname(out))), before, "the refusal left files behind")

    def edit_config(self, ck: str, drop=(), **changes) -> None:
        with open(os.path.join(ck, "config.json")) as f:
            cfg = json.load(f)
        cfg.update(changes)
        for key in drop:
            cfg.pop(key, None)
        with open(os.path.join(ck, "config.json"), "w") as f:
            json.dump(cfg, f)

    def test_refuses_another_architecture(self):
        ck = self.copy_ckpt("gpt2")
        self.edit_config(ck, model_type="gpt2", architectures=["GPT2LMHeadModel"])
        self.assert_refused(ck, r"model_type 'gpt2' is not supported")

    def test_refuses_a_truncated_shard(self):
        ck = self.copy_ckpt("truncated")
        shard = os.path.join(ck, "model-00002-of-00002.safetensors")
        with open(shard, "r+b") as f:
            f.truncate(os.path.getsize(shard) - 1000)
        self.assert_refused(ck, r"truncated: tensor .* ends at byte")

    def test_refuses_a_missing_shard(self):
        ck = self.copy_ckpt("missing-shard")
        os.remove(os.path.join(ck, "model-00001-of-00002.safetensors"))
        self.assert_refused(ck, r"shard model-00001-of-00002.safetensors, listed in .* is missing")

    def test_refuses_a_missing_tokenizer(self):
        ck = self.copy_ckpt("no-tokenizer")
        os.remove(os.path.join(ck, "tokenizer.json"))
        self.assert_refused(ck, r"has no tokenizer.json")

    def test_refuses_a_directory_that_is_not_a_model(self):
        d = os.path.join(self.tmp, "not-a-model")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "notes.txt"), "w") as f:
            f.write("hello")
        self.assert_refused(d, r"is not a Hugging Face checkpoint \(no config.json\)")

    def test_refuses_a_rope_type_that_depends_on_length(self):
        ck = self.copy_ckpt("dynamic-rope")
        self.edit_config(ck, drop=("rope_parameters",), rope_scaling={"rope_type": "dynamic", "factor": 2.0})
        self.assert_refused(ck, r"RoPE type 'dynamic' is not supported")

    def test_refuses_to_overwrite_a_directory_that_is_not_a_model(self):
        out = os.path.join(self.tmp, "precious")
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "thesis.tex"), "w") as f:
            f.write("years of work")
        r = run_export("--checkpoint", self.ckpt, "--out", out, "--verify", "no")
        self.assertNotEqual(r.returncode, 0)
        self.assertRegex(r.stderr, r"is not empty and not a model directory")
        self.assertEqual(os.listdir(out), ["thesis.tex"])

    def test_exports_int4_and_writes_what_the_runtime_reads(self):
        out = os.path.join(self.tmp, "model-int4")
        r = run_export("--checkpoint", self.ckpt, "--out", out, "--weights", "int4", "--groups", "32",
                       "--verify", "yes")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(out, "inferos.json")) as f:
            meta = json.load(f)
        self.assertEqual(meta["weights"]["type"], "int4")
        self.assertEqual(meta["weights"]["bytes"], os.path.getsize(os.path.join(out, "model.weights")))
        self.assertEqual(meta["rope_type"], "llama3")
        self.assertEqual(meta["format_version"], 11)
        self.assertEqual(meta["graph"]["attention"], "native")
        segments = meta["graph"]["segments"]
        self.assertEqual(segments, [f"model-s{s:03d}.onnx" for s in range(meta["num_layers"] + 1)])
        self.assertEqual(meta["graph"]["file"], segments[0])
        self.assertEqual(meta["graph"]["group_sizes"], [32])
        self.assertGreater(meta["graph"]["softmax_scale"], 0)
        with open(os.path.join(out, "golden.json")) as f:
            golden = json.load(f)
        self.assertIn("onnxruntime int4", golden["source"])
        self.assertIsNotNone(golden["pytorch"])
        # The segments refer to the weights file and hold none of its own.
        for seg in segments:
            self.assertLess(os.path.getsize(os.path.join(out, seg)), 1_000_000, seg)
        self.assertFalse(os.path.exists(os.path.join(out, "model.onnx")))
        self.assertFalse([n for n in os.listdir(self.tmp) if ".partial-" in n])

    def test_legacy_format_10_still_exports(self):
        out = os.path.join(self.tmp, "model-graph")
        r = run_export("--checkpoint", self.ckpt, "--out", out, "--attention", "graph", "--verify", "yes")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(out, "inferos.json")) as f:
            meta = json.load(f)
        self.assertEqual((meta["format_version"], meta["graph"]["file"], meta["graph"]["attention"]), (10, "model.onnx", "graph"))
        self.assertNotIn("segments", meta["graph"])


class QuantizationTest(unittest.TestCase):
    def test_block_quantization_round_trips_within_half_a_step(self):
        rng = np.random.default_rng(1)
        w = rng.normal(0, 1, (8, 70)).astype(np.float32)  # 70: a partial last block
        for bits in (4, 8):
            codes, scale, zero = quantize_blocks(w, bits)
            back = dequantize(codes, scale, zero, w.shape[1])
            step = np.repeat(scale, 32, axis=1)[:, :70]
            self.assertTrue(np.all(np.abs(back - w) <= step / 2 + 1e-6), bits)

    def test_pack4_puts_the_lower_index_in_the_low_nibble(self):
        self.assertEqual(pack4(np.array([[1, 2, 15, 0]], np.uint8)).tolist(), [[0x21, 0x0F]])


if __name__ == "__main__":
    unittest.main()
