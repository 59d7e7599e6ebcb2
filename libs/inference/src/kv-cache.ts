// The KV cache our code holds between steps (the graph only returns the new tokens' K/V).
//
// Layout per layer: keys and values are each one Float32Array, token-major:
//   keys[layer]: [capacity, kvHeads, headDim]   (keys after RoPE)
// so appending writes at the end, and the used prefix [length, kvHeads, headDim] is fed to the graph as a
// view, without a copy. Capacity grows geometrically up to maxTokens; memory figures count the buffers
// actually allocated.

export interface KvCacheShape {
  layers: number;
  kvHeads: number;
  headDim: number;
  /** Hard limit (the model's context length). */
  maxTokens: number;
}

const INITIAL_CAPACITY = 256;

export class KvCache {
  readonly layers: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly maxTokens: number;
  /** Floats per token per layer for keys (and again for values). */
  readonly tokenFloats: number;
  private keys: Float32Array[] = [];
  private values: Float32Array[] = [];
  private used = 0;
  private capacity = 0;

  constructor(shape: KvCacheShape) {
    for (const [k, v] of Object.entries(shape)) {
      if (!Number.isSafeInteger(v) || v <= 0) throw new RangeError(`KvCache: ${k} must be a positive integer, got ${v}`);
    }
    this.layers = shape.layers;
    this.kvHeads = shape.kvHeads;
    this.headDim = shape.headDim;
    this.maxTokens = shape.maxTokens;
    this.tokenFloats = shape.kvHeads * shape.headDim;
  }

  /** Tokens held. */
  get length(): number {
    return this.used;
  }

  /** Bytes of every buffer the cache holds (allocated capacity, not only the used part). */
  get bytesHeld(): number {
    let total = 0;
    for (const a of this.keys) total += a.byteLength;
    for (const a of this.values) total += a.byteLength;
    return total;
  }

  /** Bytes occupied by the tokens held. */
  get bytesUsed(): number {
    return this.used * this.tokenFloats * 4 * 2 * this.layers;
  }

  /** Keys of `layer` for the tokens held: [length, kvHeads, headDim], a view into the cache. */
  pastKey(layer: number): Float32Array {
    return this.view(this.keys, layer);
  }

  pastValue(layer: number): Float32Array {
    return this.view(this.values, layer);
  }

  /**
   * Append `n` tokens. keys[l] and values[l] hold [n, kvHeads, headDim] floats for layer l. Checks every
   * shape before it writes anything, so a bad call changes nothing.
   */
  append(keys: readonly Float32Array[], values: readonly Float32Array[], n: number): void {
    if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`KvCache.append: n must be a positive integer, got ${n}`);
    if (keys.length !== this.layers || values.length !== this.layers) {
      throw new RangeError(`KvCache.append: expected ${this.layers} layers of keys and values, got ${keys.length} and ${values.length}`);
    }
    const want = n * this.tokenFloats;
    for (let l = 0; l < this.layers; l++) {
      if (keys[l]!.length !== want || values[l]!.length !== want) {
        throw new RangeError(`KvCache.append: layer ${l}: expected ${want} floats ([${n}, ${this.kvHeads}, ${this.headDim}]), got ${keys[l]!.length} keys and ${values[l]!.length} values`);
      }
    }
    if (this.used + n > this.maxTokens) {
      throw new RangeError(`KvCache.append: ${this.used} + ${n} tokens exceed the context of ${this.maxTokens}`);
    }
    this.reserve(this.used + n);
    const at = this.used * this.tokenFloats;
    for (let l = 0; l < this.layers; l++) {
      this.keys[l]!.set(keys[l]!, at);
      this.values[l]!.set(values[l]!, at);
    }
    this.used += n;
  }

  /** Drop every token and free the buffers. */
  clear(): void {
    this.keys = [];
    this.values = [];
    this.used = 0;
    this.capacity = 0;
  }

  private view(buffers: Float32Array[], layer: number): Float32Array {
    if (!Number.isInteger(layer) || layer < 0 || layer >= this.layers) {
      throw new RangeError(`KvCache: layer ${layer} out of range [0, ${this.layers})`);
    }
    const buf = buffers[layer];
    return buf ? buf.subarray(0, this.used * this.tokenFloats) : new Float32Array(0);
  }

  private reserve(tokens: number): void {
    if (tokens <= this.capacity) return;
    const cap = Math.min(this.maxTokens, Math.max(tokens, this.capacity * 2, INITIAL_CAPACITY));
    const grow = (old: Float32Array[]) =>
      Array.from({ length: this.layers }, (_, l) => {
        const next = new Float32Array(cap * this.tokenFloats);
        const prev = old[l];
        if (prev) next.set(prev.subarray(0, this.used * this.tokenFloats));
        return next;
      });
    this.keys = grow(this.keys);
    this.values = grow(this.values);
    this.capacity = cap;
  }
}
