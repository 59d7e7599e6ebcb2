// The inference core: the model's sessions, its tokenizer, and the loop that runs them.
//   prefill: the prompt in chunks, each appending its K/V to the sequence's cache
//   decode:  one token at a time from the cache; sample; repeat
// The cache is read in its stored tiers (see @inferos/kv): by @inferos/attention between the segments of a
// format-11 model (native-step.ts), or fed to a format-10 graph, which dequantizes inside.
import { TieredKvCache, prefillSteps, heldTokens, type CachePolicy, type TierBytes, type TensorSpec } from '@inferos/kv';
import { loadModelInfo, defaultModelDir, type ModelInfo } from './model-dir';
import { ModelSession, ort, DEFAULT_PROVIDERS, type Provider, type Feeds } from './session';
import { Sampler, GREEDY, tokenLogprob, type SamplingOptions, type TokenLogprob } from './sampling';
import { TextTokenizer } from './tokenizer';
import { BatchFeeds } from './batch-feeds';
import { nativeStep } from './native-step';
import { attentionInfo } from '@inferos/attention';

export interface GenerateOptions {
  maxTokens: number;
  sampling?: SamplingOptions;
  /** Prompt tokens per prefill step. */
  prefillChunk?: number;
  /** Stop at an end-of-sequence token (default true). */
  stopAtEos?: boolean;
  /** Called with each generated token as soon as it is chosen (with its log-probability when `logprobs` is set). */
  onToken?: (id: number, logprob?: TokenLogprob) => void;
  /** Report each generated token's log-probability and this many alternatives (0-20); absent: none. */
  logprobs?: number;
  /**
   * Called once, after the prompt ran, with the log-probability of every prompt token after the first
   * (given the tokens before it) and `logprobs` alternatives (0 when absent): OpenAI's `echo`.
   */
  onPromptLogprobs?: (logprobs: TokenLogprob[]) => void;
  /** How the KV cache is held (default: the exact full-precision baseline). */
  cachePolicy?: CachePolicy;
}

/** Full precision, nothing demoted: greedy outputs equal the reference exactly. */
export const BASELINE_CACHE: CachePolicy = {
  fullPrecision: true,
  sinks: 0,
  window: 0,
  groupSize: 64,
  thresholds: { int8: 0, int4: 0, evict: 0 },
};

export interface GenerateResult {
  tokens: number[];
  promptTokens: number;
  /** Prompt in to first token chosen (prefill and the first sample). */
  ttftMs: number;
  /** Decode steps per second after the first token; null when fewer than two tokens were generated. */
  decodeTokensPerS: number | null;
  /** Bytes of the KV cache buffers held at the end of the request. */
  kvBytes: number;
  kvBytesByTier: TierBytes;
  /** Bytes an FP16 cache would hold for the same tokens. */
  kvBytesFp16: number;
  /** 1 - kvBytes / kvBytesFp16. */
  kvReduction: number;
  finishReason: 'length' | 'stop';
}

export const DEFAULT_PREFILL_CHUNK = 256;

/** The key input of each tier, in the graph's order. */
const TIER_KEYS = ['past_key', 'past_key_f16', 'past_key_i8', 'past_key_i4'] as const;

/** Rows the graph is fed per tier (a hot tier's whole capacity, [1, kv, capacity, D]) and rows held. */
function tierRows(specs: Record<string, TensorSpec>): { fed: number[]; held: number[] } {
  return {
    fed: TIER_KEYS.map((k) => (specs[k]!.tokens === undefined ? specs[k]!.dims[1]! : specs[k]!.dims[2]!)),
    held: TIER_KEYS.map((k) => heldTokens(specs[k]!)),
  };
}

/** The last position's logits of a step's [positions, vocab] output. */
export function lastPosition(logits: Float32Array, vocab: number): Float32Array {
  return logits.subarray(logits.length - vocab);
}

