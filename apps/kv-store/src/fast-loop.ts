// The fast loop: memory pressure, acted on where the memory is. Above HIGH_WATER of the budget it pauses
// admission and squeezes the sequence holding the most FP16 bytes; admission resumes below LOW_WATER.
// The service runs relieve() every loops.fast_ms.
import { BudgetExceededError, type ShmPool, type SeqLocks } from '@inferos/shm';
import type { Admission } from './admission';
import type { Sequence } from './sequence';

/** Memory pressure marks of the fast loop, as fractions of the budget. */
export const HIGH_WATER = 0.9;
export const LOW_WATER = 0.8;

/** What one turn of the fast loop did; a sequence it could not squeeze is lost (the caller frees it). */
export type Relief = 'squeezed' | 'paused' | 'resumed' | 'none' | { lost: Sequence; reason: string };

export class FastLoop {
  /** Squeezes done so far. */
  squeezes = 0;

  constructor(
    private readonly pool: ShmPool,
    private readonly locks: SeqLocks,
    private readonly admission: Admission,
    private readonly sequences: Map<string, Sequence>,
  ) {}

  /**
   * The fast loop's work: act on memory pressure before the budget is hit. Above HIGH_WATER of the
   * budget, admission pauses and the sequence holding the most FP16 bytes is squeezed (its old FP16
   * blocks go to INT4, its hot capacity is returned); admission resumes below LOW_WATER.
   * Returns what it did.
   */
  relieve(): Relief {
    const used = this.pool.stats.usedBytes;
    const budget = this.admission.budgetBytes;
    // The pool's cap follows the budget down as old reservations drain.
    this.admission.capPool();
    if (used >= HIGH_WATER * budget) {
      const wasPaused = this.admission.paused;
      this.admission.paused = true;
      let best: Sequence | undefined;
      let bestHot = 0;
      for (const s of this.sequences.values()) {
        if (s.cache.policy.fullPrecision || s.squeezedAt === s.cache.length) continue;
        const hot = s.cache.bytesByTier.f16;
        if (hot > bestHot) {
          best = s;
          bestHot = hot;
        }
      }
      if (best) {
        const seq = best;
        try {
          this.locks.write(seq.slot, () => seq.cache.squeeze());
          seq.squeezedAt = seq.cache.length;
          this.squeezes++;
          return 'squeezed';
        } catch (err) {
          // No room even to shrink (the new hot store is allocated before the old is freed): the cache
          // may be half-changed, so the sequence ends here rather than run on torn state.
          if (!(err instanceof BudgetExceededError)) throw err;
          return { lost: seq, reason: `memory pressure: no room left to squeeze it (${(err as Error).message})` };
        }
      }
      return wasPaused ? 'none' : 'paused';
    }
    if (this.admission.paused && used < LOW_WATER * budget && this.admission.reserved <= budget) {
      this.admission.paused = false;
      return 'resumed';
    }
    return 'none';
  }
}
