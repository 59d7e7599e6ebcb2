// The OpenAI-compatible surface: request and response schemas (TypeBox: validation, types and OpenAPI from
// one place), the response and chunk shapes, llama.cpp-style timings, and the text a request releases
// (incremental decoding cut at stop strings).
import { Type, type Static, type TSchema } from 'typebox';
import { MAX_TOP_LOGPROBS, StreamDecoder, type TextTokenizer, type TokenLogprob } from '@inferos/inference';
import type { FinishReason } from './backend';

/** Optional, and `null` accepted as absent (many OpenAI clients send explicit nulls). */
const Nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));

// ---- requests ----

const SamplingFields = {
  model: Type.String({ description: 'Must be the served model (GET /v1/models).' }),
  max_tokens: Nullable(Type.Integer({ minimum: 1, description: 'Default: min(256, context - prompt tokens).' })),
  temperature: Nullable(Type.Number({ minimum: 0, maximum: 2, description: '0 = greedy (argmax). Default 1.' })),
  top_p: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'Nucleus mass. Default 1.' })),
  seed: Nullable(Type.Integer({ minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER })),
  stream: Nullable(Type.Boolean()),
  stream_options: Nullable(Type.Object({ include_usage: Nullable(Type.Boolean()) })),
  stop: Nullable(
    Type.Union([Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }), { maxItems: 4 })], {
      description: 'Cut the text before the first occurrence; finish_reason "stop".',
    }),
  ),
  n: Nullable(Type.Integer({ minimum: 1, maximum: 16, description: 'Choices per prompt, each generated on its own (its own prefill); with a seed, choice i samples with seed + i.' })),
  user: Nullable(Type.String()),
  kv_policy: Nullable(Type.String({ minLength: 1, description: 'Extension: a named KV policy (policies/NAME.yaml) for this request.' })),
  ignore_eos: Nullable(Type.Boolean({ description: 'Extension: keep generating past the end-of-sequence token. Default false.' })),
  target_ftl_ms: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 600000, description: "Extension: this request's time-to-first-token target in ms, for the controller's mid loop." })),
  return_token_ids: Nullable(Type.Boolean({ description: "Extension (vLLM's name): non-streaming responses carry the prompt's and the completion's token ids." })),
};

const TokenIds = {
  prompt_token_ids: Type.Optional(Type.Array(Type.Integer())),
  token_ids: Type.Optional(Type.Array(Type.Integer())),
};

const TextPart = Type.Object({ type: Type.Literal('text'), text: Type.String() });

export const ChatMessageSchema = Type.Object({
  role: Type.Union([Type.Literal('system'), Type.Literal('developer'), Type.Literal('user'), Type.Literal('assistant')]),
  content: Type.Union([Type.String(), Type.Array(TextPart)]),
  name: Nullable(Type.String()),
});

export const ChatCompletionRequest = Type.Object({
  ...SamplingFields,
  messages: Type.Array(ChatMessageSchema, { minItems: 1 }),
  max_completion_tokens: Nullable(Type.Integer({ minimum: 1, description: 'Takes precedence over max_tokens.' })),
  logprobs: Nullable(Type.Boolean({ description: "Each generated token's log-probability under the model (raw logits, before temperature and top_p)." })),
  top_logprobs: Nullable(Type.Integer({ minimum: 0, maximum: MAX_TOP_LOGPROBS, description: 'Alternatives per token, most likely first; needs logprobs: true.' })),
});
export type ChatCompletionRequest = Static<typeof ChatCompletionRequest>;

/** Prompts one /v1/completions request may carry (a batch: choices of prompt p come before those of p + 1). */
export const MAX_PROMPTS = 16;
const TokenIdList = Type.Array(Type.Integer({ minimum: 0 }), { minItems: 1 });

