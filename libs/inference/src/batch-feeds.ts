// The padded inputs of a batched step: every row's tiers in one tensor per input, each padded to a common
// length and masked by past_valid (the graph ignores a row's padding).
//
// The hot (float) tiers are most of a step's input and grow by one row per decode step, so they are kept
// from step to step: each batch row's rows already in the buffer stay and only its new rows are copied,
// as long as the batch holds the same sequences in the same order, the source hands out the same buffer
// and says that nothing already read changed (KvSource.epoch). Anything else (another sequence in the
// row, a grown or rebuilt store, a demotion, a longer row than the buffer's length) copies the row, or
// the whole buffer, again. The quantized tiers (token-major, changed by every demotion) are copied whole
// each step.
//
// Invariant: for every row b and every buffer, rows [0, copied[b]) of each head equal the source's, and
// rows [copied[b], length) are zero (masked tokens must be 0, not a stale Inf or NaN: 0 x NaN is NaN).
import { ort } from './session';
import type { TensorSpec } from '@inferos/kv';

type Typed = Float32Array | Uint16Array | Uint8Array;
export const typedLike = (a: Typed, n: number): Typed =>
  a instanceof Float32Array ? new Float32Array(n) : a instanceof Uint16Array ? new Uint16Array(n) : new Uint8Array(n);

/** A batch row's source, as far as the buffers care: its identity and its epoch. */
export interface RowSource {
  /** Changes whenever rows already fed may have changed (anything but rows appended in place). */
  readonly epoch?: number;
}

interface HotRow {
  source: RowSource;
  data: Typed;
  epoch: number | undefined;
  copied: number;
}

interface HotBuffer {
  /** [batch, heads, length, D] at its start; the rest is room to lengthen the rows in place. */
  store: Typed;
  batch: number;
  length: number;
  rows: (HotRow | undefined)[];
}

/** Rows added to a hot buffer's length beyond what the batch needs now, so it is not rebuilt every step. */
const SLACK = (n: number) => Math.max(16, Math.ceil(n / 8));
/**
 * A new buffer holds this times its rows' length, so that longer rows are laid out again in place: the
 * first write to fresh memory costs page faults (150-290 ms for 276 MiB here, against 37-39 ms to rewrite it:
 * tools/bench/page-faults.mjs).
 */
const ROOM = 1.5;

export class BatchFeeds {
  private readonly hot = new Map<string, HotBuffer>();
  private readonly scratch = new Map<string, Typed>();
  /**
   * What the calls so far did (for tests and profiles): batch rows of a hot tier kept and extended
   * (incremental) or copied whole, and buffers lengthened in place (relayouts).
   */
  readonly copies = { incremental: 0, whole: 0, relayouts: 0 };

  /** Forget every buffer (their memory goes back on the next collection). */
  clear(): void {
    this.hot.clear();
    this.scratch.clear();
  }

  private buffer(key: string, like: Typed, n: number): Typed {
    let buf = this.scratch.get(key);
    if (!buf || buf.constructor !== like.constructor || buf.length < n) {
      buf = typedLike(like, Math.max(n, Math.ceil((buf?.length ?? 0) * 1.25)));
      this.scratch.set(key, buf);
    }
    return buf.subarray(0, n);
  }

  /**
   * A quantized tier's rows ([1, P, ...] each) padded along the token axis to the longest row. `keep`:
   * into this object's buffer (reused by the next call), else a fresh one.
   */
  tokenMajor(key: string, specs: readonly TensorSpec[], keep: boolean): ort.Tensor {
    const B = specs.length;
    const inner = specs[0]!.dims.slice(2);
    const stride = inner.reduce((a, d) => a * d, 1);
    const maxP = Math.max(...specs.map((sp) => sp.dims[1]!));
    const out = keep ? this.buffer(key, specs[0]!.data, B * maxP * stride) : typedLike(specs[0]!.data, B * maxP * stride);
    specs.forEach((sp, b) => {
      if (sp.dims.slice(2).some((d, i) => d !== inner[i])) throw new RangeError(`stepBatch: ${key}: row ${b} has dims [${sp.dims}], row 0 [${specs[0]!.dims}]`);
      out.set(sp.data as never, b * maxP * stride);
      if (keep) out.fill(0, b * maxP * stride + sp.data.length, (b + 1) * maxP * stride);
    });
    return new ort.Tensor(specs[0]!.type, out, [B, maxP, ...inner]);
  }