/**
 * One row's attention mass without the padding: the graph returns an entry for every row fed (tier by
 * tier, `fed` rows each, then the step's t tokens); the cache wants the held rows only, in the same order.
 */
function heldMass(m: Float32Array, offset: number, fed: readonly number[], held: readonly number[], t: number): Float32Array {
  const out = new Float32Array(held.reduce((a, n) => a + n, 0) + t);
  let at = 0;
  let off = offset;
  for (let j = 0; j < held.length; j++) {
    out.set(m.subarray(off, off + held[j]!), at);
    at += held[j]!;
    off += fed[j]!;
  }
  out.set(m.subarray(off, off + t), at);
  return out;
}

/**
 * What a step reads the past from: the in-process TieredKvCache, or a worker's view of a sequence held
 * by the kv-store in shared memory. Feeds are the stored tiers, named without the `.L` suffix.
 */
export interface KvSource {
  /** Tokens before this step (the position of its first token). */
  readonly length: number;
  readonly needsImportance: boolean;
  readonly policy: { readonly groupSize: number };
  /**
   * Changes whenever rows already fed may have changed: anything but rows appended to a hot tier in place
   * (a batch keeps the rows it copied while the epoch and the tier's buffer stay: batch-feeds.ts). A
   * source without one is copied whole every batched step.
   */
  readonly epoch?: number;
  feeds(layer: number): Record<string, TensorSpec>;
}

/** One step's outputs. keys[l], values[l]: [t, kvHeads, headDim]; masses[l]: [fed + t] (with importance). */
export interface StepOutput {
  /** [positions, vocab]: every new token's logits, or only the last's (Engine.step's `logits`). */
  logits: Float32Array;
  keys: Float32Array[];
  values: Float32Array[];
  masses: Float32Array[] | undefined;
}

export class ContextLengthError extends RangeError {
  override name = 'ContextLengthError';
}

export class Engine {
  private readonly fetch: string[];
  private readonly fetchWithMass: string[];
  /** Sessions by graph file (one: the graph serves every group size, prefill and decode). */
  private readonly sessions = new Map<string, Promise<ModelSession>>();
  /**
   * stepBatch's padded inputs, kept from step to step (batch-feeds.ts: a hot tier's rows already copied
   * stay, only new ones are copied). One batch at a time uses them; an overlapping call builds its own.
   */
  readonly batchFeeds = new BatchFeeds();
  private batchBusy = false;

  private constructor(
    readonly info: ModelInfo,
    readonly tokenizer: TextTokenizer,
    /** The session of the default group size's graph (it also serves the full-precision baseline). */
    readonly session: ModelSession,
    private readonly providers: readonly Provider[],
    /** Format 11: one session per segment graph (info.segments), the first being `session`. */
    private readonly segments: readonly ModelSession[] = [],
  ) {
    this.sessions.set(info.graphs.get(info.defaultGroup)!, Promise.resolve(session));
    this.fetch = ['logits'];
    for (let l = 0; l < info.numLayers; l++) this.fetch.push(`present_key.${l}`, `present_value.${l}`);
    this.fetchWithMass = [...this.fetch];
    for (let l = 0; l < info.numLayers; l++) this.fetchWithMass.push(`attn_mass.${l}`);
  }

  static async load(modelDir?: string, providers: readonly Provider[] = DEFAULT_PROVIDERS): Promise<Engine> {
    const info = loadModelInfo(modelDir ?? defaultModelDir());
    const tokenizer = TextTokenizer.load(info.tokenizerPath);
    if (info.attention === 'native') {
      attentionInfo(); // the native kernel loads now (a missing build or an unsupported CPU fails here, not at the first step)
      const segments: ModelSession[] = [];
      try {
        for (const path of info.segments) segments.push(await ModelSession.open(path, providers, { spin: 'within-run', arena: false }));
      } catch (err) {
        for (const s of segments) await s.close();
        throw err;
      }
      return new Engine(info, tokenizer, segments[0]!, providers, segments);
    }
    const session = await ModelSession.open(info.graphs.get(info.defaultGroup)!, providers);
    return new Engine(info, tokenizer, session, providers);
  }

