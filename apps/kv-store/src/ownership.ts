// Ownership and liveness: which worker owns each sequence (claim), which workers are alive (heartbeats,
// and /proc for those of this PID namespace), and what becomes of a gone worker's sequences (reap): its
// job handed off to another worker of its kind, or the sequence lost.
//
// The worker that claims a sequence owns it; workers heartbeat. A worker is gone when it has not
// heartbeated for LOST_AFTER_MS, or at once when its process has exited (a worker in this process's PID
// namespace: Heartbeat.pid_namespace). A decode worker's sequence is then handed off: its claim carried
// the job and every commit the job's progress (the token chosen, the sampler's draws), so another decode
// worker continues it exactly from the KV held here (`handoffs`, sent by the service). Any other sequence
// of a gone worker is freed and announced (SeqLost), so that the gateway can tell the client.
import { readFileSync } from 'node:fs';
import type { ShmPool, SeqLocks } from '@inferos/shm';
import { pb, type inferos, type Fields } from '@inferos/proto';
import type { StoreConfig } from './config';
import { newCache, type Sequence } from './sequence';

/** A job whose worker is gone, to be sent to another worker of its kind. */
export type Handoff = { seqId: string; requestId: string; reason: string } & (
  | { kind: 'decode'; job: inferos.v1.DecodeJob }
  | { kind: 'prefill'; job: inferos.v1.PrefillJob }
);

/** A sequence whose job was handed off this many times, each taker gone too, is lost instead. */
export const MAX_HANDOFFS = 3;

/** Whether a process of this PID namespace has exited (false when /proc cannot tell). */
export function processGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

export class Ownership {
  private readonly workerSeen = new Map<string, number>();
  /** Workers of this PID namespace, by id: their pid. */
  private readonly workerPid = new Map<string, number>();

  constructor(
    private readonly config: StoreConfig,
    private readonly sequences: Map<string, Sequence>,
    private readonly pool: ShmPool,
    private readonly locks: SeqLocks,
  ) {}

  /** A sign of life from a worker (a claim or a commit). */
  seen(workerId: string): void {
    this.workerSeen.set(workerId, Date.now());
  }

  heartbeat(hb: inferos.v1.Heartbeat): void {
    this.workerSeen.set(hb.workerId, Date.now());
    if (hb.pid && hb.pidNamespace && hb.pidNamespace === this.config.pidNamespace) this.workerPid.set(hb.workerId, hb.pid);
  }

  /** Make `req`'s worker the owner of `seq`, with the job its claim carries; or the refusal, changing nothing. */
  claim(seq: Sequence, req: inferos.v1.SeqClaimRequest): Fields<typeof pb.SeqReply> | undefined {
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
    this.seen(req.workerId);
    if (req.decodeJob) {
      seq.job = pb.DecodeJob.create({ ...req.decodeJob, resumed: false });
      seq.prefillJob = undefined;
    } else if (req.prefillJob && !seq.job) seq.prefillJob = pb.PrefillJob.create(req.prefillJob);
    return undefined;
  }

  /** A committed step's progress of the decode job (what a handoff resumes from). */
  progressed(seq: Sequence, progress: inferos.v1.ISeqStep['progress']): void {
    if (seq.job && progress) {
      seq.job.nextToken = progress.nextToken ?? 0;
      seq.job.generated = progress.generated ?? 0;
      seq.job.sampling = pb.Sampling.create({ ...seq.job.sampling, draws: progress.draws ?? 0 });
    }
  }

  /**
   * Sequences whose owner is gone (silent for lostAfterMs, or its process exited) or that nobody claimed
   * in time: a decode job is handed off (the sequence waits, unowned, for the worker the service sends
   * it to), anything else is returned as lost (for the caller to free).
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
        seq.cache = newCache(this.config, this.pool, seq.maxTokens, seq.policy, seq.promptTokens);
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
}
