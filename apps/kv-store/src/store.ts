// The kv-store: the only owner of KV memory. Every sequence's tiered cache lives in this process's
// shared-memory pool; workers map the pool's segments and read the tiers in place (handles in SeqTable),
// run the model, stage the new tokens' K/V in their own segment, and commit. Appending, demotion by
// importance and freeing happen here, inside the sequence's seqlock write window.
//
// KvStore is the façade the service calls. It holds the pool, the seqlocks and the sequences, and leaves
// each concern to its module: which policy a sequence runs (policies.ts), admission against the budget
// (admission.ts), ownership and liveness (ownership.ts), tables and staged steps (wire.ts), and memory
// pressure (fast-loop.ts).
import { BudgetExceededError, ShmPool, SeqLocks, sweepStale } from '@inferos/shm';
import { pb, type inferos, type Fields } from '@inferos/proto';
import { reservation, type Policy, type TierBytes } from '@inferos/kv';
import { DEFAULT_PREFIX, type StoreConfig } from './config';
import type { Sequence } from './sequence';
import { Policies } from './policies';
import { Admission } from './admission';
import { Ownership, type Handoff } from './ownership';
import { Wire } from './wire';
import { FastLoop, type Relief } from './fast-loop';

export { DEFAULT_PREFIX, type StoreConfig } from './config';
export { MAX_HANDOFFS, type Handoff } from './ownership';

export interface StoreStats {
  budgetBytes: number;
  usedBytes: number;
  reservedBytes: number;
  sequences: number;
  bytesByTier: TierBytes;
  bytesFp16Equivalent: number;
  segments: number;
  peakUsedBytes: number;
  peakSequences: number;
  freedLost: number;
  sweptBytes: number;
}

const noSequence = (seqId: string | null | undefined) => ({ code: pb.KvError.KV_ERROR_NO_SEQUENCE, error: `no sequence ${seqId} (finished, aborted or lost)` });

export class KvStore {
  readonly pool: ShmPool;
  readonly locks: SeqLocks;
  private readonly sequences = new Map<string, Sequence>();
  private readonly policies: Policies;
  private readonly admission: Admission;
  private readonly ownership: Ownership;
  private readonly wire: Wire;
  private readonly fastLoop: FastLoop;
  private peakUsed = 0;
  private peakSequences = 0;
  private freedLost = 0;
  readonly sweptBytes: number;
  readonly maxSequences: number;

  constructor(readonly config: StoreConfig) {
    const prefix = config.prefix ?? DEFAULT_PREFIX;
    this.sweptBytes = [...sweepStale(prefix), ...sweepStale('inferos-stage')].reduce((s, x) => s + x.bytes, 0);
    this.maxSequences = config.maxSequences ?? 1024;
    // Before any shared memory exists: a bad default policy throws here and leaves nothing behind.
    this.policies = new Policies(config);
    this.pool = new ShmPool(prefix, config.budgetBytes);
    this.locks = SeqLocks.create(`${prefix}-${process.pid}-locks`, this.maxSequences);
    this.admission = new Admission(config, this.pool, this.policies, this.sequences, this.maxSequences);
    this.ownership = new Ownership(config, this.sequences, this.pool, this.locks);
    this.wire = new Wire(config, this.pool, this.locks, this.maxSequences);
    this.fastLoop = new FastLoop(this.pool, this.locks, this.admission, this.sequences);
  }

  /** The controller's policy, for sequences that name none from now on (Policies.set). */
  setPolicy(policy: Policy, version: number, baselineMode: boolean): void {
    this.policies.set(policy, version, baselineMode);
  }

  /** io.host_pool_bytes: a lower budget pauses admission until the bytes held fit under it. */
  setBudget(bytes: number): void {
    this.admission.setBudget(bytes);
  }

  get budgetBytes(): number {
    return this.admission.budgetBytes;
  }

  get policyVersion(): number {
    return this.policies.version;
  }

  /** The fast loop's work (fast-loop.ts); a sequence it could not squeeze is freed here. */
  relieve(): Relief {
    const did = this.fastLoop.relieve();
    if (typeof did === 'object') this.dropLost(did.lost.id);
    return did;
  }

  get admissionPaused(): boolean {
    return this.admission.paused;
  }

  get squeezeCount(): number {
    return this.fastLoop.squeezes;
  }

  open(req: inferos.v1.SeqOpenRequest): Fields<typeof pb.SeqOpenReply> {
    const reply = this.admission.open(req);
    if (reply.status === pb.OpenStatus.OPEN_STATUS_OK) this.notePeaks();
    return reply;
  }

  claim(req: inferos.v1.SeqClaimRequest): Fields<typeof pb.SeqReply> {
    const seq = this.sequences.get(req.seqId);
    if (!seq) return noSequence(req.seqId);
    const refused = this.ownership.claim(seq, req);
    if (refused) return refused;
    if (req.decodeJob) this.settle(seq);
    return { table: this.wire.describe(seq) };
  }

  /**
   * A sequence whose prompt is in (it has a decode job) steps one token at a time from now on: its fixed
   * hot store is refit for that, inside its seqlock's write window (the owner gets a new table), and its
   * reservation drops to the worst case of single-token steps (reservation() with a chunk of 1), the
   * prompt chunk's room going back to the budget. The smaller store is allocated before the old one is
   * released, layer by layer; when the pool has no room for that now, it is tried again at the next commit.
   */
  private settle(seq: Sequence): void {
    if (seq.settled || !seq.job) return;
    let done = false;
    try {
      this.locks.write(seq.slot, () => {
        done = seq.cache.refitHot(1);
      });
    } catch (err) {
      if (err instanceof BudgetExceededError) return; // no room for the smaller store yet: next commit
      throw err;
    }
    seq.settled = true;
    if (!done) return; // nothing to refit (full precision, or not fixed): the reservation stands
    this.admission.lower(seq, reservation({ ...this.config.shape, maxTokens: seq.maxTokens }, seq.policy, seq.maxTokens, 1, seq.promptTokens).bytes);
  }

