// Ranking variant of a prompt's end: the blocks to evict, picked among all live blocks by what the
// prompt's last tokens attended to (the cue), not by the long memory that ranks every other round.
//
// A prompt's evictions wait for its end (holdEvictions): while a prompt is prefilled, blocks ranked for
// eviction wait in the policy's lowest kept tier (INT4, or INT8 when it has no INT4 share), and when its
// last step is in, the evicted share is picked by the attention of the prompt's last tokens (a second
// accumulator, half-life PROMPT_END_HALF_LIFE; prefillSteps runs those tokens as a step of their own),
// which often ask for something said long before (SnapKV's observation window).
import { rankBy, quantile, type Block, type BlockScore } from './ranking';

/**
 * At a prompt's end, who is evicted is decided first, among all live blocks by what the prompt's last
 * tokens attended to (a block that waited competes like any other; kept, it stays in the tier it waited
 * in, the policy's lowest). Those blocks then take the evicted ranks of the importance ranking, and the
 * other tiers follow as usual. Returns the starts of the blocks to evict.
 */
export function promptEndEvictions(blocks: readonly Block[], cue: BlockScore, evict: number): Set<number> {
  const evictNow = new Set<number>();
  const byCue = rankBy(blocks, cue, (b) => Number(b.tier === 'evicted'));
  byCue.forEach((b, i) => quantile(i, byCue.length) < evict && evictNow.add(b.start));
  return evictNow;
}
