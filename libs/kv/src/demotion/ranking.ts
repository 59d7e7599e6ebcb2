// The demotion plan's common ground: the tiers an old block can be in, ordered downwards (nothing moves
// up), and the ranking both of its variants use: blocks lowest first by a tier order, then by score,
// then by position, each judged by the quantile of its rank.

export type Tier = 'hot' | 'i8' | 'i4' | 'evicted';
export const TIER_ORDER: Record<Tier, number> = { hot: 0, i8: 1, i4: 2, evicted: 3 };

/** An old block of a layer: `groupSize` positions from `start`, and the tier it is in. */
export interface Block {
  start: number;
  tier: Tier;
}

/** A block's score, by its first position (importance.ts: blockScore over one of the layer's masses). */
export type BlockScore = (start: number) => number;

/** `blocks` ranked lowest first: a higher `order` first, then a lower score, then an earlier start. */
export function rankBy(blocks: readonly Block[], score: BlockScore, order: (b: Block) => number): Block[] {
  const scores = new Map(blocks.map((b) => [b.start, score(b.start)] as const));
  return [...blocks].sort((a, b) => order(b) - order(a) || scores.get(a.start)! - scores.get(b.start)! || a.start - b.start);
}

/** The quantile of rank i among n blocks: the share of old blocks a threshold compares it with. */
export const quantile = (i: number, n: number): number => (i + 0.5) / n;
