// The tiered KV cache of one sequence: what our code holds between steps, in its stored form.
//
// Per layer, tokens live in one of four places, fed to the graph as they are stored:
//   hot   float32 (the `baseline` policy: exact) or float16: the sink tokens, the recent window, and old
//         blocks not (yet) demoted. Rows ordered by position: [n, kvHeads, headDim].
//   int8  blocks of `groupSize` tokens; keys per channel over the block, values per token in groups of
//         `groupSize` channels; FP16 scales and uint8 zero points (see quant.ts).
//   int4  the same at 4 bits, two values per byte.
//   evicted: absent.
// Tokens after the sinks are cut into blocks of `groupSize` positions. A block becomes "old" once all of
// its tokens have left the recent window; from then on, after each step that made a new old block, the
// layer's old blocks are ranked and moved down per the thresholds (see policy.ts). A move quantizes the
// block once (INT8 -> INT4 requantizes the INT8 data); nothing moves up. Ranking puts the blocks already
// demoted lowest (evicted, then INT4, then INT8) and orders the rest by importance, so each threshold is
// the exact share of old blocks at or below its tier.
//
// Importance: the graph returns, per layer, the attention mass each fed token received (summed over
// heads and query rows). We accumulate it per position with exponential forgetting (half-life
// IMPORTANCE_HALF_LIFE queries): a block is judged by the attention it received lately. (Dividing the
// plain sum by the token's age, as we first did, ranked a block mostly by age: what it got while it
// was recent, spread over ever more queries. It evicted the oldest blocks first and lost what a later
// cue needed; DEVELOPERS.md, "The tiered cache".)
//
// A prompt's evictions wait for its end (holdEvictions): while a prompt is prefilled, blocks ranked for
// eviction wait in the policy's lowest kept tier (INT4, or INT8 when it has no INT4 share), and when its
// last step is in, the evicted share is picked by the attention of the prompt's last tokens (a second
// accumulator, half-life PROMPT_END_HALF_LIFE; prefillSteps runs those tokens as a step of their own),
// which often ask for something said long before (SnapKV's observation window).
import {
  encodeF16, decodeF16, quantizeKeys, dequantizeKeys, quantizeValues, dequantizeValues, packedBytes, type Bits,
} from './quant';
import type { Policy } from './policy';

export interface CacheShape {
  layers: number;
  kvHeads: number;
  headDim: number;
  /** The model's context length: the cache refuses tokens past it. */
  maxTokens: number;
}

/** What the cache needs of a policy. */
export interface CachePolicy {
  /** Keep everything at float32, never demote (the `baseline` policy: exact). */
  fullPrecision: boolean;
  sinks: number;
  window: number;
  groupSize: number;
  /** Shares of old blocks, as quantiles of their rank: below `evict` evicted, below `int4` INT4, below `int8` INT8. */
  thresholds: { int8: number; int4: number; evict: number };
}

export function cachePolicy(p: Policy): CachePolicy {
  const t = p.kv.level_thresholds;
  return {
    fullPrecision: p.kv.mode === 'baseline',
    sinks: p.kv.sink_tokens,
    window: p.kv.recent_window,
    groupSize: p.kv.group_size,
    thresholds: { int8: t.L1_int8, int4: t.L2_int4, evict: t.L3_evict },
  };
}

/** The same FP16 part (sinks and recent window), with every older token dropped. */
export function recentOnly(p: CachePolicy): CachePolicy {
  return { ...p, fullPrecision: false, thresholds: { int8: 1, int4: 1, evict: 1 } };
}

/**
 * Where the cache's KV buffers come from. The in-process default is the JavaScript heap; the kv-store
 * service passes its shared-memory pool, so that the buffers the graph reads are the shared ones.
 * Allocation may throw (a budget is exhausted); the cache allocates before it releases.
 */
export interface KvArena {
  f32(n: number): Float32Array;
  u16(n: number): Uint16Array;
  u8(n: number): Uint8Array;
  release(a: Float32Array | Uint16Array | Uint8Array): void;
}

export const HEAP_ARENA: KvArena = {
  f32: (n) => new Float32Array(n),
  u16: (n) => new Uint16Array(n),
  u8: (n) => new Uint8Array(n),
  release: () => {},
};

export interface CacheOptions {
  arena?: KvArena;
  /**
   * Allocate the hot store once, at the capacity `reservation()` bounds (prefill chunks of at most
   * `fixedHotChunk` tokens), instead of growing it: no reallocation and copy while the sequence runs.
   */
  fixedHotChunk?: number;
}

export type TensorType = 'float32' | 'float16' | 'uint8';

/**
 * The feeds of the full-precision (hot) tier: float32 for the exact baseline, float16 otherwise. They are
 * head-major, [1, kv_heads, capacity, head_dim], with `tokens` rows in use: an append fills the next rows
 * in place; everything else (demotion, eviction, a larger buffer) may move any feed.
 */
export const HOT_FEEDS = ['past_key', 'past_value', 'past_key_f16', 'past_value_f16'] as const;
export interface TensorSpec {
  type: TensorType;
  data: Float32Array | Uint16Array | Uint8Array;
  dims: number[];
  /**
   * Rows in use of a hot tier ([1, kv_heads, capacity, head_dim]: the graph masks the rows past them).
   * Absent for the quantized tiers, whose token axis (dim 1) is exact.
   */
  tokens?: number;
}

