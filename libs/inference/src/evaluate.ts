// Measurements through the real decode path: perplexity by teacher forcing from the (compressed) cache,
// greedy recall of a span seen long ago, and decode speed. Each compares cache policies in one run.
import type { CachePolicy } from '@inferos/kv';
import { BASELINE_CACHE, type Engine } from './engine';
import { argmax, mulberry32 } from './sampling';

export interface PolicyUnderTest {
  label: string;
  cache: CachePolicy;
}

export interface PerplexityOptions {
  /** Tokens per window (each starts with BOS and is scored from its second token). */
  context: number;
  /** Tokens fed per step; every token is predicted from the cache of the tokens before its chunk. */
  chunk: number;
  /** Stop after this many scored tokens (per policy). */
  maxTokens?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface PerplexityResult {
  label: string;
  ppl: number;
  nll: number;
  tokens: number;
  /** Means over windows of the figures at the end of each window; reduction = 1 - kvBytes / kvBytesFp16. */
  kvBytes: number;
  kvBytesFp16: number;
  kvReduction: number;
}

/** Log-softmax NLL of `target` under `logits` (float64). */
export function nllOf(logits: Float32Array, target: number): number {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i]! > max) max = logits[i]!;
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i]! - max);
  return Math.log(sum) + max - logits[target]!;
}

/** Windows of `context` tokens: [BOS, next context-1 tokens of the text], bounded by `maxTokens` scored. */
/** The quality probe scores at most a prompt's last PROBE_TOKENS tokens, in chunks of PROBE_CHUNK. */
export const PROBE_TOKENS = 1024;
export const PROBE_CHUNK = 32;

export interface ProbeScore {
  /** Tokens scored (every token after the first of the kept window). */
  tokens: number;
  /** Summed -log p(token) with the policy's compressed cache, and at full precision. */
  nllPolicy: number;
  nllBaseline: number;
}

/**
 * The quality probe's measurement of one prompt: its last PROBE_TOKENS tokens (enough for old blocks to be
 * demoted, bounded so the probe stays cheap) teacher-forced through the real decode path in chunks of
 * PROBE_CHUNK, once with `policy`'s compressed cache and once at full precision. `pause` runs between
 * chunks: a worker that also serves requests lets them in there.
 */
export async function probeScore(engine: Engine, promptIds: readonly number[], policy: CachePolicy,
  pause: () => Promise<void> = async () => {}): Promise<ProbeScore> {
  const keep = Math.min(PROBE_TOKENS, engine.info.maxPosition);
  const bos = engine.info.bosTokenId;
  const ids = promptIds.length <= keep ? [...promptIds] : [...(bos === null ? [] : [bos]), ...promptIds.slice(-(keep - (bos === null ? 0 : 1)))];
  const vocab = engine.info.vocabSize;
  const score = async (p: CachePolicy) => {
    const cache = engine.newCache(p);
    let nll = 0;
    for (let at = 0; at < ids.length - 1; at += PROBE_CHUNK) {
      const part = ids.slice(at, Math.min(at + PROBE_CHUNK, ids.length - 1));
      const logits = await engine.forward(cache, part, true);
      for (let i = 0; i < part.length; i++) nll += nllOf(logits.subarray(i * vocab, (i + 1) * vocab), ids[at + i + 1]!);
      await pause();
    }
    return nll;
  };
  return { tokens: Math.max(0, ids.length - 1), nllPolicy: await score(policy), nllBaseline: await score(BASELINE_CACHE) };
}

export function makeWindows(tokens: readonly number[], bos: number, context: number, maxTokens = Infinity): number[][] {
  if (!Number.isSafeInteger(context) || context < 2) throw new RangeError(`context must be an integer >= 2, got ${context}`);
  const windows: number[][] = [];
  let scored = 0;
  for (let at = 0; at < tokens.length && scored < maxTokens; at += context - 1) {
    const take = Math.min(context - 1, tokens.length - at, maxTokens - scored);
    if (take < 1) break;
    windows.push([bos, ...tokens.slice(at, at + take)]);
    scored += take;
  }
  return windows;
}

