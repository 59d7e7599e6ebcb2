// The tiered KV cache of one sequence: what our code holds between steps, in its stored form. This module
// runs the sequence's life (append, demotion rounds, squeeze, prompt holds) over per-layer storage
// (storage/), importance scoring (importance.ts), the demotion plan (demotion/) and the feed layout
// (feed-layout.ts); reservation.ts bounds what it can hold.
//
// Per layer, tokens live in one of four places, fed to the graph as they are stored:
//   hot   float32 (the `baseline` policy: exact) or float16: the sink tokens, the recent window, and old
//         blocks not (yet) demoted. Rows ordered by position: [n, kvHeads, headDim].
//   int8  blocks of `groupSize` tokens; keys per channel over the block, values per token in groups of
//         `groupSize` channels; FP16 scales and uint8 zero points (see quant.ts).
//   int4  the same at 4 bits, two values per byte.
//   evicted: absent.
// Tokens after the sinks are cut into blocks of `groupSize` positions. A block becomes "old" once all of
// its tokens have left the recent window; from then on, after each step that made a new old block, the
// layer's old blocks are ranked and moved down per the thresholds (see policy.ts, demotion/plan.ts). A
// move quantizes the block once (INT8 -> INT4 requantizes the INT8 data); nothing moves up.
import type { CacheShape, CachePolicy } from './cache-policy';
import { HEAP_ARENA, type KvArena } from './storage/arena';
import { Layer } from './storage/layer';
import { layerFeeds, fedPositions, fedTokens, type TensorSpec } from './feed-layout';
import { accumulate, blockScore } from './importance';
import { demotionPlan } from './demotion/plan';
import type { Tier } from './demotion/ranking';
import { reservation } from './reservation';
import { bytesByTier, tokensByTier, metadataBytes, type TierBytes } from './accounting';

export interface CacheOptions {
  arena?: KvArena;
  /**
   * Allocate the hot store once, at the capacity `reservation()` bounds (prefill chunks of at most
   * `fixedHotChunk` tokens), instead of growing it: no reallocation and copy while the sequence runs.
   */
  fixedHotChunk?: number;
}

export class TieredKvCache {
  readonly channels: number;
  private readonly layers: Layer[];
  private used = 0;
  private mutations = 0;
  private nextBlock = 0;
  private evictedTokens = 0;
  /** The hot store was refit for single-token steps (refitHot): a squeeze keeps it fixed. */
  private refit = false;
  /** Evictions wait until the cache holds this many tokens (the end of the prompt being prefilled). */
  private evictAt = 0;

  constructor(readonly shape: CacheShape, readonly policy: CachePolicy, options: CacheOptions = {}) {
    for (const [k, v] of Object.entries(shape)) {
      if (!Number.isSafeInteger(v) || v <= 0) throw new RangeError(`TieredKvCache: ${k} must be a positive integer, got ${v}`);
    }
    this.channels = shape.kvHeads * shape.headDim;
    if (this.channels % policy.groupSize !== 0) {
      throw new RangeError(`TieredKvCache: group size ${policy.groupSize} does not divide ${this.channels} channels (kv_heads x head_dim)`);
    }
    const arena = options.arena ?? HEAP_ARENA;
    const fixedHot = options.fixedHotChunk === undefined ? undefined : reservation(shape, policy, shape.maxTokens, options.fixedHotChunk).hotTokens;
    this.layers = [];
    try {
      for (let l = 0; l < shape.layers; l++) this.layers.push(new Layer(shape, policy, arena, fixedHot));
    } catch (err) {
      this.free();
      throw err;
    }
  }

  /**
   * Refit a fixed hot store (CacheOptions.fixedHotChunk) for steps of at most `chunk` tokens: once a
   * prompt is in, decode steps append one token each, and the room its chunks needed is released. Layer by
   * layer, each smaller store is allocated before the old one is released, so the cache is whole whatever
   * happens: a layer whose allocation fails (the arena's budget) keeps its store and the error is thrown;
   * calling again finishes the rest. False (nothing done) when the hot store is not fixed or already that
   * small, or a layer holds more rows than would fit. The fed buffers change (epoch).
   */
  refitHot(chunk: number): boolean {
    const cap = reservation(this.shape, this.policy, this.shape.maxTokens, chunk).hotTokens;
    const hot = this.layers.map((l) => l.hot);
    if (hot.some((h) => h.fixedCapacity === undefined || h.n > cap) || hot.every((h) => h.fixedCapacity! <= cap)) return false;
    this.mutations++;
    for (const h of hot) {
      if (h.fixedCapacity! <= cap) continue;
      h.resize(cap);
      h.fixedCapacity = cap;
    }
    this.refit = true;
    return true;
  }

