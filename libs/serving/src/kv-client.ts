// A worker's side of the kv-store: claim a sequence, read its tiers in place from shared memory (the
// views feed ONNX Runtime directly), stage a step's new K/V in the worker's own segment, commit.
import { hostname } from 'node:os';
import { SegmentMap, SeqLocks, Segment, ALIGN } from '@inferos/shm';
import { pb, Subjects, request, inferos, type NatsConnection } from '@inferos/proto';
import { HOT_FEEDS, heldTokens, type TensorSpec, type TensorType } from '@inferos/kv';
import type { KvSource, StepOutput } from '@inferos/inference';

/** The kv-store refused a request; `code` (when it came from the kv-store) says why. */
export class KvError extends Error {
  override name = 'KvError';
  constructor(message: string, readonly code?: inferos.v1.KvError) {
    super(message);
  }
}

/** A step that was not committed: `code` when the kv-store refused it (workers branch on it), else absent. */
export interface StepFailure {
  code?: inferos.v1.KvError;
  message: string;
}

export function workerId(kind: string): string {
  return `${kind}-${hostname()}-${process.pid}`;
}

const BYTES: Record<TensorType, number> = { float32: 4, float16: 2, uint8: 1 };

/** A typed view of `count` elements of shared memory. */
function view(type: TensorType, buf: ArrayBuffer, offset: number, count: number, dims: number[], tokens?: number): TensorSpec {
  const data = type === 'float32' ? new Float32Array(buf, offset, count) : type === 'float16' ? new Uint16Array(buf, offset, count) : new Uint8Array(buf, offset, count);
  return tokens === undefined ? { type, data, dims } : { type, data, dims, tokens };
}

/** A sequence held by the kv-store, as this worker sees it (implements the engine's KvSource). */
export class RemoteSeq implements KvSource {
  private views: Record<string, TensorSpec>[] = [];
  private locks!: SeqLocks;
  private tables = 0;
  table!: inferos.v1.SeqTable;

  constructor(private readonly client: KvClient, table: inferos.v1.SeqTable) {
    this.update(table);
  }

  get id(): string {
    return this.table.seqId;
  }

  get length(): number {
    return this.table.length;
  }

  get needsImportance(): boolean {
    return this.table.needsImportance;
  }

  get policy(): { groupSize: number } {
    return { groupSize: this.table.groupSize };
  }

  get maxTokens(): number {
    return this.table.maxTokens;
  }

  /**
   * Changes with every new table (update): the kv-store may have moved any row. A commit that only appended
   * rows in place (grow) keeps it, so a batch keeps the rows it already copied (engine's KvSource.epoch).
   */
  get epoch(): number {
    return this.tables;
  }

  feeds(layer: number): Record<string, TensorSpec> {
    const v = this.views[layer];
    if (!v) throw new RangeError(`RemoteSeq: layer ${layer} out of range`);
    return v;
  }

  /** Attention-mass entries the graph returns per layer for a step of `t` tokens. */
  fed(layer: number): number {
    const f = this.views[layer]!;
    let n = 0;
    for (const name of ['past_key', 'past_key_f16', 'past_key_i8', 'past_key_i4']) n += heldTokens(f[name]!);
    return n;
  }

  /** Whether the data read since the table was made is intact (see libs/shm/src/seqlock.ts). */
  valid(): boolean {
    return this.locks.validate(this.table.slot, this.table.generation);
  }

  /**
   * A commit that only appended `tokens` rows to the hot tier in place (SeqGrown): the views already
   * cover the tier's whole capacity; count the new rows in, and take the new generation.
   */
  grow(g: { generation: number; length: number; tokens: number }): void {
    for (const v of this.views) {
      for (const name of HOT_FEEDS) {
        const spec = v[name];
        if (!spec || spec.data.length === 0) continue;
        const n = spec.tokens! + g.tokens;
        if (n > spec.dims[2]!) throw new KvError(`SeqGrown: ${n} rows exceed the hot tier's capacity of ${spec.dims[2]}`);
        v[name] = { ...spec, tokens: n };
      }
    }
    this.table.generation = g.generation;
    this.table.length = g.length;
  }

  update(table: inferos.v1.SeqTable): void {
    this.tables++;
    this.table = table;
    this.locks = this.client.locksFor(table);
    const maps = this.client.segments;
    const bufs = (table.segments as inferos.v1.Segment[]).map((s) => maps.buffer(s.name, s.bytes));
    const views: Record<string, TensorSpec>[] = [];
    for (const t of table.tensors as inferos.v1.KvTensor[]) {
      const h = t.handle!;
      const length = h.length ?? 0;
      const buf = length === 0 ? new ArrayBuffer(0) : bufs[h.segment ?? 0]!;
      const offset = length === 0 ? 0 : (h.offset ?? 0);
      const type: TensorType = t.dtype === pb.Dtype.DTYPE_FLOAT32 ? 'float32' : t.dtype === pb.Dtype.DTYPE_FLOAT16 ? 'float16' : 'uint8';
      (views[t.layer] ??= {})[t.name] = view(type, buf, offset, length / BYTES[type], [...t.dims], t.tokens ?? undefined);
    }
    this.views = views;
  }
}

/** The worker's own staging segment: where a step's new K/V and attention mass go for the kv-store. */
class Staging {
  private seg: Segment | undefined;
  private n = 0;
  private used = 0;

  constructor(private readonly id: string) {}

  /** Forget the previous batch's stagings (the kv-store has read them once commit answered). */
  reset(): void {
    this.used = 0;
  }

