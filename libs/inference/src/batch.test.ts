// A batched decode step computes what per-sequence steps compute: sequences of different lengths and
// tiers, padded and masked in one run, against each alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TieredKvCache, type CachePolicy, type TensorSpec } from '@inferos/kv';
import { Engine, BASELINE_CACHE, type StepOutput, type KvSource } from './engine';
import { defaultModelDir } from './model-dir';
import { argmax } from './sampling';

const tiered: CachePolicy = { fullPrecision: false, sinks: 4, window: 16, groupSize: 64, thresholds: { int8: 0.6, int4: 0.4, evict: 0.2 } };
let engine: Engine;
/** A format-10 model (attention inside the graph, batches padded by BatchFeeds): the legacy path. */
let legacy: Engine;
const bundled = () => engine;
const fixture = (name: string) => join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', name);

before(async () => {
  engine = await Engine.load(defaultModelDir(), ['cpu']);
  legacy = await Engine.load(fixture('qwen2-bias-fp16'), ['cpu']);
  assert.equal(legacy.info.attention, 'graph', 'the qwen2-bias-fp16 fixture is a format-10 export');
});
after(async () => {
  await engine?.close();
  await legacy?.close();
});

const maxDiff = (a: Float32Array, b: Float32Array) => {
  assert.equal(a.length, b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
};

function compare(batched: StepOutput, alone: StepOutput, what: string): void {
  assert.ok(maxDiff(batched.logits, alone.logits.subarray(0, batched.logits.length)) < 1e-4, `${what}: logits`);
  batched.keys.forEach((k, l) => assert.ok(maxDiff(k, alone.keys[l]!) < 1e-5, `${what}: keys of layer ${l}`));
  batched.values.forEach((v, l) => assert.ok(maxDiff(v, alone.values[l]!) < 1e-5, `${what}: values of layer ${l}`));
  assert.equal(batched.masses === undefined, alone.masses === undefined, `${what}: attention mass present in both or neither`);
  batched.masses?.forEach((m, l) => assert.ok(maxDiff(m, alone.masses![l]!) < 1e-5, `${what}: attention mass of layer ${l}`));
}

test('a batched step equals each sequence stepped alone (different lengths, tiers and a full-precision row)', async () => {
  const text = Array.from({ length: 700 }, (_, i) => (i * 37 + 11) % 8000);
  const rows = [
    { policy: tiered, tokens: 150 },
    { policy: tiered, tokens: 420 },
    { policy: BASELINE_CACHE, tokens: 90 },
    { policy: tiered, tokens: 300 },
  ];
  const caches = [];
  for (const r of rows) {
    const c = engine.newCache(r.policy);
    await engine.prefill(c, text.slice(0, r.tokens), 32);
    caches.push(c);
  }
  assert.ok(caches[1]!.tokensByTier.int4 > 0 && caches[1]!.tokensByTier.int8 > 0 && caches[1]!.tokensByTier.evicted > 0, 'the long row holds every tier');
  const next = [5, 17, 29, 41];
  const batched = await engine.stepBatch(caches, next);
  for (let b = 0; b < rows.length; b++) compare(batched[b]!, await engine.step(caches[b]!, [next[b]!]), `row ${b}`);

  // The padded inputs are reused from step to step: a smaller batch after a larger one finds the larger
  // one's data in its padding, and two batches in flight at once must not share them.
  const small = [caches[0]!, caches[3]!];
  const again = await engine.stepBatch(small, [7, 9]);
  compare(again[0]!, await engine.step(small[0]!, [7]), 'smaller batch, row 0');
  compare(again[1]!, await engine.step(small[1]!, [9]), 'smaller batch, row 1');
  const [x, y] = await Promise.all([engine.stepBatch([caches[1]!, caches[0]!], [3, 4]), engine.stepBatch([caches[3]!, caches[0]!], [6, 8])]);
  compare(x![0]!, await engine.step(caches[1]!, [3]), 'overlapping batches, first');
  compare(y![0]!, await engine.step(caches[3]!, [6]), 'overlapping batches, second');
});

test('exact-cache rows batched together (the float path, padded and masked) equal each alone within 1e-4; greedy tokens equal', async (t) => {
  const text = Array.from({ length: 900 }, (_, i) => (i * 41 + 3) % 8000);
  const lengths = [37, 512, 200, 801];
  const caches = [];
  for (const n of lengths) {
    const c = engine.newCache(BASELINE_CACHE);
    await engine.prefill(c, text.slice(0, n), 256);
    caches.push(c);
  }
  let worst = 0;
  let next = [11, 22, 33, 44];
  for (let step = 0; step < 8; step++) {
    const batched = await engine.stepBatch(caches, next);
    const alone: StepOutput[] = [];
    for (let b = 0; b < caches.length; b++) alone.push(await engine.step(caches[b]!, [next[b]!]));
    for (let b = 0; b < caches.length; b++) {
      worst = Math.max(worst, maxDiff(batched[b]!.logits, alone[b]!.logits));
      compare(batched[b]!, alone[b]!, `step ${step}, row ${b}`);
    }
    // Continue each sequence greedily from its own (single-sequence) logits, appending the alone run's K/V.
    next = alone.map((o) => argmax(o.logits));
    batched.forEach((o, b) => assert.equal(argmax(o.logits), next[b], `step ${step}, row ${b}: the batched greedy token`));
    caches.forEach((c, b) => c.append(alone[b]!.keys, alone[b]!.values, 1, alone[b]!.masses));
  }
  t.diagnostic(`largest logit difference, batched against alone, over 8 steps of 4 rows: ${worst.toExponential(2)}`);
});

test('format 10: kept hot rows: batches of the same sequences copy only new rows, and a demotion, a reordered batch or another sequence copies again; every step equals each row alone', async () => {
  const engine = legacy;
  const text = Array.from({ length: 400 }, (_, i) => (i * 29 + 5) % engine.info.vocabSize);
  const small: CachePolicy = { fullPrecision: false, sinks: 2, window: 8, groupSize: 64, thresholds: { int8: 0.6, int4: 0.4, evict: 0.2 } };
  const caches: TieredKvCache[] = [];
  for (const [policy, n] of [[BASELINE_CACHE, 60], [small, 120], [BASELINE_CACHE, 130], [small, 45]] as const) {
    const c = engine.newCache(policy);
    await engine.prefill(c, text.slice(0, n), 32);
    caches.push(c);
  }
  const feeds = engine.batchFeeds;
  feeds.clear(); // earlier tests' longer rows left longer buffers
  const before = { ...feeds.copies };
  const epochs = caches.map((c) => c.epoch);
  const next = [3, 5, 7, 9];
  let order = [0, 1, 2, 3];
  for (let step = 0; step < 48; step++) {
    if (step === 20) order = [2, 0, 3, 1]; // another order: every row holds another sequence
    if (step === 30) order = [2, 0, 3]; // a smaller batch
    const rows = order.map((i) => caches[i]!);
    const batched = await engine.stepBatch(rows, order.map((i) => next[i]!));
    for (const [b, i] of order.entries()) {
      const alone = await engine.step(caches[i]!, [next[i]!]);
      compare(batched[b]!, alone, `step ${step}, sequence ${i}`);
      caches[i]!.append(alone.keys, alone.values, 1, alone.masses);
      next[i] = argmax(alone.logits);
    }
  }
  assert.ok(caches[1]!.epoch > epochs[1]! && caches[3]!.epoch > epochs[3]!, 'the compressed rows demoted blocks while batched');
  assert.equal(caches[0]!.epoch, epochs[0], 'the exact cache never changes rows it holds');
  const scale = engine.info.numLayers / 6; // thresholds set on the bundled model's 6 layers
  assert.ok(feeds.copies.incremental - before.incremental > 1000 * scale, `most rows were copied incrementally (${feeds.copies.incremental - before.incremental})`);
  assert.ok(feeds.copies.whole - before.whole > 100 * scale, `demotions and reorders copied whole rows (${feeds.copies.whole - before.whole})`);
  assert.ok(feeds.copies.relayouts > before.relayouts, `rows outgrew the buffers, which were laid out again in place (${feeds.copies.relayouts - before.relayouts})`);
});

for (const format of ['native', 'graph'] as const) test(`padding never leaks: what an earlier, longer row held never reaches a later batch (${format === 'native' ? 'format 11' : 'format 10'})`, async () => {
  const engine = format === 'native' ? bundled() : legacy;
  const text = Array.from({ length: 400 }, (_, i) => (i * 53 + 7) % engine.info.vocabSize);
  const long = engine.newCache(tiered);
  await engine.prefill(long, text.slice(0, 360), 32);
  const short = engine.newCache(tiered);
  await engine.prefill(short, text.slice(0, 90), 32);
  assert.ok(long.feeds(0)['past_key_i4_scale']!.dims[1]! > short.feeds(0)['past_key_i4_scale']!.dims[1]!, 'the short row is padded');
  // The long row's FP16 data and scales as infinities, batched first in row 0: they fill the buffers.
  const inf = (spec: TensorSpec): TensorSpec => (spec.type === 'float16' ? { ...spec, data: new Uint16Array(spec.data.length).fill(0x7c00) } : spec);
  const poisoned: KvSource = {
    length: long.length, needsImportance: long.needsImportance, policy: long.policy,
    feeds: (l) => Object.fromEntries(Object.entries(long.feeds(l)).map(([k, v]) => [k, inf(v)])),
  };
  await engine.stepBatch([poisoned, long], [1, 2]);
  const [row] = await engine.stepBatch([short, long], [3, 4]);
  assert.ok(row!.logits.every(Number.isFinite), 'logits are finite');
  compare(row!, await engine.step(short, [3]), 'short row after a poisoned batch');
});

test('BAD CALL - ids not one per source are refused; format 10 refuses a batch mixing group sizes', async () => {
  for (const e of [engine, legacy]) await assert.rejects(e.stepBatch([e.newCache(tiered)], [1, 2]), /one id per source/);
  const a = legacy.newCache(tiered);
  const b = legacy.newCache({ ...tiered, groupSize: 32 });
  await assert.rejects(legacy.stepBatch([a, b], [1, 2]), /same KV group size/);
});

test('format 11: a batch may mix group sizes; each row equals its step alone', async () => {
  assert.equal(engine.info.attention, 'native', 'the bundled model is a format-11 export');
  const text = Array.from({ length: 300 }, (_, i) => (i * 31 + 3) % engine.info.vocabSize);
  const caches = [];
  for (const groupSize of [32, 64, 128]) {
    const c = engine.newCache({ ...tiered, groupSize });
    await engine.prefill(c, text.slice(0, 200 + groupSize), 32);
    caches.push(c);
  }
  assert.ok(caches.every((c) => c.tokensByTier.int4 + c.tokensByTier.int8 > 0), 'every row holds quantized blocks');
  const batched = await engine.stepBatch(caches, [1, 2, 3]);
  for (const [b, c] of caches.entries()) compare(batched[b]!, await engine.step(c, [b + 1]), `group ${c.policy.groupSize}`);
});

// The float tiers are fed whole at their capacity, the rows past those in use masked (graph.py): the exact
// cache must compute the same numbers whatever its capacity. The in-process store grows by an eighth; the
// kv-store's is allocated once at the sequence's reservation.
for (const [label, dir] of [['bundled model', defaultModelDir()], ['llama3-int4 fixture', join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'llama3-int4')]] as const) {
  test(`the exact cache gives the same logits bit for bit at any capacity (${label})`, async () => {
    const e = label === 'bundled model' ? engine : await Engine.load(dir, ['cpu']);
    try {
      const { numLayers, numKvHeads, headDim, maxPosition, vocabSize } = e.info;
      const grown = e.newCache();
      const reserved = new TieredKvCache({ layers: numLayers, kvHeads: numKvHeads, headDim, maxTokens: 300 }, { ...BASELINE_CACHE, groupSize: e.info.defaultGroup }, { fixedHotChunk: 64 });
      const prompt = Array.from({ length: 37 }, (_, i) => (i * 37 + 11) % vocabSize);
      let a = await e.prefill(grown, prompt, 16);
      let b = await e.prefill(reserved, prompt, 16);
      assert.ok(maxPosition >= 300);
      for (let step = 0; step < 40; step++) {
        assert.deepEqual(a, b, `step ${step}: logits`);
        assert.notEqual(grown.feeds(0)['past_key']!.dims[2], reserved.feeds(0)['past_key']!.dims[2], 'the capacities differ');
        const next = argmax(a);
        a = await e.forward(grown, [next]);
        b = await e.forward(reserved, [next]);
      }
    } finally {
      if (e !== engine) await e.close();
    }
  });
}