/** Tokens a tier's feed holds: a hot tier's rows in use, else its token axis. */
export function heldTokens(spec: TensorSpec): number {
  return spec.tokens ?? spec.dims[1]!;
}

/** A hot feed's rows in use, token-major ([tokens, kv_heads, head_dim]) float32: what was appended. */
export function hotRows(spec: TensorSpec): Float32Array {
  if (spec.tokens === undefined || spec.dims.length !== 4) throw new RangeError('hotRows: not a hot tier feed ([1, kv, capacity, D] with tokens)');
  const [, heads, cap, d] = spec.dims as [number, number, number, number];
  const n = spec.tokens;
  const out = new Float32Array(n * heads * d);
  for (let r = 0; r < n; r++) {
    for (let h = 0; h < heads; h++) {
      const src = spec.data.subarray((h * cap + r) * d, (h * cap + r + 1) * d);
      const dst = out.subarray((r * heads + h) * d, (r * heads + h + 1) * d);
      if (src instanceof Uint16Array) decodeF16(src, dst);
      else dst.set(src as Float32Array);
    }
  }
  return out;
}

export interface TierBytes {
  f32: number;
  f16: number;
  int8: number;
  int4: number;
}

type Tier = 'hot' | 'i8' | 'i4' | 'evicted';
const TIER_ORDER: Record<Tier, number> = { hot: 0, i8: 1, i4: 2, evicted: 3 };

interface Block {
  start: number;
  tier: Tier;
}

/**
 * Half-life, in queries (tokens run after it), of the attention mass that ranks old blocks. Measured
 * with `default` (DEVELOPERS.md, "The tiered cache"): 256 against 32, 64, 128 and no forgetting.
 */
export const IMPORTANCE_HALF_LIFE = 256;
/** Half-life of the mass that picks the evictions held for a prompt's end; also how many of the prompt's
 * last tokens prefillSteps runs as a step of their own. */
export const PROMPT_END_HALF_LIFE = 32;

/**
 * The steps (token counts) to prefill a prompt of `tokens` tokens in, each at most `chunk`. When the
 * cache holds evictions for the prompt's end, its last PROMPT_END_HALF_LIFE tokens form a step of their
 * own, so that the attention they pay is not diluted by the tokens of a long step before them.
 */
export function prefillSteps(tokens: number, chunk: number, observe: boolean): number[] {
  if (!Number.isSafeInteger(tokens) || tokens <= 0) throw new RangeError(`prefill: the prompt must have tokens, got ${tokens}`);
  if (!Number.isSafeInteger(chunk) || chunk <= 0) throw new RangeError(`prefill chunk must be a positive integer, got ${chunk}`);
  const tail = observe && chunk > PROMPT_END_HALF_LIFE && tokens > PROMPT_END_HALF_LIFE ? PROMPT_END_HALF_LIFE : 0;
  const steps: number[] = [];
  for (let left = tokens - tail; left > 0; left -= chunk) steps.push(Math.min(chunk, left));
  if (tail) steps.push(tail);
  return steps;
}

/** Where blocks ranked for eviction wait while a prompt holds its evictions: the lowest tier the policy
 * keeps old blocks in, if it quantizes them at all (undefined: nothing can wait, evictions happen). */
export function parkingTier(policy: CachePolicy): 'i4' | 'i8' | undefined {
  const { int8, int4, evict } = policy.thresholds;
  if (policy.fullPrecision) return undefined;
  return int4 > evict ? 'i4' : int8 > evict ? 'i8' : undefined;
}

/**
 * The hot store grows by an eighth of what it holds, in whole steps of GROWTH_TOKENS: the bytes held stay
 * within 12.5% (or 64 tokens) of the bytes used, and so do the masked rows a step attends to (the graph is
 * fed the whole capacity), while a long sequence copies its store every n/8 tokens, not every 64
 * (a growth of the 1B shape's store at 1,152 tokens made its step ~40 ms longer: the slowest step of
 * `tools/bench/profile-decode.ts DIR 1140 30 baseline`, 89 ms against 50 ms on average).
 */
const GROWTH_TOKENS = 64;
const growTo = (tokens: number): number => Math.ceil((tokens + Math.floor(tokens / 8)) / GROWTH_TOKENS) * GROWTH_TOKENS;

/**
 * Hot rows, ordered by position, in float32 or float16 (bits), head-major: head h's row r at
 * (h * capacity + r) * headDim, the layout the graph's MatMuls read without a transpose. Rows past `n` are
 * fed too and masked by the graph; they must hold finite numbers (a masked row's probability is 0, and
 * 0 x Inf is NaN): zeros from `resize`, or rows that `remove` moved down.
 */
class HotStore {
  keys: Float32Array | Uint16Array;
  values: Float32Array | Uint16Array;
  positions: Int32Array = new Int32Array(0);
  n = 0;
  readonly channels: number;

  constructor(
    readonly f32: boolean,
    readonly heads: number,
    readonly headDim: number,
    readonly maxTokens: number,
    private readonly arena: KvArena,
    /** Allocated once at this many tokens and never resized (undefined: grow as needed). */
    public fixedCapacity?: number,
  ) {
    this.channels = heads * headDim;
    this.keys = this.alloc(0);
    this.values = this.alloc(0);
    if (fixedCapacity !== undefined) this.resize(fixedCapacity);
  }

