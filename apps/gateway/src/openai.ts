// The OpenAI-compatible surface: request and response schemas (TypeBox: validation, types and OpenAPI from
// one place), the response and chunk shapes, llama.cpp-style timings, and the text a request releases
// (incremental decoding cut at stop strings).
import { Type, type Static, type TSchema } from 'typebox';
import { StreamDecoder, type TextTokenizer } from '@inferos/inference';
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
  n: Nullable(Type.Integer({ minimum: 1, description: 'Only 1 is supported.' })),
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
});
export type ChatCompletionRequest = Static<typeof ChatCompletionRequest>;

export const CompletionRequest = Type.Object({
  ...SamplingFields,
  prompt: Type.Union([Type.String(), Type.Array(Type.String(), { minItems: 1, maxItems: 1 })]),
});
export type CompletionRequest = Static<typeof CompletionRequest>;

/**
 * OpenAI fields this server does not implement, with the values that mean "not used". Any other value is
 * refused (400) rather than silently ignored; absent or null is always fine.
 */
export const UNSUPPORTED_UNLESS: Record<string, (v: unknown) => boolean> = {
  n: (v) => v === 1,
  best_of: (v) => v === 1,
  echo: (v) => v === false,
  suffix: (v) => v === '',
  logprobs: (v) => v === false || v === 0,
  top_logprobs: (v) => v === 0,
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

export const ChatCompletion = Type.Object({
  id: Type.String(),
  object: Type.Literal('chat.completion'),
  created: Type.Integer(),
  model: Type.String(),
  choices: Type.Array(
    Type.Object({
      index: Type.Integer(),
      message: Type.Object({ role: Type.Literal('assistant'), content: Type.String(), refusal: Type.Null() }),
      logprobs: Type.Null(),
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
    Type.Object({ index: Type.Integer(), text: Type.String(), logprobs: Type.Null(), finish_reason: FinishReasonSchema, ...TokenIds }),
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
): Record<string, unknown> {
  return {
    ...base,
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

export function textChunk(base: ChunkBase, text: string, finishReason: FinishReason | null): Record<string, unknown> {
  return {
    ...base,
    object: 'text_completion',
    choices: [{ index: 0, text, logprobs: null, finish_reason: finishReason }],
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