  /** Release every buffer to the arena; the cache is empty (and unusable) afterwards. */
  free(): void {
    for (const l of this.layers) l.free();
    this.layers.length = 0;
  }

  /**
   * Changes whenever rows already fed may have changed (a demotion or a squeeze moves rows between tiers);
   * appending rows in place does not change it (a grown hot store is a new buffer).
   */
  get epoch(): number {
    return this.mutations;
  }

  /** Tokens of the sequence so far (held or evicted). */
  get length(): number {
    return this.used;
  }

  /**
   * Hold evictions until the cache holds `tokens` tokens: call it before prefilling a prompt that ends
   * there. Until then, blocks ranked for eviction wait in parkingTier(policy) (quantized once, as on
   * their way out); when the prompt's last step is appended, the evicted share is picked among all live
   * blocks by what the prompt's last tokens attended to, and the other tiers are ranked as usual. The
   * prompt's peak is then every old block of the prompt held (`reservation` counts it). A policy that
   * keeps no quantized tier cannot hold: its evictions happen as they come.
   */
  holdEvictions(tokens: number): void {
    if (!Number.isSafeInteger(tokens) || tokens < 0 || tokens > this.shape.maxTokens) throw new RangeError(`holdEvictions: tokens must be in [0, ${this.shape.maxTokens}], got ${tokens}`);
    this.evictAt = tokens;
  }

  /** Whether the cache wants the graph's attention mass (importance) after each step. */
  get needsImportance(): boolean {
    return !this.policy.fullPrecision;
  }

  /**
   * The graph inputs of `layer` (names without the `.L` suffix): views of the stored tiers, no copies.
   * Order of tokens inside the graph: f32, f16, int8, int4 (see `positions`).
   */
  feeds(layer: number): Record<string, TensorSpec> {
    return layerFeeds(this.layer(layer), this.shape);
  }

  /** Positions of the tokens fed for `layer`, in the graph's order (f32/f16 hot rows, int8, int4). */
  positions(layer: number): Int32Array {
    return fedPositions(this.layer(layer), this.policy.groupSize);
  }

  /**
   * Append the K/V of `t` new tokens (keys[l], values[l]: [t, kvHeads, headDim] float32) and, when the
   * cache needs importance, the graph's attention mass of the step (masses[l]: [fed + t]). Checks every
   * shape before it changes anything.
   */
  append(keys: readonly Float32Array[], values: readonly Float32Array[], t: number, masses?: readonly Float32Array[]): void {
    if (!Number.isSafeInteger(t) || t <= 0) throw new RangeError(`TieredKvCache.append: t must be a positive integer, got ${t}`);
    const nl = this.shape.layers;
    if (keys.length !== nl || values.length !== nl) throw new RangeError(`TieredKvCache.append: expected ${nl} layers of keys and values, got ${keys.length} and ${values.length}`);
    const want = t * this.channels;
    for (let l = 0; l < nl; l++) {
      if (keys[l]!.length !== want || values[l]!.length !== want) {
        throw new RangeError(`TieredKvCache.append: layer ${l}: expected ${want} floats ([${t}, ${this.shape.kvHeads}, ${this.shape.headDim}]), got ${keys[l]!.length} keys and ${values[l]!.length} values`);
      }
    }
    if (this.used + t > this.shape.maxTokens) throw new RangeError(`TieredKvCache.append: ${this.used} + ${t} tokens exceed the context of ${this.shape.maxTokens}`);
    const before = this.used;
    if (this.needsImportance) {
      if (!masses || masses.length !== nl) throw new RangeError('TieredKvCache.append: this policy needs the attention mass of every layer');
      for (let l = 0; l < nl; l++) {
        const fed = this.fedTokens(l) + t;
        if (masses[l]!.length !== fed) throw new RangeError(`TieredKvCache.append: layer ${l}: attention mass has ${masses[l]!.length} entries, expected ${fed}`);
      }
    }
    for (let l = 0; l < nl; l++) {
      const layer = this.layers[l]!;
      if (this.needsImportance) accumulate(layer, this.used, this.policy.groupSize, masses![l]!);
      layer.hot.append(keys[l]!, values[l]!, t, this.used);
    }
    this.used += t;
    if (this.policy.fullPrecision) return;
    const { sinks, window, groupSize: g } = this.policy;
    let newBlocks = false;
    while (sinks + (this.nextBlock + 1) * g <= this.used - window) {
      for (const layer of this.layers) layer.blocks.push({ start: sinks + this.nextBlock * g, tier: 'hot' });
      this.nextBlock++;
      newBlocks = true;
    }
    const holding = this.used < this.evictAt;
    const promptEnd = before < this.evictAt && !holding;
    if (newBlocks || (promptEnd && this.nextBlock > 0)) {
      for (const layer of this.layers) this.demote(layer, undefined, holding, promptEnd);
    }
  }