/**
 * Perplexity of `tokens` for each policy, windows interleaved across policies so that all see the same
 * text under the same conditions.
 */
export async function perplexity(engine: Engine, tokens: readonly number[], policies: readonly PolicyUnderTest[],
  opts: PerplexityOptions): Promise<PerplexityResult[]> {
  const { context, chunk } = opts;
  if (!Number.isSafeInteger(chunk) || chunk < 1) throw new RangeError(`chunk must be a positive integer, got ${chunk}`);
  if (context > engine.info.maxPosition) throw new RangeError(`context ${context} exceeds the model's ${engine.info.maxPosition}`);
  const bos = engine.info.bosTokenId;
  if (bos === null) throw new RangeError('the model has no BOS token to start windows with');
  const windows = makeWindows(tokens, bos, context, opts.maxTokens);
  if (windows.length === 0) throw new RangeError('the text has no tokens to score');
  const vocab = engine.info.vocabSize;
  const acc = policies.map(() => ({ nll: 0, tokens: 0, bytes: 0, fp16: 0 }));
  const total = windows.length * policies.length;
  let done = 0;
  for (const w of windows) {
    for (const [p, policy] of policies.entries()) {
      const cache = engine.newCache(policy.cache);
      for (let at = 0; at < w.length - 1; at += chunk) {
        const piece = w.slice(at, Math.min(at + chunk, w.length - 1));
        const logits = await engine.forward(cache, piece, true);
        for (let j = 0; j < piece.length; j++) {
          acc[p]!.nll += nllOf(logits.subarray(j * vocab, (j + 1) * vocab), w[at + j + 1]!);
          acc[p]!.tokens++;
        }
      }
      acc[p]!.bytes += cache.bytesHeld;
      acc[p]!.fp16 += cache.bytesFp16;
      opts.onProgress?.(++done, total);
    }
  }
  return policies.map((policy, p) => {
    const a = acc[p]!;
    return {
      label: policy.label,
      ppl: Math.exp(a.nll / a.tokens),
      nll: a.nll / a.tokens,
      tokens: a.tokens,
      kvBytes: a.bytes / windows.length,
      kvBytesFp16: a.fp16 / windows.length,
      kvReduction: 1 - a.bytes / a.fp16,
    };
  });
}

export interface RecallOptions {
  trials: number;
  /** Tokens of other text between the span and its cue. */
  distance: number;
  /** Length of the random span. */
  span: number;
  /** How many of the span's first tokens are repeated as the cue. */
  cue: number;
  seed: number;
  /** Token ids of filler text (the held-out text). */
  filler: readonly number[];
  onProgress?: (done: number, total: number) => void;
}

export interface RecallResult {
  label: string;
  /** Fraction of the span's remaining tokens reproduced, position for position. */
  recall: number;
  kvReduction: number;
}

/** Token ids that a random span may use: not special tokens (those the tokenizer marks as added). */
function spanVocabulary(engine: Engine): number[] {
  const special = new Set([engine.info.bosTokenId, ...engine.info.eosTokenIds].filter((x): x is number => x !== null));
  const out: number[] = [];
  for (let id = 0; id < engine.info.vocabSize; id++) if (!special.has(id) && !engine.tokenizer.decode([id]).startsWith('<|')) out.push(id);
  return out;
}

/**
 * BOS, a span of random tokens, `distance` tokens of filler, the span's first `cue` tokens; the model
 * continues greedily and must reproduce the rest of the span. Eviction that threw the span away fails.
 */
