// Grouped-query attention of new tokens over a sequence's stored KV tiers, reading the quantized tiers in
// place (native/attention.cc). Layouts of the tiers: libs/kv/src/quant.ts and libs/kv/src/feed-layout.ts.
import { loadNative, type NativeArray } from './native';

/** A full-precision tier, head-major [kvHeads, capacity, headDim]; rows >= tokens are never read. */
export interface HotTier {
  keys: Float32Array | Uint16Array;
  values: Float32Array | Uint16Array;
  capacity: number;
  tokens: number;
}

/**
 * An INT8 or INT4 tier of `tokens` tokens (a multiple of `group`), laid out as quant.ts writes it: keys
 * token-major (INT4: each block of `group` tokens is group/2 rows of C bytes, token r in the low nibble and
 * r + group/2 in the high one), keyScale / keyZero [tokens / group, C], values [tokens, C] (INT4: C/2 bytes a
 * token, nibbles paired within each group of channels), valueScale / valueZero [tokens, C / group].
 * Scales are FP16 bits.
 */
export interface QuantTier {
  keys: Uint8Array;
  keyScale: Uint16Array;
  keyZero: Uint8Array;
  values: Uint8Array;
  valueScale: Uint16Array;
  valueZero: Uint8Array;
  tokens: number;
  group: number;
}

/** One sequence's tiers for one layer; its cached tokens are seen in the order f32, f16, i8, i4. */
export interface RowTiers {
  f32?: HotTier;
  f16?: HotTier;
  i8?: QuantTier;
  i4?: QuantTier;
}

export interface AttendShape {
  heads: number;
  kvHeads: number;
  headDim: number;
  /** Softmax scale: scores are q . k * scale. */
  scale: number;
}

const META_HEAD = 5;
const META_ROW = 8;
let meta = new Int32Array(META_HEAD + META_ROW * 64);
const arrays: NativeArray[] = [];

function fail(message: string): never {
  throw new RangeError(`attend: ${message}`);
}

function checkInt(name: string, x: number, min: number): void {
  if (!Number.isInteger(x) || x < min || x > 0x7fffffff) fail(`${name} must be an integer >= ${min}, got ${x}`);
}

function checkLength(name: string, a: { length: number }, want: number): void {
  if (a.length !== want) fail(`${name}: expected length ${want}, got ${a.length}`);
}

function checkType(name: string, a: unknown, type: typeof Float32Array | typeof Uint16Array | typeof Uint8Array): void {
  if (!(a instanceof type)) fail(`${name} must be a ${type.name}`);
}

/** Validates a hot tier and returns its tokens (0 when absent). */
function hot(row: number, name: 'f32' | 'f16', t: HotTier | undefined, channels: number): number {
  if (t === undefined) return 0;
  const where = `rows[${row}].${name}`;
  checkInt(`${where}.capacity`, t.capacity, 0);
  checkInt(`${where}.tokens`, t.tokens, 0);
  if (t.tokens > t.capacity) fail(`${where}.tokens (${t.tokens}) exceeds its capacity (${t.capacity})`);
  const type = name === 'f32' ? Float32Array : Uint16Array;
  checkType(`${where}.keys`, t.keys, type);
  checkType(`${where}.values`, t.values, type);
  checkLength(`${where}.keys`, t.keys, t.capacity * channels);
  checkLength(`${where}.values`, t.values, t.capacity * channels);
  return t.tokens;
}

/** Validates a quantized tier and returns its tokens (0 when absent). */
function quant(row: number, name: 'i8' | 'i4', t: QuantTier | undefined, channels: number): number {
  if (t === undefined) return 0;
  const where = `rows[${row}].${name}`;
  checkInt(`${where}.tokens`, t.tokens, 0);
  checkInt(`${where}.group`, t.group, name === 'i4' ? 2 : 1);
  const g = t.group;
  if (name === 'i4' && g % 2 !== 0) fail(`${where}.group must be even for INT4, got ${g}`);
  if (channels % g !== 0) fail(`${where}.group (${g}) must divide the ${channels} channels (kvHeads * headDim)`);
  if (t.tokens % g !== 0) fail(`${where}.tokens (${t.tokens}) must be a multiple of its group (${g})`);
  const codes = name === 'i8' ? t.tokens * channels : (t.tokens * channels) / 2;
  checkType(`${where}.keys`, t.keys, Uint8Array);
  checkType(`${where}.keyScale`, t.keyScale, Uint16Array);
  checkType(`${where}.keyZero`, t.keyZero, Uint8Array);
  checkType(`${where}.values`, t.values, Uint8Array);
  checkType(`${where}.valueScale`, t.valueScale, Uint16Array);
  checkType(`${where}.valueZero`, t.valueZero, Uint8Array);
  checkLength(`${where}.keys`, t.keys, codes);
  checkLength(`${where}.keyScale`, t.keyScale, (t.tokens / g) * channels);
  checkLength(`${where}.keyZero`, t.keyZero, (t.tokens / g) * channels);
  checkLength(`${where}.values`, t.values, codes);
  checkLength(`${where}.valueScale`, t.valueScale, t.tokens * (channels / g));
  checkLength(`${where}.valueZero`, t.valueZero, t.tokens * (channels / g));
  return t.tokens;
}