export const CompletionRequest = Type.Object({
  ...SamplingFields,
  max_tokens: Nullable(Type.Integer({ minimum: 0, description: 'Default: min(256, context - prompt tokens). 0 only with echo: score the prompt, generate nothing.' })),
  prompt: Type.Union([
    Type.String(),
    Type.Array(Type.String(), { minItems: 1, maxItems: MAX_PROMPTS }),
    TokenIdList,
    Type.Array(TokenIdList, { minItems: 1, maxItems: MAX_PROMPTS }),
  ], { description: 'Text, token ids, or a batch of either (used as given: no BOS is added to token ids).' }),
  logprobs: Nullable(Type.Integer({ minimum: 0, maximum: MAX_TOP_LOGPROBS, description: "Each token's log-probability under the model and this many alternatives." })),
  echo: Nullable(Type.Boolean({ description: "Return the prompt before the completion, with its tokens' log-probabilities when logprobs is set (the first token has none)." })),
});
export type CompletionRequest = Static<typeof CompletionRequest>;

/**
 * OpenAI fields this server does not implement, with the values that mean "not used". Any other value is
 * refused (400) rather than silently ignored; absent or null is always fine.
 */
export const UNSUPPORTED_UNLESS: Record<string, (v: unknown) => boolean> = {
  best_of: (v) => v === 1,
  suffix: (v) => v === '',
  presence_penalty: (v) => v === 0,
  frequency_penalty: (v) => v === 0,
  logit_bias: (v) => typeof v === 'object' && v !== null && Object.keys(v).length === 0,
  tools: (v) => Array.isArray(v) && v.length === 0,
  functions: (v) => Array.isArray(v) && v.length === 0,
  response_format: (v) => typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'text',
};

// ---- responses ----

export const Usage = Type.Object({
  prompt_tokens: Type.Integer(),
  completion_tokens: Type.Integer(),
  total_tokens: Type.Integer(),
});
export type Usage = Static<typeof Usage>;

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
/** llama.cpp's `timings` object. */
export const Timings = Type.Object({
  prompt_n: Type.Integer(),
  prompt_ms: Type.Number(),
  prompt_per_token_ms: NullableNumber,
  prompt_per_second: NullableNumber,
  predicted_n: Type.Integer(),
  predicted_ms: Type.Number(),
  predicted_per_token_ms: NullableNumber,
  predicted_per_second: NullableNumber,
});
export type Timings = Static<typeof Timings>;

const FinishReasonSchema = Type.Union([Type.Literal('stop'), Type.Literal('length')]);

/** The legacy completions' logprobs object (OpenAI, vLLM, llama.cpp's server). */
export const CompletionLogprobs = Type.Object({
  tokens: Type.Array(Type.String()),
  token_logprobs: Type.Array(NullableNumber),
  top_logprobs: Type.Array(Type.Union([Type.Record(Type.String(), Type.Number()), Type.Null()])),
  text_offset: Type.Array(Type.Integer()),
});
export type CompletionLogprobs = Static<typeof CompletionLogprobs>;

const Bytes = Type.Union([Type.Array(Type.Integer()), Type.Null()]);
const ChatTokenLogprob = Type.Object({
  token: Type.String(),
  logprob: Type.Number(),
  bytes: Bytes,
  top_logprobs: Type.Array(Type.Object({ token: Type.String(), logprob: Type.Number(), bytes: Bytes })),
});
/** Chat's logprobs object. */
export const ChatLogprobs = Type.Object({ content: Type.Array(ChatTokenLogprob), refusal: Type.Null() });
export type ChatLogprobs = Static<typeof ChatLogprobs>;

export const ChatCompletion = Type.Object({
  id: Type.String(),
  object: Type.Literal('chat.completion'),
  created: Type.Integer(),
  model: Type.String(),
  choices: Type.Array(
    Type.Object({
      index: Type.Integer(),
      message: Type.Object({ role: Type.Literal('assistant'), content: Type.String(), refusal: Type.Null() }),
      logprobs: Type.Union([ChatLogprobs, Type.Null()]),
      finish_reason: FinishReasonSchema,
      ...TokenIds,
    }),
  ),
  usage: Usage,
  timings: Timings,
});
export type ChatCompletion = Static<typeof ChatCompletion>;

