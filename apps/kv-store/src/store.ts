// The kv-store: the only owner of KV memory. Every sequence's tiered cache lives in this process's
// shared-memory pool; workers map the pool's segments and read the tiers in place (handles in SeqTable),
// run the model, stage the new tokens' K/V in their own segment, and commit. Appending, demotion by
// importance and freeing happen here, inside the sequence's seqlock write window.
//
// Admission: a sequence is opened with the worst-case bytes its policy can hold for prompt + max tokens
// (`reservation`); the sum of reservations never exceeds the budget (io.host_pool_bytes), so a running
// sequence never finds the pool exhausted, and the number of concurrent sequences is whatever the budget
// holds under each sequence's policy.
//
// Ownership: the worker that claims a sequence owns it; workers heartbeat. A worker is gone when it has not
// heartbeated for LOST_AFTER_MS, or at once when its process has exited (a worker in this process's PID
// namespace: Heartbeat.pid_namespace). A decode worker's sequence is then handed off: its claim carried
// the job and every commit the job's progress (the token chosen, the sampler's draws), so another decode
// worker continues it exactly from the KV held here (`handoffs`, sent by the service). Any other sequence
// of a gone worker is freed and announced (SeqLost), so that the gateway can tell the client.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  TieredKvCache, HOT_FEEDS, cachePolicy, loadPolicy, reservation, PolicyError, type CachePolicy, type CacheShape, type TierBytes, type Policy, type TensorSpec,
} from '@inferos/kv';
import { ShmPool, SeqLocks, SegmentMap, sweepStale, BudgetExceededError } from '@inferos/shm';
import { pb, inferos, type Fields } from '@inferos/proto';

type Tier = inferos.v1.Tier;

export interface StoreConfig {
  /** io.host_pool_bytes: the most bytes the pool holds. */
  budgetBytes: number;
  /** Policy for requests that name none. */
  defaultPolicy: string;
  shape: Omit<CacheShape, 'maxTokens'> & { maxContext: number };
  /** Group sizes the model has graphs for, and the one the full-precision baseline uses. */
  groups: readonly number[];
  defaultGroup: number;
  /** Largest step (prefill chunk) a worker may commit; part of every reservation. */
  chunk: number;
  /** Segment name prefix (swept at start when its creator is dead). */
  prefix?: string;
  /** Most sequences at once (slots in the lock segment). */
  maxSequences?: number;
  /** A sequence opened but never claimed is freed after this long. */
  unclaimedTtlMs?: number;
  /** This process's pidNamespace(): workers reporting the same one are watched by pid. */
  pidNamespace?: string;
}

interface Sequence {
  id: string;
  requestId: string;
  policyName: string;
  slot: number;
  cache: TieredKvCache;
  reserved: number;
  maxTokens: number;
  owner?: string;
  openedAt: number;
  /** The length at the last squeeze (a sequence is squeezed again only after it grew). */
  squeezedAt?: number;
  /** The feeds the owner's views were built from (the last table sent, grown since): see grewInPlace. */
  described?: Record<string, TensorSpec>[];
  /** The decode job its owner runs, as of the last commit (a decode worker's claim carries it). */
  job?: inferos.v1.DecodeJob;
  /** The prefill job its owner runs, until the sequence becomes a decode job. */
  prefillJob?: inferos.v1.PrefillJob;
  /** Times its job was handed to another worker (a sequence that keeps killing its workers is lost). */
  handoffs: number;
  /** Handed off and not claimed with a job since: a claim without one (a worker refreshing its table) is not its owner's. */
  handedOff?: boolean;
  /** Prompt tokens and cache policy, to make the cache again when its prompt restarts. */
  promptTokens: number;
  policy: CachePolicy;
}

/** A job whose worker is gone, to be sent to another worker of its kind. */
export type Handoff = { seqId: string; requestId: string; reason: string } & (
  | { kind: 'decode'; job: inferos.v1.DecodeJob }
  | { kind: 'prefill'; job: inferos.v1.PrefillJob }
);

