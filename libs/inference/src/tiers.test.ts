// Attention reads the stored tiers itself (@inferos/attention for format-11 models, the graph for format
// 10). This proves it computes what our TypeScript kernels mean: logits from the tiered inputs equal
// logits from the same tokens dequantized in TypeScript and fed at full precision.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hotRows, dequantizeKeys, dequantizeValues, type CachePolicy, type TensorSpec } from '@inferos/kv';
import { Engine, ContextLengthError, type KvSource } from './engine';
import { defaultModelDir } from './model-dir';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const fixture = join(fixtures, 'tiny-untied');
const policy: CachePolicy = { fullPrecision: false, sinks: 4, window: 16, groupSize: 32, thresholds: { int8: 0.8, int4: 0.5, evict: 0.2 } };
let engine: Engine;
let bundled: Engine;
/** 4 KV heads: its quantized tiers take the per-head path in decode steps too (graph.py). */
let qwen: Engine;

before(async () => {
  engine = await Engine.load(fixture, ['cpu']);
  bundled = await Engine.load(defaultModelDir(), ['cpu']);
  qwen = await Engine.load(join(fixtures, 'qwen2-bias-fp16'), ['cpu']);
});
after(async () => {
  await engine?.close();
  await bundled?.close();
  await qwen?.close();
});

function dequantizeTier(f: Record<string, TensorSpec>, t: 'i8' | 'i4', channels: number, group: number): [Float32Array, Float32Array] {
  const bits = t === 'i8' ? 8 : 4;
  const tokens = f[`past_key_${t}`]!.dims[1]!;
  const blocks = f[`past_key_${t}_scale`]!.dims[1]!;
  const k = new Float32Array(tokens * channels);
  const v = new Float32Array(tokens * channels);
  const rowBytes = f[`past_value_${t}`]!.dims[2]!;
  for (let b = 0; b < blocks; b++) {
    const rows = tokens / blocks;
    const kq = (f[`past_key_${t}`]!.data as Uint8Array).subarray(b * rows * rowBytes, (b + 1) * rows * rowBytes);
    const ks = (f[`past_key_${t}_scale`]!.data as Uint16Array).subarray(b * channels, (b + 1) * channels);
    const kz = (f[`past_key_${t}_zero`]!.data as Uint8Array).subarray(b * channels, (b + 1) * channels);
    dequantizeKeys(kq, ks, kz, rows, channels, bits, k.subarray(b * rows * channels, (b + 1) * rows * channels));
  }
  dequantizeValues(f[`past_value_${t}`]!.data as Uint8Array, f[`past_value_${t}_scale`]!.data as Uint16Array,
    f[`past_value_${t}_zero`]!.data as Uint8Array, tokens, channels, group, bits, v);
  return [k, v];
}

/** Token-major rows [n, heads, d] as the graph's head-major float tier [heads, n, d]. */
function headMajor(x: Float32Array, n: number, heads: number, d: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let r = 0; r < n; r++) for (let h = 0; h < heads; h++) out.set(x.subarray((r * heads + h) * d, (r * heads + h + 1) * d), (h * n + r) * d);
  return out;
}

const CASES = [
  { label: 'fixture, groups of 32', model: () => engine, groupSize: 32 },
  { label: 'bundled model, groups of 32', model: () => bundled, groupSize: 32 },
  { label: 'bundled model, groups of 64', model: () => bundled, groupSize: 64 },
  { label: 'bundled model, groups of 128', model: () => bundled, groupSize: 128 },
  { label: 'qwen2 fixture (4 KV heads), groups of 32', model: () => qwen, groupSize: 32 },
  { label: 'qwen2 fixture (4 KV heads), groups of 64', model: () => qwen, groupSize: 64 },
];

// Two mixes whose tiers do not depend on the model's attention: every old block INT8; or every old block
// INT4 with the least important evicted. Either way the FP16 sinks and window are fed too.
const MIXES = [
  { label: 'FP16 + INT8', thresholds: { int8: 1, int4: 0, evict: 0 }, expect: ['int8'] as const },
  { label: 'FP16 + INT4 + evicted', thresholds: { int8: 1, int4: 1, evict: 0.3 }, expect: ['int4', 'evicted'] as const },
];

// A step of 3 new tokens takes the graph's decode path; one of 40 (>= prefillMinTokens) its prefill path.
const STEPS = [3, 40];

