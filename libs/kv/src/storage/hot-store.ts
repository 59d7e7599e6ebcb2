// Storage of the hot tier: one layer's rows in float32 (the exact baseline) or float16, ordered by
// position and laid out head-major as the graph reads them. It holds the sinks, the recent window and
// the old blocks not (yet) demoted; it grows in steps, or is allocated once at a reserved capacity.
import { encodeF16At, decodeF16At } from '../quant';
import type { KvArena } from './arena';

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
export class HotStore {
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

  /** Move the rows into new buffers of `tokens` rows (allocated before the old ones are released; a failed allocation changes nothing). */
  resize(tokens: number): void {
    if (tokens < this.n) throw new RangeError(`hot store: cannot resize to ${tokens} rows, it holds ${this.n}`);
    const keys = this.alloc(tokens);
    let values: Float32Array | Uint16Array;
    try {
      values = this.alloc(tokens);
    } catch (err) {
      this.arena.release(keys);
      throw err;
    }
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
    // Row by row (headDim values each); FP16 rows are converted in place, without a view per row (this
    // runs for every layer of every step).
    const d = this.headDim;
    for (let i = 0; i < t; i++) {
      for (let h = 0; h < this.heads; h++) {
        const src = (i * this.heads + h) * d;
        const dst = this.at(h, this.n + i);
        if (this.f32) {
          this.keys.set(k.subarray(src, src + d), dst);
          (this.values as Float32Array).set(v.subarray(src, src + d), dst);
        } else {
          encodeF16At(k, src, this.keys as Uint16Array, dst, d);
          encodeF16At(v, src, this.values as Uint16Array, dst, d);
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
        if (this.f32) {
          k.set((this.keys as Float32Array).subarray(src, src + d), dst);
          v.set((this.values as Float32Array).subarray(src, src + d), dst);
        } else {
          decodeF16At(this.keys as Uint16Array, src, k, dst, d);
          decodeF16At(this.values as Uint16Array, src, v, dst, d);
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