  /** The sessions a step runs: a format-11 model's segments, in order, or the one graph's session. */
  get runSessions(): readonly ModelSession[] {
    return this.info.attention === 'native' ? this.segments : [this.session];
  }

  get provider(): Provider {
    return this.session.provider;
  }

  /** The session whose graph dequantizes KV groups of `group` tokens/channels. */
  sessionFor(group: number): Promise<ModelSession> {
    if (this.info.attention === 'native') throw new RangeError(`${this.info.name} is a format-11 model: its segments (runSessions) serve every group size`);
    const path = this.info.graphs.get(group);
    if (!path) {
      throw new RangeError(`${this.info.name} has no graph for KV group size ${group} (exported: ${[...this.info.graphs.keys()].join(', ')})`);
    }
    return this.open(path);
  }

  private open(path: string): Promise<ModelSession> {
    let session = this.sessions.get(path);
    if (!session) {
      session = ModelSession.open(path, this.providers);
      this.sessions.set(path, session);
    }
    return session;
  }

  newCache(policy: CachePolicy = BASELINE_CACHE): TieredKvCache {
    // Full precision quantizes nothing: it runs on the default graph, whatever its group size.
    if (policy.fullPrecision) policy = { ...policy, groupSize: this.info.defaultGroup };
    if (!this.info.graphs.has(policy.groupSize)) {
      throw new RangeError(`${this.info.name} has no graph for KV group size ${policy.groupSize} (exported: ${[...this.info.graphs.keys()].join(', ')})`);
    }
    const { numLayers, numKvHeads, headDim, maxPosition } = this.info;
    return new TieredKvCache({ layers: numLayers, kvHeads: numKvHeads, headDim, maxTokens: maxPosition }, policy);
  }

  /**
   * Run `ids` after the tokens already in `cache`, append their K/V to it, and return the logits:
   * [ids.length, vocab] with `allLogits`, else the last position's [vocab].
   */
  async forward(cache: TieredKvCache, ids: readonly number[], allLogits = false): Promise<Float32Array> {
    const out = await this.step(cache, ids, allLogits ? 'all' : 'last');
    cache.append(out.keys, out.values, ids.length, out.masses);
    return allLogits ? out.logits : lastPosition(out.logits, this.info.vocabSize);
  }