  private alloc(tokens: number): Float32Array | Uint16Array {
    return this.f32 ? this.arena.f32(tokens * this.channels) : this.arena.u16(tokens * this.channels);
  }

  get capacity(): number {
    return this.positions.length;
  }

  /** Offset of head h's row r. */
  private at(h: number, r: number, capacity = this.capacity): number {
    return (h * capacity + r) * this.headDim;
  }

  resize(tokens: number): void {
    const keys = this.alloc(tokens);
    const values = this.alloc(tokens);
    const positions = new Int32Array(tokens);
    const d = this.headDim;
    for (let h = 0; h < this.heads; h++) {
      const from = this.at(h, 0);
      keys.set(this.keys.subarray(from, from + this.n * d) as never, this.at(h, 0, tokens));
      values.set(this.values.subarray(from, from + this.n * d) as never, this.at(h, 0, tokens));
      // The arena may hand out memory that held anything (the kv-store's shared pool): zero the rest.
      keys.fill(0, this.at(h, this.n, tokens), this.at(h, tokens, tokens));
      values.fill(0, this.at(h, this.n, tokens), this.at(h, tokens, tokens));
    }
    positions.set(this.positions.subarray(0, this.n));
    this.arena.release(this.keys);
    this.arena.release(this.values);
    this.keys = keys;
    this.values = values;
    this.positions = positions;
  }

  /** Append `t` tokens of keys and values given token-major ([t, heads, headDim] float32). */
  append(k: Float32Array, v: Float32Array, t: number, firstPosition: number): void {
    if (this.n + t > this.capacity) {
      if (this.fixedCapacity !== undefined) throw new RangeError(`hot store: ${this.n} + ${t} tokens exceed its fixed capacity of ${this.fixedCapacity}`);
      this.resize(Math.min(this.maxTokens, growTo(this.n + t)));
    }
    const d = this.headDim;
    for (let i = 0; i < t; i++) {
      for (let h = 0; h < this.heads; h++) {
        const src = (i * this.heads + h) * d;
        const dst = this.at(h, this.n + i);
        if (this.keys instanceof Float32Array) {
          this.keys.set(k.subarray(src, src + d), dst);
          (this.values as Float32Array).set(v.subarray(src, src + d), dst);
        } else {
          encodeF16(k.subarray(src, src + d), this.keys, dst);
          encodeF16(v.subarray(src, src + d), this.values as Uint16Array, dst);
        }
      }
      this.positions[this.n + i] = firstPosition + i;
    }
    this.n += t;
  }

  rowOf(position: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = this.positions[mid]!;
      if (p === position) return mid;
      if (p < position) lo = mid + 1;
      else hi = mid - 1;
    }
    throw new Error(`hot store: position ${position} not held`);
  }

  /** Float32 copies of `count` rows from `row`, token-major ([count, heads, headDim]). */
  read(row: number, count: number): [Float32Array, Float32Array] {
    const d = this.headDim;
    const k = new Float32Array(count * this.channels);
    const v = new Float32Array(count * this.channels);
    for (let i = 0; i < count; i++) {
      for (let h = 0; h < this.heads; h++) {
        const src = this.at(h, row + i);
        const dst = (i * this.heads + h) * d;
        if (this.keys instanceof Float32Array) {
          k.set(this.keys.subarray(src, src + d), dst);
          v.set((this.values as Float32Array).subarray(src, src + d), dst);
        } else {
          decodeF16(this.keys.subarray(src, src + d), k.subarray(dst, dst + d));
          decodeF16((this.values as Uint16Array).subarray(src, src + d), v.subarray(dst, dst + d));
        }
      }
    }
    return [k, v];
  }

  remove(row: number, count: number): void {
    for (let h = 0; h < this.heads; h++) {
      this.keys.copyWithin(this.at(h, row), this.at(h, row + count), this.at(h, this.n));
      this.values.copyWithin(this.at(h, row), this.at(h, row + count), this.at(h, this.n));
    }
    this.positions.copyWithin(row, row + count, this.n);
    this.n -= count;
  }

  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  free(): void {
    this.arena.release(this.keys);
    this.arena.release(this.values);
    this.keys = this.alloc(0);
    this.values = this.alloc(0);
    this.n = 0;
  }
}

interface QuantBlock {
  start: number;
  kq: Uint8Array;
  ks: Uint16Array;
  kz: Uint8Array;
  vq: Uint8Array;
  vs: Uint16Array;
  vz: Uint8Array;
}

/** INT8 or INT4 blocks, stored contiguously in block order, exactly sized. */
class QuantStore {
  blocks: number[] = [];
  kq: Uint8Array = new Uint8Array(0);
  ks: Uint16Array = new Uint16Array(0);
  kz: Uint8Array = new Uint8Array(0);
  vq: Uint8Array = new Uint8Array(0);
  vs: Uint16Array = new Uint16Array(0);
  vz: Uint8Array = new Uint8Array(0);

  constructor(readonly bits: Bits, readonly channels: number, readonly group: number, private readonly arena: KvArena) {}

  get rowBytes(): number {
    return packedBytes(this.channels, this.bits);
  }

