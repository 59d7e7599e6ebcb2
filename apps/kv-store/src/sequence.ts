// One sequence as the kv-store holds it: its cache in the shared pool, its slot and reservation in the
// admission ledger, its owner and job (ownership), and what its owner's views were built from (wire).
// newCache makes the cache a sequence opens with, and again when its prompt restarts.
import { TieredKvCache, type CachePolicy, type TensorSpec } from '@inferos/kv';
import type { ShmPool } from '@inferos/shm';
import type { inferos } from '@inferos/proto';
import type { StoreConfig } from './config';

export interface Sequence {
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
  /** Its prompt is in and its hot store refit for single-token steps, the prompt's share of its reservation returned (KvStore.settle). */
  settled?: boolean;
  /** Prompt tokens and cache policy, to make the cache again when its prompt restarts. */
  promptTokens: number;
  policy: CachePolicy;
}

/**
 * A sequence's empty cache in the pool, of `maxTokens` (prompt + max tokens) at most, its hot store fixed
 * at what a step of the configured chunk needs, holding its evictions for the end of its prompt.
 */
export function newCache(config: StoreConfig, pool: ShmPool, maxTokens: number, policy: CachePolicy, promptTokens: number): TieredKvCache {
  const cache = new TieredKvCache({ ...config.shape, maxTokens }, policy, { arena: pool, fixedHotChunk: config.chunk });
  cache.holdEvictions(promptTokens);
  return cache;
}