  commit(req: inferos.v1.StepCommitRequest): Fields<typeof pb.StepCommitReply> {
    if (req.workerId) this.ownership.seen(req.workerId);
    const results = req.steps.map((step) => this.commitStep(req.workerId, step));
    this.notePeaks();
    return { results };
  }

  /** One step of a commit: append its staged tokens if its worker owns the sequence as of its generation. */
  private commitStep(workerId: string, step: inferos.v1.ISeqStep): Fields<typeof pb.SeqReply> {
    const seq = this.sequences.get(step.seqId ?? '');
    if (!seq) return noSequence(step.seqId);
    if (seq.owner !== workerId) return { code: pb.KvError.KV_ERROR_NOT_OWNER, error: `sequence ${step.seqId} is owned by ${seq.owner ?? 'nobody'}, not ${workerId}` };
    const gen = this.locks.generation(seq.slot);
    if (step.generation !== gen) return { code: pb.KvError.KV_ERROR_STALE_STEP, error: `stale step for ${step.seqId}: generation ${step.generation}, current ${gen}` };
    let write: () => void;
    try {
      write = this.wire.prepare(seq, step);
    } catch (err) {
      // Nothing has changed yet: the step is refused and the sequence stays as it was.
      return { code: pb.KvError.KV_ERROR_REFUSED, error: `step for ${step.seqId} refused: ${(err as Error).message}` };
    }
    try {
      this.locks.write(seq.slot, write);
    } catch (err) {
      // A failed append may have left the cache half-changed: the sequence cannot continue.
      this.free(seq.id);
      return { code: pb.KvError.KV_ERROR_REFUSED, error: `append failed for ${step.seqId}: ${(err as Error).message}` };
    }
    this.ownership.progressed(seq, step.progress);
    if (seq.job && !seq.settled) this.settle(seq);
    return this.wire.answer(seq, step.tokens);
  }

  /** Free a sequence's blocks and reservation; false if it is unknown. */
  free(seqId: string): boolean {
    const seq = this.sequences.get(seqId);
    if (!seq) return false;
    this.sequences.delete(seqId);
    this.locks.write(seq.slot, () => seq.cache.free());
    this.admission.release(seq);
    return true;
  }

  /** Free a sequence the store gave up on, and count it lost. */
  private dropLost(seqId: string): void {
    this.free(seqId);
    this.freedLost++;
  }

  heartbeat(hb: inferos.v1.Heartbeat): void {
    this.ownership.heartbeat(hb);
  }

  /** Hand off the jobs of gone workers (Ownership.reap); free and return the sequences lost. */
  reap(lostAfterMs: number, now = Date.now()): { lost: { seq: Sequence; reason: string }[]; handoffs: Handoff[] } {
    const { lost, handoffs } = this.ownership.reap(lostAfterMs, now);
    for (const { seq } of lost) this.dropLost(seq.id);
    // A lost worker may have died: its staging segment has no owner left to unlink it, and our mapping
    // of it would keep its memory alive (mappings of live workers are made again on their next commit).
    if (lost.length > 0 || handoffs.length > 0) this.wire.forgetStaging();
    return { lost, handoffs };
  }

  /** Whether a handed-off sequence still waits for a worker (Ownership.awaitingHandoff). */
  awaitingHandoff(seqId: string): boolean {
    return this.ownership.awaitingHandoff(seqId);
  }

  /** A handoff nobody took (no decode worker answered): free it; returns it as lost, or undefined if it was freed meanwhile or claimed. */
  dropHandoff(seqId: string, reason: string): { seq: Sequence; reason: string } | undefined {
    const seq = this.sequences.get(seqId);
    if (!seq || seq.owner) return undefined;
    this.dropLost(seqId);
    return { seq, reason };
  }

  private notePeaks(): void {
    this.peakUsed = Math.max(this.peakUsed, this.pool.stats.usedBytes);
    this.peakSequences = Math.max(this.peakSequences, this.sequences.size);
  }

  /** Forget the peaks (a benchmark starts a new measurement). */
  resetPeaks(): void {
    this.peakUsed = this.pool.stats.usedBytes;
    this.peakSequences = this.sequences.size;
  }

  get stats(): StoreStats {
    const byTier: TierBytes = { f32: 0, f16: 0, int8: 0, int4: 0 };
    let fp16 = 0;
    for (const s of this.sequences.values()) {
      const b = s.cache.bytesByTier;
      byTier.f32 += b.f32;
      byTier.f16 += b.f16;
      byTier.int8 += b.int8;
      byTier.int4 += b.int4;
      fp16 += s.cache.bytesFp16;
    }
    const p = this.pool.stats;
    return {
      budgetBytes: this.admission.budgetBytes,
      usedBytes: p.usedBytes,
      reservedBytes: this.admission.reserved,
      sequences: this.sequences.size,
      bytesByTier: byTier,
      bytesFp16Equivalent: fp16,
      segments: p.segments,
      peakUsedBytes: this.peakUsed,
      peakSequences: this.peakSequences,
      freedLost: this.freedLost,
      sweptBytes: this.sweptBytes,
    };
  }

  requestIdOf(seqId: string): string | undefined {
    return this.sequences.get(seqId)?.requestId;
  }

  close(): void {
    for (const id of [...this.sequences.keys()]) this.free(id);
    this.pool.close();
    this.locks.segment.unlink();
    sweepStale('inferos-stage');
  }
}