  quantize(start: number, k: Float32Array, v: Float32Array): QuantBlock {
    const n = this.group;
    const c = this.channels;
    const vGroups = c / this.group;
    const b: QuantBlock = {
      start,
      kq: new Uint8Array(packedBytes(n * c, this.bits)),
      ks: new Uint16Array(c),
      kz: new Uint8Array(c),
      vq: new Uint8Array(packedBytes(n * c, this.bits)),
      vs: new Uint16Array(n * vGroups),
      vz: new Uint8Array(n * vGroups),
    };
    quantizeKeys(k, n, c, this.bits, b.kq, b.ks, b.kz);
    quantizeValues(v, n, c, this.group, this.bits, b.vq, b.vs, b.vz);
    return b;
  }

  /** Block i's stored data (views). */
  slice(i: number): QuantBlock {
    const n = this.group;
    const c = this.channels;
    const rows = packedBytes(n * c, this.bits);
    const vGroups = c / this.group;
    return {
      start: this.blocks[i]!,
      kq: this.kq.subarray(i * rows, (i + 1) * rows),
      ks: this.ks.subarray(i * c, (i + 1) * c),
      kz: this.kz.subarray(i * c, (i + 1) * c),
      vq: this.vq.subarray(i * rows, (i + 1) * rows),
      vs: this.vs.subarray(i * n * vGroups, (i + 1) * n * vGroups),
      vz: this.vz.subarray(i * n * vGroups, (i + 1) * n * vGroups),
    };
  }

  read(i: number): [Float32Array, Float32Array] {
    const b = this.slice(i);
    const n = this.group;
    const k = new Float32Array(n * this.channels);
    const v = new Float32Array(n * this.channels);
    dequantizeKeys(b.kq, b.ks, b.kz, n, this.channels, this.bits, k);
    dequantizeValues(b.vq, b.vs, b.vz, n, this.channels, this.group, this.bits, v);
    return [k, v];
  }

  /**
   * Replace the contents with `blocks` (copied into fresh, exactly sized arrays). The new contents are
   * assembled on the heap first and the old buffers released before the arena allocates the new ones,
   * so the arena never holds both (its peak is the larger of the two, which `reservation` counts on).
   */
  rebuild(blocks: QuantBlock[]): void {
    const cat = <T extends Uint8Array | Uint16Array>(parts: T[], make: (n: number) => T): T => {
      const out = make(parts.reduce((s, p) => s + p.length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p as never, at);
        at += p.length;
      }
      return out;
    };
    const heap8 = (n: number) => new Uint8Array(n);
    const heap16 = (n: number) => new Uint16Array(n);
    const staged = {
      kq: cat(blocks.map((b) => b.kq), heap8),
      ks: cat(blocks.map((b) => b.ks), heap16),
      kz: cat(blocks.map((b) => b.kz), heap8),
      vq: cat(blocks.map((b) => b.vq), heap8),
      vs: cat(blocks.map((b) => b.vs), heap16),
      vz: cat(blocks.map((b) => b.vz), heap8),
    };
    this.free();
    const u8 = (a: Uint8Array) => {
      const out = this.arena.u8(a.length);
      out.set(a);
      return out;
    };
    const u16 = (a: Uint16Array) => {
      const out = this.arena.u16(a.length);
      out.set(a);
      return out;
    };
    this.kq = u8(staged.kq);
    this.ks = u16(staged.ks);
    this.kz = u8(staged.kz);
    this.vq = u8(staged.vq);
    this.vs = u16(staged.vs);
    this.vz = u8(staged.vz);
    this.blocks = blocks.map((b) => b.start);
  }

  free(): void {
    for (const a of [this.kq, this.ks, this.kz, this.vq, this.vs, this.vz]) this.arena.release(a);
    this.kq = this.kz = this.vq = this.vz = new Uint8Array(0);
    this.ks = this.vs = new Uint16Array(0);
    this.blocks = [];
  }

  get tokens(): number {
    return this.blocks.length * this.group;
  }

  get bytes(): number {
    return this.kq.byteLength + this.ks.byteLength + this.kz.byteLength + this.vq.byteLength + this.vs.byteLength + this.vz.byteLength;
  }
}

class Layer {
  readonly hot: HotStore;
  readonly i8: QuantStore;
  readonly i4: QuantStore;
  /** Attention mass per position, forgotten with IMPORTANCE_HALF_LIFE. */
  readonly mass: Float64Array;
  /** The same with PROMPT_END_HALF_LIFE: what the latest tokens attended to. */
  readonly recentMass: Float64Array;
  readonly blocks: Block[] = [];

  constructor(shape: CacheShape, policy: CachePolicy, arena: KvArena, fixedHot?: number) {
    const c = shape.kvHeads * shape.headDim;
    this.hot = new HotStore(policy.fullPrecision, shape.kvHeads, shape.headDim, shape.maxTokens, arena, fixedHot);
    // Full precision never quantizes, but its (empty) quantized tiers still take the graph's shapes.
    this.i8 = new QuantStore(8, c, policy.groupSize, arena);
    this.i4 = new QuantStore(4, c, policy.groupSize, arena);
    this.mass = new Float64Array(policy.fullPrecision ? 0 : shape.maxTokens);
    this.recentMass = new Float64Array(this.mass.length);
  }
}

