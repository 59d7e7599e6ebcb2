// µs per attend() call on shapes of a 1B-class model (32 query heads, 8 kv heads, D 64).
//   npx tsx libs/attention/bench/attend.ts [NAME-SUBSTRING]   (INFEROS_ATTENTION_THREADS=n to pin the pool;
//   INFEROS_ATTENTION_AVX512=0 for the exact path's AVX2 kernels)
// Rows holding an f32 tier alone take the exact (float64) path; the "float path" cases add one f16 token to
// the same rows, which sends them through the float32 kernels, for comparison.
import { quantizeKeys, quantizeValues, encodeF16, packedBytes } from '@inferos/kv';
import { attend, attentionInfo, fedTokens, type HotTier, type QuantTier, type RowTiers } from '../src/index';

const HEADS = 32;
const KV = 8;
const D = 64;
const C = KV * D;

function rand(n: number, seed: number): Float32Array {
  let a = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    out[i] = a / 2 ** 31 - 1;
  }
  return out;
}

function hot(tokens: number, f16: boolean, seed: number): HotTier {
  const k = rand(tokens * C, seed);
  const v = rand(tokens * C, seed + 1);
  if (!f16) return { keys: k, values: v, capacity: tokens, tokens };
  const keys = new Uint16Array(tokens * C);
  const values = new Uint16Array(tokens * C);
  encodeF16(k, keys);
  encodeF16(v, values);
  return { keys, values, capacity: tokens, tokens };
}

function int4(tokens: number, group: number, seed: number): QuantTier {
  const blocks = tokens / group;
  const bytes = packedBytes(group * C, 4);
  const g = C / group;
  const t: QuantTier = {
    keys: new Uint8Array(blocks * bytes), keyScale: new Uint16Array(blocks * C), keyZero: new Uint8Array(blocks * C),
    values: new Uint8Array(blocks * bytes), valueScale: new Uint16Array(tokens * g), valueZero: new Uint8Array(tokens * g), tokens, group,
  };
  for (let b = 0; b < blocks; b++) {
    quantizeKeys(rand(group * C, seed + b), group, C, 4, t.keys.subarray(b * bytes, (b + 1) * bytes), t.keyScale.subarray(b * C, (b + 1) * C), t.keyZero.subarray(b * C, (b + 1) * C));
    quantizeValues(rand(group * C, seed + 7 * b), group, C, group, 4, t.values.subarray(b * bytes, (b + 1) * bytes),
      t.valueScale.subarray(b * group * g, (b + 1) * group * g), t.valueZero.subarray(b * group * g, (b + 1) * group * g));
  }
  return t;
}

function tierBytes(r: RowTiers): number {
  let n = 0;
  for (const h of [r.f32, r.f16]) if (h) n += 2 * (h.keys.BYTES_PER_ELEMENT * h.tokens * C);
  for (const q of [r.i8, r.i4]) {
    if (q) n += q.keys.byteLength + q.keyScale.byteLength + q.keyZero.byteLength + q.values.byteLength + q.valueScale.byteLength + q.valueZero.byteLength;
  }
  return n;
}

const only = process.argv[2];

function bench(name: string, rows: RowTiers[], t: number, withMass = true): void {
  if (only !== undefined && !name.includes(only)) return;
  const n = rows.length;
  const q = rand(n * t * HEADS * D, 11);
  const k = rand(n * t * C, 12);
  const v = rand(n * t * C, 13);
  const out = new Float32Array(q.length);
  const mass = withMass ? new Float32Array(rows.reduce((s, r) => s + fedTokens(r) + t, 0)) : null;
  const shape = { heads: HEADS, kvHeads: KV, headDim: D, scale: 1 / Math.sqrt(D) };
  const call = () => attend(shape, t, q, k, v, rows, out, mass);
  for (let i = 0; i < 20; i++) call();
  // Enough calls for ~1 s, best of 5 batches.
  const t0 = performance.now();
  call();
  const once = Math.max(performance.now() - t0, 0.001);
  const iters = Math.max(5, Math.min(20000, Math.round(200 / once)));
  let best = Infinity;
  for (let rep = 0; rep < 5; rep++) {
    const s = performance.now();
    for (let i = 0; i < iters; i++) call();
    best = Math.min(best, ((performance.now() - s) * 1000) / iters);
  }
  const bytes = rows.reduce((s, r) => s + tierBytes(r), 0);
  const gbs = t === 1 ? `  ${(bytes / (best * 1e3)).toFixed(1)} GB/s of tier bytes (${(bytes / 2 ** 20).toFixed(2)} MiB)` : '';
  console.log(`${name.padEnd(64)} ${best.toFixed(1).padStart(9)} µs/call${gbs}`);
}

const info = attentionInfo();
console.log(`threads ${info.threads}, kernels ${info.simd} (exact path: ${info.exact}), f16c ${info.f16c}; heads ${HEADS}, kv heads ${KV}, D ${D}; mass on`);
const decodeRow = (i: number): RowTiers => ({ f16: hot(36, true, 100 + i), i4: int4(1024, 64, 1000 * (i + 1)) });
const rows16 = Array.from({ length: 16 }, (_, i) => decodeRow(i));
bench('decode t=1, 1 row: f16 36 + int4 1024 (G 64)', rows16.slice(0, 1), 1);
bench('decode t=1, 16 rows: f16 36 + int4 1024 (G 64)', rows16, 1);
const f32Rows = Array.from({ length: 16 }, (_, i) => ({ f32: hot(1024, false, 50 + i) }));
const f32Long = hot(2048, false, 9);
const oneF16 = hot(1, true, 4);
bench('decode t=1, 1 row: f32 1024 (exact path)', f32Rows.slice(0, 1), 1);
bench('decode t=1, 1 row: f32 1024 + f16 1 (float path)', [{ ...f32Rows[0], f16: oneF16 }], 1);
bench('decode t=1, 16 rows: f32 1024 (exact path)', f32Rows, 1);
bench('decode t=1, 16 rows: f32 1024 + f16 1 (float path)', f32Rows.map((r) => ({ ...r, f16: oneF16 })), 1);
bench('decode t=1, 1 row: f32 2048 (exact path)', [{ f32: f32Long }], 1);
bench('decode t=1, 1 row: f32 2048 + f16 1 (float path)', [{ f32: f32Long, f16: oneF16 }], 1);
bench('prefill chunk t=256, 1 row: f32 2048 (exact path)', [{ f32: f32Long }], 256);
bench('prefill chunk t=256, 1 row: f32 2048 + f16 1 (float path)', [{ f32: f32Long, f16: oneF16 }], 256);
bench('fixed cost: t=1, 1 row, 1 cached f32 token (exact path)', [{ f32: hot(1, false, 3) }], 1);
bench('fixed cost: t=1, 16 rows, 1 cached f32 token (exact path)', Array.from({ length: 16 }, (_, i) => ({ f32: hot(1, false, 3 + i) })), 1);
bench('fixed cost: t=1, 16 rows, 1 cached f16 token (float path)', Array.from({ length: 16 }, (_, i) => ({ f16: hot(1, true, 3 + i) })), 1);
