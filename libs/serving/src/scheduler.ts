// What a decode iteration runs, as pure functions (no NATS, no ONNX Runtime, no shared memory), and the
// one commit-with-retry that decode and prefill share.
import { pb } from '@inferos/proto';
import type { StepOutput } from '@inferos/inference';
import { KvError, type KvClient, type RemoteSeq, type StepFailure, type StepToCommit } from './kv-client';

/**
 * This iteration's batch: at most `maxBatch` of the running sequences, taking turns (round robin from
 * `turn`) when more are running; returns the batch, the ones that wait, and the next turn.
 */
export function nextBatch<T>(active: readonly T[], turn: number, maxBatch: number): { batch: T[]; waiting: T[]; turn: number } {
  if (active.length === 0) return { batch: [], waiting: [], turn: 0 };
  const n = Math.min(Math.max(1, maxBatch), active.length);
  const start = turn % active.length;
  const batch = [...active.slice(start), ...active.slice(0, start)].slice(0, n);
  return { batch, waiting: active.filter((a) => !batch.includes(a)), turn: (start + n) % active.length };
}

/**
 * The batch split into model runs: sequences of one graph path (`graphOf`: the exact float path, or the
 * compressed path of one group size, with or without importance) share a run; a run of one is the
 * single-sequence reference exactly. Without batching, every sequence runs alone. Order is kept.
 */
export function runsOf<T>(batch: readonly T[], graphOf: (t: T) => string, batching: boolean): T[][] {
  if (!batching) return batch.map((t) => [t]);
  const runs = new Map<string, T[]>();
  for (const t of batch) runs.set(graphOf(t), [...(runs.get(graphOf(t)) ?? []), t]);
  return [...runs.values()];
}

/** The graph path a sequence's step takes (what runsOf groups by). */
export function graphPath(seq: Pick<RemoteSeq, 'needsImportance' | 'policy'>): string {
  return `${seq.needsImportance ? 'importance' : 'plain'}-${seq.policy.groupSize}`;
}

/**
 * Commit steps; a step the kv-store found stale (it squeezed the sequence under memory pressure after the
 * step read its tiers) is claimed again, run again on the fresh table (`rerun`) and committed again, up to
 * `attempts` times. Returns one failure (or undefined) per step, in order; a step that was rerun has its
 * `out` replaced. A decode step's progress (the token chosen) is committed with it: `rerun` chooses again
 * from the new output and sets the step's progress before returning.
 */
export async function commitWithRetry(kv: KvClient, steps: StepToCommit[], rerun: (step: StepToCommit) => Promise<StepOutput>, attempts = 3): Promise<(StepFailure | undefined)[]> {
  const errors = steps.length > 0 ? await kv.commit(steps) : [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    const stale = steps.map((_, i) => i).filter((i) => errors[i]?.code === pb.KvError.KV_ERROR_STALE_STEP);
    if (stale.length === 0) break;
    const again: StepToCommit[] = [];
    const retried: number[] = [];
    for (const i of stale) {
      const s = steps[i]!;
      try {
        s.seq.update((await kv.claim(s.seq.id)).table);
        const out = await rerun(s); // may set s.progress anew (the token chosen from the new output)
        again.push({ ...s, out });
        retried.push(i);
      } catch (err) {
        errors[i] = failure(err); // this sequence only (freed meanwhile, say); the others go on
      }
    }
    const errs = again.length > 0 ? await kv.commit(again) : [];
    retried.forEach((i, k) => {
      steps[i]!.out = again[k]!.out;
      errors[i] = errs[k];
    });
  }
  return errors;
}

/** A failure as commit reports them: the kv-store's code when it refused (KvError), else the message. */
export function failure(err: unknown): StepFailure {
  if (err instanceof KvError) return { code: err.code, message: err.message };
  return { message: err instanceof Error ? err.message : String(err) };
}