export class TieredKvCache {
  readonly channels: number;
  private readonly layers: Layer[];
  private used = 0;
  private mutations = 0;
  private nextBlock = 0;
  private evictedTokens = 0;
  /** Evictions wait until the cache holds this many tokens (the end of the prompt being prefilled). */
  private evictAt = 0;

  constructor(readonly shape: CacheShape, readonly policy: CachePolicy, options: CacheOptions = {}) {
    for (const [k, v] of Object.entries(shape)) {
      if (!Number.isSafeInteger(v) || v <= 0) throw new RangeError(`TieredKvCache: ${k} must be a positive integer, got ${v}`);
    }
    this.channels = shape.kvHeads * shape.headDim;
    if (this.channels % policy.groupSize !== 0) {
      throw new RangeError(`TieredKvCache: group size ${policy.groupSize} does not divide ${this.channels} channels (kv_heads x head_dim)`);
    }
    const arena = options.arena ?? HEAP_ARENA;
    const fixedHot = options.fixedHotChunk === undefined ? undefined : reservation(shape, policy, shape.maxTokens, options.fixedHotChunk).hotTokens;
    this.layers = [];
    try {
      for (let l = 0; l < shape.layers; l++) this.layers.push(new Layer(shape, policy, arena, fixedHot));
    } catch (err) {
      this.free();
      throw err;
    }
  }

  /** Release every buffer to the arena; the cache is empty (and unusable) afterwards. */
  free(): void {
    for (const l of this.layers) {
      l.hot.free();
      l.i8.free();
      l.i4.free();
    }
    this.layers.length = 0;
  }

  /**
   * Changes whenever rows already fed may have changed (a demotion or a squeeze moves rows between tiers);
   * appending rows in place does not change it (a grown hot store is a new buffer).
   */
  get epoch(): number {
    return this.mutations;
  }

  /** Tokens of the sequence so far (held or evicted). */
  get length(): number {
    return this.used;
  }

  /**
   * Hold evictions until the cache holds `tokens` tokens: call it before prefilling a prompt that ends
   * there. Until then, blocks ranked for eviction wait in parkingTier(policy) (quantized once, as on
   * their way out); when the prompt's last step is appended, the evicted share is picked among all live
   * blocks by what the prompt's last tokens attended to, and the other tiers are ranked as usual. The
   * prompt's peak is then every old block of the prompt held (`reservation` counts it). A policy that
   * keeps no quantized tier cannot hold: its evictions happen as they come.
   */
  holdEvictions(tokens: number): void {
    if (!Number.isSafeInteger(tokens) || tokens < 0 || tokens > this.shape.maxTokens) throw new RangeError(`holdEvictions: tokens must be in [0, ${this.shape.maxTokens}], got ${tokens}`);
    this.evictAt = tokens;
  }

  /** Whether the cache wants the graph's attention mass (importance) after each step. */
  get needsImportance(): boolean {
    return !this.policy.fullPrecision;
  }

  /**
   * The graph inputs of `layer` (names without the `.L` suffix): views of the stored tiers, no copies.
   * Order of tokens inside the graph: f32, f16, int8, int4 (see `positions`).
   */
  feeds(layer: number): Record<string, TensorSpec> {
    const l = this.layer(layer);
    const { kvHeads: h, headDim: d } = this.shape;
    const c = this.channels;
    const { n, f32, capacity, keys, values } = l.hot;
    const emptyF32 = new Float32Array(0);
    const emptyF16 = new Uint16Array(0);
    // The hot tier whole (head-major, every row of its capacity), `tokens` of them in use.
    const hot = (data: Float32Array | Uint16Array): Omit<TensorSpec, 'type'> => ({ data, dims: [1, h, capacity, d], tokens: n });
    const none = (data: Float32Array | Uint16Array): Omit<TensorSpec, 'type'> => ({ data, dims: [1, h, 0, d], tokens: 0 });
    const out: Record<string, TensorSpec> = {
      past_key: { type: 'float32', ...(f32 ? hot(keys) : none(emptyF32)) },
      past_value: { type: 'float32', ...(f32 ? hot(values) : none(emptyF32)) },
      past_key_f16: { type: 'float16', ...(f32 ? none(emptyF16) : hot(keys)) },
      past_value_f16: { type: 'float16', ...(f32 ? none(emptyF16) : hot(values)) },
    };
    for (const [t, s] of [['i8', l.i8], ['i4', l.i4]] as const) {
      const tokens = s.tokens;
      const vGroups = c / s.group;
      // INT8 keys keep their heads; INT4 keys are fed as C/2 bytes per token (a block is group/2 rows of C
      // bytes inside, token r paired with r + group/2; see quant.ts), so every tier's tokens are on axis 1.
      out[`past_key_${t}`] = { type: 'uint8', data: s.kq, dims: s.bits === 8 ? [1, tokens, h, d] : [1, tokens, s.rowBytes] };
      out[`past_key_${t}_scale`] = { type: 'float16', data: s.ks, dims: [1, s.blocks.length, h, d] };
      out[`past_key_${t}_zero`] = { type: 'uint8', data: s.kz, dims: [1, s.blocks.length, h, d] };
      out[`past_value_${t}`] = { type: 'uint8', data: s.vq, dims: [1, tokens, s.rowBytes] };
      out[`past_value_${t}_scale`] = { type: 'float16', data: s.vs, dims: [1, tokens, vGroups] };
      out[`past_value_${t}_zero`] = { type: 'uint8', data: s.vz, dims: [1, tokens, vGroups] };
    }
    return out;
  }