function pushQuant(t: QuantTier): void {
  arrays.push(t.keys, t.keyScale, t.keyZero, t.values, t.valueScale, t.valueZero);
}

/** Tokens each row feeds to attention before the new ones (f32 + f16 + int8 + int4): mass holds this + t per row. */
export function fedTokens(row: RowTiers): number {
  return (row.f32?.tokens ?? 0) + (row.f16?.tokens ?? 0) + (row.i8?.tokens ?? 0) + (row.i4?.tokens ?? 0);
}

/**
 * Attention of `t` new tokens per row over the row's cached tokens (every tier, all visible) and the new
 * tokens up to their own (causal), for every query head; query head h reads kv head floor(h / (heads / kvHeads)).
 *
 * q [rows, t, heads * headDim] (after RoPE), k and v [rows, t, kvHeads, headDim] (the new tokens' keys, after
 * RoPE, and values), out [rows, t, heads * headDim]. mass (or null): per row, fedTokens(row) + t floats (tier
 * order, then the new tokens), each the sum over heads and the t queries of that token's probability; the
 * rows' segments are concatenated. Everything is validated before anything is written: bad input throws a
 * RangeError and leaves out and mass untouched. Synchronous (it blocks the calling thread).
 */
export function attend(shape: AttendShape, t: number, q: Float32Array, k: Float32Array, v: Float32Array,
  rows: readonly RowTiers[], out: Float32Array, mass: Float32Array | null): void {
  const { heads, kvHeads, headDim, scale } = shape;
  checkInt('heads', heads, 1);
  checkInt('kvHeads', kvHeads, 1);
  checkInt('headDim', headDim, 1);
  if (headDim > 4096) fail(`headDim must be <= 4096, got ${headDim}`);
  if (heads % kvHeads !== 0) fail(`heads (${heads}) must be a multiple of kvHeads (${kvHeads})`);
  if (!Number.isFinite(scale)) fail(`scale must be finite, got ${scale}`);
  checkInt('t', t, 1);
  const n = rows.length;
  const channels = kvHeads * headDim;
  checkType('q', q, Float32Array);
  checkType('k', k, Float32Array);
  checkType('v', v, Float32Array);
  checkType('out', out, Float32Array);
  checkLength('q', q, n * t * heads * headDim);
  checkLength('out', out, n * t * heads * headDim);
  checkLength('k', k, n * t * channels);
  checkLength('v', v, n * t * channels);
  if (META_HEAD + META_ROW * n > meta.length) meta = new Int32Array(META_HEAD + META_ROW * Math.max(n, 2 * (meta.length - META_HEAD) / META_ROW));
  meta[0] = n;
  meta[1] = t;
  meta[2] = heads;
  meta[3] = kvHeads;
  meta[4] = headDim;
  arrays.length = 0;
  let massLength = 0;
  try {
    for (let r = 0; r < n; r++) {
      const row = rows[r]!;
      const m = META_HEAD + META_ROW * r;
      const a = hot(r, 'f32', row.f32, channels);
      const b = hot(r, 'f16', row.f16, channels);
      const c = quant(r, 'i8', row.i8, channels);
      const d = quant(r, 'i4', row.i4, channels);
      meta[m] = a;
      meta[m + 1] = row.f32?.capacity ?? 0;
      meta[m + 2] = b;
      meta[m + 3] = row.f16?.capacity ?? 0;
      meta[m + 4] = c;
      meta[m + 5] = row.i8?.group ?? 1;
      meta[m + 6] = d;
      meta[m + 7] = row.i4?.group ?? 2;
      if (a > 0) arrays.push(row.f32!.keys, row.f32!.values);
      if (b > 0) arrays.push(row.f16!.keys, row.f16!.values);
      if (c > 0) pushQuant(row.i8!);
      if (d > 0) pushQuant(row.i4!);
      massLength += a + b + c + d + t;
      if (massLength > 0x7fffffff) fail('too many tokens');
    }
    if (mass !== null) {
      checkType('mass', mass, Float32Array);
      checkLength('mass (sum over rows of fed tokens + t)', mass, massLength);
    }
    loadNative().attend(meta, scale, q, k, v, out, mass, arrays);
  } finally {
    arrays.length = 0; // hold no references between calls
  }
}

/**
 * Threads the addon runs on (INFEROS_ATTENTION_THREADS, else the hardware's, at most 8) and its kernels;
 * `exact`: those of the exact path (rows whose only cached tier is f32): 'avx512f', 'avx2+fma' or 'portable';
 * `quant`: those that read the int8 / int4 tiers for tasks of at most 8 queries (decode steps): 'avx512f'
 * (computing from the codes), else the float kernels over a dequantized scratch ('avx2+fma' or 'portable').
 */
export function attentionInfo(): { threads: number; simd: string; f16c: boolean; exact: string; quant: string } {
  return loadNative().info();
}
