export { Engine, ContextLengthError, DEFAULT_PREFILL_CHUNK, BASELINE_CACHE, lastPosition, type GenerateOptions, type GenerateResult, type KvSource, type StepOutput } from './engine';
export { loadModelInfo, defaultModelDir, contextTextPath, ModelDirError, BUNDLED_MODEL, type ModelInfo, type WeightType } from './model-dir';
export { Sampler, GREEDY, argmax, mulberry32, checkSampling, tokenLogprob, MAX_TOP_LOGPROBS, type SamplingOptions, type TokenLogprob } from './sampling';
export { ModelSession, Provider, DEFAULT_PROVIDERS, parseProviders, type ProviderAttempt } from './session';
export { TextTokenizer, StreamDecoder } from './tokenizer';
export {
  perplexity, recall, benchDecode, makeWindows, nllOf, probeScore, PROBE_TOKENS, PROBE_CHUNK,
  type ProbeScore, type PolicyUnderTest, type PerplexityOptions, type PerplexityResult, type RecallOptions, type RecallResult, type DecodeBenchResult,
} from './evaluate';