  /** Positions of the tokens fed for `layer`, in the graph's order (f32/f16 hot rows, int8, int4). */
  positions(layer: number): Int32Array {
    const l = this.layer(layer);
    const g = this.policy.groupSize;
    const out = new Int32Array(l.hot.n + l.i8.tokens + l.i4.tokens);
    out.set(l.hot.positions.subarray(0, l.hot.n));
    let at = l.hot.n;
    for (const s of [l.i8, l.i4]) {
      for (const start of s.blocks) for (let i = 0; i < g; i++) out[at++] = start + i;
    }
    return out;
  }

  /**
   * Append the K/V of `t` new tokens (keys[l], values[l]: [t, kvHeads, headDim] float32) and, when the
   * cache needs importance, the graph's attention mass of the step (masses[l]: [fed + t]). Checks every
   * shape before it changes anything.
   */
  append(keys: readonly Float32Array[], values: readonly Float32Array[], t: number, masses?: readonly Float32Array[]): void {
    if (!Number.isSafeInteger(t) || t <= 0) throw new RangeError(`TieredKvCache.append: t must be a positive integer, got ${t}`);
    const nl = this.shape.layers;
    if (keys.length !== nl || values.length !== nl) throw new RangeError(`TieredKvCache.append: expected ${nl} layers of keys and values, got ${keys.length} and ${values.length}`);
    const want = t * this.channels;
    for (let l = 0; l < nl; l++) {
      if (keys[l]!.length !== want || values[l]!.length !== want) {
        throw new RangeError(`TieredKvCache.append: layer ${l}: expected ${want} floats ([${t}, ${this.shape.kvHeads}, ${this.shape.headDim}]), got ${keys[l]!.length} keys and ${values[l]!.length} values`);
      }
    }
    if (this.used + t > this.shape.maxTokens) throw new RangeError(`TieredKvCache.append: ${this.used} + ${t} tokens exceed the context of ${this.shape.maxTokens}`);
    const before = this.used;
    if (this.needsImportance) {
      if (!masses || masses.length !== nl) throw new RangeError('TieredKvCache.append: this policy needs the attention mass of every layer');
      for (let l = 0; l < nl; l++) {
        const fed = this.fedTokens(l) + t;
        if (masses[l]!.length !== fed) throw new RangeError(`TieredKvCache.append: layer ${l}: attention mass has ${masses[l]!.length} entries, expected ${fed}`);
      }
    }
    for (let l = 0; l < nl; l++) {
      const layer = this.layers[l]!;
      if (this.needsImportance) this.accumulate(l, masses![l]!);
      layer.hot.append(keys[l]!, values[l]!, t, this.used);
    }
    this.used += t;
    if (this.policy.fullPrecision) return;
    const { sinks, window, groupSize: g } = this.policy;
    let newBlocks = false;
    while (sinks + (this.nextBlock + 1) * g <= this.used - window) {
      for (const layer of this.layers) layer.blocks.push({ start: sinks + this.nextBlock * g, tier: 'hot' });
      this.nextBlock++;
      newBlocks = true;
    }
    const holding = this.used < this.evictAt;
    const promptEnd = before < this.evictAt && !holding;
    if (newBlocks || (promptEnd && this.nextBlock > 0)) {
      for (const layer of this.layers) this.demote(layer, undefined, holding, promptEnd);
    }
  }

  /** Tokens fed to the graph for layer `l` (held in any tier): the attention mass a step returns is this + t. */
  fedTokens(l: number): number {
    const layer = this.layers[l]!;
    return layer.hot.n + layer.i8.tokens + layer.i4.tokens;
  }

  /** Add one step's attention mass to the per-position importance, walking the tiers in feed order. */
  private accumulate(l: number, mass: Float32Array): void {
    const layer = this.layers[l]!;
    const g = this.policy.groupSize;
    const t = mass.length - this.fedTokens(l);
    const { mass: long, recentMass: short } = layer;
    const decayLong = Math.pow(0.5, t / IMPORTANCE_HALF_LIFE);
    const decayShort = Math.pow(0.5, t / PROMPT_END_HALF_LIFE);
    for (let p = 0; p < this.used; p++) {
      long[p]! *= decayLong;
      short[p]! *= decayShort;
    }
    // The step's mass is summed over its t queries; weigh it by their mean age weight (as if spread
    // evenly), so that a long step counts like its queries would one by one.
    const weight = (h: number) => (t === 1 ? 1 : (1 - Math.pow(0.5, t / h)) / (t * (1 - Math.pow(0.5, 1 / h))));
    const wLong = weight(IMPORTANCE_HALF_LIFE);
    const wShort = weight(PROMPT_END_HALF_LIFE);
    let i = 0;
    const add = (p: number) => {
      long[p]! += mass[i]! * wLong;
      short[p]! += mass[i++]! * wShort;
    };
    for (let r = 0; r < layer.hot.n; r++) add(layer.hot.positions[r]!);
    for (const s of [layer.i8, layer.i4]) {
      for (const start of s.blocks) for (let p = start; p < start + g; p++) add(p);
    }
    for (let p = this.used; i < mass.length; p++) add(p);
  }