/** Whether a process of this PID namespace has exited (false when /proc cannot tell). */
export function processGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/**
 * Whether `now` differs from `before` only by `t` rows appended in place to the hot tier (same buffers,
 * `tokens` grown by t): the owner's views, built from `before`, then need only their row counts raised
 * (SeqGrown). Any other difference (a tensor that moved, resized or changed shape) needs a whole table.
 */
const HOT = new Set<string>(HOT_FEEDS);

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

export const DEFAULT_PREFIX = 'inferos-kv';
/** Memory pressure marks of the fast loop, as fractions of the budget. */
export const HIGH_WATER = 0.9;
/** A sequence whose job was handed off this many times, each taker gone too, is lost instead. */
export const MAX_HANDOFFS = 3;
export const LOW_WATER = 0.8;

export class KvStore {
  readonly pool: ShmPool;
  readonly locks: SeqLocks;
  private readonly sequences = new Map<string, Sequence>();
  private readonly freeSlots: number[];
  private readonly workerSeen = new Map<string, number>();
  /** Workers of this PID namespace, by id: their pid. */
  private readonly workerPid = new Map<string, number>();
  private readonly staging = new SegmentMap();
  private reserved = 0;
  /** The policy for sequences that name none: the controller's current one once it has spoken. */
  private current: { name: string; policy: CachePolicy; version: number; baselineMode: boolean };
  /** io.host_pool_bytes in force (the pool's hard cap may sit above it while old reservations drain). */
  private budget: number;
  private paused = false;
  private squeezes = 0;
  private peakUsed = 0;
  private peakSequences = 0;
  private freedLost = 0;
  readonly sweptBytes: number;
  readonly maxSequences: number;

  constructor(readonly config: StoreConfig) {
    const prefix = config.prefix ?? DEFAULT_PREFIX;
    this.sweptBytes = [...sweepStale(prefix), ...sweepStale('inferos-stage')].reduce((s, x) => s + x.bytes, 0);
    this.maxSequences = config.maxSequences ?? 1024;
    this.budget = config.budgetBytes;
    // Refuse a bad default at start, not at the first request. (The configured default may be a file;
    // only names that arrive over the bus are limited to profiles.)
    const configured = loadPolicy(config.defaultPolicy);
    this.current = { name: configured.name, policy: this.checkGroup(configured.name, cachePolicy(configured.policy)), version: 0, baselineMode: false };
    this.pool = new ShmPool(prefix, config.budgetBytes);
    this.locks = SeqLocks.create(`${prefix}-${process.pid}-locks`, this.maxSequences);
    this.freeSlots = Array.from({ length: this.maxSequences }, (_, i) => this.maxSequences - 1 - i);
  }

  /**
   * The controller's policy: for sequences that name none from now on (running sequences keep theirs).
   * In baseline mode every new sequence runs at full precision. Throws (changing nothing) when the
   * model has no graph for the policy's group size.
   */
  setPolicy(policy: Policy, version: number, baselineMode: boolean): void {
    const p = this.checkGroup(`policy version ${version}`, cachePolicy(policy));
    this.current = { name: `policy version ${version}`, policy: p, version, baselineMode };
  }

  /** io.host_pool_bytes: a lower budget pauses admission until the bytes held fit under it. */
  setBudget(bytes: number): void {
    if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new RangeError(`budget must be a positive integer of bytes, got ${bytes}`);
    this.budget = bytes;
    this.pool.budgetBytes = Math.max(bytes, this.reserved);
  }

  get budgetBytes(): number {
    return this.budget;
  }

  get policyVersion(): number {
    return this.current.version;
  }