  /** Room for `floats` floats; grows the segment (a new one, 2x) when the batch needs more. */
  take(floats: number, batchFloats: number): { view: Float32Array; segment: Segment; offset: number } {
    const bytes = Math.ceil((floats * 4) / ALIGN) * ALIGN;
    // The batch's first step checks that the whole batch fits: the segment cannot be replaced mid-batch.
    if (!this.seg || (this.used === 0 ? batchFloats * 4 : this.used + bytes) > this.seg.bytes) {
      if (this.used > 0 && this.seg) throw new KvError('staging: a batch outgrew its staging segment mid-batch');
      const size = Math.max(4 << 20, 2 ** Math.ceil(Math.log2(batchFloats * 4 + ALIGN)));
      this.seg?.unlink();
      this.seg = Segment.create(`inferos-stage-${process.pid}-${this.id}-${this.n++}`, size);
    }
    const offset = this.used;
    this.used += bytes;
    return { view: new Float32Array(this.seg.buffer, offset, floats), segment: this.seg, offset };
  }

  close(): void {
    this.seg?.unlink();
    this.seg = undefined;
  }
}

export interface StepToCommit<S = RemoteSeq> {
  seq: S;
  tokens: number;
  out: StepOutput;
  /** A decode step: the token chosen from `out` and the sampler's state, committed with the K/V. */
  progress?: inferos.v1.IDecodeProgress;
}

export class KvClient {
  readonly segments = new SegmentMap();
  private readonly lockMaps = new Map<string, SeqLocks>();
  private readonly staging: Staging;

  constructor(private readonly nc: NatsConnection, readonly workerId: string) {
    // Short but distinct per worker of a process (a shared-workers process stages for prefill and decode).
    const compact = workerId.replace(/[^a-z0-9]/gi, '').toLowerCase();
    this.staging = new Staging(compact.slice(0, 3) + compact.slice(-12));
  }

  locksFor(table: inferos.v1.SeqTable): SeqLocks {
    const name = table.locks?.name ?? '';
    let l = this.lockMaps.get(name);
    if (!l) {
      l = SeqLocks.open(name, table.lockSlots);
      this.lockMaps.set(name, l);
    }
    return l;
  }

  /**
   * Become the sequence's owner and map its table. A worker passes the job it runs (a prefill job when it
   * accepts one; a decode job when it takes one, or when its prefill has chosen the first token): the
   * kv-store keeps it, a decode job advanced by each commit's progress, to hand it to another worker if
   * this one dies.
   */
  async claim(seqId: string, job: { decode?: inferos.v1.IDecodeJob; prefill?: inferos.v1.IPrefillJob } = {}): Promise<RemoteSeq> {
    const r = await request(this.nc, Subjects.kvClaim, pb.SeqClaimRequest, {
      seqId, workerId: this.workerId, ...(job.decode ? { decodeJob: job.decode } : {}), ...(job.prefill ? { prefillJob: job.prefill } : {}),
    }, pb.SeqReply);
    if (r.error || !r.table) throw new KvError(r.error || 'kv-store answered without a table', r.error ? (r.code ?? undefined) : undefined);
    return new RemoteSeq(this, pb.SeqTable.fromObject(r.table) as inferos.v1.SeqTable);
  }

  /** Stage every step's outputs and commit them in one request; returns a failure per refused step. */
  async commit(steps: readonly StepToCommit[]): Promise<(StepFailure | undefined)[]> {
    const per = steps.map(({ seq, out }) => {
      let floats = 0;
      for (let l = 0; l < out.keys.length; l++) floats += out.keys[l]!.length + out.values[l]!.length + (seq.needsImportance ? out.masses![l]!.length : 0);
      return floats;
    });
    const total = per.reduce((s, f) => s + f + ALIGN / 4, 0);
    this.staging.reset();
    const msgSteps = steps.map(({ seq, tokens, out, progress }, i) => {
      const { view, segment, offset } = this.staging.take(per[i]!, total);
      let at = 0;
      for (let l = 0; l < out.keys.length; l++) {
        view.set(out.keys[l]!, at);
        at += out.keys[l]!.length;
        view.set(out.values[l]!, at);
        at += out.values[l]!.length;
        if (seq.needsImportance) {
          view.set(out.masses![l]!, at);
          at += out.masses![l]!.length;
        }
      }
      return {
        seqId: seq.id,
        tokens,
        generation: seq.table.generation,
        staging: { name: segment.name, bytes: segment.bytes },
        stagingOffset: offset,
        stagingLength: per[i]! * 4,
        ...(progress ? { progress } : {}),
      };
    });
    const r = await request(this.nc, Subjects.kvCommit, pb.StepCommitRequest, { workerId: this.workerId, steps: msgSteps }, pb.StepCommitReply, 30_000);
    if (r.results.length !== steps.length) throw new KvError(r.results[0]?.error || `kv-store answered ${r.results.length} results for ${steps.length} steps`);
    return r.results.map((res, i): StepFailure | undefined => {
      if (res.error) return { code: res.code ?? undefined, message: res.error };
      if (res.grown) {
        const { generation, length, tokens } = res.grown;
        if (tokens !== steps[i]!.tokens || !generation || !length) return { message: `kv-store answered a malformed SeqGrown (${tokens} tokens for a step of ${steps[i]!.tokens})` };
        steps[i]!.seq.grow({ generation, length, tokens });
      }
      else if (res.table) steps[i]!.seq.update(pb.SeqTable.fromObject(res.table) as inferos.v1.SeqTable);
      else return { message: 'kv-store answered without a table' };
      return undefined;
    });
  }

  async free(seqId: string, reason: string): Promise<void> {
    await request(this.nc, Subjects.kvFree, pb.SeqFreeRequest, { seqId, reason }, pb.Ack).catch(() => undefined);
  }

  close(): void {
    this.staging.close();
  }
}