  /** Importance of a block: mean over its tokens of the forgotten attention mass they received. */
  private score(mass: Float64Array, start: number): number {
    let s = 0;
    for (let p = start; p < start + this.policy.groupSize; p++) s += mass[p]!;
    return s / this.policy.groupSize;
  }

  /**
   * Memory pressure: move every old block still at FP16 to INT4 now (the sinks and the recent window
   * stay), and give the hot store's unused capacity back (it grows again as needed). Not for the
   * full-precision baseline, which must stay exact. Returns the bytes released.
   */
  squeeze(): number {
    if (this.policy.fullPrecision) return 0;
    this.mutations++;
    const before = this.bytesHeld;
    for (const layer of this.layers) {
      layer.hot.fixedCapacity = undefined;
      this.demote(layer, 'i4', this.used < this.evictAt);
      if (layer.hot.capacity > layer.hot.n) layer.hot.resize(layer.hot.n);
    }
    return before - this.bytesHeld;
  }

  /**
   * One round: rank the layer's old blocks and move them down per the thresholds. `hold`: evict nothing
   * yet (when the policy has a tier to wait in); `promptEnd`: pick the evictions by what the prompt's last
   * tokens attended to.
   */
  private demote(layer: Layer, force?: Tier, hold = false, promptEnd = false): void {
    this.mutations++;
    // Every old block is ranked, evicted ones included, so the thresholds are shares of the whole old
    // population. Nothing moves up, so blocks already demoted take the lowest ranks (evicted, then INT4,
    // then INT8) and only the others compete by importance: repeated rounds do not compound.
    const { int8, int4, evict } = this.policy.thresholds;
    const rankBy = (score: (start: number) => number, order: (b: Block) => number): Block[] => {
      const scores = new Map(layer.blocks.map((b) => [b.start, score(b.start)] as const));
      return [...layer.blocks].sort((a, b) => order(b) - order(a) || scores.get(a.start)! - scores.get(b.start)! || a.start - b.start);
    };
    const quantile = (i: number, n: number) => (i + 0.5) / n;
    // At a prompt's end, who is evicted is decided first, among all live blocks by what the prompt's
    // last tokens attended to (a block that waited competes like any other; kept, it stays in the tier
    // it waited in, the policy's lowest). Those blocks then take the evicted ranks below, and the other
    // tiers follow as usual.
    const evictNow = new Set<number>();
    if (promptEnd) {
      const byCue = rankBy((start) => this.score(layer.recentMass, start), (b) => Number(b.tier === 'evicted'));
      byCue.forEach((b, i) => quantile(i, byCue.length) < evict && evictNow.add(b.start));
    }
    const ranked = rankBy((start) => this.score(layer.mass, start), (b) => (evictNow.has(b.start) ? TIER_ORDER.evicted : TIER_ORDER[b.tier]));
    const parking = hold ? parkingTier(this.policy) : undefined;
    const moves: [Block, Tier][] = [];
    ranked.forEach((b, i) => {
      const r = quantile(i, ranked.length);
      let ranked_: Tier = r < evict ? 'evicted' : r < int4 ? 'i4' : r < int8 ? 'i8' : 'hot';
      if (ranked_ === 'evicted' && parking && b.tier !== 'evicted') ranked_ = parking;
      const target: Tier = force && TIER_ORDER[force] > TIER_ORDER[ranked_] ? force : ranked_;
      if (TIER_ORDER[target] > TIER_ORDER[b.tier]) moves.push([b, target]);
    });
    if (moves.length === 0) return;
    const g = this.policy.groupSize;
    const keep8: QuantBlock[] = [];
    const keep4: QuantBlock[] = [];
    const leaving = new Map(moves.map(([b, t]) => [b.start, t]));
    layer.i8.blocks.forEach((start, i) => {
      const to = leaving.get(start);
      if (to === undefined) keep8.push(layer.i8.slice(i));
      else if (to === 'i4') {
        const [k, v] = layer.i8.read(i);
        keep4.push(layer.i4.quantize(start, k, v));
      }
    });
    layer.i4.blocks.forEach((start, i) => {
      if (!leaving.has(start)) keep4.push(layer.i4.slice(i));
    });
    // Blocks leaving the hot store, highest rows first so that earlier rows keep their index.
    const fromHot = moves.filter(([b]) => b.tier === 'hot').sort((a, b) => b[0].start - a[0].start);
    for (const [b, to] of fromHot) {
      const row = layer.hot.rowOf(b.start);
      if (to !== 'evicted') {
        const [k, v] = layer.hot.read(row, g);
        (to === 'i8' ? keep8 : keep4).push((to === 'i8' ? layer.i8 : layer.i4).quantize(b.start, k, v));
      }
      layer.hot.remove(row, g);
    }
    layer.i8.rebuild(keep8);
    layer.i4.rebuild(keep4);
    for (const [b, to] of moves) {
      if (to === 'evicted') this.evictedTokens += g;
      b.tier = to;
    }
    // Return the hot capacity that demotion freed (growth then resumes in steps of GROWTH_TOKENS).
    if (layer.hot.fixedCapacity === undefined && layer.hot.capacity > layer.hot.n) layer.hot.resize(layer.hot.n);
  }

  private layer(l: number): Layer {
    const layer = this.layers[l];
    if (!layer) throw new RangeError(`TieredKvCache: layer ${l} out of range [0, ${this.shape.layers})`);
    return layer;
  }