// With one query head per KV head (rep = 1) a decode step's context product has one row, and ONNX
// Runtime's vector kernel splits its sums by length: padded and unpadded agree to rounding only.
/** The same cache fed unpadded: each hot tier cut to its rows in use ([1, kv, tokens, D], a copy). */
function unpadded(cache: TieredKvCache): KvSource {
  return {
    get length() {
      return cache.length;
    },
    needsImportance: cache.needsImportance,
    policy: cache.policy,
    feeds(layer: number) {
      const f = { ...cache.feeds(layer) };
      for (const [name, spec] of Object.entries(f)) {
        if (spec.tokens === undefined) continue;
        const [, heads, cap, d] = spec.dims as [number, number, number, number];
        const n = spec.tokens;
        const data = spec.data instanceof Float32Array ? new Float32Array(heads * n * d) : new Uint16Array(heads * n * d);
        for (let h = 0; h < heads; h++) data.set(spec.data.subarray(h * cap * d, (h * cap + n) * d) as never, h * n * d);
        f[name] = { type: spec.type, data, dims: [1, heads, n, d], tokens: n };
      }
      return f;
    },
  };
}

test('one query head per KV head (qwen2-int8 fixture): the exact cache padded and unpadded agree within 1e-4, difference printed', async () => {
  const e = await Engine.load(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'qwen2-int8'), ['cpu']);
  try {
    const { numKvHeads, vocabSize, numAttentionHeads } = e.info;
    assert.equal(numAttentionHeads, numKvHeads, 'the fixture has one query head per KV head');
    const cache = e.newCache();
    let next = argmax(await e.prefill(cache, Array.from({ length: 37 }, (_, i) => (i * 37 + 11) % vocabSize), 16));
    let diff = 0;
    let padded = 0;
    for (let step = 0; step < 40; step++) {
      if (cache.feeds(0)['past_key']!.dims[2]! > cache.length) padded++;
      const exact = await e.step(unpadded(cache), [next]);
      const out = await e.step(cache, [next]);
      diff = Math.max(diff, maxDiff(out.logits, exact.logits));
      cache.append(out.keys, out.values, 1, out.masses);
      next = argmax(out.logits);
    }
    assert.ok(padded > 30, `most steps ran with masked rows (${padded} of 40)`);
    console.log(`# qwen2-int8: max |logit difference| padded vs unpadded over 40 steps: ${diff.toExponential(2)}`);
    assert.ok(diff < 1e-4, `${diff}`);
  } finally {
    await e.close();
  }
});