  /**
   * Run `ids` after the tokens `kv` holds; returns the logits of every position ([t, vocab]), or with
   * `logits` 'last' at least the last position's (only it, when the graph takes logits_from: the LM head
   * then runs for one position), and the new tokens' K/V (and attention mass when `kv` needs importance).
   * Appending them is the caller's business.
   */
  async step(kv: KvSource, ids: readonly number[], logits: 'all' | 'last' = 'all'): Promise<StepOutput> {
    const t = ids.length;
    const past = kv.length;
    if (t === 0) throw new RangeError('forward: no tokens to run');
    if (past + t > this.info.maxPosition) {
      throw new ContextLengthError(`${past + t} tokens exceed the model's context of ${this.info.maxPosition}`);
    }
    const { numLayers, vocabSize } = this.info;
    for (const id of ids) {
      if (!Number.isInteger(id) || id < 0 || id >= vocabSize) throw new RangeError(`token id ${id} out of range [0, ${vocabSize})`);
    }
    if (this.info.attention === 'native') return (await nativeStep(this.segments, this.info, [kv], [ids], logits))[0]!;
    const inputIds = BigInt64Array.from(ids, BigInt);
    const positions = BigInt64Array.from(ids, (_, i) => BigInt(past + i));
    const feeds: Feeds = {
      input_ids: new ort.Tensor('int64', inputIds, [1, t]),
      position_ids: new ort.Tensor('int64', positions, [1, t]),
    };
    const rows: ReturnType<typeof tierRows>[] = [];
    for (let l = 0; l < numLayers; l++) {
      const specs = kv.feeds(l);
      for (const [name, spec] of Object.entries(specs)) {
        feeds[`${name}.${l}`] = new ort.Tensor(spec.type, spec.data, spec.dims);
      }
      rows.push(tierRows(specs));
      feeds[`past_valid.${l}`] = new ort.Tensor('int64', BigInt64Array.from(rows[l]!.held.map(BigInt)), [1, 4]);
    }
    const withMass = kv.needsImportance;
    const session = await this.sessionFor(kv.policy.groupSize);
    // Graphs exported before logits_from compute every position's logits.
    if (session.hasInput('logits_from')) feeds['logits_from'] = new ort.Tensor('int64', BigInt64Array.of(logits === 'last' ? BigInt(t - 1) : 0n), [1]);
    const out = await session.run(feeds, withMass ? this.fetchWithMass : this.fetch);
    const keys: Float32Array[] = [];
    const values: Float32Array[] = [];
    const masses: Float32Array[] = [];
    for (let l = 0; l < numLayers; l++) {
      keys.push(out[`present_key.${l}`]!.data as Float32Array);
      values.push(out[`present_value.${l}`]!.data as Float32Array);
      if (withMass) masses.push(heldMass(out[`attn_mass.${l}`]!.data as Float32Array, 0, rows[l]!.fed, rows[l]!.held, t));
    }
    return { logits: out['logits']!.data as Float32Array, keys, values, masses: withMass ? masses : undefined };
  }

  /**
   * One decode step for several sequences in one run: `ids[b]` after the tokens `kvs[b]` holds. Each
   * tier is padded to its longest row and the padding is masked (`past_valid`); the results match
   * per-sequence steps up to float rounding (the padded layout may sum in another order: batch.test.ts
   * measures it, 7.6e-6 on the exact cache's logits). Every source must use the same group size.
   */
  async stepBatch(kvs: readonly KvSource[], ids: readonly number[]): Promise<StepOutput[]> {
    const B = kvs.length;
    if (B === 0 || ids.length !== B) throw new RangeError(`stepBatch: ${B} sources and ${ids.length} ids; expected one id per source, at least one`);
    if (B === 1) return [await this.step(kvs[0]!, ids)];
    if (this.info.attention === 'native') {
      const { vocabSize, maxPosition } = this.info;
      kvs.forEach((kv, b) => {
        const id = ids[b]!;
        if (!Number.isInteger(id) || id < 0 || id >= vocabSize) throw new RangeError(`token id ${id} out of range [0, ${vocabSize})`);
        if (kv.length + 1 > maxPosition) throw new ContextLengthError(`${kv.length + 1} tokens exceed the model's context of ${maxPosition}`);
      });
      // Rows attend to their own tiers as they are: no padding, and any mix of group sizes.
      return nativeStep(this.segments, this.info, kvs, ids.map((id) => [id]), 'last');
    }
    const reuse = !this.batchBusy;
    this.batchBusy = true;
    try {
      return await this.runBatch(kvs, ids, reuse);
    } finally {
      if (reuse) this.batchBusy = false;
    }
  }