  /**
   * The fast loop's work: act on memory pressure before the budget is hit. Above HIGH_WATER of the
   * budget, admission pauses and the sequence holding the most FP16 bytes is squeezed (its old FP16
   * blocks go to INT4, its hot capacity is returned); admission resumes below LOW_WATER.
   * Returns what it did.
   */
  relieve(): 'squeezed' | 'paused' | 'resumed' | 'none' | { lost: Sequence; reason: string } {
    const used = this.pool.stats.usedBytes;
    // The pool's cap follows the budget down as old reservations drain.
    this.pool.budgetBytes = Math.max(this.budget, this.reserved);
    if (used >= HIGH_WATER * this.budget) {
      const wasPaused = this.paused;
      this.paused = true;
      let best: Sequence | undefined;
      let bestHot = 0;
      for (const s of this.sequences.values()) {
        if (s.cache.policy.fullPrecision || s.squeezedAt === s.cache.length) continue;
        const hot = s.cache.bytesByTier.f16;
        if (hot > bestHot) {
          best = s;
          bestHot = hot;
        }
      }
      if (best) {
        const seq = best;
        try {
          this.locks.write(seq.slot, () => seq.cache.squeeze());
          seq.squeezedAt = seq.cache.length;
          this.squeezes++;
          return 'squeezed';
        } catch (err) {
          // No room even to shrink (the new hot store is allocated before the old is freed): the cache
          // may be half-changed, so the sequence ends here rather than run on torn state.
          if (!(err instanceof BudgetExceededError)) throw err;
          this.free(seq.id);
          this.freedLost++;
          return { lost: seq, reason: `memory pressure: no room left to squeeze it (${(err as Error).message})` };
        }
      }
      return wasPaused ? 'none' : 'paused';
    }
    if (this.paused && used < LOW_WATER * this.budget && this.reserved <= this.budget) {
      this.paused = false;
      return 'resumed';
    }
    return 'none';
  }

  get admissionPaused(): boolean {
    return this.paused;
  }

  get squeezeCount(): number {
    return this.squeezes;
  }

  private checkGroup(n: string, policy: CachePolicy): CachePolicy {
    if (policy.fullPrecision) policy = { ...policy, groupSize: this.config.defaultGroup };
    if (!this.config.groups.includes(policy.groupSize)) {
      throw new PolicyError(`${n}: kv.group_size`, `the model has no graph for group size ${policy.groupSize} (exported: ${this.config.groups.join(', ')})`);
    }
    return policy;
  }

  private resolvePolicy(name: string): { name: string; policy: CachePolicy } {
    if (!name) {
      return this.current.baselineMode ? { name: 'baseline (baseline mode)', policy: this.checkGroup('baseline', { ...this.current.policy, fullPrecision: true }) } : this.current;
    }
    const n = name;
    // Only profile names travel over the bus: a request must not make this process read arbitrary files.
    if (!/^[a-z_]+$/.test(n)) throw new PolicyError(n, 'requests name a policy profile (policies/NAME.yaml), not a file');
    const policy = this.checkGroup(n, cachePolicy(loadPolicy(n).policy));
    // Baseline mode: named policies run at full precision too (the quality guard protects every request).
    if (this.current.baselineMode) return { name: `${n} (baseline mode)`, policy: this.checkGroup(n, { ...policy, fullPrecision: true }) };
    return { name: n, policy };
  }