export async function recall(engine: Engine, policies: readonly PolicyUnderTest[], opts: RecallOptions): Promise<RecallResult[]> {
  const { trials, distance, span, cue } = opts;
  if (!(cue >= 1 && cue < span)) throw new RangeError(`cue must be in [1, span), got ${cue}`);
  const length = 1 + span + distance + cue + (span - cue);
  if (length > engine.info.maxPosition) throw new RangeError(`span ${span} + distance ${distance} need ${length} tokens, more than the model's ${engine.info.maxPosition}`);
  if (opts.filler.length < distance + 1) throw new RangeError(`the filler text has ${opts.filler.length} tokens, fewer than the distance ${distance}`);
  const bos = engine.info.bosTokenId ?? 0;
  const vocab = spanVocabulary(engine);
  const random = mulberry32(opts.seed);
  const hits = policies.map(() => 0);
  const reductions = policies.map(() => 0);
  let done = 0;
  for (let trial = 0; trial < trials; trial++) {
    const spanIds = Array.from({ length: span }, () => vocab[Math.floor(random() * vocab.length)]!);
    const start = Math.floor(random() * (opts.filler.length - distance));
    const prompt = [bos, ...spanIds, ...opts.filler.slice(start, start + distance), ...spanIds.slice(0, cue)];
    for (const [p, policy] of policies.entries()) {
      const cache = engine.newCache(policy.cache);
      let logits = await engine.prefill(cache, prompt, 32);
      for (let i = cue; i < span; i++) {
        const id = argmax(logits);
        if (id === spanIds[i]) hits[p]!++;
        if (i + 1 < span) logits = await engine.forward(cache, [id]);
      }
      reductions[p]! += cache.reduction;
      opts.onProgress?.(++done, trials * policies.length);
    }
  }
  return policies.map((policy, p) => ({
    label: policy.label,
    recall: hits[p]! / (trials * (span - cue)),
    kvReduction: reductions[p]! / trials,
  }));
}

export interface DecodeBenchResult {
  label: string;
  tokensPerS: number;
  /** tokens/s of each round alone. */
  tokensPerSByRound: number[];
  kvReduction: number;
}

/**
 * Decode speed at a given context: every policy's cache is filled with the same `context` tokens, then
 * the policies take decode steps in turn, the order reversed every step (ABBA), so that the machine's
 * noise and any cost of going first or second fall on all alike. Each round starts from fresh caches;
 * a policy's tokens/s pools all its rounds (steps over summed time).
 */
export async function benchDecode(engine: Engine, contextIds: readonly number[], policies: readonly PolicyUnderTest[],
  steps: number, onProgress?: (done: number, total: number) => void, rounds = 1): Promise<DecodeBenchResult[]> {
  if (contextIds.length + steps > engine.info.maxPosition) throw new RangeError(`context ${contextIds.length} + ${steps} tokens exceed the model's ${engine.info.maxPosition}`);
  if (!Number.isSafeInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a positive integer, got ${rounds}`);
  const warmup = Math.min(4, steps);
  const elapsed = policies.map(() => [] as number[]);
  let reductions: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const caches = policies.map((p) => engine.newCache(p.cache));
    const next: number[] = [];
    for (const cache of caches) next.push(argmax(await engine.prefill(cache, contextIds, 256)));
    const spent = policies.map(() => 0);
    const order = policies.map((_, p) => p);
    for (let s = 0; s < steps + warmup; s++) {
      for (const p of s % 2 === 0 ? order : [...order].reverse()) {
        const t0 = performance.now();
        const logits = await engine.forward(caches[p]!, [next[p]!]);
        const dt = performance.now() - t0;
        next[p] = argmax(logits);
        if (s >= warmup) spent[p]! += dt;
      }
      onProgress?.(r * (steps + warmup) + s + 1, rounds * (steps + warmup));
    }
    spent.forEach((ms, p) => elapsed[p]!.push(ms));
    reductions = caches.map((c) => c.reduction);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return policies.map((policy, p) => ({
    label: policy.label,
    tokensPerS: (rounds * steps * 1000) / sum(elapsed[p]!),
    tokensPerSByRound: elapsed[p]!.map((ms) => (steps * 1000) / ms),
    kvReduction: reductions[p]!,
  }));
}