  /**
   * A hot tier's rows ([1, kv, capacity, D] each, `tokens` in use) as [B, kv, L, D], L >= the most any row
   * holds; returns the tensor and L (the rows per head fed: the attention mass has L entries for it).
   * `keep`: kept from call to call (see the file's comment), else a fresh buffer of exactly the longest row.
   */
  headMajor(key: string, specs: readonly TensorSpec[], sources: readonly RowSource[], keep: boolean): { tensor: ort.Tensor; length: number } {
    const B = specs.length;
    const [, heads, , d] = specs[0]!.dims as [number, number, number, number];
    for (const [b, sp] of specs.entries()) {
      if (sp.dims[1] !== heads || sp.dims[3] !== d) throw new RangeError(`stepBatch: ${key}: row ${b} has dims [${sp.dims}], row 0 [${specs[0]!.dims}]`);
    }
    const need = Math.max(...specs.map((sp) => sp.tokens!));
    if (need === 0) return { tensor: new ort.Tensor(specs[0]!.type, typedLike(specs[0]!.data, 0), [B, heads, 0, d]), length: 0 };
    if (!keep) {
      const out = typedLike(specs[0]!.data, B * heads * need * d);
      specs.forEach((sp, b) => this.copyRows(out, sp, b, heads, need, d, 0));
      return { tensor: new ort.Tensor(specs[0]!.type, out, [B, heads, need, d]), length: need };
    }
    let hb = this.hot.get(key);
    // A buffer of more rows serves a smaller batch (its first B rows): a sequence that finished costs a
    // copy of the rows after it, not of the whole batch.
    if (!hb || hb.batch < B || hb.store.constructor !== specs[0]!.data.constructor) {
      // Room for a batch that grows (a sequence that joins) and for longer rows: pages never written are
      // not resident, so the room costs address space, not memory.
      const length = need + SLACK(need);
      const batch = Math.max(B, 2 ** Math.ceil(Math.log2(B)));
      hb = { store: typedLike(specs[0]!.data, batch * heads * Math.ceil(length * ROOM) * d), batch, length, rows: [] };
      this.hot.set(key, hb);
    } else if (hb.length < need) {
      const length = need + SLACK(need);
      if (hb.batch * heads * length * d <= hb.store.length) {
        this.relayout(hb, heads, d, length);
      } else {
        hb = { store: typedLike(specs[0]!.data, hb.batch * heads * Math.ceil(length * ROOM) * d), batch: hb.batch, length, rows: [] };
        this.hot.set(key, hb);
      }
    }
    const { length } = hb;
    const buf = hb.store.subarray(0, B * heads * length * d);
    specs.forEach((sp, b) => {
      const n = sp.tokens!;
      const source = sources[b]!;
      const epoch = source.epoch;
      const row = hb.rows[b];
      // The rows copied are still the source's, or none were copied (the row is all zeros).
      const kept = row && row.copied <= n && (row.copied === 0 || (epoch !== undefined && row.source === source && row.data === sp.data && row.epoch === epoch));
      const from = kept ? row.copied : 0;
      if (!kept && row && row.copied > n) {
        // Rows past n hold another sequence's (or an older) tokens: zero them.
        for (let h = 0; h < heads; h++) buf.fill(0, ((b * heads + h) * length + n) * d, ((b * heads + h) * length + row.copied) * d);
      }
      if (n > from) this.copyRows(buf, sp, b, heads, length, d, from);
      if (kept) this.copies.incremental++;
      else this.copies.whole++;
      hb.rows[b] = { source, data: sp.data, epoch, copied: n };
    });
    return { tensor: new ort.Tensor(specs[0]!.type, buf, [B, heads, length, d]), length };
  }

  /**
   * Lengthen every row of a kept buffer to `length` in place: each (batch row, head) block moves to its new
   * offset, last first (every move goes to a higher offset), and the rest of the block is zeroed.
   */
  private relayout(hb: HotBuffer, heads: number, d: number, length: number): void {
    const { store, length: old } = hb;
    for (let r = hb.batch * heads - 1; r >= 0; r--) {
      const copied = hb.rows[Math.floor(r / heads)]?.copied ?? 0;
      store.copyWithin(r * length * d, r * old * d, (r * old + copied) * d);
      store.fill(0, (r * length + copied) * d, (r + 1) * length * d);
    }
    hb.length = length;
    this.copies.relayouts++;
  }

  /** Rows [from, tokens) of each head of `sp` into batch row b of `out` ([B, heads, length, D]). */
  private copyRows(out: Typed, sp: TensorSpec, b: number, heads: number, length: number, d: number, from: number): void {
    const cap = sp.dims[2]!;
    const n = sp.tokens!;
    const src = sp.data;
    const count = (n - from) * d;
    for (let h = 0; h < heads; h++) {
      const s0 = (h * cap + from) * d;
      const o0 = ((b * heads + h) * length + from) * d;
      if (count >= 4096) {
        out.set(src.subarray(s0, s0 + count) as never, o0);
      } else {
        // A step's few new rows: a plain loop (a subarray and a set per head cost more than the copy).
        for (let i = 0; i < count; i++) out[o0 + i] = src[s0 + i]!;
      }
    }
  }
}