for (const c of CASES) for (const mix of MIXES) for (const stepTokens of STEPS) test(`attention over the stored tiers equals the TypeScript kernels (${mix.label}; ${c.label}; ${stepTokens} new tokens)`, async () => {
  const engine = c.model();
  const policy: CachePolicy = { fullPrecision: false, sinks: 4, window: 16, groupSize: c.groupSize, thresholds: mix.thresholds };
  const { numLayers, numKvHeads, headDim, vocabSize } = engine.info;
  const channels = numKvHeads * headDim;
  // Up to 5 old blocks, within the model's context (any exported model can run this test).
  const ids = Array.from({ length: Math.min(20 + 5 * c.groupSize, engine.info.maxPosition - 2) }, (_, i) => (i * 37 + 11) % vocabSize);
  const cache = engine.newCache(policy);
  await engine.prefill(cache, ids, 16);
  const tiers = cache.tokensByTier;
  assert.ok(tiers.hot > 0 && mix.expect.every((t) => tiers[t] > 0), JSON.stringify(tiers));

  // Several new tokens in one step: queries of several positions over the quantized tiers.
  const next = Array.from({ length: stepTokens }, (_, i) => (i * 53 + 5) % vocabSize);
  // Format 10: a step of 3 new tokens takes the graph's decode path, one of 40 its prefill path.
  if (engine.info.attention === 'graph') assert.equal(stepTokens >= engine.info.prefillMinTokens, stepTokens === 40, 'the two steps take the two paths');
  // The same tokens dequantized in TypeScript, as one float32 tier (head-major, the exact cache's layout).
  const exact = new Map<number, Record<string, TensorSpec>>();
  for (let l = 0; l < numLayers; l++) {
    const f = cache.feeds(l);
    const hk = hotRows(f['past_key_f16']!);
    const hv = hotRows(f['past_value_f16']!);
    const [k8, v8] = dequantizeTier(f, 'i8', channels, policy.groupSize);
    const [k4, v4] = dequantizeTier(f, 'i4', channels, policy.groupSize);
    const n = (hk.length + k8.length + k4.length) / channels;
    const k = new Float32Array(n * channels);
    const v = new Float32Array(n * channels);
    k.set(hk);
    k.set(k8, hk.length);
    k.set(k4, hk.length + k8.length);
    v.set(hv);
    v.set(v8, hv.length);
    v.set(v4, hv.length + v8.length);
    const specs: Record<string, TensorSpec> = {};
    for (const [name, spec] of Object.entries(f)) {
      const empty = spec.dims.map((d, i) => (i === (spec.tokens === undefined ? 1 : 2) ? 0 : d));
      const data = spec.type === 'float32' ? new Float32Array(0) : spec.type === 'float16' ? new Uint16Array(0) : new Uint8Array(0);
      specs[name] = { type: spec.type, data, dims: empty, ...(spec.tokens === undefined ? {} : { tokens: 0 }) };
    }
    specs['past_key'] = { type: 'float32', data: headMajor(k, n, numKvHeads, headDim), dims: [1, numKvHeads, n, headDim], tokens: n };
    specs['past_value'] = { type: 'float32', data: headMajor(v, n, numKvHeads, headDim), dims: [1, numKvHeads, n, headDim], tokens: n };
    exact.set(l, specs);
  }
  const dequantized: KvSource = { length: cache.length, needsImportance: false, policy: cache.policy, feeds: (l) => exact.get(l)! };
  const reference = (await engine.step(dequantized, next, 'all')).logits;
  const tiered = await engine.forward(cache, next, true);
  assert.equal(tiered.length, next.length * vocabSize);
  let diff = 0;
  for (let i = 0; i < tiered.length; i++) diff = Math.max(diff, Math.abs(tiered[i]! - reference[i]!));
  // The INT4 path subtracts 16 x_hi from 16 x_hi + x_lo, which costs about 4 of float32's 24 bits: over
  // 40 positions the largest logit difference reached 1.2e-4. A wrong packing differs by whole units.
  assert.ok(diff < 3e-4, `max |logit diff| ${diff}`);
});

test('a compressed cache holds fewer bytes than FP16 and reports them by tier', async () => {
  const cache = engine.newCache(policy);
  const ids = Array.from({ length: 300 }, (_, i) => i % 500);
  // Chunk by chunk (evictions never wait): 8 old blocks of 32 (after 4 sinks, before the window of 16),
  // thresholds 0.2 / 0.5 / 0.8 of them: 2 evicted, 2 INT4, 2 INT8, 2 still FP16, in every layer.
  for (let at = 0; at < ids.length; at += 32) await engine.forward(cache, ids.slice(at, at + 32));
  const layers = engine.info.numLayers;
  const rest = 300 - 4 - 8 * 32;
  assert.deepEqual(cache.tokensByTier, { hot: (4 + 2 * 32 + rest) * layers, int8: 64 * layers, int4: 64 * layers, evicted: 64 * layers });
  // As one prompt (evictions wait for its end): the same share is evicted; blocks that waited at INT4
  // and were kept stay there, so INT4 may hold more than its share.
  const prompt = engine.newCache(policy);
  await engine.prefill(prompt, ids, 32);
  const t = prompt.tokensByTier;
  assert.equal(t.evicted, 64 * layers);
  assert.equal(t.hot + t.int8 + t.int4, (4 + 6 * 32 + rest) * layers);
  assert.ok(t.int4 >= 64 * layers && t.int4 <= 128 * layers, JSON.stringify(t));
  const b = cache.bytesByTier;
  assert.equal(b.f32, 0);
  assert.equal(cache.bytesHeld, b.f16 + b.int8 + b.int4);
  assert.ok(cache.bytesHeld < cache.bytesFp16 && cache.reduction > 0.3, `reduction ${cache.reduction}`);
});

test('BAD INPUT - a prompt past the context is refused with ContextLengthError before anything runs', async () => {
  const cache = engine.newCache(policy);
  const max = engine.info.maxPosition;
  await assert.rejects(engine.prefill(cache, Array.from({ length: max + 1 }, () => 5), 32), ContextLengthError);
  assert.equal(cache.length, 0);
});