export const TextCompletion = Type.Object({
  id: Type.String(),
  object: Type.Literal('text_completion'),
  created: Type.Integer(),
  model: Type.String(),
  choices: Type.Array(
    Type.Object({ index: Type.Integer(), text: Type.String(), logprobs: Type.Union([CompletionLogprobs, Type.Null()]), finish_reason: FinishReasonSchema, ...TokenIds }),
  ),
  usage: Usage,
  timings: Timings,
});
export type TextCompletion = Static<typeof TextCompletion>;

export const ModelObject = Type.Object({
  id: Type.String(),
  object: Type.Literal('model'),
  created: Type.Integer(),
  owned_by: Type.String(),
});
export const ModelList = Type.Object({ object: Type.Literal('list'), data: Type.Array(ModelObject) });
export type ModelList = Static<typeof ModelList>;

export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  model_loaded: Type.String(),
  services: Type.Array(
    Type.Object({
      name: Type.String(),
      status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
      detail: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  ),
});
export type Health = Static<typeof Health>;

/** Lemonade's /api/v1/stats: the last completed request; every figure null before the first. */
export const Stats = Type.Object({
  time_to_first_token: NullableNumber,
  tokens_per_second: NullableNumber,
  input_tokens: Type.Union([Type.Integer(), Type.Null()]),
  output_tokens: Type.Union([Type.Integer(), Type.Null()]),
});
export type Stats = Static<typeof Stats>;

// ---- streaming chunks ----

export interface ChunkBase {
  id: string;
  created: number;
  model: string;
}

export function chatChunk(
  base: ChunkBase,
  delta: { role?: 'assistant'; content?: string },
  finishReason: FinishReason | null,
  index = 0,
  logprobs: ChatLogprobs | null = null,
): Record<string, unknown> {
  return {
    ...base,
    object: 'chat.completion.chunk',
    choices: [{ index, delta, logprobs, finish_reason: finishReason }],
  };
}

export function textChunk(base: ChunkBase, text: string, finishReason: FinishReason | null, index = 0, logprobs: CompletionLogprobs | null = null): Record<string, unknown> {
  return {
    ...base,
    object: 'text_completion',
    choices: [{ index, text, logprobs, finish_reason: finishReason }],
  };
}

// ---- log-probabilities ----

/**
 * Token ids -> the strings and bytes the logprobs objects show. A token is shown as it decodes alone
 * (special tokens included); a byte-level token that is only part of a character decodes to U+FFFD, and
 * its `bytes` are then null (OpenAI: "null if there is no bytes representation").
 */
export class TokenText {
  private readonly cache = new Map<number, string>();
  constructor(private readonly tokenizer: TextTokenizer) {}

  text(id: number): string {
    let t = this.cache.get(id);
    if (t === undefined) {
      t = this.tokenizer.decode([id], false);
      this.cache.set(id, t);
    }
    return t;
  }

  bytes(id: number): number[] | null {
    const t = this.text(id);
    return t.includes('\uFFFD') ? null : [...Buffer.from(t, 'utf8')];
  }
}

/**
 * The completions' logprobs object for tokens in order: `lps[i]` null for a token without one (the
 * prompt's first). top_logprobs maps each alternative's string to its log-probability (two ids that show
 * as the same string keep the likelier). text_offset: each token's offset in the text, counting the
 * tokens' strings from `offset`.
 */
export function completionLogprobs(ids: readonly number[], lps: readonly (TokenLogprob | null)[], strings: TokenText, offset = 0): CompletionLogprobs {
  const out: CompletionLogprobs = { tokens: [], token_logprobs: [], top_logprobs: [], text_offset: [] };
  let at = offset;
  ids.forEach((id, i) => {
    const lp = lps[i] ?? null;
    const text = strings.text(id);
    out.tokens.push(text);
    out.token_logprobs.push(lp ? lp.logprob : null);
    if (lp) {
      const top: Record<string, number> = {};
      for (const t of lp.top) {
        const k = strings.text(t.id);
        if (!(k in top)) top[k] = t.logprob;
      }
      out.top_logprobs.push(top);
    } else {
      out.top_logprobs.push(null);
    }
    out.text_offset.push(at);
    at += text.length;
  });
  return out;
}