  private async runBatch(kvs: readonly KvSource[], ids: readonly number[], reuse: boolean): Promise<StepOutput[]> {
    const B = kvs.length;
    const group = kvs[0]!.policy.groupSize;
    if (kvs.some((k) => k.policy.groupSize !== group)) throw new RangeError('stepBatch: every source must use the same KV group size');
    const { numLayers, vocabSize, maxPosition } = this.info;
    const inputIds = new BigInt64Array(B);
    const positions = new BigInt64Array(B);
    kvs.forEach((kv, b) => {
      const id = ids[b]!;
      if (!Number.isInteger(id) || id < 0 || id >= vocabSize) throw new RangeError(`token id ${id} out of range [0, ${vocabSize})`);
      if (kv.length + 1 > maxPosition) throw new ContextLengthError(`${kv.length + 1} tokens exceed the model's context of ${maxPosition}`);
      inputIds[b] = BigInt(id);
      positions[b] = BigInt(kv.length);
    });
    const feeds: Feeds = {
      input_ids: new ort.Tensor('int64', inputIds, [B, 1]),
      position_ids: new ort.Tensor('int64', positions, [B, 1]),
    };
    /** Per layer and row, the real tokens of each tier (to cut the attention mass back apart). */
    const valid: number[][][] = [];
    /** Per layer, the rows fed of each tier (the longest row's, or a kept buffer's length). */
    const fedRows: number[][] = [];
    for (let l = 0; l < numLayers; l++) {
      const rows = kvs.map((kv) => kv.feeds(l));
      valid.push(rows.map((r) => tierRows(r).held));
      const lengths: Record<string, number> = {};
      for (const name of Object.keys(rows[0]!)) {
        const specs = rows.map((r) => r[name]!);
        specs.forEach((sp, b) => {
          if (sp.dims.length !== specs[0]!.dims.length || (sp.tokens === undefined) !== (specs[0]!.tokens === undefined)) {
            throw new RangeError(`stepBatch: ${name}.${l}: row ${b} has dims [${sp.dims}], row 0 [${specs[0]!.dims}]`);
          }
        });
        if (specs[0]!.tokens === undefined) {
          feeds[`${name}.${l}`] = this.batchFeeds.tokenMajor(`${name}.${l}`, specs, reuse);
          lengths[name] = Math.max(...specs.map((sp) => sp.dims[1]!));
        } else {
          const { tensor, length } = this.batchFeeds.headMajor(`${name}.${l}`, specs, kvs, reuse);
          feeds[`${name}.${l}`] = tensor;
          lengths[name] = length;
        }
      }
      fedRows.push(TIER_KEYS.map((k) => lengths[k]!));
      feeds[`past_valid.${l}`] = new ort.Tensor('int64', BigInt64Array.from(valid[l]!.flat().map(BigInt)), [B, 4]);
    }
    const withMass = kvs.some((k) => k.needsImportance);
    const session = await this.sessionFor(group);
    if (session.hasInput('logits_from')) feeds['logits_from'] = new ort.Tensor('int64', BigInt64Array.of(0n), [1]);
    const out = await session.run(feeds, withMass ? this.fetchWithMass : this.fetch);
    const logits = out['logits']!.data as Float32Array;
    const results: StepOutput[] = kvs.map((kv, b) => ({
      logits: logits.slice(b * vocabSize, (b + 1) * vocabSize),
      keys: [],
      values: [],
      masses: kv.needsImportance ? [] : undefined,
    }));
    for (let l = 0; l < numLayers; l++) {
      const k = out[`present_key.${l}`]!;
      const v = out[`present_value.${l}`]!;
      const row = (k.data as Float32Array).length / B;
      const mass = withMass ? out[`attn_mass.${l}`]! : undefined;
      const padded = fedRows[l]!;
      const width = padded.reduce((a, p) => a + p, 0) + 1;
      results.forEach((r, b) => {
        r.keys.push((k.data as Float32Array).slice(b * row, (b + 1) * row));
        r.values.push((v.data as Float32Array).slice(b * row, (b + 1) * row));
        // This row's real entries, tier by tier, then the new token: the order a single step returns.
        if (r.masses && mass) r.masses.push(heldMass(mass.data as Float32Array, b * width, padded, valid[l]![b]!, 1));
      });
    }
    return results;
  }