  open(req: inferos.v1.SeqOpenRequest): Fields<typeof pb.SeqOpenReply> {
    const total = req.promptTokens + req.maxTokens;
    if (req.promptTokens <= 0 || req.maxTokens <= 0) return { status: pb.OpenStatus.OPEN_STATUS_BAD_REQUEST, message: 'prompt_tokens and max_tokens must be positive' };
    if (total > this.config.shape.maxContext) {
      return { status: pb.OpenStatus.OPEN_STATUS_BAD_REQUEST, message: `prompt (${req.promptTokens}) + max tokens (${req.maxTokens}) exceed the model's context of ${this.config.shape.maxContext}` };
    }
    let resolved: { name: string; policy: CachePolicy };
    try {
      resolved = this.resolvePolicy(req.policy);
    } catch (err) {
      return { status: pb.OpenStatus.OPEN_STATUS_BAD_REQUEST, message: (err as Error).message };
    }
    const shape: CacheShape = { ...this.config.shape, maxTokens: total };
    const r = reservation(shape, resolved.policy, total, this.config.chunk, req.promptTokens);
    if (r.bytes > this.budget) {
      return { status: pb.OpenStatus.OPEN_STATUS_TOO_LARGE, message: `a sequence of ${total} tokens under ${resolved.name} needs up to ${r.bytes} bytes, more than the whole KV budget of ${this.budget}`, reservedBytes: r.bytes };
    }
    if (this.paused) {
      return { status: pb.OpenStatus.OPEN_STATUS_SATURATED, message: `admission paused: ${this.pool.stats.usedBytes} of ${this.budget} budget bytes in use`, retryAfterMs: 50, reservedBytes: r.bytes };
    }
    if (this.reserved + r.bytes > this.budget || this.freeSlots.length === 0) {
      return { status: pb.OpenStatus.OPEN_STATUS_SATURATED, message: `KV budget full: ${this.reserved} of ${this.budget} bytes reserved by ${this.sequences.size} sequences`, retryAfterMs: 50, reservedBytes: r.bytes };
    }
    const slot = this.freeSlots.pop()!;
    let cache: TieredKvCache;
    try {
      cache = new TieredKvCache(shape, resolved.policy, { arena: this.pool, fixedHotChunk: this.config.chunk });
      cache.holdEvictions(req.promptTokens);
    } catch (err) {
      this.freeSlots.push(slot);
      if (err instanceof BudgetExceededError) return { status: pb.OpenStatus.OPEN_STATUS_SATURATED, message: err.message, retryAfterMs: 50 };
      throw err;
    }
    const seq: Sequence = {
      id: randomUUID(), requestId: req.requestId, policyName: resolved.name, slot, cache, reserved: r.bytes, maxTokens: total, openedAt: Date.now(),
      promptTokens: req.promptTokens, policy: resolved.policy, handoffs: 0,
    };
    this.sequences.set(seq.id, seq);
    this.reserved += r.bytes;
    this.pool.budgetBytes = Math.max(this.budget, this.reserved);
    this.notePeaks();
    return { status: pb.OpenStatus.OPEN_STATUS_OK, seqId: seq.id, reservedBytes: r.bytes, chunk: this.config.chunk };
  }

  claim(req: inferos.v1.SeqClaimRequest): Fields<typeof pb.SeqReply> {
    const seq = this.sequences.get(req.seqId);
    if (!seq) return { code: pb.KvError.KV_ERROR_NO_SEQUENCE, error: `no sequence ${req.seqId} (finished, aborted or lost)` };
    if (!req.workerId) return { code: pb.KvError.KV_ERROR_BAD_REQUEST, error: 'claim: worker_id is required' };
    // Two decode workers can hold one job (a handoff raced with the job the prefill worker sent, or a slow
    // worker was taken for dead): the one whose job is behind what the kv-store has committed stands down.
    if (req.decodeJob && seq.job && (req.decodeJob.generated ?? 0) < seq.job.generated) {
      return { code: pb.KvError.KV_ERROR_NOT_OWNER, error: `sequence ${seq.id} went on to ${seq.job.generated} tokens under ${seq.owner ?? 'another worker'}; this job has ${req.decodeJob.generated}` };
    }
    // A claim without a job refreshes its worker's table: after a handoff (or another worker's claim) the
    // worker taken for dead must not take the sequence back, or two workers would append to it.
    if (!req.decodeJob && !req.prefillJob && (seq.handedOff || (seq.owner !== undefined && seq.owner !== req.workerId && (seq.job || seq.prefillJob)))) {
      return { code: pb.KvError.KV_ERROR_NOT_OWNER, error: `sequence ${seq.id} was handed to ${seq.owner ?? 'another worker'}; ${req.workerId} was taken for gone` };
    }
    // A prefill job sent twice (the gateway tried again, or a handoff raced with it): the first taker keeps it.
    if (req.prefillJob && !req.decodeJob && (seq.job || (!seq.handedOff && seq.owner !== undefined && seq.owner !== req.workerId))) {
      return { code: pb.KvError.KV_ERROR_NOT_OWNER, error: `sequence ${seq.id} is already taken by ${seq.owner ?? 'a decode worker'}${seq.job ? ' past its prompt' : ''}` };
    }
    if (req.decodeJob || req.prefillJob) seq.handedOff = false;
    seq.owner = req.workerId;
    this.workerSeen.set(req.workerId, Date.now());
    if (req.decodeJob) {
      seq.job = pb.DecodeJob.create({ ...req.decodeJob, resumed: false });
      seq.prefillJob = undefined;
    } else if (req.prefillJob && !seq.job) seq.prefillJob = pb.PrefillJob.create(req.prefillJob);
    const feeds = this.feedsOf(seq);
    seq.described = feeds;
    return { table: this.table(seq, feeds) };
  }