/** Chat's logprobs object for generated tokens `ids` and their log-probabilities. */
export function chatLogprobs(ids: readonly number[], lps: readonly TokenLogprob[], strings: TokenText): ChatLogprobs {
  return {
    content: ids.map((id, i) => ({
      token: strings.text(id),
      logprob: lps[i]!.logprob,
      bytes: strings.bytes(id),
      top_logprobs: lps[i]!.top.map((t) => ({ token: strings.text(t.id), logprob: t.logprob, bytes: strings.bytes(t.id) })),
    })),
    refusal: null,
  };
}

/** The last chunk with `stream_options.include_usage`: no choices, the usage. */
export function usageChunk(base: ChunkBase, object: 'chat.completion.chunk' | 'text_completion', usage: Usage): Record<string, unknown> {
  return { ...base, object, choices: [], usage };
}

export function sse(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}
export const SSE_DONE = 'data: [DONE]\n\n';

// ---- timings ----

/** What a finished request measured: the backend's `done` event, or the gateway's own clock (stop strings). */
export interface Measured {
  promptTokens: number;
  completionTokens: number;
  /** Request accepted to first token. */
  promptMs: number;
  /** First token to last token: completionTokens - 1 decode steps. */
  decodeMs: number;
}

/**
 * llama.cpp's timings from what was measured. prompt_ms is time to first token (prefill and the first
 * sample, queueing included); predicted_ms is first to last token, which spans predicted_n - 1 decode
 * steps, so the per-token figures divide by predicted_n - 1. A figure that would divide by zero is null.
 */
export function timingsOf(m: Measured): Timings {
  const steps = m.completionTokens - 1;
  const rate = (n: number, ms: number) => (n > 0 && ms > 0 ? (n * 1000) / ms : null);
  const perToken = (n: number, ms: number) => (n > 0 && ms > 0 ? ms / n : null);
  return {
    prompt_n: m.promptTokens,
    prompt_ms: m.promptMs,
    prompt_per_token_ms: perToken(m.promptTokens, m.promptMs),
    prompt_per_second: rate(m.promptTokens, m.promptMs),
    predicted_n: m.completionTokens,
    predicted_ms: m.decodeMs,
    predicted_per_token_ms: perToken(steps, m.decodeMs),
    predicted_per_second: rate(steps, m.decodeMs),
  };
}

export function usageOf(m: Measured): Usage {
  return { prompt_tokens: m.promptTokens, completion_tokens: m.completionTokens, total_tokens: m.promptTokens + m.completionTokens };
}

// ---- released text ----

/**
 * Generated token ids -> the text a client may see, as it grows. StreamDecoder never splits a multi-byte
 * character; with stop strings, text that could be the start of one is held back until it is known not
 * to be, and the text is cut before the first stop string found (`stopped` then turns true).
 */
export class TextAssembler {
  private readonly decoder: StreamDecoder;
  private held = '';
  stopped = false;

  constructor(
    tokenizer: TextTokenizer,
    private readonly stops: readonly string[],
  ) {
    this.decoder = new StreamDecoder(tokenizer);
  }

  /** The text newly released by `ids` (possibly empty). */
  push(ids: readonly number[]): string {
    if (this.stopped) return '';
    let fresh = '';
    for (const id of ids) fresh += this.decoder.push(id);
    const pending = this.held + fresh;
    let cut = -1;
    for (const s of this.stops) {
      const i = pending.indexOf(s);
      if (i >= 0 && (cut < 0 || i < cut)) cut = i;
    }
    if (cut >= 0) {
      this.stopped = true;
      this.held = '';
      return pending.slice(0, cut);
    }
    let keep = 0;
    for (const s of this.stops) {
      for (let k = Math.min(s.length - 1, pending.length); k > keep; k--) {
        if (pending.endsWith(s.slice(0, k))) {
          keep = k;
          break;
        }
      }
    }
    this.held = pending.slice(pending.length - keep);
    return pending.slice(0, pending.length - keep);
  }

  /** Generation ended without a stop string: release what was held back. */
  finish(): string {
    const rest = this.stopped ? '' : this.held;
    this.held = '';
    return rest;
  }
}
