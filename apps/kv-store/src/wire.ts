// Wire encoding: what the kv-store tells a sequence's owner about its cache, and how it reads what the
// owner staged. A table (SeqTable) locates every feed in the shared pool; after a step that only appended
// hot rows in place, a SeqGrown raises the owner's row counts instead; a step's K/V and attention mass
// are read from the owner's staging segment, laid out per layer.
import { HOT_FEEDS, type TensorSpec } from '@inferos/kv';
import { SegmentMap, sweepStale, type ShmPool, type SeqLocks } from '@inferos/shm';
import { pb, type inferos, type Fields } from '@inferos/proto';
import type { StoreConfig } from './config';
import type { Sequence } from './sequence';

type Tier = inferos.v1.Tier;

/** The feeds of the hot tier, the only ones an append grows in place. */
const HOT = new Set<string>(HOT_FEEDS);

/**
 * Whether `now` differs from `before` only by `t` rows appended in place to the hot tier (same buffers,
 * `tokens` grown by t): the owner's views, built from `before`, then need only their row counts raised
 * (SeqGrown). Any other difference (a tensor that moved, resized or changed shape) needs a whole table.
 */
export function grewInPlace(before: readonly Record<string, TensorSpec>[], now: readonly Record<string, TensorSpec>[], t: number): boolean {
  if (before.length !== now.length) return false;
  for (let l = 0; l < now.length; l++) {
    const names = Object.keys(now[l]!);
    if (names.length !== Object.keys(before[l]!).length) return false;
    for (const name of names) {
      const a = before[l]![name];
      const b = now[l]![name]!;
      if (!a || a.type !== b.type || a.dims.length !== b.dims.length || a.dims.some((d, i) => d !== b.dims[i])) return false;
      if (a.data.length === 0 && b.data.length === 0) {
        if (a.tokens !== b.tokens) return false;
        continue;
      }
      if (b.data.buffer !== a.data.buffer || b.data.byteOffset !== a.data.byteOffset || b.data.length !== a.data.length) return false;
      if (HOT.has(name) ? b.tokens !== a.tokens! + t : a.tokens !== b.tokens) return false;
    }
  }
  return true;
}

function tierOf(name: string): Tier {
  if (name.includes('_i4')) return pb.Tier.TIER_INT4;
  if (name.includes('_i8')) return pb.Tier.TIER_INT8;
  if (name.endsWith('_f16')) return pb.Tier.TIER_F16;
  return pb.Tier.TIER_F32;
}

export class Wire {
  /** The workers' staging segments, mapped by name. */
  private readonly staging = new SegmentMap();

  constructor(
    private readonly config: StoreConfig,
    private readonly pool: ShmPool,
    private readonly locks: SeqLocks,
    private readonly maxSequences: number,
  ) {}

  private feedsOf(seq: Sequence): Record<string, TensorSpec>[] {
    return Array.from({ length: this.config.shape.layers }, (_, l) => seq.cache.feeds(l));
  }

  /** The sequence's whole table; the owner's views are built from it from now on (`described`). */
  describe(seq: Sequence): Fields<typeof pb.SeqTable> {
    const feeds = this.feedsOf(seq);
    seq.described = feeds;
    return this.table(seq, feeds);
  }

  /** The answer to a step of `tokens` just appended: SeqGrown when the owner's views can be extended, else a table. */
  answer(seq: Sequence, tokens: number | null | undefined): Fields<typeof pb.SeqReply> {
    // The owner's views were built from `described`: extend them (SeqGrown) or replace them (a table).
    const feeds = this.feedsOf(seq);
    const grown = seq.described !== undefined && grewInPlace(seq.described, feeds, tokens ?? 0);
    seq.described = feeds;
    if (grown) return { grown: { generation: this.locks.generation(seq.slot), length: seq.cache.length, tokens } };
    return { table: this.table(seq, feeds) };
  }

  /** The sequence's whole table, built from `feeds`. */
  private table(seq: Sequence, feeds: Record<string, TensorSpec>[]): Fields<typeof pb.SeqTable> {
    const gen = this.locks.generation(seq.slot);
    const tensors: object[] = [];
    for (let l = 0; l < this.config.shape.layers; l++) {
      for (const [name, spec] of Object.entries(feeds[l]!)) {
        const e = this.pool.locate(spec.data);
        tensors.push({
          name,
          layer: l,
          dtype: spec.type === 'float32' ? pb.Dtype.DTYPE_FLOAT32 : spec.type === 'float16' ? pb.Dtype.DTYPE_FLOAT16 : pb.Dtype.DTYPE_UINT8,
          dims: spec.dims,
          ...(spec.tokens === undefined ? {} : { tokens: spec.tokens }),
          handle: { segment: e.segment, offset: e.offset, length: e.length, generation: gen, tier: tierOf(name) },
        });
      }
    }
    return {
      seqId: seq.id,
      slot: seq.slot,
      generation: gen,
      length: seq.cache.length,
      groupSize: seq.cache.policy.groupSize,
      needsImportance: seq.cache.needsImportance,
      segments: this.pool.segmentList,
      tensors,
      locks: { name: this.locks.segment.name, bytes: this.locks.segment.bytes },
      lockSlots: this.maxSequences,
      maxTokens: seq.maxTokens,
    };
  }

  /** Check a step and map its staging; throws (having changed nothing) or returns the append to run. */
  prepare(seq: Sequence, step: inferos.v1.ISeqStep): () => void {
    const t = step.tokens ?? 0;
    const { layers, kvHeads, headDim } = this.config.shape;
    const c = kvHeads * headDim;
    // A settled sequence (its prompt in, its hot store refit: KvStore.settle) takes single-token steps.
    const most = seq.settled ? 1 : this.config.chunk;
    if (t <= 0 || t > most) throw new RangeError(`a step ${seq.settled ? 'after the prompt has 1 token' : `has 1..${most} tokens`}, got ${t}`);
    const cache = seq.cache;
    if (cache.length + t > seq.maxTokens) throw new RangeError(`${cache.length} + ${t} tokens exceed the sequence's ${seq.maxTokens} (prompt + max tokens)`);
    const fed = cache.needsImportance ? Array.from({ length: layers }, (_, l) => cache.fedTokens(l)) : [];
    const floats = layers * 2 * t * c + fed.reduce((s, f) => s + f + t, 0);
    if ((step.stagingLength ?? 0) !== floats * 4) throw new RangeError(`staged ${step.stagingLength} bytes, expected ${floats * 4}`);
    const name = step.staging?.name;
    if (!name || !name.startsWith('inferos-stage-')) throw new RangeError('staging segment must be an inferos-stage-* segment');
    const buf = this.staging.buffer(name, step.staging?.bytes ?? 0);
    const all = new Float32Array(buf, step.stagingOffset ?? 0, floats);
    const keys: Float32Array[] = [];
    const values: Float32Array[] = [];
    const masses: Float32Array[] = [];
    let at = 0;
    for (let l = 0; l < layers; l++) {
      keys.push(all.subarray(at, (at += t * c)));
      values.push(all.subarray(at, (at += t * c)));
      if (cache.needsImportance) masses.push(all.subarray(at, (at += fed[l]! + t)));
    }
    return () => cache.append(keys, values, t, cache.needsImportance ? masses : undefined);
  }

  /** Forget the staging segments of workers that may have died: their mappings would keep their memory alive. */
  forgetStaging(): void {
    sweepStale('inferos-stage');
    this.staging.forget('inferos-stage-');
  }
}
