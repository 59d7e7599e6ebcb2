// What the tiered cache needs to know: the model's shape (CacheShape) and the KV part of a policy
// (CachePolicy, taken from a whole Policy by cachePolicy), with the derived policies and tiers every
// other module of the cache reads (recentOnly, parkingTier).
import type { Policy } from './policy';

export interface CacheShape {
  layers: number;
  kvHeads: number;
  headDim: number;
  /** The model's context length: the cache refuses tokens past it. */
  maxTokens: number;
}

/** What the cache needs of a policy. */
export interface CachePolicy {
  /** Keep everything at float32, never demote (the `baseline` policy: exact). */
  fullPrecision: boolean;
  sinks: number;
  window: number;
  groupSize: number;
  /** Shares of old blocks, as quantiles of their rank: below `evict` evicted, below `int4` INT4, below `int8` INT8. */
  thresholds: { int8: number; int4: number; evict: number };
}

export function cachePolicy(p: Policy): CachePolicy {
  const t = p.kv.level_thresholds;
  return {
    fullPrecision: p.kv.mode === 'baseline',
    sinks: p.kv.sink_tokens,
    window: p.kv.recent_window,
    groupSize: p.kv.group_size,
    thresholds: { int8: t.L1_int8, int4: t.L2_int4, evict: t.L3_evict },
  };
}

/** The same FP16 part (sinks and recent window), with every older token dropped. */
export function recentOnly(p: CachePolicy): CachePolicy {
  return { ...p, fullPrecision: false, thresholds: { int8: 1, int4: 1, evict: 1 } };
}

/** Where blocks ranked for eviction wait while a prompt holds its evictions: the lowest tier the policy
 * keeps old blocks in, if it quantizes them at all (undefined: nothing can wait, evictions happen). */
export function parkingTier(policy: CachePolicy): 'i4' | 'i8' | undefined {
  const { int8, int4, evict } = policy.thresholds;
  if (policy.fullPrecision) return undefined;
  return int4 > evict ? 'i4' : int8 > evict ? 'i8' : undefined;
}
