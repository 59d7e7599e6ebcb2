// A step on a sequence the kv-store may change under it, and its commit: the two places a step runs again
// (the seqlock moved while the graph read the tiers: stepChecked; the kv-store found the commit stale:
// commitWithRetry), shared by the decode and prefill workers.
import { pb } from '@inferos/proto';
import type { StepOutput } from '@inferos/inference';
import { KvError, type StepFailure, type StepToCommit } from './kv-client';
import type { KvPort, ModelPort, SeqPort } from './ports';

/**
 * One model step for a sequence held by the kv-store. If the sequence's seqlock moved while the graph
 * read its tiers (the kv-store squeezing it under memory pressure, or freeing it), the result is discarded
 * and the step runs again on a fresh table.
 */
export async function stepChecked<S extends SeqPort>(engine: Pick<ModelPort<S>, 'step'>, kv: Pick<KvPort<S>, 'claim'>, seq: S, ids: readonly number[], logits: 'all' | 'last' = 'all'): Promise<StepOutput> {
  for (let attempt = 0; ; attempt++) {
    const out = await engine.step(seq, ids, logits);
    if (seq.valid()) return out;
    if (attempt >= 3) throw new Error(`sequence ${seq.id} kept changing while it was read`);
    seq.update((await kv.claim(seq.id)).table);
  }
}

/**
 * Commit steps; a step the kv-store found stale (it squeezed the sequence under memory pressure after the
 * step read its tiers) is claimed again, run again on the fresh table (`rerun`) and committed again, up to
 * `attempts` times. Returns one failure (or undefined) per step, in order; a step that was rerun has its
 * `out` replaced. A decode step's progress (the token chosen) is committed with it: `rerun` chooses again
 * from the new output and sets the step's progress before returning.
 */
export async function commitWithRetry<S extends SeqPort>(kv: Pick<KvPort<S>, 'claim' | 'commit'>, steps: StepToCommit<S>[], rerun: (step: StepToCommit<S>) => Promise<StepOutput>, attempts = 3): Promise<(StepFailure | undefined)[]> {
  const errors = steps.length > 0 ? await kv.commit(steps) : [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    const stale = steps.map((_, i) => i).filter((i) => errors[i]?.code === pb.KvError.KV_ERROR_STALE_STEP);
    if (stale.length === 0) break;
    const again: StepToCommit<S>[] = [];
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
