export {
  TieredKvCache, HOT_FEEDS, heldTokens, hotRows, cachePolicy, recentOnly, reservation, prefillSteps, parkingTier, PROMPT_END_HALF_LIFE, IMPORTANCE_HALF_LIFE, HEAP_ARENA, type KvArena, type CacheOptions, type Reservation, type CacheShape, type CachePolicy, type TensorSpec, type TensorType, type TierBytes,
} from './tiered-cache';
export {
  DEFAULT_POLICY, KvMode, PolicyError, policyJsonSchema, PROFILES, applyPolicy, loadPolicy, parseBytes, parsePolicyYaml, policiesDir, type Policy,
} from './policy';
export {
  f32ToF16, f16ToF32, encodeF16, decodeF16, quantizeKeys, dequantizeKeys, quantizeValues, dequantizeValues, packedBytes, type Bits,
} from './quant';
