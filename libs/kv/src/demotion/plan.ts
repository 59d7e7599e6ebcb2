// The demotion plan: which of a layer's old blocks move down, and to which tier, as a pure function of
// the blocks, their scores and the policy's thresholds. Ranking puts the blocks already demoted lowest
// (evicted, then INT4, then INT8) and orders the rest by importance, so each threshold is the exact share
// of old blocks at or below its tier; the storage (storage/layer.ts) carries the moves out.
import { parkingTier, type CachePolicy } from '../cache-policy';
import { rankByImportance } from './by-importance';
import { promptEndEvictions } from './by-prompt-end';
import { quantile, TIER_ORDER, type Block, type BlockScore, type Tier } from './ranking';

/** A block and the tier it moves down to. */
export type Move = [Block, Tier];

export interface PlanScores {
  /** What ranks the blocks every round: the attention mass forgotten with IMPORTANCE_HALF_LIFE. */
  importance: BlockScore;
  /** What picks the evictions at a prompt's end: the mass forgotten with PROMPT_END_HALF_LIFE. */
  cue: BlockScore;
}

export interface PlanOptions {
  /** Move every block at least this far down (squeeze: 'i4'). */
  force?: Tier;
  /** Evict nothing yet (when the policy has a tier to wait in): a prompt holds its evictions. */
  hold?: boolean;
  /** Pick the evictions by what the prompt's last tokens attended to. */
  promptEnd?: boolean;
}

/**
 * One round: rank the layer's old blocks and move them down per the thresholds. `hold`: evict nothing
 * yet (when the policy has a tier to wait in); `promptEnd`: pick the evictions by what the prompt's last
 * tokens attended to. Returns the moves, each block at most once and only downwards; changes nothing.
 */
export function demotionPlan(blocks: readonly Block[], scores: PlanScores, policy: CachePolicy, { force, hold = false, promptEnd = false }: PlanOptions = {}): Move[] {
  const { int8, int4, evict } = policy.thresholds;
  const evictNow = promptEnd ? promptEndEvictions(blocks, scores.cue, evict) : new Set<number>();
  const ranked = rankByImportance(blocks, scores.importance, evictNow);
  const parking = hold ? parkingTier(policy) : undefined;
  const moves: Move[] = [];
  ranked.forEach((b, i) => {
    const r = quantile(i, ranked.length);
    let ranked_: Tier = r < evict ? 'evicted' : r < int4 ? 'i4' : r < int8 ? 'i8' : 'hot';
    if (ranked_ === 'evicted' && parking && b.tier !== 'evicted') ranked_ = parking;
    const target: Tier = force && TIER_ORDER[force] > TIER_ORDER[ranked_] ? force : ranked_;
    if (TIER_ORDER[target] > TIER_ORDER[b.tier]) moves.push([b, target]);
  });
  return moves;
}