  /**
   * Run the prompt in chunks of `chunk` tokens; returns the logits of its last position. The cache's
   * evictions wait for the prompt's end (TieredKvCache.holdEvictions). `onChunk` gets every position's
   * logits ([t, vocab]) of each chunk, the chunk starting at prompt position `start`.
   */
  async prefill(
    cache: TieredKvCache,
    ids: readonly number[],
    chunk = DEFAULT_PREFILL_CHUNK,
    onChunk?: (logits: Float32Array, start: number, t: number) => void,
  ): Promise<Float32Array> {
    if (ids.length === 0) throw new RangeError('prefill: the prompt has no tokens');
    const steps = prefillSteps(ids.length, chunk, cache.needsImportance);
    if (cache.length + ids.length > this.info.maxPosition) {
      throw new ContextLengthError(`${cache.length + ids.length} tokens exceed the model's context of ${this.info.maxPosition}`);
    }
    cache.holdEvictions(cache.length + ids.length);
    let logits: Float32Array | undefined;
    let start = 0;
    const vocab = this.info.vocabSize;
    for (const t of steps) {
      if (!onChunk) {
        logits = await this.forward(cache, ids.slice(start, (start += t)));
        continue;
      }
      const all = await this.forward(cache, ids.slice(start, start + t), true);
      onChunk(all, start, t);
      start += t;
      logits = all.subarray((t - 1) * vocab, t * vocab);
    }
    return logits!;
  }

  async generate(promptIds: readonly number[], opts: GenerateOptions): Promise<GenerateResult> {
    const { maxTokens } = opts;
    if (!Number.isSafeInteger(maxTokens) || maxTokens <= 0) throw new RangeError(`max tokens must be a positive integer, got ${maxTokens}`);
    if (promptIds.length + maxTokens > this.info.maxPosition) {
      throw new ContextLengthError(`prompt (${promptIds.length} tokens) + max tokens (${maxTokens}) exceed the model's context of ${this.info.maxPosition}`);
    }
    const sampler = new Sampler(opts.sampling ?? GREEDY);
    const stopAtEos = opts.stopAtEos ?? true;
    const cache = this.newCache(opts.cachePolicy);
    const t0 = performance.now();
    const top = opts.logprobs ?? 0;
    const echoed: TokenLogprob[] = [];
    const echo = opts.onPromptLogprobs
      ? (all: Float32Array, start: number, t: number) => {
          const v = this.info.vocabSize;
          // Position p's logits predict prompt token p + 1.
          for (let p = start; p < start + t && p + 1 < promptIds.length; p++) {
            echoed.push(tokenLogprob(all.subarray((p - start) * v, (p - start + 1) * v), promptIds[p + 1]!, top));
          }
        }
      : undefined;
    let logits = await this.prefill(cache, promptIds, opts.prefillChunk, echo);
    opts.onPromptLogprobs?.(echoed);
    const tokens: number[] = [];
    let firstAt = 0;
    let finishReason: GenerateResult['finishReason'] = 'length';
    for (;;) {
      const id = sampler.sample(logits);
      if (tokens.length === 0) firstAt = performance.now();
      tokens.push(id);
      opts.onToken?.(id, opts.logprobs === undefined ? undefined : tokenLogprob(logits, id, opts.logprobs));
      if (stopAtEos && this.info.eosTokenIds.includes(id)) {
        finishReason = 'stop';
        break;
      }
      if (tokens.length >= maxTokens) break;
      logits = await this.forward(cache, [id]);
    }
    const end = performance.now();
    return {
      tokens,
      promptTokens: promptIds.length,
      ttftMs: firstAt - t0,
      decodeTokensPerS: tokens.length > 1 ? ((tokens.length - 1) * 1000) / (end - firstAt) : null,
      kvBytes: cache.bytesHeld,
      kvBytesByTier: cache.bytesByTier,
      kvBytesFp16: cache.bytesFp16,
      kvReduction: cache.reduction,
      finishReason,
    };
  }

  async close(): Promise<void> {
    for (const s of this.sessions.values()) await (await s).close();
    for (const s of this.segments.slice(1)) await s.close();
  }
}
