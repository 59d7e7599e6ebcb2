// Ranking variant of every demotion round: old blocks by importance (the attention they received lately,
// IMPORTANCE_HALF_LIFE), below the blocks already demoted, so that each threshold is the exact share of
// old blocks at or below its tier.
import { rankBy, TIER_ORDER, type Block, type BlockScore } from './ranking';

/**
 * Every old block is ranked, evicted ones included, so the thresholds are shares of the whole old
 * population. Nothing moves up, so blocks already demoted take the lowest ranks (evicted, then INT4,
 * then INT8) and only the others compete by importance: repeated rounds do not compound. Blocks in
 * `evictNow` (picked at a prompt's end: by-prompt-end.ts) take the evicted ranks.
 */
export function rankByImportance(blocks: readonly Block[], importance: BlockScore, evictNow: ReadonlySet<number>): Block[] {
  return rankBy(blocks, importance, (b) => (evictNow.has(b.start) ? TIER_ORDER.evicted : TIER_ORDER[b.tier]));
}
