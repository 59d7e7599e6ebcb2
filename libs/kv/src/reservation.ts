// Reservation: the most bytes a sequence can hold under a policy, transients included, computed from
// the shape, the policy's thresholds and the prefill chunk alone. The kv-store admits a sequence against
// it, and a fixed hot store (CacheOptions.fixedHotChunk) is allocated at its hot capacity.
import { parkingTier, type CacheShape, type CachePolicy } from './cache-policy';
import { packedBytes, type Bits } from './quant';

export interface Reservation {
  /** Hot-store capacity in tokens (per layer). */
  hotTokens: number;
  /** Most INT8 and INT4 blocks a layer can hold. */
  int8Blocks: number;
  int4Blocks: number;
  /** Upper bound of the bytes the cache holds at any moment, transients of a demotion included. */
  bytes: number;
}

/**
 * How many bytes a sequence of at most `tokens` tokens can hold under `policy`, fed in steps of at most
 * `chunk` tokens, with a fixed hot store (CacheOptions.fixedHotChunk). The kv-store admits a sequence only
 * when this fits its budget, so a running sequence never finds the budget exhausted.
 *
 * Why it bounds: with n old blocks ranked by quantile r = (i + 0.5) / n, at most floor((1 - L1) n) + 1
 * have r >= L1 (stay hot; none when L1 = 1, since r < 1); blocks never move up, so a block in INT8 had a target of INT8 or hot: at most
 * floor((1 - L2) n) + 1 blocks are hot or INT8, and floor((1 - L3) n) + 1 are held at all. The hot store
 * also holds the sinks, the recent window, the block being filled and one chunk appended before its
 * demotion. A demotion releases a quantized tier's old buffers before it allocates the new ones
 * (QuantStore.rebuild), so no tier counts twice. While a prompt of `promptTokens` holds its evictions
 * (holdEvictions), every old block of the prompt may be held, in parkingTier(policy) at most.
 */
export function reservation(shape: CacheShape, policy: CachePolicy, tokens: number, chunk: number, promptTokens = 0): Reservation {
  if (!Number.isSafeInteger(tokens) || tokens <= 0 || tokens > shape.maxTokens) throw new RangeError(`reservation: tokens must be in [1, ${shape.maxTokens}], got ${tokens}`);
  if (!Number.isSafeInteger(chunk) || chunk <= 0) throw new RangeError(`reservation: chunk must be a positive integer, got ${chunk}`);
  const c = shape.kvHeads * shape.headDim;
  const layers = shape.layers;
  if (policy.fullPrecision) {
    return { hotTokens: tokens, int8Blocks: 0, int4Blocks: 0, bytes: layers * tokens * c * 4 * 2 };
  }
  const g = policy.groupSize;
  const { int8, int4, evict } = policy.thresholds;
  const n = Math.max(0, Math.floor((tokens - policy.sinks - policy.window) / g));
  // r = (i + 0.5) / n < 1: with a threshold of 1 no block reaches it (the default policy keeps no old block hot).
  const atMost = (fraction: number) => (fraction <= 0 ? 0 : Math.min(n, Math.floor(fraction * n) + 1));
  const parking = parkingTier(policy);
  const promptBlocks = parking ? Math.max(0, Math.floor((Math.min(promptTokens, tokens) - policy.sinks - policy.window) / g)) : 0;
  const hotBlocks = atMost(1 - int8);
  const hotOrInt8 = Math.max(atMost(1 - int4), parking === 'i8' ? promptBlocks : 0);
  const held = Math.max(atMost(1 - evict), promptBlocks);
  const hotTokens = Math.min(tokens, policy.sinks + policy.window + (hotBlocks + 1) * g + chunk);
  const int8Blocks = Math.max(0, hotOrInt8 - hotBlocks);
  const int4Blocks = Math.max(0, held - hotOrInt8);
  const blockBytes = (bits: Bits) => 2 * packedBytes(g * c, bits) + c * 3 + g * (c / g) * 3;
  const quant = Math.min(hotOrInt8, n) * blockBytes(8) + Math.min(held, n) * blockBytes(4);
  return { hotTokens, int8Blocks, int4Blocks, bytes: layers * (hotTokens * c * 2 * 2 + quant) };
}