  /** Tokens fed to the graph for layer `l` (held in any tier): the attention mass a step returns is this + t. */
  fedTokens(l: number): number {
    return fedTokens(this.layers[l]!);
  }

  /**
   * Memory pressure: move every old block still at FP16 to INT4 now (the sinks and the recent window
   * stay), and give the hot store's unused capacity back (it grows again as needed). Not for the
   * full-precision baseline, which must stay exact. Returns the bytes released.
   */
  squeeze(): number {
    if (this.policy.fullPrecision) return 0;
    this.mutations++;
    const before = this.bytesHeld;
    // A store refit for single-token steps (refitHot) stays fixed at that capacity: its reservation was
    // lowered to it, so growing again on demand would leave the reservation behind.
    for (const layer of this.layers) {
      const refit = this.refit && layer.hot.fixedCapacity !== undefined;
      if (!refit) layer.hot.fixedCapacity = undefined;
      this.demote(layer, 'i4', this.used < this.evictAt);
      if (!refit && layer.hot.capacity > layer.hot.n) layer.hot.resize(layer.hot.n);
    }
    return before - this.bytesHeld;
  }

  /**
   * One round: rank the layer's old blocks and move them down per the thresholds. `hold`: evict nothing
   * yet (when the policy has a tier to wait in); `promptEnd`: pick the evictions by what the prompt's last
   * tokens attended to.
   */
  private demote(layer: Layer, force?: Tier, hold = false, promptEnd = false): void {
    this.mutations++;
    const g = this.policy.groupSize;
    const scores = { importance: (start: number) => blockScore(layer.mass, start, g), cue: (start: number) => blockScore(layer.recentMass, start, g) };
    const moves = demotionPlan(layer.blocks, scores, this.policy, { force, hold, promptEnd });
    if (moves.length === 0) return;
    this.evictedTokens += layer.move(moves, g);
    // Return the hot capacity that demotion freed (growth then resumes in steps of GROWTH_TOKENS).
    if (layer.hot.fixedCapacity === undefined && layer.hot.capacity > layer.hot.n) layer.hot.resize(layer.hot.n);
  }

  private layer(l: number): Layer {
    const layer = this.layers[l];
    if (!layer) throw new RangeError(`TieredKvCache: layer ${l} out of range [0, ${this.shape.layers})`);
    return layer;
  }

  /** Bytes of the KV buffers held per tier (payload, scales and zero points). */
  get bytesByTier(): TierBytes {
    return bytesByTier(this.layers);
  }

  get bytesHeld(): number {
    const t = this.bytesByTier;
    return t.f32 + t.f16 + t.int8 + t.int4;
  }

  /** Bytes an FP16 cache would need for every token of the sequence. */
  get bytesFp16(): number {
    return this.used * this.shape.layers * 2 * this.channels * 2;
  }

  /** 1 - held / FP16 (negative for the float32 baseline, which holds twice the FP16 bytes). */
  get reduction(): number {
    return this.used === 0 ? 0 : 1 - this.bytesHeld / this.bytesFp16;
  }

  /** Tokens per tier summed over layers (evicted included), for reports. */
  get tokensByTier(): { hot: number; int8: number; int4: number; evicted: number } {
    return tokensByTier(this.layers, this.evictedTokens);
  }

  /** Bookkeeping outside the KV buffers: positions and importance accumulators. */
  get metadataBytes(): number {
    return metadataBytes(this.layers);
  }
}
