export { TieredKvCache, type CacheOptions } from './tiered-cache';
export { cachePolicy, recentOnly, parkingTier, type CacheShape, type CachePolicy } from './cache-policy';
export { HEAP_ARENA, type KvArena } from './storage/arena';
export { HOT_FEEDS, QUANT_FEEDS, heldTokens, hotRows, type QuantFeedNames, type TensorSpec, type TensorType } from './feed-layout';
export { PROMPT_END_HALF_LIFE, IMPORTANCE_HALF_LIFE } from './importance';
export { prefillSteps } from './prefill-steps';
export { reservation, type Reservation } from './reservation';
export type { TierBytes } from './accounting';
export {
  DEFAULT_POLICY, KvMode, PolicyError, policyJsonSchema, PROFILES, applyPolicy, loadPolicy, parseBytes, parsePolicyYaml, policiesDir, type Policy,
} from './policy';
export {
  f32ToF16, f16ToF32, encodeF16, decodeF16, quantizeKeys, dequantizeKeys, quantizeValues, dequantizeValues, packedBytes, type Bits,
} from './quant';
