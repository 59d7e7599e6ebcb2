// The kv-store's configuration (StoreConfig): the budget, the model's shape and graphs, the largest step,
// and the names and limits of its shared memory, as the service starts it.
import type { CacheShape } from '@inferos/kv';

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

export const DEFAULT_PREFIX = 'inferos-kv';
