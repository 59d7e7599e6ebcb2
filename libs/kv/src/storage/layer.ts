// Storage of one layer: its hot store, its INT8 and INT4 stores, its importance accumulators and its old
// blocks; and the carrying out of a demotion plan, which moves each moving block's data down once
// (quantized from hot, requantized from INT8, or dropped) and rebuilds the quantized stores.
import type { CacheShape, CachePolicy } from '../cache-policy';
import type { Block } from '../demotion/ranking';
import type { Move } from '../demotion/plan';
import type { LayerImportance } from '../importance';
import type { KvArena } from './arena';
import { HotStore } from './hot-store';
import { QuantStore, type QuantBlock } from './quant-store';

export class Layer implements LayerImportance {
  readonly hot: HotStore;
  readonly i8: QuantStore;
  readonly i4: QuantStore;
  /** Attention mass per position, forgotten with IMPORTANCE_HALF_LIFE. */
  readonly mass: Float64Array;
  /** The same with PROMPT_END_HALF_LIFE: what the latest tokens attended to. */
  readonly recentMass: Float64Array;
  readonly blocks: Block[] = [];

  constructor(shape: CacheShape, policy: CachePolicy, arena: KvArena, fixedHot?: number) {
    const c = shape.kvHeads * shape.headDim;
    this.hot = new HotStore(policy.fullPrecision, shape.kvHeads, shape.headDim, shape.maxTokens, arena, fixedHot);
    // Full precision never quantizes, but its (empty) quantized tiers still take the graph's shapes.
    this.i8 = new QuantStore(8, c, policy.groupSize, arena);
    this.i4 = new QuantStore(4, c, policy.groupSize, arena);
    this.mass = new Float64Array(policy.fullPrecision ? 0 : shape.maxTokens);
    this.recentMass = new Float64Array(this.mass.length);
  }

  /**
   * Carry out `moves` (a demotion plan; blocks of `g` tokens): quantize each block once for the tier it
   * enters, drop the evicted ones, then mark every block with its new tier. Returns the tokens evicted.
   */
  move(moves: readonly Move[], g: number): number {
    const keep8: QuantBlock[] = [];
    const keep4: QuantBlock[] = [];
    const leaving = new Map(moves.map(([b, t]) => [b.start, t]));
    this.i8.blocks.forEach((start, i) => {
      const to = leaving.get(start);
      if (to === undefined) keep8.push(this.i8.slice(i));
      else if (to === 'i4') {
        const [k, v] = this.i8.read(i);
        keep4.push(this.i4.quantize(start, k, v));
      }
    });
    this.i4.blocks.forEach((start, i) => {
      if (!leaving.has(start)) keep4.push(this.i4.slice(i));
    });
    // Blocks leaving the hot store, highest rows first so that earlier rows keep their index.
    const fromHot = moves.filter(([b]) => b.tier === 'hot').sort((a, b) => b[0].start - a[0].start);
    for (const [b, to] of fromHot) {
      const row = this.hot.rowOf(b.start);
      if (to !== 'evicted') {
        const [k, v] = this.hot.read(row, g);
        (to === 'i8' ? keep8 : keep4).push((to === 'i8' ? this.i8 : this.i4).quantize(b.start, k, v));
      }
      this.hot.remove(row, g);
    }
    this.i8.rebuild(keep8);
    this.i4.rebuild(keep4);
    let evicted = 0;
    for (const [b, to] of moves) {
      if (to === 'evicted') evicted += g;
      b.tier = to;
    }
    return evicted;
  }

  free(): void {
    this.hot.free();
    this.i8.free();
    this.i4.free();
  }
}