  /** Bytes of the KV buffers held per tier (payload, scales and zero points). */
  get bytesByTier(): TierBytes {
    const out: TierBytes = { f32: 0, f16: 0, int8: 0, int4: 0 };
    for (const l of this.layers) {
      if (l.hot.f32) out.f32 += l.hot.bytes;
      else out.f16 += l.hot.bytes;
      out.int8 += l.i8.bytes;
      out.int4 += l.i4.bytes;
    }
    return out;
  }

  get bytesHeld(): number {
    const t = this.bytesByTier;
    return t.f32 + t.f16 + t.int8 + t.int4;
  }

  /** Bytes an FP16 cache would need for every token of the sequence. */
  get bytesFp16(): number {
    return this.used * this.shape.layers * 2 * this.channels * 2;
  }

  /** 1 - held / FP16 (negative for the float32 baseline, which holds twice the FP16 bytes). */
  get reduction(): number {
    return this.used === 0 ? 0 : 1 - this.bytesHeld / this.bytesFp16;
  }

  /** Tokens per tier summed over layers (evicted included), for reports. */
  get tokensByTier(): { hot: number; int8: number; int4: number; evicted: number } {
    let hot = 0;
    let int8 = 0;
    let int4 = 0;
    for (const l of this.layers) {
      hot += l.hot.n;
      int8 += l.i8.tokens;
      int4 += l.i4.tokens;
    }
    return { hot, int8, int4, evicted: this.evictedTokens };
  }

  /** Bookkeeping outside the KV buffers: positions and importance accumulators. */
  get metadataBytes(): number {
    return this.layers.reduce((s, l) => s + l.hot.positions.byteLength + l.mass.byteLength + l.recentMass.byteLength, 0);
  }
}

export interface Reservation {
  /** Hot-store capacity in tokens (per layer). */
  hotTokens: number;
  /** Most INT8 and INT4 blocks a layer can hold. */
  int8Blocks: number;
  int4Blocks: number;
  /** Upper bound of the bytes the cache holds at any moment, transients of a demotion included. */
  bytes: number;
}

/**
 * How many bytes a sequence of at most `tokens` tokens can hold under `policy`, fed in steps of at most
 * `chunk` tokens, with a fixed hot store (CacheOptions.fixedHotChunk). The kv-store admits a sequence only
 * when this fits its budget, so a running sequence never finds the budget exhausted.
 *
 * Why it bounds: with n old blocks ranked by quantile r = (i + 0.5) / n, at most floor((1 - L1) n) + 1
 * have r >= L1 (stay hot); blocks never move up, so a block in INT8 had a target of INT8 or hot: at most
 * floor((1 - L2) n) + 1 blocks are hot or INT8, and floor((1 - L3) n) + 1 are held at all. The hot store
 * also holds the sinks, the recent window, the block being filled and one chunk appended before its
 * demotion. A demotion releases a quantized tier's old buffers before it allocates the new ones
 * (QuantStore.rebuild), so no tier counts twice. While a prompt of `promptTokens` holds its evictions
 * (holdEvictions), every old block of the prompt may be held, in parkingTier(policy) at most.
 */
export function reservation(shape: CacheShape, policy: CachePolicy, tokens: number, chunk: number, promptTokens = 0): Reservation {
  if (!Number.isSafeInteger(tokens) || tokens <= 0 || tokens > shape.maxTokens) throw new RangeError(`reservation: tokens must be in [1, ${shape.maxTokens}], got ${tokens}`);
  if (!Number.isSafeInteger(chunk) || chunk <= 0) throw new RangeError(`reservation: chunk must be a positive integer, got ${chunk}`);
  const c = shape.kvHeads * shape.headDim;
  const layers = shape.layers;
  if (policy.fullPrecision) {
    return { hotTokens: tokens, int8Blocks: 0, int4Blocks: 0, bytes: layers * tokens * c * 4 * 2 };
  }
  const g = policy.groupSize;
  const { int8, int4, evict } = policy.thresholds;
  const n = Math.max(0, Math.floor((tokens - policy.sinks - policy.window) / g));
  const atMost = (fraction: number) => Math.min(n, Math.floor(fraction * n) + 1);
  const parking = parkingTier(policy);
  const promptBlocks = parking ? Math.max(0, Math.floor((Math.min(promptTokens, tokens) - policy.sinks - policy.window) / g)) : 0;
  const hotBlocks = atMost(1 - int8);
  const hotOrInt8 = Math.max(atMost(1 - int4), parking === 'i8' ? promptBlocks : 0);
  const held = Math.max(atMost(1 - evict), promptBlocks);
  const hotTokens = Math.min(tokens, policy.sinks + policy.window + (hotBlocks + 1) * g + chunk);
  const int8Blocks = Math.max(0, hotOrInt8 - hotBlocks);
  const int4Blocks = Math.max(0, held - hotOrInt8);
  const blockBytes = (bits: Bits) => 2 * packedBytes(g * c, bits) + c * 3 + g * (c / g) * 3;
  const quant = Math.min(hotOrInt8, n) * blockBytes(8) + Math.min(held, n) * blockBytes(4);
  return { hotTokens, int8Blocks, int4Blocks, bytes: layers * (hotTokens * c * 2 * 2 + quant) };
}
