// The HTTP contract of the gateway's OpenAI-compatible routes, as TypeBox schemas: the gateway validates
// requests and serializes responses with them, and the client (client.ts) types what it sends and gets
// from the same definitions. Static<typeof X> is the TypeScript type of X.
import { Type, type Static, type TSchema } from 'typebox';

/** The most alternatives a position's log-probabilities report (OpenAI's and vLLM's limit). */
export const MAX_TOP_LOGPROBS = 20;

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

