// Importance scoring: the attention mass each position of a layer received, accumulated step by step with
// exponential forgetting at two half-lives (the long memory that ranks old blocks, and the short one that
// picks a prompt's evictions at its end), and a block's score from either.
//
// The graph returns, per layer, the attention mass each fed token received (summed over heads and query
// rows). We accumulate it per position with exponential forgetting (half-life IMPORTANCE_HALF_LIFE
// queries): a block is judged by the attention it received lately. (Dividing the plain sum by the token's
// age, as we first did, ranked a block mostly by age: what it got while it was recent, spread over ever
// more queries. It evicted the oldest blocks first and lost what a later cue needed; docs/tiered-cache.md,
// "Why this importance".)
import { fedTokens, type LayerTiers } from './feed-layout';

/**
 * Half-life, in queries (tokens run after it), of the attention mass that ranks old blocks. Measured
 * with `default` (docs/tiered-cache.md, "Why this importance"): 256 against 32, 64, 128 and no forgetting.
 */
export const IMPORTANCE_HALF_LIFE = 256;
/** Half-life of the mass that picks the evictions held for a prompt's end; also how many of the prompt's
 * last tokens prefillSteps runs as a step of their own. */
export const PROMPT_END_HALF_LIFE = 32;

/** A layer's accumulators, one entry per position of the sequence. */
export interface LayerImportance {
  /** Attention mass per position, forgotten with IMPORTANCE_HALF_LIFE. */
  readonly mass: Float64Array;
  /** The same with PROMPT_END_HALF_LIFE: what the latest tokens attended to. */
  readonly recentMass: Float64Array;
}

/**
 * Add one step's attention mass (`mass`: one entry per fed token, then the step's own tokens) to the
 * per-position importance of a layer holding `used` tokens, walking the tiers in feed order.
 */
export function accumulate(layer: LayerTiers & LayerImportance, used: number, groupSize: number, mass: Float32Array): void {
  const t = mass.length - fedTokens(layer);
  const { mass: long, recentMass: short } = layer;
  const decayLong = Math.pow(0.5, t / IMPORTANCE_HALF_LIFE);
  const decayShort = Math.pow(0.5, t / PROMPT_END_HALF_LIFE);
  for (let p = 0; p < used; p++) {
    long[p]! *= decayLong;
    short[p]! *= decayShort;
  }
  // The step's mass is summed over its t queries; weigh it by their mean age weight (as if spread
  // evenly), so that a long step counts like its queries would one by one.
  const wLong = stepWeight(t, IMPORTANCE_HALF_LIFE);
  const wShort = stepWeight(t, PROMPT_END_HALF_LIFE);
  // The fed tokens in feed order (hot rows, INT8 blocks, INT4 blocks: forEachFed's order, written out
  // here because it runs for every layer of every step), then the step's own tokens.
  let i = 0;
  const { hot, i8, i4 } = layer;
  for (let r = 0; r < hot.n; r++, i++) {
    const p = hot.positions[r]!;
    long[p]! += mass[i]! * wLong;
    short[p]! += mass[i]! * wShort;
  }
  for (const blocks of [i8.blocks, i4.blocks]) {
    for (const start of blocks) {
      for (let p = start; p < start + groupSize; p++, i++) {
        long[p]! += mass[i]! * wLong;
        short[p]! += mass[i]! * wShort;
      }
    }
  }
  for (let p = used; i < mass.length; p++, i++) {
    long[p]! += mass[i]! * wLong;
    short[p]! += mass[i]! * wShort;
  }
}

/** The weight of a step of `t` queries' summed mass: their mean age weight at half-life `h` (1 for one query). */
function stepWeight(t: number, h: number): number {
  return t === 1 ? 1 : (1 - Math.pow(0.5, t / h)) / (t * (1 - Math.pow(0.5, 1 / h)));
}

/** Importance of a block: mean over its tokens of the forgotten attention mass they received. */
export function blockScore(mass: Float64Array, start: number, groupSize: number): number {
  let s = 0;
  for (let p = start; p < start + groupSize; p++) s += mass[p]!;
  return s / groupSize;
}
