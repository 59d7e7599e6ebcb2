// What a decode iteration runs, as pure functions (no NATS, no ONNX Runtime, no shared memory): which
// running sequences take this step (round robin up to scheduler.max_batch) and which of them share a model
// run (one per graph path) or run alone.
import type { KvSource } from '@inferos/inference';

/** What bounds a decode step: scheduler.max_batch, and whether sequences of one graph path share a run. */
export interface BatchLimits {
  maxBatch: number;
  /** Batched compute (INFEROS_BATCH=0 turns it off): without it every sequence runs alone. */
  batching: boolean;
}

/** A decode step's plan: its batch, split into model runs (a run of one runs alone), and who waits. */
export interface Schedule<T> {
  batch: T[];
  runs: T[][];
  waiting: T[];
  /** Where the next step's round robin starts. */
  turn: number;
}

/**
 * This step's plan (nextBatch, then runsOf): each running sequence is in the batch or waits, and each
 * sequence of the batch is in exactly one run.
 */
export function schedule<T>(active: readonly T[], turn: number, limits: BatchLimits, graphOf: (t: T) => string): Schedule<T> {
  const next = nextBatch(active, turn, limits.maxBatch);
  return { ...next, runs: runsOf(next.batch, graphOf, limits.batching) };
}

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

/**
 * The graph path a sequence's step takes (what runsOf groups by). A format-11 model (attention 'native')
 * has one path: its segments run every row alike and attention reads each row's tiers as they are, so
 * every sequence shares a run whatever its policy.
 */
export function graphPath(seq: Pick<KvSource, 'needsImportance' | 'policy'>, attention: 'graph' | 'native' = 'graph'): string {
  if (attention === 'native') return 'native';
  return `${seq.needsImportance ? 'importance' : 'plain'}-${seq.policy.groupSize}`;
}