  commit(req: inferos.v1.StepCommitRequest): Fields<typeof pb.StepCommitReply> {
    if (req.workerId) this.workerSeen.set(req.workerId, Date.now());
    const results = req.steps.map((step) => {
      const seq = this.sequences.get(step.seqId ?? '');
      if (!seq) return { code: pb.KvError.KV_ERROR_NO_SEQUENCE, error: `no sequence ${step.seqId} (finished, aborted or lost)` };
      if (seq.owner !== req.workerId) return { code: pb.KvError.KV_ERROR_NOT_OWNER, error: `sequence ${step.seqId} is owned by ${seq.owner ?? 'nobody'}, not ${req.workerId}` };
      const gen = this.locks.generation(seq.slot);
      if (step.generation !== gen) return { code: pb.KvError.KV_ERROR_STALE_STEP, error: `stale step for ${step.seqId}: generation ${step.generation}, current ${gen}` };
      let write: () => void;
      try {
        write = this.prepare(seq, step);
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
      if (seq.job && step.progress) {
        seq.job.nextToken = step.progress.nextToken ?? 0;
        seq.job.generated = step.progress.generated ?? 0;
        seq.job.sampling = pb.Sampling.create({ ...seq.job.sampling, draws: step.progress.draws ?? 0 });
      }
      // The owner's views were built from `described`: extend them (SeqGrown) or replace them (a table).
      const feeds = this.feedsOf(seq);
      const grown = seq.described !== undefined && grewInPlace(seq.described, feeds, step.tokens ?? 0);
      seq.described = feeds;
      if (grown) return { grown: { generation: this.locks.generation(seq.slot), length: seq.cache.length, tokens: step.tokens } };
      return { table: this.table(seq, feeds) };
    });
    this.notePeaks();
    return { results };
  }

  /** Check a step and map its staging; throws (having changed nothing) or returns the append to run. */
  private prepare(seq: Sequence, step: inferos.v1.ISeqStep): () => void {
    const t = step.tokens ?? 0;
    const { layers, kvHeads, headDim } = this.config.shape;
    const c = kvHeads * headDim;
    if (t <= 0 || t > this.config.chunk) throw new RangeError(`a step has 1..${this.config.chunk} tokens, got ${t}`);
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

  /** Free a sequence's blocks and reservation; false if it is unknown. */
  free(seqId: string): boolean {
    const seq = this.sequences.get(seqId);
    if (!seq) return false;
    this.sequences.delete(seqId);
    this.locks.write(seq.slot, () => seq.cache.free());
    this.freeSlots.push(seq.slot);
    this.reserved -= seq.reserved;
    this.pool.budgetBytes = Math.max(this.budget, this.reserved);
    return true;
  }

  heartbeat(hb: inferos.v1.Heartbeat): void {
    this.workerSeen.set(hb.workerId, Date.now());
    if (hb.pid && hb.pidNamespace && hb.pidNamespace === this.config.pidNamespace) this.workerPid.set(hb.workerId, hb.pid);
  }

  /**
   * Sequences whose owner is gone (silent for lostAfterMs, or its process exited) or that nobody claimed
   * in time: a decode job is handed off (the sequence waits, unowned, for the worker the service sends
   * it to), anything else is freed and returned as lost.
   */
  reap(lostAfterMs: number, now = Date.now()): { lost: { seq: Sequence; reason: string }[]; handoffs: Handoff[] } {
    const lost: { seq: Sequence; reason: string }[] = [];
    const handoffs: Handoff[] = [];
    const gone = new Map<string, string | undefined>();
    const whyGone = (worker: string): string | undefined => {
      if (!gone.has(worker)) {
        const seen = this.workerSeen.get(worker) ?? 0;
        const pid = this.workerPid.get(worker);
        gone.set(worker, pid !== undefined && processGone(pid) ? `worker ${worker} (pid ${pid}) exited`
          : now - seen > lostAfterMs ? `worker ${worker} stopped heartbeating ${now - seen} ms ago` : undefined);
      }
      return gone.get(worker);
    };
    for (const seq of this.sequences.values()) {
      if (seq.owner) {
        const reason = whyGone(seq.owner);
        if (!reason) continue;
        if (seq.handoffs >= MAX_HANDOFFS) {
          lost.push({ seq, reason: `${reason}; its job was handed off ${seq.handoffs} times already, each time to a worker that went too` });
          continue;
        }
        if (seq.job) {
          handoffs.push({ kind: 'decode', seqId: seq.id, requestId: seq.requestId, job: pb.DecodeJob.create({ ...seq.job, resumed: true }), reason });
        } else if (seq.prefillJob && this.restart(seq)) {
          handoffs.push({ kind: 'prefill', seqId: seq.id, requestId: seq.requestId, job: seq.prefillJob, reason });
        } else {
          lost.push({ seq, reason });
          continue;
        }
        seq.owner = undefined;
        seq.handedOff = true;
        seq.handoffs++;
        seq.openedAt = now; // the unclaimed TTL runs from the handoff
      } else if (now - seq.openedAt > (this.config.unclaimedTtlMs ?? 60_000)) {
        lost.push({ seq, reason: `no worker claimed the sequence within ${this.config.unclaimedTtlMs ?? 60_000} ms` });
      }
    }
    for (const [w, reason] of gone) if (reason) this.workerPid.delete(w);
    for (const { seq } of lost) this.free(seq.id);
    this.freedLost += lost.length;
    // A lost worker may have died: its staging segment has no owner left to unlink it, and our mapping
    // of it would keep its memory alive (mappings of live workers are made again on their next commit).
    if (lost.length > 0 || handoffs.length > 0) {
      sweepStale('inferos-stage');
      this.staging.forget('inferos-stage-');
    }
    for (const [w, seen] of this.workerSeen) if (now - seen > 10 * lostAfterMs) this.workerSeen.delete(w);
    return { lost, handoffs };
  }

  /**
   * Empty a sequence's cache for its prompt to run again from the start (its prefill worker died part way):
   * a fresh cache in the same slot and reservation, inside the seqlock's write window. False if no room
   * is left for the fresh cache (the sequence is then lost).
   */
  private restart(seq: Sequence): boolean {
    try {
      this.locks.write(seq.slot, () => {
        seq.cache.free();
        seq.cache = new TieredKvCache({ ...this.config.shape, maxTokens: seq.maxTokens }, seq.policy, { arena: this.pool, fixedHotChunk: this.config.chunk });
        seq.cache.holdEvictions(seq.promptTokens);
      });
      seq.described = undefined;
      seq.squeezedAt = undefined;
      return true;
    } catch {
      return false;
    }
  }

  /** Whether a handed-off sequence still waits for a decode worker (not freed, not claimed). */
  awaitingHandoff(seqId: string): boolean {
    const seq = this.sequences.get(seqId);
    return seq !== undefined && seq.owner === undefined;
  }

  /** A handoff nobody took (no decode worker answered): free it; returns it as lost, or undefined if it was freed meanwhile or claimed. */
  dropHandoff(seqId: string, reason: string): { seq: Sequence; reason: string } | undefined {
    const seq = this.sequences.get(seqId);
    if (!seq || seq.owner) return undefined;
    this.free(seqId);
    this.freedLost++;
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

  private feedsOf(seq: Sequence): Record<string, TensorSpec>[] {
    return Array.from({ length: this.config.shape.layers }, (_, l) => seq.cache.feeds(l));
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
      budgetBytes: this.budget,
      usedBytes: p.usedBytes,
      reservedBytes: this.reserved,
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

function tierOf(name: string): Tier {
  if (name.includes('_i4')) return pb.Tier.TIER_INT4;
  if (name.includes('_i8')) return pb.Tier.TIER_INT8;
  if (name.endsWith('_f16')) return pb.Tier.TIER_F16;
  return pb.Tier.TIER_F32;
}
